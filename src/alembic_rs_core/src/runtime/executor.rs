//! The [`Executor`] trait: where a [`Migrator`](super::Migrator) sends what a run does.
//!
//! The model is sqlx's `Migrate` under its `Migrator`: the walker decides *what* happens and
//! in which order (transactions, statements, version-table writes, log records, sync points,
//! verification before commit, the lock); an executor only carries it out. There are three:
//! the offline writer ([`super::OfflineWriter`], `--sql`), the native PostgreSQL connection
//! (`alembic_rs_pg`) and the DBAPI connection `env.py` configured (in Python, behind one pyo3
//! adapter, which also runs the migrations only Python can run).

use crate::eval::OpPosition;

use super::log::LogRecord;
use super::migration::{MigrationStep, VersionTable};
use super::session::{MigrationRun, PlannedStep};
use super::{MigrateError, RuntimeError};

/// A transaction scope the walker opens and closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole run (`with context.begin_transaction():` around `run_migrations()`).
    Run,
    /// One migration (`transaction_per_migration`, or non-transactional DDL online).
    Migration,
}

/// What a statement does, for executors that treat some apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatementKind {
    /// An op of a migration.
    Op,
    /// A write to the version table.
    VersionTable,
}

/// Where a statement comes from: the op of a statically read migration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpOrigin<'a> {
    /// Alembic's method name (`"add_column"`).
    pub name: &'static str,
    /// 1-based position of the op in its function.
    pub index: usize,
    /// `"upgrade"` or `"downgrade"`.
    pub function: &'static str,
    /// The version file.
    pub path: &'a str,
    /// The op's call in the version file, when known.
    pub position: Option<OpPosition>,
}

/// One statement with its provenance, so every error can name the migration and the op.
#[derive(Clone, Copy, Debug)]
pub struct Statement<'a> {
    /// As the dialect's compiler produced it, without terminator.
    pub sql: &'a str,
    pub kind: StatementKind,
    /// The step of the plan (its index and `short_log`), `None` outside a step.
    pub step: Option<(usize, &'a str)>,
    /// The op, when the statement comes from one read statically.
    pub op: Option<OpOrigin<'a>>,
}

/// The version table as the executor found it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionRows {
    /// `get_current_heads()`: the rows, or offline the starting revision.
    pub heads: Vec<String>,
    /// Whether the table exists (`None`: not known, e.g. offline).
    pub table_exists: Option<bool>,
}

/// A step being run, for the callbacks that need it.
#[derive(Clone, Copy, Debug)]
pub struct StepRun<'s, 'm> {
    /// Its index in the plan.
    pub index: usize,
    pub step: &'s MigrationStep<'m>,
}

/// Where a run's work goes. Errors are the executor's own (`Self::Error`); the walker wraps
/// them in [`MigrateError::Executor`].
pub trait Executor {
    type Error;

    /// `get_current_heads()`.
    fn current_heads(&mut self) -> Result<VersionRows, Self::Error>;

    /// Create the version table when it does not exist (`exists` as [`Self::current_heads`]
    /// found it; `None` when not known), then with `purge` delete its rows.
    fn ensure_version_table(
        &mut self,
        table: &VersionTable,
        exists: Option<bool>,
        purge: bool,
    ) -> Result<(), Self::Error>;

    /// Serialise concurrent runs (online); held until [`Self::unlock`].
    fn lock(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }

    /// Release what [`Self::lock`] took; called however the run ends.
    fn unlock(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }

    /// The plan, when the caller's plan function makes it from the heads (Alembic's
    /// `fn(heads, context)`); `None` for executors that have none (they are given a plan
    /// kind instead).
    fn plan(&mut self, _heads: &[String]) -> Option<Result<Vec<PlannedStep>, Self::Error>> {
        None
    }

    fn begin(&mut self, scope: Scope) -> Result<(), Self::Error>;

    /// Commit `scope` (the walker has verified the version rows first, see [`Self::sync`]).
    fn commit(&mut self, scope: Scope) -> Result<(), Self::Error>;

    /// End `scope` after `error`: roll back what can be rolled back. Returns the error the
    /// run fails with (`error`, or what ending the scope raised instead, as Python's `with`).
    /// By default nothing is undone here: the offline writer leaves what it wrote (without
    /// `COMMIT;`), and a connection that never committed rolls back when it closes.
    fn rollback(
        &mut self,
        _scope: Scope,
        error: MigrateError<Self::Error>,
    ) -> MigrateError<Self::Error> {
        error
    }

    fn execute(&mut self, statement: Statement<'_>) -> Result<(), Self::Error>;

    /// A log record, in order with the statements around it.
    fn log(&mut self, record: LogRecord) -> Result<(), Self::Error>;

    /// Text the offline writer prints between statements (`-- Running upgrade a -> b`).
    fn static_output(&mut self, _text: &str) -> Result<(), Self::Error> {
        Ok(())
    }

    /// Send what is buffered. With `verify`, then check that the version table holds those
    /// rows (what this run's writes should have left).
    fn sync(&mut self, verify: Option<&[String]>) -> Result<(), Self::Error>;

    /// `migration_fn.__name__` of a step whose body is dynamic, when it is not the step's
    /// own name (`upgrade`/`downgrade`).
    fn dynamic_name(&mut self, _step: StepRun<'_, '_>) -> Result<Option<String>, Self::Error> {
        Ok(None)
    }

    /// Run a migration only Python can run; its ops compile with `run` (the context's
    /// memo). Executors without Python refuse it.
    fn run_dynamic(
        &mut self,
        step: StepRun<'_, '_>,
        path: &str,
        reason: &str,
        run: &mut MigrationRun,
    ) -> Result<(), MigrateError<Self::Error>> {
        let _ = run;
        Err(MigrateError::Runtime(RuntimeError::NotStatic {
            path: path.to_string(),
            function: if step.step.is_upgrade() {
                "upgrade"
            } else {
                "downgrade"
            },
            reason: reason.to_string(),
        }))
    }

    /// A step is done and the version table moved: `heads` are the new heads
    /// (`on_version_apply`).
    fn step_applied(
        &mut self,
        _step: StepRun<'_, '_>,
        _heads: &[String],
    ) -> Result<(), Self::Error> {
        Ok(())
    }
}
