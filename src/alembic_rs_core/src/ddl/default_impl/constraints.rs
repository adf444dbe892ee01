//! Constraints: the `create_*_constraint` / `drop_constraint` ops and a table constraint's
//! DDL, as in CREATE TABLE and `ALTER TABLE ... ADD` (SQLAlchemy's `AddConstraint`).

use super::{DdlImpl, TableName, constraint_name, reject_other_options};
use crate::ddl::DdlError;
use crate::ddl::naming::{Kind, Target};
use crate::ddl::quote::IdentifierPreparer;
use crate::ddl::sql_text::{Binds, Phrase, render_text, string_literal, validate_sql_phrase};
use crate::ddl::table::TableConstraint;
use crate::ops::{
    CheckSpec, ColumnSpec, CreateCheckConstraint, CreateForeignKey, CreatePrimaryKey,
    CreateUniqueConstraint, DropConstraint, ForeignKeySpec, ObjectName, PrimaryKeySpec, UniqueSpec,
};

/// The default of [`DdlImpl::create_unique_constraint`].
pub(super) fn create_unique_constraint<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &CreateUniqueConstraint,
) -> Result<Vec<String>, DdlError> {
    reject_other_options(&op.other_options)?;
    if let Some(missing) = op
        .postgresql_include
        .iter()
        .find(|c| !op.columns.contains(c))
    {
        // Alembic builds the table from the constraint's columns only, and SQLAlchemy
        // raises a KeyError compiling it: left to SQLAlchemy, which raises it
        return Err(DdlError::unsupported(format!(
            "postgresql_include naming {missing:?}, not one of the constraint's columns"
        )));
    }
    let constraint = TableConstraint::Unique(UniqueSpec {
        name: op.constraint_name.clone(),
        columns: op.columns.clone(),
        deferrable: op.deferrable,
        initially: op.initially.clone(),
        include: op.postgresql_include.clone(),
        nulls_not_distinct: op.postgresql_nulls_not_distinct,
    });
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    let constraint = built_constraint(imp, table, constraint)?;
    Ok(vec![add_constraint_statement(imp, table, &constraint)?])
}

/// The default of [`DdlImpl::create_primary_key`].
pub(super) fn create_primary_key<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &CreatePrimaryKey,
) -> Result<Vec<String>, DdlError> {
    let constraint = TableConstraint::PrimaryKey(PrimaryKeySpec {
        name: op.constraint_name.clone(),
        columns: op.columns.clone(),
        ..PrimaryKeySpec::default()
    });
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    let constraint = built_constraint(imp, table, constraint)?;
    Ok(vec![add_constraint_statement(imp, table, &constraint)?])
}

/// The default of [`DdlImpl::create_foreign_key`].
pub(super) fn create_foreign_key<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &CreateForeignKey,
) -> Result<Vec<String>, DdlError> {
    reject_other_options(&op.other_options)?;
    let constraint = TableConstraint::ForeignKey(ForeignKeySpec {
        name: op.constraint_name.clone(),
        columns: op.local_cols.clone(),
        referent_schema: op.referent_schema.clone(),
        referent_table: op.referent_table.clone(),
        referent_columns: op.remote_cols.clone(),
        onupdate: op.onupdate.clone(),
        ondelete: op.ondelete.clone(),
        deferrable: op.deferrable,
        initially: op.initially.clone(),
        match_: op.match_.clone(),
        use_alter: false,
        not_valid: op.postgresql_not_valid,
    });
    let table = TableName::new(op.source_schema.as_deref(), &op.source_table);
    // Alembic builds the referent table in the same MetaData: referred columns resolve
    imp.naming_convention()
        .check_table_built(op.referent_schema.as_deref(), &op.referent_table)?;
    let constraint = built_constraint(imp, table, constraint)?;
    Ok(vec![add_constraint_statement(imp, table, &constraint)?])
}

/// The default of [`DdlImpl::create_check_constraint`].
pub(super) fn create_check_constraint<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &CreateCheckConstraint,
) -> Result<Vec<String>, DdlError> {
    reject_other_options(&op.other_options)?;
    let constraint = TableConstraint::Check(CheckSpec {
        name: op.constraint_name.clone(),
        sqltext: op.condition.clone(),
        deferrable: op.deferrable,
        initially: op.initially.clone(),
        not_valid: op.postgresql_not_valid,
        columns: op.columns.clone(),
    });
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    let constraint = built_constraint(imp, table, constraint)?;
    Ok(vec![add_constraint_statement(imp, table, &constraint)?])
}

