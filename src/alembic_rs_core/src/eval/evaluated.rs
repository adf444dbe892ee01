//! What the evaluator answers: a function's ops or the reason it is dynamic, with where
//! each op is called. Depends on nothing else in `eval`.

use crate::ops::Op;

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

impl EvaluatedModule {
    /// Both functions dynamic, for the same reason.
    pub(crate) fn dynamic(reason: String) -> Self {
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
