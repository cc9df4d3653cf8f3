//! One-audit-per-workbook forms (the Tier 2 toolkit layout): label cells with the
//! answer in the next filled cell to the right, section summary judgements, an
//! overall judgement, and an actions grid ("Action", "Who?", "Date to be completed by").

use super::columns::TableKind;
use super::findings::{Findings, Severity};
use super::fold::{contains_phrase, fold};
use super::model::*;
use super::scales::answer;
use super::table::{derived_id, Context, TableReport};
use crate::ingest::{Cell, SourceRow};

/// Placeholder text left by Word / Excel form controls: an unanswered field.
const PLACEHOLDERS: &[&str] = &["click here to enter text", "click here to enter a date", "choose an item", "select an item", "select"];

fn is_placeholder(c: &Cell) -> bool {
    match c {
        Cell::Text(t) => PLACEHOLDERS.contains(&fold(t).as_str()),
        _ => false,
    }
}

/// Label → field for the form's own fields (compared folded, trailing colon ignored).
const FORM_FIELDS: &[(&str, &[&str])] = &[
    ("child_id", &["case id", "child id", "childs id number", "child s id number", "child id number", "person id", "id number", "child reference"]),
    ("completed_date", &["date", "audit date", "date of audit", "date completed"]),
    ("allocated_date", &["date allocated", "allocation date"]),
    ("auditor", &["auditor name", "auditor", "auditor s name", "auditors name"]),
    ("team", &["district the child belongs to", "team", "district", "locality"]),
    ("case_type", &["case type"]),
    ("legal_status", &["legal status"]),
    ("audit_id", &["audit id", "audit reference"]),
    (
        "overall",
        &[
            "overall judgement of the case file",
            "overall judgement",
            "overall grade",
            "overall judgement of case file",
            "auditors grade",
            "auditor s grade",
            "auditor grade",
            "overall rating",
        ],
    ),
    ("spoke_child", &["child spoken to", "was the child spoken to"]),
    ("spoke_family", &["parent carer spoken to", "parents carers spoken to", "family spoken to"]),
    ("spoke_practitioner", &["social worker spoken to", "worker spoken to"]),
    ("good_practice", &["general overview comments", "areas of strength"]),
];

fn form_field(label: &str) -> Option<&'static str> {
    let l = fold(label);
    FORM_FIELDS.iter().find(|(_, syns)| syns.contains(&l.as_str())).map(|(f, _)| *f)
}

/// The first filled, non-placeholder cell right of `col` in the row, or the
/// first one directly below it.
fn answer_for(rows: &[SourceRow], r: usize, col: usize) -> Option<(&Cell, u32)> {
    let right = rows[r].cells.iter().skip(col + 1).find(|c| !c.is_empty());
    match right {
        Some(c) if is_placeholder(c) => None,
        Some(c) => Some((c, rows[r].row)),
        None => rows.get(r + 1).and_then(|next| next.cells.get(col)).filter(|c| !c.is_empty() && !is_placeholder(c)).map(|c| (c, rows[r + 1].row)),
    }
}

/// A sheet is a form when it has a child-id label with an answer beside it and at
/// least one judgement label.
pub fn looks_like_form(ctx: &Context, rows: &[SourceRow]) -> bool {
    let mut child = false;
    let mut judged = false;
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if let Cell::Text(t) = cell {
                let label = t.split_once(':').map(|(l, _)| l).filter(|l| form_field(l).is_some()).unwrap_or(t);
                match form_field(label) {
                    Some("child_id") => child |= answer_for(rows, r, c).is_some() || label.len() < t.len(),
                    Some("overall") => judged = true,
                    _ if judged => {}
                    _ => judged = summary_domain(ctx, t).is_some() || question_with_grade(ctx, rows, r, c, t).is_some(),
                }
                if child && judged {
                    return true;
                }
            }
        }
    }
    false
}

