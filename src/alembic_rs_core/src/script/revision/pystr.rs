//! The few Python string behaviours Alembic's messages and parsing depend on (`str.strip`,
//! `str.splitlines`, `repr(str)`, `int(str)`, the `_relative_destination` regex), written out so
//! the text we produce is byte-identical to what CPython produces for the same input. The
//! generic `str` pieces live in `crate::pystr`.

pub(crate) use crate::pystr::{py_repr, py_splitlines, py_strip, py_tuple_repr};

/// A base-10 integer as CPython's `int(str)` reads it. Only ASCII digits are recognised
/// (CPython also accepts other Unicode decimal digits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PyInt {
    pub negative: bool,
    /// Decimal digits without leading zeros ("0" for zero).
    pub digits: String,
}

impl PyInt {
    /// `int(s)`: surrounding whitespace, one optional sign, digits with single underscores
    /// between them. `None` where Python raises `ValueError`.
    pub fn parse(s: &str) -> Option<PyInt> {
        let s = py_strip(s);
        let (negative, body) = match s.as_bytes().first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
            return None;
        }
        if !body.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
            return None;
        }
        let digits: String = body.chars().filter(|c| *c != '_').collect();
        let trimmed = digits.trim_start_matches('0');
        let digits = if trimmed.is_empty() { "0" } else { trimmed };
        Some(PyInt {
            negative: negative && digits != "0",
            digits: digits.to_string(),
        })
    }

    /// The value, saturating at the `i64` range: a walk of that many steps stops at the end
    /// of the graph long before, so saturation cannot change a result.
    pub fn value(&self) -> i64 {
        let mag: i64 = self.digits.parse().unwrap_or(i64::MAX);
        if self.negative { -mag } else { mag }
    }

    /// `"%d" % abs(value)`.
    pub fn abs_text(&self) -> &str {
        &self.digits
    }

    /// `"%s" % value`.
    pub fn text(&self) -> String {
        if self.negative {
            format!("-{}", self.digits)
        } else {
            self.digits.clone()
        }
    }
}

/// The groups of `re.compile(r"(?:(.+?)@)?(\w+)?((?:\+|-)\d+)").match(target)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RelativeSpec {
    pub branch_label: Option<String>,
    pub symbol: Option<String>,
    /// The signed digits as written, e.g. `"+2"` or `"-01"`.
    pub relative: String,
}

impl RelativeSpec {
    pub fn rel(&self) -> PyInt {
        PyInt::parse(&self.relative).unwrap_or(PyInt {
            negative: false,
            digits: "0".into(),
        })
    }
}

/// Python's `\w` for str patterns, approximated with Rust's alphanumeric test.
fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `(\w+)?((?:\+|-)\d+)` at byte `pos`: the symbol (possibly absent) and the signed digits.
/// Because `\w` never matches a sign, only the maximal word run can be followed by the sign,
/// so the regex's backtracking reduces to this single check.
fn match_tail(s: &str, pos: usize) -> Option<(Option<String>, String)> {
    let rest = &s[pos..];
    let word_len: usize = rest
        .chars()
        .take_while(|c| is_word(*c))
        .map(char::len_utf8)
        .sum();
    let after = &rest[word_len..];
    let mut it = after.char_indices();
    match it.next() {
        Some((_, '+' | '-')) => {}
        _ => return None,
    }
    let digits_len = after[1..].bytes().take_while(u8::is_ascii_digit).count();
    if digits_len == 0 {
        return None;
    }
    let symbol = (word_len > 0).then(|| rest[..word_len].to_string());
    Some((symbol, after[..1 + digits_len].to_string()))
}

/// `_relative_destination.match(target)`: anchored at the start, not at the end. The lazy
/// `(.+?)@` prefix is tried at each `@` from the left (it cannot cross a newline), then the
/// pattern without the prefix.
pub(crate) fn match_relative(target: &str) -> Option<RelativeSpec> {
    for (i, c) in target.char_indices() {
        if c == '\n' {
            break;
        }
        if c == '@'
            && i > 0
            && let Some((symbol, relative)) = match_tail(target, i + 1)
        {
            return Some(RelativeSpec {
                branch_label: Some(target[..i].to_string()),
                symbol,
                relative,
            });
        }
    }
    match_tail(target, 0).map(|(symbol, relative)| RelativeSpec {
        branch_label: None,
        symbol,
        relative,
    })
}

/// `text % {name: value, ...}` for templates that only use `%(name)s` and `%%`.
pub(crate) fn percent_format(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        if let Some(t) = tail.strip_prefix('%') {
            out.push('%');
            rest = t;
        } else if let Some(t) = tail.strip_prefix('(')
            && let Some(close) = t.find(")s")
            && let Some((_, v)) = values.iter().find(|(k, _)| *k == &t[..close])
        {
            out.push_str(v);
            rest = &t[close + 2..];
        } else {
            out.push('%');
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_regex_matches_like_python() {
        let m = match_relative("ae10+2").unwrap();
        assert_eq!(
            (m.branch_label, m.symbol, m.relative.as_str()),
            (None, Some("ae10".into()), "+2")
        );
        let m = match_relative("a@b@-1").unwrap();
        assert_eq!(
            (m.branch_label.as_deref(), m.symbol, m.relative.as_str()),
            (Some("a@b"), None, "-1")
        );
        let m = match_relative("lbl@head-1x").unwrap();
        assert_eq!(
            (
                m.branch_label.as_deref(),
                m.symbol.as_deref(),
                m.relative.as_str()
            ),
            (Some("lbl"), Some("head"), "-1")
        );
        assert!(match_relative("heads").is_none());
        assert!(match_relative("@-1").is_none());
        assert_eq!(
            match_relative("@@-1").unwrap().branch_label.as_deref(),
            Some("@")
        );
    }

    #[test]
    fn splitlines_and_strip() {
        assert_eq!(py_splitlines("a\r\nb\n\nc\n"), vec!["a", "b", "", "c"]);
        assert_eq!(py_strip("\u{1c} x \n"), "x");
    }

    #[test]
    fn int_parse() {
        assert_eq!(PyInt::parse(" -0_1 ").unwrap().text(), "-1");
        assert_eq!(PyInt::parse("-0").unwrap().value(), 0);
        assert!(PyInt::parse("1__0").is_none());
        assert!(PyInt::parse("ab").is_none());
    }
}
