# aclose(): closing a suspended async generator runs its finally / except GeneratorExit.
log = []

async def agen(name):
    try:
        log.append(name + ":start")
        yield 1
        log.append(name + ":after1")
        yield 2
    except GeneratorExit:
        log.append(name + ":GeneratorExit")
        raise
    finally:
        log.append(name + ":finally")

def drive(aw):
    try:
        r = aw.send(None)
        return ("suspend", r)
    except StopIteration as e:
        return ("done", e.value)
    except StopAsyncIteration:
        return ("stop",)
    except Exception as e:
        return ("raised", type(e).__name__, str(e))

ag = agen("A")
print(drive(ag.__anext__()))
aw = ag.aclose()
print(type(aw).__name__)
print(drive(aw))
print(log)
print(drive(ag.__anext__()))

# generator that swallows GeneratorExit by returning is fine
async def returns_on_exit():
    try:
        yield "x"
    except GeneratorExit:
        print("  got GeneratorExit, returning")
        return

r = returns_on_exit()
print(drive(r.__anext__()))
print(drive(r.aclose()))

# generator raising a different exception from finally during aclose
async def raises_on_exit():
    try:
        yield "y"
    finally:
        raise KeyError("from finally")

k = raises_on_exit()
print(drive(k.__anext__()))
print(drive(k.aclose()))
print(drive(k.__anext__()))
