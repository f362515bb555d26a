# Tasklets in every state pickle: new (unbound), bound but not started,
# paused by the watchdog, finished, and a tasklet subclass with attributes.
import stackless
from helper_pk import dumps, loads


def state(t):
    return (t.alive, t.scheduled, t.blocked, t.paused)


def roundtrip_tasklet(*objs):
    """The tasklet and the objects it shares, copied together."""
    data = dumps(objs)
    if isinstance(data, bytes):
        return loads(data)
    return objs


def greet(name, out):
    out.append("hello " + name)
    stackless.schedule()
    out.append("bye " + name)


# bound, never run
out = []
t = stackless.tasklet(greet)
t.bind(greet, ("bound", out))
print("bound", state(t))
t2, out = roundtrip_tasklet(t, out)
print("bound copy", state(t2))
t2.insert()
stackless.run()
print(out)
t.kill()

# created and scheduled, never run
out = []
t = stackless.tasklet(greet)("queued", out)
t.remove()
print("removed", state(t))
t3, out = roundtrip_tasklet(t, out)
print("queued copy", state(t3))
t3.insert()
stackless.run()
print(out)

# finished
out = []
t = stackless.tasklet(greet)("dead", out)
stackless.run()
print("dead", state(t), out)
(t4,) = roundtrip_tasklet(t)
print("dead copy", state(t4))


# a subclass keeps its class and attributes
class Job(stackless.tasklet):
    def describe(self):
        return f"job {self.label} priority {self.priority}"


def work(log, n):
    for i in range(n):
        log.append(i)
        stackless.schedule()


log = []
j = Job(work)
j.label = "nightly"
j.priority = 3
j(log, 3)
stackless.schedule()
j.remove()
print("job", log, state(j))
j2, log = roundtrip_tasklet(j, log)
if j2 is not j:
    j.kill()
print(type(j2).__name__, isinstance(j2, stackless.tasklet), j2.describe())
j2.insert()
stackless.run()
print("job log", log, j2.alive)


# a tasklet that ran nested calls, paused deep inside
def leaf(depth, acc):
    acc.append(depth)
    stackless.schedule()
    return depth * 2


def branch(depth, acc):
    if depth == 0:
        return leaf(depth, acc)
    return branch(depth - 1, acc) + 1


acc = []
b = stackless.tasklet(branch)(4, acc)
stackless.schedule()
b.remove()
print("deep", acc, state(b))
b2, acc = roundtrip_tasklet(b, acc)
res = []


def collect():
    res.append("collector ran")


b2.insert()
stackless.tasklet(collect)()
stackless.run()
print(res, acc, b2.alive)
