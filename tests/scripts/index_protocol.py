# Objects with __index__ used where a built-in needs an int: sequence
# indices and slice bounds, range() and bin/hex/oct.
class K:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


print([10, 20, 30][K(1)], (1, 2, 3)[K(-1)], "abc"[K(2)], b"xyz"[K(0)], range(5)[K(3)])
print([1, 2, 3, 4][K(1):K(3)], "abcdef"[::K(2)], (1, 2, 3)[K(1):])
print(list(range(K(3))), list(range(K(1), K(7), K(2))))
print(bin(K(5)), hex(K(255)), oct(K(8)))
try:
    [1][K(5)]
except IndexError as e:
    print("IndexError", e)
