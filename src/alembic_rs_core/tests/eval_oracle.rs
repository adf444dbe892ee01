//! The static evaluator against real Alembic 1.20.1 + SQLAlchemy 2.1.9
//! (tests/oracle/eval_cases.json, produced by tests/oracle/gen_eval_cases.py).
//!
//! For every version file of the compatibility corpus and of tests/fixtures/eval/: each of
//! `upgrade()` / `downgrade()` the evaluator calls static is compiled with `PostgresqlImpl`
//! (one `DdlSession` per function, as the oracle runs each in a fresh migration context) and
//! must give exactly the statements — and the offline text — real Alembic produced. A
//! function expected to be dynamic (a `# eval-expect:` line in a fixture, [`CORPUS_DYNAMIC`]
//! for the corpus) must be `Dynamic` with a reason; every other function must be static.

use std::path::Path;

use alembic_rs_core::ddl::{DdlImpl, DdlSession, PostgresqlImpl, offline_statement};
use alembic_rs_core::eval::{Evaluated, evaluate_source};
use alembic_rs_core::ops::Op;
use serde::Deserialize;

const FIXTURE: &str = include_str!("oracle/eval_cases.json");

/// Corpus functions that are not plain op calls, with what makes them dynamic.
const CORPUS_DYNAMIC: &[(&str, &str, &str)] = &[
    (
        "alembic_compat/job_runner/migrations/versions/8f75e95497fa_add_execution_duration.py",
        "upgrade",
        "op.get_bind",
    ),
    // upgrade() (op.bulk_insert of the module-level sa.table) is static; downgrade()'s
    // `user_table.delete()` is a Core construct
    (
        "alembic_compat/fastapi_template/alembic/versions/0a51f5e172db_seed_default_admin_user.py",
        "downgrade",
        "not a dotted name",
    ),
    (
        "alembic_compat/job_runner/migrations/versions/ae27af39a19b_add_timeout_and_retry_settings_to_jobs.py",
        "upgrade",
        "op.get_bind",
    ),
    (
        "alembic_compat/graphs/computed_ids/alembic/versions/300bead486f6_revision_id_from_file_name.py",
        "upgrade",
        "`from pathlib import Path`",
    ),
    (
        "alembic_compat/graphs/computed_ids/alembic/versions/300bead486f6_revision_id_from_file_name.py",
        "downgrade",
        "`from pathlib import Path`",
    ),
    (
        "alembic_compat/graphs/computed_ids/alembic/versions/488ee67da0fe_revision_fstring.py",
        "upgrade",
        "module-level assignment",
    ),
    (
        "alembic_compat/graphs/computed_ids/alembic/versions/488ee67da0fe_revision_fstring.py",
        "downgrade",
        "module-level assignment",
    ),
    (
        "alembic_compat/graphs/computed_ids/alembic/versions/d4fa018f17fe_revision_prefix.py",
        "upgrade",
        "module-level assignment",
    ),
    (
        "alembic_compat/graphs/computed_ids/alembic/versions/d4fa018f17fe_revision_prefix.py",
        "downgrade",
        "module-level assignment",
    ),
];

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    path: String,
    ordered: bool,
    import_error: Option<String>,
    upgrade: Option<Outcome>,
    downgrade: Option<Outcome>,
}

#[derive(Deserialize)]
struct Outcome {
    statements: Option<Vec<String>>,
    offline: Option<String>,
    error: Option<String>,
}

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("crate lives in <repo>/src/<crate>")
}

fn compile(ops: &[Op]) -> Result<Vec<String>, String> {
    let compiler = PostgresqlImpl::new();
    let mut session = DdlSession::new();
    let mut out = Vec::new();
    for op in ops {
        out.extend(
            compiler
                .compile(op, &mut session)
                .map_err(|e| e.to_string())?,
        );
    }
    Ok(out)
}

/// `Some(reason fragment)` when the function is expected to be dynamic.
fn expected_dynamic(path: &str, source: &str, function: &str) -> Option<String> {
    for line in source.lines() {
        if let Some(spec) = line.strip_prefix("# eval-expect:") {
            return spec
                .split_whitespace()
                .any(|kv| kv == format!("{function}=dynamic"))
                .then(String::new);
        }
    }
    CORPUS_DYNAMIC
        .iter()
        .find(|(p, f, _)| *p == path && *f == function)
        .map(|(_, _, reason)| (*reason).to_owned())
}

