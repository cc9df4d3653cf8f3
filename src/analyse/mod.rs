//! Analyse is pure: the normalised model in, [`Metrics`] out. Every number a pack
//! shows comes from here (the `metrics.json` contract, `../shared/METRICS.md`).

pub mod actions;
mod compliance;
pub mod distributions;
mod kpi;
pub mod moderation;
pub mod notes;
pub mod period;
pub mod shown;
pub mod suppress;
pub mod themes;
pub mod visits;

#[cfg(test)]
mod tests;

pub use kpi::{Kpi, TeamValue};
pub use period::Period;
pub use shown::{Count, Rate};

use crate::calendar::Calendar;
use crate::normalise::config::Config;
use crate::normalise::{Model, Normalised};
use chrono::NaiveDate;
use serde::Serialize;

pub const SCHEMA: &str = "auditpack.metrics/1";
pub const NOT_RECORDED: &str = "(not recorded)";

/// What the analysis is asked for.
#[derive(Debug, Clone)]
pub struct Params {
    pub period: Period,
    pub as_of: NaiveDate,
}

/// How the report period was chosen, for the run's message and `metrics.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodChoice {
    /// `argument` (--period / --from), `latest_ended_with_activity` or `current`.
    pub rule: &'static str,
    /// The reason in words.
    pub reason: String,
    /// The date taken as today (`SOURCE_DATE_EPOCH` when set).
    pub today: NaiveDate,
}

impl Params {
    /// The period from the arguments, else the default of METRICS.md ("Default
    /// period and as_of (revised)"), with today from [`crate::calendar::today`]
    /// and the grid starting in January.
    pub fn resolve(model: &Model, period: Option<Period>, as_of: Option<NaiveDate>) -> Option<Params> {
        Params::choose(model, period, as_of, crate::calendar::today(), 1).map(|(p, _)| p)
    }

