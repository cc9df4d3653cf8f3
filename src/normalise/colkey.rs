//! A key of column names: the sheet or file a council's analyst adds to an
//! export whose headers are shorthand ("Cmpl Dt", "OJ", "oa_jdgmt"), saying
//! what each column holds ("Abbrev | Meaning", "Column | Description", a data
//! dictionary's "Table | Column | Description"). A header the key explains is
//! read as its meaning, so "Cmpl Dt" is recognised as "Date of the Audit (date
//! the learning audit was completed)" would be; the key itself is not records.

use super::findings::{Findings, Severity};
use super::fold::fold;
use crate::ingest::{Cell, SourceRow, Table};

/// Headers of the column naming the columns.
const NAME: &[&str] = &[
    "abbrev",
    "abbreviation",
    "abbreviations",
    "abbr",
    "column",
    "column name",
    "column heading",
    "column header",
    "field",
    "field name",
    "header",
    "heading",
    "short name",
    "shorthand",
    "variable",
    "variable name",
];

/// Headers of the column saying what each holds.
const MEANING: &[&str] =
    &["meaning", "description", "definition", "explanation", "means", "what it means", "full name", "long name", "full heading", "full title"];

/// Headers of a column saying which table a column is of (a data dictionary of
/// several tables).
const SCOPE: &[&str] = &["table", "table name", "file", "file name", "sheet", "sheet name", "tab", "source"];

/// One column the key explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The table it is of, folded, where the key says.
    scope: Option<String>,
    /// The column's header, folded.
    name: String,
    /// What the key says it holds, as written.
    meaning: String,
}

/// A key found in `source` (a file, or a file's sheet, as shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ColumnKey {
    pub source: String,
    entries: Vec<Entry>,
    /// The rows it was read from, where they are a table's footnotes.
    pub rows: Vec<u32>,
}

/// The key in `rows` (a table's first rows), if they are one: a header row,
/// among the first five, naming a column of names and a column of meanings
/// (and perhaps the table each is of), then three or more rows with both, the
/// table narrow (six filled cells a row at most) and the names short.
pub(crate) fn key_in(rows: &[SourceRow], source: &str) -> Option<ColumnKey> {
    let (at, name, meaning, scope) = header(rows)?;
    let below = &rows[at + 1..];
    if below.iter().any(|r| r.cells.iter().filter(|c| !c.is_empty()).count() > 6) {
        return None;
    }
    let text = |r: &SourceRow, c: usize| r.cells.get(c).map(|v| v.as_string().trim().to_string()).unwrap_or_default();
    let entries: Vec<Entry> =
        below
            .iter()
            .filter_map(|r| {
                let (n, m) = (text(r, name), text(r, meaning));
                (!n.is_empty() && n.chars().count() <= 60 && m.chars().any(char::is_alphabetic) && fold(&m) != fold(&n) && !describes_values(&m))
                    .then(|| Entry { scope: scope.map(|s| fold(&text(r, s))).filter(|s| !s.is_empty()), name: fold(&n), meaning: m })
            })
            .collect();
    // (Each column is explained once: a name on many rows is a field whose
    // values are being explained.)
    let distinct: std::collections::HashSet<(&Option<String>, &String)> = entries.iter().map(|e| (&e.scope, &e.name)).collect();
    (entries.len() >= 3 && distinct.len() * 5 >= entries.len() * 4).then(|| ColumnKey { source: source.to_string(), entries, rows: Vec::new() })
}

/// Whether a key's meaning says what the column's values mean ("Yes = feedback
/// obtained, No = not obtained", "✓ agrees, ✗ does not agree") rather than
/// what the column holds: then the header says that better, and is kept.
fn describes_values(meaning: &str) -> bool {
    let first = fold(meaning).split(' ').next().unwrap_or_default().to_string();
    matches!(first.as_str(), "yes" | "no" | "y" | "n" | "tick" | "ticked" | "true" | "false" | "0" | "1")
        || meaning.trim_start().chars().next().is_some_and(|c| !c.is_alphanumeric() && !matches!(c, '(' | '\'' | '"' | '‘' | '“'))
}

impl ColumnKey {
    /// Whether the key reads `header` as `meaning`.
    pub(crate) fn explains(&self, header: &str, meaning: &str) -> bool {
        self.entries.iter().any(|e| e.name == fold(header) && e.meaning == meaning)
    }
}

