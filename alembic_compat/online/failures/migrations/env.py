"""env.py in the shape of Alembic's cookbook recipe "Sharing a Connection across one or more
programmatic migration commands": a connection handed over in config.attributes["connection"]
(test suites: `with engine.begin() as conn: cfg.attributes["connection"] = conn;
command.upgrade(cfg, "head")`) is used as is; otherwise an Engine is made from the ini, whose
URL DATABASE_URL overrides. `-x transaction_per_migration=true` turns on
transaction_per_migration.
"""

import os
from logging.config import fileConfig

from sqlalchemy import engine_from_config
from sqlalchemy import pool

from alembic import context

config = context.config

if os.environ.get("DATABASE_URL"):
    config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"])

# Interpret the config file for Python logging.
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = None

x_args = context.get_x_argument(as_dictionary=True)
PER_MIGRATION = x_args.get("transaction_per_migration", "false").lower() == "true"


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        transaction_per_migration=PER_MIGRATION,
    )

    with context.begin_transaction():
        context.run_migrations()


def do_run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        transaction_per_migration=PER_MIGRATION,
    )

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection", None)

    if connectable is None:
        # only create an Engine when no Connection came from the outside
        connectable = engine_from_config(
            config.get_section(config.config_ini_section, {}),
            prefix="sqlalchemy.",
            poolclass=pool.NullPool,
        )
        with connectable.connect() as connection:
            do_run_migrations(connection)
    else:
        do_run_migrations(connectable)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
