//! The Op model: one Rust value per Alembic operation (`op.create_table(...)`,
//! `op.add_column(...)`, ...).
//!
//! Both producers build these values — the static evaluator (reading `upgrade()` from the
//! AST) and the Python `op` proxy (converting SQLAlchemy objects once) — and the dialect
//! compilers in [`crate::ddl`] only ever see them. Field names are Alembic's parameter names;
//! the serde shape (`{"op": "add_column", "table_name": ..., ...}`) is what the Python
//! binding and the test fixtures exchange. Every struct denies unknown fields; keyword
//! arguments the model has no field for travel in `other_options`, which compilers refuse
//! by name.
//!
//! - [`types`] — [`SqlType`].
//! - [`schema`] — columns, constraints, defaults, identity, computed, index elements.
//! - [`value`] — [`LiteralValue`] (bulk_insert rows, literal defaults).

pub mod schema;
pub mod types;
pub mod value;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use schema::{
    Autoincrement, CheckSpec, ColumnDefault, ColumnForeignKey, ColumnSpec, CommentChange,
    ComputedSpec, ConstraintSpec, DefaultChange, ExcludeSpec, ForeignKeySpec, IdentitySpec,
    IndexColumn, ObjectName, OtherOptions, PrimaryKeySpec, ServerDefault, UniqueSpec,
};
pub use types::SqlType;
pub use value::{LiteralValue, TaggedValue};

use types::is_false;

/// The JSON Schema (draft 2020-12) of the Op JSON as `Deserialize` accepts it: the one
/// description of what the Python `op` proxy builds. `python/alembic/operations/_op_types.py`
/// is generated from it and `op.schema.json` next to this file is its committed snapshot
/// (`tools/write_op_types.py` writes both; tests fail when either drifts).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Op);
    let mut text = serde_json::to_string_pretty(&schema).expect("a JSON Schema serializes");
    text.push('\n');
    text
}

/// One Alembic operation. JSON: internally tagged by `"op"` with Alembic's method name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    CreateTable(CreateTable),
    DropTable(DropTable),
    RenameTable(RenameTable),
    AddColumn(AddColumn),
    DropColumn(DropColumn),
    AlterColumn(AlterColumn),
    CreateIndex(IndexSpec),
    DropIndex(DropIndex),
    CreateUniqueConstraint(CreateUniqueConstraint),
    CreatePrimaryKey(CreatePrimaryKey),
    CreateForeignKey(CreateForeignKey),
    CreateCheckConstraint(CreateCheckConstraint),
    CreateExcludeConstraint(CreateExcludeConstraint),
    DropConstraint(DropConstraint),
    CreateTableComment(CreateTableComment),
    DropTableComment(DropTableComment),
    Execute(Execute),
    BulkInsert(BulkInsert),
}

impl Op {
    /// Alembic's name for the operation (`"create_table"`), used in error messages.
    pub fn name(&self) -> &'static str {
        match self {
            Op::CreateTable(_) => "create_table",
            Op::DropTable(_) => "drop_table",
            Op::RenameTable(_) => "rename_table",
            Op::AddColumn(_) => "add_column",
            Op::DropColumn(_) => "drop_column",
            Op::AlterColumn(_) => "alter_column",
            Op::CreateIndex(_) => "create_index",
            Op::DropIndex(_) => "drop_index",
            Op::CreateUniqueConstraint(_) => "create_unique_constraint",
            Op::CreatePrimaryKey(_) => "create_primary_key",
            Op::CreateForeignKey(_) => "create_foreign_key",
            Op::CreateCheckConstraint(_) => "create_check_constraint",
            Op::CreateExcludeConstraint(_) => "create_exclude_constraint",
            Op::DropConstraint(_) => "drop_constraint",
            Op::CreateTableComment(_) => "create_table_comment",
            Op::DropTableComment(_) => "drop_table_comment",
            Op::Execute(_) => "execute",
            Op::BulkInsert(_) => "bulk_insert",
        }
    }
}

