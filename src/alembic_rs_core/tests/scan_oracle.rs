//! Version-location layouts scanned natively and checked against what real Alembic's
//! `ScriptDirectory._load_revisions` yielded and warned for the same layout
//! (tests/fixtures/scan_cases.json, produced by tests/oracle/gen_scan_config_cases.py).

#[path = "fixtures/support.rs"]
mod support;

use alembic_rs_core::script::scan::{FileOutcome, ScanOptions, scan};
use serde_json::{Value, json};

fn build(root: &support::TempDir, files: &Value) {
    for entry in files.as_array().expect("files") {
        let rel = entry[0].as_str().expect("path");
        let kind = entry[1].as_str().expect("kind");
        let payload = entry[2].as_str().expect("payload");
        let path = root.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        match kind {
            "py" | "text" => std::fs::write(&path, payload).expect("write"),
            // Compiled files are never read natively; their bytes do not matter.
            "pyc" => std::fs::write(&path, b"not really bytecode").expect("write"),
            "link" | "dirlink" => std::os::unix::fs::symlink(payload, &path).expect("symlink"),
            "dir" => std::fs::create_dir_all(&path).expect("mkdir"),
            other => panic!("unknown kind {other}"),
        }
    }
}

fn run_case(case: &Value, use_cache: bool) -> Value {
    let root = support::TempDir::new("scan-oracle");
    build(&root, &case["files"]);
    let opts = ScanOptions {
        version_locations: case["locations"]
            .as_array()
            .expect("locations")
            .iter()
            .map(|l| root.path().join(l.as_str().expect("str")))
            .collect(),
        recursive: case["recursive"].as_bool().expect("bool"),
        sourceless: case["sourceless"].as_bool().expect("bool"),
        use_cache,
    };
    // Twice with the cache: the second run reads what the first wrote.
    let runs = if use_cache { 2 } else { 1 };
    let mut result = Value::Null;
    for _ in 0..runs {
        result = match scan(&opts) {
            Ok(report) => {
                let loaded: Vec<Value> = report
                    .files
                    .iter()
                    .filter_map(|f| {
                        let path = support::rooted(&f.path.to_string_lossy(), root.path());
                        match &f.outcome {
                            FileOutcome::Header(h) => {
                                Some(json!({"path": path, "revision": h.revision}))
                            }
                            FileOutcome::NeedsImport(_) => {
                                Some(json!({"path": path, "revision": null}))
                            }
                            FileOutcome::NotRevisionFile => None,
                        }
                    })
                    .collect();
                let warnings: Vec<Value> = report
                    .warnings
                    .iter()
                    .map(|w| {
                        json!({
                            "category": format!("{:?}", w.category),
                            "message": support::rooted(&w.message, root.path()),
                        })
                    })
                    .collect();
                json!({"loaded": loaded, "warnings": warnings, "error": null})
            }
            Err(err) => json!({"error": support::rooted(&err.to_string(), root.path())}),
        };
    }
    result
}

#[test]
fn layouts_load_like_alembic() {
    let fixture = support::fixture("scan_cases.json");
    let mut failures = Vec::new();
    for case in fixture["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let expected = &case["expected"];
        for use_cache in [false, true] {
            let ours = run_case(case, use_cache);
            if let Some(message) = expected["error"]["message"].as_str() {
                if ours["error"].as_str() != Some(message) {
                    failures.push(format!(
                        "{name} (cache={use_cache}): error {}",
                        ours["error"]
                    ));
                }
                continue;
            }
            let ours_loaded = ours["loaded"].as_array().cloned().unwrap_or_default();
            let want_loaded = expected["loaded"].as_array().expect("loaded");
            let same_paths = ours_loaded.len() == want_loaded.len()
                && ours_loaded.iter().zip(want_loaded).all(|(o, w)| {
                    o["path"] == w["path"]
                        // A file that needs importing has no native revision to compare.
                        && (o["revision"].is_null() || o["revision"] == w["revision"])
                });
            if !same_paths {
                failures.push(format!(
                    "{name} (cache={use_cache}): loaded\n  ours {}\n  want {}",
                    Value::Array(ours_loaded),
                    Value::Array(want_loaded.clone())
                ));
            }
            if ours["warnings"] != expected["warnings"] {
                failures.push(format!(
                    "{name} (cache={use_cache}): warnings\n  ours {}\n  want {}",
                    ours["warnings"], expected["warnings"]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
