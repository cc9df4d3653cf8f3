//! Metamorphic tests: sample_data/ rewritten the way another council's export
//! would differ (headers renamed or re-cased, columns shuffled, extra columns,
//! title rows, extra sheets, files split or given twice, encodings changed).
//! Every KPI in metrics.json must stay exactly what the untouched exports give.

use crate::{auditpack, root, scratch, stderr};
use calamine::{Data, Reader};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One table of cells as text or typed workbook values.
#[derive(Clone, Debug)]
struct Grid {
    rows: Vec<Vec<Data>>,
    /// Index of the header row, when the grid is a table (not a form or a list).
    header: Option<usize>,
}

#[derive(Clone, Debug)]
enum File {
    Csv { delimiter: u8, grid: Grid, encoding: Encoding },
    Xlsx { sheets: Vec<(String, Grid)> },
    Raw(Vec<u8>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Windows1252,
}

#[derive(Clone, Debug)]
struct Export {
    files: Vec<(PathBuf, File)>,
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The header row of a sheet: the first row at least half as wide as the widest
/// row, all of it text.
fn find_header(rows: &[Vec<Data>]) -> Option<usize> {
    let width = |r: &Vec<Data>| r.iter().filter(|c| !matches!(c, Data::Empty)).count();
    let widest = rows.iter().take(40).map(width).max()?;
    if widest < 3 {
        return None;
    }
    rows.iter().take(40).position(|r| width(r) * 2 >= widest && width(r) >= 3 && r.iter().all(|c| matches!(c, Data::String(_) | Data::Empty)))
}

fn load(dir: &Path) -> Export {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(dir).unwrap().to_path_buf();
            let is_form = rel.components().count() > 1;
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
            let file = match ext.as_str() {
                "csv" if !is_form => {
                    let bytes = std::fs::read(&p).unwrap();
                    let first = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
                    let delimiter = if first.iter().filter(|b| **b == b';').count() > first.iter().filter(|b| **b == b',').count() { b';' } else { b',' };
                    let mut r = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(&bytes[..]);
                    let rows: Vec<Vec<Data>> = r.byte_records().map(|rec| rec.unwrap().iter().map(|f| cell(&decode(f))).collect()).collect();
                    let header = find_header(&rows);
                    File::Csv { delimiter, grid: Grid { rows, header }, encoding: Encoding::Utf8 }
                }
                "xlsx" if !is_form => {
                    let mut wb = calamine::open_workbook_auto(&p).unwrap();
                    let names = wb.sheet_names().to_vec();
                    let sheets = names
                        .into_iter()
                        .map(|name| {
                            let range = wb.worksheet_range(&name).unwrap();
                            let (r0, c0) = range.start().unwrap_or((0, 0));
                            let mut rows: Vec<Vec<Data>> = vec![Vec::new(); r0 as usize];
                            for row in range.rows() {
                                let mut cells = vec![Data::Empty; c0 as usize];
                                cells.extend(row.iter().cloned());
                                rows.push(cells);
                            }
                            let header = find_header(&rows);
                            (name, Grid { rows, header })
                        })
                        .collect();
                    File::Xlsx { sheets }
                }
                _ => File::Raw(std::fs::read(&p).unwrap()),
            };
            files.push((rel, file));
        }
    }
    Export { files }
}

/// Text of a CSV field: UTF-8 (with a BOM dropped) or else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(b) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(b).0.into_owned(),
    }
}

fn cell(s: &str) -> Data {
    if s.is_empty() {
        Data::Empty
    } else {
        Data::String(s.to_string())
    }
}

fn write(export: &Export, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (rel, file) in &export.files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        match file {
            File::Raw(bytes) => std::fs::write(&path, bytes).unwrap(),
            File::Csv { delimiter, grid, encoding } => {
                let mut w = csv::WriterBuilder::new().delimiter(*delimiter).flexible(true).from_writer(Vec::new());
                for row in &grid.rows {
                    w.write_record(row.iter().map(text)).unwrap();
                }
                let utf8 = String::from_utf8(w.into_inner().unwrap()).unwrap();
                let bytes = match encoding {
                    Encoding::Utf8 => utf8.into_bytes(),
                    Encoding::Utf8Bom => [b"\xef\xbb\xbf".to_vec(), utf8.into_bytes()].concat(),
                    Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(&utf8).0.into_owned(),
                };
                std::fs::write(&path, bytes).unwrap();
            }
            File::Xlsx { sheets } => {
                let mut wb = rust_xlsxwriter::Workbook::new();
                let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
                for (name, grid) in sheets {
                    let ws = wb.add_worksheet();
                    ws.set_name(name).unwrap();
                    for (r, row) in grid.rows.iter().enumerate() {
                        for (c, v) in row.iter().enumerate() {
                            let (r, c) = (r as u32, c as u16);
                            match v {
                                Data::Empty => {}
                                Data::String(s) => drop(ws.write_string(r, c, s).unwrap()),
                                Data::Float(f) => drop(ws.write_number(r, c, *f).unwrap()),
                                Data::Int(i) => drop(ws.write_number(r, c, *i as f64).unwrap()),
                                Data::Bool(b) => drop(ws.write_boolean(r, c, *b).unwrap()),
                                Data::DateTime(d) => drop(ws.write_number_with_format(r, c, d.as_f64(), &date).unwrap()),
                                other => drop(ws.write_string(r, c, other.to_string()).unwrap()),
                            }
                        }
                    }
                }
                wb.save(&path).unwrap();
            }
        }
    }
}

impl Export {
    /// Every table grid, CSV or sheet.
    fn grids(&mut self) -> Vec<&mut Grid> {
        let mut out = Vec::new();
        for (_, f) in &mut self.files {
            match f {
                File::Csv { grid, .. } => out.push(grid),
                File::Xlsx { sheets } => out.extend(sheets.iter_mut().map(|(_, g)| g)),
                File::Raw(_) => {}
            }
        }
        out.into_iter().filter(|g| g.header.is_some()).collect()
    }

    fn rename_headers(mut self, f: impl Fn(&str) -> String) -> Export {
        for g in self.grids() {
            let h = g.header.unwrap();
            for c in g.rows[h].iter_mut() {
                if let Data::String(s) = c {
                    *s = f(s);
                }
            }
        }
        self
    }

    fn map_columns(mut self, f: impl Fn(&[Data], usize) -> Vec<Data>) -> Export {
        for g in self.grids() {
            let h = g.header.unwrap();
            let width = g.rows.iter().map(Vec::len).max().unwrap_or(0);
            for (i, row) in g.rows.iter_mut().enumerate().skip(h) {
                row.resize(width, Data::Empty);
                *row = f(row, i - h);
            }
        }
        self
    }

    fn csv(mut self, f: impl Fn(&mut u8, &mut Encoding)) -> Export {
        for (_, file) in &mut self.files {
            if let File::Csv { delimiter, encoding, .. } = file {
                f(delimiter, encoding);
            }
        }
        self
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

fn camel(s: &str) -> String {
    words(s)
        .iter()
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map(|f| f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase()).unwrap_or_default()
        })
        .collect()
}

fn snake(s: &str) -> String {
    words(s).iter().map(|w| w.to_lowercase()).collect::<Vec<_>>().join("_")
}

/// Headers as the seed frameworks' own templates word them.
fn seed_wording(s: &str) -> String {
    let f = s.trim().to_lowercase();
    match f.as_str() {
        "date of audit" | "audit date" | "completed date" => "Date of the Audit",
        "moderator agrees" | "moderator agrees with grade" => "Do you Agree with the Auditor?",
        "worker spoken to" | "practitioner spoken to" | "spoke to social worker" => "Social worker consulted",
        "parent/carer spoken to" | "spoke to parent" => "Parent/carer consulted",
        "child spoken to" | "spoke to child" => "Was the child spoken to?",
        "moderator grade" | "moderated grade" => "Moderator\u{2019}s Grade",
        "child id" => "Child\u{2019}s ID.",
        "team" => "Name of Team",
        "auditor" | "auditor name" => "Name of Auditor and Position",
        "date of allocation" | "date allocated" | "allocated date" => "Date Allocated",
        "sign off date" => "Manager\u{2019}s sign off date",
        "person id" => "Person Ref",
        _ => s,
    }
    .to_string()
}

struct Run {
    kpis: Vec<Value>,
    code: Option<i32>,
    stderr: String,
    /// normalised/data_quality.csv, as text.
    data_quality: String,
}

fn run(name: &str, export: &Export, extra_inputs: &[&str], window: &[String]) -> Run {
    let dir = scratch(&format!("meta-{name}"));
    let input = dir.join("in");
    write(export, &input);
    let extra: Vec<PathBuf> = extra_inputs.iter().map(|e| input.join(e)).collect();
    run_inputs(&dir, &input, &extra, window)
}

/// Runs auditpack in `dir` on `input` (and `extra` inputs) over `window`.
fn run_inputs(dir: &Path, input: &Path, extra: &[PathBuf], window: &[String]) -> Run {
    let out = dir.join("out");
    let mut args: Vec<String> = vec!["run".into(), "-q".into(), input.to_string_lossy().into(), "--out".into(), out.to_string_lossy().into()];
    args.extend(extra.iter().map(|e| e.to_string_lossy().to_string()));
    args.extend(window.iter().cloned());
    args.extend(["--reports".to_string(), "board-pack".to_string()]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = auditpack(dir, &refs);
    let m: Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap_or_default()).unwrap_or(Value::Null);
    let data_quality = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap_or_default();
    Run { kpis: m["kpis"].as_array().cloned().unwrap_or_default(), code: o.status.code(), stderr: stderr(&o), data_quality }
}

/// The period of the untouched sample, given explicitly to every run so that
/// only the transformation can move a figure.
fn window() -> Vec<String> {
    vec!["--from".into(), "2026-09-01".into(), "--to".into(), "2026-10-31".into(), "--as-of".into(), "2026-10-31".into()]
}

fn assert_same_kpis(name: &str, base: &Run, got: &Run) {
    assert_eq!(got.code, base.code, "{name}: exit code changed\n{}", got.stderr);
    assert!(!base.kpis.is_empty(), "the untouched sample gives KPIs");
    for (b, g) in base.kpis.iter().zip(&got.kpis) {
        for key in ["id", "numerator", "denominator", "value", "by_team", "not_in_source"] {
            assert_eq!(g[key], b[key], "{name}: KPI {} field {key} moved\n{}", b["id"], got.stderr);
        }
    }
    assert_eq!(got.kpis.len(), base.kpis.len(), "{name}: KPI count");
}

fn sample() -> Export {
    load(&root().join("sample_data"))
}

/// The untouched sample, in a folder of the calling test's own (tests run in
/// parallel: a shared folder would be removed under another test's feet).
fn baseline(test: &str) -> Run {
    run(&format!("base-{test}"), &sample(), &[], &window())
}

type Rename = Box<dyn Fn(&str) -> String>;

