//! Records a service moved from one tool to another: when a council changes
//! its audit tool in the year, the old tool's export (frozen at the switch)
//! and the new tool's both hold the audits and actions of the weeks around
//! it. The rows say so ("Migrated", "Imported from old tracker", "Imported to
//! LCS 16/09", "Migrated from tracker: Yes", an action's "Legacy Ref" naming
//! its old reference), and each such pair is one record: the copy in the tool
//! the service moved to is used (its moderation, regrade or sign-off came
//! after the move), the other set aside with a note saying which row took it.

use super::fold::fold;
use super::model::{Audit, Model, Origin};
use crate::ingest::Cell;
use std::collections::{HashMap, HashSet};

/// Which way a row says its record moved between tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// This copy came in from another tool ("Imported from PARIS", "Migrated
    /// from tracker: Yes").
    In,
    /// This copy went out to another tool ("Imported to LCS 16/09", "Migrated
    /// to v4", "moved to Care Director").
    Out,
    /// Moved, without saying which way ("Migrated", "Imported").
    Unsaid,
}

/// What a row says of a move between tools: which way, and the ids it names
/// in the words that say so ("Imported from old tracker (WLA-002)",
/// "88213 (migrated from CareFirst)").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mark {
    pub moved: Option<Moved>,
    pub ids: Vec<String>,
}

/// Why an audit's row is set aside for its copy in the tool the service moved to.
pub const MIGRATED: &str =
    "the same audit in the tool the service moved to (the rows say it was migrated or imported between the two tools: the same child, completed the same day or one of them not completed), whose record is the current one";
/// Why an action's row is set aside for its copy in the tool the service moved to.
pub const MIGRATED_ACTION: &str =
    "the same action in the tool the service moved to (that row gives this action's reference beside its own, or says it was migrated, with the same child and words), whose record is the current one";

/// Which way a text says a record moved: a word for migrating or importing
/// ("migrated", "imported", "migration") and the word after it ("to",
/// "into": out; "from": in; else unsaid), or "moved to", "moved across to"
/// (out). The word starts a clause of the text ("Imported from old
/// tracker", "In progress – auditor started 11/09; moved to Care
/// Director", "88213 (migrated from CareFirst)"), after at most words for
/// the record itself ("Audit migrated to LCS"): not "Child moved to foster
/// carers", "Health records imported from the GP" (review 254's c09, c10).
/// Not "not migrated", "to be migrated", "awaiting migration" (not moved
/// yet), nor "important".
pub fn moved_in_words(text: &str) -> Option<Moved> {
    // (Folded only where its letters are there: every text cell of every
    // audit row, and every header beside it, is asked.)
    if !["igrat", "IGRAT", "mport", "MPORT", "oved", "OVED"].iter().any(|w| text.contains(w)) {
        return None;
    }
    text.split([';', '(', ')', '[', ']', '–', '—', ':', ',', '.', '|', '\n'])
        .flat_map(|clause| clause.split(" - "))
        .find_map(|clause| moved_in_clause(&fold(clause)))
}

/// [`moved_in_words`] of one clause, folded.
fn moved_in_clause(folded: &str) -> Option<Moved> {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    for (i, w) in words.iter().enumerate() {
        // (Only the record's own words before it.)
        let record_words = words[..i].iter().all(|b| {
            matches!(
                *b,
                "audit"
                    | "audits"
                    | "record"
                    | "records"
                    | "form"
                    | "row"
                    | "entry"
                    | "this"
                    | "was"
                    | "been"
                    | "has"
                    | "have"
                    | "already"
                    | "all"
                    | "and"
                    | "then"
                    | "status"
                    | "now"
                    | "later"
                    | "since"
                    | "data"
                    | "case"
                    | "file"
                    | "yes"
            )
        });
        if !record_words {
            continue;
        }
        let next = words[i + 1..].iter().copied().find(|w| !matches!(*w, "across" | "over" | "back"));
        let stem = w.starts_with("migrat") || matches!(*w, "imported" | "import");
        if stem {
            return Some(match next {
                Some("to" | "into" | "onto") => Moved::Out,
                Some("from") => Moved::In,
                _ => Moved::Unsaid,
            });
        }
        if *w == "moved" && matches!(next, Some("to" | "into")) && words.get(i + 1).is_some_and(|n| matches!(*n, "to" | "into" | "across" | "over")) {
            return Some(Moved::Out);
        }
    }
    None
}

/// A cell that reads as yes ("Yes", "Y", "True", a tick).
fn yes(c: &Cell) -> bool {
    match c {
        Cell::Bool(b) => *b,
        Cell::Text(t) => matches!(fold(t).as_str(), "yes" | "y" | "true"),
        _ => false,
    }
}

