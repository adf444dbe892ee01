//! [`DdlImpl`]: what every dialect does, as default methods — Alembic's `DefaultImpl` and
//! `toimpl` plus the parts of SQLAlchemy's generic `DDLCompiler` / `GenericTypeCompiler`
//! they drive. A dialect overrides the hooks where it differs.

use super::literal;
use super::naming::{Kind, NamingConvention, Target};
use super::quote::IdentifierPreparer;
use super::sql_text::{Binds, Phrase, render_text, string_literal, validate_sql_phrase};
use super::table::{self, ResolvedTable, TableConstraint};
use super::{DdlError, DdlSession, StatementStyle};
use crate::ops::ObjectName;
use crate::ops::{
    AddColumn, AlterColumn, BulkInsert, CheckSpec, ColumnDefault, ColumnSpec, CommentChange,
    ComputedSpec, ConstraintSpec, CreateCheckConstraint, CreateExcludeConstraint, CreateForeignKey,
    CreatePrimaryKey, CreateTable, CreateTableComment, CreateUniqueConstraint, DefaultChange,
    DropColumn, DropConstraint, DropIndex, DropTable, DropTableComment, ExcludeSpec, Execute,
    ForeignKeySpec, IdentitySpec, IndexColumn, IndexSpec, Op, OtherOptions, PrimaryKeySpec,
    RenameTable, ServerDefault, SqlType, UniqueSpec,
};

/// A table reference: optional schema + name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableName<'a> {
    pub schema: Option<&'a str>,
    pub name: &'a str,
}

impl<'a> TableName<'a> {
    pub fn new(schema: Option<&'a str>, name: &'a str) -> Self {
        TableName { schema, name }
    }
}

/// What the table says about one column when its DDL is generated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnFacts {
    /// Part of the table's primary key.
    pub primary_key: bool,
    /// `Column.nullable` once the table is assembled.
    pub nullable: bool,
    /// The table's autoincrement column (SQLAlchemy's `_autoincrement_column`).
    pub autoincrement: bool,
}

/// A dialect's DDL compiler. [`DdlImpl::compile`] is the entry point; every other method
/// has a default that follows SQLAlchemy's generic compiler and Alembic's `DefaultImpl`.
pub trait DdlImpl {
    /// `"postgresql"`, for messages.
    fn dialect_name(&self) -> &'static str;

    /// The dialect's identifier quoting.
    fn preparer(&self) -> &IdentifierPreparer;

    /// The naming convention of the `MetaData` Alembic builds the op's tables in (the
    /// context's `target_metadata`'s, else SQLAlchemy's default).
    fn naming_convention(&self) -> &NamingConvention {
        static DEFAULT: std::sync::LazyLock<NamingConvention> =
            std::sync::LazyLock::new(NamingConvention::default);
        &DEFAULT
    }

    /// `EXCLUDE ...` of a `postgresql.ExcludeConstraint` (without `ALTER TABLE ... ADD`).
    fn exclude_constraint_ddl(&self, _constraint: &ExcludeSpec) -> Result<String, DdlError> {
        Err(DdlError::unsupported(
            "ExcludeConstraint (a PostgreSQL constraint)",
        ))
    }

    /// The driver's paramstyle and the context's `literal_binds`: how `execute()` renders
    /// bind parameters in SQL text.
    fn statement_style(&self) -> StatementStyle {
        StatementStyle::default()
    }

    /// `dialect.supports_comments and not dialect.inline_comments`: comments become
    /// separate `COMMENT ON` statements. Without comment support Alembic leaves them out.
    fn separate_comments(&self) -> bool {
        false
    }

    /// Compile one op into its statements: each exactly as SQLAlchemy compiles it, without a
    /// terminator (Alembic's offline writer prints [`super::offline_statement`] + `;`).
    /// `session` carries what earlier ops of the same migration context created.
    fn compile(&self, op: &Op, session: &mut DdlSession) -> Result<Vec<String>, DdlError> {
        let result = match op {
            Op::CreateTable(o) => self.create_table(o, session),
            Op::DropTable(o) => self.drop_table(o),
            Op::RenameTable(o) => self.rename_table(o),
            Op::AddColumn(o) => self.add_column(o),
            Op::DropColumn(o) => self.drop_column(o),
            Op::AlterColumn(o) => self.alter_column(o),
            Op::CreateIndex(o) => self.create_index(o).map(|s| vec![s]),
            Op::DropIndex(o) => self.drop_index(o).map(|s| vec![s]),
            Op::CreateUniqueConstraint(o) => self.create_unique_constraint(o),
            Op::CreatePrimaryKey(o) => self.create_primary_key(o),
            Op::CreateForeignKey(o) => self.create_foreign_key(o),
            Op::CreateCheckConstraint(o) => self.create_check_constraint(o),
            Op::CreateExcludeConstraint(o) => self.create_exclude_constraint(o),
            Op::DropConstraint(o) => self.drop_constraint(o),
            Op::CreateTableComment(o) => self.create_table_comment(o),
            Op::DropTableComment(o) => self.drop_table_comment(o),
            Op::Execute(o) => self.execute(o),
            Op::BulkInsert(o) => self.bulk_insert(o),
        };
        result.map_err(|e| e.in_context(op.name(), self.dialect_name()))
    }

    // ---------------------------------------------------------------------------------
    // Ops
    // ---------------------------------------------------------------------------------

    /// `CREATE TYPE`s (dialect hook), `CREATE TABLE`, the indexes its columns imply, then
    /// `COMMENT ON` statements.
    fn create_table(
        &self,
        op: &CreateTable,
        session: &mut DdlSession,
    ) -> Result<Vec<String>, DdlError> {
        reject_other_options(&op.other_options)?;
        self.naming_convention()
            .check_table_built(op.schema.as_deref(), &op.table_name)?;
        let mut out = self.create_types_for_columns(&op.columns, session)?;
        let table = TableName::new(op.schema.as_deref(), &op.table_name);
        out.push(create_table_statement(self, op)?);
        for column in &op.columns {
            if let Some(index) = table::column_index(column) {
                out.push(column_index_statement(
                    self,
                    table,
                    &index.column,
                    index.unique,
                )?);
            }
        }
        for index in &op.indexes {
            out.push(self.create_index(index)?);
        }
        if self.separate_comments() {
            if let Some(comment) = &op.comment {
                out.push(self.table_comment_ddl(table, Some(comment)));
            }
            for column in &op.columns {
                if let Some(comment) = &column.comment {
                    out.push(self.column_comment_ddl(table, &column.name, Some(comment))?);
                }
            }
        }
        Ok(out)
    }

