//! `_native.MigrationRun`: the native side of one `MigrationContext` (the version-table state,
//! plans, the DDL compiler with its per-context memo) and `_native.evaluate_file`.
//!
//! The Python `MigrationContext` runs the project's `env.py` and walks the plan as Alembic's
//! `run_migrations` does; for each step it asks here for the statements (read statically when
//! the script is plain op calls, else compiled from the Op values the `op` proxy sends) and
//! for the version-table writes.

use std::collections::HashMap;
use std::path::PathBuf;

use alembic_rs_core::ddl::{DdlError, Paramstyle, StatementStyle};
use alembic_rs_core::eval::{self, Evaluated, EvaluatedModule};
use alembic_rs_core::ops::Op;
use alembic_rs_core::runtime::{
    self, ContextOptions, LogLevel, MigrationStep, PlanKind, PlannedStep, RuntimeError,
};
use alembic_rs_core::script::revision::{RevArg, StampStep};
use pyo3::exceptions::{PyNotImplementedError, PyValueError};
use pyo3::prelude::*;

use crate::convert::rev_arg;
use crate::errors::script_error;
use crate::revision_map::NativeRevisionMap;

/// What Python needs of one planned step:
/// `(revision id or None for a stamp, is_upgrade, short_log, from_revisions, to_revisions,
/// from_revisions_no_deps, to_revisions_no_deps, path or None, doc, branch_move)`.
type StepInfo = (
    Option<String>,
    bool,
    String,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Option<String>,
    String,
    bool,
);

