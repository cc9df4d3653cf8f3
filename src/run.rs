//! The commands, from parsed arguments to exit code. Progress and summaries go
//! to stderr; `validate`'s report to stdout.

use crate::analyse;
use crate::calendar::Calendar;
use crate::cli::{Cli, Command, GenerateArgs, InputArgs, RunArgs};
use crate::normalise::{self, Config, Normalised, Severity};
use crate::output::{write_atomic, write_atomic_with};
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
        Command::Validate(args) => validate(&args.input, quiet),
        Command::Generate(args) => generate(&args, quiet),
        Command::Config => {
            print!("{}", normalise::config::DEFAULTS_TOML);
            Ok(EXIT_OK)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
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
    Config::load(input.config.as_deref()).map_err(|e| UsageError(e.to_string()).into())
}

/// Reads and normalises, with a progress line on a terminal.
pub fn read_inputs(input: &InputArgs, config: &Config, quiet: bool) -> Normalised {
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
            pb.set_message(file.to_string());
        }
    };
    let n = normalise::normalise_inputs(&inputs, config, &mut progress);
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    n
}

fn exit_code(n: &Normalised, strict: bool) -> i32 {
    if n.has_errors() {
        EXIT_ERROR
    } else if strict && (n.rows_rejected() > 0 || n.findings.iter().any(|f| f.code == "unknown_label")) {
        EXIT_REJECTED
    } else {
        EXIT_OK
    }
}

/// The summary on stderr: per file and sheet, rows read = accepted + rejected.
pub fn summary(n: &Normalised) -> String {
    let mut s = String::new();
    for t in &n.tables {
        let place = match &t.sheet {
            Some(sh) => format!("{} [{}]", t.file, sh),
            None => t.file.clone(),
        };
        let reasons: Vec<String> = t.rejected_by_reason.iter().map(|(r, c)| format!("{c} {r}")).collect();
        s.push_str(&format!(
            "  {place}: {} — {} read = {} accepted + {} rejected{}\n",
            t.kind.as_str(),
            t.rows_read,
            t.rows_accepted,
            t.rows_rejected,
            if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) }
        ));
    }
    for f in n.findings.iter().filter(|f| f.severity == Severity::Error) {
        s.push_str(&format!("  error: {}{}: {}\n", f.file, f.sheet.as_ref().map(|x| format!(" [{x}]")).unwrap_or_default(), f.action));
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

fn run(args: &RunArgs, quiet: bool, verbose: u8) -> anyhow::Result<i32> {
    let config = load_config(&args.input)?;
    let n = read_inputs(&args.input, &config, quiet);
    if n.tables.is_empty() && n.failed_files.is_empty() {
        let shown: Vec<String> = inputs_or_default(&args.input).iter().map(|p| p.display().to_string()).collect();
        eprintln!("error: no spreadsheet or text export found in {} (read: .xlsx .xlsm .xls .ods .csv .tsv .txt)", shown.join(", "));
        return Ok(EXIT_ERROR);
    }
    if verbose > 0 && !quiet {
        // The validate report: how every table was read, and every finding.
        eprint!("{}", render::validate::report(&n, &config));
    }
    let names = |id: &str| config.domains.iter().find(|d| d.id == id).map(|d| d.name.clone()).unwrap_or_else(|| id.to_string());
    let dir = args.out.join("normalised");
    let cal = calendar(&config)?;
    let params = resolve_params(args, &n)?;
    let reports = report_kinds(&args.reports)?;
    let mut written: Vec<PathBuf> = Vec::new();
    // The normalised tables are written on other cores while the analysis runs.
    let metrics = std::thread::scope(|s| -> anyhow::Result<_> {
        let tables = s.spawn(|| write_normalised(&n, &names, &dir, args, params.as_ref()));
        let metrics = match (&params, &args.team) {
            (Some(p), Some(team)) => {
                if !n.model.teams().iter().any(|t| t == team) {
                    return Err(UsageError(format!("--team '{team}' is not a team in the inputs (teams: {})", n.model.teams().join(", "))).into());
                }
                Some(analyse::analyse(&for_team(&n, team), &config, &cal, p))
            }
            (Some(p), None) => Some(analyse::analyse(&n, &config, &cal, p)),
            (None, _) => None,
        };
        if let Some(m) = &metrics {
            written.extend(write_packs(&args.out, m, &reports, args.team.as_deref(), args)?);
            if args.per_team {
                let p = params.as_ref().expect("metrics imply params");
                for team in n.model.teams() {
                    let tm = analyse::analyse(&for_team(&n, &team), &config, &cal, p);
                    let dir = args.out.join("teams").join(slug(&team));
                    written.extend(write_packs(&dir, &tm, &reports, Some(&team), args)?);
                }
            }
        }
        tables.join().map_err(|_| anyhow::anyhow!("writing the normalised tables stopped"))??;
        Ok(metrics)
    })?;
    if !quiet {
        eprintln!("auditpack run: read {} tables from {} inputs", n.tables.len(), inputs_or_default(&args.input).len());
        eprint!("{}", summary(&n));
        eprintln!("  wrote {}/ (audits, judgements, actions, case_notes, episodes, data_quality)", dir.display());
        match &metrics {
            Some(m) => {
                eprintln!("  {} (as at {}): wrote {} files", m.period.label, m.as_of, written.len());
                for w in written.iter().filter(|w| !w.to_string_lossy().contains("/charts/")) {
                    eprintln!("    {}", w.display());
                }
            }
            None => eprintln!("  no metrics.json or packs: no audit or case-note dates to choose a period from; give --period"),
        }
    }
    Ok(exit_code(&n, args.input.strict))
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
                        write_atomic_with(&path, |w| write_table(table, format, w)).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
                    }
                    Ok(())
                })
            })
            .collect();
        jobs.into_iter().try_for_each(|j| j.join().map_err(|_| anyhow::anyhow!("writing the normalised tables stopped"))?)
    })
}

