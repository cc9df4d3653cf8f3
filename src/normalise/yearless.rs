//! Dates written without their year ("14/09", "3rd Oct", "Tues 6 Oct",
//! "4-Sep"), in a table whose year is written once, elsewhere: in a title
//! line above its header ("Date range: 01/11/2025 to 31/10/2026", "Full
//! audits - September 2026 sample"), in its sheet's name ("Sept 26",
//! "Actions 2025", "Sep" in a workbook named for its year) or in its file's
//! or folder's name ("Learning Audit Tracker 2026-27.xlsx", "Observations
//! 01-07-2026 to 31-10-2026.csv").
//!
//! Each such date is given the one year that puts it inside the span that
//! place names, or nearest to it (a deadline in November on September's
//! sheet); a weekday written with it must agree. A financial year ("2025-26")
//! runs from April to March. A date that fits two years (a span of more than
//! a year), or whose weekday agrees with none, is left unread. Where no year
//! is written anywhere, the dates are not guessed: said, and left unread, so
//! the figures they would make are "not in the exports", never 0.

use crate::ingest::{Cell, SourceRow};
use chrono::{Datelike, NaiveDate, Weekday};

/// A day and month written without a year, with the weekday written beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayMonth {
    pub day: u32,
    pub month: u32,
    pub weekday: Option<Weekday>,
}

/// A month's name or a short form of it: letters only ("Sep", "Sept", "September").
fn month_word(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    w.bytes().all(|b| b.is_ascii_alphabetic()).then(|| super::table::month_number(w)).flatten()
}

/// A day of the month, with or without its ordinal ("3", "03", "3rd", "14th").
fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !(1..=2).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A day and month without a year: "14/09" (day first; month first when
/// `month_first`), "14 Sept", "3rd of Oct", "4-Sep", "Oct 3rd", "Tues 6 Oct",
/// "Mon, 14 Sep". Nothing else: a full date, a month alone, words around it.
pub fn day_month(text: &str, month_first: bool) -> Option<DayMonth> {
    let t = text.trim().trim_end_matches('.');
    // (Ruled out cheaply, before any copy: most cells are no such thing.)
    if t.len() < 3
        || t.len() > 24
        || !t.as_bytes()[0].is_ascii_alphanumeric()
        || !t.bytes().any(|b| b.is_ascii_digit())
        || !t.bytes().any(|b| matches!(b, b'/' | b' ' | b'-'))
    {
        return None;
    }
    let t = t.to_ascii_lowercase();
    if let Some((a, b)) = t.split_once('/') {
        let number = |s: &str| (1..=2).contains(&s.len()).then(|| s.parse::<u32>().ok()).flatten();
        let (a, b) = (number(a)?, number(b)?);
        let (day, month) = if month_first { (b, a) } else { (a, b) };
        return ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(DayMonth { day, month, weekday: None });
    }
    let mut words: Vec<&str> = t.split([' ', ',', '-']).filter(|w| !w.is_empty() && *w != "of").collect();
    let weekday = match words.first().and_then(|w| crate::ingest::cell::weekday(w)) {
        Some(d) if words.len() == 3 => {
            words.remove(0);
            Some(d)
        }
        _ => None,
    };
    // (A month then a bare number is a month and its year, as Excel's
    // "mmm-yy" writes it: "Sep-26", "Sept 26". Only with an ordinal or a
    // weekday is it a day: "Oct 3rd", "Tue Oct 6".)
    let ordinal = |w: &str| w.ends_with(|c: char| c.is_ascii_alphabetic());
    let (day, month) = match words[..] {
        [a, b] => match (day_number(a), month_word(a), day_number(b), month_word(b)) {
            (Some(d), _, _, Some(m)) => (d, m),
            (_, Some(m), Some(d), _) if ordinal(b) || weekday.is_some() => (d, m),
            _ => return None,
        },
        _ => return None,
    };
    // (The 31st of a month of 30 days is no date in any year.)
    NaiveDate::from_ymd_opt(2024, month, day).map(|_| DayMonth { day, month, weekday })
}

/// The span a table's year-less dates fall in, and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// What was read, and where: "the title line 'Date range: 01/11/2025 to 31/10/2026'".
    pub said: String,
    /// The span is the year up to the day the report was made (`to`): its
    /// due dates may be after it.
    pub made: bool,
}

/// What one place (a title, a sheet's name, a file's name) says of the year.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Says {
    /// Two dates: from one to the other.
    Range(NaiveDate, NaiveDate),
    /// The day the report was made.
    Made(NaiveDate),
    /// A month of a year ("Sept 26", "September 2026", "2026-09").
    Month(i32, u32),
    /// A financial year ("2025-26", "2025/2026"): April to March.
    FinancialYear(i32),
    /// A year alone ("2026").
    Year(i32),
    /// A month's name alone ("Sep"): its year is said elsewhere.
    MonthAlone(u32),
}

