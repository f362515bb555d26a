# Deep and wide object graphs: the pickle is a flat table, so nesting depth
# does not matter; sharing and cycles across many objects survive.
from helper_pk import roundtrip

# a linked list thousands of nodes deep
head = None
for i in range(3000):
    head = (i, head)
back = roundtrip(head)
n = 0
node = back
while node is not None:
    n += 1
    last = node[0]
    node = node[1]
print("linked", n, back[0], last)

# deeply nested lists
deep = []
cur = deep
for i in range(2000):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
d2 = roundtrip(deep)
depth = 0
cur = d2
while len(cur) > 0 and isinstance(cur[-1], list):
    cur = cur[-1]
    depth += 1
print("nested", depth, cur)

# a graph with shared nodes and cycles
class Vertex:
    def __init__(self, name):
        self.name = name
        self.edges = []


vs = [Vertex(f"v{i}") for i in range(50)]
for i, v in enumerate(vs):
    v.edges.append(vs[(i + 1) % 50])
    v.edges.append(vs[(i * 7) % 50])
g2 = roundtrip(vs)
print("ring", all(g2[i].edges[0] is g2[(i + 1) % 50] for i in range(50)))
print("chords", all(g2[i].edges[1] is g2[(i * 7) % 50] for i in range(50)))
walk = g2[1]
names = []
for _ in range(10):
    names.append(walk.name)
    walk = walk.edges[1]
print(names)

# wide containers
wide = {f"k{i}": [i, str(i), (i, i * i)] for i in range(2000)}
w2 = roundtrip(wide)
print("wide", len(w2), w2["k1999"], list(w2)[:3] == ["k0", "k1", "k2"])
big_set = roundtrip(set(range(0, 10000, 3)))
print("set", len(big_set), 9999 in big_set, 10 in big_set)

# strings and bytes repeated many times are written once and shared
s = "x" * 1000
many = roundtrip([s] * 100)
print("strings", len(many), all(m == s for m in many))

# mutual references between dicts and lists
a = {"name": "a"}
b = {"name": "b", "peer": a}
a["peer"] = b
a["list"] = [a, b]
a2 = roundtrip(a)
print(a2["peer"]["peer"] is a2, a2["list"][1] is a2["peer"], a2["list"][0] is a2)

# tuples inside cycles (through a list)
holder = []
t = (1, holder)
holder.append(t)
t2 = roundtrip(t)
print(t2[1][0] is t2, t2[0])
