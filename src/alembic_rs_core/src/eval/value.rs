//! The value model: the Python values the evaluator builds ([`Val`]) and their checked
//! conversions to the op model's pieces. Depends on nothing else in `eval`.

use indexmap::IndexMap;

use crate::ops::{
    ColumnForeignKey, ColumnSpec, ComputedSpec, ConstraintSpec, IdentitySpec, LiteralValue,
    ObjectName, ServerDefault, SqlType, TableClause, TableColumn,
};

/// A dynamic reason (`Err`) or a value.
pub(crate) type Verdict<T> = Result<T, String>;

/// A Python value the evaluator can build.
#[derive(Clone, Debug)]
pub(crate) enum Val {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A list or tuple.
    Seq(Vec<Val>),
    /// A dict with `str` keys (insertion order, later duplicates replace the value).
    Dict(IndexMap<String, Val>),
    /// `op.f(name)`.
    Conv(String),
    /// `sa.text(sql)`.
    Text(String),
    /// `sa.func.<name>()`.
    Func(String),
    /// `sa.true()`, `sa.false()`, `sa.null()`, `sa.literal(v)`.
    SaLiteral(LiteralValue),
    Type(SqlType),
    Column(Box<ColumnSpec>),
    Constraint(ConstraintSpec),
    ForeignKey(ColumnForeignKey),
    Identity(IdentitySpec),
    Computed(ComputedSpec),
    Table(TableClause),
    TableColumn(TableColumn),
}

pub(crate) fn as_str(val: Val, what: &str) -> Verdict<String> {
    match val {
        Val::Str(s) => Ok(s),
        _ => Err(format!("{what} is not a str")),
    }
}

pub(crate) fn strings(val: Val, what: &str) -> Verdict<Vec<String>> {
    match val {
        Val::Seq(items) => items.into_iter().map(|v| as_str(v, what)).collect(),
        _ => Err(format!("{what} is not a list of str")),
    }
}

pub(crate) fn object_name(val: Val, what: &str) -> Verdict<ObjectName> {
    match val {
        Val::Str(s) => Ok(ObjectName::plain(s)),
        Val::Conv(s) => Ok(ObjectName::conv(s)),
        _ => Err(format!("{what}: a name that is not a str or op.f()")),
    }
}

/// A Python scalar as a [`LiteralValue`].
pub(crate) fn literal(val: Val, what: &str) -> Verdict<LiteralValue> {
    Ok(match val {
        Val::None => LiteralValue::Null,
        Val::Bool(b) => LiteralValue::Bool(b),
        Val::Int(i) => LiteralValue::Int(i),
        Val::Float(f) => LiteralValue::Float(f),
        Val::Str(s) => LiteralValue::String(s),
        _ => return Err(format!("{what} is not a literal scalar")),
    })
}

/// A `server_default=` value (`None` is the caller's business).
pub(crate) fn server_default(val: Val, what: &str) -> Verdict<ServerDefault> {
    Ok(match val {
        Val::Str(value) => ServerDefault::String { value },
        Val::Text(sql) => ServerDefault::Text { sql },
        Val::Func(name) => ServerDefault::Function { name },
        Val::SaLiteral(value) => ServerDefault::Literal { value },
        _ => {
            return Err(format!(
                "{what}: a server default the evaluator does not follow"
            ));
        }
    })
}
