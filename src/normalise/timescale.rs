//! An action's timescale as councils write it where a due date goes: "20
//! working days", "2 weeks", "within 4 weeks of audit", "by 04/08/2026",
//! "end of Sept".

use super::fold::fold;
use crate::ingest::Cell;
use chrono::NaiveDate;

/// How long an action has, counted from when it was set (or, with no set
/// date, its audit's completion).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timescale {
    /// England and Wales working days. "N days" is working days too: the
    /// seeds' action timescales are ("complete remedial actions on cases within
    /// 10 working days", seed 000, which also says "ten days" for the same rule).
    WorkingDays(u32),
    /// Calendar days ("2 weeks" is 14).
    Days(u32),
    Months(u32),
    /// The last day of a month ("end of Sept", "by end of October 2026", "end
    /// of month"): of the year given, else the first such day on or after the
    /// start; no month named is the start's own month.
    MonthEnd {
        month: Option<u32>,
        year: Option<i32>,
    },
    /// A day and month with no year after a word ("by 09/09", "w/c 7/9"):
    /// the such day nearest the start ("w/c 28/09" for an action set on
    /// Wednesday 30/09 is that Monday, not next year's).
    DayMonth {
        day: u32,
        month: u32,
    },
}

/// A date written with a word before it ("by 04/08/2026", "before 1 Oct 2026").
pub fn by_date(cell: &Cell, read: impl Fn(&Cell) -> Option<NaiveDate>) -> Option<NaiveDate> {
    let Cell::Text(t) = cell else { return None };
    after_word(t).and_then(|rest| read(&Cell::text(rest))).or_else(|| {
        // Or after a few words naming when ("Next supervision 08/10/2026",
        // "At review 14/10/2026"): a whole date, with its year, last.
        let (words, last) = t.trim().rsplit_once(' ')?;
        let named = words.split_whitespace().count() <= 4 && words.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-' || c == ':');
        (named && last.matches(['/', '.', '-']).count() == 2).then(|| read(&Cell::text(last))).flatten()
    })
}

/// Words written before a due date: "by", "before", "w/c" (week commencing:
/// the week's first day, as given).
const DUE_WORDS: [&str; 16] = [
    "by ",
    "before ",
    "due ",
    "due by ",
    "on or before ",
    "no later than ",
    "w/c ",
    "w/c: ",
    "w.c. ",
    "wc ",
    "w/b ",
    "week commencing ",
    "week beginning ",
    "w/c:",
    "w/e ",
    "week ending ",
];

/// The text after a word that comes before a due date ("by 04/08/2026" →
/// "04/08/2026"), or none.
fn after_word(t: &str) -> Option<&str> {
    after_one_of(t, &DUE_WORDS)
}

/// The text after the longest of `words` it begins with (in any case), trimmed.
fn after_one_of<'t>(t: &'t str, words: &[&str]) -> Option<&'t str> {
    let t = t.trim();
    let lower = t.to_ascii_lowercase();
    words.iter().filter(|p| lower.starts_with(*p)).max_by_key(|p| p.len()).map(|p| t[p.len()..].trim())
}

/// The text after words naming a week by its first day ("w/c 01/06",
/// "week commencing 1 June 2026" → "01/06", "1 June 2026"), or none.
pub fn week_commencing(t: &str) -> Option<&str> {
    after_one_of(t, &["w/c:", "w/c ", "w.c. ", "wc ", "w/b ", "week commencing ", "week beginning "]).filter(|rest| !rest.is_empty())
}

/// A day and month with no year after such a word ("by 09/09", "w/c 7/9").
fn by_day_month(text: &str) -> Option<Timescale> {
    let (d, m) = after_word(text)?.split_once(['/', '.', '-'])?;
    let (day, month): (u32, u32) = (d.trim().parse().ok()?, m.trim().parse().ok()?);
    // (Any year will do to check the day exists: 2024 has 29 February.)
    NaiveDate::from_ymd_opt(2024, month, day).map(|_| Timescale::DayMonth { day, month })
}

