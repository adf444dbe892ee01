//! The core must stay pure: no pyo3 (Python belongs to alembic_rs_py) and no tokio (the
//! database belongs to alembic_rs_pg), so the native CLI and any Rust service can use it.
use std::process::Command;

#[test]
fn core_depends_on_neither_pyo3_nor_tokio() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "-p",
            "alembic_rs_core",
            "-e",
            "normal,build",
            "--prefix",
            "none",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(
        tree.contains("alembic_rs_core"),
        "unexpected cargo tree output: {tree}"
    );
    for forbidden in ["pyo3", "tokio"] {
        let hits: Vec<&str> = tree
            .lines()
            .filter(|l| {
                l.split_whitespace()
                    .next()
                    .is_some_and(|c| c.starts_with(forbidden))
            })
            .collect();
        assert!(
            hits.is_empty(),
            "alembic_rs_core depends on {forbidden}: {hits:?}"
        );
    }
}
