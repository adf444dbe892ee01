"""``alembic.script.base``: the script directory and its version files.

Version files are read natively (``alembic_rs._native.VersionScripts``): their headers are
parsed, never imported, unless a header is not made of literals; then that one module is
imported, as Alembic would, and its values handed to the native side. ``Script.module`` is
imported only when someone asks for it.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path

from .. import util
from ..util.pyfiles import _preserving_path_as_str
from . import revision
from .revision import _native_module
from .version_file import Script, _import_version_file

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from types import ModuleType
    from typing import Any

if TYPE_CHECKING:
    from ..config import Config

_default_file_template = "%(rev)s_%(slug)s"
_slug_re = re.compile(r"\w+")
_split_on_space_comma = re.compile(r", *|(?: +)")


class ScriptDirectory:
    """Operations upon an Alembic script directory (same constructor as Alembic's)."""

    def __init__(
        self,
        dir: str | os.PathLike[str],  # noqa: A002 - Alembic's parameter name
        file_template: str = _default_file_template,
        truncate_slug_length: int | None = 40,
        version_locations: Sequence[str | os.PathLike[str]] | None = None,
        sourceless: bool = False,
        output_encoding: str = "utf-8",
        timezone: str | None = None,
        hooks: list[Any] = [],  # noqa: B006 - Alembic's signature; never mutated
        recursive_version_locations: bool = False,
        messaging_opts: Any = util.EMPTY_DICT,
    ) -> None:
        self.dir = _preserving_path_as_str(dir)
        self.version_locations = [_preserving_path_as_str(p) for p in version_locations or ()]
        self.file_template = file_template
        self.truncate_slug_length = truncate_slug_length or 40
        self.sourceless = sourceless
        self.output_encoding = output_encoding
        self.revision_map = _ScriptRevisionMap(self)
        self.timezone = timezone
        self.hooks = hooks
        self.recursive_version_locations = recursive_version_locations
        self.messaging_opts = messaging_opts
        if not os.access(dir, os.F_OK):
            raise util.CommandError(
                f"Path doesn't exist: {dir}.  Please use "
                "the 'init' command to create a new "
                "scripts folder."
            )

    @property
    def versions(self) -> str:
        """The single version location; an error if several are configured."""
        return str(self._singular_version_location)

    @util.memoized_property
    def _singular_version_location(self) -> Path:
        loc = self._version_locations
        if len(loc) > 1:
            raise util.CommandError("Multiple version_locations present")
        return loc[0]

    @util.memoized_property
    def _version_locations(self) -> Sequence[Path]:
        if self.version_locations:
            return [
                util.coerce_resource_to_filename(location).absolute()
                for location in self.version_locations
            ]
        return [Path(self.dir, "versions").absolute()]

    # -- reading the version files -------------------------------------------------------

    @util.memoized_property
    def _scripts(self) -> Any:
        """The native index of version files, with non-literal headers resolved by import."""
        scripts = _native_module().VersionScripts(
            [str(p) for p in self._version_locations],
            self.recursive_version_locations,
            self.sourceless,
        )
        pending = scripts.pending_imports()
        if pending:
            import logging

            log = logging.getLogger(__name__)
            for index, path, reason in pending:
                log.debug(
                    "Importing %s: its revision header is not plain literals (%s)", path, reason
                )
                scripts.resolve_import(index, *self._header_by_import(Path(path)))
        return scripts

    def _header_by_import(self, path: Path) -> tuple[Any, ...]:
        """Import one version file whose header is not plain literals, as Alembic does."""
        module, rev_id = _import_version_file(path)
        self.revision_map._imported_modules[rev_id] = module
        return (
            rev_id,
            module.down_revision,
            util.to_tuple(getattr(module, "branch_labels", None), default=()),
            util.to_tuple(getattr(module, "depends_on", None), default=()),
            module.__doc__ if isinstance(module.__doc__, str) else None,
        )

    @util.memoized_property
    def _native_map(self) -> Any:
        # Building raises what Alembic's lazy `_revision_map` raises (CycleDetected, ...);
        # whether that becomes a CommandError depends on the caller, as in Alembic.
        return self._scripts.build_map()

    def _load_revisions(self) -> Iterator[Script]:
        for rev_id in self._scripts.revision_ids():
            yield self.revision_map._rev(rev_id)

    @classmethod
    def from_config(cls, config: Config) -> ScriptDirectory:
        """A ScriptDirectory for a Config; only ``script_location`` is required."""
        script_location = config.get_alembic_option("script_location")
        if script_location is None:
            raise util.CommandError("No 'script_location' key found in configuration.")
        tsl = config.get_alembic_option("truncate_slug_length")
        truncate_slug_length = int(tsl) if tsl is not None else None
        prepend_sys_path = config.get_prepend_sys_paths_list()
        if prepend_sys_path:
            sys.path[:0] = prepend_sys_path
        return ScriptDirectory(
            util.coerce_resource_to_filename(script_location),
            file_template=config.get_alembic_option("file_template", _default_file_template),
            truncate_slug_length=truncate_slug_length,
            sourceless=config.get_alembic_boolean_option("sourceless"),
            output_encoding=config.get_alembic_option("output_encoding", "utf-8"),
            version_locations=config.get_version_locations_list(),
            timezone=config.get_alembic_option("timezone"),
            hooks=config.get_hooks_list(),
            recursive_version_locations=config.get_alembic_boolean_option(
                "recursive_version_locations"
            ),
            messaging_opts=config.messaging_opts,
        )

    @contextmanager
    def _catch_revision_errors(
        self,
        ancestor: str | None = None,
        multiple_heads: str | None = None,
        start: str | None = None,
        end: str | None = None,
        resolution: str | None = None,
    ) -> Iterator[None]:
        """Turn revision-graph errors into the CommandError text Alembic prints."""
        try:
            yield
        except revision.RangeNotAncestorError as rna:
            start = rna.lower if start is None else start
            end = rna.upper if end is None else end
            if not ancestor:
                ancestor = (
                    "Requested range %(start)s:%(end)s does not refer to "
                    "ancestor/descendant revisions along the same branch"
                )
            raise util.CommandError(ancestor % {"start": start, "end": end}) from rna
        except revision.MultipleHeads as mh:
            if not multiple_heads:
                multiple_heads = (
                    "Multiple head revisions are present for given "
                    "argument '%(head_arg)s'; please "
                    "specify a specific target revision, "
                    "'<branchname>@%(head_arg)s' to "
                    "narrow to a specific head, or 'heads' for all heads"
                )
            raise util.CommandError(
                multiple_heads
                % {"head_arg": end or mh.argument, "heads": util.format_as_comma(mh.heads)}
            ) from mh
        except revision.ResolutionError as re_:
            if resolution is None:
                resolution = "Can't locate revision identified by '%s'" % (re_.argument,)
            raise util.CommandError(resolution) from re_
        except revision.RevisionError as err:
            raise util.CommandError(err.args[0]) from err

    # -- the text of read-only commands, formatted natively --------------------------------

    def _heads_lines(self, verbose: bool, resolve_dependencies: bool) -> list[str]:
        if not resolve_dependencies:
            # `command.heads` calls `script.get_heads()` outside `_catch_revision_errors`:
            # a graph that fails to build escapes as the RevisionError itself
            self._native_map  # noqa: B018
        with self._catch_revision_errors():
            return self._native_map.heads_lines(verbose, resolve_dependencies)

    def _branches_lines(self, verbose: bool) -> list[str]:
        with self._catch_revision_errors(start="base", end="heads"):
            return self._native_map.branches_lines(verbose)

    def _history_lines(self, base: str, head: str, verbose: bool) -> list[str]:
        with self._catch_revision_errors(start=base, end=head):
            return self._native_map.history_lines(base, head, verbose)

    def _show_lines(self, rev: str) -> list[str]:
        with self._catch_revision_errors():
            return self._native_map.show_lines(rev)

    # -- Alembic's public API -------------------------------------------------------------

    def walk_revisions(self, base: str = "base", head: str = "heads") -> Iterator[Script]:
        """Iterate through all revisions, from head(s) down to base."""
        with self._catch_revision_errors(start=base, end=head):
            revs = list(
                self.revision_map.iterate_revisions(
                    head, base, inclusive=True, assert_relative_length=False
                )
            )
        yield from revs

    def get_revisions(self, id_: Any) -> tuple[Script, ...]:
        """The Scripts for a revision id, symbol, or sequence of them."""
        with self._catch_revision_errors():
            return self.revision_map.get_revisions(id_)

    def get_all_current(self, id_: tuple[str, ...]) -> set[Script]:
        with self._catch_revision_errors():
            return self.revision_map._get_all_current(id_)

    def get_revision(self, id_: str) -> Script:
        """The Script with the given revision id."""
        with self._catch_revision_errors():
            return self.revision_map.get_revision(id_)

    def as_revision_number(self, id_: str | None) -> str | tuple[str, ...] | None:
        """Turn a symbolic revision ('head', 'base') into a revision number."""
        with self._catch_revision_errors():
            rev, _branch = self.revision_map._resolve_revision_number(id_)
        if not rev:
            return None
        if id_ == "heads":
            return rev
        return rev[0]

    def iterate_revisions(self, upper: Any, lower: Any, **kw: Any) -> Iterator[Script]:
        """Iterate Scripts from ``upper`` down to ``lower``."""
        return self.revision_map.iterate_revisions(upper, lower, **kw)

    def get_current_head(self) -> str | None:
        """The single head revision; an error if there are several."""
        with self._catch_revision_errors(
            multiple_heads=(
                "The script directory has multiple heads (due to branching)."
                "Please use get_heads(), or merge the branches using "
                "alembic merge."
            )
        ):
            return self.revision_map.get_current_head()

    def get_heads(self, consider_depends_on: bool = False) -> list[str]:
        """All head revisions as strings."""
        if consider_depends_on:
            return list(self.revision_map._real_heads)
        return list(self.revision_map.heads)

    def get_base(self) -> str | None:
        """The single base revision; an error if there are several."""
        bases = self.get_bases()
        if len(bases) > 1:
            raise util.CommandError(
                "The script directory has multiple bases. Please use get_bases()."
            )
        return bases[0] if bases else None

    def get_bases(self) -> list[str]:
        """All base revisions as strings."""
        return list(self.revision_map.bases)

    def run_env(self) -> None:
        """Run this directory's env.py (within an EnvironmentContext)."""
        util.load_python_file(self.dir, "env.py")

    # -- plans (the command's ``fn``) ------------------------------------------------------

    def _plan(self, kind: str, destination: Any, current_rev: Any) -> list[Any]:
        # Revision arguments go to the native map as Alembic's methods take them (a string
        # or a tuple; several destinations are fine), so that a value that is not a string
        # gets Alembic's error (`revision identifier (b'12345',) is not a string ...`).
        if isinstance(current_rev, (list, tuple)):
            current_rev = tuple(h for h in current_rev if h is not None)
        elif current_rev is None:
            current_rev = ()
        if kind == "stamp":
            # `_stamp_revs`: the heads are looked up first, then each destination
            odd = [r for r in util.to_tuple(destination or "base") if r and not isinstance(r, str)]
            if odd:
                self.get_revisions(current_rev)
                with self._catch_revision_errors():
                    for rev in odd:
                        self.revision_map._resolve_revision_number(rev)
            destination = util.to_tuple(destination, default=())
        elif kind == "downgrade":
            revision._check_downgrade_target(destination)
        elif isinstance(destination, list):
            destination = tuple(destination)
        with self._catch_revision_errors():
            return _native_module().plan_steps(self._native_map, kind, destination, current_rev)

    def _upgrade_revs(self, destination: str, current_rev: Any) -> list[Any]:
        from ..runtime.migration import RevisionStep

        return [
            RevisionStep(self.revision_map, step.revision, True, _step=step)
            for step in self._plan("upgrade", destination, current_rev)
        ]

    def _downgrade_revs(self, destination: str, current_rev: Any) -> list[Any]:
        from ..runtime.migration import RevisionStep

        return [
            RevisionStep(self.revision_map, step.revision, False, _step=step)
            for step in self._plan("downgrade", destination, current_rev)
        ]

    def _stamp_revs(self, revision: Any, heads: Any) -> list[Any]:
        from ..runtime.migration import StampStep

        return [
            StampStep(
                step.from_revisions,
                step.to_revisions,
                step.is_upgrade,
                step.branch_move,
                self.revision_map,
                _step=step,
            )
            for step in self._plan("stamp", revision, heads)
        ]

    @property
    def env_py_location(self) -> str:
        return os.path.abspath(os.path.join(self.dir, "env.py"))

    def generate_revision(self, revid: str, message: str | None, **kw: Any) -> Script | None:
        """Write a new version file from the project's ``script.py.mako``."""
        from . import write

        return write.generate_revision(self, revid, message, **kw)

    def _rev_path(
        self,
        path: str | os.PathLike[str],
        rev_id: str,
        message: str | None,
        create_date: Any,
    ) -> Path:
        from . import write

        return write._rev_path(self, path, rev_id, message, create_date)

    def _generate_create_date(self) -> Any:
        from . import write

        return write._generate_create_date(self)

    def _generate_template(self, src: Path, dest: Path, **kw: Any) -> None:
        with util.status(f"Generating {dest.absolute()}", **self.messaging_opts):
            util.template_to_file(src, dest, self.output_encoding, **kw)

    def _append_template(self, src: Path, dest: Path, **kw: Any) -> None:
        with util.status(f"Appending to existing {dest.absolute()}", **self.messaging_opts):
            util.template_to_file(src, dest, self.output_encoding, append_with_newlines=True, **kw)

    def _copy_file(self, src: Path, dest: Path) -> None:
        import shutil

        with util.status(f"Generating {dest.absolute()}", **self.messaging_opts):
            shutil.copy(src, dest)

    def _ensure_directory(self, path: Path) -> None:
        path = path.absolute()
        if not path.exists():
            with util.status(f"Creating directory {path}", **self.messaging_opts):
                os.makedirs(path)


class _ScriptRevisionMap(revision.RevisionMap):
    """The RevisionMap of a ScriptDirectory: the native map of its version files, with
    Script objects made only for the revisions someone asks about."""

    def __init__(self, script_dir: ScriptDirectory) -> None:
        self._script_dir = script_dir
        self._imported_modules: dict[str, ModuleType] = {}
        self._cache: dict[str, Script] = {}
        super().__init__(script_dir._load_revisions)

    @util.memoized_property
    def _native(self) -> Any:
        return self._script_dir._native_map

    @property
    def _objects(self) -> dict[str, Script]:  # type: ignore[override]
        for rev_id in self._native.revision_ids():
            self._rev(rev_id)
        return self._cache

    def _register(self, revision: revision.Revision) -> None:
        self._cache[revision.revision] = revision  # type: ignore[assignment]

    def _known_objects(self) -> list[Script]:
        # only the Script objects already handed out need their attributes refreshed
        return list(self._cache.values())

    def _rev(self, rev_id: Any) -> Any:
        if rev_id is None or isinstance(rev_id, tuple):
            return super()._rev(rev_id)
        script = self._cache.get(rev_id)
        if script is None:
            native = self._native
            path, down, labels, depends_on, doc = native.script_entry(rev_id)
            script = Script._from_native(native, rev_id, path, down, labels, depends_on, doc)
            module = self._imported_modules.get(rev_id)
            if module is not None:
                script.__dict__["module"] = module
            self._attach((script,), native)
            self._cache[rev_id] = script
        return script
