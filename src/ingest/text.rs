//! Delimited text (.csv .tsv .txt): UTF-8 with or without BOM, Windows-1252 or
//! UTF-16 with BOM; comma, semicolon, tab or pipe; quoted fields with embedded
//! newlines. Streams records, so a file of millions of rows is not held whole.

use super::{display_path, extension, BulkText, Cell, IngestError, SourceRow, Table, TextFormat};
use std::io::Read;
use std::path::Path;

const SAMPLE: usize = 1 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Windows1252,
}

pub fn open(path: &Path) -> Result<Table, IngestError> {
    let file = display_path(path);
    let mut f = std::fs::File::open(path).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?;
    let mut sample = Vec::with_capacity(SAMPLE.min(64 * 1024));
    (&mut f).take(SAMPLE as u64).read_to_end(&mut sample).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?;
    match decoding(path, &sample)? {
        Decoding::Utf16(enc) => {
            let bytes = std::fs::read(path).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?;
            Ok(utf16_table(file, path, enc, &bytes))
        }
        Decoding::Text(encoding, name) => {
            let reader = std::fs::File::open(path).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?;
            let len = reader.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
            let ends_with_newline = last_byte(path) == Some(b'\n');
            let again = Some(super::BulkSource::File(path.to_path_buf()));
            Ok(table(file, path, sample, encoding, name, Box::new(std::io::BufReader::with_capacity(256 * 1024, reader)), len, ends_with_newline, again))
        }
        // (Read whole, as a file from an archive is, without its zero bytes.)
        Decoding::WithZeros(..) => read(path, std::fs::read(path).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?),
    }
}

/// A text export held in memory (a file inside a zip archive): read as
/// [`open`] reads one from disk; `path` names it and gives its extension. It
/// is not read again in bulk.
///
/// # Errors
/// As [`open`].
pub fn read(path: &Path, bytes: Vec<u8>) -> Result<Table, IngestError> {
    let file = display_path(path);
    match decoding(path, &bytes[..bytes.len().min(SAMPLE)])? {
        Decoding::Utf16(enc) => Ok(utf16_table(file, path, enc, &bytes)),
        Decoding::Text(encoding, name) => {
            let (len, nl) = (bytes.len() as u64, bytes.ends_with(b"\n"));
            let sample = bytes[..bytes.len().min(SAMPLE)].to_vec();
            // (Read again in bulk from the same bytes, a large case-notes
            // export on every core, as from a file on disk.)
            let held = super::Held(std::sync::Arc::new(bytes));
            let again = super::BulkSource::Held(held.clone());
            Ok(table(file, path, sample, encoding, name, Box::new(std::io::Cursor::new(held)), len, nl, Some(again)))
        }
        Decoding::WithZeros(encoding, name) => {
            // (Read row by row, not again in bulk.)
            let bytes: Vec<u8> = bytes.into_iter().filter(|&b| b != 0).collect();
            let (len, nl) = (bytes.len() as u64, bytes.ends_with(b"\n"));
            let sample = bytes[..bytes.len().min(SAMPLE)].to_vec();
            Ok(table(file, path, sample, encoding, name, Box::new(std::io::Cursor::new(bytes)), len, nl, None))
        }
    }
}

/// Whether bytes are a text export auditpack reads, for a file named as a
/// workbook that is none: text in an encoding it reads, of two lines or
/// more, the first with a delimiter (a line of words, "not a zip", is no
/// table).
pub fn is_text_export(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let text: std::borrow::Cow<'_, str> = match decoding(Path::new(""), sample) {
        Ok(Decoding::Utf16(enc)) => enc.decode(sample).0,
        Ok(Decoding::Text(..) | Decoding::WithZeros(..)) => String::from_utf8_lossy(sample),
        Err(_) => return false,
    };
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or_default();
    first.contains([',', ';', '\t', '|']) && lines.next().is_some()
}

