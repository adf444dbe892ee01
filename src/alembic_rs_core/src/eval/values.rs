//! Expressions -> values: literals, `op.f`, `sa.text`, `sa.func.*()`, types, columns and
//! constraints. Every constructor accepts exactly the arguments listed here; anything else
//! is a dynamic reason.

use indexmap::IndexMap;
use ruff_python_ast::{Expr, ExprCall, Number, UnaryOp};

use super::module::{Scope, Verdict};
use crate::ops::{
    Autoincrement, CheckSpec, ColumnForeignKey, ColumnSpec, ComputedSpec, ConstraintSpec,
    ForeignKeySpec, IdentitySpec, LiteralValue, ObjectName, PrimaryKeySpec, ServerDefault, SqlType,
    UniqueSpec,
};
use crate::ops::{TableClause, TableColumn};

/// Names `from sqlalchemy import ...` may bind.
pub(super) const SQLALCHEMY_NAMES: &[&str] = &[
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
pub(super) const POSTGRESQL_NAMES: &[&str] = &[
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

/// A Python value the evaluator can build.
#[derive(Clone, Debug)]
pub(super) enum Val {
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

/// A call's arguments matched against a signature, like Python's binding.
pub(super) struct Args<'a> {
    what: String,
    named: IndexMap<&'static str, &'a Expr>,
    /// `*args` beyond the named positional parameters.
    pub(super) rest: Vec<&'a Expr>,
}

impl<'a> Args<'a> {
    /// Binds `call` to `positional` parameters (then `*args` if `varargs`) and keyword-only
    /// parameters `keyword_only`. A keyword not listed, `*x` / `**x`, too many positional
    /// arguments or a parameter given twice is a dynamic reason.
    pub(super) fn bind(
        call: &'a ExprCall,
        what: &str,
        positional: &[&'static str],
        varargs: bool,
        keyword_only: &[&'static str],
    ) -> Verdict<Self> {
        let mut args = Args {
            what: what.to_owned(),
            named: IndexMap::new(),
            rest: Vec::new(),
        };
        for (i, arg) in call.arguments.args.iter().enumerate() {
            if matches!(arg, Expr::Starred(_)) {
                return Err(format!("{what}: a `*` argument"));
            }
            match positional.get(i) {
                Some(name) => {
                    args.named.insert(name, arg);
                }
                None if varargs => args.rest.push(arg),
                None => return Err(format!("{what}: too many positional arguments")),
            }
        }
        for kw in &call.arguments.keywords {
            let Some(arg) = &kw.arg else {
                return Err(format!("{what}: a `**` argument"));
            };
            let Some(name) = positional
                .iter()
                .chain(keyword_only)
                .find(|n| **n == arg.as_str())
            else {
                return Err(format!("{what}: the keyword `{arg}` is not followed"));
            };
            if args.named.insert(name, &kw.value).is_some() {
                return Err(format!("{what}: `{arg}` given twice"));
            }
        }
        Ok(args)
    }

    pub(super) fn get(&self, name: &str) -> Option<&'a Expr> {
        self.named.get(name).copied()
    }

    /// The value of a parameter, `None` when not given.
    pub(super) fn value(&self, scope: &Scope, name: &str) -> Verdict<Option<Val>> {
        self.get(name).map(|e| scope.value(e)).transpose()
    }

    pub(super) fn required(&self, scope: &Scope, name: &str) -> Verdict<Val> {
        self.value(scope, name)?
            .ok_or_else(|| format!("{}: missing `{name}`", self.what))
    }

    pub(super) fn string(&self, scope: &Scope, name: &str) -> Verdict<String> {
        let what = format!("{} `{name}`", self.what);
        as_str(self.required(scope, name)?, &what)
    }

    /// A `str` or `None` (or absent).
    pub(super) fn opt_string(&self, scope: &Scope, name: &str) -> Verdict<Option<String>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(None),
            Some(v) => as_str(v, &format!("{} `{name}`", self.what)).map(Some),
        }
    }

    /// A `bool` or `None` (or absent).
    pub(super) fn opt_bool(&self, scope: &Scope, name: &str) -> Verdict<Option<bool>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(None),
            Some(Val::Bool(b)) => Ok(Some(b)),
            Some(_) => Err(format!("{}: `{name}` is not a bool", self.what)),
        }
    }

    /// A `bool` (absent: `default`).
    pub(super) fn flag(&self, scope: &Scope, name: &str, default: bool) -> Verdict<bool> {
        match self.value(scope, name)? {
            None => Ok(default),
            Some(Val::Bool(b)) => Ok(b),
            Some(_) => Err(format!("{}: `{name}` is not a bool", self.what)),
        }
    }

    /// A non-negative `int` or `None` (or absent).
    pub(super) fn opt_u32(&self, scope: &Scope, name: &str) -> Verdict<Option<u32>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(None),
            Some(Val::Int(i)) => u32::try_from(i)
                .map(Some)
                .map_err(|_| format!("{}: `{name}` out of range", self.what)),
            Some(_) => Err(format!("{}: `{name}` is not an int", self.what)),
        }
    }

    /// A constraint / index name: `str`, `op.f(...)` or `None` (or absent).
    pub(super) fn name(&self, scope: &Scope, name: &str) -> Verdict<Option<ObjectName>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(None),
            Some(v) => object_name(v, &self.what).map(Some),
        }
    }

    /// A list or tuple of `str`.
    pub(super) fn strings(&self, scope: &Scope, name: &str) -> Verdict<Vec<String>> {
        let what = format!("{} `{name}`", self.what);
        strings(self.required(scope, name)?, &what)
    }

    /// A list or tuple of `str`, or absent / `None` (empty).
    pub(super) fn opt_strings(&self, scope: &Scope, name: &str) -> Verdict<Vec<String>> {
        match self.value(scope, name)? {
            None | Some(Val::None) => Ok(Vec::new()),
            Some(v) => strings(v, &format!("{} `{name}`", self.what)),
        }
    }

    /// `str` or `sa.text(...)`: SQL text.
    pub(super) fn sql_text(&self, scope: &Scope, name: &str) -> Verdict<String> {
        match self.required(scope, name)? {
            Val::Str(s) | Val::Text(s) => Ok(s),
            _ => Err(format!("{}: `{name}` is not a str or sa.text()", self.what)),
        }
    }

    /// A type (instance or class) or absent.
    pub(super) fn opt_type(&self, scope: &Scope, name: &str) -> Verdict<Option<SqlType>> {
        match self.value(scope, name)? {
            None => Ok(None),
            Some(Val::Type(t)) => Ok(Some(t)),
            Some(_) => Err(format!("{}: `{name}` is not a type", self.what)),
        }
    }
}

