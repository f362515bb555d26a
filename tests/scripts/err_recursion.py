def walk(n):
    return walk(n + 1) + 1


print("walking")
walk(0)
