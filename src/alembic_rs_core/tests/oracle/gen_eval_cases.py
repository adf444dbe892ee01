"""Generate eval_cases.json: real Alembic's offline SQL for every version file the static
evaluator's test reads.

Run with the oracle interpreter (Alembic 1.20.1 + SQLAlchemy 2.1.9 installed):

    /tmp/oracle/bin/python src/alembic_rs_core/tests/oracle/gen_eval_cases.py

The files are every version file of the compatibility corpus (``alembic_compat/*/``, minus
``broken/``) and the migrations under ``tests/fixtures/eval/``. Each module is imported and
its ``upgrade()`` and ``downgrade()`` are run, each in a fresh offline PostgreSQL migration
context (``MigrationContext.configure(dialect_name="postgresql", opts={"as_sql": True,
"output_buffer": buf})``, ``alembic.op`` bound through ``Operations.context(ctx)``). For each
function the fixture records:

* ``statements``: each statement exactly as SQLAlchemy compiled it, and ``offline``: the
  whole offline output buffer (checked here to be the statements, rendered the way the
  offline writer does);
* or ``error``: the exception real Alembic raised.

A file containing the line ``# eval-oracle: unordered`` has statements whose order follows
Python set iteration (``Table.indexes``): the Rust test compares them as multisets.
Running the script twice gives the same file.
"""

from __future__ import annotations

import glob
import importlib.util
import io
import json
import os
import sys

import sqlalchemy as sa

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(os.path.dirname(HERE))
REPO = os.path.dirname(os.path.dirname(CRATE))
OUT = os.path.join(HERE, "eval_cases.json")


def version_files():
    corpus = os.path.join(REPO, "alembic_compat")
    found = set()
    for path in glob.glob(os.path.join(corpus, "**", "versions", "**", "*.py"), recursive=True):
        rel = os.path.relpath(path, REPO)
        if rel.startswith(os.path.join("alembic_compat", "broken")) or "__pycache__" in rel:
            continue
        if os.path.basename(path) == "__init__.py":
            continue
        found.add(rel)
    for path in glob.glob(os.path.join(CRATE, "tests", "fixtures", "eval", "*.py")):
        found.add(os.path.relpath(path, REPO))
    return sorted(found)


def run(fn):
    buf = io.StringIO()
    ctx = MigrationContext.configure(
        dialect_name="postgresql", opts={"as_sql": True, "output_buffer": buf}
    )
    impl = ctx.impl
    raw = []
    orig_exec = impl._exec

    def recording_exec(construct, *a, **k):
        c = sa.text(construct) if isinstance(construct, str) else construct
        if impl.literal_binds and not isinstance(c, sa.schema.DDLElement):
            compile_kw = dict(compile_kwargs={"literal_binds": True})
        else:
            compile_kw = {}
        try:
            raw.append(str(c.compile(dialect=impl.dialect, **compile_kw)))
        except Exception:
            pass  # the real _exec raises the same error right below
        return orig_exec(construct, *a, **k)

    impl._exec = recording_exec
    try:
        with Operations.context(ctx):
            fn()
    except Exception as e:  # noqa: BLE001 - the oracle's error is the expected value
        return {"error": f"{type(e).__name__}: {e}"}
    offline = buf.getvalue()
    rebuilt = "".join(r.replace("\t", "    ").strip() + ";\n\n" for r in raw)
    assert rebuilt == offline, (rebuilt, offline)
    return {"statements": raw, "offline": offline}


def main():
    cases = []
    for n, rel in enumerate(version_files()):
        path = os.path.join(REPO, rel)
        with open(path, encoding="utf-8") as f:
            source = f.read()
        case = {"path": rel, "ordered": "# eval-oracle: unordered" not in source}
        spec = importlib.util.spec_from_file_location(f"_eval_case_{n}", path)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception as e:  # noqa: BLE001
            case["import_error"] = f"{type(e).__name__}: {e}"
            cases.append(case)
            continue
        for name in ("upgrade", "downgrade"):
            fn = getattr(module, name, None)
            case[name] = run(fn) if callable(fn) else {"error": f"no {name}()"}
        cases.append(case)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(cases)} files -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
