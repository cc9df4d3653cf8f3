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
//!
//! Before that, several forms of one audit (saved versions, a moderation
//! form, an action plan) become one (`forms_together`); a graded list row
//! is joined to a form only as a record of the same audit (`same_record`);
//! and a table of returned audits with no plan dates joins a pure allocation
//! list the same way as forms do.

use super::columns::{ColumnMap, TableKind, Target};
use super::findings::{Findings, Severity};
use super::model::{Audit, Model};
use super::table::TableReport;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Why a list row is set aside: its form holds the audit.
pub const JOINED: &str = "planned audit joined to its form (the form's record is used)";

/// Why a form is set aside: a graded list row records its audit.
pub const JOINED_RECORD: &str = "audit form joined to the list's record of its audit (that record is used)";

/// Whether a graded list row records the form's audit: the form's own audit
/// id (not one made up from its file name), or the same child's completion
/// within a month (see [`RETURNED_DAYS`]). (0: nearest, before any planned row.)
fn same_record(form: &Audit, list: &Audit) -> Option<i64> {
    let made_up = form.id == super::table::derived_id(&form.origin.file, &form.child_id, form.completed, 1);
    if !made_up && form.id.trim().eq_ignore_ascii_case(list.id.trim()) {
        return Some(0);
    }
    let (Some(c), Some(d)) = (form.completed, list.completed) else { return None };
    let days = (c - d).num_days().abs();
    (days <= RETURNED_DAYS).then_some(days)
}

/// A list row and a form further apart than this are not one audit.
const MAX_DAYS: i64 = 366;

/// Days a plan may be dated after its form (a typing slip).
const PLAN_SLIP: i64 = 3;

/// A list's completion ("Date returned", often days or weeks after the
/// audit) and a form's date further apart than this are two audits.
const RETURNED_DAYS: i64 = 31;

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
        // (A slip of a day or three in typing the plan's date is allowed.)
        (Some(start), _) => {
            let days = (done - start).num_days();
            (-PLAN_SLIP..=MAX_DAYS).contains(&days).then_some(days.abs())
        }
        // Only a deadline: done at most two months before it (a bi-monthly
        // cycle) or six months after.
        (None, Some(due)) => {
            let days = (done - due).num_days();
            (-62..=183).contains(&days).then_some(days.abs())
        }
        (None, None) => Some(MAX_DAYS),
    }
}

/// Why a form is set aside: another form of the same audit is used.
pub const FORM_JOINED: &str = "form of an audit another form records (that form is used)";

/// Why an action on a form joined to another is not counted where the form
/// used has it too.
pub const ACTION_ON_COPY: &str =
    "an action of a form joined to another form of the same audit, which records the same action (same words, same due date): not counted twice";

/// Forms of one audit within this many days of each other are one record.
const FORM_DAYS: i64 = 14;

/// How much a record holds: graded first, then its fields filled.
fn fullness(a: &Audit) -> (bool, usize) {
    let filled = [
        a.completed.is_some(),
        a.team.is_some(),
        a.auditor.is_some(),
        a.allocated.is_some() || a.due.is_some(),
        a.moderated.is_some(),
        a.spoke_child != super::model::Answer::Blank,
        a.spoke_family != super::model::Answer::Blank,
        a.spoke_practitioner != super::model::Answer::Blank,
        !a.domains.is_empty(),
    ];
    (a.overall.is_some(), filled.iter().filter(|f| **f).count())
}

/// Whether two files are saves of one kind of document: their names agree
/// up to the first digit ("Full audit TB70214 20260914" and "Full audit
/// TB70214 20260921"), folded.
fn same_kind(a: &str, b: &str) -> bool {
    let head = |f: &str| {
        let stem = std::path::Path::new(f).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        super::fold::fold(stem.split(|c: char| c.is_ascii_digit()).next().unwrap_or(""))
    };
    head(a) == head(b)
}

/// Which of two forms' files is the later save, when their names say: saves
/// of one document ("v1" / "v2 FINAL", a date in the name), or one name
/// saying it corrects another ("… updated after HoS challenge").
fn names_order(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    if same_kind(a, b) {
        if let Some(o) = super::versions::later_export(a, b) {
            return Some(o);
        }
    }
    match (super::versions::says_correction(a), super::versions::says_correction(b)) {
        (false, true) => Some(std::cmp::Ordering::Greater),
        (true, false) => Some(std::cmp::Ordering::Less),
        _ => None,
    }
}

/// Whether a file's name says it is a re-audit ("… re-audit.docx").
fn reaudit_named(file: &str) -> bool {
    let stem = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let f = super::fold::fold(&stem);
    super::fold::contains_phrase(&f, "re audit") || f.split(' ').any(|w| w == "reaudit")
}

/// Whether two forms of one child, dated within two weeks, can be one audit:
/// not a re-audit beside the audit it follows (named so, or two graded forms
/// of different dates whose names do not say one is a later save of the
/// other: seed 000 re-audits within days of an escalation).
fn one_audit(a: &Audit, b: &Audit) -> bool {
    if reaudit_named(&a.origin.file) != reaudit_named(&b.origin.file) {
        return false;
    }
    !(a.overall.is_some() && b.overall.is_some() && a.completed != b.completed && names_order(&a.origin.file, &b.origin.file).is_none())
}

/// A form that records only a moderation (no grade of the audit, no
/// questions answered, no completion of its own) that no audit took: a
/// moderation of an audit not in the exports. Not an audit.
fn moderation_only(a: &Audit) -> bool {
    a.overall.is_none() && a.domains.iter().all(|d| d.judgement.is_none()) && (a.moderated_overall.is_some() || a.moderation_date.is_some())
}

