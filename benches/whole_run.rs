//! Whole-`run` benchmarks (a program, not a test): the release binary end to end,
//! as a user runs it, against other tools on the same files. Prints times, peak
//! memory and ratios; nothing is asserted.
//!
//! Run: `cargo bench --bench whole_run` (add `-- duckdb`, `-- pandas`,
//! `-- workbooks` or `-- scaling` for one part). Sizes: AUDITPACK_BENCH_NOTES (default 5,000,000)
//! and AUDITPACK_BENCH_SCALES (default "1000000,5000000,20000000"). The
//! comparisons run AUDITPACK_BENCH_PAIRS times (default 3), the two tools in
//! turn, and print each pair and the median ratio: a shared machine's speed
//! changes from minute to minute, and a pair run together sees the same.
//! Needs python3 with duckdb, pandas, openpyxl and python-calamine for the
//! comparisons (`pip install duckdb pandas openpyxl python-calamine`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The generated set (made once and kept in the temp folder).
fn set(audits: usize, notes: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("auditpack-bench-{audits}-{notes}"));
    if !dir.join("case-notes.csv").exists() {
        let t = Instant::now();
        let ok = Command::new(env!("CARGO_BIN_EXE_auditpack"))
            .args(["-q", "generate", "--audits", &audits.to_string(), "--children", &(audits / 2).max(100).to_string()])
            .args(["--case-notes", &notes.to_string(), "--seed", "1", "--out"])
            .arg(&dir)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "generate failed");
        println!("generated {audits} audits and {notes} case notes in {:.1} s", t.elapsed().as_secs_f64());
    }
    dir
}

/// Wall seconds and peak RSS (MB) of a command that must succeed.
fn measure(cmd: &mut Command) -> (f64, Option<f64>) {
    measure_exit(cmd, &[0])
}

/// Wall seconds and peak RSS (MB) of a command, through GNU time when present;
/// its exit code must be one of `ok` (`validate` exits 1 or 3 when it finds problems).
fn measure_exit(cmd: &mut Command, ok: &[i32]) -> (f64, Option<f64>) {
    let rss_file = std::env::temp_dir().join(format!("auditpack-bench-rss-{}", std::process::id()));
    let t = Instant::now();
    let status = if Path::new("/usr/bin/time").exists() {
        let mut timed = Command::new("/usr/bin/time");
        timed.args(["-f", "%M", "-o"]).arg(&rss_file).arg(cmd.get_program()).args(cmd.get_args());
        timed.stdout(std::process::Stdio::null()).status()
    } else {
        cmd.stdout(std::process::Stdio::null()).status()
    };
    let secs = t.elapsed().as_secs_f64();
    assert!(status.ok().and_then(|s| s.code()).is_some_and(|c| ok.contains(&c)), "{:?} failed", cmd.get_program());
    let rss = std::fs::read_to_string(&rss_file).ok().and_then(|s| s.trim().lines().last()?.parse::<f64>().ok()).map(|kb| kb / 1024.0);
    let _ = std::fs::remove_file(&rss_file);
    (secs, rss)
}

fn run(inputs: &[PathBuf], out: &Path) -> (f64, Option<f64>) {
    run_with(inputs, out, &[])
}

/// [`run`] with more options (`--durable`).
fn run_with(inputs: &[PathBuf], out: &Path, more: &[&str]) -> (f64, Option<f64>) {
    // A first run into an empty folder (replacing last time's files costs their deletion too).
    let _ = std::fs::remove_dir_all(out);
    let mut c = Command::new(env!("CARGO_BIN_EXE_auditpack"));
    c.args(["-q", "run"]).args(inputs).arg("--out").arg(out).args(more);
    measure(&mut c)
}

fn mb(x: Option<f64>) -> String {
    x.map(|m| format!("{m:.0} MB")).unwrap_or_else(|| "? MB".into())
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg").map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")).unwrap_or_default()
}

/// How many times each comparison runs (AUDITPACK_BENCH_PAIRS, default 3).
fn bench_pairs() -> usize {
    std::env::var("AUDITPACK_BENCH_PAIRS").ok().and_then(|v| v.parse().ok()).filter(|n| *n > 0).unwrap_or(3)
}

