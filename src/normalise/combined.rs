//! Two or three fields in one cell, under a header that names them all
//! ("Allocated / Deadline": "01/09/2026 – 30/09/2026"; "Date completed –
//! OVERALL JUDGEMENT": "24/09/2026 – Good"; "Spoken to (Child / Family /
//! SW)": "Y / N / Y"; "Who? (date to be completed by)": "SW (by
//! 30/09/2026)"): read as a column per field the header names, when each part
//! of the header names a field on its own and the cells split into as many
//! parts. A part may repeat its field's name before the value ("Sent
//! 01/09/2026 – due 15/09/2026" under "Sent to auditor / due"): the name is
//! dropped.

use crate::ingest::{Cell, SourceRow};

/// How the parts of a cell are set apart: spaced, so that a date's own
/// slashes ("01/09/2026") and a word's hyphen stay whole.
const CELL_SEPARATORS: [&str; 6] = [" / ", " – ", " — ", " - ", "; ", ": "];

/// How a header, and its cells, set their parts apart.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Split {
    /// "A / B", "X (a / b)": cells at [`CELL_SEPARATORS`].
    Separated,
    /// "A (B)", one field outside the brackets and one inside: cells "a (b)".
    Bracketed,
    /// "X (a, b, c)": cells "a yes, b no, c yes", each part led by its name.
    Commas,
    /// "X (a – b – c)" over cells of the first parts with the last in
    /// brackets, or not there ("28/10/2026 – not agreed (Requires
    /// Improvement)", "02/10/2026 – agreed": no grade given when agreed).
    Trailing,
    /// "X (a – b)" over cells "x a – b": X's value, then a's and b's
    /// ("Legal status (from – to)": "Child Protection Plan (Neglect)
    /// 10/05/2026 – current"); X's value is what comes before a's first figure.
    Led,
}

/// The columns of a table whose cells hold several fields.
#[derive(Debug, Clone)]
pub struct CombinedColumns {
    /// Each combined column, the names of its parts and how its cells split.
    columns: Vec<(usize, Vec<String>, Split)>,
    /// The header's width: the new columns start after it on every row.
    width: usize,
}

/// The parts a header names: "A / B", "A – B", "A & B", "X (a / b / c)" as
/// "X a", "X b", "X c", or "A (B)" as "A" and "B".
fn header_parts(header: &str) -> Option<(Vec<String>, Split)> {
    // (However its spaces were typed: "Responsible\u{a0}/\u{a0}target date".)
    let spaced = super::fold::spaced(header);
    let h = spaced.trim();
    if let (Some(open), true) = (h.find('('), h.ends_with(')')) {
        let (outside, inside) = (h[..open].trim(), h[open + 1..h.len() - 1].trim());
        // ("Spoken to (child, parent/carer, worker)": commas part the names,
        // a slash joins two words of one.)
        let commas: Vec<&str> = inside.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
        if !outside.is_empty() && commas.len() >= 2 {
            return Some((commas.iter().map(|p| format!("{outside} {p}")).collect(), Split::Commas));
        }
        let parts: Vec<&str> = inside.split(['/', '–', ':']).map(str::trim).filter(|p| !p.is_empty()).collect();
        if !outside.is_empty() && parts.len() >= 2 {
            return Some((parts.iter().map(|p| format!("{outside} {p}")).collect(), Split::Separated));
        }
        if !outside.is_empty() && parts.len() == 1 && !inside.contains('(') {
            return Some((vec![outside.to_string(), inside.to_string()], Split::Bracketed));
        }
        return None;
    }
    // (Spaced: "child/young person" and "SW/PA" are one thing in two words.)
    for sep in [" / ", " – ", " - ", " & "] {
        let parts: Vec<&str> = h.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
        if parts.len() >= 2 {
            return Some((parts.iter().map(|p| p.to_string()).collect(), Split::Separated));
        }
    }
    None
}

