def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        return 10 / x
    except ValueError as e:
        print("value error:", e)
        return -1
    finally:
        print("finally", x)


print(f(2), f(0))


class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


try:
    raise MyError(42, "bad thing")
except MyError as e:
    print(e, e.code, e.args, type(e).__name__)

for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("fin", i)

try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))

errors = [lambda: [][1], lambda: int("abc"), lambda: None + 1, lambda: "a" + 1, lambda: {}["x"], lambda: 1 / 0, lambda: undefined_name]
for fn in errors:
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")


g = gen()
print(next(g))
g.close()


def outer():
    try:
        return "try"
    finally:
        print("cleanup in outer")


print(outer())
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    raise KeyError("missing")
except (TypeError, KeyError) as e:
    print("tuple caught", e)


def deep(n):
    if n == 0:
        raise IndexError("bottom")
    deep(n - 1)


try:
    deep(20)
except IndexError as e:
    print("deep", e)


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True


with Ctx() as c:
    raise ValueError("inside with")
print("after with")
with Ctx():
    print("quiet body")
