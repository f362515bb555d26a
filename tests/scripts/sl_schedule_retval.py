# schedule(retval) returns retval; without one it returns the current tasklet.
import stackless

print(stackless.schedule("alone"))
print(stackless.schedule() is stackless.current)


def other():
    print("other runs")


stackless.tasklet(other)()
print(stackless.schedule("back"))
print(stackless.schedule_remove("nothing else") == "nothing else")
