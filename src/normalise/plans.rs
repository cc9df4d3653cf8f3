//! Legal status in wide form: one row per child, with a start and an end
//! column for each kind of plan ("CP start", "CP end", "CLA start", "CLA
//! end"). Each plan with a start date becomes a legal-status row of its own
//! (plan type, start, end, and the child's other columns), which is then read
//! like any legal-status table. A column of current legal statuses beside the
//! pairs ("Legal status": CPP, C2, CIN) says less than the pairs and is left
//! out of the rows made, so that it cannot compete with them.

use super::fold::fold;
use crate::ingest::{Cell, SourceRow};

/// Words that make a header a plan's start or end ("CP start date", "Date
/// CLA ended").
const START: &[&str] = &["start", "started", "starts", "from", "began", "begin", "commenced", "opened"];
const END: &[&str] = &["end", "ended", "ends", "to", "ceased", "closed", "until"];

/// One kind of plan's columns: the plan's name as the header gives it, its
/// start column and its end column (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub name: String,
    pub start: usize,
    pub end: Option<usize>,
}

/// The plans a header has a start column for, when there are two kinds or more
/// (one pair is a plain legal-status table with the kind in its headers).
/// `kind_of` names a plan's kind from its words (the legal-status rules).
pub fn plans<'k>(header: &[Cell], kind_of: impl Fn(&str) -> Option<&'k str>) -> Vec<Plan> {
    let mut starts: Vec<(&str, String, usize)> = Vec::new();
    let mut ends: Vec<(&str, usize)> = Vec::new();
    for (i, c) in header.iter().enumerate() {
        let folded = fold(&c.as_string());
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let is_start = words.iter().any(|w| START.contains(w));
        let is_end = words.iter().any(|w| END.contains(w));
        if is_start == is_end {
            continue;
        }
        let rest: Vec<&str> = words.iter().copied().filter(|w| !START.contains(w) && !END.contains(w) && *w != "date").collect();
        let Some(kind) = kind_of(&rest.join(" ")) else { continue };
        if is_start && !starts.iter().any(|(k, _, _)| *k == kind) {
            let text = c.as_string();
            let name: Vec<&str> =
                text.split_whitespace().filter(|w| !START.contains(&fold(w).as_str()) && fold(w) != "date").map(|w| w.trim_end_matches(':')).collect();
            starts.push((kind, name.join(" "), i));
        } else if is_end && !ends.iter().any(|(k, _)| *k == kind) {
            ends.push((kind, i));
        }
    }
    if starts.len() < 2 {
        return Vec::new();
    }
    starts.into_iter().map(|(kind, name, start)| Plan { name, start, end: ends.iter().find(|(k, _)| *k == kind).map(|(_, e)| *e) }).collect()
}

/// The rows as one legal-status row per plan with a start date.
#[derive(Debug)]
pub struct Unfolded {
    pub header: Vec<Cell>,
    pub rows: Vec<SourceRow>,
    /// Children's rows with no plan start at all: set aside.
    pub without_plans: Vec<u32>,
    pub note: String,
}

