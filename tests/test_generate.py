"""The commands that write files: init, list_templates, revision, merge, edit, post-write hooks.

Every expectation is produced by running real Alembic (the "oracle") on an identical project
next to ours and comparing: printed lines (with the project directory replaced by <ROOT>),
the files written, and how real Alembic reads the resulting revision graph.
"""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TEMPLATES = ["generic", "async", "multidb", "pyproject", "pyproject_async"]
FIXED_NOW = "2024-03-05T07:08:09.123456"  # a UTC instant; see _clock_prelude()

# -- running the two implementations --------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def _clock_prelude(now: str | None) -> str:
    """Python run before the CLI: with ``now``, datetime.datetime.now() returns that instant
    (a UTC time; naive calls get it converted to local time), so the file names and Create
    Date of both implementations are identical."""
    if now is None:
        return ""
    return textwrap.dedent(
        f"""
        import datetime as _dt
        _FIXED = _dt.datetime.fromisoformat({now!r}).replace(tzinfo=_dt.timezone.utc)
        class _FixedDateTime(_dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return _FIXED.astimezone(tz) if tz else _FIXED.astimezone().replace(tzinfo=None)
        _dt.datetime = _FixedDateTime
        """
    )


class Clis:
    """How to start real Alembic and ours. The oracle is the interpreter next to
    ``$ALEMBIC_ORACLE_BIN`` (default /tmp/oracle/bin/alembic), so a fixed clock can be
    injected the same way into both."""

    def __init__(self, oracle_bin: Path) -> None:
        self.oracle_python = oracle_bin.parent / "python"
        # ours is this interpreter unless $ALEMBIC_OURS_PYTHON names another (an installed
        # wheel, say)
        self.ours_python = os.environ.get("ALEMBIC_OURS_PYTHON", sys.executable)

    def _python(self, which: str) -> str:
        return str(self.oracle_python) if which == "oracle" else self.ours_python

    def run(
        self,
        which: str,
        args: list[str],
        cwd: Path,
        now: str | None = None,
        env: dict[str, str] | None = None,
    ) -> Run:
        code = _clock_prelude(now) + "from alembic.config import main; main()"
        full_env = {k: v for k, v in os.environ.items() if k != "ALEMBIC_CONFIG"}
        # Alembic prints some sets (e.g. "Branches into") in hash order
        full_env["PYTHONHASHSEED"] = "0"
        full_env.update(env or {})
        proc = subprocess.run(
            [self._python(which), "-c", code, *args],
            cwd=cwd,
            env=full_env,
            stdin=subprocess.DEVNULL,  # not a terminal: no line wrapping in util.msg()
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    def python(self, which: str, code: str, cwd: Path) -> Run:
        proc = subprocess.run(
            [self._python(which), "-c", code],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def clis() -> Clis:
    oracle_bin = Path(os.environ.get("ALEMBIC_ORACLE_BIN", "/tmp/oracle/bin/alembic"))
    if not (oracle_bin.parent / "python").exists():
        pytest.skip(f"no Alembic oracle next to {oracle_bin}")
    return Clis(oracle_bin)


@pytest.fixture(scope="session")
def oracle_template_dir(clis: Clis, tmp_path_factory: pytest.TempPathFactory) -> str:
    code = "from alembic.config import Config; print(Config().get_template_directory())"
    return clis.python("oracle", code, tmp_path_factory.mktemp("tpl")).out.strip()


# -- comparing ----------------------------------------------------------------------------


def _norm(text: str, root: Path) -> str:
    return text.replace(str(root), "<ROOT>")


def _norm_err(text: str, root: Path) -> list[str]:
    """stderr without tracebacks' and warnings' source locations, which name different
    implementation files: keep warning messages and the final exception line."""
    lines = []
    for line in _norm(text, root).splitlines():
        m = re.search(r"(\w+Warning: .*)$", line)
        if m:
            lines.append(m.group(1))
        elif re.match(r"^\w+(\.\w+)*(Error|Exception)\b", line) or line.startswith(
            ("INFO ", "WARNI", "ERROR")
        ):
            lines.append(line)
    return lines


@dataclass
class Pair:
    """Two identical project directories, one driven by real Alembic and one by ours."""

    clis: Clis
    oracle_root: Path
    ours_root: Path

    def root(self, which: str) -> Path:
        return self.oracle_root if which == "oracle" else self.ours_root

    def run(self, which: str, args: list[str], **kw: object) -> Run:
        return self.clis.run(which, args, self.root(which), **kw)  # type: ignore[arg-type]

    def both(self, args: list[str], *, compare_err: bool = True, **kw: object) -> Run:
        """Run ``args`` in both projects; assert the same exit status and output."""
        theirs = self.run("oracle", args, **kw)
        ours = self.run("ours", args, **kw)
        assert _norm(ours.out, self.ours_root) == _norm(theirs.out, self.oracle_root), args
        assert (ours.code == 0) == (theirs.code == 0), (args, ours, theirs)
        if compare_err:
            assert _norm_err(ours.err, self.ours_root) == _norm_err(theirs.err, self.oracle_root), (
                args
            )
        return ours

    def edit(self, rel: str, old: str, new: str) -> None:
        for which in ("oracle", "ours"):
            path = self.root(which) / rel
            text = path.read_text()
            assert old in text, (rel, old)
            path.write_text(text.replace(old, new, 1))

    def write(self, rel: str, text: str, mode: int | None = None) -> None:
        for which in ("oracle", "ours"):
            path = self.root(which) / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            if mode is not None:
                path.chmod(mode)

    def tree(self, which: str, sub: str) -> dict[str, str]:
        base = self.root(which) / sub
        return {
            p.relative_to(base).as_posix(): _norm(p.read_text(), self.root(which))
            for p in sorted(base.rglob("*.py"))
            if "__pycache__" not in p.parts
        }

    def assert_same_versions(self, sub: str = "migrations/versions") -> None:
        assert self.tree("ours", sub) == self.tree("oracle", sub)

    def assert_oracle_reads_same_graph(self) -> None:
        """Real Alembic sees the same revision graph in both projects."""
        for args in (["heads", "-v"], ["history", "-v"], ["branches"]):
            theirs = self.clis.run("oracle", args, self.oracle_root)
            ours = self.clis.run("oracle", args, self.ours_root)
            assert theirs.code == 0, theirs
            assert _norm(ours.out, self.ours_root) == _norm(theirs.out, self.oracle_root), args


def _make_pair(clis: Clis, tmp_path: Path, init_args: list[str] | None = None) -> Pair:
    """Two projects created by real Alembic's ``init`` (so both render the same
    script.py.mako), ready for comparing what the other commands do."""
    pair = Pair(clis, tmp_path / "oracle" / "proj", tmp_path / "ours" / "proj")
    for which in ("oracle", "ours"):
        pair.root(which).mkdir(parents=True)
        r = clis.run("oracle", init_args or ["init", "migrations"], pair.root(which))
        assert r.code == 0, r
    return pair


@pytest.fixture
def pair(clis: Clis, tmp_path: Path) -> Pair:
    return _make_pair(clis, tmp_path)


# -- list_templates / init -----------------------------------------------------------------


def test_list_templates(clis: Clis, tmp_path: Path) -> None:
    theirs = clis.run("oracle", ["list_templates"], tmp_path)
    ours = clis.run("ours", ["list_templates"], tmp_path)
    assert ours.code == theirs.code == 0
    # the template lines come in directory order, which is not defined: compare as sets
    their_lines, our_lines = theirs.out.splitlines(), ours.out.splitlines()
    assert our_lines[:2] == their_lines[:2]
    assert our_lines[-3:] == their_lines[-3:]
    assert sorted(our_lines[2:-3]) == sorted(their_lines[2:-3])


def _init_key(out: str) -> tuple[list[str], list[str], list[str]]:
    """init's lines: directory creation in order, the generated files as a set (they come
    in template-directory order), then the rest in order."""
    lines = out.splitlines()
    creating = [line for line in lines if line.startswith("Creating directory")]
    generating = sorted(line for line in lines if line.startswith("Generating"))
    rest = [line for line in lines if line not in creating and line not in generating]
    return creating, generating, rest


def _files(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if "__pycache__" not in p.parts
    )


def _ini(path: Path) -> dict[str, dict[str, str]]:
    parser = configparser.RawConfigParser()
    parser.read(path)
    return {s: dict(parser.items(s)) for s in parser.sections()}


def _both_init(
    clis: Clis, tmp_path: Path, args: list[str], sub: str = "", mkdirs: tuple[str, ...] = ()
) -> Pair:
    """Run the same ``init`` with both (in ``sub`` of the project) and compare."""
    pair = Pair(clis, tmp_path / "oracle" / "proj", tmp_path / "ours" / "proj")
    for which in ("oracle", "ours"):
        for d in (sub, *mkdirs):
            (pair.root(which) / d).mkdir(parents=True, exist_ok=True)
    theirs = clis.run("oracle", args, pair.oracle_root / sub)
    ours = clis.run("ours", args, pair.ours_root / sub)
    assert ours.code == theirs.code == 0, (ours, theirs)
    assert _init_key(_norm(ours.out, pair.ours_root)) == _init_key(
        _norm(theirs.out, pair.oracle_root)
    )
    assert _files(pair.ours_root) == _files(pair.oracle_root)
    return pair


def _assert_same_config(pair: Pair) -> None:
    ini_o, ini_t = pair.ours_root / "alembic.ini", pair.oracle_root / "alembic.ini"
    assert _ini(ini_o) == _ini(ini_t)
    toml_o, toml_t = pair.ours_root / "pyproject.toml", pair.oracle_root / "pyproject.toml"
    assert toml_o.exists() == toml_t.exists()
    if toml_t.exists():
        assert tomllib.loads(toml_o.read_text()) == tomllib.loads(toml_t.read_text())


@pytest.mark.parametrize("template", TEMPLATES)
def test_init_template(clis: Clis, tmp_path: Path, template: str) -> None:
    pair = _both_init(clis, tmp_path, ["init", "-t", template, "migrations"])
    _assert_same_config(pair)
    # the synopsis printed by list_templates is the README's first line
    readme_o = (pair.ours_root / "migrations" / "README").read_text().splitlines()[0]
    readme_t = (pair.oracle_root / "migrations" / "README").read_text().splitlines()[0]
    assert readme_o == readme_t


@pytest.mark.parametrize("template", TEMPLATES)
def test_init_environment_runs_like_alembics(clis: Clis, tmp_path: Path, template: str) -> None:
    """Our env.py and script.py.mako, driven by real Alembic: the same revision graph, the
    same offline SQL and the same log lines as Alembic's own template."""
    pair = _both_init(clis, tmp_path, ["init", "-t", template, "migrations"])
    if template == "multidb":
        pair.edit("alembic.ini", "driver://user:pass@localhost/dbname2", "sqlite:///two.db")
    pair.edit("alembic.ini", "driver://user:pass@localhost/dbname", "sqlite:///one.db")

    for rev, extra in (("aaa1", []), ("bbb2", []), ("ccc3", ["--head", "aaa1", "--splice"])):
        for which in ("oracle", "ours"):
            r = clis.run(
                "oracle",
                ["revision", "-m", f"step {rev}", "--rev-id", rev, *extra],
                pair.root(which),
                now=FIXED_NOW,
            )
            assert r.code == 0, r
    pair.assert_oracle_reads_same_graph()

    # offline: SQL on stdout (multidb: one file per database), log lines on stderr
    theirs = clis.run("oracle", ["upgrade", "heads", "--sql"], pair.oracle_root)
    ours = clis.run("oracle", ["upgrade", "heads", "--sql"], pair.ours_root)
    assert theirs.code == 0, theirs
    assert ours.out == theirs.out
    assert _norm_err(ours.err, pair.ours_root) == _norm_err(theirs.err, pair.oracle_root)
    if template == "multidb":
        for name in ("engine1.sql", "engine2.sql"):
            assert (pair.ours_root / name).read_text() == (pair.oracle_root / name).read_text()

    if template in ("generic", "pyproject", "multidb"):  # online needs no async driver
        for args in (["upgrade", "heads"], ["current"], ["downgrade", "base"]):
            theirs = clis.run("oracle", args, pair.oracle_root)
            ours = clis.run("oracle", args, pair.ours_root)
            assert theirs.code == 0, theirs
            assert ours.out == theirs.out
            assert _norm_err(ours.err, pair.ours_root) == _norm_err(theirs.err, pair.oracle_root)


def test_init_package(clis: Clis, tmp_path: Path) -> None:
    _both_init(clis, tmp_path, ["init", "--package", "migrations"])


def test_init_into_existing_empty_directory(clis: Clis, tmp_path: Path) -> None:
    pair = Pair(clis, tmp_path / "oracle" / "proj", tmp_path / "ours" / "proj")
    for which in ("oracle", "ours"):
        (pair.root(which) / "migrations").mkdir(parents=True)
    pair.both(["init", "migrations"])
    assert _files(pair.ours_root) == _files(pair.oracle_root)


def test_init_absolute_directory(clis: Clis, tmp_path: Path) -> None:
    pair = Pair(clis, tmp_path / "oracle" / "proj", tmp_path / "ours" / "proj")
    for which in ("oracle", "ours"):
        root = pair.root(which)
        root.mkdir(parents=True)
        r = clis.run(which, ["init", str(root / "abs" / "migrations")], root)
        assert r.code == 0, r
    ini_o, ini_t = _ini(pair.ours_root / "alembic.ini"), _ini(pair.oracle_root / "alembic.ini")
    assert ini_o["alembic"]["script_location"] == str(pair.ours_root / "abs" / "migrations")
    ini_o["alembic"]["script_location"] = ini_t["alembic"]["script_location"] = ""
    assert ini_o == ini_t


def test_init_with_config_elsewhere(clis: Clis, tmp_path: Path) -> None:
    # script_location is written relative to %(here)s, the config file's directory
    pair = _both_init(
        clis, tmp_path, ["-c", "conf/alembic.ini", "init", "migrations"], mkdirs=("conf",)
    )
    assert _ini(pair.ours_root / "conf" / "alembic.ini") == _ini(
        pair.oracle_root / "conf" / "alembic.ini"
    )


def test_init_config_outside_directory_tree(clis: Clis, tmp_path: Path) -> None:
    pair = _both_init(clis, tmp_path, ["-c", "../alembic.ini", "init", "migrations"], sub="sub")
    assert _ini(pair.ours_root / "alembic.ini") == _ini(pair.oracle_root / "alembic.ini")


def test_init_existing_ini_is_kept(clis: Clis, tmp_path: Path) -> None:
    pair = Pair(clis, tmp_path / "oracle" / "proj", tmp_path / "ours" / "proj")
    pair.write("alembic.ini", "[alembic]\nscript_location = elsewhere\n")
    pair.both(["init", "migrations"])
    assert (pair.ours_root / "alembic.ini").read_text() == (
        "[alembic]\nscript_location = elsewhere\n"
    )


@pytest.mark.parametrize("template", ["pyproject", "pyproject_async"])
def test_init_appends_to_existing_pyproject(clis: Clis, tmp_path: Path, template: str) -> None:
    pair = Pair(clis, tmp_path / "oracle" / "proj", tmp_path / "ours" / "proj")
    pair.write("pyproject.toml", '[project]\nname = "app"\n')
    pair.both(["init", "-t", template, "migrations"])
    _assert_same_config(pair)


def test_init_pyproject_with_alembic_section_is_skipped(clis: Clis, tmp_path: Path) -> None:
    pair = Pair(clis, tmp_path / "oracle" / "proj", tmp_path / "ours" / "proj")
    pair.write("pyproject.toml", '[tool.alembic]\nscript_location = "x"\n')
    pair.both(["init", "-t", "pyproject", "migrations"])
    _assert_same_config(pair)


def test_init_quiet(clis: Clis, tmp_path: Path) -> None:
    # Alembic still prints the "Generating" lines under --quiet; so must we
    pair = Pair(clis, tmp_path / "oracle" / "proj", tmp_path / "ours" / "proj")
    for which in ("oracle", "ours"):
        pair.root(which).mkdir(parents=True)
    theirs = pair.run("oracle", ["-q", "init", "migrations"])
    ours = pair.run("ours", ["-q", "init", "migrations"])
    assert _init_key(_norm(ours.out, pair.ours_root)) == _init_key(
        _norm(theirs.out, pair.oracle_root)
    )


def test_init_errors(clis: Clis, tmp_path: Path, oracle_template_dir: str) -> None:
    pair = _make_pair(clis, tmp_path)
    pair.both(["init", "migrations"])  # not empty
    theirs = pair.run("oracle", ["init", "-t", "nope", "other"])
    ours = pair.run("ours", ["init", "-t", "nope", "other"])
    ours_tpl = clis.python(
        "ours",
        "from alembic.config import Config; print(Config().get_template_directory())",
        tmp_path,
    ).out.strip()
    assert ours.out.replace(ours_tpl, "<TPL>") == theirs.out.replace(oracle_template_dir, "<TPL>")
    assert ours.code != 0 and theirs.code != 0
    assert "FAILED: No such template <TPL>/nope" in ours.out.replace(ours_tpl, "<TPL>")


# -- revision / merge ----------------------------------------------------------------------


def test_revision_sequence(pair: Pair) -> None:
    """A branchy history built step by step, including every documented error."""
    steps = [
        ["revision", "-m", "first one", "--rev-id", "aaa1"],
        ["revision", "-m", "second", "--rev-id", "bbb2"],
        ["revision", "-m", "x", "--head", "aaa1"],  # not a head
        ["revision", "-m", "x", "--head", "aaa1", "--splice", "--rev-id", "ccc3"],
        ["revision", "-m", "y"],  # multiple heads
        [
            "revision",
            "-m",
            "feature",
            "--head",
            "bbb2",
            "--branch-label",
            "feat",
            "--rev-id",
            "ddd4",
        ],
        [
            "revision",
            "-m",
            "dep",
            "--head",
            "feat@head",
            "--depends-on",
            "aaa",
            "--depends-on",
            "feat",
            "--rev-id",
            "eee5",
        ],
        ["revision", "-m", "bad", "--head", "nothere"],
        ["revision", "-m", "bad", "--rev-id", "a-b@"],
        ["revision", "-m", "bad", "--head", "ccc3", "--version-path", "/nonexistent"],
        ["revision", "-m", "bad", "--head", "ccc3", "--depends-on", "zzz"],
        ["revision", "-m", "bad", "--head", "heads", "--rev-id", "xxx9", "--splice"],
        ["merge", "-m", "merge it", "ccc3", "eee5", "--rev-id", "fff6"],
        ["merge", "fff6", "fff6"],  # duplicate heads
        ["merge", "-m", "labelled", "heads", "--rev-id", "ggg7", "--branch-label", "rel"],
        ["revision", "--rev-id", "hhh8"],  # no message: "empty message"
        ["revision", "-m", "again", "--rev-id", "hhh8", "--head", "aaa1", "--splice"],
        ["revision", "-m", "Ünïcode & punctuation!! here", "--rev-id", "iii9", "--head", "hhh8"],
    ]
    for args in steps:
        pair.both(args, now=FIXED_NOW)
    pair.assert_same_versions()
    pair.assert_oracle_reads_same_graph()


def test_revision_generated_id_and_quiet(pair: Pair) -> None:
    pair.both(["-q", "revision", "-m", "quiet", "--rev-id", "q1"], now=FIXED_NOW)
    pair.assert_same_versions()
    pair.assert_oracle_reads_same_graph()
    for which in ("oracle", "ours"):
        r = pair.run(which, ["revision", "-m", "auto id"])
        assert re.fullmatch(
            r"Generating <ROOT>/migrations/versions/[0-9a-f]{12}_auto_id\.py \.\.\.  done\n",
            _norm(r.out, pair.root(which)),
        ), r


def test_merge_splice_of_non_heads(pair: Pair) -> None:
    for args in (
        ["revision", "-m", "a", "--rev-id", "a1"],
        ["revision", "-m", "b", "--rev-id", "b1"],
        ["revision", "-m", "c", "--rev-id", "c1", "--head", "a1", "--splice"],
        ["merge", "a1", "c1", "--rev-id", "m1"],  # a1 is not a head
        ["merge", "a1", "c1", "--rev-id", "m1", "--splice"],
    ):
        pair.both(args, now=FIXED_NOW)
    pair.assert_same_versions()
    pair.assert_oracle_reads_same_graph()


def test_ours_written_files_read_by_oracle_and_back(pair: Pair) -> None:
    """Mixed histories: each implementation builds on files the other wrote."""
    sequence = [
        ("oracle", ["revision", "-m", "one", "--rev-id", "r1"]),
        ("ours", ["revision", "-m", "two", "--rev-id", "r2"]),
        ("oracle", ["revision", "-m", "three", "--rev-id", "r3", "--head", "r1", "--splice"]),
        ("ours", ["merge", "-m", "join", "heads", "--rev-id", "r4"]),
        ("oracle", ["revision", "-m", "five", "--rev-id", "r5"]),
    ]
    for which, args in sequence:
        # the oracle project replays everything with real Alembic
        r = pair.clis.run("oracle", args, pair.oracle_root, now=FIXED_NOW)
        assert r.code == 0, r
        r = pair.clis.run(which, args, pair.ours_root, now=FIXED_NOW)
        assert r.code == 0, r
    pair.assert_same_versions()
    pair.assert_oracle_reads_same_graph()


@pytest.mark.parametrize(
    "file_template",
    [
        "%%(rev)s",
        "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s",
        "%%(epoch)s_%%(second).2d_%%(rev)s_%%(slug)s",
        "%%(year)d/%%(month).2d/%%(day).2d_%%(hour).2d%%(minute).2d_%%(second).2d_%%(rev)s_%%(slug)s",
        "__init__%%(rev)s",  # not a revision file name: written, then no Script
    ],
)
def test_file_template(pair: Pair, file_template: str) -> None:
    pair.edit(
        "alembic.ini",
        "# file_template = %%(year)d_",
        f"file_template = {file_template}\nrecursive_version_locations = true\n# x = %%(year)d_",
    )
    pair.both(["revision", "-m", "some message", "--rev-id", "ab12"], now=FIXED_NOW)
    pair.both(["revision", "-m", "next", "--rev-id", "cd34"], now=FIXED_NOW)
    pair.assert_same_versions()


@pytest.mark.parametrize("length", ["10", "12", "1", "200"])
def test_truncate_slug_length(pair: Pair, length: str) -> None:
    pair.edit("alembic.ini", "# truncate_slug_length = 40", f"truncate_slug_length = {length}")
    for i, message in enumerate(
        ["a very long message that goes on and on", "abcdefghijklmnop qrs", "x" * 30, "  "]
    ):
        pair.both(["revision", "-m", message, "--rev-id", f"t{i}"], now=FIXED_NOW)
    pair.assert_same_versions()


@pytest.mark.parametrize("tz", ["UTC", "utc", "America/New_York", "Asia/Kolkata", "Nowhere/Foo"])
def test_timezone(pair: Pair, tz: str) -> None:
    pair.edit("alembic.ini", "# timezone =", f"timezone = {tz}")
    pair.edit(
        "alembic.ini",
        "# file_template = %%(year)d_",
        "file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d"
        "_%%(epoch)s_%%(rev)s\n# x = %%(year)d_",
    )
    pair.both(["revision", "-m", "tz", "--rev-id", "tz1"], now=FIXED_NOW)
    pair.assert_same_versions()


def test_version_locations(pair: Pair) -> None:
    pair.edit(
        "alembic.ini",
        "# version_locations = %(here)s/bar:%(here)s/bat:%(here)s/alembic/versions",
        "version_locations = %(here)s/migrations/versions:%(here)s/other",
    )
    for args in (
        ["revision", "-m", "base one", "--rev-id", "v1"],  # needs --version-path
        ["revision", "-m", "base one", "--rev-id", "v1", "--version-path", "migrations/versions"],
        ["revision", "-m", "after", "--rev-id", "v2"],  # goes next to its parent
        [
            "revision",
            "-m",
            "other base",
            "--rev-id",
            "o1",
            "--head",
            "base",
            "--version-path",
            "other",
            "--branch-label",
            "other",
        ],
        ["revision", "-m", "other next", "--rev-id", "o2", "--head", "other@head"],
        ["revision", "-m", "bad", "--head", "v2", "--version-path", "nowhere"],
    ):
        pair.both(args, now=FIXED_NOW)
    pair.assert_same_versions("migrations/versions")
    pair.assert_same_versions("other")
    pair.assert_oracle_reads_same_graph()


def test_multidb_revision(clis: Clis, tmp_path: Path) -> None:
    pair = _make_pair(clis, tmp_path, ["init", "-t", "multidb", "migrations"])
    pair.both(["revision", "-m", "multi", "--rev-id", "md1"], now=FIXED_NOW)
    pair.both(["revision", "-m", "multi 2", "--rev-id", "md2"], now=FIXED_NOW)
    pair.assert_same_versions()


def test_pyproject_revision(clis: Clis, tmp_path: Path) -> None:
    pair = _make_pair(clis, tmp_path, ["init", "-t", "pyproject", "migrations"])
    pair.edit("pyproject.toml", "# truncate_slug_length = 40", "truncate_slug_length = 5")
    pair.both(["revision", "-m", "toml configured", "--rev-id", "pp1"], now=FIXED_NOW)
    pair.assert_same_versions()


def test_output_encoding(pair: Pair) -> None:
    pair.edit("alembic.ini", "# output_encoding = utf-8", "output_encoding = latin-1")
    pair.both(["revision", "-m", "café", "--rev-id", "enc1"], now=FIXED_NOW)
    ours = sorted((pair.ours_root / "migrations/versions").glob("enc1*.py"))
    theirs = sorted((pair.oracle_root / "migrations/versions").glob("enc1*.py"))
    assert [p.name for p in ours] == [p.name for p in theirs]
    assert ours[0].read_bytes() == theirs[0].read_bytes()


def test_template_error(pair: Pair) -> None:
    pair.write("migrations/script.py.mako", "${undefined_function()}\n")
    theirs = pair.run("oracle", ["revision", "-m", "x", "--rev-id", "e1"])
    ours = pair.run("ours", ["revision", "-m", "x", "--rev-id", "e1"])
    pattern = r"FAILED: Template rendering failed; see \S+\.txt for a template-oriented traceback\."
    assert re.search(pattern, theirs.out) and re.search(pattern, ours.out)
    assert re.sub(pattern, "", _norm(ours.out, pair.ours_root)) == re.sub(
        pattern, "", _norm(theirs.out, pair.oracle_root)
    )


def test_script_without_branch_labels(pair: Pair) -> None:
    pair.edit(
        "migrations/script.py.mako",
        "branch_labels: Union[str, Sequence[str], None] = ${repr(branch_labels)}",
        "",
    )
    pair.both(["revision", "-m", "lbl", "--rev-id", "l1", "--branch-label", "x"], now=FIXED_NOW)


def test_runtime_dependent_revision_options(pair: Pair) -> None:
    # what Alembic itself rejects prints Alembic's text
    pair.both(["revision", "--sql", "-m", "x"])
    pair.both(["revision", "--sql", "--autogenerate", "-m", "x"])
    # what needs env.py says so
    ours = pair.run("ours", ["revision", "--autogenerate", "-m", "x"])
    assert ours.code != 0 and "--autogenerate" in ours.out and "not support" in ours.out
    pair.edit("alembic.ini", "# revision_environment = false", "revision_environment = true")
    for args in (["revision", "-m", "x"], ["merge", "heads"]):
        ours = pair.run("ours", args)
        assert ours.code != 0 and "revision_environment" in ours.out, ours
    assert not list((pair.ours_root / "migrations/versions").glob("*.py"))


# -- post-write hooks ------------------------------------------------------------------------

HOOK_SH = '#!/bin/sh\necho "hook got $# args: $2 $3"\necho \'# touched by hook\' >> "$1"\n'
HOOK_MODULE = (
    "import sys\nprint('module hook', sys.argv[2:])\n"
    "open(sys.argv[1], 'a').write('# touched by module hook\\n')\n"
)


@pytest.mark.parametrize(
    "hooks",
    [
        "hooks = sh\nsh.type = exec\nsh.executable = %(here)s/hook.sh\nsh.options = -a 'b c'",
        (
            "hooks = sh\nsh.type = exec\nsh.executable = %(here)s/hook.sh\n"
            "sh.options = first REVISION_SCRIPT_FILENAME last\nsh.cwd = %(here)s/migrations"
        ),
        (
            "hooks = mod, sh\nmod.type = module\nmod.module = myhook\nmod.options = x y\n"
            "sh.type = exec\nsh.executable = %(here)s/hook.sh"
        ),
        "hooks = sh\nsh.type = exec\nsh.executable = /no/such/hook",
        "hooks = t\nt.executable = x",
        "hooks = t\nt.type = nope",
        "hooks = t\nt.type = exec",
        "hooks = t\nt.type = module",
        "hooks = t\nt.type = module\nt.module = no_such_module_here",
        "hooks = t\nt.type = console_scripts",
        "hooks = t\nt.type = console_scripts\nt.entrypoint = no-such-entrypoint",
        "hooks =",
    ],
    ids=lambda h: h.splitlines()[-1],
)
def test_post_write_hooks(pair: Pair, hooks: str) -> None:
    pair.write("hook.sh", HOOK_SH, mode=0o755)
    pair.write("myhook.py", HOOK_MODULE)
    pair.edit("alembic.ini", "# hooks = black", hooks + "\n# hooks = black")
    pair.both(["revision", "-m", "hooked", "--rev-id", "h1"], now=FIXED_NOW, compare_err=False)
    pair.assert_same_versions()


def test_post_write_hooks_in_pyproject(clis: Clis, tmp_path: Path) -> None:
    pair = _make_pair(clis, tmp_path, ["init", "-t", "pyproject", "migrations"])
    pair.write("hook.sh", HOOK_SH, mode=0o755)
    pair.edit(
        "pyproject.toml",
        "# This section",
        '[[tool.alembic.post_write_hooks]]\nname = "sh"\ntype = "exec"\n'
        'executable = "%(here)s/hook.sh"\noptions = "one two"\n\n'
        '[[tool.alembic.post_write_hooks]]\nname = "notype"\n# This section',
    )
    pair.both(["revision", "-m", "hooked", "--rev-id", "h1"], now=FIXED_NOW)
    pair.assert_same_versions()


# -- edit ----------------------------------------------------------------------------------

EDITOR_SH = '#!/bin/sh\necho "editing $*"\n'


def test_edit(pair: Pair) -> None:
    pair.write("editor.sh", EDITOR_SH, mode=0o755)
    for which in ("oracle", "ours"):
        for args in (
            ["revision", "-m", "one", "--rev-id", "e1"],
            ["revision", "-m", "two", "--rev-id", "e2"],
        ):
            assert pair.clis.run("oracle", args, pair.root(which)).code == 0
    for env in (
        {"EDITOR": "./editor.sh"},  # an existing path: used as given
        {"EDITOR": "editor.sh", "VISUAL": "vi", "PATH": "."},  # EDITOR wins over VISUAL
        {"VISUAL": "editor.sh", "PATH": "/nonexistent:."},  # a name looked up on PATH
        {"EDITOR": "/no/such/editor", "VISUAL": "", "PATH": "/nonexistent"},  # none found
    ):
        for args in (
            ["edit", "e1"],
            ["edit", "head"],
            ["edit", "heads"],
            ["edit", "nothere"],
            ["edit", "base"],
        ):
            pair.both(args, env=env)


def test_edit_current_needs_runtime(pair: Pair) -> None:
    ours = pair.run("ours", ["edit", "current"])
    assert ours.code != 0 and "'edit current'" in ours.out


# -- programmatic API ------------------------------------------------------------------------

API_SCRIPT = textwrap.dedent(
    """
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config("alembic.ini")
    s1 = command.revision(cfg, message="api one", rev_id="p1")
    print(type(s1).__name__, s1.revision, s1.down_revision, s1.doc)
    script = ScriptDirectory.from_config(cfg)
    for i in range(2, 5):
        s = script.generate_revision("p%d" % i, "gen %d" % i, refresh=True)
        print(s.revision, s.down_revision, script.get_current_head(), sorted(script.get_heads()))
    m = command.merge(cfg, ["p4"], message="m", rev_id="p5")
    print(m.revision, m.down_revision, m.is_head)
    s = script.generate_revision("p6", None, head="p2", splice=True, branch_labels=["lab"],
                                 depends_on="p1")
    print(s.revision, s.down_revision, sorted(s.branch_labels), s.dependencies,
          sorted(script.get_heads()))
    """
)


def test_programmatic_api(pair: Pair) -> None:
    theirs = pair.clis.python("oracle", API_SCRIPT, pair.oracle_root)
    ours = pair.clis.python("ours", API_SCRIPT, pair.ours_root)
    assert theirs.code == 0, theirs
    assert _norm(ours.out, pair.ours_root) == _norm(theirs.out, pair.oracle_root)
    assert ours.code == 0, ours


def test_no_mako_or_sqlalchemy_for_read_only_use(clis: Clis, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from alembic import command\n"
        "from alembic.script import generate, write_hooks\n"
        "from alembic.util import editor\n"
        "print(sorted(m for m in ('mako', 'sqlalchemy') if m in sys.modules))\n"
    )
    r = clis.python("ours", code, tmp_path)
    assert r.out.strip() == "[]", r


def test_template_files_are_our_own(clis: Clis, oracle_template_dir: str) -> None:
    """Same file set as Alembic's templates; the commentary is written for this project."""
    from alembic.config import Config

    ours = Path(Config().get_template_directory())
    theirs = Path(oracle_template_dir)
    assert sorted(p.name for p in ours.iterdir()) == sorted(p.name for p in theirs.iterdir())
    for tpl in theirs.iterdir():
        assert sorted(p.name for p in (ours / tpl.name).iterdir()) == sorted(
            p.name for p in tpl.iterdir()
        )
        for name in ("README", "env.py", "alembic.ini.mako"):
            assert (ours / tpl.name / name).read_text() != (tpl / name).read_text()
