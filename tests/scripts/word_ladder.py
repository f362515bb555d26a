WORDS = {"cold", "cord", "card", "ward", "warm", "worm", "word", "wood", "cood", "corm", "wore", "core", "bore"}


def neighbors(word):
    for i in range(len(word)):
        for ch in "abcdefghijklmnopqrstuvwxyz":
            cand = word[:i] + ch + word[i + 1:]
            if cand != word and cand in WORDS:
                yield cand


def ladder(start, goal):
    frontier = [[start]]
    seen = {start}
    while frontier:
        path = frontier.pop(0)
        if path[-1] == goal:
            return path
        for nxt in sorted(neighbors(path[-1])):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(path + [nxt])
    return None


print(ladder("cold", "warm"))
print(ladder("core", "word"))
print(ladder("cold", "zzzz"))
print(sorted(neighbors("cord")))
