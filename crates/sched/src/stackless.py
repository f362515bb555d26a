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


def _exception(exc, val=None):
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


def _send_exception(self, exc, *args):
    return self._send_exc(_instance(exc, args, "channel.send_exception"))


def _send_throw(self, exc, val=None, tb=None):
    return self._send_exc(_exception(exc, val))


def _throw(self, exc=None, val=None, tb=None, pending=False):
    if exc is None:
        raise TypeError("throw() needs an exception")
    return self._throw_exc(_exception(exc, val), pending)


def _raise_exception(self, exc_class, *args):
    return self._throw_exc(_instance(exc_class, args, "tasklet.raise_exception"), False)


def _kill(self, pending=False):
    if self.alive:
        return self._throw_exc(TaskletExit(), pending)


def _channel_action(callback, channel, sending, willblock, value):
    callback(channel, getcurrent(), sending, willblock)
    if sending:
        return channel._send_now(value)
    return channel._receive_now()


def _schedule_callback(callback, prev, next):
    try:
        callback(prev, next)
    except BaseException as e:
        import sys
        text = str(e)
        last = type(e).__name__ + (": " + text if text else "")
        sys.stderr.write("Exception ignored in: 'Error in scheduling callback'\n"
                         + _traceback(e) + last + "\n")
