class Base:
    registry = []

    def __init__(self, name):
        self.name = name
        Base.registry.append(name)

    def describe(self):
        return f"{self.kind()} {self.name}"

    def kind(self):
        return "base"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)


class Mid(Base):
    def kind(self):
        return "mid"


class Leaf(Mid):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def kind(self):
        return "leaf<" + super().kind() + ">"

    def describe(self):
        return super().describe() + f" +{self.extra}"


objs = [Base("b"), Mid("m"), Leaf("l", 7)]
for o in objs:
    print(o.describe(), isinstance(o, Mid), type(o).__name__)
print(Base.registry, Leaf.__mro__[1].__name__, Leaf.__bases__[0].__name__, issubclass(Leaf, (int, Base)))


class Shape:
    sides = 0

    def __init__(self, size):
        self.size = size

    def perimeter(self):
        return self.sides * self.size

    def __repr__(self):
        return f"{type(self).__name__}({self.size})"


class Triangle(Shape):
    sides = 3


class Square(Shape):
    sides = 4

    def area(self):
        return self.size ** 2


shapes = [Triangle(2), Square(3), Triangle(5)]
print(shapes, [s.perimeter() for s in shapes], Square(4).area())
print(sorted(shapes, key=lambda s: s.perimeter()), hasattr(Triangle(1), "area"))


class Left:
    def hello(self):
        return "left"


class Right:
    def hello(self):
        return "right"

    def only_right(self):
        return "R"


class Both(Left, Right):
    pass


b = Both()
print(b.hello(), b.only_right(), [c.__name__ for c in Both.__mro__])


class Animal:
    def speak(self):
        raise NotImplementedError


class Cat(Animal):
    def speak(self):
        return "meow"


for a in [Cat(), Animal()]:
    try:
        print(a.speak())
    except NotImplementedError:
        print("abstract", type(a).__name__)


class Counted:
    instances = 0

    def __new__(cls, *args):
        cls.instances += 1
        return super().__new__(cls)

    def __init__(self, v):
        self.v = v


c1, c2 = Counted(1), Counted(2)
print(Counted.instances, c1.v, c2.v)


class MyDict(dict):
    def __missing__(self, key):
        return f"<{key}>"


md = MyDict(a=1)
print(md["a"], md["zzz"], len(md), isinstance(md, dict))