/// Several forms of one audit: saved versions ("v1", "v2 FINAL", a re-save
/// dated a week later), a moderation form or an action plan that repeats the
/// audit's child and date. The same child's forms dated within two weeks of
/// each other (or one undated and ungraded beside the child's only dated
/// one) are one audit: the form the file names say is later is used, else
/// the graded one, else the fuller; it takes the blanks it has from the
/// others (the moderation, the team), their actions become its actions, and
/// the others are set aside with a note.
fn forms_together(tables: &mut [TableReport], model: &mut Model, forms: &HashSet<TableKey>, found: &mut Findings) -> usize {
    let moderation_records = moderation_records(tables);
    let mut by_child: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in model.audits.iter().enumerate() {
        if let Some(child) = super::identity::child_key(&a.child_id).filter(|_| forms.contains(&key_of(a))) {
            by_child.entry(child).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for rows in by_child.values().filter(|r| r.len() > 1) {
        // Dated forms in date order, grouped while each is within two weeks of the first.
        let mut dated: Vec<usize> = rows.iter().copied().filter(|&i| model.audits[i].completed.is_some()).collect();
        dated.sort_by_key(|&i| model.audits[i].completed);
        let mut group: Vec<usize> = Vec::new();
        for i in dated {
            let first = group.first().and_then(|&g| model.audits[g].completed);
            let near = first.is_some_and(|f| model.audits[i].completed.is_some_and(|d| (d - f).num_days() <= FORM_DAYS));
            let joins = near && group.iter().all(|&g| one_audit(&model.audits[g], &model.audits[i]));
            if !group.is_empty() && !joins {
                groups.push(std::mem::take(&mut group));
            }
            group.push(i);
        }
        groups.push(group);
        // An undated, ungraded form (a moderation or action record without
        // the audit's date) beside the child's only group.
        let undated: Vec<usize> = rows.iter().copied().filter(|&i| model.audits[i].completed.is_none() && model.audits[i].overall.is_none()).collect();
        let child_groups: Vec<usize> = (0..groups.len()).filter(|&g| groups[g].first().is_some_and(|i| rows.contains(i))).collect();
        if let ([g], false) = (child_groups.as_slice(), undated.is_empty()) {
            groups[*g].extend(undated);
        }
    }
    let mut gone: HashSet<usize> = HashSet::new();
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut joined: BTreeMap<TableKey, BTreeMap<TableKey, ()>> = BTreeMap::new();
    for group in groups.into_iter().filter(|g| g.len() > 1) {
        let mut used = group[0];
        for &i in &group[1..] {
            let (a, b) = (&model.audits[used], &model.audits[i]);
            // The names decide between saves of one document ("v1" / "v2
            // FINAL", a date in the name), not between kinds of document
            // ("Learning Audit …" / "Moderation Audit …").
            // A moderation record is never the audit's record when the
            // audit's own form is there (it would be dropped as a moderation).
            let later = match (moderation_records.contains(&key_of(a)), moderation_records.contains(&key_of(b))) {
                (true, false) => true,
                (false, true) => false,
                _ => match names_order(&a.origin.file, &b.origin.file) {
                    Some(o) => o == std::cmp::Ordering::Greater,
                    None => fullness(b) > fullness(a),
                },
            };
            if later {
                used = i;
            }
        }
        for &i in group.iter().filter(|&&i| i != used) {
            let other = model.audits[i].clone();
            if let Some(d) = other.completed.filter(|d| model.audits[used].completed != Some(*d)) {
                model.joined_dates.push((model.audits[used].id.clone(), d));
            }
            joined.entry(key_of(&model.audits[used])).or_default().insert(key_of(&other), ());
            let kept = super::merge::audit(&mut model.audits[used], &other, &HashSet::new());
            renamed.insert(other.id.clone(), model.audits[used].id.clone());
            gone.insert(i);
            let took = if kept.is_empty() { String::new() } else { format!(", with this form's {}", kept.join(", ")) };
            found.push(
                Severity::Info,
                "joined_to_form",
                &other.origin.file,
                other.origin.sheet.as_deref(),
                None,
                Some("child id"),
                other.child_id.clone(),
                format!("{FORM_JOINED}: {} records the same child's audit of that date; it is used{took}", model.audits[used].origin.file),
            );
            set_aside(tables, &key_of(&other), FORM_JOINED);
        }
    }
    // A joined form's action that the form used records too (the same words,
    // due the same day: a copy of the form, its grid copied with it) is that
    // action, not another: set aside. Its other actions become the used
    // form's audit's.
    let same =
        |x: &super::model::Action, y: &super::model::Action| super::fold::fold(&x.text) == super::fold::fold(&y.text) && x.due == y.due && x.due_in == y.due_in;
    // (By the forms' places: a copy of a form in the same workbook may have
    // the same audit id as the form.)
    let joined_away: HashSet<TableKey> = gone.iter().map(|&i| key_of(&model.audits[i])).collect();
    let place = |a: &super::model::Action| (a.origin.file.clone(), a.origin.sheet.clone());
    let mut copies: Vec<(usize, usize)> = Vec::new(); // (the copy, the action kept)
    for (i, act) in model.actions.iter().enumerate().filter(|(_, a)| joined_away.contains(&place(a))) {
        let Some(to) = act.audit_id.as_ref().and_then(|id| renamed.get(id)) else { continue };
        if let Some(j) = model.actions.iter().position(|o| o.audit_id.as_ref() == Some(to) && !joined_away.contains(&place(o)) && same(o, act)) {
            copies.push((i, j));
        }
    }
    // (What the kept action leaves blank, its copy may say: done, by whom.)
    for &(i, j) in &copies {
        let (completed, owner) = (model.actions[i].completed, model.actions[i].owner.clone());
        let kept = &mut model.actions[j];
        kept.completed = kept.completed.or(completed);
        kept.owner = kept.owner.take().or(owner);
    }
    for act in &mut model.actions {
        if let Some(to) = act.audit_id.as_ref().and_then(|id| renamed.get(id)) {
            act.audit_id = Some(to.clone());
        }
    }
    let mut copies: Vec<usize> = copies.into_iter().map(|(i, _)| i).collect();
    copies.sort_unstable();
    copies.dedup();
    for &i in copies.iter().rev() {
        let act = model.actions.remove(i);
        if let Some(t) = tables.iter_mut().find(|t| t.kind == TableKind::Actions && t.file == act.origin.file && t.sheet == act.origin.sheet) {
            t.rows_accepted = t.rows_accepted.saturating_sub(1);
            t.reject(ACTION_ON_COPY);
        }
        let why = format!("{ACTION_ON_COPY}: set aside");
        found.push(Severity::Info, "row_set_aside", &act.origin.file, act.origin.sheet.as_deref(), Some(act.origin.row), Some("action"), act.text.clone(), why);
    }
    drop_audits(model, &gone);
    // The form used records what its joined forms hold (a moderation form's moderation).
    let fields = audit_fields(tables);
    credit(tables, &joined, &fields, |_, from| format!("(the form {from})"));
    // Moderation kept as forms of its own: an audit form with none beside it
    // was not moderated (as with a moderation log, `credit_moderation_log`).
    let moderation_forms =
        joined.values().flat_map(|others| others.keys()).any(|k| fields.get(k).is_some_and(|f| f.contains("moderated") || f.contains("moderation_date")));
    if moderation_forms {
        for t in tables.iter_mut().filter(|t| t.kind == TableKind::Audits && forms.contains(&(t.file.clone(), t.sheet.clone()))) {
            if !t.columns.iter().any(|c| matches!(&c.target, Target::Field(f) if f == "moderated")) {
                t.columns.push(ColumnMap {
                    index: usize::MAX,
                    header: "(the moderation forms)".into(),
                    target: Target::Field("moderated".into()),
                    reason: "moderation kept as forms of its own: a form with none was not moderated".into(),
                    scale: None,
                    score: 100,
                });
            }
        }
    }
    gone.len()
}

/// Each table joined to others is credited with the KPI fields they hold
/// and it lacks (`header` names where they came from), so coverage counts
/// its records for those KPIs.
fn credit(
    tables: &mut [TableReport],
    joined: &BTreeMap<TableKey, BTreeMap<TableKey, ()>>,
    fields: &HashMap<TableKey, BTreeSet<String>>,
    header: impl Fn(&TableKey, &str) -> String,
) {
    let fields_of = |key: &TableKey| fields.get(key).cloned().unwrap_or_default();
    for (table, others) in joined {
        let own = fields_of(table);
        let mut add: Vec<(String, String)> = Vec::new();
        for other in others.keys() {
            for field in fields_of(other) {
                if !own.contains(&field) && KPI_FIELDS.contains(&field.as_str()) && !add.iter().any(|(f, _)| *f == field) {
                    add.push((field, other.0.clone()));
                }
            }
        }
        let Some(t) = tables.iter_mut().find(|t| t.kind == TableKind::Audits && t.file == table.0 && t.sheet == table.1) else { continue };
        for (field, from) in add {
            t.columns.push(ColumnMap {
                index: usize::MAX,
                header: header(table, &from),
                target: Target::Field(field),
                reason: "joined by child id: one audit".into(),
                scale: None,
                score: 100,
            });
        }
    }
}

/// The fields each audit table has a column (or a form label) for.
fn audit_fields(tables: &[TableReport]) -> HashMap<TableKey, BTreeSet<String>> {
    let mut fields: HashMap<TableKey, BTreeSet<String>> = HashMap::new();
    for t in tables.iter().filter(|t| t.kind == TableKind::Audits) {
        fields.entry((t.file.clone(), t.sheet.clone())).or_default().extend(super::merge::fields_of(&t.columns).into_iter().map(str::to_string));
    }
    fields
}

/// The audit tables read with a note ([`super::forms::READ_AS_FORM`]: the forms).
fn audit_tables_noted(tables: &[TableReport], note: &str) -> HashSet<TableKey> {
    tables.iter().filter(|t| t.kind == TableKind::Audits && t.has_note(note)).map(|t| (t.file.clone(), t.sheet.clone())).collect()
}

/// The forms whose title says they record a moderation.
fn moderation_records(tables: &[TableReport]) -> HashSet<TableKey> {
    audit_tables_noted(tables, super::forms::MODERATION_RECORD)
}

/// One record of an audit table no longer used (joined to another): its
/// table counts it under `why` instead of as accepted.
fn set_aside(tables: &mut [TableReport], table: &TableKey, why: &str) {
    if let Some(t) = tables.iter_mut().find(|t| t.kind == TableKind::Audits && t.file == table.0 && t.sheet == table.1) {
        t.rows_accepted = t.rows_accepted.saturating_sub(1);
        t.reject(why);
    }
}

/// Removes the audits at these places in the model.
fn drop_audits(model: &mut Model, gone: &HashSet<usize>) {
    let mut index = 0;
    model.audits.retain(|_| {
        index += 1;
        !gone.contains(&(index - 1))
    });
}

/// Why a Part B row is set aside: the audit is its Part A's record, completed by it.
pub const PART_B_JOINED: &str = "Part B of an audit, joined to its Part A (the audit is complete on Part B's date)";

/// Days a Part B may come after its Part A and still complete it.
const PART_B_DAYS: i64 = 183;

/// Which part of seed 002's two-part audit a table's completion date is:
/// `Some(false)` Part A ("PART A, AUDITOR COMPLETES: Date"), `Some(true)`
/// Part B, `None` neither (or a table with both parts' dates, read whole).
/// Where its columns do not say, the part its file's or sheet's name says
/// ("Quality Audit - Part A (Auditor)(1-9).xlsx" with its own "Date of
/// audit"; blind set 161), for a table with a completion date.
fn part_of(t: &TableReport) -> Option<bool> {
    part_of_table(&t.columns, &t.file, t.sheet.as_deref())
}

/// [`part_of`] from a table's columns, file and sheet (while it is read).
pub(crate) fn part_of_table(columns: &[ColumnMap], file: &str, sheet: Option<&str>) -> Option<bool> {
    part_of_columns(columns).or_else(|| {
        if !columns.iter().any(|c| c.target == Target::Field("completed_date".into())) || columns.iter().any(|c| super::columns::names_part_letter(&c.header)) {
            return None;
        }
        super::parts::part_by_name(file, sheet, false)
    })
}

/// [`part_of`] from a table's columns.
pub(crate) fn part_of_columns(columns: &[ColumnMap]) -> Option<bool> {
    let dated: Vec<&ColumnMap> = columns
        .iter()
        .filter(|c| super::columns::names_part_letter(&c.header) && (c.target == Target::Field("completed_date".into()) || c.reason.contains("completed_date")))
        .collect();
    let parts: BTreeSet<bool> = dated.iter().filter_map(|c| super::columns::names_part_b(&c.header)).collect();
    let completion = columns.iter().find(|c| c.target == Target::Field("completed_date".into()))?;
    // (Or Part B's date by its place, naming no part: "Part B - CSW
    // acknowledgement" | "Date acknowledged"; review 260's c01, a later
    // month's lines of a form whose Part A was read before.)
    let after_part_b = || {
        parts.is_empty()
            && super::columns::names_part_b(&completion.header).is_none()
            && columns.iter().any(|b| b.index + 1 == completion.index && super::columns::names_part_b_as_written(&b.header))
    };
    if after_part_b() {
        return Some(true);
    }
    (parts.len() == 1 && super::columns::names_part_letter(&completion.header)).then(|| super::columns::names_part_b(&completion.header)).flatten()
}

/// A Part A with no Part B (`why`): begun, not complete; said.
fn part_b_missing(a: &mut Audit, why: &str, found: &mut Findings) {
    let Some(done_a) = a.completed.take() else { return };
    found.push(
        Severity::Warning,
        "part_b_missing",
        &a.origin.file,
        a.origin.sheet.as_deref(),
        Some(a.origin.row),
        Some("child id"),
        a.child_id.clone(),
        format!("Part A done {done_a}, and {why}: the audit is not complete (seed 002: it is complete when Part B is)"),
    );
}

/// Seed 002's two-part audit kept as two tables (two surveys, two lists):
/// Part A, the auditor's, dated when the auditor did it, and Part B, the
/// practitioner's acknowledgement, which completes the audit ("Once this
/// part is completed the audit is complete"). Each Part B row joins the same
/// child's Part A row dated on or before it (within six months; the nearest
/// first, each taking one, which says which parts are joined; then a child's
/// joined parts are paired in date order, so that an acknowledgement given
/// late, after the re-audit, completes the first audit, not the second): the
/// audit is Part A's record, completed on Part B's date. A Part A that no
/// Part B joins is not complete; a Part B that joins no Part A stays an
/// audit of its own, unless it is a Part B of the same child sent again
/// within a week of one that joined (or, with no Part A table, of a later
/// one). Each is said.
pub fn parts_joined(tables: &mut [TableReport], model: &mut Model, found: &mut Findings) -> usize {
    let part: HashMap<TableKey, bool> =
        tables.iter().filter(|t| t.kind == TableKind::Audits && !t.failed).filter_map(|t| part_of(t).map(|b| ((t.file.clone(), t.sheet.clone()), b))).collect();
    let of = |a: &Audit, b: bool| part.get(&key_of(a)) == Some(&b);
    // (A Part B table with no column of Part A's but a reference to it: the
    // practitioner's form alone.)
    let part_a_dated =
        |t: &TableReport| t.columns.iter().any(|c| super::columns::names_part_b(&c.header) == Some(false) && !super::parts::names_a_reference(&c.header));
    let named_b: HashSet<TableKey> = tables
        .iter()
        .filter(|t| part.get(&(t.file.clone(), t.sheet.clone())) == Some(&true) && !part_a_dated(t))
        .map(|t| (t.file.clone(), t.sheet.clone()))
        .collect();
    if !part.values().any(|b| *b) {
        // Part A alone (a file or sheet named for Part A, with no column of
        // Part B's, and no Part B read): each begun, not complete, said
        // (review 254's c45). (A table whose own columns name its parts, a
        // form with both, is read whole.)
        // (Only a name in seed 002's own words, "Quality Audit - Part A
        // (Auditor)": not "Case file audits 2026 - Part A Children in Care",
        // a part of a service's list; review 255's c11b.)
        let seed_words = |t: &TableReport| {
            let name = format!("{} {}", t.file, t.sheet.as_deref().unwrap_or(""));
            super::fold::fold(&name).split(' ').any(|w| matches!(w, "quality" | "auditor" | "auditors" | "csw"))
        };
        // (The tables whose part their name says, not their columns.)
        let named: HashSet<TableKey> = tables
            .iter()
            .filter(|t| t.kind == TableKind::Audits && !t.failed && part_of_columns(&t.columns).is_none() && part_of(t).is_some())
            .filter(|t| seed_words(t) && !t.columns.iter().any(|c| super::columns::names_part_b(&c.header) == Some(true)))
            .map(|t| (t.file.clone(), t.sheet.clone()))
            .collect();
        let alone: Vec<usize> = (0..model.audits.len()).filter(|&i| of(&model.audits[i], false) && named.contains(&key_of(&model.audits[i]))).collect();
        for i in alone {
            part_b_missing(&mut model.audits[i], "no Part B export was read", found);
        }
        return 0;
    }
    // Part B alone (no Part A table): each sent again within a week of a
    // later one of the same child is that one (the rows are read without the
    // resubmission rule, which waits for the parts to be joined); the others
    // complete an audit waiting for them (below) or are audits of their own.
    let b_alone = !part.values().any(|b| !*b);
    let alone_resent: Vec<usize> = if b_alone {
        let parts_b: Vec<usize> = (0..model.audits.len()).filter(|&j| of(&model.audits[j], true)).collect();
        parts_b.iter().copied().filter(|&j| parts_b.iter().any(|&k| k != j && part_b_sent_again(&model.audits[j], &model.audits[k], true))).collect()
    } else {
        Vec::new()
    };
    let mut candidates: Vec<(i64, usize, usize)> = Vec::new();
    for (i, a) in model.audits.iter().enumerate().filter(|(_, a)| of(a, false)) {
        let (Some(child), Some(done_a)) = (super::identity::child_key(&a.child_id), a.completed) else { continue };
        for (j, b) in model.audits.iter().enumerate().filter(|(_, b)| of(b, true)) {
            let Some(done_b) = b.completed else { continue };
            let days = (done_b - done_a).num_days();
            if (0..=PART_B_DAYS).contains(&days) && super::identity::child_key(&b.child_id).as_deref() == Some(child.as_str()) {
                candidates.push((days, i, j));
            }
        }
    }
    candidates.sort();
    let (mut taken_a, mut taken_b) = (HashSet::new(), HashSet::new());
    let mut chosen = Vec::new();
    for (_, i, j) in candidates {
        if !taken_a.contains(&i) && !taken_b.contains(&j) {
            taken_a.insert(i);
            taken_b.insert(j);
            chosen.push((i, j));
        }
    }
    // A child's joined parts in date order: the first Part A with the first
    // Part B, and so on (still each on or before its Part B, within six
    // months: pairing in order never crosses).
    let mut by_child: BTreeMap<String, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for &(i, j) in &chosen {
        let child = super::identity::child_key(&model.audits[i].child_id).unwrap_or_default();
        let e = by_child.entry(child).or_default();
        e.0.push(i);
        e.1.push(j);
    }
    let mut b_of: HashMap<usize, usize> = HashMap::new();
    for (_, (mut a_rows, mut b_rows)) in by_child {
        a_rows.sort_by_key(|&i| (model.audits[i].completed, i));
        b_rows.sort_by_key(|&j| (model.audits[j].completed, j));
        b_of.extend(a_rows.into_iter().zip(b_rows));
    }
    let pairs: Vec<(usize, usize)> = chosen.iter().map(|&(i, _)| (i, b_of[&i])).collect();
    for &(i, j) in &pairs {
        let b = model.audits[j].clone();
        let part_a_date = model.audits[i].completed;
        super::merge::audit(&mut model.audits[i], &b, &HashSet::new());
        model.audits[i].completed = b.completed;
        let when = part_a_date.map(|d| format!(" (Part A {d})")).unwrap_or_default();
        found.push(
            Severity::Info,
            "part_b_joined",
            &b.origin.file,
            b.origin.sheet.as_deref(),
            Some(b.origin.row),
            Some("child id"),
            b.child_id.clone(),
            format!("{PART_B_JOINED}: {} row {}{when}", model.audits[i].origin.file, model.audits[i].origin.row),
        );
        set_aside(tables, &key_of(&b), PART_B_JOINED);
    }
    // A Part A with no Part B: begun, not complete.
    let alone: Vec<usize> = (0..model.audits.len()).filter(|i| of(&model.audits[*i], false) && !taken_a.contains(i)).collect();
    for i in alone {
        part_b_missing(&mut model.audits[i], "no Part B of the same child's audit on or after it", found);
    }
    // The Part Bs left over, in row order, each set aside at most once.
    let leftover = |j: usize, aside: &BTreeSet<usize>| !taken_b.contains(&j) && !aside.contains(&j) && of(&model.audits[j], true);
    let child_of = |j: usize| super::identity::child_key(&model.audits[j].child_id);
    // One within a week of one of the same child that joined: the
    // acknowledgement sent again.
    let resent: Vec<usize> = (0..model.audits.len())
        .filter(|&j| {
            alone_resent.contains(&j)
                || (leftover(j, &BTreeSet::new()) && taken_b.iter().any(|&k| part_b_sent_again(&model.audits[j], &model.audits[k], false)))
        })
        .collect();
    let mut aside: BTreeSet<usize> = resent.iter().copied().collect();
    // One later than a joined Part B of the same child, more than a week
    // after it, with no Part A left for it: acknowledging an audit already
    // complete again, not an audit of its own (said as a warning: it may be
    // a re-audit's whose Part A is missing).
    let again: Vec<usize> = (0..model.audits.len())
        .filter(|&j| {
            let child = child_of(j);
            leftover(j, &aside) && child.is_some() && taken_b.iter().any(|&k| child_of(k) == child && model.audits[k].completed <= model.audits[j].completed)
        })
        .collect();
    for &j in &again {
        part_b_aside(tables, &model.audits[j], found, (Severity::Warning, "part_b_again"), PART_B_AGAIN);
    }
    aside.extend(&again);
    // One with no date, of a child with a Part A: that Part B is not done
    // yet (its Part A is said not complete), not an audit of its own.
    let children_a: HashSet<String> = model.audits.iter().filter(|a| of(a, false)).filter_map(|a| super::identity::child_key(&a.child_id)).collect();
    let undated: Vec<usize> = (0..model.audits.len())
        .filter(|&j| leftover(j, &aside) && model.audits[j].completed.is_none() && child_of(j).is_some_and(|c| children_a.contains(&c)))
        .collect();
    for &j in &undated {
        part_b_aside(tables, &model.audits[j], found, (Severity::Info, "part_b_undated"), PART_B_UNDATED);
    }
    aside.extend(&undated);
    // One dated, whose child has one audit in another table waiting for its
    // Part B (begun and not complete: a case-management form's Part A sent
    // to the CSW when the service moved to forms; blind set 161's M03):
    // that audit, completed on this Part B's date.
    let mut waited: Vec<(usize, usize)> = Vec::new();
    // (With no Part A table, only a Part B its name says is one: a table of
    // the audit as its parts' dates give it, in an export after the one
    // where it was begun, is the audit again, read as such.)
    let waits_for = |j: usize| !b_alone || named_b.contains(&key_of(&model.audits[j]));
    for j in (0..model.audits.len()).filter(|&j| leftover(j, &aside) && model.audits[j].completed.is_some() && waits_for(j)) {
        let b = &model.audits[j];
        let waiting: Vec<usize> = (0..model.audits.len())
            .filter(|&i| {
                let a = &model.audits[i];
                i != j
                    && key_of(a) != key_of(b)
                    && a.completed.is_none()
                    && !of(a, false)
                    && child_of(i).is_some()
                    && child_of(i) == child_of(j)
                    && !waited.iter().any(|&(w, _)| w == i)
                    && [a.allocated, a.due].into_iter().flatten().all(|d| (b.completed.unwrap_or(d) - d).num_days() <= PART_B_DAYS)
            })
            .collect();
        if let [i] = waiting[..] {
            waited.push((i, j));
        }
    }
    aside.extend(waited.iter().map(|&(_, j)| j));
    let left: Vec<usize> = (0..model.audits.len()).filter(|&j| leftover(j, &aside)).collect();
    for &(i, j) in &waited {
        let b = model.audits[j].clone();
        super::merge::audit(&mut model.audits[i], &b, &HashSet::new());
        model.audits[i].completed = b.completed;
        let why = format!(
            "{PART_B_JOINED}: {} row {} (begun there and not complete: its Part B is this one)",
            model.audits[i].origin.file, model.audits[i].origin.row
        );
        found.push(Severity::Info, "part_b_joined", &b.origin.file, b.origin.sheet.as_deref(), Some(b.origin.row), Some("child id"), b.child_id.clone(), why);
        set_aside(tables, &key_of(&b), PART_B_JOINED);
    }
    // (With no Part A table, each left is an audit of its own, as it says.)
    for b in left.iter().filter(|_| !b_alone).map(|&j| &model.audits[j]) {
        found.push(
            Severity::Warning,
            "part_a_missing",
            &b.origin.file,
            b.origin.sheet.as_deref(),
            Some(b.origin.row),
            Some("child id"),
            b.child_id.clone(),
            "Part B with no Part A of the same child's audit on or before it: kept as an audit of its own, complete on Part B's date",
        );
    }
    // (The joined Part Bs' rows are set aside above; the resent are said
    // last, and every one set aside is dropped with them.)
    for &j in &resent {
        say_resent(tables, &model.audits[j], found);
    }
    let gone: HashSet<usize> = pairs.iter().map(|&(_, j)| j).chain(aside).collect();
    drop_audits(model, &gone);
    pairs.len()
}

/// Why a Part B row is set aside: it has no date, so it is not done yet.
pub const PART_B_UNDATED: &str = "Part B with no date, of a child whose Part A was read: not done yet (the Part A is not complete), not an audit of its own";

/// Why a Part B row is set aside: a later acknowledgement of the same
/// child's audit, already complete, with no Part A left for it.
pub const PART_B_AGAIN: &str =
    "a second Part B of the same child's audit, which an earlier Part B already completed, and no Part A left for it: not counted as an audit of its own (if it is a re-audit's, its Part A is missing)";

/// Why a Part B row is set aside: the same child's acknowledgement sent in
/// again within a week.
pub const PART_B_SENT_AGAIN: &str = "Part B sent again (the same child's acknowledgement within a week of another: that one is used)";

/// Days within which a second Part B of the same child is the first sent again.
const PART_B_AGAIN_DAYS: i64 = 7;

/// Whether Part B `b` is `other` sent again: the same child, within a week;
/// `later_only`: `other` is the later (with nothing joined to choose by).
fn part_b_sent_again(b: &Audit, other: &Audit, later_only: bool) -> bool {
    let (Some(d), Some(e)) = (b.completed, other.completed) else { return false };
    let days = (e - d).num_days();
    let near = if later_only { (1..=PART_B_AGAIN_DAYS).contains(&days) } else { days.abs() <= PART_B_AGAIN_DAYS };
    near && super::identity::child_key(&b.child_id).is_some() && super::identity::child_key(&b.child_id) == super::identity::child_key(&other.child_id)
}

fn say_resent(tables: &mut [TableReport], b: &Audit, found: &mut Findings) {
    part_b_aside(tables, b, found, (Severity::Info, "part_b_sent_again"), PART_B_SENT_AGAIN);
}

/// Sets a Part B row aside, said with this severity and code.
fn part_b_aside(tables: &mut [TableReport], b: &Audit, found: &mut Findings, (severity, code): (Severity, &'static str), why: &str) {
    found.push(severity, code, &b.origin.file, b.origin.sheet.as_deref(), Some(b.origin.row), Some("child id"), b.child_id.clone(), why);
    set_aside(tables, &key_of(b), why);
}

/// Joins forms to the list rows that planned them; returns how many were joined.
pub fn forms_to_lists(tables: &mut [TableReport], model: &mut Model, found: &mut Findings) -> usize {
    let forms = audit_tables_noted(tables, super::forms::READ_AS_FORM);
    // A table of returned audits with no plan dates (completion and grades,
    // overall or by question, no due, allocation or month: a collation of
    // the forms, a survey tool's download) beside a pure
    // allocation list (plan dates, no completion or grade) is joined the
    // same way; a form joins any list row.
    let fields = audit_fields(tables);
    let planned = |f: &BTreeSet<String>| ["due_date", "allocated_date", "audit_month"].iter().any(|x| f.contains(*x));
    let usable: Vec<TableKey> = tables.iter().filter(|t| t.kind == TableKind::Audits && !t.failed).map(|t| (t.file.clone(), t.sheet.clone())).collect();
    let tables_where =
        |keep: &dyn Fn(&BTreeSet<String>) -> bool| -> HashSet<TableKey> { usable.iter().filter(|k| fields.get(*k).is_some_and(keep)).cloned().collect() };
    let returns: HashSet<TableKey> = tables_where(&|f| f.contains("completed_date") && (f.contains("overall") || f.contains("domain")) && !planned(f))
        .into_iter()
        .filter(|k| !forms.contains(k))
        .collect();
    // (A list's one yes / no question that names no domain, "Audit
    // challenged?", is about the audit, not a grade of its practice.)
    let one_question_aside: HashSet<TableKey> = tables
        .iter()
        .filter(|t| {
            let domains: Vec<&ColumnMap> = t.columns.iter().filter(|c| matches!(c.target, Target::Domain(_))).collect();
            domains.len() == 1 && domains.iter().all(|c| c.target == Target::Domain(None) && c.scale.as_deref() == Some("ynp"))
        })
        .map(|t| (t.file.clone(), t.sheet.clone()))
        .collect();
    let pure_lists: HashSet<TableKey> = tables_where(&|f| planned(f) && !f.contains("completed_date") && !f.contains("overall"))
        .into_iter()
        .filter(|k| !fields[k].contains("domain") || one_question_aside.contains(k))
        .collect();
    let returns = if pure_lists.is_empty() { HashSet::new() } else { returns };
    if forms.is_empty() && returns.is_empty() {
        return 0;
    }
    forms_together(tables, model, &forms, found);
    let joined = join_lists(tables, model, &forms, &returns, &pure_lists, found);
    // Moderation forms no audit took: ungraded ones, and those titled as a
    // moderation record (which restate the auditor's grade).
    let records = moderation_records(tables);
    let mut orphans: Vec<(String, Option<String>, String)> = Vec::new();
    model.audits.retain(|a| {
        let moderation = a.moderated_overall.is_some() || a.moderation_date.is_some();
        let orphan = forms.contains(&key_of(a)) && (moderation_only(a) || (records.contains(&key_of(a)) && moderation));
        if orphan {
            orphans.push((a.origin.file.clone(), a.origin.sheet.clone(), a.child_id.clone()));
        }
        !orphan
    });
    for (file, sheet, child) in orphans {
        found.push(
            Severity::Warning,
            "moderation_unlinked",
            &file,
            sheet.as_deref(),
            None,
            Some("child id"),
            child,
            "a moderation form, and no audit read is this child's of that date: moderation not counted, and not an audit",
        );
        set_aside(tables, &(file, sheet), "moderation of an audit not in the exports");
    }
    joined
}

/// Joins the forms to the list rows that planned them (see the module note).
fn join_lists(
    tables: &mut [TableReport],
    model: &mut Model,
    forms: &HashSet<TableKey>,
    returns: &HashSet<TableKey>,
    pure_lists: &HashSet<TableKey>,
    found: &mut Findings,
) -> usize {
    let framework_of: HashMap<TableKey, Option<&str>> = tables.iter().map(|t| ((t.file.clone(), t.sheet.clone()), t.framework.as_deref())).collect();
    // Per child: the forms (and returned audits), and the list rows planning an audit.
    let mut by_child: BTreeMap<String, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, a) in model.audits.iter().enumerate() {
        let Some(child) = super::identity::child_key(&a.child_id) else { continue };
        let key = key_of(a);
        if forms.contains(&key) || returns.contains(&key) {
            by_child.entry(child).or_default().0.push(i);
        } else {
            by_child.entry(child).or_default().1.push(i);
        }
    }
    // A returned audit joins only a pure allocation list's row.
    let may_join = |f: &Audit, p: &Audit| forms.contains(&key_of(f)) || pure_lists.contains(&key_of(p));
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
                let (form, list) = (&model.audits[f], &model.audits[p]);
                // A graded row is a record of the audit itself (a tracker copying
                // the form, a report the form moderates): the same audit only by
                // the form's own audit id, or a completion within days of it.
                let d = if list.overall.is_some() { same_record(form, list) } else { distance(list, done) };
                if let Some(d) = d.filter(|_| same_framework(form, list) && may_join(form, list)) {
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
        let left: Vec<usize> = plan_rows
            .iter()
            .copied()
            .filter(|p| !plans_taken.contains(p) && model.audits[*p].completed.is_none() && model.audits[*p].overall.is_none())
            .collect();
        let drafts: Vec<usize> = form_rows.iter().copied().filter(|&f| model.audits[f].completed.is_none()).collect();
        if let ([p], [f]) = (left.as_slice(), drafts.as_slice()) {
            if same_framework(&model.audits[*f], &model.audits[*p]) && may_join(&model.audits[*f], &model.audits[*p]) {
                pairs.push((*f, *p));
            }
        }
    }
    if pairs.is_empty() {
        return 0;
    }
    // The fields each audit table has a column (or a form label) for.
    let fields = audit_fields(tables);
    let mut joined_tables: BTreeMap<TableKey, BTreeMap<TableKey, ()>> = BTreeMap::new();
    let mut gone: HashSet<usize> = HashSet::new();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for &(f, p) in &pairs {
        // The fuller record is used: the form, unless the list's row is graded.
        let list_used = model.audits[p].overall.is_some();
        let (used, other) = if list_used { (p, f) } else { (f, p) };
        let gone_one = model.audits[other].clone();
        let (used_key, gone_key) = (key_of(&model.audits[used]), key_of(&gone_one));
        // Two records of one audit, not two versions: each blank of the one
        // used is filled from the other (a form's moderation block left
        // empty, the tracker's moderation columns filled).
        // The list's team is the team: the officer's register names each
        // team one way, where a form has what its auditor typed ("North").
        if !list_used && gone_one.team.is_some() {
            model.audits[used].team = None;
        }
        let kept = super::merge::audit(&mut model.audits[used], &gone_one, &HashSet::new());
        renamed.insert(gone_one.id.clone(), model.audits[used].id.clone());
        joined_tables.entry(gone_key.clone()).or_default().insert(used_key.clone(), ());
        joined_tables.entry(used_key).or_default().insert(gone_key.clone(), ());
        gone.insert(other);
        let kept_one = &model.audits[used];
        let whose = if list_used { "this form's" } else { "this row's" };
        let took = if kept.is_empty() { String::new() } else { format!(", with {whose} {}", kept.join(", ")) };
        let (why, message) = if list_used {
            let at = match &kept_one.origin.sheet {
                Some(sheet) => format!("{} [{sheet}] row {}", kept_one.origin.file, kept_one.origin.row),
                None => format!("{} row {}", kept_one.origin.file, kept_one.origin.row),
            };
            (JOINED_RECORD, format!("{JOINED_RECORD}: {at} records this audit (the same child and audit); its record is used{took}"))
        } else {
            let when = planned(&gone_one).map(|d| format!(", planned {d}")).unwrap_or_default();
            (JOINED, format!("{JOINED}: the audit form {} (the same child{when}) is this audit; its record is used{took}", kept_one.origin.file))
        };
        found.push(
            Severity::Info,
            "joined_to_form",
            &gone_one.origin.file,
            gone_one.origin.sheet.as_deref(),
            Some(gone_one.origin.row),
            Some("child id"),
            gone_one.child_id.clone(),
            message,
        );
        set_aside(tables, &gone_key, why);
    }
    // A list whose framework is not recognised (no questions on it) plans
    // the audits of its forms: its rows no form joins are due by the forms'
    // rule ("end of the bi-monthly cycle"), when its forms agree on one.
    let mut rules: BTreeMap<TableKey, BTreeMap<String, ()>> = BTreeMap::new();
    for &(f, p) in &pairs {
        rules.entry(key_of(&model.audits[p])).or_default().insert(model.audits[f].due_rule.clone(), ());
    }
    // Forms of two frameworks joined to one list: which rule its other rows
    // follow cannot be told (said, not guessed).
    for (table, several) in rules.iter().filter(|(_, r)| r.len() > 1) {
        if tables.iter().any(|t| t.kind == TableKind::Audits && t.file == table.0 && t.sheet == table.1 && t.framework.is_none()) {
            let named: Vec<&str> = several.keys().map(String::as_str).collect();
            found.push(
                Severity::Warning,
                "due_rule_unclear",
                &table.0,
                table.1.as_deref(),
                None,
                None,
                "",
                format!(
                    "the forms joined to this list follow different due rules ({}): its rows no form joins keep the default rule; pin the framework of this list in the config if they follow one",
                    named.join(", ")
                ),
            );
        }
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
    drop_audits(model, &gone);
    // Each side counts as recording what the other holds (see the module note).
    credit(tables, &joined_tables, &fields, |table, from| if forms.contains(table) { format!("(the list {from})") } else { "(the audit forms)".to_string() });
    found.push(
        Severity::Info,
        "joined_to_form",
        "",
        None,
        None,
        None,
        "",
        format!(
            "{} audit forms joined to the list rows of their audits (the same child, planned before the form was completed, or a graded row of the same audit): each pair is one audit",
            pairs.len()
        ),
    );
    pairs.len()
}
