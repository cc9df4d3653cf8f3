//! A report that joins each audit to the list it has several of: its
//! actions. What a case management system's audit module, LCS or Power BI
//! gives out is often such a report, not two tables: the audit's columns
//! (its child, date, grade, moderation) repeated on each of its action rows,
//! beside the action's own (its words, who, by when, when done); an audit
//! with no action once, with the action columns blank. Two dates called
//! "completed" then sit on one row, the audit's and the action's.
//!
//! Read as it is, each row would be an audit: an audit counted once per
//! action, its completion taken from its action's. So the table is read as
//! two ([`find`], [`split`]): its audits, each once (the rows that repeat
//! an audit's columns are one audit), from every column but the action's;
//! and its actions, each once (a report that joins a second list, the
//! people consulted, repeats each action once per person), from the
//! action's columns and those that link an action to its audit (the audit's
//! id, child, date and team).
//!
//! The action's columns are a run of columns that starts at the action's
//! words ("Recommendations for further action", "Improvement action",
//! "Agreed Action"; its number or id just before it), and goes on over the
//! columns that name the parts of an action (who, by when, reviewed,
//! status, completed), one of them a date it is due or done by. The table
//! is a joined report when, with those columns left out, the rest reads as
//! audits, and either an audit is on two rows with different actions, or
//! the rest has its own completion date beside the action's. A table read
//! as actions that carries its audits' columns is one when an audit is on
//! two rows and some row says its audit has no action (a left join: every
//! audit is listed); its audits are used only where no other table of
//! audits is read ([`super::joined_copies`]).

use super::columns::{TableKind, TableMapping, Target};
use super::fold::fold;
use crate::ingest::{Cell, SourceRow};

/// How a joined report's columns divide.
#[derive(Debug, Clone)]
pub(crate) struct Joined {
    /// The action's columns, in order.
    pub group: Vec<usize>,
    /// The column of the action's words.
    text: usize,
    /// The columns whose values together are one record: the audit's id (else
    /// its child) and its completion date; a note's own columns.
    identity: Vec<usize>,
    /// The record's other columns read as something: where two rows of one
    /// record differ in them, the first row's are used, and that is said.
    record_columns: Vec<usize>,
    /// The columns an action's row keeps to link it to its audit, each with
    /// the header it is given there.
    links: Vec<(usize, &'static str)>,
    /// What was joined to what.
    pub shape: Shape,
}

/// What a joined report joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Audits and their actions, read as audits.
    AuditsWithActions,
    /// An action list that lists its audits too (read as actions): its
    /// audits count only where no other table of audits is read.
    ActionsWithAudits,
    /// Case notes and the child's legal-status episodes (each note once per episode).
    NotesWithEpisodes,
}

/// A joined report read as two tables.
pub(crate) struct Split {
    /// The rows above the header, the header and one row per audit, without the action's columns.
    pub audits: Vec<SourceRow>,
    /// The header and one row per action: the link columns, then the action's.
    pub actions: Vec<SourceRow>,
    /// Rows that repeat an audit already read (its other actions).
    pub repeated_audits: u64,
    /// Action rows the same as one already read (the report joins another list as well).
    pub repeated_actions: u64,
    /// Where rows of one record differ in its columns: (the columns' headers, rows).
    pub differing: Option<(String, Vec<u32>)>,
    pub note: String,
}

/// Why a row that repeats an audit's columns is not read as another audit.
pub const AUDIT_REPEATED: &str = "the same record again on another row of a report that joins it to a list (read once)";

/// Why an action row the same as one read is not read again.
pub const ACTION_REPEATED: &str = "the same row of a joined list again (the report joins another list as well): read once";

