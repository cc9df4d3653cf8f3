//! Recognising what a table is and what each column holds: by config pins, exact
//! synonyms, question text, contained synonyms, and the vocabulary of the values.
//! Ambiguity is reported, never settled by the order of a list.

use super::config::{Config, FrameworkSpec, SourceSpec};
use super::fold::{contains_phrase, fold, split_numbering};
use super::recognise::{prepare, FieldMatch, FieldVocabulary, Recogniser, ValueProfile};
use super::scales::Crosswalk;
use crate::ingest::Cell;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    Audits,
    Actions,
    CaseNotes,
    Episodes,
    Unknown,
}

impl TableKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Audits => "audits",
            TableKind::Actions => "actions",
            TableKind::CaseNotes => "case_notes",
            TableKind::Episodes => "episodes",
            TableKind::Unknown => "unknown",
        }
    }

    fn parse(s: &str) -> Option<TableKind> {
        Some(match s {
            "audits" | "audit" => TableKind::Audits,
            "actions" | "action" => TableKind::Actions,
            "case_notes" | "case_note" | "notes" => TableKind::CaseNotes,
            "episodes" | "episode" | "legal_status" => TableKind::Episodes,
            "ignore" | "unknown" => TableKind::Unknown,
            _ => return None,
        })
    }

    fn vocabulary(self, rec: &Recogniser) -> &FieldVocabulary {
        match self {
            TableKind::Audits | TableKind::Unknown => &rec.audit,
            TableKind::Actions => &rec.action,
            TableKind::CaseNotes => &rec.case_note,
            TableKind::Episodes => &rec.episode,
        }
    }

    /// Fields that show a table is of this kind.
    fn distinctive(self) -> &'static [&'static str] {
        match self {
            // (A moderation form's agree question alone: "Do you agree with
            // the auditor's grade?"; review 256's c10f.)
            TableKind::Audits => &["audit_id", "overall", "completed_date", "allocated_date", "auditor", "moderated_overall", "moderated", "moderator_agrees"],
            TableKind::Actions => &["text", "owner", "set_date", "due_date", "completed_date"],
            TableKind::CaseNotes => &["note_type", "event_date", "recorded_date", "seen_alone"],
            TableKind::Episodes => &["episode_type", "start_date", "end_date"],
            TableKind::Unknown => &[],
        }
    }

    fn required(self) -> &'static [&'static str] {
        match self {
            TableKind::Audits => &["child_id"],
            TableKind::Actions => &["text"],
            TableKind::CaseNotes => &["child_id", "note_type", "event_date"],
            TableKind::Episodes => &["child_id", "episode_type", "start_date"],
            TableKind::Unknown => &[],
        }
    }
}

/// Keeps column `keep` for a field the columns `cols` tie on; each other one
/// is left unused, with a note saying why (`note(header, kept header)`).
/// Whether a header names a form's part: `Some(true)` Part B (or 2), the part
/// that completes seed 002's audit, `Some(false)` Part A (or 1), `None` neither.
pub(crate) fn names_part_b(header: &str) -> Option<bool> {
    let f = fold(header);
    let ws: Vec<&str> = f.split(' ').collect();
    ws.windows(2).find(|w| w[0] == "part" && matches!(w[1], "a" | "b" | "1" | "2")).map(|w| matches!(w[1], "b" | "2"))
}

/// Whether a header names Part A or Part B as written ("PART A, AUDITOR
/// COMPLETES"), not a "Part 1" or "Part 2".
pub(crate) fn names_part_letter(header: &str) -> bool {
    fold(header).split(' ').collect::<Vec<_>>().windows(2).any(|w| w[0] == "part" && matches!(w[1], "a" | "b"))
}

/// Whether a grade's header says it is the auditor's own, as a moderation
/// form repeats it ("Auditor's overall grade", "Original grade").
pub(crate) fn names_auditors_grade(header: &str) -> bool {
    fold(header).split(' ').any(|w| matches!(w, "auditor" | "auditors" | "original"))
}

/// Whether any of `columns` is read as `field`.
fn has_field(columns: &[ColumnMap], field: &str) -> bool {
    columns.iter().any(|c| c.target == Target::Field(field.into()))
}

/// Whether a folded header names moderation ("Moderator Q12", "Moderated").
fn names_moderation(folded: &str) -> bool {
    folded.split(' ').any(|w| w.starts_with("moderat"))
}

/// Whether a folded header names a grade as it was before moderation
/// ("Auditor's Q12 before moderation", "Pre-moderation grade").
fn before_moderation(folded: &str) -> bool {
    names_moderation(folded) && folded.split(' ').any(|w| matches!(w, "before" | "pre" | "prior"))
}

/// Whether a header names Part B as written ("Part B - CSW acknowledgement
/// date"), not a "Part 2" (on many forms the manager's response).
pub(crate) fn names_part_b_as_written(header: &str) -> bool {
    fold(header).split(' ').collect::<Vec<_>>().windows(2).any(|w| w == ["part", "b"])
}

/// Whether a date's header names it done with a word starting one of
/// `stems` ("Finished on", "Date completed"), and no deadline's ("Date to be
/// completed by", "Target completion date").
fn headed_as_done(header: &str, stems: &[&str]) -> bool {
    let f = fold(header);
    let ws: Vec<&str> = f.split(' ').collect();
    ws.iter().any(|w| stems.iter().any(|p| w.starts_with(p))) && !ws.iter().any(|w| matches!(*w, "due" | "target" | "expected" | "deadline" | "planned" | "by"))
}

/// Whether a date's header says it is the completion ("Date audit completed").
fn says_completed(header: &str) -> bool {
    fold(header).contains("complet")
}

/// Whether a Part B header says when that part was done: a word of
/// acknowledging, completing or signing ("Date CSW acknowledged (Part B)",
/// "Part B signed"), and no deadline's ("Part B - actions due by", "Part B -
/// Action timescale"); not another date of the form ("Part B - Date of last
/// statutory visit", "Part B - Team manager response date").
fn says_part_b_done(header: &str) -> bool {
    let f = fold(header);
    let ws: Vec<&str> = f.split(' ').collect();
    let done = ws
        .iter()
        // ("Part B Submitted On": a form tool's own time its Part B was sent;
        // blind set 169.)
        .any(|w| {
            ["acknowledg", "complet", "signed", "sign", "received", "accepted", "confirmed", "finalis", "finaliz", "submitted"].iter().any(|p| w.starts_with(p))
        });
    let deadline = ws.iter().any(|w| matches!(*w, "due" | "by" | "timescale" | "timescales" | "target" | "deadline" | "expected" | "planned"));
    done && !deadline
}

/// Whether column `ci` is Part B's date by its place: a date naming no part
/// just after Part B's own column of words, saying it was done ("Part B -
/// CSW acknowledgement" | "Date acknowledged"; blind set 174).
fn part_b_by_neighbour(columns: &[ColumnMap], profiles: &[ValueProfile], ci: usize) -> bool {
    let c = &columns[ci];
    let p = &profiles[c.index];
    let before = ci.checked_sub(1).map(|i| &columns[i]);
    before.is_some_and(|b| names_part_b_as_written(&b.header) && profiles[b.index].dates == 0 && b.index + 1 == c.index)
        && names_part_b(&c.header).is_none()
        && says_part_b_done(&c.header)
        && p.non_empty > 0
        && p.dates * 2 >= p.non_empty
}

/// A header naming the auditor's own part of a two-part audit ("When did you
/// finish your part (the auditor's part)?").
fn auditors_part(header: &str) -> bool {
    let f = fold(header);
    ["your part", "auditor s part", "auditors part", "auditor part", "my part"].iter().any(|p| super::fold::contains_phrase(&f, p))
}

/// A header saying the case's worker signed for, received or completed the
/// audit ("When did the CSW sign to say they have received the audit?"), not
/// the auditor's part.
fn worker_signed(header: &str) -> bool {
    let f = fold(header);
    let worker = ["csw", "social worker", "practitioner", "case holder", "allocated worker", "sw"].iter().any(|p| super::fold::contains_phrase(&f, p));
    worker && says_part_b_done(header) && !auditors_part(header)
}

fn keep_one(
    columns: &mut [ColumnMap],
    notes: &mut Vec<String>,
    cols: &[usize],
    keep: usize,
    note: impl Fn(&str, &str) -> String,
    why: impl Fn(&str) -> String,
) {
    let kept = columns[keep].header.clone();
    for &c in cols.iter().filter(|&&c| c != keep) {
        notes.push(note(&columns[c].header, &kept));
        columns[c].unuse(&why(&kept));
    }
}

/// Fields a table can hold several columns of (their text is joined).
const MULTI_FIELDS: &[&str] = &["evidence", "good_practice"];

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Target {
    Field(String),
    /// A graded question; `None` when it could not be placed in a canonical domain.
    Domain(Option<String>),
    Ignore,
    Unmapped,
}

impl Target {
    pub fn describe(&self) -> String {
        match self {
            Target::Field(f) => f.clone(),
            Target::Domain(Some(d)) => format!("domain:{d}"),
            Target::Domain(None) => "domain:(unplaced)".into(),
            Target::Ignore => "ignored".into(),
            Target::Unmapped => "(not used)".into(),
        }
    }

    fn parse(s: &str) -> Target {
        match s {
            "ignore" => Target::Ignore,
            _ => match s.strip_prefix("domain:") {
                Some(d) => Target::Domain(Some(d.to_string())),
                None => Target::Field(s.to_string()),
            },
        }
    }
}

/// Said of a domain with several questions in a table (an info finding).
pub const DOMAIN_WEAKEST: &str = "an audit's grade for the domain is its weakest graded answer (below good before good; a band before yes / no)";

/// Said of questions named by a number only, placed by a framework's
/// numbering (a warning: the export may number them otherwise).
pub const BY_NUMBER: &str = "placed by the numbering of framework";

/// Why a lone "Q12" on the Exceeds / Meets / Does not meet good scale is the overall.
pub const TORBAY_Q12: &str = "a Torbay tool's question 12, which is the overall audit rating (seed 004): read as the overall";

/// Said of a yes / no check beside a framework's own question (an info finding).
pub const YES_NO_CHECK: &str = "kept, in no domain (the domain's grade is its own question's)";

/// Said of a moderator's grade for a domain (an info finding).
pub const MODERATORS_DOMAIN: &str = "kept, but in no domain (an audit's domains are its auditor's grades)";

/// Said of a column that names the overall less well than another and names a
/// domain (an info finding).
pub const READ_AS_DOMAIN: &str = "read as a question of";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnMap {
    pub index: usize,
    pub header: String,
    pub target: Target,
    /// Why: "config", "synonym", "question text", "contains 'x'", "values (scale)", …
    pub reason: String,
    /// The scale a graded column's values were read on.
    pub scale: Option<String>,
    /// How strongly: 1000 a config pin, 100 a synonym (the same words), 50 a
    /// framework's question text, else the number of header words that matched.
    pub score: usize,
}

impl ColumnMap {
    /// Read this column for `field`, for the reason given (no scale: the
    /// field's own reading).
    pub(crate) fn read_as(&mut self, field: &str, why: impl Into<String>) {
        self.target = Target::Field(field.into());
        self.scale = None;
        self.reason = why.into();
    }

    /// Leave this column unused, saying why after the reason it matched.
    pub(crate) fn unuse(&mut self, why: &str) {
        self.reason = format!("{} (not used: {why})", self.reason);
        self.target = Target::Unmapped;
        self.score = 0;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableMapping {
    pub kind: TableKind,
    pub framework: Option<String>,
    pub columns: Vec<ColumnMap>,
    /// Problems with the mapping itself (ambiguous headers, missing required columns).
    pub notes: Vec<String>,
    pub missing_required: Vec<String>,
}

impl TableMapping {
    pub fn field(&self, name: &str) -> Option<usize> {
        self.columns.iter().find(|c| c.target == Target::Field(name.to_string())).map(|c| c.index)
    }

    pub fn fields(&self, name: &str) -> Vec<usize> {
        self.columns.iter().filter(|c| c.target == Target::Field(name.to_string())).map(|c| c.index).collect()
    }

    pub fn scale_of(&self, index: usize) -> Option<&str> {
        self.columns.iter().find(|c| c.index == index).and_then(|c| c.scale.as_deref())
    }
}

/// What a note on a column that repeats the auditor's grade beside a
/// moderation says of it.
pub(crate) const COPY_OF_AUDITORS: &str = "repeats the auditor's grade beside the moderation";

/// What a note on an "Outcome" column filled on audits no one moderated says of it.
pub(crate) const OUTCOME_OF_THE_CASE: &str = "is filled on audits that were not moderated, so it is the case's outcome";

/// What a note on a column of an earlier audit says of it.
pub(crate) const EARLIER_AUDIT: &str = "names an earlier audit";

/// Whether a (folded) header or group title names an earlier audit: a word
/// for before (previous, prior, earlier, last, preceding) with the audit or
/// its judgement next ("Previous audit", "Last audit grade", "Prior
/// judgement"). Not a time since it ("Months since previous audit",
/// "Progress since last audit": measured now), nor "prior to the visit" or
/// "identified earlier" (no audit follows).
pub(crate) fn names_earlier_audit(folded: &str) -> bool {
    let w: Vec<&str> = folded.split(' ').collect();
    !w.contains(&"since")
        && w.windows(2).any(|p| {
            matches!(p[0], "previous" | "prior" | "earlier" | "last" | "preceding")
                && (p[1].starts_with("audit") || matches!(p[1], "qa" | "grade" | "grading" | "judgement" | "judgment" | "rating" | "overall" | "outcome"))
        })
}

/// Whether a graded column's header grades something other than the case
/// file: a provider's inspection ("Placement – Ofsted grade at last
/// inspection") or, answered yes or no (`scale` "ynp"), a fact of a visit
/// ("Child seen alone at last visit"). The auditor's own grades on Ofsted's
/// scale ("Ofsted grade - Assessment") and a question graded about the
/// visits ("Voice of the child - seen alone at last visit": Good) are the
/// audit's.
pub(crate) fn names_other_grading(folded: &str, scale: Option<&str>) -> bool {
    let w: Vec<&str> = folded.split(' ').collect();
    let yes_no = scale.is_none_or(|s| s == "ynp");
    // (A fact of the child's, answered yes or no: "Child in adoptive
    // placement", "Child subject to a CP plan"; not what the audit asks,
    // "Child seen alone", "Is the child safe?".)
    let childs_fact = ["child in", "child on", "child subject to", "child placed", "child looked after", "child adopted"]
        .iter()
        .any(|p| folded.strip_prefix(p).is_some_and(|rest| rest.starts_with(' ') || rest.is_empty()));
    // (A provider's Ofsted grade: "Placement Ofsted rating", "School Ofsted
    // grade"; not the auditor's own on Ofsted's scale, "Ofsted grade -
    // Assessment".)
    let provider = w.contains(&"ofsted")
        && w.iter()
            .any(|x| matches!(*x, "placement" | "provider" | "school" | "setting" | "home" | "nursery" | "college" | "residential" | "carer" | "carers"));
    provider
        || w.iter().any(|x| matches!(*x, "inspection" | "inspected"))
        || (yes_no && w.windows(2).any(|p| matches!(p[0], "last" | "previous" | "next") && matches!(p[1], "visit" | "visits")))
        || (yes_no && childs_fact)
}

/// Whether a header is a known column name of any table kind (for header detection).
pub fn is_known_header(rec: &Recogniser, text: &str) -> bool {
    let h = prepare(text);
    if h.is_empty() || h.len() > 300 {
        return false;
    }
    let (_, rest) = split_numbering(&h);
    let words = rec.header_words(text);
    [&rec.audit, &rec.action, &rec.case_note, &rec.episode].iter().any(|v| matches!(v.match_words(&words, MULTI_FIELDS, None), Ok(Some(_)) | Err(_)))
        || question_domain(rec, &rest).is_some()
}

/// The one domain a label names by its keywords, its numbering aside ("Q1
/// Safety and risk", "Voice of the child"); none on a tie.
pub(crate) fn label_domain(config: &Config, text: &str) -> Option<String> {
    let h = prepare(text);
    if h.is_empty() || h.len() > 300 {
        return None;
    }
    keyword_domain(config, &split_numbering(&h).1).ok().flatten()
}

/// The domain whose question text this (folded, unnumbered) header is.
pub(crate) fn question_domain(rec: &Recogniser, header: &str) -> Option<String> {
    let n_words = header.split(' ').count();
    if n_words < 2 {
        return None;
    }
    let mut hits = rec.questions.iter().filter(|(_, questions)| {
        questions.iter().any(|q| {
            (header.len() > q.len() && header.starts_with(q.as_str()) && header.as_bytes()[q.len()] == b' ')
                || q == header
                || (n_words >= 4 && q.starts_with(header))
        })
    });
    let first = hits.next()?;
    hits.next().is_none().then(|| first.0.clone())
}

/// The domain a header's keywords point to: most matched words wins; of domains
/// tied on those, the one whose whole name (two words or more) the header
/// holds; `Err` on a tie left.
fn keyword_domain(config: &Config, header: &str) -> Result<Option<String>, Vec<String>> {
    let mut scores: Vec<(usize, &str)> = config
        .domains
        .iter()
        .map(|d| {
            let score: usize = d.keywords.iter().map(|k| fold(k)).filter(|k| contains_phrase(header, k)).map(|k| k.split(' ').count()).sum();
            (score, d.id.as_str())
        })
        .filter(|(s, _)| *s > 0)
        .collect();
    scores.sort_by_key(|b| std::cmp::Reverse(b.0));
    match scores.as_slice() {
        [] => Ok(None),
        [(s, d), rest @ ..] => {
            let tied: Vec<&str> = std::iter::once(*d).chain(rest.iter().filter(|(t, _)| t == s).map(|(_, d)| *d)).collect();
            if let [one] = tied[..] {
                return Ok(Some(one.to_string()));
            }
            // A tie goes to the one domain whose whole name, of two words or
            // more, the header holds ("Voice of the child evident overall &
            // impact": voice, not outcomes). A one-word name decides nothing
            // ("Is the plan informed by the assessment?" stays a tie).
            let stem = |w: &str| -> String {
                let w = w.strip_suffix("ing").map(|s| s.strip_suffix(|c: char| s.ends_with(&format!("{c}{c}"))).unwrap_or(s)).unwrap_or(w);
                w.strip_suffix('s').unwrap_or(w).to_string()
            };
            let header_stems: Vec<String> = header.split(' ').map(stem).collect();
            let whole_name = |id: &str| -> bool {
                let name = config.domains.iter().find(|d| d.id == id).map(|d| fold(&d.name)).unwrap_or_default();
                let words: Vec<String> = name.split(' ').filter(|w| !matches!(*w, "" | "and" | "of" | "the" | "a" | "an")).map(stem).collect();
                let mut distinct = words.clone();
                distinct.dedup();
                distinct.len() >= 2 && words.iter().all(|w| header_stems.contains(w))
            };
            match tied.iter().filter(|d| whole_name(d)).collect::<Vec<_>>()[..] {
                [d] => Ok(Some(d.to_string())),
                _ => Err(tied.iter().map(|d| d.to_string()).collect()),
            }
        }
    }
}

/// Whether the fields a header fits equally are service and team (a header
/// naming both: "Service > Team", "Service / Team").
fn is_service_and_team(tied: &[String]) -> bool {
    let mut t: Vec<&str> = tied.iter().map(String::as_str).collect();
    t.sort_unstable();
    t == ["service", "team"]
}

/// How two columns are filled in a table's first rows: both on some row;
/// with values that differ (folded) on a row where both are; each on some row.
struct Filled {
    both: bool,
    differ: bool,
    each: bool,
}

/// A row whose moderation columns (`moderation`, by index) are all blank or
/// "No": no moderation is recorded on it.
fn unmoderated(r: &[Cell], moderation: &[usize]) -> bool {
    moderation
        .iter()
        .all(|&m| r.get(m).is_none_or(|c| c.is_empty() || matches!(super::scales::answer(c), Some(super::model::Answer::No | super::model::Answer::Blank))))
}

fn filled_together(sample: &[Vec<Cell>], a: usize, b: usize) -> Filled {
    // (A formula's error, "#N/A", is no value: a lookup that failed.)
    let filled = |i: usize, r: &Vec<Cell>| r.get(i).is_some_and(|c| !c.is_empty() && !matches!(c, Cell::Error(_)));
    let text = |i: usize, r: &Vec<Cell>| r.get(i).map(|c| fold(&c.as_string())).unwrap_or_default();
    Filled {
        both: sample.iter().any(|r| filled(a, r) && filled(b, r)),
        differ: sample.iter().any(|r| filled(a, r) && filled(b, r) && text(a, r) != text(b, r)),
        each: sample.iter().any(|r| filled(a, r)) && sample.iter().any(|r| filled(b, r)),
    }
}

/// Whether a header of a column of small numbers says they count or number
/// something ("Form Version", "n_actions", "No. of visits", "Days late")
/// or names the row ("ID", "Ref": a form tool numbers its responses 1, 2, 3),
/// and names no grade ("Grade no.", "Judgement of the last 3 months" are
/// grades): such numbers are not grades, however like 1 to 4 they look.
pub(crate) fn counts_not_grades(folded: &str) -> bool {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    let counts = [
        "version",
        "ver",
        "count",
        "number",
        "num",
        "no",
        "n",
        "total",
        "days",
        "weeks",
        "months",
        "years",
        "age",
        "row",
        "sequence",
        "seq",
        "attempt",
        "times",
        "priority",
        "rank",
        // (A collaboration tool's own counts of each item's attachments and
        // comments: Smartsheet's "Attachments", "Comments".)
        "attachment",
        "attachments",
        "files",
    ]
    .iter()
    .any(|w| has(w))
        || matches!(words[..], ["comments"] | ["comment"])
        || folded.contains("how many")
        // (An id's header is a name of a few words, "ID", "Audit ref": not a
        // question that says "reference to", "Chronology - reference to
        // significant events", whose 1 to 4 are grades.)
        || (words.len() <= 3 && ["id", "ids", "ref", "reference", "identifier"].iter().any(|w| has(w)));
    let graded = ["grade", "grading", "graded", "judgement", "judgment", "rating", "rated", "overall", "score"].iter().any(|w| has(w));
    counts && !graded
}

/// A column a quiz form adds beside a question ("Points - 1. Is the child
/// safe?", "Feedback - …": Microsoft Forms in quiz mode): the question it
/// annotates, when that question is a column of the same table.
fn quiz_annotation<'a>(header: &str, headers: &'a [String]) -> Option<&'a str> {
    let rest = ["Points - ", "Feedback - ", "Points – ", "Feedback – "].iter().find_map(|p| header.strip_prefix(p))?;
    headers.iter().find(|h| h.trim() == rest.trim()).map(String::as_str)
}

/// Whether a yes / no question asks about the audit itself, not the
/// practice it grades: the practitioner's acknowledgement ("I acknowledge
/// that the audit has been received", seed 002's Part B) or a challenge to
/// it ("Audit challenged?", seed 003). Such answers are no domain's grade.
pub(crate) fn asks_of_the_audit(folded: &str) -> bool {
    let words: Vec<&str> = folded.split(' ').collect();
    // (An acknowledgement names the audit or is a few words, "Part B - CSW
    // acknowledged": a question of practice may say "acknowledged" too,
    // "Are the child's identity and culture acknowledged in the plan?".)
    let of_audit = words.iter().any(|w| *w == "audit" || *w == "audits");
    // (Or what was done with it: "Audit feedback sent to parents?",
    // "Audit report shared with the team manager?".)
    let sent = words.iter().any(|w| matches!(*w, "sent" | "shared" | "issued" | "emailed"));
    // (A few words of the audit's own papers: "Details sent", seed 004's
    // allocation, a tick where its date is not kept; "Report shared".)
    let papers = words.len() <= 3 && words.iter().any(|w| matches!(*w, "details" | "report" | "feedback" | "form" | "letter"));
    (words.iter().any(|w| w.starts_with("acknowledg")) && (of_audit || words.len() <= 5))
        || (of_audit && words.iter().any(|w| w.starts_with("challeng")))
        || ((of_audit || papers) && sent)
        // (Or its receipt, seed 002's Part B in the seed's words: "Audit
        // received and recommendations noted and accepted"; blind set 171.)
        || (of_audit && words.iter().any(|w| matches!(*w, "received" | "accepted")))
}

/// The separator that joins two or more parts in most of a column's values
/// ("Safeguarding > Child Protection West"): the first of these that the
/// header holds too and at least 60% of the filled values hold, with text on
/// both sides.
pub fn path_separator(header: &str, values: &[&Cell]) -> Option<&'static str> {
    let texts: Vec<String> = values.iter().filter(|c| !c.is_empty()).map(|c| c.as_string()).collect();
    if texts.is_empty() {
        return None;
    }
    // The header joins its two names the same way ("Service > Team" over "Safeguarding > CP West").
    [" > ", ">", " » ", "»", " / ", "/", " \\ ", "\\", " | ", "|", " - ", " – ", ": "].into_iter().filter(|sep| header.contains(sep.trim())).find(|sep| {
        let split = texts.iter().filter(|t| t.split(sep).filter(|p| !p.trim().is_empty()).count() >= 2).count();
        split * 10 >= texts.len() * 6
    })
}

/// Share of non-empty sample values that are grade labels, and how many there were.
fn grade_share(crosswalk: &Crosswalk, values: &[&Cell]) -> (f64, usize) {
    let non_empty: Vec<&&Cell> = values.iter().filter(|c| !c.is_empty()).collect();
    if non_empty.is_empty() {
        return (0.0, 0);
    }
    let labels = non_empty.iter().filter(|c| super::recognise::is_grade_value(crosswalk, c)).count();
    (labels as f64 / non_empty.len() as f64, non_empty.len())
}

/// Works out the table's kind, framework and column mapping from its header and
/// a sample of its rows.
/// Words that make a column the revision of the one it names ("Revised target date").
const REVISION_WORDS: [&str; 5] = ["revised", "amended", "updated", "extended", "new"];

/// How a revision column's reason starts: read before the column it revises.
pub const REVISES: &str = "revises ";

/// Column `ci` revises column `o`: the same field, read first, `o` where
/// `ci` is blank (or, in the row reader, holds no value of the field's
/// kind); `why` is added to the reason.
fn mark_revision(columns: &mut [ColumnMap], ci: usize, o: usize, why: &str) {
    columns[ci].reason = format!("{REVISES}'{}'; read first, the original where it is blank{why}", columns[o].header);
    columns[ci].target = columns[o].target.clone();
    columns[ci].score = columns[o].score;
}

pub fn map_table(config: &Config, rec: &Recogniser, crosswalk: &Crosswalk, pins: Option<&SourceSpec>, header: &[Cell], sample: &[Vec<Cell>]) -> TableMapping {
    // A column that is another's copy (the same header, the same value on
    // every row: a hidden helper column, a column pasted twice) is that
    // column again: not read, so it neither ties with it nor changes what
    // the table's columns are taken for.
    let copy_of = copies(header, sample);
    if copy_of.iter().all(Option::is_none) {
        return map_columns(config, rec, crosswalk, pins, header, sample);
    }
    let blanked: Vec<Cell> = header.iter().zip(&copy_of).map(|(h, c)| if c.is_some() { Cell::Empty } else { h.clone() }).collect();
    let mut m = map_columns(config, rec, crosswalk, pins, &blanked, sample);
    for (i, of) in copy_of.iter().enumerate() {
        let (Some(of), Some(c)) = (of, m.columns.iter_mut().find(|c| c.index == i)) else { continue };
        c.header = header[i].as_string();
        c.unuse(&format!("a copy of column {} (the same header and values)", of + 1));
        m.notes.push(format!("column '{}' (column {}) is a copy of column {} (the same header and the same values): not read again", c.header, i + 1, of + 1));
    }
    m
}

