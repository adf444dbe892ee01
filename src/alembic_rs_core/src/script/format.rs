//! The text Alembic prints about revisions: `Script.log_entry`, `Script.__str__`,
//! `Script._head_only`, `Script.cmd_format`, and the whole output of the `heads`,
//! `branches`, `history` and `show` commands.
//!
//! Command output is returned as one string per `config.print_stdout` call; the caller
//! writes each followed by `"\n"` (so a verbose entry, which ends with `"\n"`, is followed by
//! a blank line, exactly as in Alembic).

use crate::script::RevRef;
use crate::script::revision::pystr::{py_splitlines, py_strip};
use crate::script::revision::{
    RevArg, Revision, RevisionMap, RevisionMapError, RevisionOrBase, ScriptError,
};

/// What the text needs about a revision beyond the graph: its file and docstring.
pub trait ScriptSource {
    /// `Script.path`, as Alembic prints it.
    fn path(&self, rev: &Revision) -> &str;
    /// The module's `__doc__` (`None` when it has none).
    fn module_doc(&self, rev: &Revision) -> Option<&str>;
}

/// Per-script data, indexed by [`Revision::index`] (load order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScriptMeta {
    pub path: String,
    pub doc: Option<String>,
}

impl ScriptSource for [ScriptMeta] {
    fn path(&self, rev: &Revision) -> &str {
        self.get(rev.index()).map_or("", |m| m.path.as_str())
    }
    fn module_doc(&self, rev: &Revision) -> Option<&str> {
        self.get(rev.index()).and_then(|m| m.doc.as_deref())
    }
}

impl ScriptSource for Vec<ScriptMeta> {
    fn path(&self, rev: &Revision) -> &str {
        self.as_slice().path(rev)
    }
    fn module_doc(&self, rev: &Revision) -> Option<&str> {
        self.as_slice().module_doc(rev)
    }
}

/// `Script.longdoc`: the docstring stripped (`""` when absent).
pub fn longdoc(module_doc: Option<&str>) -> String {
    module_doc.map(py_strip).unwrap_or_default().to_string()
}

/// `Script.doc`: the first paragraph of `longdoc`.
pub fn doc(module_doc: Option<&str>) -> String {
    let long = longdoc(module_doc);
    match long.split_once("\n\n") {
        Some((first, _)) => first.to_string(),
        None => long,
    }
}

/// `util.format_as_comma` of a `None`/`str`/tuple value.
fn comma(r: &RevRef) -> String {
    match r {
        RevRef::None => String::new(),
        RevRef::One(s) => s.clone(),
        RevRef::Many(v) => v.join(", "),
    }
}

fn flag(on: bool, text: &str) -> &str {
    if on { text } else { "" }
}

/// `Script._format_down_revision`.
pub fn format_down_revision(rev: &Revision) -> String {
    if rev.down_revision_truthy() {
        rev.versioned_down_revisions().join(", ")
    } else {
        "<base>".to_string()
    }
}

/// `Script.log_entry` (ends with `"\n"`). `current` is `_db_current_indicator`.
pub fn log_entry(rev: &Revision, path: &str, module_doc: Option<&str>, current: bool) -> String {
    let mut entry = format!(
        "Rev: {}{}{}{}{}\n",
        rev.revision(),
        flag(rev.is_head(), " (head)"),
        flag(rev.is_branch_point(), " (branchpoint)"),
        flag(rev.is_merge_point(), " (mergepoint)"),
        flag(current, " (current)"),
    );
    let label = if rev.is_merge_point() {
        "Merges"
    } else {
        "Parent"
    };
    entry.push_str(&format!("{label}: {}\n", format_down_revision(rev)));
    if rev.dependencies_truthy() {
        entry.push_str(&format!("Also depends on: {}\n", comma(rev.dependencies())));
    }
    if rev.is_branch_point() {
        // A frozenset in Alembic; children in load order here.
        entry.push_str(&format!("Branches into: {}\n", rev.nextrev().join(", ")));
    }
    if !rev.branch_labels().is_empty() {
        // A set in Alembic; declared then inherited order here.
        entry.push_str(&format!(
            "Branch names: {}\n",
            rev.branch_labels().join(", ")
        ));
    }
    entry.push_str(&format!("Path: {path}\n"));
    let long = longdoc(module_doc);
    let body: Vec<String> = py_splitlines(&long)
        .iter()
        .map(|para| format!("    {para}"))
        .collect();
    entry.push_str(&format!("\n{}\n", body.join("\n")));
    entry
}

/// `str(script)` (`Script.__str__`).
pub fn script_str(rev: &Revision, module_doc: &str) -> String {
    format!(
        "{} -> {}{}{}{}, {}",
        format_down_revision(rev),
        rev.revision(),
        flag(rev.is_head(), " (head)"),
        flag(rev.is_branch_point(), " (branchpoint)"),
        flag(rev.is_merge_point(), " (mergepoint)"),
        doc(Some(module_doc)),
    )
}

/// The keyword arguments of `Script._head_only` / `Script.cmd_format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadOnly {
    pub include_branches: bool,
    pub include_doc: bool,
    pub include_parents: bool,
    pub tree_indicators: bool,
    pub head_indicators: bool,
}

