//! Grades kept as a card's or an issue's labels ("Q12 Meets good (green),
//! Help and protection (blue)": a Trello board, a Jira project, a Planner
//! plan, whose tool has no field for a grade, so the board's owner made one
//! label per grade). A label that is a question's or the overall's name and
//! then a grade becomes a column of its own, named by the label's name, and
//! is read as that column would be; the other labels stay where they were.

use super::scales::Crosswalk;
use crate::ingest::{Cell, SourceRow};

/// The labels columns of a table and the graded names found in them.
pub struct LabelGrades {
    /// The labels columns (a Jira export repeats "Labels" once per label).
    columns: Vec<usize>,
    /// Each name a label grades (as first written), a new column each.
    names: Vec<String>,
    /// The header's width: the new columns start after it on every row.
    width: usize,
}

/// A header that names a list of labels or tags ("Labels", "Card Labels",
/// "Tags", "Label(s)").
fn names_labels(header: &str) -> bool {
    let folded = super::fold::fold(header);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    // (Its last word, "Label(s)" read as "label s".)
    let last = match words[..] {
        [.., w, "s"] => w,
        [.., w] => w,
        [] => "",
    };
    words.len() <= 3 && matches!(last, "label" | "labels" | "tag" | "tags")
}

/// What sets a cell's labels apart.
const SEPARATORS: [char; 3] = [',', ';', '\n'];

/// What may stand between a label's name and its grade ("Overall: Good",
/// "Overall - Good").
const BETWEEN: [char; 5] = [':', '-', '–', '—', '='];

/// A label without the colour a tool writes after it ("Meets good (green)").
fn without_colour(item: &str) -> &str {
    let item = item.trim();
    match item.rsplit_once(" (") {
        Some((name, colour)) if colour.ends_with(')') && colour[..colour.len() - 1].chars().all(|c| c.is_ascii_alphabetic() || c == '_' || c == ' ') => {
            name.trim()
        }
        _ => item,
    }
}

/// A label's items: at commas, semicolons and line ends, each without its
/// colour.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(SEPARATORS).map(without_colour)
}

/// A label that names something and then grades it ("Q12 Meets good",
/// "Overall: Requires improvement", "Overall - Good"): the name and the grade.
/// The name is the shortest one after which the rest is a grade on some scale.
fn graded<'t>(item: &'t str, crosswalk: &Crosswalk) -> Option<(&'t str, &'t str)> {
    let mut at = 0;
    for (i, c) in item.char_indices() {
        if c != ' ' || i == 0 {
            continue;
        }
        at += 1;
        if at > 4 {
            return None;
        }
        let name = item[..i].trim().trim_end_matches(BETWEEN).trim();
        let grade = item[i..].trim().trim_start_matches(BETWEEN).trim();
        // (A tag of practice is no grade: "Overall: Good practice", "Q4
        // Good practice"; "Requires improvement with elements of good
        // practice" is one.)
        let folded = super::fold::fold(grade);
        let practice = folded.ends_with("good practice") && !folded.contains("elements");
        if !name.is_empty() && !grade.is_empty() && !practice && crosswalk.is_label(&Cell::Text(grade.to_string())) {
            return Some((name, grade));
        }
    }
    None
}

