"""Names of the `typing` module, for annotations brine does not check."""


class _Alias:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        return args[0] if args else None

    def __repr__(self):
        return "typing." + self._name


Any = _Alias("Any")
Optional = _Alias("Optional")
Union = _Alias("Union")
List = _Alias("List")
Dict = _Alias("Dict")
Set = _Alias("Set")
FrozenSet = _Alias("FrozenSet")
Tuple = _Alias("Tuple")
Callable = _Alias("Callable")
Iterable = _Alias("Iterable")
Iterator = _Alias("Iterator")
Generator = _Alias("Generator")
Sequence = _Alias("Sequence")
Mapping = _Alias("Mapping")
Type = _Alias("Type")
ClassVar = _Alias("ClassVar")
Final = _Alias("Final")
Literal = _Alias("Literal")
NoReturn = _Alias("NoReturn")
TYPE_CHECKING = False


def TypeVar(name, *constraints, **kwargs):
    return _Alias(name)


def cast(typ, value):
    return value


Awaitable = _Alias("Awaitable")
Coroutine = _Alias("Coroutine")
AsyncIterable = _Alias("AsyncIterable")
AsyncIterator = _Alias("AsyncIterator")
AsyncGenerator = _Alias("AsyncGenerator")
Collection = _Alias("Collection")
Container = _Alias("Container")
Hashable = _Alias("Hashable")
Sized = _Alias("Sized")
MutableMapping = _Alias("MutableMapping")
MutableSequence = _Alias("MutableSequence")
MutableSet = _Alias("MutableSet")
Deque = _Alias("Deque")
DefaultDict = _Alias("DefaultDict")
OrderedDict = _Alias("OrderedDict")
Counter = _Alias("Counter")
Annotated = _Alias("Annotated")
Self = _Alias("Self")


class Generic:
    """A base of generic classes: `Generic[T]` is `Generic` itself."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """A base of structural types (not checked)."""


class _NamedTupleMeta(type):
    # `class P(NamedTuple): x: int` makes a namedtuple class of the
    # annotated fields (those with a value are defaults), with the
    # class's methods; `NamedTuple("P", [("x", int)])` makes one too.
    def __new__(mcls, name, bases, ns):
        if ns.get("_root"):
            return super().__new__(mcls, name, bases, ns)
        annotations = ns.get("__annotations__", {})
        return _named_tuple(name, list(annotations), ns, annotations)

    def __call__(cls, typename, fields=None, /, **kwargs):
        pairs = list(fields) if fields is not None else list(kwargs.items())
        annotations = dict(pairs)
        return _named_tuple(typename, list(annotations), {}, annotations)


def _named_tuple(name, fields, ns, annotations):
    from collections import namedtuple
    defaults = [ns[f] for f in fields if f in ns]
    cls = namedtuple(name, fields, defaults=defaults or None)
    for key, value in ns.items():
        if key not in fields and key not in ("__annotations__", "__qualname__", "_root"):
            setattr(cls, key, value)
    cls.__annotations__ = annotations
    return cls


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True


class TypedDict(dict):
    """A base of dicts with declared keys (not checked)."""

    def __init_subclass__(cls, total=True, **kwargs):
        super().__init_subclass__(**kwargs)


def overload(func):
    return func


def final(f):
    return f


def runtime_checkable(cls):
    return cls


def no_type_check(f):
    return f


def get_type_hints(obj):
    return dict(getattr(obj, "__annotations__", {}))
