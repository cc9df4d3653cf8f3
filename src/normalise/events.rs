//! Legal status exported as a log of events, not one row per episode: a
//! status with "Start" or "End" beside it, a change "from" one status "to"
//! another, or an event that names its status ("CP Plan Started", "CLA
//! Ended", "Period of care started", a conference's "Child made subject to
//! a CP plan"). Each child's events, in date order, are made into episodes
//! (a start opens one, an end closes it, a change within looked after goes
//! on), and the episodes are read as a legal-status table.

use super::fold::{contains_phrase, fold};
use super::table::{Context, KindRules};
use crate::ingest::{Cell, SourceRow};

/// The set-aside reason of an event row folded into an episode read on
/// another row.
pub const EVENT_FOLDED: &str = "a legal-status event of an episode read from another row (its end, a change within it, a review)";

/// What an event does to its child's legal status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Start,
    End,
    /// A change, a review, a placement move: nothing opens or closes.
    Other,
}

/// The columns of an event log.
#[derive(Debug, Clone)]
pub(crate) struct Log {
    child: usize,
    date: usize,
    /// The team that holds the child's case, when the log says.
    team: Option<usize>,
    shape: Shape,
}

#[derive(Debug, Clone)]
enum Shape {
    /// "Legal Status | Date | Start/End".
    Flagged { status: usize, flag: usize },
    /// "Date of change | Status from | Status to".
    FromTo { from: usize, to: usize },
    /// "Event | Event date" ("CP Plan Started").
    Named { event: usize },
}

/// What a text says happened: started, ended, or something else that
/// happens to a status (changed, continued, reviewed); none when it says none.
fn act_of(text: &str) -> Option<Act> {
    let f = fold(text);
    let any = |ps: &[&str]| ps.iter().any(|p| contains_phrase(&f, p));
    if any(&[
        "end",
        "ended",
        "ends",
        "ceased",
        "cease",
        "closed",
        "discontinued",
        "deregistered",
        "de registered",
        "removed",
        "no longer",
        "stopped",
        "came off",
    ]) {
        return Some(Act::End);
    }
    if any(&["start", "started", "starts", "began", "begun", "begin", "commenced", "opened", "made subject", "became subject", "registered", "placed on"]) {
        return Some(Act::Start);
    }
    any(&["changed", "change", "continue", "continued", "continues", "review", "reviewed", "remains", "remain", "moved", "transferred"]).then_some(Act::Other)
}

/// The legal-status kinds a text names ("cp", "cla", "cin").
fn kinds<'r>(rules: &'r KindRules, text: &str) -> Vec<&'r str> {
    let mut k: Vec<&str> = rules.all_kinds(text).into_iter().filter(|k| matches!(*k, "cp" | "cla" | "cin")).collect();
    k.dedup();
    k
}

/// Whether a status names no legal status and says the case closed ("Closed", "None", "NFA").
fn closed(text: &str) -> bool {
    matches!(fold(text).as_str(), "closed" | "case closed" | "none" | "nfa" | "no further action" | "ended" | "not open" | "no status")
}

/// The share of a column's filled values (0 to 1000) for which `ok` holds,
/// when two or more are filled.
fn share(body: &[SourceRow], i: usize, ok: impl Fn(&str) -> bool) -> usize {
    let values: Vec<String> = body.iter().filter_map(|r| r.cells.get(i)).map(Cell::as_string).filter(|v| !v.trim().is_empty()).collect();
    if values.len() < 2 {
        return 0;
    }
    values.iter().filter(|v| ok(v)).count() * 1000 / values.len()
}

