//! `run` on sample_data/: metrics.json checked against figures computed here,
//! independently, from the normalised CSVs the same run wrote.

use crate::{auditpack, root, scratch, stderr};
use serde_json::Value;
use std::collections::HashMap;

fn rows(path: &std::path::Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records().map(|rec| headers.iter().zip(rec.unwrap().iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()).collect()
}

fn kpi<'a>(m: &'a Value, id: &str) -> &'a Value {
    m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap()
}

fn days(a: &str, b: &str) -> i64 {
    let p = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    (p(b) - p(a)).num_days()
}

#[test]
fn metrics_json_matches_an_independent_count() {
    let out = scratch("metrics-e2e");
    let o = auditpack(&root(), &["run", "-q", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(m["schema"], "auditpack.metrics/1");
    let (from, to) = (m["period"]["from"].as_str().unwrap().to_string(), m["period"]["to"].as_str().unwrap().to_string());
    let in_period = |d: &str| !d.is_empty() && d >= from.as_str() && d <= to.as_str();

    let audits = rows(&out.join("normalised/audits.csv"));
    // Default period: the bi-monthly period ending with the latest completion month.
    let latest = audits.iter().map(|a| a["completed_date"].clone()).filter(|d| !d.is_empty()).max().unwrap();
    assert_eq!(&latest[..7], &to[..7]);

    let done: Vec<_> = audits.iter().filter(|a| in_period(&a["completed_date"])).collect();
    assert_eq!(kpi(&m, "audits_completed")["numerator"], done.len() as u64);

    let graded: Vec<_> = done.iter().filter(|a| a["overall_at_least_good"] == "yes" || a["overall_at_least_good"] == "no").collect();
    let good = graded.iter().filter(|a| a["overall_at_least_good"] == "yes").count();
    let k = kpi(&m, "overall_good_or_better");
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(good as u64), Some(graded.len() as u64)));

    // Moderation coverage counts only audits from tables with a moderation column
    // (METRICS.md "Missing inputs"): the forms have none.
    let moderation_fields = ["moderated", "moderator_agrees", "moderated_overall", "moderation_date"];
    let records_moderation: Vec<(String, String)> = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["columns"].as_array().unwrap().iter().any(|c| moderation_fields.contains(&c["field"].as_str().unwrap())))
        .map(|t| (t["file"].as_str().unwrap().to_string(), t["sheet"].as_str().unwrap_or("").to_string()))
        .collect();
    let carried: Vec<_> = done.iter().filter(|a| records_moderation.contains(&(a["source_file"].clone(), a["source_sheet"].clone()))).collect();
    assert!(carried.len() < done.len(), "the sample's forms record no moderation");
    let moderated = carried.iter().filter(|a| a["moderated"] == "yes").count();
    assert_eq!(kpi(&m, "moderation_coverage")["numerator"], moderated as u64);
    assert_eq!(kpi(&m, "moderation_coverage")["denominator"], carried.len() as u64);

    let answered: Vec<_> = done.iter().filter(|a| a["spoke_to_child"] == "yes" || a["spoke_to_child"] == "no").collect();
    let yes = answered.iter().filter(|a| a["spoke_to_child"] == "yes").count();
    let k = kpi(&m, "child_spoken_to");
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(yes as u64), Some(answered.len() as u64)));

    let notes = rows(&out.join("normalised/case_notes.csv"));
    let period_notes: Vec<_> = notes.iter().filter(|n| in_period(&n["event_date"])).collect();
    let in_time = period_notes.iter().filter(|n| !n["recorded_date"].is_empty() && days(&n["event_date"], &n["recorded_date"]) <= 28).count();
    let k = kpi(&m, "notes_recorded_in_time");
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(in_time as u64), Some(period_notes.len() as u64)));

    let visits: Vec<_> = period_notes.iter().filter(|n| n["kind"].ends_with("visit")).collect();
    let recorded = visits.iter().filter(|n| n["seen_alone"] == "yes" || n["seen_alone"] == "no").count();
    let k = kpi(&m, "seen_alone_recorded");
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(recorded as u64), Some(visits.len() as u64)));

    // by_team sums to the whole, for every KPI; teams sorted by name.
    for k in m["kpis"].as_array().unwrap() {
        let teams = k["by_team"].as_array().unwrap();
        let sum: u64 = teams.iter().map(|t| t["numerator"].as_u64().unwrap()).sum();
        assert_eq!(sum, k["numerator"].as_u64().unwrap(), "{}", k["id"]);
        let names: Vec<&str> = teams.iter().map(|t| t["team"].as_str().unwrap()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "{}", k["id"]);
    }

    // Reconciliation: read = accepted + rejected for every input.
    for i in m["inputs"].as_array().unwrap() {
        assert_eq!(
            i["rows_read"].as_u64().unwrap(),
            i["rows_accepted"].as_u64().unwrap() + i["rows_set_aside"].as_u64().unwrap() + i["rows_rejected"].as_u64().unwrap()
        );
    }
    assert!(!m["data_quality"].as_array().unwrap().is_empty());
}

