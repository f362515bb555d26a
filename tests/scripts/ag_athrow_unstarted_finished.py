# athrow() on a not-started generator and on a finished generator.
async def agen():
    print("  body started")
    try:
        yield 1
    except ValueError:
        print("  never printed for unstarted")
    yield 2

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
print("unstarted athrow:", drive(ag.athrow(ValueError("early"))))
print("after:", drive(ag.__anext__()))

async def short():
    yield "only"

s = short()
print(drive(s.__anext__()))
print(drive(s.__anext__()))
print("finished athrow:", drive(s.athrow(ValueError("late"))))
print("finished athrow class:", drive(s.athrow(KeyError)))
print("finished anext:", drive(s.__anext__()))

# athrow on a generator that returned normally after being started
async def two():
    yield 1
    return

t = two()
print(drive(t.__anext__()))
print(drive(t.__anext__()))
print(drive(t.athrow(TypeError("t"))))
