//! `_iterate_related_revisions` and the ancestor/descendant walks built on it.

use rustc_hash::FxHashSet as HashSet;

use super::error::Result;
use super::{Item, RevisionMap, RevisionMapError};

/// Which edges a walk follows (the `fn` argument of `_iterate_related_revisions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    NextRev,
    AllNextRev,
    VersionedDown,
    NormalizedDown,
    AllDown,
}

const RELS: [Rel; 5] = [
    Rel::NextRev,
    Rel::AllNextRev,
    Rel::VersionedDown,
    Rel::NormalizedDown,
    Rel::AllDown,
];

/// One link of a revision as `_revision_map` resolves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edge {
    To(usize),
    /// The id is not a key: Alembic's lookup raises `KeyError`.
    Missing,
    /// The key names a revision with another id (a branch label used as a link).
    Broken,
}

/// The links of every revision resolved once. Walks repeat the same dict lookups many times
/// (the topological sort recomputes ancestor sets at every merge point); the answers only
/// change when the map does, so they are computed after a build or `add_revision` and
/// dropped while the map is being modified.
#[derive(Clone, Debug, Default)]
pub(crate) struct EdgeCache {
    per_rel: [Vec<Vec<Edge>>; 5],
}

fn rel_slot(rel: Rel) -> usize {
    match rel {
        Rel::NextRev => 0,
        Rel::AllNextRev => 1,
        Rel::VersionedDown => 2,
        Rel::NormalizedDown => 3,
        Rel::AllDown => 4,
    }
}

/// Which dict a walk resolves ids in: the full `_revision_map` (ids and branch labels) or the
/// ids-only copy `_detect_cycles` uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum View {
    Full,
    IdsOnly,
}

fn broken_map() -> RevisionMapError {
    RevisionMapError::msg("Dependency resolution failed; broken map")
}

impl RevisionMap {
    fn related(&self, idx: usize, rel: Rel) -> &[String] {
        let r = &self.revs[idx];
        match rel {
            Rel::NextRev => &r.nextrev,
            Rel::AllNextRev => &r.all_nextrev,
            Rel::VersionedDown => &r.versioned_down,
            Rel::NormalizedDown => r.normalized_down_revisions(),
            Rel::AllDown => r.all_down_revisions(),
        }
    }

    /// Resolve every revision's links into the cache.
    pub(crate) fn refresh_edges(&mut self) {
        let mut cache = EdgeCache::default();
        for rel in RELS {
            cache.per_rel[rel_slot(rel)] = (0..self.revs.len())
                .map(|idx| {
                    self.related(idx, rel)
                        .iter()
                        .map(|id| match self.keys.get(id) {
                            None => Edge::Missing,
                            Some(k) if &self.revs[k.idx].revision != id => Edge::Broken,
                            Some(k) => Edge::To(k.idx),
                        })
                        .collect()
                })
                .collect();
        }
        self.edges = Some(Box::new(cache));
    }

    fn view_lookup(&self, key: &str, view: View) -> Result<usize> {
        match self.keys.get(key) {
            Some(k) if view == View::Full || !k.is_label => Ok(k.idx),
            _ => Err(RevisionMapError::KeyError {
                key: key.to_string(),
            }),
        }
    }

    /// `_iterate_related_revisions(fn, targets, map_, check)`, collected: depth-first with an
    /// explicit stack, each node yielded once, in Alembic's yield order.
    pub(crate) fn iterate_related(
        &self,
        rel: Rel,
        targets: &[Item],
        view: View,
        check: bool,
    ) -> Result<Vec<usize>> {
        let mut seen = vec![false; self.revs.len()];
        let mut out = Vec::new();
        let target_set: HashSet<usize> = targets
            .iter()
            .filter_map(|t| match t {
                Item::Rev(i) => Some(*i),
                _ => None,
            })
            .collect();
        let mut todo: Vec<usize> = Vec::new();
        for target in targets {
            let target = target.expect_rev()?;
            todo.push(target);
            let mut per_target: Vec<usize> = Vec::new();
            let mut in_per_target: HashSet<usize> = HashSet::default();
            while let Some(rev) = todo.pop() {
                if check && in_per_target.insert(rev) {
                    per_target.push(rev);
                }
                if seen[rev] {
                    continue;
                }
                seen[rev] = true;
                match (view, &self.edges) {
                    (View::Full, Some(cache)) => {
                        let edges = &cache.per_rel[rel_slot(rel)][rev];
                        for (k, edge) in edges.iter().enumerate() {
                            match edge {
                                Edge::To(next) => todo.push(*next),
                                Edge::Missing => {
                                    return Err(RevisionMapError::KeyError {
                                        key: self.related(rev, rel)[k].clone(),
                                    });
                                }
                                Edge::Broken => return Err(broken_map()),
                            }
                        }
                    }
                    _ => {
                        for rev_id in self.related(rev, rel) {
                            let next = self.view_lookup(rev_id, view)?;
                            if &self.revs[next].revision != rev_id {
                                return Err(broken_map());
                            }
                            todo.push(next);
                        }
                    }
                }
                out.push(rev);
            }
            if check {
                // Alembic joins a set here; with several overlaps the order is by first visit.
                let overlaps: Vec<&str> = per_target
                    .iter()
                    .filter(|r| **r != target && target_set.contains(r))
                    .map(|r| self.revs[*r].revision.as_str())
                    .collect();
                if !overlaps.is_empty() {
                    return Err(RevisionMapError::msg(format!(
                        "Requested revision {} overlaps with other requested revisions {}",
                        self.revs[target].revision,
                        overlaps.join(", ")
                    )));
                }
            }
        }
        Ok(out)
    }

    /// `_get_ancestor_nodes(targets, check=..., include_dependencies=...)`.
    pub(crate) fn ancestor_nodes(
        &self,
        targets: &[Item],
        check: bool,
        include_dependencies: bool,
    ) -> Result<Vec<usize>> {
        let rel = if include_dependencies {
            Rel::NormalizedDown
        } else {
            Rel::VersionedDown
        };
        self.iterate_related(rel, targets, View::Full, check)
    }

    /// `_get_descendant_nodes(targets, check=..., include_dependencies=...)`.
    /// (`omit_immediate_dependencies` is never passed as true by Alembic and is not offered.)
    pub(crate) fn descendant_nodes(
        &self,
        targets: &[Item],
        check: bool,
        include_dependencies: bool,
    ) -> Result<Vec<usize>> {
        let rel = if include_dependencies {
            Rel::AllNextRev
        } else {
            Rel::NextRev
        };
        self.iterate_related(rel, targets, View::Full, check)
    }
}
