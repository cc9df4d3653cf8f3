//! The library pipeline on sample_data/ and on hand-made files.

use crate::{auditpack, root, scratch, stderr};
use auditpack::normalise::{normalise_inputs, Band, Config, EpisodeKind, NoteKind, SeenAlone};

fn read(paths: &[std::path::PathBuf], config: &Config) -> auditpack::normalise::Normalised {
    normalise_inputs(paths, config, &mut |_, _, _| {})
}

#[test]
fn sample_data_reconciles_per_file_and_sheet() {
    let n = read(&[root().join("sample_data")], &Config::defaults());
    assert!(n.tables.len() >= 10, "{}", n.tables.len());
    for t in &n.tables {
        assert_eq!(t.rows_read, t.rows_accepted + t.rows_set_aside + t.rows_rejected, "{} {:?}", t.file, t.sheet);
        let by_reason: u64 = t.rejected_by_reason.values().sum();
        assert_eq!(by_reason, t.rows_rejected, "{} {:?}", t.file, t.sheet);
        let set_aside: u64 = t.set_aside_by_reason.values().sum();
        assert_eq!(set_aside, t.rows_set_aside, "{} {:?}", t.file, t.sheet);
    }
    assert!(!n.has_errors(), "{:?}", n.findings.iter().filter(|f| f.severity == auditpack::normalise::Severity::Error).collect::<Vec<_>>());
    // Every accepted audit row is one audit.
    let tabular = |t: &&auditpack::normalise::TableReport| t.kind == auditpack::normalise::columns::TableKind::Audits && t.header_row.is_some();
    let accepted_audit_rows: u64 = n.tables.iter().filter(tabular).map(|t| t.rows_accepted).sum();
    let form_audits = n.model.audits.iter().filter(|a| a.framework == "tier2_form").count();
    assert_eq!(accepted_audit_rows as usize + form_audits, n.model.audits.len());
}

#[test]
fn sample_data_messes_are_found() {
    let n = read(&[root().join("sample_data")], &Config::defaults());
    let codes: Vec<&str> = n.findings.iter().map(|f| f.code).collect();
    for want in ["unknown_label", "duplicate_row", "totals_row", "blank_row", "blank_overall"] {
        assert!(codes.contains(&want), "{want} missing from {codes:?}");
    }
    let unknown = n.findings.iter().find(|f| f.code == "unknown_label").unwrap();
    assert_eq!(unknown.value, "Good-ish");
    assert!(unknown.row.is_some() && unknown.column.is_some() && unknown.sheet.is_some());
}