/// How a text export's first bytes say it is read.
enum Decoding {
    /// UTF-16 (some Excel "Unicode text" saves): decoded whole, then read as UTF-8.
    Utf16(&'static encoding_rs::Encoding),
    /// Read as it streams, in this encoding (and its name for the report).
    Text(Encoding, &'static str),
    /// Text with a few stray zero bytes (a padded or damaged export): read
    /// without them, in this encoding (its name saying so).
    WithZeros(Encoding, &'static str),
}

/// [`Decoding`] from a file's first bytes; an empty file, or binary data, is
/// refused.
fn decoding(path: &Path, sample: &[u8]) -> Result<Decoding, IngestError> {
    if sample.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::new(path, "the file is empty"));
    }
    if sample.starts_with(&[0xFF, 0xFE]) || sample.starts_with(&[0xFE, 0xFF]) {
        return Ok(Decoding::Utf16(if sample[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE }));
    }
    if let Some(enc) = utf16_without_bom(sample) {
        return Ok(Decoding::Utf16(enc));
    }
    if stray_zeros(sample) {
        let (encoding, _) = detect_encoding(&sample.iter().copied().filter(|&b| b != 0).collect::<Vec<u8>>());
        let name = match encoding {
            Encoding::Utf8 => UTF8_ZEROS_LEFT_OUT,
            Encoding::Windows1252 => WINDOWS_1252_ZEROS_LEFT_OUT,
        };
        return Ok(Decoding::WithZeros(encoding, name));
    }
    if looks_binary(sample) {
        return Err(IngestError::new(path, "is not a text export (it contains binary data). If it is a workbook, give it its .xlsx / .xls extension"));
    }
    let (encoding, name) = detect_encoding(sample);
    Ok(Decoding::Text(encoding, name))
}

/// A UTF-16 export's bytes as a table of their text (not read again in bulk).
fn utf16_table(file: String, path: &Path, enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Table {
    let utf8 = enc.decode(bytes).0.into_owned().into_bytes();
    let (len, nl) = (utf8.len() as u64, utf8.ends_with(b"\n"));
    table(file, path, utf8.clone(), Encoding::Utf8, "UTF-16", Box::new(std::io::Cursor::new(utf8)), len, nl, None)
}

#[allow(clippy::too_many_arguments)]
fn table(
    file: String,
    path: &Path,
    sample: Vec<u8>,
    encoding: Encoding,
    name: &'static str,
    reader: Box<dyn Read + Send>,
    len: u64,
    ends_with_newline: bool,
    again: Option<super::BulkSource>,
) -> Table {
    let delimiter = sniff_delimiter(&sample, &extension(path));
    // Whether the file ends inside a quoted field, known once the reader has met its end.
    let ended_in_quotes = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = QuoteWatch { inner: reader, scan: QuoteScan::new(delimiter, true), ended_in_quotes: ended_in_quotes.clone() };
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(reader);
    let mut index = 0u32;
    let mut embedded = 0u32;
    let err_file = file.clone();
    let mut record = csv::ByteRecord::new();
    let mut done = false;
    let rows = std::iter::from_fn(move || {
        if done {
            return None;
        }
        match rdr.read_byte_record(&mut record) {
            Ok(true) => {
                // Row numbers as a spreadsheet shows them: the record's first line,
                // less the newlines inside earlier quoted fields.
                // The csv reader skips empty lines and counts lines from where it
                // resumed, so number from the reader's position after the record.
                let first = index == 0;
                let inside = record.iter().map(|f| f.iter().filter(|&&b| b == b'\n').count() as u32).sum::<u32>();
                let pos = rdr.position();
                let at_end = pos.byte() >= len;
                let last_line = pos.line() as u32 - if at_end && !ends_with_newline { 0 } else { 1 };
                embedded += inside;
                index = (last_line.saturating_sub(embedded)).max(index + 1);
                // A quote never closed: the rest of the file is one cell of this
                // row. Reading stops here, saying so, rather than count the
                // rows it swallowed as nothing.
                if at_end && ended_in_quotes.load(std::sync::atomic::Ordering::Relaxed) {
                    let lost = swallowed_lines(record.iter());
                    if lost > 0 {
                        done = true;
                        return Some(Err(IngestError { file: err_file.clone(), sheet: None, message: unclosed_quote_message(index, lost) }));
                    }
                }
                let cells = record.iter().enumerate().map(|(i, f)| decode(f, encoding, first && i == 0)).collect();
                Some(Ok(SourceRow { row: index, cells }))
            }
            Ok(false) => None,
            Err(e) => {
                done = true;
                Some(Err(IngestError { file: err_file.clone(), sheet: None, message: format!("after row {index}: {e}") }))
            }
        }
    });
    let bulk = again.map(|source| BulkText { source, delimiter, windows_1252: encoding == Encoding::Windows1252, len, ends_with_newline });
    Table { file, sheet: None, text_format: Some(TextFormat { encoding: name, delimiter: delimiter as char, bulk }), rows: Box::new(rows), date1904: false }
}

/// A reader that follows the quoting of what passes through it, and says
/// at its end whether the text ended inside a quoted field.
struct QuoteWatch {
    inner: Box<dyn Read + Send>,
    scan: QuoteScan,
    ended_in_quotes: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Read for QuoteWatch {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            self.ended_in_quotes.store(self.scan.in_quotes(), std::sync::atomic::Ordering::Relaxed);
        } else {
            self.scan.feed(&buf[..n]);
        }
        Ok(n)
    }
}

/// Follows the quoting of delimited text as the CSV parser reads it (a quote
/// opens a field only at its start; two quotes inside one are a quote; any
/// line end), to tell whether the text ends inside a quoted field.
#[derive(Debug, Clone, Copy)]
pub struct QuoteScan {
    delimiter: u8,
    state: QuoteState,
    /// Whether a byte-order mark may still come (the parser drops one at the file's start).
    at_file_start: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    FieldStart,
    InField,
    Quoted,
    /// A quote inside a quoted field: the field's end, or the first of two.
    QuoteInQuoted,
}

impl QuoteScan {
    /// From the start of a record (`at_file_start`: the start of the file).
    pub fn new(delimiter: u8, at_file_start: bool) -> QuoteScan {
        QuoteScan { delimiter, state: QuoteState::FieldStart, at_file_start }
    }

