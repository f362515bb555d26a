# asend(): values sent in become the result of the yield expression.
async def echo():
    total = 0
    while True:
        got = yield total
        print("  inside got", got)
        if got is None:
            return
        total += got

def send(ag, v):
    try:
        ag.asend(v).send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "<done>"

ag = echo()
print("first", send(ag, None))
for v in [5, 10, -3]:
    print("sent", v, "->", send(ag, v))
print("sent None ->", send(ag, None))
print("after end ->", send(ag, 1))

# asend(None) is the same as __anext__
async def counter():
    n = 0
    while n < 3:
        x = yield n
        print("  x =", x)
        n += 1

c = counter()
print(send(c, None))
try:
    c.__anext__().send(None)
except StopIteration as e:
    print("anext gave", e.value)
print(send(c, "hello"))
print(send(c, "bye"))
