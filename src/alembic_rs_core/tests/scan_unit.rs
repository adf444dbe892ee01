//! Listing corner cases: dangling symlinks, symlink loops, error order, odd locations.

#[path = "fixtures/support.rs"]
mod support;

use std::os::unix::fs::symlink;

use alembic_rs_core::script::scan::{FileOutcome, ScanError, ScanOptions, scan};
use support::TempDir;

fn opts(root: &TempDir, locations: &[&str]) -> ScanOptions {
    ScanOptions {
        version_locations: locations.iter().map(|l| root.path().join(l)).collect(),
        recursive: false,
        sourceless: false,
        use_cache: false,
    }
}

const REV: &str = "revision = 'aaaa'\ndown_revision = None\n";

#[test]
fn dangling_symlink_needs_import_at_its_resolved_path() {
    let root = TempDir::new("scan-unit-dangling");
    root.write("v/a.py", REV);
    symlink("gone/target.py", root.path().join("v/b.py")).expect("symlink");
    let report = scan(&opts(&root, &["v"])).expect("scan");
    assert_eq!(report.files.len(), 2);
    assert_eq!(report.files[1].path, root.path().join("v/gone/target.py"));
    assert!(matches!(
        report.files[1].outcome,
        FileOutcome::NeedsImport(_)
    ));
}

#[test]
fn symlink_loop_fails_like_path_resolve() {
    let root = TempDir::new("scan-unit-loop");
    root.write("v/a.py", REV);
    symlink("y", root.path().join("v/x")).expect("symlink");
    symlink("x", root.path().join("v/y")).expect("symlink");
    let err = scan(&opts(&root, &["v"])).expect_err("loop");
    assert!(err.to_string().contains("Symlink loop from"), "{err}");
}

#[test]
fn first_failure_in_load_order_wins() {
    let root = TempDir::new("scan-unit-order");
    root.write("v/a.py", REV);
    root.write("v/b.py", "revision = 'bbbb'\ndown_revision = (\n");
    root.write("v/c_no_revision.py", "down_revision = None\n");
    let err = scan(&opts(&root, &["v"])).expect_err("syntax error");
    match &err {
        ScanError::Syntax(e) => {
            assert_eq!(e.path, root.path().join("v/b.py"));
            // CPython's line: where the `(` left open is
            assert_eq!(e.line, 2);
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with(&format!("{}:2:", root.path().join("v/b.py").display()))
    );

    std::fs::remove_file(root.path().join("v/b.py")).expect("rm");
    let err = scan(&opts(&root, &["v"])).expect_err("no revision");
    assert_eq!(
        err.to_string(),
        "Could not determine revision id from filename c_no_revision.py. Be sure the \
         'revision' variable is declared inside the script (please see 'Upgrading from \
         Alembic 0.1 to 0.2' in the documentation)."
    );
}

#[test]
fn missing_and_file_locations_yield_nothing() {
    let root = TempDir::new("scan-unit-locations");
    root.write("not_a_dir.py", REV);
    let report = scan(&opts(&root, &["missing", "not_a_dir.py"])).expect("scan");
    assert!(report.files.is_empty() && report.warnings.is_empty());
}
