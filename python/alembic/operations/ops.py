"""``alembic.operations.ops``: one class per migration operation, as in Alembic.

Each ``op.<name>(...)`` call builds one of these objects with Alembic's constructor
arguments and hands it to :meth:`.Operations.invoke`, which runs the implementation
registered for its class (``alembic.operations.toimpl`` for the built-in ones: they convert
the object into one value of alembic-rs's Op model). Third-party packages subclass
:class:`MigrateOperation`, register a method with :meth:`.Operations.register_operation`
and an implementation with :meth:`.Operations.implementation_for`, exactly as with Alembic;
the built-in classes register theirs the same way (``@Operations.register_operation``), which
generates each ``Operations`` / ``BatchOperations`` method from the class's classmethod
(signature and docstring).

The classes hold what the user passed (SQLAlchemy objects included); nothing here reads
SQLAlchemy objects. The autogenerate-side helpers of Alembic's classes that rebuild
SQLAlchemy objects (``to_table``, ``from_constraint``, ...) are not part of this module.
"""

from __future__ import annotations

import re

from .base import BatchOperations, Operations

__all__ = (
    "MigrateOperation",
    "AddConstraintOp",
    "DropConstraintOp",
    "CreatePrimaryKeyOp",
    "CreateUniqueConstraintOp",
    "CreateForeignKeyOp",
    "CreateCheckConstraintOp",
    "CreateExcludeConstraintOp",
    "CreateIndexOp",
    "DropIndexOp",
    "CreateTableOp",
    "DropTableOp",
    "AlterTableOp",
    "RenameTableOp",
    "CreateTableCommentOp",
    "DropTableCommentOp",
    "AlterColumnOp",
    "AddColumnOp",
    "DropColumnOp",
    "BulkInsertOp",
    "ExecuteSQLOp",
    "OpContainer",
    "ModifyTableOps",
    "UpgradeOps",
    "DowngradeOps",
    "MigrationScript",
)


class MigrateOperation:
    """Base class for migration command and organization objects.

    This system is part of the operation extensibility API.
    """

    @property
    def info(self) -> dict:
        """A dictionary that may be used to store arbitrary information along with this
        :class:`.MigrateOperation` object."""
        try:
            return self.__dict__["_info"]
        except KeyError:
            info = self.__dict__["_info"] = {}
            return info

    @info.setter
    def info(self, value: dict) -> None:
        self.__dict__["_info"] = value

    _mutations: frozenset = frozenset()

    def reverse(self) -> MigrateOperation:
        raise NotImplementedError

    def to_diff_tuple(self) -> tuple:
        raise NotImplementedError


class AddConstraintOp(MigrateOperation):
    """Represent an add constraint operation."""

    @property
    def constraint_type(self) -> str:
        raise NotImplementedError()

    def to_diff_tuple(self) -> tuple:
        raise NotImplementedError


@Operations.register_operation("drop_constraint")
@BatchOperations.register_operation("drop_constraint", "batch_drop_constraint")
class DropConstraintOp(MigrateOperation):
    """Represent a drop constraint operation."""

    def __init__(
        self,
        constraint_name,
        table_name: str,
        type_: str | None = None,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
        _reverse: AddConstraintOp | None = None,
    ) -> None:
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.constraint_type = type_
        self.schema = schema
        self.if_exists = if_exists
        self._reverse = _reverse

    def reverse(self) -> AddConstraintOp:
        if self._reverse is None:
            raise ValueError("constraint cannot be produced; original constraint is not present")
        return self._reverse

    @classmethod
    def drop_constraint(
        cls,
        operations,
        constraint_name: str,
        table_name: str,
        type_: str | None = None,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
    ) -> None:
        """Drop a constraint of the given name, typically via DROP CONSTRAINT."""
        op = cls(constraint_name, table_name, type_=type_, schema=schema, if_exists=if_exists)
        return operations.invoke(op)

    @classmethod
    def batch_drop_constraint(
        cls, operations, constraint_name: str, type_: str | None = None
    ) -> None:
        """Issue a "drop constraint" instruction using the current batch migration
        context."""
        op = cls(
            constraint_name,
            operations.impl.table_name,
            type_=type_,
            schema=operations.impl.schema,
        )
        return operations.invoke(op)


