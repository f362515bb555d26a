# One async generator exercised with asend, awaits, athrow and aclose in a single session.
class Req:
    def __init__(self, what):
        self.what = what
    def __await__(self):
        return (yield self.what)

async def session():
    log = []
    try:
        cmd = yield "ready"
        while True:
            if cmd == "fetch":
                data = await Req("db")
                cmd = yield "data:" + str(data)
            elif cmd == "echo":
                cmd = yield "echo"
            else:
                cmd = yield "unknown:" + str(cmd)
    except KeyError as e:
        log.append("KeyError " + str(e.args[0]))
        yield "recovered"
        yield "after-recover"
    finally:
        log.append("finally")
        print("  log:", log)

def step(aw, replies=()):
    replies = list(replies)
    try:
        r = aw.send(None)
        while True:
            print("  driver request:", r)
            r = aw.send(replies.pop(0))
    except StopIteration as e:
        return "value " + str(e.value)
    except StopAsyncIteration:
        return "stop"
    except Exception as e:
        return "raised %s %s" % (type(e).__name__, e)

s = session()
print(step(s.asend(None)))
print(step(s.asend("echo")))
print(step(s.asend("fetch"), [123]))
print(step(s.asend(7)))
print(step(s.athrow(KeyError("k"))))
print(step(s.asend("ignored")))
print(step(s.aclose()))
print(step(s.asend(None)))
