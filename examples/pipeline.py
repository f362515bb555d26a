# A pipeline of tasklets: numbers flow through a filter and a squarer to a
# printer, over channels; stackless.run() runs them until all are done.
import stackless


def numbers(out, n):
    for i in range(n):
        out.send(i)
    out.send_exception(StopIteration)


def odd_only(inp, out):
    for v in inp:
        if v % 2:
            out.send(v)
    out.send_exception(StopIteration)


def squares(inp, out):
    for v in inp:
        out.send(v * v)
    out.send_exception(StopIteration)


def printer(inp):
    total = 0
    for v in inp:
        total += v
        print("got", v)
    print("total", total)


chans = [stackless.channel() for _ in range(3)]
stackless.tasklet(numbers)(chans[0], 10)
stackless.tasklet(odd_only)(chans[0], chans[1])
stackless.tasklet(squares)(chans[1], chans[2])
stackless.tasklet(printer)(chans[2])
stackless.run()
