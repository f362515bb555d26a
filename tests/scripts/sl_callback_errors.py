# An error in the schedule callback is reported (with its traceback) and
# ignored; callbacks must be callable.
import sys

import stackless


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


def cb(prev, next):
    raise ValueError("bad callback")


def f():
    print("f runs")


captured = Capture()
real_stderr = sys.stderr
sys.stderr = captured
stackless.set_schedule_callback(cb)
stackless.tasklet(f)()
stackless.run()
stackless.set_schedule_callback(None)
sys.stderr = real_stderr
print("main done")
for line in "".join(captured.parts).splitlines():
    if line.startswith('  File "'):
        # Keep the file's name only: the path depends on where it runs.
        name = line.split('"')[1].replace("\\", "/").split("/")[-1]
        line = '  File "' + name + '"' + line.split('"', 2)[2]
    print("stderr:", line)
try:
    stackless.set_schedule_callback(42)
except TypeError as e:
    print(e)
