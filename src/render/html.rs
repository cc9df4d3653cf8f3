//! HTML reports: one self-contained file each (CSS and SVG inline, no script,
//! no network), from a minijinja template embedded in the binary and
//! overridable with `--templates DIR`. Autoescaping is on.

use super::charts;
use super::doc::{Doc, Table};
use serde::Serialize;
use std::path::Path;

pub const TEMPLATE: &str = include_str!("../../report_templates/report.html");

#[derive(Serialize)]
struct Cell {
    text: String,
    num: bool,
}

#[derive(Serialize)]
struct HtmlTable {
    anchor: String,
    caption: String,
    headers: Vec<String>,
    numeric: Vec<bool>,
    rows: Vec<Vec<Cell>>,
    /// Rows not shown in the HTML (they are in the XLSX).
    more: usize,
    /// What an empty table says.
    empty: String,
}

#[derive(Serialize)]
struct HtmlChart {
    title: String,
    alt: String,
    svg: String,
    /// Set when the chart is not drawn (no data, or every figure suppressed).
    unavailable: Option<String>,
    table: HtmlTable,
}

#[derive(Serialize)]
struct HtmlSection {
    id: String,
    title: String,
    intro: String,
    tiles: Vec<super::doc::Tile>,
    charts: Vec<HtmlChart>,
    tables: Vec<HtmlTable>,
}

fn anchor(prefix: &str, name: &str) -> String {
    let slug: String = name.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("{prefix}-{}", slug.trim_matches('-'))
}

fn table(prefix: &str, t: &Table) -> HtmlTable {
    let numeric = if t.rows.is_empty() { vec![false; t.headers.len()] } else { super::doc::numeric_columns(t.headers.len(), &t.rows) };
    let shown = t.html_rows.unwrap_or(usize::MAX).min(t.rows.len());
    HtmlTable {
        anchor: anchor(prefix, &t.name),
        caption: t.caption.clone(),
        headers: t.headers.clone(),
        numeric,
        rows: t.rows[..shown].iter().map(|r| r.iter().map(|v| Cell { text: v.display(), num: v.is_numeric() }).collect()).collect(),
        more: t.rows.len() - shown,
        empty: super::doc::empty_text(t),
    }
}

/// The user's `report.html` from a `--templates` folder: its absence is an
/// error, never a silent fall-back to the built-in template.
fn template_source(dir: &Path) -> Result<String, String> {
    let p = dir.join("report.html");
    if !p.is_file() {
        return Err(format!("--templates {}: the folder has no report.html (copy report_templates/report.html there and edit it)", dir.display()));
    }
    std::fs::read_to_string(&p).map_err(|e| format!("cannot read template {}: {e}", p.display()))
}

/// Checks a `--templates` folder before anything is read: it has a
/// `report.html` and the template parses.
///
/// # Errors
/// What is wrong, for the user.
pub fn check_templates(dir: &Path) -> Result<(), String> {
    let mut env = minijinja::Environment::new();
    env.add_template_owned("report.html", template_source(dir)?).map_err(|e| format!("template {}: {e}", dir.join("report.html").display()))?;
    Ok(())
}

/// Renders one report.
///
/// # Errors
/// The template (a user's, from `--templates`) does not parse or render.
pub fn render(doc: &Doc, templates: Option<&Path>) -> Result<Vec<u8>, String> {
    let source = match templates {
        Some(dir) => template_source(dir)?,
        None => TEMPLATE.to_string(),
    };
    let mut env = minijinja::Environment::new();
    env.add_template_owned("report.html", source).map_err(|e| format!("template report.html: {e}"))?;
    let sections: Vec<HtmlSection> = doc
        .sections
        .iter()
        .map(|s| HtmlSection {
            id: s.id.clone(),
            title: s.title.clone(),
            intro: s.intro.clone(),
            tiles: s.tiles.clone(),
            charts: s
                .charts
                .iter()
                .map(|c| HtmlChart {
                    title: c.title.clone(),
                    alt: c.alt.clone(),
                    svg: charts::svg(c),
                    unavailable: charts::unavailable(c),
                    table: table(&format!("{}-chart", s.id), &c.data),
                })
                .collect(),
            tables: s.tables.iter().map(|t| table(&s.id, t)).collect(),
        })
        .collect();
    let ctx = minijinja::context! {
        doc => doc,
        as_of => doc.as_of.format("%-d %B %Y").to_string(),
        sections => sections,
    };
    let tmpl = env.get_template("report.html").map_err(|e| e.to_string())?;
    // No control characters from the inputs in the page (see `xml_text`).
    tmpl.render(ctx).map(|page| crate::output::xml_text(&page).into_owned().into_bytes()).map_err(|e| format!("template report.html: {e}"))
}
