def parse(x):
    return int(x)


def load(items):
    return [parse(i) for i in items]


print("start")
print(load(["1", "2"]))
load(["3", "four"])
