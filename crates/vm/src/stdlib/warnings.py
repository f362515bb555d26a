"""warnings: issue warnings, filter them, and record them (brine's own)."""

import sys

filters = []
_showwarnmsg_hook = None


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self.category.__name__, self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    text = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = sys._source_line(filename, lineno)
    if line and line.strip():
        text += "  %s\n" % line.strip()
    return text


def showwarning(message, category, filename, lineno, file=None, line=None):
    text = formatwarning(message, category, filename, lineno, line)
    (sys.stderr if file is None else file).write(text)


def simplefilter(action, category=Warning, lineno=0, append=False):
    _add_filter(action, None, category, None, lineno, append)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _add_filter(action, message or None, category, module or None, lineno, append)


def _add_filter(action, message, category, module, lineno, append):
    if action not in ("error", "ignore", "always", "default", "module", "once"):
        raise ValueError("invalid action: %r" % (action,))
    item = (action, message, category, module, lineno)
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def resetwarnings():
    filters[:] = []


_onceregistry = {}


def _action_for(message, category, lineno):
    text = str(message)
    for action, msg, cat, module, ln in filters:
        if (msg is None or text.startswith(msg)) and issubclass(category, cat) and (ln == 0 or ln == lineno):
            return action
    return "default"


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    try:
        frame = sys._getframe(stacklevel)
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    except ValueError:
        filename = "sys"
        lineno = 1
    warn_explicit(message, category, filename, lineno)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    action = _action_for(text, category, lineno)
    if action == "error":
        raise message
    if action == "ignore":
        return
    if action in ("default", "module", "once"):
        key = (text, category, lineno if action == "default" else 0,
               filename if action != "once" else "")
        if key in _onceregistry:
            return
        _onceregistry[key] = True
    msg = WarningMessage(message, category, filename, lineno, None, None, source)
    if _showwarnmsg_hook is not None:
        _showwarnmsg_hook(msg)
    else:
        showwarning(message, category, filename, lineno)


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning,
                 lineno=0, append=False):
        self._record = record
        self._action = action
        self._category = category

    def __enter__(self):
        global _showwarnmsg_hook
        self._filters = filters[:]
        self._hook = _showwarnmsg_hook
        self._once = dict(_onceregistry)
        if self._action is not None:
            simplefilter(self._action, self._category)
        if self._record:
            log = []
            _showwarnmsg_hook = log.append
            return log
        return None

    def __exit__(self, *exc_info):
        global _showwarnmsg_hook
        filters[:] = self._filters
        _showwarnmsg_hook = self._hook
        _onceregistry.clear()
        _onceregistry.update(self._once)
        return False
