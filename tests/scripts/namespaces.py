x = 5
def f(a, b=2):
    c = a + b
    def g():
        return c
    return sorted(locals().items(), key=lambda kv: kv[0]) if False else sorted(locals())
print(f(1))
print("x" in globals(), globals()["x"], sorted(k for k in locals() if not k.startswith("__")))
class P:
    def __init__(self):
        self.a = 1
        self.b = [2]
print(vars(P()))
globals()["y"] = 9
print(y)
