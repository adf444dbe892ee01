//! `RevisionStep` / `StampStep` and `HeadMaintainer` of `alembic.runtime.migration`, and the
//! version table's statements as SQLAlchemy compiles them for PostgreSQL.

use crate::ddl::IdentifierPreparer;
use crate::pystr::{py_repr, py_tuple_repr};
use crate::script::revision::{RevArg, Revision, RevisionMap, StampStep};

use super::RuntimeError;
use super::log::LogRecord;

/// The version table (`DefaultImpl.version_table_impl`) and the statements written to it.
#[derive(Clone, Debug)]
pub struct VersionTable {
    /// The table as SQL text (`schema.name`, each part quoted when needed).
    qualified: String,
    /// `"<version_table>_pkc"`, quoted, when the table has its primary key.
    pk_name: Option<String>,
}

impl VersionTable {
    pub fn new(
        preparer: &IdentifierPreparer,
        version_table: &str,
        version_table_schema: Option<&str>,
        version_table_pk: bool,
    ) -> Self {
        VersionTable {
            qualified: preparer.format_qualified(version_table_schema, version_table),
            pk_name: version_table_pk.then(|| preparer.quote(&format!("{version_table}_pkc"))),
        }
    }

    /// `CREATE TABLE` (without terminator).
    pub fn create(&self) -> String {
        match &self.pk_name {
            Some(pk) => format!(
                "CREATE TABLE {} (\n    version_num VARCHAR(32) NOT NULL, \n    \
                 CONSTRAINT {pk} PRIMARY KEY (version_num)\n)",
                self.qualified
            ),
            None => format!(
                "CREATE TABLE {} (\n    version_num VARCHAR(32) NOT NULL\n)",
                self.qualified
            ),
        }
    }

    /// `INSERT` of one version. The primary key value is a SQL expression, so SQLAlchemy
    /// fetches it back with `RETURNING` when the column is the primary key.
    pub fn insert(&self, version: &str) -> String {
        let t = &self.qualified;
        match self.pk_name {
            Some(_) => format!(
                "INSERT INTO {t} (version_num) VALUES ('{version}') RETURNING {t}.version_num"
            ),
            None => format!("INSERT INTO {t} (version_num) VALUES ('{version}')"),
        }
    }

    pub fn update(&self, from: &str, to: &str) -> String {
        let t = &self.qualified;
        format!("UPDATE {t} SET version_num='{to}' WHERE {t}.version_num = '{from}'")
    }

    /// `DELETE` of every row (`stamp --purge`).
    pub fn delete_all(&self) -> String {
        format!("DELETE FROM {}", self.qualified)
    }

    pub fn delete(&self, version: &str) -> String {
        let t = &self.qualified;
        format!("DELETE FROM {t} WHERE {t}.version_num = '{version}'")
    }
}

/// One step of a plan: a migration script run up or down, or a stamp.
#[derive(Clone, Debug)]
pub enum MigrationStep<'a> {
    Revision {
        revision: &'a Revision,
        is_upgrade: bool,
    },
    Stamp(StampStep),
}

fn comma(v: &[String]) -> String {
    v.join(", ")
}

fn list_repr(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| py_repr(s)).collect();
    format!("[{}]", items.join(", "))
}

impl<'a> MigrationStep<'a> {
    pub fn is_upgrade(&self) -> bool {
        match self {
            MigrationStep::Revision { is_upgrade, .. } => *is_upgrade,
            MigrationStep::Stamp(s) => s.is_upgrade,
        }
    }

