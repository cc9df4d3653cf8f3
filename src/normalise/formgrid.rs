//! A form tool's grid question (Google Forms' "multiple-choice grid"): one
//! column per row of the grid, each headed "Question [Row]" ("Auditor's
//! evaluation [1. Is the child safe? …]", "… [2. Is work child-centred?]").
//! A header's bracketed words are dropped when it is recognised, so every
//! column read as the question alone ("Auditor's evaluation": the overall,
//! nine times over, and none used). Where three or more columns share the
//! question and each row is a question of its own (three words or more),
//! each is read under its row, the grid's question after it in brackets:
//! "1. Is the child safe? … (Auditor's evaluation)". A moderator's grid is
//! left as it is (its rows would read as the auditor's areas).

use crate::ingest::{Cell, SourceRow};

/// The columns of a table's grid questions, each with the header read in its place.
pub struct FormGrid {
    columns: Vec<(usize, String)>,
    questions: Vec<String>,
}

/// "Question [Row]": the question and the row, each trimmed; `None` unless
/// the header ends with its one bracketed row and has words before it.
fn split(header: &str) -> Option<(&str, &str)> {
    let h = header.trim();
    let inner = h.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    let (question, row) = (inner[..open].trim(), inner[open + 1..].trim());
    (!question.is_empty() && !row.is_empty() && !row.contains(['[', ']'])).then_some((question, row))
}

impl FormGrid {
    pub fn find(header: &SourceRow) -> Option<FormGrid> {
        let headers: Vec<String> = header.cells.iter().map(Cell::as_string).collect();
        let parts: Vec<Option<(&str, &str)>> = headers.iter().map(|h| split(h)).collect();
        let mut columns = Vec::new();
        let mut questions = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let Some((question, _)) = part else { continue };
            if questions.iter().any(|q| q == question) {
                continue;
            }
            let rows: Vec<(usize, &str)> =
                parts.iter().enumerate().filter_map(|(k, p)| p.filter(|(q, _)| q == question).map(|(_, r)| (k, r))).skip_while(|(k, _)| *k < i).collect();
            let distinct = rows.iter().all(|(k, r)| rows.iter().all(|(j, s)| j == k || s != r));
            let questions_each = rows.iter().all(|(_, r)| r.split_whitespace().count() >= 3);
            // (Nor a second opinion's: "QA Lead's evaluation [1. …]".)
            let moderators = super::fold::fold(question)
                .split(' ')
                .any(|w| w.starts_with("moderat") || matches!(w, "qa" | "reviewer" | "panel" | "lead" | "manager" | "manager s" | "second"));
            if rows.len() >= 3 && distinct && questions_each && !moderators {
                columns.extend(rows.iter().map(|(k, r)| (*k, format!("{r} ({question})"))));
                questions.push(question.to_string());
            }
        }
        (!columns.is_empty()).then_some(FormGrid { columns, questions })
    }

    pub fn describe(&self) -> String {
        let named: Vec<String> = self.questions.iter().map(|q| format!("'{q}'")).collect();
        format!(
            "{} columns are the rows of a form's grid question ({}: one column per row, headed 'question [row]'): each is read by its row, the question after it in brackets",
            self.columns.len(),
            named.join(", ")
        )
    }

    /// The header row with each grid column headed by its row.
    pub fn apply(&self, mut row: SourceRow, header_row: u32) -> SourceRow {
        if row.row == header_row {
            for (k, header) in &self.columns {
                if let Some(cell) = row.cells.get_mut(*k) {
                    *cell = Cell::Text(header.clone());
                }
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
    fn a_grid_questions_columns_are_read_by_their_rows() {
        let h = header(&[
            "Timestamp",
            "Auditor's evaluation [1. Is the child safe?]",
            "Auditor's evaluation [2. Is work child-centred?]",
            "Auditor's evaluation [3. Are plans effective?]",
            "Auditors' Grade",
        ]);
        let grid = FormGrid::find(&h).expect("a grid");
        let got = grid.apply(h.clone(), 1);
        assert_eq!(got.cells[1].as_string(), "1. Is the child safe? (Auditor's evaluation)");
        assert_eq!(got.cells[3].as_string(), "3. Are plans effective? (Auditor's evaluation)");
        assert_eq!(got.cells[4].as_string(), "Auditors' Grade");
        assert_eq!(grid.apply(SourceRow { row: 2, cells: vec![Cell::text("Yes")] }, 1).cells[0].as_string(), "Yes");
        assert!(grid.describe().starts_with("3 columns are the rows of a form's grid question ('Auditor's evaluation'"));
        // Not: two rows only; rows of a word or two ("[Child]"); a
        // moderator's grid; a key in brackets on unrelated columns.
        assert!(FormGrid::find(&header(&["Grade [1. Is the child safe?]", "Grade [2. Is work child-centred?]"])).is_none());
        assert!(FormGrid::find(&header(&["Feedback [Child]", "Feedback [Parents / carers]", "Feedback [Social worker]"])).is_none());
        assert!(FormGrid::find(&header(&[
            "Moderator's grade [1. Is the child safe?]",
            "Moderator's grade [2. Is work child-centred?]",
            "Moderator's grade [3. Are plans effective?]"
        ]))
        .is_none());
        assert!(FormGrid::find(&header(&[
            "QA Lead's evaluation [1. Is the child safe?]",
            "QA Lead's evaluation [2. Is work child-centred?]",
            "QA Lead's evaluation [3. Are plans effective?]"
        ]))
        .is_none());
        assert!(FormGrid::find(&header(&["Seen alone [Y/N/NA]", "Visit date [dd/mm/yyyy]", "Team [see list]"])).is_none());
    }
}
