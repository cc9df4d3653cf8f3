//! Case-note aggregates: millions of notes reduced by team for a period —
//! seen-alone recording, recording within 4 weeks, recording-lag bands. One pass
//! over the notes with a small per-team table (teams are interned ids, a few
//! dozen at most), so no dataframe engine is needed.

use super::kpi::Tally;
use super::shown::{is_false, Count};
use super::{Ctx, Period};
use crate::normalise::{CaseNote, Model, SeenAlone};
use serde::Serialize;

/// The case notes, read in place, with which KPIs each note's export can feed.
pub struct NoteFrame<'a> {
    notes: &'a [CaseNote],
    /// Per note source (interned file): (has a seen-alone column, has a recorded-date column).
    flags: std::collections::HashMap<u32, (bool, bool)>,
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
    /// column, not recorded as not applicable.
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

impl<'a> NoteFrame<'a> {
    /// `cov` says which exports carry a seen-alone and a recorded-date column
    /// (notes from the others leave those KPIs).
    pub fn new(model: &'a Model, cov: &crate::normalise::coverage::Coverage) -> NoteFrame<'a> {
        let mut flags = std::collections::HashMap::new();
        for n in &model.case_notes {
            flags.entry(n.source).or_insert_with(|| (cov.note_source(n.source, "seen_alone_recorded"), cov.note_source(n.source, "notes_recorded_in_time")));
        }
        NoteFrame { notes: &model.case_notes, flags }
    }

    /// Per-team counts for notes whose event is in the period, teams by name.
    pub fn counts(&self, ctx: &Ctx, period: &Period) -> Vec<NoteCounts> {
        // Interned team id → its row; ids are small and dense.
        let mut slot: Vec<u32> = Vec::new();
        // Per team: notes, in time, visits, yes, no, n/a, seen base, recording base, six lag bands.
        let mut rows: Vec<(u32, [u64; 14])> = Vec::new();
        for n in self.notes.iter().filter(|n| n.event >= period.from && n.event <= period.to) {
            let t = n.team as usize;
            if slot.len() <= t {
                slot.resize(t + 1, u32::MAX);
            }
            if slot[t] == u32::MAX {
                slot[t] = rows.len() as u32;
                rows.push((n.team, [0; 14]));
            }
            let (has_seen, has_rec) = self.flags.get(&n.source).copied().unwrap_or((true, true));
            let c = &mut rows[slot[t] as usize].1;
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
                    c[6] += u64::from(n.seen_alone != SeenAlone::NotApplicable);
                }
            }
        }
        let mut out: Vec<NoteCounts> = rows
            .into_iter()
            .map(|(t, c)| NoteCounts {
                team: super::named(Some(ctx.model.strings.get(t))),
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
