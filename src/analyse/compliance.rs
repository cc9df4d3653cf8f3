//! The KPIs of METRICS.md, in its order, for one period.

use super::kpi::{Kpi, Tally};
use super::notes::NoteFrame;
use super::visits::VisitIndex;
use super::{Ctx, Period};
use crate::calendar::{add_months, month_end};
use crate::normalise::{Action, Answer, Audit, Band, EpisodeKind};
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;

/// An audit's due date: from the data, else from its allocation date by its
/// framework's rule. `None` when neither is known.
pub fn audit_due(ctx: &Ctx, a: &Audit) -> Option<NaiveDate> {
    if a.due.is_some() {
        return a.due;
    }
    let rule = a.due_rule.as_str();
    let (name, n) = rule.split_once(':').map(|(r, n)| (r, n.trim().parse::<u32>().ok())).unwrap_or((rule, None));
    // Only a month known ("month of audit"): month-based rules only.
    // (A sample sent out ahead of the cycle it is for, "Sep-Oct 2026" sent
    // on 26/08: by a month-based rule, the cycle or month it names; blind
    // set 166.)
    let month_based = !matches!(name, "days_after_allocation" | "working_days_after_allocation");
    let alloc = match (a.allocated, a.allocated_month) {
        (Some(d), Some(m)) if month_based && m > month_end(d) => m,
        (Some(d), _) => d,
        (None, Some(m)) if month_based => m,
        _ => return None,
    };
    Some(match (name, n) {
        ("days_after_allocation", Some(n)) => alloc + Duration::days(n as i64),
        ("working_days_after_allocation", Some(n)) => ctx.cal.add_working_days(alloc, n),
        ("end_of_cycle", _) => cycle_of(ctx, alloc).to,
        _ => month_end(alloc),
    })
}

/// The bi-monthly cycle of the fixed grid (`[settings] cycle_first_month`)
/// containing `d`: the same whichever period is reported.
pub fn cycle_of(ctx: &Ctx, d: NaiveDate) -> Period {
    super::period::grid_period(d, ctx.config.settings.cycle_first_month)
}

/// An action's due date: from the data, else its timescale ("20 working days")
/// or N working days (default 10) after it was set, or after its audit's
/// completion when no set date is given.
/// A due date worked out in working days that the bank-holiday list does not
/// cover is none: the action is in no action KPI, and
/// [`super::actions_outside_calendar`] says so.
pub fn action_due(ctx: &Ctx, act: &Action, audits: &HashMap<&str, &Audit>) -> Option<NaiveDate> {
    action_due_in(ctx.cal, ctx.config.settings.action_working_days, act, audits).ok().flatten()
}

/// [`action_due`], with `Err` (what the calendar says) for a due date that
/// needs working days outside the bank-holiday list.
pub fn action_due_in(cal: &crate::calendar::Calendar, working_days: u32, act: &Action, audits: &HashMap<&str, &Audit>) -> Result<Option<NaiveDate>, String> {
    if act.due.is_some() {
        return Ok(act.due);
    }
    // (The audit's date on the action's own row when its audit is not read:
    // the day the audit was done is the day its actions were set.)
    let Some(start) = act.set.or_else(|| act.audit_id.as_deref().and_then(|id| audits.get(id)).and_then(|a| a.completed)).or(act.audit_date) else {
        return Ok(None);
    };
    let due = match act.due_in {
        Some(t) => crate::normalise::timescale::due(t, start, |d, n| cal.add_working_days(d, n)),
        None => Some(cal.add_working_days(start, working_days)),
    };
    match due {
        Some(due) => cal.covers(start, due).map(|()| Some(due)),
        None => Ok(None),
    }
}

pub fn audit_index<'a>(ctx: &'a Ctx) -> HashMap<&'a str, &'a Audit> {
    ctx.model.audits.iter().map(|a| (a.id.as_str(), a)).collect()
}

/// The team an action counts under: its own, else its audit's.
pub fn action_team<'a>(act: &'a Action, audits: &HashMap<&str, &'a Audit>) -> &'a str {
    act.team.as_deref().or_else(|| act.audit_id.as_deref().and_then(|id| audits.get(id)).and_then(|a| a.team.as_deref())).unwrap_or("")
}

