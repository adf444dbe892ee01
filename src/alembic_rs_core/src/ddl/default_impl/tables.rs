//! Tables: `create_table` (the CREATE TABLE statement SQLAlchemy's `visit_create_table`
//! writes, with the indexes and comments it implies), `drop_table`, `rename_table`.

use super::constraints::{constraint_ddl, inline_checks};
use super::indexes::column_index_statement;
use super::{ColumnFacts, DdlImpl, TableName, alter_table, reject_other_options};
use crate::ddl::table::{self, ResolvedTable, TableConstraint};
use crate::ddl::{DdlError, DdlSession};
use crate::ops::{
    ColumnSpec, ConstraintSpec, CreateTable, DropTable, PrimaryKeySpec, RenameTable, SqlType,
};

/// The default of [`DdlImpl::create_table`].
pub(super) fn create_table<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &CreateTable,
    session: &mut DdlSession,
) -> Result<Vec<String>, DdlError> {
    reject_other_options(&op.other_options)?;
    imp.naming_convention()
        .check_table_built(op.schema.as_deref(), &op.table_name)?;
    let mut out = imp.create_types_for_columns(&op.columns, session)?;
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    out.push(create_table_statement(imp, op)?);
    for column in &op.columns {
        if let Some(index) = table::column_index(column) {
            out.push(column_index_statement(
                imp,
                table,
                &index.column,
                index.unique,
            )?);
        }
    }
    for index in &op.indexes {
        out.push(imp.create_index(index)?);
    }
    if imp.separate_comments() {
        if let Some(comment) = &op.comment {
            out.push(imp.table_comment_ddl(table, Some(comment)));
        }
        for column in &op.columns {
            if let Some(comment) = &column.comment {
                out.push(imp.column_comment_ddl(table, &column.name, Some(comment))?);
            }
        }
    }
    Ok(out)
}

/// The default of [`DdlImpl::drop_table`].
pub(super) fn drop_table<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &DropTable,
) -> Result<Vec<String>, DdlError> {
    reject_other_options(&op.other_options)?;
    imp.naming_convention()
        .check_table_built(op.schema.as_deref(), &op.table_name)?;
    Ok(vec![format!(
        "\nDROP TABLE {}{}",
        if op.if_exists == Some(true) {
            "IF EXISTS "
        } else {
            ""
        },
        imp.format_table(TableName::new(op.schema.as_deref(), &op.table_name))
    )])
}

/// The default of [`DdlImpl::rename_table`].
pub(super) fn rename_table<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &RenameTable,
) -> Result<Vec<String>, DdlError> {
    let p = imp.preparer();
    Ok(vec![format!(
        "{} RENAME TO {}",
        alter_table(p, op.schema.as_deref(), &op.old_table_name),
        p.format_table_name_dotted(op.schema.as_deref(), &op.new_table_name)
    )])
}

pub(super) fn column_facts<D: DdlImpl + ?Sized>(
    imp: &D,
    resolved: &ResolvedTable<'_>,
    table_name: &str,
    column: &ColumnSpec,
) -> Result<ColumnFacts, DdlError> {
    let describe = |t: &SqlType| imp.type_ddl(t).unwrap_or_else(|_| t.describe());
    let auto = resolved.autoincrement_column(table_name, &describe)?;
    Ok(ColumnFacts {
        primary_key: resolved.is_primary_key(column),
        nullable: resolved.nullable(column),
        autoincrement: auto.is_some_and(|a| std::ptr::eq(a, column)),
    })
}

/// `CREATE TABLE` (SQLAlchemy's `visit_create_table`, whitespace included).
fn create_table_statement<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &CreateTable,
) -> Result<String, DdlError> {
    let resolved = ResolvedTable::new(&op.columns, &op.constraints);
    let describe = |t: &SqlType| imp.type_ddl(t).unwrap_or_else(|_| t.describe());
    let auto = resolved.autoincrement_column(&op.table_name, &describe)?;
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    let convention = imp.naming_convention();
    let mut text = String::from("\nCREATE ");
    if !op.prefixes.is_empty() {
        text.push_str(&op.prefixes.join(" "));
        text.push(' ');
    }
    text.push_str("TABLE ");
    if op.if_not_exists == Some(true) {
        text.push_str("IF NOT EXISTS ");
    }
    text.push_str(&imp.format_table(TableName::new(op.schema.as_deref(), &op.table_name)));
    text.push_str(" (");
    let mut separator = "\n";
    for column in &op.columns {
        let facts = ColumnFacts {
            primary_key: resolved.is_primary_key(column),
            nullable: resolved.nullable(column),
            autoincrement: auto.is_some_and(|a| std::ptr::eq(a, column)),
        };
        let spec = imp
            .column_ddl(column, facts)
            .and_then(|spec| Ok(spec + &inline_checks(imp, table, column)?))
            .map_err(|e| match e {
                DdlError::Invalid {
                    op: name,
                    class,
                    message,
                } => DdlError::Invalid {
                    op: name,
                    class,
                    message: format!(
                        "(in table '{}', column '{}'): {message}",
                        op.table_name, column.name
                    ),
                },
                other => other,
            });
        text.push_str(separator);
        separator = ", \n";
        text.push('\t');
        text.push_str(&spec?);
    }
    let mut constraints: Vec<TableConstraint> = Vec::new();
    if let Some(mut pk) = resolved.primary_key_constraint(auto) {
        // named on the key's columns in table order (not the autoincrement-first order)
        let columns: Vec<String> = resolved
            .primary_key_columns()?
            .iter()
            .map(|c| c.name.clone())
            .collect();
        let named = TableConstraint::PrimaryKey(PrimaryKeySpec {
            columns,
            ..pk.clone()
        })
        .named(convention, table, false)?;
        if let TableConstraint::PrimaryKey(named) = named {
            pk.name = named.name;
        }
        constraints.push(TableConstraint::PrimaryKey(pk));
    }
    for c in &op.constraints {
        match c {
            ConstraintSpec::PrimaryKey(_) => {}
            ConstraintSpec::Unique(u) => constraints.push(TableConstraint::Unique(u.clone())),
            // use_alter ones are named (a failing convention fails) but not rendered
            ConstraintSpec::ForeignKey(f) => {
                constraints.push(TableConstraint::ForeignKey(f.clone()))
            }
            ConstraintSpec::Check(c) => constraints.push(TableConstraint::Check(c.clone())),
            ConstraintSpec::Exclude(x) => constraints.push(TableConstraint::Exclude(x.clone())),
        }
    }
    // SQLAlchemy names a column's constraints when the column joins the table, before the
    // table-level ones are appended (the order a failing convention reports in)
    let mut column_level = Vec::new();
    for column in &op.columns {
        for c in table::column_constraints(column, false)? {
            column_level.push(c.named(convention, table, false)?);
        }
    }
    let mut constraints = constraints
        .into_iter()
        .map(|c| match c {
            TableConstraint::PrimaryKey(_) => Ok(c),
            c => c.named(convention, table, false),
        })
        .collect::<Result<Vec<_>, _>>()?;
    constraints.extend(column_level);
    constraints.retain(|c| !matches!(c, TableConstraint::ForeignKey(fk) if fk.use_alter));
    let rendered = constraints
        .iter()
        .map(|c| constraint_ddl(imp, c))
        .collect::<Result<Vec<_>, _>>()?;
    if !rendered.is_empty() {
        text.push_str(separator);
        text.push('\t');
        text.push_str(&rendered.join(", \n\t"));
    }
    text.push_str("\n)\n\n");
    Ok(text)
}
