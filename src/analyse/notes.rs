//! Case-note aggregates: millions of notes reduced by team for a period —
//! seen-alone recording, recording within 4 weeks, recording-lag bands. One pass
//! over the notes with a small per-team table (teams are interned ids, a few
//! dozen at most), so no dataframe engine is needed.

use super::kpi::Tally;
use super::{Ctx, Period};
use crate::normalise::{CaseNote, Model, SeenAlone};
use serde::Serialize;

/// The case notes, read in place.
pub struct NoteFrame<'a> {
    notes: &'a [CaseNote],
}

/// Per-team sums for one period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NoteCounts {
    pub team: String,
    pub notes: u64,
    pub recorded_in_time: u64,
    pub visits: u64,
    pub seen_yes: u64,
    pub seen_no: u64,
    /// Recording lag bands (days from event to entry): 0–1, 2–7, 8–14, 15–28, 29+, not recorded.
    pub lag_bands: [u64; 6],
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

impl<'a> NoteFrame<'a> {
    pub fn new(model: &'a Model) -> NoteFrame<'a> {
        NoteFrame { notes: &model.case_notes }
    }

    /// Per-team counts for notes whose event is in the period, teams by name.
    pub fn counts(&self, ctx: &Ctx, period: &Period) -> Vec<NoteCounts> {
        // Interned team id → its row; ids are small and dense.
        let mut slot: Vec<u32> = Vec::new();
        let mut rows: Vec<(u32, NoteCounts)> = Vec::new();
        for n in self.notes.iter().filter(|n| n.event >= period.from && n.event <= period.to) {
            let t = n.team as usize;
            if slot.len() <= t {
                slot.resize(t + 1, u32::MAX);
            }
            if slot[t] == u32::MAX {
                slot[t] = rows.len() as u32;
                rows.push((n.team, NoteCounts::default()));
            }
            let c = &mut rows[slot[t] as usize].1;
            let lag = n.recorded.map(|r| (r - n.event).num_days());
            c.notes += 1;
            c.recorded_in_time += u64::from(lag.is_some_and(|l| l <= 28));
            c.lag_bands[lag_band(lag)] += 1;
            if n.kind.is_statutory_visit() {
                c.visits += 1;
                c.seen_yes += u64::from(n.seen_alone == SeenAlone::Yes);
                c.seen_no += u64::from(n.seen_alone == SeenAlone::No);
            }
        }
        for (t, c) in &mut rows {
            c.team = super::named(Some(ctx.model.strings.get(*t)));
        }
        rows.sort_by(|a, b| a.1.team.cmp(&b.1.team).then(a.0.cmp(&b.0)));
        rows.into_iter().map(|(_, c)| c).collect()
    }

    /// The seen-alone and recorded-in-time KPIs for a period.
    pub fn tallies(&self, ctx: &Ctx, period: &Period) -> (Tally, Tally) {
        let mut seen = Tally::default();
        let mut recorded = Tally::default();
        for c in self.counts(ctx, period) {
            seen.add_counts(&c.team, c.seen_yes + c.seen_no, c.visits);
            recorded.add_counts(&c.team, c.recorded_in_time, c.notes);
        }
        (seen, recorded)
    }
}
