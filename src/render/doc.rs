//! A report as a document: sections of headline tiles, tables and charts, each
//! cell a value taken from [`Metrics`]. The XLSX and HTML renderers lay out the
//! same document; neither computes a figure. Small-number suppression happens
//! here, once, so every output suppresses alike.

use crate::analyse::{Kpi, Metrics};
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
    /// A proportion 0–1, shown as a percentage.
    Rate(Option<f64>),
    /// A signed number (a change); `pct` when it is in proportion points.
    Change {
        v: Option<f64>,
        pct: bool,
    },
    Date(Option<NaiveDate>),
    /// Hidden under `--suppress`.
    Suppressed,
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
            Value::Rate(Some(v)) => format!("{:.0}%", v * 100.0),
            Value::Rate(None) => "–".into(),
            Value::Change { v: Some(v), pct: true } if (v * 100.0).round() == 0.0 => "0 pts".into(),
            Value::Change { v: Some(v), pct: true } => format!("{:+.0} pts", v * 100.0),
            Value::Change { v: Some(v), pct: false } => format!("{v:+}"),
            Value::Change { v: None, .. } => "–".into(),
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
}

/// Which of `columns` columns hold numbers in every row (the first column is the
/// row label, never numeric): they are right-aligned in every renderer.
pub fn numeric_columns(columns: usize, rows: &[Vec<Value>]) -> Vec<bool> {
    (0..columns).map(|c| c > 0 && rows.iter().all(|r| r.get(c).is_none_or(|v| v.is_numeric() || matches!(v, Value::Text(s) if s.is_empty())))).collect()
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
    pub value: String,
    pub target: String,
    pub change: String,
    pub status: String,
    pub status_label: String,
    pub status_icon: String,
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
    pub file: String,
    pub sheet: String,
    pub kind: String,
    pub rows_read: u64,
    pub rows_accepted: u64,
    pub rows_rejected: u64,
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
    pub rows_rejected: u64,
    pub findings: usize,
    /// Plain-English notes: KPI meanings, the crosswalk, suppression.
    pub notes: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

/// Options that change what a pack shows.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Counts below this (and rates built on them) are shown as `c`.
    pub suppress: Option<u64>,
    pub scope: Option<String>,
}

/// Applies suppression to counts and rates.
pub struct Cells {
    suppress: Option<u64>,
}

impl Cells {
    pub fn count(&self, n: u64) -> Value {
        match self.suppress {
            Some(s) if n > 0 && n < s => Value::Suppressed,
            _ => Value::Count(n),
        }
    }

    pub fn rate(&self, v: Option<f64>, denominator: Option<u64>) -> Value {
        match (self.suppress, denominator) {
            (Some(s), Some(d)) if d > 0 && d < s => Value::Suppressed,
            _ => Value::Rate(v),
        }
    }

    pub fn kpi_value(&self, k: &Kpi) -> Value {
        if k.not_in_source {
            // Never 0% or "off target" for what the exports do not record.
            return Value::text("not in the exports");
        }
        if k.unit == "count" {
            self.count(k.numerator)
        } else {
            self.rate(k.value, k.denominator)
        }
    }
}

pub fn kpi_display(cells: &Cells, k: &Kpi) -> String {
    cells.kpi_value(k).display()
}

/// The document for one report.
pub fn build(m: &Metrics, kind: ReportKind, opts: &Options) -> Doc {
    let cells = Cells { suppress: opts.suppress };
    let sections = match kind {
        ReportKind::BoardPack => super::sections::board_pack(m, &cells),
        ReportKind::ComplianceReport => super::sections::compliance(m, &cells),
        ReportKind::GradeDistributions => super::sections::grades(m, &cells),
        ReportKind::ThemeAnalysis => super::sections::themes(m, &cells),
    };
    let mut notes: Vec<(String, String)> = m.kpis.iter().map(|k| (k.label.to_string(), k.definition.to_string())).collect();
    notes.push((
        "Grades".into(),
        "Every framework's grades are mapped to the Ofsted bands (Outstanding, Good, Requires Improvement, Inadequate). Scales that only say whether practice meets good (Met / Partially met / Not met; Yes / Partially / No; Does not meet good) are counted as 'good or better (unbanded)' or 'below good (unbanded)'. 'Not applicable' is not a grade.".into(),
    ));
    for l in &m.crosswalk {
        let band = l.band.map(|b| b.label().to_string()).unwrap_or_else(|| {
            if l.not_applicable {
                "not applicable".into()
            } else if l.at_least_good == Some(true) {
                "good or better (unbanded)".into()
            } else {
                "below good (unbanded)".into()
            }
        });
        notes.push((
            format!("Label '{}' ({})", l.source_label, l.scale),
            format!("{band}; {} mapping; {} judgements", if l.exact { "exact" } else { "assumed" }, l.count),
        ));
    }
    if let Some(s) = opts.suppress {
        notes.push((
            "Small numbers".into(),
            format!("Counts below {s}, and percentages built on fewer than {s} cases, are shown as 'c' to protect children's privacy."),
        ));
    }
    let sum = |f: fn(&crate::analyse::InputOut) -> u64| m.inputs.iter().map(f).sum::<u64>();
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
                file: i.file.clone(),
                sheet: i.sheet.clone().unwrap_or_default(),
                kind: i.kind.clone(),
                rows_read: i.rows_read,
                rows_accepted: i.rows_accepted,
                rows_rejected: i.rows_rejected,
            })
            .collect(),
        rows_read: sum(|i| i.rows_read),
        rows_accepted: sum(|i| i.rows_accepted),
        rows_rejected: sum(|i| i.rows_rejected),
        findings: m.data_quality.len(),
        notes,
        sections,
    }
}

/// A sheet name: at most 31 characters, none of `[]:*?/\`.
pub fn sheet_name(s: &str) -> String {
    let clean: String = s.chars().filter(|c| !"[]:*?/\\'".contains(*c)).collect();
    clean.chars().take(31).collect::<String>().trim().to_string()
}
