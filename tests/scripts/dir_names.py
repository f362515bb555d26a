import math
class A:
    x = 1
    def f(self): pass
class B(A):
    y = 2
    def __init__(self): self.z = 3
b = B()
print([n for n in dir(b) if not n.startswith("_")])
print([n for n in dir(B) if not n.startswith("_")])
print("sqrt" in dir(math), "pi" in dir(math))
class C:
    def __dir__(self): return ["b", "a"]
print(dir(C()))
def g(p, q=2):
    r = 1
    print(dir())
g(1)
print([n for n in dir() if not n.startswith("__")])
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
