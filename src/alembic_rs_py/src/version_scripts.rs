//! `_native.VersionScripts`: a script directory's version files, read natively. Python
//! imports only the files listed by `pending_imports()` and hands their headers back.

use std::path::PathBuf;

use alembic_rs_core::config::{ConfigWarning, WarningCategory};
use alembic_rs_core::script::ScriptHeader;
use alembic_rs_core::script::directory;
use pyo3::exceptions::{PyDeprecationWarning, PyUserWarning};
use pyo3::prelude::*;

use crate::convert::rev_ref;
use crate::errors::command_error;
use crate::revision_map::NativeRevisionMap;

#[pyclass(module = "alembic_rs._native")]
pub(crate) struct VersionScripts {
    inner: directory::VersionScripts,
}

/// Emit a warning the way Alembic's `util.warn` / `util.warn_deprecated` do.
pub(crate) fn emit_warning(py: Python<'_>, w: &ConfigWarning) -> PyResult<()> {
    let category = match w.category {
        WarningCategory::DeprecationWarning => py.get_type::<PyDeprecationWarning>(),
        _ => py.get_type::<PyUserWarning>(),
    };
    py.import("warnings")?
        .call_method1("warn", (&w.message, category, 3))?;
    Ok(())
}

#[pymethods]
impl VersionScripts {
    /// Scan the version locations (absolute paths, in Alembic's order).
    #[new]
    fn new(
        py: Python<'_>,
        locations: Vec<PathBuf>,
        recursive: bool,
        sourceless: bool,
    ) -> PyResult<Self> {
        let py313 = py.version_info() >= (3, 13);
        let inner = py
            .detach(|| directory::VersionScripts::scan(locations, recursive, sourceless, py313))
            .map_err(|e| command_error(py, e.to_string()))?;
        for w in inner.warnings() {
            emit_warning(py, w)?;
        }
        Ok(VersionScripts { inner })
    }

    /// `(index, path, reason)` of each file whose header only an import can read.
    fn pending_imports(&self) -> Vec<(usize, String, String)> {
        self.inner
            .pending()
            .map(|(i, path, reason)| (i, path.to_string(), reason.to_string()))
            .collect()
    }

    /// Supply the values an import of file `index` produced.
    fn resolve_import(
        &mut self,
        index: usize,
        revision: String,
        down_revision: &Bound<'_, PyAny>,
        branch_labels: Vec<String>,
        depends_on: Vec<String>,
        doc: Option<String>,
    ) -> PyResult<()> {
        let header = ScriptHeader {
            revision,
            down_revision: rev_ref(down_revision)?,
            branch_labels,
            depends_on,
            doc,
        };
        self.inner.resolve(index, header);
        Ok(())
    }

    /// Revision ids in load order.
    fn revision_ids(&self) -> Vec<String> {
        self.inner.revision_ids().map(str::to_string).collect()
    }

    /// The revision graph of these files, with Alembic's loading warnings and errors.
    fn build_map(&self, py: Python<'_>) -> PyResult<NativeRevisionMap> {
        let (outcome, metas) = self
            .inner
            .build()
            .map_err(|e| command_error(py, e.to_string()))?;
        NativeRevisionMap::from_outcome(py, outcome, metas)
    }
}