/// What part of an action a header names: 0 its words, 1 who, 2 by when, 3
/// when done, 4 when reviewed, 5 its status; as an audit's action slots
/// are read ([`super::table::slot_part`]), and a timescale as its due date
/// and "actioned" as done.
fn part(f: &str) -> Option<usize> {
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    super::table::slot_part(f).or_else(|| {
        if words.iter().any(|w| matches!(*w, "timescale" | "timescales" | "timeframe")) {
            Some(2)
        } else if words.contains(&"actioned") {
            Some(3)
        } else {
            None
        }
    })
}

/// A header naming an action's number or id ("Action No.", "Action ID",
/// "Recommendation No").
fn names_action_id(f: &str) -> bool {
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    words.len() >= 2
        && words.iter().any(|w| matches!(*w, "action" | "actions" | "recommendation" | "recommendations"))
        && matches!(*words.last().unwrap_or(&""), "no" | "number" | "num" | "id" | "ref" | "reference")
}

fn has_number(f: &str) -> bool {
    f.split(' ').any(|w| w.chars().any(|c| c.is_ascii_digit()))
}

/// Whether a cell holds words (not a date or a number).
fn is_words(c: &Cell) -> bool {
    matches!(c, Cell::Text(t) if t.chars().filter(|c| c.is_alphabetic()).count() >= 3 && c.as_date().is_none())
}

/// The action's columns of a table with this header, if it has them: see the module's note.
fn action_group(mapping: &TableMapping, header: &[Cell], body: &[SourceRow]) -> Option<(Vec<usize>, usize)> {
    let folded: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    let target = |i: usize| mapping.columns.iter().find(|c| c.index == i).map(|c| &c.target);
    // (Or read as a date it holds none of: "Agreed Action" taken for the
    // day an audit's actions were agreed.)
    let no_dates = |i: usize| !body.iter().any(|r| r.cells.get(i).is_some_and(|c| c.as_date().is_some()));
    let free = |i: usize| match target(i) {
        None | Some(Target::Unmapped | Target::Ignore) => true,
        Some(Target::Field(f)) => {
            matches!(f.as_str(), "text" | "evidence" | "good_practice") || ((f.ends_with("_date") || f == "actions_accepted") && no_dates(i))
        }
        Some(Target::Domain(_)) => false,
    };
    let text = (0..folded.len()).find(|&i| {
        part(&folded[i]) == Some(0)
            && !names_action_id(&folded[i])
            && !has_number(&folded[i])
            && free(i)
            && body.iter().any(|r| r.cells.get(i).is_some_and(is_words))
    })?;
    let start = if text > 0 && names_action_id(&folded[text - 1]) { text - 1 } else { text };
    let mut end = text + 1;
    // (Over a column no part names and nothing reads, "Priority" or "RAG",
    // when a part of the action follows it.)
    let unread = |i: usize| matches!(target(i), None | Some(Target::Unmapped | Target::Ignore));
    let names_part = |i: usize| !has_number(&folded[i]) && part(&folded[i]).is_some_and(|p| p > 0);
    while end < folded.len() && (names_part(end) || (unread(end) && part(&folded[end]).is_none() && end + 1 < folded.len() && names_part(end + 1))) {
        end += 1;
    }
    let dated = (text + 1..end).any(|i| matches!(part(&folded[i]), Some(2 | 3)));
    dated.then(|| ((start..end).collect(), text))
}

