# set_error_handler: a tasklet's uncaught exception goes to the handler,
# called in that tasklet; if the handler raises, main gets that instead.
import stackless


def handler(tp, value, tb):
    print("handler", tp.__name__, value, "in the failing tasklet:", stackless.current is bad_one)


def strict(tp, value, tb):
    raise RuntimeError("handler refuses " + tp.__name__)


def fails():
    1 / 0


print(stackless.set_error_handler(handler))
bad_one = stackless.tasklet(fails)()
print("run ->", stackless.run(), "alive", bad_one.alive)
print(stackless.set_error_handler(strict) is handler)
bad_one = stackless.tasklet(fails)()
try:
    stackless.run()
except RuntimeError as e:
    print("main got", e)
stackless.set_error_handler(None)
