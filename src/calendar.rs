//! England-and-Wales working days: Monday to Friday, not a bank holiday.
//!
//! The bank holidays are a fact table (`src/data/bank-holidays-england-and-wales.csv`,
//! from the published GOV.UK list, 2015–2030) embedded in the binary. Later years or
//! local closure days are added with [`Calendar::add_holidays_csv`].

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::BTreeSet;

const EMBEDDED: &str = include_str!("data/bank-holidays-england-and-wales.csv");

/// A working-day calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    holidays: BTreeSet<NaiveDate>,
    /// Working days up to and including each day from `base`, for O(1) counting
    /// over millions of case notes.
    base: NaiveDate,
    cumulative: Vec<u32>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self::england_and_wales()
    }
}

impl Calendar {
    /// The embedded England-and-Wales calendar.
    pub fn england_and_wales() -> Self {
        let mut cal = Calendar { holidays: BTreeSet::new(), base: date(2000, 1, 1), cumulative: Vec::new() };
        cal.add_holidays_csv(EMBEDDED).expect("embedded bank-holiday table is valid");
        cal
    }

    /// Adds holidays from CSV text with a `date` column (ISO `yyyy-mm-dd`); other
    /// columns are ignored. Returns how many dates were added.
    ///
    /// # Errors
    /// A line whose first field is not an ISO date (other than the header).
    pub fn add_holidays_csv(&mut self, text: &str) -> Result<usize, String> {
        let mut added = 0;
        for (i, line) in text.lines().enumerate() {
            let first = line.split(',').next().unwrap_or("").trim().trim_start_matches('\u{feff}');
            if first.is_empty() || (i == 0 && first.eq_ignore_ascii_case("date")) {
                continue;
            }
            let d = NaiveDate::parse_from_str(first, "%Y-%m-%d").map_err(|_| format!("line {}: '{first}' is not a date in yyyy-mm-dd form", i + 1))?;
            if self.holidays.insert(d) {
                added += 1;
            }
        }
        self.rebuild();
        Ok(added)
    }

    /// Adds single closure days.
    pub fn add_holidays(&mut self, days: impl IntoIterator<Item = NaiveDate>) {
        self.holidays.extend(days);
        self.rebuild();
    }

    /// The last year the calendar has any holiday for.
    pub fn last_year(&self) -> Option<i32> {
        self.holidays.iter().next_back().map(|d| d.year())
    }

    /// The first year the calendar has any holiday for.
    pub fn first_year(&self) -> Option<i32> {
        self.holidays.iter().next().map(|d| d.year())
    }

    /// Whether working days can be counted in every year from `from` to `to`:
    /// the bank-holiday list covers them. Outside the list, holidays would be
    /// silently counted as working days.
    ///
    /// # Errors
    /// A message naming the first year the list does not cover and how to extend it.
    pub fn covers(&self, from: NaiveDate, to: NaiveDate) -> Result<(), String> {
        let (Some(first), Some(last)) = (self.first_year(), self.last_year()) else {
            return Err("the bank-holiday list is empty".into());
        };
        let extend = "add that year's bank holidays with [calendar] extra_holidays or holidays_file in the config";
        if to.year() > last {
            return Err(format!(
                "working days are needed up to {to}, but the bank-holiday list ends in {last}: {extend} (working days would otherwise be miscounted)"
            ));
        }
        if from.year() < first {
            return Err(format!(
                "working days are needed from {from}, but the bank-holiday list starts in {first}: {extend} (working days would otherwise be miscounted)"
            ));
        }
        Ok(())
    }

    fn rebuild(&mut self) {
        let end = date(2040, 12, 31);
        let days = (end - self.base).num_days() as usize + 1;
        let mut cumulative = Vec::with_capacity(days);
        let mut n = 0u32;
        let mut d = self.base;
        for _ in 0..days {
            if self.is_working_day_slow(d) {
                n += 1;
            }
            cumulative.push(n);
            d += Duration::days(1);
        }
        self.cumulative = cumulative;
    }

    fn is_working_day_slow(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&d)
    }

    fn index(&self, d: NaiveDate) -> Option<usize> {
        let i = (d - self.base).num_days();
        (i >= 0 && (i as usize) < self.cumulative.len()).then_some(i as usize)
    }

    /// Whether `d` is a working day.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.is_working_day_slow(d)
    }

    /// The date `n` working days after `d`; `d` itself is not counted, so 10 working
    /// days after Friday 2026-11-06 is Friday 2026-11-20. `n = 0` gives `d`.
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> NaiveDate {
        let mut left = n;
        let mut cur = d;
        while left > 0 {
            cur += Duration::days(1);
            if self.is_working_day(cur) {
                left -= 1;
            }
        }
        cur
    }

    /// Working days after `a` up to and including `b` (negative when `b` is before `a`).
    /// So `working_days_between(d, add_working_days(d, n)) == n`.
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if let (Some(ia), Some(ib)) = (self.index(a), self.index(b)) {
            return self.cumulative[ib] as i64 - self.cumulative[ia] as i64;
        }
        let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
        let mut n = 0i64;
        let mut cur = lo;
        while cur < hi {
            cur += Duration::days(1);
            if self.is_working_day(cur) {
                n += 1;
            }
        }
        sign * n
    }
}

