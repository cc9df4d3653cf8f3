//! Recognising what a header names, from data (`[vocabulary]`, `[fields.*]` and
//! `[concepts.*]` in the config), never from the order of a list.
//!
//! 1. **Header normalisation**: `CamelCase`, `snake_case`, `kebab-case`, dots
//!    and digit runs are split (`ChildRef` → `child ref`, `Domain1` → `domain 1`);
//!    case, quotes and punctuation are folded; the sector's abbreviations are
//!    expanded (`SW` → `social worker`); a trailing `Ref` / `No.` / `Number`
//!    means `id`; plurals and possessives lose their `s`; filler words go.
//! 2. **Synonyms**: a header equal to a synonym as a set of words (any order:
//!    "Date of the Audit" = "audit date") scores 100; one containing all of a
//!    synonym's words scores that many words.
//! 3. **Concepts**: each field is also described by the words that make it
//!    (`completed_date`: a date whose name speaks of completion, sign-off, or the
//!    audit), with words that veto it (`moderat*` vetoes `overall`), so variants
//!    nobody listed still match.
//! 4. **Value evidence**: a match whose field expects dates, ids, names, grades or
//!    yes / no is vetoed when the column's values plainly are not that; among
//!    equal matches, the one the values fit wins. What stays tied is reported.

use super::config::{ConceptSpec, Config, Vocabulary};
use super::fold::fold;
use super::scales::Crosswalk;
use crate::ingest::Cell;
use std::collections::{BTreeMap, HashMap};

/// Splits `CamelCase` and digit runs, then folds: `ChildRef` → `child ref`,
/// `DateOfBirth` → `date of birth`, `SWConsulted` → `sw consulted`, `Q12` → `q 12`.
/// Headers already in words fold as before ("CHILD ID" → "child id").
pub fn prepare(raw: &str) -> String {
    // ("Form #", "Case #": a number sign is the word "no", as "Form no".)
    let numbered;
    let raw = if raw.contains('#') {
        numbered = raw.replace('#', " no ");
        numbered.as_str()
    } else {
        raw
    };
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 {
            let p = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (p.is_lowercase() && c.is_uppercase())
                || (p.is_uppercase() && c.is_uppercase() && next_lower)
                || (p.is_alphabetic() && c.is_ascii_digit())
                || (p.is_ascii_digit() && c.is_alphabetic() && !is_ordinal_suffix(&chars[i..]));
            if boundary {
                out.push(' ');
            }
        }
        out.push(c);
    }
    fold(&out)
}

/// "1st", "2nd", "3rd", "4th": the letters stay with their number.
fn is_ordinal_suffix(rest: &[char]) -> bool {
    let s: String = rest.iter().take(3).collect::<String>().to_lowercase();
    ["st", "nd", "rd", "th"].iter().any(|o| s.starts_with(o) && !s[2..].starts_with(|c: char| c.is_alphabetic()))
}

/// A raw header, prepared, with qualifiers in brackets ("(Y/N)", "(where
/// relevant to do so)") dropped unless they are all there is. A qualifier
/// that says whose the column is, the moderator's or the re-audit's ("Final
/// judgment (moderator)", "Grade (re-audit)"), is kept: it changes the field.
pub fn prepare_header(raw: &str) -> String {
    // (Jira's CSV export writes its own fields' names as "Custom field
    // (Child ID)": the name is the field's.)
    let raw = raw.trim();
    let raw = match raw.get(..14) {
        Some(p) if p.eq_ignore_ascii_case("custom field (") && raw.ends_with(')') && raw.len() > 15 => &raw[14..raw.len() - 1],
        _ => raw,
    };
    let raw = power_bi_column(raw).unwrap_or(raw);
    let stripped = prepare(&outside_brackets_but_roles(raw));
    if stripped.is_empty() {
        prepare(raw)
    } else {
        stripped
    }
}

/// Power BI's "Export data" names a column with its table's name before it,
/// "Audits[Audit date]", "Audit Actions[Person]" or "'Audit detail'[Audit
/// date]": the column's own name (blind set 168). Not a question with its
/// row in brackets after a space, "Views sought [Child]" (a form's grid).
fn power_bi_column(raw: &str) -> Option<&str> {
    let at = raw.find('[')?;
    let (table, rest) = (&raw[..at], &raw[at + 1..]);
    let inner = rest.strip_suffix(']')?;
    let quoted = table.len() > 2 && table.starts_with('\'') && table.ends_with('\'');
    // (A table named in words, "Audit Actions[Audit ID]", with no space
    // before its bracket.)
    let plain =
        table.chars().all(|c| c.is_alphanumeric() || c == '_' || c == ' ') && table.chars().next().is_some_and(char::is_alphabetic) && !table.ends_with(' ');
    // (A name has letters: "Grade[1-4]" is a key.)
    (inner.chars().any(char::is_alphabetic) && !inner.contains(['[', ']']) && (quoted || plain)).then_some(inner)
}

/// A text without what it says in brackets: "Child/YP NOT consulted by
/// auditor? (Y/N)" is "Child/YP NOT consulted by auditor? ".
pub fn outside_brackets(raw: &str) -> String {
    outside_brackets_keeping(raw, |_| false)
}

/// [`outside_brackets`], keeping a bracket that holds only a role word of
/// moderation or re-audit ("(moderator)", "(moderated)", "(re-audit)").
fn outside_brackets_but_roles(raw: &str) -> String {
    outside_brackets_keeping(raw, role_qualifier)
}

/// A text without what it says in brackets, but the brackets whose words
/// `keep` (set apart by spaces).
fn outside_brackets_keeping(raw: &str, keep: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut inside = String::new();
    let mut depth = 0usize;
    for ch in raw.chars() {
        match ch {
            '(' | '[' => {
                depth += 1;
                if depth == 1 {
                    inside.clear();
                }
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 && keep(&inside) {
                    out.push(' ');
                    out.push_str(&inside);
                    out.push(' ');
                }
            }
            ')' | ']' => {}
            _ if depth == 0 => out.push(ch),
            _ => inside.push(ch),
        }
    }
    out
}

/// Whether a bracket's words only say whose a column is: the moderator's or
/// the re-audit's.
fn role_qualifier(inside: &str) -> bool {
    let f = fold(inside);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    !words.is_empty() && (words.iter().all(|w| w.starts_with("moderat") || *w == "s") || matches!(words.as_slice(), ["re", "audit" | "audited"] | ["reaudit"]))
}

/// Words a reporting tool puts before a column's own name: Tableau's date
/// part ("Day of Date completed"), Power BI's summaries of a field shown once
/// per row ("Earliest Completion date", "Max of Due date").
const TOOL_WRAPPERS: [&str; 8] = ["day of ", "earliest ", "latest ", "min of ", "max of ", "minimum of ", "maximum of ", "first of "];

/// A prepared header without a reporting tool's wrapper, when words remain.
pub fn without_tool_wrapper(prepared: &str) -> &str {
    TOOL_WRAPPERS.iter().find_map(|w| prepared.strip_prefix(w)).filter(|rest| !rest.trim().is_empty()).unwrap_or(prepared)
}