/// A key's header row among the first five of `rows`: its place, and its
/// columns of names, meanings and (perhaps) tables.
fn header(rows: &[SourceRow]) -> Option<(usize, usize, usize, Option<usize>)> {
    rows.iter().enumerate().take(5).find_map(|(at, r)| {
        let folded: Vec<String> = r.cells.iter().map(|c| if let Cell::Text(t) = c { fold(t) } else { String::new() }).collect();
        let find = |names: &[&str]| folded.iter().position(|f| names.contains(&f.as_str()));
        let (n, m) = (find(NAME)?, find(MEANING)?);
        // (A key of codes, "Field | Code | Meaning", explains values.)
        let codes = folded.iter().any(|f| matches!(f.as_str(), "code" | "codes" | "value code" | "code value"));
        (n != m && !codes).then(|| (at, n, m, find(SCOPE).filter(|&s| s != n && s != m)))
    })
}

/// Whether `rows` (a table's first rows) begin like a key of column names.
pub(crate) fn has_key_header(rows: &[SourceRow]) -> bool {
    header(rows).is_some()
}

/// Whether `scope` (a key's table name, folded) names the table of `file` and
/// `sheet`: its file name, with or without its extension, or its sheet.
fn names_table(scope: &str, file: &str, sheet: Option<&str>) -> bool {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    [fold(name), fold(stem)].iter().any(|n| n == scope) || sheet.is_some_and(|s| fold(s) == scope)
}

/// Rows a table may have for its footnotes to be read ([`footnotes`]): a
/// tracker or a log with a key under it is small, and each table's first
/// rows are read once more to look (at 5,000 rows this cost 3% of a run's
/// instructions on a 60,000-note export).
const FOOTNOTED_ROWS: usize = 1_000;

/// A text file larger than this is not looked at for footnotes.
const LARGE_TEXT: u64 = 256 * 1024;

/// Footnotes under a table that explain its headers ("Cmpl Dt = Completion
/// date on the audit action plan", "Mgr S/O = Manager's sign off date"): rows
/// below the header of one text cell, each "header = meaning" (or "header:
/// meaning"), several in one cell parted by ";", the header one of the
/// table's own. Only in tables of at most [`FOOTNOTED_ROWS`] rows; the table
/// keeps every row.
pub(crate) fn footnotes(t: &mut Table, source: &str) -> Option<ColumnKey> {
    // (A large text export, read in bulk by the case-note reader, is no
    // tracker with a key under it: its first rows are not read twice.)
    if t.text_format.as_ref().and_then(|f| f.bulk.as_ref()).is_some_and(|b| b.len > LARGE_TEXT) {
        return None;
    }
    // (The rows are taken out and put back as they are, not copied: this
    // looks at every table's first rows.)
    let mut rest = std::mem::replace(&mut t.rows, Box::new(std::iter::empty()));
    let taken: Vec<Result<SourceRow, crate::ingest::IngestError>> = rest.by_ref().take(FOOTNOTED_ROWS + 1).collect();
    let found = footnotes_in(&taken, source);
    t.rows = Box::new(taken.into_iter().chain(rest));
    found
}

/// [`footnotes`] in a table's first rows (an error ends them).
fn footnotes_in(taken: &[Result<SourceRow, crate::ingest::IngestError>], source: &str) -> Option<ColumnKey> {
    if taken.len() > FOOTNOTED_ROWS {
        return None;
    }
    let rows: Vec<&SourceRow> = taken.iter().map_while(|r| r.as_ref().ok()).collect();
    let at = rows.iter().take(30).position(|r| r.cells.iter().filter(|c| matches!(c, Cell::Text(_))).count() >= 3)?;
    let headers: Vec<String> = rows[at].cells.iter().map(|c| if let Cell::Text(h) = c { fold(h) } else { String::new() }).filter(|h| !h.is_empty()).collect();
    let mut entries = Vec::new();
    let mut used = Vec::new();
    for r in rows[at + 1..].iter().copied() {
        let filled = r.filled();
        let [Cell::Text(note)] = filled.as_slice() else { continue };
        for part in note.split(';') {
            // ("Header = meaning" only: "Notes: October figures provisional"
            // is a remark.)
            let Some((name, meaning)) = part.split_once('=') else { continue };
            let (name, meaning) = (fold(name), meaning.trim().trim_end_matches('.').trim());
            if headers.contains(&name) && meaning.chars().filter(|c| c.is_alphabetic()).count() >= 3 && fold(meaning) != name && !describes_values(meaning) {
                entries.push(Entry { scope: None, name, meaning: meaning.to_string() });
                if used.last() != Some(&r.row) {
                    used.push(r.row);
                }
            }
        }
    }
    (!entries.is_empty()).then(|| ColumnKey { source: source.to_string(), entries, rows: used })
}

