"""The naming convention of the ``MetaData`` Alembic builds op tables in, for the native
compiler."""

from __future__ import annotations

from .loader import _sa
from .postgresql import convention_kinds


def naming_convention(target_metadata):
    """The ``naming_convention`` Alembic's op tables get (``SchemaObjects.metadata()``: the
    one of ``target_metadata`` when it has one), resolved per kind of constraint by
    SQLAlchemy's own lookup (keys given as strings or as classes), as the JSON the native
    compiler reads; ``None`` when there is none (SQLAlchemy's default)."""
    convention = getattr(target_metadata, "naming_convention", None)
    if convention is None:
        return None
    import json

    from sqlalchemy.sql.naming import _get_convention

    m = _sa()

    # MetaData(naming_convention={}) falls back to the default convention
    convention = m.sa.MetaData(naming_convention=convention).naming_convention
    kinds = {
        "ix": m.sa.Index,
        "pk": m.PrimaryKeyConstraint,
        "uq": m.UniqueConstraint,
        "ck": m.sa.CheckConstraint,
        "fk": m.ForeignKeyConstraint,
        **convention_kinds(),
        "constraint": m.Constraint,
    }
    out: dict = {"dict_tokens": sorted(k for k in convention if isinstance(k, str))}
    opaque = []
    for kind, cls in kinds.items():
        template = _get_convention(convention, cls)
        if template is None:
            continue
        if type(template) is str:
            out[kind] = template
        else:
            opaque.append(kind)
    if opaque:
        out["opaque"] = opaque
    return json.dumps(out)
