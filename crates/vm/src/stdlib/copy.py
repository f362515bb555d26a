"""Shallow and deep copies (brine's `copy`)."""


class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, str, bytes, tuple, frozenset, type(None), range):
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if hasattr(x, "__copy__"):
        return x.__copy__()
    new = object.__new__(cls)
    new.__dict__.update(x.__dict__)
    return new


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    if cls in (int, float, bool, str, bytes, type(None), range) or callable(x) and not hasattr(x, "__dict__"):
        return x
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
        return y
    if cls is tuple:
        y = tuple(deepcopy(item, memo) for item in x)
        memo[key] = y
        return y
    if cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
        memo[key] = y
        return y
    if hasattr(x, "__deepcopy__"):
        return x.__deepcopy__(memo)
    if isinstance(x, type) or callable(x) and not hasattr(x, "__dict__"):
        return x
    new = object.__new__(cls)
    memo[key] = new
    for k, v in x.__dict__.items():
        setattr(new, k, deepcopy(v, memo))
    return new
