from enum import Enum, IntEnum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name.lower()}={self.value}"


class Level(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = auto()


print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value, Color(2), Color["RED"])
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1), isinstance(Color.RED, Color))
print([c.describe() for c in Color], {Color.RED: "stop"}[Color.RED], Color.RED == Color.RED, Color.RED != Color.BLUE)
print(Level.HIGH > Level.LOW, Level.MID == 2, int(Level.HIGH), sorted([Level.HIGH, Level.LOW]), Level.LOW + 1)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
print(f"{Color.RED}", f"{Level.MID}", str(Level.LOW), type(Color.RED).__name__, Color)
