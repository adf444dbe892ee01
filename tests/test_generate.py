"""The commands that write files: init, list_templates, revision, merge, edit, post-write hooks.

Every expectation comes from running real Alembic (the "oracle") on an identical project next
to ours and comparing: the printed lines (project directory replaced by <ROOT>), the files
written, and how real Alembic reads the resulting revision graph.

One Alembic process costs about a second, and these tests need hundreds of command lines, so
command lines run in batches: one interpreter per implementation imports the CLI once, then
forks a fresh child per command line (its own cwd, environment, stdout and stderr), which is
what a new `alembic` process would do, minus the start-up.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the batch driver forks")

TEMPLATES = ["generic", "async", "multidb", "pyproject", "pyproject_async"]
# A UTC instant; with it, both implementations see the same "now" (see _DRIVER), so file
# names and Create Date lines can be compared exactly.
FIXED_NOW = "2024-03-05T07:08:09.123456"

# -- running the two implementations --------------------------------------------------------

_DRIVER = r"""
import json, os, sys, traceback
steps_file, out_dir, now = sys.argv[1], sys.argv[2], sys.argv[3]
if now:
    import datetime as _dt
    _FIXED = _dt.datetime.fromisoformat(now).replace(tzinfo=_dt.timezone.utc)
    class _FixedDateTime(_dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return _FIXED.astimezone(tz) if tz else _FIXED.astimezone().replace(tzinfo=None)
    _dt.datetime = _FixedDateTime
import alembic.config
with open(steps_file) as f:
    steps = json.load(f)
codes = []
for i, step in enumerate(steps):
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.chdir(step["cwd"])
            for k, v in step["env"].items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
            for fd, name in ((1, "out"), (2, "err")):
                target = os.open(os.path.join(out_dir, f"{i}.{name}"),
                                 os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
                os.dup2(target, fd)
            sys.argv = ["alembic", *step["args"]]
            try:
                alembic.config.main(step["args"])
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            except BaseException:
                traceback.print_exc()
                code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code & 0xFF)
    _, status = os.waitpid(pid, 0)
    codes.append(os.waitstatus_to_exitcode(status))
with open(os.path.join(out_dir, "codes.json"), "w") as f:
    json.dump(codes, f)
"""


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Step:
    cwd: Path
    args: Sequence[str]
    env: Mapping[str, str | None] = field(default_factory=dict)


class Clis:
    """How to start real Alembic and ours: the interpreters of their environments."""

    def __init__(self, oracle_python: Path, ours_python: Path, scratch: Path) -> None:
        self.pythons = {"oracle": oracle_python, "ours": ours_python}
        self.scratch = scratch
        self._batches = 0

    def _env(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("ALEMBIC_CONFIG", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONWARNINGS")
        }
        # Alembic prints some sets in hash order ("Branches into: ...")
        env["PYTHONHASHSEED"] = "0"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["LC_ALL"] = env["LANG"] = "C.UTF-8"
        return env

    def batch(self, which: str, steps: Sequence[Step], now: str | None = None) -> list[Run]:
        """Run each step as `alembic *args` (a forked child each) with one interpreter."""
        self._batches += 1
        work = self.scratch / f"batch{self._batches}"
        work.mkdir(parents=True)
        (work / "steps.json").write_text(
            json.dumps(
                [{"cwd": str(s.cwd), "args": list(s.args), "env": dict(s.env)} for s in steps]
            )
        )
        proc = subprocess.run(
            [
                str(self.pythons[which]),
                "-c",
                _DRIVER,
                str(work / "steps.json"),
                str(work),
                now or "",
            ],
            env=self._env(),
            stdin=subprocess.DEVNULL,  # not a terminal: util.msg() does not wrap lines
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        codes = json.loads((work / "codes.json").read_text())
        return [
            Run(
                code,
                (work / f"{i}.out").read_text(errors="surrogateescape"),
                (work / f"{i}.err").read_text(errors="surrogateescape"),
            )
            for i, code in enumerate(codes)
        ]

    def run(
        self,
        which: str,
        args: Sequence[str],
        cwd: Path,
        now: str | None = None,
        env: Mapping[str, str | None] | None = None,
    ) -> Run:
        return self.batch(which, [Step(cwd, args, env or {})], now)[0]

    def python(self, which: str, code: str, cwd: Path) -> Run:
        proc = subprocess.run(
            [str(self.pythons[which]), "-c", code],
            cwd=cwd,
            env=self._env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)


def _oracle_python() -> Path:
    """Real Alembic's interpreter: next to $ALEMBIC_ORACLE_BIN, else /tmp/oracle, else the
    shared oracle virtualenv of tests/oracle.py (built on first use)."""
    configured = os.environ.get("ALEMBIC_ORACLE_BIN")
    if configured:
        return Path(configured).parent / "python"
    default = Path("/tmp/oracle/bin/python")
    if default.exists():
        return default
    import oracle  # tests/oracle.py, put on sys.path by conftest.py

    return oracle.oracle_bin() / "python"


@pytest.fixture(scope="session")
def clis(tmp_path_factory: pytest.TempPathFactory) -> Clis:
    # sys.executable itself, not resolved: .venv/bin/python is a symlink to the base
    # interpreter and only the venv path finds our packages
    return Clis(_oracle_python(), Path(sys.executable), tmp_path_factory.mktemp("batches"))


@pytest.fixture(scope="session")
def template_dirs(clis: Clis, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    code = "from alembic.config import Config; print(Config().get_template_directory())"
    cwd = tmp_path_factory.mktemp("tpl")
    return {which: clis.python(which, code, cwd).out.strip() for which in ("oracle", "ours")}


# -- comparing ----------------------------------------------------------------------------


def _norm(text: str, root: Path) -> str:
    return text.replace(str(root), "<ROOT>")


def _norm_err(text: str, root: Path) -> list[str]:
    """stderr without source locations (they name different implementation files): the
    warning messages, log lines and the final exception line."""
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
    """Two identical project directories: one for real Alembic, one for ours."""

    oracle_root: Path
    ours_root: Path

    def root(self, which: str) -> Path:
        return self.oracle_root if which == "oracle" else self.ours_root

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
            p.relative_to(base).as_posix(): _norm(p.read_text(errors="replace"), self.root(which))
            for p in sorted(base.rglob("*.py"))
            if "__pycache__" not in p.parts
        }

    def assert_same_versions(self, sub: str = "migrations/versions") -> None:
        assert self.tree("ours", sub) == self.tree("oracle", sub), self.ours_root


def _new_pairs(tmp_path: Path, names: Iterable[str]) -> dict[str, Pair]:
    pairs = {}
    for name in names:
        pair = Pair(tmp_path / "oracle" / name, tmp_path / "ours" / name)
        pair.oracle_root.mkdir(parents=True)
        pair.ours_root.mkdir(parents=True)
        pairs[name] = pair
    return pairs


def _make_pairs(clis: Clis, tmp_path: Path, inits: Mapping[str, Sequence[str]]) -> dict[str, Pair]:
    """Projects created by real Alembic's ``init`` on both sides, so both render the same
    script.py.mako and the version files can be compared byte for byte."""
    pairs = _new_pairs(tmp_path, inits)
    steps = [
        Step(pair.root(which), inits[name])
        for name, pair in pairs.items()
        for which in ("oracle", "ours")
    ]
    for r in clis.batch("oracle", steps):
        assert r.code == 0, r
    return pairs


def _compare(
    clis: Clis,
    steps: Sequence[tuple[Pair, Sequence[str]]],
    *,
    now: str | None = FIXED_NOW,
    env: Mapping[str, str | None] | None = None,
    compare_err: bool = True,
) -> list[Run]:
    """Run each (pair, args) with real Alembic in the pair's oracle project and with ours in
    its ours project, in order; assert the same outcome for every step."""
    theirs = clis.batch("oracle", [Step(p.oracle_root, a, env or {}) for p, a in steps], now=now)
    ours = clis.batch("ours", [Step(p.ours_root, a, env or {}) for p, a in steps], now=now)
    for (pair, args), t, o in zip(steps, theirs, ours, strict=False):
        where = f"{args} in {pair.ours_root.name}"
        assert _norm(o.out, pair.ours_root) == _norm(t.out, pair.oracle_root), where
        assert (o.code == 0) == (t.code == 0), (where, o, t)
        if compare_err:
            assert _norm_err(o.err, pair.ours_root) == _norm_err(t.err, pair.oracle_root), (
                where,
                o.err,
                t.err,
            )
    return ours


def _assert_oracle_reads_same_graph(clis: Clis, pairs: Iterable[Pair]) -> None:
    """Real Alembic sees the same revision graph in the oracle and the ours project."""
    commands = (["heads", "-v"], ["history", "-v"], ["branches", "-v"])
    pairs = list(pairs)
    steps = [Step(p.root(w), c) for p in pairs for c in commands for w in ("oracle", "ours")]
    runs = iter(clis.batch("oracle", steps))
    for pair in pairs:
        for args in commands:
            theirs, ours = next(runs), next(runs)
            assert theirs.code == 0, theirs
            assert _norm(ours.out, pair.ours_root) == _norm(theirs.out, pair.oracle_root), args


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


def _assert_same_config(pair: Pair, ini: str = "alembic.ini") -> None:
    ini_o, ini_t = pair.ours_root / ini, pair.oracle_root / ini
    assert ini_o.exists() == ini_t.exists()
    if ini_t.exists():
        assert _ini(ini_o) == _ini(ini_t), pair.ours_root.name
    toml_o, toml_t = pair.ours_root / "pyproject.toml", pair.oracle_root / "pyproject.toml"
    assert toml_o.exists() == toml_t.exists()
    if toml_t.exists():
        assert tomllib.loads(toml_o.read_text()) == tomllib.loads(toml_t.read_text())


@dataclass
class InitCase:
    args: list[str]
    sub: str = ""  # run from this subdirectory of the project
    files: Mapping[str, str] = field(default_factory=dict)  # written before init
    dirs: Sequence[str] = ()  # created before init
    ini: str = "alembic.ini"


INIT_CASES = {
    **{t: InitCase(["init", "-t", t, "migrations"]) for t in TEMPLATES},
    "package": InitCase(["init", "--package", "migrations"]),
    "quiet": InitCase(["-q", "init", "migrations"]),  # "Generating" lines are still printed
    "nested": InitCase(["init", "deep/er/migrations"]),
    "existing_empty_dir": InitCase(["init", "migrations"], dirs=["migrations"]),
    "config_in_subdir": InitCase(
        ["-c", "conf/alembic.ini", "init", "migrations"], dirs=["conf"], ini="conf/alembic.ini"
    ),
    "config_above": InitCase(["-c", "../alembic.ini", "init", "migrations"], sub="sub"),
    "config_env_var": InitCase(["init", "migrations"], ini="custom.ini"),
    "existing_ini_kept": InitCase(
        ["init", "migrations"], files={"alembic.ini": "[alembic]\nscript_location = x\n"}
    ),
    "pyproject_appended": InitCase(
        ["init", "-t", "pyproject", "migrations"],
        files={"pyproject.toml": '[project]\nname = "app"\n'},
    ),
    "pyproject_async_appended": InitCase(
        ["init", "-t", "pyproject_async", "migrations"],
        files={"pyproject.toml": '[project]\nname = "app"\n'},
    ),
    "pyproject_has_section": InitCase(
        ["-q", "init", "-t", "pyproject", "migrations"],
        files={"pyproject.toml": '[tool.alembic]\nscript_location = "x"\n'},
    ),
    "pyproject_toml_elsewhere": InitCase(
        ["-c", "cfg/pyproject.toml", "-c", "cfg/alembic.ini", "init", "-t", "pyproject", "m"],
        dirs=["cfg"],
        ini="cfg/alembic.ini",
    ),
}


def test_init(clis: Clis, tmp_path: Path) -> None:
    pairs = _new_pairs(tmp_path, INIT_CASES)
    for name, case in INIT_CASES.items():
        pair = pairs[name]
        for d in [case.sub, *case.dirs]:
            for which in ("oracle", "ours"):
                (pair.root(which) / d).mkdir(parents=True, exist_ok=True)
        for rel, text in case.files.items():
            pair.write(rel, text)
    env_for = {"config_env_var": {"ALEMBIC_CONFIG": "custom.ini"}}
    runs = {
        which: clis.batch(
            which,
            [
                Step(pairs[n].root(which) / c.sub, c.args, env_for.get(n, {}))
                for n, c in INIT_CASES.items()
            ],
        )
        for which in ("oracle", "ours")
    }
    for (name, case), theirs, ours in zip(
        INIT_CASES.items(), runs["oracle"], runs["ours"], strict=False
    ):
        pair = pairs[name]
        assert ours.code == theirs.code == 0, (name, ours, theirs)
        assert _init_key(_norm(ours.out, pair.ours_root)) == _init_key(
            _norm(theirs.out, pair.oracle_root)
        ), name
        assert _files(pair.ours_root) == _files(pair.oracle_root), name
        _assert_same_config(pair, case.ini)


def test_init_absolute_directory(clis: Clis, tmp_path: Path) -> None:
    pair = _new_pairs(tmp_path, ["abs"])["abs"]
    for which in ("oracle", "ours"):
        r = clis.run(which, ["init", str(pair.root(which) / "a" / "migrations")], pair.root(which))
        assert r.code == 0, r
    ini_o, ini_t = _ini(pair.ours_root / "alembic.ini"), _ini(pair.oracle_root / "alembic.ini")
    assert ini_o["alembic"]["script_location"] == str(pair.ours_root / "a" / "migrations")
    assert ini_t["alembic"]["script_location"] == str(pair.oracle_root / "a" / "migrations")
    ini_o["alembic"]["script_location"] = ini_t["alembic"]["script_location"] = ""
    assert ini_o == ini_t


def test_init_errors(clis: Clis, tmp_path: Path, template_dirs: dict[str, str]) -> None:
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    theirs, ours = (
        clis.batch(
            which,
            [
                Step(pair.root(which), ["init", "migrations"]),  # not empty
                Step(pair.root(which), ["init", "-t", "nope", "other"]),
                Step(pair.root(which), ["init", "-t", "../generic", "other2"]),
            ],
        )
        for which in ("oracle", "ours")
    )
    for t, o in zip(theirs, ours, strict=False):
        assert o.code != 0 and t.code != 0
        expected = _norm(t.out, pair.oracle_root).replace(template_dirs["oracle"], "<TPL>")
        assert _norm(o.out, pair.ours_root).replace(template_dirs["ours"], "<TPL>") == expected
    assert "FAILED: No such template <TPL>/nope" in theirs[1].out.replace(
        template_dirs["oracle"], "<TPL>"
    )


# Our env.py and script.py.mako, driven by real Alembic, must do what Alembic's do: the same
# revision graph, the same offline SQL, the same log lines, the same database state.
def test_init_environments_run_like_alembics(clis: Clis, tmp_path: Path) -> None:
    has_async = clis.python("oracle", "import sqlalchemy.ext.asyncio", tmp_path).code == 0
    pairs = _new_pairs(tmp_path, TEMPLATES)
    for which in ("oracle", "ours"):
        runs = clis.batch(
            which, [Step(pairs[t].root(which), ["init", "-t", t, "migrations"]) for t in TEMPLATES]
        )
        assert all(r.code == 0 for r in runs), runs
    for t, pair in pairs.items():
        if t == "multidb":
            pair.edit("alembic.ini", "driver://user:pass@localhost/dbname2", "sqlite:///two.db")
        pair.edit("alembic.ini", "driver://user:pass@localhost/dbname", "sqlite:///one.db")

    revisions = [
        ["revision", "-m", "step one", "--rev-id", "aaa1"],
        ["revision", "-m", "step two", "--rev-id", "bbb2"],
        ["revision", "-m", "step three", "--rev-id", "ccc3", "--head", "aaa1", "--splice"],
    ]
    steps = [
        Step(p.root(w), a) for p in pairs.values() for w in ("oracle", "ours") for a in revisions
    ]
    assert all(r.code == 0 for r in clis.batch("oracle", steps, now=FIXED_NOW))
    _assert_oracle_reads_same_graph(clis, pairs.values())

    runnable = [t for t in TEMPLATES if has_async or "async" not in t]
    commands = [["upgrade", "heads", "--sql"]]
    online = [["upgrade", "heads"], ["current"], ["downgrade", "base"], ["current"]]
    plan = [(t, c) for t in runnable for c in commands + (online if "async" not in t else [])]
    # both projects are run by real Alembic: what differs is only whose template made them
    results = {
        which: clis.batch("oracle", [Step(pairs[t].root(which), c) for t, c in plan])
        for which in ("oracle", "ours")
    }
    for (t, args), theirs, ours in zip(plan, results["oracle"], results["ours"], strict=False):
        pair = pairs[t]
        assert theirs.code == 0, theirs
        assert ours.code == 0, ours
        # several heads are upgraded in an order Alembic does not define
        assert sorted(ours.out.splitlines()) == sorted(theirs.out.splitlines()), (t, args)
        assert sorted(_norm_err(ours.err, pair.ours_root)) == sorted(
            _norm_err(theirs.err, pair.oracle_root)
        ), (t, args)
    if "multidb" in runnable:
        for name in ("engine1.sql", "engine2.sql"):
            pair = pairs["multidb"]
            assert (pair.ours_root / name).read_text() == (pair.oracle_root / name).read_text()


def test_template_files_are_our_own(template_dirs: dict[str, str]) -> None:
    """Same file set as Alembic's templates; the commentary is written for this project."""
    ours, theirs = Path(template_dirs["ours"]), Path(template_dirs["oracle"])

    def names(d: Path) -> list[str]:
        # bytecode caches appear wherever a template's env.py was imported
        return sorted(p.name for p in d.iterdir() if p.name != "__pycache__")

    assert names(ours) == names(theirs)
    for tpl in theirs.iterdir():
        if tpl.name == "__pycache__":
            continue
        assert names(ours / tpl.name) == names(tpl)
        for name in ("README", "env.py", "alembic.ini.mako"):
            assert (ours / tpl.name / name).read_text() != (tpl / name).read_text()


# -- revision / merge ----------------------------------------------------------------------


def test_revision_sequence(clis: Clis, tmp_path: Path) -> None:
    """A branchy history built step by step, including every documented error."""
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    steps = [
        ["revision", "-m", "first one", "--rev-id", "aaa1"],
        ["revision", "-m", "second", "--rev-id", "bbb2"],
        ["revision", "-m", "x", "--head", "aaa1"],  # not a head
        ["revision", "-m", "x", "--head", "aaa1", "--splice", "--rev-id", "ccc3"],
        ["revision", "-m", "y"],  # multiple heads
        ["revision", "-m", "f", "--head", "bbb2", "--branch-label", "feat", "--rev-id", "ddd4"],
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
        ["merge", "-m", "merge it", "ccc3", "eee5", "--rev-id", "fff6"],
        ["merge", "fff6", "fff6"],  # duplicate heads
        ["merge", "-m", "labelled", "heads", "--rev-id", "ggg7", "--branch-label", "rel"],
        ["revision", "--rev-id", "hhh8"],  # no message: "empty message"
        ["revision", "-m", "again", "--rev-id", "hhh8", "--head", "aaa1", "--splice"],  # dup id
        [
            "revision",
            "-m",
            "Ünïcode & punctuation!! here",
            "--rev-id",
            "iii9",
            "--head",
            "rel@head",
        ],
        ["revision", "-m", "new base", "--rev-id", "jjj0", "--head", "base"],
        ["merge", "heads", "--rev-id", "kkk1"],
    ]
    _compare(clis, [(pair, s) for s in steps])
    pair.assert_same_versions()
    _assert_oracle_reads_same_graph(clis, [pair])


def test_revision_generated_id_quiet_and_merge_splice(clis: Clis, tmp_path: Path) -> None:
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    steps = [
        ["-q", "revision", "-m", "quiet", "--rev-id", "a1"],
        ["revision", "-m", "b", "--rev-id", "b1"],
        ["revision", "-m", "c", "--rev-id", "c1", "--head", "a1", "--splice"],
        ["merge", "a1", "c1", "--rev-id", "m1"],  # a1 is not a head
        ["merge", "a1", "c1", "--rev-id", "m1", "--splice"],
        ["-q", "merge", "heads", "--rev-id", "m2"],
    ]
    _compare(clis, [(pair, s) for s in steps])
    pair.assert_same_versions()
    _assert_oracle_reads_same_graph(clis, [pair])
    for which in ("oracle", "ours"):
        r = clis.run(which, ["revision", "-m", "auto id"], pair.root(which))
        assert re.fullmatch(
            r"Generating <ROOT>/migrations/versions/[0-9a-f]{12}_auto_id\.py \.\.\.  done\n",
            _norm(r.out, pair.root(which)),
        ), r


def test_files_written_by_each_are_read_by_the_other(clis: Clis, tmp_path: Path) -> None:
    """Mixed histories: each implementation builds on files the other wrote, and ours reads
    them the same way Alembic does."""
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    sequence = [
        ("oracle", ["revision", "-m", "one", "--rev-id", "r1"]),
        ("ours", ["revision", "-m", "two", "--rev-id", "r2"]),
        ("oracle", ["revision", "-m", "three", "--rev-id", "r3", "--head", "r1", "--splice"]),
        ("ours", ["merge", "-m", "join", "heads", "--rev-id", "r4"]),
        ("oracle", ["revision", "-m", "five", "--rev-id", "r5", "--branch-label", "b"]),
        ("ours", ["revision", "-m", "six", "--rev-id", "r6", "--head", "b@head"]),
    ]
    # the oracle project replays everything with real Alembic
    replay = clis.batch("oracle", [Step(pair.oracle_root, a) for _, a in sequence], FIXED_NOW)
    assert all(r.code == 0 for r in replay), replay
    for which, args in sequence:
        r = clis.run(which, args, pair.ours_root, now=FIXED_NOW)
        assert r.code == 0, r
    pair.assert_same_versions()
    _assert_oracle_reads_same_graph(clis, [pair])
    _compare(clis, [(pair, ["heads", "-v"]), (pair, ["history", "-v"])])


FILE_TEMPLATES = [
    "%%(rev)s",
    "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s",
    "%%(epoch)s_%%(second).2d_%%(rev)s_%%(slug)s",
    "%%(year)d/%%(month).2d/%%(day).2d_%%(hour).2d%%(minute).2d_%%(second).2d_%%(rev)s_%%(slug)s",
    "__init__%%(rev)s",  # not a version file name: written, but no Script
    "%%(nope)s",  # unknown token
]


def test_file_template(clis: Clis, tmp_path: Path) -> None:
    pairs = _make_pairs(
        clis, tmp_path, {f"t{i}": ["init", "migrations"] for i in range(len(FILE_TEMPLATES))}
    )
    steps = []
    for pair, template in zip(pairs.values(), FILE_TEMPLATES, strict=False):
        pair.edit(
            "alembic.ini",
            "# file_template = %%(year)d_",
            f"file_template = {template}\nrecursive_version_locations = true\n# %%(year)d_",
        )
        steps += [
            (pair, ["revision", "-m", "some message", "--rev-id", "ab12"]),
            (pair, ["revision", "-m", "next", "--rev-id", "cd34"]),
        ]
    _compare(clis, steps)
    for pair in pairs.values():
        pair.assert_same_versions()


def test_truncate_slug_length(clis: Clis, tmp_path: Path) -> None:
    lengths = ["10", "1", "200", "0"]
    pairs = _make_pairs(clis, tmp_path, {f"l{n}": ["init", "migrations"] for n in lengths})
    messages = [
        "a very long message that goes on and on and on and on and on and on",
        "abcdefghijklmnop qrs x" + "y" * 40,
        "  ",
        "under_scores_and-dashes-too (with parens)",
    ]
    steps = []
    for length, pair in zip(lengths, pairs.values(), strict=False):
        pair.edit("alembic.ini", "# truncate_slug_length = 40", f"truncate_slug_length = {length}")
        steps += [
            (pair, ["revision", "-m", m, "--rev-id", f"t{i}", "--head", "base"])
            for i, m in enumerate(messages)
        ]
    _compare(clis, steps)
    for pair in pairs.values():
        pair.assert_same_versions()


def test_timezone(clis: Clis, tmp_path: Path) -> None:
    zones = ["UTC", "utc", "America/New_York", "asia/kolkata", "Nowhere/Foo", "EST5EDT"]
    pairs = _make_pairs(
        clis, tmp_path, {f"z{i}": ["init", "migrations"] for i in range(len(zones))}
    )
    for zone, pair in zip(zones, pairs.values(), strict=False):
        pair.edit("alembic.ini", "# timezone =", f"timezone = {zone}")
        pair.edit(
            "alembic.ini",
            "# file_template = %%(year)d_",
            "file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d"
            "_%%(epoch)s_%%(rev)s\n# %%(year)d_",
        )
    _compare(clis, [(p, ["revision", "-m", "tz", "--rev-id", "tz1"]) for p in pairs.values()])
    for pair in pairs.values():
        pair.assert_same_versions()


def test_version_locations(clis: Clis, tmp_path: Path) -> None:
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    pair.edit(
        "alembic.ini",
        "# version_locations = %(here)s/bar:%(here)s/bat:%(here)s/alembic/versions",
        "version_locations = %(here)s/migrations/versions:%(here)s/other",
    )
    steps = [
        ["revision", "-m", "base one", "--rev-id", "v1"],  # several locations: which one?
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
        ],  # "other" is created
        ["revision", "-m", "other next", "--rev-id", "o2", "--head", "other@head"],
        ["revision", "-m", "bad", "--head", "v2", "--version-path", "nowhere"],
        ["merge", "heads", "--rev-id", "m1"],
    ]
    _compare(clis, [(pair, s) for s in steps])
    pair.assert_same_versions("migrations/versions")
    pair.assert_same_versions("other")
    _assert_oracle_reads_same_graph(clis, [pair])


