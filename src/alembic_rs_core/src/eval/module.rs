//! Module level: parsing, the names the module's imports bind, and the two function bodies.

use rustc_hash::FxHashMap;

use ruff_python_ast::{Expr, ModModule, Stmt};
use ruff_python_parser::Parsed;

use super::evaluated::{EvalError, Evaluated, EvaluatedModule, OpPosition};
use super::ops::evaluate_op;
use super::scope::{Binding, POSTGRESQL_NAMES, SQLALCHEMY_NAMES, Scope};
use super::value::{Val, Verdict};
use ruff_text_size::{Ranged, TextRange};

/// Parses a version file's source (universal newlines, like Python's reader).
pub fn parse_module(source: &str) -> Result<Parsed<ModModule>, EvalError> {
    // copied only when there is something to normalise (most files have no `\r`)
    let source: std::borrow::Cow<'_, str> = if source.contains('\r') {
        source.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        source.into()
    };
    ruff_python_parser::parse_module(&source).map_err(|err| {
        let offset = usize::from(err.location.start()).min(source.len());
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        EvalError::Syntax {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message: err.error.to_string(),
        }
    })
}

/// Whether a module-level value may be used by several calls as Python shares it: plain
/// data and `sa.table(...)` (a `TableClause` used by several ops is one table in Python
/// too). Not schema items that attach to one parent (`sa.Column`, constraints: Python
/// raises when one is used twice), types (an `Enum` shared by two columns is one
/// SchemaType in SQLAlchemy), nor `op.f(...)` (the `op` proxy does not exist at import).
fn shareable(value: &Val) -> bool {
    match value {
        Val::None
        | Val::Bool(_)
        | Val::Int(_)
        | Val::Float(_)
        | Val::Str(_)
        | Val::Text(_)
        | Val::Func(_)
        | Val::SaLiteral(_)
        | Val::Table(_) => true,
        Val::Seq(items) => items.iter().all(shareable),
        Val::Dict(map) => map.values().all(shareable),
        Val::Conv(_)
        | Val::Type(_)
        | Val::Column(_)
        | Val::Constraint(_)
        | Val::ForeignKey(_)
        | Val::Identity(_)
        | Val::Computed(_)
        | Val::TableColumn(_) => false,
    }
}

/// Modules whose import has no effect the evaluator cares about; their names are `Other`.
const INERT_MODULES: &[&str] = &[
    "__future__",
    "typing",
    "typing_extensions",
    "collections.abc",
];

