//! A whole workbook from bytes: the first byte picks the format.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let ext = ["xlsx", "xlsb", "xls", "ods"][pick as usize % 4];
    let _ = auditpack::ingest::read_workbook_bytes(ext, bytes);
});
