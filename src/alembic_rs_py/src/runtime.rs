//! `_native.MigrationRun`: the native side of one `MigrationContext` — its state (the
//! dialect's compiler and memo, the version table, the heads) and the core `Migrator`, which
//! walks a run through the Python context's callbacks (see [`crate::executor`]). Also the
//! plans (`_upgrade_revs` and friends) as [`Step`] values, and `evaluate_file`.

use std::path::PathBuf;

use alembic_rs_core::ddl::{Paramstyle, StatementStyle, require_dialect};
use alembic_rs_core::eval::{self, Evaluated};
use alembic_rs_core::ops::Op;
use alembic_rs_core::runtime::{
    self, ContextOptions, MigrateError, MigrationStep, Migrator, PlanKind, PlannedStep, RunMode,
    StaticPolicy, StaticScripts, VersionTable,
};
use alembic_rs_core::script::revision::{RevArg, StampStep};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert::rev_arg;
use crate::errors::{ddl_error, runtime_error, unknown_dialect};
use crate::executor::{PyExecutor, RunSettings};
use crate::revision_map::NativeRevisionMap;

/// One step of a plan, as Python's `RevisionStep` / `StampStep` hold it.
#[pyclass(module = "alembic_rs._native", frozen, get_all)]
#[derive(Clone, Debug)]
pub(crate) struct Step {
    /// The revision run up or down; `None` for a stamp.
    pub(crate) revision: Option<String>,
    pub(crate) is_upgrade: bool,
    /// `"upgrade a -> b"`.
    pub(crate) short_log: String,
    pub(crate) from_revisions: Vec<String>,
    pub(crate) to_revisions: Vec<String>,
    pub(crate) from_revisions_no_deps: Vec<String>,
    pub(crate) to_revisions_no_deps: Vec<String>,
    /// The version file; `None` for a stamp.
    pub(crate) path: Option<String>,
    /// `Script.doc`.
    pub(crate) doc: String,
    /// A stamp's `branch_move`.
    pub(crate) branch_move: bool,
}

#[pymethods]
impl Step {
    /// A stamp step as `StampStep(from_, to_, is_upgrade, branch_move)` describes it.
    #[staticmethod]
    fn stamp(from_: Vec<String>, to_: Vec<String>, is_upgrade: bool, branch_move: bool) -> Self {
        Step::of(
            None,
            &MigrationStep::Stamp(StampStep {
                from_,
                to_,
                is_upgrade,
                branch_move,
            }),
        )
    }

    fn __repr__(&self) -> String {
        format!("<Step {}>", self.short_log)
    }
}

impl Step {
    fn of(native: Option<&NativeRevisionMap>, step: &MigrationStep<'_>) -> Self {
        let (revision, path, doc, branch_move) = match step {
            MigrationStep::Revision { revision, .. } => {
                let meta = native.and_then(|n| n.metas().get(revision.index()));
                (
                    Some(revision.revision().to_string()),
                    meta.map(|m| m.path.clone()),
                    alembic_rs_core::script::format::doc(meta.and_then(|m| m.doc.as_deref())),
                    false,
                )
            }
            MigrationStep::Stamp(s) => (None, None, String::new(), s.branch_move),
        };
        Step {
            revision,
            is_upgrade: step.is_upgrade(),
            short_log: step.short_log(),
            from_revisions: step.origin_revisions(),
            to_revisions: step.target_revisions(),
            from_revisions_no_deps: step.origin_revisions_no_deps(),
            to_revisions_no_deps: step.target_revisions_no_deps(),
            path,
            doc,
            branch_move,
        }
    }

    /// The step as the core plans it.
    pub(crate) fn planned(&self) -> PlannedStep {
        match &self.revision {
            Some(id) => PlannedStep::Revision {
                id: id.clone(),
                is_upgrade: self.is_upgrade,
            },
            None => PlannedStep::Stamp(StampStep {
                from_: self.from_revisions.clone(),
                to_: self.to_revisions.clone(),
                is_upgrade: self.is_upgrade,
                branch_move: self.branch_move,
            }),
        }
    }
}

/// The step of running revision `id` up or down (`MigrationStep.upgrade_from_script`).
#[pyfunction]
pub(crate) fn step_info(
    py: Python<'_>,
    map: PyRef<'_, NativeRevisionMap>,
    id: String,
    is_upgrade: bool,
) -> PyResult<Step> {
    let step = PlannedStep::Revision { id, is_upgrade }
        .resolve(map.map())
        .map_err(|e| runtime_error(py, e))?;
    Ok(Step::of(Some(&map), &step))
}

/// `ScriptDirectory._upgrade_revs` / `_downgrade_revs` / `_stamp_revs`: the plan of `kind`
/// (`"upgrade"`, `"downgrade"`, `"stamp"`) to `destination` from `heads` (revision
/// arguments as Alembic takes them: `None`, a string or a tuple; a stamp's destinations are
/// a tuple of strings).
#[pyfunction]
pub(crate) fn plan_steps(
    py: Python<'_>,
    map: PyRef<'_, NativeRevisionMap>,
    kind: &str,
    destination: &Bound<'_, PyAny>,
    heads: &Bound<'_, PyAny>,
) -> PyResult<Vec<Step>> {
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
            Ok(Step::of(Some(&map), &step))
        })
        .collect()
}

