# brine's prelude: the parts of built-in functions that call user code.
#
# Each function here runs as ordinary VM frames, so a tasklet stopped inside
# one of them pickles like any other Python code. Built-ins take their fast
# native path when no user code is involved and hand over to these otherwise.


def _to_list(it):
    out = []
    for x in it:
        out.append(x)
    return out


def _build(cls, it):
    return cls(_to_list(it))


def _list_init(lst, it):
    lst.clear()
    for x in it:
        lst.append(x)


def _list_extend(lst, it):
    for x in _to_list(it):
        lst.append(x)


def _dict_update(d, src, kw):
    if hasattr(src, "keys"):
        for k in src.keys():
            d[k] = src[k]
    else:
        i = 0
        for pair in src:
            items = _to_list(pair)
            if len(items) != 2:
                raise ValueError(
                    "dictionary update sequence element #%d has length %d; 2 is required"
                    % (i, len(items))
                )
            d[items[0]] = items[1]
            i += 1
    for k in kw:
        d[k] = kw[k]
    return d


def _dict_update_method(d, src, kw):
    _dict_update(d, src, kw)
    return None


def _str(x):
    return str(x)


def _repr(x):
    if isinstance(x, BaseException):
        a = x.args
        if len(a) == 1:
            return type(x).__name__ + "(" + repr(a[0]) + ")"
        return type(x).__name__ + repr(a)
    if isinstance(x, list):
        return "[" + ", ".join([repr(v) for v in x]) + "]"
    if isinstance(x, tuple):
        if len(x) == 1:
            return "(" + repr(x[0]) + ",)"
        return "(" + ", ".join([repr(v) for v in x]) + ")"
    if isinstance(x, dict):
        return "{" + ", ".join([repr(k) + ": " + repr(v) for k, v in dict.items(x)]) + "}"
    if isinstance(x, set):
        if not x:
            return "set()"
        return "{" + ", ".join([repr(v) for v in x]) + "}"
    if isinstance(x, frozenset):
        if not x:
            return "frozenset()"
        return "frozenset({" + ", ".join([repr(v) for v in x]) + "})"
    return repr(x)


def _print(args, sep, end, file):
    if file is None:
        _write(1, sep.join([str(a) for a in args]) + end)
        return None
    first = True
    for a in args:
        if not first:
            file.write(sep)
        file.write(str(a))
        first = False
    file.write(end)
    return None


class _StdStream:
    def __init__(self, fd, name):
        self.fd = fd
        self.name = name

    def write(self, s):
        if type(s) is not str:
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        _write(self.fd, s)
        return len(s)

    def flush(self):
        return None

    def __repr__(self):
        return "<_io.TextIOWrapper name='" + self.name + "' mode='w' encoding='utf-8'>"


stdout = _StdStream(1, "<stdout>")
stderr = _StdStream(2, "<stderr>")


def _format_value(v, conv, spec):
    if conv == 1:
        v = str(v)
    elif conv == 2:
        v = repr(v)
    elif conv == 3:
        v = ascii(v)
    if _is_native(v):
        return _format_native(v, spec)
    fmt = getattr(type(v), "__format__", None)
    if fmt is not None and fmt is not object.__format__:
        return fmt(v, spec)
    if spec:
        raise TypeError("unsupported format string passed to " + type(v).__name__ + ".__format__")
    return str(v)


def _percent_number(v, conv, how):
    if type(v) in (int, float, bool):
        return v
    method = getattr(type(v), how, None)
    if method is not None:
        return method(v)
    if how == "__float__":
        raise TypeError("must be real number, not " + type(v).__name__)
    kind = "a real number" if how == "__int__" else "an integer"
    raise TypeError("%" + conv + " format: " + kind + " is required, not " + type(v).__name__)


def _percent_count(fmt, i, args, n):
    # A width or precision at fmt[i]: its digits, or a `*` that takes
    # the next argument; with where the format and the arguments go on.
    if i < len(fmt) and fmt[i] == "*":
        if n >= len(args):
            raise TypeError("not enough arguments for format string")
        if type(args[n]) is not int:
            raise TypeError("* wants int")
        return str(args[n]), i + 1, n + 1
    j = i
    while j < len(fmt) and fmt[j] in "0123456789":
        j += 1
    return fmt[i:j], j, n


