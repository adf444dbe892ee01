"""The Op JSON is described once: by the Rust serde types (``alembic_rs_core::ops``).

``python/alembic/operations/_op_types.py`` (TypedDicts) is generated from their JSON Schema
(``src/alembic_rs_core/src/ops/op.schema.json``, kept equal to the types by the cargo test
``op_json_schema``) by ``tools/write_op_types.py``. Here:

1. the committed module is what the generator makes of the committed schema;
2. every op dict the ``op`` proxy builds for the op matrix (``alembic_compat/op_matrix``, every
   revision up and down, run offline through Python with ``ALEMBIC_RS_NO_STATIC=1``) is an
   instance of the generated ``Op`` union — checked by a structural validator of TypedDicts,
   ``Literal``, ``Union``, ``list`` and ``dict``, that rejects unknown and missing
   keys as the Rust side (``deny_unknown_fields``) does.
"""

from __future__ import annotations

import collections
import difflib
import os
import pickle
import subprocess
import sys
import textwrap
import typing
from functools import cache
from typing import Any, ForwardRef, Literal, Union

import oracle
import pytest
import typing_extensions

REPO = oracle.REPO
MATRIX = REPO / "alembic_compat" / "op_matrix"
TYPES_PATH = REPO / "python" / "alembic" / "operations" / "_op_types.py"

sys.path.insert(0, str(REPO / "python"))
from alembic.operations import _op_types  # noqa: E402


