//! Implausible dates (METRICS.md "Identity and plausibility"): before 2000; a
//! date of something that has happened after today; a due or target date more
//! than a year after today. They are kept as given, with a warning per column
//! (the count and the first example); the analysis never lets them choose the
//! default period or stretch the trend axis.

use super::findings::{Findings, Severity};
use super::model::{Audit, Model};
use crate::calendar::{plausible_due, plausible_event};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// (file, sheet, column) → (count, first row, first value, what is wrong).
type Seen = BTreeMap<(String, Option<String>, &'static str), (u64, u32, NaiveDate, &'static str)>;

#[allow(clippy::too_many_arguments)]
fn check(seen: &mut Seen, file: &str, sheet: Option<&str>, row: u32, column: &'static str, d: Option<NaiveDate>, due: bool, today: NaiveDate) {
    let Some(d) = d else { return };
    let ok = if due { plausible_due(d, today) } else { plausible_event(d, today) };
    if ok {
        return;
    }
    let why = if d < crate::calendar::date(2000, 1, 1) {
        "before 2000"
    } else if due {
        "more than a year after today"
    } else {
        "after today, for something that has happened"
    };
    seen.entry((file.to_string(), sheet.map(str::to_string), column)).or_insert((0, row, d, why)).0 += 1;
}

/// Warns about every implausible date in the model, as at `today`.
pub fn flag(model: &Model, today: NaiveDate, findings: &mut Findings) {
    let mut seen = Seen::new();
    for a in &model.audits {
        let (f, s, r) = (a.origin.file.as_str(), a.origin.sheet.as_deref(), a.origin.row);
        check(&mut seen, f, s, r, "completed date", a.completed, false, today);
        check(&mut seen, f, s, r, "allocated date", a.allocated, false, today);
        check(&mut seen, f, s, r, "moderation date", a.moderation_date, false, today);
        check(&mut seen, f, s, r, "due date", a.due, true, today);
    }
    for a in &model.actions {
        let (f, s, r) = (a.origin.file.as_str(), a.origin.sheet.as_deref(), a.origin.row);
        check(&mut seen, f, s, r, "action set date", a.set, false, today);
        check(&mut seen, f, s, r, "action sign-off date", a.completed, false, today);
        check(&mut seen, f, s, r, "action due date", a.due, true, today);
    }
    for e in &model.episodes {
        let (f, s, r) = (e.origin.file.as_str(), e.origin.sheet.as_deref(), e.origin.row);
        check(&mut seen, f, s, r, "start date", Some(e.start), false, today);
        // A planned end may lie ahead: only the floor applies.
        check(&mut seen, f, s, r, "end date", e.end, true, today);
        // A spell that ends before it starts covers no day: said, not dropped
        // from the visit KPIs in silence.
        if let Some(end) = e.end.filter(|end| *end < e.start) {
            findings.push(
                Severity::Warning,
                "episode_ends_before_start",
                f,
                s,
                Some(r),
                Some("end date"),
                end.to_string(),
                format!(
                    "the {} spell of {} ends on {end}, before it starts ({}): kept as given, so it is in no visit KPI; check whether the start and end dates are the wrong way round",
                    e.kind.as_str().to_uppercase(),
                    e.child_id,
                    e.start
                ),
            );
        }
    }
    for n in &model.case_notes {
        if plausible_event(n.event, today) && n.recorded.is_none_or(|d| plausible_event(d, today)) {
            continue;
        }
        let (file, sheet) = model.note_place(n.source);
        check(&mut seen, file, sheet, n.row, "event date", Some(n.event), false, today);
        check(&mut seen, file, sheet, n.row, "recorded date", n.recorded, false, today);
    }
    recorded_before_event(model, findings);
    completed_before_allocated(model, findings);
    for ((file, sheet, column), (count, row, first, why)) in seen {
        let more = if count > 1 { format!(" ({count} such dates in this column; the first is shown)") } else { String::new() };
        findings.push(
            Severity::Warning,
            "implausible_date",
            &file,
            sheet.as_deref(),
            Some(row),
            Some(column),
            first.to_string(),
            format!(
                "implausible date, {why} (today is {today}){more}: kept as given, but it never chooses the default period nor stretches the trend axis{}",
                if why == "before 2000" && (column == "completed date" || column == "action sign-off date") {
                    ", and a completion before 2000 counts as not done in the on-time and overdue KPIs"
                } else {
                    ""
                }
            ),
        );
    }
}

