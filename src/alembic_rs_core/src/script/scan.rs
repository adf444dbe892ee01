//! Which files of the version locations are revisions, in Alembic's load order, read and
//! parsed in parallel, with a per-directory header cache.
//!
//! Listing reproduces `ScriptDirectory._load_revisions` + `Script._list_py_dir` +
//! `Script._from_path` (Alembic 1.20 under Python 3.11's `os.walk`): sorted file names per
//! directory, `__pycache__` skipped (or mined for compiled files when `sourceless`), sorted
//! subdirectories when recursive (symlinked directories are listed but not entered), the
//! file-name regexes applied to the *resolved* name, and the "loaded twice" warning keyed by
//! `Path.resolve()`.
//!
//! The cache lives in `<dir>/__pycache__/` next to Python's own bytecode, one file per listed
//! directory. An entry is trusted only when name, size, mtime, ctime and inode all match and
//! the file was already "old" when it was read (see `RACY_WINDOW`).

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::ScriptHeader;
use super::parse::{self, ParseError, ParsedFile};
use crate::config::{ConfigWarning, WarningCategory};

/// What to scan; mirrors the `ScriptDirectory` attributes `_load_revisions` uses.
#[derive(Clone, Debug, Default)]
pub struct ScanOptions {
    /// `ScriptDirectory._version_locations`: absolute paths, in Alembic's order. Locations
    /// that do not exist are skipped, like `vers.exists()`.
    pub version_locations: Vec<PathBuf>,
    /// `recursive_version_locations`.
    pub recursive: bool,
    /// `sourceless`: compiled files in `__pycache__` (and legacy `.pyc`/`.pyo`) count too.
    pub sourceless: bool,
    /// Read and write the header cache.
    pub use_cache: bool,
}

/// One file `_list_py_dir` listed (duplicates excluded), in load order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScannedFile {
    /// `Path.resolve()` of the listed path: what Alembic uses as `Script.path`.
    pub path: PathBuf,
    pub outcome: FileOutcome,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileOutcome {
    /// A revision whose header is fully known without importing it.
    Header(ScriptHeader),
    /// A revision file only importing can read (the reason is diagnostic text).
    NeedsImport(String),
    /// `Script._from_path` returns `None` for it: not a revision file.
    NotRevisionFile,
}

#[derive(Debug, Default)]
pub struct ScanReport {
    pub files: Vec<ScannedFile>,
    /// Alembic's warnings in the order it emits them (the "loaded twice" `UserWarning`).
    pub warnings: Vec<ConfigWarning>,
    /// Files whose header came from the cache.
    pub cache_hits: usize,
    /// Files read and parsed in this scan.
    pub parsed: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Syntax(#[from] ParseError),
    /// Alembic's `CommandError` for a file binding no `revision` whose name is not
    /// `<hex>.py`.
    #[error(
        "Could not determine revision id from filename {filename}. Be sure the 'revision' \
         variable is declared inside the script (please see 'Upgrading from Alembic 0.1 to \
         0.2' in the documentation)."
    )]
    NoRevisionId { path: PathBuf, filename: String },
}

