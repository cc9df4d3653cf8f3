//! One cell as read from any source, before the domain gives it meaning.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use std::fmt;

/// A cell value. Workbooks give typed cells; CSV gives text.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
    /// A spreadsheet error value such as `#REF!`.
    Error(String),
}

/// An unticked box: ☐ □.
pub const BOX_OFF: [char; 2] = ['\u{2610}', '\u{25a1}'];
/// A ticked box, or a mark put in place of a box: ☒ ☑ ■ ✓ ✔ ✅ ✗ ✘ 🗹.
pub const BOX_ON: [char; 9] = ['\u{2612}', '\u{2611}', '\u{25a0}', '\u{2713}', '\u{2714}', '\u{2705}', '\u{2717}', '\u{2718}', '\u{1f5f9}'];

/// Whether a character is a box, ticked or not (one of [`BOX_ON`] or [`BOX_OFF`]).
pub fn is_box(c: char) -> bool {
    BOX_OFF.contains(&c) || BOX_ON.contains(&c)
}

/// What a row of tick boxes in one cell says.
#[derive(Debug, PartialEq, Eq)]
pub enum Ticked<'a> {
    /// The label of the one box ticked.
    One(&'a str),
    /// No box ticked: not answered.
    Nothing,
    /// More than one ticked: undecided (the text is kept, and not read).
    Several,
}

/// A row of tick boxes in one cell, as Word forms (and cells copied from them)
/// hold them: "☐ Yes ☒ No ☐ N/A" (each box before its label) or "Yes ☐ No ☒"
/// (after it). At least two boxes, one of them unticked, each with a label;
/// anything else is not a row of boxes.
pub fn ticked<'a>(t: &'a str) -> Option<Ticked<'a>> {
    if !t.bytes().any(|b| b >= 0xE2) || !t.contains(BOX_OFF) {
        return None;
    }
    let boxes: Vec<(usize, char)> = t.char_indices().filter(|(_, c)| is_box(*c)).collect();
    if boxes.len() < 2 {
        return None;
    }
    let label = |s: &'a str| -> &'a str { s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '|')) };
    // Each box's label: after it when the text starts with a box, else before it.
    let first = t.trim_start().starts_with(is_box);
    let labels: Vec<(bool, &str)> = boxes
        .iter()
        .enumerate()
        .map(|(k, &(at, c))| {
            let on = BOX_ON.contains(&c);
            let text = if first {
                let end = boxes.get(k + 1).map_or(t.len(), |b| b.0);
                &t[at + c.len_utf8()..end]
            } else {
                let start = if k == 0 { 0 } else { boxes[k - 1].0 + boxes[k - 1].1.len_utf8() };
                &t[start..at]
            };
            (on, label(text))
        })
        .collect();
    if labels.iter().any(|(_, l)| l.is_empty()) || (!first && !t.trim_end().ends_with(is_box)) {
        return None;
    }
    let on: Vec<&str> = labels.iter().filter(|(on, _)| *on).map(|(_, l)| *l).collect();
    Some(match on.as_slice() {
        [] => Ticked::Nothing,
        [one] => Ticked::One(one),
        _ => Ticked::Several,
    })
}

/// Boxes typed as text, "[X] Outstanding [ ] Good" (a form saved as plain
/// text, or typed so), as the glyphs [`ticked`] reads: "[X]", "[x]", "[✓]"
/// ticked, "[ ]", "[]" not. None where the text has no unticked box so
/// typed, no ticked one, or fewer than two boxes (blind set 195's ostwater).
fn ascii_boxes(t: &str) -> Option<String> {
    if !t.contains('[') || !(t.contains("[ ]") || t.contains("[]")) {
        return None;
    }
    let out = t
        .replace("[X]", "\u{2612}")
        .replace("[x]", "\u{2612}")
        .replace("[\u{2713}]", "\u{2612}")
        .replace("[\u{2714}]", "\u{2612}")
        .replace("[ ]", "\u{2610}")
        .replace("[]", "\u{2610}");
    // (One ticked at least: "[ ] Chase GP report [ ] Update the chronology"
    // is a to-do list written in an action, not options; review 263's c30.)
    (out.chars().filter(|c| is_box(*c)).count() >= 2 && out.contains(BOX_ON)).then_some(out)
}

