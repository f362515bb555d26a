# Producer and consumer over a channel with schedule_all set.
import stackless

ch = stackless.channel()
ch.schedule_all = 1
print("schedule_all", ch.schedule_all)


def producer(n):
    for i in range(n):
        print("send", i)
        ch.send(i)
        print("sent", i)
    print("producer done")


def consumer():
    while True:
        v = ch.receive()
        print("recv", v)


stackless.tasklet(producer)(3)
stackless.tasklet(consumer)()
stackless.run()
print("balance", ch.balance)
