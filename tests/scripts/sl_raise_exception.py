# raise_exception() on a scheduled tasklet: it runs at once with the
# exception raised where it stopped.
import stackless


def victim():
    try:
        while True:
            stackless.schedule()
    except ValueError as e:
        print("victim got", e.args)


t = stackless.tasklet(victim)()
stackless.schedule()
t.raise_exception(ValueError, 1, 2)
print("main after", t.alive)
