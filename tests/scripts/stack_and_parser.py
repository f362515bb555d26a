import sys
class Stack:
    """A stack."""
    def __init__(self): self._items = []
    def push(self, x): self._items.append(x); return self
    def pop(self):
        if not self._items: raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self): return len(self._items)
    def __bool__(self): return bool(self._items)
    def __iter__(self): return reversed(self._items)
    def __repr__(self): return f"Stack({self._items!r})"
    def __contains__(self, x): return x in self._items
    def __eq__(self, o): return isinstance(o, Stack) and self._items == o._items
    __hash__ = None
s = Stack().push(1).push(2).push(3)
print(s, len(s), list(s), 2 in s, bool(Stack()), Stack.__doc__, s == Stack().push(1).push(2).push(3))
try: hash(s)
except TypeError as e: print(e)
def tokens(text):
    num = ""
    for ch in text:
        if ch.isdigit(): num += ch
        else:
            if num: yield int(num); num = ""
            if ch in "+-*/()": yield ch
    if num: yield int(num)
def evaluate(toks):
    toks = list(toks); pos = 0
    def peek(): return toks[pos] if pos < len(toks) else None
    def take():
        nonlocal pos; pos += 1; return toks[pos-1]
    def expr():
        v = term()
        while peek() in ("+", "-"):
            v = v + term() if take() == "+" else v - term()
        return v
    def term():
        v = atom()
        while peek() in ("*", "/"):
            v = v * atom() if take() == "*" else v / atom()
        return v
    def atom():
        t = take()
        if t == "(":
            v = expr(); take(); return v
        return t
    return expr()
print(evaluate(tokens("2*(3+4) - 10/4")))
print(sorted(["b", "A", "c"], key=str.lower), list(map(str.upper, "ab")), "-".join(sorted(set("hello"))))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [[x * 2 for x in row] for row in matrix], sum(map(sum, matrix)))
print({k: v for k, v in sorted({"b": 2, "a": 1}.items())}, {x % 3 for x in range(10)})
print(f"{3.14159:.2f} {42:5d} {'x':*^7} {1e10:g} {0.000123:e} {255:#x} {1234.5:,.1f} {-0.0} {float('inf')}")
w = {"apple": 3, "fig": 1}
print(max(w, key=w.get), min(w.values()), list(w.keys()), w.get("kiwi", 0), w.pop("fig"), w)
print(str(12345)[::-1], "abc".center(9, "."), "a,b,,c".split(","), " x y ".split(), "AbC".swapcase(), "x".zfill(3), "hello world".title())
print(sys.version_info[0], sys.maxsize > 2**31, type(sys.argv))
