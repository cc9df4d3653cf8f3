//! A table that keeps several records on one row as a group of columns
//! repeated across it: numbered ("Visit 1 Date", "Visit 1 Seen Alone", "Visit
//! 2 Date", …; "Legal Status 1", "Start Date 1", "End Date 1", "Legal Status
//! 2", …) or the same sub-headings again under a title each ("August 2026" over
//! "Child's ID number", "Team", "Audit date", … and "September 2026" over the
//! same). Turned round, it is a row per filled group, with the row's other
//! columns (a child's id, an auditor's name) on each: see [`find`] and
//! [`unfold`]. The table reader does this only when the table cannot be read
//! as it is and can be turned round.

use super::fold::fold;
use crate::ingest::{Cell, SourceRow};

/// The repeated groups of a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groups {
    /// The columns outside every group, in order.
    common: Vec<usize>,
    /// The turned table's name for each part of a group.
    parts: Vec<String>,
    /// Each group's column for each part (none where the group lacks it).
    groups: Vec<Vec<Option<usize>>>,
    /// How the groups are told apart, for the note: "numbered" or "repeated".
    how: &'static str,
}

/// A table turned round by [`unfold`].
pub struct Unfolded {
    pub header: Vec<Cell>,
    pub rows: Vec<SourceRow>,
    /// Rows with no group filled: set aside.
    pub without_groups: Vec<u32>,
    pub note: String,
}

/// The header's repeated groups: numbered ones, else runs of the same
/// sub-headings; two groups or more, each of two parts or more.
/// `above` is the row above the header, where titles over the groups may be
/// ("September 2026" over a month's columns): a title over the last group
/// with none after it makes the columns after that group its own.
pub fn find(header: &[Cell], above: Option<&[Cell]>) -> Option<Groups> {
    let texts: Vec<String> = header.iter().map(Cell::as_string).collect();
    let titled: Vec<usize> = above.map(|a| (0..a.len()).filter(|&c| !a[c].is_empty()).collect()).unwrap_or_default();
    numbered(&texts).or_else(|| repeated(&texts, &titled))
}

/// Headers with one number (1 to 50) among their words, whose other words
/// come with two numbers or more: each number a group, each wording a part.
fn numbered(texts: &[String]) -> Option<Groups> {
    // (column, wording with the number taken out, the number)
    let shaped: Vec<(usize, String, u32)> = texts
        .iter()
        .enumerate()
        .filter_map(|(c, t)| {
            let f = fold(t);
            let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
            let at: Vec<usize> = (0..words.len()).filter(|&i| words[i].parse::<u32>().is_ok_and(|n| (1..=50).contains(&n))).collect();
            let [i] = at[..] else { return None };
            let n: u32 = words[i].parse().ok()?;
            let mut rest = words.clone();
            rest[i] = "#";
            (rest.len() > 1).then(|| (c, rest.join(" "), n))
        })
        .collect();
    let numbers_of = |stem: &str| shaped.iter().filter(|(_, s, _)| s == stem).map(|(_, _, n)| *n).collect::<std::collections::BTreeSet<u32>>();
    // Parts: wordings seen with two numbers or more, in the order first seen.
    let mut stems: Vec<&str> = Vec::new();
    for (_, s, _) in &shaped {
        if !stems.contains(&s.as_str()) && numbers_of(s).len() >= 2 {
            stems.push(s);
        }
    }
    let numbers: std::collections::BTreeSet<u32> = shaped.iter().filter(|(_, s, _)| stems.contains(&s.as_str())).map(|(_, _, n)| *n).collect();
    if stems.len() < 2 || numbers.len() < 2 {
        return None;
    }
    let groups: Vec<Vec<Option<usize>>> =
        numbers.iter().map(|n| stems.iter().map(|s| shaped.iter().find(|(_, st, m)| st == s && m == n).map(|(c, _, _)| *c)).collect()).collect();
    let in_group = |c: usize| groups.iter().flatten().any(|x| *x == Some(c));
    let common: Vec<usize> = (0..texts.len()).filter(|&c| !in_group(c)).collect();
    // Each part named as the first group writes it, without its number.
    let parts: Vec<String> = stems
        .iter()
        .map(|s| {
            let c = shaped.iter().find(|(_, st, _)| st == s).map(|(c, _, _)| *c).unwrap_or(0);
            let n = shaped.iter().find(|(_, st, _)| st == s).map(|(_, _, n)| *n).unwrap_or(0);
            without_number(&texts[c], n)
        })
        .collect();
    Some(Groups { common, parts, groups, how: "numbered" })
}

