//! `PyExecutor`: the one adapter between the core `Migrator` and the Python
//! `MigrationContext` whose DBAPI connection (or, offline, output buffer) `env.py` set up.
//! Each `Executor` call becomes a call of the context's `_run_*` callback; the context's
//! executor buffers statements and sends them in batches (`alembic.runtime.executor`).
//!
//! A dynamic migration runs in Python with the `op` proxy compiling its ops through the
//! context's `_native.MigrationRun`: the walker's state is lent back to it for that time.

use alembic_rs_core::runtime::{
    Executor, LogLevel, LogRecord, MigrateError, MigrationRun as RunState, PlannedStep, Scope,
    Statement, StatementKind, StepRun, VersionRows, VersionTable,
};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::errors::runtime_error;
use crate::runtime::{MigrationRun, Step};

pub(crate) struct PyExecutor<'py> {
    context: Bound<'py, PyAny>,
    native: Bound<'py, MigrationRun>,
}

impl<'py> PyExecutor<'py> {
    pub(crate) fn new(context: Bound<'py, PyAny>, native: Bound<'py, MigrationRun>) -> Self {
        PyExecutor { context, native }
    }

    fn call<A: pyo3::call::PyCallArgs<'py>>(
        &self,
        name: &str,
        args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.context.call_method1(name, args)
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

    fn plan(&mut self, heads: &[String]) -> PyResult<Vec<PlannedStep>> {
        let steps = self.call("_run_plan", (heads.to_vec(),))?;
        let mut out = Vec::new();
        for step in steps.try_iter()? {
            let native = step?.getattr("_step")?;
            out.push(native.cast::<Step>()?.get().planned());
        }
        Ok(out)
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
        let py = self.context.py();
        let step = statement.step.map_or("", |(_, short_log)| short_log);
        let (what, frames) = match (statement.kind, statement.op) {
            (StatementKind::VersionTable, _) => {
                ("the version table update".to_string(), PyList::empty(py))
            }
            (StatementKind::Op, Some(op)) => {
                let frames = PyList::empty(py);
                if let Some(p) = op.position
                    && !op.path.is_empty()
                {
                    frames.append((
                        op.path,
                        op.function,
                        (p.line, p.end_line, p.col, p.end_col),
                    ))?;
                }
                (
                    format!("op.{} (op #{} of {})", op.name, op.index, op.path),
                    frames,
                )
            }
            (StatementKind::Op, None) => (String::new(), PyList::empty(py)),
        };
        self.call(
            "_run_execute",
            (
                statement.sql,
                step,
                what,
                frames.to_tuple(),
                statement.kind == StatementKind::VersionTable,
            ),
        )
        .map(drop)
    }

    fn log(&mut self, record: LogRecord) -> PyResult<()> {
        let level = match record.level {
            LogLevel::Debug => 10,
            LogLevel::Info => 20,
        };
        self.call("_run_log", (level, record.logger, record.message))
            .map(drop)
    }

    fn static_output(&mut self, text: &str) -> PyResult<()> {
        self.call("_run_static_output", (text,)).map(drop)
    }

    fn sync(&mut self, verify: Option<&[String]>) -> PyResult<()> {
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
        // lend the state to the Python side, where the op proxy compiles
        std::mem::swap(run, &mut self.native.borrow_mut().state);
        let result = self.call("_run_dynamic", (step.index,));
        std::mem::swap(run, &mut self.native.borrow_mut().state);
        result.map(drop).map_err(MigrateError::Executor)
    }

    fn step_applied(&mut self, step: StepRun<'_, '_>, heads: &[String]) -> PyResult<()> {
        self.call("_run_step_applied", (step.index, heads.to_vec()))
            .map(drop)
    }
}
