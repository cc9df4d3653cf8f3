//! Workbooks (.xlsx .xlsm .xlsb .xls .ods) through calamine.
//!
//! Reading is bounded by what the file holds, never by what it declares: .xlsx
//! and .xlsb cells are read one by one (calamine's cell readers) and kept
//! sparsely, so a single stray value in XFD1048576 costs one cell, not the
//! 17 billion of the declared range. Each sheet is then bounded:
//! - columns: a row's cells count up to the first gap of more than
//!   [`MAX_GAP_COLUMNS`] empty columns; cells past that are left out with a
//!   note (a typo far to the right of the table);
//! - rows: only populated rows are given out (long runs of blank rows are
//!   skipped; row numbers stay those of the sheet);
//! - cost: at most [`MAX_CELLS`] non-empty cells and [`MAX_SLOTS`] cells once
//!   rows are laid out, and files of at most [`MAX_FILE_BYTES`] (and, for
//!   zipped formats, [`MAX_UNPACKED_BYTES`] declared when unpacked); past a cap
//!   the file is an error that says which cap.
//!
//! .xls and .ods are read by calamine whole; before that, an .xls whose sheet
//! declares more rows or columns than the format allows is refused (calamine
//! reserves memory from that declaration), and calamine itself caps .ods at
//! 100 million cells.

use super::{display_path, Cell, IngestError, SourceRow, Table};
use calamine::{Data, DataRef, Ods, Reader, SheetType, Xls, Xlsb, Xlsx};
use std::io::{Read, Seek};
use std::path::Path;

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Non-empty cells one workbook may hold (about 1 GB of memory at most).
pub const MAX_CELLS: usize = 20_000_000;
/// Cells one sheet may hold once its rows are laid out (empty ones included).
pub const MAX_SLOTS: u64 = 200_000_000;
/// Largest workbook file read.
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// Largest total a zipped workbook (.xlsx .xlsm .xlsb .ods) may declare unpacked.
pub const MAX_UNPACKED_BYTES: u64 = 4 << 30;
/// Largest shared-strings part read (unpacked). calamine holds every shared
/// string in memory, about three times this at its peak; a workbook at the
/// cell cap ([`MAX_CELLS`]) of distinct 10-character texts stays under it.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 256 << 20;
/// A part of a workbook larger than this unpacked, and more than
/// [`BOMB_RATIO`] times its packed size, is refused as a "zip bomb".
const BOMB_PART_BYTES: u64 = 64 << 20;
const BOMB_RATIO: u64 = 200;
/// A gap of more empty columns than this ends a row (what lies past it is a stray cell).
pub const MAX_GAP_COLUMNS: u32 = 256;
/// A run of more blank rows than this is skipped rather than given out row by row.
const MAX_BLANK_RUN: u32 = 100;

/// How much a [`ReadNote`] matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteLevel {
    /// Nothing was lost (a chart sheet has no cells).
    Info,
    /// Cells were left out.
    Warning,
    /// Formulas saved with no result were read as blank.
    Uncalculated,
    /// A sheet could not be read (the workbook's other sheets were).
    Error,
    /// A hidden sheet was read.
    Hidden,
    /// The file was read in a format its name does not say (an XML
    /// Spreadsheet 2003).
    Format,
}

/// Something the reader left out or assumed, for the data-quality findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadNote {
    pub sheet: Option<String>,
    pub level: NoteLevel,
    pub message: String,
}

