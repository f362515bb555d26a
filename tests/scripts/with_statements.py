class Resource:
    opened = []

    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail

    def __enter__(self):
        Resource.opened.append(self.name)
        print("open", self.name)
        if self.fail:
            raise RuntimeError(f"cannot open {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else "ok")
        Resource.opened.remove(self.name)
        return False


with Resource("a") as a, Resource("b") as b:
    print("using", a.name, b.name, Resource.opened)
try:
    with Resource("c"):
        raise ValueError("oops")
except ValueError as e:
    print("propagated", e)
try:
    with Resource("d"), Resource("e", fail=True):
        print("not reached")
except RuntimeError as e:
    print("enter failed:", e, Resource.opened)


class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return None

    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, self.types)


with Suppress(KeyError, IndexError):
    [][1]
print("suppressed index error")
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")


def early():
    with Resource("f"):
        return "returned from with"


print(early())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)


class Timer:
    def __init__(self):
        self.events = []

    def __enter__(self):
        self.events.append("start")
        return self.events

    def __exit__(self, *args):
        self.events.append("stop")


t = Timer()
with t as ev:
    ev.append("work")
print(t.events)
