//! A report as a document: sections of headline tiles, tables and charts, each
//! cell a value taken from [`Metrics`]. The XLSX and HTML renderers lay out the
//! same document; neither computes a figure. Small-number suppression has
//! happened before (`analyse::suppress`): a hidden figure shows as `c`.

use crate::analyse::{Count, Kpi, Metrics, Rate};
use chrono::NaiveDate;
use serde::Serialize;

/// The Analysis Function palette.
pub const PALETTE: [&str; 6] = ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"];

/// A series colour: grade bands keep their colour in every chart; other series
/// take the palette in order.
pub fn series_colour(series: &str, i: usize) -> &'static str {
    let s = series.to_lowercase();
    if s.starts_with("outstanding") {
        PALETTE[0]
    } else if s.starts_with("good or better") {
        PALETTE[5]
    } else if s.starts_with("good") {
        PALETTE[1]
    } else if s.starts_with("requires") {
        PALETTE[3]
    } else if s.starts_with("inadequate") {
        PALETTE[2]
    } else if s.starts_with("below good") {
        PALETTE[4]
    } else {
        PALETTE[i % PALETTE.len()]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    BoardPack,
    ComplianceReport,
    GradeDistributions,
    ThemeAnalysis,
}

impl ReportKind {
    pub const ALL: [ReportKind; 4] = [ReportKind::BoardPack, ReportKind::ComplianceReport, ReportKind::GradeDistributions, ReportKind::ThemeAnalysis];

    pub fn slug(self) -> &'static str {
        match self {
            ReportKind::BoardPack => "board-pack",
            ReportKind::ComplianceReport => "compliance-report",
            ReportKind::GradeDistributions => "grade-distributions",
            ReportKind::ThemeAnalysis => "theme-analysis",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            ReportKind::BoardPack => "Performance board pack",
            ReportKind::ComplianceReport => "Audit compliance report",
            ReportKind::GradeDistributions => "Grade distributions",
            ReportKind::ThemeAnalysis => "Theme analysis",
        }
    }

    pub fn parse(s: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.slug() == s.trim() || k.slug().replace('-', "_") == s.trim())
    }
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Value {
    Text(String),
    Count(u64),
    /// A proportion 0–1, shown as a whole percentage.
    Rate(Option<f64>),
    /// A proportion shown to a tenth of a per cent: a KPI whose whole
    /// percentage would read as its target when it misses it (89.9%, not 90%
    /// beside "Near target").
    RateFine {
        v: f64,
        /// Decimal places of the percentage: 1, or more where a tenth would
        /// still read as the target (89.97%).
        decimals: u8,
    },
    /// A signed number (a change); `pct` when it is in proportion points.
    Change {
        v: Option<f64>,
        pct: bool,
    },
    Date(Option<NaiveDate>),
    /// Hidden under `--suppress`.
    Suppressed,
}

/// What a cell shows where there is no figure: a rate with nothing to count,
/// a KPI the exports cannot make.
pub const NO_FIGURE: &str = "–";

/// A number rounded to a whole as Excel's "0%" shows it: halves away from
/// zero (62.5 is 63, as in the XLSX), after the float's last-digit noise is
/// taken off (0.285 × 100 is 28.499999…, shown 29 by Excel).
pub fn whole(x: f64) -> i64 {
    ((x * 1e6).round() / 1e6).round() as i64
}