/// [`parse`], and, where a due date goes, a day and month alone ("16/10"),
/// and a month with its year ("October 2026") or after "by" ("by
/// December"): its last day. (Not in [`parse`],
/// which also says whether a column's values are dates: "May 2026" under
/// "Month entered" is a month.)
pub fn parse_due(text: &str) -> Option<Timescale> {
    // (And a day and month alone, "16/10": not in [`parse`] either, or a
    // column of dates written without their year would pass for dates and
    // then read as none: 0 audits, where the KPI is not in the exports.)
    parse(text).or_else(|| day_month(text.trim())).or_else(|| {
        let f = fold(text);
        let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
        // ("Immediately", "Immediate", "Same day": due the day it was set;
        // blind set 206, where seed 001's tracker writes it in the due column.)
        if matches!(words[..], ["immediately"] | ["immediate"] | ["same", "day"]) {
            return Some(Timescale::Days(0));
        }
        let by = matches!(words.first(), Some(&("by" | "before")));
        let bare: Vec<&str> = words.iter().copied().filter(|w| !matches!(*w, "by" | "before")).collect();
        match bare[..] {
            [m] if by && m.len() >= 3 => month_of(m).map(|m| Timescale::MonthEnd { month: Some(m), year: None }),
            [m, y] if m.len() >= 3 => {
                let year = y.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y))?;
                Some(Timescale::MonthEnd { month: Some(month_of(m)?), year: Some(year) })
            }
            _ => None,
        }
    })
}

/// The timescale a text gives ("20 working days", "within 4 weeks of audit",
/// "two weeks", "1 month"), or none ("ASAP", "end of Sept", "TBC").
pub fn parse(text: &str) -> Option<Timescale> {
    if let Some(t) = by_day_month(text) {
        return Some(t);
    }
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    if let Some(t) = month_end(&words).or_else(|| named_day_month(&words)) {
        return Some(t);
    }
    // Words that may come around the timescale.
    let filler = |w: &str| {
        matches!(
            w,
            "within"
                | "in"
                | "of"
                | "from"
                | "after"
                | "the"
                | "audit"
                | "date"
                | "action"
                | "set"
                | "agreed"
                | "being"
                | "max"
                | "maximum"
                | "a"
                | "next"
                | "by"
        )
    };
    let mut n: Option<u32> = None;
    let mut unit: Option<&str> = None;
    let mut working = false;
    for w in &words {
        if let Some(x) = number(w) {
            if n.is_some() {
                return None;
            }
            n = Some(x);
        } else if matches!(*w, "working" | "business" | "wd" | "wds") {
            working = true;
            if matches!(*w, "wd" | "wds") {
                unit = Some("day");
            }
        } else if let Some(u) = unit_of(w) {
            // The number comes first ("Week 2" is no timescale).
            if n.is_none() || (unit.is_some() && !(u == "day" && working)) {
                return None;
            }
            unit = Some(u);
        } else if !filler(w) {
            return None;
        }
    }
    let (n, unit) = (n?, unit?);
    if n == 0 || n > 366 {
        return None;
    }
    Some(match unit {
        "day" => Timescale::WorkingDays(n),
        "week" => Timescale::Days(n * 7),
        // "24 hours", "48 hours": whole days, rounded up.
        "hour" => Timescale::Days(n.div_ceil(24)),
        _ => Timescale::Months(n),
    })
}

/// A day and month alone, with no year ("16/10", "7.9"): the such day nearest
/// the start.
fn day_month(text: &str) -> Option<Timescale> {
    let (d, m) = text.split_once(['/', '.'])?;
    let (day, month): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
    (d.len() <= 2 && m.len() <= 2).then_some(())?;
    NaiveDate::from_ymd_opt(2024, month, day).map(|_| Timescale::DayMonth { day, month })
}

/// A day with its month's name and no year, perhaps after a word and a
/// weekday ("by 30th Oct", "Fri 23rd Oct", "23 October").
fn named_day_month(words: &[&str]) -> Option<Timescale> {
    let rest: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "by" | "before" | "on" | "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun"))
        .collect();
    let [d, m] = rest[..] else { return None };
    let digits = d.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &d[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let (day, month) = (digits.parse::<u32>().ok()?, month_of(m)?);
    NaiveDate::from_ymd_opt(2024, month, day).map(|_| Timescale::DayMonth { day, month })
}

/// A month's number from its name or a short form ("oct", "sept", "october").
fn month_of(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    const FULL: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    (0..12).find(|&i| w == MONTHS[i] || w == FULL[i] || (i == 8 && w == "sept")).map(|i| i as u32 + 1)
}

