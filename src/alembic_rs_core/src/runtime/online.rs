//! The statements and log records of an online `upgrade` / `downgrade` / `stamp` whose
//! `env.py` is the template's, for a native connection to send (no I/O here): what Alembic's
//! `MigrationContext.run_migrations` executes in its one transaction, given the heads the
//! version table holds.

use crate::ddl::StatementStyle;
use crate::script::revision::{RevArg, Revision, RevisionMap};

use super::RuntimeError;
use super::migration::MigrationStep;
use super::offline::{ContextOptions, LogLevel, LogRecord, MigrationScripts, OfflineCommand};
use super::session::{MigrationRun, PlanKind, plan};

const LOGGER: &str = "alembic.runtime.migration";

/// What to send and what to log.
#[derive(Clone, Debug, Default)]
pub struct OnlineRun {
    /// In order; the caller wraps them in its transaction.
    pub statements: Vec<String>,
    pub logs: Vec<LogRecord>,
    /// The version rows after the statements, to check before committing.
    pub expected_heads: Vec<String>,
}

fn info(logs: &mut Vec<LogRecord>, message: String) {
    logs.push(LogRecord {
        logger: LOGGER,
        level: LogLevel::Info,
        message,
    });
}

/// The records `MigrationContext.__init__` logs online.
pub fn context_logs() -> Vec<LogRecord> {
    let mut logs = Vec::new();
    info(&mut logs, "Context impl PostgresqlImpl.".into());
    info(&mut logs, "Will assume transactional DDL.".into());
    logs
}

/// Plans `command` from `heads` (the version table's rows; `table_exists` whether it
/// exists) and compiles every step with `style`.
pub fn plan_online(
    map: &RevisionMap,
    scripts: &mut dyn MigrationScripts,
    style: StatementStyle,
    command: &OfflineCommand,
    opts: &ContextOptions,
    heads: &[String],
    table_exists: bool,
) -> Result<OnlineRun, RuntimeError> {
    let mut state = MigrationRun::new(opts, style);
    let mut out = OnlineRun::default();
    let range = |r: &str| r.contains(':');
    let (kind, purge) = match command {
        OfflineCommand::Upgrade { revision } | OfflineCommand::Downgrade { revision }
            if range(revision) =>
        {
            return Err(RuntimeError::RangeNotAllowed);
        }
        OfflineCommand::Upgrade { revision } => {
            (PlanKind::Upgrade(RevArg::Str(revision.clone())), false)
        }
        OfflineCommand::Downgrade { revision } => {
            (PlanKind::Downgrade(RevArg::Str(revision.clone())), false)
        }
        OfflineCommand::Stamp { revisions, purge } => (PlanKind::Stamp(revisions.clone()), *purge),
    };
    let table = state.version_table().clone();
    let heads: Vec<String> = if purge { Vec::new() } else { heads.to_vec() };
    if !table_exists && (purge || heads.is_empty()) {
        out.statements.push(table.create());
    }
    if purge {
        out.statements.push(table.delete_all());
    }
    state.set_heads(&heads);
    let planned = plan(map, &kind, state.heads())?;
    let steps = planned
        .iter()
        .map(|p| p.resolve(map))
        .collect::<Result<Vec<_>, _>>()?;
    let revisions: Vec<&Revision> = steps
        .iter()
        .filter_map(|s| match s {
            MigrationStep::Revision { revision, .. } => Some(*revision),
            MigrationStep::Stamp(_) => None,
        })
        .collect();
    scripts.prepare(&revisions);
    for step in &steps {
        let doc = match step {
            MigrationStep::Revision { revision, .. } => scripts.doc(revision),
            MigrationStep::Stamp(_) => String::new(),
        };
        info(&mut out.logs, format!("Running {}", step.log_text(&doc)));
        if let MigrationStep::Revision {
            revision,
            is_upgrade,
        } = step
        {
            out.statements
                .extend(scripts.statements(revision, *is_upgrade, &mut state)?);
        }
        let writes = state.update_to_step(map, step)?;
        out.logs.extend(writes.logs);
        out.statements.extend(writes.statements);
    }
    out.expected_heads = state.heads().to_vec();
    Ok(out)
}
