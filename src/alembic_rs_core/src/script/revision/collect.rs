//! Upgrade/downgrade range computation: `_parse_upgrade_target`, `_parse_downgrade_target`,
//! `_collect_upgrade_revisions`, `_collect_downgrade_revisions`, `iterate_revisions`,
//! `_topological_sort` and `_get_all_current`.

use rustc_hash::FxHashSet as HashSet;

use super::error::Result;
use super::pystr::match_relative;
use super::{Item, RevArg, RevisionMap, RevisionMapError};

fn didnt_produce(relative: &str, abs: &str) -> RevisionMapError {
    RevisionMapError::msg(format!(
        "Relative revision {relative} didn't produce {abs} migrations"
    ))
}

impl RevisionMap {
    /// `_parse_downgrade_target(current_revisions, target, assert_relative_length)`: the
    /// branch label named by the command and the revision (or `"base"`/`None`) to go down to.
    pub(crate) fn parse_downgrade_target(
        &self,
        current_revisions: &RevArg,
        target: &RevArg,
        assert_relative_length: bool,
    ) -> Result<(Option<String>, Item)> {
        let target = match target {
            RevArg::None => return Ok((None, Item::None)),
            RevArg::Str(s) => s.as_str(),
            RevArg::Tuple(_) => return Err(RevisionMapError::assertion()),
        };
        if let Some(m) = match_relative(target) {
            let rel = m.rel();
            let rel_int = rel.value();
            let mut branch_label = m.branch_label.clone();
            if rel_int >= 0 {
                let Some(symbol) = m.symbol.clone() else {
                    return Err(didnt_produce(&m.relative, rel.abs_text()));
                };
                let rev = self.walk(
                    Item::Str(symbol),
                    rel_int,
                    branch_label.as_deref(),
                    assert_relative_length,
                )?;
                if rev == Item::None {
                    return Err(RevisionMapError::msg("Walked too far"));
                }
                return Ok((branch_label, rev));
            }
            let relative_revision = m.symbol.is_none();
            let symbol = match m.symbol.clone() {
                Some(s) => s,
                None => {
                    if let Some(label) = branch_label.clone().filter(|l| !l.is_empty()) {
                        let Some(cr_tuple) = current_revisions.to_tuple() else {
                            return Err(RevisionMapError::PythonException {
                                class: "TypeError",
                                message: "'NoneType' object is not iterable".into(),
                            });
                        };
                        let label_arg = RevArg::Str(label);
                        let targets: Vec<Item> =
                            cr_tuple.iter().map(|s| Item::Str(s.clone())).collect();
                        let mut symbol_list =
                            self.filter_items_for_lineage(&targets, &label_arg, false)?;
                        if symbol_list.is_empty() {
                            // Several branches but a single current head, the other branch
                            // heads being dependencies of it.
                            let all_current = self.get_all_current_idx(&RevArg::Tuple(cr_tuple))?;
                            let all: Vec<Item> = all_current.into_iter().map(Item::Rev).collect();
                            symbol_list = self.filter_items_for_lineage(&all, &label_arg, false)?;
                        }
                        if symbol_list.len() != 1 {
                            return Err(RevisionMapError::assertion());
                        }
                        match &symbol_list[0] {
                            Item::Str(s) => s.clone(),
                            Item::Rev(i) => self.revs[*i].revision.clone(),
                            Item::None => return Err(RevisionMapError::assertion()),
                        }
                    } else {
                        let current = current_revisions.to_tuple().unwrap_or_default();
                        if current.is_empty() {
                            return Err(didnt_produce(&m.relative, rel.abs_text()));
                        }
                        let distinct: HashSet<&String> = current.iter().collect();
                        if distinct.len() > 1 {
                            self.warn(
                                "downgrade -1 from multiple heads is ambiguous; this usage \
                                 will be disallowed in a future release."
                                    .into(),
                            );
                        }
                        // Restrict the walk to the selected branch when branches are ambiguous.
                        branch_label = Some(current[0].clone());
                        current[0].clone()
                    }
                }
            };
            let start_arg = match &branch_label {
                None => RevArg::Str(symbol),
                Some(label) => RevArg::Str(format!("{label}@{symbol}")),
            };
            let start = self
                .get_revision_idx(&start_arg)?
                .map_or(Item::None, Item::Rev);
            let rev = self.walk(start, rel_int, None, assert_relative_length)?;
            if rev == Item::None {
                return Err(if relative_revision {
                    didnt_produce(&m.relative, rel.abs_text())
                } else {
                    RevisionMapError::msg("Walked too far")
                });
            }
            return Ok((branch_label, rev));
        }
        // Absolute target, possibly `label@rev`.
        let (branch_label, symbol) = match target.rsplit_once('@') {
            Some((label, symbol)) if !label.is_empty() => (Some(label.to_string()), symbol),
            Some((_, symbol)) => (None, symbol),
            None => (None, target),
        };
        let rev = self.get_revision_idx(&RevArg::Str(symbol.to_string()))?;
        Ok((branch_label, rev.map_or(Item::None, Item::Rev)))
    }