    fn drop_table(&self, op: &DropTable) -> Result<Vec<String>, DdlError> {
        reject_other_options(&op.other_options)?;
        self.naming_convention()
            .check_table_built(op.schema.as_deref(), &op.table_name)?;
        Ok(vec![format!(
            "\nDROP TABLE {}{}",
            if op.if_exists == Some(true) {
                "IF EXISTS "
            } else {
                ""
            },
            self.format_table(TableName::new(op.schema.as_deref(), &op.table_name))
        )])
    }

    /// Alembic's generic `RenameTable`: the new name is schema-qualified too.
    fn rename_table(&self, op: &RenameTable) -> Result<Vec<String>, DdlError> {
        let p = self.preparer();
        Ok(vec![format!(
            "{} RENAME TO {}",
            alter_table(p, op.schema.as_deref(), &op.old_table_name),
            p.format_table_name_dotted(op.schema.as_deref(), &op.new_table_name)
        )])
    }

    /// `ALTER TABLE ... ADD COLUMN`, then the constraints, index and comment the column
    /// implies (Alembic's `toimpl.add_column`).
    fn add_column(&self, op: &AddColumn) -> Result<Vec<String>, DdlError> {
        let p = self.preparer();
        let column = &op.column;
        if column.foreign_keys.iter().any(|fk| fk.use_alter) {
            return Err(DdlError::unsupported(
                "ForeignKey(use_alter=True) in add_column",
            ));
        }
        let columns = std::slice::from_ref(column);
        let resolved = ResolvedTable::new(columns, &[]);
        let table = TableName::new(op.schema.as_deref(), &op.table_name);
        self.naming_convention()
            .check_table_built(table.schema, table.name)?;
        let facts = column_facts(self, &resolved, &op.table_name, column)?;
        let mut text = format!(
            "{} ADD COLUMN {}{}",
            alter_table(p, op.schema.as_deref(), &op.table_name),
            if op.if_not_exists == Some(true) {
                "IF NOT EXISTS "
            } else {
                ""
            },
            self.column_ddl(column, facts)?
        );
        if op.inline_primary_key == Some(true) && column.primary_key {
            text.push_str(" PRIMARY KEY");
        }
        let inline_fk = op.inline_references == Some(true) && column.foreign_keys.len() == 1;
        if inline_fk {
            let fk = &column.foreign_keys[0];
            text.push_str(&format!(
                " REFERENCES {} ({})",
                p.format_qualified(fk.referent_schema.as_deref(), &fk.referent_table),
                p.quote(&fk.referent_column)
            ));
            text.push_str(&match_clause(fk.match_.as_deref())?);
            text.push_str(&self.cascade_clauses(fk.ondelete.as_deref(), fk.onupdate.as_deref())?);
            text.push_str(&deferrability(fk.deferrable, fk.initially.as_deref())?);
        }
        text.push_str(&inline_checks(self, table, column)?);
        let mut out = vec![text];
        for constraint in table::column_constraints(column, false)? {
            if inline_fk && matches!(constraint, TableConstraint::ForeignKey(_)) {
                continue;
            }
            let constraint = constraint.named(self.naming_convention(), table, false)?;
            out.push(add_constraint_statement(self, table, &constraint)?);
        }
        if let Some(index) = table::column_index(column) {
            out.push(column_index_statement(
                self,
                table,
                &index.column,
                index.unique,
            )?);
        }
        if self.separate_comments()
            && let Some(comment) = &column.comment
        {
            out.push(self.column_comment_ddl(table, &column.name, Some(comment))?);
        }
        Ok(out)
    }

    fn drop_column(&self, op: &DropColumn) -> Result<Vec<String>, DdlError> {
        reject_other_options(&op.other_options)?;
        let p = self.preparer();
        Ok(vec![format!(
            "{} DROP COLUMN {}{}",
            alter_table(p, op.schema.as_deref(), &op.table_name),
            if op.if_exists == Some(true) {
                "IF EXISTS "
            } else {
                ""
            },
            p.quote(&op.column_name)
        )])
    }

    /// Alembic's `toimpl.alter_column` around `DefaultImpl.alter_column`: drop the old
    /// type's constraints, nullable, server default, type, comment, rename, add the new
    /// type's constraints.
    fn alter_column(&self, op: &AlterColumn) -> Result<Vec<String>, DdlError> {
        reject_other_options(&op.other_options)?;
        if op.postgresql_using.is_some() {
            return Err(DdlError::unsupported("postgresql_using"));
        }
        alter_column_statements(self, op, AlterOrder::Generic)
    }

    fn create_index(&self, op: &IndexSpec) -> Result<String, DdlError> {
        reject_other_options(&op.other_options)?;
        reject_postgresql_index_options(op)?;
        let p = self.preparer();
        let Some(name) = &index_name(self, op)? else {
            // Alembic asserts the index has a name (no `ix` convention)
            return Err(DdlError::invalid_as("AssertionError", ""));
        };
        let elements = op
            .columns
            .iter()
            .map(|c| self.index_element(c))
            .collect::<Vec<_>>()
            .join(", ");
        Ok(format!(
            "CREATE {}INDEX {}{} ON {} ({elements})",
            if op.unique { "UNIQUE " } else { "" },
            if op.if_not_exists == Some(true) {
                "IF NOT EXISTS "
            } else {
                ""
            },
            constraint_name(p, name)?,
            self.format_table(TableName::new(op.schema.as_deref(), &op.table_name)),
        ))
    }

    fn drop_index(&self, op: &DropIndex) -> Result<String, DdlError> {
        reject_other_options(&op.other_options)?;
        if op.postgresql_concurrently {
            return Err(DdlError::unsupported("postgresql_concurrently"));
        }
        Ok(format!(
            "\nDROP INDEX {}{}",
            if op.if_exists == Some(true) {
                "IF EXISTS "
            } else {
                ""
            },
            schema_qualified_index_name(
                self.preparer(),
                op.schema.as_deref(),
                &drop_index_name(self, op)?
            )?
        ))
    }

    fn create_unique_constraint(
        &self,
        op: &CreateUniqueConstraint,
    ) -> Result<Vec<String>, DdlError> {
        reject_other_options(&op.other_options)?;
        if let Some(missing) = op
            .postgresql_include
            .iter()
            .find(|c| !op.columns.contains(c))
        {
            // Alembic builds the table from the constraint's columns only, and SQLAlchemy
            // raises a KeyError compiling it: left to SQLAlchemy, which raises it
            return Err(DdlError::unsupported(format!(
                "postgresql_include naming {missing:?}, not one of the constraint's columns"
            )));
        }
        let constraint = TableConstraint::Unique(UniqueSpec {
            name: op.constraint_name.clone(),
            columns: op.columns.clone(),
            deferrable: op.deferrable,
            initially: op.initially.clone(),
            include: op.postgresql_include.clone(),
            nulls_not_distinct: op.postgresql_nulls_not_distinct,
        });
        let table = TableName::new(op.schema.as_deref(), &op.table_name);
        let constraint = built_constraint(self, table, constraint)?;
        Ok(vec![add_constraint_statement(self, table, &constraint)?])
    }

