//! The commands, from parsed arguments to exit code. Progress and summaries go
//! to stderr; `validate`'s report to stdout.

use crate::analyse;
use crate::calendar::Calendar;
use crate::cli::{Cli, Command, GenerateArgs, InputArgs, RunArgs};
use crate::normalise::{self, Config, Normalised, Severity};
use crate::output::{printable, Durability, Staged};
use crate::render;
use chrono::NaiveDate;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub const EXIT_OK: i32 = 0;
pub const EXIT_ERROR: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_REJECTED: i32 = 3;

/// Runs a parsed command line; returns the exit code.
pub fn main(cli: Cli) -> i32 {
    let quiet = cli.quiet;
    let verbose = cli.verbose;
    let result = match cli.command {
        Command::Run(args) => run(&args, quiet, verbose),
        Command::Validate(args) => validate(&args.input, quiet, verbose > 0),
        Command::Generate(args) => generate(&args, quiet),
        Command::Config(args) if args.fields => to_stdout(&normalise::pins::fields_help(&Config::defaults())).map(|()| EXIT_OK),
        Command::Config(_) => to_stdout(normalise::config::DEFAULTS_TOML).map(|()| EXIT_OK),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", printable(&format!("{e:#}")));
            e.downcast_ref::<UsageError>().map(|_| EXIT_USAGE).unwrap_or(EXIT_ERROR)
        }
    }
}

/// A problem with the arguments (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

fn inputs_or_default(input: &InputArgs) -> Vec<PathBuf> {
    if input.inputs.is_empty() {
        vec![PathBuf::from("sample_data")]
    } else {
        input.inputs.clone()
    }
}

fn load_config(input: &InputArgs) -> anyhow::Result<Config> {
    let config = Config::load(input.config.as_deref()).map_err(|e| UsageError(e.to_string()))?;
    normalise::pins::check_fields(&config).map_err(|e| UsageError(format!("config: {e}")))?;
    Ok(config)
}

/// A `[[sources]]` pin that matches no input or no column is a usage error.
fn check_pins(config: &Config, n: &Normalised) -> anyhow::Result<()> {
    normalise::pins::check_against_inputs(config, &n.tables).map_err(|e| UsageError(format!("config: {e}")).into())
}

/// Reads and normalises, with a progress line on a terminal. `out`: the run's
/// `--out` folder, never read as exports.
pub fn read_inputs(input: &InputArgs, out: Option<&Path>, config: &Config, quiet: bool) -> Normalised {
    let inputs = inputs_or_default(input);
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new(0);
        pb.set_style(indicatif::ProgressStyle::with_template("{spinner} reading {pos}/{len} files ({elapsed})  {wide_msg}").expect("valid template"));
        // Keeps moving while one large file (millions of case notes) is read.
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        pb
    });
    let mut progress = |done: usize, total: usize, file: &str| {
        if let Some(pb) = &bar {
            pb.set_length(total as u64);
            pb.set_position(done as u64);
            pb.set_message(printable(file).into_owned());
        }
    };
    let n = normalise::normalise_inputs_except(&inputs, out, config, &mut progress);
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    n
}

fn exit_code(n: &Normalised, strict: bool) -> i32 {
    if n.has_errors() {
        EXIT_ERROR
    } else if strict && !n.strict_problems().is_empty() {
        eprintln!("--strict: {} (set-asides by design do not count)", n.strict_problems().join(", "));
        EXIT_REJECTED
    } else {
        EXIT_OK
    }
}

/// One table's rows: "98 read = 96 accepted + 2 set aside (1 blank row, 1
/// duplicate row) + 0 rejected".
pub fn reconciliation(t: &normalise::TableReport) -> String {
    let why = |m: &std::collections::BTreeMap<String, u64>| {
        let r: Vec<String> = m.iter().map(|(r, c)| format!("{c} {r}")).collect();
        if r.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.join(", "))
        }
    };
    format!(
        "{} read = {} accepted + {} set aside{} + {} rejected{}",
        t.rows_read,
        t.rows_accepted,
        t.rows_set_aside,
        why(&t.set_aside_by_reason),
        t.rows_rejected,
        why(&t.rejected_by_reason)
    )
}

/// The summary on stderr: per file and sheet, rows read = accepted + set aside + rejected.
/// The run's errors (a file that could not be read), a line each.
fn error_lines(n: &Normalised, indent: &str) -> String {
    n.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{indent}error: {}{}: {}\n", f.file, f.sheet.as_ref().map(|x| format!(" [{x}]")).unwrap_or_default(), f.action))
        .collect()
}

