//! Alembic's revision graph (`alembic.script.revision.RevisionMap`) with its exact semantics
//! and error texts, plus the `ScriptDirectory` operations built directly on it.
//!
//! Revisions live in an arena in load order (`Vec<Revision>`, addressed by index, no `Rc`
//! cycles); `keys` mirrors Alembic's `_revision_map` dict: revision ids in first-load order
//! followed by branch labels, each pointing into the arena. Keeping the dict shape matters
//! because Alembic's partial-id matching and its topological sort iterate that dict.
//!
//! Python-set iteration order: Alembic's output order comes from sets in a few places. Where
//! the result is observable we pick a deterministic order instead, documented at each spot:
//! `nextrev`/`_all_nextrev` (children in load order: "Branches into", `branches`),
//! `branch_labels` (declared, then inherited), `_normalized_resolved_dependencies`
//! (declaration order; decides the `iterate_revisions` order around a revision with two or
//! more independent `depends_on`), the revisions of `get_all_current` (load order), the
//! build's visits of all revisions and of labelled revisions (load order: which unknown
//! `depends_on` or duplicate label an error names), and the list in an "overlaps" error.

mod api;
mod build;
mod collect;
mod error;
mod model;
pub(crate) mod pystr;
mod resolve;
mod scriptdir;
mod traverse;

use std::sync::Mutex;

use indexmap::IndexMap;

pub use build::BuildOutcome;
pub use collect::IterateOptions;
pub use error::{CatchContext, RevisionMapError, ScriptError, catch_revision_errors};
pub use model::{RevArg, Revision, RevisionInput, verify_rev_id};
pub use scriptdir::{ScriptDirectoryOps, StampStep};

/// One entry of Alembic's `_revision_map` dict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    /// Arena index of the revision the key maps to.
    idx: usize,
    /// Whether the key is a branch label rather than a revision id.
    is_label: bool,
}

/// An element of what Alembic's `get_revisions` returns: a `Revision`, a string (only ever
/// `"base"`, produced by walking below a base with a relative spec), or `None` (a relative
/// walk that ran off the graph).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Item {
    Rev(usize),
    Str(String),
    None,
}

impl Item {
    pub(crate) fn base() -> Item {
        Item::Str("base".to_string())
    }
    pub(crate) fn is_base(&self) -> bool {
        matches!(self, Item::Str(s) if s == "base")
    }
    /// `util.is_revision(x)`: Alembic asserts the value is a `Revision`.
    pub(crate) fn expect_rev(&self) -> Result<usize, RevisionMapError> {
        match self {
            Item::Rev(i) => Ok(*i),
            _ => Err(RevisionMapError::assertion()),
        }
    }
}

/// The public view of one element of [`RevisionMap::get_revisions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevisionOrBase<'a> {
    Revision(&'a Revision),
    /// The string `"base"`.
    Base,
}

/// Alembic's `RevisionMap`, built eagerly from the revisions in load order.
#[derive(Debug)]
pub struct RevisionMap {
    revs: Vec<Revision>,
    keys: IndexMap<String, Key, rustc_hash::FxBuildHasher>,
    heads: Vec<String>,
    bases: Vec<String>,
    real_heads: Vec<String>,
    real_bases: Vec<String>,
    /// Warnings Alembic emits from query methods (not from the build, whose warnings are in
    /// [`BuildOutcome`]); drained with [`RevisionMap::take_warnings`].
    warnings: Mutex<Vec<String>>,
    /// Resolved links, valid while the map is not being modified (see `EdgeCache`).
    edges: Option<Box<traverse::EdgeCache>>,
}

impl Clone for RevisionMap {
    fn clone(&self) -> Self {
        RevisionMap {
            revs: self.revs.clone(),
            keys: self.keys.clone(),
            heads: self.heads.clone(),
            bases: self.bases.clone(),
            real_heads: self.real_heads.clone(),
            real_bases: self.real_bases.clone(),
            warnings: Mutex::new(self.warnings.lock().map(|w| w.clone()).unwrap_or_default()),
            edges: self.edges.clone(),
        }
    }
}

impl RevisionMap {
    /// `heads`: revisions no other revision names as `down_revision`, in load order. A
    /// duplicated id can appear twice, as in Alembic.
    pub fn heads(&self) -> &[String] {
        &self.heads
    }
    /// `bases`: revisions whose `down_revision` is `None`, in load order.
    pub fn bases(&self) -> &[String] {
        &self.bases
    }
    /// `_real_heads`: heads taking `depends_on` into account.
    pub fn real_heads(&self) -> &[String] {
        &self.real_heads
    }
    /// `_real_bases`: bases that also have no `depends_on`.
    pub fn real_bases(&self) -> &[String] {
        &self.real_bases
    }
    /// Every revision in load order, including one shadowed by a later duplicate id.
    pub fn revisions(&self) -> &[Revision] {
        &self.revs
    }
    /// The revision at an arena index ([`Revision::index`]).
    pub fn by_index(&self, index: usize) -> &Revision {
        &self.revs[index]
    }
    /// `_revision_map[key]` for a revision id or branch label (no partial matching).
    pub fn lookup(&self, key: &str) -> Option<&Revision> {
        self.keys.get(key).map(|k| &self.revs[k.idx])
    }
    /// The keys of Alembic's `_revision_map` in dict order: revision ids then branch labels.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.keys().map(String::as_str)
    }
    /// Warnings emitted by query methods since the last call (Alembic's `util.warn`).
    pub fn take_warnings(&self) -> Vec<String> {
        self.warnings
            .lock()
            .map(|mut w| std::mem::take(&mut *w))
            .unwrap_or_default()
    }

    pub(crate) fn warn(&self, message: String) {
        if let Ok(mut w) = self.warnings.lock() {
            w.push(message);
        }
    }

    pub(crate) fn key_idx(&self, key: &str) -> Option<usize> {
        self.keys.get(key).map(|k| k.idx)
    }

    pub(crate) fn to_public(&self, item: &Item) -> Option<RevisionOrBase<'_>> {
        match item {
            Item::Rev(i) => Some(RevisionOrBase::Revision(&self.revs[*i])),
            Item::Str(_) => Some(RevisionOrBase::Base),
            Item::None => None,
        }
    }
}