/// A cell's parts, when it splits into `n` by one of [`CELL_SEPARATORS`]; a
/// lone dash is an empty part ("Exceeds good / –"). (Not at a hyphen: "Yes -
/// seen at school" is one answer and what was said.)
fn cell_parts(text: &str, n: usize, split: Split) -> Option<Vec<String>> {
    let spaced = super::fold::spaced(text);
    let text = spaced.as_ref();
    if split == Split::Commas {
        let parts: Vec<String> = text.split(',').map(|p| p.trim().to_string()).collect();
        return (parts.len() == n).then_some(parts);
    }
    if split == Split::Bracketed {
        // "SW (by 30/09/2026)": what is outside the last brackets, and in them.
        return in_brackets(text).map(|(outside, inside)| vec![outside, inside]);
    }
    if split == Split::Led {
        // (The parts counted from the right: "Child Protection Plan – Neglect
        // 10/05/2026 – current" has a dash of its own in the status.)
        let k = n.checked_sub(1).filter(|&k| k >= 2)?;
        let mut parts: Vec<String> = CELL_SEPARATORS.iter().filter(|s| **s != " - ").find_map(|sep| {
            let mut p: Vec<String> = text.rsplitn(k, sep).map(|x| x.trim().to_string()).collect();
            p.reverse();
            (p.len() == k).then_some(p)
        })?;
        let first = parts.first()?.clone();
        // (The first word from which the rest reads as a date: "S20" in
        // "Looked After - S20 01/11/2025" is the status's.)
        let at = first
            .char_indices()
            .filter(|&(i, c)| i > 0 && c.is_ascii_digit() && first[..i].ends_with(' '))
            .map(|(i, _)| i)
            .find(|&i| Cell::text(first[i..].trim()).as_date().is_some())?;
        let (lead, rest) = (first[..at].trim(), first[at..].trim());
        if lead.is_empty() {
            return None;
        }
        parts[0] = rest.to_string();
        parts.insert(0, lead.to_string());
        return Some(parts);
    }
    if split == Split::Trailing {
        if let Some(parts) = cell_parts(text, n, Split::Separated) {
            return Some(parts);
        }
        let mut parts = cell_parts(text, n.checked_sub(1).filter(|&k| k >= 2)?, Split::Separated)?;
        let last = parts.pop().unwrap_or_default();
        let (outside, inside) = in_brackets(&last).unwrap_or((last, String::new()));
        parts.extend([outside, inside]);
        return Some(parts);
    }
    CELL_SEPARATORS.iter().find_map(|sep| {
        // (A part left empty at either end: "L. Fenwick –", the date not yet
        // given; "– 10/09/2026".)
        let bare = sep.trim();
        let t = text.trim();
        let padded = match (t.strip_suffix(bare), t.strip_prefix(bare)) {
            (Some(rest), _) if rest.ends_with(' ') && !bare.is_empty() => format!("{t} "),
            (_, Some(rest)) if rest.starts_with(' ') && !bare.is_empty() => format!(" {t}"),
            _ => t.to_string(),
        };
        let parts: Vec<&str> = padded.split(sep).map(str::trim).collect();
        // (At a spaced hyphen only where a part is a date alone, or left
        // empty: "L. Fenwick - 03/09/2026", "L. Fenwick -"; not "Yes - seen
        // at school", an answer and what was said.)
        let dated = || parts.iter().any(|p| p.is_empty() || crate::ingest::cell::date_alone(p).is_some());
        (parts.len() == n && (*sep != " - " || dated()))
            .then(|| parts.iter().map(|p| if matches!(*p, "-" | "–" | "—") { String::new() } else { p.to_string() }).collect())
    })
}

/// "a (b)": what is outside the last brackets, and in them.
fn in_brackets(text: &str) -> Option<(String, String)> {
    let inner = text.trim().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (outside, inside) = (inner[..open].trim(), inner[open + 1..].trim());
    (!outside.is_empty() && !inside.is_empty() && !inside.contains(')')).then(|| (outside.to_string(), inside.to_string()))
}

