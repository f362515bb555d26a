# The watchdog's time runs out inside an atomic block: the tasklet is
# interrupted the moment it leaves the block, not before.
import stackless

log = []


def busy(n):
    x = 0
    for i in range(n):
        x += 1
    return x


def worker():
    with stackless.atomic():
        busy(5000)
        log.append("atomic block done")
    log.append("after the block")
    busy(5000)
    log.append("finished")


t = stackless.tasklet(worker)()
r = stackless.run(100)
print("interrupted:", r is t, log)
r.insert()
print("run ->", stackless.run(), log)
