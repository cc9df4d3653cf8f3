//! The normalised tables as CSV (UTF-8, comma, one header row): the tables a
//! Power BI user loads; and the same tables as Parquet ([`super::parquet`]).
//!
//! Every value is written as text a spreadsheet will not run: a value that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
//! `'` (the OWASP guidance on CSV injection), so `=HYPERLINK(...)` typed into an
//! export shows as text when the CSV is opened in Excel. A value that is a
//! plain number ("-3", "+2.5", "-1e3") is left as it is: it cannot run, and
//! changing it would turn a number into text. Power BI and scripts that load
//! these CSVs see the `'` as part of the text.

use crate::normalise::{Finding, Judgement, Model, Normalised};
use chrono::NaiveDate;

/// An audit's `due_rule` where its due date is the export's own.
pub const DUE_GIVEN: &str = "given in the export";

type Out<'a> = &'a mut (dyn std::io::Write + Send);
type Result = std::io::Result<()>;

/// The file format a table is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Parquet,
}

/// A value as a spreadsheet may safely open it (see the module notes).
pub fn neutralise(field: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match field.first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') if !is_plain_number(field) => {
            let mut v = Vec::with_capacity(field.len() + 1);
            v.push(b'\'');
            v.extend_from_slice(field);
            v.into()
        }
        _ => field.into(),
    }
}

/// Digits with an optional sign, point and exponent, and nothing else.
fn is_plain_number(field: &[u8]) -> bool {
    field.iter().all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
        && field.iter().any(u8::is_ascii_digit)
        && std::str::from_utf8(field).ok().and_then(|s| s.parse::<f64>().ok()).is_some_and(f64::is_finite)
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

/// Where a table's rows go: one writer per format, the same rows.
enum Csv<'a> {
    Text(TextTable<'a>),
    Parquet(Box<super::parquet::ParquetTable<Out<'a>>>),
}

/// CSV records written into a buffer, field by field as the `csv` crate writes
/// them after [`neutralise`]: most fields as they are, the few that must be
/// neutralised or quoted encoded by the `csv` crate itself ([`as_is`],
/// [`encoded`]). The same bytes as a `csv::Writer` (tested).
struct TextTable<'a> {
    out: Out<'a>,
    buf: Vec<u8>,
    /// Fields that must be encoded, encoded once: the same few texts (a
    /// question with a comma in it) come back on thousands of rows.
    encoded: std::collections::HashMap<Box<str>, Box<[u8]>>,
}

impl<'a> TextTable<'a> {
    const FLUSH: usize = 1 << 16;
    /// Encoded fields kept, at most (free text is rarely repeated).
    const KEPT: usize = 4096;

    fn new(out: Out<'a>) -> TextTable<'a> {
        TextTable { out, buf: Vec::with_capacity(Self::FLUSH + 4096), encoded: Default::default() }
    }

    /// One record of at least two fields (a record of one empty field the
    /// `csv` crate writes as `""`; no table here has a single column).
    fn record<I, T>(&mut self, record: I) -> Result
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        for (i, f) in record.into_iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            let f = f.as_ref();
            if as_is(f) {
                self.buf.extend_from_slice(f.as_bytes());
            } else if let Some(e) = self.encoded.get(f) {
                self.buf.extend_from_slice(e);
            } else {
                let e = encoded(f)?;
                self.buf.extend_from_slice(&e);
                if self.encoded.len() < Self::KEPT {
                    self.encoded.insert(f.into(), e.into());
                }
            }
        }
        self.buf.push(b'\n');
        if self.buf.len() >= Self::FLUSH {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn flush(&mut self) -> Result {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()
    }
}

impl Csv<'_> {
    fn write_record<I, T>(&mut self, record: I) -> Result
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        match self {
            // CSV fields are neutralised (see the module notes); Parquet holds
            // typed text that no spreadsheet runs.
            Csv::Text(w) => w.record(record),
            Csv::Parquet(w) => w.write_record(record),
        }
    }
}

thread_local! {
    /// The format the table functions write in (CSV unless [`write_table`] says otherwise).
    static FORMAT: std::cell::Cell<Format> = const { std::cell::Cell::new(Format::Csv) };
}

fn writer<'a>(out: Out<'a>, header: &[&str]) -> std::io::Result<Csv<'a>> {
    match FORMAT.with(|f| f.get()) {
        Format::Csv => {
            let mut w = TextTable::new(out);
            w.record(header)?;
            Ok(Csv::Text(w))
        }
        Format::Parquet => Ok(Csv::Parquet(Box::new(super::parquet::ParquetTable::new(out, "table", header)?))),
    }
}

fn finish(w: Csv) -> Result {
    match w {
        Csv::Text(mut w) => w.flush(),
        Csv::Parquet(w) => w.finish(),
    }
}

/// Writes one record.
fn put<I, T>(w: &mut Csv, record: I) -> Result
where
    I: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    w.write_record(record)
}

/// ISO date as text.
fn d(x: Option<NaiveDate>) -> String {
    day(x).as_ref().to_string()
}

/// A short value written without an allocation (a table has millions of
/// dates and row numbers).
struct Short {
    buf: [u8; 16],
    len: usize,
}

