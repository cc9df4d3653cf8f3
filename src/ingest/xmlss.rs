//! Excel's "XML Spreadsheet 2003" (SpreadsheetML): one of Excel's own Save As
//! formats (`.xml`), and what many systems' "Export to Excel" writes under a
//! `.xls` name. Plain XML: `Worksheet` elements (`ss:Name`) of `Row`s of
//! `Cell`s, each holding a `Data` element whose `ss:Type` says what it is
//! (String, Number, DateTime, Boolean, Error). `ss:Index` skips to a row or
//! a column; `ss:MergeAcross` spans columns. A cell's comment is not its
//! value; formatting inside a string (`<B>Yes</B>`) is dropped.
//!
//! An event loop over quick-xml (the parser calamine already uses): no
//! recursion, so its work is bounded by the file's size; the cells go to the
//! workbook reader's own layout and caps.

use super::Cell;
use quick_xml::events::{BytesStart, Event};

/// The namespace every SpreadsheetML workbook declares.
const NAMESPACE: &str = "urn:schemas-microsoft-com:office:spreadsheet";

/// Excel's last row and column: an `ss:Index` beyond them is no cell of a sheet.
const MAX_ROW: u32 = 1_048_576;
const MAX_COL: u32 = 16_384;

/// One worksheet: its name, whether Excel hides it, and its filled cells
/// (row and column from 0).
#[derive(Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    pub cells: Vec<(u32, u32, Cell)>,
}

/// The file's text: UTF-16 where a byte-order mark says so, else UTF-8 where
/// it is valid, else Windows-1252.
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_with_bom_removal(bytes).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0,
    }
}

/// Whether the bytes are a SpreadsheetML workbook: after a byte-order mark
/// and white space, a tag, and the SpreadsheetML namespace and a `Workbook`
/// element in the first 64 KB.
pub fn is_spreadsheetml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let text = decode(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('<') && t.contains(NAMESPACE) && (t.contains("<Workbook") || t.contains(":Workbook"))
}

/// An attribute's value by its local name (`ss:Index` → "Index").
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner().as_bytes() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// A 1-based index attribute as a 0-based position, within Excel's bounds.
fn index(e: &BytesStart, max: u32) -> Option<u32> {
    attr(e, b"Index").and_then(|v| v.trim().parse::<u32>().ok()).filter(|&i| (1..=max).contains(&i)).map(|i| i - 1)
}

/// A cell's value by its type.
fn value(kind: &str, text: &str) -> Cell {
    match kind {
        "Number" => text.trim().parse::<f64>().map(Cell::Number).unwrap_or_else(|_| Cell::text(text)),
        // ("2026-09-14T19:30:00.000": the date; the time of day is not read,
        // as in a workbook's date-time cell.)
        "DateTime" => text.get(..10).and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).map(Cell::Date).unwrap_or_else(|| Cell::text(text)),
        "Boolean" => match text.trim() {
            "1" => Cell::Bool(true),
            "0" => Cell::Bool(false),
            _ => Cell::text(text),
        },
        "Error" => Cell::Error(text.trim().to_string()),
        _ => Cell::text(text),
    }
}

#[derive(Default)]
struct Reader {
    sheets: Vec<Sheet>,
    /// Where the next row and cell go (0-based).
    row: u32,
    col: u32,
    in_table: bool,
    /// The column of the cell being read.
    cell_at: Option<u32>,
    /// Inside a cell's `Data` (its value), with its type; inside a comment.
    data: Option<String>,
    comment: u32,
    text: String,
    /// Inside `Visible` of the sheet's options.
    visible: bool,
    visible_text: String,
}