/// A header's words before a note set off by a spaced dash: "Date written
/// up" of "Date written up - must be within 4 weeks of contact", when both
/// sides have words.
fn instruction_after_dash(header: &str) -> Option<String> {
    // (However its spaces were typed: "Date written up\u{a0}-\u{a0}must be …".)
    let header = super::fold::spaced(header);
    let at = [" - ", " – ", " — "].iter().filter_map(|d| header.find(d)).min()?;
    let (head, tail) = (header[..at].trim(), header[at..].trim_start_matches([' ', '-', '–', '—']));
    (head.chars().any(char::is_alphabetic) && tail.chars().any(char::is_alphabetic)).then(|| head.to_string())
}

/// For each column, whether its header is one of a numbered set: the same
/// words with another number in the same place in another header of the table
/// ("Completion date (1)", "Completion date (2)"; "Visit 1 Date", "Visit 2
/// Date"). A numbered question ("Q1 Risk", "Q2 Plans") differs in its words too.
/// A tracker's own reference column headed "Ref" ("QA7", "QA8", …) beside the
/// child's id, in a table of audits with no audit id: each row's reference,
/// one per audit, is the audit's own reference, which an actions file names
/// ("QA-0007"; blind set 193's quillmouth). Kept beside the audit, not as
/// its id: a moderation log's "Ref" is the log's own (its rows are merged
/// into the audits they moderate by child and date). Not where two different rows share one, where
/// a reference is the row's child id, or where the references have no digit
/// (initials, a team's code). Asked once the header is settled, so that it
/// does not choose between readings of a header over two rows.
pub fn own_reference(m: &mut TableMapping, rows: &[&[Cell]]) {
    if m.kind != TableKind::Audits || m.field("audit_id").is_some() {
        return;
    }
    let Some(child) = m.field("child_id") else { return };
    let named = |h: &str| matches!(h, "ref" | "ref no" | "ref number" | "reference" | "reference no" | "reference number" | "our ref");
    let found: Vec<usize> = (0..m.columns.len())
        .filter(|&ci| {
            m.columns[ci].score < 1000 && matches!(m.columns[ci].target, Target::Unmapped | Target::Domain(None)) && named(&fold(&m.columns[ci].header))
        })
        .collect();
    let [ci] = found[..] else { return };
    let i = m.columns[ci].index;
    // (A row typed twice over, whole, is one audit: its reference once.)
    let mut refs: std::collections::HashMap<String, &[Cell]> = std::collections::HashMap::new();
    for r in rows.iter().copied().filter(|r| r.get(i).is_some_and(|c| !c.is_empty())) {
        let reference = fold(&r[i].as_string());
        let child_id = r.get(child).map(|c| fold(&c.as_string())).unwrap_or_default();
        let plausible = reference != child_id && reference.len() <= 20 && reference.chars().any(|c| c.is_ascii_digit()) && reference.split(' ').count() <= 3;
        if !plausible || refs.get(&reference).is_some_and(|earlier| *earlier != r) {
            return;
        }
        refs.insert(reference, r);
    }
    if refs.len() < 2 {
        return;
    }
    let c = &mut m.columns[ci];
    c.target = Target::Field("reference".into());
    c.scale = None;
    c.score = 2;
    c.reason = "a reference of its own on every row, none repeated, beside the child's id: the audit's reference".into();
    m.notes.push(format!("column '{}' is {}: kept, to tie actions that name it to their audits", c.header, c.reason));
}

pub fn numbered_set(headers: &[String]) -> Vec<bool> {
    // Each header's words with its one number (1 to 50) taken out, and the number.
    let shapes: Vec<Option<(String, u32)>> = headers
        .iter()
        .map(|h| {
            let f = fold(h);
            let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
            let at: Vec<usize> = (0..words.len()).filter(|&i| words[i].parse::<u32>().is_ok_and(|n| (1..=50).contains(&n))).collect();
            let [i] = at[..] else { return None };
            let n = words[i].parse().ok()?;
            let mut rest = words.clone();
            rest[i] = "#";
            (rest.len() > 1).then(|| (rest.join(" "), n))
        })
        .collect();
    shapes.iter().map(|s| s.as_ref().is_some_and(|(stem, n)| shapes.iter().flatten().any(|(other, m)| other == stem && m != n))).collect()
}

/// For each column, the earlier column it is a copy of: the same header and
/// the same value on every row of `sample`, three or more of them filled (two
/// questions' answers can agree on a row or two by chance).
pub fn copies(header: &[Cell], sample: &[Vec<Cell>]) -> Vec<Option<usize>> {
    let names: Vec<String> = header.iter().map(|h| fold(&h.as_string())).collect();
    (0..header.len())
        .map(|i| {
            let same_values = |j: usize| sample.iter().all(|r| r.get(i).unwrap_or(&Cell::Empty) == r.get(j).unwrap_or(&Cell::Empty));
            let filled = || sample.iter().filter(|r| r.get(i).is_some_and(|c| !c.is_empty())).count() >= 3;
            let named_before = || names[..i].contains(&names[i]);
            (!names[i].is_empty() && named_before() && filled()).then(|| (0..i).find(|&j| names[j] == names[i] && same_values(j))).flatten()
        })
        .collect()
}

