# SystemExit in a tasklet ends the program at once, as Stackless's
# "truly a SystemExit on the main thread" rule says: main's finally blocks
# do not run.
import sys

import stackless


def quitter():
    print("quitting")
    sys.exit(0)


def bystander():
    try:
        stackless.schedule()
        print("bystander not resumed")
    finally:
        print("bystander finally not run")


stackless.tasklet(bystander)()
stackless.tasklet(quitter)()
try:
    stackless.schedule()
finally:
    print("main finally not run")
print("not reached")
