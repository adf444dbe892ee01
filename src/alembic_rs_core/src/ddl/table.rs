//! The table SQLAlchemy builds around a `create_table` / `add_column`: which columns are the
//! primary key, which column is the autoincrement one (SERIAL), nullability, and the
//! constraints and indexes the columns imply, in SQLAlchemy's order.

use super::DdlError;
use super::naming::{Kind, NamingConvention, Referent, Target};
use crate::ops::ObjectName;
use crate::ops::{
    Autoincrement, CheckSpec, ColumnSpec, ConstraintSpec, ExcludeSpec, ForeignKeySpec,
    PrimaryKeySpec, SqlType, UniqueSpec,
};

/// A constraint of a table, rendered in CREATE TABLE or `ALTER TABLE ... ADD`.
#[derive(Clone, Debug)]
pub(crate) enum TableConstraint {
    PrimaryKey(PrimaryKeySpec),
    Unique(UniqueSpec),
    ForeignKey(ForeignKeySpec),
    Check(CheckSpec),
    Exclude(ExcludeSpec),
    /// The CHECK a non-native `Enum(create_constraint=True)` adds: `col IN ('a', 'b')`.
    EnumCheck {
        name: Option<ObjectName>,
        column: String,
        values: Vec<String>,
    },
}

impl TableConstraint {
    /// The convention kind, the name, the constraint's columns and its referent.
    pub(crate) fn naming_target<'a>(
        &'a self,
        table: super::TableName<'a>,
        columns_buf: &'a mut Vec<String>,
        fk_resolvable: bool,
    ) -> Target<'a> {
        let (kind, name, referent) = match self {
            TableConstraint::PrimaryKey(pk) => {
                *columns_buf = pk.columns.clone();
                (Kind::PrimaryKey, pk.name.as_ref(), None)
            }
            TableConstraint::Unique(uq) => {
                *columns_buf = uq.columns.clone();
                (Kind::Unique, uq.name.as_ref(), None)
            }
            TableConstraint::ForeignKey(fk) => {
                *columns_buf = fk.columns.clone();
                let referent = Referent {
                    schema: fk.referent_schema.as_deref(),
                    table: &fk.referent_table,
                    columns: &fk.referent_columns,
                    resolvable: fk_resolvable,
                };
                (Kind::ForeignKey, fk.name.as_ref(), Some(referent))
            }
            TableConstraint::Check(ck) => {
                *columns_buf = ck.columns.clone();
                (Kind::Check, ck.name.as_ref(), None)
            }
            TableConstraint::Exclude(x) => {
                *columns_buf = x.elements.iter().map(|(c, _)| c.clone()).collect();
                (Kind::Exclude, x.name.as_ref(), None)
            }
            TableConstraint::EnumCheck { name, column, .. } => {
                *columns_buf = vec![column.clone()];
                (Kind::Check, name.as_ref(), None)
            }
        };
        Target {
            kind,
            table_schema: table.schema,
            table_name: table.name,
            name,
            columns: columns_buf,
            referent,
        }
    }

    pub(crate) fn set_name(&mut self, new: Option<ObjectName>) {
        match self {
            TableConstraint::PrimaryKey(pk) => pk.name = new,
            TableConstraint::Unique(uq) => uq.name = new,
            TableConstraint::ForeignKey(fk) => fk.name = new,
            TableConstraint::Check(ck) => ck.name = new,
            TableConstraint::Exclude(x) => x.name = new,
            TableConstraint::EnumCheck { name, .. } => *name = new,
        }
    }

    /// The constraint with the name `convention` gives it in `table`.
    pub(crate) fn named(
        mut self,
        convention: &NamingConvention,
        table: super::TableName<'_>,
        fk_resolvable: bool,
    ) -> Result<Self, DdlError> {
        let mut columns = Vec::new();
        let name = convention.name_for(&self.naming_target(table, &mut columns, fk_resolvable))?;
        self.set_name(name);
        Ok(self)
    }
}

/// An index a column implies (`index=True`).
#[derive(Clone, Debug)]
pub(crate) struct ColumnIndex {
    pub column: String,
    pub unique: bool,
}