/// A proportion as a whole percentage, rounded as the XLSX shows it.
pub fn percent(v: f64) -> String {
    format!("{}%", whole(v * 100.0))
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    /// As shown in HTML and SVG labels.
    pub fn display(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Count(n) => n.to_string(),
            Value::Rate(Some(v)) => percent(*v),
            Value::RateFine { v, decimals } => format!("{:.*}%", usize::from(*decimals), v * 100.0),
            Value::Rate(None) => NO_FIGURE.into(),
            Value::Change { v: Some(v), pct: true } if whole(v * 100.0) == 0 => "0 pts".into(),
            Value::Change { v: Some(v), pct: true } => format!("{:+} pts", whole(v * 100.0)),
            Value::Change { v: Some(v), pct: false } => format!("{v:+}"),
            Value::Change { v: None, .. } => NO_FIGURE.into(),
            Value::Date(Some(d)) => d.format("%d/%m/%Y").to_string(),
            Value::Date(None) => String::new(),
            Value::Suppressed => "c".into(),
        }
    }

    pub fn is_numeric(&self) -> bool {
        !matches!(self, Value::Text(_) | Value::Date(_))
    }

    /// The number behind a chart bar (None for gaps and suppressed values).
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Count(n) => Some(*n as f64),
            Value::Rate(v) | Value::Change { v, .. } => *v,
            Value::RateFine { v, .. } => Some(*v),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Sheet name (≤ 31 characters) and HTML anchor.
    pub name: String,
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// The HTML shows only this many rows, then "N more in the XLSX" (long
    /// lists: overdue actions, children, findings). The XLSX has them all.
    pub html_rows: Option<usize>,
    /// Said instead of "None this period" when the table is empty because
    /// the exports cannot make it ("Not in the exports: …").
    pub empty: Option<String>,
}

/// What an empty table says: why, when the exports cannot make it.
pub fn empty_text(t: &Table) -> String {
    match &t.empty {
        Some(why) => {
            let mut chars = why.chars();
            let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
            format!("{first}{}.", chars.as_str())
        }
        None => "None this period.".into(),
    }
}

/// Which of `columns` columns hold numbers in every row (the first column is the
/// row label, never numeric): they are right-aligned in every renderer.
pub fn numeric_columns(columns: usize, rows: &[Vec<Value>]) -> Vec<bool> {
    // ([`NO_FIGURE`] stands in a column of numbers.)
    (0..columns)
        .map(|c| c > 0 && rows.iter().all(|r| r.get(c).is_none_or(|v| v.is_numeric() || matches!(v, Value::Text(s) if s.is_empty() || s == NO_FIGURE))))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    StackedBar,
    Bar,
    Line,
}

/// A chart and its numbers: column 0 of `data` is the categories, each further
/// column a series.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// File-name part: `charts/<report>-<id>.svg`.
    pub id: String,
    pub title: String,
    /// Alternative text: what the chart shows, in a sentence.
    pub alt: String,
    pub kind: ChartKind,
    pub percent: bool,
    /// A target line, for rate charts.
    pub target: Option<f64>,
    pub data: Table,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tile {
    pub label: String,
    /// A caveat in words ("Includes grades whose band is assumed"), or empty.
    pub note: String,
    pub value: String,
    pub target: String,
    pub change: String,
    pub status: String,
    pub status_label: String,
    pub status_icon: String,
    /// What a rate rests on ("11 of 17"), or empty.
    pub basis: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub tiles: Vec<Tile>,
    pub charts: Vec<Chart>,
    pub tables: Vec<Table>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// The file name only: never a machine path.
    pub file: String,
    pub sheet: String,
    pub kind: String,
    pub rows_read: u64,
    pub rows_accepted: u64,
    pub rows_set_aside: u64,
    pub rows_rejected: u64,
}

