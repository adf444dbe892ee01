//! Text-level rules shared by all dialects: `sa.text()` compilation, SQL string literals,
//! SQLAlchemy's keyword-phrase validation, and the Python `repr` forms SQLAlchemy's output and
//! error messages contain.

use super::DdlError;

pub(crate) use crate::pystr::{is_py_space as is_python_whitespace, py_repr as python_repr_str};

/// A DBAPI paramstyle (PEP 249), which decides `%` doubling and bind rendering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paramstyle {
    /// psycopg 3 and psycopg2's default: `%(name)s`, `%` doubled.
    #[default]
    Pyformat,
    /// pg8000: `%s`, `%` doubled.
    Format,
    /// `:name` (the standard offline env.py sets `dialect_opts={"paramstyle": "named"}`).
    Named,
    /// asyncpg: `$1`.
    NumericDollar,
    /// `:1`.
    Numeric,
    /// `?`.
    Qmark,
}

impl Paramstyle {
    /// From the DBAPI name (`"pyformat"`); `None` for a name PEP 249 does not define.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "pyformat" => Paramstyle::Pyformat,
            "format" => Paramstyle::Format,
            "named" => Paramstyle::Named,
            "numeric_dollar" => Paramstyle::NumericDollar,
            "numeric" => Paramstyle::Numeric,
            "qmark" => Paramstyle::Qmark,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Paramstyle::Pyformat => "pyformat",
            Paramstyle::Format => "format",
            Paramstyle::Named => "named",
            Paramstyle::NumericDollar => "numeric_dollar",
            Paramstyle::Numeric => "numeric",
            Paramstyle::Qmark => "qmark",
        }
    }

    /// `%` is doubled in SQL text, literals and identifiers (format/pyformat).
    pub fn doubles_percents(self) -> bool {
        matches!(self, Paramstyle::Pyformat | Paramstyle::Format)
    }
}

/// How `:name` bind parameters inside SQL text are rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Binds {
    /// DDL (`literal_binds=True`): a bind without a value renders `NULL`.
    Null,
    /// A statement compiled for the `pyformat` paramstyle: `%(name)s`.
    Pyformat,
    /// The `named` paramstyle: `:name`.
    Named,
    /// The `format` paramstyle: `%s`.
    Format,
}

