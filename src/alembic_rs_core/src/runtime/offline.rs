//! `alembic upgrade/downgrade/stamp --sql`: `command.upgrade` / `downgrade` / `stamp` with
//! `as_sql=True`, then `MigrationContext.__init__`, `begin_transaction` and `run_migrations`
//! as the standard offline `env.py` drives them, writing what Alembic writes to stdout.

use crate::ddl::{DdlImpl, PostgresqlImpl};
use crate::script::format::{ScriptMeta, doc};
use crate::script::revision::{RevArg, Revision, RevisionMap};

use super::RuntimeError;
use super::migration::MigrationStep;
use super::session::{MigrationRun, PlanKind};

const LOGGER: &str = "alembic.runtime.migration";

/// `logging` levels of the records the runtime emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogLevel {
    Debug,
    Info,
}

impl LogLevel {
    /// `logging.getLevelName(level)`.
    pub fn name(self) -> &'static str {
        match self {
            LogLevel::Debug => "DEBUG",
            LogLevel::Info => "INFO",
        }
    }
}

/// One log record for the Python layer to route into `logging`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogRecord {
    pub logger: &'static str,
    pub level: LogLevel,
    pub message: String,
}

/// The `context.configure(...)` options the offline runtime honours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextOptions {
    pub version_table: String,
    pub version_table_schema: Option<String>,
    pub version_table_pk: bool,
    /// `None`: the dialect's default (PostgreSQL: transactional).
    pub transactional_ddl: Option<bool>,
    pub transaction_per_migration: bool,
}

impl Default for ContextOptions {
    fn default() -> Self {
        ContextOptions {
            version_table: "alembic_version".into(),
            version_table_schema: None,
            version_table_pk: true,
            transactional_ddl: None,
            transaction_per_migration: false,
        }
    }
}

/// A command as `alembic.command` receives it, in `--sql` mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfflineCommand {
    /// `upgrade(config, revision, sql=True)`: `revision` is a target or `start:target`.
    Upgrade { revision: String },
    /// `downgrade(config, revision, sql=True)`: `revision` must be `start:target`.
    Downgrade { revision: String },
    /// `stamp(config, revisions, sql=True, purge=purge)`: each element a target or
    /// `start:target`.
    Stamp { revisions: Vec<String>, purge: bool },
}

/// What the runtime needs to know of the migration scripts.
pub trait MigrationScripts {
    /// `Script.doc` (first paragraph of the module docstring, `""` when none).
    fn doc(&self, revision: &Revision) -> String;
    /// Called once with the plan's scripts before the first step runs (to read them ahead,
    /// in parallel).
    fn prepare(&mut self, _revisions: &[&Revision]) {}
    /// The SQL statements of the script's `upgrade()` (`is_upgrade`) or `downgrade()`, as
    /// compiled text without terminator (compiled with `run`'s compiler, which keeps the
    /// context's memo); each is written as Alembic's `_exec` writes it.
    fn statements(
        &mut self,
        revision: &Revision,
        is_upgrade: bool,
        run: &mut MigrationRun,
    ) -> Result<Vec<String>, RuntimeError>;
}

impl OfflineCommand {
    /// The `alembic` command's name.
    pub fn name(&self) -> &'static str {
        match self {
            OfflineCommand::Upgrade { .. } => "upgrade",
            OfflineCommand::Downgrade { .. } => "downgrade",
            OfflineCommand::Stamp { .. } => "stamp",
        }
    }
}

/// Scripts known by their docstrings only, whose bodies emit no SQL.
#[derive(Clone, Copy, Debug)]
pub struct ScriptDocs<'a>(pub &'a [ScriptMeta]);

impl MigrationScripts for ScriptDocs<'_> {
    fn doc(&self, revision: &Revision) -> String {
        self.0
            .get(revision.index())
            .map(|m| doc(m.doc.as_deref()))
            .unwrap_or_default()
    }

    fn statements(
        &mut self,
        _revision: &Revision,
        _is_upgrade: bool,
        _run: &mut MigrationRun,
    ) -> Result<Vec<String>, RuntimeError> {
        Ok(Vec::new())
    }
}

/// What a run produced: stdout text and log records up to the end or up to the error, as
/// Alembic streams them (an error leaves the output written so far, without `COMMIT;`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfflineOutput {
    pub stdout: String,
    pub logs: Vec<LogRecord>,
    pub error: Option<RuntimeError>,
}