pub fn open(path: &Path, ext: &str) -> super::Opened {
    let meta = std::fs::metadata(path).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(IngestError::new(
            path,
            format!("the workbook is {} MB, more than the {} MB auditpack reads. Export the sheets you need as CSV", meta.len() >> 20, MAX_FILE_BYTES >> 20),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?;
    read_bytes(&display_path(path), ext, &bytes)
}

/// Reads a workbook held in memory; `file` names it in messages and `ext`
/// ("xlsx", "xlsm", "xlsb", "xls", "ods") says its format.
///
/// # Errors
/// The bytes are not a readable workbook of that format, or pass a cap.
pub fn read_bytes(file: &str, ext: &str, bytes: &[u8]) -> super::Opened {
    // A reader library that panics on a malformed file it did not expect (found
    // by fuzzing: an .xls whose last sector is cut short) gives this file's error.
    super::quietly(|| read_bytes_unguarded(file, ext, bytes)).unwrap_or_else(|what| {
        Err(IngestError {
            file: file.to_string(),
            sheet: None,
            message: format!(
                "the workbook is damaged: the reader stopped on it ({what}). Open it in Excel or LibreOffice and save it again as .xlsx, or export it as CSV"
            ),
        })
    })
}

fn read_bytes_unguarded(file: &str, ext: &str, bytes: &[u8]) -> super::Opened {
    let err = |message: String| IngestError { file: file.to_string(), sheet: None, message };
    if bytes.is_empty() {
        return Err(err("the file is empty".into()));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(format!("the workbook is more than the {} MB auditpack reads", MAX_FILE_BYTES >> 20)));
    }
    // Excel's "XML Spreadsheet 2003", saved as .xml or written by a
    // system's "Export to Excel" as .xls.
    if matches!(ext, "xml" | "xls") && !bytes.starts_with(&CFB_MAGIC) && super::xmlss::is_spreadsheetml(bytes) {
        let sheets = super::xmlss::sheets(bytes).map_err(err)?;
        let names = sheets.iter().map(|s| (s.name.clone(), true, s.hidden)).collect();
        let mut cells: std::collections::HashMap<String, Vec<(u32, u32, Cell)>> = sheets.into_iter().map(|s| (s.name, s.cells)).collect();
        let (tables, mut notes) = read_sparse(file, names, false, |name, sink| {
            for (row, col, cell) in cells.remove(name).unwrap_or_default() {
                sink((row, col), cell)?;
            }
            Ok(())
        })?;
        notes.insert(0, ReadNote { sheet: None, level: NoteLevel::Format, message: XML_SPREADSHEET.into() });
        return Ok((tables, notes));
    }
    if ext == "xml" {
        return Err(err("is an XML file, not an Excel \"XML Spreadsheet 2003\" workbook".into()));
    }
    // A web page saved as .xls (a case management system's "Export to
    // Excel"); asked after the XML Spreadsheet, whose `<Table>` looks like
    // a page's `<table>`.
    if ext == "xls" && !bytes.starts_with(&CFB_MAGIC) && super::html::is_html(bytes) {
        return super::html::read(file, bytes);
    }
    // Text saved under a workbook's name (a system's "Export to Excel"
    // that writes CSV or tab-separated text as .xls, or a CSV renamed
    // .xlsx): read as the text it is, and said.
    if matches!(ext, "xls" | "xlsx" | "xlsm") && !bytes.starts_with(&CFB_MAGIC) && !bytes.starts_with(b"PK") && super::text::is_text_export(bytes) {
        let table = super::text::read(std::path::Path::new(file), bytes.to_vec())?;
        return Ok((vec![table], vec![ReadNote { sheet: None, level: NoteLevel::Format, message: TEXT_AS_WORKBOOK.into() }]));
    }
    if ext != "xls" && bytes.starts_with(&CFB_MAGIC) {
        return Err(err("the workbook is password-protected (encrypted). Save a copy without a password and run again".into()));
    }
    let not_a_workbook = |e: String| err(unreadable_workbook(ext, bytes, &e));
    let cursor = || std::io::Cursor::new(bytes);
    if ext != "xls" {
        check_unpacked_size(cursor()).map_err(err)?;
    }
    match ext {
        "xls" => {
            match check_cfb_chains(bytes).map_err(err)? {
                Some(compound) => check_xls_extent(&compound).map_err(err)?,
                None => check_xls_dimensions(bytes).map_err(err)?,
            }
            let book = Xls::new(cursor()).map_err(|e| not_a_workbook(e.to_string()))?;
            read_ranges(file, book)
        }
        "ods" => {
            // calamine lays out .ods sheets whole, so a stray far cell makes it
            // refuse the file (its cap: 100 million cells) rather than allocate.
            let book = Ods::new(cursor()).map_err(|e| match e {
                calamine::OdsError::CellLimitExceeded { requested, .. } => err(format!(
                    "a sheet reaches {requested} cells, far beyond its table: a stray value far to the right or below it (Ctrl+End shows the last cell). Delete it, or save the workbook as .xlsx, which auditpack reads cell by cell"
                )),
                e => not_a_workbook(e.to_string()),
            })?;
            read_ranges(file, book)
        }
        "xlsb" => {
            let mut book = Xlsb::new(cursor()).map_err(|e| not_a_workbook(e.to_string()))?;
            read_sparse(file, kinds(book.sheets_metadata()), false, |name, sink| {
                let mut r = book.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                while let Some(c) = r.next_cell().map_err(|e| e.to_string())? {
                    sink(c.get_position(), convert_ref(c.get_value()))?;
                }
                Ok(())
            })
        }
        _ => {
            let mut book = Xlsx::new(cursor()).map_err(|e| not_a_workbook(e.to_string()))?;
            // Formulas saved with no result (a workbook written by a script,
            // or saved with calculation off): per sheet, how many, in which
            // columns, and the first.
            let mut uncalculated: Vec<(String, Uncalculated)> = Vec::new();
            // Cells the reader could not make (a text cell pointing past the
            // workbook's shared text): per sheet, how many, and the first's why.
            let mut damaged: Vec<ReadNote> = Vec::new();
            let date1904 = book.has_1904_epoch();
            // Dates and numbers merged down a column: per sheet, how many cells took them.
            let mut merged_notes: Vec<ReadNote> = Vec::new();
            // Rows struck through in every filled cell: per sheet, which.
            let mut struck_notes: Vec<ReadNote> = Vec::new();
            let (tables, mut notes) = read_sparse(file, kinds(book.sheets_metadata()), date1904, |name, sink| {
                let down = merged_down_a_column(book.merge_cells_by_sheet_name(name).unwrap_or_default());
                let mut tops: Vec<((u32, u32), u32, Cell)> = Vec::new();
                let mut filled_rows: std::collections::HashSet<u32> = std::collections::HashSet::new();
                // (Only in a workbook whose styles strike text through: a
                // second pass over the sheet's styles, else none.)
                let mut r = book.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                let strikes: Vec<bool> = r.styles().iter().map(|s| s.font.as_ref().is_some_and(|f| f.has_strikethrough())).collect();
                let struck = if strikes.contains(&true) {
                    drop(r);
                    let struck = struck_cells(&mut book, name, &strikes);
                    r = book.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                    struck
                } else {
                    Default::default()
                };
                let mut rows = StruckRows::new(struck);
                let mut give = |pos: (u32, u32), cell: Cell| -> Result<(), String> {
                    if !down.is_empty() && !cell.is_empty() {
                        filled_rows.insert(pos.0);
                    }
                    if let Some(&end) = down.get(&pos).filter(|_| matches!(cell, Cell::Date(_) | Cell::Number(_))) {
                        tops.push((pos, end, cell.clone()));
                    }
                    sink(pos, cell)
                };
                let mut here = Uncalculated::default();
                let mut bad: Option<(usize, String)> = None;
                loop {
                    let c = match r.next_cell_with_formula_metadata() {
                        Ok(Some(c)) => c,
                        Ok(None) => break,
                        // One damaged cell costs that cell, not the sheet; many
                        // (the reader lost its place) cost the sheet.
                        Err(e) => {
                            let (n, _) = bad.get_or_insert_with(|| (0, e.to_string()));
                            *n += 1;
                            if *n > MAX_DAMAGED_CELLS {
                                return Err(e.to_string());
                            }
                            continue;
                        }
                    };
                    if c.formula.is_some() && matches!(c.value, DataRef::Empty) {
                        here.add(c.pos);
                    }
                    let cell = convert_ref(&c.value);
                    // (No strikethrough in the workbook: each cell straight on,
                    // no row held.)
                    if rows.struck.is_empty() {
                        give(c.pos, cell)?;
                        continue;
                    }
                    for (pos, cell) in rows.push(c.pos, cell) {
                        give(pos, cell)?;
                    }
                }
                for (pos, cell) in rows.finish() {
                    give(pos, cell)?;
                }
                if !rows.marked.is_empty() {
                    let shown: Vec<String> = rows.marked.iter().take(8).map(|r| (r + 1).to_string()).collect();
                    let more = if rows.marked.len() > 8 { ", …" } else { "" };
                    let message = format!(
                        "{} row{} struck through in every filled cell (row{} {}{more}), as a deleted row is marked: set aside. If one is a record, remove its strikethrough and run again",
                        rows.marked.len(),
                        plural(rows.marked.len()),
                        plural(rows.marked.len()),
                        shown.join(", ")
                    );
                    struck_notes.push(ReadNote { sheet: Some(name.to_string()), level: NoteLevel::Warning, message });
                }
                // (The cells under a merged date or number are empty in the
                // file; Excel shows the value over all of them: a round's
                // allocation date merged down its rows, review 247's c47.)
                // (Only on rows that hold something else: a merge that runs on
                // past the records, into a blank or spacer row, makes no
                // record there; review 249's c05, c33, c35.)
                let mut filled = 0u32;
                for ((row, col), end, cell) in tops {
                    for below in (row + 1..=end).filter(|r| filled_rows.contains(r)) {
                        sink((below, col), cell.clone())?;
                        filled += 1;
                    }
                }
                if filled > 0 {
                    let message =
                        format!("{filled} cells under dates or numbers merged down a column read as that value (Excel shows it over the whole merged range)");
                    merged_notes.push(ReadNote { sheet: Some(name.to_string()), level: NoteLevel::Info, message });
                }
                if here.count > 0 {
                    uncalculated.push((name.to_string(), here));
                }
                if let Some((n, why)) = bad {
                    let message = format!(
                        "{n} cell{} could not be read ({why}) and {} left out: the workbook is damaged. Open it in Excel or LibreOffice and save it again",
                        plural(n),
                        if n == 1 { "is" } else { "are" }
                    );
                    damaged.push(ReadNote { sheet: Some(name.to_string()), level: NoteLevel::Warning, message });
                }
                Ok(())
            })?;
            notes.extend(damaged);
            notes.extend(merged_notes);
            notes.extend(struck_notes);
            notes.extend(uncalculated.into_iter().map(|(sheet, u)| ReadNote { sheet: Some(sheet), level: NoteLevel::Uncalculated, message: u.message() }));
            Ok((tables, notes))
        }
    }
}

/// The cells of a sheet whose style strikes the text through (`strikes`:
/// which of the workbook's styles do), in a second pass over its styles.
fn struck_cells<R: Read + Seek>(book: &mut Xlsx<R>, name: &str, strikes: &[bool]) -> std::collections::HashSet<(u32, u32)> {
    let mut out = std::collections::HashSet::new();
    let Ok(mut r) = book.worksheet_cells_reader(name) else { return out };
    while let Ok(Some((row, col, style))) = r.next_style_id() {
        if strikes.get(style).copied().unwrap_or(false) {
            out.insert((row, col));
        }
    }
    out
}

/// The text of a cell put after the last filled cell of a row struck
/// through, so the table reader sets the row aside ([`is_struck`]).
pub const STRUCK_MARK: &str = "\u{1}struck through";

/// Whether a row was marked struck through by the workbook reader.
pub fn is_struck(row: &SourceRow) -> bool {
    row.cells.iter().rev().find(|c| !c.is_empty()).is_some_and(|c| matches!(c, Cell::Text(t) if t == STRUCK_MARK))
}

/// A sheet's cells in stream order, a row at a time: a row each of whose
/// filled cells (two or more) is struck through is a deleted row, as
/// trackers mark one (blind set 158's wyndle marsh): it is given on with a
/// mark after its last cell, to be set aside. Only below a row that is not
/// struck through (the header: a struck header is still the header, review
/// 250's c26b, c33).
struct StruckRows {
    struck: std::collections::HashSet<(u32, u32)>,
    row: Option<u32>,
    held: Vec<((u32, u32), Cell)>,
    /// Whether a row of two filled cells or more, not struck, came before.
    below_header: bool,
    /// The rows marked (0-based).
    marked: Vec<u32>,
}

impl StruckRows {
    fn new(struck: std::collections::HashSet<(u32, u32)>) -> Self {
        StruckRows { struck, row: None, held: Vec::new(), below_header: false, marked: Vec::new() }
    }

    /// The cells to give on after this one: the row before, when this one
    /// starts another.
    fn push(&mut self, pos: (u32, u32), cell: Cell) -> Vec<((u32, u32), Cell)> {
        let mut out = Vec::new();
        if self.row != Some(pos.0) {
            out = self.finish();
            self.row = Some(pos.0);
        }
        self.held.push((pos, cell));
        out
    }

    /// The held row's cells, with the mark where every filled one is struck through.
    fn finish(&mut self) -> Vec<((u32, u32), Cell)> {
        let mut held = std::mem::take(&mut self.held);
        let filled: Vec<(u32, u32)> = held.iter().filter(|(_, c)| !c.is_empty()).map(|(p, _)| *p).collect();
        let all_struck = filled.len() >= 2 && filled.iter().all(|p| self.struck.contains(p));
        if all_struck && self.below_header {
            if let Some(&(row, col)) = filled.iter().max_by_key(|p| p.1) {
                held.push(((row, col + 1), Cell::text(STRUCK_MARK)));
                self.marked.push(row);
            }
        } else if filled.len() >= 2 && !all_struck {
            self.below_header = true;
        }
        held
    }
}

/// The merged ranges one column wide and two rows or more tall: their top
/// cell → their last row.
fn merged_down_a_column(ranges: Vec<calamine::Dimensions>) -> std::collections::HashMap<(u32, u32), u32> {
    ranges.into_iter().filter(|d| d.start.1 == d.end.1 && d.end.0 > d.start.0 && d.end.0 - d.start.0 < 10_000).map(|d| (d.start, d.end.0)).collect()
}

/// Cells of one sheet the reader may fail to make before the sheet is
/// given up as unreadable (the reader has lost its place in it).
const MAX_DAMAGED_CELLS: usize = 100;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// One part of a zipped file on disk (an .xlsx's `xl/workbook.xml`), as
/// text, read up to `limit` bytes; none where the file or part is not there.
pub fn zip_part(path: &Path, name: &str, limit: u64) -> Option<String> {
    let f = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(f)).ok()?;
    let mut text = String::new();
    zip.by_name(name).ok()?.take(limit).read_to_string(&mut text).ok()?;
    Some(text)
}

