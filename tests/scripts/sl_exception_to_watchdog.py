# An uncaught exception goes to the innermost run(), even when a tasklet
# called it.
import stackless


def bad():
    raise KeyError("inner")


def outer():
    stackless.tasklet(bad)()
    try:
        stackless.run()
    except KeyError as e:
        print("outer caught", e)
    print("outer done")


stackless.tasklet(outer)()
stackless.run()
print("main done")
