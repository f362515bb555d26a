# Pickler subclasses: a private dispatch_table, persistent_id for objects
# kept out of the pickle, and an Unpickler with persistent_load.
import copyreg
import io
import pickle


class DBHandle:
    """Stands for something that cannot travel: a database connection."""

    def __init__(self, name):
        self.name = name

    def query(self, q):
        return f"{self.name}: {q}"


class Record:
    def __init__(self, key, db):
        self.key = key
        self.db = db


HANDLES = {"main": DBHandle("main"), "audit": DBHandle("audit")}


class HandlePickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, DBHandle):
            return ("db", obj.name)
        return None


class HandleUnpickler(pickle.Unpickler):
    def __init__(self, file, handles):
        super().__init__(file)
        self.handles = handles
        self.seen = []

    def persistent_load(self, pid):
        kind, name = pid
        self.seen.append(pid)
        if kind != "db":
            raise pickle.UnpicklingError("unsupported persistent object")
        return self.handles[name]


records = [Record(1, HANDLES["main"]), Record(2, HANDLES["audit"]), Record(3, HANDLES["main"])]
buf = io.BytesIO()
HandlePickler(buf).dump(records)
buf.seek(0)
up = HandleUnpickler(buf, HANDLES)
loaded = up.load()
print([r.key for r in loaded])
print(loaded[0].db is HANDLES["main"], loaded[1].db is HANDLES["audit"], loaded[2].db is loaded[0].db)
print(loaded[1].db.query("select 1"))
print(sorted(set(up.seen)))


class Fraction:
    def __init__(self, n, d):
        self.n = n
        self.d = d

    def __repr__(self):
        return f"{self.n}/{self.d}"


def reduce_fraction(f):
    return (Fraction, (f.n * 10, f.d * 10))


class ScalingPickler(pickle.Pickler):
    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[Fraction] = reduce_fraction


b1 = io.BytesIO()
ScalingPickler(b1).dump([Fraction(1, 2), Fraction(3, 4)])
b1.seek(0)
print("private table", pickle.load(b1))
# the global table is untouched: a plain dumps keeps the values
print("plain", pickle.loads(pickle.dumps(Fraction(1, 2))))


# dispatch_table set per instance
b2 = io.BytesIO()
p = pickle.Pickler(b2)
p.dispatch_table = {Fraction: lambda f: (Fraction, (f.d, f.n))}
p.dump({"x": Fraction(2, 5)})
b2.seek(0)
print("instance table", pickle.load(b2))

# dump/load through files
b3 = io.BytesIO()
pickle.dump({"numbers": list(range(5)), "nested": {"t": (1, "two")}}, b3)
b3.seek(0)
print(pickle.load(b3))

# an Unpickler without persistent_load cannot read persistent ids
b4 = io.BytesIO()
HandlePickler(b4).dump(HANDLES["main"])
b4.seek(0)
try:
    pickle.Unpickler(b4).load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", type(e).__name__)
