//! Identifier quoting, as SQLAlchemy's `IdentifierPreparer` does it.
//!
//! A name is quoted when it is a reserved word (compared lower-cased), starts with a digit or
//! `$`, contains a character outside `[A-Za-z0-9_$]`, or is not all lower case. Quoting
//! doubles `"`; with a `format`/`pyformat` driver paramstyle (psycopg, the default offline
//! dialect) it also doubles `%`.

use std::collections::HashSet;

use crate::ops::ObjectName;

/// The quoting rules of one dialect.
#[derive(Clone, Debug)]
pub struct IdentifierPreparer {
    reserved_words: HashSet<&'static str>,
    double_percents: bool,
    max_identifier_length: usize,
}

impl IdentifierPreparer {
    /// `reserved_words` lower case; `double_percents` for `format`/`pyformat` paramstyles.
    pub fn new(
        reserved_words: &[&'static str],
        double_percents: bool,
        max_identifier_length: usize,
    ) -> Self {
        IdentifierPreparer {
            reserved_words: reserved_words.iter().copied().collect(),
            double_percents,
            max_identifier_length,
        }
    }

    /// Whether `%` is doubled in identifiers, string literals and SQL text.
    pub fn double_percents(&self) -> bool {
        self.double_percents
    }

    /// The longest constraint / index name the dialect accepts (PostgreSQL: 63).
    pub fn max_identifier_length(&self) -> usize {
        self.max_identifier_length
    }

    /// `IdentifierPreparer.quote`: quote `ident` if it needs it.
    pub fn quote(&self, ident: &str) -> String {
        if self.requires_quotes(ident) {
            self.quote_identifier(ident)
        } else {
            ident.to_owned()
        }
    }

    /// `IdentifierPreparer.quote_identifier`: always quote.
    pub fn quote_identifier(&self, ident: &str) -> String {
        let mut escaped = ident.replace('"', "\"\"");
        if self.double_percents {
            escaped = escaped.replace('%', "%%");
        }
        format!("\"{escaped}\"")
    }

    /// `IdentifierPreparer._requires_quotes`.
    pub fn requires_quotes(&self, ident: &str) -> bool {
        let Some(first) = ident.chars().next() else {
            return true;
        };
        let lower = ident.to_lowercase();
        self.reserved_words.contains(lower.as_str())
            || first.is_ascii_digit()
            || first == '$'
            || !ident.chars().all(is_legal_character)
            || lower != ident
    }

    /// SQLAlchemy's `format_table` / `format_sequence` / type names: `schema.name`, each
    /// part quoted on its own, the schema as a whole (a dot in it is part of the name). An
    /// empty schema counts as none.
    pub fn format_qualified(&self, schema: Option<&str>, name: &str) -> String {
        match schema {
            Some(s) if !s.is_empty() => format!("{}.{}", self.quote(s), self.quote(name)),
            _ => self.quote(name),
        }
    }

    /// Alembic's `format_table_name` (its own ALTER statements): the schema is split on `.`
    /// and each part quoted (`quote_dotted`).
    pub fn format_table_name_dotted(&self, schema: Option<&str>, name: &str) -> String {
        match schema {
            Some(s) if !s.is_empty() => {
                let dotted: Vec<String> = s.split('.').map(|p| self.quote(p)).collect();
                format!("{}.{}", dotted.join("."), self.quote(name))
            }
            _ => self.quote(name),
        }
    }

    /// A constraint or index name, quoted: a plain name is length-checked
    /// (`validate_identifier`), a final (`conv`) one longer than the limit is shortened to
    /// `name[:limit - 8] + "_" + md5(name)[-4:]`.
    pub fn format_constraint_name(&self, name: &ObjectName) -> Result<String, String> {
        let length = name.text.chars().count();
        if length <= self.max_identifier_length {
            return Ok(self.quote(&name.text));
        }
        if !name.conv {
            return Err(format!(
                "Identifier '{}' exceeds maximum length of {} characters",
                name.text, self.max_identifier_length
            ));
        }
        let digest = md5_hex(name.text.as_bytes());
        let kept: String = name
            .text
            .chars()
            .take(self.max_identifier_length.saturating_sub(8))
            .collect();
        Ok(self.quote(&format!("{kept}_{}", &digest[digest.len() - 4..])))
    }
}

/// `LEGAL_CHARACTERS = re.compile(r"^[A-Z0-9_$]+$", re.I)`. Python's case-insensitive
/// matching also accepts the characters whose case folds into `[A-Za-z]`: `ſ` (long s),
/// `ı` (dotless i), `K` (Kelvin) and `İ` (I with dot).
fn is_legal_character(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '_'
        || c == '$'
        || matches!(c, '\u{017f}' | '\u{0131}' | '\u{212a}' | '\u{0130}')
}

/// The hex md5 digest SQLAlchemy uses to shorten over-long generated names.
fn md5_hex(data: &[u8]) -> String {
    use md5::{Digest, Md5};
    Md5::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_rules() {
        let p = IdentifierPreparer::new(&["select", "user"], true, 63);
        assert_eq!(p.quote("plain"), "plain");
        assert_eq!(p.quote("user"), "\"user\"");
        assert_eq!(p.quote("User"), "\"User\"");
        assert_eq!(p.quote("1a"), "\"1a\"");
        assert_eq!(p.quote("a%b"), "\"a%%b\"");
        assert_eq!(p.quote("a\"b"), "\"a\"\"b\"");
        assert_eq!(p.quote(""), "\"\"");
        assert_eq!(p.quote("x$"), "x$");
        assert_eq!(p.format_table_name_dotted(Some("a.B"), "t"), "a.\"B\".t");
        assert_eq!(p.format_qualified(Some("a.B"), "t"), "\"a.B\".t");
        assert!(p.format_constraint_name(&"x".repeat(64).into()).is_err());
        assert_eq!(
            p.format_constraint_name(&ObjectName::conv("x".repeat(64)))
                .unwrap(),
            format!("{}_2456", "x".repeat(55))
        );
    }
}