#[test]
fn every_shape_is_recognised() {
    let n = read(&[root().join("sample_data")], &Config::defaults());
    let frameworks: std::collections::BTreeSet<&str> = n.model.audits.iter().map(|a| a.framework.as_str()).collect();
    assert_eq!(frameworks.into_iter().collect::<Vec<_>>(), ["kss_nine_domain", "nine_area", "tier2_form", "twelve_question"]);
    // The twelve-question framework takes its overall from Q12 (outcomes).
    let tq = n.model.audits.iter().find(|a| a.framework == "twelve_question" && a.overall.is_some()).unwrap();
    assert_eq!(tq.overall_source.as_deref(), Some("domain:outcomes"));
    assert_eq!(tq.domains.len(), 12);
    // Windows-1252 text decoded.
    let kss = n.model.audits.iter().find(|a| a.framework == "kss_nine_domain").unwrap();
    assert!(kss.evidence.contains("café") && kss.evidence.contains('\u{2019}'), "{}", kss.evidence);
    // Forms: one audit each, domains from section summaries, actions linked.
    let forms: Vec<_> = n.model.audits.iter().filter(|a| a.framework == "tier2_form").collect();
    assert_eq!(forms.len(), 4);
    for f in &forms {
        assert!(f.overall.as_ref().is_some_and(|o| o.band.is_some()), "{f:?}");
        assert!(f.domains.iter().any(|d| d.domain.as_deref() == Some("assessment")));
        assert!(n.model.actions.iter().any(|a| a.audit_id.as_deref() == Some(f.id.as_str())));
    }
    // Text dates in an xlsx column were read.
    assert!(n.findings.iter().all(|f| f.code != "bad_date"), "text dates like '6 Nov 2026' are read");
    // Actions from a separate CSV linked by child id + audit date.
    let linked = n.model.actions.iter().filter(|a| a.origin.file.ends_with("liquidlogic-kss-actions.csv") && a.audit_id.is_some()).count();
    assert!(linked > 0);
    assert!(n.model.case_notes.iter().any(|c| c.kind == NoteKind::CpVisit));
    assert!(!n.model.episodes.is_empty());
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn title_rows_totals_duplicates_and_loose_labels_in_csv() {
    let dir = scratch("csv-messes");
    let csv = "Quarterly audit extract\n\nChild ID,Team,Audit date,Overall grade,Child spoken to\n\
C1,North,06/11/2026,Req. Improvement,Y\n\
C2,North,2026-11-06,RI with elements of good practice,n/a\n\
C3,South,6 Nov 2026,N/A,No\n\
C3,South,6 Nov 2026,N/A,No\n\
,,,,\n\
C4,South,45000,Goodish,Yes\n\
Total,4,,,\n";
    let p = write(&dir, "audits.csv", csv.as_bytes());
    let n = read(&[p], &Config::defaults());
    let t = &n.tables[0];
    assert_eq!(t.header_row, Some(3));
    assert_eq!((t.rows_read, t.rows_accepted, t.rows_set_aside, t.rows_rejected), (7, 4, 3, 0), "{:?}", t.set_aside_by_reason);
    let a = &n.model.audits;
    assert_eq!(a[0].overall.as_ref().unwrap().band, Some(Band::RequiresImprovement));
    assert_eq!(a[1].overall.as_ref().unwrap().scale, "ofsted5");
    assert!(a[2].overall.as_ref().unwrap().not_applicable);
    assert!(a[3].overall.is_none(), "unknown label is not graded");
    assert_eq!(a[3].completed, Some(auditpack::calendar::date(2023, 3, 15)), "Excel serial as text");
    let all_dates: Vec<_> = a[..3].iter().map(|x| x.completed).collect();
    assert!(all_dates.iter().all(|d| *d == Some(auditpack::calendar::date(2026, 11, 6))));
    assert!(n.findings.iter().any(|f| f.code == "unknown_label" && f.row == Some(9) && f.value == "Goodish"));
}

#[test]
fn crosswalk_override_from_config() {
    let dir = scratch("override");
    let p = write(&dir, "a.csv", b"Child ID,Overall grade\nC1,Goodish\nC2,Met\n");
    let mut config = Config::defaults();
    config.merge(
        Config::parse("[[crosswalk]]\nscale = \"ofsted4\"\nlabel = \"Goodish\"\nband = \"good\"\nat_least_good = true\n\n[[crosswalk]]\nscale = \"met3\"\nlabel = \"Met\"\nband = \"good\"\nat_least_good = true\nexact = true\n").unwrap(),
        None,
    );
    let n = read(&[p], &config);
    assert_eq!(n.model.audits[0].overall.as_ref().unwrap().band, Some(Band::Good));
    let met = n.model.audits[1].overall.as_ref().unwrap();
    assert_eq!((met.band, met.exact), (Some(Band::Good), true));
    assert!(n.findings.iter().all(|f| f.code != "unknown_label"));
}

#[test]
fn a_bad_file_does_not_stop_the_others() {
    let dir = scratch("bad-files");
    write(&dir, "good.csv", b"Child ID,Overall grade,Audit date\nC1,Good,01/10/2026\n");
    write(&dir, "not-a-spreadsheet.xlsx", b"this is plain text, not a workbook");
    write(&dir, "empty.csv", b"");
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.extend([0u8; 504]);
    write(&dir, "protected.xlsx", &cfb);
    write(&dir, "no-child.csv", b"Team,Overall grade\nNorth,Good\n");
    write(&dir, "~$good.xlsx", b"lock");
    write(&dir, ".hidden.csv", b"Child ID\nC9\n");
    // A workbook cut short (a download stopped halfway).
    let whole = std::fs::read(root().join("sample_data/nine-area-learning-audits.xlsx")).unwrap();
    write(&dir, "cut-short.xlsx", &whole[..whole.len() / 2]);
    let n = read(std::slice::from_ref(&dir), &Config::defaults());
    assert_eq!(n.model.audits.len(), 1, "the good file was read");
    let errors: Vec<String> =
        n.findings.iter().filter(|f| f.severity == auditpack::normalise::Severity::Error).map(|f| format!("{}: {}", f.file, f.action)).collect();
    let has = |file: &str, words: &str| errors.iter().any(|e| e.contains(file) && e.contains(words));
    // (Said in plain words, the reader library's own after them.)
    assert!(has("not-a-spreadsheet.xlsx", "not an xlsx workbook") && has("not-a-spreadsheet.xlsx", "renamed"), "{errors:#?}");
    assert!(has("cut-short.xlsx", "damaged or incomplete"), "{errors:#?}");
    assert!(has("empty.csv", "empty"), "{errors:#?}");
    assert!(has("protected.xlsx", "password-protected"), "{errors:#?}");
    assert!(has("no-child.csv", "child id"), "{errors:#?}");
    assert!(n.has_errors());
    let skipped: Vec<&str> = n.skipped.iter().map(|s| s.path.as_str()).collect();
    assert!(skipped.iter().any(|s| s.ends_with("~$good.xlsx")) && skipped.iter().any(|s| s.ends_with(".hidden.csv")), "{skipped:?}");
}

#[test]
fn actions_link_by_child_and_audit_date() {
    let dir = scratch("link");
    write(&dir, "audits.csv", b"Child ID,Audit date,Overall grade\nC1,01/10/2026,Good\nC1,01/12/2026,Inadequate\n");
    write(&dir, "actions.csv", b"Child ID,Audit date,Action,By when\nC1,01/12/2026,Update plan,15/12/2026\nC2,01/12/2026,Orphan,15/12/2026\n");
    let n = read(&[dir], &Config::defaults());
    let linked = &n.model.actions[0];
    let audit = n.model.audits.iter().find(|a| a.overall.as_ref().unwrap().band == Some(Band::Inadequate)).unwrap();
    assert_eq!(linked.audit_id.as_deref(), Some(audit.id.as_str()));
    assert!(n.model.actions[1].audit_id.is_none());
    assert!(n.findings.iter().any(|f| f.code == "action_unlinked"));
}

#[test]
fn a_nine_area_form_workbook_with_grades_beside_questions() {
    use rust_xlsxwriter::Workbook;
    let dir = scratch("form-nine-area");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let cells: &[(u32, u16, &str)] = &[
        (0, 0, "Full case file learning audit"),
        (2, 0, "Child ID:"),
        (2, 1, "C777001"),
        (3, 0, "Date of audit:"),
        (3, 1, "14/10/2026"),
        (4, 0, "Team:"),
        (4, 1, "North"),
        (6, 0, "1. Are children safe? Has risk been identified and have services provided made a positive difference?"),
        (6, 1, "Partially"),
        (7, 0, "2. Is work child-centred?"),
        (7, 1, "Yes"),
        (8, 0, "Auditors' Grade: Requires Improvement"),
        (10, 0, "Recommendations for further action"),
        (10, 1, "Who By:"),
        (10, 2, "By When:"),
        (11, 0, "Update the chronology"),
        (11, 1, "Team manager"),
        (11, 2, "28/10/2026"),
    ];
    for (r, c, v) in cells {
        ws.write_string(*r, *c, *v).unwrap();
    }
    wb.save(dir.join("form.xlsx")).unwrap();
    let n = read(&[dir.join("form.xlsx")], &Config::defaults());
    assert_eq!(n.model.audits.len(), 1, "{:?}", n.findings);
    let a = &n.model.audits[0];
    assert_eq!((a.child_id.as_str(), a.team.as_deref(), a.framework.as_str()), ("C777001", Some("North"), "nine_area"));
    assert_eq!(a.completed, Some(auditpack::calendar::date(2026, 10, 14)));
    assert_eq!(a.overall.as_ref().and_then(|j| j.band), Some(Band::RequiresImprovement));
    assert_eq!(a.domain("safety").and_then(|j| j.at_least_good), Some(false));
    assert_eq!(a.domain("voice").and_then(|j| j.at_least_good), Some(true));
    let act = &n.model.actions[0];
    assert_eq!(
        (act.text.as_str(), act.owner.as_deref(), act.due),
        ("Update the chronology", Some("Team manager"), Some(auditpack::calendar::date(2026, 10, 28)))
    );
    assert_eq!(act.audit_id.as_deref(), Some(a.id.as_str()));
}

#[test]
fn names_where_yes_or_no_was_asked() {
    let dir = scratch("names-as-yes");
    let p = write(&dir, "a.csv", "Child ID,Overall grade,Moderated by,Which worker did you speak to?,Child spoken to\nC1,Requires improvement (RI),Jo Example,Sam 05/10/2026,Child refused\nC2,Good - strong evidence,,No,Yes\n".as_bytes());
    let n = read(&[p], &Config::defaults());
    let (a, b) = (&n.model.audits[0], &n.model.audits[1]);
    assert_eq!((a.moderated, b.moderated), (Some(true), None));
    assert_eq!((a.spoke_practitioner, b.spoke_practitioner), (auditpack::normalise::Answer::Yes, auditpack::normalise::Answer::No));
    assert_eq!(a.spoke_child, auditpack::normalise::Answer::No, "a refusal is not a yes");
    assert_eq!(a.overall.as_ref().and_then(|j| j.band), Some(Band::RequiresImprovement));
    assert_eq!(b.overall.as_ref().and_then(|j| j.band), Some(Band::Good));
    assert_eq!(n.findings.iter().filter(|f| f.code == "read_as_yes").count(), 2, "one note per column, not per row");
}

#[test]
fn two_header_rows_with_merged_group_titles() {
    use rust_xlsxwriter::Workbook;
    let dir = scratch("two-row-header");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows: &[&[&str]] = &[
        &["Audit tracker"],
        &["", "", "", "Q1 Risk and safety", "", "Q2 Quality of plans", "", "Overall"],
        &["Child ID", "Team", "Audit date", "Judgement", "Evidence", "Judgement", "Evidence", "Judgement"],
        &["C1", "North", "01/10/2026", "Good", "Safety plan in place", "Requires improvement", "Not SMART", "Requires improvement"],
        &["C2", "South", "02/10/2026", "Inadequate", "Risks missed", "Good", "Clear plan", "Inadequate"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    ws.merge_range(1, 3, 1, 4, "Q1 Risk and safety", &rust_xlsxwriter::Format::new()).unwrap();
    wb.save(dir.join("tracker.xlsx")).unwrap();
    let n = read(&[dir.join("tracker.xlsx")], &Config::defaults());
    assert_eq!(n.model.audits.len(), 2, "{:?}", n.tables[0]);
    let a = &n.model.audits[0];
    assert_eq!(a.domain("safety").and_then(|j| j.band), Some(Band::Good), "{:?}", n.tables[0].columns);
    assert_eq!(a.domain("planning").and_then(|j| j.band), Some(Band::RequiresImprovement));
    assert_eq!(a.overall.as_ref().and_then(|j| j.band), Some(Band::RequiresImprovement));
    assert!(a.evidence.contains("Safety plan in place") && a.evidence.contains("Not SMART"));
    assert!(n.tables[0].notes.iter().any(|n| n.contains("two header rows")));
}

/// A workbook of the given rows (empty strings left blank).
fn workbook(path: &std::path::Path, rows: &[&[&str]]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn a_group_title_over_plain_fields_leaves_them_their_own_names() {
    // "Case details" over "Date" and "Team" says nothing about them: they are
    // the completion date and the team. A "Moderation" group over "Date" and
    // "Grade" does say what they are.
    let dir = scratch("two-row-plain-fields");
    workbook(
        &dir.join("tracker.xlsx"),
        &[
            &["Case details", "", "", "", "Section 1: Chronology", "", "Section 2: Assessment", "", "Overall"],
            &["Case ID", "Date", "Team", "Locality Hub", "Grade", "Comments", "Grade", "Comments", "Overall judgement of the case file"],
            &["C1", "01/10/2026", "North", "Hub A", "Good", "Up to date", "Requires improvement", "Dated", "Good"],
            &["C2", "02/10/2026", "South", "Hub B", "Inadequate", "Missing", "Good", "Clear", "Inadequate"],
            &["C3", "03/10/2026", "South", "Hub A", "Good", "Fine", "Good", "Clear", "Good"],
        ],
    );
    let n = read(&[dir.join("tracker.xlsx")], &Config::defaults());
    let t = &n.tables[0];
    assert_eq!(n.model.audits.len(), 3, "{t:?}");
    let a = &n.model.audits[1];
    assert_eq!((a.team.as_deref(), a.completed.map(|d| d.to_string())), (Some("South"), Some("2026-10-02".to_string())), "{:?}", t.columns);
    assert_eq!(a.overall.as_ref().and_then(|j| j.band), Some(Band::Inadequate));
    assert_eq!(a.domain("assessment").and_then(|j| j.band), Some(Band::Good));
    assert!(t.notes.iter().any(|n| n.contains("group title + repeated sub-headings")), "{:?}", t.notes);

    let dir = scratch("two-row-moderation-group");
    workbook(
        &dir.join("tracker.xlsx"),
        &[
            &["", "", "", "", "Moderation", "", ""],
            &["Child ID", "Team", "Date audit completed", "Overall grade", "Date", "Grade", "Agreed with auditor"],
            &["C1", "North", "01/10/2026", "Good", "10/10/2026", "Good", "Yes"],
            &["C2", "South", "02/10/2026", "Inadequate", "12/10/2026", "Requires improvement", "No"],
            &["C3", "South", "03/10/2026", "Good", "", "", ""],
        ],
    );
    let n = read(&[dir.join("tracker.xlsx")], &Config::defaults());
    let t = &n.tables[0];
    let field = |h: &str| t.columns.iter().find(|c| c.header.ends_with(h)).map(|c| c.target.describe());
    assert_eq!(field("Date audit completed").as_deref(), Some("completed_date"), "{:?}", t.columns);
    assert_eq!(field("Moderation Date").as_deref(), Some("moderation_date"), "{:?}", t.columns);
    assert_eq!(n.model.audits[1].completed.map(|d| d.to_string()).as_deref(), Some("2026-10-02"));
}

#[test]
fn legal_status_with_a_start_and_end_column_per_plan_is_a_row_per_plan() {
    let dir = scratch("wide-plans");
    write(
        &dir,
        "legal status by child.csv",
        b"Child ID,Legal status,CP start,CP end,CLA start,CLA end\nC1,CPP,01/03/2026,,,\nC2,C2,01/01/2026,05/05/2026,06/05/2026,\nC3,CIN,,,,\n",
    );
    let n = read(&[dir], &Config::defaults());
    let eps: Vec<(String, EpisodeKind, String, Option<String>)> =
        n.model.episodes.iter().map(|e| (e.child_id.clone(), e.kind, e.start.to_string(), e.end.map(|d| d.to_string()))).collect();
    assert_eq!(
        eps,
        [
            ("C1".to_string(), EpisodeKind::Cp, "2026-03-01".to_string(), None),
            ("C2".to_string(), EpisodeKind::Cp, "2026-01-01".to_string(), Some("2026-05-05".to_string())),
            ("C2".to_string(), EpisodeKind::Cla, "2026-05-06".to_string(), None),
        ]
    );
    let t = &n.tables[0];
    assert_eq!((t.rows_read, t.rows_accepted, t.rows_set_aside), (4, 3, 1), "{t:?}");
    assert!(t.notes.iter().any(|x| x.contains("legal status in wide form")), "{:?}", t.notes);
}

#[test]
fn a_second_table_below_the_first_on_one_sheet_is_read_as_its_own() {
    // The month's actions under its audits, after blank rows and a title; and
    // the audits' header repeated after a blank row (a page break in the
    // export), which is set aside, not a new table.
    let dir = scratch("two-tables-one-sheet");
    workbook(
        &dir.join("return.xlsx"),
        &[
            &["Audit ID", "Child ID", "Team", "Date completed", "Overall judgement"],
            &["A1", "C100", "North", "01/09/2026", "Good"],
            &["A2", "C200", "South", "02/09/2026", "Inadequate"],
            &[],
            &["Audit ID", "Child ID", "Team", "Date completed", "Overall judgement"],
            &["A3", "C300", "South", "03/09/2026", "Good"],
            &[],
            &[],
            &["Actions arising from the audits above"],
            &["Audit ID", "Action", "Owner", "Due date", "Date completed"],
            &["A1", "Update the chronology", "Ama Reyes", "10/09/2026", "09/09/2026"],
            &["A2", "Record direct work", "Ama Reyes", "12/09/2026", ""],
        ],
    );
    let n = read(&[dir.join("return.xlsx")], &Config::defaults());
    let kinds: Vec<(String, u64, Option<u32>)> = n.tables.iter().map(|t| (t.kind.as_str().to_string(), t.rows_accepted, t.header_row)).collect();
    assert_eq!(kinds, [("audits".to_string(), 3, Some(1)), ("actions".to_string(), 2, Some(10))], "{:?}", n.tables);
    assert_eq!(n.tables[0].set_aside_by_reason.get("repeated header row"), Some(&1), "{:?}", n.tables[0]);
    assert_eq!(n.model.audits.len(), 3);
    assert_eq!(n.model.actions.len(), 2);
    assert!(n.tables[0].notes.iter().any(|x| x.contains("another table starts at row 9")), "{:?}", n.tables[0].notes);
}

#[test]
fn tables_that_only_look_like_shapes_to_turn_round_are_read_as_they_are() {
    // Audits and case notes carrying plan start dates as context, and actions
    // with a "Domain" and an "Outcome" column: each reads as it is.
    let dir = scratch("not-turned-round");
    write(
        &dir,
        "audits.csv",
        b"Child ID,Team,Date completed,Overall grade,CP start date,CLA start date\nC1,North,01/09/2026,Good,01/01/2026,\nC2,North,02/09/2026,Good,,01/02/2026\nC3,South,03/09/2026,Inadequate,01/03/2026,01/04/2026\nC4,South,04/09/2026,Good,,\n",
    );
    let mut actions = String::from("Child ID,Audit date,Action,Domain,Outcome,Due date,Date completed\n");
    for (i, d) in ["Planning", "Voice", "Risk"].iter().enumerate() {
        for c in 1..=4 {
            actions.push_str(&format!("C{c},0{c}/09/2026,Action {i} for C{c},{d},Open,1{c}/09/2026,\n"));
        }
    }
    write(&dir, "actions.csv", actions.as_bytes());
    let n = read(&[dir], &Config::defaults());
    let got: Vec<(String, String, u64)> =
        n.tables.iter().map(|t| (t.file.rsplit('/').next().unwrap().to_string(), t.kind.as_str().to_string(), t.rows_accepted)).collect();
    assert_eq!(got, [("actions.csv".to_string(), "actions".to_string(), 12), ("audits.csv".to_string(), "audits".to_string(), 4)], "{:?}", n.tables);
    assert!(n.tables.iter().all(|t| t.notes.iter().all(|x| !x.contains("wide form") && !x.contains("long format"))));
}

#[test]
fn a_question_number_column_does_not_split_a_long_format_audit() {
    let dir = scratch("long-question-number");
    let mut csv = String::from("Form ID,Child ID,Date completed,Question No,Question,Answer\n");
    for f in 0..6 {
        for (n, q, a) in
            [("Q01", "Voice of the child", "Met"), ("Q02", "Planning", "Not met"), ("Q03", "Overall judgement", if f % 2 == 0 { "Good" } else { "Inadequate" })]
        {
            csv.push_str(&format!("F{f},C10{f},0{}/09/2026,{n},{q},{a}\n", f + 1));
        }
    }
    write(&dir, "answers.csv", csv.as_bytes());
    let n = read(&[dir], &Config::defaults());
    assert_eq!(n.model.audits.len(), 6, "{:?}", n.tables);
    assert_eq!(n.model.audits.iter().filter(|a| a.overall.as_ref().and_then(|j| j.band) == Some(Band::Good)).count(), 3);
}

#[test]
fn a_long_format_table_kept_one_sheet_per_question_is_one_table() {
    // Six audits, four questions, one row per answer: in one sheet; the same
    // answers with a sheet per question (the audit's own columns on every
    // sheet); and two negative shapes: a sheet per team (other audits, every
    // question) and a sheet copied (the same audits, the same questions).
    let questions = ["Voice of the child", "Planning", "Risk", "Overall judgement"];
    let header = ["Audit ref", "Child ID", "Team", "Date completed", "Question", "Answer"];
    let answer = |f: usize, q: usize| -> &'static str {
        match q {
            3 => ["Good", "Inadequate", "Requires improvement"][f % 3],
            _ => ["Good", "Requires improvement"][(f + q) % 2],
        }
    };
    let row = |f: usize, q: usize| -> Vec<String> {
        vec![
            format!("A{f}"),
            format!("C10{f}"),
            if f < 3 { "North" } else { "South" }.to_string(),
            format!("0{}/09/2026", f + 1),
            questions[q].to_string(),
            answer(f, q).to_string(),
        ]
    };
    let save = |dir: &std::path::Path, sheets: Vec<(String, Vec<Vec<String>>)>| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        for (name, rows) in sheets {
            let ws = wb.add_worksheet();
            ws.set_name(&name).unwrap();
            for (c, h) in header.iter().enumerate() {
                ws.write_string(0, c as u16, *h).unwrap();
            }
            for (r, cells) in rows.iter().enumerate() {
                for (c, v) in cells.iter().enumerate() {
                    ws.write_string(r as u32 + 1, c as u16, v).unwrap();
                }
            }
        }
        wb.save(dir.join("answers.xlsx")).unwrap();
    };
    let bands = |n: &auditpack::normalise::Normalised| {
        let mut b: Vec<(String, Option<Band>)> = n.model.audits.iter().map(|a| (a.child_id.clone(), a.overall.as_ref().and_then(|j| j.band))).collect();
        b.sort_by(|x, y| x.0.cmp(&y.0));
        b
    };
    let joined = |n: &auditpack::normalise::Normalised| n.findings.iter().any(|f| f.code == "long_sheets_joined");
    let one = scratch("long-one-sheet");
    save(&one, vec![("Answers".into(), (0..6).flat_map(|f| (0..4).map(move |q| (f, q))).map(|(f, q)| row(f, q)).collect())]);
    let one = read(&[one], &Config::defaults());
    assert_eq!(one.model.audits.len(), 6, "{:?}", one.tables);
    let by_question = scratch("long-sheet-per-question");
    save(&by_question, (0..4).map(|q| (format!("Q{} {}", q + 1, questions[q].split(' ').next().unwrap()), (0..6).map(|f| row(f, q)).collect())).collect());
    let by_question = read(&[by_question], &Config::defaults());
    assert_eq!(bands(&by_question), bands(&one), "{:?}", by_question.tables);
    assert!(joined(&by_question));
    assert_eq!(by_question.rows_rejected(), 0);
    // A sheet per team: each sheet its own audits, read as they are.
    let by_team = scratch("long-sheet-per-team");
    save(
        &by_team,
        ["North", "South"]
            .iter()
            .enumerate()
            .map(|(t, name)| (name.to_string(), (t * 3..t * 3 + 3).flat_map(|f| (0..4).map(move |q| (f, q))).map(|(f, q)| row(f, q)).collect()))
            .collect(),
    );
    let by_team = read(&[by_team], &Config::defaults());
    assert_eq!(bands(&by_team), bands(&one), "{:?}", by_team.tables);
    assert!(!joined(&by_team));
    // A sheet and its copy: the same answers twice, never one table.
    let copied = scratch("long-sheet-copied");
    let all: Vec<Vec<String>> = (0..6).flat_map(|f| (0..4).map(move |q| (f, q))).map(|(f, q)| row(f, q)).collect();
    save(&copied, vec![("Answers".into(), all.clone()), ("Answers (2)".into(), all)]);
    let copied = read(&[copied], &Config::defaults());
    assert!(!joined(&copied));
    assert_eq!(bands(&copied), bands(&one), "{:?}", copied.tables);
}

#[test]
fn legal_status_with_no_end_dates_is_a_status_history() {
    // One row per status change: each lasts until the child's next row, of any
    // status ("Case closed" too); the last one stays open.
    let dir = scratch("status-history");
    write(
        &dir,
        "legal status changes.csv",
        b"Child ID,Legal status,Effective date\nC1,Child protection plan,01/01/2026\nC2,CP,01/03/2026\nC1,Looked after (s20),07/08/2026\nC1,Case closed,01/10/2026\n",
    );
    let n = read(&[dir], &Config::defaults());
    let eps: Vec<(String, EpisodeKind, String, Option<String>)> =
        n.model.episodes.iter().map(|e| (e.child_id.clone(), e.kind, e.start.to_string(), e.end.map(|d| d.to_string()))).collect();
    assert_eq!(
        eps,
        [
            ("C1".to_string(), EpisodeKind::Cp, "2026-01-01".to_string(), Some("2026-08-06".to_string())),
            ("C2".to_string(), EpisodeKind::Cp, "2026-03-01".to_string(), None),
            ("C1".to_string(), EpisodeKind::Cla, "2026-08-07".to_string(), Some("2026-09-30".to_string())),
        ],
        "{:?}",
        n.tables
    );
    assert!(n.tables[0].notes.iter().any(|x| x.contains("status history")), "{:?}", n.tables[0].notes);
}

#[test]
fn tables_below_tables_in_a_text_file_are_read_each_as_its_own() {
    // A row of grades after a blank row is data, not a header; an empty line
    // (which the CSV reader skips) separates tables as a blank row does; four
    // tables, and case notes with actions under them (the columnar case-note
    // reader must not read the actions as notes).
    let dir = scratch("tables-in-text");
    write(
        &dir,
        "audits.csv",
        b"Child ID,Team,Date completed,Voice of the child,Planning,Overall judgement\nC1,North,01/09/2026,Good,Good,Good\n,,,,,\nC2,North,02/09/2026,Requires improvement,Requires improvement,Requires improvement\nC3,South,03/09/2026,Good,Inadequate,Inadequate\n\nActions arising\nChild ID,Action,Due date,Date completed\nC1,Update the plan,10/09/2026,09/09/2026\nC2,See the child,12/09/2026,\n,,,\nChild ID,Team,Date completed,Overall judgement\nC4,South,04/10/2026,Good\n\nChild ID,Action,Due date,Date completed\nC4,Chronology,14/10/2026,\n",
    );
    write(
        &dir,
        "notes.csv",
        b"Child ID,Contact Date,Case Note Type,Seen Alone\nC1,01/09/2026,CP Visit,Yes\nC2,02/09/2026,CP Visit,No\n\nActions arising\nChild ID,Action,Due date,Date completed\nC1,Record the visit,10/09/2026,09/09/2026\n",
    );
    let n = read(&[dir], &Config::defaults());
    let got: Vec<(String, String, u64)> =
        n.tables.iter().map(|t| (t.file.rsplit('/').next().unwrap().to_string(), t.kind.as_str().to_string(), t.rows_accepted)).collect();
    let want = [
        ("audits.csv", "audits", 3),
        ("audits.csv", "actions", 2),
        ("audits.csv", "audits", 1),
        ("audits.csv", "actions", 1),
        ("notes.csv", "case_notes", 2),
        ("notes.csv", "actions", 1),
    ];
    assert_eq!(got, want.map(|(f, k, n)| (f.to_string(), k.to_string(), n)), "{:?}", n.tables);
    assert_eq!((n.model.audits.len(), n.model.actions.len(), n.model.case_notes.len()), (4, 4, 2));
}

#[test]
fn seen_alone_written_in_the_note_type_is_read_by_both_case_note_readers() {
    // No seen-alone column; the note types say it. The CSV goes through the
    // columnar reader, the workbook through the row reader: the same answers.
    let rows: &[&[&str]] = &[
        &["Child ID", "Date of visit", "Observation Type"],
        &["C1", "01/09/2026", "CP visit - seen alone"],
        &["C2", "02/09/2026", "CP visit - not seen alone"],
        &["C3", "03/09/2026", "CLA visit - seen alone"],
        &["C4", "04/09/2026", "Phone call"],
    ];
    let dir = scratch("seen-alone-in-type");
    let csv: String = rows.iter().map(|r| r.join(",") + "\n").collect();
    write(&dir, "notes.csv", csv.as_bytes());
    workbook(&dir.join("notes.xlsx"), rows);
    for file in ["notes.csv", "notes.xlsx"] {
        let n = read(&[dir.join(file)], &Config::defaults());
        let seen: Vec<SeenAlone> = n.model.case_notes.iter().map(|c| c.seen_alone).collect();
        assert_eq!(seen, [SeenAlone::Yes, SeenAlone::No, SeenAlone::Yes, SeenAlone::NotRecorded], "{file}: {:?}", n.tables[0].columns);
    }
}

#[test]
fn the_same_audit_id_in_two_files_is_read_once() {
    let dir = scratch("dup-audit-id");
    write(&dir, "a.csv", b"Audit ID,Child ID,Overall grade\nA1,C1,Good\nA2,C2,Good\n");
    // Not an exact duplicate row (that would be caught first): the same id, another grade.
    write(&dir, "b.csv", b"Audit ID,Child ID,Overall grade\nA1,C1,Inadequate\n");
    let n = read(&[dir], &Config::defaults());
    assert_eq!(n.model.audits.len(), 2);
    let b = n.tables.iter().find(|t| t.file.ends_with("b.csv")).unwrap();
    assert_eq!((b.rows_read, b.rows_accepted, b.rejected_by_reason.get("duplicate audit id").copied()), (1, 0, Some(1)));
    let f = n.findings.iter().find(|f| f.file.ends_with("b.csv") && f.code == "row_rejected").unwrap();
    assert!(f.value.contains("A1") && f.value.contains("a.csv row 2"), "{f:?}");
}

/// A year-to-date export repeating a cycle's audits and actions, its dates
/// written as date cells where the cycle's file has text: the same records,
/// counted once, each set aside with a note. One that records something else
/// (another grade) is not the same record: both stay, as before.
#[test]
fn the_same_records_written_differently_in_two_exports_are_counted_once() {
    let dir = scratch("same-record-two-exports");
    write(
        &dir,
        "Returns Sep-Oct.csv",
        b"Child ID,Team,Date allocated,Date of audit,Overall grade\nC1,North,01/09/2026,10/09/2026,Good\nC2,North,01/09/2026,12/09/2026,Inadequate\n",
    );
    write(&dir, "Actions Sep-Oct.csv", b"Child ID,Audit date,Action,Due date,Date completed\nC2,12/09/2026,Update the plan,26/09/2026,\n");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let day = |y, m, d| rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, d).unwrap();
    let f = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in ["Child ID", "Team", "Date allocated", "Date of audit", "Overall grade"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // C1 as the cycle's file has it; C2 with another grade (not the same record).
    for (r, (child, done, grade)) in [("C1", 10, "Good"), ("C2", 12, "Requires improvement")].into_iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, child).unwrap();
        ws.write_string(r, 1, "North").unwrap();
        ws.write_datetime_with_format(r, 2, day(2026, 9, 1), &f).unwrap();
        ws.write_datetime_with_format(r, 3, day(2026, 9, done), &f).unwrap();
        ws.write_string(r, 4, grade).unwrap();
    }
    let actions = wb.add_worksheet();
    for (c, h) in ["Child ID", "Audit date", "Action", "Due date", "Date completed"].iter().enumerate() {
        actions.write_string(0, c as u16, *h).unwrap();
    }
    actions.write_string(1, 0, "C2").unwrap();
    actions.write_datetime_with_format(1, 1, day(2026, 9, 12), &f).unwrap();
    actions.write_string(1, 2, "Update the plan").unwrap();
    actions.write_datetime_with_format(1, 3, day(2026, 9, 26), &f).unwrap();
    wb.save(dir.join("Returns 2026 YTD.xlsx")).unwrap();
    // A third export: C1 again with its grade spelled another way (the same
    // record), and C3 twice, the same but for a column no field reads (two
    // audits).
    write(
        &dir,
        "North log.csv",
        b"Child ID,Team,Date allocated,Date of audit,Overall grade,Panel room\nC1,North,01/09/2026,10/09/2026,good.,\nC3,North,01/09/2026,14/09/2026,Good,Room A\n",
    );
    write(&dir, "South log.csv", b"Child ID,Team,Date allocated,Date of audit,Overall grade,Panel room\nC3,North,01/09/2026,2026-09-14,Good,Room B\n");
    let n = read(&[dir], &Config::defaults());
    let children: Vec<&str> = n.model.audits.iter().map(|a| a.child_id.as_str()).collect();
    assert_eq!(children.iter().filter(|c| **c == "C3").count(), 2, "they differ in a column no field reads: {children:?}");
    assert_eq!(children.iter().filter(|c| **c == "C1").count(), 1, "{children:?}");
    assert_eq!(children.iter().filter(|c| **c == "C2").count(), 2, "another grade is not the same record: {children:?}");
    assert_eq!(n.model.actions.len(), 1, "{:?}", n.model.actions);
    // (A row whose dates are a date cell in one export and text in the other,
    // and nothing else differs, is an exact duplicate: dates are compared by
    // the date they read as. The others are the same record, written
    // differently.)
    let same: Vec<_> = n.findings.iter().filter(|f| f.code == "row_set_aside" && f.action.contains("the same record")).collect();
    let duplicates: Vec<_> = n.findings.iter().filter(|f| f.code == "duplicate_row").collect();
    assert_eq!((same.len(), duplicates.len()), (1, 2), "{:?}", n.findings);
    for t in &n.tables {
        assert_eq!(t.rows_read, t.rows_accepted + t.rows_set_aside + t.rows_rejected, "{t:?}");
    }
}

