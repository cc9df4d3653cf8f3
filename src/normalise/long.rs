//! Long-format audit exports: one row per answer ("Form ID, Child ID, …,
//! Question, Answer"), as form-answer reports of case management systems give
//! them. They are turned into one row per audit, each question a column of its
//! own, and then read like any other audit table, so that every question is
//! recognised by the same rules (the overall judgement, domains, "spoken to").
//!
//! How a row finds its audit: by the columns of identifiers and dates (a form
//! or audit reference, the child, the dates), which every answer of one audit
//! repeats. Columns that change within one audit (a comment on some answers) become
//! a column per question too ("<question> Comments"); the others are the
//! audit's, taken from its first row.

use super::fold::fold;
use super::recognise::{is_date_value, is_id_value};
use crate::ingest::{Cell, SourceRow};
use std::collections::HashMap;

/// Answer rows a long-format table is read up to (it is held in memory to be
/// turned round): 76,000 audits of 13 questions; any council's audits for
/// years are far fewer.
pub const MAX_ROWS: usize = 1_000_000;

/// Distinct questions a long-format table may have.
pub const MAX_QUESTIONS: usize = 300;

/// Headers of the column that names the question.
const QUESTION: &[&str] = &[
    "question",
    "questions",
    "question text",
    "audit question",
    "question name",
    "criterion",
    "criteria",
    "standard",
    "indicator",
    "domain",
    "element",
    "section",
];
/// Headers of the column that holds the answer.
const ANSWER: &[&str] = &[
    "answer",
    "answers",
    "answer text",
    "answer given",
    "response",
    "responses",
    "grade",
    "judgement",
    "judgment",
    "rating",
    "score",
    "value",
    "outcome",
    "result",
];

/// A long-format table read as one row per audit.
#[derive(Debug)]
pub struct Pivoted {
    /// The header: the audit's own columns, then one per question (and one per
    /// question for each column that changes within an audit).
    pub header: Vec<Cell>,
    /// One row per audit, numbered as its first row; blank rows as they were.
    pub rows: Vec<SourceRow>,
    /// Further answer rows of an audit, folded into its row.
    pub folded: u64,
    /// An answer row that repeats an earlier one exactly: (row, earlier row).
    pub duplicates: Vec<(u32, u32)>,
    /// A second, different answer to one question of one audit: (row, question,
    /// earlier row). The first answer is kept.
    pub conflicts: Vec<(u32, String, u32)>,
    /// An answer edited later (a later "Last modified"): (the row not used,
    /// question, the row with the latest answer, which is used).
    pub edits: Vec<(u32, String, u32)>,
    /// How the rows were grouped, for the validate report.
    pub note: String,
}

/// The question and answer columns, when the header names both. A name
/// earlier in its list wins ("Question" over "Section", "Answer" over "Grade"),
/// wherever its column is.
pub fn question_answer(header: &[Cell]) -> Option<(usize, usize)> {
    let folded: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    let named = |names: &[&str]| names.iter().find_map(|n| folded.iter().position(|h| h == n));
    let (q, a) = (named(QUESTION)?, named(ANSWER)?);
    (q != a).then_some((q, a))
}

fn text(c: Option<&Cell>) -> String {
    c.map(|c| c.as_string().trim().to_string()).unwrap_or_default()
}

/// A cell as it is compared: a date the same however it is written
/// ("26/10/2026" on one answer, "2026-10-26" or a date cell on another).
fn value(c: Option<&Cell>) -> String {
    match c {
        Some(cell @ (Cell::Text(_) | Cell::Date(_))) => cell.as_date().map_or_else(|| text(c), |d| d.to_string()),
        _ => text(c),
    }
}

/// A step's name as its column gives it: a bare letter or number under a
/// column headed "Part" ("A", "B") is that part, "Part B" (blind set 203's
/// ambermere: seed 002's "PART B, CSW COMPLETES" exported as Part = B).
fn step_label(header: &[Cell], c: usize, value: String) -> String {
    let bare = !value.is_empty() && value.len() <= 2 && value.chars().all(|ch| ch.is_ascii_alphanumeric());
    if bare && fold(&text(header.get(c))).split(' ').any(|w| w == "part") {
        format!("Part {value}")
    } else {
        value
    }
}

/// Whether most of a column's values are identifiers or dates.
fn identifying(body: &[&SourceRow], col: usize) -> bool {
    let values: Vec<&Cell> = body.iter().filter_map(|r| r.cells.get(col)).filter(|c| !c.is_empty()).collect();
    values.len() * 2 >= body.len() && values.iter().filter(|c| is_id_value(c) || is_date_value(c)).count() * 5 >= values.len() * 4
}