/// The default of [`DdlImpl::drop_constraint`].
pub(super) fn drop_constraint<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &DropConstraint,
) -> Result<Vec<String>, DdlError> {
    let p = imp.preparer();
    let convention = imp.naming_convention();
    convention.check_table_built(op.schema.as_deref(), &op.table_name)?;
    let kind = match op.type_ {
        Some(crate::ops::ConstraintType::Foreignkey) => Kind::ForeignKey,
        Some(crate::ops::ConstraintType::Primary) => Kind::PrimaryKey,
        Some(crate::ops::ConstraintType::Unique) => Kind::Unique,
        Some(crate::ops::ConstraintType::Check) => Kind::Check,
        None => Kind::Constraint,
    };
    let name = convention
        .name_for(&Target {
            kind,
            table_schema: op.schema.as_deref(),
            table_name: &op.table_name,
            name: Some(&op.constraint_name),
            columns: &[],
            referent: None,
        })?
        .unwrap_or_else(|| op.constraint_name.clone());
    Ok(vec![format!(
        "ALTER TABLE {} DROP CONSTRAINT {}{}",
        imp.format_table(TableName::new(op.schema.as_deref(), &op.table_name)),
        if op.if_exists == Some(true) {
            "IF EXISTS "
        } else {
            ""
        },
        constraint_name(p, &name)?
    )])
}

/// The default of [`DdlImpl::cascade_clauses`].
pub(super) fn cascade_clauses(
    ondelete: Option<&str>,
    onupdate: Option<&str>,
) -> Result<String, DdlError> {
    let mut text = String::new();
    if let Some(v) = ondelete {
        text.push_str(" ON DELETE ");
        text.push_str(validate_sql_phrase(v, Phrase::Keywords)?);
    }
    if let Some(v) = onupdate {
        text.push_str(" ON UPDATE ");
        text.push_str(validate_sql_phrase(v, Phrase::Keywords)?);
    }
    Ok(text)
}

/// ` [NOT] DEFERRABLE` and ` INITIALLY ...`.
pub(crate) fn deferrability(
    deferrable: Option<bool>,
    initially: Option<&str>,
) -> Result<String, DdlError> {
    let mut text = String::new();
    match deferrable {
        Some(true) => text.push_str(" DEFERRABLE"),
        Some(false) => text.push_str(" NOT DEFERRABLE"),
        None => {}
    }
    if let Some(initially) = initially {
        text.push_str(" INITIALLY ");
        text.push_str(validate_sql_phrase(initially, Phrase::Keywords)?);
    }
    Ok(text)
}

pub(super) fn match_clause(match_: Option<&str>) -> Result<String, DdlError> {
    Ok(match match_ {
        Some(m) => format!(" MATCH {}", validate_sql_phrase(m, Phrase::Keywords)?),
        None => String::new(),
    })
}

fn preamble(p: &IdentifierPreparer, name: Option<&ObjectName>) -> Result<String, DdlError> {
    Ok(match name {
        Some(n) => format!("CONSTRAINT {} ", constraint_name(p, n)?),
        None => String::new(),
    })
}

