hierarchy = [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, AttributeError, NameError, RuntimeError, RecursionError, StopIteration, AssertionError, NotImplementedError, OverflowError, ImportError, ModuleNotFoundError, UnboundLocalError]
for cls in hierarchy:
    chain = [c.__name__ for c in cls.__mro__]
    print(f"{cls.__name__:<20} {' > '.join(chain[1:])}")
print(issubclass(UnboundLocalError, NameError), issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError))
print(isinstance(KeyError("x"), LookupError), isinstance(StopIteration(), Exception), issubclass(GeneratorExit, Exception))
caught = []
for exc in [KeyError("a"), IndexError("b"), ZeroDivisionError("c"), OSError("d")]:
    try:
        raise exc
    except LookupError as e:
        caught.append(("lookup", type(e).__name__))
    except ArithmeticError as e:
        caught.append(("arith", str(e)))
    except Exception as e:
        caught.append(("other", repr(e)))
print(caught)
try:
    raise BaseException("base")
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught:", e)
