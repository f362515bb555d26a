import math
data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(sorted(set(data)), data.count(5), sorted(data, key=lambda x: (-x, x))[:3])
print(f"{math.pi:.10f}", f"{math.e:e}", round(math.sqrt(10), 5), math.floor(7 / 2), 7 // 2 * 2)
text = "The rain in Spain stays mainly in the plain"
print(text.lower().count("ain"), [w for w in text.split() if "ain" in w], text.index("Spain"))
print(max(text.split(), key=len), sorted(text.split(), key=str.lower)[:4])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], sum(map(sum, matrix)), [sum(c) for c in zip(*matrix)])
d = {}
for word in text.lower().split():
    d.setdefault(len(word), set()).add(word)
print({k: sorted(v) for k, v in sorted(d.items())})
from_keys = dict.fromkeys(range(3))
print(from_keys, list(from_keys.items()))
nums = list(range(1, 11))
print(nums[::3], nums[-1:-4:-1], nums[100:], list(reversed(nums[:3])))
s = "abcdefghij"
print(s[2:8:2], s[::-1][::2], s[-3:], s[:-3], s[::0] if False else "")
evens = list(filter(lambda n: n % 2 == 0, nums))
squares = list(map(lambda n: n ** 2, evens))
print(evens, squares, sum(squares) / len(squares))
print(all(n > 0 for n in nums), any(n > 9 for n in nums), min(nums, key=lambda n: abs(n - 5.5)))
pairs = [(x, y) for x in range(3) for y in range(3) if x < y]
print(pairs, len(pairs), dict(pairs))
stack = []
for ch in "({[]})":
    if ch in "({[":
        stack.append(ch)
    else:
        stack.pop()
print("balanced" if not stack else "unbalanced")
print("%s is %d years and %.1f%% done" % ("Ann", 30, 45.678))
print("{:>10}|{:^10}|{:<10}|".format(1.5, True, "x"))
print(str(None), str([None]), repr(True), int(True), float(False), bool("False"))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, abs(-0.0), -0.0 == 0.0)
x = y = z = 0
x += 1
print(x, y, z)
a = [1, 2, 3]
b = a[:]
b.append(4)
print(a, b, a == b[:3])
print(type(1) == int, type(1.0) is float, type("") in (str, bytes), type([]).__name__)
i = 0
while i < 10:
    i += 3
print(i)
print(list(range(0)), list(range(-3)), list(range(2, -2, -1)), range(3) == range(0, 3))
print(len("tab\tnew\nline"), "a\\b", r"raw\n", 'single "double"', "esc \"q\"")
print(chr(9731), "\u2603", "\N{SNOWMAN}" if False else "", len("\u2603"))
print(1_000, 0x_ff if False else 255, 1e3, 1E-3, 2.5e+2, .5, 5.)
