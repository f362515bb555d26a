# run(n) interrupts a tasklet that runs n instructions without switching,
# takes it out of the run queue and returns it.
import stackless


def spin(name):
    n = 0
    while True:
        n += 1


t1 = stackless.tasklet(spin)("a")
t2 = stackless.tasklet(spin)("b")
seen = []
for i in range(6):
    t = stackless.run(100)
    seen.append("a" if t is t1 else "b")
    print("interrupted", seen[-1], "scheduled", t.scheduled, "paused", t.paused, "alive", t.alive)
    t.insert()
print(seen)
# The queue is main, a, b: killing b first turns the queue to b, and main
# runs right after it (killing a first would let b run on after a died).
t2.kill()
t1.kill()
print(t1.alive, t2.alive, stackless.getruncount())
