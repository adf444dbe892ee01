//! `alembic_rs._native`: the only place pyo3 meets the core. Python passes plain data in
//! (strings, tuples), gets plain data back, and errors arrive as Alembic's own exception
//! classes (see `errors`).

mod convert;
mod errors;
mod executor;
mod fast_path;
mod revision_map;
mod runtime;
mod version_scripts;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<revision_map::NativeRevisionMap>()?;
    m.add_class::<version_scripts::VersionScripts>()?;
    m.add_class::<runtime::MigrationRun>()?;
    m.add_class::<runtime::Step>()?;
    m.add_function(wrap_pyfunction!(fast_path::fast_readonly_command, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::evaluate_file, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::plan_steps, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::step_info, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::has_bind_parameters, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::advisory_lock_key, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::dialect_drivers, m)?)?;
    Ok(())
}
