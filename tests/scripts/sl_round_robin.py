# Round robin: schedule() moves the current tasklet to the end of the run queue.
import stackless


def worker(name, n):
    for i in range(n):
        print(name, i)
        stackless.schedule()
    print(name, "done")


for name, n in [("a", 3), ("b", 1), ("c", 2)]:
    stackless.tasklet(worker)(name, n)
print("runcount", stackless.getruncount())
stackless.run()
print("runcount", stackless.getruncount())
