//! The static evaluator: a version file's source -> the [`Op`](crate::ops::Op)s its `upgrade()` and
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
//!
//! Layering (each module uses only those below it):
//! `mod.rs` (files, sources) -> `module.rs` (imports, module-level assignments, function
//! bodies) -> `ops.rs` (`op.<name>(...)` -> `Op`) -> `expr/` (expressions -> values;
//! `args`, `types`, `schema` recurse through `Scope::value`) -> `scope.rs` (the names
//! imports may bind, `Scope`) -> `value.rs` (`Val`, `Verdict`). Beside them: `evaluated.rs`
//! (the answer types, a leaf) and `env_py.rs` (the env.py template check, on `module.rs`).

mod env_py;
mod evaluated;
mod expr;
mod module;
mod ops;
mod scope;
mod value;

pub use env_py::{TemplateEnv, template_env};
pub use evaluated::{EvalError, Evaluated, EvaluatedModule, OpPosition};
pub use module::parse_module;

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