/// Reads `t`'s header with `keys`: in its first 30 rows, the first row where
/// `least` or more cells are names a key explains has each of those cells
/// replaced by its meaning. A key that names the table (its file or sheet) is
/// read with its own entries first; a name two entries of other tables give
/// different meanings is left as it is. The table keeps every row; returns
/// the headers read so, for a note.
pub(crate) fn apply(t: &mut Table, keys: &[ColumnKey], least: usize) -> Vec<(String, String)> {
    if keys.is_empty() {
        return Vec::new();
    }
    let (file, sheet) = (t.file.clone(), t.sheet.clone());
    let meaning_of = |name: &str| -> Option<&str> {
        let entries = keys.iter().flat_map(|k| &k.entries).filter(|e| e.name == name);
        let own: Vec<&Entry> = entries.clone().filter(|e| e.scope.as_deref().is_some_and(|s| names_table(s, &file, sheet.as_deref()))).collect();
        let any: Vec<&Entry> = entries.filter(|e| e.scope.as_deref().is_none_or(|s| !names_table(s, &file, sheet.as_deref()))).collect();
        let pick = if own.is_empty() { any } else { own };
        let first = pick.first()?;
        pick.iter().all(|e| fold(&e.meaning) == fold(&first.meaning)).then_some(first.meaning.as_str())
    };
    let mut head = super::gradekey::head_n(t, 30);
    let mut read = Vec::new();
    for r in head.iter_mut() {
        let found: Vec<(usize, String)> = r
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| if let Cell::Text(h) = c { meaning_of(&fold(h)).map(|m| (i, m.to_string())) } else { None })
            .collect();
        if found.len() < least.max(1) {
            continue;
        }
        for (i, m) in found {
            read.push((r.cells[i].as_string().trim().to_string(), m.clone()));
            r.cells[i] = Cell::Text(m);
        }
        break;
    }
    if !read.is_empty() {
        // (The table holds the first rows again, then the rest: the first
        // rows are put back as read here.)
        let n = head.len();
        let rest = std::mem::replace(&mut t.rows, Box::new(std::iter::empty()));
        t.rows = Box::new(head.into_iter().map(Ok).chain(rest.skip(n)));
    }
    read
}

/// `t` without the rows numbered `rows` (footnotes read as a key).
pub(crate) fn drop_rows(t: &mut Table, rows: &[u32]) {
    let rows = rows.to_vec();
    let all = std::mem::replace(&mut t.rows, Box::new(std::iter::empty()));
    t.rows = Box::new(all.filter(move |r| r.as_ref().map_or(true, |r| !rows.contains(&r.row))));
}

/// Reads the tables of one file (`shown`) with the folder's keys of column
/// names (`folder`, those of other files) and the file's own: a sheet that is
/// a key, and each table's footnotes. A key sheet that explained a header of
/// the file is then no records, and is taken out (one that explained none is
/// read as it would be without it). Each header read so, and each key, is
/// said in `found`.
pub(crate) fn read_with_keys(tables: &mut Vec<Table>, folder: &[ColumnKey], shown: &str, found: &mut Findings) {
    let named = |sheet: Option<&String>| sheet.map_or_else(|| shown.to_string(), |s| format!("{shown} [{s}]"));
    let mut own: Vec<(usize, ColumnKey)> = Vec::new();
    for (i, t) in tables.iter_mut().enumerate() {
        if let Some(key) = has_key_header(&super::gradekey::head_n(t, 5)).then(|| key_in(&super::gradekey::head_n(t, 200), &named(t.sheet.as_ref()))).flatten()
        {
            own.push((i, key));
        }
    }
    let mut keys: Vec<ColumnKey> = folder.iter().filter(|k| !k.source.starts_with(shown)).cloned().collect();
    keys.extend(own.iter().map(|(_, k)| k.clone()));
    let mut used: Vec<String> = Vec::new();
    for (i, t) in tables.iter_mut().enumerate() {
        if own.iter().any(|(k, _)| *k == i) {
            continue;
        }
        let read = apply(t, &keys, 2);
        if !read.is_empty() {
            used.extend(keys.iter().filter(|k| read.iter().any(|(h, m)| k.explains(h, m))).map(|k| k.source.clone()));
            found.push(Severity::Info, "column_key_read", shown, t.sheet.as_deref(), None, None, "", note(&read, &keys));
        }
        // (And footnotes under the table that explain its own headers: the
        // footnotes are the key, not records.)
        let Some(notes) = footnotes(t, &format!("{}, its footnotes", named(t.sheet.as_ref()))) else { continue };
        let read = apply(t, std::slice::from_ref(&notes), 1);
        if !read.is_empty() {
            drop_rows(t, &notes.rows);
            let rows: Vec<String> = notes.rows.iter().map(u32::to_string).collect();
            let message = format!("{} (rows {}: footnotes, not records)", note(&read, std::slice::from_ref(&notes)), rows.join(", "));
            found.push(Severity::Info, "column_key_read", shown, t.sheet.as_deref(), None, None, "", message);
        }
    }
    for &(i, _) in own.iter().filter(|(_, k)| used.contains(&k.source)).rev() {
        let message = "a key of column names (what each shorthand header holds): not records; the headers it explains are read as what it says";
        found.push(Severity::Info, "column_key", shown, tables[i].sheet.as_deref(), None, None, "", message);
        tables.remove(i);
    }
}

