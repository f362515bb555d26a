# Sending a non-None value to a just-started async generator raises TypeError.
async def agen():
    x = yield "first"
    print("got", x)
    yield "second"

ag = agen()
aw = ag.asend(42)
print(type(aw).__name__)
try:
    aw.send(None)
except TypeError as e:
    print(type(e).__name__, str(e))

# generator is still usable: start it properly
try:
    ag.asend(None).send(None)
except StopIteration as e:
    print("started:", e.value)
try:
    ag.asend("payload").send(None)
except StopIteration as e:
    print("next:", e.value)

# send() on the awaitable with a non-None value at the start of the awaitable
ag2 = agen()
aw2 = ag2.asend(None)
try:
    aw2.send("x")
except TypeError as e:
    print(type(e).__name__, str(e))
except StopIteration as e:
    print("StopIteration", e.value)

ag3 = agen()
try:
    ag3.__anext__().send(None)
except StopIteration as e:
    print("ag3 first:", e.value)
try:
    ag3.asend(None).send(None)
except StopIteration as e:
    print("ag3 second:", e.value)

# finish every generator explicitly (no reliance on finalizers)
for g in (ag, ag2, ag3):
    try:
        g.aclose().send(None)
    except StopIteration:
        print("closed", g.__name__)
