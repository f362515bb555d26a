def tokenize(s):
    return s.replace("(", " ( ").replace(")", " ) ").split()


def parse(tokens):
    tok = tokens.pop(0)
    if tok == "(":
        lst = []
        while tokens[0] != ")":
            lst.append(parse(tokens))
        tokens.pop(0)
        return lst
    try:
        return int(tok)
    except ValueError:
        return tok


class Env(dict):
    def __init__(self, params=(), args=(), outer=None):
        super().__init__()
        self.update(zip(params, args))
        self.outer = outer

    def find(self, var):
        if var in self:
            return self
        if self.outer is None:
            raise NameError(var)
        return self.outer.find(var)


def standard_env():
    env = Env()
    env.update({
        "+": lambda a, b: a + b,
        "-": lambda a, b: a - b,
        "*": lambda a, b: a * b,
        "<": lambda a, b: a < b,
        "=": lambda a, b: a == b,
        "list": lambda *x: list(x),
    })
    return env


def evaluate(x, env):
    if isinstance(x, str):
        return env.find(x)[x]
    if isinstance(x, int):
        return x
    op, *args = x
    if op == "if":
        test, conseq, alt = args
        return evaluate(conseq if evaluate(test, env) else alt, env)
    if op == "define":
        name, expr = args
        env[name] = evaluate(expr, env)
        return None
    if op == "lambda":
        params, body = args
        return lambda *vals: evaluate(body, Env(params, vals, env))
    proc = evaluate(op, env)
    return proc(*[evaluate(a, env) for a in args])


genv = standard_env()
programs = [
    "(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))",
    "(fact 10)",
    "(fact 25)",
    "(define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))",
    "(list (fib 10) (fib 15) (= 1 1))",
]
for p in programs:
    r = evaluate(parse(tokenize(p)), genv)
    if r is not None:
        print(r)
try:
    evaluate(parse(tokenize("(undefined 1)")), genv)
except NameError as e:
    print("NameError:", e)
