"""``op.batch_alter_table``: the operations of the block are collected and emitted, in
order, when the block ends (Alembic's ``BatchOperationsImpl`` with ALTER semantics).

Alembic recreates the table ("move and copy") only when asked (``recreate="always"``) or on
SQLite; alembic-rs does not model the recreation and says so. Offline without
``copy_from`` it raises the ``CommandError`` Alembic raises there.
"""

from __future__ import annotations

import contextlib


class BatchOperationsImpl:
    """The ``impl`` of a :class:`.BatchOperations`: records Op values until ``flush``."""

    def __init__(
        self,
        operations,
        table_name,
        schema,
        recreate,
        copy_from,
        table_args,
        table_kwargs,
        reflect_args,
        reflect_kwargs,
        naming_convention,
        partial_reordering,
    ) -> None:
        self.operations = operations
        self.table_name = table_name
        self.schema = schema
        if recreate not in ("auto", "always", "never"):
            raise ValueError("recreate may be one of 'auto', 'always', or 'never'.")
        self.recreate = recreate
        self.copy_from = copy_from
        self.table_args = table_args
        self.table_kwargs = dict(table_kwargs)
        self.reflect_args = reflect_args
        self.reflect_kwargs = dict(reflect_kwargs)
        self.naming_convention = naming_convention
        self.partial_reordering = partial_reordering
        self.batch: list[dict] = []

    @property
    def dialect(self):
        return self.operations.impl.dialect

    @property
    def impl(self):
        return self.operations.impl

    @property
    def bind(self):
        return self.operations.impl.bind

    def _should_recreate(self) -> bool:
        if self.recreate == "auto":
            requires = getattr(self.operations.impl, "requires_recreate_in_batch", None)
            return bool(requires(self)) if requires is not None else False
        return self.recreate == "always"

    def emit_op(self, op: dict) -> None:
        self.batch.append(op)

    def check_add_column_options(self, kw: dict) -> None:
        """``insert_before`` / ``insert_after`` only mean something when recreating."""
        if ("insert_before" in kw or "insert_after" in kw) and not self._should_recreate():
            from ..util.exc import CommandError

            raise CommandError(
                "Can't specify insert_before or insert_after when using "
                "ALTER; please specify recreate='always'"
            )

    def flush(self) -> None:
        if self._should_recreate():
            context = self.operations.migration_context
            if self.copy_from is None and getattr(context, "as_sql", False):
                from ..util.exc import CommandError

                raise CommandError(
                    f"This operation cannot proceed in --sql mode; "
                    f"batch mode with dialect "
                    f"{context.dialect.name} "
                    f"requires a live database connection with which "
                    f'to reflect the table "{self.table_name}". '
                    f"To generate a batch SQL migration script using "
                    "table "
                    '"move and copy", a complete Table object '
                    f'should be passed to the "copy_from" argument '
                    "of the batch_alter_table() method so that table "
                    "reflection can be skipped."
                )
            raise NotImplementedError(
                f"alembic-rs: op.batch_alter_table({self.table_name!r}, "
                f'recreate={self.recreate!r}): recreating the table ("move and copy": '
                "CREATE TABLE _alembic_tmp_..., INSERT ... SELECT, DROP, RENAME) is not "
                "supported; on PostgreSQL use recreate='auto' (plain ALTER statements)"
            )
        emit = self.operations.impl.emit_op
        scope = getattr(self.operations.migration_context, "_ensure_scope_for_ddl", None)
        # Alembic's `_ensure_scope_for_ddl`: on a connection outside a transaction the
        # batch's statements run in a transaction of their own, committed here
        with scope() if scope is not None else contextlib.nullcontext():
            for op in self.batch:
                # an Op value, or an operation left to SQLAlchemy (operations._sqla.run)
                op() if callable(op) else emit(op)