/// A part without its field's name written before its value: "Sent
/// 01/09/2026" under "Sent to auditor", "due: 15/09/2026" under "Due",
/// "entered 28/08/2026" under "entered" (the first word of the name, then a
/// number). Anything else as it is ("by 30/09/2026" under "date to be
/// completed by" is read as a due date in words).
fn without_name<'a>(part: &'a str, name: &str) -> &'a str {
    let Some(word) = name.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()) else { return part };
    // (Or the name's word in another form, "Moderated 20/10/2026" under
    // "Moderation": the part's first word, sharing its first five letters.)
    let first = part.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    let stem = |w: &str| w.chars().take(5).collect::<String>().to_lowercase();
    let lead = if first.chars().count() >= 5 && word.chars().count() >= 5 && stem(first) == stem(word) { first } else { word };
    after_lead(part, lead, &[':', ' ', '-', '–'], |rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// What follows `lead` at the start of `part` (any case) and one or more of
/// `between`, when `value` accepts it; else `part` as it is.
fn after_lead<'a>(part: &'a str, lead: &str, between: &[char], value: impl Fn(&str) -> bool) -> &'a str {
    let Some(head) = part.get(..lead.len()).filter(|h| h.eq_ignore_ascii_case(lead)) else { return part };
    let rest = part[head.len()..].trim_start_matches(between);
    if rest.len() < part.len() - head.len() && value(rest) {
        rest
    } else {
        part
    }
}

/// Each name without the words all the names begin with ("Spoken to child",
/// "Spoken to worker": "child", "worker").
fn own_words(names: &[String]) -> Vec<String> {
    let first: Vec<&str> = names.first().map(|n| n.split(' ').collect()).unwrap_or_default();
    let shared = (0..first.len()).take_while(|&i| names.iter().all(|n| n.split(' ').nth(i) == Some(first[i]))).count();
    names.iter().map(|n| n.split(' ').skip(shared).collect::<Vec<_>>().join(" ")).collect()
}

/// A part led by its name, then an answer ("parent/carer n/a", "child: yes"):
/// the answer; anything else as it is.
fn answer_after<'a>(part: &'a str, label: &str) -> &'a str {
    after_lead(part, label, &[':', ' ', '-', '–', '='], |rest| super::scales::answer(&Cell::text(rest)).is_some())
}

