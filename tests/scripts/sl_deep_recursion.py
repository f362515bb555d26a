# Tasklets switch from deep inside recursive calls.
import stackless


def deep(n):
    if n == 0:
        stackless.schedule()
        return 0
    return 1 + deep(n - 1)


def worker(name, n):
    print(name, "result", deep(n))


stackless.tasklet(worker)("x", 400)
stackless.tasklet(worker)("y", 300)
stackless.run()