def test_other_templates_and_settings(clis: Clis, tmp_path: Path) -> None:
    pairs = _make_pairs(
        clis,
        tmp_path,
        {
            "multidb": ["init", "-t", "multidb", "migrations"],
            "pyproject": ["init", "-t", "pyproject", "migrations"],
            "latin1": ["init", "migrations"],
            "no_labels": ["init", "migrations"],
            "no_script": ["init", "migrations"],
            "broken": ["init", "migrations"],
            "self_loop": ["init", "migrations"],
        },
    )
    pairs["pyproject"].edit(
        "pyproject.toml", "# truncate_slug_length = 40", "truncate_slug_length = 5"
    )
    pairs["latin1"].edit("alembic.ini", "# output_encoding = utf-8", "output_encoding = latin-1")
    pairs["no_labels"].edit(
        "migrations/script.py.mako",
        "branch_labels: Union[str, Sequence[str], None] = ${repr(branch_labels)}",
        "",
    )
    (pairs["no_script"].oracle_root / "migrations/script.py.mako").unlink()
    (pairs["no_script"].ours_root / "migrations/script.py.mako").unlink()
    pairs["broken"].write("migrations/script.py.mako", "revision = 'r'\ndown_revision = 'r'\n")
    steps = [
        (pairs["multidb"], ["revision", "-m", "multi", "--rev-id", "md1"]),
        (pairs["multidb"], ["revision", "-m", "multi 2", "--rev-id", "md2"]),
        (pairs["pyproject"], ["revision", "-m", "toml configured", "--rev-id", "pp1"]),
        (pairs["latin1"], ["revision", "-m", "café", "--rev-id", "enc1"]),
        (pairs["no_labels"], ["revision", "-m", "lbl", "--rev-id", "l1", "--branch-label", "x"]),
        (pairs["no_script"], ["revision", "-m", "x", "--rev-id", "n1"]),
        (pairs["broken"], ["revision", "-m", "x", "--rev-id", "r"]),
        (pairs["self_loop"], ["revision", "-m", "x", "--rev-id", "s1"]),
        (pairs["self_loop"], ["revision", "-m", "self", "--head", "s1", "--rev-id", "s1"]),
    ]
    _compare(clis, steps, compare_err=False)
    for pair in pairs.values():
        pair.assert_same_versions()
    ours = sorted((pairs["latin1"].ours_root / "migrations/versions").glob("enc1*.py"))
    theirs = sorted((pairs["latin1"].oracle_root / "migrations/versions").glob("enc1*.py"))
    assert ours[0].read_bytes() == theirs[0].read_bytes()


