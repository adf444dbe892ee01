//! Building the map: `RevisionMap._revision_map` (eager here) and `add_revision`.

use rustc_hash::FxHashSet as HashSet;
use std::sync::Mutex;

use indexmap::IndexMap;

use super::error::Result;
use super::traverse::{Rel, View};
use super::{Item, Key, Revision, RevisionInput, RevisionMap, RevisionMapError};
use crate::script::RevRef;
use crate::script::format::script_str;

/// The result of [`RevisionMap::build`]: the map or the error Alembic raises while loading it,
/// and the warnings Alembic emits on the way (in order, also when loading then fails).
#[derive(Debug)]
pub struct BuildOutcome {
    pub result: Result<RevisionMap>,
    pub warnings: Vec<String>,
}

/// An insertion-ordered set of arena indices (`sqlalchemy.util.OrderedSet`).
#[derive(Default)]
struct OrderedIdx {
    items: Vec<usize>,
    removed: HashSet<usize>,
}

impl OrderedIdx {
    /// Arena indices are unique, so adding never needs a membership test.
    fn add(&mut self, i: usize) {
        self.items.push(i);
    }
    fn discard(&mut self, i: usize) {
        self.removed.insert(i);
    }
    fn live(&self) -> Vec<usize> {
        self.items
            .iter()
            .copied()
            .filter(|i| !self.removed.contains(i))
            .collect()
    }
}

fn revision_ids(map: &RevisionMap, idxs: &[usize]) -> Vec<String> {
    idxs.iter().map(|i| map.revs[*i].revision.clone()).collect()
}

fn items(idxs: &[usize]) -> Vec<Item> {
    idxs.iter().map(|i| Item::Rev(*i)).collect()
}

impl RevisionMap {
    /// Build the map from revisions in load order, as Alembic's `_revision_map` does.
    pub fn build(inputs: impl IntoIterator<Item = RevisionInput>) -> BuildOutcome {
        let mut warnings = Vec::new();
        let result = Self::build_inner(inputs, &mut warnings);
        BuildOutcome { result, warnings }
    }

    fn empty() -> RevisionMap {
        RevisionMap {
            revs: Vec::new(),
            keys: IndexMap::default(),
            heads: Vec::new(),
            bases: Vec::new(),
            real_heads: Vec::new(),
            real_bases: Vec::new(),
            warnings: Mutex::new(Vec::new()),
            edges: None,
        }
    }

    fn build_inner(
        inputs: impl IntoIterator<Item = RevisionInput>,
        warnings: &mut Vec<String>,
    ) -> Result<RevisionMap> {
        let mut map = RevisionMap::empty();
        let mut docs: Vec<Option<String>> = Vec::new();
        let mut heads = OrderedIdx::default();
        let mut real_heads = OrderedIdx::default();
        let mut bases: Vec<usize> = Vec::new();
        let mut real_bases: Vec<usize> = Vec::new();
        let mut has_branch_labels: Vec<usize> = Vec::new();

        for input in inputs {
            let idx = map.revs.len();
            let rev = Revision::new(&input, idx)?;
            if map.keys.contains_key(&rev.revision) {
                warnings.push(format!(
                    "Revision {} is present more than once",
                    rev.revision
                ));
            }
            // A repeated id keeps its dict position and points at the later revision, as a
            // Python dict assignment does.
            map.keys.insert(
                rev.revision.clone(),
                Key {
                    idx,
                    is_label: false,
                },
            );
            if !rev.branch_labels.is_empty() {
                has_branch_labels.push(idx);
            }
            heads.add(idx);
            real_heads.add(idx);
            if rev.is_base() {
                bases.push(idx);
            }
            if rev.is_real_base() {
                real_bases.push(idx);
            }
            map.revs.push(rev);
            docs.push(input.script_doc);
        }

        // Alembic iterates a set of revisions here; load order decides which revision a
        // duplicate-label error names.
        map.map_branch_labels(&has_branch_labels)?;
        let all: Vec<usize> = (0..map.revs.len()).collect();
        map.add_depends_on(&all)?;

        // Every dict value in order, branch-label entries included (their second visit is a
        // no-op, as in Alembic).
        let values: Vec<usize> = map.keys.values().map(|k| k.idx).collect();
        for idx in values {
            for downrev in map.revs[idx].all_down_revisions().to_vec() {
                let Some(down) = map.key_idx(&downrev) else {
                    let referrer = match &docs[idx] {
                        Some(doc) => script_str(&map.revs[idx], doc),
                        None => map.revs[idx].py_repr(),
                    };
                    warnings.push(format!(
                        "Revision {downrev} referenced from {referrer} is not present"
                    ));
                    return Err(RevisionMapError::KeyError { key: downrev });
                };
                let child = &map.revs[idx];
                let (child_id, versioned) = (
                    child.revision.clone(),
                    child.versioned_down.contains(&map.revs[down].revision),
                );
                let downrev_is_versioned = child.versioned_down.contains(&downrev);
                map.revs[down].add_nextrev(&child_id, versioned);
                if downrev_is_versioned {
                    heads.discard(down);
                }
                real_heads.discard(down);
            }
        }

        map.normalize_depends_on(&all)?;
        let (heads, real_heads) = (heads.live(), real_heads.live());
        map.detect_cycles(&heads, &bases, &real_heads, &real_bases)?;

        map.heads = revision_ids(&map, &heads);
        map.real_heads = revision_ids(&map, &real_heads);
        map.bases = revision_ids(&map, &bases);
        map.real_bases = revision_ids(&map, &real_bases);

        map.add_branches(&has_branch_labels)?;
        map.refresh_edges();
        Ok(map)
    }

