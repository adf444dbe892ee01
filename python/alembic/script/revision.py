"""``alembic.script.revision``: revisions, the revision graph, and its exceptions.

The graph (heads, bases, labels, relative specs, iteration order) is computed natively by
``alembic_rs._native.RevisionMap``; this module keeps Alembic's classes and attributes so
code that builds a ``RevisionMap`` from ``Revision`` objects, or catches ``MultipleHeads``,
keeps working. The native layer raises the exception classes defined here.
"""

from __future__ import annotations

from .. import util

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
    from typing import Any, TypeVar

    _T = TypeVar("_T")
    _RevIdType = Any
_revision_illegal_chars = ["@", "-", "+", ":"]


class RevisionError(Exception):
    pass


class RangeNotAncestorError(RevisionError):
    def __init__(self, lower: Any, upper: Any) -> None:
        self.lower = lower
        self.upper = upper
        super().__init__(
            "Revision %s is not an ancestor of revision %s" % (lower or "base", upper or "base")
        )


class MultipleHeads(RevisionError):
    def __init__(self, heads: Sequence[str], argument: str | None) -> None:
        self.heads = heads
        self.argument = argument
        super().__init__(
            "Multiple heads are present for given argument '%s'; %s" % (argument, ", ".join(heads))
        )


class ResolutionError(RevisionError):
    def __init__(self, message: str, argument: str) -> None:
        super().__init__(message)
        self.argument = argument


class CycleDetected(RevisionError):
    kind = "Cycle"

    def __init__(self, revisions: Sequence[str]) -> None:
        self.revisions = revisions
        super().__init__("%s is detected in revisions (%s)" % (self.kind, ", ".join(revisions)))


class DependencyCycleDetected(CycleDetected):
    kind = "Dependency cycle"


class LoopDetected(CycleDetected):
    kind = "Self-loop"

    def __init__(self, revision: str) -> None:
        super().__init__([revision])


class DependencyLoopDetected(DependencyCycleDetected, LoopDetected):
    kind = "Dependency self-loop"

    def __init__(self, revision: Any) -> None:
        CycleDetected.__init__(self, util.to_tuple(revision))


def tuple_rev_as_scalar(rev: Sequence[_T] | None) -> Any:
    if not rev:
        return None
    if len(rev) == 1:
        return rev[0]
    return rev


