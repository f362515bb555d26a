# An async generator that paginates a fake "remote" data source with awaits between pages.
class FetchPage:
    # awaiting this suspends with a request; the driver answers with the page contents
    def __init__(self, page):
        self.page = page
    def __await__(self):
        data = yield ("fetch", self.page)
        return data

DATA = ["rec%02d" % i for i in range(11)]

def server(page, size=4):
    start = page * size
    chunk = DATA[start:start + size]
    return {"items": chunk, "next": page + 1 if start + size < len(DATA) else None}

async def paginate(first=0):
    page = first
    while page is not None:
        resp = await FetchPage(page)
        for item in resp["items"]:
            skip = yield item
            if skip:
                print("  skipping rest of page", page)
                break
        page = resp["next"]

async def collect(limit):
    got = []
    pages = paginate()
    async for rec in pages:
        got.append(rec)
        if len(got) == limit:
            break
    await pages.aclose()
    return got

def drive(coro):
    requests = 0
    reply = None
    try:
        while True:
            req = coro.send(reply)
            requests += 1
            reply = server(req[1])
    except StopIteration as e:
        return requests, e.value

print(drive(collect(100)))
print(drive(collect(6)))

# manual driving with asend(True) to skip the remainder of a page
ag = paginate()
seen = []
send_val = None
for step in range(6):
    aw = ag.asend(send_val)
    reply = None
    try:
        while True:
            req = aw.send(reply)
            print("  fetch page", req[1])
            reply = server(req[1])
    except StopIteration as e:
        value = e.value
    seen.append(value)
    send_val = (value == "rec01")
print(seen)
try:
    ag.aclose().send(None)
except StopIteration:
    print("closed")
