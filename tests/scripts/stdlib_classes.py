from dataclasses import dataclass, field, asdict
from abc import ABC, abstractmethod
from contextlib import contextmanager, suppress


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


p = Point(1)
q = Point(1, 0)
print(p, p == q, p.tags is not q.tags, asdict(Point(2, 3, ["a"])))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0


print(sorted([Version(2, 1), Version(1, 5), Version(2, 0)]), Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1)))
try:
    Version(1).major = 3
except Exception as e:
    print(type(e).__name__, e)


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    def describe(self):
        return f"{type(self).__name__} of area {self.area()}"


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


print(Sq(3).describe())
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("oops")
except ValueError as e:
    print("caught", e)
with suppress(KeyError):
    {}["missing"]
print("done")


class Config:
    name: str
    retries: int = 3


print(Config.__annotations__, Config.retries)
