# The Stackless documentation's way of keeping a tasklet's exception to
# itself: catch it in a wrapper and print its traceback.
import sys
import traceback

import stackless


def new_tasklet(f, *args):
    def safe_tasklet():
        try:
            f(*args)
        except Exception:
            text = traceback.format_exc()
            for line in text.splitlines():
                if line.startswith('  File "'):
                    line = '  File "' + line.split('"')[1].replace("\\", "/").split("/")[-1] + '"' + line.split('"', 2)[2]
                print("report:", line)

    return stackless.tasklet(safe_tasklet)()


def divide(a, b):
    stackless.schedule()
    return a / b


def show(a, b):
    print("result", divide(a, b))


new_tasklet(show, 6, 3)
new_tasklet(show, 1, 0)
new_tasklet(show, 8, 2)
stackless.run()
print("scheduler finished; exc_info now", sys.exc_info())