/// Whether a prepared header is a reporting tool's total of a column ("Count
/// of Child ID", "Sum of Score", "Number of Records", "CNT(Child ID)"), not a
/// value of each record.
pub fn tool_total(prepared: &str) -> bool {
    ["count of ", "sum of ", "average of ", "distinct count of ", "cnt ", "cntd "].iter().any(|p| prepared.starts_with(p))
        || matches!(prepared, "number of records" | "count" | "record count" | "row count")
}

/// A prepared header (or synonym) as the words that carry its meaning.
pub fn words(prepared: &str, vocab: &Vocabulary) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all: Vec<&str> = prepared.split(' ').filter(|w| !w.is_empty()).collect();
    for (i, w) in all.iter().enumerate() {
        // (Not letters before a number: "ACT001", "AUD-2601" are codes, not
        // "action 1", "audit 2601".)
        let code = all.get(i + 1).is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
        match vocab.abbreviations.get(*w).filter(|_| !code) {
            Some(exp) => out.extend(exp.split(' ').map(str::to_string)),
            None => out.push(w.to_string()),
        }
    }
    // A trailing identifier word: "Child Ref", "Case No.", "Person Number".
    let n = out.len();
    if n >= 2 {
        let mut i = n;
        while i > 0 && vocab.id_words.iter().any(|w| *w == out[i - 1]) {
            i -= 1;
        }
        if i < n && i > 0 {
            out.truncate(i);
            out.push("id".into());
        }
    }
    // "On" last, after what was done ("Completed on", "Step Completed On",
    // "Occurred on"), says the column is that date: read as "date", as a
    // filler word would drop it ("Impact on" keeps its meaning).
    let done = |w: &str| w.ends_with("ed") || matches!(w, "seen" | "done" | "held" | "written" | "made" | "sent" | "taken" | "given" | "off" | "look");
    let n = out.len();
    if n >= 2 && out[n - 1] == "on" && done(&out[n - 2]) {
        out[n - 1] = "date".into();
    }
    // "For" last, after an action or recommendation ("Action for",
    // "Recommendations for"), says whom it is for: read as "scope", as a
    // filler word would drop it and leave the action's own text.
    if n >= 2 && out[n - 1] == "for" && ["action", "actions", "recommendation", "recommendations"].contains(&out[n - 2].as_str()) {
        out[n - 1] = "scope".into();
    }
    let mut kept: Vec<String> = Vec::with_capacity(out.len());
    for w in out {
        let w = stem(&w);
        if vocab.filler.contains(&w) {
            continue;
        }
        if kept.last() != Some(&w) {
            kept.push(w);
        }
    }
    // A header of filler only ("Date", "Who") keeps its words.
    if kept.is_empty() {
        return prepared.split(' ').filter(|w| !w.is_empty()).map(stem).collect();
    }
    kept
}

/// Plural and possessive `s` dropped ("auditors" → "auditor", "childs" → "child"),
/// but not from "ss", "us", "is" endings ("status", "analysis", "progress").
fn stem(w: &str) -> String {
    if w.len() > 3 && w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// The kind of values a field holds, for confirming or vetoing a header match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Date,
    /// A date, or a month written alone ("Sept 2026", "Sep-26").
    DateOrMonth,
    Id,
    Name,
    Grade,
    YesNo,
    /// Yes / no, or a moderation's outcome in words ("Upheld", "Changed").
    Agreement,
    Text,
    Any,
}

impl ValueKind {
    pub fn parse(s: &str) -> ValueKind {
        match s {
            "date" => ValueKind::Date,
            "date_or_month" => ValueKind::DateOrMonth,
            "id" => ValueKind::Id,
            "name" => ValueKind::Name,
            "grade" => ValueKind::Grade,
            "yes_no" => ValueKind::YesNo,
            "agreement" => ValueKind::Agreement,
            "text" => ValueKind::Text,
            _ => ValueKind::Any,
        }
    }
}

/// What a column's sample values look like.
#[derive(Debug, Clone, Copy, Default)]
pub struct ValueProfile {
    pub non_empty: usize,
    pub dates: usize,
    /// Texts that are a month alone ("Sept 2026"), not a date.
    pub months: usize,
    pub grades: usize,
    pub yes_no: usize,
    /// Of those, texts that say there is no action ("None", "None – no
    /// further actions required", "NFA"): an action log's rows with nothing
    /// to do, read as a no in a yes / no column, and no sign against free
    /// text (review 255's c20: an action log mostly of such rows).
    pub no_action: usize,
    /// A moderation's outcome in words that is no yes / no ("Upheld", "Changed").
    pub outcomes: usize,
    pub id_like: usize,
    /// Texts that name one id among other words ("Unborn of AC40112",
    /// "AC40377 (was Unborn of AC40112)"): ids, in a column named for them.
    pub ids_in_words: usize,
    /// Short text that is neither a date nor a grade nor yes / no.
    pub names: usize,
    /// Of those, texts written as a person's name: two words or more of
    /// letters only ("Jane Smith", "O'Neill, Tom").
    pub person_names: usize,
    pub long_text: usize,
    /// Long text (61 to 150 characters on one line) that may still be a
    /// name: a team's ("Children in Care and Care Leavers Service - 16+ Team
    /// (South)") or an auditor's with their role.
    pub long_names: usize,
    pub numbers: usize,
    /// Grades with a note after them in the same cell ("Good – see domain
    /// evidence.", "Inadequate: see areas above; impact …"): a grade, and
    /// the words of a commentary too.
    pub grade_notes: usize,
    /// Whether a value repeats (a column of data rather than a list of options).
    pub repeats: bool,
}

/// A cell that is a date (a date cell, a date in text, or an Excel serial or a
/// year-first number in 2000–2060; bare small numbers are not dates).
pub fn is_date_value(c: &Cell) -> bool {
    match c {
        Cell::Date(_) => true,
        // A year-first number ("20260914") is one too, in the same years.
        Cell::Number(n) => {
            ((36526.0..=58440.0).contains(n) && c.as_date().is_some())
                || crate::ingest::cell::compact_date(*n).is_some_and(|d| (2000..=2060).contains(&chrono::Datelike::year(&d)))
        }
        // A month-first date ("9/14/2026") is a date too: which way round a
        // table's dates go is decided when it is read.
        Cell::Text(_) => c.as_date().is_some() || c.as_date_month_first().is_some(),
        _ => false,
    }
}

/// A value that looks like an identifier ("C100234", "123456", "NA-00012").
/// A bare whole number is one even where it could be an Excel date serial
/// (45100 is a case number as often as 23 June 2023): the column's header
/// says which.
pub fn is_id_value(c: &Cell) -> bool {
    is_id_like(c) && (!is_date_value(c) || is_bare_number(c))
}

