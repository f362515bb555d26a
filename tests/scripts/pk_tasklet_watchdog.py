# The example of the Stackless pickling documentation: a busy tasklet is
# interrupted by the watchdog, pickled, killed, loaded and resumed; its
# output continues where the original stopped.
import stackless
from helper_pk import dumps, loads


def func(limit):
    busy_count = 0
    while busy_count < limit:
        busy_count += 1
        if busy_count % 10 == 0:
            print(busy_count)
    print("finished at", busy_count)


t = stackless.tasklet(func)(120)
# Where the watchdog stops depends on how instructions are counted; what is
# printed must not, so the facts are printed at the end.
t1 = stackless.run(100)
facts = [("interrupted", t1 is t, t1.alive, t1.scheduled)]
s = dumps(t1)
if isinstance(s, bytes):
    t1.kill()
    t2 = loads(s)
else:
    # the reference run cannot pickle: go on with the original
    t2 = t1
facts.append(("loaded", t2.alive, t2.scheduled, t2.paused))
t2.insert()
facts.append(("inserted", t2.scheduled, stackless.getruncount()))
while stackless.getruncount() > 1:
    stackless.run()
facts.append(("done", t2.alive))
for f in facts:
    print(*f)


def counter(name, n, out):
    for i in range(n):
        out.append(f"{name}{i}")
        stackless.schedule()
    out.append(name + " end")


out = []
a = stackless.tasklet(counter)("a", 3, out)
b = stackless.tasklet(counter)("b", 2, out)
stackless.schedule()
print("after one round", out)
a.remove()
b.remove()
data = dumps([a, b, out])
if isinstance(data, bytes):
    a.kill()
    b.kill()
a2, b2, out2 = loads(data)
print("shared list", out2 == out, a2.alive, b2.alive, a2.scheduled)
a2.insert()
b2.insert()
stackless.run()
print(out2)
