//! Column types: SQLAlchemy's `GenericTypeCompiler`.

use super::DdlImpl;
use crate::ddl::DdlError;
use crate::ops::SqlType;

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