/// The files whose records the figures leave out, in a few words: those that
/// could not be read at all (a truncated, encrypted or mislabelled file) and
/// those read only in part (reading stopped at a row, a sheet damaged), named
/// (the first three, and how many more). `None` when every file was read.
pub fn unread_files(findings: &[crate::normalise::Finding]) -> Option<String> {
    let (mut whole, mut part, mut kind): (Vec<String>, Vec<String>, Vec<String>) = (Vec::new(), Vec::new(), Vec::new());
    for f in findings.iter().filter(|f| !f.file.is_empty()) {
        let list = match (f.severity, f.code) {
            (crate::normalise::Severity::Error, "file_error") => &mut whole,
            (crate::normalise::Severity::Error, "read_error" | "sheet_error") => &mut part,
            // A file of a kind not read that may hold records (an old .doc, a PDF).
            (crate::normalise::Severity::Warning, "file_not_read") => &mut kind,
            _ => continue,
        };
        let name = file_name(&f.file);
        if !list.contains(&name) {
            list.push(name);
        }
    }
    part.retain(|p| !whole.contains(p));
    let names = |v: &[String]| {
        let shown = v.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        if v.len() > 3 {
            format!("{shown} and {} more", v.len() - 3)
        } else {
            shown
        }
    };
    let mut said = Vec::new();
    match whole.len() {
        0 => {}
        1 => said.push(format!("1 file could not be read, so its records are not in these figures: {}", names(&whole))),
        n => said.push(format!("{n} files could not be read, so their records are not in these figures: {}", names(&whole))),
    }
    match part.len() {
        0 => {}
        1 => said.push(format!("1 file could be read only in part, so some of its records are not in these figures: {}", names(&part))),
        n => said.push(format!("{n} files could be read only in part, so some of their records are not in these figures: {}", names(&part))),
    }
    match kind.len() {
        0 => {}
        1 => said.push(format!(
            "1 file was not read (a kind auditpack does not read, such as an old Word document or a PDF, or an archive it could not open), so any records in it are not in these figures: {}",
            names(&kind)
        )),
        n => said.push(format!(
            "{n} files were not read (kinds auditpack does not read, such as old Word documents or PDFs, or archives it could not open), so any records in them are not in these figures: {}",
            names(&kind)
        )),
    }
    (!said.is_empty()).then(|| said.join("; "))
}

/// A file's name without its folders: packs never show machine paths.
pub fn file_name(path: &str) -> String {
    path.rsplit(['/', '\\']).next().filter(|s| !s.is_empty()).unwrap_or(path).to_string()
}

#[derive(Debug, Clone, Serialize)]
pub struct Doc {
    pub kind: ReportKind,
    pub slug: String,
    pub title: String,
    /// "All teams" or the team a pack is filtered to.
    pub scope: String,
    pub period: String,
    pub as_of: NaiveDate,
    pub generator: String,
    pub sources: Vec<Source>,
    pub rows_read: u64,
    pub rows_accepted: u64,
    pub rows_set_aside: u64,
    pub rows_rejected: u64,
    pub findings: usize,
    /// One sentence on what the numbers rest on, with a pointer to the detail.
    pub basis: String,
    /// Plain-English notes: KPI meanings, grades, suppression.
    pub notes: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

/// Options that change what a pack shows.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub scope: Option<String>,
    /// What the pack rests on in words, when it is not the rows of every file
    /// (a team's pack states its own records).
    pub basis: Option<String>,
    /// A note for the all-teams pack: records with no team recorded.
    pub no_team: Option<String>,
}

/// Figures as cells: a figure hidden by `--suppress` becomes `c`.
pub struct Cells;

impl Cells {
    pub fn count(&self, n: Count) -> Value {
        n.n().map_or(Value::Suppressed, Value::Count)
    }

    pub fn rate(&self, v: Rate) -> Value {
        v.get().map_or(Value::Suppressed, |v| Value::Rate(*v))
    }

    /// A change; `pct` when it is in proportion points.
    pub fn change(&self, v: Rate, pct: bool) -> Value {
        v.get().map_or(Value::Suppressed, |v| Value::Change { v: *v, pct })
    }

    pub fn kpi_value(&self, k: &Kpi) -> Value {
        if k.not_in_source {
            // Never 0% or "off target" for what the exports do not record.
            return Value::text("not in the exports");
        }
        if k.unit == "count" {
            return self.count(k.numerator);
        }
        match (self.rate(k.value), k.target) {
            // A rate that misses its target but would show as it (89.9% as
            // "90%" beside "Near target"; 99.6% as "100%"): to a tenth.
            (Value::Rate(Some(v)), Some(t)) if whole(v * 100.0) == whole(t * 100.0) && (v - t).abs() > 1e-9 && !k.status.starts_with("on") => {
                // To a tenth, or to as many places as it takes not to read
                // as the target (89.97%, not "90.0%").
                let decimals = (1..=4u8).find(|d| format!("{:.*}", usize::from(*d), v * 100.0) != format!("{:.*}", usize::from(*d), t * 100.0)).unwrap_or(4);
                Value::RateFine { v, decimals }
            }
            (v, _) => v,
        }
    }
}