/// A seed 004 tracker under short headers: its one graded column "Q12
/// (auditor)" and a question cut short by the tool that exported it ("Which
/// worker did you speak to?"). The framework is recognised from that beginning
/// of its own question, so Q12 is the overall and the due date is two weeks
/// after allocation.
#[test]
fn a_question_cut_short_still_names_its_framework() {
    let dir = scratch("cut-short-signature");
    write(
        &dir,
        "tracker.csv",
        b"Child ID,Date sent to auditor,Audit date,Q12 (auditor),Which worker did you speak to?\nC1,01/09/2026,10/09/2026,Meets good,SW\nC2,01/09/2026,20/09/2026,Does not meet good,None\nC3,02/09/2026,12/09/2026,Exceeds good,PA\n",
    );
    let n = read(&[dir], &Config::defaults());
    assert_eq!(n.tables[0].framework.as_deref(), Some("twelve_question"), "{:?}", n.tables[0].columns);
    assert!(n.model.audits.iter().all(|a| a.overall.is_some() && a.due_rule == "days_after_allocation:14"), "{:?}", n.model.audits);
    // A theme's name that begins a phrase ("… decision making effective") is
    // not that question cut short: no framework from it.
    let dir = scratch("cut-short-signature-theme");
    write(
        &dir,
        "log.csv",
        b"Child ID,Audit date,Management oversight and decision making,Overall grade\nC1,10/09/2026,Good,Good\nC2,20/09/2026,Inadequate,Requires improvement\nC3,22/09/2026,Good,Outstanding\n",
    );
    let n = read(&[dir], &Config::defaults());
    assert_eq!(n.tables[0].framework, None, "{:?}", n.tables[0].columns);
    // Three words are not enough to name a framework.
    let dir = scratch("cut-short-signature-3");
    write(&dir, "tracker.csv", b"Child ID,Audit date,Q12 (auditor),Which worker did\nC1,10/09/2026,Meets good,SW\nC2,20/09/2026,Does not meet good,PA\n");
    let n = read(&[dir], &Config::defaults());
    assert_eq!(n.tables[0].framework, None, "{:?}", n.tables[0].columns);
}