/// `body` (the rows under `header`) as one row per audit, or `None` when the
/// rows are not one per answer after all (too few answers per audit, no
/// column to tell audits apart, fewer than two questions): then the table is
/// read as it is.
pub fn pivot(header: &[Cell], body: &[SourceRow], q: usize, a: usize, is_grade: &dyn Fn(&Cell) -> bool) -> Option<Pivoted> {
    let width = header.len().max(body.iter().map(|r| r.cells.len()).max().unwrap_or(0));
    let filled = fill_blocks(body, q, a, width);
    let body = filled.as_ref().map_or(body, |(b, _)| b.as_slice());
    let rows: Vec<&SourceRow> = body.iter().filter(|r| !r.is_blank() && !text(r.cells.get(q)).is_empty()).collect();
    // A question asked again for each item of a repeating group (an action
    // plan's "Who by:" for action 1, 2, …), told apart by an item number
    // column ("Row"): each item's answer is a question of its own, "Who by:
    // (2)", so the action slots are read as an audit table's numbered ones.
    // (Items are named with their step where a column says it, "Actions: Who by: (2)",
    // so that an action's "Date completed (1)" is not taken for the audit's.)
    let step_named = (0..width).filter(|&c| c != q && c != a).find(|&c| {
        fold(&text(header.get(c))).split(' ').any(|w| matches!(w, "step" | "stage" | "part" | "section"))
            && rows.iter().all(|r| r.cells.get(c).is_none_or(|v| !is_date_value(v) && !is_id_value(v)))
    });
    // (The columns of identifiers, found once: they tell forms apart.)
    let id_columns = identifier_columns(&rows, q, a, width);
    let item = repeating_item(&rows, q, a, width, &id_columns);
    // Or by a question id that tells a question's repeats apart ("13.1b",
    // "13.2b" both "Person"): each id the question has is its n-th item, in
    // the ids' natural order.
    let refined = if item.is_none() { refining_ids(&rows, q, a, width, step_named, &id_columns) } else { None };
    // A question asked in two or more steps of one form ("Comments" at the
    // end of each): one question per step, named with it ("Voice: Comments").
    let in_steps: std::collections::HashSet<String> = match step_named {
        Some(s) => {
            // (A question id column goes with the question, not the form.)
            let question_id = |c: usize| {
                let mut of: HashMap<String, String> = HashMap::new();
                rows.iter().all(|r| of.entry(text(r.cells.get(c))).or_insert_with(|| fold(&text(r.cells.get(q)))) == &fold(&text(r.cells.get(q))))
            };
            let ids: Vec<usize> = id_columns.iter().copied().filter(|&c| !question_id(c)).collect();
            let mut steps: HashMap<(Vec<String>, String), std::collections::HashSet<String>> = HashMap::new();
            for r in &rows {
                let form: Vec<String> = ids.iter().map(|&c| text(r.cells.get(c))).collect();
                steps.entry((form, fold(&text(r.cells.get(q))))).or_default().insert(fold(&text(r.cells.get(s))));
            }
            steps.into_iter().filter(|(_, v)| v.len() >= 2).map(|((_, q), _)| q).collect()
        }
        None => Default::default(),
    };
    // A row's question: its step (for an item, or a question asked in
    // several steps), its text, its item number.
    let parts = |r: &SourceRow| -> (Option<String>, String, Option<String>) {
        let t = text(r.cells.get(q));
        let numbered = match &refined {
            Some((c, numbers, _)) => numbers.get(&(fold(&t), text(r.cells.get(*c)))).map(|n| n.to_string()),
            None => item.map(|c| text(r.cells.get(c))),
        };
        let step = || step_named.map(|c| step_label(header, c, text(r.cells.get(c)))).filter(|s| !s.is_empty());
        // (Or a date asked in seed 002's Part B, the CSW's acknowledgement:
        // "PART B, CSW COMPLETES: Date acknowledged" is the audit's
        // completion; blind set 160's saltmarsh.)
        let part_b_date = || step().is_some_and(|s| super::columns::names_part_b(&s) == Some(true)) && fold(&t).split(' ').any(|w| w == "date");
        match numbered.filter(|n| !n.is_empty()) {
            Some(n) => (step(), t, Some(n)),
            None if in_steps.contains(&fold(&t)) || part_b_date() => (step(), t, None),
            None => (None, t, None),
        }
    };
    let named = |(step, t, n): &(Option<String>, String, Option<String>)| match (step, n) {
        (Some(step), Some(n)) => format!("{step}: {t} ({n})"),
        (None, Some(n)) => format!("{t} ({n})"),
        (Some(step), None) => format!("{step}: {t}"),
        (None, None) => t.clone(),
    };
    let question = |r: &SourceRow| -> String { named(&parts(r)) };
    // A column whose value goes with the question ("Q01", "1.1": a question
    // number) tells questions apart, not audits.
    let with_question = |c: usize| {
        let mut by_question: HashMap<String, String> = HashMap::new();
        rows.iter().all(|r| {
            let v = text(r.cells.get(c));
            by_question.entry(fold(&question(r))).or_insert_with(|| v.clone()) == &v
        })
    };
    let mut keys: Vec<usize> = (0..width).filter(|&c| c != q && c != a && identifying(&rows, c) && !with_question(c)).collect();
    // In an extract of one form every column goes with the question (each
    // comes once): its identifiers, the same on every row, are the form's
    // (review 258's c32: a month's lines of one form).
    // (Its questions each once as they are, not told apart by item numbers;
    // and an id among them, not only a date.)
    if keys.is_empty() && item.is_none() && refined.is_none() {
        let constant = |c: usize| rows.first().is_some_and(|f| rows.iter().all(|r| value(r.cells.get(c)) == value(f.cells.get(c))));
        let form: Vec<usize> = (0..width).filter(|&c| c != q && c != a && identifying(&rows, c) && constant(c)).collect();
        if form.iter().any(|&c| rows.first().and_then(|r| r.cells.get(c)).is_some_and(is_id_value)) {
            keys = form;
        }
    }
    // Identifiers as METRICS.md compares them: trimmed, inner spaces collapsed.
    let key_of = |r: &SourceRow, keys: &[usize]| keys.iter().map(|&c| super::identity::tidy(&value(r.cells.get(c))).into_owned()).collect::<Vec<String>>();
    // Audits by key, in the order their first row comes.
    let group_by = |keys: &[usize]| {
        let mut index: HashMap<Vec<String>, usize> = HashMap::new();
        let mut groups: Vec<Vec<&SourceRow>> = Vec::new();
        for r in &rows {
            let i = *index.entry(key_of(r, keys)).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[i].push(*r);
        }
        groups
    };
    // Questions answered twice within one audit (duplicates and conflicts).
    let repeats_in = |groups: &[Vec<&SourceRow>]| repeated_rows(groups, |r| fold(&question(r)));
    // A key column that says when each answer was last changed ("Last
    // modified", "Date edited"): an answer edited after the form was sent
    // comes again with a later stamp, which splits its audit. It is dropped
    // first where that joins audits and every question that then comes twice
    // has a different stamp each time: the latest answer is used.
    let stamp = keys.iter().copied().filter(|_| keys.len() > 1).find(|&c| {
        let named = fold(&text(header.get(c))).split(' ').any(|w| matches!(w, "modified" | "edited" | "updated" | "amended" | "changed" | "timestamp"));
        if !named || !rows.iter().filter_map(|r| r.cells.get(c)).filter(|v| !v.is_empty()).all(|v| stamp_order(v).is_some()) {
            return false;
        }
        let with = group_by(&keys);
        let joined = group_by(&keys.iter().copied().filter(|&k| k != c).collect::<Vec<usize>>());
        joined.len() < with.len() && repeated_rows(&joined, |r| (fold(&question(r)), value(r.cells.get(c)))) == repeats_in(&with)
    });
    if let Some(c) = stamp {
        keys.retain(|&k| k != c);
    }
    // An answer-level identifier (a row id) makes every row its own audit: it
    // is dropped from the key, the one with the most distinct values first.
    // So is a column that changes within one audit (the date each answer was
    // given, a step's completion date) when dropping it joins rows without any
    // question coming twice more; the one that joins most first.
    let mut groups = loop {
        if keys.is_empty() {
            return None;
        }
        let groups = group_by(&keys);
        if rows.len() >= 2 * groups.len() {
            break groups;
        }
        let repeats = repeats_in(&groups);
        let joins = keys
            .iter()
            .filter(|_| keys.len() > 1)
            .map(|&c| (c, group_by(&keys.iter().copied().filter(|&k| k != c).collect::<Vec<usize>>())))
            .filter(|(_, joined)| joined.len() < groups.len() && repeats_in(joined) == repeats)
            .min_by_key(|(c, joined)| (joined.len(), *c));
        if let Some((c, _)) = joins {
            keys.retain(|&k| k != c);
            continue;
        }
        let distinct = |c: usize| rows.iter().map(|r| value(r.cells.get(c))).collect::<std::collections::HashSet<String>>().len();
        let most = keys.iter().copied().max_by_key(|&c| (distinct(c), std::cmp::Reverse(c)))?;
        if distinct(most) * 10 < rows.len() * 9 {
            return None;
        }
        keys.retain(|&c| c != most);
    };
    // A key column that changes within one audit (the date each answer was
    // given) splits it: it is dropped where that joins audits without any
    // question coming twice.
    // (Again until none joins: one column may join only once another is gone,
    // as a step's completion date once the date of each answer is.)
    let mut joined_any = true;
    while joined_any {
        joined_any = false;
        for c in keys.clone() {
            let without: Vec<usize> = keys.iter().copied().filter(|&k| k != c).collect();
            if without.is_empty() {
                break;
            }
            let joined = group_by(&without);
            if joined.len() < groups.len() && repeats_in(&joined) == repeats_in(&groups) {
                keys = without;
                groups = joined;
                joined_any = true;
            }
        }
    }
    // Questions in the order they first come, one column each (spellings that
    // fold alike are one question).
    let mut questions: Vec<(String, String)> = Vec::new();
    for r in &rows {
        let t = question(r);
        let f = fold(&t);
        if !questions.iter().any(|(k, _)| *k == f) {
            questions.push((f, t));
        }
    }
    // Items numbered by their question ids: every question of the group for
    // every item, so an item whose "Manager's sign off date" no form answered
    // has that column, blank, as the items that have it do (a long export
    // lists only the questions answered).
    if refined.as_ref().is_some_and(|r| r.2) {
        let mut groups_items: Vec<(Option<String>, Vec<String>, Vec<String>)> = Vec::new();
        for r in &rows {
            let (step, t, n) = parts(r);
            let Some(n) = n else { continue };
            let at = match groups_items.iter().position(|(s, _, _)| *s == step) {
                Some(at) => at,
                None => {
                    groups_items.push((step, Vec::new(), Vec::new()));
                    groups_items.len() - 1
                }
            };
            let (_, texts, numbers) = &mut groups_items[at];
            if !texts.contains(&t) {
                texts.push(t);
            }
            if !numbers.contains(&n) {
                numbers.push(n);
            }
        }
        for (step, texts, numbers) in groups_items {
            for n in &numbers {
                for t in &texts {
                    let label = named(&(step.clone(), t.clone(), Some(n.clone())));
                    let f = fold(&label);
                    if !questions.iter().any(|(k, _)| *k == f) {
                        questions.push((f, label));
                    }
                }
            }
        }
    }
    // Within an audit each question comes once (a repeat is a duplicate or a
    // conflict, and rare): questions that keep repeating are not answers of one
    // audit, so the rows are not one per answer.
    let repeats = repeats_in(&groups);
    // Questions are a form's few dozen: hundreds of distinct ones are not
    // questions (and would make a table of audits × questions cells). Two
    // are enough: a month's extract of the lines changed may hold only
    // Part B's two (review 258's c31).
    if questions.len() < 2 || questions.len() > MAX_QUESTIONS || repeats * 4 > rows.len() {
        return None;
    }
    let question_index: HashMap<&str, usize> = questions.iter().enumerate().map(|(i, (k, _))| (k.as_str(), i)).collect();
    // Columns that change within an audit go with each answer.
    let per_answer: Vec<usize> = (0..width)
        .filter(|&c| c != q && c != a && !keys.contains(&c))
        .filter(|&c| {
            groups.iter().any(|g| {
                let first = value(g[0].cells.get(c));
                g.iter().any(|r| value(r.cells.get(c)) != first)
            })
        })
        .collect();
    // (A column that only says which section a question is in goes with the
    // question: neither the audit's nor each answer's.)
    let per_answer: Vec<usize> = per_answer.into_iter().filter(|&c| !(with_question(c) && distinct_in(&rows, c) > 1)).collect();
    let own: Vec<usize> = (0..width).filter(|&c| c != q && c != a && !per_answer.contains(&c) && !(with_question(c) && distinct_in(&rows, c) > 1)).collect();
    let header_text = |c: usize| text(header.get(c));
    // (The step column goes with the question too: each question is in one step.)
    let sections: Vec<usize> = (0..width).filter(|&c| c != q && c != a && !keys.contains(&c) && !own.contains(&c) && !per_answer.contains(&c)).collect();
    let steps = Steps::find(&groups, &sections, &per_answer, a, is_grade);
    // Of the rest, who and when each answer was given (names, dates, ids that
    // repeat) is not read; a comment or grade on each answer becomes a column
    // per question ("<question> Comments").
    let (unread, per_answer): (Vec<usize>, Vec<usize>) = per_answer
        .into_iter()
        .filter(|c| steps.as_ref().is_none_or(|s| s.column != *c && !s.columns.contains(c)))
        .partition(|&c| answer_metadata(&rows, &header_text(c), c));
    let mut out_header: Vec<Cell> = own.iter().map(|&c| header.get(c).cloned().unwrap_or(Cell::Empty)).collect();
    if let Some(s) = &steps {
        for i in 0..s.values.len() {
            out_header.extend(s.columns.iter().map(|&c| s.header(i, c, &header_text(c), &rows)));
        }
    }
    let step_cells = out_header.len() - own.len();
    for (_, question) in &questions {
        out_header.push(Cell::Text(question.clone()));
        out_header.extend(per_answer.iter().map(|&c| Cell::Text(format!("{question} {}", header_text(c)))));
    }
    let slot = |qi: usize| own.len() + step_cells + qi * (1 + per_answer.len());
    let mut out =
        Pivoted { header: out_header, rows: Vec::new(), folded: 0, duplicates: Vec::new(), conflicts: Vec::new(), edits: Vec::new(), note: String::new() };
    let mut audit_rows: Vec<(u32, SourceRow)> = Vec::new();
    // Key → position in `audit_rows`, for rows of an audit with no question.
    let mut audit_of: HashMap<Vec<String>, usize> = HashMap::new();
    for g in &groups {
        audit_of.insert(key_of(g[0], &keys), audit_rows.len());
        let mut cells = vec![Cell::Empty; slot(questions.len())];
        for (i, &c) in own.iter().enumerate() {
            cells[i] = g.iter().filter_map(|r| r.cells.get(c)).find(|v| !v.is_empty()).cloned().unwrap_or(Cell::Empty);
        }
        // Question → the row that answered it.
        let mut answered: HashMap<usize, &SourceRow> = HashMap::new();
        for r in g {
            let f = fold(&question(r));
            let qi = question_index[f.as_str()];
            if let Some(first) = answered.get(&qi) {
                // (An answer edited later: the one with the latest stamp.)
                let later = stamp.and_then(|c| Some(stamp_order(r.cells.get(c)?)?.cmp(&stamp_order(first.cells.get(c)?)?)));
                match later {
                    Some(std::cmp::Ordering::Greater) => out.edits.push((first.row, questions[qi].1.clone(), r.row)),
                    Some(std::cmp::Ordering::Less) => {
                        out.edits.push((r.row, questions[qi].1.clone(), first.row));
                        continue;
                    }
                    _ => {
                        if first.cells == r.cells {
                            out.duplicates.push((r.row, first.row));
                        } else {
                            out.conflicts.push((r.row, questions[qi].1.clone(), first.row));
                        }
                        continue;
                    }
                }
            }
            answered.insert(qi, r);
            if let Some(s) = &steps {
                s.fill(r, &mut cells[own.len()..own.len() + step_cells]);
            }
            cells[slot(qi)] = r.cells.get(a).cloned().unwrap_or(Cell::Empty);
            for (j, &c) in per_answer.iter().enumerate() {
                cells[slot(qi) + 1 + j] = r.cells.get(c).cloned().unwrap_or(Cell::Empty);
            }
        }
        out.folded += (answered.len() as u64).saturating_sub(1);
        audit_rows.push((g[0].row, SourceRow { row: g[0].row, cells }));
    }
    // A row with no question of an audit that has answers (a form-level line:
    // its dates, its outcome) fills in that audit's own columns; other rows with
    // no question (blank, a totals line) stay as they were, in place, their
    // cells moved to the audit's columns.
    for r in body.iter().filter(|r| r.is_blank() || text(r.cells.get(q)).is_empty()) {
        if let Some(&at) = audit_of.get(&key_of(r, &keys)).filter(|_| !r.is_blank()) {
            let cells = &mut audit_rows[at].1.cells;
            for (i, &c) in own.iter().enumerate() {
                if cells[i].is_empty() {
                    cells[i] = r.cells.get(c).cloned().unwrap_or(Cell::Empty);
                }
            }
            out.folded += 1;
            continue;
        }
        let mut cells = vec![Cell::Empty; slot(questions.len())];
        for (i, &c) in own.iter().enumerate() {
            cells[i] = r.cells.get(c).cloned().unwrap_or(Cell::Empty);
        }
        audit_rows.push((r.row, SourceRow { row: r.row, cells }));
    }
    audit_rows.sort_by_key(|(row, _)| *row);
    out.rows = audit_rows.into_iter().map(|(_, r)| r).collect();
    let by: Vec<String> = keys.iter().map(|&c| format!("'{}'", header_text(c))).collect();
    out.note = format!(
        "long format (one row per answer): {} answer rows read as {} audits, one per {}; each of the {} questions is a column{}{}{}",
        rows.len(),
        groups.len(),
        by.join(" + "),
        questions.len(),
        steps.as_ref().map(|s| s.describe(&header_text)).unwrap_or_default(),
        if unread.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = unread.iter().map(|&c| format!("'{}'", header_text(c))).collect();
            format!("; who and when each answer was given ({}) is not read", names.join(", "))
        },
        filled.map(|(_, n)| n).unwrap_or_default()
    );
    Some(out)
}

