def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / n
    srt = sorted(xs)
    median = srt[n // 2] if n % 2 else (srt[n // 2 - 1] + srt[n // 2]) / 2
    return n, mean, var, median


n, mean, var, median = stats([2, 4, 4, 4, 5, 5, 7, 9])
print(n, mean, var, median, var ** 0.5)
result = stats([1, 2, 3])
print(result, result[1:], type(result).__name__)


def min_max(*args, key=None):
    if not args:
        return None, None
    key = key or (lambda v: v)
    lo = hi = args[0]
    for a in args[1:]:
        if key(a) < key(lo):
            lo = a
        if key(a) > key(hi):
            hi = a
    return lo, hi


print(min_max(3, 1, 4, 1, 5, 9, 2, 6), min_max(), min_max("bb", "a", "ccc", key=len))


def split_evens(xs):
    evens = [x for x in xs if x % 2 == 0]
    odds = [x for x in xs if x % 2]
    return evens, odds


(e, o) = split_evens(range(10))
print(e, o, dict(zip(("evens", "odds"), split_evens([7, 8]))))