/// Who the auditor spoke to, written as a list, as names, as dates seen, or
/// as words that name someone and say they were not spoken to.
#[test]
fn spoken_to_read_from_lists_names_and_dates() {
    use auditpack::normalise::Answer::{No, NotApplicable as Na, Yes};
    let dir = scratch("spoken-to-lists");
    // A form's multiple choice: each role ticked or not; "None"; a reason box
    // saying N/A makes a role left out not applicable.
    write(
        &dir,
        "forms.csv",
        "Child ID,Date of audit,Overall grade,Who did you speak to?,If child was not spoken to please state why\n\
         C1,10/09/2026,Good,Child/young person;Parent/carer;Social worker/PA;,\n\
         C2,11/09/2026,Good,Parent/carer;,Declined\n\
         C3,12/09/2026,Good,None,\n\
         C4,13/09/2026,Good,Social worker/PA;,N/A - care leaver\n\
         C5,14/09/2026,Good,\"Teacher, IRO\",\n\
         C6,15/09/2026,Good,\"Child not seen (asleep), Mum, SW\",\n"
            .as_bytes(),
    );
    let n = read(std::slice::from_ref(&dir), &Config::defaults());
    let got: Vec<_> = n.model.audits.iter().map(|a| (a.child_id.as_str(), a.spoke_child, a.spoke_family, a.spoke_practitioner)).collect();
    // (C5 names only others; C6 says the child was not seen.)
    assert_eq!(
        got,
        [("C1", Yes, Yes, Yes), ("C2", No, Yes, No), ("C3", No, No, No), ("C4", Na, No, Yes), ("C5", No, No, No), ("C6", No, Yes, Yes)],
        "{:?}",
        n.tables[0].columns
    );
    // "Who else did you speak to?" lists the others: not the three questions.
    let dir = scratch("spoken-to-else");
    write(&dir, "forms.csv", b"Child ID,Date of audit,Overall grade,Who else did you speak to?\nC1,10/09/2026,Good,\"Teacher, IRO\"\n");
    let n = read(&[dir], &Config::defaults());
    assert!(n.model.audits.iter().all(|a| a.spoke_practitioner == auditpack::normalise::Answer::Blank), "{:?}", n.tables[0].columns);
    // Names and dates where yes / no was asked; words that say not.
    let dir = scratch("spoken-to-names");
    write(
        &dir,
        "tracker.csv",
        "Child ID,Date of audit,Overall grade,Date child seen,Parents / carers views (who was spoken to),Which worker did you speak to?,Record of discussion with SW\n\
         C1,10/09/2026,Good,09/09/2026,Mother and stepfather,\"Spoke to SW, not seen child\",\n\
         C2,11/09/2026,Good,,Nobody - parents declined,Personal adviser on leave - not spoken to,\n\
         C3,12/09/2026,Good,,Foster carers,Team Manager only (SW on sick leave),\n\
         C4,13/09/2026,Good,,,,SW said the only worry is that she did not see mum\n"
            .as_bytes(),
    );
    let n = read(&[dir], &Config::defaults());
    let got: Vec<_> = n.model.audits.iter().map(|a| (a.child_id.as_str(), a.spoke_child, a.spoke_family, a.spoke_practitioner)).collect();
    use auditpack::normalise::Answer::Blank;
    // (C4: a record of what was said is not read for "not": the SW was spoken to.)
    assert_eq!(got, [("C1", Yes, Yes, Yes), ("C2", Blank, No, No), ("C3", Blank, Yes, No), ("C4", Blank, Blank, Yes)], "{:?}", n.tables[0].columns);
    assert!(n.findings.iter().any(|f| f.code == "read_as_no"), "said");
}

