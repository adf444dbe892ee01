//! Expressions -> values: literals and displays, names bound in scope, `op.f`, `sa.text`,
//! `sa.func.*()`, `sa.true()` and friends, then (in the submodules) types and schema items.
//! Every constructor accepts exactly the arguments listed in its module; anything else is a
//! dynamic reason. Evaluation is recursive (a constructor's arguments are expressions), so
//! the submodules call back into [`Scope::value`].

mod args;
mod schema;
mod types;

use indexmap::IndexMap;
use ruff_python_ast::{Expr, ExprCall, Number, UnaryOp};

pub(crate) use args::Args;
use types::type_call;

use super::scope::Scope;
use super::value::{Val, Verdict, as_str, literal};
use crate::ops::LiteralValue;

impl Scope {
    /// Evaluates an argument expression.
    pub(crate) fn value(&self, expr: &Expr) -> Verdict<Val> {
        match expr {
            Expr::NoneLiteral(_) => Ok(Val::None),
            Expr::BooleanLiteral(b) => Ok(Val::Bool(b.value)),
            Expr::StringLiteral(s) => {
                let value = s.value.to_str();
                if value.contains('\u{FFFD}') {
                    return Err("a string literal that may hold a lone surrogate".to_owned());
                }
                Ok(Val::Str(value.to_owned()))
            }
            Expr::NumberLiteral(n) => number(&n.value, false),
            Expr::UnaryOp(u) if u.op == UnaryOp::USub => match &*u.operand {
                Expr::NumberLiteral(n) => number(&n.value, true),
                _ => Err("a negation of a non-number".to_owned()),
            },
            Expr::List(l) => l
                .elts
                .iter()
                .map(|e| self.element(e))
                .collect::<Verdict<_>>()
                .map(Val::Seq),
            Expr::Tuple(t) => t
                .elts
                .iter()
                .map(|e| self.element(e))
                .collect::<Verdict<_>>()
                .map(Val::Seq),
            Expr::Dict(d) => {
                let mut map = IndexMap::new();
                for item in &d.items {
                    let Some(key) = &item.key else {
                        return Err("a `**` in a dict display".to_owned());
                    };
                    let key = as_str(self.value(key)?, "a dict key")?;
                    map.insert(key, self.value(&item.value)?);
                }
                Ok(Val::Dict(map))
            }
            Expr::Name(_) | Expr::Attribute(_) => {
                if let Expr::Name(name) = expr
                    && let Some(value) = self.bound_value(name.id.as_str())
                {
                    return Ok(value.clone());
                }
                let path = self.qualify(expr)?;
                match type_call(self, &path, None)? {
                    Some(t) => Ok(Val::Type(t)),
                    None => Err(format!("`{path}` is not a value the evaluator follows")),
                }
            }
            Expr::Call(call) => self.call(call),
            _ => Err("an expression that is not a literal or a known constructor".to_owned()),
        }
    }

    fn element(&self, expr: &Expr) -> Verdict<Val> {
        if matches!(expr, Expr::Starred(_)) {
            return Err("a `*` in a display".to_owned());
        }
        self.value(expr)
    }

    fn call(&self, call: &ExprCall) -> Verdict<Val> {
        let path = self.qualify(&call.func)?;
        if let Some(t) = type_call(self, &path, Some(call))? {
            return Ok(Val::Type(t));
        }
        if let Some(name) = path.strip_prefix("sqlalchemy.func.") {
            if name.contains('.') || !call.arguments.is_empty() {
                return Err(format!("`{path}(...)` with arguments or a package"));
            }
            return Ok(Val::Func(name.to_owned()));
        }
        let what = path.rsplit('.').next().unwrap_or(&path).to_owned();
        match path.as_str() {
            "alembic.op.f" => {
                let args = Args::bind(call, "op.f", &["name"], false, &[])?;
                Ok(Val::Conv(args.string(self, "name")?))
            }
            "sqlalchemy.text" => {
                let args = Args::bind(call, "text", &["text"], false, &[])?;
                Ok(Val::Text(args.string(self, "text")?))
            }
            "sqlalchemy.true" | "sqlalchemy.false" | "sqlalchemy.null" => {
                Args::bind(call, &what, &[], false, &[])?;
                Ok(Val::SaLiteral(match what.as_str() {
                    "true" => LiteralValue::Bool(true),
                    "false" => LiteralValue::Bool(false),
                    _ => LiteralValue::Null,
                }))
            }
            "sqlalchemy.literal" => {
                let args = Args::bind(call, "literal", &["value"], false, &[])?;
                let value = literal(args.required(self, "value")?, "literal()")?;
                Ok(Val::SaLiteral(value))
            }
            _ => match self.schema_item(&path, &what, call)? {
                Some(item) => Ok(item),
                None => Err(format!(
                    "a call to `{path}`, which the evaluator does not follow"
                )),
            },
        }
    }
}

fn number(n: &Number, negate: bool) -> Verdict<Val> {
    match n {
        Number::Int(i) => {
            let i = i.as_i64().ok_or("an int literal beyond 64 bits")?;
            Ok(Val::Int(if negate { -i } else { i }))
        }
        Number::Float(f) => Ok(Val::Float(if negate { -f } else { *f })),
        Number::Complex { .. } => Err("a complex literal".to_owned()),
    }
}