/// The sheets' names of an .xlsx or .xlsm file on disk, from its
/// `xl/workbook.xml` alone (no cell is read): for a folder's look at what its
/// files are before reading them. Empty where the file is no such workbook.
pub fn sheet_names(path: &Path) -> Vec<String> {
    use quick_xml::events::Event;
    let Some(xml) = zip_part(path, "xl/workbook.xml", 4 << 20) else { return Vec::new() };
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut names = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().into_inner() == "sheet" => {
                let name = e.attributes().flatten().find(|a| a.key.local_name().into_inner() == "name");
                if let Some(v) = name.and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()) {
                    names.push(v.into_owned());
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    names
}

/// Refuses a zip whose entries declare more than [`MAX_UNPACKED_BYTES`] in all
/// (a "zip bomb": calamine unpacks shared strings whole). Bytes that are not a
/// zip pass, for calamine to say what is wrong with them.
fn check_unpacked_size<R: Read + Seek>(r: R) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(r) else { return Ok(()) };
    let mut total = 0u64;
    for i in 0..zip.len() {
        if let Ok(f) = zip.by_index_raw(i) {
            total = total.saturating_add(f.size());
            // A part far larger unpacked than any sheet compresses (sheets
            // are 8 to 15 times smaller packed, a million rows of one value
            // too): the reader would hold it whole, 2.5 GB of memory for a
            // 1 MB workbook padded with 1 GB of spaces. (The shared text
            // has its own cap below, counted as it unpacks.)
            let shared = f.name().is_ok_and(|n| n.to_ascii_lowercase().contains("sharedstrings"));
            if !shared && f.size() > BOMB_PART_BYTES && f.size() / f.compressed_size().max(1) > BOMB_RATIO {
                return Err(format!(
                    "the workbook's part {} unpacks to {} MB from {} KB, far more than any real sheet (a damaged file, or a \"zip bomb\"). Open it in Excel and save it again, or export the sheets you need as CSV",
                    f.name().unwrap_or("?".into()),
                    f.size() >> 20,
                    f.compressed_size() >> 10
                ));
            }
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(format!(
            "the workbook unpacks to {} MB, more than the {} MB auditpack reads (a damaged file, or a \"zip bomb\")",
            total >> 20,
            MAX_UNPACKED_BYTES >> 20
        ));
    }
    // The shared strings are unpacked here, counted and thrown away, before
    // calamine holds them whole: a 1.4 MB workbook whose one unused string
    // unpacks to 1.5 GB took 4.4 GB of memory. (Counted, not taken from the
    // size the zip declares, which a crafted file can understate.)
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index(i) else { continue };
        let name = f.name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if !name.ends_with("sharedstrings.xml") && !name.ends_with("sharedstrings.bin") {
            continue;
        }
        let read = std::io::copy(&mut f.take(MAX_SHARED_STRINGS_BYTES + 1), &mut std::io::sink()).unwrap_or(0);
        if read > MAX_SHARED_STRINGS_BYTES {
            return Err(format!(
                "the workbook's shared text unpacks to more than the {} MB auditpack reads (a damaged file, or a \"zip bomb\"). Open it in Excel and save it again, or export the sheets you need as CSV",
                MAX_SHARED_STRINGS_BYTES >> 20
            ));
        }
    }
    Ok(())
}

/// An .xls sheet declares its extent in a DIMENSIONS record, and calamine
/// reserves memory for that many cells before reading one. The format allows at
/// most 65,536 rows and 256 columns; a record declaring more is a damaged or
/// crafted file, refused before calamine sees it. (Records are looked for in the
/// raw bytes; one split across storage sectors is missed, which only means
/// calamine reads that sheet as before.)
fn check_xls_dimensions(bytes: &[u8]) -> Result<(), String> {
    const REC: [u8; 4] = [0x00, 0x02, 0x0E, 0x00]; // type 0x0200, length 14 (BIFF8)
    let mut i = 0;
    while let Some(p) = bytes[i..].windows(4).position(|w| w == REC) {
        let at = i + p + 4;
        if let Some(d) = bytes.get(at..at + 14) {
            let row_first = u32::from_le_bytes([d[0], d[1], d[2], d[3]]);
            let row_last = u32::from_le_bytes([d[4], d[5], d[6], d[7]]);
            let col_first = u16::from_le_bytes([d[8], d[9]]);
            let col_last = u16::from_le_bytes([d[10], d[11]]);
            let reserved = u16::from_le_bytes([d[12], d[13]]);
            let plausible_record = reserved == 0 && row_first <= row_last && col_first <= col_last;
            if plausible_record && (row_last > 65_536 || col_last > 256) {
                return Err(format!(
                    "a sheet declares {} rows and {} columns, more than an .xls file can hold: the file is damaged. Open it and save it as .xlsx",
                    row_last, col_last
                ));
            }
        }
        i = at;
    }
    Ok(())
}

