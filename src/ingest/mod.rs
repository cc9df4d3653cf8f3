//! Ingest knows files: which inputs to read, how to open workbooks and text files,
//! encodings, delimiters, and where the header row is. It yields rows with their
//! origin (file, sheet, row) and knows nothing of grades.

pub mod archive;
pub mod cell;
pub mod docx;
pub mod header;
mod html;
mod text;
pub use text::{repair_said, utf8_else_1252};
pub mod workbook;
mod xmlss;

pub use cell::{parse_date, Cell};
pub use docx::FORMAT as WORD_FORMAT;
pub use text::{looks_like_rows, swallowed_lines, unclosed_quote_message, QuoteScan};

use std::path::{Path, PathBuf};

/// Extensions read as workbooks.
pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];
/// Extensions read as Word documents (audit forms filled in Word).
pub const DOCUMENT_EXTENSIONS: &[&str] = &["docx", "docm"];
/// Extensions read as delimited text.
pub const TEXT_EXTENSIONS: &[&str] = &["csv", "tsv", "txt"];

/// A file that could not be read at all, or a sheet that could not.
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: {message}", sheet.as_ref().map(|s| format!(" [sheet {s}]")).unwrap_or_default())]
pub struct IngestError {
    pub file: String,
    pub sheet: Option<String>,
    pub message: String,
}

impl IngestError {
    pub fn new(file: &Path, message: impl Into<String>) -> Self {
        IngestError { file: display_path(file), sheet: None, message: message.into() }
    }
}

/// One row as read, numbered as a spreadsheet user sees it (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub row: u32,
    pub cells: Vec<Cell>,
}

impl SourceRow {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }

    /// The row's filled cells, in order.
    pub fn filled(&self) -> Vec<&Cell> {
        self.cells.iter().filter(|c| !c.is_empty()).collect()
    }

    /// The text standing alone on the row (a title, a heading), when the row
    /// holds nothing else.
    pub fn lone_text(&self) -> Option<&str> {
        match self.filled()[..] {
            [Cell::Text(t)] => Some(t.as_str()),
            _ => None,
        }
    }

    /// A row of text cells (for tests).
    #[cfg(test)]
    pub fn texts(row: u32, cells: &[&str]) -> SourceRow {
        SourceRow { row, cells: cells.iter().map(|s| Cell::text(s)).collect() }
    }
}

/// How a text file was decoded, for the validate report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFormat {
    pub encoding: &'static str,
    pub delimiter: char,
    /// How to read the file again in bulk, from the start (the columnar case-note
    /// reader); none when the text had to be decoded whole first (UTF-16).
    pub bulk: Option<BulkText>,
}

/// A delimited text file as the row reader reads it: what a bulk reader needs to
/// read exactly the same records and number them the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkText {
    pub source: BulkSource,
    pub delimiter: u8,
    /// Windows-1252 throughout; otherwise UTF-8, with any field that is not valid
    /// UTF-8 read as Windows-1252.
    pub windows_1252: bool,
    /// The file's length when it was opened.
    pub len: u64,
    pub ends_with_newline: bool,
}

/// Where a text export is read again in bulk from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkSource {
    /// A file on disk.
    File(PathBuf),
    /// A file unpacked from a zip archive or an e-mail, held in memory (the
    /// bytes the row reader reads too, not a copy).
    Held(Held),
}

/// Bytes shared between the row reader and the bulk reader.
#[derive(Debug, Clone)]
pub struct Held(pub std::sync::Arc<Vec<u8>>);