impl Default for HeadOnly {
    fn default() -> Self {
        HeadOnly {
            include_branches: false,
            include_doc: false,
            include_parents: false,
            tree_indicators: true,
            head_indicators: true,
        }
    }
}

/// `Script._head_only(...)`.
pub fn head_only(rev: &Revision, module_doc: Option<&str>, current: bool, o: HeadOnly) -> String {
    let mut text = rev.revision().to_string();
    if o.include_parents {
        text = if rev.dependencies_truthy() {
            format!(
                "{} ({}) -> {}",
                format_down_revision(rev),
                comma(rev.dependencies()),
                text
            )
        } else {
            format!("{} -> {}", format_down_revision(rev), text)
        };
    }
    if o.include_branches && !rev.branch_labels().is_empty() {
        text.push_str(&format!(" ({})", rev.branch_labels().join(", ")));
    }
    if o.head_indicators || o.tree_indicators {
        text.push_str(flag(rev.is_real_head(), " (head)"));
        text.push_str(flag(
            rev.is_head() && !rev.is_real_head(),
            " (effective head)",
        ));
        text.push_str(flag(current, " (current)"));
    }
    if o.tree_indicators {
        text.push_str(flag(rev.is_branch_point(), " (branchpoint)"));
        text.push_str(flag(rev.is_merge_point(), " (mergepoint)"));
    }
    if o.include_doc {
        text.push_str(&format!(", {}", doc(module_doc)));
    }
    text
}

/// `Script.cmd_format(verbose, include_branches, include_doc, include_parents,
/// tree_indicators)`: `log_entry` when verbose, else `_head_only` with head indicators.
#[allow(clippy::too_many_arguments)]
pub fn cmd_format(
    rev: &Revision,
    path: &str,
    module_doc: Option<&str>,
    current: bool,
    verbose: bool,
    include_branches: bool,
    include_doc: bool,
    include_parents: bool,
    tree_indicators: bool,
) -> String {
    if verbose {
        log_entry(rev, path, module_doc, current)
    } else {
        head_only(
            rev,
            module_doc,
            current,
            HeadOnly {
                include_branches,
                include_doc,
                include_parents,
                tree_indicators,
                head_indicators: true,
            },
        )
    }
}

fn attribute_error(obj: &str, attr: &str) -> ScriptError {
    ScriptError::Uncaught(RevisionMapError::PythonException {
        class: "AttributeError",
        message: format!("'{obj}' object has no attribute '{attr}'"),
    })
}

fn expect_script<'a>(
    item: Option<RevisionOrBase<'a>>,
    attr: &str,
) -> Result<&'a Revision, ScriptError> {
    match item {
        Some(RevisionOrBase::Revision(r)) => Ok(r),
        Some(RevisionOrBase::Base) => Err(attribute_error("str", attr)),
        None => Err(attribute_error("NoneType", attr)),
    }
}

/// `alembic heads [--verbose] [--resolve-dependencies]`.
pub fn heads<S: ScriptSource + ?Sized>(
    map: &RevisionMap,
    src: &S,
    verbose: bool,
    resolve_dependencies: bool,
) -> Result<Vec<String>, ScriptError> {
    let sd = map.script_directory();
    let arg = if resolve_dependencies {
        RevArg::Str("heads".into())
    } else {
        RevArg::Tuple(sd.get_heads(false))
    };
    let mut out = Vec::new();
    for item in sd.get_revisions(&arg)? {
        let rev = expect_script(item, "cmd_format")?;
        out.push(cmd_format(
            rev,
            src.path(rev),
            src.module_doc(rev),
            false,
            verbose,
            true,
            false,
            false,
            false,
        ));
    }
    Ok(out)
}

/// `alembic branches [--verbose]`. Each branch point's children are listed in load order
/// (Alembic iterates the `nextrev` set).
pub fn branches<S: ScriptSource + ?Sized>(
    map: &RevisionMap,
    src: &S,
    verbose: bool,
) -> Result<Vec<String>, ScriptError> {
    let sd = map.script_directory();
    let mut out = Vec::new();
    let walk = sd.walk_revisions(&RevArg::Str("base".into()), &RevArg::Str("heads".into()))?;
    for sc in walk {
        if !sc.is_branch_point() {
            continue;
        }
        let head = cmd_format(
            sc,
            src.path(sc),
            src.module_doc(sc),
            false,
            verbose,
            true,
            false,
            false,
            true,
        );
        let pad = " ".repeat(sc.revision().chars().count());
        let mut children = Vec::new();
        for rev in sc.nextrev() {
            let child = sd
                .get_revision(&RevArg::Str(rev.clone()))?
                .ok_or_else(|| attribute_error("NoneType", "cmd_format"))?;
            let text = head_only(
                child,
                src.module_doc(child),
                false,
                HeadOnly {
                    include_branches: true,
                    include_doc: verbose,
                    ..HeadOnly::default()
                },
            );
            children.push(format!("{pad} -> {text}"));
        }
        out.push(format!("{head}\n{}\n", children.join("\n")));
    }
    Ok(out)
}

