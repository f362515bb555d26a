# An uncaught exception in a tasklet ends it and is raised in the main
# tasklet, out of run(); the other tasklets stay scheduled.
import stackless


def bad():
    print("bad runs")
    raise ValueError("boom")


def good():
    for i in range(3):
        print("good", i)
        stackless.schedule()


stackless.tasklet(good)()
t = stackless.tasklet(bad)()
try:
    stackless.run()
except ValueError as e:
    print("main caught", repr(e))
print("bad alive", t.alive)
print("runcount", stackless.getruncount())
stackless.run()
print("end")
