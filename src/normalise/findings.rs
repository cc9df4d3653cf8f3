//! Data-quality findings: every value that could not be used as given, where it
//! was, and what was done with it.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing was lost.
    Info,
    /// A value was not used as given (blanked, assumed, or a row set aside).
    Warning,
    /// A file or sheet could not be read at all.
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// A short stable code: `unknown_label`, `bad_date`, `duplicate_row`, …
    pub code: &'static str,
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<u32>,
    pub column: Option<String>,
    pub value: String,
    /// What the value meant to us and what was done with it.
    pub action: String,
}

/// Collects findings for one table.
#[derive(Debug, Default)]
pub struct Findings {
    pub list: Vec<Finding>,
}

impl Findings {
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        file: &str,
        sheet: Option<&str>,
        row: Option<u32>,
        column: Option<&str>,
        value: impl Into<String>,
        action: impl Into<String>,
    ) {
        self.list.push(Finding {
            severity,
            code,
            file: file.to_string(),
            sheet: sheet.map(str::to_string),
            row,
            column: column.map(str::to_string),
            value: value.into(),
            action: action.into(),
        });
    }
}

/// Row numbers for a message: the first eight, then "…" ("4, 9, 12, …").
pub fn some_rows(rows: &[u32]) -> String {
    let shown: Vec<String> = rows.iter().take(8).map(u32::to_string).collect();
    let more = if rows.len() > 8 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}