impl PartialEq for Held {
    fn eq(&self, other: &Held) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Held {}

impl AsRef<[u8]> for Held {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// One table of rows: a worksheet, or a whole text file. Rows stream: a
/// multi-million-row case-notes CSV is never held in memory whole.
pub struct Table {
    pub file: String,
    pub sheet: Option<String>,
    pub text_format: Option<TextFormat>,
    pub rows: Box<dyn Iterator<Item = Result<SourceRow, IngestError>> + Send>,
    /// A workbook saved in the 1904 date system (Excel for Mac): its plain
    /// numbers read as dates count from 1 January 1904.
    pub date1904: bool,
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table").field("file", &self.file).field("sheet", &self.sheet).finish_non_exhaustive()
    }
}

/// A file the input walk left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

impl Skipped {
    /// Whether the file may hold records that are then not in the figures (an
    /// old Word document, a PDF, an archive that could not be opened, a file
    /// inside one too large to read): a warning, not a note.
    pub fn may_hold_records(&self) -> bool {
        // (A hidden file, a lock file or a Mac's "__MACOSX" copy holds none.)
        let name = Path::new(&self.path).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let nothing = name.starts_with('.') || name.starts_with("~$") || self.path.split('/').any(|p| p == "__MACOSX");
        !nothing && (unread_records(&extension(Path::new(&self.path))).is_some() || self.reason.starts_with(archive::NOT_READ) || self.reason == WINMAIL)
    }
}

/// The files to read under the given inputs (files or directories, walked in
/// name order), and the ones left out with the reason. `out` is the run's
/// `--out` folder: it is never read, nor is any folder that holds a
/// `metrics.json` auditpack wrote (its packs and tables are not exports).
pub fn discover(inputs: &[PathBuf], out: Option<&Path>) -> (Vec<PathBuf>, Vec<Skipped>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let out = out.map(resolved);
    for input in inputs {
        if input.is_dir() {
            match output_folder(input, out.as_deref()) {
                Some(reason) => skipped.push(Skipped { path: display_path(input), reason }),
                None => {
                    let root = std::fs::canonicalize(input).unwrap_or_else(|_| input.clone());
                    walk(input, &root, out.as_deref(), &mut files, &mut skipped, &mut seen)
                }
            }
        } else if input.exists() && !input.is_file() {
            errors.push(IngestError::new(input, NOT_REGULAR));
        } else if input.is_file() && archive::is_archive(input) && !lock_file(input) {
            unzip(input, &mut files, &mut skipped);
        } else if input.is_file() {
            // Named explicitly: read it whatever its name, unless it is a lock file.
            match skip_reason(input, true) {
                Some(reason) => skipped.push(Skipped { path: display_path(input), reason }),
                None => files.push(input.clone()),
            }
        } else {
            errors.push(IngestError::new(input, "no such file or folder"));
        }
    }
    (files, skipped, errors)
}

/// Why a path that is neither a file nor a folder is not read: opening a
/// named pipe would wait for a writer for ever.
const NOT_REGULAR: &str = "not a file: a named pipe, socket or device (not read)";

/// How a skipped output folder's reason starts.
pub const OUTPUT_FOLDER: &str = "auditpack's own outputs";

/// Why a folder is not read as exports: it is the run's `--out` folder, or an
/// earlier run's (it holds the `metrics.json` auditpack writes). Reading it
/// would count its normalised tables and packs as exports, so every run would
/// add the last one's records again.
fn output_folder(dir: &Path, out: Option<&Path>) -> Option<String> {
    if out.is_some_and(|o| resolved(dir) == o) {
        Some(format!("{OUTPUT_FOLDER} (the --out folder of this run): not read as exports"))
    } else if is_output_folder(dir) {
        Some(format!("{OUTPUT_FOLDER} (the folder holds the metrics.json of an earlier run): not read as exports"))
    } else {
        None
    }
}

/// Whether `dir` holds a `metrics.json` that auditpack wrote (its "schema" is
/// auditpack's metrics schema, the file's first key).
pub fn is_output_folder(dir: &Path) -> bool {
    use std::io::Read;
    let path = dir.join("metrics.json");
    // (Only a regular file is opened: a named pipe would wait for ever.)
    if !path.is_file() {
        return false;
    }
    let mut head = Vec::new();
    if std::fs::File::open(&path).and_then(|f| f.take(4096).read_to_end(&mut head)).is_err() {
        return false;
    }
    let squeezed: String = String::from_utf8_lossy(&head).chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.contains("\"schema\":\"auditpack.metrics/")
}

/// A path as an absolute one with links resolved, also when it does not exist
/// yet (its longest existing part resolved, the rest added as written): the
/// `--out` folder is compared with the input folders this way.
pub fn resolved(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(path) };
    let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
    let mut at = abs.as_path();
    loop {
        if let Ok(mut found) = std::fs::canonicalize(at) {
            found.extend(rest.iter().rev());
            return found;
        }
        match (at.parent(), at.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                at = parent;
            }
            _ => return abs,
        }
    }
}