@Operations.register_operation("create_primary_key")
@BatchOperations.register_operation("create_primary_key", "batch_create_primary_key")
class CreatePrimaryKeyOp(AddConstraintOp):
    """Represent a create primary key operation."""

    constraint_type = "primarykey"

    def __init__(self, constraint_name, table_name: str, columns, *, schema=None, **kw) -> None:
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.columns = columns
        self.schema = schema
        self.kw = kw

    def reverse(self) -> DropConstraintOp:
        return DropConstraintOp(
            self.constraint_name,
            self.table_name,
            type_="primary",
            schema=self.schema,
            _reverse=self,
        )

    @classmethod
    def create_primary_key(
        cls,
        operations,
        constraint_name: str | None,
        table_name: str,
        columns: list[str],
        *,
        schema: str | None = None,
    ) -> None:
        """Issue a "create primary key" instruction using the current migration context."""
        op = cls(constraint_name, table_name, columns, schema=schema)
        return operations.invoke(op)

    @classmethod
    def batch_create_primary_key(
        cls, operations, constraint_name: str | None, columns: list[str]
    ) -> None:
        """Issue a "create primary key" instruction using the current batch migration
        context."""
        op = cls(
            constraint_name,
            operations.impl.table_name,
            columns,
            schema=operations.impl.schema,
        )
        return operations.invoke(op)


@Operations.register_operation("create_unique_constraint")
@BatchOperations.register_operation("create_unique_constraint", "batch_create_unique_constraint")
class CreateUniqueConstraintOp(AddConstraintOp):
    """Represent a create unique constraint operation."""

    constraint_type = "unique"

    def __init__(self, constraint_name, table_name: str, columns, *, schema=None, **kw) -> None:
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.columns = columns
        self.schema = schema
        self.kw = kw

    def reverse(self) -> DropConstraintOp:
        return DropConstraintOp(
            self.constraint_name,
            self.table_name,
            type_="unique",
            schema=self.schema,
            _reverse=self,
        )

    @classmethod
    def create_unique_constraint(
        cls,
        operations,
        constraint_name: str | None,
        table_name: str,
        columns,
        *,
        schema: str | None = None,
        **kw,
    ):
        """Issue a "create unique constraint" instruction using the current migration
        context."""
        op = cls(constraint_name, table_name, columns, schema=schema, **kw)
        return operations.invoke(op)

    @classmethod
    def batch_create_unique_constraint(cls, operations, constraint_name: str, columns, **kw):
        """Issue a "create unique constraint" instruction using the current batch migration
        context."""
        kw["schema"] = operations.impl.schema
        op = cls(constraint_name, operations.impl.table_name, columns, **kw)
        return operations.invoke(op)


@Operations.register_operation("create_foreign_key")
@BatchOperations.register_operation("create_foreign_key", "batch_create_foreign_key")
class CreateForeignKeyOp(AddConstraintOp):
    """Represent a create foreign key constraint operation."""

    constraint_type = "foreignkey"

    def __init__(
        self,
        constraint_name,
        source_table: str,
        referent_table: str,
        local_cols: list[str],
        remote_cols: list[str],
        **kw,
    ) -> None:
        self.constraint_name = constraint_name
        self.source_table = source_table
        self.referent_table = referent_table
        self.local_cols = local_cols
        self.remote_cols = remote_cols
        self.kw = kw

    def reverse(self) -> DropConstraintOp:
        return DropConstraintOp(
            self.constraint_name,
            self.source_table,
            type_="foreignkey",
            schema=self.kw.get("source_schema"),
            _reverse=self,
        )

    @classmethod
    def create_foreign_key(
        cls,
        operations,
        constraint_name: str | None,
        source_table: str,
        referent_table: str,
        local_cols: list[str],
        remote_cols: list[str],
        *,
        onupdate: str | None = None,
        ondelete: str | None = None,
        deferrable: bool | None = None,
        initially: str | None = None,
        match: str | None = None,
        source_schema: str | None = None,
        referent_schema: str | None = None,
        **dialect_kw,
    ) -> None:
        """Issue a "create foreign key" instruction using the current migration context."""
        op = cls(
            constraint_name,
            source_table,
            referent_table,
            local_cols,
            remote_cols,
            onupdate=onupdate,
            ondelete=ondelete,
            deferrable=deferrable,
            source_schema=source_schema,
            referent_schema=referent_schema,
            initially=initially,
            match=match,
            **dialect_kw,
        )
        return operations.invoke(op)

    @classmethod
    def batch_create_foreign_key(
        cls,
        operations,
        constraint_name: str | None,
        referent_table: str,
        local_cols: list[str],
        remote_cols: list[str],
        *,
        referent_schema: str | None = None,
        onupdate: str | None = None,
        ondelete: str | None = None,
        deferrable: bool | None = None,
        initially: str | None = None,
        match: str | None = None,
        **dialect_kw,
    ) -> None:
        """Issue a "create foreign key" instruction using the current batch migration
        context."""
        op = cls(
            constraint_name,
            operations.impl.table_name,
            referent_table,
            local_cols,
            remote_cols,
            onupdate=onupdate,
            ondelete=ondelete,
            deferrable=deferrable,
            source_schema=operations.impl.schema,
            referent_schema=referent_schema,
            initially=initially,
            match=match,
            **dialect_kw,
        )
        return operations.invoke(op)


