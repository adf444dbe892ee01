//! The native PostgreSQL connection and executor: tokio-postgres over rustls, used where a
//! run needs no Python at all (the `alembic` console script's fast path and the `alembic-rs`
//! binary). [`PgExecutor`] carries out a core `Migrator` run on a [`PgConnection`].
//!
//! [`PgConnection`] is deliberately small and blocking (a current-thread tokio runtime
//! inside): connect, send a multi-statement string in one round trip
//! ([`PgConnection::batch`]), read text rows ([`PgConnection::query_column`]). What to send is the core
//! runtime's to decide.
#![forbid(unsafe_code)]

mod executor;
mod tls;
mod url;

use tokio::runtime::Runtime;
use tokio_postgres::SimpleQueryMessage;

pub use executor::{BeforeCommit, PgExecError, PgExecutor};
pub use url::{ConnectTarget, TlsMode, UrlError};

#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{}", describe(.0))]
    Postgres(#[from] tokio_postgres::Error),
}

/// The server's message for a database error (tokio-postgres's `Display` says "db error").
fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => e.to_string(),
    }
}

/// One open connection.
pub struct PgConnection {
    runtime: Runtime,
    client: tokio_postgres::Client,
    /// Round trips made so far (one per `batch` / `query_column`).
    pub round_trips: usize,
}

impl PgConnection {
    pub fn connect(target: &ConnectTarget) -> Result<Self, PgError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()?;
        let mut config = tokio_postgres::Config::new();
        config
            .host(&target.host)
            .port(target.port)
            .user(&target.user)
            .ssl_mode(match target.tls {
                TlsMode::Disable => tokio_postgres::config::SslMode::Disable,
                TlsMode::Prefer => tokio_postgres::config::SslMode::Prefer,
                TlsMode::Require => tokio_postgres::config::SslMode::Require,
            });
        if let Some(p) = &target.password {
            config.password(p);
        }
        // libpq: the database defaults to the user name
        config.dbname(target.dbname.as_deref().unwrap_or(&target.user));
        if let Some(a) = &target.application_name {
            config.application_name(a);
        }
        if let Some(o) = &target.options {
            config.options(o);
        }
        if let Some(t) = target.connect_timeout {
            config.connect_timeout(t);
        }
        let client = runtime.block_on(async {
            // the connection task runs whenever the runtime is driven (every call blocks on it)
            if target.tls == TlsMode::Disable {
                let (client, connection) = config.connect(tokio_postgres::NoTls).await?;
                tokio::spawn(connection);
                Ok::<_, PgError>(client)
            } else {
                let (client, connection) = config.connect(tls::no_verify_connector()).await?;
                tokio::spawn(connection);
                Ok(client)
            }
        })?;
        Ok(PgConnection {
            runtime,
            client,
            round_trips: 0,
        })
    }

    /// Runs `sql` (one or more statements) with the simple query protocol: one round trip.
    pub fn batch(&mut self, sql: &str) -> Result<(), PgError> {
        self.round_trips += 1;
        self.runtime.block_on(self.client.batch_execute(sql))?;
        Ok(())
    }

    /// Runs `sql` (one or more statements) with the simple query protocol and returns the
    /// first column of the rows of its *last* statement (`NULL` as `None`): one round trip.
    pub fn query_column(&mut self, sql: &str) -> Result<Vec<Option<String>>, PgError> {
        self.round_trips += 1;
        let messages = self.runtime.block_on(self.client.simple_query(sql))?;
        let mut last = Vec::new();
        let mut current = Vec::new();
        for m in &messages {
            match m {
                SimpleQueryMessage::Row(row) => current.push(row.get(0).map(str::to_owned)),
                SimpleQueryMessage::CommandComplete(_) => last = std::mem::take(&mut current),
                _ => {}
            }
        }
        Ok(last)
    }
}
