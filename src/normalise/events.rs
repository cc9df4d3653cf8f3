//! Legal status exported as a log of events, not one row per episode: a
//! status with "Start" or "End" beside it, a change "from" one status "to"
//! another, or an event that names its status ("CP Plan Started", "CLA
//! Ended", "Period of care started", a conference's "Child made subject to
//! a CP plan"). Each child's events, in date order, are made into episodes
//! (a start opens one, an end closes it, a change within looked after goes
//! on), and the episodes are read as a legal-status table.

use super::fold::fold;
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
    /// From one plan to another ("Stepped up to CP plan", "Step down to
    /// CIN"): the plan named opens, the others of CP and CIN close.
    Switch,
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

impl Log {
    /// The columns the log reads.
    pub(crate) fn columns(&self) -> Vec<usize> {
        let mut c = vec![self.child, self.date];
        c.extend(self.team);
        match self.shape {
            Shape::Flagged { status, flag } => c.extend([status, flag]),
            Shape::FromTo { from, to } => c.extend([from, to]),
            Shape::Named { event } => c.push(event),
        }
        c
    }
}

/// What a text says happened: started, ended, moved between plans ("Stepped
/// up to CP plan"), or something else that happens to a status (changed,
/// continued, reviewed, a placement moved); none when it says none. With
/// where in the folded text the words that say so begin.
fn act_at(text: &str) -> Option<(Act, usize)> {
    let f = fold(text);
    let at = |ps: &[&str]| ps.iter().filter_map(|p| phrase_at(&f, p)).min();
    // (Said not to have happened: "Not made subject to a CP plan", "Not registered".)
    const NOT: [&str; 7] = ["not made subject", "not subject", "not registered", "not started", "no plan", "never", "not placed"];
    // (A placement that moved is no change of legal status; a placement order is one.)
    let placement = f.split(' ').any(|w| w == "placement" || w == "placements") && !f.contains("placement order");
    if NOT.iter().any(|p| phrase_at(&f, p).is_some()) || placement {
        return Some((Act::Other, 0));
    }
    if let Some(i) = at(&["stepped up", "step up", "stepped down", "step down", "escalated to", "de escalated to"]) {
        return Some((Act::Switch, i));
    }
    let end = at(&[
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
    ]);
    let start = at(&[
        "start",
        "started",
        "starts",
        "began",
        "begun",
        "begin",
        "commenced",
        "opened",
        "made subject",
        "became subject",
        "became",
        "registered",
        "placed on",
        "came into care",
        "entered care",
    ]);
    match (end, start) {
        (Some(e), Some(s)) if s < e => Some((Act::Start, s)),
        (Some(e), _) => Some((Act::End, e)),
        (None, Some(s)) => Some((Act::Start, s)),
        (None, None) => at(&["changed", "change", "continue", "continued", "continues", "review", "reviewed", "remains", "remain", "moved", "transferred"])
            .map(|i| (Act::Other, i)),
    }
}

/// Where a whole-word phrase begins in a folded text.
fn phrase_at(folded: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = folded[from..].find(phrase).map(|i| i + from) {
        let before = i == 0 || folded.as_bytes()[i - 1] == b' ';
        let after = folded.as_bytes().get(i + phrase.len()).is_none_or(|&b| b == b' ');
        if before && after {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

fn act_of(text: &str) -> Option<Act> {
    act_at(text).map(|(a, _)| a)
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
    // (Told on the first rows: a log is told by its columns, not its length.)
    let body = &body[..body.len().min(100)];
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

impl Open {
    /// The episode as a row of the legal-status table the log is read as.
    fn row(self, child: &str, end: Option<chrono::NaiveDate>) -> SourceRow {
        SourceRow {
            row: self.row,
            cells: vec![Cell::text(child), Cell::text(&self.status), Cell::Date(self.start), end.map_or(Cell::Empty, Cell::Date), self.team],
        }
    }
}

/// The log's rows as a legal-status table ("Child ID | Legal status | Start
/// date | End date"), one row per episode, and what was said: the count of
/// ends with no start in the log (each taken to run from the log's first day).
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
                let Some((act, at)) = act_at(&e) else { continue };
                // The kind named before the words that say what happened is
                // the one it happened to; a kind named after an end is the one
                // the child went on to ("CLA ended - returned home on CP plan",
                // "CP plan ended - child became looked after"); else the kind
                // the text names ("Child made subject to a CP plan").
                // (The status written is the part that names the kind, when
                // the text names two: it is read again as a legal status.)
                let f = fold(&e);
                let (head, tail) = f.split_at(at.min(f.len()));
                let (before, after) = (kinds(rules, head), kinds(rules, tail));
                let one = kinds(rules, &e).len() <= 1;
                let said = |part: &str| if one { e.clone() } else { part.trim().to_string() };
                let (named, part) = if before.is_empty() { (after.clone(), tail) } else { (before.clone(), head) };
                match act {
                    Act::Start | Act::End => {
                        if let Some(k) = named.first() {
                            push(k, act, &said(part));
                        }
                        if act == Act::End && !before.is_empty() {
                            for k in after.iter().filter(|k| !before.contains(k)) {
                                push(k, Act::Start, &said(tail));
                            }
                        }
                    }
                    Act::Switch => {
                        if let Some(k) = after.first().or(named.first()) {
                            push(k, Act::Switch, &said(tail));
                        }
                    }
                    Act::Other => {}
                }
            }
        }
    }
    events.sort_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
    let first_day = rows.iter().filter_map(|r| r.cells.get(log.date).and_then(Cell::as_date)).min();
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
                Act::Switch => {
                    // (Looked after stays: a child steps between CP and CIN.)
                    while let Some(p) = open.iter().position(|o| o.kind != kind && o.kind != "cla") {
                        let o = open.remove(p);
                        closed_rows.push(o.row(&child, Some(date)));
                    }
                    if !open.iter().any(|o| o.kind == kind) {
                        open.push(Open { kind, status, start: date, row, team });
                    }
                }
                Act::End => match open.iter().position(|o| o.kind == kind) {
                    Some(p) => {
                        let o = open.remove(p);
                        closed_rows.push(o.row(&child, Some(date)));
                    }
                    // (The log begins mid-episode: the child was on it from
                    // the log's first day at least.)
                    None => {
                        unmatched += 1;
                        if let Some(first) = first_day.filter(|f| *f < date) {
                            closed_rows.push(Open { kind, status, start: first, row, team }.row(&child, Some(date)));
                        }
                    }
                },
                _ => {}
            }
            i += 1;
        }
        out.extend(closed_rows);
        out.extend(open.into_iter().map(|o| o.row(&child, None)));
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
            // A stranger's review.
            ("Not made subject to a CP plan - CIN plan", Some(Act::Other)),
            ("Stepped up to CP plan", Some(Act::Switch)),
            ("CLA ended - returned home on CP plan", Some(Act::End)),
            ("CLA placement ended", Some(Act::Other)),
            ("Became looked after (S20)", Some(Act::Start)),
            ("Ceased to be looked after", Some(Act::End)),
            ("Home visit", None),
        ] {
            assert_eq!(act_of(text), act, "{text}");
        }
    }
}
