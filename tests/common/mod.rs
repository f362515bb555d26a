//! What the script tests share: the list of scripts and a line diff.

use std::path::{Path, PathBuf};

/// Every script of `tests/scripts/` (modules named `helper_*` excepted), sorted.
pub(crate) fn scripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| {
        p.extension().is_some_and(|e| e == "py")
            && !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("helper_"))
    });
    out.sort();
    out
}

/// The lines where `got` differs from `expected`, for a failure message.
pub(crate) fn diff(expected: &str, got: &str) -> String {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..e.len().max(g.len()) {
        let (a, b) = (e.get(i), g.get(i));
        if a != b {
            out.push_str(&format!(
                "  line {}:\n    expected: {:?}\n    got:      {:?}\n",
                i + 1,
                a,
                b
            ));
            if out.len() > 1500 {
                break;
            }
        }
    }
    if out.is_empty() && expected != got {
        out.push_str("  (differences in trailing newlines)\n");
    }
    out
}
