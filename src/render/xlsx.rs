//! XLSX reports after the UK Government Analysis Function spreadsheet guidance:
//! a cover sheet with contents, a notes sheet, then one table per sheet from A1
//! as an Excel Table with one header row, numbers stored as numbers, frozen
//! headers, native charts with titles and alt text, Arial, the AF palette, no
//! merged cells, landscape fit-to-width printing. Text is always written as text,
//! so a value starting with `=` never becomes a formula.

use super::doc::{series_colour, Chart, ChartKind, Doc, Table, Value};
use rust_xlsxwriter::{
    Chart as XChart, ChartFormat, ChartLine, ChartLineDashType, ChartSolidFill, ChartType, DocProperties, ExcelDateTime, Format, FormatAlign, Table as XTable,
    TableColumn, TableStyle, Workbook, Worksheet, XlsxError,
};

struct Formats {
    text: Format,
    wrap: Format,
    /// "c", right-aligned like the numbers around it.
    suppressed: Format,
    count: Format,
    rate: Format,
    change_pts: Format,
    number: Format,
    date: Format,
    title: Format,
    heading: Format,
}

fn formats() -> Formats {
    let base = || Format::new().set_font_name("Arial").set_font_size(11).set_align(FormatAlign::Top);
    Formats {
        // Indent needs a horizontal alignment: a text column after a number
        // column then never runs into it.
        text: base().set_align(FormatAlign::Left).set_indent(1),
        suppressed: base().set_align(FormatAlign::Right),
        wrap: base().set_text_wrap().set_align(FormatAlign::Left).set_indent(1),
        count: base().set_num_format("#,##0"),
        rate: base().set_num_format("0%"),
        // Stored in points (×100): "+16 pts" is a change of 16 percentage points.
        change_pts: base().set_num_format("+0\" pts\";-0\" pts\";\"0 pts\""),
        number: base().set_num_format("+#,##0;-#,##0;0"),
        date: base().set_num_format("dd/mm/yyyy"),
        title: base().set_bold().set_font_size(18),
        heading: base().set_bold().set_font_size(13),
    }
}

/// Excel's limits: characters in a cell (counted in UTF-16 units, as Excel
/// does), columns and rows in a sheet, characters in a table header.
pub const MAX_CELL_CHARS: usize = 32_767;
pub const MAX_COLUMNS: usize = 16_384;
pub const MAX_ROWS: usize = 1_048_576;
const MAX_HEADER_CHARS: usize = 255;
/// Excel charts take at most 255 series.
const MAX_SERIES: usize = 255;

/// The longest start of `s` within `max` UTF-16 units.
fn utf16_prefix(s: &str, max: usize) -> &str {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &s[..i];
        }
    }
    s
}

/// Text as a cell can hold it: past 32,767 characters it is cut, and the cell
/// says so and how long the text was.
pub fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    let len: usize = s.chars().map(char::len_utf16).sum();
    if len <= MAX_CELL_CHARS {
        return s.into();
    }
    let note = format!(" [… cut: the text has {len} characters, more than a spreadsheet cell holds]");
    format!("{}{note}", utf16_prefix(s, MAX_CELL_CHARS - note.chars().map(char::len_utf16).sum::<usize>())).into()
}

/// A sheet name within Excel's rules: none of `[]:*?/\`, no control
/// characters, no apostrophe at either end, at most 31 characters, not the
/// reserved "History", and unique (Excel compares names case-insensitively).
fn unique_name(used: &mut Vec<String>, want: &str) -> String {
    let clean: String = want.chars().filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control()).collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base = if clean.is_empty() || clean.eq_ignore_ascii_case("history") { "Sheet" } else { clean };
    let taken = |used: &[String], n: &str| used.iter().any(|u| u.to_lowercase() == n.to_lowercase());
    let mut name = utf16_prefix(base, 31).trim_end_matches('\'').trim_end().to_string();
    let mut n = 2;
    while taken(used, &name) {
        let suffix = format!(" {n}");
        name = format!("{}{suffix}", utf16_prefix(base, 31 - suffix.len()).trim_end_matches('\'').trim_end());
        n += 1;
    }
    used.push(name.clone());
    name
}

