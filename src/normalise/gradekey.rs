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
            Key::Codes(codes) => code(c).and_then(|n| codes.get(&n)).cloned(),
            Key::Bands(bands) => per_cent(c).and_then(|v| bands.iter().find(|(floor, _)| v >= *floor - 1e-9).map(|(_, l)| l.clone())),
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
fn key_in(rows: &[SourceRow], crosswalk: &Crosswalk) -> Option<BTreeMap<i64, String>> {
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
        // (A key of several lists gives each row its list's name first:
        // "QA_GRADE | 3 | Good", "Q1-Q12 | 2 | Meets good"; a new name starts
        // another list.)
        // (In any order: "Code | List | Label", "Label | Code"; of two texts
        // beside a code, the label is the one a scale knows.)
        let knows = |t: &str| is_not_applicable(t) || matches!(crosswalk.judge(&Cell::text(t), None, super::config::NumericDirection::Ofsted), Ok(Some(_)));
        let pair = match filled.as_slice() {
            [c, Cell::Text(label)] | [Cell::Text(label), c] if code(c).is_some() => code(c).map(|n| (n, label.trim().to_string())),
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
        match pair {
            Some((n, label)) if is_not_applicable(&label) => {
                run.insert(n, label);
            }
            Some((n, label)) => match crosswalk.judge(&Cell::text(&label), None, super::config::NumericDirection::Ofsted) {
                Ok(Some(j)) if j.scale != super::scales::NUMERIC => {
                    scales.push(j.scale.clone());
                    run.insert(n, label);
                }
                _ => finish(&mut run, &mut scales, &mut found),
            },
            None => finish(&mut run, &mut scales, &mut found),
        }
    }
    finish(&mut run, &mut scales, &mut found);
    match found.len() {
        1 => found.pop(),
        _ => None,
    }
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

fn is_not_applicable(label: &str) -> bool {
    matches!(fold(label).as_str(), "not applicable" | "n a" | "na")
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
        let band = match filled.as_slice() {
            [Cell::Text(range), Cell::Text(label)] => band_floor(range).filter(|_| {
                matches!(crosswalk.judge(&Cell::text(label), None, super::config::NumericDirection::Ofsted), Ok(Some(j)) if j.scale != super::scales::NUMERIC)
            }),
            _ => None,
        };
        match band {
            Some(floor) => bands.push((floor, filled[1].as_string().trim().to_string())),
            None if bands.len() >= 3 => break,
            None => bands.clear(),
        }
    }
    (bands.len() >= 3).then(|| {
        bands.sort_by(|a, b| b.0.total_cmp(&a.0));
        bands
    })
}

/// The workbook's keys: its grade codes (from the first sheet of no more than
/// 40 rows with a run of code and label rows) and its score bands (likewise).
pub fn find(tables: &mut [Table], crosswalk: &Crosswalk) -> Vec<SheetKey> {
    let (mut codes, mut bands): (Option<SheetKey>, Option<SheetKey>) = (None, None);
    for t in tables.iter_mut() {
        let rows = head(t);
        if rows.len() > 40 {
            continue;
        }
        let sheet = || t.sheet.clone().unwrap_or_default();
        if codes.is_none() {
            codes = key_in(&rows, crosswalk).map(|c| SheetKey { key: Key::Codes(c), sheet: sheet(), place: "sheet" });
        }
        if bands.is_none() {
            bands = bands_in(&rows, crosswalk).map(|b| SheetKey { key: Key::Bands(b), sheet: sheet(), place: "sheet" });
        }
    }
    codes.into_iter().chain(bands).collect()
}

