"""Drop and create the database a PostgreSQL URL names (for `make demo`).

python tests/fresh_database.py postgresql://postgres@127.0.0.1:5432/trip_planner_demo
"""

from __future__ import annotations

import sys

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url


def main(url: str) -> None:
    target = make_url(url)
    admin = target.set(drivername="postgresql", database="postgres")
    conninfo = admin.render_as_string(hide_password=False).replace("postgresql://", "postgres://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        name = sql.Identifier(target.database)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
    print(f"fresh database {target.database}")


if __name__ == "__main__":
    main(sys.argv[1])
