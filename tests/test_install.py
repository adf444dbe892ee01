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
    prebuilt = os.environ.get("ALEMBIC_RS_TEST_WHEEL")
    if prebuilt:
        # a wheel already built from this tree (saves the release build in a local run)
        return Path(prebuilt)
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


def test_wheel_ships_the_type_stubs(wheel: Path) -> None:
    """PEP 561: the stubs (tests/test_stubs.py checks them) and the py.typed markers."""
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for stub in (
        "alembic/py.typed",
        "alembic/op.pyi",
        "alembic/context.pyi",
        "alembic_rs/py.typed",
        "alembic_rs/_native.pyi",
    ):
        assert stub in names, stub


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
    assert "-m alembic_rs doctor --fix" in warned.stderr
    # our `alembic` command says so too, and which implementation runs
    version = _run([str(python.parent / "alembic"), "--version"], cwd=project)
    assert "(alembic-rs " in version.stdout
    assert "the real Alembic distribution (alembic-1.20.1) is installed over alembic-rs" in (
        version.stderr
    )
    assert f"Repair: {python} -m alembic_rs doctor --fix" in version.stderr


def test_mixed_files_are_reported_and_repaired(tmp_path: Path, wheel: Path) -> None:
    """Real Alembic's files over ours, seen from our `alembic` command and from `import
    alembic` when real Alembic's script runs ours, and `doctor --fix` repairing them."""
    project = _project(tmp_path, wheel)
    python = project / ".venv" / "bin" / "python"
    script = python.parent / "alembic"
    site = next((project / ".venv" / "lib").glob("python*/site-packages"))
    ours_script = script.read_bytes()
    _run([_uv(), "pip", "install", "--python", str(python), "alembic==1.20.1"], cwd=tmp_path)
    theirs_init = (site / "alembic" / "__init__.py").read_bytes()
    theirs_script = script.read_bytes()
    assert theirs_script != ours_script
    # our console script over real Alembic's package (the order uv or pip happened to use)
    script.write_bytes(ours_script)
    mixed = _run([str(script), "--version"], cwd=project)
    assert "real Alembic's files have replaced alembic-rs's 'alembic' package" in mixed.stderr
    assert f"Repair: {python} -m alembic_rs doctor --fix" in mixed.stderr
    # the check and the repair, in one command
    checked = subprocess.run(
        [str(python), "-m", "alembic_rs", "doctor"], capture_output=True, text=True, cwd=tmp_path
    )
    assert checked.returncode == 1
    assert "real Alembic is installed over alembic-rs" in checked.stdout
    assert "alembic/__init__.py" in checked.stdout or "file(s) of alembic-rs" in checked.stdout
    _run([str(python), "-m", "alembic_rs", "doctor", "--fix"], cwd=tmp_path)
    assert not list(site.glob("alembic-*.dist-info"))
    assert (site / "alembic" / "__init__.py").read_bytes() != theirs_init
    healthy = _run([str(script), "--version"], cwd=project)
    assert "(alembic-rs " in healthy.stdout and healthy.stderr == ""
    _run([str(python), "-W", "error", "-c", "import alembic, alembic.command"], cwd=project)
    _run([str(python), "-m", "alembic_rs", "doctor"], cwd=tmp_path)
    # real Alembic's console script running our package: importing alembic says so
    script.write_bytes(theirs_script)
    foreign = _run([str(script), "--version"], cwd=project)
    assert "(alembic-rs " in foreign.stdout
    assert f"the 'alembic' command ({script}) is real Alembic's script" in foreign.stderr
    checked = subprocess.run(
        [str(python), "-m", "alembic_rs", "doctor"], capture_output=True, text=True, cwd=tmp_path
    )
    assert checked.returncode == 1 and "bin/alembic" in checked.stdout


# -- uv workspaces: `override-dependencies` counts only in the workspace root -------------


