//! What a record's later version keeps from the earlier one it replaces. A
//! later export is used whole, except for the fields its table has no column
//! for at all: an allocation list's due date when the later returns list has
//! no due-date column, a tracker's team when the later export leaves teams out.
//! A field the later table has a column for keeps the later value, blank or
//! not (a blank there may be an edit). Each field kept so is named in the note
//! about the version set aside.

use super::columns::Target;
use super::model::{Action, Answer, Audit, CaseNote, Episode, SeenAlone};
use std::collections::HashSet;

/// The fields a table has a column for (`domain` for any graded question).
pub fn fields_of(columns: &[super::columns::ColumnMap]) -> HashSet<&str> {
    columns
        .iter()
        .filter_map(|c| match &c.target {
            Target::Field(f) => Some(f.as_str()),
            Target::Domain(_) => Some("domain"),
            _ => None,
        })
        .collect()
}

/// Sets `to` from `from` when the later table has none of `columns` and has
/// no value itself; names the field in `kept` when it does.
fn keep<T: Clone>(to: &mut Option<T>, from: &Option<T>, has: &HashSet<&str>, columns: &[&str], name: &'static str, kept: &mut Vec<&'static str>) {
    if to.is_none() && from.is_some() && !columns.iter().any(|c| has.contains(c)) {
        to.clone_from(from);
        kept.push(name);
    }
}

fn keep_answer(to: &mut Answer, from: Answer, has: &HashSet<&str>, field: &str, name: &'static str, kept: &mut Vec<&'static str>) {
    if *to == Answer::Blank && from != Answer::Blank && !has.contains(field) && !has.contains(format!("{field}_not").as_str()) {
        *to = from;
        kept.push(name);
    }
}

fn keep_text(to: &mut String, from: &str, has: &HashSet<&str>, field: &str, kept: &mut Vec<&'static str>, name: &'static str) {
    if to.trim().is_empty() && !from.trim().is_empty() && !has.contains(field) {
        *to = from.to_string();
        kept.push(name);
    }
}

/// An audit's fields the later version (`to`, read from a table with the
/// columns `has`) takes from the earlier one; returns their names.
pub fn audit(to: &mut Audit, from: &Audit, has: &HashSet<&str>) -> Vec<&'static str> {
    let mut kept = Vec::new();
    keep(&mut to.team, &from.team, has, &["team"], "team", &mut kept);
    keep(&mut to.service, &from.service, has, &["service"], "service", &mut kept);
    keep(&mut to.auditor, &from.auditor, has, &["auditor"], "auditor", &mut kept);
    keep(&mut to.case_type, &from.case_type, has, &["case_type"], "case type", &mut kept);
    keep(&mut to.legal_status, &from.legal_status, has, &["legal_status"], "legal status", &mut kept);
    if to.allocated.is_none() && to.allocated_month.is_none() {
        keep(&mut to.allocated, &from.allocated, has, &["allocated_date", "audit_month"], "allocation date", &mut kept);
        keep(&mut to.allocated_month, &from.allocated_month, has, &["allocated_date", "audit_month"], "allocation month", &mut kept);
    }
    keep(&mut to.due, &from.due, has, &["due_date"], "due date", &mut kept);
    if to.overall.is_none() && to.domains.is_empty() && from.overall.is_some() && !has.contains("overall") && !has.contains("domain") {
        to.overall.clone_from(&from.overall);
        to.overall_source.clone_from(&from.overall_source);
        to.domains.clone_from(&from.domains);
        kept.push("grades");
    }
    const MODERATION: [&str; 4] = ["moderated", "moderator_agrees", "moderated_overall", "moderation_date"];
    let unmoderated = to.moderated.is_none() && to.moderator_agrees.is_none() && to.moderated_overall.is_none() && to.moderation_date.is_none();
    let moderated = from.moderated.is_some() || from.moderated_overall.is_some() || from.moderation_date.is_some();
    if unmoderated && moderated && !MODERATION.iter().any(|c| has.contains(c)) {
        to.moderated = from.moderated;
        to.moderator_agrees = from.moderator_agrees;
        to.moderated_overall.clone_from(&from.moderated_overall);
        to.moderation_date = from.moderation_date;
        kept.push("moderation");
    }
    keep_answer(&mut to.spoke_child, from.spoke_child, has, "spoke_child", "child spoken to", &mut kept);
    keep_answer(&mut to.spoke_family, from.spoke_family, has, "spoke_family", "family spoken to", &mut kept);
    keep_answer(&mut to.spoke_practitioner, from.spoke_practitioner, has, "spoke_practitioner", "practitioner spoken to", &mut kept);
    keep(&mut to.escalated, &from.escalated, has, &["escalated"], "escalated", &mut kept);
    keep_text(&mut to.evidence, &from.evidence, has, "evidence", &mut kept, "evidence");
    keep_text(&mut to.good_practice, &from.good_practice, has, "good_practice", &mut kept, "good practice");
    kept
}

