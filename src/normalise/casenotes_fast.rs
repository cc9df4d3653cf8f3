//! The columnar case-note reader: a large delimited case-notes export, once its
//! columns are mapped, read in blocks on every core instead of row by row.
//!
//! It gives exactly what the row reader in [`super::table`] gives (the same notes,
//! row numbers, findings, duplicate rule and reconciliation) and is tested
//! against it. How:
//! - The file is read in blocks of [`BLOCK`] bytes. Each block is cut into one
//!   part per core at a line end that looks outside quotes; the parts are parsed
//!   at once with `csv_core` (the parser under the `csv` crate the row reader
//!   uses), so fields, quotes and line counts are the same. A cut is only trusted
//!   once the part before it has been parsed to exactly that byte; when it ends
//!   inside a quoted field the next part is parsed again from the true boundary.
//! - Parsing makes each decision once per value where it can: the text columns
//!   (note type, seen alone, author, team) go through a dictionary of distinct
//!   values per part, so folding and classifying happen once per distinct label;
//!   dates in the two common fixed-width shapes (`2026-11-06`, `06/11/2026`) are
//!   read with two byte checks, anything else by [`parse_date`].
//! - A row is kept as a few numbers and spans into a per-part text arena: no
//!   per-cell `String`. Exact duplicates are found by the row reader's key
//!   ([`super::table::row_key_of`]: the cells by header, so across files too).
//! - Rows are then accepted or set aside in file order on one thread (the first
//!   copy of a duplicate wins, in this file or an earlier one; labels are
//!   interned in the same order).

use super::findings::{Findings, Severity};
use super::model::{CaseNote, Model, NoteKind, SeenAlone};
use super::table::{cell_key, is_totals_label, seen_alone, Context, RowKeys, TableReport};
use crate::fasthash::FxHashMap;
use crate::ingest::{parse_date, BulkText, Cell};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::io::Read;

/// Bytes read per block: bounds memory whatever the file size. Each block is
/// held several times over while it is read, parsed and accepted (the read-ahead
/// block, the block being parsed with its records and text arena, the block
/// being accepted), so the block size is a fixed part of every large run's
/// peak memory: 16 MB took 5M notes' run from 785 to 563 MB against 32 MB, in
/// the same time; 8 MB saved another 90 MB but cost about 8% more time.
pub const BLOCK: usize = 16 << 20;

/// The case-note columns as the table's mapping decided them (column index, and
/// the header for dates, which findings name).
#[derive(Debug, Clone)]
pub struct NoteColumns {
    pub child_id: Option<usize>,
    pub note_type: Option<usize>,
    pub event: Option<(usize, String)>,
    pub recorded: Option<(usize, String)>,
    pub seen_alone: Option<usize>,
    pub author: Option<usize>,
    pub team: Option<usize>,
    /// A note's status ("Cancelled", "Voided": the row is set aside).
    pub state: Option<usize>,
    /// How a visit was made ("Virtual (Teams)": not a statutory visit).
    pub mode: Option<usize>,
    /// Whether the child was seen ("No": not a statutory visit).
    pub child_seen: Option<usize>,
    /// The note type's header says it is a visit's type ("Visit Type"): see
    /// [`super::table::note_kind_in`].
    pub visit_types: bool,
    /// A note's kind where its type is blank: see [`super::table::blank_type_visit`].
    pub blank_visit: Option<super::model::NoteKind>,
    /// How the row reader keys a row for exact duplicates.
    pub keys: RowKeys,
    /// The header row's key: the header again further down is set aside.
    pub header_key: u64,
    /// The delimiter and the header's width: a cell holding lines that look
    /// like rows is said, as the row reader says it.
    pub quote_check: Option<(u8, usize)>,
    /// The columns whose formula errors are counted, as the row reader counts
    /// them (16 at most).
    pub error_watch: Vec<usize>,
    /// The year most of the table's dates are in: a day and month with no
    /// year is read in it, as the row reader reads it.
    pub usual_year: Option<i32>,
}

impl NoteColumns {
    /// From the mapped fields: field name → (column index, header).
    pub fn from_fields(fields: &[(String, (usize, String))], keys: RowKeys) -> NoteColumns {
        let get = |name: &str| fields.iter().find(|(f, _)| f == name).map(|(_, c)| c.clone());
        NoteColumns {
            child_id: get("child_id").map(|c| c.0),
            note_type: get("note_type").map(|c| c.0),
            event: get("event_date"),
            recorded: get("recorded_date"),
            seen_alone: get("seen_alone").map(|c| c.0),
            author: get("author").map(|c| c.0),
            team: get("team").map(|c| c.0),
            state: get("status").map(|c| c.0),
            mode: get("visit_mode").map(|c| c.0),
            child_seen: get("child_seen").map(|c| c.0),
            visit_types: get("note_type").is_some_and(|c| super::table::says_visit(&c.1)),
            blank_visit: None,
            keys,
            header_key: 0,
            quote_check: None,
            error_watch: Vec::new(),
            usual_year: None,
        }
    }

    /// What each column is read for ([`use_`] bits), by column index.
    fn uses(&self) -> Vec<u16> {
        let fields = [
            (self.note_type, use_::NOTE_TYPE),
            (self.seen_alone, use_::SEEN),
            (self.author, use_::AUTHOR),
            (self.team, use_::TEAM),
            (self.state, use_::STATE),
            (self.mode, use_::MODE),
            (self.child_seen, use_::CHILD_SEEN),
        ];
        let width = fields
            .iter()
            .filter_map(|f| f.0)
            .chain([self.child_id, self.event.as_ref().map(|c| c.0), self.recorded.as_ref().map(|c| c.0)].into_iter().flatten())
            .chain(self.error_watch.iter().copied())
            .max()
            .map_or(0, |m| m + 1);
        (0..width)
            .map(|i| {
                let role = match self.role(i) {
                    Role::Child => use_::CHILD,
                    Role::Event => use_::EVENT,
                    Role::Recorded => use_::RECORDED,
                    Role::Other => 0,
                };
                let watched = if self.error_watch.contains(&i) { use_::WATCHED } else { 0 };
                fields.iter().filter(|f| f.0 == Some(i)).fold(role | watched, |u, f| u | f.1)
            })
            .collect()
    }

    fn role(&self, i: usize) -> Role {
        if Some(i) == self.child_id {
            Role::Child
        } else if Some(i) == self.event.as_ref().map(|c| c.0) {
            Role::Event
        } else if Some(i) == self.recorded.as_ref().map(|c| c.0) {
            Role::Recorded
        } else {
            Role::Other
        }
    }
}

/// What a column is read for (bits; see [`NoteColumns::uses`]).
mod use_ {
    pub const CHILD: u16 = 1;
    pub const EVENT: u16 = 1 << 1;
    pub const RECORDED: u16 = 1 << 2;
    pub const NOTE_TYPE: u16 = 1 << 3;
    pub const SEEN: u16 = 1 << 4;
    pub const AUTHOR: u16 = 1 << 5;
    pub const TEAM: u16 = 1 << 6;
    pub const STATE: u16 = 1 << 7;
    pub const MODE: u16 = 1 << 8;
    pub const CHILD_SEEN: u16 = 1 << 9;
    /// Its formula errors are counted.
    pub const WATCHED: u16 = 1 << 10;
    /// Read as a value (a formula's error or a placeholder is none).
    pub const VALUE: u16 = CHILD | NOTE_TYPE | AUTHOR | TEAM | STATE | MODE;
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Child,
    Event,
    Recorded,
    Other,
}

/// Where accepted rows go, and what they are read with: the table's context,
/// columns and file, and the row reader's state this reader adds to.
pub struct Sink<'a> {
    pub ctx: &'a Context<'a>,
    pub cols: &'a NoteColumns,
    pub file: &'a str,
    /// The file's interned name.
    pub source: u32,
    pub blank_rows: &'a mut Vec<u32>,
    /// Formula errors in the watched columns, as the row reader counts them.
    pub error_cells: &'a mut super::table::ErrorCells,
    pub model: &'a mut Model,
    pub findings: &'a mut Findings,
    pub report: &'a mut TableReport,
    /// Seen-alone answers already said to be unread (`table::seen_alone_unread`).
    pub seen_unread: &'a mut std::collections::HashSet<String>,
}

/// A span of a part's text arena.
#[derive(Clone, Copy, Debug)]
struct Span(u32, u32);

impl Span {
    const NONE: Span = Span(u32::MAX, 0);
}