#[test]
fn headers_re_cased_and_reworded_keep_every_kpi() {
    let base = baseline("headers_re_cased_and_reworded_keep_every_kpi");
    let cases: Vec<(&str, Rename)> =
        vec![("camel", Box::new(camel)), ("snake", Box::new(snake)), ("upper", Box::new(|s: &str| s.to_uppercase())), ("seed-wording", Box::new(seed_wording))];
    for (name, f) in cases {
        let got = run(name, &sample().rename_headers(f), &[], &window());
        assert_same_kpis(name, &base, &got);
    }
}

#[test]
fn headers_renamed_to_codes_with_a_key_of_column_names_keep_every_kpi() {
    // Every header of every table replaced by an opaque code ("ZqA", "ZqB",
    // …), and a key of column names beside the exports saying what each
    // code holds, as an analyst's data dictionary would: the same KPIs.
    let base = baseline("headers_renamed_to_codes_with_a_key_of_column_names_keep_every_kpi");
    let code = |i: usize| format!("Zq{}{}", (b'A' + (i / 26) as u8) as char, (b'A' + (i % 26) as u8) as char);
    let mut names: Vec<String> = Vec::new();
    let mut coded = sample();
    for g in coded.grids() {
        let h = g.header.unwrap();
        for c in g.rows[h].iter_mut() {
            let Data::String(t) = c else { continue };
            if t.trim().is_empty() {
                continue;
            }
            let i = names.iter().position(|n| n == t).unwrap_or_else(|| {
                names.push(t.clone());
                names.len() - 1
            });
            *c = cell(&code(i));
        }
    }
    assert!(names.len() >= 20, "{}", names.len());
    let mut rows = strings(&[&["Column", "Meaning"]]);
    rows.extend(names.iter().enumerate().map(|(i, n)| vec![cell(&code(i)), cell(n)]));
    coded.files.push((PathBuf::from("Key - column names.csv"), File::Csv { delimiter: b',', grid: Grid { rows, header: Some(0) }, encoding: Encoding::Utf8 }));
    assert_same_kpis("coded-with-key", &base, &run("coded-with-key", &coded, &[], &window()));
}

#[test]
fn columns_shuffled_extra_columns_and_title_rows_keep_every_kpi() {
    let base = baseline("columns_shuffled_extra_columns_and_title_rows_keep_every_kpi");
    let shuffled = sample().map_columns(|row, _| {
        let mut r = row.to_vec();
        r.reverse();
        let k = r.len() / 3;
        r.rotate_left(k);
        r
    });
    assert_same_kpis("shuffled", &base, &run("shuffled", &shuffled, &[], &window()));

    let extra = sample().map_columns(|row, i| {
        let mut r = row.to_vec();
        let (a, b, c) = if i == 0 { ("Ethnicity", "Office use only", "Postcode") } else { ("White British", "checked", "RG1 1AA") };
        r.insert(0, cell(a));
        r.push(cell(b));
        r.push(cell(c));
        r
    });
    assert_same_kpis("extra-columns", &base, &run("extra-columns", &extra, &[], &window()));

    let mut titled = sample();
    for g in titled.grids() {
        let h = g.header.unwrap();
        let w = g.rows[h].len();
        let mut title = vec![cell("Export from the case management system"); 1];
        title.resize(w, Data::Empty);
        g.rows.insert(h, vec![Data::Empty; w]);
        g.rows.insert(h, vec![cell("Run by: performance team, 09/11/2026")]);
        g.rows.insert(h, title);
        g.header = Some(h + 3);
    }
    assert_same_kpis("title-rows", &base, &run("title-rows", &titled, &[], &window()));
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<Data>> {
    rows.iter().map(|r| r.iter().map(|s| cell(s)).collect()).collect()
}

#[test]
fn non_data_sheets_are_skipped_without_an_error() {
    let base = baseline("non_data_sheets_are_skipped_without_an_error");
    let mut e = sample();
    for (_, f) in &mut e.files {
        if let File::Xlsx { sheets } = f {
            sheets.push((
                "Lists".into(),
                Grid {
                    rows: strings(&[
                        &["Grades", "Yes/No", "Teams", "Met scale"],
                        &["Outstanding", "Yes", "CP North", "Met"],
                        &["Good", "No", "CP South", "Partially met"],
                        &["Requires Improvement", "Partially", "Children in Care", "Not met"],
                        &["Inadequate", "N/A", "Care Leavers", ""],
                    ]),
                    header: None,
                },
            ));
            sheets.insert(
                0,
                (
                    "Instructions".into(),
                    Grid {
                        rows: strings(&[
                            &["How to complete this audit workbook"],
                            &["Enter one audit per row. Use the drop-down lists for every grade."],
                            &["The child's ID must be the case management system number, never a name."],
                            &["Send the completed workbook to the performance team by the 5th working day."],
                        ]),
                        header: None,
                    },
                ),
            );
            sheets.push((
                "Summary".into(),
                Grid {
                    rows: strings(&[
                        &["Row Labels", "Count of Child ID", "% of total"],
                        &["Good", "12", "40%"],
                        &["Requires Improvement", "10", "33%"],
                        &["Inadequate", "3", "10%"],
                        &["Outstanding", "5", "17%"],
                        &["Grand Total", "30", "100%"],
                    ]),
                    header: None,
                },
            ));
        }
    }
    let got = run("extra-sheets", &e, &[], &window());
    assert_same_kpis("extra-sheets", &base, &got);
}

#[test]
fn look_alike_records_beside_the_audits_keep_every_kpi() {
    // Another council keeps its other quality assurance beside the audits,
    // in the same shape (a child id, a date, a team, a grade): practice
    // observations, a thematic dip sample, supervision audits. Copies of the
    // audits' own rows under such names would double every audit if read.
    // (Of other children, as an observation or a dip sample is: records of
    // the audits' own children and dates would be read once as duplicates.)
    fn other_children(mut grid: Grid) -> Grid {
        for row in grid.rows.iter_mut().skip(grid.header.map_or(0, |h| h + 1)) {
            for c in row.iter_mut() {
                if let Data::String(t) = c {
                    if t.len() == 7 && t.starts_with('C') && t[1..].bytes().all(|b| b.is_ascii_digit()) {
                        *t = format!("C9{}", &t[2..]);
                    }
                }
            }
        }
        grid
    }
    let base = baseline("look_alike_records_beside_the_audits_keep_every_kpi");
    let mut e = sample();
    let mut copies = Vec::new();
    for (path, f) in &mut e.files {
        match f {
            File::Xlsx { sheets } => {
                let first = other_children(sheets[0].1.clone());
                sheets.push(("Practice observations".into(), first.clone()));
                sheets.push(("Neglect thematic audit Oct".into(), first));
            }
            File::Csv { delimiter, grid, encoding } if path.to_string_lossy().contains("audits") => {
                let grid = other_children(grid.clone());
                let name = path.with_file_name("Supervision audits 2026-27.csv");
                copies.push((name, File::Csv { delimiter: *delimiter, grid, encoding: *encoding }));
            }
            _ => {}
        }
    }
    assert!(!copies.is_empty(), "the sample has an audits CSV");
    e.files.extend(copies);
    assert_same_kpis("look-alikes", &base, &run("look-alikes", &e, &[], &window()));
}

#[test]
fn files_split_or_given_twice_keep_every_kpi() {
    let base = baseline("files_split_or_given_twice_keep_every_kpi");
    let mut e = sample();
    let notes = e.files.iter().position(|(p, _)| p.to_string_lossy().contains("case-notes")).expect("sample has case notes");
    let (path, File::Csv { delimiter, grid, encoding }) = e.files.remove(notes) else { panic!("case notes are CSV") };
    let h = grid.header.unwrap();
    let half = h + 1 + (grid.rows.len() - h - 1) / 2;
    let first = Grid { rows: grid.rows[..half].to_vec(), header: Some(h) };
    let mut second_rows = vec![grid.rows[h].clone()];
    second_rows.extend(grid.rows[half..].iter().cloned());
    let second = Grid { rows: second_rows, header: Some(0) };
    e.files.push((path.with_file_name("case-notes-part1.csv"), File::Csv { delimiter, grid: first, encoding }));
    e.files.push((path.with_file_name("case-notes-part2.csv"), File::Csv { delimiter, grid: second, encoding }));
    assert_same_kpis("split", &base, &run("split", &e, &[], &window()));

    // The folder and, again, one file inside it: read once.
    let twice = run("twice", &sample(), &["case-notes.csv", "twelve-question-audits.xlsx"], &window());
    assert_same_kpis("given-twice", &base, &twice);
}

#[test]
fn team_names_re_cased_and_re_spaced_are_one_team() {
    let base = baseline("team_names_re_cased_and_re_spaced_are_one_team");
    let e = sample().map_columns(|row, i| {
        row.iter()
            .map(|c| match c {
                Data::String(s)
                    if i > 0 && ["CP North", "CP South", "Children in Care", "Leaving Care", "Disabled Children", "Assessment"].contains(&s.as_str()) =>
                {
                    Data::String(match i % 3 {
                        0 => s.to_uppercase(),
                        1 => format!(" {}  ", s.replace(' ', "  ")),
                        _ => s.clone(),
                    })
                }
                other => other.clone(),
            })
            .collect()
    });
    assert_same_kpis("teams", &base, &run("teams", &e, &[], &window()));
}

#[test]
fn csv_re_encoded_and_re_delimited_keep_every_kpi() {
    let base = baseline("csv_re_encoded_and_re_delimited_keep_every_kpi");
    let bom = sample().csv(|d, e| {
        *d = if *d == b',' { b';' } else { b',' };
        *e = Encoding::Utf8Bom;
    });
    assert_same_kpis("bom-delimiter", &base, &run("bom", &bom, &[], &window()));
    let cp1252 = sample().csv(|d, e| {
        *d = b'\t';
        *e = Encoding::Windows1252;
    });
    assert_same_kpis("windows-1252-tab", &base, &run("cp1252", &cp1252, &[], &window()));
}

/// Removing a column from every export turns the KPIs it feeds into "not in
/// the exports" (with a warning naming it), never into 0; the other KPIs stay.
#[test]
fn a_column_removed_everywhere_is_not_in_source_never_zero() {
    let base = baseline("a_column_removed_everywhere_is_not_in_source_never_zero");
    let cases: [(&str, &[&str], &[&str]); 2] = [
        ("no-moderation", &["moderat"], &["moderation_coverage", "moderation_agreement"]),
        ("no-child-spoken-to", &["child spoken to", "spoke to child"], &["child_spoken_to"]),
    ];
    for (name, drop, kpis) in cases {
        let mut e = sample();
        for g in e.grids() {
            let h = g.header.unwrap();
            let gone: Vec<usize> =
                g.rows[h].iter().enumerate().filter(|(_, c)| drop.iter().any(|d| text(c).to_lowercase().contains(d))).map(|(i, _)| i).collect();
            for row in g.rows.iter_mut().skip(h) {
                for &i in gone.iter().rev() {
                    if i < row.len() {
                        row.remove(i);
                    }
                }
            }
        }
        let got = run(name, &e, &[], &window());
        assert_eq!(got.code, base.code, "{name}: {}", got.stderr);
        for (b, g) in base.kpis.iter().zip(&got.kpis) {
            let id = b["id"].as_str().unwrap();
            if kpis.contains(&id) {
                assert_eq!(g["not_in_source"], true, "{name}: {id} must be not in the exports, got {g}");
                assert!(g["value"].is_null(), "{name}: {id} value must be null, never 0");
                assert!(got.data_quality.lines().any(|l| l.contains("warning") && l.contains(id)), "{name}: a data-quality warning names {id}");
            } else {
                assert_eq!((&g["numerator"], &g["denominator"]), (&b["numerator"], &b["denominator"]), "{name}: {id} must not move");
            }
        }
    }
}

#[test]
fn blind_councils_with_moderation_columns_in_reverse_order_keep_every_kpi() {
    // Councils whose audit logs carry a moderation block ("Do you agree with the
    // auditor?", a plain "Grade:") or a separate moderation form: with every
    // table's columns in reverse order, which grade is the moderator's must not
    // move (it once rested on the grade coming after the moderation columns).
    let window: Vec<String> = ["--period", "2026-09", "--as-of", "2026-10-31"].iter().map(|s| s.to_string()).collect();
    for folder in [
        "seeds/000_learning_audit_xlsx",
        "councils3/westberks_caredirector_cp1252",
        "councils4/westberks_learning_table",
        "councils7/quillhaven_google_forms",
        "councils8/kestrelford_learning_teambooks",
        "councils10/wealdbridge_learning_2yrs",
    ] {
        let name = folder.replace('/', "-");
        let export = load(&root().join("tests/fixtures").join(folder));
        let base = run(&format!("{name}-as-is"), &export, &[], &window);
        let reversed = export.map_columns(|row, _| row.iter().rev().cloned().collect());
        assert_same_kpis(&format!("{folder} reversed"), &base, &run(&format!("{name}-reversed"), &reversed, &[], &window));
    }
}

/// Copies a folder's files (walked) into `to` under new names: each file's
/// index in a fixed shuffle, in one of two subfolders, keeping its extension.
fn copy_renamed(from: &Path, to: &Path, keep_name: impl Fn(&str) -> bool) {
    let mut files = files_under(from);
    // A fixed shuffle: reversed, then every other one first.
    files.reverse();
    let (even, odd): (Vec<_>, Vec<_>) = files.into_iter().enumerate().partition(|(i, _)| i % 2 == 0);
    for (n, (_, f)) in even.into_iter().chain(odd).enumerate() {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let ext = f.extension().map(|e| e.to_string_lossy().to_string()).unwrap_or_default();
        let new = if keep_name(&name) { name } else { format!("scan {n:03}.{ext}") };
        let sub = to.join(if n % 2 == 0 { "Returned" } else { "Other papers" });
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::copy(&f, sub.join(new)).unwrap();
    }
}

fn run_folder(name: &str, input: &Path) -> Run {
    run_inputs(&scratch(&format!("meta-{name}")), input, &[], &window())
}

#[test]
fn forms_renamed_shuffled_and_moved_still_join_their_lists() {
    // One form per audit beside the lists that planned them (blind set 29):
    // the forms' file names carry nothing the join needs. Renamed to "scan
    // 007.docx", shuffled and spread over two folders, every KPI stays.
    for folder in ["ivelmoor_learning_forms", "scarrowby_torbay_docx", "yarrowden_lcs_kss"] {
        let original = root().join("tests/fixtures/councils29").join(folder);
        let base = run_folder(&format!("forms-{folder}-base"), &original);
        let moved = scratch(&format!("meta-forms-{folder}-moved-in"));
        // The lists keep their names (a list's name may say which copy is later).
        copy_renamed(&original, &moved, |n| {
            let n = n.to_lowercase();
            n.ends_with(".csv") || ["alloc", "sample", "action", "tracker"].iter().any(|w| n.contains(w))
        });
        let got = run_folder(&format!("forms-{folder}-moved"), &moved);
        assert_same_kpis(folder, &base, &got);
    }
}

#[test]
fn two_part_forms_told_apart_by_their_folders_keep_every_kpi() {
    // Seed 002's Part A and Part B as two online forms' responses (blind set
    // 140's sowerthorpe), each saved as "responses.csv" in a folder that
    // names its part: the folder says which part each is, as the file's name
    // did.
    let original = root().join("tests/fixtures/councils140/sowerthorpe_carefirst_quality_forms");
    let period: Vec<String> = ["--period", "2026-09", "--as-of", "2026-10-30"].map(String::from).to_vec();
    let base = run_inputs(&scratch("meta-parts-by-folder-base"), &original, &[], &period);
    let moved = scratch("meta-parts-by-folder-in");
    for f in files_under(&original) {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let to = match ["Part A", "Part B"].iter().find(|p| name.contains(*p)) {
            Some(part) => moved.join(format!("Quality audit {part} - form")).join("responses.csv"),
            None => moved.join(&name),
        };
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&f, &to).unwrap();
    }
    let got = run_inputs(&scratch("meta-parts-by-folder"), &moved, &[], &period);
    let completed = base.kpis.iter().find(|k| k["id"] == "audits_completed").expect("audits_completed");
    assert!(completed["not_in_source"] != true && completed["numerator"].as_u64() > Some(0), "the parts join: {completed}");
    assert_same_kpis("parts by folder", &base, &got);
    assert!(got.data_quality.contains("the name of the folder the file is in says which part"), "{}", got.data_quality);
}

