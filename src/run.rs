//! The commands, from parsed arguments to exit code. Progress and summaries go
//! to stderr; `validate`'s report to stdout.

use crate::analyse;
use crate::calendar::Calendar;
use chrono::NaiveDate;
use crate::cli::{Cli, Command, GenerateArgs, InputArgs, RunArgs};
use crate::normalise::{self, Config, Normalised, Severity};
use crate::output::write_atomic;
use crate::render;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub const EXIT_OK: i32 = 0;
pub const EXIT_ERROR: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_REJECTED: i32 = 3;

/// Runs a parsed command line; returns the exit code.
pub fn main(cli: Cli) -> i32 {
    let quiet = cli.quiet;
    let result = match cli.command {
        Command::Run(args) => run(&args, quiet),
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
        pb.set_style(indicatif::ProgressStyle::with_template("{spinner} reading {pos}/{len} files  {wide_msg}").expect("valid template"));
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

fn run(args: &RunArgs, quiet: bool) -> anyhow::Result<i32> {
    let config = load_config(&args.input)?;
    let n = read_inputs(&args.input, &config, quiet);
    let names = |id: &str| config.domains.iter().find(|d| d.id == id).map(|d| d.name.clone()).unwrap_or_else(|| id.to_string());
    let dir = args.out.join("normalised");
    for (name, bytes) in render::normalised::all(&n, &names) {
        write_atomic(&dir.join(name), &bytes).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.join(name).display()))?;
    }
    let cal = calendar(&config)?;
    let params = resolve_params(args, &n)?;
    let metrics = params.as_ref().map(|p| analyse::analyse(&n, &config, &cal, p));
    if let Some(m) = &metrics {
        let path = args.out.join("metrics.json");
        write_atomic(&path, &render::json::metrics_json(m)).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    }
    if !quiet {
        eprintln!("auditpack run: read {} tables from {} inputs", n.tables.len(), inputs_or_default(&args.input).len());
        eprint!("{}", summary(&n));
        eprintln!("  wrote {}/ (audits, judgements, actions, case_notes, episodes, data_quality)", dir.display());
        match &metrics {
            Some(m) => eprintln!("  wrote {} for {} (as at {})", args.out.join("metrics.json").display(), m.period.label, m.as_of),
            None => eprintln!("  no metrics.json: no audit or case-note dates to choose a period from; give --period"),
        }
    }
    Ok(exit_code(&n, args.input.strict))
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
