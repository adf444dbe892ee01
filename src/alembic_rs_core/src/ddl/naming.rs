//! Naming conventions (SQLAlchemy's `sql/naming.py`): the names constraints and indexes get
//! from `MetaData(naming_convention=...)`. Alembic builds the tables of its ops in a
//! `MetaData` carrying `target_metadata`'s convention, so an unnamed constraint of
//! `create_table` (or a constraint op given `None`) gets its conventional name, and a named
//! one is renamed when the convention has a `%(constraint_name)s` token.
//!
//! The convention crosses the boundary already resolved per kind of constraint (the Python
//! side runs SQLAlchemy's `_get_convention` for each class, so keys given as strings or as
//! classes both work). A template token the native side cannot render (a callable token, a
//! `%r` conversion, ...) is [`DdlError::Unsupported`]: the op is then compiled by SQLAlchemy,
//! never named differently.

use serde::{Deserialize, Serialize};

use super::DdlError;
use crate::ops::ObjectName;

/// The convention templates of one `MetaData`, per kind of constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamingConvention {
    /// `Index`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ix: Option<String>,
    /// `PrimaryKeyConstraint`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pk: Option<String>,
    /// `UniqueConstraint`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uq: Option<String>,
    /// `CheckConstraint` (also the CHECK of a non-native `Enum`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ck: Option<String>,
    /// `ForeignKeyConstraint`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fk: Option<String>,
    /// `postgresql.ExcludeConstraint`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude: Option<String>,
    /// A plain `sa.Constraint` (`drop_constraint` without `type_`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraint: Option<String>,
    /// The convention dict's string keys: a template token that is one of them is looked
    /// up in the dict (a callable token), which only SQLAlchemy can evaluate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dict_tokens: Vec<String>,
    /// Kinds whose convention is not a string template: only SQLAlchemy can apply it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opaque: Vec<String>,
}

impl Default for NamingConvention {
    /// SQLAlchemy's `DEFAULT_NAMING_CONVENTION`: `{"ix": "ix_%(column_0_label)s"}`.
    fn default() -> Self {
        NamingConvention {
            ix: Some("ix_%(column_0_label)s".to_owned()),
            pk: None,
            uq: None,
            ck: None,
            fk: None,
            exclude: None,
            constraint: None,
            dict_tokens: vec!["ix".to_owned()],
            opaque: Vec::new(),
        }
    }
}

/// The kind of schema object a convention is looked up for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Index,
    PrimaryKey,
    Unique,
    Check,
    ForeignKey,
    Exclude,
    Constraint,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Index => "ix",
            Kind::PrimaryKey => "pk",
            Kind::Unique => "uq",
            Kind::Check => "ck",
            Kind::ForeignKey => "fk",
            Kind::Exclude => "exclude",
            Kind::Constraint => "constraint",
        }
    }
}

/// The referent of a foreign key, for the `referred_*` tokens.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Referent<'a> {
    pub schema: Option<&'a str>,
    pub table: &'a str,
    pub columns: &'a [String],
    /// Whether SQLAlchemy can resolve the referred columns: only `create_foreign_key` puts
    /// the referent table in the op's `MetaData`; elsewhere `%(referred_column_0_name)s`
    /// raises `NoReferencedTableError`.
    pub resolvable: bool,
}

/// What a convention is applied to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Target<'a> {
    pub kind: Kind,
    pub table_schema: Option<&'a str>,
    pub table_name: &'a str,
    pub name: Option<&'a ObjectName>,
    /// `const.columns` (for a foreign key: its local columns).
    pub columns: &'a [String],
    pub referent: Option<Referent<'a>>,
}

impl NamingConvention {
    fn template(&self, kind: Kind) -> Result<Option<&str>, DdlError> {
        if self.opaque.iter().any(|k| k == kind.key()) {
            return Err(DdlError::unsupported(format!(
                "a naming convention for {:?} that is not a string template",
                kind.key()
            )));
        }
        Ok(match kind {
            Kind::Index => self.ix.as_deref(),
            Kind::PrimaryKey => self.pk.as_deref(),
            Kind::Unique => self.uq.as_deref(),
            Kind::Check => self.ck.as_deref(),
            Kind::ForeignKey => self.fk.as_deref(),
            Kind::Exclude => self.exclude.as_deref(),
            Kind::Constraint => self.constraint.as_deref(),
        })
    }

