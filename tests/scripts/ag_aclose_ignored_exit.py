# An async generator that yields while handling GeneratorExit during aclose -> RuntimeError.
async def stubborn():
    try:
        yield 1
    finally:
        print("  in finally, about to yield")
        yield "cleanup"
        print("  finally resumed")

def drive(aw):
    try:
        r = aw.send(None)
        return ("suspend", r)
    except StopIteration as e:
        return ("done", e.value)
    except StopAsyncIteration:
        return ("stop",)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))

ag = stubborn()
print(drive(ag.__anext__()))
print(drive(ag.aclose()))
# the generator is left suspended inside finally; resuming finishes the finally
# and the pending GeneratorExit propagates
print(drive(ag.__anext__()))
print(drive(ag.__anext__()))

# same thing when GeneratorExit is caught explicitly in a loop
allow_exit = False
async def catches():
    while not allow_exit:
        try:
            yield "tick"
        except GeneratorExit:
            print("  ignoring GeneratorExit")
    print("  loop finished")

c = catches()
print(drive(c.__anext__()))
print(drive(c.aclose()))
allow_exit = True
print(drive(c.__anext__()))
print(drive(c.__anext__()))

# athrow(GeneratorExit) behaves like a normal throw: the yield in finally is delivered
s = stubborn()
print(drive(s.__anext__()))
print(drive(s.athrow(GeneratorExit)))
print(drive(s.__anext__()))
print(drive(s.__anext__()))
