//! Version files read without importing them, checked against what real Alembic's
//! `Script._from_path` made of the same bytes (tests/fixtures/parse_cases.json, produced by
//! tests/oracle/gen_scan_config_cases.py).

#[path = "fixtures/support.rs"]
mod support;

use std::path::Path;

use alembic_rs_core::script::RevRef;
use alembic_rs_core::script::parse::{ParsedFile, clean_doc_py313, parse_bytes};
use serde_json::Value;

fn source_of(case: &Value) -> Vec<u8> {
    match (case.get("source"), case.get("source_hex")) {
        (Some(Value::String(s)), _) => s.as_bytes().to_vec(),
        (_, Some(Value::String(h))) => support::decode_hex(h),
        _ => panic!("case without source: {case}"),
    }
}

fn rev_ref(v: &Value) -> RevRef {
    match v {
        Value::Null => RevRef::None,
        Value::String(s) => RevRef::One(s.clone()),
        Value::Array(items) => RevRef::Many(
            items
                .iter()
                .map(|i| i.as_str().expect("str").to_owned())
                .collect(),
        ),
        other => panic!("unexpected down_revision {other}"),
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|i| i.as_str().expect("str").to_owned())
        .collect()
}

/// `_legacy_rev`: `([a-f0-9]+)\.py$`.
fn legacy(filename: &str) -> Option<&str> {
    let stem = filename.strip_suffix(".py")?;
    (!stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()))
    .then_some(stem)
}

#[test]
fn every_case_matches_alembic() {
    let fixture = support::fixture("parse_cases.json");
    let cases = fixture["cases"].as_array().expect("cases");
    assert!(cases.len() > 50, "fixture looks truncated");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let filename = case["filename"].as_str().expect("filename");
        let expect = case["expect"].as_str().expect("expect");
        let oracle = &case["oracle"];
        let result = parse_bytes(Path::new(filename), &source_of(case));
        let verdict: Result<(), String> = match (expect, &result) {
            ("header", Ok(ParsedFile::Header(h) | ParsedFile::NoRevision(h))) => {
                let revision = match &result {
                    Ok(ParsedFile::NoRevision(_)) => legacy(filename)
                        .map(str::to_owned)
                        .ok_or_else(|| "NoRevision for a non-legacy file name".to_owned()),
                    _ => Ok(h.revision.clone()),
                };
                let mut problems = Vec::new();
                if oracle["ok"] != Value::Bool(true) {
                    problems.push(format!("oracle failed: {oracle}"));
                } else {
                    if revision.as_deref().ok() != oracle["revision"].as_str() {
                        problems.push(format!("revision {revision:?} vs {}", oracle["revision"]));
                    }
                    if h.down_revision != rev_ref(&oracle["down_revision"]) {
                        problems.push(format!(
                            "down_revision {:?} vs {}",
                            h.down_revision, oracle["down_revision"]
                        ));
                    }
                    if h.branch_labels != strings(&oracle["branch_labels"]) {
                        problems.push(format!("branch_labels {:?}", h.branch_labels));
                    }
                    if h.depends_on != strings(&oracle["depends_on"]) {
                        problems.push(format!("depends_on {:?}", h.depends_on));
                    }
                    if h.doc.as_deref() != oracle["doc"].as_str() {
                        problems.push(format!("doc {:?} vs {}", h.doc, oracle["doc"]));
                    }
                    if let Some(doc313) = case.get("doc_py313") {
                        let ours = h.doc.as_deref().map(clean_doc_py313);
                        if ours.as_deref() != doc313.as_str() {
                            problems.push(format!("3.13 doc {ours:?} vs {doc313}"));
                        }
                    }
                }
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(problems.join("; "))
                }
            }
            ("needs_import", Ok(ParsedFile::NeedsImport(_))) => Ok(()),
            ("no_revision_error", Ok(ParsedFile::NoRevision(_))) if legacy(filename).is_none() => {
                assert_eq!(oracle["type"], "CommandError");
                Ok(())
            }
            ("syntax_error", Err(err)) => {
                // CPython: "invalid syntax (x49.py, line 5)"; the parsers agree on the line.
                let message = oracle["message"].as_str().unwrap_or("");
                let line = message
                    .rsplit("line ")
                    .next()
                    .and_then(|l| l.trim_end_matches(')').parse::<usize>().ok());
                if Some(err.line) == line && err.to_string().starts_with(&format!("{filename}:")) {
                    Ok(())
                } else {
                    Err(format!("error {err} vs oracle {message}"))
                }
            }
            _ => Err(format!("expected {expect}, got {result:?}")),
        };
        if let Err(problem) = verdict {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
