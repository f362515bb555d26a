# run() called from a tasklet nests: the innermost returns when the run
# queue empties, then the outer one goes on.
import stackless


def inner(name):
    print(name, "inner")


def outer():
    print("outer start")
    stackless.tasklet(inner)("i1")
    stackless.tasklet(inner)("i2")
    print("outer run returns", stackless.run())
    print("outer after run")


stackless.tasklet(outer)()
print("main run returns", stackless.run())
print("main end")