/// Every file under `dir`, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn exports_sent_in_a_zip_archive_keep_every_kpi() {
    // Exports as they arrive by secure email: every other file zipped (in a
    // folder inside the archive, beside the "__MACOSX" copies a Mac adds), the
    // rest beside the archive; then the whole folder as one archive given on
    // its own. Every KPI stays what the unzipped files give.
    use std::io::Write;
    let sample = root().join("sample_data");
    let base = run_folder("zip-base", &sample);
    let options = zip::write::SimpleFileOptions::default();
    let half = scratch("meta-zip-half-in");
    let whole = scratch("meta-zip-whole-in");
    let mut some = zip::ZipWriter::new(std::fs::File::create(half.join("exports.zip")).unwrap());
    let mut all = zip::ZipWriter::new(std::fs::File::create(whole.join("Sep-Oct returns.zip")).unwrap());
    for (i, f) in files_under(&sample).iter().enumerate() {
        let rel = f.strip_prefix(&sample).unwrap().to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(f).unwrap();
        all.start_file(format!("returns/{rel}"), options).unwrap();
        all.write_all(&bytes).unwrap();
        if i % 2 == 0 {
            some.start_file(format!("Cycle Sep-Oct/{rel}"), options).unwrap();
            some.write_all(&bytes).unwrap();
            some.start_file(format!("__MACOSX/Cycle Sep-Oct/._{rel}"), options).unwrap();
            some.write_all(b"\x00\x05\x16\x07 Mac metadata").unwrap();
        } else {
            let to = half.join(&rel);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, bytes).unwrap();
        }
    }
    some.finish().unwrap();
    all.finish().unwrap();
    let got = run_folder("zip-half", &half);
    assert_same_kpis("half zipped", &base, &got);
    assert!(got.data_quality.contains("exports.zip/Cycle Sep-Oct/"), "findings name the file inside the archive");
    let got = run_inputs(&scratch("meta-zip-whole"), &whole.join("Sep-Oct returns.zip"), &[], &window());
    assert_same_kpis("all zipped", &base, &got);
}

#[test]
fn exports_in_archives_inside_an_archive_and_an_e_mail_keep_every_kpi() {
    // Each export in a zip of its own (a team's, a system's), all of them in
    // the month's archive, that archive attached to the e-mail it came in:
    // every KPI stays what the files give, and the findings name the file
    // through every container.
    use std::io::Write;
    let sample = root().join("sample_data");
    let base = run_folder("nested-base", &sample);
    let options = zip::write::SimpleFileOptions::default();
    let zipped = |files: &[(String, Vec<u8>)]| -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in files {
            z.start_file(name.as_str(), options).unwrap();
            z.write_all(bytes).unwrap();
        }
        z.finish().unwrap().into_inner()
    };
    let inner: Vec<(String, Vec<u8>)> = files_under(&sample)
        .iter()
        .map(|f| {
            let rel = f.strip_prefix(&sample).unwrap().to_string_lossy().replace('\\', "/");
            let stem = rel.rsplit('/').next().unwrap().rsplit_once('.').map_or(rel.clone(), |(s, _)| s.to_string());
            (format!("{stem}.zip"), zipped(&[(rel, std::fs::read(f).unwrap())]))
        })
        .collect();
    let month = zipped(&inner);
    let input = scratch("meta-nested-in");
    let mail = format!(
        "Subject: Sep-Oct returns\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n--b\r\nContent-Type: application/zip; name=\"returns.zip\"\r\nContent-Disposition: attachment; filename=\"returns.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--b--\r\n",
        mime_base64(&month)
    );
    std::fs::write(input.join("FW Sep-Oct returns.eml"), mail).unwrap();
    let got = run_folder("nested", &input);
    assert_same_kpis("in archives inside an archive inside an e-mail", &base, &got);
    assert!(got.data_quality.contains("FW Sep-Oct returns.eml/returns.zip/"), "findings name the file through its containers");
}

/// Base64 as MIME writes it: lines of 76 characters.
fn mime_base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, chunk) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let n = chunk.iter().enumerate().fold(0u32, |n, (k, b)| n | (u32::from(*b) << (16 - 8 * k)));
        for k in 0..4 {
            out.push(if k <= chunk.len() { A[(n >> (18 - 6 * k)) as usize & 63] as char } else { '=' });
        }
    }
    out
}

