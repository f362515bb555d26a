"""Higher-order functions (brine's `functools`)."""

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
_MISSING = object()


def reduce(function, iterable, initial=_MISSING):
    it = iter(iterable)
    if initial is _MISSING:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        kw = dict(self.keywords)
        kw.update(keywords)
        return self.func(*self.args, *args, **kw)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args] + [k + "=" + repr(v) for k, v in self.keywords.items()]
        return "functools.partial(" + ", ".join(parts) + ")"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, value)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned)
    return decorator


class _CacheInfo(tuple):
    def __repr__(self):
        return "CacheInfo(hits=%d, misses=%d, maxsize=%s, currsize=%d)" % (self[0], self[1], self[2], self[3])


def lru_cache(maxsize=128, typed=False):
    def decorating(func):
        cache = {}
        stats = [0, 0]

        def wrapper(*args, **kwargs):
            key = args
            if kwargs:
                key = args + (_MISSING,) + tuple(sorted(kwargs.items()))
            if key in cache:
                stats[0] += 1
                value = cache.pop(key)
                cache[key] = value
                return value
            stats[1] += 1
            value = func(*args, **kwargs)
            cache[key] = value
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
            return value

        def cache_info():
            return _CacheInfo((stats[0], stats[1], maxsize, len(cache)))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        update_wrapper(wrapper, func)
        return wrapper

    if callable(maxsize) and not isinstance(maxsize, int):
        func = maxsize
        maxsize = 128
        return decorating(func)
    return decorating


def cache(func):
    return lru_cache(maxsize=None)(func)


def cmp_to_key(mycmp):
    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


def total_ordering(cls):
    defined = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in cls.__dict__]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]
    if root == "__lt__":
        cls.__gt__ = lambda self, other: not (self < other or self == other)
        cls.__le__ = lambda self, other: self < other or self == other
        cls.__ge__ = lambda self, other: not self < other
    elif root == "__le__":
        cls.__lt__ = lambda self, other: self <= other and not self == other
        cls.__gt__ = lambda self, other: not self <= other
        cls.__ge__ = lambda self, other: not self <= other or self == other
    elif root == "__gt__":
        cls.__lt__ = lambda self, other: not (self > other or self == other)
        cls.__ge__ = lambda self, other: self > other or self == other
        cls.__le__ = lambda self, other: not self > other
    else:
        cls.__le__ = lambda self, other: not self >= other or self == other
        cls.__gt__ = lambda self, other: self >= other and not self == other
        cls.__lt__ = lambda self, other: not self >= other
    return cls


class cached_property:
    """A property computed once per instance, then kept in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname or self.func.__name__
        cache = instance.__dict__
        if name in cache:
            return cache[name]
        value = self.func(instance)
        cache[name] = value
        return value


def singledispatch(func):
    """A function that dispatches on the class of its first argument."""
    registry = {object: func}

    def dispatch(cls):
        for klass in cls.__mro__:
            if klass in registry:
                return registry[klass]
        return func

    def register(cls, f=None):
        if f is None:
            if isinstance(cls, type):
                return lambda g: register(cls, g)
            f = cls
            annotations = getattr(f, "__annotations__", {})
            params = [v for k, v in annotations.items() if k != "return"]
            if not params:
                raise TypeError(f"Invalid first argument to `register()`: {f!r}")
            cls = params[0]
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{getattr(func, '__name__', 'singledispatch function')} requires at least 1 positional argument")
        return dispatch(type(args[0]))(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
