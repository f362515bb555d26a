# Iterating over a channel ends when StopIteration is sent.
import stackless


def sender(ch, items):
    for x in items:
        ch.send(x)
    ch.send_exception(StopIteration)


def receiver(ch):
    for v in ch:
        print("got", v)
    print("receiver done")


ch = stackless.channel()
stackless.tasklet(sender)(ch, ["a", "b", "c"])
stackless.tasklet(receiver)(ch)
stackless.run()
print("balance", ch.balance)