#[test]
fn exports_sent_as_e_mail_attachments_keep_every_kpi() {
    // Each export saved as the e-mail it came in (.eml, beside where the file
    // was): attached plainly, with its name encoded (RFC 2231), or inside an
    // e-mail forwarded as an attachment; and an e-mail with nothing attached.
    // Every KPI stays what the files give.
    let sample = root().join("sample_data");
    let base = run_folder("eml-base", &sample);
    let input = scratch("meta-eml-in");
    for (i, f) in files_under(&sample).iter().enumerate() {
        let rel = f.strip_prefix(&sample).unwrap();
        let name = rel.file_name().unwrap().to_string_lossy().to_string();
        let part = |boundary: &str| {
            let disposition = if i % 3 == 1 {
                let encoded: String =
                    name.bytes().map(|b| if b.is_ascii_alphanumeric() || b == b'.' { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
                format!("attachment; filename*=utf-8''{encoded}")
            } else {
                format!("attachment; filename=\"{name}\"")
            };
            format!(
                "--{boundary}\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n\r\nPlease find attached.\r\n--{boundary}\r\n\
                 Content-Type: application/octet-stream\r\nContent-Disposition: {disposition}\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--{boundary}--\r\n",
                mime_base64(&std::fs::read(f).unwrap())
            )
        };
        let head = |subject: &str, boundary: &str| {
            format!("From: Performance Team <perf@example.org>\r\nTo: QA <qa@example.org>\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n")
        };
        let inner = format!("{}{}", head(&name, "in"), part("in"));
        let mail = if i % 3 == 2 {
            format!(
                "{}--out\r\nContent-Type: text/plain\r\n\r\nFYI\r\n--out\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"{name}.eml\"\r\n\r\n{inner}\r\n--out--\r\n",
                head(&format!("FW: {name}"), "out")
            )
        } else {
            inner
        };
        let to = input.join(rel.with_file_name(format!("Mail {i}.eml")));
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, mail).unwrap();
    }
    std::fs::write(input.join("Reminder.eml"), "Subject: Reminder\r\nContent-Type: text/plain\r\n\r\nAudits are due by 31 October.\r\n").unwrap();
    let got = run_folder("eml", &input);
    assert_same_kpis("sent by e-mail", &base, &got);
    assert!(got.data_quality.contains("Mail 0.eml/"), "findings name the file inside the e-mail");
    assert!(got.data_quality.contains("no file attached"), "an e-mail with nothing attached is said");
}

/// Runs two small exports (files written from text) and requires the same
/// KPIs: each pair differs only in a way that keeps the meaning.
fn same_kpis_for(name: &str, a: &[(&str, Vec<u8>)], b: &[(&str, Vec<u8>)]) -> Run {
    let window: Vec<String> = ["--period", "2026-09", "--as-of", "2026-10-31"].iter().map(|s| s.to_string()).collect();
    let runs: Vec<Run> = [a, b]
        .iter()
        .enumerate()
        .map(|(n, files)| {
            let dir = scratch(&format!("meta-pair-{name}-{n}"));
            let input = dir.join("in");
            std::fs::create_dir_all(&input).unwrap();
            for (file, bytes) in files.iter() {
                std::fs::write(input.join(file), bytes).unwrap();
            }
            run_inputs(&dir, &input, &[], &window)
        })
        .collect();
    assert_same_kpis(name, &runs[0], &runs[1]);
    runs.into_iter().next().unwrap()
}

/// A KPI's numerator and denominator in a run.
fn fraction(run: &Run, id: &str) -> (Option<u64>, Option<u64>) {
    let k = run.kpis.iter().find(|k| k["id"] == id).unwrap();
    (k["numerator"].as_u64(), k["denominator"].as_u64())
}

/// A one-sheet workbook of text cells (numbers where a cell parses as one).
fn xlsx_of(rows: &[&[&str]]) -> Vec<u8> {
    xlsx_sheets(&[("Sheet1", rows.to_vec())])
}

/// A workbook of named sheets of text cells (numbers where a cell parses as one).
fn xlsx_sheets(sheets: &[(&str, Vec<&[&str]>)]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sh = wb.add_worksheet();
        sh.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
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
fn a_tracker_kept_a_sheet_or_a_file_per_team_is_read_as_one_table() {
    // Found by the fifth sweep: a tracker split into a sheet per team, a row
    // or two on each. On its own, a sheet of one row cannot tell by its values
    // which of "Auditor" and "Q12 (auditor)" holds the auditor's name, so
    // neither was read and the overall judgement went missing. Sheets with the
    // same header, and small files of one folder, are parts of one table,
    // their columns recognised together.
    let header: &[&str] = &[
        "Child ID",
        "Team",
        "Auditor",
        "Date sent to auditor",
        "Audit date",
        "Date finalised on LCS",
        "Q12 (auditor)",
        "Child/YP feedback",
        "Parent/carer feedback",
        "Which worker did you speak to as part of the Audit? (include date seen)",
        "Status",
    ];
    let rows: [&[&str]; 3] = [
        &[
            "TW80101",
            "Safeguarding Team 1",
            "Amy Trelawny",
            "01/09/2026",
            "10/09/2026",
            "20/09/2026",
            "Does not meet good",
            "Yes",
            "Yes",
            "Kerry Polkinghorne (SW) 08/09",
            "Finalised",
        ],
        &[
            "TW80112",
            "Children in Care",
            "Ben Hocking",
            "03/09/2026",
            "14/09/2026",
            "04/10/2026",
            "Meets good",
            "Yes",
            "N/A",
            "Lowen Pascoe (SW) 12/09",
            "Finalised",
        ],
        &[
            "TW80123",
            "Safeguarding Team 2",
            "Cara Nance",
            "01/09/2026",
            "11/09/2026",
            "24/09/2026",
            "Meets good",
            "Yes",
            "Yes",
            "Jory Angove (SW) 09/09/2026",
            "Finalised",
        ],
    ];
    let whole = xlsx_sheets(&[("Programme", [header].into_iter().chain(rows).collect())]);
    let per_team = xlsx_sheets(&rows.iter().map(|r| (r[1], vec![header, r])).collect::<Vec<_>>());
    let run = same_kpis_for("sheet-per-team", &[("tracker.xlsx", whole.clone())], &[("tracker.xlsx", per_team)]);
    assert_eq!(fraction(&run, "overall_good_or_better"), (Some(2), Some(3)));
    // And a workbook per team, the team named by its file.
    let files: Vec<(String, Vec<u8>)> = rows.iter().map(|r| (format!("{}.xlsx", r[1]), xlsx_sheets(&[("Audits", vec![header, r])]))).collect();
    let files: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let run = same_kpis_for("file-per-team", &[("tracker.xlsx", whole)], &files);
    assert_eq!(fraction(&run, "overall_good_or_better"), (Some(2), Some(3)));
}

#[test]
fn a_column_order_or_a_copys_file_name_never_moves_a_kpi() {
    // Found by a sweep of every blind folder with its columns shuffled: a date
    // naming the audit read as the moderator's when it came after a
    // moderation column; a reason box read only right after its question; a
    // team from a file name lost to "Copy of"; a key of codes read only as a
    // text file, or only in the order "List | Code | Label".
    let csv = |s: &str| s.as_bytes().to_vec();
    same_kpis_for(
        "moderation-before-date",
        &[("audits.csv", csv("Case ID,Date finalised,Overall judgement,Moderated judgement\nC1,10/09/2026,Good,Good\nC2,12/09/2026,Inadequate,\nC3,14/09/2026,Good,Requires improvement\n"))],
        &[("audits.csv", csv("Moderated judgement,Case ID,Date finalised,Overall judgement\nGood,C1,10/09/2026,Good\n,C2,12/09/2026,Inadequate\nRequires improvement,C3,14/09/2026,Good\n"))],
    );
    let seen = same_kpis_for(
        "reason-box-anywhere",
        &[("audits.csv", csv("Child ID,Audit date,Overall judgement,Date child seen,\"If not seen, why not?\"\nC1,10/09/2026,Good,08/09/2026,\nC2,12/09/2026,Good,,Young person declined\nC3,14/09/2026,Good,,Unable to contact\n"))],
        &[("audits.csv", csv("\"If not seen, why not?\",Child ID,Audit date,Overall judgement,Date child seen\n,C1,10/09/2026,Good,08/09/2026\nYoung person declined,C2,12/09/2026,Good,\nUnable to contact,C3,14/09/2026,Good,\n"))],
    );
    assert_eq!(fraction(&seen, "child_spoken_to"), (Some(1), Some(3)), "a reason and no date: not spoken to");
    // A moderation log (child and audit date, no audit id) read before its
    // audits: its file's name says what it is.
    let programme = "Child ID,Audit date,Overall judgement\nC1,10/09/2026,Good\nC2,12/09/2026,Inadequate\nC3,14/09/2026,Good\nC4,16/09/2026,Good\n";
    let log = "Child ID,Audit date,Moderator,Date moderated,Agree with auditor? (Y/N)\nC1,10/09/2026,Ann Vale,20/09/2026,Y\nC2,12/09/2026,Ann Vale,22/09/2026,N\nC3,14/09/2026,Ann Vale,24/09/2026,Y\n";
    let moderated = same_kpis_for(
        "moderation-log-read-first",
        &[("A audit programme.csv", csv(programme)), ("B moderation log.csv", csv(log))],
        &[("B audit programme.csv", csv(programme)), ("A moderation log.csv", csv(log))],
    );
    assert_eq!(fraction(&moderated, "moderation_coverage"), (Some(3), Some(4)), "the log's rows moderate the audits, and are none");
    let audits = "Child ID,Audit date,Overall judgement\nC1,10/09/2026,Good\nC2,12/09/2026,Inadequate\nC3,14/09/2026,Good\n";
    same_kpis_for(
        "team-in-a-copys-name",
        &[("Audits - Assessment North.csv", csv(audits))],
        &[("Copy of 2026 export - Audits - Assessment North (1).csv", csv(audits))],
    );
    // (Read in Ofsted's order without the key, these codes give 1/4.)
    let coded = "Child ID,Audit date,Q1 Risk,Q12 Overall judgement\nC1,10/09/2026,4,4\nC2,12/09/2026,3,4\nC3,14/09/2026,3,3\nC4,16/09/2026,1,1\n";
    let key: &[&[&str]] = &[
        &["List", "Code", "Label"],
        &["QA_GRADE", "1", "Inadequate"],
        &["QA_GRADE", "2", "Requires Improvement"],
        &["QA_GRADE", "3", "Good"],
        &["QA_GRADE", "4", "Outstanding"],
    ];
    let key_csv: String = key.iter().map(|r| r.join(",") + "\n").collect();
    let keyed = same_kpis_for(
        "key-as-a-workbook",
        &[("audits.csv", csv(coded)), ("Answer lookup.csv", csv(&key_csv))],
        &[("audits.csv", csv(coded)), ("Answer lookup.xlsx", xlsx_of(key))],
    );
    assert_eq!(fraction(&keyed, "overall_good_or_better"), (Some(3), Some(4)), "the codes read with the key");
    let reordered: Vec<Vec<&str>> = key.iter().map(|r| vec![r[1], r[0], r[2]]).collect();
    let reordered: Vec<&[&str]> = reordered.iter().map(|r| r.as_slice()).collect();
    let keyed = same_kpis_for(
        "key-columns-reordered",
        &[("audits.csv", csv(coded)), ("Answer lookup.csv", csv(&key_csv))],
        &[("audits.csv", csv(coded)), ("Answer lookup.xlsx", xlsx_of(&reordered))],
    );
    assert_eq!(fraction(&keyed, "overall_good_or_better"), (Some(3), Some(4)), "the codes read with the key");
}

#[test]
fn quoted_tab_exports_and_keys_with_titles_or_gaps_never_move_a_kpi() {
    // Found by a sweep of every blind folder with 26 more changes: a
    // tab-separated export with every field quoted (as "Text (tab
    // delimited)" saves it) named .txt or .csv was read as one column; a key
    // of codes with a blank row inside it, or a sheet of value labels under
    // a title, was not read.
    let csv = |s: &str| s.as_bytes().to_vec();
    let plain = "Child ID,Audit date,Overall judgement,Child spoken to\nC1,10/09/2026,Good,Yes\nC2,12/09/2026,Inadequate,No\nC3,14/09/2026,Good,Yes\n";
    let quoted_tabs: String = plain.lines().map(|l| l.split(',').map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join("\t") + "\r\n").collect();
    for name in ["audits.txt", "audits.csv"] {
        let run = same_kpis_for(&format!("quoted-tabs-{name}"), &[("audits.csv", csv(plain))], &[(name, csv(&quoted_tabs))]);
        assert_eq!(fraction(&run, "overall_good_or_better"), (Some(2), Some(3)));
    }
    let coded = "Child ID,Audit date,Q1 Risk,Q12 Overall judgement\nC1,10/09/2026,4,4\nC2,12/09/2026,3,4\nC3,14/09/2026,3,3\nC4,16/09/2026,1,1\n";
    let key = "Code,Label\n1,Inadequate\n2,Requires Improvement\n3,Good\n4,Outstanding\n";
    let gapped = "Grade key (QA panel, 2026)\n\nCode,Label\n1,Inadequate\n2,Requires Improvement\n\n3,Good\n4,Outstanding\n";
    let keyed = same_kpis_for(
        "key-with-a-title-and-a-gap",
        &[("audits.csv", csv(coded)), ("Answer lookup.csv", csv(key))],
        &[("audits.csv", csv(coded)), ("Answer lookup.csv", csv(gapped))],
    );
    assert_eq!(fraction(&keyed, "overall_good_or_better"), (Some(3), Some(4)), "the codes read with the key");
    // Value labels (a survey tool's Codes sheet) under two title rows.
    let answers: &[&[&str]] = &[
        &["Child ID", "Audit date", "Team", "Overall grade"],
        &["C1", "10/09/2026", "1", "3"],
        &["C2", "12/09/2026", "2", "1"],
        &["C3", "14/09/2026", "1", "3"],
    ];
    let labels: &[&[&str]] = &[
        &["Question", "Code", "Label"],
        &["Team", "1", "North"],
        &["Team", "2", "South"],
        &["Overall grade", "1", "Inadequate"],
        &["Overall grade", "3", "Good"],
    ];
    let titled: Vec<&[&str]> = [&["Value labels"][..], &["Exported 02/11/2026"][..]].into_iter().chain(labels.iter().copied()).collect();
    let book = |codes: &[&[&str]]| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        for (name, rows) in [("Responses", answers), ("Codes", codes)] {
            let sh = wb.add_worksheet().set_name(name).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    sh.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
        wb.save_to_buffer().unwrap()
    };
    let labelled = same_kpis_for("value-labels-under-a-title", &[("survey.xlsx", book(labels))], &[("survey.xlsx", book(&titled))]);
    assert_eq!(fraction(&labelled, "overall_good_or_better"), (Some(2), Some(3)), "the codes read as their labels");
}

#[test]
fn a_table_set_at_b2_under_its_title_never_moves_a_kpi() {
    // Found by the third sweep: a title over a table that starts in column B
    // (column A left empty, as report tools lay a sheet out) was read as a
    // group heading over the columns it left unnamed, so "Contact time" became
    // the team, and one export's notes were no longer the other's.
    let csv = |s: &str| s.as_bytes().to_vec();
    let plain = "CareFirst Observations - Safeguarding Team\nClient ID;Observation type;Contact date;Contact time;Date entered;Worker\nC1;Visit to Child - CP;01/09/2026;10:00;02/09/2026;Ann Vale\nC1;Visit to Child - CP;10/09/2026;11:00;25/09/2026;Ann Vale\nC2;Visit to Child - CP;03/09/2026;09:30;03/10/2026;Bo Lind\n";
    let at_b2: String = std::iter::once(String::new()).chain(plain.lines().map(|l| format!(";{l}"))).map(|l| l + "\n").collect();
    let run = same_kpis_for("table-at-b2", &[("Observations - Safeguarding.csv", csv(plain))], &[("Observations - Safeguarding.csv", csv(&at_b2))]);
    assert_eq!(fraction(&run, "notes_recorded_in_time"), (Some(2), Some(3)));
    // (same_kpis_for compares the split by team too: "10:00" was a team.)
}

#[test]
fn decimal_comma_serials_and_lower_case_timestamps_never_move_a_kpi() {
    // Found by the third sweep: an export in a European locale writes an
    // Excel date-time as "46274,461806" in a semicolon CSV, and an ISO
    // timestamp may be written in lower case ("2026-09-11t10:00:00z"); both
    // were "not a date" and the notes left out.
    let csv = |s: &str| s.as_bytes().to_vec();
    let serials = "Client ID,Observation type,Contact date,Date entered\nC1,Visit to Child - CP,46266,46267.461806\nC1,Visit to Child - CP,46275,46320.5\nC2,Visit to Child - CP,46268,46268.25\n";
    let comma: String = serials.lines().map(|l| l.replace(',', ";").replacen(".", ",", 1) + "\n").collect();
    let run = same_kpis_for("decimal-comma-serials", &[("Observations.csv", csv(serials))], &[("Observations.csv", csv(&comma))]);
    assert_eq!(fraction(&run, "notes_recorded_in_time"), (Some(2), Some(3)));
    let iso = "Client ID,Observation type,Contact date,Date entered\nC1,Visit to Child - CP,2026-09-01T10:00:00Z,2026-09-02T09:00:00Z\nC1,Visit to Child - CP,2026-09-10T10:00:00Z,2026-10-25T09:00:00Z\nC2,Visit to Child - CP,2026-09-03T10:00:00Z,2026-09-03T23:30:00Z\n";
    let lower = iso.replace('T', "t").replace('Z', "z");
    let run = same_kpis_for("lower-case-timestamps", &[("Observations.csv", csv(iso))], &[("Observations.csv", csv(&lower))]);
    assert_eq!(fraction(&run, "notes_recorded_in_time"), (Some(2), Some(3)));
}

#[test]
fn a_pseudonymised_copy_of_the_exports_keeps_every_kpi() {
    // Found by blind set 47: a copy made for a research or benchmarking
    // partner names its id column for the pseudonym ("Pseudo ID", "Person
    // ID (pseudonymised)"); "Pseudo ID" was no child id, and the audits and
    // case notes were rejected.
    let csv = |s: &str| s.as_bytes().to_vec();
    let audits = "Child ID,Auditor,Date allocated,Date completed,Overall judgement\nC1,Auditor 1,01/09/2026,20/09/2026,Good\nC2,Auditor 2,01/09/2026,25/09/2026,Inadequate\nC3,Auditor 1,01/09/2026,,\n";
    let notes = "Person ID,Case Note Type,Event Date,Date Entered\nC1,CP Visit,02/09/2026,03/09/2026\nC2,CP Visit,04/09/2026,20/10/2026\n";
    for (audit_id, note_id) in [("Pseudo ID", "Pseudo ID"), ("Anonymised child ID", "Person ID (pseudonymised)"), ("Hashed ID", "Pseudonymised ID")] {
        let run = same_kpis_for(
            &format!("pseudonymised-{audit_id}"),
            &[("audits.csv", csv(audits)), ("notes.csv", csv(notes))],
            &[("audits.csv", csv(&audits.replacen("Child ID", audit_id, 1))), ("notes.csv", csv(&notes.replacen("Person ID", note_id, 1)))],
        );
        assert_eq!(fraction(&run, "audits_completed").0, Some(2));
        assert_eq!(fraction(&run, "notes_recorded_in_time"), (Some(1), Some(2)));
    }
}

#[test]
fn excel_subtotal_rows_never_move_a_kpi() {
    // Found by the fourth sweep: Excel's Data > Subtotal adds "<team> Count"
    // rows with the count under "Child ID", and "Grand Count"; the counts
    // made the child id column look numeric and the whole sheet was lost.
    let plain: &[&[&str]] = &[
        &["Child ID", "Team", "Date sent to auditor", "Audit date", "Overall judgement"],
        &["C101", "Help and Protection", "01/09/2026", "12/09/2026", "Good"],
        &["C102", "Help and Protection", "01/09/2026", "20/09/2026", "Requires improvement"],
        &["C103", "Children Looked After", "01/09/2026", "22/09/2026", "Good"],
    ];
    let subtotalled: &[&[&str]] =
        &[plain[0], plain[1], plain[2], &["2", "Help and Protection Count"], plain[3], &["1", "Children Looked After Count"], &["3", "Grand Count"]];
    let run = same_kpis_for("subtotals", &[("tracker.xlsx", xlsx_of(plain))], &[("tracker.xlsx", xlsx_of(subtotalled))]);
    assert_eq!(fraction(&run, "overall_good_or_better"), (Some(2), Some(3)));
}

#[test]
fn group_titles_over_a_tracker_never_move_a_kpi() {
    // Found by the fourth sweep: a row of group titles ("Audit details" over
    // the first columns, "Grades" over the rest) made an audits table an
    // actions one, "LA Case ID" no child id (the sheet read as a form), and
    // "Lead auditor notes" under "Grades" the auditor's grade.
    let titled = |rows: &[&[&str]], second: usize| -> Vec<u8> {
        let mut titles = vec![""; rows[0].len()];
        titles[0] = "Audit details";
        titles[second] = "Grades";
        let all: Vec<&[&str]> = std::iter::once(titles.as_slice()).chain(rows.iter().copied()).collect();
        xlsx_of(&all)
    };
    let audits: &[&[&str]] = &[
        &[
            "Audit ID",
            "Child ID",
            "Team",
            "Auditor",
            "Part A - date completed",
            "Part B - date completed (CSW)",
            "Status",
            "Overall comments",
            "Recommendations",
            "Timescale",
        ],
        &["QA1", "C101", "Safeguarding 1", "V. Coyle", "01/09/2026", "08/09/2026", "Complete", "Recording up to date", "Record seen alone", "1 month"],
        &["QA2", "C102", "Safeguarding 1", "W. Dunmore", "03/09/2026", "12/09/2026", "Complete", "Chronology out of date", "no further action", "2 weeks"],
        &["QA3", "C103", "Child in Need", "W. Dunmore", "04/09/2026", "15/09/2026", "Complete", "", "Update the plan", "1 month"],
    ];
    let run = same_kpis_for("group-titles-audits", &[("audits.xlsx", xlsx_of(audits))], &[("audits.xlsx", titled(audits, 5))]);
    assert_eq!(fraction(&run, "audits_completed").0, Some(3));
    let actions: &[&[&str]] = &[
        &["Provider ref", "Client no.", "LA Case ID", "Action", "Owner", "Target date", "Status", "Date completed"],
        &["TLA-12", "30391", "208418", "Health passport to be given to YP", "PA", "04/09/2026", "Complete", "03/09/2026"],
        &["TLA-13", "30402", "208425", "Update pathway plan with EET goal", "PA", "23/09/2026", "Complete", "22/09/2026"],
        &["TLA-14", "30403", "208426", "Book the review", "SW", "25/09/2026", "Complete", "29/09/2026"],
    ];
    let run = same_kpis_for("group-titles-actions", &[("actions.xlsx", xlsx_of(actions))], &[("actions.xlsx", titled(actions, 4))]);
    assert_eq!(fraction(&run, "actions_on_time"), (Some(2), Some(3)));
    // (The seed 004 tracker's twelve questions: the overall is question 12.)
    let questions = [
        "1. Risk is identified, responded to and reduced in a timely way.",
        "2. Children, young people and families are appropriately involved",
        "3. Decision making is effective and timely.",
        "4. Assessments are timely, comprehensive, and analytical and of high quality",
        "5. Coordination between agencies is effective.",
        "6. Consideration of the child's identity",
        "7. Quality of plans.",
        "8. Permanency is achieved without delay and reflects assessed needs.",
        "9. Children and young people participate in and benefit from effective regular reviews",
        "10. Quality of living arrangements",
        "11. Are young people prepared for independence and are they living in high quality accommodation that meets their needs.",
        "12. How has the help provided improved outcomes?",
    ];
    let row = |child: &'static str, date: &'static str, grade: &'static str, notes: &'static str| -> Vec<&'static str> {
        let mut r = vec!["A. Penrose", date, child, "Team 1", "NO", ""];
        r.extend([grade; 12]);
        r.extend(["", notes]);
        r
    };
    let mut header = vec!["Auditor name", "Audit date", "Child's ID number", "Team", "Audited previously?", "If Yes, when?"];
    header.extend(questions);
    header.extend(["Moderated by", "Lead auditor notes"]);
    let rows = [
        header,
        row("C201", "02/09/2026", "Meets good", ""),
        row("C202", "09/09/2026", "Does not meet good", "Chased SW twice"),
        row("C203", "16/09/2026", "Meets good", ""),
    ];
    let graded: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let graded = graded.as_slice();
    let run = same_kpis_for("group-titles-notes", &[("tracker.xlsx", xlsx_of(graded))], &[("tracker.xlsx", titled(graded, 9))]);
    assert_eq!(fraction(&run, "overall_good_or_better"), (Some(2), Some(3)));
}

#[test]
fn every_fourth_sweep_pair_keeps_its_kpis() {
    // tests/fixtures/sweep4: minimal before / after pairs cut from blind
    // folders by the fourth metamorphic sweep, each of which moved a KPI.
    sweep_pairs_keep_their_kpis("sweep4", 6);
}

#[test]
fn every_fifth_sweep_pair_keeps_its_kpis() {
    // tests/fixtures/sweep5: the same from the fifth sweep (a dash typed in
    // an empty cell, and more: its README.md).
    sweep_pairs_keep_their_kpis("sweep5", 3);
}

#[test]
fn every_sixth_sweep_pair_keeps_its_kpis() {
    // tests/fixtures/sweep6: the sixth sweep's pairs that are fixed (a
    // sheet saved as a CSV of its own, rows in another order, an empty
    // column A, a download's "(1)" / "(2)", case notes and a visits report
    // as two sheets of one workbook).
    sweep_pairs_keep_their_kpis("sweep6", 17);
}

#[test]
fn every_seventh_sweep_pair_keeps_its_kpis() {
    // tests/fixtures/sweep7: the seventh sweep's pairs that are mended (the
    // audit's grade or date after the moderation columns, free text in
    // column A, a copy's or a part's name, a saved e-mail inside a zip).
    sweep_pairs_keep_their_kpis("sweep7", 22);
}

/// Runs each `before` / `after` pair under `tests/fixtures/<set>` and
/// requires the same KPIs.
fn sweep_pairs_keep_their_kpis(set: &str, at_least: usize) {
    let root = root().join("tests/fixtures").join(set);
    let mut pairs: Vec<PathBuf> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("before").is_dir()).collect();
    pairs.sort();
    assert!(pairs.len() >= at_least, "the sweep's pairs are there");
    for pair in pairs {
        let name = pair.file_name().unwrap().to_string_lossy().to_string();
        let runs: Vec<Run> =
            ["before", "after"].iter().map(|side| run_inputs(&scratch(&format!("{set}-{name}-{side}")), &pair.join(side), &[], &window())).collect();
        assert_same_kpis(&name, &runs[0], &runs[1]);
    }
}

