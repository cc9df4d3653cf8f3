//! `--suppress N`: one pass over the typed [`Metrics`], before any renderer
//! runs, that hides small numbers and every figure they could be worked out
//! from. A hidden figure loses its number ([`Shown`](super::shown::Shown)), so
//! `metrics.json`, the XLSX, the HTML and the SVG charts hide the same cells.
//!
//! - **Primary**: every count from 1 to N−1 is hidden (a numerator, a
//!   denominator, a band, a team's actions…). Zero is shown: it is no one to
//!   identify, and hiding it would not protect it where its parts are shown as 0.
//! - **Secondary**: every table is a set of relations "total = sum of parts"
//!   (a KPI and its teams, a team's actions due and their outcomes, band counts
//!   and their teams, the moderation directions and the audits moderated, the
//!   same figure shown in two places…). A relation is kept only where it holds
//!   in the numbers, so it is one that subtraction could use. While any relation
//!   has exactly one hidden member, the smallest positive shown member (a part
//!   before the total on ties) is hidden too, until nothing changes.
//! - **Derived**: a rate is hidden when its numerator or denominator is (so
//!   every rate built on fewer than N cases); a
//!   change when either period's figure is; a KPI's status when its value is; a
//!   share whose unseen base is from 1 to N−1 is hidden, and a difference of
//!   shares when either is.
//! - **Lists of records** (overdue actions, children out of timescale) are left
//!   out: counting their rows would give the hidden counts back. A theme's
//!   example audits go when its count is hidden.

use super::distributions::{Bands, Dist};
use super::kpi::Kpi;
use super::moderation::key_rank;
use super::shown::{Count, Rate};
use super::Metrics;
use serde::Serialize;
use std::collections::HashMap;

/// The top-level `suppression` object of `metrics.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Suppression {
    pub threshold: u64,
    pub note: String,
    /// Counts hidden because they are from 1 to N−1 (a figure shown in two
    /// places counts twice); rates, changes and shares that follow are not counted.
    pub hidden_small: usize,
    /// Counts hidden so that a small one cannot be worked out by subtraction.
    pub hidden_to_protect: usize,
    /// Lists of records left out, as paths in this file.
    pub withheld: Vec<&'static str>,
}

/// `m` as the outputs may show it under `--suppress threshold`.
pub fn suppressed(m: &Metrics, threshold: u64) -> Metrics {
    let mut m = m.clone();
    apply(&mut m, threshold);
    m
}

pub fn apply(m: &mut Metrics, threshold: u64) {
    let (hidden_small, hidden_to_protect) = hide_counts(m, threshold);
    derive(m, threshold);
    m.actions.overdue.clear();
    m.case_notes.children_out_of_timescale.clear();
    m.suppression = Some(Suppression {
        threshold,
        note: note(threshold),
        hidden_small,
        hidden_to_protect,
        withheld: vec!["actions.overdue", "case_notes.children_out_of_timescale"],
    });
}

/// What the packs and `metrics.json` say about it, in plain English.
pub fn note(threshold: u64) -> String {
    format!(
        "Counts from 1 to {below}, and figures built on fewer than {threshold} cases, are hidden ('c' in the reports, null with \"suppressed\": true in metrics.json). \
         Other figures are hidden with them where a hidden one could otherwise be worked out from a total and its other parts, or from the previous period and the change. \
         Lists of individual actions and children are left out.",
        below = threshold.saturating_sub(1)
    )
}

/// Every count as a cell of one system of relations.
struct Grid<'a> {
    cells: Vec<&'a mut Count>,
    values: Vec<u64>,
    /// The total first, then its parts.
    relations: Vec<Vec<usize>>,
}

/// A numerator and denominator (none for counts) as cells.
#[derive(Clone, Copy)]
struct Fig {
    n: usize,
    d: Option<usize>,
}

impl<'a> Grid<'a> {
    fn cell(&mut self, c: &'a mut Count) -> usize {
        // Before this pass nothing is hidden.
        self.values.push(c.n().unwrap_or(0));
        self.cells.push(c);
        self.cells.len() - 1
    }

    fn fig(&mut self, n: &'a mut Count, d: Option<&'a mut Count>) -> Fig {
        Fig { n: self.cell(n), d: d.map(|d| self.cell(d)) }
    }

