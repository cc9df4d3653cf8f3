//! A figure as the outputs show it: the number, or hidden by `--suppress`.
//! Analysis fills in numbers; only [`super::suppress`] hides them, and a hidden
//! figure no longer holds its number, so no renderer can show it.

use serde::{Serialize, Serializer};
use std::ops::{Add, AddAssign};

/// `Shown(None)` is hidden: `null` in `metrics.json`, `c` in the packs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shown<T>(Option<T>);

/// A count of audits, actions, notes or children.
pub type Count = Shown<u64>;
/// A proportion (0–1), a change or another derived number; `None` inside when
/// there is nothing to divide by.
pub type Rate = Shown<Option<f64>>;

impl<T> Shown<T> {
    pub const HIDDEN: Shown<T> = Shown(None);

    pub fn is_hidden(&self) -> bool {
        self.0.is_none()
    }

    /// The figure, `None` when hidden.
    pub fn get(&self) -> Option<&T> {
        self.0.as_ref()
    }

    pub fn hide(&mut self) {
        self.0 = None;
    }
}

impl Count {
    /// The number, `None` when hidden.
    pub fn n(self) -> Option<u64> {
        self.0
    }

    /// Zero, and shown (a hidden figure is never zero).
    pub fn is_zero(self) -> bool {
        self.0 == Some(0)
    }
}

impl Rate {
    /// The number: `None` when there is nothing to divide by or it is hidden.
    pub fn value(self) -> Option<f64> {
        self.0.flatten()
    }
}

impl Default for Count {
    fn default() -> Count {
        Shown(Some(0))
    }
}

impl Default for Rate {
    fn default() -> Rate {
        Shown(Some(None))
    }
}

impl From<u64> for Count {
    fn from(n: u64) -> Count {
        Shown(Some(n))
    }
}

impl From<Option<f64>> for Rate {
    fn from(v: Option<f64>) -> Rate {
        Shown(Some(v))
    }
}

impl AddAssign<u64> for Count {
    fn add_assign(&mut self, n: u64) {
        if let Some(x) = &mut self.0 {
            *x += n;
        }
    }
}

/// A sum is hidden when any of its parts is.
impl Add for Count {
    type Output = Count;
    fn add(self, o: Count) -> Count {
        Shown(self.0.zip(o.0).map(|(a, b)| a + b))
    }
}

impl std::iter::Sum for Count {
    fn sum<I: Iterator<Item = Count>>(iter: I) -> Count {
        iter.fold(Count::default(), |a, b| a + b)
    }
}

impl PartialEq<u64> for Count {
    fn eq(&self, n: &u64) -> bool {
        self.0 == Some(*n)
    }
}

/// The number, or `c` when hidden.
impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self.0 {
            Some(n) => write!(f, "{n}"),
            None => f.write_str("c"),
        }
    }
}

/// Exactly as the bare number would serialise; `null` when hidden.
impl<T: Serialize> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(v) => v.serialize(s),
            None => s.serialize_none(),
        }
    }
}

/// For `#[serde(skip_serializing_if)]`: a `suppressed` flag appears only when set.
pub fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_the_bare_number_or_null() {
        let c = Count::from(7);
        assert_eq!(serde_json::to_string(&c).unwrap(), serde_json::to_string(&7u64).unwrap());
        assert_eq!(serde_json::to_string(&Rate::from(Some(0.25))).unwrap(), "0.25");
        assert_eq!(serde_json::to_string(&Rate::from(None)).unwrap(), "null");
        assert_eq!(serde_json::to_string(&Count::HIDDEN).unwrap(), "null");
        assert_eq!(Count::from(2) + Count::HIDDEN, Count::HIDDEN, "a sum with a hidden part is hidden");
        let mut n = Count::default();
        n += 3;
        assert_eq!(n, 3);
        assert!(!Count::HIDDEN.is_zero());
    }
}