/// An .xls is an OLE compound file: streams are chains of sectors linked by
/// its allocation tables. calamine follows a chain until it ends, so a damaged
/// file whose chain loops back on itself makes it grow a buffer without end
/// (found by fuzzing). Refuses a file with a loop in either table before
/// calamine reads it, and gives the file as calamine will read it. Bytes too
/// short or odd to check pass (`None`), for calamine to refuse them.
fn check_cfb_chains(bytes: &[u8]) -> Result<Option<Compound<'_>>, String> {
    const RESERVED: u32 = 0xFFFF_FFFA;
    let damaged = || Err("the workbook is damaged (its internal sector chains loop). Open it in Excel or LibreOffice and save it as .xlsx".to_string());
    if bytes.len() < 512 || !bytes.starts_with(&CFB_MAGIC) {
        return Ok(None);
    }
    let size = match u16::from_le_bytes([bytes[30], bytes[31]]) {
        9 => 512usize,
        12 => 4096,
        _ => return Ok(None),
    };
    let mut file = Compound { bytes, size, fat: Vec::new(), mini_fat: Vec::new() };
    let maxid = bytes.len() / size;
    // The FAT's sectors: 109 listed in the header, the rest in the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109).filter_map(|i| file.u32_at(76 + 4 * i)).filter(|&id| id < RESERVED).collect();
    let mut difat = file.u32_at(0x44).unwrap_or(u32::MAX);
    let mut difat_sectors = Vec::new();
    while difat < RESERVED {
        difat_sectors.push(difat);
        if difat_sectors.len() > maxid + 1 {
            return damaged();
        }
        let Some(sec) = file.sector(difat) else { break };
        let ids = words(sec);
        let Some((&next, listed)) = ids.split_last() else { break };
        fat_sectors.extend(listed.iter().filter(|&&id| id < RESERVED));
        difat = next;
    }
    // Each sector holds one part of the tables: one named twice (which calamine
    // reads the second time from a zero-filled copy, and which lets a list far
    // longer than the file build a table far larger than it) is damage.
    let mut listed: Vec<u32> = fat_sectors.iter().chain(&difat_sectors).copied().collect();
    listed.sort_unstable();
    if listed.windows(2).any(|w| w[0] == w[1]) {
        return Err("the workbook is damaged (its allocation table names a sector twice). Open it in Excel or LibreOffice and save it as .xlsx".to_string());
    }
    file.fat = fat_sectors.iter().filter_map(|&id| file.sector(id)).flat_map(words).collect();
    if has_loop(&file.fat, RESERVED) {
        return damaged();
    }
    file.mini_fat = file.read_mini_fat();
    if has_loop(&file.mini_fat, RESERVED) {
        return damaged();
    }
    Ok(Some(file))
}

/// A chain's bytes: from `start`, each unit (a sector, or a mini sector) from
/// `get`, the next from `next`, until the chain ends, a unit is missing or `len`
/// bytes are read (at most `next.len()` units: a loop cannot run on).
fn chain<'b>(start: u32, next: &[u32], get: impl Fn(u32) -> Option<&'b [u8]>, len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut id = start;
    for _ in 0..=next.len() {
        let Some(unit) = get(id) else { break };
        out.extend_from_slice(&unit[..unit.len().min(len - out.len())]);
        match next.get(id as usize) {
            Some(&n) if out.len() < len => id = n,
            _ => break,
        }
    }
    out
}

/// Little-endian u32s (a trailing part word is left out).
fn words(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4).filter_map(|w| le32(w, 0)).collect()
}

/// The little-endian u16 at `at`, if the bytes reach that far.
fn le16(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at.checked_add(2)?).map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

/// The little-endian u32 at `at`, if the bytes reach that far.
fn le32(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at.checked_add(4)?).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// An OLE compound file read as calamine reads it: sector `id` starts after the
/// header, and the last sector may be cut short by the end of the file.
struct Compound<'a> {
    bytes: &'a [u8],
    size: usize,
    fat: Vec<u32>,
    /// The mini FAT: a chain in the FAT whose entries link 64-byte mini sectors.
    mini_fat: Vec<u32>,
}

impl<'a> Compound<'a> {
    fn u32_at(&self, at: usize) -> Option<u32> {
        le32(self.bytes, at)
    }

    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.size)?;
        (start < self.bytes.len()).then(|| &self.bytes[start..start.saturating_add(self.size).min(self.bytes.len())])
    }

    fn read_mini_fat(&self) -> Vec<u32> {
        let len = self.u32_at(0x40).unwrap_or(0) as usize;
        words(&chain(self.u32_at(0x3C).unwrap_or(u32::MAX), &self.fat, |id| self.sector(id), len.saturating_mul(self.size)))
    }

    /// The first stream of these names (in any case), as calamine reads it.
    fn stream(&self, names: &[&str]) -> Option<Vec<u8>> {
        let dirs = chain(self.u32_at(0x30)?, &self.fat, |id| self.sector(id), usize::MAX);
        let entry = |d: &[u8]| {
            let name = encoding_rs::UTF_16LE.decode_without_bom_handling(&d[..64]).0;
            let name = name.split('\0').next().unwrap_or("").to_string();
            let start = le32(d, 116)?;
            let len = if self.size == 512 { u64::from(le32(d, 120)?) } else { u64::from_le_bytes(d[120..128].try_into().ok()?) };
            Some((name, start, usize::try_from(len).ok()?))
        };
        let entries: Vec<(String, u32, usize)> = dirs.chunks_exact(128).filter_map(entry).collect();
        let (_, start, len) = names.iter().find_map(|n| entries.iter().find(|e| e.0.eq_ignore_ascii_case(n)))?.clone();
        if len >= 4096 {
            return Some(chain(start, &self.fat, |id| self.sector(id), len));
        }
        // A small stream lives in 64-byte mini sectors of the root entry's stream.
        let (_, root_start, root_len) = entries.first()?.clone();
        let mini = chain(root_start, &self.fat, |id| self.sector(id), root_len);
        let mini_sector = |id: u32| {
            let at = (id as usize).checked_mul(64)?;
            (at < mini.len()).then(|| &mini[at..(at + 64).min(mini.len())])
        };
        Some(chain(start, &self.mini_fat, mini_sector, len))
    }
}

/// The most cells an .xls sheet can hold (65,536 rows by 256 columns).
const XLS_SHEET_CELLS: u64 = 65_536 * 256;

/// The most cells auditpack lets calamine lay out for one .xls, all sheets
/// together: one full sheet's worth (calamine takes about 1 GB for it).
const XLS_BOOK_CELLS: u64 = XLS_SHEET_CELLS;

