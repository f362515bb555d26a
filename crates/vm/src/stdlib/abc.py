"""Abstract base classes (brine's `abc`)."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace)
        abstracts = set()
        for attr, value in namespace.items():
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(attr)
        for base in bases:
            for attr in getattr(base, "__abstractmethods__", ()):
                value = getattr(cls, attr, None)
                if getattr(value, "__isabstractmethod__", False):
                    abstracts.add(attr)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls

    def __call__(cls, *args, **kwargs):
        if cls.__abstractmethods__:
            missing = sorted(cls.__abstractmethods__)
            s = "" if len(missing) == 1 else "s"
            raise TypeError(
                f"Can't instantiate abstract class {cls.__name__} with abstract method{s} " + ", ".join(missing)
            )
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        return subclass


class ABC(metaclass=ABCMeta):
    pass
