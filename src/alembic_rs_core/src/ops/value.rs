//! Literal Python values carried by ops: `bulk_insert` rows, `sa.literal(...)` server
//! defaults, `postgresql_with` index options.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A Python scalar. JSON: `null`, `true`, `5`, `1.5`, `"text"`, or a one-key object for the
/// values JSON has no scalar for: `{"decimal": "12.50"}`, `{"date": "2020-01-02"}`,
/// `{"date_time": "2020-01-02T03:04:05+00:00"}`, `{"time": "13:14:15"}`,
/// `{"uuid": "12345678-1234-5678-1234-567812345678"}` (Python's `str()` / `isoformat()`),
/// `{"interval": "5400.0"}` (`repr(timedelta.total_seconds())`); a `list` is a JSON array.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum LiteralValue {
    /// `None`.
    Null,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// A `float`.
    Float(f64),
    /// A `str`.
    String(String),
    /// A `list` (an ARRAY value).
    List(Vec<LiteralValue>),
    /// `Decimal`, `date`, `datetime`, `time`, `UUID`, `timedelta`.
    Tagged(TaggedValue),
}

/// The values JSON has no scalar for, each as the text Python's `str()` (`Decimal`, `UUID`)
/// or `isoformat()` (`date`, `datetime`, `time`) gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum TaggedValue {
    Decimal(String),
    Date(String),
    DateTime(String),
    Time(String),
    Uuid(String),
    /// A `timedelta` as `repr(td.total_seconds())`.
    Interval(String),
}

impl LiteralValue {
    /// The Python type name, for error messages.
    pub fn python_type(&self) -> &'static str {
        match self {
            LiteralValue::Null => "NoneType",
            LiteralValue::Bool(_) => "bool",
            LiteralValue::Int(_) => "int",
            LiteralValue::Float(_) => "float",
            LiteralValue::String(_) => "str",
            LiteralValue::List(_) => "list",
            LiteralValue::Tagged(TaggedValue::Decimal(_)) => "Decimal",
            LiteralValue::Tagged(TaggedValue::Date(_)) => "date",
            LiteralValue::Tagged(TaggedValue::DateTime(_)) => "datetime",
            LiteralValue::Tagged(TaggedValue::Time(_)) => "time",
            LiteralValue::Tagged(TaggedValue::Uuid(_)) => "UUID",
            LiteralValue::Tagged(TaggedValue::Interval(_)) => "timedelta",
        }
    }
}
