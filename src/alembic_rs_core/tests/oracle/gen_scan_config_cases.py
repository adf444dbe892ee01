"""Generate the fixtures of the parse_*, scan_* and config_* Rust tests from real Alembic.

Run with the oracle interpreter (Alembic 1.20.1 under CPython 3.11):

    /tmp/oracle/bin/python src/alembic_rs_core/tests/oracle/gen_scan_config_cases.py

Writes, next to the Rust tests, ``tests/fixtures/parse_cases.json`` (one version file each:
what ``Script._from_path`` makes of it), ``scan_cases.json`` (version-location layouts: what
``ScriptDirectory._load_revisions`` yields and warns) and ``config_cases.json`` (ini/toml
files: ``Config`` lookups and ``ScriptDirectory.from_config``).

Module docstrings change in CPython 3.13 (the compiler dedents them); when a 3.13 interpreter
is available (``PY313``, default ``/root/.pyenv/versions/3.13.0/bin/python``) each parse case
also records its 3.13 ``__doc__``.

Every absolute path under a case's temporary root is written as ``<ROOT>``.
"""

from __future__ import annotations

import json
import os
import py_compile
import shutil
import subprocess
import sys
import tempfile
import types
import warnings

import alembic
from alembic import util
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.script.base import Script

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), "fixtures")
PY313 = os.environ.get("PY313", "/root/.pyenv/versions/3.13.0/bin/python")

HEAD = '"""{doc}\n\nRevision ID: {rev}\nRevises: {down}\nCreate Date: 2024-01-01\n\n"""\n'
TEMPLATE = (
    "from typing import Sequence, Union\n\n"
    "# revision identifiers, used by Alembic.\n"
    "revision: str = {rev!r}\n"
    "down_revision: Union[str, Sequence[str], None] = {down!r}\n"
    "branch_labels: Union[str, Sequence[str], None] = {labels!r}\n"
    "depends_on: Union[str, Sequence[str], None] = {deps!r}\n\n\n"
    "def upgrade() -> None:\n"
    '    """Upgrade schema."""\n'
    "    pass\n\n\n"
    "def downgrade() -> None:\n"
    '    """Downgrade schema."""\n'
    "    pass\n"
)


def autogen(rev, down=None, labels=None, deps=None, doc="add table"):
    return HEAD.format(doc=doc, rev=rev, down=down or "") + TEMPLATE.format(
        rev=rev, down=down, labels=labels, deps=deps
    )


def plain(body, doc='"""doc"""\n'):
    return doc + body


