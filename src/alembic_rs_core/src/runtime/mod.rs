//! The runtime: Alembic's `MigrationContext` (`alembic.runtime.migration`) as one walker,
//! [`Migrator`], over an [`Executor`] trait.
//!
//! - `command`: what `alembic.command` hands to the environment ([`MigrateCommand`]).
//! - `session`: the state of one context ([`MigrationRun`]: the dialect's compiler and its
//!   memo, the version table, the heads) and the plans (`_upgrade_revs` and friends).
//! - `scripts`: each step's body, read statically ([`StaticScripts`]) or left to Python.
//! - `migration`: `RevisionStep` / `StampStep` and `HeadMaintainer` (version-table writes).
//! - `migrator`: the walker; `executor`: the trait it drives; `offline`: the `--sql`
//!   writer. The native PostgreSQL executor lives in `alembic_rs_pg`, the DBAPI one in
//!   Python behind `alembic_rs._native`.
//!
//! Python-set order: where Alembic's choice comes from iterating a set (`merge_branch_idents`,
//! `_unmerge_to_revisions`: which of several merged heads gets the `UPDATE` and which the
//! `DELETE`s, and their order), this module takes the revisions in declaration order
//! (`down_revision` order, then `depends_on`). Alembic's own choice varies with
//! `PYTHONHASHSEED`; the resulting version table is the same either way.

mod command;
mod error;
mod executor;
mod lock;
mod log;
mod migration;
mod migrator;
mod offline;
mod options;
mod scripts;
mod session;

pub use command::{CommandPlan, MigrateCommand};
pub use error::{MigrateError, RuntimeError};
pub use executor::{Executor, OpOrigin, Scope, Statement, StatementKind, StepRun, VersionRows};
pub use lock::advisory_lock_key;
pub use log::{LogLevel, LogRecord};
pub use migration::{MigrationStep, VersionTable};
pub use migrator::{Migrator, RunMode};
pub use offline::{OfflineOutput, OfflineWriter, run_offline, starting_heads};
pub use options::ContextOptions;
pub use scripts::{
    CompiledOp, MigrationScripts, ScriptDocs, StaticPolicy, StaticScripts, StepBody,
};
pub use session::{MigrationRun, PlanKind, PlannedStep, plan, plan_from};
