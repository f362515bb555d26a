"""String constants (brine's `string`)."""

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(w.capitalize() for w in s.split(sep))


class Template:
    """$-substitution: $name, ${name} and $$ for a dollar."""

    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _substitute(self, mapping, safe):
        t = self.template
        out = []
        i = 0
        while i < len(t):
            c = t[i]
            if c != "$":
                out.append(c)
                i += 1
                continue
            if t.startswith("$$", i):
                out.append("$")
                i += 2
                continue
            braced = t.startswith("${", i)
            j = i + 2 if braced else i + 1
            k = j
            while k < len(t) and (t[k] == "_" or t[k].isalnum()) and not (k == j and t[k].isdigit()):
                k += 1
            name = t[j:k]
            if not name or (braced and not t.startswith("}", k)):
                if safe:
                    out.append("$")
                    i += 1
                    continue
                line = t.count("\n", 0, i) + 1
                col = i - (t.rfind("\n", 0, i) + 1) + 1
                raise ValueError(f"Invalid placeholder in string: line {line}, col {col}")
            end = k + 1 if braced else k
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(t[i:end])
            else:
                raise KeyError(name)
            i = end
        return "".join(out)

    def substitute(self, mapping=None, /, **kws):
        return self._substitute(_merged(mapping, kws), False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._substitute(_merged(mapping, kws), True)


def _merged(mapping, kws):
    merged = dict(mapping) if mapping is not None else {}
    merged.update(kws)
    return merged