@Operations.register_operation("create_check_constraint")
@BatchOperations.register_operation("create_check_constraint", "batch_create_check_constraint")
class CreateCheckConstraintOp(AddConstraintOp):
    """Represent a create check constraint operation."""

    constraint_type = "check"

    def __init__(self, constraint_name, table_name: str, condition, *, schema=None, **kw) -> None:
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.condition = condition
        self.schema = schema
        self.kw = kw

    def reverse(self) -> DropConstraintOp:
        return DropConstraintOp(
            self.constraint_name,
            self.table_name,
            type_="check",
            schema=self.schema,
            _reverse=self,
        )

    @classmethod
    def create_check_constraint(
        cls,
        operations,
        constraint_name: str | None,
        table_name: str,
        condition,
        *,
        schema: str | None = None,
        **kw,
    ) -> None:
        """Issue a "create check constraint" instruction using the current migration
        context."""
        op = cls(constraint_name, table_name, condition, schema=schema, **kw)
        return operations.invoke(op)

    @classmethod
    def batch_create_check_constraint(
        cls, operations, constraint_name: str, condition, **kw
    ) -> None:
        """Issue a "create check constraint" instruction using the current batch migration
        context."""
        op = cls(
            constraint_name,
            operations.impl.table_name,
            condition,
            schema=operations.impl.schema,
            **kw,
        )
        return operations.invoke(op)


@Operations.register_operation("create_exclude_constraint")
@BatchOperations.register_operation("create_exclude_constraint", "batch_create_exclude_constraint")
class CreateExcludeConstraintOp(AddConstraintOp):
    """Represent a create exclude constraint operation (PostgreSQL; Alembic defines it in
    ``alembic.ddl.postgresql``)."""

    constraint_type = "exclude"

    def __init__(
        self,
        constraint_name,
        table_name: str,
        elements,
        where=None,
        schema: str | None = None,
        _orig_constraint=None,
        **kw,
    ) -> None:
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.elements = elements
        self.where = where
        self.schema = schema
        self._orig_constraint = _orig_constraint
        self.kw = kw

    @classmethod
    def create_exclude_constraint(
        cls, operations, constraint_name: str, table_name: str, *elements, **kw
    ):
        """Issue an alter to create an EXCLUDE constraint using the current migration
        context (PostgreSQL)."""
        op = cls(constraint_name, table_name, elements, **kw)
        return operations.invoke(op)

    @classmethod
    def batch_create_exclude_constraint(cls, operations, constraint_name: str, *elements, **kw):
        """Issue a "create exclude constraint" instruction using the current batch
        migration context."""
        kw["schema"] = operations.impl.schema
        op = cls(constraint_name, operations.impl.table_name, elements, **kw)
        return operations.invoke(op)


@Operations.register_operation("create_index")
@BatchOperations.register_operation("create_index", "batch_create_index")
class CreateIndexOp(MigrateOperation):
    """Represent a create index operation."""

    def __init__(
        self,
        index_name,
        table_name: str,
        columns,
        *,
        schema: str | None = None,
        unique: bool = False,
        if_not_exists: bool | None = None,
        **kw,
    ) -> None:
        self.index_name = index_name
        self.table_name = table_name
        self.columns = columns
        self.schema = schema
        self.unique = unique
        self.if_not_exists = if_not_exists
        self.kw = kw

    def reverse(self) -> DropIndexOp:
        return DropIndexOp(
            self.index_name,
            table_name=self.table_name,
            schema=self.schema,
            _reverse=self,
        )

    @classmethod
    def create_index(
        cls,
        operations,
        index_name: str | None,
        table_name: str,
        columns,
        *,
        schema: str | None = None,
        unique: bool = False,
        if_not_exists: bool | None = None,
        **kw,
    ) -> None:
        """Issue a "create index" instruction using the current migration context."""
        op = cls(
            index_name,
            table_name,
            columns,
            schema=schema,
            unique=unique,
            if_not_exists=if_not_exists,
            **kw,
        )
        return operations.invoke(op)

    @classmethod
    def batch_create_index(cls, operations, index_name: str, columns, **kw) -> None:
        """Issue a "create index" instruction using the current batch migration context."""
        op = cls(
            index_name,
            operations.impl.table_name,
            columns,
            schema=operations.impl.schema,
            **kw,
        )
        return operations.invoke(op)


