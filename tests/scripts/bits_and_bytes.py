def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c


print([popcount(n) for n in range(17)], popcount(2 ** 100 - 1))
print(bin(0b1011 << 3), 0xF0 >> 4, 0b1100 ^ 0b1010, ~0 & 0xFF, -1 >> 10, -16 >> 2)
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ | EXEC
print(flags, bool(flags & WRITE), bool(flags & EXEC), flags & ~READ)
data = bytes(range(0, 256, 37))
print(data, len(data), data[1], data[-1], data[1:3], list(data[:3]), data.hex())
print(b"abc" + b"def", b"ab" * 3, b"a" in b"cat", b"hello"[::-1], b"x".decode(), bytes("hé", "utf-8"))
checksum = 0
for b in b"The quick brown fox":
    checksum = (checksum * 31 + b) % 65521
print(checksum)


def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = ""
    neg = n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, base)
        out = digits[r] + out
    return "-" * neg + out


print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-42, 7), int(to_base(12345, 36), 36))
print(int.from_bytes(b"\x01\x00", "big") if hasattr(int, "from_bytes") else 256, (1024).bit_length())