def test_template_error(clis: Clis, tmp_path: Path) -> None:
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    pair.write("migrations/script.py.mako", "${undefined_function()}\n")
    pattern = r"FAILED: Template rendering failed; see \S+\.txt for a template-oriented traceback\."
    runs = {
        w: clis.run(w, ["revision", "-m", "x", "--rev-id", "e1"], pair.root(w))
        for w in ("oracle", "ours")
    }
    assert re.search(pattern, runs["oracle"].out) and re.search(pattern, runs["ours"].out)
    assert re.sub(pattern, "", _norm(runs["ours"].out, pair.ours_root)) == re.sub(
        pattern, "", _norm(runs["oracle"].out, pair.oracle_root)
    )


def test_runtime_dependent_revision_options(clis: Clis, tmp_path: Path) -> None:
    pairs = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"], "env": ["init", "m"]})
    # what Alembic itself rejects prints Alembic's text
    _compare(
        clis,
        [
            (pairs["p"], ["revision", "--sql", "-m", "x"]),
            (pairs["p"], ["revision", "--sql", "--autogenerate", "-m", "x"]),
        ],
    )
    # what needs env.py (not part of this build yet) says so, and writes nothing
    pairs["env"].edit(
        "alembic.ini", "# revision_environment = false", "revision_environment = true"
    )
    runs = clis.batch(
        "ours",
        [
            Step(pairs["p"].ours_root, ["revision", "--autogenerate", "-m", "x"]),
            Step(pairs["env"].ours_root, ["revision", "-m", "x"]),
            Step(pairs["env"].ours_root, ["merge", "heads"]),
        ],
    )
    assert runs[0].code != 0 and "'revision --autogenerate'" in runs[0].out
    assert runs[1].code != 0 and "revision_environment = true" in runs[1].out
    assert runs[2].code != 0 and "revision_environment = true" in runs[2].out
    assert not list(pairs["p"].ours_root.glob("migrations/versions/*.py"))
    assert not list(pairs["env"].ours_root.glob("m/versions/*.py"))


