def table(rows, headers):
    widths = [max(len(str(r[i])) for r in rows + [headers]) for i in range(len(headers))]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line, "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |", line]
    for r in rows:
        cells = []
        for v, w in zip(r, widths):
            cells.append(str(v).rjust(w) if isinstance(v, (int, float)) else str(v).ljust(w))
        out.append("| " + " | ".join(cells) + " |")
    out.append(line)
    return "\n".join(out)


print(table([("apple", 3, 1.25), ("kiwi", 12, 0.5), ("watermelon", 1, 4.0)], ["fruit", "qty", "price"]))
parts = []
for i in range(5):
    parts.append(f"[{i}]" * (i % 3))
print("|".join(parts), len("".join(parts)))
s = ""
for ch in "abcde":
    s = ch + s + ch
print(s, s.count("a"), s[len(s) // 2])
words = "a quick movement of the enemy will jeopardize six gunboats".split()
lines, cur = [], ""
for w in words:
    if len(cur) + len(w) + 1 > 16:
        lines.append(cur)
        cur = w
    else:
        cur = f"{cur} {w}" if cur else w
lines.append(cur)
print("\n".join(f"{l:^16}|" for l in lines))
print("=" * 20, "-".join(str(n) for n in range(5)), "".join(map(chr, range(65, 70))))
