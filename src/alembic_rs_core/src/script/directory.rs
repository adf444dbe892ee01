//! The version files of a script directory as one value: scanned natively, with the few
//! headers only an import can read left for the caller to supply, then built into the
//! [`RevisionMap`] and the per-script data its text needs.
//!
//! Both the Python extension (which imports such files) and the native CLI (which cannot,
//! and says so) drive this.

use std::path::PathBuf;

use super::ScriptHeader;
use super::format::ScriptMeta;
use super::parse;
use super::revision::{BuildOutcome, RevisionInput, RevisionMap};
use super::scan::{self, FileOutcome, ScanError, ScanOptions};
use crate::config::ConfigWarning;

/// What is known of one listed revision file.
#[derive(Clone, Debug)]
enum State {
    Known(ScriptHeader),
    /// Only importing the module tells its header; the reason is diagnostic text.
    Pending(String),
}

#[derive(Clone, Debug)]
struct Entry {
    path: String,
    state: State,
}

/// The revision files of a script directory, in Alembic's load order.
#[derive(Clone, Debug)]
pub struct VersionScripts {
    entries: Vec<Entry>,
    warnings: Vec<ConfigWarning>,
}

/// Asked to build the map while a header is still unknown.
#[derive(Debug, thiserror::Error)]
#[error("{path}: the revision header of this file can only be read by importing it ({reason})")]
pub struct PendingImport {
    pub path: String,
    pub reason: String,
}

impl VersionScripts {
    /// List, read and parse the version locations (absolute paths, Alembic's order).
    ///
    /// `py313_docstrings`: CPython 3.13+ dedents docstrings when compiling, so
    /// `module.__doc__` (and hence `show`/`history -v` text) depends on the interpreter the
    /// project runs; the caller says which one it stands for.
    pub fn scan(
        version_locations: Vec<PathBuf>,
        recursive: bool,
        sourceless: bool,
        py313_docstrings: bool,
    ) -> Result<Self, ScanError> {
        let report = scan::scan(&ScanOptions {
            version_locations,
            recursive,
            sourceless,
            use_cache: true,
        })?;
        let entries = report
            .files
            .into_iter()
            .filter_map(|f| {
                let state = match f.outcome {
                    FileOutcome::Header(mut h) => {
                        if py313_docstrings {
                            h.doc = h.doc.map(|d| parse::clean_doc_py313(&d));
                        }
                        State::Known(h)
                    }
                    FileOutcome::NeedsImport(reason) => State::Pending(reason),
                    FileOutcome::NotRevisionFile => return None,
                };
                Some(Entry {
                    path: f.path.to_string_lossy().into_owned(),
                    state,
                })
            })
            .collect();
        Ok(VersionScripts {
            entries,
            warnings: report.warnings,
        })
    }

    /// Warnings Alembic emits while listing the files ("loaded twice").
    pub fn warnings(&self) -> &[ConfigWarning] {
        &self.warnings
    }

    /// `(index, path, reason)` of every file whose header needs an import.
    pub fn pending(&self) -> impl Iterator<Item = (usize, &str, &str)> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.state {
                State::Pending(reason) => Some((i, e.path.as_str(), reason.as_str())),
                State::Known(_) => None,
            })
    }

    /// Supply the header an import produced for entry `index`.
    pub fn resolve(&mut self, index: usize, header: ScriptHeader) {
        if let Some(entry) = self.entries.get_mut(index) {
            entry.state = State::Known(header);
        }
    }

    /// Revision ids in load order (pending files excluded).
    pub fn revision_ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter_map(|e| match &e.state {
            State::Known(h) => Some(h.revision.as_str()),
            State::Pending(_) => None,
        })
    }

    /// Build the revision graph, with each script's path and docstring by load index.
    pub fn build(&self) -> Result<(BuildOutcome, Vec<ScriptMeta>), PendingImport> {
        let mut inputs = Vec::with_capacity(self.entries.len());
        let mut metas = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            match &e.state {
                State::Known(h) => {
                    inputs.push(RevisionInput::from(h));
                    metas.push(ScriptMeta {
                        path: e.path.clone(),
                        doc: h.doc.clone(),
                    });
                }
                State::Pending(reason) => {
                    return Err(PendingImport {
                        path: e.path.clone(),
                        reason: reason.clone(),
                    });
                }
            }
        }
        Ok((RevisionMap::build(inputs), metas))
    }
}
