"""``alembic.util.editor``: open a revision file in the user's editor (``alembic edit``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from os.path import exists, join, splitext
from subprocess import check_call

from .exc import CommandError

is_posix = os.name == "posix"


def open_in_editor(filename: str, environ: Mapping[str, str] | None = None) -> None:
    """Open ``filename`` in a text editor and wait for it to exit.

    ``$EDITOR``, then ``$VISUAL``, are preferred; otherwise the first commonly installed
    editor found on ``PATH`` is used. ``environ`` replaces ``os.environ`` (for tests).
    Any failure, including finding no editor, is raised as :class:`.CommandError`.
    """
    env = os.environ if environ is None else environ
    try:
        editor = _find_editor(env)
        check_call([editor, filename])
    except Exception as exc:
        raise CommandError(f"Error executing editor ({exc})") from exc


def _find_editor(environ: Mapping[str, str]) -> str:
    candidates = _default_editors()
    for i, var in enumerate(("EDITOR", "VISUAL")):
        if var in environ:
            user_choice = environ[var]
            if exists(user_choice):
                return user_choice
            # A bare command name is looked up on PATH ahead of the defaults, keeping
            # EDITOR ahead of VISUAL; a path that does not exist is skipped.
            if os.sep not in user_choice:
                candidates.insert(i, user_choice)

    for candidate in candidates:
        path = _find_executable(candidate, environ)
        if path is not None:
            return path
    raise OSError(
        'No suitable editor found. Please set the "EDITOR" or "VISUAL" environment variables'
    )


def _find_executable(candidate: str, environ: Mapping[str, str]) -> str | None:
    # check_call() needs a path it can run, so resolve the name against PATH here (and this
    # PATH is the one from `environ`, which may not be os.environ).
    if not is_posix and splitext(candidate)[1] != ".exe":
        candidate += ".exe"
    for path in environ.get("PATH", "").split(os.pathsep):
        value = join(path, candidate)
        if exists(value):
            return value
    return None


def _default_editors() -> list[str]:
    if is_posix:
        return ["sensible-editor", "editor", "nano", "vim", "code"]
    return ["code.exe", "notepad++.exe", "notepad.exe"]
