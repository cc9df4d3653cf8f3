//! Which KPIs the exports can feed: METRICS.md "Missing inputs". A KPI whose
//! fields are in no input table is `not_in_source`; when some tables carry a
//! field and others do not, the KPI counts only the records from tables that
//! carry it. Every gap is a warning (validate, data_quality, stderr).

use super::columns::{TableKind, Target};
use super::config::Config;
use super::findings::{Findings, Severity};
use super::model::{EpisodeKind, Model};
use super::table::TableReport;
use std::collections::{BTreeSet, HashMap};

/// What a KPI needs from one kind of table: one field of each group.
pub struct Need {
    pub kind: TableKind,
    pub groups: &'static [&'static [&'static str]],
}

const COMPLETED: &[&str] = &["completed_date"];
const MODERATION: &[&str] = &["moderated", "moderator_agrees", "moderated_overall", "moderation_date"];
/// Agreement is an agree flag, or the moderator's grade beside the auditor's
/// to compare (METRICS.md); a moderator's grade alone agrees with nothing.
const AGREEMENT: &[&str] = &["moderator_agrees", COMPARED];

/// A need met by two fields together: the moderated grade and the overall.
const COMPARED: &str = "moderated_overall with overall";

/// Whether a table's fields hold one a need names ([`COMPARED`]: both).
fn has(fields: &BTreeSet<String>, f: &str) -> bool {
    match f {
        COMPARED => fields.contains("moderated_overall") && fields.contains("overall"),
        _ => fields.contains(f),
    }
}

/// Each KPI of the contract and what it needs. Visits need legal-status
/// episodes and case notes both.
pub const NEEDS: &[(&str, &[Need])] = &[
    ("audits_completed", &[Need { kind: TableKind::Audits, groups: &[COMPLETED] }]),
    ("audits_on_time", &[Need { kind: TableKind::Audits, groups: &[COMPLETED, &["due_date", "allocated_date", "audit_month"]] }]),
    ("overall_good_or_better", &[Need { kind: TableKind::Audits, groups: &[COMPLETED, &["overall"]] }]),
    ("actions_on_time", &[Need { kind: TableKind::Actions, groups: &[COMPLETED] }]),
    ("actions_overdue", &[Need { kind: TableKind::Actions, groups: &[COMPLETED] }]),
    ("moderation_coverage", &[Need { kind: TableKind::Audits, groups: &[COMPLETED, MODERATION] }]),
    ("moderation_agreement", &[Need { kind: TableKind::Audits, groups: &[COMPLETED, AGREEMENT] }]),
    ("inadequate_reaudited_in_time", &[Need { kind: TableKind::Audits, groups: &[COMPLETED, &["overall"]] }]),
    ("child_spoken_to", &[Need { kind: TableKind::Audits, groups: &[COMPLETED, &["spoke_child"]] }]),
    ("family_spoken_to", &[Need { kind: TableKind::Audits, groups: &[COMPLETED, &["spoke_family"]] }]),
    ("practitioner_spoken_to", &[Need { kind: TableKind::Audits, groups: &[COMPLETED, &["spoke_practitioner"]] }]),
    ("cp_visits_in_time", &[Need { kind: TableKind::Episodes, groups: &[&["start_date"]] }, Need { kind: TableKind::CaseNotes, groups: &[&["event_date"]] }]),
    ("cla_visits_in_time", &[Need { kind: TableKind::Episodes, groups: &[&["start_date"]] }, Need { kind: TableKind::CaseNotes, groups: &[&["event_date"]] }]),
    ("seen_alone_recorded", &[Need { kind: TableKind::CaseNotes, groups: &[&["seen_alone"]] }]),
    ("notes_recorded_in_time", &[Need { kind: TableKind::CaseNotes, groups: &[&["recorded_date"]] }]),
];

/// The KPIs made from statutory visits.
const VISIT_KPIS: [&str; 3] = ["cp_visits_in_time", "cla_visits_in_time", "seen_alone_recorded"];

/// The KPIs made from case notes.
pub const NOTE_KPIS: [&str; 4] = ["cp_visits_in_time", "cla_visits_in_time", "seen_alone_recorded", "notes_recorded_in_time"];

/// The KPIs made from audit and action records.
pub const AUDIT_KPIS: [&str; 11] = [
    "audits_completed",
    "audits_on_time",
    "overall_good_or_better",
    "actions_on_time",
    "actions_overdue",
    "moderation_coverage",
    "moderation_agreement",
    "inadequate_reaudited_in_time",
    "child_spoken_to",
    "family_spoken_to",
    "practitioner_spoken_to",
];

/// Whether case notes were read and none of them is a statutory visit.
pub fn no_visit_notes(model: &Model) -> bool {
    !model.case_notes.is_empty() && !model.case_notes.iter().any(|n| n.kind.is_statutory_visit())
}

/// KPIs the exports cannot make whatever columns their tables have, each with
/// why: the visit KPIs when no case note is a statutory visit; a plan's visits
/// when no legal-status row is of that kind (an SSDA903 file lists looked-after
/// children only, a CP register child protection plans only: 0 of 0 would look
/// measured). Worked out once on everything read, so a team's pack says the same.
pub fn unmakeable(model: &Model) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    // A case-note or legal-status export with a header and no rows (or none
    // usable): its columns are there, its records are not.
    if model.case_notes.is_empty() {
        out.extend(NOTE_KPIS.iter().map(|k| (*k, "the case-note exports hold no case notes (no row could be used)")));
    }
    if model.episodes.is_empty() {
        for kpi in ["cp_visits_in_time", "cla_visits_in_time"] {
            if !out.iter().any(|(k, _)| *k == kpi) {
                out.push((kpi, "the legal-status exports hold no plans (no row could be used)"));
            }
        }
    }
    if no_visit_notes(model) {
        out.extend(VISIT_KPIS.iter().map(|k| (*k, "no case note is a statutory visit by its note type (see the note types listed)")));
    }
    if !model.episodes.is_empty() {
        for (kind, kpi, why) in [
            (EpisodeKind::Cp, "cp_visits_in_time", "no legal-status row read is a child protection plan"),
            (EpisodeKind::Cla, "cla_visits_in_time", "no legal-status row read is looked after"),
        ] {
            if !out.iter().any(|(k, _)| *k == kpi) && !model.episodes.iter().any(|e| e.kind == kind) {
                out.push((kpi, why));
            }
        }
    }
    out
}