    /// `migration_fn.__name__`.
    pub fn name(&self) -> &'static str {
        match self {
            MigrationStep::Revision {
                is_upgrade: true, ..
            } => "upgrade",
            MigrationStep::Revision { .. } => "downgrade",
            MigrationStep::Stamp(_) => "stamp_revision",
        }
    }

    /// `(from, to)` revisions of this step; `with_deps` includes the `depends_on` ones
    /// (`from_revisions`/`to_revisions` vs the `_no_deps` variants).
    fn endpoints(&self, with_deps: bool) -> (Vec<String>, Vec<String>) {
        match self {
            MigrationStep::Revision {
                revision,
                is_upgrade,
            } => {
                let downs = if with_deps {
                    revision.normalized_down_revisions().to_vec()
                } else {
                    revision.versioned_down_revisions().to_vec()
                };
                let this = vec![revision.revision().to_string()];
                if *is_upgrade {
                    (downs, this)
                } else {
                    (this, downs)
                }
            }
            MigrationStep::Stamp(s) => (s.from_.clone(), s.to_.clone()),
        }
    }

    /// `from_revisions`.
    pub fn origin_revisions(&self) -> Vec<String> {
        self.endpoints(true).0
    }

    /// `to_revisions`.
    pub fn target_revisions(&self) -> Vec<String> {
        self.endpoints(true).1
    }

    /// `from_revisions_no_deps`.
    pub fn origin_revisions_no_deps(&self) -> Vec<String> {
        self.endpoints(false).0
    }

    /// `to_revisions_no_deps`.
    pub fn target_revisions_no_deps(&self) -> Vec<String> {
        self.endpoints(false).1
    }

    /// `short_log`: `"upgrade a -> b"`.
    pub fn short_log(&self) -> String {
        self.short_log_named(self.name())
    }

    /// [`Self::short_log`] with the migration function named `name`.
    pub fn short_log_named(&self, name: &str) -> String {
        format!(
            "{name} {} -> {}",
            comma(&self.origin_revisions_no_deps()),
            comma(&self.target_revisions_no_deps())
        )
    }

    /// `str(step)`: the short log plus `, <doc>` when the script has a (non-empty) doc.
    pub fn log_text(&self, doc: &str) -> String {
        self.log_text_named(self.name(), doc)
    }

    /// [`Self::log_text`] with the migration function named `name`.
    pub fn log_text_named(&self, name: &str, doc: &str) -> String {
        let short_log = self.short_log_named(name);
        match self {
            MigrationStep::Revision { .. } if !doc.is_empty() => format!("{short_log}, {doc}"),
            _ => short_log,
        }
    }
}

/// `HeadMaintainer`: the heads the version table holds, and the statements that move them.
/// `heads` keeps insertion order where Alembic has a set.
#[derive(Debug)]
pub struct HeadMaintainer<'m> {
    map: &'m RevisionMap,
    table: &'m VersionTable,
    pub heads: Vec<String>,
}

/// Output of one `update_to_step`: version-table statements and debug records.
#[derive(Debug, Default)]
pub struct StepWrites {
    pub statements: Vec<String>,
    pub logs: Vec<LogRecord>,
}

impl StepWrites {
    fn debug(&mut self, text: String) {
        self.logs.push(LogRecord::debug(text));
    }
}

impl<'m> HeadMaintainer<'m> {
    pub fn new(map: &'m RevisionMap, table: &'m VersionTable, heads: &[String]) -> Self {
        let mut h: Vec<String> = Vec::new();
        for x in heads {
            if !h.contains(x) {
                h.push(x.clone());
            }
        }
        HeadMaintainer {
            map,
            table,
            heads: h,
        }
    }

    fn contains(&self, v: &str) -> bool {
        self.heads.iter().any(|h| h == v)
    }

    fn insert_version(&mut self, v: &str, w: &mut StepWrites) -> Result<(), RuntimeError> {
        if self.contains(v) {
            return Err(RuntimeError::Assertion("version not in self.heads"));
        }
        self.heads.push(v.to_string());
        w.statements.push(self.table.insert(v));
        Ok(())
    }

    fn remove(&mut self, v: &str) -> Result<(), RuntimeError> {
        match self.heads.iter().position(|h| h == v) {
            Some(i) => {
                self.heads.remove(i);
                Ok(())
            }
            // `set.remove` raises KeyError; Alembic's own plans never get here.
            None => Err(RuntimeError::Assertion("heads.remove(version)")),
        }
    }

