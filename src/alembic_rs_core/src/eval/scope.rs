//! Names: what a version file's imports may bind, and what each name in scope is bound to
//! ([`Scope`]). Depends only on the value model.

use rustc_hash::FxHashMap;

use ruff_python_ast::Expr;

use super::value::{Val, Verdict};

/// Names `from sqlalchemy import ...` may bind.
pub(crate) const SQLALCHEMY_NAMES: &[&str] = &[
    "Integer",
    "INTEGER",
    "INT",
    "BigInteger",
    "BIGINT",
    "SmallInteger",
    "SMALLINT",
    "String",
    "VARCHAR",
    "Unicode",
    "Text",
    "TEXT",
    "UnicodeText",
    "CHAR",
    "Boolean",
    "BOOLEAN",
    "Date",
    "DATE",
    "DateTime",
    "TIMESTAMP",
    "Time",
    "TIME",
    "Interval",
    "Numeric",
    "NUMERIC",
    "Float",
    "FLOAT",
    "Double",
    "DOUBLE_PRECISION",
    "REAL",
    "LargeBinary",
    "JSON",
    "Uuid",
    "UUID",
    "ARRAY",
    "Enum",
    "Column",
    "ForeignKey",
    "PrimaryKeyConstraint",
    "ForeignKeyConstraint",
    "UniqueConstraint",
    "CheckConstraint",
    "Identity",
    "Computed",
    "text",
    "func",
    "true",
    "false",
    "null",
    "literal",
    "table",
    "column",
];

/// Names `from sqlalchemy.dialects.postgresql import ...` may bind.
pub(crate) const POSTGRESQL_NAMES: &[&str] = &[
    "INTEGER",
    "BIGINT",
    "SMALLINT",
    "VARCHAR",
    "CHAR",
    "TEXT",
    "NUMERIC",
    "FLOAT",
    "REAL",
    "DOUBLE_PRECISION",
    "TIMESTAMP",
    "TIME",
    "DATE",
    "BOOLEAN",
    "INTERVAL",
    "BYTEA",
    "JSON",
    "JSONB",
    "UUID",
    "INET",
    "CIDR",
    "TSVECTOR",
    "CITEXT",
    "ARRAY",
    "ENUM",
];

/// What a module-level name is bound to.
#[derive(Clone, Debug)]
pub(crate) enum Binding {
    /// A module or an object imported from a module we follow (`"sqlalchemy"`,
    /// `"sqlalchemy.Column"`, `"alembic.op"`).
    Path(String),
    /// A function defined at module level (index into the module body).
    Function(usize),
    /// A module-level assignment's value, when the evaluator builds it and sharing it
    /// between calls cannot differ from Python (see `module::shareable`): `t = sa.table(...)`
    /// used by `op.bulk_insert(t, [...])`, a literal list of rows.
    Value(Box<Val>),
    /// Anything else (a header variable, a `typing` name).
    Other,
}

/// The module-level names, resolved through the module's imports (inside a function, with
/// the function's own assignments over them).
#[derive(Clone)]
pub(crate) struct Scope {
    pub(crate) names: FxHashMap<String, Binding>,
    /// `sqlalchemy.dialects.postgresql` was imported, so `sqlalchemy.dialects.postgresql.X`
    /// is reachable as an attribute.
    pub(crate) postgresql_imported: bool,
}

impl Scope {
    /// The dotted path an expression names (`sa.String` -> `"sqlalchemy.String"`).
    pub(crate) fn qualify(&self, expr: &Expr) -> Verdict<String> {
        match expr {
            Expr::Name(name) => match self.names.get(name.id.as_str()) {
                Some(Binding::Path(path)) => Ok(path.clone()),
                Some(Binding::Other | Binding::Function(_) | Binding::Value(_)) => Err(format!(
                    "`{}` is a module-level name the evaluator does not follow",
                    name.id
                )),
                None => Err(format!("`{}` is not bound by an import", name.id)),
            },
            Expr::Attribute(attr) => {
                let base = self.qualify(&attr.value)?;
                let path = format!("{base}.{}", attr.attr);
                if path.starts_with("sqlalchemy.dialects") {
                    let reachable = self.postgresql_imported
                        && (path == "sqlalchemy.dialects"
                            || path == "sqlalchemy.dialects.postgresql"
                            || path.starts_with("sqlalchemy.dialects.postgresql."));
                    if !reachable {
                        return Err(format!("`{path}` is not a module the evaluator follows"));
                    }
                }
                Ok(path)
            }
            _ => Err("a call target that is not a dotted name".to_owned()),
        }
    }

    /// The value a module-level assignment bound `name` to, when the evaluator built it.
    pub(crate) fn bound_value(&self, name: &str) -> Option<&Val> {
        match self.names.get(name) {
            Some(Binding::Value(value)) => Some(value),
            _ => None,
        }
    }
}
