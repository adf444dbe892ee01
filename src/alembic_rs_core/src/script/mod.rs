//! Alembic's `script` package: reading the version files of a script directory and the
//! revision graph they form.
//!
//! - [`parse`]: one version file's source -> [`ScriptHeader`] (ruff_python_parser, behind
//!   this one module so the parser can be swapped).
//! - [`scan`]: which files of the version locations are revisions, read and parsed in
//!   parallel, with a header cache keyed by (path, size, mtime).
//! - [`revision`]: `RevisionMap` with Alembic's semantics and error text.
//! - [`format`](mod@format): the lines `heads`, `history`, `show`, `branches` print.

pub mod directory;
pub mod format;
pub mod parse;
pub mod revision;
pub mod scan;

use serde::{Deserialize, Serialize};

/// A revision reference as written in a version file (`down_revision`), keeping its shape:
/// Alembic's `Script.down_revision` is `None`, a `str`, or a tuple, and the Python API
/// returns exactly that shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RevRef {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl RevRef {
    /// `util.to_tuple(x, default=())`.
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            RevRef::None => Vec::new(),
            RevRef::One(s) => vec![s.clone()],
            RevRef::Many(v) => v.clone(),
        }
    }
}

/// What a version file declares at module level, read from its source without importing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptHeader {
    /// `revision = "ae1027a6acf"`.
    pub revision: String,
    /// `down_revision = None | "x" | ("x", "y")`.
    pub down_revision: RevRef,
    /// `branch_labels`, normalised like `util.to_tuple(..., default=())`.
    pub branch_labels: Vec<String>,
    /// `depends_on`, normalised like `util.to_tuple(..., default=())`.
    pub depends_on: Vec<String>,
    /// The module docstring exactly as Python's `module.__doc__` would hold it
    /// (`None` when the module has none).
    pub doc: Option<String>,
}
