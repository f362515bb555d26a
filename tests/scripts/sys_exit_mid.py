import sys

print("working")
for i in range(3):
    print(i)
    if i == 1:
        sys.exit(0)
print("never")
