//! [`PostgresqlImpl`]: what PostgreSQL does differently from the generic compiler, as
//! Alembic 1.20's `ddl/postgresql.py` and SQLAlchemy 2.1's `dialects/postgresql/base.py`
//! (`PGDDLCompiler`, `PGTypeCompiler`, `PGIdentifierPreparer`) do it for the dialect Alembic
//! uses offline (`postgresql://`, psycopg: `pyformat` paramstyle, so `%` is doubled).

use super::default_impl::{
    AlterOrder, ColumnFacts, alter_column_statements, alter_table, built_constraint,
    constraint_name, deferrability, drop_index_name, enum_length, generic_type_ddl, identity_ddl,
    identity_options, index_name, reject_other_options, schema_qualified_index_name,
};
use super::naming::NamingConvention;
use super::quote::IdentifierPreparer;
use super::sql_text::{Binds, Phrase, render_text, string_literal, validate_sql_phrase};
use super::table::TableConstraint;
use super::{DdlError, DdlImpl, DdlSession, Paramstyle, StatementStyle, TableName};
use crate::ops::{
    AlterColumn, ColumnDefault, ColumnSpec, CreateExcludeConstraint, DropIndex, ExcludeSpec,
    IdentitySpec, IndexColumn, IndexSpec, LiteralValue, SqlType,
};

/// The PostgreSQL DDL compiler.
#[derive(Clone, Debug)]
pub struct PostgresqlImpl {
    preparer: IdentifierPreparer,
    style: StatementStyle,
    naming: NamingConvention,
}

impl Default for PostgresqlImpl {
    fn default() -> Self {
        Self::new()
    }
}

impl PostgresqlImpl {
    /// The dialect Alembic's offline mode uses for `postgresql` (psycopg, `pyformat`).
    pub fn new() -> Self {
        Self::with_double_percents(true)
    }

    /// `double_percents`: whether the driver's paramstyle is `format`/`pyformat` (psycopg,
    /// psycopg2, pg8000: `%` is doubled in SQL text) or not (asyncpg, a native connection).
    pub fn with_double_percents(double_percents: bool) -> Self {
        Self::with_style(StatementStyle {
            paramstyle: if double_percents {
                Paramstyle::Pyformat
            } else {
                Paramstyle::Named
            },
            literal_binds: false,
        })
    }

    /// The compiler for a connection's (or offline dialect's) paramstyle and the context's
    /// `literal_binds`.
    pub fn with_style(style: StatementStyle) -> Self {
        PostgresqlImpl {
            preparer: IdentifierPreparer::new(
                RESERVED_WORDS,
                style.paramstyle.doubles_percents(),
                63,
            ),
            style,
            naming: NamingConvention::default(),
        }
    }

    /// The same compiler naming constraints and indexes by `convention` (the
    /// `naming_convention` of the context's `target_metadata`).
    pub fn with_naming_convention(mut self, convention: NamingConvention) -> Self {
        self.naming = convention;
        self
    }

    /// Name constraints and indexes by `convention` from now on.
    pub fn set_naming_convention(&mut self, convention: NamingConvention) {
        self.naming = convention;
    }

    /// `PGIdentifierPreparer.format_type` for a named type (ENUM).
    fn format_named_type(
        &self,
        class: &str,
        name: Option<&str>,
        schema: Option<&str>,
    ) -> Result<String, DdlError> {
        let p = &self.preparer;
        let Some(name) = name else {
            return Err(DdlError::invalid(format!(
                "PostgreSQL {class} type requires a name."
            )));
        };
        let quoted = p.quote(name);
        match schema {
            Some(s) => Ok(format!("{}.{quoted}", p.quote(s))),
            None if ISCHEMA_NAMES.contains(&name) => Err(DdlError::invalid(format!(
                "{class}(..., name='{name}') has name '{name}' that matches an existing type, \
                 and requires an explicit schema name in order to be rendered in DDL."
            ))),
            None => Ok(quoted),
        }
    }