#[test]
fn who_was_spoken_to_and_how_written_as_a_few_words_is_an_answer() {
    use auditpack::normalise::Answer::{Blank, No, NotApplicable as Na, Yes};
    // Seed 004's "Feedback from …" columns and seed 001's "Parents / carers
    // views" ("if this case is selected"), kept as a tracker keeps them.
    let dir = scratch("spoken-to-how");
    write(
        &dir,
        "tracker.csv",
        "Child ID,Audit date,Overall grade,Feedback from child/young person,Feedback from parents/carers\n\
         C1,07/09/2026,Good,Spoke with C1 at school 02/09 - likes her carers,Foster carers 03/09\n\
         C2,08/09/2026,Good,N/A - baby,Mother did not respond to calls\n\
         C3,09/09/2026,Good,Yes - video call,Father (telephone) - unhappy about delays\n\
         C4,10/09/2026,Good,No - declined,Grandmother (kinship carer) 25/09\n\
         C5,11/09/2026,Good,,Selected – no response to 2 calls\n\
         C6,14/09/2026,Good,,Not selected for parent/carer views\n\
         C7,15/09/2026,Good,,Carers positive about support\n\
         C8,16/09/2026,Good,,Mother by phone\n\
         C9,17/09/2026,Good,,Mother said she feels listened to by the SW.\n\
         C10,18/09/2026,Good,,Click here to enter text.\n"
            .as_bytes(),
    );
    let n = read(std::slice::from_ref(&dir), &Config::defaults());
    let got: Vec<_> = n.model.audits.iter().map(|a| (a.child_id.as_str(), a.spoke_child, a.spoke_family)).collect();
    // (C7 is a carer's view in a column that also says who could not be
    // reached (C2, C5): their views were obtained, so yes, and said
    // (blind set 74).)
    assert_eq!(
        got,
        [
            ("C1", Yes, Yes),
            ("C2", Na, No),
            ("C3", Yes, Yes),
            ("C4", No, Yes),
            ("C5", Blank, No),
            // (Not chosen for parents' views: not applicable, since the
            // fifty-sixth session, as "Not picked for …"; a bare "Not
            // selected" is a drop-down left unanswered.)
            ("C6", Blank, Na),
            ("C7", Blank, Yes),
            ("C8", Blank, Yes),
            ("C9", Blank, Yes),
            ("C10", Blank, Blank)
        ],
        "{:?}",
        n.tables[0].columns
    );
    assert!(n.findings.iter().any(|f| f.code == "views_read_as_yes" && f.value == "Carers positive about support"), "said");
    assert!(!n.findings.iter().any(|f| f.code == "unknown_answer"), "every answer read");
    assert!(!n.findings.iter().any(|f| f.value.starts_with("Click here")), "a control never filled in is no answer, and no finding");
}