    fn create_primary_key(&self, op: &CreatePrimaryKey) -> Result<Vec<String>, DdlError> {
        let constraint = TableConstraint::PrimaryKey(PrimaryKeySpec {
            name: op.constraint_name.clone(),
            columns: op.columns.clone(),
            ..PrimaryKeySpec::default()
        });
        let table = TableName::new(op.schema.as_deref(), &op.table_name);
        let constraint = built_constraint(self, table, constraint)?;
        Ok(vec![add_constraint_statement(self, table, &constraint)?])
    }

    fn create_foreign_key(&self, op: &CreateForeignKey) -> Result<Vec<String>, DdlError> {
        reject_other_options(&op.other_options)?;
        let constraint = TableConstraint::ForeignKey(ForeignKeySpec {
            name: op.constraint_name.clone(),
            columns: op.local_cols.clone(),
            referent_schema: op.referent_schema.clone(),
            referent_table: op.referent_table.clone(),
            referent_columns: op.remote_cols.clone(),
            onupdate: op.onupdate.clone(),
            ondelete: op.ondelete.clone(),
            deferrable: op.deferrable,
            initially: op.initially.clone(),
            match_: op.match_.clone(),
            use_alter: false,
            not_valid: op.postgresql_not_valid,
        });
        let table = TableName::new(op.source_schema.as_deref(), &op.source_table);
        // Alembic builds the referent table in the same MetaData: referred columns resolve
        self.naming_convention()
            .check_table_built(op.referent_schema.as_deref(), &op.referent_table)?;
        let constraint = built_constraint(self, table, constraint)?;
        Ok(vec![add_constraint_statement(self, table, &constraint)?])
    }

    fn create_check_constraint(&self, op: &CreateCheckConstraint) -> Result<Vec<String>, DdlError> {
        reject_other_options(&op.other_options)?;
        let constraint = TableConstraint::Check(CheckSpec {
            name: op.constraint_name.clone(),
            sqltext: op.condition.clone(),
            deferrable: op.deferrable,
            initially: op.initially.clone(),
            not_valid: op.postgresql_not_valid,
            columns: op.columns.clone(),
        });
        let table = TableName::new(op.schema.as_deref(), &op.table_name);
        let constraint = built_constraint(self, table, constraint)?;
        Ok(vec![add_constraint_statement(self, table, &constraint)?])
    }

    /// PostgreSQL only.
    fn create_exclude_constraint(
        &self,
        _op: &CreateExcludeConstraint,
    ) -> Result<Vec<String>, DdlError> {
        Err(DdlError::unsupported("create_exclude_constraint"))
    }

    fn drop_constraint(&self, op: &DropConstraint) -> Result<Vec<String>, DdlError> {
        let p = self.preparer();
        let convention = self.naming_convention();
        convention.check_table_built(op.schema.as_deref(), &op.table_name)?;
        let kind = match op.type_ {
            Some(crate::ops::ConstraintType::Foreignkey) => Kind::ForeignKey,
            Some(crate::ops::ConstraintType::Primary) => Kind::PrimaryKey,
            Some(crate::ops::ConstraintType::Unique) => Kind::Unique,
            Some(crate::ops::ConstraintType::Check) => Kind::Check,
            None => Kind::Constraint,
        };
        let name = convention
            .name_for(&Target {
                kind,
                table_schema: op.schema.as_deref(),
                table_name: &op.table_name,
                name: Some(&op.constraint_name),
                columns: &[],
                referent: None,
            })?
            .unwrap_or_else(|| op.constraint_name.clone());
        Ok(vec![format!(
            "ALTER TABLE {} DROP CONSTRAINT {}{}",
            self.format_table(TableName::new(op.schema.as_deref(), &op.table_name)),
            if op.if_exists == Some(true) {
                "IF EXISTS "
            } else {
                ""
            },
            constraint_name(p, &name)?
        )])
    }

    fn create_table_comment(&self, op: &CreateTableComment) -> Result<Vec<String>, DdlError> {
        let table = TableName::new(op.schema.as_deref(), &op.table_name);
        Ok(vec![self.table_comment_ddl(table, Some(&op.comment))])
    }

    fn drop_table_comment(&self, op: &DropTableComment) -> Result<Vec<String>, DdlError> {
        let table = TableName::new(op.schema.as_deref(), &op.table_name);
        Ok(vec![self.table_comment_ddl(table, None)])
    }

    /// The SQL text compiled like `sa.text()`: `%` doubled for format/pyformat drivers and
    /// `:name` rendered in the driver's paramstyle (`NULL` with `literal_binds`). SQL that
    /// SQLAlchemy compiled already (a Core construct) is passed through.
    fn execute(&self, op: &Execute) -> Result<Vec<String>, DdlError> {
        if op.compiled {
            return Ok(vec![op.sqltext.clone()]);
        }
        let style = self.statement_style();
        let binds = style.text_binds(&op.sqltext)?;
        Ok(vec![render_text(
            &op.sqltext,
            self.preparer().double_percents(),
            binds,
        )])
    }

    /// Offline form: one `INSERT ... VALUES (<literals>)` per row, columns in table order.
    fn bulk_insert(&self, op: &BulkInsert) -> Result<Vec<String>, DdlError> {
        let p = self.preparer();
        let table = self.format_table(TableName::new(op.table.schema.as_deref(), &op.table.name));
        let mut out = Vec::with_capacity(op.rows.len());
        for row in &op.rows {
            if let Some(unknown) = row
                .keys()
                .find(|k| !op.table.columns.iter().any(|c| c.name == **k))
            {
                return Err(DdlError::invalid(format!(
                    "KeyError: {unknown:?} (no such column in the bulk_insert table)"
                )));
            }
            let mut names = Vec::new();
            let mut values = Vec::new();
            for column in &op.table.columns {
                if let Some(value) = row.get(&column.name) {
                    let type_ddl = self
                        .type_ddl(&column.type_)
                        .unwrap_or_else(|_| column.type_.describe());
                    names.push(p.quote(&column.name));
                    values.push(literal::render_for_type(
                        value,
                        &column.type_,
                        &type_ddl,
                        p.double_percents(),
                    )?);
                }
            }
            if names.is_empty() {
                out.push(format!("INSERT INTO {table} DEFAULT VALUES"));
            } else {
                out.push(format!(
                    "INSERT INTO {table} ({}) VALUES ({})",
                    names.join(", "),
                    values.join(", ")
                ));
            }
        }
        Ok(out)
    }

