"""One migration, run by real Alembic and by alembic-rs, offline and online, compared.

`Case(upgrade, downgrade, preamble)` is the body of one version file (revision `aaa`) in a
project made by real Alembic's `alembic init` (the generic template: env.py and logging as
`alembic init` writes them, so alembic-rs's native fast paths are exercised too). For each
tool (ours also with `ALEMBIC_RS_NO_STATIC=1`) it runs:

- offline: `upgrade head --sql` and `downgrade aaa:base --sql` (return code, stdout, stderr);
- online, on a fresh database: `upgrade head`, then `downgrade base`; after each, the return
  code, stderr, `pg_dump --schema-only` and the rows of every table.

stderr is compared as tests/online_support.py's `view_stderr` shows it (tracebacks without
frames, warnings without the location of code inside the tools).
"""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
import textwrap
from pathlib import Path
from typing import NamedTuple

import online_support as osup
import oracle

NO_STATIC = {"ALEMBIC_RS_NO_STATIC": "1"}


class Case(NamedTuple):
    upgrade: str
    downgrade: str = "pass"
    preamble: str = ""


class Run(NamedTuple):
    step: str
    returncode: int
    stdout: str
    stderr: str
    schema: str = ""
    data: str = ""

    def describe(self) -> str:
        return (
            f"--- {self.step}: rc={self.returncode}\n[stdout]\n{self.stdout}\n[stderr]\n"
            f"{self.stderr}\n[schema]\n{self.schema}\n[data]\n{self.data}"
        )


@functools.cache
def _template() -> dict[str, str]:
    """alembic.ini, env.py and script.py.mako as real Alembic's `alembic init` writes them."""
    with tempfile.TemporaryDirectory() as tmp:
        result = oracle.run_oracle(["init", "migrations"], tmp)
        assert result.returncode == 0, result.stderr
        root = Path(tmp)
        return {
            "alembic.ini": (root / "alembic.ini").read_text(),
            "migrations/env.py": (root / "migrations" / "env.py").read_text(),
            "migrations/script.py.mako": (root / "migrations" / "script.py.mako").read_text(),
        }


VERSION = '''"""case

Revision ID: aaa
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa
{preamble}

revision = "aaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
{upgrade}


def downgrade():
{downgrade}
'''


def make_project(parent: Path, case: Case, url: str) -> Path:
    root = Path(tempfile.mkdtemp(prefix="case-", dir=parent))
    for rel, text in _template().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel == "alembic.ini":
            text = "\n".join(
                f"sqlalchemy.url = {url}" if line.startswith("sqlalchemy.url") else line
                for line in text.split("\n")
            )
        path.write_text(text)
    versions = root / "migrations" / "versions"
    versions.mkdir(exist_ok=True)
    (versions / "aaa_case.py").write_text(
        VERSION.format(
            preamble=textwrap.dedent(case.preamble),
            upgrade=textwrap.indent(textwrap.dedent(case.upgrade).strip(), "    "),
            downgrade=textwrap.indent(textwrap.dedent(case.downgrade).strip(), "    "),
        )
    )
    return root


def _run(ours: bool, args: list[str], root: Path, env: dict | None) -> oracle.Result:
    return (oracle.run_ours if ours else oracle.run_oracle)(args, root, env)


# the frame of the version file in a traceback (issue 8 item 9, tested on its own) and the
# ids SQLAlchemy puts in a parameter's name
_VERSION_FRAME = re.compile(r'^  File "<project>/migrations/versions/.*\n(    .*\n)*', re.M)
_PARAM_ID = re.compile(r"%\(\d+ param\)s")


def _view(text: str, root: Path, db: str, ours: bool) -> str:
    venv = oracle.ours_bin().parent if ours else oracle.oracle_bin().parent
    text = osup.view_stderr(osup.normalize(text, root, db, venv))
    return _PARAM_ID.sub("%(<id> param)s", _VERSION_FRAME.sub("", text))


def run_case(
    case: Case, parent: Path, server_url: str, ours: bool, env: dict | None = None
) -> list[Run]:
    """Offline and online runs of `case` by one tool."""
    server = osup.Server.from_url(server_url)
    runs: list[Run] = []
    with osup.fresh_database(server) as db:
        root = make_project(parent, case, server.url(db))
        try:
            for step, args in (
                ("upgrade --sql", ["upgrade", "head", "--sql"]),
                ("downgrade --sql", ["downgrade", "aaa:base", "--sql"]),
            ):
                r = _run(ours, args, root, env)
                runs.append(
                    Run(
                        step,
                        r.returncode,
                        osup.normalize(r.stdout, root, db, Path("/nonexistent")),
                        _view(r.stderr, root, db, ours),
                    )
                )
            online = (("upgrade", ["upgrade", "head"]), ("downgrade", ["downgrade", "base"]))
            for step, args in online:
                r = _run(ours, args, root, env)
                _, data = osup.db_state(server, db)
                runs.append(
                    Run(
                        step,
                        r.returncode,
                        osup.normalize(r.stdout, root, db, Path("/nonexistent")),
                        _view(r.stderr, root, db, ours),
                        osup.schema_dump(server, db),
                        data,
                    )
                )
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return runs


def compare(case: Case, parent: Path, server_url: str) -> str | None:
    """None when alembic-rs (as installed, and with NO_STATIC) does what Alembic does."""
    theirs = run_case(case, parent, server_url, ours=False)
    report = []
    for label, env in (("static", None), ("NO_STATIC", NO_STATIC)):
        mine = run_case(case, parent, server_url, ours=True, env=env)
        for t, m in zip(theirs, mine, strict=True):
            if t != m:
                report.append(
                    f"=== {label}, {t.step} differs\n"
                    + osup.diff(t.describe(), m.describe(), f"{t.step} ({label})")
                )
    return "\n".join(report) or None
