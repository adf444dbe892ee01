//! `PyExecutor`: the one adapter between the core `Migrator` and the Python
//! `MigrationContext` whose DBAPI connection (or, offline, output buffer) `env.py` set up.
//! Each `Executor` call becomes a call of the context's `_run_*` callback; the context's
//! executor buffers statements and sends them in batches (`alembic.runtime.executor`).
//!
//! Crossing into Python costs more than what most calls do, so what needs no answer waits
//! here and crosses in one call before the next callback (order is kept): offline, the texts
//! statements and comments write (`_run_write`); online, the statements to submit
//! (`_run_submit`). Debug records nobody listens to, and step callbacks nobody registered,
//! do not cross at all.
//!
//! A dynamic migration runs in Python with the `op` proxy compiling its ops through the
//! context's `_native.MigrationRun`: the walker's state is lent back to it for that time.

use alembic_rs_core::ddl::offline_statement;
use alembic_rs_core::runtime::{
    Executor, LogLevel, LogRecord, MigrateError, MigrationRun as RunState, PlannedStep, Scope,
    Statement, StatementKind, StepRun, VersionRows, VersionTable,
};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::errors::runtime_error;
use crate::runtime::{MigrationRun, Step};

/// What the Python side told the adapter at the start of a run.
pub(crate) struct RunSettings {
    /// `--sql`: statements are written with this terminator (`impl.command_terminator`).
    pub(crate) terminator: Option<String>,
    /// The `alembic.runtime.migration` logger shows DEBUG records.
    pub(crate) debug_logging: bool,
    /// `on_version_apply` callbacks are registered.
    pub(crate) version_callbacks: bool,
}

pub(crate) struct PyExecutor<'py> {
    context: Bound<'py, PyAny>,
    native: Bound<'py, MigrationRun>,
    settings: RunSettings,
    /// Offline: what `static_output` is waiting to write.
    text: Vec<String>,
    /// Online: `(sql, short_log, op, frames, version table)` waiting to be submitted.
    statements: Vec<Bound<'py, PyTuple>>,
}

impl<'py> PyExecutor<'py> {
    pub(crate) fn new(
        context: Bound<'py, PyAny>,
        native: Bound<'py, MigrationRun>,
        settings: RunSettings,
    ) -> Self {
        PyExecutor {
            context,
            native,
            settings,
            text: Vec::new(),
            statements: Vec::new(),
        }
    }

    /// Hand over what waits, before any other callback (and when the run ends).
    pub(crate) fn flush(&mut self) -> PyResult<()> {
        if !self.text.is_empty() {
            let chunks = std::mem::take(&mut self.text);
            self.context.call_method1("_run_write", (chunks,))?;
        }
        if !self.statements.is_empty() {
            let py = self.context.py();
            let statements = PyList::new(py, std::mem::take(&mut self.statements))?;
            self.context.call_method1("_run_submit", (statements,))?;
        }
        Ok(())
    }

    /// A callback, after what waits.
    fn call<A: pyo3::call::PyCallArgs<'py>>(
        &mut self,
        name: &str,
        args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.flush()?;
        self.context.call_method1(name, args)
    }

    /// The context's plan function (`_run_plan`): its steps as the core plans them.
    fn call_plan(&mut self, heads: &[String]) -> PyResult<Vec<PlannedStep>> {
        let steps = self.call("_run_plan", (heads.to_vec(),))?;
        let mut out = Vec::new();
        for step in steps.try_iter()? {
            let native = step?.getattr("_step")?;
            out.push(native.cast::<Step>()?.get().planned());
        }
        Ok(out)
    }

    /// `DefaultImpl.static_output(text)`, when the text waiting is handed over.
    fn write(&mut self, text: String) {
        self.text.push(text);
    }
}

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Run => "run",
        Scope::Migration => "migration",
    }
}

impl<'py> Executor for PyExecutor<'py> {
    type Error = PyErr;

    fn current_heads(&mut self) -> PyResult<VersionRows> {
        let (heads, table_exists): (Vec<String>, Option<bool>) =
            self.call("_run_current_heads", ())?.extract()?;
        Ok(VersionRows {
            heads,
            table_exists,
        })
    }

    fn ensure_version_table(
        &mut self,
        _table: &VersionTable,
        _exists: Option<bool>,
        purge: bool,
    ) -> PyResult<()> {
        // the context knows whether it saw the table (`_version_table_exists`)
        self.call("_ensure_version_table", (purge,)).map(drop)
    }

    fn lock(&mut self) -> PyResult<()> {
        self.call("_run_lock", ()).map(drop)
    }

