//! Grades written as codes, explained on another sheet of the workbook ("Key":
//! a title, then "3 | Exceeds good", "2 | Meets good", "1 | Does not meet
//! good", "9 | Not applicable"). Such a workbook's graded columns of codes
//! (headed as a numbered question, "Q1 Risk", or as a grade, "Moderator Q12")
//! are read as the labels the key gives them, before their columns are
//! recognised, so the scale, the framework and the overall question are found
//! as in a workbook that writes the words. Scores banded into grades on such
//! a sheet ("85% - 100% | Outstanding", "Below 45% | Inadequate") are read as
//! the grade of their band in the same way.

use super::fold::fold;
use super::scales::Crosswalk;
use crate::ingest::{Cell, SourceRow, Table};
use std::collections::BTreeMap;

/// Rows of a sheet looked at for a key, or for a table's header and codes.
const LOOK: usize = 200;

/// What a sheet of the workbook explains.
#[derive(Clone)]
pub enum Key {
    /// Each code's label.
    Codes(BTreeMap<i64, String>),
    /// Each band's lowest score and its grade, the highest band first.
    Bands(Vec<(f64, String)>),
    /// The council's own words for its grades, each read as the grade its
    /// meaning names ([`words_in`]).
    Words(OwnWords),
}

/// A council's own grade words and the grades they stand for.
#[derive(Clone)]
pub struct OwnWords {
    /// Each word as written in the key, and its grade's label, in the key's order.
    pub shown: Vec<(String, String)>,
    /// Each word, and its meaning as written, folded → its grade's label.
    by_text: BTreeMap<String, String>,
    /// The words (folded) the crosswalk does not know of itself.
    own: std::collections::BTreeSet<String>,
    /// For which columns, in a key of two sections whose words mean
    /// different things ("Domains: G | Met", "Overall judgement: G | Good"):
    /// `Some(true)` the overall's (a header naming the overall or a
    /// judgement), `Some(false)` the others; `None` every column.
    scope: Option<bool>,
}

/// A key, and the sheet it was found on.
#[derive(Clone)]
pub struct SheetKey {
    pub key: Key,
    pub sheet: String,
    /// Where the key is: "sheet" (of the workbook) or "file" (of its own).
    pub place: &'static str,
}

impl Key {
    /// The grade a cell's code or score stands for.
    fn grade(&self, c: &Cell) -> Option<String> {
        match self {
            // (A label such as "Not applicable / not graded" is read as the
            // crosswalk's own "Not applicable".)
            Key::Codes(codes) => code(c).and_then(|n| codes.get(&n)).map(|l| if is_not_applicable(l) { "Not applicable".to_string() } else { l.clone() }),
            Key::Bands(bands) => per_cent(c).and_then(|v| bands.iter().find(|(floor, _)| v >= *floor - 1e-9).map(|(_, l)| l.clone())),
            Key::Words(words) => match c {
                Cell::Text(t) => words.by_text.get(&word_key(t)).cloned(),
                _ => None,
            },
        }
    }
}

impl SheetKey {
    /// The note saying which columns were read with the key: its code, its
    /// value (the key) and its message.
    pub fn note(&self, named: &[String]) -> (&'static str, String, String) {
        match &self.key {
            Key::Codes(codes) => {
                let shown = codes.iter().map(|(n, l)| format!("{n} = {l}")).collect::<Vec<_>>().join(", ");
                let message = format!("grades written as codes, read with the key in {} '{}' ({shown}): {}", self.place, self.sheet, named.join(", "));
                ("grade_key", shown, message)
            }
            Key::Words(words) => {
                let shown = words.shown.iter().map(|(w, l)| format!("{w} = {l}")).collect::<Vec<_>>().join(", ");
                let message = format!(
                    "grades written in the council's own words, read as the grades the key in {} '{}' says they mean ({shown}): {}",
                    self.place,
                    self.sheet,
                    named.join(", ")
                );
                ("grade_key", shown, message)
            }
            Key::Bands(bands) => {
                let shown = bands.iter().map(|(floor, l)| format!("{floor}% and over = {l}")).collect::<Vec<_>>().join(", ");
                let message = format!("scores read as the grade of their band, from {} '{}' ({shown}): {}", self.place, self.sheet, named.join(", "));
                ("score_bands", shown, message)
            }
        }
    }
}

fn code(c: &Cell) -> Option<i64> {
    match c {
        Cell::Number(n) if n.fract() == 0.0 && (0.0..=99.0).contains(n) => Some(*n as i64),
        Cell::Text(t) => t.trim().parse::<i64>().ok().or_else(|| super::scales::whole_decimal(t)).filter(|n| (0..=99).contains(n)),
        _ => None,
    }
}

/// The first `LOOK` rows of a table, read; the table keeps every row.
fn head(t: &mut Table) -> Vec<SourceRow> {
    head_n(t, LOOK)
}

/// The first `n` rows of a table, read; the table keeps every row.
pub(crate) fn head_n(t: &mut Table, n: usize) -> Vec<SourceRow> {
    let rows = std::mem::replace(&mut t.rows, Box::new(std::iter::empty()));
    let mut rows = rows.peekable();
    let mut head = Vec::new();
    while head.len() < n {
        match rows.next() {
            Some(Ok(r)) => head.push(r),
            Some(Err(e)) => {
                t.rows = Box::new(head.clone().into_iter().map(Ok).chain(std::iter::once(Err(e))).chain(rows));
                return head;
            }
            None => break,
        }
    }
    t.rows = Box::new(head.clone().into_iter().map(Ok).chain(rows));
    head
}

/// A run of three or more rows "code | grade label" (a code alone in its first
/// cell, a label the crosswalk knows on a worded scale, or not applicable, in
/// the next).
fn key_in(rows: &[SourceRow], crosswalk: &Crosswalk, sentences: bool) -> Option<BTreeMap<i64, String>> {
    let mut run: BTreeMap<i64, String> = BTreeMap::new();
    // Every run of grade labels found: two different ones (a list for the
    // domains and one for the overall) cannot say which question each is for.
    let mut found: Vec<BTreeMap<i64, String>> = Vec::new();
    let mut scales: Vec<String> = Vec::new();
    let finish = |run: &mut BTreeMap<i64, String>, scales: &mut Vec<String>, found: &mut Vec<BTreeMap<i64, String>>| {
        scales.sort();
        scales.dedup();
        let graded = run.len() - run.values().filter(|l| is_not_applicable(l)).count();
        // (Labels on two scales that share them, "Meets good" on the
        // three-grade and the binary scale, are one key.)
        if graded >= 2 && run.len() >= 3 && !scales.is_empty() && !found.contains(run) {
            found.push(std::mem::take(run));
        }
        run.clear();
        scales.clear();
    };
    let mut list_name: Option<String> = None;
    // (A blank row inside a key, or between its title and its rows, is
    // spacing: it neither ends a run nor starts one.)
    for r in rows.iter().filter(|r| !r.is_blank()) {
        let filled = r.filled();
        // (A whole key in one sentence: "Moderators: judgement as a number –
        // 1 = does not yet meet good, 2 = meets good, 3 = exceeds good";
        // blind set 162's pellsworth.)
        if let (true, [Cell::Text(line)]) = (sentences, filled.as_slice()) {
            // (Every label a grade or not applicable, else no key at all.)
            let sentence = codes_in_sentence(line).filter(|p| p.len() >= 3).and_then(|pairs| {
                let scales: Vec<Option<String>> = pairs.iter().map(|(_, l)| key_label(crosswalk, l)).collect::<Option<_>>()?;
                Some((pairs, scales))
            });
            if let Some((pairs, its_scales)) = sentence {
                finish(&mut run, &mut scales, &mut found);
                scales.extend(its_scales.into_iter().flatten());
                run.extend(pairs);
                finish(&mut run, &mut scales, &mut found);
                continue;
            }
        }
        // (A key of several lists gives each row its list's name first:
        // "QA_GRADE | 3 | Good", "Q1-Q12 | 2 | Meets good"; a new name starts
        // another list.)
        // (In any order: "Code | List | Label", "Label | Code"; of two texts
        // beside a code, the label is the one a scale knows.)
        let knows = |t: &str| is_not_applicable(t) || matches!(crosswalk.judge(&Cell::text(t), None, super::config::NumericDirection::Ofsted), Ok(Some(_)));
        let pair = match filled.as_slice() {
            [c, Cell::Text(label)] | [Cell::Text(label), c] if code(c).is_some() => code(c).map(|n| (n, label.trim().to_string())),
            // (Or both in one cell: "1 = Outstanding", "4 - Inadequate".)
            [Cell::Text(line)] => code_in_line(line),
            three @ [_, _, _] => listed(three, knows).map(|(list, n, label)| {
                if list_name.as_deref().is_some_and(|l| l != list) {
                    finish(&mut run, &mut scales, &mut found);
                }
                list_name = Some(list);
                (n, label)
            }),
            _ => None,
        };
        // (A code already in the run starts another list: two lists with no
        // title between them, "1 = Outstanding …" then "1 = Met …".)
        if pair.as_ref().is_some_and(|(n, _)| run.contains_key(n)) {
            finish(&mut run, &mut scales, &mut found);
        }
        match pair.map(|(n, label)| (key_label(crosswalk, &label), n, label)) {
            Some((Some(scale), n, label)) => {
                scales.extend(scale);
                run.insert(n, label);
            }
            _ => finish(&mut run, &mut scales, &mut found),
        }
    }
    finish(&mut run, &mut scales, &mut found);
    match found.len() {
        1 => found.pop(),
        _ => None,
    }
}

/// A code and its label written in one cell: "1 = Outstanding", "2 - Good",
/// "3: Requires Improvement", "4) Inadequate".
fn code_in_line(line: &str) -> Option<(i64, String)> {
    let t = line.trim();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = t[digits..].trim_start();
    let label = rest.strip_prefix(['=', '-', '–', ':', ')']).map(str::trim)?;
    (!label.is_empty()).then(|| (t[..digits].parse().ok()).map(|n| (n, label.to_string()))).flatten()
}

