import types, collections
@types.coroutine
def legacy():
    x = yield "legacy"
    return x * 3
async def main():
    r = await legacy()
    return r
c = main()
print(c.send(None))
try:
    c.send(3)
except StopIteration as e:
    print("ret", e.value)
for args in [([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4], [5]), ([1], [2], [3, 4]), ([1, 2], [3, 4])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
ud = collections.UserDict({"x": 1}, y=2); print(ud["x"], len(ud), dict(ud), ud.data["y"])
ul = collections.UserList([1, 2]); ul.append(3); print(ul, len(ul), ul.data)
