//! Statutory visits: were children on a plan visited in time? Gaps are counted
//! from the last visit before the period (or the plan start) up to the as-of date
//! or the plan's end.

use super::kpi::Tally;
use super::notes::{NoteCounts, NoteFrame, LAG_BANDS};
use super::shown::Count;
use super::{Ctx, Period};
use crate::normalise::{EpisodeKind, Model};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// Statutory visit dates per child, sorted, and each child's latest team.
pub struct VisitIndex<'a> {
    visits: HashMap<&'a str, Vec<NaiveDate>>,
    team: HashMap<&'a str, u32>,
}

impl<'a> VisitIndex<'a> {
    pub fn new(model: &'a Model) -> VisitIndex<'a> {
        // By interned child id first (no text hashed per note), then by id text:
        // tidying ids can give two interned ids one text, and they are one child.
        let mut visits: Vec<Vec<NaiveDate>> = vec![Vec::new(); model.children.len()];
        // The latest note's (event, position, team).
        let mut latest: Vec<Option<(NaiveDate, usize, u32)>> = vec![None; model.children.len()];
        for (i, n) in model.case_notes.iter().enumerate() {
            let c = n.child as usize;
            if c >= visits.len() {
                visits.resize(c + 1, Vec::new());
                latest.resize(c + 1, None);
            }
            if n.kind.is_statutory_visit() {
                visits[c].push(n.event);
            }
            if latest[c].is_none_or(|(e, _, _)| n.event >= e) {
                latest[c] = Some((n.event, i, n.team));
            }
        }
        let child = |c: usize| model.children.get(c as u32);
        let mut by_child: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
        for (c, v) in visits.into_iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            by_child.entry(child(c)).or_default().extend(v);
        }
        for v in by_child.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        let mut team: HashMap<&str, (NaiveDate, usize, u32)> = HashMap::new();
        for (c, l) in latest.into_iter().enumerate() {
            if let Some(l) = l {
                let t = team.entry(child(c)).or_insert(l);
                *t = (*t).max(l);
            }
        }
        VisitIndex { visits: by_child, team: team.into_iter().map(|(k, (_, _, t))| (k, t)).collect() }
    }

    fn child_visits(&self, child: &str) -> &[NaiveDate] {
        self.visits.get(child).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The KPI tally and, per child, the longest gap found.
    pub fn in_time(&self, ctx: &Ctx, kind: EpisodeKind, period: &Period, as_of: NaiveDate) -> (Tally, Vec<ChildGap>) {
        let (limit, unit) = match kind {
            EpisodeKind::Cp => (10, "working days"),
            _ => (42, "days"),
        };
        let mut per_child: HashMap<&str, ChildGap> = HashMap::new();
        for ep in spells(ctx.model, kind, period) {
            let start = ep.start.max(period.from);
            let end = as_of.min(ep.end.unwrap_or(as_of));
            if end < start {
                continue;
            }
            let visits = self.child_visits(ep.child_id);
            let anchor = anchor(visits, ep.start, start, ctx.notes_start);
            let mut points = vec![anchor];
            points.extend(visits.iter().copied().filter(|v| *v > anchor && *v >= start && *v <= end));
            points.push(end);
            let gap = |a: NaiveDate, b: NaiveDate| if kind == EpisodeKind::Cp { ctx.cal.working_days_between(a, b) } else { (b - a).num_days() };
            let longest = points.windows(2).map(|w| gap(w[0], w[1])).max().unwrap_or(0);
            let team = ep.team().cloned().or_else(|| self.team.get(ep.child_id).map(|t| ctx.model.strings.get(*t).to_string())).unwrap_or_default();
            let last_visit = visits.iter().rev().find(|v| **v <= end).copied();
            let entry = per_child.entry(ep.child_id).or_insert(ChildGap {
                child_id: ep.child_id.to_string(),
                team: super::named(Some(&team)),
                plan: kind.as_str(),
                longest_gap: 0,
                unit,
                in_time: true,
                last_visit,
            });
            entry.longest_gap = entry.longest_gap.max(longest);
            entry.in_time &= longest <= limit;
        }
        let mut children: Vec<ChildGap> = per_child.into_values().collect();
        children.sort_by(|a, b| a.team.cmp(&b.team).then(b.longest_gap.cmp(&a.longest_gap)).then(a.child_id.cmp(&b.child_id)));
        let mut tally = Tally::default();
        for c in &children {
            tally.add(&c.team, c.in_time);
        }
        (tally, children)
    }
}

/// One child's time on one kind of plan without a break: episodes that
/// overlap or follow on (the next starts on or the day after the last one's
/// end) are one plan. Looked-after episodes are written a row per change of
/// legal status or placement (SSDA903: "X1 - Episode ceases, new episode
/// begins"), and a child looked after throughout is owed visits throughout:
/// the gap across a change is one gap, not a fresh start.
struct Spell<'a> {
    child_id: &'a str,
    start: NaiveDate,
    end: Option<NaiveDate>,
    /// The read position and team of the spell's first episode (in the order
    /// read) that overlaps the period: the team shown for it.
    first: Option<(usize, Option<&'a String>)>,
}

impl Spell<'_> {
    fn team(&self) -> Option<&String> {
        self.first.and_then(|(_, team)| team)
    }
}

