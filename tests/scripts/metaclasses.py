class Registry(type):
    classes = []

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        if bases:
            Registry.classes.append(name)
        return cls

    def describe(cls):
        return f"class {cls.__name__} with {len(cls.__dict__)} names"


class Base(metaclass=Registry):
    pass


class A(Base):
    x = 1


class B(A):
    def hello(self):
        return "hi"


print(Registry.classes, type(A).__name__, type(B) is Registry, isinstance(B, Registry), isinstance(B, type))
print(B.describe().split(" with ")[0], B().hello(), B.x)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, v=0):
        self.v = v


a = Config(1)
b = Config(2)
print(a is b, a.v, type(Config).__name__)
print(type(int).__name__, type(type).__name__, type(object).__name__)
