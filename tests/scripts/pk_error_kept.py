# A pickling that fails in a reducer, its exception (and so its traceback,
# down to the pickler's own frames) kept by the program, which runs on:
# the program can still be checkpointed anywhere after it.
import pickle


class Bad:
    def __reduce__(self):
        raise ValueError("no pickling for Bad")


kept = []
for attempt in range(3):
    try:
        pickle.dumps([attempt, Bad()])
    except ValueError as e:
        kept.append(e)
print([str(e) for e in kept], all(e.__traceback__ is not None for e in kept))
total = 0
for i in range(400):
    total += i * len(kept)
print(total)
print(pickle.loads(pickle.dumps({"after": kept[0].args})))
