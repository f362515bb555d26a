"""Printing and formatting exceptions the way the interpreter does."""

import sys


def _exception_line(value):
    cls = type(value)
    name = cls.__qualname__
    module = cls.__module__
    if module not in ("builtins", "__main__"):
        name = module + "." + name
    text = str(value)
    return name + (": " + text if text else "") + "\n"


def _chain(value):
    chain = []
    seen = []
    how = ""
    while value is not None and not any(value is s for s in seen):
        seen.append(value)
        chain.append((value, how))
        if value.__cause__ is not None:
            how = "\nThe above exception was the direct cause of the following exception:\n\n"
            value = value.__cause__
        elif value.__context__ is not None and not value.__suppress_context__:
            how = "\nDuring handling of the above exception, another exception occurred:\n\n"
            value = value.__context__
        else:
            value = None
    return chain


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    """The lines of an exception's report, chained causes first."""
    if value is None and isinstance(exc, BaseException):
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    parts = _chain(value) if chain else [(value, "")]
    lines = []
    for v, how in reversed(parts):
        lines.extend(_traceback_entries(sys._format_traceback(v)))
        lines.append(_exception_line(v))
        if how:
            lines.append(how)
    return lines


def _traceback_entries(text):
    # One string for the header, then one per frame (its File line and
    # source line together), as CPython's format_exception gives them.
    entries = []
    for line in text.splitlines(True):
        if line.startswith("    ") and entries and entries[-1].startswith("  File"):
            entries[-1] += line
        else:
            entries.append(line)
    return entries


def format_exception_only(exc, value=None):
    """The last line of an exception's report."""
    if value is None and isinstance(exc, BaseException):
        value = exc
    return [_exception_line(value)]


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    """Print an exception's report to `file` (standard error by default)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        file.write(line)


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the report of the exception being handled."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)
