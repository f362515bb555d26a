# Producer and consumer over a channel, for each preference (-1: the
# receiver runs on at a transfer, 1: the sender, 0: the caller) and with
# schedule_all (both wait their turn).
import stackless


def run_with(preference, schedule_all):
    ch = stackless.channel()
    ch.preference = preference
    ch.schedule_all = schedule_all
    print("preference", ch.preference, "schedule_all", ch.schedule_all)

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
    consumer_tasklet = stackless.tasklet(consumer)()
    stackless.run()
    print("balance", ch.balance)
    consumer_tasklet.kill()


for preference, schedule_all in [(-1, 0), (1, 0), (0, 0), (-1, 1)]:
    run_with(preference, schedule_all)
