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
        cls._abc_registry = []
        cls._abc_subclasses = []
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subclasses.append(cls)
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
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        own = cls.__dict__.get("_abc_instancecheck")
        if own is not None and own(instance):
            return True
        return ABCMeta.__subclasscheck__(cls, type(instance))

    def __subclasscheck__(cls, subclass):
        # A subclass, a registered class (or its subclass), or one the
        # class's __subclasshook__ accepts.
        if cls in getattr(subclass, "__mro__", ()):
            return True
        hook = getattr(cls, "__subclasshook__", None)
        if hook is not None:
            verdict = hook(subclass)
            if verdict is not NotImplemented:
                return bool(verdict)
        for registered in cls.__dict__.get("_abc_registry", ()):
            if registered is subclass or issubclass(subclass, registered):
                return True
        for sub in cls.__dict__.get("_abc_subclasses", ()):
            if issubclass(subclass, sub):
                return True
        return False


class ABC(metaclass=ABCMeta):
    pass
