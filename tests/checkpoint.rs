//! Pickling is invisible: every script of `tests/scripts/`, stopped after
//! random instruction counts, checkpointed to bytes and resumed in a fresh
//! VM (once, twice or three times in a row), prints exactly what a straight
//! run prints and ends the same way.

use std::path::Path;

use brine::checkpoint::Stopped;
use brine::{Program, ProgramEnd, SharedOutput};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

mod common;
use common::{diff, scripts};

/// A straight run: its output, how it ended, and how many instructions it ran.
fn straight(path: &Path) -> Option<(String, ProgramEnd, u64)> {
    let out = SharedOutput::default();
    let mut prog = Program::load(path, &[], Box::new(out.clone()), Box::new(out.clone())).ok()?;
    let end = prog.run(1 << 24);
    Some((out.text(), end, prog.vm.executed))
}

/// A run stopped after each of `stops` instructions in turn, checkpointed
/// and resumed from the bytes each time.
fn with_checkpoints(path: &Path, stops: &[u64]) -> Result<(String, ProgramEnd), String> {
    let out = SharedOutput::default();
    let mut prog = Program::load(path, &[], Box::new(out.clone()), Box::new(out.clone()))
        .map_err(|e| e.to_string())?;
    for &n in stops {
        let bytes = match prog.run_and_checkpoint(n) {
            Ok(Stopped::Saved(bytes)) => bytes,
            Ok(Stopped::Ended(end)) => return Ok((out.text(), end)),
            Err(e) => return Err(format!("after {n}: {e}")),
        };
        drop(prog);
        prog = Program::resume(&bytes, Box::new(out.clone()), Box::new(out.clone()))
            .map_err(|e| format!("resuming after {n}: {e}"))?;
    }
    let end = prog.run(1 << 24);
    Ok((out.text(), end))
}

#[test]
fn pickling_is_invisible() {
    let mut failures = Vec::new();
    for path in scripts() {
        let Some((want, want_end, total)) = straight(&path) else {
            continue;
        };
        let mut runner = TestRunner::new(Config {
            cases: 8,
            failure_persistence: None,
            ..Config::default()
        });
        let stops = prop::collection::vec(1..=total.max(1), 1..=3);
        let result = runner.run(&stops, |stops| {
            let (got, end) = with_checkpoints(&path, &stops).map_err(TestCaseError::fail)?;
            if got != want || end != want_end {
                return Err(TestCaseError::fail(format!(
                    "stopped after {stops:?}\n{}{want_end:?} vs {end:?}",
                    diff(&want, &got)
                )));
            }
            Ok(())
        });
        if let Err(e) = result {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
