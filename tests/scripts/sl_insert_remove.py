# remove() takes a tasklet out of the run queue; insert() puts it back last.
import stackless


def f(name):
    print(name, "runs")


a = stackless.tasklet(f)("a")
b = stackless.tasklet(f)("b")
c = stackless.tasklet(f)("c")
print(stackless.getruncount())
b.remove()
print(stackless.getruncount(), b.scheduled, b.paused)
print(b.remove() is b)
stackless.run()
print("b alive", b.alive)
b.insert()
b.insert()
print(stackless.getruncount())
stackless.run()
print(stackless.getruncount())
