# A watchdog made runnable while it waits in run() keeps its place in the
# run queue when an exception wakes it; and a block trap is checked before
# a channel's closing.
import stackless

order = []


def watchdog():
    try:
        stackless.run()
    except ValueError as e:
        order.append(("watchdog caught", str(e)))
    order.append(("after watchdog", names(stackless.current)))


def names(t):
    out = []
    n = t.next
    while n is not None and n is not t:
        out.append(getattr(n, "name", "main" if n is stackless.main else "?"))
        n = n.next
    return out


class Named(stackless.tasklet):
    pass


def make(f, name, *args):
    t = Named(f)
    t.name = name
    t(*args)
    return t


def poke(target):
    target.throw(KeyError, "pending", pending=True)
    stackless.schedule()
    order.append("poke done")


def fail():
    raise ValueError("from fail")


w = make(watchdog, "w")
stackless.schedule()
make(poke, "p", w)
make(fail, "f")
make(lambda: order.append("tail ran"), "tail")
while stackless.getruncount() > 1:
    stackless.schedule()
print(order)

ch = stackless.channel()
ch.close()
stackless.current.block_trap = True
try:
    ch.receive()
except Exception as e:
    print(type(e).__name__, e)
stackless.current.block_trap = False
try:
    ch.receive()
except Exception as e:
    print(type(e).__name__, e)
