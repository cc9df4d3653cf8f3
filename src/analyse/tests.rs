//! Every KPI on small hand-made models, the expected numbers worked out here.
//! Period: September–October 2026, as at Saturday 2026-10-31. 2026-08-31 is the
//! Summer bank holiday (a Monday).

use super::*;
use crate::calendar::date;
use crate::normalise::config::NumericDirection;
use crate::normalise::scales::Crosswalk;
use crate::normalise::*;

fn judge(label: &str) -> Option<Judgement> {
    let config = Config::defaults();
    Crosswalk::new(&config).judge(&crate::ingest::Cell::text(label), None, NumericDirection::Ofsted).expect("known label")
}

fn d(s: &str) -> NaiveDate {
    crate::ingest::parse_date(s).expect("test date")
}

fn audit(id: &str, child: &str, team: &str, completed: Option<&str>, overall: &str) -> Audit {
    Audit {
        id: id.into(),
        child_id: child.into(),
        team: (!team.is_empty()).then(|| team.to_string()),
        completed: completed.map(d),
        overall: judge(overall),
        due_rule: "end_of_allocation_month".into(),
        framework: "generic".into(),
        ..Default::default()
    }
}

fn run(model: Model) -> Metrics {
    let n = Normalised { model, ..Default::default() };
    let params = Params { period: Period::bimonthly_starting(date(2026, 9, 1)), as_of: date(2026, 10, 31) };
    analyse(&n, &Config::defaults(), &crate::calendar::Calendar::default(), &params)
}

fn kpi<'a>(m: &'a Metrics, id: &str) -> &'a Kpi {
    m.kpis.iter().find(|k| k.id == id).expect("kpi present")
}

fn nd(k: &Kpi) -> (u64, Option<u64>) {
    (k.numerator.n().expect("shown"), k.denominator.map(|d| d.n().expect("shown")))
}

fn model(audits: Vec<Audit>) -> Model {
    Model { audits, strings: Strings::new(), ..Default::default() }
}

#[test]
fn every_kpi_of_the_contract_is_present_in_order() {
    let m = run(model(vec![]));
    let ids: Vec<&str> = m.kpis.iter().map(|k| k.id).collect();
    assert_eq!(
        ids,
        [
            "audits_completed",
            "audits_on_time",
            "overall_good_or_better",
            "actions_on_time",
            "actions_overdue",
            "moderation_coverage",
            "moderation_agreement",
            "inadequate_reaudited_in_time",
            "child_spoken_to",
            "family_spoken_to",
            "practitioner_spoken_to",
            "cp_visits_in_time",
            "cla_visits_in_time",
            "seen_alone_recorded",
            "notes_recorded_in_time"
        ]
    );
    // The two lists the "not in the exports" rules use cover the contract.
    let (audit, notes) = (crate::normalise::coverage::AUDIT_KPIS, crate::normalise::coverage::NOTE_KPIS);
    assert_eq!([&audit[..], &notes[..]].concat(), ids);
    assert!(m.kpis.iter().filter(|k| k.unit == "rate").all(|k| k.value.value().is_none()), "no denominator: value null");
    // Nothing was read at all: every KPI is "not in the exports", never 0.
    let done = kpi(&m, "audits_completed");
    assert_eq!((done.numerator.n(), done.denominator, done.value.value(), done.not_in_source), (Some(0), None, None, true));
    assert!(m.kpis.iter().all(|k| k.not_in_source && k.status_label == "Not in the exports"));
}

#[test]
fn audits_completed_respects_period_boundaries_and_teams() {
    let m = run(model(vec![
        audit("a", "C1", "North", Some("2026-08-31"), "Good"),
        audit("b", "C2", "North", Some("2026-09-01"), "Good"),
        audit("c", "C3", "", Some("2026-10-31"), "Good"),
        audit("d", "C4", "North", Some("2026-11-01"), "Good"),
        audit("e", "C5", "South", None, "Good"),
    ]));
    let k = kpi(&m, "audits_completed");
    assert_eq!((k.numerator, k.denominator, k.value.value()), (2.into(), None, Some(2.0)));
    let teams: Vec<(&str, u64)> = k.by_team.iter().map(|t| (t.team.as_str(), t.numerator.n().expect("shown"))).collect();
    assert_eq!(teams, [("(not recorded)", 1), ("North", 1)]);
    // The previous period (July–August) holds audit a.
    assert_eq!(k.previous.as_ref().and_then(|p| p.numerator.n()), Some(1));
    assert_eq!(k.change.value(), Some(1.0));
}

#[test]
fn audits_on_time_uses_data_due_dates_then_the_framework_rule() {
    let mut a = audit("a", "C1", "T", Some("2026-09-30"), "Good");
    a.allocated = Some(d("2026-09-15")); // end of allocation month: due 30 Sep, done that day
    let mut b = audit("b", "C2", "T", Some("2026-10-01"), "Good");
    b.allocated = Some(d("2026-09-15")); // due 30 Sep, done a day late
    let mut c = audit("c", "C3", "T", None, "");
    c.due = Some(d("2026-10-31")); // due in the period, not done
    let mut e = audit("e", "C4", "T", Some("2026-10-25"), "Good");
    e.allocated = Some(d("2026-10-20"));
    e.due_rule = "days_after_allocation:14".into(); // due 3 Nov: not in the period
    let mut f = audit("f", "C5", "T", Some("2026-09-07"), "Good");
    f.allocated = Some(d("2026-08-21"));
    f.due_rule = "working_days_after_allocation:10".into(); // 31 Aug bank holiday: due Mon 7 Sep
    let g = audit("g", "C6", "T", Some("2026-09-10"), "Good"); // no due, no allocation: cannot be judged
    let m = run(model(vec![a, b, c, e, f, g]));
    assert_eq!(nd(kpi(&m, "audits_on_time")), (2, Some(4)));
}

