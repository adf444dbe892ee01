//! `alter_column`: Alembic's `toimpl.alter_column` around `DefaultImpl.alter_column`.

use super::constraints::{add_constraint_statement, drop_type_constraint_statement};
use super::{DdlImpl, TableName, alter_table, reject_other_options};
use crate::ddl::{DdlError, table};
use crate::ops::{AlterColumn, ColumnDefault, CommentChange, DefaultChange, SqlType};

/// The default of [`DdlImpl::alter_column`].
pub(super) fn alter_column<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &AlterColumn,
) -> Result<Vec<String>, DdlError> {
    reject_other_options(&op.other_options)?;
    if op.postgresql_using.is_some() {
        return Err(DdlError::unsupported("postgresql_using"));
    }
    alter_column_statements(imp, op, AlterOrder::Generic)
}

/// The default of [`DdlImpl::alter_column_type_ddl`].
pub(super) fn alter_column_type_ddl<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &AlterColumn,
    ty: &SqlType,
) -> Result<String, DdlError> {
    let p = imp.preparer();
    Ok(format!(
        "{} ALTER COLUMN {} TYPE {}",
        alter_table(p, op.schema.as_deref(), &op.table_name),
        p.quote(&op.column_name),
        imp.type_ddl(ty)?
    ))
}

/// Where `alter_column` puts `ALTER COLUMN ... TYPE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AlterOrder {
    /// `DefaultImpl.alter_column`: nullable, default, type, comment, rename.
    Generic,
    /// `PostgresqlImpl.alter_column`: type first, then the rest.
    TypeFirst,
}

/// `toimpl.alter_column` + `DefaultImpl.alter_column`.
pub(crate) fn alter_column_statements<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &AlterColumn,
    order: AlterOrder,
) -> Result<Vec<String>, DdlError> {
    let p = imp.preparer();
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    let alter = alter_table(p, op.schema.as_deref(), &op.table_name);
    let column = p.quote(&op.column_name);
    let mut out = Vec::new();

    if let (Some(existing), Some(_)) = (&op.existing_type, &op.type_) {
        imp.naming_convention()
            .check_table_built(table.schema, table.name)?;
        for constraint in table::type_constraints(&op.column_name, existing) {
            let constraint = constraint.named(imp.naming_convention(), table, false)?;
            out.push(drop_type_constraint_statement(imp, table, &constraint)?);
        }
    }
    let type_statement = |out: &mut Vec<String>| -> Result<(), DdlError> {
        if let Some(ty) = &op.type_ {
            out.push(imp.alter_column_type_ddl(op, ty)?);
        }
        Ok(())
    };
    if order == AlterOrder::TypeFirst {
        type_statement(&mut out)?;
    }
    if let Some(nullable) = op.nullable {
        out.push(format!(
            "{alter} ALTER COLUMN {column} {}",
            if nullable {
                "DROP NOT NULL"
            } else {
                "SET NOT NULL"
            }
        ));
    }
    if let Some(change) = &op.server_default {
        let existing = op.existing_server_default.as_ref();
        let computed = matches!(change, DefaultChange::Computed(_))
            || matches!(existing, Some(ColumnDefault::Computed(_)));
        let identity = matches!(change, DefaultChange::Identity(_))
            || matches!(existing, Some(ColumnDefault::Identity(_)));
        if computed {
            return Err(DdlError::invalid(
                "Adding or removing a \"computed\" construct, e.g. GENERATED ALWAYS AS, to or \
                 from an existing column is not supported.",
            ));
        }
        out.push(match change {
            DefaultChange::Drop if identity => imp.alter_identity_ddl(op, None)?,
            DefaultChange::Identity(new) => imp.alter_identity_ddl(op, Some(new))?,
            DefaultChange::Set(_) | DefaultChange::Computed(_) if identity => {
                return Err(DdlError::unsupported(
                    "replacing an identity with a server default",
                ));
            }
            DefaultChange::Drop => format!("{alter} ALTER COLUMN {column} DROP DEFAULT"),
            DefaultChange::Set(default) => format!(
                "{alter} ALTER COLUMN {column} SET DEFAULT {}",
                imp.server_default_ddl(default)?
            ),
            DefaultChange::Computed(_) => {
                return Err(DdlError::invalid("unreachable: computed handled above"));
            }
        });
    }
    if order == AlterOrder::Generic {
        type_statement(&mut out)?;
    }
    if let Some(change) = &op.comment {
        let comment = match change {
            CommentChange::Drop => None,
            CommentChange::Set(c) => Some(c.as_str()),
        };
        out.push(imp.alter_column_comment_ddl(op, comment)?);
    }
    if let Some(new_name) = &op.new_column_name {
        out.push(format!("{alter} RENAME {column} TO {}", p.quote(new_name)));
    }
    if let Some(ty) = &op.type_ {
        imp.naming_convention()
            .check_table_built(table.schema, table.name)?;
        for constraint in table::type_constraints(&op.column_name, ty) {
            let constraint = constraint.named(imp.naming_convention(), table, false)?;
            out.push(add_constraint_statement(imp, table, &constraint)?);
        }
    }
    Ok(out)
}
