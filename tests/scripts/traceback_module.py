# The traceback module: format_exc, format_exception (chained), format_exception_only,
# and sys.exc_info inside and outside handlers.
import sys
import traceback

def inner():
    raise ValueError("bad value")

def outer():
    try:
        inner()
    except ValueError as e:
        raise KeyError("wrapped") from e

try:
    outer()
except Exception:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
    text = traceback.format_exc()
    print(text.replace(__file__, "FILE"))
    print(traceback.format_exception_only(*sys.exc_info()[:2]))
print(sys.exc_info())
try:
    1 / 0
except ZeroDivisionError as e:
    lines = traceback.format_exception(type(e), e, e.__traceback__)
    print(len(lines), lines[-1], end="")