# (name, file name, source (str or bytes), what the Rust reader must answer)
# expect: "header" (values must equal Alembic's), "needs_import", "syntax_error",
# "no_revision_error".
PARSE_CASES = [
    ("autogenerate", "ae1027a6acf_add_table.py", autogen("ae1027a6acf"), "header"),
    (
        "autogenerate_merge",
        "27c6a30d7c24_merge.py",
        autogen("27c6a30d7c24", down=("ae1027a6acf", "1975ea83b712"), doc="merge heads"),
        "header",
    ),
    (
        "labels_and_deps",
        "x1_labels.py",
        autogen("x1", down="ae1", labels=("lbl_a", "lbl_b"), deps="dep1"),
        "header",
    ),
    (
        "list_values",
        "x2.py",
        plain("revision = 'x2'\ndown_revision = ['a', 'b']\nbranch_labels = ['l']\n"),
        "header",
    ),
    ("single_tuple", "x3.py", plain("revision = 'x3'\ndown_revision = ('a',)\n"), "header"),
    ("empty_tuple", "x4.py", plain("revision = 'x4'\ndown_revision = ()\n"), "header"),
    ("empty_list", "x4b.py", plain("revision = 'x4b'\ndown_revision = []\n"), "header"),
    (
        "empty_string_down",
        "x5.py",
        plain("revision = 'x5'\ndown_revision = ''\ndepends_on = ''\n"),
        "header",
    ),
    (
        "reassigned",
        "x6.py",
        plain("revision = 'first'\ndown_revision = None\nrevision = 'second'\n"),
        "header",
    ),
    (
        "chained_assignment",
        "x7.py",
        plain("alias = revision = 'x7'\ndown_revision = other = None\n"),
        "header",
    ),
    (
        "implicit_concatenation",
        "x8.py",
        '"a" \'b\' """c"""\nrevision = "x" "8"\ndown_revision = ("p" "q", "r")\n',
        "header",
    ),
    (
        "annotation_without_value",
        "x9.py",
        plain("revision: str\ndown_revision: str = None\nrevision = 'x9'\n"),
        "header",
    ),
    (
        "parenthesized",
        "x10.py",
        '("doc in parens")\nrevision = ("x10")\ndown_revision = ((None))\n',
        "header",
    ),
    (
        "u_prefix",
        "x11.py",
        'u"""unicode prefix"""\nrevision = u"x11"\ndown_revision = None\n',
        "header",
    ),
    (
        "raw_docstring",
        "x12.py",
        'r"""raw \\n \\d \\N{EM DASH}"""\nrevision = "x12"\ndown_revision = None\n',
        "header",
    ),
    (
        "escape_docstring",
        "x13.py",
        (
            '"""tab\\tx41\\x41 dash\\N{EM DASH} e\\u00e9 smile\\U0001F600 '
            'bs\\\\ oct\\101 bad\\d\nline\\\ncontinued"""\n'
            "revision = 'x13'\ndown_revision = None\n"
        ),
        "header",
    ),
    (
        "bytes_docstring",
        "x14.py",
        'b"""bytes"""\nrevision = "x14"\ndown_revision = None\n',
        "header",
    ),
    (
        "fstring_docstring",
        "x15.py",
        'f"""f{1}"""\nrevision = "x15"\ndown_revision = None\n',
        "header",
    ),
    ("no_docstring", "x16.py", "import os\nrevision = 'x16'\ndown_revision = None\n", "header"),
    (
        "docstring_after_comments",
        "x17.py",
        (
            "#!/usr/bin/env python\n# a comment\n\n'''late doc'''\nrevision = 'x17'\n"
            "down_revision = None\n"
        ),
        "header",
    ),
    (
        "dunder_doc_assigned",
        "x18.py",
        '"""original"""\n__doc__ = "replaced"\nrevision = "x18"\ndown_revision = None\n',
        "header",
    ),
    (
        "dunder_doc_none",
        "x19.py",
        '"""original"""\n__doc__ = None\nrevision = "x19"\ndown_revision = None\n',
        "header",
    ),
    (
        "indented_docstring",
        "x20.py",
        (
            '"""  First line.\n\n      indented\n    less\n\t tabbed\n  """\n'
            "revision = 'x20'\ndown_revision = None\n"
        ),
        "header",
    ),
    (
        "unicode_docstring",
        "x21.py",
        '"""Ünïcödé – “quotes” 漢字"""\nrevision = "x21"\ndown_revision = None\n',
        "header",
    ),
    (
        "crlf_line_endings",
        "x22.py",
        '"""crlf\r\ndoc\r\n"""\r\nrevision = "x22"\r\ndown_revision = None\r\n',
        "header",
    ),
    (
        "cr_line_endings",
        "x22b.py",
        '"""cr\rdoc\r"""\rrevision = "x22b"\rdown_revision = None\r',
        "header",
    ),
    (
        "bom",
        "x23.py",
        b'\xef\xbb\xbf"""bom doc \xc3\xa9"""\nrevision = "x23"\ndown_revision = None\n',
        "header",
    ),
    (
        "bom_with_utf8_cookie",
        "x23b.py",
        (
            b'\xef\xbb\xbf# -*- coding: utf-8 -*-\n"""bom+cookie"""\nrevision = "x23b"\n'
            b"down_revision = None\n"
        ),
        "header",
    ),
    (
        "latin1_cookie",
        "x24.py",
        (
            b'# -*- coding: latin-1 -*-\n"""caf\xe9 na\xefve"""\nrevision = "x24\xe9"\n'
            b"down_revision = None\n"
        ),
        "header",
    ),
    (
        "latin1_cookie_line_two",
        "x25.py",
        (
            b'#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n"""\xe0 la"""\n'
            b'revision = "x25"\ndown_revision = None\n'
        ),
        "header",
    ),
    (
        "utf8_cookie",
        "x26.py",
        '# coding=utf-8\n"""ok é"""\nrevision = "x26"\ndown_revision = None\n',
        "header",
    ),
    (
        "cookie_after_code_ignored",
        "x26b.py",
        'import os\n# coding: latin-1\n"""not a doc"""\nrevision = "x26b"\ndown_revision = None\n',
        "header",
    ),
    (
        "cp1252_cookie",
        "x27.py",
        b'# coding: cp1252\n"""\x93quoted\x94"""\nrevision = "x27"\ndown_revision = None\n',
        "needs_import",
    ),
    (
        "invalid_utf8",
        "x28.py",
        b'"""caf\xe9"""\nrevision = "x28"\ndown_revision = None\n',
        "needs_import",
    ),
    (
        "computed_revision",
        "x29.py",
        plain("def compute():\n    return 'x29'\n\n\nrevision = compute()\ndown_revision = None\n"),
        "needs_import",
    ),
    (
        "constant_reference",
        "x30.py",
        plain("OTHER = 'abc'\nrevision = 'x30'\ndown_revision = OTHER\n"),
        "needs_import",
    ),
    (
        "fstring_revision",
        "x31.py",
        plain("n = 31\nrevision = f'x{n}'\ndown_revision = None\n"),
        "needs_import",
    ),
    (
        "imported_name",
        "x32.py",
        plain("from os.path import sep as revision\ndown_revision = None\n"),
        "needs_import",
    ),
    (
        "conditional",
        "x33.py",
        plain(
            "import sys\nif sys.version_info > (3,):\n    revision = 'x33'\n"
            "else:\n    revision = 'old'\ndown_revision = None\n"
        ),
        "needs_import",
    ),
    (
        "try_block",
        "x34.py",
        plain("try:\n    revision = 'x34'\nexcept Exception:\n    pass\ndown_revision = None\n"),
        "needs_import",
    ),
    ("walrus", "x35.py", plain("(revision := 'x35')\ndown_revision = None\n"), "needs_import"),
    (
        "global_in_function",
        "x36.py",
        plain(
            "revision = 'a'\ndown_revision = None\n\n\ndef f():\n    global revision\n"
            "    revision = 'x36'\n\n\nf()\n"
        ),
        "needs_import",
    ),
    (
        "globals_call",
        "x37.py",
        plain("revision = 'a'\ndown_revision = None\nglobals()['revision'] = 'x37'\n"),
        "needs_import",
    ),
    (
        "star_import",
        "x38.py",
        plain("from os.path import *\nrevision = 'x38'\ndown_revision = None\n"),
        "needs_import",
    ),
    ("integer_down", "x39.py", plain("revision = 'x39'\ndown_revision = 5\n"), "needs_import"),
    ("none_revision", "x40.py", plain("revision = None\ndown_revision = None\n"), "needs_import"),
    ("tuple_unpacking", "x41.py", plain("revision, down_revision = 'x41', None\n"), "needs_import"),
    (
        "augmented",
        "x42.py",
        plain("revision = 'x'\nrevision += '42'\ndown_revision = None\n"),
        "needs_import",
    ),
    (
        "def_named_revision",
        "x43.py",
        plain("def revision():\n    pass\n\n\ndown_revision = None\n"),
        "needs_import",
    ),
    (
        "module_getattr",
        "x44.py",
        plain(
            "def __getattr__(name):\n    return None\n\n\nrevision = 'x44'\ndown_revision = None\n"
        ),
        "needs_import",
    ),
    ("missing_down_revision", "x45.py", plain("revision = 'x45'\n"), "needs_import"),
    (
        "set_labels",
        "x46.py",
        plain("revision = 'x46'\ndown_revision = None\nbranch_labels = {'a', 'b'}\n"),
        "needs_import",
    ),
    (
        "surrogate_docstring",
        "x47.py",
        '"""\\ud800"""\nrevision = "x47"\ndown_revision = None\n',
        "needs_import",
    ),
    (
        "nul_byte",
        "x48.py",
        b'"""a"""\nrevision = "x48"\ndown_revision = None\n# \x00\n',
        "needs_import",
    ),
    ("legacy_filename", "1a2b3c.py", plain("down_revision = None\n"), "header"),
    (
        "legacy_filename_with_labels",
        "abc.py",
        plain("down_revision = 'x'\nbranch_labels = 'lbl'\n"),
        "header",
    ),
    (
        "no_revision_bad_filename",
        "not_legacy.py",
        plain("down_revision = None\n"),
        "no_revision_error",
    ),
    (
        "syntax_error",
        "x49.py",
        '"""doc"""\nrevision = "x49"\ndown_revision = (\n\ndef f(:\n',
        "syntax_error",
    ),
    ("syntax_error_indent", "x50.py", 'revision = "x50"\n  down_revision = None\n', "syntax_error"),
    (
        "class_body_assignment",
        "x51.py",
        plain("class C:\n    revision = 'nope'\n\n\nrevision = 'x51'\ndown_revision = None\n"),
        "header",
    ),
    (
        "function_local_assignment",
        "x52.py",
        plain(
            "def upgrade():\n    revision = 'local'\n    return revision\n\n\n"
            "revision = 'x52'\ndown_revision = None\n"
        ),
        "header",
    ),
    (
        "unrelated_compound",
        "x53.py",
        plain(
            "import sys\nif sys.platform:\n    x = 1\nfor i in range(2):\n    pass\n"
            "revision = 'x53'\ndown_revision = None\n"
        ),
        "header",
    ),
    (
        "raise_at_module_level",
        "x54.py",
        plain("revision = 'x54'\ndown_revision = None\nraise RuntimeError('no')\n"),
        "needs_import",
    ),
    (
        "depends_on_list",
        "x56.py",
        plain("revision = 'x56'\ndown_revision = 'a'\ndepends_on = ['d1', 'd2']\n"),
        "header",
    ),
    (
        "del_revision",
        "x57.py",
        plain("revision = 'x'\ndel revision\ndown_revision = None\n"),
        "needs_import",
    ),
]


