"""Build alembic.script.revision.RevisionMap from Revision objects (as test suites do) and
print what its API answers, as JSON. Run by tests/test_revision_map_api.py under real Alembic
and under alembic-rs. Set-derived values are sorted."""

import json
import sys
import warnings

from alembic.script.revision import Revision, RevisionMap

warnings.simplefilter("ignore")
GRAPHS = {
    "linear": [("a", None), ("b", "a"), ("c", "b")],
    "branched": [("a", None), ("b", "a"), ("c", "a"), ("d", ("b", "c")), ("e", "d")],
    "labels": [
        ("a", None, None, "lib"),
        ("b", "a"),
        ("x", None, None, "app"),
        ("y", "x", "b"),
    ],
    "bases": [("a1", None), ("a2", "a1"), ("b1", None), ("b2", "b1")],
}
QUERIES = ["heads", "head", "base", "a", "b", "lib@head", "app@head", "-1", "head-1", "x+1", "zz"]
out: dict = {}


def attempt(key, fn):
    try:
        out[key] = fn()
    except Exception as e:
        out[key] = ["raised", type(e).__name__, str(e)]


for name, spec in GRAPHS.items():
    revs = [
        Revision(
            s[0],
            s[1],
            dependencies=s[2] if len(s) > 2 else None,
            branch_labels=s[3] if len(s) > 3 else None,
        )
        for s in spec
    ]
    m = RevisionMap(lambda revs=revs: revs)
    attempt(f"{name}:heads", lambda m=m: sorted(m.heads))
    attempt(f"{name}:bases", lambda m=m: sorted(m.bases))
    attempt(
        f"{name}:attrs",
        lambda revs=revs, m=m: (
            m.heads,
            [
                (
                    r.revision,
                    sorted(r.nextrev),
                    r.is_head,
                    r.is_base,
                    r.is_branch_point,
                    r.is_merge_point,
                    sorted(r.branch_labels),
                )
                for r in revs
            ],
        )[1],
    )
    attempt(
        f"{name}:iterate",
        lambda m=m: sorted(r.revision for r in m.iterate_revisions("heads", "base")),
    )
    for q in QUERIES:
        attempt(
            f"{name}:get_revisions:{q}",
            lambda m=m, q=q: sorted(getattr(r, "revision", str(r)) for r in m.get_revisions(q)),
        )
        attempt(
            f"{name}:get_revision:{q}",
            lambda m=m, q=q: getattr(m.get_revision(q), "revision", None),
        )
# generators: iterate_revisions and the node walks raise when iterated, not when called
m = RevisionMap(
    lambda: [Revision("a", None), Revision("b", "a"), Revision("c", "b"), Revision("d", "b")]
)
attempt("lazy:iterate", lambda: type(m.iterate_revisions("zz", "base")).__name__)
attempt("lazy:iterate_iterated", lambda: list(m.iterate_revisions("zz", "base")))
attempt(
    "lazy:iterate_down",
    lambda: type(m.iterate_revisions("c", b"x", select_for_downgrade=True)).__name__,
)
attempt(
    "lazy:iterate_down_iterated",
    lambda: list(m.iterate_revisions("c", b"x", select_for_downgrade=True)),
)
a_rev = m.get_revision("a")
c_rev = m.get_revision("c")
attempt("lazy:descendants", lambda: type(m._get_descendant_nodes([None])).__name__)
attempt("lazy:descendants_iterated", lambda: list(m._get_descendant_nodes([None])))
attempt("lazy:ancestors", lambda: type(m._get_ancestor_nodes([None])).__name__)
attempt("descendants", lambda: sorted(r.revision for r in m._get_descendant_nodes([a_rev])))
attempt(
    "descendants_omit",
    lambda: sorted(
        r.revision for r in m._get_descendant_nodes([a_rev], omit_immediate_dependencies=True)
    ),
)
attempt("ancestors", lambda: [r.revision for r in m._get_ancestor_nodes([c_rev])])
attempt(
    "ancestors_check",
    lambda: [r.revision for r in m._get_ancestor_nodes([c_rev, a_rev], check=True)],
)
attempt(
    "related",
    lambda: [
        r.revision
        for r in m._iterate_related_revisions(
            lambda r: r._versioned_down_revisions, [c_rev], map_=None
        )
    ],
)
attempt("related_lazy", lambda: type(m._iterate_related_revisions(len, [None], None)).__name__)
# filter_for_lineage gives back the targets it was given (strings stay strings)
attempt("lineage_strings", lambda: m.filter_for_lineage(("c", "d"), "c"))
attempt("lineage_revisions", lambda: [r.revision for r in m.filter_for_lineage([c_rev], "b")])
# identifiers that are not strings: Alembic's RevisionError names them
for ident in (b"12345", (b"12345",), 12345, ["a"], 1.5, ("a", "zzzz")):
    key = repr(ident)
    attempt(f"nonstr:get_revision:{key}", lambda i=ident: m.get_revision(i).revision)
    attempt(f"nonstr:get_revisions:{key}", lambda i=ident: [r.revision for r in m.get_revisions(i)])
    attempt(f"nonstr:resolve:{key}", lambda i=ident: m._resolve_revision_number(i))
    attempt(
        f"nonstr:iterate:{key}",
        lambda i=ident: [r.revision for r in m.iterate_revisions(i, "base")],
    )
    attempt(
        f"nonstr:iterate_lower:{key}",
        lambda i=ident: [r.revision for r in m.iterate_revisions("heads", i)],
    )
    attempt(f"nonstr:current_head:{key}", lambda i=ident: m.get_current_head(i))
    attempt(f"nonstr:lineage:{key}", lambda i=ident: m.filter_for_lineage(("c",), i))
attempt("loop", lambda: Revision("a", "a"))
attempt("illegal", lambda: Revision("a-b", None))
json.dump(out, sys.stdout, indent=1, sort_keys=True)