/// [`map_table`] on the columns that are not copies.
fn map_columns(config: &Config, rec: &Recogniser, crosswalk: &Crosswalk, pins: Option<&SourceSpec>, header: &[Cell], sample: &[Vec<Cell>]) -> TableMapping {
    let headers: Vec<String> = header.iter().map(Cell::as_string).collect();
    let folded: Vec<String> = headers.iter().map(|h| prepare(h)).collect();
    let column_values = |i: usize| -> Vec<&Cell> { sample.iter().filter_map(|r| r.get(i)).collect() };
    // The table's own columns: the widest run of columns with no empty one
    // (no header, nothing under it) between them; a run past an empty column
    // is a small table set beside it.
    let main_block: std::ops::Range<usize> = {
        let gap = |i: usize| headers[i].trim().is_empty() && column_values(i).iter().all(|c| c.is_empty());
        let mut best = 0..0;
        let mut start = 0;
        for i in 0..=headers.len() {
            if i == headers.len() || gap(i) {
                if i - start > best.len() {
                    best = start..i;
                }
                start = i + 1;
            }
        }
        best
    };
    // Matched without a leading question number ("Q12 Overall" is "Overall").
    let words: Vec<Vec<String>> = headers.iter().map(|h| rec.header_words(&super::fold::strip_numbering(h))).collect();
    // A template's instruction after a dash ("Date written up - must be within
    // 4 weeks of contact"): the words before it, asked when the whole header
    // names no field.
    let heads: Vec<Option<Vec<String>>> =
        headers.iter().map(|h| instruction_after_dash(h).map(|head| rec.header_words(&super::fold::strip_numbering(&head)))).collect();
    let numbered = numbered_set(&headers);
    let profiles: Vec<ValueProfile> = (0..headers.len()).map(|i| ValueProfile::of(&column_values(i), crosswalk)).collect();
    let match_field = |i: usize, kind: TableKind| -> Result<Option<FieldMatch>, Vec<String>> {
        if folded[i].is_empty() {
            return Ok(None);
        }
        let vocabulary = kind.vocabulary(rec);
        match vocabulary.match_words(&words[i], MULTI_FIELDS, Some(&profiles[i])) {
            Ok(None) => match heads[i].as_ref().map(|head| vocabulary.match_words(head, MULTI_FIELDS, Some(&profiles[i]))) {
                Some(Ok(Some(mut m))) => {
                    m.reason = format!("{}, the words before the note after its dash", m.reason);
                    Ok(Some(m))
                }
                _ => Ok(None),
            },
            other => other,
        }
    };
    let pin_for = |h: &String| pins.and_then(|p| p.columns.iter().find(|(k, _)| prepare(k) == *h)).map(|(_, v)| v.clone());
    let pinned_kind = pins.and_then(|p| p.kind.as_deref()).and_then(TableKind::parse);

    // Headers numbered as slots ("Action 1", "Who by 1", "Action 2", …: the
    // same words with two or more numbers): an audit row's action slots, no
    // sign of an actions table (whose columns are not numbered).
    let slot_numbered: Vec<bool> = {
        let stem = |f: &str| f.rsplit_once(' ').filter(|(_, n)| n.parse::<u32>().is_ok()).map(|(s, n)| (s.to_string(), n.to_string()));
        let stems: Vec<Option<(String, String)>> = folded.iter().map(|f| stem(f)).collect();
        stems.iter().map(|x| x.as_ref().is_some_and(|(s, n)| stems.iter().flatten().any(|(s2, n2)| s2 == s && n2 != n))).collect()
    };
    // What a case-note table's column holds, where no header says ("What
    // happened", "On"): mostly kinds of note the taxonomy knows, one a
    // visit at least; or dates, every one.
    let note_rules: std::cell::OnceCell<super::table::KindRules> = std::cell::OnceCell::new();
    let note_kinds = |i: usize| {
        use super::model::NoteKind;
        let rules = note_rules.get_or_init(|| super::table::KindRules::new(&config.note_types));
        let values: Vec<&str> =
            column_values(i).into_iter().filter_map(|c| if let Cell::Text(t) = c { Some(t.as_str()) } else { None }).filter(|t| !t.trim().is_empty()).collect();
        let kinds: Vec<NoteKind> = values.iter().filter(|t| t.split_whitespace().count() <= 8).map(|t| super::table::note_kind(rules, t)).collect();
        let known = kinds.iter().filter(|k| **k != NoteKind::Other).count();
        values.len() >= 3 && known * 2 >= values.len() && kinds.iter().any(|k| k.is_statutory_visit())
    };
    let all_dates = |i: usize| {
        let values: Vec<&Cell> = column_values(i).into_iter().filter(|c| !c.is_empty()).collect();
        values.len() >= 3 && values.iter().all(|c| super::recognise::is_date_value(c))
    };
    // (An event's date: on or before its recording on nine rows in ten (an
    // event is written up after it happens), under a header naming no other
    // step: not "Authorised", "Next visit due", "Reviewed".)
    let event_dates = |i: usize, recorded: usize| {
        let other_step = words[i].iter().any(|w| {
            ["authoris", "authoriz", "approv", "sign", "review", "due", "next", "plann", "expir", "creat", "updat", "modif", "clos", "delet", "finalis", "lock"]
                .iter()
                .any(|p| w.starts_with(p))
        });
        let day = |c: &Cell| c.as_date().or_else(|| c.as_date_month_first());
        let pairs: Vec<(chrono::NaiveDate, chrono::NaiveDate)> = sample.iter().filter_map(|r| Some((day(r.get(i)?)?, day(r.get(recorded)?)?))).collect();
        !other_step && all_dates(i) && !pairs.is_empty() && pairs.iter().filter(|(e, r)| e <= r).count() * 10 >= pairs.len() * 9
    };
    let candidates = [TableKind::Audits, TableKind::Actions, TableKind::CaseNotes, TableKind::Episodes];
    let kind = pinned_kind.unwrap_or_else(|| {
        let mut best = (TableKind::Unknown, 0usize);
        // (Of two kinds matching as many fields, the one more of whose are
        // named exactly, its required fields among them: "Person ID | Status
        // Type | Detail | Start Date | End Date" is legal status, not actions;
        // blind set 195's dunmarrow.)
        let mut best_named = 0usize;
        let mut incomplete = (TableKind::Unknown, 0usize);
        // An overall grade, named so, with a child id: an audit log, even when
        // its one set of action columns (Action, Who, By when, Completed)
        // outnumbers its audit columns. Actions have no overall grade.
        let mut audit_with_overall = false;
        // An audit list with no grades (seed 002's Part A / Part B dates): an
        // auditor and an audit's completion date, named so; read as actions only
        // for a recommendations column, when no owner, set or done date says so.
        let (mut audit_shaped, mut action_shaped) = (false, false);
        for k in candidates {
            // A completion date says "audit" only when its header does ("Date of
            // the audit"): "Date Completed" of a visit form or a workflow step
            // is no sign of an audit table.
            // (Or names a part of seed 002's two-part audit, "PART B, CSW
            // COMPLETES: Date": a survey of one part.)
            let says_audit = |i: usize| k != TableKind::Audits || words[i].iter().any(|w| w == "audit" || w == "audited") || names_part_letter(&headers[i]);
            let mut matched: Vec<(String, usize)> = (0..folded.len())
                .filter(|&i| !(k == TableKind::Actions && slot_numbered[i]))
                .filter_map(|i| {
                    pin_for(&folded[i]).map(|f| (f, 1000)).or_else(|| {
                        match_field(i, k).ok().flatten().map(|m| {
                            let score = if m.field == "completed_date" && !says_audit(i) { m.score.min(1) } else { m.score };
                            (m.field, score)
                        })
                    })
                })
                .collect();
            // (A case-note table's type and event date by their values, as
            // they are read below: its one unread column of kinds of note,
            // then, beside a recording date, its one other of dates.)
            if k == TableKind::CaseNotes && !matched.iter().any(|(f, _)| f == "note_type") {
                let unread: Vec<usize> = (0..folded.len())
                    .filter(|&i| !folded[i].is_empty() && pin_for(&folded[i]).is_none() && !matches!(match_field(i, k), Ok(Some(_))))
                    .collect();
                if let [t] = unread.iter().copied().filter(|&i| note_kinds(i)).collect::<Vec<_>>()[..] {
                    matched.push(("note_type".to_string(), 2));
                    let recorded = (0..folded.len()).find(|&i| matches!(match_field(i, k), Ok(Some(m)) if m.field == "recorded_date"));
                    if let Some(r) = recorded.filter(|_| !matched.iter().any(|(f, _)| f == "event_date")) {
                        let dates: Vec<usize> = unread.iter().copied().filter(|&i| i != t && all_dates(i)).collect();
                        if let [d] = dates[..] {
                            if event_dates(d, r) {
                                matched.push(("event_date".to_string(), 1));
                            }
                        }
                    }
                }
            }
            matched.sort();
            let mut fields: Vec<String> = matched.iter().map(|(f, _)| f.clone()).collect();
            fields.dedup();
            let has_required = k.required().iter().all(|r| fields.iter().any(|f| f == r));
            // A case note's status says nothing of the kind of table: a
            // legal-status report's "Legal Status" column is not one.
            let mut score = fields.iter().filter(|f| !(k == TableKind::CaseNotes && *f == "status")).count() * 2;
            let graded: Vec<usize> =
                if k == TableKind::Audits { (0..headers.len()).filter(|&i| grade_share(crosswalk, &column_values(i)).0 >= 0.6).collect() } else { Vec::new() };
            score += graded.len();
            // A child id and a team (a list of children) are no kind of table: each
            // kind needs a column only it has, matched more than by one word. A
            // column of small numbers (a code, "SEX" 1 / 2) could be any scale's
            // grades: graded by its values alone, it is no sign of audits.
            // Nor is one yes / no column ("Seen Alone?" in a case-note extract):
            // yes / no answers count on two columns or more.
            let scale_of = |i: &usize| crosswalk.detect_scale(column_values(*i).iter().copied());
            let worded = graded.iter().filter_map(scale_of).filter(|s| s != super::scales::NUMERIC).collect::<Vec<String>>();
            let yes_no = worded.iter().filter(|s| *s == "ynp").count();
            let evidence = worded.len() > yes_no || yes_no >= 2 || matched.iter().any(|(f, sc)| *sc > 1 && k.distinctive().contains(&f.as_str()));
            if k == TableKind::Audits && has_required && matched.iter().any(|(f, sc)| f == "overall" && *sc >= 100) {
                audit_with_overall = true;
            }
            if k == TableKind::Audits && has_required {
                audit_shaped = matched.iter().any(|(f, sc)| f == "auditor" && *sc >= 100) && matched.iter().any(|(f, sc)| f == "completed_date" && *sc > 1);
            }
            // (Named so: a survey's "Started" time is no action's set date.)
            if k == TableKind::Actions {
                action_shaped = matched.iter().any(|(f, sc)| *sc > 1 && matches!(f.as_str(), "owner" | "set_date" | "completed_date"));
            }
            let named: std::collections::BTreeSet<&str> = matched.iter().filter(|(_, sc)| *sc >= 100).map(|(f, _)| f.as_str()).collect();
            let all_named = k.required().iter().all(|r| named.contains(r));
            if has_required && evidence && (score > best.1 || (score == best.1 && all_named && named.len() > best_named)) {
                best = (k, score);
                best_named = named.len();
            }
            // Clearly this kind of table but a required column is missing: say so
            // (an error naming the column) rather than ignore the table.
            if !has_required && evidence && score >= 4 && score > incomplete.1 {
                incomplete = (k, score);
            }
        }
        if best.0 == TableKind::Unknown {
            incomplete.0
        } else if best.0 == TableKind::Actions && (audit_with_overall || (audit_shaped && !action_shaped)) {
            TableKind::Audits
        } else {
            best.0
        }
    });

    let mut notes = Vec::new();
    let mut columns: Vec<ColumnMap> = Vec::new();
    let mut scores: Vec<usize> = Vec::new();
    // The field a header names exactly (a synonym), whatever its values hold.
    let named_exactly = |i: usize| kind.vocabulary(rec).match_words(&words[i], MULTI_FIELDS, None).ok().flatten().filter(|m| m.score == 100).map(|m| m.field);
    for (i, h) in folded.iter().enumerate() {
        let values = column_values(i);
        let (share, n) = grade_share(crosswalk, &values);
        let graded = share >= 0.6 && n > 0;
        let scale = graded.then(|| crosswalk.detect_scale(values.iter().copied())).flatten();
        let pinned = pin_for(h);
        let (_, rest) = split_numbering(h);
        let (target, reason, score) = if h.is_empty() {
            (Target::Unmapped, "no header".to_string(), 0)
        } else if let Some(p) = pinned {
            (Target::parse(&p), "config".to_string(), 1000)
        } else if let Some(question) = quiz_annotation(&headers[i], &headers) {
            (Target::Ignore, format!("a quiz form's points or feedback on the question '{question}', not an answer"), 0)
        } else if super::recognise::tool_total(h) {
            (Target::Ignore, "a total the reporting tool added (\"Count of …\", \"Number of Records\"), not a value of each row".to_string(), 0)
        } else {
            match match_field(i, kind) {
                Ok(Some(m)) if m.score == 100 => (Target::Field(m.field), m.reason, m.score),
                other => {
                    let question = if kind == TableKind::Audits { question_domain(rec, &rest) } else { None };
                    if let Some(d) = question {
                        if graded {
                            (Target::Domain(Some(d)), "question text".to_string(), 50)
                        } else {
                            (Target::Field("evidence".into()), format!("question text ({d}), values are text"), 50)
                        }
                    } else {
                        // A graded column whose header names a domain ("Q1 Risk Judgement")
                        // is that domain, not a one-word match such as "judgement".
                        let weak_graded = graded && kind == TableKind::Audits && matches!(&other, Ok(Some(m)) if m.score == 1);
                        let domain_by_keyword = if weak_graded { keyword_domain(config, &rest).ok().flatten() } else { None };
                        let split_at = match &other {
                            Err(tied) if is_service_and_team(tied) => path_separator(&headers[i], &values),
                            _ => None,
                        };
                        match other {
                            _ if domain_by_keyword.is_some() => {
                                (Target::Domain(domain_by_keyword), format!("values ({}) and keywords", scale.clone().unwrap_or_default()), 10)
                            }
                            Ok(Some(m)) => (Target::Field(m.field), m.reason, m.score),
                            // "Service > Team" over "Safeguarding > CP West": both in one cell.
                            Err(_) if split_at.is_some() => (
                                Target::Field("service_team".into()),
                                format!("service and team in one cell, split at '{}'", split_at.unwrap_or_default().trim()),
                                2,
                            ),
                            // "District / Service" over "North", "Leaving Care": one
                            // name in each cell, the grouping the export has: the team.
                            Err(tied) if is_service_and_team(&tied) && !graded => {
                                notes.push(format!("column '{}' names service and team, with one name in each cell: read as the team", headers[i]));
                                (Target::Field("team".into()), "names service and team, one name in each cell: the team".to_string(), 2)
                            }
                            Err(tied) => {
                                notes.push(format!("column '{}' could be any of {}: not used; pin it in the config", headers[i], tied.join(", ")));
                                (Target::Unmapped, format!("ambiguous: {}", tied.join(" / ")), 0)
                            }
                            Ok(None)
                                if graded
                                    && kind == TableKind::Audits
                                    && !(scale.as_deref() == Some(super::scales::NUMERIC) && counts_not_grades(h))
                                    && !(scale.as_deref() == Some("ynp") && asks_of_the_audit(h)) =>
                            {
                                match keyword_domain(config, &rest) {
                                    Ok(Some(d)) => (Target::Domain(Some(d)), format!("values ({}) and keywords", scale.clone().unwrap_or_default()), 10),
                                    Ok(None) => (Target::Domain(None), format!("values ({})", scale.clone().unwrap_or_default()), 5),
                                    Err(tied) => {
                                        notes.push(format!(
                                            "graded column '{}' fits domains {} equally: kept, not placed in a domain; pin it in the config",
                                            headers[i],
                                            tied.join(", ")
                                        ));
                                        (
                                            Target::Domain(None),
                                            format!("values ({}); domain ambiguous: {}", scale.clone().unwrap_or_default(), tied.join(" / ")),
                                            5,
                                        )
                                    }
                                }
                            }
                            // A column of free text under a header nothing names
                            // ("How are they managing?") is commentary: evidence.
                            Ok(None) if kind == TableKind::Audits && profiles[i].non_empty >= 3 && profiles[i].long_text * 2 >= profiles[i].non_empty => {
                                // (Named exactly as a field, "Team" over paragraphs: said.)
                                if let Some(field) = named_exactly(i).filter(|f| !MULTI_FIELDS.contains(&f.as_str())) {
                                    notes.push(format!(
                                        "column '{}' is named as {field}, but its values are long free text: read as evidence, not as {field}; pin it in the config if it is",
                                        headers[i]
                                    ));
                                }
                                (Target::Field("evidence".into()), "values are free text".to_string(), 1)
                            }
                            Ok(None) => {
                                // Named exactly as a field, but its values are not of that
                                // kind ("By when": "end of term", "end of placement"): said,
                                // not dropped in silence.
                                // ("Child's name" over names is no id column wrongly
                                // named: "name" is a filler word, not a hint.)
                                let a_name = h.split(' ').any(|w| w == "name" || w == "names");
                                if let Some(field) = named_exactly(i).filter(|f| profiles[i].non_empty > 0 && !(a_name && f.ends_with("_id"))) {
                                    let example = values.iter().find(|c| !c.is_empty()).map(|c| c.as_string()).unwrap_or_default();
                                    notes.push(format!(
                                        "column '{}' is named as {field}, but its values do not read as one (e.g. '{example}'): not used; pin it in the config if it is",
                                        headers[i]
                                    ));
                                }
                                (Target::Unmapped, String::new(), 0)
                            }
                        }
                    }
                }
            }
        };
        let scale = match &target {
            Target::Domain(_) => scale,
            Target::Field(f) if f == "overall" || f == "moderated_overall" || f == "reaudit_overall" => crosswalk.detect_scale(values.iter().copied()),
            _ => None,
        };
        columns.push(ColumnMap { index: i, header: headers[i].clone(), target, reason, scale, score });
        scores.push(score);
    }

    // A moderator's change or disagreement asked as yes / no ("Did the
    // moderator change the Q12 judgement?", "Moderator disagrees with overall
    // judgement? (Y/N)"): no grade, but the agreement, read turned round.
    if !columns.iter().any(|c| c.target == Target::Field("moderator_agrees".into())) {
        let turned = (0..columns.len()).find(|&i| {
            let c = &columns[i];
            let p = &profiles[c.index];
            let graded_or_tied =
                matches!(&c.target, Target::Field(f) if f == "moderated_overall") || (c.target == Target::Unmapped && c.reason.contains("moderated_overall"));
            graded_or_tied && super::table::moderation_turned_round(&c.header) && p.non_empty > 0 && p.yes_no * 10 >= p.non_empty * 9
        });
        if let Some(i) = turned {
            columns[i].target = Target::Field("moderator_agrees".into());
            columns[i].reason = format!("{}; asks whether the moderator changed or disagreed: the agreement, read turned round", columns[i].reason);
            columns[i].scale = None;
        }
    }

    // Roles by position: a plain grade or date column right after a moderation
    // column ("Do you agree with the auditor?" then "Grade:") is the moderator's.
    for i in 0..columns.len() {
        let moved = match &columns[i].target {
            Target::Field(f) if f == "overall" => "moderated_overall",
            Target::Field(f) if f == "completed_date" => "moderation_date",
            _ => continue,
        };
        // ("Auditors' Grade" is the auditor's wherever it stands, and so is a
        // date that names the audit: "Audit date", "Date finalised".)
        let names_audit = |w: &String| {
            matches!(w.as_str(), "auditor" | "auditors")
                || (moved == "moderation_date" && matches!(w.as_str(), "audit" | "audited" | "finalised" | "finalized"))
        };
        let weak = scores[i] != 1000 && words[columns[i].index].len() <= 2 && !words[columns[i].index].iter().any(names_audit);
        let after_moderation = columns[i.saturating_sub(2)..i]
            .iter()
            .any(|c| matches!(&c.target, Target::Field(f) if ["moderated", "moderator_agrees", "moderation_date", "moderated_overall"].contains(&f.as_str())));
        let taken = columns.iter().any(|c| c.target == Target::Field(moved.to_string()));
        // A moderator grades and dates only what was moderated: a grade or a
        // date filled on a row whose moderation columns are all blank or "No"
        // is the audit's own, wherever it stands: where it is the table's
        // only grade (or date) of its kind. (Beside an "Auditors' Grade", a
        // plain "Grade:" after the moderation columns is the moderator's,
        // even where a record split at a page break left those blank.)
        let only = !columns.iter().enumerate().any(|(j, c)| j != i && c.target == columns[i].target);
        // (A "No" says no moderation only under "Moderated?": under
        // "Moderator agrees?" it is a moderation that disagreed.)
        let own = only && {
            let moderation: Vec<usize> = columns
                .iter()
                .filter(|c| matches!(&c.target, Target::Field(f) if ["moderated", "moderator_agrees", "moderation_date"].contains(&f.as_str())))
                .map(|c| c.index)
                .collect();
            let agrees: Vec<usize> = columns.iter().filter(|c| c.target == Target::Field("moderator_agrees".into())).map(|c| c.index).collect();
            let index = columns[i].index;
            !moderation.is_empty()
                && sample.iter().any(|r| {
                    r.get(index).is_some_and(|c| !c.is_empty())
                        && unmoderated(r, &moderation)
                        && agrees.iter().all(|&m| r.get(m).is_none_or(|c| c.is_empty() || super::scales::answer(c) == Some(super::model::Answer::Blank)))
                })
        };
        // An audit table's only grade (it has domains: a full audit, not a
        // moderation log) stays the audit's wherever it stands.
        let only_grade_of_an_audit = moved == "moderated_overall"
            && columns.iter().any(|c| matches!(c.target, Target::Domain(_)))
            && !columns.iter().enumerate().any(|(j, c)| j != i && c.target == Target::Field("overall".into()));
        // (Nor a grade its header says is the auditor's, "Overall evaluation
        // (auditor)" after "Moderated by": blind set 206's velmoor.)
        let auditors = moved == "moderated_overall" && names_auditors_grade(&columns[i].header);
        if weak && after_moderation && !taken && !only_grade_of_an_audit && !own && !auditors {
            columns[i].reason = format!("{}; after a moderation column, so the moderator's", columns[i].reason);
            columns[i].target = Target::Field(moved.to_string());
            if moved == "moderated_overall" {
                columns[i].scale = crosswalk.detect_scale(column_values(columns[i].index).iter().copied());
            }
        }
    }

    // A grade headed for the auditor ("Auditors' Grade") beside a plain one
    // ("Grade:") in a table with moderation columns: the plain one is the
    // moderator's, wherever the columns stand.
    let moderation: Vec<usize> = columns
        .iter()
        .filter(|c| matches!(&c.target, Target::Field(f) if ["moderated", "moderator_agrees", "moderation_date"].contains(&f.as_str())))
        .map(|c| c.index)
        .collect();
    let moderation_columns = !moderation.is_empty();
    // A moderator grades, and a moderation has an outcome, only where a
    // moderation is: a column filled on a row whose moderation columns are
    // all blank or "No" is about the audit, not its moderation.
    let filled_unmoderated = |index: usize| sample.iter().any(|r| r.get(index).is_some_and(|c| !c.is_empty()) && unmoderated(r, &moderation));
    let overall: Vec<usize> = (0..columns.len()).filter(|&i| columns[i].target == Target::Field("overall".into()) && scores[i] < 1000).collect();
    if kind == TableKind::Audits && moderation_columns && overall.len() == 2 && !columns.iter().any(|c| c.target == Target::Field("moderated_overall".into())) {
        let names_auditor = |i: usize| words[columns[i].index].iter().any(|w| w == "auditor" || w == "auditors");
        let (a, b) = (overall[0], overall[1]);
        let plain = match (names_auditor(a), names_auditor(b)) {
            (true, false) => Some(b),
            (false, true) => Some(a),
            _ => None,
        };
        // (Not a plain grade filled on an audit with no moderation recorded: a
        // moderator grades only what was moderated, so that one is the audit's
        // own, and the one headed for the auditor a copy of it set beside the
        // moderation, "Moderator, Date, Auditor's grade".)
        match plain.filter(|&p| words[columns[p].index].len() <= 2) {
            Some(p) if !filled_unmoderated(columns[p].index) => {
                let auditor = columns[if p == a { b } else { a }].header.clone();
                columns[p].reason =
                    format!("{}; beside the auditor's grade '{auditor}', in a table with moderation columns, so the moderator's", columns[p].reason);
                columns[p].target = Target::Field("moderated_overall".into());
                columns[p].scale = crosswalk.detect_scale(column_values(columns[p].index).iter().copied());
            }
            Some(p) => {
                let copy = if p == a { b } else { a };
                let own = columns[p].header.clone();
                notes.push(format!(
                    "column '{}' {COPY_OF_AUDITORS}: '{own}' is graded on audits with no moderation, so it is the audit's own grade, and no column is the moderator's grade",
                    columns[copy].header
                ));
                columns[copy].reason = format!("{} (not used: a copy of the auditor's grade '{own}')", columns[copy].reason);
                columns[copy].target = Target::Ignore;
                columns[copy].score = 0;
            }
            None => {}
        }
    }

    // A column headed only "Outcome" (or "Result", "Decision") in a table with
    // a moderation column and no agreement column, whose values are a
    // moderation's outcomes ("Upheld", "Changed to RI", "Not agreed"), is the
    // moderator's agreement. Elsewhere "Outcome" says too little to be used:
    // also where it is filled on audits no one moderated ("No change",
    // "Changed" beside "Moderated: No"), the case's outcome, not a moderation's.
    let has = |field: &str| columns.iter().any(|c| c.target == Target::Field(field.into()));
    if kind == TableKind::Audits && moderation_columns && !has("moderator_agrees") {
        let plain = |i: usize| matches!(words[i].as_slice(), [w] if ["outcome", "result", "decision"].contains(&w.as_str()));
        let outcomes: Vec<usize> = (0..columns.len())
            .filter(|&ci| columns[ci].score < 1000 && matches!(columns[ci].target, Target::Unmapped | Target::Domain(_)))
            .filter(|&ci| plain(columns[ci].index))
            .filter(|&ci| {
                let p = &profiles[columns[ci].index];
                p.outcomes > 0 && p.fits(super::recognise::ValueKind::Agreement) == Some(true) && p.grades * 2 < p.non_empty
            })
            .collect();
        match outcomes.as_slice() {
            [ci] if filled_unmoderated(columns[*ci].index) => {
                notes.push(format!("column '{}' {OUTCOME_OF_THE_CASE}: not read as the moderator's agreement", columns[*ci].header));
            }
            [ci] => {
                columns[*ci].read_as("moderator_agrees", "values are a moderation's outcomes, in a table with moderation columns");
            }
            _ => {}
        }
    }

    // A question asking what the child, or the family, said ("What did
    // the parent/carer tell you?", "Parents/carers - what they said"),
    // named by no field: its answers are what they said to the auditor,
    // so it is that spoken-to question (each answer read so).
    if kind == TableKind::Audits {
        for ci in 0..columns.len() {
            let free = matches!(columns[ci].target, Target::Unmapped | Target::Ignore | Target::Domain(None))
                || (columns[ci].target == Target::Field("evidence".into()) && columns[ci].score <= 1);
            if !free || columns[ci].score >= 1000 || !super::table::asks_what_said(&columns[ci].header) {
                continue;
            }
            let f = &folded[columns[ci].index];
            let family =
                ["parent", "parents", "carer", "carers", "family", "mum", "dad", "mother", "father"].iter().any(|w| super::fold::contains_phrase(f, w));
            let child = ["child", "children", "young person", "yp", "cyp"].iter().any(|w| super::fold::contains_phrase(f, w));
            let field = match (child, family) {
                (true, false) => "spoke_child",
                (false, true) => "spoke_family",
                _ => continue,
            };
            if !columns.iter().any(|c| c.target == Target::Field(field.into())) {
                notes.push(format!("column '{}' asks what was said: read for {field}", columns[ci].header));
                columns[ci].read_as(field, "asks what they said");
            }
        }
    }

    // A yes / no column headed by whose views alone ("Child / YP views",
    // "Family views?"), in a table that reads another spoken-to question
    // beside it ("Parent / carer views", "SW input?"): whether the auditor
    // had that person's views, so that person's spoken-to question. (A
    // practice question asks more, "Child's views evident?", or is graded
    // "Partially".)
    if kind == TableKind::Audits && SPOKEN_TO.iter().any(|f| columns.iter().any(|c| c.target == Target::Field(f.to_string()))) {
        // (A possessive folds into its word: "Young person's views",
        // "Child's views", "Mother's views".)
        let person_word = |b: &str| b == "person" || super::table::names_role("spoke_child", b) || super::table::names_role("spoke_family", b);
        for ci in 0..columns.len() {
            let c = &columns[ci];
            if c.score >= 1000 || !matches!(c.target, Target::Unmapped | Target::Ignore | Target::Domain(_)) || c.scale.as_deref() != Some("ynp") {
                continue;
            }
            let f = &folded[c.index];
            let words: Vec<&str> = f
                .split(' ')
                .filter(|w| !matches!(*w, "s" | "the" | "their" | "of"))
                .map(|w| w.strip_suffix('s').filter(|b| !person_word(w) && person_word(b)).unwrap_or(w))
                .collect();
            let (views, who): (Vec<&str>, Vec<&str>) = words.iter().partition(|w| matches!(**w, "views" | "view"));
            if views.is_empty() || who.is_empty() || who.len() > 4 {
                continue;
            }
            let person = who.join(" ");
            let field = match (super::table::names_role("spoke_child", &person), super::table::names_role("spoke_family", &person)) {
                (true, false) => "spoke_child",
                (false, true) => "spoke_family",
                _ => continue,
            };
            // (Every word of it names the person: "Child / YP", "Parent / carer".)
            let named = |w: &str| super::table::names_role(field, w) || matches!(w, "young" | "person" | "people" | "and" | "or");
            if !who.iter().all(|w| named(w)) || answered_partly(&column_values(c.index)) || columns.iter().any(|o| o.target == Target::Field(field.into())) {
                continue;
            }
            notes.push(format!("column '{}' {VIEWS_BESIDE}: read for {field}", c.header));
            columns[ci].read_as(field, VIEWS_BESIDE);
        }
    }

    // One column that lists who the auditor spoke to ("Who did you speak to?":
    // "Child/young person;Parent/carer;Social worker/PA;", as a form's
    // multiple choice exports it): it answers each spoken-to question that no
    // column of its own answers (the reader reads each role from the list).
    if kind == TableKind::Audits {
        let who = (0..columns.len()).find(|&ci| {
            let h = &folded[columns[ci].index];
            // (Or taken for the evidence by its free text alone, score 1.)
            let free = matches!(columns[ci].target, Target::Unmapped | Target::Ignore | Target::Domain(None))
                || (columns[ci].target == Target::Field("evidence".into()) && columns[ci].score <= 1);
            // (Not one answered yes or no: a grid's row of someone else,
            // "Who did you speak to? [Child's school]", is no list of whom.)
            free && columns[ci].score < 1000 && is_who_spoken_to_header(h) && columns[ci].scale.as_deref() != Some("ynp")
        });
        // Or who the auditor did not speak to ("Not spoken to (child / family
        // / social worker)": "Family", "Child (declined)", "None").
        let not_spoken = || {
            (0..columns.len()).find(|&ci| {
                matches!(columns[ci].target, Target::Unmapped | Target::Ignore | Target::Domain(None))
                    && columns[ci].score < 1000
                    && is_not_spoken_to_header(&columns[ci].header)
            })
        };
        let list = who.map(|ci| (ci, WHO_LIST)).or_else(|| not_spoken().map(|ci| (ci, NOT_SPOKEN_LIST)));
        if let Some((ci, what)) = list {
            // (A list of whom, three answers or more, that never names the
            // child or the family is of the workers spoken to: it says
            // nothing of the child or the family.)
            let answers: Vec<String> = column_values(columns[ci].index)
                .iter()
                .map(|c| c.as_string())
                .filter(|t| !t.trim().is_empty() && !super::scales::is_not_known(&Cell::text(t)))
                .collect();
            let workers_only = what == WHO_LIST && answers.len() >= 3 && !answers.iter().any(|t| super::table::who_list_names_child_or_family(t));
            for field in SPOKEN_TO {
                if workers_only && field != "spoke_practitioner" {
                    notes.push(format!(
                        "column '{}' {what}, but no answer names a child or family: it is of the workers spoken to, and not read for {field}",
                        columns[ci].header
                    ));
                    continue;
                }
                if !columns.iter().any(|c| c.target == Target::Field(field.into())) {
                    let mut c = columns[ci].clone();
                    c.read_as(field, format!("{what}: each role read from it"));
                    notes.push(format!("column '{}' {what}: read for {field}", c.header));
                    columns.push(c);
                }
            }
        }
    }

    // A column of whether the case was chosen to seek someone's views ("Case
    // selected for parent / carer views?"), not whether they were spoken to:
    // no spoken-to answer (review 245's c49; seed 001's form asks both).
    if kind == TableKind::Audits {
        for c in columns.iter_mut().filter(|c| SPOKEN_TO.iter().any(|f| c.target == Target::Field(f.to_string())) && c.score < 1000) {
            if super::forms::asks_if_selected(&c.header) {
                let header = c.header.clone();
                c.unuse(SELECTED_ONLY);
                notes.push(format!("column '{header}' {SELECTED_ONLY}: not read as spoken to"));
            }
        }
    }

    // Whether someone was seen, of the cases chosen for it ("Parents seen
    // (selected cases only)"): the auditor's meeting, that person's
    // spoken-to question where no column asks it.
    if kind == TableKind::Audits {
        for ci in 0..columns.len() {
            let c = &columns[ci];
            if c.score >= 1000 || !matches!(c.target, Target::Unmapped | Target::Ignore | Target::Domain(_)) {
                continue;
            }
            let Some(field) = super::forms::seen_if_selected(&c.header) else { continue };
            if columns.iter().any(|o| o.target == Target::Field(field.into())) {
                continue;
            }
            notes.push(format!("column '{}' {SEEN_IF_SELECTED}: read for {field}", c.header));
            columns[ci].read_as(field, SEEN_IF_SELECTED);
        }
    }

    // A column headed by whose views alone ("Parent / carer views") and
    // graded "Partially": a practice question of whether their views are
    // evident, not whether the auditor spoke to them, as the whose-views
    // rule above already reads it (review 245's c64: the older name of the
    // family's question had read it, its "Partially" left blank).
    if kind == TableKind::Audits {
        for c in columns.iter_mut() {
            if c.score >= 1000 || !matches!(&c.target, Target::Field(f) if f == "spoke_child" || f == "spoke_family") {
                continue;
            }
            let words: Vec<&str> = folded[c.index].split(' ').collect();
            let views_only = words.iter().any(|w| matches!(*w, "views" | "view"))
                && !words.iter().any(|w| {
                    matches!(*w, "obtained" | "spoken" | "spoke" | "sought" | "consulted" | "gathered" | "captured" | "seen" | "contacted" | "heard" | "asked")
                });
            if views_only && answered_partly(&column_values(c.index)) {
                let header = c.header.clone();
                c.unuse(VIEWS_GRADED);
                notes.push(format!("column '{header}' {VIEWS_GRADED}: not read as spoken to"));
            }
        }
    }

    // A reason box right after a spoken-to question that has none of its own
    // ("Date child seen" then "If not seen, why not?" or "Child not seen -
    // reason"): that question's reason box, as seed 000's "If child was not
    // spoken to please state why:" is.
    if kind == TableKind::Audits {
        for field in SPOKEN_TO {
            let not = format!("{field}_not");
            if columns.iter().any(|c| c.target == Target::Field(not.clone())) {
                continue;
            }
            let Some(at) = columns.iter().find(|c| c.target == Target::Field(field.into())).map(|c| c.index) else { continue };
            let reason_box = |c: &ColumnMap| {
                let words: Vec<&str> = folded[c.index].split(' ').collect();
                // (Or taken for the evidence by one word: a reason box is not.)
                (matches!(c.target, Target::Unmapped | Target::Ignore) || (c.target == Target::Field("evidence".into()) && c.score <= 1))
                    && c.score < 1000
                    && words.iter().any(|w| matches!(*w, "why" | "reason" | "reasons"))
                    && words.iter().any(|w| matches!(*w, "not" | "no"))
                    && words.len() <= 8
            };
            // Else, wherever it stands, the one reason box that names the
            // question's person ("Child not seen – reason" for the child).
            let names_person = |c: &ColumnMap| {
                let f = &folded[c.index];
                let has = |w: &str| f.split(' ').any(|x| x == w);
                match field {
                    "spoke_child" => has("child") || f.contains("young person") || has("yp") || has("cyp"),
                    "spoke_family" => has("family") || has("parent") || has("parents") || has("carer") || has("carers"),
                    _ => f.contains("social worker") || has("practitioner") || has("worker") || has("sw") || f.contains("personal adviser"),
                }
            };
            let named: Vec<usize> = columns.iter().enumerate().filter(|(_, c)| reason_box(c) && names_person(c)).map(|(i, _)| i).collect();
            // Else the table's one reason box, where this is its one spoken-to
            // question ("If not seen, why not?" beside "Date child seen").
            let boxes: Vec<usize> = columns.iter().enumerate().filter(|(_, c)| reason_box(c)).map(|(i, _)| i).collect();
            let questions = SPOKEN_TO.iter().filter(|f| columns.iter().any(|c| c.target == Target::Field(f.to_string()))).count();
            let next = columns.iter().position(|c| c.index == at + 1 && reason_box(c)).or(match (&named[..], &boxes[..]) {
                ([one], _) => Some(*one),
                ([], [one]) if questions == 1 => Some(*one),
                _ => None,
            });
            if let Some(ci) = next {
                let header = columns[ci].header.clone();
                columns[ci].target = Target::Field(not);
                columns[ci].reason = format!("{REASON_BESIDE} ({field})");
                notes.push(format!("column '{header}' {REASON_BESIDE}: read as the reason for {field}"));
            }
        }
    }

    // No overall column, and one graded question headed "Overall …" ("12.
    // Overall - quality of child's experience", a Torbay audit's Q12 under
    // short headers): that question is the overall judgement.
    if kind == TableKind::Audits && !columns.iter().any(|c| c.target == Target::Field("overall".into())) {
        let headed_overall: Vec<usize> = (0..columns.len())
            // (A yes / no question, "Overall, is the child safe?", is no grade.)
            .filter(|&ci| matches!(columns[ci].target, Target::Domain(_)) && columns[ci].score < 1000 && columns[ci].scale.as_deref() != Some("ynp"))
            .filter(|&ci| split_numbering(&folded[columns[ci].index]).1.split(' ').next() == Some("overall"))
            .collect();
        if let [ci] = headed_overall.as_slice() {
            let c = &mut columns[*ci];
            c.target = Target::Field("overall".into());
            c.reason = format!("{}; the one graded question headed 'Overall', in a table with no overall column", c.reason);
        }
    }
    // A seen-alone column none of whose values says seen alone or not (a
    // "Visit outcome" of "Completed" / "Cancelled"): not seen alone, or
    // seen_alone_recorded would count every visit as not recorded.
    if kind == TableKind::CaseNotes {
        // A status of a data-quality check on the note ("DQ status", "Data
        // quality status", "Validation status": "OK" / "ERROR"), not the
        // record's own: not the status (review 245's c21, where "ERROR"
        // flagged a missing seen-alone answer on a real visit).
        if let Some(ci) = columns.iter().position(|c| c.target == Target::Field("status".into()) && c.score < 1000) {
            let w = &words[columns[ci].index];
            let check = w.iter().any(|x| matches!(x.as_str(), "dq" | "validation" | "check" | "checks" | "flag" | "flags"))
                || contains_phrase(&folded[columns[ci].index], "data quality");
            if check {
                let header = columns[ci].header.clone();
                columns[ci].unuse("a data-quality check's status, not the record's");
                notes.push(format!("column '{header}' matches status, but is a data-quality check's: not read as the note's status"));
            }
        }
        if let Some(ci) = columns.iter().position(|c| c.target == Target::Field("seen_alone".into()) && c.score < 1000) {
            let values = column_values(columns[ci].index);
            let filled: Vec<&&Cell> = values.iter().filter(|c| !c.is_empty()).collect();
            // ("Not recorded" says so.)
            let says = filled
                .iter()
                .filter(|c| super::scales::is_not_known(c) || !matches!(super::table::seen_alone(c), super::model::SeenAlone::NotRecorded))
                .count();
            if filled.len() >= 3 && says == 0 {
                let header = columns[ci].header.clone();
                // (A visit's outcome, "Child seen", "Visit not achieved - no
                // access", with no status column: the note's status; blind
                // set 184's marrowgate.)
                let outcome = words[columns[ci].index].iter().any(|w| w == "outcome");
                if outcome && !columns.iter().any(|c| c.target == Target::Field("status".into())) {
                    columns[ci].target = Target::Field("status".into());
                    columns[ci].reason = format!("{} (a visit's outcome: none of its values says whether the child was seen alone)", columns[ci].reason);
                    notes.push(format!(
                        "column '{header}' matches seen_alone, but none of its values says whether the child was seen alone: read as the note's status"
                    ));
                } else {
                    columns[ci].unuse("no value says whether the child was seen alone");
                    notes.push(format!("column '{header}' matches seen_alone, but none of its values says whether the child was seen alone: not used"));
                }
            }
        }
    }

    // Still no overall: the one column graded on an Ofsted scale ("Rating",
    // "Quality of practice"; any others are yes / no or met / not met
    // questions) is the overall judgement.
    if kind == TableKind::Audits && !columns.iter().any(|c| c.target == Target::Field("overall".into())) {
        let ofsted: Vec<usize> = (0..columns.len())
            .filter(|&ci| matches!(columns[ci].target, Target::Domain(_)) && columns[ci].score < 1000)
            .filter(|&ci| matches!(columns[ci].scale.as_deref(), Some("ofsted4" | "ofsted5")))
            .collect();
        // (A short header of nothing but grade words, as an overall's is: not
        // a domain's, "Quality of plans", "Judgement on case information".)
        let names_grade = |ci: usize| {
            let w = &words[columns[ci].index];
            !w.is_empty()
                && w.len() <= 3
                && w.iter().all(|x| {
                    matches!(
                        x.as_str(),
                        "rating"
                            | "grade"
                            | "grading"
                            | "judgement"
                            | "judgment"
                            | "quality"
                            | "practice"
                            | "finding"
                            | "outcome"
                            | "result"
                            | "evaluation"
                            | "verdict"
                            | "audit"
                            | "final"
                            | "auditor"
                            | "case"
                            | "file"
                            // (A council's own: "Colour", "RAG", "Our grade",
                            // "Mark given", "Grade we gave": blind set 150's
                            // kestrelford, review 242's c02.)
                            | "colour"
                            | "color"
                            | "rag"
                            | "mark"
                            | "our"
                            | "we"
                            | "gave"
                            | "given"
                    )
                })
        };
        // (And the table's only graded column: beside yes / no questions about
        // areas, a "Quality" or "Grade" column may be one area's grade.)
        let graded = columns.iter().filter(|c| matches!(c.target, Target::Domain(_))).count();
        let ofsted: Vec<usize> = if ofsted.len() == 1 && graded == 1 && names_grade(ofsted[0]) { ofsted } else { Vec::new() };
        if let [ci] = ofsted.as_slice() {
            let c = &mut columns[*ci];
            c.target = Target::Field("overall".into());
            c.reason = format!("{}; the one column on an Ofsted scale, in a table with no overall column", c.reason);
        }
    }

    // Still no overall: the one graded column whose header ends by naming
    // itself the overall, in brackets or after a dash ("Has our help made
    // life better? (overall)": blind set 150's wrenmouth; "How the child's
    // life has changed - overall grade"), not a moderator's.
    if kind == TableKind::Audits && !columns.iter().any(|c| c.target == Target::Field("overall".into())) {
        let named_overall = |h: &str| {
            let h = h.trim();
            let tail = match h.strip_suffix(')').and_then(|x| x.rsplit_once('(')) {
                Some((before, inside)) => Some((before, inside)),
                None => [" - ", " – ", " — "].iter().filter_map(|d| h.rsplit_once(d)).max_by_key(|(before, _)| before.len()),
            };
            tail.is_some_and(|(before, inside)| {
                !fold(before).contains("moderat")
                    && matches!(fold(inside).as_str(), "overall" | "overall grade" | "overall judgement" | "overall judgment" | "overall rating")
            })
        };
        let named: Vec<usize> = (0..columns.len())
            // (Of no domain: a framework's question that is also its overall,
            // the Torbay "Q12 How has the help improved outcomes? (OVERALL)",
            // is read as the framework says, and keeps its place among the domains.)
            // (Graded, not a yes / no question: "Was the child seen alone?
            // (overall)"; review 244's c30.)
            .filter(|&ci| {
                matches!(columns[ci].target, Target::Domain(None))
                    && columns[ci].score < 1000
                    && matches!(columns[ci].scale.as_deref(), Some("ofsted4" | "ofsted5" | "meets_good3" | "meets_good2" | "met3"))
            })
            .filter(|&ci| named_overall(&columns[ci].header))
            .collect();
        if let [ci] = named.as_slice() {
            let c = &mut columns[*ci];
            c.target = Target::Field("overall".into());
            c.reason = format!("{}; its header ends by naming it the overall, in a table with no other overall column", c.reason);
        }
    }

    // An overall grade kept with its reasons in one column ("Overall grade and
    // rationale": "Good - child seen alone; plan is clear.") is the overall
    // when no other column is: its header names the grade before the
    // reasons, and its values start with a grade. ("Rationale for overall
    // grade" names the reasons first: commentary on a grade kept elsewhere.)
    if kind == TableKind::Audits && !columns.iter().any(|c| c.target == Target::Field("overall".into())) {
        let grade_then_reasons = |h: &str| {
            let w: Vec<&str> = h.split(' ').filter(|w| !w.is_empty()).collect();
            let first = |f: &dyn Fn(&str) -> bool| w.iter().position(|x| f(x));
            let graded = first(&|x| matches!(x, "grade" | "grading" | "judgement" | "judgment" | "rating"));
            let reasons = first(&|x| {
                matches!(x, "evidence" | "rationale" | "explanation" | "narrative" | "commentary" | "why")
                    || x.starts_with("comment")
                    || x.starts_with("reason")
            });
            w.iter().any(|x| matches!(*x, "overall" | "final" | "summary"))
                && !w.iter().any(|x| x.starts_with("moderat"))
                && matches!((graded, reasons), (Some(g), Some(r)) if g < r)
        };
        let combined: Vec<usize> = (0..columns.len())
            .filter(|&ci| columns[ci].target == Target::Field("evidence".into()) && columns[ci].score < 1000)
            .filter(|&ci| grade_then_reasons(&folded[columns[ci].index]))
            .filter(|&ci| matches!(grade_share(crosswalk, &column_values(columns[ci].index)), (share, n) if share >= 0.6 && n > 0))
            .collect();
        if let [ci] = combined.as_slice() {
            let c = &mut columns[*ci];
            c.target = Target::Field("overall".into());
            c.reason = format!("{} (its header names the grade before its reasons, and its values start with a grade: the overall)", c.reason);
            c.scale = crosswalk.detect_scale(column_values(c.index).iter().copied());
        }
    }

    // Grades under a moderation header ("Moderated Q12 (same scale)") are the
    // moderator's grade, not the yes / no of whether there was moderation;
    // so are those under a header naming the moderator that another column
    // took as the moderation ("Moderator Q12" beside "Moderator"; blind set
    // 161), not the auditor's grade before it.
    if kind == TableKind::Audits && !columns.iter().any(|c| c.target == Target::Field("moderated_overall".into())) {
        let moderators = |ci: usize| {
            let h = &folded[columns[ci].index];
            names_moderation(h) && !before_moderation(h) && !h.split(' ').any(|w| matches!(w, "auditor" | "auditors" | "original"))
        };
        let graded: Vec<usize> = (0..columns.len())
            .filter(|&ci| {
                (columns[ci].target == Target::Field("moderated".into()) || (columns[ci].target == Target::Unmapped && moderators(ci)))
                    && columns[ci].score < 1000
            })
            .filter(|&ci| {
                // Grades, not the yes / no of whether there was moderation.
                let (share, n) = grade_share(crosswalk, &column_values(columns[ci].index));
                share >= 0.6
                    && n > 0
                    && profiles[columns[ci].index].fits(super::recognise::ValueKind::YesNo) != Some(true)
                    && profiles[columns[ci].index].yes_no == 0
            })
            .collect();
        if let [ci] = graded.as_slice() {
            let c = &mut columns[*ci];
            c.target = Target::Field("moderated_overall".into());
            c.reason = format!("{} (its values are grades: the moderator's grade)", c.reason);
            c.scale = crosswalk.detect_scale(column_values(c.index).iter().copied());
        }
    }

    // The auditor's grade as it was before moderation ("Auditor's Q12 before
    // moderation", "Pre-moderation grade"): not a domain of the audit, whose
    // grade is the one after (blind set 161).
    if kind == TableKind::Audits {
        for c in columns.iter_mut().filter(|c| matches!(c.target, Target::Domain(None)) && c.score < 1000) {
            if before_moderation(&folded[c.index]) {
                c.target = Target::Ignore;
                c.reason = format!("{} (the grade before moderation: the audit's grade is the one after)", c.reason);
            }
        }
    }

    // A form download's own time each response was sent ("Completion time",
    // "Timestamp") is when the audit was done where no other column says
    // (a seed 004 audit kept as a Microsoft Form: "Date audit details
    // received" is the allocation; blind set 163). Only a form with the
    // audit's own grades (its overall or its questions): a moderation form
    // ("Date of moderation audit", "Grade:") is a log of moderations.
    // A moderation form (the moderator's grade or agreement, no grade of the
    // audit's own) dated only by that time was moderated then (review 254's
    // c52: a Microsoft Forms moderation form beside the audit tracker).
    // (A moderation form that repeats the auditor's grade beside the
    // moderator's, "Auditor's overall grade", has no grade of its own:
    // review 255's c02.)
    let has = |f: &str| has_field(&columns, f);
    let moderates = has("moderated_overall") || has("moderator_agrees");
    let graded = columns
        .iter()
        .any(|c| (c.target == Target::Field("overall".into()) && !(moderates && names_auditors_grade(&c.header))) || matches!(c.target, Target::Domain(_)));
    let stamp_is = match (kind == TableKind::Audits && !has("completed_date"), graded) {
        (true, true) => Some(("completed_date", "the form's own time each response was sent, and no other column says when the audit was done")),
        (true, false) if moderates && !has("moderation_date") => {
            Some(("moderation_date", "the form's own time each response was sent: a moderation form with no other date"))
        }
        _ => None,
    };
    if let Some((field, why)) = stamp_is {
        let stamps: Vec<usize> =
            (0..columns.len()).filter(|&ci| columns[ci].target == Target::Unmapped && super::parts::submission_time(&columns[ci].header)).collect();
        if let [ci] = stamps[..] {
            let c = &mut columns[ci];
            c.target = Target::Field(field.into());
            c.reason = why.into();
            c.score = 1;
        }
    }

    // An actions table's "Completed" column of yes / no (True / False) is a
    // status saying done, not a date.
    if kind == TableKind::Actions && !columns.iter().any(|c| c.target == Target::Field("status".into())) {
        let says_completed = |c: &ColumnMap| {
            c.target == Target::Field("completed_date".into()) && c.score < 1000
                || c.target == Target::Unmapped
                    && matches!(super::fold::fold(&c.header).as_str(), "completed" | "complete" | "done" | "is completed" | "action completed")
        };
        for c in columns.iter_mut().filter(|c| says_completed(c)) {
            if profiles[c.index].fits(super::recognise::ValueKind::YesNo) == Some(true) {
                c.target = Target::Field("status".into());
                c.reason = format!("{} (its values are yes / no: a status saying done)", c.reason);
                break;
            }
        }
    }

    // An actions table with the day each was reviewed and no status or
    // completion column: its "Comments" column, where some say done
    // ("Completed", "No longer required - …"), is the status the review
    // dates (seed 001's grid as "Reviewed on" / "Comments"; blind set 166).
    let has = |f: &str| has_field(&columns, f);
    if kind == TableKind::Actions && has("reviewed_date") && !has("status") && !has("completed_date") {
        let comments: Vec<usize> = (0..columns.len())
            .filter(|&ci| {
                columns[ci].target == Target::Unmapped && matches!(folded[columns[ci].index].as_str(), "comments" | "comment" | "review comments" | "update")
            })
            .filter(|&ci| column_values(columns[ci].index).iter().any(|v| super::forms::says_done(v)))
            .collect();
        if let [ci] = comments[..] {
            let c = &mut columns[ci];
            c.target = Target::Field("status".into());
            c.reason = "some of its words say the action was done, beside the day each was reviewed: the status the review dates".into();
            c.score = 1;
        }
    }

    // A length of time ("Months since previous audit", "Days from sample to
    // audit") is no date, whatever date words its header has.
    for c in columns.iter_mut() {
        let dated = matches!(&c.target, Target::Field(f) if f.ends_with("_date") || f == "audit_month");
        let w = &words[c.index];
        let duration = w.iter().any(|x| x == "since")
            || w.first().is_some_and(|x| {
                matches!(x.as_str(), "days" | "weeks" | "months" | "day" | "week" | "month")
                    && w.len() > 1
                    && w.iter().any(|y| y == "from" || y == "between" || y == "to")
            });
        if dated && duration && c.score < 1000 {
            c.unuse("a length of time, not a date");
        }
    }

    // When an audit's actions were accepted is a date: a column named like it
    // by a word or two, holding no dates or with no word of a date in its
    // header ("Agreed Action 1": the action itself, blind set 157's
    // kennetbury), is not it.
    for c in columns.iter_mut() {
        if c.target != Target::Field("actions_accepted".into()) || c.score >= 100 {
            continue;
        }
        let w = &words[c.index];
        let date_word = w.iter().any(|x| matches!(x.as_str(), "date" | "dates" | "on" | "when" | "day"));
        if !date_word || profiles[c.index].fits(super::recognise::ValueKind::Date) == Some(false) {
            c.unuse("not a date: no day the actions were accepted");
        }
    }

    // An AppSheet app's export: every table has "_RowNumber" and its key
    // "Row ID" ("18af7e60"); a table names a row of another in a column named
    // for that table ("Audit"). In a table of audits the Row ID is the
    // audit's id; in a table of actions the "Audit" column is (its own Row
    // ID, the action's, is not used): the actions link to their audits by it.
    let appsheet = folded.iter().any(|h| h == "rownumber" || h == "row number") && folded.iter().any(|h| h == "row id");
    if appsheet && matches!(kind, TableKind::Audits | TableKind::Actions) && !columns.iter().any(|c| c.target == Target::Field("audit_id".into())) {
        let key = |h: &str| match kind {
            TableKind::Audits => h == "row id",
            _ => matches!(h, "audit" | "audit id" | "audit ref" | "related audit"),
        };
        if let Some(c) = columns.iter_mut().find(|c| c.score < 1000 && matches!(c.target, Target::Unmapped | Target::Domain(None)) && key(&folded[c.index])) {
            c.target = Target::Field("audit_id".into());
            c.scale = None;
            c.score = 2;
            c.reason = if kind == TableKind::Audits {
                "an AppSheet app's key of each audit (its 'Row ID')".to_string()
            } else {
                "an AppSheet app's reference to the audit (the audit's 'Row ID')".to_string()
            };
            notes.push(format!("column '{}' is {}: read as the audit's id", c.header, c.reason));
        }
    }

    // A SharePoint list keeps its main column under "Title" and its item
    // number under "ID": in a list of audits, a Title of identifiers is the
    // child id and the ID the audit's; in a list of actions, a Title of text is
    // the action.
    let sharepoint = ["created", "created by", "modified", "modified by", "item type", "path"].iter().filter(|w| folded.iter().any(|h| h == *w)).count() >= 3;
    if sharepoint {
        let has = has_field;
        // (A Title of references, "AUD-001", is the audit's id rather than
        // the item's number "ID": a lookup from the actions list shows the
        // Title.)
        let title_ref = kind == TableKind::Audits
            && (0..columns.len()).any(|i| {
                let p = &profiles[columns[i].index];
                folded[columns[i].index] == "title"
                    && matches!(columns[i].target, Target::Unmapped | Target::Domain(None))
                    && p.non_empty > 0
                    && p.fits(super::recognise::ValueKind::Id) != Some(false)
                    && p.numbers * 2 < p.non_empty
            });
        for i in 0..columns.len() {
            // (Item numbers 1, 2, 3… can look like a numeric grade.)
            if !matches!(columns[i].target, Target::Unmapped | Target::Domain(None)) {
                continue;
            }
            let field = match (folded[columns[i].index].as_str(), kind) {
                ("title", TableKind::Audits)
                    if !has(&columns, "child_id") && profiles[columns[i].index].fits(super::recognise::ValueKind::Id) == Some(true) =>
                {
                    "child_id"
                }
                ("title", TableKind::Actions) if !has(&columns, "text") && profiles[columns[i].index].fits(super::recognise::ValueKind::Id) != Some(true) => {
                    "text"
                }
                ("id", TableKind::Audits) if !(has(&columns, "audit_id") || (title_ref && has(&columns, "child_id"))) => "audit_id",
                // (A Title of identifiers beside the child's own column is the
                // audit's reference, "QA-2026-41"; a list of actions names it
                // in a lookup column, "Audit".)
                ("title", TableKind::Audits) if !has(&columns, "audit_id") && title_ref => "audit_id",
                ("audit", TableKind::Actions)
                    if !has(&columns, "audit_id")
                        && profiles[columns[i].index].fits(super::recognise::ValueKind::Id) != Some(false)
                        && profiles[columns[i].index].non_empty > 0 =>
                {
                    "audit_id"
                }
                _ => continue,
            };
            columns[i].target = Target::Field(field.into());
            columns[i].reason = format!("a SharePoint list's {} column", columns[i].header);
            columns[i].scale = None;
            columns[i].score = 2;
        }
        // A list of actions: its own "Created" is when the item was typed
        // in (often days after the audit, by whoever keeps the list), not
        // when the action was set; with no set date, an action is set at its
        // audit (METRICS.md).
        if kind == TableKind::Actions {
            for c in columns.iter_mut().filter(|c| c.score < 1000 && c.target == Target::Field("set_date".into()) && folded[c.index] == "created") {
                notes.push(format!("column '{}' is the SharePoint list's own date each item was created, not when the action was set: not used", c.header));
                c.unuse("a SharePoint list's own date the item was created, not when the action was set");
            }
        }
    }

    // No moderator's grade, and one column of grades headed for moderation
    // ("Q12" under a "Moderation" group title): the moderator's grade. A
    // column of grades is no moderation flag, date or agreement.
    if kind == TableKind::Audits && !columns.iter().any(|c| c.target == Target::Field("moderated_overall".into())) {
        let graded_moderation: Vec<usize> = (0..columns.len())
            .filter(|&ci| columns[ci].score < 1000 && !matches!(&columns[ci].target, Target::Field(f) if f == "overall"))
            .filter(|&ci| words[columns[ci].index].iter().any(|w| w.starts_with("moderat")))
            .filter(|&ci| {
                let p = &profiles[columns[ci].index];
                p.fits(super::recognise::ValueKind::Grade) == Some(true) && p.yes_no * 2 < p.non_empty
            })
            .collect();
        if let [ci] = graded_moderation.as_slice() {
            let c = &mut columns[*ci];
            c.target = Target::Field("moderated_overall".into());
            c.reason = "values are grades, under a moderation heading: the moderator's grade".into();
            c.score = c.score.max(1);
            c.scale = crosswalk.detect_scale(column_values(c.index).iter().copied());
        }
    }

    // A column of an earlier audit ("Previous audit date", "Last audit grade",
    // "Q12" under a "Previous audit" title) says what that audit found, not
    // this one: not read as this audit's date, grade, answer or question (it
    // would tie with this audit's own date, or add its grade to this one's).
    if kind == TableKind::Audits {
        for c in columns.iter_mut().filter(|c| c.score < 1000) {
            let own = match &c.target {
                Target::Field(f) => !matches!(f.as_str(), "child_id" | "audit_id" | "team" | "service" | "service_team" | "case_type" | "legal_status"),
                Target::Domain(_) => true,
                _ => false,
            };
            if own && names_earlier_audit(&fold(&c.header)) {
                notes.push(format!("column '{}' {EARLIER_AUDIT}: not read as this audit's", c.header));
                c.unuse("an earlier audit's");
            } else if matches!(c.target, Target::Domain(_)) && names_other_grading(&fold(&c.header), c.scale.as_deref()) {
                notes.push(format!(
                    "column '{}' grades something else (an inspection, a visit, a fact of the child's): not read as a question of this audit",
                    c.header
                ));
                c.unuse("not this audit's question");
            }
        }
    }

    // An agreement that names nobody's ("Agree grade? Y/N", "Grade agreed?":
    // a service manager's own column added to their copy) in a table with no
    // moderator, moderation date or moderated grade: nothing says a
    // moderation took place, so it is not read as one (blind set 200's
    // marrowby and stavenmouth, seeds 001 and 002, which have no moderation
    // step). Its header naming a moderation, the auditor or quality
    // assurance keeps it ("Agree with auditor?", "QA outcome").
    if kind == TableKind::Audits
        && !columns.iter().any(|c| matches!(&c.target, Target::Field(f) if ["moderated", "moderated_overall", "moderation_date"].contains(&f.as_str())))
    {
        for c in columns.iter_mut().filter(|c| c.score < 100 && c.target == Target::Field("moderator_agrees".into())) {
            let names_whose = fold(&c.header).split(' ').any(|w| {
                w.starts_with("moderat")
                    || matches!(w, "auditor" | "auditors" | "qa" | "quality" | "assurance" | "panel" | "second" | "2nd" | "outcome" | "concur")
            });
            if !names_whose {
                notes.push(format!(
                    "column '{}' asks whether a grade was agreed, and the table has no moderator, moderation date or moderated grade: not read as a moderation (pin it to moderator_agrees in the config if it is one)",
                    c.header
                ));
                c.unuse("an agreement naming no moderation");
            }
        }
    }

    // Seed 002's Part B, headed in the seed's own word for it ("Date CSW
    // acknowledged (Part B)", "Part B - CSW acknowledgement date": "This final
    // part is for the CSW … to acknowledge … Once this part is completed the
    // audit is complete"), where only Part A, or a date naming no part ("Audit
    // date", the auditor's), matched the completion: Part B's date is a
    // candidate, and wins below.
    if kind == TableKind::Audits {
        let field = Target::Field("completed_date".into());
        // (A date naming no part only where it does not say it is the
        // completion, and only beside a "Part B" so written.)
        let part_a_only = columns.iter().any(|c| c.target == field && c.score < 1000 && names_part_b(&c.header) != Some(true))
            && !columns.iter().any(|c| c.target == field && (c.score >= 1000 || names_part_b(&c.header) == Some(true)))
            && columns.iter().filter(|c| c.target == field).all(|c| names_part_b(&c.header) == Some(false) || !says_completed(&c.header));
        let no_part_a = !columns.iter().any(|c| c.target == field && names_part_b(&c.header) == Some(false));
        // (Or no column is the completion at all: "Part A done" not read as
        // it, "CSW sign-off (Part B)" beside it.)
        let none = !columns.iter().any(|c| c.target == field);
        // An unused column naming that part (`Some(true)` Part B) as done,
        // over dates.
        let part_done = |c: &ColumnMap, b: bool| {
            let p = &profiles[c.index];
            c.target == Target::Unmapped && names_part_b(&c.header) == Some(b) && says_part_b_done(&c.header) && p.non_empty > 0 && p.dates * 2 >= p.non_empty
        };
        let part_b: Vec<usize> = (0..columns.len())
            .filter(|&c| {
                (part_done(&columns[c], true) && (!no_part_a || names_part_b_as_written(&columns[c].header)))
                    || (columns[c].target == Target::Unmapped && part_b_by_neighbour(&columns, &profiles, c))
            })
            .collect();
        if let ([b], true) = (&part_b[..], part_a_only || none) {
            let c = &mut columns[*b];
            c.target = field.clone();
            c.reason = "names Part B, which completes the audit (seed 002), and holds dates".into();
            c.score = 1;
            scores[*b] = 1;
        }
        // A table of Part A alone ("PART A, AUDITOR COMPLETES" over dates,
        // no Part B column, no completion): its date is when Part A was done
        // (a Part B read from another table completes the audit: see
        // `join::parts_joined`).
        let none = !columns.iter().any(|c| c.target == field);
        let no_part_b = !columns.iter().any(|c| names_part_b(&c.header) == Some(true));
        let part_a: Vec<usize> = (0..columns.len()).filter(|&c| part_done(&columns[c], false) && names_part_letter(&columns[c].header)).collect();
        if let ([a], true, true) = (&part_a[..], none, no_part_b) {
            let c = &mut columns[*a];
            c.target = field;
            c.reason = "names Part A (the auditor's part of seed 002's audit) and holds dates: when Part A was done".into();
            c.score = 1;
            scores[*a] = 1;
        }
    }

    // A date column torn between fields ("Date submitted by auditor":
    // completed_date / due_date) where every field it could be but one is
    // another column's by name ("Deadline" is the due date): the one left.
    for ci in 0..columns.len() {
        let Some(tied) = columns[ci].reason.strip_prefix("ambiguous: ").map(|t| t.split(" / ").map(str::to_string).collect::<Vec<String>>()) else { continue };
        if columns[ci].target != Target::Unmapped || !tied.iter().all(|f| f.ends_with("_date")) || profiles[columns[ci].index].dates == 0 {
            continue;
        }
        let taken = |f: &str| columns.iter().enumerate().any(|(o, c)| o != ci && c.target == Target::Field(f.to_string()) && scores[o] > 0);
        let free: Vec<&String> = tied.iter().filter(|f| !taken(f)).collect();
        if let [field] = free[..] {
            let header = columns[ci].header.clone();
            notes.retain(|n| !n.starts_with(&format!("column '{header}' could be any of")));
            let others = tied.iter().filter(|f| *f != field).cloned().collect::<Vec<_>>().join(", ");
            columns[ci].reason = format!("{field} (it could be {}, but another column is named for {others})", tied.join(" or "));
            columns[ci].target = Target::Field(field.clone());
            columns[ci].score = 1;
            scores[ci] = 1;
        }
    }

    // The case's worker signing for the audit, asked as a question too long
    // for a field's name ("When did the CSW sign to say they have received
    // the audit and agree with it?"), beside the auditor's part read as the
    // completion: it is a candidate for the completion too, as strong as the
    // auditor's part, and the rule below for the two parts keeps it (review
    // 243's c31, c55, c56).
    if kind == TableKind::Audits {
        let part = columns.iter().position(|c| c.target == Target::Field("completed_date".into()) && c.score < 1000 && auditors_part(&c.header));
        let signed: Vec<usize> = (0..columns.len())
            .filter(|&ci| columns[ci].target == Target::Unmapped && worker_signed(&columns[ci].header))
            .filter(|&ci| {
                let p = &profiles[columns[ci].index];
                p.non_empty > 0 && p.dates * 10 >= p.non_empty * 9
            })
            .collect();
        if let (Some(part), [ci]) = (part, &signed[..]) {
            let score = scores[part];
            let c = &mut columns[*ci];
            c.target = Target::Field("completed_date".into());
            c.score = score;
            c.reason = "the case's worker signing for the audit, beside the auditor's part".into();
            scores[*ci] = score;
        }
    }

    // An actions table with no completion column: a column of dates whose
    // header says the action was done, with no word for a date ("TM confirmed
    // addressed", "Manager signed off", "Completed"), is its completion
    // (blind sets 198's stavenholme and 202's stavenholt, seed 003's
    // improvement plan: both action KPIs had been "not in the exports").
    if kind == TableKind::Actions && !columns.iter().any(|c| c.target == Target::Field("completed_date".into())) {
        let says_done = |h: &str| {
            let f = fold(h);
            let ws: Vec<&str> = f.split(' ').collect();
            let done = ws.iter().any(|w| {
                ["complet", "addressed", "confirmed", "signed", "done", "closed", "actioned", "resolved", "achieved"].iter().any(|p| w.starts_with(p))
            });
            // ("By" a deadline, "complete by", "Complete by agreed date", but
            // not where it names who did it, "CONFIRMED BY TM ON"; blind set
            // 204's lanterby, review 265's c06.)
            let by_whom = |i: usize| {
                ws.get(i + 1).is_some_and(|n| {
                    matches!(*n, "tm" | "sm" | "gm" | "manager" | "team" | "sw" | "iro" | "pa" | "supervisor" | "practitioner" | "auditor" | "head" | "lead")
                })
            };
            let deadline = ws.iter().enumerate().any(|(i, w)| {
                matches!(*w, "due" | "timescale" | "timescales" | "target" | "deadline" | "expected" | "planned" | "to" | "when") || (*w == "by" && !by_whom(i))
            });
            done && !deadline
        };
        let found: Vec<usize> = (0..columns.len())
            .filter(|&ci| columns[ci].target == Target::Unmapped && columns[ci].score < 1000 && says_done(&columns[ci].header))
            .filter(|&ci| {
                let p = &profiles[columns[ci].index];
                p.non_empty > 0 && p.dates * 10 >= p.non_empty * 9
            })
            .collect();
        if let [ci] = found[..] {
            let c = &mut columns[ci];
            c.target = Target::Field("completed_date".into());
            c.score = 1;
            c.reason = "its values are dates and its header says the action was done".into();
            scores[ci] = 1;
        }
    }

    // One column per single-valued field: the strongest wins; a tie is reported.
    let mut by_field: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (ci, c) in columns.iter().enumerate() {
        if let Target::Field(f) = &c.target {
            if !MULTI_FIELDS.contains(&f.as_str()) {
                by_field.entry(f.clone()).or_default().push(ci);
            }
        }
    }
    for (field, cols) in by_field.into_iter().filter(|(_, c)| c.len() > 1) {
        // An action is done when signed off (METRICS): a sign-off date beats a
        // completion date, whatever their scores.
        // (Only one that holds dates where the others do: "TM confirmed
        // done" of initials beside "Date completed" is no date; review
        // 261's c38.)
        let dated = |c: usize| {
            let p = &profiles[columns[c].index];
            p.non_empty == 0 || p.dates * 2 >= p.non_empty
        };
        let others_dated = |c: usize| cols.iter().any(|&o| o != c && profiles[columns[o].index].dates > 0);
        let signed_off: Vec<usize> = cols
            .iter()
            .copied()
            .filter(|&c| words[columns[c].index].iter().any(|w| matches!(w.as_str(), "sign" | "signed" | "confirmed" | "confirmation")) && scores[c] != 1000)
            .filter(|&c| dated(c) || !others_dated(c))
            .collect();
        if kind == TableKind::Actions && field == "completed_date" && signed_off.len() == 1 {
            for &c in cols.iter().filter(|&&c| c != signed_off[0] && scores[c] != 1000) {
                notes.push(format!("column '{}' is a completion date, but the sign-off date closes an action: not used", columns[c].header));
                let why = format!("the sign-off date '{}' closes an action", columns[signed_off[0]].header);
                columns[c].unuse(&why);
            }
            continue;
        }
        // A column with no values (a section's title over nothing) loses to one with values.
        // (Not seed 002's Part B beside Part A's date, "Part B completed"
        // empty beside "Date of audit (Part A)": Part B not done, so the
        // audit not complete, review 254's c48.)
        let filled = |c: usize| profiles[columns[c].index].non_empty > 0;
        let part_b_waits = |c: usize| {
            kind == TableKind::Audits
                && field == "completed_date"
                && names_part_b(&columns[c].header) == Some(true)
                && cols.iter().filter(|&&o| filled(o)).all(|&o| names_part_b(&columns[o].header) == Some(false))
        };
        let cols: Vec<usize> = if cols.iter().any(|&c| filled(c)) {
            let empty: Vec<usize> = cols.iter().copied().filter(|&c| !filled(c) && !part_b_waits(c)).collect();
            for &c in &empty {
                notes.push(format!(
                    "column '{}' matches {field} but is empty in the rows looked at: not used; if it is filled further down, pin it in the config",
                    columns[c].header
                ));
                columns[c].unuse(&format!("empty, another column holds {field}"));
            }
            cols.into_iter().filter(|c| !empty.contains(c)).collect()
        } else {
            cols
        };
        if cols.len() < 2 {
            continue;
        }
        // Two or more of the table's own dates beside the same date of its
        // numbered actions ("Date completed" and "Audit date" beside
        // "Completion date [1]", "Completion date [2]": seed 004's actions
        // grid among a questionnaire's answers): the numbered columns are
        // the actions' (read as the audit's action slots), and the table's
        // own are weighed alone. (With one of the table's own, the rule for
        // numbered sets below keeps it.)
        let slots: Vec<usize> = cols.iter().copied().filter(|&c| slot_numbered[columns[c].index] && scores[c] < 1000).collect();
        let cols: Vec<usize> = if kind == TableKind::Audits && field.ends_with("_date") && !slots.is_empty() && slots.len() + 2 <= cols.len() {
            for &c in &slots {
                notes.push(format!("column '{}' matches {field}, but is one of a numbered set (one per item): the table's own are read", columns[c].header));
                columns[c].unuse("one of a numbered set, an item's own");
            }
            cols.into_iter().filter(|c| !slots.contains(c)).collect()
        } else {
            cols
        };
        let top = cols.iter().map(|&c| scores[c]).max().unwrap_or(0);
        let winners: Vec<usize> = cols.iter().copied().filter(|&c| scores[c] == top).collect();
        // A moderator who graded question by question: of the moderator's
        // grades, or agreements, that fit equally, the one whose header says
        // it is the overall ("Moderator - OVERALL JUDGEMENT" beside "Moderator
        // - Section 4: Plan & Outcome"; "Overall findings - agree with
        // auditor?" beside each section's), when one alone says so.
        // (Said in brackets too: "Moderator's judgement – 12. Outcomes
        // (overall)".)
        let says_overall = |c: usize| words[columns[c].index].iter().any(|w| w == "overall") || fold(&columns[c].header).split(' ').any(|w| w == "overall");
        if matches!(field.as_str(), "moderated_overall" | "moderator_agrees") && winners.len() > 1 && top < 1000 {
            let overall: Vec<usize> = winners.iter().copied().filter(|&c| says_overall(c)).collect();
            if let [o] = overall[..] {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    o,
                    |h, kept| format!("column '{h}' matches {field}, but '{kept}' says it is the overall one: not used"),
                    |kept| format!("'{kept}' is the overall one"),
                );
                continue;
            }
        }
        // Team columns that fit equally, one the case's team now and the
        // others an earlier team or the auditor's ("Current team" beside
        // "Team at referral" and "Auditor's team"): the one that names
        // neither, when one alone does.
        if field == "team" && winners.len() > 1 && top < 1000 {
            let other = |c: usize| {
                words[columns[c].index]
                    .iter()
                    .any(|w| matches!(w.as_str(), "referral" | "previous" | "former" | "old" | "prior" | "original" | "auditor" | "auditors"))
            };
            let own: Vec<usize> = winners.iter().copied().filter(|&c| !other(c)).collect();
            if let [o] = own[..] {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    o,
                    |h, kept| format!("column '{h}' matches team, but it names an earlier team or the auditor's, and '{kept}' the case's: not used"),
                    |kept| format!("'{kept}' names the case's team"),
                );
                continue;
            }
        }
        // Seed 002's two-part audit: "Once this part [Part B] is completed the
        // audit is complete". A Part A date that matches better ("Date of audit
        // (Part A)" beside "Date CSW completed (Part B)") is the auditor's part.
        // (So is a date naming no part, "Audit date", beside a Part B that says
        // it was done: "Part B - CSW acknowledgement date".)
        if kind == TableKind::Audits && field == "completed_date" && top < 1000 {
            let by_neighbour = |c: usize| part_b_by_neighbour(&columns, &profiles, c);
            let part = |c: usize| if by_neighbour(c) { Some(true) } else { names_part_b(&columns[c].header) };
            let part_b: Vec<usize> = cols.iter().copied().filter(|&c| part(c) == Some(true)).collect();
            // (Only "Part B" so written, not a "Part 2" that may be a manager's
            // response; and never over a date that says it is the completion.)
            // (Tied with Part B itself: "Submitted On" and "Part B Submitted
            // On", a form tool's two parts' times; blind set 169.)
            let before_b = |bi: usize| {
                let b = &columns[bi].header;
                let written = (names_part_b_as_written(b) && says_part_b_done(b)) || by_neighbour(bi);
                winners.iter().filter(|&&c| c != bi).all(|&c| part(c) == Some(false) || (part(c).is_none() && written && !says_completed(&columns[c].header)))
            };
            if let ([b], true) = (&part_b[..], part_b.first().is_some_and(|&b| before_b(b))) {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    *b,
                    |h, kept| format!("column '{h}' matches completed_date, but the audit is complete when Part B is ('{kept}'): not used"),
                    |kept| format!("the audit is complete when Part B is ('{kept}')"),
                );
                continue;
            }
        }
        // Seed 002's two parts in a council's own words: the auditor's part
        // ("On what date did you finish your part (the auditor's part)?")
        // beside the case's worker signing for the audit ("On what date did
        // the CSW sign to say they have received the audit …?"): the audit
        // is complete when the worker has signed (blind set 150's
        // pellingham), as when Part B is so written.
        if kind == TableKind::Audits && field == "completed_date" && top < 1000 {
            let auditors_part = |c: usize| auditors_part(&columns[c].header);
            let worker_signed = |c: usize| worker_signed(&columns[c].header);
            let signed: Vec<usize> = cols.iter().copied().filter(|&c| worker_signed(c)).collect();
            if let ([b], true) = (&signed[..], winners.iter().all(|&c| signed.contains(&c) || auditors_part(c)) && winners.iter().any(|&c| auditors_part(c))) {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    *b,
                    |h, kept| {
                        format!("column '{h}' matches completed_date, but it is the auditor's part, and the audit is complete when the case's worker signs for it ('{kept}'): not used")
                    },
                    |kept| format!("the audit is complete when the case's worker signs for it ('{kept}')"),
                );
                continue;
            }
        }
        // A bare "Date", the best match, beside a date headed in words as
        // the completion ("Finished on", "Date completed"): the bare one may
        // be any date of the form (the day the worker was seen, the day it
        // was sent), the other says what it is.
        if kind == TableKind::Audits && field == "completed_date" && top < 1000 {
            let bare = |c: usize| split_numbering(&fold(&columns[c].header)).1 == "date";
            let finished = |c: usize| headed_as_done(&columns[c].header, &["complet", "finish", "finalis", "finaliz"]);
            let done: Vec<usize> = cols.iter().copied().filter(|&c| !bare(c) && finished(c)).collect();
            if let ([done], true) = (&done[..], winners.iter().all(|&c| bare(c))) {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    *done,
                    |h, kept| format!("column '{h}' is a bare date, which may be any date of the form, beside '{kept}', headed as the completion: not used"),
                    |kept| format!("'{kept}' is headed as the completion"),
                );
                continue;
            }
        }
        // A bare "Date" beside a date that names the audit ("Audit date"): the
        // bare one is the form's own (when it was saved or sent in), the other
        // the audit's.
        if kind == TableKind::Audits && field == "completed_date" && winners.len() > 1 && top < 1000 {
            let bare = |c: usize| split_numbering(&fold(&columns[c].header)).1 == "date";
            let named: Vec<usize> =
                winners.iter().copied().filter(|&c| !bare(c) && words[columns[c].index].iter().any(|w| w == "audit" || w == "audited")).collect();
            if let ([named], true) = (&named[..], winners.iter().all(|&c| named.first() == Some(&c) || bare(c))) {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    *named,
                    |h, kept| format!("column '{h}' is a bare date beside '{kept}', which names the audit: not used"),
                    |kept| format!("'{kept}' names the audit"),
                );
                continue;
            }
        }
        // An actions report's two completion dates, one naming the action
        // ("Date Completed" beside "Date action completed"): the action's is
        // the one naming it; the other, the audit's (the report repeats it to
        // say which audit the action came from).
        if kind == TableKind::Actions && field == "completed_date" && winners.len() > 1 && top < 1000 {
            let names_action = |c: usize| words[columns[c].index].iter().any(|w| w == "action" || w == "actions");
            let action: Vec<usize> = winners.iter().copied().filter(|&c| names_action(c)).collect();
            if let ([a], true) = (&action[..], winners.iter().all(|&c| action.first() == Some(&c) || !names_action(c))) {
                let kept = columns[*a].header.clone();
                let audit_date_free = !columns.iter().any(|c| c.target == Target::Field("audit_date".into()));
                let others: Vec<usize> = cols.iter().copied().filter(|&c| c != *a).collect();
                for &c in &others {
                    if audit_date_free && others.len() == 1 && winners.contains(&c) {
                        notes.push(format!("column '{}' matches completed_date, but '{kept}' names the action: read as the audit's date", columns[c].header));
                        columns[c].target = Target::Field("audit_date".into());
                        columns[c].reason = format!("{} (the audit's date: '{kept}' names the action's completion)", columns[c].reason);
                    } else {
                        notes.push(format!("column '{}' matches completed_date, but '{kept}' names the action: not used", columns[c].header));
                        columns[c].unuse(&format!("'{kept}' names the action"));
                    }
                }
                continue;
            }
        }
        // A legal status beside the category of abuse of a CP plan ("Plan Type"
        // and "Category"): the category is not the status.
        if kind == TableKind::Episodes && field == "episode_type" && winners.len() > 1 && top < 1000 {
            let category = |c: usize| words[columns[c].index].iter().any(|w| w == "category");
            let status: Vec<usize> = winners.iter().copied().filter(|&c| !category(c)).collect();
            // (A "Category" whose values name the plan or care itself, "Child
            // Protection Plan", "Looked After", beside a legal status given
            // for looked-after children only: read where the status is blank;
            // blind set 200's cindlebury, whose CP plans were all rejected.)
            let names_plans = |c: usize| {
                let values: Vec<String> = column_values(columns[c].index).iter().filter(|v| !v.is_empty()).map(|v| fold(&v.as_string())).collect();
                let plan = |v: &String| {
                    ["protection", "looked after", "in need", "in care", "care order", "accommodated"].iter().any(|p| v.contains(p))
                        || matches!(v.as_str(), "cp" | "cpp" | "cla" | "lac" | "cin" | "cin plan" | "cp plan")
                };
                !values.is_empty() && values.iter().filter(|v| plan(v)).count() * 10 >= values.len() * 9
            };
            if let ([kept_at], true) = (&status[..], winners.iter().all(|&c| !category(c) || names_plans(c))) {
                let kept = columns[*kept_at].header.clone();
                for &c in cols.iter().filter(|&&c| c != *kept_at && winners.contains(&c)) {
                    notes
                        .push(format!("column '{}' names the plan or care beside the legal status '{kept}': read only where that is blank", columns[c].header));
                    columns[c].target = Target::Field("episode_type_also".into());
                    columns[c].reason = format!("{} (read where '{kept}' is blank)", columns[c].reason);
                }
                for &c in cols.iter().filter(|&&c| c != *kept_at && !winners.contains(&c)) {
                    columns[c].unuse(&format!("'{kept}' is the legal status"));
                }
                continue;
            }
            if let [status] = status[..] {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    status,
                    |h, kept| format!("column '{h}' is a category, not the legal status ('{kept}'): not used"),
                    |kept| format!("a category, not the legal status '{kept}'"),
                );
                continue;
            }
        }
        // A legal status's code beside its description ("Legal status: Code",
        // "Legal status: Description"; "CPP" beside "Child Protection Plan"):
        // the description, the words the code stands for.
        if kind == TableKind::Episodes && field == "episode_type" && winners.len() > 1 && top < 1000 {
            let code = |c: usize| words[columns[c].index].iter().any(|w| matches!(w.as_str(), "code" | "codes" | "cd"));
            let described: Vec<usize> = winners.iter().copied().filter(|&c| !code(c)).collect();
            if let ([described], true) = (&described[..], winners.iter().any(|&c| code(c))) {
                // (The code is read where the description is blank.)
                let kept = columns[*described].header.clone();
                for &c in cols.iter().filter(|&&c| c != *described) {
                    notes.push(format!(
                        "column '{}' is the legal status's code beside its description '{kept}': read only where that is blank",
                        columns[c].header
                    ));
                    columns[c].target = Target::Field("episode_type_also".into());
                    columns[c].reason = format!("{} (read where '{kept}' is blank)", columns[c].reason);
                }
                continue;
            }
        }
        // An episode's type beside its legal status ("Episode Type": "Child
        // Protection", "Legal Status": "CP Plan - Emotional abuse"): both say
        // what the episode is; the type is read, the status where it is
        // blank (blind set 160's fenwick: both had been left unused and the
        // run failed).
        if kind == TableKind::Episodes && field == "episode_type" && winners.len() == 2 && top < 1000 {
            let typed = |c: usize| words[columns[c].index].iter().any(|w| w == "type");
            let types: Vec<usize> = winners.iter().copied().filter(|&c| typed(c)).collect();
            if let [kept_at] = types[..] {
                let kept = columns[kept_at].header.clone();
                for &c in cols.iter().filter(|&&c| c != kept_at && winners.contains(&c)) {
                    notes.push(format!("column '{}' is the legal status beside the episode's type '{kept}': read only where that is blank", columns[c].header));
                    columns[c].target = Target::Field("episode_type_also".into());
                    columns[c].reason = format!("{} (read where '{kept}' is blank)", columns[c].reason);
                }
                for &c in cols.iter().filter(|&&c| !winners.contains(&c)) {
                    columns[c].unuse(&format!("'{kept}' names the episode's type"));
                }
                continue;
            }
        }
        // Two columns tied for the overall judgement, one of them headed
        // "Overall" ("Overall audit score (%)" read through its bands beside
        // "Summary - outcome and plan"): the one that says so.
        if field == "overall" && winners.len() > 1 && top < 1000 {
            let named: Vec<usize> = winners.iter().copied().filter(|&c| says_overall(c)).collect();
            if let [overall] = named[..] {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    overall,
                    |h, kept| format!("column '{h}' matches overall, but '{kept}' is headed as the overall: not used"),
                    |kept| format!("'{kept}' is headed as the overall"),
                );
                continue;
            }
        }
        // Two columns for one spoken-to answer ("Worker spoken to" and "Which
        // worker did you speak to?"), or for whether the audit was moderated
        // ("Moderated" and "Moderator"): the one holding yes / no is the answer.
        if (field.starts_with("spoke_") || field == "moderated") && winners.len() > 1 && top < 1000 {
            let mut yes_no: Vec<usize> =
                winners.iter().copied().filter(|&c| profiles[columns[c].index].fits(super::recognise::ValueKind::YesNo) == Some(true)).collect();
            // (Both, when the words beside the answer start with one: "No
            // worries, she said she is happy at home." under "Child/YP
            // feedback" beside "Spoken to child/YP?": the one of bare answers.)
            let words_too = |c: &usize| {
                let p = &profiles[columns[*c].index];
                p.names + p.long_text + p.long_names
            };
            if yes_no.len() > 1 && yes_no.iter().filter(|c| words_too(c) == 0).count() == 1 {
                yes_no.retain(|c| words_too(c) == 0);
            }
            if let [answer] = yes_no[..] {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    answer,
                    |h, kept| format!("column '{h}' matches {field}, but '{kept}' holds the yes / no answer: not used"),
                    |kept| format!("'{kept}' holds the yes / no answer"),
                );
                continue;
            }
        }
        // An action's completion record beside a status ("Completed/Comments",
        // seed 001's box the supervisor writes in, and a "Status" worked out
        // from it or kept beside it): what was written about completion is read.
        if kind == TableKind::Actions && field == "status" && winners.len() > 1 && top < 1000 {
            let completion: Vec<usize> = winners.iter().copied().filter(|&c| words[columns[c].index].iter().any(|w| w.starts_with("complet"))).collect();
            if let [record] = completion[..] {
                // The other is read where the completion record is blank.
                let kept = columns[record].header.clone();
                for &c in cols.iter().filter(|&&c| c != record) {
                    notes.push(format!("column '{}' matches status, but '{kept}' records completion: read only where that is blank", columns[c].header));
                    columns[c].target = Target::Field("status_also".into());
                    columns[c].reason = format!("{} (read where '{kept}' is blank)", columns[c].reason);
                }
                continue;
            }
        }
        // A column headed just "Team" beside a longer header that also names the
        // team ("District the child belongs to", a form's own label): "Team" is
        // the team.
        if field == "team" && winners.len() > 1 && top < 1000 {
            let plain: Vec<usize> = winners.iter().copied().filter(|&c| words[columns[c].index] == ["team"]).collect();
            // Only over a header that does not say team itself: "Team" beside
            // "Allocated Team" stays a tie (whose team is "Team"?).
            let others_say_team = cols.iter().any(|&c| words[columns[c].index] != ["team"] && words[columns[c].index].iter().any(|w| w == "team"));
            if let ([plain], false) = (&plain[..], others_say_team) {
                let plain = *plain;
                let team_header = columns[plain].header.clone();
                for &c in cols.iter().filter(|&&c| c != plain) {
                    notes.push(format!("column '{}' matches team, but a column is headed '{team_header}': not used", columns[c].header));
                    columns[c].unuse(&format!("a column is headed '{team_header}'"));
                }
                continue;
            }
        }
        // An audit's two dates that both name it ("Date of audit (Part A)"
        // and "Part B completed", seed 002: "Once this part is completed the
        // audit is complete"): the one headed as its completion is when it
        // was completed.
        if kind == TableKind::Audits && field == "completed_date" && winners.len() > 1 && top < 1000 {
            // (Not a deadline: "Date to be completed by", "Target completion date".)
            let says_done = |c: usize| headed_as_done(&columns[c].header, &["complet", "finalis", "finaliz"]);
            let done: Vec<usize> = winners.iter().copied().filter(|&c| says_done(c)).collect();
            // (Completed and finalised, "Date completed" beside "Date
            // finalised": seed 003 completes the audit by the deadline, then
            // finalises it after the worker's challenge: the completion is
            // the one headed so.)
            let completes = |c: usize| fold(&columns[c].header).split(' ').any(|w| w.starts_with("complet"));
            let done = match done.iter().copied().filter(|&c| completes(c)).collect::<Vec<_>>()[..] {
                [one] if done.len() > 1 => vec![one],
                _ => done,
            };
            if let [done] = done[..] {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    done,
                    |h, kept| format!("column '{h}' matches completed_date, but '{kept}' is headed as the completion: not used"),
                    |kept| format!("'{kept}' is headed as the completion"),
                );
                continue;
            }
        }
        // Two ids of the child, one the council's own ("Client no." and "LA
        // Case ID" in a commissioned provider's return; "Agency ref" and
        // "Council child ID"): the child is the council's id, which its own
        // audits, actions and case notes use.
        if field == "child_id" && cols.len() > 1 && top < 1000 {
            // (Rows filled: an id filled wherever another is.)
            let filled = |c: usize| sample.iter().filter(|r| r.get(columns[c].index).is_some_and(|x| !x.is_empty())).count();
            let councils = |c: usize| {
                let f = fold(&columns[c].header);
                f.split(' ').any(|w| matches!(w, "la" | "council" | "councils")) || contains_phrase(&f, "local authority")
            };
            let own: Vec<usize> = cols.iter().copied().filter(|&c| councils(c)).collect();
            // (Filled wherever another is: a "Transfer-in LA case ref" filled
            // for one child is no id of the table's children.)
            let own: Vec<usize> = own.into_iter().filter(|&o| cols.iter().all(|&c| filled(o) >= filled(c))).collect();
            if let [own] = own[..] {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    own,
                    |h, kept| format!("column '{h}' matches child_id, but '{kept}' is the council's own id for the child: not used"),
                    |kept| format!("'{kept}' is the council's own id"),
                );
                continue;
            }
            // Two ids, one naming the child ("Child ID") and the other only the
            // case or a reference ("Case Ref" under a "Case" title over "Ref",
            // "Child ID": blind set 151's gorsebrook): the child's is the one
            // that says child, filled wherever the other is.
            let says_child = |c: usize| {
                words[columns[c].index].iter().any(|w| matches!(w.as_str(), "child" | "childs" | "children" | "young" | "yp" | "cyp" | "person" | "client"))
            };
            let child: Vec<usize> = cols.iter().copied().filter(|&c| says_child(c)).collect();
            if let [child] = child[..] {
                if cols.iter().all(|&c| filled(child) >= filled(c)) {
                    keep_one(
                        &mut columns,
                        &mut notes,
                        &cols,
                        child,
                        |h, kept| format!("column '{h}' matches child_id, but '{kept}' names the child: not used"),
                        |kept| format!("'{kept}' names the child"),
                    );
                    continue;
                }
            }
        }
        // A legal-status table with the status's own dates and its period of
        // care's ("Legal Status Start" and "Period of Care Start"): a row's
        // dates are those of the status it names, in the column whose header
        // carries the status column's words.
        if kind == TableKind::Episodes && matches!(field.as_str(), "start_date" | "end_date") && cols.len() > 1 && top < 1000 {
            let status = columns.iter().find(|c| c.target == Target::Field("episode_type".into())).map(|c| (c.header.clone(), words[c.index].clone()));
            if let Some((status_header, status_words)) = status.filter(|(_, w)| !w.is_empty()) {
                let own: Vec<usize> = winners.iter().copied().filter(|&c| status_words.iter().all(|w| words[columns[c].index].contains(w))).collect();
                if let [own] = own[..] {
                    let own_header = columns[own].header.clone();
                    for &c in cols.iter().filter(|&&c| c != own) {
                        notes
                            .push(format!("column '{}' matches {field}, but '{own_header}' holds the dates of '{status_header}': not used", columns[c].header));
                        columns[c].unuse(&format!("'{own_header}' holds the dates of '{status_header}'"));
                    }
                    continue;
                }
            }
        }
        // Two columns that tie, one of them the status before ("Previous
        // legal status", "Former team"): the other is the current one (review
        // 260's c10: a child's previous CP plan had been read as current).
        if let [first, second] = winners.as_slice() {
            let earlier = |c: usize| words[columns[c].index].iter().any(|w| matches!(w.as_str(), "previous" | "former" | "prior"));
            if earlier(*first) != earlier(*second) && top < 1000 {
                let current = if earlier(*first) { *second } else { *first };
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    current,
                    |h, kept| format!("column '{h}' is an earlier {field} than '{kept}': not used"),
                    |kept| format!("an earlier {field} than '{kept}'"),
                );
                continue;
            }
        }
        // Two columns that tie and are never both filled on a row (a question
        // reworded part way through the year, the old column kept), or hold
        // the same value wherever both are (a form's "Child's ID" answer beside
        // the export's own "Person ID"): one field, read from whichever is filled.
        if let [first, second] = winners.as_slice() {
            let Filled { both, differ, each } = filled_together(sample, columns[*first].index, columns[*second].index);
            if !differ && each && top < 1000 {
                let (h1, h2) = (columns[*first].header.clone(), columns[*second].header.clone());
                let how = if both { "hold the same value wherever both are filled" } else { "are never both filled on a row" };
                notes.push(format!("columns '{h1}' and '{h2}' both match {field} and {how}: read as one (whichever is filled)"));
                let why = if both { "the same value" } else { "never both filled" };
                columns[*second].reason = format!("{} (read where '{h1}' is blank: {why})", columns[*second].reason);
                for &c in cols.iter().filter(|&&c| scores[c] < top) {
                    notes.push(format!("column '{}' matches {field} less well than another column: not used; pin it in the config", columns[c].header));
                    columns[c].unuse(&format!("{field} is ambiguous"));
                }
                continue;
            }
        }
        // One column that matches a field best and one that matches it less
        // well, never both filled on a row, each on some (two versions of a
        // form that name the overall differently, "Overall judgement" and
        // "Overall grade for the case"): one field, read from whichever is filled.
        // (Or, for the overall, the same grade wherever both are: "Overall
        // score" read with the workbook's key beside "Overall judgement", a
        // lookup of it that failed on a row, "#N/A".)
        if let ([winner], [_, _]) = (winners.as_slice(), cols.as_slice()) {
            let other = cols.iter().copied().find(|c| c != winner).unwrap_or(*winner);
            // (Not a status before: "Previous legal status" beside "Legal
            // Status" is another field; review 260's c10.)
            if words[columns[other].index].iter().any(|w| matches!(w.as_str(), "previous" | "former" | "prior")) && top < 1000 {
                let kept = columns[*winner].header.clone();
                notes.push(format!("column '{}' is an earlier {field} than '{kept}': not used", columns[other].header));
                columns[other].unuse(&format!("an earlier {field} than '{kept}'"));
                continue;
            }
            let Filled { both, differ, each } = filled_together(sample, columns[*winner].index, columns[other].index);
            let same = field == "overall" && both && !differ && columns[other].scale.is_some();
            if other != *winner && (!both || same) && each && top < 1000 {
                let (h1, h2) = (columns[*winner].header.clone(), columns[other].header.clone());
                let how = if same { "give the same grade wherever both are filled" } else { "are never both filled on a row" };
                notes.push(format!("columns '{h1}' and '{h2}' both match {field} and {how}: read as one (whichever is filled)"));
                let why = if same { "the same grade" } else { "never both filled" };
                columns[other].reason = format!("{} (read where '{h1}' is blank: {why})", columns[other].reason);
                continue;
            }
        }
        // A legal status beside a column naming the plan or status's type
        // less well ("Legal Status", blank on a CP plan's row, beside "Plan /
        // Status Type": "Child Protection Plan"): the other is read where the
        // status is blank (blind set 162's pellsworth: its CP plans had been
        // rejected, "no legal status"). Not a category of abuse, nor a code.
        if let ([winner], true) = (winners.as_slice(), kind == TableKind::Episodes && field == "episode_type" && top < 1000) {
            let kept = columns[*winner].header.clone();
            let also = |c: usize| {
                let w = &words[columns[c].index];
                w.iter().any(|w| matches!(w.as_str(), "type" | "status" | "plan"))
                    && !w.iter().any(|w| {
                        // (Nor a status the child had before: "Previous legal status".)
                        matches!(w.as_str(), "category" | "code" | "codes" | "cd" | "previous" | "former" | "prior" | "old" | "last" | "earlier" | "original")
                    })
            };
            // (Not beside a category of abuse chosen as the status: that is another rule's.)
            let category = words[columns[*winner].index].iter().any(|w| w == "category");
            if let [other] = cols.iter().copied().filter(|c| c != winner).collect::<Vec<_>>()[..] {
                if also(other) && !category {
                    notes.push(format!("column '{}' names the plan or status beside '{kept}': read only where that is blank", columns[other].header));
                    columns[other].target = Target::Field("episode_type_also".into());
                    columns[other].reason = format!("{} (read where '{kept}' is blank)", columns[other].reason);
                    continue;
                }
            }
        }
        // A plan's start at this authority beside its start at another ("Plan
        // start (originating LA)" for a child transferred in): the visits
        // here count from the plan here.
        if kind == TableKind::Episodes && matches!(field.as_str(), "start_date" | "end_date") && winners.len() > 1 && top < 1000 {
            // (Its header as written: a qualifier in brackets is no part of its words.)
            let elsewhere = |c: usize| fold(&columns[c].header).split(' ').any(|w| matches!(w, "originating" | "original" | "previous" | "prior" | "other"));
            let here: Vec<usize> = cols.iter().copied().filter(|&c| !elsewhere(c)).collect();
            if let [here] = here[..] {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    here,
                    |h, kept| format!("column '{h}' is a date at another authority or an earlier plan: '{kept}' is read"),
                    |kept| format!("'{kept}' is this authority's"),
                );
                continue;
            }
        }
        // Columns that tie, one in the table and one in a small table set
        // beside it past an empty column (a count of the grades, "Overall
        // judgement | No. | %", pasted to the right of the records): the
        // table's column is the field.
        if winners.len() > 1 && top < 1000 {
            let inside: Vec<usize> = winners.iter().copied().filter(|&c| main_block.contains(&columns[c].index)).collect();
            if let [inside] = inside[..] {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    inside,
                    |h, kept| format!("column '{h}' matches {field}, but is in a table set beside this one, past an empty column: '{kept}' is read"),
                    |kept| format!("'{kept}' is in the table; this column is in one set beside it"),
                );
                continue;
            }
        }
        // Spoken-to columns that tie, two or more of them one of a numbered
        // set ("Parents / carers views: 1", "…: 2"; "Mother spoken to" beside
        // "Father spoken to 1", "… 2": one per person): one answer, yes where
        // any of them says so.
        if field.starts_with("spoke_") && winners.len() > 1 && top < 1000 && cols.iter().filter(|&&c| numbered[columns[c].index]).count() >= 2 {
            let names: Vec<String> = cols.iter().map(|&c| format!("'{}'", columns[c].header)).collect();
            notes.push(format!("columns {} each match {field}, one per person: read as one answer, yes where any of them says so", names.join(", ")));
            continue;
        }
        // Columns that tie, one the table's own and the others parts of a
        // numbered set ("Audit date" beside "Completion date (1)" …
        // "Completion date (5)": each action's own date): the table's own is
        // the field.
        if winners.len() > 1 && top < 1000 {
            let own: Vec<usize> = winners.iter().copied().filter(|&c| !numbered[columns[c].index]).collect();
            if let ([own], true) = (&own[..], winners.iter().any(|&c| numbered[columns[c].index])) {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    *own,
                    |h, kept| format!("column '{h}' matches {field}, but is one of a numbered set (one per item): '{kept}' is read"),
                    |kept| format!("'{kept}' is the table's own; the others are one of a numbered set"),
                );
                continue;
            }
        }
        // Two spoken-to-the-practitioner columns that tie, one naming the
        // social worker or personal adviser and one a manager or the IRO
        // ("Input from allocated SW/PA", "Input from Team Manager / IRO"): the
        // practitioner is the social worker or personal adviser.
        if field == "spoke_practitioner" && winners.len() > 1 && top < 1000 {
            let has = |c: usize, ws: &[&str]| words[columns[c].index].iter().any(|w| ws.contains(&w.as_str()));
            let manager = ["manager", "iro", "tm", "supervisor", "head", "chair"];
            let worker: Vec<usize> = winners.iter().copied().filter(|&c| !has(c, &manager)).collect();
            if let ([w], true) = (&worker[..], winners.iter().any(|&c| has(c, &manager))) {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    *w,
                    |h, kept| {
                        format!(
                            "column '{h}' matches spoke_practitioner, but names a manager or the IRO: '{kept}' (the social worker or personal adviser) is read"
                        )
                    },
                    |kept| format!("'{kept}' names the social worker or personal adviser"),
                );
                continue;
            }
        }
        // Two note-type columns that tie ("Case Note Category" and "Case Note
        // Subject"): the one whose values name more kinds of note (visits,
        // supervision) is the note type.
        if kind == TableKind::CaseNotes && field == "note_type" && winners.len() > 1 && top < 1000 {
            let rules = super::table::KindRules::new(&config.note_types);
            // (A kind of visit, CP or CLA, says more than "Statutory Visit".)
            let named = |c: usize| -> usize {
                use super::model::NoteKind;
                column_values(columns[c].index)
                    .iter()
                    .map(|v| match v {
                        Cell::Text(t) => match super::table::note_kind(&rules, t) {
                            NoteKind::Other => 0,
                            NoteKind::CpVisit | NoteKind::ClaVisit | NoteKind::CinVisit => 2,
                            _ => 1,
                        },
                        _ => 0,
                    })
                    .sum()
            };
            let counts: Vec<(usize, usize)> = winners.iter().map(|&c| (c, named(c))).collect();
            let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
            let best: Vec<usize> = counts.iter().filter(|(_, n)| *n == most).map(|(c, _)| *c).collect();
            if let ([b], true) = (&best[..], most > 0) {
                keep_one(
                    &mut columns,
                    &mut notes,
                    &cols,
                    *b,
                    |h, kept| format!("column '{h}' matches note_type, but the values of '{kept}' name more kinds of note: not used"),
                    |kept| format!("'{kept}' names more kinds of note"),
                );
                // The other, whose values say how the visit was made
                // ("Virtual (video call)", "Home visit"): the visit's mode.
                if !columns.iter().any(|c| c.target == Target::Field("visit_mode".into())) {
                    // (Short labels, not a note's text that mentions a phone call.)
                    let modes = |c: usize| {
                        let values: Vec<String> = column_values(columns[c].index).iter().map(|v| v.as_string()).filter(|v| !v.trim().is_empty()).collect();
                        values.iter().all(|v| v.split_whitespace().count() <= 5) && values.iter().any(|v| super::table::mode_not_in_person(v))
                    };
                    if let [m] = cols.iter().copied().filter(|&c| c != *b && modes(c)).collect::<Vec<_>>()[..] {
                        let header = columns[m].header.clone();
                        notes.retain(|n| !n.starts_with(&format!("column '{header}' ")));
                        notes.push(format!("column '{header}' matches note_type, but its values say how the visit was made: read as the visit's mode"));
                        columns[m].target = Target::Field("visit_mode".into());
                        columns[m].reason = "its values say how the visit was made (virtual, by phone, in person)".into();
                        columns[m].score = 1;
                    }
                }
                continue;
            }
        }
        // A case-note table's second note-type column, named as a type ("Activity
        // Type" and "Statutory Visit Type"): read where the first says no kind.
        if kind == TableKind::CaseNotes && field == "note_type" && winners.len() == 1 && top < 1000 {
            let named_type: Vec<bool> = cols.iter().map(|&c| words[columns[c].index].iter().any(|w| w == "type" || w == "visit")).collect();
            for (&c, named) in cols.iter().zip(named_type).filter(|(&c, _)| c != winners[0]) {
                if named {
                    let first = columns[winners[0]].header.clone();
                    notes.push(format!("column '{}' is a second note type: read where '{first}' says no kind of note", columns[c].header));
                    columns[c].target = Target::Field("note_type".into());
                    columns[c].reason = format!("{} (read where '{first}' says no kind of note)", columns[c].reason);
                } else {
                    notes.push(format!("column '{}' matches {field} less well than another column: not used; pin it in the config", columns[c].header));
                    columns[c].unuse(&format!("{field} is ambiguous"));
                }
            }
            continue;
        }
        // A seen-alone column beside a visit's outcome ("Seen alone" and
        // "Visit Outcome": "Completed", "Cancelled"; review 236's c25): the
        // one naming "alone" is seen alone, and the outcome is the note's
        // status where no column is (its "Cancelled" sets the visit aside).
        if kind == TableKind::CaseNotes && field == "seen_alone" && winners.len() > 1 && top < 1000 {
            let alone: Vec<usize> = winners.iter().copied().filter(|&c| words[columns[c].index].iter().any(|w| w == "alone")).collect();
            if let [own] = alone[..] {
                let kept = columns[own].header.clone();
                for &c in cols.iter().filter(|&&c| c != own) {
                    let has_status = columns.iter().any(|x| x.target == Target::Field("status".into()));
                    if !has_status && words[columns[c].index].iter().any(|w| w == "outcome") {
                        notes.push(format!("column '{}' matches seen_alone, but '{kept}' names it: read as the note's status", columns[c].header));
                        columns[c].target = Target::Field("status".into());
                        columns[c].reason = format!("{} (the note's status: '{kept}' is seen alone)", columns[c].reason);
                    } else if words[columns[c].index].iter().any(|w| w == "outcome") && !columns.iter().any(|x| x.target == Target::Field("child_seen".into()))
                    {
                        // (Beside a status of its own, "Case Note Status":
                        // the outcome still says whether the child was seen,
                        // "No Access", "Not Achieved"; blind set 186.)
                        notes.push(format!("column '{}' matches seen_alone, but '{kept}' names it: read as whether the child was seen", columns[c].header));
                        columns[c].target = Target::Field("child_seen".into());
                        columns[c].reason = format!("{} (whether the child was seen: '{kept}' is seen alone)", columns[c].reason);
                    } else {
                        notes.push(format!("column '{}' matches seen_alone, but '{kept}' names it: not used", columns[c].header));
                        columns[c].unuse(&format!("'{kept}' names seen alone"));
                    }
                }
                continue;
            }
        }
        // Graded columns that name the overall less well than another and each
        // name a domain ("S2 Summary - overall judgement re assessment", "S5
        // Summary - overall judgement re management oversight" beside "Overall
        // judgement"): a framework's summary question per domain. Two at least:
        // one alone is as likely the overall again ("Final overall judgement
        // after review"), left ambiguous.
        let summaries: Vec<(usize, String)> = cols
            .iter()
            .filter(|&&c| field == "overall" && kind == TableKind::Audits && winners.len() == 1 && scores[c] < top && columns[c].scale.is_some())
            .filter_map(|&c| keyword_domain(config, &split_numbering(&folded[columns[c].index]).1).ok().flatten().map(|d| (c, d)))
            .collect();
        let summaries = if summaries.len() >= 2 { summaries } else { Vec::new() };
        for &c in &cols {
            if let Some(d) = summaries.iter().find(|(s, _)| *s == c).map(|(_, d)| d.clone()) {
                let kept = columns[winners[0]].header.clone();
                notes.push(format!("column '{}' matches overall less well than '{kept}' and names a domain: {READ_AS_DOMAIN} {d}", columns[c].header));
                columns[c].reason = format!("{} (overall is '{kept}'; the header names {d})", columns[c].reason);
                columns[c].target = Target::Domain(Some(d));
                continue;
            }
            if winners.len() > 1 || scores[c] < top {
                let why = if winners.len() > 1 { "equally" } else { "less well than another column" };
                notes.push(format!("column '{}' matches {field} {why}: not used; pin it in the config", columns[c].header));
                columns[c].unuse(&format!("{field} is ambiguous"));
            }
        }
    }

    // A tracker's copy of the audit's grade beside its moderator's ("Q12
    // (auditor)" and "Moderator Q12"), with no overall column: a graded
    // column with the moderator's grade's name, less the words for who
    // graded it, is the grade the moderator re-graded: the overall.
    if kind == TableKind::Audits && !columns.iter().any(|c| c.target == Target::Field("overall".into())) {
        // (Words in brackets are a qualifier: "Moderated Q12 (same scale)".)
        let core = |h: &str| -> Vec<String> {
            let unbracketed: String =
                h.split('(').enumerate().map(|(i, part)| if i == 0 { part } else { part.split_once(')').map_or("", |(_, rest)| rest) }).collect();
            fold(&unbracketed)
                .split(' ')
                .filter(|w| {
                    !matches!(
                        *w,
                        "moderator"
                            | "moderators"
                            | "moderated"
                            | "moderation"
                            | "auditor"
                            | "auditors"
                            | "s"
                            | "by"
                            | "the"
                            | "final"
                            | "grade"
                            | "judgement"
                            | "rating"
                    )
                })
                .map(str::to_string)
                .collect()
        };
        let moderated = columns.iter().find(|c| c.target == Target::Field("moderated_overall".into())).map(|c| (c.header.clone(), core(&c.header)));
        if let Some((moderated_header, named)) = moderated.filter(|(_, w)| !w.is_empty()) {
            let graded: Vec<usize> =
                (0..columns.len()).filter(|&i| matches!(columns[i].target, Target::Domain(_)) && core(&columns[i].header) == named).collect();
            if let [i] = graded[..] {
                notes.push(format!("column '{}' has the name of the moderator's grade '{moderated_header}': read as the overall", columns[i].header));
                columns[i].reason = format!("{} (named as '{moderated_header}': the overall)", columns[i].reason);
                columns[i].target = Target::Field("overall".into());
            }
        }
    }
    // A column named for the overall judgement whose values are not grades the
    // crosswalk knows (scores in per cent, RAG colours) is where the overall
    // is: a column matched to it only by its concept ("Summary - outcome and
    // plan") does not take its place, and the warning names both.
    if kind == TableKind::Audits {
        // Named "overall", left unused by its values (not for a tie), and its
        // values are scores or a few repeated labels that are not grades; not
        // a text column ("Overall summary", "Overall themes").
        const TEXT_WORDS: [&str; 10] = ["summary", "theme", "themes", "comment", "comments", "strength", "strengths", "narrative", "note", "notes"];
        let named = columns.iter().find(|c| {
            let p = &profiles[c.index];
            let distinct: std::collections::HashSet<String> = column_values(c.index).iter().filter(|v| !v.is_empty()).map(|v| v.as_string()).collect();
            c.target == Target::Unmapped
                && !c.reason.contains("not used")
                && words[c.index].iter().any(|w| w == "overall")
                && !words[c.index].iter().any(|w| TEXT_WORDS.contains(&w.as_str()) || w == "previous" || w == "last")
                && p.non_empty >= 3
                && p.grades * 2 < p.non_empty
                && p.long_text == 0
                && (p.numbers * 2 >= p.non_empty || distinct.len() <= 10)
        });
        if let Some((named, index)) = named.map(|c| (c.header.clone(), c.index)) {
            let mut examples: Vec<String> = Vec::new();
            for v in column_values(index).into_iter().filter(|v| !v.is_empty()) {
                let t = v.as_string();
                if examples.len() < 3 && !examples.contains(&t) {
                    examples.push(t);
                }
            }
            let values = format!("its values are not grades the crosswalk knows (e.g. '{}')", examples.join("', '"));
            let mut displaced = false;
            for c in columns
                .iter_mut()
                .filter(|c| c.target == Target::Field("overall".into()) && c.reason.starts_with("concept") && !words[c.index].iter().any(|w| w == "overall"))
            {
                notes.push(format!(
                    "column '{named}' names the overall judgement, but {values}: '{}' is not taken for the overall in its place (kept as a graded question). Pin '{named}' as overall and add its labels to the crosswalk",
                    c.header
                ));
                c.reason = format!("{} (not the overall: '{named}' names it)", c.reason);
                c.target = Target::Domain(None);
                displaced = true;
            }
            if !displaced && !columns.iter().any(|c| c.target == Target::Field("overall".into())) {
                notes.push(format!(
                    "column '{named}' names the overall judgement, but {values}: not used. Pin it as overall and add its labels to the crosswalk"
                ));
            }
        }
    }

    // Case notes with no seen-alone column whose note types say it ("CP visit -
    // seen alone", "Statutory visit - not seen alone"): the note type column
    // gives the seen-alone answer too (a column can hold several fields).
    // So does a "Child Seen" column answered "Seen alone", "Seen with carer",
    // "Not seen" (blind set 164's LCS extract), or a note's title column not
    // otherwise read ("Child protection visit – Child seen: Alone", Eclipse's
    // "Observation Title").
    if kind == TableKind::CaseNotes && !columns.iter().any(|c| c.target == Target::Field("seen_alone".into())) {
        let titled =
            |c: &ColumnMap| c.target == Target::Unmapped && folded[c.index].split(' ').any(|w| matches!(w, "title" | "subject" | "description" | "heading"));
        let title = columns.iter().find(|c| titled(c)).cloned();
        let sources = [
            (columns.iter().find(|c| c.target == Target::Field("note_type".into())).cloned(), "the note types say"),
            (columns.iter().find(|c| c.target == Target::Field("child_seen".into())).cloned(), "the answer to whether the child was seen says"),
            (title, "the notes' titles say"),
        ];
        for (column, what) in sources {
            let Some(nt) = column else { continue };
            let says_alone = column_values(nt.index).iter().any(|v| super::fold::fold(&v.as_string()).split(' ').any(|w| w == "alone"));
            if says_alone {
                columns.push(ColumnMap {
                    target: Target::Field("seen_alone".into()),
                    reason: format!("{what} whether the child was seen alone"),
                    scale: None,
                    ..nt
                });
                break;
            }
        }
    }

    // Domain columns of one table share a scale when their values allow it, so a
    // column that happens to hold only "Meets good" is not read on another scale.
    let domain_values: Vec<&Cell> = columns.iter().filter(|c| matches!(c.target, Target::Domain(_))).flat_map(|c| column_values(c.index)).collect();
    if let Some(pooled) = crosswalk.detect_scale(domain_values.iter().copied()) {
        for c in columns.iter_mut().filter(|c| matches!(c.target, Target::Domain(_))) {
            if column_values(c.index).iter().all(|v| v.is_empty() || crosswalk.covers(&pooled, v)) {
                c.scale = Some(pooled.clone());
            }
        }
    }

    // A revised date beside the date it revises ("Revised completion date" by
    // "Completion date", "Amended target date" by "Target date"): the same
    // field, read first, with the original where it is blank (seed 004:
    // targets "may need to be revised"). It tied between fields before, or
    // lost to the original.
    for ci in 0..columns.len() {
        let f = &folded[columns[ci].index];
        let Some(rest) = f.split_once(' ').filter(|(w, _)| REVISION_WORDS.contains(w)).map(|(_, r)| r) else { continue };
        let original =
            (0..columns.len()).find(|&o| o != ci && folded[columns[o].index] == rest && matches!(&columns[o].target, Target::Field(x) if x.ends_with("_date")));
        // Named for no column ("Revised Completion Date" beside "Target
        // Completion Date" and "Actual Completion Date") and torn between the
        // due and the done date: what is revised is the target.
        let original = original.or_else(|| {
            let torn = columns[ci].target == Target::Unmapped && columns[ci].reason.starts_with("ambiguous") && columns[ci].reason.contains("due_date");
            torn.then(|| (0..columns.len()).find(|&o| o != ci && columns[o].target == Target::Field("due_date".into()))).flatten()
        });
        // The two tied for a date field and the revised one's other words
        // end the original's ("Revised timescale" beside "Suggested
        // timescale", "Extended due date" beside "Original due date"): the
        // original is the field again, and the revision is read first.
        let original = original.or_else(|| {
            let tied = |c: &ColumnMap| -> Option<String> {
                let f = c.reason.rsplit_once("(not used: ")?.1.strip_suffix(" is ambiguous)")?;
                (c.target == Target::Unmapped && f.ends_with("_date")).then(|| f.to_string())
            };
            let field = tied(&columns[ci])?;
            let o = (0..columns.len()).find(|&o| {
                let g = &folded[columns[o].index];
                o != ci
                    && g.ends_with(&format!(" {rest}"))
                    && g.split(' ').count() == rest.split(' ').count() + 1
                    && tied(&columns[o]).as_deref() == Some(field.as_str())
            })?;
            if columns.iter().any(|c| c.target == Target::Field(field.clone())) {
                return None;
            }
            let header = columns[o].header.clone();
            notes.retain(|n| !n.starts_with(&format!("column '{header}' ")));
            columns[o].target = Target::Field(field.clone());
            columns[o].score = 100;
            columns[o].reason = format!("{field}, revised by '{}' where it is filled", columns[ci].header);
            Some(o)
        });
        if let Some(o) = original.filter(|&o| columns[ci].score < 1000 && (columns[ci].target == Target::Unmapped || columns[ci].target == columns[o].target)) {
            let header = columns[ci].header.clone();
            notes.retain(|n| !n.starts_with(&format!("column '{header}' ")));
            mark_revision(&mut columns, ci, o, "");
        }
    }

    // The grade agreed after the auditor's talk with the worker, or after
    // their challenge ("Agreed grade following discussion", "Final agreed
    // grade (following reflective conversation)"): the grade the audit was
    // finalised on, so the overall where it is filled; the auditor's grade
    // where it is blank or says the same ("As above"). Not a moderator's, a
    // manager's or the worker's own grade.
    if kind == TableKind::Audits {
        let overall = columns.iter().position(|c| c.target == Target::Field("overall".into()));
        let finals: Vec<usize> = (0..columns.len())
            .filter(|&ci| {
                let c = &columns[ci];
                let ws = &words[c.index];
                let has = |w: &str| ws.iter().any(|x| x == w);
                c.score < 1000
                    && c.scale.is_some()
                    && matches!(c.target, Target::Domain(None) | Target::Unmapped)
                    && (has("agreed") || (has("final") && !has("review")))
                    && ["grade", "judgement", "judgment", "rating", "overall"].iter().any(|w| has(w))
                    && !ws.iter().any(|w| {
                        w.starts_with("moderat")
                            || w.starts_with("self")
                            || matches!(w.as_str(), "qa" | "tm" | "manager" | "managers" | "worker" | "practitioner" | "sw" | "previous" | "last" | "re")
                    })
            })
            .collect();
        // (On the overall's own scale: "Grade agreed?" answered yes or no is
        // no grade.)
        let finals: Vec<usize> = finals.into_iter().filter(|&f| overall.is_some_and(|o| columns[o].scale == columns[f].scale)).collect();
        if let (Some(o), [f]) = (overall, &finals[..]) {
            let (f, original) = (*f, columns[o].header.clone());
            notes.push(format!("column '{}' is the grade agreed after the audit: the overall where it is filled, '{original}' where not", columns[f].header));
            mark_revision(&mut columns, f, o, " (the grade agreed after the audit)");
        }
    }

    // A due date revised in a column of its own, however it is headed
    // ("Revised due date (extension agreed)", "Audit Due (revised)",
    // "Deadline extended to (agreed)", "Extension agreed to", "Revised date"
    // beside "By When:"): read first, the table's due date where it is
    // blank, as any revised date (agreed extensions move the due date).
    if matches!(kind, TableKind::Audits | TableKind::Actions) {
        let revises_due = |f: &str| {
            let w: Vec<&str> = f.split(' ').collect();
            let revision = w.iter().any(|x| matches!(*x, "revised" | "extended" | "extension" | "amended"))
                || ["new due", "new deadline", "new target"].iter().any(|p| contains_phrase(f, p));
            let due = w.iter().any(|x| matches!(*x, "due" | "deadline" | "target" | "timescale" | "extension" | "extended"))
                || contains_phrase(f, "by when")
                || (w.len() == 2 && w[1] == "date");
            // (Not an extension asked for or refused: "Extension requested".)
            revision
                && due
                && !w.iter().any(|x| {
                    matches!(
                        *x,
                        "completed"
                            | "completion"
                            | "done"
                            | "actual"
                            | "reason"
                            | "why"
                            | "by"
                            | "who"
                            | "approved"
                            | "requested"
                            | "request"
                            | "refused"
                            | "declined"
                            | "rejected"
                            | "sought"
                            | "asked"
                            | "applied"
                    )
                })
        };
        let tied_due = |c: &ColumnMap| c.target == Target::Unmapped && c.reason.ends_with("(not used: due_date is ambiguous)");
        for ci in 0..columns.len() {
            let c = &columns[ci];
            let free = c.target == Target::Unmapped || c.target == Target::Field("due_date".into()) || c.target == Target::Field("set_date".into());
            // (Dates in it: "Extension agreed (Y/N)" is no date.)
            let p = &profiles[c.index];
            if c.score >= 1000 || c.reason.starts_with(REVISES) || !free || !revises_due(&folded[c.index]) || p.non_empty == 0 || p.dates * 2 < p.non_empty {
                continue;
            }
            let others: Vec<usize> =
                (0..columns.len()).filter(|&o| o != ci && (columns[o].target == Target::Field("due_date".into()) || tied_due(&columns[o]))).collect();
            let [o] = others[..] else { continue };
            let header = columns[ci].header.clone();
            let original = columns[o].header.clone();
            notes.retain(|n| !n.starts_with(&format!("column '{header}' ")) && !n.starts_with(&format!("column '{original}' ")));
            if tied_due(&columns[o]) {
                columns[o].target = Target::Field("due_date".into());
                columns[o].score = 100;
                columns[o].reason = format!("due_date, revised by '{header}' where it is filled");
            }
            mark_revision(&mut columns, ci, o, "");
        }
    }

    // An audit returned for amendment and sent in again ("Resubmitted",
    // "Date resubmitted"): complete when resubmitted (seed 003: returned to
    // the auditor, who "completes and sends back"); the first submission
    // where it was not returned.
    if kind == TableKind::Audits {
        let done: Vec<usize> = (0..columns.len()).filter(|&o| columns[o].target == Target::Field("completed_date".into())).collect();
        for ci in 0..columns.len() {
            let f = &folded[columns[ci].index];
            // (The auditor's own: not a deadline for it, a request for it, nor
            // a moderation panel's.)
            let resubmitted = (f.split(' ').any(|w| matches!(w, "resubmitted" | "resubmission")) || contains_phrase(f, "re submitted"))
                && !f
                    .split(' ')
                    .any(|w| matches!(w, "due" | "deadline" | "target" | "requested" | "request" | "panel" | "moderation" | "moderator" | "moderated"));
            let p = &profiles[columns[ci].index];
            let [o] = done[..] else { break };
            if !resubmitted || o == ci || columns[ci].target != Target::Unmapped || columns[ci].score >= 1000 || p.non_empty == 0 || p.dates * 2 < p.non_empty {
                continue;
            }
            mark_revision(&mut columns, ci, o, " (an audit returned for amendment is complete when sent in again)");
        }
    }

    // A form's workflow step completed ("Step Completed", "Form completed
    // date": a case management system's export of its audit form), or a
    // task tool's own closing of the audit's task ("Resolved": Jira; "Date
    // Closed", "Date Done": ClickUp), where nothing else says when the audit
    // was done: the form, or the task, was finished then.
    if kind == TableKind::Audits && !columns.iter().any(|c| c.target == Target::Field("completed_date".into())) {
        let step = |f: &str| {
            let ws: Vec<&str> = f.split(' ').collect();
            ws.iter().any(|w| matches!(*w, "step" | "form" | "workflow"))
                && ws.iter().any(|w| w.starts_with("complet"))
                && !ws.iter().any(|w| matches!(*w, "due" | "deadline" | "target" | "by" | "expected" | "planned"))
        };
        let closed = |f: &str| {
            matches!(
                f,
                "resolved" | "date resolved" | "resolved date" | "resolved on" | "resolution date" | "date closed" | "closed date" | "closed on" | "date done"
            )
        };
        let found: Vec<usize> = (0..columns.len())
            .filter(|&ci| {
                let f = folded[columns[ci].index].as_str();
                let p = &profiles[columns[ci].index];
                columns[ci].target == Target::Unmapped && (step(f) || closed(f)) && p.non_empty > 0 && p.dates * 2 >= p.non_empty
            })
            .collect();
        // (One such column; or a task tool's closings only, "Date Closed"
        // and "Date Done" of one task, the first of them.)
        let one = match found[..] {
            [ci] => Some(ci),
            [ci, ..] if found.iter().all(|&c| closed(&folded[columns[c].index])) => Some(ci),
            _ => None,
        };
        if let Some(ci) = one {
            let what = if step(&folded[columns[ci].index]) {
                "the form's step was completed then"
            } else {
                "the audit's task was closed then (the task tool's own date)"
            };
            let c = &mut columns[ci];
            c.target = Target::Field("completed_date".into());
            c.score = 1;
            c.reason = format!("{what}, and no other column says when the audit was done");
            notes.push(format!("column '{}' is read as the audit's completion: {what}, and no other column says when the audit was done", c.header));
        }
    }

    // A month column ("Cycle", "Month of audit") whose values are not months
    // ("Cycle 3", 1, 2, 3): not used, or its numbers would read as days of 1900.
    for c in columns.iter_mut().filter(|c| c.target == Target::Field("audit_month".into()) && c.score < 1000) {
        if profiles[c.index].fits(super::recognise::ValueKind::DateOrMonth) == Some(false) {
            notes.push(format!("column '{}' matches audit_month, but its values are not months: not used", c.header));
            c.unuse("its values are not months");
        }
    }

    let framework = detect_framework(config, rec, pins, &folded, &columns);
    if let Some(fw) = framework.as_deref().and_then(|f| config.framework(f)) {
        let by_number = place_numbered_questions(fw, &folded, &mut columns);
        if !by_number.is_empty() {
            notes.push(format!(
                "columns named by a number only, {}: {BY_NUMBER} {}; if this export numbers its questions otherwise (its own list of areas), pin them in the config",
                by_number.join(", "),
                fw.id
            ));
        }
    }
    // A Torbay tool's question 12 ("Q12", "Q12 (auditor)") graded Exceeds /
    // Meets / Does not meet good, in a table with no overall of its own and
    // no framework found (a tracker of the overall alone, its other
    // questions left out): the overall (seed 004: "Q 12 on the audit tool is
    // the overall audit rating"). Not a moderator's, nor an agreement.
    if framework.is_none() && !columns.iter().any(|c| c.target == Target::Field("overall".into())) {
        let q12: Vec<usize> = (0..columns.len())
            .filter(|&i| {
                let c = &columns[i];
                let (number, rest) = super::fold::split_numbering(&folded[c.index]);
                matches!(c.target, Target::Domain(_))
                    && c.scale.as_deref().is_some_and(|s| s.starts_with("meets_good"))
                    && number.as_deref() == Some("12")
                    && !names_another_answer(&rest)
            })
            .collect();
        if let [i] = q12[..] {
            let c = &mut columns[i];
            notes.push(format!("column '{}' is {TORBAY_Q12}", c.header));
            c.reason = format!("{} (question 12 of a Torbay tool: the overall rating)", c.reason);
            c.target = Target::Field("overall".into());
        }
    }
    // A moderator's grade for a domain ("Safety and risk - moderator's
    // grade") is not the audit's: kept, placed in no domain (the audit's
    // domains are the auditor's, as its overall is).
    for c in columns.iter_mut().filter(|c| matches!(c.target, Target::Domain(Some(_))) && c.score < 1000) {
        if words[c.index].iter().any(|w| w.starts_with("moderat")) {
            notes.push(format!("column '{}' is a moderator's grade: {MODERATORS_DOMAIN}", c.header));
            c.reason = format!("{} (a moderator's grade: in no domain)", c.reason);
            c.target = Target::Domain(None);
        }
    }
    // A yes / no check placed in a domain by its words alone ("Is a copy of
    // the assessment available?", "Has the Family Safeguarding Model been
    // used?") beside the framework's own question for that domain (by its
    // text or number) is a check, not the domain's grade: kept, in no domain,
    // or as the weakest answer it would stand for the domain.
    let by_framework: Vec<String> = columns
        .iter()
        .filter_map(|c| match &c.target {
            Target::Domain(Some(d)) if c.score >= 50 || c.reason.contains("; question ") => Some(d.clone()),
            _ => None,
        })
        .collect();
    for c in
        columns.iter_mut().filter(|c| c.score < 50 && c.scale.as_deref() == Some("ynp") && c.reason.contains("keywords") && !c.reason.contains("; question "))
    {
        if let Target::Domain(Some(d)) = &c.target {
            if by_framework.contains(d) {
                notes.push(format!(
                    "column '{}' is a yes / no check whose words name {d}, beside the framework's own question for it: {YES_NO_CHECK}",
                    c.header
                ));
                c.reason = format!("{} (a yes / no check beside {d}'s own question: in no domain)", c.reason);
                c.target = Target::Domain(None);
            }
        }
    }
    // Several questions of one domain: which answer stands for it, said.
    let mut domains: Vec<&str> = columns.iter().filter_map(|c| if let Target::Domain(Some(d)) = &c.target { Some(d.as_str()) } else { None }).collect();
    domains.sort_unstable();
    domains.dedup();
    for d in domains {
        let of_d: Vec<String> = columns.iter().filter(|c| c.target == Target::Domain(Some(d.to_string()))).map(|c| format!("'{}'", c.header)).collect();
        if of_d.len() > 1 {
            notes.push(format!("columns {} are all questions of {d}: {DOMAIN_WEAKEST}", of_d.join(", ")));
        }
    }
    let mut missing_required: Vec<String> =
        kind.required().iter().filter(|r| !columns.iter().any(|c| c.target == Target::Field(r.to_string()))).map(|r| r.to_string()).collect();
    // A table of re-audits with no child id, each naming its original audit
    // ("Re-audit ID", "Original Audit ID", "Re-audit completed"): the child is
    // the original's; its re-audit date and grade are its own completion and
    // overall.
    let has = |columns: &[ColumnMap], f: &str| columns.iter().any(|c| c.target == Target::Field(f.into()));
    if kind == TableKind::Audits
        && missing_required == ["child_id"]
        && has(&columns, "previous_id")
        && (has(&columns, "audit_id") || has(&columns, "reaudit_date"))
    {
        missing_required.clear();
        notes.push("no child id column: each re-audit's child is its original audit's, named in the previous-audit column".to_string());
        // (The original's own date and grade, "Original audit date",
        // "Original grade", are not the re-audit's.)
        for c in columns.iter_mut().filter(|c| c.score < 1000 && c.target != Target::Field("previous_id".into()) && c.target != Target::Unmapped) {
            if matches!(fold(&c.header).split(' ').next(), Some("original" | "previous")) {
                notes.push(format!("column '{}' is the original audit's, not the re-audit's: not used", c.header));
                c.unuse("the original audit's");
            }
        }
        for (re, own) in [("reaudit_date", "completed_date"), ("reaudit_overall", "overall")] {
            if !has(&columns, own) {
                if let Some(c) = columns.iter_mut().find(|c| c.target == Target::Field(re.into())) {
                    notes.push(format!("column '{}' is this table's own {own}: its rows are re-audits", c.header));
                    c.target = Target::Field(own.into());
                    c.reason = format!("{} (its rows are re-audits)", c.reason);
                }
            }
        }
    }
    // A case-note table whose type and date are headed in words no list
    // holds ("What happened", "On"): its one column not yet read whose values
    // are mostly kinds of note (visits, calls, supervision) is the note type;
    // then, beside a recording date found, its one other column not yet read
    // of dates is the event's date. Each said.
    if kind == TableKind::CaseNotes && missing_required.iter().any(|r| r == "note_type") {
        if let [c] = columns.iter().enumerate().filter(|(_, c)| c.target == Target::Unmapped && note_kinds(c.index)).map(|(n, _)| n).collect::<Vec<_>>()[..] {
            notes.push(format!("column '{}' is read as the note type: most of its values are kinds of note", columns[c].header));
            columns[c].target = Target::Field("note_type".into());
            columns[c].reason = "values (kinds of note)".to_string();
            missing_required.retain(|r| r != "note_type");
        }
    }
    if kind == TableKind::CaseNotes && missing_required.iter().any(|r| r == "event_date") && has(&columns, "note_type") && has(&columns, "recorded_date") {
        let recorded = columns.iter().find(|c| c.target == Target::Field("recorded_date".into())).map(|c| c.index).unwrap_or(usize::MAX);
        let dates: Vec<usize> = columns.iter().enumerate().filter(|(_, c)| c.target == Target::Unmapped && all_dates(c.index)).map(|(n, _)| n).collect();
        if let Some(c) = dates.first().copied().filter(|&c| dates.len() == 1 && event_dates(columns[c].index, recorded)) {
            notes.push(format!("column '{}' is read as the event's date: the table's one other column of dates, beside its recording date", columns[c].header));
            columns[c].target = Target::Field("event_date".into());
            columns[c].reason = "values (dates, beside the recording date)".to_string();
            missing_required.retain(|r| r != "event_date");
        }
    }
    // A case-note table's record status under a header no list names
    // ("Record state": "Final" / "Deleted in error"): its one column not
    // otherwise read of a few short labels, one saying a record was
    // deleted, voided, cancelled or entered in error. Said.
    if kind == TableKind::CaseNotes && !has(&columns, "status") {
        let says_void = |t: &str| {
            let f = fold(t);
            ["deleted", "in error", "void", "voided", "cancelled", "canceled", "withdrawn"].iter().any(|p| super::fold::contains_phrase(&f, p))
        };
        let status_like = |i: usize| {
            let values: std::collections::BTreeSet<String> =
                column_values(i).iter().map(|c| c.as_string().trim().to_string()).filter(|t| !t.is_empty()).collect();
            // (Not an audit trail's actions: "Created", "Amended", "Deleted".)
            let trail = values.iter().any(|t| matches!(fold(t).as_str(), "created" | "amended" | "updated" | "modified" | "inserted" | "edited"));
            !values.is_empty() && values.len() <= 6 && !trail && values.iter().all(|t| t.split_whitespace().count() <= 4) && values.iter().any(|t| says_void(t))
        };
        if let [c] = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.target == Target::Unmapped && c.score < 1000 && status_like(c.index))
            .map(|(n, _)| n)
            .collect::<Vec<_>>()[..]
        {
            notes.push(format!("column '{}' is read as the notes' status: its values say a record was deleted or cancelled", columns[c].header));
            columns[c].target = Target::Field("status".into());
            columns[c].reason = "values (a record's status)".to_string();
        }
    }
    // A visit report with no type column ("Child ID", "Visit date", "Seen
    // alone"): every row is a visit, so no type is needed.
    let headers: Vec<String> = columns.iter().map(|c| c.header.clone()).collect();
    let visit_dates = columns.iter().any(|c| c.target == Target::Field("event_date".into()) && super::table::visits_report(&c.header, &headers));
    if kind == TableKind::CaseNotes && visit_dates && missing_required == ["note_type"] {
        missing_required.clear();
        notes.push("no note type column: the date is a visit's, so every row is read as a visit".to_string());
    }
    // A column named as a field whose values are not of its kind, where
    // another column holds that field ("Completed": Yes beside "Completed
    // date"): no warning, as nothing is lost (review 258's c28). It is
    // listed as not used.
    notes.retain(|n| {
        !columns.iter().any(|c| {
            let Target::Field(f) = &c.target else { return false };
            n.contains(&format!("' is named as {f}, but its values do not read as one"))
        })
    });
    TableMapping { kind, framework, columns, notes, missing_required }
}