    /// `_map_branch_labels`: register each declared label as a dict key.
    fn map_branch_labels(&mut self, revisions: &[usize]) -> Result<()> {
        for &idx in revisions {
            if self.revs[idx].branch_labels.is_empty() {
                continue;
            }
            for label in self.revs[idx].orig_branch_labels.clone() {
                if let Some(existing) = self.keys.get(&label) {
                    return Err(RevisionMapError::msg(format!(
                        "Branch name '{}' in revision {} already used by revision {}",
                        label, self.revs[idx].revision, self.revs[existing.idx].revision
                    )));
                }
                self.keys.insert(
                    label,
                    Key {
                        idx,
                        is_label: true,
                    },
                );
            }
        }
        Ok(())
    }

    /// `_add_depends_on`: resolve `depends_on` entries (ids or branch labels) to ids.
    fn add_depends_on(&mut self, revisions: &[usize]) -> Result<()> {
        for &idx in revisions {
            let mut resolved = Vec::new();
            if !self.revs[idx].dependencies_truthy() {
                self.revs[idx].set_resolved_dependencies(resolved);
                continue;
            }
            for dep in self.revs[idx].dependencies.to_vec() {
                let target = self
                    .key_idx(&dep)
                    .ok_or(RevisionMapError::KeyError { key: dep })?;
                resolved.push(self.revs[target].revision.clone());
            }
            self.revs[idx].set_resolved_dependencies(resolved);
        }
        Ok(())
    }

    /// `_normalize_depends_on`: drop dependencies an ancestor already depends on. Alembic
    /// keeps the survivors in a set (hash order); declaration order is kept here.
    fn normalize_depends_on(&mut self, revisions: &[usize]) -> Result<()> {
        for &idx in revisions {
            if self.revs[idx].resolved_dependencies.is_empty() {
                self.revs[idx].set_normalized_dependencies(Vec::new());
                continue;
            }
            let mut covered: HashSet<String> = HashSet::default();
            for anc in self.ancestor_nodes(&[Item::Rev(idx)], false, false)? {
                if anc != idx {
                    covered.extend(self.revs[anc].resolved_dependencies.iter().cloned());
                }
            }
            let mut normalized: Vec<String> = Vec::new();
            for d in &self.revs[idx].resolved_dependencies {
                if !covered.contains(d) && !normalized.contains(d) {
                    normalized.push(d.clone());
                }
            }
            self.revs[idx].set_normalized_dependencies(normalized);
        }
        Ok(())
    }

    /// `_detect_cycles`: every revision must lie between a head and a base, first along
    /// `down_revision` links, then along dependency links too.
    fn detect_cycles(
        &self,
        heads: &[usize],
        bases: &[usize],
        real_heads: &[usize],
        real_bases: &[usize],
    ) -> Result<()> {
        let ids: Vec<&String> = self
            .keys
            .iter()
            .filter(|(_, k)| !k.is_label)
            .map(|(id, _)| id)
            .collect();
        if ids.is_empty() {
            return Ok(());
        }
        let all_ids = || ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        if heads.is_empty() || bases.is_empty() {
            return Err(RevisionMapError::CycleDetected {
                revisions: all_ids(),
            });
        }
        let deleted = self.outside_space(&ids, heads, bases, Rel::VersionedDown, Rel::NextRev)?;
        if !deleted.is_empty() {
            return Err(RevisionMapError::CycleDetected { revisions: deleted });
        }
        if real_heads.is_empty() || real_bases.is_empty() {
            return Err(RevisionMapError::DependencyCycleDetected {
                revisions: all_ids(),
            });
        }
        let deleted =
            self.outside_space(&ids, real_heads, real_bases, Rel::AllDown, Rel::AllNextRev)?;
        if !deleted.is_empty() {
            return Err(RevisionMapError::DependencyCycleDetected { revisions: deleted });
        }
        Ok(())
    }

