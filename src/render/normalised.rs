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
    Text(csv::Writer<Out<'a>>),
    Parquet(super::parquet::ParquetTable<Out<'a>>),
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
            Csv::Text(w) => w.write_record(record.into_iter().map(|f| neutralise(f.as_ref().as_bytes()).into_owned())).map_err(Into::into),
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
            let mut w = csv::WriterBuilder::new().from_writer(out);
            w.write_record(header)?;
            Ok(Csv::Text(w))
        }
        Format::Parquet => Ok(Csv::Parquet(super::parquet::ParquetTable::new(out, "table", header)?)),
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

/// ISO date; written directly (chrono's strftime re-reads its pattern on every
/// call, and a case-notes table has millions of dates).
fn d(x: Option<NaiveDate>) -> String {
    use chrono::Datelike;
    x.map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())).unwrap_or_default()
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

fn judgement_cols(j: Option<&Judgement>) -> [String; 5] {
    match j {
        Some(j) => [
            j.scale.clone(),
            j.source_label.clone(),
            j.band.map(|b| b.key().to_string()).unwrap_or_else(|| if j.not_applicable { "not_applicable".into() } else { String::new() }),
            b(j.at_least_good).to_string(),
            if j.exact { "exact".into() } else { "assumed".into() },
        ],
        None => Default::default(),
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
            a.due_rule.clone(),
            d(a.completed),
        ];
        rec.extend(judgement_cols(a.overall.as_ref()));
        rec.push(a.overall_source.clone().unwrap_or_else(|| "column".into()));
        rec.push(b(a.moderated).into());
        rec.push(b(a.moderator_agrees).into());
        rec.extend(judgement_cols(a.moderated_overall.as_ref()));
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
    for a in &model.audits {
        let mut row = |kind: &str, domain: &str, question: &str, j: Option<&Judgement>| {
            let [scale, source, band, good, mapping] = judgement_cols(j);
            let rec = [
                a.id.as_str(),
                &a.child_id,
                o(&a.team),
                &d(a.completed),
                &a.framework,
                kind,
                domain,
                &if domain.is_empty() { String::new() } else { domain_names(domain) },
                question,
                &scale,
                &source,
                j.map(|j| j.label.as_str()).unwrap_or(""),
                &band,
                &good,
                if j.is_some_and(|j| j.not_applicable) { "yes" } else { "" },
                if j.is_some() { &mapping } else { "" },
                &a.origin.file,
                o(&a.origin.sheet),
                &a.origin.row.to_string(),
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

pub fn case_notes_csv(model: &Model, out: Out) -> Result {
    let mut w = writer(out, &["child_id", "note_type", "kind", "event_date", "recorded_date", "seen_alone", "author", "team", "source_file", "source_row"])?;
    let s = &model.strings;
    for n in &model.case_notes {
        let seen = match n.seen_alone {
            crate::normalise::SeenAlone::Yes => "yes",
            crate::normalise::SeenAlone::No => "no",
            crate::normalise::SeenAlone::NotApplicable => "not_applicable",
            crate::normalise::SeenAlone::NotRecorded => "not_recorded",
        };
        put(
            &mut w,
            [
                model.children.get(n.child),
                s.get(n.note_type),
                n.kind.as_str(),
                &d(Some(n.event)),
                &d(n.recorded),
                seen,
                s.get(n.author),
                s.get(n.team),
                s.get(n.source),
                &n.row.to_string(),
            ],
        )?;
    }
    finish(w)
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
