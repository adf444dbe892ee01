//! Literal values rendered into SQL: `bulk_insert` rows in offline mode and
//! `sa.literal(...)` server defaults — each type's `literal_processor`.

use super::DdlError;
use super::sql_text::{python_float_repr, python_repr_str, string_literal};
use crate::ops::{LiteralValue, SqlType, TaggedValue};

/// Python's `str()` of a value as SQLAlchemy's error messages show it (`repr` for strings).
fn describe_value(value: &LiteralValue) -> String {
    match value {
        LiteralValue::Null => "None".into(),
        LiteralValue::Bool(b) => if *b { "True" } else { "False" }.into(),
        LiteralValue::Int(i) => i.to_string(),
        LiteralValue::Float(f) => python_float_repr(*f).unwrap_or_else(|| f.to_string()),
        LiteralValue::String(s) => python_repr_str(s),
        LiteralValue::Tagged(TaggedValue::Decimal(s)) => format!("Decimal({})", python_repr_str(s)),
        LiteralValue::Tagged(TaggedValue::Uuid(s)) => format!("UUID({})", python_repr_str(s)),
        LiteralValue::Tagged(TaggedValue::Interval(s)) => format!("timedelta(seconds={s})"),
        LiteralValue::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(describe_value)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        LiteralValue::Tagged(
            TaggedValue::Date(s) | TaggedValue::DateTime(s) | TaggedValue::Time(s),
        ) => s.clone(),
    }
}

