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
        // (The subitems' first and last columns, under their header row.)
        let mut in_subs: Option<(usize, usize)> = None;
        let mut item: Option<Cell> = None;
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let mark = |row: &mut SourceRow, why: &str| mark(row, width, why);
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
                in_subs = Some((at, row.cells.iter().rposition(|c| !c.is_empty()).unwrap_or(at)));
                mark(&mut row, SUBITEM_ROW);
                items.push(row);
                continue;
            }
            // (A subitem: nothing before its names' column, nor after the
            // subitems' last: an item whose name was left blank fills the
            // items' columns past them.)
            let subitem = |&(at, end): &(usize, usize)| {
                row.cells[..at.min(row.cells.len())].iter().all(Cell::is_empty) && row.cells.iter().skip(end + 1).all(Cell::is_empty)
            };
            if let Some((at, _)) = in_subs.filter(subitem) {
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

/// Why a row was marked by [`Board::split`] or [`Outline::split`], and its
/// text as written.
pub fn marked(row: &SourceRow) -> Option<(&'static str, String)> {
    let Some(Cell::Text(t)) = row.cells.last() else { return None };
    let rest = t.strip_prefix(MARK)?;
    let (why, text) = rest.split_once(MARK)?;
    let why = [GROUP_TITLE, SUBITEM_ROW, OUTLINE_PARENT, OUTLINE_ACTION, BUCKET_ACTION, SUBTASK_ROW].into_iter().find(|w| *w == why)?;
    Some((why, text.to_string()))
}

/// A row's cells after every column, with a mark saying why it is set
/// aside and its text as written (see [`marked`]).
fn mark(row: &mut SourceRow, width: usize, why: &str) {
    let text: Vec<String> = row.filled().iter().map(|c| c.as_string()).collect();
    row.cells = vec![Cell::Empty; width];
    row.cells.push(Cell::Text(format!("{MARK}{why}{MARK}{}", text.join(" "))));
}

/// Why an outline's parent row (a month's or a group's, above its audits)
/// is not counted.
pub const OUTLINE_PARENT: &str =
    "a parent row of a sheet kept as an outline (a month's or a group's row above its audits, its dates the roll-up of the rows under it)";

/// Why an action row of an outline is not counted in the audits' table.
pub const OUTLINE_ACTION: &str = "an action under the audit above it, in a sheet kept as an outline: read in the actions' own table, after this one";

/// The headers the actions' and the audits' first column are read under.
const OUTLINE_TEXT: &str = "Action";
const OUTLINE_ITEM: &str = "Item";

/// The header of the column added to an outline's actions: their audit's
/// completion date.
const OUTLINE_AUDIT_DATE: &str = "Audit date";

/// A sheet kept as an outline of audits and the actions under them
/// (Smartsheet's row hierarchy, exported to Excel or CSV; a tracker kept by
/// hand the same way): one header for both, each audit on a row of its own
/// (its auditor, grade, team filled, no action owner), and under it the
/// actions agreed on it, each on a row of its own (its owner filled, none
/// of the audit's columns), their text in the first column, where the
/// audit's row names the child. Rows naming neither ("March 2026
/// allocations", its date the month's end rolled up) are the outline's
/// parents.
///
/// The audits are read as the table, the parents and actions set aside in
/// it (each said), and the actions as a table of their own after it, each
/// with its audit's first cell as "Parent item" (so an action finds its
/// audit by the child's id), and the first column read as the action.
#[derive(Clone, Debug)]
pub struct Outline {
    /// The column the outline's rows are named in (the child, the action).
    first: usize,
    /// A column of the child's id of its own, where the first names the
    /// row's kind ("Audit", "Action: …").
    child: Option<usize>,
    /// The audit's own columns (its auditor, grade) and the action owner's.
    audit: Vec<usize>,
    owner: Vec<usize>,
    /// The columns of the audit's completion: its date is given to each of
    /// its actions as their audit's date (one child may have two audits).
    completed: Vec<usize>,
    /// How many rows of each kind were found in the rows looked at.
    audits: usize,
    actions: usize,
    parents: usize,
}

/// Whether a row's cell in a column is filled. (An unticked box, "FALSE",
/// fills nothing: a checkbox column is written on every row of a sheet.)
fn filled(row: &SourceRow, i: usize) -> bool {
    match row.cells.get(i) {
        None | Some(Cell::Empty) | Some(Cell::Bool(false)) => false,
        Some(Cell::Text(t)) => !t.trim().is_empty() && !t.trim().eq_ignore_ascii_case("false"),
        Some(_) => true,
    }
}

/// The header's columns whose text `f` says yes to.
fn columns_named(header: &SourceRow, f: &dyn Fn(&str) -> bool) -> Vec<usize> {
    header.cells.iter().enumerate().filter(|(_, c)| matches!(c, Cell::Text(t) if f(t))).map(|(i, _)| i).collect()
}

/// The first filled of a row's cells in `columns` (an audit's completion
/// among its completion columns), else an empty cell.
fn first_filled(row: &SourceRow, columns: &[usize]) -> Cell {
    columns.iter().filter_map(|&i| row.cells.get(i)).find(|c| !c.is_empty()).cloned().unwrap_or(Cell::Empty)
}

/// The header of the actions' table split off a sheet of audits and
/// actions: "Parent item" and "Audit date" first (each action's audit, as
/// the split gives them), then the sheet's header with the column of the
/// action's words read as "Action".
fn actions_header(header: &SourceRow, text: usize) -> SourceRow {
    let mut cells = vec![Cell::text(PARENT_ITEM), Cell::text(OUTLINE_AUDIT_DATE)];
    cells.extend(header.cells.iter().enumerate().map(|(i, c)| if i == text { Cell::text(OUTLINE_TEXT) } else { c.clone() }));
    SourceRow { row: header.row, cells }
}

/// What an outline's row is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Audit,
    Action,
    Parent,
    Other,
}

