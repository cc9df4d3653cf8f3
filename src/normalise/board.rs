//! A board exported group by group (monday.com's "Export board to Excel",
//! and tools like it): each group's title on a row of its own, then the
//! group's own header row and its items; under an item with subitems, a
//! header row of the subitems' own, starting with "Subitems" ("Subitems |
//! Name | Owner | Status | Due date"), usually one column to the right, and
//! the subitems below it, their first column left empty.
//!
//! The items are read as the table. The groups' titles and the subitem rows
//! are set aside in it, each said, and the subitems are read as a table of
//! their own after it, each with its item's name in a column "Parent item"
//! (so an action finds its audit by the child's id in its item's name), and
//! the subitems' "Name" read as the action (subitems under audits are what
//! is to be done about them).

use super::fold::fold;
use super::sections::same_as_header;
use crate::ingest::{Cell, SourceRow};

/// Marks a row set aside by the board's reading: it stands in a cell after
/// every column, so no column's values include it.
const MARK: char = '\u{2}';

/// Why a group's title row is not counted.
pub const GROUP_TITLE: &str = "a group's title on a board exported group by group (its own header row follows it)";

/// Why a subitem row, or the subitems' header row, is not counted in the
/// items' table.
pub const SUBITEM_ROW: &str = "a subitem of the item above it (or the subitems' header row): read in the subitems' own table, after this one";

/// The header the subitems' "Name" is read under.
const SUBITEM_NAME: &str = "Action";

/// The name given to the column added to the subitems' table.
pub const PARENT_ITEM: &str = "Parent item";

/// Whether a row starts the subitems of an item: its first filled cell says
/// "Subitems", and three or more column names follow it, "Name" among
/// them. Returns the column its names start at.
fn subitem_header(row: &SourceRow) -> Option<usize> {
    let first = row.cells.iter().position(|c| !c.is_empty())?;
    let Cell::Text(t) = &row.cells[first] else { return None };
    if !matches!(fold(t).as_str(), "subitems" | "subitem" | "sub items" | "sub item") {
        return None;
    }
    let names: Vec<String> = row.cells[first + 1..].iter().filter(|c| !c.is_empty()).map(|c| fold(&c.as_string())).collect();
    let all_text = row.cells[first + 1..].iter().all(|c| c.is_empty() || matches!(c, Cell::Text(_)));
    (all_text && names.len() >= 3 && names.iter().any(|n| n == "name")).then_some(first + 1)
}

/// A row of one text with the header again as the next row that is not
/// blank: a group's title.
fn group_title(rows: &[SourceRow], i: usize, header: &SourceRow) -> bool {
    rows[i].lone_text().is_some() && marked(&rows[i]).is_none() && rows[i + 1..].iter().find(|r| !r.is_blank()).is_some_and(|r| same_as_header(r, header))
}

/// How a board's rows are read.
#[derive(Clone, Debug)]
pub struct Board {
    /// The header row (to know it again: a group's own).
    header: SourceRow,
    /// The column of the item's name (the subitems' parent).
    item: usize,
    /// Groups' titles and subitem header rows found in the rows looked at.
    groups: usize,
    subitems: usize,
}

impl Board {
    /// A board among `body` (the rows below `header`): at least one subitems'
    /// header row (and any groups' titles, each followed by its own header row).
    pub fn find(header: &SourceRow, body: &[SourceRow]) -> Option<Board> {
        if header.filled().len() < 3 {
            return None;
        }
        let groups = (0..body.len()).filter(|&i| group_title(body, i, header)).count();
        let subitems = body.iter().filter(|r| subitem_header(r).is_some()).count();
        // (Subitems say so: group titles alone may be a report's sections,
        // "Team: Looked After", or its title again on each page.)
        if subitems == 0 {
            return None;
        }
        // (The item's name: the header's "Name" or "Item", else its first column.)
        let item = header
            .cells
            .iter()
            .position(|c| matches!(fold(&c.as_string()).as_str(), "name" | "item" | "item name"))
            .or_else(|| header.cells.iter().position(|c| !c.is_empty()))?;
        Some(Board { header: header.clone(), item, groups, subitems })
    }

