//! Themes: which domains drive below-good overall judgements, and which text
//! themes recur in evidence, good practice and actions.

use super::shown::{is_false, Count, Rate};
use super::{Ctx, Period};
use crate::normalise::config::ThemeSpec;
use crate::normalise::fold::fold;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct DomainDriver {
    pub domain: String,
    pub name: String,
    /// Audits completed in the period with this domain graded.
    pub graded: Count,
    pub below_good: Count,
    pub share_below_good: Rate,
    /// Share below good in this domain among audits below good overall…
    pub share_below_when_overall_below: Rate,
    /// …and among audits good or better overall.
    pub share_below_when_overall_good: Rate,
    /// The first minus the second: how strongly this domain goes with a below-good overall.
    pub association: Rate,
    pub rank: usize,
    /// How many audits the two shares above rest on (not shown; `--suppress` reads them).
    #[serde(skip)]
    pub bases: (u64, u64),
    #[serde(skip_serializing_if = "is_false")]
    pub suppressed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TextTheme {
    pub id: String,
    pub name: String,
    /// Audits completed in the period whose evidence or good-practice text mentions it.
    pub audits: Count,
    pub in_below_good: Count,
    pub in_good_or_better: Count,
    /// Up to five audit ids (never child or worker names).
    pub example_audits: Vec<String>,
    /// Audits mentioning it per bi-monthly period, oldest first.
    pub trend: Vec<(String, Count)>,
    /// Actions (of audits completed in the period) mentioning it.
    pub actions: Count,
    #[serde(skip_serializing_if = "is_false")]
    pub suppressed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Themes {
    pub domain_drivers: Vec<DomainDriver>,
    pub text_themes: Vec<TextTheme>,
}

/// Folded words with a plural "s" dropped, so "fathers" matches "father".
fn stems(text: &str) -> String {
    fold(text).split(' ').map(|w| if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") { &w[..w.len() - 1] } else { w }).collect::<Vec<_>>().join(" ")
}

/// Whether stemmed text mentions any of the theme's (stemmed) phrases as whole words.
pub fn mentions(stemmed_text: &str, phrases: &[String]) -> bool {
    let hay = format!(" {stemmed_text} ");
    phrases.iter().any(|p| !p.is_empty() && hay.contains(&format!(" {p} ")))
}

fn ratio(n: u64, d: u64) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

pub fn themes(ctx: &Ctx, period: &Period) -> Themes {
    let in_period: Vec<&crate::normalise::Audit> = ctx.model.audits.iter().filter(|a| a.completed.is_some_and(|d| period.contains(d))).collect();
    let mut drivers = Vec::new();
    for d in &ctx.config.domains {
        let (mut graded, mut below, mut ob_n, mut ob_below, mut og_n, mut og_below) = (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
        for a in &in_period {
            let Some(dj) = a.domain(&d.id).and_then(|j| j.at_least_good) else { continue };
            graded += 1;
            below += u64::from(!dj);
            match a.overall.as_ref().and_then(|j| j.at_least_good) {
                Some(false) => {
                    ob_n += 1;
                    ob_below += u64::from(!dj);
                }
                Some(true) => {
                    og_n += 1;
                    og_below += u64::from(!dj);
                }
                None => {}
            }
        }
        if graded == 0 {
            continue;
        }
        let (x, y) = (ratio(ob_below, ob_n), ratio(og_below, og_n));
        drivers.push(DomainDriver {
            domain: d.id.clone(),
            name: d.name.clone(),
            graded: graded.into(),
            below_good: below.into(),
            share_below_good: ratio(below, graded).into(),
            share_below_when_overall_below: x.into(),
            share_below_when_overall_good: y.into(),
            association: x.zip(y).map(|(x, y)| x - y).into(),
            rank: 0,
            bases: (ob_n, og_n),
            suppressed: false,
        });
    }
    drivers.sort_by(|a, b| b.association.value().unwrap_or(f64::MIN).total_cmp(&a.association.value().unwrap_or(f64::MIN)).then(a.domain.cmp(&b.domain)));
    for (i, d) in drivers.iter_mut().enumerate() {
        d.rank = i + 1;
    }

    let specs: Vec<(ThemeSpec, Vec<String>)> = ctx.config.themes.iter().map(|t| (t.clone(), t.phrases.iter().map(|p| stems(p)).collect())).collect();
    let text = |a: &crate::normalise::Audit| stems(&format!("{}\n{}", a.evidence, a.good_practice));
    let period_audits: Vec<(&crate::normalise::Audit, String)> = in_period.iter().map(|a| (*a, text(a))).collect();
    let mut actions_by_audit: std::collections::HashMap<&str, Vec<String>> = std::collections::HashMap::new();
    for act in &ctx.model.actions {
        if let Some(id) = act.audit_id.as_deref() {
            actions_by_audit.entry(id).or_default().push(stems(&act.text));
        }
    }
    let history: Vec<(String, Vec<String>)> =
        ctx.grid.iter().map(|p| (p.key(), ctx.model.audits.iter().filter(|a| a.completed.is_some_and(|d| p.contains(d))).map(text).collect())).collect();
    let mut text_themes: Vec<TextTheme> = specs
        .iter()
        .map(|(spec, phrases)| {
            let hits: Vec<&crate::normalise::Audit> = period_audits.iter().filter(|(_, t)| mentions(t, phrases)).map(|(a, _)| *a).collect();
            let side = |good: bool| hits.iter().filter(|a| a.overall.as_ref().and_then(|j| j.at_least_good) == Some(good)).count() as u64;
            let mut examples: Vec<String> = hits.iter().map(|a| a.id.clone()).collect();
            examples.sort();
            examples.truncate(5);
            let actions =
                in_period.iter().flat_map(|a| actions_by_audit.get(a.id.as_str()).into_iter().flatten()).filter(|t| mentions(t, phrases)).count() as u64;
            TextTheme {
                id: spec.id.clone(),
                name: spec.name.clone(),
                audits: (hits.len() as u64).into(),
                in_below_good: side(false).into(),
                in_good_or_better: side(true).into(),
                example_audits: examples,
                trend: history.iter().map(|(k, texts)| (k.clone(), (texts.iter().filter(|t| mentions(t, phrases)).count() as u64).into())).collect(),
                actions: actions.into(),
                suppressed: false,
            }
        })
        .collect();
    text_themes.sort_by(|a, b| b.audits.cmp(&a.audits).then(b.actions.cmp(&a.actions)).then(a.id.cmp(&b.id)));
    Themes { domain_drivers: drivers, text_themes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_any_case_and_plurals() {
        let p: Vec<String> = ["father", "drift and delay", "cce"].iter().map(|s| stems(s)).collect();
        assert!(mentions(&stems("Both FATHERS were engaged"), &p));
        assert!(mentions(&stems("Drift and delay evident."), &p));
        assert!(mentions(&stems("Risk of CCE"), &p));
        assert!(!mentions(&stems("grandfatherly advice"), &p));
        assert!(!mentions(&stems("the driftwood"), &p));
    }
}