pub fn summary(n: &Normalised) -> String {
    let mut s = String::new();
    for t in &n.tables {
        let place = match &t.sheet {
            Some(sh) => format!("{} [{}]", t.file, sh),
            None => t.file.clone(),
        };
        s.push_str(&format!("  {place}: {} — {}\n", t.kind.as_str(), reconciliation(t)));
    }
    s.push_str(&error_lines(n, "  "));
    // Gaps that change what a KPI counts (METRICS.md "Missing inputs"), grouped:
    // one line per reason, naming every KPI and file it concerns.
    let mut absent: Vec<(String, Vec<String>)> = Vec::new();
    let mut left_out: Vec<((String, String), Vec<String>)> = Vec::new();
    for f in &n.findings {
        match f.code {
            "kpi_not_in_source" => {
                let reason = f.action.split_once(&format!(": {} is not", f.value)).map(|(r, _)| r.to_string()).unwrap_or_else(|| f.action.clone());
                match absent.iter_mut().find(|(r, _)| *r == reason) {
                    Some((_, kpis)) => kpis.push(f.value.clone()),
                    None => absent.push((reason, vec![f.value.clone()])),
                }
            }
            "field_not_in_table" => {
                let (head, kpis) = f.action.split_once(" are left out of ").unwrap_or((&f.action, ""));
                let count = head.rsplit_once(": its ").map(|(_, c)| c).unwrap_or("");
                let place = format!("{}{} ({count})", f.file, f.sheet.as_ref().map(|x| format!(" [{x}]")).unwrap_or_default());
                let key = (f.value.replace(" / ", " or "), kpis.to_string());
                match left_out.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, files)) => files.push(place),
                    None => left_out.push((key, vec![place])),
                }
            }
            _ => {}
        }
    }
    for (reason, kpis) in absent {
        s.push_str(&format!("  warning: not in the exports: {} ({reason})\n", kpis.join(", ")));
    }
    for ((fields, kpis), files) in left_out {
        s.push_str(&format!("  warning: no column for {fields} in {}: those records are left out of {kpis}\n", files.join(", ")));
    }
    let shown = ["agreement_not_recorded", "notes_end_early", "notes_start_late", "audits_end_early", "out_inside_input", "as_of_before_period"];
    for f in n.findings.iter().filter(|f| shown.contains(&f.code)) {
        let place = format!("{}{}: ", f.file, f.sheet.as_ref().map(|x| format!(" [{x}]")).unwrap_or_default());
        s.push_str(&format!("  warning: {}{}\n", if f.file.is_empty() { "" } else { &place }, f.action));
    }
    let m = &n.model;
    s.push_str(&format!(
        "  total: {} audits, {} actions, {} case notes, {} legal-status episodes; {} findings\n",
        m.audits.len(),
        m.actions.len(),
        m.case_notes.len(),
        m.episodes.len(),
        n.findings.len()
    ));
    s
}

/// `--out` must be a folder: a file of that name (or one in its path) is a
/// usage error, said as such before anything is read, where it was "File
/// exists (os error 17)" once every file had been read.
fn out_is_a_folder(out: &Path) -> anyhow::Result<()> {
    // A folder auditpack writes into that is a link to elsewhere (an earlier
    // `--out`'s "normalised" linked to a shared drive) would have the tables
    // written there, outside --out.
    for sub in ["normalised", "charts", "teams"] {
        let p = out.join(sub);
        if std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(UsageError(format!(
                "--out {} holds '{sub}', a link to another place: auditpack writes only inside --out. Remove the link, or choose another --out",
                out.display()
            ))
            .into());
        }
    }
    let mut at = Some(out);
    while let Some(p) = at.filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(m) = std::fs::metadata(p) {
            return match (m.is_dir(), p == out) {
                (true, _) => Ok(()),
                (false, true) => Err(UsageError(format!("--out must be a folder: {} is a file. Name a folder (a new one is made)", out.display())).into()),
                (false, false) => {
                    Err(UsageError(format!("--out must be a folder: {} is a file, so the folder {} cannot be made", p.display(), out.display())).into())
                }
            };
        }
        at = p.parent();
    }
    Ok(())
}

/// The `--out` folder against the input folders. The same folder as an input
/// is a usage error: the packs would be written among the exports. Inside one
/// is a warning: the run does not read it (nor any folder holding an earlier
/// run's metrics.json), but packs kept among the exports are easily taken for
/// exports, by people and by other tools.
fn out_against_inputs(out: &Path, inputs: &[PathBuf]) -> anyhow::Result<Vec<normalise::Finding>> {
    let at = crate::ingest::resolved(out);
    let mut warnings = Vec::new();
    for input in inputs.iter().filter(|i| i.is_dir()) {
        let dir = crate::ingest::resolved(input);
        if at == dir {
            return Err(UsageError(format!(
                "--out {} is the input folder {}: the packs and tables would be written among the exports. Choose a folder outside the exports, e.g. --out packs beside them",
                out.display(),
                input.display()
            ))
            .into());
        }
        if at.starts_with(&dir) {
            warnings.push(normalise::Finding {
                severity: Severity::Warning,
                code: "out_inside_input",
                file: String::new(),
                sheet: None,
                row: None,
                column: None,
                value: out.display().to_string(),
                action: format!(
                    "the --out folder {} is inside the input folder {}: it is not read as exports (nor is any folder holding the metrics.json of a run), but packs kept among the exports are easily taken for them; a folder outside the exports is safer",
                    out.display(),
                    input.display()
                ),
            });
        }
    }
    Ok(warnings)
}