/// The `rev_range` argument of `alembic history`: `"start:end"` with either side optional.
/// Returns `(base, head)`, `None` for an empty side.
pub fn parse_history_range(
    rev_range: Option<&str>,
) -> Result<(Option<String>, Option<String>), ScriptError> {
    let Some(range) = rev_range else {
        return Ok((None, None));
    };
    if !range.contains(':') {
        return Err(ScriptError::Command(
            "History range requires [start]:[end], [start]:, or :[end]".into(),
        ));
    }
    let parts: Vec<&str> = py_strip(range).split(':').collect();
    if parts.len() != 2 {
        return Err(ScriptError::Uncaught(RevisionMapError::PythonException {
            class: "ValueError",
            // Python < 3.14's text (3.14 adds ", got N"), the interpreter the CLI stands for.
            message: "too many values to unpack (expected 2)".to_string(),
        }));
    }
    let side = |s: &str| Some(s.to_string());
    Ok((side(parts[0]), side(parts[1])))
}

/// `_display_history(config, script, base, head, currents)` inside `alembic history`:
/// `base`/`head` as parsed (falsy = open end); `currents` is `Some` when `indicate_current`
/// is on (the revisions in the database).
pub fn display_history<S: ScriptSource + ?Sized>(
    map: &RevisionMap,
    src: &S,
    base: &RevArg,
    head: &RevArg,
    verbose: bool,
    currents: Option<&[String]>,
) -> Result<Vec<String>, ScriptError> {
    let base = if base.is_truthy() {
        base.clone()
    } else {
        RevArg::Str("base".into())
    };
    let head = if head.is_truthy() {
        head.clone()
    } else {
        RevArg::Str("heads".into())
    };
    let walk = map.script_directory().walk_revisions(&base, &head)?;
    Ok(walk
        .into_iter()
        .map(|sc| {
            let current = currents.is_some_and(|c| c.iter().any(|r| r == sc.revision()));
            cmd_format(
                sc,
                src.path(sc),
                src.module_doc(sc),
                current,
                verbose,
                true,
                true,
                true,
                true,
            )
        })
        .collect())
}

/// `alembic history [-r rev_range] [--verbose]` without a database (no `current` in the
/// range, no `--indicate-current`, no `revision_environment`).
pub fn history<S: ScriptSource + ?Sized>(
    map: &RevisionMap,
    src: &S,
    rev_range: Option<&str>,
    verbose: bool,
) -> Result<Vec<String>, ScriptError> {
    let (base, head) = parse_history_range(rev_range)?;
    let arg = |s: Option<String>| s.map_or(RevArg::None, RevArg::Str);
    display_history(map, src, &arg(base), &arg(head), verbose, None)
}

/// `alembic history` when Alembic runs the environment to learn the database's revisions
/// (a side of the range is `current`, `--indicate-current`, or `revision_environment` is
/// set): `db_heads` is the tuple of revisions env.py's migration context reports.
pub fn history_with_db<S: ScriptSource + ?Sized>(
    map: &RevisionMap,
    src: &S,
    rev_range: Option<&str>,
    verbose: bool,
    indicate_current: bool,
    db_heads: &[String],
) -> Result<Vec<String>, ScriptError> {
    let (base, head) = parse_history_range(rev_range)?;
    let arg = |s: Option<String>| s.map_or(RevArg::None, RevArg::Str);
    let db = RevArg::Tuple(db_heads.to_vec());
    let currents = indicate_current.then_some(db_heads);
    if head.as_deref() == Some("current") {
        display_history(map, src, &arg(base), &db, verbose, currents)
    } else if base.as_deref() == Some("current") {
        display_history(map, src, &db, &arg(head), verbose, currents)
    } else {
        display_history(map, src, &arg(base), &arg(head), verbose, currents)
    }
}

/// `alembic show <rev>`: the `log_entry` of each revision the argument names. (`show
/// current` passes the database's revisions as a tuple.)
pub fn show<S: ScriptSource + ?Sized>(
    map: &RevisionMap,
    src: &S,
    rev: &RevArg,
) -> Result<Vec<String>, ScriptError> {
    let mut out = Vec::new();
    for item in map.script_directory().get_revisions(rev)? {
        let sc = expect_script(item, "log_entry")?;
        out.push(log_entry(sc, src.path(sc), src.module_doc(sc), false));
    }
    Ok(out)
}

/// `command.current` without `--verbose`: `script.get_all_current(heads)`, each as
/// `cmd_format(False)`. (Alembic iterates a set; here the map's order.)
pub fn current_lines<S: ScriptSource + ?Sized>(
    map: &RevisionMap,
    src: &S,
    heads: &[String],
) -> Result<Vec<String>, ScriptError> {
    let sd = map.script_directory();
    let revs = sd.get_all_current(&RevArg::Tuple(heads.to_vec()))?;
    Ok(revs
        .into_iter()
        .map(|rev| {
            cmd_format(
                rev,
                src.path(rev),
                src.module_doc(rev),
                false,
                false,
                false,
                false,
                false,
                true,
            )
        })
        .collect())
}
