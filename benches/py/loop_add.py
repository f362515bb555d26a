def total(n):
    s = 0
    i = 0
    while i < n:
        s = s + i
        i += 1
    return s


print(total(1000000))
