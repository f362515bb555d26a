import pickle
from typing import NamedTuple, Generic, TypeVar, Protocol, TypedDict, Optional, List
T = TypeVar("T")
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm1(), Point(1), p._replace(y=1), p._asdict(), Point._fields)
P2 = NamedTuple("P2", [("a", int), ("b", str)])
print(P2(1, "x"), P2._fields)
print(pickle.loads(pickle.dumps(p)) == p, type(pickle.loads(pickle.dumps(p))).__name__)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None
s = Stack[int](); s.push(1); s.push(2); print(s.pop(), s.pop(), s.pop())
class Greeter(Protocol):
    def greet(self) -> str: ...
class Movie(TypedDict, total=False):
    title: str
    year: int
m = Movie(title="Alien", year=1979)
print(m, m["title"], isinstance(m, dict))
