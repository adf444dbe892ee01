//! [`Migrator`]: the one walker of a plan, for every path (`--sql`, the native connection,
//! the DBAPI connection of the user's `env.py`). It is Alembic's
//! `MigrationContext.run_migrations` / `stamp` and `begin_transaction`: it frames
//! transactions, reads each step's body from the scripts (static statements, or a dynamic
//! migration the executor runs), writes the version table (`HeadMaintainer`), emits the log
//! records, and tells the [`Executor`] where to sync and what to verify before a commit.

use crate::script::revision::{Revision, RevisionMap};

use super::executor::{Executor, OpOrigin, Scope, Statement, StatementKind, StepRun};
use super::log::LogRecord;
use super::migration::MigrationStep;
use super::options::ContextOptions;
use super::scripts::{MigrationScripts, StepBody};
use super::session::{MigrationRun, PlanKind, PlannedStep, plan};
use super::{MigrateError, RuntimeError};

/// How a run is carried out (the options `MigrationContext` takes from `configure()` and the
/// command).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunMode {
    /// `--sql`: statements are written, not sent.
    pub as_sql: bool,
    /// The connection was already in a transaction when the context was configured: the
    /// caller owns it (`begin_transaction()` does nothing).
    pub external_transaction: bool,
    /// `stamp --purge`.
    pub purge: bool,
    /// `dont_mutate` (`alembic check`): no version table, no lock.
    pub dont_mutate: bool,
}

/// Walks plans for one migration context.
pub struct Migrator<'m> {
    map: &'m RevisionMap,
    scripts: &'m mut dyn MigrationScripts,
    run: MigrationRun,
    transactional_ddl: bool,
    transaction_per_migration: bool,
    mode: RunMode,
    /// The version rows written since the last verification.
    unverified: bool,
}

type Result<T, E> = std::result::Result<T, MigrateError<E>>;

impl<'m> Migrator<'m> {
    pub fn new(
        map: &'m RevisionMap,
        scripts: &'m mut dyn MigrationScripts,
        run: MigrationRun,
        opts: &ContextOptions,
        mode: RunMode,
    ) -> Self {
        let transactional_ddl = opts
            .transactional_ddl
            .unwrap_or(run.dialect().transactional_ddl);
        Migrator {
            map,
            scripts,
            run,
            transactional_ddl,
            transaction_per_migration: opts.transaction_per_migration,
            mode,
            unverified: false,
        }
    }

    /// The records `MigrationContext.__init__` logs.
    pub fn context_logs(&self) -> Vec<LogRecord> {
        let mut logs = vec![LogRecord::info(format!(
            "Context impl {}.",
            self.run.dialect().impl_name
        ))];
        if self.mode.as_sql {
            logs.push(LogRecord::info("Generating static SQL".into()));
        }
        logs.push(LogRecord::info(format!(
            "Will assume {} DDL.",
            if self.transactional_ddl {
                "transactional"
            } else {
                "non-transactional"
            }
        )));
        logs
    }

    /// Give the context's state back.
    pub fn into_run(self) -> MigrationRun {
        self.run
    }

    /// `begin_transaction(_per_migration)`: whether it opens a transaction (online) or
    /// writes `BEGIN`/`COMMIT` (offline).
    pub fn frames(&self, per_migration: bool) -> bool {
        if self.mode.external_transaction {
            return false;
        }
        if self.transactional_ddl {
            per_migration == self.transaction_per_migration
        } else {
            // non-transactional DDL: online, each migration in a transaction of its own
            per_migration && !self.mode.as_sql
        }
    }

    /// `with context.begin_transaction(): context.run_migrations()`, what the template
    /// `env.py` does.
    pub fn run_in_transaction<E: Executor>(
        &mut self,
        exec: &mut E,
        plan: Option<&PlanKind>,
    ) -> Result<(), E::Error> {
        let framed = self.frames(false);
        if framed {
            exec.begin(Scope::Run).map_err(MigrateError::Executor)?;
        }
        let result = self.run_migrations(exec, plan);
        self.end_scope(exec, Scope::Run, framed, result)
    }

