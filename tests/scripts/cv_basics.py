# contextvars as CPython 3.11 defines it: ContextVar get/set/reset and
# tokens, Context as a mapping, Context.run and copy_context, the errors.
import contextvars
from contextvars import Context, ContextVar, Token, copy_context

user = ContextVar("user")
level = ContextVar("level", default=0)
print(user.name, level.get(), level.get(5), user.get("fallback"))
try:
    user.get()
except LookupError:
    print("LookupError for a var without value or default")

t1 = user.set("ann")
t2 = level.set(3)
print(user.get(), level.get(), t1.var is user, t1.old_value is Token.MISSING, t2.old_value)
print(repr(Token.MISSING))

ctx = copy_context()
print(len(ctx), ctx[user], ctx.get(level), user in ctx, sorted(v.name for v in ctx))
print(sorted(v.name for v in ctx.keys()), sorted(map(str, ctx.values())))
print(sorted((k.name, v) for k, v in ctx.items()))


def change(name):
    user.set(name)
    level.set(level.get() + 1)
    return user.get(), level.get()


print(ctx.run(change, "bob"), user.get(), level.get())
print(ctx[user], ctx[level])
print(ctx.run(change, "cid"), ctx[level])

user.reset(t1)
level.reset(t2)
print(user.get("none"), level.get())
for bad in (lambda: user.reset(t1), lambda: level.reset(t1), lambda: user.reset("x")):
    try:
        bad()
    except (RuntimeError, ValueError, TypeError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])

other = Context()
t3 = other.run(user.set, "dee")
try:
    user.reset(t3)
except ValueError as e:
    print("ValueError", str(e).split(" at 0x")[0][:30], str(e).endswith("different Context"))
print(len(other), other[user])


def reenter():
    try:
        other.run(print, "never")
    except RuntimeError as e:
        print("RuntimeError", str(e).startswith("cannot enter context:"))


other.run(reenter)
for bad in (lambda: ctx[1], lambda: ctx.get("x"), lambda: ContextVar(5)):
    try:
        bad()
    except (TypeError, KeyError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
empty = Context()
try:
    empty[user]
except KeyError:
    print("KeyError for a var not in the context")
print(len(empty), list(empty), copy_context() == copy_context())


def nested():
    level.set(100)
    inner = copy_context()
    inner.run(level.set, 200)
    return level.get(), inner[level]


print(copy_context().run(nested), level.get())
