# block_trap forbids blocking on a channel.
import stackless

ch = stackless.channel()


def f():
    stackless.current.block_trap = True
    try:
        ch.receive()
    except RuntimeError as e:
        print("RuntimeError:", e)
    stackless.current.block_trap = False
    print("now blocking")
    print("got", ch.receive())


stackless.tasklet(f)()
stackless.run()
ch.send("x")
print("main block_trap", stackless.main.block_trap)