    /// `MigrationContext.run_migrations`: the plan of `plan` from the current heads (or, with
    /// `None`, the executor's plan function), each step run and recorded in the version
    /// table, under the lock.
    pub fn run_migrations<E: Executor>(
        &mut self,
        exec: &mut E,
        plan: Option<&PlanKind>,
    ) -> Result<(), E::Error> {
        let locked = !self.mode.as_sql && !self.mode.dont_mutate;
        if locked {
            exec.lock().map_err(MigrateError::Executor)?;
        }
        let result = self.walk(exec, plan).and_then(|()| self.sync(exec, true));
        if locked {
            let unlocked = exec.unlock().map_err(MigrateError::Executor);
            result?;
            return unlocked;
        }
        result
    }

    fn walk<E: Executor>(&mut self, exec: &mut E, kind: Option<&PlanKind>) -> Result<(), E::Error> {
        let heads = if self.mode.purge {
            if self.mode.as_sql {
                return Err(RuntimeError::PurgeWithSql.into());
            }
            let table = self.run.version_table().clone();
            exec.ensure_version_table(&table, None, true)
                .map_err(MigrateError::Executor)?;
            self.run.set_heads(&[]);
            Vec::new()
        } else {
            self.read_heads(exec, !self.mode.dont_mutate)?
        };
        let planned = match kind {
            Some(kind) => plan(self.map, kind, self.run.heads())?,
            None => self.executor_plan(exec, &heads)?,
        };
        let steps = planned
            .iter()
            .map(|p| p.resolve(self.map))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let revisions: Vec<&Revision> = steps
            .iter()
            .filter_map(|s| match s {
                MigrationStep::Revision { revision, .. } => Some(*revision),
                MigrationStep::Stamp(_) => None,
            })
            .collect();
        self.scripts.prepare(&revisions);
        for (index, step) in steps.iter().enumerate() {
            let framed = self.frames(true);
            if framed {
                exec.begin(Scope::Migration)
                    .map_err(MigrateError::Executor)?;
            }
            let result = self.run_step(exec, StepRun { index, step });
            self.end_scope(exec, Scope::Migration, framed, result)?;
        }
        Ok(())
    }

    fn run_step<E: Executor>(&mut self, exec: &mut E, at: StepRun<'_, '_>) -> Result<(), E::Error> {
        let step = at.step;
        if self.mode.as_sql && self.run.heads().is_empty() {
            let create = self.run.version_table().create();
            exec.execute(Statement {
                sql: &create,
                kind: StatementKind::VersionTable,
                step: None,
                op: None,
            })
            .map_err(MigrateError::Executor)?;
        }
        // read first: the log line names the function (`migration_fn.__name__`)
        let (body, path, doc) = match step {
            MigrationStep::Revision {
                revision,
                is_upgrade,
            } => (
                Some(self.scripts.body(revision, *is_upgrade, &mut self.run)?),
                self.scripts.path(revision).to_string(),
                self.scripts.doc(revision),
            ),
            MigrationStep::Stamp(_) => (None, String::new(), String::new()),
        };
        let name = match &body {
            Some(StepBody::Dynamic(_)) => exec.dynamic_name(at).map_err(MigrateError::Executor)?,
            _ => None,
        };
        let name = name.as_deref().unwrap_or(step.name());
        let short_log = step.short_log_named(name);
        exec.log(LogRecord::info(format!(
            "Running {}",
            step.log_text_named(name, &doc)
        )))
        .map_err(MigrateError::Executor)?;
        if self.mode.as_sql {
            exec.static_output(&format!("-- Running {short_log}"))
                .map_err(MigrateError::Executor)?;
        }
        let function = if step.is_upgrade() {
            "upgrade"
        } else {
            "downgrade"
        };
        match body {
            Some(StepBody::Static(ops)) => {
                for op in &ops {
                    for sql in &op.statements {
                        exec.execute(Statement {
                            sql,
                            kind: StatementKind::Op,
                            step: Some((at.index, &short_log)),
                            op: Some(OpOrigin {
                                name: op.name,
                                index: op.index,
                                function,
                                path: &path,
                                position: op.position,
                            }),
                        })
                        .map_err(MigrateError::Executor)?;
                    }
                }
            }
            Some(StepBody::Dynamic(reason)) => {
                exec.run_dynamic(at, &path, &reason, &mut self.run)?
            }
            None => {}
        }
        self.record_step(exec, step, Some((at.index, &short_log)))?;
        exec.step_applied(at, self.run.heads())
            .map_err(MigrateError::Executor)
    }