fn year_of(w: &str, two_digits: bool) -> Option<i32> {
    let y: i32 = w.parse().ok()?;
    match w.len() {
        4 if (2000..=2099).contains(&y) => Some(y),
        2 if two_digits => Some(2000 + y),
        _ => None,
    }
}

/// What a piece of text says of the year. Two dates make a range; then a
/// month with its year; then a financial year; then a year alone; then (in a
/// short name only, `short`) a month alone.
fn says(text: &str, short: bool) -> Option<Says> {
    let words: Vec<&str> =
        text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '[' | ']' | '_' | ':' | ';')).filter(|w| !w.is_empty()).collect();
    let full_date = |w: &str| w.bytes().filter(u8::is_ascii_digit).count() >= 6 && crate::ingest::cell::parse_date(w).is_some();
    let dates: Vec<NaiveDate> = words.iter().filter(|w| full_date(w)).filter_map(|w| crate::ingest::cell::parse_date(w)).collect();
    if let [a, b, ..] = dates[..] {
        let (from, to) = (a.min(b), a.max(b));
        if (to - from).num_days() <= 3 * 366 {
            return Some(Says::Range(from, to));
        }
    }
    // One date, said to be when the report was made ("Report date:
    // 08/01/2027", "Run on", "Data as at"): the year up to it.
    let made = ["report", "run", "printed", "generated", "produced", "extracted", "exported", "as at", "as of", "created"];
    let folded = super::fold::fold(text);
    if let [d] = dates[..] {
        if made.iter().any(|w| super::fold::contains_phrase(&folded, w)) {
            return Some(Says::Made(d));
        }
    }
    // (A word that is a whole date is not read for its year below.)
    let words: Vec<&str> = words.into_iter().filter(|w| !full_date(w)).collect();
    // "Sept 26", "September 2026", "Sep-26"; two of them ("April 2025 -
    // March 2026") are a range of months.
    let mut months = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        if let (Some(m), Some(y)) = (month_word(w), year_of(next, true)) {
            months.push((y, m));
        } else if let (Some((a, b)), Some(y)) = (w.split_once(['-', '/']), year_of(next, true)) {
            // A bi-monthly cycle, "Sep-Oct 26", "Dec/Jan 27": the year is the second month's.
            if let (Some(m1), Some(m2)) = (month_word(a), month_word(b)) {
                months.push((if m1 > m2 { y - 1 } else { y }, m1));
                months.push((y, m2));
            }
        } else if let Some((a, b)) = w.split_once('-') {
            if let (Some(m), Some(y)) = (month_word(a), year_of(b, true)) {
                months.push((y, m));
            }
        }
    }
    match (months.iter().min(), months.iter().max()) {
        (Some(&a), Some(&b)) if a != b => return Some(Says::Range(first_of(a.0, a.1), last_of(b.0, b.1))),
        (Some(&(y, m)), _) => return Some(Says::Month(y, m)),
        _ => {}
    }
    for w in &words {
        if let Some((a, b)) = w.split_once(['-', '/', '\u{2013}']) {
            if let Some(y) = year_of(a, false) {
                let second = b.parse::<i32>().ok();
                if (b.len() == 2 && second == Some((y + 1) % 100)) || (b.len() == 4 && second == Some(y + 1)) {
                    return Some(Says::FinancialYear(y));
                }
                if b.len() == 2 && second.is_some_and(|m| (1..=12).contains(&m)) {
                    return Some(Says::Month(y, second.unwrap_or(1) as u32));
                }
            }
        }
    }
    if let Some(y) = words.iter().find_map(|w| year_of(w, false)) {
        return Some(Says::Year(y));
    }
    if short {
        let months: Vec<u32> = words.iter().filter_map(|w| month_word(w)).collect();
        if let [m] = months[..] {
            return Some(Says::MonthAlone(m));
        }
    }
    None
}

fn first_of(y: i32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default()
}

fn last_of(y: i32, m: u32) -> NaiveDate {
    crate::calendar::month_end(first_of(y, m))
}