/// A character that shows as nothing: a zero-width space, joiner or mark
/// (U+200B–U+200F), a word joiner (U+2060), a direction control (U+202A–U+202E,
/// U+2066–U+2069), a byte-order mark (U+FEFF) or a soft hyphen (U+00AD,
/// Word's hyphenation: shown only at a line's end). Copied from web pages and
/// forms into ids and team names, they make "CP North" two teams and a child
/// two children; a cell is trimmed of them, and ids and team names lose them
/// wherever they are.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{ad}')
}

impl Cell {
    /// Text with surrounding whitespace removed; empty text becomes [`Cell::Empty`].
    pub fn text(s: &str) -> Cell {
        let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || is_invisible(c));
        let boxed = ascii_boxes(t);
        match ticked(boxed.as_deref().unwrap_or(t)) {
            Some(Ticked::One(label)) => return Cell::text(label),
            Some(Ticked::Nothing) => return Cell::Empty,
            Some(Ticked::Several) | None => {}
        }
        if t.is_empty() || is_null_literal(t) {
            Cell::Empty
        } else if is_error_literal(t) {
            Cell::Error(t.to_string())
        } else {
            Cell::Text(t.to_string())
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as display text ("" for empty), as a user would see it.
    pub fn as_string(&self) -> String {
        self.to_string()
    }

    /// [`Cell::as_date`] for a table whose dates are written month first
    /// ("9/14/2026"): numeric text dates are read month / day / year.
    pub fn as_date_month_first(&self) -> Option<NaiveDate> {
        match self {
            Cell::Text(t) => parse_date_month_first(t),
            _ => self.as_date(),
        }
    }

    /// The cell as a date, if it is one: a date cell, an Excel serial number, or text
    /// in one of the forms [`parse_date`] accepts.
    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            Cell::Date(d) => Some(*d),
            Cell::Number(n) => excel_serial(*n).or_else(|| compact_date(*n)),
            Cell::Text(t) => parse_date(t),
            _ => None,
        }
    }
}

/// A database's written-out null ("NULL", as SQL Server's "save results as"
/// writes an empty value), or a dash typed where there is nothing to say
/// ("-", "–", "—"): an empty cell, not a value.
pub fn is_null_literal(t: &str) -> bool {
    t.len() <= 6 && matches!(t, "NULL" | "null" | "Null" | "(null)" | "<NULL>" | "<null>" | "-" | "--" | "---" | "–" | "—")
}

/// A formula's errors as Excel writes them ("#N/A" when saving as CSV).
pub const ERROR_LITERALS: [&str; 9] = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!"];

/// A formula's error as text ("#N/A", as Excel writes it when saving as CSV).
pub fn is_error_literal(t: &str) -> bool {
    error_literal_code(t) != 0
}

/// Which of [`ERROR_LITERALS`] a text is, counted from 1; 0 for none.
pub fn error_literal_code(t: &str) -> u8 {
    if !t.starts_with('#') {
        return 0;
    }
    ERROR_LITERALS.iter().position(|e| *e == t).map_or(0, |i| i as u8 + 1)
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Empty => Ok(()),
            Cell::Text(s) => f.write_str(s),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(f, "{}", *n as i64),
            Cell::Number(n) => write!(f, "{n}"),
            Cell::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Cell::Bool(b) => write!(f, "{}", if *b { "TRUE" } else { "FALSE" }),
            Cell::Error(e) => f.write_str(e),
        }
    }
}

/// An Excel serial day number (1900 date system) as a date, when it is in a
/// plausible range for case work (1950–2100). Fractions (times) are dropped.
pub fn excel_serial(n: f64) -> Option<NaiveDate> {
    if !(18_264.0..=73_051.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30).map(|d| d + Duration::days(n.trunc() as i64))
}

/// A day number of a workbook saved in the 1904 date system (Excel for Mac:
/// day 0 is 1 January 1904), when it is a date from 1950 to 2100.
pub fn excel_serial_1904(n: f64) -> Option<NaiveDate> {
    if !(16_802.0..=71_589.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1904, 1, 1).map(|d| d + Duration::days(n.trunc() as i64))
}

