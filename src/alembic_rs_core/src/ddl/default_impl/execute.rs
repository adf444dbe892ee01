//! Ops that run SQL or write rows: `execute` (SQL text compiled like `sa.text()`) and
//! `bulk_insert` (offline `INSERT` statements).

use super::{DdlImpl, TableName};
use crate::ddl::sql_text::render_text;
use crate::ddl::{DdlError, literal};
use crate::ops::{BulkInsert, Execute};

/// The default of [`DdlImpl::execute`].
pub(super) fn execute<D: DdlImpl + ?Sized>(imp: &D, op: &Execute) -> Result<Vec<String>, DdlError> {
    if op.compiled {
        return Ok(vec![op.sqltext.clone()]);
    }
    let style = imp.statement_style();
    let binds = style.text_binds(&op.sqltext)?;
    Ok(vec![render_text(
        &op.sqltext,
        imp.preparer().double_percents(),
        binds,
    )])
}

/// The default of [`DdlImpl::bulk_insert`].
pub(super) fn bulk_insert<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &BulkInsert,
) -> Result<Vec<String>, DdlError> {
    let p = imp.preparer();
    let table = imp.format_table(TableName::new(op.table.schema.as_deref(), &op.table.name));
    let mut out = Vec::with_capacity(op.rows.len());
    for row in &op.rows {
        if let Some(unknown) = row
            .keys()
            .find(|k| !op.table.columns.iter().any(|c| c.name == **k))
        {
            return Err(DdlError::invalid(format!(
                "KeyError: {unknown:?} (no such column in the bulk_insert table)"
            )));
        }
        let mut names = Vec::new();
        let mut values = Vec::new();
        for column in &op.table.columns {
            if let Some(value) = row.get(&column.name) {
                let type_ddl = imp
                    .type_ddl(&column.type_)
                    .unwrap_or_else(|_| column.type_.describe());
                names.push(p.quote(&column.name));
                values.push(literal::render_for_type(
                    value,
                    &column.type_,
                    &type_ddl,
                    p.double_percents(),
                )?);
            }
        }
        if names.is_empty() {
            out.push(format!("INSERT INTO {table} DEFAULT VALUES"));
        } else {
            out.push(format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                names.join(", "),
                values.join(", ")
            ));
        }
    }
    Ok(out)
}
