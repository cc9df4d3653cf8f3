//! Audit forms joined to the list that planned them. A council that keeps
//! each audit as a form (a Word document or a one-audit workbook) keeps the
//! plan in a list beside them: an allocation list, a sample sheet or a
//! tracker, with the child, the date the audit was allocated or is due, the
//! auditor, often the moderation, but no completion and no grade. The form
//! has the completion and the grades but no due date. Neither alone makes
//! the audit KPIs; joined, each planned audit is one audit.
//!
//! A list row and a form are one audit when they are the same child's, the
//! list row is not completed and has no grade, and the list row was planned
//! before the form was completed (allocated at most a week after it, or due
//! within a year of it); each takes at most one of the other, the nearest
//! first. A form with no completion date (a draft) takes the child's one row
//! left, if one is. The form's record is used, with what its form has no
//! label for (the due date, moderation, team) from the list row; the list
//! row is set aside with a note naming the form. A list row no form joins
//! stays an audit not done, and its list then counts as recording completion
//! (a planned audit with no form was not completed), as each joined form
//! counts as recording what the list holds: the coverage of each KPI
//! (`coverage.rs`) reads both.

use super::columns::{ColumnMap, TableKind, Target};
use super::findings::{Findings, Severity};
use super::model::{Audit, Model};
use super::table::TableReport;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Why a list row is set aside: its form holds the audit.
pub const JOINED: &str = "planned audit joined to its form (the form's record is used)";

/// A list row and a form further apart than this are not one audit.
const MAX_DAYS: i64 = 366;

/// A list's completion ("Date returned") and a form's date further apart
/// than this are two audits.
const RETURNED_DAYS: i64 = 14;

/// The fields a joined table is credited with from the other side: those
/// the KPIs need (see `coverage.rs`).
const KPI_FIELDS: [&str; 15] = [
    "completed_date",
    "due_date",
    "allocated_date",
    "audit_month",
    "overall",
    "moderated",
    "moderator_agrees",
    "moderated_overall",
    "moderation_date",
    "spoke_child",
    "spoke_family",
    "spoke_practitioner",
    "spoke_child_not",
    "spoke_family_not",
    "spoke_practitioner_not",
];

type TableKey = (String, Option<String>);

fn key_of(a: &Audit) -> TableKey {
    (a.origin.file.clone(), a.origin.sheet.clone())
}

/// The day a list row planned its audit: allocated, the allocation month, or due.
fn planned(a: &Audit) -> Option<NaiveDate> {
    a.allocated.or(a.allocated_month).or(a.due)
}

/// How far a list row is from a form completed on `done`, when they can be
/// one audit (smaller is nearer). A list row that records a completion
/// itself ("Date returned") is the form's audit only when the two dates are
/// within two weeks.
fn distance(plan: &Audit, done: NaiveDate) -> Option<i64> {
    if plan.completed.is_some_and(|d| (done - d).num_days().abs() > RETURNED_DAYS) {
        return None;
    }
    match (plan.allocated.or(plan.allocated_month), plan.due) {
        (Some(start), _) => {
            let days = (done - start).num_days();
            (0..=MAX_DAYS).contains(&days).then_some(days)
        }
        (None, Some(due)) => {
            let days = (done - due).num_days().abs();
            (days <= MAX_DAYS).then_some(days)
        }
        (None, None) => Some(MAX_DAYS),
    }
}