    pub fn feed(&mut self, mut bytes: &[u8]) {
        if self.at_file_start && !bytes.is_empty() {
            self.at_file_start = false;
            bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
        }
        let d = self.delimiter;
        for &b in bytes {
            self.state = match (self.state, b) {
                (QuoteState::Quoted, b'"') => QuoteState::QuoteInQuoted,
                (QuoteState::Quoted, _) => QuoteState::Quoted,
                (QuoteState::FieldStart | QuoteState::QuoteInQuoted, b'"') => QuoteState::Quoted,
                (_, b'\n' | b'\r') => QuoteState::FieldStart,
                (_, b) if b == d => QuoteState::FieldStart,
                _ => QuoteState::InField,
            };
        }
    }

    /// Whether the text so far ends inside a quoted field.
    pub fn in_quotes(&self) -> bool {
        self.state == QuoteState::Quoted
    }
}

/// The lines after the first in a record's fields that hold anything: the
/// rows a quote never closed has swallowed.
pub fn swallowed_lines<'a>(fields: impl Iterator<Item = &'a [u8]>) -> u32 {
    fields.map(|f| f.split(|&b| b == b'\n').skip(1).filter(|l| l.iter().any(|b| !b.is_ascii_whitespace())).count() as u32).sum()
}

/// What is said when a quote is never closed: the row, and the lines read
/// into its cell. The same words from the row reader and the columnar one.
pub fn unclosed_quote_message(row: u32, lines: u32) -> String {
    format!(
        "row {row}: a quote (\") opens a cell in this row and is never closed, so the {lines} lines after it were read as that one cell: this row and the rows after it are not used. Close the quote (or take it out) in the export and run again"
    )
}

/// The lines of a cell's text, after its first, that look like rows of its
/// table: at least as many delimiters as the table's header has between its
/// names (a header of `width` names; none for a table of fewer than 3
/// columns, whose rows look like any text with a comma).
pub fn looks_like_rows(text: &str, delimiter: u8, width: usize) -> u32 {
    if width < 3 || !text.contains('\n') {
        return 0;
    }
    text.split('\n').skip(1).filter(|l| l.bytes().filter(|&b| b == delimiter).count() + 1 >= width).count() as u32
}

fn last_byte(path: &Path) -> Option<u8> {
    use std::io::{Seek, SeekFrom};
    let mut f = std::fs::File::open(path).ok()?;
    f.seek(SeekFrom::End(-1)).ok()?;
    let mut b = [0u8; 1];
    f.read_exact(&mut b).ok()?;
    Some(b[0])
}