fn kpi_index(kpi: &str) -> Option<usize> {
    NEEDS.iter().position(|(k, _)| *k == kpi)
}

fn satisfied(need: &Need, fields: &BTreeSet<String>) -> bool {
    need.groups.iter().all(|g| g.iter().any(|f| has(fields, f)))
}

/// The fields a table has a column (or, on a form, a label) for. An overall
/// judgement taken from a framework's overall domain counts as "overall".
pub fn table_fields(t: &TableReport, config: &Config) -> BTreeSet<String> {
    let mut fields: BTreeSet<String> = t
        .columns
        .iter()
        .filter_map(|c| match &c.target {
            Target::Field(f) => Some(f.clone()),
            _ => None,
        })
        .collect();
    // A "not spoken to, please state why" box records the answer too (a reason there is no).
    for f in super::columns::SPOKEN_TO {
        if fields.contains(&format!("{f}_not")) {
            fields.insert(f.to_string());
        }
    }
    // Audits whose every status says they are still with the auditor: not completed, as the table records.
    if t.open_by_status || t.completed_by_status {
        fields.insert("completed_date".into());
    }
    // An action's status that says done, with the date it was reviewed, dates its completion.
    if t.kind == TableKind::Actions && fields.contains("status") && fields.contains("reviewed_date") {
        fields.insert("completed_date".into());
    }
    // A re-audit's own deadline and judgement are its due date and overall
    // ("Re-audit due", "Overall evaluation at re-audit": a log of re-audits;
    // blind set 159's saltmere).
    if fields.contains("reaudit_due_date") {
        fields.insert("due_date".into());
    }
    if fields.contains("reaudit_overall") {
        fields.insert("overall".into());
    }
    let overall_domain = t.framework.as_deref().and_then(|f| config.framework(f)).and_then(|f| f.overall_domain.clone());
    if let Some(d) = overall_domain {
        if t.columns.iter().any(|c| c.target == Target::Domain(Some(d.clone()))) {
            fields.insert("overall".into());
        }
    }
    fields
}

/// Whether a table can feed KPIs: of a known kind, and not one none of whose
/// rows could be used (a required column missing, or unreadable from the
/// start): its columns are no evidence that the exports record a field.
fn usable(t: &TableReport) -> bool {
    t.kind != TableKind::Unknown && !(t.failed && t.rows_accepted == 0)
}

fn noun(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Audits => "audit",
        TableKind::Actions => "actions",
        TableKind::CaseNotes => "case-note",
        TableKind::Episodes => "legal-status",
        TableKind::Unknown => "unknown",
    }
}