    fn delete_version(&mut self, v: &str, w: &mut StepWrites) -> Result<(), RuntimeError> {
        self.remove(v)?;
        w.statements.push(self.table.delete(v));
        Ok(())
    }

    fn update_version(
        &mut self,
        from: &str,
        to: &str,
        w: &mut StepWrites,
    ) -> Result<(), RuntimeError> {
        if self.contains(to) {
            return Err(RuntimeError::Assertion("to_ not in self.heads"));
        }
        self.remove(from)?;
        self.heads.push(to.to_string());
        w.statements.push(self.table.update(from, to));
        Ok(())
    }

    /// `_get_ancestor_nodes(get_revisions(ids), check=False)` as revision ids.
    fn ancestors_of(&self, ids: &[String]) -> Result<Vec<String>, RuntimeError> {
        let mut targets = Vec::new();
        for id in ids {
            if let Some(r) = self
                .map
                .script_directory()
                .get_revision(&RevArg::Str(id.clone()))?
            {
                targets.push(r);
            }
        }
        let nodes = self
            .map
            .get_ancestor_nodes(&targets, false, true)
            .map_err(crate::script::revision::ScriptError::Uncaught)?;
        Ok(nodes.iter().map(|r| r.revision().to_string()).collect())
    }

    fn other_heads(&self, exclude: &[String]) -> Vec<String> {
        self.heads
            .iter()
            .filter(|h| !exclude.contains(h))
            .cloned()
            .collect()
    }

    /// `RevisionStep._unmerge_to_revisions(heads)`.
    fn unmerge_to_revisions(
        &self,
        revision: &Revision,
        to_revisions: &[String],
    ) -> Result<Vec<String>, RuntimeError> {
        let other = self.other_heads(&[revision.revision().to_string()]);
        let ancestors: Vec<String> = if !other.is_empty() {
            self.ancestors_of(&other)?
        } else {
            let mut out = Vec::new();
            for to in to_revisions {
                for a in self.ancestors_of(std::slice::from_ref(to))? {
                    if &a != to {
                        out.push(a);
                    }
                }
            }
            out
        };
        Ok(to_revisions
            .iter()
            .filter(|t| !ancestors.contains(t))
            .cloned()
            .collect())
    }

    /// `HeadMaintainer.update_to_step(step)`.
    pub fn update_to_step(&mut self, step: &MigrationStep<'_>) -> Result<StepWrites, RuntimeError> {
        let mut w = StepWrites::default();
        match step {
            MigrationStep::Revision {
                revision,
                is_upgrade,
            } => self.update_revision_step(revision, *is_upgrade, step, &mut w)?,
            MigrationStep::Stamp(s) => self.update_stamp_step(s, &mut w)?,
        }
        Ok(w)
    }

