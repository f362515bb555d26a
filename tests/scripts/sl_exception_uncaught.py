# An exception no tasklet catches reaches main and ends the program.
import stackless


def worker():
    print("worker starts")
    1 / 0


stackless.tasklet(worker)()
print("main runs")
stackless.run()
print("never printed")