/// Outside the repository there is no sample_data/: say how to name the exports.
fn check_default_inputs(input: &InputArgs) -> anyhow::Result<()> {
    if input.inputs.is_empty() && !Path::new("sample_data").exists() {
        return Err(UsageError(
            "no exports given. Name the folder (or files) holding your audit exports, action logs and case notes, e.g.\n  \
             auditpack validate exports/\n  auditpack run exports/ --out packs/\n\
             (with no inputs auditpack reads sample_data/, which is not in this folder)"
                .into(),
        )
        .into());
    }
    Ok(())
}

/// The files written, for the run summary: each file at the top of OUT/, and a
/// count for each folder below it ("24 files in out/charts/").
pub fn written_summary(out: &Path, written: &[PathBuf]) -> String {
    let mut top = Vec::new();
    let mut folders: std::collections::BTreeMap<PathBuf, usize> = std::collections::BTreeMap::new();
    for w in written {
        let rel = w.strip_prefix(out).unwrap_or(w);
        match rel.components().next().filter(|_| rel.components().count() > 1) {
            Some(first) => *folders.entry(out.join(first)).or_default() += 1,
            None => top.push(w.display().to_string()),
        }
    }
    let mut s = String::new();
    for t in top {
        s.push_str(&format!("    {t}\n"));
    }
    for (dir, n) in folders {
        s.push_str(&format!("    {n} files in {}/\n", dir.display()));
    }
    s
}

