# Coroutines driven by hand: send, throw, close, and reuse of a finished coroutine.
class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return got

async def worker():
    total = 0
    try:
        while True:
            try:
                v = await Suspend("need-value")
            except ValueError as e:
                print("  worker caught", e.args)
                v = 0
            if v is None:
                return total
            total += v
    finally:
        print("  worker finally, total =", total)

c = worker()
print(type(c).__name__, c.__name__, c.cr_code.co_name)
print("cr_running", c.cr_running, "cr_await", c.cr_await)
print("first send:", c.send(None))
print("cr_await type:", type(c.cr_await).__name__)
print("send 5:", c.send(5))
print("throw ValueError:", c.throw(ValueError("bad")))
print("send 7:", c.send(7))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, str(e))

c2 = worker()
c2.send(None)
print("close:", c2.close())
try:
    c2.send(1)
except RuntimeError as e:
    print(type(e).__name__, str(e))

c3 = worker()
try:
    c3.send(3)
except TypeError as e:
    print(type(e).__name__, str(e))
c3.close()

c4 = worker()
c4.send(None)
try:
    c4.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
try:
    c4.throw(KeyError("again"))
except BaseException as e:
    print("throw into finished:", type(e).__name__, str(e))

c5 = worker()
try:
    c5.throw(ValueError("before start"))
except ValueError as e:
    print("unstarted throw:", e)
c5.close()
print("close of unstarted is fine")