/// Why a folder reached inside the input folder `root` (resolved) is not
/// followed: it is `root` itself or a folder above it, reached through a link
/// (`ln -s .. up`). Following it would read the input folder again, or the
/// files beside it, which are not the exports given.
fn link_up(dir: &Path, root: &Path) -> Option<String> {
    let target = std::fs::canonicalize(dir).ok()?;
    if target == root {
        Some("a link to the input folder itself (folder already read): not followed".into())
    } else if root.starts_with(&target) {
        Some(format!("a link to {}, a folder above the input folder: not followed, as it would read files outside the input folder", display_path(&target)))
    } else {
        None
    }
}

/// Walks a folder in name order, inside the input folder `root` (resolved).
/// A folder reached again through a link is read once; a link to the input
/// folder or a folder above it is not followed; the `--out` folder and other
/// output folders are not read.
fn walk(dir: &Path, root: &Path, out: Option<&Path>, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>, seen: &mut std::collections::HashSet<PathBuf>) {
    if !seen.insert(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())) {
        skipped.push(Skipped { path: display_path(dir), reason: "folder already read (a link to a folder read before)".into() });
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            skipped.push(Skipped { path: display_path(dir), reason: format!("{FOLDER_FAILED} the folder could not be opened ({e}). Check that it can be opened, or copy its files into a folder that can, and run again") });
            return;
        }
    };
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if name.starts_with('.') {
            skipped.push(Skipped { path: display_path(&path), reason: "hidden file or folder".into() });
        } else if path.is_dir() {
            match link_up(&path, root).or_else(|| output_folder(&path, out)) {
                Some(reason) => skipped.push(Skipped { path: display_path(&path), reason }),
                None => walk(&path, root, out, files, skipped, seen),
            }
        } else if path.exists() && !path.is_file() {
            skipped.push(Skipped { path: display_path(&path), reason: NOT_REGULAR.into() });
        } else if archive::is_archive(&path) && !lock_file(&path) {
            unzip(&path, files, skipped);
        } else {
            match skip_reason(&path, false) {
                Some(reason) => skipped.push(Skipped { path: display_path(&path), reason }),
                None => files.push(path),
            }
        }
    }
}

/// The start of the reason an archive was not opened: none of its files
/// are read, so it is an error, not a file passed over.
pub const ARCHIVE_FAILED: &str = "none of the files inside it are read:";

/// The start of the reason a folder could not be listed (no permission, a
/// network share gone): none of its files are read, so it is an error, as an
/// archive that cannot be opened is.
pub const FOLDER_FAILED: &str = "none of the files in this folder are read:";

/// The files a zip archive holds, read as a folder of that name (see
/// [`archive`]); one that cannot be opened is a skipped file with why.
fn unzip(path: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    match archive::members(path, &|p| skip_reason(p, false)) {
        Ok((inside, not_read)) => {
            files.extend(inside);
            skipped.extend(not_read);
        }
        Err(why) => skipped.push(Skipped { path: display_path(path), reason: format!("{ARCHIVE_FAILED} {}: it {why}", archive::kind(path)) }),
    }
}

/// An Office lock file ("~$…"), named for the file it locks.
fn lock_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("~$"))
}

fn skip_reason(path: &Path, explicit: bool) -> Option<String> {
    if lock_file(path) {
        return Some(if DOCUMENT_EXTENSIONS.contains(&extension(path).as_str()) {
            "Word lock file (the document is open in Word)".into()
        } else {
            "Excel lock file (the workbook is open in Excel)".into()
        });
    }
    let ext = extension(path);
    // An .xml file is read when it is an Excel "XML Spreadsheet 2003" (one
    // of Excel's Save As formats); any other XML is no export.
    if ext == "xml" {
        return (!spreadsheet_xml(path)).then(|| "an XML file that is not an Excel \"XML Spreadsheet 2003\" workbook (not an export)".to_string());
    }
    let known = is_workbook(path) || TEXT_EXTENSIONS.contains(&ext.as_str());
    if let Some(what) = own_output(path, &ext) {
        return Some(format!(
            "{OUTPUT_FOLDER}: {what} an earlier run wrote, not an export (not read again: its records are counted from the exports it was made from)"
        ));
    }
    if winmail(path) {
        return Some(WINMAIL.to_string());
    }
    if !known && !explicit {
        return Some(match unread_records(&ext) {
            Some(what) => what.to_string(),
            None if matches!(ext.as_str(), "dotx" | "dotm" | "dot") => "a Word template, not a filled-in form".to_string(),
            None => format!("not a spreadsheet or text export (.{ext})"),
        });
    }
    None
}