    /// `total = sum of parts`, kept only where it holds: the relations a
    /// reader could subtract with.
    fn relate(&mut self, total: usize, parts: impl IntoIterator<Item = usize>) {
        let mut rel = vec![total];
        rel.extend(parts);
        if rel.len() > 1 && self.values[total] == rel[1..].iter().map(|&i| self.values[i]).sum::<u64>() {
            self.relations.push(rel);
        }
    }

    /// The same figure shown in two places.
    fn same(&mut self, a: Fig, b: Fig) {
        self.relate(a.n, [b.n]);
        if let (Some(x), Some(y)) = (a.d, b.d) {
            self.relate(x, [y]);
        }
    }

    fn bands(&mut self, b: &'a mut Bands) -> [usize; 7] {
        let [a, b2, c, d, e, f, g] = b.all_mut();
        [self.cell(a), self.cell(b2), self.cell(c), self.cell(d), self.cell(e), self.cell(f), self.cell(g)]
    }

    /// A KPI's overall figure is the sum of its teams'.
    fn kpi(&mut self, k: &'a mut Kpi) -> KpiCells {
        let all = self.fig(&mut k.numerator, k.denominator.as_mut());
        let teams: HashMap<String, Fig> = k.by_team.iter_mut().map(|t| (t.team.clone(), self.fig(&mut t.numerator, t.denominator.as_mut()))).collect();
        let mut sorted: Vec<Fig> = teams.values().copied().collect();
        sorted.sort_by_key(|f| f.n);
        self.relate(all.n, sorted.iter().map(|f| f.n));
        if let Some(d) = all.d {
            self.relate(d, sorted.iter().filter_map(|f| f.d));
        }
        let previous = k.previous.as_mut().map(|p| self.fig(&mut p.numerator, p.denominator.as_mut()));
        KpiCells { all, teams, previous }
    }

    /// A distribution: each band is the sum of its teams; the report period's
    /// row of the history is the same as the period's counts.
    fn dist(&mut self, d: &'a mut Dist, current: &str) -> DistCells {
        let all = self.bands(&mut d.counts);
        let teams: Vec<(String, [usize; 7])> = d.by_team.iter_mut().map(|g| (g.name.clone(), self.bands(&mut g.counts))).collect();
        for b in 0..7 {
            self.relate(all[b], teams.iter().map(|(_, t)| t[b]));
        }
        let periods: Vec<(String, [usize; 7])> = d.by_period.iter_mut().map(|p| (p.period.key.clone(), self.bands(&mut p.counts))).collect();
        for (key, p) in &periods {
            if key == current {
                for b in 0..7 {
                    self.relate(all[b], [p[b]]);
                }
            }
        }
        DistCells { all, teams, periods }
    }

    /// "Good or better" is outstanding + good + good (unbanded) out of the graded
    /// bands; "completed" is every band (where no overall judgement is blank).
    fn bands_behind(&mut self, good: Option<Fig>, completed: Option<Fig>, b: [usize; 7]) {
        if let Some(f) = good {
            self.relate(f.n, [b[0], b[1], b[4]]);
            if let Some(d) = f.d {
                self.relate(d, b[..6].iter().copied());
            }
        }
        if let Some(f) = completed {
            self.relate(f.n, b);
        }
    }
}

struct KpiCells {
    all: Fig,
    teams: HashMap<String, Fig>,
    previous: Option<Fig>,
}

struct DistCells {
    all: [usize; 7],
    teams: Vec<(String, [usize; 7])>,
    periods: Vec<(String, [usize; 7])>,
}

