//! Reporting periods: bi-monthly by default, or a custom range.

use crate::calendar::{add_months, first_of_month, month_end};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

impl Period {
    /// The two calendar months starting with `month` (any day of it).
    pub fn bimonthly_starting(month: NaiveDate) -> Period {
        let from = first_of_month(month);
        Period { from, to: month_end(add_months(from, 1)) }
    }

    /// The bi-monthly period that ends with `month`.
    pub fn bimonthly_ending(month: NaiveDate) -> Period {
        Period::bimonthly_starting(add_months(first_of_month(month), -1))
    }

    /// The period as far as `as_of`: its events after that day have not
    /// happened as at it.
    pub fn until(&self, as_of: NaiveDate) -> Period {
        Period { from: self.from, to: self.to.min(as_of) }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// Whether this is exactly two whole calendar months.
    pub fn is_bimonthly(&self) -> bool {
        self.from.day() == 1 && self.to == month_end(add_months(self.from, 1))
    }

    /// The period of the same shape just before this one.
    pub fn previous(&self) -> Period {
        if self.is_bimonthly() {
            Period::bimonthly_starting(add_months(self.from, -2))
        } else {
            let len = self.days();
            Period { from: self.from - chrono::Duration::days(len), to: self.from - chrono::Duration::days(1) }
        }
    }

    /// "September–October 2026", or "3 Sep 2026 – 17 Oct 2026" for a custom range.
    pub fn label(&self) -> String {
        if self.is_bimonthly() {
            let a = MONTHS[self.from.month0() as usize];
            let b = MONTHS[self.to.month0() as usize];
            if self.from.year() == self.to.year() {
                format!("{a}–{b} {}", self.to.year())
            } else {
                format!("{a} {}–{b} {}", self.from.year(), self.to.year())
            }
        } else {
            format!("{} – {}", self.from.format("%-d %b %Y"), self.to.format("%-d %b %Y"))
        }
    }

    /// A short key for tables and charts: "2026-09/10".
    pub fn key(&self) -> String {
        if self.is_bimonthly() {
            format!("{}/{:02}", self.from.format("%Y-%m"), self.to.month())
        } else {
            format!("{}..{}", self.from, self.to)
        }
    }
}

/// The period of the fixed bi-monthly grid that contains `d`. The grid's periods
/// start in `first_month` (1–12; 1 gives January–February, March–April, …) and
/// every second month after it, whatever period is reported.
pub fn grid_period(d: NaiveDate, first_month: u32) -> Period {
    let first0 = (first_month.clamp(1, 12) - 1) as i32;
    let offset = (d.month0() as i32 - first0).rem_euclid(2);
    Period::bimonthly_starting(add_months(first_of_month(d), -offset))
}

/// The trend grid: bi-monthly periods ending with `last`'s last month, going
/// back to cover `earliest`, oldest first.
pub fn grid(last: &Period, earliest: NaiveDate) -> Vec<Period> {
    let mut p = Period::bimonthly_ending(last.to);
    let mut out = vec![p];
    while p.from > earliest && out.len() < 120 {
        p = p.previous();
        out.push(p);
    }
    out.reverse();
    out
}

/// Parses "2026-09" as the bi-monthly period starting in that month.
pub fn parse_month(s: &str) -> Option<Period> {
    let (y, m) = s.trim().split_once('-')?;
    let d = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)?;
    Some(Period::bimonthly_starting(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::date;

    #[test]
    fn bimonthly_periods() {
        let p = parse_month("2026-09").unwrap();
        assert_eq!((p.from, p.to), (date(2026, 9, 1), date(2026, 10, 31)));
        assert_eq!(p.label(), "September–October 2026");
        assert_eq!(p.previous(), Period { from: date(2026, 7, 1), to: date(2026, 8, 31) });
        let q = Period::bimonthly_ending(date(2027, 1, 15));
        assert_eq!((q.from, q.to), (date(2026, 12, 1), date(2027, 1, 31)));
        assert_eq!(q.label(), "December 2026–January 2027");
        assert!(parse_month("2026-13").is_none());
    }

    #[test]
    fn custom_periods_step_back_by_their_length() {
        let p = Period { from: date(2026, 9, 10), to: date(2026, 9, 19) };
        assert_eq!(p.previous(), Period { from: date(2026, 8, 31), to: date(2026, 9, 9) });
    }

    #[test]
    fn the_fixed_grid_does_not_move() {
        let p = grid_period(date(2026, 10, 15), 1);
        assert_eq!((p.from, p.to), (date(2026, 9, 1), date(2026, 10, 31)));
        assert_eq!(grid_period(date(2026, 9, 1), 1), p);
        let q = grid_period(date(2026, 10, 15), 2);
        assert_eq!((q.from, q.to), (date(2026, 10, 1), date(2026, 11, 30)), "grid starting in February");
        let r = grid_period(date(2027, 1, 3), 12);
        assert_eq!((r.from, r.to), (date(2026, 12, 1), date(2027, 1, 31)), "across the year end");
    }

    #[test]
    fn grid_covers_history_oldest_first() {
        let last = parse_month("2026-09").unwrap();
        let g = grid(&last, date(2026, 2, 14));
        assert_eq!(g.first().unwrap().from, date(2026, 1, 1));
        assert_eq!(*g.last().unwrap(), last);
        assert_eq!(g.len(), 5);
    }
}