#[test]
fn work_done_by_others_a_providers_two_ids_and_a_consultancys_moderation_log() {
    // A commissioned provider's return gives its own client number first and
    // the council's id after it: the child is the council's id.
    let dir = scratch("provider-ids");
    write(&dir, "provider return.csv", b"Client no.,LA Case ID,Date of audit,Overall grade\nTF-0041,208114,09/10/2026,Good\nTF-0042,208120,10/10/2026,Good\n");
    let n = read(std::slice::from_ref(&dir), &Config::defaults());
    let children: Vec<&str> = n.model.audits.iter().map(|a| a.child_id.as_str()).collect();
    assert_eq!(children, ["208114", "208120"], "{:?}", n.tables[0].columns);
    // A consultancy's moderation log (read before the tracker: its name comes
    // first) names each audit's auditor beside both grades: it moderates the
    // tracker's audits, and the other client council's row links to none.
    // The tracker's "Sent to … for moderation" date is a request, not a moderation.
    let dir = scratch("consultancy-log");
    write(
        &dir,
        "A moderation log (two clients).csv",
        b"Ref,Client LA,LA child ID,Auditor,Audit date,Auditor grade,Moderator,Date moderated,Moderated grade,Outcome\n\
          B-1,Ours,C1,Ann Vale,10/09/2026,Good,Kit Moss,02/10/2026,Good,Concur\n\
          B-2,Ours,C2,Ann Vale,12/09/2026,Good,Kit Moss,03/10/2026,Requires improvement,Do not concur\n\
          B-3,Theirs,C9,Bo Lind,14/09/2026,Good,Kit Moss,04/10/2026,Good,Concur\n",
    );
    write(
        &dir,
        "B audits tracker.csv",
        b"Child ID,Team,Auditor,Date allocated,Audit date,Overall grade,Sent to Brookfold for moderation\n\
          C1,North,Ann Vale,01/09/2026,10/09/2026,Good,01/10/2026\n\
          C2,North,Ann Vale,01/09/2026,12/09/2026,Good,01/10/2026\n\
          C3,North,Ann Vale,01/09/2026,14/09/2026,Good,01/10/2026\n",
    );
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "-q", dir.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let kpi = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    let pair = |id: &str| (kpi(id)["numerator"].as_u64(), kpi(id)["denominator"].as_u64());
    assert_eq!(kpi("audits_completed")["numerator"], 3);
    assert_eq!(pair("moderation_coverage"), (Some(2), Some(3)));
    assert_eq!(pair("moderation_agreement"), (Some(1), Some(2)));
}