/// Table headers as an Excel Table accepts them: unique case-insensitively
/// (teams "CP North" and "cp north", or a team called "KPI" beside the KPI
/// column, get " (2)"), not blank, no control characters, at most 255 characters.
pub fn unique_headers(headers: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(headers.len());
    for (i, h) in headers.iter().enumerate() {
        let clean: String = h.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let clean = utf16_prefix(clean.trim(), MAX_HEADER_CHARS - 8).trim().to_string();
        let base = if clean.is_empty() { format!("Column {}", i + 1) } else { clean };
        let mut name = base.clone();
        let mut n = 2;
        while !seen.insert(name.to_lowercase()) {
            name = format!("{base} ({n})");
            n += 1;
        }
        out.push(name);
    }
    out
}

/// A table as a sheet can hold it. Wider than a sheet: turned long, one row per
/// row label, column and value. Longer than a sheet: cut, with a last row that
/// says how many rows were left out. The flag says whether it was reshaped (a
/// chart over it would no longer match).
fn fit_table(t: &Table) -> (std::borrow::Cow<'_, Table>, bool) {
    // Room for a target column and the chart beside the table.
    if t.headers.len() + 2 < MAX_COLUMNS && t.rows.len() < MAX_ROWS {
        return (std::borrow::Cow::Borrowed(t), false);
    }
    let mut out = t.clone();
    if t.headers.len() + 2 >= MAX_COLUMNS {
        let first = t.headers.first().cloned().unwrap_or_default();
        out.headers = vec![first, "Column".into(), "Value".into()];
        out.rows = t
            .rows
            .iter()
            .flat_map(|r| {
                let label = r.first().cloned().unwrap_or_else(|| Value::text(""));
                t.headers
                    .iter()
                    .enumerate()
                    .skip(1)
                    .map(move |(c, h)| vec![label.clone(), Value::text(h), r.get(c).cloned().unwrap_or_else(|| Value::text(""))])
            })
            .collect();
        out.caption = format!("{} (one row per column: the table is wider than a spreadsheet holds)", t.caption);
    }
    if out.rows.len() >= MAX_ROWS {
        let left_out = out.rows.len() - (MAX_ROWS - 2);
        out.rows.truncate(MAX_ROWS - 2);
        out.rows.push(vec![Value::text(format!("… {left_out} more rows left out: more than a spreadsheet holds (see the HTML report or metrics.json)"))]);
    }
    (std::borrow::Cow::Owned(out), true)
}

fn setup(ws: &mut Worksheet, name: &str) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    ws.set_default_format(&Format::new().set_font_name("Arial").set_font_size(11), 20, 64)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn write_value(ws: &mut Worksheet, f: &Formats, row: u32, col: u16, v: &Value) -> Result<(), XlsxError> {
    match v {
        Value::Text(s) if s.is_empty() => {}
        Value::Text(s) => {
            ws.write_string_with_format(row, col, fit(s).as_ref(), if s.len() > 60 { &f.wrap } else { &f.text })?;
        }
        Value::Count(n) => {
            ws.write_number_with_format(row, col, *n as f64, &f.count)?;
        }
        Value::Rate(Some(x)) => {
            ws.write_number_with_format(row, col, *x, &f.rate)?;
        }
        Value::RateFine { v, decimals } => {
            // The exact figure, shown to as many places as the HTML shows it.
            let format = f.rate.clone().set_num_format(format!("0.{}%", "0".repeat(usize::from(*decimals))));
            ws.write_number_with_format(row, col, *v, &format)?;
        }
        Value::Change { v: Some(x), pct: true } => {
            ws.write_number_with_format(row, col, super::doc::whole(x * 100.0) as f64, &f.change_pts)?;
        }
        Value::Change { v: Some(x), pct: false } => {
            ws.write_number_with_format(row, col, *x, &f.number)?;
        }
        Value::Rate(None) | Value::Change { v: None, .. } | Value::Date(None) => {}
        Value::Date(Some(d)) => {
            ws.write_date_with_format(row, col, *d, &f.date)?;
        }
        Value::Suppressed => {
            ws.write_string_with_format(row, col, "c", &f.suppressed)?;
        }
    }
    Ok(())
}