/// A count of a table's records, singular or plural ("1 audit", "3 audits").
fn records(kind: TableKind, n: u64) -> String {
    let (one, many) = match kind {
        TableKind::Audits => ("audit", "audits"),
        TableKind::Actions => ("action", "actions"),
        TableKind::CaseNotes => ("case note", "case notes"),
        TableKind::Episodes => ("legal-status episode", "legal-status episodes"),
        TableKind::Unknown => ("row", "rows"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Which records can feed which KPI, worked out once.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    in_source: Vec<bool>,
    /// Per audit (index in the model): bit k set when it can feed KPI k.
    audits: Vec<u32>,
    actions: Vec<u32>,
    /// Case-note source (interned file name) → bits.
    notes: HashMap<u32, u32>,
}

const ALL: u32 = u32::MAX;

/// A table's rows on its sheet, and the KPIs (bits) its columns can feed.
type TableBits = (std::ops::Range<u32>, u32);

impl Coverage {
    /// From the tables read and the model. A record whose table is not among
    /// `tables` (a model built by hand, an action grid on a form) is taken to
    /// carry every field.
    pub fn new(tables: &[TableReport], model: &Model, config: &Config) -> Coverage {
        Coverage::with_merged(tables, model, config, &merged_fields(tables, model, config))
    }

    /// [`Coverage::new`], given the audits' joined fields ([`merged_fields`]).
    fn with_merged(tables: &[TableReport], model: &Model, config: &Config, joined: &HashMap<&super::model::Origin, BTreeSet<String>>) -> Coverage {
        // Per file and sheet, each table's rows and bits: two tables on one
        // sheet (an audit log with a moderation table below it) each feed
        // what their own columns hold.
        let mut by_table: HashMap<(&str, &str, Option<&str>), Vec<TableBits>> = HashMap::new();
        let mut by_file: HashMap<(&str, &str), u32> = HashMap::new();
        let mut in_source: Vec<Vec<bool>> = NEEDS.iter().map(|(_, needs)| vec![false; needs.len()]).collect();
        // The KPIs (bits) records of a kind with these fields can feed, marking
        // the needs they meet as in the exports.
        let mut feeds = |kind: TableKind, fields: &BTreeSet<String>| {
            let mut bits = 0u32;
            for (k, (_, needs)) in NEEDS.iter().enumerate() {
                for (j, need) in needs.iter().enumerate() {
                    if need.kind == kind && satisfied(need, fields) {
                        in_source[k][j] = true;
                        if needs.len() == 1 {
                            bits |= 1 << k;
                        }
                    }
                }
            }
            bits
        };
        for t in tables.iter().filter(|t| usable(t)) {
            let bits = feeds(t.kind, &table_fields(t, config));
            by_table.entry((t.kind.as_str(), t.file.as_str(), t.sheet.as_deref())).or_default().push((rows_of(tables, t), bits));
            *by_file.entry((t.kind.as_str(), t.file.as_str())).or_default() |= bits;
        }
        // An audit that took fields from another export's version of it
        // (dates in a tracker, judgements in another system's report) feeds
        // what the two tables' columns can together.
        let mut merged: HashMap<&super::model::Origin, u32> = HashMap::new();
        for (&at, fields) in joined {
            merged.insert(at, feeds(TableKind::Audits, fields));
        }
        let mut unknown = |kind: TableKind| {
            for (k, (_, needs)) in NEEDS.iter().enumerate() {
                for (j, need) in needs.iter().enumerate() {
                    if need.kind == kind {
                        in_source[k][j] = true;
                    }
                }
            }
        };
        // The bits of the table a record's row is in (the sheet's only one, whatever the row).
        let bits_at = |kind: TableKind, o: &super::model::Origin| {
            let of_sheet = by_table.get(&(kind.as_str(), o.file.as_str(), o.sheet.as_deref()))?;
            match of_sheet.as_slice() {
                [(_, only)] => Some(*only),
                _ => of_sheet.iter().find(|(rows, _)| rows.contains(&o.row)).or(of_sheet.first()).map(|(_, b)| *b),
            }
        };
        let audits: Vec<u32> =
            model.audits.iter().map(|a| bits_at(TableKind::Audits, &a.origin).map_or(ALL, |b| b | merged.get(&a.origin).copied().unwrap_or(0))).collect();
        if audits.contains(&ALL) {
            unknown(TableKind::Audits);
        }
        let actions: Vec<u32> = model.actions.iter().map(|a| bits_at(TableKind::Actions, &a.origin).unwrap_or(ALL)).collect();
        if actions.contains(&ALL) {
            unknown(TableKind::Actions);
        }
        if model.episodes.iter().any(|e| !by_table.contains_key(&(TableKind::Episodes.as_str(), e.origin.file.as_str(), e.origin.sheet.as_deref()))) {
            unknown(TableKind::Episodes);
        }
        let mut notes: HashMap<u32, u32> = HashMap::new();
        // (A file's notes come together: each run of one source is looked up once.)
        let mut last = None;
        for n in &model.case_notes {
            if last.replace(n.source) == Some(n.source) {
                continue;
            }
            // (Notes on a sheet: that sheet's tables' columns, not the whole
            // workbook's, where a visits report beside the notes has none of
            // their recorded dates.)
            notes.entry(n.source).or_insert_with(|| match model.note_place(n.source) {
                (file, Some(sheet)) => by_table
                    .get(&(TableKind::CaseNotes.as_str(), file, Some(sheet)))
                    .map(|tables| tables.iter().fold(0, |b, (_, bits)| b | bits))
                    .or_else(|| by_file.get(&(TableKind::CaseNotes.as_str(), file)).copied())
                    .unwrap_or(ALL),
                (file, None) => by_file.get(&(TableKind::CaseNotes.as_str(), file)).copied().unwrap_or(ALL),
            });
        }
        if notes.values().any(|b| *b == ALL) {
            unknown(TableKind::CaseNotes);
        }
        Coverage { in_source: in_source.into_iter().map(|v| v.iter().all(|x| *x)).collect(), audits, actions, notes }
    }

    /// Without the KPIs the exports cannot make ([`unmakeable`]).
    pub fn without(mut self, kpis: &[(&str, &str)]) -> Coverage {
        for (kpi, _) in kpis {
            if let Some(k) = kpi_index(kpi) {
                self.in_source[k] = false;
            }
        }
        self
    }

    /// Whether some input table feeds the KPI.
    pub fn in_source(&self, kpi: &str) -> bool {
        kpi_index(kpi).and_then(|k| self.in_source.get(k).copied()).unwrap_or(true)
    }

    fn bit(kpi: &str) -> u32 {
        kpi_index(kpi).map(|k| 1u32 << k).unwrap_or(0)
    }

    /// Whether the audit at this index of the model came from a table that feeds the KPI.
    pub fn audit(&self, index: usize, kpi: &str) -> bool {
        self.audits.get(index).is_none_or(|b| b & Self::bit(kpi) != 0)
    }

    pub fn action(&self, index: usize, kpi: &str) -> bool {
        self.actions.get(index).is_none_or(|b| b & Self::bit(kpi) != 0)
    }

    /// Whether case notes from this source (interned file name) feed the KPI.
    pub fn note_source(&self, source: u32, kpi: &str) -> bool {
        self.notes.get(&source).is_none_or(|b| b & Self::bit(kpi) != 0)
    }
}

/// The table (of its sheet) a record's row is in.
fn table_at<'t>(tables: &'t [TableReport], kind: TableKind, o: &super::model::Origin) -> Option<&'t TableReport> {
    let mut of_sheet = tables.iter().filter(|t| t.kind == kind && usable(t) && t.file == o.file && t.sheet == o.sheet).peekable();
    let first = of_sheet.next()?;
    if of_sheet.peek().is_none() {
        return Some(first);
    }
    std::iter::once(first).chain(of_sheet).find(|t| rows_of(tables, t).contains(&o.row)).or(Some(first))
}

