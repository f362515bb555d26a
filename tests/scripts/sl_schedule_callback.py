# The schedule callback sees every switch: (prev, next).
import stackless

log = []


def cb(prev, next):
    log.append((names.get(prev, "?"), names.get(next, "?")))


def f(n):
    for i in range(n):
        stackless.schedule()


a = stackless.tasklet(f)(1)
b = stackless.tasklet(f)(2)
names = {stackless.main: "main", a: "a", b: "b"}
print(stackless.set_schedule_callback(cb))
print(stackless.get_schedule_callback() is cb)
stackless.run()
print(stackless.set_schedule_callback(None) is cb)
for p, n in log:
    print(p, "->", n)
