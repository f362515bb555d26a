# More generator shapes: generator expressions, generators as methods,
# generators holding other generators, send/throw protocols, and
# generators that finished or never started.
from helper_pk import roundtrip

squares = (n * n for n in range(10) if n % 2)
print(next(squares), next(squares))
print("genexpr", list(roundtrip(squares)))


class Tokenizer:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def tokens(self):
        word = ""
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            self.pos += 1
            if ch.isspace():
                if word:
                    yield word
                    word = ""
            else:
                word += ch
        if word:
            yield word


tk = Tokenizer("pickle a running tasklet now")
gen = tk.tokens()
print(next(gen), next(gen))
gen2, tk2 = roundtrip((gen, tk))
print("method gen", list(gen2), tk2.pos == len(tk2.text))


def pipeline(source):
    evens = (x for x in source if x % 2 == 0)
    doubled = (x * 2 for x in evens)
    for v in doubled:
        yield v


p = pipeline(iter(range(20)))
print([next(p) for _ in range(3)])
print("chained", list(roundtrip(p)))


def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return count
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)
avg.send(10)
avg.send(20)
a2 = roundtrip(avg)
print("send", a2.send(60))
try:
    a2.send(None)
except StopIteration as stop:
    print("returned", stop.value)


def unstarted(x):
    yield x
    yield x + 1


u = roundtrip(unstarted(41))
print("unstarted", list(u))


def finished():
    yield 1


f = finished()
list(f)
f2 = roundtrip(f)
print("finished", list(f2), next(f2, "default"))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


fg = fib()
for _ in range(50):
    next(fg)
fg2 = roundtrip(fg)
print("big ints", next(fg2), next(fg2))


def gen_with_default_args(items, sep=", ", *, upper=False):
    for i, item in enumerate(items):
        text = item.upper() if upper else item
        yield (sep if i else "") + text


g = gen_with_default_args(["a", "b", "c", "d"], upper=True)
next(g)
print("args", "".join(roundtrip(g)))

gens = [unstarted(i) for i in range(3)]
for gg in gens[:2]:
    next(gg)
copies = roundtrip(gens)
print("many", [list(c) for c in copies])


def zip_two():
    left = (c for c in "abc")
    right = iter([1, 2, 3])
    yield from zip(left, right)


z = zip_two()
next(z)
print("zip of gens", list(roundtrip(z)))
