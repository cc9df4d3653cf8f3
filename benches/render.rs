//! Render benchmark (a program, not a test): all four reports (XLSX, HTML, SVG
//! charts) for the 10,000-audit generated set, against a reference measured in
//! the same run: serialising metrics.json for the same metrics.
//!
//! Run: `cargo bench --bench render` (uses the ingest benchmark's generated set;
//! AUDITPACK_BENCH_NOTES sets its size).

use auditpack::analyse::{analyse, Params};
use auditpack::calendar::Calendar;
use auditpack::normalise::{normalise_inputs, Config};
use auditpack::render::{charts, doc, html, json, xlsx};
use std::time::Instant;

#[path = "common.rs"]
mod common;
use common::*;

fn main() {
    let dir = bench_set(10_000, 5_000_000);
    let config = Config::defaults();
    let n = normalise_inputs(&[dir], &config, &mut |_, _, _| {});
    let params = Params::resolve(&n.model, None, None).expect("a period");
    let m = analyse(&n, &config, &Calendar::default(), &params);

    let rounds = 3;
    let t = Instant::now();
    let mut json_bytes = 0;
    for _ in 0..rounds {
        json_bytes = json::metrics_json(&m).len();
    }
    let reference = t.elapsed().as_secs_f64() / rounds as f64;

    let t = Instant::now();
    let mut bytes = 0usize;
    let mut files = 0usize;
    for _ in 0..rounds {
        bytes = 0;
        files = 0;
        for kind in doc::ReportKind::ALL {
            let d = doc::build(&m, kind, &doc::Options::default());
            bytes += xlsx::render(&d).expect("xlsx").len() + html::render(&d, None).expect("html").len();
            files += 2;
            for s in &d.sections {
                for c in &s.charts {
                    bytes += charts::svg(c).len();
                    files += 1;
                }
            }
        }
    }
    let render = t.elapsed().as_secs_f64() / rounds as f64;
    println!("{} audits, {} actions, {} case notes; period {}", n.model.audits.len(), n.model.actions.len(), n.model.case_notes.len(), m.period.label);
    println!("reference  metrics.json ({json_bytes} bytes): {:.3} s", reference);
    println!("render     4 reports as XLSX + HTML + SVG ({files} files, {bytes} bytes): {render:.3} s");
    println!("ratio      render / metrics.json: {:.1}x", render / reference);
}
