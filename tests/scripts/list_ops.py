nums = [5, 3, 8, 1, 9, 2]
nums.append(7)
nums.extend([0, 4])
nums.insert(2, 6)
print(nums, len(nums), nums.index(8), nums.count(3))
print(nums.pop(), nums.pop(0), nums)
nums.remove(9)
nums.sort()
print(nums, sorted(nums, reverse=True), nums[::-1])
nums.reverse()
print(nums, nums[2:5], nums[-3:], nums[:2], nums[::2])
nums[1:3] = [100, 200, 300]
print(nums)
del nums[0]
del nums[::2]
print(nums)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid, [row[1] for row in grid])
print([x * y for x in range(1, 4) for y in range(1, 4) if x != y])
pairs = [(1, "b"), (2, "a"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), min(pairs), max(pairs))
people = [("ann", 30), ("bob", 25), ("cat", 30), ("dan", 25)]
print(sorted(people, key=lambda p: p[1]))
print([1, 2] + [3], [0] * 4, [1, 2] * 2, [] or "empty", [[]] and "nonempty")
a = [1, 2, 3]
b = a
b.append(4)
c = a.copy()
c.append(5)
print(a, b, c, a is b, a == b, a is c)
print(list(range(10, 0, -3)), list(range(5))[1:], sum(range(101)))
x, *rest = [1, 2, 3, 4]
*init, last = "abcd"
first, (second, third) = 1, (2, 3)
print(x, rest, init, last, first, second, third)
print([1, [2, [3, [4]]]], len([[]]), [i for i in "abc"])
s = [3, 1, 2]
s.sort(key=lambda v: -v)
print(s, s.clear(), s)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (3,) * 3)
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], len(t), 2 in t, tuple("ab"))
