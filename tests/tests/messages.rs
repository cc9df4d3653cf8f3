//! Messages a performance officer can trust: set aside by design versus
//! rejected for a problem, `--strict`, `validate`'s grouping, the run summary,
//! and config pins that match nothing.

use crate::{auditpack, root, scratch, stderr, stdout};
use auditpack::normalise::{normalise_inputs, Config};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn read(paths: &[PathBuf]) -> auditpack::normalise::Normalised {
    normalise_inputs(paths, &Config::defaults(), &mut |_, _, _| {})
}

const CLEAN_AUDITS: &str = "Child ID,Team,Audit date,Overall grade\nC1,North,06/10/2026,Good\nC2,South,07/10/2026,Inadequate\n";

#[test]
fn totals_blank_and_duplicate_rows_are_set_aside_not_rejected() {
    let dir = scratch("msg-set-aside");
    let p = write(&dir, "audits.csv", &format!("{CLEAN_AUDITS}C2,South,07/10/2026,Inadequate\n,,,\nTotal,2,,\n"));
    let n = read(&[p]);
    let t = &n.tables[0];
    assert_eq!((t.rows_read, t.rows_accepted, t.rows_set_aside, t.rows_rejected), (5, 2, 3, 0), "{:?}", t.set_aside_by_reason);
    for reason in ["duplicate row", "blank row", "totals row"] {
        assert_eq!(t.set_aside_by_reason.get(reason), Some(&1), "{reason}: {:?}", t.set_aside_by_reason);
    }
    assert!(n.strict_problems().is_empty(), "{:?}", n.strict_problems());
}

#[test]
fn an_episode_outside_cp_cla_cin_is_set_aside_and_a_blank_status_is_rejected() {
    let dir = scratch("msg-episodes");
    let p = write(
        &dir,
        "legal-status.csv",
        "Child ID,Legal Status,Start Date,End Date\nC1,Child Protection,01/09/2026,\nC2,Care leaver,01/01/2026,\nC3,,01/02/2026,\n",
    );
    let n = read(&[p]);
    let t = &n.tables[0];
    assert_eq!((t.rows_accepted, t.rows_set_aside, t.rows_rejected), (1, 1, 1), "{:?} {:?}", t.set_aside_by_reason, t.rejected_by_reason);
    assert!(n.findings.iter().any(|f| f.code == "row_set_aside" && f.value == "Care leaver"), "{:?}", n.findings);
}

#[test]
fn no_child_id_and_an_unreadable_required_date_are_rejected() {
    let dir = scratch("msg-rejected");
    let audits = write(&dir, "audits.csv", &format!("{CLEAN_AUDITS},North,08/10/2026,Good\n"));
    let notes = write(&dir, "case-notes.csv", "Child ID,Case Note Type,Event Date\nC1,CP Visit,01/10/2026\nC2,CP Visit,not a date\n");
    let n = read(&[audits, notes]);
    let a = n.tables.iter().find(|t| t.file.ends_with("audits.csv")).unwrap();
    assert_eq!((a.rows_accepted, a.rows_set_aside, a.rows_rejected), (2, 0, 1));
    assert_eq!(a.rejected_by_reason.get("no child id"), Some(&1));
    let c = n.tables.iter().find(|t| t.file.ends_with("case-notes.csv")).unwrap();
    assert_eq!((c.rows_accepted, c.rows_rejected), (1, 1), "{:?}", c.rejected_by_reason);
    assert!(!n.strict_problems().is_empty());
}

#[test]
fn strict_passes_on_set_asides_and_fails_on_problems() {
    let dir = scratch("msg-strict");
    write(&dir, "audits.csv", &format!("{CLEAN_AUDITS}C2,South,07/10/2026,Inadequate\nTotal,2,,\n"));
    let ok = auditpack(&dir, &["validate", ".", "--strict"]);
    assert_eq!(ok.status.code(), Some(0), "{}{}", stdout(&ok), stderr(&ok));
    // An unknown grade changes the good-or-better KPI: a problem for --strict.
    write(&dir, "more.csv", "Child ID,Team,Audit date,Overall grade\nC9,North,06/10/2026,Goodish\n");
    let bad = auditpack(&dir, &["validate", ".", "--strict"]);
    assert_eq!(bad.status.code(), Some(3), "{}", stdout(&bad));
    assert!(stderr(&bad).contains("unknown label"), "{}", stderr(&bad));
}

