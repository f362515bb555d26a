# send_sequence() sends every item of an iterable and returns how many.
import stackless


def sender(ch, seq):
    n = ch.send_sequence(seq)
    print("sent", n)
    ch.send_exception(StopIteration)


def receiver(ch):
    total = 0
    for v in ch:
        total += v
        print("recv", v)
    print("total", total)


ch = stackless.channel()
stackless.tasklet(sender)(ch, (x * x for x in range(4)))
stackless.tasklet(receiver)(ch)
stackless.run()