#[test]
fn good_or_better_leaves_out_not_applicable_blank_and_unknown() {
    let m = run(model(vec![
        audit("a", "C1", "T", Some("2026-09-10"), "Good"),
        audit("b", "C2", "T", Some("2026-09-10"), "Requires Improvement"),
        audit("c", "C3", "T", Some("2026-09-10"), "Not applicable"),
        audit("d", "C4", "T", Some("2026-09-10"), ""),
        audit("e", "C5", "T", Some("2026-09-10"), "Met"),
        audit("f", "C6", "T", Some("2026-09-10"), "Does not meet good"),
        audit("g", "C7", "T", Some("2026-11-10"), "Good"),
    ]));
    let k = kpi(&m, "overall_good_or_better");
    assert_eq!(nd(k), (2, Some(4)));
    assert_eq!(k.value.value(), Some(0.5));
    assert_eq!((k.target, k.status, k.status_label), (Some(0.8), "off_target", "Off target"));
    let dist = &m.distributions.overall.counts;
    assert_eq!(
        (dist.good, dist.requires_improvement, dist.good_or_better_unbanded, dist.below_good_unbanded, dist.not_applicable),
        (1.into(), 1.into(), 1.into(), 1.into(), 1.into())
    );
}

fn action(audit_id: Option<&str>, set: Option<&str>, due: Option<&str>, done: Option<&str>) -> Action {
    Action {
        audit_id: audit_id.map(str::to_string),
        text: "Do it".into(),
        team: Some("T".into()),
        set: set.map(d),
        due: due.map(d),
        completed: done.map(d),
        ..Default::default()
    }
}

#[test]
fn actions_on_time_and_overdue() {
    let mut m = model(vec![audit("au", "C1", "T", Some("2026-10-01"), "Inadequate")]);
    m.actions = vec![
        // Set Fri 21 Aug, no due date: 10 working days over the bank holiday is Mon 7 Sep.
        action(None, Some("2026-08-21"), None, Some("2026-09-07")), // on time only because 31 Aug is a holiday
        action(None, Some("2026-08-21"), None, Some("2026-09-08")), // late
        // No set date: 10 working days after its audit (1 Oct) = 15 Oct; open → overdue.
        action(Some("au"), None, None, None),
        action(None, None, Some("2026-10-31"), None),               // due exactly on as_of: not overdue
        action(None, None, Some("2026-10-30"), None),               // overdue
        action(None, None, Some("2026-10-20"), Some("2026-10-25")), // late but done
        action(None, None, Some("2026-10-20"), Some("2026-11-05")), // done after as_of: overdue at as_of
        action(None, None, None, None),                             // nothing to go on: not counted
    ];
    let met = run(m);
    // Due in period: 7 Sep ×2, 15 Oct, 31 Oct, 30 Oct, 20 Oct ×2 = 7; on time: only the first.
    assert_eq!(nd(kpi(&met, "actions_on_time")), (1, Some(7)));
    assert_eq!(nd(kpi(&met, "actions_overdue")), (3, None));
    let overdue = &met.actions.overdue;
    assert_eq!(overdue.len(), 3);
    // 15 Oct → 31 Oct (Sat): 16 Oct, 19–23, 26–30 = 11 working days overdue, listed first.
    assert_eq!((overdue[0].due, overdue[0].working_days_overdue), (d("2026-10-15"), 11));
}

#[test]
fn moderation_coverage_and_agreement() {
    let mut a = audit("a", "C1", "T", Some("2026-09-10"), "Good");
    a.moderated = Some(true);
    a.moderator_agrees = Some(true);
    let mut b = audit("b", "C2", "T", Some("2026-09-10"), "Good");
    b.moderated = Some(true);
    b.moderated_overall = judge("Requires Improvement"); // no flag: bands differ → disagree
    let c = audit("c", "C3", "T", Some("2026-09-10"), "Good");
    let mut e = audit("e", "C4", "T", Some("2026-09-10"), "Met");
    e.moderated = Some(true);
    e.moderated_overall = judge("Good"); // unbanded vs banded: "Met" may be outstanding → cannot be told equal, not agreed
    let mut f = audit("f", "C5", "T", Some("2026-09-10"), "Good");
    f.moderated = Some(true); // moderated, nothing to compare: stays in the denominator, not agreed
    let m = run(model(vec![a, b, c, e, f]));
    assert_eq!(nd(kpi(&m, "moderation_coverage")), (4, Some(5)));
    assert_eq!(nd(kpi(&m, "moderation_agreement")), (1, Some(4)));
    assert_eq!((m.moderation.by_team[0].moderated.n(), m.moderation.by_team[0].agreed.n()), (Some(4), Some(1)), "the table agrees with the KPI");
    assert_eq!(m.moderation.direction.moderator_lower, 1);
    assert_eq!(m.moderation.matrix["good"]["requires_improvement"], 1);
}

#[test]
fn grades_on_two_scales_agree_only_when_equal_on_the_canonical_scale() {
    // METRICS.md: "the moderated overall grade equals the auditor's on the
    // canonical scale". "Does not meet good" is RI or inadequate (DOMAIN.md).
    let agreed = |auditor: &str, moderator: &str| {
        let mut a = audit("a", "C1", "T", Some("2026-09-10"), auditor);
        a.moderated = Some(true);
        a.moderated_overall = judge(moderator);
        a.moderator_agreed()
    };
    assert_eq!(agreed("Good", "Good"), Some(true));
    assert_eq!(agreed("Good", "Requires Improvement"), Some(false));
    assert_eq!(agreed("Does not meet good", "Does not meet good"), Some(true), "one scale, one label");
    assert_eq!(agreed("Partially met", "Not met"), Some(false), "two grades of one scale");
    assert_eq!(agreed("Partially met", "Does not meet good"), Some(true), "two scales, neither banded: the side of good is their one common claim");
    assert_eq!(agreed("Does not meet good", "Inadequate"), None, "RI or inadequate against inadequate: cannot be told");
    assert_eq!(agreed("Requires Improvement", "Does not meet good"), None);
    assert_eq!(agreed("Met", "Good"), None);
    assert_eq!(agreed("Met", "Inadequate"), Some(false), "different sides of good differ");
    assert_eq!(agreed("Outstanding", "Does not meet good"), Some(false));
}