/// A joined report's columns (see the module's note), given the table's
/// mapping, its header and first rows, and how a header is mapped (over
/// the rows' cells at the columns given).
pub(crate) fn find(mapping: &TableMapping, header: &[Cell], body: &[SourceRow], map: impl Fn(&[Cell], &[usize]) -> TableMapping) -> Option<Joined> {
    let from_actions = match mapping.kind {
        TableKind::Audits => false,
        TableKind::Actions => true,
        TableKind::CaseNotes => return with_episodes(mapping, header, body, map),
        _ => return None,
    };
    let (group, text) = action_group(mapping, header, body)?;
    let blanked: Vec<Cell> = header.iter().enumerate().map(|(i, c)| if group.contains(&i) { Cell::Empty } else { c.clone() }).collect();
    let rest = map(&blanked, &(0..header.len()).collect::<Vec<_>>());
    let field = |f: &str| rest.field(f);
    if rest.kind != TableKind::Audits || !rest.missing_required.is_empty() || field("child_id").is_none() {
        return None;
    }
    let completed = field("completed_date")?;
    let record_columns: Vec<usize> =
        rest.columns.iter().filter(|c| matches!(c.target, Target::Field(_) | Target::Domain(_)) && !group.contains(&c.index)).map(|c| c.index).collect();
    // (An audit is its id, else its child's, with its completion date: a
    // grade revised on one of its rows, an auditor's name spelt two ways,
    // do not make it two audits.)
    let identity: Vec<usize> = [field("audit_id").or(field("child_id")), Some(completed)].into_iter().flatten().collect();
    // An audit on two rows, each with its own action.
    let repeated = repeats(body, &identity, &group, text);
    let folded: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    let joined = if from_actions {
        // (A left join lists an audit with no action: "No further action", or
        // a row with every action column blank. Not an action whose words
        // alone are missing.)
        let blank = |r: &SourceRow| group.iter().all(|&i| r.cells.get(i).is_none_or(Cell::is_empty));
        let listed_without = body.iter().any(|r| blank(r) || r.cells.get(text).is_some_and(|c| super::table::says_no_action(&c.as_string())));
        repeated && listed_without && (field("audit_id").is_some() || field("auditor").is_some())
    } else {
        // (Or one action to an audit, with who is to do it, the audit's own
        // completion beside the action's.)
        let action_date_read = group.iter().any(|&i| mapping.columns.iter().any(|c| c.index == i && c.target == Target::Field("completed_date".into())));
        let has_owner = group.iter().any(|&i| part(&folded[i]) == Some(1));
        repeated || (action_date_read && has_owner && !group.contains(&completed))
    };
    if !joined {
        return None;
    }
    // (An action from moderation, "Additional action from moderation" on a
    // moderation log, is set the day the audit was moderated.)
    let from_moderation = fold(&header[text].as_string()).split(' ').any(|w| w.starts_with("moderat"));
    let set = if from_moderation { "moderation_date" } else { "" };
    let links = [("audit_id", "Audit ID"), ("child_id", "Child ID"), ("completed_date", "Audit date"), ("team", "Team"), (set, "Date set")]
        .into_iter()
        .filter_map(|(f, h)| Some((field(f)?, h)))
        .collect();
    let shape = if from_actions { Shape::ActionsWithAudits } else { Shape::AuditsWithActions };
    Some(Joined { group, text, identity, record_columns, links, shape })
}

/// Whether, among `body`'s rows with something in column `text`, one
/// record (the same cells at `record`) is on two rows with different cells
/// at `group`: a report that repeats the record once per joined row.
fn repeats(body: &[SourceRow], record: &[usize], group: &[usize], text: usize) -> bool {
    let cells = |r: &SourceRow, cols: &[usize]| -> Vec<String> { cols.iter().map(|&i| r.cells.get(i).map(Cell::as_string).unwrap_or_default()).collect() };
    let mut seen: std::collections::HashMap<Vec<String>, Vec<String>> = std::collections::HashMap::new();
    body.iter().filter(|r| r.cells.get(text).is_some_and(|c| !c.is_empty())).any(|r| {
        let joined = cells(r, group);
        match seen.get(&cells(r, record)) {
            Some(first) => *first != joined,
            None => {
                seen.insert(cells(r, record), joined);
                false
            }
        }
    })
}

