//! KPI objects: numerator, denominator, value, by team; previous period, change,
//! target and status.

use crate::normalise::config::{Better, TargetSpec};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamValue {
    pub team: String,
    pub numerator: u64,
    pub denominator: Option<u64>,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Previous {
    pub numerator: u64,
    pub denominator: Option<u64>,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kpi {
    pub id: &'static str,
    pub label: &'static str,
    /// What it means, in plain English.
    pub definition: &'static str,
    /// "rate" (0–1) or "count".
    pub unit: &'static str,
    pub numerator: u64,
    pub denominator: Option<u64>,
    pub value: Option<f64>,
    pub by_team: Vec<TeamValue>,
    pub previous: Option<Previous>,
    /// value − previous value (rates in proportion points, counts in counts).
    pub change: Option<f64>,
    pub target: Option<f64>,
    pub better: Option<Better>,
    /// on_target | near | off_target | no_target | no_data
    pub status: &'static str,
    /// The status in words, for readers who cannot see colour.
    pub status_label: &'static str,
    /// A text symbol for the status: ✔ on, ◐ near, ✖ off, – none.
    pub status_icon: &'static str,
    /// No input table records what this KPI needs (METRICS.md "Missing inputs"):
    /// numerator 0, denominator 0 (null for counts), value null, status "no_data".
    pub not_in_source: bool,
}

/// Counts towards one KPI, overall and by team.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    num: u64,
    den: u64,
    teams: BTreeMap<String, (u64, u64)>,
}

impl Tally {
    /// One case in the denominator; `hit` puts it in the numerator too.
    pub fn add(&mut self, team: &str, hit: bool) {
        self.den += 1;
        self.num += u64::from(hit);
        let t = self.teams.entry(super::named(Some(team))).or_default();
        t.1 += 1;
        t.0 += u64::from(hit);
    }

    /// Many cases at once: `num` of `den` are hits.
    pub fn add_counts(&mut self, team: &str, num: u64, den: u64) {
        self.den += den;
        self.num += num;
        let t = self.teams.entry(super::named(Some(team))).or_default();
        t.1 += den;
        t.0 += num;
    }

    /// One item of a count KPI.
    pub fn count(&mut self, team: &str) {
        self.add(team, true);
    }

    pub fn rate(self, id: &'static str, label: &'static str, definition: &'static str) -> Kpi {
        let ratio = |n: u64, d: u64| (d > 0).then(|| n as f64 / d as f64);
        let by_team = self.teams.into_iter().map(|(team, (n, d))| TeamValue { team, numerator: n, denominator: Some(d), value: ratio(n, d) }).collect();
        Kpi::new(id, label, definition, "rate", self.num, Some(self.den), ratio(self.num, self.den), by_team)
    }

    pub fn counted(self, id: &'static str, label: &'static str, definition: &'static str) -> Kpi {
        let by_team = self.teams.into_iter().map(|(team, (n, _))| TeamValue { team, numerator: n, denominator: None, value: Some(n as f64) }).collect();
        Kpi::new(id, label, definition, "count", self.num, None, Some(self.num as f64), by_team)
    }
}

impl Kpi {
    /// A KPI with no previous period or target yet.
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: &'static str,
        label: &'static str,
        definition: &'static str,
        unit: &'static str,
        numerator: u64,
        denominator: Option<u64>,
        value: Option<f64>,
        by_team: Vec<TeamValue>,
    ) -> Kpi {
        Kpi {
            id,
            label,
            definition,
            unit,
            numerator,
            denominator,
            value,
            by_team,
            previous: None,
            change: None,
            target: None,
            better: None,
            status: "no_target",
            status_label: "No target",
            status_icon: "–",
            not_in_source: false,
        }
    }

    /// The KPI as "not in the exports": nothing measured, nothing by team.
    pub fn not_in_source(mut self) -> Kpi {
        self.numerator = 0;
        self.denominator = (self.unit == "rate").then_some(0);
        self.value = None;
        self.by_team.clear();
        self.not_in_source = true;
        self
    }
}

/// Attaches the previous period's values, the change and the target status.
pub fn with_previous_and_targets(current: Vec<Kpi>, before: Vec<Kpi>, targets: &BTreeMap<String, TargetSpec>) -> Vec<Kpi> {
    current
        .into_iter()
        .map(|mut k| {
            if let Some(p) = before.iter().find(|p| p.id == k.id) {
                k.previous = Some(Previous { numerator: p.numerator, denominator: p.denominator, value: p.value });
                k.change = match (k.value, p.value) {
                    _ if k.not_in_source => None,
                    (Some(a), Some(b)) => Some(round(a - b)),
                    _ => None,
                };
            }
            if let Some(t) = targets.get(k.id) {
                k.target = Some(t.target);
                k.better = Some(t.better);
                let (status, label, icon) = status(&k, t);
                k.status = status;
                k.status_label = label;
                k.status_icon = icon;
            }
            if k.not_in_source {
                (k.status, k.status_label, k.status_icon) = ("no_data", "Not in the exports", "–");
            }
            k
        })
        .collect()
}

fn round(x: f64) -> f64 {
    (x * 1e9).round() / 1e9
}

fn status(k: &Kpi, t: &TargetSpec) -> (&'static str, &'static str, &'static str) {
    if k.not_in_source {
        return ("no_data", "Not in the exports", "–");
    }
    let Some(v) = k.value else { return ("no_data", "No data", "–") };
    let near = t.near.unwrap_or(if k.unit == "rate" { 0.05 } else { (t.target.abs() * 0.1).max(1.0) });
    let short = match t.better {
        Better::Higher => t.target - v,
        Better::Lower => v - t.target,
    };
    if short <= 1e-12 {
        ("on_target", "On target", "✔")
    } else if short <= near + 1e-12 {
        ("near", "Near target", "◐")
    } else {
        ("off_target", "Off target", "✖")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_counts_and_teams() {
        let mut t = Tally::default();
        t.add("B", true);
        t.add("A", false);
        t.add("", true);
        let k = t.rate("x", "X", "");
        assert_eq!((k.numerator, k.denominator), (2, Some(3)));
        assert!((k.value.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        let teams: Vec<&str> = k.by_team.iter().map(|t| t.team.as_str()).collect();
        assert_eq!(teams, ["(not recorded)", "A", "B"], "sorted by name");
        let empty = Tally::default().rate("y", "Y", "");
        assert_eq!((empty.denominator, empty.value), (Some(0), None));
        let mut c = Tally::default();
        c.count("A");
        c.count("A");
        let c = c.counted("z", "Z", "");
        assert_eq!((c.denominator, c.value), (None, Some(2.0)));
    }

    #[test]
    fn status_against_target() {
        let mk = |v: f64, unit| Kpi { value: Some(v), unit, ..Tally::default().rate("a", "A", "") };
        let hi = TargetSpec { target: 0.8, better: Better::Higher, near: None };
        assert_eq!(status(&mk(0.8, "rate"), &hi).0, "on_target");
        assert_eq!(status(&mk(0.76, "rate"), &hi).0, "near");
        assert_eq!(status(&mk(0.7, "rate"), &hi).0, "off_target");
        let lo = TargetSpec { target: 0.0, better: Better::Lower, near: Some(5.0) };
        assert_eq!(status(&mk(0.0, "count"), &lo).0, "on_target");
        assert_eq!(status(&mk(4.0, "count"), &lo).0, "near");
        assert_eq!(status(&mk(9.0, "count"), &lo).0, "off_target");
    }
}
