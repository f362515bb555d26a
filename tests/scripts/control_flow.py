def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            print("found at", i)
            break
    else:
        print("not found")


find([1, 2, 3], 2)
find([1, 2, 3], 9)
n = 0
while n < 3:
    n += 1
else:
    print("while done", n)
while True:
    n -= 1
    if n == 1:
        continue
    if n < 0:
        break
    print("n", n)
try:
    x = 1
except Exception:
    print("no")
else:
    print("else ran", x)
finally:
    print("finally ran")
values = [3, 8, 1, 9]
if (m := max(values)) > 5:
    print("big max", m)
data = [y for v in values if (y := v * 2) > 5]
print(data, y)
a, b, c = 1, 5, 10
print(a < b < c, a < b > c, 1 == 1.0 != 2, a is not None, not a)
print(1 if a else 2, "yes" if not b else "no", [i for i in range(10) if i % 3 == 0])
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
x <<= 2
x |= 1
x ^= 3
x &= 0xFF
x >>= 1
print(x)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
lst += [2, 3]
lst *= 2
print(lst)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print(i, j)
print(any([]), all([]), bool(0), bool(""), bool([0]), bool(None), None or "default", 0 and 1, 3 and 4, "" or 0)
count = 0
while count < 10:
    count += 1
    if count % 2:
        continue
    if count > 6:
        break
print("count", count)
del lst[0]
print(lst)