/// A grade key given as a file of its own beside the exports ("Answer
/// lookup.csv": code and label rows, a list's name before them or not), for
/// the tables of the other files. Only a file of at most 40 rows.
pub fn find_in_file(t: &mut Table, crosswalk: &Crosswalk, name: &str) -> Option<SheetKey> {
    let rows = head(t);
    if rows.len() > 40 {
        return None;
    }
    key_in(&rows, crosswalk).map(|c| SheetKey { key: Key::Codes(c), sheet: name.to_string(), place: "file" })
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
    let h = rows.iter().position(|r| r.cells.iter().filter(|c| matches!(c, Cell::Text(s) if graded_header(s))).count() >= 2)?;
    let header = &rows[h].cells;
    let columns = (0..header.len())
        .filter(|&i| matches!(&header[i], Cell::Text(s) if graded_header(s)))
        .filter(|&i| {
            // (The header again at a page break is no value.)
            let values: Vec<&Cell> = rows[h + 1..].iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty() && **c != header[i]).collect();
            !values.is_empty() && values.iter().all(|c| code(c).is_some_and(|n| codes.contains_key(&n)))
        })
        .collect();
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
    };
    let Some((h, columns)) = found.filter(|(_, c)| !c.is_empty()) else {
        return Vec::new();
    };
    let named: Vec<String> = columns.iter().map(|&i| rows[h].cells[i].as_string()).collect();
    let header_row = rows[h].row;
    let key = key.key.clone();
    let rows = std::mem::replace(&mut t.rows, Box::new(std::iter::empty()));
    t.rows = Box::new(rows.map(move |r| {
        r.map(|mut r| {
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
        let q = find(&["question", "variable", "field", "column", "item", "question text", "question name", "variable name", "variable label"])?;
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
    labels.retain(|_, codes| codes.len() >= 2);
    (labels.len() >= 2).then_some(labels)
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
        Some(ValueLabels { sheet: t.sheet.clone().unwrap_or_default(), labels })
    })
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
    let mut list: Option<String> = None;
    for r in rows {
        if r.is_blank() {
            list = None;
            continue;
        }
        let (first, second) = (r.cells.first().cloned().unwrap_or(Cell::Empty), r.cells.get(1).cloned().unwrap_or(Cell::Empty));
        match (&list, code_key(&first)) {
            (Some(name), Some(code)) if filled(r) == 2 && !second.is_empty() => {
                labels.entry(name.clone()).or_default().insert(code, second.as_string().trim().to_string());
            }
            (None, _) if filled(r) == 2 && matches!(first, Cell::Text(_)) && matches!(second, Cell::Text(_)) => list = Some(fold(&first.as_string())),
            _ => list = None,
        }
    }
    labels.retain(|_, codes| codes.len() >= 2);
    (labels.len() >= 2).then_some(labels)
}

impl ValueLabels {
    /// Reads a table's coded answers as their labels (not on the labels' own
    /// sheet): the columns under a header row (in the first rows) whose
    /// questions the labels name, two or more of them. The headers of the
    /// columns so read, for a note.
    pub fn apply(&self, t: &mut Table) -> Vec<String> {
        if t.sheet.as_deref() == Some(self.sheet.as_str()) {
            return Vec::new();
        }
        let rows = head(t);
        let named = |r: &SourceRow| -> Vec<(usize, String)> {
            r.cells.iter().enumerate().map(|(i, c)| (i, fold(&c.as_string()))).filter(|(_, f)| self.labels.contains_key(f)).collect()
        };
        let columns = match rows.iter().position(|r| named(r).len() >= 2) {
            // (Only columns with a code among their answers.)
            Some(h) => Some((
                h,
                named(&rows[h])
                    .into_iter()
                    .filter(|(i, q)| rows[h + 1..].iter().filter_map(|r| r.cells.get(*i)).any(|c| code_key(c).is_some_and(|n| self.labels[q].contains_key(&n))))
                    .collect::<Vec<_>>(),
            )),
            None => self.covered(&rows),
        };
        let Some((h, columns)) = columns.filter(|(_, c)| !c.is_empty()) else {
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
                            r.cells[*i] = Cell::Text(label.clone());
                        }
                    }
                }
                r
            })
        }));
        shown
    }

    /// Where no header names the questions exactly ("Auditors' Grade: O/G/RI/I"
    /// under a key's "Auditors' Grade / moderator Grade"): the first header
    /// row (of the first 20) with two or more columns whose every answer
    /// below is a code of one question alone (its letters codes, "G", "RI",
    /// "N1": not words), each read as that question's.
    fn covered(&self, rows: &[SourceRow]) -> Option<(usize, Vec<(usize, String)>)> {
        (0..rows.len().min(20)).find_map(|h| {
            let width = rows[h].cells.len();
            let columns: Vec<(usize, String)> = (0..width)
                .filter(|&i| !rows[h].cells[i].is_empty())
                .filter_map(|i| {
                    let values: std::collections::BTreeSet<String> =
                        rows[h + 1..].iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).map(|c| code_key(c).unwrap_or_default()).collect();
                    if values.len() < 2 || values.contains("") || values.iter().all(|v| v.chars().all(|c| c.is_ascii_digit())) {
                        return None;
                    }
                    let mut fits = self.labels.iter().filter(|(_, codes)| values.iter().all(|v| codes.contains_key(v)));
                    match (fits.next(), fits.next()) {
                        (Some((q, _)), None) => Some((i, q.clone())),
                        _ => None,
                    }
                })
                .collect();
            (columns.len() >= 2).then_some((h, columns))
        })
    }

    /// The note saying which columns were read with the labels.
    pub fn note(&self, named: &[String]) -> String {
        format!("answers written as codes, read with each question's labels in sheet '{}': {}", self.sheet, named.join(", "))
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
    use super::*;
    use crate::normalise::config::Config;

    fn table(sheet: &str, rows: Vec<Vec<Cell>>) -> Table {
        let rows: Vec<Result<SourceRow, crate::ingest::IngestError>> =
            rows.into_iter().enumerate().map(|(i, cells)| Ok(SourceRow { row: i as u32 + 1, cells })).collect();
        Table { file: "book.xlsx".into(), sheet: Some(sheet.into()), text_format: None, rows: Box::new(rows.into_iter()), date1904: false }
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
        assert_eq!(got, ["F2", "2", "Not applicable.", "Does not meet good", "", "3"]);
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
