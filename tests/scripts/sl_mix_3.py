# A generated mix of tasklets doing channel sends and receives, schedule(),
# schedule_remove(), spawning, raising, closing and iterating channels, with
# main running, killing, throwing and blocking between rounds. The expected
# output was printed by a build of Stackless Python.
import stackless

import helper_sl_mix as mix

chs = mix.chs[:] = [stackless.channel() for _ in range(1)]
chs[0].preference = -1
w = mix.w
ts = []
ts.append(stackless.tasklet(w)('t0', [('cl', 0), ('se', 0), ('sp', 0), ('se', 0), ('s', 0)]))
ts.append(stackless.tasklet(w)('t1', [('s', 0), ('tx', 0)]))
ts.append(stackless.tasklet(w)('t2', [('rm', 0), ('ex', 0), ('it', 0), ('sp', 0), ('s', 0)]))
ts.append(stackless.tasklet(w)('t3', [('it', 0), ('s', 0), ('cl', 0), ('cl', 0), ('tx', 0)]))
ts.append(stackless.tasklet(w)('t4', [('rx', 0), ('rx', 0), ('it', 0), ('rx', 0), ('tx', 0)]))
mix.attempt('run', stackless.run)
mix.report(ts)
mix.attempt('run', stackless.run)
mix.report(ts)
mix.attempt('insert', ts[0].insert, show=False)
mix.report(ts)
mix.attempt('main rx', chs[0].receive)
mix.report(ts)
mix.attempt('main rx', chs[0].receive)
mix.report(ts)