/// A whole number, as a number cell or as text of digits only.
fn is_bare_number(c: &Cell) -> bool {
    match c {
        Cell::Number(n) => n.fract() == 0.0,
        Cell::Text(t) => {
            let t = t.trim();
            !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

fn is_id_like(c: &Cell) -> bool {
    match c {
        Cell::Number(n) => n.fract() == 0.0 && *n >= 100.0,
        Cell::Text(t) => {
            let t = t.trim();
            // Bare short numbers are counts or scores, not identifiers.
            let digits_only = t.chars().all(|ch| ch.is_ascii_digit());
            // A number written with its thousands grouped ("1,045,200").
            let grouped = t.split(',').count() > 1
                && t.split(',')
                    .enumerate()
                    .all(|(i, g)| (if i == 0 { (1..=3).contains(&g.len()) } else { g.len() == 3 }) && g.bytes().all(|b| b.is_ascii_digit()));
            grouped
                || is_guid(t)
                || t.len() <= 24
                    && t.chars().any(|ch| ch.is_ascii_digit())
                    // (As a number cell: 100 or more, so "117" read from a
                    // CSV is the id 117 is in a workbook.)
                    && !(digits_only && t.len() < 4 && t.parse::<u64>().is_ok_and(|n| n < 100))
                    && (!t.contains(char::is_whitespace) || is_spaced_id(t))
                    && t.chars().all(|ch| ch.is_alphanumeric() || ch.is_whitespace() || "-/_.#".contains(ch))
        }
        _ => false,
    }
}

/// A GUID, as cloud systems give every record, in braces or not
/// ("{E8455933-565D-5C89-BB5B-915BFCE71BFE}").
pub fn is_guid(t: &str) -> bool {
    let g = t.trim().trim_start_matches('{').trim_end_matches('}').as_bytes();
    g.len() == 36 && g.iter().enumerate().all(|(i, c)| if matches!(i, 8 | 13 | 18 | 23) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

/// An identifier written with spaces: a system's letters then a number ("MOS
/// 40012", "LA  123456"), or a number in groups ("943 476 5919", an NHS
/// number). Not "Week 3", "Grade 2" or "2 - Good": the number has at least
/// three digits and nothing else is allowed.
fn is_spaced_id(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let digits = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [prefix, number] if prefix.len() <= 5 && prefix.chars().all(|c| c.is_ascii_alphabetic()) => number.len() >= 3 && digits(number),
        groups => groups.len() >= 2 && groups.iter().all(|g| digits(g)) && groups.iter().map(|g| g.len()).sum::<usize>() >= 6,
    }
}

/// A grade label, and not an identifier that starts like one ("NA-00012" is an
/// audit reference, not "Not applicable").
pub fn is_grade_value(crosswalk: &Crosswalk, c: &Cell) -> bool {
    let id = matches!(c, Cell::Text(t) if t.chars().count() >= 3 && is_id_like(c) && t.chars().any(|ch| ch.is_alphabetic()));
    !id && crosswalk.is_label(c)
}

/// What one value is: a date, a grade, a yes / no, a moderation outcome,
/// id-like, a month, an id among words.
type Kinds = (bool, bool, bool, bool, bool, bool, bool, bool);

impl ValueProfile {
    pub fn of(values: &[&Cell], crosswalk: &Crosswalk) -> ValueProfile {
        let mut p = ValueProfile::default();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        // A text's kind is worked out once per distinct text (columns repeat their values).
        let mut kinds: HashMap<&str, Kinds> = HashMap::new();
        let classify = |c: &Cell| {
            // A timescale where a date goes ("20 working days", "by 04/08/2026")
            // is one too, and so is an open end ("Ongoing").
            let date = is_date_value(c)
                || matches!(c, Cell::Text(t) if matches!(super::fold::fold(t).as_str(), "ongoing" | "current" | "to date" | "present" | "open ended" | "not ended"))
                || matches!(c, Cell::Text(t) if crate::ingest::cell::done_date(t).is_some())
                || matches!(c, Cell::Text(t) if super::timescale::parse(t).is_some() || super::timescale::by_date(c, |x| x.as_date()).is_some());
            let grade = is_grade_value(crosswalk, c);
            // 1 and 0 are read as yes and no in a yes / no column, but do not
            // make one (a column of grade numbers 1–3 is not yes / no).
            // ("Agreed action 1", "Agreed that the SW will …": a sentence that
            // starts with "agreed" is free text, not a yes.)
            let sentence = matches!(c, Cell::Text(t) if {
                let f = super::fold::fold(t);
                f.starts_with("agree") && f.split(' ').filter(|w| !w.is_empty()).count() >= 3 && !f.contains(" with ")
            });
            let yn = !matches!(c, Cell::Number(_)) && !matches!(c, Cell::Text(t) if t == "1" || t == "0") && !sentence && super::scales::answer(c).is_some();
            let outcome = !yn && matches!(super::table::moderation_outcome(c), Some(super::model::Answer::Yes | super::model::Answer::No));
            // A month written as text ("Sep-26", "September 2026") where no date reads.
            // (Or a two-month cycle without its year, "Sept-Oct", the one its
            // row's allocation falls in.)
            let month = !date && matches!(c, Cell::Text(_)) && (super::table::month_cell(c).is_some() || super::table::cycle_without_year(c));
            // (A sibling group's ids, "C1001, C1002", are ids too.)
            let in_words =
                matches!(c, Cell::Text(t) if t.len() <= 120 && !date && !grade && (super::identity::id_token(t).is_some() || super::sibling_ids(t).len() >= 2));
            let no_action = yn && matches!(c, Cell::Text(t) if super::table::says_no_action(t));
            (date, grade, yn, outcome, is_id_like(c), month, in_words, no_action)
        };
        // (A form control's placeholder, "Click here to enter a date.", is
        // no value of the column: kept in the cell for its readers, which
        // read it as none given.)
        for c in values.iter().filter(|c| !c.is_empty() && !matches!(c, Cell::Text(t) if super::forms::placeholder_text(t))) {
            p.non_empty += 1;
            let (date, grade, yn, outcome, id_like, month, in_words, no_action) = match c {
                Cell::Text(t) => *kinds.entry(t.as_str()).or_insert_with(|| classify(c)),
                _ => classify(c),
            };
            p.dates += date as usize;
            p.months += usize::from(month);
            p.grades += grade as usize;
            p.yes_no += yn as usize;
            p.no_action += usize::from(no_action);
            p.outcomes += outcome as usize;
            p.id_like += (id_like && (!date || is_bare_number(c))) as usize;
            p.ids_in_words += usize::from(in_words && !id_like);
            p.numbers += matches!(c, Cell::Number(_)) as usize;
            if let Cell::Text(t) = c {
                p.grade_notes += usize::from(grade && grade_with_note(t));
                let chars = t.chars().count();
                if chars > 60 {
                    p.long_text += 1;
                    p.long_names += usize::from(chars <= 150 && !t.contains('\n'));
                } else if !date && !grade && !yn {
                    p.names += 1;
                    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
                    p.person_names +=
                        usize::from(words.len() >= 2 && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '-' | '.'))));
                }
            }
            if seen.len() < 400 && !p.repeats {
                let s = c.as_string().to_lowercase();
                if !seen.insert(s) {
                    p.repeats = true;
                }
            }
        }
        p
    }

    /// [`Self::fits`] for a column whose header is exactly a field's name
    /// ("Team", "Auditor"): its names may be long (up to 150 characters on
    /// one line), where a column that only resembles one holding long text is
    /// free text.
    /// An id column so named may write some ids among words ("Unborn of
    /// AC40112", "AC40377 (was Unborn of AC40112)").
    pub fn fits_named(&self, kind: ValueKind) -> Option<bool> {
        let share = |n: usize| n as f64 / self.non_empty as f64;
        if kind == ValueKind::Id && self.non_empty >= 3 {
            return Some(share(self.id_like + self.ids_in_words) >= 0.5 && share(self.grades) < 0.5);
        }
        if kind != ValueKind::Name || self.non_empty < 3 {
            return self.fits(kind);
        }
        let very_long = self.long_text - self.long_names;
        Some(share(self.dates) < 0.5 && share(self.grades) < 0.5 && share(very_long) < 0.5 && share(self.names + self.long_names) >= 0.3)
    }

    /// Whether the values fit a kind: `None` when there are too few to tell.
    pub fn fits(&self, kind: ValueKind) -> Option<bool> {
        // (A person's names are never a child's id, however few: a table of
        // two rows headed "Which child is this about?" holding "Jane Smith"
        // would put names where the ids go; review 243's c37.)
        if kind == ValueKind::Id && self.non_empty > 0 && self.id_like == 0 && self.person_names == self.non_empty {
            return Some(false);
        }
        // (Nor is a yes or a no ever a date, however few: an actions form of
        // two rows with "Agreed?" answered Yes and No has no date there;
        // review 257's c17. From three values on, the shares below say so.)
        if matches!(kind, ValueKind::Date | ValueKind::DateOrMonth)
            && self.non_empty > 0
            && self.dates == 0
            && self.months == 0
            && self.yes_no == self.non_empty
        {
            return Some(false);
        }
        if self.non_empty < 3 {
            return None;
        }
        let share = |n: usize| n as f64 / self.non_empty as f64;
        Some(match kind {
            ValueKind::Date => share(self.dates) >= 0.5,
            ValueKind::DateOrMonth => share(self.dates + self.months) >= 0.5,
            ValueKind::Id => share(self.id_like) >= 0.5 && share(self.grades) < 0.5,
            ValueKind::Name => share(self.dates) < 0.5 && share(self.grades) < 0.5 && share(self.long_text) < 0.5 && share(self.names) >= 0.3,
            ValueKind::Grade => share(self.grades) >= 0.5,
            ValueKind::YesNo => share(self.yes_no) >= 0.5,
            ValueKind::Agreement => share(self.yes_no + self.outcomes) >= 0.5,
            // A column of keys ("610001", "A-0012") is not free text.
            // (A grade with a note after it is commentary as much as a grade.)
            ValueKind::Text => {
                share(self.dates) < 0.5 && share(self.grades - self.grade_notes + self.yes_no - self.no_action) < 0.8 && share(self.id_like) < 0.5
            }
            ValueKind::Any => true,
        })
    }
}

/// Whether a text that reads as a grade goes on past it with a note: four
/// words or more, with a stop, colon, semicolon or spaced dash after its
/// first word ("Good – see domain evidence."; not "Requires improvement with
/// elements of good", a grade's whole name).
fn grade_with_note(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    let first = t.find(char::is_whitespace).unwrap_or(t.len());
    let after = &t[first..];
    words >= 4
        && (after.contains(':')
            || after.contains(';')
            || after.contains(". ")
            || after.trim_end().ends_with('.')
            || after.contains(" – ")
            || after.contains(" - "))
}

/// Sheet names that say a sheet holds no records: drop-down lists, lookups,
/// instructions, contents, summaries and pivots, charts.
const NOT_DATA_SHEETS: &[&str] = &[
    "list",
    "lists",
    "lookup",
    "lookups",
    "dropdown",
    "dropdowns",
    "drop down",
    "drop downs",
    "validation",
    "options",
    "instructions",
    "instruction",
    "guidance",
    "guide",
    "read me",
    "readme",
    "contents",
    "cover",
    "about",
    "key",
    "codes",
    "code list",
    "code frame",
    "value labels",
    "notes",
    "help",
    "summary",
    "pivot",
    "pivots",
    "chart",
    "charts",
    "dashboard",
    "version",
    "change log",
    "reference data",
    "settings",
    "config",
];

/// Why a table that matched no kind is not data, if it plainly is not: its
/// sheet's name, a pivot-table header, or values with no dates, no identifiers
/// and no repeated grades (a list of options, instructions, a summary).
pub fn not_data_reason(sheet: Option<&str>, header: Option<&[Cell]>, body: &[&[Cell]], crosswalk: &Crosswalk) -> Option<String> {
    if let Some(name) = sheet {
        let f = prepare(name);
        // ("Notes" names a sheet of notes, not "Case notes", "Contact notes"
        // or "Visit notes": records; blind set 148.)
        let records_of_notes = ["case", "contact", "visit", "visits", "casenotes", "observation", "observations", "recording", "recordings"]
            .iter()
            .any(|w| f.split(' ').any(|x| x == *w))
            && f.split(' ').any(|x| x == "notes" || x == "note");
        if !records_of_notes && NOT_DATA_SHEETS.iter().any(|w| f.split(' ').any(|x| x == *w) || super::fold::starts_with_words(&f, w)) {
            return Some(format!("sheet '{name}' is named as a list, instructions or summary, not records"));
        }
    }
    if let Some(h) = header {
        let pivot = h.iter().any(|c| {
            let f = prepare(&c.as_string());
            f.starts_with("row label") || f.starts_with("column label") || ["count of ", "sum of ", "average of "].iter().any(|p| f.starts_with(p))
        });
        if pivot {
            return Some("a pivot table (\"Row Labels\", \"Count of …\"), not records".into());
        }
    }
    let width = body.iter().map(|r| r.len()).max().unwrap_or(0);
    let profiles: Vec<ValueProfile> = (0..width)
        .map(|i| {
            let values: Vec<&Cell> = body.iter().filter_map(|r| r.get(i)).collect();
            ValueProfile::of(&values, crosswalk)
        })
        .collect();
    // (Two rows, a column of ids and one of dates, every filled value of
    // each: a log kept in small files, two rows each.)
    let ids_of_two = profiles.iter().any(|p| p.non_empty == 2 && p.id_like == 2 && p.dates == 0);
    let data_like = profiles.iter().any(|p| {
        (p.dates >= 2 && p.fits(ValueKind::Date) == Some(true))
            || (ids_of_two && p.dates == 2 && p.non_empty == 2)
            || (p.id_like >= 3 && p.fits(ValueKind::Id) == Some(true))
            || (p.grades >= 4 && p.repeats && p.fits(ValueKind::Grade) == Some(true))
    });
    (!data_like).then(|| "no dates, identifiers or repeated grades: a list of options, instructions or a summary, not records".to_string())
}

/// Whether rows look like audit records: a column of grades (repeated, not
/// only yes / no) beside a column of dates or of identifiers.
pub fn looks_like_audits(body: &[&[Cell]], crosswalk: &Crosswalk) -> bool {
    let width = body.iter().map(|r| r.len()).max().unwrap_or(0);
    let profiles: Vec<ValueProfile> = (0..width).map(|i| ValueProfile::of(&body.iter().filter_map(|r| r.get(i)).collect::<Vec<_>>(), crosswalk)).collect();
    let graded = profiles.iter().any(|p| p.grades >= 3 && p.repeats && p.yes_no * 2 < p.non_empty && p.fits(ValueKind::Grade) == Some(true));
    let dated = profiles.iter().any(|p| p.dates >= 3 && p.fits(ValueKind::Date) == Some(true));
    let ids = profiles.iter().any(|p| p.id_like >= 3 && p.fits(ValueKind::Id) == Some(true));
    graded && (dated || ids)
}

/// A header matched to a field, with how strongly and why.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldMatch {
    pub field: String,
    pub score: usize,
    pub reason: String,
}