impl Outline {
    /// An outline among `body` (the rows below `header`): `audit_side` says
    /// whether a header names an audit's own field (its auditor, grade,
    /// allocation), `owner` whether it names an action's owner. Two audit
    /// rows and two action rows at least, every action under an audit (or
    /// another action), and no row with both an auditor and an owner (a
    /// tracker of audits with their action beside them is no outline).
    /// `completed` whether a header names the audit's completion, `child`
    /// the child's id.
    pub fn find(
        header: &SourceRow,
        body: &[SourceRow],
        audit_side: impl Fn(&str) -> bool,
        owner: impl Fn(&str) -> bool,
        completed: impl Fn(&str) -> bool,
        child: impl Fn(&str) -> bool,
    ) -> Option<Outline> {
        let first = header.cells.iter().position(|c| !c.is_empty())?;
        let named = |f: &dyn Fn(&str) -> bool| -> Vec<usize> { columns_named(header, f).into_iter().filter(|&i| i != first).collect() };
        let (audit, owner, completed) = (named(&audit_side), named(&owner), named(&completed));
        let child = named(&child).first().copied();
        let rows: Vec<&SourceRow> = body.iter().filter(|r| !r.is_blank() && !same_as_header(r, header)).collect();
        // (An owner's column filled on an audit's row is the audit's: "Reason
        // no SW/PA input", or a tracker's action beside its audit.)
        let owner: Vec<usize> = owner.into_iter().filter(|o| !rows.iter().any(|r| filled(r, *o) && audit.iter().any(|a| filled(r, *a)))).collect();
        if audit.is_empty() || owner.is_empty() {
            return None;
        }
        let mut outline = Outline { first, child, audit, owner, completed, audits: 0, actions: 0, parents: 0 };
        let mut above: Option<Kind> = None;
        for row in rows {
            let kind = outline.kind(row)?;
            match kind {
                Kind::Audit => outline.audits += 1,
                // (An action under no audit: no outline of audits.)
                Kind::Action if matches!(above, Some(Kind::Audit | Kind::Action)) => outline.actions += 1,
                Kind::Action => return None,
                Kind::Parent => outline.parents += 1,
                Kind::Other => {}
            }
            above = Some(kind);
        }
        (outline.audits >= 2 && outline.actions >= 2).then_some(outline)
    }

    /// A row's kind; none for a row with both an audit's columns and an
    /// owner filled.
    fn kind(&self, row: &SourceRow) -> Option<Kind> {
        let (audit, owner) = (self.audit.iter().any(|i| filled(row, *i)), self.owner.iter().any(|i| filled(row, *i)));
        let first = row.cells.get(self.first).filter(|c| !c.is_empty());
        Some(match (audit, owner, first) {
            (true, true, _) => return None,
            (true, false, _) => Kind::Audit,
            (false, true, Some(Cell::Text(_))) => Kind::Action,
            // (Named without an id: "March 2026 allocations".)
            (false, false, Some(Cell::Text(t))) if super::identity::id_tokens(t).is_empty() && !crate::normalise::table::says_test(t) => Kind::Parent,
            _ => Kind::Other,
        })
    }

