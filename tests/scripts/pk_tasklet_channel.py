# A tasklet blocked on a channel is pickled with the channel: after loading,
# the loaded channel holds the loaded tasklet, and sending to it wakes it.
import stackless
from helper_pk import dumps, loads


def consumer(ch, results):
    total = 0
    while True:
        item = ch.receive()
        if item is None:
            break
        total += item
        results.append(("got", item, total))
    results.append(("total", total))


ch = stackless.channel()
results = []
t = stackless.tasklet(consumer)(ch, results)
stackless.run()
ch.send(5)
ch.send(7)
print("before", results, ch.balance, t.blocked, t.scheduled)

data = dumps((t, ch, results))
if isinstance(data, bytes):
    ch2_orig = ch
    t2, ch2, results2 = loads(data)
    t.kill()
else:
    t2, ch2, results2 = t, ch, results
print("loaded", t2.alive, t2.blocked, ch2.balance, results2 == results)
print("queue", ch2.queue is t2)
ch2.send(30)
ch2.send(None)
print("after", results2)
print("consumer ended", t2.alive, ch2.balance)


# a sender blocked on a channel, loaded, then received from
def producer(ch, items):
    for x in items:
        ch.send(x)
    ch.send("eof")


ch = stackless.channel()
p = stackless.tasklet(producer)(ch, ["a", "b", "c"])
stackless.run()
print("first", ch.receive(), ch.balance)
data = dumps([p, ch])
if isinstance(data, bytes):
    p.kill()
    p2, c2 = loads(data)
else:
    p2, c2 = p, ch
print("sender loaded", c2.balance, p2.blocked)
if not p2.scheduled:
    # a loaded tasklet is alive but not scheduled until inserted
    p2.insert()
received = []
while True:
    v = c2.receive()
    received.append(v)
    if v == "eof":
        break
print(received, p2.alive)


# two receivers queued on one channel keep their order
def rx(name, ch, log):
    log.append((name, ch.receive()))


ch = stackless.channel()
log = []
r1 = stackless.tasklet(rx)("r1", ch, log)
r2 = stackless.tasklet(rx)("r2", ch, log)
stackless.run()
data = dumps((ch, r1, r2, log))
if isinstance(data, bytes):
    r1.kill()
    r2.kill()
    ch, r1, r2, log = loads(data)
print("waiting", ch.balance)
ch.send("x")
ch.send("y")
print(log)
