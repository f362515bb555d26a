def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"


def delegate():
    result = yield from countdown(3)
    print("sub returned", result)
    yield "last"


print(list(delegate()))


def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x


acc = accumulator()
next(acc)
print(acc.send(5), acc.send(10))
nums = (i * i for i in range(6) if i % 2 == 0)
print(list(nums), list(zip("abc", range(10))), list(enumerate("xy", 1)))
print(list(map(lambda x: x + 1, [1, 2, 3])), list(filter(None, [0, 1, 2, 0])))
print(sorted([3, 1, 2], reverse=True), list(reversed([1, 2, 3])), any(x > 2 for x in [1, 3]))


class Sleep:
    def __await__(self):
        yield "sleep"


async def worker(name, n):
    for i in range(n):
        await Sleep()
        print(name, i)
    return name.upper()


def run(coros):
    results = {}
    while coros:
        c = coros.pop(0)
        try:
            c.send(None)
            coros.append(c)
        except StopIteration as e:
            results[e.value] = True
    return results


print(run([worker("a", 2), worker("b", 3)]))


def pipeline():
    data = range(20)
    evens = (x for x in data if x % 2 == 0)
    squares = (x * x for x in evens)
    return [s for s in squares if s > 10]


print(pipeline())


def g2():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"


g = g2()
print(next(g), g.throw(ValueError("boom")))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