fn run(args: &RunArgs, quiet: bool, verbose: u8) -> anyhow::Result<i32> {
    check_default_inputs(&args.input)?;
    let config = load_config(&args.input)?;
    if let Some(dir) = &args.templates {
        render::html::check_templates(dir).map_err(UsageError)?;
    }
    out_is_a_folder(&args.out)?;
    let out_warnings = out_against_inputs(&args.out, &inputs_or_default(&args.input))?;
    let mut n = read_inputs(&args.input, Some(&args.out), &config, quiet);
    n.findings.extend(out_warnings);
    check_pins(&config, &n)?;
    if n.tables.is_empty() && n.failed_files.is_empty() {
        let shown: Vec<String> = inputs_or_default(&args.input).iter().map(|p| p.display().to_string()).collect();
        // (What was found and not read, and why: an earlier run's outputs, a
        // PDF, an archive that could not be opened.)
        let outputs: Vec<String> = n
            .skipped
            .iter()
            .filter(|s| s.reason.starts_with(crate::ingest::OUTPUT_FOLDER) || s.may_hold_records())
            .map(|s| format!("; not read: {} ({})", s.path, s.reason))
            .collect();
        eprintln!(
            "error: no spreadsheet or text export found in {} (read: .xlsx .xlsm .xlsb .xls .ods .csv .tsv .txt .docx .docm, and .zip archives and saved e-mails (.eml) holding them){}",
            printable(&shown.join(", ")),
            printable(&outputs.concat())
        );
        return Ok(EXIT_ERROR);
    }
    if verbose > 0 && !quiet {
        // The validate report: how every table was read, and every finding.
        eprint!("{}", printable(&render::validate::report(&n, &config, true)));
    }
    let names = |id: &str| config.domains.iter().find(|d| d.id == id).map(|d| d.name.clone()).unwrap_or_else(|| id.to_string());
    let dir = args.out.join("normalised");
    let cal = calendar(&config)?;
    let chosen = resolve_params(args, &n, &config)?;
    if let Some((p, _)) = &chosen {
        cal.covers(p.period.from, p.period.to.max(p.as_of)).map_err(|e| anyhow::anyhow!("period {}: {e}", p.period.label()))?;
    }
    if let Some((p, _)) = &chosen {
        n.findings.extend(analyse::notes_end_warning(n.notes_end, &p.period, p.as_of));
        n.findings.extend(analyse::notes_start_warning(&n.model, n.notes_start, &p.period, p.as_of));
        n.findings.extend(analyse::audits_end_warning(n.audits_end, &p.period));
        n.findings.extend(analyse::fields_before_period(&n, &config, &cal, &p.period));
        n.findings.extend(analyse::audits_after_period(&n.model, &p.period, crate::calendar::today()));
        n.findings.extend(analyse::moderations_after_as_of(&n.model, &p.period, p.as_of));
        n.findings.extend(analyse::below_good_unbanded(&n.model, &p.period));
        n.findings.extend(analyse::notes_after_as_of(&n.model, &p.period, p.as_of));
        n.findings.extend(analyse::not_yet_due(&n, &config, &cal, &p.period, p.as_of));
        n.findings.extend(analyse::actions_outside_calendar(&n.model, &cal, config.settings.action_working_days));
        n.findings.extend(as_of_before_period(args, &p.period, p.as_of));
    }
    let (params, choice) = match chosen {
        Some((p, c)) => (Some(p), Some(c)),
        None => (None, None),
    };
    let no_team = Counts::without_team(&n.model);
    let no_team_records = !no_team.is_empty();
    let team_arg = match &args.team {
        Some(t) if t == analyse::NOT_RECORDED && no_team_records => Some(t.clone()),
        Some(t) => {
            Some(n.model.team_named(t).ok_or_else(|| UsageError(format!("--team '{t}' is not a team in the inputs (teams: {})", n.model.teams().join(", "))))?)
        }
        None => None,
    };
    let reports = report_kinds(&args.reports)?;
    let mut written: Vec<PathBuf> = Vec::new();
    let mut failed: Vec<String> = Vec::new();
    let with_choice = |mut m: analyse::Metrics| {
        m.period_choice = choice.clone();
        m
    };
    // Every file is written under a temporary name first; the last run's
    // files are replaced only once all of this run's are written.
    let staged = Staged::new(durability(args));
    // The normalised tables are written on other cores while the analysis runs.
    let metrics = std::thread::scope(|s| -> anyhow::Result<_> {
        let tables = s.spawn(|| write_normalised(&n, &names, &dir, args, params.as_ref(), &staged));
        let metrics = match (&params, &team_arg) {
            (Some(p), Some(team)) => Some(with_choice(analyse::analyse(&for_team(&n, team), &config, &cal, p))),
            (Some(p), None) => Some(with_choice(analyse::analyse(&n, &config, &cal, p))),
            (None, _) => None,
        };
        if let Some(m) = &metrics {
            let counts = Counts::of(&team_arg.as_deref().map(|t| for_team(&n, t).model).unwrap_or_default());
            written.extend(write_packs(&args.out, m, &reports, team_arg.as_deref(), counts, no_team, args, &mut failed, &staged)?);
            if args.per_team {
                let p = params.as_ref().expect("metrics imply params");
                let mut teams = n.model.teams();
                if !no_team.is_empty() {
                    teams.push(analyse::NOT_RECORDED.to_string());
                }
                let folders = team_folders(&teams);
                for team in teams {
                    let part = for_team(&n, &team);
                    let tm = with_choice(analyse::analyse(&part, &config, &cal, p));
                    let dir = args.out.join("teams").join(&folders[&team]);
                    written.extend(write_packs(&dir, &tm, &reports, Some(&team), Counts::of(&part.model), no_team, args, &mut failed, &staged)?);
                }
            }
        }
        tables.join().map_err(|_| anyhow::anyhow!("writing the normalised tables stopped"))??;
        Ok(metrics)
    })
    .map_err(|e| anyhow::anyhow!("{e:#}. No file in {} was replaced: what it holds is the last run's, as it was", args.out.display()))?;
    staged.commit().map_err(|e| anyhow::anyhow!("cannot put this run's files in place in {}: {e}", args.out.display()))?;
    if !quiet {
        eprintln!("auditpack run: read {} tables from {} inputs", n.tables.len(), inputs_or_default(&args.input).len());
        eprint!("{}", printable(&summary(&n)));
        eprintln!("  wrote {}/ (audits, judgements, actions, case_notes, episodes, data_quality)", dir.display());
        for (table, rows) in too_long_for_excel(&n) {
            eprintln!(
                "  note: {table}.csv has {rows} rows; Excel opens only the first {}. Power BI and DuckDB read them all, from the CSV or from {table}.parquet",
                EXCEL_ROWS - 1
            );
        }
        match &metrics {
            Some(m) => {
                if let Some(c) = &m.period_choice {
                    eprintln!("  period {} ({} to {}), as at {}: {}", m.period.label, m.period.from, m.period.to, m.as_of, c.reason);
                }
                eprintln!("  {} (as at {}): wrote {} files", m.period.label, m.as_of, written.len());
                eprint!("{}", written_summary(&args.out, &written));
                if let Some(note) = no_team_note(no_team) {
                    let pack = if args.per_team {
                        format!(" Their own pack: {}/", args.out.join("teams").join(slug(analyse::NOT_RECORDED)).display())
                    } else {
                        String::new()
                    };
                    eprintln!("  {note}{pack}");
                }
            }
            None => eprintln!("  no metrics.json or packs: no audit or case-note dates to choose a period from; give --period"),
        }
    } else {
        // (`-q` prints only errors: a file that could not be read is one.)
        eprint!("{}", printable(&error_lines(&n, "")));
    }
    for f in &failed {
        eprintln!("error: {}", printable(f));
    }
    Ok(if failed.is_empty() { exit_code(&n, args.input.strict) } else { EXIT_ERROR })
}

