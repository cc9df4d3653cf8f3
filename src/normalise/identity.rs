//! Identity: child ids and team names are trimmed with inner runs of spaces
//! collapsed; teams are compared case-insensitively and shown in their most
//! frequent spelling (ties: the first seen). METRICS.md "Identity and plausibility".

use super::findings::{Findings, Severity};
use super::model::Model;
use crate::ingest::cell::is_invisible;
use std::borrow::Cow;
use std::collections::HashMap;

/// Trimmed, with every run of whitespace inside made one space (a no-break
/// space is a space), and without the characters that show as nothing
/// ([`is_invisible`]: zero-width spaces, direction marks, byte-order marks).
pub fn tidy(s: &str) -> Cow<'_, str> {
    let clean = !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace)
        && !s.as_bytes().windows(2).any(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace())
        && !s.chars().any(|c| (c.is_whitespace() && c != ' ') || is_invisible(c));
    if clean {
        Cow::Borrowed(s)
    } else {
        let visible: String = s.chars().filter(|&c| !is_invisible(c)).collect();
        Cow::Owned(visible.split_whitespace().collect::<Vec<_>>().join(" "))
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
/// Reads every record's child id through the map of old ids to new ones a
/// system change left ([`Model::id_map`]), with a note of how many records
/// took their child's new id.
fn apply_id_map(model: &mut Model, findings: &mut Findings) {
    if model.id_map.is_empty() {
        return;
    }
    let map = std::mem::take(&mut model.id_map);
    // Followed to its end: two system changes map L1 to M1, then M1 to E1
    // (at most 8 steps, so a map that loops stops).
    let new_of = |id: &str| {
        let mut at = map.get(id).map(|(n, _)| n)?;
        for _ in 0..8 {
            match map.get(at.as_str()) {
                Some((n, _)) if n != id => at = n,
                _ => break,
            }
        }
        Some(at.clone())
    };
    let mut changed = 0u64;
    // An audit id made from a child id cell with other words in it (a name
    // beside the id) is made again from the id alone: children by id only.
    let mut taken: std::collections::HashSet<String> = model.audits.iter().map(|a| a.id.clone()).collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for a in &mut model.audits {
        if let Some(n) = new_of(&a.child_id) {
            let part = format!(":{}:", a.child_id);
            if id_in_cell(&a.child_id).is_some() && a.id.contains(&part) {
                let made = a.id.replacen(&part, &format!(":{n}:"), 1);
                let id = std::iter::once(made.clone()).chain((2..).map(|k| format!("{made}#{k}"))).find(|c| !taken.contains(c)).unwrap_or(made);
                taken.insert(id.clone());
                renamed.insert(std::mem::replace(&mut a.id, id.clone()), id);
            }
            a.child_id = n;
            changed += 1;
        }
    }
    for (old, new) in &renamed {
        if let Some(o) = model.audit_ids.remove(old) {
            model.audit_ids.insert(new.clone(), o);
        }
    }
    for a in &mut model.actions {
        if let Some(n) = a.audit_id.as_ref().and_then(|id| renamed.get(id)) {
            a.audit_id = Some(n.clone());
        }
        if let Some(n) = a.child_id.as_deref().and_then(new_of) {
            a.child_id = Some(n);
            changed += 1;
        }
    }
    for e in &mut model.episodes {
        if let Some(n) = new_of(&e.child_id) {
            e.child_id = n;
            changed += 1;
        }
    }
    let children: std::collections::HashSet<u32> = model.case_notes.iter().map(|n| n.child).filter(|c| map.contains_key(model.children.get(*c))).collect();
    let ids = children.len();
    model.children.rewrite(new_of);
    let mut files: Vec<&str> = map.values().map(|(_, f)| f.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    findings.push(
        Severity::Info,
        "id_map",
        files.first().copied().unwrap_or(""),
        None,
        None,
        None,
        String::new(),
        format!(
            "{changed} audit, action and legal-status records and the case notes of {ids} children took the new id of their child from the map of {} old ids",
            map.len()
        ),
    );
    model.id_map = map;
}

/// The one id in a text that names it among other words ("Kelsey CC -
/// KL88310", "KEL-55031 (Kelsey CC)", "KL88310 (HW ID to follow)"): the one
/// word of four or more characters with a digit in it (not a year).
pub fn id_token(t: &str) -> Option<String> {
    match id_tokens(t).as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Every id a text names among other words ([`id_token`]): "Kelsey CC -
/// KL88310; Brayford - BR20011" names two.
pub fn id_tokens(t: &str) -> Vec<String> {
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w.starts_with("19") || w.starts_with("20"));
    t.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ',' | ';' | ':' | '/'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() >= 4 && w.chars().any(|c| c.is_ascii_digit()) && !year(w))
        .map(str::to_string)
        .collect()
}

/// An id's shape: its letters before the first digit, in capitals, and how
/// many digits it has ("KL88310": "KL", 5).
fn shape(id: &str) -> (String, usize) {
    let letters: String = id.chars().take_while(|c| !c.is_ascii_digit()).filter(|c| c.is_alphabetic()).collect::<String>().to_uppercase();
    (letters, id.chars().filter(char::is_ascii_digit).count())
}

/// Children transferred in, whose audit rows give their id at the council
/// that sent them ("Previous LA ID" = "Kelsey CC - KL88310"): a record under
/// that id ("KL88310", "KL88310 (new ID to follow)") is the child's, read
/// with their id here. Only where the earlier id leads to one id here.
fn link_previous_ids(model: &mut Model, findings: &mut Findings) {
    if model.previous_la_ids.is_empty() {
        return;
    }
    let token = |id: &str| id_token(id).unwrap_or_else(|| id.to_string());
    let mut now: std::collections::BTreeMap<String, Vec<(String, String)>> = std::collections::BTreeMap::new();
    for (before, child, file) in std::mem::take(&mut model.previous_la_ids) {
        // (A row under the earlier id itself says nothing of the later one.)
        if token(&child).eq_ignore_ascii_case(&before) {
            continue;
        }
        // (An earlier id written as ours are, "100234" beside "100877", may
        // be a child of ours: not linked, and said.)
        if shape(&before) == shape(&token(&child)) {
            let why = format!("{before} is given as child {child}'s id at the council that sent them, but it is written as this council's ids are: not linked to records under it");
            findings.push(Severity::Info, "previous_la_id_not_linked", &file, None, None, None, before.clone(), why);
            continue;
        }
        let list = now.entry(before).or_default();
        if !list.iter().any(|(c, _)| c == &child) {
            list.push((child, file));
        }
    }
    let mut ids: Vec<String> = model.audits.iter().map(|a| a.child_id.clone()).collect();
    ids.extend(model.actions.iter().filter_map(|a| a.child_id.clone()));
    ids.extend(model.episodes.iter().map(|e| e.child_id.clone()));
    ids.extend(model.children.iter().filter(|id| !id.is_empty()).map(str::to_string));
    ids.sort();
    ids.dedup();
    for (before, children) in now {
        let [(child, file)] = children.as_slice() else { continue };
        let under: Vec<&String> = ids.iter().filter(|id| *id != child && token(id).eq_ignore_ascii_case(&before)).collect();
        if under.is_empty() {
            continue;
        }
        for id in &under {
            model.id_map.entry((*id).clone()).or_insert((child.clone(), file.clone()));
        }
        let shown: Vec<&str> = under.iter().map(|s| s.as_str()).collect();
        findings.push(
            Severity::Info,
            "previous_la_id",
            file,
            None,
            None,
            None,
            shown.join(", "),
            format!("records under {} are read as child {child}: its audit gives {before} as the child's id at the council that sent them", shown.join(", ")),
        );
    }
}

/// A child's id written with the id their records had before, in brackets
/// after it: "AC40377 (was Unborn of AC40112)", "BW20688 (new record on
/// placement for adoption - previous Case ID BW20112)", "EW9034 (Unborn of
/// EW8812)". Gives (the id, the earlier id). The earlier id is an "Unborn of
/// …" reference (a baby's record before birth, kept whole: it is not the
/// mother's id), or the one id after a word for "before" ("was", "previous",
/// "formerly", "old"), with at most id words between ("previous Case ID
/// BW20112"). Anything else in brackets ("KL88310 (HW ID to follow)",
/// "KEL-55031 (Kelsey CC)") names no earlier id.
pub fn earlier_id_in_cell(id: &str) -> Option<(String, String)> {
    let open = id.find(['(', '['])?;
    let main = id[..open].trim();
    let remark = id[open + 1..].trim_end().strip_suffix([')', ']'])?.trim();
    if id_tokens(main) != [main] {
        return None;
    }
    let lower = remark.to_lowercase();
    // (Another person named: "previously C500100 - sibling record", "was
    // C500100 mother's file": that id is someone else's.)
    const SOMEONE_ELSE: [&str; 20] = [
        "sibling", "siblings", "brother", "sister", "twin", "half", "mother", "mothers", "father", "fathers", "mum", "dad", "parent", "parents", "family",
        "group", "linked", "carer", "cousin", "baby",
    ];
    if lower.split(|c: char| !c.is_alphanumeric() && c != '\'').map(|w| w.trim_end_matches("'s").trim_matches('\'')).any(|w| SOMEONE_ELSE.contains(&w)) {
        return None;
    }
    let earlier = if let Some(at) = lower.find("unborn of ").filter(|&at| lower.is_char_boundary(at) && remark.is_char_boundary(at + 10)) {
        let rest = &remark[at + 10..];
        let token = id_tokens(rest).into_iter().next().filter(|t| rest.trim_start().starts_with(t.as_str()))?;
        format!("{} {token}", &remark[at..at + 9])
    } else {
        const BEFORE: [&str; 9] = ["was", "previous", "previously", "prev", "formerly", "former", "old", "originally", "earlier"];
        const ID_WORDS: [&str; 12] = ["case", "child", "person", "id", "ref", "reference", "no", "number", "record", "lcs", "mosaic", "system"];
        let words: Vec<&str> = remark.split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ';')).filter(|w| !w.is_empty()).collect();
        let plain = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let [token] = id_tokens(remark).try_into().ok()?;
        let at = words.iter().position(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == token)?;
        let from = words[..at].iter().rposition(|w| BEFORE.contains(&plain(w).as_str()))?;
        if !words[from + 1..at].iter().all(|w| ID_WORDS.contains(&plain(w).as_str())) {
            return None;
        }
        token
    };
    child_key(&earlier).is_none_or(|k| Some(k) != child_key(main)).then(|| (main.to_string(), earlier))
}