/// Hides counts: the small ones, then what protects them. Returns how many of each.
fn hide_counts(m: &mut Metrics, threshold: u64) -> (usize, usize) {
    let mut g = Grid { cells: vec![], values: vec![], relations: vec![] };
    let (current, previous) = (m.period.key.clone(), m.previous_period.key.clone());
    let Metrics { kpis, trends, distributions, moderation, actions, case_notes, auditors, themes, .. } = m;

    let mut k: HashMap<&'static str, KpiCells> = HashMap::new();
    for kpi in kpis.iter_mut() {
        let id = kpi.id;
        let cells = g.kpi(kpi);
        k.insert(id, cells);
    }
    let team = |k: &HashMap<&str, KpiCells>, id: &str, t: &str| k.get(id).and_then(|c| c.teams.get(t)).copied();
    let all = |k: &HashMap<&str, KpiCells>, id: &str| k.get(id).map(|c| c.all);

    // Trends: the report period and the previous one are the KPI's own figures.
    let mut points: HashMap<(&'static str, String), Fig> = HashMap::new();
    for t in trends.iter_mut() {
        for p in t.points.iter_mut() {
            let f = g.fig(&mut p.numerator, p.denominator.as_mut());
            let same = if p.period.key == current {
                all(&k, t.id)
            } else if p.period.key == previous {
                k.get(t.id).and_then(|c| c.previous)
            } else {
                None
            };
            if let Some(s) = same {
                g.same(s, f);
            }
            points.insert((t.id, p.period.key.clone()), f);
        }
    }
    // Audits completed, moderated, and the grades behind "good or better".
    let (good, done, coverage) = ("overall_good_or_better", "audits_completed", "moderation_coverage");
    if let (Some(Fig { d: Some(d), .. }), Some(b)) = (all(&k, coverage), all(&k, done)) {
        g.relate(d, [b.n]);
    }
    let overall = g.dist(&mut distributions.overall, &current);
    g.bands_behind(all(&k, good), all(&k, done), overall.all);
    for (name, b) in &overall.teams {
        g.bands_behind(team(&k, good, name), team(&k, done, name), *b);
        if let (Some(Fig { d: Some(d), .. }), Some(b)) = (team(&k, coverage, name), team(&k, done, name)) {
            g.relate(d, [b.n]);
        }
    }
    for (key, b) in &overall.periods {
        let at = |id: &'static str| points.get(&(id, key.clone())).copied();
        g.bands_behind(at(good), at(done), *b);
    }
    for groups in [&mut distributions.overall_by_framework, &mut distributions.overall_by_legal_status, &mut distributions.overall_by_case_type] {
        let rows: Vec<[usize; 7]> = groups.iter_mut().map(|x| g.bands(&mut x.counts)).collect();
        for b in 0..7 {
            g.relate(overall.all[b], rows.iter().map(|r| r[b]));
        }
    }
    let mut domains: HashMap<String, [usize; 7]> = HashMap::new();
    for (id, d) in distributions.domains.iter_mut() {
        domains.insert(id.clone(), g.dist(d, &current).all);
    }

    // Moderation: each direction is a set of matrix cells; the directions add
    // up to the audits moderated; agreement by team and by auditor add up to the KPI.
    let mut matrix: Vec<(Option<f64>, Option<f64>, usize)> = vec![];
    for (x, row) in moderation.matrix.iter_mut() {
        for (y, n) in row.iter_mut() {
            matrix.push((key_rank(x), key_rank(y), g.cell(n)));
        }
    }
    let d = &mut moderation.direction;
    let dir = [g.cell(&mut d.same), g.cell(&mut d.moderator_lower), g.cell(&mut d.moderator_higher), g.cell(&mut d.unknown)];
    let pick = |f: &dyn Fn(f64, f64) -> bool| -> Vec<usize> {
        matrix.iter().filter(|(p, q, _)| matches!((p, q), (Some(p), Some(q)) if f(*p, *q))).map(|c| c.2).collect()
    };
    let (same, lower, higher) = (pick(&|p, q| p == q), pick(&|p, q| q > p), pick(&|p, q| q < p));
    let unknown: Vec<usize> = matrix.iter().filter(|(p, q, _)| p.is_none() || q.is_none()).map(|c| c.2).collect();
    for (total, parts) in dir.iter().zip([same, lower, higher, unknown]) {
        g.relate(*total, parts);
    }
    if let Some(c) = all(&k, coverage) {
        g.relate(c.n, dir);
    }
    let agreement = "moderation_agreement";
    for (list, by_team) in [(&mut moderation.by_team, true), (&mut moderation.by_auditor, false)] {
        let rows: Vec<(String, Fig)> = list.iter_mut().map(|a| (a.name.clone(), g.fig(&mut a.agreed, Some(&mut a.moderated)))).collect();
        if let Some(kf) = all(&k, agreement) {
            g.relate(kf.n, rows.iter().map(|r| r.1.n));
            if let Some(d) = kf.d {
                g.relate(d, rows.iter().filter_map(|r| r.1.d));
            }
        }
        for (name, f) in rows.iter().filter(|_| by_team) {
            if let Some(t) = team(&k, agreement, name) {
                g.same(t, *f);
            }
        }
    }

    // Actions: due = on time + late + open in each team; teams add up to the KPIs.
    let (on_time, overdue) = ("actions_on_time", "actions_overdue");
    let mut cols: [Vec<usize>; 3] = Default::default();
    for t in actions.by_team.iter_mut() {
        let (due, on, late, open, now) =
            (g.cell(&mut t.due_in_period), g.cell(&mut t.on_time), g.cell(&mut t.late), g.cell(&mut t.open), g.cell(&mut t.overdue_now));
        g.relate(due, [on, late, open]);
        if let Some(f) = team(&k, on_time, &t.team) {
            g.same(f, Fig { n: on, d: Some(due) });
        }
        if let Some(f) = team(&k, overdue, &t.team) {
            g.relate(f.n, [now]);
        }
        cols[0].push(due);
        cols[1].push(on);
        cols[2].push(now);
    }
    let ages: Vec<usize> = actions.age_bands.iter_mut().map(|(_, n)| g.cell(n)).collect();
    if let Some(f) = all(&k, on_time) {
        g.relate(f.n, cols[1].clone());
        if let Some(d) = f.d {
            g.relate(d, cols[0].clone());
        }
    }
    if let Some(f) = all(&k, overdue) {
        g.relate(f.n, cols[2].clone());
        g.relate(f.n, ages);
    }
    for o in actions.repeat_owners.iter_mut() {
        g.cell(&mut o.overdue);
    }

    // Case notes: lag bands add up to the notes, the first four to those in time;
    // yes + no seen alone is the KPI's numerator; the all-teams lag table adds up too.
    let (in_time, seen) = ("notes_recorded_in_time", "seen_alone_recorded");
    let mut lag_cols: [Vec<usize>; 6] = Default::default();
    let mut seen_cells = vec![];
    for t in case_notes.by_team.iter_mut() {
        let name = t.team.clone();
        let (notes, rit, visits, yes, no) =
            (g.cell(&mut t.notes), g.cell(&mut t.recorded_in_time), g.cell(&mut t.visits), g.cell(&mut t.seen_yes), g.cell(&mut t.seen_no));
        let (_, seen_base, rec_base) = (g.cell(&mut t.seen_not_applicable), g.cell(&mut t.seen_alone_base), g.cell(&mut t.recording_base));
        let lag: Vec<usize> = t.lag_bands.iter_mut().map(|c| g.cell(c)).collect();
        g.relate(notes, lag.clone());
        // The seen-alone base is the visits from exports with a seen-alone
        // column ("not applicable" ones included): all visits when every
        // export has one.
        g.relate(visits, [seen_base]);
        g.relate(rit, lag[..4].iter().copied());
        for (col, c) in lag_cols.iter_mut().zip(&lag) {
            col.push(*c);
        }
        if let Some(f) = team(&k, in_time, &name) {
            g.same(f, Fig { n: rit, d: Some(rec_base) });
        }
        if let Some(f) = team(&k, seen, &name) {
            g.relate(f.n, [yes, no]);
            if let Some(d) = f.d {
                g.relate(d, [seen_base]);
            }
        }
        seen_cells.extend([yes, no]);
    }
    let totals: Vec<usize> = case_notes.lag_band_totals.iter_mut().map(|c| g.cell(c)).collect();
    for (t, col) in totals.iter().zip(&lag_cols) {
        g.relate(*t, col.clone());
    }
    if let Some(f) = all(&k, in_time) {
        g.relate(f.n, totals.iter().take(4).copied());
        if let Some(d) = f.d {
            g.relate(d, totals.clone());
        }
    }
    if let Some(f) = all(&k, seen) {
        g.relate(f.n, seen_cells);
    }
    for (_, n) in case_notes.visit_gap_bands.iter_mut() {
        g.cell(n);
    }

    // Auditors: audits due and on time this period add up to the KPI.
    let audits_on_time = all(&k, "audits_on_time");
    let mut aud: [Vec<usize>; 2] = Default::default();
    for a in auditors.iter_mut() {
        g.cell(&mut a.audits_last_12_months);
        aud[0].push(g.cell(&mut a.due_in_period));
        aud[1].push(g.cell(&mut a.on_time_in_period));
    }
    if let Some(f) = audits_on_time {
        g.relate(f.n, aud[1].clone());
        if let Some(d) = f.d {
            g.relate(d, aud[0].clone());
        }
    }

    // Themes: a domain's graded and below-good audits are its grade bands; a
    // theme's audits split by overall judgement; its trend ends with this period.
    for d in themes.domain_drivers.iter_mut() {
        let f = g.fig(&mut d.below_good, Some(&mut d.graded));
        if let (Some(b), Some(den)) = (domains.get(&d.domain), f.d) {
            g.relate(den, b[..6].iter().copied());
            g.relate(f.n, [b[2], b[3], b[5]]);
        }
    }
    for t in themes.text_themes.iter_mut() {
        let (audits, below, good) = (g.cell(&mut t.audits), g.cell(&mut t.in_below_good), g.cell(&mut t.in_good_or_better));
        g.relate(audits, [below, good]);
        g.cell(&mut t.actions);
        for (key, n) in t.trend.iter_mut() {
            let c = g.cell(n);
            if *key == current {
                g.relate(audits, [c]);
            }
        }
    }

    let hidden = solve(&g.values, &g.relations, threshold);
    let small = g.values.iter().filter(|&&v| is_small(v, threshold)).count();
    let mut total = 0;
    for (c, h) in g.cells.iter_mut().zip(&hidden) {
        if *h {
            c.hide();
            total += 1;
        }
    }
    (small, total - small)
}

fn is_small(n: u64, threshold: u64) -> bool {
    n > 0 && n < threshold
}

/// Which cells to hide: the small ones, then while a relation has exactly one
/// hidden member, its smallest positive shown member (parts before the total on
/// ties). A relation whose other members are all 0 has nothing to hide: its
/// hidden member would be 0, and hidden members never are.
fn solve(values: &[u64], relations: &[Vec<usize>], threshold: u64) -> Vec<bool> {
    let mut hidden: Vec<bool> = values.iter().map(|&v| is_small(v, threshold)).collect();
    loop {
        let mut changed = false;
        for rel in relations {
            if rel.iter().filter(|&&i| hidden[i]).count() != 1 {
                continue;
            }
            let pick = rel[1..].iter().chain(&rel[..1]).copied().filter(|&i| !hidden[i] && values[i] > 0).min_by_key(|&i| values[i]);
            if let Some(i) = pick {
                hidden[i] = true;
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

/// Hides what follows from hidden counts: rates, changes, statuses, shares;
/// sets each object's `suppressed` flag.
fn derive(m: &mut Metrics, threshold: u64) {
    fn fig(n: Count, d: Option<Count>, v: &mut Rate) -> bool {
        if n.is_hidden() || d.is_some_and(|d| d.is_hidden()) {
            v.hide();
        }
        v.is_hidden() || n.is_hidden() || d.is_some_and(|d| d.is_hidden())
    }
    for k in &mut m.kpis {
        k.suppressed = fig(k.numerator, k.denominator, &mut k.value);
        if let Some(p) = &mut k.previous {
            p.suppressed = fig(p.numerator, p.denominator, &mut p.value);
            if p.value.is_hidden() {
                k.change.hide();
            }
        }
        if k.value.is_hidden() {
            k.change.hide();
            (k.status, k.status_label, k.status_icon) = ("suppressed", "Not shown (small numbers)", "–");
        }
        k.suppressed |= k.change.is_hidden();
        for t in &mut k.by_team {
            t.suppressed = fig(t.numerator, t.denominator, &mut t.value);
        }
    }
    for p in m.trends.iter_mut().flat_map(|t| t.points.iter_mut()) {
        p.suppressed = fig(p.numerator, p.denominator, &mut p.value);
    }
    let d = &mut m.distributions;
    let dists = std::iter::once(&mut d.overall).chain(d.domains.values_mut());
    let mut bands: Vec<&mut Bands> = vec![];
    for x in dists {
        bands.push(&mut x.counts);
        bands.extend(x.by_team.iter_mut().map(|g| &mut g.counts));
        bands.extend(x.by_period.iter_mut().map(|p| &mut p.counts));
    }
    for groups in [&mut d.overall_by_framework, &mut d.overall_by_legal_status, &mut d.overall_by_case_type] {
        bands.extend(groups.iter_mut().map(|g| &mut g.counts));
    }
    for b in bands {
        b.suppressed = b.all().iter().any(|c| c.is_hidden());
    }
    let md = &mut m.moderation;
    for a in md.by_team.iter_mut().chain(md.by_auditor.iter_mut()) {
        a.suppressed = fig(a.agreed, Some(a.moderated), &mut a.rate);
    }
    let dir = &mut md.direction;
    dir.suppressed = [dir.same, dir.moderator_lower, dir.moderator_higher, dir.unknown].iter().any(|c| c.is_hidden());
    for t in &mut m.actions.by_team {
        t.suppressed = [t.due_in_period, t.on_time, t.late, t.open, t.overdue_now].iter().any(|c| c.is_hidden());
    }
    for o in &mut m.actions.repeat_owners {
        o.suppressed = o.overdue.is_hidden();
    }
    for t in &mut m.case_notes.by_team {
        t.suppressed = [t.notes, t.recorded_in_time, t.visits, t.seen_yes, t.seen_no, t.seen_not_applicable, t.seen_alone_base, t.recording_base]
            .iter()
            .chain(&t.lag_bands)
            .any(|c| c.is_hidden());
    }
    for a in &mut m.auditors {
        a.suppressed = [a.audits_last_12_months, a.due_in_period, a.on_time_in_period].iter().any(|c| c.is_hidden());
    }
    for d in &mut m.themes.domain_drivers {
        let mut hidden = fig(d.below_good, Some(d.graded), &mut d.share_below_good);
        if is_small(d.bases.0, threshold) {
            d.share_below_when_overall_below.hide();
        }
        if is_small(d.bases.1, threshold) {
            d.share_below_when_overall_good.hide();
        }
        if d.share_below_when_overall_below.is_hidden() || d.share_below_when_overall_good.is_hidden() {
            d.association.hide();
            hidden = true;
        }
        d.suppressed = hidden;
    }
    for t in &mut m.themes.text_themes {
        if t.audits.is_hidden() {
            t.example_audits.clear();
        }
        t.suppressed = [t.audits, t.in_below_good, t.in_good_or_better, t.actions].iter().chain(t.trend.iter().map(|(_, n)| n)).any(|c| c.is_hidden());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_hidden_part_takes_the_next_smallest_with_it() {
        // 53 = 3 + 50 + 0: the 3 is small; 50 goes with it (the 0 protects nothing).
        let hidden = solve(&[53, 3, 50, 0], &[vec![0, 1, 2, 3]], 5);
        assert_eq!(hidden, [false, true, true, false]);
        // Rows and columns: hiding for one line can leave another with one hidden, until a fixed point.
        // a=2 b=9 | 11      cells 0 1 | 2
        // c=8 d=7 | 15            3 4 | 5
        // 10  16  | 26            6 7 | 8
        let v = [2, 9, 11, 8, 7, 15, 10, 16, 26];
        let rel = vec![vec![2, 0, 1], vec![5, 3, 4], vec![6, 0, 3], vec![7, 1, 4], vec![8, 2, 5], vec![8, 6, 7]];
        let hidden = solve(&v, &rel, 5);
        for r in &rel {
            assert_ne!(r.iter().filter(|&&i| hidden[i]).count(), 1, "{r:?} {hidden:?}");
        }
        assert!(hidden[0] && hidden[1] && hidden[3] && hidden[4], "{hidden:?}");
        assert!(!hidden[8], "the grand total stays");
    }

    #[test]
    fn relations_only_where_the_sum_holds() {
        let (mut a, mut b, mut c) = (Count::from(5), Count::from(2), Count::from(4));
        let mut g = Grid { cells: vec![], values: vec![], relations: vec![] };
        let (x, y, z) = (g.cell(&mut a), g.cell(&mut b), g.cell(&mut c));
        g.relate(x, [y, z]);
        assert!(g.relations.is_empty(), "5 ≠ 2 + 4: no one can subtract with it");
        g.relate(z, [y, y]);
        assert_eq!(g.relations, vec![vec![z, y, y]]);
    }
}