/// Whether a file is one auditpack wrote, copied in among the exports
/// without its `metrics.json` (last cycle's packs put beside this cycle's
/// exports): a pack workbook (its author is auditpack) or a normalised
/// table (its header names the source file and row of each record).
fn own_output(path: &Path, ext: &str) -> Option<&'static str> {
    const REPORT: &str = "a report (what `validate` or `run` printed)";
    // A text file's first 4 KB, read once for both of its checks.
    let head = || {
        use std::io::Read;
        let mut head = Vec::new();
        std::fs::File::open(path).ok()?.take(4096).read_to_end(&mut head).ok()?;
        Some(head)
    };
    match ext {
        "xlsx" => workbook::zip_part(path, "docProps/core.xml", 64 * 1024)?.contains("<dc:creator>auditpack</dc:creator>").then_some("a pack"),
        "csv" => {
            let head = head()?;
            if printed_report(&head) {
                return Some(REPORT);
            }
            let first = head.split(|b| *b == b'\n').next()?;
            let names: Vec<&[u8]> = first.split(|b| *b == b',').map(|n| n.trim_ascii()).collect();
            (names.contains(&&b"source_file"[..]) && names.contains(&&b"source_row"[..])).then_some("a normalised table")
        }
        // What `validate` or `run` printed, saved into the folder
        // (`auditpack validate exports > exports/log.txt`; from Windows
        // PowerShell, UTF-16): its first line is auditpack's own summary
        // (review 264's c82, review 265's c02).
        "txt" => printed_report(&head()?).then_some(REPORT),
        _ => None,
    }
}

/// Whether a text file's first bytes open with auditpack's own summary
/// ("auditpack validate: …", "auditpack run: …"), in UTF-8 or UTF-16
/// (PowerShell's `>`).
fn printed_report(head: &[u8]) -> bool {
    let units = |le: bool| {
        head[2..].chunks_exact(2).map(|p| if le { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) }).collect::<Vec<u16>>()
    };
    let text = match head.get(..2) {
        Some([0xff, 0xfe]) => String::from_utf16_lossy(&units(true)),
        Some([0xfe, 0xff]) => String::from_utf16_lossy(&units(false)),
        _ => String::from_utf8_lossy(head).into_owned(),
    };
    let Some(first) = text.trim_start_matches('\u{feff}').lines().find(|l| !l.trim().is_empty()) else { return false };
    first.trim_start().strip_prefix("auditpack ").is_some_and(|r| r.starts_with("validate: ") || r.starts_with("run: "))
}

/// Outlook's "winmail.dat" (TNEF): the e-mail's real attachments packed
/// inside, sent to a mail program that does not read Outlook's format.
fn winmail(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case("winmail.dat"))
}

/// Why a winmail.dat is not read: a warning, as it may hold the exports.
const WINMAIL: &str = "Outlook's winmail.dat, which packs the e-mail's real attachments in Outlook's own format and which auditpack cannot read: any exports inside it are not in the figures. Ask for the e-mail to be sent again as plain attachments, or open it in Outlook and save the attachments into the folder";