/// A header's text without its group number ("Agreed Action (1)" → "Agreed
/// Action"; "Visit 1 Date" → "Visit Date").
fn without_number(text: &str, n: u32) -> String {
    let number = n.to_string();
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) != number).collect();
    words.join(" ").trim_end_matches([':', '-', ' ']).to_string()
}

/// The longest run of the same three or more sub-headings written two times
/// or more side by side ("Child's ID number", "Team", …, "Child's ID
/// number", "Team", …): each run a group.
fn repeated(texts: &[String], titled: &[usize]) -> Option<Groups> {
    let folded: Vec<String> = texts.iter().map(|t| fold(t)).collect();
    let n = folded.len();
    let mut best: Option<(usize, usize, usize)> = None; // (start, width, count)
                                                        // empty_before[i]: how many of the first i headers are empty.
    let empty_before: Vec<usize> = std::iter::once(0)
        .chain(folded.iter().scan(0, |k, h| {
            *k += usize::from(h.is_empty());
            Some(*k)
        }))
        .collect();
    for width in 3..=n / 2 {
        for start in 0..n.saturating_sub(2 * width - 1) {
            // (Looked at only where the next block starts the same way: a
            // header of thousands of columns is not compared block by block.)
            if folded[start] != folded[start + width] {
                continue;
            }
            let block = &folded[start..start + width];
            if empty_before[start + width] != empty_before[start] {
                continue;
            }
            let mut count = 1;
            while start + (count + 1) * width <= n && folded[start + count * width..start + (count + 1) * width] == *block {
                count += 1;
            }
            if count >= 2 && best.is_none_or(|(_, w, k)| width * count > w * k) {
                best = Some((start, width, count));
            }
        }
    }
    let (start, width, count) = best?;
    let mut parts: Vec<String> = folded[start..start + width].to_vec();
    let mut names: Vec<String> = texts[start..start + width].to_vec();
    let mut blocks: Vec<Vec<(String, usize)>> =
        (0..count).map(|g| (0..width).map(|p| (folded[start + g * width + p].clone(), start + g * width + p)).collect()).collect();
    // A block after the run that starts the same way and holds most of its
    // sub-headings, with a column of its own or one left out (October's block
    // with a "Visit type" the others lack): a group too, each column by its
    // sub-heading.
    let mut at = start + width * count;
    while at < n && folded[at] == parts[0] {
        let end = (at + 1..n).find(|&c| folded[c] == parts[0]).unwrap_or(n);
        let block: Vec<(String, usize)> = (at..end).map(|c| (folded[c].clone(), c)).collect();
        if block.iter().filter(|(h, _)| parts.contains(h)).count() * 2 < width {
            break;
        }
        for (h, c) in &block {
            if !h.is_empty() && !parts.contains(h) {
                parts.push(h.clone());
                names.push(texts[*c].clone());
            }
        }
        blocks.push(block);
        at = end;
    }
    // Columns after the last group, under its title (no title after it): its own.
    let last_start = blocks.last().and_then(|b| b.first()).map(|(_, c)| *c).unwrap_or(start);
    if titled.contains(&last_start) && !titled.iter().any(|&t| t > last_start) {
        let end = blocks.last().and_then(|b| b.last()).map(|(_, c)| *c + 1).unwrap_or(n);
        for c in end..n {
            if !folded[c].is_empty() && !parts.contains(&folded[c]) {
                parts.push(folded[c].clone());
                names.push(texts[c].clone());
            }
            if let Some(b) = blocks.last_mut() {
                b.push((folded[c].clone(), c));
            }
        }
    }
    let covered = |c: usize| blocks.iter().flatten().any(|(_, x)| *x == c);
    let common: Vec<usize> = (0..n).filter(|&c| !covered(c)).collect();
    // (A column after the first group that is in none, or one outside them
    // with one of their sub-headings: the blocks are not regular enough to
    // say which record it belongs to.)
    if common.iter().any(|&c| (c > start && !folded[c].is_empty()) || parts.contains(&folded[c])) {
        return None;
    }
    let groups: Vec<Vec<Option<usize>>> = blocks.iter().map(|b| parts.iter().map(|p| b.iter().find(|(h, _)| h == p).map(|(_, c)| *c)).collect()).collect();
    Some(Groups { common, parts: names, groups, how: "repeated" })
}

