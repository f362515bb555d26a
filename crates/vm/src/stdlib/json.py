"""JSON encoding and decoding (brine's `json`)."""


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        super().__init__(f"{msg}: line {lineno} column {colno} (char {pos})")
        self.msg = msg
        self.pos = pos


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _encode_str(s, ensure_ascii):
    out = []
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7E):
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _encode_float(f):
    if f != f:
        return "NaN"
    if f == float("inf"):
        return "Infinity"
    if f == -float("inf"):
        return "-Infinity"
    return repr(f)


def dumps(obj, *, indent=None, separators=None, sort_keys=False, default=None, ensure_ascii=True):
    if separators is None:
        separators = (", ", ": ") if indent is None else (",", ": ")
    item_sep, key_sep = separators
    if isinstance(indent, int):
        indent = " " * indent

    def enc(o, level):
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, str):
            return _encode_str(o, ensure_ascii)
        if isinstance(o, int):
            return str(int(o))
        if isinstance(o, float):
            return _encode_float(o)
        if isinstance(o, (list, tuple)):
            if not o:
                return "[]"
            if indent is None:
                return "[" + item_sep.join(enc(v, level) for v in o) + "]"
            pad = "\n" + indent * (level + 1)
            return "[" + pad + (item_sep + pad).join(enc(v, level + 1) for v in o) + "\n" + indent * level + "]"
        if isinstance(o, dict):
            if not o:
                return "{}"
            items = sorted(o.items()) if sort_keys else list(o.items())
            parts = []
            for k, v in items:
                if isinstance(k, str):
                    ks = k
                elif k is True:
                    ks = "true"
                elif k is False:
                    ks = "false"
                elif k is None:
                    ks = "null"
                elif isinstance(k, (int, float)):
                    ks = _encode_float(k) if isinstance(k, float) else str(k)
                else:
                    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")
                parts.append(_encode_str(ks, ensure_ascii) + key_sep + enc(v, level + 1 if indent is not None else level))
            if indent is None:
                return "{" + item_sep.join(parts) + "}"
            pad = "\n" + indent * (level + 1)
            return "{" + pad + (item_sep + pad).join(parts) + "\n" + indent * level + "}"
        if default is not None:
            return enc(default(o), level)
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

    return enc(obj, 0)


class _Parser:
    def __init__(self, s, object_hook=None, object_pairs_hook=None, parse_float=None, parse_int=None):
        self.s = s
        self.i = 0
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int

    def made(self, pairs):
        # A JSON object, through the hooks when given.
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        out = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(out)
        return out

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t\n\r":
            self.i += 1

    def fail(self, msg):
        raise JSONDecodeError(msg, self.s, self.i)

    def value(self):
        self.ws()
        if self.i >= len(self.s):
            self.fail("Expecting value")
        c = self.s[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None), ("NaN", float("nan")), ("Infinity", float("inf")), ("-Infinity", -float("inf"))):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        return self.number()

    def number(self):
        start = self.i
        s = self.s
        if self.i < len(s) and s[self.i] == "-":
            self.i += 1
        while self.i < len(s) and s[self.i].isdigit():
            self.i += 1
        is_float = False
        if self.i < len(s) and s[self.i] == ".":
            is_float = True
            self.i += 1
            while self.i < len(s) and s[self.i].isdigit():
                self.i += 1
        if self.i < len(s) and s[self.i] in "eE":
            is_float = True
            self.i += 1
            if self.i < len(s) and s[self.i] in "+-":
                self.i += 1
            while self.i < len(s) and s[self.i].isdigit():
                self.i += 1
        text = s[start:self.i]
        if not text or text == "-":
            self.i = start
            self.fail("Expecting value")
        return self.parse_float(text) if is_float else self.parse_int(text)

    def string(self):
        self.i += 1
        out = []
        s = self.s
        while True:
            if self.i >= len(s):
                self.fail("Unterminated string starting at")
            c = s[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\":
                self.i += 1
                e = s[self.i]
                if e == "u":
                    code = int(s[self.i + 1:self.i + 5], 16)
                    self.i += 5
                    if 0xD800 <= code < 0xDC00 and s.startswith("\\u", self.i):
                        low = int(s[self.i + 2:self.i + 6], 16)
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        self.i += 6
                    out.append(chr(code))
                    continue
                out.append({"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"'}[e])
                self.i += 1
            else:
                out.append(c)
                self.i += 1

    def arr(self):
        self.i += 1
        out = []
        self.ws()
        if self.s[self.i:self.i + 1] == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            c = self.s[self.i:self.i + 1]
            self.i += 1
            if c == "]":
                return out
            if c != ",":
                self.i -= 1
                self.fail("Expecting ',' delimiter")

    def obj(self):
        self.i += 1
        pairs = []
        self.ws()
        if self.s[self.i:self.i + 1] == "}":
            self.i += 1
            return self.made(pairs)
        while True:
            self.ws()
            if self.s[self.i:self.i + 1] != '"':
                self.fail("Expecting property name enclosed in double quotes")
            key = self.string()
            self.ws()
            if self.s[self.i:self.i + 1] != ":":
                self.fail("Expecting ':' delimiter")
            self.i += 1
            pairs.append((key, self.value()))
            self.ws()
            c = self.s[self.i:self.i + 1]
            self.i += 1
            if c == "}":
                return self.made(pairs)
            if c != ",":
                self.i -= 1
                self.fail("Expecting ',' delimiter")


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, bytes):
        s = s.decode("utf-8")
    p = _Parser(s, object_hook, object_pairs_hook, parse_float, parse_int)
    v = p.value()
    p.ws()
    if p.i != len(s):
        p.fail("Extra data")
    return v


def load(fp, **kw):
    return loads(fp.read(), **kw)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))
