matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], [x for row in matrix for x in row if x % 2])
print({x: x ** 2 for x in range(5)}, {c for c in "abracadabra" if c not in "ab"} == {"c", "d", "r"})
print(sum(x for x in range(100) if x % 3 == 0), max(len(w) for w in ["a", "abc", "ab"]))
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed, list(zip(*matrix)) == [tuple(r) for r in transposed])
words = ["apple", "Banana", "cherry", "date"]
print([w.upper() if len(w) > 4 else w for w in words], {w[0].lower(): w for w in words})
nested = [[i, j] for i in range(3) for j in range(i)]
print(nested, [[y * 2 for y in x] for x in nested])
gen = (n for n in range(10) if n % 2)
print(next(gen), list(gen))
print([(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15) if a * a + b * b == c * c])
flat = [item for sub in [[1, 2], [], [3]] for item in sub]
print(flat, [i for i in range(3) if i if i > 0], [[]] * 2, [x if x else "zero" for x in [0, 1]])
scores = {"ann": 82, "bob": 67, "cy": 95}
passed = {k: v for k, v in scores.items() if v >= 70}
print(passed, sorted(passed, key=passed.get), dict(sorted(scores.items(), key=lambda kv: kv[1])))
x = 100
print([x for x in range(3)], x)
print(list(map(lambda p: p[0] * p[1], zip(range(4), range(4, 8)))), [f"{i}:{c}" for i, c in enumerate("xyz", 1)])