/// What a key's label is: `Some(None)` not applicable, `Some(Some(scale))`
/// a grade on a worded scale, `None` neither (no key's label).
fn key_label(crosswalk: &Crosswalk, label: &str) -> Option<Option<String>> {
    if is_not_applicable(label) {
        return Some(None);
    }
    match crosswalk.judge(&Cell::text(label), None, super::config::NumericDirection::Ofsted) {
        Ok(Some(j)) if j.scale != super::scales::NUMERIC => Some(Some(j.scale)),
        _ => None,
    }
}

/// Codes and their labels in one sentence, separated by commas or
/// semicolons ("… – 1 = does not yet meet good, 2 = meets good, 3 = exceeds
/// good."): each part from its code on ("N =" or "N -" after any words
/// before it), every part a pair, no code twice.
fn codes_in_sentence(line: &str) -> Option<Vec<(i64, String)>> {
    let parts: Vec<&str> = line.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 {
        return None;
    }
    let mut pairs: Vec<(i64, String)> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        // (The first part's words before its code: "Moderators: … number –".)
        let from = if i == 0 {
            let b = part.as_bytes();
            (0..b.len()).rev().find(|&k| b[k].is_ascii_digit() && (k == 0 || !b[k - 1].is_ascii_digit()) && code_in_line(&part[k..]).is_some())?
        } else {
            0
        };
        let (n, label) = code_in_line(&part[from..])?;
        // (A label ends at a bracket or a sentence's end: "1 = Inadequate
        // (N/A = not applicable). Overall judgement in words.")
        let label = label.split(['(', '[']).next().unwrap_or_default();
        let label = label.split(". ").next().unwrap_or_default().trim().trim_end_matches('.').trim().to_string();
        if pairs.iter().any(|(m, _)| *m == n) || label.is_empty() {
            return None;
        }
        pairs.push((n, label));
    }
    Some(pairs)
}

/// A key's row naming its list, code and label in any order ("QA_GRADE | 3 |
/// Good", "3 | QA_GRADE | Good"): one code beside two texts; of the two, the
/// label is the last unless only the other is one `knows` (a grade). The
/// list's name, the code and the label, trimmed.
fn listed(three: &[&Cell], knows: impl Fn(&str) -> bool) -> Option<(String, i64, String)> {
    fn text(c: &Cell) -> Option<&str> {
        match c {
            Cell::Text(t) if code(c).is_none() => Some(t.as_str()),
            _ => None,
        }
    }
    let at: Vec<usize> = (0..3).filter(|&i| code(three[i]).is_some() && (0..3).filter(|&j| j != i).all(|j| text(three[j]).is_some())).collect();
    let [at] = at[..] else { return None };
    let mut texts = (0..3).filter(|&i| i != at).filter_map(|i| text(three[i]));
    let (a, b) = (texts.next()?, texts.next()?);
    let (list, label) = if knows(a) && !knows(b) { (b, a) } else { (a, b) };
    Some((list.trim().to_string(), code(three[at])?, label.trim().to_string()))
}

/// Whether a key's label says not applicable: "Not applicable", "N/A", or
/// such words first and more after them ("Not applicable / not graded",
/// "N/A – not audited"), or "Not graded".
fn is_not_applicable(label: &str) -> bool {
    let f = fold(label);
    let first = |w: &str| f == w || f.strip_prefix(w).is_some_and(|r| r.starts_with(' '));
    first("not applicable") || first("n a") || f == "na" || f == "not graded" || f == "not rated"
}

/// A header that names a grade: a numbered question ("Q1 Risk", "Q12
/// Outcomes") or a grade's word ("Moderator Q12", "Overall rating").
fn graded_header(h: &str) -> bool {
    let f = fold(h);
    let words: Vec<&str> = f.split(' ').collect();
    let numbered = words.iter().any(|w| w.len() >= 2 && w.starts_with('q') && w[1..].bytes().all(|b| b.is_ascii_digit()));
    numbered || words.iter().any(|w| matches!(*w, "grade" | "grading" | "judgement" | "judgment" | "rating"))
}

/// The lowest score of a band written "70% - 84%", "70-84", "85%+", "Below 45%".
fn band_floor(t: &str) -> Option<f64> {
    let f = t.trim().to_ascii_lowercase();
    if !f.contains('%') && !f.contains('-') && !f.contains('–') {
        return None;
    }
    if f.starts_with("below") || f.starts_with("under") || f.starts_with("less than") || f.starts_with('<') || f.starts_with('≤') {
        return Some(0.0);
    }
    // "44% and below", "44% or less": the lowest band.
    if ["and below", "or below", "and under", "or under", "or less", "and less", "or lower", "and lower"].iter().any(|w| f.contains(w)) {
        return Some(0.0);
    }
    let digits: String = f.trim_start_matches(['>', '=', ' ']).chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    digits.parse().ok().filter(|n: &f64| (0.0..=100.0).contains(n))
}

/// A run of three or more rows "band | grade label" (labels the crosswalk
/// knows on a worded scale), the highest band first.
fn bands_in(rows: &[SourceRow], crosswalk: &Crosswalk) -> Option<Vec<(f64, String)>> {
    let mut bands: Vec<(f64, String)> = Vec::new();
    for r in rows.iter().filter(|r| !r.is_blank()) {
        let filled = r.filled();
        // (Or with the band's lowest score between, as a number: "90%+ |
        // 0.9 | Outstanding"; blind set 180's fallowmarsh.)
        let pair = match filled.as_slice() {
            [Cell::Text(range), Cell::Text(label)] | [Cell::Text(range), Cell::Number(_), Cell::Text(label)] => Some((range, label)),
            _ => None,
        };
        let band = pair.and_then(|(range, label)| {
            band_floor(range).filter(|_| {
                matches!(crosswalk.judge(&Cell::text(label), None, super::config::NumericDirection::Ofsted), Ok(Some(j)) if j.scale != super::scales::NUMERIC)
            })
        });
        match band.zip(pair) {
            Some((floor, (_, label))) => bands.push((floor, label.trim().to_string())),
            None if bands.len() >= 3 => break,
            None => bands.clear(),
        }
    }
    (bands.len() >= 3).then(|| {
        bands.sort_by(|a, b| b.0.total_cmp(&a.0));
        bands
    })
}

/// A key word as it is looked up: folded, or, for symbols that fold to
/// nothing ("✔✔", "✘"), the symbols themselves without spaces.
fn word_key(t: &str) -> String {
    match fold(t) {
        f if f.is_empty() => t.split_whitespace().collect(),
        f => f,
    }
}

/// A run of three or more rows "word | what it means" of a council's own
/// grade words ("Strong | better than good - outstanding practice", "Needs
/// work | requires improvement to be good", "Poor | inadequate"): each
/// meaning names one grade ([`Crosswalk::grade_in_text`]), two grades or
/// more in all, and one word at least is none the crosswalk knows. A word the
/// crosswalk reads as another grade than its meaning makes no key; nor do two
/// such runs (which would be for which question?).
fn words_in(rows: &[SourceRow], crosswalk: &Crosswalk) -> Vec<OwnWords> {
    // (Each run, its section's title, and whether a word of it is a grade
    // the crosswalk reads otherwise.)
    let mut found: Vec<(OwnWords, String, bool)> = Vec::new();
    let mut conflict = false;
    let mut run: Vec<(String, String, String)> = Vec::new();
    // (The line above each run: its section's title, "Overall judgement |
    // Code | Meaning".)
    let (mut title, mut run_title) = (String::new(), String::new());
    let finish = |run: &mut Vec<(String, String, String)>, found: &mut Vec<(OwnWords, String, bool)>, run_title: &str, conflict: &mut bool| {
        let bands: std::collections::BTreeSet<String> = run.iter().map(|(_, _, l)| fold(l)).collect();
        // (Not a yes or no: ticks and crosses, "✔" and "✘", are answers to
        // yes / no questions too, so only a column with a word of the key that
        // is no answer, "✔✔", or headed as a grade, is read with the key;
        // review 244's c10, c62, c63.)
        let own: std::collections::BTreeSet<String> =
            run.iter().map(|(w, ..)| word_key(w)).filter(|w| !crosswalk.is_label(&Cell::text(w)) && super::scales::answer(&Cell::text(w)).is_none()).collect();
        if run.len() >= 3 && bands.len() >= 2 && !own.is_empty() {
            let mut by_text = BTreeMap::new();
            for (w, meaning, l) in run.iter() {
                by_text.insert(word_key(w), l.clone());
                by_text.insert(fold(meaning), l.clone());
            }
            found.push((
                OwnWords { shown: run.iter().map(|(w, _, l)| (w.clone(), l.clone())).collect(), by_text, own, scope: None },
                run_title.to_string(),
                *conflict,
            ));
        }
        run.clear();
        *conflict = false;
    };
    for r in rows.iter().filter(|r| !r.is_blank()) {
        let filled = r.filled();
        let pair = match filled.as_slice() {
            [Cell::Text(word), Cell::Text(meaning)] => {
                let w = word.trim();
                // (Words, or symbols: ticks and crosses, "✔✔ | Exceeds good",
                // blind set 150's wrenmouth; not digits or ASCII marks alone.)
                let short = !w.is_empty()
                    && w.chars().count() <= 30
                    && w.split_whitespace().count() <= 4
                    && w.chars().any(|c| c.is_alphabetic() || (!c.is_ascii() && !c.is_whitespace() && !c.is_numeric()));
                short.then(|| crosswalk.grade_in_text(meaning).map(|j| (w.to_string(), meaning.trim().to_string(), j))).flatten()
            }
            _ => None,
        };
        match pair {
            Some((word, meaning, j)) => {
                // (A word the crosswalk reads as another grade: no key.)
                if let Ok(Some(own)) = crosswalk.judge(&Cell::text(&word), None, super::config::NumericDirection::Ofsted) {
                    conflict |= own.band != j.band || own.not_applicable != j.not_applicable;
                }
                if run.is_empty() {
                    run_title.clone_from(&title);
                }
                run.push((word, meaning, j.label));
            }
            None => {
                finish(&mut run, &mut found, &run_title, &mut conflict);
                title = filled.first().map(|c| fold(&c.as_string())).unwrap_or_default();
            }
        }
    }
    finish(&mut run, &mut found, &run_title, &mut conflict);
    // (Two runs, one under a title naming the overall judgement and one not:
    // each for its own columns, its words read as it says even where the
    // crosswalk reads them otherwise; blind set 180's ospreyfield, "G" is
    // "Met" for a domain and "Good" overall.)
    let overall = |t: &str| t.split(' ').any(|w| matches!(w, "overall" | "judgement" | "judgment"));
    match found.as_mut_slice() {
        [(one, _, false)] => vec![one.clone()],
        [(a, ta, _), (b, tb, _)] if overall(ta) != overall(tb) => {
            a.scope = Some(overall(ta));
            b.scope = Some(overall(tb));
            vec![a.clone(), b.clone()]
        }
        _ => Vec::new(),
    }
}

