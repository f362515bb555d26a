# Functions pickle by value: lambdas, nested functions, closures whose cells
# stay shared, defaults, keyword-only defaults, attributes and names.
from helper_pk import roundtrip


def make_counter(start):
    count = start

    def incr(by=1):
        nonlocal count
        count += by
        return count

    def peek():
        return count

    return incr, peek


incr, peek = make_counter(10)
incr()
incr(5)
pair = roundtrip((incr, peek))
i2, p2 = pair
print("peek after load", p2())
print("incr", i2(), i2(100), "peek", p2())
print("names", i2.__name__, i2.__qualname__, p2.__qualname__)
print("defaults", i2.__defaults__)

square = roundtrip(lambda x: x * x)
print("lambda", square(7), square.__name__)

offset = 3
add_offset = roundtrip(lambda x, y=4, *, z=5: x + y + z + offset)
print("globals seen", add_offset(1), add_offset(1, 2, z=0))
print("kwdefaults", add_offset.__kwdefaults__)


def outer(prefix):
    def fmt(*args, sep="-", **kw):
        extra = ",".join(f"{k}={v}" for k, v in sorted(kw.items()))
        return prefix + sep.join(str(a) for a in args) + (";" + extra if extra else "")
    fmt.calls = 0
    fmt.tags = ["x", "y"]
    return fmt


f = roundtrip(outer("<"))
print(f(1, 2, 3), f(4, sep="+", b=2, a=1))
print("dict", sorted(f.__dict__.items()))
print("qualname", f.__qualname__)


def compose(*fs):
    def run(x):
        for g in reversed(fs):
            x = g(x)
        return x
    return run


pipeline = roundtrip(compose(lambda s: s.upper(), lambda s: s[::-1], str.strip))
print(pipeline("  brine  "))


def fib_memo():
    memo = {0: 0, 1: 1}

    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib


fib = fib_memo()
fib(20)
fib2 = roundtrip(fib)
print("recursive closure", fib2(30), fib2(10))


# A closure over a cell that is itself shared by a list of functions.
def adders():
    fns = []
    for k in range(3):
        fns.append(lambda x, k=k: x + k)
    total = [0]

    def acc(v):
        total[0] += v
        return total[0]
    fns.append(acc)
    fns.append(lambda: total[0])
    return fns


fs = roundtrip(adders())
print([g(10) for g in fs[:3]], fs[3](5), fs[3](6), fs[4]())

# builtins by reference
b = roundtrip([len, max, sorted, abs, int, dict, str, list.append])
print(b[0] is len, b[1] is max, b[4] is int, b[5] is dict, b[0]([1, 2]), b[4]("12"))


def doc_fn(a, b=2):
    "A documented module-level function."
    return a * b


d2 = roundtrip(doc_fn)
print(d2(3), d2.__doc__, d2.__name__)