    // ---------------------------------------------------------------------------------
    // Compiler hooks
    // ---------------------------------------------------------------------------------

    /// SQLAlchemy's `format_table`: the schema quoted as one name.
    fn format_table(&self, table: TableName<'_>) -> String {
        self.preparer().format_qualified(table.schema, table.name)
    }

    /// The DDL of a column type (`GenericTypeCompiler`).
    fn type_ddl(&self, ty: &SqlType) -> Result<String, DdlError> {
        generic_type_ddl(self, ty)
    }

    /// Statements creating the named types the columns use, before CREATE TABLE.
    fn create_types_for_columns(
        &self,
        _columns: &[ColumnSpec],
        _session: &mut DdlSession,
    ) -> Result<Vec<String>, DdlError> {
        Ok(Vec::new())
    }

    /// `DDLCompiler.get_column_specification`: name, type, default, computed, identity,
    /// NOT NULL.
    fn column_ddl(&self, column: &ColumnSpec, facts: ColumnFacts) -> Result<String, DdlError> {
        let p = self.preparer();
        let mut text = format!(
            "{} {}",
            p.quote(&column.name),
            self.column_type_ddl(column)?
        );
        if let Some(default) = &column.server_default {
            text.push_str(" DEFAULT ");
            text.push_str(&self.server_default_ddl(default)?);
        }
        if let Some(computed) = &column.computed {
            text.push(' ');
            text.push_str(&self.computed_ddl(computed));
        }
        if let Some(identity) = &column.identity {
            text.push(' ');
            text.push_str(&identity_ddl(identity));
        }
        if !facts.nullable && column.identity.is_none() {
            text.push_str(" NOT NULL");
        }
        Ok(text)
    }

    /// A column's type, with SQLAlchemy's message for a column without one.
    fn column_type_ddl(&self, column: &ColumnSpec) -> Result<String, DdlError> {
        match &column.type_ {
            Some(ty) => self.type_ddl(ty),
            None => Err(DdlError::invalid(
                "Can't generate DDL for NullType(); did you forget to specify a type on this \
                 Column?",
            )),
        }
    }

    /// `render_default_string` for a server default.
    fn server_default_ddl(&self, default: &ServerDefault) -> Result<String, DdlError> {
        let double = self.preparer().double_percents();
        match default {
            ServerDefault::String { value } => Ok(string_literal(value, double)),
            ServerDefault::Text { sql } => Ok(render_text(sql, double, Binds::Null)),
            ServerDefault::Function { name } => function_call_ddl(self.preparer(), name),
            ServerDefault::Literal { value } => literal::render_untyped(value, double),
        }
    }

    /// `GENERATED ALWAYS AS (...) [STORED|VIRTUAL]`.
    fn computed_ddl(&self, computed: &ComputedSpec) -> String {
        let mut text = format!(
            "GENERATED ALWAYS AS ({})",
            render_text(
                &computed.sqltext,
                self.preparer().double_percents(),
                Binds::Null
            )
        );
        match computed.persisted {
            Some(true) => text.push_str(" STORED"),
            Some(false) => text.push_str(" VIRTUAL"),
            None => {}
        }
        text
    }

    /// `UNIQUE [NULLS [NOT] DISTINCT] (...)`: the NULLS clause (empty unless the dialect
    /// has it).
    fn unique_nulls_clause(&self, nulls_not_distinct: Option<bool>) -> Result<String, DdlError> {
        match nulls_not_distinct {
            None => Ok(String::new()),
            Some(_) => Err(DdlError::unsupported("postgresql_nulls_not_distinct")),
        }
    }

    /// ` INCLUDE (...)` of a PRIMARY KEY / UNIQUE constraint.
    fn include_clause(&self, include: &[String]) -> Result<String, DdlError> {
        if include.is_empty() {
            Ok(String::new())
        } else {
            Err(DdlError::unsupported("postgresql_include"))
        }
    }

    /// ` NOT VALID` of a CHECK / FOREIGN KEY constraint.
    fn not_valid_clause(&self, not_valid: bool) -> Result<String, DdlError> {
        if not_valid {
            Err(DdlError::unsupported("postgresql_not_valid"))
        } else {
            Ok(String::new())
        }
    }

    /// ` ON DELETE ...` / ` ON UPDATE ...` of a foreign key, validated.
    fn cascade_clauses(
        &self,
        ondelete: Option<&str>,
        onupdate: Option<&str>,
    ) -> Result<String, DdlError> {
        let mut text = String::new();
        if let Some(v) = ondelete {
            text.push_str(" ON DELETE ");
            text.push_str(validate_sql_phrase(v, Phrase::Keywords)?);
        }
        if let Some(v) = onupdate {
            text.push_str(" ON UPDATE ");
            text.push_str(validate_sql_phrase(v, Phrase::Keywords)?);
        }
        Ok(text)
    }

    /// One element of CREATE INDEX's column list.
    fn index_element(&self, column: &IndexColumn) -> String {
        match column {
            IndexColumn::Column(name) => self.preparer().quote(name),
            IndexColumn::Text(sql) => {
                render_text(sql, self.preparer().double_percents(), Binds::Null)
            }
        }
    }

    /// `COMMENT ON TABLE ... IS ...` (`None`: `IS NULL`).
    fn table_comment_ddl(&self, table: TableName<'_>, comment: Option<&str>) -> String {
        format!(
            "COMMENT ON TABLE {} IS {}",
            self.format_table(table),
            comment.map_or_else(
                || "NULL".to_owned(),
                |c| string_literal(c, self.preparer().double_percents())
            )
        )
    }

    /// `COMMENT ON COLUMN ...` (`None`: `IS NULL`); Alembic's base has no generic form.
    fn column_comment_ddl(
        &self,
        _table: TableName<'_>,
        _column: &str,
        _comment: Option<&str>,
    ) -> Result<String, DdlError> {
        Err(DdlError::unsupported("a column comment"))
    }

    /// `alter_column(comment=...)` (Alembic's own `ColumnComment` construct, which quotes the
    /// schema part by part, unlike SQLAlchemy's `SetColumnComment`).
    fn alter_column_comment_ddl(
        &self,
        _op: &AlterColumn,
        _comment: Option<&str>,
    ) -> Result<String, DdlError> {
        Err(DdlError::unsupported("alter_column(comment=...)"))
    }

    /// `ALTER COLUMN ... TYPE ...` of `alter_column(type_=...)`.
    fn alter_column_type_ddl(&self, op: &AlterColumn, ty: &SqlType) -> Result<String, DdlError> {
        let p = self.preparer();
        Ok(format!(
            "{} ALTER COLUMN {} TYPE {}",
            alter_table(p, op.schema.as_deref(), &op.table_name),
            p.quote(&op.column_name),
            self.type_ddl(ty)?
        ))
    }

