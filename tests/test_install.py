"""Installing alembic-rs in place of Alembic, as the README tells users to.

pytest-alembic (like Flask-Migrate and alembic_utils) requires the `alembic` distribution;
with uv's `override-dependencies` real Alembic is never installed and our `alembic` package
serves pytest-alembic. When real Alembic's files do get mixed in, `alembic --version` and the
import-time check say so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _uv() -> str:
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is required (the README's set-up installs it)", pytrace=False)
    return uv


def _run(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    proc = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=1200, check=False, **kw
    )
    assert proc.returncode == 0, f"{args}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _run([_uv(), "build", "--wheel", "--out-dir", str(out), str(REPO)], cwd=REPO)
    (found,) = out.glob("alembic_rs-*.whl")
    return found


def _project(tmp_path: Path, wheel: Path) -> Path:
    project = tmp_path / "app"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        f"""\
[project]
name = "app"
version = "0"
requires-python = ">={sys.version_info[0]}.{sys.version_info[1]}"
dependencies = ["alembic-rs", "pytest-alembic"]

[tool.uv]
override-dependencies = ["alembic ; sys_platform == 'never'"]

[tool.uv.sources]
alembic-rs = {{ path = "{wheel}" }}
"""
    )
    _run([_uv(), "sync", "--python", sys.executable], cwd=project)
    return project


def test_uv_override_keeps_real_alembic_out(tmp_path: Path, wheel: Path) -> None:
    project = _project(tmp_path, wheel)
    bin_dir = project / ".venv" / "bin"
    site = next((project / ".venv" / "lib").glob("python*/site-packages"))
    assert not list(site.glob("alembic-*.dist-info")), "real Alembic was installed"
    assert list(site.glob("alembic_rs-*.dist-info"))
    version = _run([str(bin_dir / "alembic"), "--version"], cwd=project).stdout
    assert "alembic-rs" in version
    # our alembic package is the one installed, and imports without any warning. (Importing
    # pytest_alembic itself needs alembic.autogenerate, which this version does not have.)
    probe = _run(
        [
            str(bin_dir / "python"),
            "-W",
            "error",
            "-c",
            "import alembic, alembic.config, alembic.script, alembic.command;"
            "print(alembic.__alembic_rs__)",
        ],
        cwd=project,
    )
    assert probe.stdout.strip()
    # and the read-only commands work in that environment
    shutil.copytree(REPO / "alembic_compat" / "trip_planner", project / "trip_planner")
    heads = _run([str(bin_dir / "alembic"), "heads"], cwd=project / "trip_planner")
    assert "(head)" in heads.stdout


def test_mixed_install_is_reported(tmp_path: Path, wheel: Path) -> None:
    project = _project(tmp_path, wheel)
    python = project / ".venv" / "bin" / "python"
    # what pip does when another package pulls in real Alembic after alembic-rs: its files
    # overwrite ours, and `alembic --version` no longer claims to be alembic-rs
    # (run outside the project: inside it, uv applies the project's override and refuses)
    _run([_uv(), "pip", "install", "--python", str(python), "alembic==1.20.1"], cwd=tmp_path)
    version = _run([str(python.parent / "alembic"), "--version"], cwd=project).stdout
    assert "alembic-rs" not in version
    # reinstalling alembic-rs over it restores our files; real Alembic's metadata remains and
    # importing alembic says so
    _run(
        [_uv(), "pip", "install", "--python", str(python), "--reinstall", "--no-deps", str(wheel)],
        cwd=tmp_path,
    )
    warned = _run([str(python), "-c", "import alembic"], cwd=project)
    assert "real Alembic distribution (alembic-1.20.1)" in warned.stderr