/// Case notes whose recorded date is before the event they record (a visit
/// entered two days before it happened): a warning per file, with the count
/// and the first. They are kept, and count as recorded in time (a lag under
/// a day); the two date columns may be the wrong way round.
fn recorded_before_event(model: &Model, findings: &mut Findings) {
    // file id → (count, first row, event, recorded)
    let mut seen: BTreeMap<u32, (u64, u32, NaiveDate, NaiveDate)> = BTreeMap::new();
    for n in &model.case_notes {
        if let Some(r) = n.recorded.filter(|r| *r < n.event) {
            seen.entry(n.source).or_insert((0, n.row, n.event, r)).0 += 1;
        }
    }
    for (source, (count, row, event, recorded)) in seen {
        let more = if count > 1 { format!(" ({count} such notes in this file; the first is shown)") } else { String::new() };
        findings.push(
            Severity::Warning,
            "recorded_before_event",
            model.note_place(source).0,
            model.note_place(source).1,
            Some(row),
            Some("recorded date"),
            recorded.to_string(),
            format!(
                "a case note recorded on {recorded}, before the event it records ({event}){more}: kept, and counted as recorded in time; check that the event and recorded date columns are not the wrong way round"
            ),
        );
    }
}

/// An audit completed before it was allocated: said once per table (the
/// count and the first), and kept as given.
fn completed_before_allocated(model: &Model, findings: &mut Findings) {
    // (file, sheet) → (count, the first such audit)
    let mut seen: BTreeMap<(&str, Option<&str>), (u64, &Audit)> = BTreeMap::new();
    for a in model.audits.iter().filter(|a| a.completed.zip(a.allocated).is_some_and(|(c, al)| c < al)) {
        seen.entry((a.origin.file.as_str(), a.origin.sheet.as_deref())).or_insert((0, a)).0 += 1;
    }
    for ((file, sheet), (count, first)) in seen {
        let (Some(allocated), Some(completed)) = (first.allocated, first.completed) else { continue };
        let (row, child) = (first.origin.row, &first.child_id);
        let more = if count > 1 { format!(" ({count} such audits in this table; the first is shown)") } else { String::new() };
        findings.push(
            Severity::Warning,
            "completed_before_allocated",
            file,
            sheet,
            Some(row),
            Some("completed date"),
            completed.to_string(),
            format!(
                "the audit of {child} was completed on {completed}, before it was allocated ({allocated}){more}: kept as given, and on time; check the allocation and completion dates"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::date;
    use crate::normalise::model::*;

    /// An audit completed before its allocation is said, once per table,
    /// and kept as given.
    #[test]
    fn an_audit_completed_before_it_was_allocated_is_said() {
        let mk = |row: u32, allocated: NaiveDate, completed: NaiveDate| Audit {
            origin: Origin { file: "tracker.xlsx".into(), sheet: Some("Tracker".into()), row },
            child_id: format!("C{row}"),
            allocated: Some(allocated),
            completed: Some(completed),
            ..Default::default()
        };
        let m = Model {
            audits: vec![
                mk(2, date(2026, 9, 1), date(2026, 9, 10)),
                mk(3, date(2026, 9, 14), date(2026, 9, 7)),
                mk(4, date(2026, 10, 1), date(2026, 9, 30)),
                mk(5, date(2026, 10, 1), date(2026, 10, 1)),
            ],
            ..Default::default()
        };
        let mut f = Findings::default();
        flag(&m, date(2026, 11, 28), &mut f);
        let said: Vec<&crate::normalise::findings::Finding> = f.list.iter().filter(|x| x.code == "completed_before_allocated").collect();
        assert_eq!(said.len(), 1);
        assert_eq!((said[0].row, said[0].value.as_str()), (Some(3), "2026-09-07"));
        assert!(said[0].action.contains("C3") && said[0].action.contains("2 such audits"), "{}", said[0].action);
        assert_eq!(m.audits[1].completed, Some(date(2026, 9, 7)), "kept as given");
    }

    #[test]
    fn typed_years_far_off_are_warned_about_and_kept() {
        let mk = |row: u32, completed: NaiveDate| Audit {
            origin: Origin { file: "a.csv".into(), sheet: None, row },
            completed: Some(completed),
            due: Some(date(2027, 6, 1)),
            ..Default::default()
        };
        let mut m =
            Model { audits: vec![mk(2, date(2062, 9, 3)), mk(3, date(1906, 9, 3)), mk(4, date(2026, 9, 3)), mk(5, date(2063, 1, 1))], ..Default::default() };
        m.audits[2].due = Some(date(2062, 1, 1));
        let mut f = Findings::default();
        flag(&m, date(2026, 11, 28), &mut f);
        let got: Vec<(Option<u32>, &str, &str)> = f.list.iter().map(|x| (x.row, x.column.as_deref().unwrap_or(""), x.value.as_str())).collect();
        assert_eq!(got, [(Some(2), "completed date", "2062-09-03"), (Some(4), "due date", "2062-01-01")]);
        assert!(f.list[0].action.contains("3 such dates"), "{}", f.list[0].action);
        assert_eq!(m.audits[0].completed, Some(date(2062, 9, 3)), "kept as given");
    }

    #[test]
    fn a_spell_that_ends_before_it_starts_is_warned_about_and_kept() {
        let spell = |row: u32, start: NaiveDate, end: Option<NaiveDate>| Episode {
            origin: Origin { file: "legal.csv".into(), sheet: None, row },
            child_id: format!("K{row}"),
            kind: EpisodeKind::Cp,
            source_status: "CP".into(),
            start,
            end,
            team: None,
        };
        let m = Model {
            episodes: vec![
                spell(2, date(2026, 10, 30), Some(date(2026, 9, 1))),
                spell(3, date(2026, 9, 1), Some(date(2026, 9, 1))),
                spell(4, date(2026, 9, 1), None),
            ],
            ..Default::default()
        };
        let mut f = Findings::default();
        flag(&m, date(2026, 11, 28), &mut f);
        let got: Vec<(&str, Option<u32>)> = f.list.iter().map(|x| (x.code, x.row)).collect();
        assert_eq!(got, [("episode_ends_before_start", Some(2))]);
        assert!(f.list[0].action.contains("the CP spell of K2 ends on 2026-09-01, before it starts (2026-10-30)"), "{}", f.list[0].action);
    }

    #[test]
    fn notes_recorded_before_their_event_are_warned_about_per_file() {
        let mut m = Model::default();
        let note = |m: &mut Model, file: &str, row: u32, event: NaiveDate, recorded: Option<NaiveDate>| {
            let source = m.strings.intern(file);
            m.case_notes.push(CaseNote {
                child: 0,
                note_type: 0,
                kind: NoteKind::Other,
                event,
                recorded,
                seen_alone: SeenAlone::NotRecorded,
                author: 0,
                team: 0,
                row,
                source,
            });
        };
        note(&mut m, "a.csv", 2, date(2026, 9, 14), Some(date(2026, 9, 14)));
        note(&mut m, "a.csv", 3, date(2026, 9, 14), Some(date(2026, 9, 12)));
        note(&mut m, "a.csv", 4, date(2026, 9, 20), Some(date(2026, 9, 1)));
        note(&mut m, "b.csv", 9, date(2026, 9, 20), None);
        note(&mut m, "b.csv", 10, date(2026, 9, 20), Some(date(2026, 9, 21)));
        let mut f = Findings::default();
        flag(&m, date(2026, 11, 28), &mut f);
        let got: Vec<(&str, &str, Option<u32>, &str)> = f.list.iter().map(|x| (x.code, x.file.as_str(), x.row, x.value.as_str())).collect();
        assert_eq!(got, [("recorded_before_event", "a.csv", Some(3), "2026-09-12")]);
        assert!(f.list[0].action.contains("2 such notes") && f.list[0].action.contains("(2026-09-14)"), "{}", f.list[0].action);
    }
}