/// How the run's files are written (`--durable`: each on the disk before it is renamed into place).
fn durability(args: &RunArgs) -> Durability {
    if args.durable {
        Durability::Synced
    } else {
        Durability::Renamed
    }
}

/// Rows in an Excel sheet, the header row included.
const EXCEL_ROWS: usize = 1_048_576;

/// The normalised tables with more rows than an Excel sheet holds.
fn too_long_for_excel(n: &Normalised) -> Vec<(&'static str, usize)> {
    let m = &n.model;
    let judgements = m.audits.iter().map(render::normalised::judgement_rows).sum();
    [
        ("audits", m.audits.len()),
        ("judgements", judgements),
        ("actions", m.actions.len()),
        ("case_notes", m.case_notes.len()),
        ("episodes", m.episodes.len()),
        ("data_quality", n.findings.len()),
    ]
    .into_iter()
    .filter(|&(_, rows)| rows >= EXCEL_ROWS)
    .collect()
}

/// The normalised tables as CSV and as Parquet; with `--partition`, the Parquet
/// files hive-style (`<table>/council=…/period=…/part-0.parquet`), so several
/// councils' outputs can be queried as one dataset.
fn write_normalised(
    n: &Normalised,
    names: &(dyn Fn(&str) -> String + Sync),
    dir: &Path,
    args: &RunArgs,
    params: Option<&analyse::Params>,
    staged: &Staged,
) -> anyhow::Result<()> {
    use render::normalised::{all, write_table, Format};
    let partition = match (args.partition, &args.council) {
        (true, Some(council)) => {
            let period = match params {
                Some(p) if p.period.is_bimonthly() => p.period.from.format("%Y-%m").to_string(),
                Some(p) => format!("{}_{}", p.period.from, p.period.to),
                None => "undated".to_string(),
            };
            Some(format!("council={}/period={period}", slug(council)))
        }
        _ => None,
    };
    // One thread per format: the CSV and Parquet files are written side by side.
    std::thread::scope(|s| {
        let jobs: Vec<_> = [Format::Csv, Format::Parquet]
            .into_iter()
            .map(|format| {
                let partition = &partition;
                s.spawn(move || -> anyhow::Result<()> {
                    for (name, table) in all(n, names) {
                        let stem = name.trim_end_matches(".csv");
                        let path = match (partition, format) {
                            (Some(p), Format::Parquet) => dir.join(stem).join(p).join("part-0.parquet"),
                            _ => dir.join(format!("{stem}.{}", format.extension())),
                        };
                        staged.write_with(&path, |w| write_table(table, format, w)).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
                    }
                    Ok(())
                })
            })
            .collect();
        jobs.into_iter().try_for_each(|j| j.join().map_err(|_| anyhow::anyhow!("writing the normalised tables stopped"))?)
    })
}

/// One team's part of what was read ("(not recorded)": the records with no
/// team). The tables read stay whole, so a team pack still says what its
/// numbers rest on; findings about rows are kept only for that team's rows
/// (another team's rows never show in its pack), findings about whole files
/// and sheets are kept.
fn for_team(n: &Normalised, team: &str) -> Normalised {
    let model = if team == analyse::NOT_RECORDED { without_team(&n.model) } else { n.model.for_team(team) };
    let mut rows: std::collections::HashSet<(&str, Option<&str>, u32)> = std::collections::HashSet::new();
    rows.extend(model.audits.iter().map(|a| (a.origin.file.as_str(), a.origin.sheet.as_deref(), a.origin.row)));
    rows.extend(model.actions.iter().map(|a| (a.origin.file.as_str(), a.origin.sheet.as_deref(), a.origin.row)));
    rows.extend(model.episodes.iter().map(|e| (e.origin.file.as_str(), e.origin.sheet.as_deref(), e.origin.row)));
    rows.extend(model.case_notes.iter().map(|c| model.note_place(c.source)).zip(&model.case_notes).map(|((file, sheet), c)| (file, sheet, c.row)));
    let findings = n
        .findings
        .iter()
        .filter(|f| match f.row {
            None => true,
            Some(r) => rows.contains(&(f.file.as_str(), f.sheet.as_deref(), r)),
        })
        .cloned()
        .collect();
    drop(rows);
    Normalised {
        model,
        tables: n.tables.clone(),
        findings,
        unmakeable: n.unmakeable.clone(),
        notes_end: n.notes_end,
        notes_start: n.notes_start,
        audits_end: n.audits_end,
        ..Default::default()
    }
}

fn blank(t: &Option<String>) -> bool {
    t.as_deref().is_none_or(|t| t.trim().is_empty())
}

/// Which interned texts are blank (a case note's team among them has none
/// recorded): looked up once per text, not once per note.
fn blank_texts(m: &normalise::Model) -> Vec<bool> {
    m.strings.iter().map(|t| t.trim().is_empty()).collect()
}

