"""SQL expressions as SQL text with ``sa.text()`` semantics (compiled by SQLAlchemy where the
Op model has no structure for them)."""

from __future__ import annotations

from .loader import _sa


def _is_word(ch: str) -> bool:
    return ch == "_" or ch.isalnum()


def _escape_text(sql: str) -> str:
    """Text that ``sa.text()`` rendering (``:name`` binds, ``\\:`` escapes) turns back into
    exactly ``sql``: every ``:name`` that would read as a bind gets a backslash, and every
    backslash that would be read as an escape gets another."""
    if ":" not in sql:
        return sql
    out: list[str] = []
    n = len(sql)
    for i, ch in enumerate(sql):
        if ch != ":":
            out.append(ch)
            continue
        j = i + 1
        while j < n and _is_word(sql[j]):
            j += 1
        follows_colon = j < n and sql[j] == ":"
        prev = sql[i - 1] if i else ""
        if prev == "\\":
            if not follows_colon:
                out[-1] = "\\\\"
        elif prev != ":" and not (prev and _is_word(prev)) and j > i + 1 and not follows_colon:
            out.append("\\")
        out.append(ch)
    return "".join(out)


def _compile_expression(expr, ctx, **kw) -> str:
    """``expr`` as SQLAlchemy's DDL compiler renders it (``literal_binds``), in ``sa.text``
    semantics for the Op model: ``%`` as written (the native compiler doubles it for
    format/pyformat drivers, as SQLAlchemy did here) and ``:`` escaped."""
    dialect = ctx.dialect
    compiler = dialect.statement_compiler(dialect, None)
    sql = compiler.process(expr, literal_binds=True, **kw)
    if dialect.identifier_preparer._double_percents:
        sql = sql.replace("%%", "%")
    return _escape_text(sql)


def _text_is_plain(clause, for_statement: bool) -> bool:
    """A ``sa.text()`` whose bind parameters carry nothing: the native compiler renders it
    as SQLAlchemy would (``NULL`` under ``literal_binds``, the placeholder otherwise)."""
    for bp in clause._bindparams.values():
        if bp.value is not None or bp.callable is not None:
            return False
        if for_statement and not bp.type._isnull:
            return False
    return True


def _sql_text(value, ctx, what: str, arg: str, **kw) -> str:
    """A condition / expression argument (``str``, ``sa.text()`` or any SQL expression) as
    SQL text with ``sa.text`` semantics."""
    if isinstance(value, str):
        return value
    m = _sa()
    if isinstance(value, m.TextClause) and _text_is_plain(value, False):
        return value.text
    if isinstance(value, m.ClauseElement):
        return _compile_expression(value, ctx, **kw)
    raise TypeError(f"{what}: `{arg}` must be a str or an SQL expression, not {value!r}")
