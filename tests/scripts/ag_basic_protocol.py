# Basic async generator protocol: type name, __aiter__ identity, manual __anext__ driving.
async def agen():
    yield 1
    yield 2
    yield "three"

ag = agen()
print(type(ag).__name__)
print(ag.__aiter__() is ag)
print(type(agen).__name__)

def step(aw):
    try:
        r = aw.send(None)
        print("suspended with", r)
    except StopIteration as e:
        print("StopIteration value:", e.value, "args:", e.args)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", e.args)

for i in range(5):
    aw = ag.__anext__()
    print("step", i, type(aw).__name__)
    step(aw)

# a fresh generator, driven through a helper that returns values
def anext_value(g):
    try:
        g.__anext__().send(None)
    except StopIteration as e:
        return ("val", e.value)
    except StopAsyncIteration:
        return ("end", None)

g2 = agen()
out = []
while True:
    r = anext_value(g2)
    out.append(r)
    if r[0] == "end":
        break
print(out)
