# Dict views pickle with their dict, cells keep their sharing, modules go
# by reference.
import math
import sys
import pickle
from helper_pk import roundtrip

inventory = {"apples": 3, "pears": 0, "plums": 12}
keys, values, items = inventory.keys(), inventory.values(), inventory.items()
box = roundtrip([inventory, keys, values, items])
d, k, v, it = box
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(list(k), list(v), list(it))
d["kiwis"] = 7
del d["pears"]
print("views follow their dict", list(k), len(v), ("kiwis", 7) in it)
print(sorted(k & {"plums", "figs"}), sorted(k - {"apples"}), "apples" in k, "pears" in k)
print(sorted(it & {("plums", 12), ("figs", 1)}))
kv = roundtrip({"b": 1, "a": 2, "c": 3}.keys())
print(sorted(kv), len(kv))

# modules by reference
print(roundtrip(math) is math, roundtrip(sys) is sys, roundtrip(pickle) is pickle)
mods = roundtrip({"m": math, "again": [math]})
print(mods["m"] is mods["again"][0] is math, mods["m"].sqrt(16.0))
print(roundtrip(math.sqrt)(81.0), roundtrip(math.pi) == math.pi)


# cells: two closures over the same variable share one cell after loading
def make_account(balance):
    history = []

    def deposit(x):
        nonlocal balance
        balance += x
        history.append(("dep", x))
        return balance

    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError("insufficient funds")
        balance -= x
        history.append(("wd", x))
        return balance

    def report():
        return balance, list(history)

    return deposit, withdraw, report


dep, wd, rep = roundtrip(make_account(100))
dep(50)
wd(30)
print(rep())
try:
    wd(1000)
except ValueError as e:
    print("error", e, rep()[0])
print(dep.__closure__[0] is wd.__closure__[0] or dep.__closure__[1] is wd.__closure__[0]
      or dep.__closure__[0] is wd.__closure__[1])


def counter_cell():
    n = 0

    def bump():
        nonlocal n
        n += 1
        return n
    return bump


b = counter_cell()
b()
b()
cell = b.__closure__[0]
print("cell", cell.cell_contents)
c2 = roundtrip(cell)
print("cell copy", c2.cell_contents, type(c2).__name__)
pair = roundtrip((b, cell))
print(pair[0](), pair[1].cell_contents, pair[0].__closure__[0] is pair[1])

# the module's globals stay shared with functions and generators
COUNTER = [0]


def touch():
    COUNTER[0] += 1
    return COUNTER[0]


t = roundtrip(touch)
t()
t()
print("globals shared", COUNTER[0], t.__globals__ is globals())