    /// `_parse_upgrade_target(current_revisions, target, assert_relative_length)`.
    pub(crate) fn parse_upgrade_target(
        &self,
        current_revisions: &RevArg,
        target: &RevArg,
        assert_relative_length: bool,
    ) -> Result<Vec<Item>> {
        let Some(m) = target.as_str().and_then(match_relative) else {
            return self.get_revision_items(target);
        };
        let rel = m.rel();
        let relative = rel.value();
        let branch_label = m.branch_label.clone().filter(|l| !l.is_empty());
        if relative <= 0 {
            let Some(symbol) = m.symbol.clone() else {
                // Alembic formats the parsed int here, not the text as written.
                return Err(didnt_produce(&rel.text(), rel.abs_text()));
            };
            let start_arg = match &m.branch_label {
                None => RevArg::Str(symbol),
                Some(label) => RevArg::Str(format!("{label}@{symbol}")),
            };
            let start = self
                .get_revision_idx(&start_arg)?
                .map_or(Item::None, Item::Rev);
            return Ok(vec![self.walk(
                start,
                relative,
                None,
                assert_relative_length,
            )?]);
        }
        if let Some(symbol) = m.symbol.clone() {
            // Relative to a named revision, not to the current state.
            let start = self
                .get_revision_idx(&RevArg::Str(symbol))?
                .map_or(Item::None, Item::Rev);
            return Ok(vec![self.walk(
                start,
                relative,
                branch_label.as_deref(),
                assert_relative_length,
            )?]);
        }
        let current: Vec<Option<String>> = match current_revisions.to_tuple() {
            Some(v) if !v.is_empty() => v.into_iter().map(Some).collect(),
            _ => vec![None],
        };
        let current_arg = RevArg::Tuple(current.iter().flatten().cloned().collect());
        let mut start_revs: Vec<Item> = current
            .iter()
            .map(|c| c.clone().map_or(Item::None, Item::Str))
            .collect();
        if let Some(label) = &branch_label {
            let label_arg = RevArg::Str(label.clone());
            let current_items = self.get_revision_items(&current_arg)?;
            start_revs = self.filter_items_for_lineage(&current_items, &label_arg, false)?;
            if start_revs.is_empty() {
                // The branch is not at a head: start from the tips of its active part.
                let ancestors = self.ancestor_nodes(&current_items, false, true)?;
                let anc_items: Vec<Item> = ancestors.into_iter().map(Item::Rev).collect();
                let active = self.filter_items_for_lineage(&anc_items, &label_arg, false)?;
                let mut downs: HashSet<String> = HashSet::default();
                for a in &active {
                    downs.extend(
                        self.revs[a.expect_rev()?]
                            .normalized_down_revisions()
                            .iter()
                            .cloned(),
                    );
                }
                let mut tips: Vec<String> = Vec::new();
                for a in &active {
                    let id = &self.revs[a.expect_rev()?].revision;
                    if !downs.contains(id) && !tips.contains(id) {
                        tips.push(id.clone());
                    }
                }
                start_revs = tips.into_iter().map(Item::Str).collect();
                if start_revs.is_empty() {
                    start_revs = vec![Item::None];
                }
            }
        }
        if start_revs.len() > 1 {
            return Err(RevisionMapError::msg(
                "Ambiguous upgrade from multiple current revisions",
            ));
        }
        let start = start_revs.into_iter().next().unwrap_or(Item::None);
        let rev = self.walk(
            start,
            relative,
            branch_label.as_deref(),
            assert_relative_length,
        )?;
        if rev == Item::None {
            return Err(didnt_produce(&m.relative, rel.abs_text()));
        }
        Ok(vec![rev])
    }

