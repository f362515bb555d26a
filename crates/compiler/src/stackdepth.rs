//! The deepest the value stack gets: a flow analysis over every path from
//! the first instruction, exception handlers included (a `SetupExcept`'s
//! target is reached with the exception pushed, as
//! [`Instr::stack_effect`] says).

use brine_vm::bytecode::Instr;

/// The largest stack depth reachable in `instrs`.
pub(crate) fn max_stack(instrs: &[Instr]) -> u32 {
    let mut seen: Vec<Option<i32>> = vec![None; instrs.len()];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0i32;
    while let Some((pc, depth)) = work.pop() {
        let Some(slot) = seen.get_mut(pc) else {
            continue;
        };
        if slot.is_some_and(|d| d >= depth) {
            continue;
        }
        *slot = Some(depth);
        max = max.max(depth);
        let ins = instrs[pc];
        if let Some(target) = ins.jump_target() {
            let d = depth + ins.stack_effect(true);
            max = max.max(d);
            work.push((target as usize, d));
        }
        if !ins.is_terminal() {
            let d = depth + ins.stack_effect(false);
            max = max.max(d);
            work.push((pc + 1, d));
        }
    }
    max.max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handler_targets_count_the_pushed_exception() {
        // SetupExcept(3); LoadConst; PopBlock... ; handler: [exc] Reraise
        let code = [
            Instr::SetupExcept(4),
            Instr::LoadConst(0),
            Instr::PopTop,
            Instr::PopBlock,
            Instr::Reraise,
        ];
        assert_eq!(max_stack(&code), 1);
        let code = [
            Instr::LoadConst(0),
            Instr::SetupExcept(4),
            Instr::PopBlock,
            Instr::ReturnValue,
            Instr::Reraise,
        ];
        assert_eq!(max_stack(&code), 2);
    }
}