@Operations.register_operation("drop_index")
@BatchOperations.register_operation("drop_index", "batch_drop_index")
class DropIndexOp(MigrateOperation):
    """Represent a drop index operation."""

    def __init__(
        self,
        index_name,
        table_name: str | None = None,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
        _reverse: CreateIndexOp | None = None,
        **kw,
    ) -> None:
        self.index_name = index_name
        self.table_name = table_name
        self.schema = schema
        self.if_exists = if_exists
        self._reverse = _reverse
        self.kw = kw

    def reverse(self) -> CreateIndexOp:
        if self._reverse is None:
            raise ValueError("operation is not reversible; original index is not present")
        return self._reverse

    @classmethod
    def drop_index(
        cls,
        operations,
        index_name: str,
        table_name: str | None = None,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
        **kw,
    ) -> None:
        """Issue a "drop index" instruction using the current migration context."""
        op = cls(index_name, table_name=table_name, schema=schema, if_exists=if_exists, **kw)
        return operations.invoke(op)

    @classmethod
    def batch_drop_index(cls, operations, index_name: str, **kw) -> None:
        """Issue a "drop index" instruction using the current batch migration context."""
        op = cls(
            index_name,
            table_name=operations.impl.table_name,
            schema=operations.impl.schema,
            **kw,
        )
        return operations.invoke(op)


@Operations.register_operation("create_table")
class CreateTableOp(MigrateOperation):
    """Represent a create table operation."""

    def __init__(
        self,
        table_name: str,
        columns,
        *,
        schema: str | None = None,
        if_not_exists: bool | None = None,
        _namespace_metadata=None,
        _constraints_included: bool = False,
        **kw,
    ) -> None:
        self.table_name = table_name
        self.columns = columns
        self.schema = schema
        self.if_not_exists = if_not_exists
        self.info = kw.pop("info", {})
        self.comment = kw.pop("comment", None)
        self.prefixes = kw.pop("prefixes", None)
        self.kw = kw
        self._namespace_metadata = _namespace_metadata
        self._constraints_included = _constraints_included

    def reverse(self) -> DropTableOp:
        return DropTableOp(
            self.table_name,
            schema=self.schema,
            table_kw={"comment": self.comment, "info": dict(self.info), **self.kw},
            _reverse=self,
        )

    @classmethod
    def create_table(
        cls, operations, table_name: str, *columns, if_not_exists: bool | None = None, **kw
    ):
        """Issue a "create table" instruction using the current migration context.

        Returns the :class:`~sqlalchemy.schema.Table` object, as Alembic does.
        """
        op = cls(table_name, columns, if_not_exists=if_not_exists, **kw)
        return operations.invoke(op)


@Operations.register_operation("drop_table")
class DropTableOp(MigrateOperation):
    """Represent a drop table operation."""

    def __init__(
        self,
        table_name: str,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
        table_kw=None,
        _reverse: CreateTableOp | None = None,
    ) -> None:
        self.table_name = table_name
        self.schema = schema
        self.if_exists = if_exists
        self.table_kw = table_kw or {}
        self.comment = self.table_kw.pop("comment", None)
        self.info = self.table_kw.pop("info", None)
        self.prefixes = self.table_kw.pop("prefixes", None)
        self._reverse = _reverse

    def reverse(self) -> CreateTableOp:
        if self._reverse is None:
            raise ValueError("operation is not reversible; original table is not present")
        return self._reverse

    @classmethod
    def drop_table(
        cls,
        operations,
        table_name: str,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
        **kw,
    ) -> None:
        """Issue a "drop table" instruction using the current migration context."""
        op = cls(table_name, schema=schema, if_exists=if_exists, table_kw=kw)
        operations.invoke(op)


class AlterTableOp(MigrateOperation):
    """Represent an alter table operation."""

    def __init__(self, table_name: str, *, schema: str | None = None) -> None:
        self.table_name = table_name
        self.schema = schema


@Operations.register_operation("rename_table")
class RenameTableOp(AlterTableOp):
    """Represent a rename table operation."""

    def __init__(
        self, old_table_name: str, new_table_name: str, *, schema: str | None = None
    ) -> None:
        super().__init__(old_table_name, schema=schema)
        self.new_table_name = new_table_name

    def reverse(self) -> RenameTableOp:
        return RenameTableOp(self.new_table_name, self.table_name, schema=self.schema)

    @classmethod
    def rename_table(
        cls,
        operations,
        old_table_name: str,
        new_table_name: str,
        *,
        schema: str | None = None,
    ) -> None:
        """Emit an ALTER TABLE to rename a table."""
        op = cls(old_table_name, new_table_name, schema=schema)
        return operations.invoke(op)


