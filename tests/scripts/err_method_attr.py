class Robot:
    def __init__(self, name):
        self.name = name

    def move(self, steps):
        print(self.name, "moves", steps)
        return self.battery - steps


r = Robot("R2")
r.move(3)