# -- post-write hooks ------------------------------------------------------------------------

HOOK_SH = '#!/bin/sh\necho "hook got $# args: $2 $3"\necho "# touched by hook" >> "$1"\n'
HOOK_MODULE = (
    "import sys\nprint('module hook', sys.argv[2:])\n"
    "open(sys.argv[1], 'a').write('# touched by module hook\\n')\n"
)
INI_HOOKS = [
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
]


def test_post_write_hooks(clis: Clis, tmp_path: Path) -> None:
    inits: dict[str, list[str]] = {f"h{i}": ["init", "migrations"] for i in range(len(INI_HOOKS))}
    inits["toml"] = ["init", "-t", "pyproject", "migrations"]
    pairs = _make_pairs(clis, tmp_path, inits)
    for pair in pairs.values():
        pair.write("hook.sh", HOOK_SH, mode=0o755)
        pair.write("myhook.py", HOOK_MODULE)
    for i, hooks in enumerate(INI_HOOKS):
        pairs[f"h{i}"].edit("alembic.ini", "# hooks = black", hooks + "\n# hooks = black")
    pairs["toml"].edit(
        "pyproject.toml",
        "# This section",
        '[[tool.alembic.post_write_hooks]]\nname = "sh"\ntype = "exec"\n'
        'executable = "%(here)s/hook.sh"\noptions = "one two"\n\n'
        '[[tool.alembic.post_write_hooks]]\nname = "notype"\n# This section',
    )
    # a failing hook prints a traceback whose frames name each implementation's files
    _compare(
        clis,
        [(p, ["revision", "-m", "hooked", "--rev-id", "h1"]) for p in pairs.values()],
        compare_err=False,
    )
    for pair in pairs.values():
        pair.assert_same_versions()