/// A form's steps (or parts, or stages), when the export gives each answer
/// its step ("Audit", "Moderation", "Manager sign-off") and columns that go
/// with the step, not with the answer: its status, due date, completion date.
/// The step that holds most of the form's grades gives its own as the audit's
/// ("Step Completed" is the audit's completion, "Step Status" its status); a
/// moderation step ("Moderation", "Challenge moderation", "QA") gives its
/// dates as the moderation's ("Moderation: Step Completed date"); the other
/// steps' (allocation, actions, a manager's sign-off) are not the audit's,
/// and are left blank. A date column is named a date ("… date") where its
/// header does not say so, as the column names the rest of the table has do.
struct Steps {
    /// The column naming the step.
    column: usize,
    /// The columns that go with the step.
    columns: Vec<usize>,
    /// The steps, in the order they first come.
    values: Vec<String>,
    /// The step with most grades among its answers, if any has one.
    main: Option<usize>,
    /// Whether each step is a moderation of the audit, by its name.
    moderation: Vec<bool>,
    /// Whether each step answers a question with a date ("Date
    /// acknowledged"): then that answer, not when it was entered, is the
    /// step's date.
    dated_answer: Vec<bool>,
}

impl Steps {
    /// At most this many steps (more is not a form's workflow).
    const MAX: usize = 12;

