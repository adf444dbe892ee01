//! `alembic history [-r rev_range] [--verbose] [--indicate-current]`.

use alembic_rs_core::script::format;

use super::not_native::{NEEDS_DATABASE, not_native};
use super::project::{ScriptDirectory, config_failure, script_failure};
use super::{Failure, Reporter};

pub(crate) fn history(
    script: &ScriptDirectory,
    out: &mut dyn Reporter,
    rev_range: Option<&str>,
    verbose: bool,
    indicate_current: bool,
) -> Result<(), Failure> {
    // Alembic's order: the range's syntax, then whether env.py must run.
    let (base, head) = format::parse_history_range(rev_range).map_err(script_failure)?;
    let environment = script
        .options
        .revision_environment_enabled()
        .map_err(config_failure)?;
    if base.as_deref() == Some("current") || head.as_deref() == Some("current") {
        return Err(not_native(
            "'history' with 'current' in the range",
            NEEDS_DATABASE,
        ));
    }
    if indicate_current {
        return Err(not_native("'history --indicate-current'", NEEDS_DATABASE));
    }
    if environment {
        return Err(not_native(
            "'history' with revision_environment = true",
            "revision_environment makes Alembic run env.py, a Python script, first",
        ));
    }
    let revs = script.revisions(out, true)?;
    let lines = format::history(&revs.map, &revs.metas, rev_range, verbose);
    revs.flush_warnings(out);
    for line in lines.map_err(script_failure)? {
        out.print_stdout(&line);
    }
    Ok(())
}
