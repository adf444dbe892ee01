# Configuration for a project with one database.

[alembic]
# Where the migration environment (env.py, script.py.mako, versions/) lives.
# Write it with forward slashes; %(here)s stands for the directory that holds
# this file, so the project keeps working wherever it is checked out.
script_location = ${script_location}

# Naming of new revision files. Without this option files are named
# %%(rev)s_%%(slug)s. Available tokens: rev, slug, epoch, year, month, day,
# hour, minute, second. Percent signs are doubled because this is an ini file.
# Prefix the file names with the date and time:
# file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s
# Or sort them into one directory per date (needs recursive_version_locations = true):
# file_template = %%(year)d/%%(month).2d/%%(day).2d_%%(hour).2d%%(minute).2d_%%(second).2d_%%(rev)s_%%(slug)s

# Paths put in front of sys.path before env.py runs; "." is the current
# working directory. Several paths are split with "path_separator" (below).
prepend_sys_path = .

# Time zone for the date written into new revision files and their names,
# given as a name ZoneInfo() accepts (install tzdata, e.g. via the [tz] extra,
# where the system has no zone database). Empty means local time.
# timezone =

# Longest "slug" (the words of the message) used in a file name.
# truncate_slug_length = 40

# 'true' runs env.py for every `revision` command, not only with --autogenerate.
# revision_environment = false

# 'true' accepts .pyc/.pyo files that have no .py source as revisions.
# sourceless = false

# Directories holding revision files; the default is <script_location>/versions.
# With more than one, the first revision of a new directory needs --version-path.
# Entries are split with "path_separator" (below).
# version_locations = %(here)s/bar:%(here)s/bat:%(here)s/alembic/versions

# The character that splits the path lists above (version_locations and
# prepend_sys_path). One of:
#   os       - os.pathsep, i.e. ":" on POSIX and ";" on Windows
#   :  or  ; - that character
#   space    - spaces
#   newline  - one path per line
# When this key is missing entirely, older rules apply for compatibility with
# existing ini files: version_locations falls back to the deprecated
# "version_path_separator" key and then to splitting on spaces/commas, and
# prepend_sys_path splits on spaces, commas and colons.
path_separator = os

# 'true' looks for revision files in subdirectories of each version location too.
# recursive_version_locations = false

# Encoding used when writing revision files rendered from script.py.mako.
# output_encoding = utf-8

# The database to migrate. Only env.py reads this value, so env.py can take
# the URL from somewhere else instead (an environment variable, app settings).
sqlalchemy.url = driver://user:pass@localhost/dbname


[post_write_hooks]
# Commands run on every newly written revision file, in the order listed in
# "hooks". REVISION_SCRIPT_FILENAME is replaced by the file's path.

# Reformat with black, found through its console_scripts entry point:
# hooks = black
# black.type = console_scripts
# black.entrypoint = black
# black.options = -l 79 REVISION_SCRIPT_FILENAME

# Lint and fix with ruff, run as "python -m ruff":
# hooks = ruff
# ruff.type = module
# ruff.module = ruff
# ruff.options = check --fix REVISION_SCRIPT_FILENAME

# Or run any executable found on PATH:
# hooks = ruff
# ruff.type = exec
# ruff.executable = ruff
# ruff.options = check --fix REVISION_SCRIPT_FILENAME

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
