//! Set-up shared by the benchmark programs.

use auditpack::cli::GenerateArgs;
use std::path::PathBuf;

/// The generated set of `audits` audits and `notes` case notes (made once, kept
/// in the temp folder between runs). `AUDITPACK_BENCH_NOTES` overrides `notes`.
pub fn bench_set(audits: usize, notes: usize) -> PathBuf {
    let notes = std::env::var("AUDITPACK_BENCH_NOTES").ok().and_then(|v| v.parse().ok()).unwrap_or(notes);
    let dir = std::env::temp_dir().join(format!("auditpack-bench-{audits}-{notes}"));
    if !dir.join("case-notes.csv").exists() {
        let t = std::time::Instant::now();
        let args = GenerateArgs { audits, children: (audits / 2).max(100), case_notes: notes, seed: 1, out: dir.clone() };
        auditpack::generate::write(&args).expect("generate");
        println!("generated {audits} audits and {notes} case notes in {:.1} s into {}", t.elapsed().as_secs_f64(), dir.display());
    }
    dir
}

/// Peak resident memory of this process so far, in MB (Linux VmHWM).
#[allow(dead_code)]
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}
