# send_exception() and send_throw() make the receiver raise.
import stackless

ch = stackless.channel()


def rx():
    for i in range(3):
        try:
            print("got", ch.receive())
        except Exception as e:
            print("raised", type(e).__name__, e.args)


stackless.tasklet(rx)()
stackless.run()
ch.send_exception(ValueError, 1, 2)
ch.send("plain")
ch.send_throw(KeyError("k"))


def tx():
    ch.send_exception(IndexError, "late")
    print("tx done")


stackless.tasklet(tx)()
# tx blocks with nothing else to run: Stackless wakes main, and because what
# tx holds is an exception, main's run() raises it too.
try:
    stackless.run()
except IndexError as e:
    print("run raised", e)
print("balance", ch.balance)
try:
    ch.receive()
except IndexError as e:
    print("main raised", e)
stackless.run()
