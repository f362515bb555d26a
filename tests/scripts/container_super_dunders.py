class Counted(dict):
    def __init__(self):
        super().__init__()
        self.sets = 0
    def __setitem__(self, k, v):
        self.sets += 1
        super().__setitem__(k, v)
    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)
    def __contains__(self, k):
        return super().__contains__(k.lower())
c = Counted()
c["a"] = 1; c["b"] = 2; c["a"] = 3
del c["b"]
print(c, c.sets, "A" in c, len(c), dict.__len__(c), list(c.items()))
class Stack(list):
    def __getitem__(self, i):
        print("get", i)
        return super().__getitem__(i)
    def __len__(self):
        return super().__len__()
s = Stack([5, 6, 7])
print(s[-1], len(s), s[0:2], list.__contains__(s, 6), tuple.__len__((1, 2)), str.__getitem__("abc", 1))
class Upper(str):
    def __getitem__(self, i):
        return super().__getitem__(i).upper()
print(Upper("hey")[1], "hey" in [Upper("hey")], len(Upper("four")))
try:
    super(Counted, c).__getitem__("zz")
except KeyError as e:
    print("KeyError", e)
try:
    [].__getitem__(3)
except IndexError as e:
    print("IndexError:", e)
print(sorted(n for n in dir(Counted) if n in ("__getitem__", "__setitem__", "__len__", "keys")))
class L(list):
    def __setitem__(self, i, v):
        print("set", i)
        super().__setitem__(i, v)
    def __delitem__(self, i):
        print("del", i)
        super().__delitem__(i)
x = L([1, 2, 3, 4])
x[0:2] = [9]
del x[::2]
print(x)
