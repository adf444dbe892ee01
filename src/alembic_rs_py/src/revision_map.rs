//! `_native.RevisionMap`: the revision graph, queried by revision id, and (for a script
//! directory) the text of the read-only commands.

use alembic_rs_core::script::format::{self, ScriptMeta, ScriptSource};
use alembic_rs_core::script::revision::{
    BuildOutcome, IterateOptions, RevArg, Revision, RevisionInput, RevisionMap, RevisionOrBase,
    ScriptError,
};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::{rev_arg, rev_arg_whole, rev_ref, rev_ref_to_py};
use crate::errors::{revision_error, script_error};

/// `(revision, down_revision, branch_labels, depends_on)` as Python passes them.
type RevisionTuple<'py> = (String, Bound<'py, PyAny>, Vec<String>, Vec<String>);

#[pyclass(name = "RevisionMap", module = "alembic_rs._native")]
pub(crate) struct NativeRevisionMap {
    map: RevisionMap,
    /// Path and docstring per revision (by load index); empty for a map of bare Revisions.
    metas: Vec<ScriptMeta>,
}

impl NativeRevisionMap {
    /// Build from revisions in load order, raising what Alembic raises while loading.
    pub(crate) fn build(
        py: Python<'_>,
        inputs: Vec<RevisionInput>,
        metas: Vec<ScriptMeta>,
    ) -> PyResult<Self> {
        let outcome = py.detach(|| RevisionMap::build(inputs));
        Self::from_outcome(py, outcome, metas)
    }

    pub(crate) fn from_outcome(
        py: Python<'_>,
        outcome: BuildOutcome,
        metas: Vec<ScriptMeta>,
    ) -> PyResult<Self> {
        for warning in &outcome.warnings {
            // warnings come before the error that may follow, as in Alembic
            warn(py, warning)?;
        }
        let map = outcome.result.map_err(|e| revision_error(py, e))?;
        Ok(NativeRevisionMap { map, metas })
    }

    pub(crate) fn map(&self) -> &RevisionMap {
        &self.map
    }

    pub(crate) fn metas(&self) -> &[ScriptMeta] {
        &self.metas
    }

    fn rev(&self, py: Python<'_>, id: &str) -> PyResult<&Revision> {
        self.map.lookup(id).ok_or_else(|| {
            revision_error(
                py,
                alembic_rs_core::script::revision::RevisionMapError::KeyError {
                    key: id.to_string(),
                },
            )
        })
    }

    fn ids<'py>(&self, py: Python<'py>, revs: &[&Revision]) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, revs.iter().map(|r| r.revision()))
    }

    fn lines(
        &self,
        py: Python<'_>,
        result: Result<Vec<String>, ScriptError>,
    ) -> PyResult<Vec<String>> {
        self.flush_warnings(py)?;
        result.map_err(|e| script_error(py, e))
    }

    pub(crate) fn flush_warnings(&self, py: Python<'_>) -> PyResult<()> {
        for w in self.map.take_warnings() {
            warn(py, &w)?;
        }
        Ok(())
    }
}

fn warn(py: Python<'_>, message: &str) -> PyResult<()> {
    // Alembic's `util.warn` calls in `alembic/script/revision.py` attribute the UserWarning
    // to that module (file name and module for warning filters): `_warn` raises it there
    py.import("alembic.script.revision")?
        .call_method1("_warn", (message,))?;
    Ok(())
}

#[pymethods]
impl NativeRevisionMap {
    /// From `(revision, down_revision, branch_labels, depends_on)` tuples, in load order.
    #[new]
    fn new(py: Python<'_>, revisions: Vec<RevisionTuple<'_>>) -> PyResult<Self> {
        let mut inputs = Vec::with_capacity(revisions.len());
        for (revision, down, branch_labels, depends_on) in revisions {
            inputs.push(RevisionInput {
                revision,
                down_revision: rev_ref(&down)?,
                branch_labels,
                depends_on,
                script_doc: None,
            });
        }
        Self::build(py, inputs, Vec::new())
    }

    /// `add_revision(revision, _replace)`: add one revision (a file `revision`/`merge` just
    /// wrote) without rescanning. `path`/`doc` are given for a Script.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (revision, down_revision, branch_labels, depends_on, replace, path=None, doc=None))]
    fn add_revision(
        &mut self,
        py: Python<'_>,
        revision: String,
        down_revision: &Bound<'_, PyAny>,
        branch_labels: Vec<String>,
        depends_on: Vec<String>,
        replace: bool,
        path: Option<String>,
        doc: Option<String>,
    ) -> PyResult<()> {
        let is_script = path.is_some();
        let input = RevisionInput {
            revision,
            down_revision: rev_ref(down_revision)?,
            branch_labels,
            depends_on,
            script_doc: is_script.then(|| doc.clone().unwrap_or_default()),
        };
        if is_script {
            // metas are indexed by load position; the new revision takes the next one
            self.metas
                .resize(self.map.revisions().len(), ScriptMeta::default());
            self.metas.push(ScriptMeta {
                path: path.unwrap_or_default(),
                doc,
            });
        }
        let result = self.map.add_revision(input, replace);
        self.flush_warnings(py)?;
        result.map_err(|e| revision_error(py, e))
    }

