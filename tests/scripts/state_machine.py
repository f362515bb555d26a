TRANSITIONS = {
    ("idle", "coin"): "ready",
    ("ready", "push"): "vending",
    ("vending", "done"): "idle",
    ("ready", "refund"): "idle",
}


class Machine:
    def __init__(self):
        self.state = "idle"
        self.log = []
        self.handlers = {}

    def on(self, state):
        def register(fn):
            self.handlers[state] = fn
            return fn
        return register

    def fire(self, event):
        key = (self.state, event)
        if key not in TRANSITIONS:
            self.log.append(f"ignored {event} in {self.state}")
            return False
        old = self.state
        self.state = TRANSITIONS[key]
        self.log.append(f"{old} --{event}--> {self.state}")
        handler = self.handlers.get(self.state)
        if handler:
            handler(self)
        return True


m = Machine()
visits = {"vending": 0}


@m.on("vending")
def vend(machine):
    visits["vending"] += 1
    machine.fire("done")


for ev in ["push", "coin", "push", "coin", "refund", "coin", "push"]:
    m.fire(ev)
print("\n".join(m.log))
print(m.state, visits)
