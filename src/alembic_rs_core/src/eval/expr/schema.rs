//! Schema items: `sa.Column`, `sa.ForeignKey`, the constraints, `sa.Identity`,
//! `sa.Computed`, and the lightweight `sa.table` / `sa.column`.

use ruff_python_ast::ExprCall;

use super::args::Args;
use crate::eval::scope::Scope;
use crate::eval::value::{Val, Verdict, as_str, literal, server_default};
use crate::ops::{
    Autoincrement, CheckSpec, ColumnForeignKey, ColumnSpec, ComputedSpec, ConstraintSpec,
    ForeignKeySpec, IdentitySpec, PrimaryKeySpec, SqlType, TableClause, TableColumn, UniqueSpec,
};

impl Scope {
    /// A call of the schema item named by `path` (`what`: its last part).
    /// `Ok(None)`: `path` is not one.
    pub(crate) fn schema_item(
        &self,
        path: &str,
        what: &str,
        call: &ExprCall,
    ) -> Verdict<Option<Val>> {
        let item = match path {
            "sqlalchemy.Column" => self.column(call).map(|c| Val::Column(Box::new(c))),
            "sqlalchemy.ForeignKey" => self.foreign_key(call).map(Val::ForeignKey),
            "sqlalchemy.PrimaryKeyConstraint" => {
                let args = Args::bind(
                    call,
                    what,
                    &[],
                    true,
                    &["name", "deferrable", "initially", "postgresql_include"],
                )?;
                Ok(Val::Constraint(ConstraintSpec::PrimaryKey(
                    PrimaryKeySpec {
                        name: args.name(self, "name")?,
                        columns: self.rest_strings(&args, what)?,
                        deferrable: args.opt_bool(self, "deferrable")?,
                        initially: args.opt_string(self, "initially")?,
                        include: args.opt_strings(self, "postgresql_include")?,
                    },
                )))
            }
            "sqlalchemy.UniqueConstraint" => {
                let args = Args::bind(
                    call,
                    what,
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
                    columns: self.rest_strings(&args, what)?,
                    deferrable: args.opt_bool(self, "deferrable")?,
                    initially: args.opt_string(self, "initially")?,
                    include: args.opt_strings(self, "postgresql_include")?,
                    nulls_not_distinct: args.opt_bool(self, "postgresql_nulls_not_distinct")?,
                })))
            }
            "sqlalchemy.ForeignKeyConstraint" => {
                let args = Args::bind(
                    call,
                    what,
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
                    what,
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
                    what,
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
                let args = Args::bind(call, what, &["sqltext", "persisted"], false, &[])?;
                Ok(Val::Computed(ComputedSpec {
                    sqltext: args.sql_text(self, "sqltext")?,
                    persisted: args.opt_bool(self, "persisted")?,
                }))
            }
            "sqlalchemy.table" => {
                let args = Args::bind(call, what, &["name"], true, &["schema"])?;
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
                let args = Args::bind(call, what, &["text", "type_"], false, &[])?;
                let Some(type_) = args.opt_type(self, "type_")? else {
                    return Err("column() without a type".to_owned());
                };
                Ok(Val::TableColumn(TableColumn {
                    name: args.string(self, "text")?,
                    type_,
                }))
            }
            _ => return Ok(None),
        };
        item.map(Some)
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
