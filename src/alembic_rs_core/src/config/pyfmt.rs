//! Small pieces of Python semantics the configuration readers need to reproduce Alembic's
//! values and error text: `repr(str)`, `str.isspace`, `int(str)`, `asbool`, `str % dict`,
//! and pathlib's lexical normalisation.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;

pub(crate) use crate::pystr::{is_py_space as py_isspace, py_repr, py_rstrip, py_strip};

use super::ConfigError;

/// `int(s)` for a `str` (base 10): surrounding whitespace, a sign, `_` between digits.
pub(crate) fn py_int(s: &str) -> Result<i64, ConfigError> {
    let invalid = || ConfigError::Python {
        kind: "ValueError",
        message: format!("invalid literal for int() with base 10: {}", py_repr(s)),
    };
    let t = py_strip(s);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') {
        return Err(invalid());
    }
    let mut value: i64 = 0;
    let mut prev_underscore = false;
    for c in digits.chars() {
        if c == '_' {
            if prev_underscore {
                return Err(invalid());
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        // Python accepts any Unicode decimal digit; ASCII covers configuration files.
        let d = c.to_digit(10).ok_or_else(invalid)?;
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(d)))
            .ok_or_else(|| ConfigError::Unsupported(format!("integer {t} is out of range")))?;
    }
    Ok(if negative { -value } else { value })
}

/// `sqlalchemy.util.asbool` for a string.
pub(crate) fn py_asbool(s: &str) -> Result<bool, ConfigError> {
    match py_strip(s).to_lowercase().as_str() {
        "true" | "yes" | "on" | "y" | "t" | "1" => Ok(true),
        "false" | "no" | "off" | "n" | "f" | "0" => Ok(false),
        other => Err(ConfigError::Python {
            kind: "ValueError",
            message: format!("String is not true/false: {}", py_repr(other)),
        }),
    }
}

/// `template % mapping` for the conversions configuration files use (`%%`, `%(key)s`,
/// `%(key)r`). Other conversions are refused rather than approximated.
pub(crate) fn percent_format(
    template: &str,
    mapping: &IndexMap<String, String>,
) -> Result<String, ConfigError> {
    if !template.contains('%') {
        return Ok(template.to_owned());
    }
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(p) = rest.find('%') {
        out.push_str(&rest[..p]);
        rest = &rest[p + 1..];
        if let Some(after) = rest.strip_prefix('%') {
            out.push('%');
            rest = after;
            continue;
        }
        let Some(after_paren) = rest.strip_prefix('(') else {
            return Err(if rest.is_empty() {
                ConfigError::Python {
                    kind: "ValueError",
                    message: "incomplete format".to_owned(),
                }
            } else {
                ConfigError::Unsupported(format!("%-format without a key in {}", py_repr(template)))
            });
        };
        // Python balances nested parentheses inside the key.
        let mut depth = 1usize;
        let mut end = None;
        for (i, c) in after_paren.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            return Err(ConfigError::Python {
                kind: "ValueError",
                message: "incomplete format key".to_owned(),
            });
        };
        let key = &after_paren[..end];
        rest = &after_paren[end + 1..];
        let conversion = rest.chars().next();
        let value = mapping.get(key).ok_or_else(|| ConfigError::Python {
            kind: "KeyError",
            message: py_repr(key),
        })?;
        match conversion {
            Some('s') => out.push_str(value),
            Some('r') => out.push_str(&py_repr(value)),
            None => {
                return Err(ConfigError::Python {
                    kind: "ValueError",
                    message: "incomplete format".to_owned(),
                });
            }
            Some(other) => {
                return Err(ConfigError::Unsupported(format!(
                    "%-format conversion {other:?} in {}",
                    py_repr(template)
                )));
            }
        }
        rest = &rest[1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `str(pathlib.PurePosixPath(s))`: repeated and trailing slashes and `.` components dropped
/// (`..` kept), exactly two leading slashes preserved, the empty path is `.`.
pub(crate) fn pathlib_normalize(s: &str) -> String {
    if s.is_empty() {
        return ".".to_owned();
    }
    let root = if s.starts_with("//") && !s.starts_with("///") {
        "//"
    } else if s.starts_with('/') {
        "/"
    } else {
        ""
    };
    let parts: Vec<&str> = s
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let joined = parts.join("/");
    match (root, joined.is_empty()) {
        ("", true) => ".".to_owned(),
        (root, _) => format!("{root}{joined}"),
    }
}

/// `pathlib.Path(p).absolute()`: joined onto `cwd` when relative, normalised lexically only.
pub(crate) fn pathlib_absolute(p: &Path, cwd: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    };
    PathBuf::from(pathlib_normalize(&joined.to_string_lossy()))
}

/// `repr(pathlib.Path(p))` on POSIX.
pub(crate) fn pathlib_repr(p: &str) -> String {
    format!("PosixPath({})", py_repr(&pathlib_normalize(p)))
}
