//! Moderation: auditor band × moderator band, agreement by team and auditor, and
//! which way moderators disagree.

use super::compliance::agreed;
use super::{Ctx, Period};
use crate::normalise::{Audit, Judgement};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    pub name: String,
    pub moderated: u64,
    pub agreed: u64,
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Direction {
    pub moderator_lower: u64,
    pub moderator_higher: u64,
    pub same: u64,
    pub unknown: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Moderation {
    /// auditor band → moderator band → audits.
    pub matrix: BTreeMap<String, BTreeMap<String, u64>>,
    pub by_team: Vec<Agreement>,
    pub by_auditor: Vec<Agreement>,
    pub direction: Direction,
}

/// A band key for the matrix, including the unbanded buckets.
pub fn key(j: &Judgement) -> &'static str {
    match (j.band, j.at_least_good, j.not_applicable) {
        (_, _, true) => "not_applicable",
        (Some(b), ..) => b.key(),
        (None, Some(true), _) => "good_or_better_unbanded",
        (None, Some(false), _) => "below_good_unbanded",
        _ => "unknown",
    }
}

/// 0 best … 3 worst where a band is known; the unbanded sides sit at 1 and 2.5.
fn rank(j: &Judgement) -> Option<f64> {
    match (j.band, j.at_least_good) {
        (Some(b), _) => Some(crate::normalise::Band::ALL.iter().position(|x| *x == b)? as f64),
        (None, Some(true)) => Some(1.0),
        (None, Some(false)) => Some(2.5),
        _ => None,
    }
}

fn agreement(groups: BTreeMap<String, (u64, u64)>) -> Vec<Agreement> {
    groups.into_iter().map(|(name, (m, a))| Agreement { name, moderated: m, agreed: a, rate: (m > 0).then(|| a as f64 / m as f64) }).collect()
}

pub fn moderation(ctx: &Ctx, period: &Period) -> Moderation {
    let mut matrix: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut teams: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut auditors: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut direction = Direction::default();
    let moderated =
        ctx.model.audits.iter().enumerate().filter(|(_, a): &(usize, &Audit)| a.completed.is_some_and(|d| period.contains(d)) && a.moderated == Some(true));
    for (i, a) in moderated {
        if let (Some(x), Some(y)) = (&a.overall, &a.moderated_overall) {
            *matrix.entry(key(x).into()).or_default().entry(key(y).into()).or_default() += 1;
            match (rank(x), rank(y)) {
                (Some(p), Some(q)) if q > p => direction.moderator_lower += 1,
                (Some(p), Some(q)) if q < p => direction.moderator_higher += 1,
                (Some(_), Some(_)) => direction.same += 1,
                _ => direction.unknown += 1,
            }
        } else {
            direction.unknown += 1;
        }
        // As the KPI: every moderated audit from an export that records agreement;
        // agreement not recorded counts as not agreed.
        if ctx.cov.audit(i, "moderation_agreement") {
            let ok = agreed(a) == Some(true);
            for (map, name) in [(&mut teams, super::named(a.team.as_deref())), (&mut auditors, super::named(a.auditor.as_deref()))] {
                let e = map.entry(name).or_default();
                e.0 += 1;
                e.1 += u64::from(ok);
            }
        }
    }
    Moderation { matrix, by_team: agreement(teams), by_auditor: agreement(auditors), direction }
}
