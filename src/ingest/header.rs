//! Finding the header row under title rows and blank rows.

use super::{Cell, SourceRow};

/// How many leading rows are searched for the header.
pub const SEARCH_ROWS: usize = 30;

/// The chosen header row and why.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderChoice {
    /// Index into the rows given (not the sheet row number).
    pub index: usize,
    /// How many of its cells were recognised as known column names.
    pub recognised: usize,
}

/// Picks the header row among the first [`SEARCH_ROWS`] rows: the row with the most
/// cells that `is_known` recognises (at least two); ties go to the earlier row.
/// Without such a row, the first row of short text cells that is as wide as the
/// widest row below it. `None` when nothing looks like a header.
pub fn find_header(rows: &[SourceRow], is_known: impl Fn(&str) -> bool) -> Option<HeaderChoice> {
    find_header_among_values(rows, is_known, |_| false)
}

/// [`find_header`], where a row at least half of whose text cells are values
/// (`is_value`: grade labels, "Requires Improvement" in every column) is data,
/// never the header, however many of its cells also read as column names.
pub fn find_header_among_values(rows: &[SourceRow], is_known: impl Fn(&str) -> bool, is_value: impl Fn(&str) -> bool) -> Option<HeaderChoice> {
    let window = &rows[..rows.len().min(SEARCH_ROWS)];
    let mut best: Option<HeaderChoice> = None;
    for (i, row) in window.iter().enumerate() {
        // Two or more cells that are whole dates ("10/07/2026", a date cell),
        // or one below a row already taken for names: a record, not column
        // names, however many of its texts read as names ("Evidence recorded
        // in Part A" in six columns under a CareFirst form's section names).
        // (Dates as column names, a grid by month, are found by the width
        // rule below.)
        let dates = row.cells.iter().filter(|c| is_whole_date(c)).count();
        if dates >= 2 || (dates == 1 && best.is_some()) {
            continue;
        }
        let recognised = row.cells.iter().filter(|c| matches!(c, Cell::Text(t) if is_known(t))).count();
        let texts = row.cells.iter().filter(|c| matches!(c, Cell::Text(_))).count();
        let values = row.cells.iter().filter(|c| matches!(c, Cell::Text(t) if is_value(t))).count();
        if recognised >= 2 && values * 2 < texts.max(1) && best.as_ref().is_none_or(|b| recognised > b.recognised) {
            best = Some(HeaderChoice { index: i, recognised });
        }
    }
    if best.is_some() {
        return best;
    }
    let width = |r: &SourceRow| r.cells.iter().filter(|c| !c.is_empty()).count();
    let widest = window.iter().map(width).max().unwrap_or(0);
    window
        .iter()
        .position(|r| widest >= 2 && width(r) == widest && r.cells.iter().all(|c| matches!(c, Cell::Empty) || matches!(c, Cell::Text(t) if t.len() < 200)))
        .map(|index| HeaderChoice { index, recognised: 0 })
}

/// A date cell, or a text that is a date in numbers and nothing else.
fn is_whole_date(c: &Cell) -> bool {
    match c {
        Cell::Date(_) => true,
        Cell::Text(t) => {
            let t = t.trim();
            t.len() <= 10 && t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'.')) && holds_whole_date(t)
        }
        _ => false,
    }
}

/// A survey tool's second header row ("Response", "Open-Ended Response",
/// "Date", one checkbox choice per column, "Other (please specify)": a
/// SurveyMonkey download) under its row of questions: the index of that
/// row among the first few: words only, two or more naming the kind of answer, not
/// a question, and the row above it holds the questions.
pub fn answer_type_row(rows: &[SourceRow]) -> Option<usize> {
    let kind_of_answer =
        |c: &Cell| matches!(c, Cell::Text(t) if matches!(answer_word(t).as_str(), "response" | "open ended response" | "open ended responses"));
    (1..rows.len().min(SEARCH_ROWS)).find(|&k| {
        let row = &rows[k];
        let kinds = row.cells.iter().filter(|c| kind_of_answer(c)).count();
        let questions = rows[k - 1].cells.iter().filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty())).count();
        // (Words only: a record has numbers and dates.)
        let words_only =
            row.cells.iter().all(|c| c.is_empty() || matches!(c, Cell::Text(t) if !holds_whole_date(t) && !t.trim().chars().all(|ch| ch.is_ascii_digit())));
        kinds >= 2 && words_only && questions >= 2 && rows[k - 1].cells.iter().all(|c| !kind_of_answer(c))
    })
}

