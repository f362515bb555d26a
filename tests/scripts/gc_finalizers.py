# Finalizers run when a collection finds their object unreachable:
# __del__ of instances (of Python classes and of subclasses of built-in
# types), and the handlers of generators dropped while suspended.
import gc


class R:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class L(list):
    def __del__(self):
        print("del L", list(self))


def items(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)


def guarded(tag):
    with Guard(tag):
        yield "in with"


class Guard:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit", self.tag, exc[0].__name__ if exc[0] else None)


def plain():
    yield 1
    yield 2


def run():
    for v in items("for-break"):
        break
    g = items("next")
    next(g)
    items("unstarted")
    p = plain()
    next(p)
    w = guarded("with")
    next(w)
    r = R("local")


run()
gc.collect()
print("after run")
x = L([1, 2])
x = None
gc.collect()
print("after L")
done = items("finished")
print(list(done))
del done
gc.collect()
print("end")