    /// Adding, dropping or changing an identity with `alter_column(server_default=...)`.
    fn alter_identity_ddl(
        &self,
        _op: &AlterColumn,
        _new: Option<&IdentitySpec>,
    ) -> Result<String, DdlError> {
        Err(DdlError::invalid(
            "Adding, removing, or modifying an \"identity\" construct, e.g. GENERATED AS \
             IDENTITY, to or from an existing column is not supported in this dialect.",
        ))
    }
}

// -------------------------------------------------------------------------------------
// Shared pieces (free functions so dialects can call them from their overrides)
// -------------------------------------------------------------------------------------

/// Refuse keyword arguments the model has no field for.
/// Refuses keyword arguments the model has no field for — except another dialect's
/// (`mysql_length=`), which SQLAlchemy's PostgreSQL compiler ignores too.
pub(crate) fn reject_other_options(options: &OtherOptions) -> Result<(), DdlError> {
    const OTHER_DIALECTS: [&str; 5] = ["mysql_", "mariadb_", "sqlite_", "mssql_", "oracle_"];
    match options
        .keys()
        .find(|k| !OTHER_DIALECTS.iter().any(|d| k.starts_with(d)))
    {
        Some(key) => Err(DdlError::unsupported(format!("the option {key}"))),
        None => Ok(()),
    }
}

fn reject_postgresql_index_options(op: &IndexSpec) -> Result<(), DdlError> {
    let set: [(&str, bool); 8] = [
        ("postgresql_where", op.postgresql_where.is_some()),
        ("postgresql_using", op.postgresql_using.is_some()),
        ("postgresql_include", !op.postgresql_include.is_empty()),
        ("postgresql_concurrently", op.postgresql_concurrently),
        ("postgresql_ops", !op.postgresql_ops.is_empty()),
        (
            "postgresql_nulls_not_distinct",
            op.postgresql_nulls_not_distinct.is_some(),
        ),
        ("postgresql_with", !op.postgresql_with.is_empty()),
        ("postgresql_tablespace", op.postgresql_tablespace.is_some()),
    ];
    match set.iter().find(|(_, present)| *present) {
        Some((name, _)) => Err(DdlError::unsupported(*name)),
        None => Ok(()),
    }
}

/// Alembic's `alter_table()`: `ALTER TABLE <schema parts quoted>.<name>`.
pub(crate) fn alter_table(p: &IdentifierPreparer, schema: Option<&str>, name: &str) -> String {
    format!("ALTER TABLE {}", p.format_table_name_dotted(schema, name))
}

/// A constraint or index name: length-checked, then quoted.
pub(crate) fn constraint_name(
    p: &IdentifierPreparer,
    name: &ObjectName,
) -> Result<String, DdlError> {
    p.format_constraint_name(name)
        .map_err(|m| DdlError::invalid_as("IdentifierError", m))
}

/// `schema.index` of DROP INDEX (the schema quoted as one name).
pub(crate) fn schema_qualified_index_name(
    p: &IdentifierPreparer,
    schema: Option<&str>,
    name: &ObjectName,
) -> Result<String, DdlError> {
    let name = constraint_name(p, name)?;
    Ok(match schema {
        Some(s) if !s.is_empty() => format!("{}.{name}", p.quote(s)),
        _ => name,
    })
}

/// ` [NOT] DEFERRABLE` and ` INITIALLY ...`.
pub(crate) fn deferrability(
    deferrable: Option<bool>,
    initially: Option<&str>,
) -> Result<String, DdlError> {
    let mut text = String::new();
    match deferrable {
        Some(true) => text.push_str(" DEFERRABLE"),
        Some(false) => text.push_str(" NOT DEFERRABLE"),
        None => {}
    }
    if let Some(initially) = initially {
        text.push_str(" INITIALLY ");
        text.push_str(validate_sql_phrase(initially, Phrase::Keywords)?);
    }
    Ok(text)
}

fn match_clause(match_: Option<&str>) -> Result<String, DdlError> {
    Ok(match match_ {
        Some(m) => format!(" MATCH {}", validate_sql_phrase(m, Phrase::Keywords)?),
        None => String::new(),
    })
}

fn preamble(p: &IdentifierPreparer, name: Option<&ObjectName>) -> Result<String, DdlError> {
    Ok(match name {
        Some(n) => format!("CONSTRAINT {} ", constraint_name(p, n)?),
        None => String::new(),
    })
}

