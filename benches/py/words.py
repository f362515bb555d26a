TEXT = """the quick brown fox jumps over the lazy dog while the cat sleeps
and the dog dreams of the fox that jumped over it yesterday in the sun
a stitch in time saves nine but nine lives are not enough for the cat"""


def count_words(text, rounds):
    counts = {}
    for _ in range(rounds):
        for line in text.split("\n"):
            for word in line.split():
                w = word.strip(".,").lower()
                counts[w] = counts.get(w, 0) + 1
    return counts


counts = count_words(TEXT, 2000)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
print("-".join(["%s=%d" % (k, v) for k, v in top]))
