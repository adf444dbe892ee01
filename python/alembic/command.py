"""``alembic.command``: every command of the ``alembic`` CLI as a function of a Config.

The signatures and the first paragraph of each docstring are Alembic's: the CLI derives its
arguments and help text from them. Read-only commands are answered natively by the script
directory; the text they print comes from the Rust formatter, so ``heads`` or ``history`` on
thousands of revisions never builds a Python object per revision.
"""

from __future__ import annotations

from . import util
from .script import ScriptDirectory
from .util.exc import _needs_autogenerate

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from typing import Any

    from .config import Config
    from .script.base import Script

    _RevIdType = Any


def list_templates(config: Config) -> None:
    """List available templates.

    :param config: a :class:`.Config` object.
    """
    from .script import generate

    generate.list_templates(config)


def init(config: Config, directory: str, template: str = "generic", package: bool = False) -> None:
    """Initialize a new scripts directory.

    :param config: a :class:`.Config` object.
    :param directory: string path of the target directory.
    :param template: name of the migration environment template to use.
    :param package: when True, write ``__init__.py`` files into the environment location as
     well as the versions/ location.
    """
    from .script import generate

    generate.init(config, directory, template=template, package=package)


def revision(
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
    """Create a new revision file.

    See Alembic's ``command.revision``; ``autogenerate`` and ``revision_environment`` need
    autogenerate, which this version does not include.
    """
    from .script import generate

    return generate.revision_command(
        config,
        message=message,
        autogenerate=autogenerate,
        sql=sql,
        head=head,
        splice=splice,
        branch_label=branch_label,
        version_path=version_path,
        rev_id=rev_id,
        depends_on=depends_on,
        process_revision_directives=process_revision_directives,
    )


def check(config: Config) -> None:
    """Check if revision command with autogenerate has pending upgrade ops.

    :param config: a :class:`.Config` object.
    """
    raise _needs_autogenerate("'check'")


def merge(
    config: Config,
    revisions: _RevIdType,
    message: str | None = None,
    branch_label: _RevIdType | None = None,
    rev_id: str | None = None,
    splice: bool = False,
) -> Script | None:
    """Merge two revisions together.  Creates a new migration file.

    :param config: a :class:`.Config` instance
    :param revisions: the revisions to merge, or 'heads'.
    """
    from .script import generate

    return generate.merge_command(
        config, revisions, message=message, branch_label=branch_label, rev_id=rev_id, splice=splice
    )


def upgrade(config: Config, revision: str, sql: bool = False, tag: str | None = None) -> None:
    """Upgrade to a later version.

    :param config: a :class:`.Config` instance.
    :param revision: string revision target or range for --sql mode.
    """
    from .runtime.environment import EnvironmentContext

    script = ScriptDirectory.from_config(config)
    starting_rev = None
    if ":" in revision:
        if not sql:
            raise util.CommandError("Range revision not allowed")
        starting_rev, revision = revision.split(":", 2)

    def upgrade(rev: Any, context: Any) -> Any:
        return script._upgrade_revs(revision, rev)

    with EnvironmentContext(
        config,
        script,
        fn=upgrade,
        as_sql=sql,
        starting_rev=starting_rev,
        destination_rev=revision,
        tag=tag,
    ):
        script.run_env()


def downgrade(config: Config, revision: str, sql: bool = False, tag: str | None = None) -> None:
    """Revert to a previous version.

    :param config: a :class:`.Config` instance.
    :param revision: string revision target or range for --sql mode.
    """
    from .runtime.environment import EnvironmentContext

    script = ScriptDirectory.from_config(config)
    starting_rev = None
    if ":" in revision:
        if not sql:
            raise util.CommandError("Range revision not allowed")
        starting_rev, revision = revision.split(":", 2)
    elif sql:
        raise util.CommandError("downgrade with --sql requires <fromrev>:<torev>")

    def downgrade(rev: Any, context: Any) -> Any:
        return script._downgrade_revs(revision, rev)

    with EnvironmentContext(
        config,
        script,
        fn=downgrade,
        as_sql=sql,
        starting_rev=starting_rev,
        destination_rev=revision,
        tag=tag,
    ):
        script.run_env()


def show(config: Config, rev: str) -> None:
    """Show the revision(s) denoted by the given symbol.

    :param config: a :class:`.Config` instance.
    :param rev: string revision target. May be ``"current"`` to show the revision(s)
     currently applied in the database.
    """
    script = ScriptDirectory.from_config(config)
    if rev == "current":
        from .runtime.environment import EnvironmentContext

        def show_current(rev: Any, context: Any) -> Any:
            for sc in script.get_revisions(rev):
                config.print_stdout(sc.log_entry)
            return []

        with EnvironmentContext(config, script, fn=show_current):
            script.run_env()
        return
    for line in script._show_lines(rev):
        config.print_stdout(line)


def history(
    config: Config,
    rev_range: str | None = None,
    verbose: bool = False,
    indicate_current: bool = False,
) -> None:
    """List changeset scripts in chronological order.

    :param config: a :class:`.Config` instance.
    :param rev_range: string revision range.
    :param verbose: output in verbose mode.
    :param indicate_current: indicate current revision.
    """
    script = ScriptDirectory.from_config(config)
    if rev_range is not None:
        if ":" not in rev_range:
            raise util.CommandError("History range requires [start]:[end], [start]:, or :[end]")
        base, head = rev_range.strip().split(":")
    else:
        base = head = None
    environment = util.asbool(config.get_alembic_option("revision_environment"))
    if not (environment or indicate_current or "current" in (base, head)):
        for line in script._history_lines(base or "base", head or "heads", verbose):
            config.print_stdout(line)
        return
    from .runtime.environment import EnvironmentContext

    def _display_history(base: Any, head: Any, currents: Any = ()) -> None:
        for sc in script.walk_revisions(base=base or "base", head=head or "heads"):
            if indicate_current:
                sc._db_current_indicator = sc.revision in currents
            config.print_stdout(
                sc.cmd_format(
                    verbose=verbose,
                    include_branches=True,
                    include_doc=True,
                    include_parents=True,
                )
            )

    def _display_current_history(rev: Any, context: Any) -> Any:
        if head == "current":
            _display_history(base, rev, rev)
        elif base == "current":
            _display_history(rev, head, rev)
        else:
            _display_history(base, head, rev)
        return []

    with EnvironmentContext(config, script, fn=_display_current_history):
        script.run_env()


def heads(config: Config, verbose: bool = False, resolve_dependencies: bool = False) -> None:
    """Show current available heads in the script directory.

    :param config: a :class:`.Config` instance.
    :param verbose: output in verbose mode.
    :param resolve_dependencies: treat dependency version as down revisions.
    """
    script = ScriptDirectory.from_config(config)
    for line in script._heads_lines(verbose, resolve_dependencies):
        config.print_stdout(line)


def branches(config: Config, verbose: bool = False) -> None:
    """Show current branch points.

    :param config: a :class:`.Config` instance.
    :param verbose: output in verbose mode.
    """
    script = ScriptDirectory.from_config(config)
    for line in script._branches_lines(verbose):
        config.print_stdout(line)


def current(config: Config, check_heads: bool = False, verbose: bool = False) -> None:
    """Display the current revision for a database.

    :param config: a :class:`.Config` instance.
    :param check_heads: raise :class:`.DatabaseNotAtHead` unless all heads are applied.
    :param verbose: output in verbose mode.
    """
    from .runtime.environment import EnvironmentContext

    script = ScriptDirectory.from_config(config)

    def display_version(rev: Any, context: Any) -> Any:
        if verbose:
            config.print_stdout(
                "Current revision(s) for %s:",
                util.obfuscate_url_pw(context.connection.engine.url),
            )
        if check_heads and (set(context.get_current_heads()) != set(script.get_heads())):
            raise util.DatabaseNotAtHead("Database is not on all head revisions")
        for sc in script.get_all_current(rev):
            config.print_stdout(sc.cmd_format(verbose))
        return []

    with EnvironmentContext(config, script, fn=display_version, dont_mutate=True):
        script.run_env()


def stamp(
    config: Config,
    revision: _RevIdType,
    sql: bool = False,
    tag: str | None = None,
    purge: bool = False,
) -> None:
    """'stamp' the revision table with the given revision; don't
    run any migrations.

    :param config: a :class:`.Config` instance.
    :param revision: target revision or list of revisions.
    """
    from .runtime.environment import EnvironmentContext

    script = ScriptDirectory.from_config(config)
    if sql:
        destination_revs = []
        starting_rev = None
        for _revision in util.to_list(revision):
            if ":" in _revision:
                srev, _revision = _revision.split(":", 2)
                if starting_rev != srev:
                    if starting_rev is None:
                        starting_rev = srev
                    else:
                        raise util.CommandError(
                            "Stamp operation with --sql only supports a "
                            "single starting revision at a time"
                        )
            destination_revs.append(_revision)
    else:
        destination_revs = util.to_list(revision)

    def do_stamp(rev: Any, context: Any) -> Any:
        return script._stamp_revs(util.to_tuple(destination_revs), rev)

    with EnvironmentContext(
        config,
        script,
        fn=do_stamp,
        as_sql=sql,
        starting_rev=starting_rev if sql else None,
        destination_rev=util.to_tuple(destination_revs),
        tag=tag,
        purge=purge,
    ):
        script.run_env()


def edit(config: Config, rev: str) -> None:
    """Edit revision script(s) using $EDITOR.

    :param config: a :class:`.Config` instance.
    :param rev: target revision.
    """
    from .script import generate

    generate.edit_command(config, rev)


def ensure_version(config: Config, sql: bool = False) -> None:
    """Create the alembic version table if it doesn't exist already .

    :param config: a :class:`.Config` instance.
    :param sql: use ``--sql`` mode.
    """
    from .runtime.environment import EnvironmentContext

    script = ScriptDirectory.from_config(config)

    def do_ensure_version(rev: Any, context: Any) -> Any:
        context._ensure_version_table()
        return []

    with EnvironmentContext(config, script, fn=do_ensure_version, as_sql=sql):
        script.run_env()
