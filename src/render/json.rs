//! `metrics.json`: the machine-readable truth behind every number in the packs.

use crate::analyse::Metrics;
use serde_json::{json, Map, Value};

/// Pretty JSON with a trailing newline; the same metrics give the same bytes.
pub fn metrics_json(m: &Metrics) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(m).expect("metrics serialise");
    bytes.push(b'\n');
    bytes
}

/// `metrics.json` under `--suppress N`: KPI figures (overall, by team, previous
/// period, trends) built on fewer than N cases, and grade-band counts below N,
/// become `null` with `"suppressed": true` beside them; a top-level
/// `suppression` object says so. Types stay as the contract has them.
pub fn metrics_json_suppressed(m: &Metrics, threshold: u64) -> Vec<u8> {
    let mut v = serde_json::to_value(m).expect("metrics serialise");
    if let Some(kpis) = v.get_mut("kpis").and_then(Value::as_array_mut) {
        for k in kpis {
            suppress_figure(k, threshold);
            if let Some(prev) = k.get_mut("previous").filter(|p| p.is_object()) {
                suppress_figure(prev, threshold);
            }
            for t in k.get_mut("by_team").and_then(Value::as_array_mut).into_iter().flatten() {
                suppress_figure(t, threshold);
            }
        }
    }
    for t in v.get_mut("trends").and_then(Value::as_array_mut).into_iter().flatten() {
        for p in t.get_mut("points").and_then(Value::as_array_mut).into_iter().flatten() {
            suppress_figure(p, threshold);
        }
    }
    if let Some(d) = v.get_mut("distributions") {
        suppress_bands(d, threshold);
    }
    if let Some(obj) = v.as_object_mut() {
        obj.insert(
            "suppression".into(),
            json!({"threshold": threshold, "note": format!("Counts below {threshold}, and figures built on fewer than {threshold} cases, are null with \"suppressed\": true (KPIs, trends, grade distributions).")}),
        );
    }
    let mut bytes = serde_json::to_vec_pretty(&v).expect("metrics serialise");
    bytes.push(b'\n');
    bytes
}

/// A `{numerator, denominator, value}` figure: a rate on a base below the
/// threshold, or a count below it, is nulled.
fn suppress_figure(fig: &mut Value, threshold: u64) {
    let Some(obj) = fig.as_object_mut() else { return };
    let small = |x: Option<u64>| x.is_some_and(|n| n > 0 && n < threshold);
    let den = obj.get("denominator").and_then(Value::as_u64);
    let hit = match obj.get("denominator") {
        Some(Value::Number(_)) => small(den),
        _ => small(obj.get("numerator").and_then(Value::as_u64)),
    };
    if hit {
        for key in ["numerator", "denominator", "value"] {
            if obj.get(key).is_some_and(|x| !x.is_null()) {
                obj.insert(key.into(), Value::Null);
            }
        }
        obj.insert("suppressed".into(), Value::Bool(true));
    }
}

const BANDS: [&str; 7] = ["outstanding", "good", "requires_improvement", "inadequate", "good_or_better_unbanded", "below_good_unbanded", "not_applicable"];

/// Every band-count object anywhere under the distributions.
fn suppress_bands(v: &mut Value, threshold: u64) {
    match v {
        Value::Object(obj) => {
            if BANDS.iter().all(|b| obj.contains_key(*b)) {
                suppress_counts(obj, threshold);
            } else {
                for child in obj.values_mut() {
                    suppress_bands(child, threshold);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| suppress_bands(i, threshold)),
        _ => {}
    }
}

fn suppress_counts(obj: &mut Map<String, Value>, threshold: u64) {
    let mut any = false;
    for b in BANDS {
        if obj.get(b).and_then(Value::as_u64).is_some_and(|n| n > 0 && n < threshold) {
            obj.insert(b.into(), Value::Null);
            any = true;
        }
    }
    if any {
        obj.insert("suppressed".into(), Value::Bool(true));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_on_small_bases_are_nulled_and_flagged() {
        let mut rate = json!({"numerator": 2, "denominator": 4, "value": 0.5});
        suppress_figure(&mut rate, 5);
        assert_eq!(rate, json!({"numerator": null, "denominator": null, "value": null, "suppressed": true}));
        let mut big = json!({"numerator": 2, "denominator": 40, "value": 0.05});
        suppress_figure(&mut big, 5);
        assert_eq!(big["value"], json!(0.05), "the base decides, not the numerator");
        let mut count = json!({"numerator": 3, "denominator": null, "value": 3.0});
        suppress_figure(&mut count, 5);
        assert_eq!(count, json!({"numerator": null, "denominator": null, "value": null, "suppressed": true}));
        let mut zero = json!({"numerator": 0, "denominator": null, "value": 0.0});
        suppress_figure(&mut zero, 5);
        assert!(zero.get("suppressed").is_none(), "zero is not disclosive");
        let mut bands = json!({"counts": {"outstanding": 2, "good": 9, "requires_improvement": 0, "inadequate": 1, "good_or_better_unbanded": 0, "below_good_unbanded": 0, "not_applicable": 0}});
        suppress_bands(&mut bands, 5);
        assert_eq!(bands["counts"]["outstanding"], Value::Null);
        assert_eq!(bands["counts"]["good"], json!(9));
        assert_eq!(bands["counts"]["suppressed"], json!(true));
    }
}