@Operations.register_operation("create_table_comment")
@BatchOperations.register_operation("create_table_comment", "batch_create_table_comment")
class CreateTableCommentOp(AlterTableOp):
    """Represent a COMMENT ON `table` operation."""

    def __init__(
        self,
        table_name: str,
        comment: str | None,
        *,
        schema: str | None = None,
        existing_comment: str | None = None,
    ) -> None:
        self.table_name = table_name
        self.comment = comment
        self.existing_comment = existing_comment
        self.schema = schema

    @classmethod
    def create_table_comment(
        cls,
        operations,
        table_name: str,
        comment: str | None,
        *,
        existing_comment: str | None = None,
        schema: str | None = None,
    ) -> None:
        """Emit a COMMENT ON operation to set the comment for a table."""
        op = cls(table_name, comment, existing_comment=existing_comment, schema=schema)
        return operations.invoke(op)

    @classmethod
    def batch_create_table_comment(
        cls, operations, comment: str | None, *, existing_comment: str | None = None
    ) -> None:
        """Emit a COMMENT ON operation to set the comment for a table using the current
        batch migration context."""
        op = cls(
            operations.impl.table_name,
            comment,
            existing_comment=existing_comment,
            schema=operations.impl.schema,
        )
        return operations.invoke(op)

    def reverse(self) -> CreateTableCommentOp | DropTableCommentOp:
        if self.existing_comment is None:
            return DropTableCommentOp(
                self.table_name, existing_comment=self.comment, schema=self.schema
            )
        return CreateTableCommentOp(
            self.table_name,
            self.existing_comment,
            existing_comment=self.comment,
            schema=self.schema,
        )


@Operations.register_operation("drop_table_comment")
@BatchOperations.register_operation("drop_table_comment", "batch_drop_table_comment")
class DropTableCommentOp(AlterTableOp):
    """Represent an operation to remove the comment from a table."""

    def __init__(
        self,
        table_name: str,
        *,
        schema: str | None = None,
        existing_comment: str | None = None,
    ) -> None:
        self.table_name = table_name
        self.existing_comment = existing_comment
        self.schema = schema

    @classmethod
    def drop_table_comment(
        cls,
        operations,
        table_name: str,
        *,
        existing_comment: str | None = None,
        schema: str | None = None,
    ) -> None:
        """Issue a "drop table comment" operation to remove an existing comment set on a
        table."""
        op = cls(table_name, existing_comment=existing_comment, schema=schema)
        return operations.invoke(op)

    @classmethod
    def batch_drop_table_comment(cls, operations, *, existing_comment: str | None = None) -> None:
        """Issue a "drop table comment" operation to remove an existing comment set on a
        table using the current batch operations context."""
        op = cls(
            operations.impl.table_name,
            existing_comment=existing_comment,
            schema=operations.impl.schema,
        )
        return operations.invoke(op)

    def reverse(self) -> CreateTableCommentOp:
        return CreateTableCommentOp(self.table_name, self.existing_comment, schema=self.schema)


