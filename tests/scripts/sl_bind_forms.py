# The ways of binding a callable and its arguments.
import stackless


def f(*args, **kwargs):
    print("f", args, kwargs)


t = stackless.tasklet()
t.bind(f, (1, 2), {"k": 3})
print(t.alive, t.scheduled, t.paused)
t.insert()
stackless.run()
t2 = stackless.tasklet(f, (4,))
print(t2.alive, t2.scheduled)
t2.insert()
stackless.run()
t3 = stackless.tasklet(f)
t3.bind(None, (5,))
t3.insert()
stackless.run()
stackless.tasklet(f)(6, key="v")
stackless.run()
t5 = stackless.tasklet(f, kwargs={"only": "kw"})
t5.insert()
stackless.run()
t6 = stackless.tasklet(f, (7,))
t6.bind(None)
print("unbound", t6.alive)
