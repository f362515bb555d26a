# schedule_remove() parks the tasklet; whoever inserts it again sets what
# schedule_remove() returns through tempval.
import stackless

waiting = []


def wait_for_result(name):
    waiting.append(stackless.getcurrent())
    r = stackless.schedule_remove()
    print(name, "received", r)


def fire(result):
    for t in waiting:
        t.tempval = result
        t.insert()
    waiting.clear()


stackless.tasklet(wait_for_result)("x")
stackless.tasklet(wait_for_result)("y")
stackless.run()
print("waiting", len(waiting), "runcount", stackless.getruncount())
print("paused", [t.paused for t in waiting])
fire(42)
stackless.run()
print("end")