impl LabelGrades {
    /// The labels columns whose labels grade a name that `grades` says is
    /// graded (a question, the overall), on two rows or more; names already
    /// a column of the table are left to that column.
    pub fn find(header: &SourceRow, body: &[SourceRow], crosswalk: &Crosswalk, grades: impl Fn(&str) -> bool) -> Option<LabelGrades> {
        let headers: Vec<String> = header.cells.iter().map(Cell::as_string).collect();
        let columns: Vec<usize> = (0..headers.len()).filter(|&c| names_labels(&headers[c])).collect();
        // Each name with the rows it grades and the columns it is in.
        let mut names: Vec<(String, usize, Vec<usize>)> = Vec::new();
        for row in body {
            // (A name once a row, however many of its columns grade it.)
            let mut here: Vec<(String, Vec<usize>)> = Vec::new();
            for &c in &columns {
                let text = row.cells.get(c).map(Cell::as_string).unwrap_or_default();
                for (name, _) in items(&text).filter_map(|i| graded(i, crosswalk)) {
                    match here.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
                        Some((_, cs)) if !cs.contains(&c) => cs.push(c),
                        Some(_) => {}
                        None => here.push((name.to_string(), vec![c])),
                    }
                }
            }
            for (name, cs) in here {
                match names.iter_mut().find(|(n, _, _)| n.eq_ignore_ascii_case(&name)) {
                    Some(seen) => {
                        seen.1 += 1;
                        seen.2.extend(cs.into_iter().filter(|c| !seen.2.contains(c)).collect::<Vec<_>>());
                    }
                    None => names.push((name, 1, cs)),
                }
            }
        }
        names.retain(|(n, rows, _)| *rows >= 2 && grades(n) && !headers.iter().any(|h| h.trim().eq_ignore_ascii_case(n)));
        let columns: Vec<usize> = columns.into_iter().filter(|c| names.iter().any(|(_, _, cs)| cs.contains(c))).collect();
        let names: Vec<String> = names.into_iter().map(|(n, _, _)| n).collect();
        (!names.is_empty()).then_some(LabelGrades { columns, names, width: header.cells.len() })
    }

    pub fn describe(&self, header: &SourceRow) -> String {
        let columns: Vec<String> = self.columns.iter().map(|&c| format!("'{}'", header.cells.get(c).map(Cell::as_string).unwrap_or_default())).collect();
        let names: Vec<String> = self.names.iter().map(|n| format!("'{n}'")).collect();
        let read_as = if names.len() == 1 { format!("the column {}", names[0]) } else { format!("the columns {}", names.join(", ")) };
        format!(
            "grades kept as labels in {} ('{} <grade>'): read as {read_as}; a row with two grades for one name keeps both, and its grade is said to be unread",
            columns.join(", "),
            self.names[0]
        )
    }

    /// A label led by one of the names, and what follows it (its grade, or
    /// whatever else is written there, which is then said to be unread).
    fn named<'t>(&self, item: &'t str) -> Option<(usize, &'t str)> {
        self.names
            .iter()
            .position(|n| {
                item.get(..n.len()).is_some_and(|lead| lead.eq_ignore_ascii_case(n)) && item[n.len()..].starts_with(|c: char| c == ' ' || BETWEEN.contains(&c))
            })
            .and_then(|p| {
                let grade = item[self.names[p].len()..].trim().trim_start_matches(BETWEEN).trim();
                (!grade.is_empty()).then_some((p, grade))
            })
    }

    /// A row with the graded labels as columns of their own, taken out of
    /// the labels (the header row gains their names).
    pub fn apply(&self, mut row: SourceRow, header_row: u32) -> SourceRow {
        if row.row < header_row || super::board::marked(&row).is_some() {
            return row;
        }
        row.cells.resize(self.width, Cell::Empty);
        if row.row == header_row {
            row.cells.extend(self.names.iter().map(|n| Cell::Text(n.clone())));
            return row;
        }
        let mut grades: Vec<Vec<String>> = vec![Vec::new(); self.names.len()];
        for &c in &self.columns {
            let text = row.cells[c].as_string();
            let mut kept: Vec<&str> = Vec::new();
            let mut taken = false;
            for item in text.split(SEPARATORS) {
                let at = self.named(without_colour(item));
                match at {
                    Some((p, g)) => {
                        taken = true;
                        if !grades[p].iter().any(|x| x.eq_ignore_ascii_case(g)) {
                            grades[p].push(g.to_string());
                        }
                    }
                    None if !item.trim().is_empty() => kept.push(item.trim()),
                    None => {}
                }
            }
            if taken {
                row.cells[c] = if kept.is_empty() { Cell::Empty } else { Cell::Text(kept.join(", ")) };
            }
        }
        // (Two grades for one name are both kept, "Good / Inadequate": no
        // scale reads that, so the row's grade is said to be unread.)
        row.cells.extend(grades.into_iter().map(|g| if g.is_empty() { Cell::Empty } else { Cell::Text(g.join(" / ")) }));
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crosswalk() -> Crosswalk {
        Crosswalk::new(&super::super::config::Config::defaults())
    }

    #[test]
    fn labels_headers() {
        for h in ["Labels", "Card Labels", "Tags", "Label(s)", "labels"] {
            assert!(names_labels(h), "{h}");
        }
        for h in ["Label printed", "Team", "Tag number of the file", "Status"] {
            assert!(!names_labels(h), "{h}");
        }
    }

    #[test]
    fn a_grade_after_a_name_with_its_colour() {
        let cw = crosswalk();
        let list: Vec<&str> = items("Q12 Meets good (green), Help and protection (blue)").collect();
        assert_eq!(list, ["Q12 Meets good", "Help and protection"]);
        assert_eq!(graded("Q12 Meets good", &cw), Some(("Q12", "Meets good")));
        assert_eq!(graded("Q12 Does not meet good", &cw), Some(("Q12", "Does not meet good")));
        assert_eq!(graded("Overall: Requires improvement", &cw), Some(("Overall", "Requires improvement")));
        assert_eq!(graded("Help and protection", &cw), None);
        assert_eq!(graded("Good", &cw), None, "a grade alone names nothing");
        assert_eq!(graded("Overall: Good practice", &cw), None, "a tag of practice");
        assert_eq!(graded("Q4 Good practice", &cw), None);
        assert_eq!(graded("Overall: RI with elements of good practice", &cw), Some(("Overall", "RI with elements of good practice")));
    }

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow { row: n, cells: cells.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text(c.to_string()) }).collect() }
    }

    /// A name graded on two rows or more, that the table has no column of,
    /// becomes a column; the other labels stay; two grades for one name are
    /// both kept, for the grade to be said unread.
    #[test]
    fn graded_labels_become_columns() {
        let cw = crosswalk();
        let header = row(1, &["Card Name", "Labels", "Moderated Q12"]);
        let body = [
            row(2, &["Audit – 1", "Q12 Meets good (green), Help and protection (blue)", "Meets good"]),
            row(3, &["Audit – 2", "Q12 Does not meet good (red)", ""]),
            row(4, &["Audit – 3", "Help and protection (blue), Q12 Meets good, Q12 Exceeds good", ""]),
            row(5, &["Audit – 4", "Q3 Meets good", ""]),
            row(6, &["Audit – 5", "Strand: Good practice", ""]),
        ];
        let all = |_: &str| true;
        let found = LabelGrades::find(&header, &body, &cw, all).expect("Q12 graded on three rows");
        assert_eq!(found.names, ["Q12"], "Q3 is graded on one row only");
        let cells = |r: SourceRow| r.cells.iter().map(Cell::as_string).collect::<Vec<_>>();
        assert_eq!(cells(found.apply(header.clone(), 1)), ["Card Name", "Labels", "Moderated Q12", "Q12"]);
        assert_eq!(cells(found.apply(body[0].clone(), 1)), ["Audit – 1", "Help and protection (blue)", "Meets good", "Meets good"]);
        assert_eq!(cells(found.apply(body[1].clone(), 1)), ["Audit – 2", "", "", "Does not meet good"]);
        assert_eq!(cells(found.apply(body[2].clone(), 1))[3], "Meets good / Exceeds good");
        assert_eq!(cells(found.apply(body[4].clone(), 1))[1..], ["Strand: Good practice", "", ""]);
        // (Not a name the recogniser says is graded; a name already a column.)
        assert!(LabelGrades::find(&header, &body, &cw, |_| false).is_none());
        let named = row(1, &["Card Name", "Labels", "Q12"]);
        assert!(LabelGrades::find(&named, &body, &cw, all).is_none());
        assert!(LabelGrades::find(&row(1, &["Card Name", "Notes", "Moderated Q12"]), &body, &cw, all).is_none(), "not a labels column");
    }
}