/// A cell's words, lower case, letters and digits only.
fn answer_word(t: &str) -> String {
    t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The header a survey tool's two rows make ([`answer_type_row`]), and how
/// its rows are read under it: each column is its question; a question
/// answered in several columns (a checkbox question, one column per choice,
/// each holding its choice when ticked, and "Other (please specify)" the
/// text typed) is one column again, its answers joined with "; ", as a form
/// tool that keeps them in one cell writes them. A lone column's
/// sub-heading that is no kind of answer ("Date") is added to its question,
/// unless the question says it already.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyHeader {
    /// Each column's header and the source columns it is read from.
    pub columns: Vec<(Cell, std::ops::Range<usize>)>,
    /// How many matrix questions' columns were kept apart.
    pub grids: usize,
}

impl SurveyHeader {
    /// `body`: rows under the two header rows, to tell a checkbox question
    /// (each column holds its choice when ticked) from a matrix (each column
    /// a row of the grid, holding that row's answer: "Please grade each area
    /// of practice" over "Safety and risk", "Voice of the child"), whose
    /// columns stay apart, each headed "question: row".
    pub fn of(questions: &SourceRow, answers: &SourceRow, body: &[SourceRow]) -> SurveyHeader {
        let width = questions.cells.len().max(answers.cells.len());
        let text = |r: &SourceRow, i: usize| r.cells.get(i).map(Cell::as_string).unwrap_or_default().trim().to_string();
        let boilerplate = |t: &str| matches!(answer_word(t).as_str(), "" | "response" | "open ended response" | "open ended responses");
        // A span's answers are its choices' own words when ticked; a
        // matrix's are not (an "Other (please specify)" box is free text in
        // either, so not asked).
        // (A single choice with an "Other" box, "Response" then "Other
        // (please specify)", is one answer: no grid's rows.)
        let matrix = |span: std::ops::Range<usize>| {
            let rows: Vec<usize> = span.filter(|&j| !answer_word(&text(answers, j)).starts_with("other")).collect();
            if rows.len() < 2 || rows.iter().any(|&j| boilerplate(&text(answers, j))) {
                return false;
            }
            let (mut filled, mut own) = (0, 0);
            for j in rows {
                let choice = text(answers, j).to_lowercase();
                for r in body {
                    let v = text(r, j);
                    if !v.is_empty() {
                        filled += 1;
                        own += usize::from(v.to_lowercase() == choice);
                    }
                }
            }
            filled >= 2 && own == 0
        };
        let mut columns = Vec::with_capacity(width);
        let mut grids = 0;
        let mut i = 0;
        while i < width {
            let question = text(questions, i);
            // (A question's span: the columns after it with no question of
            // their own and a choice under them.)
            let mut end = i + 1;
            while !question.is_empty() && end < width && text(questions, end).is_empty() && !text(answers, end).is_empty() {
                end += 1;
            }
            if end - i > 1 && matrix(i..end) {
                let stem = question.trim_end_matches([':', ' ', '?']);
                columns.extend((i..end).map(|j| (Cell::Text(format!("{stem}: {}", text(answers, j))), j..j + 1)));
                grids += 1;
                i = end;
                continue;
            }
            let sub = text(answers, i);
            let header = if question.is_empty() {
                sub
            } else if end - i > 1 || boilerplate(&sub) || answer_word(&question).split(' ').any(|w| w == answer_word(&sub)) {
                question
            } else {
                format!("{}: {sub}", question.trim_end_matches([':', ' ']))
            };
            columns.push((if header.is_empty() { Cell::Empty } else { Cell::Text(header) }, i..end));
            i = end;
        }
        SurveyHeader { columns, grids }
    }

    /// The header row's cells.
    pub fn header(&self) -> Vec<Cell> {
        self.columns.iter().map(|(c, _)| c.clone()).collect()
    }

    /// A row's cells under this header (cells past the last column kept).
    pub fn row(&self, cells: &[Cell]) -> Vec<Cell> {
        let mut out: Vec<Cell> = self
            .columns
            .iter()
            .map(|(_, span)| {
                if span.len() == 1 {
                    return cells.get(span.start).cloned().unwrap_or(Cell::Empty);
                }
                let parts: Vec<String> = span
                    .clone()
                    .filter_map(|j| cells.get(j))
                    .filter(|c| !c.is_empty())
                    .map(|c| c.as_string().trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect();
                if parts.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(parts.join("; "))
                }
            })
            .collect();
        let width = self.columns.last().map_or(0, |(_, s)| s.end);
        out.extend(cells.iter().skip(width).cloned());
        out
    }
}

