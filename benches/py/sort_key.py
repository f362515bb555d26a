def make(n):
    out = []
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append((x % 1000, "item%d" % i))
    return out


data = make(50000)
by_key = sorted(data, key=lambda p: p[0])
print(by_key[0][0], by_key[-1][0], len(by_key))
by_name = sorted(data, key=lambda p: p[1], reverse=True)
print(by_name[0][1], by_name[-1][1])