/// The note saying which headers were read with their meaning.
pub(crate) fn note(read: &[(String, String)], keys: &[ColumnKey]) -> String {
    let sources: Vec<&str> = keys.iter().map(|k| k.source.as_str()).collect();
    let shown: Vec<String> = read.iter().map(|(h, m)| format!("'{h}' as '{m}'")).collect();
    format!("{} headers read with what the key of column names ({}) says they hold: {}", read.len(), sources.join(", "), shown.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<SourceRow> {
        cells
            .iter()
            .enumerate()
            .map(|(i, r)| SourceRow {
                row: i as u32 + 1,
                cells: r.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text(c.to_string()) }).collect(),
            })
            .collect()
    }

    #[test]
    fn a_key_of_column_names_is_found_and_a_list_of_codes_is_not() {
        let key = rows(&[&["Abbrev", "Meaning"], &["Cmpl Dt", "Date the audit was completed"], &["OJ", "Overall judgement"], &["Tm", "Team"]]);
        let k = key_in(&key, "k").unwrap();
        assert_eq!(k.entries.len(), 3);
        assert_eq!(k.entries[1], Entry { scope: None, name: "oj".into(), meaning: "Overall judgement".into() });
        // A grade key ("Code | Grade") names no column of names.
        assert!(key_in(&rows(&[&["Code", "Grade"], &["1", "Outstanding"], &["2", "Good"], &["3", "Requires improvement"]]), "k").is_none());
        // Two entries are too few to be a key.
        assert!(key_in(&rows(&[&["Column", "Description"], &["A", "First"], &["B", "Second"]]), "k").is_none());
        // A wide table of records is not a key.
        let wide = rows(&[
            &["Field", "Description", "a", "b", "c", "d", "e"],
            &["x", "y", "1", "2", "3", "4", "5"],
            &["x", "y", "1", "2", "3", "4", "5"],
            &["x", "y", "1", "2", "3", "4", "5"],
        ]);
        assert!(key_in(&wide, "k").is_none());
        // Meanings of the values, not of the column, are left out.
        let values =
            rows(&[&["Column", "Meaning"], &["Agrees?", "✓ agrees, ✗ does not"], &["Fb", "Yes = obtained, No = not"], &["A", "First"], &["B", "Second"]]);
        assert!(key_in(&values, "k").is_none(), "two entries left");
        // A key of codes explains a field's values.
        let codes =
            rows(&[&["Field", "Code", "Meaning"], &["LS", "C1", "Interim care order"], &["LS", "C2", "Full care order"], &["LS", "E1", "Placement order"]]);
        assert!(key_in(&codes, "k").is_none());
        let repeated = rows(&[&["Field", "Meaning"], &["Grade", "O = Outstanding"], &["Grade", "G = Good"], &["Grade", "I = Inadequate"]]);
        assert!(key_in(&repeated, "k").is_none());
    }

    #[test]
    fn a_dictionary_of_several_tables_reads_each_table_with_its_own_entries() {
        let dict = rows(&[
            &["table", "column", "description"],
            &["tbl_audit", "done_dt", "Date the audit was completed"],
            &["tbl_action", "done_dt", "Date the action was completed"],
            &["tbl_audit", "oj", "Overall judgement"],
        ]);
        let keys = vec![key_in(&dict, "export.xlsx [data_dictionary]").unwrap()];
        let table = |sheet: &str| Table {
            file: "export.xlsx".into(),
            sheet: Some(sheet.into()),
            text_format: None,
            rows: Box::new(rows(&[&["ID", "done_dt", "oj"], &["C1", "01/09/2026", "Good"]]).into_iter().map(Ok)),
            date1904: false,
        };
        let mut audits = table("tbl_audit");
        let read = apply(&mut audits, &keys, 2);
        assert_eq!(read.len(), 2);
        let header = audits.rows.next().unwrap().unwrap();
        assert_eq!(header.cells[1], Cell::Text("Date the audit was completed".into()));
        assert_eq!(audits.rows.count(), 1, "every row kept");
        let mut actions = table("tbl_action");
        // "oj" is of another table only, and unambiguous: read; "done_dt" its own.
        let read = apply(&mut actions, &keys, 2);
        assert_eq!(read[0].1, "Date the action was completed");
        // A table the key does not name: "done_dt" means two things, left as it is;
        // one name alone is not read.
        let mut other = table("Sheet1");
        assert!(apply(&mut other, &keys, 2).is_empty());
    }
}
