"""Regular expressions (brine's `re`): a backtracking matcher in Python for
the common syntax — literals, `.`, classes `[...]`, `\\d \\w \\s` and their
negations, anchors `^ $ \\b \\A \\Z`, groups (capturing, `(?:...)`, named
`(?P<name>...)`), alternation, and greedy or lazy `* + ? {m,n}`."""

import sys as _sys

IGNORECASE = I = 2
MULTILINE = M = 8
DOTALL = S = 16
VERBOSE = X = 64


class error(Exception):
    pass


_DIGIT = "0123456789"
_SPACE = " \t\n\r\f\v"


def _is_word(c):
    return c.isalnum() or c == "_"


class _Parser:
    def __init__(self, pattern, flags):
        self.p = pattern
        self.i = 0
        self.flags = flags
        self.ngroups = 0
        self.names = {}

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def take(self):
        c = self.p[self.i]
        self.i += 1
        return c

    def parse(self):
        node = self.alt()
        if self.i < len(self.p):
            raise error("unbalanced parenthesis at position %d" % self.i)
        return node

    def alt(self):
        branches = [self.seq()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.seq())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def seq(self):
        items = []
        while self.i < len(self.p) and self.peek() not in "|)":
            atom = self.atom()
            if atom is None:
                continue
            items.append(self.quant(atom))
        return ("seq", items)

    def quant(self, atom):
        c = self.peek()
        lo = hi = None
        if c == "*":
            lo, hi = 0, None
        elif c == "+":
            lo, hi = 1, None
        elif c == "?":
            lo, hi = 0, 1
        elif c == "{":
            j = self.p.find("}", self.i)
            body = self.p[self.i + 1:j] if j > 0 else ""
            parts = body.split(",")
            if j < 0 or not all(x.strip().isdigit() or x.strip() == "" for x in parts) or len(parts) > 2 or body == "":
                return atom
            self.i = j
            lo = int(parts[0]) if parts[0].strip() else 0
            hi = lo if len(parts) == 1 else (int(parts[1]) if parts[1].strip() else None)
        else:
            return atom
        self.i += 1
        lazy = False
        if self.peek() == "?":
            lazy = True
            self.i += 1
        return ("rep", atom, lo, hi, lazy)

    def atom(self):
        c = self.take()
        if self.flags & VERBOSE:
            if c in " \t\n\r":
                return None
            if c == "#":
                while self.i < len(self.p) and self.p[self.i] != "\n":
                    self.i += 1
                return None
        if c == ".":
            return ("any",)
        if c == "^":
            return ("bol",)
        if c == "$":
            return ("eol",)
        if c == "(":
            return self.group()
        if c == "[":
            return self.cls()
        if c == "\\":
            return self.escape(False)
        if c in "*+?":
            raise error("nothing to repeat at position %d" % (self.i - 1))
        return ("lit", c)

    def group(self):
        name = None
        capture = True
        if self.p.startswith("?:", self.i):
            self.i += 2
            capture = False
        elif self.p.startswith("?P<", self.i):
            j = self.p.index(">", self.i)
            name = self.p[self.i + 3:j]
            self.i = j + 1
        elif self.p.startswith("?=", self.i) or self.p.startswith("?!", self.i):
            neg = self.p[self.i + 1] == "!"
            self.i += 2
            inner = self.alt()
            if self.peek() != ")":
                raise error("missing ), unterminated subpattern")
            self.i += 1
            return ("look", inner, neg)
        index = None
        if capture:
            self.ngroups += 1
            index = self.ngroups
            if name is not None:
                self.names[name] = index
        inner = self.alt()
        if self.peek() != ")":
            raise error("missing ), unterminated subpattern")
        self.i += 1
        return ("group", inner, index)

    def escape(self, in_class):
        c = self.take()
        if c == "d":
            return ("set", [("cat", "d")], False)
        if c == "D":
            return ("set", [("cat", "d")], True)
        if c == "w":
            return ("set", [("cat", "w")], False)
        if c == "W":
            return ("set", [("cat", "w")], True)
        if c == "s":
            return ("set", [("cat", "s")], False)
        if c == "S":
            return ("set", [("cat", "s")], True)
        if not in_class:
            if c == "b":
                return ("wordb", False)
            if c == "B":
                return ("wordb", True)
            if c == "A":
                return ("bos",)
            if c == "Z":
                return ("eos",)
            if c.isdigit():
                return ("backref", int(c))
        table = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "0": "\0"}
        return ("lit", table.get(c, c))

    def cls(self):
        negate = False
        if self.peek() == "^":
            negate = True
            self.i += 1
        items = []
        first = True
        while True:
            if self.i >= len(self.p):
                raise error("unterminated character set")
            c = self.take()
            if c == "]" and not first:
                break
            first = False
            if c == "\\":
                e = self.escape(True)
                if e[0] == "set":
                    items.append(("negcat" if e[2] else "cat", e[1][0][1]))
                    continue
                c = e[1]
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                self.i += 1
                hi = self.take()
                if hi == "\\":
                    hi = self.escape(True)[1]
                items.append(("range", c, hi))
            else:
                items.append(("char", c))
        return ("set", items, negate)


