def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)


msg = "Hello, World! The Quick Brown Fox."
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3) == msg)


def vigenere(text, key, sign=1):
    out, k = [], 0
    for ch in text:
        if ch.isalpha():
            shift = ord(key[k % len(key)].lower()) - ord("a")
            out.append(caesar(ch, sign * shift))
            k += 1
        else:
            out.append(ch)
    return "".join(out)


v = vigenere("attack at dawn", "lemon")
print(v, vigenere(v, "lemon", -1))


def rle(s):
    if not s:
        return []
    out = [[s[0], 1]]
    for ch in s[1:]:
        if ch == out[-1][0]:
            out[-1][1] += 1
        else:
            out.append([ch, 1])
    return "".join(f"{n}{c}" for c, n in out)


print(rle("aaabccddddde"), rle(""), rle("x"))
anagrams = {}
for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    anagrams.setdefault("".join(sorted(w)), []).append(w)
print(sorted(v for v in anagrams.values() if len(v) > 1))
print([w for w in ["level", "hello", "noon", "abcba", "ab"] if w == w[::-1]])
binary = " ".join(format(ord(c), "08b") for c in "Hi!")
print(binary, "".join(chr(int(b, 2)) for b in binary.split()))
t = str.maketrans("abc", "xyz", "!")
print("aabbcc!!".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}), "abc".maketrans({"a": "1"}))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2], "little"))
