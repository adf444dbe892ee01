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
attempt("loop", lambda: Revision("a", "a"))
attempt("illegal", lambda: Revision("a-b", None))
json.dump(out, sys.stdout, indent=1, sort_keys=True)
