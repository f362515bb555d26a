# switch() pauses the caller: main leaves the run queue and comes back only
# when nothing else can run.
import stackless


def f(name, n):
    for i in range(n):
        print(name, i, "main scheduled", stackless.main.scheduled, "paused", stackless.main.paused)
        stackless.schedule()
    print(name, "done")


t1 = stackless.tasklet(f)("t1", 2)
t2 = stackless.tasklet(f)("t2", 2)
t1.switch()
print("main back", stackless.main.scheduled)
