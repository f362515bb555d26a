class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0

    def get(self, key):
        if key in self.data:
            value = self.data.pop(key)
            self.data[key] = value
            self.hits += 1
            return value
        self.misses += 1
        return None

    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
        self.data[key] = value

    def __repr__(self):
        return f"LRU({list(self.data.items())}, hits={self.hits}, misses={self.misses})"


cache = LRU(3)
for k in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    if cache.get(k) is None:
        cache.put(k, k * k)
print(cache)


def cached(capacity):
    def deco(fn):
        lru = LRU(capacity)

        def wrapper(n):
            v = lru.get(n)
            if v is None:
                v = fn(n)
                lru.put(n, v)
            return v

        wrapper.lru = lru
        return wrapper
    return deco


@cached(100)
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(80), slow_fib.lru.hits, slow_fib.lru.misses)
