//! `op.<name>(...)` calls -> [`Op`] values, with Alembic's signatures.

use indexmap::IndexMap;
use ruff_python_ast::ExprCall;

use super::expr::Args;
use super::scope::Scope;
use super::value::{Val, Verdict, literal, object_name, server_default as default_value};
use crate::ops::schema::ColumnDefault;
use crate::ops::{
    AddColumn, AlterColumn, BulkInsert, CommentChange, ConstraintSpec, CreateCheckConstraint,
    CreateForeignKey, CreatePrimaryKey, CreateTable, CreateTableComment, CreateUniqueConstraint,
    DefaultChange, DropColumn, DropConstraint, DropIndex, DropTable, DropTableComment, Execute,
    IndexColumn, IndexSpec, Op, RenameTable,
};

/// One `op.<name>(...)` statement.
pub(super) fn evaluate_op(scope: &Scope, call: &ExprCall) -> Verdict<Op> {
    let path = scope.qualify(&call.func)?;
    let Some(name) = path.strip_prefix("alembic.op.") else {
        return Err(format!("a call to `{path}`, not an `op.*` operation"));
    };
    let what = format!("op.{name}");
    let s = scope;
    Ok(match name {
        "create_table" => {
            let args = Args::bind(
                call,
                &what,
                &["table_name"],
                true,
                &["schema", "comment", "prefixes", "if_not_exists"],
            )?;
            let mut columns = Vec::new();
            let mut constraints = Vec::new();
            for expr in &args.rest {
                match s.value(expr)? {
                    Val::Column(c) => columns.push(*c),
                    Val::Constraint(c) => constraints.push(c),
                    _ => {
                        return Err(format!(
                            "{what}: an item that is not a Column or a constraint"
                        ));
                    }
                }
            }
            if constraints
                .iter()
                .filter(|c| matches!(c, ConstraintSpec::PrimaryKey(_)))
                .count()
                > 1
            {
                return Err(format!("{what}: several PrimaryKeyConstraints"));
            }
            Op::CreateTable(CreateTable {
                table_name: args.string(s, "table_name")?,
                schema: args.opt_string(s, "schema")?,
                columns,
                constraints,
                indexes: Vec::new(),
                comment: args.opt_string(s, "comment")?,
                prefixes: args.opt_strings(s, "prefixes")?,
                if_not_exists: args.opt_bool(s, "if_not_exists")?,
                other_options: IndexMap::new(),
            })
        }
        "drop_table" => {
            let args = Args::bind(
                call,
                &what,
                &["table_name"],
                false,
                &["schema", "if_exists"],
            )?;
            Op::DropTable(DropTable {
                table_name: args.string(s, "table_name")?,
                schema: args.opt_string(s, "schema")?,
                if_exists: args.opt_bool(s, "if_exists")?,
                other_options: IndexMap::new(),
            })
        }
        "rename_table" => {
            let args = Args::bind(
                call,
                &what,
                &["old_table_name", "new_table_name"],
                false,
                &["schema"],
            )?;
            Op::RenameTable(RenameTable {
                old_table_name: args.string(s, "old_table_name")?,
                new_table_name: args.string(s, "new_table_name")?,
                schema: args.opt_string(s, "schema")?,
            })
        }
        "add_column" => {
            let args = Args::bind(
                call,
                &what,
                &["table_name", "column"],
                false,
                &[
                    "schema",
                    "if_not_exists",
                    "inline_references",
                    "inline_primary_key",
                ],
            )?;
            let Val::Column(column) = args.required(s, "column")? else {
                return Err(format!("{what}: `column` is not a Column"));
            };
            Op::AddColumn(AddColumn {
                table_name: args.string(s, "table_name")?,
                column: *column,
                schema: args.opt_string(s, "schema")?,
                if_not_exists: args.opt_bool(s, "if_not_exists")?,
                inline_references: args.opt_bool(s, "inline_references")?,
                inline_primary_key: args.opt_bool(s, "inline_primary_key")?,
            })
        }
        "drop_column" => {
            let args = Args::bind(
                call,
                &what,
                &["table_name", "column_name"],
                false,
                &["schema", "if_exists"],
            )?;
            Op::DropColumn(DropColumn {
                table_name: args.string(s, "table_name")?,
                column_name: args.string(s, "column_name")?,
                schema: args.opt_string(s, "schema")?,
                if_exists: args.opt_bool(s, "if_exists")?,
                other_options: IndexMap::new(),
            })
        }
        "alter_column" => alter_column(s, call, &what)?,
        "create_index" => {
            let args = Args::bind(
                call,
                &what,
                &["index_name", "table_name", "columns"],
                false,
                &[
                    "schema",
                    "unique",
                    "if_not_exists",
                    "postgresql_where",
                    "postgresql_using",
                    "postgresql_include",
                    "postgresql_concurrently",
                    "postgresql_ops",
                    "postgresql_nulls_not_distinct",
                    "postgresql_tablespace",
                ],
            )?;
            let Val::Seq(items) = args.required(s, "columns")? else {
                return Err(format!("{what}: `columns` is not a list"));
            };
            let columns = items
                .into_iter()
                .map(|v| match v {
                    Val::Str(c) => Ok(IndexColumn::Column(c)),
                    Val::Text(t) => Ok(IndexColumn::Text(t)),
                    _ => Err(format!(
                        "{what}: an index element that is not a str or sa.text()"
                    )),
                })
                .collect::<Verdict<Vec<_>>>()?;
            let postgresql_where = match args.value(s, "postgresql_where")? {
                None | Some(Val::None) => None,
                Some(Val::Text(t)) => Some(t),
                Some(_) => return Err(format!("{what}: `postgresql_where` is not sa.text()")),
            };
            let postgresql_ops = match args.value(s, "postgresql_ops")? {
                None => IndexMap::new(),
                Some(Val::Dict(map)) => map
                    .into_iter()
                    .map(|(k, v)| match v {
                        Val::Str(v) => Ok((k, v)),
                        _ => Err(format!(
                            "{what}: a `postgresql_ops` value that is not a str"
                        )),
                    })
                    .collect::<Verdict<_>>()?,
                Some(_) => return Err(format!("{what}: `postgresql_ops` is not a dict")),
            };
            Op::CreateIndex(IndexSpec {
                index_name: args.name(s, "index_name")?,
                table_name: args.string(s, "table_name")?,
                columns,
                schema: args.opt_string(s, "schema")?,
                unique: args.flag(s, "unique", false)?,
                if_not_exists: args.opt_bool(s, "if_not_exists")?,
                postgresql_where,
                postgresql_using: args.opt_string(s, "postgresql_using")?,
                postgresql_include: args.opt_strings(s, "postgresql_include")?,
                postgresql_concurrently: args.flag(s, "postgresql_concurrently", false)?,
                postgresql_ops,
                postgresql_nulls_not_distinct: args.opt_bool(s, "postgresql_nulls_not_distinct")?,
                postgresql_with: IndexMap::new(),
                postgresql_tablespace: args.opt_string(s, "postgresql_tablespace")?,
                other_options: IndexMap::new(),
            })
        }
        "drop_index" => {
            let args = Args::bind(
                call,
                &what,
                &["index_name", "table_name"],
                false,
                &["schema", "if_exists", "postgresql_concurrently"],
            )?;
            Op::DropIndex(DropIndex {
                index_name: object_name(args.required(s, "index_name")?, &what)?,
                table_name: args.opt_string(s, "table_name")?,
                schema: args.opt_string(s, "schema")?,
                if_exists: args.opt_bool(s, "if_exists")?,
                postgresql_concurrently: args.flag(s, "postgresql_concurrently", false)?,
                other_options: IndexMap::new(),
            })
        }
        "create_unique_constraint" => {
            let args = Args::bind(
                call,
                &what,
                &["constraint_name", "table_name", "columns"],
                false,
                &[
                    "schema",
                    "deferrable",
                    "initially",
                    "postgresql_include",
                    "postgresql_nulls_not_distinct",
                ],
            )?;
            Op::CreateUniqueConstraint(CreateUniqueConstraint {
                constraint_name: args.name(s, "constraint_name")?,
                table_name: args.string(s, "table_name")?,
                columns: args.strings(s, "columns")?,
                schema: args.opt_string(s, "schema")?,
                deferrable: args.opt_bool(s, "deferrable")?,
                initially: args.opt_string(s, "initially")?,
                postgresql_include: args.opt_strings(s, "postgresql_include")?,
                postgresql_nulls_not_distinct: args.opt_bool(s, "postgresql_nulls_not_distinct")?,
                other_options: IndexMap::new(),
            })
        }
        "create_primary_key" => {
            let args = Args::bind(
                call,
                &what,
                &["constraint_name", "table_name", "columns"],
                false,
                &["schema"],
            )?;
            Op::CreatePrimaryKey(CreatePrimaryKey {
                constraint_name: args.name(s, "constraint_name")?,
                table_name: args.string(s, "table_name")?,
                columns: args.strings(s, "columns")?,
                schema: args.opt_string(s, "schema")?,
            })
        }
        "create_foreign_key" => {
            let args = Args::bind(
                call,
                &what,
                &[
                    "constraint_name",
                    "source_table",
                    "referent_table",
                    "local_cols",
                    "remote_cols",
                ],
                false,
                &[
                    "onupdate",
                    "ondelete",
                    "deferrable",
                    "initially",
                    "match",
                    "source_schema",
                    "referent_schema",
                    "postgresql_not_valid",
                ],
            )?;
            Op::CreateForeignKey(CreateForeignKey {
                constraint_name: args.name(s, "constraint_name")?,
                source_table: args.string(s, "source_table")?,
                referent_table: args.string(s, "referent_table")?,
                local_cols: args.strings(s, "local_cols")?,
                remote_cols: args.strings(s, "remote_cols")?,
                onupdate: args.opt_string(s, "onupdate")?,
                ondelete: args.opt_string(s, "ondelete")?,
                deferrable: args.opt_bool(s, "deferrable")?,
                initially: args.opt_string(s, "initially")?,
                match_: args.opt_string(s, "match")?,
                source_schema: args.opt_string(s, "source_schema")?,
                referent_schema: args.opt_string(s, "referent_schema")?,
                postgresql_not_valid: args.flag(s, "postgresql_not_valid", false)?,
                other_options: IndexMap::new(),
            })
        }
        "create_check_constraint" => {
            let args = Args::bind(
                call,
                &what,
                &["constraint_name", "table_name", "condition"],
                false,
                &["schema", "deferrable", "initially", "postgresql_not_valid"],
            )?;
            Op::CreateCheckConstraint(CreateCheckConstraint {
                constraint_name: args.name(s, "constraint_name")?,
                table_name: args.string(s, "table_name")?,
                condition: args.sql_text(s, "condition")?,
                schema: args.opt_string(s, "schema")?,
                deferrable: args.opt_bool(s, "deferrable")?,
                initially: args.opt_string(s, "initially")?,
                postgresql_not_valid: args.flag(s, "postgresql_not_valid", false)?,
                columns: Vec::new(),
                other_options: IndexMap::new(),
            })
        }
        "drop_constraint" => {
            let args = Args::bind(
                call,
                &what,
                &["constraint_name", "table_name", "type_"],
                false,
                &["schema", "if_exists"],
            )?;
            let type_ = match args.opt_string(s, "type_")?.as_deref() {
                None => None,
                Some("foreignkey") => Some(crate::ops::ConstraintType::Foreignkey),
                Some("primary") => Some(crate::ops::ConstraintType::Primary),
                Some("unique") => Some(crate::ops::ConstraintType::Unique),
                Some("check") => Some(crate::ops::ConstraintType::Check),
                Some(other) => {
                    return Err(format!(
                        "{what}: a `type_` {other:?} the evaluator does not follow"
                    ));
                }
            };
            Op::DropConstraint(DropConstraint {
                constraint_name: object_name(args.required(s, "constraint_name")?, &what)?,
                table_name: args.string(s, "table_name")?,
                type_,
                schema: args.opt_string(s, "schema")?,
                if_exists: args.opt_bool(s, "if_exists")?,
            })
        }
        "create_table_comment" => {
            let args = Args::bind(
                call,
                &what,
                &["table_name", "comment"],
                false,
                &["existing_comment", "schema"],
            )?;
            Op::CreateTableComment(CreateTableComment {
                table_name: args.string(s, "table_name")?,
                comment: args.string(s, "comment")?,
                existing_comment: args.opt_string(s, "existing_comment")?,
                schema: args.opt_string(s, "schema")?,
            })
        }
        "drop_table_comment" => {
            let args = Args::bind(
                call,
                &what,
                &["table_name"],
                false,
                &["existing_comment", "schema"],
            )?;
            Op::DropTableComment(DropTableComment {
                table_name: args.string(s, "table_name")?,
                existing_comment: args.opt_string(s, "existing_comment")?,
                schema: args.opt_string(s, "schema")?,
            })
        }
        "execute" => {
            let args = Args::bind(call, &what, &["sqltext"], false, &[])?;
            Op::Execute(Execute {
                sqltext: args.sql_text(s, "sqltext")?,
                compiled: false,
                execution_options: IndexMap::new(),
            })
        }
        "bulk_insert" => {
            let args = Args::bind(call, &what, &["table", "rows"], false, &["multiinsert"])?;
            let Val::Table(table) = args.required(s, "table")? else {
                return Err(format!("{what}: `table` is not an inline sa.table(...)"));
            };
            let Val::Seq(items) = args.required(s, "rows")? else {
                return Err(format!("{what}: `rows` is not a list"));
            };
            let mut rows = Vec::new();
            for item in items {
                let Val::Dict(map) = item else {
                    return Err(format!("{what}: a row that is not a dict"));
                };
                let mut row = IndexMap::new();
                for (key, value) in map {
                    if !table.columns.iter().any(|c| c.name == key) {
                        return Err(format!(
                            "{what}: a row key {key:?} that is not a table column"
                        ));
                    }
                    row.insert(key, literal(value, "a bulk_insert value")?);
                }
                rows.push(row);
            }
            Op::BulkInsert(BulkInsert {
                table,
                rows,
                multiinsert: args.flag(s, "multiinsert", true)?,
            })
        }
        _ => {
            return Err(format!(
                "`op.{name}` is not an operation the evaluator follows"
            ));
        }
    })
}

