"""Find primes with a sieve and a generator pipeline, and report on them."""


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(limit**0.5) + 1):
        if is_prime[i]:
            for j in range(i * i, limit + 1, i):
                is_prime[j] = False
    return [i for i, p in enumerate(is_prime) if p]


def twin_pairs(primes):
    for a, b in zip(primes, primes[1:]):
        if b - a == 2:
            yield a, b


class Report:
    def __init__(self, title):
        self.title = title
        self.lines = []

    def add(self, label, value):
        self.lines.append(f"{label:<20}{value:>12}")

    def __str__(self):
        bar = "=" * 32
        return "\n".join([bar, self.title.center(32), bar] + self.lines)


primes = sieve(100000)
report = Report("primes below 100000")
report.add("count", len(primes))
report.add("largest", primes[-1])
report.add("sum", sum(primes))
report.add("twin pairs", sum(1 for _ in twin_pairs(primes)))
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
best = max(gaps.items(), key=lambda kv: kv[1])
report.add("commonest gap", best[0])
print(report)