    /// `CREATE TYPE ... AS ENUM (...)` for an enum the context has not created yet.
    fn create_enum_type(
        &self,
        ty: &SqlType,
        session: &mut DdlSession,
        out: &mut Vec<String>,
    ) -> Result<(), DdlError> {
        match ty {
            SqlType::Enum {
                values,
                name,
                schema,
                native_enum: true,
                create_type: true,
                ..
            } => {
                let first = match name {
                    Some(n) => session.first_creation_of_type(schema.as_deref(), n),
                    None => true,
                };
                if first {
                    let double = self.preparer.double_percents();
                    out.push(format!(
                        "CREATE TYPE {} AS ENUM ({})",
                        self.format_named_type("ENUM", name.as_deref(), schema.as_deref())?,
                        values
                            .iter()
                            .map(|v| string_literal(v, double))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                Ok(())
            }
            SqlType::Array { item_type, .. } => self.create_enum_type(item_type, session, out),
            _ => Ok(()),
        }
    }
}

impl DdlImpl for PostgresqlImpl {
    fn dialect_name(&self) -> &'static str {
        "PostgreSQL"
    }

    fn preparer(&self) -> &IdentifierPreparer {
        &self.preparer
    }

    fn naming_convention(&self) -> &NamingConvention {
        &self.naming
    }

    fn statement_style(&self) -> StatementStyle {
        self.style
    }

    fn separate_comments(&self) -> bool {
        true
    }

    /// `ALTER TABLE <schema.old> RENAME TO <new>`: the new name is not schema-qualified.
    fn rename_table(&self, op: &crate::ops::RenameTable) -> Result<Vec<String>, DdlError> {
        Ok(vec![format!(
            "{} RENAME TO {}",
            alter_table(&self.preparer, op.schema.as_deref(), &op.old_table_name),
            self.preparer.quote(&op.new_table_name)
        )])
    }

    /// Type change first (with `postgresql_using`), then the generic steps.
    fn alter_column(&self, op: &AlterColumn) -> Result<Vec<String>, DdlError> {
        reject_other_options(&op.other_options)?;
        if op.postgresql_using.is_some() && op.type_.is_none() {
            // Alembic's PostgresqlImpl raises it, as a CommandError
            return Err(DdlError::invalid_as(
                "CommandError",
                "postgresql_using must be used with the type_ parameter",
            ));
        }
        alter_column_statements(self, op, AlterOrder::TypeFirst)
    }

    fn create_index(&self, op: &IndexSpec) -> Result<String, DdlError> {
        reject_other_options(&op.other_options)?;
        let p = &self.preparer;
        let table = TableName::new(op.schema.as_deref(), &op.table_name);
        let name = match index_name(self, op)? {
            Some(n) => constraint_name(p, &n)?,
            // Alembic asserts the index has a name (no `ix` convention)
            None => return Err(DdlError::invalid_as("AssertionError", "")),
        };
        let mut text = String::from("CREATE ");
        if op.unique {
            text.push_str("UNIQUE ");
        }
        text.push_str("INDEX ");
        if op.postgresql_concurrently {
            text.push_str("CONCURRENTLY ");
        }
        if op.if_not_exists == Some(true) {
            text.push_str("IF NOT EXISTS ");
        }
        text.push_str(&format!("{name} ON {} ", self.format_table(table)));
        if let Some(using) = &op.postgresql_using {
            text.push_str(&format!(
                "USING {} ",
                validate_sql_phrase(using, Phrase::IndexUsing)?.to_lowercase()
            ));
        }
        let elements = op
            .columns
            .iter()
            .map(|c| {
                let mut element = self.index_element(c);
                // SQLAlchemy keys a column by its name and a text() element by its text.
                let (IndexColumn::Column(key) | IndexColumn::Text(key)) = c;
                if let Some(ops) = op.postgresql_ops.get(key) {
                    element.push(' ');
                    element.push_str(ops);
                }
                element
            })
            .collect::<Vec<_>>()
            .join(", ");
        text.push_str(&format!("({elements})"));
        text.push_str(&self.include_clause(&op.postgresql_include)?);
        match op.postgresql_nulls_not_distinct {
            Some(true) => text.push_str(" NULLS NOT DISTINCT"),
            Some(false) => text.push_str(" NULLS DISTINCT"),
            None => {}
        }
        if !op.postgresql_with.is_empty() {
            let options = op
                .postgresql_with
                .iter()
                .map(|(k, v)| with_option(k, v))
                .collect::<Result<Vec<_>, _>>()?;
            text.push_str(&format!(" WITH ({})", options.join(", ")));
        }
        if let Some(ts) = &op.postgresql_tablespace {
            text.push_str(&format!(" TABLESPACE {}", p.quote(ts)));
        }
        if let Some(where_) = &op.postgresql_where {
            text.push_str(" WHERE ");
            text.push_str(&render_text(where_, p.double_percents(), Binds::Null));
        }
        Ok(text)
    }

    fn drop_index(&self, op: &DropIndex) -> Result<String, DdlError> {
        reject_other_options(&op.other_options)?;
        Ok(format!(
            "\nDROP INDEX {}{}{}",
            if op.postgresql_concurrently {
                "CONCURRENTLY "
            } else {
                ""
            },
            if op.if_exists == Some(true) {
                "IF EXISTS "
            } else {
                ""
            },
            schema_qualified_index_name(
                &self.preparer,
                op.schema.as_deref(),
                &drop_index_name(self, op)?
            )?
        ))
    }

    fn create_exclude_constraint(
        &self,
        op: &CreateExcludeConstraint,
    ) -> Result<Vec<String>, DdlError> {
        reject_other_options(&op.other_options)?;
        let spec = ExcludeSpec {
            name: op.constraint_name.clone(),
            elements: op.elements.clone(),
            where_: op.where_.clone(),
            using: op.using.clone(),
            deferrable: op.deferrable,
            initially: op.initially.clone(),
        };
        let table = TableName::new(op.schema.as_deref(), &op.table_name);
        let TableConstraint::Exclude(spec) =
            built_constraint(self, table, TableConstraint::Exclude(spec))?
        else {
            unreachable!("naming keeps the constraint's kind")
        };
        Ok(vec![format!(
            "ALTER TABLE {} ADD {}",
            self.format_table(table),
            self.exclude_constraint_ddl(&spec)?
        )])
    }

    /// `PGDDLCompiler.visit_exclude_constraint`.
    fn exclude_constraint_ddl(&self, x: &ExcludeSpec) -> Result<String, DdlError> {
        let p = &self.preparer;
        let mut text = String::new();
        if let Some(name) = &x.name {
            text.push_str(&format!("CONSTRAINT {} ", constraint_name(p, name)?));
        }
        let using = x.using.as_deref().unwrap_or("gist");
        let elements = x
            .elements
            .iter()
            .map(|(column, operator)| format!("{} WITH {operator}", p.quote(column)))
            .collect::<Vec<_>>()
            .join(", ");
        text.push_str(&format!(
            "EXCLUDE USING {} ({elements})",
            validate_sql_phrase(using, Phrase::IndexUsing)?.to_lowercase()
        ));
        if let Some(where_) = &x.where_ {
            text.push_str(&format!(
                " WHERE ({})",
                render_text(where_, p.double_percents(), Binds::Null)
            ));
        }
        text.push_str(&deferrability(x.deferrable, x.initially.as_deref())?);
        Ok(text)
    }

    /// `PGTypeCompiler`.
    fn type_ddl(&self, ty: &SqlType) -> Result<String, DdlError> {
        Ok(match ty {
            SqlType::DateTime {
                timezone,
                precision,
            } => time_type("TIMESTAMP", *timezone, *precision),
            SqlType::Time {
                timezone,
                precision,
            } => time_type("TIME", *timezone, *precision),
            SqlType::Interval { fields, precision } => {
                let mut text = String::from("INTERVAL");
                if let Some(f) = fields {
                    text.push(' ');
                    text.push_str(f);
                }
                if let Some(p) = precision {
                    text.push_str(&format!(" ({p})"));
                }
                text
            }
            SqlType::Float { precision } => match precision {
                Some(p) if *p > 0 => format!("FLOAT({p})"),
                _ => "FLOAT".into(),
            },
            SqlType::Double => "DOUBLE PRECISION".into(),
            SqlType::LargeBinary => "BYTEA".into(),
            SqlType::Json => "JSON".into(),
            SqlType::Jsonb => "JSONB".into(),
            SqlType::Uuid {
                native_uuid: true, ..
            } => "UUID".into(),
            SqlType::Inet => "INET".into(),
            SqlType::Cidr => "CIDR".into(),
            SqlType::Tsvector => "TSVECTOR".into(),
            SqlType::Citext => "CITEXT".into(),
            SqlType::Array {
                item_type,
                dimensions,
            } => {
                let inner = self.type_ddl(item_type)?;
                let brackets = "[]".repeat(dimensions.unwrap_or(1) as usize);
                // re.sub(r"((?: COLLATE.*)?)$", brackets + r"\1", inner, count=1)
                match inner.find(" COLLATE") {
                    Some(i) if !inner[i..].contains('\n') => {
                        format!("{}{brackets}{}", &inner[..i], &inner[i..])
                    }
                    _ => format!("{inner}{brackets}"),
                }
            }
            SqlType::Enum {
                native_enum: true,
                name,
                schema,
                create_type,
                ..
            } => {
                let class = if *create_type { "Enum" } else { "ENUM" };
                self.format_named_type(class, name.as_deref(), schema.as_deref())?
            }
            SqlType::Enum {
                native_enum: false,
                values,
                length,
                ..
            } => {
                let n = enum_length(values, *length);
                if n > 0 {
                    format!("VARCHAR({n})")
                } else {
                    "VARCHAR".into()
                }
            }
            other => generic_type_ddl(self, other)?,
        })
    }

    fn create_types_for_columns(
        &self,
        columns: &[ColumnSpec],
        session: &mut DdlSession,
    ) -> Result<Vec<String>, DdlError> {
        let mut out = Vec::new();
        for column in columns {
            if let Some(ty) = &column.type_ {
                self.create_enum_type(ty, session, &mut out)?;
            }
        }
        Ok(out)
    }

    /// `PGDDLCompiler.get_column_specification`: SERIAL / BIGSERIAL / SMALLSERIAL for the
    /// autoincrement primary key column, `NULL` for a nullable identity column.
    fn column_ddl(&self, column: &ColumnSpec, facts: ColumnFacts) -> Result<String, DdlError> {
        let p = &self.preparer;
        let mut text = p.quote(&column.name);
        let serial = facts.primary_key
            && facts.autoincrement
            && column.identity.is_none()
            && !column.client_default;
        if serial {
            text.push_str(match column.type_ {
                Some(SqlType::BigInteger) => " BIGSERIAL",
                Some(SqlType::SmallInteger) => " SMALLSERIAL",
                _ => " SERIAL",
            });
        } else {
            text.push(' ');
            text.push_str(&self.column_type_ddl(column)?);
            if let Some(default) = &column.server_default {
                text.push_str(" DEFAULT ");
                text.push_str(&self.server_default_ddl(default)?);
            }
        }
        if let Some(computed) = &column.computed {
            text.push(' ');
            text.push_str(&self.computed_ddl(computed));
        }
        if let Some(identity) = &column.identity {
            text.push(' ');
            text.push_str(&identity_ddl(identity));
        }
        let has_identity = column.identity.is_some();
        if !facts.nullable && !has_identity {
            text.push_str(" NOT NULL");
        } else if facts.nullable && has_identity {
            text.push_str(" NULL");
        }
        Ok(text)
    }

    fn unique_nulls_clause(&self, nulls_not_distinct: Option<bool>) -> Result<String, DdlError> {
        Ok(match nulls_not_distinct {
            Some(true) => "NULLS NOT DISTINCT ".into(),
            Some(false) => "NULLS DISTINCT ".into(),
            None => String::new(),
        })
    }

    fn include_clause(&self, include: &[String]) -> Result<String, DdlError> {
        if include.is_empty() {
            return Ok(String::new());
        }
        Ok(format!(
            " INCLUDE ({})",
            include
                .iter()
                .map(|c| self.preparer.quote(c))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }

    fn not_valid_clause(&self, not_valid: bool) -> Result<String, DdlError> {
        Ok(if not_valid { " NOT VALID" } else { "" }.into())
    }

    /// ON DELETE may name columns (`SET NULL (a, b)`).
    fn cascade_clauses(
        &self,
        ondelete: Option<&str>,
        onupdate: Option<&str>,
    ) -> Result<String, DdlError> {
        let mut text = String::new();
        if let Some(v) = ondelete {
            text.push_str(" ON DELETE ");
            text.push_str(validate_sql_phrase(v, Phrase::PgOnDelete)?);
        }
        if let Some(v) = onupdate {
            text.push_str(" ON UPDATE ");
            text.push_str(validate_sql_phrase(v, Phrase::Keywords)?);
        }
        Ok(text)
    }

    fn column_comment_ddl(
        &self,
        table: TableName<'_>,
        column: &str,
        comment: Option<&str>,
    ) -> Result<String, DdlError> {
        Ok(format!(
            "COMMENT ON COLUMN {}.{} IS {}",
            self.format_table(table),
            self.preparer.quote(column),
            comment.map_or_else(
                || "NULL".to_owned(),
                |c| string_literal(c, self.preparer.double_percents())
            )
        ))
    }

    fn alter_column_comment_ddl(
        &self,
        op: &AlterColumn,
        comment: Option<&str>,
    ) -> Result<String, DdlError> {
        let p = &self.preparer;
        Ok(format!(
            "COMMENT ON COLUMN {}.{} IS {}",
            p.format_table_name_dotted(op.schema.as_deref(), &op.table_name),
            p.quote(&op.column_name),
            comment.map_or_else(
                || "NULL".to_owned(),
                |c| string_literal(c, p.double_percents())
            )
        ))
    }

    /// Alembic's `PostgresqlColumnType`: `... TYPE <type> USING <expr>` — with a trailing
    /// space when there is no USING, as Alembic's format string leaves it.
    fn alter_column_type_ddl(&self, op: &AlterColumn, ty: &SqlType) -> Result<String, DdlError> {
        let p = &self.preparer;
        Ok(format!(
            "{} ALTER COLUMN {} TYPE {} {}",
            alter_table(p, op.schema.as_deref(), &op.table_name),
            p.quote(&op.column_name),
            self.type_ddl(ty)?,
            match &op.postgresql_using {
                Some(using) if !using.is_empty() => format!("USING {using}"),
                _ => String::new(),
            }
        ))
    }

    /// Alembic's PostgreSQL `IdentityColumnDefault`: DROP IDENTITY, ADD GENERATED ..., or
    /// SET the options that differ from the existing identity.
    fn alter_identity_ddl(
        &self,
        op: &AlterColumn,
        new: Option<&IdentitySpec>,
    ) -> Result<String, DdlError> {
        let p = &self.preparer;
        let mut text = format!(
            "{} ALTER COLUMN {} ",
            alter_table(p, op.schema.as_deref(), &op.table_name),
            p.quote(&op.column_name)
        );
        let Some(new) = new else {
            text.push_str("DROP IDENTITY");
            return Ok(text);
        };
        let existing = match &op.existing_server_default {
            None => {
                text.push_str("ADD ");
                text.push_str(&identity_ddl(new));
                return Ok(text);
            }
            Some(ColumnDefault::Identity(existing)) => existing,
            Some(_) => {
                return Err(DdlError::unsupported(
                    "changing a server default into an identity",
                ));
            }
        };
        // Alembic's _compare_identity_default: attributes set on the new identity that
        // differ from the existing one, plus `always`; applied in sorted attribute order.
        macro_rules! differs {
            ($attr:ident) => {
                new.$attr.is_some() && new.$attr != existing.$attr
            };
        }
        if new.always != existing.always {
            text.push_str(&format!(
                "SET GENERATED {} ",
                if new.always { "ALWAYS" } else { "BY DEFAULT" }
            ));
        }
        let only = |i: IdentitySpec| format!("SET {} ", identity_options(&i));
        let none = IdentitySpec::default;
        if differs!(cache) {
            text.push_str(&only(IdentitySpec {
                cache: new.cache,
                ..none()
            }));
        }
        if differs!(cycle) {
            text.push_str(&only(IdentitySpec {
                cycle: new.cycle,
                ..none()
            }));
        }
        if differs!(increment) {
            text.push_str(&only(IdentitySpec {
                increment: new.increment,
                ..none()
            }));
        }
        if differs!(maxvalue) {
            text.push_str(&only(IdentitySpec {
                maxvalue: new.maxvalue,
                ..none()
            }));
        }
        if differs!(minvalue) {
            text.push_str(&only(IdentitySpec {
                minvalue: new.minvalue,
                ..none()
            }));
        }
        if differs!(nomaxvalue) {
            text.push_str(&only(IdentitySpec {
                nomaxvalue: new.nomaxvalue,
                ..none()
            }));
        }
        if differs!(nominvalue) {
            text.push_str(&only(IdentitySpec {
                nominvalue: new.nominvalue,
                ..none()
            }));
        }
        if differs!(start) {
            text.push_str(&only(IdentitySpec {
                start: new.start,
                ..none()
            }));
        }
        Ok(text)
    }
}

fn time_type(name: &str, timezone: bool, precision: Option<u32>) -> String {
    format!(
        "{name}{} {} TIME ZONE",
        precision.map(|p| format!("({p})")).unwrap_or_default(),
        if timezone { "WITH" } else { "WITHOUT" }
    )
}

/// One `postgresql_with` storage parameter: `name`, `name = true`, `name = value`.
fn with_option(key: &str, value: &LiteralValue) -> Result<String, DdlError> {
    Ok(match value {
        LiteralValue::Null => key.to_owned(),
        LiteralValue::Bool(b) => format!("{key} = {}", if *b { "true" } else { "false" }),
        LiteralValue::Int(i) => format!("{key} = {i}"),
        LiteralValue::Float(f) => format!(
            "{key} = {}",
            super::sql_text::python_float_repr(*f)
                .ok_or_else(|| DdlError::unsupported(format!("postgresql_with {key}={f}")))?
        ),
        LiteralValue::String(s) => format!("{key} = {s}"),
        LiteralValue::Tagged(_) | LiteralValue::List(_) => {
            return Err(DdlError::unsupported(format!(
                "a {} value for postgresql_with {key}",
                value.python_type()
            )));
        }
    })
}

/// `sqlalchemy.dialects.postgresql.base.RESERVED_WORDS` (checked against SQLAlchemy by the
/// oracle test).
pub const RESERVED_WORDS: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "binary",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "false",
    "fetch",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "group",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "leading",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "natural",
    "new",
    "not",
    "notnull",
    "null",
    "of",
    "off",
    "offset",
    "old",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "over",
    "overlaps",
    "placing",
    "primary",
    "references",
    "returning",
    "right",
    "select",
    "session_user",
    "similar",
    "some",
    "symmetric",
    "table",
    "then",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
];

/// `PGDialect.ischema_names`: built-in type names a schema-less ENUM may not take (checked
/// against SQLAlchemy by the oracle test).
pub const ISCHEMA_NAMES: &[&str] = &[
    "\"char\"",
    "_array",
    "bigint",
    "bit",
    "bit varying",
    "boolean",
    "bytea",
    "character",
    "character varying",
    "cidr",
    "citext",
    "date",
    "datemultirange",
    "daterange",
    "double precision",
    "float",
    "hstore",
    "inet",
    "int4multirange",
    "int4range",
    "int8multirange",
    "int8range",
    "integer",
    "interval",
    "json",
    "jsonb",
    "macaddr",
    "macaddr8",
    "money",
    "name",
    "numeric",
    "nummultirange",
    "numrange",
    "oid",
    "real",
    "regclass",
    "regconfig",
    "smallint",
    "text",
    "time",
    "time with time zone",
    "time without time zone",
    "timestamp",
    "timestamp with time zone",
    "timestamp without time zone",
    "tsmultirange",
    "tsquery",
    "tsrange",
    "tstzmultirange",
    "tstzrange",
    "tsvector",
    "uuid",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_words_are_sorted_and_lower_case() {
        assert!(RESERVED_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(RESERVED_WORDS.iter().all(|w| w.to_lowercase() == *w));
    }
}
