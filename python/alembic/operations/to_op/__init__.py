"""SQLAlchemy objects -> alembic-rs's Op model (its JSON form).

The one place the ``op`` proxy reads SQLAlchemy objects (Boundary 5): ``sa.Column``, types,
constraints, ``ForeignKey``, ``Identity``, ``Computed``, server defaults, index expressions,
``sa.table()`` / ``sa.Table`` and literal values. Each function turns one operation object of
``alembic.operations.ops`` into one plain dict, shaped exactly as serde serializes the Rust
``Op`` (``src/alembic_rs_core/src/ops``): fields at their default are left out, as
``skip_serializing_if`` does, so the dict equals what the static evaluator produces for the
same call. The return annotations name those shapes as ``alembic.operations._op_types``
generates them from the Rust types (``tools/write_op_types.py``; ``tests/test_op_types.py``
checks the dicts of the op matrix against them).

Rules:

- A type the model does not know (a ``TypeDecorator``, a third-party or dialect-specific
  type) becomes ``{"type": "custom", "sql": <SQLAlchemy's DDL for the dialect>}``: never
  dropped, never guessed. A type that creates database objects of its own (a ``SchemaType``
  such as ``postgresql.DOMAIN``) is refused, since its DDL would be lost.
- An SQL expression the model has no structure for (``sa.func.coalesce(...)``,
  ``sa.literal_column``, a ``sa.text()`` with bound values, an index expression) is compiled
  by SQLAlchemy exactly as SQLAlchemy's DDL compiler would (``literal_binds``) and carried
  as ``sa.text()`` semantics, escaped so that the native compiler reproduces it verbatim.
- A Core statement given to ``op.execute`` is compiled by SQLAlchemy for the context's
  dialect, as Alembic's ``DefaultImpl._exec`` does, and carried with ``"compiled": true``.
- Keyword options the model has no field for travel in ``other_options``; where the model
  has no such field (inside a column or a table constraint) they are refused here, by name.

Refusals raise ``NotImplementedError("alembic-rs: <op>: ...")``. SQLAlchemy is imported on
first use; plain-string arguments cost nothing beyond building the dict.

The modules hold one concept each (names, expressions, types, column defaults, constraints,
one module per kind of op, ...). What only one dialect has (its ``<dialect>_*`` options and
constraints) lives in that dialect's module, ``postgresql``; another dialect adds its own.
"""

from __future__ import annotations

from .bulk_insert_op import bulk_insert
from .columns import add_column, alter_column, column_spec, drop_column
from .constraint_ops import add_constraint, drop_constraint
from .constraints import constraint_spec
from .execute_op import execute, execute_sql
from .expressions import _escape_text
from .indexes import create_index, drop_index
from .literals import literal_value
from .naming import naming_convention
from .tables import (
    create_table,
    create_table_comment,
    drop_table,
    drop_table_comment,
    rename_table,
    table_object,
)
from .types import sql_type

__all__ = [
    "_escape_text",
    "add_column",
    "add_constraint",
    "alter_column",
    "bulk_insert",
    "column_spec",
    "constraint_spec",
    "create_index",
    "create_table",
    "create_table_comment",
    "drop_column",
    "drop_constraint",
    "drop_index",
    "drop_table",
    "drop_table_comment",
    "execute",
    "execute_sql",
    "literal_value",
    "naming_convention",
    "rename_table",
    "sql_type",
    "table_object",
]
