# kill() on tasklets blocked on a channel: TaskletExit runs their finally
# blocks at once and takes them off the channel.
import stackless

ch = stackless.channel()


def waiter(name):
    try:
        print(name, "waiting")
        ch.receive()
        print(name, "got something")
    except TaskletExit:
        print(name, "killed")
        raise
    finally:
        print(name, "cleanup")


t1 = stackless.tasklet(waiter)("w1")
t2 = stackless.tasklet(waiter)("w2")
stackless.run()
print("balance", ch.balance, "blocked", bool(t1.blocked), bool(t2.blocked))
t1.kill()
print("after kill: alive", t1.alive, "balance", ch.balance)
ch.send("hello")
print("end: alive", t2.alive, "balance", ch.balance)
