# Tasklets that make tasklets: each new one joins the end of the run queue.
import stackless


def child(depth, name):
    print("start", name)
    if depth > 0:
        stackless.tasklet(child)(depth - 1, name + "L")
        stackless.tasklet(child)(depth - 1, name + "R")
    stackless.schedule()
    print("end", name)


stackless.tasklet(child)(2, "r")
stackless.run()
print("runcount", stackless.runcount)
