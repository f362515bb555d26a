# The `contextvars` module, as CPython 3.11 defines it. The current
# context is the VM's (`_current_context`); with a scheduler, each tasklet
# has its own, which a tasklet switch makes current.


class _no_default:
    """A ContextVar made without a default. A class, so that a pickle
    names it by reference."""


class _MissingType(type):
    def __repr__(cls):
        return "<Token.MISSING>"


class _missing(metaclass=_MissingType):
    """Token.MISSING: a class, so that a pickle names it by reference."""


def _current():
    ctx = _current_context()
    if ctx is None:
        ctx = Context()
        _set_current_context(ctx)
    return ctx


def _check_var(var):
    if type(var) is not ContextVar:
        raise TypeError(f"a ContextVar key was expected, got {var!r}")


class Context:
    """A mapping of context variables to their values."""

    def __init__(self):
        self._vars = {}
        self._entered = False

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'Context' object")

    def run(self, callable, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        previous = _current_context()
        self._entered = True
        _set_current_context(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _set_current_context(previous)
            self._entered = False

    def copy(self):
        new = Context()
        new._vars = self._vars
        return new

    def __getitem__(self, var):
        _check_var(var)
        if var in self._vars:
            return self._vars[var]
        raise KeyError(var)

    def get(self, var, default=None):
        _check_var(var)
        return self._vars.get(var, default)

    def __contains__(self, var):
        _check_var(var)
        return var in self._vars

    def __len__(self):
        return len(self._vars)

    def __iter__(self):
        return iter(list(self._vars))

    def keys(self):
        return list(self._vars.keys())

    def values(self):
        return list(self._vars.values())

    def items(self):
        return list(self._vars.items())

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._vars == other._vars

    __hash__ = None

    def __repr__(self):
        return f"<Context object at {id(self):#014x}>"


def copy_context():
    return _current().copy()


class Token:
    """What ContextVar.set returns, for ContextVar.reset."""

    MISSING = _missing

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'Token' object")

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at {id(self):#014x}>"


class ContextVar:
    """A variable whose value is per context."""

    def __init__(self, name, *, default=_no_default):
        if type(name) is not str:
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'ContextVar' object")

    @property
    def name(self):
        return self._name

    def get(self, *default):
        if len(default) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(default)}")
        vars = _current()._vars
        if self in vars:
            return vars[self]
        if default:
            return default[0]
        if self._default is not _no_default:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        old = ctx._vars.get(self, Token.MISSING)
        vars = dict(ctx._vars)
        vars[self] = value
        ctx._vars = vars
        return Token(ctx, self, old)

    def reset(self, token):
        if type(token) is not Token:
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current()
        if token._context is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        vars = dict(ctx._vars)
        if token._old_value is Token.MISSING:
            del vars[self]
        else:
            vars[self] = token._old_value
        ctx._vars = vars
        token._used = True

    def __repr__(self):
        default = ""
        if self._default is not _no_default:
            default = f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at {id(self):#014x}>"
