def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def days_in_month(y, m):
    return 29 if m == 2 and is_leap(y) else DAYS[m - 1]


def day_of_week(y, m, d):
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7


NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]


def month_grid(y, m):
    first = day_of_week(y, m, 1)
    cells = ["  "] * first + [f"{d:2}" for d in range(1, days_in_month(y, m) + 1)]
    rows = [" ".join(cells[i:i + 7]) for i in range(0, len(cells), 7)]
    return "\n".join([" ".join(n[:2] for n in NAMES)] + rows)


print([y for y in range(1896, 1912) if is_leap(y)], is_leap(2000), is_leap(1900))
print(NAMES[day_of_week(2024, 2, 29)], NAMES[day_of_week(1969, 7, 20)], NAMES[day_of_week(2000, 1, 1)])
print(month_grid(2024, 2))
print(sum(days_in_month(2024, m) for m in range(1, 13)), sum(days_in_month(2023, m) for m in range(1, 13)))