def test_generated_op_types_are_committed() -> None:
    proc = subprocess.run(
        [sys.executable, "tools/write_op_types.py", "--no-cargo", "--stdout"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    committed = TYPES_PATH.read_text()
    diff = "\n".join(
        difflib.unified_diff(
            committed.splitlines(),
            proc.stdout.splitlines(),
            fromfile="committed _op_types.py",
            tofile="regenerated",
            lineterm="",
        )
    )
    assert proc.stdout == committed, (
        "python/alembic/operations/_op_types.py is stale: run "
        f"`python tools/write_op_types.py`\n{diff}"
    )


# ---------------------------------------------------------------------------------------------
# a structural validator of the generated types


def _resolve(tp: Any) -> Any:
    """A forward reference (``list["LiteralValue"]``) as the object it names."""
    if isinstance(tp, str):
        return getattr(_op_types, tp)
    if isinstance(tp, ForwardRef):
        return getattr(_op_types, tp.__forward_arg__)
    return tp


@cache
def _fields(td: type) -> dict[str, Any]:
    return typing.get_type_hints(td)


def _tags(td: type) -> dict[str, tuple[Any, ...]]:
    """A TypedDict's keys typed by a ``Literal``: its discriminators."""
    return {
        key: typing.get_args(hint)
        for key, hint in _fields(td).items()
        if typing.get_origin(hint) is Literal
    }


def validate(value: Any, tp: Any, path: str = "op") -> list[str]:
    """The ways ``value`` is not an instance of ``tp`` (empty when it is)."""
    tp = _resolve(tp)
    origin = typing.get_origin(tp)
    if tp is Any:
        return []
    if tp is None or tp is type(None):
        return [] if value is None else [f"{path}: {value!r} is not None"]
    if origin is Literal:
        ok = any(value == v and type(value) is type(v) for v in typing.get_args(tp))
        return [] if ok else [f"{path}: {value!r} is not one of {typing.get_args(tp)}"]
    if origin is Union:
        return _validate_union(value, typing.get_args(tp), path)
    if typing_extensions.is_typeddict(tp):
        return _validate_typed_dict(value, tp, path)
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: {type(value).__name__} is not a list"]
        (item,) = typing.get_args(tp)
        return [e for i, v in enumerate(value) for e in validate(v, item, f"{path}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__} is not a dict"]
        _, item = typing.get_args(tp)
        errors = [f"{path}: key {k!r} is not a str" for k in value if not isinstance(k, str)]
        return errors + [e for k, v in value.items() for e in validate(v, item, f"{path}[{k!r}]")]
    if tp is bool:
        ok = type(value) is bool
    elif tp is int:
        ok = type(value) is int
    elif tp is float:
        ok = type(value) in (int, float)
    elif tp is str:
        ok = isinstance(value, str)
    else:
        raise TypeError(f"{path}: the validator does not know {tp!r}")
    return [] if ok else [f"{path}: {value!r} is not a {tp.__name__}"]


def _validate_union(value: Any, members: tuple[Any, ...], path: str) -> list[str]:
    members = tuple(_resolve(m) for m in members)
    failures = {m: validate(value, m, path) for m in members}
    if any(not errors for errors in failures.values()):
        return []
    if isinstance(value, dict):
        # a tagged union: report against the member the tags select
        chosen = [
            m
            for m in members
            if typing_extensions.is_typeddict(m)
            and (tags := _tags(m))
            and all(value.get(k) in allowed for k, allowed in tags.items())
        ]
        if len(chosen) == 1:
            return failures[chosen[0]]
    names = ", ".join(getattr(m, "__name__", repr(m)) for m in members)
    return [f"{path}: {value!r} matches none of {names}"]


def _validate_typed_dict(value: Any, td: type, path: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path}: {type(value).__name__} is not a dict ({td.__name__})"]
    fields = _fields(td)
    errors = [f"{path}: unknown key {k!r} ({td.__name__})" for k in value if k not in fields]
    errors += [
        f"{path}: missing key {k!r} ({td.__name__})"
        for k in sorted(td.__required_keys__)
        if k not in value
    ]
    for key, hint in fields.items():
        if key in value:
            errors += validate(value[key], hint, f"{path}[{key!r}]")
    return errors


def test_the_validator_rejects_a_misspelled_key_and_a_wrong_tag() -> None:
    good = {"op": "drop_column", "table_name": "t", "column_name": "c"}
    assert validate(good, _op_types.Op) == []
    assert validate({**good, "colum_name": "c"}, _op_types.Op) == [
        "op: unknown key 'colum_name' (OpDropColumn)"
    ]
    assert validate({**good, "op": "drop_columns"}, _op_types.Op)
    type_ = {"type": "array", "item_type": {"type": "string", "length": True}}
    assert validate(type_, _op_types.SqlType, "type") == [
        "type['item_type']['length']: True matches none of int, NoneType"
    ]


# ---------------------------------------------------------------------------------------------
# the op matrix, through the proxy

CAPTURE = textwrap.dedent(
    """
    import copy, pickle, sys
    from alembic.config import main
    from alembic.ddl.impl import DefaultImpl

    captured = []
    emit_op = DefaultImpl.emit_op

    def recording_emit_op(self, op, where=None):
        captured.append(copy.deepcopy(op))
        return emit_op(self, op, where)

    DefaultImpl.emit_op = recording_emit_op
    for argv in (
        ["upgrade", "base:head", "--sql"],
        ["downgrade", "head:base", "--sql"],
        ["-x", "seed_demo=yes", "upgrade", "0147:head", "--sql"],
    ):
        main(argv=argv)
    with open(sys.argv[1], "wb") as f:
        pickle.dump(captured, f)
    """
)


@pytest.fixture(scope="module")
def matrix_ops(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("op_types") / "ops.pickle"
    env = {**os.environ, "ALEMBIC_RS_NO_STATIC": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", CAPTURE, str(out)],
        cwd=MATRIX,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return pickle.loads(out.read_bytes())


def test_op_matrix_op_dicts_are_instances_of_the_generated_types(
    matrix_ops: list[dict[str, Any]],
) -> None:
    failures = [
        f"{op.get('op')}: {error}" for op in matrix_ops for error in validate(op, _op_types.Op)
    ]
    assert not failures, "\n".join(failures[:40])
    # the matrix exercises every op of the model
    seen = collections.Counter(op["op"] for op in matrix_ops)
    every_op = {
        typing.get_args(_fields(_resolve(td))["op"])[0] for td in typing.get_args(_op_types.Op)
    }
    assert every_op - set(seen) == set(), seen
