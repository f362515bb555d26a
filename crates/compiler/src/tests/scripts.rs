//! Every differential script of the repository compiles and verifies.

use crate::{compile_module, disassemble, verify};

#[test]
fn every_script_compiles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scripts");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no {} folder: nothing to check", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    for p in &paths {
        let Ok(src) = std::fs::read_to_string(p) else {
            failures.push(format!("{}: unreadable", p.display()));
            continue;
        };
        match compile_module(&src, &p.display().to_string()) {
            Ok(code) => {
                if let Err(e) = verify(&code) {
                    failures.push(format!("{e}\n{}", disassemble(&code)));
                }
            }
            Err(e) => failures.push(e.to_string()),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
