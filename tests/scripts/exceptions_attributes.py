import sys
try:
    sys.exit(3)
except SystemExit as e:
    print(e.code, e.args)
try:
    raise SystemExit("msg")
except SystemExit as e:
    print(e.code)
try:
    raise SystemExit
except SystemExit as e:
    print(e.code)
try:
    1/0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, tb.tb_lineno if tb else None)
print(sys.exc_info())
e = ImportError("no mod", name="m")
print(e.name, e.msg, str(e))
o = OSError(2, "No such file")
print(o.errno, o.strerror, str(o))
print(FileNotFoundError(2, "nf").errno)
o3 = OSError(2, "No such file", "data.txt")
print(o3.filename, str(o3))
print(OSError("plain").errno, str(OSError("plain")))
print((5).bit_count(), (-7).bit_count(), (0).bit_count())
