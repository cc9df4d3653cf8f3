//! One-audit-per-workbook forms (the Tier 2 toolkit layout): label cells with the
//! answer in the next filled cell to the right, section summary judgements, an
//! overall judgement, and an actions grid ("Action", "Who?", "Date to be completed by").

use super::columns::{ColumnMap, TableKind, Target, SPOKEN_TO};
use super::findings::{Findings, Severity};
use super::fold::{contains_phrase, fold};
use super::model::*;
use super::scales::answer;
use super::table::{derived_id, Context, TableReport};
use crate::ingest::{Cell, SourceRow};

/// The note on a table read as a form (one audit).
pub const READ_AS_FORM: &str = "read as a form: label cells beside answer cells, one audit";

/// The note on a form whose title says it records a moderation.
pub const MODERATION_RECORD: &str = "its title says it is a moderation record: a moderation of an audit, joined to that audit";

/// Whether the form's title (a text alone on one of its first rows) says it
/// records a moderation ("CASE FILE AUDIT: MODERATION RECORD", "MODERATION AUDIT").
/// (Not a title naming the audit and its moderation together: "Case File
/// Audit and Moderation Form" is the audit's form, moderated on it.)
fn titled_moderation(ctx: &Context, rows: &[SourceRow]) -> bool {
    rows.iter().take(5).filter_map(SourceRow::lone_text).any(|t| {
        let words = ctx.recogniser.words(&super::recognise::prepare(t));
        let folded: Vec<String> =
            t.to_lowercase().split(|c: char| !c.is_alphanumeric() && c != '&' && c != '+').filter(|w| !w.is_empty()).map(str::to_string).collect();
        let both = folded.windows(3).any(|w| w[0].starts_with("audit") && matches!(w[1].as_str(), "and" | "&" | "+") && w[2].starts_with("moderat"));
        // (Unless it names the moderator's part: "Audit and Moderation
        // Record - Moderator's Sheet".)
        let moderators = folded.iter().any(|w| w.starts_with("moderator"));
        t.len() <= 80 && words.iter().any(|w| w.starts_with("moderat")) && (!both || moderators)
    })
}

/// A mark put in a checklist's column ("x", "✓", "☒", "■", "*"), or TRUE / 1.
fn is_tick_mark(c: &Cell) -> bool {
    match c {
        Cell::Bool(b) => *b,
        Cell::Number(n) => *n == 1.0,
        Cell::Text(t) => {
            let m = super::scales::mark(t);
            // (☑ ✓ ✔ ☒ ■ and the rest of the ticked boxes: `BOX_ON`.)
            matches!(m, "x" | "X" | "*" | "\u{2022}" | "\u{25cf}" | "\u{1f5f8}")
                || (m.chars().count() == 1 && m.chars().all(|ch| crate::ingest::cell::BOX_ON.contains(&ch)))
        }
        _ => false,
    }
}

/// A checklist's answer columns: a row headed by two answers or more ("No. |
/// Question | Yes | No | N/A") over rows marked in one of them ("x", "✓").
/// The rows rewritten with each row's answer, its marked column's heading,
/// in the first answer column (the heading row's answers emptied), and the
/// spreadsheet rows marked in more than one; none when the form has no such
/// columns.
fn ticked_answers(rows: &[SourceRow]) -> Option<(Vec<SourceRow>, Vec<u32>)> {
    rows.iter().enumerate().find_map(|(h, row)| {
        // The run of answers that ends the row ("No." numbers the rows
        // before it; "Yes | No | Comments" is a form's own row).
        let mut cols: Vec<(usize, &String)> = row
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .rev()
            .map_while(|(i, c)| match c {
                Cell::Text(t) if t.trim().chars().count() <= 14 && matches!(answer(c), Some(a) if a != Answer::Blank) => Some((i, t)),
                _ => None,
            })
            .collect();
        cols.reverse();
        let first = cols.first()?.0;
        if cols.len() < 2 || row.cells.iter().take(first).all(Cell::is_empty) {
            return None;
        }
        let below: Vec<usize> = (h + 1..rows.len()).take_while(|&r| !rows[r].is_blank()).collect();
        let marks = |r: usize| cols.iter().filter(|(i, _)| rows[r].cells.get(*i).is_some_and(is_tick_mark)).map(|(_, t)| *t).collect::<Vec<_>>();
        let only_marks = below.iter().all(|&r| cols.iter().all(|(i, _)| rows[r].cells.get(*i).is_none_or(|c| c.is_empty() || is_tick_mark(c))));
        if !only_marks || below.iter().filter(|&&r| !marks(r).is_empty()).count() < 2 {
            return None;
        }
        let mut out = rows.to_vec();
        let mut twice = Vec::new();
        for (i, _) in &cols {
            out[h].cells[*i] = Cell::Empty;
        }
        for &r in &below {
            let marked = marks(r);
            for (i, _) in &cols {
                if let Some(c) = out[r].cells.get_mut(*i) {
                    *c = Cell::Empty;
                }
            }
            match marked[..] {
                [one] => {
                    if out[r].cells.len() <= first {
                        out[r].cells.resize(first + 1, Cell::Empty);
                    }
                    out[r].cells[first] = Cell::text(one);
                }
                [] => {}
                _ => twice.push(rows[r].row),
            }
        }
        Some((out, twice))
    })
}

/// A question's options listed down a column, one a row, with a mark beside
/// the one chosen (seed 004's Appendix 1: "12. How has the help provided
/// improved outcomes? | Exceeds good", then "Meets good | X", "Does not
/// meet good", "Not applicable."): three or more different grades (or "Not
/// applicable") one under another, alone on their rows but for the
/// question beside the first, a mark in the column after them and words of
/// commentary further right. The rows
/// rewritten so that the first option's cell holds the option marked (or
/// nothing, where none is; the question then has no answer), the others
/// emptied; and the spreadsheet rows of the lists marked more than once.
fn ticked_down(ctx: &Context, rows: &[SourceRow]) -> Option<(Vec<SourceRow>, Vec<u32>)> {
    let option =
        |c: &Cell| matches!(c, Cell::Text(t) if t.trim().chars().count() <= 40) && (ctx.crosswalk.is_label(c) || answer(c) == Some(Answer::NotApplicable));
    let mut out: Option<Vec<SourceRow>> = None;
    let mut twice = Vec::new();
    let mut r = 0;
    while r < rows.len() {
        let Some(col) = rows[r].cells.iter().position(option) else {
            r += 1;
            continue;
        };
        // (The mark's column: the next one; the question may stand before.)
        let mark = col + 1;
        // (And the question's commentary in a column after the mark, "Text
        // (please keep this evaluative and succinct)": words, no option or
        // mark; blind set 194's glenhallow.)
        let comment = |i: usize, c: &Cell| i > mark && matches!(c, Cell::Text(_)) && !option(c) && !is_tick_mark(c);
        let alone = |k: usize, first: bool| {
            rows[k].cells.iter().enumerate().all(|(i, c)| i == col || i == mark || c.is_empty() || (first && i < col) || comment(i, c))
                && rows[k].cells.get(col).is_some_and(option)
                && rows[k].cells.get(mark).is_none_or(|c| c.is_empty() || is_tick_mark(c))
        };
        if !alone(r, true) {
            r += 1;
            continue;
        }
        let end = (r + 1..rows.len()).take_while(|&k| alone(k, false)).last().map_or(r + 1, |k| k + 1);
        let folded: Vec<String> = (r..end).map(|k| fold(&rows[k].cells[col].as_string())).collect();
        let distinct = folded.iter().enumerate().all(|(i, a)| folded.iter().skip(i + 1).all(|b| a != b));
        if end - r < 3 || !distinct {
            r = end;
            continue;
        }
        let marked: Vec<usize> = (r..end).filter(|&k| rows[k].cells.get(mark).is_some_and(is_tick_mark)).collect();
        let o = out.get_or_insert_with(|| rows.to_vec());
        let chosen = match marked[..] {
            [one] => rows[one].cells[col].clone(),
            [] => Cell::Empty,
            _ => {
                twice.push(rows[r].row);
                Cell::Empty
            }
        };
        for listed in &mut o[r..end] {
            listed.cells[col] = Cell::Empty;
            if let Some(c) = listed.cells.get_mut(mark) {
                *c = Cell::Empty;
            }
        }
        o[r].cells[col] = chosen;
        r = end;
    }
    out.map(|o| (o, twice))
}

/// A form's grades in columns by who gave them ("Area | Auditor's grade |
/// Moderator's grade | Agree?"; "Section | Question | Auditor | Moderator |
/// Agreed"): the heading row, the rows under it to the first blank one, the
/// moderator's column and the agreement's.
struct GradeColumns {
    header: usize,
    end: usize,
    moderator: usize,
    agree: Option<usize>,
}