def _percent(fmt, args):
    # `fmt % args` where an argument's text or number needs user code:
    # each argument becomes a built-in value here, and the native
    # formatting runs on a rewritten format whose keys number them.
    positional = args if isinstance(args, tuple) else (args,)
    out = []
    values = {}
    keyed = False
    n = 0
    i = 0
    while i < len(fmt):
        j = fmt.find("%", i)
        if j < 0:
            out.append(fmt[i:])
            break
        out.append(fmt[i:j])
        i = j + 1
        key = None
        if i < len(fmt) and fmt[i] == "(":
            depth = 1
            j = i + 1
            while j < len(fmt) and depth:
                if fmt[j] == "(":
                    depth += 1
                elif fmt[j] == ")":
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("incomplete format key")
            key = fmt[i + 1 : j - 1]
            i = j
        j = i
        while j < len(fmt) and fmt[j] in "-+ 0#":
            j += 1
        flags = fmt[i:j]
        width, i, n = _percent_count(fmt, j, positional, n)
        if width.startswith("-"):
            flags, width = flags + "-", width[1:]
        if i < len(fmt) and fmt[i] == ".":
            precision, i, n = _percent_count(fmt, i + 1, positional, n)
            width += "." + str(max(int(precision or "0"), 0))
        while i < len(fmt) and fmt[i] in "hlL":
            i += 1
        if i >= len(fmt):
            raise ValueError("incomplete format")
        conv = fmt[i]
        i += 1
        if conv == "%":
            out.append("%%")
            continue
        if key is not None:
            if isinstance(args, (tuple, str)) or not hasattr(args, "__getitem__"):
                raise TypeError("format requires a mapping")
            keyed = True
            v = args[key]
        else:
            if n >= len(positional):
                raise TypeError("not enough arguments for format string")
            v = positional[n]
            n += 1
        if conv == "s":
            v = str(v)
        elif conv == "r":
            v, conv = repr(v), "s"
        elif conv == "a":
            v, conv = ascii(v), "s"
        elif conv in "diu":
            v = _percent_number(v, conv, "__int__")
        elif conv in "xXo":
            v = _percent_number(v, conv, "__index__")
        elif conv in "eEfFgG":
            v = _percent_number(v, conv, "__float__")
        elif conv == "c":
            if type(v) not in (int, str):
                raise TypeError("%c requires int or char")
        else:
            raise ValueError("unsupported format character '" + conv + "' (" + hex(ord(conv)) + ") at index " + str(i - 1))
        name = str(len(values))
        values[name] = v
        out.append("%(" + name + ")" + flags + width + conv)
    if not keyed and n < len(positional) and isinstance(args, tuple):
        raise TypeError("not all arguments converted during string formatting")
    return "".join(out) % values


def _index_getitem(seq, key):
    # seq[key] where the index or a slice bound has a user __index__.
    if isinstance(key, slice):
        bounds = [None if b is None else b.__index__() for b in (key.start, key.stop, key.step)]
        return seq[slice(*bounds)]
    return seq[key.__index__()]


def _class_check(subject, pairs, native):
    # isinstance/issubclass(subject, classes) where some classes have a
    # metaclass hook: (class, hook) pairs, the hook None where the
    # built-in test (native) applies.
    for cls, hook in pairs:
        if hook is None:
            if native(subject, cls):
                return True
        elif hook(cls, subject):
            return True
    return False


def _fromkeys(cls, iterable, value):
    # cls.fromkeys(iterable, value) for a dict subclass or a user iterable.
    d = cls()
    for k in iterable:
        d[k] = value
    return d


def _call_with_index(f, v):
    # f(v) for a built-in f that takes an int, where v has a user __index__.
    return f(v.__index__())


def _range_index(args):
    # range(*args) where an argument has a user __index__.
    return range(*[a.__index__() for a in args])


def _finalize(calls):
    # Finalize the objects a collection found unreachable: each call is
    # (method, obj, shown), `__del__` or a suspended generator's `close`;
    # what one raises is reported and dropped.
    for method, obj, shown in calls:
        try:
            method(obj)
        except BaseException as e:
            _report_unraisable(e, shown)


def _report_unraisable(e, shown):
    import sys
    import traceback
    lines = [x for x in traceback.format_exception(e) if not x.startswith('  File "<prelude>"')]
    kept = []
    for i, x in enumerate(lines):
        if x.startswith("Traceback") and not lines[i + 1].startswith("  File"):
            continue
        kept.append(x)
    sys.stderr.write("Exception ignored in: " + repr(shown) + "\n" + "".join(kept))


