# sys._getframe() and frame objects: code, line, globals, locals, the frame below.
import sys


def inner(a):
    f = sys._getframe()
    print(f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_lineno, sorted(f.f_back.f_locals))
    print(sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name, sys._getframe(2).f_back)


def outer():
    b = 2
    inner(5)


outer()
c = outer.__code__
print(c.co_name, c.co_firstlineno, c.co_argcount, c.co_varnames, c.co_nlocals, c.co_filename == __file__)
print(sys._getframe().f_code.co_name, sys._getframe().f_globals is globals())
try:
    sys._getframe(5)
except ValueError as e:
    print(e)
