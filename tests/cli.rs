//! The `brine` command's checkpoints: `run --stop-after N --save STATE`,
//! `resume STATE` (again with `--stop-after` and `--save`), and
//! `inspect STATE`, on the example pipeline of tasklets.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn brine(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brine"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the brine binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A fresh directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brine-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn checkpoints_chain_and_match_a_straight_run() {
    let dir = scratch("chain");
    let (s1, s2) = (dir.join("one.state"), dir.join("two.state"));
    let script = "examples/pipeline.py";
    let straight = brine(&["run", script]);
    assert!(straight.status.success());

    let first = brine(&["run", script, "--stop-after", "200", "--save", path(&s1)]);
    assert!(first.status.success(), "{first:?}");
    let second = brine(&[
        "resume",
        path(&s1),
        "--stop-after",
        "200",
        "--save",
        path(&s2),
    ]);
    assert!(second.status.success(), "{second:?}");
    let last = brine(&["resume", path(&s2)]);
    assert!(last.status.success(), "{last:?}");

    let joined = stdout(&first) + &stdout(&second) + &stdout(&last);
    assert_eq!(joined, stdout(&straight));
    let left: Vec<_> = std::fs::read_dir(&dir)
        .expect("the scratch directory")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    assert_eq!(left.len(), 2, "only the two states remain: {left:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn inspect_prints_every_tasklet_with_frames_and_locals() {
    let dir = scratch("inspect");
    let state = dir.join("p.state");
    let run = brine(&[
        "run",
        "examples/pipeline.py",
        "--stop-after",
        "300",
        "--save",
        path(&state),
    ]);
    assert!(run.status.success(), "{run:?}");
    let report = stdout(&brine(&["inspect", path(&state)]));
    assert!(report.contains("Tasklet 0 (main"), "{report}");
    assert!(
        report.contains("blocked receiving on a channel"),
        "{report}"
    );
    assert!(
        report.contains("File \"examples/pipeline.py\", line "),
        "{report}"
    );
    assert!(report.contains("    for v in inp:"), "{report}");
    assert!(report.contains("      total = "), "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_states_are_reported_not_panicked_on() {
    let dir = scratch("bad");
    let state = dir.join("bad.state");
    std::fs::write(&state, b"\x93\x01\x02").expect("a file");
    for cmd in ["resume", "inspect"] {
        let o = brine(&[cmd, path(&state)]);
        assert_eq!(o.status.code(), Some(2), "{o:?}");
        assert!(String::from_utf8_lossy(&o.stderr).starts_with("brine: "));
    }
    let missing = brine(&["resume", path(&dir.join("missing"))]);
    assert_eq!(missing.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_program_that_ends_first_writes_no_state_and_says_so() {
    let dir = scratch("ends");
    let state = dir.join("never.state");
    let o = brine(&[
        "run",
        "examples/pipeline.py",
        "--stop-after",
        "100000000",
        "--save",
        path(&state),
    ]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), stdout(&brine(&["run", "examples/pipeline.py"])));
    assert!(!state.exists());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no state was saved"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
