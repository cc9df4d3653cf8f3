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

/// Every theme's phrases in one automaton: a text is folded once and scanned
/// once for all phrases of all themes, however many the taxonomy has.
pub struct ThemeMatcher {
    automaton: Option<aho_corasick::AhoCorasick>,
    /// Pattern → the themes (indices) that list it.
    themes_of: Vec<Vec<usize>>,
    themes: usize,
}

impl ThemeMatcher {
    /// `phrases[t]` are theme `t`'s phrases, already stemmed.
    pub fn new(phrases: &[Vec<String>]) -> ThemeMatcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut themes_of: Vec<Vec<usize>> = Vec::new();
        for (t, list) in phrases.iter().enumerate() {
            for p in list.iter().filter(|p| !p.is_empty()) {
                let pattern = format!(" {p} ");
                match patterns.iter().position(|q| *q == pattern) {
                    Some(i) => themes_of[i].push(t),
                    None => {
                        patterns.push(pattern);
                        themes_of.push(vec![t]);
                    }
                }
            }
        }
        // Standard semantics, so overlapping matches (every phrase in the text) are found.
        let automaton = (!patterns.is_empty()).then(|| aho_corasick::AhoCorasick::new(&patterns).expect("literal patterns build"));
        ThemeMatcher { automaton, themes_of, themes: phrases.len() }
    }

    /// Which themes a stemmed text mentions, by theme index.
    pub fn themes_in(&self, stemmed_text: &str) -> Vec<bool> {
        let mut hit = vec![false; self.themes];
        if let Some(ac) = &self.automaton {
            let hay = format!(" {stemmed_text} ");
            for m in ac.find_overlapping_iter(&hay) {
                for &t in &self.themes_of[m.pattern().as_usize()] {
                    hit[t] = true;
                }
            }
        }
        hit
    }
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

    let specs: Vec<&ThemeSpec> = ctx.config.themes.iter().collect();
    let matcher = ThemeMatcher::new(&specs.iter().map(|t| t.phrases.iter().map(|p| stems(p)).collect()).collect::<Vec<_>>());
    let text = |a: &crate::normalise::Audit| stems(&format!("{}\n{}", a.evidence, a.good_practice));
    // Each audit's and each action's text is stemmed and scanned once.
    // Keyed by the audit itself (not its id), so no two audits can share an entry.
    let key = |a: &crate::normalise::Audit| std::ptr::from_ref(a) as usize;
    let audit_themes: std::collections::HashMap<usize, Vec<bool>> = ctx
        .model
        .audits
        .iter()
        .filter(|a| a.completed.is_some_and(|d| period.contains(d) || ctx.grid.iter().any(|p| p.contains(d))))
        .map(|a| (key(a), matcher.themes_in(&text(a))))
        .collect();
    let mut actions_by_audit: std::collections::HashMap<&str, Vec<Vec<bool>>> = std::collections::HashMap::new();
    for act in &ctx.model.actions {
        if let Some(id) = act.audit_id.as_deref() {
            actions_by_audit.entry(id).or_default().push(matcher.themes_in(&stems(&act.text)));
        }
    }
    let history: Vec<(String, Vec<&Vec<bool>>)> = ctx
        .grid
        .iter()
        .map(|p| (p.key(), ctx.model.audits.iter().filter(|a| a.completed.is_some_and(|d| p.contains(d))).map(|a| &audit_themes[&key(a)]).collect()))
        .collect();
    let mut text_themes: Vec<TextTheme> = specs
        .iter()
        .enumerate()
        .map(|(t, spec)| {
            let hits: Vec<&crate::normalise::Audit> = in_period.iter().filter(|a| audit_themes[&key(a)][t]).copied().collect();
            let side = |good: bool| hits.iter().filter(|a| a.overall.as_ref().and_then(|j| j.at_least_good) == Some(good)).count() as u64;
            let mut examples: Vec<String> = hits.iter().map(|a| a.id.clone()).collect();
            examples.sort();
            examples.truncate(5);
            let actions = in_period.iter().flat_map(|a| actions_by_audit.get(a.id.as_str()).into_iter().flatten()).filter(|h| h[t]).count() as u64;
            TextTheme {
                id: spec.id.clone(),
                name: spec.name.clone(),
                audits: (hits.len() as u64).into(),
                in_below_good: side(false).into(),
                in_good_or_better: side(true).into(),
                example_audits: examples,
                trend: history.iter().map(|(k, sets)| (k.clone(), (sets.iter().filter(|h| h[t]).count() as u64).into())).collect(),
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

    #[test]
    fn one_pass_matcher_agrees_with_phrase_by_phrase() {
        let themes: Vec<Vec<String>> = vec![
            ["father", "drift and delay"].iter().map(|s| stems(s)).collect(),
            ["delay", "cce", ""].iter().map(|s| stems(s)).collect(),
            vec![stems("father")],
            vec![],
        ];
        let m = ThemeMatcher::new(&themes);
        for text in ["Both FATHERS were engaged", "drift and delay, delay again", "Risk of CCE", "grandfatherly", "", "delay delay father", "a a a"] {
            let s = stems(text);
            let want: Vec<bool> = themes.iter().map(|p| mentions(&s, p)).collect();
            assert_eq!(m.themes_in(&s), want, "{text}");
        }
        assert_eq!(ThemeMatcher::new(&[]).themes_in("anything"), Vec::<bool>::new());
    }
}
