# Every attribute of a tasklet through its life, frame and recursion depth included.
import stackless
ATTRS = ['alive','paused','blocked','scheduled','restorable','atomic','block_trap','ignore_nesting','is_current','is_main','next','prev','frame','tempval','nesting_level','recursion_depth']
def nm(t):
    if t is None: return None
    if t is stackless.main: return 'main'
    return getattr(t, 'name', t)
def show(label, t):
    d = {}
    for a in ATTRS:
        v = getattr(t, a)
        if a in ('next','prev'): v = nm(v)
        elif a == 'frame': v = None if v is None else 'frame:' + v.f_code.co_name
        elif a == 'tempval' and isinstance(v, stackless.tasklet): v = 'tasklet:' + str(nm(v))
        elif a == 'tempval' and callable(v): v = 'func:' + v.__name__
        d[a] = v
    d['thread_id_ok'] = t.thread_id == t.thread_id
    print(label, d)
class T(stackless.tasklet): pass
ch = stackless.channel()
def f(x):
    show('running', stackless.current)
    ch.receive()
    return 99
t = T(); t.name='t'
show('new unbound', t)
t.bind(f); show('bound f (no args)', t)
t.bind(f, (1,)); show('bound with args (paused)', t)
t.remove()
t.insert(); show('inserted', t)
t.remove(); t.bind(None); show('unbound again', t)
t.bind(f); t(1); show('after __call__', t)
stackless.run()
show('blocked on channel', t)
print('ch.queue is t', ch.queue is t, 'balance', ch.balance)
ch.send(None)
show('dead', t)
show('main', stackless.main)
u = T(f, (2,)); u.name='u'; show('T(f,(2,))', u)
print('repr', repr(t)[:18], repr(ch)[:26])
def g():
    stackless.schedule_remove(1234)
v = T(g); v.name='v'; v()
stackless.run()
show('paused via schedule_remove(1234)', v)
v.insert(); stackless.run()
show('v dead', v)