/// A table's partners in [`merged_fields`]: their fields, and their audits' teams.
type Partner = (BTreeSet<String>, BTreeSet<String>);

/// Audits that took fields from other exports' versions of them (see
/// `merge`): per audit (where it was read), the fields its own table's
/// columns and those versions' tables' columns hold together.
///
/// And an audit only in a table whose other audits were set aside for
/// versions in such tables (an allocation list beside the log of returns):
/// its own table's fields and theirs, as the absence of its version there
/// says it was not returned (not completed, not graded).
fn merged_fields<'m>(tables: &[TableReport], model: &'m Model, config: &Config) -> HashMap<&'m super::model::Origin, BTreeSet<String>> {
    let mut out: HashMap<&super::model::Origin, BTreeSet<String>> = HashMap::new();
    if model.merged_audits.is_empty() {
        return out;
    }
    let own = |o: &super::model::Origin| table_at(tables, TableKind::Audits, o).map(|t| table_fields(t, config)).unwrap_or_default();
    // (Per table set aside from: the fields of the tables its versions went
    // to, and the teams of those versions.)
    let mut partners: HashMap<(&str, Option<&str>, u32), Partner> = HashMap::new();
    let team_of: HashMap<&super::model::Origin, Option<String>> =
        model.audits.iter().map(|a| (&a.origin, a.team.as_deref().map(super::fold::fold).filter(|t| !t.is_empty()))).collect();
    for (at, from) in &model.merged_audits {
        let fields = out.entry(at).or_insert_with(|| own(at));
        if let Some(t) = table_at(tables, TableKind::Audits, from) {
            fields.extend(table_fields(t, config));
            let key = (t.file.as_str(), t.sheet.as_deref(), t.header_row.unwrap_or(0));
            let (f, teams) = partners.entry(key).or_default();
            f.extend(own(at));
            teams.extend(team_of.get(at).cloned().flatten());
        }
    }
    for a in &model.audits {
        if out.contains_key(&a.origin) {
            continue;
        }
        if let Some(t) = table_at(tables, TableKind::Audits, &a.origin) {
            if let Some((p, teams)) = partners.get(&(t.file.as_str(), t.sheet.as_deref(), t.header_row.unwrap_or(0))) {
                // (Not an audit of a team the other table has no audit of: a
                // returns log of one team's audits says nothing of another's.)
                let team = a.team.as_deref().map(super::fold::fold).filter(|t| !t.is_empty());
                if team.is_some_and(|team| !teams.is_empty() && !teams.contains(&team)) {
                    continue;
                }
                let mut fields = table_fields(t, config);
                fields.extend(p.iter().cloned());
                out.insert(&a.origin, fields);
            }
        }
    }
    out
}

