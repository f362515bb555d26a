# What cannot be pickled or loaded fails with the pickle module's errors.
import pickle
import io
from helper_pk import roundtrip


class NoPickle:
    def __reduce__(self):
        raise pickle.PicklingError("NoPickle objects stay home")


try:
    pickle.dumps([1, NoPickle()])
except pickle.PicklingError as e:
    print("PicklingError", e)


class BadReduce:
    def __reduce__(self):
        return 42


try:
    pickle.dumps(BadReduce())
except pickle.PicklingError as e:
    print("PicklingError", e)


class ShortReduce:
    def __reduce__(self):
        return (ShortReduce,)


try:
    pickle.dumps(ShortReduce())
except pickle.PicklingError as e:
    print("PicklingError", e)


class NotTupleArgs:
    def __reduce__(self):
        return (NotTupleArgs, [1, 2])


try:
    pickle.dumps(NotTupleArgs())
except pickle.PicklingError as e:
    print("PicklingError", e)

print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))

good = pickle.dumps({"a": [1, 2, 3], "b": "text"})

for label, data in [("empty", b""), ("garbage", b"\x00\x01not a pickle"),
                    ("truncated", good[: len(good) // 2]),
                    ("one byte short", good[:-1])]:
    try:
        pickle.loads(data)
        print(label, "loaded?")
    except pickle.UnpicklingError:
        print(label, "UnpicklingError")
    except EOFError:
        print(label, "UnpicklingError")

try:
    pickle.loads("not bytes")
except TypeError:
    print("str input TypeError")

try:
    pickle.load(io.BytesIO(b""))
except (pickle.UnpicklingError, EOFError):
    print("empty file UnpicklingError")

# errors leave nothing half done: the next pickling works
print(pickle.loads(good))
print(roundtrip([1, (2, 3)]))


class Exploding:
    def __getstate__(self):
        raise ValueError("state failed")


try:
    pickle.dumps(Exploding())
except ValueError as e:
    print("ValueError from __getstate__:", e)


class ExplodingSetstate:
    def __setstate__(self, state):
        raise KeyError("setstate failed")


blob = pickle.dumps(ExplodingSetstate())
try:
    pickle.loads(blob)
except KeyError as e:
    print("KeyError from __setstate__:", e)
print("still fine", pickle.loads(pickle.dumps((None, True))))


class SetstateFails:
    def __init__(self):
        self.x = 1

    def __setstate__(self, state):
        raise KeyError("setstate failed")


try:
    pickle.loads(pickle.dumps(SetstateFails()))
except KeyError as e:
    print("KeyError from __setstate__:", e)
print("and after that", pickle.loads(pickle.dumps([SetstateFails.__name__])))
