//! The `ScriptDirectory` methods that are pure revision-graph logic, each under
//! `_catch_revision_errors` with Alembic's parameters, so their errors carry the exact
//! `CommandError` text.

use rustc_hash::FxHashSet as HashSet;

use super::collect::IterateOptions;
use super::error::{CatchContext, Result, ScriptError, catching};
use super::{Item, RevArg, Revision, RevisionMap, RevisionMapError, RevisionOrBase};
use crate::script::RevRef;

/// One `alembic.runtime.migration.StampStep` as `ScriptDirectory._stamp_revs` creates it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StampStep {
    pub from_: Vec<String>,
    pub to_: Vec<String>,
    pub is_upgrade: bool,
    pub branch_move: bool,
}

/// `ScriptDirectory`'s revision methods over a built map.
#[derive(Clone, Copy, Debug)]
pub struct ScriptDirectoryOps<'a> {
    map: &'a RevisionMap,
}

impl RevisionMap {
    /// The `ScriptDirectory`-level operations (errors as `CommandError` text).
    pub fn script_directory(&self) -> ScriptDirectoryOps<'_> {
        ScriptDirectoryOps { map: self }
    }
}

fn end_ctx(end: &RevArg) -> CatchContext {
    CatchContext {
        end: Some(end.clone()),
        ..CatchContext::default()
    }
}

