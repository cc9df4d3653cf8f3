//! Corrections kept beside the records: a sheet of fixes to a tracker's
//! cells ("Cell | Currently says | Should say | Done?": "Audits!J6 | Meets
//! good | Does not meet good | No"; "Row | Column | Recorded as | Should be |
//! Status": "8 | Auditors' Grade | Good | Requires Improvement | Not yet
//! changed in log"), as a performance officer keeps them when an auditor's
//! return cannot be overwritten without a trail. Such a log is no table of
//! records. Each of its corrections not yet made, and not refused, is made
//! in the workbook's own sheets before they are read, where the cell still
//! holds what the log says it was; a row the log says to delete is set
//! aside. A correction it cannot place (another file's row, a record named
//! only by its id) is said, loudly: the figure it would change is as the
//! export has it.

use super::findings::{Findings, Severity};
use super::fold::fold;
use crate::ingest::{Cell, SourceRow, Table};
use std::collections::{BTreeMap, BTreeSet};

/// Why a corrections log's rows are not records.
pub const LOG: &str = "a log of corrections to other records (not records)";

/// Why a row a corrections log says to delete is not used.
pub const DELETED: &str = "deleted by a corrections log";

/// Marks a row to delete, as its last cell (see [`deleted`]).
const DELETE_MARK: &str = "\u{1}deleted by the corrections log";

/// The columns of a corrections log's header.
#[derive(Debug, Clone)]
struct Columns {
    should: usize,
    /// The "should be" column asks for a change ("Should be", "Correct
    /// value"); else it may record one made ("New value", "To").
    asks: bool,
    /// The status column asks whether the change was agreed ("Agreed by
    /// HoS?"): yes there is agreed, to make.
    agreement: bool,
    /// Columns naming the record ("Child ID", "Form ID"; not the log's own
    /// reference, "DCR ref"), with their folded names.
    ids: Vec<(usize, String)>,
    was: Option<usize>,
    cell: Option<usize>,
    row: Option<usize>,
    column: Option<usize>,
    status: Option<usize>,
}

fn columns(header: &[Cell]) -> Option<Columns> {
    let names: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    let find = |words: &[&str]| names.iter().position(|n| words.contains(&n.as_str()));
    let column = find(&["column", "field", "column name", "field name", "field amended", "field changed", "field to change", "data item", "item amended"]);
    // (Beside a field's name, "From | To" are its old and new values.)
    let to = column.and_then(|_| find(&["to", "new", "amended value", "changed to value"]));
    let should = to.or_else(|| {
        find(&[
            "should be",
            "should say",
            "should read",
            "should have been",
            "correct value",
            "corrected value",
            "correct entry",
            "corrected to",
            "change to",
            "changed to",
            "amend to",
            "amended to",
            "new value",
        ])
    })?;
    let was = find(&["recorded as", "currently says", "current value", "was", "old value", "entered as", "originally", "value recorded", "says"])
        .or_else(|| to.and_then(|_| find(&["from", "old"])))
        .or_else(|| names.iter().position(|n| n.starts_with("value on ") || n.starts_with("value in ")));
    const ASKS: [&str; 9] =
        ["should be", "should say", "should read", "should have been", "correct value", "corrected value", "correct entry", "change to", "amend to"];
    let ids = (0..names.len()).filter(|&i| Some(i) != column && i != should).filter(|&i| id_name(&names[i])).map(|i| (i, names[i].clone())).collect();
    let cols = Columns {
        should,
        asks: ASKS.contains(&names[should].as_str()),
        agreement: false,
        ids,
        was,
        cell: find(&["cell", "cell reference", "cell ref", "location"]),
        row: find(&["row", "row number", "row no", "excel row", "line"]),
        column,
        status: find(&["status", "done", "changed", "applied", "outcome", "decision", "made", "agreed by"])
            .or_else(|| names.iter().position(|n| ["agreed", "approved", "authorised", "authorized"].iter().any(|w| super::fold::starts_with_words(n, w)))),
    };
    let mut cols = cols;
    cols.agreement =
        cols.status.is_some_and(|i| ["agreed", "approved", "authorised", "authorized"].iter().any(|w| super::fold::starts_with_words(&names[i], w)));
    // (A log says where each correction is: a cell, a row, or a field of a
    // record named by its id.)
    (cols.cell.is_some() || cols.row.is_some() || cols.column.is_some()).then_some(cols)
}

/// Whether a column's name names a record's id ("Child ID", "Person ID",
/// "Form ID", "Case ref"), not a log's own reference ("DCR ref", "Request
/// ID").
fn id_name(n: &str) -> bool {
    let words: Vec<&str> = n.split(' ').collect();
    words.iter().any(|w| matches!(*w, "id" | "ref" | "reference" | "number" | "no"))
        && !words.iter().any(|w| matches!(*w, "dcr" | "request" | "requests" | "log" | "ticket" | "change" | "amendment" | "correction" | "row" | "line"))
}