/// calamine lays each .xls sheet out whole, every cell of the rectangle from
/// the first used cell to the last, and reserves what a sheet's DIMENSIONS
/// record declares: one cell far from the rest, in a damaged or crafted file,
/// makes it allocate gigabytes (found by fuzzing: 22 GB from a 234 KB file).
/// Reads the sheets' cell positions as calamine will, and refuses a sheet whose
/// rectangle is larger than an .xls sheet can be.
fn check_xls_extent(file: &Compound) -> Result<(), String> {
    let Some(stream) = file.stream(&["Workbook", "Book"]) else { return Ok(()) };
    let too_big = |rows: u64, cols: u64| {
        Err(format!(
            "a sheet reaches {rows} rows by {cols} columns, more than an .xls sheet can hold (65,536 by 256): the file is damaged. Open it in Excel or LibreOffice and save it as .xlsx"
        ))
    };
    // The sheets' offsets, from the workbook globals (BOUNDSHEET records).
    let mut sheets: Vec<usize> =
        Records(&stream).take_while(|r| r.0 != 0x000A).filter(|r| r.0 == 0x0085).filter_map(|r| le32(r.1, 0)).map(|p| p as usize).collect();
    sheets.sort_unstable();
    sheets.dedup();
    // Sheets are separate parts of the stream: reading more than twice its
    // length means they overlap (crafted), and would make this check slow.
    let mut scanned = 0usize;
    // Cells calamine lays out for the whole workbook.
    let mut book_cells = 0u64;
    for pos in sheets {
        let Some(sheet) = stream.get(pos..) else { continue };
        // (first row, last row, first column, last column) of the cells, then of the formulas.
        let mut extent = [(u64::MAX, 0u64, u64::MAX, 0u64); 2];
        let mut add = |which: usize, row: u64, col: u64| {
            let e = &mut extent[which];
            *e = (e.0.min(row), e.1.max(row), e.2.min(col), e.3.max(col));
        };
        let (mut seen_bof, mut depth) = (false, 0usize);
        // Where the last formula was: a STRING record (a formula's text result) lands there.
        let mut formula_at = (0u64, 0u64);
        for (typ, data) in Records(sheet) {
            scanned += 4 + data.len();
            if scanned > 2 * stream.len() {
                return Err("the workbook is damaged (its sheets overlap). Open it in Excel or LibreOffice and save it as .xlsx".to_string());
            }
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let at = (le16(data, 0).map(u64::from), le16(data, 2).map(u64::from));
            match (typ, at) {
                (0x0809, _) if seen_bof => depth += 1,
                (0x0809, _) => seen_bof = true,
                (0x000A, _) => break,
                (0x0200, _) => {
                    if let Some((rows, cols)) = declared_extent(data) {
                        if rows.saturating_mul(cols) > XLS_SHEET_CELLS {
                            return too_big(rows, cols);
                        }
                    }
                }
                (0x0207, _) => add(0, formula_at.0, formula_at.1),
                (0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD, (Some(row), Some(col))) => add(0, row, col),
                (0x0006, (Some(row), Some(col))) => {
                    formula_at = (row, col);
                    add(0, row, col);
                    add(1, row, col);
                }
                (0x00BD, (Some(row), Some(col))) => {
                    add(0, row, col);
                    add(0, row, data.len().checked_sub(2).and_then(|at| le16(data, at)).map_or(col, u64::from));
                }
                _ => {}
            }
        }
        for (rf, rl, cf, cl) in extent {
            if rf <= rl {
                let (rows, cols) = (rl - rf + 1, cl - cf + 1);
                if rows * cols > XLS_SHEET_CELLS {
                    return too_big(rows, cols);
                }
                book_cells += rows * cols;
            }
        }
        if book_cells > XLS_BOOK_CELLS {
            return Err(format!(
                "its sheets reach {book_cells} cells in all, laid out from the first used cell to the last of each, more than auditpack lays out from one .xls ({XLS_BOOK_CELLS}): a stray value far from a table on several sheets? Save the workbook as .xlsx, which auditpack reads cell by cell"
            ));
        }
    }
    Ok(())
}

/// The rows and columns a DIMENSIONS record makes calamine reserve room for,
/// worked out as calamine 0.38 does (its last row and column are one past the
/// end; a first column past 255 or after the last counts as 0; its sums wrap
/// as 32-bit numbers, so a last row before the first is four billion rows).
fn declared_extent(data: &[u8]) -> Option<(u64, u64)> {
    let (rf, rl, cf, cl) = match data.len() {
        10 => (le16(data, 0)?, le16(data, 2)?, le16(data, 4)?, le16(data, 6)?),
        14 | 16 => (le32(data, 0)?, le32(data, 4)?, le16(data, 8)?, le16(data, 10)?),
        _ => return None,
    };
    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
    let (er, ec) = if rl >= 1 && cl >= 1 { (rl - 1, cl - 1) } else { (rf, cf) };
    Some((er.wrapping_sub(rf).wrapping_add(1) as u64, ec.wrapping_sub(cf).wrapping_add(1) as u64))
}

/// BIFF records as calamine reads them: (type, the record's own data). A
/// CONTINUE record after one is passed over: calamine gives it apart, and reads
/// positions and sizes from the record's own bytes. A record cut short ends
/// the iteration.
struct Records<'a>(&'a [u8]);

impl<'a> Iterator for Records<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<(u16, &'a [u8])> {
        let head = |s: &[u8]| Some((le16(s, 0)? as u16, le16(s, 2)? as usize));
        let (typ, len) = head(self.0)?;
        let data = self.0.get(4..4 + len)?;
        self.0 = &self.0[4 + len..];
        while self.0.len() > 4 {
            match head(self.0) {
                Some((0x003C, l)) if self.0.len() >= 4 + l => self.0 = &self.0[4 + l..],
                _ => break,
            }
        }
        Some((typ, data))
    }
}

/// Whether following `next` from any entry comes back to an entry already on
/// the same walk.
fn has_loop(next: &[u32], end: u32) -> bool {
    let mut walk_of = vec![0u32; next.len()];
    for start in 0..next.len() {
        if walk_of[start] != 0 {
            continue;
        }
        let walk = start as u32 + 1;
        let mut i = start;
        loop {
            if walk_of[i] == walk {
                return true;
            }
            if walk_of[i] != 0 {
                break;
            }
            walk_of[i] = walk;
            let n = next[i];
            if n >= end || n as usize >= next.len() {
                break;
            }
            i = n as usize;
        }
    }
    false
}

/// .xls and .ods: calamine gives each sheet as a dense range.
fn read_ranges<RS: Read + Seek, R: Reader<RS>>(file: &str, mut book: R) -> super::Opened
where
    R::Error: std::fmt::Display,
{
    let names = kinds(book.sheets_metadata());
    read_sparse(file, names, false, |name, sink| {
        let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        for (i, r) in range.rows().enumerate() {
            for (j, d) in r.iter().enumerate() {
                if !matches!(d, Data::Empty) {
                    sink((row0 + i as u32, col0 + j as u32), convert(d))?;
                }
            }
        }
        Ok(())
    })
}

/// Each sheet's name, and whether it holds cells (a chart sheet does not).
/// Each sheet's name, whether it has cells (not a chart), and whether it is hidden.
fn kinds(sheets: &[calamine::Sheet]) -> Vec<(String, bool, bool)> {
    sheets
        .iter()
        .map(|s| (s.name.clone(), !matches!(s.typ, SheetType::ChartSheet | SheetType::Vba), !matches!(s.visible, calamine::SheetVisible::Visible)))
        .collect()
}

/// What is said of a workbook read as Excel's "XML Spreadsheet 2003".
pub const XML_SPREADSHEET: &str = "an Excel \"XML Spreadsheet 2003\" workbook (plain XML): read as a workbook, each cell by the type it is saved with";

/// What is said of a text export named as a workbook, read as text.
pub const TEXT_AS_WORKBOOK: &str = "a text export (CSV or tab-separated) named as an Excel workbook: read as the text it is";

/// What is said of a hidden sheet that is read.
pub const HIDDEN_SHEET: &str = "a hidden sheet: read like the others (Excel does not show it; if it holds an old copy of the records, leave it out with kind = \"ignore\" in the config's [[sources]])";

type Sink<'s> = &'s mut dyn FnMut((u32, u32), Cell) -> Result<(), String>;

