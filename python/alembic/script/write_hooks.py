"""``alembic.script.write_hooks``: commands run on a revision file right after it is written.

Configured as ``[post_write_hooks]`` in alembic.ini or ``[[tool.alembic.post_write_hooks]]`` in
pyproject.toml. The registry, the three built-in runners (``console_scripts``, ``exec``,
``module``), their options and their messages are Alembic's, so existing hook configurations
and custom hooks registered with :func:`register` keep working unchanged.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any

from .. import util
from ..util.pyfiles import _preserving_path_as_str

REVISION_SCRIPT_TOKEN = "REVISION_SCRIPT_FILENAME"

# The options of one hook: its ini keys without the "<name>." prefix (or its toml table),
# plus "_hook_name". Same shape as Alembic's ``PostWriteHookConfig``.
PostWriteHookConfig = Mapping[str, str]

_registry: dict[str, Callable[..., Any]] = {}


def _is_posix() -> bool:
    # Read from alembic.util.compat at call time when that module exists, because Alembic's
    # own test suite patches ``alembic.util.compat.is_posix`` to check Windows quoting.
    try:
        from ..util import compat  # type: ignore[attr-defined]
    except ImportError:
        return os.name == "posix"
    return bool(compat.is_posix)


def _console_scripts_entry_points() -> Any:
    # Same call-time lookup: tests patch ``alembic.util.compat.importlib_metadata_get``.
    try:
        from ..util import compat  # type: ignore[attr-defined]
    except ImportError:
        from importlib import metadata

        return metadata.entry_points(group="console_scripts")
    return compat.importlib_metadata_get("console_scripts")


def register(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A function decorator that will register that function as a write hook.

    The function is called as ``fn(revision_path, options)`` for every hook whose ``type`` is
    ``name``.
    """

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        _registry[name] = fn
        return fn

    return decorate


def _invoke(name: str, revision_path: str | os.PathLike[str], options: PostWriteHookConfig) -> Any:
    """Call the hook runner registered under ``name``."""
    revision_path = _preserving_path_as_str(revision_path)
    try:
        hook = _registry[name]
    except KeyError as ke:
        raise util.CommandError(f"No formatter with name '{name}' registered") from ke
    return hook(revision_path, options)


def _run_hooks(path: str | os.PathLike[str], hooks: list[PostWriteHookConfig]) -> None:
    """Invoke hooks for a generated revision."""
    for hook in hooks:
        name = hook["_hook_name"]
        try:
            type_ = hook["type"]
        except KeyError as ke:
            raise util.CommandError(
                f"Key '{name}.type' (or 'type' in toml) is required for post write hook {name!r}"
            ) from ke
        # Alembic prints this line even under --quiet (it passes no messaging options), and
        # ends it with a newline so the hook's own output starts on a line of its own.
        with util.status(f"Running post write hook {name!r}", newline=True):
            _invoke(type_, path, hook)


def _parse_cmdline_options(cmdline_options_str: str, path: str) -> list[str]:
    """Split ``options`` shell-style, putting the revision file's path where
    REVISION_SCRIPT_FILENAME is, or in front when the token is absent."""
    if REVISION_SCRIPT_TOKEN not in cmdline_options_str:
        cmdline_options_str = REVISION_SCRIPT_TOKEN + " " + cmdline_options_str
    cmdline_options_list = shlex.split(cmdline_options_str, posix=_is_posix())
    return [option.replace(REVISION_SCRIPT_TOKEN, path) for option in cmdline_options_list]


def _get_required_option(options: Mapping[str, str], name: str) -> str:
    try:
        return options[name]
    except KeyError as ke:
        raise util.CommandError(
            f"Key {options['_hook_name']}.{name} is required for post "
            f"write hook {options['_hook_name']!r}"
        ) from ke


def _run_hook(
    path: str, options: Mapping[str, str], ignore_output: bool, command: list[str]
) -> None:
    cwd: str | None = options.get("cwd", None)
    cmdline_options_list = _parse_cmdline_options(options.get("options", ""), path)

    kw: dict[str, Any] = {}
    if ignore_output:
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL

    # As in Alembic, the hook's exit status is not checked: a formatter that finds nothing to
    # fix (or fails) must not turn an already written revision into a failed command.
    subprocess.run([*command, *cmdline_options_list], cwd=cwd, **kw)  # noqa: PLW1510


@register("console_scripts")
def console_scripts(
    path: str,
    options: Mapping[str, str],
    ignore_output: bool = False,
    verify_version: tuple[int, ...] | None = None,
) -> None:
    entrypoint_name = _get_required_option(options, "entrypoint")
    for entry in _console_scripts_entry_points():
        if entry.name == entrypoint_name:
            impl: Any = entry
            break
    else:
        raise util.CommandError(f"Could not find entrypoint console_scripts.{entrypoint_name}")

    # The entry point runs in a fresh interpreter of this Python, so it sees the same
    # environment as Alembic without depending on a script being on PATH.
    if verify_version:
        pyscript = (
            f"import {impl.module}; "
            f"assert tuple(int(x) for x in {impl.module}.__version__.split('.')) "
            f">= {verify_version}, "
            f"'need exactly version {verify_version} of {impl.name}'; "
            f"{impl.module}.{impl.attr}()"
        )
    else:
        pyscript = f"import {impl.module}; {impl.module}.{impl.attr}()"

    _run_hook(path, options, ignore_output, [sys.executable, "-c", pyscript])


@register("exec")
def exec_(path: str, options: Mapping[str, str], ignore_output: bool = False) -> None:
    executable = _get_required_option(options, "executable")
    _run_hook(path, options, ignore_output, command=[executable])


@register("module")
def module(path: str, options: Mapping[str, str], ignore_output: bool = False) -> None:
    module_name = _get_required_option(options, "module")

    if importlib.util.find_spec(module_name) is None:
        raise util.CommandError(f"Could not find module {module_name}")

    _run_hook(path, options, ignore_output, [sys.executable, "-m", module_name])
