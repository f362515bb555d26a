# Async comprehensions: list/set/dict with async for, if filters, await in the element.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class Nop:
    def __await__(self):
        yield "nop"

async def nums(n):
    for i in range(n):
        await Nop()
        yield i

async def double(x):
    await Nop()
    return x * 2

async def main():
    print([x async for x in nums(5)])
    print([x async for x in nums(10) if x % 3 == 0])
    print([await double(x) async for x in nums(4)])
    print(sorted({x % 3 async for x in nums(10)}))
    print({x: await double(x) async for x in nums(3)})
    print({str(x): x * x async for x in nums(6) if x > 2})
    # mixed sync and async for clauses
    print([(a, b) async for a in nums(3) for b in "xy" if a != 1])
    print([(a, b) for a in range(2) async for b in nums(2)])
    # await inside a plain comprehension inside async def
    print([await double(x) for x in range(3)])
    # nested async comprehension
    print([[y async for y in nums(x)] async for x in nums(4)])
    return "done"

steps = 0
c = main()
try:
    while True:
        c.send(None)
        steps += 1
except StopIteration as e:
    print(e.value, "steps:", steps)