/// `op.create_table(table_name, *columns_and_constraints, schema=, comment=, prefixes=,
/// if_not_exists=, **kw)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTable {
    pub table_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub columns: Vec<ColumnSpec>,
    /// Table-level constraint objects, in the order they were created.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<ConstraintSpec>,
    /// `sa.Index(...)` objects given to `create_table`: created after the table (and after
    /// the indexes of `index=True` columns), each as `create_index` would.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<IndexSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `prefixes=["TEMPORARY"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prefixes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_not_exists: Option<bool>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `op.drop_table(table_name, schema=, if_exists=)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DropTable {
    pub table_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_exists: Option<bool>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `op.rename_table(old_table_name, new_table_name, schema=)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RenameTable {
    pub old_table_name: String,
    pub new_table_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
}

/// `op.add_column(table_name, column, schema=, if_not_exists=, inline_references=,
/// inline_primary_key=)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddColumn {
    pub table_name: String,
    pub column: ColumnSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_not_exists: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inline_references: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inline_primary_key: Option<bool>,
}

/// `op.drop_column(table_name, column_name, schema=, if_exists=)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DropColumn {
    pub table_name: String,
    pub column_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_exists: Option<bool>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `op.alter_column(table_name, column_name, ...)`. `None` / absent = not changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlterColumn {
    pub table_name: String,
    pub column_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nullable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_default: Option<DefaultChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_column_name: Option<String>,
    /// `type_=`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<SqlType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<CommentChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postgresql_using: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_type: Option<SqlType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_nullable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_server_default: Option<ColumnDefault>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_comment: Option<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `op.create_index(index_name, table_name, columns, schema=, unique=, if_not_exists=,
/// postgresql_*=)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndexSpec {
    /// `None`: SQLAlchemy's default naming convention names it `ix_<table>_<first column>`.
    pub index_name: Option<ObjectName>,
    pub table_name: String,
    pub columns: Vec<IndexColumn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub unique: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_not_exists: Option<bool>,
    /// SQL text (`sa.text` semantics).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postgresql_where: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postgresql_using: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postgresql_include: Vec<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub postgresql_concurrently: bool,
    /// Column name -> operator class.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub postgresql_ops: IndexMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postgresql_nulls_not_distinct: Option<bool>,
    /// Storage parameters, in order.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub postgresql_with: IndexMap<String, LiteralValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postgresql_tablespace: Option<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `op.drop_index(index_name, table_name=, schema=, if_exists=, postgresql_concurrently=)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DropIndex {
    pub index_name: ObjectName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_exists: Option<bool>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub postgresql_concurrently: bool,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `op.create_unique_constraint(constraint_name, table_name, columns, schema=, deferrable=,
/// initially=, postgresql_include=, postgresql_nulls_not_distinct=)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUniqueConstraint {
    pub constraint_name: Option<ObjectName>,
    pub table_name: String,
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initially: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postgresql_include: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postgresql_nulls_not_distinct: Option<bool>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `op.create_primary_key(constraint_name, table_name, columns, schema=)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePrimaryKey {
    pub constraint_name: Option<ObjectName>,
    pub table_name: String,
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
}

/// `op.create_foreign_key(constraint_name, source_table, referent_table, local_cols,
/// remote_cols, onupdate=, ondelete=, deferrable=, initially=, match=, source_schema=,
/// referent_schema=, postgresql_not_valid=)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateForeignKey {
    pub constraint_name: Option<ObjectName>,
    pub source_table: String,
    pub referent_table: String,
    pub local_cols: Vec<String>,
    pub remote_cols: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onupdate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ondelete: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initially: Option<String>,
    #[serde(rename = "match", default, skip_serializing_if = "Option::is_none")]
    pub match_: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referent_schema: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub postgresql_not_valid: bool,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `op.create_check_constraint(constraint_name, table_name, condition, schema=,
/// deferrable=, initially=, postgresql_not_valid=)`; `condition` is SQL text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCheckConstraint {
    pub constraint_name: Option<ObjectName>,
    pub table_name: String,
    pub condition: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initially: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub postgresql_not_valid: bool,
    /// See [`CheckSpec::columns`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `op.create_exclude_constraint(constraint_name, table_name, *elements, where=, using=,
/// deferrable=, initially=, schema=)`; each element is `(column name, operator)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateExcludeConstraint {
    pub constraint_name: Option<ObjectName>,
    pub table_name: String,
    pub elements: Vec<(String, String)>,
    /// SQL text (`sa.text` semantics).
    #[serde(rename = "where", default, skip_serializing_if = "Option::is_none")]
    pub where_: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub using: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initially: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub other_options: OtherOptions,
}

/// `drop_constraint(type_=...)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ConstraintType {
    Foreignkey,
    Primary,
    Unique,
    Check,
}

