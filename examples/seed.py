# The example of Stackless's pickling documentation, as a script: a tasklet
# is interrupted by the watchdog, pickled, killed, and its copy loaded from
# the bytes goes on counting from where the original stopped.
import pickle
import stackless


def func():
    busy_count = 0
    while 1:
        busy_count += 1
        if busy_count % 10 == 0:
            print(busy_count)


stackless.tasklet(func)()
t1 = stackless.run(100)
print("interrupted at busy_count =", t1.frame.f_locals["busy_count"])
s = pickle.dumps(t1)
t1.kill()
t2 = pickle.loads(s)
print("loaded at busy_count =", t2.frame.f_locals["busy_count"])
t2.insert()
t3 = stackless.run(100)
print("interrupted at busy_count =", t3.frame.f_locals["busy_count"])
print(t3 is t2, len(s), "bytes")
