# A main tasklet that took itself out of the run queue comes back when
# nothing else can run, rather than letting a tasklet deadlock.
import stackless


def f(name):
    print(name, "runs")


stackless.tasklet(f)("a")
stackless.tasklet(f)("b")
print("main removed itself, got:", stackless.schedule_remove("back"))
print("runcount", stackless.getruncount())

ch = stackless.channel()


def waiter():
    print("waiter blocks")
    ch.receive()
    print("waiter got it")


t = stackless.tasklet(waiter)()
print("main:", stackless.schedule_remove(7))
print("blocked", t.blocked, "balance", ch.balance)
ch.send(None)
print("end")
