# Main blocked on a channel when the last other tasklet ends: Stackless
# wakes it with an error saying which side was missing.
import stackless

ch = stackless.channel()


def helper():
    print("helper runs and leaves")


stackless.tasklet(helper)()
try:
    ch.receive()
except RuntimeError as e:
    print("RuntimeError:", e)
print("balance", ch.balance)
stackless.tasklet(helper)()
try:
    ch.send(1)
except RuntimeError as e:
    print("RuntimeError:", e)
print("balance", ch.balance)
