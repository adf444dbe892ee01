//! Turning revision arguments into revisions: `_resolve_revision_number`, `get_revisions`,
//! `get_revision`, `_revision_for_ident` (with partial-id matching), `_resolve_branch`,
//! `filter_for_lineage`, `_shares_lineage`, `get_current_head` and `_walk`.

use rustc_hash::FxHashSet as HashSet;

use super::error::Result;
use super::pystr::PyInt;
use super::{Item, RevArg, RevisionMap, RevisionMapError};

impl RevisionMap {
    /// `_resolve_revision_number(id_)`: the revision ids an argument names, and the branch
    /// label given with `label@...`.
    pub(crate) fn resolve_number(&self, id: &RevArg) -> Result<(Vec<String>, Option<String>)> {
        let (branch_label, id) = match id {
            RevArg::Tuple(v) => return Ok((v.clone(), None)),
            RevArg::None => (None, None),
            RevArg::Str(s) => match s.split_once('@') {
                Some((label, rest)) => (Some(label.to_string()), Some(rest)),
                None => (None, Some(s.as_str())),
            },
        };
        let label_truthy = branch_label.as_deref().is_some_and(|l| !l.is_empty());
        match id {
            Some("heads") => {
                if label_truthy {
                    let label = branch_label.clone().unwrap_or_default();
                    let targets: Vec<Item> =
                        self.heads.iter().map(|h| Item::Str(h.clone())).collect();
                    let filtered =
                        self.filter_items_for_lineage(&targets, &RevArg::Str(label), false)?;
                    Ok((items_to_strings(filtered), branch_label))
                } else {
                    Ok((self.real_heads.clone(), branch_label))
                }
            }
            Some("head") => {
                let head = self.current_head(branch_label.as_deref())?;
                Ok((head.into_iter().collect(), branch_label))
            }
            Some("base") | None => Ok((Vec::new(), branch_label)),
            Some(other) => Ok((vec![other.to_string()], branch_label)),
        }
    }

    /// `get_current_head(branch_label)`.
    pub(crate) fn current_head(&self, branch_label: Option<&str>) -> Result<Option<String>> {
        let mut current: Vec<String> = self.heads.clone();
        let label = branch_label.filter(|l| !l.is_empty());
        if let Some(label) = label {
            let targets: Vec<Item> = current.iter().map(|h| Item::Str(h.clone())).collect();
            current = items_to_strings(self.filter_items_for_lineage(
                &targets,
                &RevArg::Str(label.to_string()),
                false,
            )?);
        }
        if current.len() > 1 {
            let argument = match label {
                Some(l) => format!("{l}@head"),
                None => "head".to_string(),
            };
            return Err(RevisionMapError::MultipleHeads {
                heads: current,
                argument: RevArg::Str(argument),
            });
        }
        Ok(current.into_iter().next())
    }

    /// `get_revisions(id_)`.
    pub(crate) fn get_revision_items(&self, id: &RevArg) -> Result<Vec<Item>> {
        if let RevArg::Tuple(v) = id {
            let mut out = Vec::new();
            for elem in v {
                out.extend(self.get_revision_items(&RevArg::Str(elem.clone()))?);
            }
            return Ok(out);
        }
        let (resolved, branch_label) = self.resolve_number(id)?;
        if resolved.len() == 1
            && let Some(n) = PyInt::parse(&resolved[0])
            && n.value() < 0
        {
            // `label@-n` / `-n`: walk down from every (real) head, or only those on the branch.
            let mut select_heads = self.get_revision_items(&RevArg::Str("heads".into()))?;
            if let Some(label) = &branch_label {
                let mut kept = Vec::new();
                for head in select_heads {
                    let idx = head.expect_rev()?;
                    if self.revs[idx].branch_labels.contains(label) {
                        kept.push(head);
                    }
                }
                select_heads = kept;
            }
            return select_heads
                .into_iter()
                .map(|head| self.walk(head, n.value(), None, true))
                .collect();
        }
        resolved
            .iter()
            .map(|r| {
                Ok(self
                    .revision_for_ident(Some(r), branch_label.as_deref())?
                    .map_or(Item::None, Item::Rev))
            })
            .collect()
    }