fn decode(field: &[u8], encoding: Encoding, first: bool) -> Cell {
    let field = if first { field.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(field) } else { field };
    match encoding {
        Encoding::Utf8 => Cell::text(&utf8_else_1252(field)),
        Encoding::Windows1252 => Cell::text(&encoding_rs::WINDOWS_1252.decode_without_bom_handling(field).0),
    }
}

/// The encodings named for text read with a repair, and what is said of each.
pub const UTF8_WITH_1252: &str = "UTF-8 (a few bytes in Windows-1252, read as such)";
pub const UTF8_ZEROS_LEFT_OUT: &str = "UTF-8 (stray zero bytes left out)";
pub const WINDOWS_1252_ZEROS_LEFT_OUT: &str = "Windows-1252 (stray zero bytes left out)";

/// What is said of a text export read with a repair ([`UTF8_WITH_1252`] and
/// the like), for the data-quality findings; none for one read as it is.
pub fn repair_said(encoding: &str) -> Option<&'static str> {
    match encoding {
        UTF8_WITH_1252 => Some("read as UTF-8, with a few bytes that are not UTF-8 each read as the Windows-1252 character it is (’ £ – é): if a name, a team or a grade looks wrong, save the export again as UTF-8"),
        UTF8_ZEROS_LEFT_OUT | WINDOWS_1252_ZEROS_LEFT_OUT => Some("stray zero bytes among the text (a padded or damaged export) were left out and the rest read as text: if a value looks wrong, export the file again"),
        _ => None,
    }
}

/// UTF-8 text with a stray byte that is not UTF-8 (a "’" or "£" typed in
/// Windows-1252 into a UTF-8 export): the UTF-8 read as UTF-8, and each
/// stray byte as the Windows-1252 character it is, so one byte does not turn
/// the field's "–" and "é" into "â€“" and "Ã©".
pub fn utf8_else_1252(raw: &[u8]) -> std::borrow::Cow<'_, str> {
    let first = match std::str::from_utf8(raw) {
        Ok(s) => return std::borrow::Cow::Borrowed(s),
        Err(e) => e,
    };
    let mut out = String::with_capacity(raw.len() + 8);
    let mut rest = raw;
    let mut error = Some(first);
    while let Some(e) = error {
        let (good, bad) = rest.split_at(e.valid_up_to());
        out.push_str(std::str::from_utf8(good).unwrap_or_default());
        let n = e.error_len().unwrap_or(bad.len()).max(1).min(bad.len());
        out.push_str(&encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bad[..n]).0);
        rest = &bad[n..];
        error = std::str::from_utf8(rest).err();
    }
    out.push_str(std::str::from_utf8(rest).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

/// Of a sample that is not all UTF-8: how many characters it writes as UTF-8
/// (two to four bytes each) and how many bytes are no UTF-8.
fn utf8_and_stray(sample: &[u8]) -> (usize, usize) {
    let wide = |b: &[u8]| std::str::from_utf8(b).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
    let (mut utf8, mut stray) = (0, 0);
    let mut rest = sample;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => return (utf8 + wide(rest), stray),
            Err(e) => {
                utf8 += wide(&rest[..e.valid_up_to()]);
                // (The sample may end inside a character: not a stray byte.)
                let Some(n) = e.error_len() else { return (utf8, stray) };
                stray += 1;
                rest = &rest[e.valid_up_to() + n..];
            }
        }
    }
}