/// The span a table's year-less dates fall in: from the places that say a
/// year (its title lines, its sheet's name, its file's name, the folders
/// above it), the narrowest. A month named alone (a sheet "Sep") takes its
/// year from another place.
pub fn span(titles: &[String], sheet: Option<&str>, file: &str) -> Option<Span> {
    let path = std::path::Path::new(file);
    let mut places: Vec<(String, String, bool)> = titles.iter().map(|t| (t.clone(), format!("the title line '{}'", t.trim()), false)).collect();
    if let Some(s) = sheet {
        places.push((s.to_string(), format!("the sheet's name '{s}'"), true));
    }
    if let Some(stem) = path.file_stem() {
        let stem = stem.to_string_lossy();
        places.push((stem.to_string(), format!("the file's name '{}'", path.file_name().unwrap_or_default().to_string_lossy()), false));
    }
    for dir in path.parent().into_iter().flat_map(|p| p.components()) {
        let d = dir.as_os_str().to_string_lossy();
        places.push((d.to_string(), format!("the folder's name '{d}'"), false));
    }
    let said: Vec<(Says, &String)> = places.iter().filter_map(|(text, where_, short)| Some((says(text, *short)?, where_))).collect();
    let alone = said.iter().find_map(|(s, w)| if let Says::MonthAlone(m) = s { Some((*m, *w)) } else { None });
    let mut spans: Vec<Span> = Vec::new();
    for (s, where_) in &said {
        let (from, to) = match *s {
            Says::Range(a, b) => (a, b),
            Says::Made(d) => {
                (NaiveDate::from_ymd_opt(d.year() - 1, d.month(), d.day()).unwrap_or(d - chrono::Duration::days(365)) + chrono::Duration::days(1), d)
            }
            Says::Month(y, m) => (first_of(y, m), last_of(y, m)),
            Says::FinancialYear(y) => (first_of(y, 4), last_of(y + 1, 3)),
            Says::Year(y) => (first_of(y, 1), last_of(y, 12)),
            Says::MonthAlone(_) => continue,
        };
        spans.push(Span { from, to, said: (*where_).clone(), made: matches!(s, Says::Made(_)) });
        // A month named alone elsewhere, within this span once: that month.
        if let Some((m, month_where)) = alone {
            let years: Vec<i32> = (from.year()..=to.year()).filter(|&y| first_of(y, m) <= to && last_of(y, m) >= from).collect();
            if let [y] = years[..] {
                spans.push(Span { from: first_of(y, m), to: last_of(y, m), said: format!("{month_where} and {where_}"), made: false });
            }
        }
    }
    spans.into_iter().min_by_key(|s| (s.to - s.from).num_days())
}

/// Why a year-less date could not be given a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unplaced {
    /// It falls in the span in two years (a span of more than a year).
    TwoYears,
    /// Its weekday agrees with none of the years it could be in.
    Weekday,
}

/// The date `dm` is in, given the span: the year that puts it inside the span
/// (or, for none, nearest to it), whose weekday agrees when one is written.
pub fn place(dm: DayMonth, span: &Span) -> Result<NaiveDate, Unplaced> {
    let candidates: Vec<NaiveDate> = (span.from.year() - 1..=span.to.year() + 1).filter_map(|y| NaiveDate::from_ymd_opt(y, dm.month, dm.day)).collect();
    let distance = |d: &NaiveDate| {
        if *d < span.from {
            (span.from - *d).num_days()
        } else if *d > span.to {
            (*d - span.to).num_days()
        } else {
            0
        }
    };
    let agrees = |d: &NaiveDate| dm.weekday.is_none_or(|w| d.weekday() == w);
    let inside: Vec<NaiveDate> = candidates.iter().copied().filter(|d| distance(d) == 0).collect();
    if inside.len() > 1 {
        // (A weekday written with it may still tell the years apart.)
        let agreeing: Vec<NaiveDate> = inside.iter().copied().filter(agrees).collect();
        return match agreeing[..] {
            [d] if dm.weekday.is_some() => Ok(d),
            [] => Err(Unplaced::Weekday),
            _ => Err(Unplaced::TwoYears),
        };
    }
    let nearest = candidates.iter().copied().min_by_key(distance).ok_or(Unplaced::TwoYears)?;
    if candidates.iter().filter(|d| distance(d) == distance(&nearest)).count() > 1 {
        return Err(Unplaced::TwoYears);
    }
    if agrees(&nearest) {
        Ok(nearest)
    } else {
        Err(Unplaced::Weekday)
    }
}

/// The date `dm` is in, given another date of its row (`near`): the year
/// that puts it nearest to that one (a target date "4-Nov" of an audit on
/// 21/10/2026 is 04/11/2026, whatever span the report's title names), whose
/// weekday agrees when one is written.
pub fn place_near(dm: DayMonth, near: NaiveDate) -> Result<NaiveDate, Unplaced> {
    let candidates: Vec<NaiveDate> = (near.year() - 1..=near.year() + 1).filter_map(|y| NaiveDate::from_ymd_opt(y, dm.month, dm.day)).collect();
    let distance = |d: &NaiveDate| (*d - near).num_days().abs();
    let nearest = candidates.iter().copied().min_by_key(distance).ok_or(Unplaced::TwoYears)?;
    if candidates.iter().filter(|d| distance(d) == distance(&nearest)).count() > 1 {
        return Err(Unplaced::TwoYears);
    }
    match dm.weekday {
        Some(w) if nearest.weekday() != w => Err(Unplaced::Weekday),
        _ => Ok(nearest),
    }
}

