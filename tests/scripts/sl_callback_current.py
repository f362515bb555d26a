# Inside the schedule callback, getcurrent() is the tasklet being left.
import stackless

events = []


def name(t):
    return "main" if t is stackless.main else getattr(t, "name", "?")


class Named(stackless.tasklet):
    pass


def cb(prev, next):
    events.append((name(prev), name(next), name(stackless.getcurrent())))


def work():
    stackless.schedule()


a = Named(work)
a.name = "a"
a()
b = Named(work)
b.name = "b"
b()
stackless.set_schedule_callback(cb)
stackless.run()
stackless.set_schedule_callback(None)
for e in events:
    print(*e)
print("after:", name(stackless.getcurrent()))
