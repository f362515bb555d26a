# Async generators collected unfinished: without hooks their frame is
# closed (the finally block runs); with a finalizer hook, the hook gets the
# generator; an unstarted one runs nothing; an exception in the closing
# is reported and ignored.
import gc
import sys

calls = []


def fin(ag):
    calls.append(ag.__name__)
    print("finalizer called for", ag.__name__)


async def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("  finally of", tag)


async def stubborn():
    try:
        yield 1
    finally:
        print("  stubborn finally")


def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value


ag = gen("no hooks")
print(step(ag.__anext__()))
del ag
gc.collect()
print("after collect 1")

sys.set_asyncgen_hooks(firstiter=None, finalizer=fin)
ag = gen("hooked")
step(ag.__anext__())
del ag
gc.collect()
print("after collect 2", calls)
sys.set_asyncgen_hooks(None, None)

ag = gen("unstarted")
del ag
gc.collect()
print("after collect 3")

ag = gen("finished")
for _ in range(3):
    try:
        ag.__anext__().send(None)
    except (StopIteration, StopAsyncIteration) as e:
        print(type(e).__name__)
del ag
gc.collect()
print("after collect 4")

holder = {"g": gen("in a dict")}
step(holder["g"].__anext__())
holder = None
gc.collect()
print("after collect 5")