/// Returns the headers placed by their number alone ("Area 5", "KSS5"): an
/// assumption that the export numbers its questions as the framework does.
fn place_numbered_questions(fw: &FrameworkSpec, folded: &[String], columns: &mut [ColumnMap]) -> Vec<String> {
    let mut by_number_only = Vec::new();
    for c in columns.iter_mut().filter(|c| c.target == Target::Domain(None)) {
        if let (Some(n), rest) = split_numbering(&folded[c.index]) {
            if let Some(d) = fw.numbered_questions.get(&n) {
                c.target = Target::Domain(Some(d.clone()));
                c.reason = format!("{}; question {n} of {}", c.reason, fw.id);
                if rest.split(' ').all(|w| matches!(w, "" | "area" | "q" | "question" | "kss" | "domain" | "section" | "item" | "no")) {
                    by_number_only.push(format!("'{}' as {d}", c.header));
                }
            }
        }
    }
    by_number_only
}

/// Whether the words after a question's number ("Q12 moderator's rating",
/// "Q12 agreed?", "Q12 comments") make it another answer to the question
/// than the auditor's grade: a moderator's, an agreement, a comment.
fn names_another_answer(folded_rest: &str) -> bool {
    folded_rest.split(' ').any(|w| w.starts_with("moderat") || w.starts_with("agree") || w.starts_with("comment") || w == "evidence")
}

