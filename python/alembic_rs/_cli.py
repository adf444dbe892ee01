"""The ``alembic`` console script.

A plain read-only command (``alembic heads``, ``history``, ``show <rev>``, ``branches``), and
``upgrade``/``downgrade``/``stamp --sql`` when ``env.py`` is Alembic's template and every
migration is plain ``op.*`` calls, is answered natively before any of Alembic's Python
modules (or SQLAlchemy) is imported; that is most of what such a command costs. Everything
else -- and any such command that would fail, warn, or need to import a version file --
goes to Alembic's own command line, ``alembic.config.main``, which produces the exact text,
warnings and errors.
"""

from __future__ import annotations

import os
import sys


def _utf8(stream: object) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    return encoding in ("utf8", "utf_8")


def main() -> None:
    if _utf8(sys.stdout) and not os.environ.get("ALEMBIC_RS_NO_FAST_PATH"):
        from alembic_rs._native import fast_readonly_command

        # Alembic's DeprecationWarnings come from library code, which Python's default
        # filters hide; -W / PYTHONWARNINGS / -X dev can make them visible
        deprecations_visible = bool(sys.warnoptions) or sys.flags.dev_mode
        out = fast_readonly_command(
            sys.argv[1:], os.environ.get("ALEMBIC_CONFIG"), deprecations_visible
        )
        if out is not None:
            stdout, stderr = out
            if stderr:
                sys.stderr.write(stderr)
                sys.stderr.flush()
            try:
                sys.stdout.write(stdout)
                sys.stdout.flush()
            except OSError:
                # a closed pipe (`alembic history | head`), as Alembic's write_outstream
                pass
            return
    from alembic.config import main as alembic_main

    alembic_main()


if __name__ == "__main__":
    main()