/// Why a file that may well hold records cannot be read, and what to do, by
/// its extension: an old Word document, a PDF. Such a file is a warning, not
/// a note, where it is left out.
pub fn unread_records(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "doc" => "a Word 97–2003 document (.doc), which auditpack cannot read: its records are not in the figures. Open it in Word and save it as .docx",
        "rtf" => "a rich-text document (.rtf), which auditpack cannot read: its records are not in the figures. Open it in Word and save it as .docx",
        "odt" => "an OpenDocument text (.odt), which auditpack cannot read: its records are not in the figures. Save it as .docx",
        "pdf" => "a PDF, which auditpack cannot read: its records are not in the figures. Export the data as CSV or .xlsx, or keep the Word form (.docx)",
        "msg" => {
            "an Outlook message (.msg), which auditpack cannot read: the files attached to it are not in the figures. Save the attachments into the folder (or save the e-mail as .eml) and run again"
        }
        "eml" => "a saved e-mail that auditpack could not open: the files attached to it are not in the figures. Save the attachments into the folder and run again",
        "zip" => {
            "a zip archive that auditpack could not open: the exports inside it are not in the figures. Unzip it (Extract All) into the folder and run again"
        }
        "7z" => "a 7-Zip archive (.7z), which auditpack cannot open (it opens .zip): the exports inside it are not in the figures. Extract it into the folder (7-Zip: Extract Here) and run again",
        "rar" => "a RAR archive (.rar), which auditpack cannot open (it opens .zip): the exports inside it are not in the figures. Extract it into the folder and run again",
        _ => return None,
    })
}

/// An input's size in bytes (a file inside a zip archive: what it unpacks to).
pub fn input_len(path: &Path) -> Option<u64> {
    match archive::split(path) {
        Some((at, inner)) => archive::size(at, &inner),
        None => std::fs::metadata(path).ok().map(|m| m.len()),
    }
}