#[derive(Clone, Copy, Debug)]
enum DateVal {
    /// No column, a short row or an empty cell.
    Blank,
    Date(NaiveDate),
    /// A day and month with no year ("Sept 3rd"), read in the table's usual
    /// year: the date, and the text for the finding.
    NoYear(NaiveDate, Span),
    /// Not a date: the text, for the finding.
    Bad(Span),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Status {
    Row,
    Blank,
    Totals,
    /// Page furniture of a report ("Page 2 of 5").
    Furniture,
}

/// One record as parsed.
#[derive(Clone, Copy, Debug)]
struct Rec {
    /// Byte offset just after the record, from the part's start.
    end: u64,
    /// Line feeds consumed from the part's start through the record.
    lines: u64,
    /// Line feeds inside its fields.
    inside: u32,
    /// Lines inside its cells that look like rows of the table.
    rows_in_cells: u32,
    status: Status,
    hash: u64,
    /// The first non-empty cell (shown in totals and duplicate findings).
    first: Span,
    /// Dictionary id of the child id (0: none).
    child: u32,
    /// Dictionary ids (see [`Dict`]); 0 is the empty text.
    note_type: u32,
    seen: u32,
    author: u32,
    team: u32,
    /// The note's status (0: none or no status column).
    state: u32,
    /// How the visit was made, and whether the child was seen (dictionary ids).
    mode: u32,
    child_seen: u32,
    event: DateVal,
    recorded: DateVal,
    /// The formula errors of its watched columns: 4 bits a column, the
    /// error's code ([`crate::ingest::cell::error_literal_code`]).
    errors: u64,
}

/// Distinct cell texts of one part → small ids (0 = empty).
#[derive(Default)]
struct Dict {
    /// Texts of up to [`Packed::MAX`] bytes (almost every label: ids, note
    /// types, names, teams) by their bytes packed into three words, so a
    /// lookup hashes and compares three integers, not a string; longer texts
    /// by the text.
    short: FxHashMap<Packed, u32>,
    ids: FxHashMap<Box<str>, u32>,
    texts: Vec<Box<str>>,
    /// Per id, worked out once per distinct text: the id of the text as a
    /// value (0 when it is a formula's error or a template's placeholder), and
    /// that value's id as a team (0 when it says there is none: "N/A").
    value: Vec<u32>,
    team: Vec<u32>,
    /// Per column, what each short text met in it means ([`Memo`]), by its
    /// bytes as read (before trimming).
    memo: Vec<FxHashMap<Packed, Memo>>,
}

impl Dict {
    fn new() -> Dict {
        Dict::default().cleared()
    }

    /// Emptied, keeping its allocations.
    fn cleared(mut self) -> Dict {
        self.short.clear();
        self.ids.clear();
        self.texts.clear();
        self.value.clear();
        self.team.clear();
        for column in &mut self.memo {
            column.clear();
        }
        self.id("");
        self
    }

    fn id(&mut self, s: &str) -> u32 {
        let packed = Packed::of(s.as_bytes());
        let known = match packed {
            Some(p) => self.short.get(&p),
            None => self.ids.get(s),
        };
        if let Some(&i) = known {
            return i;
        }
        let i = self.texts.len() as u32;
        self.texts.push(s.into());
        match packed {
            Some(p) => self.short.insert(p, i),
            None => self.ids.insert(s.into(), i),
        };
        self.value.push(u32::MAX);
        self.team.push(u32::MAX);
        i
    }

    /// The id of a cell's text as a value: its own, or 0 (empty) when the text
    /// is a formula's error or a placeholder (see [`record`]).
    fn value_id(&mut self, t: &str) -> u32 {
        let i = self.id(t);
        let v = &mut self.value[i as usize];
        if *v == u32::MAX {
            *v = if crate::ingest::cell::error_literal_code(t) != 0 || super::forms::placeholder_text(t) { 0 } else { i };
        }
        *v
    }

    /// The id of a value as a team: its own, or 0 when it says there is none.
    fn team_id(&mut self, value: u32) -> u32 {
        let v = &mut self.team[value as usize];
        if *v == u32::MAX {
            *v = if super::table::no_team(&self.texts[value as usize]) { 0 } else { value };
        }
        *v
    }
}

/// A text of up to [`Packed::MAX`] bytes as three words: its bytes, zero
/// padded, and its length in the last byte (so "a" and "a\0" differ).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Packed(u64, u64, u64);

impl Packed {
    const MAX: usize = 23;

    #[inline]
    fn of(b: &[u8]) -> Option<Packed> {
        use crate::fasthash::short_word;
        let n = b.len();
        let length = (n as u64) << 56;
        // (Each word made by loads from the text itself: not copied into a
        // buffer and read back, which made the processor wait for the copy.)
        Some(match n {
            0..=8 => Packed(short_word(b), 0, length),
            9..=16 => Packed(short_word(&b[..8]), short_word(&b[8..]), length),
            17..=Self::MAX => Packed(short_word(&b[..8]), short_word(&b[8..16]), short_word(&b[16..]) | length),
            _ => return None,
        })
    }
}

/// One part of a block, parsed.
struct Part {
    recs: Vec<Rec>,
    arena: String,
    dict: Dict,
    /// Bytes through the end of the last whole record.
    last_end: usize,
    /// Line feeds through `last_end`.
    lines_at_last_end: u64,
    /// Line feeds in all the bytes consumed.
    lines_total: u64,
    /// Whether everything after the last whole record is blank line ends, so the
    /// part ends on a record boundary.
    clean: bool,
    /// The file ends inside a quoted field of the last record, which holds this
    /// many lines after its first (see [`crate::ingest::swallowed_lines`]).
    unclosed: Option<u32>,
}

impl Part {
    /// A whole record read, ending at byte `end` after `lines` line feeds.
    fn keep(&mut self, rec: Rec, end: usize, lines: u64) {
        self.recs.push(rec);
        self.last_end = end;
        self.lines_at_last_end = lines;
    }

    fn text(&self, s: Span) -> &str {
        if s.0 == u32::MAX {
            return "";
        }
        &self.arena[s.0 as usize..(s.0 + s.1) as usize]
    }
}

/// A field's bytes as the row reader's cell text: decoded (UTF-8, else
/// Windows-1252) and trimmed as [`Cell::text`] trims.
fn cell_text(raw: &[u8], windows_1252: bool) -> Cow<'_, str> {
    let decoded: Cow<'_, str> = if windows_1252 { encoding_rs::WINDOWS_1252.decode_without_bom_handling(raw).0 } else { crate::ingest::utf8_else_1252(raw) };
    tidy(decoded, false)
}