/// Lists, reads and parses every version file. `Err` is the first failing file in load
/// order (an I/O error, a syntax error, or Alembic's missing-revision error).
pub fn scan(opts: &ScanOptions) -> Result<ScanReport, ScanError> {
    let scan_start = SystemTime::now();
    let mut report = ScanReport::default();
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut listed: Vec<Listed> = Vec::new();
    for location in &opts.version_locations {
        if location.exists() {
            walk(location, opts, &mut dirs, &mut listed);
        }
    }

    // Duplicates are decided on the resolved path before any filtering, as in Alembic.
    let resolved_dirs: Vec<Option<PathBuf>> =
        dirs.iter().map(|d| fs::canonicalize(d).ok()).collect();
    let mut seen: HashSet<PathBuf> = HashSet::with_capacity(listed.len());
    let mut work: Vec<Work> = Vec::with_capacity(listed.len());
    for entry in listed {
        let listed_path = dirs[entry.dir].join(&entry.name);
        let real = match (&resolved_dirs[entry.dir], entry.is_symlink) {
            (Some(dir), false) => dir.join(&entry.name),
            _ => match realpath(&listed_path) {
                Some(real) => real,
                None => {
                    // Python 3.11/3.12's `Path.resolve()` raises on a symlink loop, whatever
                    // the file's name; 3.13 makes the import fail instead.
                    work.push(Work {
                        dir: entry.dir,
                        name: entry.name,
                        real: listed_path,
                        kind: Kind::SymlinkLoop,
                    });
                    continue;
                }
            },
        };
        if !seen.insert(real.clone()) {
            report.warnings.push(ConfigWarning {
                category: WarningCategory::UserWarning,
                message: format!(
                    "File {} loaded twice! ignoring. Please ensure version_locations is unique.",
                    real.display()
                ),
            });
            continue;
        }
        let kind = classify(&real, opts.sourceless);
        work.push(Work {
            dir: entry.dir,
            name: entry.name,
            real,
            kind,
        });
    }

    let mut caches: Vec<DirCache> = if opts.use_cache {
        dirs.par_iter().map(|d| DirCache::load(d)).collect()
    } else {
        dirs.iter().map(|_| DirCache::default()).collect()
    };

    let results: Vec<Processed> = work
        .par_iter()
        .map(|w| process(w, &caches[w.dir], scan_start))
        .collect();

    // Per directory: entries parsed now, and names served from the cache.
    let mut fresh: Vec<Vec<CacheEntry>> = vec![Vec::new(); dirs.len()];
    let mut hits: Vec<Vec<String>> = vec![Vec::new(); dirs.len()];
    let mut first_error = None;
    for (w, result) in work.into_iter().zip(results) {
        let outcome = match result {
            Processed::Done(outcome) => outcome,
            Processed::Parsed { parsed, cacheable } => {
                report.parsed += 1;
                if let (Some(stamp), Some(name)) = (cacheable, w.name.to_str()) {
                    fresh[w.dir].push(CacheEntry {
                        name: name.to_owned(),
                        stamp,
                        parsed: parsed.clone(),
                    });
                }
                Outcome::Parsed(parsed)
            }
            Processed::Cached(parsed) => {
                report.cache_hits += 1;
                hits[w.dir].extend(w.name.to_str().map(str::to_owned));
                Outcome::Parsed(parsed)
            }
            Processed::Failed(err) => {
                report.parsed += 1;
                first_error.get_or_insert(err);
                continue;
            }
        };
        let outcome = match outcome {
            Outcome::Final(o) => o,
            Outcome::Parsed(ParsedFile::Header(h)) => FileOutcome::Header(h),
            Outcome::Parsed(ParsedFile::NeedsImport(reason)) => FileOutcome::NeedsImport(reason),
            Outcome::Parsed(ParsedFile::NoRevision(h)) => {
                let filename = file_name_str(&w.real);
                match parse::legacy_revision(&filename) {
                    Some(rev) => FileOutcome::Header(ScriptHeader {
                        revision: rev.to_owned(),
                        ..h
                    }),
                    None => {
                        first_error.get_or_insert(ScanError::NoRevisionId {
                            path: w.real.clone(),
                            filename,
                        });
                        continue;
                    }
                }
            }
        };
        report.files.push(ScannedFile {
            path: w.real,
            outcome,
        });
    }

    if opts.use_cache {
        for (i, dir) in dirs.iter().enumerate() {
            let cache = &mut caches[i];
            // Rewrite only when an entry was added or one of the stored ones is gone.
            if fresh[i].is_empty() && hits[i].len() == cache.entries.len() {
                continue;
            }
            let mut entries = std::mem::take(&mut fresh[i]);
            entries.extend(hits[i].iter().filter_map(|name| cache.entries.remove(name)));
            DirCache::store(dir, entries);
        }
    }

    match first_error {
        Some(err) => Err(err),
        None => Ok(report),
    }
}

// ---------------------------------------------------------------------------------------------
// Listing.

/// A directory entry's name and whether it is a symlink.
type FileName = (OsString, bool);

struct Listed {
    dir: usize,
    name: OsString,
    is_symlink: bool,
}

/// `os.walk(top, topdown=True)` driven by `_list_py_dir`'s loop body.
fn walk(location: &Path, opts: &ScanOptions, dirs: &mut Vec<PathBuf>, out: &mut Vec<Listed>) {
    // A stack of directories still to visit, in reverse visiting order.
    let mut stack = vec![location.to_path_buf()];
    while let Some(root) = stack.pop() {
        let Some((mut subdirs, files)) = read_dir_classified(&root) else {
            continue;
        };
        let is_pycache = root
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with("__pycache__"));
        if !is_pycache {
            let dir = dirs.len();
            dirs.push(root.clone());
            let mut names: Vec<(OsString, bool)> = files.clone();
            names.sort_by(|a, b| a.0.cmp(&b.0));
            out.extend(names.into_iter().map(|(name, is_symlink)| Listed {
                dir,
                name,
                is_symlink,
            }));
            if opts.sourceless {
                list_pycache(&root, &files, dirs, out);
            }
            if !opts.recursive {
                break;
            }
            subdirs.sort();
        }
        // os.walk does not descend into symlinked directories (followlinks=False).
        for sub in subdirs.into_iter().rev() {
            let path = root.join(&sub);
            let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            if !is_link {
                stack.push(path);
            }
        }
    }
}