/// Why a column of whether the case was chosen for views is not spoken-to.
const SEEN_IF_SELECTED: &str = "asks whether someone was seen, of the cases chosen for it: the auditor's meeting";
const SELECTED_ONLY: &str = "asks whether the case was selected to seek views, not whether anyone was spoken to";

/// Why a yes / no column of whose views is read as a spoken-to question.
/// Whether a column answers "Partially" (or "Partly", "Some"): a graded
/// practice question, not a yes / no one.
fn answered_partly(values: &[&Cell]) -> bool {
    values.iter().any(|v| matches!(fold(&v.as_string()).split(' ').next(), Some("partially" | "partly" | "partial" | "some")))
}

const VIEWS_GRADED: &str = "is graded 'Partially': a practice question of whether their views are evident, not whether the auditor spoke to them";
const VIEWS_BESIDE: &str = "is a yes / no answer of whose views, beside another spoken-to question";

/// The three spoken-to questions of an audit (child, family, practitioner).
pub const SPOKEN_TO: [&str; 3] = ["spoke_child", "spoke_family", "spoke_practitioner"];

/// What a reason box right after a spoken-to question is said to be.
pub const REASON_BESIDE: &str = "is the reason box right after a spoken-to question";

/// What a column listing who the auditor spoke to is said to be.
pub const WHO_LIST: &str = "lists who the auditor spoke to";

