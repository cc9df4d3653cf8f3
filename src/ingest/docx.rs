//! Word documents (`.docx`, `.docm`): audit forms filled in Word, one audit
//! per file, as the seed frameworks' templates are. The document is read as
//! one sheet of text cells, in reading order: each paragraph outside a table
//! is a row (a tab in it starts a new cell, so "Date of audit:⇥14/09/2026" is a
//! label and its value side by side), and each table row is a row of its cells
//! (a merged cell is followed by empty cells, so the columns stay in line).
//! The form reader then finds the labels and their values as in a workbook
//! form.
//!
//! What Word shows is what is read, with these exceptions, each what the
//! person filling the form meant:
//! - a content control still showing its placeholder ("Click here to enter
//!   text.", "Choose an item.") is blank;
//! - a date picker gives the date it holds (not its display text, which may be
//!   in any format);
//! - check boxes (content controls, legacy form fields, Wingdings boxes) are
//!   "☒" when ticked and "☐" when not; a legacy drop-down gives its chosen entry;
//! - tracked changes read as accepted: deleted and moved-away text is left
//!   out, inserted text is read; field codes and Office's fall-back copies of
//!   drawings are left out.
//!
//! A small event loop over `word/document.xml` (quick-xml, already compiled
//! for calamine); work and memory are bounded by [`MAX_XML_BYTES`].

use super::{Cell, IngestError, SourceRow, Table, TextFormat};
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// The most `word/document.xml` may unpack to (a form is a few hundred KB).
pub const MAX_XML_BYTES: u64 = 256 << 20;

/// `gridSpan` beyond this is taken as this (Word allows 63 columns).
const MAX_SPAN: usize = 64;

/// How `validate` names the format.
pub const FORMAT: &str = "Word document (.docx)";

const CHECKED: &str = "☒";
const UNCHECKED: &str = "☐";

/// Where a filled-in value (a content control, a form field, a row of check
/// boxes) starts and ends in a paragraph's text: each becomes a cell of its
/// own, beside the template's label text ("Date:" [14/09/2026]).
const VALUE_START: char = '\u{1e}';
const VALUE_END: char = '\u{1f}';

/// Reads a Word document held in memory; `file` names it in messages.
///
/// # Errors
/// The bytes are not a readable Word document: an older `.doc` (or a
/// password-protected file), a damaged zip, or no `word/document.xml`.
pub fn read(file: &str, bytes: &[u8]) -> super::Opened {
    let err = |message: String| IngestError { file: file.to_string(), sheet: None, message };
    if bytes.is_empty() {
        return Err(err("the file is empty".into()));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(err(
            "is a Word 97–2003 document (.doc) or a password-protected one, which auditpack cannot read. Open it in Word and save it as .docx without a password".into(),
        ));
    }
    let not_a_document = |e: String| err(format!("is not a readable Word document ({e}). Is it damaged, or another kind of file renamed?"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_a_document(e.to_string()))?;
    let mut part = zip.by_name("word/document.xml").map_err(|e| not_a_document(format!("word/document.xml: {e}")))?;
    if part.size() > MAX_XML_BYTES {
        return Err(err(format!("the document unpacks to {} MB, more than the {} MB auditpack reads", part.size() >> 20, MAX_XML_BYTES >> 20)));
    }
    let mut xml = String::new();
    (&mut part).take(MAX_XML_BYTES + 1).read_to_string(&mut xml).map_err(|e| not_a_document(e.to_string()))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(err(format!("the document unpacks to more than the {} MB auditpack reads", MAX_XML_BYTES >> 20)));
    }
    let rows = rows(&xml).map_err(not_a_document)?;
    let rows: Vec<Result<SourceRow, IngestError>> =
        rows.into_iter().enumerate().map(|(i, cells)| Ok(SourceRow { row: i as u32 + 1, cells: cells.iter().map(|c| Cell::text(c)).collect() })).collect();
    let table = Table {
        file: file.to_string(),
        sheet: None,
        text_format: Some(TextFormat { encoding: FORMAT, delimiter: '\t', bulk: None }),
        rows: Box::new(rows.into_iter()),
        date1904: false,
    };
    Ok((vec![table], Vec::new()))
}

/// Opens a Word document from disk.
///
/// # Errors
/// As [`read`], or the file cannot be read or passes the workbook size cap.
pub fn open(path: &std::path::Path) -> super::Opened {
    let meta = std::fs::metadata(path).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?;
    if meta.len() > super::workbook::MAX_FILE_BYTES {
        return Err(IngestError::new(path, format!("the document is {} MB, more than auditpack reads", meta.len() >> 20)));
    }
    let bytes = std::fs::read(path).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?;
    read(&super::display_path(path), &bytes)
}

