# Killing a tasklet that never ran ends it before its function starts.
import stackless


def f():
    try:
        print("ran")
    finally:
        print("finally")


t = stackless.tasklet(f)()
print(t.alive, t.scheduled)
t.kill()
print(t.alive, t.scheduled, stackless.getruncount())
stackless.run()
print("end")
