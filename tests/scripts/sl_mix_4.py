# A generated mix of tasklets doing channel sends and receives, schedule(),
# schedule_remove(), spawning, raising, closing and iterating channels, with
# main running, killing, throwing and blocking between rounds. The expected
# output was printed by a build of Stackless Python.
import stackless

import helper_sl_mix as mix

chs = mix.chs[:] = [stackless.channel() for _ in range(2)]
chs[0].preference = 0
chs[1].preference = -1
chs[1].schedule_all = 1
log = mix.log
w = mix.w
ts = []
ts.append(stackless.tasklet(w)('t0', [('cl', 0), ('sp', 1), ('sp', 1)]))
ts.append(stackless.tasklet(w)('t1', [('cl', 1), ('it', 0), ('rx', 0)]))
ts.append(stackless.tasklet(w)('t2', [('sp', 1), ('s', 1)]))
try:
    chs[0].send('main')
    print('main tx ok')
except Exception as e:
    print('main tx raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
try:
    chs[0].send('main')
    print('main tx ok')
except Exception as e:
    print('main tx raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
try:
    print('run', stackless.run())
except Exception as e:
    print('run raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
try:
    chs[0].send('main')
    print('main tx ok')
except Exception as e:
    print('main tx raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
try:
    print('main rx', chs[1].receive())
except Exception as e:
    print('main rx raised', type(e).__name__, e)
print(log); log.clear()
print([(t.alive, t.scheduled, t.blocked) for t in ts], [c.balance for c in chs], stackless.getruncount())