/// Whether a case note has no team recorded, given [`blank_texts`].
fn note_without_team(blank: &[bool], c: &normalise::CaseNote) -> bool {
    blank.get(c.team as usize).copied().unwrap_or(true)
}

/// The records with no team recorded (an action takes its audit's team when linked).
fn without_team(m: &normalise::Model) -> normalise::Model {
    let audits: Vec<normalise::Audit> = m.audits.iter().filter(|a| blank(&a.team)).cloned().collect();
    normalise::Model {
        audit_ids: audits.iter().map(|a| (a.id.clone(), a.origin.clone())).collect(),
        audits,
        actions: m.actions.iter().filter(|a| blank(&a.team)).cloned().collect(),
        // Moderation logs are linked to their audits when read (as in Model::for_team).
        moderations: Vec::new(),
        row_keys: Default::default(),
        code_key: m.code_key.clone(),
        family_groups: m.family_groups.clone(),
        case_notes: {
            let blank_ids = blank_texts(m);
            m.case_notes.iter().filter(|c| note_without_team(&blank_ids, c)).cloned().collect()
        },
        episodes: m.episodes.iter().filter(|e| blank(&e.team)).cloned().collect(),
        strings: m.strings.clone(),
        children: m.children.clone(),
        ..Default::default()
    }
}

/// Records in a model: audits, actions, case notes, legal-status episodes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub audits: usize,
    pub actions: usize,
    pub case_notes: usize,
    pub episodes: usize,
}

impl Counts {
    fn of(m: &normalise::Model) -> Counts {
        Counts { audits: m.audits.len(), actions: m.actions.len(), case_notes: m.case_notes.len(), episodes: m.episodes.len() }
    }

    /// Those of [`without_team`], counted without making that model.
    fn without_team(m: &normalise::Model) -> Counts {
        let blank_ids = blank_texts(m);
        Counts {
            audits: m.audits.iter().filter(|a| blank(&a.team)).count(),
            actions: m.actions.iter().filter(|a| blank(&a.team)).count(),
            case_notes: m.case_notes.iter().filter(|c| note_without_team(&blank_ids, c)).count(),
            episodes: m.episodes.iter().filter(|e| blank(&e.team)).count(),
        }
    }

    fn is_empty(self) -> bool {
        self == Counts::default()
    }
}

/// A team pack's own basis: its records, out of the council's.
fn team_basis(team: &str, inputs: &[analyse::InputOut], c: Counts) -> String {
    let accepted: u64 = inputs.iter().map(|i| i.rows_accepted).sum();
    format!(
        "This pack covers {team} only: {} audits, {} actions, {} case notes and {} legal-status episodes, out of the {accepted} rows accepted for all teams",
        c.audits, c.actions, c.case_notes, c.episodes
    )
}

/// The all-teams pack's note on records with no team.
fn no_team_note(c: Counts) -> Option<String> {
    (c.audits + c.actions > 0).then(|| {
        format!(
            "{} audits and {} actions have no team recorded: they count in the all-teams figures and appear as '{}' in the team breakdowns.",
            c.audits,
            c.actions,
            analyse::NOT_RECORDED
        )
    })
}

fn report_kinds(names: &[String]) -> anyhow::Result<Vec<render::doc::ReportKind>> {
    if names.is_empty() {
        return Ok(render::doc::ReportKind::ALL.to_vec());
    }
    names
        .iter()
        .map(|n| {
            render::doc::ReportKind::parse(n).ok_or_else(|| {
                let known: Vec<&str> = render::doc::ReportKind::ALL.iter().map(|k| k.slug()).collect();
                UsageError(format!("--reports: '{n}' is not a report (choose from {})", known.join(", "))).into()
            })
        })
        .collect()
}

/// A folder name for a team: letters and digits joined by "-", at most 60
/// characters, never "." or ".." or empty, so nothing is written outside
/// `--out/teams/`.
fn slug(team: &str) -> String {
    let s: String = team.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    let s: String = s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-").chars().take(60).collect();
    let s = s.trim_end_matches('-').to_string();
    // Names Windows keeps for devices cannot be folders there.
    let reserved = ["con", "prn", "aux", "nul"].contains(&s.as_str())
        || (s.len() == 4 && (s.starts_with("com") || s.starts_with("lpt")) && s.as_bytes()[3].is_ascii_digit());
    if s.is_empty() {
        "team".into()
    } else if reserved {
        format!("{s}-team")
    } else {
        s
    }
}

/// Each team's folder: its slug, with "-2", "-3" … when two teams would share
/// one ("CP North" and "cp north", or "A/B" and "A B"). Case-insensitive, as
/// Windows and macOS file systems are.
pub fn team_folders(teams: &[String]) -> std::collections::BTreeMap<String, String> {
    let mut used = std::collections::HashSet::new();
    let mut out = std::collections::BTreeMap::new();
    for t in teams {
        let base = slug(t);
        let mut name = base.clone();
        let mut n = 2;
        while !used.insert(name.to_lowercase()) {
            name = format!("{base}-{n}");
            n += 1;
        }
        out.insert(t.clone(), name);
    }
    out
}