def _workspace(tmp_path: Path, wheel: Path, override_in: str) -> Path:
    """A uv workspace whose member `app` needs alembic-rs and pytest-alembic, with uv's
    override in the root's or in the member's pyproject.toml."""
    root = tmp_path / "ws"
    (root / "app").mkdir(parents=True)
    override = """
[tool.uv]
override-dependencies = ["alembic ; sys_platform == 'never'"]
"""
    (root / "pyproject.toml").write_text(
        '[tool.uv.workspace]\nmembers = ["app"]\n' + (override if override_in == "root" else "")
    )
    (root / "app" / "pyproject.toml").write_text(
        f"""\
[project]
name = "app"
version = "0"
requires-python = ">={sys.version_info[0]}.{sys.version_info[1]}"
dependencies = ["alembic-rs", "pytest-alembic"]

[tool.uv.sources]
alembic-rs = {{ path = "{wheel}" }}
"""
        + (override if override_in == "member" else "")
    )
    _sync(root)
    return root


def _sync(root: Path) -> None:
    _run([_uv(), "sync", "--all-packages", "--python", sys.executable], cwd=root)


def _doctor(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    return subprocess.run(
        [str(root / ".venv" / "bin" / "python"), "-m", "alembic_rs", "doctor", *args],
        cwd=root / "app",
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _real_alembic_installed(root: Path) -> bool:
    site = next((root / ".venv" / "lib").glob("python*/site-packages"))
    return bool(list(site.glob("alembic-*.dist-info")))


def _assert_alembic_rs_runs(root: Path) -> None:
    bin_dir = root / ".venv" / "bin"
    version = _run([str(bin_dir / "alembic"), "--version"], cwd=root)
    assert "(alembic-rs " in version.stdout and version.stderr == ""
    _run([str(bin_dir / "python"), "-W", "error", "-c", "import alembic.command"], cwd=root)
    assert _doctor(root).returncode == 0


def test_uv_workspace_override_in_root(tmp_path: Path, wheel: Path) -> None:
    root = _workspace(tmp_path, wheel, override_in="root")
    assert not _real_alembic_installed(root)
    _assert_alembic_rs_runs(root)


def test_uv_workspace_override_in_member_fixed_before_moving_it(
    tmp_path: Path, wheel: Path
) -> None:
    root = _workspace(tmp_path, wheel, override_in="member")
    # uv ignores a member's override: real Alembic is installed over alembic-rs
    assert _real_alembic_installed(root)
    found = _doctor(root)
    assert found.returncode == 1
    assert "real Alembic is installed over alembic-rs" in found.stdout
    assert f"(it is in {root / 'app' / 'pyproject.toml'})" in found.stdout
    assert f"workspace root's pyproject.toml ({root / 'pyproject.toml'})" in found.stdout
    assert "-m alembic_rs doctor --fix" in found.stdout
    # --fix repairs the files now, and says the override must still move
    fixed = _doctor(root, "--fix")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "alembic-rs's files are back" in fixed.stdout
    assert "uv applies `override-dependencies` only from the workspace root" in fixed.stdout
    assert not _real_alembic_installed(root)
    # with the override moved to the root, a sync keeps it that way
    _move_override_to_root(root)
    _sync(root)
    _assert_alembic_rs_runs(root)


def test_uv_workspace_override_moved_after_the_fact(tmp_path: Path, wheel: Path) -> None:
    root = _workspace(tmp_path, wheel, override_in="member")
    assert _real_alembic_installed(root)
    # moving the override and syncing uninstalls real Alembic: the files it shared with
    # alembic-rs (the `alembic` package and command) go with it
    _move_override_to_root(root)
    _sync(root)
    assert not _real_alembic_installed(root)
    broken = _doctor(root)
    assert broken.returncode == 1
    assert "file(s) of alembic-rs are missing or were overwritten" in broken.stdout
    _run(
        [str(root / ".venv" / "bin" / "python"), "-m", "alembic_rs", "doctor", "--fix"],
        cwd=root / "app",
    )
    _assert_alembic_rs_runs(root)
    _sync(root)  # and a later sync leaves the repaired files alone
    _assert_alembic_rs_runs(root)


def _move_override_to_root(root: Path) -> None:
    member = root / "app" / "pyproject.toml"
    text = member.read_text()
    start = text.index("\n[tool.uv]\n")
    member.write_text(text[:start] + "\n")
    (root / "pyproject.toml").write_text((root / "pyproject.toml").read_text() + text[start:])
