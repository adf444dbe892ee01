//! Performance sanity without wall-clock thresholds: the cache must remove all parsing work
//! and be cheaper than parsing. `bench_2000_autogenerate_files` (ignored) prints the numbers
//! quoted in the docs; run it in release:
//!
//!     cargo test -p alembic_rs_core --release --test scan_perf -- --ignored --nocapture

#[path = "fixtures/support.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use alembic_rs_core::script::parse::{ParsedFile, parse_bytes};
use alembic_rs_core::script::scan::{FileOutcome, ScanOptions, scan};
use rayon::prelude::*;

fn corpus(root: &support::TempDir, n: usize) -> PathBuf {
    let mut down: Option<String> = None;
    for i in 0..n {
        let rev = format!("{:012x}", 0x1000_0000_0000u64 + i as u64 * 7919);
        root.write(
            &format!("versions/{rev}_add_table_{i}.py"),
            support::autogenerate_file(&rev, down.as_deref(), i),
        );
        down = Some(rev);
    }
    // Older than the scanner's racy window, so the first scan may write the cache.
    std::thread::sleep(Duration::from_millis(250));
    root.path().join("versions")
}

fn opts(dir: &Path, use_cache: bool) -> ScanOptions {
    ScanOptions {
        version_locations: vec![dir.to_path_buf()],
        recursive: false,
        sourceless: false,
        use_cache,
    }
}

#[test]
fn cache_removes_parsing_work() {
    let root = support::TempDir::new("scan-perf");
    let dir = corpus(&root, 200);

    let start = Instant::now();
    let cold = scan(&opts(&dir, false)).expect("scan");
    let uncached = start.elapsed();
    assert_eq!((cold.parsed, cold.cache_hits), (200, 0));
    assert!(
        cold.files
            .iter()
            .all(|f| matches!(f.outcome, FileOutcome::Header(_)))
    );

    scan(&opts(&dir, true)).expect("scan");
    let start = Instant::now();
    let warm = scan(&opts(&dir, true)).expect("scan");
    let cached = start.elapsed();
    assert_eq!((warm.parsed, warm.cache_hits), (0, 200));
    assert_eq!(warm.files, cold.files);
    // Relative, not absolute: reading one cache file must beat parsing 200 files.
    assert!(
        cached < uncached,
        "cached scan {cached:?} vs uncached {uncached:?}"
    );
}

#[test]
#[ignore = "benchmark; run in release with --ignored --nocapture"]
fn bench_2000_autogenerate_files() {
    let root = support::TempDir::new("scan-bench");
    let dir = corpus(&root, 2000);
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("read_dir")
        .map(|e| {
            let p = e.expect("entry").path();
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect();
    files.sort();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    let best = |f: &dyn Fn() -> usize| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                assert_eq!(f(), 2000);
                t.elapsed()
            })
            .min()
            .expect("runs")
    };
    let headers = |r: &ParsedFile| usize::from(matches!(r, ParsedFile::Header(_)));
    let single = best(&|| {
        files
            .iter()
            .map(|(p, b)| headers(&parse_bytes(p, b).expect("parse")))
            .sum()
    });
    let parallel = best(&|| {
        files
            .par_iter()
            .map(|(p, b)| headers(&parse_bytes(p, b).expect("parse")))
            .sum()
    });
    let cold = best(&|| scan(&opts(&dir, false)).expect("scan").files.len());
    scan(&opts(&dir, true)).expect("scan");
    let warm = best(&|| {
        let r = scan(&opts(&dir, true)).expect("scan");
        assert_eq!(r.cache_hits, 2000);
        r.files.len()
    });
    let cache_file = dir.join("__pycache__/alembic_rs_headers.bin");
    let cache_bytes = std::fs::read(&cache_file).expect("cache");
    let cache_parse = (0..5)
        .map(|_| {
            let t = Instant::now();
            let v: serde_json::Value = serde_json::from_slice(&cache_bytes).expect("json");
            assert!(v.is_object());
            t.elapsed()
        })
        .min()
        .expect("runs");
    println!(
        "2000 files, {:.2} MB; threads: {}\n\
         parse single-threaded: {single:?}\n\
         parse parallel (rayon): {parallel:?}\n\
         scan, no cache (list+stat+read+parse): {cold:?}\n\
         scan, warm cache (list+stat+cache load): {warm:?}\n\
         cache file {:.0} KB, JSON decode alone: {cache_parse:?}",
        total as f64 / 1e6,
        rayon::current_num_threads(),
        cache_bytes.len() as f64 / 1e3,
    );
}