@Operations.register_operation("alter_column")
@BatchOperations.register_operation("alter_column", "batch_alter_column")
class AlterColumnOp(AlterTableOp):
    """Represent an alter column operation."""

    def __init__(
        self,
        table_name: str,
        column_name: str,
        *,
        schema: str | None = None,
        existing_type=None,
        existing_server_default=False,
        existing_nullable: bool | None = None,
        existing_comment: str | None = None,
        modify_nullable: bool | None = None,
        modify_comment=False,
        modify_server_default=False,
        modify_name: str | None = None,
        modify_type=None,
        **kw,
    ) -> None:
        super().__init__(table_name, schema=schema)
        self.column_name = column_name
        self.existing_type = existing_type
        self.existing_server_default = existing_server_default
        self.existing_nullable = existing_nullable
        self.existing_comment = existing_comment
        self.modify_nullable = modify_nullable
        self.modify_comment = modify_comment
        self.modify_server_default = modify_server_default
        self.modify_name = modify_name
        self.modify_type = modify_type
        self.kw = kw

    def has_changes(self) -> bool:
        hc1 = (
            self.modify_nullable is not None
            or self.modify_server_default is not False
            or self.modify_type is not None
            or self.modify_comment is not False
        )
        if hc1:
            return True
        return any(kw.startswith("modify_") for kw in self.kw)

    def reverse(self) -> AlterColumnOp:
        kw = self.kw.copy()
        kw["existing_type"] = self.existing_type
        kw["existing_nullable"] = self.existing_nullable
        kw["existing_server_default"] = self.existing_server_default
        kw["existing_comment"] = self.existing_comment
        if self.modify_type is not None:
            kw["modify_type"] = self.modify_type
        if self.modify_nullable is not None:
            kw["modify_nullable"] = self.modify_nullable
        if self.modify_server_default is not False:
            kw["modify_server_default"] = self.modify_server_default
        if self.modify_comment is not False:
            kw["modify_comment"] = self.modify_comment
        all_keys = {
            m.group(1) for m in [re.match(r"^(?:existing_|modify_)(.+)$", k) for k in kw] if m
        }
        for k in all_keys:
            if "modify_%s" % k in kw:
                swap = kw["existing_%s" % k]
                kw["existing_%s" % k] = kw["modify_%s" % k]
                kw["modify_%s" % k] = swap
        return self.__class__(self.table_name, self.column_name, schema=self.schema, **kw)

    @classmethod
    def alter_column(
        cls,
        operations,
        table_name: str,
        column_name: str,
        *,
        nullable: bool | None = None,
        comment=False,
        server_default=False,
        new_column_name: str | None = None,
        type_=None,
        existing_type=None,
        existing_server_default=False,
        existing_nullable: bool | None = None,
        existing_comment: str | None = None,
        schema: str | None = None,
        **kw,
    ) -> None:
        """Issue an "alter column" instruction using the current migration context."""
        alt = cls(
            table_name,
            column_name,
            schema=schema,
            existing_type=existing_type,
            existing_server_default=existing_server_default,
            existing_nullable=existing_nullable,
            existing_comment=existing_comment,
            modify_name=new_column_name,
            modify_type=type_,
            modify_server_default=server_default,
            modify_nullable=nullable,
            modify_comment=comment,
            **kw,
        )
        return operations.invoke(alt)

    @classmethod
    def batch_alter_column(
        cls,
        operations,
        column_name: str,
        *,
        nullable: bool | None = None,
        comment=False,
        server_default=False,
        new_column_name: str | None = None,
        type_=None,
        existing_type=None,
        existing_server_default=False,
        existing_nullable: bool | None = None,
        existing_comment: str | None = None,
        insert_before: str | None = None,
        insert_after: str | None = None,
        **kw,
    ) -> None:
        """Issue an "alter column" instruction using the current batch migration
        context."""
        alt = cls(
            operations.impl.table_name,
            column_name,
            schema=operations.impl.schema,
            existing_type=existing_type,
            existing_server_default=existing_server_default,
            existing_nullable=existing_nullable,
            existing_comment=existing_comment,
            modify_name=new_column_name,
            modify_type=type_,
            modify_server_default=server_default,
            modify_nullable=nullable,
            modify_comment=comment,
            insert_before=insert_before,
            insert_after=insert_after,
            **kw,
        )
        return operations.invoke(alt)


@Operations.register_operation("add_column")
@BatchOperations.register_operation("add_column", "batch_add_column")
class AddColumnOp(AlterTableOp):
    """Represent an add column operation."""

    def __init__(
        self,
        table_name: str,
        column,
        *,
        schema: str | None = None,
        if_not_exists: bool | None = None,
        inline_references: bool | None = None,
        inline_primary_key: bool | None = None,
        **kw,
    ) -> None:
        super().__init__(table_name, schema=schema)
        self.column = column
        self.if_not_exists = if_not_exists
        self.inline_references = inline_references
        self.inline_primary_key = inline_primary_key
        self.kw = kw

    def reverse(self) -> DropColumnOp:
        op = DropColumnOp.from_column_and_tablename(self.schema, self.table_name, self.column)
        op.if_exists = self.if_not_exists
        return op

    def to_diff_tuple(self) -> tuple:
        return ("add_column", self.schema, self.table_name, self.column)

    def to_column(self):
        return self.column

    @classmethod
    def from_column(cls, col) -> AddColumnOp:
        return cls(col.table.name, col, schema=col.table.schema)

    @classmethod
    def from_column_and_tablename(cls, schema: str | None, tname: str, col) -> AddColumnOp:
        return cls(tname, col, schema=schema)

    @classmethod
    def add_column(
        cls,
        operations,
        table_name: str,
        column,
        *,
        schema: str | None = None,
        if_not_exists: bool | None = None,
        inline_references: bool | None = None,
        inline_primary_key: bool | None = None,
    ) -> None:
        """Issue an "add column" instruction using the current migration context."""
        op = cls(
            table_name,
            column,
            schema=schema,
            if_not_exists=if_not_exists,
            inline_references=inline_references,
            inline_primary_key=inline_primary_key,
        )
        return operations.invoke(op)

    @classmethod
    def batch_add_column(
        cls,
        operations,
        column,
        *,
        insert_before: str | None = None,
        insert_after: str | None = None,
        if_not_exists: bool | None = None,
        inline_references: bool | None = None,
        inline_primary_key: bool | None = None,
    ) -> None:
        """Issue an "add column" instruction using the current batch migration context."""
        kw = {}
        if insert_before:
            kw["insert_before"] = insert_before
        if insert_after:
            kw["insert_after"] = insert_after
        op = cls(
            operations.impl.table_name,
            column,
            schema=operations.impl.schema,
            if_not_exists=if_not_exists,
            inline_references=inline_references,
            inline_primary_key=inline_primary_key,
            **kw,
        )
        return operations.invoke(op)


