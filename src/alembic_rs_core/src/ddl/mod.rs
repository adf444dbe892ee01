//! The pure DDL compiler: [`Op`](crate::ops::Op) + dialect -> SQL statements.
//!
//! Like Alembic's `ddl/impl.py` + `ddl/postgresql.py` (and the SQLAlchemy compilers they
//! drive), [`DdlImpl`] holds the behaviour of a generic dialect as default methods and
//! [`PostgresqlImpl`] overrides only what PostgreSQL does differently.
//!
//! # Statements
//!
//! [`DdlImpl::compile`] returns each statement exactly as SQLAlchemy's compiler produces it —
//! the text Alembic sends to the database online, *without* a terminator. Some statements
//! carry SQLAlchemy's surrounding whitespace (`"\nCREATE TABLE t (\n\tid INTEGER\n)\n\n"`,
//! `"\nDROP INDEX ix"`). Alembic's offline (`--sql`) writer prints
//! [`offline_statement`]`(stmt)` followed by its terminator (`;` by default) and a blank
//! line; that belongs to the offline writer, not to the compiler.
//!
//! # State
//!
//! One piece of state spans ops: PostgreSQL ENUM types are created by `create_table` only
//! the first time a migration context meets them. A [`DdlSession`] carries that memo; use one
//! per migration context (one offline run, one online connection).
//!
//! # Errors
//!
//! [`DdlError::Invalid`] is what Alembic / SQLAlchemy would raise for the same op (with
//! their message where it is plain text); [`DdlError::Unsupported`] names an option, type or
//! value the native compiler does not model — never silently less SQL.

mod default_impl;
mod dialect;
mod literal;
mod naming;
pub mod postgresql;
mod quote;
mod sql_text;
mod table;

use std::collections::HashSet;

pub use default_impl::{ColumnFacts, DdlImpl, TableName};
pub use dialect::{DIALECTS, Dialect, UnknownDialect, dialect, dialect_of_url, require_dialect};
pub use naming::NamingConvention;
pub use postgresql::PostgresqlImpl;
pub use quote::IdentifierPreparer;
pub use sql_text::Paramstyle;

/// A compile failure, naming the op (Alembic's method name) it came from.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DdlError {
    /// The op asks for something the native compiler does not model.
    #[error("{op}: {what} is not supported by the native {dialect} DDL compiler")]
    Unsupported {
        op: &'static str,
        dialect: &'static str,
        what: String,
    },
    /// Alembic / SQLAlchemy reject the op as well; `class` is the exception SQLAlchemy
    /// raises (`"CompileError"`, `"IdentifierError"`, ...), or `"CommandError"`: Alembic's.
    #[error("{op}: {message}")]
    Invalid {
        op: &'static str,
        class: &'static str,
        message: String,
    },
}

impl DdlError {
    pub(crate) fn unsupported(what: impl Into<String>) -> Self {
        DdlError::Unsupported {
            op: "",
            dialect: "",
            what: what.into(),
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::invalid_as("CompileError", message)
    }

    /// Rejected with SQLAlchemy's exception `class` (in `sqlalchemy.exc`).
    pub(crate) fn invalid_as(class: &'static str, message: impl Into<String>) -> Self {
        DdlError::Invalid {
            op: "",
            class,
            message: message.into(),
        }
    }

    /// Attach the op and dialect (compile() does this at the boundary).
    pub(crate) fn in_context(self, op_name: &'static str, dialect_name: &'static str) -> Self {
        match self {
            DdlError::Unsupported { op, dialect, what } => DdlError::Unsupported {
                op: if op.is_empty() { op_name } else { op },
                dialect: if dialect.is_empty() {
                    dialect_name
                } else {
                    dialect
                },
                what,
            },
            DdlError::Invalid { op, class, message } => DdlError::Invalid {
                op: if op.is_empty() { op_name } else { op },
                class,
                message,
            },
        }
    }

    /// The message without the op prefix (for comparing with SQLAlchemy's text).
    pub fn message(&self) -> String {
        match self {
            DdlError::Unsupported { what, dialect, .. } => {
                format!("{what} is not supported by the native {dialect} DDL compiler")
            }
            DdlError::Invalid { message, .. } => message.clone(),
        }
    }
}

/// How statements are compiled for the connection (or, offline, the dialect Alembic builds
/// from the URL and `dialect_opts`): the DBAPI paramstyle and the context's `literal_binds`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatementStyle {
    pub paramstyle: Paramstyle,
    pub literal_binds: bool,
}

impl StatementStyle {
    /// How `:name` binds of `execute()` text render.
    pub(crate) fn text_binds(&self, text: &str) -> Result<sql_text::Binds, DdlError> {
        use sql_text::Binds;
        if self.literal_binds {
            return Ok(Binds::Null);
        }
        Ok(match self.paramstyle {
            Paramstyle::Named => Binds::Named,
            Paramstyle::Pyformat => Binds::Pyformat,
            Paramstyle::Format => Binds::Format,
            other => {
                if has_bind_parameters(text) {
                    return Err(DdlError::unsupported(format!(
                        "a bind parameter in execute() text with the {:?} paramstyle",
                        other.name()
                    )));
                }
                Binds::Named
            }
        })
    }
}

/// Whether SQL text (`sa.text` semantics) has `:name` bind parameters.
pub fn has_bind_parameters(text: &str) -> bool {
    use sql_text::{Binds, render_text};
    render_text(text, false, Binds::Named) != render_text(text, false, Binds::Null)
}

/// State shared by the ops of one migration context (Alembic's `impl.memo`).
#[derive(Clone, Debug, Default)]
pub struct DdlSession {
    created_types: HashSet<(Option<String>, String)>,
}

impl DdlSession {
    pub fn new() -> Self {
        Self::default()
    }

    /// The types created so far in this context, as `(schema, name)`.
    pub fn created_types(&self) -> Vec<(Option<String>, String)> {
        let mut out: Vec<_> = self.created_types.iter().cloned().collect();
        out.sort();
        out
    }

    /// Record a type created in this context by other means (SQLAlchemy, when an op is
    /// compiled there); `false` if it already was.
    pub fn note_created_type(&mut self, schema: Option<&str>, name: &str) -> bool {
        self.first_creation_of_type(schema, name)
    }

    /// Record that the named type is created in this context; `false` if it already was.
    pub(crate) fn first_creation_of_type(&mut self, schema: Option<&str>, name: &str) -> bool {
        self.created_types
            .insert((schema.map(str::to_owned), name.to_owned()))
    }
}

/// How Alembic's offline writer prints a compiled statement before its terminator:
/// `str(compiled).replace("\t", "    ").strip()`.
pub fn offline_statement(statement: &str) -> String {
    statement
        .replace('\t', "    ")
        .trim_matches(sql_text::is_python_whitespace)
        .to_owned()
}