fn quoted_list(p: &IdentifierPreparer, names: &[String]) -> String {
    names
        .iter()
        .map(|n| p.quote(n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table constraint's DDL, as in CREATE TABLE and after `ALTER TABLE ... ADD`.
pub(crate) fn constraint_ddl<D: DdlImpl + ?Sized>(
    imp: &D,
    constraint: &TableConstraint,
) -> Result<String, DdlError> {
    let p = imp.preparer();
    let double = p.double_percents();
    Ok(match constraint {
        TableConstraint::PrimaryKey(pk) => format!(
            "{}PRIMARY KEY ({}){}{}",
            preamble(p, pk.name.as_ref())?,
            quoted_list(p, &pk.columns),
            imp.include_clause(&pk.include)?,
            deferrability(pk.deferrable, pk.initially.as_deref())?
        ),
        TableConstraint::Unique(uq) => {
            if uq.columns.is_empty() {
                return Ok(String::new());
            }
            format!(
                "{}UNIQUE {}({}){}{}",
                preamble(p, uq.name.as_ref())?,
                imp.unique_nulls_clause(uq.nulls_not_distinct)?,
                quoted_list(p, &uq.columns),
                imp.include_clause(&uq.include)?,
                deferrability(uq.deferrable, uq.initially.as_deref())?
            )
        }
        TableConstraint::ForeignKey(fk) => format!(
            "{}FOREIGN KEY({}) REFERENCES {} ({}){}{}{}{}",
            preamble(p, fk.name.as_ref())?,
            quoted_list(p, &fk.columns),
            imp.format_table(TableName::new(
                fk.referent_schema.as_deref(),
                &fk.referent_table
            )),
            quoted_list(p, &fk.referent_columns),
            match_clause(fk.match_.as_deref())?,
            imp.cascade_clauses(fk.ondelete.as_deref(), fk.onupdate.as_deref())?,
            deferrability(fk.deferrable, fk.initially.as_deref())?,
            imp.not_valid_clause(fk.not_valid)?
        ),
        TableConstraint::Exclude(x) => imp.exclude_constraint_ddl(x)?,
        TableConstraint::Check(ck) => format!(
            "{}CHECK ({}){}{}",
            preamble(p, ck.name.as_ref())?,
            render_text(&ck.sqltext, double, Binds::Null),
            deferrability(ck.deferrable, ck.initially.as_deref())?,
            imp.not_valid_clause(ck.not_valid)?
        ),
        TableConstraint::EnumCheck {
            name,
            column,
            values,
        } => format!(
            "{}CHECK ({} IN ({}))",
            preamble(p, name.as_ref())?,
            p.quote(column),
            values
                .iter()
                .map(|v| string_literal(v, double))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// `ALTER TABLE <table> ADD <constraint>` (SQLAlchemy's `AddConstraint`).
pub(crate) fn add_constraint_statement<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    constraint: &TableConstraint,
) -> Result<String, DdlError> {
    Ok(format!(
        "ALTER TABLE {} ADD {}",
        imp.format_table(table),
        constraint_ddl(imp, constraint)?
    ))
}

/// `ALTER TABLE <table> DROP CONSTRAINT <name>` of a type-bound constraint.
fn drop_type_constraint_statement<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    constraint: &TableConstraint,
) -> Result<String, DdlError> {
    let name = match constraint {
        TableConstraint::EnumCheck { name: Some(n), .. } => n,
        _ => {
            return Err(DdlError::invalid(
                "Can't emit DROP CONSTRAINT for constraint CheckConstraint(...); it has no name",
            ));
        }
    };
    Ok(format!(
        "ALTER TABLE {} DROP CONSTRAINT {}",
        imp.format_table(table),
        constraint_name(imp.preparer(), name)?
    ))
}

/// The CHECK constraints written inside a column's definition.
fn inline_checks<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    column: &ColumnSpec,
) -> Result<String, DdlError> {
    let p = imp.preparer();
    let mut parts = Vec::new();
    for ck in &column.checks {
        // a column-level CHECK is named when its column joins the table
        let name = imp.naming_convention().name_for(&Target {
            kind: Kind::Check,
            table_schema: table.schema,
            table_name: table.name,
            name: ck.name.as_ref(),
            columns: &ck.columns,
            referent: None,
        })?;
        if ck.not_valid {
            return Err(DdlError::unsupported(
                "postgresql_not_valid on a column-level CheckConstraint",
            ));
        }
        parts.push(format!(
            "{}CHECK ({}){}",
            preamble(p, name.as_ref())?,
            render_text(&ck.sqltext, p.double_percents(), Binds::Null),
            deferrability(ck.deferrable, ck.initially.as_deref())?
        ));
    }
    Ok(if parts.is_empty() {
        String::new()
    } else {
        format!(" {}", parts.join(" "))
    })
}

fn column_facts<D: DdlImpl + ?Sized>(
    imp: &D,
    resolved: &ResolvedTable<'_>,
    table_name: &str,
    column: &ColumnSpec,
) -> Result<ColumnFacts, DdlError> {
    let describe = |t: &SqlType| imp.type_ddl(t).unwrap_or_else(|_| t.describe());
    let auto = resolved.autoincrement_column(table_name, &describe)?;
    Ok(ColumnFacts {
        primary_key: resolved.is_primary_key(column),
        nullable: resolved.nullable(column),
        autoincrement: auto.is_some_and(|a| std::ptr::eq(a, column)),
    })
}

/// `CREATE TABLE` (SQLAlchemy's `visit_create_table`, whitespace included).
fn create_table_statement<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &CreateTable,
) -> Result<String, DdlError> {
    let resolved = ResolvedTable::new(&op.columns, &op.constraints);
    let describe = |t: &SqlType| imp.type_ddl(t).unwrap_or_else(|_| t.describe());
    let auto = resolved.autoincrement_column(&op.table_name, &describe)?;
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    let convention = imp.naming_convention();
    let mut text = String::from("\nCREATE ");
    if !op.prefixes.is_empty() {
        text.push_str(&op.prefixes.join(" "));
        text.push(' ');
    }
    text.push_str("TABLE ");
    if op.if_not_exists == Some(true) {
        text.push_str("IF NOT EXISTS ");
    }
    text.push_str(&imp.format_table(TableName::new(op.schema.as_deref(), &op.table_name)));
    text.push_str(" (");
    let mut separator = "\n";
    for column in &op.columns {
        let facts = ColumnFacts {
            primary_key: resolved.is_primary_key(column),
            nullable: resolved.nullable(column),
            autoincrement: auto.is_some_and(|a| std::ptr::eq(a, column)),
        };
        let spec = imp
            .column_ddl(column, facts)
            .and_then(|spec| Ok(spec + &inline_checks(imp, table, column)?))
            .map_err(|e| match e {
                DdlError::Invalid {
                    op: name,
                    class,
                    message,
                } => DdlError::Invalid {
                    op: name,
                    class,
                    message: format!(
                        "(in table '{}', column '{}'): {message}",
                        op.table_name, column.name
                    ),
                },
                other => other,
            });
        text.push_str(separator);
        separator = ", \n";
        text.push('\t');
        text.push_str(&spec?);
    }
    let mut constraints: Vec<TableConstraint> = Vec::new();
    if let Some(mut pk) = resolved.primary_key_constraint(auto) {
        // named on the key's columns in table order (not the autoincrement-first order)
        let columns: Vec<String> = resolved
            .primary_key_columns()?
            .iter()
            .map(|c| c.name.clone())
            .collect();
        let named = TableConstraint::PrimaryKey(PrimaryKeySpec {
            columns,
            ..pk.clone()
        })
        .named(convention, table, false)?;
        if let TableConstraint::PrimaryKey(named) = named {
            pk.name = named.name;
        }
        constraints.push(TableConstraint::PrimaryKey(pk));
    }
    for c in &op.constraints {
        match c {
            ConstraintSpec::PrimaryKey(_) => {}
            ConstraintSpec::Unique(u) => constraints.push(TableConstraint::Unique(u.clone())),
            // use_alter ones are named (a failing convention fails) but not rendered
            ConstraintSpec::ForeignKey(f) => {
                constraints.push(TableConstraint::ForeignKey(f.clone()))
            }
            ConstraintSpec::Check(c) => constraints.push(TableConstraint::Check(c.clone())),
            ConstraintSpec::Exclude(x) => constraints.push(TableConstraint::Exclude(x.clone())),
        }
    }
    // SQLAlchemy names a column's constraints when the column joins the table, before the
    // table-level ones are appended (the order a failing convention reports in)
    let mut column_level = Vec::new();
    for column in &op.columns {
        for c in table::column_constraints(column, false)? {
            column_level.push(c.named(convention, table, false)?);
        }
    }
    let mut constraints = constraints
        .into_iter()
        .map(|c| match c {
            TableConstraint::PrimaryKey(_) => Ok(c),
            c => c.named(convention, table, false),
        })
        .collect::<Result<Vec<_>, _>>()?;
    constraints.extend(column_level);
    constraints.retain(|c| !matches!(c, TableConstraint::ForeignKey(fk) if fk.use_alter));
    let rendered = constraints
        .iter()
        .map(|c| constraint_ddl(imp, c))
        .collect::<Result<Vec<_>, _>>()?;
    if !rendered.is_empty() {
        text.push_str(separator);
        text.push('\t');
        text.push_str(&rendered.join(", \n\t"));
    }
    text.push_str("\n)\n\n");
    Ok(text)
}

/// `CREATE [UNIQUE] INDEX ix_<label> ON <table> (<column>)` for `Column(index=True)`.
fn column_index_statement<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    column: &str,
    unique: bool,
) -> Result<String, DdlError> {
    let p = imp.preparer();
    let columns = [column.to_owned()];
    let name = imp.naming_convention().name_for(&Target {
        kind: Kind::Index,
        table_schema: table.schema,
        table_name: table.name,
        name: None,
        columns: &columns,
        referent: None,
    })?;
    let Some(name) = name else {
        // Alembic asserts the index has a name (no `ix` convention)
        return Err(DdlError::invalid_as("AssertionError", ""));
    };
    Ok(format!(
        "CREATE {}INDEX {} ON {} ({})",
        if unique { "UNIQUE " } else { "" },
        constraint_name(p, &name)?,
        imp.format_table(table),
        p.quote(column)
    ))
}

/// A constraint op's constraint, on the table Alembic builds for it (in the convention's
/// MetaData): named by the convention.
pub(crate) fn built_constraint<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    constraint: TableConstraint,
) -> Result<TableConstraint, DdlError> {
    let convention = imp.naming_convention();
    convention.check_table_built(table.schema, table.name)?;
    constraint.named(convention, table, true)
}

/// The name of `create_index`'s index: given, or the `ix` convention's (`None`: neither).
pub(crate) fn index_name<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &IndexSpec,
) -> Result<Option<ObjectName>, DdlError> {
    let convention = imp.naming_convention();
    convention.check_table_built(op.schema.as_deref(), &op.table_name)?;
    if op.index_name.is_none() && op.columns.is_empty() {
        return Err(DdlError::unsupported("an unnamed index without columns"));
    }
    // Alembic gives a text() element a column named by its text
    let columns: Vec<String> = op
        .columns
        .iter()
        .map(|c| match c {
            IndexColumn::Column(c) | IndexColumn::Text(c) => c.clone(),
        })
        .collect();
    convention.name_for(&Target {
        kind: Kind::Index,
        table_schema: op.schema.as_deref(),
        table_name: &op.table_name,
        name: op.index_name.as_ref(),
        columns: &columns,
        referent: None,
    })
}

