//! What a reader sees in the packs: plain English in the board pack, assumed
//! grades marked, file names never paths, long lists capped in the HTML, a fully
//! suppressed chart as a sentence, and packs for records with no team.

use crate::{auditpack, root, scratch, stderr};
use calamine::{open_workbook, Data, Reader, Xlsx};
use std::io::Read;
use std::path::Path;

fn run_into(name: &str, cwd: &Path, extra: &[&str]) -> std::path::PathBuf {
    let out = scratch(name);
    let mut args = vec!["run", "-q", "--out", out.to_str().unwrap()];
    args.extend(extra);
    let o = auditpack(cwd, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    out
}

/// Every text an XLSX shows: shared strings and inline strings.
fn xlsx_text(path: &Path) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        if f.name().is_ok_and(|n| n.starts_with("xl/")) {
            let _ = f.read_to_string(&mut all);
        }
    }
    all
}

#[test]
fn the_board_pack_speaks_plain_english_and_marks_assumed_grades() {
    let data = root().join("sample_data");
    let out = run_into("packs-plain", &root(), &[data.to_str().unwrap(), "--reports", "board-pack"]);
    let html = std::fs::read_to_string(out.join("board-pack.html")).unwrap();
    let xlsx = xlsx_text(&out.join("board-pack.xlsx"));
    let frameworks: Vec<String> = auditpack::normalise::Config::defaults().frameworks.iter().map(|f| f.id.clone()).collect();
    for (what, text) in [("html", &html), ("xlsx", &xlsx)] {
        for banned in ["unbanded", "ssociation", "+100 pts", "meets_good3", "ofsted4", "ynp"] {
            assert!(!text.contains(banned), "{what}: '{banned}' in the board pack");
        }
        for f in &frameworks {
            assert!(!text.contains(f.as_str()), "{what}: framework id {f}");
        }
        assert!(!text.contains(data.to_str().unwrap()) && !text.contains("sample_data/"), "{what}: a machine path");
        // The sample's 12-question scale maps "Exceeds good" to Outstanding by assumption.
        assert!(text.contains("Outstanding (includes assumed)"), "{what}: assumed band not marked");
        assert!(text.contains("Exceeds good") && text.contains("counted as Outstanding"), "{what}: the assumption in words");
    }
    assert!(!html.contains("Label '"), "no label dump in the board pack");
    let trend = std::fs::read_to_string(out.join("charts/board-pack-good-or-better-trend.svg")).unwrap();
    assert!(trend.contains("Sep–Oct 2026") && !trend.contains("2026-09/10"), "periods in words");
}

#[test]
fn the_compliance_report_caps_long_lists_in_html_and_keeps_them_all_in_xlsx() {
    let out = run_into("packs-caps", &root(), &["--reports", "compliance-report"]);
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let overdue = m["actions"]["overdue"].as_array().unwrap().len();
    assert!(overdue > 25, "the sample has a long overdue list ({overdue})");
    let html = std::fs::read_to_string(out.join("compliance-report.html")).unwrap();
    assert!(html.contains(&format!("{} more in the XLSX", overdue - 25)), "capped with a pointer");
    assert!(!html.contains("max-height") && !html.contains("overflow-y"), "no scrolling boxes");
    assert!(html.contains("Appendix: how grades were read"), "the crosswalk is in the appendix");
    let mut wb: Xlsx<_> = open_workbook(out.join("compliance-report.xlsx")).unwrap();
    let range = wb.worksheet_range("Overdue actions").unwrap();
    assert_eq!(range.rows().count(), overdue + 1, "every overdue action in the XLSX");
    // Printed, each page of a long list starts with its header row.
    assert!(xlsx_text(&out.join("compliance-report.xlsx")).contains("_xlnm.Print_Titles"), "header rows repeat on printed pages");
    // File names, never the folders they were read from.
    let sources = wb.worksheet_range("Sources").unwrap();
    assert!(sources.rows().skip(1).all(|r| !r[0].to_string().contains('/')), "file names only");
    assert!(sources.rows().next().unwrap().iter().any(|c| *c == Data::String("Set aside".into())));
}

