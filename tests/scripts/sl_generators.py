# A tasklet switches while inside a generator: the generator's frame is
# part of the tasklet and waits with it.
import stackless


def gen(name):
    for i in range(3):
        stackless.schedule()
        yield name + str(i)


def consumer(name):
    for v in gen(name):
        print(v)
    print(name, "exhausted")


stackless.tasklet(consumer)("a")
stackless.tasklet(consumer)("b")
stackless.run()