/// Reads each sheet's cells through `cells` (which feeds them to the sink given)
/// and lays them out as bounded rows.
fn read_sparse(file: &str, names: Vec<(String, bool, bool)>, date1904: bool, mut cells: impl FnMut(&str, Sink) -> Result<(), String>) -> super::Opened {
    let mut tables = Vec::new();
    let mut notes = Vec::new();
    let mut total = 0usize;
    let mut capped = false;
    let mut seen = std::collections::HashSet::new();
    for (name, has_cells, hidden) in names {
        // A second sheet of a name (Excel forbids it; a script may write
        // it): the reader finds sheets by name, so it would give the first
        // sheet's cells again and count its records twice.
        if !seen.insert(name.clone()) {
            let message = "a second sheet of this name (Excel does not allow two): its cells cannot be told from the first's, so it is not read and any records on it are not in the figures. Open the workbook in Excel or LibreOffice, rename one of the two sheets, save it and run again";
            notes.push(ReadNote { sheet: Some(name), level: NoteLevel::Error, message: message.into() });
            continue;
        }
        if !has_cells {
            notes.push(ReadNote { sheet: Some(name), level: NoteLevel::Info, message: "a chart sheet: no cells to read".into() });
            continue;
        }
        let mut sparse: Vec<(u32, u32, Cell)> = Vec::new();
        let mut sink = |(row, col): (u32, u32), cell: Cell| {
            if cell.is_empty() {
                return Ok(());
            }
            total += 1;
            if total > MAX_CELLS {
                capped = true;
                return Err(format!(
                    "the workbook has more than {MAX_CELLS} filled cells, more than auditpack reads from one workbook. Export the large sheet as CSV"
                ));
            }
            sparse.push((row, col, cell));
            Ok(())
        };
        let read = cells(&name, &mut sink);
        if capped {
            return Err(IngestError { file: file.to_string(), sheet: Some(name), message: read.err().unwrap_or_default() });
        }
        // One sheet that cannot be read costs that sheet only.
        let laid = read.and_then(|()| lay_out(sparse));
        match laid {
            Ok(None) => {}
            Ok(Some((rows, dropped))) => {
                if let Some(d) = dropped {
                    notes.push(ReadNote { sheet: Some(name.clone()), level: NoteLevel::Warning, message: d });
                }
                if hidden {
                    notes.push(ReadNote { sheet: Some(name.clone()), level: NoteLevel::Hidden, message: HIDDEN_SHEET.into() });
                }
                tables.push(Table { file: file.to_string(), sheet: Some(name), text_format: None, rows: Box::new(rows.map(Ok)), date1904 });
            }
            Err(message) => notes.push(ReadNote { sheet: Some(name), level: NoteLevel::Error, message: format!("the sheet cannot be read: {message}") }),
        }
    }
    Ok((tables, notes))
}

/// The last column + 1 of a row's cells (sorted by column) before the first gap
/// of more than [`MAX_GAP_COLUMNS`] empty columns.
fn extent(cols: impl Iterator<Item = u32>) -> u32 {
    let mut end = 0u32;
    for c in cols {
        if c - end > MAX_GAP_COLUMNS {
            break;
        }
        end = c + 1;
    }
    end
}

/// Sorted sparse cells to rows. `None` for a sheet with no cells; else the rows
/// (built one at a time as they are read) and a note when stray cells were left out.
#[allow(clippy::type_complexity)]
fn lay_out(mut sparse: Vec<(u32, u32, Cell)>) -> Result<Option<(Box<dyn Iterator<Item = SourceRow> + Send>, Option<String>)>, String> {
    if sparse.is_empty() {
        return Ok(None);
    }
    sparse.sort_by_key(|&(r, c, _)| (r, c));
    sparse.dedup_by_key(|&mut (r, c, _)| (r, c));
    // Each row's extent; the width of the sheet's table is the widest extent.
    let mut width = 0u32;
    let mut i = 0;
    while i < sparse.len() {
        let row = sparse[i].0;
        let n = sparse[i..].iter().take_while(|x| x.0 == row).count();
        width = width.max(extent(sparse[i..i + n].iter().map(|x| x.1)));
        i += n;
    }
    let mut dropped = 0usize;
    let mut first_dropped: Option<(u32, u32)> = None;
    sparse.retain(|&(r, c, _)| {
        let keep = c < width;
        if !keep {
            dropped += 1;
            first_dropped.get_or_insert((r, c));
        }
        keep
    });
    if sparse.is_empty() {
        return Ok(None);
    }
    let rows = {
        let mut n = 0u64;
        let mut prev = None;
        for &(r, _, _) in &sparse {
            if prev != Some(r) {
                n += 1;
                prev = Some(r);
            }
        }
        n
    };
    if rows.saturating_mul(width as u64) > MAX_SLOTS {
        return Err(format!(
            "the sheet has {rows} rows of {width} columns, more than the {MAX_SLOTS} cells auditpack reads from one sheet. Export it as CSV, or delete unused columns"
        ));
    }
    let note = first_dropped.map(|(r, c)| {
        format!(
            "{dropped} cell(s) far to the right of the table (the first at {}{}) left out: more than {MAX_GAP_COLUMNS} empty columns separate them from it",
            column_letters(c),
            r + 1
        )
    });
    Ok(Some((Box::new(Rows { cells: sparse.into_iter().peekable(), next_row: None, pending_blank: 0 }), note)))
}

/// Rows built one at a time from sorted sparse cells.
struct Rows {
    cells: std::iter::Peekable<std::vec::IntoIter<(u32, u32, Cell)>>,
    /// The 0-based sheet row expected next (for short runs of blank rows).
    next_row: Option<u32>,
    pending_blank: u32,
}

impl Iterator for Rows {
    type Item = SourceRow;
    fn next(&mut self) -> Option<SourceRow> {
        let &(row, _, _) = self.cells.peek()?;
        if let Some(expect) = self.next_row {
            // Blank rows inside the table are given out (a blank row can end a
            // title block), but a long run of them is skipped.
            let gap = row - expect;
            if gap > 0 && gap <= MAX_BLANK_RUN && self.pending_blank < gap {
                let blank = expect + self.pending_blank;
                self.pending_blank += 1;
                return Some(SourceRow { row: blank + 1, cells: vec![] });
            }
        }
        self.pending_blank = 0;
        let mut cells = Vec::new();
        while let Some((_, col, cell)) = self.cells.next_if(|x| x.0 == row) {
            if cells.len() < col as usize {
                cells.resize(col as usize, Cell::Empty);
            }
            cells.push(cell);
        }
        self.next_row = Some(row + 1);
        Some(SourceRow { row: row + 1, cells })
    }
}

/// A sheet's formula cells saved with no result: a reader of saved results
/// (auditpack, and any other) sees them blank.
#[derive(Default)]
struct Uncalculated {
    count: u64,
    /// 0-based columns, in order.
    columns: std::collections::BTreeSet<u32>,
    /// The first one's 0-based (row, column).
    first: Option<(u32, u32)>,
}

impl Uncalculated {
    fn add(&mut self, pos: (u32, u32)) {
        self.count += 1;
        self.columns.insert(pos.1);
        self.first.get_or_insert(pos);
    }

    fn message(&self) -> String {
        let letters: Vec<String> = self.columns.iter().take(12).map(|&c| column_letters(c)).collect();
        let more = if self.columns.len() > 12 { ", …" } else { "" };
        let (row, col) = self.first.unwrap_or_default();
        let cells = if self.count == 1 { "1 formula cell has".to_string() } else { format!("{} formula cells have", self.count) };
        format!(
            "{cells} no saved result (the workbook was written by a program that does not calculate, or saved with calculation off), in column{} {}{more}, the first at {}{}: auditpack reads saved results only, so they are read as blank. Open the workbook in Excel or LibreOffice and save it, so that the results are saved",
            if self.columns.len() == 1 { "" } else { "s" },
            letters.join(", "),
            column_letters(col),
            row + 1
        )
    }
}

/// "A", "Z", "AA", ... for a 0-based column.
pub fn column_letters(mut c: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

fn date_time(dt: &calamine::ExcelDateTime) -> Cell {
    match dt.as_datetime() {
        Some(ndt) if dt.is_datetime() => Cell::Date(ndt.date()),
        _ => Cell::Number(dt.as_f64()),
    }
}

/// Every calamine cell kind, matched explicitly.
fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) => super::parse_date(s).map(Cell::Date).unwrap_or_else(|| Cell::text(s)),
        Data::DurationIso(s) => Cell::text(s),
        // (As Excel shows it: "#REF!", "#N/A".)
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