fn team(a: &Audit) -> &str {
    a.team.as_deref().unwrap_or("")
}

/// Whether a moderated audit's moderator agreed ([`Audit::moderator_agreed`]).
pub fn agreed(a: &Audit) -> Option<bool> {
    a.moderator_agreed()
}

/// Not yet due at the as-of date and not yet done by it: neither on time nor
/// late yet ("nothing is overdue before its time"), so left out of an on-time
/// KPI. Only an as-of date before the period's end leaves anything out.
fn pending(due: NaiveDate, done: Option<NaiveDate>, as_of: NaiveDate) -> bool {
    due > as_of && done.is_none_or(|d| d > as_of)
}

/// The due dates of the audits and actions due in the period after as_of
/// and not done by it ([`pending`]): not yet late, so in neither on-time KPI.
pub fn not_yet_due(ctx: &Ctx, period: &Period, as_of: NaiveDate) -> (Vec<NaiveDate>, Vec<NaiveDate>) {
    let index = audit_index(ctx);
    let audits = ctx
        .model
        .audits
        .iter()
        .enumerate()
        .filter(|(i, _)| ctx.cov.audit(*i, "audits_on_time"))
        .filter_map(|(_, a)| audit_due(ctx, a).filter(|due| period.contains(*due) && pending(*due, done_date(a.completed), as_of)));
    let actions = ctx
        .model
        .actions
        .iter()
        .enumerate()
        .filter(|(i, _)| ctx.cov.action(*i, "actions_on_time"))
        .filter_map(|(_, act)| action_due(ctx, act, &index).filter(|due| period.contains(*due) && pending(*due, done_date(act.completed), as_of)));
    (audits.collect(), actions.collect())
}

/// A completion date the on-time and overdue KPIs can use: one before 2000
/// (METRICS.md: implausible; a "-5" date cell is 26/12/1899) says nothing of
/// when the work was done, so it counts as not done, as an unreadable date
/// does, never as done early (it is kept as given elsewhere, with a warning).
fn done_date(completed: Option<NaiveDate>) -> Option<NaiveDate> {
    completed.filter(|d| *d >= crate::calendar::date(2000, 1, 1))
}

/// The audit KPIs whose fields only earlier audits' tables carry: every audit
/// completed in the period comes from a table without the field, and every
/// audit of a table with it was allocated, due, completed and moderated before
/// the period began (last year's form beside this year's, which dropped the
/// question). The period's exports do not record it: not in the exports, never
/// 0 of 0 (METRICS.md "Missing inputs"), and [`super::fields_before_period`]
/// says so.
pub fn fed_only_before(ctx: &Ctx, period: &Period) -> Vec<&'static str> {
    let audits = &ctx.model.audits;
    let cov = &ctx.cov;
    // An audit with no date at all may be in the period.
    let before = |a: &Audit| {
        let dates = [a.completed, a.allocated, a.allocated_month, a.moderation_date, audit_due(ctx, a)];
        dates.iter().any(Option::is_some) && dates.iter().flatten().all(|d| *d < period.from)
    };
    // (Each audit's dates are looked at once, and only for a KPI some audit
    // of the period cannot feed: most exports give every field, and this runs
    // for every period of the trend.)
    let in_period: Vec<usize> = (0..audits.len()).filter(|&i| audits[i].completed.is_some_and(|d| period.contains(d))).collect();
    let mut all_before: Vec<Option<bool>> = vec![None; audits.len()];
    crate::normalise::coverage::AUDIT_KPIS
        .iter()
        .copied()
        .filter(|k| !matches!(*k, "audits_completed" | "actions_on_time" | "actions_overdue") && cov.in_source(k))
        .filter(|k| {
            in_period.iter().any(|&i| !cov.audit(i, k))
                && (0..audits.len()).filter(|&i| cov.audit(i, k)).all(|i| *all_before[i].get_or_insert_with(|| before(&audits[i])))
        })
        .collect()
}