def as_bytes(source):
    return source if isinstance(source, bytes) else source.encode("utf-8")


def normalise_down(value):
    if isinstance(value, tuple):
        return list(value)
    return value


def oracle_parse_case(tmp, filename, source):
    path = os.path.join(tmp, filename)
    with open(path, "wb") as f:
        f.write(as_bytes(source))
    stub = types.SimpleNamespace(sourceless=False)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            script = Script._from_path(stub, path)
    except BaseException as e:  # noqa: BLE001 - record whatever Alembic raises
        return {"ok": False, "type": type(e).__name__, "message": str(e)}
    module = script.module
    doc = module.__doc__
    if isinstance(doc, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in doc):
        # JSON cannot carry a lone surrogate; such a file must need importing anyway.
        doc = ascii(doc)
    return {
        "ok": True,
        "revision": script.revision,
        "down_revision": normalise_down(script.down_revision),
        "branch_labels": list(script._orig_branch_labels),
        "depends_on": list(util.to_tuple(getattr(module, "depends_on", None), default=())),
        "doc": doc if isinstance(doc, str) else None,
    }


DOC313 = """
import json, sys, types
out = {}
for path in sys.argv[1:]:
    m = types.ModuleType("m")
    try:
        with open(path, "rb") as f:
            exec(compile(f.read(), path, "exec"), m.__dict__)
        doc = m.__doc__ if isinstance(m.__doc__, str) else None
        if doc is not None and any(0xD800 <= ord(c) <= 0xDFFF for c in doc):
            doc = ascii(doc)
        out[path] = {"ok": True, "doc": doc}
    except BaseException as e:
        out[path] = {"ok": False}
print(json.dumps(out))
"""


