//! End-to-end recognition of export shapes beyond one table per kind:
//! a moderation log kept in its own file.

use crate::{auditpack, root, scratch, stderr};
use std::collections::HashMap;

fn rows(path: &std::path::Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records().map(|rec| headers.iter().zip(rec.unwrap().iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()).collect()
}

/// Runs auditpack on `input` for September 2026, as of 31 October, into
/// `dir/out` (the board pack only); it must exit 0 or 1.
fn run_in_folder(dir: &std::path::Path, input: &std::path::Path) -> std::path::PathBuf {
    let out = dir.join("out");
    let o = auditpack(
        dir,
        &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"],
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    out
}

/// Writes one input file into a fresh folder and runs auditpack on it as
/// [`run_in_folder`] does; the output folder.
fn run_one_file(name: &str, file: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = scratch(name);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join(file), bytes).unwrap();
    run_in_folder(&dir, &input)
}

/// A KPI's numerator and denominator in a run's `metrics.json`.
fn kpi_pair(out: &std::path::Path, id: &str) -> (Option<u64>, Option<u64>) {
    let m = metrics(out);
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    (k["numerator"].as_u64(), k["denominator"].as_u64())
}

fn metrics(out: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap()
}

fn data_quality(out: &std::path::Path) -> String {
    std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap()
}

#[test]
fn a_separate_moderation_log_is_linked_by_audit_id() {
    let dir = scratch("moderation-log");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audits.csv"),
        "Audit ID,Child ID,Team,Date of audit,Overall grade\n\
         A1,C100001,CP North,07/09/2026,Good\n\
         A2,C100002,CP North,08/09/2026,Requires Improvement\n\
         A3,C100003,CP South,09/09/2026,Good\n",
    )
    .unwrap();
    std::fs::write(
        input.join("moderation log.csv"),
        "Moderation log 2026-27\n\nAudit ID,Moderator,Date moderated,Moderator grade,Agree with auditor? Y/N\n\
         A1,Harriet Vance,20/09/2026,Good,Y\n\
         A2,Harriet Vance,21/09/2026,Inadequate,N\n\
         A9,Harriet Vance,22/09/2026,Good,Y\n",
    )
    .unwrap();
    let out = dir.join("out");
    let o = auditpack(
        &dir,
        &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let audits = rows(&out.join("normalised/audits.csv"));
    let by_id: HashMap<&str, &HashMap<String, String>> = audits.iter().map(|a| (a["audit_id"].as_str(), a)).collect();
    assert_eq!(audits.len(), 3, "the log's rows are not audits");
    assert_eq!(
        (by_id["A1"]["moderated"].as_str(), by_id["A1"]["moderator_agrees"].as_str(), by_id["A1"]["moderation_date"].as_str()),
        ("yes", "yes", "2026-09-20")
    );
    assert_eq!((by_id["A2"]["moderator_agrees"].as_str(), by_id["A2"]["moderated_source_label"].as_str()), ("no", "Inadequate"));
    assert_eq!(by_id["A3"]["moderated"], "", "not in the log");
    let dq = data_quality(&out);
    assert!(dq.contains("A9") && dq.contains("moderation not counted"), "the unmatched log row is reported");
    let m = metrics(&out);
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "moderation_coverage").unwrap();
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(2), Some(3)));
}

#[test]
fn a_moderation_log_with_no_audit_date_takes_the_childs_audit_before_its_moderation() {
    // The QA team's own log: the child under "Child", as the bare number with a
    // leading zero where the audits say "LCS-2103754"; no audit id, no audit
    // date, only when it was moderated. LCS-2103754 has an audit and its
    // re-audit: the log's row of 30/09 moderates the re-audit (the one
    // completed last before it).
    let dir = scratch("moderation-log-undated");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("KSS audits.csv"),
        "Form ID,Person ID,Team,Date allocated,Date completed,Overall judgement\n\
         614219,LCS-2103754,CIC,01/07/2026,24/07/2026,Inadequate\n\
         614389,LCS-2103754,CIC,01/09/2026,24/09/2026,Good\n\
         614390,LCS-2103755,CIC,01/09/2026,25/09/2026,Good\n\
         614391,LCS-2103756,CIC,01/09/2026,28/09/2026,Requires improvement\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Moderation log 2026-27.csv"),
        "QA moderation log 2026/27\n\nKSS ref,Child,Team,Auditor's grade,Moderator,Date moderated,Moderator's grade,Agree with auditor?\n\
         KSS/614389,02103754,CIC,Good,Isolde Inkwell,30/09/2026,Requires improvement,No\n\
         KSS/614390,02103755,CIC,Good,Isolde Inkwell,01/10/2026,Good,Yes\n\
         KSS/614391,02103756,CIC,RI,Isolde Inkwell,02/10/2026,Requires improvement,Yes\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    assert_eq!(audits.len(), 4, "the log's rows are not audits");
    let by_id: HashMap<&str, &HashMap<String, String>> = audits.iter().map(|a| (a["audit_id"].as_str(), a)).collect();
    assert_eq!((by_id["614389"]["moderated"].as_str(), by_id["614389"]["moderator_agrees"].as_str()), ("yes", "no"));
    assert_eq!(by_id["614219"]["moderated"], "", "the earlier audit is not the one moderated on 30/09");
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(3), Some(3)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(2), Some(3)));
    let dq = data_quality(&out);
    assert!(!dq.contains("Child' is named as child_id"), "a bare \"Child\" column of ids is the child's id");
}

#[test]
fn records_that_cannot_be_used_are_an_error_but_prose_is_skipped() {
    let dir = scratch("unusable");
    let prose = dir.join("prose");
    std::fs::create_dir_all(&prose).unwrap();
    std::fs::write(prose.join("read me.txt"), "How to use this folder\nPut the monthly exports here.\nAsk the performance team if unsure.\n").unwrap();
    let o = auditpack(&dir, &["validate", prose.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "prose is skipped, not an error: {}", crate::stdout(&o));
    assert!(crate::stdout(&o).contains("skipped"), "{}", crate::stdout(&o));

    let records = dir.join("records");
    std::fs::create_dir_all(&records).unwrap();
    std::fs::write(
        records.join("odd.csv"),
        "Ref,When,Mark,Notes\nC100001,01/09/2026,Good,x\nC100002,02/09/2026,Requires Improvement,y\nC100003,03/09/2026,Good,z\nC100004,04/09/2026,Inadequate,z\n",
    )
    .unwrap();
    let o = auditpack(&dir, &["validate", records.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "grades beside dates and ids that cannot be used: {}", crate::stdout(&o));
    assert!(crate::stdout(&o).contains("error"), "{}", crate::stdout(&o));
}

#[test]
fn a_column_named_overall_that_holds_no_known_grades_is_said_and_not_replaced() {
    // Percentages (bands on another sheet) and RAG colours: the overall is in
    // that column, so a section summary matched only by its concept must not
    // stand in for it; the KPI is not in the exports, with a warning naming the column.
    for (name, overall) in [("percent", ["72%", "45%", "88%", "60%"]), ("rag", ["Red", "Amber", "Green", "Amber"])] {
        let dir = scratch(&format!("overall-named-{name}"));
        let mut csv = String::from("Child ID,Team,Date completed,Summary - outcome and plan,Overall audit rating\n");
        for (i, o) in overall.iter().enumerate() {
            csv.push_str(&format!("C10{i},North,0{}/09/2026,{},{o}\n", i + 1, ["Good", "Inadequate", "Good", "Requires improvement"][i]));
        }
        std::fs::write(dir.join("audits.csv"), csv).unwrap();
        let out = dir.join("out");
        let o =
            auditpack(&dir, &["run", "audits.csv", "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let m = metrics(&out);
        let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "overall_good_or_better").unwrap();
        assert_eq!(k["not_in_source"], true, "{name}: {k}");
        let said = m["data_quality"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["action"].as_str().unwrap_or("").contains("'Overall audit rating' names the overall judgement"));
        assert!(said, "{name}: {}", stderr(&o));
    }
}

#[test]
fn a_text_column_named_overall_does_not_displace_the_overall() {
    // "Overall summary" holds notes, not the judgement: "Audit rating" stays
    // the overall.
    let dir = scratch("overall-summary-text");
    std::fs::write(
        dir.join("audits.csv"),
        "Child ID,Team,Date completed,Audit rating,Overall summary\nC1,North,01/09/2026,Good,Drift in planning\nC2,North,02/09/2026,Inadequate,Good voice of child\nC3,South,03/09/2026,Good,Supervision gaps\nC4,South,04/09/2026,Requires improvement,Plans not SMART\n",
    )
    .unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "audits.csv", "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = metrics(&out);
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "overall_good_or_better").unwrap();
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(2), Some(4)), "{k}");
}

#[test]
fn a_moderation_sheet_that_repeats_the_auditors_grade_is_a_moderation_log() {
    // The Moderation sheet looks the auditor's grade up from the Audits sheet:
    // it is still a log of moderation, not a second table of the same audits.
    let dir = scratch("moderation-with-grade");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let audits: &[&[&str]] = &[
        &["Audit Ref", "Child ID", "Team", "Date completed", "Overall grade"],
        &["A1", "C1", "North", "01/09/2026", "Good"],
        &["A2", "C2", "North", "02/09/2026", "Requires improvement"],
        &["A3", "C3", "South", "03/09/2026", "Good"],
        &["A4", "C4", "South", "04/09/2026", "Inadequate"],
    ];
    let moderation: &[&[&str]] = &[
        &["Audit Ref", "Child ID", "Auditor's grade", "Moderator", "Moderator's grade", "Agree with auditor?"],
        &["A1", "C1", "Good", "Ada Moss", "Good", "Agree"],
        &["A2", "C2", "Requires improvement", "Ada Moss", "Requires improvement", "Partially agree"],
        &["A4", "C4", "Inadequate", "Ada Moss", "Inadequate", "Agree"],
    ];
    for (name, rows) in [("Audits", audits), ("Moderation", moderation)] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(dir.join("programme.xlsx")).unwrap();
    let out = dir.join("out");
    let o =
        auditpack(&dir, &["run", "programme.xlsx", "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = metrics(&out);
    let k = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!((k("moderation_coverage")["numerator"].as_u64(), k("moderation_coverage")["denominator"].as_u64()), (Some(3), Some(4)));
    assert_eq!(
        (k("moderation_agreement")["numerator"].as_u64(), k("moderation_agreement")["denominator"].as_u64()),
        (Some(2), Some(3)),
        "partially agree is not agreement"
    );
    assert_eq!(k("audits_completed")["value"].as_f64(), Some(4.0));
}

/// Runs the audits CSV `text` and gives the normalised audits' (child, team,
/// service) and the data-quality table.
fn teams_of(name: &str, text: &str) -> (Vec<(String, String, String)>, String) {
    let dir = scratch(name);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("audits.csv"), text).unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let teams = audits.iter().map(|a| (a["child_id"].clone(), a["team"].clone(), a["service"].clone())).collect();
    (teams, data_quality(&out))
}

fn teams_only(t: &[(String, String, String)]) -> Vec<&str> {
    t.iter().map(|(_, team, _)| team.as_str()).collect()
}

#[test]
fn a_team_written_once_above_its_rows_is_filled_down_with_a_warning() {
    let (t, dq) = teams_of(
        "team-written-once",
        "Child ID,Team,Date of audit,Overall grade\n\
         C1,CP North,07/09/2026,Good\nC2,,08/09/2026,Good\nC3,,09/09/2026,Inadequate\n\
         C4,Children in Care,10/09/2026,Good\nC5,,11/09/2026,Good\n\
         C6,Leaving Care,12/09/2026,Good\nC7,CP North,14/09/2026,Good\nC8,,15/09/2026,Good\n",
    );
    assert_eq!(teams_only(&t), ["CP North", "CP North", "CP North", "Children in Care", "Children in Care", "Leaving Care", "CP North", "CP North"]);
    assert!(dq.contains("team_filled_down") && dq.contains("rows 3, 4, 6, 9"), "{dq}");
}

#[test]
fn blank_teams_are_not_filled_down_when_the_table_names_teams_row_after_row() {
    // The same team on two rows in a row: a team is written on every row, so a
    // blank is a team not recorded.
    let (t, dq) = teams_of(
        "team-every-row",
        "Child ID,Team,Date of audit,Overall grade\n\
         C1,CP North,07/09/2026,Good\nC2,CP North,08/09/2026,Good\nC3,,09/09/2026,Good\n\
         C4,Children in Care,10/09/2026,Good\nC5,,11/09/2026,Good\nC6,,12/09/2026,Good\n",
    );
    assert_eq!(teams_only(&t), ["CP North", "CP North", "", "Children in Care", "", ""]);
    assert!(!dq.contains("team_filled_down") && dq.contains("team_blank"), "{dq}");
    // Few blanks: not read as written once either.
    let (t, dq) = teams_of(
        "team-few-blanks",
        "Child ID,Team,Date of audit,Overall grade\n\
         C1,CP North,07/09/2026,Good\nC2,Children in Care,08/09/2026,Good\nC3,,09/09/2026,Good\n\
         C4,CP South,10/09/2026,Good\nC5,Leaving Care,11/09/2026,Good\nC6,CP North,12/09/2026,Good\nC7,CP South,13/09/2026,Good\n",
    );
    assert_eq!(teams_only(&t)[2], "");
    assert!(!dq.contains("team_filled_down"), "{dq}");
}

#[test]
fn a_blank_team_takes_the_rows_service_with_a_note() {
    let (t, dq) = teams_of(
        "team-service-only",
        "Child ID,Service,Team,Date of audit,Overall grade\n\
         C1,Safeguarding,CP North,07/09/2026,Good\nC2,Safeguarding,CP South,08/09/2026,Good\n\
         C3,Care Leavers Service,,09/09/2026,Good\nC4,Safeguarding,CP North,10/09/2026,Good\n",
    );
    assert_eq!(teams_only(&t), ["CP North", "CP South", "Care Leavers Service", "CP North"]);
    assert!(dq.contains("service_as_team") && dq.contains("the service is shown as their team"), "{dq}");
}

#[test]
fn service_and_team_in_one_cell_are_split() {
    let (t, dq) = teams_of(
        "service-team-path",
        "Child ID,Service > Team,Date of audit,Overall grade\n\
         C1,Safeguarding > Child Protection West,07/09/2026,Good\n\
         C2,Children in Care > Fostering Support,08/09/2026,Good\n\
         C3,Leaving Care,09/09/2026,Good\n",
    );
    let got: Vec<(&str, &str)> = t.iter().map(|(_, team, service)| (team.as_str(), service.as_str())).collect();
    assert_eq!(got, [("Child Protection West", "Safeguarding"), ("Fostering Support", "Children in Care"), ("Leaving Care", "")]);
    assert!(!dq.contains("column_ambiguous"), "{dq}");
}

#[test]
fn note_types_written_as_codes_are_read_through_a_key_sheet() {
    let notes = "Client ID,Obs Date,Obs Type,Seen Alone,Worker,Team\n\
                 C1,01/09/2026,STAT-CP,Yes,Ada Quill,CP North\n\
                 C1,10/09/2026,TEL,,Ada Quill,CP North\n\
                 C2,02/09/2026,CLA-V,No,Bo Fenn,Children in Care\n";
    let kinds = |name: &str, key: Option<&str>| -> (Vec<String>, String) {
        let dir = scratch(name);
        let input = dir.join("in");
        std::fs::create_dir_all(&input).unwrap();
        std::fs::write(input.join("observations.csv"), notes).unwrap();
        if let Some(k) = key {
            std::fs::write(input.join("codes key.csv"), k).unwrap();
        }
        let out = dir.join("out");
        let o = auditpack(&dir, &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--reports", "board-pack"]);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        let kinds = rows(&out.join("normalised/case_notes.csv")).iter().map(|n| n["kind"].clone()).collect();
        (kinds, data_quality(&out))
    };
    let (without, dq) = kinds("codes-no-key", None);
    assert_eq!(without, ["other", "other", "other"]);
    assert!(dq.contains("no_visit_note_types"), "{dq}");
    let (with, dq) =
        kinds("codes-key", Some("Code,Meaning\nSTAT-CP,Statutory visit - child protection\nCLA-V,Statutory visit - looked after child\nTEL,Telephone call\n"));
    assert_eq!(with, ["cp_visit", "other", "cla_visit"]);
    assert!(dq.contains("code_key_used") && dq.contains("'STAT-CP' read as 'Statutory visit - child protection'"), "{dq}");
    assert!(!dq.contains("no_visit_note_types"), "{dq}");
}

#[test]
fn an_audit_whose_status_says_cancelled_or_withdrawn_is_set_aside() {
    let dir = scratch("audit-status");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audits.csv"),
        "Form ID,Child ID,Team,Date allocated,Date finalised,Status,Overall judgement\n\
         F1,C1,CP North,01/09/2026,10/09/2026,Complete,Good\n\
         F2,C2,CP North,01/09/2026,,Cancelled - exemption agreed,\n\
         F3,C3,CP North,01/09/2026,,Withdrawn,\n\
         F4,C4,CP North,01/09/2026,,Exempt – agreed by AD,\n\
         F5,C5,CP North,01/09/2026,,Returned for amendment,\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let ids: Vec<&str> = audits.iter().map(|a| a["audit_id"].as_str()).collect();
    assert_eq!(ids, ["F1", "F5"], "Form ID is the audit id; cancelled, withdrawn and exempt allocations are not audits");
    let dq = data_quality(&out);
    assert_eq!(dq.matches("row_set_aside").count(), 3, "{dq}");
    let m = metrics(&out);
    let on_time = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_on_time").unwrap();
    assert_eq!((on_time["numerator"].as_u64(), on_time["denominator"].as_u64()), (Some(1), Some(2)));
}

#[test]
fn a_warehouse_extract_with_nulls_codes_and_dttm_columns_is_read() {
    let dir = scratch("warehouse");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audit_fact.csv"),
        "form_id,child_id,team_name,allocated_dttm,completed_dttm,overall_cd,worker_spoken_ind\n\
         77001,C1,CP North,2026-09-01 00:00:00.0000000,2026-09-10 14:02:11.1230000,EG,Y\n\
         77002,C2,CP North,2026-09-01 00:00:00.0000000,2026-09-12 09:00:00.0000000,DNMG,NULL\n\
         77003,C3,CP South,2026-09-01 00:00:00.0000000,NULL,NULL,NULL\n\
         77004,C4,CP South,2026-09-01 00:00:00.0000000,2026-09-20 10:00:00.0000000,MG,N\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let kpi = |id: &str| {
        let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
        (k["numerator"].as_u64(), k["denominator"].as_u64())
    };
    assert_eq!(kpi("audits_completed").0, Some(3));
    assert_eq!(kpi("overall_good_or_better"), (Some(2), Some(3)), "EG and MG are at least good, DNMG is not");
    assert_eq!(kpi("practitioner_spoken_to"), (Some(1), Some(2)), "NULL is no answer, not a yes");
}

#[test]
fn a_table_of_month_first_dates_is_read_month_first_with_a_warning() {
    let dir = scratch("month-first");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Form responses 1.csv"),
        "Timestamp,Date of the Audit,Child ID,Team,Overall grade\n\
         9/14/2026 10:02:11,9/14/2026,C1,CP North,Good\n\
         9/15/2026 11:40:00,9/3/2026,C2,CP North,Inadequate\n\
         10/2/2026 09:00:00,10/1/2026,C3,CP South,Good\n\
         9/22/2026 09:00:00,9/21/2026,C6,CP South,Good\n",
    )
    .unwrap();
    std::fs::write(input.join("day first.csv"), "Child ID,Team,Date of the Audit,Overall grade\nC4,CP South,14/9/2026,Good\nC5,CP South,3/9/2026,Good\n")
        .unwrap();
    // One mistyped date does not turn a table round: it is reported instead.
    std::fs::write(input.join("one typo.csv"), "Child ID,Team,Date of the Audit,Overall grade\nC7,CP South,02/09/2026,Good\nC8,CP South,09/30/2026,Good\n")
        .unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let dates: HashMap<&str, &str> = audits.iter().map(|a| (a["child_id"].as_str(), a["completed_date"].as_str())).collect();
    assert_eq!(dates["C1"], "2026-09-14");
    assert_eq!(dates["C2"], "2026-09-03", "month first throughout the table");
    assert_eq!(dates["C3"], "2026-10-01");
    assert_eq!((dates["C4"], dates["C5"]), ("2026-09-14", "2026-09-03"), "another table keeps day first");
    assert_eq!((dates["C7"], dates["C8"]), ("2026-09-02", ""), "one month-first date alone is reported, not followed");
    let dq = data_quality(&out);
    assert_eq!(dq.matches("dates_month_first").count(), 1, "{dq}");
}

#[test]
fn a_moderation_form_names_the_child_and_the_original_audit_date() {
    let dir = scratch("moderation-by-child");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audit responses.csv"),
        "Date of the Audit,Child ID,Team,Overall grade\n\
         07/09/2026,C1,CP North,Good\n21/09/2026,C1,CP North,Requires Improvement\n08/09/2026,C2,CP South,Good\n09/09/2026,C3,CP South,Good\n",
    )
    .unwrap();
    std::fs::write(
        input.join("moderation responses.csv"),
        "Date of moderation audit,Name of moderator,Child ID,Date of the original audit,Do you agree with the auditor?,Grade\n\
         20/09/2026,Harriet Vance,C1,21/09/2026,No,Inadequate\n22/09/2026,Harriet Vance,c-2,08/09/2026,Yes,Good\n\
         23/09/2026,Harriet Vance,C9,08/09/2026,Yes,Good\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    assert_eq!(audits.len(), 4, "the form's rows are not audits");
    let moderated: Vec<(&str, &str, &str)> =
        audits.iter().map(|a| (a["child_id"].as_str(), a["completed_date"].as_str(), a["moderator_agrees"].as_str())).filter(|m| !m.2.is_empty()).collect();
    assert_eq!(moderated, [("C1", "2026-09-21", "no"), ("C2", "2026-09-08", "yes")], "the child's audit of that date");
    let dq = data_quality(&out);
    assert!(dq.contains("moderation_unlinked") && dq.contains("C9 2026-09-08"), "{dq}");
}

#[test]
fn one_workbook_per_team_names_the_team_in_its_file_or_sheet_and_a_date_with_no_year_takes_the_tables_year() {
    let dir = scratch("team-books");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let book = |name: &str, sheets: &[(&str, &[[&str; 3]])]| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        for (sheet, rows) in sheets {
            let ws = wb.add_worksheet();
            ws.set_name(*sheet).unwrap();
            for (r, row) in [["Child ID", "Date of the Audit", "Overall grade"]].iter().chain(rows.iter()).enumerate() {
                for (c, v) in row.iter().enumerate() {
                    ws.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
        wb.save(input.join(name)).unwrap();
    };
    book("CP North.xlsx", &[("Audits", &[["C1", "03/09/2026", "Good"], ["C2", "Sept 3rd", "Good"], ["C3", "10/09/2026", "Inadequate"]])]);
    book("Children in Care 2026.xlsx", &[("Team - Looked After", &[["C4", "04/09/2026", "Good"], ["C5", "05/09/2026", "Good"]])]);
    book("Quillshire audits.xlsx", &[("Audits", &[["C6", "04/09/2026", "Good"], ["C7", "05/09/2026", "Good"]])]);
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let got: HashMap<&str, (&str, &str)> = audits.iter().map(|a| (a["child_id"].as_str(), (a["team"].as_str(), a["completed_date"].as_str()))).collect();
    assert_eq!(got["C1"].0, "CP North", "the file names the team");
    assert_eq!(got["C2"], ("CP North", "2026-09-03"), "a date with no year is in the table's year");
    assert_eq!(got["C4"].0, "Looked After", "the sheet names the team, without 'Team -'");
    assert_eq!(got["C6"].0, "", "a file named for the council is no team");
    let dq = data_quality(&out);
    assert!(dq.contains("date_without_year") && dq.contains("Sept 3rd"), "{dq}");
}

#[test]
fn an_action_done_by_its_status_is_dated_by_its_review() {
    let dir = scratch("action-status");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("audits.csv"), "Audit ID,Child ID,Team,Date completed,Overall grade\nA1,C1,CP North,01/09/2026,Good\n").unwrap();
    std::fs::write(
        input.join("actions.csv"),
        "Audit ID,Action,Who?,Date to be completed by?,Date reviewed,Completed/Comments\n\
         A1,Update the plan,SW,15/09/2026,10/09/2026,Completed\n\
         A1,Update the chronology,SW,15/09/2026,20/09/2026,Done - on file\n\
         A1,Visit the school,SW,15/09/2026,12/09/2026,Partially - chased\n\
         A1,Review contact,SW,15/09/2026,,ongoing\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let done: Vec<String> = rows(&out.join("normalised/actions.csv")).iter().map(|a| a["completed_date"].clone()).collect();
    assert_eq!(done, ["2026-09-10", "2026-09-20", "", ""], "a review date completes only an action whose status says done");
    let m = metrics(&out);
    let on_time = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "actions_on_time").unwrap();
    assert_eq!((on_time["numerator"].as_u64(), on_time["denominator"].as_u64()), (Some(1), Some(4)));
}

#[test]
fn a_warehouse_extracts_earlier_versions_deleted_rows_and_team_codes_are_read_as_such() {
    let dir = scratch("warehouse-versions");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("dw_audit_fact.csv"),
        "audit_sk,audit_id,version_no,is_current,record_status_cd,person_id,team_cd,completed_dttm,overall_cd\n\
         9001,77001,1,0,A,C1,CSC-SW2,NULL,NULL\n\
         9002,77001,2,1,A,C1,CSC-SW2,2026-09-10 14:02:11.0000000,EG\n\
         9003,77002,1,1,D,C2,CSC-SW2,2026-09-11 09:00:00.0000000,DNMG\n\
         9004,77003,1,1,A,C3,CSC-FH1,2026-09-12 09:00:00.0000000,MG\n",
    )
    .unwrap();
    std::fs::write(
        input.join("dw_audit_action_fact.csv"),
        "action_sk,audit_id,action_txt,completion_dt,mgr_signoff_dt,record_status_cd\n\
         610001,77001,Review the plan,2026-09-20,2026-09-18,A\n\
         610002,77001,Record the child's views,2026-09-20,NULL,D\n\
         610003,77003,Update the chronology,2026-09-25,2026-09-30,A\n",
    )
    .unwrap();
    std::fs::write(input.join("dw_ref_team.csv"), "team_cd,team_name,active_ind\nCSC-SW2,Safeguarding West,Y\nCSC-FH1,Front Door,Y\n").unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let got: Vec<(&str, &str, &str)> = audits.iter().map(|a| (a["audit_id"].as_str(), a["team"].as_str(), a["completed_date"].as_str())).collect();
    assert_eq!(got, [("77001", "Safeguarding West", "2026-09-10"), ("77003", "Front Door", "2026-09-12")], "the current version; not the deleted row");
    let actions = rows(&out.join("normalised/actions.csv"));
    let texts: Vec<&str> = actions.iter().map(|a| a["action"].as_str()).collect();
    assert_eq!(texts, ["Review the plan", "Update the chronology"], "the text column, not the key column; not the deleted action");
    let dq = data_quality(&out);
    assert_eq!(dq.matches("an earlier version of a record").count(), 3, "{dq}");
}

#[test]
fn a_sharepoint_lists_title_and_id_and_its_folders_are_read_as_such() {
    let dir = scratch("sharepoint");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audits.csv"),
        "ID,Title,Audit Date,District,Overall judgement of the case file,Parents / carers views,Created,Created By,Modified,Modified By,Item Type,Path\n\
         1,2026-07,,,,,01/07/2026,\"Vale, Ann\",01/07/2026,\"Vale, Ann\",Folder,sites/qa/Lists/Audits\n\
         2,MB30101,07/09/2026,North,Good,Not selected for parent/carer views.,07/09/2026,\"Vale, Ann\",08/09/2026,\"Vale, Ann\",Item,sites/qa/Lists/Audits/2026-07\n\
         3,MB30102,08/09/2026,North,Inadequate,Mother declined to take part in the audit.,08/09/2026,\"Vale, Ann\",08/09/2026,\"Vale, Ann\",Item,sites/qa/Lists/Audits/2026-07\n\
         4,MB30103,09/09/2026,South,Good,Foster carer feels well supported by the team.,09/09/2026,\"Vale, Ann\",09/09/2026,\"Vale, Ann\",Item,sites/qa/Lists/Audits/2026-07\n\
         5,MB30104,10/09/2026,South,Good,Not selected for parent/carer views.,10/09/2026,\"Vale, Ann\",10/09/2026,\"Vale, Ann\",Item,sites/qa/Lists/Audits/2026-07\n\
         6,MB30105,11/09/2026,South,Good,Father refused to meet the auditor at all.,11/09/2026,\"Vale, Ann\",11/09/2026,\"Vale, Ann\",Item,sites/qa/Lists/Audits/2026-07\n\
         7,MB30106,14/09/2026,South,Good,Parents declined to engage with the audit.,14/09/2026,\"Vale, Ann\",14/09/2026,\"Vale, Ann\",Item,sites/qa/Lists/Audits/2026-07\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let got: Vec<(&str, &str)> = audits.iter().map(|a| (a["audit_id"].as_str(), a["child_id"].as_str())).collect();
    assert_eq!(
        got,
        [("2", "MB30101"), ("3", "MB30102"), ("4", "MB30103"), ("5", "MB30104"), ("6", "MB30105"), ("7", "MB30106")],
        "Title is the child, ID the audit; the folder is no audit"
    );
    let m = metrics(&out);
    let family = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "family_spoken_to").unwrap();
    // (Three sentences read only by a word inside them; "Not selected for
    // parent/carer views." is the form's own answer for a case not selected,
    // not one of them.)
    assert_eq!(family["not_in_source"], true, "views written as sentences are not yes or no answers");
    let dq = data_quality(&out);
    assert!(dq.contains("answers_not_read") && dq.contains("are sentences"), "{dq}");
}

#[test]
fn two_columns_for_one_field_never_both_filled_are_read_as_one() {
    let run = |name: &str, text: &str| -> (serde_json::Value, String) {
        let dir = scratch(name);
        let input = dir.join("in");
        std::fs::create_dir_all(&input).unwrap();
        std::fs::write(input.join("audits.csv"), text).unwrap();
        let out = dir.join("out");
        let o = auditpack(&dir, &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--reports", "board-pack"]);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        let m = metrics(&out);
        let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "family_spoken_to").unwrap().clone();
        (k, data_quality(&out))
    };
    // The question was reworded in September: the old column is blank from then on.
    let (k, dq) = run(
        "reworded",
        "Child ID,Date of audit,Overall grade,Did you speak to the parents?,Did you speak with the family?\n\
         C1,07/09/2026,Good,Yes,\nC2,08/09/2026,Good,No,\nC3,20/09/2026,Good,,Yes\nC4,21/09/2026,Good,,Yes\n",
    );
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(3), Some(4)), "{dq}");
    assert!(!dq.contains("column_ambiguous") && dq.contains("columns_joined"), "{dq}");
    // Both filled on a row: which one is meant is not known, so neither is used.
    let (k, dq) = run(
        "tied",
        "Child ID,Date of audit,Overall grade,Did you speak to the parents?,Did you speak with the family?\n\
         C1,07/09/2026,Good,Yes,No\nC2,08/09/2026,Good,No,\nC3,20/09/2026,Good,,Yes\n",
    );
    assert_eq!(k["not_in_source"], true);
    assert!(dq.contains("column_ambiguous"), "{dq}");
}

#[test]
fn actions_in_numbered_slots_across_an_audit_row_are_that_audits_actions() {
    let dir = scratch("action-slots");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("responses.csv"),
        "Date of the Audit,Child ID,Team,Auditor,1. Is the child safe?,2. Is work child-centred?,3. Is management oversight effective?,Overall grade,\
         Recommendations for further action: (1),Who By: (1),By When: (1),\
         Recommendations for further action: (2),Who By: (2),By When: (2),Action 1 completed,Action 2 completed\n\
         01/09/2026,C1,CP North,Ann Vale,Yes,Partially,No,Good,Update the plan,SW,10/09/2026,Visit the school,TM,Within 10 working days,09/09/2026,\n\
         02/09/2026,C2,CP North,Ann Vale,Yes,Yes,Partially,Good,No further action,,,,,,,\n\
         03/09/2026,C3,CP South,Bo Fenn,No,Partially,Yes,Inadequate,,,,,,,,\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let actions = rows(&out.join("normalised/actions.csv"));
    let got: Vec<(&str, &str, &str, &str)> =
        actions.iter().map(|a| (a["child_id"].as_str(), a["action"].as_str(), a["due_date"].as_str(), a["completed_date"].as_str())).collect();
    assert_eq!(got, [("C1", "Update the plan", "2026-09-10", "2026-09-09"), ("C1", "Visit the school", "", "")]);
    let m = metrics(&out);
    let on_time = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "actions_on_time").unwrap();
    assert_eq!((on_time["numerator"].as_u64(), on_time["denominator"].as_u64()), (Some(1), Some(2)));
}

/// Ordinary exports a stranger's review made to show rules firing where they
/// should not (tests/fixtures/review/): each keeps the numbers its rows say.
/// Runs a stranger review's case (`tests/fixtures/review/<case>`) for
/// September 2026, as of 31 October; the output folder.
fn review_run(case: &str) -> std::path::PathBuf {
    let dir = scratch(&format!("review-{case}"));
    let input = crate::root().join("tests/fixtures/review").join(case);
    let out = dir.join("out");
    let o = auditpack(
        &dir,
        &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"],
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{case}: {}", stderr(&o));
    out
}

/// One KPI of a run's `metrics.json`.
fn review_kpi(out: &std::path::Path, id: &str) -> serde_json::Value {
    metrics(out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone()
}

#[test]
fn definitions_a_stranger_worked_out_by_hand() {
    // The eleventh stranger review (2026-11-29) checked the arithmetic
    // against METRICS.md by hand (tests/fixtures/review/r23_*/expected.md).
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    // A moderator's "Inadequate" against the auditor's "Does not meet good"
    // (RI or inadequate) cannot be told equal: not agreed, and said so.
    let out = review_run("r23_08_moderation_across_scales");
    assert_eq!(pair(&review_kpi(&out, "moderation_agreement")), (Some(4), Some(6)));
    assert!(data_quality(&out).contains("agreement_not_recorded"));
    // Seen alone "N/A" is neither yes nor no: in the denominator only.
    assert_eq!(pair(&review_kpi(&review_run("r23_16_seen_alone"), "seen_alone_recorded")), (Some(5), Some(9)));
    // A case-note export that starts on the period's first day: gaps from it,
    // not from plans that began months before; the period before is not in it.
    let out = review_run("r23_25_notes_export_starts_at_period");
    let cp = review_kpi(&out, "cp_visits_in_time");
    assert_eq!(pair(&cp), (Some(3), Some(3)));
    assert_eq!(pair(&review_kpi(&out, "cla_visits_in_time")), (Some(1), Some(1)));
    assert!(cp["previous"]["value"].is_null() && cp["change"].is_null(), "{cp}");
    assert!(data_quality(&out).contains("notes_start_late"));
    // Notes from 1 July: the period before is counted from them, not 0% and "+100 pts".
    let cla = review_kpi(&review_run("r23_31_previous_period_visits"), "cla_visits_in_time");
    assert_eq!(cla["previous"]["value"].as_f64(), Some(1.0), "{cla}");
}

#[test]
fn the_days_new_rules_leave_plausible_exports_alone() {
    // The twelfth stranger review (2026-11-29) attacked that day's rules
    // (tests/fixtures/review/r24_*/expected.md).
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    // Notes from 17 August with real visits before the period: this period
    // is counted from them; July–August, two weeks of it, is not compared.
    let out = review_run("r24_01_notes_start_prior_visit");
    let cp = review_kpi(&out, "cp_visits_in_time");
    assert_eq!(pair(&cp), (Some(2), Some(3)));
    assert!(cp["previous"]["value"].is_null() && cp["change"].is_null(), "{cp}");
    // A supervision log going back a year does not say the visits do.
    let out = review_run("r24_02_notes_start_two_files");
    assert_eq!(pair(&review_kpi(&out, "cp_visits_in_time")), (Some(1), Some(1)));
    assert_eq!(pair(&review_kpi(&out, "cla_visits_in_time")), (Some(1), Some(1)));
    // Notes from a new system starting on 20 October: not 100% "on target".
    assert_eq!(review_kpi(&review_run("r24_03_notes_start_late_in_period"), "cp_visits_in_time")["not_in_source"], true);
    // A moderator's 4 beside meets-good grades is not that scale's count.
    assert_eq!(pair(&review_kpi(&review_run("r24_06_mod_numbers_1to4"), "moderation_agreement")), (Some(4), Some(6)));
    // An action plan's "Draft" is not the audit's status.
    let out = review_run("r24_12_other_status_columns");
    assert_eq!(review_kpi(&out, "audits_completed")["value"].as_f64(), Some(4.0));
    assert_eq!(pair(&review_kpi(&out, "overall_good_or_better")), (Some(2), Some(4)));
    // "Not upheld" is no agreement, "Grade not changed" is.
    let agreement = review_kpi(&review_run("r24_15_moderation_outcome_header"), "moderation_agreement");
    let teams: Vec<(String, Option<u64>)> =
        agreement["by_team"].as_array().unwrap().iter().map(|t| (t["team"].as_str().unwrap().to_string(), t["numerator"].as_u64())).collect();
    assert_eq!(teams, [("CP North".to_string(), Some(2)), ("CP South".to_string(), Some(3))]);
    // The same log with the column headed only "Outcome" (beside a moderator
    // and a moderation date): the agreement, by its values.
    let agreement = review_kpi(&review_run("r25_01_moderation_outcome_plain"), "moderation_agreement");
    assert_eq!(pair(&agreement), (Some(5), Some(8)));
    // A summary of counts under the audit log is no table of records: no
    // error (the run exited 1 with "no child id column").
    let out = review_run("r24_08_audit_table_with_summary");
    assert!(!data_quality(&out).contains("missing_column"), "{}", data_quality(&out));
    assert_eq!(review_kpi(&out, "audits_completed")["value"].as_f64(), Some(8.0));
    // "Revised Completion Date" between a target and an actual completion date
    // is the revised target (it tied between the two and was left unused).
    let out = review_run("r24_18_revised_completion_is_target");
    assert_eq!(pair(&review_kpi(&out, "actions_on_time")), (Some(2), Some(4)));
    assert_eq!(review_kpi(&out, "actions_overdue")["value"].as_f64(), Some(1.0));
    // A cycle's audits are due at the end of the cycle, whatever the grid.
    assert_eq!(pair(&review_kpi(&review_run("r24_19_cycle_column_generic"), "audits_on_time")), (Some(3), Some(4)));
    assert_eq!(pair(&review_kpi(&review_run("r24_20_cycle_offgrid_nine_area"), "audits_on_time")), (Some(2), Some(3)));
}

#[test]
fn rules_for_unusual_exports_leave_ordinary_ones_alone() {
    let kpi = |case: &str, id: &str| review_kpi(&review_run(case), id);
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    let teams = |k: &serde_json::Value| -> Vec<(String, u64)> {
        k["by_team"].as_array().unwrap().iter().map(|t| (t["team"].as_str().unwrap().to_string(), t["numerator"].as_u64().unwrap())).collect()
    };
    // A "Current" column on a legal-status list is an open plan, not a row version.
    assert_eq!(pair(&kpi("t1", "cp_visits_in_time")).1, Some(2));
    // A blank team is not filled down across a change of service.
    let t3 = teams(&kpi("t3", "audits_completed"));
    assert!(t3.contains(&("Care Leavers".into(), 2)) && t3.contains(&("Disabled Children".into(), 1)), "{t3:?}");
    // A file named for a place is no team.
    assert_eq!(teams(&kpi("t5", "audits_completed")), [("(not recorded)".to_string(), 2)]);
    // "Completed - re-audit not required" is a completed audit.
    assert_eq!(kpi("t6", "audits_completed")["value"].as_f64(), Some(4.0));
    // "Team Code" beside "Team", "Overall Grade Code" beside "Overall Grade": no tie.
    assert_eq!(pair(&kpi("t7", "overall_good_or_better")), (Some(2), Some(3)));
    assert!(!teams(&kpi("t7", "audits_completed")).iter().any(|(t, _)| t == "(not recorded)"));
    // A "Review Date" is the next review, not the day an action was done.
    assert_eq!(kpi("t11", "actions_on_time")["not_in_source"], true);
    // "Not applicable - child is too young to talk" is an answer, not prose.
    assert_eq!(pair(&kpi("t12", "child_spoken_to")), (Some(2), Some(3)));
    // Findings discussed with the team manager is not speaking to the practitioner.
    assert_eq!(kpi("t20", "practitioner_spoken_to")["not_in_source"], true);
    // A tracker whose first column is "Status" (Completed, Completed, …) is not a sheet on its side.
    assert_eq!(kpi("audit_status_first", "audits_completed")["value"].as_f64(), Some(20.0));
    assert_eq!(pair(&kpi("audit_status_first", "overall_good_or_better")), (Some(10), Some(20)));
    // Nor is a long-format export whose first column is the question.
    assert_eq!(pair(&kpi("long_xlsx", "overall_good_or_better")), (Some(3), Some(4)));
    // A key giving only "1 = Outstanding", or one the crosswalk cannot read ("1 = Outstanding to
    // 4 = Inadequate"), does not turn the numbers round.
    assert_eq!(pair(&kpi("keyone", "overall_good_or_better")), (Some(4), Some(6)));
    assert_eq!(pair(&kpi("keyto", "overall_good_or_better")), (Some(4), Some(6)));
    // "#N/A" written as text (a CSV saved from Excel) is no child id to match on.
    assert_eq!(pair(&kpi("na_csv2", "inadequate_reaudited_in_time")), (Some(0), Some(1)));
    // A "Completed" column of dates in an action log is the completion date.
    assert_eq!(pair(&kpi("act_completed_dates", "actions_on_time")), (Some(4), Some(6)));

    // A third review (of 2026-11-29's rules), each an ordinary export a rule had misread:
    // Files that each number their own audits ("QA-001" every month; a team's log "v2"
    // beside another team's) are not re-exports of one another: different children.
    assert_eq!(kpi("c1f_monthly_rundate", "audits_completed")["value"].as_f64(), Some(11.0));
    assert_eq!(pair(&kpi("c1f_monthly_rundate", "overall_good_or_better")), (Some(7), Some(11)));
    assert_eq!(pair(&kpi("c1c_two_teams_v2", "child_spoken_to")), (Some(4), Some(8)));
    // A legal-status report with a "Category" beside the status is legal status, not case notes.
    assert_eq!(pair(&kpi("c5e1", "cp_visits_in_time")), (Some(2), Some(2)));
    assert_eq!(pair(&kpi("c5e1", "cla_visits_in_time")), (Some(1), Some(1)));
    // "No change" agrees; "Not moderated", "Not selected for moderation" are no moderation.
    assert_eq!(pair(&kpi("c6c_moderation_outcome_tracker", "moderation_coverage")), (Some(5), Some(10)));
    assert_eq!(pair(&kpi("c6c_moderation_outcome_tracker", "moderation_agreement")), (Some(4), Some(5)));
    // "Child Seen, Father Not Seen" is a visit; so is "no access to bedroom", "phone call to arrange", …
    assert_eq!(pair(&kpi("f2_parent_not_seen", "cp_visits_in_time")), (Some(4), Some(4)));
    assert_eq!(pair(&kpi("c3_note_types", "cp_visits_in_time")), (Some(12), Some(12)));
    // A supervision order (s31) is not looked after.
    assert_eq!(pair(&kpi("f1_supervision_order_as_cla", "cla_visits_in_time")), (Some(3), Some(3)));
    // "Face to face (interpreter on Teams)" is in person; "Not seen alone" under "Child Seen" was seen.
    assert_eq!(pair(&kpi("c4b_visit_mode_values", "cp_visits_in_time")), (Some(8), Some(8)));
    assert_eq!(pair(&kpi("c4a_child_seen_values", "cp_visits_in_time")), (Some(7), Some(8)));
    // An audit form's response sheet with numbered action slots is audits (and its actions).
    assert_eq!(kpi("c9a_slot_comments", "audits_completed")["value"].as_f64(), Some(8.0));
    assert_eq!(pair(&kpi("c9a_slot_comments", "actions_on_time")).1, Some(8));
    // "Team" beside "Allocated Team" stays a tie (reported), not the auditor's team.
    assert_eq!(teams(&kpi("c10a_allocated_team", "audits_completed")), [("(not recorded)".to_string(), 6)]);
    // The fourth stranger review (2026-11-29, of that day's rules):
    // a key to yes / no answers above the header is no grade key;
    assert_eq!(pair(&kpi("r12_k5b_yesno_note_flips", "overall_good_or_better")), (Some(3), Some(5)));
    // "Overall, is the child safe?" (yes / no) is no overall judgement;
    assert_eq!(kpi("r12_o3_no_overall_safe_q", "overall_good_or_better")["not_in_source"], true);
    // a moderation log naming the "Original Audit ID", or dated by the audits'
    // own date, moderates those audits: no audits of its own;
    for case in ["r12_r3d_modlog_both_grades_origid", "r12_r3e_modlog_both_grades_auditid", "r12_r3f_log_first"] {
        assert_eq!(kpi(case, "audits_completed")["value"].as_f64(), Some(4.0), "{case}");
        assert_eq!(pair(&kpi(case, "moderation_coverage")), (Some(3), Some(4)), "{case}");
    }
    // an action of an audit not in the export is not linked to a later one;
    assert_eq!(pair(&kpi("r12_a4_nearby_prev_cycle", "actions_on_time")), (Some(2), Some(2)));
    // "Did not speak with child" under "Record of discussion with child" is no
    // (and, since the sixty-sixth session, "Too young - 8 months" as the
    // reason is not applicable, as blind sets 40 and 171 to 174 read it);
    assert_eq!(pair(&kpi("r12_sp1_record_pairs", "child_spoken_to")), (Some(2), Some(6)));
    // a "Reallocated" row with its own completion date is that audit, done;
    assert_eq!(pair(&kpi("r12_s1_reallocated_completed", "overall_good_or_better")), (Some(2), Some(4)));
    // "Child not seen - at school" under "Seen Alone" is no statutory visit;
    assert_eq!(pair(&kpi("r12_sa1_seen_alone", "seen_alone_recorded")), (Some(133), Some(133)));
    // a row of grades ("Requires Improvement" in every column) is data, not the header.
    assert_eq!(kpi("r12_h1_short_headers_RI_row", "audits_completed")["value"].as_f64(), Some(3.0));
    // The fifth stranger review (2026-11-29, of that day's later rules):
    // one yes / no column ("Case closed (Y/N)") does not make a framework;
    assert_eq!(pair(&kpi("r13_yn1_case_closed", "audits_on_time")), (Some(3), Some(5)));
    // an audit log with an overall grade and one set of action columns is audits;
    assert_eq!(kpi("r13_nl15_noauditid", "audits_completed")["value"].as_f64(), Some(5.0));
    // two teams' logs numbering their audits alike are not one another's moderation;
    assert_eq!(kpi("r13_md3_two_teams_ids", "audits_completed")["value"].as_f64(), Some(10.0));
    assert_eq!(pair(&kpi("r13_md3_two_teams_ids", "overall_good_or_better")), (Some(6), Some(10)));
    // a log with the moderator's grade and a plain "Audit Date", read after its audits;
    assert_eq!(pair(&kpi("r13_md4_log_after_plain", "moderation_coverage")), (Some(3), Some(5)));
    // "Date report sent to SW" is no allocation date;
    assert_eq!(kpi("r13_al4_report_sent", "audits_on_time")["not_in_source"], true);
    // numbered actions on one line; hours; a Part B 18 days after Part A; "Date sent to SW".
    assert_eq!(pair(&kpi("r13_nl20_inline", "actions_on_time")), (Some(5), Some(6)));
    assert_eq!(pair(&kpi("r13_ts2_hours", "actions_on_time")), (Some(4), Some(6)));
    assert_eq!(pair(&kpi("r13_ts1_seed002", "actions_on_time")), (Some(2), Some(3)));
    assert_eq!(pair(&kpi("r13_act_sent", "actions_on_time")), (Some(1), Some(4)));
    // The sixth stranger review (2026-11-29): an audit tracker in a file named
    // "Moderation tracker" (it has auditors and teams) is audits, not a log;
    assert_eq!(kpi("r14_mo1_modnamed_auditdate", "audits_completed")["value"].as_f64(), Some(5.0));
    assert_eq!(pair(&kpi("r14_mo1_modnamed_auditdate", "moderation_coverage")), (Some(3), Some(5)));
    // two yes / no columns do not make seed 000's framework either;
    assert_eq!(pair(&kpi("r14_ob5_obs_yn_caseclosed_yn", "audits_on_time")), (Some(1), Some(3)));
    // "Previous plan end" is another plan's end;
    for case in ["r14_pd5_previous_plan_end", "r14_pd6_previous_and_current"] {
        assert_eq!(pair(&kpi(case, "cp_visits_in_time")), (Some(1), Some(2)), "{case}");
    }
    // a "Cancelled" visit outcome is no visit; "Not recorded" in every cell is 0 recorded;
    assert_eq!(pair(&kpi("r14_vo1_visit_outcome", "cla_visits_in_time")), (Some(1), Some(2)));
    assert_eq!(pair(&kpi("r14_vo1_visit_outcome", "seen_alone_recorded")), (Some(3), Some(12)));
    assert_eq!(pair(&kpi("r14_sa2_all_not_recorded", "seen_alone_recorded")), (Some(0), Some(12)));
    // a "Transfer in date" as the only start column is the plan's start;
    assert_eq!(pair(&kpi("r14_pd3_transfer_in", "cp_visits_in_time")), (Some(1), Some(2)));
    // an audit table's only graded column, on an Ofsted scale and headed
    // "Rating", is its overall; beside yes / no questions about areas such a
    // column may be one area's grade, so the overall is not in the exports.
    assert_eq!(pair(&kpi("r14_yn11_no_yn_rating_noauditor", "overall_good_or_better")), (Some(3), Some(5)));
    for case in ["r14_yn6_short_nine_rating_noauditor", "r14_yn10_two_yn_quality", "r15_au2_group_header_plan_quality"] {
        assert_eq!(kpi(case, "overall_good_or_better")["not_in_source"], true, "{case}");
    }
    // A database extract's superseded legal-status row (not current, same
    // start as the current one) is an earlier version, not a spell of its own.
    assert_eq!(pair(&kpi("r15_ic1_db_corrected_end", "cp_visits_in_time")), (Some(2), Some(2)));
    // Exports downloaded again (each case's expected.md says why).
    let value = |case: &str, id: &str| kpi(case, id)["value"].as_f64();
    // "(1)" is the later download: its completion and regrade are used.
    assert_eq!(
        (value("r19_c01_download_copy_fires", "audits_completed"), pair(&kpi("r19_c01_download_copy_fires", "overall_good_or_better"))),
        (Some(4.0), (Some(3), Some(4)))
    );
    // Two teams' files named "Audit returns" and "Audit returns (1)" with the same refs for other children: both kept.
    assert_eq!(value("r19_c02_two_teams_same_name_same_refs", "audits_completed"), Some(6.0));
    // No audit id: a re-audit with a new allocation date is another audit.
    assert_eq!(pair(&kpi("r19_c03_reaudit_new_allocation_no_id", "inadequate_reaudited_in_time")), (Some(1), Some(1)));
    assert_eq!(value("r19_c03_reaudit_new_allocation_no_id", "audits_completed"), Some(3.0));
    // The same action words set again weeks later are another action; a re-download's are the same one.
    assert_eq!(pair(&kpi("r19_c07_actions_recur_monthly_no_id", "actions_on_time")), (Some(2), Some(5)));
    assert_eq!(value("r19_c07_actions_recur_monthly_no_id", "actions_overdue"), Some(1.0));
    assert_eq!(pair(&kpi("r19_c08_actions_xlsx_redownload_same_text_two_owners", "actions_on_time")), (Some(2), Some(4)));
    // A moderator named with nothing else, where the log records agreement: not moderated yet.
    assert_eq!(pair(&kpi("r19_c09_moderator_agree_flag_dates_not_kept", "moderation_coverage")), (Some(3), Some(6)));
    assert_eq!(pair(&kpi("r19_c10_moderator_allocated_only", "moderation_coverage")), (Some(4), Some(6)));
    // "Completed/Comments" read first, "Status" where it is blank, a date written in the comment.
    assert_eq!(pair(&kpi("r19_c12_completed_comments_vs_status", "actions_on_time")), (Some(3), Some(6)));
    // "end of Sept", "end of month": the month's last day.
    assert_eq!(pair(&kpi("r19_c13_due_end_of_month_phrases", "actions_on_time")), (Some(3), Some(6)));
    // A later allocation list (no completion column) does not replace the returns.
    assert_eq!(value("r19_c17_allocation_list_vs_returns", "audits_completed"), Some(3.0));
    // Case notes by their own id: with the child (two systems both number notes 1001…).
    assert_eq!(pair(&kpi("r20_01_note_ids_collide_two_systems", "notes_recorded_in_time")), (Some(5), Some(8)));
    // A later run's corrected note is used, once.
    assert_eq!(pair(&kpi("r20_02_note_rerun_later_export_wins", "notes_recorded_in_time")), (Some(8), Some(9)));
    assert_eq!(pair(&kpi("r20_02_note_rerun_later_export_wins", "seen_alone_recorded")), (Some(5), Some(5)));
    // "Sep 2026 v2" is before "Oct 2026": a month's name in a file name orders it.
    assert_eq!(pair(&kpi("r20_05_cp_register_sep_v2_vs_oct", "cp_visits_in_time")), (Some(2), Some(2)));
    // One note id on two siblings' records is two notes.
    assert_eq!(pair(&kpi("r20_06_sibling_joint_visit_per_team_exports", "cp_visits_in_time")), (Some(2), Some(2)));
    // A category of need ("N1 Abuse or neglect") is no child protection plan.
    assert_eq!(pair(&kpi("r20_12_cin_list_category_of_need_and_previous_cp_category", "cp_visits_in_time")), (Some(0), Some(0)));
    // A current CP list with no end-date column ("Child ID, Category of Abuse, CP Plan
    // Start Date, Social Worker, Team") is a list of plans, not of case notes.
    assert_eq!(pair(&kpi("r20_10_current_cp_list_without_end_column", "cp_visits_in_time")), (Some(3), Some(4)));
    // One row per worker at a joint visit (same note id, child and day) is one note.
    assert_eq!(pair(&kpi("r20_24_joint_visit_one_row_per_worker", "notes_recorded_in_time")), (Some(2), Some(4)));
    // The ninth stranger review (2026-11-29): a run date written day first and
    // run together ("30102026") orders two exports;
    assert_eq!(pair(&kpi("r21_20_export_versions_ddmmyyyy", "overall_good_or_better")), (Some(3), Some(5)));
    // a tracker copied to a new sheet each month ("Sep 26", "Oct 26") is read
    // as its latest sheet, the audit completed since included;
    assert_eq!(kpi("r21_21_cumulative_month_sheets", "audits_completed")["value"].as_f64(), Some(5.0));
    assert_eq!(pair(&kpi("r21_21_cumulative_month_sheets", "overall_good_or_better")), (Some(3), Some(5)));
    // an audit entered again further down one log (returned for amendment,
    // then completed) is its later row.
    assert_eq!(pair(&kpi("r21_27_same_id_redone_in_file", "moderation_coverage")), (Some(2), Some(5)));
    assert_eq!(pair(&kpi("r21_27_same_id_redone_in_file", "overall_good_or_better")), (Some(3), Some(5)));
    // A comma inside a header name ("Overall Judgement (Good, RI etc)") made
    // the header one name wider than its rows: joined back, the spoken-to
    // columns are read where they are.
    assert_eq!(pair(&kpi("r21_30_header_unquoted_comma", "family_spoken_to")), (Some(3), Some(5)));
    assert_eq!(pair(&kpi("r21_30_header_unquoted_comma", "practitioner_spoken_to")), (Some(4), Some(5)));
    // "01/01/1900" is how a database writes "no date": an open plan's end,
    // an audit not completed.
    assert_eq!(pair(&kpi("r21_24_sql_1900_open_end", "cp_visits_in_time")), (Some(1), Some(2)));
    assert_eq!(pair(&kpi("r21_24_sql_1900_open_end", "cla_visits_in_time")), (Some(1), Some(1)));
    assert_eq!(pair(&kpi("r21_07_impossible_dates", "audits_on_time")), (Some(4), Some(10)));
    // The tenth stranger review (2026-11-29), on that day's rules: "North -
    // West" is a place, not the team "West" under a service;
    let t02 = teams(&kpi("r22_02_hyphen_locality", "audits_completed"));
    assert!(t02.iter().any(|(t, _)| t == "West") && t02.iter().any(|(t, _)| t == "North - West"), "{t02:?}");
    // an audit id given again to the same child's re-audit two months later
    // (one sheet, or another team's sheet) is another audit;
    assert_eq!(pair(&kpi("r22_04_reaudit_same_id", "inadequate_reaudited_in_time")), (Some(1), Some(1)));
    assert_eq!(pair(&kpi("r22_24_sheet_team_numbers", "inadequate_reaudited_in_time")), (Some(1), Some(1)));
    assert_eq!(kpi("r22_24_sheet_team_numbers", "audits_completed")["value"].as_f64(), Some(3.0));
    // each team's sheet numbering its own audits keeps both, as files do;
    assert_eq!(pair(&kpi("r22_26_team_sheets_own_numbers", "overall_good_or_better")), (Some(3), Some(4)));
    // a team cell saying none was recorded ("Choose an item.") is not "same
    // as above";
    let t03 = teams(&kpi("r22_03_placeholder_team", "audits_completed"));
    assert!(t03.contains(&("(not recorded)".to_string(), 3)), "{t03:?}");
    // month titles and auditors' names above groups are no teams;
    assert_eq!(teams(&kpi("r22_05_month_titles", "audits_completed")), [("CP North Team".to_string(), 4)]);
    assert_eq!(teams(&kpi("r22_06_auditor_titles", "audits_completed")), [("(not recorded)".to_string(), 4)]);
    // "Total of 6 visits" in a summary, "Total rewrite of the plan" as an
    // action, are no totals rows.
    assert_eq!(kpi("r22_07_total_in_text", "audits_completed")["value"].as_f64(), Some(4.0));
    assert_eq!(pair(&kpi("r22_08_actions_text", "actions_on_time")), (Some(3), Some(4)));
}

/// A stranger's review (2026-12-01) of the rules added that day, each a
/// plausible export those rules first misread (`tests/fixtures/review/r45_*`).
#[test]
fn the_eighteenth_sessions_rules_leave_ordinary_exports_alone() {
    let kpi = |case: &str, id: &str| review_kpi(&review_run(case), id);
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    // "Audit and moderation log 2026-27.csv" is a tracker of audits (with their
    // moderation), not a moderator's log: its name says audits too.
    assert_eq!(kpi("r45_modtracker", "audits_completed")["value"].as_f64(), Some(5.0));
    assert_eq!(pair(&kpi("r45_modtracker", "moderation_coverage")), (Some(2), Some(5)));
    // "Child missing from home since 01/09", "Young person said by carer to be
    // settled", "Carer phone number disconnected": no one was spoken to.
    assert_eq!(pair(&kpi("r45_spoken", "child_spoken_to")), (Some(2), Some(7)));
    // A domain graded Met / Not met headed "Family views" is no spoken-to answer.
    assert_eq!(kpi("r45_famviews", "family_spoken_to")["not_in_source"], true);
    // "Transfer-in LA case ref", filled for one child, is not the table's child id.
    assert_eq!(kpi("r45_laid", "audits_completed")["value"].as_f64(), Some(5.0));
    assert_eq!(pair(&kpi("r45_laid", "actions_on_time")), (Some(1), Some(2)));
    // A CLA audit's "Case review date" (the child's review) beside "Audit date";
    // and a "Date of review" that is the follow-up review: neither is the completion.
    assert_eq!(pair(&kpi("r45_review3", "overall_good_or_better")), (Some(2), Some(4)));
    assert_eq!(kpi("r45_review", "audits_completed")["not_in_source"], true);
    // "… brought forward from 2 earlier audits" names no action.
    assert_eq!(pair(&kpi("r45_bf", "actions_on_time")), (Some(2), Some(4)));
    assert_eq!(kpi("r45_bf", "actions_overdue")["value"].as_f64(), Some(2.0));
    // Two keys on one sheet with only a blank row between them (1-4 Ofsted,
    // then 1-3 Met): two lists, so neither is used, and the codes read as
    // Ofsted's order (1 = Outstanding).
    assert_eq!(pair(&kpi("r45_gradekey", "overall_good_or_better")), (Some(4), Some(6)));
    // "Sent to … for moderation 25/10", "Referred for moderation - awaiting": not moderated.
    assert_eq!(pair(&kpi("r45_modsent", "moderation_coverage")), (Some(1), Some(4)));
}

#[test]
fn the_twentieth_sessions_rules_leave_ordinary_exports_alone() {
    // A stranger's review of the session's rules (tests/fixtures/review/r47_*).
    let kpi = |case: &str, id: &str| review_kpi(&review_run(case), id);
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    // "No one was reached" is no only when no other clause says someone was:
    // "Saw child at school; she did not respond to questions about home",
    // "Home visit with mum; dad did not respond to calls" are yes; "YP did
    // not respond to calls or letters", "Left a message, no reply" are no.
    assert_eq!(pair(&kpi("r47_child_record_mixed", "child_spoken_to")), (Some(4), Some(5)));
    assert_eq!(pair(&kpi("r47_form_box_mixed", "child_spoken_to")), (Some(1), Some(2)));
    assert_eq!(pair(&kpi("r47_form_box_mixed", "family_spoken_to")), (Some(1), Some(2)));
    assert_eq!(pair(&kpi("r47_record_no_contact", "family_spoken_to")), (Some(2), Some(5)));
    // The same under a "Parent/carer spoken to" column, where "Left a
    // message, no reply" was left blank; and mum met or seen beside a
    // refusal of someone else's ("Mum seen at contact centre, father unable
    // to make contact") is yes.
    assert_eq!(pair(&kpi("r47_no_contact_texts", "family_spoken_to")), (Some(1), Some(4)));
    assert_eq!(pair(&kpi("r47_record_mixed", "family_spoken_to")), (Some(5), Some(6)));
    assert_eq!(pair(&kpi("r47_yesno_col_mixed", "family_spoken_to")), (Some(5), Some(6)));
    // Grades "1.0" to "4.0" (a float column written out) are grades 1 to 4.
    assert_eq!(pair(&kpi("r47_grade_codes_float", "overall_good_or_better")), (Some(2), Some(4)));
    // A heading above bulleted actions is no action; a wrapped bullet is one.
    assert_eq!(pair(&kpi("r47_heading_then_bullets", "actions_on_time")), (Some(0), Some(2)));
    assert_eq!(pair(&kpi("r47_bullets_wrapped", "actions_on_time")), (Some(0), Some(3)));
}

#[test]
fn the_nineteenth_sessions_rules_leave_ordinary_exports_alone() {
    // A stranger's review of the session's rules (tests/fixtures/review/r46_*):
    // each case misread by the first version of a rule, read right now.
    let kpi = |case: &str, id: &str| review_kpi(&review_run(case), id);
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    // Notes beside a live status ("In progress" + "Removed from the Sept sample
    // but re-added in Oct"), notes of something else removed ("Removed from
    // mother's care"), a replacement's own note ("Replaced TH50211"), and a
    // status "Removed from moderation sample" on a done audit: all still audits.
    assert_eq!(pair(&kpi("r46_notes_readded", "audits_on_time")), (Some(3), Some(8)));
    assert_eq!(pair(&kpi("r46_note_child_event", "audits_on_time")), (Some(3), Some(5)));
    assert_eq!(pair(&kpi("r46_note_on_replacement_row", "audits_on_time")), (Some(2), Some(4)));
    assert_eq!(kpi("r46_status_removed_done", "audits_completed")["value"].as_f64(), Some(4.0));
    // "See TH50231 - TH50232 is 9 months old, not spoken to" is read for its own
    // words; "As TH50322" takes that child's audit nearest in time.
    assert_eq!(pair(&kpi("r46_spoken_refs", "child_spoken_to")), (Some(4), Some(4)));
    assert_eq!(pair(&kpi("r46_spoken_refs", "family_spoken_to")), (Some(8), Some(8)));
    // "Carer: no", "Dad: N/A", "Child: too young", "Mother: not contacted",
    // "Child: views from LAC review minutes"; "too young to say".
    assert_eq!(pair(&kpi("r46_view_speaker_mixed", "child_spoken_to")), (Some(4), Some(7)));
    assert_eq!(pair(&kpi("r46_view_speaker_mixed", "family_spoken_to")), (Some(4), Some(9)));
    assert_eq!(pair(&kpi("r46_say", "child_spoken_to")), (Some(4), Some(7)));
    // A sibling list named after a child's own id; "F20455/1" and "F20455/2",
    // "2026/0457" and "2026/0899" are not sibling groups; an action for
    // "71003/1" is not "60877/1"'s.
    assert_eq!(pair(&kpi("r46_sibling_ref_is_child", "inadequate_reaudited_in_time")), (Some(1), Some(2)));
    assert_eq!(pair(&kpi("r46_case_slash_person_ids", "inadequate_reaudited_in_time")), (Some(1), Some(4)));
    assert_eq!(pair(&kpi("r46_year_slash_refs", "inadequate_reaudited_in_time")), (Some(0), Some(1)));
    assert_eq!(pair(&kpi("r46_action_slash_id_links_sibling", "actions_on_time")), (Some(1), Some(1)));
    // A CP visits file headed "Family ID, Child ID, Visit date, Seen alone" is no family list.
    let visits = review_run("r46_familyid_small_tables");
    assert!(!data_quality(&visits).contains("family_groups"), "{}", data_quality(&visits));
    // A text day number in a Mac workbook that would be a day to come in its
    // 1904 system is read in the 1900 system.
    assert_eq!(kpi("r46_1904_text_serial", "audits_completed")["value"].as_f64(), Some(5.0));
}

#[test]
fn a_later_version_keeps_the_fields_its_table_has_no_column_for() {
    // An allocation list with due dates, and a returns list with completion
    // dates and no due-date column: the returns are used, with the list's due
    // dates (two of the four were returned after them).
    let case = "r20_20_allocation_list_due_dates_vs_returns";
    let dir = scratch(case);
    let fixture = crate::root().join("tests/fixtures/review").join(case);
    // Read in either order: the allocation list first (its rows are set aside
    // when the returns are read), or the returns first (the list's rows are
    // set aside as they are read).
    let reversed = dir.join("reversed");
    std::fs::create_dir_all(&reversed).unwrap();
    std::fs::copy(fixture.join("Audit returns Sep-Oct 2026.csv"), reversed.join("A returns.csv")).unwrap();
    std::fs::copy(fixture.join("Audit allocations Sep-Oct 2026.csv"), reversed.join("Z sample allocated.csv")).unwrap();
    for (input, said) in [
        (fixture, "with this row's due date (the later export has no column for them)"),
        (reversed, "takes this row's due date (its export has no column for them)"),
    ] {
        let out = dir.join(format!("out-{}", input.file_name().unwrap().to_str().unwrap()));
        let o = auditpack(&dir, &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31"]);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        let on_time = metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_on_time").unwrap().clone();
        assert_eq!((on_time["numerator"].as_u64(), on_time["denominator"].as_u64()), (Some(2), Some(4)), "{}", input.display());
        // Said where the rows set aside are listed.
        let quality = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
        assert_eq!(quality.lines().filter(|l| l.contains(said)).count(), 4, "{quality}");
    }
}

#[test]
fn a_sheet_turned_on_its_side_and_numbers_whose_header_says_what_they_mean() {
    let dir = scratch("transposed");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Audit grid").unwrap();
    let grid: [[&str; 5]; 7] = [
        ["Field", "A-01", "A-02", "A-03", "A-04"],
        ["Date of the Audit", "07/09/2026", "08/09/2026", "09/09/2026", "10/09/2026"],
        ["Name of Team", "CP North", "CP North", "CP South", "CP South"],
        ["Child's ID", "C1", "C2", "C3", "C4"],
        ["Child spoken to?", "Yes", "No", "Yes", "Yes"],
        ["Family spoken to?", "No", "No", "Yes", "Yes"],
        ["Auditors' Grade - score 1-4 (4 = Outstanding, 3 = Good, 2 = Requires improvement, 1 = Inadequate)", "4", "1", "3", "2"],
    ];
    for (r, row) in grid.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(input.join("grid.xlsx")).unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let got: Vec<(&str, &str, &str)> = audits.iter().map(|a| (a["child_id"].as_str(), a["team"].as_str(), a["overall_band"].as_str())).collect();
    assert_eq!(
        got,
        [("C1", "CP North", "outstanding"), ("C2", "CP North", "inadequate"), ("C3", "CP South", "good"), ("C4", "CP South", "requires_improvement")],
        "one audit per column; 4 is Outstanding, as the header says"
    );
    let dq = data_quality(&out);
    assert!(dq.contains("transposed"), "{dq}");
}

#[test]
fn a_cp_register_and_a_legal_status_report_with_period_of_care_dates_are_read() {
    // A CP register (registration and de-registration dates, a category of
    // abuse: only CP plans have one) and a looked-after report with both the
    // legal status's own dates and its period of care's: the status's own win.
    let dir = scratch("cp-register");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("cp_registrations.csv"),
        "Client No,Registration Date,Category of Abuse,De-registration Date,De-registration Reason\n1004100,01/06/2026,Neglect,,\n1004101,01/07/2026,Emotional Abuse,,\n1004102,01/02/2026,Physical Abuse,01/05/2026,Plan ended\n",
    )
    .unwrap();
    std::fs::write(
        input.join("lac_legal_status.csv"),
        "Client No,Legal Status,Legal Status Start,Legal Status End,Period of Care Start,Period of Care End\n1004200,S20,01/06/2026,,01/06/2026,\n1004201,ICO,20/09/2026,,01/03/2026,\n",
    )
    .unwrap();
    std::fs::write(
        input.join("notes.csv"),
        "Client No,Visit Date,Note Type,Seen Alone\n1004100,02/09/2026,CP visit,Yes\n1004101,02/09/2026,CP visit,Yes\n1004200,02/09/2026,CLA visit,Yes\n1004201,25/09/2026,CLA visit,Yes\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let k = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    // 1004100 and 1004101 are on plans in the period; 1004102's plan ended in May.
    assert_eq!((k("cp_visits_in_time")["not_in_source"].as_bool(), k("cp_visits_in_time")["denominator"].as_u64()), (Some(false), Some(2)));
    assert_eq!((k("cla_visits_in_time")["not_in_source"].as_bool(), k("cla_visits_in_time")["denominator"].as_u64()), (Some(false), Some(2)));
    let dq = data_quality(&out);
    assert!(dq.contains("'Legal Status Start' holds the dates of 'Legal Status'"), "{dq}");
    assert!(!dq.contains("legal status outside child protection"), "{dq}");
}

#[test]
fn an_ssda903_episodes_file_gives_the_looked_after_spells_and_no_cp_plans() {
    // The DfE's SSDA903 return: CHILD, DECOM, LS codes, DEC, one row per
    // episode (a placement move is a new episode). Its header file (SEX 1 / 2,
    // DOB, UPN) is no audit table. Short breaks (V3 / V4) are visited at
    // intervals agreed with the parent, not every 6 weeks: set aside. A 903
    // file holds looked-after children only, so CP visits are not in it.
    let dir = scratch("ssda903");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("episodes.csv"),
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
         500001,14/03/2022,S,C2,N1,U4,PR1,14/09/2026,X1,CARPL,ZZ9 8,ZZ9 1,XXXXXXX\n\
         500001,14/09/2026,P,C2,N1,U6,PR1,,,,ZZ9 8,ZZ9 3,XXXXXXX\n\
         500002,20/04/2026,S,V2,N1,U6,PR1,,,,ZZ9 6,ZZ9 8,XXXXXXX\n\
         500003,01/09/2025,S,V4,N1,K2,PR4,,,,ZZ9 6,ZZ9 8,SC023721\n",
    )
    .unwrap();
    std::fs::write(input.join("header.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n500001,1,14/07/2013,WBRI,H842950557407,,\n500002,2,21/04/2010,WOTH,H494222277767,,\n500003,2,14/03/2017,WBRI,H567766896035,,\n").unwrap();
    std::fs::write(
        input.join("notes.csv"),
        "Person ID,Visit Date,Note Type,Seen Alone\n500001,02/09/2026,CLA visit,Yes\n500002,02/09/2026,CLA visit,Yes\n500003,02/09/2026,CLA visit,Yes\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let k = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!((k("cla_visits_in_time")["not_in_source"].as_bool(), k("cla_visits_in_time")["denominator"].as_u64()), (Some(false), Some(2)));
    assert_eq!(k("cp_visits_in_time")["not_in_source"].as_bool(), Some(true));
    let header = m["inputs"].as_array().unwrap().iter().find(|t| t["file"].as_str().unwrap().ends_with("header.csv")).unwrap().clone();
    assert_eq!(header["kind"], "unknown", "the header file is no audit table: {header}");
    let dq = data_quality(&out);
    assert!(dq.contains("short breaks (visited at intervals agreed with the parent"), "{dq}");
    assert!(dq.contains("no legal-status row read is a child protection plan"), "{dq}");
}

#[test]
fn a_legal_status_column_under_a_header_no_rule_knows_is_found_by_its_values() {
    // LCS's "Episode" column ("Child Protection Plan" / "Child Looked After")
    // in a file named for both: read by its values. Without it, a name that
    // says both kinds is no kind: an error, never every row read as CP.
    let dir = scratch("episode-by-values");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("CP and CLA episodes.csv"),
        "Person ID,Episode,Start,End\n48201,Child Protection Plan,01/06/2026,\n48202,Child Looked After,01/03/2026,\n48203,Child Looked After,01/02/2026,\n",
    )
    .unwrap();
    let notes = "Person ID,Visit Date,Note Type,Seen Alone\n48201,02/09/2026,Statutory visit,Yes\n48202,02/09/2026,Statutory visit,Yes\n48203,02/09/2026,Statutory visit,Yes\n";
    std::fs::write(input.join("notes.csv"), notes).unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let k = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!(k("cp_visits_in_time")["denominator"].as_u64(), Some(1));
    assert_eq!(k("cla_visits_in_time")["denominator"].as_u64(), Some(2));
    assert!(data_quality(&out).contains(",Episode,,\"its values are legal statuses"), "{}", data_quality(&out));

    let dir = scratch("episode-two-kinds-in-name");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("CP and CLA episodes.csv"), "Person ID,Start,End\n48201,01/06/2026,\n48202,01/03/2026,\n").unwrap();
    std::fs::write(input.join("notes.csv"), notes).unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let k = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!(k("cp_visits_in_time")["not_in_source"].as_bool(), Some(true), "{}", k("cp_visits_in_time"));
    assert!(data_quality(&out).contains("the sheet's or file's name, title or headers name cp and cla: the rows cannot be told apart"));
}

#[test]
fn a_seen_alone_answer_read_as_not_recorded_is_said_once_per_answer() {
    // "Maybe" and "Too young" on visits are not recorded, said once each, on
    // the text reader and the workbook reader alike; on a note that is no
    // visit, and "Unknown" or a dash, they are not said (stranger review 37).
    let rows = [
        ["48201", "CP visit", "02/09/2026", "Maybe"],
        ["48201", "CP visit", "09/09/2026", "Maybe"],
        ["48202", "CLA visit", "03/09/2026", "Too young"],
        ["48202", "Supervision", "04/09/2026", "Perhaps"],
        ["48202", "CLA visit", "05/09/2026", "Unknown"],
        ["48202", "CLA visit", "06/09/2026", "-"],
        ["48202", "CLA visit", "07/09/2026", "Yes"],
    ];
    let header = ["Person ID", "Note Type", "Visit Date", "Seen Alone"];
    let unread = |out: &std::path::Path| -> Vec<String> {
        data_quality(out).lines().filter(|l| l.contains("seen alone: not read as yes")).map(|l| l.split(',').nth(6).unwrap_or_default().to_string()).collect()
    };
    let dir = scratch("seen-alone-unread-csv");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let csv: Vec<String> = std::iter::once(header.join(",")).chain(rows.iter().map(|r| r.join(","))).collect();
    std::fs::write(input.join("notes.csv"), csv.join("\n") + "\n").unwrap();
    assert_eq!(unread(&run_in_folder(&dir, &input)), ["Maybe", "Too young"]);

    let dir = scratch("seen-alone-unread-xlsx");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in std::iter::once(&header).chain(rows.iter()).enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(input.join("notes.xlsx")).unwrap();
    assert_eq!(unread(&run_in_folder(&dir, &input)), ["Maybe", "Too young"]);
}

#[test]
fn a_text_row_with_more_values_than_the_header_is_said() {
    // "Assessment, North" unquoted: every value after it moves one column on.
    let dir = scratch("row-wider-than-header");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audits.csv"),
        "Child ID,Team,Date allocated,Date completed,Overall judgement\n\
         48201,North,01/09/2026,10/09/2026,Good\n\
         48202,Assessment, North,01/09/2026,11/09/2026,Good\n\
         48203,South,01/09/2026,12/09/2026,Inadequate\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    let wider: Vec<&str> = dq.lines().filter(|l| l.contains("row_wider_than_header")).collect();
    assert_eq!(wider.len(), 1, "{dq}");
    assert!(wider[0].contains(",3,") && wider[0].contains("6 values where the header names 5 columns"), "{}", wider[0]);
}

#[test]
fn a_hidden_sheet_that_is_read_is_said() {
    // Excel does not show it, so its audits would surprise whoever counts the
    // visible rows (stranger review 37): a sheet_hidden note names it.
    let dir = scratch("hidden-sheet");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, hidden, child) in [("Audits", false, "48201"), ("Old copy", true, "48301")] {
        let ws = wb.add_worksheet().set_name(name).unwrap();
        for (c, h) in ["Child ID", "Team", "Date completed", "Overall judgement"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for r in 1..4u32 {
            for (c, v) in [&format!("{child}{r}"), "North", &format!("0{r}/09/2026"), "Good"].iter().enumerate() {
                ws.write_string(r, c as u16, *v).unwrap();
            }
        }
        ws.set_hidden(hidden);
    }
    wb.save(input.join("audits.xlsx")).unwrap();
    let dq = data_quality(&run_in_folder(&dir, &input));
    let hidden: Vec<&str> = dq.lines().filter(|l| l.contains("sheet_hidden")).collect();
    assert_eq!(hidden.len(), 1, "{dq}");
    assert!(hidden[0].contains(",Old copy,"), "{}", hidden[0]);
}

#[test]
fn a_column_named_as_a_field_whose_values_are_not_that_kind_is_said_not_dropped() {
    // "By when" holding "end of term", "end of placement", … (most not dates):
    // not used as the due date, and a warning says so.
    let dir = scratch("named-not-read");
    let input = crate::root().join("tests/fixtures/review/r19_c14_due_phrase_traps");
    let o = auditpack(&dir, &["validate", input.to_str().unwrap()]);
    let said = format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(&o));
    assert!(said.contains("column 'By when' is named as due_date, but its values do not read as one"), "{said}");
}

#[test]
fn the_eighth_sessions_rules_hold_where_a_stranger_pushed_them() {
    // Stranger review 26 (tests/fixtures/review/r26_*/expected.md).
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    let teams = |out: &std::path::Path, id: &str| -> Vec<String> {
        review_kpi(out, id)["by_team"].as_array().unwrap().iter().map(|t| t["team"].as_str().unwrap().to_string()).collect()
    };
    // A map row left without a new id ("N/A") does not undo the map, and a
    // map of two system changes is followed to its end.
    for case in ["r26_07d_map_blank_new", "r26_07e_map_chain"] {
        assert_eq!(pair(&review_kpi(&review_run(case), "inadequate_reaudited_in_time")), (Some(1), Some(1)), "{case}");
    }
    // The same words for the same audit, the person responsible blank in one
    // export and written in the other, are one action.
    let out = review_run("r26_04c_owner_blank_then_filled");
    assert_eq!(pair(&review_kpi(&out, "actions_on_time")), (Some(2), Some(2)));
    assert_eq!(review_kpi(&out, "actions_overdue")["value"].as_f64(), Some(0.0));
    // A re-audit date with no judgement is a plan, not a re-audit.
    let out = review_run("r26_08a_planned_reaudit_date");
    assert_eq!(review_kpi(&out, "audits_completed")["value"].as_f64(), Some(3.0));
    assert_eq!(pair(&review_kpi(&out, "inadequate_reaudited_in_time")), (Some(0), Some(1)));
    // A re-audit on the row and as a row of its own is one re-audit.
    assert_eq!(review_kpi(&review_run("r26_08c_reaudit_also_own_row"), "audits_completed")["value"].as_f64(), Some(4.0));
    // A code a team list gives two teams for is left as written; a staff
    // list ("Code", "Name", "Team") is no team list.
    assert_eq!(teams(&review_run("r26_09a_shared_service_code"), "audits_completed"), ["CP", "CP North", "CP South"]);
    assert_eq!(teams(&review_run("r26_09b_staff_list_codes"), "audits_completed"), ["CIN", "CLA", "CP"]);
    // A period that has ended with nothing done in it shows nothing done
    // (with a warning), not "not in the exports".
    let out = review_run("r26_10a_overdue_allocated_before");
    assert_eq!(pair(&review_kpi(&out, "audits_on_time")), (Some(0), Some(3)));
    assert_eq!(review_kpi(&out, "actions_overdue")["value"].as_f64(), Some(2.0));
    // "w/c 28/09" for an action set on Wednesday 30/09 is that Monday; "by
    // 09/09" a day before it was set is that day (late), not next year's;
    // "w/e 09/10/2026" is the date written.
    let out = review_run("r26_06a_due_phrases");
    assert_eq!(pair(&review_kpi(&out, "actions_on_time")), (Some(1), Some(6)));
    assert_eq!(review_kpi(&out, "actions_overdue")["value"].as_f64(), Some(5.0));
}

#[test]
fn an_action_number_that_restarts_per_audit_is_no_id_across_exports() {
    // Stranger review 26, case 04e: two action lists each number an audit's
    // actions 1, 2 …; action 1 of an audit in one is not action 1 in the
    // other (other words, person and dates): seven actions, not five.
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    let out = review_run("r26_04e_action_no_second_list_renamed");
    assert_eq!(pair(&review_kpi(&out, "actions_on_time")), (Some(2), Some(7)));
    assert_eq!(review_kpi(&out, "actions_overdue")["value"].as_f64(), Some(4.0));
    let dq = data_quality(&out);
    assert!(dq.contains("action_number_per_audit"), "{dq}");
    assert!(!dq.contains("action in a later export"), "{dq}");
}

#[test]
fn a_short_action_list_with_a_header_row_is_a_list_not_a_form() {
    // Stranger review 26, cases 04a and 04d: a moderator's action list of two
    // (or four) rows, its actions saying "grade" and "auditor", is a list
    // with a header row and records under it, not a one-audit form whose
    // actions are lost.
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    for (case, due, overdue) in [("r26_04a_action_no_two_lists", 5, 2.0), ("r26_04d_action_no_two_lists_longer", 7, 4.0)] {
        let out = review_run(case);
        assert_eq!(pair(&review_kpi(&out, "actions_on_time")), (Some(2), Some(due)), "{case}");
        assert_eq!(review_kpi(&out, "actions_overdue")["value"].as_f64(), Some(overdue), "{case}");
        assert!(!data_quality(&out).contains("form has no child id"), "{case}");
    }
}

#[test]
fn a_previous_audit_group_title_heads_its_columns() {
    // Stranger review 26, case 01c: "Previous audit" over "Date" and "Q12" at
    // the end of a 12-question audit table. Untitled, "Date" tied with "Date
    // completed" (every audit KPI "not in the exports") and "Q12" was read as
    // this audit's question 12; titled, both are the earlier audit's.
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    let out = review_run("r26_01c_q12_previous");
    assert_eq!(review_kpi(&out, "audits_completed")["value"].as_f64(), Some(4.0));
    assert_eq!(pair(&review_kpi(&out, "audits_on_time")), (Some(3), Some(4)));
    assert_eq!(pair(&review_kpi(&out, "overall_good_or_better")), (Some(3), Some(4)));
    assert_eq!(pair(&review_kpi(&out, "child_spoken_to")), (Some(3), Some(4)));
    assert!(metrics(&out)["distributions"]["domains"].get("outcomes").is_none(), "the previous audit's Q12 is no domain of these audits");
    assert!(data_quality(&out).contains("earlier_audit_column"));
}

#[test]
fn an_auditors_grade_repeated_in_a_moderation_block_leaves_the_overall_the_auditors() {
    // Stranger review 26, case 02b: "Overall judgement", then a moderation
    // block of "Moderator", "Date", "Auditor's grade" (the auditor's grade set
    // beside the moderation to compare) and no moderator's grade. The overall
    // is graded on audits no one moderated: it is the audit's own, not the
    // moderator's; no column gives the moderator's grade or agreement.
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    let out = review_run("r26_02b_auditor_grade_in_mod_block");
    assert_eq!(pair(&review_kpi(&out, "overall_good_or_better")), (Some(2), Some(4)));
    assert_eq!(pair(&review_kpi(&out, "moderation_coverage")), (Some(2), Some(4)));
    let agreement = review_kpi(&out, "moderation_agreement");
    assert_eq!(agreement["not_in_source"], true, "{agreement}");
    assert!(data_quality(&out).contains("auditors_grade_repeated"));
}

#[test]
fn a_case_outcome_filled_on_audits_no_one_moderated_is_no_agreement() {
    // Stranger review 26, cases 03c and 03d: "Outcome" of "No change" /
    // "Changed" beside "Moderated" (and "Moderator") is filled on audits that
    // were not moderated: the case's outcome, not the moderator's agreement.
    // "Moderated" (yes / no) beside "Moderator" (names) says which were.
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    for case in ["r26_03c_case_outcome_no_change", "r26_03d_case_outcome_only_moderated"] {
        let out = review_run(case);
        assert_eq!(pair(&review_kpi(&out, "moderation_coverage")), (Some(3), Some(5)), "{case}");
        let agreement = review_kpi(&out, "moderation_agreement");
        assert_eq!(agreement["not_in_source"], true, "{case}: {agreement}");
        assert!(data_quality(&out).contains("outcome_not_moderation"), "{case}");
    }
}

#[test]
fn a_row_with_a_moderators_grade_was_moderated_whatever_its_flag_reads() {
    // Stranger review 26, case 05c: "N Galt" (a name, no full stop after the
    // initial) in "Moderated by" reads as "N", no; the row has a moderator's
    // grade, so it was moderated (with a warning). "N (moderator on leave)",
    // "No - N. Galt on leave" and "N. - not selected", with no grade, were not.
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    let out = review_run("r26_05c_no_with_reason");
    assert_eq!(pair(&review_kpi(&out, "moderation_coverage")), (Some(2), Some(6)));
    assert_eq!(pair(&review_kpi(&out, "moderation_agreement")), (Some(2), Some(2)));
    assert!(data_quality(&out).contains("moderated_but_says_no"));
}

#[test]
fn formulas_with_no_result_and_error_values_are_said() {
    // Stranger review 25, case 46: formula cells saved with no result (a
    // script wrote the workbook) are read as blank, and a warning says so,
    // naming the sheet's columns and the first cell.
    let out = review_run("r25_46_xlsx_formula_cells");
    let dq = data_quality(&out);
    let line = dq.lines().find(|l| l.contains("formula_not_calculated")).unwrap_or_else(|| panic!("{dq}"));
    assert!(line.starts_with("warning,") && line.contains("columns C, F, R") && line.contains("the first at C96"), "{line}");
    // Case 47: "#REF!" where the team should be is no team, and said; an
    // error is never a team's name.
    let out = review_run("r25_47_xlsx_error_values");
    let dq = data_quality(&out);
    let line = dq.lines().find(|l| l.contains("formula_error") && l.contains("#REF!")).unwrap_or_else(|| panic!("{dq}"));
    assert!(line.starts_with("warning,") && line.contains("Team") && line.contains("rows 98"), "{line}");
    let teams = review_kpi(&out, "audits_completed")["by_team"].as_array().unwrap().iter().map(|t| t["team"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert!(teams.iter().all(|t| !t.starts_with('#')), "{teams:?}");
}

/// A Word document (.docx) holding `body` (WordprocessingML paragraphs and tables).
fn word_document(path: &std::path::Path, body: &str) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored).unwrap();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>{body}</w:body></w:document>"#
    );
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn a_word_form_is_an_audit_and_a_word_guidance_note_is_skipped() {
    let dir = scratch("word-forms");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
    let control = |pr: &str, shown: &str| format!("<w:sdt><w:sdtPr>{pr}</w:sdtPr><w:sdtContent><w:r><w:t>{shown}</w:t></w:r></w:sdtContent></w:sdt>");
    let label_and = |label: &str, value: String| format!("<w:p><w:r><w:t xml:space=\"preserve\">{label} </w:t></w:r>{value}</w:p>");
    for (child, day, grade, seen) in [("C5001", "2026-09-14", "Good", ("☒", "☐")), ("C5002", "2026-10-02", "Inadequate", ("☐", "☒"))] {
        let body = [
            p("Case File Audit"),
            label_and("Case ID:", control("<w:text/>", child)),
            label_and("Date of audit:", control(&format!("<w:date w:fullDate=\"{day}T00:00:00Z\"/>"), "a date shown in any format")),
            label_and("Team:", control("<w:text/>", "Coast")),
            label_and("Overall judgement:", control("<w:dropDownList/>", grade)),
            label_and("Auditor (name):", control("<w:showingPlcHdr/><w:text/>", "Click here to enter text.")),
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">Child spoken to? </w:t></w:r>{}<w:r><w:t> Yes </w:t></w:r>{}<w:r><w:t> No</w:t></w:r></w:p>",
                control(
                    "<w14:checkbox><w14:checked w14:val=\"1\"/></w14:checkbox>".replace("\"1\"", if seen.0 == "☒" { "\"1\"" } else { "\"0\"" }).as_str(),
                    seen.0
                ),
                control(
                    "<w14:checkbox><w14:checked w14:val=\"1\"/></w14:checkbox>".replace("\"1\"", if seen.1 == "☒" { "\"1\"" } else { "\"0\"" }).as_str(),
                    seen.1
                )
            ),
        ]
        .concat();
        word_document(&input.join(format!("Audit {child}.docx")), &body);
    }
    // Prose, and a table of who does what by when (dates, but no records).
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", p(t));
    let row = |cells: [&str; 3]| format!("<w:tr>{}</w:tr>", cells.iter().map(|c| cell(c)).collect::<String>());
    let guidance: String = (0..30)
        .map(|i| {
            p(&format!(
                "Paragraph {i}: Audits are completed within 20 working days of allocation. The overall judgement is graded Outstanding, Good, Requires Improvement or Inadequate. Case ID and date must be recorded."
            ))
        })
        .chain([format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(["Role", "Responsibility", "Date"]),
            row(["Team manager", "Allocates audits", "01/09/2026"]),
            row(["Auditor", "Completes the audit", "15/09/2026"])
        )])
        .collect();
    word_document(&input.join("Guidance.docx"), &guidance);
    std::fs::write(input.join("Audit C5003.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "in", "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let kpi = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!(kpi("audits_completed")["value"].as_f64(), Some(2.0), "two forms, two audits");
    let good = kpi("overall_good_or_better");
    assert_eq!((good["numerator"].as_u64(), good["denominator"].as_u64()), (Some(1), Some(2)));
    let child = kpi("child_spoken_to");
    assert_eq!((child["numerator"].as_u64(), child["denominator"].as_u64()), (Some(1), Some(2)), "the box ticked");
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert!(dq.contains("Guidance.docx") && dq.contains("no form or table of records"), "the guidance note is skipped with a note: {dq}");
    assert!(dq.contains("file_not_read") && dq.contains("Audit C5003.doc"), "the old .doc is a warning: {dq}");
    let pack = std::fs::read_to_string(out.join("board-pack.html")).unwrap();
    assert!(pack.contains("Audit C5003.doc"), "the packs say which file was not read");
    let audits = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
    assert!(audits.contains("2026-09-14") && !audits.contains("Click here"), "the date the picker holds; a placeholder is blank: {audits}");
}

#[test]
fn word_forms_are_joined_to_the_list_that_planned_them() {
    let dir = scratch("word-forms-joined");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
    let tc = |inner: &str| format!("<w:tc>{inner}</w:tc>");
    let check = |on: bool| {
        format!(
            "<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"{}\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>{}</w:t></w:r></w:sdtContent></w:sdt></w:p>",
            u8::from(on),
            if on { "☒" } else { "☐" }
        )
    };
    // Torbay's layout: the question, a nested table of grades each with a box, the evidence.
    let graded = |question: &str, ticked: usize| {
        let options: String = ["Exceeds good", "Meets good", "Does not meet good", "Not applicable."]
            .iter()
            .enumerate()
            .map(|(i, o)| format!("<w:tr>{}{}</w:tr>", tc(&p(o)), tc(&check(i == ticked))))
            .collect();
        format!("<w:tr>{}{}{}</w:tr>", tc(&p(question)), tc(&format!("<w:tbl>{options}</w:tbl><w:p/>")), tc(&p("Evidence: plan reviewed.")))
    };
    let row = |cells: &[&str]| format!("<w:tr>{}</w:tr>", cells.iter().map(|c| tc(&p(c))).collect::<String>());
    for (child, done, q12) in [("C6001", "10/09/2026", 1), ("C6002", "30/09/2026", 2)] {
        // A yes / no pair of boxes in cells of their own, then the next label.
        let previously = [tc(&p("Audited previously?")), tc(&p("YES")), tc(&check(false)), tc(&p("NO")), tc(&check(true)), tc(&p("If Yes, when?"))].concat();
        let body = format!(
            "{}<w:tbl>{}<w:tr>{previously}</w:tr></w:tbl><w:tbl>{}{}{}</w:tbl>",
            p("Full audit tool"),
            row(&["Child's ID number", child, "Audit date", done]),
            graded("1. Risk is identified, responded to and reduced in a timely way.", 1),
            graded("5. Coordination between agencies is effective.", 0),
            graded("12. How has the help provided improved outcomes?", q12),
        );
        word_document(&input.join(format!("Full audit - {child}.docx")), &body);
    }
    let run = |name: &str| {
        let out = dir.join(name);
        let o = auditpack(&dir, &["run", "in", "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
        let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
        (m, dq)
    };
    let kpi = |m: &serde_json::Value, id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    let ratio = |k: serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    // The forms alone: graded, but no allocation, so on time is not in the exports.
    let (m, _) = run("forms-only");
    assert_eq!(kpi(&m, "audits_completed")["value"].as_f64(), Some(2.0));
    assert_eq!(ratio(kpi(&m, "overall_good_or_better")), (Some(1), Some(2)), "Q12 is the overall: the box ticked in each form");
    assert_eq!(kpi(&m, "audits_on_time")["not_in_source"], true);
    // The tracker beside them: the allocation and the moderation, no completion or grade.
    std::fs::write(
        input.join("Audit programme tracker.csv"),
        "Child ID,Team,Auditor,Date sent,Moderator agrees?\nC6001,North,Ann Able,01/09/2026,Yes\nC6002,North,Ben Bold,03/09/2026,\nC6003,South,Cat Cole,05/09/2026,\n",
    )
    .unwrap();
    let (m, dq) = run("joined");
    assert_eq!(kpi(&m, "audits_completed")["value"].as_f64(), Some(2.0), "each form and its tracker row are one audit");
    // Due 14 days after allocation: C6001 on time, C6002 late, C6003 has no form (not done).
    assert_eq!(ratio(kpi(&m, "audits_on_time")), (Some(1), Some(3)));
    assert_eq!(ratio(kpi(&m, "overall_good_or_better")), (Some(1), Some(2)));
    assert_eq!(ratio(kpi(&m, "moderation_coverage")), (Some(1), Some(2)), "the tracker's moderation is the form's audit's");
    assert_eq!(dq.matches("joined_to_form").count(), 3, "each joined row says which form, and one line says how many: {dq}");
    assert!(dq.contains("Full audit - C6001.docx"), "{dq}");
}

#[test]
fn two_records_of_one_audit_are_one_audit_and_fill_each_others_blanks() {
    // Stranger review 27, cases 04, 11, 13 and 18: a tracker's "Date
    // returned" weeks after the form, a plan dated a day after its form, a
    // bare "Date:" (a date of birth) above the audit's date, and a form's
    // moderation block left blank beside the tracker's moderation columns.
    let dir = scratch("records-of-one-audit");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
    let row = |cells: &[&str]| format!("<w:tr>{}</w:tr>", cells.iter().map(|c| format!("<w:tc>{}</w:tc>", p(c))).collect::<String>());
    for (child, done, grade) in [("C7001", "14/09/2026", "Good"), ("C7002", "30/09/2026", "Requires Improvement")] {
        let body = format!(
            "{}<w:tbl>{}{}{}{}{}</w:tbl><w:tbl>{}{}{}</w:tbl>",
            p("Learning Audit"),
            row(&["Date:", "12/03/2015"]),
            row(&["Date of the Audit", done]),
            row(&["Child's ID.", child]),
            row(&["Name of Team", "Coast"]),
            row(&["Auditors' Grade: Outstanding/Good/Requires Improvement/Inadequate", grade]),
            row(&["MODERATION AUDIT:", ""]),
            row(&["Date of moderation audit:", ""]),
            row(&["Do you Agree with the Auditor?", ""]),
        );
        word_document(&input.join(format!("Learning audit {child}.docx")), &body);
    }
    std::fs::write(
        input.join("Audit sample.csv"),
        "Child ID,Team,Date allocated,Date returned,Moderated,Moderator agrees\nC7001,Coast,15/09/2026,,Yes,Yes\nC7002,Coast,01/09/2026,20/10/2026,No,\n",
    )
    .unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "in", "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let kpi = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!(kpi("audits_completed")["value"].as_f64(), Some(2.0), "each audit once, not once per record");
    let moderated = kpi("moderation_coverage");
    assert_eq!((moderated["numerator"].as_u64(), moderated["denominator"].as_u64()), (Some(1), Some(2)), "the tracker's moderation fills the blank block");
    let audits = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
    assert!(audits.contains("2026-09-14") && !audits.contains("2015-03-12"), "the audit's date, not the bare 'Date:': {audits}");
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert_eq!(dq.matches("planned audit joined to its form").count(), 2, "both rows joined: {dq}");
}

#[test]
fn forms_of_one_child_are_one_audit_only_when_they_record_one_audit() {
    // The twenty-eighth stranger review (2026-11-30) attacked the day's
    // joins (tests/fixtures/review/r28_*/expected.md).
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    // A re-audit ten days after an inadequate audit is an audit of its own.
    let out = review_run("r28_02_reaudit_10_days_after_inadequate");
    assert_eq!(review_kpi(&out, "audits_completed")["value"].as_f64(), Some(2.0));
    assert_eq!(pair(&review_kpi(&out, "child_spoken_to")), (Some(1), Some(2)));
    let out = review_run("r28_13_reaudit_10_days_july");
    assert_eq!(pair(&review_kpi(&out, "inadequate_reaudited_in_time")), (Some(1), Some(1)));
    // A moderation form beside its audit's form: that audit moderated (and
    // disagreed), the other form's audit not moderated.
    let out = review_run("r28_04_moderation_form_audit_present");
    assert_eq!(pair(&review_kpi(&out, "moderation_coverage")), (Some(1), Some(2)));
    assert_eq!(pair(&review_kpi(&out, "moderation_agreement")), (Some(0), Some(1)));
    // A moderation form for an audit not in the exports is no audit.
    let out = review_run("r28_05_moderation_orphan_and_inline_block");
    assert_eq!(review_kpi(&out, "audits_completed")["value"].as_f64(), Some(1.0));
    assert!(data_quality(&out).contains("moderation_unlinked"));
    // A form re-saved as "… updated after HoS challenge" is the later version.
    let out = review_run("r28_10_resave_other_name_later_grade");
    assert_eq!(pair(&review_kpi(&out, "overall_good_or_better")), (Some(0), Some(1)));
    // A returns table beside an allocation list: the unreturned audit is due and not done.
    let out = review_run("r28_06_returns_plus_allocation");
    assert_eq!(pair(&review_kpi(&out, "audits_on_time")), (Some(1), Some(3)));
}

#[test]
fn a_moderation_record_beside_its_audits_form_is_never_the_audit() {
    // A challenge moderation form restating the audit (child, date, the
    // auditor's grade, team, auditor) is fuller than the audit's own form;
    // the audit's form is still the audit, and the moderation is its.
    let dir = scratch("moderation-record-beside-form");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
    let row = |cells: &[&str]| format!("<w:tr>{}</w:tr>", cells.iter().map(|c| format!("<w:tc>{}</w:tc>", p(c))).collect::<String>());
    let audit = format!(
        "{}<w:tbl>{}{}{}</w:tbl>",
        p("Case file audit"),
        row(&["Person ID:", "C8001"]),
        row(&["Date audit finalised:", "14/09/2026"]),
        row(&["Overall judgement:", "Good"]),
    );
    word_document(&input.join("Audit C8001.docx"), &audit);
    let moderation = format!(
        "{}{}<w:tbl>{}{}{}{}{}{}{}{}</w:tbl>",
        p("Children's Services"),
        p("CASE FILE AUDIT: MODERATION RECORD (CHALLENGED AUDIT)"),
        row(&["Person ID:", "C8001"]),
        row(&["Team:", "Coast"]),
        row(&["Auditor:", "Ann Other"]),
        row(&["Date audit finalised:", "14/09/2026"]),
        row(&["Auditor's overall judgement:", "Good"]),
        row(&["Date of moderation:", "30/09/2026"]),
        row(&["Moderator's final judgement:", "Requires Improvement"]),
        row(&["Do you agree with the auditor's overall judgement?", "No"]),
    );
    word_document(&input.join("Moderation C8001.docx"), &moderation);
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "in", "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let kpi = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    let pair = |k: serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    assert_eq!(kpi("audits_completed")["value"].as_f64(), Some(1.0), "one audit, not lost and not twice");
    assert_eq!(pair(kpi("overall_good_or_better")), (Some(1), Some(1)));
    assert_eq!(pair(kpi("moderation_coverage")), (Some(1), Some(1)));
    assert_eq!(pair(kpi("moderation_agreement")), (Some(0), Some(1)));
}

#[test]
fn names_that_also_name_audits_are_read_and_observation_logs_are_not() {
    // The thirtieth stranger review (2026-11-30) attacked the look-alike rule
    // (tests/fixtures/review/r30_*/expected.md).
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    // "Audits - new auditors training cohort.xlsx" (sheet "Sheet1") holds audits.
    let out = review_run("r30_01_training_filename");
    assert_eq!(review_kpi(&out, "audits_completed")["value"].as_f64(), Some(3.0));
    assert_eq!(pair(&review_kpi(&out, "audits_on_time")), (Some(2), Some(4)));
    // A heading "Thematic learning from audits" over the audits.
    let out = review_run("r30_07_thematic_title");
    assert_eq!(pair(&review_kpi(&out, "overall_good_or_better")), (Some(2), Some(3)));
    // "Actions from audits and practice observations.xlsx" holds the audits' actions.
    let out = review_run("r30_08_actions_obs_tracker");
    assert_eq!(pair(&review_kpi(&out, "actions_on_time")), (Some(1), Some(3)));
    // Words typed beside a control left in place are an answer; guidance above
    // "Click or tap here to enter text." is none.
    let out = review_run("r30_09_placeholder_answer");
    assert_eq!(pair(&review_kpi(&out, "practitioner_spoken_to")), (Some(2), Some(2)));
    let audits = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
    let family: Vec<&str> = audits.lines().filter(|l| l.contains("C00301")).collect();
    assert!(family.iter().all(|l| l.contains(",yes,yes")), "{family:?}");
    // An "Obs log" sheet ("Observed by") is no case notes: a manager's
    // observation of a visit does not close a gap between statutory visits.
    let out = review_run("r30_10c_obs_log_fills_visit_gap");
    assert_eq!(pair(&review_kpi(&out, "cp_visits_in_time")), (Some(0), Some(1)));
    assert!(data_quality(&out).contains("not_case_file"));
}

#[test]
fn an_observation_table_above_the_audits_on_one_sheet_leaves_the_audits_read() {
    // One "QA activity" sheet: a titled practice-observation table, a blank
    // row, then the case file audits under their own title. Only the first is
    // passed over; in either order the audits are all read.
    let observations: [&[&str]; 4] = [
        &["Practice observations"],
        &["Worker being observed", "Child ID", "Date of observation", "Grade"],
        &["Sam Oakhill", "C7101", "03/09/2026", "Good"],
        &["Ria Fenwick", "C7102", "10/09/2026", "Inadequate"],
    ];
    let audits: [&[&str]; 5] = [
        &["Case file audits"],
        &["Child ID", "Team", "Date audit completed", "Overall grade"],
        &["C7201", "North", "04/09/2026", "Good"],
        &["C7202", "North", "11/09/2026", "Requires improvement"],
        &["C7203", "South", "18/09/2026", "Outstanding"],
    ];
    for observations_first in [true, false] {
        let dir = scratch(&format!("observations-above-audits-{observations_first}"));
        let input = dir.join("in");
        std::fs::create_dir_all(&input).unwrap();
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet().set_name("QA activity").unwrap();
        let (a, b): (&[&[&str]], &[&[&str]]) = if observations_first { (&observations, &audits) } else { (&audits, &observations) };
        for (r, cells) in a.iter().chain([&[][..]].iter()).chain(b.iter()).enumerate() {
            for (c, v) in cells.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
        wb.save(input.join("qa.xlsx")).unwrap();
        let out = run_in_folder(&dir, &input);
        let m = metrics(&out);
        let kpi = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
        assert_eq!(kpi("audits_completed")["value"].as_f64(), Some(3.0), "observations first: {observations_first}");
        assert_eq!((kpi("overall_good_or_better")["numerator"].as_u64(), kpi("overall_good_or_better")["denominator"].as_u64()), (Some(2), Some(3)));
        let dq = data_quality(&out);
        assert!(dq.contains("not_case_file") && dq.contains("its 4 rows are"), "{dq}");
        let judged = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
        assert!(!judged.contains("C7101") && !judged.contains("C7102"), "{judged}");
    }
}

/// `bytes` (an .xlsx) saved in the 1904 date system, as Excel for Mac does:
/// `date1904` set in its workbook part.
fn in_1904_system(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut part = Vec::new();
        f.read_to_end(&mut part).unwrap();
        if name == "xl/workbook.xml" {
            let text = String::from_utf8(part).unwrap();
            assert!(text.contains("<workbookPr"), "{text}");
            part = text.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&part).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_mac_workbooks_plain_number_dates_are_its_1904_dates_and_its_ids_stay_ids() {
    // Dates typed into cells formatted as plain numbers, in columns whose
    // headers do not say "date" ("Allocated", "Due", "Finalised"), and child
    // ids that are numbers in the range of dates. Saved in the 1904 system
    // the numbers are 1,462 days fewer for the same dates: the same KPIs as
    // the 1900 workbook, a warning naming the date columns, the ids intact.
    let serial_1900 = |d: &str| -> f64 {
        let date = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        (date - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
    };
    let rows = [
        (45101.0, "North", "2026-08-20", "2026-09-03", "2026-09-01", "Good"),
        (45102.0, "North", "2026-09-01", "2026-09-15", "2026-09-20", "Inadequate"),
        (45103.0, "South", "2026-09-10", "2026-09-24", "2026-09-22", "Requires improvement"),
        (45104.0, "South", "2026-10-01", "2026-10-15", "2026-10-14", "Outstanding"),
    ];
    // (`as_text`: the day numbers stored as text, "44804" in a cell formatted as text.)
    let workbook = |shift: f64, as_text: bool| -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet().set_name("Audits").unwrap();
        for (c, h) in ["Child ID", "Team", "Allocated", "Due", "Finalised", "Overall grade"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (r, (id, team, allocated, due, finalised, grade)) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            ws.write_number(r, 0, *id).unwrap();
            ws.write_string(r, 1, *team).unwrap();
            for (c, d) in [(2, allocated), (3, due), (4, finalised)] {
                let serial = serial_1900(d) - shift;
                if as_text {
                    ws.write_string(r, c, serial.to_string()).unwrap();
                } else {
                    ws.write_number(r, c, serial).unwrap();
                }
            }
            ws.write_string(r, 5, *grade).unwrap();
        }
        wb.save_to_buffer().unwrap()
    };
    let figures = |name: &str, bytes: Vec<u8>| -> (Vec<(serde_json::Value, serde_json::Value, serde_json::Value)>, String, String) {
        let dir = scratch(name);
        let input = dir.join("in");
        std::fs::create_dir_all(&input).unwrap();
        std::fs::write(input.join("audits.xlsx"), bytes).unwrap();
        let out = run_in_folder(&dir, &input);
        let m = metrics(&out);
        let kpis = m["kpis"].as_array().unwrap().iter().map(|k| (k["id"].clone(), k["numerator"].clone(), k["denominator"].clone())).collect();
        (kpis, data_quality(&out), std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap())
    };
    let (windows, _, _) = figures("dates-1900", workbook(0.0, false));
    let (mac, dq, audits) = figures("dates-1904", in_1904_system(&workbook(1462.0, false)));
    assert_eq!(mac, windows);
    let (mac_text, text_dq, _) = figures("dates-1904-text", in_1904_system(&workbook(1462.0, true)));
    assert_eq!(mac_text, windows, "day numbers stored as text");
    assert!(text_dq.contains("date_system_1904"), "{text_dq}");
    let completed = windows.iter().find(|k| k.0 == "audits_completed").unwrap();
    assert_eq!(completed.1.as_u64(), Some(4), "{windows:?}");
    let warning = dq.lines().find(|l| l.contains("date_system_1904")).unwrap_or_else(|| panic!("{dq}"));
    assert!(warning.contains("'Allocated', 'Due', 'Finalised'") && !warning.contains("Child ID"), "{warning}");
    assert!(audits.contains(",45101,") && audits.contains("2026-09-20"), "{audits}");
}

#[test]
fn audits_of_children_whose_id_is_unknown_are_counted_and_never_one_child() {
    // "Unknown" on two audits (an inadequate one in July, then a good one ten
    // days later; its re-audit deadline falls in September) is not one child re-audited: the same KPIs as two different
    // children's ids give, and a warning on each row.
    let csv = |first: &str, second: &str| {
        format!(
            "Child ID,Team,Date completed,Overall grade\n{first},North,01/07/2026,Inadequate\n{second},North,11/07/2026,Good\nC7301,South,02/07/2026,Inadequate\nC7301,South,12/07/2026,Good\n"
        )
    };
    let kpis = |name: &str, text: String| {
        let dir = scratch(name);
        let input = dir.join("in");
        std::fs::create_dir_all(&input).unwrap();
        std::fs::write(input.join("audits.csv"), text).unwrap();
        let out = run_in_folder(&dir, &input);
        let m = metrics(&out);
        let figures: Vec<(serde_json::Value, serde_json::Value, serde_json::Value)> =
            m["kpis"].as_array().unwrap().iter().map(|k| (k["id"].clone(), k["numerator"].clone(), k["denominator"].clone())).collect();
        (figures, data_quality(&out))
    };
    let (distinct, _) = kpis("ids-distinct", csv("C7401", "C7402"));
    for (first, second) in [("Unknown", "Unknown"), ("TBC", "tbc"), ("?", "?")] {
        let (got, dq) = kpis(&format!("ids-unknown-{}", first.replace('?', "q")), csv(first, second));
        assert_eq!(got, distinct, "{first}");
        assert_eq!(dq.matches("child_id_unknown").count(), 2, "{dq}");
    }
    let reaudited = distinct.iter().find(|k| k.0 == "inadequate_reaudited_in_time").unwrap();
    assert_eq!((reaudited.1.as_u64(), reaudited.2.as_u64()), (Some(1), Some(2)), "{distinct:?}");
    // Two files, each with an "Unknown" child on its row 2: not one child either.
    let dir = scratch("ids-unknown-two-files");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("x.csv"), "Child ID,Team,Date completed,Overall grade\nUnknown,North,01/07/2026,Inadequate\nC7301,South,02/07/2026,Inadequate\n")
        .unwrap();
    std::fs::write(input.join("y.csv"), "Child ID,Team,Date completed,Overall grade\nUnknown,North,11/07/2026,Good\nC7301,South,12/07/2026,Good\n").unwrap();
    let m = metrics(&run_in_folder(&dir, &input));
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "inadequate_reaudited_in_time").unwrap().clone();
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(1), Some(2)), "{k}");
}

#[test]
fn a_long_exports_grade_codes_are_read_with_a_key_file_beside_it_whatever_the_files_order() {
    // A CMS "form answers" export whose grades are codes, 4 the best (the
    // other way round from Ofsted's numbering), explained by a lookup file of
    // its own with each list's name first. The same KPIs as the export with
    // the grades written out, whichever of the two files comes first; without
    // the key the numbers are read in the default order, with a warning.
    let forms = [
        ("F1", "1", "C8101", "14/09/2026", 4),
        ("F2", "1", "C8102", "21/09/2026", 3),
        ("F3", "2", "C8103", "02/10/2026", 3),
        ("F4", "2", "C8104", "09/10/2026", 1),
    ];
    let label = |code: u32| ["Inadequate", "Requires improvement", "Good", "Outstanding"][code as usize - 1].to_string();
    let export = |written: &dyn Fn(u32) -> String| {
        let mut text = String::from("Form ID,Form Version,Person ID,Worker Team,Step,Step Status,Step Completed On,Question ID,Question Text,Answer\n");
        for (f, v, child, done, grade) in forms {
            for (qid, question, answer) in [
                ("Q1", "1. Risk and safety", written(grade.max(2) - 1)),
                ("Q2", "2. Voice of the child", written(5 - grade)),
                ("Q3", "3. Planning", written(grade)),
                ("Q12", "Q12 Overall judgement", written(grade)),
            ] {
                text.push_str(&format!("{f},{v},{child},North,Audit,Completed,{done},{qid},{question},{answer}\n"));
            }
        }
        text
    };
    let key = "List,Code,Label\nQA_GRADE,1,Inadequate\nQA_GRADE,2,Requires Improvement\nQA_GRADE,3,Good\nQA_GRADE,4,Outstanding\nQA_YN,Y,Yes\nQA_YN,N,No\n";
    let run = |name: &str, files: &[(&str, String)]| {
        let dir = scratch(name);
        let input = dir.join("in");
        std::fs::create_dir_all(&input).unwrap();
        for (file, text) in files {
            std::fs::write(input.join(file), text).unwrap();
        }
        let out = run_in_folder(&dir, &input);
        let m = metrics(&out);
        let figures: Vec<(serde_json::Value, serde_json::Value, serde_json::Value)> =
            m["kpis"].as_array().unwrap().iter().map(|k| (k["id"].clone(), k["numerator"].clone(), k["denominator"].clone())).collect();
        let questions: Vec<String> = rows(&out.join("normalised/judgements.csv")).iter().map(|r| r["question"].clone()).collect();
        assert!(!questions.iter().any(|q| q == "Form Version"), "a form's version, 1 or 2, is no grade: {questions:?}");
        (figures, data_quality(&out))
    };
    let (words, dq) = run("codes-key-words", &[("form answers.csv", export(&label))]);
    let good = words.iter().find(|k| k.0 == "overall_good_or_better").unwrap();
    assert_eq!((good.1.as_u64(), good.2.as_u64()), (Some(3), Some(4)), "{words:?}");
    assert!(!dq.contains("grades_as_numbers"), "{dq}");
    let codes = export(&|c: u32| c.to_string());
    for (name, key_name) in [("codes-key-first", "Answer lookup.csv"), ("codes-key-last", "zz lookup.csv")] {
        let (got, dq) = run(name, &[("form answers.csv", codes.clone()), (key_name, key.to_string())]);
        assert_eq!(got, words, "{key_name}");
        assert!(dq.contains("grade_key") && dq.contains(key_name) && !dq.contains("grades_as_numbers"), "{dq}");
    }
    let (got, dq) = run("codes-no-key", &[("form answers.csv", codes)]);
    assert_ne!(got, words, "read in Ofsted order, 1 the best");
    assert!(dq.contains("grades_as_numbers"), "{dq}");
}

#[test]
fn two_overall_columns_never_both_filled_are_one_overall() {
    // A form's two versions name the overall differently; the better-named
    // column is filled on the older forms only, the other on the newer ones:
    // each audit's overall is read from whichever is filled, with a warning.
    let dir = scratch("overall-two-versions");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audits.csv"),
        "Child ID,Team,Date completed,Overall judgement,Overall grade for the case\n\
         C8201,North,03/09/2026,Good,\nC8202,North,04/09/2026,Inadequate,\nC8203,South,14/10/2026,,Outstanding\nC8204,South,15/10/2026,,Requires improvement\nC8205,South,16/10/2026,,Good\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "overall_good_or_better").unwrap().clone();
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(3), Some(5)), "{k}");
    assert!(data_quality(&out).contains("are never both filled on a row: read as one"), "{}", data_quality(&out));
}

#[test]
fn a_survey_download_leaves_out_previews_tests_unfinished_responses_and_forms_sent_twice() {
    // A Qualtrics-style download: three header rows (ids, questions, import
    // ids), a preview, an unfinished response, a test, a partial, a form sent
    // in again the same day and one corrected two days later (the newest
    // listed first), an inadequate audit re-audited a week later and one
    // child audited by two auditors two days apart (two audits each).
    let dir = scratch("survey-download");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Case File Audit_November 2, 2026.csv"),
        "StartDate,Status,Finished,Q1,Q2,Q3,Q4,Q5\n\
         Start Date,Response Type,Finished,Date of audit:,Case ID:,Team:,Auditor:,OVERALL JUDGEMENT OF THE CASE FILE:\n\
         {\"ImportId\":\"startDate\"},{\"ImportId\":\"status\"},{\"ImportId\":\"finished\"},{\"ImportId\":\"QID1\"},{\"ImportId\":\"QID2\"},{\"ImportId\":\"QID3\"},{\"ImportId\":\"QID4\"},{\"ImportId\":\"QID5\"}\n\
         2026-09-22 10:00:00,IP Address,True,22/09/2026,C7,CP North,Ann Vale,Good\n\
         2026-09-20 10:00:00,IP Address,True,20/09/2026,C7,CP North,Ann Vale,Requires improvement\n\
         2026-09-02 10:00:00,Survey Preview,True,02/09/2026,C0,CP North,Ann Vale,Good\n\
         2026-09-03 10:00:00,IP Address,False,03/09/2026,C2,CP North,Ann Vale,Good\n\
         2026-09-04 10:00:00,IP Address,True,04/09/2026,TEST,CP North,Ann Vale,Good\n\
         2026-09-05 10:00:00,IP Address,True,05/09/2026,C3,CP North,TEST - please ignore,Good\n\
         2026-09-06 10:00:00,Partial,True,06/09/2026,C4,CP North,Ann Vale,Good\n\
         2026-09-08 10:00:00,IP Address,True,08/09/2026,C5,CP North,Ann Vale,Requires improvement\n\
         2026-09-08 15:00:00,IP Address,True,08/09/2026,C5,CP North,Ann Vale,Good\n\
         2026-09-09 10:00:00,IP Address,True,09/09/2026,C6,CP North,Ann Vale,Inadequate\n\
         2026-09-16 10:00:00,IP Address,True,16/09/2026,C6,CP North,Ann Vale,Requires improvement\n\
         2026-09-23 10:00:00,IP Address,True,23/09/2026,C8,CP North,Ann Vale,Good\n\
         2026-09-25 10:00:00,IP Address,True,25/09/2026,C8,CP North,Bo Lund,Good\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let done: Vec<(&str, &str, &str)> = audits
        .iter()
        .filter(|a| !a["completed_date"].is_empty())
        .map(|a| (a["child_id"].as_str(), a["completed_date"].as_str(), a["overall_source_label"].as_str()))
        .collect();
    assert_eq!(
        done,
        [
            ("C7", "2026-09-22", "Good"),
            ("C5", "2026-09-08", "Good"),
            ("C6", "2026-09-09", "Inadequate"),
            ("C6", "2026-09-16", "Requires improvement"),
            ("C8", "2026-09-23", "Good"),
            ("C8", "2026-09-25", "Good")
        ],
        "the later of two forms sent in within a week by one auditor is the audit; a re-audit a week after an inadequate, or another auditor's audit, is another"
    );
    let dq = data_quality(&out);
    assert!(dq.contains("the same audit sent in again"), "{dq}");
    assert_eq!(dq.matches("a test or preview response").count(), 3, "{dq}");
    assert!(dq.contains("import ids"), "the import-id row is part of the header: {dq}");
    assert_eq!(dq.matches("audit_not_finished").count(), 2, "Finished = False and Partial: {dq}");
    let m = metrics(&out);
    let completed = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap();
    assert_eq!(completed["value"].as_f64(), Some(6.0));
}

#[test]
fn coded_answers_are_read_with_each_questions_labels_from_a_codes_sheet() {
    // A Snap-style download: every answer a code, a Codes sheet giving each
    // question's labels (teams, statuses and grades alike), a bare "Date"
    // (when it was sent in) beside the "Audit date".
    let dir = scratch("codes-sheet");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let data = wb.add_worksheet().set_name("Data").unwrap();
    let header = ["Serial", "Status", "Date", "Audit date", "Child ID", "Team", "Q12 Overall"];
    for (c, h) in header.iter().enumerate() {
        data.write_string(0, c as u16, *h).unwrap();
    }
    let records: [(f64, f64, &str, &str, &str, f64, f64); 4] = [
        (1.0, 1.0, "12/09/2026", "10/09/2026", "C1", 2.0, 1.0),
        (2.0, 1.0, "14/09/2026", "14/09/2026", "C2", 1.0, 3.0),
        (3.0, 2.0, "15/09/2026", "15/09/2026", "C3", 2.0, 2.0),
        (4.0, 1.0, "20/09/2026", "18/09/2026", "C4", 1.0, 2.0),
    ];
    for (r, (serial, status, date, audit_date, child, team, overall)) in records.iter().enumerate() {
        let r = r as u32 + 1;
        data.write_number(r, 0, *serial).unwrap();
        data.write_number(r, 1, *status).unwrap();
        data.write_string(r, 2, *date).unwrap();
        data.write_string(r, 3, *audit_date).unwrap();
        data.write_string(r, 4, *child).unwrap();
        data.write_number(r, 5, *team).unwrap();
        data.write_number(r, 6, *overall).unwrap();
    }
    let codes = wb.add_worksheet().set_name("Codes").unwrap();
    let labels = [
        ("Question", "Code", "Label"),
        ("Status", "1", "Complete"),
        ("Status", "2", "Incomplete"),
        ("Team", "1", "Children in Care"),
        ("Team", "2", "Safeguarding East"),
        ("Q12 Overall", "1", "Exceeds good"),
        ("Q12 Overall", "2", "Meets good"),
        ("Q12 Overall", "3", "Does not meet good"),
    ];
    for (r, (q, c, l)) in labels.iter().enumerate() {
        codes.write_string(r as u32, 0, *q).unwrap();
        match c.parse::<f64>() {
            Ok(n) => codes.write_number(r as u32, 1, n).unwrap(),
            Err(_) => codes.write_string(r as u32, 1, *c).unwrap(),
        };
        codes.write_string(r as u32, 2, *l).unwrap();
    }
    wb.save(input.join("Full audit (Snap export).xlsx")).unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let read: Vec<(&str, &str, &str, &str)> =
        audits.iter().map(|a| (a["child_id"].as_str(), a["team"].as_str(), a["completed_date"].as_str(), a["overall_source_label"].as_str())).collect();
    assert_eq!(
        read,
        [
            ("C1", "Safeguarding East", "2026-09-10", "Exceeds good"),
            ("C2", "Children in Care", "2026-09-14", "Does not meet good"),
            ("C3", "Safeguarding East", "", "Meets good"),
            ("C4", "Children in Care", "2026-09-18", "Meets good"),
        ],
        "codes read as each question's labels; the audit date, not the date sent in; Incomplete is not completed"
    );
    let dq = data_quality(&out);
    assert!(dq.contains("value_labels"), "{dq}");
}

#[test]
fn a_note_of_removal_a_sibling_row_pointed_at_and_a_view_under_its_speaker_are_read() {
    // Blind set 46 (families): an allocation taken out of the sample says so
    // only in a notes column; a sibling's row answers "As C1011" or "As above";
    // a parent's view is put down under who said it ("Mother: unhappy …").
    let dir = scratch("notes-refs-views");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("tracker.csv"),
        "Child ID,Team,Date allocated,Due date,Audit date,Overall grade,Child spoken to,Parents / carers views,Notes\n\
         C1011,North,01/09/2026,15/09/2026,10/09/2026,Good,Yes,Mother: unhappy about contact arrangements,\n\
         C1021,North,01/09/2026,15/09/2026,,,,,Removed from sample - sibling of C1011\n\
         C1031,North,01/09/2026,15/09/2026,,,,,\"Cancelled by SW, rebooked for 20/10\"\n\
         C1041,South,01/09/2026,15/09/2026,12/09/2026,Good,As C1011,As C1011 - seen together,\n\
         C1051,South,01/09/2026,15/09/2026,12/09/2026,Requires improvement,As above,Father: declined to speak to the auditor,\n\
         C1061,South,01/09/2026,15/09/2026,13/09/2026,Good,As C1091,Yes,\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let k = |id: &str| {
        let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
        (k["numerator"].as_u64(), k["denominator"].as_u64())
    };
    // C1021 is not an audit; C1031, put off, is still due and late.
    assert_eq!(k("audits_on_time"), (Some(4), Some(5)));
    // C1041 takes C1011's yes, C1051 the row above (C1041's, read from C1011); C1061 points at no one read.
    assert_eq!(k("child_spoken_to"), (Some(3), Some(3)));
    assert_eq!(k("family_spoken_to"), (Some(3), Some(4)));
    let dq = data_quality(&out);
    // (C1061's "As C1091" names no child of the table: read as words, and not read.)
    assert!(dq.contains("answer_by_reference") && dq.lines().any(|l| l.contains("unknown_answer") && l.contains("As C1091")), "{dq}");
    assert!(dq.lines().any(|l| l.contains("Removed from sample") && l.contains("row_set_aside")), "{dq}");
}

#[test]
fn a_family_groups_audit_is_of_each_child_and_a_groups_one_action_is_linked() {
    // Blind set 46 (families): an audit recorded under a family group's
    // reference, with a sheet listing each group's children, is re-audited by
    // a later audit of any of them; one action written for two siblings
    // ("C3001, C3002", no due date) is due 10 working days after their
    // audits, completed the same day.
    let book = |groups: bool| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let audits: &[&[&str]] = &[
            &["Child ID", "Team", "Date of audit", "Overall grade"],
            &["FG-1001", "East", "2026-07-10", "Inadequate"],
            &["C2001", "East", "2026-09-03", "Good"],
            &["C3001", "West", "2026-09-09", "Good"],
            &["C3002", "West", "2026-09-09", "Good"],
        ];
        let list: &[&[&str]] = &[&["Family group ref", "Child ID", "Notes"], &["FG-1001", "C2001", "girl, 11"], &["FG-1001", "C2002", "boy, 4"]];
        let sheets: Vec<(&str, &[&[&str]])> = if groups { vec![("Audit Log", audits), ("Family groups", list)] } else { vec![("Audit Log", audits)] };
        for (name, rows) in sheets {
            let sh = wb.add_worksheet().set_name(name).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    sh.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
        wb.save_to_buffer().unwrap()
    };
    let kpis = |name: &str, groups: bool| {
        let dir = scratch(name);
        let input = dir.join("in");
        std::fs::create_dir_all(&input).unwrap();
        std::fs::write(input.join("audit log.xlsx"), book(groups)).unwrap();
        std::fs::write(
            input.join("actions.csv"),
            "Child ID,Audit date,Action,Due date,Date completed\nC3001 / C3002,,Joint strategy meeting,,22/09/2026\nC2001,,Update the plan,17/09/2026,16/09/2026\nC2002,10/07/2026,Health visitor to join core group,24/07/2026,20/07/2026\n",
        )
        .unwrap();
        let out = run_in_folder(&dir, &input);
        let m = metrics(&out);
        let k = |id: &str| {
            let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
            (k["numerator"].as_u64(), k["denominator"].as_u64())
        };
        let actions = std::fs::read_to_string(out.join("normalised/actions.csv")).unwrap();
        (k("inadequate_reaudited_in_time"), k("actions_on_time"), data_quality(&out), actions)
    };
    let (reaudited, actions, dq, linked) = kpis("family-groups", true);
    // C2002's action is the family audit's (its audit date is that audit's).
    assert!(linked.lines().any(|l| l.contains("FG-1001") && l.contains("C2002") && l.contains("East")), "{linked}");
    assert_eq!(reaudited, (Some(1), Some(1)), "{dq}");
    assert_eq!(actions, (Some(2), Some(2)), "{dq}");
    assert!(dq.contains("family_groups"), "{dq}");
    // Without the list, the family's reference is a child of its own.
    let (alone, _, _, _) = kpis("family-groups-unlisted", false);
    assert_eq!(alone, (Some(0), Some(1)));
}

#[test]
fn an_action_counted_from_its_rows_audit_date_is_not_said_to_be_left_out() {
    // Blind set 46: actions with no due date but their audit's date on their
    // own row are due 10 working days after it, and counted; the warning
    // that actions were left out of both action KPIs named them all the same.
    let dir = scratch("action-row-audit-date");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("actions dashboard.csv"),
        "Child ID,Date of the Audit,Recommendations for further action:,Who By:,By When:,Date Action Completed\n\
         WY20631,22/09/2026,Safety plan to be reviewed,SW,,02/10/2026\n\
         WY20632,22/09/2026,Safety plan to be reviewed,SW,,\n\
         WY20640,,Chronology to be updated,SW,,\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "actions_on_time").unwrap().clone();
    assert_eq!((k["numerator"].as_u64(), k["denominator"].as_u64()), (Some(1), Some(2)), "{k}");
    let dq = data_quality(&out);
    let warning = dq.lines().find(|l| l.contains("action_no_due_date")).unwrap_or_else(|| panic!("{dq}"));
    assert!(warning.contains("1 action ") && warning.contains("(rows 4)"), "{warning}");
}

#[test]
fn the_practitioner_spoken_to_is_the_social_worker_not_a_manager_nor_a_parent() {
    // Blind set 48: two columns fitting the practitioner spoken to equally
    // were both left unused ("not in the exports", or 0/1 from a reason box).
    let practitioner = |name: &str, text: &str| -> (Option<u64>, Option<u64>, String) {
        let out = run_one_file(name, "audits.csv", text.as_bytes());
        let (n, d) = kpi_pair(&out, "practitioner_spoken_to");
        (n, d, data_quality(&out))
    };
    // The social worker or personal adviser (METRICS), not the team manager or IRO.
    let (n, d, dq) = practitioner(
        "practitioner-sw-or-manager",
        "Person ID,Date finalised,Overall judgement,Input from allocated SW/PA,Input from Team Manager / IRO\n\
         C1,07/09/2026,Good,Yes,No\nC2,08/09/2026,Good,No,Yes\nC3,20/09/2026,Good,Yes,Yes\n",
    );
    assert_eq!((n, d), (Some(2), Some(3)), "{dq}");
    // A question about the father being spoken to by the social worker is
    // about the father: the record of the audit's discussion with the SW is read.
    let (n, d, dq) = practitioner(
        "practitioner-record-or-father",
        "Child ID,Date of the Audit,Auditors Grade,Record of audit discussion with SW,If SW was not spoken to please state why:,\
         N4. Has the father / significant male been seen and spoken to by the social worker?\n\
         C1,07/09/2026,Good,Yes - audit discussion with SW 02/09/2026,,No\nC2,08/09/2026,Good,,SW on leave,Yes\n\
         C3,20/09/2026,Good,Yes - SW 11/09/2026,,No - father not identified\n",
    );
    assert_eq!((n, d), (Some(2), Some(3)), "{dq}");
}

#[test]
fn a_count_table_pasted_beside_the_records_is_not_read_for_their_fields() {
    // Blind set 49: "Overall judgement | No. | %" past an empty column tied
    // with the records' own overall, and neither was read.
    let out = run_one_file(
        "count-table-beside",
        "audits.csv",
        b"Case ID,Date:,OVERALL JUDGEMENT OF THE CASE FILE:,,Overall judgement,No.,%\n\
         C1,07/09/2026,Good,,Outstanding,0,0\nC2,08/09/2026,Inadequate,,Good,1,0.33\nC3,20/09/2026,Requires Improvement,,Requires Improvement,1,0.33\n",
    );
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(3)), "{}", data_quality(&out));
}

/// Writes the files into a fresh folder and runs auditpack on it as
/// [`run_in_folder`] does; the output folder.
fn run_files(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = scratch(name);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (file, text) in files {
        std::fs::write(input.join(file), text).unwrap();
    }
    run_in_folder(&dir, &input)
}

#[test]
fn a_visit_report_is_visits_whatever_its_type_column_says() {
    // Found by a stranger's review (2026-12-01). A row per child with a date
    // and a seen-alone answer per visit and no type column: every pair is a
    // visit (of the plan the legal status says).
    let status = "Child ID,Legal Status,Start Date,End Date\nC1,CP,2026-06-01,\nC2,CP,2026-06-01,\n";
    let grid = "Child ID,Visit 1 Date,Visit 1 Seen Alone,Visit 2 Date,Visit 2 Seen Alone,Visit 3 Date,Visit 3 Seen Alone\n\
                C1,2026-09-07,Yes,2026-09-17,No,2026-09-28,\n\
                C2,2026-09-02,Yes,2026-10-20,No,,\n";
    let out = run_files("visit-grid-no-type", &[("legal-status.csv", status), ("cp-visits.csv", grid)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(5)));
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(2)));
    // "Visit - No Access" is an attempt however its "Visit Type" names the
    // plan; "Visit" beside "Visit Type: CP" is a CP visit.
    let notes = "Person ID,Case Note Type,Visit Type,Event Date,Date Recorded,Seen Alone\n\
                 C1,Home Visit,CP,2026-09-01,2026-09-01,Yes\n\
                 C1,Visit - No Access,CP,2026-09-14,2026-09-14,\n\
                 C1,Visit,CP,2026-10-20,2026-10-20,No\n";
    let out = run_files(
        "visit-type-beside-type",
        &[("legal-status.csv", "Child ID,Legal Status,Start Date,End Date\nC1,CP,2026-06-01,\n"), ("case-notes.csv", notes)],
    );
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(2)));
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(1)));
}

#[test]
fn a_contact_log_a_visit_not_made_and_a_visit_in_two_exports_are_no_extra_visits() {
    // Found by a second stranger's review (2026-12-01), each a visit the
    // day's first reading counted that was none, or counted twice.
    let status = ("legal-status.csv", "Child ID,Legal Status,Start Date,End Date\nC1,CP,2026-06-01,\n");
    let carefirst = "Person ID,Case Note Type,Event Date,Date Recorded,Seen Alone,Created By\n\
                     C1,Statutory Visit,2026-09-03,2026-09-03,Yes,Ann Example\n\
                     C1,Statutory Visit,2026-09-14,2026-09-14,Yes,Ann Example\n\
                     C1,Statutory Visit,2026-09-24,2026-09-24,Yes,Ann Example\n\
                     C1,Statutory Visit,2026-10-22,2026-10-22,Yes,Ann Example\n";
    // A blank type in a log whose date column is a visit's or a contact's.
    let log = "Person ID,Case Note Type,Visit/Contact Date,Date Recorded,Seen Alone\nC1,,2026-10-08,2026-10-08,\n";
    let out = run_files("contact-log-blank-type", &[status, ("case-notes.csv", carefirst), ("contacts.csv", log)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(1)));
    // A visit report's "Home visit - no access" is no visit.
    let report = "Child ID,Visit Type,Visit date,Seen alone\nC1,Home visit - no access,2026-10-08,\n";
    let out = run_files("visit-type-no-access", &[status, ("case-notes.csv", carefirst), ("visits.csv", report)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(1)));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(4)));
    // The same visits again in a typed report: counted once.
    let again = "Child ID,Visit Type,Visit date,Seen alone\nC1,Home visit,2026-09-14,\nC1,Home visit,2026-09-24,\nC1,Home visit,2026-10-22,\n";
    let out = run_files("visits-in-two-exports", &[status, ("case-notes.csv", carefirst), ("visits.csv", again)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(4)));
}

#[test]
fn a_transferred_childs_audit_copied_into_the_new_teams_tracker_is_one_audit() {
    // Blind set 52: each team keeps its own copy of the tracker, named its
    // own way; when a child moves, the new team's manager copies the audit
    // row across. The same child, day, auditor and grade, the same answers:
    // one audit, whatever each copy's own comments say.
    let fs = "Child ID,Audit date,Auditor,Overall grade,Spoken to child,SM comments\n\
              C1,22/09/2026,Lee Abbot,Good,Yes,Child transferred to CWD 01/10\n\
              C2,10/09/2026,Lee Abbot,Inadequate,Yes,\n";
    let dc = "Child's ID,Date of the audit,Name of auditor,Auditor's grade,Record of discussion with child,Notes\n\
              C1,22/09/2026,Lee Abbot,Good,Yes,Transferred in from Family Safeguarding - copied from the FS tracker\n\
              C3,15/09/2026,Kim Dale,Requires improvement,Yes,\n";
    // An "Action completed" date closes its action.
    let actions = "Person ID,Audit completed,Action,Target date,Action completed\n\
                   C2,10/09/2026,Convene a review,24/09/2026,20/09/2026\n\
                   C3,15/09/2026,Update the plan,29/09/2026,05/10/2026\n";
    let files = [("Audits - Family Safeguarding.csv", fs), ("Audits - Disabled Children.csv", dc), ("Actions.csv", actions)];
    let out = run_files("transferred-audit-copied", &files);
    let value = |out: &std::path::Path, id: &str| metrics(out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap()["value"].as_f64();
    assert_eq!(value(&out, "audits_completed"), Some(3.0));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(3)));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    // The copy says it was copied in, so the audit is the team's it came
    // from (read second here: "Disabled Children" sorts first).
    let by_team = |out: &std::path::Path| -> Vec<(String, u64)> {
        let m = metrics(out);
        let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap().clone();
        k["by_team"].as_array().unwrap().iter().map(|b| (b["team"].as_str().unwrap().to_string(), b["numerator"].as_u64().unwrap())).collect()
    };
    assert_eq!(by_team(&out), [("Disabled Children".to_string(), 1), ("Family Safeguarding".to_string(), 2)]);
    // Another auditor's audit of the child that day is another audit.
    let cic = "Child ID,Audit date,Auditor,Overall grade,Spoken to child\nC1,22/09/2026,Ana Ford,Good,Yes\n";
    let out = run_files("transferred-audit-another-auditor", &[files[0], files[1], ("Audits - Children in Care.csv", cic)]);
    assert_eq!(value(&out, "audits_completed"), Some(4.0));
    // So is one with another grade (two audits, not a copy).
    let dc_other = dc.replace("Lee Abbot,Good", "Lee Abbot,Requires improvement");
    let out = run_files("transferred-audit-another-grade", &[files[0], ("Audits - Disabled Children.csv", &dc_other)]);
    assert_eq!(value(&out, "audits_completed"), Some(4.0));
}

#[test]
fn files_named_alike_but_for_a_team_give_each_its_team() {
    // Blind set 52: one copy of the tracker per district, the district only
    // in the file name after the last dash ("North" is a place, so it names a
    // team only beside its siblings).
    let audits = |c: &str| format!("Case ID,Date,Auditor,Overall judgement\n{c}1,07/09/2026,Kim Dale,Good\n{c}2,10/09/2026,Kim Dale,Inadequate\n");
    let by_team = |out: &std::path::Path| -> Vec<String> {
        let m = metrics(out);
        let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap().clone();
        k["by_team"].as_array().unwrap().iter().map(|b| b["team"].as_str().unwrap().to_string()).collect()
    };
    let (n, s) = (audits("N"), audits("S"));
    let out = run_files("sibling-team-files", &[("Tier 2 audit tracker - North.csv", &n), ("Tier 2 audit tracker - South.csv", &s)]);
    assert_eq!(by_team(&out), ["North", "South"]);
    // Alone, or named for months, the part names no team.
    let out = run_files("sibling-team-alone", &[("Tier 2 audit tracker - North.csv", &n)]);
    assert_eq!(by_team(&out), ["(not recorded)"]);
    let out = run_files("sibling-month-files", &[("Tier 2 audit tracker - September.csv", &n), ("Tier 2 audit tracker - October.csv", &s)]);
    assert_eq!(by_team(&out), ["(not recorded)"]);
}

#[test]
fn a_report_that_prints_the_childs_id_once_per_group_gives_it_to_every_row() {
    // Blind set 53: a Business Objects report ("hide duplicates") prints
    // the Person ID on a child's first row only, and not again after a page
    // break; a person would read each blank as the id above it.
    let status = "Person ID,Legal Status,Start Date,End Date\n3104417,CP Plan,2026-06-01,\n3104425,CP Plan,2026-06-01,\n";
    let grouped = "Person ID,Case Note Type,Event Date,Date Entered,Seen Alone\n\
                   3104417,CP Visit,2026-09-01,2026-09-02,Yes\n\
                   ,CP Visit,2026-09-10,2026-09-11,No\n\
                   ,CP Visit,2026-09-21,2026-09-22,Yes\n\
                   ,,,,Page 1 of 2\n\
                   Run: 02/11/2026,,,,\n\
                   Person ID,Case Note Type,Event Date,Date Entered,Seen Alone\n\
                   ,CP Visit,2026-10-02,2026-10-03,Yes\n\
                   ,CP Visit,2026-10-14,2026-10-15,Yes\n\
                   ,CP Visit,2026-10-26,2026-10-27,Yes\n\
                   3104425,CP Visit,2026-09-03,2026-09-04,Yes\n\
                   ,CP Visit,2026-09-29,2026-09-30,Yes\n";
    let out = run_files("ids-once-per-group", &[("legal-status.csv", status), ("case-notes.csv", grouped)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(8), Some(8)));
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)));
    // An export that only lost an id here and there keeps rejecting those rows.
    let lost = "Person ID,Case Note Type,Event Date,Date Entered,Seen Alone\n\
                3104417,CP Visit,2026-09-01,2026-09-02,Yes\n\
                3104417,CP Visit,2026-09-10,2026-09-11,No\n\
                ,CP Visit,2026-09-21,2026-09-22,Yes\n\
                3104425,CP Visit,2026-09-03,2026-09-04,Yes\n\
                3104425,CP Visit,2026-09-29,2026-09-30,Yes\n";
    let out = run_files("ids-lost-here-and-there", &[("legal-status.csv", status), ("case-notes.csv", lost)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(4)));
    // Nor a team's log sorted by date, whose notes about no child have no id:
    // a child's id met again after another's says there are no groups
    // (stranger review 23b).
    let by_date = "Person ID,Case Note Type,Event Date,Date Entered,Seen Alone\n\
                   3104417,CP Visit,2026-09-01,2026-09-02,Yes\n\
                   ,Team Meeting,2026-09-02,2026-09-30,\n\
                   ,Group Supervision,2026-09-03,2026-10-30,\n\
                   3104425,CP Visit,2026-09-04,2026-09-05,Yes\n\
                   ,Duty Log,2026-09-05,2026-10-30,\n\
                   ,Training,2026-09-06,2026-10-30,\n\
                   3104417,CP Visit,2026-09-08,2026-09-09,Yes\n\
                   ,Team Meeting,2026-09-09,2026-10-30,\n";
    let out = run_files("ids-by-date-team-notes", &[("legal-status.csv", status), ("case-notes.csv", by_date)]);
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(3), Some(3)));
}

#[test]
fn several_people_each_with_an_answer_are_spoken_to_where_any_was() {
    // Stranger review 23b: "Mother – unable to reach, Father – yes" was read
    // as no (the first person's answer).
    let audits = "Child ID,Date Completed,Overall Judgement,Parents/carers spoken to\n\
                  3300010,01/09/2026,Good,\"Mother - no, father - yes\"\n\
                  3300012,03/09/2026,Good,\"Mother – unable to reach, Father – yes\"\n\
                  3300013,04/09/2026,Good,\"Mum: not available; Dad: declined\"\n\
                  3300014,05/09/2026,Good,No\n";
    let out = run_files("several-people-answers", &[("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(4)));
}

#[test]
fn a_header_wrapped_over_two_rows_is_read_as_one_on_every_page() {
    // Blind set 53: a log converted back from a PDF keeps each column's name
    // on two lines ("Date of the" over "Audit", "Child's" over "ID."), and
    // prints both lines again on every page.
    let top = "Date of the,Name of Auditor,Child's,Auditors' Grade: Outstanding/Good/,Record of discussion\n\
               Audit,and Position,ID.,Requires Improvement/Inadequate,with child:\n";
    let log = format!(
        "{top}08/09/2026,Kim Dale (TM),418203,Good,Yes - seen at school\n\
         15/09/2026,Kim Dale (TM),418377,Inadequate,No - declined\n\
         ,,,,Page 1 of 2\n\
         {top}02/10/2026,Ana Ford (SM),418455,Good,Yes\n"
    );
    let out = run_files("wrapped-header", &[("Learning audit log (converted).csv", &log)]);
    let m = metrics(&out);
    let completed = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap()["value"].as_f64();
    assert_eq!(completed, Some(3.0));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(3)));
}

#[test]
fn codes_explained_by_a_reports_key_lines_or_a_lookup_file_are_read() {
    // Blind set 54: the export speaks in codes and the key is kept elsewhere.
    // A report's legend at its foot: each line reads the columns it names
    // (or, naming none, the column of its codes); the lines are no records.
    let report = "Report: case file audits (codes)\n\
                  \n\
                  Person ID,Date Completed,Overall Judgement,Family views sought,Moderated by,Moderated judgement\n\
                  C1,10/09/2026,GD,Y,Ann Example,RIG\n\
                  C2,12/09/2026,RIG,N,,\n\
                  C3,15/09/2026,INA,NA,Bo Example,INA\n\
                  C4,18/09/2026,OUT,Y,,\n\
                  \n\
                  Key – Overall Judgement / Moderated judgement: OUT = Outstanding; GD = Good; RIG = Requires Improvement with elements of good practice; INA = Inadequate\n\
                  \"Key – Family views sought: Y = Yes, views obtained; N = No, not obtained; NA = Not appropriate\"\n";
    let out = run_files("key-lines-at-the-foot", &[("audits.csv", report)]);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)));
    let dq = data_quality(&out);
    assert!(dq.contains("read with the key lines of the file: Overall Judgement, Family views sought"), "{dq}");
    assert!(!dq.contains("no child id"), "the key lines are no records: {dq}");
    // Without its key, the same report's codes are no grades (said, not guessed).
    let bare = report.split("\nKey").next().unwrap().to_string() + "\n";
    let out = run_files("key-lines-removed", &[("audits.csv", &bare)]);
    let not_in_source =
        |out: &std::path::Path, id: &str| metrics(out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap()["not_in_source"] == true;
    assert!(not_in_source(&out, "overall_good_or_better"));
    // A lookup export beside case notes and legal status ("Lookup | Code |
    // Description"): note types, seen alone and legal statuses as codes.
    let lookups = "Lookup,Code,Description\n\
                   Case Note Type,VCP,Visit to Child - CP\n\
                   Case Note Type,CSN,Case Note\n\
                   Seen Alone,Y,Yes\n\
                   Seen Alone,N,No\n\
                   Seen Alone,NR,Not recorded\n\
                   Legal Status,CPN,Child Protection Plan - Neglect\n\
                   Legal Status,CIN,Child in Need\n";
    let notes = "Person ID,Case Note Type,Event Date,Date Entered,Seen Alone\n\
                 K1,VCP,28/08/2026,28/08/2026,Y\n\
                 K1,VCP,08/09/2026,08/09/2026,NR\n\
                 K1,CSN,10/09/2026,10/09/2026,Y\n\
                 K1,VCP,17/09/2026,17/09/2026,N\n\
                 K1,VCP,28/09/2026,28/09/2026,Y\n\
                 K1,VCP,09/10/2026,09/10/2026,Y\n\
                 K1,VCP,20/10/2026,20/10/2026,Y\n";
    let status = "Person ID,Legal Status,Start Date,End Date\nK1,CPN,01/06/2026,\nK2,CIN,01/06/2026,\n";
    let files = [("CareFirst lookups.csv", lookups), ("case notes.csv", notes), ("legal status.csv", status)];
    let out = run_files("lookup-file-beside-the-exports", &files);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(5)));
    // Without the lookup, the codes say nothing of plans or visits.
    let out = run_files("lookup-file-missing", &files[1..]);
    assert!(not_in_source(&out, "cp_visits_in_time"));
}

#[test]
fn a_child_transferred_in_is_one_child_under_the_other_councils_id_and_ours() {
    // Blind set 55: a child transferred in is audited under the sending
    // council's id before ours is issued; the re-audit, under ours, gives
    // the earlier id in "Former LA reference".
    let audits = "Person ID,Former LA reference,Date Completed,Overall Judgement,Allocated worker consulted,Family views sought,Status\n\
                  KL1001 (our ID to follow),,20/07/2026,Inadequate,Yes,Yes,Completed\n\
                  H2001,KL1001 (Kelsey CC),15/09/2026,Requires Improvement,Yes,Family live in Kelsey - not contacted,Completed\n\
                  H2002,,,,,,Audit stopped - child transferred to Kelsey CC\n\
                  H2003,,22/09/2026,Good,Yes,Yes,Completed\n";
    let out = run_files("transferred-in-two-ids", &[("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(1), Some(1)));
    // "Family live in Kelsey - not contacted": not spoken to.
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(2)));
    let dq = data_quality(&out);
    assert!(dq.contains("records under KL1001 (our ID to follow) are read as child H2001"), "{dq}");
    assert!(dq.contains("Audit stopped - child transferred to Kelsey CC"), "{dq}");
    // Without the link, the re-audit is another child's.
    let unlinked = audits.replace("KL1001 (Kelsey CC)", "");
    let out = run_files("transferred-in-unlinked", &[("audits.csv", &unlinked)]);
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(0), Some(1)));
    // A visit imported from the other council's system with "Not recorded
    // (Kelsey record)" for seen alone: not recorded.
    let notes = "Person ID,Case Note Type,Event Date,Date Entered,Seen Alone\n\
                 H2001,Statutory Visit,02/09/2026,06/10/2026,Not recorded (Kelsey record)\n\
                 H2001,Statutory Visit,14/09/2026,14/09/2026,Yes\n";
    let status = "Person ID,Legal Status,Start Date,End Date\nH2001,CP,01/06/2026,\n";
    let out = run_files("imported-visit-not-recorded", &[("notes.csv", notes), ("status.csv", status)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(1), Some(2)));
}

#[test]
fn what_is_not_a_key_a_link_or_a_view_is_not_read_as_one() {
    // Found by a stranger's review of the day's rules (2026-12-01, 24th
    // session). A totals line under the rows counts codes: no key.
    let audits = "Child ID,Date completed,Overall grade\nC1,10/09/2026,RI\nC2,11/09/2026,Inadequate\nC3,12/09/2026,RI\n\nTotal: RI = 2, Inadequate = 1\n";
    let out = run_files("totals-line-no-key", &[("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(0), Some(3)));
    // A lookup of services whose codes are Y and N does not rewrite yes / no
    // answers in columns it does not name.
    let lookup = "Lookup,Code,Description\nService,Y,Youth Justice\nService,N,North locality\nService,S,South locality\nTeam,N,North\nTeam,S,South\n";
    let tracker = "Child ID,Date completed,Overall grade,Child spoken to\nC1,10/09/2026,Good,Y\nC2,11/09/2026,Good,N\nC3,12/09/2026,Good,Y\n";
    let out = run_files("lookup-codes-like-answers", &[("lookups.csv", lookup), ("audits.csv", tracker)]);
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(3)));
    // Views had by someone else are not the auditor's ("Views gathered by
    // IRO", "Feedback given by social worker"); views said not to have been
    // had are no.
    let views = "Child ID,Date completed,Overall grade,Child spoken to\n\
                 C1,10/09/2026,Good,Views gathered by IRO\n\
                 C2,11/09/2026,Good,Feedback given by social worker\n\
                 C3,12/09/2026,Good,Views not recorded\n\
                 C4,13/09/2026,Good,Views obtained and recorded\n\
                 C5,14/09/2026,Good,Yes\n";
    let out = run_files("second-hand-views", &[("audits.csv", views)]);
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(3)));
    // An audit stopped and then resumed is still due.
    let stopped = "Child ID,Date allocated,Due date,Date completed,Overall grade,Notes\n\
                   C1,01/09/2026,30/09/2026,20/09/2026,Good,\n\
                   C2,01/09/2026,30/09/2026,,,Audit stopped at Part A - resumed 15/10 once SW back from leave\n\
                   C3,01/09/2026,30/09/2026,,,Audit stopped - child moved to another council\n";
    let out = run_files("stopped-then-resumed", &[("audits.csv", stopped)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)));
    // An earlier council's id written as ours are (six digits beside six
    // digits) may be a child of ours: not linked.
    let ids = "Child ID,Previous LA ID,Date completed,Overall grade\n\
               100234,,20/07/2026,Inadequate\n\
               100877,Kelsey CC - 100234,15/09/2026,Good\n";
    let out = run_files("previous-id-like-ours", &[("audits.csv", ids)]);
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(0), Some(1)));
    assert!(data_quality(&out).contains("previous_la_id_not_linked"));
}

/// A workbook of named sheets of text cells (numbers where a cell parses as
/// one; "" left empty).
fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sh = wb.add_worksheet();
        sh.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                match v.parse::<f64>() {
                    Ok(n) => sh.write_number(r as u32, c as u16, n).unwrap(),
                    Err(_) => sh.write_string(r as u32, c as u16, *v).unwrap(),
                };
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_row_struck_through_in_every_cell_is_a_deleted_row() {
    // Blind set 158's wyndle marsh: a tracker row struck through, with no
    // other mark, is a row deleted; one struck cell alone is not.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sh = wb.add_worksheet();
    sh.set_name("Tracker").unwrap();
    let struck = rust_xlsxwriter::Format::new().set_font_strikethrough();
    let rows: &[&[&str]] = &[
        &["Child ID", "Team", "Date allocated", "Due date", "Date completed", "Overall grade"],
        &["C7101", "South", "01/09/2026", "30/09/2026", "25/09/2026", "Good"],
        &["C7102", "South", "01/10/2026", "31/10/2026", "", ""],
        &["C7103", "North", "01/10/2026", "31/10/2026", "20/10/2026", "Requires Improvement"],
        &["C7104", "North", "01/09/2026", "30/09/2026", "05/10/2026", "Good"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            match (r, c) {
                // Row 3 struck through whole; row 5's grade alone.
                (2, _) | (4, 5) => sh.write_string_with_format(r as u32, c as u16, *v, &struck).unwrap(),
                _ => sh.write_string(r as u32, c as u16, *v).unwrap(),
            };
        }
    }
    let out = run_one_file("struck-through-row", "tracker.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    assert!(data_quality(&out).contains("struck through in every filled cell (row 3)"), "{}", data_quality(&out));
    // A header struck through is still the header (review 250's c26b, c33).
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sh = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            match r {
                0 => sh.write_string_with_format(r as u32, c as u16, *v, &struck).unwrap(),
                _ => sh.write_string(r as u32, c as u16, *v).unwrap(),
            };
        }
    }
    let out = run_one_file("struck-through-header", "tracker.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
}

#[test]
fn actions_on_the_audit_row_are_read_by_their_own_columns() {
    // Blind set 157: "Recommended actions" with a bare "Timescale" and
    // "Action completed" beside "Part A completed" (thornmere); a graded
    // question "Summary - outcome and plan" is no action's outcome, and the
    // review's "Completed" dates it (strandmouth); "Agreed Action 1" is an
    // action, not the day actions were accepted (kennetbury).
    let csv = "Child ID,Team,Audit due,Part A completed,Part B completed,Overall judgement,Recommended actions,Timescale,Action completed\n\
               C7201,Pod 1,31/08/2026,20/08/2026,26/08/2026,Good,Update chronology,09/09/2026,\n\
               C7202,Pod 2,01/09/2026,28/08/2026,01/09/2026,Good,Update chronology,15/09/2026,15/09/2026\n\
               C7203,Pod 2,30/09/2026,29/09/2026,05/10/2026,Requires Improvement,Review plan,19/10/2026,21/10/2026\n";
    let out = run_one_file("row-actions-timescale", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(3)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1));
    let tracker: &[&[&str]] = &[
        &[
            "LCS ID",
            "Team",
            "Date of audit",
            "Summary - outcome and plan",
            "OVERALL JUDGEMENT OF THE CASE FILE",
            "Remedial action",
            "Who?",
            "Date to be completed by?",
            "Date reviewed",
            "Completed/Comments",
        ],
        &["C7301", "North", "2026-09-09", "Good", "Requires Improvement", "Update the PEP", "SW", "2026-09-23", "2026-09-22", "Completed"],
        &["C7302", "North", "2026-09-15", "Good", "Good", "Update the plan", "SW", "2026-09-29", "2026-09-29", "Not completed - chased 02/10"],
        &["C7303", "South", "2026-10-02", "Requires Improvement", "Requires Improvement", "Update the PEP", "SW", "", "2026-10-16", "Completed"],
    ];
    let out = run_one_file("row-actions-reviewed", "tracker.xlsx", &workbook(&[("Tracker", tracker)]));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1));
    let returns: &[&[&str]] = &[
        &[
            "Case ref",
            "Unit",
            "Audit date",
            "Q12 How has the help provided improved outcomes?",
            "Agreed Action 1",
            "Person 1",
            "Completion date 1",
            "Manager's sign off date 1",
            "Agreed Action 2",
            "Person 2",
            "Completion date 2",
            "Manager's sign off date 2",
        ],
        &["C7401", "CIC", "2026-09-10", "Meets good", "Update the care plan", "SW", "2026-09-24", "2026-09-23", "", "", "", ""],
        &["C7402", "CIC", "2026-09-14", "Does not meet good", "Convene a review", "TM", "2026-09-28", "", "", "", "", ""],
        &["C7403", "CIC", "2026-10-01", "Exceeds good", "Record the child's views", "SW", "2026-10-15", "2026-10-20", "", "", "", ""],
    ];
    let out = run_one_file("row-actions-agreed-action", "returns.xlsx", &workbook(&[("Returns", returns)]));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(3)));
    // Review 250: one numbered slot with its other parts unnumbered (c20);
    // the actions and their completion alone, due by the default (c22);
    // set when the audit's actions were agreed (c23).
    let csv = "Child ID,Team,Auditor,Date completed,Overall judgement,Agreed Action 1,Timescale,Action completed\n\
               C501,Alpha Team,A Smith,2026-09-05,Good,Update chronology,2026-09-20,2026-09-18\n\
               C502,Alpha Team,A Smith,2026-09-10,Requires improvement,SMART plan,2026-10-10,\n\
               C503,Beta Team,B Jones,2026-10-01,Good,Review contact,2026-10-15,2026-10-20\n";
    let out = run_one_file("row-actions-one-numbered-slot", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(3)));
    let csv = "Child ID,Team,Auditor,Date completed,Overall judgement,Recommended actions,Date actions agreed,Action completed\n\
               C501,Alpha Team,A Smith,2026-09-01,Good,Update chronology,2026-09-08,2026-09-18\n\
               C502,Alpha Team,A Smith,2026-09-10,Requires improvement,SMART plan,2026-09-10,2026-09-23\n\
               C503,Beta Team,B Jones,2026-10-01,Good,Review contact,2026-10-12,\n";
    let out = run_one_file("row-actions-set-when-agreed", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1));
    // Review 251's c33: two numbered slots and one completion of them all,
    // each slot's; one completion that does not say which action it
    // completes is none's, and said (the actions not read).
    let csv = "Child ID,Team,Date completed,Overall judgement,Agreed Action 1,Action 1 due,Agreed Action 2,Action 2 due,Actions completed\n\
               C1,North,2026-09-10,Good,Update the plan,2026-09-24,Visit the child,2026-10-08,2026-09-20\n\
               C2,North,2026-09-12,Requires Improvement,Chronology,2026-09-26,,,\n\
               C3,North,2026-09-14,Good,Supervision,2026-10-01,Record views,2026-10-05,\n";
    let out = run_one_file("row-actions-numbered-one-completion", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(5)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(3));
    let csv = csv.replace("Actions completed", "Action completed");
    let out = run_one_file("row-actions-numbered-which-completion", "audits.csv", csv.as_bytes());
    let m = metrics(&out);
    assert_eq!(m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "actions_on_time").unwrap()["not_in_source"], true);
    let dq = data_quality(&out);
    assert!(dq.contains("actions_not_read") && dq.contains("'Action completed' that does not say which of them it completes"), "{dq}");
}

#[test]
fn a_forms_actions_grid_ends_at_the_forms_next_label() {
    // Blind set 160's kestrel moor: seed 000's form, its actions grid
    // followed at once by the comments and the moderation block.
    let form: &[&[&str]] = &[
        &["Learning Audit", "", "", ""],
        &["Child's ID:", "510004", "", ""],
        &["Name of Team:", "Assessment Team", "", ""],
        &["Date audit completed:", "2026-09-15", "", ""],
        &["Auditors' Grade: Outstanding/Good/Requires Improvement/Inadequate", "Requires Improvement", "", ""],
        &["Recommendations for further action:", "Who By:", "By When:", "Date completed (TM to record)"],
        &["1. Update the chronology", "SW", "2026-09-29", "2026-09-28"],
        &["2. Share the plan with the family", "SW", "2026-09-29", ""],
        &["Social Worker's Comments on the outcome of the Learning Audit:", "Agree with findings.", "", ""],
        &["MODERATION AUDIT:", "", "", ""],
        &["Date of moderation audit:", "2026-10-01", "", ""],
        &["Do you Agree with the Auditor?", "If not, why not?", "", ""],
        &["Yes", "", "", ""],
    ];
    let out = run_one_file("form-grid-ends-at-label", "LearningAudit_510004.xlsx", &workbook(&[("Audit", form)]));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1));
    // An action that asks a question, with its date by when, is an action
    // (review 252's c65c: the grid had ended there).
    let mut asks: Vec<&[&str]> = form.to_vec();
    asks.insert(7, &["3. Can the family's views be recorded?", "SW", "2026-10-09", ""]);
    let out = run_one_file("form-grid-action-asks", "LearningAudit_510004.xlsx", &workbook(&[("Audit", &asks)]));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(3)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(2));
}

#[test]
fn a_reaudit_with_its_own_deadline_is_on_time_or_late() {
    // Blind set 159's saltmere and brackenmoor, review 239's c18: a log of
    // re-audits ("Re-audit due", "Re-audit date", "Overall evaluation at
    // re-audit") beside the audits they follow up.
    let audits = "Client ID,Team,Part B completed,Overall judgement\n\
                  330001,LAC,2026-08-13,Inadequate\n\
                  330002,CIN,2026-07-09,Inadequate\n\
                  330003,CIN,2026-09-15,Good\n";
    let log = "Client ID,Team,Original audit completed (Part B),Re-audit due,Re-audit date,Overall evaluation at re-audit\n\
               330001,LAC,2026-08-13,2026-10-13,2026-10-09,Requires Improvement\n\
               330002,CIN,2026-07-09,2026-09-09,2026-09-21,Good\n";
    let dir = scratch("reaudit-log-due");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("audits.csv"), audits).unwrap();
    std::fs::write(input.join("reaudits.csv"), log).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    // The two re-audits: 330001 on time (due 13/10, done 09/10), 330002
    // late (due 09/09, done 21/09); the audits, with no due date or
    // allocation, are left out, with a warning.
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)));
    // A re-audit deadline with no re-audit done is a re-audit due and not
    // done (review 251's c21); a deadline column alone beside re-audits
    // kept as rows of their own is the next audit's (blind set 146).
    let csv = "Child ID,Team,Date allocated,Due date,Date completed,Overall judgement,Re-audit deadline,Re-audit date,Re-audit judgement\n\
               C601,North,2026-07-01,2026-07-31,2026-07-20,Inadequate,2026-09-20,,\n\
               C602,North,2026-09-01,2026-09-30,2026-09-25,Good,,,\n\
               C603,South,2026-09-01,2026-09-30,2026-09-28,Requires Improvement,,,\n";
    let out = run_one_file("reaudit-deadline-not-done", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    let csv = "Child ID,Team,Date allocated,Due date,Date completed,Overall judgement,Inadequate: re-audit due by\n\
               C601,North,2026-07-01,2026-07-31,2026-07-20,Inadequate,2026-09-20\n\
               C601,North,2026-09-01,2026-09-20,2026-09-18,Requires Improvement,\n\
               C603,South,2026-09-01,2026-09-30,2026-09-28,Good,\n";
    let out = run_one_file("reaudit-deadline-rows-of-their-own", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(2)));
}

#[test]
fn a_challenge_a_senior_manager_moderated_is_that_audits_moderation() {
    // Blind set 159's hallowdene (seed 003 para 22): a "Challenges" sheet
    // with who moderated, when, the moderator's judgement and the outcome.
    let audits: &[&[&str]] = &[
        &["Child ID", "Team", "Date audit completed", "Overall judgement"],
        &["880005", "CIC", "2026-09-18", "Requires Improvement"],
        &["880006", "CIC", "2026-09-24", "Inadequate"],
        &["880007", "CIC", "2026-10-06", "Requires Improvement"],
        &["880008", "CIC", "2026-10-12", "Good"],
    ];
    let challenges: &[&[&str]] = &[
        &["Child ID", "Date audit completed", "Auditor's judgement", "Moderated by (senior manager)", "Date of moderation", "Moderator's judgement", "Outcome"],
        &["880005", "2026-09-18", "Requires Improvement", "Head of Service", "2026-10-02", "Requires Improvement", "Not upheld"],
        &["880006", "2026-09-24", "Inadequate", "Head of Service", "2026-10-08", "Requires Improvement", "Upheld - regraded RI"],
        &["880007", "2026-10-06", "Requires Improvement", "Head of Service", "2026-10-21", "Good", "Upheld - regraded Good"],
    ];
    let out = run_one_file("challenges-moderated", "audits.xlsx", &workbook(&[("Audits", audits), ("Challenges", challenges)]));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(3), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(3)));
    // With no grade column, its moderation alone (review 251's c16).
    let no_grade: Vec<Vec<&str>> = challenges.iter().map(|r| r[..5].iter().chain(&r[6..]).copied().collect()).collect();
    let no_grade: Vec<&[&str]> = no_grade.iter().map(|r| r.as_slice()).collect();
    let out = run_one_file("challenges-moderated-no-grade", "audits.xlsx", &workbook(&[("Audits", audits), ("Challenges", &no_grade)]));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(3), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(3)));
    // Upheld in part: agreed where the grade it gives is the auditor's
    // (880005, RI kept), not where it changed (880007, RI to Good) (review
    // 251's c06).
    let in_part: &[&[&str]] = &[
        challenges[0],
        &["880005", "2026-09-18", "Requires Improvement", "Head of Service", "2026-10-02", "Requires Improvement", "Upheld in part"],
        &["880007", "2026-10-06", "Requires Improvement", "Head of Service", "2026-10-21", "Good", "Partly upheld"],
    ];
    let out = run_one_file("challenges-upheld-in-part", "audits.xlsx", &workbook(&[("Audits", audits), ("Challenges", in_part)]));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)));
    // The moderator's own words on the grade: "Partially agree - grade
    // stands" agrees, "Partially agree" does not (review 252's c12: the
    // sheet's moderation had been "not in the exports").
    let in_words: &[&[&str]] = &[
        challenges[0],
        &["880005", "2026-09-18", "Requires Improvement", "Head of Service", "2026-10-02", "Requires Improvement", "Partially agree - grade stands"],
        &["880006", "2026-09-24", "Inadequate", "Head of Service", "2026-10-08", "Requires Improvement", "Partially agree"],
    ];
    let out = run_one_file("challenges-agreed-in-words", "audits.xlsx", &workbook(&[("Audits", audits), ("Challenges", in_words)]));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)));
}

#[test]
fn corrections_logged_beside_the_records_are_made_or_said() {
    // Blind set 56: the corrections that came afterwards. A sheet of fixes
    // beside the tracker, by row and column: made where the cell still holds
    // what the log says it was; refused ones not; a row to delete set aside.
    let audits: &[&[&str]] = &[
        &["Child ID", "Date completed", "Overall grade", "Notes"],
        &["C1", "10/09/2026", "Good", ""],
        &["C2", "11/09/2026", "Good", ""],
        &["C3", "12/09/2026", "Requires Improvement", ""],
        &["C4", "13/09/2026", "Good", ""],
        &["C5", "14/09/2026", "Good", ""],
        &["C6", "15/09/2026", "Good", "DUPLICATE - entered twice, ignore this row"],
        &["C7", "16/09/2026", "Requires Improvement – amended to Good 20/09/2026 (auditor email)", ""],
    ];
    let log: &[&[&str]] = &[
        &["Row", "Column", "Recorded as", "Should be", "Status"],
        &["3", "Overall grade", "Good", "Inadequate", "Not yet changed in log"],
        &["5", "Overall grade", "Good", "Requires Improvement", "Not agreed"],
        &["6", "(whole row)", "", "Delete – entered in error", "Not yet changed in log"],
        &["4", "Overall grade", "Outstanding", "Good", "Not yet changed in log"],
    ];
    let dir = scratch("corrections-log-sheet");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("tracker.xlsx"), workbook(&[("Audits", audits), ("Corrections", log)])).unwrap();
    let out = run_in_folder(&dir, &input);
    let value = |out: &std::path::Path, id: &str| metrics(out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap()["value"].as_f64();
    // C1, C2 (now Inadequate), C3 (the log's "Outstanding" is not what it
    // holds: not made), C4 (refused: Good), C7 (Good, as its cell says);
    // C5 deleted, C6 ignored by its note, the log's rows no audits.
    assert_eq!(value(&out, "audits_completed"), Some(5.0));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(5)));
    let dq = data_quality(&out);
    assert!(dq.contains("correction_made") && dq.contains("correction_refused") && dq.contains("correction_not_made"), "{dq}");
    assert!(dq.contains("holds 'Requires Improvement', not 'Outstanding'"), "{dq}");
    // Without the log, the tracker as it is.
    let dir = scratch("corrections-log-sheet-without");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("tracker.xlsx"), workbook(&[("Audits", audits)])).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(5), Some(6)));
    // A log of its own naming each record by its ids ("Form ID | Person ID |
    // Field amended | From | To"), read whatever order the files come in.
    let report = "Form ID,Person ID,Date Completed,Overall Judgement\nF1,K1,10/09/2026,Good\nF2,K2,12/09/2026,Good\nF3,K3,14/09/2026,Good\n";
    let amendments = "Form ID,Person ID,Field amended,From,To,Agreed by\n\
                      F2,K2,Overall Judgement,Good,Inadequate,QA Lead\n\
                      F3,K3,(whole form),,Disregard – cancelled,QA Lead\n\
                      F1,K1,Overall Judgement,Good,Requires Improvement,Not agreed – HoS\n\
                      F1,K1,Action 1 – Target date,16/01/2026,16/10/2026,QA Lead\n";
    let out = run_files("amendments-log-by-id", &[("Audit amendments log.csv", amendments), ("audits.csv", report)]);
    assert_eq!(value(&out, "audits_completed"), Some(2.0));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
    assert!(data_quality(&out).contains("'action 1 target date' for the record F1 / K1"), "a correction it cannot place is said");
}

#[test]
fn what_is_not_a_correction_is_not_made_as_one() {
    // Found by a stranger's review of the day's corrections rules (2026-12-01,
    // 24th session). A version history records changes made: not made again.
    let audits: &[&[&str]] = &[
        &["Child ID", "Date completed", "Overall grade", "Notes"],
        &["C1", "10/09/2026", "Good", "Please do not delete this row - needed for re-audit tracking"],
        &["C2", "11/09/2026", "Good – should be reviewed in 3 months", ""],
        &["C3", "12/09/2026", "Requires Improvement", "Grade entered in error as Inadequate, corrected to RI"],
        &["C4", "13/09/2026", "Good", ""],
    ];
    let history: &[&[&str]] = &[
        &["Date", "Cell", "Old value", "New value", "Changed by"],
        &["15/10/2026", "C5", "Requires Improvement", "Good", "QA"],
        &["01/10/2026", "C5", "Good", "Requires Improvement", "QA"],
    ];
    // A log row pointing at the header, and a log whose "Row" is its own
    // line number beside the record's id (the row holding that id is meant).
    let log: &[&[&str]] = &[
        &["Row", "Child ID", "Column", "Recorded as", "Should be", "Status"],
        &["1", "", "Overall grade", "Overall grade", "Good", "Not yet changed"],
        &["2", "C3", "Overall grade", "Requires Improvement", "Good", "Not yet changed"],
    ];
    let dir = scratch("not-corrections");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("tracker.xlsx"), workbook(&[("Audits", audits), ("Version history", history), ("Corrections", log)])).unwrap();
    let out = run_in_folder(&dir, &input);
    let value = |out: &std::path::Path, id: &str| metrics(out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap()["value"].as_f64();
    // Four audits (none set aside by notes that do not say to); C2 Good (a
    // plan, not a correction), C3 Good (the log's record by its id), C4
    // Good (the history not made again): 4 of 4.
    assert_eq!(value(&out, "audits_completed"), Some(4.0));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(4), Some(4)));
    let dq = data_quality(&out);
    assert!(dq.contains("change_history") && dq.contains("the sheet's header or above it"), "{dq}");
    // A grade changed at moderation, where the moderator's grade has its own
    // column: the auditor's grade stays, and the two do not agree.
    let moderated = "Child ID,Date completed,Overall grade,Moderated by,Moderated grade
                     C1,10/09/2026,Inadequate – changed to Requires Improvement at moderation,Ann Example,Requires Improvement
                     C2,11/09/2026,Good,Ann Example,Good
";
    let out = run_files("changed-at-moderation", &[("audits.csv", moderated)]);
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)));
}

#[test]
fn a_partner_agencys_section_of_a_multi_agency_audit_is_not_an_audit() {
    // Blind set 57: one row per agency's section of the same audit; the
    // council's row is the audit. A partner's worker named where the
    // social worker was asked about is not the social worker.
    let audits = "Agency,Date of the Audit,Child's ID.,Auditors' Grade,Which worker did you speak to as part of the audit?\n\
                  Children's Social Care,10/09/2026,C1,Good,Kim Ray (SW) 08/09\n\
                  Health,12/09/2026,C1,Inadequate,\n\
                  Police,14/09/2026,C1,Requires Improvement,\n\
                  Children's Social Care,15/09/2026,C2,Requires Improvement,School DSL (Mrs Hart) 12/09\n\
                  Education,16/09/2026,C2,Good,\n";
    let out = run_files("multi-agency-sections", &[("audits.csv", audits)]);
    let value = |out: &std::path::Path, id: &str| metrics(out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap()["value"].as_f64();
    assert_eq!(value(&out, "audits_completed"), Some(2.0));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(1), Some(2)));
    assert!(data_quality(&out).contains("a partner agency's section of a multi-agency audit"));
}

#[test]
fn answers_written_as_json_and_ids_as_guids_are_read() {
    // Blind set 58: a cloud system's API writes answers as JSON in a cell
    // and gives every record a GUID; actions name their audit by it.
    let audits = "Audit ID,Child's ID number,Audit date,Overall grade,Feedback from parents/carers\n\
                  e8455933-565d-5c89-bb5b-915bfce71bfe,C1,2026-09-15T09:00:00.000Z,\"{\"\"value\"\": 2, \"\"label\"\": \"\"Good\"\"}\",\"{\"\"obtained\"\": true}\"\n\
                  a37ad97d-efd2-5033-b631-f23f0096b5cb,C2,2026-09-16T10:00:00.000Z,\"{\"\"value\"\": 3, \"\"label\"\": \"\"Requires Improvement\"\"}\",\"{\"\"obtained\"\": false, \"\"reason\"\": \"\"Parent declined\"\"}\"\n";
    let actions = "Action ID,Linked audit,Agreed action,Due date,Date completed\n\
                   24462063-d3e4-5a17-a683-9b5f0a037867,{E8455933-565D-5C89-BB5B-915BFCE71BFE},Update the plan,2026-09-29,2026-09-28\n";
    let out = run_files("json-and-guids", &[("audits.csv", audits), ("actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(1)));
    let linked = rows(&out.join("normalised/actions.csv"));
    assert_eq!(linked[0]["child_id"], "C1", "the action is linked to its audit by the GUID");
}

#[test]
fn children_at_the_edges_are_followed_across_their_ids() {
    // Blind set 59. The unborn baby's audit ("Unborn of AC40112") is followed
    // by the born child's re-audit, whose id cell gives the earlier one; a
    // child re-registered on placement for adoption likewise. The mother's
    // own id (AC40112) is another person: her audit is not the baby's.
    let audits = "Child ID,Date completed,Overall grade\n\
                  Unborn of AC40112,20/07/2026,Inadequate\n\
                  AC40377 (was Unborn of AC40112),14/09/2026,Good\n\
                  AC40112,18/07/2026,Inadequate\n\
                  BW20112,14/08/2026,Inadequate\n\
                  BW20688 (new record on placement for adoption - previous Case ID BW20112),06/10/2026,Requires improvement\n";
    let out = run_files("earlier-id-in-cell", &[("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(2), Some(3)));
    let dq = data_quality(&out);
    assert_eq!(dq.matches("earlier_id_in_cell").count(), 2, "{dq}");
    let ids: Vec<String> = rows(&out.join("normalised/audits.csv")).into_iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(ids, ["AC40377", "AC40377", "AC40112", "BW20688", "BW20688"]);
    // Twins each giving the same earlier id: linked to neither, and said;
    // a name beside the id is left out of every output.
    let twins = "Child ID,Date completed,Overall grade\n\
                 Unborn of M100200,10/07/2026,Inadequate\n\
                 C200200 (was Unborn of M100200),05/09/2026,Good\n\
                 C200100 (was Unborn of M100200),25/09/2026,Good\n\
                 Riley Example (C300100),12/09/2026,Good\n";
    let out = run_files("earlier-id-twins", &[("audits.csv", twins)]);
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(0), Some(1)));
    assert!(data_quality(&out).contains("earlier_id_ambiguous"));
    for f in ["normalised/audits.csv", "normalised/judgements.csv", "normalised/data_quality.csv", "metrics.json"] {
        assert!(!std::fs::read_to_string(out.join(f)).unwrap().contains("Riley"), "{f}");
    }
    // A baby's expected due date is not the audit's.
    for header in ["Expected due date (pre-birth)", "Date due to be born"] {
        let prebirth = format!("Child ID,{header},Date completed,Overall grade\nUnborn of AC40198,20/11/2026,09/09/2026,Good\nAC40501,,22/09/2026,Good\n");
        let out = run_files("expected-due-date", &[("audits.csv", &prebirth)]);
        assert!(metrics(&out)["kpis"].as_array().unwrap().iter().any(|k| k["id"] == "audits_on_time" && k["not_in_source"] == true), "{header}");
    }
}

#[test]
fn other_services_audits_are_read_as_their_keys_allow() {
    // Blind set 60. A youth justice service's export: the young person by
    // "YJ ID", the case manager as the practitioner spoken to.
    let yjs = "YJ ID,YJ Team,Auditor,Date of audit,Overall quality rating,Child/young person spoken to,Case manager spoken to\n\
               YJ-4101,YJS,Ama Frost,01/09/2026,Good,Yes,Yes\n\
               YJ-4102,YJS,Ama Frost,10/09/2026,Requires improvement,No,No\n";
    let out = run_files("youth-justice", &[("yjs.csv", yjs)]);
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(1), Some(2)));
    // Beside a child id column, a youth justice id is the other system's:
    // the child id is still read (found by a stranger's review).
    let both = "Child ID,YOT ID,Date completed,Overall grade\nC1,YJ-1,10/09/2026,Good\nC2,,11/09/2026,Good\nC3,YJ-3,12/09/2026,Inadequate\n";
    let out = run_files("child-and-yot-id", &[("audits.csv", both)]);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    // An Early Help tool's audits of families: rejected, saying why.
    let eh = "Family ID,Early Help Team,Date of audit,Overall grade\nEHF-3304,EH North,22/08/2026,Inadequate\n";
    let out = run_files("family-ids", &[("audits.csv", "Child ID,Date completed,Overall grade\nC1,10/09/2026,Good\n"), ("eh.csv", eh)]);
    assert!(data_quality(&out).contains("its 'Family ID' column names a family or a carer household, not a child"), "{}", data_quality(&out));
    // The same audit on the central tracker and on a team's own log, each
    // with what the other lacks: one audit, counted with the tracker's due
    // date and the log's spoken-to answer.
    let tracker = "Child ID,Team,Auditor,Date allocated,Due date,Date completed,Overall grade\n\
                   CF50103,North,Jonah Preddy,01/09/2026,30/09/2026,24/09/2026,Good\n\
                   CF50108,CWD,Mirela Strand,01/10/2026,31/10/2026,15/10/2026,Good\n";
    let log = "Child ID,Team,Auditor,Date of audit,Overall judgement,Parent/carer spoken to\n\
               CF50108,Children with Disabilities,Mirela Strand,15/10/2026,Good,Yes\n\
               CF50109,Children with Disabilities,Tobias Reeve,09/09/2026,Good,No\n";
    let out = run_files("team-log-and-tracker", &[("a tracker.csv", tracker), ("b cwd log.csv", log)]);
    assert_eq!(metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap()["value"], 3.0);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(2)));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(2)));
}

#[test]
fn a_challenge_leaves_its_log_out_and_its_withdrawn_actions_unowed() {
    // Blind set 61. A dissent log beside the audit log is not audits; an
    // action withdrawn after an upheld challenge is owed by no one; a view
    // under a possessive who is the family's, heard (a feeling alone is not).
    let audits = "Child ID,Date completed,Overall grade,Parents / carers views\n\
                  C1,03/09/2026,Good,Foster carer feels supported\n\
                  C2,08/09/2026,Requires improvement,Young person's aunt: very positive about the PA\n\
                  C3,10/09/2026,Good,Carers positive about support\n";
    let dissent = "Child ID,Date of the Audit,Dissent raised by,Outcome,Revised grade\nC2,08/09/2026,Social Worker,Upheld,Good\n";
    let actions = "Child ID,Date of the Audit,Action,By When,Date Action Completed,Status\n\
                   C1,03/09/2026,Update chronology,17/09/2026,15/09/2026,Complete\n\
                   C2,08/09/2026,Refer for parenting assessment,22/09/2026,,Withdrawn - dissent upheld 14/09/2026\n\
                   C2,08/09/2026,Review plan,22/09/2026,,Open\n";
    let out = run_files("challenge-log", &[("audits.csv", audits), ("Dissent log.csv", dissent), ("actions.csv", actions)]);
    assert_eq!(metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap()["value"], 3.0);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(1)));
    let dq = data_quality(&out);
    assert!(dq.contains("challenges of audit judgements") && dq.contains("action withdrawn or removed"), "{dq}");
    // The upheld challenge revises C2's grade (RI to Good); a challenge not
    // upheld, pending, or of the moderator's grade does not.
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(3)));
    assert!(dq.contains("challenge_upheld"));
    let more = "Child ID,Date of the Audit,Grade challenged,Outcome,Revised grade\n\
                C1,03/09/2026,Auditor's grade,Not upheld,Inadequate\n\
                C3,10/09/2026,Moderator's grade,Upheld,Inadequate\n\
                C9,10/09/2026,Auditor's grade,Upheld,Good\n";
    let out = run_files("challenge-not-made", &[("audits.csv", audits), ("Challenge log.csv", more)]);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    assert!(data_quality(&out).contains("challenge_not_applied"));
}

#[test]
fn a_sibling_groups_form_exported_a_row_per_child_is_one_audit_of_them() {
    // Blind set 64: the same Form ID, day and grade on two rows, each with
    // one child of the group; the second child's re-audit follows.
    let audits = "Form ID,Person ID,Date completed,Overall grade\n\
                  70990,C230261,20/07/2026,Inadequate\n\
                  70990,C230262,20/07/2026,Inadequate\n\
                  71020,C230262,15/09/2026,Requires improvement\n";
    let out = run_files("sibling-form-rows", &[("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(1), Some(1)));
    assert!(data_quality(&out).contains("sibling group"));
}

#[test]
fn a_case_note_naming_several_children_is_a_note_of_each() {
    // Blind set 64: a visit to a sibling group recorded once, naming them
    // all, is a visit to each; "& siblings" is the named child's.
    let notes = "Person ID,Case Note Type,Event Date,Date Entered,Seen Alone\n\
                 \"C200111, C200112\",Visit to Child - CP,02/09/2026,03/09/2026,Yes\n\
                 C200111/C200112,Visit to Child - CP,14/09/2026,15/09/2026,Yes\n\
                 C200111 & siblings,Visit to Child - CP,25/09/2026,26/09/2026,No\n";
    let out = run_files("group-notes", &[("case notes.csv", notes)]);
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(5), Some(5)));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(5), Some(5)));
    let children: Vec<String> = rows(&out.join("normalised/case_notes.csv")).into_iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(children, ["C200111", "C200112", "C200111", "C200112", "C200111"]);
    assert!(data_quality(&out).contains("note_of_several_children"));
}

#[test]
fn what_is_not_withdrawn_a_challenge_or_a_group_is_read_as_before() {
    // Found by a stranger's review (2026-12-01, 25th session). An action's
    // status that names what was removed or cancelled is no withdrawal.
    let audits = "Child ID,Date completed,Overall grade\nC1,03/09/2026,Good\nC2,08/09/2026,Requires improvement\n";
    let actions = "Child ID,Date of the Audit,Action,By When,Date Action Completed,Status\n\
                   C1,03/09/2026,Attendance plan,20/09/2026,18/09/2026,Removed barrier to attendance - done\n\
                   C1,03/09/2026,Meeting,20/09/2026,,Cancelled meeting rescheduled\n\
                   C2,08/09/2026,School,20/09/2026,18/09/2026,Withdrawn from school - action completed\n\
                   C2,08/09/2026,Referral,20/09/2026,,Action cancelled by manager\n";
    let out = run_files("not-withdrawn", &[("audits.csv", audits), ("actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)));
    // A challenge of one domain's grade leaves the overall; a revised grade
    // written as a sentence is the grade it ends with.
    let log = "Child ID,Audit date,Challenged by,Grade challenged,Outcome,Revised grade\n\
               C1,03/09/2026,Team manager,Voice of the child,Upheld,Inadequate\n\
               C2,08/09/2026,Team manager,Overall,Upheld,Requires improvement to Good\n";
    let out = run_files("challenge-sentences", &[("audits.csv", audits), ("Challenges.csv", log)]);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(2)));
    // An export whose every note is a sibling pair's is still read; a note
    // also copied to each child's record counts once; "and family" is the child's.
    let notes = "Person ID,Case Note Type,Event Date,Date Entered,Seen Alone\n\
                 \"C1001, C1002\",Visit to Child - CP,02/09/2026,03/09/2026,Yes\n\
                 \"C1001, C1002\",Visit to Child - CP,14/09/2026,15/09/2026,Yes\n\
                 \"C1001, C1002\",Visit to Child - CP,25/09/2026,26/09/2026,Yes\n";
    let out = run_files("all-joint-notes", &[("case notes.csv", notes)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(6), Some(6)));
    let copied = format!("{notes}C1001,Visit to Child - CP,02/09/2026,03/09/2026,Yes\nC1001 and family,Visit to Child - CP,30/09/2026,01/10/2026,No\n");
    let out = run_files("joint-and-copied-notes", &[("case notes.csv", &copied)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(7), Some(7)));
}

#[test]
fn a_child_id_written_with_a_parents_id_is_the_childs() {
    // Found by a stranger's review (2026-12-01, 25th session): "C1001,
    // P5001" gives the child's id with the parent's (another shape). C1001
    // is a child's id on its own elsewhere, P5001 is not: the visits are
    // C1001's. Where both are children alone elsewhere, the cell is left.
    let audits = "Child ID,Date completed,Overall grade\nC1001,03/09/2026,Good\n";
    let notes = "Person ID,Case Note Type,Event Date,Date Entered,Seen Alone\n\
                 \"C1001, P5001\",Visit to Child - CP,02/09/2026,03/09/2026,Yes\n\
                 C1001/P5001,Visit to Child - CP,14/09/2026,15/09/2026,Yes\n\
                 \"C1002, C1003\",Visit to Child - CP,25/09/2026,26/09/2026,No\n";
    let out = run_files("child-and-parent-id", &[("audits.csv", audits), ("case notes.csv", notes)]);
    let children: Vec<String> = rows(&out.join("normalised/case_notes.csv")).into_iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(children, ["C1001", "C1001", "C1002", "C1003"]);
    assert!(data_quality(&out).contains("child_id_with_other_id"), "{}", data_quality(&out));
    let both = format!("{notes}P5001,Visit to Child - CP,25/09/2026,26/09/2026,No\n");
    let out = run_files("child-and-child-id", &[("audits.csv", audits), ("case notes.csv", &both)]);
    let children: Vec<String> = rows(&out.join("normalised/case_notes.csv")).into_iter().map(|r| r["child_id"].clone()).collect();
    // (The two spellings of the pair are one child id, as any two spellings are.)
    assert_eq!(children, ["C1001, P5001", "C1001, P5001", "C1002", "C1003", "P5001"]);
}

#[test]
fn a_joint_audit_entered_by_both_auditors_counts_once() {
    // Blind set 66. Each auditor of a joint audit entered it; one row's note
    // says the other entry is the record: that row is set aside, whichever
    // comes first. Two audits of a child on one day with no such note stay two.
    let audits = "Child ID,Auditor,Date completed,Overall grade,Notes\n\
                  C1,Jon Garth,15/09/2026,Good,Joint audit with Kit Hale - see Kit's entry for the agreed grade.\n\
                  C1,Kit Hale,15/09/2026,Requires improvement,\"Joint audit with Jon Garth (same audit, entered by both auditors). Agreed grade: RI\"\n\
                  C2,Wyn Xu,16/09/2026,Good,Joint audit with Yas Zorn - this entry is the record.\n\
                  C2,Yas Zorn,16/09/2026,Good,Joint audit - duplicate entry by co-auditor; Wyn's entry is the record.\n\
                  C3,Ola Penn,17/09/2026,Good,\n\
                  C3,Ann Vale,17/09/2026,Inadequate,\n";
    let out = run_files("joint-audit-twice", &[("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)));
    assert_eq!(data_quality(&out).matches("the same joint audit entered by its other auditor").count(), 2);
    // A line of text alone in the id column is no audit ("Do not edit below
    // this line"); the audits under it are read.
    let marked = "Child ID,Date completed,Overall grade\nC1,03/09/2026,Good\nDo not edit below this line,,\nC9,03/07/2026,Inadequate\n";
    let out = run_files("do-not-edit-line", &[("audits.csv", marked)]);
    let ids: Vec<String> = rows(&out.join("normalised/audits.csv")).into_iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(ids, ["C1", "C9"]);
    assert!(data_quality(&out).contains("a line of text on its own"));
    // An actions report with the audit's "Date Completed" beside "Date action
    // completed": the action's is the one naming it.
    let audits = "Child ID,Date completed,Overall grade\nC1,03/09/2026,Good\nC2,05/09/2026,Good\n";
    let actions = "Person ID,Date Completed,Action,Target Date,Date action completed\n\
                   C1,03/09/2026,Chronology,20/09/2026,18/09/2026\n\
                   C2,05/09/2026,Plan,20/09/2026,25/09/2026\n";
    let out = run_files("two-completion-dates", &[("audits.csv", audits), ("actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
}

#[test]
fn an_xml_spreadsheet_2003_is_read_as_a_workbook() {
    // Blind set 68: Excel's "XML Spreadsheet 2003" Save As format (.xml),
    // also what some systems' "Export to Excel" writes as .xls. Any other
    // XML beside it is no export.
    let book = |name: &str, rows: &[[&str; 3]]| {
        let cell = |v: &str| {
            if v.starts_with("2026-") {
                format!("<Cell><Data ss:Type=\"DateTime\">{v}T00:00:00.000</Data></Cell>")
            } else {
                format!("<Cell><Data ss:Type=\"String\">{v}</Data></Cell>")
            }
        };
        let body: String = rows.iter().map(|r| format!("<Row>{}</Row>", r.iter().map(|v| cell(v)).collect::<String>())).collect();
        format!(
            "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" \
             xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"{name}\"><Table>{body}</Table></Worksheet></Workbook>"
        )
    };
    let header = ["Child ID", "Date completed", "Overall grade"];
    let xml = book("Audit Log", &[header, ["C1", "2026-09-03", "Good"], ["C2", "2026-09-08", "Inadequate"]]);
    let xls = book("Export", &[header, ["C3", "2026-09-10", "Good"]]);
    let other = "<?xml version=\"1.0\"?><settings><theme>blue</theme></settings>";
    let out = run_files("xml-spreadsheet", &[("audits.xml", &xml), ("export.xls", &xls), ("settings.xml", other)]);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    let dq = data_quality(&out);
    assert_eq!(dq.matches("file_format").count(), 2, "{dq}");
    assert!(dq.contains("an XML file that is not an Excel"), "{dq}");
}

#[test]
fn a_carers_view_is_an_answer_where_its_column_answers_yes_or_no() {
    // Blind sets 64, 66 and 67: a carer's view written in a views column
    // that also answers yes or no says their views were obtained. A column
    // of views alone records views, not who was spoken to (sets 7 and 17).
    let answered = "Child ID,Date completed,Overall grade,Parents / carers views:\n\
                    C1,03/09/2026,Good,Foster carer positive about support\n\
                    C2,08/09/2026,Good,Grandmother (SGO carer) happy with the plan\n\
                    C3,10/09/2026,Good,No - parents did not engage\n\
                    C4,12/09/2026,Good,Yes - mother\n";
    let out = run_files("views-answered", &[("audits.csv", answered)]);
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(3), Some(4)));
    assert!(data_quality(&out).contains("views_read_as_yes"));
    let views_only = "Child ID,Date completed,Overall grade,Parents / carers views:\n\
                      C1,03/09/2026,Good,Carers positive about support\n\
                      C2,08/09/2026,Good,\"Mum happy with SW, wants more notice of reviews\"\n\
                      C3,10/09/2026,Good,Not selected for parent views\n";
    let out = run_files("views-only", &[("audits.csv", views_only)]);
    let k = metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "family_spoken_to").unwrap().clone();
    assert!(k["value"].is_null() && k["denominator"] == 0, "{k}");
}

#[test]
fn a_revised_timescale_and_a_withdrawing_challenge_are_read_on_the_action() {
    // Blind set 61 (coldmarsh): "Suggested timescale" beside "Revised
    // timescale" tied and neither was read; the revised one is read first,
    // the suggested one where it is blank. An action whose challenge was
    // upheld and the recommendation withdrawn is owed by no one.
    let audits = "Person ID,Date completed,Overall grade\nC1,01/09/2026,Good\nC2,07/09/2026,Good\nC3,05/10/2026,Good\n";
    let actions = "Person ID,Recommendation,Suggested timescale,Date completed,Challenge outcome,Revised timescale\n\
                   C1,Genogram,15/09/2026,14/09/2026,,\n\
                   C2,Assessment,14/09/2026,25/09/2026,Partly upheld - timescale extended,28/09/2026\n\
                   C3,Legal gateway,19/10/2026,,Upheld - recommendation withdrawn,\n\
                   C3,Core group minutes,19/10/2026,,Not upheld,\n";
    let out = run_files("revised-and-withdrawn", &[("audits.csv", audits), ("recommendations.csv", actions)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)));
    let overdue = metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "actions_overdue").unwrap()["value"].clone();
    assert_eq!(overdue, 1.0);
}

#[test]
fn the_joint_audit_views_and_id_pair_rules_leave_ordinary_notes_alone() {
    // The stranger review of 2026-12-01's twenty-sixth session
    // (tests/fixtures/review/r26_c*/expected.md).
    let pair = |k: &serde_json::Value| (k["numerator"].as_u64(), k["denominator"].as_u64());
    let count = |case: &str| review_kpi(&review_run(case), "audits_completed")["value"].as_f64();
    // Notes naming an entry that is not the other auditor's ("see SW's case
    // note entry", "see row 12 entry", "Not a duplicate entry") and a note
    // naming its own auditor's or this entry: both audits stay.
    for case in ["r26_c02_see_case_note_entry", "r26_c03_see_row_entry", "r26_c04_not_a_duplicate_entry", "r26_c31_joint_this_entry_agreed"] {
        assert_eq!(count(case), Some(3.0), "{case}");
    }
    assert_eq!(pair(&review_kpi(&review_run("r26_c06_joint_self_named"), "overall_good_or_better")), (Some(1), Some(2)));
    // Negative wording in a views column is no view obtained ("Parents'
    // views not sought" a no since stranger review 27, `r27b_c09`).
    assert_eq!(pair(&review_kpi(&review_run("r26_c10_views_negative_wording"), "family_spoken_to")), (Some(1), Some(7)));
    assert_eq!(pair(&review_kpi(&review_run("r26_c07_views_refused"), "family_spoken_to")), (Some(2), Some(5)));
    // A second id with a label ("C1001 / M2001 (mother)", "C1002, Mum
    // P5002", "AB12345, NHS 9434765919"): the child whose id stands alone.
    assert_eq!(pair(&review_kpi(&review_run("r26_c11_id_labelled_second_id"), "inadequate_reaudited_in_time")), (Some(2), Some(2)));
    assert_eq!(pair(&review_kpi(&review_run("r26_c32_id_labelled_parent"), "inadequate_reaudited_in_time")), (Some(3), Some(3)));
}

#[test]
fn an_audits_life_in_dates_is_read_by_its_revisions() {
    // Blind sets 69 and 71. A due date revised by an agreed extension, in a
    // column of its own however headed, is read first; an audit returned
    // for amendment is complete when resubmitted; "Date submitted by
    // auditor", torn between the completion and the due date beside a
    // "Deadline", is the completion.
    let audits =
        "Case ID:,Deadline,Deadline extended to (agreed),Date submitted by auditor,Returned for amendment,Resubmitted,OVERALL JUDGEMENT OF THE CASE FILE:\n\
                  C1,30/09/2026,,25/09/2026,,,Good\n\
                  C2,30/09/2026,09/10/2026,08/10/2026,,,Good\n\
                  C3,30/09/2026,,28/09/2026,29/09/2026,02/10/2026,Good\n\
                  C4,30/09/2026,20/10/2026,19/10/2026,,,Good\n";
    let out = run_files("audit-lifecycle", &[("tracker.csv", audits)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(4)));
    // Completions typed after a word ("done 24/9", "Completed - see case
    // note 14/10", "Signed off 05/10"), and a "Revised date" beside "By When:".
    let audits = "Child ID,Date completed,Overall grade\nC1,01/09/2026,Good\nC2,02/09/2026,Good\nC3,03/09/2026,Good\n";
    let actions = "Child ID,Action,By When:,Revised date,Date Action Completed\n\
                   C1,a,30/09/2026,,done 24/9\n\
                   C2,b,30/09/2026,16/10/2026,Completed - see case note 14/10\n\
                   C3,c,30/09/2026,,Signed off 05/10\n";
    let out = run_files("done-in-words", &[("audits.csv", audits), ("actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)));
    assert_eq!(data_quality(&out).matches("date_in_words").count(), 3);
    // A status saying done with a day and month ("done 29/9") in the Tier 2
    // grid's "Completed/Comments" column is done that day.
    let actions = "Child ID,Action,Date to be completed by?,Date reviewed,Completed/Comments\n\
                   C1,a,30/09/2026,,done 29/9\n\
                   C2,b,30/09/2026,,done 2/10\n";
    let out = run_files("done-in-status", &[("audits.csv", audits), ("actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
}

#[test]
fn other_systems_visits_not_in_person_are_not_statutory_visits() {
    // Blind set 70. A Mosaic step "(Virtual) (Child Seen Alone: Y)" is not in
    // person (the seen-alone question is no word on how the visit was made);
    // an Eclipse form's "Seen: No - no answer at the door" is the child not
    // seen; a "Visit type" of short mode labels beside the form's name is
    // the visit's mode.
    let status = "Child ID,Legal Status,Start Date,End Date\nC1,CLA,2026-06-01,\nC2,CP,2026-06-01,\nC3,CP,2026-06-01,\n";
    let notes = "Child ID,Form,Visit type,Date of visit,Created On,Child seen / seen alone\n\
                 C1,Statutory Visit - CLA (Child Seen Alone: Y),Home visit,2026-08-05,2026-08-05,Seen: Yes / Seen alone: Yes\n\
                 C1,Statutory Visit - CLA (Virtual) (Child Seen Alone: Y),Home visit,2026-09-10,2026-09-10,Seen: Yes / Seen alone: Yes\n\
                 C2,CP Visit,Home visit,2026-09-01,2026-09-01,Seen: Yes / Seen alone: Yes\n\
                 C2,CP Visit,Home visit,2026-09-10,2026-09-10,Seen: No - no answer at the door\n\
                 C2,CP Visit,Home visit,2026-09-29,2026-09-29,Seen: Yes / Seen alone: No - parent present\n\
                 C3,CP Visit,Home visit,2026-09-01,2026-09-01,Seen: Yes / Seen alone: Yes\n\
                 C3,CP Visit,Virtual (video call),2026-09-11,2026-09-11,Seen: Yes / Seen alone: Yes\n\
                 C3,CP Visit,Home visit,2026-09-25,2026-09-25,Seen: Yes / Seen alone: Yes\n";
    let out = run_files("other-systems-visits", &[("legal status.csv", status), ("observations.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cla_visits_in_time"), (Some(0), Some(1)));
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(2)));
}

#[test]
fn joined_exports_edited_answers_empty_logs_and_re_audit_files_as_a_stranger_wrote_them() {
    // The stranger review of 2026-12-02's twenty-seventh session
    // (tests/fixtures/review/r27b_*/expected.md): each case went wrong on
    // the session's first rules, or before them.
    let pair = |case: &str, id: &str| {
        let k = review_kpi(&review_run(case), id);
        (k["numerator"].as_u64(), k["denominator"].as_u64())
    };
    // "Date acknowledged" (of the allocation) beside "Date returned": not a
    // tie that loses the completion.
    assert_eq!(pair("r27b_c24_ack_allocation_with_date_returned", "audits_on_time"), (Some(2), Some(4)));
    assert_eq!(pair("r27b_c24_ack_allocation_with_date_returned", "overall_good_or_better"), (Some(2), Some(3)));
    // "done 20/4" of an action set in March and due in October: April this
    // year, not next (a day still to come is never a completion).
    assert_eq!(pair("r27b_c30_done_daymonth_far_before_due", "actions_on_time"), (Some(4), Some(4)));
    // A returns log of one team's audits says nothing of another team's.
    assert_eq!(pair("r27b_c16_returns_log_one_team_only", "audits_on_time"), (Some(1), Some(2)));
    // A long export's answer edited later, however few its rows.
    assert_eq!(pair("r27b_c33_long_format_edits", "overall_good_or_better"), (Some(0), Some(2)));
    assert_eq!(pair("r27b_c33_long_format_edits", "child_spoken_to"), (Some(1), Some(2)));
    // "No data for the selected period" under a moderation log's Audit ID.
    assert_eq!(pair("r27b_c06_empty_modlog_positive", "moderation_coverage"), (Some(0), Some(4)));
    // A re-audit log with the original's date and grade beside its own.
    assert_eq!(pair("r27b_c32_reaudit_with_original_grade_columns", "inadequate_reaudited_in_time"), (Some(1), Some(2)));
    assert_eq!(pair("r27b_c32_reaudit_with_original_grade_columns", "overall_good_or_better"), (Some(2), Some(3)));
    // One due date typed wrong does not hide the table's 28-day rule.
    assert_eq!(pair("r27b_c19_due_rule_28days_one_typo", "audits_on_time"), (Some(4), Some(5)));
    // "Parents' views not sought" is no; "Mother", "Grandparents" under
    // "Parents/carers spoken to" are yes.
    assert_eq!(pair("r27b_c09_views_negative_phrases", "family_spoken_to"), (Some(2), Some(7)));
    assert_eq!(pair("r27b_c10_views_single_words", "family_spoken_to"), (Some(6), Some(9)));
}

#[test]
fn revised_dates_resubmissions_and_done_words_leave_ordinary_columns_alone() {
    // The second stranger review of 2026-12-01's twenty-sixth session
    // (tests/fixtures/review/r26b_*/expected.md).
    let pair = |case: &str, id: &str| {
        let k = review_kpi(&review_run(case), id);
        (k["numerator"].as_u64(), k["denominator"].as_u64())
    };
    // An extension asked for is no due date; a date the audit went back to
    // the auditor, or a deadline for resubmitting, is no completion.
    assert_eq!(pair("r26b_c02_extension_requested", "actions_on_time"), (Some(2), Some(2)));
    assert_eq!(pair("r26b_c13_resent_to_auditor", "audits_on_time"), (Some(2), Some(2)));
    assert_eq!(pair("r26b_c42_resubmission_due", "audits_on_time"), (Some(3), Some(3)));
    // "Completed 14/10 - awaiting TM sign off" is not signed off; "Upheld in
    // part - action not withdrawn" keeps the action.
    assert_eq!(pair("r26b_c14_completed_awaiting_signoff", "actions_on_time"), (Some(1), Some(2)));
    assert_eq!(pair("r26b_c21_challenge_upheld_action_stands", "actions_on_time"), (Some(1), Some(3)));
    // "done 2/10" takes the year nearest the action's due date.
    assert_eq!(pair("r26b_c19_year_from_majority_wrong", "actions_on_time"), (Some(0), Some(1)));
    // The same in a status column beside a blank completion date (r27).
    assert_eq!(pair("r27_done_status_near_due", "actions_on_time"), (Some(0), Some(1)));
    // A revised date's "N/A" or "No extension" leaves the original due date.
    assert_eq!(pair("r26b_c24_revised_mostly_na", "actions_on_time"), (Some(4), Some(4)));
    assert_eq!(pair("r26b_c40_revised_dash_placeholder", "actions_on_time"), (Some(3), Some(4)));
    // "Date submitted by auditor" beside "Audit deadline" is the completion.
    assert_eq!(pair("r26b_c20_submitted_deadline_not_exact", "audits_on_time"), (Some(1), Some(3)));
}

#[test]
fn the_day_s_rules_leave_lookalikes_as_they_were() {
    // A stranger's review of the thirtieth session's rules (stage tabs,
    // ditto marks, spells within one table, "without"): each of these read
    // wrongly with the first version of the rules, and reads as before now.
    let not_in_source = |out: &std::path::Path, id: &str| {
        let m = metrics(out);
        m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap()["not_in_source"].as_bool() == Some(true)
    };
    // A case's status "Open" beside graded audits is no list of audits still
    // with their auditors: no completion column, so not in the exports.
    let out = run_files(
        "review30-open-status",
        &[(
            "audits.csv",
            "Child ID,Team,Auditor,Date allocated,Status,Overall grade,Child spoken to\n\
             C1,CP North,A Smith,01/09/2026,Open,Good,Yes\nC2,CP North,A Smith,02/09/2026,Open,Requires Improvement,No\n",
        )],
    );
    assert!(not_in_source(&out, "audits_on_time") && not_in_source(&out, "overall_good_or_better"));
    // An allocation list beside returns with audit ids: each audit once.
    let out = run_files(
        "review30-stage-files",
        &[
            (
                "allocations.csv",
                "Child ID,Team,Auditor,Date allocated,Due date,Status\n\
                 C1,CP North,A Smith,01/09/2026,30/09/2026,Allocated\nC2,CP North,A Smith,02/09/2026,30/09/2026,Allocated\n",
            ),
            (
                "returns.csv",
                "Audit ID,Child ID,Team,Auditor,Date allocated,Date completed,Overall grade\n\
                 A1,C1,CP North,A Smith,01/09/2026,11/09/2026,Good\nA2,C2,CP North,A Smith,02/09/2026,12/09/2026,Good\n",
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(2)));
    // Two statuses that begin the same day (L1 ended, V2 open) are two spells.
    let out = run_files(
        "review30-same-day",
        &[
            ("episodes.csv", "Child ID,Legal Status,Start Date,End Date\nC1,L1,01/09/2026,01/09/2026\nC1,V2,01/09/2026,\nC2,C2,01/01/2026,\n"),
            (
                "case-notes.csv",
                "Child ID,Case note type,Event date,Date recorded,Seen alone\n\
                 C1,Statutory visit,02/09/2026,02/09/2026,Yes\nC1,Statutory visit,20/10/2026,20/10/2026,Yes\n\
                 C2,Statutory visit,15/08/2026,15/08/2026,Yes\nC2,Statutory visit,20/09/2026,20/09/2026,Yes\n",
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "cla_visits_in_time"), (Some(1), Some(2)));
    // "Case without allocated SW?" flags a case, not the audit done without the worker.
    let out = run_files(
        "review30-without",
        &[(
            "audits.csv",
            "Child ID,Team,Date completed,Overall grade,Case without allocated SW? (Y/N)\nC1,CP North,11/09/2026,Good,N\nC2,CP North,12/09/2026,Good,Y\n",
        )],
    );
    assert!(not_in_source(&out, "practitioner_spoken_to"));
    // '' for an empty text in a database dump is no ditto mark.
    let out = run_files(
        "review30-empty-quotes",
        &[(
            "audits.tsv",
            "Child ID\tTeam\tDate allocated\tDate completed\tOverall grade\n\
             C1\tCP North\t01/09/2026\t10/09/2026\tGood\nC2\tCP North\t02/09/2026\t''\t''\n\
             C3\tCP North\t03/09/2026\t''\t''\nC4\tCP North\t04/09/2026\t14/09/2026\tInadequate\n",
        )],
    );
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)), "{}", data_quality(&out));
}

#[test]
fn answers_of_the_wrong_kind_are_read_only_where_they_can_mean_it() {
    // A second stranger's review of the thirtieth session's rules (dates as
    // answers, completions in words, timescales by number, hidden
    // characters): each of these read wrongly with their first version.
    let files = |name: &str, file: &str, text: &str| run_files(name, &[(file, text)]);
    // A visit booked after the audit, or one years before it, is no answer.
    let out = files(
        "review31-spoke-dates",
        "audits.csv",
        "Child ID,Team,Date allocated,Due date,Date completed,Overall judgement,Spoken to child?\n\
         C1,North,01/09/2026,30/09/2026,25/09/2026,Good,Yes\nC2,North,01/09/2026,30/09/2026,26/09/2026,Good,No\n\
         C3,North,01/09/2026,30/09/2026,24/09/2026,Good,12/11/2026\nC4,North,01/09/2026,30/09/2026,24/09/2026,Good,14/03/2025\n\
         C5,North,01/09/2026,30/09/2026,24/09/2026,Good,17/09/2026\n",
    );
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(3)), "{}", data_quality(&out));
    // Only "Completed <date>" dates an audit by its status: not a count of
    // sections, nor a deadline.
    let out = files(
        "review31-audit-status",
        "audits.csv",
        "Child ID,Team,Date allocated,Due date,Date completed,Status,Overall judgement\n\
         C1,North,01/09/2026,30/09/2026,25/09/2026,Completed,Good\nC2,North,01/09/2026,30/09/2026,,Completed 2/3 sections,\n\
         C3,North,01/09/2026,30/09/2026,,Complete by 30/09/2026,\nC4,North,01/09/2026,30/09/2026,,Completed 29/09/2026,Good\n",
    );
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(4)), "{}", data_quality(&out));
    // A comment's last sentence dates the action only when it says only that.
    let out = files(
        "review31-last-sentence",
        "actions.csv",
        "Child ID,Action,Team,Date set,Due date,Date completed,Status\n\
         C1,Update plan,North,01/10/2026,15/10/2026,,\"SW on leave. Completed supervision 10/10/2026, plan still to do\"\n\
         C2,Visit child,North,01/10/2026,15/10/2026,,Chased 02/10 - SW on leave. Completed 12/10/2026\n",
    );
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)), "{}", data_quality(&out));
    // A range of weeks is due at its end; a number with words, that number.
    let out = files(
        "review31-weeks",
        "actions.csv",
        "Child ID,Action,Team,Date set,Timescale (weeks),Date completed\n\
         C1,Update chronology,North,07/09/2026,6,15/10/2026\nC2,Update plan,North,07/09/2026,2-6,15/10/2026\n\
         C3,Supervision,North,07/09/2026,6 (extended),15/10/2026\n",
    );
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(3), Some(3)), "{}", data_quality(&out));
    // A zero-width space between words is a gap; a soft hyphen inside a word is nothing.
    let out = files(
        "review31-hidden",
        "audits.csv",
        "Child ID,Team,Date completed,Overall judgement\nC1,North,25/09/2026,Good\nC2,North,26/09/2026,Requires\u{200b}Improvement\nC3,North,24/09/2026,Inade\u{ad}quate\n",
    );
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(3)), "{}", data_quality(&out));
}

#[test]
fn group_headings_and_a_status_s_code_are_read_as_blind_set_110_wrote_them() {
    // A legal status's code beside its description, both under "Legal
    // status": the description is the status (before, both tied and every
    // row was rejected: visits "not in the exports").
    let status =
        "Client,Legal status,,Period,\nID,Code,Description,Start,End\nC1,CPP,Child Protection Plan,2026-06-01,\nC2,CPP,Child Protection Plan,2026-06-01,\n";
    let notes = "Child ID,Note type,Visit date,Date recorded,Seen alone\n\
                 C1,CP visit,2026-09-01,2026-09-01,Yes\nC1,CP visit,2026-09-10,2026-09-10,Yes\nC1,CP visit,2026-09-21,2026-09-21,Yes\n\
                 C1,CP visit,2026-10-02,2026-10-02,Yes\nC1,CP visit,2026-10-14,2026-10-14,Yes\nC1,CP visit,2026-10-26,2026-10-26,Yes\n\
                 C2,CP visit,2026-09-01,2026-09-01,Yes\nC2,CP visit,2026-10-20,2026-10-20,Yes\n";
    let out = run_files("set110-status-code", &[("legal-status.csv", status), ("visits.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)), "{}", data_quality(&out));
    // "Input from" over "Child", "Family", "SW/PA" (seed 003's audits "with
    // input from" those spoken to), and a last group wider than the others:
    // "SW / PA" third under "Spoken to" where each group before is two wide.
    let out = run_files(
        "set110-input-from",
        &[(
            "audits.csv",
            "Case,,Dates,,Input from,,\nChild ID,Team,Due,Completed,Child,Family,SW/PA\n\
             C1,North,30/09/2026,25/09/2026,Yes,No,Yes\nC2,North,30/09/2026,26/09/2026,No,Yes,Yes\nC3,North,30/09/2026,24/09/2026,Yes,Yes,No\n",
        )],
    );
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(3)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(3)), "{}", data_quality(&out));
    let out = run_files(
        "set110-last-group",
        &[(
            "audits.csv",
            "Case,,Allocation,,Completion,,Spoken to as part of the audit,,,\n\
             Child ID,Team,Date,Deadline,Date,Overall judgement,Young person,Parent / carer,SW / PA,Status\n\
             C1,North,01/09/2026,30/09/2026,25/09/2026,Good,Yes,Yes,Yes,Completed\nC2,North,01/09/2026,30/09/2026,26/09/2026,Good,Yes,No,No,Completed\n\
             C3,North,01/09/2026,30/09/2026,24/09/2026,Good,No,Yes,Yes,Completed\n",
        )],
    );
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(2), Some(3)), "{}", data_quality(&out));
}

#[test]
fn tables_one_above_the_other_are_each_read_as_blind_set_114_wrote_them() {
    // A CP section over a looked-after section, each with its own header,
    // the lower with more names known: the upper was taken for titles and
    // its plans lost. Both are read, top first.
    let status = "Legal status and plans\n\nCHILD PROTECTION PLANS\nClient ID,CP Plan Start Date,CP Plan End Date,Category of Abuse\n\
                  C1,01/05/2026,,Neglect\nC2,12/06/2026,,Neglect\n\nLOOKED AFTER CHILDREN\n\
                  Client ID,Legal Status,Legal Status Start,Legal Status End,Placement Type\nC3,C2 - Full care order,03/02/2025,,Foster placement\n";
    let notes = "Child ID,Note type,Visit date,Date recorded,Seen alone\n\
                 C1,CP visit,2026-09-01,2026-09-01,Yes\nC1,CP visit,2026-09-10,2026-09-10,Yes\nC1,CP visit,2026-09-21,2026-09-21,Yes\n\
                 C1,CP visit,2026-10-02,2026-10-02,Yes\nC1,CP visit,2026-10-14,2026-10-14,Yes\nC1,CP visit,2026-10-26,2026-10-26,Yes\n\
                 C2,CP visit,2026-09-01,2026-09-01,Yes\nC2,CP visit,2026-10-20,2026-10-20,Yes\nC3,LAC visit,2026-09-15,2026-09-15,Yes\n";
    let out = run_files("set114-stacked-status", &[("legal-status.csv", status), ("visits.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)), "{}", data_quality(&out));
    // "Open actions" over a table with no completion column, then
    // "Signed-off actions": the open ones are not done (two overdue), not
    // left out.
    let actions = "Audit actions\n\nOpen actions\nChild ID,Audit date,Agreed Action,Person,Due date,Update\n\
                   C1,11/09/2026,Invite father,TM,09/10/2026,Chased\nC2,09/10/2026,Review plan,SW,23/10/2026,\n\n\
                   Signed-off actions\nChild ID,Audit date,Agreed Action,Person,Due date,Manager's sign off date\n\
                   C3,26/08/2026,Update plan,SW,09/09/2026,10/09/2026\nC4,11/09/2026,Chronology,SW,25/09/2026,24/09/2026\n";
    let out = run_files("set114-open-actions", &[("actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(4)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(2), "{}", data_quality(&out));
}

#[test]
fn the_thirty_first_session_s_rules_leave_lookalikes_as_they_were() {
    // A stranger's review of the day's rules: each of these read wrongly
    // with their first version.
    let files = |name: &str, file: &str, text: &str| run_files(name, &[(file, text)]);
    // An action table whose statuses are its only record of completion:
    // "Complete 3/5" is parts done, not 3 May; and "Complete" with no date
    // beside "Complete 07/10/2026" leaves the table unmeasured, not overdue.
    for (name, statuses) in [
        ("review32-fraction", ["Complete 3/5", "In progress 2/4", "Complete 17/09/2026", "Ongoing"]),
        ("review32-undated", ["Complete", "Complete", "Complete 07/10/2026", "Ongoing"]),
    ] {
        let rows: String = statuses.iter().enumerate().map(|(i, s)| format!("C{i},Update plan {i},SW,{:02}/10/2026,{s}\n", 10 + i)).collect();
        let out = files(name, "actions.csv", &format!("Child ID,Action,Owner,Due date,Status\n{rows}"));
        let m = metrics(&out);
        let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "actions_on_time").unwrap().clone();
        assert_eq!(k["not_in_source"], true, "{name}: {}", data_quality(&out));
    }
    // "Input from child reflected in plan?" asks about the plan, not whom
    // the auditor spoke to.
    let out = files(
        "review32-input-from",
        "audits.csv",
        "Child ID,Team,Date completed,Overall judgement,Input from child reflected in plan?,Input from family evident in assessment?\n\
         C1,North,25/09/2026,Good,Yes,Yes\nC2,North,26/09/2026,Good,No,Yes\nC3,North,24/09/2026,Good,Yes,No\n",
    );
    let m = metrics(&out);
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "child_spoken_to").unwrap().clone();
    assert_eq!(k["not_in_source"], true, "{}", data_quality(&out));
    // A status's code is read where its description is blank.
    let status = "Child ID,Legal Status Code,Legal Status Description,Start,End\nC1,CPP,,2026-06-01,\nC2,C2,Full care order,2026-01-01,\n";
    let notes = "Child ID,Note type,Visit date,Date recorded,Seen alone\n\
                 C1,CP visit,2026-09-01,2026-09-01,Yes\nC1,CP visit,2026-09-15,2026-09-15,Yes\nC1,CP visit,2026-09-29,2026-09-29,Yes\n\
                 C1,CP visit,2026-10-13,2026-10-13,Yes\nC1,CP visit,2026-10-27,2026-10-27,Yes\n";
    let out = run_files("review32-code-blank", &[("legal-status.csv", status), ("visits.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)), "{}", data_quality(&out));
}

#[test]
fn two_tables_side_by_side_are_each_read() {
    // Blind set 114: audits in A:E and their actions in G:K on one sheet, an
    // empty column between, each header naming the child. Read as one, the
    // sheet was a form with no child id: every audit and action lost.
    let dir = scratch("side-by-side");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let rows: [[&str; 11]; 4] = [
        ["Case ID", "Team", "Deadline", "Date completed", "Overall judgement", "", "Case ID", "Action", "Who?", "Date to be completed by?", "Date completed"],
        ["C1", "North", "30/09/2026", "25/09/2026", "Good", "", "C1", "Update plan", "SW", "09/10/2026", "08/10/2026"],
        ["C2", "North", "30/09/2026", "02/10/2026", "Inadequate", "", "C2", "Chronology", "SW", "12/10/2026", ""],
        ["C3", "South", "30/09/2026", "28/09/2026", "Good", "", "", "", "", "", ""],
    ];
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(input.join("tracker.xlsx")).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)), "{}", data_quality(&out));
}

#[test]
fn the_day_s_later_rules_leave_lookalikes_as_they_were() {
    // A second stranger's review (tables above tables, open titles, dates in
    // statuses, e-mails): each of these read wrongly with the first version.
    let files = |name: &str, file: &str, text: &str| run_files(name, &[(file, text)]);
    let not_measured = |out: &std::path::Path, id: &str| {
        let m = metrics(out);
        m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap()["not_in_source"] == true
    };
    // "Open actions" over statuses that say closed: the statuses decide, and
    // done with no date leaves the table unmeasured (it was 6 overdue). A
    // key line above is no title.
    let rows = "C1,01/09/2026,Update plan,SW,15/09/2026,Open\nC2,01/09/2026,Chronology,SW,17/09/2026,Closed\nC3,01/09/2026,Visit,SW,24/09/2026,Complete\n";
    let out = files("review33-open-closed", "actions.csv", &format!("Open actions\n\nChild ID,Audit date,Action,Owner,Due date,Status\n{rows}"));
    assert!(not_measured(&out, "actions_overdue"), "{}", data_quality(&out));
    let plain = "C1,01/09/2026,Update plan,SW,15/09/2026\nC2,01/09/2026,Chronology,SW,17/09/2026\n";
    let out = files(
        "review33-key-line",
        "actions.csv",
        &format!("Action tracker\nOverdue actions are highlighted in red\nChild ID,Audit date,Action,Owner,Due date\n{plain}"),
    );
    assert!(not_measured(&out, "actions_overdue"), "{}", data_quality(&out));
    // Whole dates in statuses however written: ISO, dots, a month in words.
    let out = files(
        "review33-status-dates",
        "actions.csv",
        "Child ID,Audit date,Action,Owner,Due date,Status\n\
         C1,01/09/2026,Update plan,SW,15/09/2026,Complete 2026-09-14\nC2,01/09/2026,Chronology,SW,17/09/2026,Completed on 7 Oct 2026\n\
         C3,01/09/2026,Visit,SW,24/09/2026,Done 20.09.26\nC4,01/09/2026,Plan,SW,28/09/2026,Open\n",
    );
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(4)), "{}", data_quality(&out));
    // "Input from family/carers" is the family's question, whole.
    let out = files(
        "review33-input-family-carers",
        "audits.csv",
        "Person ID,Team,Completed Date,Overall Judgement,Input from child/YP,Input from family/carers\n\
         C1,North,25/09/2026,Good,Yes,Yes\nC2,North,26/09/2026,Good,No,No\nC3,North,24/09/2026,Good,Yes,Yes\n",
    );
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(3)), "{}", data_quality(&out));
    // An e-mail that is the attachment alone (no multipart), sent on its own
    // and forwarded: read.
    let single = "Subject: Actions\r\nMIME-Version: 1.0\r\nContent-Type: text/csv; name=\"Actions.csv\"\r\nContent-Disposition: attachment; filename=\"Actions.csv\"\r\n\r\n\
                  Child ID,Audit date,Action,Owner,Due date,Date completed\r\nC1,01/09/2026,Update plan,SW,15/09/2026,14/09/2026\r\nC2,01/09/2026,Chronology,SW,17/09/2026,\r\n";
    let forward = format!(
        "Subject: FW: Actions\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"f\"\r\n\r\n--f\r\nContent-Type: text/plain\r\n\r\nFYI\r\n--f\r\nContent-Type: message/rfc822\r\n\r\n{single}\r\n--f--\r\n"
    );
    for (name, mail) in [("review33-eml-single", single.to_string()), ("review33-eml-forward", forward)] {
        let out = files(name, "Actions.eml", &mail);
        assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)), "{name}: {}", data_quality(&out));
    }
}

#[test]
fn a_spacer_column_and_the_day_s_last_rules_read_as_a_third_review_expected() {
    // A third stranger's review: each of these read wrongly with the rule's
    // first version.
    // A spacer column with "Child ID" again after it, each row one child:
    // one table (split, the spoken-to answers lost their audits).
    let dir = scratch("review34-spacer");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let rows: [[&str; 9]; 4] = [
        ["Child ID", "Team", "Due date", "Date completed", "Overall judgement", "", "Child ID", "Child spoken to", "Parent/carer spoken to"],
        ["C1", "North", "30/09/2026", "25/09/2026", "Good", "", "C1", "Yes", "Yes"],
        ["C2", "North", "30/09/2026", "02/10/2026", "Inadequate", "", "C2", "No", "Yes"],
        ["C3", "South", "30/09/2026", "28/09/2026", "Good", "", "C3", "Yes", "No"],
    ];
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(input.join("tracker.xlsx")).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(3)), "{}", data_quality(&out));
    let files = |name: &str, file: &str, text: &str| run_files(name, &[(file, text)]);
    // A title with its month, two lines above the header under a run line.
    let rows = "C1,01/09/2026,Update plan,SW,15/09/2026\nC2,01/09/2026,Chronology,SW,17/09/2026\n";
    let out = files(
        "review34-open-month",
        "actions.csv",
        &format!("Open actions - September 2026\nReport run 31/10/2026 09:14\nChild ID,Audit date,Action,Owner,Due date\n{rows}"),
    );
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(2), "{}", data_quality(&out));
    // "Completed-14/09/2026": the date after the hyphen.
    let out = files(
        "review34-hyphen",
        "actions.csv",
        "Child ID,Audit date,Action,Owner,Due date,Status\nC1,01/09/2026,Update plan,SW,15/09/2026,Completed-14/09/2026\nC2,01/09/2026,Chronology,SW,17/09/2026,Open\n",
    );
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)), "{}", data_quality(&out));
    // A reminder e-mail listing overdue audits in its text (no file name)
    // beside the tracker: said, not read (it counted its audits again).
    let tracker = "Child ID,Team,Due date,Date completed,Overall judgement\nC1,North,30/09/2026,25/09/2026,Good\nC2,North,30/09/2026,03/10/2026,Good\n";
    let reminder = "Subject: Overdue audits\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAutomated reminder.\r\n\
                    --b\r\nContent-Type: text/csv\r\nContent-Disposition: inline\r\n\r\nChild ID,Due date,Date completed\r\nC2,30/09/2026,\r\n--b--\r\n";
    let out = run_files("review34-reminder", &[("audits.csv", tracker), ("overdue.eml", reminder)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)), "{}", data_quality(&out));
    assert!(data_quality(&out).contains("written into the e-mail's text"), "{}", data_quality(&out));
}

#[test]
fn a_joined_report_s_slips_and_lookalikes_read_as_a_stranger_expected() {
    // A stranger's review of the joined-report rule: each of these read
    // wrongly with its first version.
    // One row per audit, its recommendations, a by-when and "Date
    // completed" with no one to do them: the audit's completion, as before.
    let out = run_files(
        "review41-tracker",
        &[(
            "Audit tracker.csv",
            "Child ID,Team,Auditor,Date allocated,Audit date,Overall grade,Recommendations,Actions due by,Date completed\n\
             C101,Assessment,Ann Vale,01/08/2026,27/08/2026,Good,Update the chronology,30/09/2026,03/09/2026\n\
             C102,Assessment,Bo Lind,01/08/2026,28/08/2026,Requires improvement,Convene a strategy discussion,25/09/2026,07/09/2026\n\
             C103,CIN,Cara Holt,01/09/2026,15/09/2026,Good,Complete the genogram,20/10/2026,18/09/2026\n\
             C104,CIN,Dev Shah,01/09/2026,20/09/2026,Inadequate,Manager to review the plan,30/10/2026,22/09/2026\n",
        )],
    );
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)), "{}", data_quality(&out));
    // A grade revised on one of an audit's action rows: one audit, the first
    // row's grade, both its actions (one was lost with the second version).
    let report = "Audit ID,Child ID,Auditor,Team,Date of the Audit,Overall grade,Action No.,Recommendations for further action,Who By,By When,Date completed\n\
                  A1,C401,Ann Vale,CIN,07/09/2026,Good,1,Update the chronology,SW,21/09/2026,29/09/2026\n\
                  A1,C401,Ann Vale,CIN,07/09/2026,Requires improvement,2,Record the child's views,SW,28/09/2026,25/09/2026\n\
                  A2,C402,Bo Lind,CIN,10/09/2026,Good,1,Convene strategy discussion,TM,24/09/2026,22/09/2026\n";
    let out = run_files("review41-revised", &[("Audit module report.csv", report)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)), "{}", data_quality(&out));
    assert!(data_quality(&out).contains("joined_rows_differ"), "the differing grade is said");
    // A "Priority" column among the action's columns.
    let out = run_files(
        "review41-priority",
        &[(
            "Audit module report.csv",
            "Audit ID,Child ID,Auditor,Team,Date of the Audit,Overall grade,Action No.,Recommendations for further action,Who By,By When,Priority,Date completed\n\
             A1,C301,Ann Vale,CIN,07/09/2026,Good,1,Update the chronology,SW,21/09/2026,High,18/09/2026\n\
             A1,C301,Ann Vale,CIN,07/09/2026,Good,2,Record the child's views,SW,28/09/2026,Low,25/09/2026\n\
             A2,C302,Bo Lind,CIN,10/09/2026,Requires improvement,1,Convene strategy discussion,TM,24/09/2026,High,22/10/2026\n\
             A3,C303,Cara Holt,CP,14/09/2026,Good,,,,,,\n",
        )],
    );
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)), "{}", data_quality(&out));
    // The report's audit dated a day from the tracker's: one audit, and the
    // report (no moderation column) adds none to moderation's denominator.
    let out = run_files(
        "review41-offby1",
        &[
            (
                "Audit module report - audits with actions.csv",
                &report.replace("C402,Bo Lind,CIN,10/09/2026,Good", "C402,Bo Lind,CIN,10/09/2026,Requires improvement"),
            ),
            (
                "Audit programme tracker.csv",
                "Child ID,Team,Auditor,Date completed,Overall grade,Moderated,Moderator agrees\n\
                 C401,CIN,Ann Vale,07/09/2026,Good,Yes,Yes\nC402,CIN,Bo Lind,11/09/2026,Requires improvement,No,\nC403,CP,Cara Holt,14/09/2026,Good,No,\n",
            ),
        ],
    );
    let kpi = |out: &std::path::Path, id: &str| metrics(out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!(kpi(&out, "audits_completed")["value"].as_f64(), Some(3.0), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(1), Some(3)), "{}", data_quality(&out));
    // An action whose words alone are missing is no audit without an action:
    // an action log with no audit table gives no audits.
    let out = run_files(
        "review41-blank-words",
        &[(
            "Audit actions log.csv",
            "Audit ID,Child ID,Auditor,Audit date,Action,Action owner,Due date,Date completed\n\
             A1,C201,Ann Vale,07/09/2026,Update the chronology,SW,21/09/2026,18/09/2026\n\
             A1,C201,Ann Vale,07/09/2026,Record the child's views,TM,28/09/2026,25/09/2026\n\
             A3,C203,Cara Holt,14/09/2026,Complete the genogram,SW,28/09/2026,24/09/2026\n\
             A3,C203,Cara Holt,14/09/2026,,TM,05/10/2026,\n",
        )],
    );
    assert_eq!(kpi(&out, "audits_completed")["not_in_source"], true, "{}", data_quality(&out));
}

#[test]
fn the_day_s_last_combined_cells_and_legal_status_rules_read_as_a_stranger_expected() {
    // A stranger's review of the rules for combined cells and for legal
    // status taken for case notes: each of these read wrongly with the
    // rules' first version.
    // A visit export with a start and an end date: "CP Visit" names a note's
    // kind, not a legal status, so the table is visits (C102 is late).
    let out = run_files(
        "review51-visits",
        &[
            (
                "Legal status.csv",
                r#"Child ID,Legal status,Start date,End date
C101,Child Protection Plan,10/05/2026,
C102,Child Protection Plan,01/06/2026,
C103,Looked After - Section 20,01/11/2025,
C104,Looked After - Care Order (S31),02/04/2024,
"#,
            ),
            (
                "Visits (mobile app).csv",
                r#"Child ID,Visit type,Visit start date,Visit end date
C101,CP Visit,28/08/2026,28/08/2026
C101,CP Visit,07/09/2026,07/09/2026
C101,CP Visit,17/09/2026,17/09/2026
C101,CP Visit,29/09/2026,29/09/2026
C101,CP Visit,09/10/2026,09/10/2026
C101,CP Visit,21/10/2026,21/10/2026
C102,CP Visit,01/09/2026,01/09/2026
C102,CP Visit,11/09/2026,11/09/2026
C102,CP Visit,09/10/2026,09/10/2026
C102,CP Visit,20/10/2026,20/10/2026
C103,CLA Visit,20/08/2026,20/08/2026
C103,CLA Visit,25/09/2026,25/09/2026
C103,CLA Visit,30/10/2026,30/10/2026
C104,CLA Visit,01/08/2026,01/08/2026
C104,CLA Visit,20/09/2026,20/09/2026
C104,CLA Visit,28/10/2026,28/10/2026
"#,
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "cla_visits_in_time"), (Some(1), Some(2)), "{}", data_quality(&out));
    // A status with a dash of its own ("Child Protection Plan – Neglect
    // 10/05/2026 – current"): its dates are counted from the right.
    let out = run_files(
        "review51-dash",
        &[
            (
                "Legal status.csv",
                r#"Child ID,Legal status (from – to)
C101,Child Protection Plan – Neglect 10/05/2026 – current
C102,CP Plan 2 01/06/2026 – current
C103,Section 20 01/11/2025 – current
C104,S31 Care Order 02/04/2024 – current
C106,Child in Need 03/03/2026 – 30/06/2026
"#,
            ),
            (
                "Case notes.csv",
                r#"Child ID,Note ID,Note type,Event date,Recorded date,Seen alone,Author
C101,N0001,Statutory Visit - CP,28/08/2026,28/08/2026,Yes,SW A
C101,N0002,Statutory Visit - CP,07/09/2026,07/09/2026,Yes,SW A
C101,N0003,Statutory Visit - CP,17/09/2026,17/09/2026,Yes,SW A
C101,N0004,Statutory Visit - CP,29/09/2026,29/09/2026,Yes,SW A
C101,N0005,Statutory Visit - CP,09/10/2026,09/10/2026,Yes,SW A
C101,N0006,Statutory Visit - CP,21/10/2026,21/10/2026,Yes,SW A
C102,N0007,Statutory Visit - CP,01/09/2026,01/09/2026,Yes,SW A
C102,N0008,Statutory Visit - CP,11/09/2026,11/09/2026,Yes,SW A
C102,N0009,Statutory Visit - CP,09/10/2026,09/10/2026,Yes,SW A
C102,N0010,Statutory Visit - CP,20/10/2026,20/10/2026,Yes,SW A
C103,N0011,Statutory Visit - CLA,20/08/2026,20/08/2026,No,SW B
C103,N0012,Statutory Visit - CLA,25/09/2026,25/09/2026,No,SW B
C103,N0013,Statutory Visit - CLA,30/10/2026,30/10/2026,No,SW B
C104,N0014,Statutory Visit - CLA,01/08/2026,01/08/2026,No,SW B
C104,N0015,Statutory Visit - CLA,20/09/2026,20/09/2026,No,SW B
C104,N0016,Statutory Visit - CLA,28/10/2026,28/10/2026,No,SW B
"#,
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)), "{}", data_quality(&out));
    // "Re-moderated 30/09/2026: agree" beside "Moderated …": the colon's
    // split stands (its parts name fields), the word before the date is no value.
    let out = run_files(
        "review51-leads",
        &[(
            "Audits.csv",
            r#"Child ID,Team,Auditor,Date allocated,Due date,Date completed,Overall judgement,Moderation (date: outcome)
C101,Safeguarding Team 1,Ann Lee,01/09/2026,30/09/2026,25/09/2026,Good,Moderated 02/10/2026: agree
C102,Safeguarding Team 1,Bob Kay,01/09/2026,30/09/2026,28/09/2026,Requires Improvement,Moderated 05/10/2026: disagree
C103,Looked After Team,Ann Lee,01/09/2026,30/09/2026,20/09/2026,Inadequate,Re-moderated 30/09/2026: agree
C104,Looked After Team,Cat Orr,01/10/2026,31/10/2026,15/10/2026,Outstanding,Moderated 20/10/2026: agree
C106,Safeguarding Team 2,Bob Kay,01/10/2026,31/10/2026,12/10/2026,Good,Moderated 22/10/2026: agree
C107,Safeguarding Team 2,Dan Roe,01/10/2026,31/10/2026,14/10/2026,Good,
C108,Looked After Team,Dan Roe,01/09/2026,30/09/2026,22/09/2026,Requires Improvement,Moderated 28/09/2026: disagree
"#,
        )],
    );
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(4), Some(6)), "{}", data_quality(&out));
}

/// A workbook of one sheet of these rows (text cells; empty ones left blank).
fn grid_workbook(path: &std::path::Path, sheet: &str, rows: &[&[&str]]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn audits_across_the_page_and_their_lookalikes_read_as_a_stranger_expected() {
    // A stranger's review of the wider rule for sheets turned on their side:
    // each of these read wrongly with its first version (or before it).
    // A grid whose status row says "Finalised" and whose worker row says
    // "Social worker": values that look like names, not a column of labels.
    let dir = scratch("review61-grid");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let grid: &[&[&str]] = &[
        &["Field", "Audit 1", "Audit 2", "Audit 3", "Audit 4", "Audit 5"],
        &["Child ID", "K101", "K102", "K103", "K104", "K105"],
        &["Team", "CIN North", "CP South", "CLA", "CIN North", "CLA"],
        &["Auditor", "Ann Lee", "Bob Ray", "Dee Fox", "Cath Moss", "Eve Hart"],
        &["Due date", "30/09/2026", "30/09/2026", "31/10/2026", "31/10/2026", "31/10/2026"],
        &["Date completed", "12/09/2026", "04/10/2026", "09/10/2026", "20/10/2026", ""],
        &["Audit status", "Finalised", "Finalised", "Finalised", "Finalised", "In progress"],
        &["Overall grade", "Good", "Requires Improvement", "Good", "Inadequate", ""],
        &["Child spoken to", "Yes", "No", "Yes", "Yes", ""],
        &["Which worker did you speak to?", "Social worker", "Social worker", "Social worker", "Personal adviser", ""],
        &["Moderated", "Yes", "No", "Yes", "No", ""],
    ];
    grid_workbook(&input.join("Audit collation.xlsx"), "Sep-Oct 26", grid);
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(5)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)), "{}", data_quality(&out));
    // Sections lettered beside the labels ("A", "B"): left out when turned.
    let dir = scratch("review61-lettered");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let lettered: Vec<Vec<&str>> = grid
        .iter()
        .enumerate()
        .map(|(i, r)| {
            std::iter::once(if i == 0 {
                "Section"
            } else if i < 6 {
                "A"
            } else {
                "B"
            })
            .chain(r.iter().copied())
            .collect()
        })
        .collect();
    let lettered: Vec<&[&str]> = lettered.iter().map(Vec::as_slice).collect();
    grid_workbook(&input.join("Tier 2 collation.xlsx"), "Sep-Oct 26", &lettered);
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)), "{}", data_quality(&out));
    // A dashboard of measures by month beside row numbers is no grid of
    // records: not turned (it was, and its months failed as audits with an error).
    let dir = scratch("review61-dashboard");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("tracker.csv"), "Child ID,Team,Date completed,Overall grade\nK1,CIN,10/09/2026,Good\nK2,CIN,12/09/2026,Good\n").unwrap();
    grid_workbook(
        &input.join("Board figures.xlsx"),
        "Board figures",
        &[
            &["", "Audit performance dashboard"],
            &["No.", "Measure", "Jul-26", "Aug-26", "Sep-26", "Oct-26", "Target"],
            &["1", "Audits completed", "4", "6", "3", "2", "6"],
            &["2", "Audits on time", "3", "5", "2", "2", "6"],
            &["3", "Overall grade", "Good", "Good", "Requires Improvement", "Good", "Good"],
            &["4", "Child spoken to", "3", "4", "2", "1", ""],
            &["5", "Family spoken to", "2", "5", "1", "2", ""],
            &["6", "Moderated", "1", "2", "1", "1", ""],
            &["7", "Moderator agrees", "1", "1", "1", "0", ""],
        ],
    );
    let o =
        auditpack(&dir, &["run", "-q", input.to_str().unwrap(), "--out", dir.join("out").to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(kpi_pair(&dir.join("out"), "overall_good_or_better"), (Some(2), Some(2)));
}

#[test]
fn a_grid_of_numbered_questions_and_forms_graded_by_two_read_as_a_stranger_expected() {
    // A stranger's review: each of these read wrongly before.
    // A grid of only the child's id, the audit's date and twelve numbered
    // questions across five audits: five audits, not one form.
    let dir = scratch("review62-grid");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let grades = ["Meets good", "Does not meet good", "Exceeds good", "Meets good", "Does not meet good"];
    let questions = [
        "Q1 Safety and risk",
        "Q2 Voice of the child",
        "Q3 Management oversight",
        "Q4 Assessment",
        "Q5 Multi-agency working",
        "Q6 Identity and diversity",
        "Q7 Plans",
        "Q8 Permanence",
        "Q9 Reviews",
        "Q10 Placement / living arrangements",
        "Q12 Overall judgement",
    ];
    let mut rows: Vec<Vec<&str>> = vec![
        vec!["Child ID", "T201", "T202", "T203", "T204", "T205"],
        vec!["Audit date", "08/09/2026", "22/09/2026", "06/10/2026", "13/10/2026", "27/10/2026"],
    ];
    rows.extend(questions.iter().map(|q| std::iter::once(*q).chain(grades).collect()));
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    grid_workbook(&input.join("Audit summary.xlsx"), "Audits", &rows);
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(5)), "{}", data_quality(&out));
    // Children's ids heading the columns, with no row naming them, beside
    // numbered questions: four audits (every one was lost).
    let dir = scratch("review62-ids-head");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    grid_workbook(
        &input.join("Collation by question.xlsx"),
        "Collation",
        &[
            &["Q", "Question", "C7001", "C7002", "C7003", "C7004"],
            &["1", "Team", "CIN North", "CP South", "CLA", "CIN North"],
            &["2", "Auditor", "Ann Lee", "Bob Ray", "Cath Moss", "Ann Lee"],
            &["3", "Date completed", "09/09/2026", "19/09/2026", "05/10/2026", "25/10/2026"],
            &["4", "Child spoken to", "Yes", "No", "Yes", "Yes"],
            &["5", "Family spoken to", "Yes", "Yes", "No", "N/A"],
            &["6", "Overall grade", "Good", "Inadequate", "Good", "Requires Improvement"],
            &["7", "Moderated", "Yes", "No", "No", "Yes"],
        ],
    );
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(4)), "{}", data_quality(&out));
    // The same first column with one child's grades by auditor, moderator and
    // agreement is one audit's form, not a grid of three.
    let dir = scratch("review62-form");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let form = |moderated: bool| -> Vec<Vec<&'static str>> {
        let m = |v: &'static str| if moderated { v } else { "" };
        vec![
            vec!["Case File Audit and Moderation Form"],
            vec![],
            vec!["Child ID", "C2001"],
            vec!["Team", "CIN North"],
            vec!["Auditor", "Ann Lee"],
            vec!["Due date", "30/09/2026"],
            vec!["Date completed", "18/09/2026"],
            vec!["Date moderated", m("29/09/2026")],
            vec![],
            vec!["Area", "Auditor's grade", "Moderator's grade", "Agree?"],
            vec!["Safety and risk", "Good", m("Good"), m("Yes")],
            vec!["Voice of the child", "Requires Improvement", m("Good"), m("No")],
            vec!["Plans", "Requires Improvement", m("Requires Improvement"), m("Yes")],
            vec!["Overall judgement", "Good", m("Requires Improvement"), m("No")],
            vec!["Child spoken to", "Yes"],
        ]
    };
    for (name, moderated) in [("Audit form C2001.xlsx", true), ("Audit form C2002.xlsx", false)] {
        let mut rows = form(moderated);
        if !moderated {
            rows[2][1] = "C2002";
        }
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        grid_workbook(&input.join(name), "Audit form", &rows);
    }
    let out = run_in_folder(&dir, &input);
    // (Its title names the audit and its moderation together: it is the
    // audit's form, not a moderation of an audit read elsewhere.)
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(2)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(2)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(1), Some(2)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(0), Some(1)), "{}", data_quality(&out));
    // Section numbers beside the questions, and "Auditor | Moderator |
    // Agreed" heading the answers: the overall's row says the moderator agreed.
    let dir = scratch("review62-numbered");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    grid_workbook(
        &input.join("Moderation form C5001.xlsx"),
        "Moderation",
        &[
            &["Section", "Question", "Auditor", "Moderator", "Agreed"],
            &["", "Child ID", "C5001"],
            &["", "Team", "CP South"],
            &["", "Date completed", "15/09/2026"],
            &["", "Date moderated", "30/09/2026"],
            &["1", "Safety and risk", "Good", "Good", "Yes"],
            &["2", "Voice of the child", "Good", "Requires Improvement", "No"],
            &["3", "Overall judgement", "Good", "Good", "Yes"],
        ],
    );
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(1)), "{}", data_quality(&out));
    // A checklist whose answers are ticks under "Yes | No | N/A".
    let dir = scratch("review62-ticks");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    grid_workbook(
        &input.join("Audit checklist C4001.xlsx"),
        "Checklist",
        &[
            &["", "Child ID", "C4001"],
            &["", "Team", "CLA"],
            &["", "Date completed", "12/10/2026"],
            &["", "Overall grade", "Good"],
            &[],
            &["No.", "Question", "Yes", "No", "N/A"],
            &["1", "Child spoken to", "x"],
            &["2", "Family spoken to", "", "x"],
            &["3", "Social worker spoken to", "✓"],
            &["4", "Moderated", "", "x"],
        ],
    );
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(1), Some(1)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(0), Some(1)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(1), Some(1)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(0), Some(1)), "{}", data_quality(&out));
}

#[test]
fn whose_action_it_is_and_forms_graded_by_two_read_as_a_stranger_expected() {
    // A stranger's review of the day's rules: each read wrongly with their
    // first version. Four audits; six actions due 01/10 to 16/10, the 1st,
    // 3rd and 5th done in time: 3 of 6 on time, 3 overdue in every case.
    let audits = "Audit ID,Child ID,Team,Auditor,Allocated Date,Completed Date,Overall Judgement\n\
AUD-0014,C1001,CP North,Ann Lee,01/09/2026,10/09/2026,Good\n\
AUD-0015,C1002,CP North,Ann Lee,01/09/2026,15/09/2026,Requires Improvement\n\
AUD-0016,C1003,CLA,Dee Fox,01/09/2026,20/09/2026,Inadequate\n\
AUD-0017,C1004,CLA,Dee Fox,01/10/2026,05/10/2026,Good\n";
    let actions = |header: &str, scopes: [&str; 6]| -> String {
        let rows = [
            ("C1001", "10/09/2026", "Update the chronology", "01/10/2026", "20/09/2026"),
            ("C1002", "15/09/2026", "Record management oversight on file", "04/10/2026", ""),
            ("C1003", "20/09/2026", "Visit the child and see them alone", "07/10/2026", "01/10/2026"),
            ("C1004", "05/10/2026", "Complete the life story work", "10/10/2026", ""),
            ("C1001", "10/09/2026", "Convene a core group", "13/10/2026", "20/09/2026"),
            ("C1002", "15/09/2026", "Review the plan with the family", "16/10/2026", ""),
        ];
        let mut out = format!("Child ID,Audit Date,Action,{header},Owner,Due Date,Date Completed\n");
        for ((child, audit, text, due, done), scope) in rows.iter().zip(scopes) {
            out.push_str(&format!("{child},{audit},{text},{scope},Sam Ward,{due},{done}\n"));
        }
        out
    };
    for (name, header, scopes) in [
        // Kinds of work, not whom the action is for.
        ("review71-kinds", "Action Type", ["Case recording", "Team meeting", "Supervision", "Direct work", "Team around the family", "Permanence board"]),
        // The team or service that owns the child's action.
        (
            "review71-owners",
            "Action for",
            ["Social Worker", "Fostering Team", "Leaving Care Service", "Team Manager", "Independent Reviewing Service", "Youth Justice Service"],
        ),
        // The child's education, not practice learning.
        (
            "review71-relates",
            "Action relates to",
            ["Health", "Education and learning", "Placement stability", "Learning needs (EHCP)", "Identity", "Contact with family"],
        ),
        // Words holding "strength" that are a kind of work.
        (
            "review71-strength",
            "Action Type",
            [
                "Strengthening Families conference",
                "Case recording",
                "SDQ (Strengths and Difficulties Questionnaire)",
                "Direct work",
                "Signs of Safety - what is working well",
                "Supervision",
            ],
        ),
    ] {
        let out = run_files(name, &[("audits.csv", audits), ("actions.csv", &actions(header, scopes))]);
        assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(3), Some(6)), "{name}: {}", data_quality(&out));
        assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(3), "{name}");
    }
    // A learning plan whose "Ref" holds the audits' references, taken in
    // order: the audits' actions, not a plan's own numbering.
    let out = run_files(
        "review71-refs",
        &[
            ("audits.csv", audits),
            (
                "learning-actions.csv",
                "Ref,Action,Owner,Due Date,Date Completed\nAUD-0014,Update chronology,Sam Ward,01/10/2026,20/09/2026\n\
AUD-0015,Record supervision,Sam Ward,04/10/2026,\nAUD-0016,Visit child alone,Sam Ward,07/10/2026,01/10/2026\n\
AUD-0017,Convene core group,Sam Ward,10/10/2026,\n",
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(4)), "{}", data_quality(&out));
    // A form graded by auditor and moderator with two pairs of labels and
    // answers on a row ("Child ID: | C2001 | Team: | CLA"): one audit, not a
    // grid of three; "N/A" under the moderator is no moderation.
    let dir = scratch("review71-form");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    grid_workbook(
        &input.join("Audit form C2001.xlsx"),
        "Form",
        &[
            &["Case File Audit and Moderation Form"],
            &[],
            &["Date of audit:", "18/09/2026", "Auditor:", "Kit Varley"],
            &["Child ID:", "C2001", "Team:", "CLA"],
            &[],
            &["Area", "Auditor's grade", "Moderator's grade", "Agree?"],
            &["Safety and risk", "Good", "N/A", "N/A"],
            &["Voice of the child", "Requires Improvement", "N/A", "N/A"],
            &["Overall judgement", "Good", "N/A", "N/A"],
            &[],
            &["Child spoken to:", "Yes"],
        ],
    );
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(1)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(0), Some(1)), "{}", data_quality(&out));
}

#[test]
fn legal_status_logs_and_their_lookalikes_read_as_a_stranger_expected() {
    // A stranger's review of the first version of legal-status event logs
    // (each read wrongly by it; the lookalikes read rightly before it).
    // Every case has the same two audits, and a child on a CP plan visited
    // every week from 26/08 to 28/10 (10 visits, seen alone).
    const AUDITS: &str = "Child ID,Auditor,Date completed,Overall grade\nZ900,A Smith,15/09/2026,Good\nZ901,B Jones,20/10/2026,Requires Improvement\n";
    let weekly = |child: &str| -> String {
        ["26/08", "02/09", "09/09", "16/09", "23/09", "30/09", "07/10", "14/10", "21/10", "28/10"]
            .iter()
            .map(|d| format!("{child},CP Visit,{d}/2026,Yes\n"))
            .collect()
    };
    // a conference outcome 'Not made subject to a CP plan' starts no plan.
    let out = run_files(
        "review8-01",
        &[
            ("audits.csv", AUDITS),
            (
                "case-notes.csv",
                r#"Child ID,Note Type,Event Date,Seen Alone
A101,CP Visit,25/08/2026,Yes
A101,CP Visit,01/09/2026,Yes
A101,CP Visit,08/09/2026,Yes
A101,CP Visit,15/09/2026,Yes
A101,CP Visit,22/09/2026,Yes
A101,CP Visit,29/09/2026,Yes
A101,CP Visit,06/10/2026,Yes
A101,CP Visit,13/10/2026,Yes
A101,CP Visit,20/10/2026,Yes
A101,CP Visit,27/10/2026,Yes
A102,CIN Visit,25/08/2026,Yes
A102,CIN Visit,22/09/2026,Yes
A102,CIN Visit,20/10/2026,Yes
"#,
            ),
            (
                "cp-conferences.csv",
                r#"Child ID,Conference Date,Conference Type,Outcome
A101,10/06/2026,Initial CP conference,Child made subject to a CP plan
A101,02/09/2026,Review CP conference,Continue CP plan
A102,20/08/2026,Initial CP conference,Not made subject to a CP plan - CIN plan
A103,01/03/2026,Initial CP conference,Child made subject to a CP plan
A103,15/08/2026,Review CP conference,CP plan discontinued
"#,
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)), "01_conference_not_made: {}", data_quality(&out));
    // 'Stepped up to CP plan' opens the CP plan and closes the CIN plan.
    let case_notes = format!(
        r#"Child ID,Note Type,Event Date,Seen Alone
B201,CP Visit,28/08/2026,Yes
B201,CP Visit,25/09/2026,Yes
B201,CP Visit,23/10/2026,Yes
{}"#,
        weekly("B202")
    );
    let out = run_files(
        "review8-02",
        &[
            ("audits.csv", AUDITS),
            ("case-notes.csv", case_notes.as_str()),
            (
                "legal-status-events.csv",
                r#"Child ID,Event,Event Date
B201,CIN plan started,01/05/2026
B201,Stepped up to CP plan,12/08/2026
B202,CP plan started,01/07/2026
B203,CIN plan started,01/02/2026
B203,CIN plan ended,01/07/2026
"#,
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)), "02_step_up: {}", data_quality(&out));
    // 'CLA ended - returned home on CP plan' ends the care and starts the plan.
    let out = run_files(
        "review8-03",
        &[
            ("audits.csv", AUDITS),
            (
                "case-notes.csv",
                r#"Child ID,Note Type,Event Date,Seen Alone
C301,CP Visit,20/08/2026,Yes
C301,CP Visit,27/08/2026,Yes
C301,CP Visit,03/09/2026,Yes
C301,CP Visit,10/09/2026,Yes
C301,CP Visit,17/09/2026,Yes
C301,CP Visit,24/09/2026,Yes
C301,CP Visit,01/10/2026,Yes
C301,CP Visit,08/10/2026,Yes
C301,CP Visit,15/10/2026,Yes
C301,CP Visit,22/10/2026,Yes
C301,CP Visit,29/10/2026,Yes
C302,CLA Visit,20/08/2026,Yes
C302,CLA Visit,17/09/2026,Yes
C302,CLA Visit,15/10/2026,Yes
"#,
            ),
            (
                "legal-status-events.csv",
                r#"Child ID,Event,Event Date
C301,Period of care started,01/02/2026
C301,CLA ended - returned home on CP plan,20/08/2026
C302,Period of care started,01/06/2026
C303,CP plan started,01/01/2026
C303,CP plan ended,01/06/2026
"#,
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)), "03_cla_ended_onto_cp: {}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "cla_visits_in_time"), (Some(1), Some(1)), "03_cla_ended_onto_cp: {}", data_quality(&out));
    // a log that begins mid-episode: the end with no start runs from the log's first date.
    let case_notes = format!(
        r#"Child ID,Note Type,Event Date,Seen Alone
D401,CP Visit,28/08/2026,Yes
D401,CP Visit,21/09/2026,Yes
{}D403,CLA Visit,20/08/2026,Yes
D403,CLA Visit,17/09/2026,Yes
D403,CLA Visit,15/10/2026,Yes"#,
        weekly("D402")
    );
    let out = run_files(
        "review8-04",
        &[
            ("audits.csv", AUDITS),
            ("case-notes.csv", case_notes.as_str()),
            (
                "legal-status-log.csv",
                r#"Child ID,Legal Status,Date,Start/End
D401,CP,25/09/2026,End
D402,CP,01/07/2026,Start
D403,CLA,01/04/2026,Start
"#,
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)), "04_end_before_start: {}", data_quality(&out));
    // a case-note export whose subject lines say 'started' or 'changed' stays case notes.
    let out = run_files(
        "review8-07",
        &[
            ("audits.csv", AUDITS),
            (
                "case-notes.csv",
                r#"Child ID,Note Type,Event Date,Seen Alone,Subject
G701,CP Visit,26/08/2026,Yes,CP visit - safety plan reviewed
G701,CP Visit,02/09/2026,Yes,"CP visit - child seen, plan continues"
G701,CP Visit,09/09/2026,Yes,Home visit - CP plan reviewed with mum
G701,CP Visit,16/09/2026,Yes,CP visit - mum started parenting course
G701,CP Visit,23/09/2026,Yes,CP visit - contact arrangements changed
G701,CP Visit,30/09/2026,Yes,CP visit - safety plan reviewed
G701,CP Visit,07/10/2026,Yes,"CP visit - child seen, plan continues"
G701,CP Visit,14/10/2026,Yes,Home visit - CP plan reviewed with mum
G701,CP Visit,21/10/2026,Yes,CP visit - mum started parenting course
G701,CP Visit,28/10/2026,Yes,CP visit - contact arrangements changed
"#,
            ),
            (
                "legal-status.csv",
                r#"Child ID,Legal Status,Start Date,End Date
G701,CP,01/07/2026,
G702,CIN,01/01/2026,01/03/2026
"#,
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)), "07_casenote_subject: {}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(9), Some(9)), "07_casenote_subject: {}", data_quality(&out));
    // an audit tracker whose status says 'Closed' or 'Started' beside case types stays audits.
    let out = run_files(
        "review8-08",
        &[(
            "audit-tracker.csv",
            r#"Child ID,Case Type,Auditor,Date Completed,Audit Status,Overall Grade
H801,CP,A Smith,05/09/2026,Closed,Good
H802,CLA,B Jones,12/09/2026,Closed,Requires Improvement
H803,CIN,C Patel,19/09/2026,Closed,Good
H804,CP,D Evans,03/10/2026,Closed,Outstanding
H805,CLA,E Brown,,Started,
H806,CP,F Green,17/10/2026,Closed,Inadequate
"#,
        )],
    );
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(5), "08_audit_tracker_status: {}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(5)), "08_audit_tracker_status: {}", data_quality(&out));
    // a placement ended and started inside a period of care is no end of care.
    let out = run_files(
        "review8-13",
        &[
            ("audits.csv", AUDITS),
            (
                "case-notes.csv",
                r#"Child ID,Note Type,Event Date,Seen Alone
N131,CLA Visit,20/08/2026,Yes
N131,CLA Visit,05/10/2026,Yes
N131,CLA Visit,30/10/2026,Yes
N132,CLA Visit,20/08/2026,Yes
N132,CLA Visit,17/09/2026,Yes
N132,CLA Visit,15/10/2026,Yes
"#,
            ),
            (
                "legal-status-events.csv",
                r#"Child ID,Event,Event Date
N131,Period of care started,10/01/2026
N131,CLA placement ended,30/08/2026
N131,CLA placement started,02/09/2026
N132,Period of care started,01/06/2026
"#,
            ),
        ],
    );
    assert_eq!(kpi_pair(&out, "cla_visits_in_time"), (Some(1), Some(2)), "13_placement_gap: {}", data_quality(&out));
}

#[test]
fn the_seeds_own_words_for_a_child_in_care_a_confirmed_completion_and_a_note_after_a_dash() {
    // Blind sets 122 and 123 (2026-12-03). Seed 000 writes a looked-after
    // child's legal status "CIC"; a CLA visit gap of 46 days is then late.
    let status = "Child ID,Legal status,Start date,End date\nC1,CIC,2025-01-01,\nC2,CP,2026-06-01,\n";
    let notes = "Child ID,Case note type,Event date,Date recorded,Seen alone\n\
                 C1,CIC Visit,2026-08-10,2026-08-10,Yes\n\
                 C1,CIC Visit,2026-09-25,2026-09-25,Yes\n\
                 C1,CIC Visit,2026-10-20,2026-10-20,Yes\n\
                 C2,CP Visit,2026-09-01,2026-09-01,Yes\n";
    let out = run_files("cic-legal-status", &[("legal-status.csv", status), ("case-notes.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cla_visits_in_time"), (Some(0), Some(1)));
    // A header with the template's instruction after a dash names its field
    // by the words before the dash ("Date written up - must be within 4
    // weeks of contact": the recorded date), when the whole names none.
    let notes = "Child ID,Case note type,Date of contact (dd/mm/yyyy),Date written up (dd/mm/yyyy) - must be within 4 weeks of contact,Seen alone\n\
                 C1,CP Visit,01/09/2026,05/09/2026,Yes\n\
                 C1,CP Visit,10/09/2026,30/10/2026,No\n\
                 C1,Phone call,03/10/2026,06/10/2026,\n";
    let out = run_files("note-after-dash", &[("case-notes.csv", notes)]);
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(2), Some(3)));
    let m = metrics(&out);
    let columns = m["inputs"][0]["columns"].as_array().unwrap();
    let written = columns.iter().find(|c| c["header"].as_str().unwrap().starts_with("Date written up")).unwrap();
    assert_eq!(written["field"], "recorded_date");
    assert!(written["reason"].as_str().unwrap().contains("before the note after its dash"), "{written}");
    // Seed 003: "final confirmation by the Team Manager that actions have
    // been completed": the action's completion.
    for header in ["Team Manager confirmed completed", "Team Manager confirmed completed (date)", "Confirmed completed"] {
        let actions = format!(
            "Child ID,Audit date,Recommendations for improvement actions,By when,{header}\n\
             C1001,01/09/2026,Update the plan,30/09/2026,25/09/2026\n\
             C1002,02/09/2026,Chase the school,30/09/2026,\n\
             C1003,03/09/2026,Book a review,30/09/2026,01/10/2026\n"
        );
        let out = run_files("confirmed-completed", &[("actions.csv", &actions)]);
        assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(3)), "{header}");
    }
}

#[test]
fn actions_with_no_audit_date_link_to_the_childs_audit_before_they_were_set() {
    // Blind set 123 (2026-12-03): a Tier 2 remedial actions table gives the
    // child and the day each action was set, and a child has two audits.
    let audits = "Date:,Auditor (name):,Case ID:,OVERALL JUDGEMENT OF THE CASE FILE:\n\
                  20/08/2026,Colin Marwood,KT7,Inadequate\n\
                  15/10/2026,Priya Stenning,KT7,Good\n\
                  18/09/2026,Ed Fairlie,KT1,Good\n";
    let actions = "Case ID:,Date:,Action,Who?,Date to be completed by?,Date reviewed,Completed/Comments\n\
                   KT7,20/08/2026,Life story work to start,Allocated SW,03/09/2026,02/09/2026,Completed\n\
                   KT7,16/10/2026,Record management oversight,Allocated SW,29/10/2026,29/10/2026,Completed\n\
                   KT1,18/09/2026,Update the chronology,Allocated SW,02/10/2026,30/09/2026,Completed\n\
                   KT7,01/08/2026,Set before any audit,Allocated SW,29/10/2026,,\n";
    let out = run_files("actions-by-set-date", &[("Tier 2 audit returns.csv", audits), ("Tier 2 remedial actions.csv", actions)]);
    let acts = rows(&out.join("normalised/actions.csv"));
    let audit_of = |text: &str| acts.iter().find(|a| a["action"] == text).map(|a| a["audit_id"].clone()).unwrap();
    assert!(audit_of("Life story work to start").ends_with("KT7:2026-08-20"), "{acts:?}");
    assert!(audit_of("Record management oversight").ends_with("KT7:2026-10-15"), "{acts:?}");
    assert!(audit_of("Update the chronology").ends_with("KT1:2026-09-18"));
    assert_eq!(audit_of("Set before any audit"), "", "set before the child's audits: not linked");
    let dq = data_quality(&out);
    assert!(dq.contains("action_linked_by_set_date"), "{dq}");
}

/// `audits_completed` by team in a run's `metrics.json`: (team, count).
fn completed_by_team(out: &std::path::Path) -> Vec<(String, u64)> {
    let m = metrics(out);
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap().clone();
    k["by_team"].as_array().unwrap().iter().map(|t| (t["team"].as_str().unwrap().to_string(), t["numerator"].as_u64().unwrap())).collect()
}

#[test]
fn a_team_code_keyed_under_the_team_columns_own_label_is_read_and_a_blank_team_takes_its_files_team() {
    // One returns file per team; the district column holds dropdown codes
    // whose key is headed by the column's own label, and one row's district
    // is the unfilled dropdown ("Choose an item.").
    let write = |with_key: bool| -> std::path::PathBuf {
        let dir = scratch(if with_key { "district-key" } else { "district-no-key" });
        let input = dir.join("in");
        std::fs::create_dir_all(&input).unwrap();
        let header = "Case ID:,District the child belongs to:,Date:,OVERALL JUDGEMENT OF THE CASE FILE:\n";
        std::fs::write(input.join("Tier 2 returns - Children in Care 1.csv"), format!("{header}W1,T02,08/09/2026,Good\nW2,T02,09/09/2026,Good\n")).unwrap();
        std::fs::write(
            input.join("Tier 2 returns - Leaving Care.csv"),
            format!("{header}W3,T05,10/09/2026,Good\nW4,Choose an item.,11/09/2026,Requires Improvement\n"),
        )
        .unwrap();
        if with_key {
            std::fs::write(
                input.join("dropdown lists.csv"),
                "Code,District the child belongs to:,Team Manager\nT01,Front Door,Ann Example\nT02,Children in Care 1,Bob Example\nT05,Leaving Care,Cy Example\n",
            )
            .unwrap();
        }
        run_in_folder(&dir, &input)
    };
    let out = write(true);
    assert_eq!(completed_by_team(&out), [("Children in Care 1".to_string(), 2), ("Leaving Care".to_string(), 2)]);
    let dq = data_quality(&out);
    assert!(dq.contains("team 'T05' shown as 'Leaving Care'") && dq.contains("team_from_name"), "{dq}");
    assert!(!dq.contains("question_list"), "a key of team codes is no list of questions: {dq}");
    // Without the key the codes stay as written; the unfilled row still
    // takes its file's team.
    let out = write(false);
    assert_eq!(completed_by_team(&out), [("Leaving Care".to_string(), 1), ("T02".to_string(), 2), ("T05".to_string(), 1)]);
}

#[test]
fn a_restructures_table_of_old_and_new_team_names_renames_and_merges_but_does_not_split() {
    let run = |mapping: Option<&str>| -> std::path::PathBuf {
        let dir = scratch(if mapping.is_some() { "restructure-map" } else { "restructure-none" });
        let input = dir.join("in");
        std::fs::create_dir_all(&input).unwrap();
        std::fs::write(
            input.join("audits.csv"),
            "Audit ID,Child ID,Team,Date completed,Overall grade\n\
             A1,C1,Family Safeguarding North,07/09/2026,Good\n\
             A2,C2,Family Safeguarding South,08/09/2026,Good\n\
             A3,C3,Family Safeguarding East,09/09/2026,Good\n\
             A4,C4,FS Hub 2,09/10/2026,Good\n\
             A5,C5,Safeguarding Hub,10/09/2026,Good\n\
             A6,C6,Children in Care,11/09/2026,Good\n",
        )
        .unwrap();
        if let Some(m) = mapping {
            std::fs::write(input.join("restructure.csv"), m).unwrap();
        }
        run_in_folder(&dir, &input)
    };
    let mapping = "Team (up to 30/09/2026),Team (from 01/10/2026),Change,Team Manager from 01/10/2026\n\
                   Family Safeguarding North,FS Hub 1,Renamed,Ann Example\n\
                   Family Safeguarding South,FS Hub 2,Merged,Bob Example\n\
                   family safeguarding east,FS Hub 2,Merged,Bob Example\n\
                   Safeguarding Hub,Hub East,Split,Cy Example\n\
                   Safeguarding Hub,Hub West,Split,Di Example\n\
                   Children in Care,Children in Care,No change,Ed Example\n";
    let out = run(Some(mapping));
    let got = completed_by_team(&out);
    let want: Vec<(String, u64)> =
        [("Children in Care", 1), ("FS Hub 1", 1), ("FS Hub 2", 3), ("Safeguarding Hub", 1)].iter().map(|(t, n)| (t.to_string(), *n)).collect();
    assert_eq!(got, want);
    let dq = data_quality(&out);
    assert!(dq.contains("team_split") && dq.contains("'Safeguarding Hub' is split into Hub East and Hub West"), "{dq}");
    assert!(dq.contains("team 'Family Safeguarding North' shown as 'FS Hub 1'"), "{dq}");
    // Without the table every team is as written.
    assert_eq!(completed_by_team(&run(None)).len(), 6);
    // Nor with the table when the council's config says to keep teams as recorded.
    let dir = scratch("restructure-as-recorded");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(out.parent().unwrap().join("in/audits.csv"), input.join("audits.csv")).unwrap();
    std::fs::write(input.join("restructure.csv"), mapping).unwrap();
    std::fs::write(dir.join("council.toml"), "[settings]\nrestructured_teams_renamed = false\n").unwrap();
    let kept = dir.join("out");
    let args =
        ["run", "-q", input.to_str().unwrap(), "--out", kept.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"];
    let o = auditpack(&dir, &[&args[..], &["--config", dir.join("council.toml").to_str().unwrap()]].concat());
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert_eq!(completed_by_team(&kept).len(), 6);
    assert!(data_quality(&kept).contains("team_renames_not_used"));
}

#[test]
fn an_audit_that_names_only_its_social_worker_takes_the_workers_team_from_a_staff_list() {
    let dir = scratch("staff-list");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audits.csv"),
        "Audit ID,Child ID,Name of Social Worker,Date of the Audit,Overall grade\n\
         A1,C1,hannah  pryce ,07/09/2026,Good\n\
         A2,C2,Pim Larkspur,08/09/2026,Good\n\
         A3,C3,Pim Larkspur,20/10/2026,Good\n\
         A4,C4,Tamsin Revel (agency),09/09/2026,Good\n",
    )
    .unwrap();
    let with_list = |list: Option<&str>| -> std::path::PathBuf {
        let d = scratch(if list.is_some() { "staff-list-with" } else { "staff-list-without" });
        let i = d.join("in");
        std::fs::create_dir_all(&i).unwrap();
        std::fs::copy(input.join("audits.csv"), i.join("audits.csv")).unwrap();
        if let Some(l) = list {
            std::fs::write(i.join("Staff list.csv"), l).unwrap();
        }
        run_in_folder(&d, &i)
    };
    // A dated list: a worker who moved is in the team of the audit's day.
    let out = with_list(Some(
        "Worker,Role,Pod,From,To\n\
         Hannah Pryce,Social Worker,CP Pod,01/01/2024,\n\
         Pim Larkspur,Social Worker,CP Pod,07/05/2024,04/10/2026\n\
         Pim Larkspur,Social Worker,Looked After Pod,05/10/2026,\n",
    ));
    let want: Vec<(String, u64)> = [("(not recorded)", 1), ("CP Pod", 2), ("Looked After Pod", 1)].iter().map(|(t, n)| (t.to_string(), *n)).collect();
    assert_eq!(completed_by_team(&out), want);
    let dq = data_quality(&out);
    assert!(dq.contains("team_from_staff_list") && dq.contains("worker_not_on_staff_list") && dq.contains("Tamsin Revel (agency)"), "{dq}");
    // "In team since" with the team before.
    let out = with_list(Some(
        "Name,Job title,Team,In team since,Previous team\n\
         Hannah Pryce,Social Worker,CP Pod,01/01/2024,\n\
         Pim Larkspur,Social Worker,Looked After Pod,05/10/2026,CP Pod\n",
    ));
    assert_eq!(completed_by_team(&out), want);
    // Without a list, no audit has a team.
    assert_eq!(completed_by_team(&with_list(None)), [("(not recorded)".to_string(), 4)]);
}

#[test]
fn a_code_two_keys_give_meanings_of_two_kinds_is_read_as_neither_and_said() {
    // A key of note-type codes split into two files that disagree about
    // one code ("STV": "Statutory visit" in one, "Strategy meeting" in the
    // other): neither meaning is used, with a warning naming both; the
    // codes the keys agree on are read (CPV, LAV).
    let dir = scratch("code-key-two-meanings");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("Lookups part 1.csv"), "Code,Description\nSTV,Statutory visit\nPHC,Phone call\n").unwrap();
    std::fs::write(input.join("Lookups part 2.csv"), "Code,Description\nCPV,Child protection visit\nLAV,Looked after child visit\nSTV,Strategy meeting\n")
        .unwrap();
    std::fs::write(
        input.join("case-notes.csv"),
        "Child ID,Note type,Event date,Date recorded,Seen alone\n\
         C9001,STV,01/09/2026,02/09/2026,Yes\n\
         C9002,STV,02/09/2026,03/09/2026,No\n\
         C9003,CPV,03/09/2026,04/09/2026,Yes\n\
         C9004,CPV,04/09/2026,05/09/2026,\n\
         C9005,PHC,05/09/2026,06/09/2026,\n\
         C9006,LAV,06/09/2026,07/09/2026,Yes\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert!(dq.contains("code_key_ambiguous") && dq.contains("Statutory visit") && dq.contains("Strategy meeting"), "{dq}");
    // The three visits the keys agree on; the STV notes are not visits.
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(3)));
}

#[test]
fn two_rows_of_dates_are_records_only_beside_a_column_of_ids() {
    // A log of events kept in files of two rows each is read (the review's
    // case, tests/fixtures/review45); a two-row sheet of an export's own
    // dates or versions, with no ids, is still set aside as not records.
    let dir = scratch("two-row-sheets");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("audits.csv"), "Child ID,Team,Audit date,Overall judgement\nC6001,Family Help,01/09/2026,Good\nC6002,Family Help,02/09/2026,Good\nC6003,Family Help,03/09/2026,Inadequate\n").unwrap();
    std::fs::write(input.join("Export details.csv"), "Field,Value\nRun date,02/11/2026\nPeriod from,01/09/2026\n").unwrap();
    std::fs::write(input.join("Changes.csv"), "Version,Date,Change\n1,01/09/2026,First issue\n2,05/10/2026,Added team column\n").unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert!(!dq.contains("table_not_recognised"), "{dq}");
    for file in ["Export details.csv", "Changes.csv"] {
        assert!(dq.lines().any(|l| l.contains("sheet_skipped") && l.contains(file)), "{file}: {dq}");
    }
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
}

#[test]
fn audit_details_sent_is_the_allocation_and_details_sent_to_a_family_is_not() {
    // Seed 004: "The audit details are sent to the auditors and must be
    // completed within 2 weeks": the tracker's "Audit details sent" is the
    // allocation date. Details sent to a family are no allocation.
    let out = run_one_file(
        "audit-details-sent",
        "audits.csv",
        b"Child ID,Audit details sent,Audit date,Overall grade\nC1,01/09/2026,03/09/2026,Good\nC2,01/09/2026,04/09/2026,Good\nC3,02/09/2026,05/09/2026,Inadequate\n",
    );
    assert!(rows(&out.join("normalised/audits.csv")).iter().all(|a| a["allocated_date"].starts_with("2026-09-0")));
    let out = run_one_file(
        "details-sent-to-family",
        "audits.csv",
        b"Child ID,Details sent to family,Audit date,Overall grade\nC1,01/09/2026,03/09/2026,Good\nC2,01/09/2026,04/09/2026,Good\nC3,02/09/2026,05/09/2026,Inadequate\n",
    );
    assert!(rows(&out.join("normalised/audits.csv")).iter().all(|a| a["allocated_date"].is_empty()));
    // Nor are the audit's details sent to a family, though the header holds
    // "Audit details sent".
    let out = run_one_file(
        "audit-details-sent-to-family",
        "audits.csv",
        b"Child ID,Audit details sent to family,Audit date,Overall grade\nC1,01/09/2026,03/09/2026,Good\nC2,01/09/2026,04/09/2026,Good\nC3,02/09/2026,05/09/2026,Inadequate\n",
    );
    assert!(rows(&out.join("normalised/audits.csv")).iter().all(|a| a["allocated_date"].is_empty()));
    // A family or a carer named without anything sent to them is a service's
    // name: the date is still the audit's allocation.
    for (name, header) in [("family-help-allocated", "Family Help - date allocated"), ("foster-carer-audit-allocated", "Date foster carer audit allocated")] {
        let csv = format!(
            "Child ID,{header},Audit date,Overall grade\nC1,01/09/2026,03/09/2026,Good\nC2,01/09/2026,04/09/2026,Good\nC3,02/09/2026,05/09/2026,Inadequate\n"
        );
        let out = run_one_file(name, "audits.csv", csv.as_bytes());
        assert!(rows(&out.join("normalised/audits.csv")).iter().all(|a| a["allocated_date"].starts_with("2026-09-0")), "{header}");
    }
}

#[test]
fn a_moderated_grade_given_on_every_audit_is_the_final_overall() {
    // "Overall grade (moderated)" filled on every audit, "Moderated by" on
    // two: the final grade, so the overall; moderation is the two; no
    // auditor's grade is left to agree with.
    for header in ["Overall grade (moderated)", "Overall grade (post moderation)"] {
        let csv = format!(
            "Child ID,Team,Date audit completed,{header},Moderated by\n\
             C9101,North,14/09/2026,Good,A Manager\n\
             C9102,North,21/09/2026,Inadequate,\n\
             C9103,South,05/10/2026,Good,\n\
             C9104,South,12/10/2026,Requires Improvement,B Manager\n\
             C9105,North,20/10/2026,Outstanding,\n"
        );
        let out = run_one_file("moderated-grade-alone", "audits.csv", csv.as_bytes());
        assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(5)), "{header}");
        assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(5)), "{header}");
        let m = metrics(&out);
        let agreement = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "moderation_agreement").unwrap().clone();
        assert_eq!(agreement["not_in_source"], true, "{header}");
    }
    // No one moderated, said in words or a flag ("Not moderated", "N/A",
    // "N") rather than left blank: the same.
    for (name, csv) in [
        (
            "moderated-grade-said-not",
            "Child ID,Team,Date audit completed,Overall grade (moderated),Moderated by\nC1,North,14/09/2026,Good,A Manager\nC2,North,21/09/2026,Inadequate,Not moderated\nC3,South,05/10/2026,Good,N/A\nC4,South,12/10/2026,Requires Improvement,B Manager\n",
        ),
        (
            "moderated-grade-flag",
            "Child ID,Team,Date audit completed,Overall grade (moderated),Moderated? (Y/N)\nC1,North,14/09/2026,Good,Y\nC2,North,21/09/2026,Inadequate,N\nC3,South,05/10/2026,Good,N\nC4,South,12/10/2026,Requires Improvement,Y\n",
        ),
    ] {
        let out = run_one_file(name, "audits.csv", csv.as_bytes());
        assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)), "{name}");
        assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(4)), "{name}");
    }
    // Filled only where a moderator is named, it stays the moderator's; and
    // with no auditor's grade to compare it with, agreement is not in the
    // exports (it was 0 of 2, each moderated audit "not agreed").
    let out = run_one_file(
        "moderated-grade-where-moderated",
        "audits.csv",
        b"Child ID,Team,Date audit completed,Overall grade (moderated),Moderated by\n\
          C9101,North,14/09/2026,Good,A Manager\n\
          C9102,North,21/09/2026,,\n\
          C9103,South,05/10/2026,,\n\
          C9104,South,12/10/2026,Requires Improvement,B Manager\n",
    );
    let m = metrics(&out);
    let nis = |id: &str| m["kpis"].as_array().unwrap().iter().any(|k| k["id"] == id && k["not_in_source"] == true);
    assert!(nis("overall_good_or_better") && nis("moderation_agreement"), "{}", m["kpis"]);
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(4)));
}

#[test]
fn a_survey_tools_grid_and_textbox_questions_keep_their_rows_apart() {
    // SurveyMonkey's download of a matrix question: one question over a
    // column per area ("Safety and risk", "Voice of the child", …), each
    // holding that area's grade. Each is its area's domain (before, the four
    // grades were joined into one value, "Good; Good; Requires Improvement;
    // Good", and read as one grade). A "multiple textboxes" question ("About
    // the case" over "Child ID", "Team", "Date of audit") is its boxes.
    let head = "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1";
    let blank = ",,,,,,,,";
    let row = |id: &str, rest: &str| format!("{id},431127689,09/14/2026 09:00:00 AM,09/14/2026 09:40:00 AM,203.0.113.2,,,,,{rest}\n");
    let mut grid = format!(
        "{head},Child ID,Team,Date of audit,Please grade each area of practice,,,,Overall grade\n\
         {blank},Open-Ended Response,Response,Date,Safety and risk,Voice of the child,Management oversight,Plans and planning,Response\n"
    );
    grid += &row("1", "C1001,North,14/09/2026,Good,Good,Requires Improvement,Good,Good");
    grid += &row("2", "C1002,North,21/09/2026,Inadequate,Requires Improvement,Inadequate,Requires Improvement,Inadequate");
    grid += &row("3", "C1003,South,05/10/2026,Good,Outstanding,Good,Good,Good");
    grid += &row("4", "C1004,South,12/10/2026,Requires Improvement,Requires Improvement,Good,Requires Improvement,Requires Improvement");
    let out = run_one_file("survey-grid", "Case File Audit - Responses.csv", grid.as_bytes());
    let m = metrics(&out);
    let counts = |d: &str| m["distributions"]["domains"][d]["counts"].clone();
    assert_eq!(counts("safety")["good"], 2, "{}", m["distributions"]);
    assert_eq!(counts("safety")["inadequate"], 1);
    assert_eq!(counts("voice")["outstanding"], 1);
    assert_eq!(counts("oversight")["good"], 2);
    assert_eq!(counts("planning")["requires_improvement"], 2);
    assert!(data_quality(&out).contains("grid question"));
    let mut boxes = format!("{head},About the case,,,Overall grade,Did you speak to the child?\n{blank},Child ID,Team,Date of audit,Response,Response\n");
    boxes += &row("1", "C1001,North,14/09/2026,Good,Yes");
    boxes += &row("2", "C1002,North,21/09/2026,Inadequate,No");
    boxes += &row("3", "C1003,South,05/10/2026,Good,Yes");
    let out = run_one_file("survey-textboxes", "Case File Audit - Responses.csv", boxes.as_bytes());
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(3)));
}

#[test]
fn an_action_list_naming_its_audit_by_title_finds_its_audit() {
    // A collaboration tool's action table (Airtable's grid view) links each
    // action to its audit by the audit's title, "5531902 – Sep 2026" (doubled
    // when the link is), with no child or audit id column: the child's id is
    // read from the title, so an action with no due date is due 10 working
    // days after its audit, and the test record's action is a test.
    let dir = scratch("actions-audit-title");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Audits-Grid view.csv"),
        "Audit,Child's ID number,Team,Audit date,Overall grade\n\
         5520814 – Sep 2026,5520814,North,02/09/2026,Good\n\
         5531902 – Sep 2026,5531902,North,10/09/2026,Good\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Actions-Grid view.csv"),
        "Action,Audit,Agreed Action,Person,Completion date,Manager's sign off date\n\
         ACT-1,5520814 – Sep 2026,Update chronology,Colm Reddaway,2026-09-20,2026-09-18\n\
         ACT-2,\"5531902 – Sep 2026,5531902 – Sep 2026\",Share the plan with the family,Amelia Brightwell,,2026-09-22\n\
         ACT-3,TEST - please ignore,test action,Jo Bramall,2026-09-15,\n\
         ACT-4,5531902 – Sep 2026,Refresh the assessment,Amelia Brightwell,2026-09-30,2026-10-05\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)), "{}", data_quality(&out));
    let actions = rows(&out.join("normalised/actions.csv"));
    assert!(actions.iter().all(|a| a["child_id"] == "5520814" || a["child_id"] == "5531902"), "{actions:?}");
}

#[test]
fn seed_002s_part_bs_complete_a_childs_audits_in_order_and_a_resent_one_is_set_aside() {
    // An inadequate audit (Part A 1 July), its re-audit (Part A 18 August),
    // and the worker's two acknowledgements, the first late (20 August,
    // after the re-audit), the second five days later: the first completes
    // the first audit, the second the re-audit, so the re-audit followed the
    // inadequate one. Before, nearest first crossed them, and the second
    // Part B, within a week, was taken for the first sent again.
    let dir = scratch("part-b-in-order");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Part A returns.csv"),
        "Client No,Unit,Date Part A completed,Overall grade\n\
         400101,Unit 3,01/07/2026,Inadequate\n\
         400101,Unit 3,18/08/2026,Good\n\
         400202,Unit 7,03/09/2026,Good\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Part B returns.csv"),
        "Client No,CSW name,Date Part B completed\n\
         400101,P Worker,20/08/2026\n\
         400101,P Worker,25/08/2026\n\
         400202,P Worker,08/09/2026\n\
         400202,P Worker,10/09/2026\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    let done = |grade: &str| audits.iter().find(|a| a["child_id"] == "400101" && a["overall_source_label"] == grade).map(|a| a["completed_date"].clone());
    assert_eq!(done("Inadequate").as_deref(), Some("2026-08-20"), "{audits:?}");
    assert_eq!(done("Good").as_deref(), Some("2026-08-25"), "{audits:?}");
    // 400202's second Part B, two days after the first, is it sent again:
    // set aside and said, not an audit of its own.
    assert_eq!(audits.len(), 3, "{audits:?}");
    let dq = data_quality(&out);
    assert!(dq.contains("part_b_sent_again") && !dq.contains("part_a_missing") && !dq.contains("part_b_missing"), "{dq}");
    // A second Part B weeks after the one that completed the child's only
    // audit: set aside with a warning, not a second audit.
    let dir = scratch("part-b-again-later");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Part A returns.csv"),
        "Client No,Unit,Date Part A completed,Overall grade\n400505,Unit 3,01/09/2026,Good\n400606,Unit 3,02/09/2026,Good\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Part B returns.csv"),
        "Client No,CSW name,Date Part B completed\n400505,P Worker,08/09/2026\n400505,P Worker,25/09/2026\n400606,P Worker,09/09/2026\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    let dq = data_quality(&out);
    assert!(dq.contains("part_b_again") && !dq.contains("part_a_missing"), "{dq}");
    // A Part B row with no date: not done yet, its Part A not complete; the
    // row is no audit of its own.
    let dir = scratch("part-b-undated");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Part A returns.csv"),
        "Client No,Unit,Date Part A completed,Overall grade\n400707,Unit 3,02/09/2026,Good\n400808,Unit 3,03/09/2026,Good\n",
    )
    .unwrap();
    std::fs::write(input.join("Part B returns.csv"), "Client No,CSW name,Date Part B completed\n400707,P Worker,\n400808,P Worker,10/09/2026\n").unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(rows(&out.join("normalised/audits.csv")).len(), 2);
    let dq = data_quality(&out);
    assert!(dq.contains("part_b_undated") && dq.contains("part_b_missing") && !dq.contains("part_a_missing"), "{dq}");
    // A Part B list alone: the one sent again is still one.
    let dir = scratch("part-b-alone-resent");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Part B returns.csv"),
        "Client No,CSW name,Date Part B completed\n400202,P Worker,08/09/2026\n400202,P Worker,10/09/2026\n400303,P Worker,15/09/2026\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(rows(&out.join("normalised/audits.csv")).len(), 2);
}

#[test]
fn seed_002s_two_parts_kept_as_two_lists_are_one_audit_complete_on_part_b() {
    // Seed 002: "PART B, CSW COMPLETES … Once this part is completed the
    // audit is complete." A council that keeps Part A (the auditor's) and
    // Part B (the practitioner's acknowledgement) as two lists: each Part B
    // completes the same child's Part A dated on or before it; a Part A with
    // no Part B is not complete, and said.
    let dir = scratch("part-a-part-b-lists");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Part A returns.csv"),
        "Client No,Unit,Auditor,Date Part A completed,Audit undertaken with the practitioner?\n\
         C7001,Unit 2,Dora Klein,20/08/2026,Yes\n\
         C7002,Unit 2,Ivo Martens,10/09/2026,No\n\
         C7003,Unit 3,Dora Klein,27/10/2026,Yes\n\
         C7004,Unit 3,Ivo Martens,01/10/2026,Yes\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Part B returns.csv"),
        "Client No,CSW name,Date Part B completed\n\
         C7001,Paul Garrow,03/09/2026\n\
         C7002,Abi Lorne,15/09/2026\n\
         C7004,Abi Lorne,05/10/2026\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let completed = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap().clone();
    // C7001 (Part A in August, Part B in September), C7002, C7004; not C7003.
    assert_eq!(completed["value"].as_f64(), Some(3.0), "{completed}");
    let unit_2 = completed["by_team"].as_array().unwrap().iter().find(|t| t["team"] == "Unit 2").map(|t| t["value"].clone());
    assert_eq!(unit_2.and_then(|v| v.as_f64()), Some(2.0), "{completed}");
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(2), Some(3)));
    let dq = data_quality(&out);
    assert!(dq.contains("part_b_missing") && dq.contains("C7003"), "{dq}");
    assert!(!dq.contains("part_a_missing"), "{dq}");
    // Headed in the seed's own words, with no word for a date (a form whose
    // question is the part's heading, its answer a date).
    let dir = scratch("part-a-part-b-seed-words");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Part A (Responses) - Form responses 1.csv"),
        "Timestamp,Client No,Unit,Auditor,\"PART A, AUDITOR COMPLETES\"\n\
         20/08/2026 10:00:00,C7001,Unit 2,Dora Klein,20/08/2026\n\
         10/09/2026 10:00:00,C7002,Unit 2,Ivo Martens,10/09/2026\n\
         27/10/2026 10:00:00,C7003,Unit 3,Dora Klein,27/10/2026\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Part B (Responses) - Form responses 1.csv"),
        "Timestamp,Client No,CSW name,\"PART B, CSW COMPLETES\"\n\
         03/09/2026 10:00:00,C7001,Paul Garrow,03/09/2026\n\
         15/09/2026 10:00:00,C7002,Abi Lorne,15/09/2026\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let completed = metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap().clone();
    assert_eq!(completed["value"].as_f64(), Some(2.0), "{completed}");
    // (Part A's team: each Part B is its Part A's audit, not one of its own.)
    let unit_2 = completed["by_team"].as_array().unwrap().iter().find(|t| t["team"] == "Unit 2").map(|t| t["value"].clone());
    assert_eq!(unit_2.and_then(|v| v.as_f64()), Some(2.0), "{completed}");
    assert!(data_quality(&out).contains("part_b_missing"));
}

#[test]
fn a_board_exported_group_by_group_reads_its_items_as_audits_and_its_subitems_as_actions() {
    // monday.com's "Export board to Excel": each group's title and header
    // row, the child only in the item's name, and a subitems' header row one
    // column to the right under an item with actions.
    let board = "Quality Audits 2026\n\
         \n\
         September 2026\n\
         Name,Subitems,Auditor,Unit,Status,Part A (auditor) date,Deadline,Part B (CSW) date,Overall quality\n\
         Client 7003001,Update chronology,Ada Quill,Unit 2,Complete,2026-09-07,2026-09-25,2026-09-15,Good\n\
         Subitems,Name,Owner,Status,Due date,Date done\n\
         ,Update chronology,Bo Renner,Done,2026-09-29,2026-09-28\n\
         ,Convene a core group,Bo Renner,Working on it,2026-09-30,\n\
         Client 7003002 - RE-AUDIT,,Cy Tamsin,Unit 3,Complete,2026-09-10,2026-09-25,2026-09-18,Inadequate\n\
         \n\
         August 2026\n\
         Name,Subitems,Auditor,Unit,Status,Part A (auditor) date,Deadline,Part B (CSW) date,Overall quality\n\
         Client 7003003,Share practice example,Ada Quill,Unit 2,Complete,2026-08-10,2026-08-28,2026-09-02,Good\n\
         Subitems,Name,Owner,Status,Due date,Date done\n\
         ,Share practice example,Di Ostrow,Done,2026-09-16,2026-09-14\n\
         Client 7003004,,Cy Tamsin,Unit 3,Sent to CSW (Part B),2026-08-24,2026-08-28,,\n\
         \n\
         Group Title\n\
         Name,Subitems,Auditor,Unit,Status,Part A (auditor) date,Deadline,Part B (CSW) date,Overall quality\n\
         TEST - please ignore,,Ada Quill,Unit 2,Complete,2026-09-02,2026-09-02,2026-09-02,Good\n";
    let out = run_one_file("board-groups-subitems", "Quality_Audits_2026.csv", board.as_bytes());
    // Complete on Part B's date (seed 002): 7003001, 7003002, 7003003; 7003004 has Part A only.
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    // The subitems are the actions, each its item's: two due in September
    // done on time, one open at the end of the month.
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)));
    let children: Vec<String> = rows(&out.join("normalised/audits.csv")).iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(children, ["7003001", "7003002", "7003003", "7003004"]);
    let actions: Vec<String> = rows(&out.join("normalised/actions.csv")).iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(actions, ["7003001", "7003001", "7003003"]);
    let dq = data_quality(&out);
    assert!(dq.contains("board_layout"), "{dq}");
    assert!(dq.contains("board_row") && dq.contains("August 2026") && dq.contains("Group Title"), "{dq}");
    assert!(!dq.contains("missing_column"), "{dq}");
}

#[test]
fn a_sheet_kept_as_an_outline_reads_its_audits_and_the_actions_under_them() {
    // Smartsheet's row hierarchy (here as its CSV export, which loses the
    // indentation): a month's row over its audits, each audit's actions on
    // rows of their own under it, one header for all, an unticked box on
    // every row.
    let sheet = "Child / Action,Team,Auditor,Action Owner,Date Allocated,Due Date,Status,Date Completed,Overall Grade,SW/PA input\n\
         August 2026 allocations,,,,,31/08/2026,,,,FALSE\n\
         7005001,Unit 2,Ada Quill,,03/08/2026,31/08/2026,Complete,02/09/2026,Inadequate,TRUE\n\
         Update the chronology,,,Bo Renner,,,Complete,10/09/2026,,FALSE\n\
         September 2026 allocations,,,,,30/09/2026,,,,FALSE\n\
         7005002,Unit 3,Cy Tamsin,,01/09/2026,30/09/2026,Complete,25/09/2026,Good,TRUE\n\
         Share the assessment with father,,,Di Ostrow,,09/10/2026,In Progress,,,FALSE\n\
         Record wishes and feelings,,,Di Ostrow,,05/10/2026,Complete,02/10/2026,,FALSE\n\
         7005001 (re-audit),Unit 2,Ada Quill,,01/09/2026,30/09/2026,Complete,29/09/2026,Good,TRUE\n\
         Supervision to evidence reflection,,,Bo Renner,,30/10/2026,Complete,04/11/2026,,FALSE\n\
         7005003,Unit 3,Cy Tamsin,,01/09/2026,30/09/2026,In Progress,,,FALSE\n";
    let out = run_one_file("outline-audits-actions", "Case File Audit Tracker.csv", sheet.as_bytes());
    // Completed in September–October: 7005001 (due in August), 7005002 and
    // the re-audit; due in the period: 7005002 and the re-audit on time,
    // 7005003 not done.
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    let children: Vec<String> = rows(&out.join("normalised/audits.csv")).iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(children, ["7005001", "7005002", "7005001", "7005003"]);
    // Each action is its audit's: the chronology (no due date: 10 working
    // days after its audit, 16/09) and the wishes on time; the father's
    // assessment open and the supervision done after as_of, both overdue.
    let actions: Vec<String> = rows(&out.join("normalised/actions.csv")).iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(actions, ["7005001", "7005002", "7005002", "7005001"]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(4)));
    assert_eq!(metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "actions_overdue").unwrap()["value"].as_f64(), Some(2.0));
    let dq = data_quality(&out);
    assert!(dq.contains("outline_layout") && dq.contains("August 2026 allocations") && dq.contains("a parent row"), "{dq}");
    assert!(!dq.contains("action_unlinked"), "{dq}");
}

#[test]
fn a_plan_of_tasks_reads_its_audit_tasks_and_its_bucket_of_actions() {
    // Microsoft Planner's plan (here as CSV): each audit a task, the child,
    // district and grade in its description, one "Name: value" to a line;
    // the actions agreed tasks in a bucket of their own, each named for
    // its child; a test task.
    let plan = "Task ID,Task Name,Bucket Name,Progress,Priority,Assigned To,Created Date,Due date,Completed Date,Labels,Description\n\
         t1,Tier 2 audit – Case ID 7006001,Completed audits,Completed,Medium,Ada Quill,01/09/2026,25/09/2026,20/09/2026,North;Good,\"Case ID: 7006001\nDistrict the child belongs to: North\n\nOVERALL JUDGEMENT OF THE CASE FILE: Good\nFull audit saved in the Tier 2 folder\"\n\
         t2,Tier 2 audit – Case ID 7006002,Completed audits,Completed,Medium,Cy Tamsin,01/09/2026,25/09/2026,28/09/2026,South;Good,\"Case ID: 7006002\nDistrict the child belongs to: South\n\nOVERALL JUDGEMENT OF THE CASE FILE: Requires Improvement\"\n\
         t3,Tier 2 audit – Case ID 7006003,To be audited,Not started,Medium,Ada Quill,01/09/2026,25/09/2026,,North,\"Case ID: 7006003\nDistrict the child belongs to: North\"\n\
         t4,TEST - please ignore,To be audited,Completed,Low,Ada Quill,01/09/2026,01/09/2026,01/09/2026,Good,testing the plan\n\
         t5,Tier 2 audit – Case ID 7006004,Completed audits,Completed,Medium,Cy Tamsin,01/09/2026,25/09/2026,24/09/2026,South;Outstanding,\"Case ID: 7006004\nDistrict the child belongs to: South\n\nOVERALL JUDGEMENT OF THE CASE FILE: Outstanding\"\n\
         a1,Action – 7006001: Update the chronology,Remedial actions,Completed,Medium,Bo Renner,20/09/2026,04/10/2026,02/10/2026,Remedial action,From audit of Case ID 7006001.\n\
         a2,Action – 7006002: Housing options to be recorded in pathway plan,Remedial actions,Not started,Medium,Di Ostrow,28/09/2026,12/10/2026,,Remedial action,From audit of Case ID 7006002.\n\
         a3,Action – 7006004: Life story work to be started,Remedial actions,Completed,Medium,Di Ostrow,24/09/2026,08/10/2026,08/10/2026,Remedial action,From audit of Case ID 7006004.\n";
    let out = run_one_file("plan-buckets", "Tier 2 Case File Audits.csv", plan.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
    // Due 25/09: 7006001 and 7006004 on time, 7006002 late, 7006003 not done.
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(4)));
    // The description's overall, not the label (7006002's says Good).
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    let children: Vec<String> = rows(&out.join("normalised/audits.csv")).iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(children, ["7006001", "7006002", "7006003", "7006004"]);
    let actions: Vec<String> = rows(&out.join("normalised/actions.csv")).iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(actions, ["7006001", "7006002", "7006004"], "the housing action is one (its label says Action, not 'no action')");
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)));
    let dq = data_quality(&out);
    assert!(dq.contains("bucket_layout") && dq.contains("child_id_in_text") && dq.contains("TEST - please ignore"), "{dq}");
    assert!(!dq.contains("action_unlinked") && !dq.contains("no child id"), "{dq}");
}

#[test]
fn a_task_lists_subtasks_are_the_actions_of_the_task_they_name() {
    // Jira's CSV export: each audit an issue, its actions sub-tasks naming
    // it by "Parent id", its own fields as "Custom field (…)", its dates
    // "21/Sep/26 3:05 PM"; an admin task with no child.
    let jira = "Summary,Issue key,Issue id,Issue Type,Status,Assignee,Created,Resolved,Due date,Parent id,Custom field (Child ID),Custom field (Name of Team),Custom field (Date of the Audit),Custom field (Auditors' Grade)\n\
         Send the sample to auditors,LA-101,10501,Task,Done,Ffion Mabry,01/Sep/26 9:00 AM,01/Sep/26 9:05 AM,01/Sep/26 12:00 AM,,,,,\n\
         Learning audit – 8810452,LA-102,10502,Audit,Done,Rhiannon Dace,01/Sep/26 9:12 AM,18/Sep/26 3:05 PM,30/Sep/26 12:00 AM,,8810452,Child Protection,18/Sep/26 12:00 AM,Good\n\
         Core group to review the plan,LA-103,10503,Sub-task,Done,Cerys Wragg,18/Sep/26 3:20 PM,29/Sep/26 11:00 AM,02/Oct/26 12:00 AM,10502,,,,\n\
         Learning audit – 8814009,LA-104,10504,Audit,Done,Gareth Lunn,01/Sep/26 9:12 AM,05/Oct/26 3:05 PM,30/Sep/26 12:00 AM,,8814009,Children in Care,05/Oct/26 12:00 AM,Inadequate\n\
         Update the child's plan,LA-105,10505,Sub-task,In Progress,Cerys Wragg,05/Oct/26 3:20 PM,,19/Oct/26 12:00 AM,10504,,,,\n\
         Learning audit – 8815530,LA-106,10506,Audit,In Progress,Maud Kerslake,01/Sep/26 9:12 AM,,30/Sep/26 12:00 AM,,8815530,Children in Care,,\n";
    let out = run_one_file("subtasks-jira", "Jira Export CSV (all fields).csv", jira.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
    let actions: Vec<String> = rows(&out.join("normalised/actions.csv")).iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(actions, ["8810452", "8814009"]);
    // Done 29/09 for 02/10; open and due 19/10, overdue at the end of October.
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    let dq = data_quality(&out);
    assert!(dq.contains("subtask_layout") && !dq.contains("action_unlinked"), "{dq}");
}

#[test]
fn an_open_audit_entered_twice_on_one_sheet_counts_once() {
    // A task tool's "Duplicate task": the same open audit, a new task id the
    // only difference; and two open audits of one child allocated on other
    // days, which are two.
    let list = "Task ID,Name,Child ID,Auditor,Date allocated,Due date,Completed at,Overall grade\n\
         101,Audit – 7200001,7200001,Ada Quill,01/09/2026,30/09/2026,20/09/2026,Good\n\
         102,Audit – 7200002,7200002,Cy Tamsin,01/09/2026,30/09/2026,,\n\
         103,Audit – 7200003,7200003,Ada Quill,01/09/2026,30/09/2026,25/09/2026,Good\n\
         104,Audit – 7200002,7200002,Cy Tamsin,01/09/2026,30/09/2026,,\n\
         105,Audit – 7200004,7200004,Cy Tamsin,01/09/2026,30/09/2026,,\n\
         106,Audit – 7200004,7200004,Cy Tamsin,01/10/2026,30/10/2026,,\n";
    let out = run_one_file("open-audit-twice", "audits.csv", list.as_bytes());
    // Due in the period: 7200001, 7200003 on time; 7200002 once; 7200004 twice.
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(5)));
    assert!(data_quality(&out).contains("entered again"), "{}", data_quality(&out));
}

#[test]
fn audits_whose_details_were_sent_are_due_two_weeks_later() {
    // Seed 004: "The audit details are sent to the auditors and must be
    // completed within 2 weeks", in a list with no questions to know the
    // framework by, and a due-date column left empty (a card's own).
    let list = "Child ID,Auditor,Audit details sent,Due Date,Audit date\n\
         7300001,Ada Quill,01/09/2026,,10/09/2026\n\
         7300002,Cy Tamsin,01/09/2026,,20/09/2026\n\
         7300003,Ada Quill,14/09/2026,,25/09/2026\n\
         7300004,Cy Tamsin,14/09/2026,,30/09/2026\n";
    let out = run_one_file("details-sent-due", "audits.csv", list.as_bytes());
    // Due 15/09, 15/09, 28/09, 28/09: 7300002 and 7300004 late.
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(4)));
    assert!(data_quality(&out).contains("due_rule_from_header"));
}

#[test]
fn a_list_naming_each_audit_for_its_child_reads_the_childs_id_from_the_name() {
    // A list with no child id column whose items are named for the child
    // ("Client 7004001"); a group's name on a row of its own is no audit.
    let list = "Name,Auditor,Team,Date completed,Overall grade\n\
         Client 7004001,Ada Quill,Unit 2,10/09/2026,Good\n\
         client 7004002 ,Cy Tamsin,Unit 3,12/09/2026,Requires improvement\n\
         Client 7004003 - re-audit,Ada Quill,Unit 2,20/09/2026,Good\n\
         October 2026,,,,\n\
         Client 7004004,Cy Tamsin,Unit 3,,\n";
    let out = run_one_file("list-named-for-child", "audits.csv", list.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
    let children: Vec<String> = rows(&out.join("normalised/audits.csv")).iter().map(|r| r["child_id"].clone()).collect();
    assert_eq!(children, ["7004001", "7004002", "7004003", "7004004"]);
    let dq = data_quality(&out);
    assert!(dq.contains("October 2026") && dq.contains("a title on a row of its own"), "{dq}");
}

#[test]
fn a_test_childs_audit_actions_and_case_notes_are_all_set_aside() {
    // A trainer's or tester's made-up child: the audit by "Test Auditor" of
    // the placeholder 9999999, its action, and that child's case notes, as
    // well as notes of "TEST01" and an action of "TEST CLIENT".
    let dir = scratch("test-child-records");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audits.csv"),
        "Child ID,Auditor,Team,Date completed,Deadline,Overall grade\n\
         7100001,Ada Quill,Unit 2,10/09/2026,30/09/2026,Good\n\
         7100002,Cy Tamsin,Unit 3,14/09/2026,30/09/2026,Requires improvement\n\
         9999999,TEST AUDIT - DO NOT USE,Unit 2,15/09/2026,30/09/2026,Good\n\
         TEST CLIENT,Di Ostrow,Unit 3,16/09/2026,30/09/2026,Good\n",
    )
    .unwrap();
    std::fs::write(
        input.join("actions.csv"),
        "Child ID,Action,Owner,Due date,Date completed\n\
         7100001,Update the chronology,Bo Renner,24/09/2026,\n\
         9999999,Update the plan,Bo Renner,22/09/2026,\n\
         7100002,test action,Bo Renner,22/09/2026,\n",
    )
    .unwrap();
    std::fs::write(
        input.join("case notes.csv"),
        "Child ID,Note type,Event date,Recorded date,Seen alone\n\
         7100001,Statutory Visit - CP,01/09/2026,02/09/2026,Yes\n\
         7100002,Statutory Visit - CP,03/09/2026,12/10/2026,No\n\
         9999999,Statutory Visit - CP,04/09/2026,30/09/2026,No\n\
         TEST01,Statutory Visit - CP,05/09/2026,30/09/2026,No\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(0), Some(1)));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(2)));
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(1), Some(2)));
    let dq = data_quality(&out);
    assert!(dq.contains("a record of a test child") && dq.contains("TEST01") && dq.contains("9999999"), "{dq}");
    assert!(dq.contains("a test record (its child id, audit, words or owner say so)") && dq.contains("test action"), "{dq}");
}

#[test]
fn a_trackers_own_words_for_deadlines_allocations_and_grades_are_read() {
    // Two blind sets of the fiftieth session: seed 001's "Date to be
    // completed by" used by a tracker for the audit's own deadline (dates on
    // every row, no other deadline), and "RIEGP" for RI with elements of
    // good practice.
    let tracker = "Child ID,Auditor,District,Date allocated,Date to be completed by,Date completed,Overall judgement of the case file\n\
         7200001,Ada Quill,North,01/09/2026,30/09/2026,28/09/2026,Good\n\
         7200002,Cy Tamsin,North,01/09/2026,30/09/2026,02/10/2026,RIEGP\n\
         7200003,Ada Quill,South,07/09/2026,16/10/2026,12/10/2026,Requires improvement\n\
         7200004,Di Ostrow,South,08/09/2026,16/10/2026,15/10/2026,Good\n";
    let out = run_one_file("deadline-in-seed-words", "Tier 2 tracker.csv", tracker.as_bytes());
    // Each against its own deadline: 7200002 late (02/10 after 30/09);
    // 7200003 and 7200004 due 16/10, done before. (By the end of the
    // allocation month, 7200003 and 7200004 would be late.)
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(4)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)));
    let dq = data_quality(&out);
    assert!(dq.contains("deadline_column") && !dq.contains("column_ambiguous"), "{dq}");
    assert!(!dq.contains("unknown_label"), "{dq}");
    // Seed 004's "Audit details sent" shortened to "Details sent": the
    // allocation, so each audit is due 14 days after it.
    let questions: String = (1..=11).map(|q| format!(",Q{q}")).collect();
    let answers = ",Meets good".repeat(11);
    let torbay = format!(
        "Child ID,Auditor,Team,Details sent,Audit date{questions},Q12 Overall\n\
         7300001,Ada Quill,MASH,01/09/2026,10/09/2026{answers},Meets good\n\
         7300002,Cy Tamsin,MASH,01/09/2026,25/09/2026{answers},Does not meet good\n\
         7300003,Di Ostrow,CIN,14/09/2026,20/09/2026{answers},Exceeds good\n"
    );
    let out = run_one_file("details-sent-allocation", "Full audits.csv", torbay.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
}

#[test]
fn a_legal_status_column_is_the_one_whose_values_are_legal_statuses() {
    // Blind set 138: "Category / legal status" holds a CP plan's category
    // ("N", "E") and a CLA code; "Episode" holds the legal status on every
    // row. Read by its name, the CP plans were set aside as no legal status.
    let status = "Child ID,Episode,Start,End,Category / legal status\n\
         7400001,CLA,02/09/2025,,C2\n\
         7400002,CP Plan,12/01/2026,,N\n\
         7400003,CP Plan,03/03/2026,16/09/2026,E\n";
    let out = run_one_file("legal-status-by-values", "Legal status.csv", status.as_bytes());
    let kinds: Vec<(String, String)> = rows(&out.join("normalised/episodes.csv")).iter().map(|r| (r["child_id"].clone(), r["kind"].clone())).collect();
    assert_eq!(kinds, [("7400001".into(), "cla".into()), ("7400002".into(), "cp".into()), ("7400003".into(), "cp".into())]);
    assert!(data_quality(&out).contains("legal_status_column"));
}

#[test]
fn cases_a_strangers_review_of_the_fiftieth_sessions_rules_found() {
    // A placeholder id one test audit was of, audited for real too, keeps
    // its records; a status saying test is a test's.
    let audits = "Child ID,Team,Auditor,Status,Date allocated,Due date,Date completed,Overall judgement\n\
         9999999,Team A,Test Auditor,Complete,2026-07-01,2026-07-31,2026-07-10,Good\n\
         9999999,Team A,Jo Marsh,Complete,2026-09-01,2026-09-30,2026-09-20,Inadequate\n\
         7500002,Team A,Bo Renner,TEST AUDIT - DO NOT USE,2026-09-01,2026-09-30,2026-09-25,Good\n";
    let actions = "Child ID,Action,Owner,Due date,Date completed\n9999999,Update chronology,Jo Marsh,25/09/2026,\n";
    let out = run_files("review50-placeholder", &[("audits.csv", audits), ("actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1));
    // "Date to be completed by" beside the actions agreed is theirs, not the
    // audit's deadline (the end of the allocation month stays).
    let tracker = "Child ID,Team,Auditor,Date allocated,Date completed,Overall grade,Actions agreed,Date to be completed by\n\
         7600001,Team A,Jo Marsh,01/09/2026,06/10/2026,Good,Update chronology,20/10/2026\n\
         7600002,Team A,Bo Renner,01/09/2026,05/10/2026,Inadequate,Hold strategy meeting,10/10/2026\n\
         7600003,Team B,Di Ostrow,01/09/2026,25/09/2026,Good,Review plan,09/10/2026\n";
    let out = run_files("review50-action-by-when", &[("tracker.csv", tracker)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
    // A previous legal status is not the child's legal status.
    let status = "Child ID,Legal status,Previous legal status,Start date,End date\n\
         7700001,,Child Protection Plan,2026-01-01,\n\
         7700002,,Child Protection Plan,2026-01-01,\n\
         7700003,Looked After - S20,Child Protection Plan,2026-01-01,\n";
    let out = run_files("review50-previous-status", &[("legal.csv", status)]);
    let kinds: Vec<String> = rows(&out.join("normalised/episodes.csv")).iter().map(|r| format!("{}:{}", r["child_id"], r["kind"])).collect();
    assert_eq!(kinds, ["7700003:cla"]);
    // A board with two items, one of them named by a bare id, and one subitem.
    let board = "Board\n\nSeptember 2026\n\
         Name,Subitems,Auditor,Team,Status,Date allocated,Due date,Date completed,Overall grade\n\
         Client 7800001,Update chronology,Jo Marsh,Team A,Done,01/09/2026,30/09/2026,20/09/2026,Good\n\
         Subitems,Name,Owner,Status,Due date,Date done\n\
         ,Update chronology,Bo Renner,Working on it,25/09/2026,\n\
         7800002,,Di Ostrow,Team B,Done,01/09/2026,30/09/2026,22/09/2026,Good\n";
    let out = run_files("review50-small-board", &[("board.csv", board)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1));
}

/// A task tool's own closing of an audit's task (Jira's "Resolved",
/// ClickUp's "Date Closed" and "Date Done") is the audit's completion where
/// nothing else says when it was done, with a note; a column of the audit's
/// own date keeps its place beside it.
#[test]
fn a_task_tools_closing_is_the_audits_completion_where_nothing_else_is() {
    let jira =
        "Summary,Issue key,Issue Type,Status,Assignee,Created,Resolved,Due date,Custom field (Child ID),Custom field (Team),Custom field (Overall grade)\n\
        Audit 1000001,QA-1,Task,Done,Ann Vale,01/Sep/26 9:00 AM,14/Sep/26 3:05 PM,30/Sep/26,1000001,CIC,Good\n\
        Audit 1000002,QA-2,Task,Done,Ann Vale,01/Sep/26 9:00 AM,02/Oct/26 3:05 PM,30/Sep/26,1000002,CIC,Requires improvement\n\
        Audit 1000003,QA-3,Task,Done,Bo Rees,01/Sep/26 9:00 AM,20/Sep/26 3:05 PM,30/Sep/26,1000003,CP,Outstanding\n\
        Audit 1000004,QA-4,Task,In Progress,Bo Rees,01/Sep/26 9:00 AM,,30/Sep/26,1000004,CP,\n";
    let out = run_one_file("task-closing-jira", "jira.csv", jira.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(4)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert!(dq.contains("column 'Resolved' is read as the audit's completion: the audit's task was closed then"), "{dq}");
    let clickup = "Task ID,Task Name,Status,Date Created,Due Date,Date Closed,Date Done,Child ID (short text),Team (drop down),Overall judgement (drop down)\n\
        86a1,Audit 1000001,complete,2026-09-01,2026-09-30,2026-09-14,2026-09-14,1000001,CIC,Good\n\
        86a2,Audit 1000002,complete,2026-09-01,2026-09-30,2026-10-02,2026-10-02,1000002,CIC,Requires improvement\n\
        86a3,Audit 1000003,complete,2026-09-01,2026-09-30,2026-09-20,2026-09-20,1000003,CP,Outstanding\n\
        86a4,Audit 1000004,in progress,2026-09-01,2026-09-30,,,1000004,CP,\n";
    let out = run_one_file("task-closing-clickup", "clickup.csv", clickup.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(4)));
    assert_eq!(metrics(&out)["kpis"][0]["numerator"].as_u64(), Some(3), "audits_completed");
    // (The audit's own date, where there is one, is the completion.)
    let both = "Summary,Resolved,Date of audit,Due date,Child ID,Team,Overall grade\n\
        Audit 1,2026-10-20,2026-09-14,2026-09-30,1000001,CIC,Good\n\
        Audit 2,2026-10-21,2026-09-15,2026-09-30,1000002,CIC,Good\n";
    let out = run_one_file("task-closing-own-date", "both.csv", both.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(2)));
}

/// Grades kept as a card's labels ("Q12 Meets good (green)") are read as a
/// column of their name; labels of a field the table already has a column
/// for ("Overall: Good" beside "Overall Judgement") are left alone, and the
/// column is the grade (stranger review 235: both were read and cancelled
/// each other out).
#[test]
fn grades_in_labels_are_read_unless_a_column_gives_them() {
    let labels_only = "Card Name,Labels,Child ID,Team,Audit date,Due Date\n\
        Audit 1,\"Q12 Meets good (green), Help and protection (blue)\",1000001,CIC,2026-09-10,2026-09-30\n\
        Audit 2,Q12 Does not meet good (red),1000002,CIC,2026-09-11,2026-09-30\n\
        Audit 3,\"Help and protection (blue), Q12 Exceeds good (green)\",1000003,CIC,2026-09-12,2026-09-30\n\
        Audit 4,Help and protection (blue),1000004,CIC,2026-09-13,2026-09-30\n";
    let out = run_one_file("labels-only", "board.csv", labels_only.as_bytes());
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    assert!(data_quality(&out).contains("grades kept as labels in 'Labels'"));
    let both = "Card Name,Labels,Child ID,Team,Audit date,Due Date,Overall Judgement\n\
        Audit 1,\"Overall: Good (green), CIC (blue)\",1000001,CIC,2026-09-10,2026-09-30,Good\n\
        Audit 2,Overall: Good (green),1000002,CIC,2026-09-11,2026-09-30,Good\n\
        Audit 3,Overall: Good (green),1000003,CIC,2026-09-12,2026-09-30,Requires improvement\n\
        Audit 4,Overall: Outstanding (green),1000004,CIC,2026-09-13,2026-09-30,Inadequate\n";
    let out = run_one_file("labels-beside-a-column", "board.csv", both.as_bytes());
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)));
    assert!(!data_quality(&out).contains("grades kept as labels"));
}

/// An action whose audit's title says test ("TEST - please ignore" in an
/// Airtable base's "Audit" link) is set aside as a test action, said so (it
/// was said to be "not an audit").
#[test]
fn an_action_of_a_test_audit_is_said_to_be_a_test_action() {
    let dir = scratch("test-action-wording");
    let input = crate::root().join("tests/fixtures/councils136/brindlestow_airtable_torbay_base");
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    let line = dq.lines().find(|l| l.contains("Actions-Grid view.csv") && l.contains("TEST - please ignore")).expect("the test action is set aside");
    assert!(line.contains("a test record (its child id, audit, words or owner say so): not an action"), "{line}");
}

/// A Jira export whose audits are epics and whose actions are the epics'
/// issues, naming their epic in Jira Server's "Epic Link" by its key, is read
/// as audits and their actions (before: the actions were read as audits).
#[test]
fn an_epics_issues_are_its_actions() {
    let jira = "Summary,Issue key,Issue id,Issue Type,Status,Assignee,Created,Resolved,Due date,Epic Link,Custom field (Child ID),Custom field (Team),Custom field (Overall grade)\n\
        Audit 1000001,QA-1,10001,Epic,Done,Ann Vale,01/Sep/26 9:00 AM,14/Sep/26 3:05 PM,30/Sep/26,,1000001,CIC,Good\n\
        Audit 1000002,QA-2,10002,Epic,Done,Ann Vale,01/Sep/26 9:00 AM,02/Oct/26 3:05 PM,30/Sep/26,,1000002,CIC,Requires improvement\n\
        Audit 1000003,QA-3,10003,Epic,Done,Bo Rees,01/Sep/26 9:00 AM,20/Sep/26 3:05 PM,30/Sep/26,,1000003,CP,Outstanding\n\
        Update the care plan,QA-4,10004,Task,Done,Cal Moss,14/Sep/26 3:10 PM,20/Sep/26 1:00 PM,28/Sep/26,QA-1,,,\n\
        Chronology to be brought up to date,QA-5,10005,Task,To Do,Cal Moss,02/Oct/26 3:10 PM,,16/Oct/26,QA-2,,,\n\
        Father's views to be sought,QA-6,10006,Task,Done,Di Holt,02/Oct/26 3:10 PM,20/Oct/26 1:00 PM,16/Oct/26,QA-2,,,\n\
        Health assessment,QA-7,10007,Task,To Do,Di Holt,20/Sep/26 3:10 PM,,05/Oct/26,QA-3,,,\n";
    let out = run_one_file("epic-link", "jira.csv", jira.as_bytes());
    assert_eq!(metrics(&out)["kpis"][0]["numerator"].as_u64(), Some(3), "audits_completed");
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(4)));
    assert!(data_quality(&out).contains("subtask_layout"));
}

/// A list's version history is skipped only when its items come again as
/// other versions: a live SharePoint list named "Audit History" that shows
/// each item's version once, and a "History" tab of closed audits with the
/// template's version ("v2.1"), are records (stranger review 54 found the
/// first version of the rule dropping both); and a SharePoint list's Title
/// of references ("AUD-3001") beside its item number "ID" is the audit's id
/// that the actions' "Audit" lookup names (tests/fixtures/review54).
#[test]
fn version_histories_and_sharepoint_titles_are_told_from_records() {
    let base = crate::root().join("tests/fixtures/review54");
    let run = |name: &str| run_in_folder(&scratch(&format!("review54-{name}")), &base.join(name));
    let live = run("live_list_named_history");
    assert_eq!(metrics(&live)["kpis"][0]["numerator"].as_u64(), Some(3), "audits_completed");
    assert_eq!(kpi_pair(&live, "overall_good_or_better"), (Some(2), Some(3)));
    let closed = run("history_tab_of_closed_audits");
    assert_eq!(metrics(&closed)["kpis"][0]["numerator"].as_u64(), Some(5), "audits_completed");
    assert_eq!(kpi_pair(&closed, "inadequate_reaudited_in_time"), (Some(2), Some(3)));
    for out in [&live, &closed] {
        assert!(!data_quality(out).contains("version history"));
    }
    let titles = run("title_references_beside_an_id");
    assert_eq!(kpi_pair(&titles, "actions_on_time"), (Some(5), Some(8)));
}

#[test]
fn an_appsheet_apps_actions_link_to_their_audits_by_its_row_id() {
    // An AppSheet app's two tables (blind set 142's pellingham): the actions
    // name no child, only their audit's "Row ID" in a column "Audit". An
    // action with no dates is due 10 working days after its audit's
    // completion, so it is counted only when linked.
    let dir = scratch("recognition-appsheet");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Audits.csv"),
        "_RowNumber,Row ID,Child ID,Team,Auditor,Due Date,Overall grade,Date completed,Related Audit Actions\n\
2,18af7e60,5520001,Team A,Ann Vale,30/09/2026,Good,29/09/2026,16e92904\n\
3,bc2e59e5,5520002,Team B,Ben Ash,30/09/2026,Requires Improvement,25/09/2026,b3ce5e37\n\
4,c0ffee01,5520003,Team A,Ann Vale,30/09/2026,Good,21/09/2026,\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Audit Actions.csv"),
        "_RowNumber,Row ID,Audit,Action,Due Date,Assigned To,Date Done\n\
2,16e92904,18af7e60,Update the plan,,Ann Vale,09/10/2026\n\
3,b3ce5e37,bc2e59e5,Chronology,05/10/2026,Ben Ash,08/10/2026\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    // (The first is due 13/10, done 09/10; the second was done late.)
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)), "{}", data_quality(&out));
    assert!(data_quality(&out).contains("an AppSheet app's reference to the audit"));
}

#[test]
fn a_contact_whose_outcome_says_cancelled_is_no_visit() {
    // A CareFirst contacts report's "Contact Outcome" (blind set 142's
    // pellingham): "Cancelled - family not at home" is no visit, so the
    // child on a plan from 01/09 was not visited for 12 working days.
    let out = run_one_file(
        "recognition-contact-outcome",
        "contacts.csv",
        b"Client ID,Contact Type,Contact Date,Date Entered,Seen Alone,Contact Outcome\n\
5520102,Visit to Child (CP),01/09/2026,01/09/2026,Y,Completed\n\
5520102,Visit to Child (CP),10/09/2026,10/09/2026,Y,Completed\n\
5520102,Visit to Child (CP),22/09/2026,22/09/2026,Y,Cancelled - family not at home\n\
5520102,Visit to Child (CP),28/09/2026,28/09/2026,Y,Completed\n\
5520102,Visit to Child (CP),08/10/2026,08/10/2026,Y,Completed\n\
5520102,Visit to Child (CP),20/10/2026,20/10/2026,Y,Completed\n",
    );
    let dq = data_quality(&out);
    assert!(dq.contains("Cancelled - family not at home") && dq.contains("not a record"), "{dq}");
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(5), Some(5)), "{dq}");
}

#[test]
fn two_audit_dates_beside_numbered_action_dates_are_the_audits() {
    // A questionnaire extract of seed 004's audit tool (blind set 143's
    // ostermoor): the report's "Date completed" and the form's "Audit date"
    // agree, and the actions grid's "Completion date [1]" … tie with them.
    // All six were refused, so every audit KPI was "not in the exports".
    let out = run_one_file(
        "recognition-numbered-action-dates",
        "audits.csv",
        b"Child ID,Team,Auditor,Date audit details sent,Date completed,Audit date,Overall grade,Agreed action [1],Person [1],Completion date [1],Manager's sign off date [1],Agreed action [2],Person [2],Completion date [2],Manager's sign off date [2]\n\
8840001,North,Ann Vale,01/09/2026,10/09/2026,10/09/2026,Good,Update plan,Bo Kay,24/09/2026,23/09/2026,,,,\n\
8840002,North,Ann Vale,01/09/2026,12/09/2026,12/09/2026,Requires Improvement,Chronology,Bo Kay,26/09/2026,30/09/2026,Visit,Bo Kay,28/09/2026,27/09/2026\n\
8840003,South,Cy Dee,05/09/2026,15/09/2026,15/09/2026,Good,Review,Di Ell,29/09/2026,,,,,\n\
8840004,South,Cy Dee,05/09/2026,22/09/2026,22/09/2026,Inadequate,Strategy,Di Ell,06/10/2026,05/10/2026,,,,\n",
    );
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)));
    assert!(data_quality(&out).contains("is one of a numbered set (one per item): the table's own are read"));
}

#[test]
fn a_form_of_audit_moderations_and_the_date_an_audit_was_received() {
    // Seed 004's audits as a form's responses beside a second form of
    // moderations (blind set 142's wyvernden): "Audit Moderation.csv" names
    // moderations of audits, not audits of its own, so its rows are the
    // audits' moderations, linked by child; "Date audit received" is when the
    // auditor received the audit (seed 004: "within 2 weeks of receiving
    // audit"), the allocation.
    let dir = scratch("recognition-audit-moderation-form");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Audit Moderation.csv"),
        "Child's ID number,Date moderated,Moderator,Moderator's judgement - 12. How has the help provided improved outcomes?\n\
7740001,2026-09-10,Sal Grey,Meets good\n7740002,2026-09-20,Sal Grey,Does not meet good\n7740003,2026-10-08,Sal Grey,Meets good\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Full Audit Tool.csv"),
        "Auditor name,Audit date,Date audit received,Child's ID number,Team,12. How has the help provided improved outcomes?\n\
Ann Vale,2026-09-07,2026-09-01,7740001,North,Meets good\n\
Ann Vale,2026-09-18,2026-09-01,7740002,North,Meets good\n\
Bo Kay,2026-10-01,2026-09-25,7740003,South,Meets good\n\
Bo Kay,2026-10-20,2026-10-01,7740004,South,Exceeds good\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(3), Some(4)), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(2), Some(3)), "{dq}");
    // (Due 14 days after receipt: the second, received 01/09 and done 18/09,
    // and the fourth, received 01/10 and done 20/10, late.)
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(4)), "{dq}");
}

#[test]
fn a_contact_whose_outcome_says_no_access_is_a_note_not_a_visit() {
    // "Contact Outcome" of "No access - no one home" and "Child not seen - at
    // school" beside a seen-alone column (review 236's c26): no statutory
    // visit, so the CP child went 15 working days unvisited (07/09 to 28/09).
    let out = run_one_file(
        "recognition-contact-outcome-no-access",
        "contacts.csv",
        b"Client ID,Contact Type,Contact Date,Date Entered,Seen Alone,Contact Outcome\n\
5520102,Visit to Child (CP),28/08/2026,28/08/2026,Y,Completed\n\
5520102,Visit to Child (CP),07/09/2026,07/09/2026,Y,Completed\n\
5520102,Visit to Child (CP),16/09/2026,16/09/2026,,No access - no one home\n\
5520102,Visit to Child (CP),17/09/2026,17/09/2026,,Child not seen - at school\n\
5520102,Visit to Child (CP),28/09/2026,28/09/2026,Y,Completed\n\
5520102,Visit to Child (CP),08/10/2026,08/10/2026,N,Completed\n\
5520102,Visit to Child (CP),20/10/2026,20/10/2026,Y,Completed\n",
    );
    std::fs::write(out.parent().unwrap().join("in/legal.csv"), "Client ID,Legal Status,Start Date,End Date\n5520102,Child Protection Plan,01/08/2026,\n")
        .unwrap();
    let out = run_in_folder(out.parent().unwrap(), &out.parent().unwrap().join("in"));
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(1)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(4)));
}

#[test]
fn a_visit_outcome_beside_a_seen_alone_column_is_the_notes_status() {
    // "Seen alone" and "Visit Outcome" ("Completed", "Cancelled") both
    // matched seen alone and neither was used (review 236's c25): the one
    // naming "alone" is seen alone, and the outcome the note's status, so
    // the cancelled visit leaves a 15-working-day CP gap.
    let out = run_one_file(
        "recognition-visit-outcome-status",
        "notes.csv",
        b"Child ID,Note type,Event date,Recorded date,Seen alone,Visit Outcome\n\
C200001,Statutory visit - CP,2026-08-28,2026-08-28,Yes,Completed\n\
C200001,Statutory visit - CP,2026-09-08,2026-09-08,Yes,Completed\n\
C200001,Statutory visit - CP,2026-09-18,2026-09-18,Yes,Cancelled\n\
C200001,Statutory visit - CP,2026-09-29,2026-09-29,No,Completed\n\
C200001,Statutory visit - CP,2026-10-12,2026-10-12,Yes,Completed\n\
C200001,Statutory visit - CP,2026-10-23,2026-10-23,Yes,Completed\n",
    );
    let dir = out.parent().unwrap();
    std::fs::write(dir.join("in/legal.csv"), "Child ID,Legal status,Start date,End date\nC200001,Child Protection Plan,2026-05-01,\n").unwrap();
    let out = run_in_folder(dir, &dir.join("in"));
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(1)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(4)));
}

#[test]
fn a_form_grid_of_whom_the_auditor_spoke_to_is_read_person_by_person() {
    // A Google Forms grid "Spoke to [Child / young person]", "… [Parents or
    // carers]", "… [Allocated social worker]" (Yes / No / Not applicable;
    // review 236's c10): its rows are people, not questions. The three KPIs
    // were "not in the exports".
    let out = run_one_file(
        "recognition-form-grid-spoke-to",
        "responses.csv",
        b"Timestamp,Child ID,Auditor name,Team,Date audit completed,Overall judgement,Spoke to [Child / young person],Spoke to [Parents or carers],Spoke to [Allocated social worker]\n\
10/09/2026 10:00:00,300091,Jo Bell,Safeguarding Team 2,10/09/2026,Good,Yes,Yes,Yes\n\
12/09/2026 10:00:00,300092,Jo Bell,Safeguarding Team 2,12/09/2026,Good,No,No,Yes\n\
14/09/2026 10:00:00,300093,Sam Roy,Children in Care Team 1,14/09/2026,Good,Not applicable,Yes,Yes\n",
    );
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(3), Some(3)), "{dq}");
    assert!(dq.contains("grid of whom the auditor spoke to"), "{dq}");
}

#[test]
fn a_summary_workbooks_grades_by_team_tab_is_no_table_of_audits() {
    // Last cycle's summary left in the folder (blind set 145): a "Grades by
    // team" tab of counts, one column per grade, each 0 or 1 here, and a
    // "% good or better". Its 1s were read as marks, the tab as audits with
    // no child id, and the whole run stopped (exit 1).
    let dir = scratch("recognition-grades-by-team-summary");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("tracker.csv"),
        "Child ID,Team,Date audit completed,Overall judgement\n400001,North District,10/09/2026,Inadequate\n400002,South District,12/09/2026,Good\n",
    )
    .unwrap();
    let grades: &[&[&str]] = &[
        &["Team", "Outstanding", "Good", "Requires Improvement", "Inadequate", "% good or better"],
        &["North District", "0", "0", "0", "1", "0"],
        &["South District", "0", "0", "0", "1", "0"],
        &["Leaving Care Team", "0", "1", "0", "0", "1"],
    ];
    let measures: &[&[&str]] = &[&["Measure", "Numerator", "Denominator", "Result"], &["Good or better", "1", "3", "0.33"]];
    std::fs::write(input.join("Audits Jul-Aug summary for CLT.xlsx"), workbook(&[("Summary", measures), ("Grades by team", grades)])).unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dq = data_quality(&out);
    assert!(dq.lines().any(|l| l.contains("sheet_skipped") && l.contains("Grades by team")), "{dq}");
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
}

#[test]
fn a_case_note_by_a_test_account_is_no_visit() {
    // Blind sets 144 and 145: a trainer's visit to a made-up person, its
    // author "Test SW" or "Test User" (the test's audit named the child
    // "TEST", not its id), was counted in seen alone and recording in time.
    // A child whose every note is a test's, its id made up (6600000), is a
    // test child: its CP plan goes too. A real worker's note on a real child
    // stays.
    let out = run_one_file(
        "recognition-test-account-notes",
        "notes.csv",
        b"Person ID,Case Note Type,Event Date,Date Entered,Seen Alone?,Worker\n\
4410001,Statutory Visit - CP,07/09/2026,07/09/2026,Yes,Amara Lindqvist\n\
4410001,Statutory Visit - CP,18/09/2026,18/09/2026,No,Amara Lindqvist\n\
6600000,Statutory Visit - CP,10/09/2026,10/09/2026,Yes,Test SW\n\
6600000,Statutory Visit - CP,15/10/2026,30/10/2026,,Test User\n\
4410807,Case Note,15/09/2026,15/09/2026,,Test SW\n",
    );
    let dir = out.parent().unwrap();
    std::fs::write(
        dir.join("in/legal.csv"),
        "Person ID,Legal Status,Start Date,End Date,Team\n4410001,Child Protection Plan,01/09/2026,25/09/2026,CP North\n\
         6600000,Child Protection Plan,01/08/2026,,CP North\n4410807,Child Protection Plan,01/08/2026,,CP North\n\
         9120456,Child Protection Plan,01/09/2026,,LCS Test Team\n",
    )
    .unwrap();
    let out = run_in_folder(dir, &dir.join("in"));
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(2), Some(2)), "{dq}");
    // (4410807, a real child's id whose only note is a test account's, keeps
    // its plan, unvisited: review 237's c48. A plan of a test team goes.)
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)), "{dq}");
    assert!(dq.contains("test account"), "{dq}");
    let set_aside = |child: &str| dq.lines().any(|l| l.contains("row_set_aside") && l.contains("test child") && l.contains(&format!("'{child}'")));
    assert!(set_aside("6600000") && set_aside("9120456") && !set_aside("4410807"), "{dq}");
}

#[test]
fn an_audit_row_whose_comment_or_auditor_says_test_is_set_aside() {
    // Blind set 144's marlcombe: a row of a made-up child "0000000" by "QA
    // test (delete)", its comment "TEST ROW – do not count", was counted as
    // an audit due 02/10 and not done (audits_on_time 6/9 for 6/8).
    let out = run_one_file(
        "recognition-test-row-comment",
        "log.csv",
        "Case ID,Team,Auditor,Date allocated,Date due,Date completed,Overall grade,Comments\n\
         5510001,North,Rowan Pike,01/09/2026,29/09/2026,20/09/2026,Good,\n\
         5510002,North,Rowan Pike,01/09/2026,29/09/2026,,,\n\
         5510003,South,Idris Vale,01/09/2026,29/09/2026,25/09/2026,Good,\n\
         0000000,North,QA test (delete),04/09/2026,02/10/2026,,,\n\
         0000001,South,Idris Vale,04/09/2026,02/10/2026,,,TEST ROW – do not count\n"
            .as_bytes(),
    );
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)), "{dq}");
    assert_eq!(dq.matches("a test or preview response").count(), 2, "{dq}");
}

#[test]
fn a_tasks_reports_task_completed_is_the_actions_completion() {
    // Blind set 145's ormsby: a CareFirst tasks report of QA recommendations,
    // "Task Created" / "Task Completed" / "Task Status": the completion was
    // not read, so actions_on_time and actions_overdue were "not in the
    // exports".
    let out = run_one_file(
        "recognition-task-completed",
        "Tasks_QA_Recommendations_2026.csv",
        b"Client ID,Observation ID,Task Type,Actions,Timescale,Task Created,Task Completed,Task Status\n\
5500006,880005,QA Recommendation,Strategy discussion with police,28/09/2026,14/09/2026,27/09/2026,Completed\n\
5500007,880006,QA Recommendation,Add GP and school nurse to key information,30/09/2026,20/09/2026,02/10/2026,Completed\n\
5500005,880004,QA Recommendation,Parenting assessment to be commissioned,30/09/2026,10/09/2026,,Open\n",
    );
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1), "{dq}");
}

#[test]
fn a_summary_workbooks_data_tab_is_an_extract_not_more_audits() {
    // Blind set 145's pendlecombe: last cycle's report workbook keeps the
    // pivot's source on a "Data" tab (child, team, date, grade). Its
    // inadequate audits were counted again beside the tracker's
    // (inadequate_reaudited_in_time 2/6 for 1/3, silently).
    let dir = scratch("recognition-summary-data-tab");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Learning Audit Tracker 2026.csv"),
        "Audit ref,Date allocated,Audit deadline,Date of the Audit,Name of Auditor,Name of Team,Child's ID.,Auditors' Grade\n\
         A10,01/07/2026,31/08/2026,08/07/2026,Ruth Ansell,FS South,441010,Inadequate\n\
         A11,01/07/2026,31/08/2026,28/08/2026,Omar Pell,FS North,441011,Inadequate\n\
         A13,01/07/2026,31/08/2026,31/08/2026,Omar Pell,Disabled Children,441013,Good\n\
         A20,01/09/2026,31/10/2026,05/09/2026,Ruth Ansell,FS South,441010,Requires Improvement\n",
    )
    .unwrap();
    let data: &[&[&str]] = &[
        &["Child's ID.", "Name of Team", "Date of the Audit", "Auditors' Grade"],
        &["441010", "FS South", "08/07/2026", "Inadequate"],
        &["441011", "FS North", "28/08/2026", "Inadequate"],
        &["441013", "Disabled Children", "31/08/2026", "Good"],
    ];
    let pivot: &[&[&str]] = &[&["Row Labels", "Count"], &["Inadequate", "2"], &["Good", "1"], &["Grand Total", "3"]];
    std::fs::write(input.join("Audit compliance report Jul-Aug 2026 - summary.xlsx"), workbook(&[("Pivot", pivot), ("Data", data)])).unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(1), Some(2)), "{dq}");
    assert_eq!(dq.matches("an extract of the records").count(), 3, "{dq}");
}

#[test]
fn a_copy_taken_of_a_tracker_is_the_earlier_version() {
    // Blind set 145's brantwick: "Copy of KSS Case Audit Tracker 2026.xlsx",
    // a copy taken on 19/10, beside the tracker kept up to date: where the
    // two differ (a date typed 01/10 then put right to 01/09, a grade
    // changed), both were counted, silently (audits_completed 11 for 9).
    let dir = scratch("recognition-copy-of-tracker");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let header = "Month,Child ID,Team,Auditor,Allocated date,Date finalised,Overall judgement\n";
    std::fs::write(
        input.join("KSS Case Audit Tracker 2026.csv"),
        format!("{header}Sep,720021,CP1,Lena Orme,01/09/2026,20/09/2026,Good\nSep,720022,CP2,Lena Orme,01/09/2026,01/09/2026,Good\nSep,720025,CP1,Tariq Hale,01/09/2026,25/09/2026,Requires improvement with elements of good practice\n"),
    )
    .unwrap();
    std::fs::write(
        input.join("Copy of KSS Case Audit Tracker 2026.csv"),
        format!("{header}Sep,720021,CP1,Lena Orme,01/09/2026,20/09/2026,Good\nSep,720022,CP2,Lena Orme,01/09/2026,01/10/2026,Good\nSep,720025,CP1,Tariq Hale,01/09/2026,25/09/2026,Requires Improvement\n"),
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)), "{dq}");
}

#[test]
fn a_reports_header_with_no_rows_under_it_is_no_form() {
    // Blind set 145's ormsby: February's report had nothing to report, its
    // header under the title lines and then "Total rows: 0". It was read as a
    // form whose "Client ID" was answered "Observation ID": an audit of no
    // one, with warnings of a missing date and grade.
    let dir = scratch("recognition-header-without-rows");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let header = "Client ID,Observation ID,Observation Type,Observation Status,Team (Org Unit),Auditor,Allocated Date,Due Date,Overall evaluation,Part A completed,Part B completed\n";
    std::fs::write(
        input.join("QA_Observations_Completed_2026-02.csv"),
        format!(
            "Ormsby Council – CareFirst Report: Quality Audit observations completed (Part B) in month\nReport run: 01/03/2026 08:00\n{header}Total rows: 0\n"
        ),
    )
    .unwrap();
    std::fs::write(
        input.join("QA_Observations_Completed_2026-09.csv"),
        format!("Ormsby Council – CareFirst Report\nReport run: 01/10/2026 08:00\n{header}5500001,880001,Quality Audit,Authorised,CP1,Rhea Dunn,01/09/2026,30/09/2026,Good,10/09/2026,15/09/2026\nTotal rows: 1\n"),
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let audits = rows(&out.join("normalised/audits.csv"));
    assert_eq!(audits.iter().map(|a| a["child_id"].as_str()).collect::<Vec<_>>(), ["5500001"], "{}", data_quality(&out));
}

#[test]
fn a_copy_worked_on_and_a_log_of_its_own_are_not_set_aside() {
    // Review 238's c13: the copy holds completions the original does not (it
    // was worked on): the completed version is used, whatever the names.
    // Its c04: a re-audit log with a column of its own ("Audit type") whose
    // re-audit falls on the original's day is no extract of the tracker.
    let dir = scratch("recognition-copy-worked-on");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let header = "Child ID,Team,Auditor,Date allocated,Date due,Date completed,Overall grade\n";
    std::fs::write(input.join("Audit tracker.csv"), format!("{header}101301,CIN Team,Bob Lane,01/09/2026,30/09/2026,15/09/2026,Good\n101302,CIN Team,Bob Lane,01/10/2026,31/10/2026,,\n101303,CIN Team,Bob Lane,01/10/2026,31/10/2026,,\n")).unwrap();
    std::fs::write(
        input.join("Copy of Audit tracker.csv"),
        format!("{header}101301,CIN Team,Bob Lane,01/09/2026,30/09/2026,15/09/2026,Good\n101302,CIN Team,Bob Lane,01/10/2026,31/10/2026,20/10/2026,Good\n101303,CIN Team,Bob Lane,01/10/2026,31/10/2026,28/10/2026,Requires Improvement\n"),
    )
    .unwrap();
    std::fs::write(
        input.join("tracker 2.csv"),
        "Child ID,Team,Auditor,Date allocated,Date due,Date completed,Overall grade\n100401,Safeguarding Team,Ann Reed,01/09/2026,30/09/2026,10/09/2026,Inadequate\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Re-audit log.csv"),
        "Child ID,Team,Audit type,Date completed,Overall grade\n100401,Safeguarding Team,Re-audit,10/09/2026,Inadequate\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(5), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(5)), "{dq}");
}

#[test]
fn a_tracker_with_moderation_columns_beside_its_extract_is_no_moderation_log() {
    // Review 238's c06: the tracker (allocation date, whom the auditor spoke
    // to, "Moderated", "Moderator agrees") read after a summary's sparse
    // "Data" tab of the same three audits was taken for a moderation log of
    // them: moderation 3/3 for 1/3, and spoken-to "not in the exports".
    let dir = scratch("recognition-tracker-beside-extract");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let data: &[&[&str]] = &[
        &["Child ID", "Team", "Date completed", "Overall grade"],
        &["100601", "Assessment Team", "2026-09-15", "Good"],
        &["100602", "Assessment Team", "2026-09-18", "Requires Improvement"],
        &["100603", "CIN Team", "2026-10-07", "Outstanding"],
    ];
    let pivot: &[&[&str]] = &[&["Team", "Count"], &["Assessment Team", "2"], &["CIN Team", "1"]];
    std::fs::write(input.join("summary.xlsx"), workbook(&[("Pivot", pivot), ("Data", data)])).unwrap();
    std::fs::write(
        input.join("tracker.csv"),
        "Child ID,Team,Auditor,Date allocated,Date completed,Overall grade,Child spoken to,Family spoken to,SW spoken to,Moderated,Moderator agrees\n\
         100601,Assessment Team,Ann Reed,2026-09-01,2026-09-15,Good,Yes,Yes,Yes,Yes,Yes\n\
         100602,Assessment Team,Bob Lane,2026-09-01,2026-09-18,Requires Improvement,No,Yes,Yes,No,\n\
         100603,CIN Team,Cara Moss,2026-09-02,2026-10-07,Outstanding,Yes,Yes,Yes,No,\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(1), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)), "{dq}");
}

#[test]
fn a_row_its_corrected_version_leaves_out_is_not_counted() {
    // Blind set 32's aldercliffe: "… to 31-08-2026 v2 corrected" is the whole
    // return sent again; the first had one child's id mistyped (a letter O
    // for a zero) and one audit's date typed 9 days out. Both rows, found
    // in no later export, were counted beside their corrections.
    let dir = scratch("recognition-revised-away");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let header = "Child's ID.,Name of Team,Name of Auditor,Date of the Audit,Auditors' Grade\n";
    let rows = |typo: &str, moved: &str| {
        format!(
            "{header}AL40101,FS South,Ruth Ansell,03/09/2026,Good\nAL40102,FS North,Omar Pell,07/09/2026,Good\n{typo},FS North,Omar Pell,10/09/2026,Requires Improvement\n\
             AL40104,FS South,Ruth Ansell,{moved},Good\nAL40105,FS South,Ruth Ansell,21/09/2026,Inadequate\nAL40106,FS North,Omar Pell,24/09/2026,Good\n"
        )
    };
    std::fs::write(input.join("Learning audit returns 2026 to 30-09-2026.csv"), rows("AL4O103", "05/10/2026")).unwrap();
    std::fs::write(input.join("Learning audit returns 2026 to 30-09-2026 v2 corrected.csv"), rows("AL40103", "14/09/2026")).unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(6), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(4), Some(6)), "{dq}");
    assert_eq!(dq.matches("not in the corrected version of this export").count(), 2, "{dq}");
    // (A later run of a report is no revision of it: a row it no longer
    // holds is an audit still.)
    let dir = scratch("recognition-later-run-no-revision");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("Learning audit returns 2026 to 30-09-2026.csv"), rows("AL4O103", "05/10/2026")).unwrap();
    std::fs::write(input.join("Learning audit returns 2026 to 31-10-2026.csv"), rows("AL40103", "14/09/2026")).unwrap();
    let out = run_in_folder(&dir, &input);
    assert!(!data_quality(&out).contains("not in the corrected version"), "{}", data_quality(&out));
}

#[test]
fn the_next_audits_deadline_is_no_due_date_and_a_form_stage_is_the_status() {
    // Blind set 146's ellerdyke (seed 003, Liquidlogic): "Inadequate:
    // re-audit due by" was read as each audit's due date (matched on "due
    // by"), silently moving audits in and out of audits_on_time; and "Form
    // stage" was not read, so an allocation cancelled when its exemption was
    // agreed counted as due and not done.
    let dir = scratch("recognition-reaudit-due-by");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("LCS Case File Audit (KSS) report.csv"),
        "Form ID,Person ID,Date allocated,Form stage,Date finalised by auditor,Overall judgement,Inadequate: re-audit due by\n\
         51101,6210001,01/07/2026,TM confirmed – closed,20/07/2026,Inadequate,20/09/2026\n\
         51180,6210004,01/09/2026,Finalised – with Team Manager (drafts),22/09/2026,Good,\n\
         51182,6210001,01/09/2026,Finalised – with Team Manager (drafts),16/09/2026,Inadequate,16/11/2026\n\
         51183,6210007,01/09/2026,Cancelled – exemption agreed,,,\n\
         51184,6210008,01/09/2026,TM confirmed – closed,30/09/2026,Good,\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    // (Due the end of the allocation month, seed 003: three due in Sep, all on time.)
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(3)), "{dq}");
    assert!(dq.contains("Cancelled – exemption agreed"), "{dq}");
}

#[test]
fn moderation_actions_are_set_the_day_of_the_moderation() {
    // Blind set 146's hollowmere (seed 000): a sheet of moderation actions
    // ("Action: / Who By: / Timeframe:") beside "Date of moderation audit:".
    // "10 working days" ran from the audit's date, so an action done on time
    // was late.
    let dir = scratch("recognition-moderation-actions");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let audits: &[&[&str]] = &[
        &["Child's ID.", "Date of the Audit", "Auditors' Grade", "Name of Team"],
        &["4100107", "12/10/2026", "Good", "CIN North"],
        &["4100104", "01/09/2026", "Requires Improvement", "CP South"],
    ];
    let actions: &[&[&str]] = &[
        &["MODERATION AUDIT – actions"],
        &["Child's ID.", "Date of the Audit", "Date of moderation audit:", "Name of moderator:", "Action:", "Who By:", "Timeframe:", "Date completed"],
        &["4100107", "12/10/2026", "16/10/2026", "Martin Cole", "TM to record the step-down rationale", "Team Manager", "10 working days", "28/10/2026"],
        &["4100104", "01/09/2026", "11/09/2026", "Eleanor Pyke", "Auditor to add evidence of impact", "SW", "10 working days", "24/09/2026"],
    ];
    std::fs::write(input.join("Learning audit returns.xlsx"), workbook(&[("Learning Audit", audits), ("Moderation actions", actions)])).unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(2)), "{dq}");
}

#[test]
fn review_239s_near_misses_of_the_sessions_rules_read_as_the_council_means() {
    // c02: a moderation log named so, with the date each audit went to its
    // moderator ("Date allocated"), is still a log, not a tracker (12
    // audits for 8, coverage 4/4 for 4/8).
    let tracker = "Child ID,Team,Auditor,Date allocated,Date completed,Overall judgement,Child spoken to\n\
                   100201,CP North,Anna Reeve,01/09/2026,18/09/2026,Good,Yes\n\
                   100202,CP North,Ben Oduya,01/09/2026,29/09/2026,Requires Improvement,No\n\
                   100203,CIN East,Carla Mends,01/09/2026,10/10/2026,Inadequate,Yes\n\
                   100205,CLA,Anna Reeve,01/10/2026,15/10/2026,Outstanding,Yes\n";
    let dir = scratch("recognition-review239-c02");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("Audit tracker Sep-Oct 2026.csv"), tracker).unwrap();
    std::fs::write(
        input.join("Moderation log 2026-27.csv"),
        "Child ID,Date of audit,Moderator,Date allocated,Date moderated,Moderated,Moderator agrees,Moderator grade\n\
         100201,18/09/2026,Helen Fry,05/10/2026,20/10/2026,Yes,Yes,Good\n\
         100203,10/10/2026,Helen Fry,05/10/2026,20/10/2026,Yes,Yes,Inadequate\n\
         100205,15/10/2026,Helen Fry,05/10/2026,20/10/2026,Yes,No,Good\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(3), Some(4)), "{dq}");
    // c12: a revision sent for the period alone leaves the earlier months'
    // rows of the first file as they were (the July inadequate audit and
    // its re-audit in time were lost: 0/0 for 1/1).
    let header = "Child ID,Team,Auditor,Date allocated,Date completed,Overall judgement\n";
    let period = "100190,CP North,Carla Mends,20/08/2026,02/09/2026,Good\n100201,CP North,Anna Reeve,01/09/2026,18/09/2026,Good\n\
                  100202,CP North,Ben Oduya,01/09/2026,29/09/2026,Requires Improvement\n100204,CIN East,Dev Kaur,01/09/2026,22/09/2026,Good\n";
    let dir = scratch("recognition-review239-c12");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Audit returns 2026-27.csv"),
        format!("{header}100190,CP North,Anna Reeve,01/07/2026,10/07/2026,Inadequate\n100191,CP North,Ben Oduya,01/07/2026,15/07/2026,Requires Improvement\n{period}100206,CLA,Ben Oduya,01/10/2026,30/10/2026,Good\n"),
    )
    .unwrap();
    std::fs::write(input.join("Audit returns 2026-27 revised.csv"), format!("{header}{period}100206,CLA,Ben Oduya,01/10/2026,29/10/2026,Good\n")).unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(1), Some(1)), "{dq}");
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(5), "{dq}");
    // c23: an exemption asked for and refused leaves the audit due.
    let dir = scratch("recognition-review239-c23");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Audit allocations.csv"),
        "Child ID,Team,Auditor,Date allocated,Date completed,Overall judgement,Workflow stage\n\
         100201,CP North,Anna Reeve,01/09/2026,18/09/2026,Good,Completed (moderation cancelled)\n\
         100209,CP North,Ben Oduya,01/09/2026,,,Exemption requested - refused by HoS\n\
         100210,CP North,Ben Oduya,01/09/2026,,,Exemption agreed by AD\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1), "{dq}");
}

#[test]
fn a_data_tab_listing_two_same_day_audits_of_one_child_is_still_an_extract() {
    // Review 238's c09: the tracker has two audits of one child on one day
    // (a practice audit and a dip sample, both Good); the summary's "Data"
    // tab lists both rows alike. They were counted three times.
    let dir = scratch("recognition-extract-two-same-day");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("tracker.csv"),
        "Child ID,Team,Auditor,Date allocated,Date completed,Overall grade,Child spoken to,Family spoken to,SW spoken to\n\
         100901,CP Team,Ann Reed,2026-09-01,2026-09-21,Good,Yes,Yes,Yes\n\
         100901,CP Team,Eve Cole,2026-09-01,2026-09-21,Good,No,Yes,Yes\n",
    )
    .unwrap();
    let data: &[&[&str]] =
        &[&["Child ID", "Team", "Date completed", "Overall grade"], &["100901", "CP Team", "2026-09-21", "Good"], &["100901", "CP Team", "2026-09-21", "Good"]];
    std::fs::write(input.join("summary.xlsx"), workbook(&[("Data", data)])).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2), "{}", data_quality(&out));
}

#[test]
fn a_lists_sheet_is_no_audits_and_an_id_in_scientific_notation_is_said() {
    // Blind set 147: a tracker's "Lookups" sheet of the drop-downs' children
    // and moderators was read as undated audits (teamed "Lists" where no
    // team column); a long id saved from Excel as "4.01235E+11" was kept
    // without a word.
    let dir = scratch("recognition-lists-and-scientific-ids");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let audits: &[&[&str]] = &[&["Child ID", "Team", "Date completed", "Overall grade"], &["71204", "Assessment Team", "10/09/2026", "Good"]];
    let lists: &[&[&str]] = &[&["Child ID", "Moderator"], &["71204", "Priya Hollins"], &["71206", "Tom Aske"]];
    std::fs::write(input.join("Learning Audit Tracker.xlsx"), workbook(&[("Sep-Oct 26", audits), ("Lists", lists)])).unwrap();
    // (A CSV saved from Excel keeps what the cell showed.)
    std::fs::write(input.join("Tier 2 audits Sep-Oct 2026.csv"), "Child ID,Team,Date completed,Overall grade\n4.01235E+11,Children in Care,14/09/2026,Good\n")
        .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    let audits = rows(&out.join("normalised/audits.csv"));
    assert_eq!(audits.len(), 2, "{dq}");
    assert!(dq.contains("child_id_scientific"), "{dq}");
    assert!(dq.contains("named as the workbook's lists"), "{dq}");
}

#[test]
fn review_240s_near_misses_of_the_later_rules_read_as_the_council_means() {
    // c26, c27: an exemption withdrawn or unauthorised leaves the audit due.
    let dir = scratch("recognition-review240-exemptions");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("Audit allocations.csv"),
        "Child ID,Team,Auditor,Date allocated,Date completed,Overall judgement,Form stage\n\
         100301,CP North,Anna Reeve,01/09/2026,18/09/2026,Good,Completed\n\
         100302,CP North,Ben Oduya,01/09/2026,,,Exemption withdrawn\n\
         100303,CP North,Ben Oduya,01/09/2026,,,Exemption unauthorised\n\
         100304,CP North,Ben Oduya,01/09/2026,,,Exemption authorised\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)), "{}", data_quality(&out));
    // c05: the month's sample with its grades on a sheet called "List" is
    // records, not the workbook's drop-downs.
    let dir = scratch("recognition-review240-list-of-records");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let list: &[&[&str]] = &[
        &["Child ID", "Team", "Auditor", "Overall grade"],
        &["100401", "CP North", "Anna Reeve", "Good"],
        &["100402", "CIN East", "Ben Oduya", "Requires Improvement"],
    ];
    std::fs::write(input.join("September 2026 audit sample.xlsx"), workbook(&[("List", list)])).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(rows(&out.join("normalised/audits.csv")).len(), 2, "{}", data_quality(&out));
}

#[test]
fn a_councils_plain_words_for_the_audit_fields_are_read() {
    // Blind set 148: a tracker rebuilt in a council's house style. "How good
    // was the work overall?", "Did we hear from the child?" and "Did we hear
    // from mum, dad or carers?" were read as unplaced domains, "Needs doing
    // by" not at all, and a sheet called "Case notes" skipped as notes.
    let dir = scratch("recognition-house-style");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let tracker: &[&[&str]] = &[
        &[
            "Child",
            "Team",
            "Who looked at the file?",
            "Needs doing by",
            "When was the audit signed off?",
            "How good was the work overall?",
            "Did we hear from the child?",
            "Did we hear from mum, dad or carers?",
        ],
        &["510001", "North", "Ann Reed", "30/09/2026", "25/09/2026", "Good", "Yes", "No"],
        &["510002", "North", "Ann Reed", "30/09/2026", "02/10/2026", "Requires Improvement", "No", "Yes"],
    ];
    let notes: &[&[&str]] = &[
        &["Child ID", "Note type", "Event date", "Date recorded", "Seen alone"],
        &["510001", "CP Visit", "03/09/2026", "04/09/2026", "Yes"],
        &["510001", "CP Visit", "15/09/2026", "16/09/2026", "Yes"],
    ];
    std::fs::write(input.join("Audit tracker.xlsx"), workbook(&[("Tracker", tracker), ("Case notes", notes)])).unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(2)), "{dq}");
}

#[test]
fn grades_written_as_their_initials_are_read() {
    // Blind set 148's marlcombe and threlkeld: a drop-down of O / G / RI / I
    // (blind set 122's header says so: "Moderator's Grade: (O / G / RI /
    // I)"). "G" and "RI" were read, "O" and "I" matched no scale, so an
    // inadequate audit's re-audit went uncounted.
    let out = run_one_file(
        "recognition-grade-initials",
        "Audit tracker.csv",
        b"Child ID,Team,Date completed,Overall grade\n\
          520001,North,10/07/2026,I\n\
          520001,North,02/09/2026,G\n\
          520002,North,15/09/2026,O\n\
          520003,North,20/09/2026,RI\n",
    );
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(1), Some(1)), "{dq}");
}

#[test]
fn a_councils_plain_words_for_actions_visits_legal_status_and_test_rows_are_read() {
    // Blind set 148's hollinsby: "What needs to happen next?" was no action
    // text (the run exited 1: "the actions table has no text column");
    // "Plan or status | Started | Ended" was no legal-status table; "Seen
    // on own?" was left unread as child seen or seen alone; a row of "Test
    // team (perf)" noted "TEST ROW - please ignore" under "Anything else"
    // was counted.
    let dir = scratch("recognition-house-style-2");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let tracker: &[&[&str]] = &[
        &["Child no.", "Child's team", "When was the audit signed off?", "How good was the work overall?", "Anything else"],
        &["530001", "North", "10/09/2026", "Good", ""],
        &["9999999", "Test team (perf)", "12/09/2026", "Inadequate", "TEST ROW - please ignore"],
    ];
    let actions: &[&[&str]] = &[
        &["Child no.", "What needs to happen next?", "Who's doing it?", "By when?", "Done on"],
        &["530001", "Update the chronology", "SW", "24/09/2026", "23/09/2026"],
    ];
    std::fs::write(input.join("Audit tracker.xlsx"), workbook(&[("Tracker", tracker), ("Actions", actions)])).unwrap();
    std::fs::write(input.join("Legal status.csv"), "Child no.,Plan or status,Started,Ended\n530001,CP,01/08/2026,\n").unwrap();
    std::fs::write(
        input.join("Contacts.csv"),
        "Child no.,Type of contact,Date of contact,Date typed up,Seen on own?\n530001,CP Visit,01/09/2026,02/09/2026,Yes\n530001,CP Visit,11/09/2026,12/09/2026,No\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(1)), "{dq}");
    // (Recorded either way: seen alone once, not the other time.)
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(2)), "{dq}");
    assert!(kpi_pair(&out, "cp_visits_in_time").1.is_some_and(|d| d > 0), "{dq}");
}

#[test]
fn a_reports_one_identifier_headed_id_is_the_childs() {
    // Blind set 148's threlkeld: a case-management report of case notes and
    // legal status whose one identifier is headed "ID" (and "Added to
    // system" its recording date): both tables were rejected, "required
    // column missing", and every visit KPI was "not in the exports".
    let dir = scratch("recognition-bare-id");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let notes: &[&[&str]] = &[
        &["ID", "Note type", "Event date", "Added to system", "Alone?"],
        &["540001", "CP Visit", "01/09/2026", "02/09/2026", "Y"],
        &["540001", "CP Visit", "11/09/2026", "12/09/2026", "N"],
        &["540001", "CP Visit", "22/09/2026", "23/09/2026", "Y"],
    ];
    let legal: &[&[&str]] = &[
        &["ID", "What's in place", "Start", "End"],
        &["540001", "CP Plan", "01/08/2026", ""],
        &["540002", "Looked after", "01/06/2026", ""],
        &["540003", "CIN Plan", "01/05/2026", "30/09/2026"],
    ];
    std::fs::write(input.join("Case notes and legal status.xlsx"), workbook(&[("Case notes", notes), ("Legal status", legal)])).unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(3), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(3), Some(3)), "{dq}");
    assert!(kpi_pair(&out, "cp_visits_in_time").1.is_some_and(|d| d > 0), "{dq}");
}

#[test]
fn a_councils_own_grade_words_are_read_through_its_key_sheet() {
    // Blind set 148's dunmere: a council grading in its own words, explained
    // on a key sheet by the grades they mean ("Strong | better than good -
    // outstanding practice"). The overall was unused ("values are not
    // grades the crosswalk knows") and overall_good_or_better was "not in the
    // exports". Other words here than the set's.
    let tracker: &[&[&str]] = &[
        &["Case ref", "Team", "Completed on", "Overall rating"],
        &["550001", "North", "10/09/2026", "Excellent"],
        &["550002", "North", "11/09/2026", "Solid"],
        &["550003", "South", "12/09/2026", "Developing"],
        &["550004", "South", "14/09/2026", "Weak"],
        &["550005", "South", "15/09/2026", "Solid"],
    ];
    let key: &[&[&str]] = &[
        &["Rating guide", ""],
        &["Overall rating", "What it means"],
        &["Excellent", "Better than good: outstanding"],
        &["Solid", "Good"],
        &["Developing", "Requires improvement to be good"],
        &["Weak", "Inadequate - children not safe"],
    ];
    let with_key = run_one_file("own-grade-words-key", "Audits.xlsx", &workbook(&[("Audits", tracker), ("Rating guide", key)]));
    let dq = data_quality(&with_key);
    assert_eq!(kpi_pair(&with_key, "overall_good_or_better"), (Some(3), Some(5)), "{dq}");
    assert!(dq.contains("grade_key") && dq.contains("Excellent = Outstanding"), "{dq}");
    // (No key: the words are never guessed at.)
    let without = run_one_file("own-grade-words-no-key", "Audits.xlsx", &workbook(&[("Audits", tracker)]));
    assert_eq!(metrics(&without)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "overall_good_or_better").unwrap()["not_in_source"], true);
}

#[test]
fn a_case_note_tables_type_and_date_are_found_by_their_values() {
    // Blind set 148's dunmere: visits headed "What happened" and "On" (beside
    // "Written up on"): the table was rejected, "no note type, event date
    // column", and every visit KPI was "not in the exports". Other headers
    // here than the set's.
    let notes = "Child ref,What was it,Held,Typed up,Alone?\n\
                 560001,Visit to Child (CP),01/09/2026,02/09/2026,Yes\n\
                 560001,Telephone call,05/09/2026,05/09/2026,\n\
                 560001,Visit to Child (CP),11/09/2026,12/09/2026,No\n\
                 560001,Visit to Child (CP),22/09/2026,23/09/2026,Yes\n";
    let dir = scratch("notes-by-values");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("Contacts.csv"), notes).unwrap();
    std::fs::write(input.join("Legal status.csv"), "Child ref,Legal status,Start,End\n560001,Child Protection Plan,01/08/2026,\n").unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(3), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(4), Some(4)), "{dq}");
    assert!(dq.contains("'What was it' is read as the note type") && dq.contains("'Held' is read as the event's date"), "{dq}");
    // (A second column of dates beside them: which is the event's is not
    // guessed, and the table is still refused.)
    let two = "Child ref,What was it,Held,Booked,Typed up\n560001,Visit to Child (CP),01/09/2026,28/08/2026,02/09/2026\n\
               560001,Visit to Child (CP),11/09/2026,08/09/2026,12/09/2026\n560001,Visit to Child (CP),22/09/2026,19/09/2026,23/09/2026\n";
    let out = run_one_file("notes-by-values-two-dates", "Contacts.csv", two.as_bytes());
    assert_eq!(metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "notes_recorded_in_time").unwrap()["not_in_source"], true);
}

#[test]
fn house_style_dates_lists_of_workers_and_a_moderation_sheet_are_read() {
    // Blind set 148's penhallow, marlcombe and threlkeld, in other words: a
    // bare "Date" (the day the worker was seen) beside "Date finished" was
    // taken for the completion; "Sent out" (the allocation) was unread;
    // a list of the workers spoken to was read for the child and the family
    // too (0 of 4 each), and "Nobody - SW left" as the worker spoken to; a
    // "Moderation" sheet headed "Reviewed by / Reviewed on / Reviewer's
    // grade" was read as audits; "What did the parents say?" and "Was the
    // SW part of it?" were unread, and "Not picked for parent views" was no.
    let audits: &[&[&str]] = &[
        &[
            "Audit no.",
            "Child ID",
            "Team",
            "Sent out",
            "Who did you talk to?",
            "Date",
            "Date finished",
            "Rating",
            "What did the parents say?",
            "Was the SW part of it?",
        ],
        &["A1", "570001", "North", "01/09/2026", "SW (A. Quill)", "05/09/2026", "10/09/2026", "Good", "Mum said it helped", "Y"],
        &["A2", "570002", "North", "01/09/2026", "Social worker and TM", "06/09/2026", "11/09/2026", "Good", "Not picked for parent views", "Y"],
        &["A3", "570003", "South", "01/09/2026", "Nobody - SW left, TM on leave", "", "12/09/2026", "Inadequate", "Tried - no reply", "N"],
        &["A4", "570004", "South", "02/09/2026", "SW - B. Fenn", "20/09/2026", "22/09/2026", "Requires improvement", "", "Y"],
    ];
    let moderation: &[&[&str]] = &[
        &["Audit no.", "Child ID", "Reviewed by", "Reviewed on", "Reviewer's grade"],
        &["A1", "570001", "Cal Moss", "01/10/2026", "Good"],
        &["A3", "570003", "Cal Moss", "02/10/2026", "Requires improvement"],
    ];
    let out = run_one_file("house-style-3", "Audit tracker.xlsx", &workbook(&[("Audits", audits), ("Moderation", moderation)]));
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4), "{dq}");
    let audits = rows(&out.join("normalised/audits.csv"));
    let a4 = audits.iter().find(|a| a["audit_id"] == "A4").unwrap();
    assert_eq!((a4["allocated_date"].as_str(), a4["completed_date"].as_str()), ("2026-09-02", "2026-09-22"), "{dq}");
    assert!(dq.contains("'Date' is a bare date"), "{dq}");
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(3), Some(4)), "{dq}");
    let m = metrics(&out);
    let kpi = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!(kpi("child_spoken_to")["not_in_source"], true, "{dq}");
    // (The family's own question: yes, not applicable, no, blank.)
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(4)), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)), "{dq}");
}

#[test]
fn a_failed_lookup_of_the_overall_is_read_from_its_score_through_the_key() {
    // Blind set 147's pellingford: "Overall judgement" is a lookup of
    // "Overall score" in the workbook's grade key, and on one row it failed
    // ("#N/A", the score typed as text). The score, read with the key, gives
    // the same grade wherever both are filled, so it is read where the
    // lookup gives nothing: good or better 3/5 (it was 2/4).
    let dir = scratch("failed-lookup-score");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("tracker.csv"),
        "Child ID,Date finalised,Overall score,Overall judgement\n580001,10/09/2026,2,Good\n580002,11/09/2026,4,Requires Improvement\n\
         580003,12/09/2026,2,#N/A\n580004,14/09/2026,5,Inadequate\n580005,15/09/2026,1,Outstanding\n",
    )
    .unwrap();
    std::fs::write(
        input.join("Grades key.csv"),
        "Score,Judgement\n1,Outstanding\n2,Good\n3,Requires Improvement with elements of good practice\n4,Requires Improvement\n5,Inadequate\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(5)), "{dq}");
    assert!(dq.contains("give the same grade wherever both are filled"), "{dq}");
    // (A score that disagrees with the judgement on a row is no stand-in.)
    std::fs::write(
        input.join("tracker.csv"),
        "Child ID,Date finalised,Overall score,Overall judgement\n580001,10/09/2026,2,Good\n580002,11/09/2026,4,Good\n\
         580003,12/09/2026,2,#N/A\n580004,14/09/2026,5,Inadequate\n580005,15/09/2026,1,Outstanding\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(4)), "{}", data_quality(&out));
}

#[test]
fn the_house_style_rules_do_not_fire_on_their_lookalikes() {
    // Review 241 (a stranger on blind set 148's rules): a manager's
    // "Authorised" date was taken for a note's event date, "Plan reviewed
    // until" for a plan's end, "Is the SW working alongside partner
    // agencies?" for the practitioner spoken to, and "None of the family -
    // SW only" as no one spoken to; "What did parents/carers say?" holding
    // what they said was read one answer in three.
    let notes = "Child ID,Contact,Entered on,Authorised,Seen alone\n590001,Visit to Child (CP),02/09/2026,04/09/2026,Yes\n\
                 590001,Visit to Child (CP),12/09/2026,14/09/2026,No\n590001,Telephone call,15/09/2026,17/09/2026,\n";
    let out = run_one_file("lookalike-authorised", "notes.csv", notes.as_bytes());
    let m = metrics(&out);
    let kpi = |m: &serde_json::Value, id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!(kpi(&m, "notes_recorded_in_time")["not_in_source"], true, "{}", data_quality(&out));

    let dir = scratch("lookalike-reviewed-until");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("legal.csv"), "Child ID,Legal status,Start date,Plan reviewed until\n590002,Child Protection Plan,01/08/2026,15/09/2026\n")
        .unwrap();
    std::fs::write(
        input.join("visits.csv"),
        "Child ID,Visit type,Visit date,Date recorded\n590002,CP visit,20/08/2026,21/08/2026\n590002,CP visit,01/09/2026,02/09/2026\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    // (The plan runs on: the gap from 1 September to 31 October is late.)
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(1)), "{}", data_quality(&out));

    let audits =
        "Child ID,Date audit completed,Overall grade,Is the SW working alongside partner agencies?,Who did you talk to?,What did parents/carers say?\n\
                  590011,01/09/2026,Good,No,SW,Mum happy with support\n\
                  590012,02/09/2026,Good,No,None of the family - SW only,Not spoken to - did not engage\n\
                  590013,03/09/2026,Good,Yes,Team manager,Dad says he was not listened to\n\
                  590014,04/09/2026,Good,Yes,\"No one from the family, spoke to PA\",Not picked for parent/carer views\n\
                  590015,05/09/2026,Good,No,IRO,Carer pleased with progress\n";
    let out = run_one_file("lookalike-audits", "audits.csv", audits.as_bytes());
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(3), Some(5)), "{dq}");
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(3), Some(4)), "{dq}");
}

#[test]
fn a_councils_own_words_for_its_tracker_and_its_system_are_read() {
    // Blind set 149 ("the council's house style, second round"): on the
    // first run 49 of 75 KPIs differed. Other words here than the set's
    // where a rule is general; the set's own where the words are the rule.
    let dir = scratch("house-style-149");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let tracker: &[&[&str]] = &[
        &["Form #", "Case number", "Handed out", "Must be back by", "Sent back", "State", "Grade we gave", "2nd look by", "2nd look on", "2nd look grade"],
        &["601", "600001", "01/09/2026", "30/09/2026", "29/09/2026", "Closed off", "Good", "Ana Pike", "05/10/2026", "Good"],
        &["602", "600002", "01/09/2026", "30/09/2026", "02/10/2026", "Closed off", "Inadequate", "", "", ""],
        &["603", "600003", "01/09/2026", "30/09/2026", "", "Scrapped - duplicate allocation", "", "", "", ""],
        &["604", "600004", "01/10/2026", "31/10/2026", "20/10/2026", "Closed off", "Requires improvement", "Ana Pike", "25/10/2026", "Inadequate"],
        &["699", "600099", "01/09/2026", "30/09/2026", "10/09/2026", "Closed off", "Good", "", "", ""],
    ];
    let tracker: Vec<Vec<&str>> = tracker.iter().map(|r| r.to_vec()).collect();
    let mut tracker_rows: Vec<&[&str]> = tracker.iter().map(Vec::as_slice).collect();
    // (A training record: not an audit.)
    let training: &[&str] = &["698", "7700000", "01/09/2026", "30/09/2026", "11/09/2026", "TRAINING RECORD - ignore", "Good", "", "", ""];
    tracker_rows.push(training);
    let actions: &[&[&str]] = &[
        &["Form #", "Case number", "What needs doing", "Whose job", "Fix by", "Fixed on"],
        &["601", "600001", "Update the chronology", "SW", "09/10/2026", "08/10/2026"],
        &["602", "600002", "Strategy discussion", "TM", "09/10/2026", "12/10/2026"],
    ];
    std::fs::write(input.join("Audit tracker.xlsx"), workbook(&[("Audits", &tracker_rows), ("Remedial actions", actions)])).unwrap();
    std::fs::write(
        input.join("Contacts.csv"),
        "Person ID,Contact kind,Took place,Keyed in,Record state\n600001,Stat visit - CP,01/09/2026,02/09/2026,Final\n\
         600001,Stat visit - CP,08/09/2026,09/09/2026,Deleted in error\n600001,Stat visit - CP,11/09/2026,12/09/2026,Final\n\
         600001,Phone call,14/09/2026,14/09/2026,Final\n",
    )
    .unwrap();
    std::fs::write(input.join("Legal status.csv"), "Client,Legal status / plan,Began,Stopped\n600001,Child Protection Plan,01/08/2026,\n600002,Child in Need Plan,01/06/2026,\n600003,Looked after (S20),01/05/2026,30/06/2026\n").unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4), "{dq}");
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(4)), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(4)), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)), "{dq}");
    // (The visit "Deleted in error" is set aside by the record's status: three notes.)
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(3), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "cp_visits_in_time").1, Some(1), "{dq}");
}

#[test]
fn an_earlier_rounds_sheet_reads_its_letters_by_the_workbooks_key_beside_the_later_rounds() {
    // Blind set 149's hollinsbury: two rounds' sheets under one header, the
    // grades letters explained on a "Key" sheet. Each sheet's columns are
    // recognised on the rows of both; the other sheet's rows were shared as
    // they were opened (letters), not as the key reads them, so the earlier
    // round's few rows, outnumbered, left its grade column unread and its
    // inadequate audits were never found (re-audited in time: 0/0).
    let dir = scratch("key-shared-rounds");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let header: &[&str] = &["Ref", "Child no.", "Due back", "Date finished", "Progress note", "Auditor", "Grade given", "Spoke to child?"];
    let later: &[&[&str]] = &[
        &["Bromley Vale - audit tracker", "", "", "", "", "", "", ""],
        header,
        &["Q-21", "620001", "30/09/2026", "18/09/2026", "Done", "Ann Bell", "C", "Yes"],
        &["Q-22", "620003", "31/10/2026", "02/10/2026", "Done", "Ann Bell", "B", "Yes"],
        &["Q-23", "620004", "31/10/2026", "05/10/2026", "Done", "Cal Dunn", "A", "No"],
        &["Q-24", "620005", "31/10/2026", "09/10/2026", "Done", "Cal Dunn", "B", "Yes"],
        &["Q-25", "620006", "31/10/2026", "12/10/2026", "Done", "Ann Bell", "C", "Yes"],
        &["Q-26", "620007", "31/10/2026", "14/10/2026", "Done", "Cal Dunn", "B", "Yes"],
        &["Q-27", "620008", "31/10/2026", "16/10/2026", "Done", "Ann Bell", "B", "Yes"],
    ];
    let earlier: &[&[&str]] = &[
        &["Bromley Vale - audit tracker", "", "", "", "", "", "", ""],
        header,
        &["Q-11", "620001", "31/08/2026", "20/07/2026", "Done", "Cal Dunn", "D", "Yes"],
        &["Q-12", "620002", "31/08/2026", "28/08/2026", "Done", "Ann Bell", "D", "No"],
        &["Q-13", "620009", "31/08/2026", "14/08/2026", "Done", "Cal Dunn", "B", "Yes"],
    ];
    let key: &[&[&str]] = &[&["Letter", "What it means"], &["A", "Outstanding"], &["B", "Good"], &["C", "Requires improvement"], &["D", "Inadequate"]];
    std::fs::write(input.join("Audit tracker.xlsx"), workbook(&[("Sep-Oct round", later), ("Jul-Aug round", earlier), ("Key", key)])).unwrap();
    // (Another small file beside it: the workbook is opened with the folder's small files.)
    std::fs::write(input.join("Actions.csv"), "Action no,Ref,What needs doing,Who,Fix by,Fixed on\n1,Q-21,Update the plan,SW,02/10/2026,01/10/2026\n").unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "inadequate_reaudited_in_time"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(5), Some(7)), "{dq}");
}

#[test]
fn a_councils_words_for_a_cancelled_audit_cancel_only_with_why_after_them() {
    // Review 242 (c39, c41, c42, c58): "Pulled forward from November" (a
    // live audit, moved earlier) and "Dropped to RI after moderation" (a
    // finished audit, its grade lowered) were set aside as cancelled, since
    // "Pulled" and "Dropped" cancel an audit; "Stood down" cancelled none,
    // nor did an action's "Dropped".
    let dir = scratch("cancel-words-why");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("audits.csv"),
        "Audit ID,Child ID,Auditor,Due date,Date completed,Status,Overall grade\n\
         A1,630001,Ann Bell,2026-09-30,2026-09-20,Complete,Good\n\
         A2,630002,Ann Bell,2026-10-10,2026-10-05,Complete,Good\n\
         A3,630003,Cal Dunn,2026-10-20,2026-10-15,Dropped to RI after moderation,Requires improvement\n\
         A4,630004,Cal Dunn,2026-10-20,,Pulled forward from November,\n\
         A5,630005,Cal Dunn,2026-10-20,,Stood down - case closed,\n\
         A6,630006,Ann Bell,2026-10-20,,Pulled from the sample,\n\
         A7,630007,Ann Bell,2026-10-20,,Dropped,\n",
    )
    .unwrap();
    std::fs::write(
        input.join("actions.csv"),
        "Audit ID,Child ID,Action,Owner,Date set,Due date,Completed date,Status\n\
         A1,630001,Update the child plan,Ann,2026-09-20,2026-09-30,2026-09-28,Done\n\
         A2,630002,Bring the chronology up to date,Ann,2026-10-05,2026-10-12,,Open\n\
         A3,630003,Record the voice of the child,Cal,2026-10-15,2026-10-22,,Dropped\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3), "{dq}");
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(4)), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1), "{dq}");
}

#[test]
fn a_moderators_score_on_two_rows_is_read_with_the_legend_the_other_scores_are() {
    // Review 242's c60: a legend "Score (1-4) | Meaning", 4 = Outstanding, was
    // read for "Overall score" (three values) but not for "Moderator score"
    // (two audits moderated: too few values to be sure alone), whose 4 was
    // then read in Ofsted order as inadequate, so the moderator never agreed.
    let tracker: &[&[&str]] = &[
        &["Audit ID", "Child ID", "Team", "Date completed", "Due date", "Overall score", "Moderator score"],
        &["A1", "640001", "North", "20/09/2026", "30/09/2026", "4", "4"],
        &["A2", "640002", "North", "05/10/2026", "10/10/2026", "2", "2"],
        &["A3", "640003", "South", "10/10/2026", "31/10/2026", "3", ""],
    ];
    let key: &[&[&str]] = &[&["Score (1-4)", "Meaning"], &["4", "Outstanding"], &["3", "Good"], &["2", "Requires improvement"], &["1", "Inadequate"]];
    let out = run_one_file("moderator-score-legend", "audit.xlsx", &workbook(&[("Tracker", tracker), ("Key", key)]));
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(2), Some(2)), "{dq}");
}

#[test]
fn a_trackers_one_colour_column_is_its_overall_by_a_colour_key_or_a_key_line() {
    // Blind set 150's kestrelford: a tracker's one grade, headed "Colour"
    // (Blue / Green / Amber / Red, a "Colour key" sheet whose meanings say
    // more: "Requires improvement - … but not yet good"), and a log's "RAG"
    // (B / G / A / R, explained by a key line under the table: "B = blue
    // (outstanding), …, A = amber (RI), R = red (inadequate). Y / N / NA =
    // …"). Neither was read: the key's "not yet good" named two grades, the
    // key line's labels were colours with the grade in brackets (the last
    // running on into the next sentence), and a lone graded column headed
    // only as a grade was no overall. The moderator's colour, on two audits,
    // is read with the key too.
    let dir = scratch("colour-column-overall");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let tracker: &[&[&str]] = &[
        &["Our ref", "Child no.", "Hand in date", "Date audit done", "Colour", "PSW moderation - colour"],
        &["R1", "650001", "30/09/2026", "14/09/2026", "Red", ""],
        &["R2", "650002", "30/09/2026", "20/09/2026", "Green", "Green"],
        &["R3", "650003", "31/10/2026", "12/10/2026", "Blue", "Green"],
        &["R4", "650004", "31/10/2026", "20/10/2026", "amber ", ""],
    ];
    let key: &[&[&str]] = &[
        &["Colour", "What it means"],
        &["Blue", "Outstanding - exceptional practice"],
        &["Green", "Good - child protected, good oversight"],
        &["Amber", "Requires improvement - no serious failures but not yet good"],
        &["Red", "Inadequate - escalate the same day"],
    ];
    std::fs::write(input.join("Team tracker.xlsx"), workbook(&[("Tracker", tracker), ("Colour key", key)])).unwrap();
    let log: &[&[&str]] = &[
        &["Child ID", "Team", "Date sent to auditor", "Completed", "RAG", "Child seen by auditor"],
        &["650011", "Children in Care", "01/09/2026", "21/09/2026", "G", "Y"],
        &["650012", "Care Leavers", "01/09/2026", "22/09/2026", "A", "NA"],
        &["650013", "Children in Care", "01/09/2026", "23/09/2026", "B", "Y"],
        &["", "", "", "", "", ""],
        &[
            "Key: B = blue (outstanding), G = green (good), A = amber (RI), R = red (inadequate). Y / N / NA = not applicable. Due by the end of the month.",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    std::fs::write(input.join("CiC log.xlsx"), workbook(&[("Log", log)])).unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(4), Some(7)), "{dq}");
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)), "{dq}");
}

#[test]
fn a_trackers_sample_of_two_months_gives_its_due_date_and_its_own_words_are_read() {
    // Blind set 150's kestrelford and review 242's c02: "Hand in by" (due),
    // "Given to auditor" (allocation) and "Where are we" (status) were not
    // read; and a log that names each audit's two-month sample ("Sample":
    // "Sep-Oct 26") beside the date it was sent out runs a bi-monthly
    // programme: the audit is due by the sample's end, not by the end of the
    // month it was sent (sent 2 September, done 30 October: on time).
    let dir = scratch("sample-cycle-due");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("CiC log.csv"),
        "Child ID,Team,Sample,Date sent to auditor,Completed,Overall grade\n\
         660001,Children in Care,Sep-Oct 26,02/09/2026,30/10/2026,Good\n\
         660002,Care Leavers,Sep-Oct 26,01/09/2026,21/10/2026,Good\n\
         660003,Care Leavers,Jul-Aug 26,03/07/2026,03/09/2026,Good\n",
    )
    .unwrap();
    std::fs::write(
        input.join("FS tracker.csv"),
        "Case no,Given to auditor,Hand in by,Where are we,Date audit done,Overall grade\n\
         660011,01/09/2026,30/09/2026,Done,29/09/2026,Good\n\
         660012,01/09/2026,15/10/2026,Done,20/10/2026,Requires improvement\n\
         660013,01/09/2026,15/10/2026,Cancelled - case closed,,\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(4)), "{dq}");
}

#[test]
fn a_tracker_of_long_questions_and_a_list_of_recommendations_are_read() {
    // Blind set 150's pellingham: a tracker headed in long questions, and
    // its recommendations in a workbook of their own. Nothing was read: the
    // child ("Which child is this about? (CareFirst number please)"), the
    // allocation ("When did we ask you to do this audit?") and two dates
    // tied as the completion, the auditor's part ("… finish your part (the
    // auditor's part)?") and the worker's sign-off ("… did the CSW sign to
    // say they have received the audit …?", seed 002's Part B in the
    // council's words, which completes the audit); the recommendations had
    // "no text column" ("What did the auditor recommend?") and no link to
    // their audit ("Which audit is this from? (the date the CSW signed it)").
    let dir = scratch("long-questions-tracker");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let tracker: &[&[&str]] = &[
        &[
            "Which child is this about? (CareFirst number please)",
            "When did we ask you to do this audit?",
            "When do we need it back by?",
            "On what date did you finish your part (the auditor's part)?",
            "On what date did the CSW sign to say they have received the audit and accepted the recommendations?",
            "Overall, how would you describe the practice on this file?",
        ],
        &["670001", "01/09/2026", "30/09/2026", "20/09/2026", "29/09/2026", "Good"],
        &["670002", "01/09/2026", "30/09/2026", "25/09/2026", "02/10/2026", "Inadequate"],
        &["670003", "01/10/2026", "31/10/2026", "12/10/2026", "", "Good"],
    ];
    std::fs::write(input.join("Audits.xlsx"), workbook(&[("Audits we asked for", tracker)])).unwrap();
    let recs: &[&[&str]] = &[
        &[
            "Which child? (CareFirst number)",
            "Which audit is this from? (the date the CSW signed it)",
            "What did the auditor recommend?",
            "Who is going to do it?",
            "By when should it be done?",
            "When was it actually done?",
        ],
        &["670001", "29/09/2026", "Chronology to be brought up to date", "Social worker", "13/10/2026", "12/10/2026"],
        &["670002", "02/10/2026", "Strategy discussion to be held", "Team manager", "", ""],
    ];
    std::fs::write(input.join("Recommendations.xlsx"), workbook(&[("What we recommended", recs)])).unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    // (670003's Part A alone: not complete.)
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2), "{dq}");
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1), "{dq}");
}

#[test]
fn a_terse_exports_abbreviations_and_its_key_line_of_parts_are_read() {
    // Blind set 150's brackwater: "CID", "Dist", "Ovr" and a key line under
    // the table in parts split by "|", each a field and its codes written
    // with spaces between them ("Key: Ovr A=Outst B=Good C=RI D=Inad | …"):
    // the table was read as actions with no text, and nothing was counted.
    let dir = scratch("terse-key-parts");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("T2aud.csv"),
        "Ref,CID,Dist,Due,Dt,Ovr\n\
         T-1,680001,NTH,30.09.26,20.09.26,B\n\
         T-2,680002,STH,30.09.26,02.10.26,D\n\
         T-3,680003,NTH,15.10.26,14.10.26,A\n\
         T-4,680004,STH,31.10.26,30.10.26,C\n\
         \n\
         Key: Ovr A=Outst B=Good C=RI D=Inad | Dist NTH=north STH=south\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(4)), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)), "{dq}");
}

#[test]
fn the_days_rules_lookalikes_and_wordings_from_a_strangers_review() {
    // Review 243 of the fifty-seventh session's rules: names under "Which
    // child is this about?" had become child ids (two rows: too few to tell
    // by their values), a privacy breach; "Audit scrapped" and "Audit stood
    // down by Head of Service" did not cancel; "September – October 2026"
    // (an en dash) was no cycle; an earlier round's one row of "D" under
    // "Grade given" was not read with the workbook's key.
    let names = run_one_file(
        "which-child-names",
        "tracker.csv",
        b"Which child is this about?,Team,Due date,Date completed,Overall judgement\nJane Smith,Team A,2026-09-30,2026-09-10,Good\nTom Brown,Team A,2026-09-30,2026-09-11,Good\n",
    );
    let audits = std::fs::read_to_string(names.join("normalised/audits.csv")).unwrap_or_default();
    assert!(!audits.contains("Jane Smith") && !audits.contains("Tom Brown"), "{audits}");
    // (Ids Excel wrote in its scientific form, "4.01235E+11", are no names:
    // the table is read, with its warning.)
    let scientific = run_one_file(
        "which-child-scientific",
        "tracker.csv",
        b"Child ID,Team,Due date,Date completed,Overall judgement\n4.01235E+11,Team A,2026-09-30,2026-09-10,Good\n4.01236E+11,Team A,2026-09-30,2026-09-11,Good\n",
    );
    assert_eq!(kpi_pair(&scientific, "audits_on_time"), (Some(2), Some(2)), "{}", data_quality(&scientific));
    let cancelled = run_one_file(
        "audit-scrapped",
        "tracker.csv",
        b"Child ID,Sample,Date allocated,Date completed,Status,Overall judgement\n\
          690001,September \xe2\x80\x93 October 2026,2026-09-02,2026-10-20,Complete,Good\n\
          690002,September \xe2\x80\x93 October 2026,2026-09-02,,Audit scrapped,\n\
          690003,September \xe2\x80\x93 October 2026,2026-09-02,,Audit stood down by Head of Service,\n",
    );
    assert_eq!(kpi_pair(&cancelled, "audits_on_time"), (Some(1), Some(1)), "{}", data_quality(&cancelled));
    let header: &[&str] = &["Ref", "Child no.", "Due back", "Date finished", "Auditor", "Grade given"];
    let later: &[&[&str]] = &[
        header,
        &["Q-21", "691001", "30/09/2026", "10/09/2026", "Ann Bell", "C"],
        &["Q-22", "691003", "31/10/2026", "02/10/2026", "Ann Bell", "B"],
        &["Q-23", "691004", "31/10/2026", "05/10/2026", "Cal Dunn", "A"],
    ];
    let earlier: &[&[&str]] = &[header, &["Q-11", "691001", "31/07/2026", "15/07/2026", "Cal Dunn", "D"]];
    let key: &[&[&str]] = &[&["Grade", "Meaning"], &["A", "Outstanding"], &["B", "Good"], &["C", "Requires improvement"], &["D", "Inadequate"]];
    let rounds = run_one_file("one-letter-round", "tracker.xlsx", &workbook(&[("Sep-Oct", later), ("Jul-Aug", earlier), ("Key", key)]));
    assert_eq!(kpi_pair(&rounds, "inadequate_reaudited_in_time"), (Some(1), Some(1)), "{}", data_quality(&rounds));
}

#[test]
fn an_actions_log_in_a_councils_words_put_right_by_and_on_is_read() {
    // Review 242's c10: "What needs to change", "Who's on it", "Put right
    // by", "Put right on": the log was read as audits, so no actions table
    // was read (actions KPIs not in the exports).
    let dir = scratch("put-right-by");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("tracker.csv"),
        "Audit ID,Child ID,Due date,Date completed,Overall grade\nA1,692001,2026-09-30,2026-09-20,Good\nA2,692002,2026-10-10,2026-10-05,Requires improvement\n",
    )
    .unwrap();
    std::fs::write(
        input.join("actions.csv"),
        "Audit ID,Child ID,What needs to change,Who's on it,Date set,Put right by,Put right on\n\
         A1,692001,Update the child plan,Ann,2026-09-20,2026-09-30,2026-09-28\n\
         A2,692002,Bring the chronology up to date,Ann,2026-10-05,2026-10-12,2026-10-20\n\
         A2,692002,Record the child's views,Ann,2026-10-05,2026-10-19,\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1), "{dq}");
}

#[test]
fn a_score_legend_an_improvement_plan_and_a_systems_own_words_are_read() {
    // Blind set 149's thornwick and eddlestone: a "Read me" sheet's legend
    // "Score (1-5) | Meaning", 5 = Outstanding, was not read (the scores were
    // taken in Ofsted order, 1 = Outstanding), an "Improvement plan" ("What
    // will improve", "Lead", "Target") was read as audits, "Return ID" was
    // no audit id, "Do by" no due date, "Happened" no event date, and a note
    // by "ZZ Test Account" was counted.
    let dir = scratch("house-style-149b");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let readme: &[&[&str]] = &[
        &["Guidance notes", ""],
        &["", ""],
        &["Score (1-5)", "Meaning"],
        &["5", "Outstanding"],
        &["4", "Good"],
        &["3", "Requires improvement, with elements of good practice"],
        &["2", "Requires improvement"],
        &["1", "Inadequate"],
    ];
    let log: &[&[&str]] = &[
        &["Return ID", "Child ID", "Team", "Finalised on", "Overall score (1-5)"],
        &["R1", "610001", "North", "10/09/2026", "5"],
        &["R2", "610002", "North", "11/09/2026", "4"],
        &["R3", "610003", "South", "12/09/2026", "1"],
        &["R4", "610004", "South", "14/09/2026", "2"],
    ];
    let plan: &[&[&str]] = &[
        &["Return ID", "Child ID", "What will improve", "Lead", "Do by", "Completed"],
        &["R3", "610003", "Chronology to be completed", "SW", "24/09/2026", "23/09/2026"],
        &["R4", "610004", "Plan to be made SMART", "TM", "28/09/2026", ""],
    ];
    std::fs::write(input.join("Audit log.xlsx"), workbook(&[("Read me", readme), ("Audit log", log), ("Improvement plan", plan)])).unwrap();
    std::fs::write(
        input.join("Recordings.csv"),
        "Child No.,Recording type,Happened,Written up,Alone with child?,Worker\n610001,CP statutory visit,01/09/2026,02/09/2026,Yes,Ann Bell\n\
         610001,CP statutory visit,11/09/2026,12/09/2026,No,Ann Bell\n610001,Phone,14/09/2026,14/09/2026,,Ann Bell\n\
         610009,CP statutory visit,16/09/2026,16/09/2026,Yes,ZZ Test Account\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let dq = data_quality(&out);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4), "{dq}");
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)), "{dq}");
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1), "{dq}");
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(3), Some(3)), "{dq}");
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(2)), "{dq}");
}

#[test]
fn ticks_explained_on_a_key_sheet_and_an_overall_named_in_brackets_are_read() {
    // Blind set 150's wrenmouth: grades written as ticks and crosses (✔✔ / ✔ /
    // ✘) with a "Symbol | Means" key sheet, the overall question named so only
    // in brackets, the completion headed "Audit finished".
    let log: &[&[&str]] = &[
        &["Child", "Sent to auditor", "Audit finished", "Risk", "Plans", "Has our help made life better? (overall)"],
        &["4600001", "10/08/2026", "05/09/2026", "✘", "✔", "✘"],
        &["4600002", "18/08/2026", "10/09/2026", "✔", "✔✔", "✔"],
        &["4600003", "01/09/2026", "15/09/2026", "✔✔", "✔", "✔✔"],
        &["4600004", "01/09/2026", "22/09/2026", "✘", "✘", "✘"],
        &["4600005", "07/09/2026", "18/09/2026", "✔", "✔", "✔"],
    ];
    let key: &[&[&str]] =
        &[&["Symbol", "Means"], &["✔✔", "Exceeds good"], &["✔", "Meets good"], &["✘", "Does not meet good"], &["n/a", "Not applicable to this child"]];
    let out = run_one_file("ticks-key-sheet", "Audit log.xlsx", &workbook(&[("Log", log), ("Key", key)]));
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(5));
    // Three of five good or better: a tick meets good, two exceed it, a cross does not.
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(5)));
    let dq = data_quality(&out);
    assert!(dq.contains("✔✔ = Exceeds good"), "{dq}");
}

#[test]
fn a_case_management_extract_headed_by_system_field_names_is_read() {
    // Blind set 150's wrenmouth: "NOTE_CAT" is the note's category (beside
    // "NOTE_SUBCAT", PERSON_REF, EVENT_DTTM, CREATED_DTTM and SEEN_ALONE_IND),
    // its values codes explained in a lookup file of the system's own.
    let dir = scratch("system-field-names");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("WRN_LEGAL_STATUS_EXTRACT.csv"), "PERSON_REF,LS_CODE,LS_START_DT,LS_END_DT\n4610001,CPP,2026-01-05,\n4610002,CPP,2026-06-01,\n")
        .unwrap();
    std::fs::write(
        input.join("WRN_CASE_NOTES_EXTRACT.csv"),
        "PERSON_REF,NOTE_CAT,NOTE_SUBCAT,EVENT_DTTM,CREATED_DTTM,SEEN_ALONE_IND\n\
         4610001,VIS,CPV,2026-08-25 10:00:00,2026-08-25 16:30:00,Y\n\
         4610001,VIS,CPV,2026-09-08 10:00:00,2026-09-08 16:30:00,Y\n\
         4610001,TEL,,2026-09-15 10:00:00,2026-09-15 16:30:00,\n\
         4610001,VIS,CPV,2026-09-22 10:00:00,2026-09-23 16:30:00,N\n\
         4610001,VIS,CPV,2026-10-06 10:00:00,2026-10-06 16:30:00,Y\n\
         4610001,VIS,CPV,2026-10-20 10:00:00,2026-10-21 16:30:00,Y\n\
         4610002,VIS,CPV,2026-08-20 10:00:00,2026-08-20 16:30:00,Y\n\
         4610002,VIS,CPV,2026-09-30 10:00:00,2026-09-30 16:30:00,Y\n\
         4610002,VIS,CPV,2026-10-14 10:00:00,2026-10-14 16:30:00,Y\n",
    )
    .unwrap();
    std::fs::write(
        input.join("WRN_code_lookup.csv"),
        "FIELD,CODE,MEANING\nNOTE_CAT,VIS,Visit to child\nNOTE_SUBCAT,CPV,Child protection statutory visit\nNOTE_CAT,TEL,Telephone call\nNOTE_CAT,SUP,Case supervision\nSEEN_ALONE_IND,Y,Seen alone\nSEEN_ALONE_IND,N,Not seen alone\nLS_CODE,CPP,Child protection plan\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    let m = metrics(&out);
    let k = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!(k("cp_visits_in_time")["not_in_source"].as_bool(), Some(false), "{}", data_quality(&out));
    // 4610002 went 41 days without a visit (20 August to 30 September).
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(6), Some(6)));
}

#[test]
fn a_round_named_without_its_year_is_the_cycle_its_allocation_falls_in() {
    // Review 243's c24 and c45: a bare "Round" column of two-month cycles,
    // some written without a year ("Sept-Oct") beside others with one, and a
    // re-audit's own word. With no due rule given, an audit sent out inside
    // its cycle is due by the cycle's end; the re-audit by the default rule.
    let rows: &[&[&str]] = &[
        &["Child ID", "Team", "Round", "Date allocated", "Date completed", "Overall judgement"],
        &["C2401", "Team A", "Sep/Oct 2026", "03/09/2026", "20/10/2026", "Good"],
        &["C2402", "Team A", "Sept-Oct", "10/09/2026", "25/10/2026", "Good"],
        &["C2403", "Team A", "Sept-Oct", "15/09/2026", "29/10/2026", "Good"],
        &["C2404", "Team A", "Re-audit (was D)", "20/09/2026", "10/10/2026", "Good"],
    ];
    let out = run_one_file("yearless-round", "tracker.xlsx", &workbook(&[("Tracker", rows)]));
    // Three due 31 October and done by then; the re-audit due 30 September, done late.
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(4)));
    assert!(!data_quality(&out).contains("not a month"), "{}", data_quality(&out));
}

#[test]
fn the_workers_sign_off_asked_as_a_long_question_is_the_completion_beside_the_auditors_part() {
    // Review 243's c31, c55, c56: the case's worker signing for the audit,
    // asked at length ("... and agree with it?"), beside the auditor's part.
    let csv = "Child ID,Team,When did we ask you to do this audit?,To be returned by,When did you finish your part (the auditor's part)?,When did the social worker sign to say they have received the audit and agree with it?,Overall judgement\n\
               C551,Team A,2026-08-10,2026-09-10,2026-08-28,2026-09-05,Good\n\
               C552,Team A,2026-09-01,2026-09-20,2026-09-18,2026-10-02,Good\n\
               C553,Team A,2026-09-05,2026-09-30,2026-09-25,,Good\n";
    let out = run_one_file("worker-sign-off-question", "tracker.csv", csv.as_bytes());
    // Done when signed: C551 and C552 in the period; C552 late, C553 not done.
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
}

#[test]
fn a_long_question_to_the_family_is_read_however_many_joining_words_it_has() {
    // Blind set 150's pellingham: "Did you speak to mum, dad or whoever looks
    // after the child?" is seven words of meaning; its "to" and "or" had made
    // it a question too long for a field's name, so it was read as an
    // unplaced practice question and family_spoken_to was not in the exports.
    let csv = "Child ID,Date completed,Overall grade,\"Did you speak to mum, dad or whoever looks after the child?\"\n\
               C1,01/09/2026,Good,Yes\n\
               C2,02/09/2026,Good,No - birth mum did not reply\n\
               C3,03/09/2026,Good,Yes - mum\n";
    let out = run_one_file("family-long-question", "tracker.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(3)));
}

#[test]
fn a_moderation_title_over_two_header_rows_makes_its_grade_the_moderators() {
    // Blind set 152's saltcombe: "Moderation" merged over "Date", "By",
    // "Grade", "Agree?" beside the audit's own questions, Q12 the overall:
    // the "Grade" under it is the moderator's, not the audit's overall.
    let rows: &[&[&str]] = &[
        &["Full audit tracker 2026/27"],
        &["Audit", "", "", "", "", "", "", "Moderation", "", "", ""],
        &[
            "Ref",
            "Client ID",
            "Team",
            "Audit date",
            "Q1 Risk",
            "Q7 Quality of plans",
            "Q12 How has the help provided improved outcomes?",
            "Date",
            "By",
            "Grade",
            "Agree?",
        ],
        &["E01", "2201", "Family Help", "13/08/2026", "Meets good", "Exceeds good", "Meets good", "", "", "", ""],
        &["E02", "2202", "Family Help", "03/09/2026", "Meets good", "Meets good", "Exceeds good", "10/09/2026", "Ann Senior", "Exceeds good", "Yes"],
        &["E03", "2203", "Care Experienced", "10/09/2026", "Does not meet good", "Meets good", "Does not meet good", "", "", "", ""],
        &["E04", "2204", "Care Experienced", "17/09/2026", "Meets good", "Meets good", "Meets good", "01/10/2026", "Ann Senior", "Does not meet good", "No"],
        &["E05", "2205", "Family Help", "01/10/2026", "Meets good", "Meets good", "Meets good", "", "", "", ""],
    ];
    let out = run_one_file("moderation-title", "tracker.xlsx", &workbook(&[("Tracker", rows)]));
    // Q12 is the overall: three of four in the period good or better.
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)));
}

#[test]
fn day_and_month_in_figures_and_an_exemption_note_are_read_in_a_hand_kept_log() {
    // Blind set 152's kelderby: among a log's full dates, "28/10" and "1/9"
    // are in the year of the table's other dates (day first, as its full
    // dates are); a note "EXEMPTION agreed by AD 6/10 - not to be audited
    // this month" takes an allocation out of the audits due.
    let rows: &[&[&str]] = &[
        &["Child ID", "Team", "Date allocated", "Date finalised", "Overall judgement", "Notes"],
        &["7301", "Team A", "01/09/2026", "22/09/2026", "Good", ""],
        &["7302", "Team A", "01/10/2026", "28/10", "Requires Improvement", ""],
        &["7303", "Team B", "1/9", "25/09/2026", "Good", ""],
        &["7304", "Team B", "05/10/2026", "30/10/2026", "Good", ""],
        &["7313", "Team B", "01/10/2026", "", "", "EXEMPTION agreed by AD 6/10 - not to be audited this month"],
    ];
    let out = run_one_file("figures-and-exemption", "log.xlsx", &workbook(&[("Audit log", rows)]));
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4));
    // Due by the end of the allocation month: 7301 and 7303 by 30 September, 7302 and 7304 by 31 October.
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(4), Some(4)));
}

#[test]
fn ticks_under_yes_no_questions_stay_yes_or_no_beside_a_key_of_ticks() {
    // Review 244's c10, c62, c63: a key of ticks for grades ("✔✔ | Exceeds
    // good", "✔ | Meets good", "✘ | Does not meet good") is read for the
    // graded columns, not for the spoken-to questions or a moderator's
    // agreement answered with the same ✔ and ✘; and a yes / no question
    // ending "(overall)" is no overall (c30).
    let audits: &[&[&str]] = &[
        &["Child ID", "Team", "Date completed", "Safety", "Overall", "Child spoken to", "Parent/carer spoken to", "Moderator agrees", "Moderator grade"],
        &["4610291", "North", "05/09/2026", "✔✔", "✔✔", "✔", "✔", "✔", "✔✔"],
        &["4610292", "South", "08/09/2026", "✔", "✔", "✘", "✔", "✘", "✘"],
        &["4610293", "North", "11/09/2026", "✘", "✘", "✔", "✘", "✘", "✘"],
        &["4610294", "South", "14/09/2026", "✔", "✔", "✘", "✘", "", ""],
    ];
    let key: &[&[&str]] = &[&["Symbol", "Meaning"], &["✔✔", "Exceeds good"], &["✔", "Meets good"], &["✘", "Does not meet good"]];
    let out = run_one_file("ticks-beside-yes-no", "audits.xlsx", &workbook(&[("Audits", audits), ("Key", key)]));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(3), Some(4)));
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(4)));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(4)));
    // The flag says so: one of three agrees (the grades would say two).
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(3)));
    let yes_no: &[&[&str]] = &[
        &["Child ID", "Team", "Date completed", "Safety", "Planning", "Was the child seen alone? (overall)"],
        &["4620300", "North", "05/09/2026", "Good", "Good", "Yes"],
        &["4620301", "South", "08/09/2026", "Inadequate", "Good", "No"],
        &["4620302", "North", "11/09/2026", "Good", "Requires improvement", "Yes"],
    ];
    let out = run_one_file("yes-no-overall-in-brackets", "audits.xlsx", &workbook(&[("Audits", yes_no)]));
    let m = metrics(&out);
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "overall_good_or_better").unwrap().clone();
    assert_eq!(k["not_in_source"].as_bool(), Some(true), "{k}");
}

#[test]
fn a_notes_subcategory_that_names_the_visits_is_the_note_type_beside_a_bare_category() {
    // Review 244's c49: "NOTE_CAT" is "Visit" on every note, "NOTE_SUBCAT"
    // says which: the subcategory's values name the kinds of note.
    let dir = scratch("subcategory-note-type");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("legal.csv"), "PERSON_REF,LS_CODE,LS_START_DT,LS_END_DT\n4620001,CPP,2026-01-05,\n4620002,CPP,2026-06-01,\n").unwrap();
    std::fs::write(
        input.join("notes.csv"),
        "PERSON_REF,NOTE_CAT,NOTE_SUBCAT,EVENT_DTTM,CREATED_DTTM,SEEN_ALONE_IND\n\
         4620001,Visit,Statutory visit (CP),2026-08-25 10:00:00,2026-08-25 16:30:00,Y\n\
         4620001,Visit,Statutory visit (CP),2026-09-08 10:00:00,2026-09-08 16:30:00,Y\n\
         4620001,Visit,Supervised family time,2026-09-15 10:00:00,2026-09-15 16:30:00,\n\
         4620001,Visit,Statutory visit (CP),2026-09-22 10:00:00,2026-09-23 16:30:00,Y\n\
         4620001,Visit,Statutory visit (CP),2026-10-06 10:00:00,2026-10-06 16:30:00,Y\n\
         4620001,Visit,Statutory visit (CP),2026-10-20 10:00:00,2026-10-21 16:30:00,Y\n\
         4620002,Visit,Statutory visit (CP),2026-08-20 10:00:00,2026-08-20 16:30:00,Y\n\
         4620002,Visit,Statutory visit (CP),2026-09-30 10:00:00,2026-09-30 16:30:00,Y\n\
         4620002,Visit,Statutory visit (CP),2026-10-14 10:00:00,2026-10-14 16:30:00,Y\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(6), Some(6)));
}

#[test]
fn a_demonstration_row_is_a_test() {
    // Review 244's c52 and c60: a row whose team is "Demo" or whose status is
    // "DEMO" is a demonstration's, set aside as a test is.
    let csv = "Child ID,Team,Status,Date completed,Overall grade\n\
               4610701,North,Complete,05/09/2026,Good\n\
               4610702,South,Complete,08/09/2026,Good\n\
               4699999,Demo,Complete,09/09/2026,Good\n\
               4699998,North,DEMO,10/09/2026,Inadequate\n";
    let out = run_one_file("demo-rows", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(2)));
    // An action whose team or status says so (review 245's c33, c61).
    let dir = scratch("demo-actions");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("audits.csv"), csv).unwrap();
    std::fs::write(
        input.join("actions.csv"),
        "Child ID,Team,Status,Action,Due date,Date completed\n\
         4610701,North,Open,Update the plan,15/09/2026,14/09/2026\n\
         4610702,South,Open,Visit the school,18/09/2026,\n\
         4610701,Demo,Open,Try the new form,16/09/2026,\n\
         4610702,North,DEMO,Show the dashboard,17/09/2026,\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
}

#[test]
fn on_a_form_the_label_that_names_a_spoken_to_question_best_decides() {
    // Set 151's kilnworth: "Case selected for parent / carer views?" over
    // "Parent / carer views obtained?". A case not selected has no answer
    // for the family (not a no); a selected one is answered by "obtained".
    let form = |id: &'static str, date: &'static str, selected: &'static str, obtained: &'static str| -> Vec<Vec<&'static str>> {
        vec![
            vec!["Case File Audit: CLA and Leaving Care", ""],
            vec!["Date audit completed:", date],
            vec!["Auditor (name):", "M. Fry"],
            vec!["Case ID:", id],
            vec!["Team:", "North"],
            vec!["OVERALL JUDGEMENT OF THE CASE FILE:", "Good"],
            vec!["Case selected for parent / carer views?", selected],
            vec!["Parent / carer views obtained?", obtained],
        ]
    };
    let forms = [
        form("611201", "2026-09-10", "No", ""),
        form("611202", "2026-09-14", "Yes", "No"),
        form("611203", "2026-09-21", "Yes", "Yes"),
        form("611204", "2026-09-24", "Yes", ""),
    ];
    let sheets: Vec<Vec<&[&str]>> = forms.iter().map(|f| f.iter().map(|r| r.as_slice()).collect()).collect();
    let names = ["611201", "611202", "611203", "611204"];
    let book: Vec<(&str, &[&[&str]])> = names.iter().zip(&sheets).map(|(n, s)| (*n, s.as_slice())).collect();
    let out = run_one_file("form-views-selected", "audits.xlsx", &workbook(&book));
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(2)));
    // Whether the case was selected, alone, says nothing of who was spoken
    // to (review 245's c49): not in the exports.
    let only: Vec<Vec<&[&str]>> = sheets.iter().map(|s| s.iter().copied().filter(|r| !r[0].ends_with("obtained?")).collect()).collect();
    let book: Vec<(&str, &[&[&str]])> = names.iter().zip(&only).map(|(n, s)| (*n, s.as_slice())).collect();
    let out = run_one_file("form-views-selected-only", "audits.xlsx", &workbook(&book));
    let m = metrics(&out);
    let family = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "family_spoken_to").unwrap().clone();
    assert_eq!(family["not_in_source"].as_bool(), Some(true), "{family}");
    // A spoken-to question that names the cases selected is still the
    // spoken-to question (review 247's c43, c57), in a table or on a form.
    let csv = "Child ID,Team,Date completed,Overall grade,Child spoken to (if selected for consultation),Were parents / carers spoken to? (only cases selected for views)\n\
               C5001,South,15/09/2026,Good,Yes,Yes\n\
               C5002,North,20/09/2026,Good,No,Yes\n\
               C5003,South,25/09/2026,Requires Improvement,Yes,No\n\
               C5004,North,05/10/2026,Inadequate,No,No\n";
    let out = run_one_file("spoken-to-of-selected-cases", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(4)));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(4)));
    let asked: Vec<Vec<&[&str]>> = sheets.iter().map(|s| s.iter().copied().filter(|r| !r[0].starts_with("Case selected")).collect()).collect();
    let relabelled: Vec<Vec<Vec<&str>>> = asked
        .iter()
        .map(|s| {
            s.iter()
                .map(|r| {
                    if r[0].ends_with("obtained?") {
                        vec!["If the case was selected for parent / carer views, were they spoken to?", r[1]]
                    } else {
                        r.to_vec()
                    }
                })
                .collect()
        })
        .collect();
    let slices: Vec<Vec<&[&str]>> = relabelled.iter().map(|s| s.iter().map(|r| r.as_slice()).collect()).collect();
    let book: Vec<(&str, &[&[&str]])> = names.iter().zip(&slices).map(|(n, s)| (*n, s.as_slice())).collect();
    let out = run_one_file("form-spoken-to-if-selected", "audits.xlsx", &workbook(&book));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(2)));
}

#[test]
fn whether_someone_was_seen_of_the_cases_selected_is_the_auditors_meeting() {
    // Review 248's c19 and c22: "Parents seen (selected cases only)" beside
    // "Selected for family consultation?", in a table and on a form. The
    // selection says the auditor met them; "Child seen alone" beside it
    // stays a visit's question.
    let csv = "Child ID,Team,Date completed,Overall grade,Selected for family consultation?,Parents seen (selected cases only),Child seen alone\n\
               C6101,South,15/09/2026,Good,Yes,No,Yes\n\
               C6102,North,20/09/2026,Good,Yes,No,Yes\n\
               C6103,South,25/09/2026,Requires Improvement,Yes,Yes,No\n\
               C6104,North,05/10/2026,Inadequate,No,N/A,Yes\n";
    let out = run_one_file("parents-seen-of-selected-cases", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(3)));
    let child = metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "child_spoken_to").unwrap().clone();
    assert_eq!(child["not_in_source"].as_bool(), Some(true), "{child}");
    let form: &[&[&str]] = &[
        &["Tier 2 case file audit", ""],
        &["Date:", "2026-09-18"],
        &["Auditor (name):", "R. Penn"],
        &["Case ID:", "C6105"],
        &["Team:", "North"],
        &["Child spoken to (if selected)", "Yes"],
        &["Parents seen (selected cases only)", "No"],
        &["OVERALL JUDGEMENT OF THE CASE FILE:", "Good"],
    ];
    let out = run_one_file("form-parents-seen-of-selected-cases", "audit-C6105.xlsx", &workbook(&[("Audit", form)]));
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(1), Some(1)));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(0), Some(1)));
}

#[test]
fn a_yes_no_column_of_whose_views_beside_a_spoken_to_question_is_that_persons() {
    // Set 151's tolbridge ("Child / YP views" beside "Parent / carer
    // views") and yarrowby ("Family views?" beside "SW input?").
    let csv = "Child ID,Team,Date completed,Overall grade,Child / YP views,Parent / carer views,SW input?\n\
               4630001,North,05/09/2026,Good,Yes,Yes - mum,Y\n\
               4630002,South,08/09/2026,Good,No,No - no reply,Y\n\
               4630003,North,11/09/2026,Good,N/A - baby (5 months),Yes,N\n\
               4630004,South,14/09/2026,Good,\"Yes, by text and a call\",N/A - care leaver,Y\n";
    let out = run_one_file("child-yp-views", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(3)));
    let csv = "Child ID,Team,Date completed,Overall grade,SW input?,Family views?\n\
               4630011,North,05/09/2026,Good,Y,Yes - mum\n\
               4630012,South,08/09/2026,Good,Y,No\n\
               4630013,North,11/09/2026,Good,N,N/A - YP in residential\n";
    let out = run_one_file("family-views-beside-sw-input", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(2)));
    // A possessive, "Young person's views" (review 245's c36).
    let csv = "Child ID,Team,Date completed,Overall grade,Young person's views,SW spoken to\n\
               4630041,North,05/09/2026,Good,Yes,Yes\n\
               4630042,South,08/09/2026,Good,No,Yes\n\
               4630043,North,11/09/2026,Good,No,No\n";
    let out = run_one_file("young-persons-views", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(1), Some(3)));
    // Not where it is graded "Partially" (a practice question), nor where no
    // other spoken-to question stands beside it.
    let csv = "Child ID,Team,Date completed,Overall grade,Child views,Parent / carer views\n\
               4630021,North,05/09/2026,Good,Partially,Yes\n\
               4630022,South,08/09/2026,Good,Yes,No\n\
               4630023,North,11/09/2026,Good,No,Yes\n";
    let out = run_one_file("child-views-graded", "audits.csv", csv.as_bytes());
    assert_eq!(metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "child_spoken_to").unwrap()["not_in_source"].as_bool(), Some(true));
    let csv = "Child ID,Team,Date completed,Overall grade,Child views\n\
               4630031,North,05/09/2026,Good,Yes\n\
               4630032,South,08/09/2026,Good,No\n";
    let out = run_one_file("child-views-alone", "audits.csv", csv.as_bytes());
    assert_eq!(metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "child_spoken_to").unwrap()["not_in_source"].as_bool(), Some(true));
    // Nor the family's question's older name, "Parent / carer views", graded
    // Yes / Partially / No (review 245's c64).
    let csv = "Child ID,Team,Date allocated,Date completed,Overall judgement,SW spoken to,Parent / carer views\n\
               600000,Safeguarding Team 1,2026-09-01,2026-09-10,Good,Yes,Yes\n\
               600001,Safeguarding Team 1,2026-09-01,2026-09-11,Good,Yes,Partially\n\
               600002,Safeguarding Team 1,2026-09-01,2026-09-12,Good,Yes,No\n";
    let out = run_one_file("family-views-graded", "audits.csv", csv.as_bytes());
    assert_eq!(metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "family_spoken_to").unwrap()["not_in_source"].as_bool(), Some(true));
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(3), Some(3)));
}

#[test]
fn numbered_recommendations_with_timescales_and_rec_n_completed_on_are_the_audits_actions() {
    // Set 151's otterby: "Recommendation 1", "Timescale for recommendation
    // 1", …, then "Rec 1 completed on": a slot's timescale is its due date,
    // and "Rec n" is the same slot as "Recommendation n".
    let csv = "Audit no.,Child ID,Team,Date completed,Overall grading of practice on this case,\
               Recommendation 1,Timescale for recommendation 1,Recommendation 2,Timescale for recommendation 2,\
               Rec 1 completed on,Rec 2 completed on\n\
               QA-1,4640001,East,01/09/2026,Good,Update the chronology,15/09/2026,Visit the school,30/09/2026,14/09/2026,02/10/2026\n\
               QA-2,4640002,West,02/09/2026,Inadequate,Health assessment to be booked,16/09/2026,,,,\n\
               QA-3,4640003,East,03/09/2026,Good,,,,,,\n";
    let out = run_one_file("rec-n-slots", "audits.csv", csv.as_bytes());
    let actions = rows(&out.join("normalised/actions.csv"));
    let got: Vec<(&str, &str, &str)> = actions.iter().map(|a| (a["action"].as_str(), a["due_date"].as_str(), a["completed_date"].as_str())).collect();
    assert_eq!(
        got,
        [
            ("Update the chronology", "2026-09-15", "2026-09-14"),
            ("Visit the school", "2026-09-30", "2026-10-02"),
            ("Health assessment to be booked", "2026-09-16", "")
        ]
    );
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(3)));
}

#[test]
fn a_data_quality_checks_status_is_not_the_case_notes_status() {
    // Review 245's c21: "DQ status" ERROR flags a visit with no seen-alone
    // answer; the visit stands (and closes the gap to 30/09).
    let dir = scratch("dq-status");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("legal.csv"), "Child ID,Legal status,Start date,End date\n400101,Child Protection Plan,2026-05-01,\n").unwrap();
    std::fs::write(
        input.join("notes.csv"),
        "Child ID,Note type,Event date,Date entered,Seen alone,DQ status\n\
         400101,CP Visit,2026-08-28,2026-08-28,Yes,OK\n\
         400101,CP Visit,2026-09-09,2026-09-09,Yes,OK\n\
         400101,CP Visit,2026-09-21,2026-09-21,,ERROR\n\
         400101,CP Visit,2026-09-30,2026-09-30,Yes,OK\n\
         400101,CP Visit,2026-10-12,2026-10-12,Yes,OK\n\
         400101,CP Visit,2026-10-23,2026-10-23,Yes,OK\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(5)));
}

#[test]
fn a_two_row_header_with_its_labels_in_the_upper_row_is_read_as_one() {
    // Review 245's c10: "Child ID", "Team" and "Overall judgement" merged
    // down both rows (their text in the upper one), "Audit" merged across
    // over "Sent" and "Returned" (a workbook's row ends at "Returned").
    let rows: &[&[&str]] = &[
        &["Child ID", "Team", "Audit", "", "Overall judgement"],
        &["", "", "Sent", "Returned"],
        &["301001", "Safeguarding Team 1", "2026-09-01", "2026-09-25", "Good"],
        &["301002", "Safeguarding Team 1", "2026-09-10", "2026-10-12", "Requires Improvement"],
        &["301003", "Safeguarding Team 1", "2026-10-01", "", ""],
        &["301004", "Safeguarding Team 1", "2026-08-01", "2026-08-28", "Good"],
    ];
    let out = run_one_file("labels-in-upper-header-row", "tracker.xlsx", &workbook(&[("Tracker", rows)]));
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
    // The group as the rightmost block (review 246's c27).
    let rows: &[&[&str]] = &[
        &["Child ID", "Team", "Overall judgement", "Audit"],
        &["", "", "", "Sent", "Returned"],
        &["301001", "Safeguarding Team 1", "Good", "2026-09-01", "2026-09-25"],
        &["301002", "Safeguarding Team 1", "Requires Improvement", "2026-09-10", "2026-10-12"],
        &["301003", "Safeguarding Team 1", "", "2026-10-01"],
        &["301004", "Safeguarding Team 1", "Good", "2026-08-01", "2026-08-28"],
    ];
    let out = run_one_file("labels-in-upper-header-row-group-last", "tracker.xlsx", &workbook(&[("Tracker", rows)]));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
}

#[test]
fn an_allocation_date_typed_once_per_round_like_the_team_is_filled_down() {
    // Blind set 154's dunholme: the team and the allocation date typed on
    // the first row of each group, the rows under them blank.
    let csv = "Child ID,Team,Date allocated,Date finalised,Overall judgement\n\
               730101,CP North,01/09/2026,18/09/2026,Good\n\
               730106,,,30/09/2026,Good\n\
               730108,CIN East,,,\n\
               730107,Leaving Care,,07/10/2026,Good\n\
               730109,,01/10/2026,31/10/2026,Good\n\
               730110,Children in Care,,20/10/2026,Requires improvement\n\
               730102,,,,\n";
    let out = run_one_file("allocation-once-per-round", "tracker.csv", csv.as_bytes());
    // Due at the end of the allocation month: September's four (730108 not
    // done, 730107 late), October's three (730102 not done).
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(4), Some(7)));
    assert!(data_quality(&out).contains("allocation_filled_down"));
    // Not a tracker dated on every row down to those not allocated yet,
    // listed last (review 246's c12).
    let csv = "Team,Child ID,Date allocated,Date completed,Overall judgement\n\
               North,4410201,2026-09-01,2026-09-20,Good\n\
               ,4410202,2026-09-08,2026-10-02,Good\n\
               ,4410203,2026-10-01,2026-10-20,Good\n\
               ,4410204,,,\n\
               ,4410205,,,\n\
               ,4410206,,,\n";
    let out = run_one_file("allocation-not-yet-given", "tracker.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    // Nor the rows after the last round's date when none of them was done
    // or graded (review 247's c64): C6802-3 take 01/09 (C6803 due 30/09,
    // not done); C6805-7 are not allocated yet.
    let csv = "Child ID,Team,Auditor,Date allocated,Date completed,Overall grade\n\
               C6801,North,A Patel,01/09/2026,20/09/2026,Good\n\
               C6802,,B Okafor,,24/09/2026,Requires Improvement\n\
               C6803,,C Hughes,,,\n\
               C6804,South,D Walsh,15/09/2026,28/09/2026,Good\n\
               C6805,,A Patel,,,\n\
               C6806,,B Okafor,,,\n\
               C6807,,C Hughes,,,\n";
    let out = run_one_file("allocation-last-round-not-yet-given", "tracker.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(4)));
    // With the team on every row too (review 247's c12): C3002 (done 03/10)
    // and C3003 take 01/09, C3005 15/09.
    let csv = "Child ID,Team,Auditor,Date allocated,Date completed,Overall grade\n\
               C3001,North,A Patel,01/09/2026,20/09/2026,Good\n\
               C3002,South,B Okafor,,03/10/2026,Requires Improvement\n\
               C3003,North,C Hughes,,,\n\
               C3004,South,D Walsh,15/09/2026,28/09/2026,Good\n\
               C3005,North,A Patel,,,\n\
               C3006,South,B Okafor,01/10/2026,14/10/2026,Good\n";
    let out = run_one_file("allocation-once-team-every-row", "tracker.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(6)));
    // Not where every blank row is undone: those are rows not allocated yet
    // (review 246's c16).
    let csv = "Team,Child ID,Date allocated,Date completed,Overall judgement\n\
               North,4410601,2026-09-01,2026-09-20,Good\n\
               North,4410602,,,\n\
               North,4410603,,,\n\
               South,4410604,2026-10-01,2026-10-15,Good\n\
               South,4410605,,,\n\
               South,4410606,,,\n";
    let out = run_one_file("allocation-blanks-all-undone", "tracker.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(2)));
}

#[test]
fn a_withdrawal_written_where_the_grade_would_be_removes_the_allocation() {
    // Blind set 154's pellbridge: "WITHDRAWN - moved to another LA" typed in
    // Q12 on an allocation never done; a done audit keeps its grade.
    let csv = "Child ID,Team,Date sent,Date completed,Q12 Overall rating\n\
               940101,North,01/09/2026,12/09/2026,Meets good\n\
               940102,North,01/09/2026,,\n\
               940112,South,01/10/2026,,WITHDRAWN - moved to another LA\n\
               940103,South,01/10/2026,20/10/2026,Exceeds good\n";
    let out = run_one_file("withdrawn-in-grade", "tracker.csv", csv.as_bytes());
    // Due 14 days after it was sent (Q12: seed 004's rule): 940101 on time,
    // 940102 not done, 940103 late; 940112 is no audit.
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
    assert!(data_quality(&out).contains("WITHDRAWN - moved to another LA"));
    // So too where the completion date's cell says "N/A" (review 247's c10).
    let out =
        run_one_file("withdrawn-in-grade-na-completed", "tracker.csv", csv.replace("940112,South,01/10/2026,,", "940112,South,01/10/2026,N/A,").as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
}

#[test]
fn a_timescale_on_an_audit_row_is_its_due_date() {
    // Review 246's c72: "Timescale for completion" holding dates is the
    // audit's due date: 4411301 due 14/09 done 20/09 (late), 4411302 due
    // 16/09 done 10/09, 4411303 due 15/10 done 29/10 (late).
    let csv = "Child ID,Team,Date allocated,Timescale for completion,Date completed,Overall judgement\n\
               4411301,North,2026-09-01,2026-09-14,2026-09-20,Good\n\
               4411302,North,2026-09-02,2026-09-16,2026-09-10,Good\n\
               4411303,South,2026-10-01,2026-10-15,2026-10-29,Good\n";
    let out = run_one_file("audit-timescale-dates", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
    // A timescale in words is counted from the allocation: 10 working days
    // from 01/09 is 15/09 (late); 4 weeks from 02/09 is 30/09; "end of Oct".
    let csv = "Child ID,Team,Date allocated,Timescale for completion,Date completed,Overall judgement\n\
               4411301,North,2026-09-01,10 working days,2026-09-20,Good\n\
               4411302,North,2026-09-02,4 weeks,2026-09-29,Good\n\
               4411303,South,2026-10-01,end of Oct,2026-10-29,Good\n";
    let out = run_one_file("audit-timescale-words", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    // "Timeframe" too (review 248's c03).
    let out = run_one_file("audit-timeframe-words", "audits.csv", csv.replace("Timescale for completion", "Timeframe for completion").as_bytes());
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    let dq = data_quality(&out);
    assert!(dq.contains("due_timescale") && !dq.contains("bad_date"), "{dq}");
    // A recommendation's timescale on the audit's row is not the audit's.
    let csv = "Child ID,Team,Date allocated,Date completed,Overall judgement,Recommendation,Timescale for recommendation\n\
               4411301,North,2026-09-01,2026-09-20,Good,Update the plan,2026-09-25\n\
               4411302,North,2026-09-02,2026-09-29,Good,Visit the child,2026-10-10\n";
    let out = run_one_file("audit-timescale-recommendation", "audits.csv", csv.as_bytes());
    // Due at the end of the allocation month: both on time.
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(2)));
}

/// Runs case notes (`notes`, header first) of child 400101, on a child
/// protection plan since May, from a CSV or a workbook (the two case-note
/// readers).
fn notes_of_one_cp_child(name: &str, notes: &[&[&str]], xlsx: bool) -> std::path::PathBuf {
    let dir = scratch(name);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("legal.csv"), "Child ID,Legal status,Start date,End date\n400101,Child Protection Plan,2026-05-01,\n").unwrap();
    if xlsx {
        std::fs::write(input.join("notes.xlsx"), workbook(&[("Notes", notes)])).unwrap();
    } else {
        let csv: String = notes.iter().map(|r| r.join(",") + "\n").collect();
        std::fs::write(input.join("notes.csv"), csv).unwrap();
    }
    run_in_folder(&dir, &input)
}

#[test]
fn a_case_note_whose_status_says_demo_or_test_is_no_record() {
    // Review 245's c62: a training walkthrough on the live system, status
    // "DEMO"; set aside, the gap 09/09 -> 30/09 is 15 working days. Read from
    // a CSV and from a workbook (the two case-note readers).
    let notes: &[&[&str]] = &[
        &["Child ID", "Note type", "Event date", "Date entered", "Seen alone", "Status"],
        &["400101", "CP Visit", "2026-08-28", "2026-08-28", "Yes", "Final"],
        &["400101", "CP Visit", "2026-09-09", "2026-09-09", "Yes", "Final"],
        &["400101", "CP Visit", "2026-09-21", "2026-09-21", "Yes", "DEMO"],
        &["400101", "CP Visit", "2026-09-30", "2026-09-30", "Yes", "Final"],
        &["400101", "CP Visit", "2026-10-12", "2026-10-12", "Yes", "Test note"],
        &["400101", "CP Visit", "2026-10-09", "2026-10-09", "Yes", "Demo - do not use"],
        &["400101", "CP Visit", "2026-10-13", "2026-10-13", "Yes", "Final"],
        &["400101", "CP Visit", "2026-10-23", "2026-10-23", "Yes", "Final"],
    ];
    for xlsx in [false, true] {
        let out = notes_of_one_cp_child(if xlsx { "demo-note-status-xlsx" } else { "demo-note-status-csv" }, notes, xlsx);
        assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(1)), "xlsx {xlsx}");
        assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(4)), "xlsx {xlsx}");
        assert!(data_quality(&out).contains("status says it is a test or a demonstration"), "xlsx {xlsx}");
    }
}

#[test]
fn a_moderation_log_naming_an_earlier_save_of_the_form_finds_the_audit() {
    // Blind set 155's elmstead: "Audit_7720011_final.xlsx" (completed 07/10)
    // and its resubmission "Audit_7720011_final v2.xlsx" (09/10, the one
    // used); the moderator's log names the audit by the first save's date.
    let form = |id: &'static str, date: &'static str, grade: &'static str| -> Vec<Vec<&'static str>> {
        vec![
            vec!["Case File Audit", ""],
            vec!["Date audit completed:", date],
            vec!["Auditor (name):", "M. Fry"],
            vec!["Case ID:", id],
            vec!["Team:", "North"],
            vec!["OVERALL JUDGEMENT OF THE CASE FILE:", grade],
        ]
    };
    let dir = scratch("moderation-of-earlier-save");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, date, grade) in [("Audit_7720011_final.xlsx", "2026-10-07", "Requires improvement"), ("Audit_7720011_final v2.xlsx", "2026-10-09", "Good")] {
        let rows = form("7720011", date, grade);
        let sheet: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        std::fs::write(input.join(name), workbook(&[("Audit", &sheet)])).unwrap();
    }
    let rows = form("7720012", "2026-09-14", "Good");
    let sheet: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    std::fs::write(input.join("Audit_7720012.xlsx"), workbook(&[("Audit", &sheet)])).unwrap();
    std::fs::write(
        input.join("Moderation log - G Nakamura.csv"),
        "Child ID,Audit date,Moderator,Date moderated,Moderator grade,Agree with auditor?\n\
         7720011,07/10/2026,G Nakamura,20/10/2026,Requires improvement,No\n",
    )
    .unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(0), Some(1)));
    assert!(!data_quality(&out).contains("moderation_unlinked"));
}

#[test]
fn a_draft_case_note_beside_its_full_copy_is_set_aside() {
    // Blind set 155's ashcombe and dunsworth: the draft saved before the note
    // was finished, and the finished note (same child, type and day). A
    // draft with no full copy is kept, and said.
    let notes: &[&[&str]] = &[
        &["Child ID", "Note type", "Event date", "Date entered", "Seen alone", "Status"],
        &["400101", "CP Visit", "2026-09-01", "2026-09-01", "Yes", "Complete"],
        &["400101", "CP Visit", "2026-09-10", "2026-09-10", "Yes", "Draft"],
        &["400101", "CP Visit", "2026-09-10", "2026-09-14", "Yes", "Complete"],
        &["400101", "CP Visit", "2026-09-22", "2026-10-30", "", "Draft"],
    ];
    for xlsx in [false, true] {
        let out = notes_of_one_cp_child(if xlsx { "draft-note-xlsx" } else { "draft-note-csv" }, notes, xlsx);
        // Three visits: 01/09, 10/09 (once, recorded 14/09), 22/09 (the draft
        // alone, recorded 30/10: more than 28 days after).
        assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(3)), "xlsx {xlsx}");
        assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(2), Some(3)), "xlsx {xlsx}");
        let dq = data_quality(&out);
        assert!(dq.contains("also holds in full") && dq.contains("draft_notes_kept"), "xlsx {xlsx}: {dq}");
    }
}

#[test]
fn a_date_merged_down_a_column_is_every_rows_date() {
    // Review 247's c47: "Date allocated" merged over each round's rows (D2:D4
    // 01/09, D5:D6 15/09), the team on every row. Each row is allocated on
    // its round's date: C6103 and C6105 are due 30/09 and not done.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let sh = wb.add_worksheet();
    let cells: [[&str; 5]; 7] = [
        ["Child ID", "Team", "Auditor", "Date allocated", "Date completed"],
        ["C6101", "North", "A Patel", "", "46285"],
        ["C6102", "South", "B Okafor", "", "46298"],
        ["C6103", "North", "C Hughes", "", ""],
        ["C6104", "South", "D Walsh", "", "46293"],
        ["C6105", "North", "A Patel", "", ""],
        ["C6106", "South", "B Okafor", "46296", "46309"],
    ];
    for (r, row) in cells.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            match v.parse::<f64>() {
                Ok(n) => sh.write_number_with_format(r as u32, c as u16, n, &date).unwrap(),
                Err(_) => sh.write_string(r as u32, c as u16, *v).unwrap(),
            };
        }
    }
    sh.merge_range(1, 3, 3, 3, "", &date).unwrap();
    sh.write_number_with_format(1, 3, 46266.0, &date).unwrap();
    sh.merge_range(4, 3, 5, 3, "", &date).unwrap();
    sh.write_number_with_format(4, 3, 46280.0, &date).unwrap();
    // (The last round's date merged on past the records, over two blank
    // rows: no records there; review 249's c33.)
    sh.merge_range(6, 3, 8, 3, "", &date).unwrap();
    sh.write_number_with_format(6, 3, 46296.0, &date).unwrap();
    let out = run_one_file("merged-allocation-dates", "tracker.xlsx", &wb.save_to_buffer().unwrap());
    let audits = rows(&out.join("normalised/audits.csv"));
    let allocated: Vec<&str> = audits.iter().map(|a| a["allocated_date"].as_str()).collect();
    assert_eq!(allocated, ["2026-09-01", "2026-09-01", "2026-09-01", "2026-09-15", "2026-09-15", "2026-10-01"]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(6)));
    assert!(!data_quality(&out).contains("row_rejected"));
}

#[test]
fn a_councils_redactions_leave_its_tests_and_its_views() {
    // Blind set 156: a test row under a pseudonym ("C-TEST01", "TEST TEAM -
    // do not report", "TEST RECORD - please ignore"), another whose social
    // worker is "TEST USER", and a box of the family's views "[REDACTED]"
    // where views were had (its cover note says so; a reason where not).
    let csv = "Child ID (pseudonymised),Name of Team,Name of Social Worker,Date of the Audit,Auditors' Grade,Rationale,Parents / carers views\n\
               C-4f2a91,North,[REDACTED],10/09/2026,Good,[REDACTED],[REDACTED]\n\
               C-77b0c3,South,[REDACTED],14/09/2026,Requires improvement,[REDACTED],Not obtained - mother declined\n\
               C-TEST01,TEST TEAM - do not report,[REDACTED],15/09/2026,Good,TEST RECORD - please ignore,[REDACTED]\n\
               C-9e11d2,South,TEST USER,16/09/2026,Good,,[REDACTED]\n\
               C-TEST-03,North,[REDACTED],17/09/2026,Good,,[REDACTED]\n\
               C-0a5e7f,North,[REDACTED],18/09/2026,Good,Demo of genogram with YP,[REDACTED]\n";
    let out = run_one_file("redacted-tests-and-views", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(3)));
}

#[test]
fn a_plan_type_beside_a_legal_status_fills_its_blanks() {
    // Blind set 162's pellsworth: "Legal Status" blank on a CP plan's row
    // beside "Plan / Status Type" (its CP plans had been rejected, "no legal
    // status", and the CP visits KPI was not in the exports).
    let status = "Person ID,Plan / Status Type,Legal Status,Start Date,End Date\n\
                  C1,Child Protection Plan,,2026-06-01,\nC2,Looked After,C2,2026-01-01,\nC3,Looked After,V2,2026-02-01,\n\
                  C4,Looked After,E1,2026-03-01,\nC5,Looked After,C2,2026-04-01,\n";
    let notes = "Child ID,Note type,Visit date,Date recorded,Seen alone\n\
                 C1,CP visit,2026-09-01,2026-09-01,Yes\nC1,CP visit,2026-09-15,2026-09-15,Yes\nC1,CP visit,2026-09-29,2026-09-29,Yes\n\
                 C1,CP visit,2026-10-13,2026-10-13,Yes\nC1,CP visit,2026-10-27,2026-10-27,Yes\n";
    let out = run_files("plan-type-beside-status", &[("legal-status.csv", status), ("visits.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)), "{}", data_quality(&out));
    // A category of abuse beside it is no status.
    let status = "Person ID,Category,Legal Status,Start Date,End Date\nC1,Neglect,,2026-06-01,\nC2,,C2,2026-01-01,\n";
    let out = run_files("category-beside-status", &[("legal-status.csv", status), ("visits.csv", notes)]);
    assert!(data_quality(&out).contains("no legal status"), "{}", data_quality(&out));
}

#[test]
fn a_grade_key_written_as_one_sentence_is_read() {
    // Blind set 162's pellsworth: the instructions sheet says "Moderators:
    // judgement as a number – 1 = does not yet meet good, 2 = meets good,
    // 3 = exceeds good"; the twelve-question framework's numbers had read
    // "1" as inadequate and "3" as good: agreement 1/5 where 4/5.
    let instructions: &[&[&str]] = &[
        &["Full audit log 2026-27"],
        &["Judgements for every question: Exceeds good / Meets good / Does not meet good / Not applicable. Q12 is the overall audit rating."],
        &["Moderators: judgement as a number – 1 = does not yet meet good, 2 = meets good, 3 = exceeds good."],
    ];
    let questions = [
        "1. Risk is identified, responded to and reduced in a timely way",
        "2. Children, young people and families are appropriately involved",
        "3. Decision making is effective and timely",
        "4. Assessments are timely, comprehensive, and analytical and of high quality",
        "5. Coordination between agencies is effective",
        "6. Consideration of the child's identity",
        "7. Quality of plans",
        "8. Permanency is achieved without delay and reflects assessed needs",
        "9. Children and young people participate in and benefit from effective regular reviews",
        "10. Quality of living arrangements",
        "11. Are young people prepared for independence and are they living in high quality accommodation",
        "12. How has the help provided improved outcomes?",
    ];
    let mut header = vec!["Child's ID number", "Team", "Audit date"];
    header.extend(questions);
    header.extend(["Moderator", "Date moderated", "Moderator judgement (1-3)"]);
    let row = |id: &'static str, done: &'static str, grade: &'static str, moderated: &'static str, number: &'static str| {
        let mut r = vec![id, "North", done];
        r.extend([grade; 12]);
        r.extend(["S. Corrie", moderated, number]);
        r
    };
    let rows = [
        header,
        row("5300102", "2026-09-01", "Meets good", "2026-10-06", "2"),
        row("5300103", "2026-09-15", "Meets good", "2026-10-02", "1"),
        row("5300104", "2026-09-16", "Does not meet good", "2026-10-09", "1"),
        row("5300108", "2026-10-28", "Exceeds good", "2026-10-30", "3"),
        row("5300110", "2026-09-16", "Meets good", "2026-10-05", "Meets good"),
    ];
    let log: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    let out = run_one_file("grade-key-sentence", "log.xlsx", &workbook(&[("Instructions", instructions), ("Audit log", &log)]));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(4), Some(5)), "{}", data_quality(&out));
    assert!(data_quality(&out).contains("read with the key in sheet 'Instructions'"));
}

#[test]
fn an_audit_of_a_child_a_title_declares_a_trainers_is_set_aside() {
    // Review 252's c40: the audits' own title declares the training
    // client; its audit had been counted (4 audits for 3), silently.
    let csv = "Quality audit report (client 63999 = training client)\n\
               Child ID,Team,Date completed,Overall judgement\n\
               63999,North,2026-09-10,Good\nC1,North,2026-09-11,Good\nC2,North,2026-09-12,Requires Improvement\nC3,North,2026-09-14,Requires Improvement\n";
    let out = run_one_file("declared-test-audit", "audits.csv", csv.as_bytes());
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(3)));
    assert!(data_quality(&out).contains("row(s) of child '63999'"), "{}", data_quality(&out));
}

#[test]
fn a_sheet_marked_not_to_be_used_is_skipped() {
    // Blind set 161's wrenfold: "ARCHIVED – do not use" held superseded
    // drafts, counted as audits (14 for 10 with the tool change's copies).
    let tracker: &[&[&str]] = &[
        &["Child ID", "Team", "Date completed", "Overall judgement"],
        &["C1", "North", "2026-09-10", "Good"],
        &["C2", "North", "2026-09-12", "Requires Improvement"],
    ];
    let archived: &[&[&str]] = &[
        &["ARCHIVED – do not use. Superseded copies kept for the audit trail."],
        &["Child ID", "Team", "Date completed", "Overall judgement"],
        &["C1", "North", "2026-09-08", "Requires Improvement"],
        &["C3", "North", "2026-09-01", "Good"],
    ];
    let out = run_one_file("archived-do-not-use", "tracker.xlsx", &workbook(&[("Tracker", tracker), ("ARCHIVED – do not use", archived)]));
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert!(data_quality(&out).contains("says it is not to be used"), "{}", data_quality(&out));
    // Whatever else the sheet's name says ("Audits OLD - do not use"), and
    // by its title alone; not a title's instruction "Please do not use the
    // old codes" (review 253's c29, c30).
    let old: Vec<&[&str]> = archived[1..].to_vec();
    let out = run_one_file("audits-old-do-not-use", "tracker.xlsx", &workbook(&[("Tracker", tracker), ("Audits OLD - do not use", &old)]));
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    let instructed: &[&[&str]] =
        &[&["Please do not use the old codes (see key)"], &["Child ID", "Team", "Date completed", "Overall judgement"], &["C4", "North", "2026-10-02", "Good"]];
    let out = run_one_file("titled-do-not-use", "tracker.xlsx", &workbook(&[("Sept audits", archived), ("Oct audits", instructed), ("Tracker", tracker)]));
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
}

#[test]
fn a_forms_later_label_named_less_well_does_not_replace_its_team() {
    // Review 252's c63: "Team meeting notes | Discussed at team meeting"
    // below "Name of Team: | Team A" had made the audit's team "Discussed
    // at team meeting".
    let form: &[&[&str]] = &[
        &["Learning Audit", ""],
        &["Child's ID:", "510004"],
        &["Name of Team:", "Team A"],
        &["Date audit completed:", "2026-09-15"],
        &["Auditors' Grade: Outstanding/Good/Requires Improvement/Inadequate", "Good"],
        &["Team meeting notes", "Discussed at team meeting"],
    ];
    let out = run_one_file("form-team-named-best", "LearningAudit_510004.xlsx", &workbook(&[("Audit", form)]));
    let m = metrics(&out);
    let k = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap().clone();
    let teams: Vec<&str> = k["by_team"].as_array().unwrap().iter().filter_map(|t| t["team"].as_str()).collect();
    assert_eq!(teams, ["Team A"], "{k}");
}

#[test]
fn audits_and_actions_moved_to_a_new_tool_count_once_as_the_new_tool_has_them() {
    // Blind set 161: a service that changed its audit tool mid-year sends the
    // frozen tracker and the new tool's export. Rows that say they moved
    // ("Imported to the new system", "Migrated", "moved to the new
    // system", an action's legacy reference) are one record with their
    // copy in the other tool, and the new tool's record is used (C1001 was
    // regraded there; C1003 was finished there).
    let tracker = "Child ID,Auditor,Date of audit,Due date,Overall grade,Notes\n\
                   C1001,Ann Ash,2026-09-04,2026-09-30,Good,Imported to the new system 15/09\n\
                   C1002,Ben Bell,2026-09-10,2026-09-30,Requires Improvement,\n\
                   C1003,Cara Cole,,2026-10-30,,In progress - moved to the new system\n\
                   C1006,Fay Ford,2026-09-02,2026-09-30,Inadequate,\n";
    // (C1006's new audit is by another auditor on another day: a re-audit,
    // not a copy, whatever its status says.)
    let new_tool = "Audit ID,Child ID,Auditor,Date of audit,Due date,Overall grade,Status\n\
                    NA-1,C1001,Ann Ash,2026-09-04,2026-09-30,Requires Improvement,Migrated\n\
                    NA-3,C1003,Cara Cole,2026-10-12,2026-10-30,Good,Completed\n\
                    NA-6,C1006,Eve Eden,2026-10-20,2026-10-31,Good,Imported from old tracker\n";
    let old_actions = "Ref,Child ID,Action,Due date,Date completed\n\
                       OT-101,C1001,Update the chronology,2026-09-18,\n\
                       OT-102,C1002,Hold a strategy review,2026-09-24,\n";
    // (The second action reworded in the new tool, found by its reference.)
    let new_actions = "Action ID,Child ID,Action,Due date,Date completed,Legacy Ref\n\
                       NT-501,C1001,Update the chronology,2026-09-18,2026-09-17,Imported from old tracker (OT-101)\n\
                       NT-502,C1002,Hold a strategy review meeting,2026-09-24,2026-09-30,OT-102\n\
                       NT-599,C9999,TEST – delete me,2026-09-23,,\n";
    let out = run_files(
        "moved-between-tools",
        &[
            ("Audit tracker 2026-27.csv", tracker),
            ("New system audits.csv", new_tool),
            ("Tracker actions.csv", old_actions),
            ("New system actions.csv", new_actions),
        ],
    );
    assert_eq!(kpi_pair(&out, "audits_completed"), (Some(5), None));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(5)));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(5), Some(5)));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_overdue"), (Some(0), None));
    let dq = data_quality(&out);
    assert_eq!(dq.matches("the same audit in the tool the service moved to").count(), 2, "{dq}");
    assert_eq!(dq.matches("the same action in the tool the service moved to").count(), 2, "{dq}");
}

#[test]
fn the_moderators_grade_beside_the_moderator_is_not_the_auditors_grade_before_moderation() {
    // Blind set 161's pellbrook: "Moderator Overall" beside "Moderator" is the
    // moderator's grade; "Auditor's overall before moderation" is the
    // auditor's grade as it was, not the moderator's (A4's moderator gave the
    // audit's grade: agreed).
    let log = "Audit ID,Child ID,Auditor,Audit date,Overall,Auditor's overall before moderation,Moderator,Date moderated,Moderator agrees,Moderator Overall\n\
               A1,C1,Ann Ash,2026-09-10,Good,Good,Mo Lead,2026-09-20,,Good\n\
               A2,C2,Ann Ash,2026-09-12,Inadequate,Requires improvement,Mo Lead,2026-09-22,No,Inadequate\n\
               A3,C3,Ben Bell,2026-09-14,Good,Good,Mo Lead,2026-09-24,Yes,Good\n\
               A4,C4,Ben Bell,2026-09-16,Requires improvement,Good,Mo Lead,2026-09-26,,Requires improvement\n";
    let out = run_one_file("moderator-grade-beside-moderator", "audits.csv", log.as_bytes());
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(3), Some(4)));
}

#[test]
fn seed_002s_parts_named_by_their_files_join_and_a_part_b_completes_an_audit_waiting_for_it() {
    // Blind set 161's marrowdean: Part A and Part B sent as two form
    // downloads named for their parts; Part B's own columns name Part A only
    // as the reference it follows ("Part A response ID or CareFirst Form
    // ID"), its "Completion time" is when the CSW acknowledged. C2's Part A
    // has no Part B: not complete. C3 was begun in the case-management
    // system (Part A done, Part B blank) and acknowledged on the form.
    let part_a = "Child's CareFirst client ID,Team,Audit due date,Date of audit,Overall evaluation\n\
                  C1,Child in Need 3,2026-09-30,2026-09-10,Good\n\
                  C2,Child in Need 3,2026-10-31,2026-10-20,Good\n";
    let part_b =
        "Completion time,Child's CareFirst client ID,Part A response ID or CareFirst Form ID,I confirm the audit has been received,Date acknowledged\n\
                  2026-09-15 10:00,C1,1,Yes,2026-09-15\n\
                  2026-09-20 16:00,C3,CareFirst 88207,Yes,2026-09-20\n";
    let system = "Form ID,Client ID,Team,Due date,Part A completed,Part B completed,Overall evaluation\n\
                  88207,C3,Child in Need 3,2026-09-30,2026-09-05,,Requires improvement\n";
    let out = run_files(
        "parts-named-by-files",
        &[("Quality Audit - Part A (Auditor).csv", part_a), ("Quality Audit - Part B (CSW acknowledgement).csv", part_b), ("CareFirst audits.csv", system)],
    );
    assert_eq!(kpi_pair(&out, "audits_completed"), (Some(2), None));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    let mut done: Vec<(String, String)> =
        rows(&out.join("normalised/audits.csv")).into_iter().map(|r| (r["child_id"].clone(), r["completed_date"].clone())).collect();
    done.sort();
    assert_eq!(done, [("C1".into(), "2026-09-15".into()), ("C2".into(), String::new()), ("C3".into(), "2026-09-20".into())]);
    let dq = data_quality(&out);
    assert!(dq.contains("its Part B is this one"), "{dq}");
}

#[test]
fn visits_are_read_from_child_seen_types_a_child_seen_column_and_a_notes_title() {
    // Blind set 164: Mosaic's "Child seen - CP" is a CP visit; LCS's "Child
    // Seen" answered "Seen alone" / "Seen with carer" says whether the child
    // was seen alone where no other column does; so does Eclipse's
    // "Observation Title" ("… – Child seen: Alone").
    let status = "Child ID,Legal Status,Start Date,End Date\nC1,CP,2026-06-01,\n";
    let mosaic = "Person ID,Note Type,Event Date,Date Entered,Was the child seen alone?\n\
                  C1,Child seen - CP,2026-08-28,2026-08-28,Yes\n\
                  C1,Child seen - CP,2026-09-04,2026-09-04,Yes\n\
                  C1,Child seen - CP,2026-09-18,2026-09-18,No\n\
                  C1,Child seen - CP,2026-10-02,2026-10-02,Yes\n\
                  C1,Child seen - CP,2026-10-16,2026-10-16,Yes\n\
                  C1,Child seen - CP,2026-10-30,2026-10-30,Yes\n";
    let out = run_files("child-seen-types", &[("legal-status.csv", status), ("Mosaic case notes.csv", mosaic)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(5), Some(5)));
    let lcs = "Person ID,Note Type,Child Seen,Event Date,Recorded Date\n\
               C1,Visit - Child Protection,Seen alone,2026-09-04,2026-09-04\n\
               C1,Visit - Child Protection,Seen with carer,2026-09-18,2026-09-18\n\
               C1,Visit - Child Protection,,2026-10-02,2026-10-02\n";
    let out = run_files("child-seen-column", &[("legal-status.csv", status), ("LCS case notes.csv", lcs)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(3)));
    let eclipse = "Client ID,Observation Type,Observation Title,Observation Date,Created On\n\
                   C1,Statutory visit - child protection,Child protection visit – Child seen: Alone,2026-09-04,2026-09-04\n\
                   C1,Statutory visit - child protection,Child protection visit – Child seen: With carer,2026-09-18,2026-09-18\n\
                   C1,Statutory visit - child protection,Child protection visit,2026-10-02,2026-10-02\n\
                   C1,Statutory visit - child protection,Child protection visit – Child seen: Not seen (no access),2026-10-16,2026-10-16\n";
    // (The last: the child not seen, so no statutory visit.)
    let out = run_files("child-seen-title", &[("legal-status.csv", status), ("Eclipse observations.csv", eclipse)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(3)));
}

#[test]
fn a_classification_is_the_childs_plan() {
    // Blind set 164's marlstone: CareFirst's "Classification" ("Child
    // Protection Plan - Neglect") is the child's plan (the file had been
    // rejected: "no episode type column").
    let classifications = "Client ID,Classification,Start Date,End Date\nC1,Child Protection Plan - Neglect,01-Jun-2026,\n";
    let notes = "Client ID,Contact Type,Contact Date,Date Recorded,Seen Alone\n\
                 C1,CP Visit,2026-08-28,2026-08-28,Yes\n\
                 C1,CP Visit,2026-09-10,2026-09-10,Yes\n\
                 C1,CP Visit,2026-09-24,2026-09-24,Yes\n\
                 C1,CP Visit,2026-10-08,2026-10-08,Yes\n\
                 C1,CP Visit,2026-10-22,2026-10-22,Yes\n";
    let out = run_files("classification-is-plan", &[("CareFirst classifications.csv", classifications), ("CareFirst contacts.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)));
}

#[test]
fn a_forms_completion_time_is_when_the_audit_was_done_where_nothing_else_says() {
    // Blind set 163's elderbrook: a seed 004 audit kept as a Microsoft Form.
    // "Date audit details received" is the allocation (it had been read as
    // the completion); the form's own "Completion time" is when the audit
    // was done, there being no other column for it.
    let form = "ID,Start time,Completion time,Email,Name,Child ID,Date audit details received,Overall grade\n\
                1,9/10/2026 10:02:11,9/10/2026 11:40:00,a@example.org,Ann Ash,C1,9/1/2026,Good\n\
                2,10/31/2026 23:30:00,10/31/2026 23:59:59,b@example.org,Ben Bell,C2,10/17/2026,Requires improvement\n";
    let out = run_one_file("forms-completion-time", "Full Audit Tool(1-2).csv", form.as_bytes());
    let mut got: Vec<(String, String, String)> = rows(&out.join("normalised/audits.csv"))
        .into_iter()
        .map(|r| (r["child_id"].clone(), r["allocated_date"].clone(), r["completed_date"].clone()))
        .collect();
    got.sort();
    assert_eq!(got, [("C1".into(), "2026-09-01".into(), "2026-09-10".into()), ("C2".into(), "2026-10-17".into(), "2026-10-31".into())]);
}

#[test]
fn a_coded_visit_where_the_child_was_not_seen_is_no_visit_once_the_code_is_read() {
    // Blind set 164's brockhollow: Eclipse's observation codes are read
    // through a code list after the notes; an "SVCP" whose title says the
    // child was not seen stays a note, as a visit type in words would.
    let status = "Child ID,Legal Status,Start Date,End Date\nC1,CP,2026-06-01,\n";
    let codes = "Code,Description,Active\nSVCP,Statutory visit - child protection,Y\nPHN,Telephone call,Y\n";
    let notes = "Client ID,Observation Type,Observation Title,Observation Date,Created On\n\
                 C1,SVCP,Child protection visit – Child seen: Alone,2026-09-04,2026-09-04\n\
                 C1,SVCP,Child protection visit – Child seen: Not seen (no access),2026-09-18,2026-09-18\n\
                 C1,SVCP,Child protection visit – Child seen: With carer,2026-10-02,2026-10-02\n\
                 C1,PHN,Telephone call with carer,2026-10-05,2026-10-05\n";
    let out = run_files("coded-visit-not-seen", &[("legal-status.csv", status), ("Observation Type Codes.csv", codes), ("Eclipse observations.csv", notes)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(2)));
}

#[test]
fn near_misses_of_the_sessions_rules_are_not_read_by_them() {
    // Review 254: a comment that a child moved, evidence that records were
    // imported, another form's "Part B" file and a health visitor's "Child
    // seen at school" are none of the new rules' cases.
    let tracker = "Child ID,Auditor,Date of audit,Overall grade,Comments\nC2001,Ann Ash,2026-09-10,Good,Child moved to foster carers in August\n";
    let lcs = "Audit ID,Child ID,Auditor,Date of audit,Overall grade,Evidence\nA-1,C2001,Ann Ash,2026-09-10,Requires improvement,Health records imported from the GP system were reviewed\n";
    let out = run_files("near-miss-moved", &[("Audit tracker.csv", tracker), ("LCS audits.csv", lcs)]);
    assert!(!data_quality(&out).contains("the tool the service moved to"), "{}", data_quality(&out));
    let part_a = "Child's CareFirst client ID,Team,Date of audit,Overall evaluation\nC1,Child in Need 3,2026-09-10,Good\n";
    let other = "Completion time,Child's CareFirst client ID,Part A response ID,Were you happy with the interview?\n2026-09-20 10:00,C1,1,Yes\n";
    let out = run_files("near-miss-part-b", &[("Quality Audit - Part A (Auditor).csv", part_a), ("Return home interview - Part B (Young person).csv", other)]);
    assert!(!data_quality(&out).contains("part_from_name"), "{}", data_quality(&out));
    let status = "Child ID,Legal Status,Start Date,End Date\nC1,CLA,2026-01-01,\n";
    let notes = "Person ID,Note Type,Event Date,Date Entered,Seen Alone\n\
                 C1,CLA Visit,2026-08-20,2026-08-20,Yes\n\
                 C1,Child seen at school by health visitor,2026-09-15,2026-09-15,\n\
                 C1,CLA Visit,2026-10-05,2026-10-05,Yes\n";
    let out = run_files("near-miss-child-seen", &[("legal-status.csv", status), ("case-notes.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cla_visits_in_time"), (Some(0), Some(1)));
}

#[test]
fn review_254s_open_cases_of_parts_moves_and_moderation_forms() {
    // Review 254's open cases. A moderation form dated only by the form's
    // "Completion time" is moderation on that day (c52).
    let tracker = "Child ID,Team,Auditor,Date allocated,Date completed,Overall judgement\n5101,West,Ann Ray,2026-09-01,2026-09-10,Good\n5102,West,Ann Ray,2026-09-01,2026-09-12,Good\n";
    let form = "ID,Start time,Completion time,Email,Name,Child ID,Moderator,Do you agree with the auditor's judgement?,Moderator's judgement\n\
                1,2026-09-20 09:00,2026-09-20 10:00,m@x.gov.uk,Dee Fox,5101,Dee Fox,Yes,Good\n";
    let out = run_files("moderation-form-completion-time", &[("Audit tracker.csv", tracker), ("Audit moderation form.csv", form)]);
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(1)));
    // The new tool's copy of a moved audit, not completed there, is kept
    // with the old tool's completion, not set aside for the old copy (c05).
    let old = "Child ID,Team,Auditor,Date allocated,Date completed,Overall grade,Status\n2001,North,Ann Ray,2026-09-01,2026-09-15,Good,Complete\n";
    let new = "Person ID,Team,Auditor,Allocated Date,Completed Date,Overall Judgement,Migrated from tracker\n\
               2001,North,Ann Ray,2026-09-01,,Requires Improvement,Yes\n2002,North,Bob Lee,2026-09-01,2026-09-25,Good,No\n";
    let out = run_files("moved-copy-not-completed", &[("Audit tracker 2026.csv", old), ("New audit system.csv", new)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
    // Seed 002's Part A read with no Part B anywhere: begun, not complete,
    // said (c45).
    let part_a = "Child ID,Team,Date of audit,Overall judgement\n3201,East,2026-09-05,Good\n3202,East,2026-09-08,Good\n";
    let out = run_files("part-a-alone", &[("Quality Audit - Part A (Auditor).csv", part_a)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(0));
    assert!(data_quality(&out).contains("no Part B export was read"), "{}", data_quality(&out));
    // A file naming both parts is read whole, as before.
    let both = "Child ID,Team,Date of audit,Overall judgement\n3201,East,2026-09-05,Good\n";
    let out = run_files("parts-a-and-b-named", &[("Quality Audit forms - Part A and Part B.csv", both)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1));
    // An empty "Part B completed" beside Part A's date: Part B not done, so
    // the audit not complete; the Part B form that names it completes it
    // (c42b, c48).
    let carefirst = "Form ID,Child ID,Team,Auditor,Date of audit (Part A),Part B completed,Overall judgement\n\
                     CF-7781,3101,East,Ann Ray,2026-09-01,,Requires Improvement\nCF-7782,3104,East,Ann Ray,2026-09-02,,Good\n";
    let part_b = "ID,Start time,Completion time,Email,Name,Part A response ID or CareFirst Form ID,Child ID,I acknowledge the audit and its recommendations\n\
                  1,2026-09-15 09:00,2026-09-15 10:00,csw@x.gov.uk,Cy Moor,CF-7781,3101,Yes\n";
    let out = run_files("part-b-column-empty", &[("CareFirst Quality Audit.csv", carefirst), ("Quality Audit - Part B (CSW acknowledgement).csv", part_b)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(0), Some(1)));
}

#[test]
fn loose_references_review_comments_and_test_children() {
    // Blind set 166: an action's audit reference typed as the number alone
    // links to the one audit with that number; a Leaving Care sheet's
    // "Comments" beside "Reviewed on" is the status the review dates, and
    // "No longer required - …" a closure.
    let audits = "Audit Ref,Child ID,Auditor,Date sample sent,Date of the Audit,Overall grade\n\
                  AUD-0304,431004,Ann Ray,2026-09-01,2026-09-04,Good\nAUD-0310,431001,Ann Ray,2026-09-01,2026-09-11,Good\n\
                  AUD-0323,431001,Ann Ray,2026-10-28,,\n";
    let actions = "Audit Ref,Action,By When,Date Completed\n310,Complete direct work,,2026-09-24\n";
    let out = run_files("loose-reference", &[("Audits.csv", audits), ("Actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(1)));
    let lc = "Audit Ref,Young person ID,Action,Who,Complete by,Reviewed on,Comments\n\
              T2LC-009,620018,Pathway plan to be updated,PA,2026-10-15,2026-10-14,No longer required - YP moved to staying put\n\
              T2LC-008,620017,Health passport to be given,PA,2026-10-09,2026-10-12,Completed\n\
              T2LC-007,620016,Apply for a bank account,PA,2026-10-09,2026-10-12,Chased - PA on leave\n";
    let out = run_files("comments-beside-reviewed-on", &[("LC remedial actions.csv", lc)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(3)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1));
    // A child of zeros typed in groups is a test row, and so is its action
    // (review 255's c41); a file whose "Part A" names a service's part of
    // the list is no seed 002 Part A (c11b).
    let audits = "Audit ID,Child ID,Auditor,Date allocated,Date audit completed,Overall grade\n\
                  A-1,C100,Ann Ray,2026-09-01,2026-09-10,Good\nA-2,000 000,Ann Ray,2026-09-01,2026-09-12,Good\n";
    let actions =
        "Audit ID,Child ID,Action,Due date,Date completed\nA-1,C100,Update plan,2026-09-20,2026-09-18\nA-2,000000,Update the chronology,2026-09-20,\n";
    let out = run_files("zeros-in-groups", &[("Case file audits 2026 - Part A Children in Care.csv", audits), ("Actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(1)));
}

#[test]
fn a_team_manager_consulted_is_not_the_practitioner_spoken_to() {
    // Review 255's c38: METRICS' practitioner is "the social worker or
    // personal adviser"; a column of whether the team manager was consulted
    // alone leaves practitioner_spoken_to "not in the exports".
    let audits = "Audit ID,Child ID,Auditor,Date allocated,Date finalised,Overall judgement,Team Manager consulted\n\
                  A-1,C1,Ann Ray,2026-09-01,2026-09-10,Good,Yes\nA-2,C2,Ann Ray,2026-09-01,2026-09-12,Good,Yes\n";
    let out = run_files("team-manager-consulted", &[("Case file audits.csv", audits)]);
    assert_eq!(metrics(&out)["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "practitioner_spoken_to").unwrap()["not_in_source"], true);
}

#[test]
fn review_255s_action_log_moderation_form_and_part_b_forms() {
    // c20: an action log most of whose rows say there is no action is an
    // action log, not a list of audits.
    let tracker = "Audit ID,Child ID,Team,Auditor,Date allocated,Date completed,Overall grade\n\
                   A-61,C6001,Lark,Ivo Crane,2026-09-01,2026-09-10,Good\nA-62,C6002,Lark,Ivo Crane,2026-09-01,2026-09-11,Good\n";
    let log = "Audit ID,Child ID,Action,Who by,By when,Date completed\n\
               A-61,C6001,None – no further actions required,SW,2026-09-30,\nA-61,C6001,None additional,SW,2026-09-30,\n\
               A-62,C6002,None.,SW,2026-09-30,\nA-62,C6002,SW to update chronology,SW,2026-09-30,2026-09-28\n\
               A-62,C6002,None of the visits recorded – SW to record visits,SW,2026-09-30,\n";
    let out = run_files("mostly-no-action", &[("Audit tracker.csv", tracker), ("Audit actions.csv", log)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(2)));
    // c02: a moderation form that repeats the auditor's grade beside the
    // moderator's is moderation on the form's completion time.
    let tracker = "Audit ID,Child ID,Team,Auditor,Date allocated,Date completed,Overall grade\n\
                   A-01,C2101,Heron,Mia Dorling,2026-09-01,2026-09-15,Good\nA-02,C2102,Heron,Mia Dorling,2026-09-01,2026-09-18,Good\n\
                   A-03,C2103,Kite,Raj Pellow,2026-09-01,2026-09-22,Requires Improvement\n";
    let form = "ID,Start time,Completion time,Email,Name,Child ID,Moderator,Auditor's overall grade,Do you agree with the auditor's grade?,Moderator's grade\n\
                1,2026-10-05 10:01:12,2026-10-05 10:31:40,anon,,C2101,Oona Treadle,Good,Yes,Good\n\
                2,2026-10-07 14:00:00,2026-10-07 14:45:09,anon,,C2102,Oona Treadle,Good,No,Requires Improvement\n";
    let out = run_files("moderation-form-with-auditors-grade", &[("Audit tracker 2026.csv", tracker), ("Audit Moderation Form(1-2).csv", form)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)));
    // c14: seed 002's Part B naming its audit by Form ID alone, no child:
    // the child is its Part A's; c16: a Part B repeating Part A's Form ID
    // is that audit's Part B, not a duplicate.
    let audits = "Form ID,Child ID,Team,Auditor,Date allocated,Date of audit (Part A),Part B completed,Overall judgement\n\
                  QA-301,C4501,Osprey,Nina Bell,2026-09-01,2026-09-10,,Good\nQA-302,C4502,Osprey,Nina Bell,2026-09-01,2026-09-12,,Requires Improvement\n";
    let part_b = "Form ID,CSW name,Recommendations noted and accepted,Date Part B completed\nQA-301,Ed Marrow,Yes,2026-10-05\n";
    let out = run_files("part-b-by-form-id", &[("Quality audits.csv", audits), ("Quality Audit - Part B (CSW).csv", part_b)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(1)));
    assert!(data_quality(&out).contains("the child of its Part A"), "{}", data_quality(&out));
    let part_a = "Form ID,Child ID,Team,Auditor,Date allocated,Date of audit,Overall judgement\n\
                  QA-501,C4701,Osprey,Nina Bell,2026-09-01,2026-09-14,Good\nQA-502,C4702,Osprey,Nina Bell,2026-09-01,2026-09-21,Good\n";
    let part_b = "Form ID,Child ID,CSW name,Date Part B completed\nQA-501,C4701,Ed Marrow,2026-09-22\n";
    let out = run_files("part-b-same-form-id", &[("Quality Audit - Part A (Auditor).csv", part_a), ("Quality Audit - Part B (CSW).csv", part_b)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)));
    assert!(!data_quality(&out).contains("duplicate audit id"), "{}", data_quality(&out));
}

#[test]
fn notes_dated_after_an_early_as_of_are_left_out_and_said() {
    // Blind set 167: a report run before its period ends (as of 19 June for
    // May–June) does not count visits dated after that day (booked ahead,
    // or a date typed wrong) in seen_alone_recorded or notes_recorded_in_time.
    let dir = scratch("notes-after-as-of");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("legal-status.csv"), "Child ID,Legal Status,Start Date,End Date\nC1,CP,2026-01-05,\n").unwrap();
    std::fs::write(
        input.join("case-notes.csv"),
        "Child ID,Case Note Type,Event Date,Date Recorded,Seen Alone\n\
         C1,CP Visit,2026-05-04,2026-05-05,Yes\nC1,CP Visit,2026-05-15,2026-05-16,No\nC1,CP Visit,2026-05-29,2026-05-30,Yes\n\
         C1,CP Visit,2026-06-12,2026-06-12,Yes\nC1,CP Visit,2026-06-26,2026-06-10,\n",
    )
    .unwrap();
    let out = dir.join("out");
    let o = auditpack(
        &dir,
        &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-05", "--as-of", "2026-06-19", "--reports", "board-pack"],
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(4), Some(4)));
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(4), Some(4)));
    assert!(data_quality(&out).contains("notes_after_as_of"), "{}", data_quality(&out));
}

#[test]
fn tools_nobody_planned_for() {
    // Blind set 168. Power BI's "Export data" names each column with its
    // table's name, "Audits[Audit date]"; its "Count of …" columns are the
    // tool's own.
    let audits = "Audits[Audit ID],Audits[Child ID],Audits[Team],Audits[Auditor name],Audits[Date allocated],Audits[Audit date],Audits[Overall grade],Count of Audit ID\n\
                  A-1,C1,North,Ann Ray,2026-09-01,2026-09-10,Good,1\nA-2,C2,North,Ann Ray,2026-09-01,2026-09-20,Inadequate,1\n";
    let actions = "Audit Actions[Audit ID],Audit Actions[Agreed action],Audit Actions[Person],Audit Actions[Due date],Audit Actions[Completed on]\n\
                   A-1,Update plan,Sam,2026-09-20,2026-09-18\n";
    let out = run_files("power-bi-columns", &[("Audit detail (export data).csv", audits), ("Actions (export data).csv", actions)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(1)));
    // A Smartsheet export's parent rows ("North District", with the row's
    // Modified and Modified By) give the team of the rows below whose own
    // cell is blank; a row blank but for Modified is blank. An action with no
    // set date, of a child audited twice, is the audit's done on or before
    // its first own date.
    let tracker = "Case ID,Status,District,Auditor,Date allocated,Due date,Date:,OVERALL JUDGEMENT OF THE CASE FILE:,Modified,Modified By\n\
                   North District,,,,,,,,2026-10-30 17:25,audit.team@x.example\n\
                   400101,Complete,North District,Yu Pen,2026-09-01,2026-09-30,2026-09-02,Good,2026-09-03 10:14,yu@x.example\n\
                   400105,Complete,,Yu Pen,2026-09-01,2026-09-30,2026-09-05,Inadequate,2026-09-05 15:55,yu@x.example\n\
                   400105,Complete,,Yu Pen,2026-10-01,2026-10-31,2026-10-26,Good,2026-10-27 11:03,yu@x.example\n\
                   ,,,,,,,,2026-09-01 08:06,audit.team@x.example\n\
                   South District,,,,,,,,2026-10-30 17:25,audit.team@x.example\n\
                   400103,Complete,South District,Fe Lyle,2026-09-01,2026-09-30,2026-09-21,Good,2026-10-20 09:40,fe@x.example\n\
                   400112,Complete,,Fe Lyle,2026-09-01,2026-09-30,2026-09-21,Good,2026-09-22 13:18,fe@x.example\n";
    let actions = "Action,Case ID,Who?,Date to be completed by?,Date reviewed,Completed/Comments\nPlacement stability meeting,400105,TM,--/--/----,2026-09-18,Completed\n";
    let out = run_files("smartsheet-parent-rows", &[("Audit Tracker.csv", tracker), ("Remedial Actions.csv", actions)]);
    let m = metrics(&out);
    let by_team = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap()["by_team"].to_string();
    assert!(by_team.contains("\"North District\"") && !by_team.contains("not recorded"), "{by_team}");
    assert!(!data_quality(&out).contains("no child id"), "{}", data_quality(&out));
    assert!(data_quality(&out).contains("action_linked_by_set_date"), "{}", data_quality(&out));
    // Seed 002's Part B kept as a form of its own is done the day the
    // practitioner acknowledged it, not the day the form was sent.
    let part_a = "Submission Date,Child's CareFirst ID,Team,Auditor,Date audit allocated,Audit due by,Overall evaluation\n\
                  2026-09-25 10:00,520102,CIN,Lo Pask,2026-09-01,2026-09-30,Good\n";
    let part_b = "Submission Date,Child's CareFirst ID,CSW name,Acknowledgement,Date acknowledged\n2026-10-01 08:05:12,520102,Ai Croft,I acknowledge the audit,30/09/2026\n";
    let out = run_files("part-b-acknowledged", &[("Quality_Audit_Part_A_Auditor.csv", part_a), ("Quality_Audit_Part_B_CSW.csv", part_b)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(1)));
    // Seed 003's "Views of the family", sought "by a brief questionnaire or
    // by a telephone discussion": the way is a yes, declined a no. An
    // Airtable multi-select overall with two grades is the weaker.
    let audits = "Audit,Child ID,Auditor,Allocated,Date finalised,Overall judgement,Views of the family\n\
                  K-1,600101,Ann Ray,2026-09-01,2026-09-10,Good,Telephone discussion\n\
                  K-2,600102,Ann Ray,2026-09-01,2026-09-12,\"Good,Requires Improvement\",Brief questionnaire\n\
                  K-3,600103,Ann Ray,2026-09-01,2026-09-14,\"Outstanding,Good\",Family declined\n\
                  K-4,600104,Ann Ray,2026-09-01,2026-09-16,Requires Improvement,Not applicable\n";
    let out = run_files("airtable-kss", &[("Audits-Grid view.csv", audits)]);
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(4)));
}

#[test]
fn review_256s_moderation_forms_tool_columns_views_and_multi_selects() {
    let tracker = "Child ID,Team,Auditor,Date completed,Overall grade\n\
                   C201,Heron,Mia Dorling,2026-09-10,Good\nC202,Heron,Mia Dorling,2026-09-12,Good\n\
                   C203,Kite,Raj Pellow,2026-09-15,Requires Improvement\nC204,Kite,Raj Pellow,2026-09-18,Good\n";
    // c06: a moderation form repeating the auditor's grade beside the
    // moderator's, no agree question; c10: beside the agree question only.
    let form = "ID,Start time,Completion time,Email,Name,Child ID,Auditor's overall grade,Moderator's grade\n\
                1,2026-10-05 10:01,2026-10-05 10:31,anon,,C201,Good,Good\n2,2026-10-06 10:01,2026-10-06 10:31,anon,,C203,Requires Improvement,Inadequate\n";
    let out = run_files("moderation-form-grades-only", &[("Audit tracker.csv", tracker), ("Moderation form.csv", form)]);
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(2), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(1), Some(2)));
    let form = "ID,Start time,Completion time,Email,Name,Child ID,Auditor's overall grade,Do you agree with the auditor's grade?\n\
                1,2026-10-05 10:01,2026-10-05 10:31,anon,,C201,Good,Yes\n2,2026-10-06 10:01,2026-10-06 10:31,anon,,C202,Good,No\n\
                3,2026-10-07 10:01,2026-10-07 10:31,anon,,C204,Good,Yes\n";
    let out = run_files("moderation-form-agree-only", &[("Audit tracker.csv", tracker), ("Moderation form.csv", form)]);
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(3), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(2), Some(3)));
    // c28: a row filled only in the tool's own columns is a blank row, with
    // no parent rows on the sheet.
    let sheet = "Child ID,Team,Auditor,Date completed,Overall grade,Modified,Modified By\n\
                 C201,Heron,Mia Dorling,2026-09-10,Good,2026-09-11 10:00,mia@x.example\n,,,,,2026-09-12 09:00,admin@x.example\n\
                 C202,Heron,Mia Dorling,2026-09-12,Good,2026-09-13 10:00,mia@x.example\n";
    let out = run_files("tool-columns-only", &[("Audit tracker (Smartsheet).csv", sheet)]);
    assert_eq!(metrics(&out)["inputs"][0]["rows_rejected"], 0, "{}", data_quality(&out));
    // c49: the family's views by telephone, the table's one row; c45: a
    // Microsoft Forms multi-choice ending in ";"; c01d: "Nothing further
    // required" is no action.
    let audits = "Audit,Child ID,Auditor,Allocated,Date finalised,Overall judgement,Views of the family\n\
                  K-1,600101,Ann Ray,2026-09-01,2026-09-10,Good;Requires improvement;,Phone call\n";
    let out = run_files("one-row-views", &[("Audits-Grid view.csv", audits)]);
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(1), Some(1)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(0), Some(1)));
    let actions = "Child ID,Action,Due date,Date completed\nC201,Update plan,2026-09-20,2026-09-18\nC202,Nothing further required,,\n";
    let out = run_files("nothing-further", &[("Audit tracker.csv", tracker), ("Actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(1)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(0));
    // Review 255's c05: an audit's old copy, paired with its copy in the
    // tool the service moved to, is set aside, not rejected: --strict passes.
    let new = "Audit ID,Child ID,Team,Auditor,Date allocated,Date completed,Overall grade,Migrated from tracker\n\
               N-100,C3001,Wren,Lia Brock,2026-09-01,,Requires Improvement,Yes\nN-101,C3002,Wren,Lia Brock,2026-09-01,2026-09-24,Good,No\n";
    let old = "Audit ID,Child ID,Team,Auditor,Date allocated,Date completed,Overall grade\nOLD-7,C3001,Wren,Lia Brock,2026-09-01,2026-09-15,Good\n";
    let dir = scratch("moved-audit-strict");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("New audit tool export.csv"), new).unwrap();
    std::fs::write(input.join("Old audit tracker.csv"), old).unwrap();
    let o = auditpack(&dir, &["validate", "--strict", "-q", input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn an_agree_only_moderation_form_and_a_forms_two_parts_times() {
    // Review 256's c10f: a moderation form with the agree question alone.
    let tracker = "Child ID,Team,Auditor,Date completed,Overall grade\n\
                   C201,Heron,Mia Dorling,2026-09-10,Good\nC202,Heron,Mia Dorling,2026-09-12,Good\n\
                   C203,Kite,Raj Pellow,2026-09-15,Requires Improvement\nC204,Kite,Raj Pellow,2026-09-18,Good\n";
    let form = "ID,Start time,Completion time,Email,Name,Child ID,Do you agree with the auditor's grade?\n\
                1,2026-10-05 10:01,2026-10-05 10:31,anon,,C201,Yes\n2,2026-10-06 10:01,2026-10-06 10:31,anon,,C202,No\n\
                3,2026-10-07 10:01,2026-10-07 10:31,anon,,C204,Yes\n";
    let out = run_files("moderation-form-agree-alone", &[("Audit tracker.csv", tracker), ("Moderation form.csv", form)]);
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(3), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(2), Some(3)));
    // Blind set 169: seed 002's form download with both parts' times is
    // complete at Part B's.
    let form = "Response ID,Submitted On,Child's CareFirst ID,Team,Audit due date,Overall evaluation,Part B Submitted On\n\
                R-1,2026-09-10 10:05,6101,CP,2026-09-15,Good,2026-09-14 15:22\nR-2,2026-09-28 09:40,6102,CP,2026-09-30,Good,2026-10-02 08:15\n\
                R-3,2026-10-14 16:45,6103,CP,2026-10-15,Good,\n";
    let out = run_files("two-parts-times", &[("Quality_Audit_Responses_export.csv", form)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
}

#[test]
fn a_tracker_started_again_as_new_is_the_later_of_the_two() {
    // Blind set 170: a tracker closed after a restructure ("... OLD
    // STRUCTURE") and a new one its September rows were copied to ("... NEW
    // STRUCTURE from 01-10-2026"): the new one's rows are the audits (one
    // audit not yet done counted once; the moderation the copies add kept).
    let header = "Child ID,Team,Auditor,Auditor's service area,Date allocated,Date of the Audit,Overall grade,Moderated?,Moderator agrees?\n";
    let old = format!("{header}C1,North,Ann Ray,North,2026-09-01,2026-09-15,Good,,\nC2,North,Ann Ray,North,2026-09-01,,,,\n");
    let new = format!(
        "{header}C1,North,Ann Ray,North,2026-09-01,2026-09-15,Good,Yes,Yes\nC2,North,Ann Ray,North Westmead,2026-09-01,,,,\nC3,North,Ann Ray,North,2026-10-01,2026-10-12,Good,,\n"
    );
    let out = run_files(
        "old-and-new-trackers",
        &[("Learning Audit Tracker 2026-27 OLD STRUCTURE.csv", old.as_str()), ("Learning Audit Tracker NEW STRUCTURE from 01-10-2026.csv", new.as_str())],
    );
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(1), Some(2)));
}

#[test]
fn review_257s_small_tables_and_review_256s_title_row() {
    // Review 257's c05: a table not recognised counts its rows under the
    // header found, not the header itself.
    let tracker = "Child ID,Team,Date completed,Overall grade\nC1,North,2026-09-10,Good\n";
    let referrals = "Child ID,Team,Referral date,Referral source,Outcome\nC1,North,2026-09-03,Police,Assessment\n\
                     C3,South,2026-09-18,School,NFA\nC9,South,2026-10-02,Health,Assessment\n";
    let out = run_files("referrals-beside", &[("Audit tracker.csv", tracker), ("New referrals.csv", referrals)]);
    let m = metrics(&out);
    let input = m["inputs"].as_array().unwrap().iter().find(|i| i["file"].as_str().unwrap().ends_with("New referrals.csv")).unwrap().clone();
    assert_eq!(input["rows_read"], 3, "{input}");
    // c17: "Agreed?" answered Yes and No on a two-row actions form is no
    // date column.
    let form = "Child ID,Completion time,Action,Agreed?\nC1,2026-09-12 10:00,Update the plan,Yes\nC1,2026-09-12 10:05,Core group in 10 days,No\n";
    let out = run_files("agreed-not-a-date", &[("Audit tracker.csv", tracker), ("Action acknowledgement form.csv", form)]);
    assert!(!data_quality(&out).contains("not a date"), "{}", data_quality(&out));
    // Review 256's c27: a parent row's title where the child's id goes
    // ("September sample", with only the tool's Modified columns) is no audit.
    let sheet = "Child ID,Team,Date completed,Overall grade,Modified,Modified By\n\
                 September sample,,,,2026-10-20 10:00,a.b@x.example\n\
                 C611,North,2026-09-10,Good,2026-10-20 10:00,a.b@x.example\n\
                 C612,South,2026-09-12,Requires Improvement,2026-10-20 10:00,a.b@x.example\n";
    let out = run_files("title-row-in-id", &[("Audit tracker (Smartsheet).csv", sheet)]);
    assert_eq!(metrics(&out)["inputs"][0]["rows_accepted"], 2, "{}", data_quality(&out));
    assert!(data_quality(&out).contains("September sample"), "{}", data_quality(&out));
}

#[test]
fn seventy_first_to_seventy_fourth_sets_reasons_deferrals_and_part_b() {
    // Blind sets 171 and 174: a child not spoken to for their age ("Baby
    // (6 months) - too young", "Child is 8 months old – not appropriate",
    // "Baby of 6 weeks - not applicable") is not applicable; a non-verbal
    // child is not spoken to (sets 141, 143); a family out of the child's
    // life ("Not appropriate – whereabouts unknown") is not applicable.
    let audits = "Date of the Audit,Child's ID.,Name of Team,Auditors' Grade,Record of discussion with child:,If child was not spoken to please state why:,\
                  Record of discussion with family:,If family was not spoken to please state why:\n\
                  10/09/2026,C1,North,Good,,Baby (6 months) - too young to be spoken to,Spoke with mother,\n\
                  11/09/2026,C2,North,Good,,Child is 8 months old – not appropriate,,Not appropriate – parents' whereabouts unknown; no contact since 2019\n\
                  12/09/2026,C3,North,Good,,Baby of 6 weeks - not applicable.,,Mother refused\n\
                  13/09/2026,C4,North,Good,,Child is non-verbal; observed at home instead.,Spoke with father,\n\
                  14/09/2026,C5,North,Good,Spoke with her at school,,Spoke with carer,\n";
    let out = run_files("too-young", &[("Learning audit returns.csv", audits)]);
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(3), Some(4)));
    // Blind set 173: an allocation "moved to next cycle" is due the month
    // after; an outstanding list's "Not returned – chased 07/09" is not done
    // (set 171).
    let tracker = "Case ID:,Team,Date allocated,Due by,Date:,OVERALL JUDGEMENT OF THE CASE FILE:,Notes\n\
                   520001,North,2026-09-01,2026-09-30,2026-09-20,Good,\n520004,South,2026-10-01,2026-10-30,,,moved to next cycle\n\
                   520005,South,2026-10-01,2026-10-30,,,\n";
    let out = run_files("moved-to-next-cycle", &[("Audit tracker.csv", tracker)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)));
    assert!(data_quality(&out).contains("due_deferred"), "{}", data_quality(&out));
    let returns = "Child ID,Team,Date sample sent,Due date,Date completed,Overall grade\nC1,North,2026-09-01,2026-09-30,2026-09-20,Good\n";
    let outstanding = "Child ID,Team,Date sample sent,Due date,Status\nC2,North,2026-09-01,2026-09-30,Not returned – chased 07/10\n";
    let out = run_files("outstanding-list", &[("Returns.csv", returns), ("Outstanding at 31-10.csv", outstanding)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)));
    // Blind set 174: seed 002's Part B as its words and then its date
    // ("Part B - CSW acknowledgement" | "Date acknowledged") completes the
    // audit, not Part A.
    let report = "Form ID,Client ID,Team,Due Date,Overall evaluation,Part A completed,Part B - CSW acknowledgement,Date acknowledged\n\
                  QA-1,660211,CP,30/09/2026,Good,25/09/2026,Audit received and recommendations noted and accepted,29/09/2026\n\
                  QA-2,660224,CP,30/09/2026,Good,28/09/2026,Audit received and recommendations noted and accepted,05/10/2026\n\
                  QA-3,660241,CP,30/10/2026,Good,29/10/2026,,\n";
    let out = run_files("part-b-by-its-place", &[("CareFirst_Quality_Audit_Report.csv", report)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
}

#[test]
fn seventy_first_and_seventy_third_sets_later_lines_visits_and_carried_actions() {
    // Blind set 171: seed 002's answer lines split into monthly extracts by
    // "Date Updated": a form's Part A lines in July's, its Part B lines in
    // August's; the later extract's form takes Part A's answers.
    let july = "Form ID,Client ID,Form Status,Part,Question,Answer,Updated By,Date Updated\n\
                QA-1,630125,Awaiting Part B,Part A,Date audit due,31/07/2026,PQ Team,06/07/2026\n\
                QA-1,630125,Awaiting Part B,Part A,Team,Looked After Children,PQ Team,06/07/2026\n\
                QA-1,630125,Awaiting Part B,Part A,Overall evaluation,Requires Improvement,Auditor,29/07/2026\n\
                QA-2,630126,Complete,Part A,Date audit due,31/07/2026,PQ Team,06/07/2026\n\
                QA-2,630126,Complete,Part A,Team,Looked After Children,PQ Team,06/07/2026\n\
                QA-2,630126,Complete,Part A,Overall evaluation,Good,Auditor,20/07/2026\n\
                QA-2,630126,Complete,Part B,Audit received and recommendations noted and accepted,Yes,CSW,21/07/2026\n\
                QA-2,630126,Complete,Part B,Date acknowledged,21/07/2026,CSW,21/07/2026\n";
    let august = "Form ID,Client ID,Form Version,Form Status,Part,Question,Answer,Updated By,Date Updated\n\
                  QA-1,630125,v3,Complete,Part B,Audit received and recommendations noted and accepted,Yes,CSW,04/08/2026\n\
                  QA-1,630125,v3,Complete,Part B,Date acknowledged,04/08/2026,CSW,04/08/2026\n\
                  QA-3,630127,v3,Complete,Part A,Date audit due,31/08/2026,PQ Team,03/08/2026\n\
                  QA-3,630127,v3,Complete,Part A,Team,Safeguarding East,PQ Team,03/08/2026\n\
                  QA-3,630127,v3,Complete,Part A,Overall evaluation,Good,Auditor,20/08/2026\n\
                  QA-3,630127,v3,Complete,Part B,Date acknowledged,21/08/2026,CSW,21/08/2026\n";
    let dir = scratch("answer-lines-by-month");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("QualityAudit_FormAnswers_2026-07.csv"), july).unwrap();
    std::fs::write(input.join("QualityAudit_FormAnswers_2026-08.csv"), august).unwrap();
    let out = dir.join("out");
    let args = ["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--from", "2026-07-01", "--to", "2026-09-30", "--as-of", "2026-09-30"];
    let o = auditpack(&dir, &args);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(3)));
    // Blind set 173: CareFirst's "Outcome" of a contact ("Visit not
    // achieved") says the visit was not made; set 171: a legal-status list
    // whose "CP Category" holds only the plans' categories, beside
    // "Episode" with every row's status.
    let legal = "Client No,Episode,Episode Start,Episode End,CP Category\n630101,Child Protection Plan,01/05/2026,,Neglect\n\
                 630102,Child Protection Plan,01/05/2026,,Neglect\n630103,Looked After (C2),01/05/2026,,\n630104,Looked After (V2),01/05/2026,,\n";
    let contacts = "Client No,Contact Date,Contact Type,Seen Alone?,Date Entered,Outcome\n\
                    630101,01/09/2026,Visit to Child - CP,Y,01/09/2026,Completed\n630101,10/09/2026,Visit to Child - CP,Y,10/09/2026,Completed\n\
                    630102,01/09/2026,Visit to Child - CP,Y,01/09/2026,Completed\n630102,10/09/2026,Visit to Child - CP,,10/09/2026,Visit not achieved\n\
                    630103,01/09/2026,Visit to Child - LAC,Y,01/09/2026,Completed\n630104,01/09/2026,Visit to Child - LAC,Y,01/09/2026,Completed\n";
    let out = run_files("visit-not-achieved", &[("CareFirst_Client_Registrations.csv", legal), ("CareFirst_Client_Contacts.csv", contacts)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(5), Some(5)));
    assert_eq!(kpi_pair(&out, "cla_visits_in_time").1, Some(2), "{}", data_quality(&out));
    // Blind set 173: last year's tracker in an "Old" folder holds an action
    // still open that this year's carries forward, done: one action, done.
    let this_year = "Child ID,Date audit finalised,Recommendation,Target date,Date TM confirmed complete\n\
                     740099,07/11/2025,Pathway plan to be updated (carried forward from 2025-26),28/11/2025,15/09/2026\n\
                     740001,01/09/2026,Update chronology,15/10/2026,\n";
    let last_year =
        "Child ID,Date audit finalised,Recommendation,Target date,Date TM confirmed complete\n740099,07/11/2025,Pathway plan to be updated,28/11/2025,\n";
    let dir = scratch("carried-forward-action");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("Old")).unwrap();
    std::fs::write(input.join("Improvement plan 2026-27.csv"), this_year).unwrap();
    std::fs::write(input.join("Old/Improvement plan 2025-26.csv"), last_year).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1), "{}", data_quality(&out));
}

#[test]
fn review_258s_reasons_overdue_lists_carried_actions_and_two_line_extracts() {
    // c01: a plain "No" whose reason is the child's age is not applicable.
    let audits = "Child ID,Team,Auditor,Date allocated,Due date,Date completed,Overall judgement,Child spoken to,Reason child not spoken to\n\
                  C101,Team A,J Smith,2026-09-01,2026-09-30,2026-09-20,Good,Yes,\n\
                  C102,Team A,J Smith,2026-09-01,2026-09-30,2026-09-20,Good,No,Baby (6 months) - too young to be spoken to\n\
                  C103,Team A,J Smith,2026-09-01,2026-09-30,2026-09-20,Good,No,Declined to speak with auditor\n";
    let out = run_files("no-with-age-reason", &[("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(1), Some(2)));
    // c12: an outstanding list's "Overdue - chased 14/09" is not done.
    let returns = "Child ID,Team,Date sample sent,Due date,Date completed,Overall grade\nC1,North,2026-09-01,2026-09-30,2026-09-20,Good\n";
    let outstanding = "Child ID,Team,Date sample sent,Due date,Status\nC2,North,2026-09-01,2026-09-30,Overdue - chased 14/09 and 21/09\n\
                       C3,North,2026-09-01,2026-09-30,Not returned – chased 07/10\n";
    let out = run_files("overdue-list", &[("Returns.csv", returns), ("Outstanding.csv", outstanding)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
    // c20: an action carried forward is set again the day it was carried:
    // still last year's action.
    let this_year = "Child ID,Action,Date set,Due date,Date completed\n\
                     C2001,Pathway plan to be updated (carried forward from 2025-26),2026-04-01,2026-09-15,2026-09-10\n\
                     C2002,Chronology to be updated,2026-09-01,2026-09-20,2026-09-18\n";
    let last_year = "Child ID,Action,Date set,Due date,Date completed\nC2001,Pathway plan to be updated,2026-02-01,2026-02-15,\n";
    let dir = scratch("carried-forward-set-again");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("Old")).unwrap();
    std::fs::write(input.join("Action tracker 2026-27.csv"), this_year).unwrap();
    std::fs::write(input.join("Old/Action tracker 2025-26.csv"), last_year).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(0), "{}", data_quality(&out));
    // c28: "Completed" (Yes) beside "Completed date" is no warning.
    let actions = "Child ID,Action,Due date,Completed,Completed date\nC2801,Update plan,2026-09-15,Yes,2026-09-10\n";
    let out = run_files("completed-yes-beside-date", &[("actions.csv", actions)]);
    assert!(!data_quality(&out).contains("is named as completed_date"), "{}", data_quality(&out));
    // c31: a month's extract holding only Part B's two answer lines, under
    // the same header as the month before.
    let august = "Form ID,Client ID,Part,Question,Answer,Date Updated\n\
                  F1,C3101,Part A,Team,Team A,2026-08-28\nF1,C3101,Part A,Due date,2026-09-30,2026-08-28\n\
                  F1,C3101,Part A,Overall grade,Good,2026-08-28\nF1,C3101,Part A,Child spoken to,Yes,2026-08-28\n\
                  F2,C3102,Part A,Team,Team B,2026-08-29\nF2,C3102,Part A,Due date,2026-09-30,2026-08-29\n\
                  F2,C3102,Part A,Overall grade,Inadequate,2026-08-29\nF2,C3102,Part A,Child spoken to,Yes,2026-08-29\n";
    let september = "Form ID,Client ID,Part,Question,Answer,Date Updated\n\
                     F1,C3101,Part B,CSW acknowledgement,Audit received and recommendations noted and accepted,2026-09-05\n\
                     F1,C3101,Part B,Date acknowledged,2026-09-05,2026-09-05\n\
                     F2,C3102,Part B,CSW acknowledgement,Audit received and recommendations noted and accepted,2026-10-06\n\
                     F2,C3102,Part B,Date acknowledged,2026-10-06,2026-10-06\n";
    let out = run_files("two-line-extract", &[("Audit answers 2026-08.csv", august), ("Audit answers 2026-09.csv", september)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(2)));
    // c32, c33: an extract of one form's lines is that form (every column
    // comes once per question, its id too); its later lines take its grade,
    // and a team restated later is the later one.
    let august = "Form ID,Client ID,Part,Question,Answer,Date Updated\n\
                  F1,C3301,Part A,Team,Team A,2026-08-28\nF1,C3301,Part A,Due date,2026-09-30,2026-08-28\n\
                  F1,C3301,Part A,Overall grade,Good,2026-08-28\nF1,C3301,Part A,Child spoken to,Yes,2026-08-28\n";
    let out = run_files("one-form-extract", &[("Audit answers 2026-08.csv", august)]);
    assert!(data_quality(&out).contains("info,long_format,"), "{}", data_quality(&out));
    let september = "Form ID,Client ID,Part,Question,Answer,Date Updated\n\
                     F1,C3301,Part A,Team,Team B,2026-09-05\n\
                     F1,C3301,Part B,CSW acknowledgement,Audit received and recommendations noted and accepted,2026-09-05\n\
                     F1,C3301,Part B,Date acknowledged,2026-09-05,2026-09-05\n";
    let out = run_files("one-form-extracts", &[("Audit answers 2026-08.csv", august), ("Audit answers 2026-09.csv", september)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1), "{}", data_quality(&out));
    let m = metrics(&out);
    let good = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "overall_good_or_better").unwrap();
    assert_eq!((good["numerator"].as_u64(), good["denominator"].as_u64()), (Some(1), Some(1)));
    assert_eq!(good["by_team"][0]["team"], "Team B", "{good}");
}

#[test]
fn seventy_fifth_and_sixth_sets_team_copies_test_clients_and_visits_not_achieved() {
    // Blind set 175: each team manager's copy of the tracker beside it. The
    // tracker's row is used where both have the audit (a copy's "Good"
    // after moderation settled "Requires Improvement" is not); the copy
    // fills what the tracker left blank (an overall "Choose an item."); an
    // allocation not yet done in both, the same child the same day, is one.
    let tracker = "Child ID,Team,Auditor,Date allocated,Due by,Date completed,Overall judgement\n\
                   520101,CLA North,Ann Ray,2026-09-01,2026-09-30,2026-09-20,Requires Improvement\n\
                   520102,CLA North,Ann Ray,2026-09-01,2026-09-30,2026-09-25,Choose an item.\n\
                   520103,CLA North,Ann Ray,2026-10-01,2026-10-31,,\n\
                   520104,CLA North,Ann Ray,2026-09-01,2026-09-30,2026-09-28,Good\n";
    let copy = "Child ID,Team,Auditor,Date allocated,Due by,Date completed,Overall judgement,TM comments,RAG\n\
                520101,CLA North,Ann Ray,2026-09-01,2026-09-30,2026-09-20,Good,Team regraded after moderation,Green\n\
                520102,CLA North,Ann Ray,2026-09-01,2026-09-30,2026-09-25,Inadequate,,Red\n\
                520103,CLA North,Ann Ray,2026-10-01,2026-10-31,,,chased,Amber\n";
    let out = run_files("team-copy", &[("Audit tracker - QA team.csv", tracker), ("CLA North - TM copy.csv", copy)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(3));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(3), Some(4)));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(3)));
    // Review 259's c17: a copy done where the tracker's row is not fills its
    // completion, not its grade.
    let tracker_open = "Child ID,Team,Auditor,Date allocated,Due by,Date completed,Overall judgement
520201,CLA North,Ann Ray,2026-09-01,2026-09-30,,Good
";
    let copy_done = "Child ID,Team,Auditor,Date allocated,Due by,Date completed,Overall judgement
520201,CLA North,Ann Ray,2026-09-01,2026-09-30,2026-09-15,Inadequate
";
    let out = run_files("team-copy-fills-completion", &[("Audit tracker - QA team.csv", tracker_open), ("CLA North - TM copy.csv", copy_done)]);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(1), Some(1)));
    // The team's copy of an action, its person written otherwise ("SW" for
    // "SW / TM"), is the tracker's action.
    let actions = "Child ID,Action,Who By,By When,Date completed\n520101,Update chronology,SW / TM,2026-10-10,\n520104,Hold supervision,SW / TM,2026-10-20,\n";
    let copy_actions =
        "Child ID,Action,Who By,By When,Date completed\n520101,Update chronology,SW,2026-10-10,2026-10-09\n520104,Hold supervision,SW,2026-10-20,\n";
    let out = run_files(
        "team-copy-actions",
        &[("Audit tracker - QA team.csv", tracker), ("Actions.csv", actions), ("Audit actions - CLA North TM.csv", copy_actions)],
    );
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1));
    // Blind set 176: a trainer's made-up person run together ("TESTCLIENT")
    // and a visit whose type says it was not achieved are no visits.
    let legal = "Client ID,Legal Status,Start Date,End Date\n970201,Child Protection Plan,2026-03-10,\n";
    let notes = "Client ID,Observation Type,Observation Date,Date Recorded,Was the child seen alone?\n\
                 970201,Child Protection Visit,07/09/2026,08/09/2026,Yes\n970201,Child Protection Visit (not achieved),14/09/2026,14/09/2026,\n\
                 970201,Child Protection Visit,18/09/2026,18/09/2026,No\nTESTCLIENT,Child Protection Visit,20/09/2026,20/09/2026,Yes\n";
    let out = run_files("test-client-not-achieved", &[("Eclipse_Involvements.csv", legal), ("Eclipse_Observations.csv", notes)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(2)));
    assert!(data_quality(&out).contains("TESTCLIENT"), "{}", data_quality(&out));
}

#[test]
fn sixty_seventh_sessions_rules_types_of_record_statuses_beside_blanks_and_notes_saved_again() {
    // Blind set 178: a row whose "Audit Type" names another kind of quality
    // assurance (a practice observation, a dip sample) is no case file audit.
    let tracker = "Child ID,Team,Auditor,Date allocated,Due date,Date completed,Overall judgement,Audit Type\n\
                   C1301,CIN East,A Smith,2026-09-01,2026-09-30,2026-09-10,Good,Full Case File Learning Audit\n\
                   C1302,CIN East,A Smith,2026-09-01,2026-09-30,2026-09-10,Inadequate,Practice Observation\n\
                   C1303,CIN East,A Smith,2026-09-01,2026-09-30,2026-09-10,Requires Improvement,Dip sample\n\
                   C1304,CIN East,A Smith,2026-09-01,2026-09-30,2026-09-10,Good,Care Leaver Learning Audit\n";
    let out = run_files("audit-type-rows", &[("Audit tracker.csv", tracker)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(2), Some(2)));
    // A legal status blank on CP registrations' rows beside "Registration
    // Type" (and filled on a looked-after child's, where that is blank):
    // each row's own. A "Previous legal status" is not the current one.
    let notes = "Child ID,Case Note Type,Event Date,Date Recorded,Seen Alone\n\
                 P801,CP Visit,2026-08-28,2026-08-28,Yes\nP801,CP Visit,2026-09-09,2026-09-09,Yes\nP801,CP Visit,2026-09-22,2026-09-22,Yes\n\
                 P801,CP Visit,2026-10-05,2026-10-05,Yes\nP801,CP Visit,2026-10-19,2026-10-19,Yes\nP801,CP Visit,2026-10-30,2026-10-30,Yes\n\
                 L803,CLA Visit,2026-08-20,2026-08-20,Yes\nL803,CLA Visit,2026-09-25,2026-09-25,Yes\nL803,CLA Visit,2026-10-29,2026-10-29,Yes\n\
                 X804,CP Visit,2026-08-28,2026-08-28,Yes\n";
    let legal = "Child ID,Legal Status,Registration Type,Start Date,End Date\n\
                 L803,Care Order (S31),,2026-01-01,\nP801,,Child Protection Registration,2026-06-01,\n";
    let out = run_files("status-beside-blanks", &[("Legal status.csv", legal), ("Case notes.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "cla_visits_in_time"), (Some(1), Some(1)));
    let previous = "Child ID,Legal Status,Previous legal status,Start Date,End Date\nP801,CP,,2026-06-01,\nX804,,CP Plan,2026-06-01,\n";
    let out = run_files("previous-status", &[("Legal status.csv", previous), ("Case notes.csv", notes)]);
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(1), Some(1)), "{}", data_quality(&out));
    // Blind set 181: a note saved again later in an overlapping export (its
    // "Contact ID" the same, the same event) was recorded when first entered.
    let first = "Client ID,Contact ID,Contact Date,Contact Type,Date Entered\nC1601,7001,2026-09-05,Phone call,2026-09-10\n";
    let second = "Client ID,Contact ID,Contact Date,Contact Type,Date Entered\nC1601,7001,2026-09-05,Phone call,2026-10-20\n\
                  C1601,7002,2026-09-12,Phone call,2026-09-14\nC1601,7002,2026-09-12,Phone call,2026-10-30\n";
    let out = run_files("note-saved-again", &[("Contacts Aug-Sep.csv", first), ("Contacts Sep-Oct.csv", second)]);
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(2), Some(2)), "{}", data_quality(&out));
    // Review 260's c01: a later month's lines of one form, its Part B
    // ("Part B - CSW acknowledgement" | "Date acknowledged"), complete the
    // form whose Part A (with its own date) an earlier month's lines gave.
    let september = "Form ID,Client ID,Question,Answer\nF100,C101,Team,CIN East\nF100,C101,Due date,2026-10-31\n\
                     F100,C101,Date Part A completed,2026-09-10\nF100,C101,Overall grade,Good\nF100,C101,Child spoken to,Yes\n";
    let october = "Form ID,Client ID,Question,Answer\nF100,C101,Part B - CSW acknowledgement,Audit received and recommendations noted and accepted\n\
                   F100,C101,Date acknowledged,2026-10-05\n";
    let out = run_files("part-b-later-lines", &[("Quality audit export 2026-09.csv", september), ("Quality audit export 2026-10.csv", october)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(1)), "{}", data_quality(&out));
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(1), Some(1)));
    let audits = rows(&out.join("normalised/audits.csv"));
    assert_eq!(audits.len(), 1);
    assert_eq!(audits[0]["completed_date"], "2026-10-05");
    // Blind set 179: a month's title alone on its row over the month's
    // audits is a heading set aside, not an audit rejected for its child id.
    let log = "Date sent,Auditor,Audit date,Child ID,Team,Overall\nSeptember 2026,,,,,\n\
               2026-09-01,Ann Ray,2026-09-15,850103,Children in Care,Good\nOctober 2026,,,,,\n\
               2026-10-01,Ann Ray,2026-10-14,850107,Children in Care,Good\n";
    let out = run_files("month-titles", &[("Audit log.csv", log)]);
    let dq = data_quality(&out);
    assert!(!dq.contains("no child id") && dq.contains("section heading"), "{dq}");
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(2));
    // A visit's outcome beside "Seen Alone" and a status of the note's own
    // ("No Access"), or before "Seen Alone?" with no status ("Visit not
    // achieved - no access"), or "Visit happened?: No - no access": no visit
    // (blind sets 184, 186).
    let legal = "Person ID,Legal Status,Start Date,End Date\n870915,Child Protection Plan,2026-06-01,\n";
    let beside = "Person ID,Case Note Type,Case Note Date,Date Entered,Seen Alone,Visit Outcome,Case Note Status\n\
                  870915,CP Statutory Visit,2026-09-09,2026-09-09,Yes,Completed,Active\n\
                  870915,CP Statutory Visit,2026-09-21,2026-09-21,,No Access,Active\n";
    let before = "Person ID,Case Note Type,Case Note Date,Date Entered,Visit Outcome,Seen Alone?\n\
                  870915,CP Statutory Visit,2026-09-09,2026-09-09,Child seen,Yes\n\
                  870915,CP Statutory Visit,2026-09-15,2026-09-15,Child seen,No\n\
                  870915,CP Statutory Visit,2026-09-21,2026-09-21,Visit not achieved - no access,\n";
    let happened = "Person ID,Case Note Type,Case Note Date,Date Entered,Child seen alone?,Visit happened?\n\
                    870915,CP Statutory Visit,2026-09-09,2026-09-09,Yes,Yes\n\
                    870915,CP Statutory Visit,2026-09-21,2026-09-21,,No - no access\n";
    for (name, notes, want) in [("outcome-beside-status", beside, 1), ("outcome-before-seen-alone", before, 2), ("visit-happened", happened, 1)] {
        let out = run_files(name, &[("Legal status.csv", legal), ("Case notes.csv", notes)]);
        assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(want), Some(want)), "{name}: {}", data_quality(&out));
    }
}

#[test]
fn sixty_eighth_sessions_rules_a_report_grouped_by_child_from_its_first_group() {
    // A case-notes report printed by child (blind set 190's Business Objects
    // report): "Child ID: 630201" on its own row above the first child's
    // header, then each later child's row above the header again. The first
    // child's notes are that child's, not rows without a child.
    let notes = "Child Visits and Case Recordings,,,,\n\
                 Prompts: Event Date between 01-JUL-26 and 31-OCT-26,,,,\n\
                 ,,,,\n\
                 Child ID: 630201,,,,\n\
                 Event Date,Recording Type,Seen Alone,Date Entered,Entered By\n\
                 27-AUG-26,Visit to Child - CP,Y,28-AUG-26,Dev Okonjo\n\
                 08-SEP-26,Visit to Child - CP,N,09-SEP-26,Dev Okonjo\n\
                 Count:,2,,,\n\
                 ,,,,\n\
                 Child ID: 630202,,,,\n\
                 Event Date,Recording Type,Seen Alone,Date Entered,Entered By\n\
                 20-AUG-26,Visit to Child - CP,Y,20-AUG-26,Ruth Penhallow\n\
                 02-SEP-26,Visit to Child - CP,,02-SEP-26,Ruth Penhallow\n\
                 Count:,2,,,\n";
    let status = "Person ID,Legal Status,Start Date,End Date\n630201,CP,01/06/2026,\n630202,CP,01/06/2026,\n";
    let out = run_files("report-grouped-by-child", &[("notes.csv", notes), ("status.csv", status)]);
    // Two visits in the period, one each; the first child's seen alone is recorded.
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "cp_visits_in_time"), (Some(0), Some(2)));
    let dq = data_quality(&out);
    assert!(!dq.contains("no child id: row not used"), "{dq}");
}

#[test]
fn sixty_eighth_sessions_rules_part_b_dated_only_by_when_it_was_entered() {
    // Seed 002's form as answer lines whose parts are dated only by when
    // each was entered (blind set 191's finchmoor): Part B's date completes
    // the audit ("Once this part is completed the audit is complete").
    let mut lines = String::from("Client No,Form No,Form Due,Responsible Team,Form Status,Stage,Question,Response,Entered By,Entered On\n");
    for (child, form, due, part_a, part_b, grade) in [
        ("204901", "QA-1", "30/09/2026", "25/09/2026 10:00", Some("29/09/2026 09:00"), "Good"),
        ("204902", "QA-2", "30/09/2026", "28/09/2026 10:00", Some("02/10/2026 09:00"), "Inadequate"),
        ("204903", "QA-3", "16/10/2026", "14/10/2026 10:00", None, "Good"),
    ] {
        for (q, a) in [("Overall evaluation", grade), ("Assessment", grade), ("Actions", "Update the plan")] {
            lines.push_str(&format!("{child},{form},{due},Team A,Complete,\"PART A, AUDITOR COMPLETES\",{q},{a},Ann Auditor,{part_a}\n"));
        }
        if let Some(b) = part_b {
            lines.push_str(&format!(
                "{child},{form},{due},Team A,Complete,\"PART B, CSW COMPLETES\",Audit received and recommendations noted and accepted,Yes,Cal Worker,{b}\n"
            ));
        }
    }
    let out = run_files("part-b-entered-on", &[("answers.csv", &lines)]);
    // Two completed (Part B), one late (Part B after its due date); the third
    // has no Part B: due, not done.
    assert_eq!(kpi_pair(&out, "audits_completed"), (Some(2), None));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(3)));
}

#[test]
fn sixty_eighth_sessions_rules_a_pivot_table_with_its_labels_not_repeated() {
    // Case notes and legal status as Excel pivot tables in tabular form with
    // "Repeat All Item Labels" off (blind set 192's brackwater): a blank row
    // label is the one above it, "(blank)" is an empty cell, "… Total" rows
    // are totals.
    let notes = "Team,(All),,,,\n\
                 ,,,,,\n\
                 Count of Case Note ID,,,,,\n\
                 Child ID,Event Date,Note Type,Seen Alone,Date Entered,Total\n\
                 2210401,27/08/2026,Visit - Child Protection,Yes,28/08/2026,1\n\
                 ,04/09/2026,Telephone,(blank),07/09/2026,1\n\
                 ,,Visit - Child Protection,No,07/09/2026,1\n\
                 ,15/09/2026,Visit - Child Protection,Yes,16/09/2026,1\n\
                 2210401 Total,,,,,4\n\
                 2210402,28/08/2026,Visit - Child Protection,Yes,28/08/2026,1\n\
                 ,08/09/2026,Visit - Child Protection,(blank),09/09/2026,1\n\
                 2210402 Total,,,,,2\n\
                 Grand Total,,,,,6\n";
    let status = "Count of Episode ID,,,,\n\
                  Legal Status,Child ID,Start Date,End Date,Total\n\
                  Child Protection,2210401,11/05/2026,(blank),1\n\
                  ,2210402,02/03/2026,(blank),1\n\
                  Child Protection Total,,,,2\n\
                  Grand Total,,,,2\n";
    let out = run_files("pivot-labels-not-repeated", &[("notes.csv", notes), ("status.csv", status)]);
    // The visit on 04/09 (its date hidden under the telephone call's) is
    // read; both children are on a plan; every 10-working-day gap is met up
    // to 15/09 for the first child.
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "cp_visits_in_time").1, Some(2));
    let dq = data_quality(&out);
    assert!(dq.contains("pivot_labels_filled"), "{dq}");
    assert!(!dq.contains("no legal status: row not used"), "{dq}");
}

#[test]
fn sixty_eighth_sessions_rules_an_improvement_plans_type_column() {
    // An improvement plan's "Type" column marking areas of strength beside
    // recommendations (blind set 188's marlowick): a strength is no action.
    let audits = "Child ID,Date completed,Overall grade\n500106,20/09/2026,Good\n500107,22/09/2026,Good\n";
    let plan = "Child ID,Type,Recommendation for improvement (SMART) / area of strength,By whom,By when,Date completed (TM confirmed)\n\
                500106,Recommendation for improvement,Supervision notes to be uploaded,TM,05/10/2026,02/10/2026\n\
                500106,Area of strength,Chronology is exemplary and used in every supervision.,,,\n\
                500107,Recommendation for improvement,Life story work to start,SW,06/10/2026,\n";
    let out = run_files("plan-type-column", &[("audits.csv", audits), ("plan.csv", plan)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_overdue"), (Some(1), None));
}

#[test]
fn sixty_ninth_sessions_rules_a_trackers_own_ref_column_is_the_audits_id() {
    // A tracker's "Ref" column ("QA13", "QA14") beside the child's id, and an
    // actions file naming the audit as "QA-0014" (blind set 193's
    // quillmouth). The child has two audits, so the child alone cannot say
    // which; the undated action is due 10 working days after its audit.
    let audits = "Ref,Case ID:,Date completed,Overall grade\n\
                  QA13,740013,30/09/2026,Inadequate\n\
                  QA14,740013,02/10/2026,Requires Improvement\n\
                  QA15,740015,05/10/2026,Good\n";
    let actions = "Audit Ref,Case ID:,Action,Who?,Date to be completed by?,Date completed\n\
                   QA-0014,740013,Referral to adult services to be considered,PA,,\n\
                   QA-0015,740015,Chronology to be updated,SW,12/10/2026,09/10/2026\n";
    let out = run_files("own-ref-column", &[("tracker.csv", audits), ("actions.csv", actions)]);
    // (QA-0014 is due 16/10/2026, before as_of, and not done.)
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_overdue"), (Some(1), None));
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert!(dq.contains("column 'Ref' is a reference of its own on every row"), "{dq}");

    // A "Ref" that repeats on different rows is no audit's own reference.
    let shared = "Ref,Case ID:,Date completed,Overall grade\nNorth 1,740013,30/09/2026,Good\nNorth 1,740014,02/10/2026,Good\n";
    let out = run_files("shared-ref-column", &[("tracker.csv", shared)]);
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert!(!dq.contains("a reference of its own"), "{dq}");
}

#[test]
fn sixty_ninth_sessions_rules_a_forms_blank_template_is_no_audit_and_no_error() {
    // Blind set 195's fellsby: seed 004's audit tool with its options down a
    // column, kept blank beside the tracker: no child's id, no date, nothing
    // marked. It is the template, not a table of audits with no child id.
    let blank: &[&[&str]] = &[
        &["Fellsby Moor full audit tool"],
        &["Auditor name", "", "Audit date"],
        &["Child’s ID number", "", "Team "],
        &["Strand "],
        &["Date audit details sent (Lead Auditor)"],
        &["Field", "Quality of child’s experience (Exceeds good/meets good/ does not meet good)", "Text"],
        &["1. Risk is identified, responded to and reduced in a timely way.", "Exceeds good"],
        &["", "Meets good"],
        &["", "Does not meet good"],
        &["12. How has the help provided improved outcomes? ", "Exceeds good"],
        &["", "Meets good"],
        &["", "Does not meet good"],
        &["MODERATION"],
        &["Moderator name"],
        &["Date moderated"],
    ];
    let dir = scratch("blank-template-form");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("Full audit tool - blank template.xlsx"), workbook(&[("Audit tool", blank)])).unwrap();
    std::fs::write(input.join("tracker.csv"), "Child ID,Date allocated,Due date,Date completed,Overall grade\nC1,01/09/2026,30/09/2026,20/09/2026,Good\n")
        .unwrap();
    let out = dir.join("out");
    let o = auditpack(
        &dir,
        &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dq = data_quality(&out);
    assert!(dq.contains("blank_form") && !dq.contains("missing_column"), "{dq}");
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(1)));
}

#[test]
fn sixty_ninth_sessions_rules_an_allocation_written_as_its_week() {
    // Blind set 193's brindlecombe: "w/c 01/06" typed in a date-allocated
    // column is the week's Monday; the framework's end-of-month rule makes
    // the audit due at the end of that month.
    let tracker = "Child ID,Date allocated,Date completed,Overall grade\n\
                   C1,01/09/2026,29/09/2026,Good\n\
                   C2,w/c 07/09,02/10/2026,Good\n";
    let out = run_files("allocated-week", &[("tracker.csv", tracker)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)));
    assert!(data_quality(&out).contains("a week the audit was handed out in: read as its first day, 2026-09-07"));
}

/// [`workbook`], saved (as Excel writes in `docProps/core.xml`) at `saved`
/// ("2026-12-18T16:40:00Z").
fn workbook_saved(sheets: &[(&str, &[&[&str]])], saved: &str) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let at = rust_xlsxwriter::ExcelDateTime::parse_from_str(&saved[..19].replace('T', " ")).unwrap();
    wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&at));
    for (name, rows) in sheets {
        let sh = wb.add_worksheet();
        sh.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                sh.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn sixty_ninth_sessions_rules_the_tracker_saved_later_is_used_and_is_no_moderation_log() {
    // Blind set 197's marlowmere: "copy of LA tracker" (a draft saved
    // 18/12) and "copy of copy of LA tracker" (kept up, saved 31/01), the
    // same audits by reference, the later with more done and moderated. The
    // later tracker is no moderation log of the earlier's audits (it plans
    // its audits and records whom the auditor spoke to), and the workbook
    // saved later is the later version.
    let head: &[&str] = &[
        "Audit Ref",
        "Child's ID.",
        "Name of Team",
        "Date sample sent",
        "Date of the Audit",
        "Auditors' Grade",
        "Child spoken to?",
        "Date of moderation audit",
        "Moderator's grade",
        "Do you Agree with the Auditor?",
    ];
    let draft: &[&[&str]] = &[
        head,
        &["LA-01", "40211", "North", "01/09/2026", "15/09/2026", "Good", "Yes", "", "", ""],
        &["LA-02", "40212", "North", "01/09/2026", "16/09/2026", "Good", "Yes", "", "", ""],
        &["LA-03", "40213", "South", "01/09/2026", "", "", "", "", "", ""],
        &["LA-04", "40214", "South", "01/09/2026", "", "", "", "", "", ""],
    ];
    let current: &[&[&str]] = &[
        head,
        &["LA-01", "40211", "North", "01/09/2026", "15/09/2026", "Good", "Yes", "", "", ""],
        &["LA-02", "40212", "North", "01/09/2026", "16/09/2026", "Good", "Yes", "02/10/2026", "Requires improvement", "No"],
        &["LA-03", "40213", "South", "01/09/2026", "22/09/2026", "Inadequate", "No", "", "", ""],
        &["LA-04", "40214", "South", "01/09/2026", "25/09/2026", "Good", "Yes", "", "", ""],
    ];
    let dir = scratch("tracker-saved-later");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("copy of LA tracker.xlsx"), workbook_saved(&[("Tracker", draft)], "2026-09-18T16:40:00Z")).unwrap();
    std::fs::write(input.join("copy of copy of LA tracker.xlsx"), workbook_saved(&[("Tracker", current)], "2026-10-31T17:05:00Z")).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(1), Some(4)));
    assert_eq!(kpi_pair(&out, "moderation_agreement"), (Some(0), Some(1)));
}

#[test]
fn sixty_ninth_sessions_rules_a_date_without_its_year_across_the_year_end() {
    // Blind set 197's pennock ridge: "04/01" completed on a row allocated
    // 07/12/2026 is in 2027, though most of the table's dates are in 2026.
    let tracker = "Child ID,Date allocated,Due by,Date completed,Overall grade\n\
                   C1,01/12/2026,31/12/2026,15/12/2026,Good\n\
                   C2,01/12/2026,31/12/2026,18/12/2026,Good\n\
                   C3,02/12/2026,31/12/2026,20/12/2026,Good\n\
                   C4,07/12/2026,08/01/2027,04/01,Good\n";
    let dir = scratch("yearless-year-end");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("tracker.csv"), tracker).unwrap();
    let out = dir.join("out");
    let o = auditpack(
        &dir,
        &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--from", "2026-12-01", "--to", "2027-01-31", "--as-of", "2027-01-31"],
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(4), Some(4)));
    assert!(data_quality(&out).contains("read as 2027-01-04, the year that puts it nearest the row's other dates"));
}

#[test]
fn sixty_ninth_sessions_rules_one_action_in_a_plan_and_a_tracker() {
    // Blind set 196's gullhaven: an action plan gives each action's due date
    // under its reference "QA1", "QA 5"; the actions tracker its sign-off
    // under "QA-0001", "QA-0005". One action each, due as the plan says,
    // done as the tracker says.
    let audits =
        "Audit ID,Child ID,Date audit details sent,Audit date,Overall\nFA-1,880101,01/09/2026,10/09/2026,Good\nFA-2,880102,01/09/2026,11/09/2026,Good\n";
    let plan = "Action ref,Audit ID,Child ID,Agreed Action (child),Person,Completion date\n\
                QA1,FA-1,880101,Update the plan,Kerensa Vage,30/09/2026\n\
                QA 5,FA-2,880102,Chronology to be updated,Kerensa Vage,25/09/2026\n";
    let tracker = "Action Ref,Audit ID,Child ID,Agreed Action (child),Person,Manager's sign off date\n\
                   QA-0001,FA-1,880101,Update the plan,Kerensa Vage,29/09/2026\n\
                   QA-0005,FA-2,880102,Chronology to be updated,Kerensa Vage,\n";
    let out = run_files("plan-and-tracker", &[("audit log.csv", audits), ("action plan.csv", plan), ("actions tracker.csv", tracker)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_overdue"), (Some(1), None));
}

#[test]
fn sixty_ninth_sessions_rules_seed_003s_allocation_list() {
    // Blind set 194's tarrowmere: an exemption agreed by the Assistant
    // Director is no audit (one requested and not agreed stays due); "Live
    // audit with the allocated worker?" is whether the practitioner was
    // spoken to; "Team Manager confirmation – action addressed (date)" is
    // the action's completion.
    let list = "LCS audit ID,Child ID,Date allocated,Exemption / non-completion,Live audit with the allocated worker?,Overall judgement,Date finalised\n\
                CFA-1,880101,01/09/2026,,Yes,Good,20/09/2026\n\
                CFA-2,880102,01/09/2026,Exemption agreed by the Assistant Director 03/09/2026 – reallocated (CFA-3),,,\n\
                CFA-3,880102,03/09/2026,Reallocated from CFA-2 (exemption agreed),No – SW absent from work (sickness),Good,29/09/2026\n\
                CFA-4,880104,01/09/2026,Exemption requested 20/09/2026 – not agreed by the Assistant Director (non-completion),,,\n";
    let plans = "LCS audit ID,Child ID,Improvement action (SMART),By whom,By when,Team Manager confirmation – action addressed (date)\n\
                 CFA-1,880101,Safety plan to be reviewed,SW,05/10/2026,02/10/2026\n";
    let out = run_files("seed-003-allocations", &[("allocations.csv", list), ("plans.csv", plans)]);
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(1), Some(2)));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(1)));
}

#[test]
fn sixty_ninth_sessions_rules_seed_004s_options_marked_beside_with_commentary() {
    // Blind set 194's glenhallow: seed 004's full audit tool, each question's
    // options down column B, the mark in C and the auditor's commentary in D
    // beside the first option (Q12 "Does not meet good" marked); the action
    // plan's printed "Eg." row is no action (it had been one, overdue).
    let form = root().join("tests/fixtures/councils194/glenhallow_full_audit_tool_forms/Full Audit Tool - 5031266 - 24062026.xlsx");
    let dir = scratch("seed-004-marked-beside");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(&form, input.join("Full Audit Tool - 5031266 - 24062026.xlsx")).unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-06", "--as-of", "2026-07-31"]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(0), Some(1)));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(1)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(0));
}

#[test]
fn sixty_ninth_sessions_rules_yes_and_no_as_two_marked_columns_and_a_legal_status_report() {
    // Blind set 195's dunmarrow: a report of tick-box answers, one column per
    // option ("Completed with input from allocated SW/PA - Yes | - No", TRUE
    // in the one chosen); and a legal-status export whose "Detail" column
    // might name an action's words: it is legal status (its four columns
    // are named exactly so), not a list of actions.
    let audits = "Audit ID,Child ID,Date allocated,Date finalised,Overall judgement,Completed with input from allocated SW/PA - Yes,Completed with input from allocated SW/PA - No\n\
                  D01,8200101,01/09/2026,20/09/2026,Good,TRUE,FALSE\n\
                  D02,8200102,01/09/2026,25/09/2026,Good,FALSE,TRUE\n\
                  D03,8200103,01/09/2026,28/09/2026,Good,TRUE,FALSE\n";
    let status = "Person ID,Status Type,Detail,Start Date,End Date\n\
                  8200101,Child Protection Plan,Neglect,2026-03-10,\n\
                  8200102,Looked After,C2 - Full care order,2026-01-12,\n";
    let notes = "Person ID,Case Note Type,Event Date,Date Recorded,Child Seen Alone\n\
                 8200101,Statutory Visit - CP,2026-10-01,2026-10-02,Yes\n\
                 8200101,Statutory Visit - CP,2026-10-12,2026-10-13,Yes\n\
                 8200102,Statutory Visit - CLA,2026-09-20,2026-09-21,No\n";
    let out = run_files("yes-no-columns-and-status", &[("audits.csv", audits), ("legal status.csv", status), ("case notes.csv", notes)]);
    assert_eq!(kpi_pair(&out, "practitioner_spoken_to"), (Some(2), Some(3)));
    assert!(kpi_pair(&out, "cp_visits_in_time").1.is_some(), "the legal status is read");
    assert!(!data_quality(&out).contains("legal status.csv,,1,,,column 'Detail'"));
}

#[test]
fn sixty_ninth_sessions_rules_due_dates_without_a_year_beside_the_audits_dates() {
    // Blind set 197's lystanfield: an improvement plan's "By when" of
    // "08/01", "31/12" (no year anywhere in its titles, sheet or file name)
    // beside "Date of audit" whole dates across the year's end: read in the
    // span of the table's own whole dates.
    let audits = "Child ID,Date allocated,Date of audit,Overall grade\n\
                  81120,01/12/2026,14/12/2026,Good\n\
                  81217,01/12/2026,17/12/2026,Good\n\
                  81146,01/12/2026,04/01/2027,Good\n";
    let plan = "Child ID,Date of audit,Recommendation,By whom,By when,TM confirmed complete (date)\n\
                81120,14/12/2026,Later life letter to be started,SW,08/01,08/01/2027\n\
                81217,17/12/2026,Legal gateway meeting to be booked,TM,31/12,\n\
                81146,04/01/2027,Pathway plan to be updated,PA,15/01,14/01/2027\n";
    let dir = scratch("yearless-due-own-span");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("audits.csv"), audits).unwrap();
    std::fs::write(input.join("plan.csv"), plan).unwrap();
    let out = dir.join("out");
    let o = auditpack(
        &dir,
        &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--from", "2026-12-01", "--to", "2027-01-31", "--as-of", "2027-01-31"],
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "actions_overdue").0, Some(1));
    assert!(data_quality(&out).contains("the year is read from the table's own whole dates"));
}

#[test]
fn sixty_ninth_sessions_rules_as_a_strangers_review_found_them() {
    // Review 263's c24: "09/10" done on a row allocated 01/04/2026 is not
    // the October before its allocation.
    let tracker = "Child ID,Date allocated,Date completed,Overall grade\n\
                   C1,01/09/2026,15/09/2026,Good\nC2,01/09/2026,20/09/2026,Good\nC3,01/09/2026,25/09/2026,Good\n\
                   C4,01/04/2026,09/10,Good\n";
    let out = run_files("review263-c24", &[("tracker.csv", tracker)]);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(4));
    // c30: an action written as a to-do list, "[ ] … [ ] …", nothing ticked,
    // is an action, not an unanswered row of boxes.
    let audits = "Child ID,Date completed,Overall grade\nC1,04/09/2026,Good\n";
    let actions = "Child ID,Action,Due date,Date completed\n\
                   C1,[ ] Chase GP report [ ] Update the chronology,18/09/2026,\n\
                   C1,Record the child's views,18/09/2026,16/09/2026\n";
    let out = run_files("review263-c30", &[("audits.csv", audits), ("actions.csv", actions)]);
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(1), Some(2)));
    // c32: a yes and a no both marked is undecided, not yes.
    let grid = "Child ID,Date completed,Overall grade,Child spoken to - Yes,Child spoken to - No\n\
                C1,10/09/2026,Good,X,X\nC2,11/09/2026,Good,,X\nC3,12/09/2026,Good,,\n";
    let out = run_files("review263-c32", &[("audits.csv", grid)]);
    assert_eq!(kpi_pair(&out, "child_spoken_to"), (Some(0), Some(1)));
}

#[test]
fn seventieth_sessions_rules_a_date_without_its_year_in_the_tables_own_span() {
    // Blind set 197's pennock ridge: an action row whose dates are all
    // written without a year ("22/12" set, "07/01" signed off), in a tracker
    // whose dates run from 30/11/2026 to 03/02/2027 and are mostly 2027's.
    // "22/12" is 2026's, the one year inside the table's own dates, not the
    // usual year's 2027-12-22 (which would leave the action unlinked and out
    // of the period).
    let audits = "Child ID,Date completed,Overall grade\n\
                  C5,30/11/2026,Good\nC1,22/12/2026,Good\nC2,05/01/2027,Good\nC3,11/01/2027,Good\nC4,20/01/2027,Good\n";
    let actions = "Case ID:,Audit date,Action,Date to be completed by?,Date completed\n\
                   C5,30/11/2026,Chronology to be updated,14/12/2026,10/12/2026\n\
                   C2,05/01/2027,Case summary to be updated,19/01/2027,15/01/2027\n\
                   C3,11/01/2027,Genogram to be completed,25/01/2027,22/01/2027\n\
                   C4,20/01/2027,Pathway plan to be reviewed,03/02/2027,\n\
                   C1,22/12,Record the child's views,,07/01\n";
    let dir = scratch("yearless-own-span");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("audits.csv"), audits).unwrap();
    std::fs::write(input.join("actions.csv"), actions).unwrap();
    let out = dir.join("out");
    let o = auditpack(
        &dir,
        &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--from", "2026-12-01", "--to", "2027-01-31", "--as-of", "2027-01-31"],
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    // (C1's action: no due date, so 10 working days after 22/12/2026 over
    // the Christmas and New Year holidays, 08/01/2027; signed off 07/01.)
    assert_eq!(kpi_pair(&out, "actions_on_time"), (Some(4), Some(4)));
    assert!(data_quality(&out).contains("read as 2026-12-22, the one year that puts it within this table's own dates (30/11/2026 to 03/02/2027)"));
}

#[test]
fn seventieth_sessions_rules_a_kpi_column_blank_on_every_row_is_said() {
    // Review 264's c16 and c15: the "spoken to" and moderation columns are
    // there and blank on every row. The KPIs are made as METRICS says for a
    // column found (0 of 0, none moderated), and a warning says that is what
    // blank columns make.
    let audits = "Child ID,Date completed,Overall grade,Child spoken to,Family spoken to,Moderated,Moderator agrees\n\
                  C1,10/09/2026,Good,,,,\nC2,11/09/2026,Good,Yes,,,\nC3,12/09/2026,Inadequate,No,,,\n";
    let out = run_files("blank-columns", &[("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "family_spoken_to"), (Some(0), Some(0)));
    assert_eq!(kpi_pair(&out, "moderation_coverage"), (Some(0), Some(3)));
    let dq = data_quality(&out);
    assert!(
        dq.contains("no audit records whether the family was spoken to (yes, no or not applicable): its column is there and blank on every row read"),
        "{dq}"
    );
    assert!(dq.contains("no audit records whether it was moderated"), "{dq}");
    assert!(!dq.contains("whether the child was spoken to"), "the child's column has answers: {dq}");
}

#[test]
fn seventieth_sessions_rules_a_forms_options_down_a_column_are_no_sections() {
    // Blind set 198's harrowcombe: seed 004's full audit tool with its
    // details in label | answer pairs across the top (read like a header)
    // and each question's options down a column, the mark beside one and
    // the evidence on the first option's row. The options alone on their
    // rows were read as a report's bare section titles (teams), and every
    // form's Q12 as its first option, "Exceeds good".
    let form: &[&[&str]] = &[
        &["Harrowcombe full audit tool"],
        &[],
        &["Auditor name", "Ada Quinlan", "", "Audit date", "02/09/2026"],
        &["Child’s ID number", "7710288", "", "Team ", "Cared for Children"],
        &["Strand ", "Children looked after and permanence"],
        &[],
        &["Field", "Quality of child’s experience\n(Exceeds good/meets good/ does not meet good)", "", "Text\n(please keep this evaluative and succinct)"],
        &["1. Risk is identified, responded to and reduced in a timely way.", "Exceeds good  ", "", "Evidence: \nRecorded and discussed with the worker."],
        &["", "Meets good "],
        &["", "Does not meet good", "X"],
        &["", "Not applicable."],
        &[],
        &["2. Children, young people and families are appropriately involved", "Exceeds good  ", "", "Evidence: \nRecorded."],
        &["", "Meets good ", "X"],
        &["", "Does not meet good"],
        &["", "Not applicable."],
        &[],
        &["12. How has the help provided improved outcomes? ", "Exceeds good  ", "", "Evidence: \nAs judged."],
        &["", "Meets good "],
        &["", "Does not meet good", "X"],
        &["", "Not applicable."],
    ];
    let dir = scratch("form-options-no-sections");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("Full Audit Tool - 7710288 - 02-09-2026.xlsx"), workbook(&[("Audit tool", form)])).unwrap();
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "overall_good_or_better"), (Some(0), Some(1)));
    assert!(!data_quality(&out).contains("section_rows"));
}

/// A CareFirst quality audit form (seed 002) as blind set 198's marrowfield
/// exports it: the header details, Part A and Part B.
fn carefirst_form(client: &str, status: &str, due: &str, part_b: &str) -> Vec<u8> {
    let rows: Vec<Vec<&str>> = vec![
        vec!["Harbourne Children’s Services – CareFirst"],
        vec!["Form", "Quality Audit", "Form ID", "1"],
        vec!["Client ID", client, "Team", "CIN Team"],
        vec!["Assigned to", "Ines Karalis", "Form status", status],
        vec!["Date assigned", "01/09/2026", "Date due", due],
        vec![],
        vec!["PART A, AUDITOR COMPLETES"],
        vec!["Key information", if part_b.is_empty() { "" } else { "Checked" }],
        vec!["Overall comments on the case", if part_b.is_empty() { "" } else { "Purposeful work." }],
        vec!["Part A completed by", "Ines Karalis", "Date Part A completed", part_b],
        vec![],
        vec!["PART B, CSW COMPLETES"],
        vec!["CSW", "Tamsin Oduya", "Date Part B completed", part_b],
    ];
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    workbook(&[("Quality Audit", &rows)])
}

#[test]
fn seventieth_sessions_rules_a_form_handed_out_and_not_done_is_due_and_a_cancelled_one_is_not() {
    // Blind set 198's marrowfield: a form with its allocation filled in and
    // nothing else ("Part A in progress") is an audit due and not done; a
    // form whose status says "Cancelled" is no audit.
    let dir = scratch("form-in-progress-and-cancelled");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, client, status, part_b) in [
        ("Quality Audit - Client 5520688.xlsx", "5520688", "Complete", "29/09/2026"),
        ("Quality Audit - Client 5520745.xlsx", "5520745", "Part A in progress", ""),
        ("Quality Audit - Client 5521110.xlsx", "5521110", "Cancelled", ""),
    ] {
        std::fs::write(input.join(name), carefirst_form(client, status, "30/09/2026", part_b)).unwrap();
    }
    let out = run_in_folder(&dir, &input);
    assert_eq!(kpi_pair(&out, "audits_completed").0, Some(1));
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(1), Some(2)));
    assert!(data_quality(&out).contains("audit cancelled, withdrawn or exempted"));
}

#[test]
fn seventieth_sessions_rules_a_child_id_of_one_digit_repeated_is_a_test_person() {
    // Blind sets 195's quillhampton and 198's ellerdene: the case-management
    // system's training person "999999", with no audit and no legal status,
    // its note's "TEST RECORD" in a subject column not read.
    let notes = "Person ID,Case Note Date,Case Note Type,Subject,Child Seen Alone,Date Created\n\
                 310245,04/09/2026,Statutory Visit - Child Protection,Visit,Yes,04/09/2026\n\
                 310245,17/09/2026,Statutory Visit - Child Protection,Visit,No,18/09/2026\n\
                 999999,21/09/2026,Statutory Visit - Child Protection,TEST RECORD - training - please ignore,Yes,21/09/2026\n";
    let status = "Person ID,Legal Status,Start Date,End Date\n310245,Child Protection Plan,01/06/2026,\n";
    let audits = "Child ID,Date completed,Overall grade\n310245,20/09/2026,Good\n";
    let out = run_files("repeated-digit-child", &[("notes.csv", notes), ("status.csv", status), ("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(2), Some(2)));
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(2), Some(2)));
    // A child on a plan keeps its notes, whatever its id.
    let status = "Person ID,Legal Status,Start Date,End Date\n310245,Child Protection Plan,01/06/2026,\n999999,Child Protection Plan,01/06/2026,\n";
    let out = run_files("repeated-digit-child-on-a-plan", &[("notes.csv", notes), ("status.csv", status), ("audits.csv", audits)]);
    assert_eq!(kpi_pair(&out, "seen_alone_recorded"), (Some(3), Some(3)));
}

#[test]
fn seventieth_sessions_rules_what_blank_cells_make_is_said() {
    // Review 264's c62, c69, c39 and c77: due dates blank on some rows (due
    // by the rule), a "Completed" audit with no completion date, an action
    // with no due date beside dated ones, case notes with no date recorded:
    // each counted as METRICS says, and said.
    let audits = "Child ID,Date allocated,Due date,Audit status,Date completed,Overall grade\n\
                  C1,01/09/2026,30/09/2026,Completed,20/09/2026,Good\n\
                  C2,01/09/2026,,Completed,25/09/2026,Good\n\
                  C3,01/09/2026,30/09/2026,Completed,,Good\n";
    let actions = "Child ID,Action,Due date,Date completed\nC1,Update the plan,30/09/2026,29/09/2026\nC2,Update the chronology,,01/10/2026\n";
    let notes = "Child ID,Note type,Event date,Date recorded,Seen alone\nC1,CP Visit,01/09/2026,02/09/2026,Yes\nC1,CP Visit,10/09/2026,,Yes\n";
    let status = "Child ID,Legal status,Start date,End date\nC1,Child Protection Plan,01/06/2026,\n";
    let out = run_files("blank-cells-said", &[("audits.csv", audits), ("actions.csv", actions), ("notes.csv", notes), ("status.csv", status)]);
    // (C2 is due 30/09 by the default rule, the end of its allocation month.)
    assert_eq!(kpi_pair(&out, "audits_on_time"), (Some(2), Some(3)));
    assert_eq!(kpi_pair(&out, "notes_recorded_in_time"), (Some(1), Some(2)));
    let dq = data_quality(&out);
    assert!(dq.contains("its due-date column is blank on some rows: for audits_on_time, its 1 audit is taken to be due"), "{dq}");
    assert!(
        dq.contains("its due-date column is blank on some rows: for actions_on_time and actions_overdue, its 1 action is taken to be due 10 working days"),
        "{dq}"
    );
    assert!(dq.contains("audit_done_undated"), "{dq}");
    assert!(dq.contains("1 of its 2 case notes have no date recorded"), "{dq}");
}

#[test]
fn seventieth_sessions_rules_a_child_remanded_to_local_authority_accommodation_is_looked_after() {
    // Review 264's c28: "Remanded to LA accommodation" in words (LASPO 2012
    // s104; the SSDA903 code J1) is looked after, as "J1" was already read.
    let status = "Child ID,Legal status,Start date,End date\n\
                  C1,Interim Care Order,01/06/2026,\nC2,Remanded to LA accommodation,01/06/2026,\n";
    let notes = "Child ID,Note type,Event date,Date recorded,Seen alone\n\
                 C1,LAC Visit,01/09/2026,02/09/2026,Yes\nC1,LAC Visit,10/10/2026,11/10/2026,Yes\n\
                 C2,LAC Visit,15/09/2026,16/09/2026,Yes\n";
    let out = run_files("remand-is-looked-after", &[("status.csv", status), ("notes.csv", notes)]);
    // (C2's last visit, 15/09, is 46 days before the as-of date: late.)
    assert_eq!(kpi_pair(&out, "cla_visits_in_time"), (Some(1), Some(2)));
}

#[test]
fn seventieth_sessions_rules_visit_types_read_as_no_statutory_visit_are_listed() {
    // Review 264's c34: "Home Visit" and "Visit (virtual)" on a child on a
    // plan are read as no statutory visit; the reading is said, with counts.
    let status = "Child ID,Legal status,Start date,End date\nC1,Child Protection Plan,01/06/2026,\n";
    let notes = "Child ID,Note type,Event date,Date recorded,Seen alone\n\
                 C1,CP Visit,01/09/2026,02/09/2026,Yes\nC1,Home Visit,10/09/2026,11/09/2026,Yes\nC1,Visit (virtual),20/09/2026,21/09/2026,\n";
    let out = run_files("visit-types-not-statutory", &[("status.csv", status), ("notes.csv", notes)]);
    let dq = data_quality(&out);
    assert!(dq.contains("visit_types_not_statutory") && dq.contains("'Home Visit' (1), 'Visit (virtual)' (1)"), "{dq}");
}