/// Whether a header is the overall judgement's, as a key in sections tells
/// its columns apart ([`OwnWords::scope`]).
fn overall_header(h: &str) -> bool {
    fold(h).split(' ').any(|w| matches!(w, "overall" | "judgement" | "judgment"))
}

/// The columns of a council's own grade words, under the first header row
/// of three texts or more: two thirds of their values or more words of the
/// key, two different ones, one a word of the council's own.
fn word_columns(rows: &[SourceRow], words: &OwnWords) -> Option<(usize, Vec<usize>)> {
    let h = rows.iter().position(|r| r.cells.iter().filter(|c| matches!(c, Cell::Text(_))).count() >= 3)?;
    let header = &rows[h].cells;
    // Each column of the key's words: whether it is sure alone (two of them,
    // one the council's own), and its header's words.
    let keyed: Vec<(usize, bool, Vec<String>)> = (0..header.len())
        .filter(|&i| words.scope.is_none_or(|o| overall_header(&header[i].as_string()) == o))
        .filter_map(|i| {
            let values: Vec<String> =
                rows[h + 1..].iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty() && **c != header[i]).map(|c| word_key(&c.as_string())).collect();
            let keyed: std::collections::BTreeSet<&String> = values.iter().filter(|v| words.by_text.contains_key(*v)).collect();
            let most = !values.is_empty() && values.iter().filter(|v| words.by_text.contains_key(*v)).count() * 3 >= values.len() * 2;
            let own = keyed.iter().any(|v| words.own.contains(*v));
            // (One word of the key under a header that names a grade, "Grade
            // given": D on an earlier round's one or two rows; review 243's
            // c49, c50.)
            let graded = matches!(&header[i], Cell::Text(h) if graded_header(h) || fold(h).split(' ').any(|w| w == "overall"));
            let sure = keyed.len() >= 2 || graded;
            (most && (own || graded)).then(|| (i, sure, fold(&header[i].as_string()).split(' ').map(str::to_string).collect()))
        })
        .collect();
    // (A column with one word of the key, "PSW moderation - colour" on the
    // two audits moderated, is read so where a sure column shares a word of
    // its header, "Colour": blind set 150's kestrelford.)
    let sure: Vec<&Vec<String>> = keyed.iter().filter(|(_, sure, _)| *sure).map(|(_, _, w)| w).collect();
    let columns =
        keyed.iter().filter(|(_, is_sure, w)| *is_sure || sure.iter().any(|s| s.iter().any(|x| x.len() >= 4 && w.contains(x)))).map(|(i, ..)| *i).collect();
    Some((h, columns))
}

/// The workbook's keys: its grade codes (from the first sheet of no more than
/// 40 rows with a run of code and label rows), its score bands and its own
/// grade words (likewise).
pub fn find(tables: &mut [Table], crosswalk: &Crosswalk) -> Vec<SheetKey> {
    let (mut codes, mut bands, mut words): (Option<SheetKey>, Option<SheetKey>, Vec<SheetKey>) = (None, None, Vec::new());
    // (A key written as one sentence only where no sheet has one as rows: a
    // tracker's own note "Section scores: 4 = Outstanding, …" beside a Key
    // sheet is the Key sheet's.)
    let mut sentence: Option<SheetKey> = None;
    for t in tables.iter_mut() {
        let rows = head(t);
        if rows.len() > 40 {
            continue;
        }
        let sheet = || t.sheet.clone().unwrap_or_default();
        if codes.is_none() {
            codes = key_in(&rows, crosswalk, false).map(|c| SheetKey { key: Key::Codes(c), sheet: sheet(), place: "sheet" });
        }
        if codes.is_none() && sentence.is_none() {
            sentence = key_in(&rows, crosswalk, true).map(|c| SheetKey { key: Key::Codes(c), sheet: sheet(), place: "sheet" });
        }
        if bands.is_none() {
            bands = bands_in(&rows, crosswalk).map(|b| SheetKey { key: Key::Bands(b), sheet: sheet(), place: "sheet" });
        }
        if words.is_empty() {
            words = words_in(&rows, crosswalk).into_iter().map(|w| SheetKey { key: Key::Words(w), sheet: sheet(), place: "sheet" }).collect();
        }
    }
    codes.or(sentence).into_iter().chain(bands).chain(words).collect()
}

/// A grade key given as a file of its own beside the exports ("Answer
/// lookup.csv": code and label rows, a list's name before them or not), for
/// the tables of the other files. Only a file of at most 40 rows.
pub fn find_in_file(t: &mut Table, crosswalk: &Crosswalk, name: &str) -> Option<SheetKey> {
    let rows = head(t);
    if rows.len() > 40 {
        return None;
    }
    key_in(&rows, crosswalk, false).map(|c| SheetKey { key: Key::Codes(c), sheet: name.to_string(), place: "file" }).or_else(|| {
        let mut w = words_in(&rows, crosswalk);
        (w.len() == 1).then(|| SheetKey { key: Key::Words(w.remove(0)), sheet: name.to_string(), place: "file" })
    })
}

/// Whether a question names a grade: a graded header ("Q12 Overall",
/// "Overall judgement") or a numbered question ("1. Risk is identified …",
/// "3) Decision making").
fn graded_question(h: &str) -> bool {
    let t = h.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    graded_header(h) || (digits > 0 && digits <= 2 && matches!(t[digits..].chars().next(), Some('.' | ')')))
}

/// Reads the graded questions of a long export turned into one row per form
/// (`header` over `rows`) as the grades its key gives their codes: each
/// question column whose answers are all codes of the key, and that names a
/// grade, or is a question (three words or more, not counting or numbering
/// anything: "Chronology is up to date …", not "Form Version") answered with
/// two or more of the codes. The questions so read.
pub fn apply_to_rows(header: &[Cell], rows: &mut [SourceRow], key: &SheetKey) -> Vec<String> {
    let Key::Codes(codes) = &key.key else { return Vec::new() };
    let columns: Vec<usize> = (0..header.len())
        .filter(|&i| {
            let Cell::Text(h) = &header[i] else { return false };
            let values: Vec<&Cell> = rows.iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).collect();
            let all_codes = !values.is_empty() && values.iter().all(|c| code(c).is_some_and(|n| codes.contains_key(&n)));
            let distinct: std::collections::BTreeSet<i64> = values.iter().filter_map(|c| code(c)).collect();
            let f = fold(h);
            let question = f.split(' ').filter(|w| !w.is_empty()).count() >= 3 && !super::columns::counts_not_grades(&f);
            all_codes && (graded_question(h) || (question && distinct.len() >= 2))
        })
        .collect();
    for r in rows.iter_mut() {
        for &i in &columns {
            if let Some(label) = r.cells.get(i).and_then(|c| key.key.grade(c)) {
                r.cells[i] = Cell::Text(label);
            }
        }
    }
    columns.iter().map(|&i| header[i].as_string()).collect()
}

/// The header row (in the first rows) and the columns of codes under it: a
/// row with two or more cells that name grades; the columns it so names whose
/// values in the first rows are all codes of the key.
fn code_columns(rows: &[SourceRow], codes: &BTreeMap<i64, String>) -> Option<(usize, Vec<usize>)> {
    // (A header row of two graded columns or more; else one of one among
    // three texts or more: a tracker with one "Overall grade".)
    // (A score beside them counts: "Score (1-5)" and "Moderator score".)
    let scored = |s: &str| fold(s).split(' ').any(|w| w == "score");
    let graded = |r: &SourceRow| r.cells.iter().filter(|c| matches!(c, Cell::Text(s) if graded_header(s) || scored(s))).count();
    let h = rows
        .iter()
        .position(|r| graded(r) >= 2)
        .or_else(|| rows.iter().position(|r| graded(r) == 1 && r.cells.iter().filter(|c| matches!(c, Cell::Text(_))).count() >= 3))?;
    let header = &rows[h].cells;
    // (And a score beside them, "Overall score" by "Overall judgement" (a
    // lookup of the score in the key): the grade the key gives its code,
    // read where the lookup failed, "#N/A".)
    // Each column of codes, and whether it has values enough to say so alone.
    let coded: Vec<(usize, bool)> = (0..header.len())
        .filter(|&i| matches!(&header[i], Cell::Text(s) if graded_header(s) || scored(s)))
        .filter_map(|i| {
            // (The header again at a page break is no value.)
            let values: Vec<&Cell> = rows[h + 1..].iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty() && **c != header[i]).collect();
            // (Every number a code of the key, and most values numbers: a
            // "TBC" or "see notes" among them is no grade either way.)
            let coded = values.iter().filter(|c| code(c).is_some()).count();
            let codes_all = !values.is_empty() && coded * 3 >= values.len() * 2 && values.iter().filter_map(|c| code(c)).all(|n| codes.contains_key(&n));
            codes_all.then(|| (i, values.len() >= 3 || matches!(&header[i], Cell::Text(s) if graded_header(s))))
        })
        .collect();
    // (A score with a value or two, "Moderator score" on the audits moderated,
    // is read with the key where another column of the header is: review
    // 242's c48, c60.)
    let any_sure = coded.iter().any(|(_, sure)| *sure);
    let columns = coded.into_iter().filter(|(_, sure)| *sure || any_sure).map(|(i, _)| i).collect();
    Some((h, columns))
}