    fn find(groups: &[Vec<&SourceRow>], sections: &[usize], per_answer: &[usize], a: usize, is_grade: &dyn Fn(&Cell) -> bool) -> Option<Steps> {
        let rows = || groups.iter().flatten();
        // Within each audit, `c`'s value is the same wherever `s`'s is.
        let follows = |s: usize, c: usize| {
            groups.iter().all(|g| {
                let mut seen: HashMap<String, String> = HashMap::new();
                g.iter().all(|r| seen.entry(text(r.cells.get(s))).or_insert_with(|| value(r.cells.get(c))) == &value(r.cells.get(c)))
            })
        };
        sections.iter().chain(per_answer).copied().find_map(|s| {
            let mut values: Vec<String> = Vec::new();
            for r in rows() {
                let v = text(r.cells.get(s));
                if v.is_empty() || is_date_value(&Cell::text(&v)) || is_id_value(&Cell::text(&v)) {
                    return None;
                }
                if !values.contains(&v) {
                    values.push(v);
                }
                if values.len() > Self::MAX {
                    return None;
                }
            }
            let columns: Vec<usize> = per_answer.iter().copied().filter(|&c| c != s && follows(s, c)).collect();
            if values.len() < 2 || columns.is_empty() {
                return None;
            }
            let grades = |v: &String| rows().filter(|r| text(r.cells.get(s)) == *v && r.cells.get(a).is_some_and(is_grade)).count();
            let main = (0..values.len()).max_by_key(|&i| (grades(&values[i]), std::cmp::Reverse(i))).filter(|&i| grades(&values[i]) > 0);
            let moderation = values.iter().map(|v| Self::named_moderation(v)).collect();
            let dated_answer = values.iter().map(|v| rows().any(|r| text(r.cells.get(s)) == *v && r.cells.get(a).is_some_and(is_date_value))).collect();
            Some(Steps { column: s, columns, values, main, moderation, dated_answer })
        })
    }

    /// Whether a step named so is a moderation of the audit.
    fn named_moderation(value: &str) -> bool {
        let f = fold(value);
        f.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with("moderat") || matches!(w, "challenge" | "qa")) || f.contains("quality assurance")
    }

    fn moderates(&self, i: usize) -> bool {
        self.moderation[i]
    }

    /// Whether step `i` is seed 002's Part B, the case's worker's
    /// acknowledgement that completes the audit ("PART B, CSW COMPLETES"):
    /// its dates are read as that part's where it answers no question with
    /// a date (blind set 191's finchmoor, whose answer lines give each
    /// part's date only as when it was entered; "Date acknowledged" is
    /// Part B's date where it is asked).
    fn completes(&self, i: usize) -> bool {
        Some(i) != self.main && !self.dated_answer[i] && super::columns::names_part_b(&self.values[i]) == Some(true)
    }

    /// Whether step `i`'s column `c` is read: all of the main step's, a
    /// moderation step's dates.
    fn reads(&self, i: usize, c: usize, name: &str, rows: &[&SourceRow]) -> bool {
        let due = fold(name).split(' ').any(|w| matches!(w, "due" | "deadline" | "target"));
        Some(i) == self.main || ((self.moderates(i) || self.completes(i)) && Self::dates(c, rows) && !due)
    }

    /// Whether a column holds dates (most of its values).
    fn dates(c: usize, rows: &[&SourceRow]) -> bool {
        let values: Vec<&Cell> = rows.iter().filter_map(|r| r.cells.get(c)).filter(|v| !v.is_empty()).collect();
        !values.is_empty() && values.iter().filter(|v| is_date_value(v)).count() * 2 > values.len()
    }

    /// The header of step `i`'s column `c` (`name` is the export's); blank
    /// for one not read.
    fn header(&self, i: usize, c: usize, name: &str, rows: &[&SourceRow]) -> Cell {
        if !self.reads(i, c, name, rows) {
            return Cell::Empty;
        }
        let dated = fold(name).split(' ').any(|w| matches!(w, "date" | "on" | "when"));
        let name = if Self::dates(c, rows) && !dated { format!("{name} date") } else { name.to_string() };
        Cell::Text(if Some(i) == self.main { name } else { format!("{}: {name}", self.values[i]) })
    }

    /// Puts an answer row's step columns into the audit's step cells (the
    /// first row of each step gives them).
    fn fill(&self, r: &SourceRow, cells: &mut [Cell]) {
        let Some(i) = self.values.iter().position(|v| *v == text(r.cells.get(self.column))) else { return };
        if Some(i) != self.main && !self.moderates(i) && !self.completes(i) {
            return;
        }
        for (j, &c) in self.columns.iter().enumerate() {
            let at = &mut cells[i * self.columns.len() + j];
            if at.is_empty() {
                *at = r.cells.get(c).cloned().unwrap_or(Cell::Empty);
            }
        }
    }

    fn describe(&self, header_text: &dyn Fn(usize) -> String) -> String {
        let columns: Vec<String> = self.columns.iter().map(|&c| format!("'{}'", header_text(c))).collect();
        let main = match self.main {
            Some(i) => format!("'{}' (the step with the grades) gives the audit's {}", self.values[i], columns.join(", ")),
            None => format!("no step holds grades, so none gives the audit's {}", columns.join(", ")),
        };
        let moderation: Vec<String> =
            (0..self.values.len()).filter(|&i| Some(i) != self.main && self.moderates(i)).map(|i| format!("'{}'", self.values[i])).collect();
        let moderation = if moderation.is_empty() { String::new() } else { format!(", {} the moderation's dates", moderation.join(", ")) };
        let part_b: Vec<String> = (0..self.values.len()).filter(|&i| self.completes(i)).map(|i| format!("'{}'", self.values[i])).collect();
        let part_b = if part_b.is_empty() { String::new() } else { format!(", {} its own dates (Part B, which completes the audit)", part_b.join(", ")) };
        let others: Vec<String> = (0..self.values.len())
            .filter(|&i| Some(i) != self.main && !self.moderates(i) && !self.completes(i))
            .map(|i| format!("'{}'", self.values[i]))
            .collect();
        let others = if others.is_empty() { String::new() } else { format!("; the other steps' ({}) are not read", others.join(", ")) };
        format!("; of the steps in '{}', {main}{moderation}{part_b}{others}", header_text(self.column))
    }
}

/// The columns of identifiers (filled on half the answer rows or more, and
/// mostly ids, not dates): together they tell one form from another.
fn identifier_columns(rows: &[&SourceRow], q: usize, a: usize, width: usize) -> Vec<usize> {
    (0..width)
        .filter(|&c| c != q && c != a)
        .filter(|&c| {
            let values: Vec<&Cell> = rows.iter().filter_map(|r| r.cells.get(c)).filter(|v| !v.is_empty()).collect();
            values.len() * 2 >= rows.len() && values.iter().filter(|v| is_id_value(v) && !is_date_value(v)).count() * 5 >= values.len() * 4
        })
        .collect()
}

/// The column numbering the items of a repeating group (1, 2, 3 … on the
/// rows of a group that repeats, blank on the others: a form's version, on
/// every row, is not one), when one question comes with two or more of its
/// numbers within one form (the rows that share every identifier column: a
/// score given to each answer, 1 to 4, is not one).
fn repeating_item(rows: &[&SourceRow], q: usize, a: usize, width: usize, ids: &[usize]) -> Option<usize> {
    let form = |r: &SourceRow| ids.iter().map(|&c| text(r.cells.get(c))).collect::<Vec<String>>();
    (0..width).filter(|&c| c != q && c != a && !ids.contains(&c)).find(|&c| {
        let mut numbers: HashMap<(Vec<String>, String), std::collections::HashSet<String>> = HashMap::new();
        let mut blank = false;
        for r in rows {
            let v = text(r.cells.get(c));
            if v.is_empty() {
                blank = true;
                continue;
            }
            if !v.parse::<u32>().is_ok_and(|n| (1..=20).contains(&n)) {
                return false;
            }
            numbers.entry((form(r), fold(&text(r.cells.get(q))))).or_default().insert(v);
        }
        blank && numbers.values().any(|n| n.len() >= 2)
    })
}