/// A date written as one number, year first ("20260914", as exports from
/// some systems and databases write it): a whole number from 19000101 to
/// 21001231 that is a real date. (An Excel serial for such a date has five
/// digits, so the two never meet.)
pub fn compact_date(n: f64) -> Option<NaiveDate> {
    if n.fract() != 0.0 || !(19_000_101.0..=21_001_231.0).contains(&n) {
        return None;
    }
    let n = n as u32;
    NaiveDate::from_ymd_opt((n / 10_000) as i32, n / 100 % 100, n % 100)
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

pub(crate) fn month_from_name(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    let s = s.trim_end_matches('.');
    if s.len() < 3 {
        return None;
    }
    let m = MONTHS.iter().position(|m| s.starts_with(m))? as u32 + 1;
    // "sept" and full names are fine; reject words that merely start like a month.
    let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    (full[m as usize - 1].starts_with(s) || s == "sept").then_some(m)
}

pub(crate) fn year_of(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    match s.len() {
        2 => Some(if y < 70 { 2000 + y } else { 1900 + y }),
        4 => Some(y),
        _ => None,
    }
}

/// A weekday's name or its usual short form ("Mon", "Tues", "Weds",
/// "Thurs"), with or without a stop.
pub fn weekday(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    const WEEKDAYS: [(&str, chrono::Weekday); 18] = [
        ("mon", Mon),
        ("monday", Mon),
        ("tue", Tue),
        ("tues", Tue),
        ("tuesday", Tue),
        ("wed", Wed),
        ("weds", Wed),
        ("wednesday", Wed),
        ("thu", Thu),
        ("thur", Thu),
        ("thurs", Thu),
        ("thursday", Thu),
        ("fri", Fri),
        ("friday", Fri),
        ("sat", Sat),
        ("saturday", Sat),
        ("sun", Sun),
        ("sunday", Sun),
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    WEEKDAYS.iter().find(|(n, _)| *n == w).map(|(_, d)| *d)
}

/// Parses a date written as text, UK day-first and never US month-first:
/// ISO `2026-11-06` (optionally with a time), `06/11/2026`, `6/11/26`, `06-11-2026`,
/// `06.11.2026`, `6 Nov 2026`, `6 November 2026`, `06-Nov-2026`, `Fri 6 Nov 2026`,
/// and Excel serial numbers written as text (`46332`). A time after the date is
/// ignored. Returns `None` for anything else, including `11/13/2026`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // An ISO timestamp written in lower case ("2026-09-11t10:00:00z", which
    // RFC 3339 allows) is the same timestamp.
    if s.bytes().any(|b| b == b't' || b == b'z') && s.bytes().all(|b| b.is_ascii_digit() || b"-:.+tz".contains(&b)) {
        return parse_date(&s.to_ascii_uppercase());
    }
    if let Some(d) = utc_date_in_uk(s) {
        return Some(d);
    }
    // A weekday before the date ("Thu 20/08/2026", "Monday, 21 September 2026"): the date is read.
    if let Some((first, rest)) = s.split_once([' ', ',']) {
        if weekday(first).is_some() {
            return parse_date(rest.trim_start_matches([' ', ',']));
        }
    }
    // Drop a time part: "2026-11-06T10:00:00", "06/11/2026 14:30".
    let date_part = s.split(['T', ' ']).next().unwrap_or(s);
    if let Some(d) = parse_numeric_date(date_part) {
        return Some(d);
    }
    if let Ok(dt) = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S") {
        return Some(dt.date());
    }
    if s.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return s.parse::<f64>().ok().and_then(|n| excel_serial(n).or_else(|| compact_date(n).filter(|_| s.len() == 8)));
    }
    // A serial with its time after a decimal comma ("46274,461806", as an
    // export in a European locale writes it; five digits before the comma
    // cannot be a thousands separator).
    if let Some((days, time)) = s.split_once(',') {
        if days.len() == 5 && !time.is_empty() && days.bytes().chain(time.bytes()).all(|b| b.is_ascii_digit()) {
            return days.parse::<f64>().ok().and_then(excel_serial);
        }
    }
    parse_named_month(s)
}

