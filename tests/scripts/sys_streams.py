import sys
print("to stdout")
print("to stderr", 42, file=sys.stderr)
sys.stdout.write("written\n")
n = sys.stderr.write("err line\n")
print(n, sys.stdout)
print("x", file=sys.stdout, end="!\n")
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collector()
print("a", "b", sep="-", file=c)
print(c.parts)
