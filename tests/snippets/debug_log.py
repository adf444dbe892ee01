"""The runtime's DEBUG records (``HeadMaintainer``: "update a to b", "new branch insert x")
of ``upgrade heads --sql`` and ``downgrade <a head>:base --sql``, as lists of log lines, in
JSON (run in a project dir)."""

import contextlib
import io
import json
import logging
import sys

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

records = io.StringIO()
handler = logging.StreamHandler(records)
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
logger = logging.getLogger("alembic.runtime.migration")
logger.addHandler(handler)
logger.setLevel(logging.DEBUG)

ini = Config("alembic.ini")
# without a config file, env.py's fileConfig() does not reset the logging set up here
cfg = Config()
for option in ("script_location", "sqlalchemy.url"):
    cfg.set_main_option(option, ini.get_main_option(option))
head = sorted(ScriptDirectory.from_config(cfg).get_heads())[0]
out = {}
for name, run in (
    ("upgrade", lambda: command.upgrade(cfg, "heads", sql=True)),
    ("downgrade", lambda: command.downgrade(cfg, f"{head}:base", sql=True)),
):
    with contextlib.redirect_stdout(io.StringIO()):
        run()
    out[name] = records.getvalue().splitlines()
    records.seek(0)
    records.truncate()
json.dump(out, sys.stdout)