    /// What was found, for `validate`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.groups > 0 {
            parts.push("each group's title and header row are set aside".to_string());
        }
        if self.subitems > 0 {
            parts.push(format!(
                "the subitems under items are read as a table of their own, after the items, each with its item's name as '{PARENT_ITEM}' and its 'Name' as '{SUBITEM_NAME}'"
            ));
        }
        format!("a board exported group by group (groups with their own header rows, subitems under their items): {}", parts.join("; "))
    }

    /// The rows as read: the items' table (group titles and subitem rows
    /// marked, to be set aside), and the subitems' table (its header, then
    /// each subitem with its item's name first), none where there are none.
    /// `header` is the header row's number.
    pub fn split(&self, rows: Vec<SourceRow>, header: u32) -> (Vec<SourceRow>, Option<Vec<SourceRow>>) {
        let mut items = Vec::with_capacity(rows.len());
        let mut subs: Vec<SourceRow> = Vec::new();
        let mut sub_header = false;
        let mut in_subs: Option<usize> = None;
        let mut item: Option<Cell> = None;
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let mark = |row: &mut SourceRow, why: &str| {
            let text: Vec<String> = row.filled().iter().map(|c| c.as_string()).collect();
            row.cells = vec![Cell::Empty; width];
            row.cells.push(Cell::Text(format!("{MARK}{why}{MARK}{}", text.join(" "))));
        };
        for i in 0..rows.len() {
            let mut row = rows[i].clone();
            if row.row <= header {
                items.push(row);
                continue;
            }
            if row.is_blank() {
                in_subs = None;
                items.push(row);
                continue;
            }
            if let Some(at) = subitem_header(&row) {
                if !sub_header {
                    // ("Subitems | Name": what the subitem is, the action.)
                    let mut cells = vec![Cell::text(PARENT_ITEM)];
                    cells.extend(row.cells[at..].iter().map(|c| if fold(&c.as_string()) == "name" { Cell::text(SUBITEM_NAME) } else { c.clone() }));
                    subs.push(SourceRow { row: row.row, cells });
                    sub_header = true;
                }
                in_subs = Some(at);
                mark(&mut row, SUBITEM_ROW);
                items.push(row);
                continue;
            }
            // (A subitem: nothing before its names' column.)
            if let Some(at) = in_subs.filter(|&at| row.cells[..at.min(row.cells.len())].iter().all(Cell::is_empty)) {
                let mut cells = vec![item.clone().unwrap_or(Cell::Empty)];
                cells.extend(row.cells.get(at..).unwrap_or_default().iter().cloned());
                subs.push(SourceRow { row: row.row, cells });
                mark(&mut row, SUBITEM_ROW);
                items.push(row);
                continue;
            }
            in_subs = None;
            if group_title(&rows, i, &self.header) {
                mark(&mut row, GROUP_TITLE);
                items.push(row);
                continue;
            }
            if !same_as_header(&row, &self.header) {
                item = row.cells.get(self.item).cloned();
            }
            items.push(row);
        }
        let subs = (subs.len() > 1).then_some(subs);
        (items, subs)
    }
}

/// Why a row was marked by [`Board::split`], and its text as written.
pub fn marked(row: &SourceRow) -> Option<(&'static str, String)> {
    let Some(Cell::Text(t)) = row.cells.last() else { return None };
    let rest = t.strip_prefix(MARK)?;
    let (why, text) = rest.split_once(MARK)?;
    let why = [GROUP_TITLE, SUBITEM_ROW].into_iter().find(|w| *w == why)?;
    Some((why, text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[(u32, &[&str])]) -> Vec<SourceRow> {
        lines.iter().map(|(n, cells)| SourceRow::texts(*n, cells)).collect()
    }

    #[test]
    fn a_boards_groups_and_subitems_are_told_apart() {
        let all = rows(&[
            (1, &["Quality Audits"]),
            (3, &["April 2026"]),
            (4, &["Name", "Subitems", "Auditor", "Status", "Deadline"]),
            (5, &["Client 3066015", "Visit", "A Auditor", "Complete", "2026-04-24"]),
            (6, &["Subitems", "Name", "Owner", "Status", "Due date"]),
            (7, &["", "Strategy discussion", "B Owner", "Done", "2026-04-29"]),
            (8, &["", "Seen alone recorded", "B Owner", "Stuck", "2026-04-22"]),
            (9, &["Client 3041189", "", "C Auditor", "Complete", "2026-04-24"]),
            (10, &["", "", "", "", ""]),
            (11, &["March 2026"]),
            (12, &["Name", "Subitems", "Auditor", "Status", "Deadline"]),
            (13, &["Client 3062290", "Record visits", "A Auditor", "Complete", "2026-03-27"]),
            (14, &["Subitems", "Name", "Owner", "Status", "Due date"]),
            (15, &["", "Record visits", "D Owner", "Done", "2026-03-26"]),
        ]);
        let board = Board::find(&all[2], &all[3..]).expect("a board");
        assert_eq!((board.groups, board.subitems), (1, 2));
        let (items, subs) = board.split(all, 4);
        let why = |n: u32| items.iter().find(|r| r.row == n).and_then(marked).map(|m| m.0);
        assert_eq!(why(11), Some(GROUP_TITLE));
        assert_eq!(why(6), Some(SUBITEM_ROW));
        assert_eq!(why(7), Some(SUBITEM_ROW));
        assert_eq!(why(9), None, "an item after subitems is an item");
        assert_eq!(why(12), None, "the header again is left to the row reader");
        let subs = subs.expect("subitems");
        let text = |r: &SourceRow| r.cells.iter().map(Cell::as_string).collect::<Vec<_>>();
        assert_eq!(text(&subs[0]), ["Parent item", "Action", "Owner", "Status", "Due date"]);
        assert_eq!(text(&subs[1])[..2], ["Client 3066015", "Strategy discussion"]);
        assert_eq!(text(&subs[2])[..2], ["Client 3066015", "Seen alone recorded"]);
        assert_eq!(text(&subs[3])[..2], ["Client 3062290", "Record visits"]);
        assert_eq!(subs.len(), 4);
    }

    #[test]
    fn a_table_without_subitems_is_no_board_even_with_a_title_over_its_header_again() {
        let all = rows(&[
            (1, &["Child ID", "Auditor", "Status", "Deadline"]),
            (2, &["3066015", "A Auditor", "Complete", "2026-04-24"]),
            (3, &[""]),
            (4, &["Team: Looked After"]),
            (5, &["Child ID", "Auditor", "Status", "Deadline"]),
            (6, &["3066016", "A Auditor", "Complete", "2026-04-24"]),
        ]);
        assert!(Board::find(&all[0], &all[1..]).is_none());
    }
}
