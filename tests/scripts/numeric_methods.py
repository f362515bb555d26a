def integrate(f, a, b, n=1000):
    h = (b - a) / n
    return h * (f(a) / 2 + sum(f(a + i * h) for i in range(1, n)) + f(b) / 2)


def bisect(f, lo, hi, tol=1e-10):
    while hi - lo > tol:
        mid = (lo + hi) / 2
        if f(lo) * f(mid) <= 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


print(round(integrate(lambda x: x * x, 0, 3), 6), round(integrate(lambda x: 1 / x, 1, 2.718281828), 5))
print(round(bisect(lambda x: x ** 3 - 2 * x - 5, 2, 3), 8), round(bisect(lambda x: x * x - 2, 0, 2), 9))


def mean_std(xs):
    m = sum(xs) / len(xs)
    return m, (sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) ** 0.5


print([round(v, 4) for v in mean_std([2.5, 3.1, 4.7, 1.9, 3.3])])
pi_est = 4 * sum((-1) ** k / (2 * k + 1) for k in range(10000))
print(round(pi_est, 6), abs(pi_est - 3.141592653589793) < 1e-3)
e_est = sum(1 / __import__("math").factorial(k) for k in range(20)) if False else 0
fact = 1
e_sum = 0.0
for k in range(20):
    if k:
        fact *= k
    e_sum += 1 / fact
print(e_sum, round(e_sum, 12))
