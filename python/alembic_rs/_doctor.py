"""``python -m alembic_rs doctor [--fix]`` (also ``alembic-rs-doctor``): is alembic-rs the
``alembic`` that is installed, and if not, repair it.

alembic-rs installs the ``alembic`` import package and the ``alembic`` command, as real
Alembic does. When a package manager installs real Alembic as well (a dependency such as
pytest-alembic requires the ``alembic`` distribution, and uv ignores ``override-dependencies``
outside the workspace root), its files overwrite ours; uninstalling it later deletes the
files both distributions share, ours included. Either way, what runs is no longer
alembic-rs. The check compares every file of alembic-rs's wheel with the hash its
``RECORD`` holds, and looks for real Alembic's ``.dist-info``.

The repair uninstalls real Alembic and reinstalls alembic-rs's files only (``--no-deps``,
from the source alembic-rs was installed from), with the installer that installed it (uv
or pip). In a uv project, it also says where ``override-dependencies`` must be for uv to
keep real Alembic out: the workspace root's ``pyproject.toml``, or the next ``uv sync``
installs it again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

OVERRIDE = "override-dependencies = [\"alembic ; sys_platform == 'never'\"]"


@dataclass
class Diagnosis:
    site: Path
    dist: Any = None  # alembic-rs's importlib.metadata.Distribution, if installed
    real_alembic: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    installer: str = "pip"
    source: str = "alembic-rs"
    uv_root: Path | None = None
    # uv.lock resolves real Alembic and the root has no override: the next sync installs it
    lock_has_alembic: bool = False
    override_in_root: bool = False
    override_ignored_in: list[Path] = field(default_factory=list)

    @property
    def version(self) -> str:
        return self.dist.version if self.dist is not None else "?"

    @property
    def healthy(self) -> bool:
        return not self.real_alembic and not self.damaged and self.dist is not None

    @property
    def override_missing(self) -> bool:
        return self.lock_has_alembic and not self.override_in_root


def _damaged_files(dist: Any) -> list[str]:
    """Files of our wheel that are missing or differ from the hash RECORD holds."""
    damaged = []
    for f in dist.files or ():
        if f.hash is None or f.hash.mode != "sha256":
            continue
        try:
            digest = hashlib.sha256(Path(f.locate()).read_bytes()).digest()
        except OSError:
            damaged.append(str(f))
            continue
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != f.hash.value:
            damaged.append(str(f))
    return damaged


def _source(dist: Any) -> str:
    """What to reinstall alembic-rs from: where it came from (PEP 610), else the index."""
    try:
        direct = json.loads(dist.read_text("direct_url.json") or "{}")
    except ValueError:
        direct = {}
    url = direct.get("url", "")
    if url.startswith("file://") and "dir_info" not in direct:
        path = unquote(urlparse(url).path)
        if os.path.exists(path):
            return path
    return f"alembic-rs=={dist.version}"


def _has_alembic_override(pyproject: Path) -> bool:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    overrides = data.get("tool", {}).get("uv", {}).get("override-dependencies", [])
    return any(_requirement_name(o) == "alembic" for o in overrides if isinstance(o, str))


def _requirement_name(req: str) -> str:
    name = req.strip()
    for i, ch in enumerate(name):
        if not (ch.isalnum() or ch in "-_."):
            name = name[:i]
            break
    return name.lower().replace("_", "-")


def _uv_project_root() -> Path | None:
    """The uv project (workspace root) whose environment this is: a ``uv.lock`` beside the
    ``.venv`` (uv's default project environment), else above the current directory."""
    candidates = [Path(sys.prefix).resolve().parent]
    candidates += [Path.cwd(), *Path.cwd().parents]
    for folder in candidates:
        if (folder / "uv.lock").is_file() and (folder / "pyproject.toml").is_file():
            return folder
    return None


def diagnose() -> Diagnosis:
    from importlib import metadata

    try:
        dist: Any = metadata.distribution("alembic-rs")
    except metadata.PackageNotFoundError:
        dist = None
    site = Path(dist.locate_file("")) if dist is not None else Path(__file__).parent.parent
    d = Diagnosis(site=site, dist=dist)
    d.real_alembic = sorted(
        {f"alembic-{a.version}" for a in metadata.distributions(name="alembic")}
    )
    if dist is not None:
        d.damaged = _damaged_files(dist)
        d.source = _source(dist)
        d.installer = (dist.read_text("INSTALLER") or "pip").strip() or "pip"
    root = _uv_project_root() if d.installer == "uv" else None
    if root is not None:
        d.uv_root = root
        try:
            lock = (root / "uv.lock").read_text(encoding="utf-8")
        except OSError:
            lock = ""
        d.lock_has_alembic = re.search(r'^name = "alembic"$', lock, re.MULTILINE) is not None
        d.override_in_root = _has_alembic_override(root / "pyproject.toml")
        if d.override_missing:
            d.override_ignored_in = sorted(
                p
                for p in root.glob("**/pyproject.toml")
                if p.parent != root and ".venv" not in p.parts and _has_alembic_override(p)
            )
    return d


def _uv() -> str | None:
    return os.environ.get("UV") or shutil.which("uv")


def repair_commands(d: Diagnosis) -> list[list[str]]:
    """The commands that put alembic-rs's files back (and real Alembic out)."""
    python = sys.executable
    if d.installer == "uv":
        uv = _uv() or "uv"
        cmds = []
        if d.real_alembic:
            cmds.append([uv, "pip", "uninstall", "--python", python, "alembic"])
        cmds.append(
            [uv, "pip", "install", "--python", python, "--reinstall", "--no-deps", d.source]
        )
        return cmds
    cmds = []
    if d.real_alembic:
        cmds.append([python, "-m", "pip", "uninstall", "-y", "alembic"])
    cmds.append([python, "-m", "pip", "install", "--force-reinstall", "--no-deps", d.source])
    return cmds


def _report(d: Diagnosis, out: Any) -> None:
    w = out.write
    if d.dist is None:
        w(f"alembic-rs is not installed as a distribution (running from {d.site})\n")
    if d.real_alembic:
        w(f"real Alembic is installed over alembic-rs in {d.site}: {', '.join(d.real_alembic)}\n")
    if d.damaged:
        shown = ", ".join(d.damaged[:5]) + (", ..." if len(d.damaged) > 5 else "")
        w(
            f"{len(d.damaged)} file(s) of alembic-rs are missing or were overwritten "
            f"(by real Alembic's install or uninstall): {shown}\n"
        )
    if d.override_missing and d.uv_root is not None:
        w(
            f"{d.uv_root / 'uv.lock'} resolves real Alembic, so the next `uv sync` installs "
            "it over alembic-rs again: uv applies `override-dependencies` only from the "
            f"workspace root's pyproject.toml ({d.uv_root / 'pyproject.toml'}) and ignores it "
            "in member projects"
        )
        if d.override_ignored_in:
            w(f" (it is in {', '.join(str(p) for p in d.override_ignored_in)})")
        w(f". Add to the root's [tool.uv] table:\n    {OVERRIDE}\n")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="alembic-rs-doctor",
        description="Check that the installed 'alembic' is alembic-rs; --fix repairs it.",
    )
    parser.add_argument(
        "--fix", action="store_true", help="uninstall real Alembic, reinstall alembic-rs's files"
    )
    args = parser.parse_args(argv)
    d = diagnose()
    if d.healthy and not d.override_missing:
        print(f"alembic-rs {d.version} is the installed alembic ({d.site})")
        return 0
    _report(d, sys.stdout)
    if d.healthy:
        return 1
    cmds = repair_commands(d)
    if not args.fix:
        print("repair with:\n    " + f"{shlex.quote(sys.executable)} -m alembic_rs doctor --fix")
        print("which runs:")
        for cmd in cmds:
            print("    " + shlex.join(cmd))
        return 1
    for cmd in cmds:
        print("+ " + shlex.join(cmd), flush=True)
        if subprocess.run(cmd, check=False).returncode != 0:
            print(f"alembic-rs doctor: failed: {shlex.join(cmd)}", file=sys.stderr)
            return 1
    after = diagnose()
    if not after.healthy:
        _report(after, sys.stdout)
        return 1
    print("alembic-rs's files are back; real Alembic is not installed")
    return 1 if after.override_missing else 0


def main_exit() -> None:
    """The ``alembic-rs-doctor`` console script."""
    sys.exit(main())


if __name__ == "__main__":
    main_exit()