/// metrics.json, each report as XLSX and HTML, and each chart as SVG. A report
/// that cannot be built is named in `failed` and the others are still written.
#[allow(clippy::too_many_arguments)]
fn write_packs(
    dir: &Path,
    m: &analyse::Metrics,
    reports: &[render::doc::ReportKind],
    team: Option<&str>,
    counts: Counts,
    no_team: Counts,
    args: &RunArgs,
    failed: &mut Vec<String>,
    staged: &Staged,
) -> anyhow::Result<Vec<PathBuf>> {
    // Suppression is one pass over the metrics, before any renderer runs.
    let hidden = args.suppress.map(|n| analyse::suppress::suppressed(m, n));
    let m = hidden.as_ref().unwrap_or(m);
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![(dir.join("metrics.json"), render::json::metrics_json(m))];
    let opts = render::doc::Options {
        scope: team.map(str::to_string),
        basis: team.map(|t| team_basis(t, &m.inputs, counts)),
        no_team: if team.is_none() { no_team_note(no_team) } else { None },
    };
    for &kind in reports {
        // A renderer that fails, or panics, on some data costs that report only.
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let doc = render::doc::build(m, kind, &opts);
            let xlsx = render::xlsx::render(&doc).map_err(|e| format!("{}.xlsx: {e}", kind.slug()));
            let html = render::html::render(&doc, args.templates.as_deref()).map_err(|e| format!("{}.html: {e}", kind.slug()));
            let mut charts = Vec::new();
            for s in &doc.sections {
                for c in &s.charts {
                    charts.push((dir.join("charts").join(format!("{}-{}.svg", kind.slug(), c.id)), render::charts::svg(c).into_bytes()));
                }
            }
            (xlsx, html, charts)
        }));
        match built {
            Ok((xlsx, html, charts)) => {
                for (ext, r) in [("xlsx", xlsx), ("html", html)] {
                    match r {
                        Ok(bytes) => files.push((dir.join(format!("{}.{ext}", kind.slug())), bytes)),
                        Err(e) => failed.push(format!("cannot build {}/{e}", dir.display())),
                    }
                }
                files.extend(charts);
            }
            Err(_) => failed.push(format!("cannot build {}/{} (the renderer failed; the other reports were written)", dir.display(), kind.slug())),
        }
    }
    for (path, bytes) in &files {
        staged.write(path, bytes).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// An `--as-of` date before the period starts: nothing in the period is due
/// by then, so its on-time and visit figures are empty, and what is overdue
/// is what was overdue on that day. Allowed (README and METRICS.md set no
/// rule against it: a date inside the period is how a report is made part way
/// through), but said, on the terminal and in `data_quality`: it is more
/// likely a slip ("2026-08-01" for "2026-10-01").
fn as_of_before_period(args: &RunArgs, period: &analyse::Period, as_of: NaiveDate) -> Option<normalise::Finding> {
    (args.as_of.is_some() && as_of < period.from).then(|| normalise::Finding {
        severity: Severity::Warning,
        code: "as_of_before_period",
        file: String::new(),
        sheet: None,
        row: None,
        column: Some("--as-of".into()),
        value: as_of.to_string(),
        action: format!(
            "--as-of {as_of} is before the period starts ({}): nothing in the period is due by then, so the on-time and visit figures are empty, and the overdue actions are those overdue on {as_of}. Give a date in the period or after it, or leave --as-of out (the period's last day, or today if earlier)",
            period.from
        ),
    })
}

fn date_arg(flag: &str, value: &str) -> anyhow::Result<NaiveDate> {
    crate::ingest::parse_date(value).ok_or_else(|| UsageError(format!("{flag} '{value}' is not a date (use 2026-09-30 or 30/09/2026)")).into())
}

/// The period and as-of date from the arguments, else from the data (METRICS.md
/// "Default period and as_of (revised)"), and why.
fn resolve_params(args: &RunArgs, n: &Normalised, config: &Config) -> anyhow::Result<Option<(analyse::Params, analyse::PeriodChoice)>> {
    let period = match (&args.period, &args.from, &args.to) {
        (Some(p), _, _) => Some(analyse::period::parse_month(p).ok_or_else(|| UsageError(format!("--period '{p}' is not a month like 2026-09")))?),
        (None, Some(f), Some(t)) => {
            let (from, to) = (date_arg("--from", f)?, date_arg("--to", t)?);
            if to < from {
                return Err(UsageError(format!("--to {to} is before --from {from}")).into());
            }
            Some(analyse::Period { from, to })
        }
        _ => None,
    };
    let as_of = args.as_of.as_deref().map(|a| date_arg("--as-of", a)).transpose()?;
    Ok(analyse::Params::choose(&n.model, period, as_of, crate::calendar::today(), config.settings.cycle_first_month))
}

/// The working-day calendar with the config's extra closure days.
pub fn calendar(config: &Config) -> anyhow::Result<Calendar> {
    let mut cal = Calendar::default();
    cal.add_holidays(config.calendar.extra_holidays.iter().copied());
    if let Some(f) = &config.calendar.holidays_file {
        let text = std::fs::read_to_string(f).map_err(|e| UsageError(format!("cannot read holidays file {f}: {e}")))?;
        cal.add_holidays_csv(&text).map_err(|e| UsageError(format!("holidays file {f}: {e}")))?;
    }
    Ok(cal)
}

fn validate(input: &InputArgs, quiet: bool, verbose: bool) -> anyhow::Result<i32> {
    check_default_inputs(input)?;
    let config = load_config(input)?;
    let n = read_inputs(input, None, &config, quiet);
    check_pins(&config, &n)?;
    to_stdout(&printable(&crate::render::validate::report(&n, &config, verbose)))?;
    Ok(exit_code(&n, input.strict))
}

/// Writes a report to standard output. A reader that stops early (`| head`,
/// `| grep -m1`) is not an error: the rest is not written, and nothing panics.
/// Any other failure (a full disk) is an error.
fn to_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(anyhow::anyhow!("cannot write to standard output: {e}")),
        _ => Ok(()),
    }
}