impl<'a> ScriptDirectoryOps<'a> {
    /// `walk_revisions(base, head)`: every revision from `head` down to `base` inclusive
    /// (Alembic's defaults are `"base"` and `"heads"`).
    pub fn walk_revisions(
        &self,
        base: &RevArg,
        head: &RevArg,
    ) -> Result<Vec<&'a Revision>, ScriptError> {
        let ctx = CatchContext {
            start: Some(base.clone()),
            end: Some(head.clone()),
            ..CatchContext::default()
        };
        let opts = IterateOptions {
            inclusive: true,
            assert_relative_length: false,
            ..IterateOptions::default()
        };
        catching(&ctx, || self.map.iterate_revisions(head, base, opts))
    }

    /// `get_revisions(id_)`.
    pub fn get_revisions(
        &self,
        id: &RevArg,
    ) -> Result<Vec<Option<RevisionOrBase<'a>>>, ScriptError> {
        catching(&CatchContext::default(), || self.map.get_revisions(id))
    }

    fn get_revision_items(&self, id: &RevArg) -> Result<Vec<Item>, ScriptError> {
        catching(&CatchContext::default(), || self.map.get_revision_items(id))
    }

    /// `get_revision(id_)`.
    pub fn get_revision(&self, id: &RevArg) -> Result<Option<&'a Revision>, ScriptError> {
        catching(&CatchContext::default(), || self.map.get_revision(id))
    }

    /// `get_all_current(id_)`.
    pub fn get_all_current(&self, id: &RevArg) -> Result<Vec<&'a Revision>, ScriptError> {
        catching(&CatchContext::default(), || self.map.get_all_current(id))
    }

    /// `as_revision_number(id_)`: `None` for base, a tuple for `"heads"`, else one id.
    pub fn as_revision_number(&self, id: &RevArg) -> Result<RevRef, ScriptError> {
        let (rev, _) = catching(&CatchContext::default(), || self.map.resolve_number(id))?;
        Ok(if rev.is_empty() {
            RevRef::None
        } else if id.as_str() == Some("heads") {
            RevRef::Many(rev)
        } else {
            RevRef::One(rev[0].clone())
        })
    }

    /// `get_current_head()`.
    pub fn get_current_head(&self) -> Result<Option<String>, ScriptError> {
        let ctx = CatchContext {
            multiple_heads: Some(
                "The script directory has multiple heads (due to branching).Please use \
                 get_heads(), or merge the branches using alembic merge."
                    .into(),
            ),
            ..CatchContext::default()
        };
        catching(&ctx, || self.map.get_current_head(None))
    }

    /// `get_heads(consider_depends_on)`.
    pub fn get_heads(&self, consider_depends_on: bool) -> Vec<String> {
        if consider_depends_on {
            self.map.real_heads.clone()
        } else {
            self.map.heads.clone()
        }
    }

    /// `get_bases()`.
    pub fn get_bases(&self) -> Vec<String> {
        self.map.bases.clone()
    }

    /// `get_base()`.
    pub fn get_base(&self) -> Result<Option<String>, ScriptError> {
        let bases = self.get_bases();
        if bases.len() > 1 {
            return Err(ScriptError::Command(
                "The script directory has multiple bases. Please use get_bases().".into(),
            ));
        }
        Ok(bases.into_iter().next())
    }

    /// `_upgrade_revs(destination, current_rev)`: the scripts to run, in upgrade order
    /// (`destination` may name several revisions, as Alembic accepts).
    pub fn upgrade_revs(
        &self,
        destination: &RevArg,
        current_rev: &RevArg,
    ) -> Result<Vec<&'a Revision>, ScriptError> {
        let ctx = CatchContext {
            ancestor: Some(
                "Destination %(end)s is not a valid upgrade target from current head(s)".into(),
            ),
            ..end_ctx(destination)
        };
        let opts = IterateOptions {
            implicit_base: true,
            ..IterateOptions::default()
        };
        let mut revs = catching(&ctx, || {
            self.map.iterate_revisions(destination, current_rev, opts)
        })?;
        revs.reverse();
        Ok(revs)
    }

    /// `_downgrade_revs(destination, current_rev)`: the scripts to run, in downgrade order.
    pub fn downgrade_revs(
        &self,
        destination: &RevArg,
        current_rev: &RevArg,
    ) -> Result<Vec<&'a Revision>, ScriptError> {
        let ctx = CatchContext {
            ancestor: Some(
                "Destination %(end)s is not a valid downgrade target from current head(s)".into(),
            ),
            ..end_ctx(destination)
        };
        let opts = IterateOptions {
            select_for_downgrade: true,
            ..IterateOptions::default()
        };
        catching(&ctx, || {
            self.map.iterate_revisions(current_rev, destination, opts)
        })
    }

    /// `_stamp_revs(revision, heads)`: the stamp steps moving the version table from `heads`
    /// to `revision`.
    pub fn stamp_revs(
        &self,
        revision: &RevArg,
        heads: &RevArg,
    ) -> Result<Vec<StampStep>, ScriptError> {
        let ctx = CatchContext {
            multiple_heads: Some(
                "Multiple heads are present; please specify a single target revision".into(),
            ),
            ..CatchContext::default()
        };
        // `self.get_revisions` inside the block has its own default handler, whose
        // `CommandError` passes through the outer one untouched.
        let heads_revs = self.get_revision_items(heads)?;
        let revision = if revision.is_truthy() {
            revision.clone()
        } else {
            RevArg::Str("base".into())
        };
        let mut filtered: Vec<Item> = Vec::new();
        for rev in revision.to_tuple().unwrap_or_default() {
            if rev.is_empty() {
                continue;
            }
            let kept = catching(&ctx, || {
                self.map
                    .filter_items_for_lineage(&heads_revs, &RevArg::Str(rev.clone()), true)
            })?;
            for k in kept {
                if !filtered.contains(&k) {
                    filtered.push(k);
                }
            }
        }
        let head_ids = |filtered: &[Item]| -> Result<Vec<String>, ScriptError> {
            filtered
                .iter()
                .map(|h| match h {
                    Item::Rev(i) => Ok(self.map.revs[*i].revision.clone()),
                    _ => Err(ScriptError::Uncaught(RevisionMapError::PythonException {
                        class: "AttributeError",
                        message: "object has no attribute 'revision'".into(),
                    })),
                })
                .collect()
        };
        let mut dests = self.get_revision_items(&revision)?;
        if dests.is_empty() {
            dests.push(Item::None);
        }
        let mut steps = Vec::new();
        for dest in dests {
            let dest_idx = match dest {
                Item::None => {
                    // To base: a "delete branch" step for every applicable head.
                    for id in head_ids(&filtered)? {
                        steps.push(StampStep {
                            from_: vec![id],
                            to_: Vec::new(),
                            is_upgrade: false,
                            branch_move: true,
                        });
                    }
                    continue;
                }
                d if filtered.contains(&d) => continue,
                d => d,
            };
            let (descendants, ancestors) = catching(&ctx, || {
                let d = self
                    .map
                    .descendant_nodes(std::slice::from_ref(&dest_idx), false, true)?;
                let a = self
                    .map
                    .ancestor_nodes(std::slice::from_ref(&dest_idx), false, true)?;
                Ok((
                    d.into_iter().collect::<HashSet<usize>>(),
                    a.into_iter().collect::<HashSet<usize>>(),
                ))
            })?;
            let dest_id = match dest_idx {
                Item::Rev(i) => self.map.revs[i].revision.clone(),
                _ => return Err(ScriptError::Uncaught(RevisionMapError::assertion())),
            };
            let hits = |set: &HashSet<usize>| {
                filtered
                    .iter()
                    .any(|h| matches!(h, Item::Rev(i) if set.contains(i)))
            };
            let step = if hits(&descendants) {
                // Heads are above the target: a downgrade, done as one "merge" step.
                if hits(&ancestors) {
                    return Err(ScriptError::Uncaught(RevisionMapError::assertion()));
                }
                StampStep {
                    from_: head_ids(&filtered)?,
                    to_: vec![dest_id],
                    is_upgrade: false,
                    branch_move: false,
                }
            } else if hits(&ancestors) {
                StampStep {
                    from_: head_ids(&filtered)?,
                    to_: vec![dest_id],
                    is_upgrade: true,
                    branch_move: false,
                }
            } else {
                // A branch not represented in the version table: a new branch.
                StampStep {
                    from_: Vec::new(),
                    to_: vec![dest_id],
                    is_upgrade: true,
                    branch_move: true,
                }
            };
            steps.push(step);
        }
        Ok(steps)
    }
}