    fn update_revision_step(
        &mut self,
        revision: &Revision,
        is_upgrade: bool,
        step: &MigrationStep<'_>,
        w: &mut StepWrites,
    ) -> Result<(), RuntimeError> {
        let id = revision.revision().to_string();
        let downrevs = revision.normalized_down_revisions();
        let in_heads = self.contains(&id);
        let from_revisions = step.origin_revisions();
        let to_revisions = step.target_revisions();
        // should_delete_branch
        if !is_upgrade
            && in_heads
            && (downrevs.is_empty()
                || self
                    .unmerge_to_revisions(revision, &to_revisions)?
                    .is_empty())
        {
            w.debug(format!("branch delete {id}"));
            return self.delete_version(&id, w);
        }
        let hits: Vec<String> = downrevs
            .iter()
            .filter(|d| self.contains(d))
            .cloned()
            .collect();
        // should_create_branch
        if is_upgrade && (downrevs.is_empty() || hits.is_empty()) {
            w.debug(format!("new branch insert {id}"));
            return self.insert_version(&id, w);
        }
        // should_merge_branches
        if is_upgrade && downrevs.len() > 1 && hits.len() > 1 {
            let other = self.other_heads(&from_revisions);
            let from: Vec<String> = if !other.is_empty() {
                let ancestors = self.ancestors_of(&other)?;
                from_revisions
                    .iter()
                    .filter(|f| !ancestors.contains(f))
                    .cloned()
                    .collect()
            } else {
                from_revisions.clone()
            };
            let Some((update_from, delete)) = from.split_last() else {
                return Err(RuntimeError::Assertion("from_revisions[-1]"));
            };
            let update_to = &to_revisions[0];
            w.debug(format!(
                "merge, delete {}, update {update_from} to {update_to}",
                list_repr(delete)
            ));
            for d in delete {
                self.delete_version(d, w)?;
            }
            return self.update_version(update_from, update_to, w);
        }
        // should_unmerge_branches
        if !is_upgrade && in_heads && downrevs.len() > 1 {
            let to = self.unmerge_to_revisions(revision, &to_revisions)?;
            let Some((update_to, insert)) = to.split_last() else {
                return Err(RuntimeError::Assertion("to_revisions[-1]"));
            };
            let update_from = &from_revisions[0];
            w.debug(format!(
                "unmerge, insert {}, update {update_from} to {update_to}",
                py_tuple_repr(insert)
            ));
            for i in insert {
                self.insert_version(i, w)?;
            }
            return self.update_version(update_from, update_to, w);
        }
        // update_version_num
        let down = if downrevs.len() == 1 {
            downrevs[0].clone()
        } else {
            match hits.as_slice() {
                [one] => one.clone(),
                _ => return Err(RuntimeError::AmbiguousUpdate),
            }
        };
        let (from, to) = if is_upgrade { (down, id) } else { (id, down) };
        w.debug(format!("update {from} to {to}"));
        self.update_version(&from, &to, w)
    }

    fn update_stamp_step(&mut self, s: &StampStep, w: &mut StepWrites) -> Result<(), RuntimeError> {
        let missing = |v: &[String]| v.iter().any(|x| !self.contains(x));
        if !s.is_upgrade && s.branch_move {
            let [v] = s.from_.as_slice() else {
                return Err(RuntimeError::Assertion("len(self.from_) == 1"));
            };
            w.debug(format!("branch delete {v}"));
            return self.delete_version(v, w);
        }
        if s.is_upgrade && (s.branch_move || missing(&s.from_)) && missing(&s.to_) {
            let [v] = s.to_.as_slice() else {
                return Err(RuntimeError::Assertion("len(self.to_) == 1"));
            };
            w.debug(format!("new branch insert {v}"));
            return self.insert_version(v, w);
        }
        if s.from_.len() > 1 {
            let (update_from, delete) = s.from_.split_last().expect("len > 1");
            let update_to = s
                .to_
                .first()
                .ok_or(RuntimeError::Assertion("self.to_[0]"))?;
            w.debug(format!(
                "merge, delete {}, update {update_from} to {update_to}",
                list_repr(delete)
            ));
            for d in delete {
                self.delete_version(d, w)?;
            }
            return self.update_version(update_from, update_to, w);
        }
        if s.to_.len() > 1 {
            let (update_to, insert) = s.to_.split_last().expect("len > 1");
            let update_from = s
                .from_
                .first()
                .ok_or(RuntimeError::Assertion("self.from_[0]"))?;
            w.debug(format!(
                "unmerge, insert {}, update {update_from} to {update_to}",
                list_repr(insert)
            ));
            for i in insert {
                self.insert_version(i, w)?;
            }
            return self.update_version(update_from, update_to, w);
        }
        let ([from], [to]) = (s.from_.as_slice(), s.to_.as_slice()) else {
            return Err(RuntimeError::Assertion("len(self.from_) == 1"));
        };
        w.debug(format!("update {from} to {to}"));
        self.update_version(from, to, w)
    }
}