impl GradeColumns {
    fn find(ctx: &Context, rows: &[SourceRow]) -> Option<GradeColumns> {
        rows.iter().enumerate().find_map(|(h, row)| {
            let texts: Vec<(usize, &str)> =
                row.cells.iter().enumerate().filter_map(|(i, c)| if let Cell::Text(t) = c { Some((i, t.as_str())) } else { None }).collect();
            if texts.len() < 3 || texts.len() != row.cells.iter().filter(|c| !c.is_empty()).count() {
                return None;
            }
            let words = |t: &str| ctx.recogniser.words(&super::recognise::prepare(t));
            let moderator = texts.iter().skip(1).find(|(_, t)| {
                let w = words(t);
                w.len() <= 4
                    && w.iter().any(|w| w.starts_with("moderat"))
                    && !w.iter().any(|w| matches!(w.as_str(), "date" | "agree" | "agrees" | "agreed" | "comment" | "comments" | "name" | "role"))
            })?;
            let moderator = moderator.0;
            let agree =
                texts.iter().skip(1).find(|(i, t)| *i != moderator && form_field(ctx, t, false).as_deref() == Some("moderator_agrees")).map(|(i, _)| *i);
            let end = (h + 1..rows.len()).find(|&r| rows[r].is_blank()).unwrap_or(rows.len());
            // (A grade under the moderator's heading: a row of labels and names,
            // "Auditor | Ann Lee | Moderator | Dee Fox", has none.)
            (h + 1..end).any(|r| rows[r].cells.get(moderator).is_some_and(|c| ctx.crosswalk.is_label(c))).then_some(GradeColumns {
                header: h,
                end,
                moderator,
                agree,
            })
        })
    }

    fn holds(&self, r: usize) -> bool {
        r > self.header && r < self.end
    }
}

/// Placeholder text left by Word / Excel form controls: an unanswered field.
const PLACEHOLDERS: &[&str] = &[
    "click here to enter text",
    "click here to enter a date",
    "click or tap here to enter text",
    "click or tap to enter a date",
    "click or tap here to enter a date",
    "choose an item",
    "select an item",
    "select",
];

/// A template's instruction begins with one of these ("Please refer to
/// separate guidance …", "Describe the views of …"); an answer seldom does.
const INSTRUCTION_WORDS: &[&str] = &[
    "please",
    "refer",
    "enter",
    "state",
    "describe",
    "include",
    "give",
    "provide",
    "summarise",
    "summarize",
    "explain",
    "consider",
    "insert",
    "outline",
    "identify",
    "ensure",
    "record",
    "specify",
    "indicate",
    "detail",
    "list",
    "complete",
    "write",
    "add",
    // (A guidance line that asks: "Who did you speak to and how?")
    "who",
    "what",
    "how",
    "why",
    "when",
    "where",
];

fn is_placeholder(c: &Cell) -> bool {
    match c {
        Cell::Text(t) => placeholder_text(t) || options_list(t),
        _ => false,
    }
}

/// A template's instruction alone: every line asks to be referred
/// elsewhere ("Please refer to separate guidance document if this case is
/// selected for obtaining parents / carers views"), with no figure in it (no
/// date of a visit), so no one answered.
pub fn instruction_only(t: &str) -> bool {
    t.len() <= 400
        && !t.bytes().any(|b| b.is_ascii_digit())
        && t.lines().filter(|l| !l.trim().is_empty()).all(|l| {
            let f = crate::normalise::fold::fold(l);
            ["please refer", "refer to", "please see guidance", "see guidance", "please read", "please complete"].iter().any(|p| f.starts_with(p))
        })
        && t.lines().any(|l| !l.trim().is_empty())
}

/// The grades and answers of the seed frameworks' scales, as a template lists
/// them to choose from.
const OPTION_WORDS: &[&str] = &[
    "outstanding",
    "good",
    "requires improvement",
    "ri",
    "inadequate",
    "adequate",
    "exceeds good",
    "meets good",
    "does not meet good",
    "met",
    "partially met",
    "not met",
    "partially",
    "yes",
    "no",
    "n/a",
    "na",
    "not applicable",
];

/// A cell of a table left as its template wrote it: a form control's
/// placeholder ("Click here to enter a date."), a drop-down never chosen
/// ("Please Select", "--Please Select--"), a prompt of options ("Yes/No?",
/// "Yes/No/Not applicable? (Please delete those that do not apply)", "Yes /
/// No"), the list of grades to choose from ("Outstanding/Good/Requires
/// Improvement/Inadequate": every option one of [`OPTION_WORDS`]), a date's format
/// ("DD/MM/YYYY", "--/--/----") or an instruction in brackets ("(include date
/// seen)"). No answer: read as an empty cell. (Cheap for most texts: ruled
/// out by their length and characters.)
pub fn unfilled(t: &str) -> bool {
    let t = t.trim();
    if t.len() < 3 || t.len() > 600 {
        return false;
    }
    if placeholder_text(t) {
        return true;
    }
    // (Ruled out before any copy: such words begin with a bracket, a dash or
    // one of a few letters, or list options between slashes.)
    let first = t.as_bytes()[0].to_ascii_lowercase();
    if t.len() > 120 || (!t.contains('/') && !matches!(first, b'-' | b'<' | b'[' | b'*' | b'(' | b'.' | b'p' | b's' | b'c' | b'd')) {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    // A drop-down never chosen.
    let bare = lower.trim_matches(|c: char| matches!(c, '-' | ' ' | '<' | '>' | '[' | ']' | '*' | '.'));
    if matches!(
        bare,
        "please select" | "select" | "please choose" | "choose" | "select one" | "please select one" | "select from list" | "select from the list"
    ) {
        return true;
    }
    // A date's format, or its blanks.
    let squeezed: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if matches!(squeezed.as_str(), "dd/mm/yyyy" | "dd/mm/yy" | "dd-mm-yyyy" | "dd.mm.yyyy" | "mm/dd/yyyy" | "dd/mm")
        || (squeezed.matches('/').count() == 2 && squeezed.chars().all(|c| matches!(c, '-' | '_' | '/' | '.')))
    {
        return true;
    }
    // An instruction in brackets.
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let f = crate::normalise::fold::fold(inner);
        if f.split(' ').next().is_some_and(|w| INSTRUCTION_WORDS.contains(&w)) {
            return true;
        }
    }
    // Options to choose from, left as they came.
    if !t.contains('/') {
        return false;
    }
    let asks = t.trim_end().ends_with('?') || lower.contains("(please delete") || lower.contains("delete as appropriate");
    let head = t.split('(').next().unwrap_or(t).trim().trim_end_matches('?').trim();
    let options: Vec<String> = head.split('/').map(|o| o.trim().to_ascii_lowercase()).collect();
    if options.len() < 2 || options.iter().any(|o| o.is_empty() || o.len() > 30 || !o.chars().any(char::is_alphabetic)) {
        return false;
    }
    let yes_no = options.len() == 2 && matches!((options[0].as_str(), options[1].as_str()), ("yes", "no") | ("y", "n"));
    // (Every option a grade or an answer: "Child/YP spoken to?" asks a question, and lists none.)
    let listed = options.iter().all(|o| OPTION_WORDS.contains(&o.as_str()));
    listed && (yes_no || asks || options.len() >= 3)
}

/// A template's list of the answers to choose from, left as it came: three or
/// more short options between slashes ("Outstanding/Good/Requires
/// Improvement/Inadequate", "Yes/No/Partially? (Please delete those that do
/// not apply)"); each option has a letter (a date is not a list). No answer:
/// the auditor chose none of them.
fn options_list(t: &str) -> bool {
    let t = t.split('(').next().unwrap_or(t).trim().trim_end_matches('?');
    let options: Vec<&str> = t.split('/').map(str::trim).collect();
    t.len() <= 120 && options.len() >= 3 && options.iter().all(|o| o.len() <= 30 && o.chars().any(char::is_alphabetic) && !o.contains(':'))
}

/// Whether a text is a form control's placeholder ("Choose an item.", "Click
/// here to enter text."): no answer. (Cheap for other texts: most are ruled
/// out by their length or first letter.)
pub fn placeholder_text(t: &str) -> bool {
    // (Compared without folding: the placeholders are plain ASCII words, and
    // most cells are ruled out by their length.)
    let line = |t: &str| {
        let t = t.trim().trim_end_matches('.').trim_end();
        PLACEHOLDERS.iter().any(|p| p.len() == t.len() && p.eq_ignore_ascii_case(t))
    };
    if !t.contains('\n') {
        return (6..=40).contains(&t.len()) && line(t);
    }
    // A cell holding the template's guidance and, on a line of its own, the
    // control's placeholder ("Please refer to separate guidance …" / "Click
    // here to enter text."): the control was never filled in; the rest is
    // the template's. Words typed beside a control left in place ("Spoke to
    // mother at home on 04/09" / "Click here to enter text.") are an answer:
    // every other line must read as an instruction (an instruction's first
    // word, no figures).
    t.len() <= 600 && t.lines().any(line) && {
        let instruction = |l: &str| {
            let f = crate::normalise::fold::fold(l);
            f.split(' ').next().is_some_and(|w| INSTRUCTION_WORDS.contains(&w)) && !f.bytes().any(|b| b.is_ascii_digit())
        };
        // (A line that starts in lower case goes on from the one before: an
        // instruction wrapped onto a second line, "… if this case is" /
        // "selected for obtaining parents / carers views".)
        let wrapped = |l: &str| l.trim_start().starts_with(|c: char| c.is_lowercase());
        let mut previous_instruction = false;
        t.lines().filter(|l| !line(l) && !l.trim().is_empty()).all(|l| {
            let ok = if wrapped(l) { previous_instruction && !l.bytes().any(|b| b.is_ascii_digit()) } else { instruction(l) };
            previous_instruction = ok;
            ok
        })
    }
}

