def make_bank():
    accounts = {}
    log = []

    def open_account(name):
        accounts[name] = 0
        log.append(("open", name))

    def deposit(name, amount):
        accounts[name] += amount
        log.append(("deposit", name, amount))
        return accounts[name]

    def history(filter_name=None):
        return [e for e in log if filter_name is None or e[1] == filter_name]

    return open_account, deposit, history, accounts


open_account, deposit, history, accounts = make_bank()
open_account("x")
open_account("y")
deposit("x", 10)
deposit("y", 5)
deposit("x", 7)
print(accounts, history("x"), len(history()))


def once(fn):
    done = False
    result = None

    def wrapper(*a):
        nonlocal done, result
        if not done:
            result = fn(*a)
            done = True
        return result

    return wrapper


@once
def expensive(n):
    print("computing", n)
    return n * 100


print(expensive(3), expensive(4), expensive(5))


def pipeline(*funcs):
    def run(x):
        for f in funcs:
            x = f(x)
        return x
    return run


p = pipeline(lambda s: s.strip(), str.lower, lambda s: s.replace(" ", "_"), lambda s: s + "!")
print(p("  Hello Big World  "))
gens = [(lambda k: (lambda: k * k))(k) for k in range(4)]
print([g() for g in gens])
