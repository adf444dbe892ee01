import asyncio
from logging.config import fileConfig

from sqlalchemy import pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import async_engine_from_config

from alembic import context

# The Config object of the running command: gives access to the options of the
# ini file (and of pyproject.toml) that the command was started with.
config = context.config

# Set up Python logging from the [loggers]/[handlers]/[formatters] sections of
# the ini file, when the command was given one.
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

# The MetaData that `revision --autogenerate` compares the database with.
# Point it at your models, for example:
#     from myapp.models import Base
#     target_metadata = Base.metadata
target_metadata = None

# Any other option of the ini file can be read here too, e.g.
#     my_option = config.get_main_option("my_option")


def run_migrations_offline() -> None:
    """Write the migrations as SQL text instead of running them (--sql).

    Only a URL is needed to pick the SQL dialect; no Engine is created, so the
    database driver does not have to be installed. Statements, including those
    passed to context.execute(), go to the script output.
    """
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )

    with context.begin_transaction():
        context.run_migrations()


def do_run_migrations(connection: Connection) -> None:
    # Runs in the synchronous world that run_sync() provides, where the
    # migration operations can use the connection directly.
    context.configure(connection=connection, target_metadata=target_metadata)

    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations() -> None:
    """Open an AsyncEngine and hand its connection to do_run_migrations()."""
    connectable = async_engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )

    async with connectable.connect() as connection:
        await connection.run_sync(do_run_migrations)

    await connectable.dispose()


def run_migrations_online() -> None:
    """Connect to the database and run the migrations on that connection."""
    asyncio.run(run_async_migrations())


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
