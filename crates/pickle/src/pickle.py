"""pickle: brine's pickler, for running tasklets and everything they hold.

The pickling itself is native; the Python calls a reduction needs
(__reduce_ex__, copyreg reducers, persistent_id, __setstate__) are made
here, in the calling tasklet.
"""

import copyreg

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


def _dump(obj, dispatch_table, persistent_id):
    table = copyreg.dispatch_table if dispatch_table is None else dispatch_table
    session = _dump_start(obj, list(table.items()), persistent_id)
    try:
        while True:
            step = _dump_step(session)
            if step[0] == "done":
                return step[1]
            _dump_answer(session, step[1](*step[2]))
    finally:
        _session_end(session)


def _load(data, persistent_load):
    session = _load_start(data, persistent_load)
    try:
        while True:
            step = _load_step(session)
            if step[0] == "done":
                for message in step[2]:
                    _warn(message)
                return step[1]
            if step[0] == "import":
                __import__(step[1])
                continue
            _load_answer(session, step[1](*step[2]))
    finally:
        _session_end(session)


def _warn(message):
    import warnings
    warnings.warn(message, RuntimeWarning, stacklevel=4)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    return _dump(obj, None, None)


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return _load(data, None)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    file.write(dumps(obj))


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return loads(file.read())


class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        self._file = file
        self.protocol = DEFAULT_PROTOCOL if protocol is None else protocol

    def dump(self, obj):
        table = getattr(self, "dispatch_table", None)
        pid = getattr(self, "persistent_id", None)
        self._file.write(_dump(obj, table, pid))

    def clear_memo(self):
        pass


class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        self._file = file

    def load(self):
        return _load(self._file.read(), getattr(self, "persistent_load", None))
