//! Issue 8 §3–4 end to end: KPIs the exports do not record, identity,
//! duplicates, implausible dates, the default period and as-of date.

use crate::{auditpack, auditpack_on, root, scratch, stderr, stdout};
use serde_json::Value;
use std::path::Path;

fn kpi<'a>(m: &'a Value, id: &str) -> &'a Value {
    m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap()
}

fn metrics(out: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap()
}

fn run_in(dir: &Path, inputs: &[&str], extra: &[&str]) -> (std::process::Output, Value) {
    let out = dir.join("out");
    let _ = std::fs::remove_dir_all(&out);
    let mut args = vec!["run", "--out", out.to_str().unwrap()];
    args.extend_from_slice(inputs);
    args.extend_from_slice(extra);
    let o = auditpack(dir, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = metrics(&out);
    (o, m)
}

const NO_SPOKE: &str = "Child ID,Team,Completed Date,Overall Judgement\nC1,CP South,10/09/2026,Good\nC2,CP SOUTH,12/09/2026,Requires Improvement\nC3, cp  south ,20/10/2026,Good\n";

#[test]
fn a_kpi_the_exports_do_not_record_is_not_in_the_exports_never_zero() {
    let dir = scratch("gaps-not-in-source");
    std::fs::write(dir.join("audits.csv"), NO_SPOKE).unwrap();
    let (o, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-09"]);
    let k = kpi(&m, "child_spoken_to");
    assert_eq!((k["not_in_source"].as_bool(), k["value"].is_null(), k["denominator"].as_u64()), (Some(true), true, Some(0)));
    assert_eq!(k["status_label"], "Not in the exports");
    assert_eq!(kpi(&m, "actions_overdue")["denominator"], Value::Null, "count KPIs keep a null denominator");
    assert_eq!(kpi(&m, "audits_completed")["not_in_source"], false);
    let err = stderr(&o);
    assert!(err.contains("not in the exports: child_spoken_to (no audit table has a column for spoke_child)"), "{err}");
    let dq: Vec<&Value> = m["data_quality"].as_array().unwrap().iter().filter(|f| f["code"] == "kpi_not_in_source").collect();
    assert!(dq.iter().any(|f| f["value"] == "moderation_coverage" && f["severity"] == "warning"));
    let html = std::fs::read_to_string(dir.join("out/board-pack.html")).unwrap();
    assert!(html.contains("not in the exports"), "the pack says so");
    let v = auditpack(&dir, &["validate", "audits.csv"]);
    assert!(stdout(&v).contains("spoke_child"), "validate names the missing field");
}

#[test]
fn a_table_none_of_whose_rows_can_be_used_does_not_make_its_kpis_measured() {
    // Case notes without any child id column: every row is rejected, so the
    // case-note KPIs are not in the exports, not 0 of 0 "no data".
    let dir = scratch("gaps-unusable-table");
    std::fs::write(dir.join("audits.csv"), NO_SPOKE).unwrap();
    std::fs::write(
        dir.join("notes.csv"),
        "Worker,Contact Date,Observation Type,Child seen alone?,Date Recorded
Ami Rowe,01/09/2026,CP Visit,Yes,02/09/2026
Ami Rowe,03/09/2026,CP Visit,No,03/09/2026
Ami Rowe,05/09/2026,Phone call,,05/09/2026
",
    )
    .unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "--out", out.to_str().unwrap(), "audits.csv", "notes.csv", "--period", "2026-09"]);
    assert_eq!(o.status.code(), Some(1), "a table that cannot be used is an error: {}", stderr(&o));
    let m = metrics(&out);
    for id in ["seen_alone_recorded", "notes_recorded_in_time", "cp_visits_in_time"] {
        assert_eq!(kpi(&m, id)["not_in_source"], true, "{id}");
    }
    assert_eq!(kpi(&m, "audits_completed")["not_in_source"], false);
    let err = stderr(&o);
    assert!(err.contains("no case-note table could be used"), "{err}");
}