def _in_cat(cat, c):
    if cat == "d":
        return c in _DIGIT
    if cat == "w":
        return _is_word(c)
    return c in _SPACE


def _set_match(items, negate, c, icase):
    hit = False
    for it in items:
        kind = it[0]
        if kind == "char":
            hit = it[1] == c or (icase and it[1].lower() == c.lower())
        elif kind == "range":
            hit = it[1] <= c <= it[2] or (icase and (it[1] <= c.lower() <= it[2] or it[1] <= c.upper() <= it[2]))
        elif kind == "cat":
            hit = _in_cat(it[1], c)
        elif kind == "negcat":
            hit = not _in_cat(it[1], c)
        if hit:
            break
    return hit != negate


class _Matcher:
    def __init__(self, text, flags):
        self.t = text
        self.flags = flags
        self.icase = bool(flags & IGNORECASE)

    def m(self, node, i, groups, k):
        """Match `node` at `i`, then call the continuation `k(i, groups)`."""
        kind = node[0]
        t = self.t
        if kind == "seq":
            return self.seq(node[1], 0, i, groups, k)
        if kind == "lit":
            if i < len(t) and (t[i] == node[1] or (self.icase and t[i].lower() == node[1].lower())):
                return k(i + 1, groups)
            return None
        if kind == "any":
            if i < len(t) and (t[i] != "\n" or self.flags & DOTALL):
                return k(i + 1, groups)
            return None
        if kind == "set":
            if i < len(t) and _set_match(node[1], node[2], t[i], self.icase):
                return k(i + 1, groups)
            return None
        if kind == "alt":
            for b in node[1]:
                r = self.m(b, i, groups, k)
                if r is not None:
                    return r
            return None
        if kind == "group":
            idx = node[2]
            if idx is None:
                return self.m(node[1], i, groups, k)

            def close(j, g, start=i, idx=idx):
                g2 = dict(g)
                g2[idx] = (start, j)
                return k(j, g2)

            return self.m(node[1], i, groups, close)
        if kind == "rep":
            return self.rep(node, i, groups, k, 0)
        if kind == "bol":
            if i == 0 or (self.flags & MULTILINE and t[i - 1] == "\n"):
                return k(i, groups)
            return None
        if kind == "eol":
            if i == len(t) or (i == len(t) - 1 and t[i] == "\n") or (self.flags & MULTILINE and t[i] == "\n"):
                return k(i, groups)
            return None
        if kind == "bos":
            return k(i, groups) if i == 0 else None
        if kind == "eos":
            return k(i, groups) if i == len(t) else None
        if kind == "wordb":
            a = i > 0 and _is_word(t[i - 1])
            b = i < len(t) and _is_word(t[i])
            if (a != b) != node[1]:
                return k(i, groups)
            return None
        if kind == "backref":
            span = groups.get(node[1])
            if span is None:
                return None
            s = t[span[0]:span[1]]
            if t.startswith(s, i):
                return k(i + len(s), groups)
            return None
        if kind == "look":
            found = self.m(node[1], i, groups, lambda j, g: (j, g)) is not None
            if found != node[2]:
                return k(i, groups)
            return None
        raise error("bad node " + kind)

    def seq(self, items, n, i, groups, k):
        if n == len(items):
            return k(i, groups)
        return self.m(items[n], i, groups, lambda j, g: self.seq(items, n + 1, j, g, k))

    def rep(self, node, i, groups, k, count):
        _, atom, lo, hi, lazy = node

        def more():
            if hi is not None and count >= hi:
                return None
            return self.m(atom, i, groups, lambda j, g: None if j == i and count >= lo else self.rep(node, j, g, k, count + 1))

        if count < lo:
            return more()
        if lazy:
            r = k(i, groups)
            return r if r is not None else more()
        r = more()
        return r if r is not None else k(i, groups)


