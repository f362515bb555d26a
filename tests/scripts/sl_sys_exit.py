# SystemExit in a tasklet ends the program: main does not get to catch it.
import sys

import stackless


def quitter():
    print("quitting")
    sys.exit(0)


stackless.tasklet(quitter)()
try:
    stackless.run()
except SystemExit:
    print("main caught SystemExit")
print("not reached")
