# Two tasklets answer each other over two channels.
import stackless

ping_ch = stackless.channel()
pong_ch = stackless.channel()


def pinger(n):
    for i in range(n):
        ping_ch.send(i)
        r = pong_ch.receive()
        print("pinger got", r)


def ponger(n):
    for i in range(n):
        v = ping_ch.receive()
        print("ponger got", v)
        pong_ch.send(v * 10)


stackless.tasklet(pinger)(3)
stackless.tasklet(ponger)(3)
stackless.run()
print("done")