#[test]
fn a_record_carried_forward_under_a_new_reference_is_one_record() {
    // The new year's log names last year's reference of an audit carried
    // into it; last year's sheet, still in the workbook, has it too (read
    // after it here: the order does not matter). A re-audit that names the
    // audit it follows, completed on another day, is another audit.
    let dir = scratch("carried-forward");
    write(
        &dir,
        "log 2026-27.csv",
        "Audit ref,Previous ref (2025-26),Child ID,Date of the Audit,Overall grade\n\
         26-CF02,25-075,C1,15/09/2026,Requires improvement\n\
         26-003,25-061,C2,04/09/2026,Good\n\
         26-004,,C3,08/09/2026,Good\n"
            .as_bytes(),
    );
    write(
        &dir,
        "log 2025-26.csv",
        "Audit ref,Child ID,Date of the Audit,Overall grade\n\
         25-061,C2,09/07/2026,Inadequate\n\
         25-075,C1,15/09/2026,Requires improvement\n"
            .as_bytes(),
    );
    // Actions: last year's list and this year's in one export, each open
    // action twice; one carried forward with no due date (10 working days
    // after the audit date on its row).
    write(
        &dir,
        "actions.csv",
        "Action ID,Child ID,Audit date,Agreed Action,Completion date,Manager's sign off date,Update\n\
         A25-1,C1,26/08/2026,Update the chronology,09/09/2026,,Carried forward to 2026-27 as A26-1\n\
         A25-2,C2,26/08/2026,Direct work on identity,,,c/f as A26-2\n\
         A26-1,C1,26/08/2026,Update the chronology,09/09/2026,09/09/2026,b/f from A25-1\n\
         A26-2,C2,26/08/2026,Direct work on identity,,10/09/2026,\n"
            .as_bytes(),
    );
    let n = read(std::slice::from_ref(&dir), &Config::defaults());
    let mut audits: Vec<_> = n.model.audits.iter().map(|a| (a.id.as_str(), a.child_id.as_str())).collect();
    audits.sort();
    assert_eq!(audits, [("25-061", "C2"), ("26-003", "C2"), ("26-004", "C3"), ("26-CF02", "C1")], "{:?}", n.tables);
    let mut actions: Vec<_> = n.model.actions.iter().map(|a| (a.text.as_str(), a.completed.map(|d| d.to_string()))).collect();
    actions.sort();
    assert_eq!(actions, [("Direct work on identity", Some("2026-09-10".into())), ("Update the chronology", Some("2026-09-09".into()))]);
    assert!(n.findings.iter().any(|f| f.action.contains("previous reference")), "said");
    assert!(n.findings.iter().any(|f| f.action.contains("carries it forward under a new id")), "said");
    // The carried action with no due date is due 10 working days after its
    // audit date (Wed 26/08 + 10 = Thu 10/09, past the bank holiday): on time.
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "-q", dir.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let kpi = |id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).unwrap().clone();
    assert_eq!((kpi("actions_on_time")["numerator"].clone(), kpi("actions_on_time")["denominator"].clone()), (2.into(), 2.into()));
    assert_eq!(kpi("actions_overdue")["numerator"], 0);
    assert_eq!(kpi("audits_completed")["numerator"], 3);
}

