# The six cases of the seed's ag_finalizer table (pickling.rst,
# "Asynchronous Generators"): how PICKLEFLAGS_PRESERVE_AG_FINALIZER and
# PICKLEFLAGS_RESET_AG_FINALIZER decide, when pickling and when loading,
# which finalizer a loaded async generator has, seen by which finalizer
# (if any) is called when it is collected unfinished. The expected output
# is written by hand from that table: CPython cannot pickle async
# generators, and the Stackless build has no copy of this script.
import gc
import pickle
import sys

import stackless

PRESERVE = stackless.PICKLEFLAGS_PRESERVE_AG_FINALIZER
RESET = stackless.PICKLEFLAGS_RESET_AG_FINALIZER
NAMES = {0: "default", PRESERVE: "PRESERVE", RESET: "RESET"}
log = []


def finalizer_then(ag):
    log.append("finalizer set before pickling")


def finalizer_now(ag):
    log.append("finalizer set when loading")


def firstiter_now(ag):
    log.append("firstiter when loading")


async def agen():
    yield 1
    yield 2


def started():
    """An async generator after one item, initialised with finalizer_then."""
    sys.set_asyncgen_hooks(firstiter=None, finalizer=finalizer_then)
    ag = agen()
    try:
        ag.__anext__().send(None)
    except StopIteration as e:
        assert e.value == 1
    sys.set_asyncgen_hooks(None, None)
    return ag


for dump_flags in (0, PRESERVE, RESET):
    for load_flags in (0, PRESERVE, RESET):
        ag = started()
        stackless.pickle_flags(dump_flags)
        data = pickle.dumps(ag)
        del ag
        gc.collect()
        original = log[:]
        log.clear()
        sys.set_asyncgen_hooks(firstiter=firstiter_now, finalizer=finalizer_now)
        stackless.pickle_flags(load_flags)
        loaded = pickle.loads(data)
        sys.set_asyncgen_hooks(None, None)
        stackless.pickle_flags(0)
        try:
            loaded.__anext__().send(None)
        except StopIteration as e:
            print(f"dumped {NAMES[dump_flags]}, loaded {NAMES[load_flags]}: next item {e.value}")
        del loaded
        gc.collect()
        print("  original:", original)
        print("  loaded:  ", log)
        log.clear()
