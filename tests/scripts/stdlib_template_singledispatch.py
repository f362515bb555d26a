from string import Template
t = Template("Hello $name, you owe $$${amount}. ${name}!")
print(t.substitute(name="Ann", amount=5), t.substitute({"name": "Bo", "amount": 1}))
print(Template("$who likes $what").safe_substitute(who="tim"))
try:
    Template("$who likes $what").substitute(who="tim")
except KeyError as e:
    print("KeyError", e)
try:
    Template("bad $ here").substitute()
except ValueError as e:
    print("ValueError", e)
from functools import singledispatch
@singledispatch
def show(x):
    return "object " + repr(x)
@show.register(int)
def _(x):
    return "int " + str(x)
@show.register(list)
def _(x):
    return "list of " + str(len(x))
@show.register(str)
def _(x):
    return "str " + x
print(show(1), show(True), show([1, 2]), show("s"), show(1.5), show.dispatch(bool).__name__ if hasattr(show.dispatch(bool), "__name__") else "")
