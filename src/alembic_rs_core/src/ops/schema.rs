//! The schema objects ops carry: columns (`sa.Column`), table constraints, server defaults,
//! `sa.Identity`, `sa.Computed`, index elements. Field names follow SQLAlchemy's keyword
//! arguments; dialect options keep their `postgresql_` prefix on ops and drop it inside a
//! constraint spec (where they are known to be PostgreSQL's).

use indexmap::IndexMap;
use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::types::{SqlType, is_false};
use super::value::LiteralValue;

/// `sa.Column(...)` as used in `create_table` and `add_column`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    pub name: String,
    /// `None` is SQLAlchemy's `NullType`: no DDL can be generated for it.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<SqlType>,
    /// `None`: SQLAlchemy's default (`not primary_key`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nullable: Option<bool>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub primary_key: bool,
    #[serde(default, skip_serializing_if = "Autoincrement::is_auto")]
    pub autoincrement: Autoincrement,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_default: Option<ServerDefault>,
    /// The column has a Python-side `default=`: no DDL of its own, but it keeps SQLAlchemy
    /// from choosing SERIAL for an `autoincrement="auto"` primary key.
    #[serde(default, skip_serializing_if = "is_false")]
    pub client_default: bool,
    /// `unique=True`: an unnamed UNIQUE constraint (or, with `index=True`, a unique index).
    #[serde(default, skip_serializing_if = "is_false")]
    pub unique: bool,
    /// `index=True`: `CREATE INDEX ix_<table>_<column>` after the table/column is created.
    #[serde(default, skip_serializing_if = "is_false")]
    pub index: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<IdentitySpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub computed: Option<ComputedSpec>,
    /// `sa.ForeignKey(...)` arguments, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign_keys: Vec<ColumnForeignKey>,
    /// `sa.CheckConstraint(...)` arguments of the column (rendered inline).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckSpec>,
}

impl ColumnSpec {
    /// A plain nullable column of the given type.
    pub fn new(name: impl Into<String>, type_: SqlType) -> Self {
        ColumnSpec {
            name: name.into(),
            type_: Some(type_),
            nullable: None,
            primary_key: false,
            autoincrement: Autoincrement::Auto,
            server_default: None,
            client_default: false,
            unique: false,
            index: false,
            comment: None,
            identity: None,
            computed: None,
            foreign_keys: Vec::new(),
            checks: Vec::new(),
        }
    }
}

/// `Column(autoincrement=...)`: `"auto"` (default), `true`, `false` or `"ignore_fk"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Autoincrement {
    #[default]
    Auto,
    True,
    False,
    IgnoreFk,
}

impl Autoincrement {
    fn is_auto(&self) -> bool {
        *self == Autoincrement::Auto
    }
}

impl Serialize for Autoincrement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Autoincrement::Auto => s.serialize_str("auto"),
            Autoincrement::True => s.serialize_bool(true),
            Autoincrement::False => s.serialize_bool(false),
            Autoincrement::IgnoreFk => s.serialize_str("ignore_fk"),
        }
    }
}

/// The shape `Deserialize` accepts (the impls above are hand-written).
impl JsonSchema for Autoincrement {
    fn schema_name() -> Cow<'static, str> {
        "Autoincrement".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "`Column(autoincrement=...)`: `\"auto\"` (default), `true`, `false` or\n`\"ignore_fk\"`.",
            "anyOf": [
                {"type": "boolean"},
                {"type": "string", "enum": ["auto", "ignore_fk"]}
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Autoincrement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Str(String),
        }
        match Raw::deserialize(d)? {
            Raw::Bool(true) => Ok(Autoincrement::True),
            Raw::Bool(false) => Ok(Autoincrement::False),
            Raw::Str(s) if s == "auto" => Ok(Autoincrement::Auto),
            Raw::Str(s) if s == "ignore_fk" => Ok(Autoincrement::IgnoreFk),
            Raw::Str(s) => Err(serde::de::Error::custom(format!(
                "autoincrement must be true, false, \"auto\" or \"ignore_fk\", not {s:?}"
            ))),
        }
    }
}

/// A `server_default=` value. JSON: `{"kind": "string", "value": "x"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ServerDefault {
    /// A Python `str`: rendered as a quoted SQL string literal.
    String { value: String },
    /// `sa.text("...")`: SQL text, rendered as given (bind parameters become `NULL`).
    Text { sql: String },
    /// `sa.func.<name>()` with no arguments (`now()`, `CURRENT_TIMESTAMP`).
    Function { name: String },
    /// `sa.literal(value)`, `sa.true()`, `sa.false()`, `sa.null()`.
    Literal { value: LiteralValue },
}

/// `sa.Identity(...)`. An option that is `Some` is rendered, as SQLAlchemy does (even
/// `nominvalue=False` renders `NO MINVALUE`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentitySpec {
    #[serde(default, skip_serializing_if = "is_false")]
    pub always: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increment: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minvalue: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maxvalue: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominvalue: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nomaxvalue: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache: Option<i64>,
}

/// `sa.Computed(sqltext, persisted)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComputedSpec {
    pub sqltext: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persisted: Option<bool>,
}

/// `sa.ForeignKey("schema.table.column", ...)` on a column, with the target split.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnForeignKey {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referent_schema: Option<String>,
    pub referent_table: String,
    pub referent_column: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ObjectName>,
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
    /// `use_alter=True`: SQLAlchemy leaves the constraint out of CREATE TABLE (and Alembic
    /// does not add it afterwards).
    #[serde(default, skip_serializing_if = "is_false")]
    pub use_alter: bool,
}

