"""``alembic.context`` and ``alembic.op`` (module proxies) before, during and after an
EnvironmentContext / Operations is installed; prints JSON. Run by
tests/test_module_proxies.py under real Alembic and under alembic-rs."""

import io
import json
import sys
import warnings

warnings.simplefilter("ignore")
out: dict = {}


def attempt(key, fn):
    try:
        value = fn()
        out[key] = f"callable {value.__name__}" if callable(value) else repr(value)
    except Exception as e:
        out[key] = ["raised", type(e).__name__, str(e)]


from alembic import context, op  # noqa: E402

with_from = {}
try:
    from alembic.context import configure as _configure  # noqa: F401

    with_from["context"] = True
except ImportError as e:
    with_from["context"] = str(e)
out["from_import"] = repr(with_from)

from alembic.config import Config  # noqa: E402
from alembic.operations import Operations  # noqa: E402
from alembic.runtime.environment import EnvironmentContext  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402

cfg = Config()


def probe(tag):
    for name in ("config", "script", "_proxy", "configure", "nosuch", "_migration_context"):
        attempt(f"{tag}:context.{name}", lambda n=name: type(getattr(context, n)).__name__)
    attempt(f"{tag}:context.configure.callable", lambda: context.configure)
    attempt(f"{tag}:context.config_is_cfg", lambda: context.config is cfg)
    attempt(f"{tag}:context.hasattr_config", lambda: hasattr(context, "config"))
    attempt(f"{tag}:context.is_offline_mode()", lambda: context.is_offline_mode())
    attempt(f"{tag}:context.get_x_argument()", lambda: context.get_x_argument())
    for name in ("_proxy", "add_column", "impl", "migration_context", "nosuch", "configure"):
        attempt(f"{tag}:op.{name}", lambda n=name: type(getattr(op, n)).__name__)
    attempt(f"{tag}:op.add_column.callable", lambda: op.add_column)
    attempt(f"{tag}:op.get_context()", lambda: type(op.get_context()).__name__)
    attempt(f"{tag}:op.hasattr_impl", lambda: hasattr(op, "impl"))
    attempt(f"{tag}:dir(context)", lambda: [n for n in dir(context) if not n.startswith("_")])
    attempt(f"{tag}:dir(op)", lambda: [n for n in dir(op) if not n.startswith("_")])


probe("before")
with EnvironmentContext(cfg, None, as_sql=True) as env:
    attempt("during:proxy_is_env", lambda: context._proxy is env)
    probe("during")
    mc = MigrationContext.configure(
        dialect_name="postgresql", opts={"as_sql": True, "output_buffer": io.StringIO()}
    )
    with Operations.context(mc) as ops:
        attempt("op:proxy_is_ops", lambda: op._proxy is ops)
        probe("op")
    probe("op_after")
probe("after")
json.dump(out, sys.stdout, indent=1, sort_keys=True)
