"""Alembic's API the way test suites call it: one connection handed to env.py.

    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")

(the cookbook recipe "Sharing a Connection across one or more programmatic migration
commands"; both projects' env.py consume config.attributes["connection"]).

Each scenario runs a few commands on one connection and returns what a test suite could see:
the exception it got (class and message), what `command.current` printed (Config's stdout),
the log lines env.py's fileConfig sends to stderr, and whether the connection was left inside
a transaction after each command. tests/test_online.py runs every scenario with real Alembic
in a subprocess (`python api_scenarios.py <scenario> <online dir> <url> <out.json>`) and with
alembic-rs in the test process (`run(...)`), then compares the results and the databases.

Standalone on purpose: it imports only what a user's test suite has (alembic, sqlalchemy).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys


def _config(online_dir, project, stdout, x_args=()):
    from alembic.config import Config

    cfg = Config(os.path.join(online_dir, project, "alembic.ini"), stdout=stdout)
    if x_args:
        cfg.cmd_opts = argparse.Namespace(x=list(x_args))
    return cfg


def _error(exc):
    cls = type(exc)
    return f"{cls.__module__}.{cls.__qualname__}: {exc}"


def begin_upgrade_head(engine, online_dir, out, steps):
    """The documented recipe: engine.begin(), upgrade head, current, on one connection."""
    from alembic import command

    cfg = _config(online_dir, "shared_connection", out)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
        steps.append(["upgrade head", connection.in_transaction()])
        command.current(cfg)
        steps.append(["current", connection.in_transaction()])


def connect_upgrade_current(engine, online_dir, out, steps):
    """engine.connect() without a transaction: Alembic begins and commits its own."""
    from alembic import command

    cfg = _config(online_dir, "shared_connection", out)
    with engine.connect() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "5c0000000002")
        steps.append(["upgrade 5c0000000002", connection.in_transaction()])
        command.current(cfg, verbose=True)
        steps.append(["current -v", connection.in_transaction()])
        connection.commit()
        command.upgrade(cfg, "head")
        steps.append(["upgrade head", connection.in_transaction()])
        command.downgrade(cfg, "-1")
        steps.append(["downgrade -1", connection.in_transaction()])
        connection.commit()
        command.stamp(cfg, "head")
        steps.append(["stamp head", connection.in_transaction()])
        connection.commit()


def caller_rolls_back(engine, online_dir, out, steps):
    """A test suite's isolation: the caller's transaction is rolled back after the upgrade."""
    from alembic import command

    cfg = _config(online_dir, "shared_connection", out)
    with engine.connect() as connection:
        transaction = connection.begin()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
        steps.append(["upgrade head", connection.in_transaction()])
        command.current(cfg)
        steps.append(["current", connection.in_transaction()])
        transaction.rollback()
        steps.append(["rollback", connection.in_transaction()])


def connect_without_commit(engine, online_dir, out, steps):
    """engine.connect() and never a commit from the caller: whether each command's work is
    committed, and whether `current` (which reads the version table) leaves a transaction
    open that the next upgrade would join (and lose when the connection closes)."""
    from alembic import command

    cfg = _config(online_dir, "shared_connection", out)
    with engine.connect() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "5c0000000001")
        steps.append(["upgrade 5c0000000001", connection.in_transaction()])
        command.current(cfg)
        steps.append(["current", connection.in_transaction()])
        command.upgrade(cfg, "head")
        steps.append(["upgrade head", connection.in_transaction()])


def failure_in_begin(engine, online_dir, out, steps):
    """A failing migration inside the caller's engine.begin(): everything is rolled back."""
    from alembic import command

    cfg = _config(online_dir, "failures", out)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "c0ffee000002")
        steps.append(["upgrade c0ffee000002", connection.in_transaction()])
        command.upgrade(cfg, "check_violation@head")


def failure_per_migration(engine, online_dir, out, steps):
    """transaction_per_migration (-x through cmd_opts), on engine.connect(): the migrations
    before the failing one stay committed."""
    from alembic import command

    cfg = _config(online_dir, "failures", out, ["transaction_per_migration=true"])
    with engine.connect() as connection:
        cfg.attributes["connection"] = connection
        try:
            command.upgrade(cfg, "second_fails@head")
        finally:
            steps.append(["upgrade second_fails@head", connection.in_transaction()])


SCENARIOS = {
    f.__name__: f
    for f in (
        begin_upgrade_head,
        connect_upgrade_current,
        caller_rolls_back,
        connect_without_commit,
        failure_in_begin,
        failure_per_migration,
    )
}


def run(scenario, online_dir, url):
    """Run one scenario against the database at url; returns its observable results."""
    from sqlalchemy import create_engine, pool

    out = io.StringIO()
    err = io.StringIO()
    steps = []
    error = None
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        # env.py's fileConfig() points its StreamHandler at sys.stderr as it is then
        with contextlib.redirect_stderr(err):
            SCENARIOS[scenario](engine, online_dir, out, steps)
    except Exception as exc:  # the test suite would see this exception
        error = _error(exc)
    finally:
        engine.dispose()
    return {"error": error, "stdout": out.getvalue(), "log": err.getvalue(), "steps": steps}


def main(argv):
    scenario, online_dir, url, result_path = argv
    result = run(scenario, online_dir, url)
    with open(result_path, "w", encoding="utf-8") as fh:
        json.dump(result, fh)


if __name__ == "__main__":
    main(sys.argv[1:])
