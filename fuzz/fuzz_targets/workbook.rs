//! A whole workbook from bytes, read as every format its first bytes could be
//! (a zip as .xlsx, .xlsb and .ods; an OLE file as .xls), so the seed corpus
//! can be real workbooks.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let formats: &[&str] = if data.starts_with(b"PK") {
        &["xlsx", "xlsb", "ods"]
    } else if data.starts_with(&[0xD0, 0xCF]) {
        &["xls"]
    } else {
        &["xlsx", "xls"]
    };
    for ext in formats {
        let _ = auditpack::ingest::read_workbook_bytes(ext, data);
    }
});
