print(isinstance(list, type), isinstance(int, type), type(list), type(list) is type)
class A: pass
print(isinstance(A, type), isinstance(A(), type))
print(type(list).__mro__)
print(type(dict) is type, type(ValueError), type(type(None)), isinstance(range, type), type.__name__)
