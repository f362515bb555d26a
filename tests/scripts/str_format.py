vals = [0, 1, -1, 3.14159, -2.5, 1e10, 1.23e-5, 255, 1000000, 2 ** 70]
for v in vals:
    print(f"{v!r:>12} | {v:10} | {str(v):<14}|")
for v in [3.14159, -2.5, 1e10, 1.23e-5, 0.0, 100.0]:
    print(f"{v:.2f} {v:.3e} {v:g} {v:10.4f} {v:+.1f} {v:.0f}")
for v in [0, 255, -255, 65535]:
    print(f"{v:d} {v:x} {v:X} {v:o} {v:b} {v:#x} {v:#o} {v:08b} {v:+d} {v: d}")
print(f"{1234567.891:,.2f} {1234567:_} {0.25:.1%} {42:*^10} {'s':>3}{'t':<3}|")
print("{:<10}|{:>10}|{:^10}|".format("left", "right", "mid"))
print("{0:.2f} {1:.3f} {0:.1f}".format(1.23456, 7.891))
print("{a}-{b}-{a}".format(a=1, b=2), "{}{{literal}}".format("x"))
print("%5.1f|%-8s|%08.3f|%+d|%x|%o|%e|%g|%%" % (3.14159, "hi", 2.5, 5, 255, 8, 12345.678, 0.0001))
print("%s %r %a" % ("str", "repr", "ascii"), "%(missing)s" if False else "ok")
print(repr(0.1), repr(1 / 3), repr(2.0), repr(1e22), repr(1e-7), repr(123456789012345678.0), repr(-0.0))
print(str(1.0), str(100.0), str(1e100), 1e15, 1e16, 0.00001, 0.0001)
print(format(3.14159, ".2f"), format(42, "b"), format("x", ">5"), format(1234, ","))
table = [("alice", 93.5, 3), ("bob", 8.25, 12), ("carol", 100.0, 1)]
print(f"{'name':<8}{'score':>8}{'rank':>6}")
for name, score, rank in table:
    print(f"{name:<8}{score:>8.2f}{rank:>6d}")
print(f"{'nested ' + str(len(table))}", f"{table[0][0].upper()}", f"{{braces}}", f"{3 + 4 = }")
w, p = 12, 3
print(f"{3.14159265:{w}.{p}f}|", f"{'x':{'<'}{w}}|")
print(str(True), str(None), repr([1, "a", None, 2.0]), str((1,)), repr(()), str({"k": [1, (2,)]}))
print("%(name)s is %(age)d, %(name)s!" % {"name": "Ann", "age": 30})
print("%s" % {"a": 1}, "%d%%" % 5, "%-8s|" % "x")
try:
    "%(missing)s" % {}
except KeyError as e:
    print("KeyError", e)
