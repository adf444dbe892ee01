//! SQLAlchemy and PostgreSQL types: `sa.String(30)`, `postgresql.JSONB`, `sa.Enum(...)`.

use ruff_python_ast::ExprCall;

use super::args::Args;
use crate::eval::scope::{POSTGRESQL_NAMES, SQLALCHEMY_NAMES, Scope};
use crate::eval::value::{Verdict, as_str};
use crate::ops::SqlType;

/// A type named by `path`, called with `call` (or referenced as a class when `None`).
/// `Ok(None)`: `path` is not a type.
pub(crate) fn type_call(
    scope: &Scope,
    path: &str,
    call: Option<&ExprCall>,
) -> Verdict<Option<SqlType>> {
    let (pg, name) = if let Some(name) = path.strip_prefix("sqlalchemy.dialects.postgresql.") {
        if !POSTGRESQL_NAMES.contains(&name) {
            return Ok(None);
        }
        (true, name)
    } else if let Some(name) = path.strip_prefix("sqlalchemy.") {
        if !SQLALCHEMY_NAMES.contains(&name) || name.contains('.') {
            return Ok(None);
        }
        (false, name)
    } else {
        return Ok(None);
    };
    let bind =
        |positional: &[&'static str], keyword_only: &[&'static str]| -> Verdict<Option<Args<'_>>> {
            call.map(|c| Args::bind(c, name, positional, false, keyword_only))
                .transpose()
        };
    let opt_u32 = |args: &Option<Args<'_>>, p: &str| match args {
        Some(a) => a.opt_u32(scope, p),
        None => Ok(None),
    };
    let opt_str = |args: &Option<Args<'_>>, p: &str| match args {
        Some(a) => a.opt_string(scope, p),
        None => Ok(None),
    };
    let flag = |args: &Option<Args<'_>>, p: &str, d: bool| match args {
        Some(a) => a.flag(scope, p, d),
        None => Ok(d),
    };
    let ignored_bool = |args: &Option<Args<'_>>, p: &str| -> Verdict<()> {
        if let Some(a) = args {
            a.opt_bool(scope, p)?;
        }
        Ok(())
    };
    let ignored_type = |args: &Option<Args<'_>>, p: &str| -> Verdict<()> {
        if let Some(a) = args {
            a.opt_type(scope, p)?;
        }
        Ok(())
    };
    let t = match name {
        "Integer" | "INTEGER" | "INT" => {
            bind(&[], &[])?;
            SqlType::Integer
        }
        "BigInteger" | "BIGINT" => {
            bind(&[], &[])?;
            SqlType::BigInteger
        }
        "SmallInteger" | "SMALLINT" => {
            bind(&[], &[])?;
            SqlType::SmallInteger
        }
        "String" | "VARCHAR" | "Unicode" | "Text" | "TEXT" | "UnicodeText" | "CHAR" => {
            let args = bind(&["length", "collation"], &[])?;
            let length = opt_u32(&args, "length")?;
            let collation = opt_str(&args, "collation")?;
            let unicode = matches!(name, "Unicode" | "UnicodeText");
            match name {
                "CHAR" => SqlType::Char { length, collation },
                "Text" | "TEXT" | "UnicodeText" => SqlType::Text {
                    length,
                    collation,
                    unicode,
                },
                _ => SqlType::String {
                    length,
                    collation,
                    unicode,
                },
            }
        }
        "Boolean" | "BOOLEAN" => {
            bind(&[], &[])?;
            SqlType::Boolean
        }
        "Date" | "DATE" => {
            bind(&[], &[])?;
            SqlType::Date
        }
        "DateTime" | "TIMESTAMP" | "Time" | "TIME" => {
            let args = if pg {
                bind(&["timezone", "precision"], &[])?
            } else {
                bind(&["timezone"], &[])?
            };
            let timezone = flag(&args, "timezone", false)?;
            let precision = opt_u32(&args, "precision")?;
            if matches!(name, "DateTime" | "TIMESTAMP") {
                SqlType::DateTime {
                    timezone,
                    precision,
                }
            } else {
                SqlType::Time {
                    timezone,
                    precision,
                }
            }
        }
        "Interval" => {
            bind(&[], &[])?;
            SqlType::Interval {
                fields: None,
                precision: None,
            }
        }
        "INTERVAL" => {
            let args = bind(&["precision", "fields"], &[])?;
            SqlType::Interval {
                fields: opt_str(&args, "fields")?,
                precision: opt_u32(&args, "precision")?,
            }
        }
        "Numeric" | "NUMERIC" => {
            let args = bind(&["precision", "scale"], &["asdecimal"])?;
            ignored_bool(&args, "asdecimal")?;
            SqlType::Numeric {
                precision: opt_u32(&args, "precision")?,
                scale: opt_u32(&args, "scale")?,
            }
        }
        "Float" | "FLOAT" => {
            let args = bind(&["precision"], &["asdecimal"])?;
            ignored_bool(&args, "asdecimal")?;
            SqlType::Float {
                precision: opt_u32(&args, "precision")?,
            }
        }
        "Double" | "DOUBLE_PRECISION" => {
            let args = bind(&[], &["asdecimal"])?;
            ignored_bool(&args, "asdecimal")?;
            SqlType::Double
        }
        "REAL" => {
            bind(&[], &[])?;
            SqlType::Real
        }
        "LargeBinary" | "BYTEA" => {
            bind(&[], &[])?;
            SqlType::LargeBinary
        }
        "JSON" | "JSONB" => {
            let args = if pg {
                bind(&["none_as_null", "astext_type"], &[])?
            } else {
                bind(&["none_as_null"], &[])?
            };
            ignored_bool(&args, "none_as_null")?;
            ignored_type(&args, "astext_type")?;
            if name == "JSONB" {
                SqlType::Jsonb
            } else {
                SqlType::Json
            }
        }
        "Uuid" => {
            let args = bind(&["as_uuid", "native_uuid"], &[])?;
            SqlType::Uuid {
                as_uuid: flag(&args, "as_uuid", true)?,
                native_uuid: flag(&args, "native_uuid", true)?,
            }
        }
        "UUID" => {
            let args = bind(&["as_uuid"], &[])?;
            SqlType::Uuid {
                as_uuid: flag(&args, "as_uuid", true)?,
                native_uuid: true,
            }
        }
        "INET" | "CIDR" | "TSVECTOR" | "CITEXT" => {
            bind(&[], &[])?;
            match name {
                "INET" => SqlType::Inet,
                "CIDR" => SqlType::Cidr,
                "TSVECTOR" => SqlType::Tsvector,
                _ => SqlType::Citext,
            }
        }
        "ARRAY" => {
            let Some(args) = bind(
                &["item_type", "as_tuple", "dimensions", "zero_indexes"],
                &[],
            )?
            else {
                return Err("ARRAY referenced without its item type".to_owned());
            };
            args.opt_bool(scope, "as_tuple")?;
            args.opt_bool(scope, "zero_indexes")?;
            let Some(item_type) = args.opt_type(scope, "item_type")? else {
                return Err("ARRAY without an item type".to_owned());
            };
            SqlType::Array {
                item_type: Box::new(item_type),
                dimensions: args.opt_u32(scope, "dimensions")?,
            }
        }
        "Enum" | "ENUM" => {
            let Some(call) = call else {
                return Err("Enum referenced without values".to_owned());
            };
            let keyword_only: &[&'static str] = if pg {
                &["name", "schema", "create_type"]
            } else {
                &[
                    "name",
                    "schema",
                    "native_enum",
                    "create_constraint",
                    "length",
                ]
            };
            let args = Args::bind(call, name, &[], true, keyword_only)?;
            let values = args
                .rest
                .iter()
                .map(|e| as_str(scope.value(e)?, "an Enum value"))
                .collect::<Verdict<Vec<_>>>()?;
            SqlType::Enum {
                values,
                name: args.opt_string(scope, "name")?,
                schema: args.opt_string(scope, "schema")?,
                native_enum: args.flag(scope, "native_enum", true)?,
                create_type: args.flag(scope, "create_type", true)?,
                length: args.opt_u32(scope, "length")?,
                create_constraint: args.flag(scope, "create_constraint", false)?,
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(t))
}
