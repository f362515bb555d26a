class Expr:
    def __add__(self, other):
        return Add(self, wrap(other))

    def __radd__(self, other):
        return Add(wrap(other), self)

    def __mul__(self, other):
        return Mul(self, wrap(other))

    def __rmul__(self, other):
        return Mul(wrap(other), self)


def wrap(x):
    return x if isinstance(x, Expr) else Num(x)


class Num(Expr):
    def __init__(self, v):
        self.v = v

    def eval(self, env):
        return self.v

    def __str__(self):
        return str(self.v)


class Var(Expr):
    def __init__(self, name):
        self.name = name

    def eval(self, env):
        return env[self.name]

    def __str__(self):
        return self.name


class Add(Expr):
    def __init__(self, a, b):
        self.a, self.b = a, b

    def eval(self, env):
        return self.a.eval(env) + self.b.eval(env)

    def __str__(self):
        return f"({self.a} + {self.b})"


class Mul(Add):
    def eval(self, env):
        return self.a.eval(env) * self.b.eval(env)

    def __str__(self):
        return f"{self.a} * {self.b}"


x, y = Var("x"), Var("y")
e = 3 * x + y * 2 + 1
print(e, e.eval({"x": 2, "y": 5}), isinstance(e, Add), type(e).__name__)
exprs = [x + 1, 2 * y, x * y + x, 10 + x * (y + 1)]
for ex in exprs:
    print(f"{str(ex):<20} = {ex.eval({'x': 3, 'y': 4})}")