    /// `get_revision(id_)`.
    pub(crate) fn get_revision_idx(&self, id: &RevArg) -> Result<Option<usize>> {
        let (resolved, branch_label) = self.resolve_number(id)?;
        if resolved.len() > 1 {
            return Err(RevisionMapError::MultipleHeads {
                heads: resolved,
                argument: id.clone(),
            });
        }
        self.revision_for_ident(
            resolved.first().map(String::as_str),
            branch_label.as_deref(),
        )
    }

    /// `_resolve_branch(branch_label)`.
    pub(crate) fn resolve_branch(&self, branch_label: &str) -> Result<Option<usize>> {
        if let Some(idx) = self.key_idx(branch_label) {
            return Ok(Some(idx));
        }
        match self.revision_for_ident(Some(branch_label), None) {
            Err(RevisionMapError::ResolutionError { .. }) => Err(RevisionMapError::resolution(
                format!("No such branch: '{branch_label}'"),
                branch_label,
            )),
            other => other,
        }
    }

    /// `_revision_for_ident(resolved_id, check_branch)`; `None` stands for Alembic's `()`.
    pub(crate) fn revision_for_ident(
        &self,
        resolved_id: Option<&str>,
        check_branch: Option<&str>,
    ) -> Result<Option<usize>> {
        let check_branch = check_branch.filter(|b| !b.is_empty());
        let branch_rev = match check_branch {
            Some(b) => self.resolve_branch(b)?,
            None => None,
        };
        let revision = match resolved_id {
            None => None,
            Some(id) => match self.key_idx(id) {
                Some(idx) => Some(idx),
                None => Some(self.partial_match(id, branch_rev, check_branch)?),
            },
        };
        if let (Some(branch), Some(rev)) = (check_branch, revision) {
            let branch_id = branch_rev
                .map(|b| self.revs[b].revision.clone())
                .ok_or_else(RevisionMapError::assertion)?;
            let rev_id = self.revs[rev].revision.clone();
            if !self.shares_lineage(&Item::Str(rev_id.clone()), &[branch_id], false)? {
                return Err(RevisionMapError::resolution(
                    format!("Revision {rev_id} is not a member of branch '{branch}'"),
                    resolved_id.unwrap_or_default(),
                ));
            }
        }
        Ok(revision)
    }

    /// The partial-identifier branch of `_revision_for_ident`: every `_revision_map` key
    /// (revision ids and branch labels alike) longer than three characters that starts with
    /// the text.
    fn partial_match(
        &self,
        id: &str,
        branch_rev: Option<usize>,
        check_branch: Option<&str>,
    ) -> Result<usize> {
        if id.is_empty() {
            return Err(RevisionMapError::assertion());
        }
        let mut revs: Vec<String> = self
            .keys
            .keys()
            .filter(|k| k.chars().count() > 3 && k.starts_with(id))
            .cloned()
            .collect();
        if branch_rev.is_some() {
            let targets: Vec<Item> = revs.into_iter().map(Item::Str).collect();
            let check = RevArg::Str(check_branch.unwrap_or_default().to_string());
            revs = items_to_strings(self.filter_items_for_lineage(&targets, &check, false)?);
        }
        match revs.len() {
            0 => {
                let hint = if id.chars().count() < 4 {
                    "; please ensure at least four characters are present for partial \
                     revision identifier matches"
                } else {
                    ""
                };
                Err(RevisionMapError::resolution(
                    format!("No such revision or branch '{id}'{hint}"),
                    id,
                ))
            }
            1 => self
                .key_idx(&revs[0])
                .ok_or_else(|| RevisionMapError::KeyError {
                    key: revs[0].clone(),
                }),
            _ => {
                let shown: Vec<String> = revs.iter().take(3).map(|r| format!("'{r}'")).collect();
                Err(RevisionMapError::resolution(
                    format!(
                        "Multiple revisions start with '{id}': {}...",
                        shown.join(", ")
                    ),
                    id,
                ))
            }
        }
    }