#[test]
fn an_as_of_date_before_the_period_ends_leaves_out_what_is_not_yet_due() {
    // As at Thursday 15 October: "nothing is overdue before its time".
    let as_of = date(2026, 10, 15);
    let due = |id: &str, due: &str, done: Option<&str>| {
        let mut a = audit(id, id, "T", done, "Good");
        a.due = Some(d(due));
        a
    };
    let mut m = model(vec![
        due("a1", "2026-09-30", Some("2026-10-02")),             // late
        due("a2", "2026-10-31", None),                           // not yet due: left out
        due("a3", "2026-10-31", Some("2026-10-10")),             // done early: on time
        audit("x1", "K", "T", Some("2026-08-01"), "Inadequate"), // deadline 1 Oct, no re-audit: not in time
        audit("y1", "L", "T", Some("2026-08-20"), "Inadequate"), // deadline 20 Oct, after as_of: left out
    ]);
    m.actions = vec![
        action(None, None, Some("2026-10-10"), Some("2026-10-09")), // on time
        action(None, None, Some("2026-10-20"), None),               // not yet due: left out
        action(None, None, Some("2026-10-20"), Some("2026-10-12")), // done before its time: on time
        action(None, None, Some("2026-10-12"), None),               // late, and overdue
        action(None, None, Some("2026-10-14"), Some("2026-10-16")), // done after as_of: late at as_of
    ];
    let met = run_with(m, vec![], sep_oct(), as_of);
    assert_eq!(nd(kpi(&met, "audits_on_time")), (1, Some(2)));
    assert_eq!(nd(kpi(&met, "actions_on_time")), (2, Some(4)));
    assert_eq!(nd(kpi(&met, "actions_overdue")), (2, None));
    assert_eq!(nd(kpi(&met, "inadequate_reaudited_in_time")), (0, Some(1)));
}

#[test]
fn inadequate_reaudit_on_the_two_month_boundary() {
    let m = run(model(vec![
        audit("x1", "K", "T", Some("2026-07-31"), "Inadequate"),           // deadline 30 Sep
        audit("x2", "K", "T", Some("2026-09-30"), "Requires Improvement"), // on the deadline: in time
        audit("y1", "L", "T", Some("2026-08-31"), "Inadequate"),           // deadline 31 Oct
        audit("y2", "L", "T", Some("2026-11-01"), "Good"),                 // a day late
        audit("z1", "M", "T", Some("2026-06-30"), "Inadequate"),           // deadline 30 Aug: not this period
    ]));
    assert_eq!(nd(kpi(&m, "inadequate_reaudited_in_time")), (1, Some(2)));
}

#[test]
fn spoken_to_counts_yes_out_of_yes_or_no() {
    let mk = |id: &str, ans: Answer| {
        let mut a = audit(id, id, "T", Some("2026-09-10"), "Good");
        a.spoke_child = ans;
        a.spoke_family = ans;
        a.spoke_practitioner = ans;
        a
    };
    let m = run(model(vec![mk("a", Answer::Yes), mk("b", Answer::No), mk("c", Answer::NotApplicable), mk("e", Answer::Blank)]));
    for id in ["child_spoken_to", "family_spoken_to", "practitioner_spoken_to"] {
        assert_eq!(nd(kpi(&m, id)), (1, Some(2)), "{id}");
    }
}

fn note(m: &mut Model, child: &str, kind: NoteKind, event: &str, recorded: Option<&str>, seen: SeenAlone) {
    let team = m.strings.intern("T");
    let nt = m.strings.intern(kind.as_str());
    m.case_notes.push(CaseNote {
        child: m.children.intern(child),
        note_type: nt,
        kind,
        event: d(event),
        recorded: recorded.map(d),
        seen_alone: seen,
        author: 0,
        team,
        row: 0,
        source: 0,
    });
}

fn episode(child: &str, kind: EpisodeKind, start: &str, end: Option<&str>) -> Episode {
    Episode { origin: Origin::default(), child_id: child.into(), kind, source_status: String::new(), start: d(start), end: end.map(d), team: Some("T".into()) }
}

#[test]
fn statutory_visits_in_time() {
    let mut m = model(vec![]);
    m.episodes = vec![
        episode("P", EpisodeKind::Cp, "2026-01-01", None),
        episode("Q", EpisodeKind::Cp, "2026-10-01", None),               // starts mid-period
        episode("R", EpisodeKind::Cp, "2026-01-01", Some("2026-08-31")), // ended before the period
        episode("S", EpisodeKind::Cla, "2026-05-01", None),
        episode("U", EpisodeKind::Cla, "2026-05-01", None),
    ];
    // P: 25 Aug → 7 Sep is 8 working days (31 Aug holiday), then 9, 10, 10, 10, and 0 to as_of.
    for e in ["2026-08-25", "2026-09-07", "2026-09-18", "2026-10-02", "2026-10-16", "2026-10-30"] {
        note(&mut m, "P", NoteKind::CpVisit, e, Some(e), SeenAlone::Yes);
    }
    // Q: plan from 1 Oct, first visit 19 Oct: 12 working days.
    note(&mut m, "Q", NoteKind::StatutoryVisit, "2026-10-19", Some("2026-10-19"), SeenAlone::No);
    // S: 41, 20, then 11 days to as_of: in time. U: 50 days: not.
    for e in ["2026-08-20", "2026-09-30", "2026-10-20"] {
        note(&mut m, "S", NoteKind::ClaVisit, e, Some(e), SeenAlone::NotRecorded);
    }
    for e in ["2026-08-01", "2026-09-20"] {
        note(&mut m, "U", NoteKind::ClaVisit, e, Some(e), SeenAlone::Yes);
    }
    let met = run(m);
    assert_eq!(nd(kpi(&met, "cp_visits_in_time")), (1, Some(2)));
    assert_eq!(nd(kpi(&met, "cla_visits_in_time")), (1, Some(2)));
    let out: Vec<(&str, i64)> = met.case_notes.children_out_of_timescale.iter().map(|c| (c.child_id.as_str(), c.longest_gap)).collect();
    assert_eq!(out, [("U", 50), ("Q", 12)], "longest gap first within a team");
    // Visits in the period: P 5, Q 1, S 2, U 1 = 9; seen alone recorded: P 5, Q 1, U 1 = 7.
    assert_eq!(nd(kpi(&met, "seen_alone_recorded")), (7, Some(9)));
}