fn table_name(used: &mut Vec<String>, sheet: &str) -> String {
    let mut t: String = sheet.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    t = format!("T_{t}");
    let base = t.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&t)) {
        t = format!("{base}_{n}");
        n += 1;
    }
    used.push(t.clone());
    t
}

/// Where a table goes on its sheet: its header row, and the column widths so
/// far (tables stacked on one sheet share columns).
struct At<'w> {
    top: u32,
    widths: &'w mut Vec<f64>,
    /// One table per sheet: freeze its header row.
    freeze: bool,
}

/// Writes a table as an Excel Table with its header at row `at.top`; returns its last row.
fn write_table(
    ws: &mut Worksheet,
    f: &Formats,
    t: &Table,
    extra: Option<(&str, f64)>,
    tables: &mut Vec<String>,
    sheet: &str,
    at: At,
) -> Result<u32, XlsxError> {
    let mut headers = t.headers.clone();
    if let Some((h, _)) = extra {
        headers.push(h.to_string());
    }
    let top = at.top;
    let headers = unique_headers(&headers);
    let ncols = headers.len() as u16;
    let rows: Vec<Vec<Value>> = if t.rows.is_empty() { vec![vec![Value::text(super::doc::empty_text(t))]] } else { t.rows.clone() };
    for (r, row) in rows.iter().enumerate() {
        let r = top + r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            write_value(ws, f, r, c as u16, v)?;
        }
        if let Some((_, x)) = extra {
            ws.write_number_with_format(r, ncols - 1, x, &f.rate)?;
        }
    }
    let last = top + rows.len() as u32;
    // Numeric columns: header right-aligned over right-aligned numbers, wrapped so
    // the column can stay narrow.
    let numeric = super::doc::numeric_columns(ncols as usize, &rows);
    let head = Format::new().set_font_name("Arial").set_font_size(11).set_bold().set_text_wrap().set_align(FormatAlign::Top);
    let columns: Vec<TableColumn> = headers
        .iter()
        .enumerate()
        .map(|(c, h)| TableColumn::new().set_header(h).set_header_format(if numeric[c] { head.clone().set_align(FormatAlign::Right) } else { head.clone() }))
        .collect();
    let table = XTable::new().set_name(table_name(tables, sheet)).set_columns(&columns).set_style(TableStyle::Medium2).set_alt_text(t.caption.clone());
    ws.add_table(top, 0, last, ncols - 1, &table)?;
    let mut wrapped = false;
    let widths = at.widths;
    for c in 0..ncols {
        let data = rows.iter().map(|r| r.get(c as usize).map(|v| v.display().chars().count()).unwrap_or(0)).max().unwrap_or(0);
        let header = headers[c as usize].chars().count();
        let want = if numeric[c as usize] { data.max(header.min(14)) } else { data.max(header) };
        wrapped |= header > want;
        // A numeric column gets room on its left so its right-aligned figures
        // never run into the text column before them.
        let width = (want as f64 * 1.1 + if numeric[c as usize] { 6.0 } else { 4.0 }).clamp(10.0, 60.0);
        if widths.len() <= c as usize {
            widths.push(width);
        } else {
            widths[c as usize] = widths[c as usize].max(width);
        }
        ws.set_column_width(c, widths[c as usize])?;
    }
    if wrapped {
        ws.set_row_height(top, 45)?;
    }
    // Rows with wrapped text get their height set: not every spreadsheet program
    // grows them on opening.
    for (r, row) in rows.iter().enumerate() {
        let lines = row
            .iter()
            .enumerate()
            .map(|(c, v)| match v {
                Value::Text(t) if t.len() > 60 => (t.chars().count() as f64 / (widths[c] * 1.15)).ceil() as u32,
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(top + r as u32 + 1, 15 * lines.min(12) as u16)?;
        }
    }
    if at.freeze {
        ws.set_freeze_panes(top + 1, 0)?;
        // Printed, every page of a long table starts with its header row.
        ws.set_repeat_rows(top, top)?;
    }
    Ok(last)
}