/// A label that is a framework question (by its text) with a grade label beside it.
fn question_with_grade<'r>(ctx: &Context, rows: &'r [SourceRow], r: usize, c: usize, label: &str) -> Option<(String, (&'r Cell, u32))> {
    // The grade beside it first: cheaper than matching the label against every question.
    let answer = answer_for(rows, r, c).filter(|(v, _)| ctx.crosswalk.is_label(v))?;
    let (_, rest) = super::fold::split_numbering(&fold(label));
    let domain = super::columns::question_domain(ctx.config, &rest)?;
    Some((domain, answer))
}

/// "Summary – what is your overall judgement in respect of the assessment?" → assessment.
fn summary_domain(ctx: &Context, label: &str) -> Option<String> {
    let l = fold(label);
    if !(l.starts_with("summary") || l.contains("overall judgement in respect of")) {
        return None;
    }
    ctx.config
        .domains
        .iter()
        .find(|d| d.questions.iter().any(|q| fold(q) == l))
        .or_else(|| {
            let tail = l.split("in respect of").nth(1).unwrap_or(&l).trim().to_string();
            ctx.config.domains.iter().find(|d| d.keywords.iter().any(|k| contains_phrase(&tail, &fold(k))))
        })
        .map(|d| d.id.clone())
}

pub fn read_form(ctx: &Context, file: &str, sheet: Option<&str>, rows: &[SourceRow], model: &mut Model, findings: &mut Findings, report: &mut TableReport) {
    report.kind = TableKind::Audits;
    let labels: Vec<String> = rows.iter().flat_map(|r| r.cells.iter().filter_map(|c| if let Cell::Text(t) = c { Some(fold(t)) } else { None })).collect();
    report.framework = super::columns::detect_framework(ctx.config, ctx.config.source_for(file, sheet), &labels, &[]).or(Some("tier2_form".into()));
    report.notes.push("read as a form: label cells beside answer cells, one audit".into());
    let mut audit = Audit { framework: report.framework.clone().unwrap_or_default(), ..Default::default() };
    audit.origin = Origin { file: file.to_string(), sheet: sheet.map(str::to_string), row: 1 };
    let mut action_header: Option<(usize, Vec<(usize, &'static str)>)> = None;
    let numeric = ctx.config.settings.numeric_direction;
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            let Cell::Text(t) = cell else { continue };
            // "Auditors' Grade: Good" in one cell: the label and its answer together.
            let inline = t
                .split_once(':')
                .filter(|(l, v)| form_field(l).is_some() && !v.trim().is_empty() && !is_placeholder(&Cell::text(v)))
                .map(|(l, v)| (l.to_string(), Cell::text(v)));
            let t = &inline.as_ref().map(|(l, _)| l.clone()).unwrap_or_else(|| t.clone());
            if let Some(field) = form_field(t) {
                let beside = answer_for(rows, r, c);
                let Some((value, at)) = inline.as_ref().map(|(_, v)| (v, row.row)).or(beside) else { continue };
                let bad_date = |findings: &mut Findings| {
                    findings.push(Severity::Warning, "bad_date", file, sheet, Some(at), Some(t), value.as_string(), "not a date: left blank");
                };
                match field {
                    "child_id" => audit.child_id = value.as_string(),
                    "audit_id" => audit.id = value.as_string(),
                    "auditor" => audit.auditor = Some(value.as_string()),
                    "team" => audit.team = Some(value.as_string()),
                    "case_type" => audit.case_type = Some(value.as_string()),
                    "legal_status" => audit.legal_status = Some(value.as_string()),
                    "good_practice" => audit.good_practice = value.as_string(),
                    "completed_date" if audit.completed.is_none() => match value.as_date() {
                        Some(d) => audit.completed = Some(d),
                        None => bad_date(findings),
                    },
                    "allocated_date" => match value.as_date() {
                        Some(d) => audit.allocated = Some(d),
                        None => bad_date(findings),
                    },
                    "overall" => audit.overall = judge(ctx, value, numeric, file, sheet, at, t, findings),
                    "spoke_child" => audit.spoke_child = answer(value).unwrap_or_default(),
                    "spoke_family" => audit.spoke_family = answer(value).unwrap_or_default(),
                    "spoke_practitioner" => audit.spoke_practitioner = answer(value).unwrap_or_default(),
                    _ => {}
                }
            } else if let Some(domain) = summary_domain(ctx, t) {
                let judgement = answer_for(rows, r, c).and_then(|(v, at)| judge(ctx, v, numeric, file, sheet, at, t, findings));
                audit.domains.push(DomainJudgement { domain: Some(domain), question: t.clone(), judgement });
            } else if let Some((domain, (value, at))) = question_with_grade(ctx, rows, r, c, t) {
                // A framework question with a grade beside it ("1. Are children safe? …" → "Yes").
                let judgement = judge(ctx, value, numeric, file, sheet, at, t, findings);
                audit.domains.push(DomainJudgement { domain: Some(domain), question: t.clone(), judgement });
            } else if is_action_header(&fold(t)) && action_header.is_none() {
                action_header = Some((r, action_columns(row)));
            }
        }
    }
    report.rows_read = 1;
    if audit.child_id.is_empty() {
        report.reject("no child id");
        findings.push(Severity::Warning, "row_rejected", file, sheet, None, Some("Case ID"), "", "form has no child id filled in: not used");
        return;
    }
    if audit.id.is_empty() {
        audit.id = derived_id(file, &audit.child_id, audit.completed, 1);
    }
    audit.due_rule = ctx.config.framework(&audit.framework).and_then(|f| f.due_rule.clone()).unwrap_or_else(|| ctx.config.settings.default_due_rule.clone());
    if audit.overall.is_none() {
        findings.push(
            Severity::Warning,
            "blank_overall",
            file,
            sheet,
            None,
            Some("overall judgement"),
            "",
            "form has no overall judgement: left out of the good-or-better denominator",
        );
    }
    if let Some((hr, cols)) = action_header {
        for row in rows.iter().skip(hr + 1) {
            if row.is_blank() || row.cells.iter().all(|c| c.is_empty() || is_placeholder(c)) {
                break;
            }
            report.rows_read += 1;
            let get = |name: &str| cols.iter().find(|(_, f)| *f == name).and_then(|(i, _)| row.cells.get(*i)).filter(|c| !c.is_empty() && !is_placeholder(c));
            let Some(text) = get("text").map(Cell::as_string) else {
                report.reject("no action text");
                continue;
            };
            model.actions.push(Action {
                origin: Origin { file: file.to_string(), sheet: sheet.map(str::to_string), row: row.row },
                audit_id: Some(audit.id.clone()),
                child_id: Some(audit.child_id.clone()),
                text,
                owner: get("owner").map(Cell::as_string),
                team: audit.team.clone(),
                set: audit.completed,
                due: get("due_date").and_then(Cell::as_date),
                completed: get("completed_date").and_then(Cell::as_date),
                audit_date: None,
            });
            report.rows_accepted += 1;
        }
    }
    report.rows_accepted += 1;
    model.audit_ids.insert(audit.id.clone(), audit.origin.clone());
    model.audits.push(audit);
}

fn is_action_header(folded: &str) -> bool {
    matches!(folded, "action" | "actions" | "agreed action" | "recommendation" | "recommendations" | "recommendations for further action")
}

fn action_columns(row: &SourceRow) -> Vec<(usize, &'static str)> {
    row.cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let f = fold(&c.as_string());
            let field = match f.as_str() {
                _ if is_action_header(&f) => "text",
                "who" | "who by" | "person" | "owner" => "owner",
                _ if f.starts_with("date to be completed") || f == "by when" => "due_date",
                _ if f.starts_with("date completed") || f == "completed date" || f == "sign off date" => "completed_date",
                _ => return None,
            };
            Some((i, field))
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn judge(
    ctx: &Context,
    value: &Cell,
    numeric: super::config::NumericDirection,
    file: &str,
    sheet: Option<&str>,
    row: u32,
    label: &str,
    findings: &mut Findings,
) -> Option<Judgement> {
    match ctx.crosswalk.judge(value, Some("ofsted4"), numeric) {
        Ok(j) => j,
        Err(u) => {
            findings.push(Severity::Warning, "unknown_label", file, sheet, Some(row), Some(label), u.0, "matches no grading scale: counted as not graded");
            None
        }
    }
}