/// Whether two child ids name one child: by [`child_key`] where both have
/// one, else as folded text ("Unborn of AC40112").
pub fn same_child_id(a: &str, b: &str) -> bool {
    match (child_key(a), child_key(b)) {
        (Some(x), Some(y)) => x == y,
        _ => super::fold::fold(a) == super::fold::fold(b),
    }
}

/// What a child id cell with other words in it is read as: the id it names,
/// and the earlier id it gives ([`earlier_id_in_cell`]), if any. One id among
/// other words is that id, written "ID (note)" or "Words (ID)": "C140100 (old
/// case closed)", "C1234 (was CIN now CP)", a name beside the id (the name is
/// left out: children by id only).
/// `None`: the cell is read as it is (an id as written, "Unborn of AC40112",
/// a sibling group "C1001 & C1002", a GUID).
pub fn id_in_cell(cell: &str) -> Option<(String, Option<String>)> {
    if let Some((main, earlier)) = earlier_id_in_cell(cell) {
        return Some((main, Some(earlier)));
    }
    let t = cell.trim();
    // "C100131 & siblings": the child named (the siblings are not).
    if let Some((id, rest)) = t.split_once(['&', '+']).or_else(|| t.split_once(" and ")) {
        let rest = super::fold::fold(rest);
        if matches!(rest.trim(), "siblings" | "sibs" | "sibling" | "sibling group" | "siblings group" | "brothers" | "sisters" | "family" | "family group")
            && child_key(id.trim()).is_some()
            && !id.trim().contains(char::is_whitespace)
        {
            return Some((id.trim().to_string(), None));
        }
    }
    if child_key(t).is_some() || super::recognise::is_guid(t) || super::fold::fold(t).starts_with("unborn") {
        return None;
    }
    // Only "ID (note)" and "Words (ID)": an id inside a sentence ("NB:
    // PL-0913 reallocated from …") is no id cell. The note may name other
    // references ("KM4102 (HO ref K2204518/002)").
    let open = t.find(['(', '['])?;
    let (before, inside) = (t[..open].trim(), t[open + 1..].trim_end().strip_suffix([')', ']'])?.trim());
    let one_id = |s: &str| !s.contains(char::is_whitespace) && s.chars().any(|c| c.is_ascii_digit()) && child_key(s).is_some();
    if one_id(before) {
        return Some((before.to_string(), None));
    }
    (one_id(inside) && id_tokens(before).is_empty()).then(|| (inside.to_string(), None))
}

