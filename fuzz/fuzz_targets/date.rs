//! Date parsing: any text, and any number as an Excel serial.
#![no_main]
use auditpack::ingest::{parse_date, Cell};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let _ = parse_date(&s);
    let _ = Cell::text(&s).as_date();
    if data.len() >= 8 {
        let n = f64::from_le_bytes(data[..8].try_into().unwrap());
        let _ = Cell::Number(n).as_date();
    }
});
