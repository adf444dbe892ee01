"""Writing a new version file: :func:`generate_revision` behind
``ScriptDirectory.generate_revision``, rendered from the project's ``script.py.mako``
(Mako is imported only when a file is rendered: ``util.template_to_file``)."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import util
from . import revision
from .version_file import Script, _import_version_file

if TYPE_CHECKING:
    from .base import ScriptDirectory

_RevIdType = Any

_slug_re = re.compile(r"\w+")
# Alembic ignores editor backup files (".#name") and __init__.py in version directories;
# a file_template that produces such a name yields no Script, as there.
_only_source_rev_file = re.compile(r"(?!\.\#|__init__)(.*\.py)$")


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