/// "C1001, P5001": ids of different shapes in one cell (not a sibling
/// group's, which share one), just one of them a child's id on its own
/// elsewhere (`alone`, by [`child_key`]): that one, and the others as text.
fn child_with_other_ids(cell: &str, alone: &std::collections::HashSet<String>) -> Option<(String, String)> {
    if !super::sibling_ids(cell).is_empty() {
        return None;
    }
    // (Words in brackets, and a label beside an id, say whose it is:
    // "C1001 / M2001 (mother)", "C1002, Mum P5002", "AB12345, NHS 9434765919".)
    let mut bare = String::new();
    let mut depth = 0u32;
    for ch in cell.chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(ch),
            _ => {}
        }
    }
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let an_id = |p: &&str| p.len() >= 4 && !year(p) && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && p.chars().any(|c| c.is_ascii_digit());
    let label = |w: &&str| w.len() <= 12 && w.chars().all(char::is_alphabetic);
    let mut parts: Vec<&str> = Vec::new();
    for part in bare.split([',', ';', '/', '&', '+']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let ids: Vec<&str> = words.iter().copied().filter(an_id).collect();
        match ids[..] {
            [id] if words.len() <= 3 && words.iter().all(|w| *w == id || label(w)) => parts.push(id),
            _ => return None,
        }
    }
    if parts.len() < 2 {
        return None;
    }
    let mut known = parts.iter().filter(|p| child_key(p).is_some_and(|k| alone.contains(&k)));
    let main = known.next()?;
    if known.next().is_some() || parts.iter().any(|p| p != main && shape(p) == shape(main)) {
        return None;
    }
    let others: Vec<&str> = parts.iter().copied().filter(|p| p != main).collect();
    Some((main.to_string(), others.join(", ")))
}