#[test]
fn a_hidden_copy_of_a_column_never_moves_a_kpi() {
    // Found by the third sweep: a column copied with its header (a hidden
    // helper column) tied with the column it copies; "Moderator Q12" and its
    // copy were read as the moderator's name, not the moderator's grade.
    let plain: &[&[&str]] = &[
        &["Child ID", "Audit date", "Q12 Overall", "Moderator Q12"],
        &["C1", "09/09/2026", "Meets good", "Meets good"],
        &["C2", "10/09/2026", "Exceeds good", "Meets good"],
        &["C3", "11/09/2026", "Does not meet good", "Does not meet good"],
        &["C4", "14/09/2026", "Meets good", "Meets good"],
    ];
    let copied: Vec<Vec<&str>> = plain.iter().map(|r| r.iter().copied().chain([r[3]]).collect()).collect();
    let copied: Vec<&[&str]> = copied.iter().map(Vec::as_slice).collect();
    let run = same_kpis_for("hidden-copy", &[("tracker.xlsx", xlsx_of(plain))], &[("tracker.xlsx", xlsx_of(&copied))]);
    assert_eq!(fraction(&run, "moderation_agreement"), (Some(3), Some(4)));
}

#[test]
fn a_copied_column_under_a_report_title_never_moves_a_kpi() {
    // Found by the third sweep, on a tracker too short for a copy to be told
    // by its values: a report title over the first column was read as the
    // group title of both "Child ID" columns, so neither was the child id.
    let plain: &[&[&str]] =
        &[&["Audit programme 2026-27 (lead auditor)"], &["Child ID", "Date sent to auditor", "Audit date"], &["TB70314", "19/10/2026", "30/10/2026"]];
    let copied: Vec<Vec<&str>> = plain.iter().map(|r| if r.len() == 3 { r.iter().copied().chain([r[0]]).collect() } else { r.to_vec() }).collect();
    let copied: Vec<&[&str]> = copied.iter().map(Vec::as_slice).collect();
    let run = same_kpis_for("title-copy", &[("tracker.xlsx", xlsx_of(plain))], &[("tracker.xlsx", xlsx_of(&copied))]);
    assert_eq!(fraction(&run, "audits_completed").0, Some(1));
}

