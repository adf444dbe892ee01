//! The static evaluator: a version file's source -> the [`Op`]s its `upgrade()` and
//! `downgrade()` would produce, without importing it.
//!
//! A function body is evaluated statically only when it is a sequence of plain `op.*(...)`
//! calls (plus `pass`, docstrings and comments) whose arguments are literals, `sa.*` /
//! `sqlalchemy.*` constructors, `postgresql.*` types and `op.f(...)`, every name resolving
//! through the module's own imports or to a module-level assignment of data or an
//! `sa.table(...)` (`t = sa.table(...)` for `op.bulk_insert(t, [...])`). Anything else — a variable, a loop, `op.get_bind()`, a
//! call to a user function, an unknown keyword, type or import — gives
//! [`Evaluated::Dynamic`] with the reason, and the Python layer imports the module and runs
//! the function with `op` bound to its proxy. The rule throughout is conservatism: when the
//! evaluator is not sure Python would build exactly these ops, the answer is `Dynamic`.
//!
//! Every use of `ruff_python_parser` / `ruff_python_ast` for this lives in this module
//! (see [`parse_module`]), like `script/parse.rs` for headers.

mod env_py;
mod module;
mod ops;
mod values;

use crate::ops::Op;

pub use env_py::{TemplateEnv, template_env};
pub use module::parse_module;

/// What the evaluator says about one migration function.
#[derive(Clone, Debug, PartialEq)]
pub enum Evaluated {
    /// The function's ops, in call order.
    Static(Vec<Op>),
    /// Only running the function gives its ops; the reason is for diagnostics.
    Dynamic(String),
}

impl Evaluated {
    /// The ops, when static.
    pub fn ops(&self) -> Option<&[Op]> {
        match self {
            Evaluated::Static(ops) => Some(ops),
            Evaluated::Dynamic(_) => None,
        }
    }

    /// The reason, when dynamic.
    pub fn dynamic_reason(&self) -> Option<&str> {
        match self {
            Evaluated::Static(_) => None,
            Evaluated::Dynamic(reason) => Some(reason),
        }
    }
}

/// Both migration functions of one version file.
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluatedModule {
    pub upgrade: Evaluated,
    pub downgrade: Evaluated,
    /// Where each op of a static `upgrade()` is called (parallel to its ops; empty when
    /// dynamic), so that a failing statement's traceback shows the op's line.
    pub upgrade_positions: Vec<OpPosition>,
    /// The same for `downgrade()`.
    pub downgrade_positions: Vec<OpPosition>,
}

/// The source range of an op's call expression, as CPython's `co_positions()` gives it
/// for the call: 1-based lines, 0-based UTF-8 byte columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpPosition {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// Why a version file could not be evaluated at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    /// The source does not parse (1-based line and character column, like Python's
    /// `SyntaxError`).
    #[error("{line}:{column}: SyntaxError: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
}

/// Evaluates `upgrade()` and `downgrade()` of a version file's (decoded) source.
pub fn evaluate_source(source: &str) -> Result<EvaluatedModule, EvalError> {
    let parsed = parse_module(source)?;
    // the offsets are the parsed (newline-normalised) text's, as parse_module reads it
    let normalized: std::borrow::Cow<'_, str> = if source.contains('\r') {
        source.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        source.into()
    };
    Ok(module::evaluate(&parsed.syntax().body, &normalized))
}

impl EvaluatedModule {
    /// Both functions dynamic, for the same reason.
    fn dynamic(reason: String) -> Self {
        EvaluatedModule {
            upgrade: Evaluated::Dynamic(reason.clone()),
            downgrade: Evaluated::Dynamic(reason),
            upgrade_positions: Vec::new(),
            downgrade_positions: Vec::new(),
        }
    }

    /// Where the ops of the function run in that direction are called (empty when dynamic).
    pub fn positions(&self, is_upgrade: bool) -> &[OpPosition] {
        if is_upgrade {
            &self.upgrade_positions
        } else {
            &self.downgrade_positions
        }
    }

    /// The function run in that direction.
    pub fn function(&self, is_upgrade: bool) -> &Evaluated {
        if is_upgrade {
            &self.upgrade
        } else {
            &self.downgrade
        }
    }
}

/// Evaluates a version file on disk. A file that cannot be read or decoded natively, or
/// does not parse, is dynamic: importing it gives Python's own error.
pub fn evaluate_file(path: &std::path::Path) -> EvaluatedModule {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return EvaluatedModule::dynamic(format!("cannot read {}: {e}", path.display())),
    };
    let source = match crate::script::parse::decode_source(&bytes) {
        Ok(s) => s,
        Err(reason) => return EvaluatedModule::dynamic(reason),
    };
    match evaluate_source(&source) {
        Ok(m) => m,
        Err(e) => EvaluatedModule::dynamic(e.to_string()),
    }
}

/// [`evaluate_file`] for many files, in parallel, results in input order.
pub fn evaluate_files(paths: &[std::path::PathBuf]) -> Vec<EvaluatedModule> {
    use rayon::prelude::*;
    paths.par_iter().map(|p| evaluate_file(p)).collect()
}
