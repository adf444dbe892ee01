"""Run migration functions (or small code snippets) against ``Operations`` over an offline
context, and report what each emitted. Shared by both sides of
tests/test_operations_proxy.py:

- run as a script by real Alembic's interpreter (the oracle): reads a JSON list of jobs on
  stdin and prints, for each, ``{"sql": <offline output>}`` or ``{"error": [class,
  message]}``, from a fresh ``MigrationContext(as_sql=True)`` per job;
- imported by the test under alembic-rs, which runs the same jobs with a recording context
  (see ``run_job``) and compiles the recorded Op values natively.

A job: ``{"path": <version file>, "function": "upgrade"}`` or ``{"source": <code>}`` (run
with ``op``, ``sa``, ``postgresql`` in scope), plus ``"sys_path"`` (list) and
``"literal_binds"`` (bool).
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import sys
import types
import warnings


def load_version(path: str) -> types.ModuleType:
    """Import a version file as a fresh module (as Alembic's ``load_python_file`` does)."""
    name = "_version_" + os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bind_op(namespace: dict, operations) -> None:
    """Point every name bound to ``alembic.op`` (or an earlier Operations) at
    ``operations``."""
    import alembic.op as op_module
    from alembic.operations import Operations

    for key, value in list(namespace.items()):
        if value is op_module or isinstance(value, Operations):
            namespace[key] = operations


def run_job(job: dict, operations) -> None:
    """Run one job with ``operations`` standing for ``op``: installed as ``alembic.op``'s
    proxy (helper modules use it) and bound to the version module's own names. The job's
    ``sys_path`` entries, and the modules imported from them, are removed afterwards (the
    corpus projects have packages of the same name)."""
    added = [entry for entry in job.get("sys_path", ()) if entry not in sys.path]
    sys.path[:0] = added
    before = set(sys.modules)
    dont_write_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # leave the corpus as it is
    operations._install_proxy()
    try:
        if "source" in job:
            import sqlalchemy as sa
            from sqlalchemy.dialects import postgresql

            namespace = {"op": operations, "sa": sa, "postgresql": postgresql}
            exec(compile(job["source"], "<job>", "exec"), namespace)
            return
        module = load_version(job["path"])
        bind_op(vars(module), operations)
        getattr(module, job["function"])()
    finally:
        operations._remove_proxy()
        sys.dont_write_bytecode = dont_write_bytecode
        for entry in added:
            sys.path.remove(entry)
        for name in set(sys.modules) - before:
            filename = getattr(sys.modules[name], "__file__", None) or ""
            if any(filename.startswith(entry + os.sep) for entry in added):
                del sys.modules[name]


def signatures() -> dict:
    """``{class: {method: [(parameter, kind, repr(default)), ...]}}`` of the public methods
    of Operations and BatchOperations (annotations left out: Alembic's are strings)."""
    import inspect

    from alembic.operations import BatchOperations, Operations

    out: dict = {}
    for cls in (Operations, BatchOperations):
        methods = out[cls.__name__] = {}
        for name in dir(cls):
            attr = getattr(cls, name)
            if name.startswith("_") or not callable(attr):
                continue
            methods[name] = [
                [
                    p.name,
                    str(p.kind),
                    None if p.default is inspect.Parameter.empty else repr(p.default),
                ]
                for p in inspect.signature(attr).parameters.values()
            ]
    return out


def dialect():
    from sqlalchemy.dialects.postgresql import psycopg

    return psycopg.dialect(paramstyle="named")


def describe_error(e: BaseException) -> list:
    return [type(e).__name__, str(e)]


def oracle_job(job: dict) -> dict:
    """Real Alembic: the offline SQL a job emits, or the error it raises."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    buf = io.StringIO()
    opts = {"as_sql": True, "output_buffer": buf}
    if job.get("literal_binds"):
        opts["literal_binds"] = True
    ctx = MigrationContext.configure(dialect=dialect(), opts=opts)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run_job(job, Operations(ctx))
    except Exception as e:  # the class and message are part of the behaviour
        return {"error": describe_error(e), "sql": buf.getvalue()}
    return {"sql": buf.getvalue()}


def main() -> None:
    if sys.argv[1:] == ["signatures"]:
        print(json.dumps(signatures()))
        return
    jobs = json.load(sys.stdin)
    print(json.dumps([oracle_job(job) for job in jobs]))


if __name__ == "__main__":
    main()
