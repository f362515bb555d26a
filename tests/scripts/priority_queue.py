class PriorityQueue:
    def __init__(self):
        self._heap = []
        self._count = 0

    def push(self, priority, item):
        self._heap.append((priority, self._count, item))
        self._count += 1
        self._sift_up(len(self._heap) - 1)

    def pop(self):
        if not self._heap:
            raise IndexError("pop from empty queue")
        self._swap(0, len(self._heap) - 1)
        priority, _, item = self._heap.pop()
        self._sift_down(0)
        return priority, item

    def _swap(self, i, j):
        self._heap[i], self._heap[j] = self._heap[j], self._heap[i]

    def _sift_up(self, i):
        while i > 0 and self._heap[(i - 1) // 2] > self._heap[i]:
            self._swap(i, (i - 1) // 2)
            i = (i - 1) // 2

    def _sift_down(self, i):
        n = len(self._heap)
        while True:
            kids = [k for k in (2 * i + 1, 2 * i + 2) if k < n]
            if not kids:
                return
            best = min(kids, key=lambda k: self._heap[k])
            if self._heap[best] < self._heap[i]:
                self._swap(i, best)
                i = best
            else:
                return

    def __len__(self):
        return len(self._heap)

    def __bool__(self):
        return bool(self._heap)


pq = PriorityQueue()
tasks = [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (5, "ship"), (2, "test")]
for p, t in tasks:
    pq.push(p, t)
print(len(pq))
while pq:
    print(pq.pop())
try:
    pq.pop()
except IndexError as e:
    print(e)
