# The channel callback sees every send and receive before it happens.
import stackless


def ccb(channel, tasklet, sending, willblock):
    print("cb", names[tasklet], "send" if sending else "recv", "willblock", bool(willblock),
          channel is ch)


ch = stackless.channel()


def rx():
    print("rx got", ch.receive())


t = stackless.tasklet(rx)()
names = {stackless.main: "main", t: "rx"}
print(stackless.set_channel_callback(ccb))
stackless.run()
ch.send(7)
print(stackless.get_channel_callback() is ccb)
print(stackless.set_channel_callback(None) is ccb)
