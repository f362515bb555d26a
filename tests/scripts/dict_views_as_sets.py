d = {"a": 1, "b": 2}
print(d.keys() == {"a", "b"})
print({"a"} <= d.keys())
print(d.keys() & {"a"})
print(list(reversed(d.items())), list(reversed(d.keys())), list(reversed(d.values())))
print(d.items() == {("a", 1), ("b", 2)})
print(sorted(d.keys() - {"a"}), sorted(d.keys() | {"z"}), "a" in d.keys(), ("a", 1) in d.items(), d.keys() != {"a"}, d.keys() == ["a", "b"])
try:
    d.keys() < [1]
except TypeError as e:
    print(e)