#[test]
fn a_plan_written_as_episodes_that_follow_on_is_one_plan() {
    // SSDA903 writes a row per change of legal status: L is looked after
    // throughout (V2 to 15 Sep, C1 from 15 Sep, C2 from 21 Oct), so the gap
    // from the August visit to 25 Sep is 46 days, not two shorter gaps split
    // at the change. M's rows follow on the next day, with the later one read
    // first: one plan too. N's second plan starts after a week off care: a new
    // plan, whose first gap is counted from its own start.
    let mut m = model(vec![]);
    m.episodes = vec![
        episode("L", EpisodeKind::Cla, "2026-03-03", Some("2026-09-15")),
        episode("L", EpisodeKind::Cla, "2026-09-15", Some("2026-10-20")),
        episode("L", EpisodeKind::Cla, "2026-10-20", None),
        episode("M", EpisodeKind::Cla, "2026-09-10", None),
        episode("M", EpisodeKind::Cla, "2026-02-01", Some("2026-09-09")),
        episode("N", EpisodeKind::Cla, "2026-02-01", Some("2026-09-01")),
        episode("N", EpisodeKind::Cla, "2026-09-09", None),
    ];
    for e in ["2026-08-10", "2026-09-25", "2026-10-20"] {
        note(&mut m, "L", NoteKind::ClaVisit, e, Some(e), SeenAlone::Yes);
    }
    // M: 1 Aug → 20 Sep is 50 days across the change on 10 Sep.
    for e in ["2026-08-01", "2026-09-20", "2026-10-20"] {
        note(&mut m, "M", NoteKind::ClaVisit, e, Some(e), SeenAlone::Yes);
    }
    // N: the first plan's part of the period is 1 Sep (a day from the 31 Aug
    // visit); the second's gaps are 9 Sep → 15 Oct → 31 Oct: 36 and 16 days.
    for e in ["2026-07-20", "2026-08-31", "2026-10-15"] {
        note(&mut m, "N", NoteKind::ClaVisit, e, Some(e), SeenAlone::Yes);
    }
    let met = run(m);
    let out: Vec<(&str, i64)> = met.case_notes.children_out_of_timescale.iter().map(|c| (c.child_id.as_str(), c.longest_gap)).collect();
    assert_eq!(out, [("M", 50), ("L", 46)]);
    assert_eq!(nd(kpi(&met, "cla_visits_in_time")), (1, Some(3)));
}

#[test]
fn a_childs_visits_under_two_spellings_of_its_id_are_one_childs_visits() {
    // "P  1" and "P 1" are one id once tidied (METRICS.md: inner runs of spaces
    // collapsed): its visits every 7 or 8 days are in time, not one 58-day gap.
    let mut m = model(vec![]);
    m.episodes = vec![episode("P 1", EpisodeKind::Cp, "2026-06-15", None)];
    for (id, e) in [
        ("P 1", "2026-08-25"),
        ("P  1", "2026-09-04"),
        ("P 1", "2026-09-15"),
        ("P  1", "2026-09-25"),
        ("P 1", "2026-10-07"),
        ("P  1", "2026-10-19"),
        ("P 1", "2026-10-29"),
    ] {
        note(&mut m, id, NoteKind::CpVisit, e, Some(e), SeenAlone::Yes);
    }
    crate::normalise::identity::canonicalise(&mut m, &mut crate::normalise::findings::Findings::default());
    assert_eq!(m.children.get(m.case_notes[0].child), m.children.get(m.case_notes[1].child), "one text, two interned ids");
    assert_ne!(m.case_notes[0].child, m.case_notes[1].child);
    let met = run(m);
    assert_eq!(nd(kpi(&met, "cp_visits_in_time")), (1, Some(1)));
    assert!(met.case_notes.children_out_of_timescale.is_empty());
}

#[test]
fn a_plan_older_than_the_case_notes_counts_its_first_gap_from_their_first_day() {
    // P has been on a plan since January 2025; the notes export starts on
    // 1 September. The visit before it is not in the exports: the first gap is
    // counted from 1 September (2 working days to 3 September), not from the
    // plan's start 20 months back.
    let mut m = model(vec![]);
    m.episodes = vec![episode("P", EpisodeKind::Cp, "2025-01-06", None), episode("L", EpisodeKind::Cla, "2024-03-01", None)];
    for e in ["2026-09-03", "2026-09-15", "2026-09-25", "2026-10-07", "2026-10-19", "2026-10-29"] {
        note(&mut m, "P", NoteKind::CpVisit, e, Some(e), SeenAlone::Yes);
    }
    note(&mut m, "L", NoteKind::ClaVisit, "2026-09-20", Some("2026-09-20"), SeenAlone::Yes);
    let analysed = |m: &Model, notes_start: Option<NaiveDate>| {
        let n = Normalised { model: m.clone(), notes_start, ..Default::default() };
        let params = Params { period: sep_oct(), as_of: date(2026, 10, 31) };
        analyse(&n, &Config::defaults(), &crate::calendar::Calendar::default(), &params)
    };
    let met = analysed(&m, Some(date(2026, 9, 1)));
    assert_eq!(nd(kpi(&met, "cp_visits_in_time")), (1, Some(1)));
    // L: 1 Sep → 20 Sep → 31 Oct: 19 and 41 days, in time.
    assert_eq!(nd(kpi(&met, "cla_visits_in_time")), (1, Some(1)));
    // The previous period (July–August) is before the notes: not in the exports, not 0%.
    let before = kpi(&met, "cp_visits_in_time").previous.as_ref().expect("previous");
    assert_eq!(before.value.value(), None);
    assert_eq!(kpi(&met, "cp_visits_in_time").change.value(), None);
    // Without the notes' first day the plan start anchors it: out of time.
    assert_eq!(nd(kpi(&analysed(&m, None), "cp_visits_in_time")), (0, Some(1)));
    let w = notes_start_warning(&m, Some(date(2026, 9, 1)), &sep_oct(), date(2026, 10, 31)).expect("a warning");
    assert!(w.action.contains("2 children (L, P) have no visit in the exports before this period"), "{}", w.action);
    // A visit read before the period, and before the one before it (which the
    // packs compare with), anchors the gap itself: no warning for that child.
    note(&mut m, "P", NoteKind::CpVisit, "2026-06-30", Some("2026-06-30"), SeenAlone::Yes);
    let w = notes_start_warning(&m, Some(date(2026, 6, 30)), &sep_oct(), date(2026, 10, 31)).expect("a warning");
    assert!(w.action.contains("1 child (L) has no visit in the exports before this period"), "{}", w.action);
    // A visit in August anchors this period's gap, not the previous period's:
    // the warning says which period it is about.
    note(&mut m, "L", NoteKind::ClaVisit, "2026-08-15", Some("2026-08-15"), SeenAlone::Yes);
    let w = notes_start_warning(&m, Some(date(2026, 6, 30)), &sep_oct(), date(2026, 10, 31)).expect("a warning");
    assert!(w.action.contains("1 child (L) has none before the previous period") && !w.action.contains("this period"), "{}", w.action);
    // Notes that start more than two weeks into the period, or after it: its
    // case-note KPIs are not in the exports (not a 100% from a few weeks).
    for late in [date(2026, 9, 16), date(2026, 11, 2)] {
        let w = notes_start_warning(&m, Some(late), &sep_oct(), date(2026, 10, 31)).expect("a warning");
        assert!(w.action.contains("more than two weeks after the period starts"), "{}", w.action);
        assert!(kpi(&analysed(&m, Some(late)), "cp_visits_in_time").not_in_source);
    }
    assert!(!kpi(&analysed(&m, Some(date(2026, 9, 15))), "cp_visits_in_time").not_in_source, "two weeks in: counted");
}

