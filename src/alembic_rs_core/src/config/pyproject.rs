//! The `[tool.alembic]` table of a `pyproject.toml` (`Config.toml_alembic_config`) and the
//! `%(here)s` substitution `Config._get_toml_config_value` applies to its values.

use std::path::Path;

use indexmap::IndexMap;

use super::pyfmt::percent_format;
use super::{ConfigError, ConfigValue};

/// Reads `[tool.alembic]`; a missing table is empty. The file must exist (Alembic only reads
/// it when `Path.exists()`).
pub(crate) fn read_tool_alembic(path: &Path) -> Result<IndexMap<String, ConfigValue>, ConfigError> {
    let bytes = std::fs::read(path).map_err(|e| ConfigError::Python {
        kind: "OSError",
        message: format!("{}: {e}", path.display()),
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| ConfigError::Toml {
        path: path.to_path_buf(),
        message: format!("Invalid UTF-8 ({e})"),
    })?;
    parse_tool_alembic(text).map_err(|message| match message {
        ParseFailure::Toml(message) => ConfigError::Toml {
            path: path.to_path_buf(),
            message,
        },
        ParseFailure::Other(e) => e,
    })
}

pub(crate) enum ParseFailure {
    Toml(String),
    Other(ConfigError),
}

pub(crate) fn parse_tool_alembic(
    text: &str,
) -> Result<IndexMap<String, ConfigValue>, ParseFailure> {
    let doc: toml::Table = toml::from_str(text)
        .map_err(|e| ParseFailure::Toml(e.to_string().trim_end().to_owned()))?;
    // `toml_data.get("tool", {}).get("alembic", {})`: a non-table `tool` has no `.get`.
    let tool = match doc.get("tool") {
        None => return Ok(IndexMap::new()),
        Some(toml::Value::Table(t)) => t,
        Some(other) => {
            return Err(ParseFailure::Other(ConfigError::Python {
                kind: "AttributeError",
                message: format!(
                    "'{}' object has no attribute 'get'",
                    ConfigValue::from_toml(other).python_type()
                ),
            }));
        }
    };
    match tool.get("alembic") {
        None => Ok(IndexMap::new()),
        Some(toml::Value::Table(t)) => Ok(t
            .iter()
            .map(|(k, v)| (k.clone(), ConfigValue::from_toml(v)))
            .collect()),
        Some(_) => Err(ParseFailure::Other(ConfigError::Command(
            "Incorrect TOML format".to_owned(),
        ))),
    }
}

/// `Config._get_toml_config_value`'s treatment of a present value: strings (alone, in a list,
/// or as values of a table or of a list of tables) are `%`-formatted with `toml_args`;
/// integers (and booleans, an `int` subclass in Python) are returned as they are.
pub(crate) fn substitute(
    name: &str,
    value: &ConfigValue,
    args: &IndexMap<String, String>,
) -> Result<ConfigValue, ConfigError> {
    let fmt = |v: &ConfigValue| -> Result<ConfigValue, ConfigError> {
        match v {
            ConfigValue::Str(s) => Ok(ConfigValue::Str(percent_format(s, args)?)),
            other => Err(ConfigError::Python {
                kind: "TypeError",
                message: format!(
                    "unsupported operand type(s) for %: '{}' and 'dict'",
                    other.python_type()
                ),
            }),
        }
    };
    let fmt_dict = |d: &IndexMap<String, ConfigValue>| -> Result<ConfigValue, ConfigError> {
        d.iter()
            .map(|(k, v)| Ok((k.clone(), fmt(v)?)))
            .collect::<Result<IndexMap<_, _>, ConfigError>>()
            .map(ConfigValue::Dict)
    };
    match value {
        ConfigValue::Str(_) => fmt(value),
        ConfigValue::List(items) => {
            if let Some(ConfigValue::Dict(_)) = items.first() {
                items
                    .iter()
                    .map(|item| match item {
                        ConfigValue::Dict(d) => fmt_dict(d),
                        other => Err(ConfigError::Python {
                            kind: "AttributeError",
                            message: format!(
                                "'{}' object has no attribute 'items'",
                                other.python_type()
                            ),
                        }),
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map(ConfigValue::List)
            } else {
                items
                    .iter()
                    .map(fmt)
                    .collect::<Result<Vec<_>, _>>()
                    .map(ConfigValue::List)
            }
        }
        ConfigValue::Dict(d) => fmt_dict(d),
        ConfigValue::Int(_) | ConfigValue::Bool(_) => Ok(value.clone()),
        ConfigValue::Float(_) | ConfigValue::Datetime(_) => Err(ConfigError::Command(format!(
            "unsupported TOML value type for key: {}",
            super::pyfmt::py_repr(name)
        ))),
    }
}
