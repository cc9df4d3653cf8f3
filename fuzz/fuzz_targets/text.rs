//! CSV sniffing and decoding: any bytes as a .csv file (the reader takes a path,
//! so each input is written to a temporary file first).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("auditpack-fuzz-text-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let ext = match data.first() {
        Some(b) if b % 3 == 0 => "tsv",
        Some(b) if b % 3 == 1 => "txt",
        _ => "csv",
    };
    let path = dir.join(format!("input.{ext}"));
    std::fs::write(&path, data).unwrap();
    if let Ok(tables) = auditpack::ingest::open(&path) {
        for t in tables {
            let _ = auditpack::ingest::collect_rows(t);
        }
    }
});
