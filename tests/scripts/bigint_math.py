def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


f50 = factorial(50)
print(f50)
print(len(str(factorial(200))), factorial(30) // factorial(28), f50 % 1000007)
print(2 ** 256, (2 ** 256).bit_length(), -(2 ** 100) // 3, -(2 ** 100) % 3)
print(int("123456789012345678901234567890") * 3, 10 ** 40 + 1 - 10 ** 40)
print(pow(7, 10 ** 6, 1000000007), pow(2, 1000) % 999999937)
print(hex(2 ** 100), bin(2 ** 65), 2 ** 100 > 2 ** 99, (2 ** 64) == 18446744073709551616)
a = 12345678901234567890
b = 98765432109876543210
print(a * b, b // a, b % a, divmod(b, a), a ^ b, a & b, a | b, -a >> 3, a << 10)
print(abs(-a), -(-a), a + 0.5, float(a), a / 10 ** 10, int(1e20), round(a, -5))
print(hash(2 ** 70) == hash(2 ** 70), 2 ** 63 - 1, -(2 ** 63), 2 ** 63 * 2)
print(sum(range(10 ** 6)), max(2 ** 80, 3 ** 50), sorted([2 ** 70, 5, -(2 ** 70)]))
fib = [0, 1]
for _ in range(150):
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[100] % 97)
print(f"{2 ** 80:,}", f"{2 ** 70:x}", str(-(10 ** 25)), repr(10 ** 19))
