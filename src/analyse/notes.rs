//! Case-note aggregates in polars (lazy): millions of notes reduced by team for a
//! period — seen-alone recording, recording within 4 weeks, recording-lag bands.

use super::kpi::Tally;
use super::{Ctx, Period};
use crate::normalise::{Model, SeenAlone};
use chrono::NaiveDate;
use polars::prelude::*;
use serde::Serialize;

/// The case notes as columns: interned team, event day, recording lag in days.
pub struct NoteFrame {
    df: DataFrame,
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
    /// Statutory visits recorded as "seen alone: not applicable".
    pub seen_not_applicable: u64,
    /// The seen-alone KPI's base: statutory visits from exports with a seen-alone
    /// column, not recorded as not applicable.
    pub seen_alone_base: u64,
    /// The recorded-in-time KPI's base: notes from exports with a recorded-date column.
    pub recording_base: u64,
    /// Recording lag bands (days from event to entry): 0–1, 2–7, 8–14, 15–28, 29+, not recorded.
    pub lag_bands: [u64; 6],
}

pub const LAG_BANDS: [&str; 6] = ["0–1 days", "2–7 days", "8–14 days", "15–28 days", "29+ days", "no recorded date"];

fn day(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as i32
}

impl NoteFrame {
    /// The notes as columns; `cov` says which exports carry a seen-alone and a
    /// recorded-date column (notes from the others leave those KPIs).
    pub fn new(model: &Model, cov: &crate::normalise::coverage::Coverage) -> NoteFrame {
        let n = model.case_notes.len();
        let mut team = Vec::with_capacity(n);
        let mut event = Vec::with_capacity(n);
        let mut lag: Vec<Option<i32>> = Vec::with_capacity(n);
        let mut statutory = Vec::with_capacity(n);
        let mut seen = Vec::with_capacity(n);
        let mut has_seen = Vec::with_capacity(n);
        let mut has_rec = Vec::with_capacity(n);
        let mut flags: std::collections::HashMap<u32, (bool, bool)> = std::collections::HashMap::new();
        for note in &model.case_notes {
            let (s, r) = *flags
                .entry(note.source)
                .or_insert_with(|| (cov.note_source(note.source, "seen_alone_recorded"), cov.note_source(note.source, "notes_recorded_in_time")));
            has_seen.push(s);
            has_rec.push(r);
            team.push(note.team);
            event.push(day(note.event));
            lag.push(note.recorded.map(|r| (r - note.event).num_days() as i32));
            statutory.push(note.kind.is_statutory_visit());
            seen.push(match note.seen_alone {
                SeenAlone::Yes => 1i32,
                SeenAlone::No => 2,
                SeenAlone::NotApplicable => 3,
                SeenAlone::NotRecorded => 0,
            });
        }
        let cols = vec![
            Column::new("team".into(), team),
            Column::new("event".into(), event),
            Column::new("lag".into(), lag),
            Column::new("statutory".into(), statutory),
            Column::new("seen".into(), seen),
            Column::new("has_seen".into(), has_seen),
            Column::new("has_rec".into(), has_rec),
        ];
        NoteFrame { df: DataFrame::new(n, cols).expect("columns of equal length") }
    }

    /// Per-team counts for notes whose event is in the period, teams by name.
    pub fn counts(&self, ctx: &Ctx, period: &Period) -> Vec<NoteCounts> {
        let sum = |e: Expr, name: &str| e.cast(DataType::Int64).sum().cast(DataType::Int64).alias(name);
        let lag = || col("lag");
        let band = |lo: i32, hi: Option<i32>| {
            let e = lag().gt_eq(lit(lo));
            let e = match hi {
                Some(h) => e.and(lag().lt_eq(lit(h))),
                None => e,
            };
            e.fill_null(lit(false))
        };
        let visit = || col("statutory");
        let out = self
            .df
            .clone()
            .lazy()
            .filter(col("event").gt_eq(lit(day(period.from))).and(col("event").lt_eq(lit(day(period.to)))))
            .group_by([col("team")])
            .agg([
                len().cast(DataType::Int64).alias("notes"),
                sum(lag().lt_eq(lit(28)).fill_null(lit(false)).and(col("has_rec")), "in_time"),
                sum(col("has_rec"), "rec_base"),
                sum(visit().and(col("seen").eq(lit(3i32))), "seen_na"),
                sum(visit().and(col("has_seen")).and(col("seen").neq(lit(3i32))), "seen_base"),
                sum(visit(), "visits"),
                sum(visit().and(col("has_seen")).and(col("seen").eq(lit(1i32))), "seen_yes"),
                sum(visit().and(col("has_seen")).and(col("seen").eq(lit(2i32))), "seen_no"),
                sum(band(i32::MIN, Some(1)), "b0"),
                sum(band(2, Some(7)), "b1"),
                sum(band(8, Some(14)), "b2"),
                sum(band(15, Some(28)), "b3"),
                sum(band(29, None), "b4"),
                sum(lag().is_null(), "b5"),
            ])
            .collect();
        let Ok(df) = out else { return vec![] };
        let get = |name: &str| -> Vec<u64> {
            let Ok(ca) = df.column(name).and_then(|c| c.i64().cloned()) else { return vec![0; df.height()] };
            (0..df.height()).map(|i| ca.get(i).unwrap_or(0).max(0) as u64).collect()
        };
        let teams: Vec<u32> = match df.column("team").and_then(|c| c.u32().cloned()) {
            Ok(ca) => (0..df.height()).map(|i| ca.get(i).unwrap_or(0)).collect(),
            Err(_) => vec![],
        };
        let (notes, in_time, visits, yes, no) = (get("notes"), get("in_time"), get("visits"), get("seen_yes"), get("seen_no"));
        let (na, seen_base, rec_base) = (get("seen_na"), get("seen_base"), get("rec_base"));
        let bands: Vec<Vec<u64>> = (0..6).map(|i| get(&format!("b{i}"))).collect();
        let mut rows: Vec<NoteCounts> = teams
            .iter()
            .enumerate()
            .map(|(i, &t)| NoteCounts {
                team: super::named(Some(ctx.model.strings.get(t))),
                notes: notes[i],
                recorded_in_time: in_time[i],
                visits: visits[i],
                seen_yes: yes[i],
                seen_no: no[i],
                seen_not_applicable: na[i],
                seen_alone_base: seen_base[i],
                recording_base: rec_base[i],
                lag_bands: std::array::from_fn(|b| bands[b][i]),
            })
            .collect();
        rows.sort_by(|a, b| a.team.cmp(&b.team));
        rows
    }

    /// The seen-alone and recorded-in-time KPIs for a period.
    pub fn tallies(&self, ctx: &Ctx, period: &Period) -> (Tally, Tally) {
        let mut seen = Tally::default();
        let mut recorded = Tally::default();
        for c in self.counts(ctx, period) {
            seen.add_counts(&c.team, c.seen_yes + c.seen_no, c.seen_alone_base);
            recorded.add_counts(&c.team, c.recorded_in_time, c.recording_base);
        }
        (seen, recorded)
    }
}