fn read_imports(body: &[Stmt]) -> Verdict<Scope> {
    let mut scope = Scope {
        names: FxHashMap::default(),
        postgresql_imported: false,
    };
    let bind = |scope: &mut Scope, name: &str, binding: Binding| {
        scope.names.insert(name.to_owned(), binding);
    };
    for (index, stmt) in body.iter().enumerate() {
        match stmt {
            Stmt::Import(import) => {
                for alias in &import.names {
                    let module = alias.name.as_str();
                    let followed = matches!(
                        module,
                        "sqlalchemy" | "sqlalchemy.dialects" | "sqlalchemy.dialects.postgresql"
                    );
                    if module == "sqlalchemy.dialects.postgresql" {
                        scope.postgresql_imported = true;
                    }
                    match (&alias.asname, followed) {
                        (Some(asname), true) => bind(
                            &mut scope,
                            asname.as_str(),
                            Binding::Path(module.to_owned()),
                        ),
                        (None, true) => {
                            bind(&mut scope, "sqlalchemy", Binding::Path("sqlalchemy".into()))
                        }
                        (_, false) if INERT_MODULES.contains(&module) => {
                            let local = alias.asname.as_ref().map_or_else(
                                || module.split('.').next().unwrap_or(module),
                                |a| a.as_str(),
                            );
                            bind(&mut scope, local, Binding::Other);
                        }
                        (_, false) => {
                            return Err(format!(
                                "`import {module}`: a module the evaluator does not follow"
                            ));
                        }
                    }
                }
            }
            Stmt::ImportFrom(import) => {
                let module = import.module.as_ref().map_or("", |m| m.as_str());
                if import.level != 0 {
                    return Err("a relative import".to_owned());
                }
                for alias in &import.names {
                    let name = alias.name.as_str();
                    let local = alias.asname.as_ref().map_or(name, |a| a.as_str());
                    let binding = match module {
                        "alembic" if name == "op" => Binding::Path("alembic.op".into()),
                        "sqlalchemy" if SQLALCHEMY_NAMES.contains(&name) => {
                            Binding::Path(format!("sqlalchemy.{name}"))
                        }
                        "sqlalchemy.dialects" if name == "postgresql" => {
                            scope.postgresql_imported = true;
                            Binding::Path("sqlalchemy.dialects.postgresql".into())
                        }
                        "sqlalchemy.dialects.postgresql" if POSTGRESQL_NAMES.contains(&name) => {
                            scope.postgresql_imported = true;
                            Binding::Path(format!("sqlalchemy.dialects.postgresql.{name}"))
                        }
                        m if INERT_MODULES.contains(&m) && name != "*" => Binding::Other,
                        _ => {
                            return Err(format!(
                                "`from {module} import {name}`: an import the evaluator does not follow"
                            ));
                        }
                    };
                    bind(&mut scope, local, binding);
                }
            }
            Stmt::FunctionDef(def) => {
                bind(&mut scope, def.name.as_str(), Binding::Function(index));
            }
            Stmt::Assign(assign) => {
                // evaluated in order, with the names bound so far, as Python runs the module
                let binding = match scope.value(&assign.value) {
                    Ok(value) if shareable(&value) => Binding::Value(Box::new(value)),
                    _ if inert_value(&assign.value) => Binding::Other,
                    _ => {
                        return Err("a module-level assignment of a non-literal value".to_owned());
                    }
                };
                for target in &assign.targets {
                    let Expr::Name(name) = target else {
                        return Err("a module-level assignment to a non-name target".to_owned());
                    };
                    bind(&mut scope, name.id.as_str(), binding.clone());
                }
            }
            Stmt::AnnAssign(assign) => {
                let Expr::Name(name) = &*assign.target else {
                    return Err("a module-level assignment to a non-name target".to_owned());
                };
                if !inert_annotation(&assign.annotation)
                    || !assign.value.as_deref().is_none_or(inert_value)
                {
                    return Err(
                        "a module-level annotated assignment the evaluator does not follow"
                            .to_owned(),
                    );
                }
                if assign.value.is_some() {
                    bind(&mut scope, name.id.as_str(), Binding::Other);
                }
            }
            Stmt::Expr(expr) if matches!(&*expr.value, Expr::StringLiteral(_)) => {}
            Stmt::Pass(_) => {}
            _ => {
                return Err(
                    "module-level code other than imports, literals and functions".to_owned(),
                );
            }
        }
    }
    Ok(scope)
}

/// A value whose evaluation at import time cannot fail or have effects.
fn inert_value(expr: &Expr) -> bool {
    match expr {
        Expr::StringLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BytesLiteral(_) => true,
        Expr::Tuple(t) => t.elts.iter().all(inert_value),
        Expr::List(l) => l.elts.iter().all(inert_value),
        _ => false,
    }
}

/// An annotation like `str`, `Union[str, Sequence[str], None]` or `str | None`.
fn inert_annotation(expr: &Expr) -> bool {
    match expr {
        Expr::Name(_)
        | Expr::StringLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => true,
        Expr::Attribute(a) => inert_annotation(&a.value),
        Expr::Subscript(s) => inert_annotation(&s.value) && inert_annotation(&s.slice),
        Expr::Tuple(t) => t.elts.iter().all(inert_annotation),
        Expr::BinOp(b) => {
            b.op == ruff_python_ast::Operator::BitOr
                && inert_annotation(&b.left)
                && inert_annotation(&b.right)
        }
        _ => false,
    }
}

/// `source`: the text `body` was parsed from (for the ops' line numbers).
pub(super) fn evaluate(body: &[Stmt], source: &str) -> EvaluatedModule {
    let scope = match read_imports(body) {
        Ok(read) => read,
        Err(reason) => return EvaluatedModule::dynamic(reason),
    };
    let lines = LineStarts::new(source);
    let function = |name: &str| match scope.names.get(name).and_then(|b| match b {
        Binding::Function(i) => body.get(*i),
        _ => None,
    }) {
        Some(Stmt::FunctionDef(def)) => match evaluate_function(&scope, def) {
            Ok(ops) => {
                let positions = ops
                    .iter()
                    .map(|(_, range)| lines.position(*range))
                    .collect();
                (
                    Evaluated::Static(ops.into_iter().map(|(op, _)| op).collect()),
                    positions,
                )
            }
            Err(reason) => (
                Evaluated::Dynamic(format!("{name}(): {reason}")),
                Vec::new(),
            ),
        },
        _ => (
            Evaluated::Dynamic(format!("the module defines no `{name}` function")),
            Vec::new(),
        ),
    };
    let (upgrade, upgrade_positions) = function("upgrade");
    let (downgrade, downgrade_positions) = function("downgrade");
    EvaluatedModule {
        upgrade,
        downgrade,
        upgrade_positions,
        downgrade_positions,
    }
}

