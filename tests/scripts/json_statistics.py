import json
import statistics

doc = {"name": "brine", "tags": ["vm", "pickle"], "n": 3, "pi": 3.14, "ok": True, "none": None, "nested": {"a": [1, {"b": "c\n\"q\""}]}, "uni": "café"}
s = json.dumps(doc)
print(s)
print(json.dumps(doc, indent=2, sort_keys=True))
print(json.loads(s) == doc, json.loads('[1, 2.5, "x", null, true, {"k": []}]'), json.dumps([]), json.dumps({}), json.dumps("é", ensure_ascii=False))
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data), round(statistics.stdev(data), 6), statistics.variance(data))
print(statistics.median([1, 3, 2]), statistics.mean([1.5, 2.5]), statistics.multimode("aabbc"), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))