/// The vocabulary of one kind of table: each field's synonyms and concept,
/// normalised once.
#[derive(Debug, Clone, Default)]
pub struct FieldVocabulary {
    fields: Vec<FieldEntry>,
    /// Every word a synonym or a concept's phrases use (a word ending in `*`
    /// as a prefix): a header with none of them matches no field, and is
    /// answered without trying each field.
    words: std::collections::HashSet<String>,
    prefixes: Vec<String>,
}

#[derive(Debug, Clone)]
struct FieldEntry {
    field: String,
    /// Each synonym as its sorted, deduplicated words, and its words in order.
    synonyms: Vec<(Vec<String>, String)>,
    /// Synonyms written "=…" in the config: the whole header only, never
    /// inside a longer one ("=input from child" is not "Input from child
    /// reflected in plan?").
    whole: Vec<Vec<String>>,
    concept: Option<Concept>,
    value: ValueKind,
}

/// The longest header (in meaningful words) a concept reads as a field name.
const CONCEPT_MAX_WORDS: usize = 8;

/// "Words that make the field": every `all` slot present (a slot is
/// alternatives joined by `|`), at least one `any` phrase present (its words in
/// any order), no `not` word present. `word*` matches any word it starts.
#[derive(Debug, Clone)]
struct Concept {
    /// Free-text fields match prompts of any length; others only short names.
    max_words: usize,
    /// Terms of several words an abbreviation stands for ("social worker"
    /// for "SW"): one word of the header each, however it was written.
    terms: Vec<Vec<String>>,
    all: Vec<Vec<Vec<String>>>,
    any: Vec<Vec<String>>,
    not: Vec<Vec<String>>,
}