/// Whether two id columns name the same thing: the same name, or two names
/// of a child's id ("Person ID", "Child ID", "Client ID", "Case ID").
fn same_id(a: &str, b: &str) -> bool {
    let child = |n: &str| n.split(' ').any(|w| matches!(w, "child" | "childs" | "person" | "client" | "case" | "yp" | "pupil")) && id_name(n);
    a == b || (child(a) && child(b))
}

/// Whether a header row is a corrections log's.
pub fn is_log(header: &[Cell]) -> bool {
    columns(header).is_some()
}

/// Whether a row was marked deleted by a corrections log.
pub fn deleted(row: &SourceRow) -> bool {
    matches!(row.cells.last(), Some(Cell::Text(t)) if t == DELETE_MARK)
}

/// Where a correction is.
#[derive(Debug, Clone, PartialEq)]
enum Place {
    /// A cell: its sheet (if named), row and column.
    Cell(Option<String>, u32, usize),
    /// A row and a column named by its header: its sheet (if named).
    Named(Option<String>, u32, String),
    /// A whole row.
    Row(Option<String>, u32),
    /// Somewhere this workbook cannot say: another file's row, a record's id.
    Elsewhere(String),
}

/// "J6", "Audits!J6", "'Audit Log'!B14": the sheet, row and column.
fn cell_ref(t: &str) -> Option<(Option<String>, u32, usize)> {
    let t = t.trim();
    let (sheet, at) = match t.rsplit_once('!') {
        Some((s, a)) => (Some(s.trim().trim_matches('\'').to_string()), a.trim()),
        None => (None, t),
    };
    let letters: String = at.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits = &at[letters.len()..];
    if letters.is_empty() || letters.len() > 3 || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let col = letters.to_ascii_uppercase().bytes().fold(0usize, |n, b| n * 26 + (b - b'A' + 1) as usize) - 1;
    Some((sheet, digits.parse().ok()?, col))
}

/// "14", 14.0, "Audits row 14": the sheet named (if any) and the row; a row
/// of another file ("Actions file row 7") is none.
fn row_ref(c: &Cell) -> Option<(Option<String>, u32)> {
    if let Cell::Number(n) = c {
        return (n.fract() == 0.0 && *n >= 1.0).then_some((None, *n as u32));
    }
    let t = c.as_string();
    let f = fold(&t);
    let words: Vec<&str> = f.split(' ').collect();
    let at = words.iter().position(|w| *w == "row");
    let number = |w: &str| w.parse::<u32>().ok().filter(|n| *n >= 1);
    match at {
        None => words.as_slice().first().filter(|_| words.len() == 1).and_then(|w| number(w)).map(|n| (None, n)),
        Some(i) => {
            let n = words.get(i + 1).and_then(|w| number(w))?;
            if words[..i].contains(&"file") {
                return None;
            }
            let sheet = t.trim()[..t.to_lowercase().find(" row").unwrap_or(0)].trim().to_string();
            Some(((!sheet.is_empty()).then_some(sheet), n))
        }
    }
}

/// One correction of a log.
#[derive(Debug, Clone)]
struct Correction {
    /// The log's row.
    row: u32,
    /// The record's ids the log gives beside the place (name, value).
    ids: Vec<(String, String)>,
    place: Place,
    was: Option<String>,
    should: String,
}

/// What a status says of a correction: to be made, made already, or refused.
#[derive(Debug, PartialEq)]
enum Said {
    ToMake,
    Made,
    Refused,
}

fn status(t: &str) -> Said {
    let f = fold(t);
    let starts = |w: &str| super::fold::starts_with_words(&f, w);
    if ["not agreed", "rejected", "refused", "declined", "withdrawn", "not approved", "disagreed"].iter().any(|w| super::fold::contains_phrase(&f, w)) {
        Said::Refused
    } else if ["changed", "done", "yes", "y", "made", "applied", "completed", "corrected", "amended", "updated", "actioned"].iter().any(|w| starts(w)) {
        Said::Made
    } else {
        Said::ToMake
    }
}

/// Whether a "should be" says to delete the row ("Delete – row 5 entered
/// twice", "Delete row – audit abandoned").
fn says_delete(t: &str) -> bool {
    let f = fold(t);
    ["delete", "deleted", "remove", "removed", "ignore", "strike out", "disregard", "void", "voided"].iter().any(|w| super::fold::starts_with_words(&f, w))
}

/// Whether a log's column says the whole row or record ("(whole row)",
/// "(whole form)").
fn whole(t: &str) -> bool {
    let f = fold(t);
    ["whole row", "whole form", "whole record", "whole audit", "entire row"].iter().any(|w| super::fold::contains_phrase(&f, w))
}

