# Reusing an already-awaited asend/__anext__ awaitable raises RuntimeError.
async def agen():
    yield "a"
    yield "b"

def show(label, aw, value=None):
    try:
        r = aw.send(value)
        print(label, "suspended", r)
    except StopIteration as e:
        print(label, "StopIteration", e.value)
    except StopAsyncIteration:
        print(label, "StopAsyncIteration")
    except RuntimeError as e:
        print(label, "RuntimeError", str(e))

ag = agen()
n1 = ag.__anext__()
show("n1 first", n1)
show("n1 again", n1)
show("n1 third", n1)
n2 = ag.asend(None)
show("n2", n2)
show("n2 again", n2)
n3 = ag.__anext__()
show("n3", n3)
show("n3 again", n3)

# throw() on an exhausted asend awaitable
try:
    n1.throw(ValueError("late"))
except RuntimeError as e:
    print("throw on used:", type(e).__name__, str(e))

# two awaitables created up front, used in order
g = agen()
x = g.__anext__()
y = g.__anext__()
show("y before x", y)
show("x after y", x)
show("y reuse", y)

try:
    g.aclose().send(None)
except StopIteration:
    print("g closed")
