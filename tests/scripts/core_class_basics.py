class Animal:
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"Animal({self.name!r})"


class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []

    def add_trick(self, t):
        self.tricks.append(t)
        return self

    def speak(self):
        base = super().speak()
        return base + "!"


class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __eq__(self, o):
        return isinstance(o, Vector) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __iter__(self):
        yield self.x
        yield self.y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)


d = Dog("Rex").add_trick("sit").add_trick("roll")
print(d.speak(), d.tricks, Animal.count, d)
print(isinstance(d, Animal), issubclass(Dog, Animal), type(d).__name__)
v = Vector(1, 2) + Vector(3, 4)
print(v, v * 2, 3 * v, len(v), list(v), v == Vector(4, 6), v != Vector(0, 0))
s = {Vector(1, 1), Vector(1, 1), Vector(2, 2)}
print(len(s), Vector(2, 2) in s, sorted(s))
table = {Vector(0, 0): "origin"}
print(table[Vector(0, 0)], sorted([Vector(3, 1), Vector(1, 5), Vector(1, 2)]))


class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9

    @staticmethod
    def describe():
        return "temperature"

    @classmethod
    def freezing(cls):
        return cls(0)


t = Temperature(100)
print(t.fahrenheit, Temperature.describe(), Temperature.freezing().fahrenheit)
t.fahrenheit = 32
print(t._c, hasattr(t, "_c"), getattr(t, "missing", "default"))


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + super().who()


class C(A):
    def who(self):
        return "C" + super().who()


class D(B, C):
    def who(self):
        return "D" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


st = Stack()
st.push(1)
st.push(2)
print(st, len(st), st.peek(), st.pop(), st)
