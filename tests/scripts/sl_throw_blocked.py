# throw() and raise_exception() into a tasklet blocked on a channel.
import stackless

ch = stackless.channel()


def catcher():
    while True:
        try:
            v = ch.receive()
            print("value", v)
        except KeyError as e:
            print("caught KeyError", e)
        except StopIteration:
            print("stop")
            return


t = stackless.tasklet(catcher)()
stackless.run()
t.throw(KeyError("k1"))
print("main after throw, blocked:", bool(t.blocked))
ch.send(5)
t.throw(KeyError, "k2")
ch.send(6)
t.raise_exception(KeyError, "k3")
t.throw(StopIteration)
print("alive", t.alive, "balance", ch.balance)
