//! The binary as a user runs it.

use crate::{auditpack, root, scratch, stderr, stdout};

#[test]
fn run_on_sample_data_writes_the_tables() {
    let out = scratch("run-out");
    let o = auditpack(&root(), &["run", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for f in ["audits.csv", "judgements.csv", "actions.csv", "case_notes.csv", "episodes.csv", "data_quality.csv"] {
        let p = out.join("normalised").join(f);
        assert!(p.metadata().map(|m| m.len() > 0).unwrap_or(false), "{f}");
    }
    let err = stderr(&o);
    assert!(err.contains("read =") && err.contains("accepted +"), "{err}");
    let audits = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
    assert_eq!(audits.lines().next().unwrap().split(',').next(), Some("audit_id"));
}

#[test]
fn same_inputs_give_identical_tables() {
    let a = scratch("det-a");
    let b = scratch("det-b");
    // (The second run waits for the disk, `--durable`: the files are the same.)
    for (d, more) in [(&a, None), (&b, Some("--durable"))] {
        let o = auditpack(&root(), &["run", "-q", "--out", d.to_str().unwrap()].into_iter().chain(more).collect::<Vec<_>>());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    for f in ["normalised/audits.csv", "normalised/judgements.csv", "normalised/data_quality.csv", "normalised/case_notes.parquet", "metrics.json"] {
        assert_eq!(std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap(), "{f}");
    }
}

#[test]
fn validate_explains_and_strict_fails_on_rejections() {
    let o = auditpack(&root(), &["validate"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for want in ["header row: 4", "-> child_id", "(question text", "Labels (", "exact", "assumed", "Problems (", "'Good-ish'"] {
        assert!(text.contains(want), "{want} not in validate output");
    }
    let strict = auditpack(&root(), &["validate", "--strict"]);
    assert_eq!(strict.status.code(), Some(3));
}

#[test]
fn bad_files_exit_1_after_reading_the_rest() {
    let dir = scratch("cli-bad");
    std::fs::write(dir.join("good.csv"), b"Child ID,Overall grade\nC1,Good\n").unwrap();
    std::fs::write(dir.join("broken.xlsx"), b"not a zip").unwrap();
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", ".", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("broken.xlsx"), "{}", stderr(&o));
    let audits = std::fs::read_to_string(out.join("normalised/audits.csv")).unwrap();
    assert_eq!(audits.lines().count(), 2, "header + the good file's row");
}

#[test]
fn config_typo_is_a_usage_error() {
    let dir = scratch("cli-config");
    std::fs::write(dir.join("c.toml"), b"[settings]\nnumeric_directoin = \"ofsted\"\n").unwrap();
    let o = auditpack(&root(), &["validate", "--config", dir.join("c.toml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("numeric_directoin"), "{}", stderr(&o));
    assert_eq!(auditpack(&root(), &["run", "--period", "2026-09", "--from", "2026-01-01"]).status.code(), Some(2), "conflicting flags");
}

#[test]
fn generate_is_deterministic() {
    let a = scratch("gen-a");
    let b = scratch("gen-b");
    for d in [&a, &b] {
        let o =
            auditpack(&root(), &["generate", "-q", "--audits", "30", "--children", "20", "--case-notes", "200", "--seed", "7", "--out", d.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    for f in ["twelve-question-audits.xlsx", "liquidlogic-kss-audits.csv", "case-notes.csv"] {
        assert_eq!(std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap(), "{f}");
    }
}

#[test]
fn help_has_examples() {
    for sub in ["run", "validate", "generate", "config"] {
        let o = auditpack(&root(), &[sub, "--help"]);
        assert!(stdout(&o).contains("Example"), "{sub}");
    }
}

#[test]
fn an_empty_folder_is_an_error_and_verbose_explains() {
    let dir = scratch("cli-empty");
    let o = auditpack(&dir, &["run", ".", "--out", "out"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no spreadsheet or text export found"), "{}", stderr(&o));
    let out = scratch("cli-verbose");
    let v = auditpack(&root(), &["run", "-v", "--reports", "board-pack", "--out", out.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0));
    assert!(stderr(&v).contains("-> child_id") && stderr(&v).contains("Problems ("), "{}", stderr(&v));
}

/// The TOML examples of the README, in order.
fn readme_toml() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    readme.split("```toml\n").skip(1).map(|b| b[..b.find("```").unwrap()].to_string()).collect()
}

#[test]
fn the_readme_config_examples_are_valid() {
    let blocks = readme_toml();
    assert!(blocks.len() >= 2, "the config example and the pinning example");
    for b in blocks {
        let parsed = auditpack::normalise::Config::parse(&b);
        assert!(parsed.is_ok(), "{parsed:?}\n{b}");
    }
}

#[test]
fn the_readme_pinning_example_pins_on_the_seed_000_export() {
    let block = readme_toml().into_iter().find(|b| b.contains("council.toml")).expect("the pinning example");
    let dir = scratch("readme-pin");
    std::fs::write(dir.join("council.toml"), &block).unwrap();
    let fixture = root().join("tests/fixtures/seeds/000_learning_audit_xlsx");
    let o = auditpack(&dir, &["validate", fixture.to_str().unwrap(), "--config", "council.toml"]);
    let out = crate::stdout(&o);
    for (header, field) in [("Status of Case/Child’s Legal Status", "case_type"), ("Grade:", "moderated_overall"), ("Is this an example of good", "ignored")]
    {
        let line = out.lines().find(|l| l.trim_start().starts_with(header)).unwrap_or_else(|| panic!("{header} in\n{out}"));
        assert!(line.contains(&format!("-> {field}")) && line.contains("(config; score 1000)"), "{line}");
    }
}

#[test]
fn sample_data_is_what_generate_makes() {
    let out = scratch("regen");
    let o = auditpack(&root(), &["generate", "-q", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    fn files(dir: &std::path::Path, base: &std::path::Path, acc: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                files(&p, base, acc);
            } else {
                acc.push(p.strip_prefix(base).unwrap().to_string_lossy().to_string());
            }
        }
    }
    let (mut made, mut shipped) = (vec![], vec![]);
    files(&out, &out, &mut made);
    files(&root().join("sample_data"), &root().join("sample_data"), &mut shipped);
    made.sort();
    shipped.sort();
    assert_eq!(made, shipped);
    for f in &made {
        assert_eq!(
            std::fs::read(out.join(f)).unwrap(),
            std::fs::read(root().join("sample_data").join(f)).unwrap(),
            "{f} differs: run `auditpack generate --out sample_data`"
        );
    }
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    // `auditpack validate -v … | head -1`: the pipe closes while the report is
    // written (it is far longer than a pipe holds).
    use std::io::Read;
    let dir = scratch("broken-pipe");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    for i in 0..200 {
        std::fs::write(dir.join(format!("in/f{i}.csv")), format!("Child ID,Team,Date completed,Overall grade,Col{i}\nC1,North,01/09/2026,Good,x\n")).unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_auditpack"))
        .current_dir(&dir)
        .args(["validate", "-v", "in"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{err}");
    assert_ne!(o.status.code(), Some(101), "no panic exit");
}

#[test]
fn a_full_disk_on_standard_output_is_an_error() {
    let Ok(full) = std::fs::File::create("/dev/full") else { return };
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_auditpack")).arg("config").stdout(full).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot write to standard output"), "{}", stderr(&o));
}

#[test]
fn an_as_of_date_before_the_period_is_a_warning_on_the_terminal_and_in_data_quality() {
    // Stranger review 25, case 53: `--period 2026-09 --as-of 2026-08-01` ran
    // with exit 0 and no word, its on-time figures empty.
    let out = scratch("as-of-before");
    let o = auditpack(&root(), &["run", "--period", "2026-09", "--as-of", "2026-08-01", "--out", out.to_str().unwrap(), "--reports", "board-pack"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let said = "--as-of 2026-08-01 is before the period starts (2026-09-01): nothing in the period is due by then";
    assert!(stderr(&o).contains(&format!("warning: {said}")), "{}", stderr(&o));
    let dq = std::fs::read_to_string(out.join("normalised/data_quality.csv")).unwrap();
    assert!(dq.contains("as_of_before_period") && dq.contains(said), "{dq}");
    // In the period, or left out: no warning.
    for args in [&["--as-of", "2026-09-15"][..], &[]] {
        let o = auditpack(&root(), &[&["run", "--period", "2026-09", "--out", out.to_str().unwrap(), "--reports", "board-pack"][..], args].concat());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(!stderr(&o).contains("as_of") && !stderr(&o).contains("before the period starts"), "{}", stderr(&o));
    }
}

#[test]
fn an_out_that_is_a_file_is_a_usage_error() {
    // Stranger review 25, case 58b: `--out report.txt` (a file) read every
    // export, then stopped with "File exists (os error 17)", exit 1.
    let dir = scratch("out-is-a-file");
    std::fs::write(dir.join("report.txt"), "my notes").unwrap();
    for (out, said) in [
        ("report.txt", "--out must be a folder: report.txt is a file"),
        ("report.txt/packs", "--out must be a folder: report.txt is a file, so the folder report.txt/packs cannot be made"),
    ] {
        let o = auditpack(&dir, &["run", root().join("sample_data").to_str().unwrap(), "--out", out, "--period", "2026-09"]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains(said), "{}", stderr(&o));
        assert!(!stderr(&o).contains("auditpack run: read"), "refused before reading: {}", stderr(&o));
    }
    assert_eq!(std::fs::read_to_string(dir.join("report.txt")).unwrap(), "my notes");
}

#[test]
fn an_out_whose_tables_folder_links_elsewhere_is_a_usage_error() {
    // Stranger review 37: out/normalised linked to another folder had every
    // table written there, outside --out.
    let dir = scratch("out-link");
    let elsewhere = dir.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::create_dir_all(dir.join("out")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.join("out/normalised")).unwrap();
    let o = auditpack(&dir, &["run", root().join("sample_data").to_str().unwrap(), "--out", "out", "--period", "2026-09"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("holds 'normalised', a link to another place"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0, "nothing written through the link");
}
