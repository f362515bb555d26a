def f():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"


print(f())


class CM:
    def __init__(self, log, name):
        self.log, self.name = log, name

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, *exc):
        self.log.append("exit " + self.name + (" with " + exc[0].__name__ if exc[0] else ""))


def gen(log):
    with CM(log, "g"):
        yield 1
        yield 2
    log.append("after with")


log = []
for v in gen(log):
    log.append(f"got {v}")
print(log)
log = []
g = gen(log)
next(g)
g.close()
print(log)


def gen2():
    try:
        yield 1
        return "ret"
    finally:
        print("gen2 finally")


print(list(gen2()))


def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise
    except ArithmeticError as e:
        return type(e).__name__


print(nested())


def retry(n):
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < n:
                raise ConnectionError("flaky")
            return attempts
        except ConnectionError:
            continue
        finally:
            pass


print(retry(4))
results = []
for i in range(3):
    try:
        if i == 1:
            raise KeyError(i)
    except KeyError as e:
        results.append(("err", e.args[0]))
    else:
        results.append(("ok", i))
    finally:
        results.append("fin")
print(results)


def gen3():
    x = yield
    while True:
        x = yield x * 2


g = gen3()
next(g)
print([g.send(i) for i in range(5)])
it = iter(range(10))
print(list(zip(it, it)))
print(sum(1 for _ in filter(lambda c: c.isupper(), "Hello World ABC")))
