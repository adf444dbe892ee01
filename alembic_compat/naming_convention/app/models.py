"""The application's MetaData, with the naming convention of the run (`-x convention=...`).

`strings` uses the tokens of SQLAlchemy's documentation, keyed by strings; `tokens` the
others (`_key`, `_label`, `0N`, `0_N`, referred columns, a precision); `classes` keys
templates by constraint classes (and by `sa.Constraint` for the rest); `callable` has a
token given as a function (only SQLAlchemy can evaluate it); `empty` is
`MetaData(naming_convention={})` (SQLAlchemy's default); `plain` is no convention at all;
`pk_constraint_name` and `unknown_token` are conventions SQLAlchemy rejects.
"""

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

CONVENTIONS = {
    "strings": {
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    },
    "tokens": {
        "ix": "ix_%(table_name)s_%(column_0N_name)s",
        "uq": "uq_%(column_0_key)s_%(column_0_label)s_%(column_1_name)s",
        "ck": "ck_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(column_0_N_name)s__%(referred_column_0N_name)s",
        "pk": "pk_%(table_name).6s_%(column_0N_name)s",
    },
    "classes": {
        sa.UniqueConstraint: "uq_%(table_name)s_%(column_0_name)s",
        sa.PrimaryKeyConstraint: "pk_%(table_name)s",
        sa.Index: "idx_%(table_name)s_%(column_0_name)s",
        postgresql.ExcludeConstraint: "excl_%(table_name)s",
        sa.Constraint: "c_%(table_name)s_%(column_0_name)s",
    },
    "callable": {
        "column_names": lambda constraint, table: "_".join(c.name for c in constraint.columns),
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_names)s",
        "pk": "pk_%(table_name)s",
    },
    "empty": {},
    "plain": None,
    "pk_constraint_name": {"pk": "pk_%(constraint_name)s"},
    "unknown_token": {"uq": "uq_%(column_name)s"},
}


def metadata(name: str) -> sa.MetaData:
    convention = CONVENTIONS[name]
    if convention is None:
        return sa.MetaData()
    return sa.MetaData(naming_convention=convention)