/// Whether a group's cells hold a record: two filled or more, or one that is a
/// date, a number or an id. ("AUDIT BREAK" alone in a month's block is no
/// audit; a visit's date with its seen-alone left blank is a visit.)
fn holds_record(cells: &[Cell]) -> bool {
    let filled: Vec<&Cell> = cells.iter().filter(|c| !c.is_empty()).collect();
    match filled[..] {
        [] => false,
        [one] => !matches!(one, Cell::Text(_)) || super::recognise::is_date_value(one) || super::recognise::is_id_value(one),
        _ => true,
    }
}

/// `body` turned round by `groups`: each row's common cells, then one group's
/// cells, for each group that holds a record.
pub fn unfold(header: &[Cell], body: &[SourceRow], groups: &Groups) -> Unfolded {
    let cell = |r: &SourceRow, c: Option<usize>| c.and_then(|c| r.cells.get(c)).cloned().unwrap_or(Cell::Empty);
    let mut out_header: Vec<Cell> = groups.common.iter().map(|&c| header.get(c).cloned().unwrap_or(Cell::Empty)).collect();
    out_header.extend(groups.parts.iter().map(|p| Cell::Text(p.clone())));
    let (mut rows, mut without_groups) = (Vec::new(), Vec::new());
    for r in body {
        let base: Vec<Cell> = groups.common.iter().map(|&c| cell(r, Some(c))).collect();
        if r.is_blank() {
            rows.push(SourceRow { row: r.row, cells: base });
            continue;
        }
        let mut any = false;
        for g in &groups.groups {
            let cells: Vec<Cell> = g.iter().map(|&c| cell(r, c)).collect();
            if holds_record(&cells) {
                rows.push(SourceRow { row: r.row, cells: base.iter().cloned().chain(cells).collect() });
                any = true;
            }
        }
        if !any {
            without_groups.push(r.row);
        }
    }
    let note = format!(
        "several records on a row, in {} groups of columns ({} {}: {}): {} rows read as {} records, one row each",
        groups.how,
        groups.groups.len(),
        if groups.how == "numbered" { "numbers" } else { "groups" },
        groups.parts.iter().map(|p| format!("'{p}'")).collect::<Vec<_>>().join(", "),
        body.iter().filter(|r| !r.is_blank()).count(),
        rows.iter().filter(|r| !r.is_blank()).count()
    );
    Unfolded { header: out_header, rows, without_groups, note }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(texts: &[&str]) -> Vec<Cell> {
        texts.iter().map(|t| Cell::text(t)).collect()
    }

    #[test]
    fn numbered_groups_become_a_row_each() {
        let h = header(&["Person ID", "Visit Type", "Visit 1 Date", "Visit 1 Seen Alone", "Visit 2 Date", "Visit 2 Seen Alone"]);
        let g = find(&h, None).expect("two numbered groups");
        let body = vec![SourceRow::texts(2, &["C1", "CP", "04/08/2026", "Yes", "18/08/2026", ""]), SourceRow::texts(3, &["C2", "LAC", "", "", "", ""])];
        let u = unfold(&h, &body, &g);
        let names: Vec<String> = u.header.iter().map(Cell::as_string).collect();
        assert_eq!(names, ["Person ID", "Visit Type", "Visit Date", "Visit Seen Alone"]);
        let rows: Vec<(u32, Vec<String>)> = u.rows.iter().map(|r| (r.row, r.cells.iter().map(Cell::as_string).collect())).collect();
        assert_eq!(
            rows,
            [
                (2, vec!["C1".to_string(), "CP".into(), "04/08/2026".into(), "Yes".into()]),
                (2, vec!["C1".to_string(), "CP".into(), "18/08/2026".into(), "".into()]),
            ]
        );
        assert_eq!(u.without_groups, [3]);
    }

    #[test]
    fn the_same_sub_headings_again_are_groups_and_a_placeholder_is_no_record() {
        let h = header(&["Auditor name", "Child ID", "Team", "Audit date", "Child ID", "Team", "Audit date"]);
        let g = find(&h, None).expect("two repeated groups");
        let body = vec![SourceRow::texts(5, &["Ann Example", "F1", "East", "13/08/2026", "AUDIT BREAK", "", ""])];
        let u = unfold(&h, &body, &g);
        assert_eq!(u.rows.len(), 1);
        assert_eq!(u.rows[0].cells.iter().map(Cell::as_string).collect::<Vec<_>>(), ["Ann Example", "F1", "East", "13/08/2026"]);
    }

    #[test]
    fn a_last_block_with_a_column_of_its_own_is_a_group_and_an_irregular_one_is_none() {
        let h = header(&["Child ID", "Visit date", "Seen alone", "Child ID", "Visit date", "Seen alone", "Child ID", "Visit date", "Visit type", "Seen alone"]);
        let g = find(&h, None).expect("three groups");
        let body = vec![SourceRow::texts(2, &["C1", "01/09/2026", "Yes", "", "", "", "C1", "02/10/2026", "CP", "No"])];
        let u = unfold(&h, &body, &g);
        let rows: Vec<Vec<String>> = u.rows.iter().map(|r| r.cells.iter().map(Cell::as_string).collect()).collect();
        // (October's "CP" is October's visit's, not September's.)
        assert_eq!(rows, [vec!["C1", "01/09/2026", "Yes", ""], vec!["C1", "02/10/2026", "No", "CP"]]);
        // A column after the groups, in none of them: whose is it? No groups;
        // unless a title over the last group, and none after it, says.
        let trailing = header(&["Child ID", "Visit date", "Seen alone", "Child ID", "Visit date", "Seen alone", "Visit type"]);
        assert_eq!(find(&trailing, None), None);
        let titles = header(&["September 2026", "", "", "October 2026", "", "", ""]);
        let g = find(&trailing, Some(&titles)).expect("the last group's own column");
        let body = vec![SourceRow::texts(2, &["C1", "10/09/2026", "Yes", "C1", "20/10/2026", "No", "CP"])];
        let rows: Vec<Vec<String>> = unfold(&trailing, &body, &g).rows.iter().map(|r| r.cells.iter().map(Cell::as_string).collect()).collect();
        assert_eq!(rows, [vec!["C1", "10/09/2026", "Yes", ""], vec!["C1", "20/10/2026", "No", "CP"]]);
        let odd = header(&["Child ID", "Visit date", "Seen alone", "Child ID", "Visit date", "Seen alone", "Notes", "Visit date"]);
        assert_eq!(find(&odd, None), None);
    }

    #[test]
    fn numbered_questions_and_one_numbered_column_are_no_groups() {
        assert_eq!(find(&header(&["Child ID", "Q1 Risk", "Q2 Plans", "Q3 Voice"]), None), None);
        assert_eq!(find(&header(&["Child ID", "Views 1", "Views 2", "Audit date"]), None), None);
        assert_eq!(without_number("Agreed Action (1)", 1), "Agreed Action");
        assert_eq!(without_number("Parents / carers views: 2", 2), "Parents / carers views");
    }
}