    /// `_collect_downgrade_revisions`: the revisions to drop and the current heads.
    fn collect_downgrade_revisions(
        &self,
        upper: &RevArg,
        lower: &RevArg,
        inclusive: bool,
        implicit_base: bool,
        assert_relative_length: bool,
    ) -> Result<(HashSet<usize>, Vec<Item>)> {
        let (branch_label, target) =
            self.parse_downgrade_target(upper, lower, assert_relative_length)?;
        let target_revision: Option<usize> = match target {
            Item::Rev(i) => Some(i),
            Item::None => None,
            t if t.is_base() => None,
            _ => return Err(RevisionMapError::assertion()),
        };
        let mut roots: Vec<Item> = match target_revision {
            // Down to base: every root, visiting dict values (branch-label keys included).
            None => self
                .keys
                .values()
                .filter(|k| self.revs[k.idx].is_base())
                .map(|k| Item::Rev(k.idx))
                .collect(),
            Some(t) if inclusive => vec![Item::Rev(t)],
            Some(t) => {
                let mut roots = Vec::new();
                let next = RevArg::Tuple(self.revs[t].nextrev.clone());
                for r in self.get_revision_items(&next)? {
                    roots.push(Item::Rev(r.expect_rev()?));
                }
                roots
            }
        };
        if let Some(label) = branch_label.as_deref().filter(|l| !l.is_empty())
            && roots.len() > 1
        {
            let branch = self.resolve_branch(label)?.map_or(Item::None, Item::Rev);
            let ancestors: HashSet<&str> = self
                .ancestor_nodes(&[branch], false, false)?
                .into_iter()
                .map(|i| self.revs[i].revision.as_str())
                .collect();
            let mut kept: Vec<String> = Vec::new();
            for r in &roots {
                let id = &self.revs[r.expect_rev()?].revision;
                if ancestors.contains(id.as_str()) && !kept.contains(id) {
                    kept.push(id.clone());
                }
            }
            roots = Vec::new();
            for r in self.get_revision_items(&RevArg::Tuple(kept))? {
                roots.push(Item::Rev(r.expect_rev()?));
            }
            if roots.is_empty() {
                return Err(RevisionMapError::msg(
                    "Not a valid downgrade target from current heads",
                ));
            }
        }
        let heads = self.get_revision_items(upper)?;
        let mut downgrade: HashSet<usize> = self
            .descendant_nodes(&roots, false, true)?
            .into_iter()
            .collect();
        let active: HashSet<usize> = self
            .ancestor_nodes(&heads, false, true)?
            .into_iter()
            .collect();
        downgrade.retain(|r| active.contains(r));
        if implicit_base {
            // Wind the other branches back to base too.
            let root_ancestors: HashSet<usize> = self
                .ancestor_nodes(&roots, false, true)?
                .into_iter()
                .collect();
            downgrade.extend(active.difference(&root_ancestors));
        }
        if let Some(t) = target_revision
            && downgrade.is_empty()
            && !heads.contains(&Item::Rev(t))
        {
            return Err(RevisionMapError::RangeNotAncestorError {
                lower: RevArg::Str("Nothing to drop".into()),
                upper: upper.clone(),
            });
        }
        Ok((downgrade, heads))
    }

