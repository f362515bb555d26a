class A:
    def __init__(self, **kw):
        self.__dict__.update(kw)
        self.__dict__["z"] = 0
a = A(x=1, y=2)
print(a.x, a.y, a.z, a.__dict__, vars(a) is a.__dict__)
del a.__dict__["z"]
print(hasattr(a, "z"), sorted(vars(a)))
