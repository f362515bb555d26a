# The asend/athrow awaitable objects: type names, send/throw/close methods.
async def agen():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("  agen caught KeyError", e.args)
        yield "after-keyerror"
    finally:
        print("  agen finally")

ag = agen()
a1 = ag.asend(None)
t1 = ag.athrow(ValueError)
c1 = ag.aclose()
print(type(a1).__name__, type(t1).__name__, type(c1).__name__)
print(type(ag.__anext__()).__name__)
print(hasattr(a1, "send"), hasattr(a1, "throw"), hasattr(a1, "close"))
print(a1.__await__() is a1, t1.__await__() is t1)
print(iter(a1) is a1)
# unused awaitables can be closed without effect on the generator
t1.close()
c1.close()

try:
    a1.send(None)
except StopIteration as e:
    print("a1 ->", e.value)

# throw() on an asend awaitable throws into the generator
a2 = ag.asend(None)
try:
    a2.throw(KeyError("via-asend-throw"))
except StopIteration as e:
    print("a2.throw ->", e.value)

# close() on an awaitable that was never started, then using it
a3 = ag.asend(None)
a3.close()
try:
    a3.send(None)
except RuntimeError as e:
    print(type(e).__name__, str(e))
except StopIteration as e:
    print("a3 ->", e.value)

# throw() on an athrow awaitable
t2 = ag.athrow(ValueError("ignored?"))
try:
    t2.throw(IndexError("from t2.throw"))
except IndexError as e:
    print("t2.throw raised", type(e).__name__, e.args)
except StopIteration as e:
    print("t2.throw ->", e.value)

try:
    ag.__anext__().send(None)
except StopAsyncIteration:
    print("exhausted")
