def run(program):
    stack, pc, out = [], 0, []
    labels = {}
    for i, line in enumerate(program):
        if line.endswith(":"):
            labels[line[:-1]] = i
    steps = 0
    while pc < len(program):
        steps += 1
        parts = program[pc].split()
        pc += 1
        if not parts or parts[0].endswith(":"):
            continue
        op, *arg = parts
        if op == "push":
            stack.append(int(arg[0]))
        elif op == "add":
            b, a = stack.pop(), stack.pop()
            stack.append(a + b)
        elif op == "mul":
            b, a = stack.pop(), stack.pop()
            stack.append(a * b)
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == "print":
            out.append(stack[-1])
        elif op == "jnz":
            if stack.pop() != 0:
                pc = labels[arg[0]]
        elif op == "dec":
            stack[-1] -= 1
        else:
            raise ValueError(f"bad op {op}")
    return out, stack, steps


factorial = ["push 1", "push 10", "loop:", "dup", "swap", "pop" if False else "swap", "dup", "jnz body", "body:", "swap", "mul" if False else "swap", "dec", "dup", "jnz loop"]
prog = ["push 5", "top:", "print", "dec", "dup", "jnz top", "push 7", "push 6", "mul", "print"]
print(run(prog))
try:
    run(["push 1", "frobnicate"])
except ValueError as e:
    print("ValueError:", e)