/// Entries split like `os.walk`: directories (following symlinks) and everything else, in
/// `scandir` order. `None` when the directory cannot be read (os.walk ignores it).
fn read_dir_classified(dir: &Path) -> Option<(Vec<OsString>, Vec<FileName>)> {
    let mut subdirs = Vec::new();
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).ok()? {
        let Ok(entry) = entry else { continue };
        let file_type = entry.file_type().ok();
        let is_symlink = file_type.is_some_and(|t| t.is_symlink());
        let is_dir = match file_type {
            Some(t) if t.is_symlink() => fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()),
            Some(t) => t.is_dir(),
            None => false,
        };
        if is_dir {
            subdirs.push(entry.file_name());
        } else {
            files.push((entry.file_name(), is_symlink));
        }
    }
    Some((subdirs, files))
}

/// The `sourceless` branch of `_list_py_dir`: entries of `root/__pycache__` (in `iterdir`
/// order) whose first dotted component names no file of `root`.
fn list_pycache(root: &Path, files: &[FileName], dirs: &mut Vec<PathBuf>, out: &mut Vec<Listed>) {
    let pycache = root.join("__pycache__");
    if !pycache.exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(&pycache) else {
        return;
    };
    let first_part = |name: &OsString| -> String {
        let name = name.to_string_lossy();
        name.split('.').next().unwrap_or("").to_owned()
    };
    let names: HashSet<String> = files.iter().map(|(n, _)| first_part(n)).collect();
    let dir = dirs.len();
    dirs.push(pycache);
    for entry in entries.flatten() {
        let name = entry.file_name();
        // Our own cache files are invisible to Alembic's listing.
        if name.to_string_lossy().starts_with(CACHE_FILE_PREFIX) {
            continue;
        }
        if !names.contains(&first_part(&name)) {
            let is_symlink = entry.file_type().is_ok_and(|t| t.is_symlink());
            out.push(Listed {
                dir,
                name,
                is_symlink,
            });
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    /// Not matched by the file-name regex, or a compiled file shadowed by its source.
    NotRevision,
    /// A compiled file (sourceless): only importing reads it.
    Compiled,
    /// A `.py` file whose source Python would import.
    Source,
    /// A `.py` name Python's loader would not read as source (missing file, odd suffix).
    Odd(&'static str),
    /// Resolving the listed path ran into a symlink loop.
    SymlinkLoop,
}

/// `Script._from_path`'s filters and `load_python_file`'s dispatch, on the resolved path.
fn classify(real: &Path, sourceless: bool) -> Kind {
    let filename = file_name_str(real);
    let dir = real.parent().unwrap_or(Path::new("/"));
    let Some((py_filename, compiled)) = rev_file_match(&filename, sourceless) else {
        return Kind::NotRevision;
    };
    if let Some(c_or_o) = compiled {
        let py_exists = dir.join(py_filename).exists();
        let pyc_exists = dir.join(format!("{py_filename}c")).exists();
        if py_exists || (c_or_o == 'o' && pyc_exists) {
            return Kind::NotRevision;
        }
        return Kind::Compiled;
    }
    // `Path(filename).suffix` must be ".py" for the loader (else `assert False`).
    let suffix_ok = filename
        .rfind('.')
        .is_some_and(|i| i > 0 && &filename[i..] == ".py");
    if !suffix_ok {
        return Kind::Odd("file name Python's loader rejects");
    }
    Kind::Source
}

/// `_only_source_rev_file` / `_sourceless_rev_file`: `(?!\.\#|__init__)(.*\.py)(c|o)?$`
/// with `re.match` (`.` excludes "\n"; `$` also matches before one final "\n").
fn rev_file_match(filename: &str, sourceless: bool) -> Option<(&str, Option<char>)> {
    if filename.starts_with(".#") || filename.starts_with("__init__") {
        return None;
    }
    let name = filename.strip_suffix('\n').unwrap_or(filename);
    if name.contains('\n') {
        return None;
    }
    if let Some(py) = name.strip_suffix(".py").map(|_| name) {
        return Some((py, None));
    }
    if sourceless {
        for c in ['c', 'o'] {
            if let Some(stem) = name.strip_suffix(c).filter(|stem| stem.ends_with(".py")) {
                return Some((stem, Some(c)));
            }
        }
    }
    None
}

fn file_name_str(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `Path.resolve()` (non-strict `os.path.realpath`) of Python 3.11; `None` for a symlink
/// loop, on which it raises.
fn realpath(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = fs::canonicalize(path) {
        return Some(p);
    }
    let mut seen: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let (resolved, ok) = join_realpath(PathBuf::new(), path, &mut seen);
    ok.then_some(resolved)
}

/// `posixpath._joinrealpath(path, rest, strict=False, seen)`.
fn join_realpath(
    mut path: PathBuf,
    rest: &Path,
    seen: &mut HashMap<PathBuf, Option<PathBuf>>,
) -> (PathBuf, bool) {
    let components: Vec<Component> = rest.components().collect();
    for (i, comp) in components.iter().enumerate() {
        match comp {
            Component::RootDir => path = PathBuf::from("/"),
            Component::Prefix(p) => path = PathBuf::from(p.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                if path.as_os_str().is_empty() || path.ends_with("..") {
                    path.push("..");
                } else if !path.pop() || path.as_os_str().is_empty() {
                    // Popping the root keeps the root.
                    if path.as_os_str().is_empty() {
                        path = PathBuf::from("/");
                    }
                }
            }
            Component::Normal(name) => {
                let newpath = path.join(name);
                let is_link =
                    fs::symlink_metadata(&newpath).is_ok_and(|m| m.file_type().is_symlink());
                if !is_link {
                    path = newpath;
                    continue;
                }
                let remaining = || components[i + 1..].iter().collect::<PathBuf>();
                if let Some(known) = seen.get(&newpath) {
                    match known {
                        Some(p) => {
                            path = p.clone();
                            continue;
                        }
                        // A symlink loop.
                        None => return (newpath.join(remaining()), false),
                    }
                }
                seen.insert(newpath.clone(), None);
                let Ok(target) = fs::read_link(&newpath) else {
                    path = newpath;
                    continue;
                };
                let (resolved, ok) = join_realpath(path.clone(), &target, seen);
                if !ok {
                    return (resolved.join(remaining()), false);
                }
                seen.insert(newpath, Some(resolved.clone()));
                path = resolved;
            }
        }
    }
    (path, true)
}

// ---------------------------------------------------------------------------------------------
// Reading, parsing and caching.

struct Work {
    dir: usize,
    name: OsString,
    real: PathBuf,
    kind: Kind,
}

enum Outcome {
    Final(FileOutcome),
    Parsed(ParsedFile),
}

enum Processed {
    Done(Outcome),
    /// Read and parsed now; `cacheable` is the stamp to store it under, when settled.
    Parsed {
        parsed: ParsedFile,
        cacheable: Option<Stamp>,
    },
    Cached(ParsedFile),
    Failed(ScanError),
}

fn process(w: &Work, cache: &DirCache, scan_start: SystemTime) -> Processed {
    match &w.kind {
        Kind::NotRevision => return Processed::Done(Outcome::Final(FileOutcome::NotRevisionFile)),
        Kind::Compiled => {
            return Processed::Done(Outcome::Final(FileOutcome::NeedsImport(
                "compiled file (sourceless)".to_owned(),
            )));
        }
        Kind::Odd(reason) => {
            return Processed::Done(Outcome::Final(FileOutcome::NeedsImport(
                (*reason).to_owned(),
            )));
        }
        Kind::SymlinkLoop => {
            return Processed::Failed(ScanError::Io {
                path: w.real.clone(),
                source: io::Error::other(format!("Symlink loop from '{}'", w.real.display())),
            });
        }
        Kind::Source => {}
    }
    let io_err = |source| ScanError::Io {
        path: w.real.clone(),
        source,
    };
    let stamp = match fs::metadata(&w.real) {
        Ok(meta) => Stamp::of(&meta),
        // `load_python_file`: a source that does not exist (a dangling symlink) makes Python
        // look for a compiled file instead.
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Processed::Done(Outcome::Final(FileOutcome::NeedsImport(
                "source missing; Python falls back to a compiled file".to_owned(),
            )));
        }
        Err(e) => return Processed::Failed(io_err(e)),
    };
    let name = w.name.to_str();
    if let Some(entry) = name
        .and_then(|name| cache.entries.get(name))
        .filter(|entry| entry.stamp == stamp)
    {
        return Processed::Cached(entry.parsed.clone());
    }
    let bytes = match fs::read(&w.real) {
        Ok(b) => b,
        Err(e) => return Processed::Failed(io_err(e)),
    };
    let parsed = match parse::parse_bytes(&w.real, &bytes) {
        Ok(p) => p,
        Err(e) => return Processed::Failed(ScanError::Syntax(e)),
    };
    Processed::Parsed {
        parsed,
        cacheable: stamp.settled_before(scan_start).then_some(stamp),
    }
}

/// How long a file must have been unchanged before its parse may be cached: a rewrite of
/// the same size within one timestamp tick of the read would otherwise go unnoticed.
/// Timestamps on whole seconds suggest a coarse filesystem, which gets a wider window.
const RACY_WINDOW: Duration = Duration::from_millis(100);
const COARSE_RACY_WINDOW: Duration = Duration::from_millis(2500);

/// `(size, mtime ns, ctime ns, inode)`: any write, rename-over or `touch` changes one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    mtime_ns: i128,
    ctime_ns: i128,
    ino: u64,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Self {
        let mtime_ns = meta.modified().map(nanos_since_epoch).unwrap_or(0);
        #[cfg(unix)]
        let (ctime_ns, ino) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (ctime_ns, ino) = (0i128, 0u64);
        Stamp {
            size: meta.len(),
            mtime_ns,
            ctime_ns,
            ino,
        }
    }

    fn settled_before(&self, scan_start: SystemTime) -> bool {
        let coarse = self.mtime_ns % 1_000_000_000 == 0;
        let window = if coarse {
            COARSE_RACY_WINDOW
        } else {
            RACY_WINDOW
        };
        let Some(limit) = scan_start.checked_sub(window) else {
            return false;
        };
        let limit = nanos_since_epoch(limit);
        self.mtime_ns < limit && self.ctime_ns < limit
    }
}

fn nanos_since_epoch(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i128::try_from(d.as_nanos()).unwrap_or(i128::MAX),
        Err(e) => -i128::try_from(e.duration().as_nanos()).unwrap_or(i128::MAX),
    }
}

const CACHE_FILE_PREFIX: &str = "alembic_rs_headers";
const CACHE_FILE_NAME: &str = "alembic_rs_headers.bin";

/// Changes whenever the cached content could mean something else: the entry layout, this
/// crate's version (its parse rules) or the parser's.
fn cache_tag() -> String {
    format!(
        "alembic-rs-headers/3 core={} parser=ruff-0.0.10",
        env!("CARGO_PKG_VERSION")
    )
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct CacheEntry {
    #[serde(rename = "n")]
    name: String,
    #[serde(rename = "t")]
    stamp: Stamp,
    #[serde(rename = "p")]
    parsed: ParsedFile,
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    tag: String,
    entries: Vec<CacheEntry>,
}

#[derive(Default)]
struct DirCache {
    entries: HashMap<String, CacheEntry>,
}

impl DirCache {
    fn path(dir: &Path) -> PathBuf {
        dir.join("__pycache__").join(CACHE_FILE_NAME)
    }

    /// A missing, unreadable, corrupt or differently tagged cache is an empty one.
    fn load(dir: &Path) -> Self {
        let Ok(bytes) = fs::read(Self::path(dir)) else {
            return DirCache::default();
        };
        // postcard, not JSON: decoding is on the path of every read-only command
        match postcard::from_bytes::<CacheFile>(&bytes) {
            Ok(file) if file.tag == cache_tag() => DirCache {
                entries: file
                    .entries
                    .into_iter()
                    .map(|e| (e.name.clone(), e))
                    .collect(),
            },
            _ => DirCache::default(),
        }
    }

    /// Best effort: a directory we cannot write to simply has no cache.
    fn store(dir: &Path, mut entries: Vec<CacheEntry>) {
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        let file = CacheFile {
            tag: cache_tag(),
            entries,
        };
        let Ok(json) = postcard::to_allocvec(&file) else {
            return;
        };
        let pycache = dir.join("__pycache__");
        if fs::create_dir(&pycache).is_err() && !pycache.is_dir() {
            return;
        }
        // Write-then-rename so a concurrent reader never sees half a file.
        let tmp = pycache.join(format!(
            "{CACHE_FILE_PREFIX}.{}.{}.tmp",
            std::process::id(),
            nanos_since_epoch(SystemTime::now())
        ));
        if fs::write(&tmp, json).is_ok() && fs::rename(&tmp, Self::path(dir)).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }
}
