# schedule_remove() by the last runnable tasklet while main is blocked is a
# deadlock, raised in that tasklet; main alone just carries on.
import stackless

ch = stackless.channel()


def lonely():
    try:
        stackless.schedule_remove()
    except RuntimeError as e:
        print("lonely:", e)
    print("lonely still scheduled:", stackless.current.scheduled)


stackless.tasklet(lonely)()
try:
    ch.receive()
except RuntimeError as e:
    print("main:", e)
print("main alone:", stackless.schedule_remove("back"), stackless.main.scheduled)
