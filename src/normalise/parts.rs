//! Seed 002's two-part audit sent as two online forms' responses ("Quality
//! Audit Part A - Auditor (Responses).csv", "… Part B - CSW (Responses)"):
//! only the file's (or sheet's) name says which part a table is, and only the
//! form tool's own "Timestamp" says when the part was done. That column is
//! read as the part's completion ("Part A completed"), so the parts are
//! joined as any two-part tables are (`join::parts_joined`): the audit is
//! complete when Part B is.

use crate::ingest::{Cell, SourceRow};

/// A table's form-response timestamp, to be read as its part's completion.
pub struct PartFromName {
    column: usize,
    /// The header read in its place: "Part B completed (Timestamp)".
    header: String,
    /// The column is the practitioner's own date of acknowledging the
    /// audit ("Date acknowledged"), not the form's time of sending.
    acknowledged: bool,
}

/// A Part B's own date of acknowledging the audit (seed 002: "for the CSW
/// … to acknowledge that the audit had been received"): "Date
/// acknowledged", "Acknowledged on", "Date of acknowledgement".
fn acknowledgement_date(header: &str) -> bool {
    let f = super::fold::fold(header);
    let words: Vec<&str> = f.split(' ').collect();
    words.iter().any(|w| w.starts_with("acknowledg")) && words.iter().any(|w| matches!(*w, "date" | "dated" | "on" | "when"))
}

/// The part a file's or sheet's name says, written as a letter ("Part A",
/// "PART B"): `Some(true)` Part B, `Some(false)` Part A.
pub(crate) fn part_named(name: &str) -> Option<bool> {
    let f = super::fold::fold(name);
    let ws: Vec<&str> = f.split(' ').collect();
    let letters: std::collections::BTreeSet<&str> = ws.windows(2).filter(|w| w[0] == "part" && matches!(w[1], "a" | "b")).map(|w| w[1]).collect();
    // (One part: "Quality Audit forms - Part A and Part B" names both.)
    match letters.into_iter().collect::<Vec<_>>()[..] {
        [one] => Some(one == "b"),
        _ => None,
    }
}

/// Whether a header names a reference ("Part A response ID", "Form ref").
pub(crate) fn names_a_reference(header: &str) -> bool {
    super::fold::fold(header).split(' ').any(|w| matches!(w, "id" | "ref" | "reference" | "number" | "no"))
}

/// Whether a file's, sheet's or folder's name says it is the audit's, or
/// whose part it is ("Quality audit Part B", "Part B - CSW"): not "Practice
/// week Part B - family feedback", another form's.
/// (Or a name that is the part alone, "Part B.csv", "Part A (1-9)".)
pub(crate) fn of_the_audit(name: &str) -> bool {
    let f = super::fold::fold(name);
    f.split(' ').any(|w| matches!(w, "audit" | "audits" | "csw" | "auditor" | "auditors" | "quality" | "practitioner"))
        || f.split(' ').all(|w| matches!(w, "part" | "a" | "b" | "responses" | "response" | "") || w.bytes().all(|b| b.is_ascii_digit()))
}

/// The part of seed 002's audit a file's or sheet's name says (not both,
/// differing). A file's name says it only where it names the audit or whose
/// part it is: not "Return home interview - Part B (Young person)", another
/// form's (review 254's c44). With `folder`, where the file's name says
/// none, the folder it was saved in ("Part B - CSW responses/responses.csv";
/// not "Practice week Part B - family feedback", another form's).
pub(crate) fn part_by_name(file: &str, sheet: Option<&str>, folder: bool) -> Option<bool> {
    let path = std::path::Path::new(file);
    let named = |n: String| Some(n).filter(|n| of_the_audit(n)).and_then(|n| part_named(&n));
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).and_then(named);
    let in_folder = || path.parent().and_then(|p| p.file_name()).filter(|_| folder).map(|n| n.to_string_lossy().to_string()).and_then(named);
    match (stem.or_else(in_folder), sheet.and_then(part_named)) {
        (Some(a), Some(b)) if a != b => None,
        (Some(p), _) | (None, Some(p)) => Some(p),
        (None, None) => None,
    }
}

/// A form tool's own column of when a response was sent (Google Forms'
/// "Timestamp", Microsoft Forms' "Completion time", "Submitted at").
pub(crate) fn submission_time(header: &str) -> bool {
    matches!(
        super::fold::fold(header).as_str(),
        "timestamp"
            | "time stamp"
            | "completion time"
            | "submitted"
            | "submitted at"
            | "submitted on"
            | "submission date"
            | "submission time"
            | "date submitted"
            | "time submitted"
            | "response submitted"
            | "response date"
    )
}

