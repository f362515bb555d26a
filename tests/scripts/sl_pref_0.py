# Producer and consumer over a channel with preference 0.
import stackless

ch = stackless.channel()
ch.preference = 0
print("preference", ch.preference)


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