fn quoted_list(p: &IdentifierPreparer, names: &[String]) -> String {
    names
        .iter()
        .map(|n| p.quote(n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table constraint's DDL, as in CREATE TABLE and after `ALTER TABLE ... ADD`.
pub(crate) fn constraint_ddl<D: DdlImpl + ?Sized>(
    imp: &D,
    constraint: &TableConstraint,
) -> Result<String, DdlError> {
    let p = imp.preparer();
    let double = p.double_percents();
    Ok(match constraint {
        TableConstraint::PrimaryKey(pk) => format!(
            "{}PRIMARY KEY ({}){}{}",
            preamble(p, pk.name.as_ref())?,
            quoted_list(p, &pk.columns),
            imp.include_clause(&pk.include)?,
            deferrability(pk.deferrable, pk.initially.as_deref())?
        ),
        TableConstraint::Unique(uq) => {
            if uq.columns.is_empty() {
                return Ok(String::new());
            }
            format!(
                "{}UNIQUE {}({}){}{}",
                preamble(p, uq.name.as_ref())?,
                imp.unique_nulls_clause(uq.nulls_not_distinct)?,
                quoted_list(p, &uq.columns),
                imp.include_clause(&uq.include)?,
                deferrability(uq.deferrable, uq.initially.as_deref())?
            )
        }
        TableConstraint::ForeignKey(fk) => format!(
            "{}FOREIGN KEY({}) REFERENCES {} ({}){}{}{}{}",
            preamble(p, fk.name.as_ref())?,
            quoted_list(p, &fk.columns),
            imp.format_table(TableName::new(
                fk.referent_schema.as_deref(),
                &fk.referent_table
            )),
            quoted_list(p, &fk.referent_columns),
            match_clause(fk.match_.as_deref())?,
            imp.cascade_clauses(fk.ondelete.as_deref(), fk.onupdate.as_deref())?,
            deferrability(fk.deferrable, fk.initially.as_deref())?,
            imp.not_valid_clause(fk.not_valid)?
        ),
        TableConstraint::Exclude(x) => imp.exclude_constraint_ddl(x)?,
        TableConstraint::Check(ck) => format!(
            "{}CHECK ({}){}{}",
            preamble(p, ck.name.as_ref())?,
            render_text(&ck.sqltext, double, Binds::Null),
            deferrability(ck.deferrable, ck.initially.as_deref())?,
            imp.not_valid_clause(ck.not_valid)?
        ),
        TableConstraint::EnumCheck {
            name,
            column,
            values,
        } => format!(
            "{}CHECK ({} IN ({}))",
            preamble(p, name.as_ref())?,
            p.quote(column),
            values
                .iter()
                .map(|v| string_literal(v, double))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// `ALTER TABLE <table> ADD <constraint>` (SQLAlchemy's `AddConstraint`).
pub(crate) fn add_constraint_statement<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    constraint: &TableConstraint,
) -> Result<String, DdlError> {
    Ok(format!(
        "ALTER TABLE {} ADD {}",
        imp.format_table(table),
        constraint_ddl(imp, constraint)?
    ))
}

/// `ALTER TABLE <table> DROP CONSTRAINT <name>` of a type-bound constraint.
pub(super) fn drop_type_constraint_statement<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    constraint: &TableConstraint,
) -> Result<String, DdlError> {
    let name = match constraint {
        TableConstraint::EnumCheck { name: Some(n), .. } => n,
        _ => {
            return Err(DdlError::invalid(
                "Can't emit DROP CONSTRAINT for constraint CheckConstraint(...); it has no name",
            ));
        }
    };
    Ok(format!(
        "ALTER TABLE {} DROP CONSTRAINT {}",
        imp.format_table(table),
        constraint_name(imp.preparer(), name)?
    ))
}

/// The CHECK constraints written inside a column's definition.
pub(super) fn inline_checks<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    column: &ColumnSpec,
) -> Result<String, DdlError> {
    let p = imp.preparer();
    let mut parts = Vec::new();
    for ck in &column.checks {
        // a column-level CHECK is named when its column joins the table
        let name = imp.naming_convention().name_for(&Target {
            kind: Kind::Check,
            table_schema: table.schema,
            table_name: table.name,
            name: ck.name.as_ref(),
            columns: &ck.columns,
            referent: None,
        })?;
        if ck.not_valid {
            return Err(DdlError::unsupported(
                "postgresql_not_valid on a column-level CheckConstraint",
            ));
        }
        parts.push(format!(
            "{}CHECK ({}){}",
            preamble(p, name.as_ref())?,
            render_text(&ck.sqltext, p.double_percents(), Binds::Null),
            deferrability(ck.deferrable, ck.initially.as_deref())?
        ));
    }
    Ok(if parts.is_empty() {
        String::new()
    } else {
        format!(" {}", parts.join(" "))
    })
}

/// A constraint op's constraint, on the table Alembic builds for it (in the convention's
/// MetaData): named by the convention.
pub(crate) fn built_constraint<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    constraint: TableConstraint,
) -> Result<TableConstraint, DdlError> {
    let convention = imp.naming_convention();
    convention.check_table_built(table.schema, table.name)?;
    constraint.named(convention, table, true)
}