/// The chart's height in pixels.
fn chart_height(chart: &Chart, compact: bool) -> u32 {
    match (chart.kind, compact) {
        (ChartKind::Line, false) => 380,
        (ChartKind::Line, true) => 300,
        (_, false) => (120 + 30 * chart.data.rows.len().max(1) as u32).clamp(260, 900),
        (_, true) => (110 + 24 * chart.data.rows.len().max(1) as u32).clamp(240, 600),
    }
}

/// A native chart over the table whose header is at row `top` and last row `last_row`.
fn native_chart(chart: &Chart, sheet: &str, top: u32, last_row: u32, height: u32) -> XChart {
    let first = top + 1;
    let kind = match chart.kind {
        ChartKind::StackedBar => ChartType::BarStacked,
        ChartKind::Bar => ChartType::Bar,
        ChartKind::Line => ChartType::Line,
    };
    let mut x = XChart::new(kind);
    x.title().set_name(&chart.title);
    x.set_alt_text(utf16_prefix(&chart.alt, 255));
    x.set_width(720).set_height(height);
    let series_cols: Vec<u16> = match chart.kind {
        ChartKind::Line => vec![1],
        _ => (1..chart.data.headers.len() as u16).collect(),
    };
    for (i, &c) in series_cols.iter().enumerate() {
        let name = &chart.data.headers[c as usize];
        let colour = series_colour(name, i);
        let mut format = ChartFormat::new();
        match chart.kind {
            ChartKind::Line => format.set_line(ChartLine::new().set_color(colour).set_width(2.5)),
            _ => format.set_solid_fill(ChartSolidFill::new().set_color(colour)).set_border(ChartLine::new().set_color("#3D3D3D")),
        };
        x.add_series()
            .set_name((sheet, top, c))
            .set_categories((sheet, first, 0, last_row, 0))
            .set_values((sheet, first, c, last_row, c))
            .set_format(&mut format);
    }
    if chart.target.is_some() {
        let c = chart.data.headers.len() as u16;
        if chart.kind == ChartKind::Line {
            x.add_series()
                .set_name((sheet, top, c))
                .set_categories((sheet, first, 0, last_row, 0))
                .set_values((sheet, first, c, last_row, c))
                .set_format(ChartFormat::new().set_line(ChartLine::new().set_color("#0B0C0C").set_width(1.5).set_dash_type(ChartLineDashType::Dash)));
        }
    }
    // In Excel bar charts the value axis is horizontal (x) and the categories run
    // up the vertical axis (y), bottom first: reverse it so the first team is on top.
    let is_bar = chart.kind != ChartKind::Line;
    if chart.percent {
        let values = if is_bar { x.x_axis() } else { x.y_axis() };
        values.set_num_format("0%").set_min(0.0).set_max(1.0);
    }
    if is_bar {
        x.y_axis().set_reverse();
    }
    let plotted_target = chart.target.is_some() && !is_bar;
    if series_cols.len() == 1 && !plotted_target {
        x.legend().set_hidden();
    } else {
        x.legend().set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
    }
    x
}

/// Creation time for document properties: `SOURCE_DATE_EPOCH` when set, else the
/// report's as-of date, so the same inputs give the same bytes.
fn created(doc: &Doc) -> ExcelDateTime {
    if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok()) {
        if let Ok(t) = ExcelDateTime::from_timestamp(secs) {
            return t;
        }
    }
    ExcelDateTime::from_ymd(
        doc.as_of.format("%Y").to_string().parse().unwrap_or(2026),
        doc.as_of.format("%m").to_string().parse().unwrap_or(1),
        doc.as_of.format("%d").to_string().parse().unwrap_or(1),
    )
    .unwrap_or_else(|_| ExcelDateTime::from_ymd(2026, 1, 1).expect("valid date"))
}