fn convert_ref(d: &DataRef) -> Cell {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::text(s),
        DataRef::SharedString(s) => Cell::text(s),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) => super::parse_date(s).map(Cell::Date).unwrap_or_else(|| Cell::text(s)),
        DataRef::DurationIso(s) => Cell::text(s),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Why a workbook could not be opened, in words a user can act on; the
/// reader library's own words follow in brackets, for whoever supports them.
fn unreadable_workbook(ext: &str, bytes: &[u8], reader_said: &str) -> String {
    let said = reader_said.to_lowercase();
    let zip_said = said.contains("eocd") || said.contains("invalid zip") || said.contains("unexpected eof") || said.contains("end of central directory");
    let plain = if zip_said && !bytes.starts_with(b"PK") {
        format!("is not an {ext} workbook: an {ext} file is a packed (zip) file, and this one is not. Is it another kind of file renamed (a picture, a PDF)? Open it in Excel and save it as a workbook, or give it its own extension")
    } else if zip_said {
        format!("is damaged or incomplete: the {ext} file ends before the workbook does (was it still downloading, or cut short when copied or e-mailed?). Download or save it again")
    } else if said.contains("cfb") || said.contains("ole") {
        "is damaged, or is not an Excel 97-2003 workbook: its inner structure cannot be read. Open it in Excel and save it as .xlsx, or export it again"
            .to_string()
    } else {
        format!("is not a readable {ext} workbook. Is it password-protected, or another kind of file renamed?")
    };
    format!("{plain} (the reader said: {reader_said})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(r: &SourceRow) -> Vec<String> {
        r.cells.iter().map(Cell::as_string).collect()
    }

    /// A zip whose "xl/sharedStrings.xml" unpacks to `len` bytes (deflated:
    /// a few hundred KB).
    fn with_shared_strings(len: u64) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
        w.start_file("xl/sharedStrings.xml", opts).unwrap();
        let chunk = vec![b'a'; 1 << 20];
        let mut left = len;
        while left > 0 {
            let n = left.min(chunk.len() as u64) as usize;
            w.write_all(&chunk[..n]).unwrap();
            left -= n as u64;
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_workbooks_sheet_names_without_its_cells() {
        let mut book = rust_xlsxwriter::Workbook::new();
        for name in ["Audits", "DCR log", "Küche & Co"] {
            book.add_worksheet().set_name(name).expect("name").write(0, 0, "x").expect("cell");
        }
        let path = std::env::temp_dir().join(format!("auditpack-sheet-names-{}.xlsx", std::process::id()));
        book.save(&path).expect("saved");
        assert_eq!(sheet_names(&path), ["Audits", "DCR log", "Küche & Co"]);
        std::fs::write(&path, b"Child ID,Date\n").expect("written");
        assert!(sheet_names(&path).is_empty(), "a CSV named .xlsx has no sheets");
        let _ = std::fs::remove_file(&path);
    }

    /// A workbook's bytes with one of its parts' text changed.
    fn with_part_replaced(bytes: &[u8], part: &str, from: &str, to: &str) -> Vec<u8> {
        let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            if name == part {
                let text = String::from_utf8(data).unwrap();
                assert!(text.contains(from), "{text}");
                data = text.replace(from, to).into_bytes();
            }
            w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut w, &data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_second_sheet_of_one_name_is_not_read_as_the_first_again() {
        let mut book = rust_xlsxwriter::Workbook::new();
        for (name, child) in [("Audits", "C1"), ("Audits2", "C2")] {
            let sheet = book.add_worksheet().set_name(name).expect("name");
            sheet.write(0, 0, "Child ID").expect("cell");
            sheet.write(1, 0, child).expect("cell");
        }
        let bytes = with_part_replaced(&book.save_to_buffer().expect("saved"), "xl/workbook.xml", "name=\"Audits2\"", "name=\"Audits\"");
        let (tables, notes) = read_bytes("twice.xlsx", "xlsx", &bytes).unwrap();
        assert_eq!(tables.len(), 1);
        let rows: Vec<SourceRow> = tables.into_iter().next().unwrap().rows.map(Result::unwrap).collect();
        assert_eq!(texts(&rows[1]), ["C1"]);
        let second: Vec<&ReadNote> = notes.iter().filter(|n| n.level == NoteLevel::Error).collect();
        assert_eq!(second.len(), 1, "{notes:?}");
        assert!(second[0].message.starts_with("a second sheet of this name") && second[0].sheet.as_deref() == Some("Audits"), "{second:?}");
    }

    #[test]
    fn a_cell_pointing_past_the_shared_text_costs_that_cell_not_the_sheet() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet().set_name("Audits").expect("name");
        for (r, row) in [["Child ID", "Team"], ["C1", "North"], ["C2", "South"], ["C3", "East"]].iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write(r as u32, c as u16, *v).expect("cell");
            }
        }
        let bytes = book.save_to_buffer().expect("saved");
        // (The sheet's cell B3, "South", made to point at shared text 999.)
        let mut zin = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut sheet_xml = String::new();
        zin.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet_xml).unwrap();
        let b3 = sheet_xml.split("<c r=\"B3\"").nth(1).unwrap().split("</c>").next().unwrap().to_string();
        let bad = b3.replace(b3.split("<v>").nth(1).unwrap().split("</v>").next().unwrap(), "999");
        let bytes = with_part_replaced(&bytes, "xl/worksheets/sheet1.xml", &b3, &bad);
        let (tables, notes) = read_bytes("damaged.xlsx", "xlsx", &bytes).unwrap();
        assert_eq!(tables.len(), 1, "{notes:?}");
        let rows: Vec<SourceRow> = tables.into_iter().next().unwrap().rows.map(Result::unwrap).collect();
        assert_eq!(rows.iter().map(texts).collect::<Vec<_>>(), [vec!["Child ID", "Team"], vec!["C1", "North"], vec!["C2"], vec!["C3", "East"]]);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(notes[0].level, NoteLevel::Warning);
        assert!(notes[0].message.starts_with("1 cell could not be read (") && notes[0].message.contains("damaged"), "{notes:?}");
    }

    #[test]
    fn a_sheet_padded_far_past_what_sheets_compress_to_is_refused() {
        // (Hostile-input review 44: 2.4 MB unpacking to 2.4 GB ran for minutes.)
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        w.start_file("xl/worksheets/sheet1.xml", deflated).unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..(BOMB_PART_BYTES >> 20) + 1 {
            std::io::Write::write_all(&mut w, &spaces).unwrap();
        }
        let bomb = w.finish().unwrap().into_inner();
        assert!(bomb.len() < 1 << 20, "{}", bomb.len());
        let e = check_unpacked_size(std::io::Cursor::new(&bomb)).unwrap_err();
        assert!(e.contains("xl/worksheets/sheet1.xml unpacks to 65 MB") && e.contains("zip bomb"), "{e}");
        // A real workbook's parts pass.
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for r in 0..20_000u32 {
            sheet.write(r, 0, "Good").unwrap();
        }
        assert!(check_unpacked_size(std::io::Cursor::new(book.save_to_buffer().unwrap())).is_ok());
    }

    #[test]
    fn shared_strings_past_the_cap_are_refused_before_calamine_holds_them() {
        // (Stranger review 37: a 1.4 MB workbook took 4.4 GB of memory.)
        let bomb = with_shared_strings(MAX_SHARED_STRINGS_BYTES + 1);
        assert!(bomb.len() < 4 << 20, "the test file itself is small: {}", bomb.len());
        let e = check_unpacked_size(std::io::Cursor::new(&bomb)).unwrap_err();
        assert!(e.contains("shared text unpacks to more than the 256 MB"), "{e}");
        assert!(check_unpacked_size(std::io::Cursor::new(with_shared_strings(1 << 20))).is_ok());
    }

    #[test]
    fn stray_far_cell_is_left_out_with_a_note() {
        let t = |s: &str| Cell::Text(s.into());
        let sparse = vec![(0, 0, t("Child ID")), (0, 1, t("Team")), (1, 0, t("C1")), (1, 1, t("North")), (1_048_575, 16_383, t("oops"))];
        let (rows, note) = lay_out(sparse).unwrap().unwrap();
        let rows: Vec<SourceRow> = rows.collect();
        assert_eq!(rows.len(), 2, "the far cell's row has nothing left: {rows:?}");
        assert_eq!(texts(&rows[1]), ["C1", "North"]);
        assert!(note.unwrap().contains("XFD1048576"));
    }

    #[test]
    fn short_blank_runs_kept_long_ones_skipped() {
        let t = |s: &str| Cell::Text(s.into());
        let sparse = vec![(0, 0, t("Title")), (2, 0, t("a")), (2, 2, t("c")), (5000, 0, t("far"))];
        let rows: Vec<SourceRow> = lay_out(sparse).unwrap().unwrap().0.collect();
        let numbers: Vec<u32> = rows.iter().map(|r| r.row).collect();
        assert_eq!(numbers, [1, 2, 3, 5001]);
        assert_eq!(texts(&rows[2]), ["a", "", "c"], "padded from column A");
        assert!(rows[1].is_blank());
    }

    #[test]
    fn cell_and_slot_caps() {
        let wide: Vec<(u32, u32, Cell)> = (0..500_000u32).flat_map(|r| [(r, 0, Cell::Number(1.0)), (r, 250, Cell::Number(2.0))]).collect();
        assert!(lay_out(wide).is_ok(), "251 columns x 500k rows is within the cap");
        let wider: Vec<(u32, u32, Cell)> =
            (0..500_000u32).flat_map(|r| [(r, 0, Cell::Number(1.0)), (r, 250, Cell::Number(2.0)), (r, 500, Cell::Number(3.0))]).collect();
        assert!(matches!(lay_out(wider), Err(e) if e.contains("more than")));
    }

    #[test]
    fn loops_in_sector_chains_are_found() {
        assert!(has_loop(&[1, 2, 0], 0xFFFF_FFFA));
        assert!(has_loop(&[0xFFFF_FFFE, 2, 1], 0xFFFF_FFFA));
        assert!(!has_loop(&[1, 2, 0xFFFF_FFFE, 0xFFFF_FFFF, 9], 0xFFFF_FFFA));
    }

    #[test]
    fn letters() {
        assert_eq!([column_letters(0), column_letters(25), column_letters(26), column_letters(16_383)], ["A", "Z", "AA", "XFD"]);
    }

    #[test]
    fn xls_dimensions_beyond_the_format_are_refused() {
        let mut b = vec![0u8; 16];
        b.extend([0x00, 0x02, 0x0E, 0x00]);
        b.extend(0u32.to_le_bytes());
        b.extend(4_000_000_000u32.to_le_bytes());
        b.extend(0u16.to_le_bytes());
        b.extend(200u16.to_le_bytes());
        b.extend(0u16.to_le_bytes());
        assert!(check_xls_dimensions(&b).unwrap_err().contains("damaged"));
        assert!(check_xls_dimensions(&[0x00, 0x02, 0x0E, 0x00, 1]).is_ok());
    }

    /// The workbook stream is found and read as calamine reads it: on real
    /// .xls files (from calamine's own tests) it starts with a BOF record, names
    /// as many sheets as calamine lists, and passes the extent check.
    #[test]
    fn xls_workbook_streams_are_read_as_calamine_reads_them() {
        use calamine::Reader;
        let mut checked = 0;
        for name in ["any_sheets.xls", "biff5-rich-text-string.xls", "capitalized_wbook_stream.xls"] {
            let path = std::path::Path::new("tests/corpus/calamine").join(name);
            let bytes = std::fs::read(&path).unwrap();
            let file = check_cfb_chains(&bytes).unwrap().expect("a compound file");
            let stream = file.stream(&["Workbook", "Book"]).expect(name);
            assert_eq!(Records(&stream).next().map(|r| r.0), Some(0x0809), "{name}: a BOF first");
            let sheets = Records(&stream).take_while(|r| r.0 != 0x000A).filter(|r| r.0 == 0x0085).count();
            let book: calamine::Xls<_> = calamine::open_workbook(&path).unwrap();
            assert_eq!(sheets, book.sheet_names().len(), "{name}");
            assert!(check_xls_extent(&file).is_ok(), "{name}");
            checked += 1;
        }
        assert_eq!(checked, 3);
    }

    /// DIMENSIONS as calamine reads it: a full sheet (65,536 rows by 256
    /// columns, bounds one past the end) passes; a last row before the first
    /// is four billion rows and is refused.
    #[test]
    fn declared_extent_as_calamine_reads_it() {
        let biff8 = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut d = Vec::new();
            d.extend(rf.to_le_bytes());
            d.extend(rl.to_le_bytes());
            d.extend(cf.to_le_bytes());
            d.extend(cl.to_le_bytes());
            d.extend([0, 0]);
            d
        };
        assert_eq!(declared_extent(&biff8(0, 65_536, 0, 256)), Some((65_536, 256)));
        assert_eq!(declared_extent(&biff8(0, 0, 0, 0)), Some((1, 1)));
        assert_eq!(declared_extent(&biff8(3, 10, 300, 5)), Some((7, 5)));
        let (rows, cols) = declared_extent(&biff8(10, 5, 0, 4)).unwrap();
        assert!(rows * cols > XLS_SHEET_CELLS, "{rows} x {cols}");
        assert_eq!(declared_extent(&[0; 12]), None);
    }

    /// Crafted .xls files a review found past the first checks, each refused
    /// before calamine loops or allocates (`.ci/corpora` runs them under a
    /// time and memory limit): a sector
    /// named twice in the allocation table (calamine loops on the second,
    /// zero-filled copy), a DIMENSIONS record followed by a CONTINUE record,
    /// three sheets each with a far cell (over 2 GB together), and sheets
    /// that overlap (which made this check itself slow).
    #[test]
    fn crafted_xls_files_are_refused_quickly() {
        for (name, says) in [
            ("review-xls-sector-named-twice.xls", "names a sector twice"),
            ("review-xls-dimensions-then-continue.xls", "more than an .xls sheet can hold"),
            ("review-xls-three-far-sheets.xls", "cells in all"),
            ("review-xls-overlapping-sheets.xls", "damaged"),
        ] {
            let bytes = std::fs::read(std::path::Path::new("tests/corpus/found").join(name)).unwrap();
            let e = read_bytes(name, "xls", &bytes).unwrap_err();
            assert!(e.message.contains(says), "{name}: {}", e.message);
        }
    }

    /// A formula's text result (a STRING record) lands where the formula is,
    /// not at a position read from its text: an ordinary .xls (saved by
    /// LibreOffice) whose formulas give 30,000-character texts is read.
    #[test]
    fn formula_text_results_are_not_read_as_positions() {
        let bytes = std::fs::read("tests/corpus/made/long-formula-text.xls").unwrap();
        let file = check_cfb_chains(&bytes).unwrap().expect("a compound file");
        assert_eq!(check_xls_extent(&file), Ok(()));
        let (tables, _) = read_bytes("long.xls", "xls", &bytes).unwrap();
        let rows = crate::ingest::collect_rows(tables.into_iter().next().unwrap()).unwrap();
        assert_eq!(rows.len(), 4);
    }

    /// A 234 KB .xls with one cell 27,750 columns away (found by fuzzing) is
    /// refused before calamine lays out its 700 million cells.
    #[test]
    fn an_xls_sheet_larger_than_the_format_is_refused_before_calamine() {
        let bytes = std::fs::read("tests/corpus/found/fuzz-oom-xls-far-cell.xls").unwrap();
        let e = read_bytes("far.xls", "xls", &bytes).unwrap_err();
        assert!(e.message.contains("more than an .xls sheet can hold"), "{}", e.message);
    }
}