pub(crate) struct ResolvedTable<'a> {
    pub columns: &'a [ColumnSpec],
    explicit_pk: Option<&'a PrimaryKeySpec>,
    /// The local columns of the table-level `ForeignKeyConstraint`s: their `ForeignKey`
    /// elements are in `Column.foreign_keys` too.
    fk_columns: Vec<&'a str>,
}

impl<'a> ResolvedTable<'a> {
    pub fn new(columns: &'a [ColumnSpec], constraints: &'a [ConstraintSpec]) -> Self {
        let explicit_pk = constraints.iter().rev().find_map(|c| match c {
            ConstraintSpec::PrimaryKey(pk) => Some(pk),
            _ => None,
        });
        let fk_columns = constraints
            .iter()
            .flat_map(|c| match c {
                ConstraintSpec::ForeignKey(fk) => fk.columns.as_slice(),
                _ => &[],
            })
            .map(String::as_str)
            .collect();
        ResolvedTable {
            columns,
            explicit_pk,
            fk_columns,
        }
    }

    fn column(&self, name: &str) -> Result<&'a ColumnSpec, DdlError> {
        self.columns
            .iter()
            .find(|c| c.name == name)
            .ok_or_else(|| DdlError::invalid(format!("KeyError: {name:?} (no such column)")))
    }

    /// The columns of the primary key, in the key's order.
    pub fn primary_key_columns(&self) -> Result<Vec<&'a ColumnSpec>, DdlError> {
        match self.explicit_pk {
            Some(pk) => pk.columns.iter().map(|n| self.column(n)).collect(),
            None => Ok(self.columns.iter().filter(|c| c.primary_key).collect()),
        }
    }

    pub fn is_primary_key(&self, column: &ColumnSpec) -> bool {
        column.primary_key
            || self
                .explicit_pk
                .is_some_and(|pk| pk.columns.contains(&column.name))
    }

    /// `Column.nullable` after the table is assembled.
    pub fn nullable(&self, column: &ColumnSpec) -> bool {
        column.nullable.unwrap_or_else(|| {
            !(column.primary_key || column.identity.is_some() || self.is_primary_key(column))
        })
    }

    /// `PrimaryKeyConstraint._autoincrement_column`; `describe` renders a type the way
    /// SQLAlchemy's messages show it.
    pub fn autoincrement_column(
        &self,
        table_name: &str,
        describe: &dyn Fn(&SqlType) -> String,
    ) -> Result<Option<&'a ColumnSpec>, DdlError> {
        let pk = self.primary_key_columns()?;
        let validate = |col: &ColumnSpec, autoinc_true: bool| -> Result<bool, DdlError> {
            let ty = col.type_.as_ref();
            let incompatible = |extra: String| {
                DdlError::invalid(format!(
                    "Column type {}{extra} on column '{table_name}.{}' is not compatible with \
                     autoincrement=True",
                    ty.map(describe).unwrap_or_else(|| "NULL".into()),
                    col.name
                ))
            };
            match ty {
                Some(SqlType::Numeric { scale, .. }) => {
                    if *scale != Some(0) && autoinc_true {
                        let scale = scale.map_or_else(|| "None".to_owned(), |s| s.to_string());
                        return Err(incompatible(format!(" with non-zero scale {scale}")));
                    } else if !autoinc_true {
                        return Ok(false);
                    }
                }
                Some(SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger) => {}
                _ => {
                    return if autoinc_true {
                        Err(incompatible(String::new()))
                    } else {
                        Ok(false)
                    };
                }
            }
            if !autoinc_true && (col.client_default || col.server_default.is_some()) {
                return Ok(false);
            }
            let has_foreign_keys =
                !col.foreign_keys.is_empty() || self.fk_columns.contains(&col.name.as_str());
            if has_foreign_keys
                && !matches!(
                    col.autoincrement,
                    Autoincrement::True | Autoincrement::IgnoreFk
                )
            {
                return Ok(false);
            }
            Ok(true)
        };
        if let [col] = pk.as_slice() {
            return match col.autoincrement {
                Autoincrement::True => {
                    validate(col, true)?;
                    Ok(Some(col))
                }
                Autoincrement::Auto | Autoincrement::IgnoreFk => {
                    Ok(validate(col, false)?.then_some(*col))
                }
                Autoincrement::False => Ok(None),
            };
        }
        let mut found: Option<&ColumnSpec> = None;
        for col in pk {
            if col.autoincrement == Autoincrement::True {
                validate(col, true)?;
                if let Some(previous) = found {
                    return Err(DdlError::invalid(format!(
                        "Only one Column may be marked autoincrement=True, found both {} and {}.",
                        col.name, previous.name
                    )));
                }
                found = Some(col);
            }
        }
        Ok(found)
    }

    /// The table's PRIMARY KEY constraint as rendered: the explicit one, or the implicit one
    /// (autoincrement column first).
    pub fn primary_key_constraint(
        &self,
        autoincrement: Option<&ColumnSpec>,
    ) -> Option<PrimaryKeySpec> {
        if let Some(pk) = self.explicit_pk {
            return (!pk.columns.is_empty()).then(|| pk.clone());
        }
        let mut columns: Vec<String> = self
            .columns
            .iter()
            .filter(|c| c.primary_key)
            .map(|c| c.name.clone())
            .collect();
        if columns.is_empty() {
            return None;
        }
        if let Some(auto) = autoincrement
            && let Some(pos) = columns.iter().position(|n| *n == auto.name)
        {
            let first = columns.remove(pos);
            columns.insert(0, first);
        }
        Some(PrimaryKeySpec {
            columns,
            ..PrimaryKeySpec::default()
        })
    }
}