/// A two-row header: group titles (often merged cells, so only in the first
/// column of each group) above repeated sub-headings such as "Judgement" and
/// "Evidence". When the header row repeats a heading and the row above has group
/// titles, each column's header becomes "group sub-heading"; with
/// `repeated_only`, only the repeated sub-headings take their group's title
/// (under "Case details", "Date" and "Team" stand on their own).
pub fn combine_two_row_header(above: &SourceRow, header: &SourceRow, repeated_only: bool) -> Option<Vec<Cell>> {
    let texts: Vec<String> = header.cells.iter().map(|c| c.as_string().to_lowercase()).collect();
    let repeated = |t: &String| !t.is_empty() && texts.iter().filter(|x| *x == t).count() > 1;
    if !texts.iter().any(repeated) || above.is_blank() || report_line(above) {
        return None;
    }
    // A group spans as many columns as the groups before it (merged cells all
    // of one width); a sub-heading that is not repeated ("Moderated by") after
    // the last group stands on its own.
    let starts: Vec<usize> = above.cells.iter().enumerate().filter(|(_, c)| matches!(c, Cell::Text(_))).map(|(i, _)| i).collect();
    let mut gaps: Vec<usize> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_unstable();
    let span = gaps.get(gaps.len() / 2).copied();
    let mut group = String::new();
    let mut group_start = 0;
    // (A workbook's row ends at its last filled cell: labels merged down past
    // the header row's last sub-heading are in the row above only.)
    let width = header.cells.len().max(above.cells.len());
    let mut out = Vec::with_capacity(width);
    for (i, cell) in (0..width).map(|i| (i, header.cells.get(i).unwrap_or(&Cell::Empty))) {
        if let Some(Cell::Text(g)) = above.cells.get(i) {
            group = g.clone();
            group_start = i;
        }
        // Within a group's span (up to the next group; the last group as wide as
        // most) every sub-heading takes the group title ("Moderation" over "Date",
        // "Grade"); with one group only, only repeated sub-headings do.
        let next_start = starts.iter().copied().find(|&st| st > group_start);
        let belongs = match (next_start, span) {
            _ if repeated_only => texts.get(i).is_some_and(repeated),
            (Some(next), _) => i < next,
            (None, Some(s)) => i - group_start < s,
            (None, None) => texts.get(i).is_some_and(repeated),
        };
        out.push(match cell {
            Cell::Text(t) if !group.is_empty() && belongs => Cell::Text(under_title(&group, t)),
            // (A label merged down both rows, "Child's ID number" over
            // nothing, is the column's header.)
            Cell::Empty => merged_down(above, i).unwrap_or(Cell::Empty),
            other => other.clone(),
        });
    }
    // Group titles tell repeated sub-headings apart. A row above that leaves
    // every repeated one as alike as before (a report title over the first
    // column only: "Child ID" twice, both under it) is not their titles.
    let told_apart = texts.iter().enumerate().filter(|(_, t)| repeated(t)).any(|(i, t)| {
        let mine = out[i].as_string().to_lowercase();
        texts.iter().zip(&out).any(|(other, o)| other == t && o.as_string().to_lowercase() != mine)
    });
    told_apart.then_some(out)
}

/// Whether a row above a header is a report's line, not group titles: each
/// of its texts holds a whole date ("Date allocated from 01/07/2026 to
/// 31/10/2026" | "run 02/11/2026", "Exported 2026-11-02"), as a report's
/// parameters and run date do. (A row of titles with one that has dates,
/// "Cycle 1 (01/09/2026 - 31/10/2026)" beside "Spoken to", is still titles.)
///
/// Or a report's parameters or notes written as a key and its value
/// ("Parameters:" | "Step type = Learning Audit; Step started between …",
/// "Filters:", "Run by:", "Note:"), or a choice written "name = value":
/// one such line over the header is no group title (blind set 143's
/// wyvernholt: the parameters were read into every question's name).
fn report_line(above: &SourceRow) -> bool {
    let texts: Vec<&str> =
        above.cells.iter().filter_map(|c| if let Cell::Text(t) = c { Some(t.as_str()) } else { None }).filter(|t| !t.trim().is_empty()).collect();
    let key = texts.first().is_some_and(|t| {
        let t = t.trim();
        t.ends_with(':')
            && matches!(
                t.trim_end_matches(':').trim().to_lowercase().as_str(),
                "parameters"
                    | "parameter"
                    | "filters"
                    | "filter"
                    | "criteria"
                    | "selection"
                    | "prompts"
                    | "run by"
                    | "run date"
                    | "report run"
                    | "note"
                    | "notes"
            )
    });
    let assignment = texts.iter().any(|t| t.contains(" = "));
    !texts.is_empty() && (texts.iter().all(|t| holds_whole_date(t)) || key || assignment)
}