/// Joins forms to the list rows that planned them; returns how many were joined.
pub fn forms_to_lists(tables: &mut [TableReport], model: &mut Model, found: &mut Findings) -> usize {
    let forms: HashSet<TableKey> = tables
        .iter()
        .filter(|t| t.kind == TableKind::Audits && t.notes.iter().any(|n| n == super::forms::READ_AS_FORM))
        .map(|t| (t.file.clone(), t.sheet.clone()))
        .collect();
    if forms.is_empty() {
        return 0;
    }
    let framework_of: HashMap<TableKey, Option<&str>> = tables.iter().map(|t| ((t.file.clone(), t.sheet.clone()), t.framework.as_deref())).collect();
    // Per child: the forms, and the list rows planning an audit.
    let mut by_child: BTreeMap<String, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, a) in model.audits.iter().enumerate() {
        let Some(child) = super::identity::child_key(&a.child_id) else { continue };
        if forms.contains(&key_of(a)) {
            by_child.entry(child).or_default().0.push(i);
        } else if a.overall.is_none() {
            by_child.entry(child).or_default().1.push(i);
        }
    }
    let same_framework = |f: &Audit, p: &Audit| match (framework_of.get(&key_of(f)).copied().flatten(), framework_of.get(&key_of(p)).copied().flatten()) {
        (Some(x), Some(y)) => x == y || x == "tier2_form",
        _ => true,
    };
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (form_rows, plan_rows) in by_child.values().filter(|(f, p)| !f.is_empty() && !p.is_empty()) {
        // Completed forms first, nearest pair first (then in reading order).
        let mut candidates: Vec<(i64, usize, usize)> = Vec::new();
        for &f in form_rows {
            let Some(done) = model.audits[f].completed else { continue };
            for &p in plan_rows {
                if let Some(d) = distance(&model.audits[p], done).filter(|_| same_framework(&model.audits[f], &model.audits[p])) {
                    candidates.push((d, f, p));
                }
            }
        }
        candidates.sort();
        let (mut forms_taken, mut plans_taken) = (HashSet::new(), HashSet::new());
        for (_, f, p) in candidates {
            if !forms_taken.contains(&f) && !plans_taken.contains(&p) {
                forms_taken.insert(f);
                plans_taken.insert(p);
                pairs.push((f, p));
            }
        }
        // A draft takes the child's one list row left.
        let left: Vec<usize> = plan_rows.iter().copied().filter(|p| !plans_taken.contains(p) && model.audits[*p].completed.is_none()).collect();
        let drafts: Vec<usize> = form_rows.iter().copied().filter(|&f| model.audits[f].completed.is_none()).collect();
        if let ([p], [f]) = (left.as_slice(), drafts.as_slice()) {
            if same_framework(&model.audits[*f], &model.audits[*p]) {
                pairs.push((*f, *p));
            }
        }
    }
    if pairs.is_empty() {
        return 0;
    }
    // The fields each audit table has a column (or a form label) for.
    let mut fields: HashMap<TableKey, BTreeSet<String>> = HashMap::new();
    for t in tables.iter().filter(|t| t.kind == TableKind::Audits) {
        fields.entry((t.file.clone(), t.sheet.clone())).or_default().extend(super::merge::fields_of(&t.columns).into_iter().map(str::to_string));
    }
    let fields_of = |key: &TableKey| fields.get(key).cloned().unwrap_or_default();
    let mut joined_tables: BTreeMap<TableKey, BTreeMap<TableKey, ()>> = BTreeMap::new();
    let mut gone: HashSet<usize> = HashSet::new();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for &(f, p) in &pairs {
        let plan = model.audits[p].clone();
        let (form_key, plan_key) = (key_of(&model.audits[f]), key_of(&plan));
        let has = fields_of(&form_key);
        let has: HashSet<&str> = has.iter().map(String::as_str).collect();
        let kept = super::merge::audit(&mut model.audits[f], &plan, &has);
        renamed.insert(plan.id.clone(), model.audits[f].id.clone());
        joined_tables.entry(plan_key.clone()).or_default().insert(form_key.clone(), ());
        joined_tables.entry(form_key).or_default().insert(plan_key, ());
        gone.insert(p);
        let form = &model.audits[f];
        let when = planned(&plan).map(|d| format!(", planned {d}")).unwrap_or_default();
        let took = if kept.is_empty() { String::new() } else { format!(", with this row's {}", kept.join(", ")) };
        found.push(
            Severity::Info,
            "joined_to_form",
            &plan.origin.file,
            plan.origin.sheet.as_deref(),
            Some(plan.origin.row),
            Some("child id"),
            plan.child_id.clone(),
            format!("{JOINED}: the audit form {} (the same child{when}) is this audit; its record is used{took}", form.origin.file),
        );
        if let Some(t) = tables.iter_mut().find(|t| t.kind == TableKind::Audits && t.file == plan.origin.file && t.sheet == plan.origin.sheet) {
            t.rows_accepted = t.rows_accepted.saturating_sub(1);
            t.reject(JOINED);
        }
    }
    // A list whose framework is not recognised (no questions on it) plans
    // the audits of its forms: its rows no form joins are due by the forms'
    // rule ("end of the bi-monthly cycle"), when its forms agree on one.
    let mut rules: BTreeMap<TableKey, BTreeMap<String, ()>> = BTreeMap::new();
    for &(f, p) in &pairs {
        rules.entry(key_of(&model.audits[p])).or_default().insert(model.audits[f].due_rule.clone(), ());
    }
    for (table, rule) in rules.into_iter().filter_map(|(t, r)| (r.len() == 1).then(|| (t, r.into_keys().next().unwrap_or_default()))) {
        let Some(t) = tables.iter_mut().find(|t| t.kind == TableKind::Audits && t.file == table.0 && t.sheet == table.1 && t.framework.is_none()) else {
            continue;
        };
        let mut changed = false;
        for (i, a) in model.audits.iter_mut().enumerate() {
            if !gone.contains(&i) && key_of(a) == table && a.due_rule != rule {
                a.due_rule.clone_from(&rule);
                changed = true;
            }
        }
        if changed {
            t.notes.push(format!("its rows no form joins are due by the rule of the forms joined to it: {rule}"));
        }
    }
    // Actions given the list row's audit id belong to the form's audit now.
    for act in &mut model.actions {
        if let Some(id) = act.audit_id.as_mut() {
            if let Some(to) = renamed.get(id.as_str()) {
                id.clone_from(to);
            }
        }
    }
    let mut index = 0;
    model.audits.retain(|_| {
        index += 1;
        !gone.contains(&(index - 1))
    });
    // Each side counts as recording what the other holds (see the module note).
    let credits: Vec<(TableKey, Vec<(String, String)>)> = joined_tables
        .iter()
        .map(|(table, others)| {
            let own = fields_of(table);
            let mut add: Vec<(String, String)> = Vec::new();
            for other in others.keys() {
                for field in fields_of(other) {
                    if !own.contains(&field) && KPI_FIELDS.contains(&field.as_str()) && !add.iter().any(|(f, _)| *f == field) {
                        add.push((field, other.0.clone()));
                    }
                }
            }
            (table.clone(), add)
        })
        .collect();
    for (table, add) in credits {
        let Some(t) = tables.iter_mut().find(|t| t.kind == TableKind::Audits && t.file == table.0 && t.sheet == table.1) else { continue };
        let forms_side = forms.contains(&table);
        for (field, from) in add {
            t.columns.push(ColumnMap {
                index: usize::MAX,
                header: if forms_side { format!("(the list {from})") } else { "(the audit forms)".to_string() },
                target: Target::Field(field),
                reason: "joined by child id: one audit".into(),
                scale: None,
                score: 100,
            });
        }
    }
    found.push(
        Severity::Info,
        "joined_to_form",
        "",
        None,
        None,
        None,
        "",
        format!(
            "{} audit forms joined to the list rows that planned them (the same child; planned before the form was completed): each pair is one audit",
            pairs.len()
        ),
    );
    pairs.len()
}
