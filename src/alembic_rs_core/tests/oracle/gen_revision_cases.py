"""Generate revision_cases.json: real Alembic's answers for the Rust RevisionMap tests.

Run with the oracle interpreter (Alembic 1.20.1 installed):

    /tmp/oracle/bin/python src/alembic_rs_core/tests/oracle/gen_revision_cases.py

Every case is computed under several PYTHONHASHSEED values (each in a fresh process). Where
Alembic's answer depends on Python set iteration order, the runs disagree; such results are
written with "stable": false and the Rust test compares them order-insensitively.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import types
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "revision_cases.json")
SEEDS = ["0", "1", "2", "3", "4", "5", "6", "7"]


# --------------------------------------------------------------------------------------
# Graph definitions
# --------------------------------------------------------------------------------------


def R(rev, down=None, labels=(), deps=(), doc=None):
    return {
        "id": rev,
        "down": list(down) if isinstance(down, tuple) else down,
        "labels": list(labels) if not isinstance(labels, str) else [labels],
        "deps": list(deps) if not isinstance(deps, str) else [deps],
        "doc": doc,
    }


def handmade_graphs():
    g = {}
    g["linear"] = [
        R("ae1027a6acf", None, doc="Initial schema.\n\nCreates the account table."),
        R("27c6a30d7c24", "ae1027a6acf", doc="  add a column  "),
        R("1975ea83b712", "27c6a30d7c24", doc=None),
        R("4c1f0ef2b7d8", "1975ea83b712", doc="line one\nline two\n\n  para two\n"),
    ]
    g["branchpoint_and_merge"] = [
        R("a0000001", None, doc="base rev"),
        R("b1111111", "a0000001", doc="left"),
        R("b2222222", "a0000001", doc="right"),
        R("c3333333", ("b1111111", "b2222222"), doc="merge them"),
        R("d4444444", "c3333333", doc="after merge"),
    ]
    g["unmerged_heads"] = [
        R("a1", None),
        R("b1", "a1"),
        R("c1", "b1"),
        R("c2", "b1"),
        R("d2", "c2"),
    ]
    g["multiple_bases_labels"] = [
        R("a1aaaa", None, labels="abranch", doc="a"),
        R("b1bbbb", "a1aaaa"),
        R("somelongername", "b1bbbb"),
        R("c1cccc", "somelongername"),
        R("d1dddd", None),
        R("e1eeee", "d1dddd", labels=["ebranch"]),
        R("someothername", "e1eeee"),
        R("f1ffff", "someothername", doc="f doc"),
    ]
    g["depends_on_labels"] = [
        R("a1000000", None, labels="lib", doc="lib base"),
        R("a2000000", "a1000000"),
        R("b1000000", None, labels="app", deps="lib", doc="app base"),
        R("b2000000", "b1000000", deps="a2000000"),
        R("b3000000", "b2000000"),
        R("a3000000", "a2000000"),
    ]
    g["cross_branch_deps"] = [
        R("base0001", None),
        R("left0001", "base0001"),
        R("left0002", "left0001"),
        R("rght0001", "base0001"),
        R("rght0002", "rght0001", deps=("left0001",)),
        R("rght0003", "rght0002", deps=("left0002", "left0001")),
        R("merge001", ("left0002", "rght0003")),
    ]
    g["dependency_heads"] = [
        R("aaaa0001", None, labels="x"),
        R("bbbb0001", None, labels="y"),
        R("cccc0001", "bbbb0001", deps="aaaa0001"),
    ]
    g["partial_ids"] = [
        R("abcd1234", None),
        R("abcd5678", "abcd1234"),
        R("abce0000", "abcd5678", labels="abcdlabel"),
        R("ffff0000", "abce0000"),
    ]
    g["diamond_labels"] = [
        R("root", None, labels="trunk"),
        R("lefty", "root", labels="leftb"),
        R("righty", "root", labels="rightb"),
        R("joined", ("lefty", "righty")),
        R("tail1", "joined"),
    ]
    g["long_branches"] = [
        R("a1", None),
        R("a2", "a1"),
        R("a3", "a2"),
        R("b1", "a3"),
        R("b2", "a3"),
        R("cb1", "b1"),
        R("cb2", "b2"),
        R("db1", "cb1"),
        R("db2", "cb2"),
        R("e1b1", "db1"),
        R("fe1b1", "e1b1"),
        R("e2b1", "db1"),
        R("e2b2", "db2"),
        R("merge", ("e2b1", "e2b2")),
    ]
    g["empty"] = []
    g["single"] = [R("only0001", None, doc="The only one.")]
    g["out_of_order_load"] = [
        R("c3", "b2"),
        R("a1", None),
        R("b2", "a1", labels="mid"),
        R("d4", "c3"),
    ]
    # broken maps
    g["dangling_down"] = [R("a1", None), R("b2", "zz9", doc="refers to missing")]
    g["dangling_down_merge"] = [R("a1", None), R("b2", ("a1", "q1"))]
    g["dangling_dep"] = [R("a1", None), R("b2", "a1", deps="nosuch")]
    g["duplicate_ids"] = [R("a1", None), R("b2", "a1"), R("b2", "a1"), R("c3", "b2")]
    g["duplicate_base"] = [R("a1", None, doc="first"), R("a1", None, doc="second")]
    g["cycle_all"] = [R("a1", "c3"), R("b2", "a1"), R("c3", "b2")]
    g["cycle_partial"] = [R("a1", None), R("b2", "a1"), R("c3", "d4"), R("d4", "c3")]
    g["dep_cycle"] = [R("a1", None, deps="b2"), R("b2", "a1")]
    g["dep_cycle_partial"] = [R("a1", None), R("b2", "a1", deps="c3"), R("c3", "b2")]
    g["self_loop"] = [R("a1", None), R("b2", "b2")]
    g["dep_self_loop"] = [R("a1", None), R("b2", "a1", deps="b2")]
    g["illegal_id"] = [R("a1", None), R("b-2@x", "a1")]
    g["dup_label"] = [R("a1", None, labels="lbl"), R("b2", "a1", labels="lbl")]
    g["label_is_id"] = [R("a1", None), R("b2", "a1", labels="a1")]
    g["down_names_label"] = [R("a1", None, labels="lbl"), R("b2", "lbl")]
    return g


def random_graph(rng, n, name):
    prefixes = ["ab", "abc", "abcd", "f0", "99", "dead", "be"]
    ids = []
    while len(ids) < n:
        p = rng.choice(prefixes)
        rid = p + "".join(rng.choice("0123456789abcdef") for _ in range(rng.randint(1, 6)))
        if rid not in ids and rid not in ("head", "heads", "base"):
            ids.append(rid)
    revs = []
    label_count = 0
    for i, rid in enumerate(ids):
        earlier = ids[:i]
        roll = rng.random()
        if not earlier or roll < 0.15:
            down = None
        elif roll < 0.8 or len(earlier) < 2:
            down = rng.choice(earlier)
        else:
            down = tuple(rng.sample(earlier, 2))
        labels = []
        if rng.random() < 0.2:
            label_count += 1
            labels = ["%s_l%d" % (name, label_count)]
        deps = []
        if earlier and rng.random() < 0.25:
            k = 1 if rng.random() < 0.7 else 2
            pool = [e for e in earlier if e != down and (not isinstance(down, tuple) or e not in down)]
            deps = rng.sample(pool, min(k, len(pool)))
        revs.append(R(rid, down, labels, deps, doc="doc of %s" % rid if rng.random() < 0.6 else None))
    # labels can be used as dependency targets
    labelled = [r for r in revs if r["labels"]]
    for r in revs:
        if r["deps"] and labelled and rng.random() < 0.3:
            cand = rng.choice(labelled)
            if cand["id"] != r["id"] and ids.index(cand["id"]) < ids.index(r["id"]):
                r["deps"] = [cand["labels"][0]]
    # load order is not topological in real script directories
    if rng.random() < 0.5:
        rng.shuffle(revs)
    return revs


def all_graphs():
    graphs = handmade_graphs()
    rng = random.Random(20240601)
    for i in range(24):
        name = "rand%02d" % i
        graphs[name] = random_graph(rng, rng.randint(3, 11), name)
    return graphs


# --------------------------------------------------------------------------------------
# Queries (chosen from the graph definition only, so every seed asks the same)
# --------------------------------------------------------------------------------------


def query_args(revs, rng):
    ids = []
    for r in revs:
        if r["id"] not in ids:
            ids.append(r["id"])
    labels = [l for r in revs for l in r["labels"]]
    args = [None, "head", "heads", "base", "", "nosuch", "@head", "-1", "-2", "-9", "+1", "+2", "+9"]
    args += ["head-2", "head-9", "head+1", "base+9", "base-1", "heads+1", "-0", "+0", "@@-1", "a@b@-1"]
    args += ids
    args += sorted({i[:4] for i in ids} | {i[:3] for i in ids} | {i[:2] for i in ids})
    args += labels
    for l in labels[:3]:
        args += [l + "@head", l + "@heads", l + "@base", l + "@-1", l + "@+1", l + "@" + ids[0]]
        args += [l + "@" + ids[-1][:4], l + "@+2", l + "@-2", l + "@head-1", l + "@base+1"]
    for i in ids[:4]:
        args += [i + "+1", i + "-1", i + "+2", i + "@head", "head-1", "heads-1", "base+1", "base+2"]
        args += [i[:4] + "+2", i[:4] + "-1", i + "-9"]
    if len(ids) >= 2:
        args.append([ids[0], ids[1]])
        args.append([ids[-1]])
        args.append([])
        args.append(ids[1] + "@" + ids[0])
    args.append("x@" + (ids[0] if ids else "a"))
    out = []
    for a in args:
        if a not in out:
            out.append(a)
    return out


def make_queries(revs, rng, with_format, with_script):
    ids = []
    for r in revs:
        if r["id"] not in ids:
            ids.append(r["id"])
    labels = [l for r in revs for l in r["labels"]]
    args = query_args(revs, rng)
    q = []
    for a in args:
        q.append({"op": "get_revisions", "arg": a})
        q.append({"op": "get_revision", "arg": a})
        q.append({"op": "as_revision_number", "arg": a})
    for l in [None] + labels + ids[:2]:
        q.append({"op": "get_current_head", "label": l})
    q.append({"op": "sd_get_current_head"})
    q.append({"op": "sd_get_base"})
    check_args = [a for a in args if not isinstance(a, list)]
    for a in rng.sample(check_args, min(8, len(check_args))):
        for deps in (False, True):
            q.append({"op": "filter_for_lineage", "targets": ids, "check": a, "deps": deps})
    for i in ids:
        for deps in (False, True):
            q.append({"op": "ancestors", "targets": [i], "check": False, "deps": deps})
            q.append({"op": "descendants", "targets": [i], "check": False, "deps": deps})
    if len(ids) >= 2:
        for _ in range(4):
            t = rng.sample(ids, 2)
            q.append({"op": "ancestors", "targets": t, "check": True, "deps": True})
            q.append({"op": "descendants", "targets": t, "check": True, "deps": False})
    uppers = [a for a in check_args if a not in ("",)][:]
    lowers = [None, "base", "-1", "-2"] + ids + [a for a in check_args if "@" in (a or "")]
    for _ in range(40):
        up = rng.choice(uppers)
        lo = rng.choice(lowers)
        if rng.random() < 0.1 and len(ids) >= 2:
            up = rng.sample(ids, 2)
        q.append(
            {
                "op": "iterate",
                "upper": up,
                "lower": lo,
                "inclusive": rng.random() < 0.5,
                "implicit_base": rng.random() < 0.4,
                "arl": rng.random() < 0.6,
                "downgrade": rng.random() < 0.4,
            }
        )
    for _ in range(6 if ids else 0):
        t = rng.sample(ids, min(len(ids), rng.randint(1, 3)))
        q.append({"op": "all_current", "arg": t})
    walk_points = ["base", "heads", "head"] + ids[:5] + [a for a in check_args if "@" in (a or "")][:4]
    for _ in range(12):
        q.append({"op": "walk_revisions", "base": rng.choice(walk_points), "head": rng.choice(walk_points)})
    dests = ["heads", "head", "base", "+1", "-1", "+2"] + ids + [l + "@head" for l in labels[:2]]
    currents = [None, ()] + [(i,) for i in ids[:6]] + ([tuple(rng.sample(ids, 2))] if len(ids) > 1 else [])
    for _ in range(25):
        # (Migration steps need script modules, so only for Script graphs.)
        if with_script:
            q.append({"op": "upgrade_revs", "dest": rng.choice(dests), "current": rng.choice(currents)})
            q.append({"op": "downgrade_revs", "dest": rng.choice(dests), "current": rng.choice(currents)})
        q.append({"op": "stamp_revs", "revision": rng.choice(dests + [None]), "heads": rng.choice(currents)})
    if with_format:
        for i in ids:
            q.append({"op": "log_entry", "id": i, "current": False})
            q.append({"op": "str", "id": i})
            for verbose in (False, True):
                for flags in ((False, False, False, True), (True, True, True, True), (True, False, False, False)):
                    q.append({"op": "cmd_format", "id": i, "verbose": verbose, "flags": list(flags)})
        if ids:
            q.append({"op": "log_entry", "id": ids[0], "current": True})
        for verbose in (False, True):
            for resolve in (False, True):
                q.append({"op": "cmd_heads", "verbose": verbose, "resolve": resolve})
            q.append({"op": "cmd_branches", "verbose": verbose})
            ranges = [None, ":", "base:heads", ":head", "base:", "nosuch", "a:b:c"]
            ranges += ["%s:" % i for i in ids[:2]] + [":%s" % i for i in ids[:2]]
            ranges += ["%s:%s" % (ids[-1], ids[0]) for _ in ids[:1]]
            for rng_ in ranges if not verbose else ranges[:2] + ranges[-2:]:
                q.append({"op": "cmd_history", "range": rng_, "verbose": verbose})
            for db in [(), tuple(ids[-1:])] if not verbose else [tuple(ids[-1:])]:
                for rr in [None, "current:", ":current", "base:heads"] if not verbose else [":current"]:
                    q.append(
                        {"op": "cmd_history_db", "range": rr, "verbose": verbose, "indicate": True, "db": list(db)}
                    )
        for a in ["heads", "head", "base", "-1"] + ids + labels[:2] + ([[ids[0], ids[-1]]] if ids else []):
            q.append({"op": "cmd_show", "rev": a})
    return q


# --------------------------------------------------------------------------------------
# Running against Alembic
# --------------------------------------------------------------------------------------


def compute():
    from alembic import command
    from alembic import util as autil
    from alembic.config import Config
    from alembic.script import base as script_base
    from alembic.script.base import Script, ScriptDirectory
    from alembic.script.revision import Revision, RevisionMap

    graphs = all_graphs()
    script_mode = {name: not name.startswith("plain_") for name in graphs}
    # A few maps of bare Revision objects (their warnings print repr(), not str(script)).
    for name in ["dangling_down", "dangling_down_merge", "duplicate_ids"]:
        graphs["plain_" + name] = graphs[name]
        script_mode["plain_" + name] = False

    def make_rev(r, script):
        down = tuple(r["down"]) if isinstance(r["down"], list) else r["down"]
        if script:
            mod = types.ModuleType("rev_" + r["id"].replace("-", "_"), r["doc"])
            mod.down_revision = down
            mod.branch_labels = tuple(r["labels"]) or None
            mod.depends_on = tuple(r["deps"]) or None
            mod.upgrade = mod.downgrade = lambda: None
            return Script(mod, r["id"], "/proj/versions/%s_mod.py" % r["id"])
        return Revision(r["id"], down, dependencies=tuple(r["deps"]) or None, branch_labels=tuple(r["labels"]) or None)

    def to_arg(a):
        return tuple(a) if isinstance(a, list) else a

    def err(e):
        d = {"err": type(e).__name__, "msg": str(e)}
        for attr in ("heads", "argument", "lower", "upper", "revisions"):
            if hasattr(e, attr) and type(e).__name__ != "CommandError":
                v = getattr(e, attr)
                d[attr] = list(v) if isinstance(v, (tuple, list)) else v
        return d

    results = {}
    for name, revs in graphs.items():
        script = script_mode[name]
        loaded = []
        case = {"name": name, "script": script, "revisions": revs}
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            try:
                objs = [make_rev(r, script) for r in revs]
                loaded = objs
                rmap = RevisionMap(lambda: loaded)
                rmap._revision_map
                case["build"] = {"ok": True}
            except Exception as e:  # noqa
                case["build"] = err(e)
                rmap = None
            case["build"]["warnings"] = [str(x.message) for x in w]
        if rmap is None:
            # The revisions carrying branch labels are visited in set order (object hash), so
            # which of two revisions sharing a label is named first is arbitrary; record the
            # outcome under both load-order visits as accepted variants.
            variants = []
            for reverse in (False, True):
                orig = RevisionMap._map_branch_labels

                def ordered(self, revisions, map_, _orig=orig, _reverse=reverse):
                    pos = {id(o): i for i, o in enumerate(loaded)}
                    revs_sorted = sorted(revisions, key=lambda o: pos.get(id(o), -1), reverse=_reverse)
                    return _orig(self, revs_sorted, map_)

                RevisionMap._map_branch_labels = ordered
                try:
                    with warnings.catch_warnings(record=True) as w:
                        warnings.simplefilter("always")
                        try:
                            loaded = [make_rev(r, script) for r in revs]
                            RevisionMap(lambda: loaded)._revision_map
                            v = {"ok": True}
                        except Exception as e:  # noqa
                            v = err(e)
                        v["warnings"] = [str(x.message) for x in w]
                finally:
                    RevisionMap._map_branch_labels = orig
                if v != case["build"] and v not in variants:
                    variants.append(v)
            if variants:
                case["build_variants"] = variants
            results[name] = case
            continue
        index_of = {id(o): i for i, o in enumerate(loaded)}
        dup_ids = {o.revision for o in loaded if sum(1 for p in loaded if p.revision == o.revision) > 1}

        def enc(x):
            if x is None:
                return None
            if isinstance(x, str):
                return "@" + x
            if x.revision in dup_ids:
                return "%s#%d" % (x.revision, index_of[id(x)])
            return x.revision

        case["heads"] = list(rmap.heads)
        case["bases"] = list(rmap.bases)
        case["real_heads"] = list(rmap._real_heads)
        case["real_bases"] = list(rmap._real_bases)
        case["nodes"] = [
            {
                "id": o.revision,
                "nextrev": sorted(o.nextrev),
                "all_nextrev": sorted(o._all_nextrev),
                "branch_labels": sorted(o.branch_labels),
                "resolved_deps": list(o._resolved_dependencies),
                "normalized_deps": sorted(o._normalized_resolved_dependencies),
                "flags": [
                    o.is_head,
                    o._is_real_head,
                    o.is_base,
                    o._is_real_base,
                    o.is_branch_point,
                    o._is_real_branch_point,
                    o.is_merge_point,
                ],
            }
            for o in loaded
        ]
        case["keys"] = [k for k in rmap._revision_map if isinstance(k, str)]

        sd = ScriptDirectory.__new__(ScriptDirectory)
        sd.__dict__["revision_map"] = rmap
        ScriptDirectory.from_config = classmethod(lambda cls, config: sd)

        class FakeEnv:
            db = ()

            def __init__(self, config, script, fn=None, **kw):
                self.fn = fn

            def __enter__(self):
                sd.run_env = lambda: self.fn(FakeEnv.db, None)
                return self

            def __exit__(self, *a):
                return False

        command.EnvironmentContext = FakeEnv

        rng = random.Random(name)
        # The text outputs are checked on the handmade graphs and a few random ones.
        with_format = script and not (name.startswith("rand") and int(name[4:]) >= 8)
        queries = make_queries(revs, rng, with_format=with_format, with_script=script)
        out_q = []
        for q in queries:
            op = q["op"]
            res = {}
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                try:
                    if op == "get_revisions":
                        res["ok"] = [enc(x) for x in rmap.get_revisions(to_arg(q["arg"]))]
                    elif op == "get_revision":
                        res["ok"] = enc(rmap.get_revision(to_arg(q["arg"])))
                    elif op == "as_revision_number":
                        v = sd.as_revision_number(to_arg(q["arg"]))
                        res["ok"] = list(v) if isinstance(v, tuple) else v
                    elif op == "sd_get_current_head":
                        res["ok"] = sd.get_current_head()
                    elif op == "sd_get_base":
                        res["ok"] = sd.get_base()
                    elif op == "get_current_head":
                        res["ok"] = rmap.get_current_head(q["label"])
                    elif op == "filter_for_lineage":
                        res["ok"] = list(rmap.filter_for_lineage(q["targets"], to_arg(q["check"]), q["deps"]))
                    elif op in ("ancestors", "descendants"):
                        fn = rmap._get_ancestor_nodes if op == "ancestors" else rmap._get_descendant_nodes
                        t = [rmap.get_revision(x) for x in q["targets"]]
                        res["ok"] = [enc(x) for x in fn(t, check=q["check"], include_dependencies=q["deps"])]
                    elif op == "iterate":
                        res["ok"] = [
                            enc(x)
                            for x in rmap.iterate_revisions(
                                to_arg(q["upper"]),
                                to_arg(q["lower"]),
                                implicit_base=q["implicit_base"],
                                inclusive=q["inclusive"],
                                assert_relative_length=q["arl"],
                                select_for_downgrade=q["downgrade"],
                            )
                        ]
                    elif op == "all_current":
                        res["ok"] = sorted(enc(x) for x in rmap._get_all_current(tuple(q["arg"])))
                    elif op == "walk_revisions":
                        res["ok"] = [enc(x) for x in sd.walk_revisions(q["base"], q["head"])]
                    elif op == "upgrade_revs":
                        res["ok"] = [enc(s.revision) for s in sd._upgrade_revs(q["dest"], to_arg(q["current"]))]
                    elif op == "downgrade_revs":
                        res["ok"] = [enc(s.revision) for s in sd._downgrade_revs(q["dest"], to_arg(q["current"]))]
                    elif op == "stamp_revs":
                        res["ok"] = [
                            [list(s.from_), list(s.to_), s.is_upgrade, s.branch_move]
                            for s in sd._stamp_revs(to_arg(q["revision"]), to_arg(q["heads"]))
                        ]
                    elif op in ("log_entry", "str", "cmd_format"):
                        sc = rmap.get_revision(q["id"])
                        if op == "log_entry":
                            sc._db_current_indicator = q["current"]
                            res["ok"] = sc.log_entry
                            sc._db_current_indicator = None
                        elif op == "str":
                            res["ok"] = str(sc)
                        else:
                            b, d, p, t = q["flags"]
                            res["ok"] = sc.cmd_format(q["verbose"], b, d, p, t)
                    elif op.startswith("cmd_"):
                        printed = []
                        cfg = Config()
                        cfg.print_stdout = lambda text, *arg: printed.append(str(text) % arg if arg else str(text))
                        if op == "cmd_heads":
                            command.heads(cfg, q["verbose"], q["resolve"])
                        elif op == "cmd_branches":
                            command.branches(cfg, q["verbose"])
                        elif op == "cmd_history":
                            command.history(cfg, q["range"], q["verbose"])
                        elif op == "cmd_history_db":
                            FakeEnv.db = tuple(q["db"])
                            command.history(cfg, q["range"], q["verbose"], indicate_current=q["indicate"])
                            for o in loaded:
                                o._db_current_indicator = None
                        elif op == "cmd_show":
                            command.show(cfg, to_arg(q["rev"]))
                        res["ok"] = printed
                except Exception as e:  # noqa
                    res = err(e)
                if w:
                    res["warnings"] = [str(x.message) for x in w]
            out_q.append({"q": q, "r": res})
        case["queries"] = out_q

        # add_revision on top of the built map
        if name in ("linear", "unmerged_heads", "multiple_bases_labels", "depends_on_labels"):
            adds = [
                R("new00001", revs[-1]["id"], labels="newlabel", doc="added"),
                R("new00002", "new00001", deps=revs[0]["id"]),
                R("new00001", None),
                R("new00003", "nosuchrev"),
            ]
            steps = []
            for a in adds:
                with warnings.catch_warnings(record=True) as w:
                    warnings.simplefilter("always")
                    try:
                        rmap.add_revision(make_rev(a, script))
                        st = {"ok": True}
                    except Exception as e:  # noqa
                        st = err(e)
                    st["warnings"] = [str(x.message) for x in w]
                st["heads"] = list(rmap.heads)
                st["bases"] = list(rmap.bases)
                st["real_heads"] = list(rmap._real_heads)
                st["real_bases"] = list(rmap._real_bases)
                steps.append({"add": a, "r": st})
            case["add_revision"] = steps
        results[name] = case
    return results


def canonical(obj):
    return json.dumps(obj, sort_keys=True)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--compute":
        json.dump(compute(), sys.stdout)
        return
    runs = []
    for seed in SEEDS:
        env = dict(os.environ, PYTHONHASHSEED=seed)
        p = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--compute"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        runs.append(json.loads(p.stdout))
    base = runs[0]
    cases = []
    unstable = 0
    for name, case in base.items():
        for other in runs[1:]:
            o = other[name]
            for key in ("build", "heads", "bases", "real_heads", "real_bases", "nodes", "keys", "add_revision"):
                if canonical(case.get(key)) != canonical(o.get(key)):
                    case.setdefault("unstable_keys", [])
                    if key not in case["unstable_keys"]:
                        case["unstable_keys"].append(key)
        for qi, q in enumerate(case.get("queries", [])):
            variants = []
            for other in runs:
                r = other[name]["queries"][qi]["r"]
                if canonical(r) not in [canonical(v) for v in variants]:
                    variants.append(r)
            q["stable"] = len(variants) == 1
            if not q["stable"]:
                unstable += 1
                q["variants"] = variants
        cases.append(case)
    with open(OUT, "w") as f:
        json.dump(
            {"alembic_version": __import__("alembic").__version__, "cases": cases},
            f,
            separators=(",", ":"),
        )
        f.write("\n")
    nq = sum(len(c.get("queries", [])) for c in cases)
    print("wrote %d cases, %d queries (%d hash-order dependent) to %s" % (len(cases), nq, unstable, OUT))


if __name__ == "__main__":
    main()
