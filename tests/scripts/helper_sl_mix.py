# The tasklet body the sl_mix scripts share: it runs a list of operations
# on the channels in `chs` and records what happened in `log`.
import stackless

chs = []
log = []


def w(name, ops):
    try:
        for op, arg in ops:
            if op == 's':
                log.append((name, 'sched'))
                stackless.schedule()
            elif op == 'tx':
                chs[arg].send(name)
                log.append((name, 'sent', arg))
            elif op == 'rx':
                v = chs[arg].receive()
                log.append((name, 'got', v, arg))
            elif op == 'sp':
                stackless.tasklet(w)(name + '+', [('s', 0), ('tx', arg)])
                log.append((name, 'spawned'))
            elif op == 'rm':
                log.append((name, 'rm', stackless.schedule_remove(name)))
            elif op == 'ex':
                raise KeyError(name)
            elif op == 'cl':
                chs[arg].close()
                log.append((name, 'closed', arg, chs[arg].closed))
            elif op == 'se':
                chs[arg].send_exception(ValueError, name)
                log.append((name, 'sent exc', arg))
            elif op == 'it':
                log.append((name, 'iter', [x for x in chs[arg]]))
    except ValueError as e:
        log.append((name, 'caught', str(e)))
    except TaskletExit:
        log.append((name, 'killed'))
        raise
    finally:
        log.append((name, 'end'))


def attempt(label, f, show=True, done=None):
    """Run one of main's steps and print what it gave or raised."""
    try:
        result = f()
    except Exception as e:
        print(label, 'raised', type(e).__name__, e)
    else:
        if show:
            print(label, result)
        if done:
            print(done)


def report(ts):
    """Print what the tasklets logged, then their states and the channels'."""
    print(log)
    log.clear()
    print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs],
          stackless.getruncount())