/// A decoded field trimmed as [`Cell::text`] trims; a written-out null is empty.
/// `ascii`: the text is known to be all ASCII, so it holds no tick box.
fn tidy(decoded: Cow<'_, str>, ascii: bool) -> Cow<'_, str> {
    // Most fields start and end with a plain character: nothing to trim.
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let trimmed = if plain(decoded.as_bytes().first()) && plain(decoded.as_bytes().last()) {
        decoded
    } else {
        let trim = |c: char| c.is_whitespace() || c == '\u{a0}' || crate::ingest::cell::is_invisible(c);
        match decoded {
            Cow::Borrowed(s) => Cow::Borrowed(s.trim_matches(trim)),
            Cow::Owned(s) => Cow::Owned(s.trim_matches(trim).to_string()),
        }
    };
    // A row of tick boxes is its one ticked label ("☒ Phone call ☐ CP Visit"),
    // or empty when none is ticked, as the row reader's cell makes it.
    match if ascii { None } else { crate::ingest::cell::ticked(&trimmed) } {
        Some(crate::ingest::cell::Ticked::One(label)) => return tidy(Cow::Owned(label.to_string()), false),
        Some(crate::ingest::cell::Ticked::Nothing) => return Cow::Borrowed(""),
        Some(crate::ingest::cell::Ticked::Several) | None => {}
    }
    // A written-out null is empty, as the row reader's cell makes it.
    if crate::ingest::cell::is_null_literal(&trimmed) {
        return Cow::Borrowed("");
    }
    trimmed
}

fn digits<const N: usize>(b: &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for &c in &b[..N] {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

/// A date in one of the two common fixed-width shapes, read without the general
/// parser; `None` sends the text to [`parse_date`], which accepts these shapes
/// with the same result (tested).
fn quick_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    // A time in UTC ("…Z", "…+00:00") may be another day in the UK.
    if b.len() < 10 || (b.len() > 10 && (!matches!(b[10], b'T' | b' ') || t.ends_with(['Z', 'z']) || t.ends_with("+00:00"))) {
        return None;
    }
    if b[4] == b'-' && b[7] == b'-' {
        return NaiveDate::from_ymd_opt(digits::<4>(b)? as i32, digits::<2>(&b[5..])?, digits::<2>(&b[8..])?);
    }
    if b[2] == b'/' && b[5] == b'/' {
        return NaiveDate::from_ymd_opt(digits::<4>(&b[6..])? as i32, digits::<2>(&b[3..])?, digits::<2>(b)?);
    }
    None
}

fn date_of(t: &str) -> Option<NaiveDate> {
    quick_date(t).or_else(|| parse_date(t))
}

/// Parses `input` (which starts on a record boundary) into records. With `eof`,
/// the input is the rest of the file and a last record without a line end counts.
fn parse_part(input: &[u8], eof: bool, bulk: &BulkText, cols: &NoteColumns, file_start: bool, spent: Option<Part>) -> Part {
    use csv_core::ReadRecordResult as R;
    let mut rdr = csv_core::ReaderBuilder::new().delimiter(bulk.delimiter).build();
    let mut out = vec![0u8; 1 << 16];
    let mut ends = vec![0usize; 64];
    if !file_start {
        // A new reader drops a byte-order mark at its start, as it should at the
        // file's start only: one read past an empty line first, so that a mark
        // on a line inside the file stays in its field, as the row reader keeps it.
        let _ = rdr.read_record(b"\n", &mut out, &mut ends);
        rdr.set_line(1);
    }
    let (mut pos, mut outlen, mut endlen) = (0usize, 0usize, 0usize);
    // A spent part's buffers are filled again: fresh ones would be new pages,
    // each first touch a page fault (hundreds of megabytes over a large file).
    let (mut recs, mut arena, dict) = match spent {
        Some(p) => (p.recs, p.arena, p.dict.cleared()),
        None => (Vec::new(), String::new(), Dict::new()),
    };
    recs.clear();
    recs.reserve(input.len() / 64 + 1);
    arena.clear();
    arena.reserve(input.len() / 6);
    let mut part = Part { recs, arena, dict, last_end: 0, lines_at_last_end: 0, lines_total: 0, clean: true, unclosed: None };
    let w1252 = bulk.windows_1252;
    let how = How { w1252, cols, uses: cols.uses() };
    // Records read here rather than by csv_core (see below), and their lines.
    let mut quick_lines = 0u64;
    let mut csv_started = !file_start;
    let mut line_ends = memchr::memchr_iter(b'\n', input);
    let mut next_nl: Option<usize> = None;
    let mut quick_ends: Vec<usize> = Vec::with_capacity(64);
    loop {
        let rest = &input[pos..];
        if rest.is_empty() && !eof {
            break;
        }
        // Most records are one line with no quote and no carriage return: its
        // fields are the bytes between delimiters, as csv_core would give them,
        // found with a vectorised search instead of csv_core's byte-by-byte
        // state machine (a tenth of a large run's instructions). Anything else
        // (quotes, a line end inside a field, "\r", a blank line, the file's
        // first record with its possible byte-order mark) goes to csv_core.
        if csv_started && outlen == 0 && endlen == 0 {
            if next_nl.is_none_or(|nl| nl < pos) {
                next_nl = Some(line_ends.find(|&nl| nl >= pos).unwrap_or(usize::MAX));
            }
            if let Some(nl) = next_nl.filter(|&nl| nl != usize::MAX && nl > pos) {
                let line = &input[pos..nl];
                if memchr::memchr2(b'"', b'\r', line).is_none() {
                    quick_ends.clear();
                    quick_ends.extend(memchr::memchr_iter(bulk.delimiter, line));
                    quick_ends.push(line.len());
                    pos = nl + 1;
                    quick_lines += 1;
                    let lines = rdr.line() - 1 + quick_lines;
                    let rec = record(line, &quick_ends, 1, pos as u64, lines, &how, &mut part);
                    part.keep(rec, pos, lines);
                    continue;
                }
            }
        }
        // An empty input tells csv_core the file ended.
        let final_call = rest.is_empty();
        let (res, nin, nout, nend) = rdr.read_record(rest, &mut out[outlen..], &mut ends[endlen..]);
        pos += nin;
        outlen += nout;
        endlen += nend;
        match res {
            R::InputEmpty if final_call => break,
            R::InputEmpty => {}
            R::OutputFull => out.resize(out.len() * 2, 0),
            R::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            R::Record => {
                csv_started = true;
                let lines = rdr.line() - 1 + quick_lines;
                // The file's last record, ended by the file's end: inside a quote?
                if final_call {
                    let mut scan = crate::ingest::QuoteScan::new(bulk.delimiter, file_start && part.last_end == 0);
                    scan.feed(&input[part.last_end..pos]);
                    if scan.in_quotes() {
                        let mut start = 0;
                        let fields = ends[..endlen].iter().map(|&e| {
                            let f = &out[start..e];
                            start = e;
                            f
                        });
                        part.unclosed = Some(crate::ingest::swallowed_lines(fields)).filter(|&n| n > 0);
                    }
                }
                let rec = record(&out[..outlen], &ends[..endlen], 0, pos as u64, lines, &how, &mut part);
                part.keep(rec, pos, lines);
                outlen = 0;
                endlen = 0;
            }
            R::End => break,
        }
    }
    part.lines_total = rdr.line() - 1 + quick_lines;
    part.clean = input[part.last_end..].iter().all(|&b| b == b'\n' || b == b'\r');
    part
}

/// Distinct texts remembered per column of a part (about a megabyte of [`Memo`]s).
const MEMO_TEXTS: usize = 16_384;

/// What a field's trimmed text means in its column: everything [`record`]
/// takes from it, worked out once per distinct short text in a column of a
/// part (`Dict::memo`), not once per cell (a column holds a few labels, a
/// few hundred dates or a few thousand child ids among millions of rows).
#[derive(Clone, Copy)]
struct Memo {
    /// The trimmed text's start in the field, and its length (remembered texts only).
    from: u8,
    len: u8,
    /// A totals label ("Total", "Grand total").
    totals: bool,
    /// Its part of the row's key ([`RowKeys`]); 0 for an empty text.
    key: u64,
    /// A formula's error in a watched column, as the record's error bits.
    errors: u64,
    /// As an event or recorded date.
    date: MemoDate,
    value: u32,
    team: u32,
    seen: u32,
    child_seen: u32,
}

#[derive(Clone, Copy)]
enum MemoDate {
    Blank,
    Date(NaiveDate),
    /// A day and month with no year, in the table's usual year.
    NoYear(NaiveDate),
    Bad,
}

/// A text at the end of the part's arena.
fn push(arena: &mut String, t: &str) -> Span {
    let s = Span(arena.len() as u32, t.len() as u32);
    arena.push_str(t);
    s
}

/// What the trimmed text `t` of column `i` means (see [`Memo`]); its labels
/// interned in the part's dictionary.
fn meaning(t: &str, i: usize, uses: u16, cols: &NoteColumns, dict: &mut Dict) -> Memo {
    let mut m = Memo { from: 0, len: 0, totals: false, key: 0, errors: 0, date: MemoDate::Blank, value: 0, team: 0, seen: 0, child_seen: 0 };
    if !t.is_empty() {
        // (A date column's text is read once, for the key and the value; the
        // key takes the date only where the text has no time of day.)
        let dated = cols.keys.is_date(i) || uses & (use_::EVENT | use_::RECORDED) != 0;
        let date = dated.then(|| date_of(t)).flatten();
        m.key = match date.filter(|_| cols.keys.is_date(i) && RowKeys::date_text(t)) {
            Some(d) => cell_key(cols.keys.column(i), d),
            None => cell_key(cols.keys.column(i), t),
        };
        m.totals = is_totals_label(t);
        if uses & (use_::EVENT | use_::RECORDED) != 0 {
            let no_year = || {
                let (mo, d) = crate::ingest::cell::day_month_without_year(t)?;
                NaiveDate::from_ymd_opt(cols.usual_year?, mo, d)
            };
            m.date = match date {
                Some(d) => MemoDate::Date(d),
                None => no_year().map_or(MemoDate::Bad, MemoDate::NoYear),
            };
        }
    }
    if uses == 0 {
        return m;
    }
    // A formula's error is no value (the row reader's cell is an error),
    // though it is part of the row's key and its first text.
    if uses & use_::WATCHED != 0 {
        let error = crate::ingest::cell::error_literal_code(t);
        if let (true, Some(ordinal)) = (error != 0, cols.error_watch.iter().position(|&c| c == i)) {
            m.errors = u64::from(error) << (4 * ordinal);
        }
    }
    // (A column can hold several fields: a note type that is also the team.)
    if uses & use_::VALUE != 0 {
        // Empty when the text is a formula's error or a placeholder.
        m.value = dict.value_id(t);
        if uses & use_::TEAM != 0 {
            m.team = dict.team_id(m.value);
        }
    }
    // (Seen alone and child seen keep the text: they are read through a
    // cell, as the row reader reads them.)
    if uses & use_::SEEN != 0 {
        m.seen = dict.id(t);
    }
    if uses & use_::CHILD_SEEN != 0 {
        m.child_seen = dict.id(t);
    }
    m
}

/// A field's meaning into its record: `t` is its trimmed text.
#[allow(clippy::too_many_arguments)]
fn apply(m: &Memo, t: &str, i: usize, uses: u16, rec: &mut Rec, arena: &mut String, key: &mut u64, totals: &mut bool, filled: &mut u32) {
    if !t.is_empty() {
        *key = key.wrapping_add(m.key);
        // (A totals label in the first three cells, or as the first filled one.)
        if (i < 3 || rec.status == Status::Blank) && m.totals {
            *totals = true;
        }
        if rec.status == Status::Blank {
            rec.status = Status::Row;
            rec.first = push(arena, t);
        }
        *filled += 1;
    }
    if uses == 0 {
        return;
    }
    rec.errors |= m.errors;
    if uses & (use_::EVENT | use_::RECORDED) != 0 && !t.is_empty() {
        let v = match m.date {
            MemoDate::Date(d) => DateVal::Date(d),
            MemoDate::NoYear(d) => DateVal::NoYear(d, push(arena, t)),
            MemoDate::Bad | MemoDate::Blank => DateVal::Bad(push(arena, t)),
        };
        if uses & use_::EVENT != 0 {
            rec.event = v;
        } else {
            rec.recorded = v;
        }
    }
    if uses & use_::VALUE != 0 {
        for (bit, slot) in [
            (use_::CHILD, &mut rec.child),
            (use_::NOTE_TYPE, &mut rec.note_type),
            (use_::AUTHOR, &mut rec.author),
            (use_::STATE, &mut rec.state),
            (use_::MODE, &mut rec.mode),
        ] {
            if uses & bit != 0 {
                *slot = m.value;
            }
        }
        if uses & use_::TEAM != 0 {
            rec.team = m.team;
        }
    }
    if uses & use_::SEEN != 0 {
        rec.seen = m.seen;
    }
    if uses & use_::CHILD_SEEN != 0 {
        rec.child_seen = m.child_seen;
    }
}

/// One record's fields into a [`Rec`], texts into the part's arena and dictionary.
/// How a part's records are read: the file's encoding, the columns, and what
/// each column is read for.
struct How<'a> {
    w1252: bool,
    cols: &'a NoteColumns,
    uses: Vec<u16>,
}

/// `out` holds the fields end to end, each ending where `ends` says, with `gap`
/// bytes between them (0 from csv_core; 1, the delimiter, from a line read as
/// it is).
fn record(out: &[u8], ends: &[usize], gap: usize, end: u64, lines: u64, how: &How, part: &mut Part) -> Rec {
    let (w1252, cols, uses) = (how.w1252, how.cols, &how.uses);
    let mut rec = Rec {
        end,
        lines,
        // (A line read as it is, gap 1, ends at its line feed: none inside.)
        inside: if gap == 1 { 0 } else { out.iter().filter(|&&b| b == b'\n').count() as u32 },
        rows_in_cells: 0,
        status: Status::Blank,
        hash: 0,
        first: Span::NONE,
        child: 0,
        note_type: 0,
        seen: 0,
        author: 0,
        team: 0,
        state: 0,
        mode: 0,
        child_seen: 0,
        event: DateVal::Blank,
        recorded: DateVal::Blank,
        errors: 0,
    };
    let mut key = cols.keys.kind;
    let mut totals = false;
    let mut filled = 0;
    let mut start = 0;
    // Most records are valid UTF-8 throughout: checked once, not per field (a
    // field that does not start and end on a character boundary is decoded on
    // its own, as before). Most are plain ASCII, which holds no tick box: the
    // fields of such a record are not searched for one.
    let ascii = out.is_ascii();
    let whole = if w1252 && !ascii { None } else { std::str::from_utf8(out).ok() };
    for (i, &e) in ends.iter().enumerate() {
        let raw = whole.and_then(|w| w.get(start..e));
        let from = start;
        start = e + gap;
        let uses = uses.get(i).copied().unwrap_or(0);
        // A short field met before in this column of the part: what it means
        // is remembered (see [`Memo`]); a record with line feeds in its cells
        // is looked at cell by cell (they may hold rows of the table).
        if let (Some(raw), 0) = (raw, rec.inside) {
            if let Some(packed) = Packed::of(raw.as_bytes()) {
                if let Some(m) = part.dict.memo.get(i).and_then(|column| column.get(&packed)).copied() {
                    let t = &raw[usize::from(m.from)..usize::from(m.from) + usize::from(m.len)];
                    apply(&m, t, i, uses, &mut rec, &mut part.arena, &mut key, &mut totals, &mut filled);
                    continue;
                }
                // (The trimmed text is part of the field, or the empty text.)
                if let Cow::Borrowed(t) = tidy(Cow::Borrowed(raw), ascii) {
                    let at = (t.as_ptr() as usize).wrapping_sub(raw.as_ptr() as usize);
                    if t.is_empty() || at + t.len() <= raw.len() {
                        let mut m = meaning(t, i, uses, cols, &mut part.dict);
                        (m.from, m.len) = if t.is_empty() { (0, 0) } else { (at as u8, t.len() as u8) };
                        if part.dict.memo.len() <= i {
                            part.dict.memo.resize_with(i + 1, FxHashMap::default);
                        }
                        // (A column of nearly all different texts, a note's id or
                        // a time of day, stops being remembered once its part
                        // has this many: memory stays bounded.)
                        if part.dict.memo[i].len() < MEMO_TEXTS {
                            part.dict.memo[i].insert(packed, m);
                        }
                        apply(&m, t, i, uses, &mut rec, &mut part.arena, &mut key, &mut totals, &mut filled);
                        continue;
                    }
                }
            }
        }
        let t = match raw {
            Some(s) => tidy(Cow::Borrowed(s), ascii),
            None => cell_text(&out[from..e], w1252),
        };
        let t: &str = &t;
        if let (Some((delimiter, width)), true) = (cols.quote_check, rec.inside > 0) {
            rec.rows_in_cells += crate::ingest::looks_like_rows(t, delimiter, width);
        }
        let m = meaning(t, i, uses, cols, &mut part.dict);
        apply(&m, t, i, uses, &mut rec, &mut part.arena, &mut key, &mut totals, &mut filled);
    }
    if rec.status == Status::Row && filled <= 2 && super::sections::is_furniture_text(part.text(rec.first)) {
        rec.status = Status::Furniture;
    } else if totals && rec.status == Status::Row {
        rec.status = Status::Totals;
    }
    rec.hash = key;
    rec
}

/// Cuts `block` into up to `n` parts at line ends that look outside quotes.
fn cut_points(block: &[u8], n: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    let mut quotes = 0usize;
    let mut counted = 0usize;
    for k in 1..n {
        let target = (block.len() * k / n).max(counted);
        let Some(mut at) = block[target..].iter().position(|&b| b == b'\n').map(|p| target + p + 1) else { break };
        // Quote parity from the block start: an even count means outside quotes
        // (a guess: a stray quote in an unquoted field fools it, and the check
        // after parsing catches that).
        loop {
            quotes += block[counted..at].iter().filter(|&&b| b == b'"').count();
            counted = at;
            if quotes.is_multiple_of(2) {
                break;
            }
            match block[at..].iter().position(|&b| b == b'\n') {
                Some(p) => at += p + 1,
                None => {
                    at = block.len();
                    break;
                }
            }
        }
        if at >= block.len() || at <= *cuts.last().unwrap_or(&0) {
            break;
        }
        cuts.push(at);
    }
    cuts
}

/// Parses a block on up to `threads` threads; the parts come back in order, each
/// starting on a true record boundary.
/// `spent`: parts of an earlier block, whose buffers are used again.
fn parse_block(block: &[u8], eof: bool, threads: usize, bulk: &BulkText, cols: &NoteColumns, file_start: bool, mut spent: Vec<Part>) -> Vec<(usize, Part)> {
    let mut cuts = cut_points(block, threads);
    cuts.push(block.len());
    let spans: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    let last = spans.len() - 1;
    let mut parts: Vec<(usize, Part)> = std::thread::scope(|s| {
        let handles: Vec<_> = spans
            .iter()
            .enumerate()
            .skip(1)
            .map(|(k, &(a, b))| {
                let reuse = spent.pop();
                s.spawn(move || (a, parse_part(&block[a..b], eof && k == last, bulk, cols, false, reuse)))
            })
            .collect();
        let first = (spans[0].0, parse_part(&block[spans[0].0..spans[0].1], eof && last == 0, bulk, cols, file_start, spent.pop()));
        let mut v = vec![first];
        v.extend(handles.into_iter().map(|h| h.join().expect("a parse thread does not panic")));
        v
    });
    // Check each cut: the part before it must end exactly on a record boundary.
    for k in 1..parts.len() {
        let (prev_start, prev) = &parts[k - 1];
        if prev.clean {
            continue;
        }
        let from = prev_start + prev.last_end;
        let to = spans[k].1;
        parts[k] = (from, parse_part(&block[from..to], eof && k == last, bulk, cols, false, None));
        // The rest of the previous part now belongs to this one.
        parts[k - 1].1.lines_total = parts[k - 1].1.lines_at_last_end;
    }
    parts
}

/// Reads the body of a case-notes table: every record after the first
/// `skip_records` (the rows down to the header), as the row reader would.
/// Returns a read error, if reading stopped.
pub fn read(bulk: &BulkText, skip_records: usize, sink: &mut Sink) -> Option<String> {
    READS.with(|r| r.set(r.get() + 1));
    let (block, threads) = TUNING.with(|t| t.get()).unwrap_or((BLOCK, threads()));
    read_with(bulk, skip_records, sink, block, threads)
}

thread_local! {
    /// Block size and thread count for this thread's reads (tests use tiny
    /// blocks, so that records straddle blocks and cuts).
    static TUNING: std::cell::Cell<Option<(usize, usize)>> = const { std::cell::Cell::new(None) };
    /// Tables this thread has read with the columnar reader (tests check it ran).
    static READS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many tables this thread has read with the columnar reader.
pub fn reads_on_this_thread() -> u64 {
    READS.with(|r| r.get())
}

/// Sets the block size and thread count for reads on this thread (`None`: the defaults).
pub fn set_tuning(t: Option<(usize, usize)>) {
    TUNING.with(|c| c.set(t));
}

/// The cores to parse on.
pub fn threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 8)
}

