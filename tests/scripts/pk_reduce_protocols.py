# __reduce__, __reduce_ex__, __getstate__/__setstate__, __slots__-free
# custom state, copyreg.pickle registrations, and __new__-based reconstruction.
import copyreg
import pickle
from helper_pk import roundtrip


class Money:
    def __init__(self, amount, currency="EUR"):
        self.amount = amount
        self.currency = currency

    def __reduce__(self):
        return (Money, (self.amount, self.currency))

    def __repr__(self):
        return f"Money({self.amount}, {self.currency!r})"


print(roundtrip(Money(12, "USD")), roundtrip([Money(1), Money(2)]))


class Versioned:
    def __init__(self, value):
        self.value = value
        self.cache = {"expensive": value * 100}

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["cache"]
        state["version"] = 2
        return state

    def __setstate__(self, state):
        print("setstate got", sorted(state))
        version = state.pop("version")
        self.__dict__.update(state)
        self.cache = {"rebuilt": version}


v = roundtrip(Versioned(7))
print(v.value, v.cache)


class Proto:
    def __init__(self, x):
        self.x = x

    def __reduce_ex__(self, protocol):
        return (Proto, (self.x * 2,))


p = roundtrip(Proto(21))
print("reduce_ex", p.x)


class Registry:
    def __init__(self):
        self.items = []

    def __reduce__(self):
        return (Registry, (), {"items": self.items}, iter(["extra1", "extra2"]))

    def append(self, x):
        self.items.append(x)


r = Registry()
r.items.append("first")
r2 = roundtrip(r)
print("listitems", r2.items)


class Config(dict):
    def __reduce__(self):
        return (Config, (), None, None, iter(sorted(self.items())))


c = Config()
c["b"] = 2
c["a"] = 1
c2 = roundtrip(c)
print("dictitems", type(c2).__name__, c2)


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)


def reduce_vec(v):
    return (Vec, tuple(v.xs))


copyreg.pickle(Vec, reduce_vec)
v2 = roundtrip(Vec(1, 2, 3))
print("copyreg", v2.xs)


class Counted:
    made = 0

    def __new__(cls, *args):
        Counted.made += 1
        return super().__new__(cls)

    def __init__(self, tag):
        self.tag = tag


before = Counted.made
c3 = roundtrip(Counted("t"))
print("default reduction calls __new__", Counted.made - before, type(c3).__name__, c3.tag)


class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.hits = 0
        return cls._instance


one = Singleton()
one.hits += 1
same = roundtrip([one, one])
print("singleton", same[0] is same[1], same[0] is Singleton(), Singleton().hits)


class Stateful:
    def __init__(self):
        self.a = 1

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


s = roundtrip(Stateful())
print("setstate only", s.a, s.restored)

# reduce returning a string means "a global"
SENTINEL_NAME = "x"


class Sentinel:
    def __reduce__(self):
        return "SENTINEL"


SENTINEL = Sentinel()
print("global by name", roundtrip(SENTINEL) is SENTINEL, roundtrip([SENTINEL, SENTINEL])[1] is SENTINEL)

try:
    copyreg.pickle(Vec, 42)
except TypeError as e:
    print("TypeError", e)
print(pickle.HIGHEST_PROTOCOL >= 4, pickle.DEFAULT_PROTOCOL >= 4)


def restore_point(obj, state):
    print("state_setter called with", sorted(state))
    obj.__dict__.update(state)
    obj.restored_by = "setter"


class WithSetter:
    def __init__(self):
        self.a = 1
        self.b = [2]

    def __reduce__(self):
        return (WithSetter, (), dict(self.__dict__), None, None, restore_point)


w = roundtrip(WithSetter())
print("six-tuple", w.a, w.b, w.restored_by)


class Empty:
    def __setstate__(self, state):
        print("never called for an empty instance")


print("empty", type(roundtrip(Empty())).__name__)
