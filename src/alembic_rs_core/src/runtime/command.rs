//! What `alembic.command.upgrade` / `downgrade` / `stamp` hand to the environment: the
//! starting revision (`--sql` ranges) and the plan to make once the heads are known.

use crate::script::revision::RevArg;

use super::RuntimeError;
use super::session::PlanKind;

/// A command as `alembic.command` receives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrateCommand {
    /// `upgrade(config, revision)`: `revision` is a target, or (`--sql`) `start:target`.
    Upgrade { revision: String },
    /// `downgrade(config, revision)`: with `--sql`, `revision` must be `start:target`.
    Downgrade { revision: String },
    /// `stamp(config, revisions, purge=purge)`: each element a target or (`--sql`)
    /// `start:target`.
    Stamp { revisions: Vec<String>, purge: bool },
}

/// What a command resolves to before `env.py` runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandPlan {
    /// The `--sql` starting revision (`starting_rev`).
    pub starting_rev: Option<String>,
    pub kind: PlanKind,
    pub purge: bool,
}

impl MigrateCommand {
    /// The `alembic` command's name.
    pub fn name(&self) -> &'static str {
        match self {
            MigrateCommand::Upgrade { .. } => "upgrade",
            MigrateCommand::Downgrade { .. } => "downgrade",
            MigrateCommand::Stamp { .. } => "stamp",
        }
    }

    /// `alembic.command`'s own checks and splitting, for `--sql` (`as_sql`) or online.
    pub fn plan(&self, as_sql: bool) -> Result<CommandPlan, RuntimeError> {
        let plan = |starting_rev, kind| CommandPlan {
            starting_rev,
            kind,
            purge: false,
        };
        match self {
            MigrateCommand::Upgrade { revision } | MigrateCommand::Downgrade { revision }
                if !as_sql && revision.contains(':') =>
            {
                Err(RuntimeError::RangeNotAllowed)
            }
            MigrateCommand::Upgrade { revision } => {
                let (start, dest) = split_range(revision)?;
                Ok(plan(start, PlanKind::Upgrade(RevArg::Str(dest))))
            }
            MigrateCommand::Downgrade { revision } => {
                if as_sql && !revision.contains(':') {
                    return Err(RuntimeError::DowngradeRequiresRange);
                }
                let (start, dest) = split_range(revision)?;
                Ok(plan(start, PlanKind::Downgrade(RevArg::Str(dest))))
            }
            MigrateCommand::Stamp { revisions, purge } => {
                let mut dests = Vec::new();
                let mut start: Option<String> = None;
                for r in revisions {
                    let (srev, dest) = if as_sql {
                        split_range(r)?
                    } else {
                        (None, r.clone())
                    };
                    if let Some(srev) = srev
                        && start.as_ref() != Some(&srev)
                    {
                        if start.is_none() {
                            start = Some(srev);
                        } else {
                            return Err(RuntimeError::StampMultipleStartingRevisions);
                        }
                    }
                    dests.push(dest);
                }
                Ok(CommandPlan {
                    starting_rev: start,
                    kind: PlanKind::Stamp(dests),
                    purge: *purge,
                })
            }
        }
    }
}

/// `starting_rev, revision = revision.split(":", 2)` when `":" in revision`.
fn split_range(revision: &str) -> Result<(Option<String>, String), RuntimeError> {
    let parts: Vec<&str> = revision.splitn(3, ':').collect();
    match parts.as_slice() {
        [one] => Ok((None, one.to_string())),
        [start, end] => Ok((Some(start.to_string()), end.to_string())),
        _ => Err(RuntimeError::TooManyValues),
    }
}
