"""Printing to the user the way Alembic does (``alembic.util.messaging``).

SQLAlchemy is imported only where a URL must be rendered: a read-only command must not pay
for that import.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable
from contextlib import contextmanager

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import TextIO


def _logger():  # noqa: ANN202 - logging.Logger, imported on use
    # `logging` is imported only when something is logged (a read-only command logs nothing).
    # Alembic installs a NullHandler on "alembic" so that err()'s log record does not reach
    # Python's last-resort stderr handler when the application configured no logging.
    import logging

    root = logging.getLogger("alembic")
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
    return logging.getLogger(__name__)


def _terminal_width() -> int | None:
    # Alembic wraps `msg()` output only when standard input is a terminal.
    try:
        import fcntl
        import struct
        import termios

        packed = fcntl.ioctl(0, termios.TIOCGWINSZ, struct.pack("HHHH", 0, 0, 0, 0))
        width = struct.unpack("HHHH", packed)[1]
        return width if width > 0 else None
    except (ImportError, OSError):
        return None


TERMWIDTH = _terminal_width()


def write_outstream(stream: TextIO, *text: str | bytes, quiet: bool = False) -> None:
    if quiet:
        return
    encoding = getattr(stream, "encoding", "ascii") or "ascii"
    for t in text:
        if not isinstance(t, bytes):
            t = t.encode(encoding, "replace")
        t = t.decode(encoding)
        try:
            stream.write(t)
        except OSError:
            # a closed pipe (`alembic history | head`) is not an error worth a traceback
            break


@contextmanager
def status(status_msg: str, newline: bool = False, quiet: bool = False) -> Iterator[None]:
    msg(status_msg + " ...", newline, flush=True, quiet=quiet)
    try:
        yield
    except:  # noqa: E722 - re-raised; only marks the status line as failed
        if not quiet:
            write_outstream(sys.stdout, "  FAILED\n")
        raise
    else:
        if not quiet:
            write_outstream(sys.stdout, "  done\n")


def err(message: str, quiet: bool = False) -> None:
    _logger().error(message)
    msg(f"FAILED: {message}", quiet=quiet)
    sys.exit(-1)


def obfuscate_url_pw(input_url: str) -> str:
    from sqlalchemy.engine import url

    return url.make_url(input_url).render_as_string(hide_password=True)


def warn(msg: str, stacklevel: int = 2) -> None:
    warnings.warn(msg, UserWarning, stacklevel=stacklevel)


def warn_deprecated(msg: str, stacklevel: int = 2) -> None:
    warnings.warn(msg, DeprecationWarning, stacklevel=stacklevel)


def msg(msg: str, newline: bool = True, flush: bool = False, quiet: bool = False) -> None:
    if quiet:
        return
    if TERMWIDTH is None:
        write_outstream(sys.stdout, msg)
        if newline:
            write_outstream(sys.stdout, "\n")
    else:
        import textwrap

        indent = "  "
        lines = textwrap.wrap(msg, TERMWIDTH, initial_indent=indent, subsequent_indent=indent)
        for line in lines[0:-1]:
            write_outstream(sys.stdout, line, "\n")
        write_outstream(sys.stdout, lines[-1], ("\n" if newline else ""))
    if flush:
        sys.stdout.flush()


def format_as_comma(value: str | Iterable[str] | None) -> str:
    if value is None:
        return ""
    elif isinstance(value, str):
        return value
    elif isinstance(value, Iterable):
        return ", ".join(value)
    else:
        raise ValueError("Don't know how to comma-format %r" % value)