#[test]
fn a_visits_kpi_names_only_the_input_that_is_missing() {
    // Case notes with event dates but no legal-status file: the warning says
    // the legal status is missing, not the case notes' event date.
    let dir = scratch("gaps-visits-need");
    std::fs::write(
        dir.join("notes.csv"),
        "Child ID,Contact Date,Observation Type,Child seen alone?\nC1,01/09/2026,CP Visit,Yes\nC2,03/09/2026,CP Visit,No\nC3,05/09/2026,Phone call,\n",
    )
    .unwrap();
    let (o, m) = run_in(&dir, &["notes.csv"], &["--period", "2026-09"]);
    assert_eq!(kpi(&m, "cp_visits_in_time")["not_in_source"], true);
    let line = stderr(&o).lines().find(|l| l.contains("cp_visits_in_time")).map(str::to_string).unwrap_or_default();
    assert!(line.contains("no legal-status table was read") && !line.contains("case-note"), "{line}");
}

#[test]
fn note_types_that_name_no_visit_are_a_warning() {
    // Types written as codes the rules do not know: the visit KPIs would count
    // no visit, and a warning lists the types (with a visit type, it goes).
    let dir = scratch("gaps-note-codes");
    std::fs::write(
        dir.join("notes.csv"),
        "Child ID,Contact Date,Observation Type,Child seen alone?\nC1,01/09/2026,STAT-CP,Yes\nC2,03/09/2026,STAT-CP,No\nC3,05/09/2026,TEL,\n",
    )
    .unwrap();
    let (o, m) = run_in(&dir, &["notes.csv"], &["--period", "2026-09"]);
    let dq: Vec<&Value> = m["data_quality"].as_array().unwrap().iter().filter(|f| f["code"] == "no_visit_note_types").collect();
    assert_eq!(dq.len(), 1, "{}", stderr(&o));
    assert!(dq[0]["action"].as_str().unwrap().contains("'STAT-CP' (2), 'TEL' (1)"), "{:?}", dq[0]);
    std::fs::write(dir.join("notes.csv"), "Child ID,Contact Date,Observation Type,Child seen alone?\nC1,01/09/2026,CP visit,Yes\nC3,05/09/2026,TEL,\n")
        .unwrap();
    let (_, m) = run_in(&dir, &["notes.csv"], &["--period", "2026-09"]);
    assert!(!m["data_quality"].as_array().unwrap().iter().any(|f| f["code"] == "no_visit_note_types"));
}

#[test]
fn children_on_plans_with_no_visit_among_the_notes_are_not_in_the_exports() {
    // A legal-status file and case notes none of which is a visit (the visits
    // are in another system's export): 0 of 2 children visited in time would
    // look measured. With one visit among the notes, the KPI is made.
    let dir = scratch("gaps-no-visit-notes");
    std::fs::write(dir.join("status.csv"), "Child ID,Legal Status,Start Date,End Date\nC1,Child Protection,01/06/2026,\nC2,Child Protection,01/07/2026,\n")
        .unwrap();
    std::fs::write(dir.join("notes.csv"), "Child ID,Contact Date,Observation Type\nC1,01/09/2026,Telephone call\nC2,03/09/2026,Email\n").unwrap();
    let (o, m) = run_in(&dir, &["status.csv", "notes.csv"], &["--period", "2026-09", "--as-of", "2026-10-31"]);
    for id in ["cp_visits_in_time", "seen_alone_recorded"] {
        let k = kpi(&m, id);
        assert_eq!((k["not_in_source"].as_bool(), k["value"].is_null()), (Some(true), true), "{id}: {k}");
    }
    let line = stderr(&o).lines().find(|l| l.contains("cp_visits_in_time") && l.contains("not in the exports")).map(str::to_string).unwrap_or_default();
    assert!(line.contains("no case note is a statutory visit"), "{line}");
    std::fs::write(dir.join("notes.csv"), "Child ID,Contact Date,Observation Type\nC1,01/09/2026,CP Visit\nC2,03/09/2026,Email\n").unwrap();
    let (_, m) = run_in(&dir, &["status.csv", "notes.csv"], &["--period", "2026-09", "--as-of", "2026-10-31"]);
    let k = kpi(&m, "cp_visits_in_time");
    assert_eq!((k["not_in_source"].as_bool(), k["denominator"].as_u64()), (Some(false), Some(2)), "{k}");
}