/// Whether a table is a log of legal-status events: a child's id, one
/// column of dates, and a status with "Start" / "End" beside it, a status
/// "from" and "to", or an event column that names a status and what
/// happened to it on most rows.
pub(crate) fn find(ctx: &Context, header: &[Cell], body: &[SourceRow]) -> Option<Log> {
    if body.len() < 2 {
        return None;
    }
    let rec = &ctx.recogniser;
    let names: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    let child = header
        .iter()
        .position(|c| matches!(c, Cell::Text(t) if rec.field_in(&[&rec.episode, &rec.case_note, &rec.audit], t).as_deref() == Some("child_id")))?;
    // (One column of dates: an episode's start and end, a note's date and
    // its entry, are two.)
    let dated = |i: usize| {
        let filled: Vec<&Cell> = body.iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).collect();
        filled.len() >= 2 && filled.iter().all(|c| super::recognise::is_date_value(c))
    };
    let width = body.iter().map(|r| r.cells.len()).max().unwrap_or(0).max(header.len());
    let dates: Vec<usize> = (0..width).filter(|&i| i != child && dated(i)).collect();
    let [date] = dates[..] else { return None };
    let team = header.iter().position(|c| matches!(c, Cell::Text(t) if rec.field_in(&[&rec.episode], t).as_deref() == Some("team")));
    let rules = &ctx.episode_rules;
    let text_columns: Vec<usize> = (0..width).filter(|&i| i != child && i != date && Some(i) != team).collect();
    let statuses = |i: usize| share(body, i, |v| !kinds(rules, v).is_empty() || closed(v));
    // "Start" / "End" beside a status.
    let flag = text_columns.iter().copied().find(|&i| {
        share(body, i, |v| {
            matches!(fold(v).as_str(), "start" | "end" | "started" | "ended" | "begin" | "opened" | "closed" | "ceased" | "start date" | "end date")
        }) >= 900
    });
    if let Some(flag) = flag {
        let status = text_columns.iter().copied().filter(|&i| i != flag).max_by_key(|&i| statuses(i)).filter(|&i| statuses(i) >= 900)?;
        return Some(Log { child, date, team, shape: Shape::Flagged { status, flag } });
    }
    // A status from and to.
    let named = |i: usize, words: &[&str]| names.get(i).is_some_and(|n| n.split(' ').any(|w| words.contains(&w)));
    let from = text_columns.iter().copied().find(|&i| named(i, &["from", "previous", "old", "prior"]) && statuses(i) >= 700);
    let to = text_columns.iter().copied().find(|&i| named(i, &["to", "new", "current"]) && Some(i) != from && statuses(i) >= 700);
    if let (Some(from), Some(to)) = (from, to) {
        return Some(Log { child, date, team, shape: Shape::FromTo { from, to } });
    }
    // An event that says what happened, naming its status on half the rows or more.
    let event = text_columns
        .iter()
        .copied()
        .filter(|&i| {
            share(body, i, |v| act_of(v).is_some() && v.split_whitespace().count() <= 12) >= 800 && share(body, i, |v| !kinds(rules, v).is_empty()) >= 500
        })
        .max_by_key(|&i| share(body, i, |v| matches!(act_of(v), Some(Act::Start | Act::End))))?;
    (share(body, event, |v| matches!(act_of(v), Some(Act::Start | Act::End))) > 0).then_some(Log { child, date, team, shape: Shape::Named { event } })
}

/// One child's episode being built.
struct Open {
    kind: String,
    status: String,
    start: chrono::NaiveDate,
    row: u32,
    team: Cell,
}