    /// What was found, for `validate`.
    pub fn describe(&self, header: &SourceRow) -> String {
        let name = |i: usize| header.cells.get(i).map(Cell::as_string).unwrap_or_default();
        let names = |cols: &[usize]| cols.iter().map(|&i| format!("'{}'", name(i))).collect::<Vec<_>>().join(", ");
        format!(
            "a sheet kept as an outline of audits and the actions under them: a row with {} filled is an audit, a row with {} filled and none of those is an action of the audit above it ({} audit and {} action rows in the first rows){}; the actions are read as a table of their own, after the audits, each with its audit's '{}' as '{PARENT_ITEM}' and its completion as '{OUTLINE_AUDIT_DATE}', and its own as '{OUTLINE_TEXT}' (the audits' is read as their '{OUTLINE_ITEM}', naming the child)",
            names(&self.audit),
            names(&self.owner),
            self.audits,
            self.actions,
            if self.parents > 0 { format!(", and {} rows naming neither (a month's, a group's) are the outline's parents, set aside", self.parents) } else { String::new() },
            name(self.first),
        )
    }

    /// The rows as read: the audits' table (parents and actions marked, to
    /// be set aside), and the actions' table (its header, then each action
    /// with its audit's first cell first). `header` is the header row's
    /// number.
    pub fn split(&self, rows: Vec<SourceRow>, header: u32) -> (Vec<SourceRow>, Vec<SourceRow>) {
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let mut audits = Vec::with_capacity(rows.len());
        let mut actions: Vec<SourceRow> = Vec::new();
        let mut audit: Option<(Cell, Cell)> = None;
        for mut row in rows {
            if row.row == header {
                actions.push(actions_header(&row, self.first));
                // (The audits' first column names each audit, the child's id
                // among its words: "1093847 (re-audit)", where no column of
                // its own gives it.)
                if self.child.is_none() {
                    row.cells[self.first] = Cell::text(OUTLINE_ITEM);
                }
            }
            if row.row <= header || row.is_blank() {
                audits.push(row);
                continue;
            }
            match self.kind(&row) {
                Some(Kind::Audit) => {
                    let done = first_filled(&row, &self.completed);
                    audit = row.cells.get(self.child.unwrap_or(self.first)).cloned().map(|name| (name, done));
                }
                Some(Kind::Action) if audit.is_some() => {
                    let (name, done) = audit.clone().unwrap_or((Cell::Empty, Cell::Empty));
                    let mut cells = vec![name, done];
                    cells.extend(row.cells.iter().cloned());
                    actions.push(SourceRow { row: row.row, cells });
                    mark(&mut row, width, OUTLINE_ACTION);
                }
                Some(Kind::Parent) => {
                    audit = None;
                    mark(&mut row, width, OUTLINE_PARENT);
                }
                _ => {}
            }
            audits.push(row);
        }
        only_filled_columns(&mut actions, |j| j < 2 || j == self.first + 2);
        (audits, actions)
    }
}

/// A table split off a sheet (its header first) without the columns empty
/// on every row below the header but those `kept`: the actions' table of
/// a sheet of audits and actions names an action's fields only, not the
/// audits' columns, empty on every action.
fn only_filled_columns(table: &mut [SourceRow], kept: impl Fn(usize) -> bool) {
    let width = table.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let keep: Vec<usize> = (0..width).filter(|&j| kept(j) || table.iter().skip(1).any(|r| r.cells.get(j).is_some_and(|c| !c.is_empty()))).collect();
    for r in table.iter_mut() {
        r.cells = keep.iter().map(|&j| r.cells.get(j).cloned().unwrap_or(Cell::Empty)).collect();
    }
}

/// Why a task in a plan's actions' bucket is not counted in the audits'
/// table.
pub const BUCKET_ACTION: &str = "a task in the plan's bucket of actions: read in the actions' own table, after this one";

/// A plan kept in a task tool (Microsoft Planner's "Export plan to Excel",
/// Trello's lists, Asana's sections): each audit a task, and the actions
/// agreed on them tasks too, in a bucket of their own ("Remedial actions")
/// beside the audits' buckets ("To be audited", "Completed audits"). The
/// tasks in the actions' bucket are read as a table of their own, after
/// the audits, each said.
#[derive(Clone, Debug)]
pub struct Buckets {
    /// The column of the task's bucket, and the buckets of actions as written.
    column: usize,
    buckets: Vec<String>,
    actions: usize,
    others: usize,
}