#[test]
fn colon_headings_and_blank_rows_inside_forms_and_long_reports_never_move_a_kpi() {
    // Found by the third sweep: headings ending in colons made a one-row
    // table a form (joined to the sample list) and a tick grid's "Meets
    // good:" an unknown grade; a blank row between a form's label and its
    // grade, or inside a one-row-per-answer report, lost the audit.
    let sample: &[&[&str]] = &[&["Child ID", "Date sent"], &["LW1016", "27/09/2026"], &["LW1889", "19/10/2026"]];
    let late: &[&[&str]] = &[&["Date of the Audit", "Name of Auditor and Position", "Child's ID."], &["26/10/2026", "Ira Vell, Team Manager", "LW1889"]];
    let coloned: Vec<Vec<String>> =
        late.iter().enumerate().map(|(r, row)| row.iter().map(|c| if r == 0 { format!("{c}:") } else { c.to_string() }).collect()).collect();
    let coloned: Vec<Vec<&str>> = coloned.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    let coloned: Vec<&[&str]> = coloned.iter().map(Vec::as_slice).collect();
    same_kpis_for(
        "colon-headings-one-row",
        &[("sample.xlsx", xlsx_of(sample)), ("late returns.xlsx", xlsx_of(late))],
        &[("sample.xlsx", xlsx_of(sample)), ("late returns.xlsx", xlsx_of(&coloned))],
    );
    let grid = |colon: &str| -> Vec<u8> {
        let head = [format!("Q12 Exceeds good{colon}"), format!("Q12 Meets good{colon}"), format!("Q12 Does not meet good{colon}")];
        let rows: Vec<Vec<&str>> = vec![
            vec!["Audit date", "Child's ID number", "Which worker did you speak to as part of the Audit?", &head[0], &head[1], &head[2]],
            vec!["16/09/2026", "P6701", "Allocated SW, seen 13/09/2026", "", "X", "X"],
            vec!["17/09/2026", "P6702", "Allocated SW, seen 14/09/2026", "", "X", ""],
            vec!["18/09/2026", "P6703", "Allocated SW, seen 15/09/2026", "", "", "X"],
        ];
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        xlsx_of(&rows)
    };
    let run = same_kpis_for("tick-grid-with-colons", &[("audits.xlsx", grid(""))], &[("audits.xlsx", grid(":"))]);
    assert_eq!(fraction(&run, "overall_good_or_better"), (Some(1), Some(2)), "two ticks are undecided");
    let form = |gap: bool| -> Vec<u8> {
        let mut rows: Vec<&[&str]> =
            vec![&["Date:", "27/10/2026"], &["Case ID:", "C26104"], &["", ""], &["Is the child safe?", "Yes"], &["OVERALL JUDGEMENT OF THE CASE FILE:", ""]];
        if gap {
            rows.push(&["", ""]);
        }
        rows.push(&["Inadequate", ""]);
        xlsx_of(&rows)
    };
    let run = same_kpis_for("form-grade-after-a-blank-row", &[("Tier 2 audit - Oct.xlsx", form(false))], &[("Tier 2 audit - Oct.xlsx", form(true))]);
    assert_eq!(fraction(&run, "overall_good_or_better"), (Some(0), Some(1)));
    let long = "Audit Ref,Child's ID.,Date Completed,Section,Question,Answer\n\
                QA-0401,CD-127405,14/09/2026,Overview,Name of Social Worker,Ann Vale\n\
                ,,,Evaluation,1. Is the child safe?,Yes\n\
                ,,,Discussions,Child spoken to,Yes\n\
                ,,,Judgement,Auditors' Grade: Outstanding/Good/Requires Improvement/Inadequate,Inadequate\n\
                ,,,Judgement,Rationale:,\"Child seen regularly, voice of the child evident; chronology out of date.\"\n\
                QA-0403,CD-117550,20/09/2026,Overview,Name of Social Worker,Bo Lind\n\
                ,,,Discussions,Child spoken to,No\n\
                ,,,Judgement,Auditors' Grade: Outstanding/Good/Requires Improvement/Inadequate,Good\n\
                ,,,Judgement,Rationale:,Plan reviewed on time.\n";
    let gapped: String = long.lines().map(|l| if l.contains("Rationale") { format!(",,,,,\n{l}\n") } else { format!("{l}\n") }).collect();
    let run = same_kpis_for("long-report-with-blank-rows", &[("report.csv", long.as_bytes().to_vec())], &[("report.csv", gapped.into_bytes())]);
    assert_eq!(fraction(&run, "audits_completed"), (Some(2), None));
}