/// The audit field a form label names, by the same recognition as table headers
/// (synonyms, concepts), ignoring a trailing colon. Inside a moderation block,
/// a grade or date label is the moderator's.
fn form_field(ctx: &Context, label: &str, moderation: bool) -> Option<String> {
    form_field_scored(ctx, label, moderation).map(|(f, _)| f)
}

/// [`form_field`] with how well the label matched (100: word for word).
fn form_field_scored(ctx: &Context, label: &str, moderation: bool) -> Option<(String, usize)> {
    // A form's labels repeat within it and across forms: each is recognised once per run.
    let known = ctx.form_labels.borrow().get(label).cloned();
    let (field, score) = match known {
        Some(field) => field,
        None => {
            let field = label_field(ctx, label);
            ctx.form_labels.borrow_mut().insert(label.to_string(), field.clone());
            field
        }
    }?;
    // (The auditor's grade restated in the moderation block is the auditor's.)
    let words_of = || ctx.recogniser.header_words(label);
    let auditors = || words_of().iter().any(|w| w.starts_with("auditor"));
    let original_audit = || {
        let words = words_of();
        words.iter().any(|w| w.starts_with("audit")) && !words.iter().any(|w| w.starts_with("moderat"))
    };
    let field = match field.as_str() {
        "overall" if moderation && !auditors() => "moderated_overall".to_string(),
        // ("Date of the original audit" on a moderation form is the audit's.)
        "completed_date" if moderation && !original_audit() => "moderation_date".to_string(),
        _ => field,
    };
    Some((field, score))
}

/// The audit field a label names, outside a moderation block, and its score.
fn label_field(ctx: &Context, label: &str) -> Option<(String, usize)> {
    let prepared = super::recognise::prepare(label);
    if prepared.is_empty() || prepared.split(' ').count() > 14 {
        return None;
    }
    if let Some(field) = seen_if_selected(label) {
        return Some((field.to_string(), 100));
    }
    let words = ctx.recogniser.header_words(label);
    let m = ctx.recogniser.audit.match_words(&words, &[], None).ok().flatten()?;
    // A sentence on the form (guidance, a note, a comment: "Plan needs SMART
    // targets.") is no label unless it is one word for word.
    let sentence = label.trim_end().ends_with('.') && words.len() >= 4;
    if (words.len() > 8 || sentence) && m.score < 100 {
        return None;
    }
    match m.field.as_str() {
        // Free-text fields of a form are read from its comment boxes, not its labels.
        "evidence" | "framework" => None,
        // ("Case selected for parent / carer views?": whether to seek them,
        // not whether they were spoken to; review 245's c49.)
        f if f.starts_with("spoke_") && asks_if_selected(label) => None,
        f => Some((f.to_string(), m.score)),
    }
}

/// The spoken-to field of a question whether someone was seen, of the cases
/// chosen for it ("Parents seen (selected cases only)", "Child seen - if
/// selected for consultation"): the auditor's meeting, as the selection says
/// (review 248's c19, c22). Not "Child seen alone", a visit's question, nor
/// one naming both or neither.
pub(crate) fn seen_if_selected(header: &str) -> Option<&'static str> {
    let f = fold(header);
    let words: Vec<&str> = f.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    if words.len() > 10 || !has("seen") || !words.iter().any(|w| matches!(*w, "selected" | "chosen" | "sampled")) || has("alone") || has("not") {
        return None;
    }
    let child = super::table::names_role("spoke_child", &f);
    let family = super::table::names_role("spoke_family", &f);
    match (child, family) {
        (true, false) => Some("spoke_child"),
        (false, true) => Some("spoke_family"),
        _ => None,
    }
}

/// Whether a question asks if the case was chosen (to seek views, for a
/// sample): "Case selected for parent / carer views?", "Chosen for family
/// feedback?". Not one that asks whether they were spoken to, of the cases
/// chosen ("Child spoken to (if selected for consultation)", "If the case was
/// selected for parent / carer views, were they spoken to?": review 247's
/// c43, c56, c57).
pub(crate) fn asks_if_selected(header: &str) -> bool {
    let f = fold(header);
    let words = || f.split(' ');
    words().any(|w| matches!(w, "selected" | "chosen"))
        && !words().any(|w| {
            matches!(w, "spoken" | "spoke" | "speak" | "seen" | "met" | "talked" | "obtained" | "sought" | "gathered" | "captured" | "consulted" | "contacted")
        })
}

/// The field of a label that names two equally ("Moderated": whether, or
/// the date, "moderated on"), as its answer fits one of them ("No": whether).
fn tie_by_answer(ctx: &Context, label: &str, value: Option<&Cell>) -> Option<String> {
    let value = value?;
    let words = ctx.recogniser.header_words(label);
    let Err(tied) = ctx.recogniser.audit.match_words(&words, &[], None) else { return None };
    // (The one answer as a column of it: a profile of fewer than three
    // values tells nothing.)
    let profile = super::recognise::ValueProfile::of(&[value, value, value], ctx.crosswalk);
    match ctx.recogniser.audit.match_words(&words, &[], Some(&profile)) {
        // (Word for word a name of each: "To be completed by auditor" is a
        // heading, whatever is beside it.)
        Ok(Some(m)) if tied.contains(&m.field) && m.score == 100 => Some(m.field),
        _ => None,
    }
}

/// A heading that opens the moderation block ("MODERATION AUDIT:", "Moderation").
fn is_moderation_heading(ctx: &Context, label: &str) -> bool {
    let words = ctx.recogniser.words(&super::recognise::prepare(label));
    words.len() <= 3 && words.iter().any(|w| w.starts_with("moderat")) && !words.iter().any(|w| matches!(w.as_str(), "date" | "grade" | "agree" | "role"))
}

/// The first filled, non-placeholder cell right of `col` in the row, or the
/// first one directly below it.
fn answer_for<'r>(ctx: &Context, rows: &'r [SourceRow], r: usize, col: usize) -> Option<(&'r Cell, u32)> {
    let (at, c) = answer_position(ctx, rows, r, col)?;
    let cell = &rows[at].cells[c];
    (!is_placeholder(cell)).then_some((cell, rows[at].row))
}

