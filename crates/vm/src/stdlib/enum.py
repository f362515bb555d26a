"""Enumerations (brine's `enum`)."""


class auto:
    def __init__(self):
        self.value = None


def _is_member(key, value):
    if key.startswith("_"):
        return False
    if isinstance(value, (staticmethod, classmethod, property)):
        return False
    if callable(value) and not isinstance(value, auto):
        return False
    return True


class EnumMeta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        members = [(k, v) for k, v in ns.items() if _is_member(k, v)]
        member_names = [k for k, _ in members]
        body = {k: v for k, v in ns.items() if k not in member_names}
        cls = super().__new__(mcs, name, bases, body)
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._member_names_ = []
        base_int = any(issubclass(b, int) for b in bases if b is not object)
        flag = any(getattr(b, "_flag_", False) for b in bases)
        next_value = 1
        for key, value in members:
            if isinstance(value, auto):
                value = next_value
            if isinstance(value, int) and not isinstance(value, bool):
                next_value = 1 << value.bit_length() if flag else value + 1
            if value in cls._value2member_map_:
                member = cls._value2member_map_[value]
            else:
                member = object.__new__(cls)
                member._name_ = key
                member._value_ = value
                cls._value2member_map_[value] = member
                cls._member_names_.append(key)
            cls._member_map_[key] = member
            type.__setattr__(cls, key, member)
        cls._int_like_ = base_int
        return cls

    def __iter__(cls):
        members = [cls._member_map_[n] for n in cls._member_names_]
        if getattr(cls, "_flag_", False):
            members = [m for m in members if _single_bit(m._value_)]
        return iter(members)

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __call__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        missing = cls.__dict__.get("_missing_") or getattr(cls, "_missing_", None)
        if missing is not None:
            member = missing(value)
            if member is not None:
                return member
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @property
    def __members__(cls):
        return dict(cls._member_map_)


class Enum(metaclass=EnumMeta):
    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


class _IntValued:
    # What IntEnum and IntFlag members share: they are ints by value.

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other
        return self._value_ == other

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return self._value_ < int(other)

    def __le__(self, other):
        return self._value_ <= int(other)

    def __gt__(self, other):
        return self._value_ > int(other)

    def __ge__(self, other):
        return self._value_ >= int(other)

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class IntEnum(_IntValued, Enum):
    def __add__(self, other):
        return self._value_ + other

    def __radd__(self, other):
        return other + self._value_


def _single_bit(value):
    return isinstance(value, int) and value > 0 and value & (value - 1) == 0


class Flag(Enum):
    """Members that combine with |, & and ^ into flags of the same class."""

    _flag_ = True

    @classmethod
    def _missing_(cls, value):
        # A combination of members: made once, then kept.
        if not isinstance(value, int):
            return None
        allowed = 0
        for m in cls:
            allowed |= m._value_
        keep = getattr(cls, "_keep_", False)
        if not keep and (value < 0 or value & ~allowed):
            width = max(value.bit_length(), allowed.bit_length())
            raise ValueError(
                f"<flag {cls.__name__!r}> invalid value {value}\n"
                f"    given 0b0 {value:0{width}b}\n"
                f"  allowed 0b0 {allowed:0{width}b}"
            )
        member = object.__new__(cls)
        names = [m._name_ for m in cls if m._value_ & value == m._value_]
        if value & ~allowed:
            names.append(str(value & ~allowed))
        member._name_ = "|".join(names) if names else None
        member._value_ = value
        cls._value2member_map_[value] = member
        return member

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        allowed = 0
        for m in type(self):
            allowed |= m._value_
        return type(self)(allowed & ~self._value_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __iter__(self):
        return iter([m for m in type(self) if m._value_ & self._value_ == m._value_])

    def __len__(self):
        return len(list(self))

    def __repr__(self):
        if self._name_ is None:
            return f"<{type(self).__name__}: {self._value_!r}>"
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        if self._name_ is None:
            return f"{type(self).__name__}({self._value_!r})"
        return f"{type(self).__name__}.{self._name_}"


class IntFlag(_IntValued, Flag):
    """Flags that are ints: any int is a value, and they mix with ints."""

    _keep_ = True

    def __or__(self, other):
        return type(self)(self._value_ | int(other))

    def __and__(self, other):
        return type(self)(self._value_ & int(other))

    def __xor__(self, other):
        return type(self)(self._value_ ^ int(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def unique(enumeration):
    return enumeration
