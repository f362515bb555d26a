# close() stops a channel's queue from growing: waiting senders drain,
# iteration ends when it is empty, and blocking on it is a ValueError.
import stackless

ch = stackless.channel()


def sender(v):
    ch.send(v)
    print("sender", v, "done")


for v in range(3):
    stackless.tasklet(sender)(v)
stackless.run()
ch.close()
print(ch.balance, ch.closing, ch.closed)
for v in ch:
    print("got", v, "closed", ch.closed)
print("drained", ch.closed)
for op in ("send", "receive"):
    try:
        if op == "send":
            ch.send(1)
        else:
            ch.receive()
    except ValueError:
        print("ValueError on", op)
stackless.run()
ch.open()
print("reopened", ch.closing, ch.closed)