/// Whether a header names a task's bucket as the task tools write it
/// (Planner's "Bucket Name", Trello's "List Name", Asana's
/// "Section/Column"). (Not "Section", "Stage" or "Group": a question's
/// section in an audit's answers, a status.)
fn names_bucket(header: &str) -> bool {
    let f = fold(header);
    f.split(' ').any(|w| w == "bucket") || matches!(f.as_str(), "list" | "list name" | "section column")
}

/// Whether a bucket's name says its tasks are actions: named for them
/// ("Remedial actions", "Audit actions", "Recommendations"), or led by
/// them and naming no audit ("Actions – North"; not "Audits with actions
/// outstanding", "Re-audit (actions required)").
fn bucket_of_actions(name: &str) -> bool {
    let f = fold(name);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    let act = |w: &&str| matches!(*w, "action" | "actions" | "recommendation" | "recommendations");
    words.last().is_some_and(act) || (words.first().is_some_and(act) && !words.iter().any(|w| w.contains("audit")))
}

impl Buckets {
    /// A plan among `body` (the rows below `header`): buckets of actions
    /// ("Actions – North", "Actions – South") with two tasks or more, and
    /// two tasks or more in its other buckets.
    pub fn find(header: &SourceRow, body: &[SourceRow]) -> Option<Buckets> {
        let column = header.cells.iter().position(|c| matches!(c, Cell::Text(t) if names_bucket(t)))?;
        let all: Vec<String> = body.iter().filter_map(|r| r.cells.get(column)).filter(|c| !c.is_empty()).map(|c| c.as_string().trim().to_string()).collect();
        let mut buckets: Vec<String> = all.iter().filter(|b| bucket_of_actions(b)).cloned().collect();
        buckets.sort();
        buckets.dedup();
        let actions = all.iter().filter(|b| buckets.contains(b)).count();
        let others = all.len() - actions;
        (actions >= 2 && others >= 2).then_some(Buckets { column, buckets, actions, others })
    }

    /// What was found, for `validate`.
    pub fn describe(&self, header: &SourceRow) -> String {
        format!(
            "a plan of tasks in buckets: the tasks in '{}' (its '{}'; {} in the first rows) are the actions agreed on the audits, read as a table of their own after the other buckets' {} tasks, the audits{}",
            self.buckets.join("', '"),
            header.cells.get(self.column).map(Cell::as_string).unwrap_or_default(),
            self.actions,
            self.others,
            header
                .cells
                .iter()
                .find(|c| TASK_NAMED.contains(&fold(&c.as_string()).as_str()))
                .map(|c| format!("; each task's '{}' is read as the action (as '{OUTLINE_TEXT}')", c.as_string()))
                .unwrap_or_default()
        )
    }

    /// The rows as read: the audits' table (the actions marked, to be set
    /// aside), and the actions' table (the header, then each action).
    /// `header` is the header row's number.
    pub fn split(&self, rows: Vec<SourceRow>, header: u32) -> (Vec<SourceRow>, Vec<SourceRow>) {
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let mut audits = Vec::with_capacity(rows.len());
        let mut actions: Vec<SourceRow> = Vec::new();
        for mut row in rows {
            if row.row == header {
                // (The task's name is what the action is: "Card Name", "Task Name".)
                let name = row.cells.iter().position(|c| TASK_NAMED.contains(&fold(&c.as_string()).as_str()));
                let cells = row.cells.iter().enumerate().map(|(i, c)| if Some(i) == name { Cell::text(OUTLINE_TEXT) } else { c.clone() }).collect();
                actions.push(SourceRow { row: row.row, cells });
            } else if row.row > header && row.cells.get(self.column).is_some_and(|c| self.buckets.iter().any(|b| c.as_string().trim() == b)) {
                actions.push(row.clone());
                mark(&mut row, width, BUCKET_ACTION);
            }
            audits.push(row);
        }
        only_filled_columns(&mut actions, |_| false);
        (audits, actions)
    }
}

/// Why a subtask is not counted in its parents' table.
pub const SUBTASK_ROW: &str = "a subtask of the task it names as its parent: read in the actions' own table, after this one";

/// Headers of a task list's column naming each subtask's parent (Asana's
/// "Parent task", Jira's "Parent id"; an epic's issues name it in Jira
/// Server's "Epic Link", by the epic's key).
const PARENT_NAMED: [&str; 10] =
    ["parent task", "parent id", "parent", "parent issue", "parent issue id", "parent key", "parent summary", "parent name", "epic link", "parent link"];