def _str_format(fmt, args, kwargs):
    out = []
    auto = 0
    for lit, name, conv, spec in _format_parse(fmt):
        out.append(lit)
        if name is None:
            continue
        first = name
        rest = ""
        for i in range(len(name)):
            if name[i] in ".[":
                first = name[:i]
                rest = name[i:]
                break
        if first == "":
            v = args[auto]
            auto += 1
        elif first.isdigit():
            v = args[int(first)]
        else:
            v = kwargs[first]
        while rest:
            if rest[0] == ".":
                j = 1
                while j < len(rest) and rest[j] not in ".[":
                    j += 1
                v = getattr(v, rest[1:j])
                rest = rest[j:]
            else:
                j = rest.index("]")
                key = rest[1:j]
                v = v[int(key)] if key.isdigit() else v[key]
                rest = rest[j + 1 :]
        if "{" in spec:
            spec = _str_format(spec, args, kwargs)
        c = 0
        if conv == "s":
            c = 1
        elif conv == "r":
            c = 2
        elif conv == "a":
            c = 3
        out.append(_format_value(v, c, spec))
    return "".join(out)


def _compare(op, a, b):
    # Containers holding instances: compare element by element.
    if isinstance(a, dict) and isinstance(b, dict) and op in (2, 3):
        same = len(a) == len(b)
        if same:
            for k in a:
                if k not in b:
                    same = False
                    break
                x = a[k]
                y = b[k]
                if not (x is y or x == y):
                    same = False
                    break
        return same if op == 2 else not same
    if not (type(a) in (list, tuple) and type(b) is type(a)):
        if op == 2:
            return a is b
        if op == 3:
            return a is not b
        raise TypeError("'" + ("<", "<=", "==", "!=", ">", ">=")[op] + "' not supported between instances of '" + type(a).__name__ + "' and '" + type(b).__name__ + "'")
    if type(a) in (list, tuple) and type(b) is type(a):
        n = min(len(a), len(b))
        i = 0
        while i < n:
            if not (a[i] is b[i] or a[i] == b[i]):
                break
            i += 1
        if i >= n:
            la = len(a)
            lb = len(b)
            if op == 0:
                return la < lb
            if op == 1:
                return la <= lb
            if op == 2:
                return la == lb
            if op == 3:
                return la != lb
            if op == 4:
                return la > lb
            return la >= lb
        if op == 2:
            return False
        if op == 3:
            return True
        x = a[i]
        y = b[i]
    else:
        x = a
        y = b
    if op == 0:
        return x < y
    if op == 1:
        return x <= y
    if op == 2:
        return x == y
    if op == 3:
        return x != y
    if op == 4:
        return x > y
    return x >= y


def _not_eq(a, b):
    r = a.__eq__(b)
    if r is NotImplemented:
        return r
    return not r


def _contains(container, item):
    for x in container:
        if x is item or x == item:
            return True
    return False


def _seq_iter(obj):
    i = 0
    while True:
        try:
            v = obj[i]
        except (IndexError, StopIteration):
            return
        yield v
        i += 1


def _call_iter(f, sentinel):
    while True:
        v = f()
        if v == sentinel:
            return
        yield v


def _join(sep, it):
    return sep.join(_to_list(it))


def _merge_sort(items, keys, reverse):
    n = len(items)
    if n < 2:
        return items
    idx = list(range(n))
    width = 1
    while width < n:
        merged = []
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            while i < mid and j < hi:
                a = keys[idx[i]]
                b = keys[idx[j]]
                if reverse:
                    take_right = a < b
                else:
                    take_right = b < a
                if take_right:
                    merged.append(idx[j])
                    j += 1
                else:
                    merged.append(idx[i])
                    i += 1
            while i < mid:
                merged.append(idx[i])
                i += 1
            while j < hi:
                merged.append(idx[j])
                j += 1
            lo = hi
        idx = merged
        width *= 2
    return [items[k] for k in idx]


def _sort_list(lst, key, reverse):
    items = list(lst)
    if key is None:
        keys = items
    else:
        keys = [key(x) for x in items]
    if _sort_by_keys(lst, items, keys, reverse):
        return None
    result = _merge_sort(items, keys, reverse)
    lst.clear()
    lst.extend(result)
    return None


def _sorted(it, key, reverse):
    lst = _to_list(it)
    _sort_list(lst, key, reverse)
    return lst


def _minmax(is_max, items, key, has_default, default):
    best = None
    best_key = None
    first = True
    for x in items:
        k = x if key is None else key(x)
        if first:
            best = x
            best_key = k
            first = False
        elif is_max:
            if k > best_key:
                best = x
                best_key = k
        else:
            if k < best_key:
                best = x
                best_key = k
    if first:
        if has_default:
            return default
        raise ValueError(("max" if is_max else "min") + "() arg is an empty sequence")
    return best