/// A day and month written with no year ("Sept 3rd", "3 September", "3rd
/// Sep"): (month, day).
pub fn day_month_without_year(s: &str) -> Option<(u32, u32)> {
    let tokens: Vec<&str> = s.split([' ', ',']).filter(|t| !t.is_empty()).collect();
    let [a, b] = tokens.as_slice() else { return None };
    let day = |t: &str| -> Option<u32> {
        let n = t.strip_suffix("st").or(t.strip_suffix("nd")).or(t.strip_suffix("rd")).or(t.strip_suffix("th")).unwrap_or(t);
        n.parse().ok().filter(|d| (1..=31).contains(d))
    };
    let (m, d) = match (month_from_name(a), month_from_name(b)) {
        (Some(m), None) => (m, day(b)?),
        (None, Some(m)) => (m, day(a)?),
        _ => return None,
    };
    Some((m, d))
}

/// A date written after words saying something was done ("done 24/9",
/// "Completed - see case note 14/10", "Signed off 05/10/2026"), as a
/// person types a completion into a date column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneDate {
    /// The date, its year given.
    Full(NaiveDate),
    /// A day and a month with no year ("done 24/9"): (day, month).
    DayMonth(u32, u32),
}

/// [`DoneDate`] of a text that starts with a word saying it was done and
/// holds one day-first date ("24/9", "14.10", "05/10/2026"); none for any
/// other text, or one with two dates.
pub fn done_date(t: &str) -> Option<DoneDate> {
    let lower = t.trim().to_lowercase();
    // ("Y - 14/10/2026", "Yes - 29/10/2026": a yes and its day, where the day was asked.)
    const DONE: [&str; 14] = [
        "done",
        "completed",
        "complete",
        "signed off",
        "signed-off",
        "sign off",
        "closed",
        "achieved",
        "actioned",
        "confirmed",
        "finished",
        "yes - done",
        "yes",
        "y",
    ];
    let (word, rest) =
        DONE.iter().find_map(|w| lower.strip_prefix(w).filter(|r| r.is_empty() || r.starts_with(|c: char| !c.is_alphanumeric())).map(|r| (*w, r)))?;
    // (A yes only with its day straight after it: "Yes - seen at school
    // 14/10" answers another question.)
    if matches!(word, "yes" | "y") && !rest.trim_start_matches([' ', '-', '–', ':', ',']).starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // (Not done after all: "Completed 14/10 - awaiting TM sign off",
    // "Closed - no longer required 14/10".)
    if ["awaiting", "pending", "not yet", "to be ", "outstanding", "chased", "no longer required", "not required", "withdrawn", "cancelled", "not signed"]
        .iter()
        .any(|w| rest.contains(w))
    {
        return None;
    }
    let tokens: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':'))
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|w| w.contains(['/', '.']) && w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    let [token] = tokens[..] else { return None };
    // (A count of things done, "done 2/6 sessions", is no date.)
    const COUNTED: [&str; 16] = [
        "session", "sessions", "record", "records", "visit", "visits", "action", "actions", "item", "items", "task", "tasks", "meeting", "meetings", "part",
        "parts",
    ];
    let after = rest.split(token).nth(1).unwrap_or("");
    if after.split_whitespace().next().is_some_and(|w| COUNTED.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))) {
        return None;
    }
    let parts: Vec<&str> = token.split(['/', '.']).collect();
    let num = |p: &str| p.parse::<u32>().ok().filter(|_| (1..=2).contains(&p.len()));
    match parts[..] {
        [d, m] => {
            let (d, m) = (num(d)?, num(m)?);
            ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some(DoneDate::DayMonth(d, m))
        }
        [d, m, y] if matches!(y.len(), 2 | 4) => {
            let (d, m) = (num(d)?, num(m)?);
            let y: i32 = y.parse().ok()?;
            let y = if y < 100 { 2000 + y } else { y };
            NaiveDate::from_ymd_opt(y, m, d).map(DoneDate::Full)
        }
        _ => None,
    }
}

/// A text that is a date and nothing else: "03/09/2026", "3 September
/// 2026", "Thu 3rd Sept 2026", "2026-09-03T00:00:00". Not a date followed by
/// words ("07/09/2026 spoke to mum"), which [`parse_date`] reads as its date.
pub fn date_alone(s: &str) -> Option<NaiveDate> {
    let d = parse_date(s)?;
    let only_date_words = s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).all(|w| {
        weekday(w).is_some() || month_from_name(w).is_some() || matches!(w.to_ascii_lowercase().as_str(), "t" | "z" | "st" | "nd" | "rd" | "th" | "am" | "pm")
    });
    only_date_words.then_some(d)
}

