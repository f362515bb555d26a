# sys.set_asyncgen_hooks argument handling: partial updates, None reset, non-callables, hook errors.
import sys

def fi(ag):
    print("  firstiter for", ag.__name__)
def fin(ag):
    print("  finalizer for", ag.__name__)

sys.set_asyncgen_hooks(firstiter=fi)
h = sys.get_asyncgen_hooks()
print(h.firstiter is fi, h.finalizer)
sys.set_asyncgen_hooks(finalizer=fin)   # firstiter left untouched
h = sys.get_asyncgen_hooks()
print(h.firstiter is fi, h.finalizer is fin)
sys.set_asyncgen_hooks(fi, None)        # positional arguments
h = sys.get_asyncgen_hooks()
print(h.firstiter is fi, h.finalizer)

for kwargs in ({"firstiter": 1}, {"finalizer": "nope"}):
    try:
        sys.set_asyncgen_hooks(**kwargs)
    except TypeError as e:
        print(type(e).__name__, str(e))
h = sys.get_asyncgen_hooks()
print("unchanged:", h.firstiter is fi, h.finalizer)

# the hook is invoked with the generator; exceptions from it propagate
async def agen():
    yield "value"

g = agen()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print("got", e.value)

def bad_hook(ag):
    raise ValueError("hook failed for " + ag.__name__)
sys.set_asyncgen_hooks(firstiter=bad_hook)
g2 = agen()
try:
    g2.__anext__()
except ValueError as e:
    print(type(e).__name__, str(e))
# second call: hook already consumed? show what happens
try:
    g2.__anext__().send(None)
except ValueError as e:
    print("again:", type(e).__name__, str(e))
except StopIteration as e:
    print("again got", e.value)

sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
for x in (g, g2):
    try:
        x.aclose().send(None)
    except StopIteration:
        pass
print("done")