/// A table's rows: after its header, up to the next table's header on the same sheet.
fn rows_of(tables: &[TableReport], t: &TableReport) -> std::ops::Range<u32> {
    let from = t.header_row.unwrap_or(0);
    let to = tables.iter().filter(|o| o.file == t.file && o.sheet == t.sheet).filter_map(|o| o.header_row).filter(|&r| r > from).min().unwrap_or(u32::MAX);
    from + 1..to
}

/// The warnings of "Missing inputs": per table, each KPI field it has no column
/// for and which KPIs leave its records out; per KPI, when no table feeds it.
pub fn findings(tables: &[TableReport], model: &Model, config: &Config, found: &mut Findings) {
    no_visit_types(model, found);
    blank_teams(tables, model, config, found);
    due_by_rule(tables, model, config, found);
    blank_everywhere(tables, model, config, found);
    let merged = merged_fields(tables, model, config);
    let mut audits_per_sheet: HashMap<(&str, Option<&str>), Vec<u32>> = HashMap::new();
    for a in &model.audits {
        audits_per_sheet.entry((a.origin.file.as_str(), a.origin.sheet.as_deref())).or_default().push(a.origin.row);
    }
    for t in tables.iter().filter(|t| t.kind != TableKind::Unknown && !t.failed) {
        // A form's rows include its action grid: count its audits (those in
        // its rows, when the sheet holds another table too).
        let count = match t.kind {
            TableKind::Audits => {
                let rows = audits_per_sheet.get(&(t.file.as_str(), t.sheet.as_deref())).map(Vec::as_slice).unwrap_or(&[]);
                if tables.iter().filter(|o| o.file == t.file && o.sheet == t.sheet).count() > 1 {
                    let range = rows_of(tables, t);
                    rows.iter().filter(|r| range.contains(r)).count() as u64
                } else {
                    rows.len() as u64
                }
            }
            _ => t.rows_accepted,
        };
        // A table that gave no records (a moderation log: its rows went to the
        // audits they moderate) leaves nothing out.
        if count == 0 {
            continue;
        }
        let fields = table_fields(t, config);
        // Missing group → KPIs it keeps this table's records out of.
        let mut missing: Vec<(&[&str], Vec<&str>)> = Vec::new();
        for (kpi, needs) in NEEDS {
            for need in needs.iter().filter(|n| n.kind == t.kind) {
                for g in need.groups.iter().filter(|g| !g.iter().any(|f| has(&fields, f))) {
                    match missing.iter_mut().find(|(m, _)| m == g) {
                        Some((_, kpis)) => kpis.push(kpi),
                        None => missing.push((g, vec![kpi])),
                    }
                }
            }
        }
        for (group, kpis) in missing {
            // (Its audits that took the field from another export's version
            // of them are not left out: said on the rows they took it from.)
            let took = if t.kind == TableKind::Audits && !merged.is_empty() {
                let range = rows_of(tables, t);
                merged
                    .iter()
                    .filter(|(at, f)| at.file == t.file && at.sheet == t.sheet && range.contains(&at.row) && group.iter().any(|x| f.contains(*x)))
                    .count() as u64
            } else {
                0
            };
            let left_out = count.saturating_sub(took);
            if left_out == 0 {
                continue;
            }
            let others = if took > 0 { format!(" (the other {took} take it from another export's version of them)") } else { String::new() };
            found.push(
                Severity::Warning,
                "field_not_in_table",
                &t.file,
                t.sheet.as_deref(),
                None,
                None,
                group.join(" / "),
                format!(
                    "no column for {}: its {} {} left out of {}{others}",
                    group.join(" or "),
                    records(t.kind, left_out),
                    if left_out == 1 { "is" } else { "are" },
                    kpis.join(", ")
                ),
            );
        }
    }
    let unmade = unmakeable(model);
    let cov = Coverage::with_merged(tables, model, config, &merged).without(&unmade);
    // Moderated audits that record no agreement stay in the agreement denominator.
    let mut unagreed: Vec<((&str, Option<&str>), u64)> = Vec::new();
    for (i, a) in model.audits.iter().enumerate() {
        if a.moderated == Some(true) && a.moderator_agreed().is_none() && cov.audit(i, "moderation_agreement") {
            let key = (a.origin.file.as_str(), a.origin.sheet.as_deref());
            match unagreed.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => unagreed.push((key, 1)),
            }
        }
    }
    for ((file, sheet), n) in unagreed {
        found.push(
            Severity::Warning,
            "agreement_not_recorded",
            file,
            sheet,
            None,
            None,
            n.to_string(),
            format!("{n} moderated audits record no agreement (no agree flag, or no moderated grade comparable with the auditor's): counted in moderation_agreement as not agreed"),
        );
    }
    for (kpi, needs) in NEEDS {
        if cov.in_source(kpi) {
            continue;
        }
        // Only the needs no usable table meets (visits need legal status and
        // case notes: the one that is there is not named as missing).
        let what: Vec<String> = needs
            .iter()
            .filter(|n| !tables.iter().any(|t| t.kind == n.kind && usable(t) && satisfied(n, &table_fields(t, config))))
            .map(|n| {
                let of_kind: Vec<BTreeSet<String>> = tables.iter().filter(|t| t.kind == n.kind && usable(t)).map(|t| table_fields(t, config)).collect();
                let unusable = tables.iter().any(|t| t.kind == n.kind);
                if !of_kind.is_empty() {
                    let nowhere: Vec<String> =
                        n.groups.iter().filter(|g| !of_kind.iter().any(|f| g.iter().any(|x| f.contains(*x)))).map(|g| g.join(" or ")).collect();
                    if nowhere.is_empty() {
                        let groups: Vec<String> = n.groups.iter().map(|g| g.join(" or ")).collect();
                        format!("no single {} table has a column for each of {}", noun(n.kind), groups.join("; "))
                    } else {
                        format!("no {} table has a column for {}", noun(n.kind), nowhere.join(" nor "))
                    }
                } else if unusable {
                    format!("no {} table could be used (see its error)", noun(n.kind))
                } else {
                    format!("no {} table was read", noun(n.kind))
                }
            })
            .collect();
        // Every table it needs is there: the case notes hold no statutory
        // visit, or the legal status no plan of its kind.
        let what = if what.is_empty() { unmade.iter().filter(|(k, _)| k == kpi).map(|(_, why)| why.to_string()).collect() } else { what };
        found.push(
            Severity::Warning,
            "kpi_not_in_source",
            "",
            None,
            None,
            None,
            *kpi,
            format!("{}: {kpi} is not in the exports (null, \"not_in_source\": true; the packs say \"not in the exports\")", what.join("; ")),
        );
    }
}

