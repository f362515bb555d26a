class Parser:
    def __init__(self, text):
        self.toks = self.lex(text)
        self.pos = 0

    @staticmethod
    def lex(text):
        out, num = [], ""
        for ch in text:
            if ch.isdigit() or ch == ".":
                num += ch
                continue
            if num:
                out.append(float(num) if "." in num else int(num))
                num = ""
            if ch in "+-*/()^":
                out.append(ch)
            elif not ch.isspace():
                raise ValueError(f"unexpected {ch!r}")
        if num:
            out.append(float(num) if "." in num else int(num))
        return out

    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def expr(self):
        v = self.term()
        while self.peek() in ("+", "-"):
            v = v + self.term() if self.take() == "+" else v - self.term()
        return v

    def term(self):
        v = self.factor()
        while self.peek() in ("*", "/"):
            if self.take() == "*":
                v *= self.factor()
            else:
                d = self.factor()
                if d == 0:
                    raise ZeroDivisionError("division by zero in expression")
                v /= d
        return v

    def factor(self):
        base = self.unary()
        if self.peek() == "^":
            self.take()
            return base ** self.factor()
        return base

    def unary(self):
        if self.peek() == "-":
            self.take()
            return -self.unary()
        tok = self.take()
        if tok == "(":
            v = self.expr()
            if self.take() != ")":
                raise SyntaxError("missing )")
            return v
        if isinstance(tok, (int, float)):
            return tok
        raise SyntaxError(f"unexpected token {tok!r}")


for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10 / 4", "2 * (3 + (4 - 1)) / 3", "1.5 * 4", "7 / 0", "(1 + 2", "3 $ 4"]:
    try:
        print(f"{src:<24} = {Parser(src).expr()}")
    except (SyntaxError, ZeroDivisionError, ValueError) as e:
        print(f"{src:<24} ! {type(e).__name__}: {e}")