#[test]
fn notes_recorded_within_four_weeks() {
    let mut m = model(vec![]);
    note(&mut m, "A", NoteKind::Other, "2026-10-01", Some("2026-10-29"), SeenAlone::NotRecorded); // 28 days: in time
    note(&mut m, "A", NoteKind::Other, "2026-10-01", Some("2026-10-30"), SeenAlone::NotRecorded); // 29 days
    note(&mut m, "A", NoteKind::Supervision, "2026-10-01", None, SeenAlone::NotRecorded); // never recorded
    note(&mut m, "A", NoteKind::Other, "2026-08-31", Some("2026-09-01"), SeenAlone::NotRecorded); // not in the period
    let met = run(m);
    assert_eq!(nd(kpi(&met, "notes_recorded_in_time")), (1, Some(3)));
    assert_eq!(nd(kpi(&met, "seen_alone_recorded")), (0, Some(0)));
    let t = &met.case_notes.by_team[0];
    assert_eq!(t.lag_bands.map(|c| c.n().expect("shown")), [0, 0, 0, 1, 1, 1]);
}

#[test]
fn themes_and_domain_drivers() {
    let mut a = audit("a", "C1", "T", Some("2026-09-10"), "Inadequate");
    a.evidence = "Drift and delay; the fathers were not engaged.".into();
    a.domains = vec![
        DomainJudgement { domain: Some("planning".into()), question: "Plans".into(), judgement: judge("Not met") },
        DomainJudgement { domain: Some("voice".into()), question: "Voice".into(), judgement: judge("Met") },
    ];
    let mut b = audit("b", "C2", "T", Some("2026-09-12"), "Good");
    b.evidence = "Good direct work; no delay.".into();
    b.domains = vec![
        DomainJudgement { domain: Some("planning".into()), question: "Plans".into(), judgement: judge("Met") },
        DomainJudgement { domain: Some("voice".into()), question: "Voice".into(), judgement: judge("Not met") },
    ];
    let m = run(model(vec![a, b]));
    let drivers = &m.themes.domain_drivers;
    assert_eq!(drivers[0].domain, "planning", "below good only where the overall is below good");
    assert_eq!(drivers[0].association.value(), Some(1.0));
    assert_eq!(drivers[1].association.value(), Some(-1.0));
    let drift = m.themes.text_themes.iter().find(|t| t.id == "drift_delay").unwrap();
    assert_eq!((drift.audits, drift.in_below_good, drift.in_good_or_better), (2.into(), 1.into(), 1.into()));
    let fathers = m.themes.text_themes.iter().find(|t| t.id == "fathers").unwrap();
    assert_eq!(fathers.example_audits, ["a"]);
}

#[test]
fn auditor_load_against_ten_a_year() {
    let audits: Vec<Audit> = (0..11)
        .map(|i| {
            let mut a = audit(&format!("a{i}"), &format!("C{i}"), "T", Some(&format!("2026-{:02}-10", i + 1)), "Good");
            a.auditor = Some("Auditor One".into());
            a
        })
        .collect();
    let m = run(model(audits));
    let one = &m.auditors[0];
    assert_eq!((one.audits_last_12_months, one.over_annual_limit), (10.into(), false), "November's audit is after as_of");
}

#[test]
fn same_model_same_json() {
    let mk = || run(model(vec![audit("a", "C1", "T", Some("2026-09-10"), "Good"), audit("b", "C2", "U", Some("2026-10-10"), "RI")]));
    assert_eq!(crate::render::json::metrics_json(&mk()), crate::render::json::metrics_json(&mk()));
}

// ---- Missing inputs, identity and plausibility, periods (issue 8) ----

use crate::normalise::columns::{ColumnMap, TableKind, Target};

/// A table report as the reader would leave it, with columns for `fields`.
fn table(file: &str, kind: TableKind, fields: &[&str]) -> TableReport {
    let mut t = TableReport::new(file, None, None);
    t.kind = kind;
    t.columns = fields
        .iter()
        .enumerate()
        .map(|(i, f)| ColumnMap { index: i, header: f.to_string(), target: Target::Field(f.to_string()), reason: "test".into(), scale: None, score: 100 })
        .collect();
    t
}

fn from(file: &str, mut a: Audit) -> Audit {
    a.origin = Origin { file: file.into(), sheet: None, row: 2 };
    a
}