/// An action's fields the later version takes from the earlier one.
pub fn action(to: &mut Action, from: &Action, has: &HashSet<&str>) -> Vec<&'static str> {
    let mut kept = Vec::new();
    keep(&mut to.owner, &from.owner, has, &["owner"], "owner", &mut kept);
    keep(&mut to.team, &from.team, has, &["team"], "team", &mut kept);
    keep(&mut to.set, &from.set, has, &["set_date"], "date set", &mut kept);
    if to.due.is_none() && to.due_in.is_none() {
        keep(&mut to.due, &from.due, has, &["due_date"], "due date", &mut kept);
        keep(&mut to.due_in, &from.due_in, has, &["due_date"], "timescale", &mut kept);
    }
    kept
}

/// A legal-status spell's fields the later version takes from the earlier one.
pub fn episode(to: &mut Episode, from: &Episode, has: &HashSet<&str>) -> Vec<&'static str> {
    let mut kept = Vec::new();
    keep(&mut to.team, &from.team, has, &["team"], "team", &mut kept);
    kept
}

/// A case note's fields the later version takes from the earlier one (the
/// same note id in two exports: a visits report with seen alone, a case-note
/// export without it). Authors and teams are interned: 0 is blank.
pub fn note(to: &mut CaseNote, from: &CaseNote, has: &HashSet<&str>) -> Vec<&'static str> {
    let mut kept = Vec::new();
    keep(&mut to.recorded, &from.recorded, has, &["recorded_date"], "date recorded", &mut kept);
    if to.seen_alone == SeenAlone::NotRecorded && from.seen_alone != SeenAlone::NotRecorded && !has.contains("seen_alone") {
        to.seen_alone = from.seen_alone;
        kept.push("seen alone");
    }
    for (to, from, field, name) in [(&mut to.author, from.author, "author", "author"), (&mut to.team, from.team, "team", "team")] {
        if *to == 0 && from != 0 && !has.contains(field) {
            *to = from;
            kept.push(name);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn only_fields_the_later_table_has_no_column_for_are_kept() {
        let from = Audit { due: d("2026-09-30"), team: Some("East".into()), auditor: Some("A. Tester".into()), ..Default::default() };
        // The later table has an auditor column, left blank: a blank there may be an edit.
        let mut to = Audit { completed: d("2026-09-20"), ..Default::default() };
        let kept = audit(&mut to, &from, &HashSet::from(["child_id", "completed_date", "auditor"]));
        assert_eq!(kept, ["team", "due date"]);
        assert_eq!((to.due, to.team.as_deref(), to.auditor), (d("2026-09-30"), Some("East"), None));
        // A value of its own is never replaced.
        let mut own = Audit { due: d("2026-10-15"), ..Default::default() };
        assert!(!audit(&mut own, &from, &HashSet::from(["team"])).contains(&"due date"));
        assert_eq!(own.due, d("2026-10-15"));
    }

    #[test]
    fn an_action_keeps_a_due_date_only_when_it_has_no_timescale() {
        let from = Action { due: d("2026-10-01"), owner: Some("SW".into()), ..Default::default() };
        let mut to = Action { completed: d("2026-09-28"), ..Default::default() };
        assert_eq!(action(&mut to, &from, &HashSet::from(["text", "completed_date"])), ["owner", "due date"]);
        let mut has_due_column = Action::default();
        assert_eq!(action(&mut has_due_column, &from, &HashSet::from(["due_date", "owner"])), Vec::<&str>::new());
    }
}