def docs_313(paths):
    if not os.path.exists(PY313):
        return {}
    out = subprocess.run(
        [PY313, "-c", DOC313, *paths], capture_output=True, check=True, text=True
    ).stdout
    return json.loads(out)


def gen_parse_cases():
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, filename, source, expect in PARSE_CASES:
            sub = os.path.join(tmp, name)
            os.mkdir(sub)
            oracle = oracle_parse_case(sub, filename, source)
            paths.append(os.path.join(sub, filename))
            case = {"name": name, "filename": filename, "expect": expect, "oracle": oracle}
            raw = as_bytes(source)
            try:
                case["source"] = raw.decode("utf-8")
            except UnicodeDecodeError:
                case["source_hex"] = raw.hex()
            cases.append(case)
        d313 = docs_313(paths)
        for case, path in zip(cases, paths):
            if d313.get(path, {}).get("ok"):
                case["doc_py313"] = d313[path]["doc"]
    return cases


# --------------------------------------------------------------------------------------
# Scan layouts. A file entry is [relative path, kind, payload]:
#   "py": payload is the source; "link": payload is the symlink target (relative);
#   "pyc": payload is the source compiled into that path; "text": payload is the content;
#   "dir": an empty directory; "dirlink": a symlink to a directory.
# --------------------------------------------------------------------------------------


def rev(r, down=None):
    return plain(f"revision = {r!r}\ndown_revision = {down!r}\n", doc=f'"""rev {r}"""\n')