/// KPI fields whose columns are there and blank on every record read: the
/// KPI is made as METRICS says for a column found (blank answers leave a
/// denominator; no due date, no sign-off), so a warning says that its 0, or
/// its 0 of 0, is what blank columns make, not a measure of the work.
fn blank_everywhere(tables: &[TableReport], model: &Model, config: &Config, found: &mut Findings) {
    let of = |kind: TableKind| -> BTreeSet<String> { tables.iter().filter(|t| t.kind == kind && usable(t)).flat_map(|t| table_fields(t, config)).collect() };
    let (columns, note_columns) = (of(TableKind::Audits), of(TableKind::CaseNotes));
    let mut say = |field: &str, what: &str, kpis: &str| {
        found.push(
            Severity::Warning,
            "field_blank",
            "",
            None,
            None,
            None,
            field,
            format!("{what}: its column is there and blank on every row read, so {kpis} counts what blank cells make (look at the export: was the column filled in?)"),
        )
    };
    if !model.audits.is_empty() {
        let none = |f: &dyn Fn(&super::model::Audit) -> bool| !model.audits.iter().any(f);
        if columns.iter().any(|f| matches!(f.as_str(), "due_date" | "allocated_date" | "audit_month"))
            && none(&|a| a.due.is_some() || a.allocated.is_some() || a.allocated_month.is_some())
        {
            say("due_date", "no audit has a due date or an allocation date to be due by", "audits_on_time (0 of 0)");
        }
        if MODERATION.iter().any(|f| columns.contains(*f))
            && none(&|a| a.moderated.is_some() || a.moderator_agrees.is_some() || a.moderated_overall.is_some() || a.moderation_date.is_some())
        {
            say("moderated", "no audit records whether it was moderated", "moderation_coverage (none moderated) and moderation_agreement (0 of 0)");
        }
        type Spoken = fn(&super::model::Audit) -> super::model::Answer;
        for (field, answer, who, kpi) in [
            ("spoke_child", (|a| a.spoke_child) as Spoken, "the child", "child_spoken_to (0 of 0)"),
            ("spoke_family", |a| a.spoke_family, "the family", "family_spoken_to (0 of 0)"),
            ("spoke_practitioner", |a| a.spoke_practitioner, "the practitioner", "practitioner_spoken_to (0 of 0)"),
        ] {
            if columns.contains(field) && model.audits.iter().all(|a| answer(a) == super::model::Answer::Blank) {
                say(field, &format!("no audit records whether {who} was spoken to (yes, no or not applicable)"), kpi);
            }
        }
    }
    if note_columns.contains("recorded_date") && !model.case_notes.is_empty() && !model.case_notes.iter().any(|n| n.recorded.is_some()) {
        say("recorded_date", "no case note has the date it was recorded", "notes_recorded_in_time (none recorded in time)");
        return;
    }
    // Some notes of a file with recorded dates have none: counted as not
    // recorded in time, and said per file (review 264's c77).
    let recorded_here: std::collections::HashSet<&str> = tables
        .iter()
        .filter(|t| t.kind == TableKind::CaseNotes && usable(t) && table_fields(t, config).contains("recorded_date"))
        .map(|t| t.file.as_str())
        .collect();
    let mut blank: Vec<(u32, u64, u64)> = Vec::new();
    for n in &model.case_notes {
        match blank.iter_mut().find(|(s, _, _)| *s == n.source) {
            Some((_, all, none)) => {
                *all += 1;
                *none += u64::from(n.recorded.is_none());
            }
            None => blank.push((n.source, 1, u64::from(n.recorded.is_none()))),
        }
    }
    for (source, all, none) in blank.into_iter().filter(|(_, all, none)| *none > 0 && none < all) {
        let (file, sheet) = model.note_place(source);
        if !recorded_here.contains(file) {
            continue;
        }
        found.push(
            Severity::Warning,
            "recorded_date_blank",
            file,
            sheet,
            None,
            None,
            none.to_string(),
            format!("{none} of its {all} case notes have no date recorded: notes_recorded_in_time counts them as not recorded within 28 days"),
        );
    }
}

