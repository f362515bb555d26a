# An event built on a channel that prefers the sender: set() wakes every
# waiter without blocking, and they run when the scheduler runs.
import stackless


class Event:
    def __init__(self):
        self.ch = stackless.channel()
        self.ch.preference = 1
        self.flag = False

    def wait(self):
        if not self.flag:
            self.ch.receive()

    def set(self):
        self.flag = True
        while self.ch.balance < 0:
            self.ch.send(None)


ev = Event()


def waiter(name):
    print(name, "waits")
    ev.wait()
    print(name, "proceeds")


for n in "abc":
    stackless.tasklet(waiter)(n)
stackless.run()
print("setting")
ev.set()
print("set done")
stackless.run()
stackless.tasklet(waiter)("d")
stackless.run()