SCAN_CASES = [
    {
        "name": "flat_sorted",
        "files": [
            ["v/b_second.py", "py", rev("b", "a")],
            ["v/a_first.py", "py", rev("a")],
            ["v/README", "text", "not a revision\n"],
            ["v/__init__.py", "py", ""],
            ["v/__init__x.py", "py", rev("init_prefixed")],
            ["v/.#lock.py", "text", "emacs lock"],
            ["v/notes.txt", "text", "x"],
            ["v/c.pyc", "text", "stale bytecode without -sourceless"],
            ["v/__pycache__/a_first.cpython-311.pyc", "pyc", rev("a")],
            ["v/sub/d.py", "py", rev("d", "b")],
        ],
        "locations": ["v"],
        "recursive": False,
        "sourceless": False,
    },
    {
        "name": "recursive_sorted_dirs",
        "files": [
            ["v/z.py", "py", rev("z")],
            ["v/2024/02/b.py", "py", rev("b2402")],
            ["v/2024/01/a.py", "py", rev("a2401")],
            ["v/2023/x.py", "py", rev("x2023")],
            ["v/Upper/u.py", "py", rev("upper")],
            ["v/__pycache__/junk.py", "py", rev("in_pycache")],
            ["v/data__pycache__/p.py", "py", rev("suffix_pycache")],
            ["v/data__pycache__/inner/q.py", "py", rev("below_suffix_pycache")],
            ["other/o.py", "py", rev("other_dir")],
            ["v/linked", "dirlink", "../other"],
        ],
        "locations": ["v"],
        "recursive": True,
        "sourceless": False,
    },
    {
        "name": "non_recursive_ignores_subdirs",
        "files": [
            ["v/a.py", "py", rev("a")],
            ["v/2024/b.py", "py", rev("b")],
        ],
        "locations": ["v"],
        "recursive": False,
        "sourceless": False,
    },
    {
        "name": "duplicate_locations_warn",
        "files": [
            ["v/a.py", "py", rev("a")],
            ["v/README", "text", "x"],
            ["w/b.py", "py", rev("b", "a")],
        ],
        "locations": ["v", "w", "v", "missing"],
        "recursive": False,
        "sourceless": False,
    },
    {
        "name": "nested_location_recursive",
        "files": [
            ["v/a.py", "py", rev("a")],
            ["v/sub/b.py", "py", rev("b", "a")],
        ],
        "locations": ["v/sub", "v"],
        "recursive": True,
        "sourceless": False,
    },
    {
        "name": "symlinks_resolved",
        "files": [
            ["elsewhere/target_rev.py", "py", rev("t")],
            ["elsewhere/plain.txt", "text", "x"],
            ["v/a.py", "py", rev("a")],
            ["v/link_to_elsewhere.py", "link", "../elsewhere/target_rev.py"],
            ["v/README_link", "link", "a.py"],
            ["v/py_name_to_text.py", "link", "../elsewhere/plain.txt"],
        ],
        "locations": ["v"],
        "recursive": False,
        "sourceless": False,
    },
    {
        "name": "legacy_revision_from_filename",
        "files": [
            ["v/1a2b3c.py", "py", plain("down_revision = None\n")],
            ["v/ff00.py", "py", plain("down_revision = '1a2b3c'\n")],
        ],
        "locations": ["v"],
        "recursive": False,
        "sourceless": False,
    },
    {
        "name": "missing_revision_error",
        "files": [
            ["v/a.py", "py", rev("a")],
            ["v/zz_no_rev.py", "py", plain("down_revision = None\n")],
        ],
        "locations": ["v"],
        "recursive": False,
        "sourceless": False,
    },
    {
        "name": "sourceless_pycache",
        "files": [
            ["v/a.py", "py", rev("a")],
            ["v/__pycache__/a.cpython-311.pyc", "pyc", rev("a")],
            ["v/__pycache__/b.cpython-311.pyc", "pyc", rev("b", "a")],
        ],
        "locations": ["v"],
        "recursive": False,
        "sourceless": True,
    },
    {
        "name": "sourceless_legacy_pyc",
        "files": [
            ["v/a.py", "py", rev("a")],
            ["v/a.pyc", "pyc", rev("a")],
            ["v/c.pyc", "pyc", rev("c", "a")],
        ],
        "locations": ["v"],
        "recursive": False,
        "sourceless": True,
    },
]


def build_layout(root, files, compile_pyc):
    for rel, kind, payload in files:
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if kind in ("py", "text"):
            with open(path, "w", encoding="utf-8") as f:
                f.write(payload)
        elif kind in ("link", "dirlink"):
            os.symlink(payload, path)
        elif kind == "dir":
            os.makedirs(path, exist_ok=True)
        elif kind == "pyc":
            if compile_pyc:
                src = path + ".src.py"
                with open(src, "w", encoding="utf-8") as f:
                    f.write(payload)
                py_compile.compile(src, cfile=path, doraise=True)
                os.remove(src)
            else:
                with open(path, "wb") as f:
                    f.write(b"not really bytecode")


def rooted(value, root):
    return json.loads(json.dumps(value).replace(root, "<ROOT>"))


