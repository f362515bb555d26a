# Several pickles in one stream: each load reads exactly one pickle and
# leaves the file right after it, as CPython's pickle does.
import io
import pickle

buf = io.BytesIO()
pickle.dump({"x": 1}, buf)
pickle.dump([2], buf)
buf.seek(0)
print(pickle.load(buf), pickle.load(buf))
try:
    pickle.load(buf)
except EOFError as e:
    print("EOFError", e)

# a Pickler per pickle, then an Unpickler per pickle
f = io.BytesIO()
pickle.Pickler(f).dump(("a", 1))
pickle.Pickler(f).dump({"b": [2, 3]})
end = f.tell()
f.seek(0)
print(pickle.Unpickler(f).load(), pickle.Unpickler(f).load(), f.tell() == end)

# one Pickler dumping twice, one Unpickler loading twice
f = io.BytesIO()
p = pickle.Pickler(f)
p.dump([1, 2])
p.dump("second")
p.dump(None)
f.seek(0)
u = pickle.Unpickler(f)
print(u.load(), u.load(), u.load())

# the position after each load is where the next pickle starts
f = io.BytesIO()
ends = []
for obj in [1, "two", [3.0], {4: (5,)}]:
    pickle.dump(obj, f)
    ends.append(f.tell())
f.write(b"tail")
f.seek(0)
for end in ends:
    obj = pickle.load(f)
    print(obj, f.tell() == end)
print(f.read())

# pickles written with dumps and concatenated
data = pickle.dumps("one") + pickle.dumps(["two"]) + pickle.dumps(3)
f = io.BytesIO(data)
print([pickle.load(f) for _ in range(3)])

# loads reads the first pickle and ignores what follows, as CPython does
print(pickle.loads(pickle.dumps(1) + b"xyz"))
print(pickle.loads(data))

# a shared object keeps its identity within one pickle
shared = [0]
f = io.BytesIO()
pickle.dump([shared, shared], f)
pickle.dump(shared, f)
f.seek(0)
pair = pickle.load(f)
single = pickle.load(f)
print(pair[0] is pair[1], single is pair[0], single)

# a file that is not seekable: only read() and readline()
class Stream:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.reads = 0

    def read(self, n=-1):
        self.reads += 1
        if n < 0:
            n = len(self.data) - self.pos
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

    def readline(self):
        i = self.data.find(b"\n", self.pos)
        end = len(self.data) if i < 0 else i + 1
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk


big = list(range(300))
data = pickle.dumps(big) + pickle.dumps({"k": "v" * 70000}) + b"rest"
s = Stream(data)
print(pickle.load(s) == big, len(pickle.load(s)["k"]), s.data[s.pos:])
s = Stream(data)
u = pickle.Unpickler(s)
print(u.load()[-1], sorted(u.load()), s.data[s.pos:])

# files without read/readline or write
for make in (lambda: pickle.Unpickler(object()), lambda: pickle.Pickler(object())):
    try:
        make()
    except TypeError as e:
        print("TypeError", e)

# empty input
for label, load in [("loads", lambda: pickle.loads(b"")),
                    ("load", lambda: pickle.load(io.BytesIO())),
                    ("Unpickler", lambda: pickle.Unpickler(io.BytesIO(b"")).load()),
                    ("stream", lambda: pickle.load(Stream(b"")))]:
    try:
        load()
    except EOFError as e:
        print(label, "EOFError", e)

# truncated input
good = pickle.dumps({"a": [1, 2, 3]})
for label, load in [("loads", lambda: pickle.loads(good[:-2])),
                    ("load", lambda: pickle.load(io.BytesIO(good[:-2]))),
                    ("stream", lambda: pickle.load(Stream(good[:5])))]:
    try:
        load()
        print(label, "loaded?")
    except pickle.UnpicklingError:
        print(label, "UnpicklingError")
    except EOFError:
        print(label, "UnpicklingError")
