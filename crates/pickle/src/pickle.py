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


def _protocol(protocol):
    # As CPython: None is the default, a negative protocol the highest.
    if protocol is None:
        return DEFAULT_PROTOCOL
    if not isinstance(protocol, int):
        index = getattr(type(protocol), "__index__", None)
        if index is None:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(protocol).__name__)
        protocol = index(protocol)
    if protocol < 0:
        return HIGHEST_PROTOCOL
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    return int(protocol)


def _dump(obj, dispatch_table, persistent_id, protocol):
    table = copyreg.dispatch_table if dispatch_table is None else dispatch_table
    session = _dump_start(obj, list(table.items()), persistent_id, protocol)
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


def _read_pickle(read):
    # Read exactly one pickle with read(n), never past its end, so the
    # file is left where the next pickle starts. _scan says how many of
    # the bytes not yet whole values now are, how many values are still to
    # come and the fewest bytes they take.
    parts = []
    tail = b""
    pending = 1
    need = 1
    while pending:
        chunk = read(need)
        if not chunk:
            break
        tail += chunk
        used, pending, need = _scan(tail, pending)
        if used:
            parts.append(tail[:used])
            tail = tail[used:]
    parts.append(tail)
    data = b"".join(parts)
    if not data:
        raise EOFError("Ran out of input")
    return data


def _warn(message):
    import warnings
    warnings.warn(message, RuntimeWarning, stacklevel=4)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    return _dump(obj, None, None, _protocol(protocol))


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return _load(data, None)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol).dump(obj)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return Unpickler(file).load()


class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        self._protocol = _protocol(protocol)
        try:
            self._write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None

    def dump(self, obj):
        table = getattr(self, "dispatch_table", None)
        pid = getattr(self, "persistent_id", None)
        self._write(_dump(obj, table, pid, self._protocol))

    def clear_memo(self):
        pass


class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        try:
            self._read = file.read
            file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' attributes") from None

    def load(self):
        data = _read_pickle(self._read)
        return _load(data, getattr(self, "persistent_load", None))
