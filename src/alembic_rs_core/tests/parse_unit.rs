//! Details of version-file reading the oracle fixture does not pin down on its own.

use std::path::Path;

use alembic_rs_core::script::RevRef;
use alembic_rs_core::script::parse::{ParsedFile, clean_doc_py313, parse_bytes, parse_header};

fn header(source: &str) -> alembic_rs_core::script::ScriptHeader {
    match parse_header(Path::new("v/x.py"), source) {
        Ok(ParsedFile::Header(h)) => h,
        other => panic!("expected a header for {source:?}, got {other:?}"),
    }
}

fn needs_import(source: &[u8]) -> String {
    match parse_bytes(Path::new("v/x.py"), source) {
        Ok(ParsedFile::NeedsImport(reason)) => reason,
        other => panic!("expected needs-import for {source:?}, got {other:?}"),
    }
}

#[test]
fn syntax_error_is_located_like_python() {
    let err = parse_header(Path::new("versions/abc_x.py"), "x = 1\nrévision = (1,\n")
        .expect_err("syntax error");
    assert_eq!(err.path, Path::new("versions/abc_x.py"));
    // CPython names the bracket left open, not the end of the file where parsing failed.
    assert_eq!(err.line, 2);
    let rendered = err.to_string();
    assert_eq!(
        rendered,
        "versions/abc_x.py:2:12: SyntaxError: '(' was never closed"
    );
    // Columns count characters, not bytes.
    let err = parse_header(Path::new("x.py"), "s = 'é' + )\n").expect_err("syntax error");
    assert_eq!((err.line, err.column), (1, 11), "{err}");
    // Through parse_bytes, after CRLF translation and a BOM.
    let err =
        parse_bytes(Path::new("x.py"), b"\xef\xbb\xbfa = 1\r\nb = = 2\r\n").expect_err("error");
    assert_eq!((err.line, err.column), (2, 5), "{err}");
}

#[test]
fn shapes_are_normalised_like_alembic() {
    let h = header(
        "revision: str = 'r1'\n\
         down_revision: Union[str, Sequence[str], None] = ('a', 'b')\n\
         branch_labels: Union[str, Sequence[str], None] = 'feature'\n\
         depends_on: Union[str, Sequence[str], None] = ['d1', 'd2']\n",
    );
    assert_eq!(h.revision, "r1");
    assert_eq!(h.down_revision, RevRef::Many(vec!["a".into(), "b".into()]));
    assert_eq!(h.branch_labels, ["feature"]);
    assert_eq!(h.depends_on, ["d1", "d2"]);
    assert_eq!(h.doc, None);

    assert_eq!(
        header("revision = 'r'\ndown_revision = ['x']\n").down_revision,
        RevRef::One("x".into())
    );
    assert_eq!(
        header("revision = 'r'\ndown_revision = ()\n").down_revision,
        RevRef::None
    );
    let h = header("revision = 'r'\ndown_revision = None\nbranch_labels = ()\ndepends_on = None\n");
    assert!(h.branch_labels.is_empty() && h.depends_on.is_empty());
}

#[test]
fn revision_ids_are_not_validated_here() {
    // Alembic's RevisionError for illegal characters belongs to building the revision map.
    assert_eq!(
        header("revision = 'a-b@c'\ndown_revision = None\n").revision,
        "a-b@c"
    );
}

#[test]
fn last_module_level_assignment_wins() {
    let h = header(
        "revision = 'one'\ndown_revision = 'a'\n\ndef upgrade():\n    pass\n\n\
         revision = 'two'\ndown_revision = None\n__doc__ = 'late'\n",
    );
    assert_eq!(
        (h.revision.as_str(), &h.down_revision),
        ("two", &RevRef::None)
    );
    assert_eq!(h.doc.as_deref(), Some("late"));
}

#[test]
fn missing_revision_is_reported_not_guessed() {
    match parse_header(Path::new("abc.py"), "down_revision = 'x'\n") {
        Ok(ParsedFile::NoRevision(h)) => {
            assert!(h.revision.is_empty());
            assert_eq!(h.down_revision, RevRef::One("x".into()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn uncertain_values_need_an_import() {
    for source in [
        "revision = 'r'\ndown_revision = None\n__doc__ = make_doc()\n",
        "revision = 'r'\ndown_revision = None\nimport sys\nsys.modules[__name__].revision = 'x'\n",
        "revision = 'r'\ndown_revision = None\nexec('revision = 1')\n",
        "revision = 'r'\ndown_revision = None\nwith open('f') as revision:\n    pass\n",
        "revision = 'r'\ndown_revision = None\nfor revision in 'ab':\n    pass\n",
        "revision = 'r'\ndown_revision = None\nimport revision\n",
        "revision = 'r'\ndown_revision = None\nimport a.b as down_revision\n",
        "revision = 'r'\ndown_revision = None\nclass branch_labels:\n    pass\n",
        "revision = 'r'\ndown_revision = ('a', None)\n",
        "revision = 'r'\ndown_revision = None\nbranch_labels = b'x'\n",
        "revision = 'r'\ndown_revision = None\ndepends_on = ('a', *more)\n",
        "revision = 'r'\ndown_revision = None\n_alembic_source_encoding = 'utf-8'\n",
        "revision = 'r'\ndown_revision = None\ndef f(x=(depends_on := 'x')):\n    pass\n",
        "revision = 'r'\ndown_revision = None\nfrom x import *\n",
        "return\nrevision = 'r'\ndown_revision = None\n",
    ] {
        let reason = needs_import(source.as_bytes());
        assert!(!reason.is_empty(), "{source}");
    }
}

#[test]
fn encodings() {
    // A cookie on a line without a newline is never examined: UTF-8 applies.
    let h = match parse_bytes(
        Path::new("x.py"),
        b"revision = 'r'\ndown_revision = None # coding: latin-1",
    ) {
        Ok(ParsedFile::Header(h)) => h,
        other => panic!("{other:?}"),
    };
    assert_eq!(h.revision, "r");
    // A BOM with a non-UTF-8 cookie is a SyntaxError in Python.
    needs_import(b"\xef\xbb\xbf# coding: latin-1\nrevision = 'r'\ndown_revision = None\n");
    // ... and so is a BOM with "utf8" (CPython compares the unnormalised name).
    needs_import(b"\xef\xbb\xbf# coding: utf8\nrevision = 'r'\ndown_revision = None\n");
    // Line 2 is only consulted when line 1 is blank or a comment.
    let latin =
        b"\n# -*- coding: iso-8859-1 -*-\n'''\xe9'''\nrevision = 'r'\ndown_revision = None\n";
    match parse_bytes(Path::new("x.py"), latin) {
        Ok(ParsedFile::Header(h)) => assert_eq!(h.doc.as_deref(), Some("\u{e9}")),
        other => panic!("{other:?}"),
    }
    needs_import(b"# coding: ascii\nrevision = 'r'\ndown_revision = None\n");
}

#[test]
fn python_313_docstring_cleaning() {
    // Expected values from CPython 3.13's `module.__doc__`.
    assert_eq!(clean_doc_py313("  a\n    b\n  c\n"), "a\n  b\nc\n");
    assert_eq!(clean_doc_py313("\ta\n\t  b"), "a\nb");
    assert_eq!(
        clean_doc_py313("no indent\n\nhere\n"),
        "no indent\n\nhere\n"
    );
    assert_eq!(clean_doc_py313("x\n   \n  y\n"), "x\n \ny\n");
    assert_eq!(clean_doc_py313(""), "");
    assert_eq!(clean_doc_py313("   "), "");
}