/// Render `value` for a column of type `ty` (`type_ddl` is the type's DDL, for messages).
pub(crate) fn render_for_type(
    value: &LiteralValue,
    ty: &SqlType,
    type_ddl: &str,
    double_percents: bool,
) -> Result<String, DdlError> {
    use LiteralValue as V;
    if matches!(value, V::Null) {
        return Ok("NULL".into());
    }
    let cannot_render = || {
        DdlError::invalid(format!(
            "Could not render literal value \"{}\" with datatype {type_ddl}; see parent stack \
             trace for more detail.",
            describe_value(value)
        ))
    };
    let unsupported = || {
        DdlError::unsupported(format!(
            "a {} value for a column of type {type_ddl}",
            value.python_type()
        ))
    };
    match ty {
        // PostgreSQL's ARRAY literal: `ARRAY[...]`, each item by the item type
        SqlType::Array { item_type, .. } => match value {
            V::List(items) => {
                let item_ddl = item_type.describe();
                let rendered = items
                    .iter()
                    .map(|item| match item {
                        V::Null => Err(cannot_render()),
                        _ => render_for_type(item, item_type, &item_ddl, double_percents),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(format!("ARRAY[{}]", rendered.join(", ")))
            }
            _ => Err(unsupported()),
        },
        // PostgreSQL's INTERVAL literal processor
        SqlType::Interval { .. } => match value {
            V::Tagged(TaggedValue::Interval(secs)) => Ok(format!("make_interval(secs=>{secs})")),
            _ => Err(unsupported()),
        },
        SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger => match value {
            V::Int(i) => Ok(i.to_string()),
            V::Bool(b) => Ok(if *b { "1" } else { "0" }.into()),
            V::String(s) if s.trim().parse::<i128>().is_err() => Err(cannot_render()),
            _ => Err(unsupported()),
        },
        SqlType::Numeric { .. } | SqlType::Float { .. } | SqlType::Double | SqlType::Real => {
            match value {
                V::Int(i) => Ok(i.to_string()),
                V::Float(f) => python_float_repr(*f).ok_or_else(unsupported),
                V::Tagged(TaggedValue::Decimal(d)) if is_decimal_text(d) => Ok(d.clone()),
                _ => Err(unsupported()),
            }
        }
        SqlType::Boolean => match value {
            V::Bool(b) => Ok(if *b { "true" } else { "false" }.into()),
            V::Int(i) => Ok(if *i != 0 { "true" } else { "false" }.into()),
            V::String(_) => Err(cannot_render()),
            _ => Err(unsupported()),
        },
        SqlType::String { .. }
        | SqlType::Text { .. }
        | SqlType::Char { .. }
        | SqlType::Enum { .. }
        | SqlType::Citext
        | SqlType::Inet
        | SqlType::Cidr => match value {
            V::String(s) => Ok(string_literal(s, double_percents)),
            V::Int(_) | V::Bool(_) | V::Float(_) => Err(cannot_render()),
            _ => Err(unsupported()),
        },
        // `Uuid.literal_processor`: with `as_uuid=False` the value is a str, rendered
        // without its dashes (a UUID object there fails in SQLAlchemy)
        SqlType::Uuid { as_uuid: false, .. } => match value {
            V::String(s) => Ok(string_literal(&s.replace('-', ""), double_percents)),
            V::Tagged(TaggedValue::Uuid(_)) => Err(DdlError::invalid(
                "AttributeError: 'UUID' object has no attribute 'replace'",
            )),
            _ => Err(unsupported()),
        },
        SqlType::Uuid { .. } => match value {
            V::String(s) | V::Tagged(TaggedValue::Uuid(s)) => {
                Ok(string_literal(s, double_percents))
            }
            _ => Err(unsupported()),
        },
        SqlType::Date => match value {
            V::Tagged(TaggedValue::Date(s)) => Ok(string_literal(s, double_percents)),
            V::String(_) => Err(cannot_render()),
            _ => Err(unsupported()),
        },
        SqlType::DateTime { .. } => match value {
            V::Tagged(TaggedValue::DateTime(s)) => {
                Ok(string_literal(&python_str_datetime(s), double_percents))
            }
            V::String(_) => Err(cannot_render()),
            _ => Err(unsupported()),
        },
        SqlType::Time { .. } => match value {
            V::Tagged(TaggedValue::Time(s)) => Ok(string_literal(s, double_percents)),
            V::String(_) => Err(cannot_render()),
            _ => Err(unsupported()),
        },
        SqlType::Json | SqlType::Jsonb => Err(DdlError::invalid(format!(
            "No literal value renderer is available for literal value \"{}\" with datatype \
             {type_ddl}",
            describe_value(value)
        ))),
        _ => Err(unsupported()),
    }
}

/// `sa.literal(value)`: the type follows the Python value.
pub(crate) fn render_untyped(
    value: &LiteralValue,
    double_percents: bool,
) -> Result<String, DdlError> {
    use LiteralValue as V;
    Ok(match value {
        V::Null => "NULL".into(),
        V::Bool(b) => if *b { "true" } else { "false" }.into(),
        V::Int(i) => i.to_string(),
        V::Float(f) => python_float_repr(*f)
            .ok_or_else(|| DdlError::unsupported(format!("the float literal {f}")))?,
        V::String(s) => string_literal(s, double_percents),
        V::Tagged(TaggedValue::Decimal(d)) if is_decimal_text(d) => d.clone(),
        V::Tagged(TaggedValue::Decimal(d)) => {
            return Err(DdlError::invalid(format!("invalid Decimal literal {d:?}")));
        }
        V::Tagged(TaggedValue::DateTime(s)) => {
            string_literal(&python_str_datetime(s), double_percents)
        }
        V::Tagged(TaggedValue::Date(s) | TaggedValue::Time(s) | TaggedValue::Uuid(s)) => {
            string_literal(s, double_percents)
        }
        V::Tagged(TaggedValue::Interval(secs)) => format!("make_interval(secs=>{secs})"),
        V::List(_) => {
            return Err(DdlError::unsupported(
                "sa.literal() of a list (its ARRAY type is inferred by SQLAlchemy)",
            ));
        }
    })
}

/// `str(datetime)`: the ISO form with a space instead of `T`.
fn python_str_datetime(iso: &str) -> String {
    match iso.find('T') {
        Some(10) => format!("{} {}", &iso[..10], &iso[11..]),
        _ => iso.to_owned(),
    }
}

/// The text Python's `str(Decimal)` can produce: `[-]digits[.digits][E[+-]digits]`,
/// `Infinity`, `NaN`.
fn is_decimal_text(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    if matches!(body, "Infinity" | "NaN" | "sNaN") {
        return true;
    }
    let (mantissa, exponent) = match body.split_once(['E', 'e']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = match frac {
        Some(f) => (digits(int) || int.is_empty()) && (digits(f) || (f.is_empty() && digits(int))),
        None => digits(int),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}
