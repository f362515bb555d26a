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
