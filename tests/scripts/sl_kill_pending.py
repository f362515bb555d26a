# kill(pending=True) only schedules the kill; kill() runs it at once.
import stackless


def loop(name):
    try:
        while True:
            print(name, "tick")
            stackless.schedule()
    finally:
        print(name, "finally")


a = stackless.tasklet(loop)("a")
b = stackless.tasklet(loop)("b")
stackless.schedule()
print("main back")
a.kill(pending=True)
print("a alive after pending kill", a.alive, "scheduled", a.scheduled)
stackless.schedule()
print("main again", a.alive)
b.kill()
print("b alive", b.alive)
print("runcount", stackless.getruncount())
