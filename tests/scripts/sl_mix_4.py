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
w = mix.w
ts = []
ts.append(stackless.tasklet(w)('t0', [('cl', 0), ('sp', 1), ('sp', 1)]))
ts.append(stackless.tasklet(w)('t1', [('cl', 1), ('it', 0), ('rx', 0)]))
ts.append(stackless.tasklet(w)('t2', [('sp', 1), ('s', 1)]))
mix.attempt('main tx', lambda: chs[0].send('main'), show=False, done='main tx ok')
mix.report(ts)
mix.attempt('main tx', lambda: chs[0].send('main'), show=False, done='main tx ok')
mix.report(ts)
mix.attempt('run', stackless.run)
mix.report(ts)
mix.attempt('main tx', lambda: chs[0].send('main'), show=False, done='main tx ok')
mix.report(ts)
mix.attempt('main rx', chs[1].receive)
mix.report(ts)
