from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence, Sized, Callable, Hashable, Container, Set, MutableSequence
import collections.abc as cabc
print(isinstance([1], Iterable), isinstance(3, Iterable), isinstance(iter([]), Iterator), isinstance([], Iterator))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance([], Sequence), isinstance("s", Sequence), isinstance({1}, Set))
print(isinstance(len, Callable), isinstance(3, Callable), isinstance([], Sized), isinstance((x for x in []), Iterator), isinstance([], MutableSequence), isinstance((), MutableSequence))
print(issubclass(list, Iterable), issubclass(int, Iterable), isinstance({}, cabc.Mapping))
class MyIter:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(MyIter(), Iterator), isinstance(MyIter(), Iterable))
class Store(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
s = Store(); s["a"] = 1; s.update(b=2); s.setdefault("c", 3)
print(len(s), sorted(s.items()), "a" in s, s.get("z", 0), s.pop("a"), isinstance(s, Mapping), isinstance(s, dict))
class Seq(Sequence):
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
    def __len__(self): return 3
q = Seq(); print(list(q), 20 in q, q.index(20), list(reversed(q)), q.count(10))
try:
    class Bad(Sequence): pass
    Bad()
except TypeError as e:
    print("TypeError", e)
import collections.abc
print(collections.abc.Iterable is not None, isinstance([], collections.abc.Sized))
import collections
print(collections.OrderedDict(a=1))
from collections import abc
print(abc.Mapping)
class M(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "__iter__")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "__iter__")
class Iterable(metaclass=M): pass
print(isinstance([1], Iterable), isinstance(3, Iterable), issubclass(dict, Iterable))
print(hasattr([], "__iter__"), hasattr(iter([]), "__next__"), hasattr({}, "__iter__"), hasattr((x for x in []), "__next__"), hasattr("", "__len__"), hasattr(set(), "__len__"))
