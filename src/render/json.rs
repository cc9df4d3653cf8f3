//! `metrics.json`: the machine-readable truth behind every number in the packs.
//! Under `--suppress` the metrics arrive already suppressed
//! (`analyse::suppress`): hidden figures serialise as `null`, beside
//! `"suppressed": true`, with the top-level `suppression` object.

use crate::analyse::Metrics;

/// Pretty JSON with a trailing newline; the same metrics give the same bytes.
pub fn metrics_json(m: &Metrics) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(m).expect("metrics serialise");
    bytes.push(b'\n');
    bytes
}