    /// `_collect_upgrade_revisions`: the revisions needed to reach `upper` from `lower`, and
    /// the targets.
    fn collect_upgrade_revisions(
        &self,
        upper: &RevArg,
        lower: &RevArg,
        inclusive: bool,
        implicit_base: bool,
        assert_relative_length: bool,
    ) -> Result<(HashSet<usize>, Vec<Item>)> {
        let mut targets: Vec<Item> = Vec::new();
        for t in self.parse_upgrade_target(lower, upper, assert_relative_length)? {
            targets.push(Item::Rev(t.expect_rev()?));
        }
        // `branch@...` as the lower bound keeps only targets on that branch. (Alembic builds
        // a set here; target order is kept, which only shows in an overlap error's text.)
        if let Some(l) = lower.as_str()
            && let Some((branch, _)) = l.split_once('@')
        {
            let mut branch = branch.to_string();
            if let Some(b) = self.get_revision_idx(&RevArg::Str(branch.clone()))?
                && self.revs[b].revision == branch
            {
                // A revision was used as the label: use its branch instead.
                let labels = &self.revs[b].branch_labels;
                if labels.len() != 1 {
                    return Err(RevisionMapError::assertion());
                }
                branch = labels[0].clone();
            }
            let mut kept: Vec<Item> = Vec::new();
            for t in targets {
                if self.revs[t.expect_rev()?].branch_labels.contains(&branch) && !kept.contains(&t)
                {
                    kept.push(t);
                }
            }
            targets = kept;
        }
        let mut required: HashSet<usize> = self
            .ancestor_nodes(&targets, true, true)?
            .into_iter()
            .collect();
        for t in &targets {
            required.insert(t.expect_rev()?);
        }
        let mut current = self.get_revision_items(lower)?;
        if !implicit_base
            && current.iter().any(|r| match r {
                Item::Rev(i) => !required.contains(i),
                Item::Str(_) => true,
                Item::None => false,
            })
        {
            return Err(RevisionMapError::RangeNotAncestorError {
                lower: lower.clone(),
                upper: upper.clone(),
            });
        }
        let mut lower = lower.clone();
        // A relative lower bound that `get_revisions` could not place.
        if current.first() == Some(&Item::None) {
            let (_, rev) = self.parse_downgrade_target(upper, &lower, assert_relative_length)?;
            match rev {
                Item::None => return Err(RevisionMapError::assertion()),
                r if r.is_base() => {
                    current = Vec::new();
                    lower = RevArg::None;
                }
                Item::Rev(i) => {
                    current = vec![Item::Rev(i)];
                    lower = RevArg::Str(self.revs[i].revision.clone());
                }
                Item::Str(s) => {
                    return Err(RevisionMapError::PythonException {
                        class: "AttributeError",
                        message: format!("'str' object has no attribute 'revision' ({s})"),
                    });
                }
            }
        }
        // (Any `"base"`/`None` left in `current` fails Alembic's `is_revision` assert here.)
        let mut current_nodes: HashSet<usize> = self
            .ancestor_nodes(&current, true, true)?
            .into_iter()
            .collect();
        for c in &current {
            current_nodes.insert(c.expect_rev()?);
        }
        let mut needs: HashSet<usize> = required.difference(&current_nodes).copied().collect();
        if inclusive {
            for r in self.get_revision_items(&lower)? {
                needs.insert(r.expect_rev()?);
            }
        }
        if !current.is_empty() && !implicit_base {
            let mut cur = Vec::new();
            for c in &current {
                cur.push(Item::Rev(c.expect_rev()?));
            }
            let lower_descendants: HashSet<usize> = self
                .descendant_nodes(&cur, true, false)?
                .into_iter()
                .collect();
            needs.retain(|n| lower_descendants.contains(n));
        }
        Ok((needs, targets))
    }

    /// `iterate_revisions(upper, lower, implicit_base, inclusive, assert_relative_length,
    /// select_for_downgrade)`, collected.
    pub(crate) fn iterate_revision_idx(
        &self,
        upper: &RevArg,
        lower: &RevArg,
        opts: IterateOptions,
    ) -> Result<Vec<usize>> {
        let (revisions, heads) = if opts.select_for_downgrade {
            self.collect_downgrade_revisions(
                upper,
                lower,
                opts.inclusive,
                opts.implicit_base,
                opts.assert_relative_length,
            )?
        } else {
            self.collect_upgrade_revisions(
                upper,
                lower,
                opts.inclusive,
                opts.implicit_base,
                opts.assert_relative_length,
            )?
        };
        let order = self.topological_sort(&revisions, &heads)?;
        let mut out = Vec::with_capacity(order.len());
        for id in order {
            let rev = self
                .get_revision_idx(&RevArg::Str(id))?
                .ok_or_else(RevisionMapError::assertion)?;
            out.push(rev);
        }
        Ok(out)
    }