fn phrase(p: &str, vocab: &Vocabulary) -> Vec<String> {
    p.split(' ')
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            let star = w.ends_with('*');
            let core = w.trim_end_matches('*').to_lowercase();
            let expanded: Vec<String> = match vocab.abbreviations.get(&core) {
                Some(exp) if !star => exp.split(' ').map(str::to_string).collect(),
                _ => vec![core],
            };
            expanded.into_iter().map(move |e| if star { format!("{e}*") } else { stem(&e) }).collect::<Vec<_>>()
        })
        .collect()
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => pattern == word,
    }
}

fn has_phrase(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && phrase.iter().all(|p| words.iter().any(|w| word_matches(p, w)))
}

impl Concept {
    fn new(spec: &ConceptSpec, vocab: &Vocabulary) -> Concept {
        Concept {
            max_words: if ValueKind::parse(&spec.value) == ValueKind::Text { usize::MAX } else { CONCEPT_MAX_WORDS },
            terms: {
                let mut t: Vec<Vec<String>> = vocab.abbreviations.values().filter(|e| e.contains(' ')).map(|e| e.split(' ').map(stem).collect()).collect();
                t.sort();
                t.dedup();
                t
            },
            all: spec.all.iter().map(|slot| slot.split('|').map(|alt| phrase(alt.trim(), vocab)).collect()).collect(),
            any: spec.any.iter().map(|p| phrase(p, vocab)).collect(),
            not: spec.not.iter().map(|p| phrase(p, vocab)).collect(),
        }
    }

    /// A header's length in words, a term of several ("social worker",
    /// "personal adviser") counted once: "Audit completed WITHOUT input from
    /// allocated SW/PA?" is a field's name, not a long question.
    /// Words that join others ("to", "or") are not counted: "Did you speak
    /// to mum, dad or whoever looks after the child?" is seven words of
    /// meaning (blind set 150's pellingham).
    fn length(&self, words: &[String]) -> usize {
        let (mut i, mut n) = (0, 0);
        while i < words.len() {
            let joins = matches!(words[i].as_str(), "to" | "or" | "and" | "of" | "for" | "by");
            i += self.terms.iter().filter(|t| words[i..].starts_with(t)).map(Vec::len).max().unwrap_or(1);
            n += usize::from(!joins);
        }
        n
    }

    fn vetoes(&self, words: &[String]) -> Option<String> {
        self.not.iter().find(|p| has_phrase(words, p)).map(|p| p.join(" "))
    }

    /// The number of header words the concept accounts for, if it matches. A
    /// header of more than [`CONCEPT_MAX_WORDS`] words is a question, not a
    /// field name: concepts leave it to the domains.
    fn score(&self, words: &[String]) -> Option<usize> {
        if self.length(words) > self.max_words || self.vetoes(words).is_some() {
            return None;
        }
        let mut score = 0;
        for slot in &self.all {
            score += slot.iter().filter(|alt| has_phrase(words, alt)).map(Vec::len).max()?;
        }
        if !self.any.is_empty() {
            score += self.any.iter().filter(|p| has_phrase(words, p)).map(Vec::len).max()?;
        }
        (score > 0).then_some(score)
    }
}

