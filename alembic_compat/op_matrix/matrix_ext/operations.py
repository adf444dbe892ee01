"""A third-party style custom operation, as alembic_utils and similar packages define them.

Importing this module (env.py does) registers ``op.create_sequence_x`` and
``op.drop_sequence_x``: a MigrateOperation subclass registered with
``Operations.register_operation`` and an implementation registered with
``Operations.implementation_for`` that emits SQL through ``operations.execute``.
"""

from alembic.operations import MigrateOperation, Operations


@Operations.register_operation("create_sequence_x")
class CreateSequenceOp(MigrateOperation):
    """Create a sequence (CREATE SEQUENCE ...)."""

    def __init__(self, sequence_name, schema=None, start=None, increment=None):
        self.sequence_name = sequence_name
        self.schema = schema
        self.start = start
        self.increment = increment

    @classmethod
    def create_sequence_x(cls, operations, sequence_name, **kw):
        """Issue a CREATE SEQUENCE statement."""
        return operations.invoke(cls(sequence_name, **kw))

    def reverse(self):
        return DropSequenceOp(self.sequence_name, schema=self.schema)


@Operations.register_operation("drop_sequence_x")
class DropSequenceOp(MigrateOperation):
    """Drop a sequence (DROP SEQUENCE ...)."""

    def __init__(self, sequence_name, schema=None, if_exists=False):
        self.sequence_name = sequence_name
        self.schema = schema
        self.if_exists = if_exists

    @classmethod
    def drop_sequence_x(cls, operations, sequence_name, **kw):
        """Issue a DROP SEQUENCE statement."""
        return operations.invoke(cls(sequence_name, **kw))

    def reverse(self):
        return CreateSequenceOp(self.sequence_name, schema=self.schema)


def _qualified(name, schema):
    return f"{schema}.{name}" if schema is not None else name


@Operations.implementation_for(CreateSequenceOp)
def create_sequence(operations, operation):
    sql = f"CREATE SEQUENCE {_qualified(operation.sequence_name, operation.schema)}"
    if operation.increment is not None:
        sql += f" INCREMENT BY {operation.increment}"
    if operation.start is not None:
        sql += f" START WITH {operation.start}"
    operations.execute(sql)


@Operations.implementation_for(DropSequenceOp)
def drop_sequence(operations, operation):
    if_exists = "IF EXISTS " if operation.if_exists else ""
    operations.execute(
        f"DROP SEQUENCE {if_exists}{_qualified(operation.sequence_name, operation.schema)}"
    )