struct Tally {
    functions: usize,
    static_checked: usize,
    dynamic: usize,
}

fn check_function(
    case: &Case,
    source: &str,
    function: &str,
    evaluated: &Evaluated,
    outcome: &Outcome,
    tally: &mut Tally,
) -> Result<(), String> {
    let ctx = format!("{} {function}()", case.path);
    tally.functions += 1;
    let ops = match (evaluated, expected_dynamic(&case.path, source, function)) {
        (Evaluated::Dynamic(reason), Some(fragment)) => {
            tally.dynamic += 1;
            if reason.is_empty() || !reason.contains(&fragment) {
                return Err(format!(
                    "{ctx}: dynamic reason {reason:?} lacks {fragment:?}"
                ));
            }
            return Ok(());
        }
        (Evaluated::Dynamic(reason), None) => {
            return Err(format!("{ctx}: expected static, got Dynamic({reason:?})"));
        }
        (Evaluated::Static(ops), Some(_)) => {
            return Err(format!("{ctx}: expected dynamic, got Static({ops:#?})"));
        }
        (Evaluated::Static(ops), None) => ops,
    };
    tally.static_checked += 1;
    // Every static op survives the serde shape the Python binding exchanges.
    for op in ops {
        let again: Op = serde_json::from_str(&serde_json::to_string(op).unwrap())
            .map_err(|e| format!("{ctx}: serde round trip: {e}"))?;
        if again != *op {
            return Err(format!("{ctx}: serde round trip changed {op:?}"));
        }
    }
    let got = compile(ops);
    if let Some(error) = &outcome.error {
        return match got {
            Err(_) => Ok(()),
            Ok(stmts) => Err(format!(
                "{ctx}: Alembic raised {error}, Rust compiled {stmts:#?}"
            )),
        };
    }
    let got = got.map_err(|e| format!("{ctx}: compile failed: {e}\nops: {ops:#?}"))?;
    let want = outcome.statements.clone().expect("statements or error");
    let (mut got_cmp, mut want_cmp) = (got.clone(), want.clone());
    if !case.ordered {
        got_cmp.sort();
        want_cmp.sort();
    }
    if got_cmp != want_cmp {
        return Err(format!(
            "{ctx}: statements differ\n  expected: {want:#?}\n  got:      {got:#?}"
        ));
    }
    if case.ordered {
        let offline: String = got
            .iter()
            .map(|s| format!("{};\n\n", offline_statement(s)))
            .collect();
        if Some(&offline) != outcome.offline.as_ref() {
            return Err(format!("{ctx}: offline text differs"));
        }
    }
    Ok(())
}

#[test]
fn static_ops_compile_to_alembics_offline_sql() {
    let fixture: Fixture = serde_json::from_str(FIXTURE).expect("fixture shape");
    let mut tally = Tally {
        functions: 0,
        static_checked: 0,
        dynamic: 0,
    };
    let mut failures = Vec::new();
    let mut fixture_files = 0;
    for case in &fixture.cases {
        let source = std::fs::read_to_string(repo_root().join(&case.path))
            .unwrap_or_else(|e| panic!("{}: {e}", case.path));
        if case.path.contains("tests/fixtures/eval/") {
            fixture_files += 1;
        }
        let evaluated = evaluate_source(&source).unwrap_or_else(|e| panic!("{}: {e}", case.path));
        if let Some(error) = &case.import_error {
            failures.push(format!(
                "{}: the oracle could not import it: {error}",
                case.path
            ));
            continue;
        }
        for (function, evaluated, outcome) in [
            ("upgrade", &evaluated.upgrade, &case.upgrade),
            ("downgrade", &evaluated.downgrade, &case.downgrade),
        ] {
            let outcome = outcome.as_ref().expect("both functions recorded");
            if let Err(e) = check_function(case, &source, function, evaluated, outcome, &mut tally)
            {
                failures.push(e);
            }
        }
    }
    assert!(fixture.cases.len() >= 280, "{} files", fixture.cases.len());
    assert!(fixture_files >= 20, "{fixture_files} fixture files");
    assert!(
        failures.is_empty(),
        "{} of {} functions differ:\n\n{}",
        failures.len(),
        tally.functions,
        failures.join("\n\n")
    );
    eprintln!(
        "eval oracle: {} files, {} functions: {} static (SQL identical), {} dynamic",
        fixture.cases.len(),
        tally.functions,
        tally.static_checked,
        tally.dynamic
    );
}