def _sum_rest(it, acc):
    for x in it:
        acc = acc + x
    return acc


def _any(it):
    for x in it:
        if x:
            return True
    return False


def _all(it):
    for x in it:
        if not x:
            return False
    return True


def _enumerate(it, start):
    n = start
    for x in it:
        yield (n, x)
        n += 1


def _zip(its, strict):
    iters = [iter(i) for i in its]
    if not iters:
        return
    while True:
        row = []
        for k in range(len(iters)):
            try:
                row.append(next(iters[k]))
            except StopIteration:
                if not strict:
                    return
                if k > 0:
                    raise ValueError("zip() argument %d is shorter than %s" % (k + 1, _zip_before(k)))
                longer = _first_left(iters)
                if longer:
                    raise ValueError("zip() argument %d is longer than %s" % (longer + 1, _zip_before(longer)))
                return
        yield tuple(row)


def _zip_before(k):
    # The arguments before argument k + 1, as zip()'s errors name them.
    return "argument 1" if k == 1 else "arguments 1-%d" % k


def _first_left(iters):
    # The index of the first iterator after the first that has items left, or 0.
    for k in range(1, len(iters)):
        for _ in iters[k]:
            return k
    return 0


def _map(f, its):
    if len(its) == 1:
        for x in its[0]:
            yield f(x)
        return
    iters = [iter(i) for i in its]
    while True:
        args = []
        for it in iters:
            try:
                args.append(next(it))
            except StopIteration:
                return
        yield f(*args)


def _filter(f, it):
    for x in it:
        if f is None:
            if x:
                yield x
        elif f(x):
            yield x


def _reversed_seq(seq):
    i = len(seq) - 1
    while i >= 0:
        yield seq[i]
        i -= 1


def _next_default(it, default):
    try:
        return next(it)
    except StopIteration:
        return default


def _getattr_default(obj, name, default):
    try:
        return getattr(obj, name)
    except AttributeError:
        return default


def _hasattr(obj, name):
    try:
        getattr(obj, name)
        return True
    except AttributeError:
        return False


def _dir(obj):
    custom = getattr(type(obj), "__dir__", None)
    if custom is not None:
        return sorted(custom(obj))
    names = set()
    own = getattr(obj, "__dict__", None)
    if isinstance(own, dict):
        names.update(own)
    if isinstance(obj, type):
        classes = obj.__mro__
    elif type(obj).__name__ == "module":
        classes = ()
    else:
        classes = type(obj).__mro__
    for c in classes:
        names.update(c.__dict__)
    names.discard("__qualname__")
    return sorted(names)


def _pow2(a, b):
    return a**b


def _new_then_init(cls, new, args, kwargs):
    obj = new(cls, *args, **kwargs)
    if isinstance(obj, cls):
        obj.__init__(*args, **kwargs)
    return obj


def _list_remove(lst, x):
    for i in range(len(lst)):
        if lst[i] is x or lst[i] == x:
            del lst[i]
            return None
    raise ValueError("list.remove(x): x not in list")


def _seq_index(seq, x):
    for i in range(len(seq)):
        if seq[i] is x or seq[i] == x:
            return i
    if type(seq) is tuple:
        raise ValueError("tuple.index(x): x not in tuple")
    raise ValueError(repr(x) + " is not in list")


def _seq_count(seq, x):
    n = 0
    for v in seq:
        if v is x or v == x:
            n += 1
    return n


def _canon_key(k):
    h = hash(k)
    for c in _key_candidates(h):
        if c is k or c == k:
            _set_key(k, h, c)
            return None
    _set_key(k, h, k)
    return None


def _canon_then_call(k, f, args):
    _canon_key(k)
    return f(*args)


def _ne(a, b):
    return not (a == b)


def _ne(a, b):
    return not (a == b)


def _class_hooks(cls, kwargs, init_subclass):
    for name, value in list(cls.__dict__.items()):
        hook = getattr(type(value), "__set_name__", None)
        if hook is not None:
            hook(value, cls, name)
    if init_subclass:
        super(cls, cls).__init_subclass__(**kwargs)
    return cls


def _build_with_meta(meta, name, bases, ns, kwargs, cell):
    cls = meta(name, bases, ns, **kwargs)
    if cell is not None:
        _set_cell(cell, cls)
    return cls