/// Per-part lookups filled on first use, so labels are interned in row order.
struct Lookups {
    interned: Vec<u32>,
    /// Dictionary id → id in [`Model::children`].
    children: Vec<u32>,
    kinds: Vec<Option<NoteKind>>,
    seen: Vec<Option<SeenAlone>>,
    /// Whether a visit's seen-alone answer (by label) has been checked for being unread.
    seen_said: Vec<bool>,
    /// Why a status sets the note aside, if it does (worked out once per status).
    cancelled: Vec<Option<Option<&'static str>>>,
    /// Whether a visit mode says the visit was not in person.
    not_in_person: Vec<Option<bool>>,
    /// Whether a child-seen answer is no.
    not_seen: Vec<Option<bool>>,
    /// Whether a seen-alone answer says the child was not seen at all.
    alone_not_seen: Vec<Option<bool>>,
    /// Whether a status says the visit was not made.
    not_made: Vec<Option<bool>>,
    /// Whether a status says the note is a draft.
    draft: Vec<Option<bool>>,
}

pub(crate) fn read_with(bulk: &BulkText, skip_records: usize, sink: &mut Sink, block_size: usize, threads: usize) -> Option<String> {
    let f: Box<dyn Read + Send> = match &bulk.source {
        crate::ingest::BulkSource::File(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return Some(format!("cannot be read again: {e}")),
        },
        crate::ingest::BulkSource::Held(held) => Box::new(std::io::Cursor::new(held.clone())),
    };
    // The file is read on a thread of its own, a block ahead of the parsing;
    // an empty block says the file has ended.
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<std::io::Result<Vec<u8>>>(1);
        // Spent blocks come back to be read into again (not fresh pages each time).
        let (spent_tx, spent_rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
        s.spawn(move || {
            let mut f = f;
            let mut read = 0u64;
            loop {
                // No bigger than what is left of the file (a small export does not
                // cost a whole block); whole blocks past it, if it has grown since.
                let want = if read < bulk.len { (bulk.len - read).min(block_size as u64) } else { block_size as u64 };
                let mut block = spent_rx.try_recv().unwrap_or_default();
                block.clear();
                block.reserve(want as usize);
                let got = (&mut f).take(want).read_to_end(&mut block);
                let end = matches!(got, Ok(0));
                read += block.len() as u64;
                if tx.send(got.map(|_| block)).is_err() || end {
                    break;
                }
            }
        });
        let next = move || rx.recv().unwrap_or_else(|_| Ok(Vec::new()));
        let spent = move |block: Vec<u8>| {
            let _ = spent_tx.try_send(block);
        };
        parse_blocks(bulk, skip_records, sink, threads, next, spent)
    })
}

