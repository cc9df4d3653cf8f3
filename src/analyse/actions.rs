//! Actions (the overdue list, age bands, completion by team, repeat owners) and
//! auditor load.

use super::compliance::{action_due, action_team, audit_due, audit_index};
use super::{Ctx, Period};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct Overdue {
    pub audit_id: String,
    pub child_id: String,
    pub team: String,
    pub owner: String,
    pub action: String,
    pub due: NaiveDate,
    pub working_days_overdue: i64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamActions {
    pub team: String,
    pub due_in_period: u64,
    pub on_time: u64,
    pub late: u64,
    pub open: u64,
    pub overdue_now: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct OwnerCount {
    pub owner: String,
    pub overdue: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionsReport {
    pub overdue: Vec<Overdue>,
    /// Overdue actions by working days overdue.
    pub age_bands: Vec<(String, u64)>,
    pub by_team: Vec<TeamActions>,
    /// Owners with two or more overdue actions, most first.
    pub repeat_owners: Vec<OwnerCount>,
}

pub fn actions(ctx: &Ctx, period: &Period, as_of: NaiveDate) -> ActionsReport {
    let index = audit_index(ctx);
    let mut overdue = Vec::new();
    let mut teams: BTreeMap<String, TeamActions> = BTreeMap::new();
    for act in &ctx.model.actions {
        let Some(due) = action_due(ctx, act, &index) else { continue };
        let team = super::named(Some(action_team(act, &index)));
        let t = teams.entry(team.clone()).or_insert_with(|| TeamActions { team: team.clone(), ..Default::default() });
        if period.contains(due) {
            t.due_in_period += 1;
            match act.completed {
                Some(c) if c <= due => t.on_time += 1,
                Some(c) if c <= as_of => t.late += 1,
                _ => t.open += 1,
            }
        }
        if due < as_of && act.completed.is_none_or(|c| c > as_of) {
            t.overdue_now += 1;
            overdue.push(Overdue {
                audit_id: act.audit_id.clone().unwrap_or_default(),
                child_id: act.child_id.clone().unwrap_or_default(),
                team,
                owner: act.owner.clone().unwrap_or_else(|| super::NOT_RECORDED.into()),
                action: act.text.clone(),
                due,
                working_days_overdue: ctx.cal.working_days_between(due, as_of),
            });
        }
    }
    overdue.sort_by(|a, b| {
        b.working_days_overdue.cmp(&a.working_days_overdue).then(a.team.cmp(&b.team)).then(a.audit_id.cmp(&b.audit_id)).then(a.action.cmp(&b.action))
    });
    let bands = [("1–5 working days", 0, 5), ("6–10 working days", 6, 10), ("11–20 working days", 11, 20), ("21+ working days", 21, i64::MAX)];
    let age_bands = bands
        .iter()
        .map(|(l, lo, hi)| (l.to_string(), overdue.iter().filter(|o| o.working_days_overdue >= *lo && o.working_days_overdue <= *hi).count() as u64))
        .collect();
    let mut owners: BTreeMap<&str, u64> = BTreeMap::new();
    for o in &overdue {
        *owners.entry(o.owner.as_str()).or_default() += 1;
    }
    let mut repeat_owners: Vec<OwnerCount> =
        owners.into_iter().filter(|(_, n)| *n >= 2).map(|(o, n)| OwnerCount { owner: o.to_string(), overdue: n }).collect();
    repeat_owners.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.owner.cmp(&b.owner)));
    ActionsReport { overdue, age_bands, by_team: teams.into_values().collect(), repeat_owners }
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditorLoad {
    pub auditor: String,
    /// Audits completed in the 12 months up to the as-of date.
    pub audits_last_12_months: u64,
    /// More than 10 a year (seed 003's rule).
    pub over_annual_limit: bool,
    pub due_in_period: u64,
    pub on_time_in_period: u64,
}

pub fn auditor_load(ctx: &Ctx, period: &Period, as_of: NaiveDate) -> Vec<AuditorLoad> {
    let year_ago = crate::calendar::add_months(as_of, -12);
    let mut by: BTreeMap<String, AuditorLoad> = BTreeMap::new();
    for a in &ctx.model.audits {
        let name = super::named(a.auditor.as_deref());
        let e = by.entry(name.clone()).or_insert(AuditorLoad {
            auditor: name,
            audits_last_12_months: 0,
            over_annual_limit: false,
            due_in_period: 0,
            on_time_in_period: 0,
        });
        if a.completed.is_some_and(|d| d > year_ago && d <= as_of) {
            e.audits_last_12_months += 1;
        }
        if let Some(due) = audit_due(ctx, a).filter(|d| period.contains(*d)) {
            e.due_in_period += 1;
            e.on_time_in_period += u64::from(a.completed.is_some_and(|c| c <= due));
        }
    }
    by.into_values()
        .map(|mut l| {
            l.over_annual_limit = l.audits_last_12_months > 10;
            l
        })
        .filter(|l| l.audits_last_12_months > 0 || l.due_in_period > 0)
        .collect()
}
