"""Container types (brine's `collections`), written in Python."""


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = "None" if self.default_factory is None else repr(self.default_factory)
        return "defaultdict(" + factory + ", " + dict.__repr__(self) + ")"

    def copy(self):
        return defaultdict(self.default_factory, self)


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] + count
            else:
                for elem in iterable:
                    self[elem] = self[elem] + 1
        for elem, count in kwds.items():
            self[elem] = self[elem] + count

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self[elem] - count
            else:
                for elem in iterable:
                    self[elem] = self[elem] - 1
        for elem, count in kwds.items():
            self[elem] = self[elem] - count

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    def total(self):
        return sum(self.values())

    def __add__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        return result

    def __or__(self, other):
        result = Counter()
        for elem in list(self) + [e for e in other if e not in self]:
            c = max(self[elem], other[elem])
            if c > 0:
                result[elem] = c
        return result

    def __and__(self, other):
        result = Counter()
        for elem, count in self.items():
            c = min(count, other[elem])
            if c > 0:
                result[elem] = c
        return result

    def __repr__(self):
        if not self:
            return "Counter()"
        items = ", ".join(repr(k) + ": " + repr(v) for k, v in self.most_common())
        return "Counter({" + items + "})"

    def copy(self):
        return Counter(self)


class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            for k, v in rest:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self.items())) + ")"


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def count(self, x):
        return self._items.count(x)

    def remove(self, x):
        self._items.remove(x)

    def reverse(self):
        self._items.reverse()

    def copy(self):
        return deque(self._items, self.maxlen)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return iter(self._items[::-1])

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items

    def __bool__(self):
        return bool(self._items)

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return "deque(" + repr(self._items) + ")"
        return "deque(" + repr(self._items) + ", maxlen=" + repr(self.maxlen) + ")"


def namedtuple(typename, field_names, *, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    n = len(fields)
    defaults = tuple(defaults) if defaults is not None else ()

    def __new__(cls, *args, **kwargs):
        values = list(args)
        if len(values) > n:
            raise TypeError(f"{typename}() takes {n} positional arguments but {len(values)} were given")
        for name in fields[len(values):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            else:
                k = fields.index(name) - (n - len(defaults))
                if k < 0:
                    raise TypeError(f"{typename}() missing required argument: '{name}'")
                values.append(defaults[k])
        if kwargs:
            raise TypeError(f"{typename}() got an unexpected keyword argument '{next(iter(kwargs))}'")
        return tuple.__new__(cls, values)

    def __repr__(self):
        return typename + "(" + ", ".join(f + "=" + repr(v) for f, v in zip(fields, self)) + ")"

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    def _replace(self, **kwargs):
        return type(self)(*[kwargs.get(f, v) for f, v in zip(fields, self)])

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    ns = {
        "__new__": __new__,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "_replace": _replace,
        "_make": _make,
        "_fields": fields,
        "__slots__": (),
    }
    for i, name in enumerate(fields):
        ns[name] = property(lambda self, i=i: self[i])
    cls = type(typename, (tuple,), ns)
    return cls


class UserDict(dict):
    """A dict to subclass, its items also in `data`."""

    def __init__(self, data=None, /, **kwargs):
        super().__init__()
        if data is not None:
            self.update(data)
        if kwargs:
            self.update(kwargs)

    @property
    def data(self):
        return self


class UserList(list):
    """A list to subclass, its items also in `data`."""

    def __init__(self, initlist=None):
        super().__init__()
        if initlist is not None:
            self.extend(initlist)

    @property
    def data(self):
        return self
