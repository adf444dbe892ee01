//! [`MigrationRun`]: the state one migration context keeps across the steps of a run — the
//! heads the version table holds, the version table itself, and the DDL compiler with its
//! per-context memo — plus the plans of `upgrade` / `downgrade` / `stamp`.
//!
//! The [`Migrator`](super::Migrator) walks a plan with it; a migration that only Python can
//! run compiles its ops with it too (lent to the Python `op` proxy while it runs). Steps are
//! owned values ([`PlannedStep`]) so a plan can outlive a borrow of the revision map;
//! [`PlannedStep::resolve`] borrows it back.

use crate::ddl::{DdlError, DdlImpl, DdlSession, Dialect, NamingConvention, StatementStyle};
use crate::ops::Op;
use crate::script::revision::{RevArg, RevisionMap, StampStep};

use super::RuntimeError;
use super::migration::{HeadMaintainer, MigrationStep, StepWrites, VersionTable};
use super::options::ContextOptions;

/// Which plan to make: the destination(s) as the command received them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanKind {
    /// `ScriptDirectory._upgrade_revs(destination, heads)`.
    Upgrade(RevArg),
    /// `ScriptDirectory._downgrade_revs(destination, heads)`.
    Downgrade(RevArg),
    /// `ScriptDirectory._stamp_revs(revisions, heads)`.
    Stamp(Vec<String>),
}

/// One step of a plan, owning what it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlannedStep {
    /// Run a migration script up or down.
    Revision { id: String, is_upgrade: bool },
    /// Move the version table without running scripts.
    Stamp(StampStep),
}

impl PlannedStep {
    /// The step as [`MigrationStep`], borrowing its revision from `map`.
    pub fn resolve<'m>(&self, map: &'m RevisionMap) -> Result<MigrationStep<'m>, RuntimeError> {
        Ok(match self {
            PlannedStep::Revision { id, is_upgrade } => MigrationStep::Revision {
                revision: map
                    .lookup(id)
                    .ok_or(RuntimeError::Assertion("planned revision is in the map"))?,
                is_upgrade: *is_upgrade,
            },
            PlannedStep::Stamp(s) => MigrationStep::Stamp(s.clone()),
        })
    }
}

/// The mutable state of one migration context.
pub struct MigrationRun {
    dialect: &'static Dialect,
    style: StatementStyle,
    table: VersionTable,
    heads: Vec<String>,
    compiler: Box<dyn DdlImpl + Send + Sync>,
    ddl: DdlSession,
}

impl std::fmt::Debug for MigrationRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MigrationRun")
            .field("dialect", &self.dialect.name)
            .field("table", &self.table)
            .field("heads", &self.heads)
            .finish_non_exhaustive()
    }
}

impl MigrationRun {
    /// A context compiling for `dialect` with `style`.
    pub fn new(dialect: &'static Dialect, opts: &ContextOptions, style: StatementStyle) -> Self {
        let compiler = dialect.compiler(style, NamingConvention::default());
        let table = VersionTable::new(
            compiler.preparer(),
            &opts.version_table,
            opts.version_table_schema.as_deref(),
            opts.version_table_pk,
        );
        MigrationRun {
            dialect,
            style,
            table,
            heads: Vec::new(),
            compiler,
            ddl: DdlSession::new(),
        }
    }

    /// An empty context of the same dialect and version table, to stand in while this one
    /// is lent out (see the Python adapter's dynamic migrations).
    pub fn stand_in(&self) -> Self {
        MigrationRun {
            dialect: self.dialect,
            style: self.style,
            table: self.table.clone(),
            heads: Vec::new(),
            compiler: self
                .dialect
                .compiler(self.style, NamingConvention::default()),
            ddl: DdlSession::new(),
        }
    }

    pub fn dialect(&self) -> &'static Dialect {
        self.dialect
    }

    /// The heads the version table holds (as far as this run knows).
    pub fn heads(&self) -> &[String] {
        &self.heads
    }

    /// Start from these heads (the database's, or `--sql`'s starting revision).
    pub fn set_heads(&mut self, heads: &[String]) {
        self.heads.clear();
        for h in heads {
            if !self.heads.contains(h) {
                self.heads.push(h.clone());
            }
        }
    }

    pub fn version_table(&self) -> &VersionTable {
        &self.table
    }

    /// `HeadMaintainer.update_to_step`: the version-table statements of a finished step.
    pub fn update_to_step(
        &mut self,
        map: &RevisionMap,
        step: &MigrationStep<'_>,
    ) -> Result<StepWrites, RuntimeError> {
        let mut maintainer = HeadMaintainer::new(map, &self.table, &self.heads);
        let writes = maintainer.update_to_step(step);
        self.heads = maintainer.heads;
        writes
    }

    /// Name constraints and indexes by the context's `target_metadata` convention.
    pub fn set_naming_convention(&mut self, convention: NamingConvention) {
        self.compiler = self.dialect.compiler(self.style, convention);
    }

    /// The compiler's memo, to restore when a migration's ops are compiled again (see
    /// [`MigrationRun::restore`]).
    pub fn snapshot(&self) -> DdlSession {
        self.ddl.clone()
    }

    pub fn restore(&mut self, snapshot: DdlSession) {
        self.ddl = snapshot;
    }

    /// The compiler's memo itself (shared with SQLAlchemy when an op is compiled there).
    pub fn ddl_session(&mut self) -> &mut DdlSession {
        &mut self.ddl
    }

    /// Compile one op with this context's memo (ENUM types created once).
    pub fn compile(&mut self, op: &Op) -> Result<Vec<String>, DdlError> {
        self.compiler.compile(op, &mut self.ddl)
    }
}

/// The plan of `kind` from `heads` (`ScriptDirectory._upgrade_revs` and friends).
pub fn plan(
    map: &RevisionMap,
    kind: &PlanKind,
    heads: &[String],
) -> Result<Vec<PlannedStep>, RuntimeError> {
    plan_from(map, kind, &RevArg::Tuple(heads.to_vec()))
}

/// [`plan`] from `current` as `ScriptDirectory._upgrade_revs` and friends receive it (a
/// string, a tuple, or `None`).
pub fn plan_from(
    map: &RevisionMap,
    kind: &PlanKind,
    current: &RevArg,
) -> Result<Vec<PlannedStep>, RuntimeError> {
    let current = current.clone();
    let sd = map.script_directory();
    let revision_steps = |revs: Vec<&crate::script::revision::Revision>, is_upgrade| {
        revs.into_iter()
            .map(|r| PlannedStep::Revision {
                id: r.revision().to_string(),
                is_upgrade,
            })
            .collect()
    };
    Ok(match kind {
        PlanKind::Upgrade(dest) => revision_steps(sd.upgrade_revs(dest, &current)?, true),
        PlanKind::Downgrade(dest) => revision_steps(sd.downgrade_revs(dest, &current)?, false),
        PlanKind::Stamp(dests) => sd
            .stamp_revs(&RevArg::Tuple(dests.clone()), &current)?
            .into_iter()
            .map(PlannedStep::Stamp)
            .collect(),
    })
}
