# A tasklet subclass that adds its own state to the tasklet's reduction
# (__reduce_ex__ returns (type, args, (tasklet state, extra)), __setstate__
# splits it), as Stackless applications do.
import stackless
from helper_pk import dumps, loads


class Job(stackless.tasklet):
    def set_meta(self, name, retries):
        self.meta = {"name": name, "retries": retries}
        return self

    def __reduce_ex__(self, protocol):
        cls, args, state = super().__reduce_ex__(protocol)
        return cls, args, (state, dict(self.meta, pickled=True))

    def __setstate__(self, state):
        base, meta = state
        self.meta = meta
        return super().__setstate__(base)


def step(log, n):
    for i in range(n):
        log.append(i)
        stackless.schedule()
    log.append("done")


log = []
j = Job(step).set_meta("nightly", 2)
j(log, 4)
stackless.schedule()
stackless.schedule()
j.remove()
print("before", log, j.alive, j.scheduled)
data = dumps((j, log))
if isinstance(data, bytes):
    j.kill()
    j2, log2 = loads(data)
else:
    j2, log2 = j, log
print(type(j2).__name__, isinstance(j2, Job), j2.meta["name"], j2.meta["retries"])
print("alive", j2.alive, "scheduled", j2.scheduled)
j2.insert()
stackless.run()
print("after", log2, j2.alive)


# the reduction itself: a tuple of the class, arguments and state
t = Job(step).set_meta("probe", 0)
r = t.__reduce_ex__(2)
print(len(r), r[0] is Job, type(r[1]).__name__, type(r[2]).__name__, r[2][1]["name"])
t.kill()
