"""Structure rules the repository checks on itself (docs/ARCHITECTURE.md explains them).

- `python/alembic` walks no plan: the core `Migrator` (src/alembic_rs_core/src/runtime/
  migrator.rs) is the one walker for every path; Python only answers its `_run_*` callbacks
  (a step is looked up by the index the walker gives, never iterated). Checked on the AST:
  no loop or comprehension over a plan (what a plan function returns, or `_run_steps`), and
  no call of the walker's own operations (`update_to_step`, `static_statements`,
  `set_heads`). The rule is tested on the Python walker this replaced (commit 8084728), so
  it cannot pass vacuously.
- The core's dependency tree is pure: src/alembic_rs_core/tests/dependency_tree.rs (cargo
  test) checks it has no pyo3, tokio or database driver.
"""

from __future__ import annotations

import ast
import subprocess

import oracle
import pytest

PYTHON_ALEMBIC = oracle.REPO / "python" / "alembic"

# functions whose result is a plan (a list of MigrationStep), and the context's copy of it
PLAN_SOURCES = frozenset(
    {"_migrations_fn", "_plan_fn", "_stamp_revs", "_upgrade_revs", "_downgrade_revs", "_run_steps"}
)
# the walker's operations on the native run state
WALKER_CALLS = frozenset(
    {"update_to_step", "_update_to_step", "static_statements", "_static_statements", "set_heads"}
)

# The Python walker before the core's Migrator (8084728:python/alembic/runtime/migration.py),
# abridged: the rule must find its loops and calls.
OLD_WALKER = """
class MigrationContext:
    def stamp(self, script_directory, revision):
        heads = self.get_current_heads()
        self._native.set_heads(list(heads))
        for step in script_directory._stamp_revs(revision, heads):
            self._update_to_step(step)

    def _run_migrations(self, dont_mutate, **kw):
        heads = self.get_current_heads()
        steps = list(self._migrations_fn(heads, self))
        for step in steps:
            with self.begin_transaction(_per_migration=True):
                static = step._static_statements(self)
                heads_now = self._update_to_step(step)
"""


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _mentions_plan(node: ast.AST) -> bool:
    """Whether an expression is (built from) a plan: a plan function's call or `_run_steps`."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and _name(sub.func) in PLAN_SOURCES:
            return True
        if isinstance(sub, ast.Attribute) and sub.attr == "_run_steps":
            return True
    return False


def plan_walking(source: str, filename: str = "<source>") -> list[str]:
    """Where `source` walks a plan, as `file:line: what`."""
    tree = ast.parse(source, filename)
    found: list[str] = []
    functions = [
        n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    for function in functions:
        # local names bound to a plan (`steps = list(self._migrations_fn(heads, self))`)
        plans = {
            target.id
            for node in ast.walk(function)
            if isinstance(node, ast.Assign) and _mentions_plan(node.value)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(function):
            iterated: list[ast.expr] = []
            if isinstance(node, (ast.For, ast.AsyncFor)):
                iterated.append(node.iter)
            elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                iterated.extend(g.iter for g in node.generators)
            for it in iterated:
                names = {n.id for n in ast.walk(it) if isinstance(n, ast.Name)}
                if _mentions_plan(it) or names & plans:
                    found.append(f"{filename}:{it.lineno}: iterates a plan ({ast.unparse(it)})")
            if isinstance(node, ast.Call) and _name(node.func) in WALKER_CALLS:
                found.append(f"{filename}:{node.lineno}: calls the walker's {_name(node.func)}")
    return sorted(set(found))


def test_the_rule_finds_the_python_walker_it_replaced() -> None:
    found = plan_walking(OLD_WALKER)
    assert any("iterates a plan (steps)" in f for f in found), found
    assert any("iterates a plan (script_directory._stamp_revs" in f for f in found), found
    for call in ("set_heads", "_update_to_step", "_static_statements"):
        assert any(f"walker's {call}" in f for f in found), found


def test_the_rule_finds_the_old_walker_in_history() -> None:
    proc = subprocess.run(
        ["git", "show", "8084728:python/alembic/runtime/migration.py"],
        cwd=oracle.REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.skip("commit 8084728 is not in this clone's history")
    found = plan_walking(proc.stdout, "migration.py@8084728")
    assert any("iterates a plan (steps)" in f for f in found), found


def test_python_alembic_walks_no_plan() -> None:
    found: list[str] = []
    for path in sorted(PYTHON_ALEMBIC.rglob("*.py")):
        found += plan_walking(path.read_text(), str(path.relative_to(oracle.REPO)))
    assert not found, "\n".join(found)