/// Headers of a task's name (its words, read as the action's on a subtask).
const TASK_NAMED: [&str; 8] = ["name", "task name", "task", "summary", "title", "card name", "item", "item name"];

/// Headers of a task's own id (a subtask's parent may name it by it).
const TASK_ID_NAMED: [&str; 9] = ["task id", "issue id", "issue key", "key", "id", "card id", "item id", "record id", "task key"];

/// A task's name or id as a parent is compared: case and runs of spaces
/// folded ("Case file audit  – 7716003" is "case file audit – 7716003").
fn task_key(c: &Cell) -> String {
    c.as_string().split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The parent a row names in the column `parent`, as compared.
fn parent_named(row: &SourceRow, parent: usize) -> Option<String> {
    row.cells.get(parent).map(task_key).filter(|t| !t.is_empty())
}

/// Whether a task is the one named `key` by its name or its id (`keys`).
fn names_task(task: &SourceRow, keys: &[usize], key: &str) -> bool {
    keys.iter().any(|&k| task.cells.get(k).is_some_and(|c| task_key(c) == key))
}

/// A task list exported with its subtasks (Asana's CSV, Jira's): each audit
/// a task, the actions agreed on it its subtasks, each naming its parent in
/// a column of its own ("Parent task": the parent's name; "Parent id": its
/// id). The subtasks are read as a table of actions after the tasks, each
/// with its parent's child (its child's id, or its name) as "Parent item"
/// and its parent's completion as "Audit date"; the task's name is read as
/// the action.
#[derive(Clone, Debug)]
pub struct Subtasks {
    parent: usize,
    name: usize,
    /// The columns a parent is named by: the tasks' ids, and their names.
    keys: Vec<usize>,
    child: Option<usize>,
    completed: Vec<usize>,
    subtasks: usize,
}

impl Subtasks {
    /// Subtasks among `body`: two rows or more naming a parent, two or more
    /// naming none, and four in five of the parents named found among the
    /// latter (by any of their cells: a name, an id).
    pub fn find(header: &SourceRow, body: &[SourceRow], completed: impl Fn(&str) -> bool, child: impl Fn(&str) -> bool) -> Option<Subtasks> {
        let folded: Vec<String> = header.cells.iter().map(|c| fold(&c.as_string())).collect();
        let parent = folded.iter().position(|h| PARENT_NAMED.contains(&h.as_str()))?;
        // (A task tool's list: the tasks' names, and their ids where it has
        // them, are what a parent is named by; not a "Parent" column of a
        // parent's answer, "Yes", "Mother", beside other answers.)
        let name = folded.iter().position(|h| TASK_NAMED.contains(&h.as_str()))?;
        let keys: Vec<usize> = folded.iter().enumerate().filter(|(_, h)| TASK_ID_NAMED.contains(&h.as_str())).map(|(i, _)| i).chain([name]).collect();
        let rows: Vec<&SourceRow> = body.iter().filter(|r| !r.is_blank() && !same_as_header(r, header)).collect();
        let (subs, tops): (Vec<&SourceRow>, Vec<&SourceRow>) = rows.iter().partition(|r| parent_named(r, parent).is_some());
        let found = subs.iter().filter(|r| parent_named(r, parent).is_some_and(|p| tops.iter().any(|t| names_task(t, &keys, &p)))).count();
        if subs.len() < 2 || tops.len() < 2 || found * 5 < subs.len() * 4 {
            return None;
        }
        let child = columns_named(header, &child).first().copied();
        Some(Subtasks { parent, name, keys, child, completed: columns_named(header, &completed), subtasks: subs.len() })
    }

    /// What was found, for `validate`.
    pub fn describe(&self, header: &SourceRow) -> String {
        let name = |i: usize| header.cells.get(i).map(Cell::as_string).unwrap_or_default();
        format!(
            "a task list with subtasks: the {} rows naming a parent in '{}' are the actions agreed on it, read as a table of their own after the tasks, each with its parent's {} as '{PARENT_ITEM}' and its completion as '{OUTLINE_AUDIT_DATE}', and its '{}' as '{OUTLINE_TEXT}'",
            self.subtasks,
            name(self.parent),
            self.child.map_or("name as written".to_string(), |c| format!("'{}'", name(c))),
            name(self.name),
        )
    }

    /// The rows as read: the tasks' table (subtasks marked, to be set
    /// aside) and the subtasks' (their header, then each with its parent's
    /// child and completion first). `header` is the header row's number.
    pub fn split(&self, rows: Vec<SourceRow>, header: u32) -> (Vec<SourceRow>, Vec<SourceRow>) {
        let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let tops: Vec<SourceRow> = rows.iter().filter(|r| r.row > header && parent_named(r, self.parent).is_none()).cloned().collect();
        let mut tasks = Vec::with_capacity(rows.len());
        let mut subs: Vec<SourceRow> = Vec::new();
        for mut row in rows {
            if row.row == header {
                subs.push(actions_header(&row, self.name));
            } else if row.row > header {
                if let Some(p) = parent_named(&row, self.parent) {
                    // (The parent: the one task named so.)
                    let mut parents = tops.iter().filter(|t| names_task(t, &self.keys, &p));
                    let parent = parents.next().filter(|_| parents.next().is_none());
                    let child = parent
                        .and_then(|t| self.child.and_then(|c| t.cells.get(c)).filter(|c| !c.is_empty()).or_else(|| t.cells.get(self.name)))
                        .cloned()
                        .unwrap_or_else(|| row.cells[self.parent].clone());
                    let done = parent.map_or(Cell::Empty, |t| first_filled(t, &self.completed));
                    let mut cells = vec![child, done];
                    cells.extend(row.cells.iter().cloned());
                    subs.push(SourceRow { row: row.row, cells });
                    mark(&mut row, width, SUBTASK_ROW);
                }
            }
            tasks.push(row);
        }
        // (Without the parent's column.)
        let parent = self.parent + 2;
        for r in subs.iter_mut() {
            r.cells.get_mut(parent).into_iter().for_each(|c| *c = Cell::Empty);
        }
        only_filled_columns(&mut subs, |j| j < 2 || j == self.name + 2);
        (tasks, subs)
    }
}

/// A sheet holding audits and the actions agreed on them as rows of one
/// table, in one of the layouts above: the audits are read as the table,
/// and the actions as a table of their own after it.
pub enum Layout {
    Outline(Outline),
    Subtasks(Subtasks),
    Buckets(Buckets),
}

/// What a header names, for [`Layout::find`]: an audit's own field (its
/// auditor, grade), an action's owner, the audit's completion, the child.
pub struct HeaderNames<'a> {
    pub audit_side: &'a dyn Fn(&str) -> bool,
    pub owner: &'a dyn Fn(&str) -> bool,
    pub completed: &'a dyn Fn(&str) -> bool,
    pub child: &'a dyn Fn(&str) -> bool,
}