/// A question id column that tells apart a question asked more than once in
/// one form ("13.1b" and "13.2b", both "Person": an action plan's questions
/// asked for each action, with no item number column): every id is always the
/// same question, and some question comes with two or more ids within one
/// form (the rows that share every identifier column; a question renumbered
/// between two form versions has one id in each form, and is left alone).
/// The column, and for each such question (folded) and id, its item number:
/// the id's place among the question's ids in their natural order ("13.2b"
/// before "13.10b").
/// (Whether they are items numbered from their ids: then every question of
/// the group is there for every item.)
type Refined = (usize, HashMap<(String, String), usize>, bool);
fn refining_ids(rows: &[&SourceRow], q: usize, a: usize, width: usize, step: Option<usize>, ids: &[usize]) -> Option<Refined> {
    // (The form: every identifier column but the one tried; each row's
    // question and step, folded once.)
    let form = |r: &SourceRow, but: usize| ids.iter().filter(|&&c| c != but).map(|&c| text(r.cells.get(c))).collect::<Vec<String>>();
    let all_ids: Vec<Vec<String>> = rows.iter().map(|r| form(r, usize::MAX)).collect();
    let questions: Vec<String> = rows.iter().map(|r| fold(&text(r.cells.get(q)))).collect();
    let steps: Vec<String> = rows.iter().map(|r| step.map(|s| fold(&text(r.cells.get(s)))).unwrap_or_default()).collect();
    (0..width).filter(|&c| c != q && c != a).find_map(|c| {
        let mut question_of: HashMap<String, String> = HashMap::new();
        // (Each question's ids within one form, and the steps they are in.)
        type Ids = (std::collections::BTreeSet<String>, std::collections::BTreeSet<String>);
        let mut in_form: HashMap<(Vec<String>, String), Ids> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            let (id, question) = (text(r.cells.get(c)), &questions[i]);
            // (An id is always the same question; a date is no id: asked of
            // each id once, when first seen.)
            match question_of.get(&id) {
                Some(known) if known != question => return None,
                Some(_) => {}
                None if id.is_empty() || is_date_value(r.cells.get(c)?) => return None,
                None => {
                    question_of.insert(id.clone(), question.clone());
                }
            }
            let key = if ids.contains(&c) { form(r, c) } else { all_ids[i].clone() };
            let entry = in_form.entry((key, question.clone())).or_default();
            entry.0.insert(id);
            entry.1.insert(steps[i].clone());
        }
        // Repeated within one form and one step: a "Comments" asked at the
        // end of each step is one question per step, not items.
        let repeated: std::collections::HashSet<&String> =
            in_form.iter().filter(|(_, (ids, steps))| ids.len() >= 2 && steps.len() == 1).map(|((_, q), _)| q).collect();
        if repeated.is_empty() {
            return None;
        }
        let mut by_question: HashMap<&String, Vec<&String>> = HashMap::new();
        for (id, question) in &question_of {
            by_question.entry(question).or_default().push(id);
        }
        // Which of the ids' numbers is the item's: the one that differs
        // between a repeated question's ids ("13.1b", "13.2b": the second).
        let digits = |id: &str| natural(id).into_iter().filter(|r| r.0 == 0).map(|r| r.1).collect::<Vec<u64>>();
        let mut places = repeated.iter().map(|q| {
            let runs: Vec<Vec<u64>> = by_question[*q].iter().map(|id| digits(id)).collect();
            let len = runs[0].len();
            let differ: Vec<usize> = (0..len).filter(|&i| runs.iter().all(|r| r.len() == len) && runs.iter().any(|r| r[i] != runs[0][i])).collect();
            (differ.len() == 1).then(|| differ[0])
        });
        // Items are numbered from 1 ("13.1a", "13.2a"); ids Q02, Q04, Q07 of
        // one repeated question, or S1.1c, S2.18c, are no item numbers: the
        // repeats are then numbered in their ids' order, and nothing else is.
        let place = places.next().flatten().filter(|p| places.all(|x| x == Some(*p))).filter(|&place| {
            repeated.iter().all(|q| {
                let n: Vec<u64> = by_question[*q].iter().filter_map(|id| digits(id).get(place).copied()).collect();
                n.contains(&1) && n.iter().all(|n| (1..=20).contains(n))
            })
        });
        // The questions numbered: the repeated ones, and the other questions
        // of their step, where a column names it (an action's "Manager's sign
        // off date", given for one action in every form), when the item's
        // number can be read from their ids.
        let mut numbered: std::collections::HashSet<&String> = repeated.clone();
        if let (Some(_), Some(p)) = (step, place) {
            let step_of: HashMap<&String, &String> = questions.iter().zip(&steps).collect();
            let repeat_steps: std::collections::HashSet<&String> = repeated.iter().filter_map(|q| step_of.get(*q).copied()).collect();
            numbered.extend(
                by_question
                    .iter()
                    .filter(|(q, ids)| step_of.get(**q).is_some_and(|s| repeat_steps.contains(s)) && ids.iter().all(|id| digits(id).len() > p))
                    .map(|(q, _)| *q),
            );
        }
        let mut numbers = HashMap::new();
        for question in numbered {
            let mut ids = by_question[question].clone();
            ids.sort_by_key(|id| natural(id));
            // The item's number from the id where it can be read (so that a
            // question answered for the second item only is the second's),
            // else the id's place among the question's ids.
            let from_ids = place.filter(|&p| ids.iter().all(|id| digits(id).get(p).is_some_and(|n| (1..=99).contains(n))));
            numbers.extend(ids.into_iter().enumerate().map(|(i, id)| {
                let n = from_ids.map_or(i + 1, |p| digits(id)[p] as usize);
                ((question.clone(), id.clone()), n)
            }));
        }
        Some((c, numbers, place.is_some()))
    })
}

/// A text as runs of digits (compared as numbers) and of other characters,
/// so that "13.2" sorts before "13.10".
fn natural(s: &str) -> Vec<(u8, u64, String)> {
    let mut out: Vec<(u8, u64, String)> = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&ch) = chars.peek() {
        let digit = ch.is_ascii_digit();
        let mut run = String::new();
        while let Some(&c) = chars.peek().filter(|c| c.is_ascii_digit() == digit) {
            run.push(c);
            chars.next();
        }
        out.push(if digit { (0, run.parse().unwrap_or(u64::MAX), run) } else { (1, 0, run) });
    }
    out
}

/// Whether a column says who or when each answer was given (names, dates or
/// ids that repeat: "Answered By", "Answered Date", "Question ID"), not read;
/// any other column that changes from answer to answer (a comment, a grade
/// beside each answer) is a column per question.
fn answer_metadata(rows: &[&SourceRow], header: &str, c: usize) -> bool {
    let values: Vec<&Cell> = rows.iter().filter_map(|r| r.cells.get(c)).filter(|v| !v.is_empty()).collect();
    let f = fold(header);
    let words: Vec<&str> = f.split(' ').collect();
    // (Or where each question came on the form, "Question no", "Question
    // order": numbered afresh on each form, skipped questions and all.)
    let place = words.contains(&"question") && words.iter().any(|w| matches!(*w, "no" | "number" | "num" | "order" | "seq" | "sequence" | "position"));
    let named = place || words.iter().any(|w| matches!(*w, "by" | "answered" | "entered" | "author" | "user" | "modified" | "updated" | "created"));
    named || (!values.is_empty() && values.iter().filter(|v| is_date_value(v) || is_id_value(v)).count() * 2 > values.len())
}

/// A stamp's place in time: its date, then its time of day where it gives
/// one ("14/07/2026 15:02", an Excel date-time number).
fn stamp_order(c: &Cell) -> Option<(chrono::NaiveDate, u32)> {
    match c {
        Cell::Date(d) => Some((*d, 0)),
        Cell::Number(n) if n.is_finite() && *n > 0.0 => Some((c.as_date()?, (n.fract() * 86_400.0).round() as u32)),
        Cell::Text(t) => {
            let t = t.trim();
            let date = c.as_date()?;
            // (The time after the date: "15:02", "15:02:09", "T15:02:09Z".)
            let time = t.split([' ', 'T']).nth(1).unwrap_or("");
            let parts: Vec<u32> = time.trim_end_matches(['Z', 'z']).split(':').map_while(|p| p.get(..2).unwrap_or(p).parse().ok()).collect();
            let seconds = match parts[..] {
                [h, m, s, ..] => h * 3600 + m * 60 + s,
                [h, m] => h * 3600 + m * 60,
                _ => 0,
            };
            Some((date, seconds))
        }
        _ => None,
    }
}