/// What a column listing who the auditor did not speak to is said to be.
pub const NOT_SPOKEN_LIST: &str = "lists who the auditor did not speak to";

/// A header for a list of who was not spoken to ("Not spoken to (child /
/// family / social worker)", "Who was not spoken to?", "Unable to speak
/// to"): outside its brackets, a word of not speaking and no one named, no
/// reason asked for.
pub fn is_not_spoken_to_header(raw: &str) -> bool {
    // (Ruled out before any copy: asked for every answer read.)
    let has = |w: &[u8]| raw.as_bytes().windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    if !(has(b"not") || has(b"unable") || has(b"never")) {
        return false;
    }
    let q = fold(&super::recognise::outside_brackets(raw));
    let words: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).collect();
    const SPEAK: [&str; 8] = ["speak", "spoke", "spoken", "talk", "talked", "consulted", "seen", "contacted"];
    const NAMED: [&str; 21] = [
        "why",
        "reason",
        "reasons",
        "if",
        "child",
        "children",
        "young",
        "yp",
        "cyp",
        "parent",
        "parents",
        "carer",
        "carers",
        "family",
        "practitioner",
        "social",
        "sw",
        "worker",
        "pa",
        "date",
        "when",
    ];
    words.len() <= 6
        && words.iter().enumerate().any(|(i, w)| matches!(*w, "not" | "unable" | "never") && words[i + 1..].iter().take(3).any(|v| SPEAK.contains(v)))
        && !words.iter().any(|w| NAMED.contains(w))
}

