def risky():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return [][0]


print("before")
risky()
