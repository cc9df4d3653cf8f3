//! A web page saved with a workbook's name: case management systems'
//! "Export to Excel" often writes an HTML table and calls it `.xls`. Its
//! tables are read as sheets of text cells (dates and numbers are read from
//! the text later, as in a CSV file).
//!
//! A small scan, not an HTML parser: `<tr>` rows of `<td>` / `<th>` cells in
//! each `<table>`, end tags optional, tags inside a cell dropped (`<br>` a line
//! break), character references decoded, `colspan` repeated as empty cells.
//! No recursion; its work and memory are bounded by the file's size and
//! [`MAX_CELLS`].

use super::{Cell, IngestError, SourceRow, Table, TextFormat};

/// Cells one page may hold (a workbook's caps are of the same order).
pub const MAX_CELLS: usize = 20_000_000;

/// `colspan` beyond this is taken as this (a spreadsheet's width).
const MAX_SPAN: usize = 16_384;

/// Whether the bytes are a web page rather than a workbook: after a byte-order
/// mark and white space, a tag, and a `<table` in the first 64 KB.
pub fn is_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let head = &b[start..b.len().min(start + 64 * 1024)];
    head.first() == Some(&b'<') && find_ci(head, b"<table", 0).is_some()
}

/// The page's text: the charset its `<meta>` names, else UTF-8 when it is
/// valid UTF-8, else Windows-1252 (what such exports use).
fn decode(bytes: &[u8]) -> (String, &'static str) {
    let head = &bytes[..bytes.len().min(4096)];
    let named = find_ci(head, b"charset=", 0).and_then(|i| {
        let rest = &head[i + 8..];
        let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
        let end = rest.iter().position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')).unwrap_or(rest.len());
        encoding_rs::Encoding::for_label(&rest[..end])
    });
    let encoding = match named {
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1252,
    };
    let (text, _, _) = encoding.decode(bytes);
    let name =
        if encoding == encoding_rs::UTF_8 { "HTML table (a web page saved as .xls), UTF-8" } else { "HTML table (a web page saved as .xls), Windows-1252" };
    (text.into_owned(), name)
}

/// The first place at or after `from` where `needle` (lower case ASCII) is, in any case.
fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= hay.len() || needle.is_empty() {
        return None;
    }
    hay[from..].windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|i| i + from)
}

