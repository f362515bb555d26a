# The main tasklet cannot block when nothing else can run.
import stackless

ch = stackless.channel()
for action in ("receive", "send"):
    try:
        if action == "receive":
            ch.receive()
        else:
            ch.send(1)
    except RuntimeError as e:
        print(action, "->", e)
print("balance", ch.balance)