/// The name `drop_index` drops: Alembic builds the index (on table `no_table` when none is
/// given, with one column `x`) in the convention's MetaData.
pub(crate) fn drop_index_name<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &DropIndex,
) -> Result<ObjectName, DdlError> {
    let convention = imp.naming_convention();
    let table_name = op.table_name.as_deref().unwrap_or("no_table");
    convention.check_table_built(op.schema.as_deref(), table_name)?;
    Ok(convention
        .name_for(&Target {
            kind: Kind::Index,
            table_schema: op.schema.as_deref(),
            table_name,
            name: Some(&op.index_name),
            columns: &["x".to_owned()],
            referent: None,
        })?
        .unwrap_or_else(|| op.index_name.clone()))
}

/// `GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)]`.
pub(crate) fn identity_ddl(identity: &IdentitySpec) -> String {
    let mut text = format!(
        "GENERATED {} AS IDENTITY",
        if identity.always {
            "ALWAYS"
        } else {
            "BY DEFAULT"
        }
    );
    let options = identity_options(identity);
    if !options.is_empty() {
        text.push_str(&format!(" ({options})"));
    }
    text
}

/// `DDLCompiler.get_identity_options`.
pub(crate) fn identity_options(identity: &IdentitySpec) -> String {
    let mut parts = Vec::new();
    if let Some(v) = identity.increment {
        parts.push(format!("INCREMENT BY {v}"));
    }
    if let Some(v) = identity.start {
        parts.push(format!("START WITH {v}"));
    }
    if let Some(v) = identity.minvalue {
        parts.push(format!("MINVALUE {v}"));
    }
    if let Some(v) = identity.maxvalue {
        parts.push(format!("MAXVALUE {v}"));
    }
    if identity.nominvalue.is_some() {
        parts.push("NO MINVALUE".into());
    }
    if identity.nomaxvalue.is_some() {
        parts.push("NO MAXVALUE".into());
    }
    if let Some(v) = identity.cache {
        parts.push(format!("CACHE {v}"));
    }
    if let Some(cycle) = identity.cycle {
        parts.push(if cycle { "CYCLE" } else { "NO CYCLE" }.into());
    }
    parts.join(" ")
}

/// `sa.func.<name>()` without arguments, as SQLAlchemy 2.1 renders it.
pub(crate) fn function_call_ddl(p: &IdentifierPreparer, name: &str) -> Result<String, DdlError> {
    let lower = name.to_lowercase();
    const ANSI: [&str; 8] = [
        "current_date",
        "current_time",
        "current_timestamp",
        "current_user",
        "localtime",
        "localtimestamp",
        "session_user",
        "user",
    ];
    // Registered GenericFunctions that render `<lower name>()` with no arguments.
    const PLAIN: [&str; 34] = [
        "_regconfig_fn",
        "akeys",
        "all",
        "any",
        "array_agg",
        "avals",
        "coalesce",
        "concat",
        "cume_dist",
        "defined",
        "delete",
        "dense_rank",
        "hstore",
        "hstore_to_array",
        "hstore_to_matrix",
        "max",
        "min",
        "mode",
        "now",
        "percent_rank",
        "percentile_cont",
        "percentile_disc",
        "phraseto_tsquery",
        "plainto_tsquery",
        "random",
        "rank",
        "slice",
        "some",
        "sum",
        "to_tsquery",
        "to_tsvector",
        "ts_headline",
        "websearch_to_tsquery",
        "grouping",
    ];
    // Registered functions rendered some other way (count(*), CUBE(), ...) or needing
    // arguments.
    const OTHER_REGISTERED: [&str; 14] = [
        "aggregate_strings",
        "ansifunction",
        "cast",
        "char_length",
        "count",
        "cube",
        "extract",
        "grouping_sets",
        "next_value",
        "orderedsetagg",
        "returntypefromargs",
        "returntypefromoptionalargs",
        "rollup",
        "packagedfunction",
    ];
    if ANSI.contains(&lower.as_str()) {
        return Ok(lower.to_uppercase());
    }
    if lower == "sysdate" {
        return Ok("sysdate".into());
    }
    if lower == "pow" {
        return Ok("power()".into());
    }
    if PLAIN.contains(&lower.as_str()) {
        return Ok(format!("{lower}()"));
    }
    if OTHER_REGISTERED.contains(&lower.as_str()) {
        return Err(DdlError::unsupported(format!(
            "the function sa.func.{name}()"
        )));
    }
    let needs_quotes = name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    Ok(if needs_quotes {
        format!("{}()", p.quote_identifier(name))
    } else {
        format!("{name}()")
    })
}

