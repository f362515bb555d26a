"""Pickle round trips for the pk_* scripts.

Under brine, roundtrip(x) really pickles x and loads it back. Under CPython
3.11 (or the Stackless 3.7 research build, whose pickle module cannot be
imported), objects the reference cannot pickle (generators, frames,
tasklets, lambdas, nested functions, local classes) come back as they are,
so the reference run prints what a faithful round trip must print.
"""

try:
    import pickle
    pickle.dumps(0)
except Exception:
    pickle = None

try:
    import stackless
    BRINE = pickle is not None and hasattr(stackless, "PICKLEFLAGS_PICKLE_CONTEXT")
except ImportError:
    BRINE = False


def roundtrip(x):
    if BRINE:
        return pickle.loads(pickle.dumps(x))
    if pickle is None:
        return x
    try:
        data = pickle.dumps(x)
    except Exception:
        return x
    return pickle.loads(data)


def dumps(x):
    """The pickle of x under brine; x itself where the reference cannot pickle it."""
    if BRINE:
        return pickle.dumps(x)
    if pickle is None:
        return x
    try:
        return pickle.dumps(x)
    except Exception:
        return x


def loads(data):
    """Undo dumps()."""
    if isinstance(data, bytes):
        return pickle.loads(data)
    return data
