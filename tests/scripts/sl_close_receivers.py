# Iterating over a closing channel stops as soon as no sender waits, even
# with receivers queued; the callback gets ints for its flags.
import stackless

ch = stackless.channel()
seen = []


def cb(channel, tasklet, sending, willblock):
    seen.append((sending, willblock))


def rx():
    print("rx got", ch.receive())


r = stackless.tasklet(rx)()
stackless.run()
print("balance", ch.balance)
ch.close()
print("closing", ch.closing, "closed", ch.closed)
print("iterating:", list(ch))
stackless.set_channel_callback(cb)
ch.send("still delivered")
stackless.set_channel_callback(None)
print(seen, type(seen[0][0]).__name__)
print("closed", ch.closed)