/// Whether text holds a date written in numbers with its year: "2/11/2026",
/// "02-11-26", "2026-11-02".
fn holds_whole_date(t: &str) -> bool {
    let b = t.as_bytes();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < b.len() {
        let n = digits_at(i);
        if n == 0 {
            i += 1;
            continue;
        }
        // Three runs of digits joined by one separator, the same twice.
        let mut j = i + n;
        let sep = b.get(j).copied();
        let mut runs = vec![n];
        while runs.len() < 3 && sep.is_some_and(|s| matches!(s, b'/' | b'-' | b'.')) && b.get(j) == sep.as_ref() {
            let m = digits_at(j + 1);
            if m == 0 {
                break;
            }
            runs.push(m);
            j += 1 + m;
        }
        let day_first = runs.len() == 3 && runs[0] <= 2 && runs[1] <= 2 && matches!(runs[2], 2 | 4);
        let iso = runs.len() == 3 && runs[0] == 4 && runs[1] <= 2 && runs[2] <= 2;
        if day_first || iso {
            return true;
        }
        i = j.max(i + 1);
    }
    false
}

/// The group title over each of a header's `width` columns, from the row above
/// it: a title spans up to the next title, the last as wide as most groups
/// are (merged cells all of one width), as [`combine_two_row_header`] reads
/// them; `None` where no title is over a column (a lone title's span is not
/// known).
pub fn group_titles(above: &SourceRow, width: usize) -> Vec<Option<String>> {
    let starts: Vec<usize> = above.cells.iter().enumerate().filter(|(_, c)| matches!(c, Cell::Text(t) if !t.trim().is_empty())).map(|(i, _)| i).collect();
    let mut gaps: Vec<usize> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_unstable();
    let span = gaps.get(gaps.len() / 2).copied();
    (0..width)
        .map(|i| {
            let start = *starts.iter().rev().find(|&&s| s <= i)?;
            let inside = match (starts.iter().find(|&&s| s > start), span) {
                (Some(&next), _) => i < next,
                (None, Some(s)) => i - start < s,
                (None, None) => false,
            };
            inside.then(|| above.cells[start].as_string().trim().to_string())
        })
        .collect()
}

/// A sub-heading under its group's title: "Moderation Date". A question's
/// number stays first ("Q12" under "Judgements" is "Q12 Judgements"), so that
/// questions numbered 1 to 12 are still read as numbered.
pub fn under_title(group: &str, sub: &str) -> String {
    let t = sub.trim();
    let digits = t.strip_prefix(['Q', 'q']).unwrap_or(t).trim_end_matches(['.', ')', ':']);
    let numbered =
        !digits.is_empty() && digits.len() <= 4 && digits.starts_with(|c: char| c.is_ascii_digit()) && digits.chars().all(|c| c.is_ascii_alphanumeric());
    if numbered {
        format!("{t} {group}")
    } else {
        format!("{group} {t}")
    }
}

/// Group titles above a header row that repeats no sub-heading ("Moderation"
/// over "Date", "Grade", "Agreed"): each column from a title on takes it, up to
/// the next title. `None` when the row above has no title past the first
/// column (a sheet title is not a group).
pub fn titled_without_repeats(above: &SourceRow, header: &SourceRow) -> Option<Vec<Cell>> {
    if report_line(above) {
        return None;
    }
    // (A text over the table's first column only, where the header starts, is
    // the table's title, not a group's: a table set at B2 has its title in B.)
    let first = header.cells.iter().position(|c| !c.is_empty()).unwrap_or(0);
    let titled = |i: usize| matches!(above.cells.get(i), Some(Cell::Text(t)) if !t.trim().is_empty());
    // (A workbook's row ends at its last filled cell: the header row's may
    // end before the titles' row, whose last labels are merged down.)
    let width = header.cells.len().max(above.cells.len());
    // (Labels merged down before it, "Child ID" over nothing, make a title
    // over the first sub-heading a group's: "Audit" over "Sent", "Returned"
    // as the rightmost block; review 246's c08, c27.)
    if !(0..width).any(|i| i != first && titled(i)) {
        return None;
    }
    let mut group = String::new();
    let out = (0..width)
        .map(|i| (i, header.cells.get(i).unwrap_or(&Cell::Empty)))
        .map(|(i, cell)| {
            if titled(i) {
                group = above.cells[i].as_string().trim().to_string();
            }
            match cell {
                Cell::Text(t) if !group.is_empty() => Cell::Text(under_title(&group, t)),
                Cell::Empty => merged_down(above, i).unwrap_or(Cell::Empty),
                other => other.clone(),
            }
        })
        .collect();
    Some(out)
}

/// A header row with the labels merged down into it from the row above
/// ([`merged_down`]), where the row above holds group titles (two or more
/// texts, not a report line) and some label stands over an empty header
/// cell; else none.
pub fn with_labels_merged_down(above: &SourceRow, header: &SourceRow) -> Option<Vec<Cell>> {
    let texts = above.cells.iter().filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty())).count();
    if texts < 2 || report_line(above) {
        return None;
    }
    let width = header.cells.len().max(above.cells.len());
    let out: Vec<Cell> = (0..width)
        .map(|i| match header.cells.get(i) {
            None | Some(Cell::Empty) => merged_down(above, i).unwrap_or(Cell::Empty),
            Some(c) => c.clone(),
        })
        .collect();
    (out.iter().filter(|c| !c.is_empty()).count() > header.cells.iter().filter(|c| !c.is_empty()).count()).then_some(out)
}

