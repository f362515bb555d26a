x = "global"


def read_global():
    return x


def shadow():
    x = "local"
    return x


def modify_global():
    global x
    x = "modified"


print(read_global(), shadow(), x)
modify_global()
print(x)


def outer():
    y = 1

    def inner():
        nonlocal y
        y += 1
        return y

    inner()
    inner()
    return y


print(outer())


def counter_factory():
    counts = {}

    def count(k):
        counts[k] = counts.get(k, 0) + 1
        return counts[k]

    return count


c = counter_factory()
print(c("a"), c("a"), c("b"))


class Config:
    debug = False
    level = 1
    names = [1 * i for i in range(3)]

    def toggle(self):
        self.debug = not self.debug
        return self.debug


cfg = Config()
print(cfg.toggle(), Config.debug, cfg.debug, Config.names)
fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
try:
    def bad():
        print(undefined_local)
        undefined_local = 1
    bad()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    print(nowhere)
except NameError as e:
    print("NameError:", e)


def make_acc():
    total = 0

    def add(n):
        nonlocal total
        total += n
        return total

    return add


acc = make_acc()
print([acc(i) for i in range(5)])
z = 10
print([z * k for k in range(3)], (lambda: z)())
del z
try:
    z
except NameError as e:
    print(e)
