"""Building an Op dict: a field at its default is left out, as serde's
``skip_serializing_if`` does; the deferrability fields every constraint shares."""

from __future__ import annotations


def _put(d: dict, key: str, value) -> None:
    if value is not None:
        d[key] = value


def _deferrability(constraint, d: dict) -> None:
    if constraint.deferrable is not None:
        d["deferrable"] = bool(constraint.deferrable)
    if constraint.initially is not None:
        d["initially"] = constraint.initially
