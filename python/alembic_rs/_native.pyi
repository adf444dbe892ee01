# The types of alembic_rs._native, the Rust extension (src/alembic_rs_py/src/*.rs): kept by
# hand from the #[pyfunction]s and #[pymethods] there; tests/test_stubs.py checks it against
# the built module with mypy.stubtest. A Rust `Vec<String>` parameter takes any sequence of
# str (not a str itself); a returned Vec is a list.

import os
from collections.abc import Sequence
from typing import Any, Literal, TypeAlias, final

# the names the module init adds, in its order (pyo3 keeps them in the module's __all__)
__all__ = [
    "__version__",
    "RevisionMap",
    "VersionScripts",
    "MigrationRun",
    "Step",
    "fast_readonly_command",
    "evaluate_file",
    "plan_steps",
    "step_info",
    "has_bind_parameters",
    "advisory_lock_key",
    "dialect_drivers",
]

__version__: str

# a revision argument as Alembic takes it: None, a revision string, or a tuple of them
_RevArg: TypeAlias = str | tuple[str, ...] | None
# a down_revision as a version file holds it: None, a revision id, or a sequence of ids
_RevRef: TypeAlias = str | Sequence[str] | None

@final
class RevisionMap:
    """The revision graph, queried by revision id."""

    def __new__(
        cls, revisions: Sequence[tuple[str, _RevRef, Sequence[str], Sequence[str]]]
    ) -> RevisionMap: ...
    def add_revision(
        self,
        revision: str,
        down_revision: _RevRef,
        branch_labels: Sequence[str],
        depends_on: Sequence[str],
        replace: bool,
        path: str | None = None,
        doc: str | None = None,
    ) -> None: ...
    def revision_ids(self) -> list[str]: ...
    def heads(self) -> list[str]: ...
    def bases(self) -> list[str]: ...
    def real_heads(self) -> list[str]: ...
    def real_bases(self) -> list[str]: ...
    def info(self, id: str) -> tuple[list[str], list[str], list[str], list[str], list[str]]: ...
    def get_current_head(self, branch_label: str | None = None) -> str | None: ...
    # ("base",) stands for the string "base" Alembic returns below a base
    def get_revisions(self, id: _RevArg) -> list[str | tuple[str] | None]: ...
    def get_revision(self, id: _RevArg) -> str | None: ...
    def resolve_revision_number(self, id: _RevArg) -> tuple[list[str], str | None]: ...
    def filter_for_lineage(
        self, targets: Sequence[str], check_against: _RevArg, include_dependencies: bool
    ) -> tuple[str, ...]: ...
    def iterate_revisions(
        self,
        upper: _RevArg,
        lower: _RevArg,
        implicit_base: bool,
        inclusive: bool,
        assert_relative_length: bool,
        select_for_downgrade: bool,
    ) -> tuple[str, ...]: ...
    def descendant_nodes(
        self, targets: Sequence[str], check: bool, include_dependencies: bool
    ) -> tuple[str, ...]: ...
    def ancestor_nodes(
        self, targets: Sequence[str], check: bool, include_dependencies: bool
    ) -> tuple[str, ...]: ...
    def get_all_current(self, ids: _RevArg) -> tuple[str, ...]: ...
    def script_entry(
        self, id: str
    ) -> tuple[str, str | tuple[str, ...] | None, list[str], list[str], str | None]: ...
    def log_entry(self, id: str, current: bool) -> str: ...
    def script_str(self, id: str) -> str: ...
    def cmd_format(
        self,
        id: str,
        verbose: bool,
        include_branches: bool,
        include_doc: bool,
        include_parents: bool,
        tree_indicators: bool,
        current: bool,
    ) -> str: ...
    def heads_lines(self, verbose: bool, resolve_dependencies: bool) -> list[str]: ...
    def branches_lines(self, verbose: bool) -> list[str]: ...
    def history_lines(self, base: str, head: str, verbose: bool) -> list[str]: ...
    def show_lines(self, rev: str) -> list[str]: ...

@final
class VersionScripts:
    """A script directory's version files, read natively."""

    def __new__(
        cls, locations: Sequence[str | os.PathLike[str]], recursive: bool, sourceless: bool
    ) -> VersionScripts: ...
    def pending_imports(self) -> list[tuple[int, str, str]]: ...
    def resolve_import(
        self,
        index: int,
        revision: str,
        down_revision: _RevRef,
        branch_labels: Sequence[str],
        depends_on: Sequence[str],
        doc: str | None,
    ) -> None: ...
    def revision_ids(self) -> list[str]: ...
    def build_map(self) -> RevisionMap: ...

@final
class MigrationRun:
    """The native side of one MigrationContext."""

    def __new__(
        cls,
        map: RevisionMap,
        version_table: str,
        version_table_schema: str | None,
        version_table_pk: bool,
        paramstyle: str,
        literal_binds: bool,
        online: bool,
        dialect: str = "postgresql",
        transactional_ddl: bool | None = None,
        transaction_per_migration: bool = False,
    ) -> MigrationRun: ...
    def heads(self) -> list[str]: ...
    def create_version_table(self) -> str: ...
    def delete_all_versions(self) -> str: ...
    def set_naming_convention(self, convention_json: str) -> None: ...
    def compile(self, op_json: str) -> list[str]: ...
    def created_types(self) -> list[tuple[str | None, str]]: ...
    def note_created_type(self, schema: str | None, name: str) -> bool: ...
    # context: the MigrationContext whose callbacks the native walker calls (PyExecutor)
    def run_migrations(
        self,
        context: Any,
        *,
        as_sql: bool,
        external_transaction: bool,
        purge: bool,
        dont_mutate: bool,
        never_static: bool,
        stamp: bool = False,
        terminator: str | None = None,
        debug_logging: bool = True,
        version_callbacks: bool = True,
    ) -> None: ...

@final
class Step:
    """One step of a plan, as Python's RevisionStep / StampStep hold it."""

    @property
    def revision(self) -> str | None: ...
    @property
    def is_upgrade(self) -> bool: ...
    @property
    def short_log(self) -> str: ...
    @property
    def from_revisions(self) -> list[str]: ...
    @property
    def to_revisions(self) -> list[str]: ...
    @property
    def from_revisions_no_deps(self) -> list[str]: ...
    @property
    def to_revisions_no_deps(self) -> list[str]: ...
    @property
    def path(self) -> str | None: ...
    @property
    def doc(self) -> str: ...
    @property
    def branch_move(self) -> bool: ...
    @staticmethod
    def stamp(
        from_: Sequence[str], to_: Sequence[str], is_upgrade: bool, branch_move: bool
    ) -> Step: ...

def fast_readonly_command(
    argv: Sequence[str], alembic_config: str | None = None, deprecations_visible: bool = True
) -> tuple[str, str] | None: ...
def advisory_lock_key(schema: str | None, table: str) -> int: ...
def dialect_drivers(name: str) -> list[tuple[str, str]]: ...
def evaluate_file(
    path: str | os.PathLike[str],
) -> tuple[str | None, str | None, str | None, str | None]: ...
def plan_steps(
    map: RevisionMap,
    kind: Literal["upgrade", "downgrade", "stamp"],
    destination: _RevArg,
    heads: _RevArg,
) -> list[Step]: ...
def step_info(map: RevisionMap, id: str, is_upgrade: bool) -> Step: ...
def has_bind_parameters(text: str) -> bool: ...
