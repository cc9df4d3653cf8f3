//! Ditto marks: a cell that says "the same as above" instead of typing it
//! again (`"`, `''`, `〃`, `”`, `" "`, "ditto", "do.", "as above", "same as
//! above"), in a hand-kept tracker's dates, grades, answers and names. Each
//! is read as the value typed above it in its column, through chains of
//! marks; one with nothing typed above it is left as it is, and said.

use crate::ingest::{Cell, SourceRow};

/// What kind of ditto mark a cell holds, if it holds only one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `"`, `〃`, "ditto", "do.", "as above": nothing else.
    Plain,
    /// Two apostrophes (`''`, `‘’`): a ditto mark, or an export's way of
    /// writing an empty text (a database dump's `''`). A mark only in a
    /// table that has plain marks too.
    Apostrophes,
}

fn mark(cell: &Cell) -> Option<Mark> {
    let Cell::Text(t) = cell else { return None };
    let t = t.trim();
    if t.is_empty() || t.len() > 16 {
        return None;
    }
    // (Ruled out cheaply: every mark starts with a quotation mark, a prime,
    // a comma, or the first letter of "ditto", "do.", "as", "same".)
    let first = t.chars().next().unwrap_or(' ');
    if first.is_alphanumeric() && !matches!(first, 'd' | 'D' | 'a' | 'A' | 's' | 'S') {
        return None;
    }
    // Marks: quotation marks, primes and the ditto mark itself, alone or
    // with spaces, dashes or commas between ("- \" -", ",,", "'' ").
    // (One apostrophe alone is no mark: Excel's sign that text follows.)
    const DOUBLE: [char; 8] = ['"', '“', '”', '„', '〃', '″', '‶', 'ʺ'];
    const SINGLE: [char; 4] = ['\'', '`', '‘', '’'];
    let marks = t.chars().filter(|c| DOUBLE.contains(c) || SINGLE.contains(c)).count();
    let double = t.chars().any(|c| DOUBLE.contains(&c));
    if (double || marks >= 2) && t.chars().all(|c| DOUBLE.contains(&c) || SINGLE.contains(&c) || matches!(c, ' ' | '-' | '–')) {
        return Some(if double { Mark::Plain } else { Mark::Apostrophes });
    }
    let f = super::fold::fold(t);
    (t == ",," || matches!(f.as_str(), "ditto" | "same as row above" | "as row above") || matches!(t, "do." | "Do." | "DO.") || says_as_above(cell))
        .then_some(Mark::Plain)
}

/// "As above", "Same as above": in words, which may point at the row above
/// or at the grade before it in the same row.
fn says_as_above(cell: &Cell) -> bool {
    matches!(cell, Cell::Text(t) if t.len() <= 16 && t.trim_start().starts_with(['a', 'A', 's', 'S']) && matches!(super::fold::fold(t).as_str(), "as above" | "same as above"))
}

/// The columns of a table whose ditto marks are read as the value above.
#[derive(Debug, Clone)]
pub struct DittoMarks {
    /// Each column with marks: its index, its header, and how many of its
    /// marks in the rows looked at have a value above them.
    columns: Vec<(usize, String, usize)>,
    /// Marks with nothing typed above them, in the rows looked at.
    unresolved: usize,
    /// Columns whose "as above" is left as written: a grade after another
    /// grade of the same row ("Agreed grade following discussion: As
    /// above" beside the auditor's grade says that grade stands).
    in_the_row: Vec<usize>,
    /// Whether two apostrophes are a mark here: the table has plain marks too.
    apostrophes: bool,
    /// The last value typed in each column, as rows are read.
    last: Vec<Option<Cell>>,
}

impl DittoMarks {
    /// The table's ditto marks, when its first rows (`body`, under `header`)
    /// have any with a value above them.
    pub fn find(header: &SourceRow, body: &[SourceRow], is_grade: impl Fn(&Cell) -> bool) -> Option<DittoMarks> {
        let apostrophes = body.iter().any(|r| r.cells.iter().any(|c| mark(c) == Some(Mark::Plain)));
        let mut marks = DittoMarks { columns: Vec::new(), unresolved: 0, in_the_row: Vec::new(), apostrophes, last: Vec::new() };
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for row in body {
            if !row.cells.iter().any(|c| marks.is_mark(c)) {
                marks.remember(row);
                continue;
            }
            for (i, c) in row.cells.iter().enumerate() {
                let grade_above = marks.last.get(i).and_then(Option::as_ref).is_some_and(&is_grade);
                if says_as_above(c) && grade_above && row.cells[..i].iter().any(&is_grade) {
                    marks.in_the_row.push(i);
                }
            }
            for (i, c) in row.cells.iter().enumerate() {
                if marks.is_mark(c) && !(says_as_above(c) && marks.in_the_row.contains(&i)) {
                    if marks.last.get(i).is_some_and(Option::is_some) {
                        match seen.iter_mut().find(|(j, _)| *j == i) {
                            Some(s) => s.1 += 1,
                            None => seen.push((i, 1)),
                        }
                    } else {
                        marks.unresolved += 1;
                    }
                }
            }
            marks.remember(row);
        }
        if seen.is_empty() {
            return None;
        }
        seen.sort();
        marks.in_the_row.sort();
        marks.in_the_row.dedup();
        marks.columns = seen.into_iter().map(|(i, n)| (i, header.cells.get(i).map(Cell::as_string).unwrap_or_default().trim().to_string(), n)).collect();
        marks.last.clear();
        Some(marks)
    }

    /// Whether a cell is a ditto mark in this table.
    fn is_mark(&self, c: &Cell) -> bool {
        match mark(c) {
            Some(Mark::Plain) => true,
            Some(Mark::Apostrophes) => self.apostrophes,
            None => false,
        }
    }