/// Each pair's ratio (a / b) and their median, e.g. "1.07, 1.24, 0.98; median 1.07".
fn ratios(pairs: &[(f64, f64)]) -> String {
    let mut r: Vec<f64> = pairs.iter().map(|(a, b)| a / b).collect();
    let each: Vec<String> = r.iter().map(|x| format!("{x:.2}")).collect();
    r.sort_by(f64::total_cmp);
    let median = match r.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => r[n / 2],
        n => (r[n / 2 - 1] + r[n / 2]) / 2.0,
    };
    format!("{}; median {median:.2}", each.join(", "))
}

fn python_has(module: &str) -> bool {
    Command::new("python3").args(["-c", &format!("import {module}")]).status().map(|s| s.success()).unwrap_or(false)
}

fn duckdb(notes: usize) {
    let dir = set(10_000, notes);
    let files = [dir.join("case-notes.csv"), dir.join("children-legal-status.csv")];
    let out = std::env::temp_dir().join("auditpack-bench-out-duckdb");
    let (ours, rss) = run(&files, &out);
    let mut pairs = Vec::new();
    // Reading and normalising alone (no tables or packs written): the part of
    // the run that does what the DuckDB query does.
    let mut v = Command::new(env!("CARGO_BIN_EXE_auditpack"));
    v.args(["-q", "validate"]).args(&files);
    let (read_only, read_rss) = measure_exit(&mut v, &[0, 1, 3]);
    let metrics: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).expect("metrics.json")).expect("json");
    let period = &metrics["period"];
    if !python_has("duckdb") {
        println!("duckdb: python3 -m pip install duckdb, then run again");
        return;
    }
    let holidays = std::env::current_dir().expect("cwd").join("src/data/bank-holidays-england-and-wales.csv");
    let duck = || {
        let t = Instant::now();
        let o = Command::new("python3")
            .arg("benches/duckdb_casenotes.py")
            .args([&files[0], &files[1], &holidays])
            .args([period["from"].as_str().unwrap_or(""), period["to"].as_str().unwrap_or(""), metrics["as_of"].as_str().unwrap_or("")])
            .output()
            .expect("python3 runs");
        let wall = t.elapsed().as_secs_f64();
        let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("duckdb side failed: {}", String::from_utf8_lossy(&o.stderr)));
        (d, wall)
    };
    let (d, wall) = duck();
    let secs = d["seconds"].as_f64().unwrap_or(f64::NAN);
    pairs.push((ours, secs));
    println!(
        "whole run on {notes} case notes: auditpack {ours:.2} s, peak {}  |  DuckDB (duplicates dropped) {secs:.2} s ({wall:.2} s with Python start-up)",
        mb(rss)
    );
    for _ in 1..bench_pairs() {
        let (ours, rss) = run(&files, &out);
        let secs = duck().0["seconds"].as_f64().unwrap_or(f64::NAN);
        println!("  again: auditpack {ours:.2} s, peak {}  |  DuckDB {secs:.2} s", mb(rss));
        pairs.push((ours, secs));
    }
    println!("  ratio auditpack / DuckDB: {} (below 1: auditpack faster)   load average {}", ratios(&pairs), load());
    println!("  reading and normalising alone (`validate`): {read_only:.2} s, peak {}; ratio to DuckDB {:.2}", mb(read_rss), read_only / secs);
    // The same run waiting until each file is on the disk (`--durable`): the
    // cost of that guarantee, on this machine's disk.
    let (durable, durable_rss) = run_with(&files, &out, &["--durable"]);
    println!(
        "  whole run with --durable (each file on the disk before it is renamed): {durable:.2} s, peak {}; ratio to DuckDB {:.2}",
        mb(durable_rss),
        durable / secs
    );
    for id in ["notes_recorded_in_time", "seen_alone_recorded", "cp_visits_in_time", "cla_visits_in_time"] {
        let k = metrics["kpis"].as_array().and_then(|a| a.iter().find(|k| k["id"] == id)).cloned().unwrap_or_default();
        let agree = d[id][0] == k["numerator"] && d[id][1] == k["denominator"];
        println!("  {id:<24} auditpack {}/{}  duckdb {}/{}  {}", k["numerator"], k["denominator"], d[id][0], d[id][1], if agree { "agree" } else { "DIFFER" });
    }
}

