//! The `validate` report: what was recognised, how, and every finding.

use crate::normalise::{label_table, Config, Normalised, Severity};
use std::fmt::Write;

pub fn report(n: &Normalised, config: &Config) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "auditpack validate: {} tables", n.tables.len());
    for skipped in &n.skipped {
        let _ = writeln!(s, "  skipped {}: {}", skipped.path, skipped.reason);
    }
    for t in &n.tables {
        let _ = writeln!(s);
        let place = t.sheet.as_ref().map(|sh| format!("{} [sheet {sh}]", t.file)).unwrap_or_else(|| t.file.clone());
        let _ = writeln!(s, "{place}");
        let fw = t
            .framework
            .as_deref()
            .map(|f| config.framework(f).map(|x| format!("{f} ({})", x.name)).unwrap_or_else(|| f.to_string()))
            .unwrap_or_else(|| "not recognised (generic)".into());
        if t.kind == crate::normalise::columns::TableKind::Audits {
            let _ = writeln!(s, "  kind: {}   framework: {fw}", t.kind.as_str());
        } else {
            let _ = writeln!(s, "  kind: {}", t.kind.as_str());
        }
        if let Some(h) = t.header_row {
            let _ = writeln!(s, "  header row: {h}");
        }
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
        let reasons: Vec<String> = t.rejected_by_reason.iter().map(|(r, c)| format!("{c} {r}")).collect();
        let _ = writeln!(
            s,
            "  rows: {} read = {} accepted + {} rejected{}",
            t.rows_read,
            t.rows_accepted,
            t.rows_rejected,
            if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) }
        );
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
    let count = |sev| n.findings.iter().filter(|f| f.severity == sev).count();
    let _ = writeln!(s, "\nFindings: {} errors, {} warnings, {} notes", count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    for f in &n.findings {
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        let mut place = f.file.clone();
        if let Some(sh) = &f.sheet {
            let _ = write!(place, " [{sh}]");
        }
        if let Some(r) = f.row {
            let _ = write!(place, " row {r}");
        }
        if let Some(c) = &f.column {
            let _ = write!(place, " column '{c}'");
        }
        let value = if f.value.is_empty() { String::new() } else { format!(" '{}'", truncate(&f.value, 60)) };
        let _ = writeln!(s, "  {sev}: {place}:{value} {}", f.action);
    }
    s
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
