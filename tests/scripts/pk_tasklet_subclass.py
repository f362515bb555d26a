# A tasklet subclass overrides __reduce_ex__ and __setstate__, calling the
# base class's, to pickle an attribute of its own with the tasklet. Its
# expected output follows Stackless's documented protocol: __reduce_ex__
# gives (type, (), state); loading calls type() and then __setstate__.
import pickle

import stackless

calls = []


class Worker(stackless.tasklet):
    def __init__(self, *args):
        super().__init__(*args)
        self.label = "fresh"

    def __reduce_ex__(self, protocol):
        cls, args, state = super().__reduce_ex__(protocol)
        calls.append(("reduce", cls.__name__, args))
        return cls, args, (state, self.label)

    def __setstate__(self, state):
        inner, label = state
        calls.append(("setstate", label))
        self.label = label
        return super().__setstate__(inner)


def work(n):
    for i in range(n):
        print("step", i)
        stackless.schedule()
    print("work done")


t = Worker(work)(4)
t.label = "original"
stackless.schedule()
stackless.schedule()
t.remove()
data = pickle.dumps(t)
copy = pickle.loads(data)
print(calls)
print(type(copy).__name__, copy.label, copy.alive, copy.scheduled, copy is t)
copy.insert()
stackless.run()
print("original", t.alive, t.scheduled)
t.insert()
stackless.run()

cls, args, state = stackless.tasklet.__reduce__(Worker(work)(1))
print(cls.__name__, args, type(state).__name__)
try:
    stackless.tasklet().__setstate__(42)
except TypeError as e:
    print("TypeError:", e)
