# A tasklet's contextvars.Context and pickling (pickling.rst, the note on
# Context): a Context does not pickle; a tasklet pickles without its
# context unless PICKLEFLAGS_PICKLE_CONTEXT is set and the application
# made Context picklable (here with copyreg.pickle). The expected output is
# written by hand from that note: CPython has no tasklets to pickle.
import contextvars
import copyreg
import pickle

import stackless

var = contextvars.ContextVar("var", default="default")


def worker(tag):
    print(tag, "before:", var.get())
    stackless.schedule_remove()
    print(tag, "after:", var.get())


ctx = contextvars.Context()
ctx.run(var.set, "the tasklet's value")
try:
    pickle.dumps(ctx)
except TypeError as e:
    print("TypeError", e)


for what in (var, var.set("x")):
    try:
        pickle.dumps(what)
    except TypeError as e:
        print("TypeError", e)
var.set("default")
VARS = {var.name: var}


def rebuild(items):
    """The application's way back: variables found by name."""
    new = contextvars.Context()
    for name, value in items:
        new.run(VARS[name].set, value)
    return new


def reduce_context(c):
    return (rebuild, ([(v.name, value) for v, value in c.items()],))


copyreg.pickle(contextvars.Context, reduce_context)

for flags in (0, stackless.PICKLEFLAGS_PICKLE_CONTEXT):
    t = stackless.tasklet(worker)(f"flags={flags}")
    t.set_context(ctx)
    stackless.run()
    stackless.pickle_flags(flags)
    data = pickle.dumps(t)
    stackless.pickle_flags(0)
    t.kill()
    loaded = pickle.loads(data)
    loaded.insert()
    stackless.run()
print("main:", var.get())
