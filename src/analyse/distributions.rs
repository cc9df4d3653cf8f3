//! Grade distributions: overall and per canonical domain, by team, framework,
//! legal status and case type, and by bi-monthly period across the history.

use super::shown::{is_false, Count};
use super::{Ctx, Period, PeriodOut};
use crate::normalise::{Audit, Judgement};
use serde::Serialize;
use std::collections::BTreeMap;

/// Audits by canonical band, plus the buckets for scales that only say which side
/// of good a label is on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Bands {
    pub outstanding: Count,
    pub good: Count,
    pub requires_improvement: Count,
    pub inadequate: Count,
    pub good_or_better_unbanded: Count,
    pub below_good_unbanded: Count,
    pub not_applicable: Count,
    /// Set when `--suppress` hid any count above.
    #[serde(skip_serializing_if = "is_false")]
    pub suppressed: bool,
}

impl Bands {
    pub fn add(&mut self, j: &Judgement) {
        use crate::normalise::Band::*;
        let slot = match (j.band, j.at_least_good, j.not_applicable) {
            (_, _, true) => &mut self.not_applicable,
            (Some(Outstanding), ..) => &mut self.outstanding,
            (Some(Good), ..) => &mut self.good,
            (Some(RequiresImprovement), ..) => &mut self.requires_improvement,
            (Some(Inadequate), ..) => &mut self.inadequate,
            (None, Some(true), _) => &mut self.good_or_better_unbanded,
            (None, Some(false), _) => &mut self.below_good_unbanded,
            (None, None, _) => return,
        };
        *slot += 1;
    }

    /// The counts in the order of the table columns.
    pub fn all(&self) -> [Count; 7] {
        [self.outstanding, self.good, self.requires_improvement, self.inadequate, self.good_or_better_unbanded, self.below_good_unbanded, self.not_applicable]
    }

    pub fn all_mut(&mut self) -> [&mut Count; 7] {
        [
            &mut self.outstanding,
            &mut self.good,
            &mut self.requires_improvement,
            &mut self.inadequate,
            &mut self.good_or_better_unbanded,
            &mut self.below_good_unbanded,
            &mut self.not_applicable,
        ]
    }

    /// Graded audits (not applicable left out).
    pub fn graded(&self) -> Count {
        self.outstanding + self.good + self.requires_improvement + self.inadequate + self.good_or_better_unbanded + self.below_good_unbanded
    }

    pub fn good_or_better(&self) -> Count {
        self.outstanding + self.good + self.good_or_better_unbanded
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub name: String,
    pub counts: Bands,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodBands {
    pub period: PeriodOut,
    pub counts: Bands,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dist {
    pub counts: Bands,
    pub by_team: Vec<Group>,
    pub by_period: Vec<PeriodBands>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Distributions {
    pub overall: Dist,
    /// Domain id → distribution of that domain's judgements.
    pub domains: BTreeMap<String, Dist>,
    pub domain_names: BTreeMap<String, String>,
    pub overall_by_framework: Vec<Group>,
    pub overall_by_legal_status: Vec<Group>,
    pub overall_by_case_type: Vec<Group>,
}

fn dist(ctx: &Ctx, period: &Period, pick: &dyn Fn(&Audit) -> Option<&Judgement>) -> Dist {
    let mut counts = Bands::default();
    let mut teams: BTreeMap<String, Bands> = BTreeMap::new();
    for a in ctx.model.audits.iter().filter(|a| a.completed.is_some_and(|d| period.contains(d))) {
        if let Some(j) = pick(a) {
            counts.add(j);
            teams.entry(super::named(a.team.as_deref())).or_default().add(j);
        }
    }
    let by_period = ctx
        .grid
        .iter()
        .map(|p| {
            let mut c = Bands::default();
            for a in ctx.model.audits.iter().filter(|a| a.completed.is_some_and(|d| p.contains(d))) {
                if let Some(j) = pick(a) {
                    c.add(j);
                }
            }
            PeriodBands { period: p.into(), counts: c }
        })
        .collect();
    Dist { counts, by_team: teams.into_iter().map(|(name, counts)| Group { name, counts }).collect(), by_period }
}

fn grouped(ctx: &Ctx, period: &Period, key: &dyn Fn(&Audit) -> Option<String>) -> Vec<Group> {
    let mut groups: BTreeMap<String, Bands> = BTreeMap::new();
    for a in ctx.model.audits.iter().filter(|a| a.completed.is_some_and(|d| period.contains(d))) {
        if let Some(j) = &a.overall {
            groups.entry(key(a).unwrap_or_else(|| super::NOT_RECORDED.into())).or_default().add(j);
        }
    }
    groups.into_iter().map(|(name, counts)| Group { name, counts }).collect()
}

pub fn distributions(ctx: &Ctx, period: &Period) -> Distributions {
    let mut domains = BTreeMap::new();
    let mut names = BTreeMap::new();
    for d in &ctx.config.domains {
        let id = d.id.clone();
        let dd = dist(ctx, period, &|a: &Audit| a.domain(&id));
        if !(dd.counts.graded() + dd.counts.not_applicable).is_zero() || dd.by_period.iter().any(|p| !p.counts.graded().is_zero()) {
            domains.insert(d.id.clone(), dd);
            names.insert(d.id.clone(), d.name.clone());
        }
    }
    Distributions {
        overall: dist(ctx, period, &|a: &Audit| a.overall.as_ref()),
        domains,
        domain_names: names,
        overall_by_framework: grouped(ctx, period, &|a| Some(a.framework.clone())),
        overall_by_legal_status: grouped(ctx, period, &|a| a.legal_status.clone()),
        overall_by_case_type: grouped(ctx, period, &|a| a.case_type.clone()),
    }
}
