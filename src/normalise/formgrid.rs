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
//!
//! A grid asking whom the auditor spoke to ("Spoke to [Child / young
//! person]", "Who did you speak to? [Parent / carer]"; Yes / No / N/A) has
//! people for rows, not questions: two or more such columns are read as the
//! question and its row together ("Spoke to Child / young person").

use crate::ingest::{Cell, SourceRow};

/// The columns of a table's grid questions, each with the header read in its place.
pub struct FormGrid {
    columns: Vec<(usize, String)>,
    questions: Vec<String>,
    /// The grids asking whom the auditor spoke to, read "question row".
    who: Vec<String>,
}

/// A grid's question asking whom the auditor spoke to or heard from
/// ("Spoke to", "Who did you speak to?", "Views obtained from").
fn asks_whom(question: &str) -> bool {
    let folded = super::fold::fold(question);
    let words: Vec<&str> = folded.split(' ').collect();
    // (Not how: "How did you gather views from [Child]" is answered "Face
    // to face", "Phone".)
    words.first() != Some(&"how")
        && (words.iter().any(|w| matches!(*w, "spoke" | "spoken" | "speak" | "talked" | "talk" | "consulted"))
            || (words.contains(&"from") && words.iter().any(|w| matches!(*w, "views" | "feedback"))))
}

/// A grid's row naming a person the auditor could speak to, in a few words:
/// the child, the family or the child's own worker (not a manager's, nor a
/// foster carer's "Supervising social worker").
fn names_person(row: &str) -> bool {
    let folded = super::fold::fold(row);
    folded.split(' ').count() <= 5
        && !folded.split(' ').any(|w| matches!(w, "manager" | "managers" | "supervising" | "supervisor" | "iro" | "school" | "teacher"))
        && folded.split(' ').any(|w| {
            matches!(
                w,
                "child"
                    | "children"
                    | "young"
                    | "yp"
                    | "cyp"
                    | "parent"
                    | "parents"
                    | "carer"
                    | "carers"
                    | "mother"
                    | "father"
                    | "family"
                    | "worker"
                    | "sw"
                    | "csw"
                    | "practitioner"
                    | "adviser"
                    | "advisor"
                    | "pa"
                    | "guardian"
            )
        })
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
        let mut who = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let Some((question, _)) = part else { continue };
            if questions.iter().chain(&who).any(|q| q == question) {
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
            // (Each person's row read so; another's, "Spoke to [Team
            // manager]" beside the child's and the family's, by its row
            // alone, "Team manager [Spoke to]": not a list of whom.)
            let people = rows.iter().filter(|(_, r)| names_person(r)).count();
            if people >= 2 && distinct && !moderators && asks_whom(question) {
                columns.extend(rows.iter().map(|(k, r)| (*k, if names_person(r) { format!("{question} {r}") } else { format!("{r} [{question}]") })));
                who.push(question.to_string());
            } else if rows.len() >= 3 && distinct && questions_each && !moderators {
                columns.extend(rows.iter().map(|(k, r)| (*k, format!("{r} ({question})"))));
                questions.push(question.to_string());
            }
        }
        (!columns.is_empty()).then_some(FormGrid { columns, questions, who })
    }

    pub fn describe(&self) -> String {
        let quoted = |qs: &[String]| qs.iter().map(|q| format!("'{q}'")).collect::<Vec<_>>().join(", ");
        let mut said = Vec::new();
        if !self.questions.is_empty() {
            said.push(format!(
                "the rows of a form's grid question ({}: one column per row, headed 'question [row]') are each read by its row, the question after it in brackets",
                quoted(&self.questions)
            ));
        }
        if !self.who.is_empty() {
            said.push(format!(
                "a form's grid of whom the auditor spoke to ({}: one column per person, headed 'question [person]') is read as the question and the person together",
                quoted(&self.who)
            ));
        }
        format!("{} columns: {}", self.columns.len(), said.join("; "))
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
        assert!(grid.describe().starts_with("3 columns: the rows of a form's grid question ('Auditor's evaluation'"));
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

    #[test]
    fn a_grid_of_whom_the_auditor_spoke_to_is_read_by_question_and_person() {
        let h = header(&[
            "Child ID",
            "Spoke to [Child / young person]",
            "Spoke to [Parents or carers]",
            "Spoke to [Allocated social worker]",
            "Who did you speak to? [Child]",
            "Who did you speak to? [Parent / carer]",
        ]);
        let grid = FormGrid::find(&h).expect("a grid");
        let got = grid.apply(h.clone(), 1);
        assert_eq!(got.cells[1].as_string(), "Spoke to Child / young person");
        assert_eq!(got.cells[3].as_string(), "Spoke to Allocated social worker");
        assert_eq!(got.cells[5].as_string(), "Who did you speak to? Parent / carer");
        assert!(grid.describe().contains("whom the auditor spoke to ('Spoke to', 'Who did you speak to?'"));
        // Not: a grid of questions under a who-like stem; a stem naming no
        // speaking ("Feedback [Child]"); a single column; a moderator's.
        assert!(FormGrid::find(&header(&["Spoke to [Were the child's wishes recorded?]", "Spoke to [Was the plan shared?]"])).is_none());
        assert!(FormGrid::find(&header(&["Feedback [Child]", "Feedback [Parents / carers]"])).is_none());
        assert!(FormGrid::find(&header(&["Spoke to [Child]", "Team"])).is_none());
        assert!(FormGrid::find(&header(&["Moderator spoke to [Child]", "Moderator spoke to [Parent]"])).is_none());
        assert!(FormGrid::find(&header(&["How did you gather views from [Child]", "How did you gather views from [Parent or carer]"])).is_none());
        // (Review 237: someone else's row is read by the row alone, not as
        // the practitioner: "Team manager", "Supervising social worker".)
        let h = header(&["Spoke to [Child]", "Spoke to [Parents or carers]", "Spoke to [Team manager]", "Spoke to [Supervising social worker]"]);
        let got = FormGrid::find(&h).expect("a grid").apply(h.clone(), 1);
        assert_eq!(got.cells[1].as_string(), "Spoke to Parents or carers");
        assert_eq!(got.cells[2].as_string(), "Team manager [Spoke to]");
        assert_eq!(got.cells[3].as_string(), "Supervising social worker [Spoke to]");
    }
}