/// Records whose child id cell names its id among other words
/// ([`id_in_cell`]): read as that id; and where the cell gives an earlier id,
/// records under it are read as the same child (the unborn baby's audit
/// followed by the born child's re-audit; the child re-registered on
/// placement for adoption), renames followed to their end. An earlier id
/// given for two children is linked to neither, with a warning.
fn read_ids_in_cells(model: &mut Model, findings: &mut Findings) {
    let mut ids: Vec<(String, String)> = model.audits.iter().map(|a| (a.child_id.clone(), a.origin.file.clone())).collect();
    ids.extend(model.actions.iter().filter_map(|a| Some((a.child_id.clone()?, a.origin.file.clone()))));
    ids.extend(model.episodes.iter().map(|e| (e.child_id.clone(), e.origin.file.clone())));
    for c in 0..model.children.len() as u32 {
        let id = model.children.get(c);
        if id.contains(char::is_whitespace) || id.contains(['(', '[', ',', ';', '/', '&', '+']) {
            let file = model.case_notes.iter().find(|n| n.child == c).map(|n| model.note_file(n.source).to_string()).unwrap_or_default();
            ids.push((id.to_string(), file));
        }
    }
    let mut read: Vec<(String, String, Option<String>, String)> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut paired: Vec<(&str, String)> = Vec::new();
    for (id, file) in &ids {
        if seen.insert(id.as_str()) {
            if let Some((main, earlier)) = id_in_cell(id) {
                read.push((id.clone(), main, earlier, file.clone()));
            }
        }
    }
    // "C1001, P5001": a child's id written with another reference of
    // another shape (a parent's, a family's); where just one of them is a
    // child's id on its own elsewhere in the exports, the cell is that child.
    let pairs: Vec<&(String, String)> = ids.iter().filter(|(id, _)| id.contains([',', ';', '/', '&', '+']) && !read.iter().any(|r| &r.0 == id)).collect();
    if !pairs.is_empty() {
        let alone: std::collections::HashSet<String> = ids
            .iter()
            .map(|(id, _)| id.as_str())
            .chain((0..model.children.len() as u32).map(|c| model.children.get(c)))
            .filter(|id| !id.contains([',', ';', '/', '&', '+', '(', '[']) && !id.trim().contains(char::is_whitespace))
            .filter_map(child_key)
            .collect();
        let mut done: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (cell, file) in pairs {
            if !done.insert(cell.as_str()) {
                continue;
            }
            if let Some((main, others)) = child_with_other_ids(cell, &alone) {
                model.id_map.entry(cell.clone()).or_insert((main.clone(), file.clone()));
                paired.push((file.as_str(), format!("{cell} as {main} ({others} is no child's id in these exports)")));
            }
        }
    }
    if let Some((file, _)) = paired.first() {
        let n = paired.len();
        let examples = paired.iter().take(3).map(|(_, e)| e.as_str()).collect::<Vec<_>>().join("; ");
        let why = format!(
            "{n} child id cell{} give{} a child's id with another reference (a parent's, a family's): each is read as the one id that is a child's on its own elsewhere: {examples}{}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" },
            if n > 3 { "; …" } else { "" }
        );
        findings.push(Severity::Info, "child_id_with_other_id", file, None, None, None, String::new(), why);
    }
    if read.is_empty() {
        return;
    }
    let same = same_child_id;
    // Each earlier id's children: more than one, and it is no one's.
    let mut claims: Vec<(&str, Vec<&str>)> = Vec::new();
    for (_, main, earlier, _) in &read {
        let Some(earlier) = earlier else { continue };
        match claims.iter_mut().find(|(e, _)| same(e, earlier)) {
            Some((_, mains)) if !mains.iter().any(|m| same(m, main)) => mains.push(main),
            Some(_) => {}
            None => claims.push((earlier, vec![main])),
        }
    }
    let mut plain: Vec<(&str, &str)> = Vec::new();
    for (cell, main, earlier, file) in &read {
        model.id_map.entry(cell.clone()).or_insert((main.clone(), file.clone()));
        let Some(earlier) = earlier else {
            plain.push((main, file));
            continue;
        };
        let mains = claims.iter().find(|(e, _)| same(e, earlier)).map(|(_, m)| m.as_slice()).unwrap_or_default();
        if mains.len() > 1 {
            let why =
                format!("{earlier} is given as the earlier id of {}: records under it are linked to neither (check which child it was)", mains.join(" and "));
            findings.push(Severity::Warning, "earlier_id_ambiguous", file, None, None, None, cell.clone(), why);
            continue;
        }
        // (Records under the earlier id as written, and the id itself, so
        // that a rename of a rename is followed to its end.)
        let mut under: Vec<&str> = ids.iter().map(|(id, _)| id.as_str()).filter(|id| *id != cell && id_in_cell(id).is_none() && same(id, earlier)).collect();
        under.sort_unstable();
        under.dedup();
        model.id_map.entry(earlier.clone()).or_insert((main.clone(), file.clone()));
        for id in &under {
            model.id_map.entry((*id).to_string()).or_insert((main.clone(), file.clone()));
        }
        let linked = read.iter().any(|(_, m, _, _)| same(m, earlier));
        let why = if under.is_empty() && !linked {
            format!("read as child {main}; no record is under the earlier id it gives ({earlier})")
        } else {
            format!("read as child {main}, and the records under {earlier} as the same child: the cell gives it as the child's earlier id")
        };
        findings.push(Severity::Info, "earlier_id_in_cell", file, None, None, None, cell.clone(), why);
    }
    if let Some((_, file)) = plain.first() {
        let mut shown: Vec<&str> = plain.iter().map(|(m, _)| *m).collect();
        shown.sort_unstable();
        shown.dedup();
        let n = shown.len();
        let examples = shown.iter().take(5).copied().collect::<Vec<_>>().join(", ");
        let why = format!(
            "{n} child id cells name their id among other words (a note in brackets, a name): each is read as the id alone ({examples}{}); the other words are left out",
            if n > 5 { ", …" } else { "" }
        );
        findings.push(Severity::Info, "id_in_cell", file, None, None, None, String::new(), why);
    }
}

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
    ids_in_scientific_notation(model, findings);
    link_previous_ids(model, findings);
    read_ids_in_cells(model, findings);
    apply_id_map(model, findings);
    child_spellings(model, findings);
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
        let mut index: crate::fasthash::FxHashMap<u32, usize> = Default::default();
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
    // One team written with or without a trailing "Team", or under its
    // service: the spellings join the plain name's.
    let joined = team_joins(spellings.keys());
    for (key, root) in &joined {
        if let Some(list) = spellings.remove(key) {
            spellings.entry(root.clone()).or_default().extend(list);
        }
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
            format!(
                "one team written {} ways (case, spacing, a trailing 'Team' or 'District', or its service before ' - ' aside): shown as '{best}'",
                list.len()
            ),
        );
    }
    for (key, root) in joined {
        if let Some(best) = canonical.get(&root).cloned() {
            canonical.insert(key, best);
        }
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
    let mut remap: crate::fasthash::FxHashMap<u32, u32> = Default::default();
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

/// A team key without a trailing "team" or "district" ("safeguarding north
/// team" is "safeguarding north").
fn team_base(key: &str) -> &str {
    ["team", "district"].iter().find_map(|w| key.strip_suffix(w).and_then(|r| r.strip_suffix(' '))).filter(|r| !r.is_empty()).unwrap_or(key)
}

/// Team keys that name another key's team (key → that key): the same name
/// with or without a trailing "Team" or "District" ("Safeguarding North Team",
/// "Safeguarding North"), and a name under its service ("H&P - Family
/// Safeguarding Hub") when the plain name is there too and no other service
/// has a team of that name. Joined to the first such key in name order.
fn team_joins<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<(String, String)> {
    let mut keys: Vec<&String> = keys.collect();
    keys.sort();
    let split = |k: &'a str| k.split_once(" - ").or_else(|| k.split_once(" – ")).filter(|(p, r)| !p.trim().is_empty() && !r.trim().is_empty());
    let mut root_of: HashMap<&str, &String> = HashMap::new();
    let mut out = Vec::new();
    for k in keys.iter().filter(|k| split(k).is_none()) {
        match root_of.get(team_base(k)) {
            Some(root) => out.push(((*k).clone(), (*root).clone())),
            None => {
                root_of.insert(team_base(k), k);
            }
        }
    }
    // (A one-word name after " - " is a place, not a team under a service:
    // "North - West" is no "West".)
    let prefixed: Vec<(&String, &str, &str)> =
        keys.iter().filter_map(|k| split(k).map(|(p, r)| (*k, p.trim(), team_base(r.trim())))).filter(|(_, _, r)| r.split(' ').count() >= 2).collect();
    for (k, prefix, base) in &prefixed {
        let services = prefixed.iter().filter(|(_, p, b)| b == base && p != prefix).count();
        if let (Some(root), 0) = (root_of.get(base), services) {
            out.push(((*k).clone(), (*root).clone()));
        }
    }
    out
}

/// A word written where a child's id is not known ("Unknown", "TBC",
/// "N/A", "?"): no id, never the same child as another record saying it.
pub fn placeholder_id(id: &str) -> bool {
    let f = super::fold::fold(id);
    let f = f.trim_matches(|c: char| !c.is_alphanumeric() && c != '?');
    f.is_empty()
        || matches!(
            f,
            "unknown"
                | "not known"
                | "unk"
                | "tbc"
                | "tba"
                | "tbd"
                | "to follow"
                | "n a"
                | "na"
                | "n/a"
                | "none"
                | "no id"
                | "not recorded"
                | "not applicable"
                | "?"
                | "??"
                | "x"
                | "xx"
                | "xxx"
        )
}

/// What two child ids are compared by: capitals, without spaces, dashes,
/// dots, slashes, underscores or digit-grouping commas, and with leading zeros
/// dropped from the number ("C-2041", "c 2041" and "C02041" are "C2041";
/// "1,045,200" is "1045200"; a number written "556677.0" is "556677"). An id
/// of letters and digits mixed (a pseudonymised id shared for analysis,
/// "ESK-B5C68BBF", "P7f3a9c") is compared by its capitals alone, its zeros
/// kept. `None` for an id with no digit, or with other characters.
pub fn child_key(id: &str) -> Option<String> {
    // A number written as a decimal by a spreadsheet round trip ("556677.0").
    let id = id.trim();
    let id = id.strip_suffix(".0").filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).unwrap_or(id);
    let squeezed: String =
        id.chars().filter(|&c| !matches!(c, ' ' | '-' | '_' | '.' | '/' | ',' | '\u{a0}') && !is_invisible(c)).collect::<String>().to_uppercase();
    let split = squeezed.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = squeezed.split_at(split);
    if !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return digits.chars().all(|c| c.is_ascii_alphanumeric()).then_some(squeezed);
    }
    let number = digits.trim_start_matches('0');
    Some(format!("{letters}{}", if number.is_empty() { "0" } else { number }))
}