/// The cell a "should be" gives: "(blank)", "blank" or "none" empties it.
fn new_cell(should: &str) -> Cell {
    match fold(should).as_str() {
        "blank" | "empty" | "none" | "nothing" => Cell::Empty,
        _ => Cell::text(should),
    }
}

/// The corrections of a log (`rows`, its header first among them), with the
/// findings on those refused or made already.
fn read_log(rows: &[SourceRow], h: usize, cols: &Columns, file: &str, sheet: Option<&str>, found: &mut Findings) -> Vec<Correction> {
    let text = |r: &SourceRow, i: Option<usize>| i.and_then(|i| r.cells.get(i)).map(|c| c.as_string().trim().to_string()).filter(|s| !s.is_empty());
    let mut out = Vec::new();
    for r in rows[h + 1..].iter().filter(|r| !r.is_blank()) {
        // (A whole row's new value left blank: the row is gone.)
        let Some(should) = text(r, Some(cols.should)).or_else(|| text(r, cols.column).filter(|c| whole(c)).map(|_| "(deleted)".to_string())) else {
            continue;
        };
        // (Under "Agreed by HoS?", yes or a name is agreed: to make.)
        let said = |s: &str| match status(s) {
            Said::Made if cols.agreement => Said::ToMake,
            Said::ToMake if cols.agreement && matches!(fold(s).as_str(), "no" | "n" | "not yet" | "pending") => Said::Refused,
            other => other,
        };
        match text(r, cols.status).map(|s| (said(&s), s)) {
            Some((Said::Refused, s)) => {
                found.push(
                    Severity::Info,
                    "correction_refused",
                    file,
                    sheet,
                    Some(r.row),
                    None,
                    s,
                    format!("'{should}': the log says it was not agreed: not made"),
                );
                continue;
            }
            Some((Said::Made, s)) => {
                found.push(
                    Severity::Info,
                    "correction_made_already",
                    file,
                    sheet,
                    Some(r.row),
                    None,
                    s,
                    format!("'{should}': the log says the records have it already"),
                );
                continue;
            }
            _ => {}
        }
        let column = text(r, cols.column).filter(|c| !whole(c));
        let cell = cols.cell.and_then(|i| r.cells.get(i));
        let row = cols.row.and_then(|i| r.cells.get(i));
        let place = if let Some((sheet, n, c)) = cell.and_then(|c| cell_ref(&c.as_string())) {
            Place::Cell(sheet, n, c)
        } else if let Some((sheet, n)) = cell.and_then(row_ref).or_else(|| row.and_then(row_ref)) {
            match column {
                Some(c) => Place::Named(sheet, n, c),
                None => Place::Row(sheet, n),
            }
        } else {
            // (A record named by its ids, "7702 | C230502", in the cells before the field's.)
            let ids = match (cell, row) {
                (None, None) => r.cells.iter().take(cols.column.unwrap_or(0).min(3)).map(Cell::as_string).filter(|s| !s.trim().is_empty()).collect::<Vec<_>>(),
                _ => [cell, row].into_iter().flatten().map(Cell::as_string).filter(|s| !s.trim().is_empty()).collect(),
            };
            Place::Elsewhere(ids.join(" "))
        };
        let ids = cols.ids.iter().filter_map(|(i, n)| text(r, Some(*i)).map(|v| (n.clone(), v))).collect();
        out.push(Correction { row: r.row, ids, place, was: text(r, cols.was), should });
    }
    out
}

/// Whether a cell holds what a log says it was: the same text (folded), the
/// same number, or the same date.
fn holds(c: &Cell, was: &str) -> bool {
    if fold(&c.as_string()) == fold(was) {
        return true;
    }
    match (c.as_date(), Cell::text(was).as_date()) {
        (Some(a), Some(b)) => a == b,
        _ => matches!((c, was.trim().parse::<f64>()), (Cell::Number(n), Ok(w)) if (*n - w).abs() < 1e-9),
    }
}

/// A table's new cells: row → its columns' new cells.
type Cells = BTreeMap<u32, Vec<(usize, Cell)>>;

/// Whether a log records changes made, not ones to make: named for a
/// history ("Version history", "Change log", "Audit trail"), or giving each
/// change's new value with no status to say it is still to be made ("Old
/// value | New value").
fn is_history(sheet: Option<&str>, cols: &Columns) -> bool {
    sheet.is_some_and(names_history) || (!cols.asks && cols.status.is_none())
}

/// Whether a sheet's or file's name says it is a history of changes.
fn names_history(name: &str) -> bool {
    let f = fold(name);
    ["history", "version", "versions", "audit trail", "change log", "changes", "changelog"].iter().any(|w| super::fold::contains_phrase(&f, w))
}

