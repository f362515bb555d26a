"""Shallow and deep copies (brine's `copy`), by CPython's protocol: a
`__copy__`/`__deepcopy__` method, else a `__reduce_ex__`/`__reduce__`
of the class, else the default one: `__new__` with `__getnewargs_ex__`
or `__getnewargs__`, the state of `__getstate__` or `__dict__` given to
`__setstate__` or the new `__dict__`, and the items of a subclass of
list, dict or set."""


class Error(Exception):
    pass


error = Error

def _is_atomic(x):
    return type(x) in _ATOMIC or isinstance(x, type)


def copy(x):
    cls = type(x)
    if _is_atomic(x) or cls in (tuple, frozenset):
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None, *_reduce(x))


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if key in memo:
            return memo[key]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo, *_reduce(x))
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The originals stay alive while the memo is used, so that their ids
    # are not reused (as CPython's deepcopy does).
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


_ATOMIC = (
    int,
    float,
    bool,
    str,
    bytes,
    type(None),
    range,
    property,
    type(len),
    type(_is_atomic),
    type(_is_atomic.__code__),
)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reduce(x):
    # The reduction of `x`: its class's own `__reduce_ex__` or `__reduce__`,
    # else the default one.
    cls = type(x)
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None:
        rv = reductor(x, 4)
    else:
        reductor = getattr(cls, "__reduce__", None)
        rv = reductor(x) if reductor is not None else _default_reduce(x)
    if isinstance(rv, str):
        return (lambda: x, ())
    if not isinstance(rv, tuple) or not 2 <= len(rv) <= 6:
        raise Error("un(deep)copyable object of type %s" % cls)
    return rv


def _default_reduce(x):
    cls = type(x)
    getnewargs_ex = getattr(cls, "__getnewargs_ex__", None)
    getnewargs = getattr(cls, "__getnewargs__", None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex(x)
        func, args = _newobj_ex, (cls, tuple(args), dict(kwargs))
    elif getnewargs is not None:
        func, args = _newobj, (cls,) + tuple(getnewargs(x))
    elif isinstance(x, tuple):
        func, args = tuple.__new__, (cls, tuple(x))
    elif isinstance(x, (set, frozenset)):
        func, args = cls, (list(x),)
    else:
        func, args = _newobj, (cls,)
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None:
        state = getstate(x)
    else:
        try:
            state = x.__dict__
        except AttributeError:
            state = None
        if not state:
            state = None
        slots = _slot_values(x)
        if slots:
            state = (state, slots)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(dict.items(x)) if isinstance(x, dict) else None
    return (func, args, state, listitems, dictitems)


def _slot_values(x):
    values = {}
    for klass in type(x).__mro__:
        slots = klass.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__") or name in values:
                continue
            try:
                values[name] = getattr(x, name)
            except AttributeError:
                pass
    return values


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(a, memo) for a in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None:
            setstate(state)
        else:
            slots = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slots = state
            if state:
                y.__dict__.update(state)
            if slots:
                for k, v in slots.items():
                    setattr(y, k, v)
    if listiter is not None:
        items = [deepcopy(item, memo) if deep else item for item in listiter]
        if hasattr(y, "extend"):
            y.extend(items)
        else:
            for item in items:
                y.append(item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k, v = deepcopy(k, memo), deepcopy(v, memo)
            y[k] = v
    return y
