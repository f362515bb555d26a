# async for over a class implementing __aiter__/__anext__ with StopAsyncIteration.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class Countdown:
    def __init__(self, start):
        self.n = start
    def __aiter__(self):
        print("  __aiter__ called")
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n + 1

class Ticks:
    # __anext__ returns a custom awaitable instead of being a coroutine
    def __init__(self, limit):
        self.i = 0
        self.limit = limit
    def __aiter__(self):
        return self
    def __anext__(self):
        return TickAwaitable(self)

class TickAwaitable:
    def __init__(self, owner):
        self.owner = owner
    def __await__(self):
        if self.owner.i >= self.owner.limit:
            raise StopAsyncIteration
        self.owner.i += 1
        return self.owner.i * 100
        yield  # makes this a generator

class NoAiter:
    pass

async def main():
    async for v in Countdown(3):
        print("countdown", v)
    async for v in Ticks(3):
        print("tick", v)
    try:
        async for v in NoAiter():
            pass
    except TypeError as e:
        print(type(e).__name__, str(e))
    c = Countdown(5)
    async for v in c:
        if v == 3:
            break
    print("remaining n:", c.n)
    async for v in c:
        print("resume", v)
    else:
        print("else reached")

run(main())
