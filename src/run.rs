//! The commands, from parsed arguments to exit code. Progress and summaries go
//! to stderr; `validate`'s report to stdout.

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
    if !quiet {
        eprintln!("auditpack run: read {} tables from {} inputs", n.tables.len(), inputs_or_default(&args.input).len());
        eprint!("{}", summary(&n));
        eprintln!("  wrote {}/ (audits, judgements, actions, case_notes, episodes, data_quality)", dir.display());
    }
    Ok(exit_code(&n, args.input.strict))
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
