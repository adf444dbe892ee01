//! The core must stay pure: no pyo3 (Python belongs to alembic_rs_py) and no tokio or
//! database driver (the database belongs to alembic_rs_pg), so the native CLI and any Rust
//! service can use it. tests/test_structure.py checks the Python side's rule (no plan
//! walking in python/alembic).
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
    // pyo3: Python; tokio (and tokio-postgres): the async runtime; postgres*: a database
    // driver; the adapters themselves
    for forbidden in [
        "pyo3",
        "tokio",
        "postgres",
        "sqlx",
        "alembic_rs_pg",
        "alembic_rs_py",
    ] {
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
