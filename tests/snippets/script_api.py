"""Exercise alembic.script's Python API on the project in the current directory and print
the results as JSON. Run by tests/test_script_api.py under real Alembic and under alembic-rs.

Values Alembic derives from Python sets (nextrev, branch labels) are sorted here, since their
order changes with the hash seed.
"""

import json
import os
import sys
import warnings

from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError

warnings.simplefilter("ignore")
ini = "alembic.ini" if os.path.exists("alembic.ini") else None
cfg = Config(ini, toml_file="pyproject.toml")
out: dict = {}


def attempt(name, fn):
    try:
        out[name] = fn()
    except Exception as e:  # the class and message are part of the behaviour
        out[name] = ["raised", type(e).__name__, str(e)]


def describe(s):
    return {
        "revision": s.revision,
        "down_revision": s.down_revision,
        "dependencies": s.dependencies,
        "branch_labels": sorted(s.branch_labels),
        "nextrev": sorted(s.nextrev),
        "is_head": s.is_head,
        "is_base": s.is_base,
        "is_branch_point": s.is_branch_point,
        "is_merge_point": s.is_merge_point,
        "_is_real_head": s._is_real_head,
        "_versioned_down_revisions": list(s._versioned_down_revisions),
        "_all_down_revisions": sorted(s._all_down_revisions),
        "doc": s.doc,
        "longdoc": s.longdoc,
        "path": os.path.relpath(s.path),
        "str": str(s) if not s.is_branch_point else None,
        # "Branches into:" and "Branch names:" follow set order: compare those entries only
        # where the set has one element
        "log_entry": s.log_entry if not s.is_branch_point and len(s.branch_labels) < 2 else None,
        "head_only": s.cmd_format(
            False, include_branches=len(s.branch_labels) < 2, include_parents=True
        ),
        "module_revision": s.module.revision,
        "module_has_upgrade": hasattr(s.module, "upgrade"),
    }


sd = ScriptDirectory.from_config(cfg)
attempt("heads", lambda: sd.get_heads())
attempt("real_heads", lambda: sd.get_heads(consider_depends_on=True))
attempt("bases", lambda: sd.get_bases())
attempt("base", lambda: sd.get_base())
attempt("current_head", lambda: sd.get_current_head())
attempt("walk", lambda: [describe(s) for s in sd.walk_revisions()])
attempt("walk_ids", lambda: [s.revision for s in sd.walk_revisions()])
attempt("iterate", lambda: [s.revision for s in sd.iterate_revisions("heads", "base")])
attempt(
    "upgrade_order",
    lambda: [s.revision for s in sd.iterate_revisions("heads", None, implicit_base=True)],
)
attempt("revision_map_heads", lambda: list(sd.revision_map.heads))
attempt("revision_map_bases", lambda: list(sd.revision_map.bases))
for spec in ["head", "heads", "base", "head-1", "base+1", "-1", "+1"]:
    attempt(f"as_revision_number:{spec}", lambda spec=spec: sd.as_revision_number(spec))
    attempt(
        f"get_revisions:{spec}",
        lambda spec=spec: [getattr(r, "revision", r) for r in sd.get_revisions(spec)],
    )
# sorted, so the probed ids do not depend on the (possibly set-ordered) walk
ids = sorted(out["walk_ids"]) if isinstance(out.get("walk_ids"), list) else []
for rev in ids[:6]:
    for prefix in (rev, rev[:4], rev[:1]):
        attempt(f"get_revision:{prefix}", lambda p=prefix: sd.get_revision(p).revision)
attempt("get_revision:nosuch", lambda: sd.get_revision("nosuchrev"))
attempt("versions", lambda: os.path.relpath(sd.versions))
if ids:
    attempt("scripts_are_cached", lambda: sd.get_revision(ids[0]) is sd.get_revision(ids[0]))


# generators (walk_revisions, iterate_revisions) raise when iterated, not when called
attempt("walk_lazy", lambda: type(sd.walk_revisions("nosuchrev", "heads")).__name__)
attempt("walk_lazy_iterated", lambda: list(sd.walk_revisions("nosuchrev", "heads")))
attempt("iterate_lazy", lambda: type(sd.iterate_revisions("nosuchrev", "base")).__name__)
attempt("iterate_lazy_iterated", lambda: list(sd.iterate_revisions("nosuchrev", "base")))


def steps(fn):
    return lambda: [str(step) for step in fn()]


# plans to several destinations at once
heads = tuple(sorted(out["heads"])) if isinstance(out.get("heads"), list) else ()
attempt("upgrade_revs_multi", steps(lambda: sd._upgrade_revs(heads, ())))
attempt("upgrade_revs_list", steps(lambda: sd._upgrade_revs(list(heads), ())))
attempt("downgrade_revs_multi", steps(lambda: sd._downgrade_revs(("base", "base"), heads)))
attempt("stamp_revs_multi", steps(lambda: sd._stamp_revs(heads, ())))
# identifiers that are not strings (a database driver returning bytes): Alembic's errors
for ident in (b"12345", (b"12345",), 12345, [ids[0]] if ids else ["x"], 1.5):
    key = repr(ident)
    attempt(f"nonstr:get_revision:{key}", lambda i=ident: sd.get_revision(i).revision)
    attempt(
        f"nonstr:get_revisions:{key}", lambda i=ident: [s.revision for s in sd.get_revisions(i)]
    )
    attempt(f"nonstr:as_revision_number:{key}", lambda i=ident: sd.as_revision_number(i))
    attempt(
        f"nonstr:iterate:{key}",
        lambda i=ident: [s.revision for s in sd.iterate_revisions(i, "base")],
    )
    attempt(f"nonstr:walk:{key}", lambda i=ident: [s.revision for s in sd.walk_revisions(i)])
    attempt(
        f"nonstr:walk_head:{key}",
        lambda i=ident: [s.revision for s in sd.walk_revisions("base", i)],
    )
    attempt(
        f"nonstr:get_all_current:{key}",
        lambda i=ident: sorted(s.revision for s in sd.get_all_current(i)),
    )
    attempt(f"nonstr:upgrade_revs_cur:{key}", steps(lambda i=ident: sd._upgrade_revs("heads", i)))
    attempt(f"nonstr:upgrade_revs_dest:{key}", steps(lambda i=ident: sd._upgrade_revs(i, ())))
    attempt(
        f"nonstr:downgrade_revs_cur:{key}", steps(lambda i=ident: sd._downgrade_revs("base", i))
    )
    attempt(
        f"nonstr:downgrade_revs_dest:{key}", steps(lambda i=ident: sd._downgrade_revs(i, heads))
    )
    attempt(f"nonstr:stamp_revs_rev:{key}", steps(lambda i=ident: sd._stamp_revs(i, ())))
    attempt(f"nonstr:stamp_revs_heads:{key}", steps(lambda i=ident: sd._stamp_revs("heads", i)))
    attempt(f"nonstr:map_current_head:{key}", lambda i=ident: sd.revision_map.get_current_head(i))
json.dump(out, sys.stdout, indent=1, sort_keys=True)
sys.exit(0 if not isinstance(out, CommandError) else 1)
