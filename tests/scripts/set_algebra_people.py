people = {
    "ann": {"python", "rust", "go"},
    "bob": {"python", "java"},
    "cy": {"rust", "c", "go"},
    "dee": {"java", "c"},
}
all_langs = set().union(*people.values())
print(sorted(all_langs))
common = set.intersection(*people.values())
print(sorted(common), len(common))
for a in sorted(people):
    for b in sorted(people):
        if a < b:
            shared = people[a] & people[b]
            if shared:
                print(a, b, sorted(shared))
only = {p: sorted(langs - set().union(*(l for q, l in people.items() if q != p))) for p, langs in people.items()}
print(only)
popular = sorted(all_langs, key=lambda l: (-sum(l in s for s in people.values()), l))
print(popular)
print({1, 2, 3} < {1, 2, 3, 4}, {1, 2} == {2, 1}, {1} | {2} ^ {2, 3}, frozenset("ab") | {"c"} == {"a", "b", "c"})
