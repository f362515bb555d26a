"""io: in-memory text and bytes streams (brine's own)."""


class _Buffer:
    def __init__(self, initial):
        self._value = initial
        self._pos = 0
        self.closed = False

    def getvalue(self):
        return self._value

    def write(self, data):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(data, type(self._empty)):
            raise TypeError("%s argument expected, got '%s'"
                            % (self._kind, type(data).__name__))
        end = self._pos + len(data)
        self._value = self._value[:self._pos] + data + self._value[end:]
        self._pos = end
        return len(data)

    def read(self, size=-1):
        if size is None or size < 0:
            data = self._value[self._pos:]
        else:
            data = self._value[self._pos:self._pos + size]
        self._pos += len(data)
        return data

    def readline(self):
        nl = self._nl
        i = self._value.find(nl, self._pos)
        end = len(self._value) if i < 0 else i + 1
        data = self._value[self._pos:end]
        self._pos = end
        return data

    def seek(self, pos, whence=0):
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += len(self._value)
        self._pos = max(0, pos)
        return self._pos

    def tell(self):
        return self._pos

    def truncate(self, size=None):
        size = self._pos if size is None else size
        self._value = self._value[:size]
        return size

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class BytesIO(_Buffer):
    _empty = b""
    _nl = b"\n"
    _kind = "a bytes-like object is required, not"

    def __init__(self, initial_bytes=b""):
        _Buffer.__init__(self, bytes(initial_bytes))


class StringIO(_Buffer):
    _empty = ""
    _nl = "\n"
    _kind = "string"

    def __init__(self, initial_value="", newline="\n"):
        _Buffer.__init__(self, initial_value or "")

    def write(self, data):
        if not isinstance(data, str):
            raise TypeError("string argument expected, got '%s'" % type(data).__name__)
        return _Buffer.write(self, data)
