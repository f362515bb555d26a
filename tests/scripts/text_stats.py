TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""

lines = TEXT.splitlines()
words = [w.strip(",.").lower() for w in TEXT.split()]
print(len(lines), len(words), len(set(words)), len(TEXT))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, n in top:
    print(f"{word:<8}{n:>3} {'#' * n}")
lengths = [len(w) for w in words]
print(max(lengths), min(lengths), round(sum(lengths) / len(lengths), 3))
longest = max(words, key=len)
print(longest, sorted({w for w in words if len(w) > 6}))
caps = [w for w in TEXT.replace(",", " ").replace(".", " ").split() if w[0].isupper()]
print(caps)
vowels = sum(1 for ch in TEXT.lower() if ch in "aeiou")
print(vowels, TEXT.count("was"), TEXT.find("age"), TEXT.upper()[:20])
by_len = {}
for w in sorted(set(words)):
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, by_len[k])
print(" ".join(w[::-1] for w in lines[0].split()[:4]))
print([line[:10].center(14, ".") for line in lines])
