# Instances rebuilt by cls.__new__(cls, *args, **kwargs), with the
# arguments __getnewargs_ex__ or __getnewargs__ give, as CPython's default
# object.__reduce_ex__ does from protocol 2.
import io
import pickle

calls = []


class Point:
    def __new__(cls, a, *, b):
        calls.append(("Point.__new__", a, b))
        self = super().__new__(cls)
        self.a = a
        self.b = b
        return self

    def __getnewargs_ex__(self):
        return (self.a,), {"b": self.b}


p = Point(1, b=2)
p.extra = "kept"
calls.clear()
q = pickle.loads(pickle.dumps(p))
print(type(q).__name__, q.a, q.b, q.extra, calls)


class Pair:
    def __new__(cls, left, right):
        calls.append(("Pair.__new__", left, right))
        return super().__new__(cls)

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def __getnewargs__(self):
        return (self.left, self.right)


pair = Pair("x", [1, 2])
calls.clear()
r = pickle.loads(pickle.dumps(pair))
print(r.left, r.right, calls)


# no keyword arguments: __new__ gets the positional ones only
class OnlyArgs:
    def __new__(cls, *args, **kwargs):
        calls.append(("OnlyArgs.__new__", args, kwargs))
        return super().__new__(cls)

    def __getnewargs_ex__(self):
        return (1, 2), {}


only = OnlyArgs()
calls.clear()
pickle.loads(pickle.dumps(only))
print(calls)


# keyword arguments only
class OnlyKwargs:
    def __new__(cls, *, name="?"):
        calls.append(("OnlyKwargs.__new__", name))
        self = super().__new__(cls)
        self.name = name
        return self

    def __getnewargs_ex__(self):
        return (), {"name": self.name}


only = OnlyKwargs(name="n")
calls.clear()
o = pickle.loads(pickle.dumps(only))
print(o.name, o.__dict__, calls)


# __getstate__ and __setstate__ still apply after __new__
class Stateful:
    def __new__(cls, key):
        calls.append(("Stateful.__new__", key))
        self = super().__new__(cls)
        self.key = key
        return self

    def __getnewargs__(self):
        return (self.key,)

    def __getstate__(self):
        return {"payload": self.payload * 2}

    def __setstate__(self, state):
        calls.append(("Stateful.__setstate__", sorted(state)))
        self.payload = state["payload"]


s = Stateful("k")
s.payload = 21
calls.clear()
t = pickle.loads(pickle.dumps(s))
print(t.key, t.payload, calls)

# a shared instance and a cycle through its state
class Node:
    def __new__(cls, name):
        calls.append(("Node.__new__", name))
        return super().__new__(cls)

    def __init__(self, name):
        self.name = name
        self.links = []

    def __getnewargs__(self):
        return (self.name,)


shared = Node("s")
shared.links.append(shared)
calls.clear()
both = pickle.loads(pickle.dumps([shared, shared]))
print(both[0] is both[1], both[0].links[0] is both[0], calls)


# a subclass of a built-in type
class Tag(str):
    def __new__(cls, text, level):
        calls.append(("Tag.__new__", text, level))
        self = super().__new__(cls, text.upper())
        self.level = level
        return self

    def __getnewargs__(self):
        return (str(self).lower(), self.level)


tag = Tag("warn", 2)
calls.clear()
tag = pickle.loads(pickle.dumps(tag))
print(tag, tag.level, type(tag).__name__, calls)


class Bag(list):
    def __new__(cls, label):
        calls.append(("Bag.__new__", label))
        return super().__new__(cls)

    def __init__(self, label):
        self.label = label

    def __getnewargs__(self):
        return (self.label,)


b = Bag("b")
b.extend([1, 2, 3])
calls.clear()
b2 = pickle.loads(pickle.dumps(b))
print(b2, b2.label, type(b2).__name__, calls)


class Table(dict):
    def __new__(cls, name):
        calls.append(("Table.__new__", name))
        return super().__new__(cls)

    def __init__(self, name):
        self.name = name

    def __getnewargs__(self):
        return (self.name,)


d = Table("t")
d["x"] = 1
d["y"] = [2]
calls.clear()
d2 = pickle.loads(pickle.dumps(d))
print(d2, d2.name, type(d2).__name__, calls)

# through a Pickler and an Unpickler
f = io.BytesIO()
pickle.Pickler(f).dump(Point(5, b=6))
pickle.Pickler(f).dump(Pair(7, 8))
f.seek(0)
calls.clear()
u = pickle.Unpickler(f).load()
v = pickle.Unpickler(f).load()
print(u.a, u.b, v.left, v.right, calls)

# below protocol 2, __getnewargs__ is not asked for and __new__ not called
for proto in (0, 1, 2):
    pair = Pair(proto, "p")
    calls.clear()
    x = pickle.loads(pickle.dumps(pair, proto))
    print("protocol", proto, x.left, calls)


# bad results, as CPython reports them
def bad(name, result):
    cls = type("Bad", (), {name: lambda self: result})
    globals()["Bad"] = cls
    try:
        pickle.dumps(cls())
        print(name, result, "pickled?")
    except (TypeError, ValueError) as e:
        print(name, type(e).__name__, e)


bad("__getnewargs_ex__", [(), {}])
bad("__getnewargs_ex__", ((),))
bad("__getnewargs_ex__", ((), {}, None))
bad("__getnewargs_ex__", ([], {}))
bad("__getnewargs_ex__", ((), []))
bad("__getnewargs__", [1])
bad("__getnewargs__", None)

# nested: the arguments of one __new__ are objects rebuilt by __new__
outer = Pair(Point(1, b=Pair("in", None)), {"k": Point(2, b=3)})
calls.clear()
o = pickle.loads(pickle.dumps(outer))
print(o.left.a, o.left.b.left, o.right["k"].b, [c[0] for c in calls])


# exceptions have a __reduce__ of their own: __getnewargs__ is not used
class Failure(Exception):
    def __getnewargs__(self):
        calls.append("Failure.__getnewargs__")
        return ("never",)


calls.clear()
e = pickle.loads(pickle.dumps(Failure("why", 3)))
print(type(e).__name__, e.args, calls)
