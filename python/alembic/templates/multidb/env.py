import logging
from logging.config import fileConfig
import re

from sqlalchemy import engine_from_config
from sqlalchemy import pool

from alembic import context

# Set to True to commit all databases with two-phase commit (the drivers and
# databases must support it).
USE_TWOPHASE = False

# The Config object of the running command: gives access to the options of the
# ini file that the command was started with.
config = context.config

# Set up Python logging from the [loggers]/[handlers]/[formatters] sections of
# the ini file, when the command was given one.
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
logger = logging.getLogger("alembic.env")

# Comma-separated names of the ini sections, one per database ("engine1",
# "engine2" in the generated alembic.ini); each holds that database's URL.
db_names = config.get_main_option("databases", "")

# The MetaData per database that `revision --autogenerate` compares with; each
# should hold only the tables of that database (MetaData.to_metadata() can
# copy tables into a separate MetaData). For example:
#     from myapp import models
#     target_metadata = {
#         "engine1": models.metadata1,
#         "engine2": models.metadata2,
#     }
target_metadata = {}

# Any other option of the ini file can be read here too, e.g.
#     my_option = config.get_main_option("my_option")


def run_migrations_offline() -> None:
    """Write the migrations as SQL text instead of running them (--sql).

    Only a URL per database is needed to pick the SQL dialect; no Engine is
    created. The SQL for each database goes to its own file, <name>.sql, in
    the current directory.
    """
    engines = {}
    for name in re.split(r",\s*", db_names):
        engines[name] = rec = {}
        rec["url"] = context.config.get_section_option(name, "sqlalchemy.url")

    for name, rec in engines.items():
        logger.info("Migrating database %s" % name)
        file_ = "%s.sql" % name
        logger.info("Writing output to %s" % file_)
        with open(file_, "w") as buffer:
            context.configure(
                url=rec["url"],
                output_buffer=buffer,
                target_metadata=target_metadata.get(name),
                literal_binds=True,
                dialect_opts={"paramstyle": "named"},
            )
            with context.begin_transaction():
                context.run_migrations(engine_name=name)


def run_migrations_online() -> None:
    """Run the migrations of every database, then commit them all together.

    A transaction is begun on each database first; only when the migrations of
    all databases have succeeded is any of them committed, otherwise all of
    them are rolled back.
    """
    engines = {}
    for name in re.split(r",\s*", db_names):
        engines[name] = rec = {}
        rec["engine"] = engine_from_config(
            context.config.get_section(name, {}),
            prefix="sqlalchemy.",
            poolclass=pool.NullPool,
        )

    for name, rec in engines.items():
        engine = rec["engine"]
        rec["connection"] = conn = engine.connect()

        if USE_TWOPHASE:
            rec["transaction"] = conn.begin_twophase()
        else:
            rec["transaction"] = conn.begin()

    try:
        for name, rec in engines.items():
            logger.info("Migrating database %s" % name)
            # The tokens name the template variables that autogenerate fills
            # for this database: <name>_upgrades / <name>_downgrades.
            context.configure(
                connection=rec["connection"],
                upgrade_token="%s_upgrades" % name,
                downgrade_token="%s_downgrades" % name,
                target_metadata=target_metadata.get(name),
            )
            context.run_migrations(engine_name=name)

        if USE_TWOPHASE:
            for rec in engines.values():
                rec["transaction"].prepare()

        for rec in engines.values():
            rec["transaction"].commit()
    except:  # noqa: E722 - roll back on any error, then re-raise it
        for rec in engines.values():
            rec["transaction"].rollback()
        raise
    finally:
        for rec in engines.values():
            rec["connection"].close()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
