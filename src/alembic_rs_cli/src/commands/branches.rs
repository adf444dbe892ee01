//! `alembic branches [--verbose]`.

use alembic_rs_core::script::format;

use super::project::{ScriptDirectory, script_failure};
use super::{Failure, Reporter};

pub(crate) fn branches(
    script: &ScriptDirectory,
    out: &mut dyn Reporter,
    verbose: bool,
) -> Result<(), Failure> {
    let revs = script.revisions(out, true)?;
    let lines = format::branches(&revs.map, &revs.metas, verbose);
    revs.flush_warnings(out);
    for line in lines.map_err(script_failure)? {
        out.print_stdout(&line);
    }
    Ok(())
}