/// Byte offsets of the starts of a text's lines.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(source: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineStarts(starts)
    }

    /// (1-based line, 0-based byte column) of an offset.
    fn locate(&self, offset: usize) -> (u32, u32) {
        let line = self.0.partition_point(|&start| start <= offset).max(1);
        let col = offset - self.0[line - 1];
        (
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(col).unwrap_or(u32::MAX),
        )
    }

    fn position(&self, range: TextRange) -> OpPosition {
        let (line, col) = self.locate(range.start().to_usize());
        let (end_line, end_col) = self.locate(range.end().to_usize());
        OpPosition {
            line,
            end_line,
            col,
            end_col,
        }
    }
}

fn evaluate_function(
    scope: &Scope,
    def: &ruff_python_ast::StmtFunctionDef,
) -> Verdict<Vec<(crate::ops::Op, TextRange)>> {
    if def.is_async || !def.decorator_list.is_empty() || def.type_params.is_some() {
        return Err("an async, decorated or generic function".to_owned());
    }
    let p = &def.parameters;
    if !p.posonlyargs.is_empty()
        || !p.args.is_empty()
        || p.vararg.is_some()
        || !p.kwonlyargs.is_empty()
        || p.kwarg.is_some()
    {
        return Err("the function takes parameters".to_owned());
    }
    if !def.returns.as_deref().is_none_or(inert_annotation) {
        return Err("a return annotation the evaluator does not follow".to_owned());
    }
    // Names the body assigns are local in the whole function (Python: a use before the
    // assignment is an UnboundLocalError), so until its assignment such a name is bound to
    // nothing the evaluator follows.
    let mut local: Option<Scope> = None;
    for stmt in &def.body {
        if let Stmt::Assign(assign) = stmt {
            let local = local.get_or_insert_with(|| scope.clone());
            for target in &assign.targets {
                if let Expr::Name(name) = target {
                    local.names.insert(name.id.to_string(), Binding::Other);
                }
            }
        }
    }
    let mut ops = Vec::new();
    for stmt in &def.body {
        let current = local.as_ref().unwrap_or(scope);
        match stmt {
            Stmt::Pass(_) => {}
            Stmt::Expr(expr) => match &*expr.value {
                Expr::StringLiteral(_) => {}
                Expr::Call(call) => ops.push((evaluate_op(current, call)?, call.range())),
                _ => return Err("an expression statement that is not an `op.*` call".to_owned()),
            },
            // `t = sa.table(...)` then `op.bulk_insert(t, [...])`: bound like a module-level
            // value, under the same rule for sharing it between calls
            Stmt::Assign(assign) => {
                let value = current.value(&assign.value)?;
                if !shareable(&value) {
                    return Err("an assignment of a value the evaluator does not share".to_owned());
                }
                let Some(local) = local.as_mut() else {
                    return Err("an assignment outside the function's scope".to_owned());
                };
                for target in &assign.targets {
                    let Expr::Name(name) = target else {
                        return Err("an assignment to a non-name target".to_owned());
                    };
                    local
                        .names
                        .insert(name.id.to_string(), Binding::Value(Box::new(value.clone())));
                }
            }
            _ => {
                return Err(format!(
                    "a statement other than `op.*` calls ({})",
                    statement_kind(stmt)
                ));
            }
        }
    }
    Ok(ops)
}

fn statement_kind(stmt: &Stmt) -> &'static str {
    match stmt {
        Stmt::Assign(_) | Stmt::AnnAssign(_) | Stmt::AugAssign(_) => "an assignment",
        Stmt::For(_) | Stmt::While(_) => "a loop",
        Stmt::If(_) | Stmt::Match(_) => "a conditional",
        Stmt::With(_) => "a `with` block",
        Stmt::Try(_) => "a `try` block",
        Stmt::Return(_) => "a `return`",
        Stmt::Import(_) | Stmt::ImportFrom(_) => "an import",
        Stmt::FunctionDef(_) | Stmt::ClassDef(_) => "a nested definition",
        _ => "another statement",
    }
}
