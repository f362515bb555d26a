# With totaltimeout the budget counts every tasklet's instructions since
# run() was called, so even tasklets that yield often are interrupted.
import stackless


def coop(n):
    for i in range(n):
        stackless.schedule()


stackless.tasklet(coop)(200)
stackless.tasklet(coop)(200)
r = stackless.run(1000)
print("per-tasklet timeout:", r)
stackless.tasklet(coop)(200)
stackless.tasklet(coop)(200)
r = stackless.run(1000, totaltimeout=True)
print("total timeout interrupted:", r is not None, r.alive, r.scheduled)
r.insert()
r = stackless.run()
print("finished:", r, stackless.getruncount())