/// One child written several ways across (or within) the exports: "C-2041",
/// "c2041", "C 2041", or the bare number "2041" where every other spelling of
/// that number has the same letters. Each group is read as its most used
/// spelling (ties: the first seen, in the order audits, actions, case notes,
/// episodes), with one note giving how many children and some examples.
/// Whether an id is a number a spreadsheet wrote in scientific notation
/// ("4.01235E+11", "1.23457e+11"): its last digits are gone.
fn scientific(id: &str) -> bool {
    let t = id.trim();
    let Some((mantissa, exponent)) = t.split_once(['E', 'e']) else { return false };
    // (As a spreadsheet writes it, with its sign: "4.01235E+11"; not an id
    // with an E in it, "12E45"; review 240's c09.)
    let Some(exponent) = exponent.strip_prefix('+') else { return false };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
        && exponent.parse::<u32>().is_ok_and(|e| e >= 5)
}

/// Says every child's id a spreadsheet wrote in scientific notation (a long
/// numeric id in a CSV saved from Excel: "4.01235E+11"): it is kept as
/// written and matched to no other record of the child, since its last
/// digits cannot be known (blind set 147: no word was said).
fn ids_in_scientific_notation(model: &Model, findings: &mut Findings) {
    let mut seen: std::collections::BTreeMap<String, (String, usize)> = Default::default();
    let mut note = |id: &str, file: &str| {
        if scientific(id) {
            seen.entry(id.trim().to_string()).or_insert_with(|| (file.to_string(), 0)).1 += 1;
        }
    };
    for a in &model.audits {
        note(&a.child_id, &a.origin.file);
    }
    for a in &model.actions {
        if let Some(id) = &a.child_id {
            note(id, &a.origin.file);
        }
    }
    for e in &model.episodes {
        note(&e.child_id, &e.origin.file);
    }
    // (Case notes by their interned child: a few children among millions of notes.)
    let flagged: std::collections::HashSet<u32> = (0..model.children.len() as u32).filter(|&c| scientific(model.children.get(c))).collect();
    if !flagged.is_empty() {
        for n in model.case_notes.iter().filter(|n| flagged.contains(&n.child)) {
            let e = seen.entry(model.children.get(n.child).trim().to_string()).or_insert_with(|| (model.note_file(n.source).to_string(), 0));
            e.1 += 1;
        }
    }
    for (id, (file, n)) in seen {
        let records = if n == 1 { "its record is".to_string() } else { format!("its {n} records are") };
        let why = format!(
            "a child's id written in scientific notation by a spreadsheet: its last digits are lost, so {records} matched only to records whose id is written the same way, which may be another child's (two children's ids look alike so); export the id column as text"
        );
        findings.push(Severity::Warning, "child_id_scientific", &file, None, None, Some("child_id"), id, why);
    }
}

