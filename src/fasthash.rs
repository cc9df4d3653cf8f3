//! Fast hashing for the per-row hot path (millions of case notes): an Fx-style
//! hasher for string-keyed maps, and the exact-duplicate index keyed by a
//! whole-row hash. Not for untrusted keys where hash flooding matters; these
//! maps only slow down on collisions.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Up to eight bytes as one little-endian word, zero padded: the word
/// `u64::from_le_bytes` makes of them copied into eight zeroed bytes, made
/// from two overlapping loads instead (a copy into a buffer, read back whole,
/// made the processor wait for the copy: a tenth of the case-note reader's
/// time went to reading such words back).
#[inline]
pub fn short_word(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 8);
    match n {
        8 => u64::from_le_bytes(b.try_into().expect("8 bytes")),
        4..=7 => {
            let lo = u64::from(u32::from_le_bytes(b[..4].try_into().expect("4 bytes")));
            let hi = u64::from(u32::from_le_bytes(b[n - 4..].try_into().expect("4 bytes")));
            lo | (hi << (8 * (n - 4)))
        }
        1..=3 => u64::from(b[0]) | (u64::from(b[n / 2]) << (8 * (n / 2))) | (u64::from(b[n - 1]) << (8 * (n - 1))),
        _ => 0,
    }
}

/// Fx-style hasher: rotate, xor, multiply, eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(short_word(rest) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // MurmurHash3's finaliser, so that every input bit reaches every output bit.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

/// Where a row was first seen: (interned file, row).
pub type Place = (u32, u32);

/// The exact-duplicate index: a row's hash → where that row was first seen.
///
/// Millions of case notes each look up and add one key, at places in a table
/// too big for the CPU's caches, so each lookup would wait for memory. This
/// table lets a reader [`touch`](SeenRows::touch) the places of the next few
/// keys first: the loads are independent, so the CPU fetches them all at
/// once, and the lookups after find them in cache. Open addressing with linear
/// probing; keys and places in two arrays, so a probe reads eight keys a line.
#[derive(Default, Clone, Debug)]
pub struct SeenRows {
    /// 0 is an empty slot (the key 0 is kept in `zero`).
    keys: Vec<u64>,
    places: Vec<Place>,
    len: usize,
    zero: Option<Place>,
}

impl SeenRows {
    /// The home slot of a key: its high bits after a multiply, so keys that
    /// differ only in high bits spread too.
    #[inline]
    fn home(&self, key: u64) -> usize {
        let bits = self.keys.len().trailing_zeros();
        (key.wrapping_mul(K) >> (64 - bits)) as usize
    }

    /// Keys held.
    pub fn len(&self) -> usize {
        self.len + usize::from(self.zero.is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where `key` was first seen, if it was.
    pub fn get(&self, key: u64) -> Option<Place> {
        if key == 0 {
            return self.zero;
        }
        if self.keys.is_empty() {
            return None;
        }
        let mask = self.keys.len() - 1;
        let mut i = self.home(key);
        loop {
            match self.keys[i] {
                0 => return None,
                k if k == key => return Some(self.places[i]),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Where `key` was first seen; if it was not, `place` is kept for it and
    /// `None` returned.
    pub fn first_or_insert(&mut self, key: u64, place: Place) -> Option<Place> {
        if key == 0 {
            return match self.zero {
                Some(p) => Some(p),
                None => {
                    self.zero = Some(place);
                    None
                }
            };
        }
        self.reserve(1);
        let mask = self.keys.len() - 1;
        let mut i = self.home(key);
        loop {
            match self.keys[i] {
                0 => {
                    self.keys[i] = key;
                    self.places[i] = place;
                    self.len += 1;
                    return None;
                }
                k if k == key => return Some(self.places[i]),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Room for `additional` more keys without growing (at most three quarters full).
    pub fn reserve(&mut self, additional: usize) {
        let want = self.len + additional;
        if want * 4 <= self.keys.len() * 3 {
            return;
        }
        let slots = (want * 4).div_ceil(3).next_power_of_two().max(16);
        let old_keys = std::mem::replace(&mut self.keys, vec![0; slots]);
        let old_places = std::mem::replace(&mut self.places, vec![(0, 0); slots]);
        let mask = slots - 1;
        for (k, p) in old_keys.into_iter().zip(old_places).filter(|(k, _)| *k != 0) {
            let mut i = self.home(k);
            while self.keys[i] != 0 {
                i = (i + 1) & mask;
            }
            self.keys[i] = k;
            self.places[i] = p;
        }
    }

    /// Reads the home slot of each key, so that lookups of these keys that
    /// follow find them in cache (the loads do not wait on one another).
    pub fn touch(&self, keys: impl Iterator<Item = u64>) {
        if self.keys.is_empty() {
            return;
        }
        let mut acc = 0u64;
        for key in keys {
            let i = self.home(key);
            acc ^= self.keys[i] ^ u64::from(self.places[i].0);
        }
        std::hint::black_box(acc);
    }
}

#[cfg(test)]
mod tests {
    /// The word of up to eight bytes is the one a zero-padded copy makes.
    #[test]
    fn short_words_are_the_padded_copys_word() {
        let bytes: Vec<u8> = (0u8..=16).map(|i| i.wrapping_mul(37).wrapping_add(201)).collect();
        for from in 0..8 {
            for n in 0..=8 {
                let b = &bytes[from..from + n];
                let mut buf = [0u8; 8];
                buf[..n].copy_from_slice(b);
                assert_eq!(super::short_word(b), u64::from_le_bytes(buf), "{b:?}");
            }
        }
    }

    use super::*;
    use std::hash::Hash;

    fn h(parts: &[&str]) -> u64 {
        let mut x = FxHasher::default();
        for p in parts {
            p.hash(&mut x);
        }
        x.finish()
    }

    #[test]
    fn field_boundaries_matter() {
        assert_ne!(h(&["ab", "c"]), h(&["a", "bc"]));
        assert_ne!(h(&["C100001", "CP Visit"]), h(&["C100001", "CP Visits"]));
        assert_eq!(h(&["x", "y"]), h(&["x", "y"]));
    }

    #[test]
    fn seen_rows_agrees_with_a_hash_map() {
        // Keys drawn from a small range collide and probe; 0 and u64::MAX are edges.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut seen = SeenRows::default();
        let mut map = std::collections::HashMap::new();
        for i in 0..200_000u32 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let key = match i % 7 {
                0 => 0,
                1 => u64::MAX,
                2 => x % 5_000,
                3 => (x % 64) << 58,
                _ => x,
            };
            if i % 3 == 0 {
                seen.touch([key, x].into_iter());
            }
            let place = (i % 11, i);
            let expected = map.get(&key).copied();
            assert_eq!(seen.get(key), expected, "{i}");
            assert_eq!(seen.first_or_insert(key, place), expected, "{i}");
            map.entry(key).or_insert(place);
            assert_eq!(seen.len(), map.len());
        }
        seen.reserve(1_000_000);
        for (k, p) in &map {
            assert_eq!(seen.get(*k), Some(*p));
        }
        assert_eq!(SeenRows::default().get(7), None);
    }

    #[test]
    fn no_collisions_over_a_million_near_identical_rows() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..1_000_000u32 {
            assert!(seen.insert(h(&[&format!("C{i:06}"), "CP Visit", "01/10/2026", "Yes"])), "{i}");
        }
    }
}
