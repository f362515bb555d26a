def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    p = 2
    while p * p <= n:
        if flags[p]:
            for m in range(p * p, n + 1, p):
                flags[m] = False
        p += 1
    return [i for i, f in enumerate(flags) if f]


primes = sieve(1000)
print(len(primes), primes[:10], primes[-5:], sum(primes))


def factorize(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out


for n in [2, 12, 97, 360, 1001, 2 ** 31 - 1, 600851475143]:
    print(n, factorize(n))


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


print(gcd(1071, 462), [gcd(x, 12) for x in range(1, 13)])
twins = [(p, q) for p, q in zip(primes, primes[1:]) if q - p == 2]
print(len(twins), twins[:5])
goldbach = {n: next((p, n - p) for p in primes if n - p in set(primes)) for n in range(4, 30, 2)}
print(goldbach)