/// Rows of the groups that repeat another row of their group by `key`.
fn repeated_rows<K: std::hash::Hash + Eq>(groups: &[Vec<&SourceRow>], key: impl Fn(&SourceRow) -> K) -> usize {
    groups.iter().map(|g| g.len() - g.iter().map(|r| key(r)).collect::<std::collections::HashSet<K>>().len()).sum()
}

fn distinct_in(rows: &[&SourceRow], c: usize) -> usize {
    rows.iter().map(|r| text(r.cells.get(c))).collect::<std::collections::HashSet<String>>().len()
}

/// A report that prints an audit's identifiers and dates on its first answer
/// row only, blank on the answers below it ("Audit Ref, Child ID, …" once per
/// block): each block's rows take the first row's cells in those columns, all
/// of them together (a blank there stays blank: a draft's completion date is
/// not taken from the audit above). Only when one column of identifiers is
/// filled on fewer than half the answer rows, the first answer row has it,
/// every block has at least three answers with no question twice, and the
/// columns filled on a block's first row are blank on all its other rows.
/// The rows, filled, and a note saying so.
fn fill_blocks(body: &[SourceRow], q: usize, a: usize, width: usize) -> Option<(Vec<SourceRow>, String)> {
    let answers: Vec<usize> = (0..body.len()).filter(|&i| !body[i].is_blank() && !text(body[i].cells.get(q)).is_empty()).collect();
    let filled = |i: usize, c: usize| body[i].cells.get(c).is_some_and(|v| !v.is_empty());
    let anchor = (0..width).filter(|&c| c != q && c != a).find(|&c| {
        let on: Vec<usize> = answers.iter().copied().filter(|&i| filled(i, c)).collect();
        on.len() >= 2
            && on.len() * 2 < answers.len()
            && on.first() == answers.first()
            && on.iter().filter(|&&i| body[i].cells.get(c).is_some_and(is_id_value)).count() * 5 >= on.len() * 4
    })?;
    // Blocks of answer rows, each from a row with the anchor filled.
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    for &i in &answers {
        if filled(i, anchor) {
            blocks.push(vec![i]);
        } else {
            blocks.last_mut()?.push(i);
        }
    }
    let no_repeat = |b: &Vec<usize>| {
        let distinct: std::collections::HashSet<String> = b.iter().map(|&i| fold(&text(body[i].cells.get(q)))).collect();
        distinct.len() == b.len()
    };
    if !blocks.iter().all(|b| b.len() >= 3 && no_repeat(b)) {
        return None;
    }
    // The block's columns: filled on some first rows, never on the others.
    let columns: Vec<usize> = (0..width)
        .filter(|&c| c != q && c != a)
        .filter(|&c| blocks.iter().all(|b| b[1..].iter().all(|&i| !filled(i, c))) && blocks.iter().any(|b| filled(b[0], c)))
        .collect();
    let mut out = body.to_vec();
    for b in &blocks {
        let first = body[b[0]].cells.clone();
        for &i in &b[1..] {
            let cells = &mut out[i].cells;
            if cells.len() < width {
                cells.resize(width, Cell::Empty);
            }
            for &c in &columns {
                cells[c] = first.get(c).cloned().unwrap_or(Cell::Empty);
            }
        }
    }
    Some((out, format!(" (identifiers written on each audit's first answer row only: its {} rows below take them)", answers.len() - blocks.len())))
}

/// Rows of each sheet looked at by [`join_question_sheets`].
const SHEET_LOOK: usize = 400;

/// One sheet of a workbook whose header names a question and an answer column.
struct QuestionSheet {
    table: usize,
    /// Its header row's place among the sheet's rows, and its folded texts.
    at: usize,
    header: Vec<String>,
    questions: std::collections::HashSet<String>,
    /// Its audits: the values of the identifier columns, row by row.
    audits: std::collections::HashSet<Vec<String>>,
}

