//! The `alembic` console script's shortcut: a plain read-only command line answered
//! natively before Python imports Alembic's modules (see `alembic_rs._cli`).

use std::ffi::OsString;

use pyo3::prelude::*;

/// `(stdout, stderr)` of `alembic <argv>` when it runs natively with exactly Alembic's result
/// (a read-only command, or `--sql` with a template env.py: see `alembic_rs_cli::fast_path`),
/// else `None` (the caller then runs Alembic's full Python command line).
#[pyfunction]
#[pyo3(signature = (argv, alembic_config=None, deprecations_visible=true))]
pub(crate) fn fast_readonly_command(
    py: Python<'_>,
    argv: Vec<String>,
    alembic_config: Option<String>,
    deprecations_visible: bool,
) -> PyResult<Option<(String, String)>> {
    let py313 = py.version_info() >= (3, 13);
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        // Python reports a vanished working directory its own way
        Err(_) => return Ok(None),
    };
    let argv: Vec<OsString> = argv.into_iter().map(OsString::from).collect();
    Ok(py
        .detach(|| {
            alembic_rs_cli::fast_path(argv, cwd, alembic_config, py313, deprecations_visible)
        })
        .map(|out| (out.stdout, out.stderr)))
}
