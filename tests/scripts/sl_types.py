# The module's types as Stackless shows them: _stackless classes, no instance
# attributes on tasklets and channels, read-only state attributes.
import stackless
t = stackless.tasklet(lambda: None)
try:
    t.name = "x"
except AttributeError as e:
    print("AttributeError:", e)
ch = stackless.channel()
try:
    ch.foo = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    t.alive = False
except AttributeError as e:
    print("AttributeError:", e)
print(type(t), type(ch), stackless.tasklet, stackless.channel.__name__)
from stackless import tasklet, channel, schedule, run, getcurrent
print(tasklet is stackless.tasklet)
