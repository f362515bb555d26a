def sub():
    try:
        yield 1
    except KeyError:
        yield "handled"
    return "r"
def dele():
    r = yield from sub()
    yield r
d = dele(); next(d); print(d.throw(KeyError)); print(next(d))
class Cancelled(Exception): pass
class Sleep:
    def __await__(self):
        yield "sleep"
async def inner():
    try:
        await Sleep()
    except Cancelled:
        print("inner caught")
        await Sleep()
        return "after"
    return "normal"
async def outer():
    r = await inner()
    print("outer got", r)
    return r
c = outer()
print(c.send(None))
print(c.throw(Cancelled()))
try:
    c.send(None)
except StopIteration as e:
    print("stop", e.value)
def sub():
    try:
        yield 1
    finally:
        print("sub closing")
def dele():
    try:
        yield from sub()
    finally:
        print("dele closing")
d = dele(); next(d); d.close()
def sub2():
    try:
        yield 1
    except ValueError:
        return "ret"
def dele2():
    r = yield from sub2()
    print("got", r)
    yield r
d = dele2(); next(d); print(d.throw(ValueError))
def dele3():
    try:
        yield from sub()
    except KeyError as e:
        print("dele3 caught", repr(e))
        yield "x"
d = dele3(); next(d); print(d.throw(KeyError("k")))