#[cfg(test)]
#[test]
fn a_list_of_whose_feedback_was_had_is_a_list_of_who_was_spoken_to() {
    // (A form's checkbox question, blind set 142's wyvernden.)
    for who in ["Feedback obtained from (tick all that apply)", "Views sought from", "Who did you speak to as part of this audit? (tick all that apply)"] {
        assert!(is_who_spoken_to_header(&fold(who)), "{who}");
    }
    for not in [
        "Feedback from the child / young person obtained?",
        "Views obtained",
        "Feedback given to the social worker",
        "Date feedback received",
        "Feedback obtained from IRO and school (tick all that apply)",
    ] {
        assert!(!is_who_spoken_to_header(&fold(not)), "{not}");
    }
}

#[test]
fn a_list_of_who_was_not_spoken_to_is_told_from_a_question() {
    for h in ["Not spoken to (child / family / social worker)", "Who was not spoken to?", "Unable to speak to", "Not seen / spoken to"] {
        assert!(is_not_spoken_to_header(h), "{h}");
    }
    for h in ["Child not spoken to", "If not spoken to, why?", "Family views NOT sought? (Y/N)", "Reason not seen", "Spoken to"] {
        assert!(!is_not_spoken_to_header(h), "{h}");
    }
}

/// A header that asks who was spoken to ("Who did you speak to?", "Who was
/// spoken to", "People spoken to"), not one person ("Which worker did you
/// speak to?" is the practitioner's own question).
pub fn is_who_spoken_to_header(folded: &str) -> bool {
    let words: Vec<&str> = folded.split(' ').collect();
    // (Or whose feedback or views were had, naming no one: "Feedback
    // obtained from (tick all that apply)", "Views sought from".)
    let heard = words.iter().any(|w| matches!(*w, "feedback" | "views" | "view" | "wishes"))
        && words.iter().any(|w| matches!(*w, "obtained" | "sought" | "gathered" | "received" | "heard" | "captured"))
        && words.iter().position(|w| *w == "from").is_some_and(|at| {
            // (Naming no one after it, but how to answer: "Feedback obtained
            // from (tick all that apply)"; not "… from IRO and school".)
            words[at + 1..].iter().all(|w| matches!(*w, "tick" | "all" | "that" | "apply" | "applies" | "select" | "choose" | "any" | "one" | "or" | "more"))
        });
    let speaks = heard || words.iter().any(|w| matches!(*w, "speak" | "spoke" | "spoken" | "talk" | "talked"));
    let who = heard || words.iter().any(|w| matches!(*w, "who" | "whom" | "people" | "persons"));
    // (Not "who else" or "other people": the ones besides the child, family and worker.)
    speaks
        && who
        && !words.iter().any(|w| {
            matches!(
                *w,
                "which"
                    | "worker"
                    | "child"
                    | "young"
                    | "yp"
                    | "parent"
                    | "parents"
                    | "carer"
                    | "family"
                    | "practitioner"
                    | "social"
                    | "sw"
                    | "why"
                    | "not"
                    | "else"
                    | "other"
                    | "others"
            )
        })
}

