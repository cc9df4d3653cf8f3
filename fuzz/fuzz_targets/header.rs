//! Header detection over rows made from arbitrary bytes: cells split on 0x1F,
//! rows on 0x1E; a leading 'n' makes a cell a number.
#![no_main]
use auditpack::ingest::{header, Cell, SourceRow};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let rows: Vec<SourceRow> = text
        .split('\u{1e}')
        .enumerate()
        .map(|(i, r)| SourceRow {
            row: i as u32 + 1,
            cells: r.split('\u{1f}').map(|c| match c.strip_prefix('n').and_then(|n| n.parse::<f64>().ok()) {
                Some(n) => Cell::Number(n),
                None => Cell::text(c),
            }).collect(),
        })
        .collect();
    let known = |s: &str| s.len() % 3 == 0;
    if let Some(h) = header::find_header(&rows, known) {
        assert!(h.index < rows.len());
        if h.index > 0 {
            let _ = header::combine_two_row_header(&rows[h.index - 1], &rows[h.index]);
        }
    }
});