    /// Keeps each typed value of the row (not a mark, not a blank) as its column's last.
    fn remember(&mut self, row: &SourceRow) {
        if self.last.len() < row.cells.len() {
            self.last.resize(row.cells.len(), None);
        }
        for (i, c) in row.cells.iter().enumerate() {
            if !c.is_empty() && !(self.is_mark(c) && !(says_as_above(c) && self.in_the_row.contains(&i))) {
                self.last[i] = Some(c.clone());
            }
        }
    }

    /// The row with each ditto mark read as the value typed above it (rows
    /// down to the header, `header_row`, as they are).
    pub fn apply(&mut self, mut row: SourceRow, header_row: u32) -> SourceRow {
        if row.row <= header_row || row.is_blank() {
            return row;
        }
        for (i, c) in row.cells.iter_mut().enumerate() {
            if self.is_mark(c) && !(says_as_above(c) && self.in_the_row.contains(&i)) {
                if let Some(Some(above)) = self.last.get(i) {
                    *c = above.clone();
                }
            }
        }
        self.remember(&row);
        row
    }

    /// What was read, for validate and data_quality.
    pub fn describe(&self) -> String {
        let named: Vec<String> = self.columns.iter().map(|(_, h, n)| format!("'{h}' ({n} {})", if *n == 1 { "mark" } else { "marks" })).collect();
        let mut s = format!(
            "ditto marks (\"〃\", '\"', \"''\", \"ditto\", \"do.\", \"as above\") stand for the value typed above them: read as that value in column {} (in the rows looked at first)",
            named.join(", ")
        );
        if !self.in_the_row.is_empty() {
            s.push_str("; \"as above\" after another grade of the same row is left as written (it may mean that grade)");
        }
        if self.unresolved > 0 {
            s.push_str(&format!("; {} with nothing typed above them are left as written", self.unresolved));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow { row: n, cells: cells.iter().map(|t| if t.is_empty() { Cell::Empty } else { Cell::text(t) }).collect() }
    }

    #[test]
    fn ditto_marks_are_told_from_values() {
        for t in ["\"", "''", "〃", "”", "\" \"", "- \" -", "ditto", "Ditto", "do.", "As above", "Same as above", ",,"] {
            assert!(mark(&Cell::text(t)).is_some(), "{t}");
        }
        for t in ["Yes", "Good", "As above - mother seen", "See above", "\"Good\"", "Dover", "n/a", "'", "Do", ""] {
            assert!(mark(&Cell::text(t)).is_none(), "{t}");
        }
    }

    #[test]
    fn a_mark_takes_the_value_typed_above_it_through_a_chain() {
        let header = row(1, &["Child ID", "Audit date", "Grade"]);
        let body = vec![row(2, &["C1", "10/09/2026", "Good"]), row(3, &["C2", "\"", "〃"]), row(4, &["C3", "ditto", ""]), row(5, &["C4", "", "as above"])];
        let mut marks = DittoMarks::find(&header, &body, |_| false).expect("marks");
        let read: Vec<SourceRow> = body.into_iter().map(|r| marks.apply(r, 1)).collect();
        assert_eq!(read[1].cells[1].as_string(), "10/09/2026");
        assert_eq!(read[1].cells[2].as_string(), "Good");
        assert_eq!(read[2].cells[1].as_string(), "10/09/2026");
        assert!(read[2].cells[2].is_empty(), "a blank stays blank");
        assert_eq!(read[3].cells[2].as_string(), "Good");
        assert!(marks.describe().contains("'Audit date' (2 marks)"));
    }

    #[test]
    fn as_above_after_another_grade_of_its_row_is_left_as_written() {
        // (Blind set 82: "Agreed grade following discussion: As above" is the auditor's grade standing.)
        let header = row(1, &["Child ID", "Auditor's grade", "Agreed grade", "Seen"]);
        let body = vec![row(2, &["C1", "Inadequate", "Requires Improvement", "Yes"]), row(3, &["C2", "Good", "As above", "\""])];
        let grade = |c: &Cell| matches!(c.as_string().as_str(), "Good" | "Inadequate" | "Requires Improvement");
        let mut marks = DittoMarks::find(&header, &body, grade).expect("marks");
        let read: Vec<SourceRow> = body.into_iter().map(|r| marks.apply(r, 1)).collect();
        assert_eq!(read[1].cells[2].as_string(), "As above");
        assert_eq!(read[1].cells[3].as_string(), "Yes");
    }

    #[test]
    fn two_apostrophes_are_a_mark_only_beside_plain_marks() {
        // (A database dump writes an empty text as '': no mark there.)
        let header = row(1, &["Child ID", "Completed", "Grade"]);
        let dump = vec![row(2, &["C1", "10/09/2026", "Good"]), row(3, &["C2", "''", "''"])];
        assert!(DittoMarks::find(&header, &dump, |_| false).is_none());
        let typed = vec![row(2, &["C1", "10/09/2026", "Good"]), row(3, &["C2", "''", "\""])];
        let mut marks = DittoMarks::find(&header, &typed, |_| false).expect("marks");
        let read: Vec<SourceRow> = typed.into_iter().map(|r| marks.apply(r, 1)).collect();
        assert_eq!(read[1].cells[1].as_string(), "10/09/2026");
    }

    #[test]
    fn a_mark_with_nothing_above_it_is_left_and_no_marks_is_nothing_to_do() {
        let header = row(1, &["Child ID", "Grade"]);
        assert!(DittoMarks::find(&header, &[row(2, &["C1", "\""])], |_| false).is_none());
        assert!(DittoMarks::find(&header, &[row(2, &["C1", "Good"]), row(3, &["C2", "Good"])], |_| false).is_none());
    }
}