/// The native side of one `MigrationContext`.
#[pyclass(module = "alembic_rs._native")]
pub(crate) struct MigrationRun {
    map: Py<NativeRevisionMap>,
    /// The context's state. While a run walks, the walker holds it and this is a stand-in,
    /// except while a dynamic migration runs (its ops compile here: see `PyExecutor`).
    pub(crate) state: runtime::MigrationRun,
    table: VersionTable,
    opts: ContextOptions,
    /// Statements go to a database (not to `--sql` output).
    online: bool,
}

#[pymethods]
impl MigrationRun {
    /// `dialect`: the native compiler (`DefaultImpl.__native_dialect__`); `paramstyle`: the
    /// DBAPI paramstyle statements are compiled for.
    #[new]
    #[pyo3(signature = (map, version_table, version_table_schema, version_table_pk, paramstyle, literal_binds, online, dialect="postgresql", transactional_ddl=None, transaction_per_migration=false))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        map: Py<NativeRevisionMap>,
        version_table: String,
        version_table_schema: Option<String>,
        version_table_pk: bool,
        paramstyle: &str,
        literal_binds: bool,
        online: bool,
        dialect: &str,
        transactional_ddl: Option<bool>,
        transaction_per_migration: bool,
    ) -> PyResult<Self> {
        let dialect = require_dialect(dialect).map_err(unknown_dialect)?;
        let paramstyle = Paramstyle::from_name(paramstyle)
            .ok_or_else(|| PyValueError::new_err(format!("unknown paramstyle {paramstyle:?}")))?;
        let opts = ContextOptions {
            version_table,
            version_table_schema,
            version_table_pk,
            transactional_ddl,
            transaction_per_migration,
        };
        let style = StatementStyle {
            paramstyle,
            literal_binds,
        };
        let state = runtime::MigrationRun::new(dialect, &opts, style);
        Ok(MigrationRun {
            map,
            table: state.version_table().clone(),
            state,
            opts,
            online,
        })
    }

    fn heads(&self) -> Vec<String> {
        self.state.heads().to_vec()
    }

    /// The version table's `CREATE TABLE`, as SQLAlchemy compiles it.
    fn create_version_table(&self) -> String {
        self.table.create()
    }

    /// `DELETE FROM <version table>` (`stamp --purge`).
    fn delete_all_versions(&self) -> String {
        self.table.delete_all()
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

    /// `MigrationContext.run_migrations` (with `stamp`: `MigrationContext.stamp`): the core
    /// walker drives `context` (see `PyExecutor` for the callbacks it must have), whose
    /// `_run_plan(heads)` gives the steps.
    /// `terminator`: offline, `impl.command_terminator`; `debug_logging`: the runtime's
    /// logger shows DEBUG; `version_callbacks`: `on_version_apply` callbacks exist.
    #[pyo3(signature = (context, *, as_sql, external_transaction, purge, dont_mutate, never_static, stamp=false, terminator=None, debug_logging=true, version_callbacks=true))]
    #[allow(clippy::too_many_arguments)]
    fn run_migrations(
        slf: &Bound<'_, Self>,
        context: &Bound<'_, PyAny>,
        as_sql: bool,
        external_transaction: bool,
        purge: bool,
        dont_mutate: bool,
        never_static: bool,
        stamp: bool,
        terminator: Option<String>,
        debug_logging: bool,
        version_callbacks: bool,
    ) -> PyResult<()> {
        let py = slf.py();
        let (state, map, opts, online) = {
            let mut me = slf.borrow_mut();
            let stand_in = me.state.stand_in();
            (
                std::mem::replace(&mut me.state, stand_in),
                me.map.clone_ref(py),
                me.opts.clone(),
                me.online,
            )
        };
        let native_map = map.borrow(py);
        let mut scripts = StaticScripts::new(
            native_map.metas(),
            StaticPolicy {
                online,
                compile_errors_run_in_python: true,
                never_static,
            },
        );
        let mode = RunMode {
            as_sql,
            external_transaction,
            purge,
            dont_mutate,
        };
        let mut migrator = Migrator::new(native_map.map(), &mut scripts, state, &opts, mode);
        let settings = RunSettings {
            terminator: terminator.filter(|_| as_sql),
            debug_logging,
            version_callbacks,
        };
        let mut exec = PyExecutor::new(context.clone(), slf.clone(), settings);
        let result = if stamp {
            migrator.stamp(&mut exec, None)
        } else {
            migrator.run_migrations(&mut exec, None)
        };
        // what waits is handed over however the run ended (an error leaves the output
        // written so far; statements before it ran with Alembic)
        let flushed = exec.flush();
        slf.borrow_mut().state = migrator.into_run();
        result.map_err(|e| match e {
            MigrateError::Runtime(e) => runtime_error(py, e),
            MigrateError::Executor(e) => e,
        })?;
        flushed
    }
}

/// `(driver, paramstyle)` of each DBAPI driver of a dialect with a native compiler (`""`:
/// a bare URL's).
#[pyfunction]
pub(crate) fn dialect_drivers(name: &str) -> PyResult<Vec<(&'static str, &'static str)>> {
    Ok(require_dialect(name)
        .map_err(unknown_dialect)?
        .drivers
        .to_vec())
}

/// The advisory lock key of a version table (`PostgresqlImpl`'s run lock).
#[pyfunction]
#[pyo3(signature = (schema, table))]
pub(crate) fn advisory_lock_key(schema: Option<&str>, table: &str) -> i64 {
    runtime::advisory_lock_key(schema, table)
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
