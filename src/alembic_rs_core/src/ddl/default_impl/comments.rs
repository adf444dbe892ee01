//! Table comments: `create_table_comment`, `drop_table_comment` (`COMMENT ON TABLE`).

use super::{DdlImpl, TableName};
use crate::ddl::DdlError;
use crate::ddl::sql_text::string_literal;
use crate::ops::{CreateTableComment, DropTableComment};

/// The default of [`DdlImpl::create_table_comment`].
pub(super) fn create_table_comment<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &CreateTableComment,
) -> Result<Vec<String>, DdlError> {
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    Ok(vec![imp.table_comment_ddl(table, Some(&op.comment))])
}

/// The default of [`DdlImpl::drop_table_comment`].
pub(super) fn drop_table_comment<D: DdlImpl + ?Sized>(
    imp: &D,
    op: &DropTableComment,
) -> Result<Vec<String>, DdlError> {
    let table = TableName::new(op.schema.as_deref(), &op.table_name);
    Ok(vec![imp.table_comment_ddl(table, None)])
}

/// The default of [`DdlImpl::table_comment_ddl`].
pub(super) fn table_comment_ddl<D: DdlImpl + ?Sized>(
    imp: &D,
    table: TableName<'_>,
    comment: Option<&str>,
) -> String {
    format!(
        "COMMENT ON TABLE {} IS {}",
        imp.format_table(table),
        comment.map_or_else(
            || "NULL".to_owned(),
            |c| string_literal(c, imp.preparer().double_percents())
        )
    )
}
