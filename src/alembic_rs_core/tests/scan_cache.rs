//! The header cache: a changed, added, removed or touched file is always re-read, a corrupt
//! or foreign cache is ignored, an unwritable cache directory is tolerated.

#[path = "fixtures/support.rs"]
mod support;

use std::fs::{File, FileTimes};
use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, SystemTime};

use alembic_rs_core::script::scan::{FileOutcome, ScanOptions, ScanReport, scan};
use support::TempDir;

/// Longer than the scanner's racy window: files older than this may be cached.
const SETTLE: Duration = Duration::from_millis(250);

fn rev_file(rev: &str, down: Option<&str>) -> String {
    let down = down.map_or("None".to_owned(), |d| format!("{d:?}"));
    format!("\"\"\"rev {rev}\"\"\"\nrevision = {rev:?}\ndown_revision = {down}\n")
}

fn opts(dir: &Path) -> ScanOptions {
    ScanOptions {
        version_locations: vec![dir.to_path_buf()],
        recursive: false,
        sourceless: false,
        use_cache: true,
    }
}

fn revisions(report: &ScanReport) -> Vec<String> {
    report
        .files
        .iter()
        .filter_map(|f| match &f.outcome {
            FileOutcome::Header(h) => Some(h.revision.clone()),
            _ => None,
        })
        .collect()
}

fn setup() -> TempDir {
    let root = TempDir::new("scan-cache");
    root.write("v/a.py", rev_file("aaaa", None));
    root.write("v/b.py", rev_file("bbbb", Some("aaaa")));
    root.write("v/c.py", rev_file("cccc", Some("bbbb")));
    sleep(SETTLE);
    root
}

#[test]
fn second_scan_is_served_from_the_cache() {
    let root = setup();
    let v = root.path().join("v");
    let first = scan(&opts(&v)).expect("scan");
    assert_eq!((first.parsed, first.cache_hits), (3, 0));
    assert!(v.join("__pycache__/alembic_rs_headers.bin").is_file());
    let second = scan(&opts(&v)).expect("scan");
    assert_eq!((second.parsed, second.cache_hits), (0, 3));
    assert_eq!(first.files, second.files);
    assert_eq!(revisions(&second), ["aaaa", "bbbb", "cccc"]);
}

#[test]
fn same_size_rewrite_with_restored_mtime_is_reread() {
    let root = setup();
    let v = root.path().join("v");
    scan(&opts(&v)).expect("scan");
    let path = v.join("b.py");
    let mtime = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    let changed = rev_file("dddd", Some("aaaa"));
    assert_eq!(changed.len(), rev_file("bbbb", Some("aaaa")).len());
    std::fs::write(&path, changed).expect("write");
    // Put the modification time back: only ctime/inode still tell the files apart.
    set_mtime(&path, mtime);
    let report = scan(&opts(&v)).expect("scan");
    assert_eq!((report.parsed, report.cache_hits), (1, 2));
    assert_eq!(revisions(&report), ["aaaa", "dddd", "cccc"]);
}

fn set_mtime(path: &Path, when: SystemTime) {
    File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_times(FileTimes::new().set_modified(when)))
        .expect("set mtime");
}

#[test]
fn added_removed_and_touched_files() {
    let root = setup();
    let v = root.path().join("v");
    scan(&opts(&v)).expect("scan");

    root.write("v/d.py", rev_file("dddd", Some("cccc")));
    let report = scan(&opts(&v)).expect("scan");
    assert_eq!((report.parsed, report.cache_hits), (1, 3));
    assert_eq!(revisions(&report), ["aaaa", "bbbb", "cccc", "dddd"]);
    sleep(SETTLE);
    scan(&opts(&v)).expect("scan");

    std::fs::remove_file(v.join("a.py")).expect("remove");
    let report = scan(&opts(&v)).expect("scan");
    assert_eq!(revisions(&report), ["bbbb", "cccc", "dddd"]);
    assert_eq!((report.parsed, report.cache_hits), (0, 3));

    // `touch -d "10 seconds ago"`: same content and size, another mtime.
    set_mtime(&v.join("c.py"), SystemTime::now() - Duration::from_secs(10));
    let report = scan(&opts(&v)).expect("scan");
    assert_eq!(revisions(&report), ["bbbb", "cccc", "dddd"]);
    assert_eq!((report.parsed, report.cache_hits), (1, 2));

    sleep(SETTLE);
    scan(&opts(&v)).expect("scan");
    let report = scan(&opts(&v)).expect("scan");
    assert_eq!((report.parsed, report.cache_hits), (0, 3));
}

