point = (3, 4)
x, y = point
print(x, y, point, len(point), point[::-1])
a, b = b, a = 1, 2
print(a, b)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *middle, last = range(7)
print(first, middle, last)
*head, tail = [1]
print(head, tail)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(i, name, score)
pairs = list(zip([1, 2, 3], "abc"))
nums, letters = zip(*pairs)
print(pairs, nums, letters)
t = 1, 2, 3
print(t, type(t).__name__, t + (4,), t * 2, t[1:], t.index(2), (1,) == (1,))
nested = ((1, 2), (3, (4, 5)))
((a1, a2), (b1, (b2, b3))) = nested
print(a1, a2, b1, b2, b3)
d = {"x": 1, "y": 2}
for k, v in sorted(d.items()):
    print(k, v)
swap = [1, 2, 3]
swap[0], swap[2] = swap[2], swap[0]
print(swap)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    x, y = 5
except TypeError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
print(max((3, "c"), (3, "a"), (1, "z")), sorted([(2, "b"), (1, "b"), (2, "a")]))
print(tuple(x * x for x in range(4)), tuple(), tuple([1]), hash((1, 2)) == hash((1, 2)))
