//! Indexes: `create_index`, `drop_index`, the indexes `Column(index=True)` implies, and
//! the names the naming convention gives them.

use super::{DdlImpl, TableName, constraint_name, reject_other_options};
use crate::ddl::DdlError;
use crate::ddl::naming::{Kind, Target};
use crate::ddl::quote::IdentifierPreparer;
use crate::ddl::sql_text::{Binds, render_text};
use crate::ops::{DropIndex, IndexColumn, IndexSpec, ObjectName};

/// The default of [`DdlImpl::create_index`].
pub(super) fn create_index<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &IndexSpec,
) -> Result<String, DdlError> {
    reject_other_options(&op.other_options)?;
    reject_postgresql_index_options(op)?;
    let p = imp.preparer();
    let Some(name) = &index_name(imp, op)? else {
        // Alembic asserts the index has a name (no `ix` convention)
        return Err(DdlError::invalid_as("AssertionError", ""));
    };
    let elements = op
        .columns
        .iter()
        .map(|c| imp.index_element(c))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(format!(
        "CREATE {}INDEX {}{} ON {} ({elements})",
        if op.unique { "UNIQUE " } else { "" },
        if op.if_not_exists == Some(true) {
            "IF NOT EXISTS "
        } else {
            ""
        },
        constraint_name(p, name)?,
        imp.format_table(TableName::new(op.schema.as_deref(), &op.table_name)),
    ))
}

/// The default of [`DdlImpl::drop_index`].
pub(super) fn drop_index<D: DdlImpl + ?Sized>(imp: &D, op: &DropIndex) -> Result<String, DdlError> {
    reject_other_options(&op.other_options)?;
    if op.postgresql_concurrently {
        return Err(DdlError::unsupported("postgresql_concurrently"));
    }
    Ok(format!(
        "\nDROP INDEX {}{}",
        if op.if_exists == Some(true) {
            "IF EXISTS "
        } else {
            ""
        },
        schema_qualified_index_name(
            imp.preparer(),
            op.schema.as_deref(),
            &drop_index_name(imp, op)?
        )?
    ))
}

/// The default of [`DdlImpl::index_element`].
pub(super) fn index_element<D: DdlImpl + ?Sized>(imp: &D, column: &IndexColumn) -> String {
    match column {
        IndexColumn::Column(name) => imp.preparer().quote(name),
        IndexColumn::Text(sql) => render_text(sql, imp.preparer().double_percents(), Binds::Null),
    }
}

fn reject_postgresql_index_options(op: &IndexSpec) -> Result<(), DdlError> {
    let set: [(&str, bool); 8] = [
        ("postgresql_where", op.postgresql_where.is_some()),
        ("postgresql_using", op.postgresql_using.is_some()),
        ("postgresql_include", !op.postgresql_include.is_empty()),
        ("postgresql_concurrently", op.postgresql_concurrently),
        ("postgresql_ops", !op.postgresql_ops.is_empty()),
        (
            "postgresql_nulls_not_distinct",
            op.postgresql_nulls_not_distinct.is_some(),
        ),
        ("postgresql_with", !op.postgresql_with.is_empty()),
        ("postgresql_tablespace", op.postgresql_tablespace.is_some()),
    ];
    match set.iter().find(|(_, present)| *present) {
        Some((name, _)) => Err(DdlError::unsupported(*name)),
        None => Ok(()),
    }
}

/// `schema.index` of DROP INDEX (the schema quoted as one name).
pub(crate) fn schema_qualified_index_name(
    p: &IdentifierPreparer,
    schema: Option<&str>,
    name: &ObjectName,
) -> Result<String, DdlError> {
    let name = constraint_name(p, name)?;
    Ok(match schema {
        Some(s) if !s.is_empty() => format!("{}.{name}", p.quote(s)),
        _ => name,
    })
}

/// `CREATE [UNIQUE] INDEX ix_<label> ON <table> (<column>)` for `Column(index=True)`.
pub(super) fn column_index_statement<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    column: &str,
    unique: bool,
) -> Result<String, DdlError> {
    let p = imp.preparer();
    let columns = [column.to_owned()];
    let name = imp.naming_convention().name_for(&Target {
        kind: Kind::Index,
        table_schema: table.schema,
        table_name: table.name,
        name: None,
        columns: &columns,
        referent: None,
    })?;
    let Some(name) = name else {
        // Alembic asserts the index has a name (no `ix` convention)
        return Err(DdlError::invalid_as("AssertionError", ""));
    };
    Ok(format!(
        "CREATE {}INDEX {} ON {} ({})",
        if unique { "UNIQUE " } else { "" },
        constraint_name(p, &name)?,
        imp.format_table(table),
        p.quote(column)
    ))
}

/// The name of `create_index`'s index: given, or the `ix` convention's (`None`: neither).
pub(crate) fn index_name<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &IndexSpec,
) -> Result<Option<ObjectName>, DdlError> {
    let convention = imp.naming_convention();
    convention.check_table_built(op.schema.as_deref(), &op.table_name)?;
    if op.index_name.is_none() && op.columns.is_empty() {
        return Err(DdlError::unsupported("an unnamed index without columns"));
    }
    // Alembic gives a text() element a column named by its text
    let columns: Vec<String> = op
        .columns
        .iter()
        .map(|c| match c {
            IndexColumn::Column(c) | IndexColumn::Text(c) => c.clone(),
        })
        .collect();
    convention.name_for(&Target {
        kind: Kind::Index,
        table_schema: op.schema.as_deref(),
        table_name: &op.table_name,
        name: op.index_name.as_ref(),
        columns: &columns,
        referent: None,
    })
}

/// The name `drop_index` drops: Alembic builds the index (on table `no_table` when none is
/// given, with one column `x`) in the convention's MetaData.
pub(crate) fn drop_index_name<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &DropIndex,
) -> Result<ObjectName, DdlError> {
    let convention = imp.naming_convention();
    let table_name = op.table_name.as_deref().unwrap_or("no_table");
    convention.check_table_built(op.schema.as_deref(), table_name)?;
    Ok(convention
        .name_for(&Target {
            kind: Kind::Index,
            table_schema: op.schema.as_deref(),
            table_name,
            name: Some(&op.index_name),
            columns: &["x".to_owned()],
            referent: None,
        })?
        .unwrap_or_else(|| op.index_name.clone()))
}