/// The header row and the score columns under it ("Overall score %",
/// "Overall audit score (%)"): a row of three or more texts with a column
/// headed with "score" or "%", whose values in the first rows are all
/// per-cents (0 to 1, or 0 to 100).
fn score_columns(rows: &[SourceRow]) -> Option<(usize, Vec<usize>)> {
    let scored = |c: &Cell| matches!(c, Cell::Text(s) if fold(s).split(' ').any(|w| w == "score") || s.contains('%'));
    let h = rows.iter().position(|r| r.cells.iter().filter(|c| matches!(c, Cell::Text(_))).count() >= 3 && r.cells.iter().any(scored))?;
    let header = &rows[h].cells;
    let columns = (0..header.len())
        .filter(|&i| scored(&header[i]))
        .filter(|&i| {
            // (The header again at a page break is no value.)
            let values: Vec<f64> = rows[h + 1..]
                .iter()
                .filter_map(|r| r.cells.get(i))
                .filter(|c| !c.is_empty() && **c != header[i])
                .map(per_cent)
                .collect::<Option<Vec<f64>>>()
                .unwrap_or_default();
            values.len() >= 3 && values.iter().all(|v| (0.0..=100.0).contains(v))
        })
        .collect();
    Some((h, columns))
}

/// Reads a table's columns of codes or scores as the grades the key gives
/// them (not on the key's own sheet). The headers of the columns so read, for
/// a note.
pub fn apply(t: &mut Table, key: &SheetKey) -> Vec<String> {
    if t.sheet.as_deref() == Some(key.sheet.as_str()) {
        return Vec::new();
    }
    let rows = head(t);
    let found = match &key.key {
        Key::Codes(codes) => code_columns(&rows, codes),
        Key::Bands(_) => score_columns(&rows),
        Key::Words(words) => word_columns(&rows, words),
    };
    let Some((h, columns)) = found.filter(|(_, c)| !c.is_empty()) else {
        return Vec::new();
    };
    let named: Vec<String> = columns.iter().map(|&i| rows[h].cells[i].as_string()).collect();
    let header_row = rows[h].row;
    // (One score banded into grades, in a table with no column naming the
    // overall judgement: the audit's overall, its band ("Score %" by the key's
    // "Overall evaluation" bands; blind set 180's fallowmarsh). Headed so.)
    let overall_named = rows[h].cells.iter().any(|c| {
        let f = fold(&c.as_string());
        let w: Vec<&str> = f.split(' ').collect();
        w.contains(&"overall")
            && w.iter().any(|w| matches!(*w, "judgement" | "judgment" | "grade" | "grading" | "rating" | "evaluation" | "score" | "outcome" | "rag"))
    });
    let overall_band = match (&key.key, columns.as_slice()) {
        (Key::Bands(_), [one]) if !overall_named => Some((*one, format!("Overall grade (the band of '{}')", named[0]))),
        _ => None,
    };
    let key = key.key.clone();
    let rows = std::mem::replace(&mut t.rows, Box::new(std::iter::empty()));
    t.rows = Box::new(rows.map(move |r| {
        r.map(|mut r| {
            if let Some((i, header)) = overall_band.as_ref().filter(|_| r.row == header_row) {
                r.cells[*i] = Cell::Text(header.clone());
            }
            if r.row > header_row {
                for &i in &columns {
                    if let Some(label) = r.cells.get(i).and_then(|c| key.grade(c)) {
                        r.cells[i] = Cell::Text(label);
                    }
                }
            }
            r
        })
    }));
    named
}

/// Answers written as codes, with each question's labels on a sheet of the
/// workbook ("Question | Code | Label": "Team | 3 | Children in Care",
/// "1. Risk is identified … | 2 | Meets good", "Status | 2 | Incomplete"), as
/// survey tools (Snap, SPSS-style downloads) give them. Each question's codes
/// are read as its own labels, whatever they are (teams, statuses, grades,
/// yes / no), before the columns are recognised.
/// Each question (folded) and its codes' labels (a code as [`code_key`] writes it).
type Labels = std::collections::HashMap<String, BTreeMap<String, String>>;

#[derive(Clone)]
pub struct ValueLabels {
    pub sheet: String,
    labels: Labels,
    from: LabelsFrom,
}

/// Where value labels were read.
#[derive(Clone, Copy, PartialEq)]
enum LabelsFrom {
    /// A sheet of the workbook.
    Sheet,
    /// A file of their own beside the exports.
    File,
    /// Key lines of the table's own ([`key_lines`]): one column of its codes
    /// is enough to read them.
    KeyLines,
}

/// A code as a key: a whole number as its digits ("3", 3.0), else a short
/// text without spaces in capitals ("RI", "n1" → "N1"); a longer text or one
/// of words is no code.
fn code_key(c: &Cell) -> Option<String> {
    if let Some(n) = code(c) {
        return Some(n.to_string());
    }
    match c {
        Cell::Text(t) => {
            let t = t.trim();
            (!t.is_empty() && t.chars().count() <= 6 && !t.contains(char::is_whitespace) && t.chars().any(char::is_alphabetic)).then(|| t.to_uppercase())
        }
        _ => None,
    }
}

/// Rows of a sheet read for value labels (a survey of 60 questions with five
/// answers each is 300 rows).
const LABEL_ROWS: usize = 5_000;

/// The header of a sheet of value labels: its row and the columns of the
/// question, the code and the label.
fn labels_header(rows: &[SourceRow]) -> Option<(usize, usize, usize, usize)> {
    // (Below a title or two: the first filled rows are looked at.)
    rows.iter().enumerate().filter(|(_, r)| !r.is_blank()).take(3).find_map(|(h, r)| {
        let header: Vec<String> = r.cells.iter().map(|c| fold(&c.as_string())).collect();
        let find = |words: &[&str]| header.iter().position(|x| words.contains(&x.as_str()));
        let q = find(&[
            "question",
            "variable",
            "field",
            "column",
            "item",
            "question text",
            "question name",
            "variable name",
            "variable label",
            "lookup",
            "lookup name",
            "lookup type",
            "list",
            "list name",
            "code type",
            "field name",
        ])?;
        let c = find(&["code", "value", "code value", "coded value", "value code"])?;
        let l = find(&["label", "value label", "text", "description", "meaning", "answer", "response", "code label"])?;
        Some((h, q, c, l))
    })
}

/// The value labels on a sheet: a header naming the question, the code and
/// the label, then rows of them (a question named once over its codes, or on
/// every row); two or more questions with two or more codes each.
fn labels_in(rows: &[SourceRow]) -> Option<Labels> {
    let (h, q, c, l) = labels_header(rows)?;
    let mut labels = Labels::new();
    let mut question: Option<String> = None;
    for r in &rows[h + 1..] {
        if let Some(named) = r.cells.get(q).map(|c| fold(&c.as_string())).filter(|s| !s.is_empty()) {
            question = Some(named);
        }
        let label = r.cells.get(l).map(|c| c.as_string().trim().to_string()).filter(|s| !s.is_empty());
        if let (Some(question), Some(n), Some(label)) = (&question, r.cells.get(c).and_then(code_key), label) {
            labels.entry(question.clone()).or_default().insert(n, label);
        }
    }
    // (A list of one code is still a list: "Case Note Type | VLAC | Visit
    // to Child - LAC"; two lists at least, one of two codes or more.)
    (labels.len() >= 2 && labels.values().any(|codes| codes.len() >= 2)).then_some(labels)
}

/// The workbook's value labels, from the first sheet that holds them.
pub fn find_labels(tables: &mut [Table]) -> Option<ValueLabels> {
    tables.iter_mut().find_map(|t| {
        // (Its header first: the other sheets are not read further.)
        let labels = if labels_header(&head_n(t, 5)).is_some() {
            labels_in(&head_n(t, LABEL_ROWS))
        } else if t.sheet.as_deref().is_some_and(names_lists) {
            stacked_lists(&head_n(t, LOOK))
        } else {
            None
        }?;
        Some(ValueLabels { sheet: t.sheet.clone().unwrap_or_default(), labels, from: LabelsFrom::Sheet })
    })
}

/// Value labels given as a small file of their own beside the exports
/// ("CareFirst lookups.csv": "Lookup | Code | Description", "Seen Alone | NR
/// | Not recorded"), for the other files' tables.
///
/// Or a key sheet saved as a file of its own ("Tier 2 audit tracker -
/// Key.csv"): its stacked lists, as on the sheet ([`stacked_lists`]).
pub fn labels_in_file(t: &mut Table, name: &str) -> Option<ValueLabels> {
    let labels = if labels_header(&head_n(t, 5)).is_some() {
        labels_in(&head_n(t, LABEL_ROWS))
    } else if std::path::Path::new(name).file_stem().is_some_and(|s| names_lists(&s.to_string_lossy())) {
        stacked_lists(&head_n(t, LOOK))
    } else {
        None
    }?;
    Some(ValueLabels { sheet: name.to_string(), labels, from: LabelsFrom::File })
}

impl ValueLabels {
    /// Where the labels are, for a note.
    pub fn file(&self) -> &str {
        &self.sheet
    }

    /// Several files' labels as one key, where no code is given two
    /// meanings (a key split into parts, "Lookups part 1" / "part 2");
    /// none where two disagree.
    pub fn merged(all: &[ValueLabels]) -> Option<ValueLabels> {
        let mut labels: Labels = Labels::new();
        for l in all {
            for (field, codes) in &l.labels {
                let into = labels.entry(field.clone()).or_default();
                for (code, label) in codes {
                    match into.get(code) {
                        Some(had) if fold(had) != fold(label) => return None,
                        Some(_) => {}
                        None => {
                            into.insert(code.clone(), label.clone());
                        }
                    }
                }
            }
        }
        let sheet = all.iter().map(|l| l.sheet.as_str()).collect::<Vec<_>>().join(", ");
        let from = if all.iter().all(|l| l.from == LabelsFrom::File) { LabelsFrom::File } else { all.first()?.from };
        Some(ValueLabels { sheet, labels, from })
    }
}

/// Whether a sheet's name says it holds the workbook's lists or key ("Lists",
/// "Key", "Codes", "Lookups", "Drop downs", "Legend").
fn names_lists(sheet: &str) -> bool {
    let f = fold(sheet);
    f.split(' ').any(|w| matches!(w, "list" | "lists" | "key" | "keys" | "code" | "codes" | "lookup" | "lookups" | "legend" | "dropdowns"))
        || f.contains("drop down")
}

