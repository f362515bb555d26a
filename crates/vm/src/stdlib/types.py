"""Names for built-in types, and SimpleNamespace (brine's `types`)."""
import sys


def _function():
    pass


def _generator():
    yield 1


async def _coroutine():
    pass


async def _async_generator():
    yield 1


class _Class:
    def method(self):
        pass


FunctionType = LambdaType = type(_function)
BuiltinFunctionType = BuiltinMethodType = type(len)
CodeType = type(_function.__code__)
GeneratorType = type(_generator())
_c = _coroutine()
CoroutineType = type(_c)
_c.close()
del _c
AsyncGeneratorType = type(_async_generator())
MethodType = type(_Class().method)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)


class SimpleNamespace:
    """An object whose attributes are given as keywords."""

    def __init__(self, mapping=(), /, **kwargs):
        self.__dict__.update(dict(mapping))
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join(k + "=" + repr(v) for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return name + "(" + items + ")"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return self.__dict__ == other.__dict__


class _GeneratorCoroutine:
    # A generator made awaitable by `coroutine`: awaiting it delegates to
    # the generator, and it is driven like the generator itself.

    def __init__(self, gen):
        self._gen = gen

    def __await__(self):
        return self._gen

    def __iter__(self):
        return self._gen

    def __next__(self):
        return next(self._gen)

    def send(self, value):
        return self._gen.send(value)

    def throw(self, *args):
        return self._gen.throw(*args)

    def close(self):
        return self._gen.close()


def coroutine(func):
    """Make a generator function's generators awaitable."""

    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        if isinstance(result, GeneratorType):
            return _GeneratorCoroutine(result)
        return result

    wrapper.__name__ = func.__name__
    wrapper.__qualname__ = func.__qualname__
    return wrapper