/// Parses the blocks `next` gives, in order, and accepts their records.
/// Each block `next` gives goes back through `spent` once copied.
fn parse_blocks(
    bulk: &BulkText,
    skip_records: usize,
    sink: &mut Sink,
    threads: usize,
    mut next: impl FnMut() -> std::io::Result<Vec<u8>>,
    spent: impl Fn(Vec<u8>),
) -> Option<String> {
    let cols = sink.cols;
    // Bytes and line feeds before the current block.
    let (mut offset, mut lines_before) = (0u64, 0u64);
    // The row reader's numbering state.
    let (mut index, mut embedded, mut records) = (0u32, 0u32, 0usize);
    // The next block: what the last one left over, then the file's next bytes.
    let mut fill = |mut buf: Vec<u8>| -> std::io::Result<(Vec<u8>, bool)> {
        let block = next()?;
        buf.extend_from_slice(&block);
        let end = block.is_empty();
        spent(block);
        Ok((buf, end))
    };
    let (mut buf, mut eof) = match fill(Vec::new()) {
        Ok(b) => b,
        Err(e) => return Some(format!("after row {index}: {e}")),
    };
    let mut parts = parse_block(&buf, eof, threads, bulk, cols, true, Vec::new());
    // A quote never closed: reading stops at its row, as the row reader's does.
    let mut stopped: Option<String> = None;
    // The parts of the block before the one being accepted: reused by the next parse.
    let mut spent_parts: Vec<Part> = Vec::new();
    // Room for the rows the whole file will likely hold, judged by the first
    // block: the row keys and notes then grow once, not by doubling (each
    // doubling rehashes or copies everything so far, with both copies held).
    if !buf.is_empty() {
        let recs: usize = parts.iter().map(|(_, p)| p.recs.len()).sum();
        let likely = (recs as u128 * u128::from(bulk.len.max(buf.len() as u64)) / buf.len() as u128) as usize;
        sink.model.row_keys.reserve(likely);
        sink.model.case_notes.reserve(likely);
    }
    loop {
        let (last_start, last) = parts.last().expect("a block has a part");
        let carry_from = if eof { buf.len() } else { last_start + last.last_end };
        // The line feeds after the last whole record are counted again with the carry.
        let recounted = if eof { 0 } else { last.lines_total - last.lines_at_last_end };
        // The next block is read and parsed while this one's rows are accepted
        // (which is in file order, on this thread).
        // The block's buffer is filled again: its parts own what they need of it.
        let following = (!eof).then(|| {
            let mut again = std::mem::take(&mut buf);
            again.drain(..carry_from);
            fill(again)
        });
        let parsed = std::thread::scope(|s| {
            let parsing = match &following {
                Some(Ok((next_buf, next_eof))) => {
                    let reuse = std::mem::take(&mut spent_parts);
                    Some(s.spawn(move || parse_block(next_buf, *next_eof, threads, bulk, cols, false, reuse)))
                }
                _ => None,
            };
            for (start, part) in &parts {
                let n = part.dict.texts.len();
                let mut look = Lookups {
                    interned: vec![u32::MAX; n],
                    children: vec![u32::MAX; n],
                    kinds: vec![None; n],
                    seen: vec![None; n],
                    seen_said: vec![false; n],
                    cancelled: vec![None; n],
                    not_in_person: vec![None; n],
                    not_seen: vec![None; n],
                    alone_not_seen: vec![None; n],
                    not_made: vec![None; n],
                    draft: vec![None; n],
                };
                // The duplicate index is read a batch ahead (see `SeenRows::touch`).
                const AHEAD: usize = 16;
                let hashes = |from: usize| part.recs.iter().skip(from).take(AHEAD).map(|r| r.hash);
                sink.model.row_keys.touch(hashes(0));
                let unclosed = part.unclosed.map(|lines| (part.recs.len() - 1, lines));
                for (k, rec) in part.recs.iter().enumerate() {
                    if k % AHEAD == 0 {
                        sink.model.row_keys.touch(hashes(k + AHEAD));
                    }
                    // Row numbers exactly as the row reader counts them.
                    let end = offset + *start as u64 + rec.end;
                    let line = 1 + lines_before + rec.lines;
                    let at_end = end >= bulk.len;
                    let last_line = line as u32 - if at_end && !bulk.ends_with_newline { 0 } else { 1 };
                    embedded += rec.inside;
                    index = (last_line.saturating_sub(embedded)).max(index + 1);
                    records += 1;
                    if let Some((_, lines)) = unclosed.filter(|&(last, _)| last == k) {
                        stopped = Some(crate::ingest::unclosed_quote_message(index, lines));
                        break;
                    }
                    if records <= skip_records {
                        continue;
                    }
                    accept(sink, rec, index, part, &mut look);
                }
                lines_before += part.lines_total;
            }
            parsing.map(|h| h.join().expect("a parse thread does not panic"))
        });
        lines_before -= recounted;
        offset += carry_from as u64;
        match following {
            None => return stopped,
            Some(Err(e)) => return Some(format!("after row {index}: {e}")),
            Some(Ok((next_buf, next_eof))) => {
                buf = next_buf;
                eof = next_eof;
                let accepted = std::mem::replace(&mut parts, parsed.expect("parsed with the block"));
                spent_parts = accepted.into_iter().map(|(_, p)| p).collect();
            }
        }
    }
}