/// Whether the row under a header names the columns under its merged group
/// titles, Excel's usual two-row header with the labels in the upper row
/// ("Child ID", "Team" merged down both rows; "Audit" merged across over
/// "Sent", "Returned"): every text of it stands under an empty header cell
/// (a title's spread) or under a title whose next cell is empty, at least one
/// under an empty one, none under a label that stands alone (merged down:
/// nothing under it), and none is a date or a number.
pub fn sub_headings_below(header: &SourceRow, next: &SourceRow) -> bool {
    let filled = |r: &SourceRow, i: usize| r.cells.get(i).is_some_and(|c| !c.is_empty());
    let subs: Vec<usize> = (0..next.cells.len()).filter(|&i| filled(next, i)).collect();
    let labels = (0..header.cells.len()).filter(|&i| filled(header, i)).count();
    // (Two at least: one text alone under the header is a report's heading,
    // "Team: Family Safeguarding North", not a row of sub-headings.)
    if subs.len() < 2 || labels < 2 || report_line(header) {
        return false;
    }
    let words_only = subs.iter().all(|&i| match &next.cells[i] {
        Cell::Text(t) => {
            let t = t.trim();
            let keyed = t.split_once(':').is_some_and(|(_, v)| !v.trim().is_empty());
            !t.is_empty() && t.chars().count() <= 40 && !holds_whole_date(t) && t.chars().any(char::is_alphabetic) && !keyed
        }
        _ => false,
    });
    let spread = |i: usize| !filled(header, i);
    let title_start = |i: usize| filled(header, i) && !filled(header, i + 1) && i + 1 < header.cells.len().max(next.cells.len());
    words_only && subs.iter().any(|&i| spread(i)) && subs.iter().all(|&i| spread(i) || title_start(i))
}

