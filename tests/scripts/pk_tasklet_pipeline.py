# A whole pipeline of tasklets connected by channels is checkpointed in the
# middle of its work: all tasklets, channels and shared state are pickled
# together, the originals killed, and the loaded copies run to the end.
import stackless
from helper_pk import dumps, loads


def producer(out_ch, items):
    for item in items:
        out_ch.send(item)
    out_ch.send(None)


def transformer(in_ch, out_ch, factor):
    while True:
        v = in_ch.receive()
        if v is None:
            out_ch.send(None)
            return
        out_ch.send(v * factor)


def sink(in_ch, results):
    while True:
        v = in_ch.receive()
        if v is None:
            results.append("eof")
            return
        results.append(v)


def build():
    a, b = stackless.channel(), stackless.channel()
    results = []
    ts = [
        stackless.tasklet(producer)(a, list(range(1, 9))),
        stackless.tasklet(transformer)(a, b, 3),
        stackless.tasklet(sink)(b, results),
    ]
    return ts, (a, b), results


ts, chans, results = build()
# run until the sink has seen a few values
while len(results) < 3:
    stackless.schedule()
print("before checkpoint", results)

for t in ts:
    if t.scheduled and not t.blocked:
        t.remove()
state = [(t.alive, t.blocked) for t in ts]
print("states", state)
data = dumps((ts, chans, results))
if isinstance(data, bytes):
    for t in ts:
        t.kill()
    ts, chans, results = loads(data)
print("after load", results, [t.alive for t in ts], [c.balance for c in chans])
for t in ts:
    if t.alive and not t.blocked and not t.scheduled:
        t.insert()
while any(t.alive for t in ts):
    stackless.schedule()
print("final", results)
print("channels", [c.balance for c in chans])


# a checkpoint taken while every worker is blocked on the same channel
def worker(name, jobs, log):
    while True:
        job = jobs.receive()
        if job is None:
            log.append(f"{name} stop")
            return
        log.append(f"{name}:{job}")
        stackless.schedule()


jobs = stackless.channel()
log = []
workers = [stackless.tasklet(worker)(f"w{i}", jobs, log) for i in range(3)]
stackless.run()
print("blocked", jobs.balance, [w.blocked for w in workers])
data = dumps((workers, jobs, log))
if isinstance(data, bytes):
    for w in workers:
        w.kill()
    workers, jobs, log = loads(data)
for job in ["a", "b", "c", "d", "e"]:
    jobs.send(job)
for _ in workers:
    jobs.send(None)
stackless.run()
print(log)