pub fn kpi_display(cells: &Cells, k: &Kpi) -> String {
    cells.kpi_value(k).display()
}

/// The document for one report.
pub fn build(m: &Metrics, kind: ReportKind, opts: &Options) -> Doc {
    let cells = Cells;
    let sections = match kind {
        ReportKind::BoardPack => super::sections::board_pack(m, &cells),
        ReportKind::ComplianceReport => super::sections::compliance(m, &cells),
        ReportKind::GradeDistributions => super::sections::grades(m, &cells),
        ReportKind::ThemeAnalysis => super::sections::themes(m, &cells),
    };
    let mut notes: Vec<(String, String)> = m.kpis.iter().map(|k| (k.label.to_string(), k.definition.to_string())).collect();
    notes.push((
        "Grades".into(),
        "Every audit framework's grades are counted on the Ofsted bands (Outstanding, Good, Requires improvement, Inadequate). Some scales only say whether practice meets good (Met / Partially met / Not met; Yes / Partially / No): their grades are counted as 'good or better, no finer grade' or 'below good, no finer grade'. 'Not applicable' is not a grade.".into(),
    ));
    let assumed = assumed_labels(m);
    if !assumed.is_empty() {
        notes.push((
            "Assumed grades".into(),
            format!(
                "These grades are not on the Ofsted scale, so their band is assumed: {}. Figures and charts that rely on them say 'assumed'.",
                assumed.join("; ")
            ),
        ));
    }
    if let Some(s) = &m.suppression {
        notes.push(("Small numbers".into(), s.note.clone()));
    }
    let sum = |f: fn(&crate::analyse::InputOut) -> u64| m.inputs.iter().map(f).sum::<u64>();
    let (read, accepted, set_aside, rejected) = (sum(|i| i.rows_read), sum(|i| i.rows_accepted), sum(|i| i.rows_set_aside), sum(|i| i.rows_rejected));
    let mut files: Vec<&str> = m.inputs.iter().map(|i| i.file.as_str()).collect();
    files.dedup();
    let detail = match kind {
        ReportKind::ComplianceReport => {
            "each file, how its columns and grades were read, and every data-quality finding are in the Data quality and Appendix sections"
        }
        _ => "each file, how its columns and grades were read, and every data-quality finding are in the compliance report",
    };
    // Files that could not be read leave their records out of every figure: said
    // beside the rows read, naming them.
    let unread = unread_files(&m.data_quality).map(|u| format!("; {u}")).unwrap_or_default();
    let mut basis = match &opts.basis {
        Some(b) => format!("{b}{unread}; {detail}. Children are identified by ID only."),
        None => format!(
            "These figures rest on {accepted} of the {read} rows read from {} ({set_aside} set aside by design{}; {rejected} rejected for a problem){unread}; {detail}. Children are identified by ID only.",
            if files.len() == 1 { "1 file".to_string() } else { format!("{} files", files.len()) },
            set_aside_reasons(&m.inputs)
        ),
    };
    if let Some(n) = &opts.no_team {
        basis.push(' ');
        basis.push_str(n);
    }
    Doc {
        kind,
        slug: kind.slug().into(),
        title: kind.title().into(),
        scope: opts.scope.clone().unwrap_or_else(|| "All teams".into()),
        period: m.period.label.clone(),
        as_of: m.as_of,
        generator: m.generator.clone(),
        sources: m
            .inputs
            .iter()
            .map(|i| Source {
                file: file_name(&i.file),
                sheet: i.sheet.clone().unwrap_or_default(),
                kind: i.kind.clone(),
                rows_read: i.rows_read,
                rows_accepted: i.rows_accepted,
                rows_set_aside: i.rows_set_aside,
                rows_rejected: i.rows_rejected,
            })
            .collect(),
        rows_read: read,
        rows_accepted: accepted,
        rows_set_aside: set_aside,
        rows_rejected: rejected,
        basis,
        findings: m.data_quality.len(),
        notes,
        sections,
    }
}

