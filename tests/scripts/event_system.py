class EventBus:
    def __init__(self):
        self.listeners = {}

    def subscribe(self, event, fn=None, *, priority=0):
        def register(f):
            self.listeners.setdefault(event, []).append((priority, f))
            self.listeners[event].sort(key=lambda pf: -pf[0])
            return f
        if fn is not None:
            return register(fn)
        return register

    def emit(self, event, *args, **kwargs):
        results = []
        for _, fn in self.listeners.get(event, []):
            try:
                results.append(fn(*args, **kwargs))
            except Exception as e:
                results.append(f"error: {e}")
        return results


bus = EventBus()


@bus.subscribe("greet", priority=5)
def loud(name, punct="!"):
    return f"HELLO {name.upper()}{punct}"


@bus.subscribe("greet")
def quiet(name, punct="."):
    return f"hello {name}{punct}"


bus.subscribe("greet", lambda name, **kw: 1 / 0, priority=1)
print(bus.emit("greet", "ada"))
print(bus.emit("greet", "bob", punct="?"))
print(bus.emit("missing"))
log = []
bus.subscribe("tick", log.append)
for i in range(3):
    bus.emit("tick", i)
print(log, len(bus.listeners), sorted(bus.listeners))