/// The constraints a column adds to its table, in SQLAlchemy's creation order: UNIQUE
/// (`unique=True` without `index=True`), the CHECK of a non-native Enum, then its foreign
/// keys. `use_alter` foreign keys are left out when `skip_use_alter`.
pub(crate) fn column_constraints(
    column: &ColumnSpec,
    skip_use_alter: bool,
) -> Result<Vec<TableConstraint>, DdlError> {
    let mut out = Vec::new();
    if column.unique && !column.index {
        out.push(TableConstraint::Unique(UniqueSpec {
            columns: vec![column.name.clone()],
            ..UniqueSpec::default()
        }));
    }
    match &column.type_ {
        Some(SqlType::Enum {
            values,
            name,
            native_enum: false,
            create_constraint: true,
            ..
        }) => out.push(TableConstraint::EnumCheck {
            name: name.clone().map(ObjectName::plain),
            column: column.name.clone(),
            values: values.clone(),
        }),
        Some(SqlType::Array { item_type, .. })
            if matches!(
                **item_type,
                SqlType::Enum {
                    native_enum: false,
                    create_constraint: true,
                    ..
                }
            ) =>
        {
            return Err(DdlError::unsupported(
                "an ARRAY of a non-native Enum with create_constraint=True",
            ));
        }
        _ => {}
    }
    for fk in &column.foreign_keys {
        if fk.use_alter && skip_use_alter {
            continue;
        }
        out.push(TableConstraint::ForeignKey(ForeignKeySpec {
            name: fk.name.clone(),
            columns: vec![column.name.clone()],
            referent_schema: fk.referent_schema.clone(),
            referent_table: fk.referent_table.clone(),
            referent_columns: vec![fk.referent_column.clone()],
            onupdate: fk.onupdate.clone(),
            ondelete: fk.ondelete.clone(),
            deferrable: fk.deferrable,
            initially: fk.initially.clone(),
            match_: fk.match_.clone(),
            use_alter: fk.use_alter,
            not_valid: false,
        }));
    }
    Ok(out)
}

/// The index a column implies, if any.
pub(crate) fn column_index(column: &ColumnSpec) -> Option<ColumnIndex> {
    column.index.then(|| ColumnIndex {
        column: column.name.clone(),
        unique: column.unique,
    })
}

/// The type-bound constraints of a column of type `ty` (the CHECK of a non-native Enum).
pub(crate) fn type_constraints(column: &str, ty: &SqlType) -> Vec<TableConstraint> {
    match ty {
        SqlType::Enum {
            values,
            name,
            native_enum: false,
            create_constraint: true,
            ..
        } => vec![TableConstraint::EnumCheck {
            name: name.clone().map(ObjectName::plain),
            column: column.to_owned(),
            values: values.clone(),
        }],
        _ => Vec::new(),
    }
}