@Operations.register_operation("drop_column")
@BatchOperations.register_operation("drop_column", "batch_drop_column")
class DropColumnOp(AlterTableOp):
    """Represent a drop column operation."""

    def __init__(
        self,
        table_name: str,
        column_name: str,
        *,
        schema: str | None = None,
        if_exists: bool | None = None,
        _reverse: AddColumnOp | None = None,
        **kw,
    ) -> None:
        super().__init__(table_name, schema=schema)
        self.column_name = column_name
        self.kw = kw
        self.if_exists = if_exists
        self._reverse = _reverse

    def reverse(self) -> AddColumnOp:
        if self._reverse is None:
            raise ValueError("operation is not reversible; original column is not present")
        op = AddColumnOp.from_column_and_tablename(
            self.schema, self.table_name, self._reverse.column
        )
        op.if_not_exists = self.if_exists
        return op

    @classmethod
    def from_column_and_tablename(cls, schema: str | None, tname: str, col) -> DropColumnOp:
        return cls(
            tname,
            col.name,
            schema=schema,
            _reverse=AddColumnOp.from_column_and_tablename(schema, tname, col),
        )

    @classmethod
    def drop_column(
        cls,
        operations,
        table_name: str,
        column_name: str,
        *,
        schema: str | None = None,
        **kw,
    ) -> None:
        """Issue a "drop column" instruction using the current migration context."""
        op = cls(table_name, column_name, schema=schema, **kw)
        return operations.invoke(op)

    @classmethod
    def batch_drop_column(cls, operations, column_name: str, **kw) -> None:
        """Issue a "drop column" instruction using the current batch migration context."""
        op = cls(
            operations.impl.table_name,
            column_name,
            schema=operations.impl.schema,
            **kw,
        )
        return operations.invoke(op)


@Operations.register_operation("bulk_insert")
class BulkInsertOp(MigrateOperation):
    """Represent a bulk insert operation."""

    def __init__(self, table, rows, *, multiinsert: bool = True) -> None:
        self.table = table
        self.rows = rows
        self.multiinsert = multiinsert

    @classmethod
    def bulk_insert(cls, operations, table, rows, *, multiinsert: bool = True) -> None:
        """Issue a "bulk insert" operation using the current migration context."""
        op = cls(table, rows, multiinsert=multiinsert)
        operations.invoke(op)


@Operations.register_operation("execute")
@BatchOperations.register_operation("execute", "batch_execute")
class ExecuteSQLOp(MigrateOperation):
    """Represent an execute SQL operation."""

    def __init__(self, sqltext, *, execution_options: dict | None = None) -> None:
        self.sqltext = sqltext
        self.execution_options = execution_options

    @classmethod
    def execute(cls, operations, sqltext, *, execution_options: dict | None = None) -> None:
        """Execute the given SQL using the current migration context.

        ``sqltext`` is a string (``sa.text()`` semantics), ``sa.text()``, or any SQLAlchemy
        statement (``table.update()``, ``insert()``, ``delete()``, ``select()``, DDL
        constructs), which SQLAlchemy compiles for the context's dialect.
        """
        op = cls(sqltext, execution_options=execution_options)
        return operations.invoke(op)

    @classmethod
    def batch_execute(cls, operations, sqltext, *, execution_options: dict | None = None) -> None:
        """Execute the given SQL using the current migration context."""
        return cls.execute(operations, sqltext, execution_options=execution_options)

    def to_diff_tuple(self) -> tuple:
        return ("execute", self.sqltext)


