//! The collector keeps memory flat: a loop that allocates and drops ten
//! million temporary objects (lists, dicts, instances, closures) stays under
//! 100 MB peak. Its own test binary, so the process peak is this test's.

use std::io::Write;

const PROGRAM: &str = r#"
class Point:
    def __init__(self, x):
        self.x = x


def churn(n):
    total = 0
    for i in range(n):
        pair = [i, i + 1]
        table = {"k": i}
        p = Point(i)
        get = lambda: p.x
        total += len(pair) + len(table) + get() - p.x
    return total


print(churn(2500000))
"#;

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn ten_million_temporaries_stay_under_100_mb() {
    let dir = std::env::temp_dir().join(format!("brine-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("churn.py");
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(PROGRAM.as_bytes()))
        .expect("write program");
    let (out, end) = brine::runner::run_captured(&path, &[], 1 << 24).expect("runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(end.exit_code, 0, "{}", end.stderr);
    assert_eq!(out, "7500000\n");
    if let Some(kb) = peak_rss_kb() {
        assert!(kb < 100 * 1024, "peak RSS {kb} kB is over 100 MB");
    }
}
