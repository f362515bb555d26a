# The schedule callback sees every switch, even to a tasklet that ends the
# moment it resumes (killed before it started); the channel callback sees
# send_exception too.
import stackless

log = []


def name(t):
    if t is stackless.main:
        return "main"
    return getattr(t, "name", "?") + ("" if t.alive else "(dead)")


def on_switch(prev, next):
    log.append(("switch", name(prev), name(next)))


def on_channel(channel, tasklet, sending, willblock):
    log.append(("channel", name(tasklet), sending, willblock))


class Named(stackless.tasklet):
    pass


def make(f, label, *args):
    t = Named(f)
    t.name = label
    t(*args)
    return t


ch = stackless.channel()


def receiver():
    try:
        ch.receive()
    except KeyError as e:
        log.append(("receiver caught", str(e)))


stackless.set_schedule_callback(on_switch)
stackless.set_channel_callback(on_channel)
never = make(lambda: log.append("never runs"), "never")
never.kill()
make(receiver, "receiver")
stackless.run()
ch.send_exception(KeyError, "boom")
stackless.set_schedule_callback(None)
stackless.set_channel_callback(None)
for entry in log:
    print(entry)
