REGISTRY = {}


def register(kind):
    def deco(cls):
        REGISTRY[kind] = cls
        cls.kind = kind
        return cls
    return deco


class Shape:
    def __init__(self, **dims):
        for k, v in dims.items():
            setattr(self, k, v)

    def area(self):
        raise NotImplementedError

    def __lt__(self, other):
        return self.area() < other.area()

    def __repr__(self):
        return f"{self.kind}({self.area():.1f})"


@register("rect")
class Rect(Shape):
    def area(self):
        return self.w * self.h


@register("circle")
class Circle(Shape):
    def area(self):
        return 3.14159 * self.r ** 2


@register("tri")
class Tri(Shape):
    def area(self):
        return 0.5 * self.b * self.h


specs = [("rect", {"w": 3, "h": 4}), ("circle", {"r": 1}), ("tri", {"b": 10, "h": 3}), ("rect", {"w": 1, "h": 1})]
shapes = [REGISTRY[k](**d) for k, d in specs]
print(shapes)
print(sorted(shapes), max(shapes), min(shapes))
print(sorted(REGISTRY), [cls.__name__ for cls in REGISTRY.values()])
by_kind = {}
for s in shapes:
    by_kind.setdefault(s.kind, []).append(round(s.area(), 2))
print(by_kind, sum(s.area() for s in shapes) > 20)