    /// `_constraint_name_for_table`: the name the object ends up with (`None`: unnamed).
    pub(crate) fn name_for(&self, target: &Target<'_>) -> Result<Option<ObjectName>, DdlError> {
        if let Some(name) = target.name
            && name.conv
        {
            return Ok(Some(name.clone()));
        }
        let Some(template) = self.template(target.kind)? else {
            return Ok(target.name.cloned());
        };
        if target.name.is_none() || template.contains("constraint_name") {
            return Ok(Some(ObjectName::conv(self.render(template, target)?)));
        }
        Ok(target.name.cloned())
    }

    /// The implicit primary key every `Table` gets when it is built: its (empty) name is
    /// run through the `pk` convention, so a convention with `%(constraint_name)s` (or an
    /// unknown token) fails every op that builds a table, as with SQLAlchemy.
    pub(crate) fn check_table_built(
        &self,
        schema: Option<&str>,
        table_name: &str,
    ) -> Result<(), DdlError> {
        if self.template(Kind::PrimaryKey)?.is_some() {
            self.name_for(&Target {
                kind: Kind::PrimaryKey,
                table_schema: schema,
                table_name,
                name: None,
                columns: &[],
                referent: None,
            })?;
        }
        Ok(())
    }

    /// `convention % ConventionDict(...)`: Python's `%` formatting with a mapping.
    fn render(&self, template: &str, target: &Target<'_>) -> Result<String, DdlError> {
        let unsupported =
            |what: &str| DdlError::unsupported(format!("naming convention {template:?}: {what}"));
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('%') => {
                    out.push('%');
                    continue;
                }
                Some('(') => {}
                _ => return Err(unsupported("a conversion without a mapping key")),
            }
            // Python counts nested parentheses in the key
            let mut key = String::new();
            let mut depth = 1;
            loop {
                match chars.next() {
                    Some('(') => {
                        depth += 1;
                        key.push('(');
                    }
                    Some(')') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                        key.push(')');
                    }
                    Some(ch) => key.push(ch),
                    None => return Err(unsupported("an incomplete format key")),
                }
            }
            let mut left = false;
            while let Some(&f) = chars.peek() {
                if matches!(f, '-' | '+' | ' ' | '#' | '0') {
                    left |= f == '-';
                    chars.next();
                } else {
                    break;
                }
            }
            let mut width = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                width.push(d);
                chars.next();
            }
            let mut precision: Option<String> = None;
            if chars.peek() == Some(&'.') {
                chars.next();
                let mut p = String::new();
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    p.push(d);
                    chars.next();
                }
                precision = Some(p);
            }
            while matches!(chars.peek(), Some('h' | 'l' | 'L')) {
                chars.next();
            }
            match chars.next() {
                Some('s') => {}
                Some(other) => return Err(unsupported(&format!("the %{other} conversion"))),
                None => return Err(unsupported("an incomplete format")),
            }
            let mut value = self.token(&key, target)?;
            if let Some(p) = precision {
                let p: usize = p.parse().unwrap_or(0);
                value = value.chars().take(p).collect();
            }
            let width: usize = width.parse().unwrap_or(0);
            let pad = width.saturating_sub(value.chars().count());
            if left {
                out.push_str(&value);
                out.extend(std::iter::repeat_n(' ', pad));
            } else {
                out.extend(std::iter::repeat_n(' ', pad));
                out.push_str(&value);
            }
        }
        Ok(out)
    }

    /// `ConventionDict.__getitem__`.
    fn token(&self, key: &str, t: &Target<'_>) -> Result<String, DdlError> {
        if self.dict_tokens.iter().any(|k| k == key) {
            return Err(DdlError::unsupported(format!(
                "the naming convention token %({key})s given in the convention dict (a callable)"
            )));
        }
        // str(KeyError(key)) is the key's repr
        let key_error = || DdlError::invalid_as("KeyError", key);
        match key {
            "table_name" => return Ok(t.table_name.to_owned()),
            "constraint_name" => {
                return match t.name {
                    Some(n) => Ok(n.text.clone()),
                    None => Err(DdlError::invalid_as(
                        "InvalidRequestError",
                        "Naming convention including %(constraint_name)s token requires that \
                         constraint is explicitly named.",
                    )),
                };
            }
            "referred_table_name" => {
                return match t.referent {
                    Some(r) if !t.columns.is_empty() => Ok(r.table.to_owned()),
                    _ => Err(DdlError::unsupported(
                        "%(referred_table_name)s on a constraint without foreign key elements",
                    )),
                };
            }
            _ => {}
        }
        let (referred, rest) = match key.strip_prefix("referred_") {
            Some(rest) => (true, rest),
            None => (false, key),
        };
        let Some(rest) = rest.strip_prefix("column_") else {
            return Err(key_error());
        };
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() {
            return Err(key_error());
        }
        let rest = &rest[digits.len()..];
        let (multiples, sep, rest) = if let Some(r) = rest.strip_prefix("_N_") {
            (true, "_", r)
        } else if let Some(r) = rest.strip_prefix("N_") {
            (true, "", r)
        } else if let Some(r) = rest.strip_prefix('_') {
            (false, "", r)
        } else {
            return Err(key_error());
        };
        let attr = match (referred, rest) {
            (false, "name" | "key") => Attr::Name,
            (false, "label") => Attr::Label,
            (true, "name") => Attr::Referred,
            _ => return Err(key_error()),
        };
        if multiples && digits != "0" {
            return Err(key_error());
        }
        if referred && t.referent.is_none() {
            return Err(DdlError::unsupported(format!(
                "%({key})s on a constraint that is not a foreign key"
            )));
        }
        if multiples {
            let values = (0..t.columns.len())
                .map(|i| self.column_value(attr, i, t))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(values.join(sep));
        }
        let idx: usize = digits.parse().map_err(|_| key_error())?;
        self.column_value(attr, idx, t)
    }

    fn column_value(&self, attr: Attr, idx: usize, t: &Target<'_>) -> Result<String, DdlError> {
        match attr {
            Attr::Name | Attr::Label => {
                let Some(col) = t.columns.get(idx) else {
                    return Ok(String::new());
                };
                Ok(match attr {
                    Attr::Label => match t.table_schema {
                        Some(s) if !s.is_empty() => {
                            format!("{}_{}_{col}", s.replace('.', "_"), t.table_name)
                        }
                        _ => format!("{}_{col}", t.table_name),
                    },
                    _ => col.clone(),
                })
            }
            Attr::Referred => {
                let r = t.referent.expect("checked by the caller");
                let (Some(local), Some(remote)) = (t.columns.get(idx), r.columns.get(idx)) else {
                    return Err(DdlError::unsupported(
                        "a referred_column index beyond the foreign key's columns",
                    ));
                };
                if !r.resolvable {
                    let table = match r.schema {
                        Some(s) => format!("{s}.{}", r.table),
                        None => r.table.to_owned(),
                    };
                    return Err(DdlError::invalid_as(
                        "NoReferencedTableError",
                        format!(
                            "Foreign key associated with column '{}.{local}' could not find \
                             table '{table}' with which to generate a foreign key to target \
                             column '{remote}'",
                            t.table_name
                        ),
                    ));
                }
                Ok(remote.clone())
            }
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Attr {
    Name,
    Label,
    Referred,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target<'a>(name: Option<&'a ObjectName>, columns: &'a [String]) -> Target<'a> {
        Target {
            kind: Kind::Unique,
            table_schema: None,
            table_name: "tablename",
            name,
            columns,
            referent: None,
        }
    }

    #[test]
    fn python_percent_formatting() {
        let cols = vec!["a".to_owned(), "b".to_owned()];
        let nc = NamingConvention {
            uq: Some("uq_%(table_name).3s_%(column_0_name)-5s|%%_%(column_0_N_name)s".into()),
            ..NamingConvention::default()
        };
        let name = nc.name_for(&target(None, &cols)).unwrap().unwrap();
        assert_eq!(name, ObjectName::conv("uq_tab_a    |%_a_b"));
    }

    #[test]
    fn callable_tokens_are_left_to_sqlalchemy() {
        let nc = NamingConvention {
            uq: Some("uq_%(table_name)s_%(column_names)s".into()),
            dict_tokens: vec!["column_names".into(), "uq".into()],
            ..NamingConvention::default()
        };
        let err = nc.name_for(&target(None, &[])).unwrap_err();
        assert!(matches!(err, DdlError::Unsupported { .. }), "{err:?}");
        let opaque = NamingConvention {
            opaque: vec!["uq".into()],
            ..NamingConvention::default()
        };
        let err = opaque.name_for(&target(None, &[])).unwrap_err();
        assert!(matches!(err, DdlError::Unsupported { .. }), "{err:?}");
        // a name given with op.f() is final whatever the convention
        let conv = ObjectName::conv("given");
        assert_eq!(nc.name_for(&target(Some(&conv), &[])).unwrap(), Some(conv));
    }

    #[test]
    fn unknown_token_is_a_key_error() {
        let nc = NamingConvention {
            uq: Some("uq_%(column_0_nam)s".into()),
            ..NamingConvention::default()
        };
        let err = nc.name_for(&target(None, &[])).unwrap_err();
        assert_eq!(err.message(), "column_0_nam");
    }
}