/// A question's number ("1.", "2)", "Q3", 4): on a row with the question's
/// text, it is no answer to the label above it.
fn is_numbering(c: &Cell) -> bool {
    match c {
        Cell::Number(n) => n.fract() == 0.0 && (0.0..100.0).contains(n),
        Cell::Text(t) => {
            let t = t.trim().trim_end_matches(['.', ')', ':']);
            let t = t.strip_prefix(['Q', 'q']).unwrap_or(t);
            !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// The kinds of answer a form's label asks for, where the cell beside a
/// label that already holds a value may be its answer instead.
#[derive(Debug, Clone, Copy, PartialEq)]
enum AnswerKind {
    Grade,
    Date,
    YesNo,
}

/// The kind of answer a field is ([`AnswerKind`]); none for a name or a text.
fn field_kind(field: &str) -> Option<AnswerKind> {
    match field {
        "overall" | "moderated_overall" => Some(AnswerKind::Grade),
        "completed_date" | "allocated_date" | "due_date" | "moderation_date" => Some(AnswerKind::Date),
        "spoke_child" | "spoke_family" | "spoke_practitioner" | "moderated" | "moderator_agrees" | "escalated" => Some(AnswerKind::YesNo),
        _ => None,
    }
}

/// The kind of answer a cell holds, if it is one ([`AnswerKind`]).
fn value_kind(ctx: &Context, c: &Cell) -> Option<AnswerKind> {
    if c.as_date().is_some() {
        Some(AnswerKind::Date)
    } else if matches!(answer(c), Some(Answer::Yes | Answer::No)) {
        Some(AnswerKind::YesNo)
    } else if ctx.crosswalk.is_label(c) {
        Some(AnswerKind::Grade)
    } else {
        None
    }
}

/// A text that ends as a label does (':' or '?').
fn ends_like_label(c: &Cell) -> bool {
    matches!(c, Cell::Text(t) if t.trim_end().ends_with([':', '?']))
}

/// Where [`answer_for`] finds a label's answer: (row index, column). Below a
/// label left blank is its answer, unless it is the next label ("Child
/// spoken to?", "Team:", "Auditors' Grade: Outstanding/Good/…"), or the
/// answer of a label on its own row (a column's heading over the questions'
/// answers: "Auditor's evaluation of …" above "1. | Is the child safe? | Yes").
fn answer_position(ctx: &Context, rows: &[SourceRow], r: usize, col: usize) -> Option<(usize, usize)> {
    // (A label to the right, "Do you agree? | If not, why not?" over the
    // answers' row, leaves the answer below.)
    match rows[r].cells.iter().enumerate().skip(col + 1).find(|(_, c)| !c.is_empty()).filter(|(_, c)| !ends_like_label(c)) {
        Some((i, _)) => Some((r, i)),
        None => {
            let below = rows
                .get(r + 1)
                .filter(|next| !next.cells.iter().enumerate().any(|(i, c)| i != col && is_label_like(ctx, c)))
                .filter(|next| {
                    !next.cells.get(col).is_some_and(is_numbering)
                        || !next.cells.iter().enumerate().any(|(i, c)| i != col && matches!(c, Cell::Text(t) if t.len() >= 20))
                })
                // (Nor the next label, with its own grade or date beside it:
                // "Parents / carers views:" left blank above "JUDGEMENT OF
                // CASE FILE IN THE LAST 3 MONTHS | Outstanding", blind set
                // 157's brackenford.)
                .filter(|next| {
                    !matches!(next.cells.get(col), Some(Cell::Text(_)))
                        || !next.cells.iter().skip(col + 1).find(|c| !c.is_empty()).is_some_and(|c| ctx.crosswalk.is_label(c) || c.as_date().is_some())
                })
                .and_then(|next| next.cells.get(col))
                // (A grade is an answer, whatever words it shares with a label:
                // "Requires Improvement with elements of good practice".)
                .filter(|c| !c.is_empty() && (!is_label_like(ctx, c) || ctx.crosswalk.is_label(c)))
                .map(|_| (r + 1, col));
            // A grade alone on its row after a blank row ("OVERALL JUDGEMENT OF
            // THE CASE FILE:", a blank row, "Good"): the label's answer.
            below.or_else(|| {
                let blank_between = rows.get(r + 1).is_some_and(SourceRow::is_blank);
                let grade = rows.get(r + 2).filter(|next| next.cells.iter().enumerate().all(|(i, c)| i == col || c.is_empty()));
                (blank_between && grade.and_then(|g| g.cells.get(col)).is_some_and(|c| ctx.crosswalk.is_label(c))).then_some((r + 2, col))
            })
        }
    }
}

/// A sheet is a form when it has a child-id label with an answer beside it and at
/// least one judgement label.
pub fn looks_like_form(ctx: &Context, rows: &[SourceRow]) -> bool {
    if table_with_colon_headings(ctx, rows) || report_table(rows) {
        return false;
    }
    let mut child = false;
    let mut judged = false;
    // A form with no grade (seed 002's Quality Audit): a completion date
    // filled in beside its label, and an auditor.
    let (mut dated, mut auditor) = (false, false);
    // (Or a form handed out and not yet done: its allocation or due date
    // filled in beside its label, and its auditor; blind set 198's
    // marrowfield, a CareFirst form "Part A in progress".)
    let mut planned = false;
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if let Cell::Text(t) = cell {
                let label = t.split_once(':').map(|(l, _)| l).filter(|l| form_field(ctx, l, false).is_some()).unwrap_or(t);
                match form_field(ctx, label, false).as_deref() {
                    Some("child_id") => child |= answer_for(ctx, rows, r, c).is_some_and(|(v, _)| !is_label_like(ctx, v)) || label.len() < t.len(),
                    Some("overall") => judged = true,
                    Some("completed_date") => dated |= answer_for(ctx, rows, r, c).is_some_and(|(v, _)| v.as_date().is_some()),
                    Some("due_date" | "allocated_date") => planned |= answer_for(ctx, rows, r, c).is_some_and(|(v, _)| v.as_date().is_some()),
                    Some("auditor") => auditor = true,
                    _ if judged => {}
                    _ => judged = summary_domain(ctx, t).is_some() || question_with_grade(ctx, rows, r, c, t).is_some(),
                }
                if child && (judged || ((dated || planned) && auditor)) {
                    return true;
                }
            }
        }
    }
    false
}

/// A form with nothing filled in: the template kept beside the filled forms
/// ("Full audit tool - blank template.xlsx"; blind set 195's fellsby). It has
/// a child-id label with no answer, judgement labels (an overall label, or
/// questions with their printed options beside them), and no date anywhere.
pub fn blank_form(ctx: &Context, rows: &[SourceRow]) -> bool {
    if table_with_colon_headings(ctx, rows) || report_table(rows) {
        return false;
    }
    let (mut child, mut judged) = (false, false);
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if cell.as_date().is_some() {
                return false;
            }
            let Cell::Text(t) = cell else { continue };
            let label = t.split_once(':').map(|(l, _)| l).filter(|l| form_field(ctx, l, false).is_some()).unwrap_or(t);
            match form_field(ctx, label, false).as_deref() {
                Some("child_id") => {
                    if label.len() < t.len() && !t[label.len() + 1..].trim().is_empty()
                        || answer_for(ctx, rows, r, c).is_some_and(|(v, _)| !is_label_like(ctx, v))
                    {
                        return false;
                    }
                    child = true;
                }
                Some("overall") => judged = true,
                _ if judged => {}
                _ => judged = summary_domain(ctx, t).is_some() || question_with_grade(ctx, rows, r, c, t).is_some(),
            }
        }
    }
    child && judged
}

/// A report's table under its title lines: six or more headings in a row
/// ("Client ID | Observation ID | … | Part B completed") under at most a few
/// lines of one cell, and below them only rows of values (three or more,
/// none a label ending in a colon) and at most two lines of one cell
/// ("Total rows: 0", "End of report"): a month with one audit or none to
/// report. Not a form laid out across the page, whose labels have their
/// answers beside or below them.
fn report_table(rows: &[SourceRow]) -> bool {
    let texts = |r: &SourceRow| r.cells.iter().filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty())).count();
    let Some(h) = rows.iter().position(|r| texts(r) >= 6 && texts(r) == r.filled().len()) else { return false };
    let line = |r: &&SourceRow| r.filled().len() <= 1;
    let record = |r: &&SourceRow| r.filled().len() >= 3 && !r.cells.iter().any(|c| matches!(c, Cell::Text(t) if t.trim_end().ends_with(':')));
    let (above, below): (Vec<&SourceRow>, Vec<&SourceRow>) = (rows[..h].iter().collect(), rows[h + 1..].iter().filter(|r| !r.is_blank()).collect());
    above.len() <= 6 && above.iter().all(line) && below.iter().filter(|r| line(r)).count() <= 2 && below.iter().all(|r| line(r) || record(r))
}

/// A table whose headings end in colons ("Date of the Audit:", "Child's
/// ID.:"): its first row is three or more such headings and nothing else, and
/// every row below holds only values, under those headings. However few its
/// rows, it is a table, not a form laid out across the page.
fn table_with_colon_headings(ctx: &Context, rows: &[SourceRow]) -> bool {
    let mut filled = rows.iter().filter(|r| !r.is_blank());
    let Some(head) = filled.next() else { return false };
    let headings: Vec<usize> = head.cells.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(i, _)| i).collect();
    let all_labels = headings.len() >= 3 && headings.iter().all(|&i| ends_like_label(&head.cells[i]));
    let mut body = filled.peekable();
    all_labels
        && body.peek().is_some()
        && body.all(|r| r.cells.iter().enumerate().all(|(i, c)| c.is_empty() || (headings.contains(&i) && !is_label_like(ctx, c))))
}

/// Whether an "answer" is itself another form label (the cell right of a label
/// in a table's header row is the next heading, not a value): a text ending
/// like a label (':' or '?'), a form label, or one before a colon.
fn is_label_like(ctx: &Context, v: &Cell) -> bool {
    ends_like_label(v)
        || matches!(v, Cell::Text(t) if form_field(ctx, t, false).is_some()
        || t.split_once(':').is_some_and(|(l, _)| form_field(ctx, l, false).is_some()))
}

