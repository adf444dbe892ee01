//! The public, Alembic-named face of [`RevisionMap`]'s queries, over the index-based
//! internals.

use super::collect::IterateOptions;
use super::error::Result;
use super::{Item, RevArg, Revision, RevisionMap, RevisionOrBase};

fn rev_items(revs: &[&Revision]) -> Vec<Item> {
    revs.iter().map(|r| Item::Rev(r.index)).collect()
}

impl RevisionMap {
    fn public_revs(&self, idxs: Vec<usize>) -> Vec<&Revision> {
        idxs.into_iter().map(|i| &self.revs[i]).collect()
    }

    /// `get_revisions(id_)`: the revisions an argument names (id, partial id, `head`, `heads`,
    /// `base`, `label@head`, `label@-n`, `-n`, a tuple of those). Elements are `None` where a
    /// relative walk ran off the graph, as in Alembic.
    pub fn get_revisions(&self, id: &RevArg) -> Result<Vec<Option<RevisionOrBase<'_>>>> {
        Ok(self
            .get_revision_items(id)?
            .iter()
            .map(|i| self.to_public(i))
            .collect())
    }

    /// `get_revision(id_)`: one revision; `MultipleHeads` when the argument names several,
    /// `None` for `base`.
    pub fn get_revision(&self, id: &RevArg) -> Result<Option<&Revision>> {
        Ok(self.get_revision_idx(id)?.map(|i| &self.revs[i]))
    }

    /// `get_current_head(branch_label)`: the single head (on the branch), `MultipleHeads`
    /// when there are several.
    pub fn get_current_head(&self, branch_label: Option<&str>) -> Result<Option<String>> {
        self.current_head(branch_label)
    }

    /// `_resolve_revision_number(id_)`: the ids an argument names and its `label@` prefix.
    pub fn resolve_revision_number(&self, id: &RevArg) -> Result<(Vec<String>, Option<String>)> {
        self.resolve_number(id)
    }

    /// `filter_for_lineage(targets, check_against, include_dependencies)` for string targets
    /// (each resolved like an identifier, partial ids included): those sharing lineage with
    /// `check_against`, in input order.
    pub fn filter_for_lineage(
        &self,
        targets: &[&str],
        check_against: &RevArg,
        include_dependencies: bool,
    ) -> Result<Vec<String>> {
        let items: Vec<Item> = targets.iter().map(|t| Item::Str(t.to_string())).collect();
        Ok(self
            .filter_items_for_lineage(&items, check_against, include_dependencies)?
            .into_iter()
            .filter_map(|i| match i {
                Item::Str(s) => Some(s),
                _ => None,
            })
            .collect())
    }

    /// `filter_for_lineage` for `Revision` targets.
    pub fn filter_revisions_for_lineage<'a>(
        &'a self,
        targets: &[&'a Revision],
        check_against: &RevArg,
        include_dependencies: bool,
    ) -> Result<Vec<&'a Revision>> {
        let items = rev_items(targets);
        let kept = self.filter_items_for_lineage(&items, check_against, include_dependencies)?;
        Ok(kept
            .iter()
            .filter_map(|i| match i {
                Item::Rev(idx) => Some(&self.revs[*idx]),
                _ => None,
            })
            .collect())
    }

    /// `iterate_revisions(upper, lower, ...)`: from `upper` down to `lower`, each revision
    /// before its down revisions (for an upgrade, apply in reverse).
    pub fn iterate_revisions(
        &self,
        upper: &RevArg,
        lower: &RevArg,
        opts: IterateOptions,
    ) -> Result<Vec<&Revision>> {
        Ok(self.public_revs(self.iterate_revision_idx(upper, lower, opts)?))
    }

    /// `_get_ancestor_nodes(targets, check, include_dependencies)`: the targets and all their
    /// ancestors, in Alembic's traversal order; `check` raises when one target is an ancestor
    /// of another.
    pub fn get_ancestor_nodes(
        &self,
        targets: &[&Revision],
        check: bool,
        include_dependencies: bool,
    ) -> Result<Vec<&Revision>> {
        Ok(self.public_revs(self.ancestor_nodes(
            &rev_items(targets),
            check,
            include_dependencies,
        )?))
    }

    /// `_get_descendant_nodes(targets, check, include_dependencies)`.
    pub fn get_descendant_nodes(
        &self,
        targets: &[&Revision],
        check: bool,
        include_dependencies: bool,
    ) -> Result<Vec<&Revision>> {
        Ok(self.public_revs(self.descendant_nodes(
            &rev_items(targets),
            check,
            include_dependencies,
        )?))
    }

    /// `_get_all_current(id_)`: the branch tips among the given revisions and their
    /// ancestors (load order; Alembic returns a set).
    pub fn get_all_current(&self, id: &RevArg) -> Result<Vec<&Revision>> {
        Ok(self.public_revs(self.get_all_current_idx(id)?))
    }

    /// `_walk(start, steps, branch_label, no_overwalk)`: `steps` up (positive) or down from
    /// `start` (`None` = below the bases).
    pub fn walk_steps(
        &self,
        start: Option<&Revision>,
        steps: i64,
        branch_label: Option<&str>,
        no_overwalk: bool,
    ) -> Result<Option<RevisionOrBase<'_>>> {
        let start = start.map_or(Item::None, |r| Item::Rev(r.index));
        let out = self.walk(start, steps, branch_label, no_overwalk)?;
        Ok(self.to_public(&out))
    }
}