impl FieldVocabulary {
    pub fn new(synonyms: &BTreeMap<String, Vec<String>>, concepts: &BTreeMap<String, ConceptSpec>, vocab: &Vocabulary) -> FieldVocabulary {
        let mut names: Vec<&String> = synonyms.keys().chain(concepts.keys()).collect();
        names.sort();
        names.dedup();
        let fields: Vec<FieldEntry> = names
            .into_iter()
            .map(|field| {
                let set_of = |s: &str| {
                    let mut set = words(&prepare(s), vocab);
                    set.sort();
                    set.dedup();
                    set
                };
                let whole: Vec<Vec<String>> =
                    synonyms.get(field).map(|syns| syns.iter().filter_map(|s| s.strip_prefix('=')).map(set_of).collect()).unwrap_or_default();
                let synonyms = synonyms
                    .get(field)
                    .map(|syns| {
                        let syns: Vec<&String> = syns.iter().filter(|s| !s.starts_with('=')).collect();
                        // (A synonym ending in "on", "completed on", is the
                        // header "Completed" too, as it was before a last
                        // "on" was read as "date".)
                        let on_less = syns.iter().filter_map(|s| s.trim_end().strip_suffix(" on").map(str::to_string)).collect::<Vec<String>>();
                        syns.into_iter()
                            .chain(&on_less)
                            .map(|s| {
                                let w = words(&prepare(s), vocab);
                                let joined = w.join(" ");
                                let mut set = w;
                                set.sort();
                                set.dedup();
                                (set, joined)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let spec = concepts.get(field);
                FieldEntry {
                    field: field.clone(),
                    synonyms,
                    whole,
                    concept: spec.map(|c| Concept::new(c, vocab)),
                    value: spec.map(|c| ValueKind::parse(&c.value)).unwrap_or(ValueKind::Any),
                }
            })
            .collect();
        let mut known = std::collections::HashSet::new();
        let mut prefixes = Vec::new();
        for f in &fields {
            let mut phrases: Vec<&Vec<String>> = f.synonyms.iter().map(|(set, _)| set).chain(&f.whole).collect();
            if let Some(c) = &f.concept {
                phrases.extend(c.all.iter().flatten().chain(&c.any));
            }
            for w in phrases.into_iter().flatten() {
                match w.strip_suffix('*') {
                    Some(prefix) => prefixes.push(prefix.to_string()),
                    None => {
                        known.insert(w.clone());
                    }
                }
            }
        }
        prefixes.sort();
        prefixes.dedup();
        FieldVocabulary { fields, words: known, prefixes }
    }

    /// Whether any header word is one a field's synonyms or concept use: when
    /// none is, no field can match (both need a word of theirs in the header).
    fn may_match(&self, words: &[String]) -> bool {
        words.is_empty() || words.iter().any(|w| self.words.contains(w) || self.prefixes.iter().any(|p| w.starts_with(p.as_str())))
    }

    pub fn value_kind(&self, field: &str) -> ValueKind {
        self.fields.iter().find(|f| f.field == field).map(|f| f.value).unwrap_or(ValueKind::Any)
    }

    /// Matches a header's words to a field. `multi` names the fields that take
    /// several columns (one-word synonyms may end their sub-headings). `values`,
    /// when given, confirms or vetoes. `Err` lists the fields tied for best.
    pub fn match_words(&self, words: &[String], multi: &[&str], values: Option<&ValueProfile>) -> Result<Option<FieldMatch>, Vec<String>> {
        if !self.may_match(words) {
            return Ok(None);
        }
        self.match_every_field(words, multi, values)
    }

    /// [`Self::match_words`] without the first test: every field is tried.
    fn match_every_field(&self, words: &[String], multi: &[&str], values: Option<&ValueProfile>) -> Result<Option<FieldMatch>, Vec<String>> {
        let mut set = words.to_vec();
        set.sort();
        set.dedup();
        let fits = |f: &FieldEntry| values.and_then(|v| v.fits(f.value));
        let fits_exact = |f: &FieldEntry| values.and_then(|v| v.fits_named(f.value));
        let exact: Vec<&FieldEntry> = self
            .fields
            .iter()
            .filter(|f| f.synonyms.iter().any(|(s, _)| *s == set) || f.whole.contains(&set))
            .filter(|f| fits_exact(f) != Some(false))
            .collect();
        match exact.len() {
            1 => return Ok(Some(FieldMatch { field: exact[0].field.clone(), score: 100, reason: "synonym".into() })),
            n if n > 1 => {
                let fitting: Vec<&&FieldEntry> = exact.iter().filter(|f| fits_exact(f) == Some(true)).collect();
                if fitting.len() == 1 {
                    return Ok(Some(FieldMatch { field: fitting[0].field.clone(), score: 100, reason: "synonym; values decide".into() }));
                }
                return Err(exact.into_iter().map(|f| f.field.clone()).collect());
            }
            _ => {}
        }
        let n_words = words.len();
        let mut best: Vec<(FieldMatch, Option<bool>)> = Vec::new();
        for f in &self.fields {
            let veto = f.concept.as_ref().and_then(|c| c.vetoes(words));
            if veto.is_some() {
                continue;
            }
            let by_synonym = f
                .synonyms
                .iter()
                .filter(|(s, joined)| {
                    let one_word = s.len() == 1;
                    let trailing = multi.contains(&f.field.as_str()) && words.last().is_some_and(|w| *w == *joined);
                    // A one-word synonym inside a longer header ("Judgement on visits")
                    // says little: fields with a concept leave it to the concept.
                    (!one_word || (n_words <= 3 && f.concept.is_none()) || trailing) && has_phrase(words, s)
                })
                .max_by_key(|(s, _)| s.len())
                .map(|(s, joined)| (s.len(), format!("contains '{joined}'")));
            let by_concept = f.concept.as_ref().and_then(|c| c.score(words)).map(|s| (s, "concept".to_string()));
            let hit = match (by_synonym, by_concept) {
                (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
                (a, b) => a.or(b),
            };
            let Some((score, reason)) = hit else { continue };
            let fit = fits(f);
            if fit == Some(false) {
                continue;
            }
            let m = FieldMatch { field: f.field.clone(), score, reason };
            match best.first().map(|(b, _)| b.score) {
                Some(b) if score > b => best = vec![(m, fit)],
                Some(b) if score == b => best.push((m, fit)),
                None => best.push((m, fit)),
                _ => {}
            }
        }
        match best.len() {
            0 => Ok(None),
            1 => Ok(best.pop().map(|(m, _)| m)),
            _ => {
                let fitting: Vec<&(FieldMatch, Option<bool>)> = best.iter().filter(|(_, f)| *f == Some(true)).collect();
                if fitting.len() == 1 {
                    let mut m = fitting[0].0.clone();
                    m.reason = format!("{}; values decide", m.reason);
                    return Ok(Some(m));
                }
                Err(best.into_iter().map(|(m, _)| m.field).collect())
            }
        }
    }
}

/// The four kinds' vocabularies, built once per run.
#[derive(Debug, Clone, Default)]
pub struct Recogniser {
    pub audit: FieldVocabulary,
    pub action: FieldVocabulary,
    pub case_note: FieldVocabulary,
    pub episode: FieldVocabulary,
    pub vocabulary: Vocabulary,
    /// Every word the vocabulary knows, for splitting run-together field names
    /// ("datecompleted", "CHILDREF") into words.
    dictionary: std::collections::HashSet<String>,
    /// Each domain's id and its questions, folded and without their numbers.
    pub questions: Vec<(String, Vec<String>)>,
}

/// The longest word [`Recogniser::split_word`] splits ("dateofthelastsupervision").
const MAX_GLUED: usize = 64;

impl Recogniser {
    pub fn new(config: &Config) -> Recogniser {
        let v = &config.vocabulary;
        let c = &config.concepts;
        let f = &config.fields;
        let mut phrases: Vec<&str> = Vec::new();
        for syns in [&f.audit, &f.action, &f.case_note, &f.episode] {
            phrases.extend(syns.values().flatten().map(String::as_str));
        }
        for set in [&c.audit, &c.action, &c.case_note, &c.episode] {
            for spec in set.values() {
                phrases.extend(spec.all.iter().chain(&spec.any).chain(&spec.not).map(String::as_str));
            }
        }
        phrases.extend(v.abbreviations.keys().chain(v.abbreviations.values()).chain(&v.id_words).chain(&v.filler).map(String::as_str));
        phrases.extend(config.domains.iter().flat_map(|d| d.keywords.iter().map(String::as_str)));
        let dictionary = phrases
            .iter()
            .flat_map(|p| prepare(&p.replace(['*', '|'], " ")).split(' ').map(str::to_string).collect::<Vec<_>>())
            .filter(|w| w.len() >= 2)
            .collect();
        Recogniser {
            audit: FieldVocabulary::new(&f.audit, &c.audit, v),
            action: FieldVocabulary::new(&f.action, &c.action, v),
            case_note: FieldVocabulary::new(&f.case_note, &c.case_note, v),
            episode: FieldVocabulary::new(&f.episode, &c.episode, v),
            vocabulary: v.clone(),
            dictionary,
            questions: config.domains.iter().map(|d| (d.id.clone(), d.questions.iter().map(|q| super::fold::split_numbering(&fold(q)).1).collect())).collect(),
        }
    }

    pub fn words(&self, prepared: &str) -> Vec<String> {
        words(&self.split_run_together(prepared), &self.vocabulary)
    }

    /// The date field a header names in some kind of table ("Date of the
    /// Audit": completed_date, "By when": due_date, "Date entered"), if any.
    pub fn date_field(&self, raw: &str) -> Option<String> {
        let words = self.header_words(raw);
        if words.is_empty() {
            return None;
        }
        let is_date = |v: &FieldVocabulary, f: &str| matches!(v.value_kind(f), ValueKind::Date | ValueKind::DateOrMonth);
        [&self.audit, &self.action, &self.case_note, &self.episode].iter().find_map(|v| match v.match_words(&words, &[], None) {
            Ok(Some(m)) => is_date(v, &m.field).then_some(m.field),
            Err(tied) => tied.iter().all(|f| is_date(v, f)).then(|| tied.first().cloned()).flatten(),
            Ok(None) => None,
        })
    }

    /// The field a header names in the first of `vocabularies` that names
    /// one (a tie: its first field), if any.
    pub fn field_in(&self, vocabularies: &[&FieldVocabulary], raw: &str) -> Option<String> {
        let words = self.header_words(raw);
        vocabularies.iter().find_map(|v| match v.match_words(&words, &[], None) {
            Ok(Some(m)) => Some(m.field),
            Err(tied) => tied.first().cloned(),
            Ok(None) => None,
        })
    }

    /// A raw header as the words that carry its meaning.
    pub fn header_words(&self, raw: &str) -> Vec<String> {
        let prepared = prepare_header(raw);
        // A reporting tool's total of a column ("Count of Child ID", "Number
        // of Records") is no field: it has no words that mean one.
        if tool_total(&prepared) {
            return Vec::new();
        }
        let mut words = self.words(without_tool_wrapper(&prepared));
        // A field name in camel case whose capitals are not where its words
        // start ("CPPstartDate", "LAchildID": the DfE census's own names) is
        // read as one run of letters split into known words, when that knows
        // every word and the split at capitals does not.
        let camel =
            raw.chars().all(|c| c.is_ascii_alphanumeric()) && raw.chars().any(|c| c.is_ascii_lowercase()) && raw.chars().any(|c| c.is_ascii_uppercase());
        if camel && words.iter().any(|w| !self.dictionary.contains(w)) {
            let whole = self.split_word(&raw.to_ascii_lowercase());
            if whole.len() > 1 && whole.iter().all(|w| self.dictionary.contains(w)) {
                words = super::recognise::words(&whole.join(" "), &self.vocabulary);
            }
        }
        // A machine field name's type suffix ("overall_cd", "worker_spoken_ind",
        // "seen_alone_flag") is not a word of its meaning. (In a header written
        // for people, "Team code" is another column than "Team".)
        let machine = raw.contains('_') && !raw.trim().contains(char::is_whitespace);
        if machine && words.len() > 1 && matches!(words.last().map(String::as_str), Some("code" | "indicator" | "flag" | "yn")) {
            words.pop();
        }
        words
    }

    /// Each run-together word of a prepared header split into known words.
    fn split_run_together(&self, prepared: &str) -> String {
        prepared.split(' ').flat_map(|w| self.split_word(w)).collect::<Vec<_>>().join(" ")
    }

    /// "datecompleted" → ["date", "completed"]: a word the vocabulary does not
    /// know, made of two or more words it does (fewest pieces wins), is split;
    /// anything else stays as it is.
    fn split_word(&self, w: &str) -> Vec<String> {
        // (A run of letters longer than a few words glued together is no
        // header's name: not split, so a 200,000-letter cell is not looked up
        // in every one of its pieces, which took minutes.)
        if w.len() < 5 || w.len() > MAX_GLUED || self.dictionary.contains(w) || !w.chars().all(|c| c.is_ascii_lowercase()) {
            return vec![w.to_string()];
        }
        let n = w.len();
        // best[i]: the fewest known words that make w[..i], and where the last starts.
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for end in 2..=n {
            for start in 0..end - 1 {
                let Some((count, _)) = best[start] else { continue };
                if self.dictionary.contains(&w[start..end]) && best[end].is_none_or(|(c, _)| count + 1 < c) {
                    best[end] = Some((count + 1, start));
                }
            }
        }
        match best[n] {
            Some((count, _)) if count >= 2 => {
                let mut pieces = Vec::new();
                let mut end = n;
                while end > 0 {
                    let (_, start) = best[end].expect("on the path");
                    pieces.push(w[start..end].to_string());
                    end = start;
                }
                pieces.reverse();
                pieces
            }
            _ => vec![w.to_string()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_power_bi_column_is_read_by_its_own_name_and_a_form_grid_is_not() {
        assert_eq!(prepare_header("Audits[Audit date]"), "audit date");
        assert_eq!(prepare_header("Audit Actions[Person]"), "person");
        assert_eq!(prepare_header("'Audit detail'[Overall grade]"), "overall grade");
        for not in ["Views sought [Child]", "Grade [1-4]", "Grade[1-4]", "[Child ID]", "Audits []", "Notes (see [1])"] {
            assert_eq!(power_bi_column(not), None, "{not}");
        }
    }

    #[test]
    fn identifiers_with_spaces_are_identifiers_and_short_numbered_words_are_not() {
        let id = |t: &str| is_id_value(&Cell::text(t));
        for t in ["C100234", "MOS 40012", " MOS  40012 ", "LA 123456", "943 476 5919", "NA-00012", "123456", "1,045,200", "45,200"] {
            assert!(id(t), "{t:?} is an identifier");
        }
        for t in [
            "12,34",
            "1,2345",
            "Week 3",
            "Year 10",
            "Grade 2",
            "2 - Good",
            "Good (2)",
            "Q 12",
            "12",
            "Sam Okafor",
            "MOS 40012 (old)",
            "ABCDEF 12345",
            "12 34",
            "2026-09-01",
            "01/09/2026",
        ] {
            assert!(!id(t), "{t:?} is not an identifier");
        }
        // Case numbers in the range of Excel date serials are still case numbers.
        assert!(id("45100") && is_id_value(&Cell::Number(45100.0)) && is_id_value(&Cell::Number(145_100.0)));
        let config = Config::defaults();
        let crosswalk = Crosswalk::new(&config);
        assert!(is_grade_value(&crosswalk, &Cell::text("2 - Good")), "a numbered grade stays a grade");
    }

    /// The quick "no known word" answer is the answer trying every field gives,
    /// on every synonym and concept phrase of the defaults, on cells of data,
    /// and on pairs of them.
    #[test]
    fn the_known_word_test_changes_no_match() {
        let config = Config::defaults();
        let rec = Recogniser::new(&config);
        let f = &config.fields;
        let mut texts: Vec<String> = [&f.audit, &f.action, &f.case_note, &f.episode].iter().flat_map(|m| m.values().flatten().cloned()).collect();
        texts.extend(
            ["C100234", "06/11/2026", "Sam Okafor", "Good", "Requires improvement to be good", "CP Visit", "Seen alone", "N/A", "Total", "", "42"]
                .map(String::from),
        );
        let n = texts.len();
        for i in 0..n {
            texts.push(format!("{} {}", texts[i], texts[(i * 7 + 3) % n]));
        }
        let mut skipped = 0;
        for t in &texts {
            let words = rec.header_words(t);
            for v in [&rec.audit, &rec.action, &rec.case_note, &rec.episode] {
                let quick = v.match_words(&words, &["evidence"], None);
                assert_eq!(quick, v.match_every_field(&words, &["evidence"], None), "{t}");
                skipped += usize::from(!v.may_match(&words));
            }
        }
        assert!(skipped > 20, "the test skips some: {skipped}");
    }

    #[test]
    fn a_jira_custom_fields_name_is_the_fields() {
        assert_eq!(prepare_header("Custom field (Child ID)"), "child id");
        assert_eq!(prepare_header("Custom field (Do you agree with the Auditor?)"), "do you agree with the auditor");
        assert_eq!(prepare_header("Custom field"), "custom field");
    }

    #[test]
    fn prepare_splits_case_styles() {
        assert_eq!(prepare("ChildRef"), "child ref");
        assert_eq!(prepare("DateCompleted"), "date completed");
        assert_eq!(prepare("overall_judgement"), "overall judgement");
        assert_eq!(prepare("sw_consulted"), "sw consulted");
        assert_eq!(prepare("SWConsulted"), "sw consulted");
        assert_eq!(prepare("Domain1"), "domain 1");
        assert_eq!(prepare("date-of-birth"), "date of birth");
        assert_eq!(prepare("CHILD ID"), "child id");
        assert_eq!(prepare("Q12"), "q 12");
        assert_eq!(prepare("1st visit"), "1st visit");
        assert_eq!(prepare("audit.completed.date"), "audit completed date");
    }

    #[test]
    fn words_expand_and_drop_filler() {
        let v = Config::defaults().vocabulary;
        let w = |s: &str| words(&prepare(s), &v).join(" ");
        assert_eq!(w("Date of the Audit"), "date audit");
        assert_eq!(w("ChildRef"), "child id");
        assert_eq!(w("Child's ID number"), "child id");
        assert_eq!(w("Case No."), "case id");
        assert_eq!(w("SW consulted"), "social worker consulted");
        assert_eq!(w("Auditors' Grade"), "auditor grade");
        assert_eq!(w("Date"), "date");
        // A last "on" after what was done names the date it was done.
        assert_eq!(w("Step Completed On"), "step completed date");
        assert_eq!(w("On"), "on");
    }

    /// "Step Completed On" is the completion date, as "Completed on" is; and
    /// "Completed", "Allocated" still match the synonyms "completed on",
    /// "allocated on".
    #[test]
    fn a_header_ending_in_on_is_a_date() {
        let rec = Recogniser::new(&Config::defaults());
        let field = |h: &str| rec.audit.match_words(&rec.header_words(h), &["evidence"], None).ok().flatten().map(|m| m.field);
        for h in ["Step Completed On", "Form Completed On", "Completed on", "Completed"] {
            assert_eq!(field(h).as_deref(), Some("completed_date"), "{h}");
        }
        assert_eq!(field("Allocated").as_deref(), Some("allocated_date"));
    }

    #[test]
    fn run_together_words_are_split() {
        let rec = Recogniser::new(&Config::defaults());
        assert_eq!(rec.header_words("datecompleted"), ["date", "completed"]);
        assert_eq!(rec.header_words("CHILDREF"), ["child", "id"]);
        assert_eq!(rec.header_words("seenalone"), ["seen", "alone"]);
        assert_eq!(rec.header_words("safeguarding"), ["safeguarding"], "a known word stays whole");
        assert_eq!(rec.header_words("Xylophone"), ["xylophone"], "an unknown word stays whole");
        // A long run of letters (a hostile cell of 200,000) is no glued
        // header: left whole, not looked up piece by piece (minutes before).
        let long = "datecompleted".repeat(20_000);
        assert_eq!(rec.header_words(&long), std::slice::from_ref(&long));
    }

    #[test]
    fn a_reporting_tools_wrappers_and_totals_are_no_words_of_a_field() {
        let rec = Recogniser::new(&Config::defaults());
        // Tableau's date part and Power BI's summaries around a field's name.
        assert_eq!(rec.header_words("Day of Date completed"), rec.header_words("Date completed"));
        assert_eq!(rec.header_words("Earliest Completion date"), rec.header_words("Completion date"));
        assert_eq!(rec.header_words("Max of Due Date"), rec.header_words("Due Date"));
        // Nothing left after it: the header stays as it is.
        assert_eq!(rec.header_words("Latest"), ["latest"]);
        // A total of a column is no field at all.
        for total in ["Count of Child ID", "Number of Records", "Sum of Score", "CNT(Child ID)"] {
            assert!(tool_total(&prepare(total)), "{total}");
        }
        assert!(rec.header_words("Count of Child ID").is_empty());
        assert!(!tool_total(&prepare("Child ID")) && !tool_total(&prepare("Visit count")));
    }

    #[test]
    fn value_evidence_vetoes() {
        let config = Config::defaults();
        let cw = Crosswalk::new(&config);
        let cells = [Cell::text("Good"), Cell::text("Requires improvement"), Cell::text("Good")];
        let refs: Vec<&Cell> = cells.iter().collect();
        let p = ValueProfile::of(&refs, &cw);
        assert_eq!(p.fits(ValueKind::Date), Some(false));
        assert_eq!(p.fits(ValueKind::Grade), Some(true));
        let dates = [Cell::text("01/02/2026"), Cell::text("2026-03-04"), Cell::Number(46000.0)];
        let refs: Vec<&Cell> = dates.iter().collect();
        assert_eq!(ValueProfile::of(&refs, &cw).fits(ValueKind::Date), Some(true));
        let few = [Cell::text("x")];
        let refs: Vec<&Cell> = few.iter().collect();
        assert_eq!(ValueProfile::of(&refs, &cw).fits(ValueKind::Date), None, "too few values to tell");
    }
}
