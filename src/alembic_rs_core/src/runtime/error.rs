//! The errors of the offline runtime, with Alembic's messages.

use crate::script::revision::ScriptError;

/// Everything `alembic upgrade/downgrade/stamp --sql` can fail with. `Display` is the text
/// Alembic prints after `FAILED: ` (or the `str()` of the Python exception it lets escape).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RuntimeError {
    /// `CommandError` from `command.downgrade` in `--sql` mode without a range.
    #[error("downgrade with --sql requires <fromrev>:<torev>")]
    DowngradeRequiresRange,
    /// `CommandError` from `command.stamp` when ranges name different starting revisions.
    #[error("Stamp operation with --sql only supports a single starting revision at a time")]
    StampMultipleStartingRevisions,
    /// `CommandError` from `command.upgrade` / `downgrade` online given `a:b`.
    #[error("Range revision not allowed")]
    RangeNotAllowed,
    /// `CommandError` from `MigrationContext.run_migrations`.
    #[error("Can't use --purge with --sql mode")]
    PurgeWithSql,
    /// `ValueError` of `starting_rev, revision = revision.split(":", 2)` given two colons.
    #[error("too many values to unpack (expected 2)")]
    TooManyValues,
    /// `AttributeError`: a `--sql` starting revision that resolves to nothing
    /// (`self.script.get_revision(sfr).revision`).
    #[error("'NoneType' object has no attribute 'revision'")]
    NoStartingRevision,
    /// `AssertionError` of `RevisionStep.update_version_num`.
    #[error("Can't do an UPDATE because downrevision is ambiguous")]
    AmbiguousUpdate,
    /// A bare `assert` of `HeadMaintainer` / `StampStep` failing (`AssertionError` with an
    /// empty message); the field says which one, for diagnostics only.
    #[error("")]
    Assertion(&'static str),
    /// A migration function only Python can run (the native runtime reads scripts
    /// statically; see `eval`).
    #[error(
        "{path}: {function}() is not plain op.* calls ({reason}); run it with Python's alembic"
    )]
    NotStatic {
        path: String,
        function: &'static str,
        reason: String,
    },
    /// The native compiler refused an op of a migration.
    #[error("{path}: {function}(): {message}")]
    Compile {
        path: String,
        function: &'static str,
        message: String,
    },
    /// A `CommandError` (or uncaught revision error) from the `ScriptDirectory` methods.
    #[error(transparent)]
    Script(#[from] ScriptError),
}

impl RuntimeError {
    /// The Python exception class Alembic raises for this error.
    pub fn python_class(&self) -> &'static str {
        match self {
            RuntimeError::TooManyValues => "ValueError",
            RuntimeError::NoStartingRevision => "AttributeError",
            RuntimeError::AmbiguousUpdate | RuntimeError::Assertion(_) => "AssertionError",
            RuntimeError::NotStatic { .. } | RuntimeError::Compile { .. } => "NotImplementedError",
            RuntimeError::Script(ScriptError::Uncaught(e)) => e.python_class(),
            _ => "CommandError",
        }
    }
}

/// A run's failure: the runtime's own, or the executor's (a database error, a Python
/// exception raised by a migration).
#[derive(Debug)]
pub enum MigrateError<E> {
    Runtime(RuntimeError),
    Executor(E),
}

impl<E> From<RuntimeError> for MigrateError<E> {
    fn from(e: RuntimeError) -> Self {
        MigrateError::Runtime(e)
    }
}

impl<E> From<ScriptError> for MigrateError<E> {
    fn from(e: ScriptError) -> Self {
        MigrateError::Runtime(RuntimeError::Script(e))
    }
}

impl MigrateError<RuntimeError> {
    /// For executors whose own errors are runtime errors (the offline writer).
    pub fn into_runtime(self) -> RuntimeError {
        match self {
            MigrateError::Runtime(e) | MigrateError::Executor(e) => e,
        }
    }
}
