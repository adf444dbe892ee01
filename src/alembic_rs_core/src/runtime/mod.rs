//! The offline (`--sql`) side of Alembic's `MigrationContext` (`alembic.runtime.migration`):
//! the plan of an `upgrade` / `downgrade` / `stamp` command, the version-table bookkeeping
//! (`HeadMaintainer`, `RevisionStep`, `StampStep`), the transaction framing and the text
//! Alembic writes to stdout, plus the log records it emits on the way.
//!
//! Python-set order: where Alembic's choice comes from iterating a set (`merge_branch_idents`,
//! `_unmerge_to_revisions`: which of several merged heads gets the `UPDATE` and which the
//! `DELETE`s, and their order), this module takes the revisions in declaration order
//! (`down_revision` order, then `depends_on`). Alembic's own choice varies with
//! `PYTHONHASHSEED`; the resulting version table is the same either way.

mod error;
mod migration;
mod offline;
mod online;
mod session;

pub use error::RuntimeError;
pub use migration::{HeadMaintainer, MigrationStep, StepWrites, VersionTable};
pub use offline::{
    ContextOptions, LogLevel, LogRecord, MigrationScripts, OfflineCommand, OfflineOutput,
    ScriptDocs, StaticScripts, run_offline,
};
pub use online::{OnlineRun, context_logs, plan_online};
pub use session::{MigrationRun, PlanKind, PlannedStep, plan, plan_from};
