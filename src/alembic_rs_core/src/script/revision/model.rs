//! `Revision` (one node of the graph) and the argument shapes the map's methods accept.

use super::RevisionMapError;
use super::error::Result;
use super::pystr::{py_repr, py_tuple_repr};
use crate::script::{RevRef, ScriptHeader};

/// A revision argument as Alembic's methods accept it: `None`, one string, or a tuple of
/// strings. (Python also accepts lists and sets in `get_revisions`; the caller flattens those
/// into one call per element, which is exactly what Alembic does with them.)
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum RevArg {
    #[default]
    None,
    Str(String),
    Tuple(Vec<String>),
}

impl RevArg {
    /// Python truthiness: `None`, `""` and `()` are false.
    pub fn is_truthy(&self) -> bool {
        match self {
            RevArg::None => false,
            RevArg::Str(s) => !s.is_empty(),
            RevArg::Tuple(v) => !v.is_empty(),
        }
    }

    /// `str(x)`.
    pub fn py_str(&self) -> String {
        match self {
            RevArg::None => "None".to_string(),
            RevArg::Str(s) => s.clone(),
            RevArg::Tuple(v) => py_tuple_repr(v),
        }
    }

    /// `"%s" % (x or "base")`.
    pub(crate) fn or_base(&self) -> String {
        if self.is_truthy() {
            self.py_str()
        } else {
            "base".to_string()
        }
    }

