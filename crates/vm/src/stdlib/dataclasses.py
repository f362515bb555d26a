"""Data classes (brine's `dataclasses`): generated __init__, __repr__, __eq__ and ordering."""

MISSING = object()


class Field:
    def __init__(self, default=MISSING, default_factory=MISSING, repr=True, compare=True, init=True):
        self.name = None
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare
        self.init = init

    def __repr__(self):
        return f"Field(name={self.name!r})"


def field(*, default=MISSING, default_factory=MISSING, repr=True, compare=True, init=True):
    return Field(default, default_factory, repr, compare, init)


class FrozenInstanceError(AttributeError):
    pass


def _fields_of(cls):
    fields = []
    for base in reversed(cls.__mro__[1:]):
        fields.extend(getattr(base, "__dataclass_fields__", {}).values())
    names = [f.name for f in fields]
    annotations = cls.__dict__.get("__annotations__", {})
    own = [n for n in annotations] if annotations else []
    if not own:
        own = [n for n, v in cls.__dict__.items() if isinstance(v, Field)]
    for name in own:
        value = cls.__dict__.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        if name in names:
            fields[names.index(name)] = f
        else:
            fields.append(f)
            names.append(name)
        if isinstance(value, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    return fields


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False):
    def wrap(cls):
        fields = _fields_of(cls)
        cls.__dataclass_fields__ = {f.name: f for f in fields}

        if init and "__init__" not in cls.__dict__:
            def __init__(self, *args, **kwargs):
                params = [f for f in fields if f.init]
                if len(args) > len(params):
                    raise TypeError(f"__init__() takes {len(params) + 1} positional arguments but {len(args) + 1} were given")
                for i, f in enumerate(params):
                    if i < len(args):
                        value = args[i]
                    elif f.name in kwargs:
                        value = kwargs.pop(f.name)
                    elif f.default is not MISSING:
                        value = f.default
                    elif f.default_factory is not MISSING:
                        value = f.default_factory()
                    else:
                        raise TypeError(f"__init__() missing 1 required positional argument: '{f.name}'")
                    object.__setattr__(self, f.name, value)
                for f in fields:
                    if not f.init and f.default_factory is not MISSING:
                        object.__setattr__(self, f.name, f.default_factory())
                if kwargs:
                    raise TypeError(f"__init__() got an unexpected keyword argument '{next(iter(kwargs))}'")
                post = getattr(self, "__post_init__", None)
                if post is not None:
                    post()
            cls.__init__ = __init__

        if repr and "__repr__" not in cls.__dict__:
            def __repr__(self):
                parts = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields if f.repr)
                return f"{type(self).__qualname__}({parts})"
            cls.__repr__ = __repr__

        def astuple(self):
            return tuple(getattr(self, f.name) for f in fields if f.compare)

        if eq and "__eq__" not in cls.__dict__:
            def __eq__(self, other):
                if other.__class__ is not self.__class__:
                    return NotImplemented
                return astuple(self) == astuple(other)
            cls.__eq__ = __eq__
            if not frozen:
                cls.__hash__ = None
            else:
                cls.__hash__ = lambda self: hash(astuple(self))

        if order:
            cls.__lt__ = lambda self, other: astuple(self) < astuple(other)
            cls.__le__ = lambda self, other: astuple(self) <= astuple(other)
            cls.__gt__ = lambda self, other: astuple(self) > astuple(other)
            cls.__ge__ = lambda self, other: astuple(self) >= astuple(other)

        if frozen:
            def __setattr__(self, name, value):
                raise FrozenInstanceError(f"cannot assign to field '{name}'")
            cls.__setattr__ = __setattr__
        return cls

    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj):
    return {f: _copy(getattr(obj, f)) for f in obj.__dataclass_fields__}


def astuple(obj):
    return tuple(_copy(getattr(obj, f)) for f in obj.__dataclass_fields__)


def _copy(v):
    if hasattr(v, "__dataclass_fields__"):
        return asdict(v)
    if isinstance(v, list):
        return [_copy(x) for x in v]
    if isinstance(v, dict):
        return {k: _copy(x) for k, x in v.items()}
    return v


def fields(obj):
    return tuple(obj.__dataclass_fields__.values())


def replace(obj, **changes):
    values = {f: getattr(obj, f) for f in obj.__dataclass_fields__}
    values.update(changes)
    return type(obj)(**values)
