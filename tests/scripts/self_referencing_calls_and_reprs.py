# A slice holding a list that holds it prints with [...], and a __call__
# that is its own instance ends in RecursionError instead of overflowing
# the Rust stack.
l = []
s = slice(l)
l.append(s)
print(s)
print(l)

class A:
    pass

a = A()
A.__call__ = a
try:
    a()
except RecursionError as e:
    print("RecursionError", e)

class B:
    def m(self):
        pass

b = B()
b.m2 = b.m