    /// The ids not reachable both downward from `heads` and upward from `bases`, sorted.
    fn outside_space(
        &self,
        ids: &[&String],
        heads: &[usize],
        bases: &[usize],
        down: Rel,
        up: Rel,
    ) -> Result<Vec<String>> {
        let from_heads: HashSet<&str> = self
            .iterate_related(down, &items(heads), View::IdsOnly, false)?
            .into_iter()
            .map(|i| self.revs[i].revision.as_str())
            .collect();
        let from_bases: HashSet<&str> = self
            .iterate_related(up, &items(bases), View::IdsOnly, false)?
            .into_iter()
            .map(|i| self.revs[i].revision.as_str())
            .collect();
        let mut deleted: Vec<String> = ids
            .iter()
            .filter(|id| !(from_heads.contains(id.as_str()) && from_bases.contains(id.as_str())))
            .map(|id| id.to_string())
            .collect();
        deleted.sort();
        Ok(deleted)
    }

    /// `_add_branches`: a label applies to every descendant of its revision, and downward
    /// from there until a branch point or merge point.
    ///
    /// Alembic walks down from the *last* descendant its traversal yielded (a leaked loop
    /// variable), which depends on set order; but any such walk runs through the revision's
    /// single-child chain, so the labels it adds below the revision are the same whichever
    /// descendant comes last. The last one in our traversal order is used.
    fn add_branches(&mut self, revisions: &[usize]) -> Result<()> {
        for &idx in revisions {
            if self.revs[idx].branch_labels.is_empty() {
                continue;
            }
            let labels = self.revs[idx].branch_labels.clone();
            let nodes = self.descendant_nodes(&[Item::Rev(idx)], false, false)?;
            for &node in &nodes {
                self.revs[node].add_labels(&labels);
            }
            let Some(&last) = nodes.last() else { continue };
            let mut parent = last;
            loop {
                let p = &self.revs[parent];
                if p.is_real_branch_point() || p.is_merge_point() {
                    break;
                }
                self.revs[parent].add_labels(&labels);
                if !self.revs[parent].down_revision_truthy() {
                    break;
                }
                let down = match &self.revs[parent].down_revision {
                    RevRef::One(s) => s.clone(),
                    _ => break,
                };
                parent = self
                    .key_idx(&down)
                    .ok_or(RevisionMapError::KeyError { key: down })?;
            }
        }
        Ok(())
    }

    /// `add_revision(revision, _replace)`: add one revision to a built map (what
    /// `ScriptDirectory.generate_revision` does after writing a file). Warnings go to
    /// [`RevisionMap::take_warnings`]. As in Alembic, the map is left partly updated when this
    /// fails.
    pub fn add_revision(&mut self, input: RevisionInput, replace: bool) -> Result<()> {
        self.edges = None;
        let idx = self.revs.len();
        let rev = Revision::new(&input, idx)?;
        let exists = self.keys.contains_key(&rev.revision);
        if !replace && exists {
            self.warn(format!(
                "Revision {} is present more than once",
                rev.revision
            ));
        } else if replace && !exists {
            return Err(RevisionMapError::PythonException {
                class: "Exception",
                message: format!("revision {} not in map", rev.revision),
            });
        }
        self.keys.insert(
            rev.revision.clone(),
            Key {
                idx,
                is_label: false,
            },
        );
        self.revs.push(rev);
        self.add_branches(&[idx])?;
        self.map_branch_labels(&[idx])?;
        self.add_depends_on(&[idx])?;
        let rev = self.revs[idx].clone();
        if rev.is_base() {
            self.bases.push(rev.revision.clone());
        }
        if rev.is_real_base() {
            self.real_bases.push(rev.revision.clone());
        }
        for downrev in rev.all_down_revisions().to_vec() {
            let Some(down) = self.key_idx(&downrev) else {
                let referrer = match &input.script_doc {
                    Some(doc) => script_str(&rev, doc),
                    None => rev.py_repr(),
                };
                self.warn(format!(
                    "Revision {downrev} referenced from {referrer} is not present"
                ));
                return Err(RevisionMapError::KeyError { key: downrev });
            };
            let versioned = rev.versioned_down.contains(&self.revs[down].revision);
            self.revs[down].add_nextrev(&rev.revision, versioned);
        }
        self.normalize_depends_on(&[idx])?;
        let rev = &self.revs[idx];
        if rev.is_real_head() {
            let mut gone: HashSet<String> = rev.all_down_revisions().iter().cloned().collect();
            gone.insert(rev.revision.clone());
            self.real_heads.retain(|h| !gone.contains(h));
            self.real_heads.push(rev.revision.clone());
        }
        let rev = &self.revs[idx];
        if rev.is_head() {
            let mut gone: HashSet<String> = rev.versioned_down.iter().cloned().collect();
            gone.insert(rev.revision.clone());
            self.heads.retain(|h| !gone.contains(h));
            self.heads.push(rev.revision.clone());
        }
        self.refresh_edges();
        Ok(())
    }
}
