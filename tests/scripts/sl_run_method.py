# tasklet.run() runs the tasklet at once; the caller stays scheduled and
# runs again when its turn comes round.
import stackless


def f(name):
    for i in range(2):
        print(name, "next is main:", stackless.current.next is stackless.main,
              "main scheduled", stackless.main.scheduled)
        stackless.schedule()


t1 = stackless.tasklet(f)("t1")
t2 = stackless.tasklet(f)("t2")
t3 = stackless.tasklet(f)("t3")
t1.run()
print("main continues")
stackless.run()
print("end")
