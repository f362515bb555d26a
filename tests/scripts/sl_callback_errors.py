# An error in the schedule callback is reported and ignored; callbacks must be callable.
import stackless
def cb(prev, next):
    raise ValueError("bad callback")
def f():
    print("f runs")
stackless.set_schedule_callback(cb)
stackless.tasklet(f)()
stackless.run()
stackless.set_schedule_callback(None)
print("main done")
try:
    stackless.set_schedule_callback(42)
except TypeError as e:
    print(e)