    /// Revision ids in load order (each once).
    fn revision_ids(&self) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        self.map
            .revisions()
            .iter()
            .map(|r| r.revision().to_string())
            .filter(|id| seen.insert(id.clone()))
            .collect()
    }

    fn heads(&self) -> Vec<String> {
        self.map.heads().to_vec()
    }
    fn bases(&self) -> Vec<String> {
        self.map.bases().to_vec()
    }
    fn real_heads(&self) -> Vec<String> {
        self.map.real_heads().to_vec()
    }
    fn real_bases(&self) -> Vec<String> {
        self.map.real_bases().to_vec()
    }

    /// The graph-derived attributes of one revision: `(nextrev, _all_nextrev, branch_labels,
    /// _resolved_dependencies, _normalized_resolved_dependencies)`.
    #[allow(clippy::type_complexity)]
    fn info(
        &self,
        py: Python<'_>,
        id: &str,
    ) -> PyResult<(
        Vec<String>,
        Vec<String>,
        Vec<String>,
        Vec<String>,
        Vec<String>,
    )> {
        let r = self.rev(py, id)?;
        Ok((
            r.nextrev().to_vec(),
            r.all_nextrev().to_vec(),
            r.branch_labels().to_vec(),
            r.resolved_dependencies().to_vec(),
            r.normalized_resolved_dependencies().to_vec(),
        ))
    }

    #[pyo3(signature = (branch_label=None))]
    fn get_current_head(
        &self,
        py: Python<'_>,
        branch_label: Option<&str>,
    ) -> PyResult<Option<String>> {
        let r = self
            .map
            .get_current_head(branch_label)
            .map_err(|e| revision_error(py, e));
        self.flush_warnings(py)?;
        r
    }

    /// Revision ids; `None` where a relative walk ran off the graph, `("base",)` for the
    /// string `"base"` Alembic returns below a base.
    fn get_revisions<'py>(
        &self,
        py: Python<'py>,
        id: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let arg = rev_arg(id)?;
        let items = self
            .map
            .get_revisions(&arg)
            .map_err(|e| revision_error(py, e));
        self.flush_warnings(py)?;
        items?
            .into_iter()
            .map(|item| {
                Ok(match item {
                    Some(RevisionOrBase::Revision(r)) => r.revision().into_pyobject(py)?.into_any(),
                    Some(RevisionOrBase::Base) => PyTuple::new(py, ["base"])?.into_any(),
                    None => py.None().into_bound(py),
                })
            })
            .collect()
    }

    fn get_revision(&self, py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
        let arg = rev_arg_whole(id)?;
        let r = self
            .map
            .get_revision(&arg)
            .map(|r| r.map(|r| r.revision().to_string()));
        self.flush_warnings(py)?;
        r.map_err(|e| revision_error(py, e))
    }

    fn resolve_revision_number(
        &self,
        py: Python<'_>,
        id: &Bound<'_, PyAny>,
    ) -> PyResult<(Vec<String>, Option<String>)> {
        let arg = rev_arg_whole(id)?;
        self.map
            .resolve_revision_number(&arg)
            .map_err(|e| revision_error(py, e))
    }

    fn filter_for_lineage<'py>(
        &self,
        py: Python<'py>,
        targets: Vec<String>,
        check_against: &Bound<'py, PyAny>,
        include_dependencies: bool,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let check = rev_arg_whole(check_against)?;
        let revs: Vec<&Revision> = targets
            .iter()
            .map(|t| self.rev(py, t))
            .collect::<PyResult<_>>()?;
        let kept = self
            .map
            .filter_revisions_for_lineage(&revs, &check, include_dependencies)
            .map_err(|e| revision_error(py, e))?;
        self.ids(py, &kept)
    }

    #[allow(clippy::too_many_arguments)]
    fn iterate_revisions<'py>(
        &self,
        py: Python<'py>,
        upper: &Bound<'py, PyAny>,
        lower: &Bound<'py, PyAny>,
        implicit_base: bool,
        inclusive: bool,
        assert_relative_length: bool,
        select_for_downgrade: bool,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let (upper, lower) = (rev_arg(upper)?, rev_arg(lower)?);
        let opts = IterateOptions {
            implicit_base,
            inclusive,
            assert_relative_length,
            select_for_downgrade,
        };
        let revs = self
            .map
            .iterate_revisions(&upper, &lower, opts)
            .map_err(|e| revision_error(py, e));
        self.flush_warnings(py)?;
        self.ids(py, &revs?)
    }

    fn descendant_nodes<'py>(
        &self,
        py: Python<'py>,
        targets: Vec<String>,
        check: bool,
        include_dependencies: bool,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let revs: Vec<&Revision> = targets
            .iter()
            .map(|t| self.rev(py, t))
            .collect::<PyResult<_>>()?;
        let out = self
            .map
            .get_descendant_nodes(&revs, check, include_dependencies)
            .map_err(|e| revision_error(py, e))?;
        self.ids(py, &out)
    }

    fn ancestor_nodes<'py>(
        &self,
        py: Python<'py>,
        targets: Vec<String>,
        check: bool,
        include_dependencies: bool,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let revs: Vec<&Revision> = targets
            .iter()
            .map(|t| self.rev(py, t))
            .collect::<PyResult<_>>()?;
        let out = self
            .map
            .get_ancestor_nodes(&revs, check, include_dependencies)
            .map_err(|e| revision_error(py, e))?;
        self.ids(py, &out)
    }

    fn get_all_current<'py>(
        &self,
        py: Python<'py>,
        ids: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let arg = rev_arg(ids)?;
        let out = self
            .map
            .get_all_current(&arg)
            .map_err(|e| revision_error(py, e))?;
        self.ids(py, &out)
    }

    // -- a script directory's view: files, docstrings and the commands' text -------------

    /// `(path, down_revision, branch_labels, depends_on, module docstring)` of one script.
    #[allow(clippy::type_complexity)]
    fn script_entry<'py>(
        &self,
        py: Python<'py>,
        id: &str,
    ) -> PyResult<(
        String,
        Bound<'py, PyAny>,
        Vec<String>,
        Vec<String>,
        Option<String>,
    )> {
        let r = self.rev(py, id)?;
        Ok((
            self.metas.path(r).to_string(),
            rev_ref_to_py(py, r.down_revision())?,
            r.orig_branch_labels().to_vec(),
            r.dependencies().to_vec(),
            self.metas.module_doc(r).map(str::to_string),
        ))
    }

    fn log_entry(&self, py: Python<'_>, id: &str, current: bool) -> PyResult<String> {
        let r = self.rev(py, id)?;
        Ok(format::log_entry(
            r,
            self.metas.path(r),
            self.metas.module_doc(r),
            current,
        ))
    }

    fn script_str(&self, py: Python<'_>, id: &str) -> PyResult<String> {
        let r = self.rev(py, id)?;
        Ok(format::script_str(
            r,
            self.metas.module_doc(r).unwrap_or(""),
        ))
    }

    #[allow(clippy::too_many_arguments)]
    fn cmd_format(
        &self,
        py: Python<'_>,
        id: &str,
        verbose: bool,
        include_branches: bool,
        include_doc: bool,
        include_parents: bool,
        tree_indicators: bool,
        current: bool,
    ) -> PyResult<String> {
        let r = self.rev(py, id)?;
        Ok(format::cmd_format(
            r,
            self.metas.path(r),
            self.metas.module_doc(r),
            current,
            verbose,
            include_branches,
            include_doc,
            include_parents,
            tree_indicators,
        ))
    }

    fn heads_lines(
        &self,
        py: Python<'_>,
        verbose: bool,
        resolve_dependencies: bool,
    ) -> PyResult<Vec<String>> {
        let r = format::heads(&self.map, &self.metas, verbose, resolve_dependencies);
        self.lines(py, r)
    }

    fn branches_lines(&self, py: Python<'_>, verbose: bool) -> PyResult<Vec<String>> {
        let r = format::branches(&self.map, &self.metas, verbose);
        self.lines(py, r)
    }

    fn history_lines(
        &self,
        py: Python<'_>,
        base: &str,
        head: &str,
        verbose: bool,
    ) -> PyResult<Vec<String>> {
        let r = format::display_history(
            &self.map,
            &self.metas,
            &RevArg::Str(base.to_string()),
            &RevArg::Str(head.to_string()),
            verbose,
            None,
        );
        self.lines(py, r)
    }

    fn show_lines(&self, py: Python<'_>, rev: &str) -> PyResult<Vec<String>> {
        let r = format::show(&self.map, &self.metas, &RevArg::Str(rev.to_string()));
        self.lines(py, r)
    }
}
