# The protocol argument of dumps, dump and Pickler, checked as CPython
# checks it, and handed to __reduce_ex__.
import io
import pickle


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
for p in [None, 0, 1, 2, 3, 4, 5, 6, 99, -1, -5, True, 2.0, "2", Index(3), Index(7)]:
    name = type(p).__name__ if isinstance(p, Index) else repr(p)
    attempt("dumps %s" % name, lambda: pickle.loads(pickle.dumps([1, "a"], protocol=p)))
    attempt("dump %s" % name, lambda: pickle.dump(1, io.BytesIO(), p))
    attempt("Pickler %s" % name, lambda: pickle.Pickler(io.BytesIO(), p))
    attempt("Pickler kw %s" % name, lambda: pickle.Pickler(io.BytesIO(), protocol=p))

# the error comes before anything is written
f = io.BytesIO()
attempt("dump 99", lambda: pickle.dump([1], f, protocol=99))
print("written", f.getvalue())


# __reduce_ex__ gets the protocol asked for; a negative one is the highest
class Reporter:
    def __init__(self, seen=None):
        self.seen = seen

    def __reduce_ex__(self, protocol):
        return (Reporter, (protocol,))


for p in [None, 0, 1, 2, 3, 4, 5, -1, True]:
    print("reduce_ex", p, pickle.loads(pickle.dumps(Reporter(), p)).seen)

f = io.BytesIO()
pickle.Pickler(f, 2).dump(Reporter())
pickle.Pickler(f, -1).dump(Reporter())
pickle.dump(Reporter(), f, 0)
f.seek(0)
print([pickle.load(f).seen for _ in range(3)])


# below protocol 2, __new__ is not called on loading
class Made:
    made = 0

    def __new__(cls, *args):
        Made.made += 1
        return super().__new__(cls)

    def __init__(self, x):
        self.x = x


for p in range(6):
    Made.made = 0
    m = pickle.loads(pickle.dumps(Made(p), p))
    print("protocol", p, "x", m.x, "__new__ calls", Made.made)