#[test]
fn a_plan_file_without_a_status_column_and_a_list_of_children() {
    let dir = scratch("plan-file");
    write(&dir, "cp-plans.csv", b"Child ID,Plan start date,Plan end date,Team\nC1,01/09/2026,,North\nC2,01/01/2026,15/09/2026,South\n");
    write(&dir, "children.csv", b"Child ID,Team,Gender\nC1,North,F\n");
    let n = read(&[dir], &Config::defaults());
    assert_eq!(n.model.episodes.len(), 2, "{:?}", n.tables);
    assert!(n.model.episodes.iter().all(|e| e.kind == auditpack::normalise::EpisodeKind::Cp));
    assert!(n.model.audits.is_empty(), "a list of children is not a set of audits");
    let children = n.tables.iter().find(|t| t.file.ends_with("children.csv")).unwrap();
    assert_eq!(children.kind, auditpack::normalise::columns::TableKind::Unknown);
    assert_eq!(children.rows_accepted, 0);
    assert_eq!(children.rows_read, children.rows_set_aside + children.rows_rejected);
}

/// An action that names no child and no audit is a service's action (a
/// thematic report's "ALL TEAMS" row; a board's learning plan with neither
/// column): set aside, with a note. A blank or withheld child is a missing
/// id, and the action is kept, as before.
#[test]
fn a_service_wide_action_is_not_an_audits_action() {
    let dir = scratch("service-wide-actions");
    write(&dir, "Audits.csv", b"Audit ID,Child ID,Date of audit,Overall grade\nQA-1,C1,10/09/2026,Good\n");
    write(
        &dir,
        "Recommendations tracker.csv",
        b"Audit ID,Person ID,Recommendation,Timescale,Date completed\n\
QA-1,C1,Update the plan,20/09/2026,18/09/2026\n\
THEMATIC,ALL TEAMS,All CSWs to record why a child is not seen alone,16/10/2026,\n\
,,Share the genogram,25/09/2026,\n\
QA-9,[RESTRICTED],Review the safety plan,30/09/2026,\n",
    );
    write(
        &dir,
        "PBM learning action plan.csv",
        b"No.,Learning from the themed audits,Action,Lead,By When,Date completed\n1,Fathers not engaged,Re-issue the practice guidance,Service Manager,16/10/2026,\n",
    );
    // Kept: a pseudonym or "Child A" where the child's id would be; a list
    // with no id column that is not named for a service's plan; an audit
    // reference under a header not read as one.
    write(
        &dir,
        "Pseudonymised actions.csv",
        b"Person ID,Action,Due date,Date completed\nChild A,Update the chronology,16/09/2026,\nABCD-EFGH,Review the plan,16/09/2026,\n",
    );
    write(&dir, "audit_actions.csv", b"Social worker,Action,Due date,Date signed off\nS Brown,Complete the genogram,15/10/2026,\n");
    write(
        &dir,
        "Actions by ref.csv",
        b"Ref,Action,Target date,Date completed\nAUD-0014,Visit the school,16/09/2026,15/09/2026\nAUD-0015,Book the review,16/09/2026,\n",
    );
    let n = read(&[dir], &Config::defaults());
    let mut texts: Vec<&str> = n.model.actions.iter().map(|a| a.text.as_str()).collect();
    texts.sort_unstable();
    assert_eq!(
        texts,
        vec![
            "Book the review",
            "Complete the genogram",
            "Review the plan",
            "Review the safety plan",
            "Share the genogram",
            "Update the chronology",
            "Update the plan",
            "Visit the school"
        ],
        "{:?}",
        n.findings
    );
    let set_aside: Vec<(&str, Option<u32>)> = n
        .findings
        .iter()
        .filter(|f| f.code == "row_set_aside" && f.action.contains("service-wide"))
        .map(|f| (f.file.rsplit('/').next().unwrap(), f.row))
        .collect();
    assert_eq!(set_aside, vec![("PBM learning action plan.csv", Some(2)), ("Recommendations tracker.csv", Some(3))]);
    for t in &n.tables {
        assert_eq!(t.rows_read, t.rows_accepted + t.rows_set_aside + t.rows_rejected, "{t:?}");
    }
}

/// The same case notes in two exports whose child-id headers differ
/// ("Client ID", then "Person ID" after a system change): one note each
/// (the fifth sweep: counted twice).
#[test]
fn the_same_notes_under_another_child_id_header_are_counted_once() {
    let dir = scratch("renamed-child-header");
    write(
        &dir,
        "Notes Sep.csv",
        b"Client ID,Note type,Date of visit,Date entered,Seen alone\nC1,CP Visit,03/09/2026,04/09/2026,Yes\nC2,CP Visit,05/09/2026,05/09/2026,No\n",
    );
    write(
        &dir,
        "Notes Sep-Oct.csv",
        b"Person ID,Note type,Date of visit,Date entered,Seen alone\nC1,CP Visit,03/09/2026,04/09/2026,Yes\nC3,CP Visit,10/10/2026,11/10/2026,Yes\n",
    );
    let n = read(&[dir], &Config::defaults());
    assert_eq!(n.model.case_notes.len(), 3, "{:?}", n.findings);
    assert!(n.findings.iter().any(|f| f.code == "duplicate_row" && f.file.ends_with("Notes Sep.csv")), "{:?}", n.findings);
}
