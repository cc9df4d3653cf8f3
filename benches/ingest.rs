//! Ingest benchmark (a program, not a test): generates 10,000 audits (XLSX / CSV)
//! and 5,000,000 case notes (CSV), then times `normalise_inputs` over them against
//! a reference measured in the same run: a bare csv-crate pass over the case-notes
//! file that only counts fields. Prints times, the ratio and peak memory (VmHWM).
//!
//! Run: `cargo bench --bench ingest` (size: AUDITPACK_BENCH_NOTES).

use auditpack::normalise::{normalise_inputs, Config};
use std::time::Instant;

#[path = "common.rs"]
mod common;
use common::*;

fn main() {
    let dir = bench_set(10_000, 5_000_000);
    let rss_before = peak_rss_mb();

    // Reference: bare CSV parsing of the case-notes file.
    let t = Instant::now();
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_path(dir.join("case-notes.csv")).expect("open");
    let mut rec = csv::ByteRecord::new();
    let mut fields = 0usize;
    while rdr.read_byte_record(&mut rec).expect("read") {
        fields += rec.len();
    }
    let reference = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let n = normalise_inputs(std::slice::from_ref(&dir), &Config::defaults(), &mut |_, _, _| {});
    let ingest = t.elapsed().as_secs_f64();
    let rows: u64 = n.tables.iter().map(|t| t.rows_read).sum();
    println!("reference  bare csv parse of case-notes.csv: {reference:.2} s ({fields} fields)");
    println!(
        "auditpack  ingest + normalise of every file:  {ingest:.2} s ({rows} rows: {} audits, {} actions, {} case notes)",
        n.model.audits.len(),
        n.model.actions.len(),
        n.model.case_notes.len()
    );
    println!("ratio      auditpack / reference: {:.2}x", ingest / reference);
    println!("peak RSS   {:.0} MB (before ingest: {rss_before:.0} MB)", peak_rss_mb());
}
