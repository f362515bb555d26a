# Classes pickle by reference at module level and by value when local;
# instances carry their __dict__; methods, properties, static and class
# methods keep working after loading.
from helper_pk import roundtrip


class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)

    @staticmethod
    def origin():
        return Point(0, 0)

    @classmethod
    def from_pair(cls, pair):
        return cls(*pair)


class Point3(Point):
    dims = 3

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"


print("class by reference", roundtrip(Point) is Point, roundtrip(Point3) is Point3)
p = roundtrip(Point(3, -4))
print(p, type(p) is Point, p.norm1, p == Point(3, -4))
q = roundtrip(Point3(1, 2, 3))
print(q, isinstance(q, Point), q.dims, q.norm1, vars(q))
print(roundtrip(Point.origin)(), roundtrip(Point.from_pair)((5, 6)))
bound = roundtrip(p.__eq__)
print("bound method", bound(Point(3, -4)), bound(Point(0, 0)))
pts = roundtrip({Point(1, 1): "a", Point(2, 2): "b"})
print("instance keys", pts[Point(1, 1)], pts[Point(2, 2)], Point(3, 3) in pts)
key = roundtrip(Point(2, 2))
print("loaded key in a live dict", {Point(2, 2): "live"}[key])
grid = roundtrip({(Point(0, 1), "n"): 1, frozenset({"x"}): 2})
print("tuple keys", grid[(Point(0, 1), "n")], grid[frozenset({"x"})])
shape = frozenset({Point(0, 0), Point(1, 0), Point(0, 1)})
shapes = roundtrip({shape: "triangle", "all": {shape}})
print("frozenset of instances", shapes[frozenset({Point(1, 0), Point(0, 1), Point(0, 0)})],
      Point(1, 0) in next(iter(shapes["all"])))

# same instance twice
shared = Point(7, 7)
pair = roundtrip([shared, shared, {"p": shared}])
print(pair[0] is pair[1] is pair[2]["p"])
pair[0].x = 8
print(pair)

# instance referring to itself
class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


root = Node("root")
a = root.add(Node("a"))
a.add(Node("a1"))
root.add(Node("b"))
r2 = roundtrip(root)
print(r2.name, [c.name for c in r2.children], r2.children[0].parent is r2,
      r2.children[0].children[0].parent.parent is r2)


def make_local_class(greeting):
    class Greeter:
        count = 0

        def __init__(self, name):
            self.name = name

        def greet(self):
            Greeter.count += 1
            return f"{greeting}, {self.name}! #{Greeter.count}"

    return Greeter


G = make_local_class("Hello")
g = G("Ann")
g.greet()
g2 = roundtrip(g)
print(type(g2).__name__, type(g2).__qualname__)
print(g2.greet(), type(g2).count)
G2 = type(g2)
print(G2("Bob").greet())


class Temperature:
    def __init__(self, c):
        self._c = c

    def _get_f(self):
        return self._c * 9 / 5 + 32

    def _set_f(self, f):
        self._c = (f - 32) * 5 / 9

    fahrenheit = property(_get_f, _set_f)


t = roundtrip(Temperature(100))
print(t.fahrenheit)
t.fahrenheit = 32
print(t._c)

# classes of exceptions and attributes on classes
print(roundtrip(ValueError) is ValueError, roundtrip([int, str, list]) == [int, str, list])
print(roundtrip(type(None)) is type(None))
