"""``python -m alembic_rs doctor [--fix]``: check (and repair) an installation of alembic-rs
that real Alembic's files got mixed into. See :mod:`alembic_rs._doctor`."""

import sys

from alembic_rs._doctor import main

if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0] != "doctor":
        print("usage: python -m alembic_rs doctor [--fix]", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(args[1:]))
