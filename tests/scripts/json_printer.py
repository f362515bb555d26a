def to_json(value, indent=0, step=2):
    pad = " " * indent
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        out = '"'
        for ch in value:
            if ch == '"':
                out += '\\"'
            elif ch == "\n":
                out += "\\n"
            else:
                out += ch
        return out + '"'
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = [" " * (indent + step) + to_json(v, indent + step) for v in value]
        return "[\n" + ",\n".join(inner) + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = [" " * (indent + step) + to_json(str(k)) + ": " + to_json(v, indent + step) for k, v in value.items()]
        return "{\n" + ",\n".join(inner) + "\n" + pad + "}"
    raise TypeError(f"cannot serialize {type(value).__name__}")


doc = {
    "name": "brine",
    "version": 1.5,
    "tags": ["vm", "python", "pickle"],
    "nested": {"empty": [], "none": None, "flags": [True, False], "quote": 'say "hi"\nbye'},
    "count": 42,
}
print(to_json(doc))
try:
    to_json({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(to_json([]), to_json({}), to_json((1, 2.5)))