#[test]
fn validate_puts_problems_first_and_groups_repeated_findings() {
    let dir = scratch("msg-validate");
    let mut csv = String::from("Child ID,Team,Audit date,Overall grade\n");
    for i in 100..180 {
        csv.push_str(&format!("C{i},North,06/10/2026,Good\n"));
    }
    for i in 0..40 {
        csv.push_str(&format!("C{i},North,06/10/2026,Goodish\n"));
    }
    csv.push_str("Total,40,,\n");
    write(&dir, "audits.csv", &csv);
    let o = auditpack(&dir, &["validate", "."]);
    let text = stdout(&o);
    let problems = text.find("Problems (").expect("a problems section");
    let files = text.find("\nFiles:").expect("a files section");
    assert!(problems < files, "problems come first:\n{text}");
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("matches no grading scale")).collect();
    assert_eq!(lines.len(), 1, "one line for 40 rows:\n{text}");
    assert!(lines[0].contains("40 rows") && lines[0].contains("rows 82–121"), "{}", lines[0]);
    assert!(text.contains("Set aside by design"), "{text}");
    // A finding about the whole run names it, not an empty file ("warning: : …").
    assert!(text.contains("warning: all inputs: 'actions_on_time' no actions table was read"), "{text}");
    assert!(!text.contains(": : "), "{text}");
    let verbose = stdout(&auditpack(&dir, &["validate", "-v", "."]));
    assert_eq!(verbose.lines().filter(|l| l.contains("matches no grading scale")).count(), 40, "-v lists each row");
}

#[test]
fn the_run_summary_accounts_for_every_file_written() {
    let dir = scratch("msg-summary");
    write(&dir, "audits.csv", CLEAN_AUDITS);
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", ".", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    let wrote: usize = err.lines().find_map(|l| l.split("wrote ").nth(1)?.strip_suffix(" files")?.parse().ok()).expect("a file count");
    let listed: usize = err
        .lines()
        .filter(|l| l.starts_with("    "))
        .map(|l| l.trim().split(" files in ").next().and_then(|n| n.parse().ok()).filter(|_| l.contains(" files in ")).unwrap_or(1))
        .sum();
    assert_eq!(wrote, listed, "{err}");
    assert!(err.contains("set aside"), "{err}");
}

#[test]
fn run_with_no_inputs_outside_the_repository_says_how_to_name_the_exports() {
    let dir = scratch("msg-no-inputs");
    let o = auditpack(&dir, &["run"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("auditpack run exports/") && !err.contains("give --period"), "{err}");
}

fn config_error(dir: &Path, toml: &str) -> String {
    write(dir, "c.toml", toml);
    let o = auditpack(dir, &["validate", ".", "--config", "c.toml"]);
    assert_eq!(o.status.code(), Some(2), "{}{}", stdout(&o), stderr(&o));
    stderr(&o)
}

fn pin_dir(name: &str) -> PathBuf {
    let dir = scratch(name);
    write(&dir, "audits.csv", "Child ID,Team,Date of the Audit,Overall grade\nC1,North,06/10/2026,Good\n");
    dir
}

#[test]
fn a_pin_to_an_unknown_field_is_an_error() {
    let err = config_error(&pin_dir("pin-field"), "[[sources]]\nfile = \"audits\"\n[sources.columns]\n\"Date of the Audit\" = \"completion_date\"\n");
    assert!(err.contains("completion_date") && err.contains("--fields"), "{err}");
}

#[test]
fn a_pin_whose_file_matches_no_input_is_an_error() {
    let err = config_error(&pin_dir("pin-file"), "[[sources]]\nfile = \"audit-export-2026\"\nkind = \"audits\"\n");
    assert!(err.contains("audit-export-2026") && err.contains("no input file"), "{err}");
}

#[test]
fn a_pin_whose_sheet_matches_no_input_is_an_error() {
    let err = config_error(&pin_dir("pin-sheet"), "[[sources]]\nfile = \"audits\"\nsheet = \"Audits 2026\"\nkind = \"audits\"\n");
    assert!(err.contains("Audits 2026"), "{err}");
}

#[test]
fn a_column_pin_whose_header_is_not_in_the_table_is_an_error() {
    let err = config_error(&pin_dir("pin-header"), "[[sources]]\nfile = \"audits\"\n[sources.columns]\n\"Date of Audit\" = \"completed_date\"\n");
    assert!(err.contains("\"Date of Audit\"") && err.contains("not a header"), "{err}");
}

#[test]
fn a_correct_column_pin_is_applied() {
    let dir = pin_dir("pin-ok");
    write(&dir, "c.toml", "[[sources]]\nfile = \"audits\"\n[sources.columns]\n\"Date of the Audit\" = \"completed_date\"\n");
    let o = auditpack(&dir, &["validate", ".", "--config", "c.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).lines().any(|l| l.contains("Date of the Audit") && l.contains("-> completed_date (config")), "{}", stdout(&o));
}

#[test]
fn config_fields_lists_what_can_be_pinned() {
    let o = auditpack(&root(), &["config", "--fields"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    for want in ["completed_date", "child_id", "domain:safety", "ignore", "seen_alone", "episode_type"] {
        assert!(text.contains(want), "{want} not listed:\n{text}");
    }
}