class Match:
    def __init__(self, pattern, string, start, end, groups, pos=0):
        self.re = pattern
        self.string = string
        self._start = start
        self._end = end
        self._groups = groups
        self.pos = pos
        self.lastindex = max(groups) if groups else None

    def _span(self, g):
        if isinstance(g, str):
            g = self.re.groupindex[g]
        if g == 0:
            return (self._start, self._end)
        if g > self.re.groups:
            raise IndexError("no such group")
        return self._groups.get(g, (-1, -1))

    def group(self, *gs):
        if not gs:
            gs = (0,)
        out = []
        for g in gs:
            s, e = self._span(g)
            out.append(None if s < 0 else self.string[s:e])
        return out[0] if len(out) == 1 else tuple(out)

    def __getitem__(self, g):
        return self.group(g)

    def groups(self, default=None):
        return tuple(self.group(i) if self._span(i)[0] >= 0 else default for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {n: (self.group(i) if self._span(i)[0] >= 0 else default) for n, i in self.re.groupindex.items()}

    def start(self, g=0):
        return self._span(g)[0]

    def end(self, g=0):
        return self._span(g)[1]

    def span(self, g=0):
        return self._span(g)

    def expand(self, template):
        return _expand(template, self)

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (self._start, self._end, self.group(0))


def _expand(template, m):
    if callable(template):
        return template(m)
    out = []
    i = 0
    while i < len(template):
        c = template[i]
        if c == "\\" and i + 1 < len(template):
            n = template[i + 1]
            if n.isdigit():
                out.append(m.group(int(n)) or "")
                i += 2
                continue
            if n == "g" and template.startswith("<", i + 2):
                j = template.index(">", i)
                ref = template[i + 3:j]
                out.append(m.group(int(ref) if ref.isdigit() else ref) or "")
                i = j + 1
                continue
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(n, "\\" + n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


class Pattern:
    def __init__(self, pattern, flags=0):
        self.pattern = pattern
        self.flags = flags
        parser = _Parser(pattern, flags)
        self._node = parser.parse()
        self.groups = parser.ngroups
        self.groupindex = dict(parser.names)

    def _run(self, string, i, done):
        # The matcher recurses once per character matched; brine's frames live
        # on the heap, so the limit is raised for long subjects.
        old = _sys.getrecursionlimit()
        need = 8 * (len(string) - i) + 2000
        if need > old:
            _sys.setrecursionlimit(need)
        try:
            return _Matcher(string, self.flags).m(self._node, i, {}, done)
        finally:
            _sys.setrecursionlimit(old)

    def _at(self, string, i):
        r = self._run(string, i, lambda j, g: (j, g))
        if r is None:
            return None
        return Match(self, string, i, r[0], r[1])

    def match(self, string, pos=0):
        return self._at(string, pos)

    def fullmatch(self, string, pos=0):
        r = self._run(string, pos, lambda j, g: (j, g) if j == len(string) else None)
        if r is None:
            return None
        return Match(self, string, pos, r[0], r[1])

    def search(self, string, pos=0):
        for i in range(pos, len(string) + 1):
            m = self._at(string, i)
            if m is not None:
                return m
        return None

    def finditer(self, string, pos=0):
        i = pos
        while i <= len(string):
            m = self.search(string, i)
            if m is None:
                return
            yield m
            i = m.end() + 1 if m.end() == m.start() else m.end()

    def findall(self, string, pos=0):
        out = []
        for m in self.finditer(string, pos):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                out.append(m.group(1) or "")
            else:
                out.append(tuple(g or "" for g in m.groups()))
        return out

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            out.append(string[last:m.start()])
            out.append(_expand(repl, m))
            last = m.end()
            n += 1
        out.append(string[last:])
        return "".join(out), n

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            if m.end() == m.start() and m.start() in (0, len(string)):
                continue
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
            n += 1
        out.append(string[last:])
        return out

    def __repr__(self):
        return "re.compile(%r)" % self.pattern


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        return pattern
    key = (pattern, flags)
    if key not in _cache:
        _cache[key] = Pattern(pattern, flags)
    return _cache[key]


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def escape(pattern):
    return "".join("\\" + c if not (c.isalnum() or c == "_") else c for c in pattern)