/// A label that is a framework question (by its text) with a grade label beside it.
fn question_with_grade<'r>(ctx: &Context, rows: &'r [SourceRow], r: usize, c: usize, label: &str) -> Option<(String, (&'r Cell, u32))> {
    // The grade beside it first: cheaper than matching the label against every question.
    let answer = answer_for(ctx, rows, r, c).filter(|(v, _)| ctx.crosswalk.is_label(v))?;
    let (_, rest) = super::fold::split_numbering(&fold(label));
    let domain = super::columns::question_domain(&ctx.recogniser, &rest)?;
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
    report.framework =
        super::columns::detect_framework(ctx.config, &ctx.recogniser, ctx.config.source_for(file, sheet), &labels, &[]).or(Some("tier2_form".into()));
    report.notes.push(READ_AS_FORM.into());
    if titled_moderation(ctx, rows) {
        report.notes.push(MODERATION_RECORD.into());
    }
    let ticked = ticked_answers(rows);
    if let Some((_, twice)) = &ticked {
        report.notes.push("answers ticked in columns (\"Yes | No | N/A\"): each row's answer is its ticked column's heading".into());
        for at in twice {
            findings.push(Severity::Warning, "ticked_twice", file, sheet, Some(*at), None, "", "ticked in more than one answer column: no answer read");
        }
    }
    let rows: &[SourceRow] = ticked.as_ref().map_or(rows, |(r, _)| r.as_slice());
    let down = ticked_down(ctx, rows);
    if let Some((_, twice)) = &down {
        report.notes.push("each question's options listed down a column with a mark beside one: its answer is the option marked".into());
        for at in twice {
            findings.push(Severity::Warning, "ticked_twice", file, sheet, Some(*at), None, "", "more than one of a question's options marked: no answer read");
        }
    }
    let rows: &[SourceRow] = down.as_ref().map_or(rows, |(r, _)| r.as_slice());
    let graded = GradeColumns::find(ctx, rows);
    let mut audit = Audit { framework: report.framework.clone().unwrap_or_default(), ..Default::default() };
    audit.origin = Origin { file: file.to_string(), sheet: sheet.map(str::to_string), row: 1 };
    // The actions grid: its header row, and its rows down to the first empty one.
    let action_header: Option<(usize, Vec<(usize, String)>)> =
        rows.iter().position(|row| row.cells.iter().any(|c| matches!(c, Cell::Text(t) if is_action_header(t)))).map(|r| (r, action_columns(ctx, &rows[r])));
    let grid_end = action_header.as_ref().map(|(hr, cols)| grid_end(rows, *hr, cols));
    let in_grid = |r: usize| action_header.as_ref().is_some_and(|(hr, _)| r >= *hr && Some(r) < grid_end);
    let numeric = ctx.config.settings.numeric_direction;
    let mut moderation = false;
    let mut answers: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    let mut completed_score: Option<(usize, usize)> = None;
    // How well the label read for each of the form's one-value fields was named.
    let mut named_best: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Whether the moderation is known only from a moderator's name.
    let mut named_only = false;
    // Whether the child, the family and the practitioner have a yes / no answer.
    let mut answered = [false; 3];
    // How well the label read for each of them names it.
    let mut spoke_score: [Option<usize>; 3] = [None; 3];
    for (r, row) in rows.iter().enumerate() {
        // (The grades' heading row is no labels: "Auditor" there heads a column.)
        if in_grid(r) || graded.as_ref().is_some_and(|g| g.header == r) {
            continue;
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let Cell::Text(t) = cell else { continue };
            // An answer already taken for a label is not itself a label.
            if answers.contains(&(r, c)) {
                continue;
            }
            // (Nor a moderator's grade or agreement under its heading.)
            if graded.as_ref().is_some_and(|g| g.holds(r) && (c == g.moderator || Some(c) == g.agree)) {
                continue;
            }
            // A heading stands alone on its row ("MODERATION AUDIT:"); with an
            // answer beside it, "Moderator" is the moderator's name's label.
            if is_moderation_heading(ctx, t) && row.cells.iter().skip(c + 1).all(Cell::is_empty) {
                moderation = true;
                continue;
            }
            // "Auditors' Grade: Good" in one cell: the label and its answer
            // together. After the colon the template's list of options
            // ("Auditors' Grade: Outstanding/Good/…") is no answer: the label's
            // answer is beside it.
            let split = t.split_once(':').filter(|(l, _)| form_field(ctx, l, moderation).is_some());
            // (Nor the template's instruction after the label, "Parents / carers
            // views:" over "Please refer to separate guidance document …": the
            // answer is beside it.)
            let inline = split
                .filter(|(_, v)| !v.trim().is_empty() && !is_placeholder(&Cell::text(v)) && !instruction_only(v.trim()))
                .map(|(l, v)| (l.to_string(), Cell::text(v)));
            // (Nor the template's own example kept in the label's cell, with
            // the answer's cell beside it on the row: seed 001's "OVERALL
            // JUDGEMENT OF THE CASE FILE: REQUIRES IMPROVEMENT" beside
            // "Good", or beside "Choose an item." left as it was. The cell
            // beside is the answer's when it is left as the template wrote
            // it, or holds a value of the label's own kind: a grade for a
            // grade, a date for a date, yes or no for a question; a comment
            // or a name beside it is no answer, and the label's stands.)
            // (Or below it, where the template puts each answer under its
            // label: seed 001's "JUDGEMENT OF CASE FILE IN THE LAST 3 MONTHS
            // | OVERALL JUDGEMENT OF THE CASE FILE: REQUIRES IMPROVEMENT"
            // over "Requires Improvement | Good"; blind set 188.)
            let answer_cell = inline
                .as_ref()
                .and_then(|_| answer_position(ctx, rows, r, c))
                .filter(|(at, i)| *at == r || (*at == r + 1 && *i == c))
                .and_then(|(at, i)| rows[at].cells.get(i));
            let stands = |(l, v): &(String, Cell)| {
                let Some(beside) = answer_cell else { return true };
                let own = form_field(ctx, l, moderation).and_then(|f| field_kind(&f));
                !(is_placeholder(beside) || (own.is_some() && own == value_kind(ctx, beside) && own == value_kind(ctx, v)))
            };
            if let (Some((l, v)), Some(beside)) = (inline.as_ref().filter(|x| !stands(x)), answer_cell) {
                let read =
                    if is_placeholder(beside) { "as the template left it: no answer".to_string() } else { format!("'{}': it is read", beside.as_string()) };
                let why = format!(
                    "the label's own cell holds '{}' after its colon, taken for the template's example: the answer's cell beside it is {read}",
                    v.as_string().trim()
                );
                findings.push(Severity::Info, "label_example", file, sheet, Some(row.row), Some(l.trim()), v.as_string().trim(), why);
            }
            let inline = inline.filter(stands);
            let t = &split.filter(|(_, v)| !v.trim().is_empty()).map_or_else(|| t.clone(), |(l, _)| l.to_string());
            let domain_label = summary_domain(ctx, t).is_some() || question_with_grade(ctx, rows, r, c, t).is_some();
            let field = form_field(ctx, t, moderation).or_else(|| tie_by_answer(ctx, t, answer_for(ctx, rows, r, c).map(|(v, _)| v)));
            if let Some(field) = field.filter(|_| !domain_label) {
                // The form has this field (answered or not): what coverage reads.
                if !report.columns.iter().any(|m| m.target == Target::Field(field.clone())) {
                    report.columns.push(ColumnMap {
                        index: c,
                        header: t.clone(),
                        target: Target::Field(field.clone()),
                        reason: "form label".into(),
                        scale: None,
                        score: 100,
                    });
                }
                // Several labels of one spoken-to question ("Case selected for
                // parent / carer views?" over "Parent / carer views obtained?"):
                // as in a table, the label named best decides, answered or not
                // (of equals, each is read as before).
                if let Some(i) = SPOKEN_TO.iter().position(|f| *f == field) {
                    let score = form_field_scored(ctx, t, moderation).map_or(0, |(_, s)| s);
                    match spoke_score[i] {
                        Some(best) if score < best => continue,
                        Some(best) if score > best => {
                            *audit.spoken_mut(&field) = Answer::Blank;
                            answered[i] = false;
                            spoke_score[i] = Some(score);
                        }
                        Some(_) => {}
                        None => spoke_score[i] = Some(score),
                    }
                }
                // Several completion dates (seed 002's "Date Part A completed"
                // and "Date Part B completed"): the label named most exactly
                // decides, filled or not (the first of equals).
                // Who, which team, which service: a later label that names
                // the field less well does not replace one that named it
                // better ("Team meeting notes | Discussed at team meeting"
                // below "Name of Team: | Team A"; review 252's c63).
                if matches!(field.as_str(), "team" | "auditor" | "service" | "case_type" | "legal_status") {
                    let score = form_field_scored(ctx, t, moderation).map_or(0, |(_, s)| s);
                    match named_best.get(&field) {
                        Some(&best) if score < best => continue,
                        _ => {
                            named_best.insert(field.clone(), score);
                        }
                    }
                }
                if field == "completed_date" {
                    // (Of equals, the more words: "Date of the Audit" over a bare "Date:".)
                    let score = (form_field_scored(ctx, t, moderation).map_or(0, |(_, s)| s), ctx.recogniser.header_words(t).len());
                    if completed_score.is_some_and(|best| score <= best) {
                        continue;
                    }
                    completed_score = Some(score);
                    audit.completed = None;
                }
                let beside = answer_for(ctx, rows, r, c);
                if inline.is_none() {
                    if let Some(pos) = answer_position(ctx, rows, r, c) {
                        answers.insert(pos);
                    }
                }
                let Some((value, at)) = inline.as_ref().map(|(_, v)| (v, row.row)).or(beside) else { continue };
                let bad_date = |findings: &mut Findings| {
                    findings.push(Severity::Warning, "bad_date", file, sheet, Some(at), Some(t), value.as_string(), "not a date: left blank");
                };
                let date = |findings: &mut Findings| match value.as_date() {
                    Some(d) => Some(d),
                    None => {
                        bad_date(findings);
                        None
                    }
                };
                match field.as_str() {
                    "child_id" => audit.child_id = value.as_string(),
                    "service" => audit.service = Some(value.as_string()),
                    "due_date" => audit.due = date(findings).or(audit.due),
                    "moderation_date" => {
                        audit.moderation_date = date(findings).or(audit.moderation_date);
                        audit.moderated = Some(true);
                    }
                    "moderated" => match answer(value) {
                        Some(Answer::Yes) => audit.moderated = Some(true),
                        Some(Answer::No) => audit.moderated = Some(false),
                        // A moderator's name or a date says it was moderated
                        // (a sentence under a heading is no answer).
                        _ if value.as_string().chars().count() <= 80 => {
                            audit.moderated = Some(true);
                            named_only = true;
                        }
                        _ => {}
                    },
                    "moderator_agrees" => audit.moderator_agrees = answer(value).and_then(|a| a.as_bool()).or(audit.moderator_agrees),
                    "moderated_overall" => {
                        audit.moderated_overall = judge(ctx, value, numeric, file, sheet, at, t, findings);
                        audit.moderated = Some(true);
                    }
                    "escalated" => audit.escalated = answer(value).and_then(|a| a.as_bool()),
                    "audit_id" => audit.id = value.as_string(),
                    "auditor" => audit.auditor = Some(value.as_string()),
                    "team" => audit.team = Some(value.as_string()),
                    "case_type" => audit.case_type = Some(value.as_string()),
                    "legal_status" => audit.legal_status = Some(value.as_string()),
                    "good_practice" => audit.good_practice = value.as_string(),
                    "completed_date" if audit.completed.is_none() => audit.completed = date(findings),
                    "allocated_date" => audit.allocated = date(findings).or(audit.allocated),
                    "audit_month" => audit.allocated_month = super::table::month_cell(value).or(audit.allocated_month),
                    "overall" => audit.overall = judge(ctx, value, numeric, file, sheet, at, t, findings),
                    // On a form, a written record of what was said means it was said.
                    f if SPOKEN_TO.contains(&f) => {
                        let i = SPOKEN_TO.iter().position(|s| *s == f).unwrap_or(0);
                        spoken(audit.spoken_mut(f), &mut answered[i], value)
                    }
                    // A reason in the "not spoken to, please state why" box, when the record box is blank.
                    "spoke_child_not" if audit.spoke_child == Answer::Blank => audit.spoke_child = super::table::not_spoken_because(value),
                    "spoke_family_not" if audit.spoke_family == Answer::Blank => audit.spoke_family = super::table::not_spoken_because(value),
                    "spoke_practitioner_not" if audit.spoke_practitioner == Answer::Blank => {
                        audit.spoke_practitioner = super::table::not_spoken_because(value);
                    }
                    _ => {}
                }
            } else if let Some(domain) = summary_domain(ctx, t) {
                let judgement = answer_for(ctx, rows, r, c).and_then(|(v, at)| judge(ctx, v, numeric, file, sheet, at, t, findings));
                audit.domains.push(DomainJudgement { domain: Some(domain), question: t.clone(), judgement });
            } else if let Some((domain, (value, at))) = question_with_grade(ctx, rows, r, c, t) {
                // A framework question with a grade beside it ("1. Are children safe? …" → "Yes").
                let judgement = judge(ctx, value, numeric, file, sheet, at, t, findings);
                audit.domains.push(DomainJudgement { domain: Some(domain), question: t.clone(), judgement });
            }
        }
    }
    // Grades in columns by auditor and moderator: the overall's row gives
    // the moderation's grade and whether the moderator agreed.
    if let Some(g) = &graded {
        let overall_row = (g.header + 1..g.end)
            .find(|&r| rows[r].cells.iter().take(g.moderator).any(|c| matches!(c, Cell::Text(t) if form_field(ctx, t, false).as_deref() == Some("overall"))));
        if let Some(r) = overall_row {
            let at = rows[r].row;
            let heading = |i: usize| rows[g.header].cells.get(i).map(Cell::as_string).unwrap_or_default();
            let mut column = |i: usize, field: &str| {
                report.columns.retain(|m| m.target != Target::Field(field.into()));
                report.columns.push(ColumnMap {
                    index: i,
                    header: heading(i),
                    target: Target::Field(field.into()),
                    reason: "form's grades by auditor and moderator".into(),
                    scale: None,
                    score: 100,
                });
            };
            column(g.moderator, "moderated_overall");
            // (Not "N/A" or "Not yet moderated": no moderation yet.)
            let given = |c: &&Cell| !c.is_empty() && !is_placeholder(c) && !matches!(answer(c), Some(Answer::NotApplicable | Answer::Blank | Answer::No));
            if let Some(v) = rows[r].cells.get(g.moderator).filter(given) {
                audit.moderated_overall = judge(ctx, v, numeric, file, sheet, at, &heading(g.moderator), findings);
                if audit.moderated_overall.is_some() {
                    audit.moderated = Some(true);
                }
            }
            if let Some(a) = g.agree {
                column(a, "moderator_agrees");
                if let Some(v) = rows[r].cells.get(a).filter(|c| !c.is_empty() && !is_placeholder(c)) {
                    audit.moderator_agrees = answer(v).and_then(|x| x.as_bool());
                    audit.moderated = audit.moderated.or(audit.moderator_agrees.map(|_| true));
                }
            }
            report.notes.push("grades in columns by auditor and moderator: the overall's row gives the moderation's grade and agreement".into());
        }
    }
    // A moderator named on a form that asks for the moderation's date or
    // grade, both left blank: the moderation is still to come (pending).
    let asks = report.columns.iter().any(|m| matches!(&m.target, Target::Field(f) if f == "moderation_date" || f == "moderated_overall"));
    if named_only && asks && audit.moderation_date.is_none() && audit.moderated_overall.is_none() && audit.moderator_agrees.is_none() {
        audit.moderated = None;
        report.notes.push("a moderator is named, but the moderation's date and grade are blank: not moderated yet".into());
    }
    // No overall label: the framework's overall question is the overall (a
    // Torbay audit's Q12), when the form answers it once.
    let overall_domain = ctx.config.framework(&audit.framework).and_then(|f| f.overall_domain.clone());
    if let (None, Some(domain)) = (&audit.overall, overall_domain) {
        let graded: Vec<&DomainJudgement> = audit.domains.iter().filter(|d| d.domain.as_deref() == Some(domain.as_str())).collect();
        if let [one] = graded.as_slice() {
            let question = one.question.lines().next().unwrap_or_default().trim().to_string();
            audit.overall = one.judgement.clone();
            audit.overall_source = Some(format!("domain:{domain}"));
            report.notes.push(format!("no overall label: the framework's overall question ('{question}') gives the overall"));
            report.columns.push(ColumnMap {
                index: 0,
                header: question,
                target: Target::Field("overall".into()),
                reason: "the framework's overall question".into(),
                scale: None,
                score: 100,
            });
        }
    }
    if audit.team.is_none() && audit.service.is_some() {
        audit.team = audit.service.clone();
        report.notes.push("no team label: the service gives the team".into());
    }
    report.rows_read = 1;
    if audit.child_id.is_empty() {
        report.reject("no child id");
        findings.push(Severity::Warning, "row_rejected", file, sheet, None, Some("Case ID"), "", "form has no child id filled in: not used");
        return;
    }
    // A form filled in to try the template ("Child's ID: TEST", "Name of
    // Auditor: Test Auditor", "Name of Team: Test"): a test's, with its
    // actions grid (a table's row is so by its team too; blind set 152's
    // hollinsford, a workbook of one form per tab, counted its TEST tab).
    let test = [Some(&audit.child_id), audit.auditor.as_ref()]
        .into_iter()
        .flatten()
        .find(|v| super::table::says_test(v))
        .or_else(|| audit.team.as_ref().filter(|t| super::table::team_says_test(t)))
        .cloned();
    if let Some(value) = test {
        report.reject(super::table::TEST_RECORD);
        model.test_children.insert(audit.child_id.trim().to_string());
        let why = format!("{}: set aside, with its actions", super::table::TEST_RECORD);
        findings.push(Severity::Info, "row_set_aside", file, sheet, None, None, value, why);
        return;
    }
    // A form whose own status says it will not be done ("Form status |
    // Cancelled", "Audit status: Withdrawn"): no audit, as a table's row
    // with that status is none (blind set 198's marrowfield).
    let status = rows.iter().enumerate().find_map(|(r, row)| {
        row.cells.iter().enumerate().find_map(|(c, cell)| {
            let Cell::Text(t) = cell else { return None };
            let label = fold(t.trim().trim_end_matches(':'));
            let named = label == "status" || (label.ends_with(" status") && label.split(' ').count() <= 3);
            named.then(|| answer_for(ctx, rows, r, c)).flatten().map(|(v, _)| v.as_string())
        })
    });
    if let Some(status) = status.filter(|s| super::table::status_cancels(s)) {
        report.reject(super::table::AUDIT_CANCELLED);
        let why = format!("{}: set aside", super::table::AUDIT_CANCELLED);
        findings.push(Severity::Info, "row_set_aside", file, sheet, None, None, status, why);
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
        // The grid is a table of actions of its own: what its columns record
        // is what the action KPIs can count (a grid with no completion column
        // leaves them "not in the exports").
        let mut grid = TableReport::new(file, sheet, None);
        grid.kind = TableKind::Actions;
        grid.header_row = Some(rows[hr].row);
        grid.notes.push("the form's actions grid: each action is the form's audit's".into());
        grid.columns = cols
            .iter()
            .map(|(i, f)| ColumnMap {
                index: *i,
                header: rows[hr].cells.get(*i).map(Cell::as_string).unwrap_or_default(),
                target: Target::Field(f.clone()),
                reason: "form's actions grid".into(),
                scale: None,
                score: 100,
            })
            .collect();
        let grid_report = &mut grid;
        for row in &rows[hr + 1..grid_end.unwrap_or(rows.len())] {
            // (An unused row of the template's, above the filled ones.)
            if unfilled_row(row) {
                continue;
            }
            grid_report.rows_read += 1;
            let get = |name: &str| cols.iter().find(|(_, f)| *f == name).and_then(|(i, _)| row.cells.get(*i)).filter(|c| !c.is_empty() && !is_placeholder(c));
            let Some(text) = get("text").map(Cell::as_string) else {
                grid_report.reject("no action text");
                continue;
            };
            if super::table::says_no_action(&text) {
                grid_report.reject(super::table::NO_ACTION);
                continue;
            }
            // (The template's example, "Eg. Complete updated assessment of
            // child's needs …" beside its guidance, "This is the date when the
            // action should be completed by.": no action. One with a date or
            // a timescale in its row is kept; blind set 194's glenhallow.)
            let example = super::table::begins_as_example(&text) || text.trim_start().to_lowercase().starts_with("eg ");
            // (Nor one with a timescale, "2 weeks": review 263's c09.)
            let dated = row.cells.iter().any(|c| c.as_date().is_some() || matches!(c, Cell::Text(t) if super::timescale::parse_due(t).is_some()));
            if example && !dated {
                grid_report.reject(super::table::EXAMPLE_ROW);
                continue;
            }
            model.actions.push(Action {
                origin: Origin { file: file.to_string(), sheet: sheet.map(str::to_string), row: row.row },
                audit_id: Some(audit.id.clone()),
                child_id: Some(audit.child_id.clone()),
                text,
                owner: get("owner").map(Cell::as_string),
                team: audit.team.clone(),
                set: audit.completed,
                due: get("due_date").and_then(|c| c.as_date().or_else(|| super::timescale::by_date(c, Cell::as_date))),
                // A form's "Timescale" ("20 working days"), counted from the audit.
                due_in: get("due_date").and_then(|c| if let Cell::Text(t) = c { super::timescale::parse_due(t) } else { None }),
                // A status that says done dates the action by its own date, else
                // by the date it was reviewed.
                completed: get("completed_date")
                    .and_then(Cell::as_date)
                    .or_else(|| get("status").filter(|c| says_done(c)).and_then(|c| c.as_date().or_else(|| get("reviewed_date").and_then(Cell::as_date)))),
                audit_date: None,
                unused_dates: Vec::new(),
            });
            grid_report.rows_accepted += 1;
        }
        report.attached.push(grid);
    }
    report.rows_accepted += 1;
    // (Its id is not registered for tables read later: a form that records an
    // audit a table holds too, a moderation form citing the audit's form id,
    // is joined to it afterwards, in `join.rs`, not rejected as a duplicate.)
    model.audits.push(audit);
}

/// A row of only blanks and the template's prompts ("Click here to enter text.").
fn unfilled_row(row: &SourceRow) -> bool {
    row.cells.iter().all(|c| c.is_empty() || is_placeholder(c))
}

/// Where an actions grid whose header is row `hr` ends: at its first blank
/// row, or at a row the template left unfilled unless actions follow it (an
/// unused row above the filled ones, as a form filled from the bottom or
/// sorted leaves it): a row with the action's words and another column.
fn grid_end(rows: &[SourceRow], hr: usize, cols: &[(usize, String)]) -> usize {
    let filled = |row: &SourceRow, i: usize| row.cells.get(i).is_some_and(|c| !c.is_empty() && !is_placeholder(c));
    // (The action's words and a date by when or when done: not a sign-off
    // line below the grid, "Auditor signature | Jo Smith | Date".)
    let dated = |row: &SourceRow, i: usize| {
        row.cells
            .get(i)
            .is_some_and(|c| !is_placeholder(c) && (c.as_date().is_some() || matches!(c, Cell::Text(t) if super::timescale::parse_due(t).is_some())))
    };
    // (By when, where the grid has that column; else when done.)
    let has_due = cols.iter().any(|(_, f)| f == "due_date");
    let signs_off = |t: &str| {
        let f = super::fold::fold(t);
        ["signature", "signed", "sign off", "comments", "manager", "countersigned"].iter().any(|w| super::fold::contains_phrase(&f, w))
    };
    let an_action = |row: &SourceRow| {
        cols.iter().any(|(i, f)| f == "text" && filled(row, *i) && row.cells.get(*i).is_some_and(|c| !signs_off(&c.as_string())))
            && cols.iter().any(|(i, f)| if has_due { f == "due_date" } else { matches!(f.as_str(), "completed_date" | "reviewed_date") } && dated(row, *i))
    };
    // (The form's next label in the action's column ends the grid: "Social
    // Worker's Comments on the outcome of the Learning Audit:", "MODERATION
    // AUDIT:", "Do you Agree with the Auditor?" with no blank row between;
    // blind set 160's kestrel moor had read each as an action.)
    // (Not an action that asks a question, with its date by when: "Can
    // the chronology be brought up to date?" | SW | 24/09; review 252's c65c.)
    let a_label = |row: &SourceRow| {
        cols.iter().filter(|(_, f)| f == "text").any(|(i, _)| matches!(row.cells.get(*i), Some(Cell::Text(t)) if t.trim_end().ends_with([':', '?'])))
            && !an_action(row)
    };
    let mut i = hr + 1;
    while i < rows.len() {
        if rows[i].is_blank() || a_label(&rows[i]) {
            return i;
        }
        if unfilled_row(&rows[i]) {
            let next = (i + 1..rows.len()).find(|&j| !unfilled_row(&rows[j]) || rows[j].is_blank());
            match next {
                Some(j) if !rows[j].is_blank() && an_action(&rows[j]) => i = j,
                _ => return i,
            }
            continue;
        }
        i += 1;
    }
    rows.len()
}

/// The heading of an actions grid's action column, with or without a note
/// in brackets ("Agreed Action (child)", "Actions (SMART)").
fn is_action_header(text: &str) -> bool {
    let folded = fold(text.split('(').next().unwrap_or(text));
    matches!(
        folded.as_str(),
        "action" | "actions" | "agreed action" | "agreed actions" | "recommendation" | "recommendations" | "recommendations for further action"
    )
}

/// The actions grid's columns: action text, owner, due and completion dates by
/// the actions vocabulary; also a review date and a status column
/// ("Completed/Comments", "Status", "Progress").
fn action_columns(ctx: &Context, row: &SourceRow) -> Vec<(usize, String)> {
    row.cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let text = c.as_string();
            if is_action_header(&text) {
                return Some((i, "text".to_string()));
            }
            // (A note in brackets is no part of the column's name: "Date
            // completed (added by PPRI)", blind set 152's hollinsford.)
            let words = ctx.recogniser.words(&super::recognise::prepare_header(&text));
            let has = |p: &str| words.iter().any(|w| w.starts_with(p));
            if has("review") && has("date") {
                return Some((i, "reviewed_date".into()));
            }
            if (has("complet") && has("comment")) || has("status") || has("progress") {
                return Some((i, "status".into()));
            }
            let field = ctx.recogniser.action.match_words(&words, &[], None).ok().flatten()?.field;
            ["owner", "due_date", "completed_date", "set_date"].contains(&field.as_str()).then_some((i, field))
        })
        .collect()
}