class Revision:
    """A node of the revision graph; :class:`.Script` is the version-file flavour.

    The graph-derived attributes (``nextrev``, ``is_head``, ...) are filled in by the
    :class:`.RevisionMap` that holds the revision, as with Alembic.
    """

    nextrev: frozenset[str] = frozenset()
    _all_nextrev: frozenset[str] = frozenset()
    revision: str = None  # type: ignore[assignment]
    down_revision: _RevIdType | None = None
    dependencies: _RevIdType | None = None
    branch_labels: set[str] = None  # type: ignore[assignment]
    _resolved_dependencies: tuple[str, ...] = ()
    _normalized_resolved_dependencies: tuple[str, ...] = ()

    @classmethod
    def verify_rev_id(cls, revision: str) -> None:
        illegal = set(revision).intersection(_revision_illegal_chars)
        if illegal:
            raise RevisionError(
                "Character(s) '%s' not allowed in revision identifier '%s'"
                % (", ".join(sorted(illegal)), revision)
            )

    def __init__(
        self,
        revision: str,
        down_revision: str | tuple[str, ...] | None,
        dependencies: str | tuple[str, ...] | None = None,
        branch_labels: str | tuple[str, ...] | None = None,
    ) -> None:
        if down_revision and revision in util.to_tuple(down_revision):
            raise LoopDetected(revision)
        elif dependencies is not None and revision in util.to_tuple(dependencies):
            raise DependencyLoopDetected(revision)
        self.verify_rev_id(revision)
        self.revision = revision
        self.down_revision = tuple_rev_as_scalar(util.to_tuple(down_revision))
        self.dependencies = tuple_rev_as_scalar(util.to_tuple(dependencies))
        self._orig_branch_labels = util.to_tuple(branch_labels, default=())
        self.branch_labels = set(self._orig_branch_labels)

    def __repr__(self) -> str:
        args = [repr(self.revision), repr(self.down_revision)]
        if self.dependencies:
            args.append("dependencies=%r" % (self.dependencies,))
        if self.branch_labels:
            args.append("branch_labels=%r" % (self.branch_labels,))
        return "%s(%s)" % (self.__class__.__name__, ", ".join(args))

    def add_nextrev(self, revision: Revision) -> None:
        self._all_nextrev = self._all_nextrev.union([revision.revision])
        if self.revision in revision._versioned_down_revisions:
            self.nextrev = self.nextrev.union([revision.revision])

    @property
    def _all_down_revisions(self) -> tuple[str, ...]:
        return util.dedupe_tuple(
            util.to_tuple(self.down_revision, default=()) + self._resolved_dependencies
        )

    @property
    def _normalized_down_revisions(self) -> tuple[str, ...]:
        return util.dedupe_tuple(
            util.to_tuple(self.down_revision, default=()) + self._normalized_resolved_dependencies
        )

    @property
    def _versioned_down_revisions(self) -> tuple[str, ...]:
        return util.to_tuple(self.down_revision, default=())

    @property
    def is_head(self) -> bool:
        return not bool(self.nextrev)

    @property
    def _is_real_head(self) -> bool:
        return not bool(self._all_nextrev)

    @property
    def is_base(self) -> bool:
        return self.down_revision is None

    @property
    def _is_real_base(self) -> bool:
        return self.down_revision is None and self.dependencies is None

    @property
    def is_branch_point(self) -> bool:
        return len(self.nextrev) > 1

    @property
    def _is_real_branch_point(self) -> bool:
        return len(self._all_nextrev) > 1

    @property
    def is_merge_point(self) -> bool:
        return len(self._versioned_down_revisions) > 1


def is_revision(rev: Any) -> Revision:
    assert isinstance(rev, Revision)
    return rev


def _warn(message: str) -> None:
    """A warning of the revision map (found natively), raised from this module as Alembic's
    ``util.warn`` calls in ``alembic/script/revision.py`` raise theirs (same file name and
    module for warning filters)."""
    import warnings

    warnings.warn(message, UserWarning, stacklevel=1)


def _native_module() -> Any:
    from alembic_rs import _native

    return _native


