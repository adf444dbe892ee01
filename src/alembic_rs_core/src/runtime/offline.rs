//! `alembic upgrade/downgrade/stamp --sql`: the [`OfflineWriter`] executor, which writes what
//! Alembic's offline `MigrationContext` writes to its output buffer, and [`run_offline`], the
//! template `env.py`'s offline path over it.

use crate::ddl::Dialect;
use crate::script::revision::{RevArg, RevisionMap};

use super::command::MigrateCommand;
use super::executor::{Executor, Scope, Statement, VersionRows};
use super::log::LogRecord;
use super::migration::VersionTable;
use super::migrator::{Migrator, RunMode};
use super::options::ContextOptions;
use super::scripts::MigrationScripts;
use super::session::MigrationRun;
use super::{MigrateError, RuntimeError};
use crate::ddl::StatementStyle;

/// Writes statements as text (`DefaultImpl._exec` and `static_output` in `as_sql` mode).
#[derive(Debug)]
pub struct OfflineWriter {
    /// The starting revision(s) (`get_current_heads()` in `as_sql` mode), or the error of
    /// resolving them, raised when the run asks.
    starting_heads: Result<Vec<String>, RuntimeError>,
    terminator: &'static str,
    pub out: String,
    pub logs: Vec<LogRecord>,
}

impl OfflineWriter {
    pub fn new(starting_heads: Result<Vec<String>, RuntimeError>) -> Self {
        OfflineWriter {
            starting_heads,
            terminator: ";",
            out: String::new(),
            logs: Vec::new(),
        }
    }

    /// `DefaultImpl.static_output`.
    fn write(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    /// `DefaultImpl._exec` of a statement in `as_sql` mode.
    fn exec(&mut self, sql: &str) {
        let text = crate::ddl::offline_statement(sql);
        let term = self.terminator;
        self.write(&format!("{text}{term}"));
    }
}

impl Executor for OfflineWriter {
    type Error = RuntimeError;

    fn current_heads(&mut self) -> Result<VersionRows, Self::Error> {
        Ok(VersionRows {
            heads: self.starting_heads.clone()?,
            table_exists: None,
        })
    }

    fn ensure_version_table(
        &mut self,
        table: &VersionTable,
        _exists: Option<bool>,
        _purge: bool,
    ) -> Result<(), Self::Error> {
        self.exec(&table.create());
        Ok(())
    }

    fn begin(&mut self, _scope: Scope) -> Result<(), Self::Error> {
        self.exec("BEGIN");
        Ok(())
    }

    fn commit(&mut self, _scope: Scope) -> Result<(), Self::Error> {
        self.exec("COMMIT");
        Ok(())
    }

    fn execute(&mut self, statement: Statement<'_>) -> Result<(), Self::Error> {
        self.exec(statement.sql);
        Ok(())
    }

    fn log(&mut self, record: LogRecord) -> Result<(), Self::Error> {
        self.logs.push(record);
        Ok(())
    }

    fn static_output(&mut self, text: &str) -> Result<(), Self::Error> {
        self.write(text);
        Ok(())
    }

    fn sync(&mut self, _verify: Option<&[String]>) -> Result<(), Self::Error> {
        Ok(())
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

/// Run `command` in `--sql` mode against `map` for `dialect` (statements compiled with
/// `style`), as the template `env.py`'s offline path does.
pub fn run_offline(
    map: &RevisionMap,
    scripts: &mut dyn MigrationScripts,
    dialect: &'static Dialect,
    style: StatementStyle,
    command: &MigrateCommand,
    opts: &ContextOptions,
) -> OfflineOutput {
    let mut writer = OfflineWriter::new(Ok(Vec::new()));
    let error = (|| {
        let plan = command.plan(true)?;
        let mode = RunMode {
            as_sql: true,
            purge: plan.purge,
            ..RunMode::default()
        };
        let run = MigrationRun::new(dialect, opts, style);
        let mut migrator = Migrator::new(map, scripts, run, opts, mode);
        writer.logs.extend(migrator.context_logs());
        writer.starting_heads = starting_heads(map, plan.starting_rev.as_deref());
        migrator
            .run_in_transaction(&mut writer, Some(&plan.kind))
            .map_err(MigrateError::into_runtime)
    })()
    .err();
    OfflineOutput {
        stdout: writer.out,
        logs: writer.logs,
        error,
    }
}

/// `MigrationContext.get_current_heads()` in `as_sql` mode: the starting revision.
pub fn starting_heads(map: &RevisionMap, start: Option<&str>) -> Result<Vec<String>, RuntimeError> {
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
