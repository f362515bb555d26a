# stackless.pickle_flags and pickle_flags_default. Expected output from the
# Stackless reference build, except the constants' values and the
# PICKLEFLAGS_PICKLE_CONTEXT bit (Stackless 3.8), which follow the Stackless
# documentation (stackless.rst: bit 0, bit 1, bit 2; bit 3 since 3.8).
import stackless

names = ["PICKLEFLAGS_PRESERVE_TRACING_STATE", "PICKLEFLAGS_PRESERVE_AG_FINALIZER",
         "PICKLEFLAGS_RESET_AG_FINALIZER", "PICKLEFLAGS_PICKLE_CONTEXT"]
for n in names:
    print(n, getattr(stackless, n, "missing"))

TRACING, PRESERVE_AG, RESET_AG = 1, 2, 4

print("initial", stackless.pickle_flags_default(), stackless.pickle_flags())
print("set", stackless.pickle_flags(PRESERVE_AG), stackless.pickle_flags())
print("or in", stackless.pickle_flags(RESET_AG, RESET_AG), stackless.pickle_flags())
print("clear bit", stackless.pickle_flags(0, PRESERVE_AG), stackless.pickle_flags())
print("mask 0 keeps", stackless.pickle_flags(TRACING, 0), stackless.pickle_flags())
print("query", stackless.pickle_flags(-1), stackless.pickle_flags(-1, -1))
print("keywords", stackless.pickle_flags(new_flags=TRACING | RESET_AG, mask=TRACING),
      stackless.pickle_flags())
print("reset", stackless.pickle_flags(0), stackless.pickle_flags())

# the default is separate from the current flags
print("default", stackless.pickle_flags_default(TRACING), stackless.pickle_flags_default(),
      stackless.pickle_flags())
print("default mask", stackless.pickle_flags_default(PRESERVE_AG, PRESERVE_AG),
      stackless.pickle_flags_default())
print("default reset", stackless.pickle_flags_default(0), stackless.pickle_flags_default())

for bad in (16, 32, 1 << 20, -2):
    try:
        stackless.pickle_flags(bad)
        print(bad, "accepted?")
    except ValueError as e:
        print(bad, "ValueError:", e)
    try:
        stackless.pickle_flags_default(bad)
        print(bad, "default accepted?")
    except ValueError as e:
        print(bad, "default ValueError:", e)

# undefined bits outside the mask are ignored
print("masked away", stackless.pickle_flags(16 | RESET_AG, 7), stackless.pickle_flags())
stackless.pickle_flags(0)


# flags are per thread state, seen by every tasklet
def reader(out):
    out.append(stackless.pickle_flags())


out = []
stackless.pickle_flags(PRESERVE_AG)
stackless.tasklet(reader)(out)
stackless.run()
print("tasklet sees", out)
stackless.pickle_flags(0)
print("final", stackless.pickle_flags(), stackless.pickle_flags_default())

# bit 3, PICKLEFLAGS_PICKLE_CONTEXT, is defined since Stackless 3.8
print("context bit", stackless.pickle_flags(8), stackless.pickle_flags(), stackless.pickle_flags(0))