    /// The heads the version table holds (online, creating the table when there are none
    /// and `create` says so), as this run's starting heads.
    fn read_heads<E: Executor>(
        &mut self,
        exec: &mut E,
        create: bool,
    ) -> Result<Vec<String>, E::Error> {
        let rows = exec.current_heads().map_err(MigrateError::Executor)?;
        if !self.mode.as_sql && rows.heads.is_empty() && create {
            let table = self.run.version_table().clone();
            exec.ensure_version_table(&table, rows.table_exists, false)
                .map_err(MigrateError::Executor)?;
        }
        self.run.set_heads(&rows.heads);
        Ok(rows.heads)
    }

    /// `HeadMaintainer.update_to_step`: the version-table writes of a finished step, and
    /// its debug records.
    fn record_step<E: Executor>(
        &mut self,
        exec: &mut E,
        step: &MigrationStep<'_>,
        in_step: Option<(usize, &str)>,
    ) -> Result<(), E::Error> {
        let writes = self.run.update_to_step(self.map, step)?;
        for record in writes.logs {
            exec.log(record).map_err(MigrateError::Executor)?;
        }
        for sql in &writes.statements {
            exec.execute(Statement {
                sql,
                kind: StatementKind::VersionTable,
                step: in_step,
                op: None,
            })
            .map_err(MigrateError::Executor)?;
            self.unverified = true;
        }
        Ok(())
    }

    /// `MigrationContext.stamp(script, revision)`: move the version table to `destinations`
    /// (`None`: the executor's plan function gives the steps) without running scripts.
    pub fn stamp<E: Executor>(
        &mut self,
        exec: &mut E,
        destinations: Option<&[String]>,
    ) -> Result<(), E::Error> {
        let heads = self.read_heads(exec, true)?;
        let planned = match destinations {
            Some(d) => plan(self.map, &PlanKind::Stamp(d.to_vec()), &heads)?,
            None => self.executor_plan(exec, &heads)?,
        };
        for p in &planned {
            let step = p.resolve(self.map)?;
            self.record_step(exec, &step, None)?;
        }
        self.sync(exec, false)
    }

    /// Send what is buffered, verifying the version rows when `verify` and this run wrote
    /// any since the last check.
    fn sync<E: Executor>(&mut self, exec: &mut E, verify: bool) -> Result<(), E::Error> {
        if verify && self.unverified && !self.mode.as_sql {
            self.unverified = false;
            let mut expected = self.run.heads().to_vec();
            expected.sort();
            exec.sync(Some(&expected)).map_err(MigrateError::Executor)
        } else {
            exec.sync(None).map_err(MigrateError::Executor)
        }
    }

    /// The executor's plan function's steps (Alembic's `fn(heads, context)`).
    fn executor_plan<E: Executor>(
        &mut self,
        exec: &mut E,
        heads: &[String],
    ) -> Result<Vec<PlannedStep>, E::Error> {
        match exec.plan(heads) {
            Some(planned) => planned.map_err(MigrateError::Executor),
            None => Err(RuntimeError::Assertion(
                "a run without a plan kind needs the executor's plan",
            )
            .into()),
        }
    }

    /// End a scope `begin_transaction` opened (when `framed`) after `result`: verify the
    /// version rows and commit, or roll back after a failure (of the scope's work or of
    /// the verification).
    fn end_scope<E: Executor>(
        &mut self,
        exec: &mut E,
        scope: Scope,
        framed: bool,
        result: Result<(), E::Error>,
    ) -> Result<(), E::Error> {
        if !framed {
            return result;
        }
        match result.and_then(|()| self.sync(exec, true)) {
            Ok(()) => exec.commit(scope).map_err(MigrateError::Executor),
            Err(e) => Err(exec.rollback(scope, e)),
        }
    }
}
