"""Alembic's SQLAlchemy DDL constructs that third-party dialect packages build on.

alembic-rs compiles its DDL natively; these exist because a dialect package registers
compilers for them when its module is imported, and that import must work as with Alembic:
sqlalchemy-cockroachdb does ``@compiles(alembic.ddl.postgresql.PostgresqlColumnType,
"cockroachdb")`` and ``@compiles(alembic.ddl.postgresql.ColumnComment, "cockroachdb")``,
calling ``alembic.ddl.postgresql.visit_column_type`` / ``visit_column_comment``. The classes
and functions are Alembic 1.20's (``alembic/ddl/base.py``, ``alembic/ddl/postgresql.py``),
and compile to the same text. Imported on first use through ``alembic.ddl.postgresql``'s
module ``__getattr__``, since this imports SQLAlchemy.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import types as sqltypes
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import DDLElement
from sqlalchemy.sql.elements import quoted_name


class AlterTable(DDLElement):
    """An ``ALTER TABLE`` statement: only the table's name and schema are needed."""

    def __init__(self, table_name: str, schema: quoted_name | str | None = None) -> None:
        self.table_name = table_name
        self.schema = schema


class AlterColumn(AlterTable):
    def __init__(
        self,
        name: str,
        column_name: str,
        schema: str | None = None,
        existing_type: Any = None,
        existing_nullable: bool | None = None,
        existing_server_default: Any = None,
        existing_comment: str | None = None,
    ) -> None:
        super().__init__(name, schema=schema)
        self.column_name = column_name
        self.existing_type = (
            sqltypes.to_instance(existing_type) if existing_type is not None else None
        )
        self.existing_nullable = existing_nullable
        self.existing_server_default = existing_server_default
        self.existing_comment = existing_comment


class ColumnComment(AlterColumn):
    def __init__(self, name: str, column_name: str, comment: str | None, **kw: Any) -> None:
        super().__init__(name, column_name, **kw)
        self.comment = comment


class PostgresqlColumnType(AlterColumn):
    def __init__(self, name: str, column_name: str, type_: Any, **kw: Any) -> None:
        using = kw.pop("using", None)
        super().__init__(name, column_name, **kw)
        self.type_ = sqltypes.to_instance(type_)
        self.using = using


def quote_dotted(name: quoted_name | str, quote: functools.partial[Any]) -> quoted_name | str:
    """Quote the elements of a dotted name."""
    if isinstance(name, quoted_name):
        return quote(name)
    return ".".join([quote(x) for x in name.split(".")])


def format_table_name(
    compiler: Any, name: quoted_name | str, schema: quoted_name | str | None
) -> quoted_name | str:
    quote = functools.partial(compiler.preparer.quote)
    if schema:
        return quote_dotted(schema, quote) + "." + quote(name)
    return quote(name)


def format_column_name(compiler: Any, name: quoted_name | str | None) -> quoted_name | str:
    return compiler.preparer.quote(name)


def format_type(compiler: Any, type_: Any) -> str:
    return compiler.dialect.type_compiler.process(type_)


def alter_table(compiler: Any, name: str, schema: str | None) -> str:
    return "ALTER TABLE %s" % format_table_name(compiler, name, schema)


def alter_column(compiler: Any, name: str) -> str:
    return "ALTER COLUMN %s" % format_column_name(compiler, name)


@compiles(PostgresqlColumnType, "postgresql")
def visit_column_type(element: PostgresqlColumnType, compiler: Any, **kw: Any) -> str:
    return "%s %s %s %s" % (
        alter_table(compiler, element.table_name, element.schema),
        alter_column(compiler, element.column_name),
        "TYPE %s" % format_type(compiler, element.type_),
        "USING %s" % element.using if element.using else "",
    )


@compiles(ColumnComment, "postgresql")
def visit_column_comment(element: ColumnComment, compiler: Any, **kw: Any) -> str:
    ddl = "COMMENT ON COLUMN {table_name}.{column_name} IS {comment}"
    comment = (
        compiler.sql_compiler.render_literal_value(element.comment, sqltypes.String())
        if element.comment is not None
        else "NULL"
    )
    return ddl.format(
        table_name=format_table_name(compiler, element.table_name, element.schema),
        column_name=format_column_name(compiler, element.column_name),
        comment=comment,
    )
