//! Identity: child ids and team names are trimmed with inner runs of spaces
//! collapsed; teams are compared case-insensitively and shown in their most
//! frequent spelling (ties: the first seen). METRICS.md "Identity and plausibility".

use super::findings::{Findings, Severity};
use super::model::Model;
use std::borrow::Cow;
use std::collections::HashMap;

/// Trimmed, with every run of whitespace inside made one space.
pub fn tidy(s: &str) -> Cow<'_, str> {
    let clean = !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace)
        && !s.as_bytes().windows(2).any(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace())
        && !s.chars().any(|c| c.is_whitespace() && c != ' ');
    if clean {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// What two team names are compared by: tidied, case folded.
pub fn team_key(s: &str) -> String {
    tidy(s).to_lowercase()
}

fn tidy_opt(v: &mut Option<String>) {
    if let Some(s) = v {
        if let Cow::Owned(t) = tidy(s) {
            *s = t;
        }
        if s.is_empty() {
            *v = None;
        }
    }
}

fn tidy_string(s: &mut String) {
    if let Cow::Owned(t) = tidy(s) {
        *s = t;
    }
}

/// Tidies every child id and team name in the model, and gives each team the
/// spelling used most often (ties: the first seen, in the order audits,
/// actions, case notes, episodes). Each merge of spellings is an info finding.
pub fn canonicalise(model: &mut Model, findings: &mut Findings) {
    for a in &mut model.audits {
        tidy_string(&mut a.child_id);
        tidy_opt(&mut a.team);
    }
    for a in &mut model.actions {
        tidy_opt(&mut a.child_id);
        tidy_opt(&mut a.team);
    }
    for e in &mut model.episodes {
        tidy_string(&mut e.child_id);
        tidy_opt(&mut e.team);
    }
    model.children.rewrite(|c| match tidy(c) {
        Cow::Owned(t) => Some(t),
        Cow::Borrowed(_) => None,
    });
    // Spelling → (count, first seen); grouped by key.
    let mut spellings: HashMap<String, Vec<(String, u64, usize)>> = HashMap::new();
    let mut order = 0usize;
    let mut count = |name: &str, n: u64, spellings: &mut HashMap<String, Vec<(String, u64, usize)>>| {
        let list = spellings.entry(team_key(name)).or_default();
        match list.iter_mut().find(|(s, _, _)| s == name) {
            Some(e) => e.1 += n,
            None => {
                list.push((name.to_string(), n, order));
                order += 1;
            }
        }
    };
    for t in model.audits.iter().filter_map(|a| a.team.as_deref()) {
        count(t, 1, &mut spellings);
    }
    for t in model.actions.iter().filter_map(|a| a.team.as_deref()) {
        count(t, 1, &mut spellings);
    }
    let mut note_teams: Vec<(u32, u64)> = Vec::new();
    {
        let mut index: HashMap<u32, usize> = HashMap::new();
        for n in &model.case_notes {
            let i = *index.entry(n.team).or_insert_with(|| {
                note_teams.push((n.team, 0));
                note_teams.len() - 1
            });
            note_teams[i].1 += 1;
        }
    }
    for (id, n) in &note_teams {
        let name = tidy(model.strings.get(*id)).into_owned();
        if !name.is_empty() {
            count(&name, *n, &mut spellings);
        }
    }
    for t in model.episodes.iter().filter_map(|e| e.team.as_deref()) {
        count(t, 1, &mut spellings);
    }
    let mut canonical: HashMap<String, String> = HashMap::new();
    let mut merged: Vec<&Vec<(String, u64, usize)>> = spellings.values().filter(|l| l.len() > 1).collect();
    merged.sort_by_key(|l| l.iter().map(|x| x.2).min());
    for (key, list) in &spellings {
        let best = list.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2))).map(|x| x.0.clone()).unwrap_or_default();
        canonical.insert(key.clone(), best);
    }
    for list in merged {
        let best = &canonical[&team_key(&list[0].0)];
        let all: Vec<String> = list.iter().map(|(s, n, _)| format!("'{s}' ({n})")).collect();
        findings.push(
            Severity::Info,
            "team_spellings",
            "",
            None,
            None,
            Some("team"),
            all.join(", "),
            format!("one team written {} ways (case and spacing aside): shown as '{best}'", list.len()),
        );
    }
    let fix = |v: &mut Option<String>| {
        if let Some(s) = v {
            if let Some(c) = canonical.get(&team_key(s)) {
                if c != s {
                    *s = c.clone();
                }
            }
        }
    };
    model.audits.iter_mut().for_each(|a| fix(&mut a.team));
    model.actions.iter_mut().for_each(|a| fix(&mut a.team));
    model.episodes.iter_mut().for_each(|e| fix(&mut e.team));
    let mut remap: HashMap<u32, u32> = HashMap::new();
    for (id, _) in &note_teams {
        let name = model.strings.get(*id).to_string();
        let target = canonical.get(&team_key(&name)).cloned().unwrap_or_else(|| tidy(&name).into_owned());
        if target != name {
            let to = model.strings.intern(&target);
            remap.insert(*id, to);
        }
    }
    if !remap.is_empty() {
        for n in &mut model.case_notes {
            if let Some(&to) = remap.get(&n.team) {
                n.team = to;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::model::*;

    #[test]
    fn tidy_trims_and_collapses() {
        assert_eq!(tidy("  CP   South "), "CP South");
        assert_eq!(tidy("CP\tSouth"), "CP South");
        assert!(matches!(tidy("CP South"), Cow::Borrowed(_)));
        assert_eq!(team_key("CP  SOUTH"), team_key(" cp south"));
    }

    #[test]
    fn teams_merge_across_case_and_spacing_in_their_most_frequent_spelling() {
        let audit = |child: &str, team: &str| Audit { child_id: child.into(), team: Some(team.into()), ..Default::default() };
        let mut m = Model { strings: Strings::new(), ..Default::default() };
        m.audits = vec![audit(" C1 ", "CP SOUTH"), audit("C  2", "CP South"), audit("C3", "cp  south "), audit("C4", "CP South"), audit("C5", "North")];
        m.actions = vec![Action { team: Some("north".into()), ..Default::default() }];
        let t = m.strings.intern("  cp south");
        m.case_notes.push(CaseNote {
            child: m.children.intern(" C9  X "),
            note_type: 0,
            kind: NoteKind::Other,
            event: crate::calendar::date(2026, 9, 1),
            recorded: None,
            seen_alone: SeenAlone::NotRecorded,
            author: 0,
            team: t,
            row: 2,
            source: 0,
        });
        let mut f = Findings::default();
        canonicalise(&mut m, &mut f);
        let teams: Vec<&str> = m.audits.iter().filter_map(|a| a.team.as_deref()).collect();
        assert_eq!(teams, ["CP South", "CP South", "CP South", "CP South", "North"]);
        assert_eq!(m.actions[0].team.as_deref(), Some("North"), "a tie goes to the first seen");
        assert_eq!(m.strings.get(m.case_notes[0].team), "CP South");
        assert_eq!(m.children.get(m.case_notes[0].child), "C9 X");
        assert_eq!((m.audits[0].child_id.as_str(), m.audits[1].child_id.as_str()), ("C1", "C 2"));
        assert_eq!(m.teams(), ["CP South", "North"]);
        assert_eq!(m.team_named("cp  SOUTH").as_deref(), Some("CP South"));
        assert_eq!(f.list.iter().filter(|x| x.code == "team_spellings").count(), 2);
    }
}