/// A content control being read: whether it still shows its placeholder, and
/// what its properties say it holds.
#[derive(Default)]
struct Control {
    placeholder: bool,
    checkbox: Option<bool>,
    date: Option<String>,
    /// Inside `w:sdtPr` (its properties), not yet its content.
    in_properties: bool,
}

/// A legacy form field (`w:fldChar` … `w:ffData`) being read.
#[derive(Default)]
struct Field {
    checkbox: Option<bool>,
    entries: Vec<String>,
    result: Option<usize>,
    default: usize,
    dropdown: bool,
    text: bool,
    /// The result of a text field is being read.
    in_result: bool,
}

#[derive(Default)]
struct Reader {
    rows: Vec<Vec<String>>,
    /// Paragraphs open (a text box holds paragraphs inside a paragraph).
    paragraphs: Vec<String>,
    /// Tables open; only the outermost one's rows and cells are kept apart.
    tables: usize,
    row: Vec<String>,
    cell: Option<String>,
    span: usize,
    controls: Vec<Control>,
    field: Option<Field>,
    /// Inside a field's code (between `begin` and `separate`).
    in_code: bool,
    /// Depth inside an element whose text is left out (deleted, moved away,
    /// a fall-back copy, a field code).
    skipping: usize,
    in_text: bool,
    /// A row of check boxes is open in the paragraph (it ends with it).
    boxes: bool,
    /// A nested table's row has started, and none of its paragraphs has ended.
    nested_row_start: bool,
}

fn local<'a>(e: &'a BytesStart) -> &'a [u8] {
    e.local_name().into_inner().as_bytes()
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner().as_bytes() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// A Word on/off value: absent, "1", "true" or "on" is on.
fn on(e: &BytesStart) -> bool {
    attr(e, b"val").is_none_or(|v| matches!(v.as_str(), "1" | "true" | "on"))
}

/// What a symbol from a symbol font (Wingdings) shows, when it is a box or a mark.
fn symbol(code: &str) -> Option<&'static str> {
    let code = u32::from_str_radix(code.trim_start_matches("F0").trim_start_matches("f0"), 16).ok()?;
    match code & 0xFF {
        0xFE | 0xFD | 0x78 => Some(CHECKED),
        0xA8 | 0x6F | 0x71 => Some(UNCHECKED),
        0xFC => Some("✓"),
        0xFB => Some("✗"),
        _ => None,
    }
}

/// Elements whose whole content is left out: deleted and moved-away text,
/// Office's fall-back copy of a drawing (the preferred copy is read), field
/// codes, and the properties of paragraphs and runs (their tab stops are not tabs).
fn skipped(name: &[u8]) -> bool {
    matches!(name, b"del" | b"moveFrom" | b"Fallback" | b"instrText" | b"delInstrText" | b"pPr" | b"rPr")
}

impl Reader {
    fn shown(&self) -> bool {
        self.skipping == 0 && !self.in_code && !self.controls.iter().any(|c| c.placeholder || c.checkbox.is_some() || c.date.is_some())
    }

    /// A check box (or its mark): the first of a paragraph opens a row of
    /// boxes, with the labels that follow them.
    fn push_box(&mut self, s: &str) {
        if !self.boxes {
            self.push_text(&VALUE_START.to_string());
            self.boxes = true;
        }
        self.push_text(s);
    }

