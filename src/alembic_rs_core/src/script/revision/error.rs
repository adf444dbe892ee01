//! Alembic's revision exception family (`alembic.script.revision.RevisionError` and
//! subclasses) and `ScriptDirectory._catch_revision_errors`, which turns them into the
//! `CommandError` text the commands print.

use super::RevArg;
use super::pystr::{percent_format, py_repr};

/// One variant per exception Alembic's revision code raises. `Display` is the exception's
/// `str()`, byte for byte; the fields carry the exception's attributes so the Python layer can
/// rebuild the real exception object.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RevisionMapError {
    /// `RevisionError(message)`.
    #[error("{0}")]
    RevisionError(String),
    /// `RangeNotAncestorError(lower, upper)`.
    #[error(
        "Revision {} is not an ancestor of revision {}",
        lower.or_base(),
        upper.or_base()
    )]
    RangeNotAncestorError { lower: RevArg, upper: RevArg },
    /// `MultipleHeads(heads, argument)`.
    #[error(
        "Multiple heads are present for given argument '{}'; {}",
        argument.py_str(),
        heads.join(", ")
    )]
    MultipleHeads {
        heads: Vec<String>,
        argument: RevArg,
    },
    /// `ResolutionError(message, argument)`.
    #[error("{message}")]
    ResolutionError { message: String, argument: String },
    /// `CycleDetected(revisions)`.
    #[error("Cycle is detected in revisions ({})", revisions.join(", "))]
    CycleDetected { revisions: Vec<String> },
    /// `DependencyCycleDetected(revisions)`.
    #[error("Dependency cycle is detected in revisions ({})", revisions.join(", "))]
    DependencyCycleDetected { revisions: Vec<String> },
    /// `LoopDetected(revision)`: a revision naming itself as its down_revision.
    #[error("Self-loop is detected in revisions ({revision})")]
    LoopDetected { revision: String },
    /// `DependencyLoopDetected(revision)`: a revision naming itself in depends_on.
    #[error("Dependency self-loop is detected in revisions ({revision})")]
    DependencyLoopDetected { revision: String },
    /// A `KeyError` Alembic lets escape, e.g. a `down_revision` or `depends_on` naming a
    /// revision that does not exist (after the "is not present" warning). `str()` of a
    /// `KeyError` is the `repr` of its key.
    #[error("{}", py_repr(key))]
    KeyError { key: String },
    /// Any other Python built-in exception Alembic's code raises on odd input
    /// (`AssertionError` from its `assert`s, `TypeError`, `AttributeError`, plain `Exception`),
    /// kept so the Python layer raises the same class.
    #[error("{message}")]
    PythonException {
        class: &'static str,
        message: String,
    },
}

impl RevisionMapError {
    /// The name of the Python exception class this stands for.
    pub fn python_class(&self) -> &'static str {
        match self {
            Self::RevisionError(_) => "RevisionError",
            Self::RangeNotAncestorError { .. } => "RangeNotAncestorError",
            Self::MultipleHeads { .. } => "MultipleHeads",
            Self::ResolutionError { .. } => "ResolutionError",
            Self::CycleDetected { .. } => "CycleDetected",
            Self::DependencyCycleDetected { .. } => "DependencyCycleDetected",
            Self::LoopDetected { .. } => "LoopDetected",
            Self::DependencyLoopDetected { .. } => "DependencyLoopDetected",
            Self::KeyError { .. } => "KeyError",
            Self::PythonException { class, .. } => class,
        }
    }

    /// Whether Python's `except RevisionError` catches this.
    pub fn is_revision_error(&self) -> bool {
        !matches!(self, Self::KeyError { .. } | Self::PythonException { .. })
    }

    pub(crate) fn msg(message: impl Into<String>) -> Self {
        Self::RevisionError(message.into())
    }

    /// A bare `assert` failing in Alembic's code.
    pub(crate) fn assertion() -> Self {
        Self::PythonException {
            class: "AssertionError",
            message: String::new(),
        }
    }

    pub(crate) fn resolution(message: String, argument: &str) -> Self {
        Self::ResolutionError {
            message,
            argument: argument.to_string(),
        }
    }

    /// `_resolve_revision_number`'s error for identifiers that are not strings (e.g. bytes
    /// from a misconfigured driver); `repr` is the Python `repr()` of the offending value.
    /// Only the Python layer can see such values, hence this constructor.
    pub fn not_a_string(repr: &str) -> Self {
        Self::msg(format!(
            "revision identifier {repr} is not a string; ensure database driver settings are correct"
        ))
    }
}

pub(crate) type Result<T, E = RevisionMapError> = std::result::Result<T, E>;

/// What a `ScriptDirectory` method raises: `util.CommandError(message)` for everything in the
/// `RevisionError` family, anything else unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScriptError {
    #[error("{0}")]
    Command(String),
    #[error(transparent)]
    Uncaught(RevisionMapError),
}

/// The parameters of `ScriptDirectory._catch_revision_errors`: message templates using
/// `%(start)s`, `%(end)s`, `%(head_arg)s`, `%(heads)s`, and the range endpoints.
#[derive(Clone, Debug, Default)]
pub struct CatchContext {
    pub ancestor: Option<String>,
    pub multiple_heads: Option<String>,
    pub start: Option<RevArg>,
    pub end: Option<RevArg>,
    pub resolution: Option<String>,
}

const DEFAULT_ANCESTOR: &str = "Requested range %(start)s:%(end)s does not refer to \
ancestor/descendant revisions along the same branch";
const DEFAULT_MULTIPLE_HEADS: &str = "Multiple head revisions are present for given \
argument '%(head_arg)s'; please specify a specific target revision, \
'<branchname>@%(head_arg)s' to narrow to a specific head, or 'heads' for all heads";

/// `ScriptDirectory._catch_revision_errors(**ctx)` applied to one raised error.
pub fn catch_revision_errors(err: RevisionMapError, ctx: &CatchContext) -> ScriptError {
    let message = match &err {
        RevisionMapError::RangeNotAncestorError { lower, upper } => {
            let start = ctx.start.as_ref().unwrap_or(lower).py_str();
            let end = ctx.end.as_ref().unwrap_or(upper).py_str();
            let template = match ctx.ancestor.as_deref() {
                Some(t) if !t.is_empty() => t,
                _ => DEFAULT_ANCESTOR,
            };
            percent_format(template, &[("start", &start), ("end", &end)])
        }
        RevisionMapError::MultipleHeads { heads, argument } => {
            let head_arg = match &ctx.end {
                Some(end) if end.is_truthy() => end.py_str(),
                _ => argument.py_str(),
            };
            let template = match ctx.multiple_heads.as_deref() {
                Some(t) if !t.is_empty() => t,
                _ => DEFAULT_MULTIPLE_HEADS,
            };
            percent_format(
                template,
                &[("head_arg", &head_arg), ("heads", &heads.join(", "))],
            )
        }
        RevisionMapError::ResolutionError { argument, .. } => match &ctx.resolution {
            Some(r) => r.clone(),
            None => format!("Can't locate revision identified by '{argument}'"),
        },
        e if e.is_revision_error() => e.to_string(),
        _ => return ScriptError::Uncaught(err),
    };
    ScriptError::Command(message)
}

/// Shorthand for running `f` under `_catch_revision_errors(**ctx)`.
pub(crate) fn catching<T>(
    ctx: &CatchContext,
    f: impl FnOnce() -> Result<T>,
) -> Result<T, ScriptError> {
    f().map_err(|e| catch_revision_errors(e, ctx))
}
