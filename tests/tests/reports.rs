//! The packs: XLSX structure and values, HTML self-containment and escaping,
//! suppression, team packs, determinism.

use crate::{auditpack, root, scratch, stderr};
use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use serde_json::Value;
use std::io::Read;
use std::path::Path;

const REPORTS: [&str; 4] = ["board-pack", "compliance-report", "grade-distributions", "theme-analysis"];

fn run_into(name: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = scratch(name);
    let mut args = vec!["run", "-q", "--out", out.to_str().unwrap()];
    args.extend(extra);
    let o = auditpack(&root(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    out
}

fn zip_entries(path: &Path) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut s = String::new();
            let _ = f.read_to_string(&mut s);
            (f.name().map(|n| n.to_string()).unwrap_or_default(), s)
        })
        .collect()
}

fn metrics(out: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap()
}

#[test]
fn run_writes_all_eight_files_and_the_charts() {
    let out = run_into("packs-all", &[]);
    for r in REPORTS {
        for ext in ["xlsx", "html"] {
            assert!(out.join(format!("{r}.{ext}")).metadata().unwrap().len() > 1000, "{r}.{ext}");
        }
    }
    let svgs: Vec<_> = std::fs::read_dir(out.join("charts")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    assert!(svgs.iter().any(|s| s == "board-pack-good-or-better-trend.svg"), "{svgs:?}");
    for s in &svgs {
        let text = std::fs::read_to_string(out.join("charts").join(s)).unwrap();
        assert!(text.starts_with("<svg role=\"img\"") && text.contains("<title id=") && text.contains("<desc id="), "{s}");
    }
}

#[test]
fn xlsx_structure_follows_the_guidance() {
    let out = run_into("packs-xlsx", &[]);
    for r in REPORTS {
        let entries = zip_entries(&out.join(format!("{r}.xlsx")));
        let get = |name: &str| entries.iter().find(|(n, _)| n == name).map(|(_, s)| s.clone()).unwrap_or_default();
        let workbook = get("xl/workbook.xml");
        assert!(workbook.contains("name=\"Cover\"") && workbook.contains("name=\"Notes\""), "{r}");
        let tables = entries.iter().filter(|(n, _)| n.starts_with("xl/tables/table")).count();
        let sheets = entries.iter().filter(|(n, _)| n.starts_with("xl/worksheets/sheet")).count();
        if r == "board-pack" {
            // One sheet per section, so it prints in a few pages: tables stack.
            assert!(tables >= sheets - 1 && sheets <= 6, "{r}: {tables} tables on {sheets} sheets");
        } else {
            assert_eq!(tables, sheets - 1, "{r}: one Excel Table per sheet except the cover");
        }
        let charts: Vec<_> = entries.iter().filter(|(n, _)| n.starts_with("xl/charts/chart")).collect();
        assert!(!charts.is_empty(), "{r}: native charts");
        for (_, c) in &charts {
            assert!(c.contains("<c:title>"), "{r}: chart title");
        }
        let drawings: String = entries.iter().filter(|(n, _)| n.starts_with("xl/drawings/drawing")).map(|(_, s)| s.as_str()).collect();
        assert_eq!(drawings.matches(" descr=\"").count(), charts.len(), "{r}: alt text on every chart");
        for (n, s) in entries.iter().filter(|(n, _)| n.starts_with("xl/worksheets/sheet")) {
            assert!(!s.contains("<mergeCell"), "{r} {n}: merged cells");
            assert!(!s.contains("<f>"), "{r} {n}: formulas");
        }
        assert!(get("xl/styles.xml").contains("Arial"));
        assert!(get("docProps/core.xml").contains("<dc:title>"));
        let sheet2 = get("xl/worksheets/sheet3.xml");
        assert!(
            sheet2.contains("<pane ") && sheet2.contains("orientation=\"landscape\"") && sheet2.contains("fitToHeight=\"0\""),
            "{r}: frozen header, landscape, fit to width"
        );
        let wb: Xlsx<_> = open_workbook(out.join(format!("{r}.xlsx"))).unwrap();
        assert!(wb.sheet_names().iter().all(|s| s.chars().count() <= 31));
    }
}

#[test]
fn xlsx_cells_hold_the_metrics_values() {
    let out = run_into("packs-values", &[]);
    let m = metrics(&out);
    let mut wb: Xlsx<_> = open_workbook(out.join("board-pack.xlsx")).unwrap();
    let range = wb.worksheet_range("KPIs").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][0], Data::String("KPI".into()));
    for k in m["kpis"].as_array().unwrap() {
        let label = k["label"].as_str().unwrap();
        let row = rows.iter().find(|r| r[0].to_string().starts_with(label)).unwrap_or_else(|| panic!("{}", k["id"]));
        match k["value"].as_f64() {
            Some(v) => assert_eq!(row[1].as_f64(), Some(v), "{}", k["id"]),
            None => assert_eq!(row[1], Data::Empty, "{}", k["id"]),
        }
        assert_eq!(row[2].as_f64(), k["numerator"].as_f64(), "{}", k["id"]);
        assert!(row[7].to_string().contains(k["status_label"].as_str().unwrap()), "status in words");
    }
    // A change in a rate is stored in percentage points and shown as "+N pts".
    let change = m["kpis"].as_array().unwrap().iter().find(|k| k["unit"] == "rate" && k["change"].as_f64().is_some()).unwrap();
    let row = rows.iter().find(|r| r[0].to_string().starts_with(change["label"].as_str().unwrap())).unwrap();
    assert_eq!(row[5].as_f64(), Some((change["change"].as_f64().unwrap() * 100.0).round()), "{}", change["id"]);
    // A chart's data sheet holds the trend values of metrics.json, periods in words.
    let trend = m["trends"].as_array().unwrap().iter().find(|t| t["id"] == "overall_good_or_better").unwrap();
    let mut wb: Xlsx<_> = open_workbook(out.join("grade-distributions.xlsx")).unwrap();
    let sheet = wb.sheet_names().into_iter().find(|s| s.starts_with("Trend")).unwrap();
    let range = wb.worksheet_range(&sheet).unwrap();
    let last = trend["points"].as_array().unwrap().last().unwrap();
    let row = range.rows().find(|r| r[0] == Data::String("Sep–Oct 2026".into())).expect("the period in words");
    assert_eq!(last["period"]["key"], "2026-09/10");
    assert_eq!(row[1].as_f64(), last["value"].as_f64());
}