/// Case notes none of whose types is a statutory visit (types written as codes
/// the note rules do not know, "STAT-CP"): the visit KPIs would count no visit,
/// so a warning lists the types seen.
fn no_visit_types(model: &Model, found: &mut Findings) {
    if !no_visit_notes(model) {
        visit_types_not_statutory(model, found);
        return;
    }
    let Some((shown, more)) = note_types_counted(model, |_| true) else { return };
    found.push(
        Severity::Warning,
        "no_visit_note_types",
        "",
        None,
        None,
        None,
        "",
        format!(
            "none of the {} case notes is a statutory visit by its note type (types: {}{more}): cp_visits_in_time, cla_visits_in_time and seen_alone_recorded are not in the exports. If some of these types are visits, add them to [[note_types]] in the config",
            model.case_notes.len(),
            shown.join(", ")
        ),
    );
}

/// The note types of the case notes `keep` keeps, most notes first: the
/// first eight with their counts ("'Home Visit' (3)"), and how many more;
/// none when it keeps no note.
fn note_types_counted(model: &Model, keep: impl Fn(&super::model::CaseNote) -> bool) -> Option<(Vec<String>, String)> {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for n in model.case_notes.iter().filter(|n| keep(n)) {
        *counts.entry(n.note_type).or_default() += 1;
    }
    let mut types: Vec<(usize, &str)> = counts.into_iter().map(|(t, c)| (c, model.strings.get(t))).collect();
    if types.is_empty() {
        return None;
    }
    types.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let shown: Vec<String> = types.iter().take(8).map(|(c, t)| format!("'{}' ({c})", if t.is_empty() { "(blank)" } else { t })).collect();
    let more = if types.len() > 8 { format!(" and {} more", types.len() - 8) } else { String::new() };
    Some((shown, more))
}

/// Case notes whose type names a visit read as no statutory visit made, by
/// their type ("Home Visit", "Visit (virtual)") or their outcome ("No
/// access", "Cancelled"), where other notes are
/// visits: listed once with their counts, so the reading the visit KPIs rest
/// on is in `validate` and `data_quality` (review 264's c34; it was silent).
fn visit_types_not_statutory(model: &Model, found: &mut Findings) {
    let names_visit = |t: &str| super::fold::fold(t).split(' ').any(|w| matches!(w, "visit" | "visits" | "visited"));
    let Some((shown, more)) = note_types_counted(model, |n| !n.kind.is_statutory_visit() && names_visit(model.strings.get(n.note_type))) else { return };
    found.push(
        Severity::Info,
        "visit_types_not_statutory",
        "",
        None,
        None,
        None,
        "",
        format!(
            "case notes whose type names a visit and that are read as no statutory visit made, by their type or their outcome (no access, cancelled), so are not in the visit KPIs (they are in notes_recorded_in_time): {}{more}. If a type is a statutory visit, add it to [[note_types]] in the config",
            shown.join(", ")
        ),
    );
}