/// The date `dm` is in, with no other date in its row: by the span; or, for a
/// due date in a report whose span is the year up to the day it was made,
/// the year nearest to that day (what is due may be due after it).
fn alone(dm: DayMonth, span: &Span, due: bool) -> Result<NaiveDate, Unplaced> {
    if span.made && due {
        place_near(dm, span.to)
    } else {
        place(dm, span)
    }
}

/// A table's columns of dates without their year, and the span their year is
/// read from.
#[derive(Debug, Clone)]
pub struct YearlessDates {
    /// Each column: its place, name, whether month first, whether due dates.
    columns: Vec<(usize, String, bool, bool)>,
    /// Columns of days of the month written alone ("18"), in a table whose
    /// month is named once ("Audits September 2026.xlsx"): their place and name.
    days: Vec<(usize, String)>,
    span: Span,
    /// Of the sample's year-less dates: placed, then left unread.
    placed: usize,
    unplaced: Vec<(String, Unplaced)>,
}

/// What [`YearlessDates::find`] found.
pub enum Found {
    Dates(YearlessDates),
    /// Columns of year-less dates, and no year written anywhere: said.
    NoYear(String),
}

fn text_of(c: &Cell) -> Option<&str> {
    if let Cell::Text(t) = c {
        Some(t)
    } else {
        None
    }
}

