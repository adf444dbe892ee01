# Database URL and logging for a project whose Alembic settings are kept
# under [tool.alembic] in pyproject.toml.

[alembic]

# The database to migrate. Only env.py reads this value, so env.py can take
# the URL from somewhere else instead (an environment variable, app settings).
sqlalchemy.url = driver://user:pass@localhost/dbname


# Python logging, set up by env.py through logging.config.fileConfig().
[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console
qualname =

[logger_sqlalchemy]
level = WARNING
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