/// A lists sheet of blocks, one under another, each a list's two-cell title
/// ("Judgement code | Judgement", "Feedback code | Meaning") over its codes
/// and their meanings, a blank row between blocks: each list is a field of
/// [`ValueLabels`], named by its title. Two or more lists of two or more
/// codes each.
fn stacked_lists(rows: &[SourceRow]) -> Option<Labels> {
    let filled = |r: &SourceRow| r.cells.iter().filter(|c| !c.is_empty()).count();
    let mut labels = Labels::new();
    let mut explicit = std::collections::HashSet::new();
    let mut list: Option<String> = None;
    for r in rows {
        if r.is_blank() {
            list = None;
            continue;
        }
        // (From the row's first filled cell: a key set in from column A.)
        let at = r.cells.iter().position(|c| !c.is_empty()).unwrap_or(0);
        let (first, second) = (r.cells.get(at).cloned().unwrap_or(Cell::Empty), r.cells.get(at + 1).cloned().unwrap_or(Cell::Empty));
        // (A list of one code, written beside its field's name: "Which
        // worker did you speak to… | NS = Worker not seen".)
        if let (None, 2, Cell::Text(name), Cell::Text(said)) = (&list, filled(r), &first, &second) {
            if let Some((_, codes)) = key_line(said).filter(|(fields, _)| fields.is_empty()) {
                explicit.insert(fold(name));
                labels.entry(fold(name)).or_default().extend(codes);
                continue;
            }
        }
        // (A list written down one column: its title alone on a row, then a
        // code and its meaning to a row, "4 = Outstanding".)
        if let (Some(name), 1, Cell::Text(said)) = (&list, filled(r), &first) {
            if let Some((_, codes)) = key_line(said).filter(|(fields, _)| fields.is_empty()) {
                explicit.insert(name.clone());
                labels.entry(name.clone()).or_default().extend(codes);
                continue;
            }
        }
        match (&list, code_key(&first)) {
            (Some(name), Some(code)) if filled(r) == 2 && !second.is_empty() => {
                labels.entry(name.clone()).or_default().insert(code, second.as_string().trim().to_string());
            }
            // (A list's title straight under the sheet's own, with no blank
            // row between: "Codes used on this tracker", then "Score | Judgement".)
            (Some(_), None) if filled(r) == 2 && matches!(first, Cell::Text(_)) && matches!(second, Cell::Text(_)) => list = Some(fold(&first.as_string())),
            // (Not a code and its meaning as a CSV writes them, "4 | Outstanding".)
            (None, _) if filled(r) == 2 && matches!(&first, Cell::Text(t) if t.trim().parse::<f64>().is_err()) && matches!(second, Cell::Text(_)) => {
                list = Some(fold(&first.as_string()))
            }
            (None, _) if filled(r) == 1 && matches!(&first, Cell::Text(t) if !t.contains('=')) => list = Some(fold(&first.as_string())),
            _ => list = None,
        }
    }
    labels.retain(|name, codes| codes.len() >= 2 || explicit.contains(name));
    (labels.len() >= 2).then_some(labels)
}

/// Words that start a key's line ("Key – Status: F = Finalised; P = In
/// progress", "Legend: C = Complete; O = Open").
fn starts_key(first_word: &str) -> bool {
    matches!(first_word, "key" | "keys" | "legend" | "codes" | "code")
}

/// A key written as a line of text: "Key – Overall Judgement / Moderated
/// judgement: OUT = Outstanding; GD = Good", "Key: C = Completed; OG =
/// Ongoing", "NS = Worker not seen". The fields it names, folded (none when
/// it names none), and each code's label. Every part after the fields must be
/// "CODE = label", the code in capitals or digits (parts split at ";", or at
/// "," where no ";" is written).
pub(crate) fn key_line(text: &str) -> Option<(Vec<String>, BTreeMap<String, String>)> {
    let t = text.trim();
    let (first_word, after) = super::fold::first_word(t);
    let rest =
        if starts_key(&first_word) { after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':' | '(' | ')')) } else { t };
    // (A totals line, "Total: RI = 2, INAD = 2", counts codes: no key.)
    if matches!(first_word.as_str(), "total" | "totals" | "count" | "counts" | "sum" | "subtotal") {
        return None;
    }
    let equals = rest.find('=')?;
    // (One sentence: "Key: B = blue (outstanding), …, R = red (inadequate).
    // Y / N / NA = not applicable. Due by …" ends its list at the full stop.)
    let rest = match rest[equals..].find(". ").map(|i| equals + i) {
        Some(stop) if rest[stop + 2..].starts_with(char::is_uppercase) => &rest[..stop],
        _ => rest,
    };
    let (fields, pairs) = match rest[..equals].rfind(':') {
        Some(colon) => (&rest[..colon], &rest[colon + 1..]),
        None => ("", rest),
    };
    let parts: Vec<&str> = if pairs.contains(';') { pairs.split(';').collect() } else { pairs.split(',').collect() };
    let mut codes = BTreeMap::new();
    for part in parts.iter().map(|p| p.trim().trim_end_matches('.')).filter(|p| !p.is_empty()) {
        let (code, label) = part.split_once('=')?;
        let (code, label) = (code.trim(), label.trim().trim_matches('"'));
        // (A code as keys write them: capitals and digits, "GD", "N1", "3".)
        // (A meaning is words: "RI = 2" is a count, "3 = 75%" a share.)
        let meaning = label.chars().any(char::is_alphabetic);
        let key = code_key(&Cell::text(code)).filter(|_| !code.contains(char::is_whitespace) && !code.chars().any(char::is_lowercase) && meaning)?;
        codes.insert(key, label.to_string());
    }
    let mut fields: Vec<String> = fields.split(['/', ',', '&']).map(fold).filter(|f| !f.is_empty()).collect();
    // ("Child / Parent / Worker spoken to": "child spoken to", "parent
    // spoken to", "worker spoken to", as well as the words as written.)
    if let Some((last, others)) = fields.split_last().filter(|(l, o)| !o.is_empty() && l.contains(' ') && o.iter().all(|f| !f.contains(' '))) {
        let tail = last.split_once(' ').map(|(_, t)| t.to_string()).unwrap_or_default();
        let shared: Vec<String> = others.iter().map(|f| format!("{f} {tail}")).collect();
        fields.extend(shared);
    }
    (!codes.is_empty()).then_some((fields, codes))
}

/// A row that is a key's line ([`key_line`]): its text (its filled cells,
/// four at most, joined, as a text export splits a line at its commas), when
/// it starts with "Key" or "Legend", or gives two or more codes. The fields
/// it names and its codes.
pub(crate) fn key_row(row: &SourceRow) -> Option<(Vec<String>, BTreeMap<String, String>)> {
    // (Asked of every row: a row of more than four cells, a data row, or
    // with no "=", is passed over first, cheaply.)
    if row.cells.iter().filter(|c| !c.is_empty()).nth(4).is_some() || !row.cells.iter().any(|c| matches!(c, Cell::Text(t) if t.contains('='))) {
        return None;
    }
    let filled = row.filled();
    let Some(Cell::Text(first)) = filled.first() else { return None };
    let text = filled.iter().map(|c| c.as_string()).collect::<Vec<_>>().join(", ");
    let word = super::fold::first_word(first.trim()).0;
    key_line(&text).filter(|(_, codes)| starts_key(&word) || codes.len() >= 2)
}

/// A key's line of parts split by "|", each a field and its codes written
/// with spaces between them, as a terse export writes it ("Key: Ovr/JC3M
/// A=Outst B=Good C=RI D=Inad | St F=final OS=o/s W=wdn": blind set 150's
/// brackwater): each part's fields (the whole as written, and each of those
/// split at "/") and codes, two codes or more a part.
fn key_row_parts(row: &SourceRow) -> Vec<(Vec<String>, BTreeMap<String, String>)> {
    let filled = row.filled();
    let [Cell::Text(text)] = filled.as_slice() else { return Vec::new() };
    let t = text.trim();
    let (first_word, after) = super::fold::first_word(t);
    if !starts_key(&first_word) || !t.contains('|') {
        return Vec::new();
    }
    let t = after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':'));
    t.split('|').filter_map(key_part).collect()
}

/// One part of [`key_row_parts`]: "Ovr/JC3M A=Outst B=Good C=RI D=Inad".
fn key_part(part: &str) -> Option<(Vec<String>, BTreeMap<String, String>)> {
    // Each "=" and the code written just before it.
    let mut codes: Vec<(usize, &str, usize)> = Vec::new();
    for (e, _) in part.match_indices('=') {
        let before = part[..e].trim_end();
        let start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let code = &before[start..];
        if code.is_empty() || code.chars().count() > 6 || code.chars().any(char::is_lowercase) {
            return None;
        }
        codes.push((start, code, e));
    }
    if codes.len() < 2 {
        return None;
    }
    let mut out = BTreeMap::new();
    for (n, &(_, code, e)) in codes.iter().enumerate() {
        let end = codes.get(n + 1).map_or(part.len(), |next| next.0);
        let label = part[e + 1..end].trim().trim_end_matches([',', ';']).trim();
        let key = code_key(&Cell::text(code)).filter(|_| label.chars().any(char::is_alphabetic))?;
        out.insert(key, label.to_string());
    }
    let named = part[..codes[0].0].trim().trim_end_matches(':').trim();
    let mut fields: Vec<String> = std::iter::once(fold(named)).chain(named.split(['/', ',', '&']).map(fold)).filter(|f| !f.is_empty()).collect();
    fields.dedup();
    Some((fields, out))
}

