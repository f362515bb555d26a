import sys
import math
import helper_shapes
from helper_util import clamp, Square as Sq
from helper_shapes import *

print(helper_shapes.Circle(2).describe())
print(Sq(3).describe(), clamp(15, 0, 10), clamp(-3, 0, 10))
print(Circle(1).area(), PI)
print(helper_shapes.unit_square().describe())
print(len(sys.argv), sys.maxsize > 2 ** 31, math.floor(2.7))
try:
    helper_shapes.Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    from helper_util import nothing
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])
print(sys.getrecursionlimit())
print(__name__, helper_shapes.__name__)