fn run_with(model: Model, tables: Vec<TableReport>, period: Period, as_of: NaiveDate) -> Metrics {
    let n = Normalised { model, tables, ..Default::default() };
    analyse(&n, &Config::defaults(), &crate::calendar::Calendar::default(), &Params { period, as_of })
}

fn sep_oct() -> Period {
    Period::bimonthly_starting(date(2026, 9, 1))
}

#[test]
fn a_kpi_no_table_records_is_not_in_source_never_zero() {
    let mut a = from("a.csv", audit("a", "C1", "T", Some("2026-09-10"), "Good"));
    a.moderated = Some(true);
    let b = from("b.csv", audit("b", "C2", "T", Some("2026-09-12"), "Good"));
    let tables = vec![
        table("a.csv", TableKind::Audits, &["child_id", "completed_date", "overall", "moderated"]),
        table("b.csv", TableKind::Audits, &["child_id", "completed_date", "overall"]),
    ];
    let m = run_with(model(vec![a, b]), tables, sep_oct(), date(2026, 10, 31));
    // Moderation is recorded in a.csv only: b.csv's audit is left out, not counted as unmoderated.
    let cov = kpi(&m, "moderation_coverage");
    assert_eq!((nd(cov), cov.not_in_source), ((1, Some(1)), false));
    assert_eq!(nd(kpi(&m, "audits_completed")), (2, None));
    // No table has a "spoken to" column: null, flagged, no target status.
    let spoke = kpi(&m, "child_spoken_to");
    assert_eq!((spoke.numerator.n(), spoke.denominator.and_then(|d| d.n()), spoke.value.value(), spoke.not_in_source), (Some(0), Some(0), None, true));
    assert_eq!((spoke.status, spoke.status_label), ("no_data", "Not in the exports"));
    assert!(spoke.by_team.is_empty() && spoke.change.value().is_none());
    // No agreement column either: not in source, though audits are moderated.
    assert!(kpi(&m, "moderation_agreement").not_in_source);
    // No actions, case notes or episodes read at all.
    for id in ["actions_on_time", "actions_overdue", "cp_visits_in_time", "cla_visits_in_time", "seen_alone_recorded", "notes_recorded_in_time"] {
        assert!(kpi(&m, id).not_in_source, "{id}");
    }
    let overdue = kpi(&m, "actions_overdue");
    assert_eq!((overdue.denominator, overdue.value.value()), (None, None), "a count KPI keeps a null denominator");
    let json = String::from_utf8(crate::render::json::metrics_json(&m)).unwrap();
    assert!(json.contains("\"not_in_source\": true"));
    let pack = crate::render::doc::build(&m, crate::render::doc::ReportKind::BoardPack, &Default::default());
    let shown = format!("{pack:?}");
    assert!(shown.contains("not in the exports"), "the pack says so");
}

#[test]
fn a_field_only_last_years_table_carries_is_not_in_this_periods_exports() {
    // Last year's form asked "spoken to the family" and had a due date; this
    // year's form (the period's audits) asks neither.
    let old = |id: &str, done: &str| {
        let mut a = from("2025-26.csv", audit(id, "C9", "T", Some(done), "Good"));
        a.spoke_family = Answer::Yes;
        a.due = Some(d("2025-06-30"));
        a
    };
    let tables = || {
        vec![
            table("2025-26.csv", TableKind::Audits, &["child_id", "completed_date", "overall", "spoke_family", "due_date"]),
            table("2026-27.csv", TableKind::Audits, &["child_id", "completed_date", "overall"]),
        ]
    };
    let this_year =
        vec![from("2026-27.csv", audit("n1", "C1", "T", Some("2026-09-10"), "Good")), from("2026-27.csv", audit("n2", "C2", "T", Some("2026-10-02"), "Good"))];
    let mut audits = this_year.clone();
    audits.extend([old("o1", "2025-06-20"), old("o2", "2025-07-01")]);
    let n = Normalised { model: model(audits.clone()), tables: tables(), ..Default::default() };
    let m = run_with(model(audits.clone()), tables(), sep_oct(), date(2026, 10, 31));
    for id in ["family_spoken_to", "audits_on_time"] {
        let k = kpi(&m, id);
        assert_eq!((nd(k), k.value.value(), k.not_in_source), ((0, Some(0)), None, true), "{id}");
    }
    assert_eq!(nd(kpi(&m, "audits_completed")), (2, None));
    assert_eq!(nd(kpi(&m, "overall_good_or_better")), (2, Some(2)), "both tables carry the overall");
    let said = super::fields_before_period(&n, &Config::defaults(), &crate::calendar::Calendar::default(), &sep_oct());
    let family = said.iter().find(|f| f.value == "family_spoken_to").expect("a warning for family_spoken_to");
    assert_eq!((family.severity, family.code), (Severity::Warning, "kpi_not_in_source"));
    assert!(
        family.action.contains("'spoke_family'") && family.action.contains("2025-26.csv") && family.action.contains("not in the exports for this period"),
        "{}",
        family.action
    );
    assert!(!said.iter().any(|f| f.value == "overall_good_or_better"));
    // The period that last year's audits fall in still has the figure.
    let last_year = Period::bimonthly_starting(date(2025, 5, 1));
    let then = run_with(model(audits.clone()), tables(), last_year, date(2025, 6, 30));
    assert_eq!((nd(kpi(&then, "family_spoken_to")), kpi(&then, "family_spoken_to").not_in_source), ((1, Some(1)), false));
    // One of last year's table's audits completed in the period: made as before.
    audits.push(old("o3", "2026-09-20"));
    let m = run_with(model(audits.clone()), tables(), sep_oct(), date(2026, 10, 31));
    assert_eq!((nd(kpi(&m, "family_spoken_to")), kpi(&m, "family_spoken_to").not_in_source), ((1, Some(1)), false));
    // Or due in it, though not done: in audits_on_time as before (late).
    audits.pop();
    let mut due = old("o4", "2025-06-20");
    (due.completed, due.due) = (None, Some(d("2026-09-30")));
    audits.push(due);
    let m = run_with(model(audits), tables(), sep_oct(), date(2026, 10, 31));
    assert_eq!((nd(kpi(&m, "audits_on_time")), kpi(&m, "audits_on_time").not_in_source), ((0, Some(1)), false));
}

