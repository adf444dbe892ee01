//! Columns: `add_column`, `drop_column` and a column's definition
//! (`DDLCompiler.get_column_specification`).

use super::column_defaults::identity_ddl;
use super::constraints::{add_constraint_statement, deferrability, inline_checks, match_clause};
use super::indexes::column_index_statement;
use super::tables::column_facts;
use super::{ColumnFacts, DdlImpl, TableName, alter_table, reject_other_options};
use crate::ddl::DdlError;
use crate::ddl::table::{self, ResolvedTable, TableConstraint};
use crate::ops::{AddColumn, ColumnSpec, DropColumn};

/// The default of [`DdlImpl::add_column`].
pub(super) fn add_column<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &AddColumn,
) -> Result<Vec<String>, DdlError> {
    let p = imp.preparer();
    let column = &op.column;
    if column.foreign_keys.iter().any(|fk| fk.use_alter) {
        return Err(DdlError::unsupported(
            "ForeignKey(use_alter=True) in add_column",
        ));
    }
    let columns = std::slice::from_ref(column);
    let resolved = ResolvedTable::new(columns, &[]);
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    imp.naming_convention()
        .check_table_built(table.schema, table.name)?;
    let facts = column_facts(imp, &resolved, &op.table_name, column)?;
    let mut text = format!(
        "{} ADD COLUMN {}{}",
        alter_table(p, op.schema.as_deref(), &op.table_name),
        if op.if_not_exists == Some(true) {
            "IF NOT EXISTS "
        } else {
            ""
        },
        imp.column_ddl(column, facts)?
    );
    if op.inline_primary_key == Some(true) && column.primary_key {
        text.push_str(" PRIMARY KEY");
    }
    let inline_fk = op.inline_references == Some(true) && column.foreign_keys.len() == 1;
    if inline_fk {
        let fk = &column.foreign_keys[0];
        text.push_str(&format!(
            " REFERENCES {} ({})",
            p.format_qualified(fk.referent_schema.as_deref(), &fk.referent_table),
            p.quote(&fk.referent_column)
        ));
        text.push_str(&match_clause(fk.match_.as_deref())?);
        text.push_str(&imp.cascade_clauses(fk.ondelete.as_deref(), fk.onupdate.as_deref())?);
        text.push_str(&deferrability(fk.deferrable, fk.initially.as_deref())?);
    }
    text.push_str(&inline_checks(imp, table, column)?);
    let mut out = vec![text];
    for constraint in table::column_constraints(column, false)? {
        if inline_fk && matches!(constraint, TableConstraint::ForeignKey(_)) {
            continue;
        }
        let constraint = constraint.named(imp.naming_convention(), table, false)?;
        out.push(add_constraint_statement(imp, table, &constraint)?);
    }
    if let Some(index) = table::column_index(column) {
        out.push(column_index_statement(
            imp,
            table,
            &index.column,
            index.unique,
        )?);
    }
    if imp.separate_comments()
        && let Some(comment) = &column.comment
    {
        out.push(imp.column_comment_ddl(table, &column.name, Some(comment))?);
    }
    Ok(out)
}

/// The default of [`DdlImpl::drop_column`].
pub(super) fn drop_column<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &DropColumn,
) -> Result<Vec<String>, DdlError> {
    reject_other_options(&op.other_options)?;
    let p = imp.preparer();
    Ok(vec![format!(
        "{} DROP COLUMN {}{}",
        alter_table(p, op.schema.as_deref(), &op.table_name),
        if op.if_exists == Some(true) {
            "IF EXISTS "
        } else {
            ""
        },
        p.quote(&op.column_name)
    )])
}

/// The default of [`DdlImpl::column_ddl`].
pub(super) fn column_ddl<D: DdlImpl + ?Sized>(
    imp: &D,
    column: &ColumnSpec,
    facts: ColumnFacts,
) -> Result<String, DdlError> {
    let p = imp.preparer();
    let mut text = format!("{} {}", p.quote(&column.name), imp.column_type_ddl(column)?);
    if let Some(default) = &column.server_default {
        text.push_str(" DEFAULT ");
        text.push_str(&imp.server_default_ddl(default)?);
    }
    if let Some(computed) = &column.computed {
        text.push(' ');
        text.push_str(&imp.computed_ddl(computed));
    }
    if let Some(identity) = &column.identity {
        text.push(' ');
        text.push_str(&identity_ddl(identity));
    }
    if !facts.nullable && column.identity.is_none() {
        text.push_str(" NOT NULL");
    }
    Ok(text)
}

/// The default of [`DdlImpl::column_type_ddl`].
pub(super) fn column_type_ddl<D: DdlImpl + ?Sized>(
    imp: &D,
    column: &ColumnSpec,
) -> Result<String, DdlError> {
    match &column.type_ {
        Some(ty) => imp.type_ddl(ty),
        None => Err(DdlError::invalid(
            "Can't generate DDL for NullType(); did you forget to specify a type on this \
             Column?",
        )),
    }
}