#[test]
fn audits_without_a_team_where_others_have_one_are_a_warning() {
    // Blank teams in a table that names its teams row after row (North twice):
    // shown under "(not recorded)" with a warning.
    let dir = scratch("gaps-blank-teams");
    std::fs::write(
        dir.join("audits.csv"),
        "Child ID,Team,Date completed,Overall grade\nC1,North,01/09/2026,Good\nC5,North,01/09/2026,Good\nC2,,02/09/2026,Good\nC3,,03/09/2026,Inadequate\nC4,South,04/09/2026,Good\n",
    )
    .unwrap();
    let (_, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-09"]);
    let dq: Vec<&Value> = m["data_quality"].as_array().unwrap().iter().filter(|f| f["code"] == "team_blank").collect();
    assert_eq!(dq.len(), 1);
    assert!(dq[0]["action"].as_str().unwrap().starts_with("2 of its 5 audits have no team (rows 4, 5)"), "{:?}", dq[0]);
    // A team written once above its rows (merged cells): filled down, with a warning.
    std::fs::write(
        dir.join("audits.csv"),
        "Child ID,Team,Date completed,Overall grade\nC1,North,01/09/2026,Good\nC2,,02/09/2026,Good\nC3,,03/09/2026,Inadequate\nC4,South,04/09/2026,Good\n",
    )
    .unwrap();
    let (_, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-09"]);
    let codes: Vec<&str> = m["data_quality"].as_array().unwrap().iter().filter_map(|f| f["code"].as_str()).filter(|c| c.starts_with("team_")).collect();
    assert_eq!(codes, ["team_filled_down"]);
}

#[test]
fn a_spoken_to_column_of_mostly_free_text_is_not_used() {
    // Only "declined" reads (as no): a KPI from it would say 0%.
    let dir = scratch("gaps-free-text-answers");
    let mut csv = String::from("Child ID,Team,Date completed,Overall grade,Parents / carers views\n");
    for i in 0..8 {
        let v = if i % 2 == 0 { "Parents' views obtained by telephone" } else { "Parents declined to take part" };
        csv.push_str(&format!("C{i},North,0{}/09/2026,Good,{v}\n", i + 1));
    }
    std::fs::write(dir.join("audits.csv"), csv).unwrap();
    let (_, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-09"]);
    assert_eq!(kpi(&m, "family_spoken_to")["not_in_source"], true, "{}", kpi(&m, "family_spoken_to"));
    assert!(m["data_quality"].as_array().unwrap().iter().any(|f| f["code"] == "answers_not_read"));
}

#[test]
fn teams_merge_across_case_and_spacing() {
    let dir = scratch("gaps-teams");
    std::fs::write(dir.join("audits.csv"), NO_SPOKE).unwrap();
    let (_, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-09"]);
    let teams: Vec<&str> = kpi(&m, "audits_completed")["by_team"].as_array().unwrap().iter().map(|t| t["team"].as_str().unwrap()).collect();
    assert_eq!(teams, ["CP South"], "one team, first-seen spelling on a tie");
    let (_, t) = run_in(&dir, &["audits.csv"], &["--period", "2026-09", "--team", "cp   SOUTH"]);
    assert_eq!(kpi(&t, "audits_completed")["numerator"], 3);
}

#[test]
fn some_tables_carry_a_field_and_others_do_not() {
    let dir = scratch("gaps-partial");
    std::fs::write(dir.join("a.csv"), NO_SPOKE).unwrap();
    std::fs::write(
        dir.join("b.csv"),
        "Child ID,Team,Completed Date,Overall Judgement,Moderated\nC7,North,11/09/2026,Good,Yes\nC8,North,12/09/2026,Good,TBC\nC9,North,13/09/2026,Good,No\n",
    )
    .unwrap();
    let (o, m) = run_in(&dir, &["a.csv", "b.csv"], &["--period", "2026-09"]);
    let k = kpi(&m, "moderation_coverage");
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(1), Some(3)), "a.csv's audits left out; TBC is not yes");
    let err = stderr(&o);
    assert!(err.contains("no column for moderated or moderator_agrees or moderated_overall or moderation_date in a.csv (3 audits): those records are left out of moderation_coverage"), "{err}");
    assert!(m["data_quality"].as_array().unwrap().iter().any(|f| f["code"] == "answer_not_known" && f["value"] == "TBC"));
}

#[test]
fn duplicates_count_once_across_files_and_paths() {
    let dir = scratch("gaps-dupes");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/a.csv"), NO_SPOKE).unwrap();
    std::fs::write(dir.join("in/a copy.csv"), NO_SPOKE).unwrap();
    // The same audits again, columns in another order, one new row.
    std::fs::write(dir.join("in/b.csv"), "Overall Judgement,Child ID,Completed Date,Team\nGood,C1,10/09/2026,CP South\nGood,C4,21/10/2026,CP South\n").unwrap();
    let (o, m) = run_in(&dir, &["in", "in/a.csv", "./in/../in/a.csv"], &["--period", "2026-09"]);
    assert_eq!(kpi(&m, "audits_completed")["numerator"], 4, "{}", stderr(&o));
    let dq = m["data_quality"].as_array().unwrap();
    assert!(dq.iter().any(|f| f["code"] == "file_skipped" && f["action"].as_str().unwrap().contains("identical in every byte")));
    assert!(dq.iter().any(|f| f["code"] == "file_skipped" && f["action"].as_str().unwrap().contains("the same file as")));
    assert!(dq
        .iter()
        .any(|f| f["code"] == "duplicate_row" && f["file"].as_str().unwrap().ends_with("b.csv") && f["action"].as_str().unwrap().contains("row 2 of in/a")));
}

#[test]
fn implausible_dates_are_kept_with_a_warning_and_never_choose_the_period() {
    let dir = scratch("gaps-implausible");
    std::fs::write(dir.join("a.csv"), "Child ID,Team,Completed Date,Overall Judgement\nC1,T,10/09/2026,Good\nC2,T,03/09/2062,Good\nC3,T,03/09/1906,Good\n")
        .unwrap();
    let (o, m) = run_in(&dir, &["a.csv"], &[]);
    assert_eq!((m["period"]["from"].as_str(), m["as_of"].as_str()), (Some("2026-09-01"), Some("2026-10-31")), "{}", stderr(&o));
    assert_eq!(m["period_choice"]["rule"], "latest_ended_with_activity");
    let dq = m["data_quality"].as_array().unwrap();
    assert!(dq.iter().any(|f| f["code"] == "implausible_date" && f["value"] == "2062-09-03"));
    let trend = m["trends"].as_array().unwrap().iter().find(|t| t["id"] == "audits_completed").unwrap();
    assert_eq!(trend["points"].as_array().unwrap().len(), 1, "no trend periods back to 1906");
    let csv = std::fs::read_to_string(dir.join("out/normalised/audits.csv")).unwrap();
    assert!(csv.contains("2062-09-03"), "kept as given");
}

#[test]
fn a_completion_before_2000_is_never_on_time() {
    // A "-5" date cell is 26/12/1899; 15/03/1900 is a typo. Either kept as
    // given would be "completed on or before the due date": it counts as not
    // done instead, as an unreadable date does (stranger review 25).
    let dir = scratch("gaps-before-2000");
    std::fs::write(
        dir.join("audits.csv"),
        "Audit ID,Child ID,Team,Date Allocated,Due Date,Completed Date,Overall Judgement\n\
         A1,C1,T,01/09/2026,30/09/2026,20/09/2026,Good\n\
         A2,C2,T,01/09/2026,30/09/2026,15/03/1900,Good\n\
         A3,C3,T,01/09/2026,30/09/2026,05/10/2026,Good\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("actions.csv"),
        "Audit ID,Action,Due Date,Date Completed\nA1,Update the plan,25/09/2026,24/09/2026\nA1,Visit the school,25/09/2026,26/12/1899\n",
    )
    .unwrap();
    let (o, m) = run_in(&dir, &["audits.csv", "actions.csv"], &["--period", "2026-09", "--as-of", "2026-10-31"]);
    let pair = |id: &str| (kpi(&m, id)["numerator"].as_u64(), kpi(&m, id)["denominator"].as_u64());
    assert_eq!(pair("audits_on_time"), (Some(1), Some(3)), "{}", stderr(&o));
    assert_eq!(pair("actions_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi(&m, "actions_overdue")["value"].as_f64(), Some(1.0));
    let dq = m["data_quality"].as_array().unwrap();
    assert!(dq.iter().any(|f| f["code"] == "implausible_date" && f["action"].as_str().unwrap().contains("counts as not done")));
}

#[test]
fn audit_exports_that_end_before_the_period_make_no_audit_kpis() {
    // Last cycle's exports run for the period after (or a period not yet
    // begun in them): "0 audits completed" would look measured.
    let dir = scratch("gaps-audits-end");
    let audits = "Audit ID,Child ID,Team,Date Allocated,Completed Date,Overall Judgement\nA1,C1,T,01/09/2026,20/09/2026,Good\nA2,C2,T,01/10/2026,30/10/2026,Inadequate\n";
    std::fs::write(dir.join("audits.csv"), audits).unwrap();
    let (o, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-11", "--as-of", "2026-11-28"]);
    for id in ["audits_completed", "audits_on_time", "overall_good_or_better", "inadequate_reaudited_in_time"] {
        assert_eq!(kpi(&m, id)["not_in_source"], true, "{id}: {}", stderr(&o));
    }
    let dq = m["data_quality"].as_array().unwrap();
    assert!(dq.iter().any(|f| f["code"] == "audits_end_early" && f["value"] == "2026-10-30"), "{}", stderr(&o));
    assert!(stderr(&o).contains("the audit records read end on 2026-10-30"), "{}", stderr(&o));
    // One audit allocated in the period: the exports reach it, and 0 is measured.
    std::fs::write(dir.join("audits.csv"), format!("{audits}A3,C3,T,02/11/2026,,\n")).unwrap();
    let (o, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-11", "--as-of", "2026-11-28"]);
    assert_eq!(kpi(&m, "audits_completed")["value"].as_f64(), Some(0.0), "{}", stderr(&o));
    assert!(!m["data_quality"].as_array().unwrap().iter().any(|f| f["code"] == "audits_end_early"));
}

#[test]
fn the_default_period_has_ended_and_as_of_is_never_after_today() {
    let out = scratch("gaps-default");
    let o = auditpack(&root(), &["run", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = metrics(&out);
    assert_eq!((m["period"]["from"].as_str(), m["period"]["to"].as_str()), (Some("2026-09-01"), Some("2026-10-31")));
    assert!(stderr(&o).contains("the latest two-month period that has ended by today (2026-11-28)"), "{}", stderr(&o));
    // Run on 15 October 2026 (1792065600 = noon UTC that day).
    let out2 = scratch("gaps-default-oct");
    let o = auditpack_on(&root(), &["run", "-q", "--out", out2.to_str().unwrap(), "--period", "2026-09"], "1792065600");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = metrics(&out2);
    assert_eq!(m["as_of"], "2026-10-15", "September–October as at today, not its unfinished end");
}

#[test]
fn a_period_beyond_the_bank_holiday_list_is_an_error() {
    let out = scratch("gaps-holidays");
    let o = auditpack(&root(), &["run", "-q", "--out", out.to_str().unwrap(), "--period", "2031-01"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bank-holiday list ends in 2030") && stderr(&o).contains("config"), "{}", stderr(&o));
}

#[test]
fn an_action_due_date_counted_outside_the_bank_holiday_list_is_an_error_not_a_miscount() {
    // Set 19/12/2014, before the list starts (2015): Christmas would count as
    // working days (due 05/01/2015, where it is 07/01). The action is in
    // neither action KPI, and an error says why (stranger review 37).
    let dir = scratch("gaps-action-before-list");
    std::fs::write(
        dir.join("actions.csv"),
        "Child ID,Action,Owner,Date Set,Due Date,Date Completed\nX1,Do a thing,Priya,19/12/2014,,06/01/2015\nX2,Another,Priya,05/01/2015,,09/01/2015\n",
    )
    .unwrap();
    let (_, m) = run_in(&dir, &["actions.csv"], &["--period", "2015-01", "--as-of", "2015-02-28"]);
    let k = kpi(&m, "actions_on_time");
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(1), Some(1)), "{k}");
    let dq = std::fs::read_to_string(dir.join("out/normalised/data_quality.csv")).unwrap();
    assert!(dq.contains("error,due_outside_calendar,") && dq.contains("the bank-holiday list starts in 2015"), "{dq}");
}

#[test]
fn a_month_of_audit_gives_the_allocation_month() {
    let dir = scratch("gaps-month");
    std::fs::write(
        dir.join("a.csv"),
        "Child ID,Team,Month of audit,Completed Date,Overall Judgement\nC1,T,September 2026,02/10/2026,Good\nC2,T,Sep-26,29/09/2026,Good\n",
    )
    .unwrap();
    let (_, m) = run_in(&dir, &["a.csv"], &["--period", "2026-09"]);
    let k = kpi(&m, "audits_on_time");
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64(), k["not_in_source"].as_bool()), (Some(1), Some(2), Some(false)));
}

#[test]
fn case_notes_with_no_rows_or_none_in_the_period_are_not_in_the_exports() {
    // Two children on child protection plans, one looked after; the case-note
    // export is a header only, then last cycle's export run again, then one
    // that stops three weeks before the period ends.
    let dir = scratch("gaps-notes-end");
    std::fs::write(dir.join("audits.csv"), NO_SPOKE).unwrap();
    std::fs::write(dir.join("legal_status.csv"), "Child ID,Legal Status,Start Date,End Date\nC1,CP,01/08/2026,\nC2,CP,01/08/2026,\nC3,CLA,01/07/2026,\n")
        .unwrap();
    let header = "Case Note ID,Child ID,Case Note Type,Event Date,Date Recorded,Seen Alone\n";
    let note_kpis = ["cp_visits_in_time", "cla_visits_in_time", "seen_alone_recorded", "notes_recorded_in_time"];
    let unmade = |m: &Value| note_kpis.iter().filter(|id| kpi(m, id)["not_in_source"] == true).count();
    let period = ["--period", "2026-09", "--as-of", "2026-10-31"];

    std::fs::write(dir.join("notes.csv"), header).unwrap();
    let (o, m) = run_in(&dir, &["audits.csv", "legal_status.csv", "notes.csv"], &period);
    assert_eq!(unmade(&m), 4, "a header-only export: {}", stderr(&o));
    assert!(stderr(&o).contains("the case-note exports hold no case notes"), "{}", stderr(&o));

    std::fs::write(dir.join("notes.csv"), format!("{header}N1,C1,CP Visit,20/08/2026,20/08/2026,Yes\nN2,C2,CP Visit,28/08/2026,28/08/2026,Yes\n")).unwrap();
    let (o, m) = run_in(&dir, &["audits.csv", "legal_status.csv", "notes.csv"], &period);
    assert_eq!(unmade(&m), 4, "notes that end before the period: {}", stderr(&o));
    assert!(stderr(&o).contains("warning: the case notes read end on 2026-08-28, before the period starts (2026-09-01)"), "{}", stderr(&o));

    std::fs::write(dir.join("notes.csv"), format!("{header}N1,C1,CP Visit,03/09/2026,03/09/2026,Yes\nN2,C2,CP Visit,10/10/2026,10/10/2026,Yes\n")).unwrap();
    let (o, m) = run_in(&dir, &["audits.csv", "legal_status.csv", "notes.csv"], &period);
    assert_eq!(unmade(&m), 0, "notes in the period are measured: {}", stderr(&o));
    assert!(stderr(&o).contains("the case notes read end on 2026-10-10, 21 days before 2026-10-31"), "{}", stderr(&o));
    assert!(m["data_quality"].as_array().unwrap().iter().any(|f| f["code"] == "notes_end_early"));
}

#[test]
fn dates_without_their_year_take_it_from_the_files_name_and_are_never_guessed() {
    // NO_SPOKE's tracker with its dates typed without their year ("10/09").
    let yearless = NO_SPOKE.replace("/2026", "");
    assert!(yearless.contains(",10/09,") && !yearless.contains("2026"));
    let period = ["--period", "2026-09", "--as-of", "2026-10-31"];
    // No year anywhere: not in the exports, never a count of 0, and said.
    let dir = scratch("gaps-yearless-nowhere");
    std::fs::write(dir.join("audits.csv"), &yearless).unwrap();
    let (o, m) = run_in(&dir, &["audits.csv"], &period);
    let k = kpi(&m, "audits_completed");
    assert_eq!((k["not_in_source"].as_bool(), k["value"].is_null()), (Some(true), true), "{k}");
    let said = m["data_quality"].as_array().unwrap().iter().find(|f| f["code"] == "yearless_dates").expect("said in data_quality");
    assert!(said["action"].as_str().unwrap().contains("no year is written"), "{said}");
    assert!(stdout(&auditpack(&dir, &["validate", "audits.csv"])).contains("holds dates without a year"));
    assert!(stderr(&o).contains("not in the exports: audits_completed"), "{}", stderr(&o));
    // The year in the file's name, and last year's tracker beside it: the
    // same figures as the dates written whole, and last year's rows outside.
    let dir = scratch("gaps-yearless-named");
    std::fs::write(dir.join("Audit tracker 2026.csv"), &yearless).unwrap();
    std::fs::write(dir.join("Audit tracker 2025.csv"), yearless.replace("\nC", "\nD")).unwrap();
    let (_, m) = run_in(&dir, &["."], &period);
    let whole = scratch("gaps-yearless-whole");
    std::fs::write(whole.join("audits.csv"), NO_SPOKE).unwrap();
    let (_, want) = run_in(&whole, &["audits.csv"], &period);
    for id in ["audits_completed", "overall_good_or_better"] {
        let (got, want) = (kpi(&m, id), kpi(&want, id));
        assert_eq!((&got["value"], &got["numerator"], &got["denominator"]), (&want["value"], &want["numerator"], &want["denominator"]), "{id}");
    }
    assert_eq!(kpi(&m, "audits_completed")["value"], 3.0);
    let said: Vec<&str> =
        m["data_quality"].as_array().unwrap().iter().filter(|f| f["code"] == "yearless_dates").map(|f| f["action"].as_str().unwrap()).collect();
    assert!(said.iter().any(|s| s.contains("the file's name 'Audit tracker 2025.csv' (01/01/2025 to 31/12/2025)")), "{said:?}");
}

#[test]
fn a_date_column_none_of_whose_values_reads_is_not_in_the_exports() {
    // A report's dates as a list view prints them ("Thu 10 Sep"), its year
    // nowhere: the column is named for the completion date, and not one of
    // its values can be read. No audit completed (0) would be a guess.
    let dir = scratch("gaps-date-column-unread");
    let weekdays = NO_SPOKE.replace("10/09/2026", "Thu 10 Sep").replace("12/09/2026", "Sat 12 Sep").replace("20/10/2026", "Tue 20 Oct");
    assert!(!weekdays.contains("2026"));
    std::fs::write(dir.join("audits.csv"), weekdays).unwrap();
    let (_, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-09", "--as-of", "2026-10-31"]);
    let k = kpi(&m, "audits_completed");
    assert_eq!((k["not_in_source"].as_bool(), k["value"].is_null()), (Some(true), true), "{k}");
    let said = stdout(&auditpack(&dir, &["validate", "audits.csv"]));
    assert!(said.contains("none of its 3 values reads as a date"), "{said}");
    // Dates that read, none in the period, and a "TBC": 0, measured.
    let dir = scratch("gaps-date-column-words");
    let words = NO_SPOKE.replace("10/09/2026", "10/08/2026").replace("12/09/2026", "12/08/2026").replace("20/10/2026", "TBC");
    std::fs::write(dir.join("audits.csv"), words).unwrap();
    let (_, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-09", "--as-of", "2026-10-31"]);
    assert_eq!(kpi(&m, "audits_completed")["value"], 0.0);
}

#[test]
fn a_due_date_taken_from_a_rule_is_said_per_table() {
    // No due-date column: METRICS.md's rule makes the due dates (the
    // framework's, or 10 working days for actions), and validate and
    // data_quality say which rule, for how many records, per table.
    let dir = scratch("gaps-due-by-rule");
    std::fs::write(dir.join("audits.csv"), "Child ID,Date allocated,Completed Date,Overall Judgement\nC1,01/09/2026,10/09/2026,Good\nC2,01/09/2026,,\n")
        .unwrap();
    std::fs::write(dir.join("actions.csv"), "Child ID,Action,Date completed\nC1,Update the plan,20/09/2026\n").unwrap();
    let (_, m) = run_in(&dir, &["audits.csv", "actions.csv"], &["--period", "2026-09", "--as-of", "2026-10-31"]);
    let said: Vec<String> =
        m["data_quality"].as_array().unwrap().iter().filter(|f| f["code"] == "due_date_by_rule").map(|f| f["action"].as_str().unwrap().to_string()).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said.iter().any(|s| s.contains("its 2 audits are taken to be due at the end of the allocation month")), "{said:?}");
    assert!(said.iter().any(|s| s.contains("its 1 action is taken to be due 10 working days after their audit's completion")), "{said:?}");
    assert_eq!(kpi(&m, "audits_on_time")["denominator"], 2, "the rule still makes the KPI");
    // A due-date column: nothing to say.
    std::fs::write(dir.join("audits.csv"), "Child ID,Date allocated,Due date,Completed Date,Overall Judgement\nC1,01/09/2026,30/09/2026,10/09/2026,Good\n")
        .unwrap();
    let (_, m) = run_in(&dir, &["audits.csv"], &["--period", "2026-09", "--as-of", "2026-10-31"]);
    assert!(!m["data_quality"].as_array().unwrap().iter().any(|f| f["code"] == "due_date_by_rule"));
}

#[test]
fn an_export_that_says_it_was_cut_short_is_a_warning() {
    // A report's row limit ("only the first 50 rows are shown"): the line is
    // no record, and the warning says records are missing from the export.
    let dir = scratch("gaps-cut-short");
    let mut notes = String::from("Client ID,Visit Type,Date of Visit,Date Recorded,Child Seen Alone\n");
    notes.push_str("C1,CP Visit,02/09/2026,02/09/2026,Y\nC1,CP Visit,12/09/2026,13/09/2026,Y\n\n");
    let limited = notes.clone() + "*** Row limit reached: only the first 2 rows are shown. Narrow the date range to see all records. ***\n";
    std::fs::write(dir.join("visits.csv"), &limited).unwrap();
    let (o, m) = run_in(&dir, &["visits.csv"], &["--period", "2026-09", "--as-of", "2026-10-31"]);
    let cut: Vec<&Value> = m["data_quality"].as_array().unwrap().iter().filter(|f| f["code"] == "export_cut_short").collect();
    assert_eq!(cut.len(), 1, "{}", stderr(&o));
    assert_eq!(cut[0]["severity"], "warning");
    assert!(cut[0]["action"].as_str().unwrap().contains("records past its limit are not in it"));
    assert_eq!(kpi(&m, "seen_alone_recorded")["denominator"], 2, "the line is not a note");
    // Without the line: no such warning.
    std::fs::write(dir.join("visits.csv"), &notes).unwrap();
    let (_, m) = run_in(&dir, &["visits.csv"], &["--period", "2026-09", "--as-of", "2026-10-31"]);
    assert!(!m["data_quality"].as_array().unwrap().iter().any(|f| f["code"] == "export_cut_short"));
}
