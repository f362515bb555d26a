# Rebinding tasklets: a dead one can be bound and set up again; one waiting
# in run() cannot, as its run() holds C state in Stackless.
import stackless

log = []


def first():
    log.append("first ran")


def second(x):
    log.append(("second ran", x))


def waiter():
    stackless.run()
    log.append("waiter back")


t = stackless.tasklet(first)()
stackless.run()
t.bind(second)
t.setup(7)
stackless.run()
w = stackless.tasklet(waiter)()
stackless.schedule()
print("waiter paused:", w.paused, w.scheduled)
try:
    w.bind(second)
except RuntimeError as e:
    print("RuntimeError:", e)
w.insert()
stackless.run()
print(log)
