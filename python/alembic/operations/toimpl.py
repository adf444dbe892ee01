"""The built-in operations' implementations: each turns its operation object into one value
of alembic-rs's Op model (``to_op``) and hands it to ``operations.impl.emit_op``.

``operations.impl`` is the migration context's impl, or in ``batch_alter_table`` the batch
impl that emits the collected ops when the block ends. ``execute`` always goes straight to
the migration context's impl, as in Alembic.

Register a replacement with ``Operations.implementation_for(op_cls, replace=True)``.
"""

from __future__ import annotations

from . import _sqla, ops, to_op
from .base import Operations


@Operations.implementation_for(ops.AlterColumnOp)
def alter_column(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.alter_column, _sqla.alter_column)


@Operations.implementation_for(ops.DropTableOp)
def drop_table(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.drop_table, _sqla.drop_table)


@Operations.implementation_for(ops.DropColumnOp)
def drop_column(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.drop_column, _sqla.drop_column)


@Operations.implementation_for(ops.CreateIndexOp)
def create_index(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.create_index, _sqla.create_index)


@Operations.implementation_for(ops.DropIndexOp)
def drop_index(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.drop_index, _sqla.drop_index)


@Operations.implementation_for(ops.CreateTableOp)
def create_table(operations, operation):
    context = operations.migration_context
    table = _sqla.run(operations, operation, to_op.create_table, _sqla.create_table)
    if table is None:
        table = to_op.table_object(operation, context)
    return table


@Operations.implementation_for(ops.RenameTableOp)
def rename_table(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.rename_table, _sqla.rename_table)


@Operations.implementation_for(ops.CreateTableCommentOp)
def create_table_comment(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.create_table_comment, _sqla.create_table_comment)


@Operations.implementation_for(ops.DropTableCommentOp)
def drop_table_comment(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.drop_table_comment, _sqla.drop_table_comment)


@Operations.implementation_for(ops.AddColumnOp)
def add_column(operations, operation) -> None:
    if operation.kw:
        check = getattr(operations.impl, "check_add_column_options", None)
        if check is not None:
            check(operation.kw)
    _sqla.run(operations, operation, to_op.add_column, _sqla.add_column)


@Operations.implementation_for(ops.AddConstraintOp)
def create_constraint(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.add_constraint, _sqla.add_constraint)


@Operations.implementation_for(ops.DropConstraintOp)
def drop_constraint(operations, operation) -> None:
    _sqla.run(operations, operation, to_op.drop_constraint, _sqla.drop_constraint)


@Operations.implementation_for(ops.BulkInsertOp)
def bulk_insert(operations, operation) -> None:
    context = operations.migration_context
    if not context.as_sql:
        # online, rows go to the database as Alembic sends them: an executemany of the
        # table's INSERT, with SQLAlchemy's bind processing (JSON None is JSON null, a dict
        # is JSON, ...)
        _bulk_insert_with_sqlalchemy(context.impl, operation)
        return
    _sqla.run(operations, operation, to_op.bulk_insert, _sqla.bulk_insert)


def _bulk_insert_with_sqlalchemy(impl, operation) -> None:
    """``DefaultImpl.bulk_insert`` online."""
    table, rows = operation.table, operation.rows
    if not isinstance(rows, list):
        raise TypeError("List expected")
    elif rows and not isinstance(rows[0], dict):
        raise TypeError("List of dictionaries expected")
    if not rows:
        return
    insert = table.insert().inline()
    if operation.multiinsert:
        impl._exec(insert, multiparams=rows)
    else:
        for row in rows:
            impl._exec(table.insert().inline().values(**row))


@Operations.implementation_for(ops.ExecuteSQLOp)
def execute_sql(operations, operation) -> None:
    context = operations.migration_context
    if not context.as_sql and (operation.execution_options or _needs_sqlalchemy(operation.sqltext)):
        # online, a Core construct (or text with bind parameters) runs on the connection as
        # Alembic runs it, with its parameters and SQLAlchemy's own errors; so does a
        # statement with execution options, which Alembic sets on the connection, where they
        # stay for the rest of the run (`no_parameters` changes how the driver treats `%`
        # in every later statement)
        context.impl._exec(operation.sqltext, operation.execution_options)
        return
    _sqla.run(operations, operation, to_op.execute, _sqla.execute, immediate=True)


def _needs_sqlalchemy(sqltext) -> bool:
    if isinstance(sqltext, str):
        from ..ddl.impl import DefaultImpl

        return DefaultImpl._native_has_binds(sqltext)
    from sqlalchemy.sql.elements import TextClause

    if isinstance(sqltext, TextClause):
        # text() parses its `:name` bind parameters
        return bool(sqltext._bindparams)
    return True
