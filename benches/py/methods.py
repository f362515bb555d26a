class Counter:
    def __init__(self):
        self.count = 0

    def add(self, k):
        self.count += k
        return self.count


def run(n):
    c = Counter()
    for i in range(n):
        c.add(i % 7)
    return c.count


print(run(300000))
