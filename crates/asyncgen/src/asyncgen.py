# The `_asyncgen` module: async generators, as CPython 3.11's genobject.c
# defines them, over a plain generator running the `async def` frame.
#
# The frame yields two kinds of values: those of its own `yield`s, which
# the compiler wraps in `_wrapped`, and those an `await` passes through
# from below (an event loop's futures). The awaitables below tell them
# apart: a wrapped value ends the awaitable (StopIteration(value)); any
# other value goes on up to whoever drives the awaitable.

_INIT = 0
_ITER = 1
_CLOSED = 2

_firstiter = None
_finalizer = None


class _unset:
    """No argument given. A class, so that a pickle names it by
    reference and a frame holding it still finds it the same object."""


# stackless.PICKLEFLAGS_PRESERVE_AG_FINALIZER and _RESET_AG_FINALIZER.
_PRESERVE_AG_FINALIZER = 2
_RESET_AG_FINALIZER = 4


class _finalizer_was_set:
    """What a pickle holds instead of a finalizer it does not keep."""


def _pickle_flags():
    try:
        import stackless
    except ImportError:
        return 0
    return stackless.pickle_flags()


class _wrapped:
    """A value the async generator itself yields, as its `value`. The VM
    makes these (the `AsyncGenWrap` instruction)."""


class asyncgen_hooks(tuple):
    """What `sys.get_asyncgen_hooks()` returns."""

    def __new__(cls, firstiter, finalizer):
        return tuple.__new__(cls, (firstiter, finalizer))

    @property
    def firstiter(self):
        return self[0]

    @property
    def finalizer(self):
        return self[1]

    def __repr__(self):
        return f"asyncgen_hooks(firstiter={self[0]!r}, finalizer={self[1]!r})"


def get_asyncgen_hooks():
    return asyncgen_hooks(_firstiter, _finalizer)


def set_asyncgen_hooks(firstiter=_unset, finalizer=_unset):
    global _firstiter, _finalizer
    if finalizer is not _unset and finalizer is not None:
        if not callable(finalizer):
            raise TypeError(
                f"callable finalizer expected, got {type(finalizer).__name__}")
        _finalizer = finalizer
    elif finalizer is None:
        _finalizer = None
    if firstiter is not _unset and firstiter is not None:
        if not callable(firstiter):
            raise TypeError(
                f"callable firstiter expected, got {type(firstiter).__name__}")
        _firstiter = firstiter
    elif firstiter is None:
        _firstiter = None


def aiter(async_iterable):
    t = type(async_iterable)
    if not hasattr(t, "__aiter__"):
        raise TypeError(f"'{t.__name__}' object is not an async iterable")
    it = t.__aiter__(async_iterable)
    if not hasattr(type(it), "__anext__"):
        raise TypeError(
            f"aiter() returned not an async iterator of type '{type(it).__name__}'")
    return it


def anext(aiterator, default=_unset):
    t = type(aiterator)
    if not hasattr(t, "__anext__"):
        raise TypeError(f"'{t.__name__}' object is not an async iterator")
    awaitable = t.__anext__(aiterator)
    if default is _unset:
        return awaitable
    return _anext_or(awaitable, default)


