//! The pure core of alembic-rs: configuration, version-file parsing, the revision graph and
//! the text Alembic prints about it. No pyo3 and no tokio here (see `tests/dependency_tree.rs`):
//! both the Python extension and the native CLI are thin shells over this crate.
#![forbid(unsafe_code)]

pub mod config;
pub mod ddl;
pub mod eval;
pub mod ops;
pub(crate) mod pystr;
pub mod runtime;
pub mod script;
