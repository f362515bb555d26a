# Subclasses of tasklet and channel.
import stackless


class Named(stackless.tasklet):
    def setname(self, name):
        self.name = name
        return self


def work():
    cur = stackless.getcurrent()
    print("running in", cur.name, type(cur).__name__, isinstance(cur, stackless.tasklet))


t = Named(work)().setname("w1")
print(type(t).__name__, t.alive, t.scheduled)
stackless.run()
print(t.alive)


class Counting(stackless.channel):
    def __init__(self):
        self.sent = 0

    def send(self, v):
        self.sent += 1
        stackless.channel.send(self, v)


ch = Counting()


def rx():
    for i in range(2):
        print("rx", ch.receive())


stackless.tasklet(rx)()
stackless.run()
ch.send("a")
ch.send("b")
print("sent", ch.sent, "balance", ch.balance, isinstance(ch, stackless.channel))