# -- edit ----------------------------------------------------------------------------------

EDITOR_SH = '#!/bin/sh\necho "editing $*"\n'


def test_edit(clis: Clis, tmp_path: Path) -> None:
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    pair.write("editor.sh", EDITOR_SH, mode=0o755)
    setup = [
        Step(pair.root(w), ["revision", "-m", m, "--rev-id", m])
        for w in ("oracle", "ours")
        for m in ("e1", "e2")
    ]
    assert all(r.code == 0 for r in clis.batch("oracle", setup))
    for env in (
        {"EDITOR": "./editor.sh"},  # an existing path is used as given
        {"EDITOR": "editor.sh", "VISUAL": "vi", "PATH": "."},  # EDITOR wins over VISUAL
        {"EDITOR": None, "VISUAL": "editor.sh", "PATH": "/nonexistent:."},  # found on PATH
        {"EDITOR": "/no/such/editor", "VISUAL": "", "PATH": "/nonexistent"},  # none found
    ):
        _compare(
            clis,
            [(pair, ["edit", r]) for r in ("e1", "head", "heads", "nothere", "base", "e")],
            env=env,
        )


def test_edit_current_runs_env_py(clis: Clis, tmp_path: Path) -> None:
    # `edit current` runs env.py to read the database's revision; the template's placeholder
    # URL (driver://...) fails there, the same way for both
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    theirs = clis.run("oracle", ["edit", "current"], pair.oracle_root)
    ours = clis.run("ours", ["edit", "current"], pair.ours_root)
    assert ours.code == theirs.code != 0
    assert ours.err.strip().splitlines()[-1] == theirs.err.strip().splitlines()[-1]


