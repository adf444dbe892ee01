//! Column types: SQLAlchemy's standard types and the PostgreSQL ones migrations use.
//!
//! A [`SqlType`] says *what* the user wrote (`sa.String(50)`, `postgresql.JSONB()`), not the
//! DDL; each dialect's compiler renders it (`VARCHAR(50)`, `JSONB`). A type the native
//! compiler does not know — a `TypeDecorator`, a third-party type — is compiled by
//! SQLAlchemy's own type compiler for the dialect and carried as [`SqlType::Custom`]: never
//! dropped, never guessed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One column type. JSON: `{"type": "string", "length": 50}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum SqlType {
    /// `sa.Integer` / `sa.INTEGER`.
    Integer,
    /// `sa.BigInteger` / `sa.BIGINT`.
    BigInteger,
    /// `sa.SmallInteger` / `sa.SMALLINT`.
    SmallInteger,
    /// `sa.String(length, collation)`, `sa.VARCHAR`; `unicode` = `sa.Unicode` (same DDL).
    String {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        length: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        collation: Option<String>,
        #[serde(default, skip_serializing_if = "is_false")]
        unicode: bool,
    },
    /// `sa.Text(length, collation)`; `unicode` = `sa.UnicodeText` (same DDL).
    Text {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        length: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        collation: Option<String>,
        #[serde(default, skip_serializing_if = "is_false")]
        unicode: bool,
    },
    /// `sa.CHAR(length, collation)`.
    Char {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        length: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        collation: Option<String>,
    },
    /// `sa.Boolean`.
    Boolean,
    /// `sa.Date`.
    Date,
    /// `sa.DateTime(timezone)`; `precision` = `postgresql.TIMESTAMP(precision=...)`.
    DateTime {
        #[serde(default, skip_serializing_if = "is_false")]
        timezone: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        precision: Option<u32>,
    },
    /// `sa.Time(timezone)`; `precision` = `postgresql.TIME(precision=...)`.
    Time {
        #[serde(default, skip_serializing_if = "is_false")]
        timezone: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        precision: Option<u32>,
    },
    /// `sa.Interval` / `postgresql.INTERVAL(fields, precision)`.
    Interval {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fields: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        precision: Option<u32>,
    },
    /// `sa.Numeric(precision, scale)`.
    Numeric {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        precision: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        scale: Option<u32>,
    },
    /// `sa.Float(precision)`.
    Float {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        precision: Option<u32>,
    },
    /// `sa.Double` / `sa.DOUBLE_PRECISION`.
    Double,
    /// `sa.REAL`.
    Real,
    /// `sa.LargeBinary` / `postgresql.BYTEA`.
    LargeBinary,
    /// `sa.JSON` / `postgresql.JSON`.
    Json,
    /// `postgresql.JSONB`.
    Jsonb,
    /// `sa.Uuid(as_uuid, native_uuid)` / `postgresql.UUID(as_uuid)`.
    Uuid {
        /// Python-side representation only; no effect on DDL.
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        as_uuid: bool,
        /// `False` stores the value as `CHAR(32)`.
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        native_uuid: bool,
    },
    /// `postgresql.ARRAY(item_type, dimensions)` / `sa.ARRAY`.
    Array {
        item_type: Box<SqlType>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dimensions: Option<u32>,
    },
    /// `postgresql.INET`.
    Inet,
    /// `postgresql.CIDR`.
    Cidr,
    /// `postgresql.TSVECTOR`.
    Tsvector,
    /// `postgresql.CITEXT`.
    Citext,
    /// `sa.Enum(*values, name=, schema=, native_enum=, length=, create_constraint=)` or
    /// `postgresql.ENUM(..., create_type=)`. `values` are the labels as SQLAlchemy stores them
    /// (for a Python `enum.Enum` class: the member names).
    Enum {
        values: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        schema: Option<String>,
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        native_enum: bool,
        /// `postgresql.ENUM(create_type=False)`: the type exists already.
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        create_type: bool,
        /// Non-native enum: the VARCHAR length (default: the longest label).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        length: Option<u32>,
        /// Non-native enum: add `CHECK (col IN (...))`.
        #[serde(default, skip_serializing_if = "is_false")]
        create_constraint: bool,
    },
    /// DDL text produced by SQLAlchemy's type compiler for the target dialect, for a type the
    /// native compiler does not model. Rendered verbatim.
    Custom { sql: String },
}

impl SqlType {
    /// The SQLAlchemy-ish name used in error messages.
    pub fn describe(&self) -> String {
        match self {
            SqlType::Custom { sql } => sql.clone(),
            other => serde_json::to_value(other)
                .ok()
                .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned))
                .unwrap_or_else(|| format!("{other:?}")),
        }
    }
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

pub(crate) fn is_true(b: &bool) -> bool {
    *b
}

pub(crate) fn yes() -> bool {
    true
}