/// SQLAlchemy's `GenericTypeCompiler`.
pub(crate) fn generic_type_ddl<D: DdlImpl + ?Sized>(
    imp: &D,
    ty: &SqlType,
) -> Result<String, DdlError> {
    let p = imp.preparer();
    let string_type = |name: &str, length: Option<u32>, collation: Option<&String>| {
        let mut text = name.to_owned();
        if let Some(n) = length.filter(|n| *n > 0) {
            text.push_str(&format!("({n})"));
        }
        if let Some(c) = collation {
            text.push_str(" COLLATE ");
            text.push_str(&p.quote(c));
        }
        text
    };
    Ok(match ty {
        SqlType::Integer => "INTEGER".into(),
        SqlType::BigInteger => "BIGINT".into(),
        SqlType::SmallInteger => "SMALLINT".into(),
        SqlType::String {
            length, collation, ..
        } => string_type("VARCHAR", *length, collation.as_ref()),
        SqlType::Text {
            length, collation, ..
        } => string_type("TEXT", *length, collation.as_ref()),
        SqlType::Char { length, collation } => string_type("CHAR", *length, collation.as_ref()),
        SqlType::Boolean => "BOOLEAN".into(),
        SqlType::Date => "DATE".into(),
        SqlType::DateTime { .. } => "DATETIME".into(),
        SqlType::Time { .. } => "TIME".into(),
        SqlType::Numeric { precision, scale } => match (precision, scale) {
            (None, _) => "NUMERIC".into(),
            (Some(p), None) => format!("NUMERIC({p})"),
            (Some(p), Some(s)) => format!("NUMERIC({p}, {s})"),
        },
        SqlType::Float { .. } => "FLOAT".into(),
        SqlType::Double => "DOUBLE".into(),
        SqlType::Real => "REAL".into(),
        SqlType::LargeBinary => "BLOB".into(),
        SqlType::Uuid { .. } => "CHAR(32)".into(),
        SqlType::Enum { values, length, .. } => {
            string_type("VARCHAR", Some(enum_length(values, *length)), None)
        }
        SqlType::Custom { sql } => sql.clone(),
        other => {
            return Err(DdlError::unsupported(format!(
                "the type {}",
                other.describe()
            )));
        }
    })
}

/// The VARCHAR length of a non-native Enum: `length=` or the longest label.
pub(crate) fn enum_length(values: &[String], length: Option<u32>) -> u32 {
    length.unwrap_or_else(|| {
        values
            .iter()
            .map(|v| v.chars().count() as u32)
            .max()
            .unwrap_or(0)
    })
}

/// Where `alter_column` puts `ALTER COLUMN ... TYPE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AlterOrder {
    /// `DefaultImpl.alter_column`: nullable, default, type, comment, rename.
    Generic,
    /// `PostgresqlImpl.alter_column`: type first, then the rest.
    TypeFirst,
}

/// `toimpl.alter_column` + `DefaultImpl.alter_column`.
pub(crate) fn alter_column_statements<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &AlterColumn,
    order: AlterOrder,
) -> Result<Vec<String>, DdlError> {
    let p = imp.preparer();
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    let alter = alter_table(p, op.schema.as_deref(), &op.table_name);
    let column = p.quote(&op.column_name);
    let mut out = Vec::new();

    if let (Some(existing), Some(_)) = (&op.existing_type, &op.type_) {
        imp.naming_convention()
            .check_table_built(table.schema, table.name)?;
        for constraint in table::type_constraints(&op.column_name, existing) {
            let constraint = constraint.named(imp.naming_convention(), table, false)?;
            out.push(drop_type_constraint_statement(imp, table, &constraint)?);
        }
    }
    let type_statement = |out: &mut Vec<String>| -> Result<(), DdlError> {
        if let Some(ty) = &op.type_ {
            out.push(imp.alter_column_type_ddl(op, ty)?);
        }
        Ok(())
    };
    if order == AlterOrder::TypeFirst {
        type_statement(&mut out)?;
    }
    if let Some(nullable) = op.nullable {
        out.push(format!(
            "{alter} ALTER COLUMN {column} {}",
            if nullable {
                "DROP NOT NULL"
            } else {
                "SET NOT NULL"
            }
        ));
    }
    if let Some(change) = &op.server_default {
        let existing = op.existing_server_default.as_ref();
        let computed = matches!(change, DefaultChange::Computed(_))
            || matches!(existing, Some(ColumnDefault::Computed(_)));
        let identity = matches!(change, DefaultChange::Identity(_))
            || matches!(existing, Some(ColumnDefault::Identity(_)));
        if computed {
            return Err(DdlError::invalid(
                "Adding or removing a \"computed\" construct, e.g. GENERATED ALWAYS AS, to or \
                 from an existing column is not supported.",
            ));
        }
        out.push(match change {
            DefaultChange::Drop if identity => imp.alter_identity_ddl(op, None)?,
            DefaultChange::Identity(new) => imp.alter_identity_ddl(op, Some(new))?,
            DefaultChange::Set(_) | DefaultChange::Computed(_) if identity => {
                return Err(DdlError::unsupported(
                    "replacing an identity with a server default",
                ));
            }
            DefaultChange::Drop => format!("{alter} ALTER COLUMN {column} DROP DEFAULT"),
            DefaultChange::Set(default) => format!(
                "{alter} ALTER COLUMN {column} SET DEFAULT {}",
                imp.server_default_ddl(default)?
            ),
            DefaultChange::Computed(_) => {
                return Err(DdlError::invalid("unreachable: computed handled above"));
            }
        });
    }
    if order == AlterOrder::Generic {
        type_statement(&mut out)?;
    }
    if let Some(change) = &op.comment {
        let comment = match change {
            CommentChange::Drop => None,
            CommentChange::Set(c) => Some(c.as_str()),
        };
        out.push(imp.alter_column_comment_ddl(op, comment)?);
    }
    if let Some(new_name) = &op.new_column_name {
        out.push(format!("{alter} RENAME {column} TO {}", p.quote(new_name)));
    }
    if let Some(ty) = &op.type_ {
        imp.naming_convention()
            .check_table_built(table.schema, table.name)?;
        for constraint in table::type_constraints(&op.column_name, ty) {
            let constraint = constraint.named(imp.naming_convention(), table, false)?;
            out.push(add_constraint_statement(imp, table, &constraint)?);
        }
    }
    Ok(out)
}
