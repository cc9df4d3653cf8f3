//! The `validate` report: what was recognised, how, and every finding.

use crate::normalise::{label_table, Config, Finding, Normalised, Severity};
use std::fmt::Write;

/// The report: problems first (errors, then warnings, the same finding on many
/// rows as one line with a count and the first rows), then a short summary of
/// each file, the labels, and what was set aside by design. `verbose` lists
/// every finding row by row.
pub fn report(n: &Normalised, config: &Config, verbose: bool) -> String {
    let mut s = String::new();
    let count = |sev| n.findings.iter().filter(|f| f.severity == sev).count();
    let set_aside = n.rows_set_aside();
    let _ = writeln!(
        s,
        "auditpack validate: {} tables; {} errors, {} warnings, {} notes; {} rows rejected, {} set aside by design",
        n.tables.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        n.rows_rejected(),
        set_aside
    );
    let problems: Vec<&Finding> = n.findings.iter().filter(|f| f.severity >= Severity::Warning).collect();
    // (Findings of one kind about one column are one line, with their rows.)
    let _ = writeln!(s, "\nProblems ({} findings):", problems.len());
    if problems.is_empty() {
        let _ = writeln!(s, "  none");
    }
    for sev in [Severity::Error, Severity::Warning] {
        let list: Vec<&Finding> = problems.iter().copied().filter(|f| f.severity == sev).collect();
        write_findings(&mut s, &list, verbose);
    }

    let _ = writeln!(s, "\nFiles:");
    for skipped in &n.skipped {
        let _ = writeln!(s, "  skipped {}: {}", skipped.path, skipped.reason);
    }
    for t in &n.tables {
        let place = t.sheet.as_ref().map(|sh| format!("{} [sheet {sh}]", t.file)).unwrap_or_else(|| t.file.clone());
        let _ = writeln!(s, "\n{place}");
        let fw = t
            .framework
            .as_deref()
            .map(|f| config.framework(f).map(|x| format!("{f} ({})", x.name)).unwrap_or_else(|| f.to_string()))
            .unwrap_or_else(|| "not recognised (generic)".into());
        let header = t.header_row.map(|h| format!("   header row: {h}")).unwrap_or_default();
        if t.kind == crate::normalise::columns::TableKind::Audits {
            let _ = writeln!(s, "  kind: {}   framework: {fw}{header}", t.kind.as_str());
        } else {
            let _ = writeln!(s, "  kind: {}{header}", t.kind.as_str());
        }
        let _ = writeln!(s, "  rows: {}", crate::run::reconciliation(t));
        if let (Some(e), Some(d)) = (&t.encoding, &t.delimiter) {
            let _ = writeln!(s, "  text: {e}, delimiter {d}");
        }
        if !t.columns.is_empty() {
            let _ = writeln!(s, "  columns:");
            for c in &t.columns {
                if c.header.is_empty() {
                    continue;
                }
                let scale = c.scale.as_ref().map(|x| format!(" [scale {x}]")).unwrap_or_default();
                let why = match (c.reason.is_empty(), c.score) {
                    (true, _) => String::new(),
                    (false, 0) => format!(" ({})", c.reason),
                    (false, n) => format!(" ({}; score {n})", c.reason),
                };
                let _ = writeln!(s, "    {:<48} -> {}{scale}{why}", truncate(&c.header, 48), c.target.describe());
            }
        }
        for note in &t.notes {
            let _ = writeln!(s, "  note: {note}");
        }
    }
    let labels = label_table(&n.model);
    let _ = writeln!(s, "\nLabels ({} distinct):", labels.len());
    let _ = writeln!(s, "  {:<40} {:<12} {:<22} {:<14} {:<8} count", "source label", "scale", "band", "at least good", "mapping");
    for l in &labels {
        let band = l.band.map(|b| b.label().to_string()).unwrap_or_else(|| if l.not_applicable { "not applicable".into() } else { "(unbanded)".into() });
        let good = match l.at_least_good {
            Some(true) => "yes",
            Some(false) => "no",
            None => "-",
        };
        let _ = writeln!(
            s,
            "  {:<40} {:<12} {:<22} {:<14} {:<8} {}",
            truncate(&l.source_label, 40),
            l.scale,
            band,
            good,
            if l.exact { "exact" } else { "assumed" },
            l.count
        );
    }
    if labels.iter().any(|l| l.scale == "numeric") {
        let dir = match config.settings.numeric_direction {
            crate::normalise::config::NumericDirection::Ofsted => "Ofsted order: 1 = Outstanding ... 4 = Inadequate",
            crate::normalise::config::NumericDirection::HigherIsBetter => "higher is better: 4 = Outstanding ... 1 = Inadequate",
        };
        let _ = writeln!(s, "  numeric grades were read in {dir} (unless a source sets numeric_direction); change it in the config if wrong");
    }
    let notes: Vec<&Finding> = n.findings.iter().filter(|f| f.severity == Severity::Info).collect();
    let _ = writeln!(s, "\nSet aside by design and other notes ({}; not problems):", notes.len());
    write_findings(&mut s, &notes, verbose);
    if !verbose && n.findings.iter().any(|f| f.row.is_some()) {
        let _ = writeln!(s, "\n(-v lists every finding row by row; normalised/data_quality.csv has them all)");
    }
    s
}