#[test]
fn period_and_as_of_flags() {
    let out = scratch("metrics-period");
    let o = auditpack(&root(), &["run", "-q", "--out", out.to_str().unwrap(), "--period", "2026-03", "--as-of", "15/05/2026"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!((m["period"]["from"].as_str(), m["period"]["to"].as_str(), m["as_of"].as_str()), (Some("2026-03-01"), Some("2026-04-30"), Some("2026-05-15")));
    assert_eq!(m["previous_period"]["from"], "2026-01-01");
    let bad = auditpack(&root(), &["run", "-q", "--out", out.to_str().unwrap(), "--period", "March"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// Audits and actions due in the period after as_of and not done by it are not
/// yet late: left out of audits_on_time and actions_on_time, and said in
/// data_quality.csv, so the denominators are not thought short.
#[test]
fn items_due_after_as_of_are_left_out_and_said() {
    let dir = scratch("not-yet-due");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audits.csv"),
        "Audit ID,Child ID,Team,Date allocated,Due date,Date completed,Overall grade\n\
         A1,1000001,North,2026-09-01,2026-09-30,2026-09-20,Good\n\
         A2,1000002,North,2026-09-01,2026-09-30,2026-10-02,Good\n\
         A3,1000003,North,2026-10-01,2026-10-31,,\n\
         A4,1000004,North,2026-10-01,2026-10-31,,\n\
         A5,1000005,North,2026-10-01,2026-10-31,2026-10-29,Requires improvement\n",
    )
    .unwrap();
    std::fs::write(
        input.join("actions.csv"),
        "Action ID,Audit ID,Action,Owner,Due date,Date completed\n\
         X1,A1,Update the plan,SW,2026-10-05,2026-10-04\n\
         X2,A1,Chronology,SW,2026-10-31,\n",
    )
    .unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-30"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!((kpi(&m, "audits_on_time")["numerator"].as_u64(), kpi(&m, "audits_on_time")["denominator"].as_u64()), (Some(2), Some(3)));
    assert_eq!((kpi(&m, "actions_on_time")["numerator"].as_u64(), kpi(&m, "actions_on_time")["denominator"].as_u64()), (Some(1), Some(1)));
    let dq = rows(&out.join("normalised/data_quality.csv"));
    let said = |code: &str| dq.iter().find(|r| r["code"] == code).map(|r| r["what_was_done"].clone()).unwrap_or_default();
    assert!(said("audits_not_yet_due").starts_with("2 audits are due in the period after the as-of date (2026-10-30; the last due 2026-10-31)"), "{dq:?}");
    assert!(said("actions_not_yet_due").starts_with("1 action is due in the period after the as-of date"), "{dq:?}");
}
