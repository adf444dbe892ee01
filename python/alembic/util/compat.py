"""``alembic.util.compat``: the names code and test suites import or patch from Alembic's
compat module. Imported only where needed (it pulls in importlib.metadata)."""

from __future__ import annotations

import inspect
import io
import os
import sys
from collections.abc import Sequence
from configparser import ConfigParser
from importlib import metadata
from importlib.metadata import EntryPoint as EntryPoint
from typing import Any

is_posix = os.name == "posix"
py310 = sys.version_info >= (3, 10)
py311 = sys.version_info >= (3, 11)
py312 = sys.version_info >= (3, 12)
py313 = sys.version_info >= (3, 13)
py314 = sys.version_info >= (3, 14)

if py311:
    import tomllib as tomllib
else:  # pragma: no cover - Python 3.10 only
    pass  # type: ignore[no-redef]


class EncodedIO(io.TextIOWrapper):
    """Alembic's ``EncodedIO``: encodes what is written to the stream it wraps, and never
    closes that stream (when collected, a plain ``TextIOWrapper`` would close it -- for
    ``output_encoding`` over ``sys.stdout`` that is the process's stdout)."""

    def close(self) -> None:
        pass


def importlib_metadata_get(group: str) -> Sequence[EntryPoint]:
    """Entry points of one group (``console_scripts`` for the post-write hooks)."""
    return metadata.entry_points().select(group=group)


def inspect_getfullargspec(fn: Any) -> inspect.FullArgSpec:
    return inspect.getfullargspec(fn)


def read_config_parser(
    file_config: ConfigParser, file_argument: list[str | os.PathLike[str]]
) -> list[str]:
    return file_config.read(file_argument, encoding="locale")
