//! Case-note aggregates: millions of notes reduced by team for a period —
//! seen-alone recording, recording within 4 weeks, recording-lag bands. One pass
//! over the notes with a small per-team table (teams are interned ids, a few
//! dozen at most), so no dataframe engine is needed.

use super::kpi::Tally;
use super::shown::{is_false, Count};
use super::{Ctx, Period};
use crate::fasthash::FxHashMap;
use crate::normalise::{CaseNote, Model, SeenAlone};
use chrono::NaiveDate;
use serde::Serialize;

/// The case notes summed once by event day and team, with which KPIs each
/// note's export can feed. A period's counts add up the days it covers, so the
/// many periods of the trend cost one pass over the notes, not one each.
pub struct NoteFrame {
    /// Sorted by day.
    days: Vec<DayTeam>,
}

/// The sums of one team's notes with one event day.
struct DayTeam {
    day: NaiveDate,
    team: u32,
    /// The position of its first note (teams are listed in the order their
    /// first note in the period comes).
    first: usize,
    sums: Sums,
}

/// Per team: notes, in time, visits, yes, no, n/a, seen base, recording base, six lag bands.
type Sums = [u64; 14];

/// Each team's sums (in the order given) as counts, sorted by the team's name
/// (a stable sort: two teams shown with one name keep their order).
fn by_name(strings: &crate::normalise::Strings, rows: impl Iterator<Item = (u32, Sums)>) -> Vec<NoteCounts> {
    let mut out: Vec<NoteCounts> = rows
        .map(|(t, c)| NoteCounts {
            team: super::named(Some(strings.get(t))),
            notes: c[0].into(),
            recorded_in_time: c[1].into(),
            visits: c[2].into(),
            seen_yes: c[3].into(),
            seen_no: c[4].into(),
            seen_not_applicable: c[5].into(),
            seen_alone_base: c[6].into(),
            recording_base: c[7].into(),
            lag_bands: std::array::from_fn(|b| c[8 + b].into()),
            suppressed: false,
        })
        .collect();
    out.sort_by(|a, b| a.team.cmp(&b.team));
    out
}

/// What one note adds to its team's [`Sums`], given whether its export has a
/// seen-alone and a recorded-date column.
fn add_note(c: &mut Sums, n: &CaseNote, (has_seen, has_rec): (bool, bool)) {
    let lag = n.recorded.map(|r| (r - n.event).num_days());
    c[0] += 1;
    c[1] += u64::from(has_rec && lag.is_some_and(|l| l <= 28));
    c[7] += u64::from(has_rec);
    c[8 + lag_band(lag)] += 1;
    if n.kind.is_statutory_visit() {
        c[2] += 1;
        c[5] += u64::from(n.seen_alone == SeenAlone::NotApplicable);
        if has_seen {
            c[3] += u64::from(n.seen_alone == SeenAlone::Yes);
            c[4] += u64::from(n.seen_alone == SeenAlone::No);
            c[6] += 1;
        }
    }
}

/// Per-team sums for one period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NoteCounts {
    pub team: String,
    pub notes: Count,
    pub recorded_in_time: Count,
    pub visits: Count,
    pub seen_yes: Count,
    pub seen_no: Count,
    /// Statutory visits recorded as "seen alone: not applicable".
    pub seen_not_applicable: Count,
    /// The seen-alone KPI's base: statutory visits from exports with a seen-alone
    /// column (METRICS.md: "statutory visits in the period"; one recorded as
    /// not applicable is neither yes nor no, so it is in the base only).
    pub seen_alone_base: Count,
    /// The recorded-in-time KPI's base: notes from exports with a recorded-date column.
    pub recording_base: Count,
    /// Recording lag bands (days from event to entry): 0–1, 2–7, 8–14, 15–28, 29+, not recorded.
    pub lag_bands: [Count; 6],
    #[serde(skip_serializing_if = "is_false")]
    pub suppressed: bool,
}

pub const LAG_BANDS: [&str; 6] = ["0–1 days", "2–7 days", "8–14 days", "15–28 days", "29+ days", "no recorded date"];

/// The lag band of a note (index into [`LAG_BANDS`]); a recording date before
/// the event counts in the first band.
fn lag_band(lag: Option<i64>) -> usize {
    match lag {
        None => 5,
        Some(l) if l <= 1 => 0,
        Some(l) if l <= 7 => 1,
        Some(l) if l <= 14 => 2,
        Some(l) if l <= 28 => 3,
        Some(_) => 4,
    }
}

impl NoteFrame {
    /// `cov` says which exports carry a seen-alone and a recorded-date column
    /// (notes from the others leave those KPIs).
    pub fn new(model: &Model, cov: &crate::normalise::coverage::Coverage) -> NoteFrame {
        NoteFrame::with_flags(model, |source| (cov.note_source(source, "seen_alone_recorded"), cov.note_source(source, "notes_recorded_in_time")))
    }

    /// `flags_of(source)`: whether that export has a seen-alone and a recorded-date column.
    fn with_flags(model: &Model, flags_of: impl Fn(u32) -> (bool, bool)) -> NoteFrame {
        // Per note source (an interned file name): its two flags, asked once.
        let mut flags: Vec<Option<(bool, bool)>> = vec![None; model.strings.len()];
        let mut at: FxHashMap<(NaiveDate, u32), usize> = FxHashMap::default();
        let mut days: Vec<DayTeam> = Vec::new();
        for (i, n) in model.case_notes.iter().enumerate() {
            let f = match flags.get_mut(n.source as usize) {
                Some(slot) => *slot.get_or_insert_with(|| flags_of(n.source)),
                None => flags_of(n.source),
            };
            let k = *at.entry((n.event, n.team)).or_insert_with(|| {
                days.push(DayTeam { day: n.event, team: n.team, first: i, sums: [0; 14] });
                days.len() - 1
            });
            add_note(&mut days[k].sums, n, f);
        }
        days.sort_unstable_by_key(|d| (d.day, d.first));
        NoteFrame { days }
    }

