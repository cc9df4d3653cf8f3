//! `metrics.json`: the machine-readable truth behind every number in the packs.

use crate::analyse::Metrics;

/// Pretty JSON with a trailing newline; the same metrics give the same bytes.
pub fn metrics_json(m: &Metrics) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(m).expect("metrics serialise");
    bytes.push(b'\n');
    bytes
}
