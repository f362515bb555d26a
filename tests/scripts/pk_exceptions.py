# Exceptions in flight: caught, pickled with their args, cause, context and
# traceback, and raised again after loading.
from helper_pk import roundtrip


class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise AppError(400, f"not a number: {text!r}") from e


try:
    parse("x1")
except AppError as err:
    caught = err

e2, cause = roundtrip((caught, caught.__cause__))
print(type(e2).__name__, e2.args, e2.code, e2.detail)
print("cause", type(cause).__name__, cause.args)
try:
    raise e2
except AppError as again:
    print("re-raised", again.code)

simple = roundtrip([ValueError("bad"), KeyError("k"), StopIteration(5), ZeroDivisionError()])
print([type(x).__name__ for x in simple], [x.args for x in simple], simple[2].value)
print(str(simple[1]), repr(simple[0]))


def lookup(table, key):
    return table[key]


def handler():
    try:
        lookup({}, "missing")
    except KeyError:
        try:
            1 / 0
        except ZeroDivisionError as z:
            return z


z = handler()
z2, ctx = roundtrip([z, z.__context__])
print(type(z2).__name__, z2.args, type(ctx).__name__, ctx.args)


# a traceback travels on its own, with its frames
def level3():
    raise RuntimeError("deep")


def level2():
    level3()


def level1():
    level2()


def tb_summary(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


try:
    level1()
except RuntimeError as r:
    rt = r
print("traceback", tb_summary(roundtrip(rt.__traceback__)))


# a traceback through a generator's frame
def failing_gen():
    yield 1
    raise KeyError("from the generator")


def consume():
    for _ in failing_gen():
        pass


try:
    consume()
except KeyError as k:
    tb = roundtrip(k.__traceback__)
names = tb_summary(tb)
print("generator traceback", [n for n, _ in names])
print("globals kept", tb.tb_frame.f_globals is globals())


# an exception raised inside a generator, caught by it, pickled mid-handling
def guarded(items):
    for it in items:
        try:
            yield 10 // it
        except TypeError as e:
            yield f"type error {type(e).__name__}"


g = guarded([5, "x", 2, 1])
print(next(g), next(g))
g2 = roundtrip(g)
print(list(g2))


class WithState(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.notes_list = ["n1"]


w = roundtrip(WithState("m"))
print(w.args, w.notes_list, isinstance(w, Exception))

# one exception twice in a container
shared_exc = LookupError(2, "No such file")
box = roundtrip({"first": shared_exc, "second": shared_exc})
print(box["first"] is box["second"], box["first"].args, str(box["second"]))