/// Tables with no due-date column (or one blank on some rows) whose records the on-time KPIs still count,
/// by METRICS.md's rule ("Due date: from the data; else …"): a note per
/// table saying the rule each record was taken to be due by, so the
/// assumption is in `validate` and `data_quality`.
fn due_by_rule(tables: &[TableReport], model: &Model, config: &Config, found: &mut Findings) {
    for t in tables.iter().filter(|t| matches!(t.kind, TableKind::Audits | TableKind::Actions) && usable(t)) {
        let fields = table_fields(t, config);
        // (Its own due-date column: a re-audit's deadline beside the audit,
        // "Re-audit due", dates the re-audits, not the audits.)
        let own_due = t.columns.iter().any(|c| c.target == Target::Field("due_date".into()));
        if !fields.contains("completed_date") {
            continue;
        }
        // (A due-date column of its own, blank on some rows: those rows' due
        // dates come from the rule too, and are said so; review 264's c62,
        // c63, c19, c39.)
        let lead = if fields.contains("due_date") && own_due { "its due-date column is blank on some rows" } else { "no due-date column" };
        let rows = rows_of(tables, t);
        let here = |o: &super::model::Origin| o.file == t.file && o.sheet == t.sheet && rows.contains(&o.row);
        let say = |found: &mut Findings, message: String| {
            found.push(Severity::Info, "due_date_by_rule", &t.file, t.sheet.as_deref(), None, None, "due_date", message)
        };
        if t.kind == TableKind::Audits {
            // Per rule: its audits with no due date (another export's version
            // may have given one), and the framework it is the rule of.
            let mut by_rule: Vec<(&str, Option<&str>, u64)> = Vec::new();
            for a in model.audits.iter().filter(|a| here(&a.origin) && a.due.is_none() && (a.allocated.is_some() || a.allocated_month.is_some())) {
                match by_rule.iter_mut().find(|(r, f, _)| *r == a.due_rule && *f == Some(a.framework.as_str()).filter(|f| !f.is_empty())) {
                    Some((_, _, n)) => *n += 1,
                    None => by_rule.push((&a.due_rule, Some(a.framework.as_str()).filter(|f| !f.is_empty()), 1)),
                }
            }
            for (rule, framework, n) in by_rule {
                let whose = match framework.and_then(|f| config.framework(f)).filter(|f| f.due_rule.as_deref() == Some(rule)) {
                    Some(f) => format!("the due rule of their framework, {}", f.name),
                    None if rule == config.settings.default_due_rule => "the default due rule, [settings] default_due_rule".to_string(),
                    None => "the rule its own dates follow".to_string(),
                };
                say(
                    found,
                    format!(
                        "{lead}: for audits_on_time, its {} taken to be due {}: {whose}",
                        if n == 1 { "1 audit is".to_string() } else { format!("{n} audits are") },
                        super::table::due_rule_words(rule)
                    ),
                );
            }
        } else {
            let undated: Vec<&super::model::Action> = model.actions.iter().filter(|a| here(&a.origin) && a.due.is_none() && a.due_in.is_none()).collect();
            if undated.is_empty() {
                continue;
            }
            let set = undated.iter().filter(|a| a.set.is_some()).count();
            let from = if set == undated.len() {
                "the date each was set".to_string()
            } else if set == 0 {
                "their audit's completion (the table gives no date set)".to_string()
            } else {
                format!("the date set ({set} of them), else their audit's completion")
            };
            let n = undated.len();
            say(
                found,
                format!(
                    "{lead}: for actions_on_time and actions_overdue, its {} taken to be due {} working days after {from}: the default, [settings] action_working_days",
                    if n == 1 { "1 action is".to_string() } else { format!("{n} actions are") },
                    config.settings.action_working_days
                ),
            );
        }
    }
}

/// Audits with no team in a table whose team column names it for others:
/// often a team written once above its rows (merged cells, or blanks meaning
/// "same as above"). They are shown under "(not recorded)"; a warning says how
/// many, and where.
fn blank_teams(tables: &[TableReport], model: &Model, config: &Config, found: &mut Findings) {
    for t in tables.iter().filter(|t| {
        t.kind == TableKind::Audits && usable(t) && {
            let f = table_fields(t, config);
            f.contains("team") || f.contains("service_team")
        }
    }) {
        let rows = rows_of(tables, t);
        let of_table: Vec<&super::model::Audit> =
            model.audits.iter().filter(|a| a.origin.file == t.file && a.origin.sheet == t.sheet && rows.contains(&a.origin.row)).collect();
        let blank: Vec<u32> = of_table.iter().filter(|a| a.team.is_none()).map(|a| a.origin.row).collect();
        if blank.is_empty() {
            continue;
        }
        // (Every audit blank: the column is there but says nothing; still said.)
        let message = if blank.len() == of_table.len() {
            let on = if of_table.len() == 1 { "its only audit (row".to_string() } else { format!("all {} of its audits (rows", of_table.len()) };
            format!("its team column is blank on {on} {}): shown under '(not recorded)'. Fill in the team", super::findings::some_rows(&blank))
        } else {
            format!(
                "{} of its {} audits have no team (rows {}): shown under '(not recorded)'. If a team is written once above its rows (merged cells, or blanks meaning \"same as above\"), fill it in on every row",
                blank.len(),
                of_table.len(),
                super::findings::some_rows(&blank)
            )
        };
        found.push(Severity::Warning, "team_blank", &t.file, t.sheet.as_deref(), None, Some("team"), blank.len().to_string(), message);
    }
}
