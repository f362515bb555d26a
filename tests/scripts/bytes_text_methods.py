b = b"  Hello World\r\nsecond line\nthird  "
print(b.split(), b.split(b" "), b.split(maxsplit=1), b.rsplit(None, 1), b.rsplit(b"l", 2))
print(b.strip(), b.lstrip(), b.rstrip(), b"xxhixx".strip(b"x"), b"--a--".lstrip(b"-"))
print(b", ".join([b"a", b"b", b"c"]), b"".join([]), b"-".join((b"x",)))
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"z"), b"abc".rpartition(b"z"))
print(b.splitlines(), b.splitlines(True), b"a\rb\n".splitlines(keepends=True))
print(b"MiXed 1".upper(), b"MiXed 1".lower())
print(b"123".isdigit(), b"".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b" \t".isspace(), b"AB1".isupper(), b"ab1".islower(), b"123".isupper())
print(bytes.fromhex("de ad BE EF"), bytes.fromhex(""))
for bad in [lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("abc"), lambda: b",".join([b"a", "s"]), lambda: b"a".split(b"")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(b"a,b,,c".split(b","), b"a,b,,c".split(b",", 1), b",a,".rsplit(b","))
