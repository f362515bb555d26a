class Book:
    def __init__(self, isbn, title, author, year):
        self.isbn, self.title, self.author, self.year = isbn, title, author, year
        self.borrowed_by = None

    def __repr__(self):
        status = f"out to {self.borrowed_by}" if self.borrowed_by else "available"
        return f"<{self.title!r} by {self.author} ({self.year}), {status}>"


class LibraryError(Exception):
    pass


class Library:
    def __init__(self):
        self.books = {}
        self.members = {}

    def add(self, *books):
        for b in books:
            self.books[b.isbn] = b

    def join(self, name, limit=2):
        self.members[name] = {"limit": limit, "books": []}

    def borrow(self, name, isbn):
        if name not in self.members:
            raise LibraryError(f"{name} is not a member")
        book = self.books.get(isbn)
        if book is None:
            raise LibraryError(f"no book {isbn}")
        if book.borrowed_by:
            raise LibraryError(f"{book.title} is already out")
        m = self.members[name]
        if len(m["books"]) >= m["limit"]:
            raise LibraryError(f"{name} reached the limit of {m['limit']}")
        book.borrowed_by = name
        m["books"].append(isbn)

    def give_back(self, name, isbn):
        self.members[name]["books"].remove(isbn)
        self.books[isbn].borrowed_by = None

    def by_author(self):
        out = {}
        for b in sorted(self.books.values(), key=lambda b: (b.author, b.year)):
            out.setdefault(b.author, []).append(b.title)
        return out


lib = Library()
lib.add(Book(1, "Dune", "Herbert", 1965), Book(2, "Emma", "Austen", 1815), Book(3, "Persuasion", "Austen", 1817), Book(4, "Children of Dune", "Herbert", 1976))
lib.join("ann")
lib.join("bob", limit=1)
actions = [("ann", 1), ("bob", 1), ("bob", 2), ("bob", 3), ("carl", 2), ("ann", 9), ("ann", 4), ("ann", 3)]
for who, isbn in actions:
    try:
        lib.borrow(who, isbn)
        print(f"{who} borrowed {lib.books[isbn].title}")
    except LibraryError as e:
        print("error:", e)
lib.give_back("ann", 1)
print(lib.by_author())
for b in lib.books.values():
    print(b)
print({name: m["books"] for name, m in lib.members.items()})
