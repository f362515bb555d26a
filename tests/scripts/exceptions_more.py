class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(what)
        self.what = what

    def __str__(self):
        return f"{self.what} not found"


def lookup(db, key):
    if key not in db:
        raise NotFound(key)
    return db[key]


db = {"x": 1}
for k in ["x", "y"]:
    try:
        print(lookup(db, k))
    except AppError as e:
        print("app error:", e, isinstance(e, NotFound), e.args)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer")
except TypeError as e:
    print(e, type(e.__context__).__name__, e.__context__)


def cleanup_order():
    log = []
    try:
        try:
            log.append("try")
            raise KeyError("k")
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("caught")
    finally:
        log.append("outer finally")
    return log


print(cleanup_order())


def reraise():
    try:
        int("x")
    except ValueError:
        print("logging and re-raising")
        raise


try:
    reraise()
except ValueError as e:
    print("got", e)


def swallow():
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError
        finally:
            if i == 1:
                print("finally swallows via continue")
                continue
        print("iteration", i)


swallow()
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(NotFound, Exception))
e = ValueError("a", 1)
print(e.args, str(e), repr(e), repr(ValueError()), str(KeyError("k")), repr(KeyError("k")))
try:
    raise StopIteration
except Exception as ex:
    print(type(ex).__name__, repr(ex))
errors = []
for val in ["1", "x", None, "3"]:
    try:
        errors.append(int(val))
    except (ValueError, TypeError) as ex:
        errors.append(type(ex).__name__)
print(errors)
try:
    raise Exception("multi", "args")
except Exception as ex:
    print(ex)