    /// `filter_for_lineage(targets, check_against, include_dependencies)`.
    pub(crate) fn filter_items_for_lineage(
        &self,
        targets: &[Item],
        check_against: &RevArg,
        include_dependencies: bool,
    ) -> Result<Vec<Item>> {
        let (ids, branch_label) = self.resolve_number(check_against)?;
        let mut shares: Vec<String> = Vec::new();
        if let Some(l) = branch_label.filter(|l| !l.is_empty()) {
            shares.push(l);
        }
        shares.extend(ids);
        let mut out = Vec::new();
        for t in targets {
            if self.shares_lineage(t, &shares, include_dependencies)? {
                out.push(t.clone());
            }
        }
        Ok(out)
    }

    /// `_shares_lineage(target, test_against_revs, include_dependencies)`.
    pub(crate) fn shares_lineage(
        &self,
        target: &Item,
        test_against: &[String],
        include_dependencies: bool,
    ) -> Result<bool> {
        if test_against.is_empty() {
            return Ok(true);
        }
        let resolved_target = match target {
            Item::Rev(i) => *i,
            Item::Str(s) => self
                .revision_for_ident(Some(s), None)?
                .ok_or_else(RevisionMapError::assertion)?,
            Item::None => return Err(RevisionMapError::assertion()),
        };
        let mut against: HashSet<usize> = HashSet::default();
        for t in test_against {
            if let Some(idx) = self.revision_for_ident(Some(t), None)? {
                against.insert(idx);
            }
        }
        let target = [Item::Rev(resolved_target)];
        let desc = self.descendant_nodes(&target, false, include_dependencies)?;
        let anc = self.ancestor_nodes(&target, false, include_dependencies)?;
        Ok(desc.iter().chain(&anc).any(|r| against.contains(r)))
    }

    /// `_walk(start, steps, branch_label, no_overwalk)`. A string start is resolved with
    /// `get_revision`; the result is a revision, `"base"`, or `None` when the walk ran off
    /// the graph with `no_overwalk`.
    pub(crate) fn walk(
        &self,
        start: Item,
        steps: i64,
        branch_label: Option<&str>,
        no_overwalk: bool,
    ) -> Result<Item> {
        let mut initial = match start {
            Item::Str(s) => self
                .get_revision_idx(&RevArg::Str(s))?
                .map_or(Item::None, Item::Rev),
            other => other,
        };
        for _ in 0..steps.unsigned_abs() {
            let children: Vec<Item> = if steps > 0 {
                let next = match &initial {
                    Item::None => RevArg::Tuple(self.bases.clone()),
                    Item::Rev(i) => RevArg::Tuple(self.revs[*i].nextrev.clone()),
                    Item::Str(_) => return Err(RevisionMapError::assertion()),
                };
                let mut walk_up = Vec::new();
                for item in self.get_revision_items(&next)? {
                    walk_up.push(Item::Rev(item.expect_rev()?));
                }
                match branch_label.filter(|l| !l.is_empty()) {
                    Some(label) => self.filter_items_for_lineage(
                        &walk_up,
                        &RevArg::Str(label.to_string()),
                        false,
                    )?,
                    None => walk_up,
                }
            } else if initial.is_base() {
                Vec::new()
            } else {
                let down = match &initial {
                    Item::None => RevArg::Tuple(self.heads.clone()),
                    Item::Rev(i) => RevArg::from(&self.revs[*i].down_revision),
                    Item::Str(s) => {
                        return Err(RevisionMapError::PythonException {
                            class: "AttributeError",
                            message: format!("'str' object has no attribute 'down_revision' ({s})"),
                        });
                    }
                };
                let children = self.get_revision_items(&down)?;
                if children.is_empty() {
                    vec![Item::base()]
                } else {
                    children
                }
            };
            match children.len() {
                0 => return Ok(if no_overwalk { Item::None } else { initial }),
                1 => initial = children.into_iter().next().unwrap_or(Item::None),
                _ => return Err(RevisionMapError::msg("Ambiguous walk")),
            }
        }
        Ok(initial)
    }
}

/// The revision-id strings of lineage-filter results whose targets were all strings.
fn items_to_strings(items: Vec<Item>) -> Vec<String> {
    items
        .into_iter()
        .filter_map(|i| match i {
            Item::Str(s) => Some(s),
            _ => None,
        })
        .collect()
}
