"""``op.inline_literal()``'s bind parameter: always rendered as a literal (Alembic's
``sqla_compat._literal_bindparam``). Imported on first use: it needs SQLAlchemy."""

from __future__ import annotations

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import BindParameter


class _literal_bindparam(BindParameter):  # noqa: N801 (Alembic's name)
    """A bind parameter that SQLAlchemy renders inline, offline and online alike."""

    # The value is rendered into the SQL text, so a statement holding one must not be
    # served from SQLAlchemy's compiled cache (whose key leaves bind values out).
    inherit_cache = False


@compiles(_literal_bindparam)
def _render_literal_bindparam(element, compiler, **kw):
    return compiler.render_literal_bindparam(element, **kw)