/// `SQLCompiler.visit_textclause`: double `%` (format/pyformat paramstyles), render `:name`
/// binds (`(?<![:\w\\]):(\w+)(?![:\w])`), then turn `\:` escapes into `:`.
pub(crate) fn render_text(text: &str, double_percents: bool, binds: Binds) -> String {
    let text = if double_percents {
        text.replace('%', "%%")
    } else {
        text.to_owned()
    };
    let chars: Vec<char> = text.chars().collect();
    let mut with_binds = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ':'
            && (i == 0 || !(chars[i - 1] == ':' || chars[i - 1] == '\\' || is_word(chars[i - 1])))
        {
            let mut j = i + 1;
            while j < chars.len() && is_word(chars[j]) {
                j += 1;
            }
            if j > i + 1 && chars.get(j) != Some(&':') {
                let name: String = chars[i + 1..j].iter().collect();
                match binds {
                    Binds::Null => with_binds.push_str("NULL"),
                    Binds::Pyformat => {
                        with_binds.push_str("%(");
                        with_binds.push_str(&name);
                        with_binds.push_str(")s");
                    }
                    Binds::Named => {
                        with_binds.push(':');
                        with_binds.push_str(&name);
                    }
                    Binds::Format => with_binds.push_str("%s"),
                }
                i = j;
                continue;
            }
        }
        with_binds.push(c);
        i += 1;
    }
    // BIND_PARAMS_ESC = r"\\(:\w*)(?![:\w])"
    let chars: Vec<char> = with_binds.chars().collect();
    let mut out = String::with_capacity(with_binds.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && chars.get(i + 1) == Some(&':') {
            let mut j = i + 2;
            while j < chars.len() && is_word(chars[j]) {
                j += 1;
            }
            if chars.get(j) != Some(&':') {
                i += 1; // drop the backslash
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Python's `\w` with `re.UNICODE`.
pub(crate) fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `String().literal_processor`: `'...'` with `'` doubled (and `%` doubled for
/// format/pyformat paramstyles). Backslashes are left alone (PostgreSQL with
/// `standard_conforming_strings`, SQLAlchemy's default).
pub(crate) fn string_literal(value: &str, double_percents: bool) -> String {
    let mut escaped = value.replace('\'', "''");
    if double_percents {
        escaped = escaped.replace('%', "%%");
    }
    format!("'{escaped}'")
}

/// The regular expressions SQLAlchemy validates keyword phrases with.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Phrase {
    /// `SQL_KEYWORD_PHRASE = r"^\w+(?:\s+\w+)*$"` (INITIALLY, MATCH, ON UPDATE, ...).
    Keywords,
    /// PostgreSQL `IDX_USING = r"^(?:btree|hash|gist|gin|[\w_]+)$"` (re.I).
    IndexUsing,
    /// PostgreSQL's ON DELETE: keywords, optionally followed by a column list
    /// (`SET NULL (a, "b")`).
    PgOnDelete,
}

impl Phrase {
    fn pattern_repr(self) -> &'static str {
        match self {
            Phrase::Keywords => r"'^\\w+(?:\\s+\\w+)*$'",
            Phrase::IndexUsing => r"'^(?:btree|hash|gist|gin|[\\w_]+)$'",
            Phrase::PgOnDelete => {
                r#"'^\\w+(?:\\s+\\w+)*(?:\\s*\\(\\s*(?:[\\w$]+|"(?:[^"]|"")+")(?:\\s*,\\s*(?:[\\w$]+|"(?:[^"]|"")+"))*\\s*\\))?$'"#
            }
        }
    }

    fn matches(self, value: &str) -> bool {
        let chars: Vec<char> = value.chars().collect();
        let end_ok =
            |pos: usize| pos == chars.len() || (pos + 1 == chars.len() && chars[pos] == '\n');
        match self {
            Phrase::IndexUsing => {
                let n = word_run(&chars, 0);
                n > 0 && end_ok(n)
            }
            Phrase::Keywords => keywords(&chars).is_some_and(end_ok),
            Phrase::PgOnDelete => {
                let Some(pos) = keywords(&chars) else {
                    return false;
                };
                if end_ok(pos) {
                    return true;
                }
                column_list(&chars, pos).is_some_and(end_ok)
            }
        }
    }
}

fn word_run(chars: &[char], from: usize) -> usize {
    chars[from.min(chars.len())..]
        .iter()
        .take_while(|c| is_word(**c))
        .count()
}

fn space_run(chars: &[char], from: usize) -> usize {
    chars[from.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_whitespace())
        .count()
}

/// `\w+(?:\s+\w+)*` from the start; the position after it.
fn keywords(chars: &[char]) -> Option<usize> {
    let first = word_run(chars, 0);
    if first == 0 {
        return None;
    }
    let mut pos = first;
    loop {
        let spaces = space_run(chars, pos);
        if spaces == 0 {
            return Some(pos);
        }
        let word = word_run(chars, pos + spaces);
        if word == 0 {
            return Some(pos);
        }
        pos += spaces + word;
    }
}

/// `\s*\(\s*IDENT(?:\s*,\s*IDENT)*\s*\)` at `pos`; the position after it.
fn column_list(chars: &[char], pos: usize) -> Option<usize> {
    let mut pos = pos + space_run(chars, pos);
    if chars.get(pos) != Some(&'(') {
        return None;
    }
    pos += 1;
    loop {
        pos += space_run(chars, pos);
        pos = identifier(chars, pos)?;
        pos += space_run(chars, pos);
        match chars.get(pos) {
            Some(',') => pos += 1,
            Some(')') => return Some(pos + 1),
            _ => return None,
        }
    }
}

/// `(?:[\w$]+|"(?:[^"]|"")+")`.
fn identifier(chars: &[char], pos: usize) -> Option<usize> {
    if chars.get(pos) == Some(&'"') {
        let mut i = pos + 1;
        let mut n = 0;
        loop {
            match chars.get(i) {
                None => return None,
                Some('"') if chars.get(i + 1) == Some(&'"') => {
                    i += 2;
                    n += 1;
                }
                Some('"') => return (n > 0).then_some(i + 1),
                Some(_) => {
                    i += 1;
                    n += 1;
                }
            }
        }
    }
    let n = chars[pos.min(chars.len())..]
        .iter()
        .take_while(|c| is_word(**c) || **c == '$')
        .count();
    (n > 0).then_some(pos + n)
}

/// `IdentifierPreparer.validate_sql_phrase`.
pub(crate) fn validate_sql_phrase(value: &str, phrase: Phrase) -> Result<&str, DdlError> {
    if phrase.matches(value) {
        Ok(value)
    } else {
        Err(DdlError::invalid(format!(
            "Unexpected SQL phrase: {} (matching against {})",
            python_repr_str(value),
            phrase.pattern_repr()
        )))
    }
}

/// Python's `repr(float)` (shortest round-trip digits; exponent form below 1e-4 and from
/// 1e16 on). `None` for infinities and NaN.
pub(crate) fn python_float_repr(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let formatted = format!("{value:e}");
    let (mantissa, exponent) = formatted.split_once('e')?;
    let exponent: i32 = exponent.parse().ok()?;
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if digits.chars().all(|c| c == '0') {
        return Some(format!("{sign}0.0"));
    }
    let decpt = exponent + 1;
    let n = digits.len() as i32;
    let body = if decpt <= -4 || decpt > 16 {
        let (first, rest) = digits.split_at(1);
        let exp = decpt - 1;
        let exp_sign = if exp < 0 { '-' } else { '+' };
        if rest.is_empty() {
            format!("{first}e{exp_sign}{:02}", exp.abs())
        } else {
            format!("{first}.{rest}e{exp_sign}{:02}", exp.abs())
        }
    } else if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat((-decpt) as usize))
    } else if decpt >= n {
        format!("{digits}{}.0", "0".repeat((decpt - n) as usize))
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{int}.{frac}")
    };
    Some(format!("{sign}{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (123456789.123, "123456789.123"),
            (1.5e300, "1.5e+300"),
            (2.5e-300, "2.5e-300"),
            (1.5, "1.5"),
            (100.0, "100.0"),
        ];
        for (value, expected) in cases {
            assert_eq!(python_float_repr(value).unwrap(), expected, "{value}");
        }
        assert_eq!(python_float_repr(f64::NAN), None);
    }

    #[test]
    fn text_binds_and_escapes() {
        assert_eq!(
            render_text(
                "a = :x AND b = '10:30' AND c::text AND '\\:y'",
                true,
                Binds::Pyformat
            ),
            "a = %(x)s AND b = '10:30' AND c::text AND ':y'"
        );
        assert_eq!(render_text(":a:b :c", false, Binds::Null), ":a:b NULL");
        assert_eq!(render_text("'%'", true, Binds::Null), "'%%'");
    }

    #[test]
    fn phrases() {
        assert!(Phrase::Keywords.matches("SET NULL"));
        assert!(!Phrase::Keywords.matches("CASCADE)"));
        assert!(Phrase::PgOnDelete.matches("SET NULL (a, \"b\")"));
        assert!(!Phrase::PgOnDelete.matches("CASCADE; DROP"));
        assert!(Phrase::IndexUsing.matches("GIN"));
        assert!(!Phrase::IndexUsing.matches("gin("));
    }
}