#[test]
fn files_changed_too_recently_are_not_cached() {
    let root = TempDir::new("scan-cache-fresh");
    root.write("v/a.py", rev_file("aaaa", None));
    let v = root.path().join("v");
    // A modification time that is not safely in the past (here: in the future) means a
    // same-size rewrite could keep the same stamp, so the parse must not be cached.
    set_mtime(
        &v.join("a.py"),
        SystemTime::now() + Duration::from_secs(3600),
    );
    let first = scan(&opts(&v)).expect("scan");
    let second = scan(&opts(&v)).expect("scan");
    assert_eq!((first.parsed, second.parsed, second.cache_hits), (1, 1, 0));
}

#[test]
fn corrupt_or_foreign_cache_is_ignored() {
    let root = setup();
    let v = root.path().join("v");
    scan(&opts(&v)).expect("scan");
    let cache = v.join("__pycache__/alembic_rs_headers.bin");
    for junk in [
        &b"\x00garbage{"[..],
        br#"{"tag": "alembic-rs-headers/0 old", "entries": []}"#,
        br#"{"tag": 5}"#,
    ] {
        std::fs::write(&cache, junk).expect("write");
        let report = scan(&opts(&v)).expect("scan");
        assert_eq!((report.parsed, report.cache_hits), (3, 0));
        assert_eq!(revisions(&report), ["aaaa", "bbbb", "cccc"]);
        // ... and replaced by a good one.
        assert_eq!(scan(&opts(&v)).expect("scan").cache_hits, 3);
    }
}

#[test]
fn stale_entry_with_a_lying_cache_is_not_trusted() {
    let root = setup();
    let v = root.path().join("v");
    scan(&opts(&v)).expect("scan");
    // Rewrite the cache so that b.py's entry claims another revision: as long as the stamp
    // matches, the cache is believed; once the file changes, it is re-read.
    let cache = v.join("__pycache__/alembic_rs_headers.bin");
    // same length, so the binary encoding's length prefixes stay valid
    let bytes = std::fs::read(&cache).expect("read");
    let at = bytes
        .windows(4)
        .position(|w| w == b"bbbb")
        .expect("b.py's entry is cached");
    let mut lied = bytes.clone();
    lied[at..at + 4].copy_from_slice(b"zzzz");
    std::fs::write(&cache, lied).expect("write");
    assert_eq!(
        revisions(&scan(&opts(&v)).expect("scan")),
        ["aaaa", "zzzz", "cccc"]
    );
    std::fs::write(v.join("b.py"), rev_file("bbbb", Some("aaaa"))).expect("write");
    assert_eq!(
        revisions(&scan(&opts(&v)).expect("scan")),
        ["aaaa", "bbbb", "cccc"]
    );
}

#[test]
fn unwritable_cache_location_is_tolerated() {
    let root = setup();
    let v = root.path().join("v");
    // A plain file where __pycache__ would go: the cache cannot be created.
    root.write("v/__pycache__", "not a directory");
    for _ in 0..2 {
        let report = scan(&opts(&v)).expect("scan");
        assert_eq!((report.parsed, report.cache_hits), (3, 0));
        assert_eq!(revisions(&report), ["aaaa", "bbbb", "cccc"]);
    }
}

#[test]
fn cache_disabled_reads_everything_and_writes_nothing() {
    let root = setup();
    let v = root.path().join("v");
    let no_cache = ScanOptions {
        use_cache: false,
        ..opts(&v)
    };
    for _ in 0..2 {
        assert_eq!(scan(&no_cache).expect("scan").parsed, 3);
    }
    assert!(!v.join("__pycache__").exists());
}

#[test]
fn recursive_locations_cache_per_directory() {
    let root = TempDir::new("scan-cache-rec");
    root.write("v/a.py", rev_file("aaaa", None));
    root.write("v/2024/b.py", rev_file("bbbb", Some("aaaa")));
    sleep(SETTLE);
    let v = root.path().join("v");
    let o = ScanOptions {
        recursive: true,
        ..opts(&v)
    };
    scan(&o).expect("scan");
    assert!(v.join("__pycache__/alembic_rs_headers.bin").is_file());
    assert!(v.join("2024/__pycache__/alembic_rs_headers.bin").is_file());
    let report = scan(&o).expect("scan");
    assert_eq!((report.parsed, report.cache_hits), (0, 2));
    assert_eq!(revisions(&report), ["aaaa", "bbbb"]);
}
