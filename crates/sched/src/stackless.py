# The parts of the stackless module written in Python: they call back into
# user code (exception constructors, iterables, callbacks), so they run as
# ordinary frames that a switch can suspend.


class atomic:
    """Context manager: the watchdog does not interrupt the block."""

    def __enter__(self):
        self.old = getcurrent().set_atomic(True)
        return self

    def __exit__(self, *exc_info):
        getcurrent().set_atomic(self.old)


_MISSING = object()


def _exception(exc, val=None, tb=None):
    if tb is not None and type(tb).__name__ != "traceback":
        raise TypeError("third argument must be a traceback object")
    if val == ():
        val = None
    if isinstance(exc, BaseException):
        if val is not None:
            raise TypeError("instance exception may not have a separate value")
        return exc
    if not (isinstance(exc, type) and issubclass(exc, BaseException)):
        raise TypeError("exceptions must be classes, or instances, not " + type(exc).__name__)
    if val is None:
        return exc()
    if isinstance(val, tuple):
        return exc(*val)
    return exc(val)


def _instance(klass, args, what):
    if not (isinstance(klass, type) and issubclass(klass, BaseException)):
        raise TypeError(what + " needs Exception or string subclass as first parameter")
    return klass(*args)


def _send_sequence(self, seq):
    length = 0
    for item in seq:
        self.send(item)
        length += 1
    return length


def _send_exception(self, *args):
    if not args:
        raise TypeError("send_exception() takes at least 1 argument")
    return self._send_exc(_instance(args[0], args[1:], "channel.send_exception"))


def _send_throw(self, exc, val=None, tb=None):
    return self._send_exc(_exception(exc, val, tb))


def _throw(self, exc=_MISSING, val=None, tb=None, pending=False):
    if exc is _MISSING:
        raise TypeError("throw() missing required argument 'exc' (pos 1)")
    return self._throw_exc(_exception(exc, val, tb), pending)


def _raise_exception(self, *args):
    if not args:
        raise TypeError("raise_exception() takes at least 1 argument")
    return self._throw_exc(_instance(args[0], args[1:], "tasklet.raise_exception"), False)


def _kill(self, pending=False):
    if self.alive:
        return self._throw_exc(TaskletExit(), pending)


def _context_of(t):
    """The tasklet's context, made empty if it has none yet."""
    ctx = t._get_context()
    if ctx is None:
        import contextvars
        ctx = contextvars.Context()
        t._put_context(ctx)
    return ctx


def _set_context(self, context):
    import contextvars
    if type(context) is not contextvars.Context:
        raise TypeError("argument must be a contextvars.Context")
    if self is getcurrent():
        ctx = self._get_context()
        if ctx is not None and ctx._entered:
            raise RuntimeError("the current context of the tasklet has been entered")
    self._put_context(context)
    return self


def _context_run(self, callable, *args, **kwargs):
    current = getcurrent()
    saved = current._get_context()
    current._put_context(_context_of(self))
    try:
        return callable(*args, **kwargs)
    finally:
        current._put_context(saved)


_context_id = property(lambda self: id(_context_of(self)))


def _channel_action(callback, channel, sending, willblock, value, is_exception):
    callback(channel, getcurrent(), sending, willblock)
    if is_exception:
        return channel._send_exc_now(value)
    if sending:
        return channel._send_now(value)
    return channel._receive_now()


def _schedule_callback(callback, prev, next, mode, value):
    # mode 0: the tasklet goes on where it stopped; 1: the call that
    # switched it out returns `value`; 2: that call raises `value`.
    try:
        callback(prev, next)
        _callback_done()
    except BaseException as e:
        _callback_done()
        import sys
        text = str(e)
        last = type(e).__name__ + (": " + text if text else "")
        sys.stderr.write("Exception ignored in: 'Error in scheduling callback'\n"
                         + _traceback(e) + last + "\n")
    if mode == 2:
        raise value
    return value


def _error_handler(handler, exc):
    handler(type(exc), exc, getattr(exc, "__traceback__", None))
