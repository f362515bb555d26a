def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)


moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest


perms = list(permutations([1, 2, 3]))
print(len(perms), perms)
print(["".join(p) for p in permutations("abc")])


def subsets(s):
    if not s:
        return [[]]
    rest = subsets(s[1:])
    return rest + [[s[0]] + r for r in rest]


print(sorted(subsets([1, 2, 3]), key=lambda x: (len(x), x)))


def queens(n):
    solutions = []

    def place(row, cols, d1, d2, board):
        if row == n:
            solutions.append(board[:])
            return
        for c in range(n):
            if c in cols or row - c in d1 or row + c in d2:
                continue
            board.append(c)
            place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}, board)
            board.pop()

    place(0, set(), set(), set(), [])
    return solutions


sol = queens(6)
print(len(sol), sol[0])
print(len(queens(8)))
