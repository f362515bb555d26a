class Customer:
    def __init__(self, cid, arrival, service):
        self.cid = cid
        self.arrival = arrival
        self.service = service


def lcg(seed):
    while True:
        seed = (seed * 1664525 + 1013904223) % 2 ** 32
        yield seed


def simulate(n, tellers):
    rng = lcg(42)
    t = 0
    customers = []
    for i in range(n):
        t += next(rng) % 5
        customers.append(Customer(i, t, 1 + next(rng) % 7))
    free_at = [0] * tellers
    waits = []
    log = []
    for c in customers:
        idx = min(range(tellers), key=lambda j: free_at[j])
        start = max(free_at[idx], c.arrival)
        waits.append(start - c.arrival)
        free_at[idx] = start + c.service
        log.append((c.cid, idx, start, free_at[idx]))
    return waits, log


for tellers in (1, 2, 3):
    waits, log = simulate(20, tellers)
    print(f"tellers={tellers} avg_wait={sum(waits) / len(waits):.2f} max_wait={max(waits)} end={max(e[3] for e in log)}")
print(simulate(5, 2)[1])