impl AsRef<str> for Short {
    fn as_ref(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// ISO date (chrono's strftime re-reads its pattern on every call).
fn day(x: Option<NaiveDate>) -> Short {
    use chrono::Datelike;
    let mut s = Short { buf: [0; 16], len: 0 };
    if let Some(d) = x.filter(|d| (0..=9999).contains(&d.year())) {
        let (y, m, dd) = (d.year() as u32, d.month(), d.day());
        for (i, v) in [(0, y / 1000), (1, y / 100 % 10), (2, y / 10 % 10), (3, y % 10), (5, m / 10), (6, m % 10), (8, dd / 10), (9, dd % 10)] {
            s.buf[i] = b'0' + v as u8;
        }
        s.buf[4] = b'-';
        s.buf[7] = b'-';
        s.len = 10;
    } else if let Some(d) = x {
        // Outside years 0 to 9999 (a damaged date kept as read), as before.
        let t = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        let n = t.len().min(16);
        s.buf[..n].copy_from_slice(&t.as_bytes()[..n]);
        s.len = n;
    }
    s
}

/// A row number as text.
fn num(n: u32) -> Short {
    let mut s = Short { buf: [0; 16], len: 0 };
    let mut digits = [0u8; 16];
    let mut k = 0;
    let mut v = n;
    loop {
        digits[k] = b'0' + (v % 10) as u8;
        k += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for i in 0..k {
        s.buf[i] = digits[k - 1 - i];
    }
    s.len = k;
    s
}

fn b(x: Option<bool>) -> &'static str {
    match x {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

fn o(x: &Option<String>) -> &str {
    x.as_deref().unwrap_or("")
}

fn judgement_cols(j: Option<&Judgement>) -> [&str; 5] {
    match j {
        Some(j) => [
            &j.scale,
            &j.source_label,
            j.band.map(|b| b.key()).unwrap_or(if j.not_applicable { "not_applicable" } else { "" }),
            b(j.at_least_good),
            if j.exact { "exact" } else { "assumed" },
        ],
        None => [""; 5],
    }
}

pub fn audits_csv(model: &Model, out: Out) -> Result {
    let mut w = writer(
        out,
        &[
            "audit_id",
            "framework",
            "child_id",
            "team",
            "service",
            "auditor",
            "case_type",
            "legal_status",
            "allocated_date",
            "due_date",
            "due_rule",
            "completed_date",
            "overall_scale",
            "overall_source_label",
            "overall_band",
            "overall_at_least_good",
            "overall_mapping",
            "overall_from",
            "moderated",
            "moderator_agrees",
            "moderated_scale",
            "moderated_source_label",
            "moderated_band",
            "moderated_at_least_good",
            "moderated_mapping",
            "moderation_date",
            "spoke_to_child",
            "spoke_to_family",
            "spoke_to_practitioner",
            "escalated",
            "evidence",
            "good_practice",
            "source_file",
            "source_sheet",
            "source_row",
        ],
    )?;
    for a in &model.audits {
        let mut rec: Vec<String> = vec![
            a.id.clone(),
            a.framework.clone(),
            a.child_id.clone(),
            o(&a.team).into(),
            o(&a.service).into(),
            o(&a.auditor).into(),
            o(&a.case_type).into(),
            o(&a.legal_status).into(),
            d(a.allocated),
            d(a.due),
            // (The framework's rule is applied only where the export gives no
            // due date: where it does, the column says so.)
            if a.due.is_some() { DUE_GIVEN.to_string() } else { a.due_rule.clone() },
            d(a.completed),
        ];
        rec.extend(judgement_cols(a.overall.as_ref()).map(String::from));
        rec.push(a.overall_source.clone().unwrap_or_else(|| "column".into()));
        rec.push(b(a.moderated).into());
        rec.push(b(a.moderator_agrees).into());
        rec.extend(judgement_cols(a.moderated_overall.as_ref()).map(String::from));
        rec.extend([
            d(a.moderation_date),
            a.spoke_child.as_str().into(),
            a.spoke_family.as_str().into(),
            a.spoke_practitioner.as_str().into(),
            b(a.escalated).into(),
            a.evidence.clone(),
            a.good_practice.clone(),
            a.origin.file.clone(),
            o(&a.origin.sheet).into(),
            a.origin.row.to_string(),
        ]);
        put(&mut w, &rec)?;
    }
    finish(w)
}

/// One row per audit × question (overall, moderated overall, each domain question).
/// The rows [`judgements_csv`] writes for one audit: its overall, its
/// moderated overall if any, and each domain.
pub fn judgement_rows(a: &crate::normalise::Audit) -> usize {
    1 + usize::from(a.moderated_overall.is_some()) + a.domains.len()
}

pub fn judgements_csv(model: &Model, domain_names: &(dyn Fn(&str) -> String + Sync), out: Out) -> Result {
    let mut w = writer(
        out,
        &[
            "audit_id",
            "child_id",
            "team",
            "completed_date",
            "framework",
            "kind",
            "domain",
            "domain_name",
            "question",
            "scale",
            "source_label",
            "label",
            "band",
            "at_least_good",
            "not_applicable",
            "mapping",
            "source_file",
            "source_sheet",
            "source_row",
        ],
    )?;
    // A domain's name, asked once per domain.
    let mut names: crate::fasthash::FxHashMap<String, String> = Default::default();
    for a in &model.audits {
        let completed = day(a.completed);
        let source_row = num(a.origin.row);
        let mut row = |kind: &str, domain: &str, question: &str, j: Option<&Judgement>| {
            let [scale, source, band, good, mapping] = judgement_cols(j);
            if !domain.is_empty() && !names.contains_key(domain) {
                names.insert(domain.to_string(), domain_names(domain));
            }
            let rec = [
                a.id.as_str(),
                &a.child_id,
                o(&a.team),
                completed.as_ref(),
                &a.framework,
                kind,
                domain,
                names.get(domain).map(String::as_str).unwrap_or(""),
                question,
                scale,
                source,
                j.map(|j| j.label.as_str()).unwrap_or(""),
                band,
                good,
                if j.is_some_and(|j| j.not_applicable) { "yes" } else { "" },
                if j.is_some() { mapping } else { "" },
                &a.origin.file,
                o(&a.origin.sheet),
                source_row.as_ref(),
            ];
            put(&mut w, rec)
        };
        row("overall", "", a.overall_source.as_deref().unwrap_or("overall"), a.overall.as_ref())?;
        if a.moderated_overall.is_some() {
            row("moderated_overall", "", "moderated overall", a.moderated_overall.as_ref())?;
        }
        for dj in &a.domains {
            row("domain", dj.domain.as_deref().unwrap_or(""), &dj.question, dj.judgement.as_ref())?;
        }
    }
    finish(w)
}

pub fn actions_csv(model: &Model, out: Out) -> Result {
    let mut w = writer(
        out,
        &["audit_id", "child_id", "team", "owner", "action", "set_date", "due_date", "completed_date", "source_file", "source_sheet", "source_row"],
    )?;
    for a in &model.actions {
        put(
            &mut w,
            [
                o(&a.audit_id),
                o(&a.child_id),
                o(&a.team),
                o(&a.owner),
                &a.text,
                &d(a.set),
                &d(a.due),
                &d(a.completed),
                &a.origin.file,
                o(&a.origin.sheet),
                &a.origin.row.to_string(),
            ],
        )?;
    }
    finish(w)
}

const CASE_NOTE_COLUMNS: [&str; 10] =
    ["child_id", "note_type", "kind", "event_date", "recorded_date", "seen_alone", "author", "team", "source_file", "source_row"];

fn seen_str(s: crate::normalise::SeenAlone) -> &'static str {
    match s {
        crate::normalise::SeenAlone::Yes => "yes",
        crate::normalise::SeenAlone::No => "no",
        crate::normalise::SeenAlone::NotApplicable => "not_applicable",
        crate::normalise::SeenAlone::NotRecorded => "not_recorded",
    }
}

/// The case notes: millions of rows, so written column-wise from the model's
/// interned values (each distinct text checked once), not record by record.
/// The output is the same as writing each row's values as text
/// ([`case_notes_rows`], the reference the tests compare with).
pub fn case_notes_csv(model: &Model, out: Out) -> Result {
    match FORMAT.with(|f| f.get()) {
        Format::Csv => case_notes_text(model, out),
        Format::Parquet => case_notes_parquet(model, out),
    }
}

/// The case notes as each row's values, written by the generic writer.
#[cfg(test)]
fn case_notes_rows(model: &Model, out: Out) -> Result {
    let mut w = writer(out, &CASE_NOTE_COLUMNS)?;
    let s = &model.strings;
    for n in &model.case_notes {
        put(
            &mut w,
            [
                model.children.get(n.child),
                s.get(n.note_type),
                n.kind.as_str(),
                day(Some(n.event)).as_ref(),
                day(n.recorded).as_ref(),
                seen_str(n.seen_alone),
                s.get(n.author),
                s.get(n.team),
                model.note_file(n.source),
                num(n.row).as_ref(),
            ],
        )?;
    }
    finish(w)
}

/// A field as the CSV writer writes it: neutralised, and quoted when it must be.
fn encoded(field: &str) -> std::io::Result<Vec<u8>> {
    if field.is_empty() {
        // Alone in a record the writer would quote it; among others it is nothing.
        return Ok(Vec::new());
    }
    // The record end closes any quote; it is then taken off.
    let mut w = csv::WriterBuilder::new().from_writer(Vec::with_capacity(field.len() + 3));
    w.write_record([neutralise(field.as_bytes())])?;
    let mut v = w.into_inner().map_err(|e| e.into_error())?;
    if v.pop() != Some(b'\n') {
        return Err(std::io::Error::other("the CSV writer ended a record without a newline"));
    }
    Ok(v)
}

/// Whether a text goes into the CSV as it is: nothing to neutralise (see the
/// module notes) and nothing that makes the writer quote it (comma, quote, CR, LF).
fn as_is(text: &str) -> bool {
    !matches!(text.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')) && !quoted(text.as_bytes())
}

/// Whether a field holds a comma, a quote, a CR or an LF. Sixteen bytes are
/// looked at together (the compiler turns the inner loop into a few vector
/// compares), not one at a time: every field of every table is asked.
fn quoted(b: &[u8]) -> bool {
    let special = |x: u8| x == b',' || x == b'"' || x == b'\r' || x == b'\n';
    let (chunks, rest) = b.as_chunks::<16>();
    chunks.iter().any(|c| c.iter().fold(false, |found, &x| found | special(x))) || rest.iter().any(|&x| special(x))
}

/// How each interned text is written to the CSV: most as they are; the few
/// that must be neutralised or quoted are encoded once and kept.
struct FieldCache<'a> {
    strings: &'a crate::normalise::Strings,
    /// Per id: 0 not yet seen, 1 as it is, 2 encoded (in `encoded`).
    how: Vec<u8>,
    encoded: std::collections::HashMap<u32, Box<[u8]>>,
}

impl<'a> FieldCache<'a> {
    fn new(strings: &'a crate::normalise::Strings) -> Self {
        FieldCache { strings, how: vec![0; strings.len()], encoded: Default::default() }
    }

    fn put(&mut self, id: u32, buf: &mut Vec<u8>) -> Result {
        // An id the table does not hold is written as the empty text, as `Strings::get` reads it.
        let text = self.strings.get(id);
        let Some(how) = self.how.get_mut(id as usize) else {
            return Ok(());
        };
        if *how == 0 {
            *how = if as_is(text) { 1 } else { 2 };
            if *how == 2 {
                self.encoded.insert(id, encoded(text)?.into());
            }
        }
        match if *how == 2 { self.encoded.get(&id) } else { None } {
            Some(field) => buf.extend_from_slice(field),
            None => buf.extend_from_slice(text.as_bytes()),
        }
        Ok(())
    }
}

/// Bytes of a field and the delimiter after it, when they fit [`Slot`]'s 32.
#[derive(Clone, Copy)]
struct Slot {
    bytes: [u8; 32],
    /// 0: not yet known (every field has its delimiter); [`Slot::LONG`]: too long.
    len: u8,
}

impl Slot {
    const UNKNOWN: Slot = Slot { bytes: [0; 32], len: 0 };
    const LONG: u8 = u8::MAX;

    /// `field` (as the CSV holds it) and `end` after it, if they fit.
    fn of(field: &[u8], end: u8) -> Slot {
        let mut s = Slot { bytes: [0; 32], len: Slot::LONG };
        if field.len() < 32 {
            s.bytes[..field.len()].copy_from_slice(field);
            s.bytes[field.len()] = end;
            s.len = field.len() as u8 + 1;
        }
        s
    }

    /// Onto `buf`: all 32 bytes copied (a fixed-size copy, not a call to copy
    /// a few bytes), the unused ones taken off again.
    #[inline]
    fn put(&self, buf: &mut Vec<u8>) {
        let end = buf.len() + usize::from(self.len);
        buf.extend_from_slice(&self.bytes);
        buf.truncate(end);
    }
}

/// Interned texts as the case-notes CSV writes them, each followed by a
/// comma: a short one from its [`Slot`], made the first time its id is met;
/// a long one through the [`FieldCache`].
struct SlotCache<'a> {
    cache: FieldCache<'a>,
    slots: Vec<Slot>,
}

impl<'a> SlotCache<'a> {
    fn new(strings: &'a crate::normalise::Strings) -> Self {
        // (One more slot than ids: every id past the end is the empty text.)
        SlotCache { cache: FieldCache::new(strings), slots: vec![Slot::UNKNOWN; strings.len() + 1] }
    }

    #[inline]
    fn put(&mut self, id: u32, buf: &mut Vec<u8>) -> Result {
        let k = (id as usize).min(self.slots.len() - 1);
        match self.slots[k].len {
            0 => self.first(id, k, buf),
            Slot::LONG => {
                self.cache.put(id, buf)?;
                buf.push(b',');
                Ok(())
            }
            _ => {
                self.slots[k].put(buf);
                Ok(())
            }
        }
    }

    #[cold]
    fn first(&mut self, id: u32, k: usize, buf: &mut Vec<u8>) -> Result {
        let mut field = Vec::new();
        self.cache.put(id, &mut field)?;
        self.slots[k] = Slot::of(&field, b',');
        buf.extend_from_slice(&field);
        buf.push(b',');
        Ok(())
    }
}

/// Row numbers with the line end after them, kept from the row before: most
/// rows' numbers count up by one, and the next is then the same digits with
/// the last one raised, unless it is a 9.
struct RowNumbers {
    last: Option<u32>,
    slot: Slot,
}

impl RowNumbers {
    #[inline]
    fn put(&mut self, n: u32, buf: &mut Vec<u8>) {
        let len = usize::from(self.slot.len);
        if self.last.is_some_and(|last| last.checked_add(1) == Some(n)) && !n.is_multiple_of(10) {
            self.slot.bytes[len - 2] += 1;
        } else {
            let digits = num(n);
            self.slot = Slot::of(&digits.buf[..digits.len], b'\n');
        }
        self.last = Some(n);
        self.slot.put(buf);
    }
}

/// A short value (a date, a row number, a fixed word): written as it is when it
/// needs no neutralising or quoting, else encoded.
fn put_short(v: &str, buf: &mut Vec<u8>) -> Result {
    if as_is(v) {
        buf.extend_from_slice(v.as_bytes());
    } else {
        buf.extend_from_slice(&encoded(v)?);
    }
    Ok(())
}

/// A date as the CSV writer writes it: ISO digits as they are, any other
/// (a damaged year kept as read) encoded.
fn put_day(x: Option<NaiveDate>, buf: &mut Vec<u8>) -> Result {
    let d = day(x);
    match d.buf.first() {
        Some(b'0'..=b'9') if d.len == 10 => {
            buf.extend_from_slice(&d.buf[..10]);
            Ok(())
        }
        _ => put_short(d.as_ref(), buf),
    }
}

/// The ISO text of every day from the earliest to the latest date a table
/// holds, made once: a case-notes table writes two dates a row, millions of
/// times, over a few thousand distinct days.
struct DayTexts {
    first: i32,
    /// Each day's ISO text and a comma after it (an empty slot: written the long way).
    texts: Vec<Slot>,
}

impl DayTexts {
    fn new(dates: impl Iterator<Item = NaiveDate>) -> DayTexts {
        use chrono::Datelike;
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for d in dates.filter(|d| (0..=9999).contains(&d.year())) {
            let n = d.num_days_from_ce();
            (lo, hi) = (lo.min(n), hi.max(n));
        }
        // (At most a few centuries of days: a damaged year far off is written the long way.)
        let texts = if lo <= hi && hi - lo < 100_000 {
            (lo..=hi)
                .map(|n| {
                    let d = NaiveDate::from_num_days_from_ce_opt(n).map(|d| day(Some(d)));
                    match d.filter(|d| d.len == 10) {
                        Some(d) => Slot::of(&d.buf[..10], b','),
                        None => Slot::UNKNOWN,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        DayTexts { first: lo, texts }
    }

    /// A date as [`put_day`] writes it, and a comma.
    #[inline]
    fn put(&self, x: Option<NaiveDate>, buf: &mut Vec<u8>) -> Result {
        use chrono::Datelike;
        if let Some(t) = x.and_then(|d| usize::try_from(d.num_days_from_ce() - self.first).ok()).and_then(|i| self.texts.get(i)).filter(|t| t.len != 0) {
            t.put(buf);
            return Ok(());
        }
        put_day(x, buf)?;
        buf.push(b',');
        Ok(())
    }
}

/// A case note's source as its file's interned id (a source on a sheet of
/// a workbook names the sheet too; the table names the file alone).
fn note_file_ids(model: &Model) -> impl Fn(u32) -> u32 + '_ {
    let mut on_sheets: crate::fasthash::FxHashMap<u32, u32> = Default::default();
    let mut last = None;
    for n in &model.case_notes {
        if last.replace(n.source) != Some(n.source) && !on_sheets.contains_key(&n.source) {
            if let (file, Some(_)) = model.note_place(n.source) {
                on_sheets.insert(n.source, model.strings.id_of(file).unwrap_or(n.source));
            }
        }
    }
    move |source| if on_sheets.is_empty() { source } else { on_sheets.get(&source).copied().unwrap_or(source) }
}

fn case_notes_text(model: &Model, out: Out) -> Result {
    use crate::normalise::{NoteKind, SeenAlone};
    const CHUNK: usize = 1 << 20;
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + 4096);
    for (i, h) in CASE_NOTE_COLUMNS.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        put_short(h, &mut buf)?;
    }
    buf.push(b'\n');
    let mut children = SlotCache::new(&model.children);
    let mut strings = SlotCache::new(&model.strings);
    let file_id = note_file_ids(model);
    let days = DayTexts::new(model.case_notes.iter().flat_map(|n| [Some(n.event), n.recorded]).flatten());
    // (Fixed words, written as they are: nothing to neutralise or quote.)
    let word = |w: &str| Slot::of(w.as_bytes(), b',');
    let kinds = [NoteKind::CpVisit, NoteKind::ClaVisit, NoteKind::CinVisit, NoteKind::StatutoryVisit, NoteKind::Supervision, NoteKind::Other]
        .map(|k| (k, word(k.as_str())));
    let seen = [SeenAlone::Yes, SeenAlone::No, SeenAlone::NotApplicable, SeenAlone::NotRecorded].map(|s| (s, word(seen_str(s))));
    let mut rows = RowNumbers { last: None, slot: Slot::UNKNOWN };
    for n in &model.case_notes {
        children.put(n.child, &mut buf)?;
        strings.put(n.note_type, &mut buf)?;
        match kinds.iter().find(|(k, _)| *k == n.kind) {
            Some((_, w)) => w.put(&mut buf),
            None => buf.extend_from_slice(format!("{},", n.kind.as_str()).as_bytes()),
        }
        days.put(Some(n.event), &mut buf)?;
        days.put(n.recorded, &mut buf)?;
        match seen.iter().find(|(s, _)| *s == n.seen_alone) {
            Some((_, w)) => w.put(&mut buf),
            None => buf.extend_from_slice(format!("{},", seen_str(n.seen_alone)).as_bytes()),
        }
        strings.put(n.author, &mut buf)?;
        strings.put(n.team, &mut buf)?;
        strings.put(file_id(n.source), &mut buf)?;
        rows.put(n.row, &mut buf);
        if buf.len() >= CHUNK {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()
}

fn case_notes_parquet<'a>(model: &'a Model, out: Out) -> Result {
    use super::parquet::Column;
    let notes = &model.case_notes;
    // The interned texts by id: each row's id is looked up in a column's
    // dictionary by number, not by its text.
    let (s, c): (Vec<&'a str>, Vec<&'a str>) = (model.strings.iter().collect(), model.children.iter().collect());
    let file_id = note_file_ids(model);
    super::parquet::write_columns(out, "table", &CASE_NOTE_COLUMNS, notes.len(), |column, rows| {
        let notes = &notes[rows];
        match column {
            0 => Column::ids(notes.iter().map(|n| n.child), &c),
            1 => Column::ids(notes.iter().map(|n| n.note_type), &s),
            2 => Column::texts(notes.iter().map(|n| n.kind.as_str())),
            3 => Column::dates(notes.iter().map(|n| Some(n.event))),
            4 => Column::dates(notes.iter().map(|n| n.recorded)),
            5 => Column::texts(notes.iter().map(|n| seen_str(n.seen_alone))),
            6 => Column::ids(notes.iter().map(|n| n.author), &s),
            7 => Column::ids(notes.iter().map(|n| n.team), &s),
            8 => Column::ids(notes.iter().map(|n| file_id(n.source)), &s),
            _ => Column::ints(notes.iter().map(|n| n.row)),
        }
    })
}

pub fn episodes_csv(model: &Model, out: Out) -> Result {
    let mut w = writer(out, &["child_id", "kind", "source_status", "start_date", "end_date", "team", "source_file", "source_sheet", "source_row"])?;
    for e in &model.episodes {
        put(
            &mut w,
            [
                &e.child_id,
                e.kind.as_str(),
                &e.source_status,
                &d(Some(e.start)),
                &d(e.end),
                o(&e.team),
                &e.origin.file,
                o(&e.origin.sheet),
                &e.origin.row.to_string(),
            ],
        )?;
    }
    finish(w)
}

pub fn data_quality_csv(findings: &[Finding], out: Out) -> Result {
    let mut w = writer(out, &["severity", "code", "file", "sheet", "row", "column", "value", "what_was_done"])?;
    for f in findings {
        let sev = match f.severity {
            crate::normalise::Severity::Info => "info",
            crate::normalise::Severity::Warning => "warning",
            crate::normalise::Severity::Error => "error",
        };
        put(&mut w, [sev, f.code, &f.file, o(&f.sheet), &f.row.map(|r| r.to_string()).unwrap_or_default(), o(&f.column), &f.value, &f.action])?;
    }
    finish(w)
}

/// A table's writer: fills the given output with one CSV.
pub type TableWriter<'a> = Box<dyn FnOnce(Out) -> Result + Send + 'a>;

/// Writes one table (a writer from [`all`]) in the given format.
///
/// # Errors
/// The output cannot be written.
pub fn write_table(table: TableWriter, format: Format, out: Out) -> Result {
    let before = FORMAT.with(|f| f.replace(format));
    let result = table(out);
    FORMAT.with(|f| f.set(before));
    result
}

/// Every normalised table by file name, each written straight to its output (a
/// multi-million-row case-notes table is never held in memory as text).
pub fn all<'a>(n: &'a Normalised, domain_names: &'a (dyn Fn(&str) -> String + Sync)) -> Vec<(&'static str, TableWriter<'a>)> {
    vec![
        ("audits.csv", Box::new(move |w| audits_csv(&n.model, w))),
        ("judgements.csv", Box::new(move |w| judgements_csv(&n.model, domain_names, w))),
        ("actions.csv", Box::new(move |w| actions_csv(&n.model, w))),
        ("case_notes.csv", Box::new(move |w| case_notes_csv(&n.model, w))),
        ("episodes.csv", Box::new(move |w| episodes_csv(&n.model, w))),
        ("data_quality.csv", Box::new(move |w| data_quality_csv(&n.findings, w))),
    ]
}

#[cfg(test)]
mod injection_tests {
    use super::neutralise;

    fn n(s: &str) -> String {
        String::from_utf8(neutralise(s.as_bytes()).into_owned()).unwrap()
    }

    #[test]
    fn formulas_become_text_numbers_stay_numbers() {
        assert_eq!(n("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(n("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(n("-2+3"), "'-2+3");
        assert_eq!(n("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(n("\tx"), "'\tx");
        assert_eq!(n("\rx"), "'\rx");
        assert_eq!(n("-"), "'-");
        assert_eq!(n("-3"), "-3");
        assert_eq!(n("+2.5"), "+2.5");
        assert_eq!(n("-1e3"), "-1e3");
        assert_eq!(n("2026-09-01"), "2026-09-01");
        assert_eq!(n("Good"), "Good");
        assert_eq!(n(""), "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table writer writes what a `csv::Writer` writes for the neutralised
    /// fields: plain, quoted, neutralised, numbers, empty, long and non-ASCII
    /// fields, in records of every mix, across its buffer's flushes.
    #[test]
    fn text_tables_are_the_csv_crates_bytes() {
        let values = [
            "",
            "Good",
            "Requires improvement",
            "a, b",
            "say \"no\"",
            "two\nlines",
            "cr\r",
            "=SUM(A1)",
            "+44 1234",
            "-3",
            "-",
            "+2.5",
            "-1e3",
            "@x",
            "\tx",
            "\rx",
            "  padded  ",
            "Zoë – Ōtautahi",
            "2026-09-01",
            "'already",
            "#hash",
            "\"",
            ",",
            "x".repeat(300).leak(),
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let records: Vec<Vec<&str>> = (0..5_000).map(|_| (0..2 + next() % 18).map(|_| values[(next() % values.len() as u64) as usize]).collect()).collect();
        let mut ours: Vec<u8> = Vec::new();
        {
            let mut t = TextTable::new(&mut ours);
            for r in &records {
                t.record(r).unwrap();
            }
            t.flush().unwrap();
        }
        let mut theirs = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        for r in &records {
            for f in r {
                theirs.write_field(neutralise(f.as_bytes())).unwrap();
            }
            theirs.write_record(std::iter::empty::<&[u8]>()).unwrap();
        }
        let theirs = theirs.into_inner().unwrap();
        assert!(ours.len() > TextTable::FLUSH * 2);
        assert!(ours == theirs, "{} bytes against {}", ours.len(), theirs.len());
    }

    /// `judgement_rows` counts what `judgements_csv` writes (the Excel-rows
    /// note relies on it).
    #[test]
    fn judgement_rows_are_the_rows_written() {
        use crate::normalise::{Audit, DomainJudgement};
        let domain = |q: &str| DomainJudgement { domain: None, question: q.into(), judgement: None };
        let plain = Audit { id: "A1".into(), child_id: "C1".into(), ..Default::default() };
        let mut full = Audit { id: "A2".into(), child_id: "C2".into(), domains: vec![domain("Voice"), domain("Plans")], ..Default::default() };
        full.moderated_overall = Some(crate::normalise::Judgement {
            scale: "ofsted4".into(),
            source_label: "Good".into(),
            label: "Good".into(),
            band: None,
            at_least_good: Some(true),
            not_applicable: false,
            exact: true,
        });
        let m = Model { audits: vec![plain, full], ..Default::default() };
        let mut out: Vec<u8> = Vec::new();
        {
            let sink: Out = &mut out;
            judgements_csv(&m, &|d: &str| d.to_string(), sink).unwrap();
        }
        let written = String::from_utf8(out).unwrap().lines().count() - 1;
        assert_eq!(written, m.audits.iter().map(judgement_rows).sum::<usize>());
        assert_eq!(written, 1 + 4);
    }

    /// The written-directly dates and numbers are what `format!` writes.
    #[test]
    fn short_values_read_as_format_writes_them() {
        use chrono::Datelike;
        for (y, m, dd) in [(2026, 11, 6), (1, 1, 1), (0, 12, 31), (9999, 12, 31), (10_000, 1, 1), (-5, 3, 4), (1999, 10, 10)] {
            let date = NaiveDate::from_ymd_opt(y, m, dd).unwrap();
            assert_eq!(day(Some(date)).as_ref(), format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()));
        }
        assert_eq!(day(None).as_ref(), "");
        for n in [0, 7, 10, 99, 1_000_000, u32::MAX] {
            assert_eq!(num(n).as_ref(), n.to_string());
        }
    }

    /// A CSV field is neutralised field by field, and only where it must be.
    #[test]
    fn csv_records_neutralise_each_field() {
        let mut out: Vec<u8> = Vec::new();
        {
            let sink: Out = &mut out;
            let mut w = writer(sink, &["a", "b", "c"]).unwrap();
            put(&mut w, ["=1+1", "-3", "plain, with comma"]).unwrap();
            finish(w).unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "a,b,c\n'=1+1,-3,\"plain, with comma\"\n");
    }

    /// A Parquet file's values, row by row.
    fn parquet_rows(file: Vec<u8>) -> Vec<Vec<String>> {
        super::super::parquet::tests::rows_of(file)
    }

    /// The column-wise case-note writers give exactly the bytes of writing each
    /// row's values as text (as CSV), and the same values (as Parquet, whose
    /// text columns the column-wise writer encodes itself), on values that need
    /// quoting, neutralising or nulls, across more than one Parquet row group.
    #[test]
    fn case_notes_columnwise_match_row_by_row() {
        use crate::normalise::{CaseNote, NoteKind, SeenAlone, Strings};
        let texts = ["", "CP Visit", "=HYPERLINK(\"x\")", "a, b", "line\nbreak", "say \"hi\"", "-3", "-", "\u{e9}quipe", "+44 20", "@x", " spaced "];
        let mut m = Model { strings: Strings::new(), ..Default::default() };
        let ids: Vec<u32> = texts.iter().map(|t| m.strings.intern(t)).collect();
        let kids: Vec<u32> = ["C1", "=C2", "C 3,", "", "-9"].iter().map(|c| m.children.intern(c)).collect();
        let kinds = [NoteKind::CpVisit, NoteKind::ClaVisit, NoteKind::CinVisit, NoteKind::StatutoryVisit, NoteKind::Supervision, NoteKind::Other];
        let seen = [SeenAlone::Yes, SeenAlone::No, SeenAlone::NotApplicable, SeenAlone::NotRecorded];
        // Dates over all years (written one by one) and over a few years
        // (written from a table of days made once).
        let wide = [(2026, 11, 6), (1, 1, 1), (9999, 12, 31), (10_000, 1, 1), (-5, 3, 4)];
        let near = [(2026, 11, 6), (2024, 2, 29), (2026, 12, 31), (2023, 1, 1), (2026, 3, 4)];
        for dates in [wide, near] {
            let mut m = m.clone();
            let dates = dates.map(|(y, mo, d)| NaiveDate::from_ymd_opt(y, mo, d).unwrap());
            let rows = super::super::parquet::ROW_GROUP + 7;
            for i in 0..rows {
                m.case_notes.push(CaseNote {
                    child: kids[i % kids.len()],
                    note_type: ids[i % ids.len()],
                    kind: kinds[i % kinds.len()],
                    event: dates[i % dates.len()],
                    recorded: (i % 3 != 0).then(|| dates[(i / 3) % dates.len()]),
                    seen_alone: seen[i % seen.len()],
                    author: ids[(i / 2) % ids.len()],
                    team: ids[(i / 5) % ids.len()],
                    row: [2, 0, u32::MAX, i as u32][i % 4],
                    source: ids[(i / 7) % ids.len()],
                });
            }
            for format in [Format::Csv, Format::Parquet] {
                let write = |table: TableWriter| {
                    let mut out: Vec<u8> = Vec::new();
                    write_table(table, format, &mut out).unwrap();
                    out
                };
                let fast = write(Box::new(|w| case_notes_csv(&m, w)));
                let rows = write(Box::new(|w| case_notes_rows(&m, w)));
                match format {
                    Format::Csv => assert!(fast == rows, "CSV: {} bytes column-wise, {} row by row", fast.len(), rows.len()),
                    // (Encoded differently: the same values.)
                    Format::Parquet => assert!(parquet_rows(fast) == parquet_rows(rows), "Parquet: the values differ"),
                }
            }
        }
    }

    /// Row numbers counting up by one (past 9, 99, 999 ... and to the top of
    /// the range), repeated, counting down and jumping are written as each
    /// alone would be.
    #[test]
    fn row_numbers_counting_up_are_written_as_each_alone() {
        use crate::normalise::{CaseNote, NoteKind, SeenAlone, Strings};
        let mut m = Model { strings: Strings::new(), ..Default::default() };
        let rows: Vec<u32> = (0..=120_000u32)
            .chain([5, 5, 5, 4, 3, 9, 10, 11, 99, 100, 999_999, 1_000_000, 1_000_001, 0, 1])
            .chain(u32::MAX - 12..=u32::MAX)
            .chain([u32::MAX, 0, 19, 20, 21])
            .collect();
        let day = NaiveDate::from_ymd_opt(2026, 11, 6).unwrap();
        for row in rows {
            m.case_notes.push(CaseNote {
                child: 0,
                note_type: 0,
                kind: NoteKind::Other,
                event: day,
                recorded: None,
                seen_alone: SeenAlone::NotRecorded,
                author: 0,
                team: 0,
                row,
                source: 0,
            });
        }
        let write = |table: TableWriter| {
            let mut out: Vec<u8> = Vec::new();
            write_table(table, Format::Csv, &mut out).unwrap();
            out
        };
        let fast = write(Box::new(|w| case_notes_csv(&m, w)));
        let rows = write(Box::new(|w| case_notes_rows(&m, w)));
        assert!(fast == rows, "{} bytes column-wise, {} row by row", fast.len(), rows.len());
    }

    /// The same on hostile texts (blank, control characters, formula starts,
    /// quotes, very long), ids the tables do not hold (read as empty), and
    /// extreme dates and row numbers; and on one note and on none.
    #[test]
    fn case_notes_columnwise_match_on_edge_cases() {
        use crate::normalise::{CaseNote, NoteKind, SeenAlone, Strings};
        let texts: Vec<String> = [
            "",
            " ",
            "  ",
            "\t",
            "\r",
            "\n",
            "\r\n",
            " \t ",
            "\u{feff}",
            "\u{a0}",
            "\u{2028}",
            "\0",
            "\"",
            "\"\"",
            "'",
            "#x",
            ",",
            ";",
            "a\rb",
            "-",
            "+",
            "=",
            "@",
            "-1",
            "+1",
            "-1e3",
            "-1e999",
            "-inf",
            "-NaN",
            "+.5",
            "-.",
            "=1",
            "@@",
            "\tx",
            "\rx",
            "\nx",
            " -1",
            "-1 ",
            "0",
            "007",
            "1-2",
            "2026-01-01",
            "\u{1F600}",
            "e\u{301}",
            "\u{202e}abc",
            "x\"y",
            "a,b",
            "a\nb",
            "\u{85}",
            "\u{c}",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([("x".repeat(20_000)), format!("={}", ",\"".repeat(5000))])
        .collect();
        let mut m = Model { strings: Strings::new(), ..Default::default() };
        let mut ids: Vec<u32> = texts.iter().map(|t| m.strings.intern(t)).collect();
        ids.extend([m.strings.len() as u32 + 5, u32::MAX]);
        let mut kids: Vec<u32> = texts.iter().map(|c| m.children.intern(c)).collect();
        kids.extend([m.children.len() as u32 + 100, u32::MAX]);
        let dates: Vec<NaiveDate> =
            [(2026, 11, 6), (0, 1, 1), (-1, 12, 31), (9999, 12, 31), (10_000, 1, 1), (-262_143, 1, 1), (262_142, 12, 31), (-999, 1, 1), (-10_000, 6, 6)]
                .iter()
                .map(|&(y, mo, d)| NaiveDate::from_ymd_opt(y, mo, d).unwrap())
                .collect();
        let rows = [0u32, 1, i32::MAX as u32, i32::MAX as u32 + 1, u32::MAX, 4_000_000_000];
        let kinds = [NoteKind::CpVisit, NoteKind::Other, NoteKind::StatutoryVisit];
        let seen = [SeenAlone::Yes, SeenAlone::No, SeenAlone::NotApplicable, SeenAlone::NotRecorded];
        for i in 0..3000 {
            m.case_notes.push(CaseNote {
                child: kids[(i * 7) % kids.len()],
                note_type: ids[i % ids.len()],
                kind: kinds[i % kinds.len()],
                event: dates[i % dates.len()],
                recorded: (i % 4 != 0).then(|| dates[(i / 3) % dates.len()]),
                seen_alone: seen[i % seen.len()],
                author: ids[(i * 3 + 1) % ids.len()],
                team: ids[(i * 5 + 2) % ids.len()],
                row: rows[i % rows.len()],
                source: ids[(i * 11 + 3) % ids.len()],
            });
        }
        let mut one = Model { strings: Strings::new(), ..Default::default() };
        one.case_notes.push(CaseNote {
            child: 0,
            note_type: 0,
            kind: NoteKind::Other,
            event: dates[0],
            recorded: None,
            seen_alone: SeenAlone::NotRecorded,
            author: 0,
            team: 0,
            row: 0,
            source: 0,
        });
        for (name, m) in [("edge cases", &m), ("one note", &one), ("none", &Model::default())] {
            for format in [Format::Csv, Format::Parquet] {
                let write = |table: TableWriter| {
                    let mut out: Vec<u8> = Vec::new();
                    write_table(table, format, &mut out).unwrap();
                    out
                };
                let fast = write(Box::new(|w| case_notes_csv(m, w)));
                let rows = write(Box::new(|w| case_notes_rows(m, w)));
                if format == Format::Parquet {
                    // (Encoded differently: the same values.)
                    assert!(parquet_rows(fast) == parquet_rows(rows), "{name}, Parquet: the values differ");
                    continue;
                }
                if fast != rows {
                    let p = fast.iter().zip(&rows).position(|(a, b)| a != b).unwrap_or(fast.len().min(rows.len()));
                    let near = |v: &[u8]| String::from_utf8_lossy(&v[p.saturating_sub(40)..(p + 40).min(v.len())]).to_string();
                    panic!("{name}, {format:?}: differs at byte {p}: column-wise {:?}, row by row {:?}", near(&fast), near(&rows));
                }
            }
        }
    }
}