/// What a row says of a move between tools ([`Mark`]), from its cells and
/// the headers of its columns (`headers`: each column's index and header).
/// `skip`: columns whose words are the record's own (an action's words, a
/// comment on the case), not said of the row. `None` where it says nothing.
pub fn mark(cells: &[Cell], headers: &[(usize, &str)], skip: &[usize]) -> Option<Mark> {
    let mut out = Mark::default();
    let mut note = |m: Moved| {
        // (Said both ways on one row, "Imported from PARIS; migrated to LCS":
        // unsaid.)
        out.moved = Some(match out.moved {
            Some(p) if p != m => Moved::Unsaid,
            _ => m,
        });
    };
    let mut ids = Vec::new();
    for (i, c) in cells.iter().enumerate() {
        if c.is_empty() || skip.contains(&i) {
            continue;
        }
        // A column for the move: "Migrated from tracker" = Yes. (Not a
        // "Previous ref" column: a record carried forward, see
        // `table::resolve_carried`.)
        if let Some(m) = headers.iter().find(|(j, _)| *j == i).and_then(|(_, h)| moved_in_words(h)) {
            if yes(c) {
                note(m);
                continue;
            }
        }
        if let Cell::Text(t) = c {
            if t.len() < 6 {
                continue;
            }
            if let Some(m) = moved_in_words(t) {
                note(m);
                ids.extend(super::identity::id_tokens(t));
            }
        }
    }
    out.ids = ids.iter().map(|i| fold(i)).collect();
    out.moved.map(|_| out)
}

/// An action row's reference-like words: every token with letters and digits
/// ("WLA-002", "PA-0219", "CDACT-1041") in the cells of `columns` (its own
/// reference column and the columns not read), folded. Dates, numbers and
/// years are not ("4", "16/09/2026").
pub fn reference_tokens(cells: &[Cell], columns: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &i in columns {
        let Some(Cell::Text(t)) = cells.get(i) else { continue };
        for w in super::identity::id_tokens(t) {
            if w.chars().any(|c| c.is_alphabetic()) {
                let f = fold(&w);
                if !out.contains(&f) {
                    out.push(f);
                }
            }
        }
    }
    out
}

/// The latest date a file's audits record (completed or moderated): a
/// frozen export reaches the day it froze; the live tool's, later.
fn reach(audits: &[Audit]) -> HashMap<&str, chrono::NaiveDate> {
    let mut out: HashMap<&str, chrono::NaiveDate> = HashMap::new();
    for a in audits {
        for d in [a.completed, a.moderation_date].into_iter().flatten() {
            let e = out.entry(a.origin.file.as_str()).or_insert(d);
            *e = (*e).max(d);
        }
    }
    out
}

/// How strongly a row says it is the copy the service moved to.
fn towards(m: Option<&Mark>) -> i32 {
    match m.and_then(|m| m.moved) {
        Some(Moved::In) => 1,
        Some(Moved::Out) => -1,
        _ => 0,
    }
}

/// Whether two audits of one child in two tools' exports are one audit,
/// moved between them: the same completion date; or one of them not
/// completed (the old tool's row left "in progress") and no due or
/// allocation date given by both that differs; or either row naming the
/// other's id where it says it moved ("88213 (migrated from CareFirst)").
/// Not where both name an auditor and the two differ.
fn one_audit(a: &Audit, am: Option<&Mark>, x: &Audit, xm: Option<&Mark>) -> bool {
    let names = |m: Option<&Mark>, y: &Audit| m.is_some_and(|m| m.ids.contains(&fold(y.id.trim())));
    if names(am, x) || names(xm, a) {
        return true;
    }
    let auditor = |y: &Audit| y.auditor.as_deref().map(fold).filter(|n| !n.is_empty());
    if matches!((auditor(a), auditor(x)), (Some(p), Some(q)) if p != q) {
        return false;
    }
    match (a.completed, x.completed) {
        (Some(p), Some(q)) => p == q,
        _ => {
            let same = |p: Option<chrono::NaiveDate>, q: Option<chrono::NaiveDate>| match (p, q) {
                (Some(p), Some(q)) => Some(p == q),
                _ => None,
            };
            same(a.due, x.due) != Some(false) && same(a.allocated, x.allocated) != Some(false)
        }
    }
}

