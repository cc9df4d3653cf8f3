//! Checks on the config's `[[sources]]` pins, so a mistake in them is an error
//! naming the pin (exit 2) rather than a pin shown as applied and then ignored:
//! a column pinned to a field that does not exist, a `file` or `sheet` that
//! matches no input, a pinned header that is not in the table it names.

use super::config::{Config, SourceSpec};
use super::fold::fold;
use super::table::TableReport;

/// The kinds of table a `kind` pin may name.
pub const KINDS: [&str; 5] = ["audits", "actions", "case_notes", "episodes", "ignore"];

/// Every field a column can be pinned to, by kind of table: (kind, fields).
pub fn pinnable_fields(config: &Config) -> Vec<(&'static str, Vec<String>)> {
    let f = &config.fields;
    vec![
        ("audits", f.audit.keys().cloned().collect()),
        ("actions", f.action.keys().cloned().collect()),
        ("case_notes", f.case_note.keys().cloned().collect()),
        ("episodes", f.episode.keys().cloned().collect()),
    ]
}

/// `auditpack config --fields`: the fields one can pin a column to.
pub fn fields_help(config: &Config) -> String {
    let mut s = String::from("Fields a column can be pinned to in [[sources]] columns (\"Header in your export\" = \"field\"):\n");
    for (kind, fields) in pinnable_fields(config) {
        s.push_str(&format!("\n  {kind}:\n    {}\n", fields.join(", ")));
    }
    let domains: Vec<String> = config.domains.iter().map(|d| format!("domain:{}", d.id)).collect();
    s.push_str(&format!("\n  graded questions (audits):\n    {}\n", domains.join(", ")));
    s.push_str("\n  any table:\n    ignore   (the column is not read)\n");
    s.push_str(&format!("\nkind = one of {}\n", KINDS.join(", ")));
    s.push_str(
        "\nExample (council.toml):\n  [[sources]]\n  file = \"audits.xlsx\"\n  sheet = \"Audits\"\n  [sources.columns]\n  \"Date of the Audit\" = \"completed_date\"\n  \"Q3 Risk\" = \"domain:safety\"\n",
    );
    s
}

fn describe(spec: &SourceSpec) -> String {
    match &spec.sheet {
        Some(sh) => format!("[[sources]] file = \"{}\", sheet = \"{sh}\"", spec.file),
        None => format!("[[sources]] file = \"{}\"", spec.file),
    }
}

/// Checks what can be checked without the inputs: pinned kinds and fields exist.
///
/// # Errors
/// The first unknown kind or field, naming the pin and the choices.
pub fn check_fields(config: &Config) -> Result<(), String> {
    let fields = pinnable_fields(config);
    let known = |target: &str| -> bool {
        if target == "ignore" {
            return true;
        }
        if let Some(d) = target.strip_prefix("domain:") {
            return config.domains.iter().any(|x| x.id == d);
        }
        fields.iter().any(|(_, fs)| fs.iter().any(|f| f == target))
    };
    for spec in &config.sources {
        if let Some(k) = &spec.kind {
            if !KINDS.contains(&k.as_str()) {
                return Err(format!("{}: kind = \"{k}\" is not a kind of table (choose from {})", describe(spec), KINDS.join(", ")));
            }
        }
        for (header, target) in &spec.columns {
            if !known(target) {
                return Err(format!(
                    "{}: column \"{header}\" = \"{target}\": \"{target}\" is not a field. `auditpack config --fields` lists the fields you can pin to",
                    describe(spec)
                ));
            }
        }
    }
    Ok(())
}

/// Checks the pins against what was read: each `[[sources]]` entry matches an
/// input, and each pinned header is a column of a table it applies to.
///
/// # Errors
/// The first pin that matches nothing, naming it and what was read.
pub fn check_against_inputs(config: &Config, tables: &[TableReport]) -> Result<(), String> {
    for spec in &config.sources {
        let file_l = spec.file.to_lowercase();
        let by_file: Vec<&TableReport> = tables.iter().filter(|t| t.file.to_lowercase().contains(&file_l)).collect();
        if by_file.is_empty() {
            let mut files: Vec<&str> = tables.iter().map(|t| t.file.as_str()).collect();
            files.dedup();
            return Err(format!("{}: no input file's name contains \"{}\" (files read: {})", describe(spec), spec.file, files.join(", ")));
        }
        // The tables this entry applies to: those for which it is the pin used.
        let applies: Vec<&TableReport> =
            by_file.iter().copied().filter(|t| config.source_for(&t.file, t.sheet.as_deref()).is_some_and(|s| std::ptr::eq(s, spec))).collect();
        if let Some(sheet) = &spec.sheet {
            if applies.is_empty() {
                let sheets: Vec<String> = by_file.iter().filter_map(|t| t.sheet.clone()).collect();
                return Err(format!(
                    "{}: no sheet called \"{sheet}\" in {} (sheets: {})",
                    describe(spec),
                    by_file[0].file,
                    if sheets.is_empty() { "none: a text file has no sheets".to_string() } else { sheets.join(", ") }
                ));
            }
        }
        if spec.kind.as_deref() == Some("ignore") || spec.columns.is_empty() {
            continue;
        }
        for header in spec.columns.keys() {
            let h = fold(header);
            let holding: Vec<&&TableReport> = applies.iter().filter(|t| t.columns.iter().any(|c| fold(&c.header) == h)).collect();
            if holding.is_empty() {
                let place = applies.iter().map(|t| t.sheet.as_ref().map(|s| format!("{} [{s}]", t.file)).unwrap_or(t.file.clone())).collect::<Vec<_>>();
                return Err(format!(
                    "{}: column \"{header}\" is not a header in {} (check the spelling, or name the sheet with sheet = \"…\")",
                    describe(spec),
                    place.join(", ")
                ));
            }
            // A pin without a sheet on a workbook whose sheets hold different kinds of
            // table would land on every sheet's column of that name.
            let mut kinds: Vec<&str> = holding.iter().map(|t| t.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            if spec.sheet.is_none() && kinds.len() > 1 {
                let sheets: Vec<String> = holding.iter().filter_map(|t| t.sheet.clone()).collect();
                return Err(format!(
                    "{}: column \"{header}\" is in several sheets of different kinds ({}): name the sheet with sheet = \"…\"",
                    describe(spec),
                    sheets.join(", ")
                ));
            }
        }
    }
    Ok(())
}