/// Where the tag starting at `at` ends (just past its `>`), quotes respected.
fn tag_end(s: &[u8], at: usize) -> usize {
    let mut quote = None;
    for (i, &c) in s.iter().enumerate().skip(at) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// A tag's name, lower case, without a leading `/` ("td", "/tr" → "tr").
fn tag_name(tag: &[u8]) -> (bool, String) {
    let t = tag.strip_prefix(b"<").unwrap_or(tag);
    let closing = t.first() == Some(&b'/');
    let t = if closing { &t[1..] } else { t };
    let end = t.iter().position(|c| !c.is_ascii_alphanumeric() && *c != b':').unwrap_or(t.len());
    (closing, String::from_utf8_lossy(&t[..end]).to_ascii_lowercase())
}

/// A whole number attribute of a tag (`colspan="3"`).
fn attribute(tag: &[u8], name: &[u8]) -> Option<usize> {
    let i = find_ci(tag, name, 0)?;
    let rest = &tag[i + name.len()..];
    let rest = rest.strip_prefix(b"=")?;
    let digits: Vec<u8> = rest.iter().copied().skip_while(|c| *c == b'"' || *c == b'\'').take_while(u8::is_ascii_digit).collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

/// A cell's text: character references decoded, runs of white space one
/// space, `<br>` a line break, trimmed.
fn cell_text(raw: &str) -> String {
    let decoded = decode_references(raw);
    let mut out = String::with_capacity(decoded.len());
    let mut space = false;
    for c in decoded.chars() {
        match c {
            '\u{1}' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
                space = false;
            }
            c if c.is_whitespace() && c != '\u{a0}' => space = !out.is_empty() && !out.ends_with('\n'),
            '\u{a0}' => space = !out.is_empty() && !out.ends_with('\n'),
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
    }
    out.trim().to_string()
}

fn decode_references(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|e| e + 1).unwrap_or(rest.len());
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                if rest.starts_with(';') {
                    rest = &rest[1..];
                }
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The tables of a page: each a list of rows of cell texts.
fn tables(text: &str) -> Result<Vec<Vec<Vec<String>>>, String> {
    let s = text.as_bytes();
    let mut out: Vec<Vec<Vec<String>>> = Vec::new();
    let (mut in_table, mut row, mut cell): (bool, Option<Vec<String>>, Option<usize>) = (false, None, None);
    // Cell text gathered as byte ranges of the page, tags left out.
    let mut raw = String::new();
    let mut cells = 0usize;
    let mut i = 0;
    let close_cell = |row: &mut Option<Vec<String>>, cell: &mut Option<usize>, raw: &mut String| {
        if let (Some(r), Some(span)) = (row.as_mut(), cell.take()) {
            r.push(cell_text(raw));
            r.extend(std::iter::repeat_n(String::new(), span.saturating_sub(1)));
        }
        raw.clear();
    };
    while i < s.len() {
        let next = s[i..].iter().position(|&c| c == b'<').map_or(s.len(), |p| p + i);
        if cell.is_some() {
            raw.push_str(&text[i..next]);
        }
        if next >= s.len() {
            break;
        }
        // A comment is skipped whole.
        if s[next..].starts_with(b"<!--") {
            i = find_ci(s, b"-->", next + 4).map_or(s.len(), |e| e + 3);
            continue;
        }
        let end = tag_end(s, next);
        let tag = &s[next..end];
        let (closing, name) = tag_name(tag);
        match (closing, name.as_str()) {
            (false, "table") => {
                in_table = true;
                out.push(Vec::new());
            }
            (true, "table") => {
                close_cell(&mut row, &mut cell, &mut raw);
                if let (Some(r), Some(t)) = (row.take(), out.last_mut()) {
                    t.push(r);
                }
                in_table = false;
            }
            (false, "tr") | (true, "tr") if in_table => {
                close_cell(&mut row, &mut cell, &mut raw);
                if let (Some(r), Some(t)) = (row.take(), out.last_mut()) {
                    t.push(r);
                }
                if !closing {
                    row = Some(Vec::new());
                }
            }
            (false, "td" | "th") if in_table => {
                close_cell(&mut row, &mut cell, &mut raw);
                if row.is_none() {
                    row = Some(Vec::new());
                }
                let span = attribute(tag, b"colspan").unwrap_or(1).clamp(1, MAX_SPAN);
                cells += span;
                if cells > MAX_CELLS {
                    return Err(format!("the page holds more than {MAX_CELLS} cells, more than auditpack reads. Export it as CSV"));
                }
                cell = Some(span);
            }
            (true, "td" | "th") => close_cell(&mut row, &mut cell, &mut raw),
            (false, "br") if cell.is_some() => raw.push('\u{1}'),
            // Script and style text is no cell's.
            (false, "script" | "style") => {
                let close = if name == "script" { b"</script".as_slice() } else { b"</style".as_slice() };
                i = find_ci(s, close, end).map_or(s.len(), |e| tag_end(s, e));
                continue;
            }
            _ => {}
        }
        i = end;
    }
    close_cell(&mut row, &mut cell, &mut raw);
    if let (Some(r), Some(t)) = (row.take(), out.last_mut()) {
        t.push(r);
    }
    out.retain(|t| t.iter().any(|r| r.iter().any(|c| !c.is_empty())));
    Ok(out)
}

/// The sheet names an Excel-flavoured page gives its tables (`<x:Name>`).
fn sheet_names(text: &str) -> Vec<String> {
    let s = text.as_bytes();
    let mut names = Vec::new();
    let mut at = 0;
    while let Some(i) = find_ci(s, b"<x:name>", at) {
        let start = i + 8;
        let Some(end) = find_ci(s, b"</x:name>", start) else { break };
        names.push(cell_text(&text[start..end]));
        at = end;
    }
    names
}

/// The page's tables as sheets: "Sheet1"-style names where the page gives
/// them, else "Table 2", … when it has more than one.
///
/// # Errors
/// The page has no table with text in it, or passes [`MAX_CELLS`].
pub fn read(file: &str, bytes: &[u8]) -> super::Opened {
    let err = |message: String| IngestError { file: file.to_string(), sheet: None, message };
    let (text, encoding) = decode(bytes);
    let found = tables(&text).map_err(err)?;
    if found.is_empty() {
        return Err(err("is a web page (HTML) with no table in it, not a workbook. Export the data as CSV or .xlsx".into()));
    }
    let names = sheet_names(&text);
    let many = found.len() > 1;
    let out = found
        .into_iter()
        .enumerate()
        .map(|(k, rows)| {
            let sheet = names.get(k).filter(|n| !n.is_empty()).cloned().or_else(|| many.then(|| format!("Table {}", k + 1)));
            let rows: Vec<Result<SourceRow, IngestError>> = rows
                .into_iter()
                .enumerate()
                .map(|(i, cells)| Ok(SourceRow { row: i as u32 + 1, cells: cells.iter().map(|c| Cell::text(c)).collect() }))
                .collect();
            Table {
                file: file.to_string(),
                sheet,
                text_format: Some(TextFormat { encoding, delimiter: '\t', bulk: None }),
                rows: Box::new(rows.into_iter()),
                date1904: false,
            }
        })
        .collect();
    Ok((out, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(page: &str) -> Vec<Vec<Vec<String>>> {
        tables(page).unwrap()
    }

    #[test]
    fn a_web_page_table_is_read_as_rows_of_text_cells() {
        let page = "\u{feff}<html><head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"><style>td {color: red}</style></head><body>\
            <table border=1><tr><th>Child ID</th><th>Legal Status</th><th colspan=\"2\">Dates</th></tr>\
            <tr><td>C1</td><td>Child&nbsp;Protection &amp; plan</td><td>01/09/2026<td>\n  </tr>\
            <tr><td>C2<br>(sibling)</td><td><b>Looked</b> After</td><td>&#49;5/09/2026</td><td>&#x32;0/09/2026</td></tr>\
            <!-- <tr><td>hidden</td></tr> --></table></body></html>";
        assert!(is_html(page.as_bytes()));
        let t = rows(page);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0][0], ["Child ID", "Legal Status", "Dates", ""]);
        assert_eq!(t[0][1], ["C1", "Child Protection & plan", "01/09/2026", ""]);
        assert_eq!(t[0][2], ["C2\n(sibling)", "Looked After", "15/09/2026", "20/09/2026"]);
        assert_eq!(t[0].len(), 3, "the commented-out row is not read");
    }

    #[test]
    fn a_workbook_or_text_is_not_a_web_page() {
        assert!(!is_html(b"Child ID,Team\nC1,North\n"));
        assert!(!is_html(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]));
        assert!(!is_html(b"<html><body>No data</body></html>"));
    }

    #[test]
    fn windows_1252_pages_and_sheet_names() {
        let mut page =
            b"<html><head><meta charset=windows-1252><xml><x:ExcelWorksheet><x:Name>Legal status</x:Name></x:ExcelWorksheet></xml></head><table><tr><td>Caf"
                .to_vec();
        page.push(0xE9);
        page.extend_from_slice(b"</td></tr></table>");
        let (tables, _) = read("page.xls", &page).unwrap();
        assert_eq!(tables[0].sheet.as_deref(), Some("Legal status"));
        let (tables, _) = read("page.xls", &page).unwrap();
        let first = tables.into_iter().next().unwrap().rows.next().unwrap().unwrap();
        assert_eq!(first.cells, [Cell::Text("Café".into())]);
    }

    #[test]
    fn an_empty_cell_is_blank_as_in_a_csv() {
        let page = b"<table><tr><td>Child</td><td>Grade</td></tr><tr><td>C1</td><td></td></tr><tr><td>C2</td><td>&nbsp;</td></tr></table>";
        let (tables, _) = read("page.xls", page).unwrap();
        let rows: Vec<SourceRow> = tables.into_iter().next().unwrap().rows.map(Result::unwrap).collect();
        assert_eq!(rows[1].cells, [Cell::Text("C1".into()), Cell::Empty]);
        assert_eq!(rows[2].cells[1], Cell::Empty, "a non-breaking space alone is blank too");
    }

    #[test]
    fn hostile_pages_end_without_a_panic() {
        for page in [
            "<table><tr><td colspan=99999999>x",
            "<table><td>a<td>b",
            "<table><tr><td>&#xFFFFFFFF;&#99999999999;&",
            "<table><tr><td a=\"><\">x</td></tr></table>",
            "<table><!--",
            "<table><script>",
        ] {
            let _ = tables(page).unwrap();
        }
        assert_eq!(rows("<table><td>a<td>b")[0], [["a", "b"]], "a row with no <tr>");
    }
}
