# Each tasklet has its own contextvars.Context, shared with the tasklet
# that made it (Stackless 3.7.6 and later); a switch makes the next
# tasklet's context current; set_context, context_run and context_id; a
# context entered with Context.run cannot be replaced. The expected output
# is written by hand from Stackless's documentation of these methods.
import contextvars

import stackless

var = contextvars.ContextVar("var", default="unset")


def worker(name):
    print(name, "sees", var.get())
    var.set(name)
    stackless.schedule()
    print(name, "after a switch sees", var.get())


var.set("main")
stackless.tasklet(worker)("shared")
stackless.run()
print("main sees", var.get(), "(the context is shared)")

own = contextvars.Context()
t = stackless.tasklet(worker)("own")
print(t.set_context(own) is t)
stackless.run()
print("main sees", var.get(), "and the tasklet's context has", own[var])
print(t.context_id == id(own), t.context_run(var.get), var.get())


def ping(n):
    for i in range(n):
        var.set(f"ping {i}")
        stackless.schedule()
        print("  ping reads", var.get())


def pong(n):
    for i in range(n):
        var.set(f"pong {i}")
        stackless.schedule()
        print("  pong reads", var.get())


a = stackless.tasklet(ping)(2)
a.set_context(contextvars.Context())
b = stackless.tasklet(pong)(2)
b.set_context(contextvars.Context())
stackless.run()


def replace_inside_run():
    try:
        stackless.current.set_context(contextvars.Context())
    except RuntimeError as e:
        print("RuntimeError:", e)


contextvars.copy_context().run(replace_inside_run)
try:
    stackless.current.set_context("not a context")
except TypeError as e:
    print("TypeError:", e)
print("main ends with", var.get())