class RevisionMap:
    """The graph of revisions produced by ``generator``, built on first use.

    Queries are answered by the native map, which works on revision ids; this class turns
    ids back into the Revision objects the generator produced.
    """

    def __init__(self, generator: Callable[[], Iterable[Revision]]) -> None:
        self._generator = generator

    @util.memoized_property
    def _native(self) -> Any:
        revisions = list(self._generator())
        return self._build(revisions)

    def _build(self, revisions: list[Revision]) -> Any:
        native = _native_module().RevisionMap(
            [
                (
                    r.revision,
                    r.down_revision,
                    tuple(r._orig_branch_labels),
                    util.to_tuple(r.dependencies, default=()),
                )
                for r in revisions
            ]
        )
        objects: dict[str, Revision] = {}
        for r in revisions:
            objects.setdefault(r.revision, r)
        self._objects = objects
        self._attach(objects.values(), native)
        return native

    @staticmethod
    def _attach(revisions: Iterable[Revision], native: Any) -> None:
        # Alembic's map writes the graph-derived attributes onto each revision; do the same
        # so `rev.nextrev`, `rev.is_head`, `rev.branch_labels` read as they do there.
        for r in revisions:
            nextrev, all_nextrev, labels, resolved, normalized = native.info(r.revision)
            r.nextrev = frozenset(nextrev)
            r._all_nextrev = frozenset(all_nextrev)
            r.branch_labels = set(labels)
            r._resolved_dependencies = tuple(resolved)
            r._normalized_resolved_dependencies = tuple(normalized)

    def _rev(self, rev_id: Any) -> Any:
        if rev_id is None:
            return None
        if isinstance(rev_id, tuple):
            # the native map marks the plain string "base" (what Alembic returns when a
            # relative spec walks below a base) as ("base",)
            return rev_id[0]
        self._native  # noqa: B018 - builds the map (and self._objects) on first use
        return self._objects[rev_id]

    def _revs(self, ids: Iterable[str | None]) -> tuple[Any, ...]:
        return tuple(self._rev(i) for i in ids)

    @util.memoized_property
    def heads(self) -> tuple[str, ...]:
        return tuple(self._native.heads())

    @util.memoized_property
    def bases(self) -> tuple[str, ...]:
        return tuple(self._native.bases())

    @util.memoized_property
    def _real_heads(self) -> tuple[str, ...]:
        return tuple(self._native.real_heads())

    @util.memoized_property
    def _real_bases(self) -> tuple[str, ...]:
        return tuple(self._native.real_bases())

    @util.memoized_property
    def _revision_map(self) -> dict[str | None, Any]:
        self._native  # noqa: B018
        mapping: dict[str | None, Any] = dict(self._objects)
        for r in self._objects.values():
            for label in r.branch_labels:
                mapping[label] = r
        mapping[None] = None
        mapping[()] = None  # type: ignore[index]
        return mapping

    def add_revision(self, revision: Revision, _replace: bool = False) -> None:
        """Add one revision to the built map (Alembic's ``add_revision``)."""
        native = self._native
        path = getattr(revision, "path", None)
        doc = None
        if path is not None:
            module = getattr(revision, "module", None)
            doc = getattr(module, "__doc__", None) if module is not None else None
            revision._doc = doc  # type: ignore[attr-defined]
            revision._native_map = native  # type: ignore[attr-defined]
        native.add_revision(
            revision.revision,
            revision.down_revision,
            tuple(revision._orig_branch_labels),
            util.to_tuple(revision.dependencies, default=()),
            _replace,
            path,
            doc,
        )
        self._register(revision)
        # the new revision changes its parents' nextrev and the heads
        self._attach(self._known_objects(), native)
        for name in ("heads", "bases", "_real_heads", "_real_bases", "_revision_map"):
            self.__dict__.pop(name, None)

    def _register(self, revision: Revision) -> None:
        self._objects[revision.revision] = revision

    def _known_objects(self) -> Iterable[Revision]:
        return list(self._objects.values())

    def get_current_head(self, branch_label: str | None = None) -> str | None:
        if branch_label is None or isinstance(branch_label, str):
            return self._native.get_current_head(branch_label)
        # not a string: Alembic resolves it through filter_for_lineage, whose errors
        # (`revision identifier b'...' is not a string`) it raises
        current_heads: Sequence[str] = self.heads
        if branch_label:
            current_heads = self.filter_for_lineage(current_heads, branch_label)
        if len(current_heads) > 1:
            raise MultipleHeads(current_heads, "%s@head" % (branch_label,))
        return current_heads[0] if current_heads else None

    def get_revisions(self, id_: Any) -> tuple[Any, ...]:
        if isinstance(id_, (list, tuple, set, frozenset)):
            id_ = tuple(id_)
        return self._revs(self._native.get_revisions(id_))

    def get_revision(self, id_: str | None) -> Any:
        return self._rev(self._native.get_revision(id_))

    def _resolve_revision_number(self, id_: Any) -> tuple[tuple[str, ...], str | None]:
        ids, branch = self._native.resolve_revision_number(id_)
        return tuple(ids), branch

    def filter_for_lineage(
        self, targets: Iterable[Any], check_against: str | None, include_dependencies: bool = False
    ) -> tuple[Any, ...]:
        # the targets themselves come back (strings stay strings), as with Alembic
        targets = tuple(targets)
        ids = tuple(t.revision if isinstance(t, Revision) else t for t in targets)
        kept = set(self._native.filter_for_lineage(ids, check_against, include_dependencies))
        return tuple(t for t, i in zip(targets, ids, strict=True) if i in kept)

    def iterate_revisions(
        self,
        upper: Any,
        lower: Any,
        implicit_base: bool = False,
        inclusive: bool = False,
        assert_relative_length: bool = True,
        select_for_downgrade: bool = False,
    ) -> Iterator[Any]:
        # a generator, as Alembic's: nothing is resolved (nor raised) until iterated
        if select_for_downgrade:
            _check_downgrade_target(lower)
        ids = self._native.iterate_revisions(
            _as_arg(upper),
            _as_arg(lower),
            implicit_base,
            inclusive,
            assert_relative_length,
            select_for_downgrade,
        )
        yield from self._revs(ids)

    def _get_descendant_nodes(
        self,
        targets: Collection[Any],
        map_: Any = None,
        check: bool = False,
        omit_immediate_dependencies: bool = False,
        include_dependencies: bool = True,
    ) -> Iterator[Any]:
        if omit_immediate_dependencies:
            # (Alembic itself never passes it) the targets' own dependents are left out
            def fn(rev: Revision) -> Iterable[str]:
                return rev.nextrev if rev in targets else rev._all_nextrev

            return self._iterate_related_revisions(fn, targets, map_=map_, check=check)
        return self._related_nodes("descendant_nodes", targets, map_, check, include_dependencies)

    def _get_ancestor_nodes(
        self,
        targets: Collection[Any],
        map_: Any = None,
        check: bool = False,
        include_dependencies: bool = True,
    ) -> Iterator[Any]:
        return self._related_nodes("ancestor_nodes", targets, map_, check, include_dependencies)

    def _related_nodes(
        self,
        native_fn: str,
        targets: Collection[Any],
        map_: Any,
        check: bool,
        include_dependencies: bool,
    ) -> Iterator[Any]:
        # lazy, as Alembic's generators: the walk (and its errors) happens when iterated
        ids = tuple(is_revision(t).revision for t in targets)
        if map_ is None:
            yield from self._revs(
                getattr(self._native, native_fn)(ids, check, include_dependencies)
            )
            return
        # a caller's own map: walk it as Alembic does
        attr = {
            ("descendant_nodes", True): "_all_nextrev",
            ("descendant_nodes", False): "nextrev",
            ("ancestor_nodes", True): "_normalized_down_revisions",
            ("ancestor_nodes", False): "_versioned_down_revisions",
        }[(native_fn, include_dependencies)]
        yield from self._iterate_related_revisions(
            lambda rev: getattr(rev, attr), targets, map_=map_, check=check
        )

    def _iterate_related_revisions(
        self,
        fn: Callable[[Revision], Iterable[str]],
        targets: Collection[Any],
        map_: Any,
        check: bool = False,
    ) -> Iterator[Revision]:
        """Depth-first walk from each target along ``fn(rev)`` (revision ids looked up in
        ``map_``, by default this map), each revision yielded once; ``check`` raises when
        a target reaches another target."""
        if map_ is None:
            map_ = self._revision_map
        seen: set[Revision] = set()
        todo: list[Revision] = []
        for target_for in targets:
            target = is_revision(target_for)
            todo.append(target)
            per_target: set[Revision] = set()
            while todo:
                rev = todo.pop()
                if check:
                    per_target.add(rev)
                if rev in seen:
                    continue
                seen.add(rev)
                for rev_id in fn(rev):
                    next_rev = map_[rev_id]
                    assert next_rev is not None
                    if next_rev.revision != rev_id:
                        raise RevisionError("Dependency resolution failed; broken map")
                    todo.append(next_rev)
                yield rev
            if check:
                overlaps = per_target.intersection(targets).difference([target])
                if overlaps:
                    raise RevisionError(
                        "Requested revision %s overlaps with other requested revisions %s"
                        % (target.revision, ", ".join(r.revision for r in overlaps))
                    )

    def _get_all_current(self, id_: tuple[str, ...]) -> set[Any]:
        return set(self._revs(self._native.get_all_current(_as_arg(id_))))


def _check_downgrade_target(target: Any) -> None:
    # `_parse_downgrade_target`, before anything else is resolved
    assert target is None or isinstance(target, str), "Expected downgrade target in string form"


def _as_arg(value: Any) -> Any:
    if isinstance(value, (list, set, frozenset)):
        return tuple(value)
    return value