/// One body row: rejected (blank, totals, duplicate, no child id, no event date)
/// or added as a note, with the row reader's findings in its order.
fn accept(sink: &mut Sink, rec: &Rec, row: u32, part: &Part, look: &mut Lookups) {
    let Sink { ctx, cols, file, source, blank_rows, error_cells, model, findings, report, seen_unread } = sink;
    let (ctx, cols, file, source) = (*ctx, *cols, *file, *source);
    report.rows_read += 1;
    super::table::rows_in_a_cell(findings, file, None, row, rec.rows_in_cells);
    match rec.status {
        Status::Blank => {
            blank_rows.push(row);
            report.reject("blank row");
            return;
        }
        Status::Furniture => {
            let text = part.text(rec.first);
            if super::sections::says_cut_short(text) {
                return super::sections::set_aside_cut_short(report, findings, file, None, row, text);
            }
            report.reject(super::sections::FURNITURE);
            let what = format!("{}: not counted", super::sections::FURNITURE);
            findings.push(Severity::Info, "report_furniture", file, None, Some(row), None, text, what);
            return;
        }
        Status::Totals => {
            report.reject("totals row");
            findings.push(Severity::Info, "totals_row", file, None, Some(row), None, part.text(rec.first), "a totals or summary row: not counted");
            return;
        }
        Status::Row => {}
    }
    if rec.hash == cols.header_key {
        report.reject(super::table::REPEATED_HEADER);
        findings.push(Severity::Info, "repeated_header", file, None, Some(row), None, part.text(rec.first), super::table::REPEATED_HEADER_WHY);
        return;
    }
    // One probe of the row keys: the first copy's place, or this row's place kept.
    if let Some((first_file, first)) = model.row_keys.first_or_insert(rec.hash, (source, row)) {
        report.reject(super::table::DUPLICATE_ROW);
        let place = if first_file == source { String::new() } else { format!(" of {}", model.note_shown(first_file)) };
        findings.push(
            Severity::Info,
            "duplicate_row",
            file,
            None,
            Some(row),
            None,
            part.text(rec.first),
            format!("exact duplicate of row {first}{place}: not counted twice"),
        );
        return;
    }
    let mut errors = rec.errors;
    let mut ordinal = 0;
    while errors != 0 {
        let code = (errors & 0xF) as usize;
        if code != 0 {
            super::table::note_error(error_cells, ordinal, crate::ingest::cell::ERROR_LITERALS[code - 1], row);
        }
        errors >>= 4;
        ordinal += 1;
    }
    let mut reject = |reason: &str, column: &str| {
        report.reject(reason);
        findings.push(Severity::Warning, "row_rejected", file, None, Some(row), Some(column), "", format!("{reason}: row not used"));
    };
    if rec.child == 0 {
        return reject("no child id", "child id");
    }
    let texts = &part.dict.texts;
    if let Some(reason) = *look.cancelled[rec.state as usize].get_or_insert_with(|| super::table::note_status_sets_aside(&texts[rec.state as usize])) {
        report.reject(reason);
        findings.push(Severity::Info, "row_set_aside", file, None, Some(row), Some("status"), &*texts[rec.state as usize], format!("{reason}: set aside"));
        return;
    }
    let bad_date = |findings: &mut Findings, header: &str, text: &str| {
        findings.push(
            Severity::Warning,
            "bad_date",
            file,
            None,
            Some(row),
            Some(header),
            text,
            "not a date (day-first dates, ISO dates and Excel dates are read): left blank",
        );
    };
    let no_year = |findings: &mut Findings, header: &str, text: &str, date: NaiveDate| {
        let year = chrono::Datelike::year(&date);
        let why = format!("a date with no year: read as {date}, in {year}, the year most of this table's dates are in");
        findings.push(Severity::Warning, "date_without_year", file, None, Some(row), Some(header), text, why);
    };
    let event = match rec.event {
        DateVal::Date(d) => d,
        DateVal::NoYear(d, t) => {
            no_year(findings, cols.event.as_ref().map(|c| c.1.as_str()).unwrap_or(""), part.text(t), d);
            d
        }
        DateVal::Bad(t) => {
            let header = cols.event.as_ref().map(|c| c.1.as_str()).unwrap_or("");
            bad_date(findings, header, part.text(t));
            report.reject("no readable event date");
            findings.push(Severity::Warning, "row_rejected", file, None, Some(row), Some("event date"), "", "no readable event date: row not used");
            return;
        }
        DateVal::Blank => return reject("no readable event date", "event date"),
    };
    let mut kind = *look.kinds[rec.note_type as usize].get_or_insert_with(|| super::table::note_kind_in(ctx, cols.visit_types, &texts[rec.note_type as usize]));
    // (A visit report's row with no type: a visit.)
    if let Some(k) = cols.blank_visit.filter(|_| texts[rec.note_type as usize].trim().is_empty()) {
        kind = k;
    }
    // (Of a note whose type says no visit too: a code a key reads as a visit
    // later, "SVLAC", is still no visit where the child was not seen.)
    let mut not_a_visit = false;
    if kind.is_statutory_visit() || kind == NoteKind::Other {
        let virtual_visit =
            cols.mode.is_some() && *look.not_in_person[rec.mode as usize].get_or_insert_with(|| super::table::mode_not_in_person(&texts[rec.mode as usize]));
        let not_seen = cols.child_seen.is_some()
            && *look.not_seen[rec.child_seen as usize].get_or_insert_with(|| super::table::child_not_seen(&Cell::text(&texts[rec.child_seen as usize])));
        let alone_not_seen = cols.seen_alone.is_some()
            && *look.alone_not_seen[rec.seen as usize].get_or_insert_with(|| super::table::seen_alone_not_seen(&texts[rec.seen as usize]));
        let not_made = *look.not_made[rec.state as usize].get_or_insert_with(|| super::table::status_says_not_made(&texts[rec.state as usize]));
        if virtual_visit || not_seen || alone_not_seen || not_made {
            kind = NoteKind::Other;
            not_a_visit = true;
        }
    }
    let seen_alone = match cols.seen_alone {
        Some(_) => *look.seen[rec.seen as usize].get_or_insert_with(|| seen_alone(&Cell::text(&texts[rec.seen as usize]))),
        None => SeenAlone::NotRecorded,
    };
    // (A visit's unread answer is said once per answer: see `table::seen_alone_unread`.)
    if kind.is_statutory_visit() && seen_alone == SeenAlone::NotRecorded && !std::mem::replace(&mut look.seen_said[rec.seen as usize], true) {
        super::table::seen_alone_unread(seen_unread, findings, file, None, row, "seen alone", &Cell::text(&texts[rec.seen as usize]), seen_alone);
    }
    let mut intern = |id: u32, strings: &mut super::model::Strings| {
        let slot = &mut look.interned[id as usize];
        if *slot == u32::MAX {
            *slot = strings.intern(&texts[id as usize]);
        }
        *slot
    };
    let note_type = intern(rec.note_type, &mut model.strings);
    let recorded = match rec.recorded {
        DateVal::Date(d) => Some(d),
        DateVal::NoYear(d, t) => {
            no_year(findings, cols.recorded.as_ref().map(|c| c.1.as_str()).unwrap_or(""), part.text(t), d);
            Some(d)
        }
        DateVal::Bad(t) => {
            bad_date(findings, cols.recorded.as_ref().map(|c| c.1.as_str()).unwrap_or(""), part.text(t));
            None
        }
        DateVal::Blank => None,
    };
    let author = intern(rec.author, &mut model.strings);
    let team = intern(rec.team, &mut model.strings);
    let child = &mut look.children[rec.child as usize];
    if *child == u32::MAX {
        *child = model.children.intern(&texts[rec.child as usize]);
    }
    let child = *child;
    if *look.draft[rec.state as usize].get_or_insert_with(|| super::table::note_status_draft(&texts[rec.state as usize])) {
        model.draft_notes.push((source, row));
    }
    if not_a_visit {
        model.not_visits.push((source, row));
    }
    model.case_notes.push(CaseNote { child, note_type, kind, event, recorded, seen_alone, author, team, row, source });
    report.rows_accepted += 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::config::Config;
    use crate::normalise::scales::Crosswalk;
    use crate::normalise::table::read_table;
    use crate::normalise::Finding;

    /// A small deterministic generator (xorshift).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[self.below(xs.len())]
        }
    }

    /// A messy case-notes export: title rows, blank lines and rows, totals,
    /// duplicates (exact, and differing only in quotes or spaces), quoted
    /// newlines and delimiters, stray quotes, bad and odd dates, short and long
    /// rows, missing ids; in UTF-8 (with or without BOM) or Windows-1252, `,` or
    /// `;`, LF or CRLF, with or without a final line end.
    fn messy(seed: u64, rows: usize) -> Vec<u8> {
        let mut r = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let d = if r.below(2) == 0 { "," } else { ";" };
        let nl = if r.below(3) == 0 { "\r\n" } else { "\n" };
        let w1252 = r.below(3) == 0;
        let mut lines: Vec<String> = Vec::new();
        if r.below(2) == 0 {
            lines.push("Case notes export".into());
            lines.push(String::new());
        }
        lines
            .push(["Person ID", "Case Note Type", "Event Date", "Date Recorded", "Seen Alone", "Author", "Team", "Status", "Visit Mode", "Child Seen"].join(d));
        let types = ["CP Visit", "Visit - CP", "Statutory Visit (CP)", "CLA Visit", "Supervision", "Phone call", "Email", "", " cin visit ", "NULL"];
        // Tick boxes (one ticked, none, two), in exports that can hold them.
        let ticks = ["☒ Phone call ☐ CP Visit", "☐ CP Visit ☐ Phone call", "☒ CP Visit ☒ Phone call", "☐ CP North ☒ CP South"];
        let dates = [
            "2026-09-03",
            "03/09/2026",
            "3/9/2026",
            "2026-09-03T10:00:00",
            "03/09/2026 14:30",
            "6 Sep 2026",
            "46272",
            "31/02/2026",
            "TBC",
            "NULL",
            "2026-13-01",
            "",
            " 12/10/2026 ",
            "1/1/26",
            // No year: read in the table's usual year.
            "3 Sept",
        ];
        let seen = ["Yes", "No", "Seen alone", "Not seen alone", "", "N/A", "seen with carer", "Unknown"];
        let authors = ["Sam Okafor", "Tom Barrow", "Zoë Quinn", "\"Lee, Ana\"", "Pat O\"Neil", "", "\u{a0}Ivy Hart", "#REF!"];
        let teams = ["CP South", "CP North", "Café Team", "\"Multi\nline team\"", "", "LAC", "NA", "#N/A"];
        let states = [
            "Completed",
            "",
            "Cancelled",
            "Voided - wrong child",
            " entered in error ",
            "Draft",
            "#N/A",
            "Cancelled",
            "No access",
            "Child not seen - at school",
        ];
        let modes = ["Face to face", "", "Virtual (Teams)", "Video call", "face to face - unannounced", "#N/A"];
        let child_seen = ["Yes", "No", "", "N", "Not seen", "Y"];
        for i in 0..rows {
            let roll = r.below(100);
            let line = if roll < 4 && !lines.is_empty() {
                let copy = lines[lines.len() - 1 - r.below(lines.len().min(20))].clone();
                // (Sometimes with its date written another way: the same row.)
                if r.below(2) == 0 {
                    copy.replacen("2026-09-03", "3/9/2026", 1)
                } else {
                    copy
                }
            } else if roll < 6 {
                d.repeat(6)
            } else if roll < 8 {
                String::new()
            } else if roll < 9 {
                // Totals (a label in any column) and a report's page furniture.
                match r.below(3) {
                    0 => format!("Total{d}{}{d}{d}", i),
                    1 => format!("Page {} of 9{d}Report generated 03/11/2026 08:02", i % 9 + 1),
                    _ => format!("{d}{d}{d}{d}Total observations for client C1{d}22"),
                }
            } else if roll < 10 {
                format!("C{}{d}CP Visit", r.below(50))
            } else if roll < 11 {
                // The header again (a page break in the export).
                ["Person ID", "Case Note Type", "Event Date", "Date Recorded", "Seen Alone", "Author", "Team", "Status", "Visit Mode", "Child Seen"].join(d)
            } else {
                let child = match r.below(30) {
                    0 => String::new(),
                    1 => " ".into(),
                    // A formula's error saved as text.
                    3 => "#N/A".into(),
                    2 => format!("\"C{}\"", r.below(50)),
                    _ => format!("C{}", r.below(50)),
                };
                let mut f = vec![
                    child,
                    if !w1252 && r.below(8) == 0 { r.pick(&ticks[..3]).to_string() } else { r.pick(&types).to_string() },
                    r.pick(&dates).to_string(),
                    r.pick(&dates).to_string(),
                    r.pick(&seen).to_string(),
                    r.pick(&authors).to_string(),
                    if !w1252 && r.below(8) == 0 { ticks[3].to_string() } else { r.pick(&teams).to_string() },
                    r.pick(&states).to_string(),
                    r.pick(&modes).to_string(),
                    r.pick(&child_seen).to_string(),
                ];
                if r.below(10) == 0 {
                    f.push("extra \"\"quoted\"\" text".into());
                    let last = f.len() - 1;
                    f[last] = format!("\"{}\"", f[last]);
                }
                if r.below(15) == 0 {
                    f[1] = format!("\"{}{d}\n with notes\"", f[1]);
                }
                if r.below(20) == 0 {
                    f.truncate(3);
                }
                f.join(d)
            };
            lines.push(line);
        }
        let mut text = lines.join(nl);
        if r.below(2) == 0 {
            text.push_str(nl);
        }
        if w1252 {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
            bytes.into_owned()
        } else if r.below(2) == 0 {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend(text.as_bytes());
            b
        } else {
            text.into_bytes()
        }
    }

    /// Rows read, accepted, set aside, rejected, by reason (set aside, then
    /// rejected); failed; header row.
    type Counts = (u64, u64, u64, u64, Vec<(String, u64)>, bool, Option<u32>);

    struct Read {
        notes: Vec<CaseNote>,
        strings: Vec<String>,
        findings: Vec<Finding>,
        counts: Vec<Counts>,
    }

    /// Reads files in turn into one model through `read_table`, each by the
    /// columnar reader (with the given block size and threads) or by the row
    /// reader (`None`); counts are per table.
    fn read(paths: &[std::path::PathBuf], fast: &[Option<(usize, usize)>]) -> Read {
        let config = Config::defaults();
        let crosswalk = Crosswalk::new(&config);
        let ctx = Context::new(&config, &crosswalk);
        let mut model = Model { strings: crate::normalise::Strings::new(), ..Default::default() };
        let mut found = Findings::default();
        let mut counts = Vec::new();
        for (path, &fast) in paths.iter().zip(fast) {
            let mut tables = crate::ingest::open(path).unwrap();
            assert_eq!(tables.len(), 1);
            let mut t = tables.remove(0);
            if fast.is_none() {
                t.text_format.as_mut().unwrap().bulk = None;
            }
            set_tuning(fast);
            let rep = read_table(&ctx, t, &mut model, &mut found);
            set_tuning(None);
            assert_eq!(rep.kind, crate::normalise::columns::TableKind::CaseNotes, "{}", path.display());
            counts.push((
                rep.rows_read,
                rep.rows_accepted,
                rep.rows_set_aside,
                rep.rows_rejected,
                rep.set_aside_by_reason.into_iter().chain(rep.rejected_by_reason).collect(),
                rep.failed,
                rep.header_row,
            ));
        }
        let strings = (0..).map_while(|i| (i == 0 || !model.strings.get(i).is_empty()).then(|| model.strings.get(i).to_string())).collect();
        Read { notes: model.case_notes, strings, findings: found.list, counts }
    }

    fn same(got: &Read, want: &Read, at: &str) {
        assert_eq!(got.counts, want.counts, "{at}");
        assert_eq!(got.strings, want.strings, "{at}");
        assert_eq!(got.findings.len(), want.findings.len(), "{at}");
        for (g, w) in got.findings.iter().zip(&want.findings) {
            assert_eq!(g, w, "{at}");
        }
        assert_eq!(got.notes.len(), want.notes.len(), "{at}");
        for (g, w) in got.notes.iter().zip(&want.notes) {
            assert_eq!(g, w, "{at}");
        }
    }

    /// Writes `bytes` as `name` in a folder of its own, which [`gone`] removes.
    fn write(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("auditpack-fast-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn gone(path: &std::path::Path) {
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }

    fn agree(name: &str, bytes: &[u8], tunings: &[(usize, usize)]) {
        let path = write(name, bytes);
        let paths = [path.clone()];
        let want = read(&paths, &[None]);
        for c in &want.counts {
            assert_eq!(c.0, c.1 + c.2 + c.3, "read = accepted + set aside + rejected");
        }
        for &tuning in tunings {
            let before = reads_on_this_thread();
            let got = read(&paths, &[Some(tuning)]);
            assert_eq!(reads_on_this_thread(), before + 1, "{name}: the columnar reader read it");
            same(&got, &want, &format!("{name} with block {} and {} threads", tuning.0, tuning.1));
        }
        // The same export inside a zip archive: read in bulk from the bytes
        // unpacked, with the same records, findings and numbers (but the
        // file's name, which names the archive).
        let zipped = path.with_file_name("exports.zip");
        {
            let mut z = zip::ZipWriter::new(std::fs::File::create(&zipped).unwrap());
            z.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut z, bytes).unwrap();
            z.finish().unwrap();
        }
        let inside = [zipped.join(name)];
        let want_inside = read(&inside, &[None]);
        let renamed =
            |r: &Read| format!("{:?}", (&r.counts, &r.strings, &r.notes, &r.findings)).replace(&inside[0].display().to_string(), &path.display().to_string());
        assert_eq!(renamed(&want_inside), renamed(&want), "{name}: row by row inside a zip archive");
        for &tuning in tunings {
            let before = reads_on_this_thread();
            let got = read(&inside, &[Some(tuning)]);
            assert_eq!(reads_on_this_thread(), before + 1, "{name}: the columnar reader read it inside a zip archive");
            same(&got, &want_inside, &format!("{name} inside a zip archive, with block {} and {} threads", tuning.0, tuning.1));
        }
        gone(&path);
    }

    /// The same export with its columns in reverse order (as another system
    /// would lay it out), in the same bytes otherwise.
    fn reversed_columns(bytes: &[u8]) -> Vec<u8> {
        let delimiter = if bytes.split(|&b| b == b'\n').take(3).any(|l| l.contains(&b';')) { b';' } else { b',' };
        let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(bytes);
        let mut out = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(Vec::new());
        for r in rdr.byte_records() {
            let r = r.unwrap();
            let fields: Vec<&[u8]> = r.iter().rev().collect();
            out.write_record(&fields).unwrap();
        }
        out.into_inner().unwrap()
    }

    /// The same note twice in one export, its date written two ways, is one
    /// note, by either reader; a date with a time of day keeps its text.
    #[test]
    fn a_note_with_its_date_written_two_ways_is_one_note_by_either_reader() {
        let mut text = String::from("Person ID,Case Note Type,Event Date,Date Recorded,Seen Alone\n");
        for (event, recorded) in [
            ("25/09/2026", "26/09/2026 15:58"),
            ("2026-09-25", "26/09/2026 15:58"),
            ("25-Sep-26", "26/09/2026 15:58"),
            ("25/09/2026", "2026-09-26 15:58"),
            ("26/09/2026", "26/09/2026 15:58"),
        ] {
            text.push_str(&format!("C1,CP Visit,{event},{recorded},Yes\n"));
        }
        let path = write("dates-two-ways.csv", text.as_bytes());
        let paths = [path.clone()];
        let want = read(&paths, &[None]);
        let duplicates: Vec<Option<u32>> = want.findings.iter().filter(|f| f.code == "duplicate_row").map(|f| f.row).collect();
        assert_eq!(duplicates, vec![Some(3), Some(4)], "the second and third rows are the first again");
        assert_eq!(want.notes.len(), 3);
        same(&read(&paths, &[Some((BLOCK, 2))]), &want, "dates written two ways");
        gone(&path);
    }

    #[test]
    fn duplicates_across_files_are_found_by_either_reader_in_any_column_order() {
        // Two exports of overlapping notes, the second with its columns reversed:
        // a row of the second that is in the first is set aside as a duplicate
        // "of" the first file, whichever reader reads each file.
        for seed in [3, 8, 21] {
            let first = messy(seed, 300);
            let a = write(&format!("cross-{seed}-a.csv"), &first);
            let b = write(&format!("cross-{seed}-b.csv"), &reversed_columns(&first));
            let paths = [a.clone(), b.clone()];
            let want = read(&paths, &[None, None]);
            assert!(
                want.findings.iter().any(|f| f.code == "duplicate_row" && f.action.contains(" of ") && f.file.ends_with("-b.csv")),
                "seed {seed}: the second file's rows are duplicates of the first's"
            );
            for fast in [[Some((BLOCK, 2)), Some((BLOCK, 2))], [None, Some((500, 2))], [Some((300, 1)), None]] {
                same(&read(&paths, &fast), &want, &format!("seed {seed}, {fast:?}"));
            }
            gone(&a);
            gone(&b);
        }
    }

    #[test]
    fn columnar_reader_agrees_with_the_row_reader_on_messy_exports() {
        // Tiny blocks on one thread (records straddle blocks); small blocks on
        // several (cuts land inside quoted fields and are re-parsed).
        for seed in 1..=24 {
            agree(&format!("notes-{seed}.csv"), &messy(seed, 150), &[(BLOCK, 2), (7, 1), (200, 2), (1000, 3)]);
        }
    }

    #[test]
    fn columnar_reader_agrees_on_the_sample_and_a_generated_export() {
        let tunings = [(BLOCK, 2), (4096, 2), (10_000, 3)];
        agree("sample.csv", &std::fs::read("sample_data/case-notes.csv").unwrap(), &tunings);
        agree("big.csv", &messy(99, 5000), &tunings);
    }

    /// A byte-order mark at the start of a line inside the file (two exports
    /// joined end to end) stays in its field whatever block or part starts
    /// there, as the row reader keeps it.
    #[test]
    fn a_byte_order_mark_inside_the_file_is_read_as_the_row_reader_reads_it() {
        let mut bytes = b"Person ID,Case Note Type,Event Date\nC1,CP Visit,01/09/2026\n".to_vec();
        bytes.extend(b"\xEF\xBB\xBF\"C2\",CP Visit,02/09/2026\n");
        for i in 0..40 {
            bytes.extend(format!("C{i},CP Visit,03/09/2026\n").as_bytes());
            if i % 9 == 0 {
                bytes.extend(b"\xEF\xBB\xBF\"C9\",CLA Visit,04/09/2026\n");
            }
        }
        agree("bom-inside.csv", &bytes, &[(BLOCK, 2), (7, 1), (61, 1), (62, 2), (100, 3), (37, 2)]);
    }

    /// A quote never closed (the rest of the file is one cell) stops reading
    /// at its row, with the same error from either reader; a quote closed only
    /// rows later is a warning naming the row. Either way the rows it
    /// swallowed are said, not silently lost (stranger review 25, case 42).
    #[test]
    fn a_quote_never_closed_or_closed_rows_later_is_said_by_either_reader() {
        let body = |from: usize, to: usize| -> String { (from..to).map(|i| format!("C{i},CP Visit,0{}/09/2026,Sam Okafor,CP South\n", i % 9 + 1)).collect() };
        let header = "Person ID,Case Note Type,Event Date,Author,Team\n";
        let tunings = [(BLOCK, 2), (7, 1), (300, 2), (1000, 3)];
        for (rows, at) in [(600, 560), (40, 30), (600, 3)] {
            // Unclosed: the rest of the file is in the author's cell.
            let text = format!("{header}{}C9999,CP Visit,01/09/2026,\"Sam Okafor,CP South\n{}", body(0, at), body(at + 1, rows));
            let path = write(&format!("unclosed-{rows}-{at}.csv"), text.as_bytes());
            let want = read(std::slice::from_ref(&path), &[None]);
            let row = at + 2;
            let error = want.findings.iter().find(|f| f.code == "read_error").unwrap_or_else(|| panic!("{rows}/{at}: {:?}", want.findings));
            assert_eq!(error.severity, Severity::Error);
            assert!(
                error.action.contains(&format!("row {row}: a quote (\") opens a cell in this row and is never closed, so the {} lines", rows - at - 1)),
                "{}",
                error.action
            );
            assert_eq!(want.counts[0].0, at as u64, "{rows}/{at}: the rows before it are read");
            assert!(want.counts[0].5, "the table is marked as not read whole");
            assert_eq!(want.notes.len(), at, "{rows}/{at}");
            // (Within the rows sampled, the row reader alone reads the table.)
            if at > 500 {
                agree(&format!("unclosed-{rows}-{at}.csv"), text.as_bytes(), &tunings);
            }
            gone(&path);
            // Closed rows later by another stray quote: those rows are one cell.
            let text = format!(
                "{header}{}C9999,CP Visit,01/09/2026,\"Sam Okafor,CP South\n{}C9998,CP Visit,01/09/2026,Jo\" Bloggs,CP South\n{}",
                body(0, at),
                body(at + 1, at + 6),
                body(at + 7, rows)
            );
            let path = write(&format!("spans-{rows}-{at}.csv"), text.as_bytes());
            let want = read(std::slice::from_ref(&path), &[None]);
            let warning = want.findings.iter().find(|f| f.code == "quote_spans_rows").unwrap_or_else(|| panic!("{rows}/{at}: {:?}", want.findings));
            assert_eq!((warning.severity, warning.row), (Severity::Warning, Some(row as u32)));
            assert!(warning.action.contains("runs over 5 lines that look like rows"), "{}", warning.action);
            agree(&format!("spans-{rows}-{at}.csv"), text.as_bytes(), &tunings);
        }
        // A note over several lines, with commas, is no such row; nor is a
        // quote never closed on the file's last line, which swallows nothing.
        let text =
            format!("{header}{}C1,CP Visit,01/09/2026,\"Seen at home, with mum,\nthen school, briefly\",CP South\nC2,CP Visit,01/09/2026,\"Sam", body(0, 40));
        let path = write("quiet.csv", text.as_bytes());
        let want = read(std::slice::from_ref(&path), &[None]);
        assert!(!want.findings.iter().any(|f| f.severity > Severity::Info), "{:?}", want.findings);
        assert_eq!(want.notes.len(), 42);
        agree("quiet.csv", text.as_bytes(), &tunings);
    }

    /// A short text's three words are its bytes zero padded, its length in the last byte.
    #[test]
    fn packed_texts_are_their_bytes_padded_with_their_length() {
        let bytes: Vec<u8> = (0u8..40).map(|i| i.wrapping_mul(91).wrapping_add(3)).collect();
        for from in 0..8 {
            for n in 0..=Packed::MAX {
                let b = &bytes[from..from + n];
                let mut buf = [0u8; 24];
                buf[..n].copy_from_slice(b);
                buf[23] = n as u8;
                let word = |k: usize| u64::from_le_bytes(buf[k..k + 8].try_into().unwrap());
                assert!(Packed::of(b) == Some(Packed(word(0), word(8), word(16))), "{b:?}");
            }
            assert!(Packed::of(&bytes[from..from + Packed::MAX + 1]).is_none());
        }
    }

    #[test]
    fn quick_dates_are_read_as_the_general_parser_reads_them() {
        let mut r = Rng(7);
        for _ in 0..20000 {
            let (y, m, d) = (1990 + r.below(60), r.below(14), r.below(33));
            for s in [
                format!("{y:04}-{m:02}-{d:02}"),
                format!("{d:02}/{m:02}/{y:04}"),
                format!("{d:02}/{m:02}/{y:04} 10:30"),
                format!("{y:04}-{m:02}-{d:02}T09:00:00"),
                format!("{y:04}-{m:02}-{d:02}T23:30:00Z"),
                format!("{y:04}-{m:02}-{d:02} 23:30:00+00:00"),
            ] {
                if let Some(q) = quick_date(&s) {
                    assert_eq!(Some(q), parse_date(&s), "{s}");
                }
                assert_eq!(date_of(&s), parse_date(&s), "{s}");
            }
        }
        for s in ["2026-1-06", "6/11/2026", "06/11/26", "06-11-2026", "2026/11/06", "0a/11/2026", "06/11/2026x", "2026-11-06x"] {
            assert_eq!(date_of(s), parse_date(s), "{s}");
        }
    }
}
