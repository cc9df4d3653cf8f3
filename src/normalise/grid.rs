//! One column per grade: a Word table turned into a spreadsheet, where the
//! grade is the column with a mark in it ("Q12 Exceeds good | Q12 Meets good |
//! Q12 Does not meet good | Q12 Not applicable", an X, ✓, 1 or TRUE in the one
//! chosen). Such a run of columns is read as one column named by what the
//! headers share ("Q12"), holding the label of the marked column; no mark is
//! blank, and two marks are undecided (written "A or B", which no scale knows,
//! so it is warned as not graded).

use super::scales::Crosswalk;
use crate::ingest::cell::{BOX_OFF, BOX_ON};
use crate::ingest::{Cell, SourceRow};

/// A run of columns, one per grade of a scale.
#[derive(Debug, Clone, PartialEq)]
struct Grid {
    /// The name the run is read under (what its headers share).
    name: String,
    /// Each column and the grade label its header names, left to right.
    columns: Vec<(usize, String)>,
}

/// The grade grids of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeGrids(Vec<Grid>);

/// A mark in a grid cell: the column is the one chosen.
fn is_mark(c: &Cell) -> bool {
    match c {
        Cell::Bool(b) => *b,
        Cell::Number(n) => *n == 1.0,
        Cell::Text(t) => {
            let t = t.trim().trim_end_matches(['\u{fe0f}', '\u{fe0e}']);
            let mut chars = t.chars();
            let glyph = chars.next().filter(|_| chars.next().is_none());
            matches!(t.to_ascii_lowercase().as_str(), "x" | "1" | "true" | "yes" | "y" | "*") || glyph.is_some_and(|g| BOX_ON.contains(&g) || g == '●')
        }
        _ => false,
    }
}

/// A cell that says "not this one": blank, FALSE, 0, No or an empty box.
fn is_unmarked(c: &Cell) -> bool {
    match c {
        Cell::Empty => true,
        Cell::Bool(b) => !*b,
        Cell::Number(n) => *n == 0.0,
        Cell::Text(t) => {
            let t = t.trim();
            matches!(t.to_ascii_lowercase().as_str(), "0" | "false" | "no" | "n" | "-") || (t.chars().count() == 1 && t.starts_with(BOX_OFF))
        }
        _ => false,
    }
}

/// A header split into what comes before a grade label and the label
/// ("Q12 Meets good" → ("Q12", "Meets good", its scale)), the longest label
/// that ends the header.
fn split_label(header: &str, crosswalk: &Crosswalk) -> Option<(String, String, String)> {
    // (A heading's own colon is not the grade's: "Q12 Meets good:".)
    let header = header.trim().trim_end_matches(':');
    let words: Vec<&str> = header.split_whitespace().collect();
    (0..words.len()).find_map(|k| {
        let label = words[k..].join(" ");
        let j = crosswalk.judge(&Cell::text(&label), None, super::config::NumericDirection::Ofsted).ok().flatten()?;
        // A label as written, not a number, a guess from a typed word, or a label with commentary.
        if j.scale == super::scales::NUMERIC || super::fold::fold(&j.label) != super::fold::fold(&label) {
            return None;
        }
        let prefix = words[..k].join(" ");
        Some((prefix.trim_end_matches([':', '-', '–', '(']).trim().to_string(), label, j.scale))
    })
}

impl GradeGrids {
    /// The grids among a header's columns: three or more side by side whose
    /// headers are the same words (or none) then different labels of one scale
    /// (not-applicable beside any), or two whose labels are yes and no, and
    /// whose cells in the rows below are marks or blank, with a mark somewhere.
    pub fn find(header: &[Cell], body: &[SourceRow], crosswalk: &Crosswalk) -> Option<GradeGrids> {
        let parts: Vec<Option<(String, String, String)>> = header
            .iter()
            .map(|c| match c {
                Cell::Text(t) if t.len() <= 120 => split_label(t, crosswalk),
                _ => None,
            })
            .collect();
        let mut grids = Vec::new();
        let mut i = 0;
        while i < parts.len() {
            let Some((prefix, _, _)) = &parts[i] else {
                i += 1;
                continue;
            };
            let mut run = vec![i];
            let mut j = i + 1;
            while let Some(Some((p, label, _))) = parts.get(j) {
                let new_label = run.iter().all(|&k| parts[k].as_ref().is_some_and(|(_, l, _)| l != label));
                if p != prefix || !new_label {
                    break;
                }
                run.push(j);
                j += 1;
            }
            // One scale knows every label ("Exceeds good" and "Meets good"
            // may each be read first on another scale), not-applicable aside.
            let na = |k: usize| parts[k].as_ref().is_some_and(|(_, _, s)| s == super::scales::NOT_APPLICABLE);
            let one_scale = run
                .iter()
                .filter_map(|&k| parts[k].as_ref().map(|(_, _, s)| s))
                .any(|s| run.iter().all(|&k| na(k) || parts[k].as_ref().is_some_and(|(_, l, _)| crosswalk.covers(s, &Cell::text(l)))));
            let graded = run.iter().filter(|&&k| !na(k)).count();
            let cells = || body.iter().flat_map(|r| run.iter().map(move |&k| r.cells.get(k).unwrap_or(&Cell::Empty)));
            let marks = cells().filter(|c| is_mark(c)).count();
            let all_marks = cells().all(|c| is_mark(c) || is_unmarked(c));
            // (Or a question's yes and no, two columns: "Completed with input
            // from allocated SW/PA - Yes | … - No"; blind set 195's dunmarrow.)
            let label_of = |k: usize| parts[k].as_ref().map(|(_, l, _)| super::fold::fold(l)).unwrap_or_default();
            // (Named for their question: bare "Yes | No" heads a checklist's
            // answers down its rows.)
            let yes_no = run.len() == 2 && !prefix.is_empty() && {
                let (a, b) = (label_of(run[0]), label_of(run[1]));
                matches!((a.as_str(), b.as_str()), ("yes", "no") | ("no", "yes"))
            };
            if ((run.len() >= 3 && graded >= 2) || yes_no) && one_scale && marks > 0 && all_marks {
                let name = if prefix.is_empty() { "Grade".to_string() } else { prefix.clone() };
                grids.push(Grid { name, columns: run.iter().map(|&k| (k, parts[k].as_ref().map(|(_, l, _)| l.clone()).unwrap_or_default())).collect() });
                i = j;
            } else {
                i += 1;
            }
        }
        (!grids.is_empty()).then_some(GradeGrids(grids))
    }