/// Which of the six grade columns (Outstanding, Good, Requires improvement,
/// Inadequate, good or better with no finer grade, below good with no finer
/// grade) hold a grade whose band the crosswalk only assumes.
pub fn assumed_bands(m: &Metrics) -> [bool; 6] {
    let mut out = [false; 6];
    for l in m.crosswalk.iter().filter(|l| !l.exact && l.count > 0 && !l.not_applicable) {
        let i = match (l.band, l.at_least_good) {
            (Some(b), _) => b as usize,
            (None, Some(true)) => 4,
            (None, Some(false)) => 5,
            (None, None) => continue,
        };
        out[i] = true;
    }
    out
}

/// The assumed mappings in words: "'Exceeds good' counted as Outstanding".
pub fn assumed_labels(m: &Metrics) -> Vec<String> {
    let mut out: Vec<String> = m
        .crosswalk
        .iter()
        .filter(|l| !l.exact && l.count > 0 && !l.not_applicable)
        .map(|l| {
            let band = match (l.band, l.at_least_good) {
                (Some(b), _) => b.label().to_string(),
                (None, Some(true)) => "good or better".into(),
                _ => "below good".into(),
            };
            format!("'{}' counted as {band}", l.source_label.trim_end_matches('.'))
        })
        .collect();
    out.sort_by_key(|s| s.to_lowercase());
    out.dedup_by_key(|s| s.to_lowercase());
    out
}

/// A period in words, short enough for a chart axis: "Sep–Oct 2026",
/// "Dec 2026–Jan 2027", "Sep 2026"; a custom range as "3 Sep–17 Oct 2026".
pub fn short_period(from: NaiveDate, to: NaiveDate) -> String {
    use chrono::Datelike;
    let whole_months = from.day() == 1 && to.succ_opt().is_some_and(|d| d.day() == 1);
    let (f, t) = if whole_months { ("%b", "%b") } else { ("%-d %b", "%-d %b") };
    if from.year() != to.year() {
        format!("{} {}–{} {}", from.format(f), from.year(), to.format(t), to.year())
    } else if whole_months && from.month() == to.month() {
        format!("{} {}", from.format(f), from.year())
    } else {
        format!("{}–{} {}", from.format(f), to.format(t), to.year())
    }
}

/// A period key ("2026-09/10", "2026-12/01", "2026-09-03..2026-10-17") in words;
/// a key of another shape is returned as it is.
pub fn short_key(key: &str) -> String {
    let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    if let Some((a, b)) = key.split_once("..") {
        if let (Some(f), Some(t)) = (parse(a), parse(b)) {
            return short_period(f, t);
        }
    }
    if let Some((ym, m2)) = key.split_once('/') {
        if let (Some(from), Ok(m2)) = (parse(&format!("{ym}-01")), m2.parse::<u32>()) {
            use chrono::Datelike;
            let year = if m2 < from.month() { from.year() + 1 } else { from.year() };
            if let Some(to) = NaiveDate::from_ymd_opt(if m2 == 12 { year + 1 } else { year }, if m2 == 12 { 1 } else { m2 + 1 }, 1).and_then(|d| d.pred_opt()) {
                return short_period(from, to);
            }
        }
    }
    key.to_string()
}

/// A sheet name: at most 31 characters, none of `[]:*?/\`.
pub fn sheet_name(s: &str) -> String {
    let clean: String = s.chars().filter(|c| !"[]:*?/\\'".contains(*c)).collect();
    clean.chars().take(31).collect::<String>().trim().to_string()
}