/// "end of Sept", "by the end of September 2026", "end of month", "end Oct".
fn month_end(words: &[&str]) -> Option<Timescale> {
    let at = words.iter().position(|w| *w == "end")?;
    if !words[..at].iter().all(|w| matches!(*w, "by" | "the" | "at" | "before" | "for")) {
        return None;
    }
    let rest: Vec<&str> = words[at + 1..].iter().copied().filter(|w| !matches!(*w, "of" | "the")).collect();
    match rest[..] {
        ["month"] => Some(Timescale::MonthEnd { month: None, year: None }),
        [m] => Some(Timescale::MonthEnd { month: Some(month_of(m)?), year: None }),
        [m, y] => {
            let year = y.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y))?;
            Some(Timescale::MonthEnd { month: Some(month_of(m)?), year: Some(year) })
        }
        _ => None,
    }
}

fn unit_of(w: &str) -> Option<&'static str> {
    match w {
        "day" | "days" => Some("day"),
        "week" | "weeks" | "wk" | "wks" => Some("week"),
        "month" | "months" => Some("month"),
        "hour" | "hours" | "hrs" => Some("hour"),
        _ => None,
    }
}

fn number(w: &str) -> Option<u32> {
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    const WORDS: [&str; 12] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    WORDS.iter().position(|x| *x == w).map(|i| i as u32 + 1).or(match w {
        "fifteen" => Some(15),
        "twenty" => Some(20),
        "thirty" => Some(30),
        _ => None,
    })
}

