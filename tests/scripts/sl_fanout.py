# One sender, three receivers: waiting receivers are served first come,
# first served.
import stackless

ch = stackless.channel()


def consumer(name):
    while True:
        v = ch.receive()
        if v is None:
            print(name, "stops")
            return
        print(name, "handles", v)


for n in ("c1", "c2", "c3"):
    stackless.tasklet(consumer)(n)
stackless.run()
print("balance", ch.balance)
for job in range(5):
    ch.send(job)
for i in range(3):
    ch.send(None)
print("balance", ch.balance)