/// One statement of a statically read migration: `(sql, op name, 1-based op index, (line,
/// end line, column, end column) of the op's call)`.
type StaticStatement = (String, &'static str, usize, (u32, u32, u32, u32));

/// A step as Python describes it back: `(revision id, is_upgrade)` for a script, or
/// `(None, is_upgrade, from_, to_, branch_move)` for a stamp.
type StepRef = (Option<String>, bool, Vec<String>, Vec<String>, bool);

fn planned_from_ref(step: StepRef) -> PlannedStep {
    match step {
        (Some(id), is_upgrade, ..) => PlannedStep::Revision { id, is_upgrade },
        (None, is_upgrade, from_, to_, branch_move) => PlannedStep::Stamp(StampStep {
            from_,
            to_,
            is_upgrade,
            branch_move,
        }),
    }
}

fn step_info_of(native: &NativeRevisionMap, step: &MigrationStep<'_>) -> StepInfo {
    let (id, path, doc, branch_move) = match step {
        MigrationStep::Revision { revision, .. } => {
            let meta = native.metas().get(revision.index());
            (
                Some(revision.revision().to_string()),
                meta.map(|m| m.path.clone()),
                alembic_rs_core::script::format::doc(meta.and_then(|m| m.doc.as_deref())),
                false,
            )
        }
        MigrationStep::Stamp(s) => (None, None, String::new(), s.branch_move),
    };
    (
        id,
        step.is_upgrade(),
        step.short_log(),
        step.origin_revisions(),
        step.target_revisions(),
        step.origin_revisions_no_deps(),
        step.target_revisions_no_deps(),
        path,
        doc,
        branch_move,
    )
}

/// The step tuple of running revision `id` up or down (`MigrationStep.upgrade_from_script`).
#[pyfunction]
pub(crate) fn step_info(
    py: Python<'_>,
    map: PyRef<'_, NativeRevisionMap>,
    id: String,
    is_upgrade: bool,
) -> PyResult<StepInfo> {
    let step = PlannedStep::Revision { id, is_upgrade }
        .resolve(map.map())
        .map_err(|e| runtime_error(py, e))?;
    Ok(step_info_of(&map, &step))
}

/// `ScriptDirectory._upgrade_revs` / `_downgrade_revs` / `_stamp_revs`: the plan of `kind`
/// (`"upgrade"`, `"downgrade"`, `"stamp"`) to `destination` from `heads` (revision
/// arguments as Alembic takes them: `None`, a string or a tuple; a stamp's destinations are
/// a tuple of strings), as step tuples.
#[pyfunction]
pub(crate) fn plan_steps(
    py: Python<'_>,
    map: PyRef<'_, NativeRevisionMap>,
    kind: &str,
    destination: &Bound<'_, PyAny>,
    heads: &Bound<'_, PyAny>,
) -> PyResult<Vec<StepInfo>> {
    let destination = rev_arg(destination)?;
    let heads = rev_arg(heads)?;
    let kind = match kind {
        "upgrade" => PlanKind::Upgrade(destination),
        "downgrade" => PlanKind::Downgrade(destination),
        "stamp" => PlanKind::Stamp(match destination {
            RevArg::None => Vec::new(),
            RevArg::Str(d) => vec![d],
            RevArg::Tuple(d) => d,
        }),
        _ => return Err(PyValueError::new_err(format!("bad plan request {kind:?}"))),
    };
    let planned = runtime::plan_from(map.map(), &kind, &heads);
    // warnings first (`downgrade -1 from multiple heads is ambiguous`), as Alembic emits them
    map.flush_warnings(py)?;
    let planned = planned.map_err(|e| runtime_error(py, e))?;
    planned
        .iter()
        .map(|p| {
            let step = p.resolve(map.map()).map_err(|e| runtime_error(py, e))?;
            Ok(step_info_of(&map, &step))
        })
        .collect()
}

#[pyclass(module = "alembic_rs._native")]
pub(crate) struct MigrationRun {
    map: Py<NativeRevisionMap>,
    state: runtime::MigrationRun,
    evaluated: HashMap<String, EvaluatedModule>,
    /// Statements go to a database (not to `--sql` output).
    online: bool,
}

fn runtime_error(py: Python<'_>, err: RuntimeError) -> PyErr {
    match err {
        RuntimeError::Script(e) => script_error(py, e),
        other => {
            let message = other.to_string();
            let class = match other.python_class() {
                "CommandError" => return crate::errors::command_error(py, message),
                c => c,
            };
            crate::errors::python_exception(py, class, message)
        }
    }
}

/// A compile failure: `NotImplementedError` for what the native compiler does not model
/// (never less SQL than asked), SQLAlchemy's `CompileError` for what SQLAlchemy rejects too.
pub(crate) fn ddl_error(py: Python<'_>, err: DdlError) -> PyErr {
    match err {
        DdlError::Unsupported { .. } => {
            PyNotImplementedError::new_err(format!("alembic-rs: {err}"))
        }
        DdlError::Invalid {
            class: "CommandError",
            ..
        } => crate::errors::command_error(py, err.message()),
        DdlError::Invalid { class, .. } => match py
            .import("sqlalchemy.exc")
            .and_then(|m| m.getattr(class))
            // KeyError, AssertionError: what Python itself raises in SQLAlchemy's code
            .or_else(|_| py.import("builtins").and_then(|m| m.getattr(class)))
            .and_then(|c| {
                // NoReferencedTableError(message, tname)
                c.call1((err.message(),))
                    .or_else(|_| c.call1((err.message(), py.None())))
            }) {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        },
    }
}

#[pymethods]
impl MigrationRun {
    /// `paramstyle`: the DBAPI paramstyle of the dialect statements are compiled for.
    #[new]
    #[pyo3(signature = (map, version_table, version_table_schema, version_table_pk, paramstyle, literal_binds, online))]
    fn new(
        map: Py<NativeRevisionMap>,
        version_table: String,
        version_table_schema: Option<String>,
        version_table_pk: bool,
        paramstyle: &str,
        literal_binds: bool,
        online: bool,
    ) -> PyResult<Self> {
        let paramstyle = Paramstyle::from_name(paramstyle)
            .ok_or_else(|| PyValueError::new_err(format!("unknown paramstyle {paramstyle:?}")))?;
        let opts = ContextOptions {
            version_table,
            version_table_schema,
            version_table_pk,
            ..ContextOptions::default()
        };
        let style = StatementStyle {
            paramstyle,
            literal_binds,
        };
        Ok(MigrationRun {
            map,
            state: runtime::MigrationRun::new(&opts, style),
            evaluated: HashMap::new(),
            online,
        })
    }

    fn heads(&self) -> Vec<String> {
        self.state.heads().to_vec()
    }

    fn set_heads(&mut self, heads: Vec<String>) {
        self.state.set_heads(&heads);
    }

    /// The version table's `CREATE TABLE`, as SQLAlchemy compiles it.
    fn create_version_table(&self) -> String {
        self.state.version_table().create()
    }

    /// `DELETE FROM <version table>` (`stamp --purge`).
    fn delete_all_versions(&self) -> String {
        self.state.version_table().delete_all()
    }

    /// Read these version files statically now, in parallel (before their steps run).
    fn prepare(&mut self, py: Python<'_>, paths: Vec<String>) {
        let paths: Vec<String> = paths
            .into_iter()
            .filter(|p| !self.evaluated.contains_key(p))
            .collect();
        let bufs: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        let modules = py.detach(|| eval::evaluate_files(&bufs));
        self.evaluated.extend(paths.into_iter().zip(modules));
    }

    /// The statements of a script's migration function when it can be read statically
    /// (compiled now, in run order, so ENUM types are created once), each with its op's name
    /// and 1-based index; `None` when only running it gives its ops — also when an op does
    /// not compile: running the function then raises the error from the op's own line, as
    /// Alembic does (the compiler's memo is left as it was).
    fn static_statements(
        &mut self,
        path: &str,
        is_upgrade: bool,
    ) -> PyResult<Option<Vec<StaticStatement>>> {
        if !self.evaluated.contains_key(path) {
            let module = eval::evaluate_file(std::path::Path::new(path));
            self.evaluated.insert(path.to_string(), module);
        }
        let module = &self.evaluated[path];
        let ops = match module.function(is_upgrade) {
            Evaluated::Static(ops) => ops.clone(),
            Evaluated::Dynamic(_) => return Ok(None),
        };
        let positions: Vec<_> = module
            .positions(is_upgrade)
            .iter()
            .map(|p| (p.line, p.end_line, p.col, p.end_col))
            .collect();
        // online, what SQLAlchemy binds differently from the compiled text runs in Python
        if self.online && ops.iter().any(alembic_rs_core::ops::binds_differ_online) {
            return Ok(None);
        }
        let snapshot = self.state.snapshot();
        let mut out = Vec::new();
        for (index, op) in ops.iter().enumerate() {
            match self.state.compile(op) {
                Ok(statements) => {
                    let at = positions.get(index).copied().unwrap_or_default();
                    out.extend(
                        statements
                            .into_iter()
                            .map(|s| (s, op.name(), index + 1, at)),
                    )
                }
                Err(_) => {
                    self.state.restore(snapshot);
                    return Ok(None);
                }
            }
        }
        Ok(Some(out))
    }

    /// Name constraints and indexes by this convention (JSON of
    /// `alembic_rs_core::ddl::NamingConvention`, resolved from `target_metadata`).
    fn set_naming_convention(&mut self, convention_json: &str) -> PyResult<()> {
        let convention = serde_json::from_str(convention_json).map_err(|e| {
            PyValueError::new_err(format!("invalid naming convention {convention_json}: {e}"))
        })?;
        self.state.set_naming_convention(convention);
        Ok(())
    }

    /// Compile one Op value (its JSON form) into statements.
    fn compile(&mut self, py: Python<'_>, op_json: &str) -> PyResult<Vec<String>> {
        let op: Op = serde_json::from_str(op_json)
            .map_err(|e| PyValueError::new_err(format!("invalid op {op_json}: {e}")))?;
        self.state.compile(&op).map_err(|e| ddl_error(py, e))
    }

    /// The PostgreSQL types (ENUM) the compiler has created in this context:
    /// `[(schema, name)]`; SQLAlchemy's memo (`impl.memo["pg_enum"]`) holds the same pairs.
    fn created_types(&mut self) -> Vec<(Option<String>, String)> {
        self.state.ddl_session().created_types()
    }

    /// Record a type SQLAlchemy created (an op compiled there); `False` if it already was.
    #[pyo3(signature = (schema, name))]
    fn note_created_type(&mut self, schema: Option<String>, name: &str) -> bool {
        self.state
            .ddl_session()
            .note_created_type(schema.as_deref(), name)
    }

    /// `HeadMaintainer.update_to_step` for a step (see `StepRef`): the version-table
    /// statements and the debug messages Alembic logs.
    fn update_to_step(
        &mut self,
        py: Python<'_>,
        step: StepRef,
    ) -> PyResult<(Vec<String>, Vec<String>)> {
        let native = self.map.borrow(py);
        let map = native.map();
        let planned = planned_from_ref(step);
        let step = planned.resolve(map).map_err(|e| runtime_error(py, e))?;
        let writes = self
            .state
            .update_to_step(map, &step)
            .map_err(|e| runtime_error(py, e))?;
        let debug = writes
            .logs
            .into_iter()
            .filter(|r| r.level == LogLevel::Debug)
            .map(|r| r.message)
            .collect();
        Ok((writes.statements, debug))
    }
}

/// Whether SQL text (`sa.text` semantics) has `:name` bind parameters.
#[pyfunction]
pub(crate) fn has_bind_parameters(text: &str) -> bool {
    alembic_rs_core::ddl::has_bind_parameters(text)
}

/// `(upgrade ops JSON or None, downgrade ops JSON or None, upgrade reason, downgrade
/// reason)`: what the static evaluator reads from a version file.
#[pyfunction]
pub(crate) fn evaluate_file(
    path: PathBuf,
) -> (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
) {
    let module = eval::evaluate_file(&path);
    let json = |e: &Evaluated| {
        e.ops()
            .map(|ops| serde_json::to_string(ops).expect("ops serialize"))
    };
    let reason = |e: &Evaluated| e.dynamic_reason().map(str::to_string);
    (
        json(&module.upgrade),
        json(&module.downgrade),
        reason(&module.upgrade),
        reason(&module.downgrade),
    )
}
