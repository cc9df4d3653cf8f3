//! Two or three fields in one cell, under a header that names them all
//! ("Allocated / Deadline": "01/09/2026 – 30/09/2026"; "Date completed –
//! OVERALL JUDGEMENT": "24/09/2026 – Good"; "Spoken to (Child / Family /
//! SW)": "Y / N / Y"): read as a column per field the header names, when
//! each part of the header names a field on its own and the cells split
//! into as many parts.

use crate::ingest::{Cell, SourceRow};

/// How the parts of a cell are set apart: spaced, so that a date's own
/// slashes ("01/09/2026") and a word's hyphen stay whole.
const CELL_SEPARATORS: [&str; 5] = [" / ", " – ", " — ", " - ", "; "];

/// The columns of a table whose cells hold several fields.
#[derive(Debug, Clone)]
pub struct CombinedColumns {
    /// Each combined column and the names of its parts.
    columns: Vec<(usize, Vec<String>)>,
    /// The header's width: the new columns start after it on every row.
    width: usize,
}

/// The parts a header names: "A / B", "A – B", "A & B", or "X (a / b / c)"
/// as "X a", "X b", "X c".
fn header_parts(header: &str) -> Option<Vec<String>> {
    let h = header.trim();
    if let (Some(open), true) = (h.find('('), h.ends_with(')')) {
        let (outside, inside) = (h[..open].trim(), &h[open + 1..h.len() - 1]);
        let parts: Vec<&str> = inside.split(['/', '–']).map(str::trim).filter(|p| !p.is_empty()).collect();
        if !outside.is_empty() && parts.len() >= 2 {
            return Some(parts.iter().map(|p| format!("{outside} {p}")).collect());
        }
        return None;
    }
    // (Spaced: "child/young person" and "SW/PA" are one thing in two words.)
    for sep in [" / ", " – ", " - ", " & "] {
        let parts: Vec<&str> = h.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
        if parts.len() >= 2 {
            return Some(parts.iter().map(|p| p.to_string()).collect());
        }
    }
    None
}

/// A cell's parts, when it splits into `n` by one of [`CELL_SEPARATORS`]; a
/// lone dash is an empty part ("Exceeds good / –"). (Not at a hyphen: "Yes -
/// seen at school" is one answer and what was said.)
fn cell_parts(text: &str, n: usize) -> Option<Vec<String>> {
    CELL_SEPARATORS.iter().filter(|s| **s != " - ").find_map(|sep| {
        let parts: Vec<&str> = text.split(sep).map(str::trim).collect();
        (parts.len() == n).then(|| parts.iter().map(|p| if matches!(*p, "-" | "–" | "—") { String::new() } else { p.to_string() }).collect())
    })
}

impl CombinedColumns {
    /// The table's combined columns: a header of two or more parts, each
    /// naming a field (`names_field`) and not all the same, whose filled
    /// cells (three or more) nearly all split into as many parts.
    pub fn find(header: &SourceRow, body: &[SourceRow], names_field: impl Fn(&str) -> Option<String>) -> Option<CombinedColumns> {
        let mut columns = Vec::new();
        for (c, cell) in header.cells.iter().enumerate() {
            let Cell::Text(h) = cell else { continue };
            // (A header that names one field in two words, "Child/YP spoken
            // to?", "Parents / carers views", has parts naming no field or the
            // same one, and cells of one answer.)
            let Some(parts) = header_parts(h) else { continue };
            let fields: Vec<Option<String>> = parts.iter().map(|p| names_field(p)).collect();
            let mut distinct: Vec<&String> = fields.iter().flatten().collect();
            distinct.sort();
            distinct.dedup();
            // (A spoken-to question with more words after it, "spoke with the
            // child / young person": "Yes – seen at school" is its answer and
            // what was said. Spoken-to parts only with each other.)
            let spoken = fields.iter().flatten().filter(|f| f.starts_with("spoke_")).count();
            if fields.iter().any(Option::is_none) || distinct.len() < parts.len() || (spoken > 0 && spoken < parts.len()) {
                continue;
            }
            let texts: Vec<String> = body.iter().filter_map(|r| r.cells.get(c)).filter(|x| !x.is_empty()).map(Cell::as_string).collect();
            let split = texts.iter().filter(|t| cell_parts(t, parts.len()).is_some()).count();
            if texts.len() >= 3 && split * 10 >= texts.len() * 8 {
                columns.push((c, parts));
            }
        }
        (!columns.is_empty()).then_some(CombinedColumns { columns, width: header.cells.len() })
    }

    /// What was read, for validate and data_quality.
    pub fn describe(&self, header: &SourceRow) -> String {
        let each: Vec<String> = self
            .columns
            .iter()
            .map(|(c, names)| {
                format!(
                    "'{}' as {}",
                    header.cells.get(*c).map(Cell::as_string).unwrap_or_default(),
                    names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
                )
            })
            .collect();
        format!("columns whose header names several fields and whose cells hold them in turn: read as a column per field: {}", each.join("; "))
    }

    /// The row with each combined column's parts as columns of their own
    /// (the header gains their names; rows above it are left as they are).
    pub fn apply(&self, mut row: SourceRow, header_row: u32) -> SourceRow {
        if row.row < header_row {
            return row;
        }
        row.cells.resize(self.width, Cell::Empty);
        for (c, names) in &self.columns {
            if row.row == header_row {
                row.cells[*c] = Cell::Empty;
                row.cells.extend(names.iter().map(|n| Cell::Text(n.clone())));
                continue;
            }
            let text = row.cells[*c].as_string();
            match cell_parts(&text, names.len()) {
                Some(parts) => {
                    row.cells[*c] = Cell::Empty;
                    row.cells.extend(parts.iter().map(|p| Cell::text(p)));
                }
                None => row.cells.extend(names.iter().map(|_| Cell::Empty)),
            }
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow { row: n, cells: cells.iter().map(|t| Cell::text(t)).collect() }
    }

    #[test]
    fn a_header_of_two_fields_over_cells_of_two_parts_is_two_columns() {
        let field = |h: &str| match h.trim().to_lowercase().as_str() {
            "allocated" => Some("allocated_date".to_string()),
            "deadline" => Some("due_date".to_string()),
            "child id" => Some("child_id".to_string()),
            _ => None,
        };
        let header = row(1, &["Child ID", "Allocated / Deadline"]);
        let body = vec![row(2, &["C1", "01/09/2026 – 30/09/2026"]), row(3, &["C2", "01/10/2026 – 31/10/2026"]), row(4, &["C3", "01/10/2026 – 31/10/2026"])];
        let combined = CombinedColumns::find(&header, &body, field).expect("combined");
        let h = combined.apply(header.clone(), 1);
        assert_eq!(h.cells[2].as_string(), "Allocated");
        assert_eq!(h.cells[3].as_string(), "Deadline");
        let r = combined.apply(body[0].clone(), 1);
        assert_eq!(r.cells[3].as_string(), "30/09/2026");
        // A header one part of which names no field is one field: not split.
        let header = row(1, &["Child ID", "Child / YP"]);
        assert!(CombinedColumns::find(&header, &[row(2, &["C1", "Yes / No"]), row(3, &["C2", "Yes / No"]), row(4, &["C3", "Y / N"])], field).is_none());
    }
}