fn history(file: &str, sheet: Option<&str>, found: &mut Findings) {
    let why = "a history of changes made to the records (no status says any is still to be made): its rows are not records, and nothing in it is made again";
    found.push(Severity::Info, "change_history", file, sheet, None, None, "", why);
}

/// Makes the corrections of the workbook's logs in its other sheets (see the
/// module's note), with a finding for each made or not. The logs' own sheets
/// are left for the reader, which sets them aside ([`LOG`]).
pub fn apply(tables: &mut [Table], file: &str, found: &mut Findings) {
    let mut logs: Vec<(Option<String>, Vec<Correction>)> = Vec::new();
    for t in tables.iter_mut() {
        let head = super::gradekey::head_n(t, 6);
        let Some((h, cols)) = head.iter().enumerate().find_map(|(i, r)| columns(&r.cells).map(|c| (i, c))) else { continue };
        // (A log naming records by their ids is read by [`read_keyed`].)
        if cols.cell.is_none() && cols.row.is_none() {
            continue;
        }
        if is_history(t.sheet.as_deref(), &cols) {
            history(file, t.sheet.as_deref(), found);
            continue;
        }
        let rows = super::gradekey::head_n(t, 5_000);
        logs.push((t.sheet.clone(), read_log(&rows, h, &cols, file, t.sheet.as_deref(), found)));
    }
    if logs.is_empty() {
        return;
    }
    // Each target sheet's edits: row → (column, new cell); rows to delete.
    let mut edits: Vec<(Cells, BTreeSet<u32>)> = vec![Default::default(); tables.len()];
    let mut heads: Vec<Option<Vec<SourceRow>>> = vec![None; tables.len()];
    for (log_sheet, corrections) in &logs {
        for c in corrections {
            let say = |found: &mut Findings, why: String| {
                found.push(Severity::Warning, "correction_not_made", file, log_sheet.as_deref(), Some(c.row), None, c.should.clone(), why);
            };
            let made = |found: &mut Findings, why: String| {
                found.push(Severity::Info, "correction_made", file, log_sheet.as_deref(), Some(c.row), None, c.should.clone(), why);
            };
            let (sheet, row) = match &c.place {
                Place::Cell(s, r, _) | Place::Named(s, r, _) | Place::Row(s, r) => (s.clone(), *r),
                Place::Elsewhere(at) => {
                    let at = if at.is_empty() { "no cell or row".to_string() } else { format!("'{at}'") };
                    say(found, format!("a correction for {at}, not a cell or row of this workbook: not made; the figure it changes is as the export has it"));
                    continue;
                }
            };
            // The sheet it names, else the one other sheet (with the column
            // it names in its header, where it names one).
            let others: Vec<usize> = (0..tables.len()).filter(|&i| !logs.iter().any(|(s, _)| *s == tables[i].sheet)).collect();
            let named = |i: &usize| sheet.as_ref().is_none_or(|s| tables[*i].sheet.as_deref().is_some_and(|t| fold(t) == fold(s)));
            let candidates: Vec<usize> = others.into_iter().filter(named).collect();
            let mut fits = Vec::new();
            for i in candidates {
                let rows = heads[i].get_or_insert_with(|| super::gradekey::head_n(&mut tables[i], 100_000));
                // (The header: the row naming the column, else the first row of
                // two texts or more.)
                let header_row = rows.iter().take(20).find(|r| r.cells.iter().filter(|c| matches!(c, Cell::Text(_))).count() >= 2).map(|r| r.row);
                let col = match &c.place {
                    Place::Cell(_, _, col) => Some((*col, header_row)),
                    Place::Named(_, _, name) => {
                        // (The header as named, or starting with the name:
                        // "Auditors' Grade" for "Auditors' Grade: Outstanding/Good/…".)
                        let want = fold(name);
                        let starts = |h: &str| h == want || h.strip_prefix(want.as_str()).is_some_and(|r| r.starts_with(' '));
                        rows.iter().take(20).find_map(|r| {
                            let at: Vec<usize> = (0..r.cells.len()).filter(|&i| starts(&fold(&r.cells[i].as_string()))).collect();
                            let exact = at.iter().copied().find(|&i| fold(&r.cells[i].as_string()) == want);
                            exact.or(if at.len() == 1 { Some(at[0]) } else { None }).map(|i| (i, Some(r.row)))
                        })
                    }
                    _ => None,
                };
                if matches!(c.place, Place::Named(..)) && col.is_none() {
                    continue;
                }
                let header = col.and_then(|(_, h)| h).or(header_row);
                fits.push((i, col.map(|(c, _)| c), header));
            }
            // (Where the log names the record's ids, a sheet whose header has
            // those ids' columns: not a sheet of instructions or lists beside
            // the records, which has a row of that number too.)
            if !c.ids.is_empty() && fits.len() > 1 {
                let names_ids = |&(i, _, header): &(usize, Option<usize>, Option<u32>)| {
                    let cells = header.and_then(|h| heads[i].as_deref().unwrap_or_default().iter().find(|r| r.row == h)).map(|r| &r.cells);
                    cells.is_some_and(|cells| c.ids.iter().all(|(n, _)| cells.iter().any(|h| same_id(&fold(&h.as_string()), n))))
                };
                if fits.iter().any(names_ids) {
                    fits.retain(names_ids);
                }
            }
            let [(i, col, header)] = fits[..] else {
                say(
                    found,
                    format!(
                        "no one sheet of this workbook has the row it names{}: not made; the figure it changes is as the export has it",
                        if fits.is_empty() { "" } else { " (several could)" }
                    ),
                );
                continue;
            };
            let rows = heads[i].as_deref().unwrap_or_default();
            // (Where the log names the record too, "Child ID | C1003", the
            // row is that record's: the row given, else the one row that
            // holds those ids, a log's "Row" being its own line number.)
            let header_cells = header
                .and_then(|h| rows.iter().find(|r| r.row == h))
                .map(|r| r.cells.iter().map(|c| fold(&c.as_string())).collect::<Vec<_>>())
                .unwrap_or_default();
            let id_at: Vec<(usize, &String)> = c.ids.iter().filter_map(|(n, v)| header_cells.iter().position(|h| same_id(h, n)).map(|at| (at, v))).collect();
            let holds_ids = |r: &SourceRow| id_at.iter().all(|(at, v)| r.cells.get(*at).is_some_and(|cell| fold(&cell.as_string()) == fold(v)));
            let below = |r: &&SourceRow| header.is_none_or(|h| r.row > h);
            let row = match rows.iter().find(|r| r.row == row) {
                Some(r) if id_at.is_empty() || holds_ids(r) => row,
                _ if !id_at.is_empty() => match rows.iter().filter(below).filter(|r| holds_ids(r)).collect::<Vec<_>>()[..] {
                    [one] => one.row,
                    _ => {
                        let ids: Vec<&str> = c.ids.iter().map(|(_, v)| v.as_str()).collect();
                        say(found, format!("row {row} is not the record the log names ({}), and no one other row is: not made", ids.join(" / ")));
                        continue;
                    }
                },
                _ => {
                    say(found, format!("row {row} is not in the sheet: not made"));
                    continue;
                }
            };
            let Some(target) = rows.iter().find(|r| r.row == row) else { continue };
            let where_ = format!("{}row {row}", tables[i].sheet.as_ref().map(|s| format!("sheet '{s}' ")).unwrap_or_default());
            // (Not the header, nor a title above it.)
            if header.is_some_and(|h| row <= h) {
                say(found, format!("{where_} is the sheet's header or above it, not a record: not made"));
                continue;
            }
            if says_delete(&c.should) && matches!(c.place, Place::Row(..)) {
                edits[i].1.insert(row);
                made(found, format!("{where_}: set aside, as the corrections log says"));
                continue;
            }
            let Some(col) = col else {
                say(found, format!("{where_}: the log names no column to change: not made"));
                continue;
            };
            // (After any correction of the cell the log made before: each in
            // its turn.)
            let current = edits[i]
                .0
                .get(&row)
                .and_then(|cs| cs.iter().rev().find(|(at, _)| *at == col))
                .map(|(_, c)| c.clone())
                .unwrap_or_else(|| target.cells.get(col).cloned().unwrap_or(Cell::Empty));
            if let Some(was) = &c.was {
                if !holds(&current, was) {
                    say(found, format!("{where_}: the cell holds '{}', not '{was}' as the log says: not made", current.as_string()));
                    continue;
                }
            }
            // ("Delete" for one cell empties it.)
            let new = if says_delete(&c.should) { Cell::Empty } else { new_cell(&c.should) };
            edits[i].0.entry(row).or_default().push((col, new));
            made(found, format!("{where_}: '{}' read as '{}', as the corrections log says", current.as_string(), c.should));
        }
    }
    for (t, (cells, delete)) in tables.iter_mut().zip(edits) {
        edit(t, cells, delete);
    }
}