# -- programmatic API ------------------------------------------------------------------------

API_SCRIPT = textwrap.dedent(
    """
    import warnings
    warnings.simplefilter("ignore")
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config("alembic.ini")
    s1 = command.revision(cfg, message="api one", rev_id="p1")
    print(type(s1).__name__, s1.revision, s1.down_revision, s1.doc, s1.is_head)
    script = ScriptDirectory.from_config(cfg)
    for i in range(2, 5):
        s = script.generate_revision("p%d" % i, "gen %d" % i, refresh=True)
        print(s.revision, s.down_revision, script.get_current_head(), sorted(script.get_heads()))
    m = command.merge(cfg, ["p4"], message="m", rev_id="p5")
    print(m.revision, m.down_revision, m.is_head, m.module.__name__)
    script = ScriptDirectory.from_config(cfg)
    s = script.generate_revision("p6", None, head="p2", splice=True, branch_labels=["lab"],
                                 depends_on="p1")
    print(s.revision, s.down_revision, sorted(s.branch_labels), s.dependencies,
          sorted(script.get_heads()), script.get_revision("lab").revision)
    s = script.generate_revision("p7", "from base", head="base")
    print(s.revision, s.down_revision, sorted(script.get_heads()), sorted(script.get_bases()))
    print(command.revision(cfg, message="dup", rev_id="p7", head="p6").revision)
    print(sorted(ScriptDirectory.from_config(cfg).get_heads()))
    """
)


