# athrow(): uncaught exceptions propagate out of the awaitable's send; generator is then finished.
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("  finally runs")

def drive(aw):
    try:
        r = aw.send(None)
        return ("suspend", r)
    except StopIteration as e:
        return ("yield", e.value)
    except StopAsyncIteration:
        return ("stop",)
    except Exception as e:
        return ("raised", type(e).__name__, str(e))

ag = agen()
print(drive(ag.__anext__()))
print(drive(ag.athrow(RuntimeError("boom"))))
print(drive(ag.__anext__()))
print(drive(ag.asend(None)))

class MyErr(Exception):
    pass

async def converter():
    try:
        yield "a"
    except MyErr as e:
        raise ValueError("converted from " + str(e))

c = converter()
print(drive(c.__anext__()))
print(drive(c.athrow(MyErr("mine"))))
print(drive(c.__anext__()))

# exception chaining is visible via __context__
c2 = converter()
drive(c2.__anext__())
try:
    c2.athrow(MyErr("ctx")).send(None)
except ValueError as e:
    print(type(e.__context__).__name__, e.__context__.args)