/// A yes / no answer, or a written record of the conversation (yes). A yes /
/// no answer stands against a record written in another box ("Parents /
/// carers views obtained? No - no response" above "Parents / carers views:
/// Two attempts, no response.").
fn spoken(slot: &mut Answer, answered: &mut bool, value: &Cell) {
    match answer(value) {
        Some(a) => {
            *slot = a;
            *answered = true;
        }
        // ("Father did not respond to two calls": a record that no one was reached.)
        None if !*answered && super::table::only_failed_contact(&value.as_string()) => *slot = Answer::No,
        None if !*answered && value.as_string().chars().filter(|c| c.is_alphabetic()).count() >= 2 => *slot = Answer::Yes,
        None => {}
    }
}

/// A status cell that says the action is done ("Completed", "Done - 03/10").
pub(crate) fn says_done(c: &Cell) -> bool {
    let f = fold(&c.as_string());
    let first = f.split(' ').next().unwrap_or("");
    // "Complete - awaiting manager sign off": an action is done when signed off.
    let waits = f.split(' ').any(|w| matches!(w, "awaiting" | "pending")) || contains_phrase(&f, "not signed off");
    // ("No longer required - YP moved to staying put", "Superseded by new
    // care plan": a closure, as blind set 43 reads "No longer required"
    // signed off on its date; sets 13 and 166.)
    let closed = f.starts_with("no longer required") || f.starts_with("superseded by") || f == "superseded";
    (matches!(first, "completed" | "complete" | "done" | "closed" | "achieved" | "actioned") || f.starts_with("signed off") || closed) && !waits
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The overall grade a one-sheet form gives, with the label's row as given.
    fn overall_of(overall_row: &[&str]) -> Option<Band> {
        overall_after(&[overall_row])
    }

    /// The overall grade a one-sheet form gives, with the rows after its
    /// last-3-months judgement as given.
    fn overall_after(after: &[&[&str]]) -> Option<Band> {
        overall_read_after(after).and_then(|j| j.band)
    }

    /// [`overall_after`], the judgement read.
    fn overall_read_after(after: &[&[&str]]) -> Option<crate::normalise::model::Judgement> {
        let config = crate::normalise::config::Config::defaults();
        let crosswalk = crate::normalise::scales::Crosswalk::new(&config);
        let ctx = Context::new(&config, &crosswalk);
        let mut model = Model { strings: crate::normalise::Strings::new(), ..Default::default() };
        let mut findings = Findings::default();
        let text = |r: &[&str]| r.iter().map(|t| if t.is_empty() { Cell::Empty } else { Cell::text(t) }).collect::<Vec<_>>();
        let mut rows: Vec<&[&str]> = vec![
            &["Tier 2 (Full) Case File Audit Toolkit"],
            &["Date:", "03/09/2026", "Auditor (name):", "Tessa Quayle"],
            &["Case ID:", "7741003", "Case type:", "CLA"],
            &["JUDGEMENT OF CASE FILE IN THE LAST 3 MONTHS", "Good"],
        ];
        rows.extend_from_slice(after);
        let rows: Vec<SourceRow> = rows.iter().enumerate().map(|(i, r)| SourceRow { row: i as u32 + 1, cells: text(r) }).collect();
        let table = crate::ingest::Table {
            file: "form.xlsx".into(),
            sheet: Some("Audit".into()),
            text_format: None,
            rows: Box::new(rows.into_iter().map(Ok)),
            date1904: false,
        };
        super::super::table::read_table(&ctx, table, &mut model, &mut findings);
        assert_eq!(model.audits.len(), 1, "{:?}", findings);
        model.audits[0].overall.clone()
    }

    /// A label's cell keeping the template's example after its colon, with
    /// the answer's cell beside it: the answer's cell is read (left as the
    /// template wrote it, no grade). A grade after the colon with nothing
    /// beside it, or a comment beside it, is the answer.
    /// The template's example after the label's colon, with the answer's
    /// cell under it (seed 001's last two judgements side by side over
    /// their answers; blind set 188): the cell under it is read.
    #[test]
    fn the_templates_example_with_the_answer_below_is_no_answer() {
        let label = "OVERALL JUDGEMENT OF THE CASE FILE:\t REQUIRES IMPROVEMENT";
        assert_eq!(overall_after(&[&["Parents / carers views:", "Mother seen"], &["", "", label], &["", "", "Good"]]), Some(Band::Good));
        assert_eq!(overall_after(&[&["Parents / carers views:", "Mother seen"], &["", "", label], &["", "", "Choose an item."]]), None);
    }

    /// A question's options listed down a column with a mark beside the
    /// one chosen (seed 004's Appendix 1; blind set 188): the option marked
    /// is the answer, none marked is none, not the first option listed.
    #[test]
    fn options_down_a_column_are_read_by_their_mark() {
        let q12 = "12. How has the help provided improved outcomes?";
        let grid = |marked: Option<usize>| -> Vec<Vec<&str>> {
            ["Exceeds good  ", "Meets good ", "Does not meet good", "Not applicable."]
                .iter()
                .enumerate()
                .map(|(i, o)| vec![if i == 0 { q12 } else { "" }, *o, if Some(i) == marked { "X" } else { "" }])
                .collect()
        };
        let read = |marked: Option<usize>| {
            let g = grid(marked);
            let rows: Vec<&[&str]> = g.iter().map(|r| r.as_slice()).collect();
            overall_read_after(&rows).map(|j| j.source_label.trim().to_string())
        };
        assert_eq!(read(Some(1)).as_deref(), Some("Meets good"));
        assert_eq!(read(Some(2)).as_deref(), Some("Does not meet good"));
        assert_eq!(read(Some(0)).as_deref(), Some("Exceeds good"));
        assert_eq!(read(None), None, "nothing marked: no answer, not the first option");
    }

    #[test]
    fn the_templates_example_in_a_labels_cell_is_no_answer() {
        let label = "OVERALL JUDGEMENT OF THE CASE FILE:\t REQUIRES IMPROVEMENT";
        assert_eq!(overall_of(&[label, "Good"]), Some(Band::Good));
        assert_eq!(overall_of(&[label, "Choose an item."]), None);
        assert_eq!(overall_of(&[label]), Some(Band::RequiresImprovement));
        let comment = "Plans are current but drift in permanence planning over the summer was not challenged";
        assert_eq!(overall_of(&[label, comment]), Some(Band::RequiresImprovement));
        // (A short comment, or a count, beside it is no grade: the label's stands.)
        assert_eq!(overall_of(&[label, "Outstanding actions: 2"]), Some(Band::RequiresImprovement));
        assert_eq!(overall_of(&[label, "Good evidence of visits"]), Some(Band::RequiresImprovement));
    }

    #[test]
    fn an_instruction_alone_is_no_answer() {
        assert!(instruction_only("Please refer to separate guidance document if this case is selected for obtaining parents / carers views"));
        assert!(instruction_only("Refer to the guidance"));
        for t in ["Please see case notes 14/09", "Spoke to mum, she refers to the plan", "Yes - referred to guidance", ""] {
            assert!(!instruction_only(t), "{t}");
        }
    }

    #[test]
    fn a_table_cell_left_as_the_template_wrote_it_is_no_answer() {
        for t in [
            "Click here to enter a date.",
            "--Please Select--",
            "Please Select",
            "Yes/No?",
            "Yes / No",
            "Yes/No/Not applicable? (Please delete those that do not apply)",
            "Outstanding/Good/Requires Improvement/Inadequate",
            "DD/MM/YYYY",
            "--/--/----",
            "(include date seen)",
        ] {
            assert!(unfilled(t), "{t}");
        }
        for t in [
            "Yes",
            "No - declined",
            "N/A",
            "CIN/CP",
            "CP/CIN/CLA",
            "Good",
            "Good/Outstanding",
            "14/09/2026",
            "Mother/Father",
            "(mother)",
            "Spoke to mum / dad",
            "Yes - phone",
            "Child/YP spoken to?",
            "Parents / carers views obtained?",
        ] {
            assert!(!unfilled(t), "{t}");
        }
    }

    #[test]
    fn a_template_list_of_options_is_no_answer() {
        for unanswered in
            ["Outstanding/Good/Requires Improvement/Inadequate", "Yes/No/Partially?   (Please delete those that do not apply)", "Met / Partially met / Not met"]
        {
            assert!(is_placeholder(&Cell::text(unanswered)), "{unanswered}");
        }
        for answer in ["Good", "Yes/No", "Good/RI", "14/09/2026", "C1234", "Partially - see notes: drift/delay/cost"] {
            assert!(!is_placeholder(&Cell::text(answer)), "{answer}");
        }
    }

    #[test]
    fn guidance_left_above_an_unfilled_control_is_no_answer() {
        let guidance = "Please refer to separate guidance document if this case is selected for obtaining parents / carers views\nClick here to enter text.";
        assert!(placeholder_text(guidance));
        // The same guidance wrapped onto more lines.
        assert!(placeholder_text(
            "Please refer to separate guidance document if this case is\nselected for obtaining parents / carers views\nClick here to enter text."
        ));
        assert!(placeholder_text("Choose an item."));
        // Not a placeholder: a control's words inside an answer.
        assert!(placeholder_text("Please describe the parents' / carers' views\nClick or tap here to enter text."));
        assert!(placeholder_text("Click here to enter text.\nClick here to enter a date."));
        assert!(placeholder_text("Click or tap to enter a date."));
        // Guidance of two sentences, each an instruction or a question.
        assert!(placeholder_text("Record who you spoke to.\nInclude the date and how.\nClick here to enter text."));
        assert!(placeholder_text("Who did you speak to, and how?\nClick here to enter text."));
        // Words typed beside a control left in place are an answer.
        for answer in [
            "Mother and father spoken to on 03/09/2026; both said they felt listened to.",
            "Spoken to.\nClick here to enter text about the visit please",
            "Spoke to mother at home on 04/09/2026.\nClick here to enter text.",
            "Evidence of regular supervision on file; plan reviewed 04/09.\nClick here to enter text.",
            "Please refer to separate guidance\nMother said she felt listened to on 04/09.\nClick here to enter text.",
            "Please refer to separate guidance\nMother said she felt listened to.\nClick here to enter text.",
            "Please see the guidance\nmother said she felt listened to on 04/09\nClick here to enter text.",
            "Record who you spoke to.\nSpoke to mum at home.\nClick here to enter text.",
        ] {
            assert!(!placeholder_text(answer), "{answer}");
        }
    }
}

#[cfg(test)]
#[test]
fn seen_of_the_cases_selected_is_the_auditors_meeting() {
    assert_eq!(seen_if_selected("Parents seen (selected cases only)"), Some("spoke_family"));
    assert_eq!(seen_if_selected("Child / YP seen - if chosen for consultation"), Some("spoke_child"));
    for not in [
        "Parents seen",
        "Child seen alone (selected cases)",
        "Parents not seen (selected cases)",
        "Selected for family consultation?",
        "Child and parents seen (selected cases)",
        "Date seen (selected cases)",
    ] {
        assert_eq!(seen_if_selected(not), None, "{not}");
    }
}