def gen_scan_cases():
    out = []
    for case in SCAN_CASES:
        root = os.path.realpath(tempfile.mkdtemp())
        try:
            build_layout(root, case["files"], compile_pyc=True)
            sd = ScriptDirectory(
                root,
                version_locations=[os.path.join(root, loc) for loc in case["locations"]],
                sourceless=case["sourceless"],
                recursive_version_locations=case["recursive"],
            )
            loaded = []
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    for script in sd._load_revisions():
                        loaded.append({"path": script.path, "revision": script.revision})
                    error = None
                except BaseException as e:  # noqa: BLE001
                    error = {"type": type(e).__name__, "message": str(e)}
            expected = {
                "loaded": loaded,
                "warnings": [
                    {"category": w.category.__name__, "message": str(w.message)} for w in caught
                ],
                "error": error,
            }
            out.append({**case, "expected": rooted(expected, root)})
        finally:
            shutil.rmtree(root)
    return out


# --------------------------------------------------------------------------------------
# Config cases: files written under a root, Config(file_, toml_file, ini_section) built with
# the root as working directory.
# --------------------------------------------------------------------------------------

INI_BASE = "[alembic]\nscript_location = %(here)s/migrations\n"


def ini(body, base=INI_BASE):
    return base + body


CONFIG_CASES = [
    {"name": "minimal", "files": {"alembic.ini": ini("")}},
    {
        "name": "template_defaults",
        "files": {
            "alembic.ini": ini(
                "file_template = %%(year)d_%%(rev)s_%%(slug)s\n"
                "prepend_sys_path = .\n"
                "truncate_slug_length = 20\n"
                "timezone = UTC\n"
                "sourceless = false\n"
                "recursive_version_locations = true\n"
                "output_encoding = latin-1\n"
                "revision_environment = yes\n"
                "path_separator = os\n"
                "version_locations = %(here)s/a:%(here)s/b\n"
                "sqlalchemy.url = driver://user:pass@localhost/dbname\n"
            )
        },
    },
    {
        "name": "relative_script_location",
        "files": {"alembic.ini": "[alembic]\nscript_location = ./migrations/\n"},
    },
    {
        "name": "package_script_location",
        "files": {"alembic.ini": "[alembic]\nscript_location = mypkg:migrations\n"},
        "skip_from_config": True,
    },
    {
        "name": "missing_script_location",
        "files": {"alembic.ini": "[alembic]\nsqlalchemy.url = x\n"},
    },
    {
        "name": "missing_script_dir",
        "files": {"alembic.ini": "[alembic]\nscript_location = %(here)s/nope\n"},
        "no_migrations_dir": True,
    },
    {
        "name": "legacy_split_version_locations",
        "files": {"alembic.ini": ini("version_locations = a b,c ,  d, e\n")},
    },
    {
        "name": "legacy_split_prepend",
        "files": {"alembic.ini": ini("prepend_sys_path = a:b c,d\n")},
    },
    {
        "name": "version_path_separator_legacy_key",
        "files": {"alembic.ini": ini("version_path_separator = ;\nversion_locations = a;b ; c\n")},
    },
    {
        "name": "version_path_separator_with_prepend",
        "files": {
            "alembic.ini": ini(
                "version_path_separator = space\nversion_locations = a b\nprepend_sys_path = x y\n"
            )
        },
    },
    {
        "name": "path_separator_space",
        "files": {"alembic.ini": ini("path_separator = space\nversion_locations = a  b   c\n")},
    },
    {
        "name": "path_separator_newline",
        "files": {
            "alembic.ini": ini(
                "path_separator = newline\nversion_locations =\n    %(here)s/a\n"
                "    %(here)s/b c\n\n    %(here)s/d\nprepend_sys_path = .\n"
            )
        },
    },
    {
        "name": "path_separator_semicolon_and_colon",
        "files": {"alembic.ini": ini("path_separator = :\nversion_locations = a;b:c\n")},
    },
    {
        "name": "path_separator_invalid",
        "files": {"alembic.ini": ini("path_separator = comma\nversion_locations = a,b\n")},
    },
    {
        "name": "path_separator_wins_over_legacy",
        "files": {
            "alembic.ini": ini(
                "path_separator = ;\nversion_path_separator = space\nversion_locations = a;b c\n"
            )
        },
    },
    {
        "name": "hooks_ini",
        "files": {
            "alembic.ini": ini(
                "\n[post_write_hooks]\nhooks = black, ruff  zz\n"
                "black.type = console_scripts\nblack.entrypoint = black\n"
                "black.options = -l 79 REVISION_SCRIPT_FILENAME\n"
                "ruff.type = exec\nruff.executable = %(here)s/.venv/bin/ruff\n"
                "ruff.options = check --fix REVISION_SCRIPT_FILENAME\n"
            )
        },
    },
    {
        "name": "toml_only",
        "files": {
            "pyproject.toml": (
                "[tool.alembic]\n"
                'script_location = "%(here)s/migrations"\n'
                'version_locations = ["%(here)s/a", "%(here)s/b"]\n'
                'prepend_sys_path = ["."]\n'
                'file_template = "%%(rev)s_%%(slug)s"\n'
                "truncate_slug_length = 30\n"
                "recursive_version_locations = true\n"
                'timezone = "Europe/Paris"\n'
                "revision_environment = true\n"
                "[[tool.alembic.post_write_hooks]]\n"
                'name = "ruff"\n'
                'type = "module"\n'
                'module = "ruff"\n'
                'options = "check --fix REVISION_SCRIPT_FILENAME"\n'
                "[[tool.alembic.post_write_hooks]]\n"
                'type = "exec"\n'
                'name = "other"\n'
                'executable = "%(here)s/bin/x"\n'
            )
        },
        "ini": None,
        "toml": "pyproject.toml",
    },
    {
        "name": "ini_and_toml_precedence",
        "files": {
            "alembic.ini": ini("timezone = UTC\n"),
            "pyproject.toml": (
                "[tool.alembic]\n"
                'script_location = "ignored"\n'
                'timezone = "Asia/Tokyo"\n'
                'version_locations = ["%(here)s/from_toml"]\n'
                'file_template = "%%(rev)s"\n'
                "sourceless = false\n"
            ),
        },
        "toml": "pyproject.toml",
    },
    {
        "name": "toml_boolean_type_error",
        "files": {
            "alembic.ini": ini(""),
            "pyproject.toml": '[tool.alembic]\nsourceless = "true"\n',
        },
        "toml": "pyproject.toml",
    },
    {
        "name": "toml_not_a_table",
        "files": {"pyproject.toml": '[tool]\nalembic = "x"\n'},
        "ini": None,
        "toml": "pyproject.toml",
    },
    {
        "name": "toml_float_unsupported",
        "files": {"pyproject.toml": "[tool.alembic]\nscript_location = 1.5\n"},
        "ini": None,
        "toml": "pyproject.toml",
    },
    {
        "name": "toml_missing_file_is_empty",
        "files": {"alembic.ini": ini("")},
        "toml": "pyproject.toml",
    },
    {
        "name": "ini_missing_file",
        "files": {},
        "no_migrations_dir": True,
    },
    {
        "name": "ini_custom_section",
        "files": {
            "alembic.ini": "[alembic]\nscript_location = wrong\n[other]\n"
            "script_location = %(here)s/migrations\n"
        },
        "section": "other",
    },
    {
        "name": "ini_default_section_and_interpolation",
        "files": {
            "alembic.ini": "[DEFAULT]\nbase = %(here)s/base\nTZ = UTC\n"
            "[alembic]\nscript_location = %(here)s/migrations\ntimezone = %(tz)s\n"
            "version_locations = %(base)s/v1 %(base)s/v2\npercent = 100%%\n"
        },
    },
    {
        "name": "ini_here_overridden_in_default",
        "files": {
            "alembic.ini": "[DEFAULT]\nhere = /elsewhere\n[alembic]\n"
            "script_location = %(here)s/migrations\n"
        },
        "no_migrations_dir": True,
    },
    {
        "name": "ini_multiline_and_comments",
        "files": {
            "alembic.ini": "# leading comment\n; another\n[alembic]\n"
            "script_location: %(here)s/migrations\n"
            "Mixed_Case_Key = value one\n  continued line\n\n  after blank\n"
            "  # indented comment is skipped\n"
            "empty =\nspaced   =   padded value   \n"
            "colon_in_value = a:b=c\n"
        },
    },
    {
        "name": "ini_missing_interpolation_key",
        "files": {"alembic.ini": ini("timezone = %(nope)s\n")},
    },
    {
        "name": "ini_bad_percent",
        "files": {"alembic.ini": ini("timezone = 100%\n")},
    },
    {
        "name": "ini_interpolation_depth",
        "files": {"alembic.ini": ini("a = %(b)s\nb = %(a)s\ntimezone = %(a)s\n")},
    },
    {
        "name": "ini_duplicate_option",
        "files": {"alembic.ini": ini("timezone = a\nTimeZone = b\n")},
    },
    {
        "name": "ini_duplicate_section",
        "files": {"alembic.ini": ini("[alembic]\nx = 1\n")},
    },
    {
        "name": "ini_no_section_header",
        "files": {"alembic.ini": "script_location = x\n[alembic]\n"},
    },
    {
        "name": "ini_parsing_error",
        "files": {"alembic.ini": ini("this line has no delimiter\n[other]\nanother bad\n")},
    },
    {
        "name": "ini_bom",
        "files": {"alembic.ini": "\ufeff" + ini("")},
    },
    {
        "name": "truncate_slug_zero_and_invalid",
        "files": {"alembic.ini": ini("truncate_slug_length = 0\n")},
    },
    {
        "name": "truncate_slug_invalid",
        "files": {"alembic.ini": ini("truncate_slug_length = forty\n")},
    },
    {
        "name": "boolean_not_exactly_true",
        "files": {"alembic.ini": ini("sourceless = True\nrecursive_version_locations = true\n")},
    },
]