impl Layout {
    /// The first layout found among `body` (the rows below `header`): an
    /// outline, a task list with subtasks, a plan's buckets.
    pub fn find(header: &SourceRow, body: &[SourceRow], names: &HeaderNames) -> Option<Layout> {
        Outline::find(header, body, names.audit_side, names.owner, names.completed, names.child)
            .map(Layout::Outline)
            .or_else(|| Subtasks::find(header, body, names.completed, names.child).map(Layout::Subtasks))
            .or_else(|| Buckets::find(header, body).map(Layout::Buckets))
    }

    /// The finding's code.
    pub fn code(&self) -> &'static str {
        match self {
            Layout::Outline(_) => "outline_layout",
            Layout::Subtasks(_) => "subtask_layout",
            Layout::Buckets(_) => "bucket_layout",
        }
    }

    /// What was found, for `validate`.
    pub fn describe(&self, header: &SourceRow) -> String {
        match self {
            Layout::Outline(o) => o.describe(header),
            Layout::Subtasks(t) => t.describe(header),
            Layout::Buckets(b) => b.describe(header),
        }
    }

    /// The rows as read: the audits' table (the actions' rows marked, to be
    /// set aside) and the actions' table. `header` is the header row's number.
    pub fn split(&self, rows: Vec<SourceRow>, header: u32) -> (Vec<SourceRow>, Vec<SourceRow>) {
        match self {
            Layout::Outline(o) => o.split(rows, header),
            Layout::Subtasks(t) => t.split(rows, header),
            Layout::Buckets(b) => b.split(rows, header),
        }
    }
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
            (91, &["Subitems", "Name", "Owner", "Status"]),
            (92, &["", "Chase the plan", "B Owner"]),
            (93, &["", "", "C Auditor", "Complete", "2026-04-24"]),
            (10, &["", "", "", "", ""]),
            (11, &["March 2026"]),
            (12, &["Name", "Subitems", "Auditor", "Status", "Deadline"]),
            (13, &["Client 3062290", "Record visits", "A Auditor", "Complete", "2026-03-27"]),
            (14, &["Subitems", "Name", "Owner", "Status", "Due date"]),
            (15, &["", "Record visits", "D Owner", "Done", "2026-03-26"]),
        ]);
        let board = Board::find(&all[2], &all[3..]).expect("a board");
        assert_eq!((board.groups, board.subitems), (1, 3));
        let (items, subs) = board.split(all, 4);
        let why = |n: u32| items.iter().find(|r| r.row == n).and_then(marked).map(|m| m.0);
        assert_eq!(why(11), Some(GROUP_TITLE));
        assert_eq!(why(6), Some(SUBITEM_ROW));
        assert_eq!(why(7), Some(SUBITEM_ROW));
        assert_eq!(why(9), None, "an item after subitems is an item");
        assert_eq!(why(92), Some(SUBITEM_ROW));
        assert_eq!(why(93), None, "an item with its name left blank fills the items' columns past the subitems'");
        assert_eq!(why(12), None, "the header again is left to the row reader");
        let subs = subs.expect("subitems");
        let text = |r: &SourceRow| r.cells.iter().map(Cell::as_string).collect::<Vec<_>>();
        assert_eq!(text(&subs[0]), ["Parent item", "Action", "Owner", "Status", "Due date"]);
        assert_eq!(text(&subs[1])[..2], ["Client 3066015", "Strategy discussion"]);
        assert_eq!(text(&subs[2])[..2], ["Client 3066015", "Seen alone recorded"]);
        assert_eq!(text(&subs[4])[..2], ["Client 3062290", "Record visits"]);
        assert_eq!(text(&subs[3])[..2], ["Client 3041189", "Chase the plan"]);
        assert_eq!(subs.len(), 5);
    }

    fn audit_side(t: &str) -> bool {
        matches!(t, "Auditor" | "Grade")
    }

    fn owner(t: &str) -> bool {
        matches!(t, "Owner" | "Reason not seen")
    }

    fn completed(t: &str) -> bool {
        t == "Done"
    }

    #[test]
    fn an_outline_of_audits_and_their_actions_is_read_as_two_tables() {
        let all = rows(&[
            (1, &["Child / Action", "Auditor", "Owner", "Due", "Done", "Grade", "Reason not seen"]),
            (2, &["March 2026", "", "", "2026-03-31", "", "", ""]),
            (3, &["7000001", "A Auditor", "", "2026-03-31", "2026-03-20", "Good", ""]),
            (4, &["Update the plan", "", "B Owner", "2026-04-10", "2026-04-09", "", ""]),
            (5, &["7000002", "A Auditor", "", "2026-03-31", "2026-03-25", "Inadequate", "Asleep"]),
            (6, &["Visit the child", "", "C Owner", "2026-04-03", "", "", ""]),
            (7, &["Update the chronology", "", "C Owner", "", "2026-04-07", "", ""]),
        ]);
        let outline = Outline::find(&all[0], &all[1..], audit_side, owner, completed, |_| false).expect("an outline");
        assert_eq!((outline.audits, outline.actions, outline.parents), (2, 3, 1));
        assert_eq!(outline.owner, [2], "a column filled on an audit's row is no owner's");
        let (audits, actions) = outline.split(all, 1);
        let why = |n: u32| audits.iter().find(|r| r.row == n).and_then(marked).map(|m| m.0);
        assert_eq!((why(2), why(3), why(4), why(7)), (Some(OUTLINE_PARENT), None, Some(OUTLINE_ACTION), Some(OUTLINE_ACTION)));
        assert_eq!(audits[0].cells[0].as_string(), OUTLINE_ITEM);
        let text = |r: &SourceRow| r.cells.iter().map(Cell::as_string).collect::<Vec<_>>();
        assert_eq!(text(&actions[0])[..3], [PARENT_ITEM, OUTLINE_AUDIT_DATE, OUTLINE_TEXT]);
        assert_eq!(text(&actions[1])[..3], ["7000001", "2026-03-20", "Update the plan"]);
        assert_eq!(text(&actions[3])[..3], ["7000002", "2026-03-25", "Update the chronology"]);
        assert_eq!(actions.len(), 4);
    }

    #[test]
    fn a_tracker_with_each_audits_action_beside_it_is_no_outline() {
        // (The owner filled on the audit's own row: the action is the audit's column.)
        let all = rows(&[
            (1, &["Child ID", "Auditor", "Owner", "Done", "Grade"]),
            (2, &["7000001", "A Auditor", "B Owner", "2026-03-20", "Good"]),
            (3, &["7000002", "A Auditor", "C Owner", "2026-03-25", "Good"]),
            (4, &["", "", "C Owner", "", ""]),
            (5, &["7000003", "A Auditor", "", "2026-03-26", "Good"]),
        ]);
        assert!(Outline::find(&all[0], &all[1..], audit_side, owner, completed, |_| false).is_none());
        // (Nor actions under no audit.)
        let all = rows(&[
            (1, &["Item", "Auditor", "Owner"]),
            (2, &["Update the plan", "", "B Owner"]),
            (3, &["7000001", "A Auditor", ""]),
            (4, &["Visit", "", "B Owner"]),
            (5, &["7000002", "A Auditor", ""]),
            (6, &["Visit", "", "B Owner"]),
        ]);
        assert!(Outline::find(&all[0], &all[1..], audit_side, owner, completed, |_| false).is_none());
    }

    #[test]
    fn a_plans_bucket_of_actions_is_read_as_a_table_of_its_own() {
        let all = rows(&[
            (1, &["Task Name", "Bucket Name", "Due date", "Grade"]),
            (2, &["Audit – Case ID 7000001", "Completed audits", "2026-03-27", "Good"]),
            (3, &["Audit – Case ID 7000002", "To be audited", "2026-03-27", ""]),
            (4, &["Action – 7000001: Update the plan", "Remedial actions", "2026-04-10", ""]),
            (5, &["Action – 7000001: Visit", "Remedial actions", "2026-04-10", ""]),
        ]);
        let buckets = Buckets::find(&all[0], &all[1..]).expect("a plan");
        let (audits, actions) = buckets.split(all.clone(), 1);
        assert_eq!(audits.iter().filter_map(marked).count(), 2);
        assert_eq!(actions.iter().map(|r| r.row).collect::<Vec<_>>(), [1, 4, 5]);
        // (The task's name read as the action; the audits' columns, empty on every action, left out.)
        assert_eq!(actions[0].cells.iter().map(Cell::as_string).collect::<Vec<_>>(), [OUTLINE_TEXT, "Bucket Name", "Due date"]);
        // (Buckets of audits alone, or one action task: no plan of actions.)
        assert!(Buckets::find(&all[0], &all[1..4]).is_none());
        assert!(!bucket_of_actions("Audits with actions outstanding") && !bucket_of_actions("Re-audit (actions required)"));
        assert!(bucket_of_actions("Recommendations") && bucket_of_actions("Audit actions") && bucket_of_actions("Actions – North"));
        assert!(!names_bucket("Section") && !names_bucket("Stage") && names_bucket("Section/Column") && names_bucket("List Name"));
    }

    #[test]
    fn subtasks_name_their_parent_task_and_a_parents_answer_is_none() {
        let all = rows(&[
            (1, &["Task ID", "Name", "Parent task", "Due Date"]),
            (2, &["11", "Case file audit – 7000001", "", "2026-09-30"]),
            (3, &["12", "Update the plan", "case file audit  – 7000001 ", "2026-10-09"]),
            (4, &["13", "Case file audit – 7000002", "", "2026-09-30"]),
            (5, &["14", "Visit the child", "13", "2026-10-09"]),
        ]);
        let subtasks = Subtasks::find(&all[0], &all[1..], |_| false, |_| false).expect("subtasks");
        let (tasks, subs) = subtasks.split(all, 1);
        assert_eq!(tasks.iter().filter_map(marked).count(), 2);
        let text = |r: &SourceRow| r.cells.iter().map(Cell::as_string).collect::<Vec<_>>();
        assert_eq!(text(&subs[1])[0], "Case file audit – 7000001", "named by its name, whatever its case and spaces");
        assert_eq!(text(&subs[2])[0], "Case file audit – 7000002", "or by its id");
        // A "Parent" answer beside other answers: no task list.
        let answers = rows(&[
            (1, &["Child ID", "Auditor", "Child seen", "Parent"]),
            (2, &["7000001", "A Auditor", "Yes", ""]),
            (3, &["7000002", "A Auditor", "No", "Yes"]),
            (4, &["7000003", "A Auditor", "Yes", ""]),
            (5, &["7000004", "A Auditor", "Yes", "No"]),
        ]);
        assert!(Subtasks::find(&answers[0], &answers[1..], |_| false, |_| false).is_none());
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
