"""``Script``: one version file, and importing one (``alembic.script.base`` holds the
directory and re-exports :class:`Script`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .. import util
from ..util.pyfiles import _preserving_path_as_str
from . import revision

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any

_legacy_rev = re.compile(r"([a-f0-9]+)\.py$")


def _import_version_file(path: Path) -> tuple[ModuleType, str]:
    """Import a version file and find its revision id, as Alembic's ``Script._from_path``."""
    module = util.load_python_file(path.parent, path.name)
    if hasattr(module, "revision"):
        return module, module.revision
    m = _legacy_rev.match(path.name)
    if not m:
        raise util.CommandError(
            "Could not determine revision id from "
            f"filename {path.name}. "
            "Be sure the 'revision' variable is "
            "declared inside the script (please see 'Upgrading "
            "from Alembic 0.1 to 0.2' in the documentation)."
        )
    return module, m.group(1)


class Script(revision.Revision):
    """One version file. ``module`` is imported on first access."""

    def __init__(self, module: ModuleType | None, rev_id: str, path: str | os.PathLike[str]):
        if module is not None:
            self.__dict__["module"] = module
        self.path = _preserving_path_as_str(path)
        if module is not None:
            super().__init__(
                rev_id,
                module.down_revision,
                branch_labels=util.to_tuple(getattr(module, "branch_labels", None), default=()),
                dependencies=util.to_tuple(getattr(module, "depends_on", None), default=()),
            )

    path: str
    _db_current_indicator: bool | None = None
    _doc: str | None = None
    _native_map: Any = None

    @classmethod
    def _from_native(
        cls,
        native_map: Any,
        rev_id: str,
        path: str,
        down_revision: Any,
        branch_labels: tuple[str, ...],
        depends_on: tuple[str, ...],
        doc: str | None,
    ) -> Script:
        script = cls.__new__(cls)
        script.path = path
        revision.Revision.__init__(
            script, rev_id, down_revision, dependencies=depends_on, branch_labels=branch_labels
        )
        script._doc = doc
        script._native_map = native_map
        return script

    @util.memoized_property
    def module(self) -> ModuleType:
        """The version file imported as a Python module (imported on first access)."""
        path = Path(self.path)
        return util.load_python_file(path.parent, path.name)

    @property
    def _script_path(self) -> Path:
        return Path(self.path)

    @property
    def doc(self) -> str:
        """The first paragraph of the docstring."""
        return re.split("\n\n", self.longdoc)[0]

    @property
    def longdoc(self) -> str:
        """The whole docstring, stripped."""
        doc = self._doc if self._native_map is not None else self.module.__doc__
        return doc.strip() if doc else ""

    @property
    def log_entry(self) -> str:
        return self._native_map.log_entry(self.revision, bool(self._db_current_indicator))

    def __str__(self) -> str:
        return self._native_map.script_str(self.revision)

    def cmd_format(
        self,
        verbose: bool,
        include_branches: bool = False,
        include_doc: bool = False,
        include_parents: bool = False,
        tree_indicators: bool = True,
    ) -> str:
        return self._native_map.cmd_format(
            self.revision,
            verbose,
            include_branches,
            include_doc,
            include_parents,
            tree_indicators,
            bool(self._db_current_indicator),
        )

    def _format_down_revision(self) -> str:
        if not self.down_revision:
            return "<base>"
        return util.format_as_comma(self._versioned_down_revisions)