/// A table constraint given to `create_table`. JSON: `{"kind": "unique", ...}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConstraintSpec {
    PrimaryKey(PrimaryKeySpec),
    Unique(UniqueSpec),
    ForeignKey(ForeignKeySpec),
    Check(CheckSpec),
    Exclude(ExcludeSpec),
}

/// `postgresql.ExcludeConstraint((column, operator), ..., name=, using=, where=,
/// deferrable=, initially=)`; `where` is SQL text (`sa.text` semantics).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExcludeSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ObjectName>,
    pub elements: Vec<(String, String)>,
    #[serde(rename = "where", default, skip_serializing_if = "Option::is_none")]
    pub where_: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub using: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initially: Option<String>,
}

/// `sa.PrimaryKeyConstraint(*columns, name=, deferrable=, initially=, postgresql_include=)`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrimaryKeySpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ObjectName>,
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initially: Option<String>,
    /// `postgresql_include`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
}

/// `sa.UniqueConstraint(*columns, name=, deferrable=, initially=, postgresql_include=,
/// postgresql_nulls_not_distinct=)`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UniqueSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ObjectName>,
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initially: Option<String>,
    /// `postgresql_include`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// `postgresql_nulls_not_distinct`: `true` NULLS NOT DISTINCT, `false` NULLS DISTINCT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nulls_not_distinct: Option<bool>,
}

/// `sa.ForeignKeyConstraint(columns, ["schema.table.col", ...], ...)` with the referent split.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ForeignKeySpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ObjectName>,
    pub columns: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referent_schema: Option<String>,
    pub referent_table: String,
    pub referent_columns: Vec<String>,
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
    /// See [`ColumnForeignKey::use_alter`].
    #[serde(default, skip_serializing_if = "is_false")]
    pub use_alter: bool,
    /// `postgresql_not_valid`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_valid: bool,
}

/// `sa.CheckConstraint(sqltext, name=, deferrable=, initially=, postgresql_not_valid=)`;
/// `sqltext` is SQL text (`sa.text` semantics).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ObjectName>,
    pub sqltext: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferrable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initially: Option<String>,
    /// `postgresql_not_valid`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_valid: bool,
    /// The columns an SQL-expression `sqltext` references (`CheckConstraint.columns`, in
    /// SQLAlchemy's order): naming conventions' column tokens read them. Text has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
}

/// One element of `create_index(columns=[...])`: a column name (quoted as an identifier) or
/// `sa.text(...)` (rendered as given). JSON: `{"column": "a"}` / `{"text": "lower(a)"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum IndexColumn {
    Column(String),
    Text(String),
}

/// A default a column has or gets: a server default, an identity, a computed expression.
/// JSON: `{"set": {...server default...}}`, `{"identity": {...}}`, `{"computed": {...}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ColumnDefault {
    Set(ServerDefault),
    Identity(IdentitySpec),
    Computed(ComputedSpec),
}

/// `alter_column(server_default=...)` when given: `"drop"` (Python `None`) or a new default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum DefaultChange {
    Drop,
    Set(ServerDefault),
    Identity(IdentitySpec),
    Computed(ComputedSpec),
}

/// `alter_column(comment=...)` when given: `"drop"` (Python `None`) or `{"set": "text"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CommentChange {
    Drop,
    Set(String),
}

/// Keyword arguments the Op model has no field for (`postgresql_partition_by=...`), kept so
/// the compiler can refuse them by name instead of silently emitting less.
pub type OtherOptions = IndexMap<String, serde_json::Value>;

/// A constraint or index name. JSON: `"pk_user"`, or `{"conv": "pk_user"}` for a name that
/// is final as given — `op.f("...")` or one a naming convention produced (SQLAlchemy's
/// `conv`). A final name longer than the dialect's limit is shortened with an md5 suffix,
/// as SQLAlchemy does; a plain one that long is an error.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ObjectName {
    pub text: String,
    pub conv: bool,
}

impl ObjectName {
    /// A name as the user wrote it.
    pub fn plain(text: impl Into<String>) -> Self {
        ObjectName {
            text: text.into(),
            conv: false,
        }
    }

    /// `op.f(text)`.
    pub fn conv(text: impl Into<String>) -> Self {
        ObjectName {
            text: text.into(),
            conv: true,
        }
    }
}

impl From<&str> for ObjectName {
    fn from(text: &str) -> Self {
        ObjectName::plain(text)
    }
}

impl From<String> for ObjectName {
    fn from(text: String) -> Self {
        ObjectName::plain(text)
    }
}

impl Serialize for ObjectName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.conv {
            use serde::ser::SerializeMap;
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry("conv", &self.text)?;
            map.end()
        } else {
            s.serialize_str(&self.text)
        }
    }
}

/// The shape `Deserialize` accepts (the impls above are hand-written).
impl JsonSchema for ObjectName {
    fn schema_name() -> Cow<'static, str> {
        "ObjectName".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A constraint or index name: `\"pk_user\"`, or `{\"conv\": \"pk_user\"}` for a\nname that is final as given (`op.f(...)`, a naming convention's).",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"conv": {"type": "string"}},
                    "required": ["conv"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for ObjectName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Conv {
            conv: String,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Plain(String),
            Conv(Conv),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Plain(text) => ObjectName::plain(text),
            Raw::Conv(Conv { conv }) => ObjectName::conv(conv),
        })
    }
}