/// A case-note report that joins each note to the child's legal-status
/// episodes ("Legal status", "Legal status start", "Legal status end" beside
/// the note's columns; a note once per episode): the columns no note field
/// reads that, with the child's id, read as a table of episodes, when a
/// note is on two rows with different episodes or the episode's status,
/// start and end are all there.
fn with_episodes(mapping: &TableMapping, header: &[Cell], body: &[SourceRow], map: impl Fn(&[Cell], &[usize]) -> TableMapping) -> Option<Joined> {
    let child = mapping.field("child_id")?;
    // (A note's status matched by the word alone, "Legal status", is no note's status.)
    let loose = |c: &&super::columns::ColumnMap| match &c.target {
        Target::Unmapped | Target::Ignore => true,
        Target::Field(f) => f == "status" && c.score <= 2,
        Target::Domain(_) => false,
    };
    let unread: Vec<usize> = mapping.columns.iter().filter(loose).map(|c| c.index).collect();
    if unread.len() < 2 {
        return None;
    }
    let columns: Vec<usize> = std::iter::once(child).chain(unread.iter().copied()).collect();
    let view: Vec<Cell> = columns.iter().map(|&i| header.get(i).cloned().unwrap_or(Cell::Empty)).collect();
    let episodes = map(&view, &columns);
    if episodes.kind != TableKind::Episodes || !episodes.missing_required.is_empty() {
        return None;
    }
    let read = |f: &str| episodes.field(f).filter(|&k| k > 0).map(|k| unread[k - 1]);
    let (kind, start) = (read("episode_type")?, read("start_date")?);
    let group: Vec<usize> = [Some(kind), Some(start), read("end_date"), read("team")].into_iter().flatten().collect();
    let record: Vec<usize> =
        mapping.columns.iter().filter(|c| matches!(c.target, Target::Field(_) | Target::Domain(_)) && !group.contains(&c.index)).map(|c| c.index).collect();
    let identity = match mapping.field("note_id") {
        Some(id) => vec![child, id],
        None => record.clone(),
    };
    // (A note on two rows, one per episode; or an episode's start and end
    // beside its status, which no note has: one episode a child.)
    if !repeats(body, &identity, &group, kind) && read("end_date").is_none() {
        return None;
    }
    Some(Joined { group, text: kind, identity, record_columns: record, links: vec![(child, "Child ID")], shape: Shape::NotesWithEpisodes })
}

/// The columns of a row (the cells at `columns`, in order; empty past its end).
fn project(r: &SourceRow, columns: &[usize]) -> SourceRow {
    SourceRow { row: r.row, cells: columns.iter().map(|&i| r.cells.get(i).cloned().unwrap_or(Cell::Empty)).collect() }
}