    /// What the table's validate report says was done.
    pub fn describe(&self) -> String {
        let each: Vec<String> =
            self.0.iter().map(|g| format!("\"{}\" ({})", g.name, g.columns.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>().join(" | "))).collect();
        format!(
            "one column per grade with a mark in the one chosen, read as one column each: {}; no mark is blank, two marks are undecided (not graded)",
            each.join(", ")
        )
    }

    /// A row with each grid made one column (the first), the others blank.
    pub fn apply(&self, mut row: SourceRow, header_row: u32) -> SourceRow {
        if row.row < header_row {
            return row;
        }
        for g in &self.0 {
            let width = g.columns.iter().map(|(k, _)| k + 1).max().unwrap_or(0);
            if row.cells.len() < width {
                row.cells.resize(width, Cell::Empty);
            }
            let value = if row.row == header_row {
                Cell::Text(g.name.clone())
            } else {
                let marked: Vec<&str> = g.columns.iter().filter(|(k, _)| is_mark(&row.cells[*k])).map(|(_, l)| l.as_str()).collect();
                match marked.as_slice() {
                    [] => Cell::Empty,
                    [one] => Cell::Text((*one).to_string()),
                    // (A yes and a no both marked: words no answer reads as
                    // either, "Yes or No" would read as yes; review 263's c32.)
                    several if g.columns.len() == 2 => Cell::Text(format!("Marked twice: {}", several.join(" and "))),
                    several => Cell::Text(several.join(" or ")),
                }
            };
            for (k, _) in &g.columns {
                row.cells[*k] = Cell::Empty;
            }
            row.cells[g.columns[0].0] = value;
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::config::Config;

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow { row: n, cells: cells.iter().map(|c| Cell::text(c)).collect() }
    }

    #[test]
    fn one_column_per_grade_with_a_mark_is_one_graded_column() {
        let cw = Crosswalk::new(&Config::defaults());
        let header = row(1, &["Child ID", "Q12 Exceeds good", "Q12 Meets good", "Q12 Does not meet good", "Q12 Not applicable", "Notes"]);
        let body = vec![
            row(2, &["C1", "", "X", "", "", "fine"]),
            row(3, &["C2", "✓", "", "", "", ""]),
            row(4, &["C3", "", "x", "1", "", ""]),
            row(5, &["C4", "", "", "", "", ""]),
        ];
        let grids = GradeGrids::find(&header.cells, &body, &cw).expect("a grid");
        let h = grids.apply(header.clone(), 1);
        assert_eq!(h.cells[1], Cell::Text("Q12".into()));
        assert!(h.cells[2..5].iter().all(Cell::is_empty));
        assert_eq!(h.cells[5], Cell::Text("Notes".into()));
        let got: Vec<Cell> = body.into_iter().map(|r| grids.apply(r, 1).cells[1].clone()).collect();
        assert_eq!(
            got,
            [Cell::Text("Meets good".into()), Cell::Text("Exceeds good".into()), Cell::Text("Meets good or Does not meet good".into()), Cell::Empty]
        );
    }

    #[test]
    fn columns_of_grades_or_of_words_are_no_grid() {
        let cw = Crosswalk::new(&Config::defaults());
        // Grades written in the cells: ordinary graded columns.
        let header = row(1, &["Child ID", "Q1 Good", "Q2 Good", "Q3 Good"]);
        assert_eq!(GradeGrids::find(&header.cells, &[row(2, &["C1", "X", "", ""])], &cw), None, "the same label three times");
        let header = row(1, &["Child ID", "Outstanding", "Good", "Requires improvement", "Inadequate"]);
        assert_eq!(GradeGrids::find(&header.cells, &[row(2, &["C1", "3", "5", "1", "0"])], &cw), None, "counts, not marks");
        assert!(GradeGrids::find(&header.cells, &[row(2, &["C1", "", "TRUE", "FALSE", "FALSE"])], &cw).is_some());
    }
}
