# Until its arguments come, a tasklet keeps its callable in tempval; what
# tempval holds when setup() runs is what gets called.
import stackless


def f(x):
    print("f", x)


def g(x):
    print("g", x)


t = stackless.tasklet(f)
print(t.tempval is f, t.alive)
t.tempval = g
t(1)
print("after setup", t.tempval)
stackless.run()
t2 = stackless.tasklet()
print("unbound", t2.tempval)
t2.bind(f)
print("bound", t2.tempval is f)
t2.bind(None)
print("unbound again", t2.tempval)
t3 = stackless.tasklet(f, (3,))
print("insert returns the tasklet", t3.insert() is t3)
print("remove returns the tasklet", t3.remove() is t3)
t3.insert()
stackless.run()