pub(super) fn as_str(val: Val, what: &str) -> Verdict<String> {
    match val {
        Val::Str(s) => Ok(s),
        _ => Err(format!("{what} is not a str")),
    }
}

pub(super) fn strings(val: Val, what: &str) -> Verdict<Vec<String>> {
    match val {
        Val::Seq(items) => items.into_iter().map(|v| as_str(v, what)).collect(),
        _ => Err(format!("{what} is not a list of str")),
    }
}

pub(super) fn object_name(val: Val, what: &str) -> Verdict<ObjectName> {
    match val {
        Val::Str(s) => Ok(ObjectName::plain(s)),
        Val::Conv(s) => Ok(ObjectName::conv(s)),
        _ => Err(format!("{what}: a name that is not a str or op.f()")),
    }
}

/// A Python scalar as a [`LiteralValue`].
pub(super) fn literal(val: Val, what: &str) -> Verdict<LiteralValue> {
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
pub(super) fn server_default(val: Val, what: &str) -> Verdict<ServerDefault> {
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

impl Scope {
    /// Evaluates an argument expression.
    pub(super) fn value(&self, expr: &Expr) -> Verdict<Val> {
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
            "sqlalchemy.Column" => self.column(call).map(|c| Val::Column(Box::new(c))),
            "sqlalchemy.ForeignKey" => self.foreign_key(call).map(Val::ForeignKey),
            "sqlalchemy.PrimaryKeyConstraint" => {
                let args = Args::bind(
                    call,
                    &what,
                    &[],
                    true,
                    &["name", "deferrable", "initially", "postgresql_include"],
                )?;
                Ok(Val::Constraint(ConstraintSpec::PrimaryKey(
                    PrimaryKeySpec {
                        name: args.name(self, "name")?,
                        columns: self.rest_strings(&args, &what)?,
                        deferrable: args.opt_bool(self, "deferrable")?,
                        initially: args.opt_string(self, "initially")?,
                        include: args.opt_strings(self, "postgresql_include")?,
                    },
                )))
            }
            "sqlalchemy.UniqueConstraint" => {
                let args = Args::bind(
                    call,
                    &what,
                    &[],
                    true,
                    &[
                        "name",
                        "deferrable",
                        "initially",
                        "postgresql_include",
                        "postgresql_nulls_not_distinct",
                    ],
                )?;
                Ok(Val::Constraint(ConstraintSpec::Unique(UniqueSpec {
                    name: args.name(self, "name")?,
                    columns: self.rest_strings(&args, &what)?,
                    deferrable: args.opt_bool(self, "deferrable")?,
                    initially: args.opt_string(self, "initially")?,
                    include: args.opt_strings(self, "postgresql_include")?,
                    nulls_not_distinct: args.opt_bool(self, "postgresql_nulls_not_distinct")?,
                })))
            }
            "sqlalchemy.ForeignKeyConstraint" => {
                let args = Args::bind(
                    call,
                    &what,
                    &["columns", "refcolumns"],
                    false,
                    &[
                        "name",
                        "onupdate",
                        "ondelete",
                        "deferrable",
                        "initially",
                        "use_alter",
                        "match",
                        "postgresql_not_valid",
                    ],
                )?;
                let columns = args.strings(self, "columns")?;
                let targets = args.strings(self, "refcolumns")?;
                if columns.len() != targets.len() || columns.is_empty() {
                    return Err(format!("{what}: column counts differ"));
                }
                let mut referent: Option<(Option<String>, String)> = None;
                let mut referent_columns = Vec::new();
                for target in &targets {
                    let (schema, table, column) = split_target(target)?;
                    match &referent {
                        None => referent = Some((schema, table)),
                        Some(r) if *r == (schema.clone(), table.clone()) => {}
                        Some(_) => {
                            return Err(format!("{what}: referent columns of several tables"));
                        }
                    }
                    referent_columns.push(column);
                }
                let (referent_schema, referent_table) = referent.unwrap_or_default();
                Ok(Val::Constraint(ConstraintSpec::ForeignKey(
                    ForeignKeySpec {
                        name: args.name(self, "name")?,
                        columns,
                        referent_schema,
                        referent_table,
                        referent_columns,
                        onupdate: args.opt_string(self, "onupdate")?,
                        ondelete: args.opt_string(self, "ondelete")?,
                        deferrable: args.opt_bool(self, "deferrable")?,
                        initially: args.opt_string(self, "initially")?,
                        match_: args.opt_string(self, "match")?,
                        use_alter: args.flag(self, "use_alter", false)?,
                        not_valid: args.flag(self, "postgresql_not_valid", false)?,
                    },
                )))
            }
            "sqlalchemy.CheckConstraint" => {
                let args = Args::bind(
                    call,
                    &what,
                    &["sqltext"],
                    false,
                    &["name", "deferrable", "initially", "postgresql_not_valid"],
                )?;
                Ok(Val::Constraint(ConstraintSpec::Check(CheckSpec {
                    name: args.name(self, "name")?,
                    sqltext: args.sql_text(self, "sqltext")?,
                    deferrable: args.opt_bool(self, "deferrable")?,
                    initially: args.opt_string(self, "initially")?,
                    not_valid: args.flag(self, "postgresql_not_valid", false)?,
                    columns: Vec::new(),
                })))
            }
            "sqlalchemy.Identity" => {
                let args = Args::bind(
                    call,
                    &what,
                    &[],
                    false,
                    &[
                        "always",
                        "start",
                        "increment",
                        "minvalue",
                        "maxvalue",
                        "nominvalue",
                        "nomaxvalue",
                        "cycle",
                        "cache",
                    ],
                )?;
                let int = |name: &str| -> Verdict<Option<i64>> {
                    match args.value(self, name)? {
                        None | Some(Val::None) => Ok(None),
                        Some(Val::Int(i)) => Ok(Some(i)),
                        Some(_) => Err(format!("Identity: `{name}` is not an int")),
                    }
                };
                Ok(Val::Identity(IdentitySpec {
                    always: args.flag(self, "always", false)?,
                    start: int("start")?,
                    increment: int("increment")?,
                    minvalue: int("minvalue")?,
                    maxvalue: int("maxvalue")?,
                    nominvalue: args.opt_bool(self, "nominvalue")?,
                    nomaxvalue: args.opt_bool(self, "nomaxvalue")?,
                    cycle: args.opt_bool(self, "cycle")?,
                    cache: int("cache")?,
                }))
            }
            "sqlalchemy.Computed" => {
                let args = Args::bind(call, &what, &["sqltext", "persisted"], false, &[])?;
                Ok(Val::Computed(ComputedSpec {
                    sqltext: args.sql_text(self, "sqltext")?,
                    persisted: args.opt_bool(self, "persisted")?,
                }))
            }
            "sqlalchemy.table" => {
                let args = Args::bind(call, &what, &["name"], true, &["schema"])?;
                let mut columns = Vec::new();
                for expr in &args.rest {
                    match self.value(expr)? {
                        Val::TableColumn(c) => columns.push(c),
                        _ => return Err("table(): an argument that is not a column()".to_owned()),
                    }
                }
                Ok(Val::Table(TableClause {
                    name: args.string(self, "name")?,
                    schema: args.opt_string(self, "schema")?,
                    columns,
                }))
            }
            "sqlalchemy.column" => {
                let args = Args::bind(call, &what, &["text", "type_"], false, &[])?;
                let Some(type_) = args.opt_type(self, "type_")? else {
                    return Err("column() without a type".to_owned());
                };
                Ok(Val::TableColumn(TableColumn {
                    name: args.string(self, "text")?,
                    type_,
                }))
            }
            _ => Err(format!(
                "a call to `{path}`, which the evaluator does not follow"
            )),
        }
    }

    fn rest_strings(&self, args: &Args<'_>, what: &str) -> Verdict<Vec<String>> {
        args.rest
            .iter()
            .map(|e| as_str(self.value(e)?, &format!("{what} column")))
            .collect()
    }

    fn foreign_key(&self, call: &ExprCall) -> Verdict<ColumnForeignKey> {
        let args = Args::bind(
            call,
            "ForeignKey",
            &["column"],
            false,
            &[
                "name",
                "onupdate",
                "ondelete",
                "deferrable",
                "initially",
                "match",
                "use_alter",
            ],
        )?;
        let (referent_schema, referent_table, referent_column) =
            split_target(&args.string(self, "column")?)?;
        Ok(ColumnForeignKey {
            referent_schema,
            referent_table,
            referent_column,
            name: args.name(self, "name")?,
            onupdate: args.opt_string(self, "onupdate")?,
            ondelete: args.opt_string(self, "ondelete")?,
            deferrable: args.opt_bool(self, "deferrable")?,
            initially: args.opt_string(self, "initially")?,
            match_: args.opt_string(self, "match")?,
            use_alter: args.flag(self, "use_alter", false)?,
        })
    }

    /// `sa.Column(name, type, *constraints, **kw)`.
    fn column(&self, call: &ExprCall) -> Verdict<ColumnSpec> {
        let args = Args::bind(
            call,
            "Column",
            &[],
            true,
            &[
                "name",
                "type_",
                "nullable",
                "primary_key",
                "autoincrement",
                "server_default",
                "default",
                "unique",
                "index",
                "comment",
            ],
        )?;
        let mut rest = args
            .rest
            .iter()
            .map(|e| self.value(e))
            .collect::<Verdict<Vec<_>>>()?
            .into_iter()
            .peekable();
        let mut name = args.opt_string(self, "name")?;
        if let Some(Val::Str(_)) = rest.peek() {
            if name.is_some() {
                return Err("Column: name given twice".to_owned());
            }
            if let Some(Val::Str(n)) = rest.next() {
                name = Some(n);
            }
        }
        let Some(name) = name else {
            return Err("Column: no name".to_owned());
        };
        let mut type_ = args.opt_type(self, "type_")?;
        if let Some(Val::Type(_)) = rest.peek() {
            if type_.is_some() {
                return Err("Column: type given twice".to_owned());
            }
            if let Some(Val::Type(t)) = rest.next() {
                type_ = Some(t);
            }
        }
        let mut column = ColumnSpec {
            type_,
            ..ColumnSpec::new(name, SqlType::Integer)
        };
        for item in rest {
            match item {
                Val::ForeignKey(fk) => column.foreign_keys.push(fk),
                Val::Constraint(ConstraintSpec::Check(check)) => column.checks.push(check),
                Val::Identity(identity) if column.identity.is_none() => {
                    column.identity = Some(identity)
                }
                Val::Computed(computed) if column.computed.is_none() => {
                    column.computed = Some(computed)
                }
                _ => {
                    return Err(
                        "Column: a positional argument the evaluator does not follow".to_owned(),
                    );
                }
            }
        }
        if column.checks.len() > 1 {
            // Column.constraints is a set: their order in the DDL is Python's hash order.
            return Err(
                "Column: several CHECK constraints (their DDL order is arbitrary)".to_owned(),
            );
        }
        column.nullable = match args.value(self, "nullable")? {
            None => None,
            Some(Val::Bool(b)) => Some(b),
            Some(_) => return Err("Column: `nullable` is not a bool".to_owned()),
        };
        column.primary_key = args.flag(self, "primary_key", false)?;
        column.autoincrement = match args.value(self, "autoincrement")? {
            None => Autoincrement::Auto,
            Some(Val::Bool(true)) => Autoincrement::True,
            Some(Val::Bool(false)) => Autoincrement::False,
            Some(Val::Str(s)) if s == "auto" => Autoincrement::Auto,
            Some(Val::Str(s)) if s == "ignore_fk" => Autoincrement::IgnoreFk,
            Some(_) => {
                return Err(
                    "Column: an `autoincrement` value the evaluator does not follow".to_owned(),
                );
            }
        };
        column.server_default = match args.value(self, "server_default")? {
            None | Some(Val::None) => None,
            Some(v) => Some(server_default(v, "Column")?),
        };
        column.client_default = match args.value(self, "default")? {
            None | Some(Val::None) => false,
            Some(v) => {
                literal(v, "Column `default`")?;
                true
            }
        };
        column.unique = args.opt_bool(self, "unique")?.unwrap_or(false);
        column.index = args.opt_bool(self, "index")?.unwrap_or(false);
        column.comment = args.opt_string(self, "comment")?;
        Ok(column)
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

/// `"table.column"` / `"schema.table.column"`.
fn split_target(target: &str) -> Verdict<(Option<String>, String, String)> {
    if target.contains('"') {
        return Err(format!("a quoted foreign key target {target:?}"));
    }
    let parts: Vec<&str> = target.split('.').collect();
    match parts.as_slice() {
        [table, column] if !table.is_empty() && !column.is_empty() => {
            Ok((None, (*table).to_owned(), (*column).to_owned()))
        }
        [schema, table, column] if [schema, table, column].iter().all(|p| !p.is_empty()) => Ok((
            Some((*schema).to_owned()),
            (*table).to_owned(),
            (*column).to_owned(),
        )),
        _ => Err(format!(
            "a foreign key target {target:?} the evaluator does not split"
        )),
    }
}

/// A type named by `path`, called with `call` (or referenced as a class when `None`).
/// `Ok(None)`: `path` is not a type.
fn type_call(scope: &Scope, path: &str, call: Option<&ExprCall>) -> Verdict<Option<SqlType>> {
    let (pg, name) = if let Some(name) = path.strip_prefix("sqlalchemy.dialects.postgresql.") {
        if !POSTGRESQL_NAMES.contains(&name) {
            return Ok(None);
        }
        (true, name)
    } else if let Some(name) = path.strip_prefix("sqlalchemy.") {
        if !SQLALCHEMY_NAMES.contains(&name) || name.contains('.') {
            return Ok(None);
        }
        (false, name)
    } else {
        return Ok(None);
    };
    let bind =
        |positional: &[&'static str], keyword_only: &[&'static str]| -> Verdict<Option<Args<'_>>> {
            call.map(|c| Args::bind(c, name, positional, false, keyword_only))
                .transpose()
        };
    let opt_u32 = |args: &Option<Args<'_>>, p: &str| match args {
        Some(a) => a.opt_u32(scope, p),
        None => Ok(None),
    };
    let opt_str = |args: &Option<Args<'_>>, p: &str| match args {
        Some(a) => a.opt_string(scope, p),
        None => Ok(None),
    };
    let flag = |args: &Option<Args<'_>>, p: &str, d: bool| match args {
        Some(a) => a.flag(scope, p, d),
        None => Ok(d),
    };
    let ignored_bool = |args: &Option<Args<'_>>, p: &str| -> Verdict<()> {
        if let Some(a) = args {
            a.opt_bool(scope, p)?;
        }
        Ok(())
    };
    let ignored_type = |args: &Option<Args<'_>>, p: &str| -> Verdict<()> {
        if let Some(a) = args {
            a.opt_type(scope, p)?;
        }
        Ok(())
    };
    let t = match name {
        "Integer" | "INTEGER" | "INT" => {
            bind(&[], &[])?;
            SqlType::Integer
        }
        "BigInteger" | "BIGINT" => {
            bind(&[], &[])?;
            SqlType::BigInteger
        }
        "SmallInteger" | "SMALLINT" => {
            bind(&[], &[])?;
            SqlType::SmallInteger
        }
        "String" | "VARCHAR" | "Unicode" | "Text" | "TEXT" | "UnicodeText" | "CHAR" => {
            let args = bind(&["length", "collation"], &[])?;
            let length = opt_u32(&args, "length")?;
            let collation = opt_str(&args, "collation")?;
            let unicode = matches!(name, "Unicode" | "UnicodeText");
            match name {
                "CHAR" => SqlType::Char { length, collation },
                "Text" | "TEXT" | "UnicodeText" => SqlType::Text {
                    length,
                    collation,
                    unicode,
                },
                _ => SqlType::String {
                    length,
                    collation,
                    unicode,
                },
            }
        }
        "Boolean" | "BOOLEAN" => {
            bind(&[], &[])?;
            SqlType::Boolean
        }
        "Date" | "DATE" => {
            bind(&[], &[])?;
            SqlType::Date
        }
        "DateTime" | "TIMESTAMP" | "Time" | "TIME" => {
            let args = if pg {
                bind(&["timezone", "precision"], &[])?
            } else {
                bind(&["timezone"], &[])?
            };
            let timezone = flag(&args, "timezone", false)?;
            let precision = opt_u32(&args, "precision")?;
            if matches!(name, "DateTime" | "TIMESTAMP") {
                SqlType::DateTime {
                    timezone,
                    precision,
                }
            } else {
                SqlType::Time {
                    timezone,
                    precision,
                }
            }
        }
        "Interval" => {
            bind(&[], &[])?;
            SqlType::Interval {
                fields: None,
                precision: None,
            }
        }
        "INTERVAL" => {
            let args = bind(&["precision", "fields"], &[])?;
            SqlType::Interval {
                fields: opt_str(&args, "fields")?,
                precision: opt_u32(&args, "precision")?,
            }
        }
        "Numeric" | "NUMERIC" => {
            let args = bind(&["precision", "scale"], &["asdecimal"])?;
            ignored_bool(&args, "asdecimal")?;
            SqlType::Numeric {
                precision: opt_u32(&args, "precision")?,
                scale: opt_u32(&args, "scale")?,
            }
        }
        "Float" | "FLOAT" => {
            let args = bind(&["precision"], &["asdecimal"])?;
            ignored_bool(&args, "asdecimal")?;
            SqlType::Float {
                precision: opt_u32(&args, "precision")?,
            }
        }
        "Double" | "DOUBLE_PRECISION" => {
            let args = bind(&[], &["asdecimal"])?;
            ignored_bool(&args, "asdecimal")?;
            SqlType::Double
        }
        "REAL" => {
            bind(&[], &[])?;
            SqlType::Real
        }
        "LargeBinary" | "BYTEA" => {
            bind(&[], &[])?;
            SqlType::LargeBinary
        }
        "JSON" | "JSONB" => {
            let args = if pg {
                bind(&["none_as_null", "astext_type"], &[])?
            } else {
                bind(&["none_as_null"], &[])?
            };
            ignored_bool(&args, "none_as_null")?;
            ignored_type(&args, "astext_type")?;
            if name == "JSONB" {
                SqlType::Jsonb
            } else {
                SqlType::Json
            }
        }
        "Uuid" => {
            let args = bind(&["as_uuid", "native_uuid"], &[])?;
            SqlType::Uuid {
                as_uuid: flag(&args, "as_uuid", true)?,
                native_uuid: flag(&args, "native_uuid", true)?,
            }
        }
        "UUID" => {
            let args = bind(&["as_uuid"], &[])?;
            SqlType::Uuid {
                as_uuid: flag(&args, "as_uuid", true)?,
                native_uuid: true,
            }
        }
        "INET" | "CIDR" | "TSVECTOR" | "CITEXT" => {
            bind(&[], &[])?;
            match name {
                "INET" => SqlType::Inet,
                "CIDR" => SqlType::Cidr,
                "TSVECTOR" => SqlType::Tsvector,
                _ => SqlType::Citext,
            }
        }
        "ARRAY" => {
            let Some(args) = bind(
                &["item_type", "as_tuple", "dimensions", "zero_indexes"],
                &[],
            )?
            else {
                return Err("ARRAY referenced without its item type".to_owned());
            };
            args.opt_bool(scope, "as_tuple")?;
            args.opt_bool(scope, "zero_indexes")?;
            let Some(item_type) = args.opt_type(scope, "item_type")? else {
                return Err("ARRAY without an item type".to_owned());
            };
            SqlType::Array {
                item_type: Box::new(item_type),
                dimensions: args.opt_u32(scope, "dimensions")?,
            }
        }
        "Enum" | "ENUM" => {
            let Some(call) = call else {
                return Err("Enum referenced without values".to_owned());
            };
            let keyword_only: &[&'static str] = if pg {
                &["name", "schema", "create_type"]
            } else {
                &[
                    "name",
                    "schema",
                    "native_enum",
                    "create_constraint",
                    "length",
                ]
            };
            let args = Args::bind(call, name, &[], true, keyword_only)?;
            let values = args
                .rest
                .iter()
                .map(|e| as_str(scope.value(e)?, "an Enum value"))
                .collect::<Verdict<Vec<_>>>()?;
            SqlType::Enum {
                values,
                name: args.opt_string(scope, "name")?,
                schema: args.opt_string(scope, "schema")?,
                native_enum: args.flag(scope, "native_enum", true)?,
                create_type: args.flag(scope, "create_type", true)?,
                length: args.opt_u32(scope, "length")?,
                create_constraint: args.flag(scope, "create_constraint", false)?,
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(t))
}