#[test]
fn coverage_warnings_name_the_field_the_kpi_and_the_records_left_out() {
    let a = from("a.csv", audit("a", "C1", "T", Some("2026-09-10"), "Good"));
    let tables = vec![table("a.csv", TableKind::Audits, &["child_id", "completed_date", "overall", "spoke_child"])];
    let m = model(vec![a]);
    let mut f = crate::normalise::findings::Findings::default();
    crate::normalise::coverage::findings(&tables, &m, &Config::defaults(), &mut f);
    let left_out = f.list.iter().find(|x| x.code == "field_not_in_table" && x.value.contains("spoke_family")).expect("per-table warning");
    assert_eq!((left_out.severity, left_out.file.as_str()), (Severity::Warning, "a.csv"));
    assert!(left_out.action.contains("its 1 audit is left out of family_spoken_to"), "{}", left_out.action);
    let none = f.list.iter().find(|x| x.code == "kpi_not_in_source" && x.value == "family_spoken_to").expect("per-KPI warning");
    assert!(none.action.contains("no audit table has a column for") && none.action.contains("spoke_family"), "{}", none.action);
    assert!(!f.list.iter().any(|x| x.code == "kpi_not_in_source" && x.value == "child_spoken_to"), "a.csv records it");
    assert!(f.list.iter().any(|x| x.code == "kpi_not_in_source" && x.value == "cp_visits_in_time" && x.action.contains("no legal-status table was read")));
}

#[test]
fn seen_alone_not_applicable_stays_in_the_denominator() {
    let mut m = model(vec![]);
    note(&mut m, "A", NoteKind::CpVisit, "2026-09-10", Some("2026-09-10"), SeenAlone::Yes);
    note(&mut m, "A", NoteKind::CpVisit, "2026-09-20", Some("2026-09-20"), SeenAlone::NotApplicable);
    note(&mut m, "A", NoteKind::CpVisit, "2026-09-30", Some("2026-09-30"), SeenAlone::NotRecorded);
    let met = run(m);
    // METRICS.md: recorded as yes or no / statutory visits in the period.
    assert_eq!(nd(kpi(&met, "seen_alone_recorded")), (1, Some(3)));
    assert_eq!(met.case_notes.by_team[0].seen_not_applicable, 1);
}

#[test]
fn case_notes_from_an_export_without_the_column_leave_that_kpi() {
    let mut m = model(vec![]);
    let with = m.strings.intern("with.csv");
    let without = m.strings.intern("without.csv");
    note(&mut m, "A", NoteKind::CpVisit, "2026-09-10", Some("2026-09-10"), SeenAlone::Yes);
    note(&mut m, "B", NoteKind::CpVisit, "2026-09-11", None, SeenAlone::NotRecorded);
    m.case_notes[0].source = with;
    m.case_notes[1].source = without;
    let tables = vec![
        table("with.csv", TableKind::CaseNotes, &["child_id", "note_type", "event_date", "recorded_date", "seen_alone"]),
        table("without.csv", TableKind::CaseNotes, &["child_id", "note_type", "event_date"]),
    ];
    let met = run_with(m, tables, sep_oct(), date(2026, 10, 31));
    assert_eq!(nd(kpi(&met, "seen_alone_recorded")), (1, Some(1)));
    assert_eq!(nd(kpi(&met, "notes_recorded_in_time")), (1, Some(1)));
    assert!(kpi(&met, "cp_visits_in_time").not_in_source, "no legal-status table");
}

#[test]
fn actions_from_an_export_without_a_sign_off_column_are_not_overdue() {
    let mut m = model(vec![]);
    let mut act = action(None, None, Some("2026-09-10"), None);
    act.origin = Origin { file: "acts.csv".into(), sheet: None, row: 2 };
    m.actions = vec![act];
    let tables = vec![table("acts.csv", TableKind::Actions, &["text", "due_date"])];
    let met = run_with(m, tables, sep_oct(), date(2026, 10, 31));
    assert!(kpi(&met, "actions_overdue").not_in_source);
    assert!(met.actions.overdue.is_empty(), "not listed as overdue either");
}

#[test]
fn end_of_cycle_due_dates_do_not_move_with_the_report_period() {
    let mut a = audit("a", "C1", "T", Some("2026-10-20"), "Good");
    a.allocated = Some(d("2026-09-10"));
    a.due_rule = "end_of_cycle".into(); // the January grid: September–October, due 31 October
    let oct_nov = Period::bimonthly_starting(date(2026, 10, 1));
    let m = run_with(model(vec![a.clone()]), vec![], oct_nov, date(2026, 11, 30));
    assert_eq!(nd(kpi(&m, "audits_on_time")), (1, Some(1)), "due 31 Oct, in October–November");
    let m = run_with(model(vec![a]), vec![], sep_oct(), date(2026, 10, 31));
    assert_eq!(nd(kpi(&m, "audits_on_time")), (1, Some(1)), "the same due date reporting September–October");
}

#[test]
fn a_month_of_audit_gives_month_based_due_dates_only() {
    let mut a = audit("a", "C1", "T", Some("2026-10-02"), "Good");
    a.allocated_month = Some(date(2026, 9, 1)); // end of allocation month: due 30 Sep, late
    let mut b = audit("b", "C2", "T", Some("2026-09-20"), "Good");
    b.allocated_month = Some(date(2026, 9, 1));
    b.due_rule = "days_after_allocation:14".into(); // needs a day: cannot be judged
    let m = run(model(vec![a, b]));
    assert_eq!(nd(kpi(&m, "audits_on_time")), (0, Some(1)));
}

