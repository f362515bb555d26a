# sys.set_asyncgen_hooks firstiter: called once per generator on first __anext__/asend/athrow/aclose.
import sys

calls = []
def firstiter(ag):
    calls.append(ag.__name__)

def finalizer(ag):
    calls.append("finalizer " + ag.__name__)

print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
h = sys.get_asyncgen_hooks()
print(type(h).__name__, h.firstiter is firstiter, h.finalizer is finalizer)
print(h[0] is firstiter, h[1] is finalizer, len(h))

async def alpha():
    yield 1
    yield 2
async def beta():
    yield "b"
async def gamma():
    yield "g"
async def delta():
    yield "d"

a = alpha()
print("created, calls:", calls)
a.__anext__()            # creating the awaitable triggers the hook
print("after __anext__():", calls)
for _ in range(2):
    try:
        a.__anext__().send(None)
    except StopIteration as e:
        print("value", e.value)
print("after iterating:", calls)

b = beta()
b.asend(None)
c = gamma()
c.athrow(ValueError)
d = delta()
d.aclose()
print("all:", calls)
# close them deterministically
for g in (a, b, c, d):
    try:
        g.aclose().send(None)
    except StopIteration:
        pass
print("final:", calls)

# after resetting the hooks to None, new generators are not recorded
sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
e = alpha()
try:
    e.__anext__().send(None)
except StopIteration:
    pass
print("with None hooks:", calls)
print(sys.get_asyncgen_hooks())
try:
    e.aclose().send(None)
except StopIteration:
    pass
