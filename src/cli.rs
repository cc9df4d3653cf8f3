//! Command-line types (clap). Parsed once, then lowered into the pipeline.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "auditpack",
    version,
    about = "Case-file audit exports in; normalised tables, compliance figures and board packs out.",
    long_about = "auditpack reads the audit exports, action logs and case-note exports of children's social care \
services (XLSX, XLS, ODS, CSV), in whatever shape and grading scale each tool gives them, and writes the bi-monthly \
audit compliance report, grade distributions, theme analysis and the performance board pack (XLSX and HTML), with \
metrics.json behind every number. Every row it cannot use is reported with the reason.\n\n\
Start with `auditpack validate <your exports>`, then `auditpack run <your exports>`.\n\n\
Exit codes: 0 ok; 1 a file or table could not be read (the others were still read); 2 usage error; \
3 finished, but rows were rejected or labels unknown and --strict was given."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// More detail on stderr: with `run`, how every table was read and every finding.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

// Parsed once per process: the size difference between variants costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read the inputs; write the normalised tables, metrics.json and the packs (XLSX and HTML).
    #[command(
        after_help = "Examples:\n  auditpack run\n  auditpack run exports/ --out packs/2026-09 --period 2026-09\n  auditpack run audits.xlsx notes.csv --config council.toml\n  auditpack run --reports board-pack --per-team --suppress 5"
    )]
    Run(RunArgs),
    /// Read only, and explain: framework, header row, column mapping, labels, findings.
    #[command(after_help = "Examples:\n  auditpack validate\n  auditpack validate exports/ --config council.toml --strict")]
    Validate(ValidateArgs),
    /// Write deterministic synthetic exports in every supported shape.
    #[command(after_help = "Examples:\n  auditpack generate --out sample_data\n  auditpack generate --audits 10000 --case-notes 5000000 --out /tmp/big")]
    Generate(GenerateArgs),
    /// Print the default configuration (scales, crosswalk, domains, synonyms) as TOML.
    #[command(
        after_help = "Examples:\n  auditpack config > council.toml   # edit, then --config council.toml\n  auditpack config --fields          # the fields a column can be pinned to"
    )]
    Config(ConfigArgs),
}

#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Files or folders to read (.xlsx .xlsm .xls .ods .csv .tsv .txt). Default: sample_data/
    pub inputs: Vec<PathBuf>,
    /// A TOML file merged over the defaults (see `auditpack config`).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Exit with code 3 when any row is rejected or any label is unknown.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args, Clone)]
pub struct RunArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Folder for the outputs.
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// The bi-monthly period starting in this month, e.g. 2026-09 (September and October 2026).
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["from", "to"])]
    pub period: Option<String>,
    /// First day of a custom period (with --to).
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,
    /// Last day of a custom period (with --from).
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
    /// The date the report is "as at" (default: the period's last day).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Which reports to write (default: all): board-pack, compliance-report,
    /// grade-distributions, theme-analysis.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub reports: Vec<String>,
    /// Write the packs for one team only (as named in the exports).
    #[arg(long, value_name = "NAME", conflicts_with = "per_team")]
    pub team: Option<String>,
    /// Also write a set of packs per team, under OUT/teams/<team>/.
    #[arg(long)]
    pub per_team: bool,
    /// Hide counts of 1 to N-1, rates built on fewer than N cases, and every figure
    /// that would give one away ("c" in the packs, null in metrics.json).
    #[arg(long, value_name = "N")]
    pub suppress: Option<u64>,
    /// A folder with your own report.html template (see report_templates/).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Write the Parquet tables hive-style, under
    /// OUT/normalised/<table>/council=<council>/period=<YYYY-MM>/ (needs --council).
    #[arg(long, requires = "council")]
    pub partition: bool,
    /// The council's name, for --partition.
    #[arg(long, value_name = "NAME")]
    pub council: Option<String>,
    /// Wait until every file written is on the disk before it replaces the
    /// last one, so that a power cut straight after the run cannot lose it
    /// (slower: a large run waits for the disk).
    #[arg(long)]
    pub durable: bool,
}

#[derive(Debug, Args, Clone)]
pub struct ConfigArgs {
    /// List the fields a column can be pinned to in [[sources]] columns, instead of the TOML.
    #[arg(long)]
    pub fields: bool,
}

#[derive(Debug, Args, Clone)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct GenerateArgs {
    /// Audits across the tabular exports (forms come on top).
    #[arg(long, default_value_t = 240)]
    pub audits: usize,
    /// Distinct children.
    #[arg(long, default_value_t = 160)]
    pub children: usize,
    /// Case notes.
    #[arg(long = "case-notes", default_value_t = 6000)]
    pub case_notes: usize,
    /// Random seed: the same seed gives the same files.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Folder to write to.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}