#[test]
fn codes_explained_on_a_key_sheet_give_the_kpis_the_words_give() {
    // Blind set 54: a log keeps its grades and answers as codes ("G", "RI",
    // "N1"), explained on a Key sheet of "Field | Code | Meaning" whose field
    // names are not the headers ("Auditors' Grade / moderator Grade").
    let header: &[&str] =
        &["Date of the Audit", "Child's ID.", "Auditor", "Record of discussion with child:", "Record of discussion with family:", "Auditors' Grade: O/G/RI/I"];
    let words: [&[&str]; 4] = [
        &["03/09/2026", "AS1010", "Gideon Hale", "Yes", "Yes", "Good"],
        &["08/09/2026", "AS1001", "Owen Marsh", "No", "Yes", "Requires Improvement"],
        &["11/09/2026", "AS1011", "Leah Tanner", "Yes", "No", "Outstanding"],
        &["24/09/2026", "AS1013", "Priya Dunmore", "Yes", "Yes", "Inadequate"],
    ];
    let codes: [&[&str]; 4] = [
        &["03/09/2026", "AS1010", "Gideon Hale", "Y", "Y", "G"],
        &["08/09/2026", "AS1001", "Owen Marsh", "N1", "Y", "RI"],
        &["11/09/2026", "AS1011", "Leah Tanner", "Y", "N2", "O"],
        &["24/09/2026", "AS1013", "Priya Dunmore", "Y", "Y", "I"],
    ];
    let key: Vec<&[&str]> = vec![
        &["Field", "Code", "Meaning"],
        &["Auditors' Grade / moderator Grade", "O", "Outstanding"],
        &["Auditors' Grade / moderator Grade", "G", "Good"],
        &["Auditors' Grade / moderator Grade", "RI", "Requires Improvement"],
        &["Auditors' Grade / moderator Grade", "I", "Inadequate"],
        &["Record of discussion (child / family / SW)", "Y", "Yes"],
        &["Record of discussion (child / family / SW)", "N1", "No"],
        &["Record of discussion (child / family / SW)", "N2", "No"],
    ];
    let mut plain = vec![header];
    plain.extend(words);
    let mut coded = vec![header];
    coded.extend(codes);
    let run = same_kpis_for(
        "codes-on-a-key-sheet",
        &[("log.xlsx", xlsx_sheets(&[("Audit Log", plain)]))],
        &[("log.xlsx", xlsx_sheets(&[("Audit Log", coded), ("Key", key)]))],
    );
    assert_eq!(fraction(&run, "overall_good_or_better"), (Some(2), Some(4)));
    assert_eq!(fraction(&run, "child_spoken_to"), (Some(3), Some(4)));
    // The same key kept as a Lists sheet of stacked lists, a title over each.
    let lists: Vec<&[&str]> = vec![
        &["Judgement code", "Judgement"],
        &["O", "Outstanding"],
        &["G", "Good"],
        &["RI", "Requires Improvement"],
        &["I", "Inadequate"],
        &[],
        &["Discussion code", "Meaning"],
        &["Y", "Yes"],
        &["N1", "No"],
        &["N2", "No"],
    ];
    let mut coded = vec![header];
    coded.extend(codes);
    let mut plain = vec![header];
    plain.extend(words);
    let run = same_kpis_for(
        "codes-on-a-lists-sheet",
        &[("log.xlsx", xlsx_sheets(&[("Audit Log", plain)]))],
        &[("log.xlsx", xlsx_sheets(&[("Audit Log", coded), ("Lists", lists)]))],
    );
    assert_eq!(fraction(&run, "overall_good_or_better"), (Some(2), Some(4)));
}

#[test]
fn ditto_marks_for_the_value_above_keep_every_kpi() {
    // A hand-kept tracker does not type a value again under itself: a ditto
    // mark instead ("〃", "do.", "''"), in dates, grades, answers, ids and
    // names alike. (The audit and action trackers: case-management exports
    // write every value.)
    let base = baseline("ditto_marks_for_the_value_above_keep_every_kpi");
    let mut dittoed = sample();
    const MARKS: [&str; 6] = ["\"", "〃", "ditto", "do.", "''", "”"];
    let mut changed = 0;
    for (path, file) in &mut dittoed.files {
        let name = path.to_string_lossy().to_lowercase();
        if name.contains("case-notes") || name.contains("legal-status") {
            continue;
        }
        let grids: Vec<&mut Grid> = match file {
            File::Csv { grid, .. } => vec![grid],
            File::Xlsx { sheets } => sheets.iter_mut().map(|(_, g)| g).collect(),
            File::Raw(_) => vec![],
        };
        for g in grids.into_iter().filter(|g| g.header.is_some()) {
            let h = g.header.unwrap();
            for r in (h + 2..g.rows.len()).rev() {
                for i in 0..g.rows[r].len() {
                    let above = g.rows[r - 1].get(i).cloned().unwrap_or(Data::Empty);
                    if !matches!(above, Data::Empty) && g.rows[r][i] == above {
                        g.rows[r][i] = cell(MARKS[(r + i) % MARKS.len()]);
                        changed += 1;
                    }
                }
            }
        }
    }
    assert!(changed > 50, "the sample's trackers repeat values under each other ({changed})");
    assert_same_kpis("ditto-marks", &base, &run("ditto-marks", &dittoed, &[], &window()));
}

#[test]
fn last_months_legal_status_extract_pasted_above_this_months_keeps_every_kpi() {
    // A legal-status "master" kept by pasting each month-end extract under
    // the last, with the extract's date: last month's copy of every spell,
    // its end not yet written, above this month's. One spell, whose end is
    // this month's.
    let base = baseline("last_months_legal_status_extract_pasted_above_this_months_keeps_every_kpi");
    let mut master = sample();
    let mut ended = 0;
    for (path, file) in &mut master.files {
        if !path.to_string_lossy().to_lowercase().contains("legal-status") {
            continue;
        }
        let File::Csv { grid, .. } = file else { continue };
        let h = grid.header.expect("a header");
        let end = grid.rows[h].iter().position(|c| text(c).to_lowercase().contains("end")).expect("an end date column");
        let this_month: Vec<Vec<Data>> = grid.rows[h + 1..].to_vec();
        let mut last_month = this_month.clone();
        for row in &mut last_month {
            if !matches!(row[end], Data::Empty) && !text(&row[end]).trim().is_empty() {
                row[end] = Data::Empty;
                ended += 1;
            }
        }
        let mut rows = vec![grid.rows[h].clone()];
        rows.extend(last_month);
        rows.extend(this_month);
        for (i, row) in rows.iter_mut().enumerate() {
            row.insert(
                0,
                cell(if i == 0 {
                    "Extract date"
                } else if i < grid.rows.len() - h {
                    "30/09/2026"
                } else {
                    "31/10/2026"
                }),
            );
        }
        grid.rows.truncate(h);
        grid.rows.extend(rows);
    }
    assert!(ended > 20, "the sample's spells have ends to leave out of last month's copy ({ended})");
    assert_same_kpis("month-end-extracts", &base, &run("month-end-extracts", &master, &[], &window()));
}

#[test]
fn the_templates_own_words_left_in_the_trackers_keep_every_kpi() {
    // A tracker built from a template keeps its words: a guidance row under
    // the header, an example row, and in every cell nobody filled the
    // control's placeholder or the list to choose from. (The audit and
    // action trackers: case-management exports carry no template.)
    let base = baseline("the_templates_own_words_left_in_the_trackers_keep_every_kpi");
    let mut templated = sample();
    const LEFT: [&str; 6] =
        ["Choose an item.", "--Please Select--", "Click here to enter a date.", "Yes/No?", "DD/MM/YYYY", "Click or tap here to enter text."];
    let mut changed = 0;
    for (path, file) in &mut templated.files {
        let name = path.to_string_lossy().to_lowercase();
        if name.contains("case-notes") || name.contains("legal-status") {
            continue;
        }
        let grids: Vec<&mut Grid> = match file {
            File::Csv { grid, .. } => vec![grid],
            File::Xlsx { sheets } => sheets.iter_mut().map(|(_, g)| g).collect(),
            File::Raw(_) => vec![],
        };
        for g in grids.into_iter().filter(|g| g.header.is_some()) {
            let h = g.header.unwrap();
            let width = g.rows[h].len();
            for (n, row) in g.rows.iter_mut().skip(h + 1).enumerate() {
                row.resize(width, Data::Empty);
                for (i, c) in row.iter_mut().enumerate().filter(|(_, c)| matches!(c, Data::Empty)) {
                    *c = cell(LEFT[(n + i) % LEFT.len()]);
                    changed += 1;
                }
            }
            let guidance: Vec<Data> = g.rows[h]
                .iter()
                .map(|c| {
                    let name = text(c).to_lowercase();
                    cell(if name.contains("date") {
                        "dd/mm/yyyy"
                    } else if name.contains("grade") || name.contains("judgement") {
                        "Outstanding/Good/Requires Improvement/Inadequate"
                    } else {
                        "Please select"
                    })
                })
                .collect();
            let mut example: Vec<Data> = (0..width).map(|i| cell(if i % 2 == 0 { "e.g. C123456" } else { "Example only" })).collect();
            example.truncate(width);
            g.rows.insert(h + 1, example);
            g.rows.insert(h + 1, guidance);
        }
    }
    assert!(changed > 50, "the sample's trackers have blank cells to fill ({changed})");
    assert_same_kpis("template-words", &base, &run("template-words", &templated, &[], &window()));
}

/// A date as the sample writes it ("21/11/2024", "8 Nov 2024", "2025-12-01"), to join on.
fn joined_date(s: &str) -> Option<chrono::NaiveDate> {
    ["%d/%m/%Y", "%d %b %Y", "%Y-%m-%d"].iter().find_map(|f| chrono::NaiveDate::parse_from_str(s.trim(), f).ok())
}

/// Takes the CSV whose path contains `name` out of the export.
fn take_csv(e: &mut Export, name: &str) -> (PathBuf, u8, Grid, Encoding) {
    let at = e.files.iter().position(|(p, _)| p.to_string_lossy().contains(name)).unwrap_or_else(|| panic!("sample has {name}"));
    let (path, File::Csv { delimiter, grid, encoding }) = e.files.remove(at) else { panic!("{name} is CSV") };
    (path, delimiter, grid, encoding)
}