    /// The period and as-of date, and why. With no period given: the latest
    /// period of the fixed grid (first month `first_month`) that has ended on or
    /// before `today` and holds at least one plausible audit completion (case-note
    /// events when no audit has a completion date); if none has ended, the
    /// current one. `as_of` defaults to the period's end or today, whichever is
    /// earlier. `None` when the model holds nothing at all.
    pub fn choose(model: &Model, period: Option<Period>, as_of: Option<NaiveDate>, today: NaiveDate, first_month: u32) -> Option<(Params, PeriodChoice)> {
        let plausible = |d: &NaiveDate| crate::calendar::plausible_event(*d, today);
        let (period, rule, reason) = match period {
            Some(p) => (p, "argument", "given on the command line".to_string()),
            None => {
                if model.audits.is_empty() && model.case_notes.is_empty() && model.actions.is_empty() && model.episodes.is_empty() {
                    return None;
                }
                let current = period::grid_period(today, first_month);
                // Ended on or before today: the current period too when today is its last day.
                let ended_by = if current.to <= today { current.to } else { current.from - chrono::Duration::days(1) };
                let completions = || model.audits.iter().filter_map(|a| a.completed).filter(plausible);
                let (latest, what) = if completions().next().is_some() {
                    (completions().filter(|d| *d <= ended_by).max(), "audit completions")
                } else {
                    let events = model.case_notes.iter().map(|n| n.event).filter(plausible);
                    (events.filter(|d| *d <= ended_by).max(), "case-note events (no audit has a plausible completion date)")
                };
                let latest = latest.map(|d| period::grid_period(d, first_month));
                match latest {
                    Some(p) => (
                        p,
                        "latest_ended_with_activity",
                        format!("the latest two-month period that has ended by today ({today}) and holds {what}; give --period to choose another"),
                    ),
                    None => (
                        current,
                        "current",
                        format!("no two-month period that has ended by today ({today}) holds {what}: the current period, as at today; give --period to choose another"),
                    ),
                }
            }
        };
        let as_of = as_of.unwrap_or(period.to.min(today));
        Some((Params { period, as_of }, PeriodChoice { rule, reason, today }))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodOut {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: String,
    pub key: String,
}

impl From<&Period> for PeriodOut {
    fn from(p: &Period) -> Self {
        PeriodOut { from: p.from, to: p.to, label: p.label(), key: p.key() }
    }
}

/// The whole of `metrics.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    pub schema: &'static str,
    pub generator: String,
    pub period: PeriodOut,
    pub previous_period: PeriodOut,
    pub as_of: NaiveDate,
    /// How the period was chosen (set by the run; `null` for library callers).
    pub period_choice: Option<PeriodChoice>,
    pub kpis: Vec<Kpi>,
    /// Every KPI for each bi-monthly period of the history, oldest first.
    pub trends: Vec<Trend>,
    pub distributions: distributions::Distributions,
    pub moderation: moderation::Moderation,
    pub actions: actions::ActionsReport,
    pub case_notes: visits::CaseNotesReport,
    pub auditors: Vec<actions::AuditorLoad>,
    pub themes: themes::Themes,
    pub inputs: Vec<InputOut>,
    pub data_quality: Vec<crate::normalise::Finding>,
    pub crosswalk: Vec<crate::normalise::LabelUse>,
    /// Present only under `--suppress`: what was hidden and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<suppress::Suppression>,
    /// Each framework's name by its id, for the packs ("Nine-domain audit
    /// (KSS)" where metrics.json says `kss_nine_domain`). Not in metrics.json.
    #[serde(skip)]
    pub framework_names: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    pub period: PeriodOut,
    pub numerator: Count,
    pub denominator: Option<Count>,
    pub value: Rate,
    #[serde(skip_serializing_if = "shown::is_false")]
    pub suppressed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    pub id: &'static str,
    pub label: &'static str,
    pub points: Vec<TrendPoint>,
}

/// One file and sheet as read (the reconciliation of METRICS.md).
#[derive(Debug, Clone, Serialize)]
pub struct InputOut {
    pub file: String,
    pub sheet: Option<String>,
    pub kind: String,
    pub framework: Option<String>,
    pub header_row: Option<u32>,
    pub rows_read: u64,
    pub rows_accepted: u64,
    pub rows_rejected: u64,
    pub rejected_by_reason: std::collections::BTreeMap<String, u64>,
    /// Rows left out by design (blank, totals, duplicates, out-of-scope legal
    /// statuses): rows_read = rows_accepted + rows_set_aside + rows_rejected.
    pub rows_set_aside: u64,
    pub set_aside_by_reason: std::collections::BTreeMap<String, u64>,
    pub columns: Vec<ColumnOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ColumnOut {
    pub header: String,
    pub field: String,
    pub reason: String,
    pub scale: Option<String>,
}

/// Everything the analysis reads, prepared once.
pub struct Ctx<'a> {
    pub model: &'a Model,
    pub config: &'a Config,
    pub cal: &'a Calendar,
    /// The report period's bi-monthly grid, for "end of cycle" due dates and trends.
    pub grid: Vec<Period>,
    /// Which records feed which KPI (METRICS.md "Missing inputs").
    pub cov: crate::normalise::coverage::Coverage,
    /// The latest case note's event date ([`Normalised::notes_end`]).
    pub notes_end: Option<NaiveDate>,
    /// The earliest case note's event date ([`Normalised::notes_start`]).
    pub notes_start: Option<NaiveDate>,
    /// The latest date anything happened in the audit records ([`Normalised::audits_end`]).
    pub audits_end: Option<NaiveDate>,
}

impl<'a> Ctx<'a> {
    /// The context of a run's records on `grid`: which records feed which
    /// KPI worked out from the tables read, less the KPIs no export can make.
    pub fn of(n: &'a Normalised, config: &'a Config, cal: &'a Calendar, grid: Vec<Period>) -> Ctx<'a> {
        let cov = crate::normalise::coverage::Coverage::new(&n.tables, &n.model, config).without(&n.unmakeable);
        Ctx { model: &n.model, config, cal, grid, cov, notes_end: n.notes_end, notes_start: n.notes_start, audits_end: n.audits_end }
    }
}

/// A team (or auditor, or owner) name, "(not recorded)" when blank.
pub fn named(name: Option<&str>) -> String {
    match name {
        Some(n) if !n.trim().is_empty() => n.to_string(),
        _ => NOT_RECORDED.to_string(),
    }
}

/// A warning when the case notes read end before the period does: before it
/// starts, its visit and note KPIs are not in the exports; more than two weeks
/// before its end (or the as-of date, if earlier), visits after that day are
/// not in them either, and children on plans show gaps up to the as-of date.
pub fn notes_end_warning(notes_end: Option<NaiveDate>, period: &Period, as_of: NaiveDate) -> Option<crate::normalise::Finding> {
    let end = notes_end?;
    let until = period.to.min(as_of);
    let action = if end < period.from {
        format!(
            "the case notes read end on {end}, before the period starts ({}): {} are not in the exports for it (is the case-note export an earlier period's?)",
            period.from,
            crate::normalise::coverage::NOTE_KPIS.join(", ")
        )
    } else if end + chrono::Days::new(14) < until {
        format!(
            "the case notes read end on {end}, {} days before {until}: visits after that day are not in the exports, so a child on a plan shows a gap from their last visit to {until} (is the export complete?)",
            (until - end).num_days()
        )
    } else {
        return None;
    };
    Some(crate::normalise::Finding {
        severity: crate::normalise::Severity::Warning,
        code: "notes_end_early",
        file: String::new(),
        sheet: None,
        row: None,
        column: None,
        value: end.to_string(),
        action,
    })
}

/// Whether the audit records, whose latest date is `end`, stop before the
/// period starts: no audit allocated, completed or moderated, no action set
/// or signed off, on any day of it or after (last cycle's exports run again,
/// or a period that has not begun in them). Its audit and action KPIs are not
/// in the exports, not 0.
pub fn audits_end_before(end: Option<NaiveDate>, period: &Period) -> bool {
    // Only while the period runs (a period that has ended with nothing in it
    // is one where nothing was done, which the figures must show: a warning
    // says so, below).
    end.is_some_and(|e| e < period.from) && period.to >= crate::calendar::today()
}

/// A warning when the audit records end before the period starts ([`audits_end_before`]).
/// Audits completed after the reported period ends (on plausible dates): not
/// counted as completed or graded in this report, nor in its trend, which ends
/// with the reported period (a report as at its end cannot show a later
/// period, nor a part of one as if it were whole); one due in the period is
/// late in audits_on_time. Said, so that they are not thought lost.
pub fn audits_after_period(model: &crate::normalise::Model, period: &Period, today: NaiveDate) -> Option<crate::normalise::Finding> {
    let after: Vec<NaiveDate> =
        model.audits.iter().filter_map(|a| a.completed).filter(|d| *d > period.to && crate::calendar::plausible_event(*d, today)).collect();
    dates_said(&after, "audits_after_period", ("audit was", "audits were"), |n, audits, were, last| {
        format!(
            "{n} {audits} completed after the period ends ({}; the last on {last}): {were} not counted as completed or graded in this report, nor in its trend, which ends with the reported period (one due in the period counts as late in audits_on_time); a report for the later period counts them",
            period.to
        )
    })
}

/// An information finding about audits on `dates` (none: no finding), its
/// value the latest date; `message(n, noun, pronoun, last)` says what was done
/// ("audit was" / "audits were", "it is" / "they are").
fn dates_said(
    dates: &[NaiveDate],
    code: &'static str,
    (one, many): (&str, &str),
    message: impl Fn(usize, &str, &str, NaiveDate) -> String,
) -> Option<crate::normalise::Finding> {
    let last = *dates.iter().max()?;
    let n = dates.len();
    let (audits, were) = if n == 1 { (one, "it is") } else { (many, "they are") };
    Some(crate::normalise::Finding {
        severity: crate::normalise::Severity::Info,
        code,
        file: String::new(),
        sheet: None,
        row: None,
        column: None,
        value: last.to_string(),
        action: message(n, audits, were, last),
    })
}

/// Audits and actions due in the period after as_of and not done by it: not
/// yet late, so left out of audits_on_time and actions_on_time (a report as
/// at a later date counts them). Said, so the denominators are not thought
/// short.
pub fn not_yet_due(n: &crate::normalise::Normalised, config: &Config, cal: &Calendar, period: &Period, as_of: NaiveDate) -> Vec<crate::normalise::Finding> {
    let ctx = Ctx::of(n, config, cal, vec![*period]);
    let (audits, actions) = compliance::not_yet_due(&ctx, period, as_of);
    let said = |dates: &[NaiveDate], code, nouns, kpi: &str| {
        dates_said(dates, code, nouns, |n, things, were, last| {
            format!(
                "{n} {things} due in the period after the as-of date ({as_of}; the last due {last}) and not done by it: {were} not yet late, so left out of {kpi}; a report as at a later date counts {}",
                if n == 1 { "it" } else { "them" }
            )
        })
    };
    said(&audits, "audits_not_yet_due", ("audit is", "audits are"), "audits_on_time")
        .into_iter()
        .chain(said(&actions, "actions_not_yet_due", ("action is", "actions are"), "actions_on_time"))
        .collect()
}

/// Audits completed in the period whose moderation is dated after as_of
/// (seed 004 moderates in the month after the audit): counted as moderated,
/// as METRICS counts audits "that were moderated" whatever the report's date
/// (earlier blind sets count them so); said, so the officer knows the figure
/// includes moderation done after the date the report is "as at".
pub fn moderations_after_as_of(model: &crate::normalise::Model, period: &Period, as_of: NaiveDate) -> Option<crate::normalise::Finding> {
    let after: Vec<NaiveDate> = model
        .audits
        .iter()
        .filter(|a| a.completed.is_some_and(|d| period.contains(d)) && a.moderated == Some(true))
        .filter_map(|a| a.moderation_date)
        .filter(|d| *d > as_of)
        .collect();
    dates_said(&after, "moderated_after_as_of", ("audit of the period was", "audits of the period were"), |n, audits, were, last| {
        format!(
            "{n} {audits} moderated after the as-of date ({as_of}; the last on {last}): {were} counted as moderated (moderation_coverage counts audits that were moderated, whenever)"
        )
    })
}

/// Audits graded below good on a scale with no inadequate grade ("Does not
/// meet good", "Not met", "No"), whose 2-month re-audit deadline falls in the
/// period: whether any was inadequate is not in the exports, so
/// inadequate_reaudited_in_time, which counts audits judged inadequate, leaves
/// them out. Said, so a 0 of 0 there is not read as "none was inadequate"
/// (review 264's c37).
pub fn below_good_unbanded(model: &crate::normalise::Model, period: &Period) -> Option<crate::normalise::Finding> {
    // (Each label once, however it is cased: "Does not meet good", "Does Not Meet Good".)
    let mut labels: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    let mut n = 0;
    for a in &model.audits {
        let (Some(c), Some(j)) = (a.completed, a.overall.as_ref()) else { continue };
        if j.is_graded() && j.at_least_good == Some(false) && j.band.is_none() && period.contains(crate::calendar::add_months(c, 2)) {
            n += 1;
            let (given, read) = (j.source_label.trim(), j.label.trim());
            let shown = if given.eq_ignore_ascii_case(read) || read.is_empty() { format!("\"{given}\"") } else { format!("\"{given}\", read as {read}") };
            labels.entry(shown.to_lowercase()).or_insert(shown);
        }
    }
    if n == 0 {
        return None;
    }
    let shown: Vec<&str> = labels.values().take(4).map(String::as_str).collect();
    let (audits, were) = if n == 1 { ("audit", "it was") } else { ("audits", "any was") };
    Some(crate::normalise::Finding {
        severity: crate::normalise::Severity::Warning,
        code: "inadequate_not_graded",
        file: String::new(),
        sheet: None,
        row: None,
        column: None,
        value: shown.join(", "),
        action: format!(
            "{n} {audits} graded below good on a scale with no inadequate grade ({}), with the 2-month re-audit deadline in the period: whether {were} inadequate is not in the exports, so inadequate_reaudited_in_time, which counts audits judged inadequate, leaves {}",
            shown.join(", "),
            if n == 1 { "it out" } else { "them out" }
        ),
    })
}

/// Case notes whose event is in the period but after as_of (a report run
/// before the period ends; a visit booked ahead, a date typed wrong): not
/// happened as at that day, so left out of seen_alone_recorded and
/// notes_recorded_in_time, as the visit gaps stop at as_of. Said.
pub fn notes_after_as_of(model: &crate::normalise::Model, period: &Period, as_of: NaiveDate) -> Option<crate::normalise::Finding> {
    if as_of >= period.to {
        return None;
    }
    let after: Vec<NaiveDate> = model.case_notes.iter().map(|n| n.event).filter(|d| *d > as_of && *d <= period.to).collect();
    dates_said(&after, "notes_after_as_of", ("case note of the period is", "case notes of the period are"), |n, notes, _, last| {
        format!(
            "{n} {notes} dated after the as-of date ({as_of}; the last on {last}): not happened as at that date (a visit booked ahead, or a date typed wrong), so left out of seen_alone_recorded and notes_recorded_in_time; a report as at a later date counts {}",
            if n == 1 { "it" } else { "them" }
        )
    })
}

/// Actions whose due date would be counted in working days outside the
/// bank-holiday list (METRICS.md: "a period, due date or gap that needs a year
/// beyond it is an error that says so"): an error per action, and the action is
/// in no action KPI ([`compliance::action_due`]), never due on a miscounted day.
pub fn actions_outside_calendar(model: &crate::normalise::Model, cal: &crate::calendar::Calendar, working_days: u32) -> Vec<crate::normalise::Finding> {
    let audits: std::collections::HashMap<&str, &crate::normalise::Audit> = model.audits.iter().map(|a| (a.id.as_str(), a)).collect();
    model
        .actions
        .iter()
        .filter_map(|a| {
            let why = compliance::action_due_in(cal, working_days, a, &audits).err()?;
            Some(crate::normalise::Finding {
                severity: crate::normalise::Severity::Error,
                code: "due_outside_calendar",
                file: a.origin.file.clone(),
                sheet: a.origin.sheet.clone(),
                row: Some(a.origin.row),
                column: Some("due date".into()),
                value: String::new(),
                action: format!("the action's due date cannot be worked out: {why}; it is in neither actions_on_time nor actions_overdue"),
            })
        })
        .collect()
}

/// A warning for each audit KPI whose fields only earlier audits' tables
/// carry ([`compliance::fed_only_before`]): which tables hold the field, and
/// that the period's audits come from tables without it.
pub fn fields_before_period(n: &crate::normalise::Normalised, config: &Config, cal: &Calendar, period: &Period) -> Vec<crate::normalise::Finding> {
    let model = &n.model;
    let ctx = Ctx::of(n, config, cal, vec![*period]);
    compliance::fed_only_before(&ctx, period)
        .into_iter()
        .map(|kpi| {
            let fields = crate::normalise::coverage::NEEDS.iter().find(|(id, _)| *id == kpi).and_then(|(_, needs)| needs.first()).and_then(|n| n.groups.last()).map(|g| g.join(" / ")).unwrap_or_default();
            let files: std::collections::BTreeSet<&str> =
                model.audits.iter().enumerate().filter(|(i, _)| ctx.cov.audit(*i, kpi)).map(|(_, a)| a.origin.file.as_str()).collect();
            let files: Vec<&str> = files.into_iter().collect();
            crate::normalise::Finding {
                severity: crate::normalise::Severity::Warning,
                code: "kpi_not_in_source",
                file: String::new(),
                sheet: None,
                row: None,
                column: None,
                value: kpi.to_string(),
                action: format!(
                    "'{fields}' is only in tables whose audits all happened before the period starts ({}): {}; the period's audits come from tables without it: {kpi} is not in the exports for this period (null, \"not_in_source\": true; the packs say \"not in the exports\")",
                    period.from,
                    files.join(", ")
                ),
            }
        })
        .collect()
}

pub fn audits_end_warning(end: Option<NaiveDate>, period: &Period) -> Option<crate::normalise::Finding> {
    let last = end.filter(|e| *e < period.from)?;
    let action = if audits_end_before(end, period) {
        format!(
            "the audit records read end on {last} (the last audit allocated, completed or moderated, or action set or signed off), before the period starts ({}), and the period has not ended: {} are not in the exports for it (are the audit exports an earlier period's?)",
            period.from,
            crate::normalise::coverage::AUDIT_KPIS.join(", ")
        )
    } else {
        format!(
            "the audit records read end on {last} (the last audit allocated, completed or moderated, or action set or signed off), before the period starts ({}): nothing in them happened in the period, so its figures show nothing done. Check the audit exports are this period's",
            period.from
        )
    };
    Some(crate::normalise::Finding {
        severity: crate::normalise::Severity::Warning,
        code: "audits_end_early",
        file: String::new(),
        sheet: None,
        row: None,
        column: None,
        value: last.to_string(),
        action,
    })
}

/// Whether case notes starting on `start` begin more than two weeks into the
/// period (or after it): its case-note KPIs are not in the exports.
pub fn notes_start_late(start: NaiveDate, period: &Period) -> bool {
    start > period.from + chrono::Days::new(14)
}

/// A warning when the case notes read start after a plan did: the visit
/// before the notes' first day is not in the exports, so children on a plan
/// then, with no visit read before the period (this one or the one before,
/// which the packs compare it with), have their first gap counted from that
/// day. After the period ends, its visit and note KPIs are not in the exports.
pub fn notes_start_warning(model: &Model, notes_start: Option<NaiveDate>, period: &Period, as_of: NaiveDate) -> Option<crate::normalise::Finding> {
    let start = notes_start?;
    let action = if notes_start_late(start, period) {
        format!(
            "the case notes read start on {start}, more than two weeks after the period starts ({}): {} are not in the exports for it",
            period.from,
            crate::normalise::coverage::NOTE_KPIS.join(", ")
        )
    } else {
        // This period's children, then those only the previous period's
        // figures (which the packs compare with) count from that day.
        let previous = period.previous();
        let now = visits::counted_from_notes_start(model, start, &[(*period, as_of)]);
        let mut before = visits::counted_from_notes_start(model, start, &[(previous, previous.to.min(as_of))]);
        before.retain(|c| !now.contains(c));
        let named = |children: &[String]| {
            let shown: Vec<&str> = children.iter().take(5).map(String::as_str).collect();
            let more = if children.len() > shown.len() { format!(" and {} more", children.len() - shown.len()) } else { String::new() };
            let n = if children.len() == 1 { "1 child".to_string() } else { format!("{} children", children.len()) };
            let has = if children.len() == 1 { "has" } else { "have" };
            format!("{n} ({}{more}) {has}", shown.join(", "))
        };
        let mut parts = Vec::new();
        if !now.is_empty() {
            parts.push(format!("{} no visit in the exports before this period ({})", named(&now), period.label()));
        }
        if !before.is_empty() {
            let and = if now.is_empty() { "" } else { "and " };
            parts.push(format!("{and}{} none before the previous period ({}, which the packs compare with)", named(&before), previous.label()));
        }
        if parts.is_empty() {
            return None;
        }
        format!(
            "the case notes read start on {start}, after these children's child protection or looked-after plans began: {}, so their first visit gap there is counted from {start}, the least it can be (the visit before is not in the exports). Add earlier case notes to count it from that visit",
            parts.join(" ")
        )
    };
    Some(crate::normalise::Finding {
        severity: crate::normalise::Severity::Warning,
        code: "notes_start_late",
        file: String::new(),
        sheet: None,
        row: None,
        column: None,
        value: start.to_string(),
        action,
    })
}

/// Runs every analysis.
pub fn analyse(n: &Normalised, config: &Config, cal: &Calendar, params: &Params) -> Metrics {
    let model = &n.model;
    // The trend axis: implausible dates (before 2000) never stretch it, and it
    // starts no earlier than the bank-holiday list (working days before it would
    // be miscounted).
    let floor = cal.first_year().and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)).unwrap_or(params.period.from);
    let floor = floor.max(crate::calendar::date(crate::calendar::EARLIEST_PLAUSIBLE.0, 1, 1));
    let earliest = model.audits.iter().filter_map(|a| a.completed.or(a.allocated)).filter(|d| *d >= floor).min().unwrap_or(params.period.from);
    let grid = period::grid(&params.period, earliest.min(params.period.from));
    let ctx = Ctx::of(n, config, cal, grid);
    let previous = params.period.previous();
    let visits = visits::VisitIndex::new(model);
    let notes = notes::NoteFrame::new(model, &ctx.cov);
    let current = compliance::kpis(&ctx, &visits, &notes, &params.period, params.as_of);
    let before = compliance::kpis(&ctx, &visits, &notes, &previous, previous.to.min(params.as_of));
    let kpis = kpi::with_previous_and_targets(current, before, &config.targets);
    let per_period: Vec<(Period, Vec<Kpi>)> = ctx.grid.iter().map(|p| (*p, compliance::kpis(&ctx, &visits, &notes, p, p.to.min(params.as_of)))).collect();
    let trends = kpis
        .iter()
        .map(|k| Trend {
            id: k.id,
            label: k.label,
            points: per_period
                .iter()
                .filter_map(|(p, ks)| {
                    ks.iter().find(|x| x.id == k.id).map(|x| TrendPoint {
                        period: p.into(),
                        numerator: x.numerator,
                        denominator: x.denominator,
                        value: x.value,
                        suppressed: false,
                    })
                })
                .collect(),
        })
        .collect();
    Metrics {
        schema: SCHEMA,
        generator: format!("auditpack {}", env!("CARGO_PKG_VERSION")),
        period: (&params.period).into(),
        previous_period: (&previous).into(),
        as_of: params.as_of,
        period_choice: None,
        kpis,
        trends,
        distributions: distributions::distributions(&ctx, &params.period),
        moderation: moderation::moderation(&ctx, &params.period),
        actions: actions::actions(&ctx, &params.period, params.as_of),
        case_notes: visits::report(&ctx, &visits, &notes, &params.period, params.as_of),
        auditors: actions::auditor_load(&ctx, &params.period, params.as_of),
        themes: themes::themes(&ctx, &params.period),
        inputs: n
            .tables
            .iter()
            .map(|t| InputOut {
                file: t.file.clone(),
                sheet: t.sheet.clone(),
                kind: t.kind.as_str().to_string(),
                framework: t.framework.clone(),
                header_row: t.header_row,
                rows_read: t.rows_read,
                rows_accepted: t.rows_accepted,
                rows_rejected: t.rows_rejected,
                rejected_by_reason: t.rejected_by_reason.clone(),
                rows_set_aside: t.rows_set_aside,
                set_aside_by_reason: t.set_aside_by_reason.clone(),
                columns: t
                    .columns
                    .iter()
                    .filter(|c| !c.header.is_empty())
                    .map(|c| ColumnOut { header: c.header.clone(), field: c.target.describe(), reason: c.reason.clone(), scale: c.scale.clone() })
                    .collect(),
            })
            .collect(),
        data_quality: n.findings.clone(),
        crosswalk: crate::normalise::label_table(model),
        suppression: None,
        framework_names: config.frameworks.iter().map(|f| (f.id.clone(), f.name.clone())).collect(),
    }
}
