import math


def log_calls(fn):
    calls = []

    def wrapper(*args, **kwargs):
        calls.append((fn.__name__, args, tuple(sorted(kwargs.items()))))
        return fn(*args, **kwargs)

    wrapper.calls = calls
    wrapper.__name__ = fn.__name__
    return wrapper


class Circle:
    count = 0

    def __init__(self, r):
        self.r = r
        Circle.count += 1

    @classmethod
    def from_diameter(cls, d):
        return cls(d / 2)

    @staticmethod
    def unit_area():
        return math.pi

    @property
    def area(self):
        return round(math.pi * self.r ** 2, 3)

    @log_calls
    def scale(self, k=1):
        return Circle(self.r * k)


c = Circle.from_diameter(10)
print(c.r, c.area, Circle.unit_area(), Circle.count)
big = c.scale(k=3)
print(big.r, big.area, Circle.count, Circle.scale.calls[0][0], Circle.scale.__name__)


def singleton(cls):
    instances = {}

    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]

    return get


@singleton
class Settings:
    def __init__(self, env="dev"):
        self.env = env


s1 = Settings("prod")
s2 = Settings("test")
print(s1 is s2, s1.env)


def validate(**types):
    def deco(fn):
        def inner(**kwargs):
            for k, t in types.items():
                if not isinstance(kwargs.get(k), t):
                    raise TypeError(f"{k} must be {t.__name__}")
            return fn(**kwargs)
        return inner
    return deco


@validate(name=str, age=int)
def register(name, age):
    return f"{name} ({age})"


print(register(name="ann", age=30))
try:
    register(name="bob", age="old")
except TypeError as e:
    print("TypeError:", e)


def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls


@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(Point(1, "two"), [Point(0, 0)])
