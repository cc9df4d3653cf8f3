//! Inputs that real exports contain and that must not stop a run, corrupt a
//! pack or reach the terminal (issue 9).

use crate::{auditpack, root, scratch, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// The binary under a memory limit (address space, KB), so a reader that
/// allocates from a declared size fails the test instead of the machine.
fn auditpack_limited(cwd: &Path, kb: u64, args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new("bash");
    cmd.current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", crate::TODAY_EPOCH)
        .arg("-c")
        .arg(format!("ulimit -v {kb}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_auditpack"))
        .args(args);
    cmd.output().expect("bash runs")
}

fn csv_field<'a>(line: &'a str, header: &str, name: &str) -> Option<&'a str> {
    let i = header.split(',').position(|h| h == name)?;
    line.split(',').nth(i)
}

fn zip_text(path: &Path, entry_prefix: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        if f.name().map(|n| n.starts_with(entry_prefix)).unwrap_or(false) {
            let _ = std::io::Read::read_to_string(&mut f, &mut all);
        }
    }
    all
}

#[test]
fn a_single_value_in_xfd1048576_costs_one_cell() {
    let dir = scratch("bad-far-cell");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Child ID", "Team", "Audit date", "Overall grade"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in [["C1", "North", "01/10/2026", "Good"], ["C2", "South", "02/10/2026", "Inadequate"]].iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    // The typo after Ctrl+End: the sheet's declared dimension becomes A1:XFD1048576.
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    wb.save(dir.join("far.xlsx")).unwrap();
    let sheet = zip_text(&dir.join("far.xlsx"), "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<dimension ref=\"A1:XFD1048576\"/>"), "the fixture declares the whole sheet");
    write(&dir, "other.csv", b"Child ID,Team,Audit date,Overall grade\nC3,East,03/10/2026,Good\n");

    let out = dir.join("out");
    // 3 GB of address space: the whole declared range would need 549 GB.
    let o = auditpack_limited(&dir, 3_000_000, &["run", ".", "--out", out.to_str().unwrap(), "--reports", "board-pack"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let audits = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
    assert_eq!(audits.lines().count(), 4, "both files' rows: {audits}");
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert!(dq.contains("cells_left_out") && dq.contains("XFD1048576"), "the stray cell is reported: {dq}");
    assert!(out.join("metrics.json").exists() && out.join("board-pack.xlsx").exists());
}

#[test]
fn xlsb_is_read_like_the_other_workbooks() {
    let corpus = root().join("tests/corpus/calamine");
    let tables = auditpack::ingest::open(&corpus.join("issues.xlsb")).unwrap();
    let t = tables.into_iter().find(|t| t.sheet.as_deref() == Some("issue2")).expect("sheet issue2");
    let rows = auditpack::ingest::collect_rows(t).unwrap();
    let got: Vec<Vec<String>> = rows.iter().map(|r| r.cells.iter().map(|c| c.as_string()).collect()).collect();
    assert_eq!(got, [["1", "a"], ["2", "b"], ["3", "c"]]);
    let dates = auditpack::ingest::open(&corpus.join("date.xlsb")).unwrap();
    let rows = auditpack::ingest::collect_rows(dates.into_iter().next().unwrap()).unwrap();
    assert_eq!(rows[0].cells[0], auditpack::ingest::Cell::Date(chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap()));
    // Found by a folder walk, not refused with advice to rename it.
    let dir = scratch("bad-xlsb");
    std::fs::copy(corpus.join("issues.xlsb"), dir.join("issues.xlsb")).unwrap();
    let o = auditpack(&dir, &["validate", "."]);
    let text = stdout(&o);
    assert!(text.contains("issues.xlsb [sheet issue2]"), "{text}");
    assert!(!text.contains("not a spreadsheet"), "{text}");
}

/// Every committed broken or unusual file is read or refused with a message
/// that names it; none panics out of the reader or fails the run's other files.
#[test]
fn corpus_files_are_read_or_refused_by_name() {
    let mut files: Vec<PathBuf> = Vec::new();
    for sub in ["calamine", "text", "found"] {
        if let Ok(rd) = std::fs::read_dir(root().join("tests/corpus").join(sub)) {
            files.extend(rd.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e != "md")));
        }
    }
    files.sort();
    assert!(files.len() >= 30, "{files:?}");
    let config = auditpack::normalise::Config::defaults();
    for f in &files {
        let n = auditpack::normalise::normalise_inputs(std::slice::from_ref(f), &config, &mut |_, _, _| {});
        let shown = auditpack::ingest::display_path(f);
        if !n.failed_files.is_empty() {
            assert!(
                n.findings.iter().any(|x| x.severity == auditpack::normalise::Severity::Error && x.file == shown && !x.action.is_empty()),
                "{shown}: failed without a message naming it"
            );
        }
    }
}