    fn unlock(&mut self) -> PyResult<()> {
        self.call("_run_unlock", ()).map(drop)
    }

    fn plan(&mut self, heads: &[String]) -> Option<PyResult<Vec<PlannedStep>>> {
        Some(self.call_plan(heads))
    }

    fn begin(&mut self, scope: Scope) -> PyResult<()> {
        self.call("_run_begin", (scope_name(scope),)).map(drop)
    }

    fn commit(&mut self, scope: Scope) -> PyResult<()> {
        self.call("_run_commit", (scope_name(scope),)).map(drop)
    }

    fn rollback(&mut self, scope: Scope, error: MigrateError<PyErr>) -> MigrateError<PyErr> {
        let py = self.context.py();
        let error = match error {
            MigrateError::Executor(e) => e,
            MigrateError::Runtime(e) => runtime_error(py, e),
        };
        let value = error.value(py).clone();
        // as a `with` block: what ending the transaction raises replaces the error
        match self.call("_run_rollback", (scope_name(scope), value)) {
            Ok(_) => MigrateError::Executor(error),
            Err(raised) => MigrateError::Executor(raised),
        }
    }

    fn execute(&mut self, statement: Statement<'_>) -> PyResult<()> {
        if let Some(terminator) = &self.settings.terminator {
            // `DefaultImpl._exec` in `as_sql` mode
            let text = format!("{}{terminator}", offline_statement(statement.sql));
            self.write(text);
            return Ok(());
        }
        let py = self.context.py();
        let short_log = statement.step.map_or("", |(_, short_log)| short_log);
        let version = statement.kind == StatementKind::VersionTable;
        let (what, frames) = match (statement.kind, statement.op) {
            (StatementKind::VersionTable, _) => {
                ("the version table update".to_string(), PyTuple::empty(py))
            }
            (StatementKind::Op, Some(op)) => {
                let frames = match op.position {
                    Some(p) if !op.path.is_empty() => PyTuple::new(
                        py,
                        [(op.path, op.function, (p.line, p.end_line, p.col, p.end_col))],
                    )?,
                    _ => PyTuple::empty(py),
                };
                (
                    format!("op.{} (op #{} of {})", op.name, op.index, op.path),
                    frames,
                )
            }
            (StatementKind::Op, None) => (String::new(), PyTuple::empty(py)),
        };
        self.statements.push(PyTuple::new(
            py,
            [
                statement.sql.into_pyobject(py)?.into_any(),
                short_log.into_pyobject(py)?.into_any(),
                what.into_pyobject(py)?.into_any(),
                frames.into_any(),
                pyo3::types::PyBool::new(py, version).to_owned().into_any(),
            ],
        )?);
        Ok(())
    }

    fn log(&mut self, record: LogRecord) -> PyResult<()> {
        let level = match record.level {
            LogLevel::Debug if !self.settings.debug_logging => return Ok(()),
            LogLevel::Debug => 10,
            LogLevel::Info => 20,
        };
        self.call("_run_log", (level, record.logger, record.message))
            .map(drop)
    }

    fn static_output(&mut self, text: &str) -> PyResult<()> {
        if self.settings.terminator.is_some() {
            self.write(text.to_string());
            return Ok(());
        }
        self.call("_run_static_output", (text,)).map(drop)
    }

    fn sync(&mut self, verify: Option<&[String]>) -> PyResult<()> {
        if self.settings.terminator.is_some() {
            return self.flush();
        }
        self.call("_run_sync", (verify.map(<[String]>::to_vec),))
            .map(drop)
    }

    fn dynamic_name(&mut self, step: StepRun<'_, '_>) -> PyResult<Option<String>> {
        self.call("_run_dynamic_name", (step.index,))?.extract()
    }

    fn run_dynamic(
        &mut self,
        step: StepRun<'_, '_>,
        _path: &str,
        _reason: &str,
        run: &mut RunState,
    ) -> Result<(), MigrateError<PyErr>> {
        self.flush().map_err(MigrateError::Executor)?;
        // lend the state to the Python side, where the op proxy compiles
        std::mem::swap(run, &mut self.native.borrow_mut().state);
        let result = self.context.call_method1("_run_dynamic", (step.index,));
        std::mem::swap(run, &mut self.native.borrow_mut().state);
        result.map(drop).map_err(MigrateError::Executor)
    }

    fn step_applied(&mut self, step: StepRun<'_, '_>, heads: &[String]) -> PyResult<()> {
        if !self.settings.version_callbacks {
            return Ok(());
        }
        self.call("_run_step_applied", (step.index, heads.to_vec()))
            .map(drop)
    }
}
