# Float repr picks the nearest shortest digits (ties to even) and int / int
# is rounded once from the exact quotient, as CPython does.
import random
random.seed(7)
bad = 0
out = []
for i in range(1500):
    a = random.random() * 10 ** random.randint(-30, 30)
    b = random.randint(1, 10 ** 6)
    x = random.randint(-10 ** 40, 10 ** 40)
    y = random.randint(1, 10 ** random.randint(1, 30))
    out.append(repr(a * b) + " " + repr(a / b) + " " + repr(x / y))
print("\n".join(out))
print(5084148483.265132 * 368327, (-949766178175348698276098235128) / 98152, 10**400 // 3 / 10**399)
