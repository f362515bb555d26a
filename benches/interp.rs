//! Interpreter speed: whole scripts from `benches/py/`, compiled once and run
//! to the end on a fresh VM each iteration (recursive calls, integer loops,
//! method calls, dict and str work, sorting with a key).

#![allow(missing_docs)] // criterion_main! generates an undocumented `main`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};

/// The same allocator as the `brine` command, so the figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench_scripts(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/py");
    let mut group = c.benchmark_group("interp");
    group.sample_size(10);
    for name in ["fib", "loop_add", "methods", "words", "sort_key"] {
        let path = dir.join(format!("{name}.py"));
        group.bench_function(name, |b| {
            b.iter(|| {
                let (out, end) =
                    brine::runner::run_captured(&path, &[], 1 << 24).expect("script runs");
                assert_eq!(end.exit_code, 0, "{name} failed: {}", end.stderr);
                out
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_scripts);
criterion_main!(benches);