/// UTF-16 with no byte order mark (some tools' "Unicode" saves): text whose
/// every other byte is zero, the others letters, digits, punctuation and
/// line ends (the zero after each in little-endian order, before it in
/// big-endian).
fn utf16_without_bom(sample: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let n = sample.len().min(4096) & !1;
    if n < 8 {
        return None;
    }
    let pairs: Vec<(u8, u8)> = sample[..n].chunks_exact(2).map(|p| (p[0], p[1])).collect();
    let text = |b: u8| b.is_ascii_graphic() || matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let share = |f: &dyn Fn(&(u8, u8)) -> bool| pairs.iter().filter(|p| f(p)).count() * 100 / pairs.len();
    if share(&|&(a, b)| b == 0 && text(a)) >= 90 {
        Some(encoding_rs::UTF_16LE)
    } else if share(&|&(a, b)| a == 0 && text(b)) >= 90 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Text with a few zero bytes among it (a field padded with them, a
/// damaged save): one byte in a hundred zero or fewer (or two), the rest text
/// (letters, digits, punctuation, line ends, or bytes of accented letters),
/// with no workbook's or zip's signature at the start.
fn stray_zeros(sample: &[u8]) -> bool {
    let sample = &sample[..sample.len().min(8192)];
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    let text = sample.iter().filter(|&&b| b.is_ascii_graphic() || matches!(b, b' ' | b'\t' | b'\r' | b'\n') || b >= 0x80).count();
    zeros > 0
        && zeros <= (sample.len() / 100).max(2)
        && text + zeros == sample.len()
        && !sample.starts_with(b"PK\x03\x04")
        && !sample.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

fn looks_binary(sample: &[u8]) -> bool {
    sample.iter().take(8192).any(|&b| b == 0) || sample.starts_with(b"PK\x03\x04") || sample.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

fn detect_encoding(sample: &[u8]) -> (Encoding, &'static str) {
    if sample.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return (Encoding::Utf8, "UTF-8 (BOM)");
    }
    match std::str::from_utf8(sample) {
        Ok(_) => (Encoding::Utf8, "UTF-8"),
        // The sample may end inside a multi-byte character.
        Err(e) if e.error_len().is_none() => (Encoding::Utf8, "UTF-8"),
        // More characters written as UTF-8 than stray bytes: UTF-8 with a
        // few bytes typed in Windows-1252, each read as such.
        Err(_) => match utf8_and_stray(sample) {
            (utf8, stray) if utf8 > stray => (Encoding::Utf8, UTF8_WITH_1252),
            _ => (Encoding::Windows1252, "Windows-1252"),
        },
    }
}

/// The delimiter found on the most of the first lines, then the one whose
/// count per line is most consistent, ignoring delimiters inside quotes.
/// Title lines with none are tolerated, and so are rows that leave out their
/// empty trailing cells (a comma count that varies from row to row, beside a
/// semicolon in the text of a few rows).
fn sniff_delimiter(sample: &[u8], ext: &str) -> u8 {
    let candidates = [b',', b';', b'\t', b'|'];
    let lines = logical_lines(sample, 30);
    let mut best = (if ext == "tsv" { b'\t' } else { b',' }, (0usize, 0usize, 0usize));
    for &c in &candidates {
        let counts: Vec<usize> = lines.iter().map(|l| l.iter().filter(|&&b| b == c).count()).collect();
        let mut freq = std::collections::BTreeMap::new();
        for &n in counts.iter().filter(|&&n| n > 0) {
            *freq.entry(n).or_insert(0usize) += 1;
        }
        // The most common non-zero count, and on how many lines it occurs.
        let (mode, lines_with_mode) = freq.iter().map(|(&n, &k)| (n, k)).max_by_key(|&(n, k)| (k, n)).unwrap_or((0, 0));
        let present = counts.iter().filter(|&&n| n > 0).count();
        if (present, lines_with_mode, mode) > best.1 {
            best = (c, (present, lines_with_mode, mode));
        }
    }
    best.0
}

/// Up to `max` lines with quoted sections removed, so quoted delimiters and
/// embedded newlines do not count.
fn logical_lines(sample: &[u8], max: usize) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    let mut cur = Vec::new();
    let mut quoted = false;
    // Whether the line holds anything but spaces: a quoted field counts (a
    // line of quoted fields between tabs is tabs alone once they are removed).
    let mut filled = false;
    for &b in sample {
        match b {
            b'"' => {
                quoted = !quoted;
                filled = true;
            }
            b'\n' if !quoted => {
                if filled || cur.iter().any(|b: &u8| !b.is_ascii_whitespace()) {
                    lines.push(std::mem::take(&mut cur));
                    if lines.len() == max {
                        break;
                    }
                }
                cur.clear();
                filled = false;
            }
            _ if !quoted => cur.push(b),
            _ => {}
        }
    }
    if (filled || !cur.is_empty()) && lines.len() < max {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::collect_rows;

    fn read(name: &str, bytes: &[u8]) -> (Vec<SourceRow>, TextFormat) {
        let dir = std::env::temp_dir().join(format!("auditpack-text-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let t = open(&path).unwrap();
        let fmt = t.text_format.clone().unwrap();
        let rows = collect_rows(t).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        (rows, fmt)
    }

    fn texts(r: &SourceRow) -> Vec<String> {
        r.cells.iter().map(Cell::as_string).collect()
    }

    /// Every field quoted, between tabs ("Export as text (tab delimited)"),
    /// in a file named .txt or .csv: tab-separated, its quotes taken off.
    #[test]
    fn quoted_fields_between_tabs() {
        for name in ["q.txt", "q.csv"] {
            let (rows, fmt) = read(name, b"\"Client ID\"\t\"Observation Type\"\t\"Date of Observation\"\n\"2048254\"\t\"Visit\"\t\"09/09/2026\"\n");
            assert_eq!(fmt.delimiter, '\t', "{name}");
            assert_eq!(texts(&rows[1]), ["2048254", "Visit", "09/09/2026"], "{name}");
        }
    }

    #[test]
    fn utf8_with_bom_comma() {
        let (rows, fmt) = read("a.csv", "\u{feff}Child ID,Team\nC1,Hénon\n".as_bytes());
        assert_eq!(fmt.encoding, "UTF-8 (BOM)");
        assert_eq!(texts(&rows[0]), ["Child ID", "Team"]);
        assert_eq!(texts(&rows[1]), ["C1", "Hénon"]);
    }

    #[test]
    fn windows_1252_semicolon() {
        // 0xE9 = é, 0x92 = right single quote in Windows-1252.
        let (rows, fmt) = read("b.csv", b"Child ID;Comment\nC1;caf\xe9 child\x92s view\n");
        assert_eq!((fmt.encoding, fmt.delimiter, fmt.bulk.map(|b| b.windows_1252)), ("Windows-1252", ';', Some(true)));
        assert_eq!(texts(&rows[1]), ["C1", "café child\u{2019}s view"]);
    }

    /// A UTF-8 export with one byte typed in Windows-1252: its UTF-8 stays
    /// UTF-8 (the dash and the accent are not turned into "â€“" and "Ã©"),
    /// and the stray byte is the character it is in Windows-1252, in the
    /// field that holds it too.
    #[test]
    fn utf8_with_a_stray_windows_1252_byte() {
        let mut bytes = "Child ID,Comment\nC1,Visit – seen alone\nC2,Café meeting – school\nC3,child".as_bytes().to_vec();
        bytes.extend(b"\x92");
        bytes.extend("s view – good\n".as_bytes());
        let (rows, fmt) = read("stray.csv", &bytes);
        assert_eq!(fmt.encoding, "UTF-8 (a few bytes in Windows-1252, read as such)");
        assert_eq!(texts(&rows[1]), ["C1", "Visit – seen alone"]);
        assert_eq!(texts(&rows[2]), ["C2", "Café meeting – school"]);
        assert_eq!(texts(&rows[3]), ["C3", "child\u{2019}s view – good"]);
        // Mostly Windows-1252 (no character written as UTF-8): Windows-1252.
        assert_eq!(detect_encoding(b"a,caf\xe9 \x96 b\n").1, "Windows-1252");
        // One UTF-8 character beside two stray bytes: Windows-1252 still.
        assert_eq!(detect_encoding(&[b"a,".as_slice(), "é".as_bytes(), b" \x96 \x96"].concat()).1, "Windows-1252");
        assert_eq!(utf8_else_1252(b"ab\xe2\x80\x93c\x96d\xe2"), "ab–c–dâ");
    }

    #[test]
    fn tab_delimited_and_embedded_newlines() {
        let (rows, fmt) = read("c.txt", b"Title line\n\nChild ID\tEvidence\tTeam\nC1\t\"line one\nline two\tstill quoted\"\tA\nC2\tplain\tB\n");
        assert_eq!(fmt.delimiter, '\t');
        assert_eq!(rows.len(), 4, "an empty line is no record: {rows:?}");
        assert_eq!(texts(&rows[2]), ["C1", "line one\nline two\tstill quoted", "A"]);
        assert_eq!((rows[1].row, rows[2].row, rows[3].row), (3, 4, 5), "numbered as a spreadsheet shows them");
    }

    #[test]
    fn ragged_rows_with_a_semicolon_in_their_text_are_comma_separated() {
        // Rows that leave out their empty trailing cells, and a semicolon in
        // the text of one: the commas on every line decide.
        let (rows, fmt) = read("r.csv", b"Child ID,Audit date,Grade,Comment,Moderator\nC1,01/09/2026,Good,drift and delay; impact recorded,A Mod\nC2,02/09/2026,Good,drift and delay; impact recorded\nC3,03/09/2026,Good,drift and delay; impact recorded\n");
        assert_eq!(fmt.delimiter, ',');
        assert_eq!(texts(&rows[1])[3], "drift and delay; impact recorded");
    }

    #[test]
    fn semicolon_with_commas_inside_quotes() {
        let (rows, fmt) = read("d.csv", b"a;b;c\n\"x, y, z\";2;3\n\"p, q\";5;6\n");
        assert_eq!(fmt.delimiter, ';');
        assert_eq!(texts(&rows[1])[0], "x, y, z");
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        let dir = std::env::temp_dir().join(format!("auditpack-text-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("e.csv"), b"  \n").unwrap();
        assert!(open(&dir.join("e.csv")).unwrap_err().message.contains("empty"));
        std::fs::write(dir.join("f.csv"), b"PK\x03\x04\x00\x00binary").unwrap();
        assert!(open(&dir.join("f.csv")).unwrap_err().message.contains("binary"));
        // Zeros among binary bytes: refused.
        std::fs::write(dir.join("h.csv"), b"Child ID\x00\x00\x01\x02\x00\x00\x00\x03\x00\x00\xff\x00\x00\x00").unwrap();
        assert!(open(&dir.join("h.csv")).unwrap_err().message.contains("binary"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A stray zero byte among text (no UTF-16, no binary file): the text
    /// read without it, its encoding named so.
    #[test]
    fn stray_zero_bytes_among_text_are_left_out() {
        let (rows, fmt) = read("g.csv", b"Child ID,Team\nC9,No\x00rth\nC10,South\x00\n");
        assert_eq!(fmt.encoding, "UTF-8 (stray zero bytes left out)");
        assert_eq!(texts(&rows[1]), ["C9", "North"]);
        assert_eq!(texts(&rows[2]), ["C10", "South"]);
        let (rows, fmt) = read("w.csv", b"Child ID;Team\nC9;Caf\xe9\x00\nC10;South\n");
        assert_eq!(fmt.encoding, "Windows-1252 (stray zero bytes left out)");
        assert_eq!(texts(&rows[1]), ["C9", "Café"]);
    }

    #[test]
    fn text_named_as_a_workbook_is_read_when_it_is_a_table() {
        assert!(is_text_export(b"Child ID\tTeam\nC1\tEast\n"));
        assert!(is_text_export(b"Child ID,Team\r\nC1,East\r\n"));
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Child ID\tTeam\nC1\tEast\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(is_text_export(&utf16));
        // A line of words, one line, or binary: no table.
        assert!(!is_text_export(b"this is plain text, not a workbook"));
        assert!(!is_text_export(b"not a zip\nat all\n"));
        assert!(!is_text_export(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66\x00\x00\x00\x00"));
    }

    #[test]
    fn utf16_without_bom_is_read_as_utf16() {
        for little in [true, false] {
            let bytes: Vec<u8> =
                "Child ID,Team\r\nC9,North\r\nC10,South\r\n".encode_utf16().flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect();
            let (rows, fmt) = read("g.csv", &bytes);
            assert_eq!(fmt.encoding, "UTF-16", "little-endian: {little}");
            assert_eq!(texts(&rows[2]), ["C10", "South"], "little-endian: {little}");
        }
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Child ID\tTeam\r\nC9\tNorth\r\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let (rows, fmt) = read("g.txt", &bytes);
        assert_eq!(fmt.encoding, "UTF-16");
        assert_eq!(texts(&rows[1]), ["C9", "North"]);
    }
}