class OpContainer(MigrateOperation):
    """Represent a sequence of operations operation."""

    def __init__(self, ops=()) -> None:
        self.ops = list(ops)

    def is_empty(self) -> bool:
        return not self.ops

    def as_diffs(self) -> list:
        return list(OpContainer._ops_as_diffs(self))

    @classmethod
    def _ops_as_diffs(cls, migrations):
        for op in migrations.ops:
            if hasattr(op, "ops"):
                yield from cls._ops_as_diffs(op)
            else:
                yield op.to_diff_tuple()


class ModifyTableOps(OpContainer):
    """Contains a sequence of operations that all apply to a single Table."""

    def __init__(self, table_name: str, ops, *, schema: str | None = None) -> None:
        super().__init__(ops)
        self.table_name = table_name
        self.schema = schema

    def reverse(self) -> ModifyTableOps:
        return ModifyTableOps(
            self.table_name,
            ops=list(reversed([op.reverse() for op in self.ops])),
            schema=self.schema,
        )


class UpgradeOps(OpContainer):
    """contains a sequence of operations that would apply to the 'upgrade' stream of a
    script."""

    def __init__(self, ops=(), upgrade_token: str = "upgrades") -> None:
        super().__init__(ops=ops)
        self.upgrade_token = upgrade_token

    def reverse_into(self, downgrade_ops: DowngradeOps) -> DowngradeOps:
        downgrade_ops.ops[:] = list(reversed([op.reverse() for op in self.ops]))
        return downgrade_ops

    def reverse(self) -> DowngradeOps:
        return self.reverse_into(DowngradeOps(ops=[]))


class DowngradeOps(OpContainer):
    """contains a sequence of operations that would apply to the 'downgrade' stream of a
    script."""

    def __init__(self, ops=(), downgrade_token: str = "downgrades") -> None:
        super().__init__(ops=ops)
        self.downgrade_token = downgrade_token

    def reverse(self) -> UpgradeOps:
        return UpgradeOps(ops=list(reversed([op.reverse() for op in self.ops])))


class MigrationScript(MigrateOperation):
    """represents a migration script (``process_revision_directives`` receives these)."""

    def __init__(
        self,
        rev_id: str | None,
        upgrade_ops: UpgradeOps,
        downgrade_ops: DowngradeOps,
        *,
        message: str | None = None,
        imports: set[str] = set(),  # noqa: B006 (Alembic's signature)
        head: str | None = None,
        splice: bool | None = None,
        branch_label=None,
        version_path=None,
        depends_on=None,
    ) -> None:
        self.rev_id = rev_id
        self.message = message
        self.imports = imports
        self.head = head
        self.splice = splice
        self.branch_label = branch_label
        if version_path:
            import pathlib

            self.version_path = pathlib.Path(version_path).as_posix()
        else:
            self.version_path = None
        self.depends_on = depends_on
        self.upgrade_ops = upgrade_ops
        self.downgrade_ops = downgrade_ops

    @property
    def upgrade_ops(self) -> UpgradeOps | None:
        """An instance of :class:`.UpgradeOps`."""
        if len(self._upgrade_ops) > 1:
            raise ValueError(
                "This MigrationScript instance has a multiple-entry "
                "list for UpgradeOps; please use the "
                "upgrade_ops_list attribute."
            )
        if not self._upgrade_ops:
            return None
        return self._upgrade_ops[0]

    @upgrade_ops.setter
    def upgrade_ops(self, upgrade_ops) -> None:
        self._upgrade_ops = _to_list(upgrade_ops)
        for elem in self._upgrade_ops:
            assert isinstance(elem, UpgradeOps)

    @property
    def downgrade_ops(self) -> DowngradeOps | None:
        """An instance of :class:`.DowngradeOps`."""
        if len(self._downgrade_ops) > 1:
            raise ValueError(
                "This MigrationScript instance has a multiple-entry "
                "list for DowngradeOps; please use the "
                "downgrade_ops_list attribute."
            )
        if not self._downgrade_ops:
            return None
        return self._downgrade_ops[0]

    @downgrade_ops.setter
    def downgrade_ops(self, downgrade_ops) -> None:
        self._downgrade_ops = _to_list(downgrade_ops)
        for elem in self._downgrade_ops:
            assert isinstance(elem, DowngradeOps)

    @property
    def upgrade_ops_list(self) -> list[UpgradeOps]:
        return self._upgrade_ops

    @property
    def downgrade_ops_list(self) -> list[DowngradeOps]:
        return self._downgrade_ops


def _to_list(x) -> list:
    if x is None:
        return []
    if isinstance(x, (list, tuple)):
        return list(x)
    return [x]
