# TaskletExit ends a tasklet silently; it derives from SystemExit.
import stackless


def f():
    print("before")
    raise TaskletExit
    print("after")


t = stackless.tasklet(f)()
stackless.run()
print("alive", t.alive, issubclass(TaskletExit, SystemExit), TaskletExit.__module__)


def g():
    try:
        stackless.schedule_remove()
    except TaskletExit as e:
        print("g caught", type(e).__name__)
        raise


t = stackless.tasklet(g)()
stackless.run()
t.kill()
print("g alive", t.alive)
