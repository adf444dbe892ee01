"""Column types defined by the application, not by SQLAlchemy.

SQLAlchemy's compiler renders them for the dialect: a TypeDecorator as its ``impl``
(``load_dialect_impl`` may choose a dialect-specific one), a UserDefinedType through its
``get_col_spec``.
"""

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeDecorator, UserDefinedType


class EncryptedString(TypeDecorator):
    """Stores ciphertext in a VARCHAR; encryption happens in the application."""

    impl = sa.String
    cache_ok = True

    def __init__(self, length=255, **kw):
        super().__init__(length=length, **kw)


class Json(TypeDecorator):
    """JSONB on PostgreSQL, JSON elsewhere (a common portability shim)."""

    impl = sa.JSON
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.JSONB())
        return dialect.type_descriptor(sa.JSON())


class Money(TypeDecorator):
    """Amounts as NUMERIC(19, 4)."""

    impl = sa.Numeric(19, 4)
    cache_ok = True


class LTree(UserDefinedType):
    """A label-tree path (the ltree extension), rendered by get_col_spec."""

    cache_ok = True

    def get_col_spec(self, **kw):
        return "LTREE"
