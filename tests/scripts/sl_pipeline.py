# A three-stage pipeline over two channels, ended by a None sentinel.
import stackless


def source(out, n):
    for i in range(1, n + 1):
        out.send(i)
    out.send(None)


def square(inp, out):
    while True:
        v = inp.receive()
        if v is None:
            out.send(None)
            return
        out.send(v * v)


def sink(inp, results):
    while True:
        v = inp.receive()
        if v is None:
            return
        results.append(v)


a = stackless.channel()
b = stackless.channel()
results = []
stackless.tasklet(source)(a, 5)
stackless.tasklet(square)(a, b)
stackless.tasklet(sink)(b, results)
stackless.run()
print(results)
print(a.balance, b.balance, stackless.getruncount())