/// A long-format table split into one sheet per question, or per section
/// ("Q1 Risk", "Q2 Involvement", …, "Moderation"): every sheet has the same
/// columns, the same audits, and questions no other of them has. No one sheet
/// can be read alone (a sheet of one question is no audit, and two sheets of
/// the same audits are each other's duplicates), so the sheets are read as one
/// table, the later sheets' rows below the first's, numbered on from it.
/// Sheets of other audits under the same header (a sheet per team or per
/// month), or of the same questions (a copy, a version), are left apart.
/// Returns, for each joined table, its sheet and a note naming the sheets put
/// into it and the row each begins at.
pub(crate) fn join_question_sheets(tables: &mut Vec<crate::ingest::Table>) -> Vec<(Option<String>, String)> {
    if tables.len() < 2 {
        return Vec::new();
    }
    let mut sheets: Vec<QuestionSheet> = Vec::new();
    for (i, t) in tables.iter_mut().enumerate() {
        let head = super::gradekey::head_n(t, SHEET_LOOK);
        let Some((at, (q, a))) = head.iter().enumerate().take(30).find_map(|(at, r)| question_answer(&r.cells).map(|qa| (at, qa))) else { continue };
        let header: Vec<String> = head[at].cells.iter().map(|c| fold(&c.as_string())).collect();
        let rows: Vec<&SourceRow> = head[at + 1..].iter().filter(|r| !r.is_blank() && !text(r.cells.get(q)).is_empty()).collect();
        let ids = identifier_columns(&rows, q, a, header.len());
        if rows.is_empty() || ids.is_empty() {
            continue;
        }
        let questions = rows.iter().map(|r| fold(&text(r.cells.get(q)))).collect();
        let audits = rows.iter().map(|r| ids.iter().map(|&c| super::identity::tidy(&value(r.cells.get(c))).into_owned()).collect()).collect();
        sheets.push(QuestionSheet { table: i, at, header: super::table::header_key(&header).to_vec(), questions, audits });
    }
    // Clusters: a sheet joins the first earlier one of its header whose
    // audits it shares (half of the smaller sheet's, or more) and whose
    // questions it does not ask.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for s in 0..sheets.len() {
        let fits = |c: &Vec<usize>| {
            let first = &sheets[c[0]];
            first.header == sheets[s].header
                && c.iter().all(|&o| sheets[o].questions.is_disjoint(&sheets[s].questions))
                && c.iter().any(|&o| {
                    let shared = sheets[o].audits.intersection(&sheets[s].audits).count();
                    shared * 2 >= sheets[o].audits.len().min(sheets[s].audits.len())
                })
        };
        match clusters.iter_mut().find(|c| fits(c)) {
            Some(c) => c.push(s),
            None => clusters.push(vec![s]),
        }
    }
    let mut notes = Vec::new();
    let mut gone: Vec<usize> = Vec::new();
    for c in clusters.iter().filter(|c| c.len() >= 2) {
        let first = sheets[c[0]].table;
        let mut rows: Vec<Result<SourceRow, crate::ingest::IngestError>> = std::mem::replace(&mut tables[first].rows, Box::new(std::iter::empty())).collect();
        let mut last = rows.iter().filter_map(|r| r.as_ref().ok()).map(|r| r.row).max().unwrap_or(0);
        let mut begins = Vec::new();
        for &s in &c[1..] {
            let t = &mut tables[sheets[s].table];
            let own: Vec<Result<SourceRow, crate::ingest::IngestError>> = std::mem::replace(&mut t.rows, Box::new(std::iter::empty())).collect();
            // (The sheet's own header row and anything above it are not read again.)
            let header_row = own.iter().filter_map(|r| r.as_ref().ok()).nth(sheets[s].at).map_or(0, |r| r.row);
            let base = last;
            begins.push(format!("'{}' from row {}", t.sheet.clone().unwrap_or_default(), base + 1));
            for r in own.into_iter().skip(sheets[s].at + 1) {
                rows.push(r.map(|mut r| {
                    r.row = base + r.row.saturating_sub(header_row);
                    last = last.max(r.row);
                    r
                }));
            }
            gone.push(sheets[s].table);
        }
        tables[first].rows = Box::new(rows.into_iter());
        notes.push((
            tables[first].sheet.clone(),
            format!(
                "{} more sheets have this sheet's columns and answer other questions of the same audits (one sheet per question or section): read as one long table with it, their rows numbered on below this sheet's ({})",
                c.len() - 1,
                begins.join(", ")
            ),
        ));
    }
    gone.sort_unstable();
    for i in gone.into_iter().rev() {
        tables.remove(i);
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow::texts(n, cells)
    }

    /// A case management system's form answers report: each answer dated as
    /// it was given, each step with its own status and completion date, an
    /// action plan step repeating its questions per action ("Row"). One audit
    /// per form; the graded step's columns are the audit's, the moderation
    /// step's completion the moderation's, each action's answers numbered;
    /// who and when each answer was given is not read.
    #[test]
    fn a_forms_steps_items_and_answer_dates_make_one_audit() {
        let header = row(1, &["Form ID", "Person ID", "Step", "Step Status", "Step Completed On", "Row", "Question Text", "Answer", "Answered Date"]).cells;
        let mut body = Vec::new();
        for (f, child, day) in [("F1", "3101", 14), ("F2", "3102", 21)] {
            let done = format!("{day}/07/2026");
            let said = |d: u32| format!("{d}/07/2026");
            let answers: Vec<[String; 6]> = vec![
                ["Audit".into(), "Completed".into(), done.clone(), "".into(), "Is the child safe?".into(), "Yes".into()],
                ["Audit".into(), "Completed".into(), done.clone(), "".into(), "Is work child-centred?".into(), "Partially".into()],
                ["Audit".into(), "Completed".into(), done.clone(), "".into(), "Auditor's grade".into(), "Good".into()],
                ["Moderation".into(), "Completed".into(), said(day + 5), "".into(), "Moderator's grade".into(), "Good".into()],
                ["Actions".into(), "Completed".into(), done.clone(), "1".into(), "Who by:".into(), "SW".into()],
                ["Actions".into(), "Completed".into(), done.clone(), "1".into(), "By when:".into(), said(28)],
                ["Actions".into(), "Completed".into(), done.clone(), "2".into(), "Who by:".into(), "TM".into()],
                ["Actions".into(), "Completed".into(), done.clone(), "2".into(), "By when:".into(), said(30)],
            ];
            for (i, x) in answers.iter().enumerate() {
                let n = body.len() as u32 + 2;
                let answered = said(day - 3 + (i as u32 % 3));
                body.push(row(n, &[f, child, &x[0], &x[1], &x[2], &x[3], &x[4], &x[5], &answered]));
            }
        }
        let (q, a) = question_answer(&header).expect("named");
        let grade = |c: &Cell| matches!(c.as_string().as_str(), "Good");
        let p = pivot(&header, &body, q, a, &grade).expect("long format");
        assert_eq!(p.rows.len(), 2, "{}", p.note);
        let h: Vec<String> = p.header.iter().map(Cell::as_string).collect();
        for want in ["Step Status", "Step Completed On", "Moderation: Step Completed On", "Actions: Who by: (1)", "Actions: By when: (2)", "Auditor's grade"] {
            assert!(h.contains(&want.to_string()), "{want} in {h:?}");
        }
        assert!(!h.iter().any(|c| c.contains("Answered Date")), "{h:?}");
        let at = |name: &str| h.iter().position(|c| c == name).unwrap();
        assert_eq!(p.rows[1].cells[at("Step Completed On")].as_string(), "21/07/2026");
        assert_eq!(p.rows[1].cells[at("Moderation: Step Completed On")].as_string(), "26/07/2026");
        assert_eq!(p.rows[0].cells[at("Actions: Who by: (2)")].as_string(), "TM");
        assert!(p.note.contains("'Audit' (the step with the grades)") && p.note.contains("'Answered Date'"), "{}", p.note);
    }

    /// An action plan that asks its questions again for each action with no
    /// item number column, told apart only by the question id ("13.1b",
    /// "13.2b": both "Person"): each action's questions are numbered from the
    /// id, a question answered for no form's second action ("Manager's sign
    /// off date") is there for it too, blank, and a question renumbered
    /// between two form versions ("AU2" in v1, "AU3" in v2) stays one question.
    #[test]
    fn question_ids_number_an_action_plans_repeated_questions() {
        let header = row(1, &["Form ID", "Form Version", "Person ID", "Step", "Question ID", "Question Text", "Answer"]).cells;
        let mut body = Vec::new();
        let forms: [(&str, &str, &str, &str, usize); 3] = [("F1", "V1", "9101", "AU2", 2), ("F2", "V2", "9102", "AU3", 1), ("F3", "V2", "9103", "AU3", 1)];
        for (f, v, child, grade_id, actions) in forms {
            let mut answers: Vec<[String; 4]> = vec![
                ["Audit".into(), "AU1".into(), "Audit date".into(), "14/09/2026".into()],
                ["Audit".into(), grade_id.into(), "Overall grade".into(), "Good".into()],
                ["Audit".into(), "Q1".into(), "Is the plan clear?".into(), "Yes".into()],
            ];
            for n in 1..=actions {
                answers.push(["Actions".into(), format!("13.{n}a"), "Agreed Action".into(), format!("Action {n} of {f}")]);
                answers.push(["Actions".into(), format!("13.{n}b"), "Person".into(), "SW".into()]);
                answers.push(["Actions".into(), format!("13.{n}c"), "Completion date".into(), "30/09/2026".into()]);
                if n == 1 {
                    answers.push(["Actions".into(), "13.1d".into(), "Manager's sign off date".into(), "29/09/2026".into()]);
                }
            }
            for x in answers {
                let n = body.len() as u32 + 2;
                body.push(row(n, &[f, v, child, &x[0], &x[1], &x[2], &x[3]]));
            }
        }
        let (q, a) = question_answer(&header).expect("named");
        let grade = |c: &Cell| matches!(c.as_string().as_str(), "Good");
        let p = pivot(&header, &body, q, a, &grade).expect("long format");
        assert_eq!(p.rows.len(), 3, "{}", p.note);
        assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
        let h: Vec<String> = p.header.iter().map(Cell::as_string).collect();
        for want in [
            "Actions: Agreed Action (2)",
            "Actions: Person (1)",
            "Actions: Completion date (2)",
            "Actions: Manager's sign off date (1)",
            "Actions: Manager's sign off date (2)",
        ] {
            assert!(h.contains(&want.to_string()), "{want} in {h:?}");
        }
        assert_eq!(h.iter().filter(|c| c.contains("Overall grade")).count(), 1, "one overall across versions: {h:?}");
        let at = |name: &str| h.iter().position(|c| c == name).unwrap();
        assert_eq!(p.rows[0].cells[at("Actions: Agreed Action (2)")].as_string(), "Action 2 of F1");
        assert!(p.rows[0].cells[at("Actions: Manager's sign off date (2)")].is_empty());
        assert_eq!(p.rows[2].cells[at("Overall grade")].as_string(), "Good");
    }

    /// "Comments" asked at the end of each step, with a question id (Q02,
    /// Q04, Q06): one question per step, named with it, not items of a
    /// repeating group; the other questions keep their names.
    #[test]
    fn a_question_asked_in_each_step_is_one_per_step() {
        let header = row(1, &["Form ID", "Person ID", "Step", "Question ID", "Question Text", "Answer"]).cells;
        let mut body = Vec::new();
        for (f, child) in [("8000", "C9000"), ("8001", "C9001")] {
            for (step, id, question, answer) in [
                ("Safety", "Q01", "Risk is identified and managed", "Met"),
                ("Safety", "Q02", "Comments", "About safety"),
                ("Voice", "Q03", "Child's views are heard", "Partially met"),
                ("Voice", "Q04", "Comments", "About voice"),
                ("Overall", "Q05", "Overall judgement", "Good"),
                ("Overall", "Q06", "Date audit completed", "10/09/2026"),
            ] {
                let n = body.len() as u32 + 2;
                body.push(row(n, &[f, child, step, id, question, answer]));
            }
        }
        let (q, a) = question_answer(&header).expect("named");
        let grade = |c: &Cell| matches!(c.as_string().as_str(), "Good");
        let p = pivot(&header, &body, q, a, &grade).expect("long format");
        assert_eq!(p.rows.len(), 2, "{}", p.note);
        let h: Vec<String> = p.header.iter().map(Cell::as_string).collect();
        for want in ["Safety: Comments", "Voice: Comments", "Overall judgement", "Date audit completed", "Risk is identified and managed"] {
            assert!(h.contains(&want.to_string()), "{want} in {h:?}");
        }
        assert!(!h.iter().any(|c| c.contains('(')), "no items: {h:?}");
    }

    /// A score given beside each answer (1 to 4, blank on a comment
    /// question) numbers no repeating items: the questions stay as they are,
    /// and the score is a column per question (no one's name or date).
    #[test]
    fn a_score_beside_each_answer_is_no_item_number() {
        let header = row(1, &["Form ID", "Child ID", "Team", "Date Completed", "Question", "Answer", "Score"]).cells;
        let mut body = Vec::new();
        for (f, child, score) in [("F1", "C101", "2"), ("F2", "C102", "4"), ("F3", "C103", "1")] {
            for (question, answer, s) in [
                ("Safeguarding", "Good", score),
                ("Planning", "Requires improvement", "3"),
                ("Overall judgement", "Good", score),
                ("Comments", "Seen alone", ""),
            ] {
                let n = body.len() as u32 + 2;
                body.push(row(n, &[f, child, "North", "01/10/2026", question, answer, s]));
            }
        }
        let (q, a) = question_answer(&header).expect("named");
        let p = pivot(&header, &body, q, a, &|_| false).expect("long format");
        let h: Vec<String> = p.header.iter().map(Cell::as_string).collect();
        assert_eq!(p.rows.len(), 3, "{}", p.note);
        assert!(h.contains(&"Overall judgement".to_string()) && !h.iter().any(|c| c.ends_with(')')), "{h:?}");
        assert!(h.contains(&"Overall judgement Score".to_string()), "{h:?}");
    }

    #[test]
    fn a_questions_place_on_each_form_is_not_read() {
        // (Blind set 143's wyvernholt: "Question no" numbered afresh on each
        // form, a skipped question and all, became a column per question.)
        let header = row(1, &["Step ID", "Person ID", "Step completed", "Question no", "Question", "Answer"]).cells;
        let mut body = Vec::new();
        for (f, child, skip) in [("S1", "C101", false), ("S2", "C102", true), ("S3", "C103", false)] {
            let questions = [("Name of Team", "North"), ("Record of discussion with child:", "Met at school"), ("Overall", "Good")];
            for (n, (question, answer)) in questions.iter().filter(|(q, _)| !(skip && q.starts_with("Name"))).enumerate() {
                let r = body.len() as u32 + 2;
                body.push(row(r, &[f, child, "01/10/2026", &(n + 1).to_string(), question, answer]));
            }
        }
        let (q, a) = question_answer(&header).expect("named");
        let p = pivot(&header, &body, q, a, &|_| false).expect("long format");
        let h: Vec<String> = p.header.iter().map(Cell::as_string).collect();
        assert!(!h.iter().any(|c| c.ends_with("Question no")), "{h:?}");
    }

    #[test]
    fn answers_become_one_row_per_audit_with_a_column_per_question() {
        let header = row(3, &["Form ID", "Child ID", "Team", "Finalised", "Question", "Answer", "Comment"]).cells;
        let body = vec![
            row(4, &["F1", "C100", "North", "01/10/2026", "Overall judgement", "Good", ""]),
            row(5, &["F1", "C100", "North", "01/10/2026", "Voice of the child", "Met", "Views recorded"]),
            row(6, &["F1", "C100", "North", "01/10/2026", "Planning", "Not met", ""]),
            row(7, &["", "", "", "", "", "", ""]),
            row(8, &["F2", "C200", "South", "02/10/2026", "Overall judgement", "Inadequate", ""]),
            row(9, &["F2", "C200", "South", "02/10/2026", "Voice of the child", "Not met", "Not seen"]),
            row(10, &["F2", "C200", "South", "02/10/2026", "Voice of the child", "Not met", "Not seen"]),
            row(11, &["F2", "C200", "South", "02/10/2026", "planning", "Met", ""]),
            row(12, &["F2", "C200", "South", "02/10/2026", "Planning", "Not met", ""]),
        ];
        let (q, a) = question_answer(&header).expect("named");
        assert_eq!((q, a), (4, 5));
        let p = pivot(&header, &body, q, a, &|_| false).expect("long format");
        let h: Vec<String> = p.header.iter().map(Cell::as_string).collect();
        assert_eq!(
            h,
            [
                "Form ID",
                "Child ID",
                "Team",
                "Finalised",
                "Overall judgement",
                "Overall judgement Comment",
                "Voice of the child",
                "Voice of the child Comment",
                "Planning",
                "Planning Comment"
            ]
        );
        let cells: Vec<Vec<String>> = p.rows.iter().map(|r| r.cells.iter().map(Cell::as_string).collect()).collect();
        assert_eq!(p.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [4, 7, 8], "each audit numbered as its first row; the blank row kept");
        assert_eq!(cells[0], ["F1", "C100", "North", "01/10/2026", "Good", "", "Met", "Views recorded", "Not met", ""]);
        assert_eq!(cells[2], ["F2", "C200", "South", "02/10/2026", "Inadequate", "", "Not met", "Not seen", "Met", ""]);
        assert_eq!(p.duplicates, [(10, 9)]);
        assert_eq!(p.conflicts, [(12, "Planning".to_string(), 11)]);
        assert_eq!(p.folded, 4, "two audits of three questions: four rows folded");
        assert!(p.note.contains("8 answer rows read as 2 audits"), "{}", p.note);
    }

    #[test]
    fn identifiers_on_each_audits_first_answer_row_only_fill_its_block() {
        // A report printing the audit's columns once per block; "Section"
        // goes with the question and is not the question column.
        let header = row(1, &["Audit Ref", "Child ID", "Date Completed", "Section", "Question", "Answer"]).cells;
        assert_eq!(question_answer(&header), Some((4, 5)), "'Question' over 'Section'");
        let body = vec![
            row(2, &["A1", "C100", "01/09/2026", "1. Safety", "Overall judgement", "Good"]),
            row(3, &["", "", "", "1. Safety", "Risk identified", "Yes"]),
            row(4, &["", "", "", "2. Voice", "Child seen alone", "No"]),
            row(5, &["A2", "C200", "", "1. Safety", "Overall judgement", "Requires improvement"]),
            row(6, &["", "", "", "1. Safety", "Risk identified", "No"]),
            row(7, &["", "", "", "2. Voice", "Child seen alone", "Yes"]),
            row(8, &["A3", "C300", "03/09/2026", "1. Safety", "Overall judgement", "Good"]),
            row(9, &["", "", "", "1. Safety", "Risk identified", "Yes"]),
            row(10, &["", "", "", "2. Voice", "Child seen alone", "Yes"]),
        ];
        let p = pivot(&header, &body, 4, 5, &|_| false).expect("long format");
        let h: Vec<String> = p.header.iter().map(Cell::as_string).collect();
        assert_eq!(h, ["Audit Ref", "Child ID", "Date Completed", "Overall judgement", "Risk identified", "Child seen alone"]);
        let cells: Vec<Vec<String>> = p.rows.iter().map(|r| r.cells.iter().map(Cell::as_string).collect()).collect();
        // A2, a draft, keeps its blank completion date: not the audit above's.
        assert_eq!(
            cells,
            [
                ["A1", "C100", "01/09/2026", "Good", "Yes", "No"],
                ["A2", "C200", "", "Requires improvement", "No", "Yes"],
                ["A3", "C300", "03/09/2026", "Good", "Yes", "Yes"]
            ]
        );
        assert!(p.note.contains("first answer row only"), "{}", p.note);
        // A block with a question twice is not one audit's: not filled.
        let mut twice = body.clone();
        twice[2] = row(4, &["", "", "", "2. Voice", "Risk identified", "No"]);
        assert!(fill_blocks(&twice, 4, 5, 6).is_none());
    }

    #[test]
    fn a_wide_table_with_a_grade_column_is_not_long() {
        // One row per audit: "Area" is not a question, and a "Domain" column
        // whose every audit has one row is not one row per answer.
        let header = row(1, &["Child ID", "Date", "Domain", "Grade"]).cells;
        let body: Vec<SourceRow> =
            (0..6).map(|i| row(2 + i, &[&format!("C10{i}"), "01/10/2026", ["Voice", "Plans", "Risk"][i as usize % 3], "Good"])).collect();
        let (q, a) = question_answer(&header).expect("named");
        assert!(pivot(&header, &body, q, a, &|_| false).is_none());
        assert!(question_answer(&row(1, &["Child ID", "Area", "Overall grade"]).cells).is_none());
    }
}
