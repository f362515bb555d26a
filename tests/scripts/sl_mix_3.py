# A generated mix of tasklets doing channel sends and receives, schedule(),
# schedule_remove(), spawning, raising, closing and iterating channels, with
# main running, killing, throwing and blocking between rounds. The expected
# output was printed by a build of Stackless Python.
import stackless
chs = [stackless.channel() for _ in range(1)]
chs[0].preference = -1
log = []
def w(name, ops):
    try:
        for op, arg in ops:
            if op == 's': log.append((name, 'sched')); stackless.schedule()
            elif op == 'tx': chs[arg].send(name); log.append((name, 'sent', arg))
            elif op == 'rx': v = chs[arg].receive(); log.append((name, 'got', v, arg))
            elif op == 'sp': t = stackless.tasklet(w)(name + '+', [('s', 0), ('tx', arg)]); log.append((name, 'spawned'))
            elif op == 'rm': log.append((name, 'rm', stackless.schedule_remove(name)))
            elif op == 'ex': raise KeyError(name)
            elif op == 'cl': chs[arg].close(); log.append((name, 'closed', arg, chs[arg].closed))
            elif op == 'se': chs[arg].send_exception(ValueError, name); log.append((name, 'sent exc', arg))
            elif op == 'it': log.append((name, 'iter', [x for x in chs[arg]]))
    except ValueError as e:
        log.append((name, 'caught', str(e)))
    except TaskletExit:
        log.append((name, 'killed'))
        raise
    finally:
        log.append((name, 'end'))
ts = []
ts.append(stackless.tasklet(w)('t0', [('cl', 0), ('se', 0), ('sp', 0), ('se', 0), ('s', 0)]))
ts.append(stackless.tasklet(w)('t1', [('s', 0), ('tx', 0)]))
ts.append(stackless.tasklet(w)('t2', [('rm', 0), ('ex', 0), ('it', 0), ('sp', 0), ('s', 0)]))
ts.append(stackless.tasklet(w)('t3', [('it', 0), ('s', 0), ('cl', 0), ('cl', 0), ('tx', 0)]))
ts.append(stackless.tasklet(w)('t4', [('rx', 0), ('rx', 0), ('it', 0), ('rx', 0), ('tx', 0)]))
try:
    print('run', stackless.run())
except Exception as e:
    print('run raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
try:
    print('run', stackless.run())
except Exception as e:
    print('run raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
try:
    ts[0].insert()
except Exception as e:
    print('insert raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
try:
    print('main rx', chs[0].receive())
except Exception as e:
    print('main rx raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
try:
    print('main rx', chs[0].receive())
except Exception as e:
    print('main rx raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
