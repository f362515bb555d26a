def describe(name, *tags, sep=", ", **attrs):
    parts = [name]
    if tags:
        parts.append("[" + sep.join(tags) + "]")
    for k in sorted(attrs):
        parts.append(f"{k}={attrs[k]!r}")
    return " ".join(parts)


print(describe("x"))
print(describe("y", "a", "b", sep="|", size=3, color="red"))
args = ("z", "t1")
kwargs = {"weight": 1.5, "sep": "/"}
print(describe(*args, **kwargs))
print(describe(name="w"), describe(*["v"], **{}))
try:
    describe()
except TypeError as e:
    print("TypeError:", e)
try:
    describe("a", name="b")
except TypeError as e:
    print("TypeError:", e)


def strict(a, *, b):
    return a, b


try:
    strict(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    strict(1)
except TypeError as e:
    print("TypeError:", e)
try:
    strict(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
print(strict(b=5, a=4), dict(**{"a": 1}, b=2), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])))


class Config:
    def __init__(self, **options):
        self.options = dict(sorted(options.items()))

    def with_(self, **more):
        return Config(**{**self.options, **more})

    def __repr__(self):
        return f"Config({', '.join(f'{k}={v}' for k, v in self.options.items())})"


print(Config(debug=True).with_(level=3, debug=False))