/// Pairs the audits and actions the service moved from one tool to another
/// (see the module's note), each pair's old copy set aside for the new
/// ([`Model::superseded`]). Run once every child's id is read as one
/// spelling. Gives how many were paired.
pub fn pair(model: &mut Model, found: &mut super::findings::Findings) -> usize {
    let audit_marks = std::mem::take(&mut model.migrated_audits);
    let action_marks = std::mem::take(&mut model.migrated_actions);
    let already: HashSet<Origin> = model.superseded.iter().map(|(old, _, _)| old.clone()).collect();
    let mut gone: Vec<(Origin, Origin, &'static str)> = Vec::new();
    let mut paired: HashSet<Origin> = HashSet::new();
    let mut completions: Vec<(Origin, chrono::NaiveDate, Origin)> = Vec::new();
    if !audit_marks.is_empty() {
        let marks: HashMap<&Origin, &Mark> = audit_marks.iter().map(|(o, m)| (o, m)).collect();
        let reach = reach(&model.audits);
        let mut by_child: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in model.audits.iter().enumerate().filter(|(_, a)| !a.reaudit_on_row && !already.contains(&a.origin)) {
            if let Some(c) = super::identity::child_key(&a.child_id) {
                by_child.entry(c).or_default().push(i);
            }
        }
        for (origin, m) in &audit_marks {
            if paired.contains(origin) {
                continue;
            }
            let Some(a) = model.audits.iter().find(|a| a.origin == *origin && !a.reaudit_on_row) else { continue };
            let Some(list) = super::identity::child_key(&a.child_id).and_then(|c| by_child.get(&c)) else { continue };
            let candidates: Vec<&Audit> = list
                .iter()
                .map(|&i| &model.audits[i])
                .filter(|x| x.origin.file != a.origin.file && !paired.contains(&x.origin) && one_audit(a, Some(m), x, marks.get(&x.origin).copied()))
                .collect();
            // (One copy; of several, the one completed the same day.)
            let x = match candidates.as_slice() {
                [x] => *x,
                many => match many.iter().filter(|x| x.completed.is_some() && x.completed == a.completed).collect::<Vec<_>>().as_slice() {
                    [x] => **x,
                    _ => continue,
                },
            };
            let (mine, theirs) = (towards(Some(m)), towards(marks.get(&x.origin).copied()));
            let keep_mine = match mine.cmp(&theirs) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                // Neither says which way: the export that reaches later (the
                // old tool's froze at the move).
                std::cmp::Ordering::Equal => match reach.get(a.origin.file.as_str()).cmp(&reach.get(x.origin.file.as_str())) {
                    std::cmp::Ordering::Greater => true,
                    std::cmp::Ordering::Less => false,
                    std::cmp::Ordering::Equal => continue,
                },
            };
            let (old, new) = if keep_mine { (x, a) } else { (a, x) };
            // (Completed in the old tool and not in the new one, whose copy
            // came across without it: "Part B acknowledged in CareFirst
            // 14/09" in the words of a Part A moved to a form.)
            if let (None, Some(d)) = (new.completed, old.completed) {
                completions.push((new.origin.clone(), d, old.origin.clone()));
            }
            paired.insert(old.origin.clone());
            paired.insert(new.origin.clone());
            gone.push((old.origin.clone(), new.origin.clone(), MIGRATED));
        }
    }
    if !action_marks.is_empty() {
        let marks: HashMap<&Origin, &ActionMark> = action_marks.iter().map(|(o, m)| (o, m)).collect();
        let child = |a: &super::model::Action| a.child_id.as_deref().and_then(super::identity::child_key);
        let mut by_child: HashMap<String, Vec<usize>> = HashMap::new();
        let mut at: HashMap<&Origin, usize> = HashMap::new();
        for (i, a) in model.actions.iter().enumerate().filter(|(_, a)| !already.contains(&a.origin)) {
            at.entry(&a.origin).or_insert(i);
            if let Some(c) = child(a) {
                by_child.entry(c).or_default().push(i);
            }
        }
        // (Only a row that says it moved, or gives two references, can be a
        // copy of another.)
        for (origin, m) in action_marks.iter().filter(|(_, m)| m.moved.is_some() || m.tokens.len() >= 2) {
            if paired.contains(origin) {
                continue;
            }
            let Some(a) = at.get(origin).map(|&i| &model.actions[i]) else { continue };
            let Some(list) = child(a).and_then(|c| by_child.get(&c)) else { continue };
            let others = || list.iter().map(|&i| &model.actions[i]).filter(|x| x.origin.file != a.origin.file && !paired.contains(&x.origin));
            // The row gives another action's reference beside its own: that
            // action, moved here ("Imported from old tracker (WLA-002)",
            // "PARIS action ref").
            let by_reference: Vec<&super::model::Action> = others()
                .filter(|x| {
                    let theirs = marks.get(&x.origin).map(|x| x.tokens.as_slice()).unwrap_or_default();
                    !theirs.is_empty() && theirs.len() < m.tokens.len() && theirs.iter().all(|t| m.tokens.contains(t))
                })
                .collect();
            // Or it says it was migrated, and the other is the same child's
            // action in the same words, due the same day where both say.
            let moved_in = matches!(m.moved, Some(Moved::In | Moved::Unsaid));
            let by_words: Vec<&super::model::Action> = if moved_in && by_reference.is_empty() {
                others()
                    .filter(|x| {
                        fold(&x.text) == fold(&a.text)
                            && !matches!((x.due, a.due), (Some(p), Some(q)) if p != q)
                            && !marks.get(&x.origin).is_some_and(|x| matches!(x.moved, Some(Moved::In | Moved::Unsaid)))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let x = match (by_reference.as_slice(), by_words.as_slice()) {
                ([x], _) | ([], [x]) => *x,
                _ => continue,
            };
            paired.insert(x.origin.clone());
            paired.insert(a.origin.clone());
            gone.push((x.origin.clone(), a.origin.clone(), MIGRATED_ACTION));
        }
    }
    for (at, done, from) in completions {
        if let Some(a) = model.audits.iter_mut().find(|a| a.origin == at) {
            a.completed = Some(done);
            let why = format!("completed in the tool the service moved from ({} row {}), not in this copy: completed on that date", from.file, from.row);
            found.push(
                super::findings::Severity::Info,
                "completion_from_old_tool",
                &at.file,
                at.sheet.as_deref(),
                Some(at.row),
                Some("completed_date"),
                done.to_string(),
                why,
            );
        }
    }
    let n = gone.len();
    model.superseded.extend(gone);
    n
}

/// What an action row says of a move between tools: which way (see
/// [`Mark`]), and its reference-like words ([`reference_tokens`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionMark {
    pub moved: Option<Moved>,
    pub tokens: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_say_which_way_a_record_moved() {
        let m = |s: &str| moved_in_words(s);
        assert_eq!(m("Imported from the PPRI tracker 15/09/2026"), Some(Moved::In));
        assert_eq!(m("Imported to LCS 16/09/2026"), Some(Moved::Out));
        assert_eq!(m("Migrated to v4"), Some(Moved::Out));
        assert_eq!(m("Migrated"), Some(Moved::Unsaid));
        assert_eq!(m("In progress – auditor started 11/09; moved to Care Director"), Some(Moved::Out));
        assert_eq!(m("Migrated across to SharePoint"), Some(Moved::Out));
        assert_eq!(m("Not migrated"), None);
        assert_eq!(m("To be migrated next week"), None);
        assert_eq!(m("Important: chronology missing"), None);
        assert_eq!(m("Child moved"), None);
        // (Said of something else: review 254's c09, c10.)
        assert_eq!(m("Child moved to foster carers in August"), None);
        assert_eq!(m("Health records imported from the GP system were reviewed"), None);
        assert_eq!(m("88213 (migrated from CareFirst – Part B acknowledged in CareFirst 14/09/2026)"), Some(Moved::In));
        assert_eq!(m("Audit migrated to LCS"), Some(Moved::Out));
    }

    #[test]
    fn a_column_for_the_move_and_words_naming_a_legacy_reference_mark_the_row() {
        let headers = [(0, "ID"), (1, "Migrated from tracker"), (2, "Legacy Ref"), (3, "Comments")];
        let cells = |v: [&str; 4]| v.iter().map(|s| if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) }).collect::<Vec<_>>();
        let yes = mark(&cells(["4", "Yes", "", ""]), &headers, &[]).unwrap();
        assert_eq!(yes.moved, Some(Moved::In));
        assert!(mark(&cells(["4", "No", "", ""]), &headers, &[]).is_none());
        // (A reference alone under "Legacy Ref" says nothing: an action's
        // references are compared by `reference_tokens`.)
        assert!(mark(&cells(["4", "", "WLA-002", ""]), &headers, &[]).is_none());
        let legacy = mark(&cells(["4", "", "Imported from old tracker (WLA-002)", ""]), &headers, &[]).unwrap();
        assert_eq!((legacy.moved, legacy.ids), (Some(Moved::In), vec!["wla 002".to_string()]));
        // (A comment column the caller leaves out says nothing of the row.)
        assert!(mark(&cells(["4", "", "", "Health records imported from the GP"]), &headers, &[3]).is_none());
    }

    #[test]
    fn reference_words_have_letters_and_digits() {
        let cells = vec![Cell::Text("CDACT-1041".into()), Cell::Text("Imported from old tracker (WLA-002) on 16/09/2026".into()), Cell::Text("4".into())];
        assert_eq!(reference_tokens(&cells, &[0, 1, 2]), vec!["cdact 1041".to_string(), "wla 002".to_string()]);
    }
}
