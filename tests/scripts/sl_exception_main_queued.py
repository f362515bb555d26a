# When a tasklet's exception reaches a main that waits in the run queue,
# the queue turns to main: the tasklets before it keep their order.
import stackless


def other(name):
    for i in range(2):
        print(name, i)
        stackless.schedule()


def bad():
    raise ValueError("bad")


stackless.tasklet(other)("o1")
stackless.tasklet(bad)()
stackless.tasklet(other)("o2")
try:
    stackless.schedule()
except ValueError as e:
    print("main caught", e)
stackless.run()
