//! Normalise knows the domain: scales, labels, the crosswalk, the canonical
//! model and the data-quality findings. It knows nothing of output formats.

pub mod casenotes_fast;
pub mod columns;
pub mod config;
pub mod findings;
pub mod fold;
mod forms;
pub mod model;
pub mod recognise;
pub mod scales;
pub mod table;

pub use config::Config;
pub use findings::{Finding, Severity};
pub use model::*;
pub use table::TableReport;

use crate::ingest::{self, Skipped};
use scales::Crosswalk;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// The result of reading every input.
#[derive(Debug, Default)]
pub struct Normalised {
    pub model: Model,
    pub tables: Vec<TableReport>,
    pub findings: Vec<Finding>,
    pub skipped: Vec<Skipped>,
    /// Files that could not be opened at all.
    pub failed_files: Vec<String>,
}

impl Normalised {
    /// Whether any file or table could not be used at all.
    pub fn has_errors(&self) -> bool {
        !self.failed_files.is_empty() || self.tables.iter().any(|t| t.failed)
    }

    pub fn rows_rejected(&self) -> u64 {
        self.tables.iter().map(|t| t.rows_rejected).sum()
    }
}

/// Progress callback: (files done, files total, current file).
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize, &str);

/// Reads and normalises every input (files or folders). A file that cannot be
/// read is reported and the others are still read.
pub fn normalise_inputs(inputs: &[PathBuf], config: &Config, progress: Progress) -> Normalised {
    let crosswalk = Crosswalk::new(config);
    let ctx = table::Context::new(config, &crosswalk);
    let mut out = Normalised { model: Model { strings: Strings::new(), ..Default::default() }, ..Default::default() };
    let mut found = findings::Findings::default();
    let (files, skipped, errors) = ingest::discover(inputs);
    for s in &skipped {
        found.push(Severity::Info, "file_skipped", &s.path, None, None, None, "", s.reason.clone());
    }
    out.skipped = skipped;
    for e in errors {
        found.push(Severity::Error, "file_error", &e.file, None, None, None, "", e.message.clone());
        out.failed_files.push(e.file);
    }
    let total = files.len();
    for (i, path) in files.iter().enumerate() {
        let shown = ingest::display_path(path);
        progress(i, total, &shown);
        match ingest::open(path) {
            Ok(tables) => {
                if tables.is_empty() {
                    found.push(Severity::Error, "file_error", &shown, None, None, None, "", "the workbook has no data in any sheet");
                    out.failed_files.push(shown.clone());
                }
                for t in tables {
                    let report = table::read_table(&ctx, t, &mut out.model, &mut found);
                    out.tables.push(report);
                }
            }
            Err(e) => {
                found.push(Severity::Error, "file_error", &e.file, e.sheet.as_deref(), None, None, "", e.message.clone());
                out.failed_files.push(e.file);
            }
        }
    }
    progress(total, total, "");
    link_actions(&mut out.model, &mut found);
    link_moderations(&mut out.model, &mut found);
    out.findings = found.list;
    out
}

/// Links each action to its audit: by audit id, else by child id + audit date,
/// else by child id when the child has exactly one audit.
fn link_actions(model: &mut Model, found: &mut findings::Findings) {
    let mut by_child: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in model.audits.iter().enumerate() {
        by_child.entry(a.child_id.as_str()).or_default().push(i);
    }
    let ids: HashMap<&str, usize> = model.audits.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut links: Vec<(usize, Option<usize>, Option<&'static str>)> = Vec::new();
    for (ai, act) in model.actions.iter().enumerate() {
        let by_id = act.audit_id.as_deref().and_then(|id| ids.get(id).copied());
        let linked = by_id.or_else(|| {
            let child = act.child_id.as_deref()?;
            let cands = by_child.get(child)?;
            match act.audit_date {
                Some(d) => cands.iter().copied().find(|&i| model.audits[i].completed == Some(d)),
                None if cands.len() == 1 => Some(cands[0]),
                None => None,
            }
        });
        let problem = match (linked, &act.audit_id) {
            (None, Some(_)) => Some("its audit id matches no audit read: kept, not linked"),
            (None, None) => Some("no audit matches its child id and audit date: kept, not linked"),
            _ => None,
        };
        links.push((ai, linked, problem));
    }
    for (ai, linked, problem) in links {
        let audit = linked.map(|i| (model.audits[i].id.clone(), model.audits[i].child_id.clone(), model.audits[i].team.clone()));
        let act = &mut model.actions[ai];
        if let Some((id, child, team)) = audit {
            act.audit_id = Some(id);
            act.child_id.get_or_insert(child);
            if act.team.is_none() {
                act.team = team;
            }
        }
        if let Some(p) = problem {
            found.push(
                Severity::Warning,
                "action_unlinked",
                &act.origin.file,
                act.origin.sheet.as_deref(),
                Some(act.origin.row),
                None,
                act.audit_id.clone().unwrap_or_default(),
                p,
            );
        }
    }
}

/// Applies a separate moderation log to its audits, by audit id: the log fills
/// what the audit row leaves blank (moderated, agreement, grade, date). A log row
/// whose audit was not read is kept out and reported.
fn link_moderations(model: &mut Model, found: &mut findings::Findings) {
    if model.moderations.is_empty() {
        return;
    }
    let ids: HashMap<String, usize> = model.audits.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    let mut linked = 0usize;
    for m in std::mem::take(&mut model.moderations) {
        let Some(&i) = ids.get(&m.audit_id) else {
            found.push(
                Severity::Warning,
                "moderation_unlinked",
                &m.origin.file,
                m.origin.sheet.as_deref(),
                Some(m.origin.row),
                Some("audit id"),
                m.audit_id.clone(),
                "no audit read has this audit id: moderation not counted",
            );
            continue;
        };
        let a = &mut model.audits[i];
        a.moderated = a.moderated.or(m.moderated);
        a.moderator_agrees = a.moderator_agrees.or(m.agrees);
        a.moderation_date = a.moderation_date.or(m.date);
        if a.moderated_overall.is_none() {
            a.moderated_overall = m.grade.clone();
        }
        linked += 1;
        model.moderations.push(m);
    }
    if linked > 0 {
        found.push(Severity::Info, "moderation_linked", "", None, None, None, "", format!("{linked} moderation log rows linked to their audits by audit id"));
    }
}

/// The label table for `validate`: each distinct source label and what it became.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LabelUse {
    pub source_label: String,
    pub scale: String,
    pub label: String,
    pub band: Option<Band>,
    pub at_least_good: Option<bool>,
    pub not_applicable: bool,
    pub exact: bool,
    pub count: u64,
}

pub fn label_table(model: &Model) -> Vec<LabelUse> {
    let mut uses: BTreeMap<(String, String), LabelUse> = BTreeMap::new();
    let all = model.audits.iter().flat_map(|a| a.overall.iter().chain(a.moderated_overall.iter()).chain(a.domains.iter().filter_map(|d| d.judgement.as_ref())));
    for j in all {
        uses.entry((j.scale.clone(), j.source_label.clone()))
            .or_insert_with(|| LabelUse {
                source_label: j.source_label.clone(),
                scale: j.scale.clone(),
                label: j.label.clone(),
                band: j.band,
                at_least_good: j.at_least_good,
                not_applicable: j.not_applicable,
                exact: j.exact,
                count: 0,
            })
            .count += 1;
    }
    uses.into_values().collect()
}