pub fn kpis(ctx: &Ctx, visits: &VisitIndex, notes: &NoteFrame, period: &Period, as_of: NaiveDate) -> Vec<Kpi> {
    let audits = &ctx.model.audits;
    let index = audit_index(ctx);
    let cov = &ctx.cov;
    // Audits completed in the period, with their index for the coverage of each KPI.
    let completed: Vec<(usize, &Audit)> = audits.iter().enumerate().filter(|(_, a)| a.completed.is_some_and(|d| period.contains(d))).collect();
    let feeding = |kpi: &'static str| completed.iter().filter(move |(i, _)| cov.audit(*i, kpi)).map(|(_, a)| *a);

    let mut done = Tally::default();
    for a in feeding("audits_completed") {
        done.count(team(a));
    }

    let mut on_time = Tally::default();
    for (_, a) in audits.iter().enumerate().filter(|(i, _)| cov.audit(*i, "audits_on_time")) {
        if let Some(due) = audit_due(ctx, a).filter(|d| period.contains(*d)) {
            let done = done_date(a.completed);
            if !pending(due, done, as_of) {
                on_time.add(team(a), done.is_some_and(|c| c <= due));
            }
        }
    }

    let mut good = Tally::default();
    for a in feeding("overall_good_or_better") {
        if let Some(j) = a.overall.as_ref().filter(|j| j.is_graded()) {
            good.add(team(a), j.at_least_good == Some(true));
        }
    }

    let mut act_on_time = Tally::default();
    let mut overdue = Tally::default();
    for (i, act) in ctx.model.actions.iter().enumerate() {
        if !cov.action(i, "actions_on_time") {
            continue;
        }
        let Some(due) = action_due(ctx, act, &index) else { continue };
        let t = action_team(act, &index);
        let done = done_date(act.completed);
        if period.contains(due) && !pending(due, done, as_of) {
            act_on_time.add(t, done.is_some_and(|c| c <= due));
        }
        if due < as_of && done.is_none_or(|c| c > as_of) {
            overdue.count(t);
        }
    }

    let mut coverage = Tally::default();
    for a in feeding("moderation_coverage") {
        coverage.add(team(a), a.moderated == Some(true));
    }
    // Every moderated audit stays in the agreement denominator: agreement not
    // recorded counts as not agreed (and is a data-quality finding).
    let mut agreement = Tally::default();
    for a in feeding("moderation_agreement").filter(|a| a.moderated == Some(true)) {
        agreement.add(team(a), agreed(a) == Some(true));
    }

    let mut reaudit = Tally::default();
    // Each child's audits: by id, and as one of a sibling or family group's
    // children (made once, when an inadequate audit first needs it).
    let mut by_child: Option<HashMap<&str, Vec<usize>>> = None;
    for (i, a) in audits.iter().enumerate() {
        let (Some(c), Some(j)) = (a.completed, a.overall.as_ref()) else { continue };
        if j.band != Some(Band::Inadequate) || !cov.audit(i, "inadequate_reaudited_in_time") {
            continue;
        }
        let deadline = add_months(c, 2);
        if !period.contains(deadline) {
            continue;
        }
        let index = by_child.get_or_insert_with(|| {
            let mut m: HashMap<&str, Vec<usize>> = HashMap::new();
            for (k, b) in audits.iter().enumerate() {
                for child in ctx.model.children_of(&b.child_id) {
                    m.entry(child).or_default().push(k);
                }
            }
            m
        });
        let redone_on = ctx
            .model
            .children_of(&a.child_id)
            .iter()
            .filter_map(|child| index.get(child))
            .flatten()
            .filter_map(|&k| audits[k].completed)
            .filter(|d| *d > c && *d <= deadline)
            .min();
        if !pending(deadline, redone_on, as_of) {
            reaudit.add(team(a), redone_on.is_some());
        }
    }

    let spoke = |kpi: &'static str, f: fn(&Audit) -> Answer| {
        let mut t = Tally::default();
        for a in feeding(kpi) {
            match f(a) {
                Answer::Yes => t.add(team(a), true),
                Answer::No => t.add(team(a), false),
                _ => {}
            }
        }
        t
    };

    let (cp, _) = visits.in_time(ctx, EpisodeKind::Cp, period, as_of);
    let (cla, _) = visits.in_time(ctx, EpisodeKind::Cla, period, as_of);
    // (Notes dated after as_of, in a report run before the period ends: not
    // happened as at that day, left out and said; blind set 167.)
    let (seen_alone, recorded) = notes.tallies(ctx, &period.until(as_of));

    let all = vec![
        done.counted("audits_completed", "Audits completed", "Audits completed in the period."),
        on_time.rate("audits_on_time", "Audits completed on time", "Audits due in the period that were completed on or before their due date, out of all audits due in the period (those due after the as-of date and not done by it are not yet due: left out)."),
        good.rate("overall_good_or_better", "Overall judgement good or better", "Audits completed in the period judged good or better overall, out of those with a graded overall judgement (not applicable and blanks left out)."),
        act_on_time.rate("actions_on_time", "Actions completed on time", "Actions due in the period that were signed off on or before their due date (10 working days after being set when no due date is given), out of all actions due in the period (those due after the as-of date and not signed off by it are not yet due: left out)."),
        overdue.counted("actions_overdue", "Actions overdue", "Actions due before the as-of date and not signed off by it."),
        coverage.rate("moderation_coverage", "Audits moderated", "Audits completed in the period that were moderated, out of all audits completed in the period."),
        agreement.rate("moderation_agreement", "Moderator agreed with auditor", "Moderated audits where the moderator agreed with the auditor's overall judgement, out of all moderated audits (agreement not recorded counts as not agreed)."),
        reaudit.rate("inadequate_reaudited_in_time", "Inadequate cases re-audited within 2 months", "Audits judged inadequate whose 2-month re-audit deadline falls in the period and whose child had a later audit completed by that deadline, out of all such audits (a deadline after the as-of date with no re-audit by then is not yet due: left out)."),
        spoke("child_spoken_to", |a| a.spoke_child).rate("child_spoken_to", "Child spoken to", "Audits completed in the period where the auditor spoke to the child, out of those answered yes or no."),
        spoke("family_spoken_to", |a| a.spoke_family).rate("family_spoken_to", "Parents or carers spoken to", "Audits completed in the period where the auditor spoke to the parents or carers, out of those answered yes or no."),
        spoke("practitioner_spoken_to", |a| a.spoke_practitioner).rate("practitioner_spoken_to", "Social worker or PA spoken to", "Audits completed in the period where the auditor spoke to the social worker or personal adviser, out of those answered yes or no."),
        cp.rate("cp_visits_in_time", "Child protection visits within 10 working days", "Children on a child protection plan in the period whose every gap between statutory visits (from the last visit before the period, up to the as-of date or plan end) was at most 10 working days."),
        cla.rate("cla_visits_in_time", "Looked-after children visits within 6 weeks", "Looked-after children in the period whose every gap between statutory visits was at most 6 weeks (42 days)."),
        seen_alone.rate("seen_alone_recorded", "Seen alone recorded", "Statutory visits in the period with whether the child was seen alone recorded (yes or no), out of statutory visits in the period (a visit recorded as not applicable is neither yes nor no; visits dated after the as-of date are left out)."),
        recorded.rate("notes_recorded_in_time", "Case notes recorded within 4 weeks", "Case notes whose event is in the period that were recorded within 28 days of the event (notes dated after the as-of date are left out)."),
    ];
    // Case notes that all end before the period began: its visits and notes
    // are not in the exports (last cycle's report run again), not 0.
    // Likewise case notes that all start after the period ended.
    // Likewise notes that start more than two weeks into the period: its first
    // gaps and most of its notes are not in them (a 100% "on target" else).
    let notes_end_before = ctx.notes_end.is_some_and(|end| end < period.from) || ctx.notes_start.is_some_and(|start| super::notes_start_late(start, period));
    // Audit records that all end before the period began: likewise.
    let audits_end_before = super::audits_end_before(ctx.audits_end, period);
    let only_before = fed_only_before(ctx, period);
    let unmade = |id: &str| {
        !cov.in_source(id)
            || only_before.contains(&id)
            || (notes_end_before && crate::normalise::coverage::NOTE_KPIS.contains(&id))
            || (audits_end_before && crate::normalise::coverage::AUDIT_KPIS.contains(&id))
    };
    all.into_iter().map(|k| if unmade(k.id) { k.not_in_source() } else { k }).collect()
}
