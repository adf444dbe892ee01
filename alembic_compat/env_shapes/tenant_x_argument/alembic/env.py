"""Schema-per-tenant migrations: `alembic -x tenant=acme upgrade head`.

Each tenant schema has its own version table; `--tag` names the release in the session's
application_name so DBAs can see which deploy ran the DDL.
"""

from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool, text

from alembic import context

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = None

x_args = context.get_x_argument(as_dictionary=True)
TENANT = x_args.get("tenant", "public")
RELEASE = context.get_tag_argument()


def _session_setup():
    context.execute(f'SET search_path TO "{TENANT}", public')
    if RELEASE:
        context.execute(f"SET application_name = 'migrate {RELEASE}'")


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        version_table_schema=TENANT,
        transaction_per_migration=True,
    )

    with context.begin_transaction():
        _session_setup()
        context.run_migrations(tenant=TENANT)


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )

    with connectable.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{TENANT}"'))
        connection.commit()
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            version_table_schema=TENANT,
            transaction_per_migration=True,
        )

        with context.begin_transaction():
            _session_setup()
            context.run_migrations(tenant=TENANT)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
