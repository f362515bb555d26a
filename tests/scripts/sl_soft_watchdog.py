# A soft watchdog does not interrupt: when the time is up, run() returns
# None at the running tasklet's next switch, and nothing leaves the queue.
import stackless


def worker(name):
    for i in range(3):
        n = 0
        for j in range(200):
            n += j
        print(name, i)
        stackless.schedule()


a = stackless.tasklet(worker)("a")
b = stackless.tasklet(worker)("b")
r = stackless.run(50, soft=True)
print("run returned", r, "scheduled", a.scheduled, b.scheduled)
stackless.run()
print("done")
