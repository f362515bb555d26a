def identity(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


def inverse(m):
    n = len(m)
    a = [row[:] + ident for row, ident in zip(m, identity(n))]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            raise ValueError("singular matrix")
        a[col], a[pivot] = a[pivot], a[col]
        p = a[col][col]
        a[col] = [x / p for x in a[col]]
        for r in range(n):
            if r != col:
                f = a[r][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
    return [row[n:] for row in a]


def matmul(x, y):
    return [[sum(a * b for a, b in zip(row, col)) for col in zip(*y)] for row in x]


m = [[4, 7], [2, 6]]
inv = inverse(m)
print([[round(v, 4) for v in row] for row in inv])
print([[round(v, 6) for v in row] for row in matmul(m, inv)])
try:
    inverse([[1, 2], [2, 4]])
except ValueError as e:
    print("ValueError:", e)
m3 = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
print([[round(v, 3) for v in row] for row in inverse(m3)])