fn generate(args: &GenerateArgs, quiet: bool) -> anyhow::Result<i32> {
    let files = crate::generate::write(args).map_err(|e| anyhow::anyhow!("cannot write to {}: {e}", args.out.display()))?;
    if !quiet {
        eprintln!("auditpack generate: wrote {} files to {}", files.len(), args.out.display());
        for f in files {
            eprintln!("  {}", Path::new(&f).display());
        }
    }
    Ok(EXIT_OK)
}

#[cfg(test)]
mod excel_tests {
    use crate::normalise::{CaseNote, Normalised, NoteKind, SeenAlone};

    /// Named when a table's rows and its header no longer fit an Excel sheet.
    #[test]
    fn tables_longer_than_a_sheet_are_named() {
        let note = CaseNote {
            child: 0,
            note_type: 0,
            kind: NoteKind::Other,
            event: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            recorded: None,
            seen_alone: SeenAlone::NotRecorded,
            author: 0,
            team: 0,
            row: 2,
            source: 0,
        };
        let mut n = Normalised::default();
        n.model.case_notes = vec![note; super::EXCEL_ROWS - 1];
        assert!(super::too_long_for_excel(&n).is_empty(), "header + 1,048,575 rows fit");
        n.model.case_notes.push(n.model.case_notes[0].clone());
        assert_eq!(super::too_long_for_excel(&n), vec![("case_notes", super::EXCEL_ROWS)]);
    }
}

#[cfg(test)]
mod count_tests {
    use super::Counts;

    /// The counts made without the model are those of the model made.
    #[test]
    fn records_without_a_team_are_counted_as_the_model_holds_them() {
        let config = crate::normalise::Config::defaults();
        let mut n = crate::normalise::normalise_inputs(&[std::path::PathBuf::from("sample_data")], &config, &mut |_, _, _| {});
        n.model.audits[0].team = None;
        n.model.audits[1].team = Some("  ".into());
        n.model.actions[0].team = None;
        n.model.episodes[0].team = None;
        n.model.case_notes[0].team = 0;
        let c = Counts::without_team(&n.model);
        assert_eq!(c, Counts::of(&super::without_team(&n.model)));
        assert!(c.audits >= 2 && c.actions >= 1 && c.case_notes >= 1 && c.episodes >= 1, "{c:?}");
    }
}

#[cfg(test)]
mod durability_tests {
    use crate::cli::{Cli, Command};
    use clap::Parser;

    #[test]
    fn durable_is_asked_for_by_its_flag_only() {
        let of = |args: &[&str]| match Cli::try_parse_from(args).expect("parses").command {
            Command::Run(run) => super::durability(&run),
            _ => panic!("not a run"),
        };
        assert_eq!(of(&["auditpack", "run", "--durable"]), super::Durability::Synced);
        assert_eq!(of(&["auditpack", "run"]), super::Durability::Renamed);
    }
}

#[cfg(test)]
mod folder_tests {
    #[test]
    fn team_folders_are_distinct_and_safe() {
        let teams: Vec<String> = ["CP North", "cp north", "A/B", "A B", "..", "CON", ""].map(String::from).to_vec();
        let f = super::team_folders(&teams);
        let mut names: Vec<&String> = f.values().collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), teams.len(), "{f:?}");
        assert_eq!(f["cp north"], "cp-north-2");
        assert_eq!(f["CON"], "con-team");
        assert!(f.values().all(|n| !n.is_empty() && !n.contains(['/', '.'])), "{f:?}");
    }
}
