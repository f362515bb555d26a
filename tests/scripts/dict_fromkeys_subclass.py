from collections import OrderedDict, Counter, defaultdict
class Gen:
    def __iter__(self):
        yield "x"; yield "y"
print(OrderedDict.fromkeys("ab"), type(OrderedDict.fromkeys("ab")).__name__, dict.fromkeys(Gen(), 0), dict.fromkeys([1, 2]))
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
print(D.fromkeys("ab", 5), type(D.fromkeys("a", 1)).__name__)