/// `op.drop_constraint(constraint_name, table_name, type_=, schema=, if_exists=)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DropConstraint {
    pub constraint_name: ObjectName,
    pub table_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ConstraintType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_exists: Option<bool>,
}

/// `op.create_table_comment(table_name, comment, existing_comment=, schema=)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTableComment {
    pub table_name: String,
    pub comment: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
}

/// `op.drop_table_comment(table_name, existing_comment=, schema=)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DropTableComment {
    pub table_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
}

/// `op.execute(sqltext, execution_options=)` with a `str` or `sa.text(...)`: SQL text with
/// `sa.text` semantics (`:name` bind parameters, `\:` escapes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Execute {
    pub sqltext: String,
    /// `sqltext` is final SQL that SQLAlchemy compiled from a Core construct (`update()`,
    /// `insert()`, ...) for the context's dialect: emitted as given.
    #[serde(default, skip_serializing_if = "is_false")]
    pub compiled: bool,
    /// Carried for the executor; no effect on the SQL text.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub execution_options: IndexMap<String, serde_json::Value>,
}

/// `op.bulk_insert(table, rows, multiinsert=)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkInsert {
    pub table: TableClause,
    /// Each row maps column names to values; key order is irrelevant (columns are rendered
    /// in table order).
    pub rows: Vec<IndexMap<String, LiteralValue>>,
    /// Online executors use it to choose executemany; offline SQL is one INSERT per row
    /// either way.
    #[serde(default = "types::yes", skip_serializing_if = "types::is_true")]
    pub multiinsert: bool,
}

/// Whether running `op` online through SQLAlchemy (as Alembic does) differs from sending its
/// compiled text: `execute()` text with `:name` bind parameters (SQLAlchemy needs a value for
/// each and raises without one), `execute()` with `execution_options` (Alembic sets them on
/// the connection, where they stay for the rest of the run: `no_parameters` changes how the
/// driver treats `%` in every later statement), a `bulk_insert` with a JSON `None` or a
/// float (psycopg 3 binds a float as `float8`, so a `Numeric` column stores
/// `0.300000000000000000` where the literal `0.30000000000000004` stores itself), and a
/// `sa.Computed` without `persisted` (online SQLAlchemy compiles it for the server's version:
/// `STORED` and a warning before PostgreSQL 18, where offline it writes no keyword).
pub fn binds_differ_online(op: &Op) -> bool {
    let unpersisted = |c: &ColumnSpec| c.computed.as_ref().is_some_and(|c| c.persisted.is_none());
    match op {
        Op::Execute(e) => {
            !e.execution_options.is_empty()
                || (!e.compiled && crate::ddl::has_bind_parameters(&e.sqltext))
        }
        Op::BulkInsert(b) => b.binds_json_null() || b.binds_float(),
        Op::CreateTable(t) => t.columns.iter().any(unpersisted),
        Op::AddColumn(a) => unpersisted(&a.column),
        _ => false,
    }
}

impl BulkInsert {
    /// A float value: online the driver binds it (psycopg 3 as `float8`, cast by the
    /// server to the column's type), where the literal rendering is its decimal text.
    pub fn binds_float(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.values().any(|v| matches!(v, LiteralValue::Float(_))))
    }

    /// A `None` for a JSON column: online, SQLAlchemy binds it as JSON `null` (unless the
    /// type says `none_as_null`), while the literal rendering is SQL `NULL`; only running it
    /// through SQLAlchemy gives Alembic's row.
    pub fn binds_json_null(&self) -> bool {
        self.table.columns.iter().any(|c| {
            matches!(c.type_, SqlType::Json | SqlType::Jsonb)
                && self
                    .rows
                    .iter()
                    .any(|r| matches!(r.get(&c.name), Some(LiteralValue::Null)))
        })
    }
}

/// `sa.table(name, sa.column(name, type), ..., schema=)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableClause {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub columns: Vec<TableColumn>,
}

/// `sa.column(name, type)` of a [`TableClause`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableColumn {
    pub name: String,
    #[serde(rename = "type")]
    pub type_: SqlType,
}
