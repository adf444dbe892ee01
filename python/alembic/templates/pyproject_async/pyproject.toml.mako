[tool.alembic]

# Where the migration environment (env.py, script.py.mako, versions/) lives.
# Write it with forward slashes; %(here)s stands for the directory that holds
# this file.
script_location = "${script_location}"

# Naming of new revision files. Without this option files are named
# %%(rev)s_%%(slug)s. Available tokens: rev, slug, epoch, year, month, day,
# hour, minute, second. Percent signs are doubled as in alembic.ini.
# Prefix the file names with the date and time:
# file_template = "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s"
# Or sort them into one directory per date (needs recursive_version_locations = true):
# file_template = "%%(year)d/%%(month).2d/%%(day).2d_%%(hour).2d%%(minute).2d_%%(second).2d_%%(rev)s_%%(slug)s"

# Paths put in front of sys.path before env.py runs; "." is the current
# working directory.
prepend_sys_path = [
    "."
]

# Time zone for the date written into new revision files and their names,
# given as a name ZoneInfo() accepts (install tzdata, e.g. via the [tz] extra,
# where the system has no zone database). Leave unset for local time.
# timezone = "UTC"

# Longest "slug" (the words of the message) used in a file name.
# truncate_slug_length = 40

# true runs env.py for every `revision` command, not only with --autogenerate.
# revision_environment = false

# true accepts .pyc/.pyo files that have no .py source as revisions.
# sourceless = false

# Directories holding revision files; the default is <script_location>/versions.
# With more than one, the first revision of a new directory needs --version-path.
# version_locations = [
#    "%(here)s/alembic/versions",
#    "%(here)s/foo/bar"
# ]

# true looks for revision files in subdirectories of each version location too.
# recursive_version_locations = false

# Encoding used when writing revision files rendered from script.py.mako.
# output_encoding = "utf-8"

# Commands run on every newly written revision file, in the order given.
# REVISION_SCRIPT_FILENAME in "options" is replaced by the file's path.
#
# Reformat with black, found through its console_scripts entry point:
# [[tool.alembic.post_write_hooks]]
# name = "black"
# type = "console_scripts"
# entrypoint = "black"
# options = "-l 79 REVISION_SCRIPT_FILENAME"
#
# Lint and fix with ruff, run as "python -m ruff":
# [[tool.alembic.post_write_hooks]]
# name = "ruff"
# type = "module"
# module = "ruff"
# options = "check --fix REVISION_SCRIPT_FILENAME"
#
# Or run any executable found on PATH:
# [[tool.alembic.post_write_hooks]]
# name = "ruff"
# type = "exec"
# executable = "ruff"
# options = "check --fix REVISION_SCRIPT_FILENAME"