/// "Today": the date of `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when it is
/// set, else the system's local date. Reproducible runs and tests set it.
pub fn today() -> NaiveDate {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .map(|t| t.date_naive())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// A date before 2000 is implausible for anything in these exports.
pub const EARLIEST_PLAUSIBLE: (i32, u32, u32) = (2000, 1, 1);

/// [`EARLIEST_PLAUSIBLE`] as a date, made once (every case note is asked).
const EARLIEST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(EARLIEST_PLAUSIBLE.0, EARLIEST_PLAUSIBLE.1, EARLIEST_PLAUSIBLE.2) {
    Some(d) => d,
    None => panic!("the earliest plausible date is a date"),
};

/// Whether a date of something that has happened (a completion, a sign-off, a
/// note's event) is plausible: from 2000, and not after today.
pub fn plausible_event(d: NaiveDate, today: NaiveDate) -> bool {
    d >= EARLIEST_DAY && d <= today
}

/// Whether a due or target date is plausible: from 2000, and at most a year after today.
pub fn plausible_due(d: NaiveDate, today: NaiveDate) -> bool {
    d >= EARLIEST_DAY && d <= add_months(today, 12)
}

/// `y-m-d`, for literals known to be valid.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid literal date")
}

/// The same day number `months` calendar months later, clamped to the month end
/// (2026-12-31 + 2 months = 2027-02-28).
pub fn add_months(d: NaiveDate, months: i32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + months;
    let (y, m0) = (total.div_euclid(12), total.rem_euclid(12) as u32);
    let mut day = d.day();
    loop {
        if let Some(r) = NaiveDate::from_ymd_opt(y, m0 + 1, day) {
            return r;
        }
        day -= 1;
    }
}

/// The last day of `d`'s month.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    add_months(first_of_month(d), 1) - Duration::days(1)
}

/// The first day of `d`'s month.
pub fn first_of_month(d: NaiveDate) -> NaiveDate {
    date(d.year(), d.month(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_working_days_after_friday() {
        let cal = Calendar::default();
        assert_eq!(cal.add_working_days(date(2026, 11, 6), 10), date(2026, 11, 20));
        assert_eq!(cal.working_days_between(date(2026, 11, 6), date(2026, 11, 20)), 10);
    }

    #[test]
    fn bank_holidays_and_one_off_days_are_not_working_days() {
        let cal = Calendar::default();
        for d in [date(2022, 9, 19), date(2023, 5, 8), date(2020, 5, 8), date(2027, 12, 27), date(2027, 12, 28)] {
            assert!(!cal.is_working_day(d), "{d}");
        }
        assert!(cal.is_working_day(date(2020, 5, 4)), "2020 May Day moved to the 8th");
        assert!(!cal.is_working_day(date(2026, 11, 28)), "Saturday");
    }

    #[test]
    fn christmas_with_substitute_days() {
        let cal = Calendar::default();
        // Thu 2026-12-24; 25 Fri and 28 Mon (Boxing Day substitute) are holidays.
        assert_eq!(cal.add_working_days(date(2026, 12, 24), 1), date(2026, 12, 29));
        // Easter 2027: Good Friday 26 March, Easter Monday 29 March.
        assert_eq!(cal.add_working_days(date(2027, 3, 25), 1), date(2027, 3, 30));
        assert_eq!(cal.working_days_between(date(2027, 3, 25), date(2027, 3, 30)), 1);
    }

    #[test]
    fn counts_beyond_the_fast_table_agree() {
        let cal = Calendar::default();
        let a = date(1999, 12, 20);
        let b = date(2000, 1, 10);
        assert_eq!(cal.working_days_between(a, b), 15, "Christmas 1999 is not in the table");
        assert_eq!(cal.working_days_between(b, a), -15);
    }

    #[test]
    fn extension_file_adds_closures() {
        let mut cal = Calendar::default();
        let added = cal.add_holidays_csv("date,title\n2031-01-01,New Year\n2026-12-31,Local closure\n").unwrap();
        assert_eq!(added, 2);
        assert!(!cal.is_working_day(date(2026, 12, 31)));
        assert_eq!(cal.last_year(), Some(2031));
        assert!(cal.add_holidays_csv("date\n31/12/2031\n").is_err());
    }

    #[test]
    fn the_list_covers_only_its_years() {
        let mut cal = Calendar::default();
        let last = cal.last_year().unwrap();
        assert!(cal.covers(date(2026, 9, 1), date(2026, 10, 31)).is_ok());
        let e = cal.covers(date(last + 1, 1, 1), date(last + 1, 2, 28)).unwrap_err();
        assert!(e.contains(&format!("ends in {last}")) && e.contains("config"), "{e}");
        assert!(cal.covers(date(2010, 1, 1), date(2010, 2, 28)).unwrap_err().contains("starts in"));
        cal.add_holidays([date(last + 1, 1, 1)]);
        assert!(cal.covers(date(last + 1, 1, 1), date(last + 1, 2, 28)).is_ok(), "extended in the config");
    }

    #[test]
    fn plausible_dates() {
        let today = date(2026, 11, 28);
        assert!(plausible_event(date(2026, 11, 28), today));
        assert!(!plausible_event(date(2026, 11, 29), today));
        assert!(!plausible_event(date(1906, 5, 1), today));
        assert!(plausible_event(date(2000, 1, 1), today) && plausible_due(date(2000, 1, 1), today), "the floor is plausible");
        assert!(!plausible_event(date(1999, 12, 31), today) && !plausible_due(date(1999, 12, 31), today), "the day before is not");
        assert!(plausible_due(date(2027, 11, 28), today));
        assert!(!plausible_due(date(2062, 1, 1), today));
    }

    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(add_months(date(2026, 12, 31), 2), date(2027, 2, 28));
        assert_eq!(add_months(date(2027, 12, 31), 2), date(2028, 2, 29));
        assert_eq!(add_months(date(2026, 1, 15), -2), date(2025, 11, 15));
        assert_eq!(month_end(date(2026, 2, 3)), date(2026, 2, 28));
    }
}