/// The label above an empty header cell: a label merged down both header
/// rows (its text in the upper row, nothing under it) heads its column.
fn merged_down(above: &SourceRow, i: usize) -> Option<Cell> {
    match above.cells.get(i) {
        Some(Cell::Text(t)) if !t.trim().is_empty() => Some(Cell::Text(t.trim().to_string())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow::texts(n, cells)
    }

    #[test]
    fn sub_headings_under_merged_titles_below_the_header_row() {
        // Review 245's c10: "Audit" merged over "Sent", "Returned", the other
        // labels merged down both rows.
        let header = row(1, &["Child ID", "Team", "Audit", "", "Overall judgement"]);
        assert!(sub_headings_below(&header, &row(2, &["", "", "Sent", "Returned", ""])));
        // A data row, a row of dates under the title, a lone title's note: no.
        assert!(!sub_headings_below(&header, &row(2, &["301001", "North", "Sent", "Returned", "Good"])));
        assert!(!sub_headings_below(&header, &row(2, &["", "", "01/09/2026", "25/09/2026", ""])));
        assert!(!sub_headings_below(&header, &row(2, &["", "", "", "", "see notes"])));
        // A report's group heading under the header.
        let report = row(1, &["", "Child ID", "Audit", "", "Grade"]);
        assert!(!sub_headings_below(&report, &row(2, &["Team: Family Safeguarding North", "", "", "", ""])));
        let plain = row(1, &["Child ID", "Team", "Date allocated", "Date completed"]);
        assert!(!sub_headings_below(&plain, &row(2, &["", "North", "", ""])));
    }

    #[test]
    fn a_reports_parameters_over_its_header_are_no_group_titles() {
        // (Blind set 143's wyvernholt: the parameters were read into every
        // question's name.)
        let header = row(4, &["Workflow step ID", "Step type", "Question no", "Question", "Answer"]);
        let params = row(3, &["Parameters:", "Step type = Learning Audit (Full Case File); Include cancelled steps = Yes"]);
        assert!(report_line(&params));
        assert!(titled_without_repeats(&params, &header).is_none());
        assert!(report_line(&row(3, &["Filters:", "All teams"])));
        for titles in [&["", "Allocation:", "", "Completion:"][..], &["Child", "Moderation", "", "Spoken to as part of the audit:"][..]] {
            assert!(!report_line(&row(3, titles)), "{titles:?}");
        }
    }

    /// A SurveyMonkey download's second header row names the kind of each
    /// answer or its checkbox choice: read with the questions as one
    /// header, each checkbox question one column of its ticked choices.
    #[test]
    fn a_survey_tools_second_header_row_is_read_with_its_questions() {
        let rows = vec![
            row(1, &["Respondent ID", "Client No", "PART A, AUDITOR COMPLETES", "Key information", "", "", "Date of audit", "Unit"]),
            row(2, &["", "Open-Ended Response", "Date", "Surname", "Address", "Other (please specify)", "Date", "Response"]),
            row(3, &["1148", "400374", "29/07/2026", "Surname", "", "GP name", "29/07/2026", "Unit 3"]),
        ];
        assert_eq!(answer_type_row(&rows), Some(1));
        let survey = SurveyHeader::of(&rows[0], &rows[1], &rows[2..]);
        let header: Vec<String> = survey.header().iter().map(Cell::as_string).collect();
        assert_eq!(header, ["Respondent ID", "Client No", "PART A, AUDITOR COMPLETES: Date", "Key information", "Date of audit", "Unit"]);
        let cells: Vec<String> = survey.row(&rows[2].cells).iter().map(Cell::as_string).collect();
        assert_eq!(cells, ["1148", "400374", "29/07/2026", "Surname; GP name", "29/07/2026", "Unit 3"]);
        // No choice ticked: an empty cell.
        assert_eq!(survey.row(&row(4, &["1", "2", "", "", "", "", "", ""]).cells)[3], Cell::Empty);
        // One header row with a "Response" column among its names, or a
        // data row of answers, is no survey's second row.
        assert_eq!(answer_type_row(&[row(1, &["Child ID", "Response", "Date"]), row(2, &["1", "Yes", "01/09/2026"])]), None);
        assert_eq!(answer_type_row(&[row(1, &["Question", "Response"]), row(2, &["Q1", "Response"]), row(3, &["Q2", "Response"])]), None);
    }

    /// A matrix question's columns (one per row of its grid, each holding a
    /// grade, not the column's own words) stay apart, each headed with its
    /// row; a checkbox question's beside it are still joined.
    #[test]
    fn a_survey_matrix_questions_rows_stay_apart() {
        let rows = [
            row(1, &["Child ID", "Please grade each area of practice", "", "", "Who did you speak to?", ""]),
            row(2, &["Open-Ended Response", "Safety and risk", "Voice of the child", "Management oversight", "Child", "Parent / carer"]),
            row(3, &["C1", "Good", "Requires Improvement", "Good", "Child", ""]),
            row(4, &["C2", "Inadequate", "Good", "Outstanding", "Child", "Parent / carer"]),
        ];
        let survey = SurveyHeader::of(&rows[0], &rows[1], &rows[2..]);
        assert_eq!(survey.grids, 1);
        let header: Vec<String> = survey.header().iter().map(Cell::as_string).collect();
        assert_eq!(
            header,
            [
                "Child ID",
                "Please grade each area of practice: Safety and risk",
                "Please grade each area of practice: Voice of the child",
                "Please grade each area of practice: Management oversight",
                "Who did you speak to?"
            ]
        );
        let cells: Vec<String> = survey.row(&rows[3].cells).iter().map(Cell::as_string).collect();
        assert_eq!(cells, ["C2", "Inadequate", "Good", "Outstanding", "Child; Parent / carer"]);
        // One choice with an "Other" box is one answer.
        let rows = [
            row(1, &["Child ID", "Name of Team", ""]),
            row(2, &["Open-Ended Response", "Response", "Other (please specify)"]),
            row(3, &["C1", "Care Leavers", ""]),
            row(4, &["C2", "", "Edge of care"]),
            row(5, &["C3", "MASH", ""]),
        ];
        let survey = SurveyHeader::of(&rows[0], &rows[1], &rows[2..]);
        assert_eq!((survey.grids, survey.header().len()), (0, 2));
    }

    /// A label merged down both header rows heads its column; group titles
    /// over sub-headings are left to the readings that weigh them.
    #[test]
    fn labels_merged_down_both_rows_head_their_columns() {
        let above = row(1, &["Child's ID number", "Audit date", "1. Risk", "", "Spoke to", ""]);
        let header = row(2, &["", "", "Judgement", "Evidence", "Child", "Parents"]);
        let got: Vec<String> = with_labels_merged_down(&above, &header).unwrap().iter().map(|c| c.as_string()).collect();
        assert_eq!(got, ["Child's ID number", "Audit date", "Judgement", "Evidence", "Child", "Parents"]);
        // Nothing to fill, or a lone report title above: no change.
        assert!(with_labels_merged_down(&row(1, &["Group", "", "Other"]), &row(2, &["A", "B", "C"])).is_none());
        assert!(with_labels_merged_down(&row(1, &["Audit tracker 2026-27"]), &row(2, &["", "Child ID"])).is_none());
    }

    /// A table set at B2 (column A empty): the title over its first column is
    /// the table's, as it is over column A; a group heading further right is
    /// still a group's.
    #[test]
    fn a_title_over_the_first_column_of_a_table_set_at_b2_is_no_group() {
        let above = row(1, &["", "CareFirst Observations - Safeguarding Team", "", ""]);
        let header = row(2, &["", "Client ID", "Contact time", "Details"]);
        assert!(titled_without_repeats(&above, &header).is_none());
        let above = row(1, &["", "Audit", "", "Moderation"]);
        let header = row(2, &["", "Client ID", "Date", "Date"]);
        let got: Vec<String> = titled_without_repeats(&above, &header).unwrap().iter().map(Cell::as_string).collect();
        assert_eq!(got[3], under_title("Moderation", "Date"));
    }

    /// A report's line of parameters above its header ("Date allocated from
    /// 01/07/2026 to 31/10/2026; run 02/11/2026", split at its semicolon) is
    /// not group titles; a group title with a month in words still is.
    #[test]
    fn a_report_line_with_dates_is_no_group_title() {
        let above = row(1, &["Date allocated from 01/07/2026 to 31/10/2026", " run 02/11/2026", "", ""]);
        let header = row(2, &["Form ID", "Person ID", "Input from allocated SW/PA", "Input from Team Manager / IRO"]);
        assert!(titled_without_repeats(&above, &header).is_none());
        let repeats = row(2, &["Child ID", "Grade", "Grade", "Comments"]);
        assert!(combine_two_row_header(&row(1, &["", "Run 02/11/2026", "Exported 2026-11-02", ""]), &repeats, false).is_none());
        assert!(combine_two_row_header(&row(1, &["", "Audit", "Moderation", ""]), &repeats, false).is_some());
        assert!(titled_without_repeats(&row(1, &["", "Moderation (Oct 2026)", "", ""]), &header).is_some());
        // Titles beside one that has dates are still titles.
        assert!(titled_without_repeats(&row(1, &["", "Cycle 1 (01/09/2026 - 31/10/2026)", "", "Spoken to"]), &header).is_some());
        for (t, want) in
            [("run 02/11/2026", true), ("2026-11-02", true), ("2-11-26", true), ("Q1 2026", false), ("Section 1.2", false), ("Audit 12/13", false), ("", false)]
        {
            assert_eq!(holds_whole_date(t), want, "{t}");
        }
    }

    #[test]
    fn header_under_title_and_blank_rows() {
        let rows = vec![
            row(1, &["Case file audits 2026", "", ""]),
            row(2, &["Exported 01/11/2026", "", ""]),
            row(3, &["", "", ""]),
            row(4, &["Child ID", "Team", "Overall grade"]),
            row(5, &["C1", "North", "Good"]),
        ];
        let known = |s: &str| ["child id", "team", "overall grade"].contains(&s.to_lowercase().as_str());
        assert_eq!(find_header(&rows, known), Some(HeaderChoice { index: 3, recognised: 3 }));
    }

    /// Blind set 123: a CareFirst audit export's first record repeats
    /// "Evidence recorded in Part A" under six section names, so more of its
    /// texts read as names than the header's; its dates make it a record.
    #[test]
    fn a_record_with_dates_is_never_the_header() {
        let rows = vec![
            row(1, &["Client ID", "Team", "Part A completed", "Key information", "Assessment", "Recording", "Part B completed"]),
            row(2, &["BM8", "Pod 3", "10/07/2026", "Evidence", "Evidence", "Evidence", "14/07/2026"]),
            row(3, &["BM7", "Pod 1", "18/08/2026", "Evidence", "Evidence", "Evidence", "20/08/2026"]),
        ];
        let known = |t: &str| matches!(t, "Client ID" | "Team" | "Part A completed" | "Evidence");
        assert_eq!(find_header(&rows, known).map(|h| h.index), Some(0));
        // A record with one date (its Part B not done) below the names is no header either.
        let one_date = vec![rows[0].clone(), row(2, &["BM6", "Pod 3", "28/10/2026", "Evidence", "Evidence", "Evidence", ""])];
        assert_eq!(find_header(&one_date, known).map(|h| h.index), Some(0));
        // Without dates, the same row would have been taken (the test can fail).
        let no_date = vec![rows[0].clone(), row(2, &["BM6", "Pod 3", "", "Evidence", "Evidence", "Evidence", "Evidence"])];
        assert_eq!(find_header(&no_date, known).map(|h| h.index), Some(1));
        // A grid whose columns are months is still found by its width.
        let by_month = vec![row(1, &["Team", "01/09/2026", "01/10/2026"]), row(2, &["Pod 1", "3", "4"])];
        assert_eq!(find_header(&by_month, |t| t == "Team").map(|h| h.index), Some(0));
    }

    #[test]
    fn falls_back_to_first_full_text_row() {
        let rows = vec![row(1, &["Report", "", ""]), row(2, &["A", "B", "C"]), row(3, &["1", "2", "3"])];
        assert_eq!(find_header(&rows, |_| false).map(|h| h.index), Some(1));
        // A row of grades is data, even where the grades read as column names.
        let graded = vec![
            row(1, &["Child ID", "Completed Date", "Plan", "Permanence", "Reviews"]),
            row(2, &["C1", "01/09/2026", "Good", "Good", "Good"]),
            row(3, &["C2", "02/09/2026", "Requires Improvement", "Requires Improvement", "Requires Improvement"]),
        ];
        let known = |t: &str| matches!(t, "Child ID" | "Completed Date" | "Requires Improvement");
        // (Its date says so already: a record with a date is no header below names.)
        assert_eq!(find_header(&graded, known).map(|h| h.index), Some(0));
        let undated: Vec<SourceRow> =
            graded.iter().map(|r| SourceRow { cells: r.cells.iter().filter(|c| !is_whole_date(c)).cloned().collect(), ..r.clone() }).collect();
        assert_eq!(find_header(&undated, known).map(|h| h.index), Some(2), "without values or dates, the grade row wins");
        assert_eq!(find_header_among_values(&undated, known, |t| matches!(t, "Good" | "Requires Improvement")).map(|h| h.index), Some(0));
    }

    #[test]
    fn two_row_headers_combine() {
        let above = row(3, &["", "", "Q1 Risk", "", "Q2 Voice", ""]);
        let header = row(4, &["Child ID", "Team", "Judgement", "Evidence", "Judgement", "Evidence"]);
        let got: Vec<String> = combine_two_row_header(&above, &header, false).unwrap().iter().map(Cell::as_string).collect();
        assert_eq!(got, ["Child ID", "Team", "Q1 Risk Judgement", "Q1 Risk Evidence", "Q2 Voice Judgement", "Q2 Voice Evidence"]);
        assert!(combine_two_row_header(&row(1, &["Title"]), &row(2, &["Child ID", "Team"]), false).is_none(), "no repeats: one header row");
        // A report title over the first column tells no repeated heading apart.
        let titled = row(1, &["Audit programme 2026-27", "", "", ""]);
        let copied = row(2, &["Child ID", "Date sent", "Audit date", "Child ID"]);
        assert!(combine_two_row_header(&titled, &copied, false).is_none(), "a title over every repeat is no group title");
        assert!(combine_two_row_header(&titled, &copied, true).is_none());
    }

    #[test]
    fn group_titles_span_to_the_next_and_the_last_as_wide_as_most() {
        let above = row(1, &["Case details", "", "Audit", "", "Previous audit", "", ""]);
        let got = group_titles(&above, 7);
        let want = ["Case details", "Case details", "Audit", "Audit", "Previous audit", "Previous audit"].map(|t| Some(t.to_string()));
        assert_eq!(got[..6], want);
        assert_eq!(got[6], None, "past the last group's width");
        assert_eq!(group_titles(&row(1, &["Audits 2026", "", ""]), 3), [None, None, None], "a lone title's span is not known");
    }

    #[test]
    fn a_numbered_sub_heading_keeps_its_number_first() {
        let above = row(1, &["Audit", "", "Judgements", "", "Moderation", ""]);
        let header = row(2, &["Child ID", "Audit date", "Q1", "Q12", "Date", "Q12"]);
        let got: Vec<String> = combine_two_row_header(&above, &header, false).unwrap().iter().map(Cell::as_string).collect();
        assert_eq!(got, ["Audit Child ID", "Audit Audit date", "Q1 Judgements", "Q12 Judgements", "Moderation Date", "Q12 Moderation"]);
    }

    #[test]
    fn groups_span_to_the_next_group_and_stop_after_the_last() {
        let above = row(3, &["", "Q1 Risk", "", "Q2 Voice", "", "Moderation", "", "", ""]);
        let header = row(4, &["Child ID", "Judgement", "Evidence", "Judgement", "Evidence", "Date", "Grade", "Agree?", "Notes"]);
        let got: Vec<String> = combine_two_row_header(&above, &header, false).unwrap().iter().map(Cell::as_string).collect();
        assert_eq!(
            got,
            [
                "Child ID",
                "Q1 Risk Judgement",
                "Q1 Risk Evidence",
                "Q2 Voice Judgement",
                "Q2 Voice Evidence",
                "Moderation Date",
                "Moderation Grade",
                "Agree?",
                "Notes"
            ],
            "the last group is as wide as the others"
        );
    }

    #[test]
    fn nothing_for_a_single_column() {
        let rows = vec![row(1, &["only"]), row(2, &["one"])];
        assert_eq!(find_header(&rows, |_| false), None);
    }
}