    /// `_topological_sort(revisions, heads)`: revision ids with every revision before its
    /// down revisions and dependencies, walking one branch at a time from the heads in dict
    /// order, and not leaving a branch point until every branch above it is done.
    fn topological_sort(&self, revisions: &HashSet<usize>, heads: &[Item]) -> Result<Vec<String>> {
        let mut todo: HashSet<&str> = revisions
            .iter()
            .map(|i| self.revs[*i].revision.as_str())
            .collect();
        let mut head_ids: Vec<&str> = Vec::new();
        for h in heads {
            let id = match h {
                Item::Rev(i) => self.revs[*i].revision.as_str(),
                _ => {
                    return Err(RevisionMapError::PythonException {
                        class: "AttributeError",
                        message: "object has no attribute 'revision'".into(),
                    });
                }
            };
            if todo.contains(id) && !head_ids.contains(&id) {
                head_ids.push(id);
            }
        }
        head_ids.sort_by_key(|id| self.keys.get_index_of(*id).unwrap_or(usize::MAX));
        // Alembic keeps each head's ancestors as a set of ids; ids here are only ever
        // reached through dict lookups, so a flag per arena index of the revision an id
        // names is the same set.
        let n = self.revs.len();
        let ancestors_of = |id: &str| -> Result<Vec<bool>> {
            let start = self.key_idx(id).map_or(Item::None, Item::Rev);
            let mut flags = vec![false; n];
            for i in self.ancestor_nodes(&[start], false, true)? {
                flags[i] = true;
            }
            Ok(flags)
        };
        let contains = |flags: &[bool], id: &str| self.key_idx(id).is_some_and(|i| flags[i]);
        let mut current_heads: Vec<&str> = head_ids;
        let mut ancestors_by_idx: Vec<Vec<bool>> = current_heads
            .iter()
            .map(|h| ancestors_of(h))
            .collect::<Result<_>>()?;
        let mut output: Vec<String> = Vec::new();
        let mut cur = 0usize;
        while !current_heads.is_empty() {
            let candidate = current_heads[cur];
            // Another head still depends on this one: that head has to be walked first.
            if let Some(other) = ancestors_by_idx
                .iter()
                .enumerate()
                .position(|(i, anc)| i != cur && contains(anc, candidate))
            {
                cur = other;
                continue;
            }
            if todo.remove(candidate) {
                output.push(candidate.to_string());
            }
            let cidx = self
                .key_idx(candidate)
                .ok_or_else(|| RevisionMapError::KeyError {
                    key: candidate.to_string(),
                })?;
            let crev = &self.revs[cidx];
            let heads_to_add: Vec<&str> = crev
                .normalized_down_revisions()
                .iter()
                .filter_map(|r| todo.get(r.as_str()).copied())
                .filter(|r| !current_heads.contains(r))
                .collect();
            if heads_to_add.is_empty() {
                current_heads.remove(cur);
                ancestors_by_idx.remove(cur);
                cur = cur.saturating_sub(1);
            } else if crev.normalized_resolved_dependencies.is_empty()
                && crev.versioned_down.len() == 1
            {
                // Plain movement down a line: the ancestors only lose the emitted revision.
                current_heads[cur] = heads_to_add[0];
                ancestors_by_idx[cur][cidx] = false;
            } else {
                current_heads[cur] = heads_to_add[0];
                current_heads.extend(&heads_to_add[1..]);
                ancestors_by_idx[cur] = ancestors_of(heads_to_add[0])?;
                for h in &heads_to_add[1..] {
                    ancestors_by_idx.push(ancestors_of(h)?);
                }
            }
        }
        if !todo.is_empty() {
            return Err(RevisionMapError::assertion());
        }
        Ok(output)
    }

    /// `_get_all_current(id_)`: the given revisions plus their ancestors, reduced to those
    /// with no descendant in the set. Alembic returns a set; this is in load order.
    pub(crate) fn get_all_current_idx(&self, id: &RevArg) -> Result<Vec<usize>> {
        let top = self.get_revision_items(id)?;
        let mut set: Vec<Item> = Vec::new();
        for t in top {
            if !set.contains(&t) {
                set.push(t);
            }
        }
        let ancestors = self.ancestor_nodes(&set, false, true)?;
        let mut all: HashSet<usize> = HashSet::default();
        for t in &set {
            // `assert rev` in `_filter_into_branch_heads`.
            match t {
                Item::Rev(i) => {
                    all.insert(*i);
                }
                Item::None => return Err(RevisionMapError::assertion()),
                Item::Str(_) => {
                    return Err(RevisionMapError::assertion());
                }
            }
        }
        all.extend(ancestors);
        let mut sorted: Vec<usize> = all.iter().copied().collect();
        sorted.sort_unstable();
        let mut kept = Vec::new();
        for &rev in &sorted {
            let desc = self.descendant_nodes(&[Item::Rev(rev)], false, false)?;
            if !desc.iter().any(|d| *d != rev && all.contains(d)) {
                kept.push(rev);
            }
        }
        Ok(kept)
    }
}

/// The keyword arguments of `RevisionMap.iterate_revisions`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IterateOptions {
    pub implicit_base: bool,
    pub inclusive: bool,
    pub assert_relative_length: bool,
    pub select_for_downgrade: bool,
}

impl Default for IterateOptions {
    /// Alembic's defaults: `implicit_base=False, inclusive=False,
    /// assert_relative_length=True, select_for_downgrade=False`.
    fn default() -> Self {
        IterateOptions {
            implicit_base: false,
            inclusive: false,
            assert_relative_length: true,
            select_for_downgrade: false,
        }
    }
}
