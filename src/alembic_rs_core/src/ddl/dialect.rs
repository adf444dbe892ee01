//! The dialect as a value: which native compiler compiles for a SQLAlchemy dialect name,
//! and what Alembic's impl of that dialect declares (its class name, transactional DDL).
//!
//! A new dialect is one module under `ddl/` implementing [`DdlImpl`] plus one entry in
//! [`DIALECTS`]; the runtime ([`crate::runtime::Migrator`]) takes the [`Dialect`] it is given
//! and never names a dialect itself.

use super::{DdlImpl, NamingConvention, PostgresqlImpl, StatementStyle};

/// One dialect alembic-rs compiles for natively.
#[derive(Debug)]
pub struct Dialect {
    /// SQLAlchemy's `dialect.name` (`"postgresql"`).
    pub name: &'static str,
    /// The class name of Alembic's impl (`"PostgresqlImpl"`), as `Context impl ...` prints it.
    pub impl_name: &'static str,
    /// Alembic's `DefaultImpl.transactional_ddl` for the dialect.
    pub transactional_ddl: bool,
    /// The DBAPI drivers SQLAlchemy names in URLs (`postgresql+<driver>://`) for it, each
    /// with its default paramstyle (known without importing the driver); `""` is the
    /// driver of a bare `postgresql://` URL.
    pub drivers: &'static [(&'static str, &'static str)],
    /// The compiler for a connection with this statement style, naming constraints by
    /// this convention.
    compiler: fn(StatementStyle, NamingConvention) -> Box<dyn DdlImpl + Send + Sync>,
}

impl Dialect {
    /// The native compiler for this dialect.
    pub fn compiler(
        &self,
        style: StatementStyle,
        naming: NamingConvention,
    ) -> Box<dyn DdlImpl + Send + Sync> {
        (self.compiler)(style, naming)
    }
}

/// Every dialect with a native compiler.
pub static DIALECTS: &[Dialect] = &[Dialect {
    name: "postgresql",
    impl_name: "PostgresqlImpl",
    transactional_ddl: true,
    drivers: &[
        // SQLAlchemy 2.x: psycopg (3)
        ("", "pyformat"),
        ("psycopg", "pyformat"),
        ("psycopg2", "pyformat"),
        ("psycopg2cffi", "pyformat"),
        ("psycopg_async", "pyformat"),
        ("pg8000", "format"),
        ("asyncpg", "numeric_dollar"),
    ],
    compiler: |style, naming| {
        let mut compiler = PostgresqlImpl::with_style(style);
        compiler.set_naming_convention(naming);
        Box::new(compiler)
    },
}];

/// The dialect named `name` (SQLAlchemy's `dialect.name`); `None` when alembic-rs has no
/// native compiler for it.
pub fn dialect(name: &str) -> Option<&'static Dialect> {
    DIALECTS.iter().find(|d| d.name == name)
}

/// The dialect a SQLAlchemy URL names (`postgresql+psycopg://...` -> PostgreSQL), from its
/// scheme alone.
pub fn dialect_of_url(url: &str) -> Option<&'static Dialect> {
    let scheme = url.split_once("://")?.0;
    dialect(
        scheme
            .split_once('+')
            .map_or(scheme, |(backend, _)| backend),
    )
}

/// The error for a dialect alembic-rs has no native compiler for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "alembic-rs has no DDL implementation for the '{name}' dialect yet (it compiles DDL for: {})",
    DIALECTS.iter().map(|d| d.name).collect::<Vec<_>>().join(", ")
)]
pub struct UnknownDialect {
    pub name: String,
}

/// [`dialect`], or the error naming it.
pub fn require_dialect(name: &str) -> Result<&'static Dialect, UnknownDialect> {
    dialect(name).ok_or_else(|| UnknownDialect {
        name: name.to_string(),
    })
}
