class S:
    def __str__(self): return "S-str"
    def __repr__(self): return "S-repr"
class X:
    def __int__(self): return 7
    def __index__(self): return 8
    def __float__(self): return 2.5
class Y:
    def __int__(self): return 7
print("%s" % S(), "%s and %s" % (S(), 1), "%r" % (S(),), "%(k)s|%(k)r" % {"k": S()})
print("%-8s|%8r|%.3s" % (S(), S(), S()))
print('%d %i %x %o %f %e %c %5.1f%%' % (X(), X(), X(), X(), X(), X(), 65, X()))
print('%d' % Y())
for f, a in [('%x', Y()), ('%f', S()), ('%c', S()), ('%y', S()), ('%s %s', (S(),)), ('%s', (S(), 1))]:
    try:
        print(f % a)
    except Exception as e:
        print(type(e).__name__, e)
print('%*d|%-*d|%.*f|%*s' % (5, 42, -4, 3, 2, 3.14159, 6, S()))
print('%*d|%-*d|%.*f' % (5, 42, -4, 3, 2, 3.14159))
print("100%% %s" % [S()], "%s" % ({1: S()},), "%s" % ((S(),),))
print("a * b = %s" % S())
class E(Exception):
    def __str__(self): return "E!"
print("%s / %r" % (E("x"), E("y")))
import enum
class Color(enum.Enum):
    RED = 1
print("%s %r" % (Color.RED, Color.RED))