/// Unfolds `body` by `plans`.
pub fn unfold(header: &[Cell], body: &[SourceRow], plans: &[Plan]) -> Unfolded {
    let width = header.len().max(body.iter().map(|r| r.cells.len()).max().unwrap_or(0));
    let in_plans = |c: usize| plans.iter().any(|p| p.start == c || p.end == Some(c));
    // A current-status column is named so ("Legal status", "Status"); its
    // values are not enough ("CP North" is a team).
    let status_column = |c: usize| header.get(c).is_some_and(|h| fold(&h.as_string()).split(' ').any(|w| w == "status" || w == "legal"));
    let left_out: Vec<usize> = (0..width).filter(|&c| !in_plans(c) && status_column(c)).collect();
    let kept: Vec<usize> = (0..width).filter(|&c| !in_plans(c) && !left_out.contains(&c)).collect();
    let mut out_header: Vec<Cell> = kept.iter().map(|&c| header.get(c).cloned().unwrap_or(Cell::Empty)).collect();
    out_header.extend(["Plan type", "Start date", "End date"].map(|h| Cell::Text(h.to_string())));
    let mut rows = Vec::new();
    let mut without_plans = Vec::new();
    let cell = |r: &SourceRow, c: usize| r.cells.get(c).cloned().unwrap_or(Cell::Empty);
    for r in body {
        let base: Vec<Cell> = kept.iter().map(|&c| cell(r, c)).collect();
        if r.is_blank() {
            rows.push(SourceRow { row: r.row, cells: base });
            continue;
        }
        let mut any = false;
        for p in plans.iter().filter(|p| !cell(r, p.start).is_empty()) {
            let mut cells = base.clone();
            cells.extend([Cell::Text(p.name.clone()), cell(r, p.start), p.end.map(|e| cell(r, e)).unwrap_or(Cell::Empty)]);
            rows.push(SourceRow { row: r.row, cells });
            any = true;
        }
        if !any {
            without_plans.push(r.row);
        }
    }
    let names: Vec<String> = plans.iter().map(|p| format!("'{}'", p.name)).collect();
    let mut note = format!(
        "legal status in wide form (a start and an end column per plan: {}): {} rows read as {} plans, one row each",
        names.join(", "),
        body.iter().filter(|r| !r.is_blank()).count(),
        rows.iter().filter(|r| !r.is_blank()).count()
    );
    if !left_out.is_empty() {
        let h: Vec<String> = left_out.iter().map(|&c| format!("'{}'", header.get(c).map(Cell::as_string).unwrap_or_default())).collect();
        note.push_str(&format!("; {} (the current status) not used", h.join(", ")));
    }
    Unfolded { header: out_header, rows, without_plans, note }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::config::Config;
    use crate::normalise::table::KindRules;

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow::texts(n, cells)
    }

    #[test]
    fn a_row_per_child_becomes_a_row_per_plan() {
        let rules = KindRules::new(&Config::defaults().episode_types);
        let header = row(1, &["Child ID", "Legal status", "CP start", "CP end", "CLA start date", "CLA end date", "Team"]).cells;
        let found = plans(&header, |t| rules.classify(t));
        assert_eq!(found, [Plan { name: "CP".into(), start: 2, end: Some(3) }, Plan { name: "CLA".into(), start: 4, end: Some(5) }]);
        let body = vec![
            row(2, &["C1", "CPP", "01/03/2026", "", "", "", "North"]),
            row(3, &["C2", "C2", "01/01/2026", "05/05/2026", "06/05/2026", "", "South"]),
            row(4, &["C3", "CIN", "", "", "", "", "North"]),
        ];
        let u = unfold(&header, &body, &found);
        let h: Vec<String> = u.header.iter().map(Cell::as_string).collect();
        assert_eq!(h, ["Child ID", "Team", "Plan type", "Start date", "End date"]);
        let rows: Vec<(u32, Vec<String>)> = u.rows.iter().map(|r| (r.row, r.cells.iter().map(Cell::as_string).collect())).collect();
        assert_eq!(
            rows,
            [
                (2, vec!["C1".to_string(), "North".into(), "CP".into(), "01/03/2026".into(), "".into()]),
                (3, vec!["C2".to_string(), "South".into(), "CP".into(), "01/01/2026".into(), "05/05/2026".into()]),
                (3, vec!["C2".to_string(), "South".into(), "CLA".into(), "06/05/2026".into(), "".into()]),
            ]
        );
        assert_eq!(u.without_plans, [4]);
        assert!(u.note.contains("3 rows read as 3 plans") && u.note.contains("'Legal status' (the current status) not used"), "{}", u.note);
    }

    #[test]
    fn one_plan_or_plain_dates_are_not_wide() {
        let rules = KindRules::new(&Config::defaults().episode_types);
        for h in [&["Child ID", "Legal status", "Start date", "End date"][..], &["Child ID", "CP start", "CP end"], &["Child ID", "Plan type", "From", "To"]] {
            assert!(plans(&row(1, h).cells, |t| rules.classify(t)).is_empty(), "{h:?}");
        }
    }
}