/// The log's rows as a legal-status table ("Child ID | Legal status | Start
/// date | End date"), one row per episode, and what was said: the count of
/// ends with no start in the log.
pub(crate) fn episodes(ctx: &Context, log: &Log, rows: &[SourceRow]) -> (Vec<SourceRow>, usize) {
    let rules = &ctx.episode_rules;
    let text = |r: &SourceRow, i: usize| r.cells.get(i).map(Cell::as_string).unwrap_or_default().trim().to_string();
    // Each row's events: (child, date, ends before starts, kind, act, status, row, team).
    type Event = (String, chrono::NaiveDate, u8, String, Act, String, u32, Cell);
    let mut events: Vec<Event> = Vec::new();
    for r in rows {
        let child = text(r, log.child);
        let Some(date) = r.cells.get(log.date).and_then(Cell::as_date) else { continue };
        if child.is_empty() {
            continue;
        }
        let mut push = |kind: &str, act: Act, status: &str| {
            let order = if act == Act::End { 0 } else { 1 };
            let team = log.team.and_then(|t| r.cells.get(t)).cloned().unwrap_or(Cell::Empty);
            events.push((child.clone(), date, order, kind.to_string(), act, status.to_string(), r.row, team));
        };
        match &log.shape {
            Shape::Flagged { status, flag } => {
                let s = text(r, *status);
                let act = if matches!(fold(&text(r, *flag)).as_str(), "end" | "ended" | "closed" | "ceased" | "end date") { Act::End } else { Act::Start };
                for k in kinds(rules, &s) {
                    push(k, act, &s);
                }
            }
            Shape::FromTo { from, to } => {
                let (f, t) = (text(r, *from), text(r, *to));
                let (fk, tk) = (kinds(rules, &f), kinds(rules, &t));
                // (A change within a kind, "CLA (S20)" to "CLA (ICO)", goes on.)
                for k in fk.iter().filter(|k| !tk.contains(k)) {
                    push(k, Act::End, &f);
                }
                for k in tk.iter().filter(|k| !fk.contains(k)) {
                    push(k, Act::Start, &t);
                }
            }
            Shape::Named { event } => {
                let e = text(r, *event);
                if let Some(act @ (Act::Start | Act::End)) = act_of(&e) {
                    // ("CP plan ended - child became looked after": the first
                    // kind named is the one that ended.)
                    if let Some(k) = kinds(rules, &e).first() {
                        push(k, act, &e);
                    }
                }
            }
        }
    }
    events.sort_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
    let mut out = vec![SourceRow { row: 0, cells: ["Child ID", "Legal status", "Start date", "End date", "Team"].iter().map(|h| Cell::text(h)).collect() }];
    let mut unmatched = 0;
    let mut i = 0;
    while i < events.len() {
        let child = events[i].0.clone();
        let mut open: Vec<Open> = Vec::new();
        let mut closed_rows: Vec<SourceRow> = Vec::new();
        while i < events.len() && events[i].0 == child {
            let (_, date, _, kind, act, status, row, team) = events[i].clone();
            match act {
                Act::Start if !open.iter().any(|o| o.kind == kind) => open.push(Open { kind, status, start: date, row, team }),
                Act::End => match open.iter().position(|o| o.kind == kind) {
                    Some(p) => {
                        let o = open.remove(p);
                        closed_rows.push(SourceRow {
                            row: o.row,
                            cells: vec![Cell::text(&child), Cell::text(&o.status), Cell::Date(o.start), Cell::Date(date), o.team],
                        });
                    }
                    None => unmatched += 1,
                },
                _ => {}
            }
            i += 1;
        }
        out.extend(closed_rows);
        out.extend(
            open.into_iter()
                .map(|o| SourceRow { row: o.row, cells: vec![Cell::text(&child), Cell::text(&o.status), Cell::Date(o.start), Cell::Empty, o.team] }),
        );
    }
    (out, unmatched)
}

#[cfg(test)]
mod tests {
    use super::{act_of, Act};

    #[test]
    fn what_an_event_says_happened() {
        for (text, act) in [
            ("CP Plan Started", Some(Act::Start)),
            ("Child made subject to a CP plan", Some(Act::Start)),
            ("Period of care started", Some(Act::Start)),
            ("CLA Ended", Some(Act::End)),
            ("CP plan discontinued", Some(Act::End)),
            ("CP plan ended - child became looked after", Some(Act::End)),
            ("Continue on CP plan", Some(Act::Other)),
            ("Legal Status Changed", Some(Act::Other)),
            ("Placement Changed", Some(Act::Other)),
            ("Home visit", None),
        ] {
            assert_eq!(act_of(text), act, "{text}");
        }
    }
}
