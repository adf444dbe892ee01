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


def _mixed_install_notice() -> str | None:
    """A notice when real Alembic's files are mixed with ours (cheap: one small read and one
    stat, no imports): package managers install real Alembic's files over ours when a
    dependency pulls it in, and uninstalling it deletes the files both share."""
    site = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    package = os.path.join(site, "alembic")
    try:
        with open(os.path.join(package, "__init__.py"), "rb") as f:
            foreign = b"__alembic_rs__" not in f.read()
    except OSError:
        foreign = True
    # real Alembic ships `alembic/testing/` and alembic-rs does not: it stays behind when
    # our files are reinstalled over real Alembic's, as long as real Alembic is installed
    if not foreign and not os.path.exists(os.path.join(package, "testing", "__init__.py")):
        return None
    if foreign:
        what = "real Alembic's files have replaced alembic-rs's 'alembic' package"
    else:
        try:
            real = sorted(
                n[: -len(".dist-info")]
                for n in os.listdir(site)
                if n.startswith("alembic-") and n.endswith(".dist-info")
            )
        except OSError:
            real = []
        what = (
            f"the real Alembic distribution ({', '.join(real) or 'alembic'}) is installed "
            "over alembic-rs"
        )
    return (
        f"alembic-rs: {what} in {site}, so which code runs is undefined. "
        f"Repair: {sys.executable} -m alembic_rs doctor --fix\n"
    )


def main() -> None:
    notice = _mixed_install_notice()
    if notice is not None:
        sys.stderr.write(notice)
        sys.stderr.flush()
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