impl CombinedColumns {
    /// The table's combined columns: a header of two or more parts, each
    /// naming a field (`names_field`) and not all the same, whose filled
    /// cells (three or more) nearly all split into as many parts.
    pub fn find(header: &SourceRow, body: &[SourceRow], names_field: impl Fn(&str) -> Option<String>) -> Option<CombinedColumns> {
        let mut columns = Vec::new();
        for (c, cell) in header.cells.iter().enumerate() {
            let Cell::Text(h) = cell else { continue };
            // (A header that names one field in two words, "Child/YP spoken
            // to?", "Parents / carers views", has parts naming no field or the
            // same one, and cells of one answer.)
            let Some((mut parts, mut split)) = header_parts(h) else { continue };
            let texts: Vec<String> = body.iter().filter_map(|r| r.cells.get(c)).filter(|x| !x.is_empty()).map(Cell::as_string).collect();
            let mut split_cells: Vec<Vec<String>> = texts.iter().filter_map(|t| cell_parts(t, parts.len(), split)).collect();
            // (Three parts or more, the last in brackets on some cells and
            // not there on the others: see [`Split::Trailing`].)
            let n = parts.len();
            let trailing = || {
                let cells: Vec<Vec<String>> = texts.iter().filter_map(|t| cell_parts(t, n, Split::Trailing)).collect();
                let bracketed = texts
                    .iter()
                    .any(|t| cell_parts(t, n, Split::Separated).is_none() && cell_parts(t, n, Split::Trailing).is_some_and(|p| !p[n - 1].is_empty()));
                (bracketed && cells.len() * 10 >= texts.len() * 8).then_some(cells)
            };
            if texts.len() >= 3 && split_cells.len() * 10 < texts.len() * 8 && split == Split::Separated && n >= 3 {
                if let Some(cells) = trailing() {
                    (split, split_cells) = (Split::Trailing, cells);
                }
            }
            // (The header's own name a field too, its value before the
            // parts in brackets: see [`Split::Led`]. Only where the parts
            // as they are do not each name a field of their own.)
            let plain = || {
                let fields: Vec<Option<String>> = parts.iter().map(|p| names_field(p)).collect();
                let distinct: std::collections::BTreeSet<&String> = fields.iter().flatten().collect();
                split_cells.len() * 10 >= texts.len() * 8 && fields.iter().all(Option::is_some) && distinct.len() == parts.len()
            };
            if texts.len() >= 3 && split == Split::Separated && !plain() {
                let outside = h.find('(').map(|i| h[..i].trim().to_string()).filter(|o| !o.is_empty());
                if let Some(o) = outside.filter(|o| names_field(o).is_some()) {
                    let cells: Vec<Vec<String>> = texts.iter().filter_map(|t| cell_parts(t, n + 1, Split::Led)).collect();
                    // (Values that differ: "Moderated 20/10/2026: agree" on
                    // every row under "Moderation (date: outcome)" repeats
                    // the name, it gives no value.)
                    let leads: std::collections::BTreeSet<&str> = cells.iter().map(|c| c[0].as_str()).collect();
                    if cells.len() * 10 >= texts.len() * 8 && leads.len() >= 2 {
                        // (Each part by its own name, "from", "to": with X's
                        // before it, each would name X.)
                        for p in parts.iter_mut() {
                            *p = p.strip_prefix(o.as_str()).map(str::trim).unwrap_or(p).to_string();
                        }
                        parts.insert(0, o);
                        (split, split_cells) = (Split::Led, cells);
                    }
                }
            }
            if texts.len() < 3 || split_cells.len() * 10 < texts.len() * 8 {
                continue;
            }
            // (A part named by a word alone whose values are mostly dates,
            // "By when / done": "by 24/09/2026 – done 22/09/2026", is that
            // word's date.)
            for (i, name) in parts.iter_mut().enumerate() {
                let values: Vec<&str> = split_cells.iter().map(|p| without_name(&p[i], name)).filter(|v| !v.is_empty()).collect();
                let dates = values.iter().filter(|v| Cell::text(v).as_date().is_some()).count();
                if names_field(name).is_none() && dates * 2 >= values.len() && dates > 0 {
                    name.push_str(" date");
                }
            }
            let fields: Vec<Option<String>> = parts.iter().map(|p| names_field(p)).collect();
            let mut distinct: Vec<&String> = fields.iter().flatten().collect();
            distinct.sort();
            distinct.dedup();
            // (A spoken-to question with more words after it, "spoke with the
            // child / young person": "Yes – seen at school" is its answer and
            // what was said. Spoken-to parts only with each other.)
            let spoken = fields.iter().flatten().filter(|f| f.starts_with("spoke_")).count();
            if fields.iter().any(Option::is_none) || distinct.len() < parts.len() || (spoken > 0 && spoken < parts.len()) {
                continue;
            }
            columns.push((c, parts, split));
        }
        (!columns.is_empty()).then_some(CombinedColumns { columns, width: header.cells.len() })
    }

    /// Whether every combined column is of the "A (B)" kind.
    pub fn bracketed_only(&self) -> bool {
        self.columns.iter().all(|(_, _, split)| *split == Split::Bracketed)
    }

