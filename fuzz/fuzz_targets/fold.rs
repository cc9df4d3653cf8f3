//! Label folding and phrase matching on any text.
#![no_main]
use auditpack::normalise::fold;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let (a, b) = s.split_at(s.char_indices().nth(s.chars().count() / 2).map(|(i, _)| i).unwrap_or(0));
    let f = fold::fold(a);
    assert_eq!(fold::fold(&f), f, "folding is idempotent");
    let _ = fold::split_numbering(&f);
    let _ = fold::contains_phrase(&f, &fold::fold(b));
});