struct Writer<'i> {
    out: String,
    logs: Vec<LogRecord>,
    terminator: &'i str,
}

impl Writer<'_> {
    /// `DefaultImpl.static_output`.
    fn static_output(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    /// `DefaultImpl._exec` of a statement in `as_sql` mode.
    fn exec(&mut self, sql: &str) {
        let text = sql.replace('\t', "    ");
        let text = crate::pystr::py_strip(&text).to_string();
        let term = self.terminator;
        self.static_output(&format!("{text}{term}"));
    }

    fn info(&mut self, message: String) {
        self.logs.push(LogRecord {
            logger: LOGGER,
            level: LogLevel::Info,
            message,
        });
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

/// Run `command` in `--sql` mode against `map` with PostgreSQL's implementation `pg`.
pub fn run_offline(
    map: &RevisionMap,
    scripts: &mut dyn MigrationScripts,
    pg: &PostgresqlImpl,
    command: &OfflineCommand,
    opts: &ContextOptions,
) -> OfflineOutput {
    let mut w = Writer {
        out: String::new(),
        logs: Vec::new(),
        terminator: ";",
    };
    let error = run(map, scripts, pg, command, opts, &mut w).err();
    OfflineOutput {
        stdout: w.out,
        logs: w.logs,
        error,
    }
}

/// What the command hands to the environment: the starting revision and the plan function.
enum Plan {
    Upgrade(String),
    Downgrade(String),
    Stamp(Vec<String>, bool),
}

fn run(
    map: &RevisionMap,
    scripts: &mut dyn MigrationScripts,
    pg: &PostgresqlImpl,
    command: &OfflineCommand,
    opts: &ContextOptions,
    w: &mut Writer<'_>,
) -> Result<(), RuntimeError> {
    // alembic.command
    let (starting_rev, plan) = match command {
        OfflineCommand::Upgrade { revision } => {
            let (start, dest) = split_range(revision)?;
            (start, Plan::Upgrade(dest))
        }
        OfflineCommand::Downgrade { revision } => {
            if !revision.contains(':') {
                return Err(RuntimeError::DowngradeRequiresRange);
            }
            let (start, dest) = split_range(revision)?;
            (start, Plan::Downgrade(dest))
        }
        OfflineCommand::Stamp { revisions, purge } => {
            let mut dests = Vec::new();
            let mut start: Option<String> = None;
            for r in revisions {
                let (srev, dest) = split_range(r)?;
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
            (start, Plan::Stamp(dests, *purge))
        }
    };

    // MigrationContext.__init__
    let transactional_ddl = opts.transactional_ddl.unwrap_or(true);
    let mut state = MigrationRun::new(opts, pg.statement_style());
    w.info("Context impl PostgresqlImpl.".into());
    w.info("Generating static SQL".into());
    w.info(format!(
        "Will assume {} DDL.",
        if transactional_ddl {
            "transactional"
        } else {
            "non-transactional"
        }
    ));

    // begin_transaction(_per_migration=...) in as_sql mode: BEGIN/COMMIT or nothing.
    let framed =
        |per_migration: bool| transactional_ddl && per_migration == opts.transaction_per_migration;

    // with context.begin_transaction(): context.run_migrations()
    if framed(false) {
        w.exec("BEGIN");
    }
    if let Plan::Stamp(_, true) = plan {
        return Err(RuntimeError::PurgeWithSql);
    }
    state.set_heads(&current_heads(map, starting_rev.as_deref())?);
    let kind = match plan {
        Plan::Upgrade(dest) => PlanKind::Upgrade(RevArg::Str(dest)),
        Plan::Downgrade(dest) => PlanKind::Downgrade(RevArg::Str(dest)),
        Plan::Stamp(dests, _) => PlanKind::Stamp(dests),
    };
    let plan = super::session::plan(map, &kind, state.heads())?;
    let steps = plan
        .iter()
        .map(|p| p.resolve(map))
        .collect::<Result<Vec<_>, _>>()?;
    let scripts_ahead: Vec<&Revision> = steps
        .iter()
        .filter_map(|s| match s {
            MigrationStep::Revision { revision, .. } => Some(*revision),
            MigrationStep::Stamp(_) => None,
        })
        .collect();
    scripts.prepare(&scripts_ahead);
    for step in steps {
        if framed(true) {
            w.exec("BEGIN");
        }
        if state.heads().is_empty() {
            w.exec(&state.version_table().create());
        }
        let doc = match &step {
            MigrationStep::Revision { revision, .. } => scripts.doc(revision),
            MigrationStep::Stamp(_) => String::new(),
        };
        w.info(format!("Running {}", step.log_text(&doc)));
        w.static_output(&format!("-- Running {}", step.short_log()));
        if let MigrationStep::Revision {
            revision,
            is_upgrade,
        } = &step
        {
            for sql in scripts.statements(revision, *is_upgrade, &mut state)? {
                w.exec(&sql);
            }
        }
        let writes = state.update_to_step(map, &step)?;
        w.logs.extend(writes.logs);
        for sql in &writes.statements {
            w.exec(sql);
        }
        if framed(true) {
            w.exec("COMMIT");
        }
    }
    if framed(false) {
        w.exec("COMMIT");
    }
    Ok(())
}

/// `MigrationContext.get_current_heads()` in `as_sql` mode: the starting revision(s).
fn current_heads(map: &RevisionMap, start: Option<&str>) -> Result<Vec<String>, RuntimeError> {
    match start {
        None | Some("base") => Ok(Vec::new()),
        Some(sfr) => {
            let rev = map
                .script_directory()
                .get_revision(&RevArg::Str(sfr.to_string()))?
                .ok_or(RuntimeError::NoStartingRevision)?;
            Ok(vec![rev.revision().to_string()])
        }
    }
}

/// Scripts read by the static evaluator (no Python): each migration function must be plain
/// `op.*` calls, else the run stops with [`RuntimeError::NotStatic`].
pub struct StaticScripts<'a> {
    metas: &'a [ScriptMeta],
    evaluated: std::collections::HashMap<usize, crate::eval::EvaluatedModule>,
    refuse_binds: bool,
}

impl<'a> StaticScripts<'a> {
    pub fn new(metas: &'a [ScriptMeta]) -> Self {
        StaticScripts {
            metas,
            evaluated: std::collections::HashMap::new(),
            refuse_binds: false,
        }
    }

    /// Treat ops whose online execution SQLAlchemy shapes as not static (see
    /// [`crate::ops::binds_differ_online`]): only Python reproduces them.
    pub fn refusing_bind_parameters(mut self) -> Self {
        self.refuse_binds = true;
        self
    }

    fn path(&self, revision: &Revision) -> &str {
        self.metas
            .get(revision.index())
            .map_or("", |m| m.path.as_str())
    }
}

impl MigrationScripts for StaticScripts<'_> {
    fn doc(&self, revision: &Revision) -> String {
        ScriptDocs(self.metas).doc(revision)
    }

    fn prepare(&mut self, revisions: &[&Revision]) {
        let todo: Vec<usize> = revisions
            .iter()
            .map(|r| r.index())
            .filter(|i| !self.evaluated.contains_key(i))
            .collect();
        let paths: Vec<std::path::PathBuf> = todo
            .iter()
            .map(|&i| {
                self.metas
                    .get(i)
                    .map(|m| m.path.clone())
                    .unwrap_or_default()
                    .into()
            })
            .collect();
        let modules = crate::eval::evaluate_files(&paths);
        self.evaluated.extend(todo.into_iter().zip(modules));
    }

    fn statements(
        &mut self,
        revision: &Revision,
        is_upgrade: bool,
        run: &mut MigrationRun,
    ) -> Result<Vec<String>, RuntimeError> {
        let path = self.path(revision).to_string();
        let module = self
            .evaluated
            .entry(revision.index())
            .or_insert_with(|| crate::eval::evaluate_file(std::path::Path::new(&path)));
        let function = if is_upgrade { "upgrade" } else { "downgrade" };
        let ops = match module.function(is_upgrade) {
            crate::eval::Evaluated::Static(ops) => ops,
            crate::eval::Evaluated::Dynamic(reason) => {
                return Err(RuntimeError::NotStatic {
                    path,
                    function,
                    reason: reason.clone(),
                });
            }
        };
        if self.refuse_binds
            && let Some(op) = ops.iter().find(|op| crate::ops::binds_differ_online(op))
        {
            return Err(RuntimeError::NotStatic {
                path,
                function,
                reason: format!("{} with values SQLAlchemy binds online", op.name()),
            });
        }
        let mut out = Vec::new();
        for op in ops {
            out.extend(run.compile(op).map_err(|e| RuntimeError::Compile {
                path: path.clone(),
                function,
                message: e.to_string(),
            })?);
        }
        Ok(out)
    }
}