    /// Whether every combined column is of the "X (a – b)" kind, X's value first.
    pub fn led_only(&self) -> bool {
        self.columns.iter().all(|(_, _, split)| *split == Split::Led)
    }

    /// What was read, for validate and data_quality.
    pub fn describe(&self, header: &SourceRow) -> String {
        let each: Vec<String> = self
            .columns
            .iter()
            .map(|(c, names, _)| {
                format!(
                    "'{}' as {}",
                    header.cells.get(*c).map(Cell::as_string).unwrap_or_default(),
                    names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
                )
            })
            .collect();
        format!("columns whose header names several fields and whose cells hold them in turn: read as a column per field: {}", each.join("; "))
    }

    /// The row with each combined column's parts as columns of their own
    /// (the header gains their names; rows above it are left as they are).
    pub fn apply(&self, mut row: SourceRow, header_row: u32) -> SourceRow {
        if row.row < header_row {
            return row;
        }
        row.cells.resize(self.width, Cell::Empty);
        for (c, names, split) in &self.columns {
            if row.row == header_row {
                row.cells[*c] = Cell::Empty;
                row.cells.extend(names.iter().map(|n| Cell::Text(n.clone())));
                continue;
            }
            let text = row.cells[*c].as_string();
            match cell_parts(&text, names.len(), *split) {
                Some(parts) if *split == Split::Commas => {
                    row.cells[*c] = Cell::Empty;
                    let labels = own_words(names);
                    row.cells.extend(parts.iter().zip(&labels).map(|(p, label)| Cell::text(answer_after(p, label))));
                }
                Some(parts) => {
                    row.cells[*c] = Cell::Empty;
                    row.cells.extend(parts.iter().zip(names).map(|(p, name)| Cell::text(without_name(p, name))));
                }
                // (A cell with no brackets under "A (B)" is A alone: "Unable
                // to meet - worker on leave" under "Which worker did you speak
                // to? (include date seen)".)
                None if *split == Split::Bracketed => {
                    let whole = std::mem::replace(&mut row.cells[*c], Cell::Empty);
                    row.cells.push(whole);
                    row.cells.extend(names.iter().skip(1).map(|_| Cell::Empty));
                }
                None => row.cells.extend(names.iter().map(|_| Cell::Empty)),
            }
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow { row: n, cells: cells.iter().map(|t| Cell::text(t)).collect() }
    }

    #[test]
    fn a_header_of_two_fields_over_cells_of_two_parts_is_two_columns() {
        let field = |h: &str| match h.trim().to_lowercase().as_str() {
            "allocated" => Some("allocated_date".to_string()),
            "deadline" => Some("due_date".to_string()),
            "child id" => Some("child_id".to_string()),
            _ => None,
        };
        let header = row(1, &["Child ID", "Allocated / Deadline"]);
        let body = vec![row(2, &["C1", "01/09/2026 – 30/09/2026"]), row(3, &["C2", "01/10/2026 – 31/10/2026"]), row(4, &["C3", "01/10/2026 – 31/10/2026"])];
        let combined = CombinedColumns::find(&header, &body, field).expect("combined");
        let h = combined.apply(header.clone(), 1);
        assert_eq!(h.cells[2].as_string(), "Allocated");
        assert_eq!(h.cells[3].as_string(), "Deadline");
        let r = combined.apply(body[0].clone(), 1);
        assert_eq!(r.cells[3].as_string(), "30/09/2026");
        // A header one part of which names no field is one field: not split.
        let header = row(1, &["Child ID", "Child / YP"]);
        assert!(CombinedColumns::find(&header, &[row(2, &["C1", "Yes / No"]), row(3, &["C2", "Yes / No"]), row(4, &["C3", "Y / N"])], field).is_none());
    }

    #[test]
    fn a_part_left_empty_at_the_end_or_the_start_is_an_empty_part() {
        assert_eq!(cell_parts("L. Fenwick –", 2, Split::Separated), Some(vec!["L. Fenwick".to_string(), String::new()]));
        assert_eq!(cell_parts("– 10/09/2026", 2, Split::Separated), Some(vec![String::new(), "10/09/2026".to_string()]));
        assert_eq!(cell_parts("R. Pike – 10/09/2026", 2, Split::Separated), Some(vec!["R. Pike".to_string(), "10/09/2026".to_string()]));
        assert_eq!(cell_parts("Good:", 2, Split::Separated), None, "a colon after a word is no empty part");
    }

    fn action_field(h: &str) -> Option<String> {
        match h.trim().to_lowercase().as_str() {
            "who?" => Some("owner".to_string()),
            "date to be completed by" | "by when" | "due" => Some("due_date".to_string()),
            "done date" => Some("completed_date".to_string()),
            "sent to auditor" => Some("allocated_date".to_string()),
            _ => None,
        }
    }

    #[test]
    fn a_field_in_brackets_beside_another_is_its_own_column() {
        let header = row(1, &["Who? (date to be completed by)"]);
        let body = vec![
            row(2, &["SW (by 30/09/2026)"]),
            row(3, &["TM (by 14/10/2026)"]),
            row(4, &["SW (by 09/10/2026)"]),
            row(5, &["TM (by 09/10/2026)"]),
            row(6, &["SW"]),
        ];
        let combined = CombinedColumns::find(&header, &body, action_field).expect("combined");
        let r = combined.apply(body[0].clone(), 1);
        assert_eq!((r.cells[1].as_string().as_str(), r.cells[2].as_string().as_str()), ("SW", "by 30/09/2026"));
        // (A cell with no brackets is the field outside them, not lost.)
        let r = combined.apply(body[4].clone(), 1);
        assert_eq!((r.cells[1].as_string().as_str(), r.cells[2].as_string().as_str()), ("SW", ""));
        // Brackets that qualify one field are not two: "Overall grade (Ofsted)".
        let header = row(1, &["Who? (name)"]);
        assert!(CombinedColumns::find(&header, &[row(2, &["A (B)"]), row(3, &["A (B)"]), row(4, &["A (B)"])], action_field).is_none());
    }

    #[test]
    fn names_with_their_answers_after_commas_are_a_column_each() {
        let field = |h: &str| match h.trim().to_lowercase().as_str() {
            "spoken to child" => Some("spoke_child".to_string()),
            "spoken to parent/carer" => Some("spoke_family".to_string()),
            "spoken to worker" => Some("spoke_practitioner".to_string()),
            _ => None,
        };
        let header = row(1, &["Spoken to (child, parent/carer, worker)"]);
        let body = vec![
            row(2, &["child yes, parent/carer n/a, worker yes"]),
            row(3, &["child no, parent/carer yes, worker yes"]),
            row(4, &["Child: yes, Parent/carer: no, worker no"]),
        ];
        let combined = CombinedColumns::find(&header, &body, field).expect("combined");
        let r = combined.apply(body[0].clone(), 1);
        assert_eq!(r.cells[1..].iter().map(Cell::as_string).collect::<Vec<_>>(), ["yes", "n/a", "yes"]);
        let r = combined.apply(body[2].clone(), 1);
        assert_eq!(r.cells[1..].iter().map(Cell::as_string).collect::<Vec<_>>(), ["yes", "no", "no"]);
        // (A part that is no answer after its name stays as written.)
        assert_eq!(answer_after("child seen at school", "child"), "child seen at school");
    }

    #[test]
    fn a_part_that_repeats_its_field_s_name_is_read_without_it() {
        let header = row(1, &["Sent to auditor / due"]);
        let body =
            vec![row(2, &["Sent 01/09/2026 – due 15/09/2026"]), row(3, &["Sent 02/09/2026 – due: 16/09/2026"]), row(4, &["Sent 03/09/2026 – due 17/09/2026"])];
        let combined = CombinedColumns::find(&header, &body, action_field).expect("combined");
        let r = combined.apply(body[1].clone(), 1);
        assert_eq!((r.cells[1].as_string().as_str(), r.cells[2].as_string().as_str()), ("02/09/2026", "16/09/2026"));
        // (Only the name and then a number: "due soon" and "Sentinel 3" stay.)
        assert_eq!(without_name("due soon", "due"), "due soon");
        assert_eq!(without_name("Sentinel 3", "Sent to auditor"), "Sentinel 3");
        // A part named by a word alone, whose values are dates, is that word's date.
        let header = row(1, &["By when / done"]);
        let body = vec![row(2, &["by 24/09/2026 – done 22/09/2026"]), row(3, &["by 09/10/2026 – not done"]), row(4, &["by 20/10/2026 – done 23/10/2026"])];
        let combined = CombinedColumns::find(&header, &body, action_field).expect("combined");
        assert_eq!(combined.apply(header.clone(), 1).cells[2].as_string(), "done date");
        assert_eq!(combined.apply(body[0].clone(), 1).cells[2].as_string(), "22/09/2026");
        assert_eq!(combined.apply(body[1].clone(), 1).cells[2].as_string(), "not done");
    }

    #[test]
    fn a_last_part_in_brackets_or_not_there_and_a_value_before_the_parts() {
        let field = |h: &str| match h.trim().to_lowercase().as_str() {
            "moderation date" => Some("moderation_date".to_string()),
            "moderation agreed?" => Some("moderator_agrees".to_string()),
            "moderation moderator's grade" => Some("moderated_overall".to_string()),
            "legal status" => Some("episode_type".to_string()),
            "from" => Some("start_date".to_string()),
            "to" => Some("end_date".to_string()),
            _ => None,
        };
        // "date – agreed? – grade": the grade in brackets, or not given.
        let header = row(1, &["Moderation (date – agreed? – moderator's grade)"]);
        let body = [row(2, &["02/10/2026 – agreed"]), row(3, &["28/10/2026 – not agreed (Requires Improvement)"]), row(4, &["05/10/2026 – agreed"])];
        let c = CombinedColumns::find(&header, &body, field).expect("combined");
        let r = c.apply(body[1].clone(), 1);
        let got: Vec<String> = r.cells[1..].iter().map(Cell::as_string).collect();
        assert_eq!(got, ["28/10/2026", "not agreed", "Requires Improvement"]);
        assert_eq!(c.apply(body[0].clone(), 1).cells[3].as_string(), "", "no grade given when agreed");
        // Without a cell in brackets, three parts named over two are no split.
        let plain = [row(2, &["02/10/2026 – agreed"]), row(3, &["28/10/2026 – not agreed"]), row(4, &["05/10/2026 – agreed"])];
        assert!(CombinedColumns::find(&header, &plain, field).is_none());
        // "Legal status (from – to)": the status, then its dates (a status's
        // own figures, "S20", are the status's).
        let header = row(1, &["Legal status (from – to)"]);
        let body = [
            row(2, &["Child Protection Plan (Neglect) 10/05/2026 – current"]),
            row(3, &["Looked After - S20 01/11/2025 – current"]),
            row(4, &["Looked After - Care Order (S31) 02/04/2024 – 25/09/2026"]),
        ];
        let c = CombinedColumns::find(&header, &body, field).expect("combined");
        let got: Vec<String> = c.apply(body[1].clone(), 1).cells[1..].iter().map(Cell::as_string).collect();
        assert_eq!(got, ["Looked After - S20", "01/11/2025", "current"]);
        // The name repeated on every row ("Moderated 20/10/2026: agree") gives no value.
        assert_eq!(without_name("Moderated 20/10/2026", "Moderation date"), "20/10/2026");
        assert_eq!(without_name("Moderate risk 20/10/2026", "Moderation date"), "Moderate risk 20/10/2026");
    }
}