/// Codes explained by lines of a table's own, above or below its rows ("Key
/// – Status: F = Finalised; P = In progress" at the foot of a report): each
/// line's codes, as the labels of the fields it names (or, naming none, of
/// whichever column holds its codes).
pub fn key_lines(rows: &[SourceRow], place: &str) -> Option<ValueLabels> {
    let mut labels = Labels::new();
    for (i, r) in rows.iter().enumerate() {
        let keys = match key_row(r) {
            Some(k) => vec![k],
            None => key_row_parts(r),
        };
        for (fields, codes) in keys {
            if fields.is_empty() {
                labels.insert(format!("\u{1}key line {i}"), codes);
            } else {
                for f in fields {
                    labels.entry(f).or_default().extend(codes.clone());
                }
            }
        }
    }
    (!labels.is_empty()).then(|| ValueLabels { sheet: place.to_string(), labels, from: LabelsFrom::KeyLines })
}

impl ValueLabels {
    /// Labels that explain a grade as something else ("B = blue
    /// (outstanding)", "A = amber (RI)": a RAG key line, blind set 150's
    /// kestrelford) are read as the grades they name, where three labels of
    /// one list or more do so, of two bands or more, and none is a grade as
    /// it stands.
    pub fn grades_named(&mut self, crosswalk: &super::scales::Crosswalk) {
        for codes in self.labels.values_mut() {
            // (Or in brackets as a grade is written short: "amber (RI)".)
            let bracketed = |label: &str| {
                let inner = label.split_once('(')?.1.split_once(')')?.0;
                crosswalk.judge(&Cell::text(inner), None, super::config::NumericDirection::Ofsted).ok().flatten()
            };
            let named: Vec<(String, String)> = codes
                .iter()
                .filter_map(|(code, label)| {
                    crosswalk.grade_in_text(label).or_else(|| bracketed(label)).filter(|j| !j.not_applicable).map(|j| (code.clone(), j.label))
                })
                .collect();
            let bands: std::collections::BTreeSet<&String> = named.iter().map(|(_, l)| l).collect();
            let as_they_stand = codes.values().any(|l| crosswalk.is_label(&Cell::text(l)) && !is_not_applicable(l));
            if named.len() >= 3 && bands.len() >= 2 && !as_they_stand {
                for (code, label) in named {
                    codes.insert(code, label);
                }
            }
        }
    }

    /// Reads a table's coded answers as their labels (not on the labels' own
    /// sheet): the columns under a header row (in the first rows) whose
    /// questions the labels name, two or more of them. The headers of the
    /// columns so read, for a note.
    pub fn apply(&self, t: &mut Table) -> Vec<String> {
        if self.from == LabelsFrom::Sheet && t.sheet.as_deref() == Some(self.sheet.as_str()) {
            return Vec::new();
        }
        let rows = head(t);
        let Some((h, columns)) = self.columns(&rows) else {
            return Vec::new();
        };
        let shown: Vec<String> = columns.iter().map(|(i, _)| rows[h].cells[*i].as_string()).collect();
        let header_row = rows[h].row;
        let columns: Vec<(usize, BTreeMap<String, String>)> = columns.into_iter().map(|(i, q)| (i, self.labels[&q].clone())).collect();
        let rows = std::mem::replace(&mut t.rows, Box::new(std::iter::empty()));
        t.rows = Box::new(rows.map(move |r| {
            r.map(|mut r| {
                if r.row > header_row {
                    for (i, codes) in &columns {
                        if let Some(label) = r.cells.get(*i).and_then(code_key).and_then(|n| codes.get(&n)) {
                            r.cells[*i] = Cell::Text(if is_not_applicable(label) { "Not applicable".to_string() } else { label.clone() });
                        }
                    }
                }
                r
            })
        }));
        shown
    }

    /// The question a header names: its own name ("Moderator Judgement"), or
    /// the name of four words or more it starts with ("Which worker did you
    /// speak to…" for "Which worker did you speak to as part of the Audit?").
    fn named(&self, header: &Cell) -> Option<String> {
        let f = fold(&header.as_string());
        if f.is_empty() {
            return None;
        }
        if self.labels.contains_key(&f) {
            return Some(f);
        }
        self.labels.keys().find(|q| q.split(' ').count() >= 4 && f.strip_prefix(q.as_str()).is_some_and(|r| r.starts_with(' '))).cloned()
    }

    /// The header row (of the first 20) and the columns read with the labels:
    /// those whose header names a question with a code among their answers,
    /// and those whose every answer is a code of one question alone
    /// ([`Self::covered`]). Two or more columns; one is enough where its
    /// header names its question, or the labels are the table's own key lines.
    fn columns(&self, rows: &[SourceRow]) -> Option<(usize, Vec<(usize, String)>)> {
        (0..rows.len().min(20)).find_map(|h| {
            let below = &rows[h + 1..];
            let mut named: Vec<(usize, String)> = rows[h]
                .cells
                .iter()
                .enumerate()
                .filter_map(|(i, c)| self.named(c).map(|q| (i, q)))
                .filter(|(i, q)| below.iter().filter_map(|r| r.cells.get(*i)).any(|c| code_key(c).is_some_and(|n| self.labels[q].contains_key(&n))))
                .collect();
            let by_name = !named.is_empty();
            let covered: Vec<(usize, String)> = self.covered(rows, h).into_iter().filter(|(i, _)| !named.iter().any(|(j, _)| j == i)).collect();
            named.extend(covered);
            named.sort();
            (named.len() >= 2 || (!named.is_empty() && (by_name || self.from == LabelsFrom::KeyLines))).then_some((h, named))
        })
    }

    /// The columns under header row `h` whose every answer is a code of one
    /// question alone (its letters codes, "G", "RI", "N1": not words), each
    /// read as that question's (where no header names the questions exactly:
    /// "Auditors' Grade: O/G/RI/I" under a key's "Auditors' Grade / moderator
    /// Grade").
    fn covered(&self, rows: &[SourceRow], h: usize) -> Vec<(usize, String)> {
        let width = rows[h].cells.len();
        (0..width)
            .filter(|&i| !rows[h].cells[i].is_empty())
            .filter_map(|i| {
                let values: std::collections::BTreeSet<String> =
                    rows[h + 1..].iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).map(|c| code_key(c).unwrap_or_default()).collect();
                if values.len() < 2 || values.contains("") || values.iter().all(|v| v.chars().all(|c| c.is_ascii_digit())) {
                    return None;
                }
                // (Answers that read as yes / no on their own, "Y", "N",
                // "NA", are read as such unless a header names their list.)
                if values.iter().all(|v| super::scales::answer(&Cell::text(v)).is_some_and(|a| a != super::model::Answer::Blank)) {
                    return None;
                }
                // (Two lists that give these codes the same meanings are one:
                // "Overall Judgement / Moderated judgement" under one key.)
                let mut fits = self.labels.iter().filter(|(_, codes)| values.iter().all(|v| codes.contains_key(v)));
                let first = fits.next()?;
                let same = |codes: &BTreeMap<String, String>| values.iter().all(|v| codes.get(v) == first.1.get(v));
                fits.all(|(_, codes)| same(codes)).then(|| (i, first.0.clone()))
            })
            .collect()
    }

    /// The note saying which columns were read with the labels.
    pub fn note(&self, named: &[String]) -> String {
        let place = match self.from {
            LabelsFrom::Sheet => format!("each question's labels in sheet '{}'", self.sheet),
            LabelsFrom::File => format!("each field's labels in file '{}'", self.sheet),
            LabelsFrom::KeyLines => format!("the key lines of {}", self.sheet),
        };
        format!("answers written as codes, read with {place}: {}", named.join(", "))
    }
}