def test_programmatic_api(clis: Clis, tmp_path: Path) -> None:
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    theirs = clis.python("oracle", API_SCRIPT, pair.oracle_root)
    ours = clis.python("ours", API_SCRIPT, pair.ours_root)
    assert theirs.code == 0, theirs
    assert _norm(ours.out, pair.ours_root) == _norm(theirs.out, pair.oracle_root), ours.err
    assert ours.code == 0, ours


STALE_SCRIPT = textwrap.dedent(
    """
    import warnings
    warnings.simplefilter("ignore")
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config("alembic.ini")
    script = ScriptDirectory.from_config(cfg)
    script.generate_revision("p1", "one")
    command.revision(cfg, message="elsewhere", rev_id="p2")  # another ScriptDirectory
    print(script.generate_revision("p3", "three").down_revision, sorted(script.get_heads()))
    """
)


def test_revision_map_updated_like_add_revision(clis: Clis, tmp_path: Path) -> None:
    """After writing a file, Alembic adds the new revision to the ScriptDirectory's map in
    memory: files written meanwhile by other ScriptDirectory objects stay unseen, and a
    reused branch label fails with a RevisionError traceback after the file is written."""
    pair = _make_pairs(clis, tmp_path, {"p": ["init", "migrations"]})["p"]
    theirs = clis.python("oracle", STALE_SCRIPT, pair.oracle_root)
    ours = clis.python("ours", STALE_SCRIPT, pair.ours_root)
    assert theirs.code == 0, theirs
    assert _norm(ours.out, pair.ours_root) == _norm(theirs.out, pair.oracle_root), ours.err
    steps = [
        ["revision", "-m", "a", "--rev-id", "a1", "--branch-label", "feat"],
        ["revision", "-m", "bad", "--head", "base", "--rev-id", "b1", "--branch-label", "feat"],
    ]
    _compare(clis, [(pair, s) for s in steps])


def test_no_mako_or_sqlalchemy_until_rendering(clis: Clis, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from alembic import command\n"
        "from alembic.script import generate, write_hooks\n"
        "from alembic.util import editor\n"
        "print(sorted(m for m in ('mako', 'sqlalchemy') if m in sys.modules))\n"
    )
    r = clis.python("ours", code, tmp_path)
    assert r.out.strip() == "[]", r
