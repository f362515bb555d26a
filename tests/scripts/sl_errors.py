# The errors Stackless raises for misuse, with its messages.
import stackless


def attempt(label, f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "-> no error")


def short():
    pass


def waits(ch):
    ch.receive()


ch = stackless.channel()
t = stackless.tasklet(short)()
attempt("bind a scheduled tasklet", t.bind, short)
attempt("setup an alive tasklet", t.setup)
attempt("bind a non-callable", stackless.tasklet().bind, 42)
attempt("bind the current tasklet", stackless.current.bind, short)
attempt("unbind main", stackless.main.bind, None)
attempt("remove the current tasklet", stackless.current.remove)
stackless.run()
attempt("insert a dead tasklet", t.insert)
attempt("run a dead tasklet", t.run)
attempt("throw into a dead tasklet", t.throw, ValueError)
attempt("raise_exception in a dead tasklet", t.raise_exception, ValueError, "x")
attempt("kill a dead tasklet", t.kill)
attempt("throw TaskletExit into a dead tasklet", t.throw, TaskletExit)
attempt("setup without a function", stackless.tasklet().setup)
attempt("raise_exception with a non-exception", t.raise_exception, 42)
attempt("throw an instance with a value", t.throw, ValueError("v"), 1)
attempt("throw a non-exception", t.throw, 3)
w = stackless.tasklet(waits)(ch)
stackless.run()
attempt("insert a blocked tasklet", w.insert)
attempt("remove a blocked tasklet", w.remove)
attempt("run a blocked tasklet", w.run)
attempt("preference = 'x'", setattr, ch, "preference", "x")
attempt("schedule_all = None", setattr, ch, "schedule_all", None)
attempt("block_trap = 'yes'", setattr, stackless.current, "block_trap", "yes")
attempt("set_atomic('yes')", stackless.current.set_atomic, "yes")
attempt("send_exception with a non-class", ch.send_exception, 42)
ch.preference = 5
print("preference clamps to", ch.preference)
ch.preference = -7
print("preference clamps to", ch.preference)
old = stackless.switch_trap(1)
print("switch_trap was", old)
other = stackless.tasklet(short)()
attempt("schedule under switch_trap", stackless.schedule)
attempt("run under switch_trap", stackless.run)
print("switch_trap back to", stackless.switch_trap(-1) - 1)
stackless.run()
w.kill()
print("alive", t.alive, other.alive, w.alive)