/// The due date a timescale gives from `start`.
pub fn due(t: Timescale, start: NaiveDate, add_working_days: impl Fn(NaiveDate, u32) -> NaiveDate) -> Option<NaiveDate> {
    match t {
        Timescale::WorkingDays(n) => Some(add_working_days(start, n)),
        Timescale::Days(n) => start.checked_add_days(chrono::Days::new(u64::from(n))),
        Timescale::Months(n) => start.checked_add_months(chrono::Months::new(n)),
        Timescale::MonthEnd { month, year } => {
            use chrono::Datelike;
            let last_day = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1)?.checked_add_months(chrono::Months::new(1))?.pred_opt();
            let m = month.unwrap_or(start.month());
            let end = last_day(year.unwrap_or(start.year()), m)?;
            match year {
                None if end < start => last_day(start.year() + 1, m),
                _ => Some(end),
            }
        }
        Timescale::DayMonth { day, month } => {
            use chrono::Datelike;
            [start.year() - 1, start.year(), start.year() + 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .min_by_key(|x| (*x - start).num_days().abs())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timescales_as_written() {
        for (t, want) in [
            ("20 working days", Some(Timescale::WorkingDays(20))),
            ("within 10 working days", Some(Timescale::WorkingDays(10))),
            ("10 days", Some(Timescale::WorkingDays(10))),
            ("Ten days", Some(Timescale::WorkingDays(10))),
            ("10 WD", Some(Timescale::WorkingDays(10))),
            ("2 weeks", Some(Timescale::Days(14))),
            ("within 4 weeks of audit", Some(Timescale::Days(28))),
            ("Within four weeks of the audit date", Some(Timescale::Days(28))),
            ("1 month", Some(Timescale::Months(1))),
            ("3 months from audit", Some(Timescale::Months(3))),
            ("48 hours", Some(Timescale::Days(2))),
            ("within 24 hours", Some(Timescale::Days(1))),
            ("end of Sept", Some(Timescale::MonthEnd { month: Some(9), year: None })),
            ("By the end of September 2026", Some(Timescale::MonthEnd { month: Some(9), year: Some(2026) })),
            ("end Oct", Some(Timescale::MonthEnd { month: Some(10), year: None })),
            ("end of month", Some(Timescale::MonthEnd { month: None, year: None })),
        ] {
            assert_eq!(parse(t), want, "{t}");
        }
        for t in [
            "ASAP",
            "TBC",
            "end of play",
            "end of Sept or Oct",
            "weekend",
            "the end",
            "mid Sept",
            "next supervision",
            "by 04/08/2026",
            "2 weeks or 10 days",
            "0 days",
            "",
            "Ongoing",
            "Week 2",
            "2 weeks - see plan notes",
        ] {
            assert_eq!(parse(t), None, "{t}");
        }
    }

    #[test]
    fn a_date_after_by() {
        let read = |c: &Cell| c.as_date();
        assert_eq!(by_date(&Cell::text("by 04/08/2026"), read), NaiveDate::from_ymd_opt(2026, 8, 4));
        assert_eq!(by_date(&Cell::text("Before 1 October 2026"), read), NaiveDate::from_ymd_opt(2026, 10, 1));
        assert_eq!(by_date(&Cell::text("04/08/2026"), read), None, "a plain date is read as a date");
        assert_eq!(by_date(&Cell::text("by next supervision"), read), None);
        assert_eq!(by_date(&Cell::text("w/c 07/09/2026"), read), NaiveDate::from_ymd_opt(2026, 9, 7));
        assert_eq!(by_date(&Cell::text("Week commencing 14/09/2026"), read), NaiveDate::from_ymd_opt(2026, 9, 14));
        let set = NaiveDate::from_ymd_opt(2026, 8, 28).unwrap();
        let due_of = |t: &str| parse_due(t).and_then(|ts| due(ts, set, |d, _| d));
        assert_eq!(due_of("by 09/09"), NaiveDate::from_ymd_opt(2026, 9, 9));
        assert_eq!(due_of("w/c 7/9"), NaiveDate::from_ymd_opt(2026, 9, 7));
        assert_eq!(week_commencing("w/c 01/06"), Some("01/06"));
        assert_eq!(week_commencing("Week commencing 1 June 2026"), Some("1 June 2026"));
        assert_eq!(week_commencing("by 01/06"), None, "a due date's word, not a week's");
        assert_eq!(week_commencing("w/c"), None);
        assert_eq!(due_of("by 09/01"), NaiveDate::from_ymd_opt(2027, 1, 9), "the nearest to when it was set");
        assert_eq!(due_of("w/c 24/08"), NaiveDate::from_ymd_opt(2026, 8, 24), "the same week, days before it was set");
        assert_eq!(parse("by 31/02"), None);
        // A day and month alone too, in a due-date column ("16/10": blind set 94).
        assert_eq!(due_of("16/10"), NaiveDate::from_ymd_opt(2026, 10, 16));
        assert_eq!(due_of("by 30th Oct"), NaiveDate::from_ymd_opt(2026, 10, 30));
        assert_eq!(due_of("Fri 23rd Oct"), NaiveDate::from_ymd_opt(2026, 10, 23));
        assert_eq!(due_of("October 2026"), NaiveDate::from_ymd_opt(2026, 10, 31));
        assert_eq!(due_of("by December"), NaiveDate::from_ymd_opt(2026, 12, 31));
        assert_eq!(parse_due("September"), None, "a month's name alone is a month");
        // ("Immediately" in the due column: the day it was set; blind set 206.)
        assert_eq!(due_of("Immediately"), Some(set));
        assert_eq!(due_of("Same day"), Some(set));
        assert_eq!(parse_due("ASAP"), None, "as soon as possible names no day");
        assert_eq!(parse("May 2026"), None, "a month, as a column's value");
        assert_eq!(parse("16/10"), None, "a column of days without their year is no column of dates");
        assert_eq!(parse("16/10/2026"), None, "a whole date is read as a date");
        assert_eq!(parse("32nd Oct"), None);
        assert_eq!(by_date(&Cell::text("Next supervision 08/10/2026"), read), NaiveDate::from_ymd_opt(2026, 10, 8));
        assert_eq!(by_date(&Cell::text("Chased 02/10 - completed 19/10/2026 after a long delay"), read), None);
    }

    #[test]
    fn due_dates_from_a_start() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        let wd = |d: NaiveDate, n: u32| d + chrono::Days::new(u64::from(n) + 100);
        assert_eq!(due(Timescale::Days(14), start, wd), NaiveDate::from_ymd_opt(2026, 2, 14));
        assert_eq!(due(Timescale::Months(1), start, wd), NaiveDate::from_ymd_opt(2026, 2, 28));
        assert_eq!(due(Timescale::WorkingDays(10), start, wd), start.checked_add_days(chrono::Days::new(110)));
        let end = |month, year| Timescale::MonthEnd { month, year };
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let sept10 = day(2026, 9, 10).unwrap();
        assert_eq!(due(end(Some(9), None), sept10, wd), day(2026, 9, 30));
        assert_eq!(due(end(Some(2), None), sept10, wd), day(2027, 2, 28), "the next February's end");
        assert_eq!(due(end(Some(8), Some(2026)), sept10, wd), day(2026, 8, 31), "a year given is kept");
        assert_eq!(due(end(None, None), sept10, wd), day(2026, 9, 30));
        assert_eq!(due(end(Some(2), None), day(2027, 12, 1).unwrap(), wd), day(2028, 2, 29), "a leap year");
    }
}
