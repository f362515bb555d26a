"""Text wrapping (brine's `textwrap`) for the common options."""


def wrap(text, width=70, *, initial_indent="", subsequent_indent="", break_long_words=True):
    words = text.split()
    lines = []
    line = initial_indent
    empty = True
    for word in words:
        indent = initial_indent if not lines else subsequent_indent
        if empty:
            candidate = indent + word
        else:
            candidate = line + " " + word
        if len(candidate) <= width or empty and not break_long_words:
            line = candidate
            empty = False
            continue
        if empty:
            while len(indent + word) > width and break_long_words:
                room = max(width - len(indent), 1)
                lines.append(indent + word[:room])
                word = word[room:]
                indent = subsequent_indent
            line = indent + word
            empty = not word
            continue
        lines.append(line)
        indent = subsequent_indent
        while len(indent + word) > width and break_long_words:
            room = max(width - len(indent), 1)
            lines.append(indent + word[:room])
            word = word[room:]
        line = indent + word
        empty = not word
    if not empty:
        lines.append(line)
    return lines


def fill(text, width=70, **kwargs):
    return "\n".join(wrap(text, width, **kwargs))


def shorten(text, width, *, placeholder=" [...]"):
    words = text.split()
    if len(" ".join(words)) <= width:
        return " ".join(words)
    out = []
    for w in words:
        if len(" ".join(out + [w])) + len(placeholder) > width:
            break
        out.append(w)
    return " ".join(out) + placeholder if out else placeholder.lstrip()


def dedent(text):
    lines = text.split("\n")
    margin = None
    for line in lines:
        stripped = line.lstrip()
        if not stripped:
            continue
        indent = line[: len(line) - len(stripped)]
        if margin is None:
            margin = indent
        else:
            k = 0
            while k < len(margin) and k < len(indent) and margin[k] == indent[k]:
                k += 1
            margin = margin[:k]
    if not margin:
        return "\n".join(line if line.strip() else "" for line in lines)
    return "\n".join(line[len(margin):] if line.strip() else "" for line in lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        predicate = lambda line: line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
