from collections import defaultdict
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{name} is {age:>4} years; {who}".format_map(Default(name="Ann", age=7)))
d = defaultdict(int, x=5)
print("{x}-{y}".format_map(d), sorted(d))
print("{0}".format_map({}) if False else "{a[0]}{a[1]:.1f}".format_map({"a": [1, 2.25]}))
try:
    "{missing}".format_map({})
except KeyError as e:
    print("KeyError", e)
