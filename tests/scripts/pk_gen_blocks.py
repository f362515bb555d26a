# Generators suspended inside try/except/finally and with blocks: after a
# round trip, the handlers and cleanups of the copy still run.
from helper_pk import roundtrip

log = []


def done(original):
    # The original may still be suspended (not under a reference run that
    # could not copy it): close it now, so its cleanup does not land later.
    original.close()
    log.clear()


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return exc_type is KeyError


def in_finally():
    try:
        yield 1
        yield 2
    finally:
        log.append("finally ran")
    yield 3


g = in_finally()
next(g)
c = roundtrip(g)
print(list(c), log)
done(g)


def in_except():
    try:
        raise ValueError("boom")
    except ValueError as e:
        yield "handling " + str(e)
        yield "still handling"
    yield "after"


g = in_except()
print(next(g))
c = roundtrip(g)
print(list(c))
done(g)


def in_with():
    with Resource("db") as r:
        yield "using " + r.name
        yield "still using"
    yield "closed"


g = in_with()
print(next(g), log)
c = roundtrip(g)
print(list(c), log)
done(g)


def throw_target():
    while True:
        try:
            x = yield "ready"
            log.append(f"got {x}")
        except KeyError as e:
            log.append(f"caught {e!r}")
            yield "recovered"


g = throw_target()
next(g)
g.send(5)
c = roundtrip(g)
print(c.send(6), c.throw(KeyError("k")), next(c), log)
done(g)


def with_suppress():
    with Resource("outer"):
        with Resource("inner"):
            yield "deep"
            raise KeyError("suppressed by inner")
        yield "after inner"
    yield "after outer"


g = with_suppress()
next(g)
c = roundtrip(g)
print(list(c), log)
done(g)


def close_me():
    try:
        yield "a"
        yield "b"
    finally:
        log.append("cleanup on close")


g = close_me()
next(g)
c = roundtrip(g)
c.close()
print("closed", log)
done(g)


def else_branch():
    for i in range(3):
        try:
            yield i
        except ZeroDivisionError:
            yield "div"
        else:
            log.append(f"else {i}")
        finally:
            log.append(f"fin {i}")


g = else_branch()
next(g)
c = roundtrip(g)
print(c.throw(ZeroDivisionError), list(c), log)