#[test]
fn html_is_self_contained_and_accessible_in_structure() {
    let out = run_into("packs-html", &[]);
    for r in REPORTS {
        let html = std::fs::read_to_string(out.join(format!("{r}.html"))).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"en-GB\">"));
        for banned in ["<script", "<link", " src=", "@import", "url("] {
            assert!(!html.contains(banned), "{r}: {banned}");
        }
        assert!(html.contains("<nav aria-labelledby=\"contents-h\">"), "{r}: contents");
        assert!(html.contains("<caption") && html.contains("scope=\"col\"") && html.contains("class=\"num\""), "{r}: tables");
        assert!(html.contains("@media print") && html.contains("size: A4 landscape"), "{r}: print css");
        assert!(html.contains("rows read") && html.contains("set aside by design"), "{r}: data-quality basis");
        assert_eq!(html.matches("<svg role=\"img\"").count(), html.matches("<details>").count(), "{r}: every chart has its numbers");
        // Headings in order: one h1, then h2 sections.
        assert_eq!(html.matches("<h1").count(), 1);
        let h1 = html.find("<h1").unwrap();
        assert!(html[..h1].find("<h2").is_none() && html.find("<h3").unwrap_or(usize::MAX) > html.find("<h2").unwrap());
    }
}

#[test]
fn hostile_text_comes_out_inert() {
    let dir = scratch("hostile-in");
    std::fs::write(
        dir.join("audits.csv"),
        "Audit ID,Child ID,Team,Audit date,Overall grade\nA1,C1,<script>alert(1)</script>,01/10/2026,Good\nA2,C2,North,02/10/2026,Inadequate\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("actions.csv"),
        "Audit ID,Action,Who by,By when,Signed off\nA1,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",+Owner,05/10/2026,\n",
    )
    .unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", ".", "-q", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for r in REPORTS {
        let html = std::fs::read_to_string(out.join(format!("{r}.html"))).unwrap();
        assert!(!html.contains("<script>alert(1)"), "{r}");
    }
    let html = std::fs::read_to_string(out.join("compliance-report.html")).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("=HYPERLINK("));
    let svg = std::fs::read_to_string(out.join("charts/board-pack-grades-by-team.svg")).unwrap();
    assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
    // In the workbook the formula-like text is a string cell, never a formula.
    let entries = zip_entries(&out.join("compliance-report.xlsx"));
    assert!(entries.iter().all(|(n, s)| !n.starts_with("xl/worksheets/") || !s.contains("<f>")));
    let mut wb: Xlsx<_> = open_workbook(out.join("compliance-report.xlsx")).unwrap();
    let range = wb.worksheet_range("Overdue actions").unwrap();
    assert!(range.rows().any(|r| r.iter().any(|c| matches!(c, Data::String(s) if s.starts_with("=HYPERLINK(")))));
    assert!(range.rows().any(|r| r.iter().any(|c| matches!(c, Data::String(s) if s == "+Owner"))));
}