/// One team's part of what was read; the inputs and findings stay whole, so a
/// team pack still says what its numbers rest on.
fn for_team(n: &Normalised, team: &str) -> Normalised {
    Normalised { model: n.model.for_team(team), tables: n.tables.clone(), findings: n.findings.clone(), ..Default::default() }
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

/// A folder name for a team.
fn slug(team: &str) -> String {
    let s: String = team.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}

/// metrics.json, each report as XLSX and HTML, and each chart as SVG.
fn write_packs(dir: &Path, m: &analyse::Metrics, reports: &[render::doc::ReportKind], team: Option<&str>, args: &RunArgs) -> anyhow::Result<Vec<PathBuf>> {
    let json = match args.suppress {
        Some(n) => render::json::metrics_json_suppressed(m, n),
        None => render::json::metrics_json(m),
    };
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![(dir.join("metrics.json"), json)];
    let opts = render::doc::Options { suppress: args.suppress, scope: team.map(str::to_string) };
    for &kind in reports {
        let doc = render::doc::build(m, kind, &opts);
        let xlsx = render::xlsx::render(&doc).map_err(|e| anyhow::anyhow!("cannot build {}.xlsx: {e}", kind.slug()))?;
        let html = render::html::render(&doc, args.templates.as_deref()).map_err(UsageError)?;
        files.push((dir.join(format!("{}.xlsx", kind.slug())), xlsx));
        files.push((dir.join(format!("{}.html", kind.slug())), html));
        for s in &doc.sections {
            for c in &s.charts {
                files.push((dir.join("charts").join(format!("{}-{}.svg", kind.slug(), c.id)), render::charts::svg(c).into_bytes()));
            }
        }
    }
    for (path, bytes) in &files {
        write_atomic(path, bytes).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

fn date_arg(flag: &str, value: &str) -> anyhow::Result<NaiveDate> {
    crate::ingest::parse_date(value).ok_or_else(|| UsageError(format!("{flag} '{value}' is not a date (use 2026-09-30 or 30/09/2026)")).into())
}

/// The period and as-of date from the arguments, else from the data.
fn resolve_params(args: &RunArgs, n: &Normalised) -> anyhow::Result<Option<analyse::Params>> {
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
    Ok(analyse::Params::resolve(&n.model, period, as_of))
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

fn validate(input: &InputArgs, quiet: bool) -> anyhow::Result<i32> {
    let config = load_config(input)?;
    let n = read_inputs(input, &config, quiet);
    print!("{}", crate::render::validate::report(&n, &config));
    Ok(exit_code(&n, input.strict))
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