fn pandas() {
    // Ten times the sample's shape.
    let dir = set(2_400, 60_000);
    let out = std::env::temp_dir().join("auditpack-bench-out-pandas");
    if !(python_has("pandas") && python_has("openpyxl")) {
        println!("pandas: python3 -m pip install pandas openpyxl, then run again");
        return;
    }
    let mut pairs = Vec::new();
    for i in 0..bench_pairs() {
        let (ours, rss) = run(std::slice::from_ref(&dir), &out);
        let mut c = Command::new("python3");
        c.arg("benches/pandas_kpis.py").arg(&dir);
        let (theirs, _) = measure(&mut c);
        let what = if i == 0 { "whole run on the 10x set (2,400 audits, 60,000 case notes):" } else { "  again:" };
        println!("{what} auditpack {ours:.2} s (peak {})  |  pandas + openpyxl {theirs:.2} s", mb(rss));
        pairs.push((theirs, ours));
    }
    println!("  pandas / auditpack (how many times faster auditpack is): {}   load average {}", ratios(&pairs), load());
}

/// A folder of many small workbooks (tabular exports and one-audit forms), as a
/// service that keeps one workbook per audit sends: 40 generated sets' workbooks.
fn workbook_folder() -> PathBuf {
    let dir = std::env::temp_dir().join("auditpack-bench-workbooks");
    if dir.join("done").exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench folder");
    for seed in 1..=40 {
        let gen = std::env::temp_dir().join(format!("auditpack-bench-workbooks-gen-{seed}"));
        let ok = Command::new(env!("CARGO_BIN_EXE_auditpack"))
            .args(["-q", "generate", "--audits", "240", "--case-notes", "10", "--seed", &seed.to_string(), "--out"])
            .arg(&gen)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "generate failed");
        for sub in [gen.clone(), gen.join("tier2-forms")] {
            for e in std::fs::read_dir(&sub).expect("generated folder").flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if name.ends_with(".xlsx") {
                    std::fs::copy(e.path(), dir.join(format!("s{seed}-{name}"))).expect("copy");
                }
            }
        }
        let _ = std::fs::remove_dir_all(&gen);
    }
    std::fs::write(dir.join("done"), "").expect("marker");
    dir
}

fn workbooks() {
    let dir = workbook_folder();
    let files = std::fs::read_dir(&dir).map(|d| d.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "xlsx")).count()).unwrap_or(0);
    let mut v = Command::new(env!("CARGO_BIN_EXE_auditpack"));
    v.args(["-q", "validate"]).arg(&dir);
    let (ours, rss) = measure_exit(&mut v, &[0, 1, 3]);
    println!("validate of {files} small workbooks (audit exports and one-audit forms): auditpack {ours:.2} s, peak {}", mb(rss));
    if !python_has("python_calamine") {
        println!("python-calamine: python3 -m pip install python-calamine, then run again");
        return;
    }
    let o = Command::new("python3").arg("benches/calamine_read.py").arg(&dir).output().expect("python3 runs");
    let d: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("python-calamine side failed: {}", String::from_utf8_lossy(&o.stderr)));
    let secs = d["seconds"].as_f64().unwrap_or(f64::NAN);
    println!("  python-calamine reading every sheet into rows, nothing more: {secs:.2} s ({} sheets, {} cells)", d["sheets"], d["cells"]);
    println!("  ratio auditpack / bare read: {:.2}   load average {}", ours / secs, load());
}

fn scaling() {
    let sizes: Vec<usize> = std::env::var("AUDITPACK_BENCH_SCALES")
        .unwrap_or_else(|_| "1000000,5000000,20000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    println!("scaling (whole run, case notes + legal status):");
    let mut first: Option<(usize, f64)> = None;
    for n in sizes {
        let dir = set(10_000, n);
        let (secs, rss) = run(&[dir.join("case-notes.csv"), dir.join("children-legal-status.csv")], &std::env::temp_dir().join("auditpack-bench-out-scale"));
        let per = secs / n as f64 * 1e6;
        let vs = first.map(|(n0, s0)| format!("  time x{:.2} for rows x{:.1}", secs / s0, n as f64 / n0 as f64)).unwrap_or_default();
        first.get_or_insert((n, secs));
        println!("  {n:>10} notes: {secs:6.2} s ({per:.2} s per million), peak {}{vs}   load average {}", mb(rss), load());
    }
}

fn main() {
    let what: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let want = |w: &str| what.is_empty() || what.iter().any(|a| a == w);
    let notes = std::env::var("AUDITPACK_BENCH_NOTES").ok().and_then(|v| v.parse().ok()).unwrap_or(5_000_000);
    if want("duckdb") {
        duckdb(notes);
    }
    if want("pandas") {
        pandas();
    }
    if want("workbooks") {
        workbooks();
    }
    if want("scaling") {
        scaling();
    }
}