impl Reader {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.local_name().into_inner().as_bytes() {
            b"Worksheet" => {
                self.sheets.push(Sheet { name: attr(e, b"Name").unwrap_or_else(|| format!("Sheet{}", self.sheets.len() + 1)), ..Sheet::default() });
                self.row = 0;
            }
            b"Table" => {
                self.in_table = true;
                self.row = 0;
            }
            b"Row" if self.in_table => {
                if let Some(i) = index(e, MAX_ROW) {
                    self.row = i;
                }
                self.col = 0;
                if empty {
                    self.row = self.row.saturating_add(1);
                }
            }
            b"Cell" if self.in_table => {
                if let Some(i) = index(e, MAX_COL) {
                    self.col = i;
                }
                // (The next cell's column is after a merged span.)
                let across = attr(e, b"MergeAcross").and_then(|v| v.trim().parse::<u32>().ok()).unwrap_or(0).min(MAX_COL);
                let at = self.col;
                self.col = at.saturating_add(1).saturating_add(across);
                self.data = None;
                self.text.clear();
                self.cell_at = Some(at);
            }
            b"Comment" => self.comment += 1,
            b"Data" if self.comment == 0 && self.cell_at.is_some() && !empty => {
                self.data = Some(attr(e, b"Type").unwrap_or_default());
                self.text.clear();
            }
            b"Visible" => {
                self.visible = true;
                self.visible_text.clear();
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"Table" => self.in_table = false,
            b"Row" if self.in_table => self.row = self.row.saturating_add(1),
            b"Cell" => self.cell_at = None,
            b"Comment" => self.comment = self.comment.saturating_sub(1),
            b"Data" if self.comment == 0 => {
                if let (Some(kind), Some(col), Some(sheet)) = (self.data.take(), self.cell_at, self.sheets.last_mut()) {
                    let cell = value(&kind, &self.text);
                    if !cell.is_empty() && self.row < MAX_ROW {
                        sheet.cells.push((self.row, col, cell));
                    }
                }
                self.text.clear();
            }
            b"Visible" => {
                self.visible = false;
                if let Some(sheet) = self.sheets.last_mut() {
                    sheet.hidden = self.visible_text.trim().starts_with("SheetHidden") || self.visible_text.trim().starts_with("SheetVeryHidden");
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.data.is_some() && self.comment == 0 {
            self.text.push_str(s);
        } else if self.visible {
            self.visible_text.push_str(s);
        }
    }
}

/// The workbook's sheets and their cells.
///
/// # Errors
/// The XML is malformed: where the parser stopped.
pub fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let text = decode(bytes);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut r = Reader::default();
    loop {
        match reader.read_event().map_err(|e| format!("the XML stops making sense at byte {}: {e}", reader.error_position()))? {
            Event::Start(e) => r.start(&e, false),
            Event::Empty(e) => {
                r.start(&e, true);
                let name = e.local_name().into_inner().as_bytes().to_vec();
                if name != b"Row" {
                    r.end(&name);
                }
            }
            Event::End(e) => r.end(e.local_name().into_inner().as_bytes()),
            Event::Text(t) => r.push_text(&t.xml10_content()),
            Event::CData(t) => r.push_text(&t.into_inner()),
            Event::GeneralRef(g) => {
                if let Some(s) = super::docx::reference_text(&g) {
                    r.push_text(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if r.sheets.is_empty() {
        return Err("is an XML Spreadsheet 2003 file with no worksheet in it".into());
    }
    Ok(r.sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"{NAMESPACE}\" xmlns:ss=\"{NAMESPACE}\" xmlns:html=\"http://www.w3.org/TR/REC-html40\">{body}</Workbook>"
        )
    }

    #[test]
    fn rows_and_cells_are_read_where_their_indexes_put_them() {
        let xml = book(
            "<Worksheet ss:Name=\"Audits\"><Table>\
             <Row><Cell ss:MergeAcross=\"2\"><Data ss:Type=\"String\">Learning audits 2026-27</Data></Cell></Row>\
             <Row ss:Index=\"3\"><Cell><Data ss:Type=\"String\">Child ID</Data></Cell><Cell ss:Index=\"3\"><Data ss:Type=\"String\">Date &amp; time</Data></Cell><Cell><Data ss:Type=\"String\">Seen</Data></Cell></Row>\
             <Row><Cell><Data ss:Type=\"Number\">1045</Data><Comment><ss:Data>typed late</ss:Data></Comment></Cell><Cell ss:Index=\"3\"><Data ss:Type=\"DateTime\">2026-09-14T19:30:00.000</Data></Cell><Cell><ss:Data ss:Type=\"String\"><B>Yes</B> - alone</ss:Data></Cell></Row>\
             <Row><Cell><Data ss:Type=\"Boolean\">1</Data></Cell><Cell><Data ss:Type=\"Error\">#N/A</Data></Cell></Row>\
             </Table><WorksheetOptions xmlns=\"urn:schemas-microsoft-com:office:excel\"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>\
             <Worksheet ss:Name=\"Lists\"><Table><Row><Cell><Data ss:Type=\"String\">Good</Data></Cell></Row></Table></Worksheet>",
        );
        assert!(is_spreadsheetml(xml.as_bytes()));
        let s = sheets(xml.as_bytes()).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "Audits");
        assert!(s[0].hidden && !s[1].hidden);
        let date = chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
        assert_eq!(
            s[0].cells,
            vec![
                (0, 0, Cell::text("Learning audits 2026-27")),
                (2, 0, Cell::text("Child ID")),
                (2, 2, Cell::text("Date & time")),
                (2, 3, Cell::text("Seen")),
                (3, 0, Cell::Number(1045.0)),
                (3, 2, Cell::Date(date)),
                (3, 3, Cell::text("Yes - alone")),
                (4, 0, Cell::Bool(true)),
                (4, 1, Cell::Error("#N/A".into())),
            ]
        );
    }

    #[test]
    fn other_xml_and_broken_workbooks_are_told_apart() {
        assert!(!is_spreadsheetml(b"<?xml version=\"1.0\"?><config><item/></config>"));
        assert!(!is_spreadsheetml(b"Child ID,Team\nC1,North\n"));
        // UTF-16 with a byte-order mark, as some exports write it.
        let xml = book("<Worksheet ss:Name=\"S\"><Table><Row><Cell><Data ss:Type=\"String\">Zo\u{eb}</Data></Cell></Row></Table></Worksheet>");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(xml.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(is_spreadsheetml(&utf16));
        assert_eq!(sheets(&utf16).unwrap()[0].cells, vec![(0, 0, Cell::text("Zo\u{eb}"))]);
        assert!(sheets(book("<Worksheet ss:Name=\"S\"><Table><Row><Cell></Row>").as_bytes()).is_err());
        assert!(sheets(book("").as_bytes()).is_err());
        // An index far beyond a sheet's edge is not followed.
        let far = book("<Worksheet ss:Name=\"S\"><Table><Row ss:Index=\"99999999\"><Cell ss:Index=\"99999\"><Data ss:Type=\"String\">x</Data></Cell></Row></Table></Worksheet>");
        assert_eq!(sheets(far.as_bytes()).unwrap()[0].cells, vec![(0, 0, Cell::text("x"))]);
    }
}