/// A score as a per-cent: 0.61 (a cell formatted as a per-cent holds the
/// fraction), "61%" or 61.
fn per_cent(c: &Cell) -> Option<f64> {
    let (n, marked) = match c {
        Cell::Number(n) => (*n, false),
        Cell::Text(t) => (t.trim().trim_end_matches('%').trim().parse::<f64>().ok()?, t.contains('%')),
        _ => return None,
    };
    Some(if !marked && n <= 1.0 { n * 100.0 } else { n })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_key_in_one_sentence_gives_its_codes() {
        assert_eq!(
            codes_in_sentence("Moderators: judgement as a number – 1 = does not yet meet good, 2 = meets good, 3 = exceeds good."),
            Some(vec![(1, "does not yet meet good".to_string()), (2, "meets good".to_string()), (3, "exceeds good".to_string())])
        );
        assert_eq!(
            codes_in_sentence(
                "Section scores: 4 = Outstanding, 3 = Good, 2 = Requires Improvement, 1 = Inadequate (N/A = not applicable). Overall judgement in words."
            )
            .map(|p| p.into_iter().map(|(n, l)| format!("{n} {l}")).collect::<Vec<_>>().join("; ")),
            Some("4 Outstanding; 3 Good; 2 Requires Improvement; 1 Inadequate".to_string())
        );
        assert_eq!(codes_in_sentence("Audits due 1 = month end, then weekly"), None);
        assert_eq!(codes_in_sentence("Meeting at 2, then 3 = late"), None);
    }

    use super::*;
    use crate::normalise::config::Config;

    fn table(sheet: &str, rows: Vec<Vec<Cell>>) -> Table {
        let rows: Vec<Result<SourceRow, crate::ingest::IngestError>> =
            rows.into_iter().enumerate().map(|(i, cells)| Ok(SourceRow { row: i as u32 + 1, cells })).collect();
        Table { file: "book.xlsx".into(), sheet: Some(sheet.into()), text_format: None, rows: Box::new(rows.into_iter()), date1904: false }
    }

    #[test]
    fn a_key_written_as_a_line_gives_its_fields_and_codes() {
        let (fields, codes) = key_line("Key – Overall Judgement / Moderated judgement: OUT = Outstanding; GD = Good; RI = Requires Improvement").unwrap();
        assert_eq!(fields, ["overall judgement", "moderated judgement"]);
        assert_eq!(codes.get("GD").map(String::as_str), Some("Good"));
        assert_eq!(codes.len(), 3);
        // No fields named; a label with a comma in it, parts split at ";".
        let (fields, codes) = key_line("Key: C = Completed (on the Date reviewed); OG = Ongoing").unwrap();
        assert!(fields.is_empty());
        assert_eq!(codes.get("OG").map(String::as_str), Some("Ongoing"));
        let (_, codes) = key_line("Key – Family views sought: Y = Yes, views obtained; N = No, not obtained").unwrap();
        assert_eq!(codes.get("Y").map(String::as_str), Some("Yes, views obtained"));
        // One code, written beside its field's name.
        let (fields, codes) = key_line("NS = Worker not seen").unwrap();
        assert!(fields.is_empty() && codes.len() == 1);
        // Not keys: prose with an equals sign, a sum, a part that is no code.
        assert!(key_line("Total = 13 records").is_none());
        assert!(key_line("Key: see the Lists sheet").is_none());
        assert!(key_line("Key: C = Completed; and the rest are open").is_none());
        // A row is a key's line when it starts with "Key" or gives two codes or more.
        let t = |s: &str| Cell::text(s);
        assert!(key_row(&SourceRow { row: 20, cells: vec![t("Key: C = Complete; O = Open")] }).is_some());
        assert!(key_row(&SourceRow { row: 20, cells: vec![t("NS = Worker not seen")] }).is_none());
        assert!(key_row(&SourceRow { row: 20, cells: vec![t("Key – Team: AST1 = Assessment Team 1"), t("FIT2 = Family Intervention 2")] }).is_some());
    }

    #[test]
    fn a_key_of_codes_written_one_cell_a_line_is_read() {
        assert_eq!(code_in_line("1 = Outstanding"), Some((1, "Outstanding".to_string())));
        assert_eq!(code_in_line(" 4 - Inadequate "), Some((4, "Inadequate".to_string())));
        assert_eq!(code_in_line("3: Meets good"), Some((3, "Meets good".to_string())));
        assert_eq!(code_in_line("2026 = the year"), None);
        assert_eq!(code_in_line("Grade key (all judgement columns)"), None);
        let cw = Crosswalk::new(&Config::defaults());
        let rows: Vec<SourceRow> = ["Overall grade key", "4 = Outstanding", "3 = Good", "2 = Requires Improvement", "1 = Inadequate"]
            .iter()
            .enumerate()
            .map(|(i, t)| SourceRow { row: i as u32 + 1, cells: vec![Cell::text(t)] })
            .collect();
        let key = key_in(&rows, &cw, false).unwrap();
        assert_eq!(key.get(&4).map(String::as_str), Some("Outstanding"));
        assert_eq!(key.get(&1).map(String::as_str), Some("Inadequate"));
    }

    /// A report's key lines at its foot read its columns of codes: each line
    /// the columns it names, or (naming none) the column all of whose values
    /// are its codes; a code not in the key is left as it is.
    #[test]
    fn key_lines_at_a_reports_foot_read_its_codes() {
        let t = |s: &str| Cell::text(s);
        let rows: Vec<Vec<Cell>> = vec![
            vec![t("Person ID"), t("Overall Judgement"), t("Status"), t("Family views sought")],
            vec![t("C1"), t("GD"), t("F"), t("Y")],
            vec![t("C2"), t("RIG"), t("P"), t("NA")],
            vec![t("C3"), t("XX"), t("F"), t("N")],
            vec![],
            vec![t("Key – Overall Judgement: GD = Good; RIG = Requires Improvement with elements of good practice")],
            vec![t("Key: F = Finalised; P = In progress")],
        ];
        let mut table = table("", rows);
        table.sheet = None;
        let sample = head(&mut table);
        let labels = key_lines(&sample, "the file").expect("key lines");
        let named = labels.apply(&mut table);
        assert_eq!(named, ["Overall Judgement", "Status"]);
        assert_eq!(labels.note(&named), "answers written as codes, read with the key lines of the file: Overall Judgement, Status");
        let got: Vec<Vec<String>> =
            std::mem::replace(&mut table.rows, Box::new(std::iter::empty())).map(|r| r.unwrap().cells.iter().map(Cell::as_string).collect()).collect();
        assert_eq!(got[1], ["C1", "Good", "Finalised", "Y"]);
        assert_eq!(got[3], ["C3", "XX", "Finalised", "N"], "a code the key does not give is kept");
    }

    /// A key sheet of numbers with the best highest ("4 = Outstanding" … "0 =
    /// Not applicable / not graded") reads every graded column, 0 as not
    /// applicable; and a list of one code written beside its field's name
    /// ("Which worker did you speak to… | NS = Worker not seen") is a list
    /// for the columns that field's name starts.
    #[test]
    fn a_key_of_scores_best_first_and_a_one_code_list() {
        let config = Config::defaults();
        let crosswalk = Crosswalk::new(&config);
        let t = |s: &str| Cell::text(s);
        let n = Cell::Number;
        let audits = table(
            "Tracker",
            vec![
                vec![t("Case ID:"), t("OVERALL JUDGEMENT OF THE CASE FILE:"), t("JUDGEMENT OF CASE FILE IN THE LAST 3 MONTHS")],
                vec![t("C1"), n(4.0), n(3.0)],
                vec![t("C2"), n(0.0), n(1.0)],
            ],
        );
        let key = table(
            "Key",
            vec![
                vec![t("Scores (4 = best)")],
                vec![t("Score"), t("Judgement")],
                vec![n(4.0), t("Outstanding")],
                vec![n(3.0), t("Good")],
                vec![n(2.0), t("Requires Improvement")],
                vec![n(1.0), t("Inadequate")],
                vec![n(0.0), t("Not applicable / not graded")],
            ],
        );
        let mut tables = vec![audits, key];
        let keys = find(&mut tables, &crosswalk);
        let [found] = keys.as_slice() else { panic!("one key") };
        assert!(matches!(&found.key, Key::Codes(codes) if codes.len() == 5));
        assert_eq!(apply(&mut tables[0], found).len(), 2);
        let rows: Vec<Vec<String>> =
            std::mem::replace(&mut tables[0].rows, Box::new(std::iter::empty())).map(|r| r.unwrap().cells.iter().map(Cell::as_string).collect()).collect();
        assert_eq!(rows[1], ["C1", "Outstanding", "Good"]);
        assert_eq!(rows[2], ["C2", "Not applicable", "Inadequate"]);
        // A lists sheet with a one-code list beside its field's name.
        let audits = table(
            "Audits",
            vec![
                vec![t("Child ID"), t("Which worker did you speak to as part of the Audit? (include date seen)"), t("Feedback from parents/carers")],
                vec![t("C1"), t("Jo Bright (SW) 10/08/2026"), t("SP")],
                vec![t("C2"), t("NS"), t("DEC")],
            ],
        );
        let lists = table(
            "Lists",
            vec![
                vec![t("Feedback code"), t("Meaning")],
                vec![t("SP"), t("Spoken to")],
                vec![t("DEC"), t("Declined")],
                vec![],
                vec![t("Which worker did you speak to…"), t("NS = Worker not seen")],
            ],
        );
        let mut tables = vec![audits, lists];
        let labels = find_labels(&mut tables).expect("lists");
        assert_eq!(labels.apply(&mut tables[0]), ["Which worker did you speak to as part of the Audit? (include date seen)", "Feedback from parents/carers"]);
        let rows: Vec<Vec<String>> =
            std::mem::replace(&mut tables[0].rows, Box::new(std::iter::empty())).map(|r| r.unwrap().cells.iter().map(Cell::as_string).collect()).collect();
        assert_eq!(rows[1], ["C1", "Jo Bright (SW) 10/08/2026", "Spoken to"]);
        assert_eq!(rows[2], ["C2", "Worker not seen", "Declined"]);
    }

    /// A lists sheet written down one column: a list's title alone on its
    /// row, then "4 = Outstanding" a row (stranger review, 24th session).
    #[test]
    fn a_list_written_down_one_column_is_a_list() {
        let t = |s: &str| Cell::text(s);
        let n = Cell::Number;
        let audits = table("Tracker", vec![vec![t("Child ID"), t("Overall grade")], vec![t("C1"), n(4.0)], vec![t("C2"), n(0.0)]]);
        let lists = table(
            "Lists",
            vec![
                vec![t("Overall grade")],
                vec![t("4 = Outstanding")],
                vec![t("3 = Good")],
                vec![t("0 = Not applicable / not graded")],
                vec![],
                vec![t("Team")],
                vec![t("N = North")],
                vec![t("S = South")],
            ],
        );
        let mut tables = vec![audits, lists];
        let labels = find_labels(&mut tables).expect("lists");
        assert_eq!(labels.apply(&mut tables[0]), ["Overall grade"]);
        let rows: Vec<Vec<String>> =
            std::mem::replace(&mut tables[0].rows, Box::new(std::iter::empty())).map(|r| r.unwrap().cells.iter().map(Cell::as_string).collect()).collect();
        assert_eq!(rows[1], ["C1", "Outstanding"]);
        assert_eq!(rows[2], ["C2", "Not applicable"]);
    }

    /// A key sheet in two sections whose codes mean different things ("G" is
    /// "Met" for a domain, "Good" overall; blind set 180's ospreyfield): each
    /// section reads its own columns. And bands with the lowest score
    /// between ("90%+ | 0.9 | Outstanding") make the one banded score of a
    /// table with no overall column its overall (blind set 180's fallowmarsh).
    #[test]
    fn a_key_in_sections_and_bands_with_their_lowest_score() {
        let config = Config::defaults();
        let crosswalk = Crosswalk::new(&config);
        let t = |s: &str| Cell::text(s);
        let n = Cell::Number;
        let e = Cell::Empty;
        let audits = table(
            "Audits",
            vec![
                vec![t("Child ID"), t("Communication"), t("Child development"), t("Overall Judgement (RAG)")],
                vec![t("C1"), t("G"), t("A"), t("A/G")],
                vec![t("C2"), t("R"), t("G"), t("G")],
                vec![t("C3"), t("A"), t("R"), t("B")],
            ],
        );
        let key = table(
            "Key",
            vec![
                vec![t("Key - RAG ratings")],
                vec![t("Domains"), t("Code"), t("Meaning")],
                vec![e.clone(), t("G"), t("Met")],
                vec![e.clone(), t("A"), t("Partially met")],
                vec![e.clone(), t("R"), t("Not met")],
                vec![t("Overall judgement"), t("Code"), t("Meaning")],
                vec![e.clone(), t("B"), t("Outstanding")],
                vec![e.clone(), t("G"), t("Good")],
                vec![e.clone(), t("A/G"), t("Requires Improvement with elements of good practice")],
                vec![e.clone(), t("A"), t("Requires Improvement")],
                vec![e.clone(), t("R"), t("Inadequate")],
            ],
        );
        let mut tables = vec![audits, key];
        let keys = find(&mut tables, &crosswalk);
        assert_eq!(keys.len(), 2);
        for k in &keys {
            apply(&mut tables[0], k);
        }
        let rows: Vec<Vec<String>> =
            std::mem::replace(&mut tables[0].rows, Box::new(std::iter::empty())).map(|r| r.unwrap().cells.iter().map(Cell::as_string).collect()).collect();
        assert_eq!(rows[1], ["C1", "Met", "Partially met", "Requires Improvement with elements of good practice"]);
        assert_eq!(rows[2], ["C2", "Not met", "Met", "Good"]);
        // One section alone that reads "G" as "Met" is no key.
        let key = table("Key", vec![vec![t("G"), t("Met")], vec![t("A"), t("Partially met")], vec![t("R"), t("Not met")]]);
        let mut tables = vec![key];
        assert!(find(&mut tables, &crosswalk).iter().all(|k| !matches!(k.key, Key::Words(_))));
        // Bands with their lowest score between.
        let audits = table(
            "Audits",
            vec![
                vec![t("Form ID"), t("Points"), t("Score %"), t("Overall comments on the case")],
                vec![t("F1"), n(13.0), n(0.93), t("Strong")],
                vec![t("F2"), n(8.0), n(0.8), t("Good")],
                vec![t("F3"), n(5.0), n(0.36), t("Weak")],
            ],
        );
        let banding = table(
            "Banding",
            vec![
                vec![t("Score %"), t("From"), t("Overall evaluation")],
                vec![t("90%+"), n(0.9), t("Outstanding")],
                vec![t("80%+"), n(0.8), t("Good")],
                vec![t("60%+"), n(0.6), t("Requires Improvement")],
                vec![t("below 60%"), n(0.0), t("Inadequate")],
            ],
        );
        let mut tables = vec![audits, banding];
        let keys = find(&mut tables, &crosswalk);
        let [found] = keys.as_slice() else { panic!("one key") };
        assert_eq!(apply(&mut tables[0], found), ["Score %"]);
        let rows: Vec<Vec<String>> =
            std::mem::replace(&mut tables[0].rows, Box::new(std::iter::empty())).map(|r| r.unwrap().cells.iter().map(Cell::as_string).collect()).collect();
        assert_eq!(rows[0][2], "Overall grade (the band of 'Score %')");
        assert_eq!((rows[1][2].as_str(), rows[2][2].as_str(), rows[3][2].as_str()), ("Outstanding", "Good", "Inadequate"));
    }

    #[test]
    fn the_lowest_band_written_as_and_below() {
        assert_eq!(band_floor("44% and below"), Some(0.0));
        assert_eq!(band_floor("44% or less"), Some(0.0));
        assert_eq!(band_floor("Below 45%"), Some(0.0));
        assert_eq!(band_floor("45% and over"), Some(45.0));
        assert_eq!(band_floor("85%+"), Some(85.0));
    }

    /// A key file of its own, each row giving its list's name first, read
    /// for a long export's answers once turned into one row per form: the
    /// graded questions (numbered, or named as grades, or questions answered
    /// with two or more codes) take the labels; a form's version, numbered
    /// 1 or 2, and a question answered with one code only keep their numbers.
    #[test]
    fn a_key_file_with_list_names_reads_a_long_exports_codes() {
        let config = Config::defaults();
        let crosswalk = Crosswalk::new(&config);
        let t = |s: &str| Cell::text(s);
        let n = Cell::Number;
        let mut file = table(
            "",
            vec![
                vec![t("Question IDs"), t("Code"), t("Label")],
                vec![t("Q1-Q12, Moderator Q12 judgement"), n(1.0), t("Does not meet good")],
                vec![t("Q1-Q12, Moderator Q12 judgement"), n(2.0), t("Meets good")],
                vec![t("Q1-Q12, Moderator Q12 judgement"), n(3.0), t("Exceeds good")],
                vec![t("Q1-Q12, Moderator Q12 judgement"), n(4.0), t("Not applicable.")],
                vec![t("YN"), t("Y"), t("Yes")],
            ],
        );
        let key = find_in_file(&mut file, &crosswalk, "Answer lookup.csv").expect("a key");
        assert!(matches!(&key.key, Key::Codes(codes) if codes.len() == 4));
        assert_eq!(key.note(&["Q1".into()]).2, "grades written as codes, read with the key in file 'Answer lookup.csv' (1 = Does not meet good, 2 = Meets good, 3 = Exceeds good, 4 = Not applicable.): Q1");
        let header: Vec<Cell> =
            ["Form ID", "Form Version", "1. Risk is identified", "Chronology is up to date", "Moderator Q12 judgement", "Number of visits"].map(t).to_vec();
        let mut rows = vec![
            SourceRow { row: 2, cells: vec![t("F1"), n(1.0), n(2.0), n(3.0), n(2.0), n(2.0)] },
            SourceRow { row: 3, cells: vec![t("F2"), n(2.0), n(4.0), n(1.0), Cell::Empty, n(3.0)] },
        ];
        let named = apply_to_rows(&header, &mut rows, &key);
        assert_eq!(named, ["1. Risk is identified", "Chronology is up to date", "Moderator Q12 judgement"]);
        let got: Vec<String> = rows[1].cells.iter().map(Cell::as_string).collect();
        assert_eq!(got, ["F2", "2", "Not applicable", "Does not meet good", "", "3"], "a label saying not applicable is the crosswalk's own");
        // Two lists of grades in one file (the domains' and the overall's):
        // which question each is for cannot be told, so neither is a key.
        let mut two = table(
            "",
            vec![
                vec![t("List"), t("Code"), t("Label")],
                vec![t("OVERALL"), n(1.0), t("Inadequate")],
                vec![t("OVERALL"), n(2.0), t("Requires improvement")],
                vec![t("OVERALL"), n(3.0), t("Good")],
                vec![t("OVERALL"), n(4.0), t("Outstanding")],
                vec![t("DOMAIN"), n(1.0), t("Not met")],
                vec![t("DOMAIN"), n(2.0), t("Partially met")],
                vec![t("DOMAIN"), n(3.0), t("Met")],
            ],
        );
        assert!(find_in_file(&mut two, &crosswalk, "Answer lookup.csv").is_none());
    }

    #[test]
    fn codes_explained_on_a_key_sheet_are_read_as_their_labels() {
        let config = Config::defaults();
        let crosswalk = Crosswalk::new(&config);
        let t = |s: &str| Cell::text(s);
        let n = Cell::Number;
        let audits = table(
            "Audits",
            vec![
                vec![t("Audit programme (see Key for codes)")],
                vec![t("Child ID"), t("Visits"), t("Q1 Risk"), t("Q12 Outcomes (overall rating)"), t("Moderator Q12")],
                vec![t("C1"), n(3.0), n(1.0), n(2.0), n(2.0)],
                vec![t("C2"), n(1.0), n(9.0), n(3.0), n(2.0)],
            ],
        );
        let key = table(
            "Key",
            vec![
                vec![t("Grades (Q1-Q12 and Moderator Q12)")],
                vec![n(3.0), t("Exceeds good")],
                vec![n(2.0), t("Meets good")],
                vec![n(1.0), t("Does not meet good")],
                vec![n(9.0), t("Not applicable")],
                vec![],
                vec![t("Ticks")],
                vec![t("✓"), t("Yes")],
            ],
        );
        let mut tables = vec![audits, key];
        let keys = find(&mut tables, &crosswalk);
        let [found] = keys.as_slice() else { panic!("one key") };
        assert_eq!(found.sheet, "Key");
        assert!(matches!(&found.key, Key::Codes(codes) if codes.len() == 4));
        let named = apply(&mut tables[0], found);
        assert_eq!(named, ["Q1 Risk", "Q12 Outcomes (overall rating)", "Moderator Q12"]);
        let rows: Vec<Vec<String>> =
            std::mem::replace(&mut tables[0].rows, Box::new(std::iter::empty())).map(|r| r.unwrap().cells.iter().map(Cell::as_string).collect()).collect();
        assert_eq!(rows[2], ["C1", "3", "Does not meet good", "Meets good", "Meets good"], "a count is not a grade");
        assert_eq!(rows[3], ["C2", "1", "Not applicable", "Exceeds good", "Meets good"]);
        // Score bands: a fraction or a per-cent reads as its band's grade.
        let scores = table(
            "Jul 26",
            vec![
                vec![t("Case ID"), t("Auditor"), t("Overall score %")],
                vec![t("C1"), t("A"), n(0.61)],
                vec![t("C2"), t("B"), n(0.85)],
                vec![t("C3"), t("C"), t("84.5%")],
                vec![t("C4"), t("D"), n(0.2)],
            ],
        );
        let key = table(
            "Bands",
            vec![
                vec![t("Overall score %"), t("Overall judgement")],
                vec![t("85% - 100%"), t("Outstanding")],
                vec![t("70% - 84%"), t("Good")],
                vec![t("50% - 69%"), t("Requires Improvement")],
                vec![t("Below 50%"), t("Inadequate")],
            ],
        );
        let mut tables = vec![scores, key];
        let keys = find(&mut tables, &crosswalk);
        let [bands] = keys.as_slice() else { panic!("one key: the bands") };
        assert!(matches!(bands.key, Key::Bands(_)));
        assert_eq!(apply(&mut tables[0], bands), ["Overall score %"]);
        let rows: Vec<String> = std::mem::replace(&mut tables[0].rows, Box::new(std::iter::empty())).skip(1).map(|r| r.unwrap().cells[2].as_string()).collect();
        assert_eq!(rows, ["Requires Improvement", "Outstanding", "Good", "Inadequate"]);
        // A list of numbers with no grade labels is no key.
        let mut plain = vec![table("Lists", vec![vec![n(1.0), t("North")], vec![n(2.0), t("South")], vec![n(3.0), t("East")]])];
        assert!(find(&mut plain, &crosswalk).is_empty());
    }
}
