"""The commands that write files: ``init``, ``list_templates``, ``revision``, ``merge``,
``edit``, and :func:`generate_revision` behind ``ScriptDirectory.generate_revision``.

Behaviour, printed lines and error texts follow Alembic 1.20 (``alembic.command`` and
``alembic.script.base``) because scripts and test suites compare them. Version files are
rendered from the *project's* ``script.py.mako`` with Mako, which is imported only when a
file is rendered (``util.template_to_file``): read-only commands never import it.

What needs autogenerate's ``RevisionContext`` (``--autogenerate``, ``revision_environment
= true``) raises a :class:`.CommandError` that says so, instead of silently doing less than
Alembic would. ``edit current`` runs env.py to read the database's revision.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import util
from . import revision
from .base import Script, ScriptDirectory, _import_version_file

if TYPE_CHECKING:
    from ..config import Config

_RevIdType = Any

_slug_re = re.compile(r"\w+")
# Alembic ignores editor backup files (".#name") and __init__.py in version directories;
# a file_template that produces such a name yields no Script, as there.
_only_source_rev_file = re.compile(r"(?!\.\#|__init__)(.*\.py)$")


def _needs_autogenerate(what: str) -> util.CommandError:
    # Running env.py for a new revision goes through autogenerate's RevisionContext
    # (process_revision_directives, template_args), which this build does not include.
    from ..command import _needs_autogenerate as needs

    return needs(what)


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


# -- writing a version file ---------------------------------------------------------------


def _generate_create_date(script_directory: ScriptDirectory) -> datetime.datetime:
    """The ``create_date`` of a new revision: local time, or now in the configured
    ``timezone`` (tried as given, then upper-cased, as Alembic does)."""
    timezone = script_directory.timezone
    if timezone is None:
        return datetime.datetime.now()

    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        tzinfo = ZoneInfo(timezone)
    except ZoneInfoNotFoundError:
        try:
            tzinfo = ZoneInfo(timezone.upper())
        except ZoneInfoNotFoundError:
            raise util.CommandError(f"Can't locate timezone: {timezone}") from None
    # A ValueError for a malformed key ("", "../x") propagates unchanged, as in Alembic.
    return datetime.datetime.now(tz=datetime.timezone.utc).astimezone(tzinfo)


def _rev_path(
    script_directory: ScriptDirectory,
    path: str | os.PathLike[str],
    rev_id: str,
    message: str | None,
    create_date: datetime.datetime,
) -> Path:
    """The path of a new version file, from ``file_template`` and its tokens."""
    epoch = int(create_date.timestamp())
    slug = "_".join(_slug_re.findall(message or "")).lower()
    if len(slug) > script_directory.truncate_slug_length:
        # cut at the last whole word within the limit, keeping a trailing "_"
        slug = slug[: script_directory.truncate_slug_length].rsplit("_", 1)[0] + "_"
    filename = "%s.py" % (
        script_directory.file_template
        % {
            "rev": rev_id,
            "slug": slug,
            "epoch": epoch,
            "year": create_date.year,
            "month": create_date.month,
            "day": create_date.day,
            "hour": create_date.hour,
            "minute": create_date.minute,
            "second": create_date.second,
        }
    )
    return Path(path) / filename


def _script_from_path(script_directory: ScriptDirectory, path: Path) -> Script | None:
    """Import a freshly written version file as a Script, as Alembic's Script._from_path."""
    if not _only_source_rev_file.match(path.name):
        return None
    module, rev_id = _import_version_file(path)
    return Script(module, rev_id, path)


def _add_to_revision_map(script_directory: ScriptDirectory, script: Script) -> None:
    # Later calls on the same ScriptDirectory (get_current_head(), another
    # generate_revision()) must see the new file, as Alembic's add_revision() ensures.
    script_directory.revision_map.add_revision(script)


