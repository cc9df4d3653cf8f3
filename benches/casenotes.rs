//! Case-note KPI benchmark (a program, not a test): the case-note KPIs of
//! metrics.json over 5,000,000 generated case notes, against the same queries in
//! DuckDB (Python `duckdb`, installed quietly if missing) on the same files, in
//! one run. Prints both times, the ratio, whether the answers agree, and our peak
//! memory (VmHWM).
//!
//! Run: `cargo bench --bench casenotes` (size: AUDITPACK_BENCH_NOTES).

use auditpack::analyse::{analyse, Params, Period};
use auditpack::calendar::{date, Calendar};
use auditpack::normalise::{normalise_inputs, Config};
use std::process::Command;
use std::time::Instant;

#[path = "common.rs"]
mod common;
use common::*;

fn main() {
    let dir = bench_set(10_000, 5_000_000);
    let have_duckdb = Command::new("python3").args(["-c", "import duckdb"]).status().map(|s| s.success()).unwrap_or(false);
    if !have_duckdb {
        let _ = Command::new("python3").args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "duckdb"]).status();
    }

    let period = Period::bimonthly_starting(date(2026, 9, 1));
    let params = Params { period, as_of: period.to };
    let files = [dir.join("case-notes.csv"), dir.join("children-legal-status.csv")];
    let t = Instant::now();
    let n = normalise_inputs(&files, &Config::defaults(), &mut |_, _, _| {});
    let ingest = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let m = analyse(&n, &Config::defaults(), &Calendar::default(), &params);
    let kpis = t.elapsed().as_secs_f64();
    let ours = ingest + kpis;

    let holidays = std::env::current_dir().unwrap().join("src/data/bank-holidays-england-and-wales.csv");
    let duck = |mode: &str| -> (serde_json::Value, f64) {
        let t = Instant::now();
        let out = Command::new("python3")
            .arg("benches/duckdb_casenotes.py")
            .args([&files[0], &files[1], &holidays])
            .args([period.from.to_string(), period.to.to_string(), params.as_of.to_string(), mode.to_string()])
            .output()
            .expect("python3 runs");
        let wall = t.elapsed().as_secs_f64();
        match serde_json::from_slice(&out.stdout) {
            Ok(v) => (v, wall),
            Err(_) => {
                eprintln!("DuckDB side failed:\n{}", String::from_utf8_lossy(&out.stderr));
                std::process::exit(1);
            }
        }
    };
    let (dedup, dedup_wall) = duck("distinct");
    let (raw, raw_wall) = duck("raw");
    println!("{} case notes, period {}, as at {}", n.model.case_notes.len(), period.label(), params.as_of);
    println!("auditpack  ingest {ingest:.2} s + KPIs {kpis:.2} s = {ours:.2} s   (peak RSS {:.0} MB)", peak_rss_mb());
    for (name, d, wall) in
        [("duckdb, duplicates dropped (same rules as auditpack)", &dedup, dedup_wall), ("duckdb, raw rows (duplicates counted)", &raw, raw_wall)]
    {
        let secs = d["seconds"].as_f64().unwrap_or(f64::NAN);
        println!(
            "{name}: read + KPIs {secs:.2} s (wall with Python start-up {wall:.2} s); ratio auditpack / duckdb {:.2}x (below 1: auditpack faster)",
            ours / secs
        );
        for id in ["notes_recorded_in_time", "seen_alone_recorded", "cp_visits_in_time", "cla_visits_in_time"] {
            let k = m.kpis.iter().find(|k| k.id == id).expect("kpi");
            let agree = d[id][0].as_u64() == k.numerator.n() && d[id][1].as_u64() == k.denominator.and_then(|d| d.n());
            println!(
                "  {id:<24} auditpack {}/{}  duckdb {}/{}  {}",
                k.numerator,
                k.denominator.unwrap_or_default(),
                d[id][0],
                d[id][1],
                if agree { "agree" } else { "differ" }
            );
        }
    }
}