# The legacy `re.split` fallbacks on awkward inputs.
CONFIG_CASES += [
    {
        "name": f"legacy_split_{i}",
        "files": {"alembic.ini": ini(f"version_locations = {v}\nprepend_sys_path = {v}\n")},
    }
    for i, v in enumerate(["a,,b", "a , b", "a,  ,b", "a\tb c", "a, b,", "a::b: c", "x :y"])
]

OPTION_KEYS = [
    "script_location",
    "file_template",
    "timezone",
    "truncate_slug_length",
    "version_locations",
    "sourceless",
    "revision_environment",
    "sqlalchemy.url",
    "mixed_case_key",
    "empty",
    "spaced",
    "colon_in_value",
    "percent",
    "nonexistent",
]


def capture(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = {"ok": True, "value": fn()}
        except BaseException as e:  # noqa: BLE001
            value = {"ok": False, "type": type(e).__name__, "message": str(e)}
    value["warnings"] = [
        {"category": w.category.__name__, "message": str(w.message)} for w in caught
    ]
    return value


def version_locations(sd):
    try:
        return [str(p) for p in sd._version_locations]
    except Exception:  # noqa: BLE001 - a package:resource location that does not import
        # Locating `package:dir` resources needs Python; the Rust side says "needs Python".
        return "NEEDS_PYTHON"


def script_directory_summary(config):
    saved = list(sys.path)
    try:
        sd = ScriptDirectory.from_config(config)
        # from_config does not keep the list; asking again must not record its warnings twice.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            prepend = config.get_prepend_sys_paths_list()
        return {
            "dir": sd.dir,
            "version_locations": sd.version_locations,
            "_version_locations": version_locations(sd),
            "file_template": sd.file_template,
            "truncate_slug_length": sd.truncate_slug_length,
            "sourceless": sd.sourceless,
            "output_encoding": sd.output_encoding,
            "timezone": sd.timezone,
            "hooks": [dict(h) for h in sd.hooks],
            "recursive_version_locations": sd.recursive_version_locations,
            "prepend_sys_path": prepend,
        }
    finally:
        sys.path[:] = saved


def gen_config_cases():
    out = []
    for case in CONFIG_CASES:
        root = os.path.realpath(tempfile.mkdtemp())
        cwd = os.getcwd()
        try:
            for rel, content in case["files"].items():
                with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                    f.write(content)
            if not case.get("no_migrations_dir"):
                os.makedirs(os.path.join(root, "migrations", "versions"))
            os.chdir(root)
            ini_name = case.get("ini", "alembic.ini")
            config = Config(
                file_=ini_name,
                toml_file=case.get("toml"),
                ini_section=case.get("section", "alembic"),
            )
            options = {
                key: capture(lambda key=key, config=config: config.get_alembic_option(key))
                for key in OPTION_KEYS
            }
            expected = {
                "options": options,
                "main_section": capture(
                    lambda config=config: config.get_section(config.config_ini_section)
                ),
                "hooks": capture(config.get_hooks_list),
            }
            if not case.get("skip_from_config"):
                expected["from_config"] = capture(
                    lambda config=config: script_directory_summary(config)
                )
            record = {
                "name": case["name"],
                "files": case["files"],
                "ini": ini_name,
                "toml": case.get("toml"),
                "section": case.get("section", "alembic"),
                "migrations_dir": not case.get("no_migrations_dir"),
                "expected": rooted(expected, root),
            }
            out.append(record)
        finally:
            os.chdir(cwd)
            shutil.rmtree(root)
    return out


def write(name, payload):
    path = os.path.join(FIXTURES, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    print(f"wrote {path}")


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    meta = {"alembic_version": alembic.__version__, "python": sys.version.split()[0]}
    write("parse_cases.json", {**meta, "cases": gen_parse_cases()})
    write("scan_cases.json", {**meta, "cases": gen_scan_cases()})
    write("config_cases.json", {**meta, "cases": gen_config_cases()})


if __name__ == "__main__":
    main()
