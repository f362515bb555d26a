def worker():
    results = []
    while True:
        try:
            job = yield len(results)
        except KeyError as e:
            results.append(f"recovered {e}")
            continue
        except GeneratorExit:
            print("worker closing with", results)
            raise
        if job is None:
            return results
        results.append(job * 2)


w = worker()
print(next(w), w.send(5), w.throw(KeyError("k1")), w.send(7))
try:
    w.send(None)
except StopIteration as e:
    print("returned", e.value)
w2 = worker()
next(w2)
w2.send(1)
w2.close()
print("closed")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def inner():
    try:
        yield "i1"
        yield "i2"
    finally:
        print("inner finally")


def outer():
    yield "o1"
    yield from inner()
    yield "o2"


g = outer()
print(next(g), next(g))
g.close()
g = outer()
print(list(g))


def raiser():
    yield 1
    raise ValueError("in generator")


try:
    for v in raiser():
        print("got", v)
except ValueError as e:
    print("caught", e)
gen = (i for i in range(3))
print(list(gen), next(gen, "exhausted"))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from empty iterator")
