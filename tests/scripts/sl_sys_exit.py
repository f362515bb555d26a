# SystemExit in a tasklet reaches main like any other exception.
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
print("main goes on")