/// The first two numbers of a text date with no four-digit year first
/// ("14/9/2026", "9/14/2026 10:02"), if it is one.
pub fn day_month_parts(s: &str) -> Option<(&str, &str, &str, char)> {
    let date_part = s.trim().split(['T', ' ']).next()?;
    let sep = date_part.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let mut it = date_part.split(sep);
    let parts = (it.next()?, it.next()?, it.next()?);
    let short = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    (it.next().is_none() && short(parts.0) && short(parts.1) && parts.2.bytes().all(|b| b.is_ascii_digit())).then_some((parts.0, parts.1, parts.2, sep))
}

/// Which way round a numeric text date must be: `Some(true)` when its second
/// number is over 12 (so the month comes first: "9/14/2026"), `Some(false)`
/// when its first is (day first: "14/9/2026"), `None` when either could be.
pub fn date_order_shown(s: &str) -> Option<bool> {
    let (a, b, _, _) = day_month_parts(s)?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    match (a > 12, b > 12) {
        (false, true) => Some(true),
        (true, false) => Some(false),
        _ => None,
    }
}

/// [`parse_date`] with a numeric date's first two numbers read month, then day.
pub fn parse_date_month_first(s: &str) -> Option<NaiveDate> {
    match day_month_parts(s) {
        Some((m, d, y, sep)) => parse_numeric_date(&format!("{d}{sep}{m}{sep}{y}")),
        None => parse_date(s),
    }
}

/// A time given in UTC ("2026-09-30T23:30:00Z", "…+00:00"): the date it was
/// in the UK, an hour ahead in summer time (from 01:00 UTC on the last Sunday
/// of March to 01:00 UTC on the last Sunday of October).
fn utc_date_in_uk(s: &str) -> Option<NaiveDate> {
    let t = s.strip_suffix(['Z', 'z']).or_else(|| s.strip_suffix("+00:00"))?;
    let at =
        ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"].iter().find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())?;
    let last_sunday_at_one = |month: u32| {
        let last = NaiveDate::from_ymd_opt(at.year(), month + 1, 1)?.pred_opt()?;
        let sunday = last - Duration::days(i64::from(last.weekday().num_days_from_sunday()));
        sunday.and_hms_opt(1, 0, 0)
    };
    let summer = (last_sunday_at_one(3)?..last_sunday_at_one(10)?).contains(&at);
    Some(if summer { at + Duration::hours(1) } else { at }.date())
}

fn parse_numeric_date(s: &str) -> Option<NaiveDate> {
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let mut it = s.split(sep);
    let parts = [it.next()?, it.next()?, it.next()?];
    if it.next().is_some() || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit())) {
        return None;
    }
    if parts[0].len() == 4 {
        let (y, m, d) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let (d, m) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
    NaiveDate::from_ymd_opt(year_of(parts[2])?, m, d)
}

