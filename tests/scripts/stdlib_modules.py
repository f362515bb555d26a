from collections import defaultdict, Counter, deque, namedtuple, OrderedDict
import itertools
from functools import reduce, partial, lru_cache, wraps, total_ordering, cmp_to_key
import operator
import heapq
import bisect
import copy
import string

dd = defaultdict(list)
for w in "apple avocado banana blueberry cherry".split():
    dd[w[0]].append(w)
print(dict(dd), dd["z"], len(dd))
c = Counter("mississippi")
print(c.most_common(2), c["s"], c["z"], sorted(c.elements())[:4], c.total())
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter("aab") - Counter("a"))
q = deque([1, 2, 3], maxlen=4)
q.append(4)
q.append(5)
q.appendleft(0)
print(q, q.popleft(), q.pop(), list(q), len(q))
q.rotate(1)
print(q)
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p[0], p._asdict(), p._replace(x=9), tuple(p), isinstance(p, tuple), Point._fields)
x, y = p
print(x, y, p == (1, 2), sorted([Point(2, 1), Point(1, 5)]))
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(od, list(od))
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.chain([1, 2], "ab")))
print(list(itertools.permutations("abc", 2))[:4], list(itertools.combinations(range(4), 2)))
print(list(itertools.product("ab", [0, 1])), list(itertools.accumulate([1, 2, 3, 4])))
print([(k, list(g)) for k, g in itertools.groupby("aaabbc")], list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.takewhile(lambda v: v < 3, [1, 2, 5, 1])), list(itertools.repeat("z", 3)))
print(reduce(operator.add, range(10)), reduce(lambda a, b: a * b, [1, 2, 3, 4], 10))
double = partial(operator.mul, 2)
print(double(21), list(map(double, [1, 2])))


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(90), fib.cache_info())


def deco(f):
    @wraps(f)
    def inner(*a):
        return f(*a)
    return inner


@deco
def named():
    """doc"""
    return 1


print(named.__name__, named())


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(0))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
rows = [{"n": "b", "a": 2}, {"n": "a", "a": 1}]
print(sorted(rows, key=operator.itemgetter("n")), list(map(operator.itemgetter(1), [(1, 2), (3, 4)])))
h = [5, 1, 8, 3]
heapq.heapify(h)
heapq.heappush(h, 0)
print([heapq.heappop(h) for _ in range(len(h))], heapq.nlargest(2, [4, 9, 1]), heapq.nsmallest(2, [4, 9, 1]))
a = [1, 3, 5, 7]
bisect.insort(a, 4)
print(a, bisect.bisect_left(a, 5), bisect.bisect_right(a, 5), bisect.bisect(a, 0))
orig = {"k": [1, [2, 3]]}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["k"][1].append(4)
print(shallow, deep)
print(string.ascii_lowercase[:5], string.digits, string.capwords("hello big world"))