/// Scores every framework by signature phrases in the headers (or form labels)
/// and the scales of the graded columns; the best with at least 2 wins, a tie
/// gives none.
pub fn detect_framework(config: &Config, rec: &Recogniser, pins: Option<&SourceSpec>, folded_labels: &[String], columns: &[ColumnMap]) -> Option<String> {
    if let Some(f) = pins.and_then(|p| p.framework.clone()) {
        return Some(f);
    }
    let all = folded_labels.join(" | ");
    let label_words: Vec<Vec<String>> = folded_labels.iter().map(|l| rec.words(&split_numbering(l).1)).collect();
    // A label of four words or more that is a (folded) signature phrase's
    // beginning, three words or more short of its end: a long question cut
    // short by the tool that exported it ("Which worker did you speak to?" for
    // "… as part of the audit (include date seen)").
    let folded_sigs: Vec<String> = config.frameworks.iter().flat_map(|f| f.signature.iter().map(|s| fold(s))).collect();
    let cut_short = |sig: &str| {
        folded_labels.iter().any(|l| {
            let l = l.trim();
            l.split(' ').count() >= 4
                && sig.len() > l.len()
                && sig.starts_with(l)
                && sig.as_bytes()[l.len()] == b' '
                // Cut short, not a name that happens to begin the phrase
                // ("Management oversight and decision making", a theme's
                // name, before "… effective"): three words or more are missing.
                && sig[l.len()..].split_whitespace().count() >= 3
                // (The beginning of one framework's phrase only.)
                && folded_sigs.iter().filter(|s| s.starts_with(l)).count() == 1
        })
    };
    // A signature phrase, as written or as the same words in one label
    // ("risk is identified" in "Q1_RiskIdentified"), or cut short.
    let has_signature = |sig: &str| {
        let (folded, sw) = (fold(sig), rec.words(&prepare(sig)));
        all.contains(&folded) || (!sw.is_empty() && label_words.iter().any(|lw| sw.iter().all(|w| lw.contains(w)))) || cut_short(&folded)
    };
    // Questions numbered 1..N with N the framework's own count ("Q1" … "Q12").
    let numbers: std::collections::BTreeSet<u32> = folded_labels.iter().filter_map(|l| split_numbering(l).0).filter_map(|n| n.parse().ok()).collect();
    let scales: Vec<&str> = columns.iter().filter_map(|c| c.scale.as_deref()).collect();
    let mut scored: Vec<(usize, &str, bool)> = config
        .frameworks
        .iter()
        .map(|f| {
            let sig = f.signature.iter().filter(|s| has_signature(s)).count();
            // A yes / no scale counts only on three columns or more: a yes / no
            // question or two ("Case closed (Y/N)") is in every kind of audit log.
            let sc = f.scales.iter().filter(|s| scales.iter().filter(|x| **x == s.as_str()).count() >= if s.as_str() == "ynp" { 3 } else { 1 }).count();
            let n = f.numbered_questions.len() as u32;
            let numbered = n > 0 && numbers.len() as u32 == n && numbers.iter().next_back() == Some(&n);
            // (On its own scale: another framework's nine domains numbered 1 to
            // 9 and graded Met / Not met are not this one's nine areas.)
            let on_own_scale = |c: &ColumnMap| c.scale.as_deref().is_some_and(|s| f.scales.iter().any(|x| x == s));
            let own_scale = columns.iter().any(|c| split_numbering(&fold(&c.header)).0.is_some() && on_own_scale(c));
            // Its overall question by its own number, on its own scale ("Q12
            // Overall", "Q12 (auditor)", graded Exceeds / Meets / Does not meet
            // good: seed 004's "Q 12 on the audit tool is the overall audit
            // rating").
            let own_overall = columns.iter().any(|c| {
                let (n, rest) = split_numbering(&fold(&c.header));
                // (Not a moderator's question 12, nor its agreement or comment.)
                on_own_scale(c)
                    && !names_another_answer(&rest)
                    && n.and_then(|n| f.numbered_questions.get(&n)).is_some_and(|d| f.overall_domain.as_deref() == Some(d.as_str()))
            });
            // Its questions numbered 1..N on its own scale count as a signature
            // phrase when the headers are short ("1. Risk" … "12. Overall").
            (sig * 2 + sc + usize::from(numbered && own_scale && (sig > 0 || sc > 0)) + usize::from(own_overall), f.id.as_str(), numbered && own_scale)
        })
        .filter(|(s, _, _)| *s >= 2)
        .collect();
    scored.sort_by_key(|b| std::cmp::Reverse(b.0));
    match scored.as_slice() {
        [(a, f, _), (b, _, _), ..] if a > b => Some(f.to_string()),
        [(_, f, _)] => Some(f.to_string()),
        // A tie, one of them with its questions numbered 1..N on its own
        // scale ("Q1" … "Q12", one written out in words another framework's
        // question shares): that one.
        [(top, ..), ..] => {
            let numbered: Vec<&str> = scored.iter().filter(|(s, _, n)| s == top && *n).map(|(_, f, _)| *f).collect();
            if let [f] = numbered[..] {
                Some(f.to_string())
            } else {
                None
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_that_say_acknowledged_or_reference_stay_graded() {
        // (Stranger review, forty-eighth session: both were dropped as domains.)
        assert!(asks_of_the_audit("i acknowledge that the audit has been received"));
        assert!(asks_of_the_audit("audit challenged"));
        assert!(asks_of_the_audit("details sent") && asks_of_the_audit("report shared"));
        assert!(!asks_of_the_audit("has the child s plan been shared with the family and the report sent to the iro"));
        assert!(asks_of_the_audit("part b csw acknowledged"));
        assert!(asks_of_the_audit("audit received and recommendations noted and accepted"));
        assert!(!asks_of_the_audit("are the child s identity and culture acknowledged in the plan"));
        assert!(!asks_of_the_audit("has the impact of domestic abuse on the child been acknowledged"));
        assert!(counts_not_grades("id") && counts_not_grades("audit ref") && counts_not_grades("reference number"));
        assert!(!counts_not_grades("chronology reference to significant events"));
        assert!(counts_not_grades("attachments") && counts_not_grades("comments") && !counts_not_grades("comments on the plan"));
        assert!(!counts_not_grades("identity reference to culture and faith"));
    }

    fn map(headers: &[&str], rows: &[&[&str]]) -> TableMapping {
        let config = Config::defaults();
        let cw = Crosswalk::new(&config);
        let header: Vec<Cell> = headers.iter().map(|h| Cell::text(h)).collect();
        let sample: Vec<Vec<Cell>> = rows.iter().map(|r| r.iter().map(|s| Cell::text(s)).collect()).collect();
        map_table(&config, &Recogniser::new(&config), &cw, None, &header, &sample)
    }

    fn target(m: &TableMapping, header: &str) -> String {
        m.columns.iter().find(|c| c.header == header).unwrap().target.describe()
    }

    /// A form tool numbers its responses ("ID" 1, 2, 3 …): like grades 1 to
    /// 4, but the row's number, not a grade. A yes / no question about the
    /// audit itself ("Audit challenged?", Part B's acknowledgement) is no
    /// domain. A bracket naming the moderator makes a grade the moderator's.
    #[test]
    fn a_forms_response_number_and_questions_about_the_audit_are_no_grades() {
        let rows: &[&[&str]] = &[
            &["1", "1168093", "Good", "Yes", "Yes", "Yes", "Good"],
            &["2", "1187204", "Good", "No", "Yes", "No", "Inadequate"],
            &["3", "1194420", "Inadequate", "Yes", "No", "Partially", "Requires Improvement"],
            &["4", "1201118", "Outstanding", "No", "Yes", "Yes", "Good"],
        ];
        let m = map(
            &[
                "ID",
                "Child ID",
                "Overall grade",
                "Audit challenged?",
                "I acknowledge that the audit has been received",
                "Is the child safe?",
                "Final judgment (moderator)",
            ],
            rows,
        );
        assert_eq!(target(&m, "ID"), "(not used)");
        assert_eq!(target(&m, "Audit challenged?"), "(not used)");
        assert_eq!(target(&m, "I acknowledge that the audit has been received"), "(not used)");
        assert!(target(&m, "Is the child safe?").starts_with("domain"), "{}", target(&m, "Is the child safe?"));
        assert_eq!(target(&m, "Final judgment (moderator)"), "moderated_overall");
        assert_eq!(target(&m, "Overall grade"), "overall");
        // Other words in brackets are still a qualifier: "Overall grade
        // (Ofsted)" is the audit's grade.
        let m = map(&["Child ID", "Audit date", "Overall grade (Ofsted)"], &[&["1", "01/09/2026", "Good"], &["2", "02/09/2026", "Inadequate"]]);
        assert_eq!(target(&m, "Overall grade (Ofsted)"), "overall");
    }

    /// A commentary column whose every note starts with the grade it
    /// explains ("Rationale:" over "Good: see areas above; …") is evidence,
    /// not a question graded; the grade column beside it, with notes too, is
    /// still the overall.
    #[test]
    fn a_rationale_that_starts_with_its_grade_is_evidence() {
        let rows: &[&[&str]] = &[
            &["C1", "Good – see domain evidence.", "Good: see areas above; impact on the child is clear.", "Good"],
            &["C2", "Inadequate – see domain evidence.", "Inadequate: see areas above; drift in planning.", "Inadequate"],
            &["C3", "Good – see domain evidence.", "Good: see areas above; the child's voice is strong.", "Good"],
            &[
                "C4",
                "Requires Improvement – see domain evidence.",
                "Requires Improvement: see areas above; visits late.",
                "Requires improvement with elements of good",
            ],
        ];
        let m = map(&["Child ID", "Evidence for overall grade", "Rationale:", "Overall grade"], rows);
        assert_eq!(target(&m, "Evidence for overall grade"), "evidence");
        assert_eq!(target(&m, "Rationale:"), "evidence");
        assert_eq!(target(&m, "Overall grade"), "overall");
        // Bare grades under "Comments" are still grades, not commentary.
        let bare: &[&[&str]] = &[&["C1", "Good"], &["C2", "Inadequate"], &["C3", "Good"], &["C4", "Requires Improvement"]];
        assert_ne!(target(&map(&["Child ID", "Comments"], bare), "Comments"), "evidence");
    }

    /// One column holding the overall grade and the reasons for it ("Overall
    /// grade and rationale": "Good - child seen alone") is the overall when
    /// the table has no other; reasons named first, or a grade column beside
    /// it, leave it commentary.
    #[test]
    fn an_overall_grade_kept_with_its_rationale_is_the_overall() {
        let rows: &[&[&str]] = &[
            &["C1", "Good - child seen alone; plan is clear."],
            &["C2", "Inadequate - drift in planning and no oversight."],
            &["C3", "Requires Improvement - visits late."],
            &["C4", "Outstanding - exemplary direct work."],
        ];
        for h in ["Overall grade and rationale", "Overall judgement and evidence", "Overall grade with explanation", "Overall grade and comments"] {
            assert_eq!(target(&map(&["Child ID", h], rows), h), "overall", "{h}");
        }
        for h in ["Rationale for overall grade", "Evidence for the overall judgement"] {
            assert_eq!(target(&map(&["Child ID", h], rows), h), "evidence", "{h}");
        }
        let beside: Vec<Vec<&str>> = rows.iter().map(|r| vec![r[0], r[1], r[1].split(' ').next().unwrap()]).collect();
        let beside: Vec<&[&str]> = beside.iter().map(|r| r.as_slice()).collect();
        let m = map(&["Child ID", "Overall grade and rationale", "Overall grade"], &beside);
        assert_eq!(target(&m, "Overall grade"), "overall");
        assert_eq!(target(&m, "Overall grade and rationale"), "evidence");
    }

    /// What the audit sent the family is no conversation with them, and whom
    /// the auditor spoke to is no auditor.
    #[test]
    fn feedback_sent_to_parents_is_not_speaking_to_them_nor_a_list_of_whom_the_auditor() {
        let rows: &[&[&str]] = &[&["C1", "Yes", "The child; Social worker"], &["C2", "No", "Parent or carer"], &["C3", "Yes", "The child"]];
        let m = map(&["Child ID", "Audit feedback sent to parents?", "Who did the auditor speak to? (tick all that apply)"], rows);
        assert_eq!(target(&m, "Audit feedback sent to parents?"), "(not used)");
        assert_ne!(target(&m, "Who did the auditor speak to? (tick all that apply)"), "auditor");
        let m = map(&["Child ID", "Parent/carer feedback obtained?"], &[&["C1", "Yes"], &["C2", "No"], &["C3", "Yes"]]);
        assert_eq!(target(&m, "Parent/carer feedback obtained?"), "spoke_family");
    }

    /// A Microsoft Form in quiz mode adds "Points - <question>" and
    /// "Feedback - <question>" beside each question: not answers. A header
    /// that only starts so, with no such question beside it, is read as ever.
    #[test]
    fn a_quiz_forms_points_and_feedback_columns_are_not_answers() {
        let rows: &[&[&str]] = &[&["C1", "Yes", "0", "", "Good work"], &["C2", "No", "0", "", "Visits late"], &["C3", "Partially", "0", "", "Drift"]];
        let m = map(
            &["Child ID", "1. Is the child safe?", "Points - 1. Is the child safe?", "Feedback - 1. Is the child safe?", "Feedback - what works well"],
            rows,
        );
        assert_eq!(target(&m, "Points - 1. Is the child safe?"), "ignored");
        assert_eq!(target(&m, "Feedback - 1. Is the child safe?"), "ignored");
        assert_ne!(target(&m, "Feedback - what works well"), "ignored");
    }

    #[test]
    fn a_domain_tie_goes_to_the_domain_the_header_names() {
        let config = Config::defaults();
        let domain = |h: &str| keyword_domain(&config, &fold(h));
        assert_eq!(domain("Voice of the child evident overall & impact"), Ok(Some("voice".into())));
        assert_eq!(domain("Abuse and neglect of children"), Ok(Some("safety".into())));
        // A one-word name, singular or plural, decides nothing: still a tie, said, never guessed.
        for h in
            ["Outcome and plan", "Is the plan informed by the assessment?", "Risk of placement breakdown", "Does the plan address risks?", "Review of the plan"]
        {
            assert!(domain(h).is_err(), "{h}: {:?}", domain(h));
        }
    }

    #[test]
    fn lesser_overalls_that_name_domains_are_those_domains_questions() {
        let rows: &[&[&str]] =
            &[&["C1", "10/09/2026", "Good", "Good", "Good", "Good"], &["C2", "12/09/2026", "Inadequate", "Requires improvement", "Good", "Good"]];
        let m = map(
            &[
                "Child ID",
                "Date completed",
                "Overall judgement of the case file",
                "Summary - overall judgement re assessment",
                "Summary - overall judgement re management oversight",
                "Summary - overall judgement re nothing",
            ],
            rows,
        );
        assert_eq!(target(&m, "Overall judgement of the case file"), "overall");
        assert_eq!(target(&m, "Summary - overall judgement re assessment"), "domain:assessment");
        assert_eq!(target(&m, "Summary - overall judgement re management oversight"), "domain:oversight");
        // One that names no domain stays unused, as before.
        assert_eq!(target(&m, "Summary - overall judgement re nothing"), "(not used)");
        assert!(m.notes.iter().any(|n| n.contains(READ_AS_DOMAIN)), "{:?}", m.notes);
        // One alone is as likely the overall again: ambiguous, as before.
        let rows: &[&[&str]] = &[&["C1", "10/09/2026", "Good", "Good"], &["C2", "12/09/2026", "Inadequate", "Requires improvement"]];
        let m = map(&["Child ID", "Date completed", "Overall judgement", "Final overall judgement after review"], rows);
        assert_eq!(target(&m, "Final overall judgement after review"), "(not used)");
    }

    #[test]
    fn questions_named_by_a_number_only_are_placed_by_the_framework_and_said() {
        let headers = ["Child ID", "Date completed", "Area 1", "Area 2", "Area 3", "Area 4", "Area 5", "Area 6", "Area 7", "Area 8", "Area 9", "Overall grade"];
        let rows: Vec<Vec<&str>> = ["Good", "Requires improvement", "Inadequate"]
            .into_iter()
            .enumerate()
            .map(|(i, g)| [["C1", "C2", "C3"][i], "10/09/2026"].into_iter().chain([g; 10]).collect())
            .collect();
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let m = map(&headers, &rows);
        assert!(m.notes.iter().any(|n| n.contains(BY_NUMBER) && n.contains("'Area 2' as")), "{:?}", m.notes);
        // Named questions are not said.
        let m = map(&["Child ID", "Date completed", "Q1 Safety and risk", "Overall grade"], &[&["C1", "10/09/2026", "Good", "Good"]]);
        assert!(!m.notes.iter().any(|n| n.contains(BY_NUMBER)), "{:?}", m.notes);
    }

    #[test]
    fn a_yes_no_check_beside_the_frameworks_own_question_is_in_no_domain() {
        let rows: &[&[&str]] = &[
            &["C1", "10/09/2026", "Good", "Good", "No", "No"],
            &["C2", "12/09/2026", "Good", "Requires improvement", "Yes", "Yes"],
            &["C3", "14/09/2026", "Inadequate", "Inadequate", "No", "Yes"],
        ];
        let m = map(
            &[
                "Child ID",
                "Date completed",
                "Overall judgement",
                "Summary – what is your overall judgement in respect of the assessment?",
                "Is a copy of the assessment available?",
                "Has the family been told about the safeguarding plan?",
            ],
            rows,
        );
        assert_eq!(target(&m, "Summary – what is your overall judgement in respect of the assessment?"), "domain:assessment");
        assert_eq!(target(&m, "Is a copy of the assessment available?"), "domain:(unplaced)");
        assert!(m.notes.iter().any(|n| n.contains(YES_NO_CHECK)), "{:?}", m.notes);
    }

    #[test]
    fn a_moderators_domain_grade_is_in_no_domain() {
        let rows: &[&[&str]] = &[&["C1", "10/09/2026", "Good", "Good", "Inadequate"], &["C2", "12/09/2026", "Good", "Good", "Requires improvement"]];
        let m = map(&["Child ID", "Date completed", "Overall judgement", "Safety and risk", "Safety and risk - moderator's grade"], rows);
        assert_eq!(target(&m, "Safety and risk"), "domain:safety");
        assert_eq!(target(&m, "Safety and risk - moderator's grade"), "domain:(unplaced)");
        assert!(m.notes.iter().any(|n| n.contains(MODERATORS_DOMAIN)), "{:?}", m.notes);
    }

    #[test]
    fn grades_of_an_inspection_or_a_visit_are_no_questions_of_the_audit() {
        for h in ["placement ofsted grade at last inspection", "provider inspection outcome", "child seen alone at last visit", "seen at previous visit"] {
            assert!(names_other_grading(h, Some("ynp")), "{h}");
        }
        assert!(names_other_grading("placement ofsted grade at last inspection", Some("ofsted4")));
        for h in ["quality of living arrangements", "is the child seen regularly", "visits are timely", "ofsted overall", "management oversight"] {
            assert!(!names_other_grading(h, Some("ynp")), "{h}");
        }
        // A fact of the child's answered yes or no; not a question of practice.
        assert!(names_other_grading("child in adoptive placement", Some("ynp")));
        assert!(names_other_grading("child subject to a cp plan", Some("ynp")));
        for h in ["child seen alone", "child s voice heard", "childs views recorded", "is the child safe"] {
            assert!(!names_other_grading(h, Some("ynp")), "{h}");
        }
        // The auditor's grades on Ofsted's scale, and a graded question about the visits.
        assert!(names_other_grading("placement ofsted rating", Some("ofsted4")));
        assert!(names_other_grading("school ofsted grade", Some("ofsted4")));
        for h in ["ofsted grade assessment", "ofsted grade voice of the child", "voice of the child child seen and seen alone at last visit"] {
            assert!(!names_other_grading(h, Some("ofsted4")), "{h}");
        }
        let m = map(
            &["Child ID", "Date completed", "Q12 overall", "Placement - Ofsted grade at last inspection"],
            &[&["C1", "10/09/2026", "Meets good", "Good"], &["C2", "12/09/2026", "Meets good", "Outstanding"]],
        );
        assert_eq!(target(&m, "Placement - Ofsted grade at last inspection"), "(not used)");
    }

    #[test]
    fn team_columns_that_tie_give_way_to_the_cases_own_team() {
        let m = map(
            &["Child ID", "Date completed", "Overall grade", "Team at referral", "Current team"],
            &[&["C1", "10/09/2026", "Good", "Front Door", "Safeguarding 1"], &["C2", "12/09/2026", "Good", "Front Door", "Children in Care"]],
        );
        assert_eq!(target(&m, "Current team"), "team");
        assert_eq!(target(&m, "Team at referral"), "(not used)");
    }

    #[test]
    fn an_earlier_audits_columns_are_not_this_audits() {
        for h in ["previous audit date", "q 12 previous audit", "last audit grade", "prior judgement", "date of previous audit"] {
            assert!(names_earlier_audit(h), "{h}");
        }
        // A time since it is measured now; "prior to" and "earlier" name no audit.
        for h in ["months since previous audit", "progress since last audit", "seen prior to the visit", "risk identified earlier", "last updated"] {
            assert!(!names_earlier_audit(h), "{h}");
        }
        let m = map(
            &["Child ID", "Date completed", "Overall grade", "Previous audit date", "Previous audit grade"],
            &[&["C1", "10/09/2026", "Good", "01/03/2026", "Inadequate"], &["C2", "12/09/2026", "Good", "05/03/2026", "Good"]],
        );
        assert_eq!(target(&m, "Date completed"), "completed_date");
        assert_eq!(target(&m, "Overall grade"), "overall");
        assert_eq!(target(&m, "Previous audit date"), "(not used)");
        assert_eq!(target(&m, "Previous audit grade"), "(not used)");
        assert!(m.notes.iter().any(|n| n.contains(EARLIER_AUDIT)), "{:?}", m.notes);
    }

    #[test]
    fn audits_by_synonym_question_text_and_values() {
        let m = map(
            &[
                "Child's ID number",
                "Team",
                "Audit date",
                "Q1. Risk is identified, responded to and reduced in a timely way.",
                "Q2 evidence",
                "Is the child's identity considered?",
                "Overall grade",
                "Mystery",
            ],
            &[
                &["C1", "North", "01/02/2026", "Meets good", "Long text about risk", "Met", "Good", "x"],
                &["C2", "South", "02/02/2026", "Exceeds good", "More", "Not met", "RI", "y"],
            ],
        );
        assert_eq!(m.kind, TableKind::Audits);
        assert_eq!(target(&m, "Child's ID number"), "child_id");
        assert_eq!(target(&m, "Audit date"), "completed_date");
        assert_eq!(target(&m, "Q1. Risk is identified, responded to and reduced in a timely way."), "domain:safety");
        assert_eq!(target(&m, "Q2 evidence"), "evidence");
        assert_eq!(target(&m, "Is the child's identity considered?"), "domain:identity");
        assert_eq!(target(&m, "Overall grade"), "overall");
        assert_eq!(target(&m, "Mystery"), "(not used)");
        let q1 = m.columns.iter().find(|c| c.header.starts_with("Q1")).unwrap();
        assert_eq!(q1.scale.as_deref(), Some("meets_good3"));
        assert!(m.missing_required.is_empty());
    }

    #[test]
    fn actions_and_case_notes_and_episodes() {
        let a = map(&["Audit ID", "Agreed Action (child)", "Person", "Completion date", "Sign off date"], &[&["A1", "Update plan", "Sam", "01/03/2026", ""]]);
        assert_eq!(a.kind, TableKind::Actions);
        assert_eq!(target(&a, "Completion date"), "due_date");
        assert_eq!(target(&a, "Sign off date"), "completed_date");
        let n = map(&["Person ID", "Case Note Type", "Event Date", "Date Recorded", "Seen Alone"], &[&["C1", "CP Visit", "01/03/2026", "02/03/2026", "Y"]]);
        assert_eq!(n.kind, TableKind::CaseNotes);
        assert_eq!(target(&n, "Date Recorded"), "recorded_date");
        let e = map(&["Child ID", "Legal Status", "Start Date", "End Date"], &[&["C1", "CP Plan", "01/01/2026", ""]]);
        assert_eq!(e.kind, TableKind::Episodes);
    }

    #[test]
    fn a_category_naming_the_plan_is_read_where_the_legal_status_is_blank() {
        // Blind set 200's cindlebury: "Category" names the plan, and "Legal
        // Status" is given for looked-after children only.
        let rows: [&[&str]; 3] = [
            &["581204", "Child Protection Plan", "", "10/03/2026", ""],
            &["582301", "Looked After", "C2 - Full care order", "01/03/2024", ""],
            &["583407", "Child in Need Plan", "", "16/02/2026", ""],
        ];
        let e = map(&["Person ID", "Category", "Legal Status", "Start Date", "End Date"], &rows);
        assert_eq!((target(&e, "Legal Status"), target(&e, "Category")), ("episode_type".to_string(), "episode_type_also".to_string()));
        // A category of abuse beside the plan is no legal status.
        let rows: [&[&str]; 2] =
            [&["581204", "Neglect", "Child Protection Plan", "10/03/2026", ""], &["581205", "Emotional abuse", "CP Plan", "10/03/2026", ""]];
        let e = map(&["Person ID", "Category", "Legal Status", "Start Date", "End Date"], &rows);
        assert_eq!((target(&e, "Legal Status"), target(&e, "Category")), ("episode_type".to_string(), "(not used)".to_string()));
    }

    #[test]
    fn an_actions_column_of_dates_saying_done_is_the_completion() {
        // Blind set 202's stavenholt: seed 003's improvement plan as LCS
        // exports it, the team manager's confirmation with no word for a date.
        let rows: [&[&str]; 2] = [&["CFA1", "C1", "Update chronology", "SW", "03/09/2026"], &["CFA2", "C2", "PEP review", "SW", ""]];
        let a = map(&["Audit ID", "Child ID", "Recommendation", "Responsible", "TM confirmed addressed"], &rows);
        assert_eq!(a.kind, TableKind::Actions);
        assert_eq!(target(&a, "TM confirmed addressed"), "completed_date");
        // A deadline's words, or values that are not dates, are no completion.
        let a = map(&["Audit ID", "Child ID", "Recommendation", "Responsible", "To be completed by"], &rows);
        assert_ne!(target(&a, "To be completed by"), "completed_date");
        for deadline in ["Complete by", "Complete by agreed date", "Completed by next review date"] {
            let a = map(&["Audit ID", "Child ID", "Recommendation", "Responsible", deadline], &rows);
            assert_ne!(target(&a, deadline), "completed_date", "{deadline}");
        }
        // "By" naming who confirmed it is no deadline (blind set 204's lanterby).
        let october: [&[&str]; 2] = [&["CFA9", "Life story work", "SW", "C9", "26/10/2026"], &["CFA8", "Legal planning meeting", "GM", "C8", ""]];
        let a = map(&["AUDIT ID", "RECOMMENDATION", "OWNER", "CHILD ID", "CONFIRMED BY TM ON"], &october);
        assert_eq!(target(&a, "CONFIRMED BY TM ON"), "completed_date");
        let rows: [&[&str]; 2] = [&["CFA1", "C1", "Update chronology", "SW", "JB"], &["CFA2", "C2", "PEP review", "SW", ""]];
        let a = map(&["Audit ID", "Child ID", "Recommendation", "Responsible", "TM confirmed addressed"], &rows);
        assert_ne!(target(&a, "TM confirmed addressed"), "completed_date");
    }

    #[test]
    fn missing_child_id_is_reported() {
        let m = map(&["Team", "Overall grade", "Audit date"], &[&["North", "Good", "01/01/2026"]]);
        assert_eq!((m.kind, m.missing_required.clone()), (TableKind::Audits, vec!["child_id".to_string()]));
        let m = map(&["Notes", "Overall grade"], &[&["x", "Good"]]);
        assert_eq!(m.kind, TableKind::Unknown, "too little to call it an audit table");
        let config = Config::defaults();
        let cw = Crosswalk::new(&config);
        let pins = SourceSpec { file: "x".into(), kind: Some("audits".into()), ..Default::default() };
        let m = map_table(&config, &Recogniser::new(&config), &cw, Some(&pins), &[Cell::text("Team"), Cell::text("Overall grade")], &[]);
        assert_eq!(m.missing_required, vec!["child_id".to_string()]);
    }

    #[test]
    fn a_sign_off_date_beats_a_completion_date_for_actions() {
        let m = map(
            &["Audit ID", "Action", "Owner", "Date completed", "Manager sign off date"],
            &[&["A1", "Update the plan", "Sam", "01/03/2026", "04/03/2026"], &["A2", "Hold a core group", "Jo", "02/03/2026", ""]],
        );
        assert_eq!(m.kind, TableKind::Actions);
        assert_eq!(target(&m, "Manager sign off date"), "completed_date");
        assert_eq!(target(&m, "Date completed"), "(not used)");
        assert!(m.notes.iter().any(|n| n.contains("sign-off date closes")), "{:?}", m.notes);
    }

    #[test]
    fn two_equal_columns_for_one_field_are_ambiguous() {
        let m = map(&["Child ID", "Date", "Date", "Overall"], &[&["C1", "01/01/2026", "02/01/2026", "Good"]]);
        assert_eq!(target(&m, "Date"), "(not used)");
        assert!(m.notes.iter().any(|n| n.contains("completed_date")), "{:?}", m.notes);
    }

    #[test]
    fn a_trackers_grade_named_as_its_moderators_is_the_overall() {
        // A programme tracker copying only Q12 (set 32): no framework to say
        // Q12 is the overall, but the moderator re-grades the same question.
        let rows: &[&[&str]] = &[
            &["C1", "A Auditor", "01/09/2026", "Meets good", "A Moderator", "Meets good"],
            &["C2", "B Auditor", "03/09/2026", "Does not meet good", "", ""],
            &["C3", "A Auditor", "07/09/2026", "Exceeds good", "A Moderator", "Meets good"],
            &["C4", "B Auditor", "09/09/2026", "Meets good", "", ""],
        ];
        let m = map(&["Child ID", "Auditor", "Audit date", "Q12 (auditor)", "Moderator", "Moderator Q12"], rows);
        assert_eq!(
            target(&m, "Q12 (auditor)"),
            "overall",
            "{:?} {:?}",
            m.notes,
            m.columns.iter().map(|c| (&c.header, c.target.describe(), &c.reason)).collect::<Vec<_>>()
        );
        // A qualifier in brackets, and "grade", do not count.
        let m = map(&["Child ID", "Auditor", "Audit date", "Q12 - auditor's grade", "Moderator", "Moderated Q12 (same scale)"], rows);
        assert_eq!(target(&m, "Q12 - auditor's grade"), "overall");
        // Not a question the moderator does not re-grade.
        let m = map(&["Child ID", "Auditor", "Audit date", "Q3 (auditor)", "Moderator", "Moderator Q12"], rows);
        assert_ne!(target(&m, "Q3 (auditor)"), "overall");
    }

    #[test]
    fn a_column_named_team_holds_long_team_names_and_paragraphs_under_it_are_said() {
        // Team names of 70 to 150 characters on one line are names (stranger
        // review 37: every team became "(not recorded)", silently).
        let long = "Children in Care and Care Leavers Service - 16 Plus Team (South and West locality)";
        let rows: &[&[&str]] = &[&["C1", long, "01/09/2026", "Good"], &["C2", long, "02/09/2026", "Good"], &["C3", "Front Door", "03/09/2026", "Inadequate"]];
        let m = map(&["Child ID", "Team", "Date completed", "Overall"], rows);
        assert_eq!(target(&m, "Team"), "team");
        // Paragraphs under "Team" are evidence, and a note says so.
        let para = "The team around the child met on three occasions. Minutes are on file and show clear actions. Manager oversight is evident and the plan was reviewed in supervision.";
        let rows: &[&[&str]] = &[&["C1", para, "01/09/2026", "Good"], &["C2", para, "02/09/2026", "Good"], &["C3", para, "03/09/2026", "Good"]];
        let m = map(&["Child ID", "Team", "Date completed", "Overall"], rows);
        assert_eq!(target(&m, "Team"), "evidence");
        assert!(m.notes.iter().any(|n| n.contains("column 'Team' is named as team, but its values are long free text")), "{:?}", m.notes);
    }

    #[test]
    fn of_two_dates_that_both_name_the_audit_the_completion_is_read() {
        // Seed 002: "Once this part [Part B] is completed the audit is complete".
        let rows: &[&[&str]] = &[&["C1", "01/09/2026", "15/09/2026", "Good"], &["C2", "03/09/2026", "", "Good"]];
        let m = map(&["Client ID", "Date of audit (Part A)", "Part B completed", "Overall"], rows);
        assert_eq!(target(&m, "Part B completed"), "completed_date");
        assert_eq!(target(&m, "Date of audit (Part A)"), "(not used)");
        // Also where Part A's header is the better match for a completion date.
        let m = map(&["Client ID", "Date of audit (Part A)", "Date CSW completed (Part B)", "Overall"], rows);
        assert_eq!(target(&m, "Date CSW completed (Part B)"), "completed_date");
        assert_eq!(target(&m, "Date of audit (Part A)"), "(not used)");
        // And where Part B is headed in the seed's word for it, which names no
        // completion: "to acknowledge that the audit had been received".
        let m = map(&["Client ID", "Date Part A signed off", "Date CSW acknowledged (Part B)", "Overall"], rows);
        assert_eq!(target(&m, "Date CSW acknowledged (Part B)"), "completed_date");
        assert_eq!(target(&m, "Date Part A signed off"), "(not used)");
        // Beside a date naming no part ("Audit date", the auditor's), a Part B
        // that says it was done is the completion (blind set 124's revised
        // CareFirst report); one that is another of the form's dates is not.
        let m = map(&["Client ID", "Audit date", "Part B - CSW acknowledgement date", "Overall"], rows);
        assert_eq!(target(&m, "Part B - CSW acknowledgement date"), "completed_date");
        assert_eq!(target(&m, "Audit date"), "(not used)");
        let m = map(&["Client ID", "Audit date", "Part B - Date of last statutory visit", "Overall"], rows);
        assert_eq!(target(&m, "Audit date"), "completed_date");
        // Nor a "Part 2" (a manager's response, on many councils' forms), nor
        // over a date that says it is the completion (stranger review, 41st session).
        for (done, part_2) in [
            ("Completed Date", "Part 2 - Manager response completed"),
            ("Date audit completed", "Part 2 completed"),
            ("Audit date", "Part 2 - Team manager sign off date"),
            ("Date audit completed", "Part B - CSW acknowledgement date"),
        ] {
            let m = map(&["Client ID", done, part_2, "Overall"], rows);
            assert_eq!(target(&m, done), "completed_date", "{done} / {part_2}");
        }
        // Not a Part B that is a deadline or another of the form's dates.
        for other in ["Part B - Action timescale", "Part B - actions due by", "Part B - Date of last statutory visit", "Part B - Team manager response date"] {
            let m = map(&["Client ID", "Date Part A signed off", other, "Overall"], rows);
            assert_eq!(target(&m, "Date Part A signed off"), "completed_date", "{other}");
            assert_ne!(target(&m, other), "completed_date", "{other}");
        }
        // (Not a Part B of words: that is no date.)
        let words: &[&[&str]] = &[&["C1", "01/09/2026", "Agreed with the findings", "Good"], &["C2", "03/09/2026", "", "Good"]];
        let m = map(&["Client ID", "Date Part A signed off", "CSW comments (Part B)", "Overall"], words);
        assert_eq!(target(&m, "Date Part A signed off"), "completed_date");
        // A deadline is no completion.
        let m = map(&["Client ID", "Audit date (Part A)", "Date to be completed by", "Overall"], rows);
        assert_ne!(target(&m, "Date to be completed by"), "completed_date");
        // Neither headed as the completion: still a tie, said.
        let m = map(&["Client ID", "Audit date", "Date of audit", "Overall"], rows);
        assert_eq!(target(&m, "Audit date"), "(not used)");
    }

    #[test]
    fn a_revised_date_is_read_before_the_one_it_revises() {
        let rows: &[&[&str]] = &[
            &["C1", "Chase the CP plan", "01/10/2026", "15/10/2026", "14/10/2026"],
            &["C2", "Update chronology", "05/10/2026", "", "06/10/2026"],
            &["C3", "Book the review", "07/10/2026", "", ""],
        ];
        let m = map(&["Child ID", "Action", "Target date", "Revised target date", "Date completed"], rows);
        assert_eq!(target(&m, "Target date"), "due_date");
        assert_eq!(target(&m, "Revised target date"), "due_date");
        assert!(m.columns[3].reason.starts_with(REVISES), "{}", m.columns[3].reason);
        assert!(!m.notes.iter().any(|n| n.contains("Revised target date")), "{:?}", m.notes);
        // Beside a target and an actual date, a revised date is the target's.
        let m = map(
            &["Child ID", "Action", "Target Completion Date", "Revised Completion Date", "Actual Completion Date"],
            &[&["C1", "x", "20/09/2026", "10/10/2026", "05/10/2026"], &["C2", "y", "25/09/2026", "", "24/09/2026"]],
        );
        assert_eq!(target(&m, "Revised Completion Date"), "due_date");
        assert_eq!(target(&m, "Actual Completion Date"), "completed_date");
        // A column "revised" alone, or naming no other column, is not one.
        let m = map(&["Child ID", "Action", "Target date", "Revised", "Date completed"], &[&["C1", "x", "01/10/2026", "Yes", ""]]);
        assert_ne!(target(&m, "Revised"), "due_date");
    }

    #[test]
    fn a_moderation_outcome_in_words_is_the_agreement() {
        let m = map(
            &["Child ID", "Date completed", "Overall grade", "Moderation outcome"],
            &[
                &["C1", "01/09/2026", "Good", "Upheld"],
                &["C2", "02/09/2026", "Good", "Changed"],
                &["C3", "03/09/2026", "Good", "Upheld"],
                &["C4", "04/09/2026", "Good", ""],
            ],
        );
        assert_eq!(target(&m, "Moderation outcome"), "moderator_agrees");
    }

    #[test]
    fn a_cycle_column_is_the_audit_month_when_it_holds_months() {
        let m = map(
            &["Child ID", "Date completed", "Overall grade", "Cycle"],
            &[&["C1", "01/09/2026", "Good", "Sep/Oct 26"], &["C2", "02/09/2026", "Good", "Jul/Aug 26"], &["C3", "03/09/2026", "Good", "Sep/Oct 26"]],
        );
        assert_eq!(target(&m, "Cycle"), "audit_month");
        let m = map(
            &["Child ID", "Date completed", "Overall grade", "Cycle"],
            &[&["C1", "01/09/2026", "Good", "Cycle 3"], &["C2", "02/09/2026", "Good", "Cycle 2"], &["C3", "03/09/2026", "Good", "Cycle 3"]],
        );
        assert_eq!(target(&m, "Cycle"), "(not used)");
    }

    /// Nine domains numbered 1 to 9 on Met / Partially met / Not met are not
    /// seed 000's nine areas (Yes / Partially / No) because the overall is an
    /// Ofsted grade: the numbering counts only on the framework's own scale.
    /// On its own scale it still does.
    #[test]
    fn questions_numbered_1_to_n_count_only_on_the_frameworks_own_scale() {
        let mut headers = vec!["Child ID".to_string(), "Date finalised".to_string()];
        headers.extend((1..=9).map(|n| format!("Domain {n}")));
        headers.push("Overall judgement".into());
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        let row = |grade: &'static str| {
            let mut r = vec!["C1", "10/09/2026"];
            r.extend(std::iter::repeat_n(grade, 9));
            r.push("Good");
            r
        };
        let (met, yes) = (row("Partially met"), row("Yes"));
        let m = map(&headers, &[&met, &met, &met]);
        assert_ne!(m.framework.as_deref(), Some("nine_area"), "{:?}", m.framework);
        let m = map(&headers, &[&yes, &yes, &yes]);
        assert_eq!(
            m.framework.as_deref(),
            Some("nine_area"),
            "{:?}",
            m.columns.iter().map(|c| (c.header.clone(), c.target.describe(), c.scale.clone())).collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_agreement_naming_no_moderation_is_no_moderation_alone() {
        // Blind set 200: a service manager's "Agree grade? Y/N" added to
        // their copy of a tracker that records no moderation.
        let rows: [&[&str]; 2] = [&["C1", "01/09/2026", "Good", "Y"], &["C2", "02/09/2026", "Inadequate", "N"]];
        let m = map(&["Child ID", "Date completed", "Overall grade", "Agree grade? Y/N"], &rows);
        assert_eq!(target(&m, "Agree grade? Y/N"), "(not used)");
        assert!(m.notes.iter().any(|n| n.contains("not read as a moderation")), "{:?}", m.notes);
        // Beside a moderator's name, it is the moderator's agreement.
        let rows: [&[&str]; 2] = [&["C1", "01/09/2026", "Good", "A Moderator", "Y"], &["C2", "02/09/2026", "Inadequate", "", ""]];
        let m = map(&["Child ID", "Date completed", "Overall grade", "Moderator", "Agree grade? Y/N"], &rows);
        assert_eq!(target(&m, "Agree grade? Y/N"), "moderator_agrees");
        // Naming the auditor, it is a moderation's.
        let rows: [&[&str]; 2] = [&["C1", "01/09/2026", "Good", "Y"], &["C2", "02/09/2026", "Inadequate", "N"]];
        let m = map(&["Child ID", "Date completed", "Overall grade", "Agree with auditor's grade?"], &rows);
        assert_eq!(target(&m, "Agree with auditor's grade?"), "moderator_agrees");
    }

    #[test]
    fn numbered_questions_use_the_framework() {
        let m = map(
            &["Child ID", "Q1", "Q2", "Q3", "Risk is identified", "Quality of plans", "Quality of living arrangements"],
            &[&["C1", "Meets good", "Exceeds good", "Does not meet good", "Meets good", "Meets good", "Meets good"]],
        );
        assert_eq!(m.framework.as_deref(), Some("twelve_question"));
        assert_eq!(target(&m, "Q1"), "domain:safety");
        assert_eq!(target(&m, "Q3"), "domain:oversight");
    }

    #[test]
    fn a_moderators_overall_grade_beats_the_moderators_section_grades() {
        let rows: [&[&str]; 3] = [
            &["C1", "01/09/2026", "Good", "J Bloggs", "Good", "Requires Improvement", "Yes", "No"],
            &["C2", "02/09/2026", "Inadequate", "J Bloggs", "Requires Improvement", "Requires Improvement", "No", "No"],
            &["C3", "03/09/2026", "Good", "J Bloggs", "Good", "Good", "Yes", "Yes"],
        ];
        let m = map(
            &[
                "Child ID",
                "Audit date",
                "Overall judgement",
                "Moderated by",
                "Moderator - OVERALL JUDGEMENT",
                "Moderator - Section 4: Plan & Outcome",
                "Overall findings - agree with auditor?",
                "Section 4 Plan and outcome - agree with auditor?",
            ],
            &rows,
        );
        assert_eq!(target(&m, "Moderator - OVERALL JUDGEMENT"), "moderated_overall", "{:?}", m.notes);
        assert_eq!(target(&m, "Overall findings - agree with auditor?"), "moderator_agrees", "{:?}", m.notes);
    }

    #[test]
    fn a_torbay_question_12_alone_is_the_overall() {
        let rows: [&[&str]; 3] =
            [&["C1", "01/09/2026", "Meets good", "Y"], &["C2", "02/09/2026", "Does not meet good", "N"], &["C3", "03/09/2026", "Exceeds good", "Y"]];
        // (It tells the framework: its question 12 is the framework's overall domain.)
        let m = map(&["Child ID", "Audit date", "Q12 (auditor)", "Moderator agrees?"], &rows);
        assert_eq!(m.framework.as_deref(), Some("twelve_question"), "{:?}", m.notes);
        assert_eq!(target(&m, "Q12 (auditor)"), "domain:outcomes", "{:?}", m.notes);
        // A moderator's question 12 is not the audit's overall.
        let m = map(&["Child ID", "Audit date", "Q12 moderator's rating", "Moderator agrees?"], &rows);
        assert_ne!(target(&m, "Q12 moderator's rating"), "overall");
        assert_eq!(m.framework, None, "{:?}", m.notes);
        // Nor is a question 12 on another scale.
        let ofsted: [&[&str]; 3] = [&["C1", "01/09/2026", "Good", "Y"], &["C2", "02/09/2026", "Inadequate", "N"], &["C3", "03/09/2026", "Good", "Y"]];
        let m = map(&["Child ID", "Audit date", "Q12", "Moderator agrees?"], &ofsted);
        assert!(!m.notes.iter().any(|n| n.contains(TORBAY_Q12)), "{:?}", m.notes);
    }

    #[test]
    fn config_pins_win() {
        let config = Config::defaults();
        let cw = Crosswalk::new(&config);
        let mut pins = SourceSpec { file: "x".into(), ..Default::default() };
        pins.columns.insert("Ref".into(), "child_id".into());
        pins.columns.insert("Score A".into(), "domain:safety".into());
        let m = map_table(
            &config,
            &Recogniser::new(&config),
            &cw,
            Some(&pins),
            &[Cell::text("Ref"), Cell::text("Score A"), Cell::text("Overall")],
            &[vec![Cell::text("C1"), Cell::text("Good"), Cell::text("Good")]],
        );
        assert_eq!(m.kind, TableKind::Audits);
        assert_eq!(m.columns[0].reason, "config");
        assert_eq!(m.columns[1].target, Target::Domain(Some("safety".into())));
    }
}
