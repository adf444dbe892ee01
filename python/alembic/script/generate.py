"""The commands that write files: ``init``, ``list_templates``, ``revision``, ``merge``,
``edit`` (the version file itself is written by :mod:`.write`).

Behaviour, printed lines and error texts follow Alembic 1.20 (``alembic.command`` and
``alembic.script.base``) because scripts and test suites compare them. Version files are
rendered from the *project's* ``script.py.mako`` with Mako, which is imported only when a
file is rendered (``util.template_to_file``): read-only commands never import it.

What needs autogenerate's ``RevisionContext`` (``--autogenerate``, ``revision_environment
= true``) raises a :class:`.CommandError` that says so, instead of silently doing less than
Alembic would. ``edit current`` runs env.py to read the database's revision.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import util

# Running env.py for a new revision goes through autogenerate's RevisionContext
# (process_revision_directives, template_args), which this build does not include.
from ..util.exc import _needs_autogenerate
from .base import Script, ScriptDirectory
from .write import generate_revision

if TYPE_CHECKING:
    from ..config import Config

_RevIdType = Any


# -- list_templates / init ----------------------------------------------------------------


def list_templates(config: Config) -> None:
    """List available templates (``alembic list_templates``)."""
    config.print_stdout("Available templates:\n")
    # Directory order, not sorted, as Alembic prints them.
    for tempname in config._get_template_path().iterdir():
        with (tempname / "README").open() as readme:
            synopsis = next(readme).rstrip()
        config.print_stdout("%s - %s", tempname.name, synopsis)

    config.print_stdout("\nTemplates are used via the 'init' command, e.g.:")
    config.print_stdout("\n  alembic init --template generic ./scripts")


def _path_relative_to(path: Path, other: Path) -> Path:
    """``path.relative_to(other, walk_up=True)`` the way Alembic's compat computes it.

    Python 3.12 walks up with ``..``; on older Pythons Alembic's fallback returns the path
    relative to the nearest common ancestor *without* ``..`` components. We reproduce both
    so that ``init`` writes the same script_location as Alembic on the same Python.
    """
    if sys.version_info >= (3, 12):
        return path.relative_to(other, walk_up=True)
    try:
        return path.relative_to(other)
    except ValueError:
        for ancestor in [*other.parents, other]:
            try:
                return path.relative_to(ancestor)
            except ValueError:
                continue
        raise ValueError(f"{path} is not in the same subtree as {other}") from None


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib
    # left as open() (not Path.open) like Alembic, which tests mock
    with open(path, "rb") as f:
        return tomllib.load(f)


def init(
    config: Config,
    directory: str,
    template: str = "generic",
    package: bool = False,
) -> None:
    """Initialize a new scripts directory (``alembic init``)."""
    directory_path = Path(directory)
    if directory_path.exists() and list(directory_path.iterdir()):
        raise util.CommandError(f"Directory {directory_path} already exists and is not empty")

    template_path = config._get_template_path() / template

    if not template_path.exists():
        raise util.CommandError(f"No such template {template_path}")

    # os.access() rather than Path.exists(), as in Alembic, whose tests mock it
    if not os.access(directory_path, os.F_OK):
        with util.status(
            f"Creating directory {directory_path.absolute()}", **config.messaging_opts
        ):
            os.makedirs(directory_path)

    versions = directory_path / "versions"
    with util.status(f"Creating directory {versions.absolute()}", **config.messaging_opts):
        os.makedirs(versions)

    ini_script_location_directory: str | None = None
    toml_script_location_directory: str | None = None
    if not directory_path.is_absolute():
        # A relative directory is written relative to %(here)s, the directory of the config
        # file that will hold it, so the project does not depend on the working directory.
        if config._config_file_path is not None:
            rel_dir = _path_relative_to(
                directory_path.absolute(), config._config_file_path.absolute().parent
            )
            ini_script_location_directory = ("%(here)s" / rel_dir).as_posix()
        if config._toml_file_path is not None:
            rel_dir = _path_relative_to(
                directory_path.absolute(), config._toml_file_path.absolute().parent
            )
            toml_script_location_directory = ("%(here)s" / rel_dir).as_posix()
    else:
        ini_script_location_directory = directory_path.as_posix()
        toml_script_location_directory = directory_path.as_posix()

    # Alembic renders through a ScriptDirectory built without the config's messaging
    # options, so the "Generating ..." lines are printed even with --quiet; so do we.
    script = ScriptDirectory(directory_path)

    has_toml = False
    config_file: Path | None = None
    toml_path: Path | None = None

    for file_path in template_path.iterdir():
        file_ = file_path.name
        if file_ == "alembic.ini.mako":
            assert config.config_file_name is not None
            config_file = Path(config.config_file_name).absolute()
            if config_file.exists():
                util.msg(f"File {config_file} already exists, skipping", **config.messaging_opts)
            else:
                script._generate_template(
                    file_path, config_file, script_location=ini_script_location_directory
                )
        elif file_ == "pyproject.toml.mako":
            has_toml = True
            assert config._toml_file_path is not None
            toml_path = config._toml_file_path.absolute()

            if toml_path.exists():
                toml_data = _load_toml(toml_path)
                if "tool" in toml_data and "alembic" in toml_data["tool"]:
                    # no messaging options here in Alembic either: printed under --quiet too
                    util.msg(
                        f"File {toml_path} already exists "
                        "and already has a [tool.alembic] section, "
                        "skipping",
                    )
                    continue
                script._append_template(
                    file_path, toml_path, script_location=toml_script_location_directory
                )
            else:
                script._generate_template(
                    file_path, toml_path, script_location=toml_script_location_directory
                )
        elif file_path.is_file():
            script._copy_file(file_path, directory_path / file_)

    if package:
        for path in [
            directory_path.absolute() / "__init__.py",
            versions.absolute() / "__init__.py",
        ]:
            with util.status(f"Adding {path!s}", **config.messaging_opts), open(path, "w"):
                pass

    assert config_file is not None

    if has_toml:
        util.msg(
            f"Please edit configuration settings in {toml_path} and "
            "configuration/connection/logging "
            f"settings in {config_file} before proceeding.",
            **config.messaging_opts,
        )
    else:
        util.msg(
            "Please edit configuration/connection/logging "
            f"settings in {config_file} before proceeding.",
            **config.messaging_opts,
        )


# -- revision / merge / edit --------------------------------------------------------------


def revision_command(
    config: Config,
    message: str | None = None,
    autogenerate: bool = False,
    sql: bool = False,
    head: str = "head",
    splice: bool = False,
    branch_label: _RevIdType | None = None,
    version_path: str | os.PathLike[str] | None = None,
    rev_id: str | None = None,
    depends_on: str | None = None,
    process_revision_directives: Any = None,
) -> Script | None | list[Script | None]:
    """Create a new revision file (``alembic revision``)."""
    script_directory = ScriptDirectory.from_config(config)

    environment = util.asbool(config.get_alembic_option("revision_environment"))

    if autogenerate:
        if sql:
            raise util.CommandError("Using --sql with --autogenerate does not make any sense")
        raise _needs_autogenerate("'revision --autogenerate'")
    elif environment:
        raise _needs_autogenerate("'revision' with revision_environment = true")
    elif sql:
        raise util.CommandError(
            "Using --sql with the revision command when "
            "revision_environment is not configured does not make any sense"
        )

    # Without the environment, Alembic never calls process_revision_directives (it is only
    # invoked from within env.py's run_migrations()), so it is accepted and not called here.
    return generate_revision(
        script_directory,
        rev_id or util.rev_id(),
        message,
        refresh=True,
        head=head,
        splice=splice,
        branch_labels=branch_label,
        version_path=version_path,
        depends_on=depends_on,
        config=config,  # templates may read the config, e.g. multidb's "databases"
    )


def merge_command(
    config: Config,
    revisions: _RevIdType,
    message: str | None = None,
    branch_label: _RevIdType | None = None,
    rev_id: str | None = None,
    splice: bool = False,
) -> Script | None:
    """Merge two revisions together into a new migration file (``alembic merge``)."""
    script = ScriptDirectory.from_config(config)

    if util.asbool(config.get_alembic_option("revision_environment")):
        raise _needs_autogenerate("'merge' with revision_environment = true")

    return generate_revision(
        script,
        rev_id or util.rev_id(),
        message,
        refresh=True,
        head=revisions,
        branch_labels=branch_label,
        splice=splice,
        config=config,
    )


def edit_command(config: Config, rev: str) -> None:
    """Edit revision script(s) using $EDITOR (``alembic edit``)."""
    script = ScriptDirectory.from_config(config)

    if rev == "current":
        from ..runtime.environment import EnvironmentContext

        def edit_current(rev: Any, context: Any) -> Any:
            if not rev:
                raise util.CommandError("No current revisions")
            for sc in script.get_revisions(rev):
                util.open_in_editor(sc.path)
            return []

        with EnvironmentContext(config, script, fn=edit_current):
            script.run_env()
        return

    revs = script.get_revisions(rev)
    if not revs:
        raise util.CommandError(f"No revision files indicated by symbol '{rev}'")
    for sc in revs:
        assert sc
        util.open_in_editor(sc.path)
