"""``ruff_format``: what the generators in tools/ run on what they generate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ruff_format(text: str, path: Path) -> str:
    """The text as ``ruff format`` leaves it with this project's settings."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(path), "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"ruff format failed on the generated {path.name}:\n{result.stderr}")
    return result.stdout
