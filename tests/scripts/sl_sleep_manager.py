# A tick-driven sleep manager: sleepers block on their own channels and
# main wakes those that are due.
import stackless

sleepers = []
now = [0]


def sleep(ticks):
    ch = stackless.channel()
    sleepers.append([ticks, ch])
    ch.receive()


def napper(name, ticks, times):
    for i in range(times):
        sleep(ticks)
        print("tick", now[0], name, "woke")


stackless.tasklet(napper)("fast", 1, 3)
stackless.tasklet(napper)("slow", 2, 2)
stackless.run()
while sleepers:
    now[0] += 1
    due = [s for s in sleepers if s[0] <= 1]
    for s in sleepers:
        s[0] -= 1
    sleepers[:] = [s for s in sleepers if s[0] > 0]
    for s in due:
        s[1].send(None)
print("all done at tick", now[0])