/// Why rows were set aside by design, summed over the inputs, most frequent
/// first: ": 40 blank row, 3 totals row, 2 duplicate row and 3 for 2 other
/// reasons" (empty when none were).
/// Every reason is named per file in the Data quality section.
fn set_aside_reasons(inputs: &[crate::analyse::InputOut]) -> String {
    let mut by: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
    for i in inputs {
        for (reason, n) in &i.set_aside_by_reason {
            *by.entry(reason.as_str()).or_default() += n;
        }
    }
    let mut by: Vec<(&str, u64)> = by.into_iter().collect();
    by.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // Three named, and the rest summed (four are all named: "1 for 1 other
    // reason" would say less than the reason itself).
    const NAMED: usize = 3;
    let shown = if by.len() > NAMED + 1 { NAMED } else { by.len() };
    let mut named: Vec<String> = by.iter().take(shown).map(|(r, n)| format!("{n} {r}")).collect();
    if by.len() > shown {
        let rest: u64 = by[shown..].iter().map(|(_, c)| c).sum();
        named.push(format!("{rest} for {} other reasons", by.len() - shown));
    }
    match named.pop() {
        None => String::new(),
        Some(last) if named.is_empty() => format!(": {last}"),
        Some(last) => format!(": {} and {last}", named.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::set_aside_reasons;

    fn input(reasons: &[(&str, u64)]) -> crate::analyse::InputOut {
        crate::analyse::InputOut {
            file: "a.csv".into(),
            sheet: None,
            kind: "audits".into(),
            framework: None,
            header_row: None,
            rows_read: 0,
            rows_accepted: 0,
            rows_rejected: 0,
            rejected_by_reason: Default::default(),
            rows_set_aside: reasons.iter().map(|(_, n)| n).sum(),
            set_aside_by_reason: reasons.iter().map(|(r, n)| (r.to_string(), *n)).collect(),
            columns: vec![],
        }
    }

    #[test]
    fn the_basis_line_names_why_rows_were_set_aside_most_frequent_first() {
        assert_eq!(set_aside_reasons(&[]), "");
        assert_eq!(set_aside_reasons(&[input(&[("blank row", 2)])]), ": 2 blank row");
        // Summed over files; four reasons are all named.
        let two = [input(&[("blank row", 2), ("totals row", 1)]), input(&[("blank row", 3), ("duplicate row", 4), ("page furniture", 1)])];
        assert_eq!(set_aside_reasons(&two), ": 5 blank row, 4 duplicate row, 1 page furniture and 1 totals row");
        let five = [input(&[("a", 9), ("b", 8), ("c", 7), ("d", 2), ("e", 1)])];
        assert_eq!(set_aside_reasons(&five), ": 9 a, 8 b, 7 c and 3 for 2 other reasons");
    }

    #[test]
    fn files_not_read_whole_are_named_without_their_folders() {
        use crate::normalise::{Finding, Severity};
        let f = |severity, code: &'static str, file: &str| Finding {
            severity,
            code,
            file: file.into(),
            sheet: None,
            row: None,
            column: None,
            value: String::new(),
            action: String::new(),
        };
        assert_eq!(super::unread_files(&[f(Severity::Warning, "file_error", "x.csv"), f(Severity::Info, "file_skipped", "y.png")]), None);
        let one = [f(Severity::Error, "file_error", "in/sub/a.xlsx"), f(Severity::Error, "sheet_error", "in/a.xlsx")];
        assert_eq!(super::unread_files(&one).unwrap(), "1 file could not be read, so its records are not in these figures: a.xlsx");
        let many: Vec<Finding> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|n| f(Severity::Error, "file_error", &format!("in/{n}.xlsx")))
            .chain([f(Severity::Error, "read_error", "in/notes.csv"), f(Severity::Error, "read_error", "in/notes.csv")])
            .collect();
        assert_eq!(
            super::unread_files(&many).unwrap(),
            "5 files could not be read, so their records are not in these figures: a.xlsx, b.xlsx, c.xlsx and 2 more; \
             1 file could be read only in part, so some of its records are not in these figures: notes.csv"
        );
        let old = [f(Severity::Warning, "file_not_read", "in/Audit C1 Sept.doc"), f(Severity::Info, "file_skipped", "in/TEMPLATE.dotx")];
        assert_eq!(
            super::unread_files(&old).unwrap(),
            "1 file was not read (a kind auditpack does not read, such as an old Word document or a PDF, or an archive it could not open), so any records in it are not in these figures: Audit C1 Sept.doc"
        );
    }
}
