# Instances loaded from a pickle are finalized like those made by calling
# their class: __del__ runs when they are collected.
import gc, pickle
class A:
    def __del__(self): print("del A")
    def __reduce_ex__(self, p):
        import copyreg
        return (copyreg.__newobj__, (A,), {})
class B:
    def __init__(self): self.x = 1
    def __del__(self): print("del B", self.x)
a = pickle.loads(pickle.dumps(A()))
gc.collect()
print("---")
del a
gc.collect()
print("---")
b = pickle.loads(pickle.dumps(B()))
gc.collect()
print("--- loaded B")
del b
gc.collect()
print("end")
