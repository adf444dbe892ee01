//! [`PgExecutor`]: the native executor of a [`Migrator`](alembic_rs_core::runtime::Migrator)
//! run on a tokio-postgres connection.
//!
//! Round trips: `BEGIN`, the advisory lock and SQLAlchemy's `has_table` query go in one, the
//! version rows in a second, then every statement of every migration is buffered and sent in
//! one with the version-table check at the end, then `COMMIT`. Nothing is committed before
//! the check passes; on any failure the transaction is rolled back when the connection
//! closes. Dynamic migrations (only Python can run them) are refused by the walker's default
//! before anything of theirs is sent.
//!
//! `ALEMBIC_RS_TRACE_STATEMENTS=<file>` appends every statement the executor sends (the
//! version table's and the migrations', not `BEGIN`, the lock or its own reads), each
//! followed by a NUL byte: tests/test_one_migrator.py compares them with what the Python and
//! offline executors are given.

use alembic_rs_core::runtime::{Executor, LogRecord, Scope, Statement, VersionRows, VersionTable};

use crate::{PgConnection, PgError};

/// Why a native run stopped.
#[derive(Debug, thiserror::Error)]
pub enum PgExecError {
    #[error(transparent)]
    Postgres(#[from] PgError),
    /// The version table does not hold what the run's writes should have left.
    #[error("the version table holds {found:?} after the run, expected {expected:?}")]
    VersionMismatch {
        found: Vec<String>,
        expected: Vec<String>,
    },
    /// A scope the native executor does not frame (it runs the template env.py's one
    /// transaction).
    #[error("a transaction per migration is not run natively")]
    PerMigrationTransaction,
    /// The caller's last check before the commit refused it.
    #[error("{0}")]
    Refused(String),
    /// `ALEMBIC_RS_TRACE_STATEMENTS` names a file that cannot be written.
    #[error("tracing statements: {0}")]
    Trace(std::io::Error),
}

/// The caller's last word before the commit: `Err(why)` rolls the run back.
pub type BeforeCommit<'c> = Box<dyn FnMut() -> Result<(), String> + 'c>;

/// Executes a run on one connection, in one transaction.
pub struct PgExecutor<'c> {
    conn: &'c mut PgConnection,
    /// The version table (unquoted name as SQLAlchemy's `has_table` takes it).
    version_table: String,
    /// `SELECT pg_advisory_xact_lock(...)` when the run locks.
    lock_key: Option<i64>,
    /// Sent before the next query (`BEGIN; <lock>; `).
    prelude: String,
    buffer: Vec<String>,
    /// The records of the run, for the caller to print once it succeeded.
    pub logs: Vec<LogRecord>,
    before_commit: Option<BeforeCommit<'c>>,
    /// `ALEMBIC_RS_TRACE_STATEMENTS`: where sent statements are appended.
    trace: Option<std::path::PathBuf>,
}

impl<'c> PgExecutor<'c> {
    /// `lock_key`: take this advisory lock for the length of the transaction.
    pub fn new(conn: &'c mut PgConnection, version_table: &str, lock_key: Option<i64>) -> Self {
        PgExecutor {
            conn,
            version_table: version_table.to_string(),
            lock_key,
            prelude: String::new(),
            buffer: Vec::new(),
            logs: Vec::new(),
            before_commit: None,
            trace: std::env::var_os("ALEMBIC_RS_TRACE_STATEMENTS").map(Into::into),
        }
    }

    /// Ask `check` before committing (e.g. whether what the plan warned can be shown).
    pub fn before_commit(mut self, check: BeforeCommit<'c>) -> Self {
        self.before_commit = Some(check);
        self
    }

    /// `get_current_heads()` outside a run.
    pub fn read_versions(&mut self) -> Result<Vec<String>, PgExecError> {
        Ok(self.current_heads()?.heads)
    }

    /// The version rows (one round trip).
    fn select_versions(&mut self, prelude: &str) -> Result<Vec<String>, PgExecError> {
        let t = &self.version_table;
        let rows = self
            .conn
            .query_column(&format!("{prelude}SELECT {t}.version_num FROM {t}"))?;
        Ok(rows.into_iter().flatten().collect())
    }
}

/// Append `statements` to the trace file, each followed by a NUL byte.
fn trace(path: &std::path::Path, statements: &[String]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    for sql in statements {
        file.write_all(sql.as_bytes())?;
        file.write_all(b"\0")?;
    }
    Ok(())
}

impl Executor for PgExecutor<'_> {
    type Error = PgExecError;

    fn current_heads(&mut self) -> Result<VersionRows, Self::Error> {
        let prelude = std::mem::take(&mut self.prelude);
        // SQLAlchemy's has_table for PostgreSQL: a visible table or view of that name
        let exists = !self
            .conn
            .query_column(&format!(
                "{prelude}SELECT c.relname FROM pg_catalog.pg_class c \
                 WHERE c.relname = '{}' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') \
                 AND pg_catalog.pg_table_is_visible(c.oid)",
                self.version_table
            ))?
            .is_empty();
        let heads = if exists {
            self.select_versions("")?
        } else {
            Vec::new()
        };
        Ok(VersionRows {
            heads,
            table_exists: Some(exists),
        })
    }

    fn ensure_version_table(
        &mut self,
        table: &VersionTable,
        exists: Option<bool>,
        purge: bool,
    ) -> Result<(), Self::Error> {
        if exists != Some(true) {
            self.buffer.push(table.create());
        }
        if purge {
            self.buffer.push(table.delete_all());
        }
        Ok(())
    }

    fn lock(&mut self) -> Result<(), Self::Error> {
        if let Some(key) = self.lock_key {
            self.prelude
                .push_str(&format!("SELECT pg_advisory_xact_lock({key}); "));
        }
        Ok(())
    }

    fn begin(&mut self, scope: Scope) -> Result<(), Self::Error> {
        match scope {
            Scope::Run => {
                self.prelude.insert_str(0, "BEGIN; ");
                Ok(())
            }
            Scope::Migration => Err(PgExecError::PerMigrationTransaction),
        }
    }

    fn commit(&mut self, _scope: Scope) -> Result<(), Self::Error> {
        if let Some(check) = self.before_commit.as_mut() {
            check().map_err(PgExecError::Refused)?;
        }
        self.conn.batch("COMMIT")?;
        Ok(())
    }

    fn execute(&mut self, statement: Statement<'_>) -> Result<(), Self::Error> {
        self.buffer.push(statement.sql.to_string());
        Ok(())
    }

    fn log(&mut self, record: LogRecord) -> Result<(), Self::Error> {
        self.logs.push(record);
        Ok(())
    }

    fn sync(&mut self, verify: Option<&[String]>) -> Result<(), Self::Error> {
        let mut batch = std::mem::take(&mut self.prelude);
        if let Some(path) = &self.trace {
            trace(path, &self.buffer).map_err(PgExecError::Trace)?;
        }
        for sql in self.buffer.drain(..) {
            batch.push_str(&sql);
            // a statement whose last line ends in a `-- comment` would comment out the
            // terminator (and run into the next statement)
            if sql
                .rsplit('\n')
                .next()
                .is_some_and(|last| last.contains("--"))
            {
                batch.push('\n');
            }
            batch.push_str(";\n");
        }
        match verify {
            Some(expected) => {
                let mut found = self.select_versions(&batch)?;
                found.sort();
                if found != expected {
                    return Err(PgExecError::VersionMismatch {
                        found,
                        expected: expected.to_vec(),
                    });
                }
            }
            None if !batch.is_empty() => self.conn.batch(&batch)?,
            None => {}
        }
        Ok(())
    }
}
