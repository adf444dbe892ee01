//! [`DdlImpl`]: what every dialect does, as default methods — Alembic's `DefaultImpl` and
//! `toimpl` plus the parts of SQLAlchemy's generic `DDLCompiler` / `GenericTypeCompiler`
//! they drive. A dialect overrides the hooks where it differs.

mod alter_column;
mod column_defaults;
mod columns;
mod comments;
mod constraints;
mod execute;
mod indexes;
mod tables;
mod types;

use crate::ddl::naming::NamingConvention;
use crate::ddl::quote::IdentifierPreparer;
use crate::ddl::{DdlError, DdlSession, StatementStyle};
use crate::ops::{
    AddColumn, AlterColumn, BulkInsert, ColumnSpec, ComputedSpec, CreateCheckConstraint,
    CreateExcludeConstraint, CreateForeignKey, CreatePrimaryKey, CreateTable, CreateTableComment,
    CreateUniqueConstraint, DropColumn, DropConstraint, DropIndex, DropTable, DropTableComment,
    ExcludeSpec, Execute, IdentitySpec, IndexColumn, IndexSpec, ObjectName, Op, OtherOptions,
    RenameTable, ServerDefault, SqlType,
};

// The shared pieces dialects call from their overrides.
pub(crate) use alter_column::{AlterOrder, alter_column_statements};
pub(crate) use column_defaults::{identity_ddl, identity_options};
pub(crate) use constraints::{built_constraint, deferrability};
pub(crate) use indexes::{drop_index_name, index_name, schema_qualified_index_name};
pub(crate) use types::{enum_length, generic_type_ddl};

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
        tables::create_table(self, op, session)
    }

    fn drop_table(&self, op: &DropTable) -> Result<Vec<String>, DdlError> {
        tables::drop_table(self, op)
    }

    /// Alembic's generic `RenameTable`: the new name is schema-qualified too.
    fn rename_table(&self, op: &RenameTable) -> Result<Vec<String>, DdlError> {
        tables::rename_table(self, op)
    }

    /// `ALTER TABLE ... ADD COLUMN`, then the constraints, index and comment the column
    /// implies (Alembic's `toimpl.add_column`).
    fn add_column(&self, op: &AddColumn) -> Result<Vec<String>, DdlError> {
        columns::add_column(self, op)
    }

    fn drop_column(&self, op: &DropColumn) -> Result<Vec<String>, DdlError> {
        columns::drop_column(self, op)
    }

    /// Alembic's `toimpl.alter_column` around `DefaultImpl.alter_column`: drop the old
    /// type's constraints, nullable, server default, type, comment, rename, add the new
    /// type's constraints.
    fn alter_column(&self, op: &AlterColumn) -> Result<Vec<String>, DdlError> {
        alter_column::alter_column(self, op)
    }

    fn create_index(&self, op: &IndexSpec) -> Result<String, DdlError> {
        indexes::create_index(self, op)
    }

    fn drop_index(&self, op: &DropIndex) -> Result<String, DdlError> {
        indexes::drop_index(self, op)
    }

    fn create_unique_constraint(
        &self,
        op: &CreateUniqueConstraint,
    ) -> Result<Vec<String>, DdlError> {
        constraints::create_unique_constraint(self, op)
    }

    fn create_primary_key(&self, op: &CreatePrimaryKey) -> Result<Vec<String>, DdlError> {
        constraints::create_primary_key(self, op)
    }

    fn create_foreign_key(&self, op: &CreateForeignKey) -> Result<Vec<String>, DdlError> {
        constraints::create_foreign_key(self, op)
    }

    fn create_check_constraint(&self, op: &CreateCheckConstraint) -> Result<Vec<String>, DdlError> {
        constraints::create_check_constraint(self, op)
    }

    /// PostgreSQL only.
    fn create_exclude_constraint(
        &self,
        _op: &CreateExcludeConstraint,
    ) -> Result<Vec<String>, DdlError> {
        Err(DdlError::unsupported("create_exclude_constraint"))
    }

    fn drop_constraint(&self, op: &DropConstraint) -> Result<Vec<String>, DdlError> {
        constraints::drop_constraint(self, op)
    }

    fn create_table_comment(&self, op: &CreateTableComment) -> Result<Vec<String>, DdlError> {
        comments::create_table_comment(self, op)
    }

    fn drop_table_comment(&self, op: &DropTableComment) -> Result<Vec<String>, DdlError> {
        comments::drop_table_comment(self, op)
    }

    /// The SQL text compiled like `sa.text()`: `%` doubled for format/pyformat drivers and
    /// `:name` rendered in the driver's paramstyle (`NULL` with `literal_binds`). SQL that
    /// SQLAlchemy compiled already (a Core construct) is passed through.
    fn execute(&self, op: &Execute) -> Result<Vec<String>, DdlError> {
        execute::execute(self, op)
    }

    /// Offline form: one `INSERT ... VALUES (<literals>)` per row, columns in table order.
    fn bulk_insert(&self, op: &BulkInsert) -> Result<Vec<String>, DdlError> {
        execute::bulk_insert(self, op)
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
        columns::column_ddl(self, column, facts)
    }

    /// A column's type, with SQLAlchemy's message for a column without one.
    fn column_type_ddl(&self, column: &ColumnSpec) -> Result<String, DdlError> {
        columns::column_type_ddl(self, column)
    }

    /// `render_default_string` for a server default.
    fn server_default_ddl(&self, default: &ServerDefault) -> Result<String, DdlError> {
        column_defaults::server_default_ddl(self, default)
    }

    /// `GENERATED ALWAYS AS (...) [STORED|VIRTUAL]`.
    fn computed_ddl(&self, computed: &ComputedSpec) -> String {
        column_defaults::computed_ddl(self, computed)
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
        constraints::cascade_clauses(ondelete, onupdate)
    }

    /// One element of CREATE INDEX's column list.
    fn index_element(&self, column: &IndexColumn) -> String {
        indexes::index_element(self, column)
    }

    /// `COMMENT ON TABLE ... IS ...` (`None`: `IS NULL`).
    fn table_comment_ddl(&self, table: TableName<'_>, comment: Option<&str>) -> String {
        comments::table_comment_ddl(self, table, comment)
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
        alter_column::alter_column_type_ddl(self, op, ty)
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
// Shared by every op's statements
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