    /// `util.to_tuple(x)` (default `None`): `None` stays `None`.
    pub(crate) fn to_tuple(&self) -> Option<Vec<String>> {
        match self {
            RevArg::None => None,
            RevArg::Str(s) => Some(vec![s.clone()]),
            RevArg::Tuple(v) => Some(v.clone()),
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            RevArg::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl From<&str> for RevArg {
    fn from(s: &str) -> Self {
        RevArg::Str(s.to_string())
    }
}

impl From<String> for RevArg {
    fn from(s: String) -> Self {
        RevArg::Str(s)
    }
}

impl From<Option<&str>> for RevArg {
    fn from(s: Option<&str>) -> Self {
        s.map_or(RevArg::None, RevArg::from)
    }
}

impl From<Vec<String>> for RevArg {
    fn from(v: Vec<String>) -> Self {
        RevArg::Tuple(v)
    }
}

impl From<&[&str]> for RevArg {
    fn from(v: &[&str]) -> Self {
        RevArg::Tuple(v.iter().map(|s| s.to_string()).collect())
    }
}

impl From<&RevRef> for RevArg {
    fn from(r: &RevRef) -> Self {
        match r {
            RevRef::None => RevArg::None,
            RevRef::One(s) => RevArg::Str(s.clone()),
            RevRef::Many(v) => RevArg::Tuple(v.clone()),
        }
    }
}

/// What a revision is built from: the module-level names of a version file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevisionInput {
    pub revision: String,
    pub down_revision: RevRef,
    pub branch_labels: Vec<String>,
    pub depends_on: Vec<String>,
    /// `Some(module docstring, "" when absent)` when this revision is a `Script`, `None` for a
    /// bare `Revision`. Only used for the "referenced from %s" warning, where Alembic prints
    /// `str(script)` (which includes the doc) for scripts and `repr(revision)` otherwise.
    pub script_doc: Option<String>,
}

impl From<&ScriptHeader> for RevisionInput {
    fn from(h: &ScriptHeader) -> Self {
        RevisionInput {
            revision: h.revision.clone(),
            down_revision: h.down_revision.clone(),
            branch_labels: h.branch_labels.clone(),
            depends_on: h.depends_on.clone(),
            script_doc: Some(h.doc.clone().unwrap_or_default()),
        }
    }
}

/// `tuple_rev_as_scalar(util.to_tuple(x))`: `()` becomes `None`, a 1-tuple its element.
pub(crate) fn normalize_rev_ref(r: &RevRef) -> RevRef {
    match r {
        RevRef::Many(v) if v.is_empty() => RevRef::None,
        RevRef::Many(v) if v.len() == 1 => RevRef::One(v[0].clone()),
        other => other.clone(),
    }
}

fn rev_ref_from_vec(v: &[String]) -> RevRef {
    normalize_rev_ref(&RevRef::Many(v.to_vec()))
}

/// `Revision.verify_rev_id`.
pub fn verify_rev_id(revision: &str) -> Result<()> {
    let mut illegal: Vec<char> = ['+', '-', ':', '@']
        .into_iter()
        .filter(|c| revision.contains(*c))
        .collect();
    illegal.sort_unstable();
    if illegal.is_empty() {
        return Ok(());
    }
    let chars: Vec<String> = illegal.iter().map(char::to_string).collect();
    Err(RevisionMapError::msg(format!(
        "Character(s) '{}' not allowed in revision identifier '{}'",
        chars.join(", "),
        revision
    )))
}

/// One revision and the links the map computed for it (`alembic.script.revision.Revision`).
///
/// Alembic keeps `nextrev`, `_all_nextrev` and `branch_labels` in Python sets; here they are
/// ordered sets: `nextrev`/`_all_nextrev` in the order the children were loaded, branch labels
/// as declared followed by inherited labels in the order they were propagated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    pub(crate) index: usize,
    pub(crate) revision: String,
    pub(crate) down_revision: RevRef,
    pub(crate) dependencies: RevRef,
    pub(crate) orig_branch_labels: Vec<String>,
    pub(crate) branch_labels: Vec<String>,
    pub(crate) versioned_down: Vec<String>,
    pub(crate) nextrev: Vec<String>,
    pub(crate) all_nextrev: Vec<String>,
    pub(crate) resolved_dependencies: Vec<String>,
    pub(crate) normalized_resolved_dependencies: Vec<String>,
    /// Cached `_all_down_revisions` / `_normalized_down_revisions` (walks read them a lot);
    /// kept in sync by the setters below.
    all_down: Vec<String>,
    normalized_down: Vec<String>,
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// `util.dedupe_tuple(a + b)`.
fn dedupe_concat(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    for s in a.iter().chain(b) {
        push_unique(&mut out, s);
    }
    out
}

impl Revision {
    /// `Revision.__init__`: self-loop checks, then the identifier check.
    pub(crate) fn new(input: &RevisionInput, index: usize) -> Result<Revision> {
        let down_tuple = input.down_revision.to_vec();
        if rev_ref_truthy(&input.down_revision) && down_tuple.contains(&input.revision) {
            return Err(RevisionMapError::LoopDetected {
                revision: input.revision.clone(),
            });
        }
        if input.depends_on.contains(&input.revision) {
            return Err(RevisionMapError::DependencyLoopDetected {
                revision: input.revision.clone(),
            });
        }
        verify_rev_id(&input.revision)?;
        let down_revision = normalize_rev_ref(&input.down_revision);
        let down_revision_vec = down_revision.to_vec();
        let mut labels = Vec::new();
        for l in &input.branch_labels {
            push_unique(&mut labels, l);
        }
        Ok(Revision {
            index,
            revision: input.revision.clone(),
            versioned_down: down_revision.to_vec(),
            down_revision,
            dependencies: rev_ref_from_vec(&input.depends_on),
            orig_branch_labels: input.branch_labels.clone(),
            branch_labels: labels,
            nextrev: Vec::new(),
            all_nextrev: Vec::new(),
            resolved_dependencies: Vec::new(),
            normalized_resolved_dependencies: Vec::new(),
            all_down: down_revision_vec.clone(),
            normalized_down: down_revision_vec,
        })
    }

    /// `_orig_branch_labels`: the labels the file itself declares (not inherited ones).
    pub fn orig_branch_labels(&self) -> &[String] {
        &self.orig_branch_labels
    }

    /// Position in load order; distinguishes two revisions loaded under the same id.
    pub fn index(&self) -> usize {
        self.index
    }
    /// `revision`.
    pub fn revision(&self) -> &str {
        &self.revision
    }
    /// `down_revision`, normalised as Alembic stores it (`None`, a string, or a tuple).
    pub fn down_revision(&self) -> &RevRef {
        &self.down_revision
    }
    /// `dependencies` as declared (`depends_on`, may name branch labels).
    pub fn dependencies(&self) -> &RevRef {
        &self.dependencies
    }
    /// `branch_labels`, including labels inherited from related revisions.
    pub fn branch_labels(&self) -> &[String] {
        &self.branch_labels
    }
    /// `nextrev`: children through `down_revision` only.
    pub fn nextrev(&self) -> &[String] {
        &self.nextrev
    }
    /// `_all_nextrev`: children through `down_revision` or `depends_on`.
    pub fn all_nextrev(&self) -> &[String] {
        &self.all_nextrev
    }
    /// `_versioned_down_revisions`.
    pub fn versioned_down_revisions(&self) -> &[String] {
        &self.versioned_down
    }
    /// `_resolved_dependencies`: `depends_on` with branch labels resolved to revision ids.
    pub fn resolved_dependencies(&self) -> &[String] {
        &self.resolved_dependencies
    }
    /// `_normalized_resolved_dependencies`: resolved dependencies minus those already
    /// depended upon by an ancestor. Alembic builds this from a set; here it keeps the
    /// declaration order.
    pub fn normalized_resolved_dependencies(&self) -> &[String] {
        &self.normalized_resolved_dependencies
    }
    /// `_all_down_revisions`: down revisions then resolved dependencies, deduplicated.
    pub fn all_down_revisions(&self) -> &[String] {
        &self.all_down
    }
    /// `_normalized_down_revisions`: down revisions then normalized dependencies.
    pub fn normalized_down_revisions(&self) -> &[String] {
        &self.normalized_down
    }

    pub(crate) fn set_resolved_dependencies(&mut self, deps: Vec<String>) {
        self.all_down = dedupe_concat(&self.versioned_down, &deps);
        self.resolved_dependencies = deps;
    }

    pub(crate) fn set_normalized_dependencies(&mut self, deps: Vec<String>) {
        self.normalized_down = dedupe_concat(&self.versioned_down, &deps);
        self.normalized_resolved_dependencies = deps;
    }
    /// `is_head`.
    pub fn is_head(&self) -> bool {
        self.nextrev.is_empty()
    }
    /// `_is_real_head`.
    pub fn is_real_head(&self) -> bool {
        self.all_nextrev.is_empty()
    }
    /// `is_base`.
    pub fn is_base(&self) -> bool {
        self.down_revision == RevRef::None
    }
    /// `_is_real_base`.
    pub fn is_real_base(&self) -> bool {
        self.is_base() && self.dependencies == RevRef::None
    }
    /// `is_branch_point`.
    pub fn is_branch_point(&self) -> bool {
        self.nextrev.len() > 1
    }
    /// `_is_real_branch_point`.
    pub fn is_real_branch_point(&self) -> bool {
        self.all_nextrev.len() > 1
    }
    /// `is_merge_point`.
    pub fn is_merge_point(&self) -> bool {
        self.versioned_down.len() > 1
    }

    /// Python truthiness of `down_revision` (`""` is false).
    pub(crate) fn down_revision_truthy(&self) -> bool {
        rev_ref_truthy(&self.down_revision)
    }

    /// `Revision.add_nextrev(child)`; `versioned` is whether the child names this revision's
    /// id in its `down_revision`.
    pub(crate) fn add_nextrev(&mut self, child: &str, versioned: bool) {
        push_unique(&mut self.all_nextrev, child);
        if versioned {
            push_unique(&mut self.nextrev, child);
        }
    }

    /// Python truthiness of `dependencies` (`""` is false).
    pub(crate) fn dependencies_truthy(&self) -> bool {
        rev_ref_truthy(&self.dependencies)
    }

    pub(crate) fn add_labels(&mut self, labels: &[String]) {
        for l in labels {
            push_unique(&mut self.branch_labels, l);
        }
    }

    /// `repr(revision)` for a bare `Revision`. Python prints `branch_labels` as a set, whose
    /// order is hash-dependent with several labels; here they come in stored order.
    pub(crate) fn py_repr(&self) -> String {
        let mut args = vec![py_repr(&self.revision), rev_ref_repr(&self.down_revision)];
        if self.dependencies_truthy() {
            args.push(format!("dependencies={}", rev_ref_repr(&self.dependencies)));
        }
        if !self.branch_labels.is_empty() {
            let labels: Vec<String> = self.branch_labels.iter().map(|l| py_repr(l)).collect();
            args.push(format!("branch_labels={{{}}}", labels.join(", ")));
        }
        format!("Revision({})", args.join(", "))
    }
}

/// Python truthiness of a `None` / `str` / tuple value.
pub(crate) fn rev_ref_truthy(r: &RevRef) -> bool {
    match r {
        RevRef::None => false,
        RevRef::One(s) => !s.is_empty(),
        RevRef::Many(v) => !v.is_empty(),
    }
}

/// `repr()` of a normalised `down_revision`/`dependencies` value.
fn rev_ref_repr(r: &RevRef) -> String {
    match r {
        RevRef::None => "None".to_string(),
        RevRef::One(s) => py_repr(s),
        RevRef::Many(v) => py_tuple_repr(v),
    }
}
