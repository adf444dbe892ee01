//! `alembic show <rev>`.

use alembic_rs_core::script::format::{self, ScriptSource};
use alembic_rs_core::script::revision::{RevArg, RevisionOrBase};

use super::not_native::{NEEDS_DATABASE, not_native};
use super::project::{ScriptDirectory, script_failure};
use super::{Failure, Reporter};

pub(crate) fn show(
    script: &ScriptDirectory,
    out: &mut dyn Reporter,
    rev: &str,
) -> Result<(), Failure> {
    if rev == "current" {
        return Err(not_native("'show current'", NEEDS_DATABASE));
    }
    let revs = script.revisions(out, true)?;
    let found = revs
        .map
        .script_directory()
        .get_revisions(&RevArg::Str(rev.to_owned()));
    revs.flush_warnings(out);
    // Entry by entry, as Alembic prints them: a relative spec that walks off the graph gives
    // `None` (or "base") among revisions, and Alembic fails on it after printing the ones
    // before.
    for item in found.map_err(script_failure)? {
        let sc = match item {
            Some(RevisionOrBase::Revision(sc)) => sc,
            Some(RevisionOrBase::Base) => return Err(no_log_entry("str")),
            None => return Err(no_log_entry("NoneType")),
        };
        let (path, doc) = (revs.metas.path(sc), revs.metas.module_doc(sc));
        out.print_stdout(&format::log_entry(sc, path, doc, false));
    }
    Ok(())
}

fn no_log_entry(type_name: &str) -> Failure {
    Failure::exception(
        "AttributeError",
        format!("'{type_name}' object has no attribute 'log_entry'"),
    )
}
