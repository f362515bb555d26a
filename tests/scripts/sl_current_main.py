# getcurrent(), getmain() and the module's current, main and runcount.
import stackless

print(stackless.getcurrent() is stackless.getmain(), stackless.current is stackless.main,
      stackless.main.is_main, stackless.current.is_current)


def f():
    c = stackless.getcurrent()
    print(c is t, c.is_main, c is stackless.current, stackless.main.is_current, stackless.runcount)


t = stackless.tasklet(f)()
print(stackless.runcount)
stackless.run()
print(stackless.runcount, stackless.getruncount())
print(stackless.enable_softswitch(None), stackless.getthreads() == [stackless.main.thread_id])