/// The spells of `kind` that overlap `period`, by child in the order the
/// children's first episodes were read.
fn spells<'a>(model: &'a Model, kind: EpisodeKind, period: &Period) -> Vec<Spell<'a>> {
    let mut by_child: HashMap<&str, Vec<(usize, &crate::normalise::Episode)>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (i, ep) in model.episodes.iter().enumerate().filter(|(_, e)| e.kind == kind) {
        let v = by_child.entry(ep.child_id.as_str()).or_default();
        if v.is_empty() {
            order.push(ep.child_id.as_str());
        }
        v.push((i, ep));
    }
    let overlaps = |start: NaiveDate, end: Option<NaiveDate>| start <= period.to && end.is_none_or(|e| e >= period.from);
    let mut out: Vec<Spell> = Vec::new();
    for child in order {
        let mut eps = by_child.remove(child).unwrap_or_default();
        eps.sort_by_key(|(i, e)| (e.start, *i));
        let mut spell: Option<Spell> = None;
        for (i, ep) in eps {
            let member = overlaps(ep.start, ep.end).then_some((i, ep.team.as_ref()));
            match spell.as_mut() {
                // Follows on: the same plan, to the later end.
                Some(s) if s.end.is_none_or(|e| ep.start <= e.succ_opt().unwrap_or(e)) => {
                    s.end = s.end.zip(ep.end).map(|(a, b)| a.max(b));
                    if member.is_some_and(|(i, _)| s.first.is_none_or(|(j, _)| i < j)) {
                        s.first = member;
                    }
                }
                _ => {
                    out.extend(spell.take().filter(|s| overlaps(s.start, s.end)));
                    spell = Some(Spell { child_id: child, start: ep.start, end: ep.end, first: member });
                }
            }
        }
        out.extend(spell.filter(|s| overlaps(s.start, s.end)));
    }
    out
}

/// Where a plan's first gap in a window starting on `start` is counted from:
/// the last visit before the window (since the plan began), else the plan's
/// start; but a plan that began before the case notes do has its last visit
/// before them out of the exports, so the gap is counted from the notes' first
/// day (the least it can be) instead of from a plan start years back.
fn anchor(visits: &[NaiveDate], plan_start: NaiveDate, start: NaiveDate, notes_start: Option<NaiveDate>) -> NaiveDate {
    // (Every visit read is on or after `notes_start`.)
    match visits.iter().rev().find(|v| **v < start && **v >= plan_start) {
        Some(v) => *v,
        None => notes_start.filter(|s| *s > plan_start).unwrap_or(plan_start),
    }
}

