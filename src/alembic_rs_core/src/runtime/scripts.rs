//! What the [`Migrator`](super::Migrator) needs of the migration scripts: their docstrings
//! and, for each step, its body — the statements of a script read statically, or word that
//! only running its Python gives its ops.
//!
//! [`StaticScripts`] is the one reader of static statements for every executor: the offline
//! writer, the native connection and the Python DBAPI adapter.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::eval::{Evaluated, EvaluatedModule, OpPosition};
use crate::script::format::{ScriptMeta, doc};
use crate::script::revision::Revision;

use super::RuntimeError;
use super::session::MigrationRun;

/// One op of a statically read migration function and the statements it compiled to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompiledOp {
    /// Alembic's method name (`"add_column"`).
    pub name: &'static str,
    /// 1-based position of the op in its function.
    pub index: usize,
    /// The op's call in the version file, when known.
    pub position: Option<OpPosition>,
    pub statements: Vec<String>,
}

/// A step's migration function, as the scripts can give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepBody {
    /// Read statically and compiled, op by op.
    Static(Vec<CompiledOp>),
    /// Only running the function (in Python) gives its ops; the reason, for messages.
    Dynamic(String),
}

/// What the runtime needs to know of the migration scripts.
pub trait MigrationScripts {
    /// `Script.doc` (first paragraph of the module docstring, `""` when none).
    fn doc(&self, revision: &Revision) -> String;
    /// The version file's path (`""` when unknown).
    fn path(&self, revision: &Revision) -> &str;
    /// Called once with the plan's scripts before the first step runs (to read them ahead,
    /// in parallel).
    fn prepare(&mut self, _revisions: &[&Revision]) {}
    /// The body of the script's `upgrade()` (`is_upgrade`) or `downgrade()`, compiled with
    /// `run`'s compiler (which keeps the context's memo).
    fn body(
        &mut self,
        revision: &Revision,
        is_upgrade: bool,
        run: &mut MigrationRun,
    ) -> Result<StepBody, RuntimeError>;
}

/// Scripts known by their docstrings only, whose bodies emit no SQL.
#[derive(Clone, Copy, Debug)]
pub struct ScriptDocs<'a>(pub &'a [ScriptMeta]);

impl MigrationScripts for ScriptDocs<'_> {
    fn doc(&self, revision: &Revision) -> String {
        self.0
            .get(revision.index())
            .map(|m| doc(m.doc.as_deref()))
            .unwrap_or_default()
    }

    fn path(&self, revision: &Revision) -> &str {
        self.0.get(revision.index()).map_or("", |m| m.path.as_str())
    }

    fn body(
        &mut self,
        _revision: &Revision,
        _is_upgrade: bool,
        _run: &mut MigrationRun,
    ) -> Result<StepBody, RuntimeError> {
        Ok(StepBody::Static(Vec::new()))
    }
}

/// How [`StaticScripts`] treats what it cannot compile exactly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaticPolicy {
    /// Statements go to a database: ops whose online execution SQLAlchemy shapes (see
    /// [`crate::ops::binds_differ_online`]) are left to Python.
    pub online: bool,
    /// An op the native compiler refuses makes the function dynamic (running it raises the
    /// error from the op's own line, as Alembic does), instead of failing the run here.
    pub compile_errors_run_in_python: bool,
    /// Every function is dynamic (`ALEMBIC_RS_NO_STATIC=1`: tests that compare both paths).
    pub never_static: bool,
}

/// Scripts read by the static evaluator: plain `op.*` calls are compiled natively, anything
/// else is [`StepBody::Dynamic`].
pub struct StaticScripts<'a> {
    metas: &'a [ScriptMeta],
    evaluated: HashMap<usize, EvaluatedModule>,
    policy: StaticPolicy,
}

impl<'a> StaticScripts<'a> {
    pub fn new(metas: &'a [ScriptMeta], policy: StaticPolicy) -> Self {
        StaticScripts {
            metas,
            evaluated: HashMap::new(),
            policy,
        }
    }
}

impl MigrationScripts for StaticScripts<'_> {
    fn doc(&self, revision: &Revision) -> String {
        ScriptDocs(self.metas).doc(revision)
    }

    fn path(&self, revision: &Revision) -> &str {
        self.metas
            .get(revision.index())
            .map_or("", |m| m.path.as_str())
    }

    fn prepare(&mut self, revisions: &[&Revision]) {
        if self.policy.never_static {
            return;
        }
        let todo: Vec<usize> = revisions
            .iter()
            .map(|r| r.index())
            .filter(|i| !self.evaluated.contains_key(i))
            .collect();
        let paths: Vec<PathBuf> = todo
            .iter()
            .map(|&i| {
                self.metas
                    .get(i)
                    .map(|m| m.path.clone())
                    .unwrap_or_default()
                    .into()
            })
            .collect();
        let modules = crate::eval::evaluate_files(&paths);
        self.evaluated.extend(todo.into_iter().zip(modules));
    }

    fn body(
        &mut self,
        revision: &Revision,
        is_upgrade: bool,
        run: &mut MigrationRun,
    ) -> Result<StepBody, RuntimeError> {
        if self.policy.never_static {
            return Ok(StepBody::Dynamic("ALEMBIC_RS_NO_STATIC is set".into()));
        }
        let path = self.path(revision).to_string();
        let module = self
            .evaluated
            .entry(revision.index())
            .or_insert_with(|| crate::eval::evaluate_file(std::path::Path::new(&path)));
        let ops = match module.function(is_upgrade) {
            Evaluated::Static(ops) => ops,
            Evaluated::Dynamic(reason) => return Ok(StepBody::Dynamic(reason.clone())),
        };
        if self.policy.online
            && let Some(op) = ops.iter().find(|op| crate::ops::binds_differ_online(op))
        {
            return Ok(StepBody::Dynamic(format!(
                "{} with values SQLAlchemy binds online",
                op.name()
            )));
        }
        let positions = module.positions(is_upgrade);
        let snapshot = run.snapshot();
        let mut out = Vec::with_capacity(ops.len());
        for (i, op) in ops.iter().enumerate() {
            match run.compile(op) {
                Ok(statements) => out.push(CompiledOp {
                    name: op.name(),
                    index: i + 1,
                    position: positions.get(i).copied(),
                    statements,
                }),
                Err(e) if self.policy.compile_errors_run_in_python => {
                    run.restore(snapshot);
                    return Ok(StepBody::Dynamic(e.to_string()));
                }
                Err(e) => {
                    return Err(RuntimeError::Compile {
                        path,
                        function: if is_upgrade { "upgrade" } else { "downgrade" },
                        message: e.to_string(),
                    });
                }
            }
        }
        Ok(StepBody::Static(out))
    }
}