#[test]
fn audits_joined_to_their_actions_and_notes_to_legal_status_keep_every_kpi() {
    // What a system's report gives instead of two tables (blind set 116):
    // the KSS audits joined to their actions, each audit's columns again on
    // each of its action rows and an audit with no action once, with the
    // action's columns blank (its "Date Completed" beside the audit's
    // "Completed Date"); and the case notes joined to the legal-status
    // episodes, each note once per episode of its child, an episode of a
    // child with no note on a row of its own. Every KPI stays.
    let base = baseline("audits_joined_to_their_actions_and_notes_to_legal_status_keep_every_kpi");
    let mut e = sample();
    let (path, delimiter, audits, encoding) = take_csv(&mut e, "kss-audits");
    let (_, _, actions, _) = take_csv(&mut e, "kss-actions");
    let (ah, th) = (audits.header.unwrap(), actions.header.unwrap());
    let col = |g: &Grid, h: usize, name: &str| g.rows[h].iter().position(|c| text(c) == name).unwrap_or_else(|| panic!("{name}"));
    let (a_child, a_done) = (col(&audits, ah, "Person ID"), col(&audits, ah, "Completed Date"));
    let (t_child, t_date) = (col(&actions, th, "Person ID"), col(&actions, th, "Audit Date"));
    let action_cols: Vec<usize> = (0..actions.rows[th].len()).filter(|&i| i != t_child && i != t_date).collect();
    let mut rows = audits.rows[..=ah].to_vec();
    rows[ah].extend(action_cols.iter().map(|&i| actions.rows[th][i].clone()));
    let width = audits.rows[ah].len();
    let mut joined_actions = 0;
    for r in &audits.rows[ah + 1..] {
        let mut audit = r.clone();
        audit.resize(width, Data::Empty);
        let key = (text(&r[a_child]), joined_date(&text(&r[a_done])));
        let its: Vec<&Vec<Data>> =
            actions.rows[th + 1..].iter().filter(|t| key.1.is_some() && (text(&t[t_child]), joined_date(&text(&t[t_date]))) == key).collect();
        if its.is_empty() {
            let mut row = audit.clone();
            row.resize(width + action_cols.len(), Data::Empty);
            rows.push(row);
        }
        for t in its {
            let mut row = audit.clone();
            row.extend(action_cols.iter().map(|&i| t.get(i).cloned().unwrap_or(Data::Empty)));
            rows.push(row);
            joined_actions += 1;
        }
    }
    assert_eq!(joined_actions, actions.rows.len() - th - 1, "every action of the sample has its audit");
    e.files.push((path.with_file_name("KSS audits with actions (report).csv"), File::Csv { delimiter, grid: Grid { rows, header: Some(ah) }, encoding }));

    let (path, delimiter, notes, encoding) = take_csv(&mut e, "case-notes");
    let (_, _, status, _) = take_csv(&mut e, "legal-status");
    let (nh, sh) = (notes.header.unwrap(), status.header.unwrap());
    let (n_child, s_child) = (col(&notes, nh, "Person ID"), col(&status, sh, "Child ID"));
    let status_cols: Vec<usize> = (0..status.rows[sh].len()).filter(|&i| i != s_child).collect();
    let mut rows = notes.rows[..=nh].to_vec();
    rows[nh].extend(
        status_cols.iter().map(|&i| Data::String(format!("Legal Status {}", text(&status.rows[sh][i])).replace("Legal Status Legal Status", "Legal Status"))),
    );
    let width = notes.rows[nh].len();
    let mut noted = std::collections::HashSet::new();
    for r in &notes.rows[nh + 1..] {
        let mut note = r.clone();
        note.resize(width, Data::Empty);
        noted.insert(text(&r[n_child]));
        let spells: Vec<&Vec<Data>> = status.rows[sh + 1..].iter().filter(|s| text(&s[s_child]) == text(&r[n_child])).collect();
        if spells.is_empty() {
            let mut row = note.clone();
            row.resize(width + status_cols.len(), Data::Empty);
            rows.push(row);
        }
        for s in spells {
            let mut row = note.clone();
            row.extend(status_cols.iter().map(|&i| s.get(i).cloned().unwrap_or(Data::Empty)));
            rows.push(row);
        }
    }
    for s in status.rows[sh + 1..].iter().filter(|s| !noted.contains(&text(&s[s_child]))) {
        let mut row = vec![Data::Empty; width];
        row[n_child] = s[s_child].clone();
        row.extend(status_cols.iter().map(|&i| s.get(i).cloned().unwrap_or(Data::Empty)));
        rows.push(row);
    }
    e.files.push((path.with_file_name("Case notes with legal status (report).csv"), File::Csv { delimiter, grid: Grid { rows, header: Some(nh) }, encoding }));
    let got = run("joined", &e, &[], &window());
    assert_same_kpis("joined reports", &base, &got);
    assert!(got.data_quality.contains("joins each audit to its actions"), "the audits' report is said to be read as two tables");
    assert!(got.data_quality.contains("joins each note to the child's legal-status episodes"), "so is the notes' report");
}

#[test]
fn legal_status_as_a_log_of_events_keeps_every_kpi() {
    // What many systems export instead of episodes (blind set 121): each
    // episode's start and end as rows of their own, a status with "Start" or
    // "End" beside it; or an event naming its status ("CP Started", "Looked
    // After (S20) Ended"). The rows shuffled by date, not by child. Every KPI stays.
    let base = baseline("legal_status_as_a_log_of_events_keeps_every_kpi");
    for (variant, flagged) in [("flagged", true), ("named", false)] {
        let mut e = sample();
        let (path, delimiter, status, encoding) = take_csv(&mut e, "legal-status");
        let sh = status.header.unwrap();
        let col = |name: &str| status.rows[sh].iter().position(|c| text(c) == name).unwrap_or_else(|| panic!("{name}"));
        let (child, kind, start, end, team) = (col("Child ID"), col("Legal Status"), col("Start Date"), col("End Date"), col("Team"));
        let mut events: Vec<(String, Vec<Data>)> = Vec::new();
        for r in &status.rows[sh + 1..] {
            for (date, word) in [(&r[start], "Start"), (&r[end], "End")] {
                let d = text(date);
                if d.is_empty() {
                    continue;
                }
                let key = joined_date(&d).map(|x| x.to_string()).unwrap_or_default();
                let row = if flagged {
                    vec![r[child].clone(), r[kind].clone(), date.clone(), Data::String(word.into()), r[team].clone()]
                } else {
                    let e = format!("{} {}ed", text(&r[kind]), if word == "Start" { "Start" } else { "End" });
                    vec![Data::String(e), r[child].clone(), date.clone(), r[team].clone()]
                };
                events.push((key, row));
            }
        }
        events.sort_by(|a, b| a.0.cmp(&b.0));
        let header: Vec<Data> = if flagged {
            ["Child ID", "Legal Status", "Date", "Start/End", "Team"].iter().map(|h| Data::String(h.to_string())).collect()
        } else {
            ["Event", "Child ID", "Event date", "Team"].iter().map(|h| Data::String(h.to_string())).collect()
        };
        let rows: Vec<Vec<Data>> = std::iter::once(header).chain(events.into_iter().map(|(_, r)| r)).collect();
        e.files.push((path.with_file_name("Legal status events.csv"), File::Csv { delimiter, grid: Grid { rows, header: Some(0) }, encoding }));
        let got = run(&format!("events-{variant}"), &e, &[], &window());
        assert_same_kpis(&format!("legal status as events ({variant})"), &base, &got);
        assert!(got.data_quality.contains("a log of legal-status events"), "{variant}: the log is said to be read as episodes");
    }
}

#[test]
fn allocation_dates_merged_down_each_round_keep_every_kpi() {
    // The KSS audits as a workbook whose user sorted them by team and
    // allocation date and merged each run of one date down its rows (the
    // cells under the merge are empty in the file): every audit keeps its
    // allocation date, so every KPI stays (the session-start binary had
    // audits on time 8/19 for 9/20: the merged rows had no date).
    let test = "allocation_dates_merged_down_each_round_keep_every_kpi";
    let base = baseline(test);
    let mut export = sample();
    let at = export.files.iter().position(|(p, _)| p.to_string_lossy().contains("kss-audits")).expect("the sample's KSS audits");
    let (rel, file) = export.files.remove(at);
    let File::Csv { grid, .. } = file else { panic!("the KSS audits are a CSV") };
    let h = grid.header.unwrap();
    let header: Vec<String> = grid.rows[h].iter().map(text).collect();
    let (team, allocated) = (header.iter().position(|c| c == "Team").unwrap(), header.iter().position(|c| c == "Allocated Date").unwrap());
    let serial = |s: &str| -> Option<f64> {
        let d = chrono::NaiveDate::parse_from_str(s.trim(), "%d/%m/%Y").ok()?;
        Some((d - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64)
    };
    let mut body: Vec<Vec<String>> =
        grid.rows[h + 1..].iter().map(|r| r.iter().map(text).collect()).filter(|r: &Vec<String>| r.iter().any(|c| !c.is_empty())).collect();
    body.sort_by(|a, b| (a[team].clone(), serial(&a[allocated]).unwrap_or(0.0)).partial_cmp(&(b[team].clone(), serial(&b[allocated]).unwrap_or(0.0))).unwrap());
    let dir = scratch("meta-merged-allocation-dates");
    let input = dir.join("in");
    write(&export, &input);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    for (c, v) in header.iter().enumerate() {
        ws.write_string(0, c as u16, v).unwrap();
    }
    for (r, row) in body.iter().enumerate() {
        for (c, v) in row.iter().enumerate().filter(|(c, v)| *c != allocated && !v.is_empty()) {
            ws.write_string(r as u32 + 1, c as u16, v).unwrap();
        }
    }
    let mut merged = 0;
    let mut r = 0;
    while r < body.len() {
        let same = |o: &Vec<String>| o[team] == body[r][team] && o[allocated] == body[r][allocated];
        let run = body[r..].iter().take_while(|o| same(o)).count();
        let first = r as u32 + 1;
        match serial(&body[r][allocated]) {
            Some(d) if run > 1 => {
                ws.merge_range(first, allocated as u16, first + run as u32 - 1, allocated as u16, "", &date).unwrap();
                ws.write_number_with_format(first, allocated as u16, d, &date).unwrap();
                merged += 1;
            }
            Some(d) => drop(ws.write_number_with_format(first, allocated as u16, d, &date).unwrap()),
            None if !body[r][allocated].is_empty() => drop(ws.write_string(first, allocated as u16, &body[r][allocated]).unwrap()),
            None => {}
        }
        r += run;
    }
    assert!(merged > 0, "the sample has rounds of one date to merge");
    wb.save(input.join(rel.with_extension("xlsx"))).unwrap();
    let got = run_inputs(&dir, &input, &[], &window());
    assert_same_kpis(test, &base, &got);
}