fn parse_named_month(s: &str) -> Option<NaiveDate> {
    let cleaned: String = s.chars().map(|c| if c == ',' || c == '-' || c == '/' { ' ' } else { c }).collect();
    let mut tokens: Vec<&str> = cleaned.split_whitespace().collect();
    // A trailing time ("10:30", "9:14 AM": Jira's "01/Jul/26 12:00 AM",
    // Notion's "June 1, 2026 9:14 AM").
    if tokens.len() >= 4 && tokens.last().is_some_and(|t| t.eq_ignore_ascii_case("am") || t.eq_ignore_ascii_case("pm")) {
        tokens.pop();
    }
    if tokens.len() >= 4 && tokens.last().is_some_and(|t| t.contains(':') && t.bytes().all(|b| b.is_ascii_digit() || b == b':')) {
        tokens.pop();
    }
    // A leading weekday name ("Fri", "Friday").
    if tokens.len() == 4 && tokens[0].chars().all(|c| c.is_ascii_alphabetic()) {
        tokens.remove(0);
    }
    if tokens.len() != 3 {
        return None;
    }
    // The month first, as American dates are written ("June 1, 2026"), or
    // the day first ("1st June 2026").
    let (day_token, month) = match month_from_name(tokens[0]) {
        Some(_) if month_from_name(tokens[1]).is_none() => (tokens[1], tokens[0]),
        _ => (tokens[0], tokens[1]),
    };
    let day_token = day_token.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 1st, 2nd
    let d: u32 = day_token.parse().ok()?;
    let m = month_from_name(month)?;
    let y = year_of(tokens[2])?;
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    (date.year() > 1900).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::date;
    use proptest::prelude::*;

    #[test]
    fn a_date_alone_and_a_date_before_words() {
        for t in ["03/09/2026", "3 September 2026", "Thu 3rd Sept 2026", "2026-09-03T00:00:00", "3-Sep-2026", "03/09/2026 14:30"] {
            assert_eq!(date_alone(t), NaiveDate::from_ymd_opt(2026, 9, 3), "{t}");
        }
        for t in ["03/09/2026 spoke to mum", "Yes 03/09/2026", "Seen 3 September 2026", "No"] {
            assert_eq!(date_alone(t), None, "{t}");
        }
    }

    #[test]
    fn task_tools_dates_with_the_month_named_are_read() {
        // Notion's "June 1, 2026 9:14 AM" and Jira's "01/Jul/26 12:00 AM".
        assert_eq!(parse_date("June 1, 2026"), NaiveDate::from_ymd_opt(2026, 6, 1));
        assert_eq!(parse_date("June 29, 2026 4:02 PM"), NaiveDate::from_ymd_opt(2026, 6, 29));
        assert_eq!(parse_date("01/Jul/26 12:00 AM"), NaiveDate::from_ymd_opt(2026, 7, 1));
        assert_eq!(parse_date("29/Jun/26 2:02 PM"), NaiveDate::from_ymd_opt(2026, 6, 29));
        assert_eq!(parse_date("Sept 3rd 2026"), NaiveDate::from_ymd_opt(2026, 9, 3));
        assert_eq!(parse_date("June 41, 2026"), None);
        assert_eq!(parse_date("May June 2026"), None);
    }

    #[test]
    fn a_weekday_before_a_date_is_read_past() {
        assert_eq!(parse_date("Thu 20/08/2026"), NaiveDate::from_ymd_opt(2026, 8, 20));
        assert_eq!(parse_date("Monday, 21 September 2026"), NaiveDate::from_ymd_opt(2026, 9, 21));
        assert_eq!(parse_date("Wed. 07/10/2026"), NaiveDate::from_ymd_opt(2026, 10, 7));
        assert_eq!(parse_date("Wed"), None);
        assert_eq!(parse_date("Wednesday next week"), None);
    }

    #[test]
    fn a_day_and_month_with_no_year() {
        for (t, want) in
            [("Sept 3rd", Some((9, 3))), ("3 September", Some((9, 3))), ("8th Oct", Some((10, 8))), ("Oct 32nd", None), ("Sept", None), ("3 4", None)]
        {
            assert_eq!(day_month_without_year(t), want, "{t}");
        }
    }

    #[test]
    fn month_first_dates() {
        assert_eq!(parse_date_month_first("9/14/2026"), Some(date(2026, 9, 14)));
        assert_eq!(parse_date_month_first("9/14/2026 10:02:11"), Some(date(2026, 9, 14)));
        assert_eq!(parse_date_month_first("09/03/2026"), Some(date(2026, 9, 3)));
        assert_eq!(parse_date_month_first("2026-09-03"), Some(date(2026, 9, 3)), "ISO stays ISO");
        assert_eq!(parse_date_month_first("3 Sep 2026"), Some(date(2026, 9, 3)));
        assert_eq!(parse_date_month_first("14/9/2026"), None);
        assert_eq!(date_order_shown("9/14/2026"), Some(true));
        assert_eq!(date_order_shown("14/9/2026"), Some(false));
        assert_eq!(date_order_shown("9/3/2026"), None);
        assert_eq!(date_order_shown("2026-09-14"), None);
    }

    #[test]
    fn a_written_out_null_is_an_empty_cell() {
        for t in ["NULL", " null ", "(null)", "<NULL>", "-", " - ", "--", "–", "—"] {
            assert_eq!(Cell::text(t), Cell::Empty, "{t:?}");
        }
        assert_eq!(Cell::text("Nullify"), Cell::Text("Nullify".into()));
        assert_eq!(Cell::text("- Update the plan"), Cell::Text("- Update the plan".into()));
    }

    #[test]
    fn every_accepted_form() {
        let want = date(2026, 11, 6);
        for s in [
            "2026-11-06",
            "2026-11-06T09:30:00",
            "2026-11-06 09:30:00",
            "06/11/2026",
            "6/11/2026",
            "6/11/26",
            "06-11-2026",
            "06.11.2026",
            "6 Nov 2026",
            "6 November 2026",
            "06-Nov-2026",
            "6-nov-26",
            "Fri 6 Nov 2026",
            "Friday, 6 November 2026",
            "6th November 2026",
            "06/11/2026 14:30",
            "46332",
        ] {
            assert_eq!(parse_date(s), Some(want), "{s}");
        }
    }

    #[test]
    fn a_time_in_utc_is_dated_as_in_the_uk() {
        // Summer time: 23:30 UTC on 30 September is 00:30 on 1 October in the UK.
        assert_eq!(parse_date("2026-09-30T23:30:00Z"), Some(date(2026, 10, 1)));
        assert_eq!(parse_date("2026-09-30T22:59:59.500Z"), Some(date(2026, 9, 30)));
        assert_eq!(parse_date("2026-09-30 23:30:00+00:00"), Some(date(2026, 10, 1)));
        // Winter: UTC is UK time.
        assert_eq!(parse_date("2026-12-01T23:30:00Z"), Some(date(2026, 12, 1)));
        // Summer time starts at 01:00 UTC on the last Sunday of March (29 March
        // 2026) and ends at 01:00 UTC on the last Sunday of October (25 October).
        assert_eq!(parse_date("2026-03-28T23:30:00Z"), Some(date(2026, 3, 28)));
        assert_eq!(parse_date("2026-03-29T23:30:00Z"), Some(date(2026, 3, 30)));
        assert_eq!(parse_date("2026-10-24T23:30:00Z"), Some(date(2026, 10, 25)));
        assert_eq!(parse_date("2026-10-25T23:30:00Z"), Some(date(2026, 10, 25)));
        // Without a zone, the time is as written.
        assert_eq!(parse_date("2026-09-30T23:30:00"), Some(date(2026, 9, 30)));
    }

    #[test]
    fn day_first_never_month_first() {
        assert_eq!(parse_date("03/04/2026"), Some(date(2026, 4, 3)));
        assert_eq!(parse_date("11/13/2026"), None, "US order is not guessed");
        assert_eq!(parse_date("31/02/2026"), None);
    }

    #[test]
    fn rejects_non_dates() {
        for s in ["", "n/a", "TBC", "Good", "12", "2026", "March 2026", "1/2/3/4", "Maybe 6 2026"] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn excel_serials_1904() {
        assert_eq!(excel_serial_1904(44_742.0), NaiveDate::from_ymd_opt(2026, 7, 1));
        assert_eq!(excel_serial_1904(44_742.0), excel_serial(44_742.0 + 1_462.0), "1,462 days apart");
        assert_eq!(excel_serial_1904(12.0), None);
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_serial(46332.0), Some(date(2026, 11, 6)));
        assert_eq!(excel_serial(46332.75), Some(date(2026, 11, 6)));
        assert_eq!(excel_serial(3.0), None);
        assert_eq!(Cell::Number(45000.0).as_date(), Some(date(2023, 3, 15)));
    }

    #[test]
    fn serials_with_a_decimal_comma_and_lower_case_iso_timestamps() {
        // A European-locale export writes the time after a comma.
        assert_eq!(parse_date("46274,461806"), Some(date(2026, 9, 9)));
        assert_eq!(Cell::text("46274,5").as_date_month_first(), Some(date(2026, 9, 9)));
        // Not a serial: a thousands separator, or text that is not all digits.
        for not_a_date in ["46,274", "1,461806", "46274,", "46274,4a", "462740,5"] {
            assert_eq!(parse_date(not_a_date), None, "{not_a_date}");
        }
        // RFC 3339 allows a lower-case t and z.
        assert_eq!(parse_date("2026-09-11t10:00:00"), Some(date(2026, 9, 11)));
        assert_eq!(parse_date("2026-09-30t23:30:00z"), parse_date("2026-09-30T23:30:00Z"));
        assert_eq!(parse_date("2026-09-30t23:30:00z"), Some(date(2026, 10, 1)));
        assert_eq!(parse_date("t"), None);
    }

    #[test]
    fn dates_written_as_one_number_year_first() {
        assert_eq!(parse_date("20260914"), Some(date(2026, 9, 14)));
        assert_eq!(Cell::Number(20260914.0).as_date(), Some(date(2026, 9, 14)));
        assert_eq!(Cell::text("20260914").as_date(), Some(date(2026, 9, 14)));
        for not_a_date in ["20261314", "20260231", "2026091", "202609140", "12345678", "20260914.5"] {
            assert_eq!(parse_date(not_a_date), None, "{not_a_date}");
        }
        assert_eq!(Cell::Number(20260914.5).as_date(), None);
    }

    proptest! {
        #[test]
        fn round_trips_uk_and_iso_forms(days in 0i64..40_000) {
            let d = date(1960, 1, 1) + Duration::days(days);
            prop_assert_eq!(parse_date(&d.format("%d/%m/%Y").to_string()), Some(d));
            prop_assert_eq!(parse_date(&d.format("%Y-%m-%d").to_string()), Some(d));
            prop_assert_eq!(parse_date(&d.format("%-d %B %Y").to_string()), Some(d));
            prop_assert_eq!(parse_date(&d.format("%d-%b-%Y").to_string()), Some(d));
        }

        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = parse_date(&s);
        }
    }

    #[test]
    fn a_row_of_tick_boxes_reads_as_the_box_ticked() {
        assert_eq!(Cell::text("☐ Yes ☒ No ☐ N/A"), Cell::Text("No".into()));
        assert_eq!(Cell::text("☒ Yes   ☐ No   ☐ Not selected"), Cell::Text("Yes".into()));
        assert_eq!(Cell::text("Outstanding ☐ Good ☑ Requires improvement ☐ Inadequate ☐"), Cell::Text("Good".into()));
        assert_eq!(Cell::text("□ Met ■ Partially met □ Not met"), Cell::Text("Partially met".into()));
        assert_eq!(Cell::text("☐ Yes ☐ No"), Cell::Empty, "nothing ticked: not answered");
        assert_eq!(ticked("☒ Yes ☒ No ☐ N/A"), Some(Ticked::Several));
        assert_eq!(Cell::text("☒ Yes ☒ No ☐ N/A"), Cell::Text("☒ Yes ☒ No ☐ N/A".into()), "undecided: kept, and not read");
        for not_a_row in ["☒", "☐", "☒ ☐", "Seen alone? ☒ Yes ☐ No", "Yes ☑", "✓ done", "☐ to do"] {
            assert_eq!(Cell::text(not_a_row), Cell::Text(not_a_row.into()), "{not_a_row}");
        }
    }

    #[test]
    fn boxes_typed_as_brackets_read_as_the_box_ticked() {
        assert_eq!(Cell::text("[X] Outstanding [ ] Good [ ] Requires Improvement [ ] Inadequate"), Cell::Text("Outstanding".into()));
        assert_eq!(Cell::text("[ ] Completed [x] Not completed"), Cell::Text("Not completed".into()));
        for not_a_row in ["[X]", "See note [1]", "[ ] to do", "Ref [X] and [Y]", "[ ] Chase GP report [ ] Update the chronology", "[] Yes [] No"] {
            assert_eq!(Cell::text(not_a_row), Cell::Text(not_a_row.into()), "{not_a_row}");
        }
    }

    #[test]
    fn a_date_after_a_done_word_but_not_a_count_of_things_done() {
        assert_eq!(done_date("done 24/9"), Some(DoneDate::DayMonth(24, 9)));
        assert_eq!(done_date("Completed - see case note 14/10"), Some(DoneDate::DayMonth(14, 10)));
        assert_eq!(done_date("done 24/9 by SW"), Some(DoneDate::DayMonth(24, 9)));
        assert_eq!(done_date("Signed off 05/10/2026"), NaiveDate::from_ymd_opt(2026, 10, 5).map(DoneDate::Full));
        // (Two of six sessions done, three of four records: counts, not dates.)
        assert_eq!(done_date("done 2/6 sessions"), None);
        assert_eq!(done_date("Y - 14/10/2026"), NaiveDate::from_ymd_opt(2026, 10, 14).map(DoneDate::Full));
        assert_eq!(done_date("Yes - seen at school 14/10/2026"), None);
        assert_eq!(done_date("done 3/4 records"), None);
        assert_eq!(done_date("Completed 14/10 - awaiting TM sign off"), None);
    }
}