def generate_revision(
    script_directory: ScriptDirectory,
    revid: str,
    message: str | None,
    head: _RevIdType | None = None,
    splice: bool | None = False,
    branch_labels: _RevIdType | None = None,
    version_path: str | os.PathLike[str] | None = None,
    file_template: str | None = None,
    depends_on: _RevIdType | None = None,
    **kw: Any,
) -> Script | None:
    """Write a new version file from the project's ``script.py.mako``; Alembic's
    ``ScriptDirectory.generate_revision``.

    Extra keyword arguments (``refresh``, ``config``, ...) become template variables, as in
    Alembic. ``file_template`` is accepted and, as in Alembic, not used: the name comes from
    the directory's ``file_template`` option.
    """
    if head is None:
        head = "head"

    try:
        Script.verify_rev_id(revid)
    except revision.RevisionError as err:
        raise util.CommandError(err.args[0]) from err

    with script_directory._catch_revision_errors(
        multiple_heads=(
            "Multiple heads are present; please specify the head "
            "revision on which the new revision should be based, "
            "or perform a merge."
        )
    ):
        heads: tuple[Script | None, ...] = script_directory.revision_map.get_revisions(head)

    if len(set(heads)) != len(heads):
        raise util.CommandError("Duplicate head revisions specified")

    # Through the ScriptDirectory when it has these methods, so subclasses and tests that
    # override or patch them keep working.
    make_date = getattr(script_directory, "_generate_create_date", None)
    create_date = make_date() if make_date else _generate_create_date(script_directory)

    if version_path is None:
        if len(script_directory._version_locations) > 1:
            # several locations: the new file goes next to its parent
            for head_ in heads:
                if head_ is not None:
                    version_path = head_._script_path.parent
                    break
            else:
                raise util.CommandError(
                    "Multiple version locations present, please specify --version-path"
                )
        else:
            version_path = script_directory._singular_version_location
    else:
        version_path = Path(version_path)

    assert isinstance(version_path, Path)
    norm_path = version_path.absolute()
    for vers_path in script_directory._version_locations:
        if vers_path.absolute() == norm_path:
            break
    else:
        raise util.CommandError(
            f"Path {version_path} is not represented in current version locations"
        )

    if script_directory.version_locations:
        script_directory._ensure_directory(version_path)

    rev_path = getattr(script_directory, "_rev_path", None)
    if rev_path is not None:
        path = rev_path(version_path, revid, message, create_date)
    else:
        path = _rev_path(script_directory, version_path, revid, message, create_date)
    # file_template may contain "/" (date-based subdirectories)
    script_directory._ensure_directory(path.parent)

    if not splice:
        for head_ in heads:
            if head_ is not None and not head_.is_head:
                raise util.CommandError(
                    f"Revision {head_.revision} is not a head revision; please specify "
                    "--splice to create a new branch from this revision"
                )

    resolved_depends_on: list[str] | None
    if depends_on:
        with script_directory._catch_revision_errors():
            resolved_depends_on = []
            for dep in util.to_list(depends_on):
                rev = util.not_none(script_directory.revision_map.get_revision(dep))
                # a branch label stays a label; a partial revision id is spelled out
                resolved_depends_on.append(dep if dep in rev.branch_labels else rev.revision)
    else:
        resolved_depends_on = None

    script_directory._generate_template(
        Path(script_directory.dir, "script.py.mako"),
        path,
        up_revision=str(revid),
        down_revision=revision.tuple_rev_as_scalar(
            tuple(h.revision if h is not None else None for h in heads)
        ),
        branch_labels=util.to_tuple(branch_labels),
        depends_on=revision.tuple_rev_as_scalar(resolved_depends_on),
        create_date=create_date,
        comma=util.format_as_comma,
        message=message if message is not None else ("empty message"),
        **kw,
    )

    post_write_hooks = script_directory.hooks
    if post_write_hooks:
        from . import write_hooks

        write_hooks._run_hooks(path, post_write_hooks)

    try:
        script = _script_from_path(script_directory, path)
    except revision.RevisionError as err:
        raise util.CommandError(err.args[0]) from err
    if script is None:
        return None
    if branch_labels and not script.branch_labels:
        raise util.CommandError(
            f"Version {script.revision} specified branch_labels {branch_labels}, however the "
            f"migration file {script.path} does not have them; have you upgraded "
            "your script.py.mako to include the "
            "'branch_labels' section?"
        )
    _add_to_revision_map(script_directory, script)
    return script


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