/// The joined report's rows as a table of audits and a table of actions.
/// `above` is the rows above the header; `rows` every row below it.
pub(crate) fn split(j: &Joined, above: &[SourceRow], header: &SourceRow, rows: Vec<SourceRow>) -> Split {
    let width = rows.iter().chain(std::iter::once(header)).map(|r| r.cells.len()).max().unwrap_or(0);
    let audit_part: Vec<usize> = (0..width).filter(|i| !j.group.contains(i)).collect();
    let action_part: Vec<usize> = j.links.iter().map(|(i, _)| *i).chain(j.group.iter().copied()).collect();
    let mut audits: Vec<SourceRow> = above.iter().chain(std::iter::once(header)).map(|r| project(r, &audit_part)).collect();
    let mut action_header = project(header, &action_part);
    for (k, (_, name)) in j.links.iter().enumerate() {
        action_header.cells[k] = Cell::text(name);
    }
    let mut actions = vec![action_header];
    let (mut repeated_audits, mut repeated_actions) = (0, 0);
    let mut audits_seen: std::collections::HashMap<Vec<String>, Vec<String>> = std::collections::HashMap::new();
    let mut actions_seen = std::collections::HashSet::new();
    let (mut differ_in, mut differ_rows) = (std::collections::BTreeSet::new(), Vec::new());
    let values = |r: &SourceRow, cols: &[usize]| -> Vec<String> { cols.iter().map(|&i| r.cells.get(i).map(Cell::as_string).unwrap_or_default()).collect() };
    for r in &rows {
        let key = values(r, &j.identity);
        let record = values(r, &j.record_columns);
        match audits_seen.get(&key) {
            Some(first) if !key.iter().all(String::is_empty) => {
                repeated_audits += 1;
                let differ: Vec<usize> = (0..record.len()).filter(|&k| first[k] != record[k]).collect();
                if !differ.is_empty() {
                    differ_in.extend(differ.iter().map(|&k| j.record_columns[k]));
                    differ_rows.push(r.row);
                }
            }
            _ => {
                audits_seen.insert(key, record);
                audits.push(project(r, &audit_part));
            }
        }
        let filled = j.group.iter().any(|&i| r.cells.get(i).is_some_and(|c| !c.is_empty()));
        if !filled || r.cells.get(j.text).is_none_or(Cell::is_empty) && j.group.iter().filter(|&&i| r.cells.get(i).is_some_and(|c| !c.is_empty())).count() <= 1
        {
            continue;
        }
        let a = project(r, &action_part);
        let cells: Vec<String> = a.cells.iter().map(Cell::as_string).collect();
        if actions_seen.insert(cells) {
            actions.push(a);
        } else {
            repeated_actions += 1;
        }
    }
    let names = |cols: &[usize]| cols.iter().filter_map(|&i| header.cells.get(i)).map(|c| format!("'{}'", c.as_string().trim())).collect::<Vec<_>>().join(", ");
    let (records, joined) = (audits.len() - above.len() - 1, actions.len() - 1);
    let (group, links) = (names(&j.group), names(&j.links.iter().map(|(i, _)| *i).collect::<Vec<_>>()));
    let note = match j.shape {
        Shape::AuditsWithActions => format!(
            "a report that joins each audit to its actions (the audit's columns repeated on each of its action rows): read as two tables, its audits ({records}, each once) from the columns other than the action's, and its actions ({joined}) from {group} with the audit's {links}"
        ),
        Shape::ActionsWithAudits => format!(
            "an action list that lists its audits too (an audit with no action on a row of its own): read as two tables, its actions ({joined}) from {group} with the audit's {links}, and its audits ({records}, each once) from the other columns, counted only where no other table of audits is read"
        ),
        Shape::NotesWithEpisodes => format!(
            "a case-note report that joins each note to the child's legal-status episodes (a note once per episode): read as two tables, its notes ({records}, each once) from the columns other than {group}, and the episodes ({joined}, each once) from those with the child's id (a child with no note in the report has no legal status read)"
        ),
    };
    let differing = (!differ_rows.is_empty()).then(|| (names(&differ_in.into_iter().collect::<Vec<_>>()), differ_rows));
    Split { audits, actions, repeated_audits, repeated_actions, differing, note }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::columns::map_table;
    use crate::normalise::config::Config;
    use crate::normalise::recognise::Recogniser;
    use crate::normalise::scales::Crosswalk;

    /// The joined report `find` sees in a table of these rows (the first its header).
    fn found(rows: &[&[&str]]) -> Option<Joined> {
        let config = Config::defaults();
        let (cw, rec) = (Crosswalk::new(&config), Recogniser::new(&config));
        let header: Vec<Cell> = rows[0].iter().map(|h| Cell::text(h)).collect();
        let body: Vec<SourceRow> =
            rows[1..].iter().enumerate().map(|(i, r)| SourceRow { row: i as u32 + 2, cells: r.iter().map(|s| Cell::text(s)).collect() }).collect();
        let map = |h: &[Cell], columns: &[usize]| {
            let sample: Vec<Vec<Cell>> = body.iter().map(|r| columns.iter().map(|&i| r.cells.get(i).cloned().unwrap_or(Cell::Empty)).collect()).collect();
            map_table(&config, &rec, &cw, None, h, &sample)
        };
        find(&map(&header, &(0..header.len()).collect::<Vec<_>>()), &header, &body, map)
    }

    const JOINED: &[&[&str]] = &[
        &[
            "Audit ID",
            "Child ID",
            "Auditor",
            "Date of the Audit",
            "Overall grade",
            "Action No.",
            "Recommendations for further action",
            "Who By",
            "By When",
            "Date completed",
        ],
        &["A1", "C1", "Ann Vale", "14/09/2026", "Good", "1", "Update the chronology", "SW", "28/09/2026", "25/09/2026"],
        &["A1", "C1", "Ann Vale", "14/09/2026", "Good", "2", "Record the child's views", "SW", "12/10/2026", ""],
        &["A2", "C2", "Bo Lind", "22/09/2026", "Inadequate", "", "", "", "", ""],
    ];

    #[test]
    fn an_audit_on_each_of_its_action_rows_is_read_once_with_its_actions() {
        let j = found(JOINED).expect("a joined report");
        assert_eq!(j.shape, Shape::AuditsWithActions);
        assert_eq!(j.group, vec![5, 6, 7, 8, 9], "the action's number, words, who, by when and done");
        let header = SourceRow { row: 1, cells: JOINED[0].iter().map(|h| Cell::text(h)).collect() };
        let rows: Vec<SourceRow> =
            JOINED[1..].iter().enumerate().map(|(i, r)| SourceRow { row: i as u32 + 2, cells: r.iter().map(|s| Cell::text(s)).collect() }).collect();
        let s = split(&j, &[], &header, rows);
        assert_eq!(s.audits.len(), 3, "the header and two audits");
        assert_eq!(s.repeated_audits, 1);
        assert_eq!(s.audits[0].cells.len(), 5, "without the action's columns");
        assert_eq!(s.actions.len(), 3, "the header and two actions (none for the audit with none)");
        let names: Vec<String> = s.actions[0].cells.iter().map(Cell::as_string).collect();
        assert_eq!(names[..3], ["Audit ID", "Child ID", "Audit date"], "linked by the audit's id, child and date: {names:?}");
    }

    #[test]
    fn tables_that_only_look_joined_are_left_as_they_are() {
        // One row per audit, its recommendations and the audit's own completion: no action's date.
        assert!(found(&[
            &["Child ID", "Auditor", "Overall grade", "Recommendations", "Date completed"],
            &["C1", "Ann Vale", "Good", "Update the chronology", "25/09/2026"],
            &["C2", "Bo Lind", "Good", "Record the views", "26/09/2026"],
        ])
        .is_none());
        // Numbered action slots on the audit's row are the audit's own slots.
        assert!(found(&[
            &["Child ID", "Date of audit", "Overall grade", "Action 1", "Action 1 due", "Action 2", "Action 2 due"],
            &["C1", "14/09/2026", "Good", "Update", "28/09/2026", "Record", "30/09/2026"],
        ])
        .is_none());
        // An action list that repeats its audit's child and date on each
        // action, with no row for an audit without one: its audits are not listed.
        assert!(found(&[
            &["Audit ID", "Child ID", "Auditor", "Audit date", "Action", "Due date", "Date completed"],
            &["A1", "C1", "Ann Vale", "14/09/2026", "Update the chronology", "28/09/2026", "25/09/2026"],
            &["A1", "C1", "Ann Vale", "14/09/2026", "Record the views", "12/10/2026", ""],
        ])
        .is_none_or(|j| j.shape != Shape::ActionsWithAudits));
    }

    #[test]
    fn case_notes_beside_each_legal_status_of_the_child_give_the_episodes() {
        let j = found(&[
            &["Client ID", "Observation ID", "Observation type", "Date of visit", "Date entered", "Legal status", "Legal status start", "Legal status end"],
            &["C1", "O1", "Visit to Child - CP", "02/09/2026", "04/09/2026", "Child in Need", "01/03/2026", "14/06/2026"],
            &["C1", "O1", "Visit to Child - CP", "02/09/2026", "04/09/2026", "Child Protection Plan", "15/06/2026", ""],
        ])
        .expect("notes joined to episodes");
        assert_eq!(j.shape, Shape::NotesWithEpisodes);
        assert_eq!(j.group, vec![5, 6, 7]);
    }
}