    /// A filled-in value starts (a row of check boxes open before it ends there).
    fn start_value(&mut self) {
        if self.boxes {
            self.push_text(&VALUE_END.to_string());
            self.boxes = false;
        }
        self.push_text(&VALUE_START.to_string());
    }

    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.push_str(s);
        } else if let Some(c) = self.cell.as_mut() {
            c.push_str(s);
        }
    }

    /// An element starts (an empty element is a start and an end).
    fn start(&mut self, e: &BytesStart) {
        let name = local(e);
        if self.skipping > 0 || skipped(name) {
            self.skipping += 1;
            return;
        }
        match name {
            b"p" => {
                self.paragraphs.push(String::new());
                self.boxes = false;
            }
            b"tbl" => self.tables += 1,
            b"tr" if self.tables == 1 => self.row.clear(),
            b"tr" => self.nested_row_start = true,
            b"tc" if self.tables == 1 => {
                self.cell = Some(String::new());
                self.span = 1;
            }
            b"gridSpan" if self.tables == 1 => self.span = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, MAX_SPAN),
            b"t" => self.in_text = true,
            // A tab in a paragraph of the body starts a new cell; elsewhere it is a space.
            b"tab" if self.shown() => self.push_text(if self.cell.is_none() && self.paragraphs.len() == 1 { "\t" } else { " " }),
            b"br" | b"cr" if self.shown() => self.push_text("\n"),
            b"noBreakHyphen" if self.shown() => self.push_text("-"),
            b"sym" if self.shown() => {
                if let Some(s) = attr(e, b"char").as_deref().and_then(symbol) {
                    self.push_box(s);
                }
            }
            b"sdtContent" if self.controls.last().is_some_and(|c| c.checkbox.is_none()) => self.start_value(),
            b"textInput" => {
                if let Some(f) = self.field.as_mut() {
                    f.text = true;
                }
            }
            b"sdt" => self.controls.push(Control::default()),
            b"sdtPr" => {
                if let Some(c) = self.controls.last_mut() {
                    c.in_properties = true;
                }
            }
            b"showingPlcHdr" => {
                if let Some(c) = self.controls.last_mut() {
                    c.placeholder = on(e);
                }
            }
            b"checkbox" => {
                if let Some(c) = self.controls.last_mut().filter(|c| c.in_properties) {
                    c.checkbox.get_or_insert(false);
                }
            }
            b"checked" => {
                if let Some(f) = self.field.as_mut() {
                    f.checkbox = Some(on(e));
                } else if let Some(c) = self.controls.last_mut().filter(|c| c.in_properties) {
                    c.checkbox = Some(on(e));
                }
            }
            b"date" => {
                if let Some(c) = self.controls.last_mut().filter(|c| c.in_properties) {
                    // Without the date it holds, its display text is read.
                    c.date = attr(e, b"fullDate").filter(|d| d.len() >= 10 && d.is_char_boundary(10)).map(|d| d[..10].to_string());
                }
            }
            b"fldChar" => match attr(e, b"fldCharType").as_deref() {
                Some("begin") => {
                    self.field = Some(Field::default());
                    self.in_code = true;
                }
                Some("separate") => self.end_field_code(),
                Some("end") => self.end_field(),
                _ => {}
            },
            b"checkBox" => {
                if let Some(f) = self.field.as_mut() {
                    f.checkbox.get_or_insert(false);
                }
            }
            b"default" => {
                if let Some(f) = self.field.as_mut() {
                    if f.checkbox.is_some() {
                        f.checkbox = Some(on(e));
                    } else if f.dropdown {
                        f.default = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                    }
                }
            }
            b"ddList" => {
                if let Some(f) = self.field.as_mut() {
                    f.dropdown = true;
                }
            }
            b"result" => {
                if let Some(f) = self.field.as_mut().filter(|f| f.dropdown) {
                    f.result = attr(e, b"val").and_then(|v| v.parse().ok());
                }
            }
            b"listEntry" => {
                if let Some(f) = self.field.as_mut().filter(|f| f.dropdown) {
                    f.entries.push(attr(e, b"val").unwrap_or_default());
                }
            }
            _ => {}
        }
    }

    /// A legacy check box or drop-down shows its value where its code ends; a
    /// text field's result follows its code.
    fn end_field_code(&mut self) {
        if !self.in_code {
            return;
        }
        self.in_code = false;
        if self.skipping > 0 {
            return;
        }
        match self.field.as_mut() {
            Some(Field { checkbox: Some(on), .. }) => {
                let mark = if *on { CHECKED } else { UNCHECKED };
                self.push_box(mark);
            }
            Some(f) if f.dropdown => {
                let chosen = f.entries.get(f.result.unwrap_or(f.default)).cloned().unwrap_or_default();
                self.start_value();
                self.push_text(&chosen);
                self.push_text(&VALUE_END.to_string());
            }
            Some(f) if f.text => {
                f.in_result = true;
                self.start_value();
            }
            _ => {}
        }
    }

    /// A field ends: a text field's result ends with it.
    fn end_field(&mut self) {
        self.end_field_code();
        if self.field.take().is_some_and(|f| f.in_result) && self.skipping == 0 {
            self.push_text(&VALUE_END.to_string());
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        match name {
            b"t" => self.in_text = false,
            b"p" => {
                let Some(mut text) = self.paragraphs.pop() else { return };
                if std::mem::take(&mut self.boxes) {
                    text.push(VALUE_END);
                }
                if let Some(outer) = self.paragraphs.last_mut() {
                    // A text box's paragraph, inside a paragraph.
                    outer.push_str(&text);
                    outer.push('\n');
                } else if let Some(cell) = self.cell.as_mut() {
                    // A nested table's row is one line: its cells' paragraphs
                    // side by side ("Meets good ☒").
                    let side_by_side = self.tables > 1 && !std::mem::take(&mut self.nested_row_start);
                    if !cell.is_empty() {
                        cell.push(if side_by_side { ' ' } else { '\n' });
                    }
                    cell.push_str(&text);
                } else {
                    // A paragraph of the body: a tab starts a new cell.
                    self.rows.push(pieces(&text, true));
                }
            }
            b"tc" if self.tables == 1 => {
                if let Some(cell) = self.cell.take() {
                    let mut cells = pieces(&cell, false);
                    for c in &mut cells {
                        if let Some(ticked) = marked_lines(c) {
                            *c = ticked;
                        }
                    }
                    join_boxed_options(&mut cells);
                    let n = cells.len();
                    self.row.extend(cells);
                    self.row.extend(std::iter::repeat_n(String::new(), self.span.saturating_sub(n)));
                }
            }
            b"tc" if self.tables > 1 => self.push_text(" "),
            b"tr" if self.tables == 1 => {
                let mut row = std::mem::take(&mut self.row);
                join_boxed_options(&mut row);
                self.rows.push(row);
            }
            b"tr" if self.tables > 1 => {}
            b"tbl" => self.tables = self.tables.saturating_sub(1),
            b"sdtPr" => {
                if let Some(c) = self.controls.last_mut() {
                    c.in_properties = false;
                }
            }
            b"sdt" => {
                if let Some(c) = self.controls.pop() {
                    let visible = self.shown();
                    match (c.placeholder, c.checkbox, c.date) {
                        (false, Some(on), _) if visible => self.push_box(if on { CHECKED } else { UNCHECKED }),
                        (_, Some(_), _) => {}
                        (placeholder, None, date) => {
                            if let Some(d) = date.filter(|_| visible && !placeholder) {
                                self.push_text(&d);
                            }
                            if self.skipping == 0 {
                                self.push_text(&VALUE_END.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Paragraphs left open where a table starts (a damaged document) end there.
    fn end_paragraphs(&mut self) {
        while !self.paragraphs.is_empty() {
            self.end(b"p");
        }
    }
}

/// Pushes a value read after the label that ends at `label_end`. A row of
/// boxes each after its option ("YES ☐ NO ☒") starts its value at its first
/// box, so the first option is still the label's last words: they go back
/// into the value (the words after the label's last ':' or '?', or a short
/// label that is all option).
fn push_value(out: &mut Vec<String>, v: &str, label_end: usize) {
    let v = v.trim();
    let boxed = |c: Option<char>| c.is_some_and(super::cell::is_box);
    let inner = v.chars().any(char::is_alphanumeric);
    if label_end > 0 && label_end == out.len() && inner && boxed(v.chars().next()) && boxed(v.chars().next_back()) {
        let label = &out[label_end - 1];
        let cut = label.rfind([':', '?']).map_or(0, |i| i + 1);
        let option = label[cut..].trim();
        if is_option(option) && (cut > 0 || !label.contains('\n')) {
            let joined = format!("{option} {v}");
            if cut > 0 {
                let kept = label[..cut].trim_end().to_string();
                out[label_end - 1] = kept;
                out.push(joined);
            } else {
                out[label_end - 1] = joined;
            }
            return;
        }
    }
    out.push(v.to_string());
}

/// The cells a paragraph's (or a table cell's) text makes: the label text
/// between values, and each value (blank when not filled in, so a label is
/// never read as the value of the label before it). A table cell with no
/// value in it is one cell; in a paragraph of the body a tab also starts a
/// new cell, and empty text between tabs is no cell.
fn pieces(text: &str, tabs: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut label = String::new();
    let mut value: Option<String> = None;
    let mut values = false;
    let end_label = |label: &mut String, out: &mut Vec<String>| {
        let parts: Vec<&str> = if tabs { label.split('\t').collect() } else { vec![label.as_str()] };
        out.extend(parts.into_iter().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string));
        label.clear();
    };
    // Where the label before the value being read ends in `out`.
    let mut label_end = 0;
    for c in text.chars() {
        match (c, value.as_mut()) {
            (VALUE_START, v) => {
                if let Some(v) = v {
                    out.push(v.trim().to_string());
                } else {
                    // The template's words after a label's colon, before a
                    // filled-in value, are the template's, not the answer
                    // ("OVERALL JUDGEMENT OF THE CASE FILE: REQUIRES
                    // IMPROVEMENT" above the drop-down the auditor chose from).
                    if let Some(colon) = label.rfind(':').filter(|&c| !label[c + 1..].trim().is_empty()) {
                        label.truncate(colon + 1);
                    }
                    let before = out.len();
                    end_label(&mut label, &mut out);
                    label_end = if out.len() > before { out.len() } else { 0 };
                }
                value = Some(String::new());
                values = true;
            }
            (VALUE_END, Some(v)) => {
                push_value(&mut out, v, label_end);
                value = None;
            }
            (VALUE_END, None) => {}
            ('\t', None) if tabs => label.push('\t'),
            ('\t', Some(v)) => v.push(' '),
            (c, Some(v)) => v.push(c),
            (c, None) => label.push(c),
        }
    }
    if let Some(v) = value.as_ref() {
        push_value(&mut out, v, label_end);
    }
    end_label(&mut label, &mut out);
    if !tabs && !values {
        return vec![out.join("\n")];
    }
    out
}

/// Whether a cell is one check box and nothing else.
fn is_box(s: &str) -> bool {
    let mut chars = s.trim().chars();
    chars.next().is_some_and(super::cell::is_box) && chars.next().is_none()
}

/// A short one-line text that can be a box's option ("Meets good", "YES").
fn is_option(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && s.chars().count() <= 40 && !s.contains('\n') && !is_box(s)
}

/// A list of options one per line (a nested table of options with a cell
/// beside each), where the person filling it typed a mark beside the one
/// chosen ("Exceeds good" / "Meets good  X" / "Does not meet good"): the
/// same as ticking its box ("Exceeds good ☐ Meets good ☒ …"). Every line an
/// option, at least two, and at least one marked.
fn marked_lines(cell: &str) -> Option<String> {
    const MARKS: [&str; 4] = ["X", "x", "✓", "✔"];
    let boxed = super::cell::is_box;
    let mut out = Vec::new();
    let (mut marked, mut boxes) = (0, 0);
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        // The option and what is beside it: a typed mark, a box, or nothing.
        let (option, on, boxed_line) = match line.rsplit_once(char::is_whitespace) {
            Some((o, m)) if MARKS.contains(&m) => (o.trim(), true, true),
            Some((o, m)) if m.chars().count() == 1 && m.chars().all(boxed) => (o.trim(), m.chars().all(|c| super::cell::BOX_ON.contains(&c)), true),
            _ => (line, false, false),
        };
        if option.contains(boxed) {
            return None;
        }
        if !is_option(option) {
            // A comment under the options (or beside them) is no option.
            if boxed_line {
                return None;
            }
            continue;
        }
        marked += usize::from(on);
        boxes += usize::from(boxed_line);
        out.push(format!("{option} {}", if on { CHECKED } else { UNCHECKED }));
    }
    (out.len() >= 2 && (marked > 0 || boxes >= 2)).then(|| out.join(" "))
}

/// A box and its option in one piece ("☒ Meets good", "Meets good ☒"):
/// whether the box comes first.
fn boxed_pair(s: &str) -> Option<bool> {
    let s = s.trim();
    let boxed = |c: Option<char>| c.is_some_and(super::cell::is_box);
    let (first, last) = (boxed(s.chars().next()), boxed(s.chars().next_back()));
    let option = s.trim_matches(|c: char| c.is_whitespace() || boxed(Some(c)));
    (first != last && is_option(option) && !option.contains(|c: char| boxed(Some(c)))).then_some(first)
}

/// Options each with its box in a piece of its own, one under another in a
/// cell ("☐ Exceeds good" / "☒ Meets good" / …): one cell holding them all,
/// as [`join_boxed_options`] makes.
fn join_boxed_pairs(cells: &mut [String]) {
    let mut i = 0;
    while i < cells.len() {
        let Some(side) = boxed_pair(&cells[i]) else {
            i += 1;
            continue;
        };
        let end = (i..cells.len()).find(|&k| boxed_pair(&cells[k]) != Some(side)).unwrap_or(cells.len());
        if end - i >= 2 {
            let joined = cells[i..end].iter().map(|c| c.trim()).collect::<Vec<_>>().join(" ");
            cells[i] = joined;
            for c in &mut cells[i + 1..end] {
                c.clear();
            }
        }
        i = end;
    }
}

/// Options and their check boxes laid out in cells of their own ("Exceeds
/// good" | ☐ | "Meets good" | ☒, a nested table of options, or a row of the
/// form) become one cell holding them all ("Exceeds good ☐ Meets good ☒"),
/// which reads as the option ticked; the other cells of the run are left
/// blank, so the columns stay where they were. Each box goes with the text
/// before it, or with the text after it when the run starts with a box; a
/// run with a text at both ends keeps the end that reads as a label ("Seen?",
/// "If yes, when?") out of it, and is left as it is when neither does.
fn join_boxed_options(cells: &mut [String]) {
    join_boxed_pairs(cells);
    let mut i = 0;
    while i < cells.len() {
        let kind = |s: &str| {
            if is_box(s) {
                Some(true)
            } else if is_option(s) {
                Some(false)
            } else {
                None
            }
        };
        let Some(first) = kind(&cells[i]) else {
            i += 1;
            continue;
        };
        // The longest run of texts and boxes taking turns.
        let mut end = i + 1;
        while end < cells.len() && kind(&cells[end]) == Some(!kind(&cells[end - 1]).unwrap_or(true)) {
            end += 1;
        }
        let last = kind(&cells[end - 1]) == Some(true);
        let labelled = |s: &str| s.trim_end().ends_with([':', '?']);
        let (from, to) = match (first, last) {
            (true, true) => (i, end - 1),
            (true, false) | (false, true) => (i, end),
            (false, false) if labelled(&cells[i]) => (i + 1, end),
            (false, false) if labelled(&cells[end - 1]) => (i, end - 1),
            (false, false) => (i, i),
        };
        if (from..to).filter(|&k| is_box(&cells[k])).count() >= 2 && to - from >= 4 {
            let joined = cells[from..to].iter().map(|c| c.trim()).collect::<Vec<_>>().join(" ");
            cells[from] = joined;
            for c in &mut cells[from + 1..to] {
                c.clear();
            }
        }
        i = end;
    }
}

/// The text an XML reference stands for: a named entity ("&amp;") or a
/// character reference ("&#10;"); none for one it cannot resolve.
pub(super) fn reference_text(g: &quick_xml::events::BytesRef) -> Option<String> {
    if let Some(s) = quick_xml::escape::resolve_xml_entity(g.as_ref()) {
        return Some(s.to_string());
    }
    g.resolve_char_ref().ok().flatten().map(String::from)
}

/// The document's rows of cells, in reading order.
fn rows(xml: &str) -> Result<Vec<Vec<String>>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut r = Reader::default();
    loop {
        match reader.read_event().map_err(|e| format!("word/document.xml: {e}"))? {
            Event::Start(e) => r.start(&e),
            Event::Empty(e) => {
                r.start(&e);
                r.end(e.local_name().into_inner().as_bytes());
            }
            Event::End(e) => r.end(e.local_name().into_inner().as_bytes()),
            Event::Text(t) if r.in_text && r.shown() => r.push_text(&t.xml10_content()),
            Event::GeneralRef(g) if r.in_text && r.shown() => {
                if let Some(s) = reference_text(&g) {
                    r.push_text(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    r.end_paragraphs();
    // Trailing empty rows of the document are not rows of the form.
    while r.rows.last().is_some_and(|row| row.iter().all(String::is_empty)) {
        r.rows.pop();
    }
    Ok(r.rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn doc(body: &str) -> String {
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#)
    }

    fn rows_of(body: &str) -> Vec<Vec<String>> {
        rows(&doc(body)).unwrap()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    fn tc(inner: &str) -> String {
        format!("<w:tc><w:tcPr><w:tcW w:w=\"2000\"/></w:tcPr>{inner}</w:tc>")
    }

    #[test]
    fn paragraphs_and_table_rows_are_rows_of_cells() {
        let body = format!(
            "{}{}<w:p/><w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}</w:tc>{}</w:tr></w:tbl>{}",
            p("Tier 2 audit"),
            "<w:p><w:r><w:t>Date of audit:</w:t></w:r><w:r><w:tab/><w:tab/><w:t>14/09/2026</w:t></w:r></w:p>",
            tc(&p("Case ID:")),
            tc(&format!("{}{}", p("C1234"), p("(sibling of C1235)"))),
            p("Section 1: Chronology"),
            tc(&p("Good")),
            p("Signed &amp; dated"),
        );
        let rows = rows(&doc(&body)).unwrap();
        assert_eq!(
            rows,
            vec![
                vec!["Tier 2 audit".to_string()],
                vec!["Date of audit:".into(), "14/09/2026".into()],
                vec![],
                vec!["Case ID:".into(), "C1234\n(sibling of C1235)".into()],
                vec!["Section 1: Chronology".into(), String::new(), "Good".into()],
                vec!["Signed & dated".into()],
            ]
        );
    }

    #[test]
    fn content_controls_read_as_the_person_filling_the_form_meant() {
        let sdt = |pr: &str, shown: &str| format!("<w:sdt><w:sdtPr>{pr}</w:sdtPr><w:sdtContent><w:r><w:t>{shown}</w:t></w:r></w:sdtContent></w:sdt>");
        let body = [
            format!("<w:p><w:r><w:t>Overall:</w:t></w:r><w:r><w:tab/></w:r>{}</w:p>", sdt("<w:showingPlcHdr/><w:dropDownList/>", "Choose an item.")),
            format!(
                "<w:p><w:r><w:t>Grade:</w:t></w:r><w:r><w:tab/></w:r>{}</w:p>",
                sdt("<w:dropDownList><w:listItem w:value=\"Good\"/></w:dropDownList>", "Good")
            ),
            format!(
                "<w:p><w:r><w:t>Date:</w:t></w:r><w:r><w:tab/></w:r>{}</w:p>",
                sdt("<w:date w:fullDate=\"2026-09-14T00:00:00Z\"><w:dateFormat w:val=\"M/d/yyyy\"/></w:date>", "9/14/2026")
            ),
            format!(
                "<w:p><w:r><w:t>Seen alone</w:t></w:r><w:r><w:tab/></w:r>{}<w:r><w:tab/></w:r>{}</w:p>",
                sdt("<w14:checkbox><w14:checked w14:val=\"1\"/></w14:checkbox>", "☒"),
                sdt("<w:rPr><w:rFonts w:ascii=\"MS Gothic\"/></w:rPr><w14:checkbox><w14:checked w14:val=\"0\"/></w14:checkbox>", "☐")
            ),
        ]
        .concat();
        let rows = rows(&doc(&body)).unwrap();
        assert_eq!(rows[0], ["Overall:", ""], "a placeholder is a blank value");
        assert_eq!(rows[1], ["Grade:", "Good"]);
        assert_eq!(rows[2], ["Date:", "2026-09-14"], "the date the picker holds, not its US display");
        assert_eq!(rows[3], ["Seen alone", "☒ ☐"], "a row of check boxes is one value");
        let cell = format!(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>OVERALL JUDGEMENT:</w:t><w:tab/><w:t>REQUIRES IMPROVEMENT</w:t></w:r></w:p><w:p/><w:p>{}</w:p></w:tc></w:tr></w:tbl>",
            sdt("<w:dropDownList/>", "Good")
        );
        assert_eq!(rows_of(&cell)[0], ["OVERALL JUDGEMENT:", "Good"], "the template's words after the label are not the answer");
    }

    #[test]
    fn legacy_form_fields_and_tracked_changes() {
        let checkbox = |checked: &str| {
            format!(
                "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val=\"0\"/>{checked}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            )
        };
        let dropdown = "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:ddList><w:result w:val=\"2\"/><w:listEntry w:val=\"Outstanding\"/><w:listEntry w:val=\"Good\"/><w:listEntry w:val=\"Requires improvement\"/></w:ddList></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        let text = "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>C2201</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        let body = [
            format!("<w:p><w:r><w:t>Child seen</w:t></w:r><w:r><w:tab/></w:r>{}<w:r><w:tab/></w:r>{}</w:p>", checkbox("<w:checked/>"), checkbox("")),
            format!("<w:p><w:r><w:t>Overall</w:t><w:tab/></w:r>{dropdown}</w:p>"),
            format!("<w:p><w:r><w:t>Case ID</w:t><w:tab/></w:r>{text}</w:p>"),
            "<w:p><w:r><w:t>Judgement</w:t><w:tab/></w:r><w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>Good</w:delText></w:r></w:del><w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>Requires improvement</w:t></w:r></w:ins><w:moveFrom w:id=\"3\"><w:r><w:t>moved</w:t></w:r></w:moveFrom></w:p>".to_string(),
            "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:t>Note</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Note</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>".to_string(),
            "<w:p><w:r><w:t>Ticked</w:t><w:tab/><w:sym w:font=\"Wingdings\" w:char=\"F0FE\"/></w:r></w:p>".to_string(),
        ]
        .concat();
        let rows = rows(&doc(&body)).unwrap();
        assert_eq!(rows[0], ["Child seen", "☒ ☐"]);
        assert_eq!(rows[1], ["Overall", "Requires improvement"]);
        assert_eq!(rows[2], ["Case ID", "C2201"], "a text field's result, not its code");
        assert_eq!(rows[3], ["Judgement", "Requires improvement"], "a tracked change reads as accepted");
        assert_eq!(rows[4], ["Note"], "a text box once, not its fall-back copy too");
        assert_eq!(rows[5], ["Ticked", "☒"]);
    }

    #[test]
    fn options_each_with_a_check_box_read_as_the_option_ticked() {
        let check = |on: bool| {
            format!("<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"{}\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>{}</w:t></w:r></w:sdtContent></w:sdt></w:p>", u8::from(on), if on { "☒" } else { "☐" })
        };
        // A nested table: one option and its box per row.
        let options: String = [("Exceeds good", false), ("Meets good", true), ("Does not meet good", false)]
            .iter()
            .map(|(o, on)| format!("<w:tr>{}{}</w:tr>", tc(&p(o)), tc(&check(*on))))
            .collect();
        let nested = format!("<w:tbl><w:tr>{}{}{}</w:tr></w:tbl>", tc(&p("1. Risk")), tc(&format!("<w:tbl>{options}</w:tbl><w:p/>")), tc(&p("Evidence: x")));
        let row = &rows_of(&nested)[0];
        assert_eq!(
            (row[0].as_str(), row[1].as_str(), row.last().unwrap().as_str()),
            ("1. Risk", "Exceeds good ☐ Meets good ☒ Does not meet good ☐", "Evidence: x")
        );
        assert!(row[2..row.len() - 1].iter().all(String::is_empty), "the columns stay where they were: {row:?}");
        assert_eq!(Cell::text(&row[1]), Cell::Text("Meets good".into()));
        // Boxes in cells of their own, after their option; the next label stays out.
        let cells = format!(
            "<w:tbl><w:tr>{}{}{}{}{}{}</w:tr></w:tbl>",
            tc(&p("Seen?")),
            tc(&p("YES")),
            tc(&check(false)),
            tc(&p("NO")),
            tc(&check(true)),
            tc(&p("If yes, when?"))
        );
        assert_eq!(rows_of(&cells)[0], ["Seen?", "YES ☐ NO ☒", "", "", "", "If yes, when?"]);
        // Before their option; a label first stays out.
        let before = format!("<w:tbl><w:tr>{}{}{}{}{}</w:tr></w:tbl>", tc(&p("Seen alone:")), tc(&check(true)), tc(&p("Yes")), tc(&check(false)), tc(&p("No")));
        assert_eq!(rows_of(&before)[0], ["Seen alone:", "☒ Yes ☐ No", "", "", ""]);
        // One paragraph, each box after its option: the first option is not the label's.
        let para =
            format!("<w:p><w:r><w:t xml:space=\"preserve\">Audited previously? YES </w:t></w:r>{}<w:r><w:t xml:space=\"preserve\"> NO </w:t></w:r>{}</w:p>",
            "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"0\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>",
            "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"1\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>");
        assert_eq!(rows(&doc(&para)).unwrap()[0], ["Audited previously?", "YES ☐ NO ☒"]);
        // Each box and its option a paragraph of its own, one under another.
        let stacked = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            tc(&p("Q12")),
            tc(&[(false, "Exceeds good"), (true, "Meets good"), (false, "Not applicable")]
                .iter()
                .map(|(on, o)| format!("<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"{}\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>{}</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space=\"preserve\"> {o}</w:t></w:r></w:p>", u8::from(*on), if *on { "☒" } else { "☐" }))
                .collect::<String>())
        );
        let row = &rows_of(&stacked)[0];
        assert_eq!(Cell::text(&row[1]), Cell::Text("Meets good".into()), "{row:?}");
        // A mark typed in the cell beside an option of a nested table.
        let typed: String = [("Exceeds good", ""), ("Meets good", "X"), ("Does not meet good", "")]
            .iter()
            .map(|(o, m)| format!("<w:tr>{}{}</w:tr>", tc(&p(o)), tc(&p(m))))
            .collect();
        let row = &rows_of(&format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc(&p("Q12")), tc(&format!("<w:tbl>{typed}</w:tbl><w:p/>"))))[0];
        assert_eq!(Cell::text(&row[1]), Cell::Text("Meets good".into()), "{row:?}");
        assert!(marked_lines("Partially\n\nPlease explain: drift").is_none() && marked_lines("Good\nX").is_none(), "commentary is no list of options");
        // Boxes with no options of their own, and a single box, are left as they are.
        let bare = format!("<w:tbl><w:tr>{}{}{}</w:tr></w:tbl>", tc(&p("Age band")), tc(&check(false)), tc(&check(true)));
        assert_eq!(rows_of(&bare)[0], ["Age band", "☐", "☒"]);
    }

    #[test]
    fn files_that_are_not_word_documents_are_errors_that_say_what_to_do() {
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(read("old.doc", &ole).unwrap_err().message.contains("save it as .docx"));
        assert!(read("x.docx", b"plain text").unwrap_err().message.contains("not a readable Word document"));
        assert!(read("x.docx", b"").unwrap_err().message.contains("empty"));
    }

    #[test]
    fn hostile_documents_end_without_a_panic() {
        for body in [
            "<w:p><w:r><w:t>open",
            "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999999\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>",
            "</w:p></w:tc></w:tr></w:tbl></w:sdt>",
            "<w:tbl><w:tbl><w:tr><w:tc><w:p><w:r><w:t>deep</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:ddList><w:result w:val=\"9\"/></w:ddList></w:ffData></w:fldChar></w:r>",
            "<w:p><w:r><w:t>&#xFFFFFFFF;&unknown;</w:t></w:r></w:p>",
        ] {
            let _ = rows(&doc(body));
        }
        let wide =
            rows(&doc("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999999\"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")).unwrap();
        assert_eq!(wide[0].len(), MAX_SPAN);
    }
}