/// Children on a child protection or looked-after plan in one of `periods`
/// whose first gap there is counted from the case notes' first day
/// (`notes_start`), not from a visit: the plan began before the notes do and
/// no visit is in the exports before the period.
pub fn counted_from_notes_start(model: &Model, notes_start: NaiveDate, periods: &[(Period, NaiveDate)]) -> Vec<String> {
    let mut out: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for (period, as_of) in periods {
        // (Marked by interned id first: thousands of notes a child.)
        let mut marked = vec![false; model.children.len()];
        for n in model.case_notes.iter().filter(|n| n.kind.is_statutory_visit() && n.event < period.from) {
            if let Some(m) = marked.get_mut(n.child as usize) {
                *m = true;
            }
        }
        let visited: std::collections::HashSet<&str> = marked.iter().enumerate().filter(|(_, m)| **m).map(|(i, _)| model.children.get(i as u32)).collect();
        for ep in [EpisodeKind::Cp, EpisodeKind::Cla].into_iter().flat_map(|kind| spells(model, kind, period)) {
            let counted = ep.start.max(period.from) <= (*as_of).min(ep.end.unwrap_or(*as_of));
            if counted && ep.start < notes_start && !visited.contains(ep.child_id) {
                out.insert(ep.child_id);
            }
        }
    }
    out.into_iter().map(str::to_string).collect()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChildGap {
    pub child_id: String,
    pub team: String,
    pub plan: &'static str,
    pub longest_gap: i64,
    pub unit: &'static str,
    pub in_time: bool,
    pub last_visit: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseNotesReport {
    /// Children whose visits were not all in time, by team, longest gap first.
    pub children_out_of_timescale: Vec<ChildGap>,
    /// Gaps between consecutive statutory visits to one child within the period, in days.
    pub visit_gap_bands: Vec<(String, Count)>,
    pub by_team: Vec<NoteCounts>,
    pub lag_band_labels: Vec<&'static str>,
    /// Case notes in each recording-lag band, all teams (the packs' table; in
    /// `metrics.json` as the sum of `by_team`).
    #[serde(skip)]
    pub lag_band_totals: Vec<Count>,
}

pub fn report(ctx: &Ctx, index: &VisitIndex, notes: &NoteFrame, period: &Period, as_of: NaiveDate) -> CaseNotesReport {
    let mut out: Vec<ChildGap> = Vec::new();
    for kind in [EpisodeKind::Cp, EpisodeKind::Cla] {
        out.extend(index.in_time(ctx, kind, period, as_of).1.into_iter().filter(|c| !c.in_time));
    }
    out.sort_by(|a, b| a.team.cmp(&b.team).then(b.longest_gap.cmp(&a.longest_gap)).then(a.child_id.cmp(&b.child_id)));
    let bands = [("0–7 days", 0, 7), ("8–14 days", 8, 14), ("15–28 days", 15, 28), ("29–42 days", 29, 42), ("43+ days", 43, i64::MAX)];
    let mut counts = [0u64; 5];
    let mut children: Vec<&&str> = index.visits.keys().collect();
    children.sort();
    for child in children {
        let v = &index.visits[child];
        for w in v.windows(2).filter(|w| period.contains(w[1])) {
            let d = (w[1] - w[0]).num_days();
            if let Some(i) = bands.iter().position(|(_, lo, hi)| d >= *lo && d <= *hi) {
                counts[i] += 1;
            }
        }
    }
    let by_team = notes.counts(ctx, &period.until(as_of));
    CaseNotesReport {
        children_out_of_timescale: out,
        visit_gap_bands: bands.iter().zip(counts).map(|((l, _, _), c)| (l.to_string(), c.into())).collect(),
        lag_band_totals: (0..LAG_BANDS.len()).map(|i| by_team.iter().map(|t| t.lag_bands[i]).sum()).collect(),
        by_team,
        lag_band_labels: LAG_BANDS.to_vec(),
    }
}
