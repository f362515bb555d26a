# Expected output follows the Stackless documentation (pickling.rst, "Code",
# "Frames", "Functions"), not a reference run: no other Python pickles code.
# A pickle whose code objects carry another bytecode magic number loads with
# RuntimeWarnings; the code cannot run (SystemError), nor can a frame of it
# (RuntimeError).
import pickle
import warnings
import stackless


def int_width(data, at):
    """Length of the MessagePack integer at data[at]."""
    return {0xCC: 2, 0xCD: 3, 0xCE: 5, 0xCF: 9, 0xD0: 2, 0xD1: 3, 0xD2: 5, 0xD3: 9}.get(data[at], 1)


def magic_bytes():
    # The envelope is [format name, version, magic, ...]: find the magic
    # after the format name and the version.
    head = pickle.dumps(0)
    name = b"brine-pickle"
    at = head.index(name) + len(name)
    at += int_width(head, at)
    return head[at:at + int_width(head, at)]


MAGIC = magic_bytes()
OTHER = MAGIC[:-1] + bytes([MAGIC[-1] ^ 0x5A])
OTHER_NUMBER = 0
for byte in OTHER[1:] if len(OTHER) > 1 else OTHER:
    OTHER_NUMBER = OTHER_NUMBER * 256 + byte


def with_other_magic(obj):
    data = pickle.dumps(obj)
    assert data.count(MAGIC) >= 2
    return data.replace(MAGIC, OTHER)


def load_recording(data):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = pickle.loads(data)
    for w in caught:
        # the number is the other magic: print it as N
        text = str(w.message).replace(str(OTHER_NUMBER), "N")
        print(" ", w.category.__name__ + ":", text)
    return value


def make_adder(n):
    def add(x):
        return x + n
    return add


print("a good pickle loads silently")
good = load_recording(pickle.dumps(make_adder(1)))
print(good(41))

print("a function with code of another magic")
bad = load_recording(with_other_magic(make_adder(2)))
try:
    bad(1)
except SystemError:
    print("calling it: SystemError")

print("pickled again: the code stays invalid, with no new magic warning")
again = load_recording(pickle.dumps(bad))
try:
    again(1)
except SystemError:
    print("calling it: SystemError")


def countdown(n):
    while n:
        yield n
        n -= 1


print("a generator whose frame runs code of another magic")
g = countdown(3)
next(g)
bad_gen = load_recording(with_other_magic(g))
try:
    next(bad_gen)
except RuntimeError:
    print("resuming it: RuntimeError")
print("the original is unharmed", list(g))


def worker(out):
    for i in range(3):
        out.append(i)
        stackless.schedule()


print("a tasklet whose frame runs code of another magic")
out = []
t = stackless.tasklet(worker)(out)
stackless.schedule()
t.remove()
t2, out2 = load_recording(with_other_magic((t, out)))
print("loaded", t2.alive, out2)
t2.insert()
try:
    stackless.run()
except RuntimeError:
    print("running it: RuntimeError")
t.kill()