/// Renders one report as XLSX bytes.
///
/// # Errors
/// rust_xlsxwriter rejects the workbook (should not happen for valid documents).
pub fn render(doc: &Doc) -> Result<Vec<u8>, XlsxError> {
    let f = formats();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{}: {}", doc.title, doc.period))
            .set_subject(format!("{} ({}), as at {}", doc.title, doc.scope, doc.as_of))
            .set_author("auditpack")
            .set_company("Children's social care quality assurance")
            .set_keywords("case file audit, compliance, board pack")
            .set_comment(format!("Produced by {} from metrics.json", doc.generator))
            .set_creation_datetime(&created(doc)),
    );
    let mut used = vec!["Cover".to_string(), "Notes".to_string()];
    let mut table_names = Vec::new();
    // Plan the sheets first so the cover can link to them. The board pack has one
    // sheet per section (its tables one below the other, each chart beside its
    // numbers) so that it prints in a few pages; the other reports one table per sheet.
    struct Planned<'a> {
        name: String,
        blocks: Vec<(&'a Table, Option<&'a Chart>)>,
        caption: String,
        section: &'a str,
    }
    let compact = doc.kind == super::doc::ReportKind::BoardPack;
    let mut planned: Vec<Planned> = Vec::new();
    for s in &doc.sections {
        let blocks: Vec<(&Table, Option<&Chart>)> = s.charts.iter().map(|c| (&c.data, Some(c))).chain(s.tables.iter().map(|t| (t, None))).collect();
        if compact && blocks.len() > 1 {
            let caption = match s.charts.len() {
                0 => blocks.iter().map(|(t, _)| t.caption.as_str()).collect::<Vec<_>>().join("; "),
                n => format!("{n} charts, each beside its numbers"),
            };
            planned.push(Planned { name: unique_name(&mut used, &super::doc::sheet_name(&s.title)), blocks, caption, section: &s.title });
        } else {
            for b in blocks {
                planned.push(Planned { name: unique_name(&mut used, &b.0.name), caption: b.0.caption.clone(), blocks: vec![b], section: &s.title });
            }
        }
    }

    let cover = wb.add_worksheet();
    setup(cover, "Cover")?;
    cover.set_column_width(0, 34)?;
    cover.set_column_width(1, 90)?;
    let mut r = 0u32;
    cover.write_string_with_format(r, 0, fit(&doc.title).as_ref(), &f.title)?;
    cover.set_row_height(r, 30)?;
    r += 1;
    for (k, v) in [
        ("Period", doc.period.clone()),
        ("As at", doc.as_of.format("%-d %B %Y").to_string()),
        ("Covers", doc.scope.clone()),
        ("What the numbers rest on", doc.basis.clone()),
        ("Produced by", doc.generator.clone()),
    ] {
        cover.write_string_with_format(r, 0, k, &f.heading)?;
        cover.write_string_with_format(r, 1, fit(&v).as_ref(), &f.wrap)?;
        let lines = (v.chars().count() as f64 / 100.0).ceil().max(1.0) as u16;
        if lines > 1 {
            cover.set_row_height(r, 16 * lines)?;
        }
        r += 1;
    }
    r += 1;
    cover.write_string_with_format(r, 0, "Contents", &f.heading)?;
    r += 1;
    cover.write_url_with_text(r, 0, "internal:'Notes'!A1", "Notes")?;
    cover.write_string_with_format(r, 1, "What each KPI means, and how grades were mapped", &f.text)?;
    r += 1;
    for p in &planned {
        cover.write_url_with_text(r, 0, format!("internal:'{}'!A1", p.name).as_str(), &p.name)?;
        cover.write_string_with_format(r, 1, fit(&format!("{}: {}", p.section, p.caption)).as_ref(), &f.text)?;
        r += 1;
    }

    let notes = wb.add_worksheet();
    setup(notes, "Notes")?;
    let note_table = Table {
        name: "Notes".into(),
        caption: "Notes and definitions".into(),
        headers: vec!["Note".into(), "Meaning".into()],
        rows: doc.notes.iter().map(|(k, v)| vec![Value::text(k), Value::text(v)]).collect(),
        html_rows: None,
        empty: None,
    };
    let mut widths = Vec::new();
    write_table(notes, &f, &fit_table(&note_table).0, None, &mut table_names, "Notes", At { top: 0, widths: &mut widths, freeze: true })?;
    notes.set_column_width(1, 100)?;
    if compact {
        notes.set_print_fit_to_pages(1, 1);
    }

    for p in &planned {
        let ws = wb.add_worksheet();
        setup(ws, &p.name)?;
        let stacked = p.blocks.len() > 1;
        let mut widths = Vec::new();
        let mut top = 0u32;
        for (table, chart) in &p.blocks {
            let (table, reshaped) = fit_table(table);
            let table = &table;
            // A chart only over a table as built, and within Excel's series limit.
            let chart = chart.filter(|c| super::charts::unavailable(c).is_none() && !reshaped && c.data.headers.len() <= MAX_SERIES);
            if stacked {
                ws.write_string_with_format(top, 0, &table.caption, &f.heading)?;
                top += 1;
            }
            let extra = chart.and_then(|c| c.target).map(|t| ("Target", t));
            let last = write_table(ws, &f, table, extra, &mut table_names, &p.name, At { top, widths: &mut widths, freeze: !stacked })?;
            let mut next = last + 2;
            if let Some(c) = chart {
                let cols = table.headers.len() as u16 + u16::from(extra.is_some());
                let height = chart_height(c, compact);
                ws.insert_chart(top + 1, cols + 1, &native_chart(c, &p.name, top, last, height))?;
                next = next.max(top + 2 + height.div_ceil(20));
            }
            top = next;
        }
        if compact {
            ws.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
        }
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_unique_case_insensitively() {
        let h: Vec<String> = ["KPI", "CP North", "cp north", "KPI", "", "a\u{1b}b"].map(String::from).to_vec();
        assert_eq!(unique_headers(&h), ["KPI", "CP North", "cp north (2)", "KPI (2)", "Column 5", "a b"]);
        let long = vec!["x".repeat(1000), "x".repeat(1000)];
        let u = unique_headers(&long);
        assert!(u.iter().all(|h| h.chars().count() <= MAX_HEADER_CHARS) && u[0] != u[1]);
    }

    #[test]
    fn sheet_names_within_excels_rules() {
        let mut used = vec!["Cover".to_string(), "Notes".to_string()];
        let names: Vec<String> =
            ["notes", "History", "'quoted'", "a[b]:c*?/\\d", "", &"é".repeat(40), &"😀".repeat(20)].iter().map(|w| unique_name(&mut used, w)).collect();
        for n in &names {
            rust_xlsxwriter::utility::check_sheet_name(n).unwrap_or_else(|e| panic!("{n}: {e}"));
        }
        assert_eq!(names[0], "notes 2");
        assert_ne!(names[1].to_lowercase(), "history");
        let lower: std::collections::HashSet<String> = used.iter().map(|u| u.to_lowercase()).collect();
        assert_eq!(lower.len(), used.len(), "{used:?}");
    }

    #[test]
    fn long_text_is_cut_with_a_note() {
        let s = "é".repeat(40_000);
        let f = fit(&s);
        assert!(f.chars().map(char::len_utf16).sum::<usize>() <= MAX_CELL_CHARS);
        assert!(f.ends_with("more than a spreadsheet cell holds]") && f.contains("40000 characters"));
        assert_eq!(fit("short"), "short");
        // Surrogate pairs are not split.
        let emoji = "😀".repeat(20_000);
        assert!(fit(&emoji).chars().map(char::len_utf16).sum::<usize>() <= MAX_CELL_CHARS);
    }

    #[test]
    fn wide_tables_turn_long_and_render() {
        let headers: Vec<String> = std::iter::once("KPI".to_string()).chain((0..20_000).map(|i| format!("Team {i}"))).collect();
        let rows = vec![std::iter::once(Value::text("Audits")).chain((0..20_000).map(Value::Count)).collect::<Vec<_>>()];
        let t = Table { name: "Wide".into(), caption: "Wide".into(), headers, rows, html_rows: None, empty: None };
        let (long, reshaped) = fit_table(&t);
        assert!(reshaped);
        assert_eq!(long.headers, ["KPI", "Column", "Value"]);
        assert_eq!(long.rows.len(), 20_000);
        let mut ws = Worksheet::new();
        write_table(&mut ws, &formats(), &long, None, &mut Vec::new(), "Wide", At { top: 0, widths: &mut Vec::new(), freeze: true }).unwrap();
    }
}