/// Changes a table's cells (row → its columns' new cells) and marks the rows
/// to delete, as its rows are read.
fn edit(t: &mut Table, cells: Cells, delete: BTreeSet<u32>) {
    if cells.is_empty() && delete.is_empty() {
        return;
    }
    let rows = std::mem::replace(&mut t.rows, Box::new(std::iter::empty()));
    t.rows = Box::new(rows.map(move |r| {
        r.map(|mut r| {
            for (col, cell) in cells.get(&r.row).into_iter().flatten() {
                if r.cells.len() <= *col {
                    r.cells.resize(*col + 1, Cell::Empty);
                }
                r.cells[*col] = cell.clone();
            }
            if delete.contains(&r.row) {
                r.cells.push(Cell::text(DELETE_MARK));
            }
            r
        })
    }));
}

/// A correction of a log kept as a file of its own, naming its record by
/// ids ("Form ID | Person ID | Field amended | From | To": "7702 | C230502 |
/// Overall Judgement | Requires Improvement | Inadequate").
#[derive(Debug, Clone)]
pub struct Keyed {
    /// The log's file and row.
    file: String,
    row: u32,
    /// Each id's column name (folded) and value.
    ids: Vec<(String, String)>,
    /// The field it changes (folded); none for the whole record.
    field: Option<String>,
    was: Option<String>,
    should: String,
    /// Whether it was made.
    made: bool,
    /// Words of the log's name that say what it corrects ("audit" of "Audit
    /// corrections"): a field other than an id is made only in a file or
    /// sheet whose name has one, where the folder has such a file.
    pub prefer: Vec<String>,
}

