//! `alembic heads [--verbose] [--resolve-dependencies]`.

use alembic_rs_core::script::format;

use super::project::{ScriptDirectory, script_failure};
use super::{Failure, Reporter};

pub(crate) fn heads(
    script: &ScriptDirectory,
    out: &mut dyn Reporter,
    verbose: bool,
    resolve_dependencies: bool,
) -> Result<(), Failure> {
    // `get_revisions("heads")` builds the map under `_catch_revision_errors`;
    // `get_heads()` (without --resolve-dependencies) does not.
    let revs = script.revisions(out, resolve_dependencies)?;
    let lines = format::heads(&revs.map, &revs.metas, verbose, resolve_dependencies);
    revs.flush_warnings(out);
    for line in lines.map_err(script_failure)? {
        out.print_stdout(&line);
    }
    Ok(())
}