fn child_spellings(model: &mut Model, findings: &mut Findings) {
    // Spelling → (uses, first seen).
    let mut seen: HashMap<String, (u64, usize)> = HashMap::new();
    let mut add = |s: &str, n: u64| {
        let next = seen.len();
        seen.entry(s.to_string()).or_insert((0, next)).0 += n;
    };
    model.audits.iter().for_each(|a| add(&a.child_id, 1));
    model.actions.iter().filter_map(|a| a.child_id.as_deref()).for_each(|c| add(c, 1));
    let mut per_child = vec![0u64; model.children.len()];
    for n in &model.case_notes {
        if let Some(c) = per_child.get_mut(n.child as usize) {
            *c += 1;
        }
    }
    for (i, n) in per_child.iter().enumerate().filter(|(_, n)| **n > 0) {
        add(model.children.get(i as u32), *n);
    }
    model.episodes.iter().for_each(|e| add(&e.child_id, 1));
    // Group by key; a bare number joins the one lettered key with its number.
    let mut groups: HashMap<String, Vec<&str>> = HashMap::new();
    for s in seen.keys() {
        if let Some(k) = child_key(s) {
            groups.entry(k).or_default().push(s);
        }
    }
    let mut by_number: HashMap<String, Vec<String>> = HashMap::new();
    for k in groups.keys() {
        let number = k.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        if number.len() < k.len() {
            by_number.entry(number.to_string()).or_default().push(k.clone());
        }
    }
    let bare: Vec<String> = groups.keys().filter(|k| k.chars().all(|c| c.is_ascii_digit())).cloned().collect();
    for k in bare {
        if let Some([lettered]) = by_number.get(&k).map(Vec::as_slice) {
            let moved = groups.remove(&k).unwrap_or_default();
            groups.entry(lettered.clone()).or_default().extend(moved);
        }
    }
    let mut canonical: HashMap<String, String> = HashMap::new();
    let mut examples: Vec<(usize, String)> = Vec::new();
    for list in groups.values().filter(|l| l.len() > 1) {
        // A spelling with its letters over the bare number.
        let lettered = |s: &str| s.chars().any(|c| c.is_alphabetic());
        let best = list
            .iter()
            .max_by(|a, b| lettered(a).cmp(&lettered(b)).then(seen[**a].0.cmp(&seen[**b].0)).then(seen[**b].1.cmp(&seen[**a].1)))
            .map(|s| s.to_string())
            .unwrap_or_default();
        let mut all: Vec<&&str> = list.iter().collect();
        all.sort_by_key(|s| seen[**s].1);
        examples.push((
            all.iter().map(|s| seen[**s].1).min().unwrap_or(0),
            format!("{} read as '{best}'", all.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ")),
        ));
        for s in list.iter().filter(|s| **s != best) {
            canonical.insert(s.to_string(), best.clone());
        }
    }
    if canonical.is_empty() {
        return;
    }
    let fix = |s: &mut String| {
        if let Some(c) = canonical.get(s.as_str()) {
            s.clone_from(c);
        }
    };
    model.audits.iter_mut().for_each(|a| fix(&mut a.child_id));
    model.actions.iter_mut().filter_map(|a| a.child_id.as_mut()).for_each(fix);
    model.episodes.iter_mut().for_each(|e| fix(&mut e.child_id));
    model.children.rewrite(|c| canonical.get(c).cloned());
    examples.sort();
    let shown: Vec<&str> = examples.iter().take(5).map(|(_, e)| e.as_str()).collect();
    let more = if examples.len() > 5 { "; …" } else { "" };
    findings.push(
        Severity::Info,
        "child_id_spellings",
        "",
        None,
        None,
        Some("child id"),
        examples.len().to_string(),
        format!(
            "{} children's ids are written more than one way (case, spaces, dashes, leading zeros, or the number without its letters): each is read as its most used spelling ({}{more})",
            examples.len(),
            shown.join("; ")
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::model::*;

    #[test]
    fn an_id_in_scientific_notation_is_said() {
        for sci in ["4.01235E+11", "1.23457e+11", "4E+11", " 9.8765E+12 "] {
            assert!(scientific(sci), "{sci}");
        }
        for id in ["401234567890", "4012E", "E+11", "AB1E+11", "1.2E+3", "71201", "1e", "12E45", "1.2E12"] {
            assert!(!scientific(id), "{id}");
        }
    }

    #[test]
    fn an_id_cell_gives_an_earlier_id_only_where_its_brackets_say_so() {
        for (cell, earlier) in [
            ("AC40377 (was Unborn of AC40112)", Some(("AC40377", "Unborn of AC40112"))),
            ("BW20688 (new record on placement for adoption - previous Case ID BW20112)", Some(("BW20688", "BW20112"))),
            ("EW9034 (Unborn of EW8812)", Some(("EW9034", "Unborn of EW8812"))),
            ("C1234 (was C1243)", Some(("C1234", "C1243"))),
            ("C1234 [formerly LCS ref: 998877]", Some(("C1234", "998877"))),
            ("KL88310 (HW ID to follow)", None),
            ("KEL-55031 (Kelsey CC)", None),
            ("C1234 (was with C1243's family)", None),
            ("C1234 (was C-1234)", None),
            ("Unborn of AC40112", None),
            ("C1 & C2 (siblings)", None),
            // Another person's id (found by a stranger's review).
            ("C500200 (previously C500100 - sibling record)", None),
            ("C500200 (was C500100 mother's file)", None),
            ("C500200 (old ref C500100 is brother)", None),
        ] {
            let got = earlier_id_in_cell(cell);
            assert_eq!(got.as_ref().map(|(a, b)| (a.as_str(), b.as_str())), earlier, "{cell}");
        }
        // One id among other words is that id; a name beside it is left out.
        for (cell, id) in [
            ("C140100 (old case closed)", Some("C140100")),
            ("C1234 (was CIN now CP)", Some("C1234")),
            ("Jayden Smith (C100100)", Some("C100100")),
            ("C100100", None),
            ("MOS 40012", None),
            ("Unborn of AC40112", None),
            ("C1001 & C1002", None),
            ("{E8455933-565D-5C89-BB5B-915BFCE71BFE}", None),
            ("NB: PL-0913 reallocated from one auditor to another 02/09 - see email", None),
            ("#N/A (audits.xlsx row 7)", None),
            ("KM4102 (HO ref K2204518/002)", Some("KM4102")),
            ("UA/26/003 (age disputed)", Some("UA/26/003")),
            ("C1 & C2 (sibling group)", None),
            ("C100131 & siblings", Some("C100131")),
            ("C100131 and sibs", Some("C100131")),
        ] {
            assert_eq!(id_in_cell(cell).map(|(m, _)| m).as_deref(), id, "{cell}");
        }
    }

    #[test]
    fn tidy_trims_and_collapses() {
        assert_eq!(tidy("  CP   South "), "CP South");
        assert_eq!(tidy("CP\tSouth"), "CP South");
        assert!(matches!(tidy("CP South"), Cow::Borrowed(_)));
        assert_eq!(team_key("CP  SOUTH"), team_key(" cp south"));
    }

    #[test]
    fn tidy_drops_what_shows_as_nothing_and_reads_a_no_break_space_as_a_space() {
        assert_eq!(tidy("\u{202e}CP\u{200b} North\u{a0}"), "CP North");
        assert_eq!(tidy("CP\u{a0}\u{a0}North"), "CP North");
        assert_eq!(tidy("\u{2066}Assess\u{200d}ment\u{2069}\u{feff}"), "Assessment");
        assert_eq!(tidy("\u{200b}\u{a0} \u{200e}"), "");
        assert_eq!(team_key("\u{202b}cp north"), team_key("CP North"));
        assert_eq!(child_key("C\u{200b}10\u{2060}45"), child_key("C1045"));
        assert_eq!(child_key("C1045"), Some("C1045".to_string()));
    }

    #[test]
    fn a_trailing_team_and_a_service_prefix_join_the_plain_name() {
        let keys: Vec<String> =
            ["safeguarding north", "safeguarding north team", "h&p - family hub", "family hub", "cp - east", "cin - east", "east team", "team 1", "team 2"]
                .iter()
                .map(|k| k.to_string())
                .collect();
        let mut joins = team_joins(keys.iter());
        joins.sort();
        assert_eq!(
            joins,
            [("h&p - family hub".to_string(), "family hub".to_string()), ("safeguarding north team".to_string(), "safeguarding north".to_string())],
            "two services with an 'East' stay apart; 'Team 1' and 'Team 2' are two teams; 'North - West' is a place"
        );
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

    #[test]
    fn child_keys_ignore_case_separators_grouping_and_leading_zeros() {
        for (a, b) in [("C-2041", "c2041"), ("C 2041", "C02041"), ("1,045,200", "1045200"), ("AC10452", "ac.10452")] {
            assert_eq!(child_key(a), child_key(b), "{a} {b}");
        }
        assert_ne!(child_key("C2041"), child_key("C2014"));
        assert_eq!(child_key("2041").as_deref(), Some("2041"));
        assert_eq!(child_key("556677.0"), child_key("556677"), "a number after a spreadsheet round trip");
        assert_ne!(child_key("55667.70"), child_key("556677"));
        assert_eq!(child_key("C9 X"), Some("C9X".to_string()), "letters and digits mixed: compared as written, in capitals");
        assert_eq!(child_key("esk-b5c68bbf"), child_key("ESK-B5C68BBF"), "a pseudonymised id");
        assert_ne!(child_key("ESK-B5C68BBF"), child_key("ESK-B5C68BBE"));
        assert_ne!(child_key("P0A1"), child_key("PA1"), "zeros kept inside a mixed id");
        assert_eq!(child_key("C9 X!"), None, "other characters");
        assert_eq!(child_key("Unknown"), None, "no digit");
        for t in ["Unknown", "unknown ", "TBC", "N/A", "n/a", "?", "-", "Not known", "(none)"] {
            assert!(placeholder_id(t), "{t}");
        }
        for t in ["C1045", "Unknown 1", "NA12", "X9F00123"] {
            assert!(!placeholder_id(t), "{t}");
        }
    }

    #[test]
    fn one_childs_spellings_become_its_most_used_one_and_a_bare_number_joins_its_lettered_id() {
        let audit = |child: &str| Audit { child_id: child.into(), ..Default::default() };
        let episode = |child: &str| Episode {
            origin: Origin::default(),
            child_id: child.into(),
            kind: EpisodeKind::Cp,
            source_status: String::new(),
            start: crate::calendar::date(2026, 1, 1),
            end: None,
            team: None,
        };
        let mut m = Model { strings: Strings::new(), ..Default::default() };
        m.audits = vec![audit("C-2041"), audit("C2050"), audit("A7"), audit("B7")];
        m.episodes = vec![episode("c2041"), episode("2041"), episode("2050"), episode("2050"), episode("7")];
        for child in ["C2041", "C2041", "C2041", "C-2041", "7"] {
            let child = m.children.intern(child);
            m.case_notes.push(CaseNote {
                child,
                note_type: 0,
                kind: NoteKind::Other,
                event: crate::calendar::date(2026, 9, 1),
                recorded: None,
                seen_alone: SeenAlone::NotRecorded,
                author: 0,
                team: 0,
                row: 2,
                source: 0,
            });
        }
        let mut f = Findings::default();
        canonicalise(&mut m, &mut f);
        let audits: Vec<&str> = m.audits.iter().map(|a| a.child_id.as_str()).collect();
        let episodes: Vec<&str> = m.episodes.iter().map(|e| e.child_id.as_str()).collect();
        assert_eq!(audits, ["C2041", "C2050", "A7", "B7"]);
        // "2050" is used more than "C2050", but the lettered spelling is kept; "7"
        // could be "A7" or "B7": a bare number joins only the one lettered id with its number.
        assert_eq!(episodes, ["C2041", "C2041", "C2050", "C2050", "7"]);
        let notes: Vec<&str> = m.case_notes.iter().map(|n| m.children.get(n.child)).collect();
        assert_eq!(notes, ["C2041", "C2041", "C2041", "C2041", "7"]);
        assert_eq!(f.list.iter().filter(|x| x.code == "child_id_spellings").count(), 1);
    }
}
