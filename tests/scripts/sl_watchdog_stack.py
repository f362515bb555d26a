# Tasklets waiting in run() form a stack. One that runs again for any
# reason (a switch, an insert) returns from run(), and the watchdogs inside
# it become runnable again.
import stackless

log = []


def watcher(name):
    log.append((name, "run returned", stackless.run()))
    stackless.schedule()
    log.append((name, "done"))


def switcher(target):
    log.append(("switcher", "switches"))
    ts[target].switch()
    log.append(("switcher", "back"))


ts = [stackless.tasklet(watcher)("w0"), stackless.tasklet(watcher)("w1")]
s = stackless.tasklet(switcher)(0)
print("run:", stackless.run())
print(log)
log.clear()
print([(t.alive, t.scheduled, t.paused) for t in ts + [s]], stackless.getruncount())
s.insert()
print("run:", stackless.run())
print(log)
print([(t.alive, t.scheduled, t.paused) for t in ts + [s]], stackless.getruncount())