impl PartFromName {
    /// Where the file's or sheet's name (not both, differing) says one part,
    /// no header names a part, and one column is the response's timestamp
    /// and no other says the audit's completion (`completion(header)`).
    pub fn find(header: &SourceRow, file: &str, sheet: Option<&str>, completion: impl Fn(&str) -> bool) -> Option<PartFromName> {
        let part = part_by_name(file, sheet, true)?;
        let headers: Vec<String> = header.cells.iter().map(Cell::as_string).collect();
        // (A header naming a part, other than the reference of the part it
        // follows: "Part A response ID or CareFirst Form ID" on Part B's
        // form; blind set 161.)
        if headers.iter().any(|h| super::columns::names_part_letter(h) && !names_a_reference(h)) {
            return None;
        }
        // (Part B's own date of acknowledging, where the form has one: the
        // day the part was done, not the day the form was sent; blind set
        // 168's Jotform, acknowledged 30/09 and sent 01/10.)
        let acknowledged: Vec<usize> = (0..headers.len()).filter(|&c| acknowledgement_date(&headers[c])).collect();
        if let (&[column], true) = (&acknowledged[..], part) {
            if !(0..headers.len()).any(|c| c != column && !submission_time(&headers[c]) && completion(&headers[c])) {
                return Some(PartFromName { column, header: format!("Part B completed ({})", headers[column].trim()), acknowledged: true });
            }
        }
        let stamps: Vec<usize> = (0..headers.len()).filter(|&c| submission_time(&headers[c])).collect();
        let [column] = stamps[..] else { return None };
        if (0..headers.len()).any(|c| c != column && completion(&headers[c])) {
            return None;
        }
        let letter = if part { "B" } else { "A" };
        Some(PartFromName { column, header: format!("Part {letter} completed ({})", headers[column].trim()), acknowledged: false })
    }

    pub fn describe(&self, header: &SourceRow, file: &str, sheet: Option<&str>) -> String {
        let path = std::path::Path::new(file);
        let stem_says = path.file_stem().is_some_and(|s| part_named(&s.to_string_lossy()).is_some());
        let whose = if stem_says {
            "the file's name"
        } else if sheet.is_some_and(|s| part_named(s).is_some()) {
            "the sheet's name"
        } else {
            "the name of the folder the file is in"
        };
        let was = header.cells.get(self.column).map(Cell::as_string).unwrap_or_default();
        let what = if self.acknowledged { "the practitioner's date of acknowledging the audit" } else { "when each response was sent" };
        format!(
            "{whose} says which part of a two-part audit this is (seed 002: the audit is complete when Part B is): its '{was}' ({what}) is read as '{}'",
            self.header
        )
    }

    /// The header row with the timestamp named as its part's completion.
    pub fn apply(&self, mut row: SourceRow, header_row: u32) -> SourceRow {
        if row.row == header_row {
            if let Some(cell) = row.cells.get_mut(self.column) {
                *cell = Cell::Text(self.header.clone());
            }
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> SourceRow {
        SourceRow::texts(1, cells)
    }

    #[test]
    fn a_forms_timestamp_is_its_parts_completion() {
        let none = |_: &str| false;
        let b = header(&["Timestamp", "Email address", "CareFirst ID", "CSW name", "I confirm the audit has been received"]);
        let found = PartFromName::find(&b, "in/Quality Audit Part B - CSW (Responses).csv", None, none).expect("Part B by its file's name");
        assert_eq!(found.apply(b.clone(), 1).cells[0].as_string(), "Part B completed (Timestamp)");
        assert_eq!(found.apply(SourceRow { row: 2, cells: vec![Cell::Text("22/07/2026 13:51:33".into())] }, 1).cells[0].as_string(), "22/07/2026 13:51:33");
        let a = header(&["Completion time", "Child ID", "Overall evaluation"]);
        let found = PartFromName::find(&a, "responses.xlsx", Some("PART A - Auditor"), none).expect("Part A by its sheet's name");
        assert_eq!(found.header, "Part A completed (Completion time)");
        // Not: no part named, a "Part 2", names that differ, a header naming
        // a part already, another completion column, no timestamp.
        assert!(PartFromName::find(&b, "Quality Audit - CSW (Responses).csv", None, none).is_none());
        assert!(PartFromName::find(&b, "Quality Audit Part 2.csv", None, none).is_none());
        assert!(PartFromName::find(&b, "Part A.xlsx", Some("Part B"), none).is_none());
        assert!(PartFromName::find(&header(&["Timestamp", "Part B acknowledged"]), "Part B.csv", None, none).is_none());
        assert!(PartFromName::find(&b, "Part B.csv", None, |h| h == "CSW name").is_none());
        assert!(PartFromName::find(&header(&["Child ID", "Date"]), "Part B.csv", None, none).is_none());
        // By the folder the file was saved in, where its own name says none.
        let found = PartFromName::find(&b, "in/Part B - CSW responses/responses.csv", None, none).expect("Part B by its folder's name");
        assert_eq!(found.header, "Part B completed (Timestamp)");
        assert!(found.describe(&b, "in/Part B - CSW responses/responses.csv", None).starts_with("the name of the folder"));
        assert!(PartFromName::find(&b, "in/Part B/Part A.csv", None, none).is_some_and(|p| p.header.starts_with("Part A")));
        assert!(PartFromName::find(&b, "in/Practice week Part B - family feedback/responses.csv", None, none).is_none());
    }
}
