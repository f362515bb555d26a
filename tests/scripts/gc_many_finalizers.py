# Thousands of objects finalized by one collection: every __del__ and
# every generator's finally runs once, none on top of another's frame.
import gc

closed = 0
deleted = 0


def counted():
    global closed
    try:
        yield 1
        yield 2
    finally:
        closed += 1


class Tracked:
    def __del__(self):
        global deleted
        deleted += 1


for i in range(3000):
    g = counted()
    next(g)
    t = Tracked()
g = t = None
gc.collect()
print(closed, deleted)