/// A reader library that panics on a malformed file (fuzzing found an .xls
/// whose last sector is cut short: calamine asserts) gives that file's error,
/// in plain words and without a panic message on the terminal; the other files
/// are still read.
#[test]
fn a_reader_panic_is_the_files_error_and_prints_no_panic() {
    let found = root().join("tests/corpus/found/fuzz-xls-sector-cut-short.xls");
    let bytes = std::fs::read(&found).unwrap();
    let err = auditpack::ingest::read_workbook_bytes("xls", &bytes).expect_err("a damaged workbook");
    assert!(err.message.starts_with("the workbook is damaged"), "{}", err.message);
    assert!(!err.message.contains('\n'), "one line: {}", err.message);
    let dir = scratch("bad-reader-panic");
    std::fs::copy(&found, dir.join("damaged.xls")).unwrap();
    std::fs::copy(root().join("sample_data/case-notes.csv"), dir.join("case-notes.csv")).unwrap();
    let o = auditpack(&dir, &["validate", "damaged.xls", "case-notes.csv"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(out.contains("damaged.xls: the workbook is damaged"), "{out}");
    assert!(out.contains("case-notes.csv"), "the other file is still read: {out}");
    assert!(!err.contains("panicked") && !out.contains("panicked"), "{err}");
}

/// The sparse reader finds exactly the cells calamine's dense reader finds
/// (on the corpus's .xlsx and .xlsb files), apart from stray far cells.
#[test]
fn sparse_reading_matches_calamines_ranges() {
    use calamine::Reader;
    let dir = root().join("tests/corpus/calamine");
    let mut compared = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let ext = auditpack::ingest::extension(&p);
        if ext != "xlsx" && ext != "xlsb" {
            continue;
        }
        let Ok(ours) = auditpack::ingest::open(&p) else { continue };
        let Ok(mut book) = calamine::open_workbook_auto(&p) else { continue };
        for t in ours {
            let sheet = t.sheet.clone().unwrap();
            let rows = auditpack::ingest::collect_rows(t).unwrap();
            let mut mine: Vec<(u32, usize)> =
                rows.iter().flat_map(|r| r.cells.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(move |(i, _)| (r.row, i))).collect();
            let range = book.worksheet_range(&sheet).unwrap();
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut theirs: Vec<(u32, usize)> = range
                .used_cells()
                .filter(|(_, _, d)| !matches!(d, calamine::Data::String(s) if s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty()))
                .map(|(r, c, _)| (r0 + r as u32 + 1, c0 as usize + c))
                .collect();
            mine.sort();
            theirs.sort();
            assert_eq!(mine, theirs, "{} [{sheet}]", p.display());
            compared += 1;
        }
    }
    assert!(compared >= 5, "only {compared} sheets compared");
}

const TEAMS_CSV_HEADER: &str = "Child ID,Team,Audit date,Overall grade,Evidence\n";

fn teams_csv(long_team: &str) -> String {
    let mut s = TEAMS_CSV_HEADER.to_string();
    let rows = [
        ("C1", "CP North", "01/10/2026", "Good", "fine"),
        ("C2", "cp north", "02/10/2026", "Inadequate", "fine"),
        ("C3", "KPI", "03/10/2026", "Good", "fine"),
        ("C4", "../../evil", "04/10/2026", "Requires improvement", "fine"),
        ("C5", "History", "05/10/2026", "Good", "fine"),
        ("C6", "Team/with:bad*chars?", "06/10/2026", "Outstanding", "fine"),
        ("C7", long_team, "07/10/2026", "Good", "fine"),
        ("C8", "CP North", "31/02/2026", "Good", "a bad date in CP North"),
        ("C9", "CON", "08/10/2026", "Good", "fine"),
    ];
    for (c, t, d, g, e) in rows {
        s.push_str(&format!("{c},{t},{d},{g},{e}\n"));
    }
    s
}

#[test]
fn colliding_reserved_and_long_team_names_still_give_every_pack() {
    let dir = scratch("bad-teams");
    let long_team = format!("Long {}", "x".repeat(40_000));
    write(&dir, "audits.csv", teams_csv(&long_team).as_bytes());
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "audits.csv", "--out", out.to_str().unwrap(), "--per-team"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for r in ["board-pack", "compliance-report", "grade-distributions", "theme-analysis"] {
        for ext in ["xlsx", "html"] {
            assert!(out.join(format!("{r}.{ext}")).exists(), "{r}.{ext}");
        }
    }
    // A cell longer than a spreadsheet holds is cut, and says so.
    let strings = zip_text(&out.join("board-pack.xlsx"), "xl/sharedStrings.xml");
    assert!(strings.contains("cut: the text has 40005 characters"), "truncation note");

    // Folders: safe, one per team, nothing outside --out.
    let mut folders: Vec<String> = std::fs::read_dir(out.join("teams")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    folders.sort();
    // "CP North" and "cp north" are one team (team identity, METRICS.md).
    assert_eq!(folders.len(), 7, "{folders:?}");
    for want in ["cp-north", "kpi", "evil", "history", "team-with-bad-chars", "con-team"] {
        assert!(folders.contains(&want.to_string()), "{want} in {folders:?}");
    }
    assert!(folders.iter().all(|f| f.len() <= 60 && !f.starts_with('.')), "{folders:?}");
    let beside: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    assert_eq!(beside.len(), 2, "only the input and --out: {beside:?}");
    assert!(!dir.parent().unwrap().join("evil").exists());
    let m = |f: &str| -> serde_json::Value { serde_json::from_slice(&std::fs::read(out.join("teams").join(f).join("metrics.json")).unwrap()).unwrap() };
    // Each team's pack carries only its own rows' findings.
    let dq = |f: &str| m(f)["data_quality"].to_string();
    let owner = "cp-north";
    assert!(dq(owner).contains("31/02/2026"), "CP North's bad date is in its pack");
    for other in folders.iter().filter(|f| f.as_str() != owner) {
        assert!(!dq(other).contains("31/02/2026"), "CP North's finding leaked into {other}");
    }
}

/// Text exports read with a repair: UTF-8 with one byte typed in
/// Windows-1252 (the UTF-8 teams stay whole; the stray byte is its
/// character), and a CSV with a stray zero byte (read, not refused as
/// binary). Each repair is said in `data_quality` as a note.
#[test]
fn stray_bytes_in_a_text_export_are_read_and_said() {
    let dir = scratch("bad-stray-bytes");
    let mut utf8 =
        "Child ID,Team,Audit date,Overall grade,Evidence\nC1,Café – North,01/10/2026,Good,fine\nC2,Café – North,02/10/2026,Good,child".as_bytes().to_vec();
    utf8.extend(b"\x92s voice clear\n");
    write(&dir, "audits.csv", &utf8);
    write(&dir, "more audits.csv", b"Child ID,Team,Audit date,Overall grade\nC3,South,03/10/2026,Inadequate\x00\nC4,South,04/10/2026,Good\n");
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "-q", ".", "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31", "--reports", "board-pack"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let audits = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
    assert_eq!(audits.matches("Café – North").count(), 2, "{audits}");
    assert!(audits.contains("child\u{2019}s voice clear"), "{audits}");
    assert!(audits.contains("C3") && audits.contains("C4"), "{audits}");
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    let notes: Vec<&str> = dq.lines().filter(|l| l.contains("file_format")).collect();
    assert!(notes.iter().any(|l| l.contains("audits.csv") && l.contains("Windows-1252 character")), "{dq}");
    assert!(notes.iter().any(|l| l.contains("more audits.csv") && l.contains("stray zero bytes")), "{dq}");
}

#[test]
fn formula_text_is_neutralised_in_the_normalised_csvs() {
    let dir = scratch("bad-formula");
    write(
        &dir,
        "audits.csv",
        b"Child ID,Team,Audit date,Overall grade,Evidence\nC1,=cmd|' /C calc'!A0,01/10/2026,Good,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\"\nC2,@North,02/10/2026,Good,-3\n",
    );
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "audits.csv", "--out", out.to_str().unwrap(), "--reports", "board-pack"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let audits = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
    let header = audits.lines().next().unwrap();
    assert!(audits.contains("\"'=HYPERLINK("), "{audits}");
    assert!(audits.contains("'=cmd|"), "{audits}");
    assert!(audits.contains(",'@North,"), "{audits}");
    let c2 = audits.lines().find(|l| l.starts_with("C2") || l.contains(",C2,")).unwrap();
    assert_eq!(csv_field(c2, header, "evidence"), Some("-3"), "a plain negative number stays a number: {c2}");
    for line in audits.lines().skip(1) {
        for field in line.split(',') {
            let f = field.trim_start_matches('"');
            assert!(!f.starts_with(['=', '+', '@']), "live formula in {line}");
        }
    }
}

#[test]
fn templates_folder_without_report_html_is_a_usage_error() {
    let dir = scratch("bad-templates");
    std::fs::create_dir_all(dir.join("tpl")).unwrap();
    let out = dir.join("out");
    let o = auditpack(&root(), &["run", "-q", "--out", out.to_str().unwrap(), "--templates", dir.join("tpl").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("report.html"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing written before the usage error");
}

#[test]
fn one_report_that_fails_does_not_stop_the_others() {
    let dir = scratch("bad-one-report");
    // Parses, but fails when rendered.
    std::fs::write(dir.join("report.html"), "<html>{% include \"missing.html\" %}</html>").unwrap();
    let out = dir.join("out");
    let o = auditpack(&root(), &["run", "-q", "--out", out.to_str().unwrap(), "--templates", dir.to_str().unwrap(), "--reports", "board-pack,theme-analysis"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("board-pack.html") && err.contains("theme-analysis.html"), "{err}");
    for f in ["metrics.json", "board-pack.xlsx", "theme-analysis.xlsx", "normalised/audits.csv"] {
        assert!(out.join(f).exists(), "{f} still written");
    }
    assert!(!out.join("board-pack.html").exists());
}

#[test]
fn control_characters_from_cells_are_not_echoed() {
    let dir = scratch("bad-control");
    write(
        &dir,
        "audits.csv",
        b"Child ID,Team,Audit date,Overall grade\nC1,North\x1b]0;pwned\x07\x1b[2J,01/10/2026,Goodish\x1b[31m\nC2,South\r,02/10/2026,Good\n",
    );
    let o = auditpack(&dir, &["validate", "audits.csv"]);
    let out = stdout(&o) + &stderr(&o);
    assert!(out.contains("Goodish"), "{out}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{out:?}");
    let o = auditpack(&dir, &["run", "-v", "audits.csv", "--out", dir.join("out").to_str().unwrap(), "--team", "North\x1b[2J"]);
    assert!(!stderr(&o).chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{:?}", stderr(&o));
}

/// Kills runs with SIGKILL at random moments: every output is then either the
/// previous complete version or the new complete one, never a part.
#[cfg(unix)]
#[test]
fn a_run_killed_at_any_moment_leaves_whole_files() {
    let dir = scratch("bad-kill");
    let csv = |as_of_team: &str| format!("Child ID,Team,Audit date,Overall grade\nC1,{as_of_team},01/10/2026,Good\nC2,South,02/10/2026,Inadequate\n");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    write(&dir.join("a"), "audits.csv", csv("North").as_bytes());
    write(&dir.join("b"), "audits.csv", csv("East").as_bytes());
    let args = |input: &str, out: &Path| -> Vec<String> {
        ["run", "-q", input, "--out", out.to_str().unwrap(), "--reports", "board-pack,compliance-report"].map(String::from).to_vec()
    };
    // The two complete versions.
    let mut versions: Vec<std::collections::BTreeMap<PathBuf, Vec<u8>>> = Vec::new();
    let mut full_ms = 0u128;
    for v in ["a", "b"] {
        let out = dir.join(format!("full-{v}"));
        let t = std::time::Instant::now();
        let o =
            Command::new(env!("CARGO_BIN_EXE_auditpack")).current_dir(&dir).env("SOURCE_DATE_EPOCH", crate::TODAY_EPOCH).args(args(v, &out)).output().unwrap();
        full_ms = full_ms.max(t.elapsed().as_millis());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        versions.push(files(&out));
    }
    assert_ne!(versions[0].get(Path::new("metrics.json")), versions[1].get(Path::new("metrics.json")));
    let out = dir.join("out");
    // The first complete run gives the previous version.
    assert_eq!(auditpack(&dir, &args("a", &out).iter().map(String::as_str).collect::<Vec<_>>()).status.code(), Some(0));
    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut rand = move |n: u128| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed as u128) % n.max(1)
    };
    // (Up to 60 runs, until 5 were killed: a run's time varies, and the first
    // timed runs took longest, on a cold page cache.)
    let mut killed = 0;
    for i in 0..60 {
        if i >= 20 && killed >= 5 {
            break;
        }
        let v = if i % 2 == 0 { "b" } else { "a" };
        let mut child =
            Command::new(env!("CARGO_BIN_EXE_auditpack")).current_dir(&dir).env("SOURCE_DATE_EPOCH", crate::TODAY_EPOCH).args(args(v, &out)).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(rand(full_ms * 3 / 4 + 2) as u64));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().unwrap();
        for (path, bytes) in files(&out) {
            let ok = versions.iter().any(|ver| ver.get(&path) == Some(&bytes));
            assert!(ok, "iteration {i}: {} is neither complete version ({} bytes)", path.display(), bytes.len());
        }
    }
    assert!(killed >= 5, "only {killed} of 60 runs were killed before they finished (runs take {full_ms} ms)");
}

/// A run that cannot write one of its files (a full disk; here a file
/// standing where its charts folder goes) replaces none of the last run's
/// files: the folder never holds this run's metrics beside the last run's
/// packs. It says so, exits 1, and leaves no temporary file.
#[test]
fn a_run_that_cannot_write_every_file_replaces_none() {
    let dir = scratch("bad-half-written");
    let out = dir.join("out");
    let run = |period: &str| {
        auditpack(
            &dir,
            &["run", "-q", root().join("sample_data").to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", period, "--as-of", "2026-10-31"],
        )
    };
    assert_eq!(run("2026-07").status.code(), Some(0));
    let before = files(&out);
    std::fs::remove_dir_all(out.join("charts")).unwrap();
    std::fs::write(out.join("charts"), b"in the way").unwrap();
    let o = run("2026-09");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("No file in") && stderr(&o).contains("was replaced"), "{}", stderr(&o));
    let after = files(&out);
    for (path, bytes) in &before {
        if !path.starts_with("charts") {
            assert!(after.get(path) == Some(bytes), "{} was replaced by a run that failed", path.display());
        }
    }
    let mut left = Vec::new();
    let mut stack = vec![out.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else if e.file_name().to_string_lossy().ends_with(".tmp") {
                left.push(e.path());
            }
        }
    }
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// Every output file under `dir` (temporary dot-files excluded), by relative path.
fn files(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    fn walk(base: &Path, d: &Path, out: &mut std::collections::BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(d).into_iter().flatten() {
            let p = e.unwrap().path();
            if p.file_name().unwrap().to_string_lossy().starts_with('.') {
                continue;
            }
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.insert(p.strip_prefix(base).unwrap().to_path_buf(), std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

mod arbitrary_bytes {
    //! The fuzz targets' entry points (fuzz/) fed arbitrary bytes in a bounded
    //! property test: nothing panics, every refusal names the file.
    use auditpack::ingest::{self, header, Cell, SourceRow};
    use auditpack::normalise::fold;
    use proptest::prelude::*;

    /// Cases per property: bounded in `cargo test`; raise with
    /// AUDITPACK_PROPTEST_CASES for a longer search.
    fn cases(default: u32) -> u32 {
        std::env::var("AUDITPACK_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
    }

    fn rows_from(text: &str) -> Vec<SourceRow> {
        text.split('\u{1e}').enumerate().map(|(i, r)| SourceRow { row: i as u32 + 1, cells: r.split('\u{1f}').map(Cell::text).collect() }).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(256), failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn text_entry_points_never_panic(s in "\\PC{0,200}", bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = ingest::parse_date(&s);
            let _ = Cell::text(&s).as_date();
            let lossy = String::from_utf8_lossy(&bytes).to_string();
            let _ = ingest::parse_date(&lossy);
            let f = fold::fold(&s);
            prop_assert_eq!(fold::fold(&f), f.clone());
            let _ = fold::split_numbering(&f);
            let _ = fold::contains_phrase(&f, &fold::fold(&lossy));
            let rows = rows_from(&format!("{s}\u{1e}{lossy}"));
            if let Some(h) = header::find_header(&rows, |t| t.len() % 3 == 0) {
                prop_assert!(h.index < rows.len());
                if h.index > 0 {
                    for repeated_only in [false, true] {
                        let _ = header::combine_two_row_header(&rows[h.index - 1], &rows[h.index], repeated_only);
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(48), failure_persistence: None, ..ProptestConfig::default() })]

        /// Random bytes, and real workbooks with random bytes changed, read
        /// through the file boundary as a run reads them.
        #[test]
        fn files_of_any_bytes_are_read_or_refused(
            seed in 0usize..6,
            edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..12),
            noise in proptest::collection::vec(any::<u8>(), 0..300),
        ) {
            let seeds = ["issues.xlsb", "any_sheets.xlsx", "any_sheets.xls", "any_sheets.ods", "date.xlsb", ""];
            let (name, mut bytes) = match seeds[seed] {
                "" => ("noise.csv".to_string(), noise.clone()),
                f => (f.to_string(), std::fs::read(crate::root().join("tests/corpus/calamine").join(f)).unwrap()),
            };
            if !bytes.is_empty() {
                for (at, b) in &edits {
                    let i = at % bytes.len();
                    bytes[i] = *b;
                }
            }
            let dir = crate::scratch(&format!("prop-{}", std::thread::current().name().unwrap_or("t").replace("::", "-")));
            let path = dir.join(&name);
            std::fs::write(&path, &bytes).unwrap();
            let config = auditpack::normalise::Config::defaults();
            let n = auditpack::normalise::normalise_inputs(std::slice::from_ref(&path), &config, &mut |_, _, _| {});
            let shown = ingest::display_path(&path);
            if !n.failed_files.is_empty() {
                prop_assert!(n.findings.iter().any(|x| x.file == shown && !x.action.is_empty()));
            }
        }
    }
}

#[test]
fn a_named_pipe_and_a_link_to_a_folder_above_do_not_hang_the_run() {
    // A named pipe opened for reading waits for a writer for ever; a link to a
    // folder above is a loop. Both are left out, said, and the rest is read.
    let dir = scratch("pipe-and-loop");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    write(&input, "audits.csv", b"Child ID,Team,Completed Date,Overall Judgement\nC1,East,10/09/2026,Good\n");
    assert!(Command::new("mkfifo").arg(input.join("pipe audits.csv")).status().unwrap().success());
    std::os::unix::fs::symlink("..", input.join("sub/up")).unwrap();
    let bin = env!("CARGO_BIN_EXE_auditpack");
    let o = Command::new("timeout").current_dir(&dir).env("SOURCE_DATE_EPOCH", crate::TODAY_EPOCH).args(["60", bin, "validate", "in"]).output().unwrap();
    assert_ne!(o.status.code(), Some(124), "the run waited on the pipe or walked the loop");
    let out = format!("{}{}", stdout(&o), stderr(&o));
    assert!(out.contains("pipe audits.csv") && out.contains("a named pipe, socket or device"), "{out}");
    assert!(out.contains("folder already read"), "{out}");
    assert!(out.contains("auditpack validate: 1 tables;"), "the audits are read once, not again through the link: {out}");
}

/// The `audits_completed` count in a run's metrics.json, and the tables read.
fn audits_completed(out: &Path) -> (serde_json::Value, usize) {
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let count = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap()["numerator"].clone();
    (count, m["inputs"].as_array().unwrap().len())
}

#[test]
fn a_second_run_never_reads_the_packs_of_the_first() {
    // `run .` twice (the default out/ is inside .), or --out inside the input
    // folder: the second run read the first one's normalised tables and packs
    // as exports, so the audits grew with every run (stranger review 25: 17,
    // 215, 1327).
    let dir = scratch("out-inside-input");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    write(&input, "audits.csv", b"Child ID,Team,Completed Date,Overall Judgement\nC1,East,10/09/2026,Good\nC2,West,12/09/2026,Inadequate\n");
    let args = ["run", "in", "--out", "in/packs", "--period", "2026-09", "--reports", "compliance-report"];
    for time in 1..=3 {
        let o = auditpack(&dir, &args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(audits_completed(&input.join("packs")), (2.into(), 1), "run {time}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("warning: the --out folder in/packs is inside the input folder in"), "{err}");
        let dq = std::fs::read_to_string(input.join("packs/normalised/data_quality.csv")).unwrap();
        assert!(dq.contains("out_inside_input"), "{dq}");
        if time > 1 {
            assert!(dq.contains("in/packs") && dq.contains("the --out folder of this run"), "{dq}");
        }
    }
    // The default out/ of a run in the exports' own folder.
    for time in 1..=2 {
        let o = auditpack(&input, &["run", ".", "--period", "2026-09", "--reports", "board-pack"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(audits_completed(&input.join("out")), (2.into(), 1), "run {time}: {}", stderr(&o));
    }
    // validate (no --out) leaves out every folder holding a run's metrics.json.
    let o = auditpack(&dir, &["validate", "in"]);
    let text = stdout(&o);
    assert!(text.contains("auditpack validate: 1 tables;"), "{text}");
    assert!(text.contains("skipped in/out: auditpack's own outputs (the folder holds the metrics.json of an earlier run)"), "{text}");
    assert!(text.contains("skipped in/packs: auditpack's own outputs"), "{text}");
    // A metrics.json that is not auditpack's does not make a folder an output.
    std::fs::create_dir_all(input.join("other")).unwrap();
    write(&input.join("other"), "metrics.json", b"{\"schema\": \"someone-else/2\"}");
    write(&input.join("other"), "more.csv", b"Child ID,Team,Completed Date,Overall Judgement\nC3,East,11/09/2026,Good\n");
    let o = auditpack(&dir, &["validate", "in"]);
    assert!(stdout(&o).contains("auditpack validate: 2 tables;"), "{}", stdout(&o));
    // --out the input folder itself: a usage error, before anything is written.
    let o = auditpack(&dir, &["run", "in", "--out", "in", "--period", "2026-09"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--out in is the input folder in"), "{}", stderr(&o));
    assert!(!input.join("metrics.json").exists());
}

#[test]
fn a_quote_never_closed_is_an_error_naming_its_row_not_rows_lost_in_silence() {
    // Stranger review 25, case 42: row 3001's author `"Sam Okafor` was never
    // closed, so the 3000 rows after it were one cell; every count said
    // "3000 read = 3000 accepted", exit 0.
    let dir = scratch("unclosed-quote");
    let mut notes = String::from("Person ID,Case Note Type,Event Date,Date Recorded,Author,Team\n");
    for i in 0..1200 {
        let author = if i == 700 { "\"Sam Okafor" } else { "Sam Okafor" };
        notes.push_str(&format!("C{i},Statutory Visit,{:02}/09/2026,{:02}/09/2026,{author},CP South\n", i % 28 + 1, i % 28 + 1));
    }
    write(&dir, "case-notes.csv", notes.as_bytes());
    // An audit export whose quote closes five rows later (at another stray quote).
    let mut audits = String::from("Child ID,Team,Completed Date,Overall Judgement,Evidence\n");
    for i in 0..12 {
        let evidence = match i {
            4 => "\"Plan drifted",
            10 => "Visits \" patchy",
            _ => "fine",
        };
        audits.push_str(&format!("C{i},East,{:02}/09/2026,Good,{evidence}\n", i + 1));
    }
    write(&dir, "audits.csv", audits.as_bytes());
    let o = auditpack(&dir, &["run", ".", "--out", "../unclosed-out", "--period", "2026-09", "--reports", "board-pack"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("case-notes.csv: reading stopped: row 702: a quote (\") opens a cell in this row and is never closed, so the 499 lines after it"),
        "{err}"
    );
    assert!(err.contains("case_notes — 700 read = 700 accepted"), "{err}");
    let dq = std::fs::read_to_string(dir.join("../unclosed-out/normalised/data_quality.csv")).unwrap();
    assert!(dq.contains("read_error") && dq.contains("row 702: a quote"), "{dq}");
    assert!(dq.contains("quote_spans_rows"), "{dq}");
    let o = auditpack(&dir, &["validate", ".", "--strict"]);
    let text = stdout(&o);
    assert!(text.contains("error: ./case-notes.csv: reading stopped: row 702: a quote"), "{text}");
    assert!(text.contains("warning: ./audits.csv row 6: a quoted cell of this row runs over 6 lines that look like rows of the table"), "{text}");
    assert!(text.contains("rows: 6 read = 6 accepted"), "the audits after the closing quote are read again: {text}");
}

#[test]
fn text_exports_named_as_workbooks_are_read_as_text_and_said() {
    // A system's "Export to Excel" that writes tab-separated text as .xls,
    // and a CSV renamed .xlsx: both were refused as damaged workbooks, so
    // their audits were left out. Each is read as the text it is, and a
    // file_format note says so.
    let dir = scratch("text-named-as-workbook");
    write(&dir, "Audit_report.xls", b"Child ID\tTeam\tCompleted Date\tOverall Judgement\nC1\tEast\t10/09/2026\tGood\nC2\tEast\t11/09/2026\tInadequate\n");
    write(&dir, "audits.xlsx", b"Child ID,Team,Completed Date,Overall Judgement\nC3,West,12/09/2026,Good\n");
    let out = scratch("text-named-as-workbook-out");
    let o = auditpack(&dir, &["run", "-q", ".", "--out", out.to_str().unwrap(), "--period", "2026-09", "--reports", "board-pack"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let good = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "overall_good_or_better").unwrap().clone();
    assert_eq!((good["numerator"].as_u64(), good["denominator"].as_u64()), (Some(2), Some(3)), "{good}");
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    for f in ["Audit_report.xls", "audits.xlsx"] {
        assert!(dq.lines().any(|l| l.contains("file_format") && l.contains(f) && l.contains("named as an Excel workbook")), "{f}: {dq}");
    }
}

#[test]
fn the_packs_name_the_files_that_could_not_be_read() {
    // Stranger review 25, cases 05 and 09: a truncated or encrypted workbook
    // left its audits out, and the board pack said only "These figures rest
    // on 6468 of the 6470 rows read from 9 files".
    let dir = scratch("unread-files");
    write(&dir, "audits.csv", b"Child ID,Team,Completed Date,Overall Judgement\nC1,East,10/09/2026,Good\nC2,West,11/09/2026,Good\n");
    write(&dir, "truncated.xlsx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00 cut short");
    // (Not text: a CSV renamed .xlsx is read as the text it is.)
    let mut picture = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06".to_vec();
    picture.extend((0..=255u8).cycle().take(1024));
    write(&dir, "renamed.xlsx", &picture);
    let out = scratch("unread-files-out");
    let o = auditpack(&dir, &["run", ".", "--out", out.to_str().unwrap(), "--period", "2026-09", "--reports", "board-pack", "--per-team"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let said = "2 files could not be read, so their records are not in these figures: renamed.xlsx, truncated.xlsx";
    for pack in [out.clone(), out.join("teams/east")] {
        let html = std::fs::read_to_string(pack.join("board-pack.html")).unwrap();
        let basis = html.lines().find(|l| l.contains("class=\"basis\"")).unwrap_or_default();
        assert!(basis.contains(said), "{}: {basis}", pack.display());
        assert!(zip_text(&pack.join("board-pack.xlsx"), "xl/sharedStrings.xml").contains(said), "{}", pack.display());
    }
    // Every file read: nothing said.
    std::fs::remove_file(dir.join("truncated.xlsx")).unwrap();
    std::fs::remove_file(dir.join("renamed.xlsx")).unwrap();
    let o = auditpack(&dir, &["run", ".", "--out", out.to_str().unwrap(), "--period", "2026-09", "--reports", "board-pack"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!std::fs::read_to_string(out.join("board-pack.html")).unwrap().contains("could not be read"));
}

#[test]
fn invisible_characters_in_team_names_and_ids_make_no_new_team_or_child() {
    // Stranger review 25, cases 34 and 43: a right-to-left override before
    // "Assessment" made a second team, a zero-width space in a child id
    // unlinked the child's actions, and a team of one zero-width space got
    // its own --per-team folder.
    let dir = scratch("invisible");
    let audits = "Child ID,Team,Completed Date,Overall Judgement\n\
                  C\u{200b}1,\u{202e}CP North\u{a0},10/09/2026,Good\n\
                  C2,CP\u{200b} North,11/09/2026,Good\n\
                  C3,CP\u{a0}North,12/09/2026,Good\n\
                  C4,\u{200b}\u{a0} ,13/09/2026,Good\n\
                  C5,\u{2066}Assess\u{200d}ment\u{2069},14/09/2026,Good\n\
                  C6,Assessment\u{feff},15/09/2026,Good\n\
                  C7,\u{200b},16/09/2026,Good\n";
    write(&dir, "audits.csv", audits.as_bytes());
    write(&dir, "actions.csv", b"Child ID,Action,Due Date,Completed Date\nC1,Update the plan,20/09/2026,18/09/2026\n");
    let out = scratch("invisible-out");
    let o = auditpack(&dir, &["run", ".", "--out", out.to_str().unwrap(), "--period", "2026-09", "--reports", "board-pack", "--per-team"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let completed = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap();
    let teams: Vec<(String, i64)> =
        completed["by_team"].as_array().unwrap().iter().map(|t| (t["team"].as_str().unwrap().to_string(), t["numerator"].as_i64().unwrap())).collect();
    assert_eq!(teams, [("(not recorded)".to_string(), 2), ("Assessment".to_string(), 2), ("CP North".to_string(), 3)]);
    let dq = m["data_quality"].to_string();
    assert!(!dq.contains("action_unlinked"), "the action links to its child's audit: {dq}");
    let mut folders: Vec<String> = std::fs::read_dir(out.join("teams")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    folders.sort();
    assert_eq!(folders, ["assessment", "cp-north", "not-recorded"]);
    let audits_csv = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
    assert!(!audits_csv.chars().any(auditpack::ingest::cell::is_invisible), "{audits_csv}");
}

#[test]
fn control_characters_from_cells_never_reach_an_svg_or_html_file() {
    // Stranger review 25, case 44: a team name with a terminal escape in it
    // made charts/*actions-on-time-by-team.svg invalid XML.
    let dir = scratch("control-svg");
    write(
        &dir,
        "audits.csv",
        b"Audit ID,Child ID,Team,Completed Date,Overall Judgement\nA1,C1,CP\x1b[31mRED\x1b[0m North,10/09/2026,Good\nA2,C2,South\x07\x0b,11/09/2026,Inadequate\n",
    );
    write(&dir, "actions.csv", b"Audit ID,Action,Due Date,Completed Date\nA1,Visit \x01weekly,20/09/2026,18/09/2026\nA2,Review plan,21/09/2026,\n");
    let out = scratch("control-svg-out");
    let o = auditpack(&dir, &["run", ".", "--out", out.to_str().unwrap(), "--period", "2026-09"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut written: Vec<PathBuf> = std::fs::read_dir(out.join("charts")).unwrap().map(|e| e.unwrap().path()).collect();
    written.extend(std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "html")));
    assert!(written.iter().filter(|p| p.extension().is_some_and(|e| e == "svg")).count() >= 4, "{written:?}");
    let mut team_shown = false;
    for p in &written {
        let text = std::fs::read_to_string(p).unwrap();
        let bad: Vec<char> = text.chars().filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')).collect();
        assert!(bad.is_empty(), "{}: {bad:?}", p.display());
        team_shown |= text.contains("CP[31mRED[0m North");
    }
    assert!(team_shown, "the team is shown, without its control characters");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_above_the_input_is_not_followed_out_of_it() {
    // Stranger review 25, case 11: `loop-up -> ..` in the input folder was
    // followed, and the files beside the input folder were read as exports.
    let dir = scratch("link-up");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::create_dir_all(dir.join("elsewhere")).unwrap();
    write(&input, "audits.csv", b"Child ID,Team,Completed Date,Overall Judgement\nC1,East,10/09/2026,Good\n");
    write(&dir.join("elsewhere"), "other.csv", b"Child ID,Team,Completed Date,Overall Judgement\nC2,West,11/09/2026,Good\n");
    std::os::unix::fs::symlink("..", input.join("loop-up")).unwrap();
    std::os::unix::fs::symlink("../..", input.join("sub/two-up")).unwrap();
    std::os::unix::fs::symlink(".", input.join("self")).unwrap();
    std::os::unix::fs::symlink("../elsewhere", input.join("beside")).unwrap();
    let o = auditpack(&dir, &["validate", "in"]);
    let text = stdout(&o);
    let above = format!("a link to {}, a folder above the input folder: not followed", dir.canonicalize().unwrap().display());
    assert!(text.contains(&format!("skipped in/loop-up: {above}")), "{text}");
    assert!(text.contains(&format!("skipped in/sub/two-up: {above}")), "{text}");
    assert!(text.contains("skipped in/self: a link to the input folder itself"), "{text}");
    // A link to a folder beside the input, not above it, is followed as before.
    assert!(text.contains("auditpack validate: 2 tables;") && text.contains("in/beside/other.csv"), "{text}");
    assert!(!text.contains("in/loop-up/"), "nothing read through the link: {text}");
    let out = scratch("link-up-out");
    let o = auditpack(&dir, &["run", "in", "--out", out.to_str().unwrap(), "--period", "2026-09", "--reports", "board-pack"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert!(dq.contains("in/loop-up") && dq.contains("a folder above the input folder"), "{dq}");
}

#[test]
fn quiet_runs_still_print_the_files_that_could_not_be_read() {
    // `-q` is "print only errors": a file that could not be read is one (a
    // scheduled run's log must say which file failed, not only exit 1).
    let dir = scratch("quiet_errors");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    write(&input, "audits.csv", b"Child ID,Team,Date completed,Overall grade\nC1,North,10/09/2026,Good\n");
    write(&input, "empty.csv", b"");
    let out = dir.join("out");
    let o = auditpack(&dir, &["-q", "run", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let said = stderr(&o);
    assert!(said.lines().any(|l| l.starts_with("error:") && l.contains("empty.csv")), "{said}");
    assert!(!said.contains("wrote"), "and nothing else: {said}");
}

#[test]
fn last_cycles_packs_and_tables_copied_among_the_exports_are_not_read_again() {
    // An officer copies last cycle's packs and normalised tables into the
    // exports folder without their metrics.json: they are auditpack's own
    // outputs, skipped with a note, and every KPI is as before.
    let dir = scratch("own_outputs");
    let first = dir.join("first");
    let sample = root().join("sample_data");
    let o = auditpack(&dir, &["-q", "run", sample.to_str().unwrap(), "--out", first.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let input = dir.join("in");
    let last = input.join("last-time");
    std::fs::create_dir_all(&last).unwrap();
    let copy = |from: &Path, to: &Path| {
        for e in std::fs::read_dir(from).unwrap().flatten() {
            if e.path().is_file() && e.path().extension().is_some_and(|x| x == "xlsx" || x == "csv") {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    };
    copy(&first, &last);
    copy(&first.join("normalised"), &last);
    let second = dir.join("second");
    let o = auditpack(&dir, &["-q", "run", sample.to_str().unwrap(), last.to_str().unwrap(), "--out", second.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let kpis = |out: &Path| -> serde_json::Value {
        let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
        m["kpis"].clone()
    };
    assert_eq!(kpis(&first), kpis(&second));
    let said = stdout(&auditpack(&dir, &["validate", last.to_str().unwrap()]));
    for name in ["audits.csv", "board-pack.xlsx"] {
        assert!(said.lines().any(|l| l.contains(name) && l.contains("an earlier run wrote")), "{name}: {said}");
    }
}

#[test]
fn what_validate_printed_saved_among_the_exports_is_not_read_as_a_form() {
    // `auditpack validate exports > exports/validate-log.txt`: the saved
    // report is auditpack's own words, skipped with a note; it adds no audit,
    // action or note, and every KPI is as before (review 264's c82).
    let dir = scratch("validate_log_saved");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for e in std::fs::read_dir(root().join("sample_data")).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), input.join(e.file_name())).unwrap();
        }
    }
    let first = dir.join("first");
    let o = auditpack(&dir, &["-q", "run", input.to_str().unwrap(), "--out", first.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let log = stdout(&auditpack(&dir, &["validate", input.to_str().unwrap()]));
    assert!(log.starts_with("auditpack validate: "), "{log}");
    write(&input, "validate-log.txt", log.as_bytes());
    // (Saved from Windows PowerShell, UTF-16 with its byte-order mark; and
    // saved as .csv: review 265's c02.)
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain(log.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    write(&input, "validate-powershell.txt", &utf16);
    write(&input, "validate.csv", log.as_bytes());
    let second = dir.join("second");
    let o = auditpack(&dir, &["-q", "run", input.to_str().unwrap(), "--out", second.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |out: &Path, f: &str| std::fs::read_to_string(out.join(f)).unwrap();
    let m = |out: &Path| serde_json::from_str::<serde_json::Value>(&read(out, "metrics.json")).unwrap()["kpis"].clone();
    assert_eq!(m(&first), m(&second));
    for table in ["normalised/audits.csv", "normalised/actions.csv"] {
        assert_eq!(read(&first, table), read(&second, table), "{table}");
    }
    let said = stdout(&auditpack(&dir, &["validate", input.to_str().unwrap()]));
    for name in ["validate-log.txt", "validate-powershell.txt", "validate.csv"] {
        assert!(said.lines().any(|l| l.contains("skipped") && l.contains(name) && l.contains("auditpack's own outputs")), "{name}: {said}");
    }
}

#[test]
fn a_zip_of_exports_cut_short_is_an_error_naming_it() {
    // A zip archive that cannot be opened (a download stopped halfway)
    // holds files none of which are read: an error and exit 1, not a file
    // passed over with a warning. The other exports are still read.
    use std::io::Write;
    let dir = scratch("zip-cut-short");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut bytes = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        z.start_file("liquidlogic-kss-audits.csv", zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(&std::fs::read(root().join("sample_data/liquidlogic-kss-audits.csv")).unwrap()).unwrap();
        z.finish().unwrap();
    }
    write(&input, "exports.zip", &bytes[..bytes.len() / 2]);
    std::fs::copy(root().join("sample_data/children-legal-status.csv"), input.join("children-legal-status.csv")).unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("exports.zip") && stderr(&o).contains("none of the files inside it are read"), "{}", stderr(&o));
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert!(dq.contains("archive_unreadable"), "{dq}");
    // The legal status beside it was read.
    assert!(std::fs::read_to_string(out.join("normalised/episodes.csv")).unwrap().lines().count() > 100);
}

#[test]
fn an_actions_sheet_with_a_done_tick_and_a_completion_date_is_read() {
    // A Sheets tracker's month tab of one action (blind set 142's ashcombe):
    // "Done?" (a checkbox, TRUE) and "Date completed", both named as the
    // completion and neither naming the action. The reader failed on the
    // whole file ("index out of bounds").
    let dir = scratch("bad-done-tick-and-date");
    write(
        &dir,
        "actions.csv",
        b"Child's ID.,Recommendations for further action,Who By,By When,Date notified,Done?,Date completed,Chaser sent\n\
3310001,Update the plan,Alex Brook,07/09/2026,21/08/2026,TRUE,07/09/2026,FALSE\n",
    );
    let o = auditpack(&dir, &["validate", "actions.csv"]);
    let out = stdout(&o);
    assert!(!out.contains("could not be read") && !out.contains("out of bounds"), "{out}");
    assert!(out.contains("kind: actions"), "{out}");
}