fn alter_column(s: &Scope, call: &ExprCall, what: &str) -> Verdict<Op> {
    let args = Args::bind(
        call,
        what,
        &["table_name", "column_name"],
        false,
        &[
            "nullable",
            "comment",
            "server_default",
            "new_column_name",
            "type_",
            "existing_type",
            "existing_server_default",
            "existing_nullable",
            "existing_comment",
            "schema",
            "postgresql_using",
        ],
    )?;
    // Alembic's "not given" sentinel for server_default and comment is `False`.
    let server_default = match args.value(s, "server_default")? {
        None | Some(Val::Bool(false)) => None,
        Some(Val::None) => Some(DefaultChange::Drop),
        Some(Val::Identity(i)) => Some(DefaultChange::Identity(i)),
        Some(Val::Computed(c)) => Some(DefaultChange::Computed(c)),
        Some(v) => Some(DefaultChange::Set(default_value(v, what)?)),
    };
    let comment = match args.value(s, "comment")? {
        None | Some(Val::Bool(false)) => None,
        Some(Val::None) => Some(CommentChange::Drop),
        Some(Val::Str(c)) => Some(CommentChange::Set(c)),
        Some(_) => return Err(format!("{what}: `comment` is not a str")),
    };
    let existing_server_default = match args.value(s, "existing_server_default")? {
        None | Some(Val::None) | Some(Val::Bool(false)) => None,
        Some(Val::Identity(i)) => Some(ColumnDefault::Identity(i)),
        Some(Val::Computed(c)) => Some(ColumnDefault::Computed(c)),
        Some(v) => Some(ColumnDefault::Set(default_value(v, what)?)),
    };
    let existing_comment = match args.value(s, "existing_comment")? {
        None | Some(Val::None) => None,
        Some(Val::Str(c)) => Some(c),
        Some(_) => return Err(format!("{what}: `existing_comment` is not a str")),
    };
    Ok(Op::AlterColumn(AlterColumn {
        table_name: args.string(s, "table_name")?,
        column_name: args.string(s, "column_name")?,
        schema: args.opt_string(s, "schema")?,
        nullable: args.opt_bool(s, "nullable")?,
        server_default,
        new_column_name: args.opt_string(s, "new_column_name")?,
        type_: args.opt_type(s, "type_")?,
        comment,
        postgresql_using: args.opt_string(s, "postgresql_using")?,
        existing_type: args.opt_type(s, "existing_type")?,
        existing_nullable: args.opt_bool(s, "existing_nullable")?,
        existing_server_default,
        existing_comment,
        other_options: IndexMap::new(),
    }))
}
