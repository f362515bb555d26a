# aclose() on an unstarted generator, awaiting aclose twice, and aclose after exhaustion.
async def agen():
    try:
        print("  body runs")
        yield 1
    finally:
        print("  finally")

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

ag = agen()
print("unstarted close:", drive(ag.aclose()))
print("anext after close:", drive(ag.__anext__()))
print("close again:", drive(ag.aclose()))

g = agen()
print(drive(g.__anext__()))
print("close 1:", drive(g.aclose()))
print("close 2:", drive(g.aclose()))

# awaiting the SAME aclose awaitable twice
h = agen()
print(drive(h.__anext__()))
c = h.aclose()
print("first await:", drive(c))
print("second await:", drive(c))

# exhausted then closed
e = agen()
print(drive(e.__anext__()))
print(drive(e.__anext__()))
print("close exhausted:", drive(e.aclose()))
