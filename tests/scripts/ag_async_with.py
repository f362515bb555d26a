# async with using __aenter__/__aexit__ coroutines: suppression and propagation.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class Step:
    def __await__(self):
        yield "step"

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await Step()
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Step()
        print("exit", self.name, et.__name__ if et else None, ev.args if ev else None)
        return self.suppress

async def main():
    async with Resource("plain") as r:
        print("  body with", r)
    async with Resource("quiet", suppress=True):
        raise ValueError("swallowed")
    print("after suppressed block")
    try:
        async with Resource("loud"):
            raise KeyError("escapes")
    except KeyError as e:
        print("caught", repr(e))
    async with Resource("outer") as a, Resource("inner", True) as b:
        print("  two managers", a, b)
        raise IndexError("inner swallows")
    print("after multi")
    try:
        async with Resource("plain"):
            pass
        async with 42:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, str(e))
    def in_func():
        return "returned"
    async def ret():
        async with Resource("ret"):
            return in_func()
    print(await ret())

steps = 0
c = main()
try:
    while True:
        v = c.send(None)
        steps += 1
except StopIteration:
    pass
print("driver steps:", steps)