#[test]
fn same_inputs_same_bytes() {
    let a = run_into("packs-det-a", &[]);
    let b = run_into("packs-det-b", &[]);
    for r in REPORTS {
        for ext in ["xlsx", "html"] {
            let f = format!("{r}.{ext}");
            assert_eq!(std::fs::read(a.join(&f)).unwrap(), std::fs::read(b.join(&f)).unwrap(), "{f}");
        }
    }
    assert_eq!(std::fs::read(a.join("charts/board-pack-grades-by-team.svg")).unwrap(), std::fs::read(b.join("charts/board-pack-grades-by-team.svg")).unwrap());
}

#[test]
fn suppression_hides_small_numbers_everywhere_in_the_packs() {
    let out = run_into("packs-suppress", &["--suppress", "5", "--reports", "board-pack,compliance-report"]);
    assert!(!out.join("grade-distributions.html").exists(), "--reports picks some");
    let html = std::fs::read_to_string(out.join("board-pack.html")).unwrap();
    assert!(html.contains(">c<") && html.contains("Counts from 1 to 4"));
    let m = metrics(&out);
    assert_eq!(m["suppression"]["threshold"], 5);
    for k in m["kpis"].as_array().unwrap() {
        for t in k["by_team"].as_array().unwrap() {
            if let Some(d) = t["denominator"].as_u64() {
                assert!(d == 0 || d >= 5, "{} {}: base {d} not suppressed", k["id"], t["team"]);
            } else if let Some(n) = t["numerator"].as_u64() {
                assert!(n == 0 || n >= 5 || k["unit"] == "rate", "{} {}: count {n} not suppressed", k["id"], t["team"]);
            }
        }
    }
    assert!(m["kpis"].as_array().unwrap().iter().flat_map(|k| k["by_team"].as_array().unwrap()).any(|t| t["suppressed"] == true));
    let mut wb: Xlsx<_> = open_workbook(out.join("compliance-report.xlsx")).unwrap();
    let range = wb.worksheet_range("Actions by team").unwrap();
    for row in range.rows().skip(1) {
        for c in &row[1..] {
            if let Some(n) = c.as_f64() {
                assert!(n == 0.0 || n >= 5.0, "an unsuppressed small count: {n}");
            }
        }
    }
}

#[test]
fn team_packs() {
    let out = run_into("packs-team", &["--team", "CP North", "--reports", "board-pack"]);
    let m = metrics(&out);
    let teams: Vec<&str> = m["kpis"][0]["by_team"].as_array().unwrap().iter().map(|t| t["team"].as_str().unwrap()).collect();
    assert!(teams.iter().all(|t| *t == "CP North"), "{teams:?}");
    assert!(std::fs::read_to_string(out.join("board-pack.html")).unwrap().contains("CP North"));
    let per = run_into("packs-per-team", &["--per-team", "--reports", "board-pack"]);
    let dirs: Vec<_> = std::fs::read_dir(per.join("teams")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    assert!(dirs.contains(&"cp-north".to_string()) && dirs.len() >= 5, "{dirs:?}");
    assert!(per.join("teams/cp-north/board-pack.xlsx").exists());
    let bad = auditpack(&root(), &["run", "-q", "--out", per.to_str().unwrap(), "--team", "Nowhere"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn templates_can_be_overridden() {
    let dir = scratch("templates");
    std::fs::write(
        dir.join("report.html"),
        "<!DOCTYPE html><html lang=\"en-GB\"><head><title>{{ doc.title }}</title></head><body><h1>Custom {{ doc.title }}</h1>{{ '<b>' }}</body></html>",
    )
    .unwrap();
    let out = run_into("templates-out", &["--templates", dir.to_str().unwrap(), "--reports", "board-pack"]);
    let html = std::fs::read_to_string(out.join("board-pack.html")).unwrap();
    assert!(html.contains("<h1>Custom Performance board pack</h1>"));
    assert!(html.contains("&lt;b&gt;"), "autoescape on");
}
