# The watchdog never interrupts a tasklet inside an atomic block.
import stackless

counter = [0, 0]


def worker():
    while True:
        with stackless.atomic():
            counter[0] += 1
            for i in range(30):
                pass
            counter[1] += 1


t = stackless.tasklet(worker)()
consistent = True
for i in range(50):
    r = stackless.run(17)
    if r is not t or counter[0] != counter[1] or r.atomic:
        consistent = False
    r.insert()
print("interrupted 50 times, always between atomic blocks:", consistent)
print("atomic flag of main:", stackless.current.atomic)
old = stackless.current.set_atomic(True)
print("set_atomic returned", old, "now", stackless.current.atomic)
print("set_atomic returned", stackless.current.set_atomic(old), "now", stackless.current.atomic)
t.kill()
print("alive", t.alive)
