# stackless.atomic() nests: each block restores the flag it found.
import stackless

cur = stackless.getcurrent()
print(cur.atomic)
with stackless.atomic():
    print(cur.atomic)
    with stackless.atomic():
        print(cur.atomic)
    print(cur.atomic)
print(cur.atomic)
try:
    with stackless.atomic():
        raise KeyError("inside")
except KeyError:
    print("after exception", cur.atomic)
