//! Differential scripts: every `tests/scripts/NAME.py` prints exactly the
//! `NAME.out` CPython 3.11 printed; with `NAME.err`, it also ends with that
//! line on stderr and exit status 1; otherwise it exits 0 and writes to
//! stderr exactly `NAME.stderr` (nothing when there is no such file). The slicing test runs each script in
//! slices of a few instructions and checks the output does not change.

use std::path::Path;

use brine::runner::run_captured;

mod common;
use common::{diff, scripts};

/// Check one script against its expected files; `None` when it passes.
fn check(path: &Path, slice: u64) -> Option<String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
    let err_line = std::fs::read_to_string(path.with_extension("err")).ok();
    let (stdout, end) = match run_captured(path, &[], slice) {
        Ok(r) => r,
        Err(e) => return Some(format!("{name}: could not run: {e}\n")),
    };
    let mut problems = String::new();
    if stdout != expected {
        problems.push_str(&format!(
            "{name}: stdout differs\n{}",
            diff(&expected, &stdout)
        ));
    }
    match err_line {
        Some(want) => {
            let last = end.stderr.lines().last().unwrap_or("").trim_end();
            if last != want.trim_end() || end.exit_code != 1 {
                problems.push_str(&format!(
                    "{name}: expected exit 1 and stderr ending {:?}, got exit {} and stderr:\n{}\n",
                    want.trim_end(),
                    end.exit_code,
                    end.stderr
                ));
            }
        }
        None => {
            let want_err =
                std::fs::read_to_string(path.with_extension("stderr")).unwrap_or_default();
            if end.exit_code != 0 || end.stderr != want_err {
                problems.push_str(&format!(
                    "{name}: expected exit 0 and stderr {want_err:?}, got exit {} and stderr:\n{}\n",
                    end.exit_code, end.stderr
                ));
            }
        }
    }
    (!problems.is_empty()).then_some(problems)
}

#[test]
fn scripts_match_cpython() {
    let all = scripts();
    let failures: Vec<String> = all.iter().filter_map(|p| check(p, 1 << 24)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} scripts failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn slicing_is_invisible() {
    let mut failures = Vec::new();
    for path in scripts() {
        let Ok((straight, end)) = run_captured(&path, &[], 1 << 24) else {
            continue;
        };
        for slice in [1u64, 2, 3, 7, 1000] {
            match run_captured(&path, &[], slice) {
                Ok((out, e)) if out == straight && e == end => {}
                Ok((out, e)) => failures.push(format!(
                    "{} with slices of {slice}: output or end differs\n{}{:?} vs {:?}\n",
                    path.display(),
                    diff(&straight, &out),
                    end,
                    e
                )),
                Err(e) => failures.push(format!("{}: {e}", path.display())),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