fn severity_word(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn place(f: &Finding) -> String {
    // (A finding about the whole run, a KPI no table can make, names no file.)
    if f.file.is_empty() && f.sheet.is_none() {
        return "all inputs".to_string();
    }
    let mut place = f.file.clone();
    if let Some(sh) = &f.sheet {
        let _ = write!(place, " [{sh}]");
    }
    place
}

/// Row numbers as ranges: "2–410, 415, 420–422", at most `max` ranges.
pub fn row_ranges(rows: &[u32], max: usize) -> String {
    let mut sorted = rows.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for r in sorted {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == r => *end = r,
            _ => ranges.push((r, r)),
        }
    }
    let mut parts: Vec<String> = ranges.iter().take(max).map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect();
    if ranges.len() > max {
        parts.push("…".into());
    }
    parts.join(", ")
}

/// Findings grouped: one line per file, sheet, code, column and message, with
/// the count and the first rows; with `verbose`, every row on its own line.
fn write_findings(s: &mut String, list: &[&Finding], verbose: bool) {
    // Grouped in first-seen order; a group found by its key at once (a run can
    // have hundreds of thousands of findings).
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for f in list {
        let key = format!("{}\u{0}{}\u{0}{:?}\u{0}{}", place(f), f.code, f.column, f.action);
        match index.get(&key) {
            Some(&i) => groups[i].push(f),
            None => {
                index.insert(key, groups.len());
                groups.push(vec![f]);
            }
        }
    }
    for g in groups {
        let f = g[0];
        let sev = severity_word(f.severity);
        let column = f.column.as_ref().map(|c| format!(" column '{c}'")).unwrap_or_default();
        if verbose || g.len() == 1 {
            for f in g {
                let row = f.row.map(|r| format!(" row {r}")).unwrap_or_default();
                let value = if f.value.is_empty() { String::new() } else { format!(" '{}'", truncate(&f.value, 60)) };
                let _ = writeln!(s, "  {sev}: {}{row}{column}:{value} {}", place(f), f.action);
            }
            continue;
        }
        let rows: Vec<u32> = g.iter().filter_map(|f| f.row).collect();
        let at = if rows.is_empty() { String::new() } else { format!(" (rows {})", row_ranges(&rows, 4)) };
        let mut values: Vec<&str> = g.iter().map(|f| f.value.as_str()).filter(|v| !v.is_empty()).collect();
        values.sort_unstable();
        values.dedup();
        let seen = match values.len() {
            0 => String::new(),
            1..=3 => format!(" [values: {}]", values.iter().map(|v| format!("'{}'", truncate(v, 30))).collect::<Vec<_>>().join(", ")),
            k => format!(" [{k} different values, e.g. '{}']", truncate(values[0], 30)),
        };
        let _ = writeln!(s, "  {sev}: {}{column}: {} rows: {}{seen}{at}", place(f), g.len(), f.action);
    }
}

fn truncate(s: &str, n: usize) -> String {
    let one_line = s.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let mut t: String = one_line.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