/// Reads `r` to its end through `sink`, 1 MB at a time.
fn stream_into(r: &mut dyn std::io::Read, sink: &mut dyn FnMut(&[u8])) -> Option<()> {
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match r.read(&mut buf) {
            Ok(0) => return Some(()),
            Ok(n) => sink(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

/// What an input's bytes hash to, read as a stream (a file inside a zip
/// archive, unpacked as it is read): two inputs with the same are identical
/// in every byte. The hash's keys are drawn at random for each run, so no
/// file can be made to look like another.
pub fn input_digest(path: &Path, keys: &[std::hash::RandomState; 2]) -> Option<(u64, u64)> {
    use std::hash::{BuildHasher, Hasher};
    let (mut a, mut b) = (keys[0].build_hasher(), keys[1].build_hasher());
    let mut sink = |bytes: &[u8]| {
        a.write(bytes);
        b.write(bytes);
    };
    match archive::split(path) {
        Some((at, inner)) => archive::stream(at, &inner, &mut sink)?,
        None => stream_into(&mut std::fs::File::open(path).ok()?, &mut sink)?,
    }
    Some((a.finish(), b.finish()))
}

/// Lower-case file extension.
pub fn extension(path: &Path) -> String {
    path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default()
}

/// A path as shown to users: forward slashes, relative as given.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Opens one file as its tables (one per non-empty worksheet, or one for a text file).
///
/// # Errors
/// The file cannot be opened or is not a spreadsheet or text export: not found,
/// password-protected, corrupt, or binary data with a text extension.
pub fn open(path: &Path) -> Result<Vec<Table>, IngestError> {
    open_with_notes(path).map(|(tables, _)| tables)
}

pub use workbook::ReadNote;

/// A file opened: its tables and what the reader left out, or why it could not be.
pub type Opened = Result<(Vec<Table>, Vec<ReadNote>), IngestError>;

/// A file read whole, as a workbook or a Word document (by its extension;
/// an .xml file is one when it is an XML Spreadsheet 2003).
pub fn is_workbook(path: &Path) -> bool {
    let ext = extension(path);
    WORKBOOK_EXTENSIONS.contains(&ext.as_str()) || DOCUMENT_EXTENSIONS.contains(&ext.as_str()) || ext == "xml"
}

/// Whether an .xml input (a file, or a file inside a zip archive) is an
/// Excel "XML Spreadsheet 2003" workbook, by its first 64 KB.
fn spreadsheet_xml(path: &Path) -> bool {
    use std::io::Read;
    let head = match archive::split(path) {
        Some((at, inner)) => archive::read(at, &inner, workbook::MAX_FILE_BYTES).ok(),
        None => {
            let mut head = Vec::new();
            std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head)).ok().map(|_| head)
        }
    };
    head.is_some_and(|h| xmlss::is_spreadsheetml(&h))
}

/// [`open`], with what the reader left out (stray cells far from the table).
///
/// # Errors
/// As [`open`].
pub fn open_with_notes(path: &Path) -> Opened {
    let ext = extension(path);
    if let Some((at, inner)) = archive::split(path) {
        // A file inside a zip archive, unpacked into memory.
        let shown = display_path(path);
        let cap = if is_workbook(path) { workbook::MAX_FILE_BYTES } else { archive::MAX_MEMBER_BYTES };
        let bytes = archive::read(at, &inner, cap).map_err(|message| IngestError::new(path, message))?;
        return if WORKBOOK_EXTENSIONS.contains(&ext.as_str()) || ext == "xml" {
            workbook::read_bytes(&shown, &ext, &bytes)
        } else if DOCUMENT_EXTENSIONS.contains(&ext.as_str()) {
            docx::read(&shown, &bytes)
        } else {
            text::read(path, bytes).map(|t| (vec![t], vec![]))
        };
    }
    if WORKBOOK_EXTENSIONS.contains(&ext.as_str()) || ext == "xml" {
        workbook::open(path, &ext)
    } else if DOCUMENT_EXTENSIONS.contains(&ext.as_str()) {
        docx::open(path)
    } else {
        text::open(path).map(|t| (vec![t], vec![]))
    }
}

/// A sheet's name and its rows.
pub type SheetRows = (Option<String>, Vec<SourceRow>);

/// Reads a whole workbook from bytes (`ext` gives its format: xlsx, xlsm, xlsb,
/// xls or ods) into rows: the entry point for fuzzing and property tests.
///
/// # Errors
/// As [`open`].
pub fn read_workbook_bytes(ext: &str, bytes: &[u8]) -> Result<Vec<SheetRows>, IngestError> {
    let (tables, _) = workbook::read_bytes("input", ext, bytes)?;
    tables.into_iter().map(|t| Ok((t.sheet.clone(), collect_rows(t)?))).collect()
}

/// Reads a whole table into memory (for small tables and tests).
pub fn collect_rows(table: Table) -> Result<Vec<SourceRow>, IngestError> {
    table.rows.collect()
}

thread_local! {
    /// Set while [`quietly`] runs: its panics are reported as errors, not printed.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic inside it (a reader library meeting a malformed
/// file it did not expect) into `Err` with the panic's first line. The panic
/// prints nothing: the caller reports it as that file's error. Panics elsewhere
/// still print as usual.
///
/// # Errors
/// `f` panicked: the panic's message.
pub fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                default(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|panic| {
        let text = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default();
        text.lines().next().unwrap_or("").trim().to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_listed_says_none_of_its_files_are_read() {
        // (A folder gone between being found and being listed fails as one
        // without permission does; the tests run as root, who may list any.)
        let gone = std::env::temp_dir().join(format!("auditpack-gone-{}", std::process::id()));
        let (mut files, mut skipped, mut seen) = (Vec::new(), Vec::new(), std::collections::HashSet::new());
        walk(&gone, &gone, None, &mut files, &mut skipped, &mut seen);
        assert!(files.is_empty());
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        assert!(skipped[0].reason.starts_with(FOLDER_FAILED), "{:?}", skipped[0]);
        assert!(skipped[0].reason.contains("could not be opened"), "{:?}", skipped[0]);
    }

    #[test]
    fn a_hidden_lock_or_mac_copy_holds_no_records() {
        let skipped = |path: &str, reason: &str| Skipped { path: path.into(), reason: reason.into() };
        assert!(skipped("in/exports.zip", "a zip archive: it cannot be opened").may_hold_records());
        assert!(skipped("in/old form.doc", "a Word 97–2003 document").may_hold_records());
        // An archive auditpack cannot open may hold the exports: a warning
        // saying to extract it, not a note.
        for packed in ["in/Case notes.7z", "in/exports.rar"] {
            assert!(skipped(packed, "").may_hold_records(), "{packed}");
            assert!(skip_reason(Path::new(packed), false).is_some_and(|r| r.contains("Extract it into the folder")), "{packed}");
        }
        assert!(skipped("in/a.zip/notes.csv", &format!("{} it unpacks to 2000 MB", archive::NOT_READ)).may_hold_records());
        for hidden in ["in/._exports.zip", "in/~$form.doc", "in/a.zip/__MACOSX/x.pdf"] {
            assert!(!skipped(hidden, "hidden file or folder").may_hold_records(), "{hidden}");
        }
    }
}
