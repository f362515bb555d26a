# A tasklet's flags through its life: new, bound, set up, removed,
# inserted, running, blocked, dead; and the main tasklet's.
import stackless


def show(label, t):
    print(label, "alive", t.alive, "paused", t.paused, "blocked", bool(t.blocked),
          "scheduled", t.scheduled, "current", t.is_current, "main", t.is_main)


def f(ch):
    show("running", stackless.getcurrent())
    ch.receive()


ch = stackless.channel()
t = stackless.tasklet()
show("new", t)
t.bind(f)
show("bound", t)
t.setup(ch)
show("setup", t)
t.remove()
show("removed", t)
t.insert()
show("inserted", t)
stackless.run()
show("blocked", t)
ch.send(None)
show("dead", t)
show("main", stackless.getmain())