    /// Per-team counts for notes whose event is in the period, teams by name.
    pub fn counts(&self, ctx: &Ctx, period: &Period) -> Vec<NoteCounts> {
        let from = self.days.partition_point(|d| d.day < period.from);
        let to = self.days.partition_point(|d| d.day <= period.to);
        // Interned team id → its row; ids are small and dense.
        let mut slot: Vec<u32> = Vec::new();
        let mut rows: Vec<(u32, usize, Sums)> = Vec::new();
        for d in self.days.get(from..to).unwrap_or_default() {
            let t = d.team as usize;
            if slot.len() <= t {
                slot.resize(t + 1, u32::MAX);
            }
            if slot[t] == u32::MAX {
                slot[t] = rows.len() as u32;
                rows.push((d.team, d.first, [0; 14]));
            }
            let row = &mut rows[slot[t] as usize];
            row.1 = row.1.min(d.first);
            for (sum, add) in row.2.iter_mut().zip(d.sums) {
                *sum += add;
            }
        }
        // In the order of each team's first note, then by name (a stable sort:
        // two teams shown with one name keep that order).
        rows.sort_unstable_by_key(|r| r.1);
        by_name(&ctx.model.strings, rows.into_iter().map(|(t, _, c)| (t, c)))
    }

    /// The seen-alone and recorded-in-time KPIs for a period.
    pub fn tallies(&self, ctx: &Ctx, period: &Period) -> (Tally, Tally) {
        let mut seen = Tally::default();
        let mut recorded = Tally::default();
        // Analysis runs before suppression: nothing is hidden yet.
        let n = |c: Count| c.n().unwrap_or(0);
        for c in self.counts(ctx, period) {
            seen.add_counts(&c.team, n(c.seen_yes) + n(c.seen_no), n(c.seen_alone_base));
            recorded.add_counts(&c.team, n(c.recorded_in_time), n(c.recording_base));
        }
        (seen, recorded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::{NoteKind, Strings};

    /// The one-pass-per-period scan the day sums replaced: the reference.
    fn counts_by_scan(model: &Model, flags_of: impl Fn(u32) -> (bool, bool), period: &Period) -> Vec<NoteCounts> {
        let mut slot: Vec<u32> = Vec::new();
        let mut rows: Vec<(u32, Sums)> = Vec::new();
        for n in model.case_notes.iter().filter(|n| n.event >= period.from && n.event <= period.to) {
            let t = n.team as usize;
            if slot.len() <= t {
                slot.resize(t + 1, u32::MAX);
            }
            if slot[t] == u32::MAX {
                slot[t] = rows.len() as u32;
                rows.push((n.team, [0; 14]));
            }
            add_note(&mut rows[slot[t] as usize].1, n, flags_of(n.source));
        }
        by_name(&model.strings, rows.into_iter())
    }

    #[test]
    fn day_sums_give_what_a_scan_of_every_note_gives() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut model = Model { strings: Strings::new(), ..Default::default() };
        // A blank team and one literally named "(not recorded)" are shown with
        // one name: their order must be kept too.
        let teams: Vec<u32> = ["", "(not recorded)", "North", "South", "Disabled children", "Leaving care"].iter().map(|t| model.strings.intern(t)).collect();
        let sources: Vec<u32> = ["a.csv", "b.csv", "c.xlsx"].iter().map(|f| model.strings.intern(f)).collect();
        let kinds = [NoteKind::CpVisit, NoteKind::ClaVisit, NoteKind::StatutoryVisit, NoteKind::Supervision, NoteKind::Other];
        let seen = [SeenAlone::Yes, SeenAlone::No, SeenAlone::NotApplicable, SeenAlone::NotRecorded];
        let base = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).expect("a date");
        for i in 0..20_000u32 {
            let event = base + chrono::Days::new(next(400));
            model.case_notes.push(CaseNote {
                child: model.children.intern(&format!("C{}", next(300))),
                note_type: 0,
                kind: kinds[next(5) as usize],
                event,
                recorded: (next(5) > 0).then(|| event + chrono::Days::new(next(40))),
                seen_alone: seen[next(4) as usize],
                author: 0,
                team: teams[next(6) as usize],
                row: i,
                source: sources[next(3) as usize],
            });
        }
        let flags_of = |source: u32| match source % 3 {
            0 => (true, true),
            1 => (false, true),
            _ => (true, false),
        };
        let frame = NoteFrame::with_flags(&model, flags_of);
        let config = crate::normalise::config::Config::defaults();
        let cal = crate::calendar::Calendar::default();
        let cov = crate::normalise::coverage::Coverage::new(&[], &model, &config);
        let ctx = Ctx { model: &model, config: &config, cal: &cal, grid: Vec::new(), cov, notes_end: None, notes_start: None, audits_end: None };
        let mut periods = vec![Period::bimonthly_starting(base), Period::bimonthly_starting(base - chrono::Days::new(300))];
        for start in (0..400).step_by(37) {
            let from = base + chrono::Days::new(start);
            periods.push(Period { from, to: from + chrono::Days::new(next(90)) });
        }
        for p in &periods {
            let want = counts_by_scan(&model, flags_of, p);
            assert_eq!(frame.counts(&ctx, p), want, "{} to {}", p.from, p.to);
        }
        assert!(periods.iter().any(|p| counts_by_scan(&model, flags_of, p).len() == 6), "some period has every team");
    }
}
