class TreeNode:
    def __init__(self, key):
        self.key = key
        self.left = self.right = None


def insert(root, key):
    if root is None:
        return TreeNode(key)
    if key < root.key:
        root.left = insert(root.left, key)
    else:
        root.right = insert(root.right, key)
    return root


def inorder(root):
    return inorder(root.left) + [root.key] + inorder(root.right) if root else []


def height(root):
    return 1 + max(height(root.left), height(root.right)) if root else 0


def contains(root, key):
    while root:
        if key == root.key:
            return True
        root = root.left if key < root.key else root.right
    return False


root = None
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    root = insert(root, k)
print(inorder(root), height(root), contains(root, 45), contains(root, 99))


def tree_repr(node, depth=0):
    if node is None:
        return ""
    return tree_repr(node.right, depth + 1) + "    " * depth + str(node.key) + "\n" + tree_repr(node.left, depth + 1)


print(tree_repr(root), end="")


def deep_sum(x):
    if isinstance(x, (list, tuple)):
        return sum(deep_sum(i) for i in x)
    if isinstance(x, dict):
        return sum(deep_sum(v) for v in x.values())
    return x


print(deep_sum([1, (2, 3), {"a": 4, "b": [5, {"c": 6}]}]))
nested = []
cur = nested
for i in range(5):
    new = [i]
    cur.append(new)
    cur = new
print(nested)
cyclic = [1, 2]
cyclic.append(cyclic)
print(cyclic, len(cyclic))
d = {"self": None}
d["self"] = d
print(d)
