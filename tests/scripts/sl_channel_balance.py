# Blocked senders queue up in order; their tempval is what they send.
import stackless

ch = stackless.channel()


def s(v):
    ch.send(v)
    print("sender", v, "resumed")


ts = [stackless.tasklet(s)(v) for v in "xyz"]
stackless.run()
print("balance", ch.balance, "queue is first", ch.queue is ts[0])
print("links", ts[0].next is ts[1], ts[1].next is ts[2], ts[2].prev is ts[1], ts[1].prev is ts[0])
print("tempvals", [t.tempval for t in ts])
print(ch.receive(), ch.receive(), ch.receive())
print("balance", ch.balance, "queue", ch.queue, "runcount", stackless.getruncount())
stackless.run()
print("done")
