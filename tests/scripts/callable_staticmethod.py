print(callable(staticmethod(len)), callable(classmethod(len)), callable(3))
print(staticmethod(len)([1, 2]))