/// The words of a name that say what it holds, each's first five letters
/// ("audit" for "Audits", "LCS case file audits"): not the words of a log.
pub fn name_words(name: &str) -> Vec<String> {
    fold(name)
        .split(' ')
        .filter(|w| w.len() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| {
            !matches!(
                *w,
                "corrections"
                    | "correction"
                    | "amendments"
                    | "amendment"
                    | "requests"
                    | "request"
                    | "data"
                    | "report"
                    | "fixes"
                    | "changes"
                    | "with"
                    | "from"
                    | "log"
            )
        })
        .map(|w| w.chars().take(5).collect())
        .collect()
}

impl Keyed {
    /// The log's file.
    pub fn file(&self) -> &str {
        &self.file
    }
}

/// Whether a file's name says it is a log of corrections ("Audit report
/// amendments log.xlsx", "Data correction requests (DCR log).xlsx").
pub fn names_a_log(stem: &str) -> bool {
    let f = fold(stem);
    f.split(' ').any(|w| matches!(w, "amendment" | "amendments" | "correction" | "corrections" | "dcr" | "fixes" | "errata"))
        || super::fold::contains_phrase(&f, "change log")
        || super::fold::contains_phrase(&f, "changes log")
}

/// The keyed corrections of a log file (`t`), with findings on those refused
/// or made already. None where it is no keyed log.
pub fn read_keyed(t: &mut Table, file: &str, found: &mut Findings) -> Vec<Keyed> {
    let head = super::gradekey::head_n(t, 6);
    let Some((h, cols)) = head.iter().enumerate().find_map(|(i, r)| columns(&r.cells).map(|c| (i, c))) else { return Vec::new() };
    let Some(field_at) = cols.column.filter(|_| cols.cell.is_none() && cols.row.is_none()) else { return Vec::new() };
    // (A log of its own is named for corrections; it is a history only when
    // its sheet or file is named for one: a record whose cell no longer holds
    // the old value is not changed either way.)
    let stem = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    if [t.sheet.as_deref(), Some(stem.as_str())].into_iter().flatten().any(names_history) {
        history(file, t.sheet.as_deref(), found);
        return Vec::new();
    }
    let rows = super::gradekey::head_n(t, 5_000);
    let header = &rows[h].cells;
    // (The ids are among the first three columns before the field's: "Form
    // ID", "Person ID"; counted from the first named one, where the log is set
    // in from column A.)
    let first = header.iter().position(|c| !c.is_empty()).unwrap_or(0);
    // (Not the id of whoever made the change: "User ID", "Staff ID".)
    let staff = |n: &str| n.split(' ').any(|w| matches!(w, "user" | "staff" | "employee" | "login" | "editor" | "changed" | "amended" | "officer" | "by"));
    let mut id_cols: Vec<(usize, String)> =
        (first..field_at.min(first + 3)).map(|i| (i, fold(&header[i].as_string()))).filter(|(_, n)| id_name(n) && !staff(n)).collect();
    // (Else, in a log whose columns stand in another order, "From | Field
    // amended | Person ID | Form ID | …", its columns naming a record's id
    // wherever they stand: a child's, a form's, an audit's.)
    if id_cols.is_empty() {
        let record =
            |n: &str| n.split(' ').any(|w| matches!(w, "child" | "childs" | "person" | "client" | "case" | "yp" | "pupil" | "form" | "audit" | "record"));
        id_cols = cols.ids.iter().filter(|(_, n)| record(n)).cloned().collect();
    }
    if id_cols.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in read_log(&rows, h, &cols, file, t.sheet.as_deref(), found) {
        let Some(r) = rows.iter().find(|r| r.row == c.row) else { continue };
        let ids: Vec<(String, String)> = id_cols
            .iter()
            .map(|(i, n)| (n.clone(), r.cells.get(*i).map(|c| c.as_string().trim().to_string()).unwrap_or_default()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let field = r.cells.get(field_at).map(|c| c.as_string()).filter(|f| !whole(f) && !f.trim().is_empty()).map(|f| fold(&f));
        out.push(Keyed { file: file.to_string(), row: c.row, ids, field, was: c.was, should: c.should, made: false, prefer: name_words(&stem) });
    }
    out
}

/// Makes the keyed corrections whose record is a row of one of `tables`:
/// the row whose id columns hold the log's ids, its field's column where the
/// cell holds what the log says it was; a whole record the log says to
/// delete is set aside.
pub fn apply_keyed(tables: &mut [Table], keyed: &mut [Keyed], found: &mut Findings) {
    if keyed.is_empty() {
        return;
    }
    for t in tables.iter_mut() {
        let head = super::gradekey::head_n(t, 20);
        // (Not a log itself, whose rows name the same ids.)
        if head.iter().take(6).any(|r| is_log(&r.cells)) {
            continue;
        }
        let names = |r: &SourceRow| r.cells.iter().map(|c| fold(&c.as_string())).collect::<Vec<_>>();
        let Some(header) = head.iter().find(|r| keyed.iter().any(|k| k.ids.iter().any(|(n, _)| names(r).iter().any(|h| same_id(h, n))))) else { continue };
        let header_row = header.row;
        let header = names(header);
        // (A table read whole for its ids: not one of millions of rows.)
        let rows = super::gradekey::head_n(t, 20_001);
        if rows.len() > 20_000 {
            continue;
        }
        let mut cells: Cells = BTreeMap::new();
        let mut delete = BTreeSet::new();
        // (Every table the record is in: a child's id corrected in the
        // audits and in its actions alike.)
        for k in keyed.iter_mut() {
            // (A field other than an id is one record's: made once.)
            let of_id = k.field.as_ref().is_some_and(|f| k.ids.iter().any(|(n, _)| same_id(n, f)));
            if k.made && !of_id {
                continue;
            }
            let named = format!(
                "{} {}",
                std::path::Path::new(&t.file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default(),
                t.sheet.as_deref().unwrap_or("")
            );
            if !of_id && !k.prefer.is_empty() && !name_words(&named).iter().any(|w| k.prefer.contains(w)) {
                continue;
            }
            let at: Vec<(usize, &String)> = k.ids.iter().filter_map(|(n, v)| header.iter().position(|h| same_id(h, n)).map(|i| (i, v))).collect();
            if at.is_empty() {
                continue;
            }
            let same = |c: Option<&Cell>, v: &str| c.is_some_and(|c| fold(&c.as_string()) == fold(v));
            let matching: Vec<&SourceRow> = rows.iter().filter(|r| r.row > header_row && at.iter().all(|(i, v)| same(r.cells.get(*i), v))).collect();
            let [target] = matching[..] else { continue };
            let field_col = match &k.field {
                None => None,
                Some(f) => match header.iter().position(|h| h == f || same_id(h, f)) {
                    Some(i) => Some(i),
                    None => continue,
                },
            };
            let shown = format!("{}row {}", t.sheet.as_ref().map(|s| format!("sheet '{s}' ")).unwrap_or_default(), target.row);
            match field_col {
                None if says_delete(&k.should) => {
                    delete.insert(target.row);
                    found.push(
                        Severity::Info,
                        "correction_made",
                        &t.file,
                        t.sheet.as_deref(),
                        Some(target.row),
                        None,
                        k.should.clone(),
                        format!("{shown}: set aside, as the corrections log '{}' (row {}) says", k.file, k.row),
                    );
                }
                None => continue,
                Some(col) => {
                    let current = target.cells.get(col).cloned().unwrap_or(Cell::Empty);
                    if k.was.as_ref().is_some_and(|was| !holds(&current, was)) {
                        continue;
                    }
                    cells.entry(target.row).or_default().push((col, new_cell(&k.should)));
                    let why = format!("{shown}: '{}' read as '{}', as the corrections log '{}' (row {}) says", current.as_string(), k.should, k.file, k.row);
                    found.push(Severity::Info, "correction_made", &t.file, t.sheet.as_deref(), Some(target.row), k.field.as_deref(), k.should.clone(), why);
                }
            }
            k.made = true;
        }
        edit(t, cells, delete);
    }
}

/// The keyed corrections no table took: each said, loudly.
pub fn not_made(keyed: &[Keyed], found: &mut Findings) {
    for k in keyed.iter().filter(|k| !k.made) {
        let ids: Vec<&str> = k.ids.iter().map(|(_, v)| v.as_str()).collect();
        let what = k.field.as_deref().map(|f| format!("its '{f}'")).unwrap_or_else(|| "the whole record".into());
        let why = format!("a correction of {what} for the record {}: no one record read has those ids and that value, so it was not made; the figure it changes is as the export has it", ids.join(" / "));
        found.push(Severity::Warning, "correction_not_made", &k.file, None, Some(k.row), None, k.should.clone(), why);
    }
}

/// The old value of a cell holding a correction ([`in_cell`]): the words
/// before the dash.
pub fn old_value(t: &str) -> String {
    const SAY: [&str; 7] = ["should read", "should be", "should say", "amended to", "corrected to", "changed to", "updated to"];
    let lower = t.to_lowercase();
    let at = SAY.iter().filter_map(|p| lower.find(&format!(" {p} "))).min().unwrap_or(t.len());
    t[..at].trim_end().trim_end_matches(['–', '—', '-', ',', ';', ':']).trim().to_string()
}

/// A correction written in the cell itself, the old value kept in view: "29/08/2026 –
/// should read 29/09/2026", "Requires Improvement – amended to Good 14/10/2026
/// (auditor email)", "C150420 – should be C150402 (digits transposed)". The
/// value it should be, without the date or reason after it.
pub fn in_cell(t: &str) -> Option<String> {
    const SAY: [&str; 7] = ["should read", "should be", "should say", "amended to", "corrected to", "changed to", "updated to"];
    let lower = t.to_lowercase();
    let (at, phrase) = SAY.iter().filter_map(|p| lower.find(&format!(" {p} ")).map(|i| (i, *p))).min()?;
    // (After the old value and a dash or comma: "X – should read Y"; not an
    // answer with what became of it, "No, changed to Meets good".)
    let before = t[..at].trim_end();
    let old = before.trim_end_matches(['–', '—', '-', ',', ';', ':']).trim();
    if !before.ends_with(['–', '—', '-', ',', ';', ':']) || old.is_empty() {
        return None;
    }
    if matches!(super::scales::answer(&Cell::text(old)), Some(super::model::Answer::Yes | super::model::Answer::No)) {
        return None;
    }
    let mut after = t[at + phrase.len() + 2..].trim();
    for stop in [" (", " after ", " following ", " on ", " at ", " by ", " when ", " per ", " as per ", " – ", " - ", ", ", "; "] {
        if let Some(i) = after.find(stop) {
            after = &after[..i];
        }
    }
    // (A date after a value that is not itself a date: "Good 14/10/2026".)
    let words: Vec<&str> = after.split_whitespace().collect();
    if words.len() >= 2 && Cell::text(words[words.len() - 1]).as_date().is_some() {
        after = after[..after.rfind(' ').unwrap_or(after.len())].trim();
    }
    let after = after.trim().trim_end_matches('.');
    (!after.is_empty() && after.split_whitespace().count() <= 6).then(|| after.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_in_the_cell_gives_the_value_it_should_be() {
        assert_eq!(in_cell("29/08/2026 – should read 29/09/2026").as_deref(), Some("29/09/2026"));
        assert_eq!(in_cell("Requires Improvement – amended to Good 14/10/2026 (auditor email)").as_deref(), Some("Good"));
        assert_eq!(in_cell("Good – amended to Requires Improvement after moderation 27/10/2026").as_deref(), Some("Requires Improvement"));
        assert_eq!(in_cell("C150420 – should be C150402 (digits transposed)").as_deref(), Some("C150402"));
        assert_eq!(in_cell("06/11/2026 – should be 06/10/2026").as_deref(), Some("06/10/2026"));
        // Prose that says what should be, with no old value before it.
        assert_eq!(in_cell("The plan should be reviewed monthly"), None);
        assert_eq!(in_cell("Auditor confirmed the judgement should be Requires Improvement"), None);
        // An answer and what became of it: no correction of the answer.
        assert_eq!(in_cell("No, changed to Meets good"), None);
    }

    #[test]
    fn a_logs_cells_and_rows_are_read() {
        assert_eq!(cell_ref("Audits!J6"), Some((Some("Audits".into()), 6, 9)));
        assert_eq!(cell_ref("'Audit Log'!AB14"), Some((Some("Audit Log".into()), 14, 27)));
        assert_eq!(cell_ref("Audits row 14"), None);
        assert_eq!(row_ref(&Cell::text("Audits row 14")), Some((Some("Audits".into()), 14)));
        assert_eq!(row_ref(&Cell::Number(8.0)), Some((None, 8)));
        assert_eq!(row_ref(&Cell::text("Actions file row 7")), None);
        assert_eq!(status("Not yet changed in log"), Said::ToMake);
        assert_eq!(status("Agreed – awaiting systems team"), Said::ToMake);
        assert_eq!(status("Not agreed"), Said::Refused);
        assert_eq!(status("Changed"), Said::Made);
        assert_eq!(status("No"), Said::ToMake);
    }
}