async def _anext_or(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default


def _step(ag, step, arg):
    """Run `step(arg)` on `ag`'s frame; a return is StopAsyncIteration."""
    try:
        result = step(arg)
    except StopIteration:
        ag._closed = True
        ag._running_async = False
        raise StopAsyncIteration from None
    except (StopAsyncIteration, GeneratorExit):
        ag._closed = True
        ag._running_async = False
        raise
    except BaseException:
        ag._running_async = False
        raise
    # A value of its own ends the awaitable; any other goes on up.
    if type(result) is _wrapped:
        ag._running_async = False
        raise StopIteration(result.value)
    return result


def _throw_args(typ, val, tb):
    if tb is not None:
        return (typ, val, tb)
    if val is not None:
        return (typ, val)
    return (typ,)


class async_generator:
    """The object an `async def` with `yield` returns."""

    def __init__(self, gen):
        self._gen = gen
        self._running_async = False
        self._closed = False
        self._hooks_inited = False
        self._finalizer = None
        self._name = gen.__name__
        self._qualname = gen.__qualname__

    def __del__(self):
        # Collected unfinished: the finalizer hook gets it, else its frame
        # is closed (its `finally` blocks run), as in CPython.
        if self._gen.gi_frame is None:
            return
        try:
            if self._finalizer is not None and not self._closed:
                self._finalizer(self)
            else:
                self._gen.close()
        except BaseException as e:
            import sys
            sys.stderr.write(f"Exception ignored in: {self!r}\n")
            sys.stderr.write(sys._format_traceback(e))

    def _init_hooks(self):
        if self._hooks_inited:
            return
        self._hooks_inited = True
        self._finalizer = _finalizer
        if _firstiter is not None:
            _firstiter(self)

    def __reduce_ex__(self, protocol):
        # The finalizer: by value with PRESERVE_AG_FINALIZER; otherwise
        # the generator as uninitialised with RESET_AG_FINALIZER; otherwise
        # a marker if one was set.
        import copyreg
        state = dict(self.__dict__)
        flags = _pickle_flags()
        if flags & _PRESERVE_AG_FINALIZER:
            pass
        elif flags & _RESET_AG_FINALIZER:
            state["_hooks_inited"] = False
            state["_finalizer"] = None
        elif state["_finalizer"] is not None:
            state["_finalizer"] = _finalizer_was_set
        return (copyreg.__newobj__, (async_generator,), state)

    def __setstate__(self, state):
        # A finalizer pickled by value is kept with PRESERVE_AG_FINALIZER;
        # otherwise RESET_AG_FINALIZER loads the generator uninitialised;
        # otherwise one that was initialised is initialised again from the
        # hooks set now.
        self.__dict__.update(state)
        flags = _pickle_flags()
        by_value = self._finalizer is not _finalizer_was_set
        if flags & _PRESERVE_AG_FINALIZER and by_value:
            return
        inited = self._hooks_inited
        self._hooks_inited = False
        self._finalizer = None
        if not flags & _RESET_AG_FINALIZER and inited:
            self._init_hooks()

    def __aiter__(self):
        return self

    def __anext__(self):
        if not self._hooks_inited:
            self._init_hooks()
        return async_generator_asend(self, None)

    def asend(self, value):
        self._init_hooks()
        return async_generator_asend(self, value)

    def athrow(self, typ, val=None, tb=None):
        self._init_hooks()
        return async_generator_athrow(self, _throw_args(typ, val, tb))

    def aclose(self):
        self._init_hooks()
        return async_generator_athrow(self, None)

    @property
    def __name__(self):
        return self._name

    @__name__.setter
    def __name__(self, value):
        if type(value) is not str:
            raise TypeError("__name__ must be set to a string object")
        self._name = value

    @property
    def __qualname__(self):
        return self._qualname

    @__qualname__.setter
    def __qualname__(self, value):
        if type(value) is not str:
            raise TypeError("__qualname__ must be set to a string object")
        self._qualname = value

    @property
    def ag_running(self):
        return self._running_async

    @property
    def ag_frame(self):
        return self._gen.gi_frame

    @property
    def ag_code(self):
        return self._gen.gi_code

    @property
    def ag_await(self):
        return self._gen.gi_yieldfrom

    def __repr__(self):
        return f"<async_generator object {self._qualname} at {id(self):#014x}>"


class _awaitable:
    """What `asend` and `athrow` awaitables share: they are their own
    iterator, and each step runs a step of the generator's frame."""

    # RuntimeError's message when an awaitable that ended is sent to again.
    _reused = ""

    def __init__(self, ag):
        self._ag = ag
        self._state = _INIT

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def close(self):
        self._state = _CLOSED

    def _check_reuse(self):
        if self._state == _CLOSED:
            raise RuntimeError(self._reused)

    def _end(self):
        self._ag._running_async = False
        self._state = _CLOSED

    def _through(self, step, arg):
        """`_step`, after which an exception (or a value of the generator's
        own) ends this awaitable."""
        try:
            return _step(self._ag, step, arg)
        except BaseException:
            self._state = _CLOSED
            raise


class async_generator_asend(_awaitable):
    """What `__anext__()` and `asend()` return."""

    _reused = "cannot reuse already awaited __anext__()/asend()"

    def __init__(self, ag, value):
        super().__init__(ag)
        self._value = value

    def send(self, arg):
        self._check_reuse()
        ag = self._ag
        if self._state == _INIT:
            if ag._running_async:
                raise RuntimeError("anext(): asynchronous generator is already running")
            if arg is None:
                arg = self._value
            self._state = _ITER
        ag._running_async = True
        return self._through(ag._gen.send, arg)

    def throw(self, typ, val=None, tb=None):
        self._check_reuse()
        return self._through(_thrower(self._ag._gen), _throw_args(typ, val, tb))


def _thrower(gen):
    def throw(args):
        return gen.throw(*args)
    return throw


class async_generator_athrow(_awaitable):
    """What `athrow()` and `aclose()` return (`aclose()`: no arguments)."""

    _reused = "cannot reuse already awaited aclose()/athrow()"

    def __init__(self, ag, args):
        super().__init__(ag)
        self._args = args

    def send(self, arg):
        self._check_reuse()
        ag = self._ag
        gen = ag._gen
        if gen.gi_frame is None:
            self._state = _CLOSED
            raise StopIteration
        if self._state == _INIT:
            if ag._running_async:
                self._state = _CLOSED
                which = "aclose" if self._args is None else "athrow"
                raise RuntimeError(f"{which}(): asynchronous generator is already running")
            if ag._closed:
                self._state = _CLOSED
                raise StopAsyncIteration
            if arg is not None:
                raise RuntimeError("can't send non-None value to a just-started coroutine")
            self._state = _ITER
            ag._running_async = True
            if self._args is None:
                ag._closed = True
                return self._closing(_thrower(gen), (GeneratorExit,), True)
            return self._through(_thrower(gen), self._args)
        if self._args is None:
            return self._closing(gen.send, arg, True)
        return self._through(gen.send, arg)

    def _closing(self, step, arg, settle):
        """A step of `aclose()`: the frame must not yield a value of its
        own, and its end is this awaitable's StopIteration. With `settle`
        (not when thrown into), an exception also ends the awaitable."""
        try:
            result = step(arg)
        except (StopIteration, StopAsyncIteration, GeneratorExit):
            if settle:
                self._end()
            raise StopIteration from None
        except BaseException:
            if settle:
                self._end()
            raise
        if type(result) is _wrapped:
            self._end()
            raise RuntimeError("async generator ignored GeneratorExit")
        return result

    def throw(self, typ, val=None, tb=None):
        self._check_reuse()
        args = _throw_args(typ, val, tb)
        step = _thrower(self._ag._gen)
        if self._args is not None:
            return _step(self._ag, step, args)
        return self._closing(step, args, False)