#[test]
fn a_fully_suppressed_chart_is_a_sentence() {
    let dir = scratch("packs-suppressed-in");
    std::fs::write(
        dir.join("audits.csv"),
        "Child ID,Team,Audit date,Overall grade\nC1,North,06/10/2026,Good\nC2,South,07/10/2026,Inadequate\nC3,South,07/08/2026,Good\n",
    )
    .unwrap();
    let out = run_into("packs-suppressed", &dir, &[".", "--suppress", "10", "--reports", "board-pack"]);
    let html = std::fs::read_to_string(out.join("board-pack.html")).unwrap();
    assert!(html.contains("so the chart is not drawn"), "a sentence, not an empty plot");
    let svg = std::fs::read_to_string(out.join("charts/board-pack-grades-by-team.svg")).unwrap();
    assert!(svg.contains("not drawn") && !svg.contains("<rect"), "{svg}");
}

#[test]
fn records_with_no_team_get_their_own_pack_and_a_note() {
    let dir = scratch("packs-no-team-in");
    std::fs::write(
        dir.join("audits.csv"),
        // Blank teams in a table that names a team row after row (South twice):
        // not written once above their rows, so not filled down.
        "Child ID,Team,Audit date,Overall grade\nC1,North,06/10/2026,Good\nC4,South,06/10/2026,Good\nC5,South,06/10/2026,Good\nC2,,07/10/2026,Inadequate\nC3,,08/10/2026,Good\n",
    )
    .unwrap();
    let out = scratch("packs-no-team");
    let o = auditpack(&dir, &["run", ".", "--per-team", "--reports", "board-pack", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 audits and 0 actions have no team recorded"), "{}", stderr(&o));
    let main = std::fs::read_to_string(out.join("board-pack.html")).unwrap();
    assert!(main.contains("2 audits and 0 actions have no team recorded"), "the all-teams pack says so");
    let own = std::fs::read_to_string(out.join("teams/not-recorded/board-pack.html")).unwrap();
    assert!(own.contains("covers (not recorded) only: 2 audits"), "the pack states its own counts");
    let north = std::fs::read_to_string(out.join("teams/north/board-pack.html")).unwrap();
    assert!(north.contains("covers North only: 1 audits"), "a team's pack states its own counts");
}

#[test]
fn figures_read_as_the_xlsx_shows_them_and_never_as_their_target_when_they_miss_it() {
    // Every rate on a tile: rounded half away from zero, as Excel's "0%"
    // shows it (0.625 is 63%, not Rust's 62%), or to a tenth when the whole
    // percentage would read as a target it misses (the sample's case notes,
    // 525 of 584 = 89.9%, against 90%).
    let out = run_into("packs-rounding", &root(), &["--reports", "board-pack"]);
    let html = std::fs::read_to_string(out.join("board-pack.html")).unwrap();
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let mut tenths = 0;
    for k in m["kpis"].as_array().unwrap().iter().filter(|k| k["unit"] == "rate" && k["value"].is_number()) {
        let v = k["value"].as_f64().unwrap() * 100.0;
        let whole = ((v * 1e6).round() / 1e6).round();
        let shown = match k["target"].as_f64() {
            Some(t) if whole == (t * 100.0).round() && k["status"] != "on_target" && (v - t * 100.0).abs() > 1e-7 => {
                tenths += 1;
                format!("{v:.1}%")
            }
            _ => format!("{whole}%"),
        };
        let tile = format!("<p class=\"value\">{shown}</p>");
        assert!(html.contains(&tile), "{}: {tile}", k["id"]);
        let (n, d) = (k["numerator"].as_u64().unwrap(), k["denominator"].as_u64().unwrap());
        assert!(html.contains(&format!("<p class=\"of\">{n} of {d}</p>")), "{}: {n} of {d} under the figure", k["id"]);
    }
    assert!(tenths >= 1, "the sample has a figure just under its target");
}

#[test]
fn a_figure_the_exports_cannot_make_has_no_counts_and_its_charts_say_why() {
    // No overall grade column and no case notes: those KPIs and their charts
    // say "not in the exports", never 0 of 0 or "no data in the period".
    let dir = scratch("packs-not-in-exports-in");
    std::fs::write(dir.join("audits.csv"), "Child ID,Team,Audit date,Child spoken to\nC1,North,06/10/2026,Yes\nC2,South,07/10/2026,No\n").unwrap();
    let out = run_into("packs-not-in-exports", &dir, &[".", "--period", "2026-09", "--reports", "board-pack"]);
    let html = std::fs::read_to_string(out.join("board-pack.html")).unwrap();
    assert!(html.contains("Overall grades by team, September–October 2026: not in the exports"), "the grades chart says why it is empty");
    assert!(html.contains("Case notes recorded within 4 weeks by team, September–October 2026: not in the exports"), "so does the case-notes chart");
    let mut wb: Xlsx<_> = open_workbook(out.join("board-pack.xlsx")).unwrap();
    let kpis = wb.worksheet_range("KPIs").unwrap();
    let row = kpis.rows().find(|r| r[0].to_string().starts_with("Overall judgement good or better")).expect("the KPI's row");
    assert_eq!(row[1].to_string(), "not in the exports");
    assert_eq!((row[2].to_string(), row[3].to_string()), ("–".to_string(), "–".to_string()), "no numerator or denominator: {row:?}");
}

#[test]
fn a_count_axis_is_labelled_at_whole_numbers_only() {
    // One audit a team: the axis runs 0 to 1, and its ticks were "0 0 0 1 1 1".
    let dir = scratch("packs-ticks-in");
    std::fs::write(dir.join("audits.csv"), "Child ID,Team,Audit date,Overall grade\nC1,North,06/10/2026,Good\nC2,South,07/10/2026,Inadequate\n").unwrap();
    let out = run_into("packs-ticks", &dir, &[".", "--period", "2026-09", "--reports", "board-pack"]);
    let svg = std::fs::read_to_string(out.join("charts/board-pack-grades-by-team.svg")).unwrap();
    let numbers: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1)?.split('<').next().map(str::trim))
        .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    // (The segments' own counts are labels too: one "1" in each bar.)
    let ticks: Vec<&&str> = numbers.iter().filter(|n| **n != "1").collect();
    let mut unique = ticks.clone();
    unique.dedup();
    assert_eq!(ticks, unique, "ticks repeat: {numbers:?}");
    assert!(numbers.iter().filter(|n| **n == "0").count() == 1, "one 0 tick: {numbers:?}");
}

#[test]
fn the_compliance_reports_findings_name_kpis_and_fields_in_words() {
    let dir = scratch("packs-plain-findings-in");
    std::fs::write(dir.join("audits.csv"), "Child ID,Team,Audit date,Child spoken to\nC1,North,06/10/2026,Yes\nC2,South,07/10/2026,No\n").unwrap();
    let out = run_into("packs-plain-findings", &dir, &[".", "--period", "2026-09", "--reports", "compliance-report"]);
    let html = std::fs::read_to_string(out.join("compliance-report.html")).unwrap();
    assert!(html.contains("&#x27;Overall judgement good or better&#x27; is not in the exports"), "the KPI by its label");
    assert!(html.contains("&#x27;parents or carers spoken to&#x27; (spoke_family)"), "the field in words, with the name a config pins");
    for code in ["not_in_source", "overall_good_or_better", "family_spoken_to"] {
        assert!(!html.contains(code), "'{code}' in the compliance report");
    }
    // The CSV for analysts keeps the names a config pins.
    let csv = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert!(csv.contains("overall_good_or_better"));
}