#[test]
fn default_period_is_the_latest_ended_grid_period_with_completions() {
    let today = date(2026, 11, 28);
    let mk = |dates: &[&str]| model(dates.iter().enumerate().map(|(i, c)| audit(&format!("a{i}"), "C", "T", Some(c), "Good")).collect());
    // Exports taken on 9 November, run on 28 November: September–October, not November–December.
    let (p, c) = Params::choose(&mk(&["2026-10-29", "2026-11-09", "2062-09-03"]), None, None, today, 1).unwrap();
    assert_eq!((p.period, p.as_of, c.rule), (sep_oct(), date(2026, 10, 31), "latest_ended_with_activity"));
    assert!(c.reason.contains("2026-11-28"), "{}", c.reason);
    // A typed 1906 or 2062 never chooses the period.
    let (p, _) = Params::choose(&mk(&["2026-06-10", "1906-09-03", "2062-09-03"]), None, None, today, 1).unwrap();
    assert_eq!(p.period, Period::bimonthly_starting(date(2026, 5, 1)));
    // Only completions this period: the current one, as at today (nothing overdue before its time).
    let (p, c) = Params::choose(&mk(&["2026-11-09"]), None, None, today, 1).unwrap();
    assert_eq!((p.period, p.as_of, c.rule), (Period::bimonthly_starting(date(2026, 11, 1)), today, "current"));
    // A grid starting in February.
    let (p, _) = Params::choose(&mk(&["2026-09-20", "2026-10-29"]), None, None, today, 2).unwrap();
    assert_eq!(p.period, Period::bimonthly_starting(date(2026, 8, 1)), "October–November has not ended");
    // On the last day of a period, that period has ended.
    let (p, _) = Params::choose(&mk(&["2026-10-29"]), None, None, date(2026, 10, 31), 1).unwrap();
    assert_eq!((p.period, p.as_of), (sep_oct(), date(2026, 10, 31)));
    // Given on the command line: kept, and as_of still never after today.
    let (p, c) = Params::choose(&mk(&["2026-10-29"]), Some(Period::bimonthly_starting(date(2026, 11, 1))), None, today, 1).unwrap();
    assert_eq!((p.as_of, c.rule), (today, "argument"));
    assert!(Params::choose(&model(vec![]), None, None, today, 1).is_none(), "nothing read: no period");
}

#[test]
fn implausible_dates_never_stretch_the_trend_axis() {
    let m = run(model(vec![audit("a", "C1", "T", Some("2026-09-10"), "Good"), audit("b", "C2", "T", Some("1906-09-10"), "Good")]));
    let t = m.trends.iter().find(|t| t.id == "audits_completed").unwrap();
    assert_eq!(t.points.len(), 1, "the 1906 typo adds no periods");
}

/// Audits completed after the reported period are not counted as completed in it: a note
/// says how many and when the last was, so they are not thought lost; a date
/// after today (a typed year) is not one of them.
#[test]
fn audits_completed_after_the_period_are_said() {
    let period = Period::bimonthly_starting(date(2026, 9, 1));
    let today = date(2026, 11, 30);
    let m = model(vec![
        audit("a", "C1", "North", Some("2026-10-31"), "Good"),
        audit("b", "C2", "North", Some("2026-11-03"), "Good"),
        audit("c", "C3", "North", Some("2026-11-20"), "Good"),
        audit("d", "C4", "North", Some("2062-04-20"), "Good"),
    ]);
    let f = audits_after_period(&m, &period, today).expect("said");
    assert_eq!((f.code, f.value.as_str()), ("audits_after_period", "2026-11-20"));
    assert!(f.action.starts_with("2 audits were completed after the period ends (2026-10-31"), "{}", f.action);
    assert!(audits_after_period(&model(vec![audit("a", "C1", "North", Some("2026-10-31"), "Good")]), &period, today).is_none());
}

/// Moderations dated after as_of are counted (METRICS counts audits that were
/// moderated), and said.
#[test]
fn moderations_after_as_of_are_counted_and_said() {
    let period = Period::bimonthly_starting(date(2026, 9, 1));
    let moderated = |id: &str, on: &str| Audit { moderated: Some(true), moderation_date: Some(d(on)), ..audit(id, id, "North", Some("2026-10-20"), "Good") };
    let m = model(vec![moderated("a", "2026-10-25"), moderated("b", "2026-11-04"), moderated("c", "2026-11-10")]);
    let f = moderations_after_as_of(&m, &period, date(2026, 10, 31)).expect("said");
    assert_eq!((f.code, f.value.as_str()), ("moderated_after_as_of", "2026-11-10"));
    assert!(f.action.starts_with("2 audits of the period were moderated after the as-of date"), "{}", f.action);
    assert!(moderations_after_as_of(&m, &period, date(2026, 11, 30)).is_none());
}

/// Audits graded below good on a scale with no inadequate grade, whose re-audit
/// deadline falls in the period, are said: inadequate_reaudited_in_time cannot
/// tell whether any was inadequate (review 264's c37). An inadequate grade, a
/// good one, or a deadline outside the period is not said.
#[test]
fn below_good_on_a_scale_without_inadequate_is_said_for_the_reaudit_kpi() {
    let period = Period::bimonthly_starting(date(2026, 9, 1));
    let m = model(vec![
        audit("a", "C1", "North", Some("2026-07-10"), "Does not meet good"),
        audit("b", "C2", "North", Some("2026-08-20"), "Not met"),
        audit("c", "C3", "North", Some("2026-07-15"), "Inadequate"),
        audit("d", "C4", "North", Some("2026-07-15"), "Meets good"),
        audit("e", "C5", "North", Some("2026-05-02"), "Does not meet good"),
    ]);
    let f = below_good_unbanded(&m, &period).expect("said");
    assert_eq!(f.code, "inadequate_not_graded");
    assert!(f.action.starts_with("2 audits graded below good on a scale with no inadequate grade"), "{}", f.action);
    assert!(f.value.contains("Does not meet good") && f.value.contains("Not met"), "{}", f.value);
    assert_eq!(kpi(&run(m), "inadequate_reaudited_in_time").denominator.map(|d| d.n()), Some(Some(1)), "the inadequate audit alone is counted");
    let graded = model(vec![audit("c", "C3", "North", Some("2026-07-15"), "Inadequate"), audit("d", "C4", "North", Some("2026-07-15"), "Meets good")]);
    assert!(below_good_unbanded(&graded, &period).is_none());
}
