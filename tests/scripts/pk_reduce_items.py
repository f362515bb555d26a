# The 4th and 5th elements of a reduce tuple: list items added with
# extend (in batches) or else append, dict items set with __setitem__;
# any iterator, user generators and iterator classes included.
import pickle

log = []


class Extendable:
    def __init__(self):
        self.items = []

    def extend(self, items):
        log.append(("extend", len(items)))
        self.items.extend(items)

    def __reduce__(self):
        return (Extendable, (), None, iter(self.items))


e = Extendable()
e.items.extend(["a", "b", "c"])
log.clear()
e2 = pickle.loads(pickle.dumps(e))
print(e2.items, log)

# many items: extend gets them a thousand at a time
e.items = list(range(2500))
log.clear()
e2 = pickle.loads(pickle.dumps(e))
print(len(e2.items), e2.items[-1], log)

# no items: no call
e.items = []
log.clear()
print(pickle.loads(pickle.dumps(e)).items, log)


class Both(Extendable):
    def append(self, x):
        log.append(("append", x))
        self.items.append(x)

    def __reduce__(self):
        return (Both, (), None, iter(self.items))


b = Both()
b.items = [1, 2]
log.clear()
print(pickle.loads(pickle.dumps(b)).items, log)


class AppendOnly:
    def __init__(self):
        self.items = []

    def append(self, x):
        log.append(("append", x))
        self.items.append(x)

    def __reduce__(self):
        return (AppendOnly, (), None, iter(self.items))


a = AppendOnly()
a.items = ["x", "y"]
log.clear()
print(pickle.loads(pickle.dumps(a)).items, log)


# a list subclass: its own extend is used
class Stack(list):
    def __reduce__(self):
        return (Stack, (), None, iter(list(self)))


s = Stack([3, 4, 5])
s2 = pickle.loads(pickle.dumps(s))
print(type(s2).__name__, s2)


# list items from a generator
class Gen:
    def __init__(self, n):
        self.items = list(range(n))

    def extend(self, items):
        self.items.extend(items)

    def __reduce__(self):
        def squares():
            for i in self.items:
                yield i * i
        return (Gen.empty, (), None, squares())

    @staticmethod
    def empty():
        g = Gen(0)
        return g


print(pickle.loads(pickle.dumps(Gen(4))).items)


class Store:
    def __init__(self):
        self.data = {}

    def __setitem__(self, key, value):
        log.append(("setitem", key))
        self.data[key] = value

    def items(self):
        return self.data.items()

    def __reduce__(self):
        return (Store, (), None, None, iter(self.items()))


st = Store()
st.data["b"] = [2]
st.data["a"] = 1
log.clear()
st2 = pickle.loads(pickle.dumps(st))
print(st2.data, log)


# dict items from a user iterator class
class Pairs:
    def __init__(self, pairs):
        self.pairs = pairs
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= len(self.pairs):
            raise StopIteration
        self.i += 1
        return self.pairs[self.i - 1]


class Counter(dict):
    def __reduce__(self):
        return (Counter, (), {"note": "state"}, None, Pairs(sorted(self.items())))


c = Counter()
c["z"] = 26
c["y"] = 25
c.note = None
c2 = pickle.loads(pickle.dumps(c))
print(type(c2).__name__, c2, c2.note)


# dict items from a generator of pairs, state and items together
class Registry:
    def __init__(self):
        self.entries = {}
        self.name = ""

    def __setitem__(self, k, v):
        self.entries[k] = v

    def __reduce__(self):
        def pairs():
            for k in sorted(self.entries):
                yield k, self.entries[k]
        return (Registry, (), {"name": self.name}, None, pairs())


r = Registry()
r.name = "reg"
r.entries[2] = "two"
r.entries[1] = "one"
r2 = pickle.loads(pickle.dumps(r))
print(r2.name, r2.entries)

# the object is shared with what its items hold
r.entries[3] = r
r3 = pickle.loads(pickle.dumps(r))
print(r3.entries[3] is r3, sorted(k for k in r3.entries))


# errors, as CPython reports them
def attempt(label, obj):
    try:
        pickle.dumps(obj)
        print(label, "pickled?")
    except pickle.PicklingError as e:
        print(label, "PicklingError", e)
    except TypeError as e:
        print(label, "TypeError", e)
    except ValueError as e:
        print(label, "ValueError", e)


class ListNotIter:
    def __reduce__(self):
        return (ListNotIter, (), None, [1, 2])


class DictNotIter:
    def __reduce__(self):
        return (DictNotIter, (), None, None, {"a": 1})


class NotPairs:
    def __reduce__(self):
        return (NotPairs, (), None, None, iter([1, 2]))


class LongPairs:
    def __reduce__(self):
        return (LongPairs, (), None, None, iter([(1, 2, 3)]))


class ListPairs:
    def __reduce__(self):
        return (ListPairs, (), None, None, iter([[1, 2]]))


class Failing:
    def __reduce__(self):
        def gen():
            yield 1
            raise ValueError("the iterator failed")
        return (Failing, (), None, gen())


for obj in [ListNotIter(), DictNotIter(), NotPairs(), LongPairs(), ListPairs(), Failing()]:
    attempt(type(obj).__name__, obj)

# and pickling goes on working after those errors
print(pickle.loads(pickle.dumps([e2.items[:3], st2.data])))
