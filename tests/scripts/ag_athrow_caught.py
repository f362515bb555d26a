# athrow(): exception is raised at the yield; caught inside, generator yields again.
async def agen():
    n = 0
    while n < 10:
        try:
            yield n
        except ValueError as e:
            print("  caught ValueError", e.args)
            n += 100
        except KeyError as e:
            print("  caught KeyError", e.args)
            yield "recovered"
        n += 1

def drive(aw):
    try:
        r = aw.send(None)
        return ("suspend", r)
    except StopIteration as e:
        return ("yield", e.value)
    except StopAsyncIteration:
        return ("stop",)
    except Exception as e:
        return ("raised", type(e).__name__, str(e))

ag = agen()
print(drive(ag.__anext__()))
print(drive(ag.__anext__()))
aw = ag.athrow(KeyError("k1"))
print(type(aw).__name__)
print(drive(aw))
print(drive(ag.__anext__()))
print(drive(ag.athrow(ValueError, ValueError("big"))))
print(drive(ag.__anext__()))
# throwing an exception class (no instance)
print(drive(ag.athrow(KeyError)))
print(drive(ag.__anext__()))
