class Item:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty

    @property
    def value(self):
        return self.price * self.qty

    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.qty})"


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, item):
        if item.name in self.items:
            self.items[item.name].qty += item.qty
        else:
            self.items[item.name] = item

    def remove(self, name, qty):
        item = self.items.get(name)
        if item is None:
            raise KeyError(name)
        if item.qty < qty:
            raise ValueError(f"only {item.qty} {name} left")
        item.qty -= qty
        if item.qty == 0:
            del self.items[name]

    def __len__(self):
        return len(self.items)

    def __contains__(self, name):
        return name in self.items

    def __iter__(self):
        return iter(sorted(self.items.values(), key=lambda i: i.name))

    def total(self):
        return round(sum(i.value for i in self.items.values()), 2)


inv = Inventory()
for n, p, q in [("widget", 2.5, 10), ("gadget", 10.0, 3), ("widget", 2.5, 5), ("doohickey", 0.75, 40)]:
    inv.add(Item(n, p, q))
print(len(inv), "widget" in inv, "sprocket" in inv, inv.total())
for item in inv:
    print(f"{item.name:<10} {item.qty:>4} x {item.price:>6.2f} = {item.value:>8.2f}")
inv.remove("gadget", 3)
try:
    inv.remove("widget", 100)
except ValueError as e:
    print("error:", e)
try:
    inv.remove("sprocket", 1)
except KeyError as e:
    print("missing:", e)
print(list(inv), inv.total())
report = {True: [], False: []}
for item in inv:
    report[item.value > 20].append(item.name)
print(report)