/// A day of the month written alone: a whole number from 1 to 31, as a
/// number cell or as text ("18").
fn day_alone(c: &Cell) -> Option<u32> {
    match c {
        Cell::Number(n) if n.fract() == 0.0 && (1.0..=31.0).contains(n) => Some(*n as u32),
        Cell::Text(t) => {
            let t = t.trim();
            ((1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten().filter(|d| (1..=31).contains(d))
        }
        _ => None,
    }
}

/// Whether a span is one calendar month.
fn one_month(span: &Span) -> bool {
    span.from.day() == 1 && span.to == last_of(span.from.year(), span.from.month())
}

/// Whether a text is a value nobody filled ("N/A", "TBC", a dash).
fn placeholder(t: &str) -> bool {
    let l = t.trim().to_ascii_lowercase();
    crate::ingest::cell::is_null_literal(t.trim()) || matches!(l.as_str(), "n/a" | "na" | "tbc" | "tba" | "none" | "not yet" | "ongoing" | "pending")
}

impl YearlessDates {
    /// The columns of `body` (the rows under `header`) named for a date
    /// (`date_field` names its field) whose values are half or more days and months
    /// without a year, and the rest dates or placeholders, with the span
    /// their year is read from.
    pub fn find(
        header: &SourceRow,
        titles: &[SourceRow],
        body: &[SourceRow],
        sheet: Option<&str>,
        file: &str,
        date_field: impl Fn(&str) -> Option<String>,
    ) -> Option<Found> {
        let mut columns = Vec::new();
        let mut days = Vec::new();
        for (i, h) in header.cells.iter().enumerate() {
            let name = h.as_string();
            if name.trim().is_empty() {
                continue;
            }
            let Some(field) = date_field(&name) else { continue };
            let values: Vec<&Cell> = body.iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).collect();
            let texts: Vec<&str> = values.iter().filter_map(|c| text_of(c)).collect();
            let count = |month_first: bool| texts.iter().filter(|t| day_month(t, month_first).is_some()).count();
            let day_first = count(false);
            // (Month first only where day first reads too few: "9/14".)
            let month_first = day_first * 2 < values.len() && texts.len() * 2 >= values.len() && count(true) > day_first;
            let yearless = if month_first { count(true) } else { day_first };
            let others_fit = values.iter().filter(|c| match c {
                Cell::Text(t) => day_month(t, month_first).is_some() || placeholder(t) || c.as_date().is_some(),
                _ => c.as_date().is_some(),
            });
            if yearless == 0 || yearless * 2 < values.len() || others_fit.count() * 10 < values.len() * 9 {
                // (Or days of the month alone, "18", beside whole dates:
                // read only where the table's month is named, below.)
                let alone = values.iter().filter(|c| day_alone(c).is_some()).count();
                let fit = values.iter().filter(|c| day_alone(c).is_some() || c.as_date().is_some() || text_of(c).is_some_and(placeholder)).count();
                // (More than half: a totals row's count, "1", under each
                // block of whole dates is no day.)
                if alone * 2 > values.len() && fit * 10 >= values.len() * 9 {
                    days.push((i, name));
                }
                continue;
            }
            columns.push((i, name, month_first, field == "due_date"));
        }
        if columns.is_empty() && days.is_empty() {
            return None;
        }
        let example = |(i, _, _, _): &(usize, String, bool, bool)| {
            body.iter().filter_map(|r| r.cells.get(*i)).find_map(|c| if let Cell::Text(t) = c { day_month(t, false).map(|_| t.clone()) } else { None })
        };
        let titles: Vec<String> =
            titles.iter().map(|r| r.filled().iter().map(|c| c.as_string()).collect::<Vec<_>>().join(" ")).filter(|t| !t.trim().is_empty()).collect();
        // (Else the span of the table's own whole dates, in its date columns:
        // "By when" of "08/01", "31/12" beside "Date of audit" of
        // 14/12/2026 and "4/1/27"; blind set 197's lystanfield.)
        let own_dates: Vec<NaiveDate> = header
            .cells
            .iter()
            .enumerate()
            .filter(|(_, h)| date_field(&h.as_string()).is_some())
            .flat_map(|(i, _)| body.iter().filter_map(move |r| r.cells.get(i)).filter_map(Cell::as_date))
            .filter(|d| d.year() >= 2000)
            .collect();
        let own_span = match (own_dates.iter().min(), own_dates.iter().max()) {
            (Some(&from), Some(&to)) if own_dates.len() >= 3 && (to - from).num_days() <= 366 => {
                Some(Span { from, to, said: format!("the table's own whole dates ({} of them)", own_dates.len()), made: false })
            }
            _ => None,
        };
        let span = span(&titles, sheet, file).or(own_span);
        // (Days alone take their month and year from a place that names one
        // month: none else, and they are left as they are.)
        if !span.as_ref().is_some_and(one_month) {
            days.clear();
        }
        if columns.is_empty() && days.is_empty() {
            return None;
        }
        let Some(span) = span else {
            let named: Vec<String> = columns.iter().map(|c| format!("'{}' (e.g. '{}')", c.1, example(c).unwrap_or_default())).collect();
            return Some(Found::NoYear(format!(
                "column {} holds dates without a year, and no year is written in a title above the table, the sheet's name or the file's name: not read as dates (so what they would count is not in the exports); put the year in the file's name (\"… 2026.xlsx\", \"… 2026-27.xlsx\") or export the dates with their year",
                named.join(", ")
            )));
        };
        let mut placed = 0;
        let mut unplaced = Vec::new();
        for (i, _, month_first, due) in &columns {
            for c in body.iter().filter_map(|r| r.cells.get(*i)) {
                if let Some(dm) = text_of(c).and_then(|t| day_month(t, *month_first)) {
                    match alone(dm, &span, *due) {
                        Ok(_) => placed += 1,
                        Err(why) => unplaced.push((c.as_string(), why)),
                    }
                }
            }
        }
        for (i, _) in &days {
            placed += body
                .iter()
                .filter_map(|r| r.cells.get(*i))
                .filter(|c| day_alone(c).and_then(|d| NaiveDate::from_ymd_opt(span.from.year(), span.from.month(), d)).is_some())
                .count();
        }
        // (None placed: nothing to read again.)
        (placed > 0).then_some(Found::Dates(YearlessDates { columns, days, span, placed, unplaced }))
    }

    /// The row with this table's year-less dates read as dates (rows above
    /// the header, `header_row`, as they are).
    pub fn apply(&self, mut row: SourceRow, header_row: u32) -> SourceRow {
        if row.row <= header_row {
            return row;
        }
        // The row's first date of these columns that is whole, or in the
        // span: the others are read in the year nearest to it (a record's
        // dates are months apart, not a year).
        let day_month_at = |cells: &[Cell], i: usize, month_first: bool| cells.get(i).and_then(text_of).and_then(|t| day_month(t, month_first));
        // (A date of what was done before a due date, wherever the columns
        // stand: "Target date | … | Audit date" has its target placed near
        // the audit, as "Audit date | Target date" has; a due date may fall
        // after the span.)
        let anchor_of = |due_too: bool| {
            self.columns.iter().filter(|c| due_too || !c.3).find_map(|&(i, _, month_first, _)| match day_month_at(&row.cells, i, month_first) {
                Some(dm) => place(dm, &self.span).ok().filter(|d| (self.span.from..=self.span.to).contains(d)).map(|d| (i, d)),
                None => row.cells.get(i).and_then(Cell::as_date).map(|d| (i, d)),
            })
        };
        let anchor = anchor_of(false).or_else(|| anchor_of(true));
        for &(i, _, month_first, due) in &self.columns {
            let placed = match (day_month_at(&row.cells, i, month_first), anchor) {
                (Some(dm), Some((at, near))) if at != i => place_near(dm, near).ok(),
                (Some(dm), _) => alone(dm, &self.span, due).ok(),
                (None, _) => None,
            };
            if let Some(d) = placed {
                row.cells[i] = Cell::Date(d);
            }
        }
        for (i, _) in &self.days {
            if let Some(d) = row.cells.get(*i).and_then(day_alone).and_then(|d| NaiveDate::from_ymd_opt(self.span.from.year(), self.span.from.month(), d)) {
                row.cells[*i] = Cell::Date(d);
            }
        }
        row
    }

    /// What was read, for validate and data_quality.
    pub fn describe(&self) -> String {
        let names: Vec<String> = self.columns.iter().map(|c| format!("'{}'", c.1)).collect();
        let mut parts = Vec::new();
        if !names.is_empty() {
            parts.push(format!(
                "column {} holds dates without a year: the year is read from {} ({} to {}), each date in the year that puts it in that span or nearest to it, and a row's other dates in the year nearest to its first",
                names.join(", "),
                self.span.said,
                self.span.from.format("%d/%m/%Y"),
                self.span.to.format("%d/%m/%Y")
            ));
        }
        if !self.days.is_empty() {
            let days: Vec<String> = self.days.iter().map(|c| format!("'{}'", c.1)).collect();
            parts.push(format!(
                "column {} holds days of the month alone (\"18\"): each is read as that day of {}, the month {} names (whole dates in it as written)",
                days.join(", "),
                self.span.from.format("%B %Y"),
                self.span.said
            ));
        }
        let mut s = parts.join("; ");
        if self.columns.iter().any(|c| c.2) {
            s.push_str("; written month first");
        }
        if self.span.made && self.columns.iter().any(|c| c.3) {
            s.push_str("; a due date alone in its row in the year nearest to the report's date");
        }
        let count = |why: Unplaced| self.unplaced.iter().filter(|u| u.1 == why).map(|u| u.0.clone()).collect::<Vec<_>>();
        let (two, weekday) = (count(Unplaced::TwoYears), count(Unplaced::Weekday));
        if !two.is_empty() {
            s.push_str(&format!("; {} of the first rows' dates fall in that span in two years and are not read (e.g. '{}')", two.len(), two[0]));
        }
        if !weekday.is_empty() {
            s.push_str(&format!("; {} have a weekday that agrees with no year and are not read (e.g. '{}')", weekday.len(), weekday[0]));
        }
        let _ = self.placed;
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_and_months_are_read_in_the_ways_they_are_written() {
        let dm = |day, month| Some(DayMonth { day, month, weekday: None });
        for (t, want) in [
            ("14/09", dm(14, 9)),
            ("4/9", dm(4, 9)),
            ("14 Sept", dm(14, 9)),
            ("3rd Oct", dm(3, 10)),
            ("3rd of October", dm(3, 10)),
            ("4-Sep", dm(4, 9)),
            ("12-Nov", dm(12, 11)),
            ("Oct 3rd", dm(3, 10)),
            ("22 October", dm(22, 10)),
            ("Tues 6 Oct", Some(DayMonth { day: 6, month: 10, weekday: Some(Weekday::Tue) })),
            ("Mon, 14 Sep", Some(DayMonth { day: 14, month: 9, weekday: Some(Weekday::Mon) })),
        ] {
            assert_eq!(day_month(t, false), want, "{t}");
        }
        for t in [
            "14/09/2026",
            "September 2026",
            "Sep-26",
            "by 30th Oct",
            "3/4 done",
            "31 Sep",
            "14/13",
            "Mon",
            "2026-09-14",
            "0/9",
            "Oct",
            "Oct 3",
            "Jul-26",
            "Sept 26",
        ] {
            assert_eq!(day_month(t, false), None, "{t}");
        }
        assert_eq!(day_month("09/14", true), dm(14, 9));
    }

    #[test]
    fn the_year_is_read_from_the_narrowest_place_that_says_it() {
        let s = |titles: &[&str], sheet: Option<&str>, file: &str| {
            span(&titles.iter().map(|t| t.to_string()).collect::<Vec<_>>(), sheet, file).map(|s| (s.from, s.to))
        };
        assert_eq!(s(&[], None, "Learning Audit Tracker 2026-27.xlsx"), Some((d(2026, 4, 1), d(2027, 3, 31))), "a financial year");
        assert_eq!(s(&[], None, "x/2025-2026/Tracker.xlsx"), Some((d(2025, 4, 1), d(2026, 3, 31))), "a folder's financial year");
        assert_eq!(s(&[], Some("Sept 26"), "Tier 2 audit tracker.xlsx"), Some((d(2026, 9, 1), d(2026, 9, 30))));
        assert_eq!(s(&[], Some("Actions 2025"), "Tier 2 audit tracker.xlsx"), Some((d(2025, 1, 1), d(2025, 12, 31))));
        assert_eq!(s(&[], Some("Sep"), "Audit programme 2026.xlsx"), Some((d(2026, 9, 1), d(2026, 9, 30))), "a month's sheet of a year's workbook");
        assert_eq!(
            s(&["Quality audits finalised between 01/11/2025 and 31/10/2026"], None, "Quality Audits - rolling year.csv"),
            Some((d(2025, 11, 1), d(2026, 10, 31)))
        );
        assert_eq!(s(&[], None, "Observations 01-07-2026 to 31-10-2026.csv"), Some((d(2026, 7, 1), d(2026, 10, 31))));
        assert_eq!(s(&["Full audits - September 2026 sample"], Some("Sep"), "Audit programme 2026.xlsx"), Some((d(2026, 9, 1), d(2026, 9, 30))));
        assert_eq!(s(&["Run on 02/11/2026"], None, "Audits.csv"), Some((d(2025, 11, 3), d(2026, 11, 2))), "the year up to the day it was run");
        assert_eq!(s(&["Audits allocated since 01/09/2026"], None, "Audits.csv"), None, "one date, not the report's");
        assert_eq!(s(&[], Some("Sheet1"), "Audits 2026-11-02.csv"), None, "a date in the name is no span either");
        assert_eq!(s(&[], Some("Team 12"), "Audits.xlsx"), None);
        assert_eq!(s(&[], Some("2026-09"), "Audits.xlsx"), Some((d(2026, 9, 1), d(2026, 9, 30))));
        assert_eq!(s(&[], Some("Nov-Dec 26"), "Tracker.xlsx"), Some((d(2026, 11, 1), d(2026, 12, 31))), "a bi-monthly cycle");
        assert_eq!(s(&[], Some("Dec/Jan 27"), "Tracker.xlsx"), Some((d(2026, 12, 1), d(2027, 1, 31))));
        assert_eq!(s(&["Report date: 08/01/2027"], None, "Recommendations.xlsx"), Some((d(2026, 1, 9), d(2027, 1, 8))), "the year up to the report's date");
        assert_eq!(s(&[], Some("Actions"), "ashby/Audit actions 2025-26.xlsx"), Some((d(2025, 4, 1), d(2026, 3, 31))));
        assert_eq!(
            s(&["Learning Audit Tracker 2025-26 (April 2025 - March 2026)"], None, "Tracker.xlsx"),
            Some((d(2025, 4, 1), d(2026, 3, 31))),
            "two months are a range of months"
        );
    }

    #[test]
    fn each_date_takes_the_year_that_puts_it_in_the_span() {
        let span = |from, to| Span { from, to, said: String::new(), made: false };
        let dm = |day, month| DayMonth { day, month, weekday: None };
        let rolling = span(d(2025, 11, 1), d(2026, 10, 31));
        assert_eq!(place(dm(12, 11), &rolling), Ok(d(2025, 11, 12)));
        assert_eq!(place(dm(14, 9), &rolling), Ok(d(2026, 9, 14)));
        let fy = span(d(2026, 4, 1), d(2027, 3, 31));
        assert_eq!(place(dm(14, 2), &fy), Ok(d(2027, 2, 14)), "January to March is the second year");
        let september = span(d(2026, 9, 1), d(2026, 9, 30));
        assert_eq!(place(dm(30, 11), &september), Ok(d(2026, 11, 30)), "a deadline after the month");
        assert_eq!(place(dm(28, 8), &september), Ok(d(2026, 8, 28)));
        let mon = DayMonth { day: 14, month: 9, weekday: Some(Weekday::Mon) };
        assert_eq!(place(mon, &rolling), Ok(d(2026, 9, 14)));
        let two_years = span(d(2025, 1, 1), d(2026, 12, 31));
        assert_eq!(place(dm(14, 9), &two_years), Err(Unplaced::TwoYears));
        assert_eq!(place(mon, &two_years), Ok(d(2026, 9, 14)), "the weekday tells the years apart");
        let sun = DayMonth { weekday: Some(Weekday::Sun), ..mon };
        assert_eq!(place(sun, &rolling), Err(Unplaced::Weekday));
        assert_eq!(place(dm(29, 2), &span(d(2027, 1, 1), d(2027, 12, 31))), Ok(d(2028, 2, 29)), "the nearest year that has the day");
        assert_eq!(place_near(dm(4, 11), d(2026, 10, 21)), Ok(d(2026, 11, 4)));
        assert_eq!(place_near(dm(20, 12), d(2027, 1, 5)), Ok(d(2026, 12, 20)));
        assert_eq!(place_near(DayMonth { weekday: Some(Weekday::Fri), ..dm(4, 11) }, d(2026, 10, 21)), Err(Unplaced::Weekday));
    }

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow { row: n, cells: cells.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::text(c) }).collect() }
    }

    #[test]
    fn columns_named_for_dates_are_read_with_the_year_and_said() {
        let header = row(2, &["Child ID", "Date of the Audit", "Score", "Audit due by"]);
        let body = vec![row(3, &["C1", "10/09", "3/4", "14/09"]), row(4, &["C2", "N/A", "1/2", "30/09"]), row(5, &["C3", "22/10", "2/4", "TBC"])];
        let names_a_date =
            |h: &str| (h.contains("Date") || h.contains("due")).then(|| if h.contains("due") { "due_date" } else { "completed_date" }.to_string());
        let titles = [row(1, &["Learning Audit Tracker 2026-27"])];
        let Some(Found::Dates(found)) = YearlessDates::find(&header, &titles, &body, Some("Tracker"), "Tracker.xlsx", names_a_date) else { panic!() };
        let read = found.apply(body[0].clone(), 2);
        assert_eq!(read.cells[1], Cell::Date(d(2026, 9, 10)));
        assert_eq!(read.cells[3], Cell::Date(d(2026, 9, 14)));
        // A row's other dates in the year nearest to its first.
        let late = found.apply(row(6, &["C4", "28/03", "", "04/04"]), 2);
        assert_eq!((&late.cells[1], &late.cells[3]), (&Cell::Date(d(2027, 3, 28)), &Cell::Date(d(2027, 4, 4))));
        assert_eq!(read.cells[2], Cell::text("3/4"), "a column not named for a date is left as it is");
        assert_eq!(found.apply(titles[0].clone(), 2), titles[0], "rows above the header are left as they are");
        let said = found.describe();
        assert!(said.contains("'Date of the Audit', 'Audit due by'") && said.contains("the title line 'Learning Audit Tracker 2026-27'"), "{said}");
        // No year anywhere: said, never guessed.
        let Some(Found::NoYear(why)) = YearlessDates::find(&header, &[], &body, Some("Tracker"), "Tracker.xlsx", names_a_date) else { panic!() };
        assert!(why.contains("'Date of the Audit' (e.g. '10/09')") && why.contains("not read as dates"), "{why}");
        // Dates with their year already: nothing to do.
        let full = vec![row(3, &["C1", "10/09/2026", "3/4", "14/09/2026"])];
        assert!(YearlessDates::find(&header, &titles, &full, None, "Tracker.xlsx", names_a_date).is_none());
    }

    #[test]
    fn days_of_the_month_alone_take_the_month_a_file_is_named_for() {
        let header = row(1, &["Child ID", "Allocated", "Completed", "Score"]);
        let mut body = vec![row(2, &["C1", "1", "18", "3"]), row(3, &["C2", "1", "", "2"]), row(5, &["C4", "1", "25", "1"])];
        body.push(SourceRow { row: 4, cells: vec![Cell::text("C3"), Cell::Number(1.0), Cell::Date(d(2026, 10, 7)), Cell::Number(4.0)] });
        let names_a_date = |h: &str| matches!(h, "Allocated" | "Completed").then(|| "completed_date".to_string());
        let Some(Found::Dates(found)) = YearlessDates::find(&header, &[], &body, Some("Audits"), "x/Audits September 2026.xlsx", names_a_date) else {
            panic!()
        };
        let read = found.apply(body[0].clone(), 1);
        assert_eq!((&read.cells[1], &read.cells[2]), (&Cell::Date(d(2026, 9, 1)), &Cell::Date(d(2026, 9, 18))));
        assert_eq!(read.cells[3], Cell::text("3"), "a column not named for a date is left as it is");
        assert_eq!(found.apply(body[3].clone(), 1).cells[2], Cell::Date(d(2026, 10, 7)), "a whole date as written");
        assert!(found.describe().contains("that day of September 2026"), "{}", found.describe());
        // Half days, half whole dates (a totals row's count under each
        // block): no column of days.
        let half = vec![row(2, &["C1", "01/09/2026", "18/09/2026", "3"]), row(3, &["Total", "1", "1", ""])];
        assert!(YearlessDates::find(&header, &[], &half, Some("Audits"), "x/Audits September 2026.xlsx", names_a_date).is_none());
        // A year, not a month, named: the days are left as they are (the
        // column's values do not read as dates, which the reader says).
        assert!(YearlessDates::find(&header, &[], &body, Some("Audits"), "x/Audits 2026-27.xlsx", names_a_date).is_none());
    }
}
