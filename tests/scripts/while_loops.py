def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


print([collatz(n) for n in range(1, 20)], max(range(1, 1000), key=collatz))


def digits(n):
    out = []
    while n:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]


print(digits(90210), digits(0), sum(digits(2 ** 100)))


def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -lo - 1


data = list(range(0, 100, 3))
print([binary_search(data, t) for t in (0, 3, 50, 99, 200)])


def sqrt_newton(x, eps=1e-12):
    guess = x / 2 or 1.0
    while abs(guess * guess - x) > eps * x:
        guess = (guess + x / guess) / 2
    return guess


print(round(sqrt_newton(2), 10), round(sqrt_newton(1e6), 6), sqrt_newton(0.25))
i = 0
total = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    total += i
    if i > 50:
        break
print(i, total)
