s = "  Hello, World!  "
print(repr(s.strip()), s.lstrip(), s.rstrip() + "|")
t = "the quick brown fox"
print(t.split(), t.split("o"), t.split(" ", 1), t.rsplit(" ", 1))
print("-".join(["a", "b", "c"]), t.upper(), t.title(), t.capitalize())
print(t.find("quick"), t.find("zzz"), t.index("brown"), t.count("o"), t.rfind("o"))
print(t.startswith("the"), t.endswith(("fox", "dog")), t.replace("o", "0"))
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace(), "ABC".isupper())
print("42".zfill(5), "-42".zfill(5), "ab".center(6, "*"), "ab".ljust(4) + "|", "ab".rjust(4))
print("key=value=x".partition("="), "a,b,c".rpartition(","))
print("line1\nline2\r\nline3".splitlines())
print("{} and {}".format(1, 2), "{1}{0}".format("a", "b"), "{name}!".format(name="Bob"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:.3f}".format(3.14159))
print(t[::-1], t[4:9], t[-3:], t[::3], len(t))
print("ab" * 3, "a" < "b", "abc" in "xabcx", "é".upper(), len("héllo"))
print(repr("it's"), repr('say "hi"'), repr("tab\there\n"), str(123) + "4")
print(ord("A"), chr(97), "x".join("abc"), "Hello".swapcase())
print("a-b_c".replace("-", " ").replace("_", " ").title())
words = "apple banana cherry apple banana apple".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: -kv[1]))
print(f"{'x':*^9}", f"{'abc'!r}", f"{10:#x}", f"{3.0}", f"{1e20}", f"{2/3:.4}")
name = "World"
width = 10
print(f"Hello {name:>{width}}!", f"{name=}")
print("%s has %d items costing %.2f" % ("cart", 3, 9.5))
print(b"abc", b"abc"[0], list(b"hi"), "héllo".encode(), b"xyz".decode())
