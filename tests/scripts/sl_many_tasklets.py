# A thousand tasklets report to main over one channel.
import stackless

results = stackless.channel()


def worker(i):
    stackless.schedule()
    results.send(i * i)


for i in range(1000):
    stackless.tasklet(worker)(i)
total = 0
for i in range(1000):
    total += results.receive()
print(total, results.balance, stackless.getruncount())
stackless.run()
print(stackless.getruncount())
