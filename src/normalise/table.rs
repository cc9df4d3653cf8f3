//! Reading one table's rows into the model: header, mapping, then every row
//! accepted or rejected with a reason (rows read = accepted + rejected).

use super::columns::{is_known_header, map_table, ColumnMap, TableKind, TableMapping, Target};
use super::config::{Config, NumericDirection};
use super::findings::{Findings, Severity};
use super::fold::{contains_phrase, fold};
use super::model::*;
use super::scales::{answer, Crosswalk};
use crate::ingest::header::find_header_among_values;
use crate::ingest::{Cell, SourceRow, Table, TextFormat};
use serde::Serialize;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

/// Whether a sheet's name could be a team's: not a default or generic name
/// ("Sheet1", "Audits 2026-27", "Data", "Export"), at most four words.
fn names_a_team(name: &str) -> bool {
    const GENERIC: &[&str] = &[
        // (SharePoint's list export, owssvr.iqy, names its sheet so.)
        "owssvr",
        "sheet",
        "data",
        "audit",
        "audits",
        "log",
        "export",
        "report",
        "results",
        "tracker",
        // (The audit programme's or schedule's sheet: the records, not a team.)
        "programme",
        "programmes",
        "schedule",
        "planner",
        "dashboard",
        // (A log's sheets by the records' state: "Open", "Closed".)
        "open",
        "closed",
        "live",
        "completed",
        "archive",
        "archived",
        "all",
        "main",
        "master",
        "records",
        "record",
        "return",
        "returns",
        "response",
        "responses",
        "form",
        "table",
        "list",
        "case",
        "file",
        "files",
        "full",
        "tier",
        "summary",
        "raw",
        "output",
        "query",
        "extract",
        "download",
        "total",
        "totals",
        "current",
        "new",
        "old",
        "copy",
        "final",
        "draft",
        "working",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "q",
        "quarter",
        "year",
        "period",
        "month",
        "monthly",
        "bi",
        "bimonthly",
        // The records a sheet holds, not whose they are ("Moderation", "Actions").
        "moderation",
        "moderations",
        "moderated",
        "action",
        "actions",
        "note",
        "notes",
        "visit",
        "visits",
        "sample",
        "samples",
        "allocation",
        "allocations",
        "review",
        "reviews",
        "learning",
        "quality",
        "assurance",
        "qa",
        // Several teams, not one ("Audits - other teams").
        "other",
        "others",
        "teams",
        "various",
        "misc",
        "mixed",
        "remaining",
        // Parts of a workbook or a cycle, numbered ("Tab 2", "Round 3").
        "tab",
        "page",
        "part",
        "week",
        "round",
        "cycle",
        "wave",
        "batch",
        "phase",
        "stage",
        "step",
        "version",
        "v",
    ];
    let f = super::recognise::prepare(name);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    // A team's number is one or two digits after its name ("Family
    // Safeguarding 1", "CiC Team 2"), where the other words say team ("Wk
    // 12", "Term 1", "Cohort 2" are no teams); a year or a bare number is none.
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let numbered = words.iter().any(|w| number(w));
    !words.is_empty()
        && words.len() <= 4
        && !number(words[0])
        && (!numbered || says_team(name))
        && !words.iter().any(|w| GENERIC.contains(w) || (number(w) && w.len() > 2))
}

/// Columns whose cells each hold several fields, "Seen: Yes | Seen alone: No
/// | Announced: Yes" (a visit form flattened into one cell by the export):
/// each name becomes a column of its own, added after the others, and the
/// flattened column is left blank.
struct KeyValueColumns {
    /// Each flattened column, its separator, and the names in it (first seen first).
    columns: Vec<(usize, char, Vec<String>)>,
    /// The header's width: the new columns start after it on every row.
    width: usize,
}

impl KeyValueColumns {
    /// The pairs of one cell ("Seen: Yes | Announced: No"), when every part is
    /// a short name, a colon and a value, and there are two or more.
    /// Or, one to a line, among lines of other text ("Case ID: 7712043" over
    /// "OVERALL JUDGEMENT OF THE CASE FILE: Good" over "Full audit saved in
    /// …": a plan's task described): the lines that are pairs.
    fn pairs(text: &str, sep: char) -> Option<Vec<(&str, &str)>> {
        let lines = sep == '\n';
        fn split(p: &str) -> Option<(&str, &str)> {
            p.split_once(':').map(|(k, v)| (k.trim(), v.trim()))
        }
        let parts: Vec<(&str, &str)> = if lines { text.lines().filter_map(split).collect() } else { text.split(sep).map(split).collect::<Option<Vec<_>>>()? };
        let longest = if lines { 60 } else { 40 };
        // (On lines, no time of day: "Arrived at 10:30" is no pair.)
        let fine = parts.len() >= 2
            && parts.iter().all(|(k, _)| {
                !k.is_empty()
                    && k.len() <= longest
                    && k.chars().any(char::is_alphabetic)
                    && !k.contains(['/', '.'])
                    && !(lines && k.ends_with(|c: char| c.is_ascii_digit()))
            });
        fine.then_some(parts)
    }

    /// `lines`: whether pairs one to a line are looked for too.
    fn find(header: &SourceRow, body: &[SourceRow], lines: bool) -> Option<KeyValueColumns> {
        let mut columns = Vec::new();
        for c in 0..header.cells.len() {
            let texts: Vec<String> = body.iter().filter_map(|r| r.cells.get(c)).filter(|x| !x.is_empty()).map(Cell::as_string).collect();
            if texts.len() < 5 {
                continue;
            }
            // (Pairs on lines only in a task's or card's description, as a
            // template fills it: not a comment or a case note's words, whose
            // "Strengths: …", "Seen alone: yes" are the writer's.)
            let described = matches!(
                fold(&header.cells[c].as_string()).as_str(),
                "description" | "notes" | "task description" | "card description" | "task notes" | "details" | "task details"
            );
            for sep in ['|', ';', '\n'].into_iter().filter(|s| (lines && described) || *s != '\n') {
                let read: Vec<Vec<(&str, &str)>> = texts.iter().filter_map(|t| Self::pairs(t, sep)).collect();
                if read.len() * 5 < texts.len() * 4 {
                    continue;
                }
                let mut names: Vec<String> = Vec::new();
                for (k, _) in read.iter().flatten() {
                    if !names.iter().any(|n| n.eq_ignore_ascii_case(k)) {
                        names.push(k.to_string());
                    }
                }
                // (A template's: two names or more on four in five of them.)
                let common =
                    names.iter().filter(|n| read.iter().filter(|r| r.iter().any(|(k, _)| k.eq_ignore_ascii_case(n))).count() * 5 >= read.len() * 4).count();
                if sep == '\n' && common < 2 {
                    break;
                }
                if names.len() <= 12 {
                    columns.push((c, sep, names));
                }
                break;
            }
        }
        (!columns.is_empty()).then_some(KeyValueColumns { columns, width: header.cells.len() })
    }

    fn describe(&self, header: &SourceRow) -> String {
        let each: Vec<String> = self
            .columns
            .iter()
            .map(|(c, _, names)| format!("'{}' ({})", header.cells.get(*c).map(Cell::as_string).unwrap_or_default(), names.join(", ")))
            .collect();
        format!("columns whose cells each hold several fields written 'Name: value': read as a column per name: {}", each.join("; "))
    }

    /// A row with the flattened columns' fields as columns of their own (the
    /// header row gains their names; rows above it are left as they are).
    fn apply(&self, mut row: SourceRow, header_row: u32) -> SourceRow {
        // (A row a layout set aside keeps its mark, in its last cell.)
        if row.row < header_row || super::board::marked(&row).is_some() {
            return row;
        }
        row.cells.resize(self.width, Cell::Empty);
        for (c, sep, names) in &self.columns {
            if row.row == header_row {
                row.cells.extend(names.iter().map(|n| Cell::Text(n.clone())));
                continue;
            }
            let text = row.cells[*c].as_string();
            let pairs = Self::pairs(&text, *sep).unwrap_or_default();
            if !pairs.is_empty() {
                row.cells[*c] = Cell::Empty;
            }
            row.cells.extend(names.iter().map(|n| {
                pairs
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(n))
                    .map(|(_, v)| if v.is_empty() { Cell::Empty } else { Cell::Text(v.to_string()) })
                    .unwrap_or(Cell::Empty)
            }));
        }
        row
    }
}

/// Header names split at commas inside brackets ("Overall Judgement (Good",
/// " RI etc)") joined back into one, when that makes exactly `extra` fewer
/// names; with the names joined, for the note.
fn join_split_names(cells: &[Cell], extra: usize) -> Option<(Vec<Cell>, String)> {
    let texts: Vec<String> = cells.iter().map(Cell::as_string).collect();
    let depth = |t: &str| t.matches('(').count() as i64 - t.matches(')').count() as i64;
    let mut out: Vec<Cell> = Vec::new();
    let mut shown = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        let mut open = depth(&texts[i]);
        let mut j = i;
        while open > 0 && j + 1 < texts.len() {
            j += 1;
            open += depth(&texts[j]);
        }
        if j > i && open == 0 {
            let joined = texts[i..=j].iter().map(|t| t.trim()).collect::<Vec<_>>().join(", ");
            shown.push(format!("'{joined}'"));
            out.push(Cell::Text(joined));
        } else {
            out.push(cells[i].clone());
            j = i;
        }
        i = j + 1;
    }
    (cells.len() - out.len() == extra && extra > 0).then(|| (out, shown.join(", ")))
}

#[cfg(test)]
mod split_names {
    use super::*;

    /// A sheet's or file's name as a team: a team numbered after its name, a
    /// team after or before a dash; not a year, a numbered part of a
    /// workbook, nor several teams.
    #[test]
    fn names_that_give_a_team() {
        for (name, team) in [
            ("Family Safeguarding 1", Some("Family Safeguarding 1")),
            ("CiC Team 2", Some("CiC Team 2")),
            ("Audits - Assessment North", Some("Assessment North")),
            ("Assessment North - Sep 2026", Some("Assessment North")),
            ("Team - Looked After", Some("Looked After")),
            ("Copy of CP North", Some("CP North")),
            ("CP North - Copy", Some("CP North")),
            ("CP North (1)", Some("CP North")),
            ("LCS KSS audits - Family Help", Some("Family Help")),
            ("LCS KSS audits - Family Help (copy)", Some("Family Help")),
            ("CP North (Copy 2)", Some("CP North")),
            ("CP North copy", Some("CP North")),
            ("CP North - Copy (2)", Some("CP North")),
            ("LCS KSS audits - Family Help part 1", Some("Family Help")),
            ("CP North_part_2", Some("CP North")),
            ("CP North (part 2 of 3)", Some("CP North")),
            ("CiC Team 2 pt 1", Some("CiC Team 2")),
            ("CP North PART1", Some("CP North")),
            ("CP North.part2", Some("CP North")),
            ("CiC Team 2 pt2", Some("CiC Team 2")),
            ("Family Help (part1)", Some("Family Help")),
            ("2026 export - Audits - Assessment North", Some("Assessment North")),
            ("Audits - other teams", None),
            ("Audits 2026-27", None),
            ("Tab 2", None),
            ("2026", None),
            ("Sheet1", None),
        ] {
            assert_eq!(team_in_name(name).as_deref(), team, "{name}");
        }
    }

    #[test]
    fn names_split_inside_brackets_are_joined_when_that_fits_the_rows() {
        let cells: Vec<Cell> = ["Audit ID", "Overall Judgement (Good", " RI etc)", "Child spoken to"].iter().map(|t| Cell::text(t)).collect();
        let (joined, shown) = join_split_names(&cells, 1).expect("joined");
        assert_eq!(joined.iter().map(Cell::as_string).collect::<Vec<_>>(), ["Audit ID", "Overall Judgement (Good, RI etc)", "Child spoken to"]);
        assert_eq!(shown, "'Overall Judgement (Good, RI etc)'");
        // Not when the rows want another number of names, nor with no brackets to go by.
        assert!(join_split_names(&cells, 2).is_none());
        let plain: Vec<Cell> = ["Audit ID", "Team", "Grade"].iter().map(|t| Cell::text(t)).collect();
        assert!(join_split_names(&plain, 1).is_none());
    }
}

/// A sheet's or file's name read as a team's: "Team - Looked After" is
/// "Looked After"; a generic name ("Sheet1", "Audits 2026-27") is none.
fn team_in_name(name: &str) -> Option<String> {
    // A copy's or a download's marks are not the name: "Copy of CP North",
    // "CP North - Copy", "CP North (1)".
    let mut name = name.trim();
    if name.get(..8).is_some_and(|p| p.eq_ignore_ascii_case("copy of ")) {
        name = name[8..].trim_start();
    }
    name = without_copy_marks(name);
    // "Audits - Assessment North", "Assessment North - Sep 2026", "2026
    // export - Audits - Assessment North": the part between dashes that names
    // a team (the last first), when the whole does not.
    let parts: Vec<&str> = name.split(" - ").flat_map(|p| p.split(" – ")).collect();
    team_in_part(name).or_else(|| if parts.len() > 1 { parts.iter().rev().find_map(|p| team_in_part(p)) } else { None })
}

/// A file's or sheet's name without the marks a copy, a download or a split
/// leaves at its end: "CP North - Copy", "CP North (copy)", "CP North (1)",
/// "CP North copy 2", "CP North part 1", "CP North (part 2 of 3)", "CP North
/// pt 1" are all "CP North".
fn without_copy_marks(name: &str) -> &str {
    marks_off(name, true)
}

/// A file's name without a split's part marks only ("… part 1", "(part 2
/// of 3)", "pt 1"): a copy's or a download's marks are kept.
fn without_part_marks(name: &str) -> &str {
    marks_off(name, false)
}

fn marks_off(name: &str, copies: bool) -> &str {
    // A mark's words: "copy", "copy 2", "part 1", "part 1 of 2", "pt 1", "2".
    let mark = |words: &[&str]| {
        let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
        match words {
            ["copy"] => copies,
            // (A part written as one word: "PART1", "pt2".)
            [n] => (copies && number(n)) || glued_part(n).is_some_and(number),
            ["copy", n] => copies && number(n),
            ["part" | "pt", n] => number(n),
            ["part" | "pt", n, "of", m] => number(n) && number(m),
            _ => false,
        }
    };
    let mut name = name.trim();
    loop {
        let lower = name.to_ascii_lowercase();
        let before = name;
        // In brackets: "(copy)", "(1)", "(part 2 of 3)".
        if let Some(open) = lower.rfind('(').filter(|_| lower.ends_with(')')) {
            let words: Vec<&str> = lower[open + 1..lower.len() - 1].split_whitespace().collect();
            if open > 0 && mark(&words) {
                name = name[..open].trim_end();
            }
        }
        // Or the last words: "- Copy", "copy 2", "part 1", "part 1 of 2".
        if name == before {
            let tokens = token_starts(&lower);
            for take in [4, 2, 1] {
                // (A bare number ends many teams' names, "CiC Team 2": outside
                // brackets only a copy's or a part's words are marks.)
                let Some(tail) = tokens.len().checked_sub(take).filter(|&at| at > 0).map(|at| &tokens[at..]) else { continue };
                let words: Vec<&str> = tail.iter().map(|&(_, w)| w).collect();
                if (matches!(words[0], "copy" | "part" | "pt") || glued_part(words[0]).is_some()) && mark(&words) {
                    name = name[..tail[0].0].trim_end_matches([' ', '-', '–', '_', '.']);
                    break;
                }
            }
        }
        if name == before || name.is_empty() {
            return if name.is_empty() { before } else { name };
        }
    }
}

/// A file's name (no folder, no extension), lower-cased, without the part
/// mark of a file split by rows; none where it has no such mark.
fn split_stem(file: &str) -> Option<String> {
    let stem = std::path::Path::new(file).file_stem()?.to_string_lossy().into_owned();
    let whole = without_part_marks(&stem);
    (whole.len() < stem.len()).then(|| whole.to_lowercase())
}

/// The number of a part mark written as one word ("part1", "pt2"), lower-cased.
fn glued_part(word: &str) -> Option<&str> {
    word.strip_prefix("part").or_else(|| word.strip_prefix("pt")).filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The words of a lower-cased name with where each starts, split at spaces,
/// dashes, underscores and dots ("audits.part2").
fn token_starts(lower: &str) -> Vec<(usize, &str)> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        let sep = c.is_whitespace() || matches!(c, '-' | '–' | '_' | '.');
        match (sep, start) {
            (true, Some(s)) => {
                tokens.push((s, &lower[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push((s, &lower[s..]));
    }
    tokens
}

fn team_in_part(name: &str) -> Option<String> {
    let t = name.trim();
    let rest = t
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("team"))
        .and_then(|_| t.get(4..))
        .filter(|r| r.starts_with([' ', '-', ':', '–', '_']))
        .map(|r| r.trim_start_matches([' ', '-', ':', '–', '_']))
        .filter(|r| !r.is_empty());
    let t = rest.unwrap_or(t);
    names_a_team(t).then(|| t.to_string())
}

/// The team a file is named for when files named alike are each a team's
/// copy: "Tier 2 audit tracker - North" beside "Tier 2 audit tracker -
/// Central" and "… - South" (the same name but the part after the last
/// dash, each part naming a team, not a month, a version or a copy: see
/// [`names_a_team`]). A place alone names no team otherwise ([`says_team`]).
fn team_among_siblings(stem: &str, stems: &[String]) -> Option<String> {
    fn split(name: &str) -> Option<(&str, &str)> {
        let at = name.rfind(" - ").map(|i| (i, 3)).into_iter().chain(name.rfind(" – ").map(|i| (i, " – ".len()))).max_by_key(|&(i, _)| i)?;
        let (prefix, last) = (name[..at.0].trim(), name[at.0 + at.1..].trim());
        (!prefix.is_empty() && names_a_team(last)).then_some((prefix, last))
    }
    let (prefix, last) = split(stem)?;
    let sibling = stems.iter().filter_map(|s| split(s)).any(|(p, l)| p.eq_ignore_ascii_case(prefix) && !l.eq_ignore_ascii_case(last));
    sibling.then(|| last.to_string())
}

/// Whether a file's name has a word that teams are named by (a file is more
/// often named for the council, the system or the export than for a team).
fn says_team(name: &str) -> bool {
    // (Not places: "West Sussex.csv" is a council, "CP North.xlsx" a team.)
    const WORDS: &[&str] = &[
        "team",
        "teams",
        "cp",
        "child protection",
        "cin",
        "child in need",
        "children in need",
        "looked after",
        "children in care",
        "care leavers",
        "leaving care",
        "assessment",
        "safeguarding",
        "fostering",
        "adoption",
        "permanence",
        "disabled",
        "disabilities",
        "front door",
        "mash",
        "edge of care",
        "placement",
        "placements",
        "court",
        "duty",
        "family help",
        "early help",
        "family support",
        "help and protection",
        "youth justice",
        // Units teams are called by ("FS Hub 1", "Pod 3", "Unit 2").
        "hub",
        "pod",
        "unit",
        "locality",
    ];
    let f = format!(" {} ", super::recognise::prepare(name));
    WORDS.iter().any(|w| f.contains(&format!(" {w} ")))
}

/// A moderation outcome in words: "No change", "Upheld", "Grade confirmed",
/// "Partially agree - grade stands" agree; "Grade changed", "Overturned",
/// "Partially agree" do not; "Not
/// moderated", "Not selected for moderation", "Awaiting moderation" are no
/// moderation at all (blank, so the audit is not counted as moderated).
pub(crate) fn moderation_outcome(cell: &Cell) -> Option<Answer> {
    let f = fold(&cell.as_string());
    let words: Vec<&str> = f.split(' ').collect();
    let starts = |p: &str| super::fold::starts_with_words(&f, p);
    if ["not moderated", "not selected", "not yet moderated", "not required", "awaiting", "pending", "no moderation"].iter().any(|p| starts(p)) {
        Some(Answer::Blank)
    } else if words.windows(2).any(|w| w[0] == "not" && matches!(w[1], "upheld" | "confirmed" | "agreed")) {
        // "Not upheld", "Grade not confirmed".
        Some(Answer::No)
    } else if starts("no change")
        || starts("unchanged")
        || words.windows(2).any(|w| w[0] == "not" && matches!(w[1], "changed" | "overturned" | "regraded"))
        || words.iter().any(|w| matches!(*w, "upheld" | "confirmed"))
    {
        // "Grade not changed" is the grade kept.
        Some(Answer::Yes)
    } else if words.iter().any(|w| matches!(*w, "changed" | "overturned" | "regraded" | "upgraded" | "downgraded")) {
        Some(Answer::No)
    } else if matches!(words.first(), Some(&("partially" | "partly" | "partial"))) {
        // ("Partially agree - grade stands": the grade is agreed, whatever
        // else was not; blind set 159's kestrelford and wrenhaven. Not
        // "… grade not kept", review 251's c12.)
        let stands = words.iter().any(|w| matches!(*w, "stands" | "remains" | "stays" | "maintained" | "kept" | "unchanged"));
        let denied = words.iter().any(|w| matches!(*w, "not" | "doesn" | "didn" | "t" | "no"));
        Some(if stands && !denied { Answer::Yes } else { Answer::No })
    } else {
        None
    }
}

/// Whether a sentence of three words or more says the moderator agreed
/// ("agreed with auditor, RI stands", "Moderator agrees with auditor") or
/// not ("does not agree – elements not evidenced", "disagrees with the
/// grade"); `None` when it says neither, or both.
fn agreement_said(text: &str) -> Option<bool> {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < 3 {
        return None;
    }
    let agree = |w: &str| matches!(w, "agree" | "agrees" | "agreed" | "agreement");
    let not = |w: &str| matches!(w, "not" | "never" | "doesn" | "didn" | "don" | "t");
    let mut yes = false;
    let mut no = false;
    for (i, w) in words.iter().enumerate() {
        if matches!(*w, "disagree" | "disagrees" | "disagreed" | "disagreement") {
            // ("No disagreement with auditor" agrees.)
            if words[i.saturating_sub(2)..i].iter().any(|b| matches!(*b, "no" | "not" | "without")) {
                yes = true;
            } else {
                no = true;
            }
        } else if agree(w) && words.get(i + 1).is_some_and(|n| *n == "to") {
            // ("Agreed to regrade to Good": a change agreed, not the grade.)
            no = true;
        } else if agree(w) {
            // "does not agree", "not in agreement", "did not fully agree".
            let before = &words[i.saturating_sub(3)..i];
            if before.iter().any(|b| not(b)) {
                no = true;
            } else {
                yes = true;
            }
        }
    }
    match (yes, no) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A sentence that reads as an answer only by a word inside it ("Not selected
/// for parent/carer views.", "Mother declined to take part."), or not at all:
/// prose, not an answer.
fn is_prose_answer(c: &Cell) -> bool {
    let f = fold(&c.as_string());
    f.split(' ').count() >= 5
        && !matches!(f.split(' ').next(), Some("yes" | "y" | "no" | "n" | "true" | "false" | "na"))
        && !["n a", "not applicable", "not relevant"].iter().any(|p| f.starts_with(p))
        // "Not selected for parent/carer views": the form's own answer for a
        // question not asked of this case (seed 001), not prose.
        && !super::scales::UNANSWERED.iter().any(|p| f.starts_with(p))
}

/// "NA", "N/A", "None", "nan": a team not recorded (as R, pandas or a failed
/// lookup write it).
pub(crate) fn no_team(t: &str) -> bool {
    matches!(fold(t).as_str(), "na" | "n a" | "none" | "nan" | "null" | "not known" | "unknown")
}

/// The fields a moderation log holds beside the audit id.
const MODERATION_FIELDS: &[&str] = &["moderated", "moderator_agrees", "moderated_overall", "moderation_date"];

/// The reason given for the rows of a sheet that holds no records.
pub const NOT_DATA: &str = "not a data table (skipped)";

/// What a row's words say it carries forward, or was carried forward as: "b/f
/// from A25-0391", "brought forward from …", "carried forward from …" (this
/// record replaces that one: `true`), or "Carried forward to 2026-27 as
/// A26-0001", "c/f as …" (that one replaces this: `false`); with the other
/// record's reference as written.
fn carried_link(cells: &[Cell]) -> Option<(bool, String)> {
    let token = |rest: &str| {
        rest.split_whitespace()
            .next()
            .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|t| t.chars().count() >= 3 && t.chars().any(|c| c.is_ascii_digit()))
    };
    cells.iter().filter_map(|c| if let Cell::Text(t) = c { Some(t.to_lowercase()) } else { None }).find_map(|t| {
        for from in ["b/f from ", "bf from ", "b/fwd from ", "brought forward from ", "carried forward from ", "carried over from "] {
            if let Some(at) = t.find(from) {
                return token(&t[at + from.len()..]).map(|id| (true, id));
            }
        }
        for to in ["carried forward", "c/f", "carried over", "moved to"] {
            if let Some(at) = t.find(to) {
                let rest = &t[at + to.len()..];
                if let Some(r) = rest.find(" as ") {
                    return token(&rest[r + 4..]).map(|id| (false, id));
                }
            }
        }
        None
    })
}

/// Records carried forward under a new reference, each pair one record: the
/// record carried forward is set aside for the one that carries it (said in
/// the notes).
///
/// An audit that gives an earlier audit id as its previous reference
/// ("Previous ref (2025-26)", "Previous Form ID") carries that audit when it
/// is the same child's and was not completed, or was completed the same day
/// (the audit carried into the new year's log and updated in both); one
/// completed on another day (a re-audit naming the audit it follows) is
/// another audit, kept. An action carries the action its row names ("b/f from
/// A25-0391"), or is carried by it ("carried forward … as A26-0001"), when
/// both rows name the same child.
pub(crate) fn resolve_carried(model: &mut Model) {
    for c in std::mem::take(&mut model.carried_audits) {
        let Some(at) = model.audit_ids.get(c.previous.trim()) else { continue };
        if let Some(x) = model.audits.iter().rev().find(|x| x.origin == *at) {
            if one_audit_carried(&x.child_id, x.completed, &c.child, c.completed) {
                model.superseded.push((x.origin.clone(), c.origin, CARRIED_FORWARD));
            }
        }
    }
    let links = std::mem::take(&mut model.carried_actions);
    if links.is_empty() {
        return;
    }
    // Every action read with an id, by its id (the keys end "|#id").
    let by_id: std::collections::HashMap<String, usize> =
        model.action_keys.iter().filter(|(_, &i)| i < model.actions.len()).filter_map(|(k, &i)| k.rfind("|#").map(|at| (fold(&k[at + 2..]), i))).collect();
    let mut pairs: Vec<(Origin, Origin)> = Vec::new();
    for l in &links {
        let Some(other) = by_id.get(&fold(&l.other)).map(|&i| &model.actions[i]) else { continue };
        // (The same child's, said on both: "brought forward from 2 earlier
        // audits" names no action of another child's.)
        let same_child = match (&l.child, &other.child_id) {
            (Some(a), Some(b)) => super::identity::child_key(a).is_some() && super::identity::child_key(a) == super::identity::child_key(b),
            _ => false,
        };
        let pair = if l.replaces { (other.origin.clone(), l.origin.clone()) } else { (l.origin.clone(), other.origin.clone()) };
        if same_child && pair.0 != pair.1 && !pairs.contains(&pair) {
            pairs.push(pair);
        }
    }
    for (old, new) in pairs {
        model.superseded.push((old, new, CARRIED_FORWARD_ACTION));
    }
}

/// The child id an audit is read with until its original audit is found
/// (followed by the original's id).
const CHILD_OF_ORIGINAL: &str = "(re-audit of) ";

/// The child id a Part B read with no child id is read with until its Part
/// A is found (followed by the audit's id).
const CHILD_OF_PART_A: &str = "(Part B of) ";

/// Why a Part A and its Part B read under one audit id are both kept.
const PART_B_SAME_ID: &str = "has this audit id for the other part of seed 002's two-part audit: both kept, and joined as one audit";

/// Re-audits read from a table with no child id, each naming its original
/// audit: the original's child (and team, where the re-audit gives none).
/// One whose original is in no export stays an audit of a child no other
/// record is matched to, with a warning.
/// The same for seed 002's Part B read with no child id, naming its audit by
/// the id its Part A has: the Part A's child, so the two are joined
/// ([`super::join::parts_joined`]).
pub(crate) fn children_of_originals(model: &mut Model, findings: &mut Findings) {
    let pending = |a: &Audit| [CHILD_OF_ORIGINAL, CHILD_OF_PART_A].into_iter().find(|p| a.child_id.starts_with(p));
    let waiting: Vec<(usize, &str)> = (0..model.audits.len()).filter_map(|i| Some((i, pending(&model.audits[i])?))).collect();
    for (i, prefix) in waiting {
        let original = model.audits[i].child_id[prefix.len()..].to_string();
        // (Or the audit given an id of its own because this row, read
        // first, took the id: "QA-301#2".)
        let own_id_of = |x: &Audit| x.id.rsplit_once('#').filter(|(_, n)| n.parse::<u32>().is_ok()).is_some_and(|(id, _)| id == original);
        let found = model
            .audit_ids
            .get(&original)
            .and_then(|at| model.audits.iter().find(|x| x.origin == *at && pending(x).is_none()))
            .or_else(|| model.audits.iter().find(|x| pending(x).is_none() && own_id_of(x)))
            .map(|x| (x.child_id.clone(), x.team.clone(), x.origin.clone()));
        let a = &mut model.audits[i];
        let (file, sheet, row) = (a.origin.file.clone(), a.origin.sheet.clone(), a.origin.row);
        let (its, field) = if prefix == CHILD_OF_PART_A { ("Part A, the audit", "audit_id") } else { ("original audit", "previous_id") };
        match found {
            Some((child, team, at)) => {
                let why = format!("no child id column: the child of its {its} {original} ({} row {}), {child}", at.file, at.row);
                a.child_id = child;
                if a.team.is_none() {
                    a.team = team;
                }
                findings.push(Severity::Info, "child_from_original", &file, sheet.as_deref(), Some(row), Some(field), original, why);
            }
            None => {
                let why = format!("no child id column, and its {its} {original} is in no export: the audit is counted, but matched to no other record");
                findings.push(Severity::Warning, "child_id_unknown", &file, sheet.as_deref(), Some(row), Some(field), original, why);
            }
        }
    }
}

/// Whether an earlier record and the record carrying it forward are one audit.
fn one_audit_carried(earlier_child: &str, earlier_done: Option<chrono::NaiveDate>, child: &str, done: Option<chrono::NaiveDate>) -> bool {
    let key = super::identity::child_key(child);
    key.is_some() && key == super::identity::child_key(earlier_child) && (earlier_done.is_none() || earlier_done == done)
}

/// Whether two audits are of one child, by an id that reads as one.
fn same_child(x: &Audit, y: &Audit) -> bool {
    let key = super::identity::child_key(&x.child_id);
    key.is_some() && key == super::identity::child_key(&y.child_id)
}

/// Whether two audits under one id were completed more than four weeks
/// apart: a re-audit given the same id, not a version of the audit.
fn reaudit_of(x: &Audit, y: &Audit) -> bool {
    x.completed.zip(y.completed).is_some_and(|(p, q)| (q - p).num_days().abs() > 28)
}

/// Dates that databases and Excel write for "no date": SQL Server's
/// 1900-01-01, Excel's day 0 (1899-12-30 or 12-31), SQL's 1753-01-01, .NET's
/// 0001-01-01.
const NO_DATE: [(i32, u32, u32); 5] = [(1900, 1, 1), (1899, 12, 30), (1899, 12, 31), (1753, 1, 1), (1, 1, 1)];

/// Rows read before deciding on the header and the mapping.
const SAMPLE_ROWS: usize = 500;
/// The most rows read of a form below the tables its sample ends at.
const FORM_ROWS: usize = 2_000;

/// Everything the rows of a table need to be normalised.
pub struct Context<'a> {
    pub config: &'a Config,
    pub crosswalk: &'a Crosswalk,
    pub recogniser: super::recognise::Recogniser,
    pub note_rules: KindRules,
    pub episode_rules: KindRules,
    /// Form label → the audit field it names (forms repeat their labels).
    pub(crate) form_labels: std::cell::RefCell<std::collections::HashMap<String, Option<(String, usize)>>>,
    /// Cell text → whether it is a known column name (header detection asks of
    /// the same labels in every file of a folder).
    known_headers: std::cell::RefCell<std::collections::HashMap<String, bool>>,
    /// The grade keys in force for the file being read: its workbook's own,
    /// then any given as a file of its own beside the exports (for long
    /// exports, whose codes are turned into grades once pivoted).
    pub(crate) grade_keys: std::cell::RefCell<Vec<super::gradekey::SheetKey>>,
    /// Question ids and what each asks, from a list beside the exports
    /// ("KSS1", "Child's lived experience: How well do we understand …"):
    /// a header that is only the id is read with its text.
    pub(crate) question_list: std::cell::RefCell<Vec<(String, String)>>,
    /// Keys of column names in files of their own ([`super::colkey`]).
    pub(crate) column_keys: std::cell::RefCell<Vec<super::colkey::ColumnKey>>,
    /// Codes and their labels given as a file of their own beside the
    /// exports, for the files that have none of their own.
    pub(crate) folder_labels: std::cell::RefCell<Option<super::gradekey::ValueLabels>>,
    /// Corrections of logs that name each record by its ids, made as the
    /// records are read ([`super::corrections::apply_keyed`]).
    pub(crate) keyed_corrections: std::cell::RefCell<Vec<super::corrections::Keyed>>,
    /// The header rows that two or more sheets of the workbook being read,
    /// or small files of the folder, share, with each one's rows under them
    /// ([`shared_headers`]).
    pub(crate) shared_headers: std::cell::RefCell<Vec<SharedHeader>>,
    /// The header rows of the folder's small files ([`header_parts`]).
    pub(crate) folder_headers: std::cell::RefCell<Vec<HeaderPart>>,
    /// The names (without extension) of every file read, for
    /// [`team_among_siblings`].
    pub(crate) file_stems: std::cell::RefCell<Vec<String>>,
    /// While a joined report's two tables are read ([`super::joined`]):
    /// neither is looked at as a joined report again.
    pub(crate) in_joined: std::cell::Cell<bool>,
    /// Each input file by the name it is shown by (to open another part of
    /// a log of legal-status events: [`other_log_parts`]).
    pub(crate) paths: std::cell::RefCell<std::collections::HashMap<String, std::path::PathBuf>>,
    /// Each status history read (a legal-status table without end dates):
    /// its header and its rows' changes of status.
    pub(crate) status_histories: std::cell::RefCell<Vec<StatusHistory>>,
    /// The parts (file, sheet) of a log of legal-status events already read
    /// with another part of it, and that part's name.
    pub(crate) events_read: std::cell::RefCell<std::collections::HashMap<(String, Option<String>), String>>,
    /// The audits of action lists that list their audits too
    /// ([`super::joined::Shape::ActionsWithAudits`]), read when every file
    /// has been read and only if no other table of audits was
    /// ([`read_listed_audits`]).
    pub(crate) listed_audits: std::cell::RefCell<Vec<ListedAudits>>,
}

/// An action list's audits, kept to be read after every file ([`Context::listed_audits`]).
pub(crate) struct ListedAudits {
    file: String,
    sheet: Option<String>,
    text_format: Option<TextFormat>,
    date1904: bool,
    rows: Vec<SourceRow>,
    /// Rows that repeat an audit already listed.
    repeated: u64,
}

/// The audits of action lists that list their audits too, read only where no
/// other table of audits was read (the audit list is the record of which
/// audits there are); else each list is said not counted.
pub(crate) fn read_listed_audits(ctx: &Context, model: &mut Model, findings: &mut Findings) -> Vec<TableReport> {
    let listed = std::mem::take(&mut *ctx.listed_audits.borrow_mut());
    let others = !model.audits.is_empty();
    let mut reports = Vec::new();
    for l in listed {
        if others {
            findings.push(
                Severity::Warning,
                "listed_audits_not_counted",
                &l.file,
                l.sheet.as_deref(),
                None,
                None,
                "",
                "this action list lists its audits too (an audit with no action on a row of its own), but other tables of audits are read: its audits are not counted (the audit list is the record of which audits there are); its actions are read",
            );
            continue;
        }
        ctx.in_joined.set(true);
        let table = Table { file: l.file, sheet: l.sheet, text_format: l.text_format, rows: Box::new(l.rows.into_iter().map(Ok)), date1904: l.date1904 };
        let mut read = read_tables(ctx, table, model, findings);
        ctx.in_joined.set(false);
        if let Some(first) = read.first_mut() {
            first.notes.insert(0, "the audits an action list lists (no other table of audits was read)".into());
            for _ in 0..l.repeated {
                first.rows_read += 1;
                first.reject(super::joined::AUDIT_REPEATED);
            }
        }
        reports.extend(read);
    }
    reports
}

/// A header row that two or more sheets or files share (a tracker kept one
/// sheet per team, or per month, or one small workbook per team), and each
/// of those tables' first rows under it: parts of one table, whose columns
/// are recognised on the rows of all of them. A table of one or two rows says
/// too little on its own: which of two columns both called an auditor's holds
/// names, whether a column of grades is graded at all.
#[derive(Debug, Clone)]
pub(crate) struct SharedHeader {
    /// The header's folded texts (no empty ones at its end).
    header: Vec<String>,
    /// Each part's file, sheet and rows below the header.
    parts: Vec<HeaderPart>,
}

/// One table's header row and the rows under it, for [`SharedHeader`].
#[derive(Debug, Clone)]
pub(crate) struct HeaderPart {
    header: Vec<String>,
    file: String,
    sheet: Option<String>,
    rows: Vec<SourceRow>,
}

impl HeaderPart {
    /// Whether the part is of the file shown as `file`.
    pub(crate) fn file_is(&self, file: &str) -> bool {
        self.file == file
    }

    /// How the part is named in a note: its sheet, else its file.
    fn name(&self) -> String {
        match &self.sheet {
            Some(s) => format!("sheet '{s}'"),
            None => format!("file '{}'", self.file),
        }
    }
}

/// A header's folded texts without the empty ones at its end (a sheet's used
/// range may run a column or two further than another's).
pub(crate) fn header_key(folded: &[String]) -> &[String] {
    let n = folded.iter().rposition(|t| !t.is_empty()).map_or(0, |i| i + 1);
    &folded[..n]
}

/// The header rows of `tables` (the tables of one file): within each table's
/// first rows, a row of three or more texts, two of them known column names,
/// and nothing else; with the rows under it. The tables keep every row.
pub(crate) fn header_parts(ctx: &Context, tables: &mut [Table]) -> Vec<HeaderPart> {
    let mut parts: Vec<HeaderPart> = Vec::new();
    for t in tables.iter_mut() {
        let rows = super::gradekey::head_n(t, SHARED_LOOK);
        let mut keys_seen: Vec<Vec<String>> = Vec::new();
        for (i, r) in rows.iter().enumerate().take(30) {
            let filled = r.filled();
            let texts: Vec<&str> = filled.iter().filter_map(|c| if let Cell::Text(t) = c { Some(t.as_str()) } else { None }).collect();
            if texts.len() < 3 || texts.len() < filled.len() || texts.iter().filter(|t| ctx.is_known_header(t)).count() < 2 {
                continue;
            }
            let folded: Vec<String> = r.cells.iter().map(|c| fold(&c.as_string())).collect();
            let key = header_key(&folded).to_vec();
            if keys_seen.contains(&key) {
                continue;
            }
            keys_seen.push(key.clone());
            // (Dates without their year read in this part's own year, as its table will be.)
            let mut below = rows[i + 1..].to_vec();
            let date_field = |name: &str| ctx.recogniser.date_field(name);
            if let Some(super::yearless::Found::Dates(dates)) =
                super::yearless::YearlessDates::find(r, &rows[..i], &below, t.sheet.as_deref(), &t.file, date_field)
            {
                below = below.into_iter().map(|row| dates.apply(row, r.row)).collect();
            }
            parts.push(HeaderPart { header: key, file: t.file.clone(), sheet: t.sheet.clone(), rows: below });
        }
    }
    parts
}

/// A cell left as the template wrote it ("Choose an item.", "--Please
/// Select--"; see [`super::forms::unfilled`]), not a placeholder a form's
/// reader knows: no answer, read as empty.
fn left_unfilled(c: &Cell) -> bool {
    matches!(c, Cell::Text(t) if super::forms::unfilled(t) && !super::forms::placeholder_text(t))
}

/// Row numbers of a log's other parts, read with it, are told apart by
/// this much ([`other_log_parts`]).
const PART_TAG: u32 = 1 << 24;

/// Another file's table under the same header as a log of legal-status
/// events being read: its file and sheet, its header's row and every row
/// under it.
struct LogPart {
    file: String,
    sheet: Option<String>,
    header_row: u32,
    rows: Vec<SourceRow>,
}

/// The other files of the folder whose table has `own` for its header (see
/// [`SharedHeader`]: small files only), not read yet, each read whole: the
/// other parts of a log of legal-status events split into files. (Not sheets
/// of the same workbook; nor a part too long to tell its rows apart.)
fn other_log_parts(ctx: &Context, own: &[String], file: &str) -> Vec<LogPart> {
    let wanted: Vec<(String, Option<String>)> = {
        let shared = ctx.shared_headers.borrow();
        let Some(s) = shared.iter().find(|s| s.header == header_key(own)) else { return Vec::new() };
        s.parts.iter().filter(|p| p.file != file).map(|p| (p.file.clone(), p.sheet.clone())).collect()
    };
    let mut parts = Vec::new();
    for (shown, sheet) in wanted {
        if ctx.events_read.borrow().contains_key(&(shown.clone(), sheet.clone())) || parts.len() + 2 >= 256 {
            continue;
        }
        let Some(path) = ctx.paths.borrow().get(&shown).cloned() else { continue };
        let Some((tables, _)) = crate::ingest::quietly(|| crate::ingest::open_with_notes(&path)).ok().and_then(Result::ok) else { continue };
        let Some(t) = tables.into_iter().find(|t| t.sheet == sheet) else { continue };
        let rows: Vec<SourceRow> = t.rows.map_while(Result::ok).collect();
        let Some(h) = rows.iter().take(SHARED_LOOK).position(|r| header_key(&header_names(r)) == header_key(own)) else { continue };
        let below: Vec<SourceRow> = rows[h + 1..].iter().filter(|r| !repeats_header(r, own)).cloned().collect();
        if below.iter().any(|r| r.row >= PART_TAG) {
            continue;
        }
        parts.push(LogPart { file: shown, sheet, header_row: rows[h].row, rows: below });
    }
    parts
}

/// The header rows two or more of `parts` share.
pub(crate) fn shared_headers(parts: &[HeaderPart]) -> Vec<SharedHeader> {
    let mut found: Vec<SharedHeader> = Vec::new();
    for p in parts {
        match found.iter_mut().find(|s| s.header == p.header) {
            Some(s) => s.parts.push(p.clone()),
            None => found.push(SharedHeader { header: p.header.clone(), parts: vec![p.clone()] }),
        }
    }
    found.retain(|s| s.parts.len() >= 2);
    found
}

/// Rows looked at in each sheet for [`shared_headers`].
const SHARED_LOOK: usize = 60;

/// Rows a table's columns are recognised on, with those of the other parts of
/// its table ([`SharedHeader`]): enough to tell a column's values, however
/// many parts there are. A table with as many rows of its own takes none.
const SHARED_ROWS: usize = 50;

/// Whether a row under a header is the header again (at a page break of a
/// report): two or more texts, each the header's own in its column.
fn repeats_header(r: &SourceRow, own: &[String]) -> bool {
    let texts: Vec<String> = r.cells.iter().map(|c| fold(&c.as_string())).collect();
    texts.iter().filter(|t| !t.is_empty()).count() >= 2 && texts.iter().zip(own).all(|(t, o)| t.is_empty() || t == o)
}

impl<'a> Context<'a> {
    pub fn new(config: &'a Config, crosswalk: &'a Crosswalk) -> Self {
        Context {
            config,
            crosswalk,
            recogniser: super::recognise::Recogniser::new(config),
            note_rules: KindRules::new(&config.note_types),
            episode_rules: KindRules::new(&config.episode_types),
            form_labels: Default::default(),
            known_headers: Default::default(),
            grade_keys: Default::default(),
            folder_labels: Default::default(),
            keyed_corrections: Default::default(),
            question_list: Default::default(),
            column_keys: Default::default(),
            shared_headers: Default::default(),
            folder_headers: Default::default(),
            file_stems: Default::default(),
            in_joined: Default::default(),
            paths: Default::default(),
            events_read: Default::default(),
            status_histories: Default::default(),
            listed_audits: Default::default(),
        }
    }

    /// The rows of the other sheets of this workbook under the same header as
    /// `own` ([`SharedHeader`]), down to any other table below it, without
    /// totals rows or the header again, for `room` rows at most; and those
    /// sheets' names.
    fn shared_rows(&self, own: &[String], file: &str, sheet: Option<&str>, room: usize) -> (Vec<Vec<Cell>>, Vec<String>) {
        let shared = self.shared_headers.borrow();
        let (mut rows, mut names) = (Vec::new(), Vec::new());
        let Some(s) = shared.iter().find(|s| s.header == header_key(own)) else { return (rows, names) };
        for part in s.parts.iter().filter(|p| !(p.file == file && p.sheet.as_deref() == sheet)) {
            if rows.len() >= room {
                break;
            }
            let below = &part.rows;
            let end = table_end(self, below, own);
            let before = rows.len();
            // (A control's placeholder left in a cell, "--Please Select--",
            // is no value, as in the table's own rows.)
            rows.extend(
                below[..end]
                    .iter()
                    .filter(|r| !is_totals_row(r) && !repeats_header(r, own))
                    .take(room - before)
                    .map(|r| r.cells.iter().map(|c| if left_unfilled(c) { Cell::Empty } else { c.clone() }).collect()),
            );
            if rows.len() > before {
                names.push(part.name());
            }
        }
        (rows, names)
    }

    /// The table a sheet or small file is a part of (its header shared with
    /// other sheets or files, [`SharedHeader`]): the first of those parts;
    /// else the sheet itself.
    pub(crate) fn table_of(&self, file: &str, sheet: Option<&str>) -> (String, Option<String>) {
        let shared = self.shared_headers.borrow();
        shared
            .iter()
            .find(|s| s.parts.iter().any(|p| p.file == file && p.sheet.as_deref() == sheet))
            .map(|s| (s.parts[0].file.clone(), s.parts[0].sheet.clone()))
            .unwrap_or_else(|| (file.to_string(), sheet.map(str::to_string)))
    }

    /// [`is_known_header`], answered once per distinct text.
    /// Texts longer than a header can be are not kept, nor more than
    /// [`KNOWN_HEADERS_MAX`] texts.
    fn is_known_header(&self, text: &str) -> bool {
        if text.len() > KNOWN_HEADER_LEN {
            return is_known_header(&self.recogniser, text);
        }
        if let Some(&known) = self.known_headers.borrow().get(text) {
            return known;
        }
        let known = is_known_header(&self.recogniser, text);
        let mut kept = self.known_headers.borrow_mut();
        if kept.len() < KNOWN_HEADERS_MAX {
            kept.insert(text.to_string(), known);
        }
        known
    }
}

/// The longest text the known-header memo keeps (a header is at most 300
/// characters once folded), and how many texts it keeps.
const KNOWN_HEADER_LEN: usize = 1_200;
const KNOWN_HEADERS_MAX: usize = 100_000;

/// Free text → kind. A pattern is a whole-word phrase, or several joined by
/// ` + ` that must all appear in any order ("cp + visit" matches "Visit - CP").
/// The pattern matching the most words wins, a multi-part pattern counting one
/// more per extra part, so "cp + visit" beats "statutory visit" on "Statutory
/// Visit (CP)"; an exact tie goes to the rule listed first.
#[derive(Debug, Clone)]
pub struct KindRules {
    patterns: Vec<(Vec<String>, usize, String)>,
}

impl KindRules {
    pub fn new(rules: &[super::config::KindRule]) -> Self {
        let patterns = rules
            .iter()
            .flat_map(|r| {
                r.patterns.iter().map(move |p| {
                    let parts: Vec<String> = p.split(" + ").map(fold).filter(|x| !x.is_empty()).collect();
                    let score = parts.iter().map(|x| x.split(' ').count()).sum::<usize>() + parts.len().saturating_sub(1);
                    (parts, score, r.kind.clone())
                })
            })
            .collect();
        KindRules { patterns }
    }

    /// Every kind some pattern matches in `text`, in the order of the rules.
    pub fn all_kinds(&self, text: &str) -> Vec<&str> {
        let t = fold(&undot_initials(text));
        let mut kinds: Vec<&str> = Vec::new();
        for (parts, _, kind) in &self.patterns {
            if !parts.is_empty() && parts.iter().all(|p| contains_phrase(&t, p)) && !kinds.contains(&kind.as_str()) {
                kinds.push(kind.as_str());
            }
        }
        kinds
    }

    pub fn classify(&self, text: &str) -> Option<&str> {
        let t = fold(&undot_initials(text));
        let mut best: Option<(usize, &str)> = None;
        for (parts, score, kind) in &self.patterns {
            if !parts.is_empty() && parts.iter().all(|p| contains_phrase(&t, p)) && best.is_none_or(|(b, _)| *score > b) {
                best = Some((*score, kind.as_str()));
            }
        }
        best.map(|(_, k)| k)
    }
}

/// Initials written with full stops ("C.P. visit", "L.A.C.", "C.I.N") as one
/// word ("CP visit"): folding would make them single letters ("c p visit")
/// that no "cp" pattern matches.
fn undot_initials(text: &str) -> std::borrow::Cow<'_, str> {
    let dotted = |w: &str| {
        let b = w.as_bytes();
        let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
        letters >= 2 && b.iter().enumerate().all(|(i, c)| if i % 2 == 0 { c.is_ascii_alphabetic() } else { *c == b'.' })
    };
    // A word's letters and dots, without brackets or commas around them ("(L.A.C)").
    fn core(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_ascii_alphabetic() && c != '.')
    }
    if !text.contains('.') || !text.split_whitespace().any(|w| dotted(core(w))) {
        return text.into();
    }
    text.split(' ')
        .map(|w| if dotted(core(w)) { w.replacen(core(w), &core(w).replace('.', ""), 1) } else { w.to_string() })
        .collect::<Vec<_>>()
        .join(" ")
        .into()
}

/// The kind of note a note type says. A visit whose words say the child was
/// not seen where they live ("Virtual Visit", "CP visit - no access",
/// "Attempted visit") is a note, not a statutory visit: statutory visits are
/// to the child, in person.
pub(crate) fn note_kind(rules: &KindRules, text: &str) -> NoteKind {
    let kind = rules.classify(text).and_then(NoteKind::parse).unwrap_or(NoteKind::Other);
    if kind.is_statutory_visit() && (not_in_person(text) || says_not_statutory(text) || called_off(text)) {
        NoteKind::Other
    } else {
        kind
    }
}

/// Whether a visit's type says it was called off ("Visit to Child -
/// Cancelled", "CLA visit (postponed)", "Statutory visit - did not take
/// place"): a note of a visit not made (blind set 187's CareFirst contacts).
fn called_off(text: &str) -> bool {
    // (Not one that happened all the same: "CP visit - cancelled by
    // mother, seen at school instead".)
    let f = fold(text);
    let seen = f.split(' ').any(|w| w == "seen") && !contains_phrase(&f, "not seen");
    // (Nor one made on another day, whose type tells of the day called
    // off: "CP Visit – rearranged (mum cancelled 22/09)", "CP visit
    // (postponed from 22/09)", "CLA visit – rescheduled, original date
    // cancelled by carer"; review 261's c16, c17, c19.)
    // (By words, not a date: "Visit - cancelled 22/09", "CP Visit 2 of 4 -
    // cancelled" were called off; review 262's c14, c16, c18.)
    let moved = f.split(' ').any(|w| matches!(w, "rearranged" | "rescheduled" | "from" | "original" | "instead" | "moved"));
    !seen
        && !moved
        && (f.split(' ').any(|w| matches!(w, "cancelled" | "canceled" | "postponed" | "abandoned"))
            || ["did not take place", "didn t take place", "not taken place", "not go ahead", "did not happen"].iter().any(|p| contains_phrase(&f, p)))
}

/// [`note_kind`], for a note type read under `visit_column`, a header that
/// says it is a visit's type ("Visit Type", "Type of visit": a visit report's
/// column): there a value that names only a plan ("CP", "LAC", "CIN") is a
/// statutory visit of that plan.
pub(crate) fn note_kind_in(ctx: &Context, visit_column: bool, text: &str) -> NoteKind {
    let kind = note_kind(&ctx.note_rules, text);
    if kind != NoteKind::Other || !visit_column {
        return kind;
    }
    // (Not a meeting about the plan: "Child protection conference", "CP
    // core group", "CLA review" under "Visit / note type" are no visits.)
    const MEETINGS: [&str; 12] =
        ["conference", "meeting", "core group", "review", "strategy", "discussion", "panel", "supervision", "assessment", "report", "letter", "telephone"];
    // (Not when the child was seen or visited: "CP - seen at nursery after core group".)
    let meeting = || {
        let f = fold(text);
        MEETINGS.iter().any(|m| super::fold::contains_phrase(&f, m)) && !f.split(' ').any(|w| matches!(w, "seen" | "visit" | "visited" | "visits"))
    };
    match plan_visit(ctx, text).filter(|_| !meeting()) {
        Some(k) => k,
        // ("Home visit", "Statutory", "Unannounced", "Joint visit": a visit
        // whose plan the child's legal status says; not "Virtual".)
        None if names_a_visit(text) && !not_in_person(text) && !says_not_statutory(text) && !visit_not_made(text) => NoteKind::StatutoryVisit,
        None => NoteKind::Other,
    }
}

/// The statutory visit of the plan a text names ("CP", "LAC", "CLA visits").
fn plan_visit(ctx: &Context, text: &str) -> Option<NoteKind> {
    match ctx.episode_rules.classify(text).and_then(super::model::EpisodeKind::parse)? {
        super::model::EpisodeKind::Cp => Some(NoteKind::CpVisit),
        super::model::EpisodeKind::Cla => Some(NoteKind::ClaVisit),
        super::model::EpisodeKind::Cin => Some(NoteKind::CinVisit),
    }
}

/// The kind of a note whose type is blank (or has no column) in a table whose
/// date column is a visit's ("Visit date": a visit report, a row per visit):
/// a visit of the plan the sheet or file is named for ("CP visits", "CLA
/// visits.csv"), else a statutory visit whose plan the child's legal status
/// says. None for any other table.
pub(crate) fn blank_type_visit(ctx: &Context, event_header: &str, headers: &[String], file: &str, sheet: Option<&str>) -> Option<NoteKind> {
    // Only a visits report and nothing else: its date a visit's and not a
    // contact's ("Visit/Contact Date" heads a log of every contact), and no
    // column that could say what kind of contact a row was or how it went
    // (a type, category, method, mode, outcome or status: a row left blank
    // there may be a call, a text or a visit with no access).
    if !visits_report(event_header, headers) {
        return None;
    }
    Some(plan_visit(ctx, &table_name(file, sheet)).unwrap_or(NoteKind::StatutoryVisit))
}

/// A table's own name: its sheet's, else its file's (without the extension).
fn table_name(file: &str, sheet: Option<&str>) -> String {
    match sheet {
        Some(s) => s.to_string(),
        None => std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
    }
}

/// Whether a table is a visits report and nothing else ([`blank_type_visit`]):
/// its date a visit's, not a contact's, and no column that could say what
/// kind of contact a row was or how it went.
pub(crate) fn visits_report(event_header: &str, headers: &[String]) -> bool {
    let says_kind =
        |h: &str| fold(h).split(' ').any(|w| matches!(w, "type" | "category" | "method" | "mode" | "outcome" | "status" | "contact" | "activity" | "kind"));
    says_visit(event_header) && !headers.iter().any(|h| says_kind(h))
}

/// Whether a visit type's words say the visit was not made, or the child
/// not seen, or that it was no visit to the child ("Home visit - child not
/// seen", "Home visit - no access", "Visit cancelled", "Statutory -
/// attempted", "Visit - DNA", "Contact visit": family time).
fn visit_not_made(text: &str) -> bool {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    words.iter().any(|w| {
        matches!(*w, "cancelled" | "canceled" | "attempted" | "attempt" | "dna" | "failed" | "refused" | "declined" | "contact" | "postponed" | "rearranged")
    }) || NOT_MADE.iter().any(|p| contains_phrase(&f, p))
}

/// Phrases that say a visit was not made or the child not seen, in its type
/// ([`visit_not_made`]) or its status ([`status_says_not_made`]).
// ("Visit not achieved": CareFirst's outcome; blind set 173.)
const NOT_MADE: [&str; 9] = ["not seen", "no access", "did not attend", "no reply", "no answer", "not home", "no one home", "not at home", "not achieved"];

/// Whether a case note's status or outcome says the visit was not made or
/// the child not seen ("No access", "Child not seen", "DNA", "Attempted -
/// no answer"): then the visit is a note, as with "Child Seen: No". (Not
/// "Cancelled", which sets the row aside: [`note_status_cancels`].)
pub(crate) fn status_says_not_made(status: &str) -> bool {
    let f = fold(status);
    let words: Vec<&str> = f.split(' ').collect();
    seen_alone_not_seen(status)
        || words.iter().any(|w| matches!(*w, "attempted" | "dna" | "unsuccessful"))
        // ("Visit did not take place - family cancelled": blind set 205's
        // brindlemoor, where it had closed the child's CP gap.)
        || NOT_MADE.iter().chain(&["nobody home", "did not take place", "didn t take place", "not taken place"]).any(|p| contains_phrase(&f, p))
}

/// Whether a visit type's words say a visit to the child ("Home visit",
/// "Statutory", "Unannounced", "Announced", "Joint visit").
fn names_a_visit(text: &str) -> bool {
    fold(text).split(' ').any(|w| matches!(w, "visit" | "visits" | "statutory" | "unannounced" | "announced" | "home"))
}

/// Whether a header says its column is a visit's ("Visit Type", "Visit
/// date"): a note type or a date of a visit report.
pub(crate) fn says_visit(header: &str) -> bool {
    fold(header).split(' ').any(|w| w == "visit" || w == "visits")
}

/// Whether a note type says it is not statutory ("Non-statutory visit",
/// "Visit (not statutory)"): "statutory visit" is in its words, and it is not one.
fn says_not_statutory(text: &str) -> bool {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    words.contains(&"nonstatutory") || words.windows(2).any(|w| matches!(w[0], "non" | "not") && w[1] == "statutory")
}

/// Whether a visit's type says it was not in person, or the child was not
/// seen: "Virtual Visit", "Video call", "Telephone visit", "via Teams",
/// "Visit - No Access", "Attempted visit", "Child not seen". A type that says
/// the child was seen or met in person is a visit whatever else it says
/// ("Face to face (not virtual)", "attempted previous day, child seen"); "not
/// seen" said of someone else ("father not seen"), "no access to bedroom" and
/// a team's name ("Teams Hub") are no sign.
pub(crate) fn not_in_person(text: &str) -> bool {
    let f = fold(text);
    if in_person(&f) {
        return false;
    }
    let words: Vec<&str> = f.split(' ').collect();
    let phrase = |ps: &[&str]| ps.iter().any(|p| contains_phrase(&f, p));
    let remote = words.iter().any(|w| matches!(*w, "virtual" | "video" | "zoom" | "skype"))
        || phrase(&[
            "telephone visit",
            "phone visit",
            "by phone",
            "by telephone",
            "via teams",
            "on teams",
            "ms teams",
            "microsoft teams",
            "teams call",
            "teams meeting",
            "online visit",
        ]);
    let no_access = (0..words.len()).any(|i| words[i] == "no" && words.get(i + 1) == Some(&"access") && words.get(i + 2) != Some(&"to"));
    // ("Child Protection Visit (not achieved)": blind set 176.)
    let attempted = words.first() == Some(&"attempted")
        || phrase(&["attempted visit", "visit attempted", "unsuccessful visit", "visit unsuccessful", "failed visit", "not achieved", "visit cancelled"]);
    // "not seen", not followed by "alone", nor said of someone else ("father not seen").
    let someone_else = |w: &str| {
        matches!(
            w,
            "father"
                | "mother"
                | "dad"
                | "mum"
                | "parent"
                | "parents"
                | "carer"
                | "carers"
                | "sibling"
                | "siblings"
                | "brother"
                | "sister"
                | "family"
                | "partner"
        )
    };
    let child_not_seen = (0..words.len()).any(|i| {
        words[i] == "not"
            && words.get(i + 1) == Some(&"seen")
            && words.get(i + 2) != Some(&"alone")
            && !i.checked_sub(1).is_some_and(|j| someone_else(words[j]))
    });
    remote || no_access || attempted || child_not_seen
}

/// Whether a folded visit description says it was in person or the child was seen.
fn in_person(f: &str) -> bool {
    // ("Child Seen Alone: Y" is the seen-alone question, not a word on how
    // the visit was made.)
    let f = if f.contains("child seen alone") { std::borrow::Cow::Owned(f.replace("child seen alone", " ")) } else { std::borrow::Cow::Borrowed(f) };
    ["face to face", "in person", "home visit", "child seen", "seen at home", "seen at school"].iter().any(|p| contains_phrase(&f, p))
}

/// Whether a "Visit Mode" value says the visit was not in person ("Virtual
/// (Teams)", "Telephone", "Video", "Online"), unless it says face to face.
pub(crate) fn mode_not_in_person(text: &str) -> bool {
    let f = fold(text);
    !in_person(&f) && f.split(' ').any(|w| matches!(w, "virtual" | "video" | "teams" | "telephone" | "phone" | "online" | "zoom" | "skype"))
}

/// Whether a "Child Seen" answer says the child was not seen ("No", "N");
/// "Not seen alone" says the child was seen.
pub(crate) fn child_not_seen(cell: &Cell) -> bool {
    // (Or a visit's outcome saying it was not made: "No Access", "Not
    // Achieved - young person not at placement".)
    (answer(cell) == Some(Answer::No) || matches!(cell, Cell::Text(t) if status_says_not_made(t))) && !fold(&cell.as_string()).split(' ').any(|w| w == "alone")
}

/// Whether a "Seen Alone" answer says the child was not seen at all ("Not
/// seen - refused to engage", "No access"): then the visit is a note, as with
/// a "Child Seen: No". "No" and "Not seen alone" say the child was seen.
pub(crate) fn seen_alone_not_seen(text: &str) -> bool {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    // "Child not seen - at school": not seen, wherever it was; "Cancelled":
    // no visit at all.
    !words.contains(&"alone")
        && (not_in_person(text)
            || matches!(words.first(), Some(&("cancelled" | "canceled")))
            // (The question and its answer: "Seen: No - no answer at the door";
            // "… – Child seen: Not seen (no access)" in a note's title, blind
            // set 164.)
            || words.windows(3).any(|w| w == ["seen", "not", "seen"] || w == ["child", "seen", "no"])
            || words.starts_with(&["seen", "no"])
            || words.windows(2).enumerate().any(|(i, w)| w == ["not", "seen"] && (i == 0 || matches!(words[i - 1], "child" | "yp" | "young" | "person"))))
}

/// Whether the child was seen alone: yes / no answers, or the words used in
/// case-note exports ("Seen alone", "Not seen alone", "Seen with carer").
pub(crate) fn seen_alone(cell: &Cell) -> SeenAlone {
    if super::scales::is_not_known(cell) {
        return SeenAlone::NotRecorded;
    }
    // Words about being alone decide first ("No concerns, seen alone" is
    // yes): a refusal or "not" before "alone" ("Did not wish to be seen
    // alone", "Declined to be seen alone", "Not seen alone") says no; one
    // after it ("Seen alone (child refused to talk)") does not.
    if let Cell::Text(t) = cell {
        // The question asked before the answer ("Child seen alone? No - sibling
        // present", "Seen alone: No"): the answer is read.
        if let Some(i) = t.find(['?', ':']) {
            let answer = t[i + 1..].trim();
            if !answer.is_empty() && fold(&t[..i]).split(' ').any(|w| w == "alone") {
                return seen_alone(&Cell::Text(answer.to_string()));
            }
        }
        let f = fold(t);
        let words: Vec<&str> = f.split(' ').collect();
        if let Some(at) = words.iter().position(|w| *w == "alone") {
            let refused = words[..at].iter().any(|w| {
                matches!(
                    *w,
                    "not"
                        | "never"
                        | "didn"
                        | "didnt"
                        | "wouldn"
                        | "wouldnt"
                        | "couldn"
                        | "couldnt"
                        | "unable"
                        | "declined"
                        | "refused"
                        | "refuses"
                        | "refusing"
                )
            });
            let denied = matches!(words.first(), Some(&("no" | "n"))) && !words[..at].contains(&"seen");
            return if refused || denied { SeenAlone::No } else { SeenAlone::Yes };
        }
    }
    match answer(cell) {
        Some(Answer::Yes) => return SeenAlone::Yes,
        Some(Answer::No) => return SeenAlone::No,
        Some(Answer::NotApplicable) => return SeenAlone::NotApplicable,
        _ => {}
    }
    let Cell::Text(t) = cell else { return SeenAlone::NotRecorded };
    let f = fold(t);
    if contains_phrase(&f, "seen with") || contains_phrase(&f, "seen together") || contains_phrase(&f, "together with") {
        SeenAlone::No
    } else {
        SeenAlone::NotRecorded
    }
}

/// What a text row with more values than its header has names is said to be.
const SHIFTED: &str = "a value with the delimiter in it and no quotes round it has moved the values after it into the next columns; the row is read as it stands (check it, or export with quotes)";

/// Says a seen-alone answer that reads as neither yes, no nor not applicable
/// ("Maybe", "Too young"), once per distinct answer in a table: such visits
/// count as not recorded in `seen_alone_recorded`. Blank and "not known"
/// answers ("Unknown", "Not recorded") are what they say, and not said.
#[allow(clippy::too_many_arguments)]
pub(crate) fn seen_alone_unread(
    said: &mut std::collections::HashSet<String>,
    findings: &mut Findings,
    file: &str,
    sheet: Option<&str>,
    row: u32,
    header: &str,
    cell: &Cell,
    read: SeenAlone,
) {
    if read != SeenAlone::NotRecorded || cell.is_empty() || super::scales::is_not_known(cell) {
        return;
    }
    let text = cell.as_string();
    // (A dash or a full stop is a blank.)
    let folded = fold(&text);
    if !text.chars().any(char::is_alphanumeric) || folded.split(' ').any(|w| w == "recorded") || !said.insert(folded) {
        return;
    }
    findings.push(
        Severity::Warning,
        "unknown_answer",
        file,
        sheet,
        Some(row),
        Some(header),
        text,
        "seen alone: not read as yes, no or not applicable: every visit with this answer counts as not recorded (first at this row)",
    );
}

/// What happened to one table, for `validate` and `metrics.json`.
#[derive(Debug, Clone, Serialize)]
pub struct TableReport {
    pub file: String,
    pub sheet: Option<String>,
    pub kind: TableKind,
    pub framework: Option<String>,
    pub header_row: Option<u32>,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub columns: Vec<ColumnMap>,
    pub notes: Vec<String>,
    pub rows_read: u64,
    pub rows_accepted: u64,
    /// Rows with a problem (no child id, an unreadable required date): not used.
    pub rows_rejected: u64,
    pub rejected_by_reason: BTreeMap<String, u64>,
    /// Rows left out by design (blank, totals, exact duplicates, legal statuses
    /// outside CP, CLA and CIN): rows read = accepted + set aside + rejected.
    pub rows_set_aside: u64,
    pub set_aside_by_reason: BTreeMap<String, u64>,
    /// True when the table could not be used at all (an error for the exit code).
    pub failed: bool,
    /// An audit table with no completion column whose every row's status
    /// says the audit is still open ("Allocated", "With auditor"): it records
    /// that none of its audits is complete ([`status_open`]).
    #[serde(skip)]
    pub open_by_status: bool,
    /// An audit table with no completion column whose statuses say when
    /// audits were done ("Finalised 24/09/2026"): it records completion.
    #[serde(skip)]
    pub completed_by_status: bool,
    /// A table of answer lines turned round (one row per answer): a record
    /// with no line for a question says nothing of its answer, whatever the
    /// table's other records answer ([`super::long`]).
    #[serde(skip)]
    pub long_format: bool,
    /// Tables read with this one, reported after it (a form's actions grid).
    #[serde(skip)]
    pub attached: Vec<TableReport>,
}

impl TableReport {
    pub fn new(file: &str, sheet: Option<&str>, fmt: Option<&TextFormat>) -> Self {
        TableReport {
            file: file.to_string(),
            sheet: sheet.map(str::to_string),
            kind: TableKind::Unknown,
            framework: None,
            header_row: None,
            encoding: fmt.map(|f| f.encoding.to_string()),
            delimiter: fmt.map(|f| match f.delimiter {
                '\t' => "tab".to_string(),
                c => c.to_string(),
            }),
            columns: vec![],
            notes: vec![],
            rows_read: 0,
            rows_accepted: 0,
            rows_rejected: 0,
            rejected_by_reason: BTreeMap::new(),
            rows_set_aside: 0,
            set_aside_by_reason: BTreeMap::new(),
            failed: false,
            open_by_status: false,
            completed_by_status: false,
            long_format: false,
            attached: Vec::new(),
        }
    }

    /// A row not used: set aside when the reason is by design ([`is_set_aside`]),
    /// else rejected.
    /// A whole table of `rows` rows read and none used, for one reason.
    /// Whether the table was read with this note (a form: [`super::forms::READ_AS_FORM`]).
    pub fn has_note(&self, note: &str) -> bool {
        self.notes.iter().any(|n| n == note)
    }

    pub fn reject_all(&mut self, rows: u64, reason: &str) {
        self.rows_read = rows;
        for _ in 0..rows {
            self.reject(reason);
        }
    }

    pub fn reject(&mut self, reason: &str) {
        if is_set_aside(reason) {
            self.rows_set_aside += 1;
            *self.set_aside_by_reason.entry(reason.to_string()).or_default() += 1;
        } else {
            self.rows_rejected += 1;
            *self.rejected_by_reason.entry(reason.to_string()).or_default() += 1;
        }
    }
}

/// Why a row its own notes say to ignore ("DUPLICATE – same audit entered
/// twice (see row 8). Ignore this row.") is not used.
pub const MARKED_IGNORE: &str = "its notes say to ignore it (a duplicate or a row entered in error)";

/// Why a line of a table that explains its codes ("Key – Status: F =
/// Finalised; P = In progress") is no record.
pub const KEY_LINE: &str = "a key to the table's codes";

/// Why a template's example row is no record.
pub const EXAMPLE_ROW: &str = "the template's example row (two or more of its cells begin \"e.g.\" or \"Example\"), not a record";

/// A template's example row, left above the records: two or more of its
/// cells begin "e.g." or "Example" ("e.g. 123456" | "e.g. Update the
/// chronology …"; "EXAMPLE" | "Example: arrange a core group …").
fn example_row(row: &SourceRow) -> bool {
    let example = |c: &Cell| matches!(c, Cell::Text(t) if t.len() <= 300 && begins_as_example(t));
    row.cells.iter().filter(|c| example(c)).count() >= 2
}

/// Whether a text begins as a template's example does: "e.g.", "eg.",
/// "Example" (not "Examples of …"). (Written with its stops: "EG" alone is a
/// grade's code, Exceeds good.)
pub(crate) fn begins_as_example(t: &str) -> bool {
    let l = t.trim_start().to_lowercase();
    l.starts_with("e.g.") || l.starts_with("eg.") || l.strip_prefix("example").is_some_and(|r| !r.starts_with(char::is_alphabetic))
}

/// A row's date fields, whichever its table has: a date written without its
/// year is read near the others.
const ROW_DATES: [&str; 6] = ["allocated_date", "due_date", "completed_date", "moderation_date", "audit_date", "set_date"];

/// Fields no legal-status log has: a table with a column of one of them
/// (beside the log's own) is another kind's.
const FOREIGN_TO_LOGS: [&str; 15] = [
    "note_type",
    "seen_alone",
    "recorded_date",
    "overall",
    "auditor",
    "moderated",
    "moderated_overall",
    "moderator_agrees",
    "spoke_child",
    "spoke_family",
    "spoke_practitioner",
    "owner",
    "due_date",
    "completed_date",
    "audit_id",
];

/// An audit's own fields, which an action's row in an outline of audits and
/// actions leaves blank (see [`super::board::Outline`]).
const OUTLINE_AUDIT_FIELDS: [&str; 10] = [
    "auditor",
    "allocated_date",
    "overall",
    "moderated",
    "moderator_agrees",
    "moderated_overall",
    "moderation_date",
    "spoke_child",
    "spoke_family",
    "spoke_practitioner",
];

/// Reasons a row is left out by design rather than for a problem in the data.
pub const SET_ASIDE_REASONS: [&str; 70] = [
    TEAM_COPY,
    NO_ACTION,
    INSTRUCTION_TASK,
    STRUCK_THROUGH,
    super::events::EVENT_FOLDED,
    TEAM_ACTION,
    STRENGTH_ROW,
    super::joined::AUDIT_REPEATED,
    super::joined::ACTION_REPEATED,
    super::join::ACTION_ON_COPY,
    EXAMPLE_ROW,
    JOINT_ENTRY,
    LONE_SENTENCE,
    PARTNER_SECTION,
    KEY_LINE,
    super::corrections::LOG,
    super::corrections::DELETED,
    MARKED_IGNORE,
    SERVICE_ACTION,
    super::lookalike::NOT_CASE_FILE,
    super::sections::SECTION_ROW,
    super::board::GROUP_TITLE,
    super::board::SUBITEM_ROW,
    super::board::OUTLINE_PARENT,
    super::board::OUTLINE_ACTION,
    super::board::BUCKET_ACTION,
    super::board::SUBTASK_ROW,
    ITEM_TITLE,
    super::sections::FURNITURE,
    super::sections::CUT_SHORT,
    "blank row",
    "totals row",
    DUPLICATE_ROW,
    REVISED_AWAY,
    LEGAL_STATUS_OUT_OF_SCOPE,
    SHORT_BREAKS,
    NOT_DATA,
    LONG_FORMAT_ANSWER,
    LONG_FORMAT_EDITED,
    NO_PLAN_DATES,
    NO_GROUP_FILLED,
    VISIT_READ_TWICE,
    REPEATED_HEADER,
    AUDIT_CANCELLED,
    AUDIT_REMOVED,
    ACTION_WITHDRAWN,
    SIBLING_ROW,
    TEST_RECORD,
    TEST_ACTION,
    TEST_CHILD,
    RECORD_RETIRED,
    SUPERSEDED,
    ACTION_SUPERSEDED,
    EPISODE_SUPERSEDED,
    NOTE_SUPERSEDED,
    super::migrated::MIGRATED,
    super::migrated::MIGRATED_ACTION,
    NOTE_ID_READ,
    ACTION_ID_READ,
    SAME_RECORD,
    NOTE_CANCELLED,
    NOTE_TEST_STATUS,
    NOTE_DRAFT_RECORDED,
    super::join::JOINED,
    super::join::JOINED_RECORD,
    super::join::FORM_JOINED,
    super::join::PART_B_JOINED,
    super::join::PART_B_SENT_AGAIN,
    super::join::PART_B_AGAIN,
    super::join::PART_B_UNDATED,
];

/// An audit that a later export of the same audits holds again (its file
/// name says it is later): that version is used.
/// Why an export's record replaces another's (said in the note on the one set aside).
pub const LATER_BY_NAME: &str = "its name says it is later";
pub const LATER_BY_PROGRESS: &str = "it records as done what the other does not";
pub const LATER_SAVED: &str = "its workbook was saved later (the time Excel writes in the file)";
/// Why a copied audit's row is set aside for the audit it was copied from.
pub const COPIED_IN: &str = "it is the audit this row was copied from (this row says it was copied or transferred in)";
/// Why an allocation list's copy of an audit gives way to another table's.
pub const RETURNED: &str = "it is the audit as returned (this list records audits still with their auditors)";
pub const LATER_ROW: &str = "it is further down the same log (the audit entered again)";

/// Why, of two entries of one audit on one sheet, one is used: its serial
/// or submission time is the later.
pub const LATER_ENTRY: &str = "it was entered later, by the sheet's serial or submission time";
pub const LATER_SUBMISSION: &str =
    "it was completed later, within a week of the other and not after an inadequate judgement (the same audit sent in again, not a re-audit)";
/// Days within which the same child's audit, on the same sheet with no audit
/// id, is the form sent in again rather than another audit.
const RESUBMITTED_WITHIN: i64 = 7;
pub const LATER_SHEET: &str = "it is on a later sheet of the same workbook (the audit carried over)";
pub const CARRIED_FORWARD_ACTION: &str = "one of the two says the other carries it forward under a new id (\"b/f from …\", \"carried forward … as …\")";
pub const CARRIED_FORWARD: &str = "it gives this record's audit id as its previous reference (the audit carried forward under a new one)";
pub const LATER_BY_COLUMNS: &str = "its table records completion, which the other's does not";
pub const SUPERSEDED: &str = "audit in a later export (that version is used)";
pub const ACTION_SUPERSEDED: &str = "action in a later export (that version is used)";
pub const EPISODE_SUPERSEDED: &str = "legal status in a later export (that version is used)";
pub const NOTE_SUPERSEDED: &str = "case note in a later export (that version is used)";
pub const NOTE_ID_READ: &str = "case note id read in another export (the first read is used)";
pub const ACTION_ID_READ: &str = "action id read in another export that does not say which is later (the first read is used)";
/// The same record in two exports that do not say which is later, with the
/// same values but written differently (a date as text in one, as a date cell
/// or a day number in the other), so not an exact duplicate row: counted once.
pub const SAME_RECORD: &str = "the same record, with the same values, read in another export that does not say which is later (the first read is used)";

/// One export's version of a record: its file, whether it records the record
/// as done (or ended), and whether its table records that at all.
#[derive(Clone, Copy)]
struct Version<'a> {
    file: &'a str,
    done: bool,
    records_done: bool,
}

/// Which of two exports' versions of one record is used. When only one of the
/// two tables records completion at all, that one's (a list without it, an
/// allocation list, is another list, not a newer version); else the later file
/// by name ([`super::versions`]); else the one that records the record as
/// done, when only one does. `Greater`: the second's.
fn later_version(first: Version, second: Version) -> Option<(std::cmp::Ordering, &'static str)> {
    use std::cmp::Ordering::{Greater, Less};
    match (first.records_done, second.records_done) {
        (true, false) => return Some((Less, LATER_BY_COLUMNS)),
        (false, true) => return Some((Greater, LATER_BY_COLUMNS)),
        _ => {}
    }
    if let Some(o) = super::versions::later_export(first.file, second.file) {
        return Some((o, LATER_BY_NAME));
    }
    match (first.done, second.done) {
        (false, true) => Some((Greater, LATER_BY_PROGRESS)),
        (true, false) => Some((Less, LATER_BY_PROGRESS)),
        // (Then the workbook saved later, where both say when; then a copy
        // taken of a file: the file is the later.)
        _ => super::versions::saved_later(first.file, second.file)
            .map(|o| (o, LATER_SAVED))
            .or_else(|| super::versions::copy_taken(first.file, second.file).map(|o| (o, LATER_BY_NAME)))
            .or_else(|| team_copy_order(first.file, second.file)),
    }
}

/// A team's own copy of the tracker and the tracker, where nothing else
/// says which is later: the tracker's record is used, as the team's copy
/// may regrade what moderation settled, and the copy fills what it left
/// blank ([`filled_from_copy`]; blind set 175).
fn team_copy_order(first: &str, second: &str) -> Option<(std::cmp::Ordering, &'static str)> {
    match (team_copy_name(first), team_copy_name(second)) {
        (true, false) => Some((std::cmp::Ordering::Greater, TEAM_COPY_USED)),
        (false, true) => Some((std::cmp::Ordering::Less, TEAM_COPY_USED)),
        _ => None,
    }
}

/// Records of one kind kept across exports by a key (actions, legal-status
/// spells), and where the versions set aside go.
struct Kept<'m, T> {
    records: &'m mut Vec<T>,
    keys: &'m mut std::collections::HashMap<String, usize>,
    superseded: &'m mut Vec<(Origin, Origin, &'static str)>,
    set_aside: &'m mut Vec<super::model::SetAside>,
    no_completion: &'m std::collections::HashSet<(String, Option<String>)>,
}

/// Adds `rec` (this table's version, `mine`); when `earlier` (the index of
/// the same record read from another export) is given, only the version
/// [`later_version`] picks is kept: the earlier one is set aside, or `rec` is
/// rejected with `reject(rec, where the later one is)`.
#[allow(clippy::too_many_arguments)]
fn keep_version<T>(
    kept: Kept<T>,
    key: Option<String>,
    earlier: Option<usize>,
    mine: Version,
    rec: T,
    origin: impl Fn(&T) -> &Origin,
    done: impl Fn(&T) -> bool,
    reject: impl FnOnce(&T, String) -> RowError,
    set_aside: impl FnOnce(Origin, T) -> super::model::SetAside,
    same: impl Fn(&T, &T) -> bool,
) -> Result<(), RowError> {
    if let Some(i) = earlier {
        let first = &kept.records[i];
        let at = origin(first).clone();
        let records_done = !kept.no_completion.contains(&(at.file.clone(), at.sheet.clone()));
        match later_version(Version { file: &at.file, done: done(first), records_done }, mine) {
            Some((std::cmp::Ordering::Greater, why)) => {
                kept.superseded.push((at, origin(&rec).clone(), why));
                kept.keys.insert(key.expect("an earlier one has a key"), kept.records.len());
                kept.records.push(rec);
                return Ok(());
            }
            Some((std::cmp::Ordering::Less, _)) => {
                let err = reject(&rec, format!("{} row {}", at.file, at.row));
                kept.set_aside.push(set_aside(at, rec));
                return Err(err);
            }
            None if same(first, &rec) => {
                let err = (SAME_RECORD, format!("{} row {}", at.file, at.row), None);
                kept.set_aside.push(set_aside(at, rec));
                return Err(err);
            }
            _ => {}
        }
    }
    if let Some(k) = key {
        kept.keys.entry(k).or_insert(kept.records.len());
    }
    kept.records.push(rec);
    Ok(())
}

/// Whether two exports' audits record the same: every value but the id and
/// where each was read, and the rest of their rows ([`Audit::rest_of_row`]).
/// A grade counts as the same when the crosswalk reads it as the same label
/// with the same band and side of good, whatever its spelling ("RI",
/// "Requires improvement") and whatever scale each table's values made it
/// ("Meets good" on a three-label scale, or on a two-label one in a file
/// where no audit exceeded good).
fn same_audit(x: &Audit, a: &Audit) -> bool {
    fn plain(a: &Audit) -> Audit {
        let mut a = a.clone();
        a.copied_in = false;
        a.entry_note = None;
        a.entered = None;
        let judgements = a.domains.iter_mut().filter_map(|d| d.judgement.as_mut()).chain(a.overall.as_mut()).chain(a.moderated_overall.as_mut());
        for j in judgements {
            // The crosswalk's label, not the spelling ("RI", "good."), in any
            // case (each scale spells its labels its own way: "Meets Good").
            j.scale.clear();
            j.source_label.clear();
            j.label = fold(&j.label);
            j.exact = false;
        }
        a
    }
    Audit { id: a.id.clone(), origin: a.origin.clone(), ..plain(x) } == plain(a)
}

/// Searchers for the letters of [`says_copied_in`]'s words, made once.
fn copy_words() -> &'static [memchr::memmem::Finder<'static>] {
    static WORDS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| ["opied", "OPIED", "ransferred", "RANSFERRED", "opy of", "OPY OF"].iter().map(|w| memchr::memmem::Finder::new(w.as_bytes())).collect())
}

/// A challenge log's upheld challenges of the auditor's grade with a revised
/// grade (see [`super::lookalike::challenge_columns`]), kept in the model to
/// revise the audit's grade once every audit is read. A challenge of the
/// moderator's grade is left to the moderation.
fn read_challenges(
    body: &[SourceRow],
    (columns, moderation): (super::lookalike::ChallengeColumns, Option<super::lookalike::ChallengeModeration>),
    file: &str,
    sheet: Option<&str>,
    ctx: &Context,
    date1904: bool,
    model: &mut Model,
) {
    let (child, date, outcome, revised, challenged) = columns;
    let as_date = |c: &Cell| if date1904 { serial_1904(c).or_else(|| c.as_date()) } else { c.as_date() };
    let text = |r: &SourceRow, i: usize| r.cells.get(i).map(Cell::as_string).unwrap_or_default().trim().to_string();
    for r in body {
        // (The auditor's overall grade: not the moderator's, nor one domain's, "Voice of the child".)
        // (Or the grade itself: "Judgement challenged | Inadequate".)
        let of_overall = challenged.map(|i| (fold(&text(r, i)), r.cells.get(i).is_some_and(|c| ctx.crosswalk.is_label(c)))).is_none_or(|(c, grade)| {
            c.is_empty()
                || grade
                || (!c.contains("moderat")
                    && ["overall", "auditor", "auditors", "audit", "judgement", "judgment", "grade", "rating"].iter().any(|w| contains_phrase(&c, w)))
        });
        let on = date.and_then(|d| r.cells.get(d)).and_then(as_date);
        let (id, grade) = (text(r, child), revised.map(|i| text(r, i)).unwrap_or_default());
        let said = text(r, outcome);
        // (Of the overall, naming a child, and its audit's date where the log has the column.)
        let names_audit = of_overall && !id.is_empty() && (on.is_some() || date.is_none());
        if names_audit && super::lookalike::upheld(&said) && !grade.is_empty() {
            model.challenges.push((Origin { file: file.to_string(), sheet: sheet.map(str::to_string), row: r.row }, id.clone(), on, grade));
        }
        // A challenge a senior manager moderated (who, or when, filled in)
        // and decided is that audit's moderation: upheld, the moderator did
        // not agree with the auditor; not upheld, did (blind set 159's
        // hallowdene); upheld in part, agreed where the grade it gives is
        // the auditor's (decided where the grade is revised, review 251's
        // c06). One pending or withdrawn is none yet.
        if let Some((by, when)) = moderation {
            let filled = |i: Option<usize>| i.and_then(|i| r.cells.get(i)).is_some_and(|c| !c.is_empty());
            let in_part = super::lookalike::upheld_in_part(&said);
            let agrees = if in_part {
                None
            } else if super::lookalike::upheld(&said) {
                Some(false)
            } else if super::lookalike::not_upheld(&said) {
                Some(true)
            } else {
                // (Or the moderator's own words on the grade: "Partially
                // agree - grade stands", "No change"; review 252's c12.)
                moderation_outcome(&Cell::text(&said)).and_then(|a| a.as_bool())
            };
            if names_audit && (agrees.is_some() || in_part) && (filled(by) || filled(when)) {
                model.moderations.push(ModerationRecord {
                    origin: Origin { file: file.to_string(), sheet: sheet.map(str::to_string), row: r.row },
                    audit_id: String::new(),
                    child_id: Some(id),
                    audit_date: on,
                    part_a_date: false,
                    moderated: Some(true),
                    agrees,
                    grade: None,
                    date: when.and_then(|i| r.cells.get(i)).and_then(as_date),
                });
            }
        }
    }
}

/// Whether a header names a family's or a carer household's id ("Family ID",
/// "Household ref", "Carer ID"), not a child's.
fn names_a_family_id(header: &str) -> bool {
    let f = fold(header);
    ["family", "household", "carer", "carers"].iter().any(|w| contains_phrase(&f, w))
        && ["id", "ref", "reference", "number", "no"].iter().any(|w| contains_phrase(&f, w))
        && !["child", "young person", "person"].iter().any(|w| contains_phrase(&f, w))
}

/// Whether a row says it is a copy of a record kept elsewhere ("Transferred in
/// from Family Safeguarding 01/10 - audit and actions copied from the FS
/// tracker", "Copied across from the CIN tracker").
fn says_copied_in(row: &SourceRow) -> bool {
    row.cells.iter().any(|c| match c {
        // (Words searched for only in a text that has their letters: every
        // cell of every audit row is asked.)
        Cell::Text(t) if t.len() >= 12 && copy_words().iter().any(|w| w.find(t.as_bytes()).is_some()) => {
            let f = fold(t);
            ["copied from", "copied across from", "copied over from", "transferred in from", "transferred from", "copy of the audit"]
                .iter()
                .any(|p| contains_phrase(&f, p))
        }
        _ => false,
    })
}

/// A spoken-to answer that says a questionnaire or feedback form came back
/// ("Questionnaire returned", "Feedback form completed by mum": yes) or did
/// not ("Questionnaire sent, not returned": no); `None` for anything else
/// ("Questionnaire sent").
fn questionnaire_answer(text: &str) -> Option<Answer> {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    let form = words.iter().any(|w| matches!(*w, "questionnaire" | "questionnaires" | "survey"))
        || contains_phrase(&f, "feedback form")
        || contains_phrase(&f, "consultation form");
    if !form || words.len() > 12 {
        return None;
    }
    let back = words.iter().position(|w| matches!(*w, "returned" | "completed" | "received"))?;
    let denied = words[..back].iter().rev().take(3).any(|w| {
        matches!(
            *w,
            "not"
                | "never"
                | "no"
                | "nt"
                | "t"
                | "wasnt"
                | "isnt"
                | "hasnt"
                | "hadnt"
                | "didnt"
                | "werent"
                | "havent"
                | "wasn"
                | "isn"
                | "hasn"
                | "hadn"
                | "didn"
        )
    });
    Some(if denied { Answer::No } else { Answer::Yes })
}

/// A row's note that may say another entry of its audit is the record, as
/// a joint audit entered by each of its two auditors says on one of the two
/// rows ("Joint audit - duplicate entry by co-auditor; Wyn's entry is the
/// record", "see Kit's entry for the agreed grade"), folded; whose entry it
/// names is decided against the other row (`joint_entry_of`). Not a
/// note that says this entry is the record or is no duplicate.
fn entry_note(row: &SourceRow) -> Option<String> {
    static WORDS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 2]> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| [memchr::memmem::Finder::new("ntry"), memchr::memmem::Finder::new("NTRY")]);
    row.cells.iter().find_map(|c| match c {
        Cell::Text(t) if t.len() >= 12 && words.iter().any(|w| w.find(t.as_bytes()).is_some()) => {
            let f = fold(t);
            let this = ["this entry", "this is the record", "this row is the record", "not a duplicate", "not duplicate"].iter().any(|p| f.contains(p));
            (!this && contains_phrase(&f, "entry")).then_some(f)
        }
        _ => None,
    })
}

/// Whether an audit of another team's copy of a tracker is the same audit,
/// copied across when the child moved (the new team's manager copies the
/// audit row into their own tracker): the same auditor and the same overall
/// grade, both given, and every other value the same but the team and the
/// free text (each copy's own comments: "Child transferred to CWD 01/10",
/// "Transferred in from Family Safeguarding"). Two tables' other columns
/// differ (each copy names its columns its own way), so the rest of the two
/// rows is not compared, nor the framework each copy's columns suggest (and
/// its rule for the due date, which is compared as a date), nor the header
/// the overall grade was under.
fn same_audit_copied(x: &Audit, a: &Audit) -> bool {
    let named = |x: &Audit| x.auditor.as_deref().map(fold).filter(|n| !n.is_empty());
    if !(named(x).is_some() && named(x) == named(a) && x.overall.is_some() && a.overall.is_some() && x.completed.is_some() && x.completed == a.completed) {
        return false;
    }
    // (What one copy records and the other has no value for is no
    // difference: a team's own log asks who was spoken to, the central
    // tracker gives the due date.)
    let (mut x, mut a) = (with_gaps_filled(x, a), with_gaps_filled(a, x));
    // (A question is the export's words for it: "LAST 3 MONTHS" in one
    // administrator's file is "JUDGEMENT OF CASE FILE IN THE LAST 3 MONTHS"
    // in the template's; the answers, in order, are the record. Blind set 204.)
    for d in x.domains.iter_mut().chain(a.domains.iter_mut()) {
        d.question.clear();
    }
    let (x, a) = (&x, &a);
    same_audit(
        x,
        &Audit {
            team: x.team.clone(),
            service: x.service.clone(),
            evidence: x.evidence.clone(),
            good_practice: x.good_practice.clone(),
            auditor: x.auditor.clone(),
            framework: x.framework.clone(),
            due_rule: x.due_rule.clone(),
            overall_source: x.overall_source.clone(),
            rest_of_row: x.rest_of_row,
            // (The same child by the key that matched them, however each cell writes it.)
            child_id: x.child_id.clone(),
            ..a.clone()
        },
    )
}

/// Why a team's copy of an audit in the tracker is not counted again.
pub const TEAM_COPY: &str =
    "a team's copy of an audit the tracker holds (the same child, day and auditor): the tracker's values are used, this copy's fill what it left blank";

/// Why an audit read from a team's copy gives way to the tracker's row read after it.
pub const TEAM_COPY_USED: &str =
    "it is the tracker's row of the audit this team's copy holds (the same child, day and auditor); the copy fills what it left blank";

/// The tracker's audit `x` with what it left blank taken from a team's copy
/// of it `copy` ([`with_gaps_filled`], and the overall judgement).
fn filled_from_copy(x: &Audit, copy: &Audit) -> Audit {
    let mut out = with_gaps_filled(x, copy);
    if out.overall.is_none() {
        out.overall.clone_from(&copy.overall);
        out.overall_source.clone_from(&copy.overall_source);
    }
    if out.completed.is_none() {
        out.completed = copy.completed;
    }
    out
}

/// Whether a file's name says it is a team's own copy of a tracker ("CLA
/// North - TM copy", "Audit tracker - Leaving Care edits 28-10", "Children
/// in Care team version (Jo)"); not a file saved again ("Copy of …",
/// "tracker FINAL version").
pub(crate) fn team_copy_name(file: &str) -> bool {
    let stem = std::path::Path::new(file).file_stem().map(|s| fold(&s.to_string_lossy())).unwrap_or_default();
    let words: Vec<&str> = stem.split(' ').collect();
    let marked = words.iter().any(|w| matches!(*w, "copy" | "version" | "edits" | "edited"))
        && (words.iter().any(|w| matches!(*w, "tm" | "team" | "csw" | "pod" | "service" | "edits" | "edited")));
    // (Or a team manager's, "Audit actions - Family Safeguarding 2 TM".)
    !stem.starts_with("copy of") && !contains_phrase(&stem, "final version") && (marked || words.last() == Some(&"tm"))
}

/// `x` with each value it has none of taken from `y`.
pub(crate) fn with_gaps_filled(x: &Audit, y: &Audit) -> Audit {
    fn fill<T: Clone>(to: &mut Option<T>, from: &Option<T>) {
        if to.is_none() {
            to.clone_from(from);
        }
    }
    let mut x = x.clone();
    fill(&mut x.case_type, &y.case_type);
    fill(&mut x.legal_status, &y.legal_status);
    fill(&mut x.allocated, &y.allocated);
    fill(&mut x.allocated_month, &y.allocated_month);
    fill(&mut x.due, &y.due);
    fill(&mut x.moderated, &y.moderated);
    fill(&mut x.moderator_agrees, &y.moderator_agrees);
    fill(&mut x.moderated_overall, &y.moderated_overall);
    fill(&mut x.moderation_date, &y.moderation_date);
    fill(&mut x.escalated, &y.escalated);
    for field in ["spoke_child", "spoke_family", "spoke_practitioner"] {
        if x.spoken(field) == Answer::Blank {
            *x.spoken_mut(field) = y.spoken(field);
        }
    }
    if x.domains.is_empty() {
        x.domains.clone_from(&y.domains);
    }
    x
}

/// A database extract's row that is an earlier version or a deleted record.
pub const RECORD_RETIRED: &str = "an earlier version of a record, a deleted one, or a list's folder (its current, deleted or item-type column says so)";

/// A column of a database extract that says a row is no longer the record:
/// "is_current" (0 / N / false: an earlier version) or "record_status" /
/// "is_deleted" (D / deleted / 1: deleted).
struct RowState {
    index: usize,
    header: String,
    kind: State,
}

enum State {
    /// Whether the row is the current version.
    Current,
    /// Whether the record was deleted.
    Deleted,
    /// A SharePoint list's item type: a folder is no record.
    ItemType,
}

impl RowState {
    fn of(header: &[Cell]) -> Vec<RowState> {
        header
            .iter()
            .enumerate()
            .filter_map(|(index, c)| {
                let h = super::recognise::prepare(&c.as_string());
                // Without a warehouse's type suffix ("record_status_cd", "is_current_ind").
                let h = ["cd", "code", "ind", "indicator", "flag", "flg", "yn"].iter().find_map(|w| h.strip_suffix(&format!(" {w}"))).unwrap_or(&h);
                // (Not a bare "Current": a case or plan that is open.)
                let words: Vec<&str> = h.split(' ').collect();
                // ("Is latest version", "Latest record?", "Is current version".)
                // ("Current row flag", a warehouse's history table.)
                let versioned = words.iter().any(|w| matches!(*w, "latest" | "current")) && words.iter().any(|w| matches!(*w, "version" | "record" | "row"));
                let kind = match h {
                    "is current" | "is latest" => State::Current,
                    _ if versioned && words.len() <= 4 => State::Current,
                    "record status" | "row status" | "record state" | "is deleted" | "deleted" | "delete" | "soft deleted" => State::Deleted,
                    "item type" => State::ItemType,
                    _ => return None,
                };
                Some(RowState { index, header: c.as_string(), kind })
            })
            .collect()
    }

    /// (column, value) when the row is retired.
    fn retired(&self, row: &SourceRow) -> Option<(String, String)> {
        let cell = row.cells.get(self.index)?;
        let v = fold(&cell.as_string());
        let retired = match self.kind {
            State::Current => matches!(v.as_str(), "0" | "n" | "no" | "false"),
            State::Deleted => matches!(v.as_str(), "d" | "deleted" | "del" | "1" | "y" | "yes" | "true"),
            State::ItemType => v == "folder",
        };
        retired.then(|| (self.header.clone(), cell.as_string()))
    }
}

/// A table's unused columns headed as notes or comments.
fn note_columns(mapping: &TableMapping) -> Vec<(usize, String)> {
    mapping
        .columns
        .iter()
        // (Or read as evidence for its word "comments": "PPRI Officer
        // comments" beside the form's own boxes is the officer's note.)
        .filter(|c| matches!(&c.target, Target::Unmapped) || matches!(&c.target, Target::Field(f) if f == "evidence"))
        // ("Anything else": a council's plain words for its notes; blind set 148.)
        .filter(|c| {
            // ("Exemption / non-completion": seed 003's exemptions agreed by
            // an Assistant Director; blind set 194's tarrowmere.)
            fold(&c.header)
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| matches!(w, "note" | "notes" | "comment" | "comments" | "remarks" | "anything" | "exemption" | "exemptions"))
        })
        .map(|c| (c.index, c.header.clone()))
        .collect()
}

/// A cell holding a JSON object, as an application's API writes an answer:
/// `{"value": 100000001, "label": "Good"}` is "Good", `{"code": "C2",
/// "description": "Full care order"}` "Full care order", `{"spokenTo": true}`
/// "Yes", `{"obtained": false, "reason": "declined"}` "No – declined",
/// `{"spokenTo": null, "reason": "Not applicable - baby"}` its reason,
/// `{"selected": false}` "Not selected". None for any other cell.
fn json_cell(c: &Cell) -> Option<Cell> {
    let Cell::Text(t) = c else { return None };
    let t = t.trim();
    if !(t.starts_with('{') && t.ends_with('}')) {
        return None;
    }
    let serde_json::Value::Object(o) = serde_json::from_str::<serde_json::Value>(t).ok()? else { return None };
    let text = |v: &serde_json::Value| v.as_str().map(str::to_string).filter(|s| !s.trim().is_empty());
    let named = ["label", "description", "displayName", "display", "name", "text", "title"];
    if let Some(words) = named.iter().find_map(|k| o.get(*k).and_then(text)) {
        return Some(Cell::Text(words));
    }
    // (A reason under any key naming one: "reason", "notSeenReason", "comment".)
    let says_why = |k: &str| {
        let k = k.to_ascii_lowercase();
        k.contains("reason") || k.contains("comment") || k.starts_with("note") || k == "why"
    };
    let reason = o.iter().find(|(k, _)| says_why(k)).and_then(|(_, v)| text(v));
    let flag = o.iter().find(|(k, v)| !says_why(k) && (v.is_boolean() || v.is_null()));
    match (flag, reason) {
        (Some((k, v)), reason) if k == "selected" && v.as_bool() == Some(false) => Some(Cell::text(reason.as_deref().unwrap_or("Not selected"))),
        (Some((_, serde_json::Value::Bool(true))), None) => Some(Cell::text("Yes")),
        (Some((_, serde_json::Value::Bool(true))), Some(r)) => Some(Cell::Text(format!("Yes – {r}"))),
        (Some((_, serde_json::Value::Bool(false))), None) => Some(Cell::text("No")),
        (Some((_, serde_json::Value::Bool(false))), Some(r)) => Some(Cell::Text(format!("No – {r}"))),
        (Some(_), Some(r)) => Some(Cell::Text(r)),
        (Some(_), None) => Some(Cell::Empty),
        (None, _) => o.get("value").and_then(|v| v.as_str().map(Cell::text).or_else(|| v.as_f64().map(Cell::Number))),
    }
}

/// Whether a short text cell (a value, not prose of more than 200 bytes)
/// has any of `words` (searched as bytes: every text cell of every row is
/// asked).
fn has_any(c: &Cell, words: &[memchr::memmem::Finder<'static>]) -> bool {
    matches!(c, Cell::Text(t) if (8..=200).contains(&t.len()) && words.iter().any(|w| w.find(t.as_bytes()).is_some()))
}

/// Searchers for the words of a correction ([`super::corrections::in_cell`]:
/// "should …", "amended to", "corrected to", "changed to", "updated to"),
/// made once.
fn correction_words() -> &'static [memchr::memmem::Finder<'static>] {
    static WORDS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| ["should", "Should", "SHOULD", "d to ", "D TO "].iter().map(|w| memchr::memmem::Finder::new(w.as_bytes())).collect())
}

/// Searchers for the letters of [`says_ignore_row`]'s words, made once.
fn ignore_words() -> &'static [memchr::memmem::Finder<'static>] {
    static WORDS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        ["gnore", "GNORE", "ount", "OUNT", "elete", "ELETE", "rror", "RROR"].iter().map(|w| memchr::memmem::Finder::new(w.as_bytes())).collect()
    })
}

/// Whether a text names a partner agency's worker: a school's designated
/// safeguarding lead or teacher, a health visitor or school nurse, a GP, a
/// police officer.
fn names_partner_worker(text: &str) -> bool {
    let f = fold(text);
    [
        "dsl",
        "designated safeguarding lead",
        "teacher",
        "headteacher",
        "head teacher",
        "senco",
        "school nurse",
        "health visitor",
        "named nurse",
        "midwife",
        "gp",
        "police",
        "police officer",
        "camhs",
    ]
    .iter()
    .any(|w| contains_phrase(&f, w))
}

/// An audits table's unread column whose folded header is one of `names`.
fn unread_audits_column<'m>(mapping: &'m TableMapping, names: &[&str]) -> Option<&'m ColumnMap> {
    if mapping.kind != TableKind::Audits {
        return None;
    }
    mapping.columns.iter().filter(|c| matches!(c.target, Target::Unmapped)).find(|c| names.contains(&fold(&c.header).as_str()))
}

/// An audits table's unread column headed as an agency ("Agency",
/// "Partner agency", "Contributing agency").
fn agency_column(mapping: &TableMapping) -> Option<usize> {
    const NAMES: [&str; 7] = ["agency", "partner agency", "contributing agency", "agency section", "section agency", "agency name", "returned by agency"];
    unread_audits_column(mapping, &NAMES).map(|c| c.index)
}

/// An audits table's unread column naming each row's kind of audit or
/// activity ("Audit Type", "Type of audit", "Activity"): a row it names as
/// another kind of quality assurance is none of the audits
/// ([`super::lookalike::row_kind`]).
fn kind_column(mapping: &TableMapping) -> Option<(usize, String)> {
    const NAMES: [&str; 14] = [
        "audit type",
        "type of audit",
        "audit kind",
        "kind of audit",
        "audit category",
        "form type",
        "type of form",
        "activity",
        "activity type",
        "type of activity",
        "qa activity",
        "qa type",
        "record type",
        "type",
    ];
    unread_audits_column(mapping, &NAMES).map(|c| (c.index, c.header.clone()))
}

/// Whether an agency named on an audit's row is a partner's, not children's
/// social care: its section of a multi-agency audit is no audit of the
/// council's ("Health", "Police", "Education", "0-19 Health Service").
fn partner_agency(name: &str) -> bool {
    let f = fold(name);
    let own = ["social care", "social work", "children s services", "childrens services", "local authority", "council", "csc", "cs"]
        .iter()
        .any(|w| contains_phrase(&f, w));
    let partner = [
        "health",
        "police",
        "education",
        "school",
        "schools",
        "nhs",
        "camhs",
        "probation",
        "gp",
        "hospital",
        "nursing",
        "virtual school",
        "early years",
        "housing",
        "constabulary",
    ]
    .iter()
    .any(|w| contains_phrase(&f, w));
    partner && !own
}

/// Why a partner agency's section of a multi-agency audit is not counted.
pub const PARTNER_SECTION: &str = "a partner agency's section of a multi-agency audit (not an audit of its own)";

/// Every column of an audits or actions table headed as notes or comments.
fn remark_columns(mapping: &TableMapping) -> Vec<usize> {
    if !matches!(mapping.kind, TableKind::Audits | TableKind::Actions) {
        return Vec::new();
    }
    mapping
        .columns
        .iter()
        .filter(|c| fold(&c.header).split(' ').any(|w| matches!(w, "note" | "notes" | "comment" | "comments" | "remarks")))
        .map(|c| c.index)
        .collect()
}

/// Whether a row's note says the row itself is to be ignored: "DUPLICATE –
/// same audit entered twice (see row 8). Ignore this row.", "Entered in
/// error"; not "Please do not delete this row", nor a note of one field
/// entered in error ("Grade entered in error as Inadequate, corrected to
/// RI") or of another row. (A note that only says "Duplicate" leaves the row
/// to the rules for duplicates.)
fn says_ignore_row(note: &str) -> bool {
    let f = fold(note);
    // (Said of this row, not asked against: "Please do not delete this row".)
    let said = |p: &str| {
        f.match_indices(p).any(|(i, _)| {
            let before = f[..i].trim_end();
            !(before.ends_with("not") || before.ends_with("don t") || before.ends_with("dont") || before.ends_with("never"))
        })
    };
    [
        "ignore this row",
        "ignore row",
        "ignore this entry",
        "delete this row",
        "this row was entered in error",
        "this entry was entered in error",
        "row entered in error",
    ]
    .iter()
    .any(|p| said(p))
}

/// Whether a note (or a status) says an allocation was taken out of the
/// audits, for good: "Removed from sample - sibling of …", "Withdrawn from
/// the audit programme", "Replaced by C1234", "Cancelled - case closed before
/// audit", "Not required". Not a note of something else removed ("Removed
/// from mother's care"), of a change undone or put off ("… but re-added in
/// Oct", "Withdrawn - then reinstated", "Cancelled 1st visit - audit went
/// ahead", "rebooked for 20/10"), of an audit still owed ("audit still
/// outstanding"), or of this row replacing another ("Replaced TH50211").
/// Also an allocation handed over to another auditor ("Handed over to …",
/// "Reallocated to …"), whose own row is the audit.
fn removal_note(note: &str) -> bool {
    let f = fold(note);
    let first = f.split(' ').next().unwrap_or("");
    const UNDONE: [&str; 19] = [
        "resumed",
        "restarted",
        "re added",
        "readded",
        "reinstated",
        "re instated",
        "went ahead",
        "but",
        "then",
        "still",
        "outstanding",
        "overdue",
        "chase",
        "chased",
        "rebooked",
        "rearranged",
        "rescheduled",
        "postponed",
        "deferred",
    ];
    if UNDONE.iter().any(|w| contains_phrase(&f, w)) || f.contains("rebook") || f.contains("resched") {
        return false;
    }
    let of_the_audits = ["sample", "audit", "audits", "audited", "allocation", "audit programme", "programme"].iter().any(|w| contains_phrase(&f, w));
    // ("Audit stopped - child transferred to another council": the audit
    // first, then what became of it.)
    let stopped = ["audit stopped", "audit abandoned", "audit discontinued", "audit halted"].iter().any(|p| f.starts_with(p));
    // ("EXEMPTION agreed by AD 6/10 - not to be audited this month": blind set 152's kelderby.)
    (matches!(first, "removed" | "withdrawn" | "taken" | "cancelled" | "canceled" | "exempt" | "exempted" | "exemption" | "stopped" | "abandoned" | "discontinued")
        && of_the_audits)
        || stopped
        || f.starts_with("replaced by")
        || f.starts_with("not required")
        || f.starts_with("no longer required")
        || contains_phrase(&f, "not to be audited")
        // (Given to another auditor, whose row is the audit: "Handed over to
        // P. Okonedo 28/09 (my leave) - not started".)
        || ["handed over to", "handed to", "passed to", "passed over to", "reallocated to", "reassigned to", "given to"].iter().any(|p| f.starts_with(p))
        || removal_clause(note)
}

/// [`removal_note`]'s clause by clause reading: a clause that says the audit
/// is not needed or was withdrawn ("Case closed - audit not required",
/// "… Re-audit withdrawn."), a note that starts by saying the row was
/// reallocated and says to whom it went ("Reallocated - auditor off sick.
/// Re-sent to …"; not "Reallocated 19/10" alone, nor "Re-sent after
/// reallocation from …", the new row), swapped out of the sample ("Swapped -
/// auditor was the decision maker"; not "Swapped in for …"), or is a
/// duplicate to ignore ("DUPLICATE - ignore").
fn removal_clause(note: &str) -> bool {
    let cs = clauses(note);
    let Some(first) = cs.first() else { return false };
    // (Not a note of an audit done: "Completed - re-audit not required".)
    if first.starts_with("completed") || first.starts_with("done") {
        return false;
    }
    let f = fold(note);
    let not_needed = cs.iter().any(|c| {
        let c = c.strip_prefix("re audit ").or_else(|| c.strip_prefix("reaudit ")).or_else(|| c.strip_prefix("audit ")).unwrap_or(c);
        c.starts_with("not required")
            || c.starts_with("no longer required")
            || c.starts_with("not needed")
            || c == "withdrawn"
            || c == "cancelled"
            || c == "canceled"
    }) && cs.iter().any(|c| c.starts_with("audit") || c.starts_with("re audit") || c.starts_with("reaudit"));
    let moved_on = matches!(first.as_str(), "reallocated" | "reassigned" | "re allocated" | "re assigned")
        && ["sent to", "re sent to", "resent to", "now with", "passed to", "given to", "allocated to"].iter().any(|p| contains_phrase(&f, p));
    let swapped = first.as_str() == "swapped" || first.starts_with("swapped out");
    let duplicate = first.as_str() == "duplicate"
        && (cs.len() == 1 || cs[1..].iter().any(|c| ["ignore", "delete", "disregard", "do not count", "do not use"].iter().any(|w| c.starts_with(w))));
    not_needed || moved_on || swapped || duplicate
}

/// A sibling group's audit form exported a row per child: the rows after the
/// first add their child to the one audit.
/// Why a row holding one sentence and nothing else is not counted.
/// Why a row struck through in every filled cell is not counted.
pub const STRUCK_THROUGH: &str = "struck through in every filled cell, as a deleted row is marked";

pub const LONE_SENTENCE: &str = "a line of text on its own (an instruction or a remark, such as \"Do not edit below this line\"), not a record";

/// Why a row whose only value is in the column naming each item, and names
/// no child, is not counted ([`audit_named_column`]).
pub const ITEM_TITLE: &str = "a title on a row of its own where each item is named (a group's or a month's name, no child's id): not a record";

/// A row's only text, when it is a sentence and no id: four words or more,
/// no digit ("Do not edit below this line", "Rows below are last year's").
fn lone_sentence(text: &str) -> bool {
    text.split_whitespace().count() >= 4 && !text.chars().any(|c| c.is_ascii_digit())
}

/// Why a joint audit's row that says another entry is the record is not
/// counted ([`Audit::other_entry_is_record`]).
pub const JOINT_ENTRY: &str = "the same joint audit entered by its other auditor: this row's note says the other auditor's entry is the record";

/// Why an allocation that was never done is not counted where its table
/// holds the same child allocated the same day, done (a row entered twice,
/// one copy struck through or left behind).
/// Why an audit read from an extract of another table's records is not counted ([`super::extracts_of_audits`]).
pub const EXTRACT_OF_AUDIT: &str =
    "the same audit in an extract of the records (a summary's data tab: the same child, completed the same day, every field it gives the same, fewer fields)";

/// Why a row that repeats an earlier row exactly, cell for cell, is not used.
pub const DUPLICATE_ROW: &str = "duplicate row";

/// Why an audit of an export is not counted where a revision of the same
/// export ([`super::versions::revision_of`]) holds again nearly all its other
/// audits, but not this one ([`super::revised_away`]).
pub const REVISED_AWAY: &str =
    "not in the corrected version of this export, which holds again most of this export's other audits (the row was corrected or deleted there)";

pub const ALLOCATED_TWICE: &str =
    "the same child allocated on the same day again in this table, and that row was done: this one, never done, is the same allocation entered twice";

pub const SIBLING_ROW: &str = "the same audit form's row for another child of its sibling group: the child is added to the audit";

/// An action whose status says it was withdrawn or removed ([`action_withdrawn`]).
pub const ACTION_WITHDRAWN: &str = "action withdrawn or removed (its status says so, e.g. after a challenge was upheld): owed by no one";

/// Whether an action's status says it was withdrawn, removed or cancelled
/// ("Withdrawn - dissent upheld 14/09/2026", "Removed following challenge"):
/// no action is owed. ("No longer required" is a closure, signed off on its
/// date like any completion: blind set 43.)
pub fn action_withdrawn(status: &str) -> bool {
    let t = status.trim();
    // ("Action withdrawn", "Action cancelled by manager": the action's own word first.)
    let t = ["action ", "Action ", "ACTION ", "recommendation ", "Recommendation "].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(t).trim_start();
    let (word, rest) = super::fold::first_word(t);
    let rest = rest.trim_start();
    // ("Dropped", "Scrapped": a council's own words, review 242's c58.)
    if !matches!(word.as_str(), "withdrawn" | "removed" | "cancelled" | "canceled" | "deleted" | "rescinded" | "void" | "voided" | "dropped" | "scrapped") {
        return false;
    }
    // The word alone, or with why after it ("Withdrawn - dissent upheld",
    // "Removed following challenge", "Removed (duplicate)"); not what was
    // removed or cancelled ("Removed barrier to attendance - done",
    // "Cancelled meeting rescheduled", "Withdrawn from school - action completed").
    let f = fold(rest);
    let done = ["done", "completed", "complete", "rescheduled", "rebooked", "achieved"].iter().any(|w| contains_phrase(&f, w));
    why_follows(rest, &[]) && !done
}

/// Whether what follows a status's first word is why (nothing, a dash or a
/// bracket, "following …", "after …", "due to …"), not what it acted on or
/// where it went ("Removed barrier to attendance", "Dropped to RI after
/// moderation", "Pulled forward from November"). `more` are further words
/// that may start the why.
fn why_follows(rest: &str, more: &[&str]) -> bool {
    let rest = rest.trim_start();
    let next = rest.split_whitespace().next().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).unwrap_or_default();
    rest.is_empty()
        || rest.starts_with(['-', '–', '—', '(', ':', ',', ';', '.', '/'])
        || matches!(next.as_str(), "following" | "after" | "as" | "by" | "due" | "because" | "per" | "at" | "on" | "upheld" | "since")
        || more.contains(&next.as_str())
}

/// Whether a header names a challenge of the audit or a dissent
/// ("Challenge outcome", "Dissent outcome", "Outcome of challenge").
fn names_a_challenge(header: &str) -> bool {
    let f = fold(header);
    ["challenge", "challenged", "dissent", "appeal"].iter().any(|w| contains_phrase(&f, w))
}

/// Whether a challenge's outcome says it withdrew the action: upheld, and
/// the action or recommendation withdrawn or removed ("Upheld -
/// recommendation withdrawn"); not "Not upheld", nor a timescale changed.
fn challenge_withdraws(outcome: &str) -> bool {
    let f = fold(outcome);
    let upheld = f.starts_with("upheld") || f.starts_with("challenge upheld") || f.starts_with("dissent upheld");
    // ("Upheld in part - action not withdrawn, timescale unchanged": not.)
    let not = ["not withdrawn", "not removed", "not rescinded", "not deleted", "action stands", "stands"].iter().any(|w| contains_phrase(&f, w));
    upheld && !not && ["withdrawn", "removed", "rescinded", "deleted", "no longer required"].iter().any(|w| contains_phrase(&f, w))
}

/// An allocation whose status says it was cancelled, withdrawn or exempted.
pub const AUDIT_CANCELLED: &str = "audit cancelled, withdrawn or exempted (its status says so): not an audit";

/// An allocation a note (or status) says was taken out of the sample ([`removal_note`]).
pub const AUDIT_REMOVED: &str = "allocation removed from the sample (its note or status says so): not an audit";

/// A case note whose status says it was cancelled, voided or entered in error.
pub const NOTE_CANCELLED: &str = "case note cancelled, voided, entered in error or put off (its status says so): not a record";

/// A case note whose status says it is a test or a demonstration ("DEMO",
/// "Test": review 245's c62, a training walkthrough on the live system).
pub const NOTE_TEST_STATUS: &str = "a case note whose status says it is a test or a demonstration: not a record";

/// Why a case note's status sets it aside, if it does: cancelled, voided,
/// entered in error or put off ([`note_status_cancels`]), or a test (both
/// case-note readers ask this).
pub(crate) fn note_status_sets_aside(status: &str) -> Option<&'static str> {
    if note_status_cancels(status) {
        Some(NOTE_CANCELLED)
    } else if status_test(status) || says_test(status) || fold(status) == "demonstration" {
        Some(NOTE_TEST_STATUS)
    } else {
        None
    }
}

/// A draft of a case note that the export also holds in full.
pub const NOTE_DRAFT_RECORDED: &str = "a draft of a case note the export also holds in full (the same child, type and day): the full note is used";

/// Whether a case note's status says it is a draft ("Draft", "In draft",
/// "Draft - not finalised").
pub(crate) fn note_status_draft(status: &str) -> bool {
    let f = fold(status);
    matches!(f.split(' ').next(), Some("draft")) || f == "in draft"
}

/// Whether a case note's status says it was cancelled, voided or entered in
/// error.
pub(crate) fn note_status_cancels(status: &str) -> bool {
    let f = fold(status);
    // (Or put off, or not made yet: "Rescheduled", "Rearranged to 14/10",
    // "Postponed", "Outstanding": a visit booked, not a visit made.)
    // (Not one put off and then done: "Rescheduled from 02/09 - completed".)
    let done_after = f.split(' ').any(|w| matches!(w, "completed" | "complete" | "done" | "held" | "visited"));
    let put_off = (matches!(f.split(' ').next(), Some("rescheduled" | "rearranged" | "postponed" | "outstanding")) && !done_after)
        || ["not yet done", "did not take place", "not undertaken"].iter().any(|p| f.starts_with(p));
    // (A system's status word alone, "ERROR", "ERR": a note entered in
    // error; blind set 151's tolbridge, a PARIS export.)
    status_cancels(status) || f.contains("in error") || matches!(f.as_str(), "error" | "err" | "erroneous") || put_off
}

/// Whether an audit's status says it will not be done ("Cancelled - exemption
/// agreed", "Withdrawn", "Exempt – agreed by AD", "Not required").
pub(crate) fn status_cancels(status: &str) -> bool {
    // (The audit's own word first, "Audit scrapped", "Audit stood down by
    // Head of Service": the status is what follows; review 243's c03, c52.)
    let trimmed = status.trim_start();
    let status = match trimmed.get(..6) {
        Some(head) if head.eq_ignore_ascii_case("audit ") => &trimmed[6..],
        _ => status,
    };
    // By its first word ("Completed - re-audit not required" is done, not cancelled).
    let f = fold(status);
    let first = f.split(' ').next().unwrap_or("");
    // A council's own words cancel only with why after them, if anything
    // ("Scrapped - duplicate allocation", "Pulled from the sample",
    // "Dropped"): not "Pulled forward from November" nor "Dropped to RI
    // after moderation" (review 242's c41, c42).
    if matches!(first, "scrapped" | "pulled" | "dropped") {
        return why_follows(super::fold::first_word(status.trim_start()).1, &["from", "out", "off"]);
    }
    // A reallocated audit is done by another auditor, on a row of its own.
    matches!(
        first,
        "cancelled"
            | "canceled"
            | "withdrawn"
            | "exempt"
            | "exempted"
            | "exemption"
            | "void"
            | "voided"
            | "deleted"
            | "abandoned"
            | "reallocated"
            // ("W = wdn" in a terse export's key: blind set 150's brackwater.)
            | "wdn"
            | "reassigned"
            // A case swapped for another (seed 000's sample: conflict of
            // interest), the other on a row of its own.
            | "swapped"
            | "replaced"
            | "substituted"
    ) && (!matches!(first, "exempt" | "exempted" | "exemption") || exemption_granted(&f))
        || f.starts_with("not required")
        || f.starts_with("no longer required")
        || f.starts_with("allocated in error")
        // ("Stood down": review 242's c39.)
        || f.starts_with("stood down")
        // ("Not audited - case closed, replaced by 4410029": another case
        // takes its place, on a row of its own; blind set 153.)
        || replaced_by_another(&f)
}

/// Whether a folded status says another case took the audit's place:
/// "replaced by", "swapped for", "substituted by" or "replaced with", then
/// a case's id (a word with a digit) or "another case / child".
fn replaced_by_another(f: &str) -> bool {
    // (Not one done: "Completed - replaced by 2026 form"; nor a year, which
    // names no case; review 246's c41.)
    let done = matches!(f.split(' ').next(), Some("completed" | "complete" | "done" | "finalised" | "finalized" | "returned"));
    let case_id = |w: &str| w.bytes().any(|b| b.is_ascii_digit()) && (w.len() >= 5 || w.bytes().any(|b| b.is_ascii_alphabetic()));
    // ("Case replaced - see 4410031", "Replacement case: 4410030"; a case id
    // after a year, "replaced by 2026-551203"; review 247's c21, c54, c25.
    // Not "Replacement for 4410011": that row is the replacement.)
    !done
        && [
            "replaced by ",
            "replaced with ",
            "replaced see ",
            "swapped for ",
            "swapped with ",
            "substituted by ",
            "substituted with ",
            "replacement case ",
            "replacement child ",
        ]
        .iter()
        .any(|p| {
            f.match_indices(p).any(|(at, _)| {
                let next: Vec<&str> = f[at + p.len()..].split(' ').take(2).collect();
                let year = next.first().is_some_and(|w| w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit()));
                next.first().is_some_and(|w| case_id(w))
                    || (year && next.get(1).is_some_and(|w| case_id(w) && w.bytes().all(|b| b.is_ascii_digit())))
                    || (next.first() == Some(&"another") && next.get(1).is_some_and(|w| matches!(*w, "case" | "child" | "young" | "file")))
            })
        })
}

/// The words of the rows above a table's header (its title lines), in one string.
fn title_text(above: &[SourceRow]) -> String {
    above.iter().flat_map(|r| r.cells.iter().map(Cell::as_string)).collect::<Vec<_>>().join(" ")
}

/// Whether a status that speaks of an exemption says it was granted
/// ("Exempt", "Exemption agreed by AD"), not refused or still asked for
/// ("Exemption requested - refused by HoS", "Exemption requested": the
/// audit stays due; review 239's c23).
fn exemption_granted(folded: &str) -> bool {
    // (An exemption "withdrawn" or "unauthorised" is none either: review
    // 240's c26, c27.)
    let refused = [
        "refused",
        "declined",
        "not agreed",
        "rejected",
        "not approved",
        "denied",
        "not granted",
        "not accepted",
        "withdrawn",
        "unauthorised",
        "unauthorized",
        "not authorised",
        "not authorized",
    ]
    .iter()
    .any(|p| contains_phrase(folded, p));
    let granted = ["agreed", "approved", "granted", "authorised", "authorized", "accepted"].iter().any(|p| contains_phrase(folded, p));
    let asked = ["requested", "request", "pending", "awaiting", "sought", "applied"].iter().any(|p| contains_phrase(folded, p));
    !refused && (granted || !asked)
}

/// Whether a status column's header names the status of something other than
/// the audit ("Action plan status", "Moderation status"): its "Draft" is not
/// the audit's.
fn status_of_something_else(header: &str) -> bool {
    let f = fold(header);
    ["action", "plan", "moderat", "review", "legal", "placement", "child", "case status", "allocation"].iter().any(|w| f.contains(w))
}

/// Whether a table is a summary of counts: a header naming counts or shares
/// ("Number of audits", "Audits completed", "% good or better", "Total"),
/// every other column but one of labels holding numbers, and no identifiers.
fn is_summary_of_counts(header: &[Cell], body: &[SourceRow]) -> bool {
    let named: Vec<(usize, String)> = header.iter().enumerate().filter(|(_, c)| !c.is_empty()).map(|(i, c)| (i, fold(&c.as_string()))).collect();
    let says_count = |h: &str| {
        h.starts_with("number of")
            || h.starts_with("no of")
            || h.starts_with("count of")
            || h.starts_with("total")
            || h.contains("percentage")
            || h.ends_with("completed")
            || h.starts_with("good or better")
    };
    let raw_percent = header.iter().any(|c| c.as_string().contains('%'));
    if named.len() < 2 || !(raw_percent || named.iter().any(|(_, h)| says_count(h))) {
        return false;
    }
    let rows: Vec<&SourceRow> = body.iter().filter(|r| !r.is_blank()).take(50).collect();
    if rows.is_empty() {
        return false;
    }
    // (Mostly numbers: a second summary below it has its own header row.)
    let numeric = |i: usize| {
        let cells: Vec<&Cell> = rows.iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).collect();
        let numbers = cells.iter().filter(|c| matches!(c, Cell::Number(_)) || c.as_string().trim_end_matches('%').trim().parse::<f64>().is_ok()).count();
        numbers * 4 >= cells.len() * 3
    };
    let label_columns = named.iter().filter(|(i, _)| !numeric(*i)).count();
    let ids = named.iter().any(|(i, _)| rows.iter().filter_map(|r| r.cells.get(*i)).any(|c| matches!(c, Cell::Text(_)) && super::recognise::is_id_value(c)));
    label_columns <= 1 && !ids
}

/// The rows of a table not blank: those looked at, and the rest (a row the
/// reader failed on counts, as it was not blank to anyone's knowledge).
/// Every row below the header (the sample's, then the rest), up to a read
/// error (kept in `read_error`); the sample keeps the header and the rows above.
fn rows_below(
    sample: &mut Vec<SourceRow>,
    h: usize,
    rows: &mut Box<dyn Iterator<Item = Result<SourceRow, crate::ingest::IngestError>> + Send>,
    read_error: &mut Option<crate::ingest::IngestError>,
) -> Vec<SourceRow> {
    let mut all = sample.split_off(h + 1);
    for r in rows.by_ref() {
        match r {
            Ok(r) => all.push(r),
            Err(e) => {
                *read_error = Some(e);
                break;
            }
        }
    }
    all
}

fn non_blank_rows(sample: &[SourceRow], rest: impl Iterator<Item = Result<SourceRow, crate::ingest::IngestError>>) -> u64 {
    sample.iter().filter(|r| !r.is_blank()).count() as u64 + rest.filter(|r| r.as_ref().map(|r| !r.is_blank()).unwrap_or(true)).count() as u64
}

/// Whether an audit's status says it is still with the auditor: not
/// finished ([`status_unfinished`]), or allocated and not yet returned.
/// (Not "Open" or "Pending": a case's status as often as an audit's.)
fn status_open(status: &str) -> bool {
    // (Its first part, before a remark: "Not returned – chased 07/09";
    // blind set 171.)
    let first = status.split(['–', '—', ';', '(']).next().unwrap_or(status);
    let first = first.split(" - ").next().unwrap_or(first);
    if first.len() < status.len() && !first.trim().is_empty() && status_open(first) {
        return true;
    }
    status_unfinished(status)
        || matches!(
            fold(status).as_str(),
            "allocated"
                | "assigned"
                | "with auditor"
                | "with the auditor"
                | "awaiting return"
                | "allocated awaiting return"
                | "not returned"
                | "not yet returned"
                | "not yet started"
                // (An allocation past its due date and not back: "Overdue -
                // chased 14/09"; review 258's c12.)
                | "overdue"
                | "outstanding"
        )
}

/// Whether an audit's whole status says it is not finished yet.
fn status_unfinished(status: &str) -> bool {
    matches!(
        fold(status).as_str(),
        "draft"
            | "in progress"
            | "not started"
            | "incomplete"
            | "started"
            | "not complete"
            | "not completed"
            | "saved as draft"
            | "draft saved"
            // A survey tool's response given up or saved part way (Smart
            // Survey's "Partial", SurveyMonkey's "Partial response").
            | "partial"
            | "partial response"
            | "partially completed"
            | "partially complete"
            | "unfinished"
            | "not finished"
            | "incomplete response"
    )
}

/// A response or record made to try the form out: a survey tool's preview
/// (Qualtrics' status "Survey Preview"), or one whose child id or auditor says
/// it is a test ("TEST", "test", "TEST - please ignore").
pub const TEST_RECORD: &str = "a test or preview response (its status, child id, auditor, team or name says so): not an audit";

/// Why an action that says it is a test is not counted.
pub const TEST_ACTION: &str = "a test record (its child id, audit, words or owner say so): not an action";

/// Why a record of a test child is not counted ([`super::drop_test_children`]).
pub const TEST_CHILD: &str =
    "a record of a test child (its id says test, it is the placeholder id of an audit that was a test, all its notes are a test account's, its team is a system's test team, or a table's title says it is a test's or a trainer's): not counted";

/// Why a case note of a test account or team is not counted ([`super::drop_test_children`]).
pub const TEST_NOTE: &str = "a case note by a system's test account or team (its author or team says test): not counted";

/// Whether a status says the record is a preview or a test of the form.
fn status_test(status: &str) -> bool {
    matches!(fold(status).as_str(), "survey preview" | "preview" | "test" | "test response" | "test submission" | "spam" | "demo")
}

/// A case-management system's or a system account's own words, in the
/// name of a test account or team ("Test, Eclipse Admin", "Testing, LCS",
/// "LCS Test Team").
/// ("CD Test User": Care Director's.)
const SYSTEM_WORDS: [&str; 14] =
    ["lcs", "eclipse", "mosaic", "carefirst", "liquidlogic", "paris", "system", "systems", "cd", "caredirector", "care", "director", "azeus", "frameworki"];

/// Whether a child id or an auditor's name says the row is a test of the
/// form: "TEST", "test1", "Test record", "TEST - please ignore", "Dummy",
/// "TEST CLIENT", "Test Auditor", "TEST AUDIT - DO NOT USE", "test action".
pub(crate) fn says_test(text: &str) -> bool {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    // ("Testuser, Mosaic", "Tester": a system's account for trying it out;
    // the word anywhere among the others, "Admin, Test", "Mosaic Test
    // Account".)
    let is_test = |w: &str| {
        // ("Demo", "DEMO": a demonstration's; review 244's c52, c60.)
        // ("CareFirst Trainer": a system trainer's account; blind set 189.)
        matches!(w, "test" | "testing" | "dummy" | "testuser" | "tester" | "training" | "trainer" | "demo")
            || (w.starts_with("test") && w[4..].bytes().all(|b| b.is_ascii_digit()))
    };
    let at = words.iter().position(|w| is_test(w));
    let test_word = at.is_some();
    let rest = words.iter().enumerate().filter(|(i, _)| Some(*i) != at).map(|(_, w)| *w).collect::<Vec<_>>();
    let rest_says = rest.iter().all(|w| {
        matches!(
            *w,
            "test"
                | "record"
                | "response"
                | "entry"
                | "submission"
                | "child"
                | "case"
                | "only"
                | "data"
                | "please"
                | "ignore"
                | "do"
                | "not"
                | "use"
                | "client"
                | "person"
                | "user"
                | "auditor"
                | "audit"
                | "row"
                | "note"
                | "action"
                | "recommendation"
                | "form"
                | "worker"
                // ("Test SW", "Test social worker": a test account; "QA test
                // (delete)", "TEST ROW – do not count".)
                | "sw"
                | "social"
                | "qa"
                | "count"
                | "account"
                | "delete"
                | "remove"
                // ("TEST – delete me": blind set 161.)
                | "me"
                // (A task tool's own words for its items: "Test task -
                // ignore", "TEST card", "test issue".)
                | "task"
                | "card"
                | "item"
                | "issue"
                | "ticket"
                | "page"
                // (A system's test account, "Test, Eclipse Admin",
                // "Testing, LCS".)
                | "admin"
                | "sysadmin"
                // ("TEST FORM - system check, ignore": blind set 156.)
                | "check"
                // ("ZZ Test Account": a system's test users sorted last.)
                | "zz"
                | "zzz"
        ) || SYSTEM_WORDS.contains(w)
            // ("TEST - CareFirst training": a test word again; blind set 188.)
            || is_test(w)
            // ("C-TEST-03": a test's number; review 249's c42.)
            || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
    });
    (test_word && rest_says) || f.contains("please ignore")
}

/// Whether a kind of audit is named as a test's or a training course's:
/// the whole of it, or its part in brackets or after a dash, says test
/// ("Quality Audit (TRAINING)", "Case File Audit - TEST", "[Test] Learning
/// audit"). Not a kind whose words only touch on it ("Testing of
/// thresholds audit").
fn kind_says_test(kind: &str) -> bool {
    // (A bracket's words as a whole: "Case file audit (new auditor –
    // training)" is a real audit by a trainee; review 261's c24.)
    let mut parts: Vec<&str> = Vec::new();
    let mut outside = String::new();
    let mut rest = kind;
    while let Some(open) = rest.find(['(', '[']) {
        outside.push_str(&rest[..open]);
        outside.push(' ');
        let close = rest[open..].find([')', ']']).map_or(rest.len(), |c| open + c);
        parts.push(&rest[open + 1..close]);
        rest = rest.get(close + 1..).unwrap_or("");
    }
    outside.push_str(rest);
    let dashed: Vec<&str> = outside.split(['–', '—']).flat_map(|p| p.split(" - ")).collect();
    let parts: Vec<&str> = parts.into_iter().chain(dashed).map(str::trim).filter(|p| !p.is_empty()).collect();
    says_test(kind) || parts.len() > 1 && parts.iter().any(|p| says_test(p))
}

/// A child id of zeros alone ("000000", "0000000"): a made-up child, no
/// child's (blind set 165's test row).
fn zeros_only(id: &str) -> bool {
    // (Spaces between, "000 000", as a grouped id is typed: review 255's c41c.)
    let t: Vec<u8> = id.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    t.len() >= 3 && t.iter().all(|&b| b == b'0')
}

/// A reference whose one word is "test" among codes ("T2-TEST", "QA-TEST-2",
/// "TEST01"): a test record's. Not "Test of concern 4" (words).
/// Whether an id is "test" run together with what it stands for
/// ("TESTCLIENT", "TestChild01", "TESTPERSON"; blind set 176's Eclipse
/// extract), as a system's trainers name a made-up person.
pub(crate) fn test_run_together(id: &str) -> bool {
    let l = id.trim().to_ascii_lowercase();
    let Some(rest) = l.strip_prefix("test") else { return false };
    let rest = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    ["client", "child", "person", "case", "user", "record", "yp", "youngperson", "service user", "serviceuser"].contains(&rest)
}

fn id_says_test(id: &str) -> bool {
    let tokens: Vec<&str> = id.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect();
    let test = |t: &str| t.eq_ignore_ascii_case("test") || (t.len() > 4 && t[..4].eq_ignore_ascii_case("test") && t[4..].bytes().all(|b| b.is_ascii_digit()));
    tokens.iter().filter(|t| test(t)).count() == 1 && tokens.iter().all(|t| test(t) || t.bytes().any(|b| b.is_ascii_digit()) || t.len() <= 3)
}

/// Whether a table is a list's version history: named for versions or
/// history ("Version history", "Versions", "Item history"), with a column
/// headed "Version" of version numbers ("1.0", "2.0", "3.0"), and items
/// that come again on other rows as other versions (the same "Title" or
/// id, a different version). Not a tab of closed records, nor a live list
/// that shows each item's version once ("History" with "v2.1", "4.0").
fn is_version_history(name: &str, header: &[Cell], body: &[SourceRow]) -> bool {
    if !fold(name).split(' ').any(|w| matches!(w, "version" | "versions" | "history")) {
        return false;
    }
    let headers: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    let Some(v) = headers.iter().position(|h| matches!(h.as_str(), "version" | "version no" | "version number" | "version label")) else { return false };
    let Some(k) = headers.iter().position(|h| matches!(h.as_str(), "title" | "id" | "item id" | "name" | "case id" | "child id" | "person id")) else {
        return false;
    };
    // ("3.0", or 3 where a workbook kept it as a number.)
    let numbered = |t: &str| {
        let (a, b) = t.split_once('.').unwrap_or((t, "0"));
        !a.is_empty() && !b.is_empty() && a.bytes().chain(b.bytes()).all(|x| x.is_ascii_digit())
    };
    let rows: Vec<(String, String)> = body
        .iter()
        .filter_map(|r| Some((r.cells.get(k)?.as_string().trim().to_string(), r.cells.get(v)?.as_string().trim().to_string())))
        .filter(|(key, version)| !key.is_empty() && !version.is_empty())
        .collect();
    let mut versions: std::collections::HashMap<&str, Vec<&str>> = std::collections::HashMap::new();
    for (key, version) in &rows {
        versions.entry(key.as_str()).or_default().push(version.as_str());
    }
    let again = versions.values().filter(|vs| vs.len() >= 2 && vs.iter().collect::<std::collections::HashSet<_>>().len() == vs.len()).count();
    !rows.is_empty() && rows.iter().all(|(_, version)| numbered(version)) && again >= 1
}

/// Whether a team's name says it is a team for trying the system out ("LCS
/// Test Team", "Test team", "TESTING"): a word "test", "testing" or "dummy",
/// the others only a system's or a team's words; not a place ("Test Valley
/// Team", on the River Test) nor a word that only holds it ("Contest").
pub(crate) fn team_says_test(team: &str) -> bool {
    // (A note in brackets after it is no part of its name: "Test team
    // (perf)", blind set 148.)
    let team = match team.split_once('(') {
        Some((before, _)) if !before.trim().is_empty() => before,
        _ => team,
    };
    let f = fold(team);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    // (A system's code for the unit written before it, in capitals: "ZZ Test
    // Unit", "FEN-TST Systems Test Team", "BRK-ZZZ Test Team".)
    let codes: Vec<String> = team
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| (2..=4).contains(&t.chars().count()) && t.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_ascii_lowercase)
        .collect();
    // ("Training Team": a team for training staff on the system, blind set 149.)
    words.iter().any(|w| matches!(*w, "test" | "testing" | "dummy" | "training" | "demo"))
        && words.iter().all(|w| {
            codes.iter().any(|c| c == w) || {
                matches!(
                    *w,
                    "test"
                        | "testing"
                        | "dummy"
                        | "training"
                        | "demo"
                        | "team"
                        | "teams"
                        | "admin"
                        | "user"
                        | "users"
                        | "account"
                        | "only"
                        | "data"
                        | "unit"
                        | "qa"
                        | "please"
                        | "ignore"
                        | "do"
                        | "not"
                        | "use"
                        // ("TEST TEAM - do not report", "ZZ Test District":
                        // blind set 156.)
                        | "report"
                        | "district"
                        | "area"
                        | "locality"
                ) || SYSTEM_WORDS.contains(w)
            }
        })
}

/// A survey tool's row of import ids under its header (Qualtrics'
/// `{"ImportId":"QID1"}` in every cell): part of the header, not a record.
fn import_ids(row: &SourceRow) -> bool {
    let filled = row.filled();
    let ids = filled
        .iter()
        .filter(|c| matches!(c, Cell::Text(t) if t.trim_start().starts_with("{\"ImportId\"") || t.trim_start().starts_with("{\"importId\"")))
        .count();
    ids >= 2 && ids * 2 >= filled.len()
}

/// The table's header again further down (an export's page break).
pub const REPEATED_HEADER: &str = "repeated header row";
pub const REPEATED_HEADER_WHY: &str = "the header row again (a page break in the export, or a survey tool's row of import ids under its header): not a record";

/// A row of a delimited text one of whose cells holds lines that look like
/// rows of the table (at least [`SPANNED_ROWS`]): a quote opened where it
/// should not be and closed only rows later, so those rows were read as
/// that cell's text. A warning naming the row, from the row reader and the
/// columnar one alike.
pub(crate) fn rows_in_a_cell(findings: &mut Findings, file: &str, sheet: Option<&str>, row: u32, lines: u32) {
    if lines >= SPANNED_ROWS {
        findings.push(
            Severity::Warning,
            "quote_spans_rows",
            file,
            sheet,
            Some(row),
            None,
            "",
            format!(
                "a quoted cell of this row runs over {lines} lines that look like rows of the table (a quote opened and not closed where it should be): they were read as text in that cell, not as rows. Check the quotes in this row of the export"
            ),
        );
    }
}

/// How many lines in one row's cells that look like rows make a warning.
pub const SPANNED_ROWS: u32 = 2;

/// A child's row of a wide legal-status table with no plan start date in it.
pub const NO_PLAN_DATES: &str = "no plan start date (legal status in wide form)";

/// A visit in a visits return that another export holds too.
pub const VISIT_READ_TWICE: &str = "the same visit in another export";

/// A row of a table with several records on a row ([`super::groups`]) whose
/// every group is empty (an auditor not allocated that month).
pub const NO_GROUP_FILLED: &str = "no group of columns filled (several records on a row)";

/// A long-format table's further answer rows of an audit: read into that
/// audit's row (see [`super::long`]).
pub const LONG_FORMAT_ANSWER: &str = "another answer of the same audit (long format)";
/// The start of the note on a table read as a moderation log.
pub const MODERATION_LOG: &str = "read as a moderation log";
pub const LONG_FORMAT_EDITED: &str = "an answer edited later (long format; the latest is used)";

/// A legal status that is read but is not child protection, looked after or
/// child in need (a care leaver, early help): outside the packs by design.
pub const LEGAL_STATUS_OUT_OF_SCOPE: &str = "legal status outside child protection, looked after and child in need";

/// An action that names no child and no audit: a service's action from
/// learning across audits (a thematic report's "ALL TEAMS" row, a board's
/// learning action plan with no child or audit column), not an audit's.
pub const SERVICE_ACTION: &str = "a service-wide action: it names no child and no audit (not an audit's action)";

/// An action its row says is a team's or the service's ("Action for: Team",
/// "Service / Strategic Action", "Practice learning"): seed 004's form keeps
/// "Service / Strategic Action/s" apart from the child's agreed actions, and
/// seed 000 takes whole-service actions to the leadership team's plan.
pub const TEAM_ACTION: &str = "a team's or the service's action, by its row (not the child's): left out of the action KPIs";

/// A row listed with the actions that is no action: an area of strength
/// (seed 003's auditors record "areas of strength" beside their actions).
pub const STRENGTH_ROW: &str = "an area of strength listed with the actions, not an action";

/// Whom an action's scope cell ("Action for", "Action type", "Item type")
/// says it is for.
#[derive(Debug, PartialEq)]
enum ActionScope {
    Child,
    Service,
    Strength,
}

fn action_scope(value: &str) -> Option<ActionScope> {
    let f = fold(value);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    let has = |set: &[&str]| words.iter().any(|w| set.contains(w));
    // "Area of strength", "Strengths", "Good practice": short, and not a
    // kind of work that says strength ("SDQ (Strengths and Difficulties
    // Questionnaire)", "Strengthening Families conference").
    let strength = has(&["strength", "strengths"]) && !has(&["difficulties", "difficulty"]) && words.len() <= 4;
    if strength || (f.contains("good practice") && words.len() <= 3) {
        return Some(ActionScope::Strength);
    }
    if has(&["child", "childs", "case", "individual", "family", "young", "person", "client", "cyp", "yp"]) {
        return Some(ActionScope::Child);
    }
    // The service's or a team's: said outright ("Service / Strategic
    // Action", "Whole service - CFLT action plan", "Practice learning"), or
    // a team or the service alone ("Team", "Service action"). Not a team
    // that owns the child's action ("Fostering Team", "Youth Justice
    // Service"), nor a kind of work ("Team meeting", "Permanence board",
    // "Education and learning").
    const SAID: [&str; 12] = [
        "strategic",
        "whole service",
        "service wide",
        "service level",
        "service learning",
        "practice learning",
        "organisational",
        "organizational",
        "systemic",
        "cflt",
        "thematic",
        "across the service",
    ];
    let said = SAID.iter().any(|p| super::fold::contains_phrase(&f, p));
    let bare = !words.is_empty()
        && words.len() <= 3
        && has(&["team", "teams", "service", "services"])
        && words.iter().all(|w| matches!(*w, "team" | "teams" | "service" | "services" | "action" | "actions" | "level" | "whole" | "wide" | "learning"));
    if said || bare {
        return Some(ActionScope::Service);
    }
    has(&["recommendation", "action", "corrective", "remedial", "improvement"]).then_some(ActionScope::Child)
}

/// Whether an action row's child or audit cell names a group, not one
/// child or audit ("ALL TEAMS", "THEMATIC", "Service-wide", "Whole
/// service"): text with no digit and a word for many. Not a pseudonym
/// ("ABCD-EFGH", "Child A"), nor a word for an unknown or withheld id.
fn names_a_group(id: &str) -> bool {
    const MANY: [&str; 14] =
        ["all", "teams", "service", "services", "thematic", "theme", "whole", "wide", "various", "multiple", "cohort", "everyone", "general", "directorate"];
    !id.chars().any(|c| c.is_ascii_digit()) && fold(id).split(' ').any(|w| MANY.contains(&w))
}

/// Whether an actions table is a service's plan, none of whose rows is an
/// audit's action: no column names a child or an audit, none holds ids
/// (an audit reference under an unread header, "Ref": "AUD-0014"), it is
/// no Word form's (whose child is the form's), and its file or sheet is
/// named for a service's learning ("Neglect theme - PBM learning action
/// plan", "Service improvement actions").
fn service_plan(mapping: &TableMapping, body: &[SourceRow], file: &str, sheet: Option<&str>, in_form: bool) -> bool {
    const NAMED: [&str; 9] = ["learning", "service", "thematic", "theme", "board", "pbm", "lessons", "strategic", "wide"];
    let stem = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let named = [Some(stem.as_str()), sheet].into_iter().flatten().any(|n| fold(n).split(' ').any(|w| NAMED.contains(&w)));
    // (Not the plan's own numbering down its rows: "L1", "L2", "L3".)
    let ids = mapping.columns.iter().any(|c| {
        let ids: Vec<&Cell> = body.iter().take(50).filter_map(|r| r.cells.get(c.index)).filter(|v| super::recognise::is_id_value(v)).collect();
        ids.len() >= 2 && !counts_down(&ids)
    });
    mapping.kind == TableKind::Actions && !in_form && named && !ids && mapping.field("child_id").is_none() && mapping.field("audit_id").is_none()
}

/// Whether references count up one by one under one prefix ("L1", "L2",
/// "L3"; "A-01", "A-02"): a list's own numbering, not ids of children or audits.
fn counts_down(ids: &[&Cell]) -> bool {
    let split = |c: &Cell| -> Option<(String, u64)> {
        let t = c.as_string();
        let t = t.trim();
        let digits = t.len() - t.trim_end_matches(|ch: char| ch.is_ascii_digit()).len();
        let (prefix, number) = t.split_at(t.len() - digits);
        Some((prefix.to_string(), number.parse().ok()?))
    };
    let parts: Option<Vec<(String, u64)>> = ids.iter().map(|c| split(c)).collect();
    // (In any order the rows were sorted: "L2" above "L1" is the same list.)
    let parts = parts.map(|mut p| {
        p.sort_by_key(|(_, n)| *n);
        p
    });
    // (From 1: audits' references taken in order, "AUD-0014", "AUD-0015",
    // count up too.)
    parts.is_some_and(|p| p.first().is_some_and(|(_, n)| *n <= 1) && p.windows(2).all(|w| w[0].0 == w[1].0 && w[1].1 == w[0].1 + 1))
}

/// An actions row saying the audit raised none ("No further action", "NFA").
pub const NO_ACTION: &str = "no action raised ('no further action')";

/// Why a task tool's note on how the list is kept is no action.
pub const INSTRUCTION_TASK: &str = "a note on how the list is kept ('READ ME', 'How to use this plan'), not an action";

/// Whether an action's text opens as a note to the list's readers: "READ ME –
/// how we track …" (`Some(true)`: so named, and saying how the list works,
/// whatever dates it has where no one owns it), "How to use this tracker",
/// "Instructions for using this plan", a READ ME that says nothing of how
/// ("README: SW to add …") (`Some(false)`: a note only where no date is set
/// or met). Not an action that happens to
/// open so ("How to use the new safety plan – SW to go through it with
/// mother", "Instructions to Legal to be sent": review 261's c02, c03).
fn instruction_task(text: &str) -> Option<bool> {
    let f = fold(text);
    let opens = |p: &str| f.strip_prefix(p).is_some_and(|r| r.is_empty() || r.starts_with(' '));
    if opens("read me") || opens("readme") {
        return Some(f.split(' ').any(|w| matches!(w, "how" | "this")));
    }
    // (The list itself named right after: not "How to use this safety plan
    // – SW to go through it with mother"; review 262's c02.)
    let list = |r: &str| {
        matches!(
            r.split(' ').find(|w| !w.is_empty()),
            Some("plan" | "tracker" | "list" | "board" | "sheet" | "log" | "workbook" | "spreadsheet" | "page" | "file")
        )
    };
    ["how to use this", "instructions for using this", "instructions for completing this", "guidance for using this", "guidance on using this", "about this"]
        .iter()
        .any(|p| f.strip_prefix(p).is_some_and(|r| r.starts_with(' ') && list(r.trim_start())))
        .then_some(false)
}

/// Whether an action's text says there is no action.
pub(crate) fn says_no_action(text: &str) -> bool {
    let f = fold(text);
    // A note that the actions are kept elsewhere ("Actions are recorded on the
    // Audit Team action tracker.", "See action plan"): no action of its own.
    // (Not an action labelled as one, "Action – 7719942: Housing options to
    // be recorded in pathway plan": its words after the label are read.)
    let labelled = text.split_once(':').filter(|(label, _)| {
        let l = fold(label);
        l.split(' ').count() <= 5 && matches!(l.split(' ').next(), Some("action" | "actions" | "recommendation" | "recommendations"))
    });
    // (A bare label, "Actions: recorded in the child's plan", may be the
    // note that they are kept elsewhere: read whole too.)
    if let Some((label, rest)) = labelled {
        let bare = fold(label).split(' ').count() == 1;
        if !(bare && says_no_action(&text.replacen(':', "", 1))) {
            return !rest.trim().is_empty() && says_no_action(rest);
        }
        return true;
    }
    let about_actions = matches!(f.split(' ').next(), Some("actions" | "action" | "recommendations" | "all" | "smart"));
    let elsewhere = f.split(' ').count() <= 14
        && ((f.starts_with("see ") && f.split(' ').count() <= 5)
            || (about_actions
                && ["recorded on", "recorded in", "held on", "held in", "kept on", "kept in", "entered on", "entered in"]
                    .iter()
                    .any(|p| contains_phrase(&f, p))))
        && f.split(' ').any(|w| matches!(w, "tracker" | "plan" | "log" | "register" | "spreadsheet" | "system" | "separately" | "above" | "below"));
    // ("NFA - good practice noted", "No further action - case closed": the
    // same, with a reason.)
    let with_reason = f.split(' ').next() == Some("nfa") || f.starts_with("no further action");
    // ("None – no further actions required", "None - covered by the
    // auditor's", "None additional": none, then why; not "None of the visits
    // are recorded – SW to record them", an action. Blind set 165.)
    let t = text.trim_start();
    let none_then = t.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("none")) && {
        t[4..].trim_start().chars().next().is_none_or(|c| matches!(c, '-' | '–' | '—' | ':' | ',' | ';' | '(' | '.'))
            || matches!(
                f.split(' ').nth(1),
                Some("additional" | "further" | "required" | "needed" | "identified" | "outstanding" | "raised" | "agreed" | "necessary")
            )
    };
    // ("Nothing further required", "Nothing further": as numbered action
    // slots already read it; review 256's c01d.)
    let nothing = f == "nothing" || f.starts_with("nothing further") || f.starts_with("nothing more");
    // ("No remedial actions required – good practice to be shared with the
    // team", "No further recommendations identified": none, then why; blind
    // set 198's quillbrook, seed 001's remedial actions.)
    let no_then = {
        let words: Vec<&str> = f.split(' ').collect();
        let mut i = usize::from(words.first() == Some(&"no"));
        while i > 0 && i < 3 && words.get(i).is_some_and(|w| matches!(*w, "remedial" | "further" | "additional" | "other" | "new" | "specific" | "outstanding"))
        {
            i += 1;
        }
        i > 0
            && words.get(i).is_some_and(|w| matches!(*w, "action" | "actions" | "recommendation" | "recommendations"))
            && words.get(i + 1).is_some_and(|w| matches!(*w, "required" | "needed" | "identified" | "raised" | "necessary" | "arising" | "agreed" | "set"))
    };
    elsewhere
        || no_then
        || with_reason
        || none_then
        || nothing
        || matches!(
            fold(text).as_str(),
            "no further action"
                | "no further actions"
                | "n a"
                | "not applicable"
                | "nfa"
                | "no actions"
                | "no action"
                | "no action required"
                | "no actions required"
                | "none"
                | "none required"
                | "no further action required"
        )
}

#[cfg(test)]
mod status_tests {
    #[test]
    fn a_swapped_or_withdrawn_allocation_is_no_audit() {
        for gone in ["Swapped (conflict of interest)", "Replaced by C1234", "Withdrawn", "Cancelled - exemption agreed", "Not required"] {
            assert!(super::status_cancels(gone), "{gone}");
        }
        for kept in ["Completed - re-audit not required", "Allocated", "In progress", "Completed"] {
            assert!(!super::status_cancels(kept), "{kept}");
        }
    }

    #[test]
    fn an_audit_put_off_to_a_later_month_and_a_visit_put_off() {
        use super::Deferral::{Month, Next};
        assert_eq!(super::deferred_to_month("Deferred to Nov - SW on leave"), Some(Month(11)));
        assert_eq!(super::deferred_to_month("Postponed until December"), Some(Month(12)));
        assert_eq!(super::deferred_to_month("Moved to the Jan sample"), Some(Month(1)));
        assert_eq!(super::deferred_to_month("moved to next cycle"), Some(Next));
        assert_eq!(super::deferred_to_month("Carried over to the next month"), Some(Next));
        assert_eq!(super::deferred_to_month("Moved to North team"), None);
        assert_eq!(super::deferred_to_month("Deferred - awaiting SW"), None);
        assert_eq!(super::deferred_to_month("Completed 14/11"), None);
        for gone in ["Rescheduled", "Rearranged to 14/10", "Outstanding", "Postponed - carer ill", "Cancelled"] {
            assert!(super::note_status_cancels(gone), "{gone}");
        }
        for kept in ["Completed", "Visit completed - rearranged from 12/10", "Authorised", "Rescheduled from 02/09 - completed"] {
            assert!(!super::note_status_cancels(kept), "{kept}");
        }
    }

    #[test]
    fn a_note_of_removal_from_the_sample_and_notes_that_are_not() {
        for gone in [
            "Removed from sample - sibling of TH50210 (same household, same SW); replaced by TH50288",
            "Withdrawn from the audit programme",
            "Replaced by C1234",
            "Cancelled - case closed before audit",
            "Not required",
            "Handed over to Priya 28/09 (my leave) - not started",
            "Reallocated to J. Marsh",
            // Clause by clause (blind set 126).
            "Case closed - audit not required. NFA'd 04/09 by TM after CIN review.",
            "Special Guardianship Order granted 02/10 - case closed. Audit not required.",
            "Re-audit (Inadequate in Jul). Family moved out of area - case transferred to another council 11/09. Re-audit withdrawn.",
            "Reallocated - auditor off sick from 09/09. Case re-sent to Tom Ashdown 15/09 (see row below).",
            "Swapped - auditor was the TM who agreed this child's accommodation. Alternative case HB-30173 allocated 03/09.",
            "DUPLICATE - ignore",
        ] {
            assert!(super::removal_note(gone), "{gone}");
        }
        for kept in [
            "Removed from the Sept sample but re-added in Oct",
            "Withdrawn - then reinstated by HoS",
            "Cancelled 1st visit - audit went ahead and is being written up",
            "Removed from mother's care under EPO 02/10 - auditor to chase SW",
            "Removed from CP plan 28/09 - now CIN; audit still outstanding",
            "Replaced TH50211 (sibling) - chased 27/10",
            "Cancelled by SW, rebooked for 20/10",
            "Handover meeting with the SW held 02/09",
            "Handed over by Dawn (her leave) - completed on time",
            "Reallocated 19/10",
            "Re-sent 15/09 after reallocation from Priya Castellane (off sick).",
            "Replacement for HB-30201 (swapped).",
            "Swapped in for HB-30201",
            "Carried over to Nov-Dec - auditor on annual leave 19/10-30/10, not started.",
            "Completed - re-audit not required",
            "Duplicate of the September row - this one is the audit",
            "Family declined - audit went ahead from the record",
        ] {
            assert!(!super::removal_note(kept), "{kept}");
        }
    }
}

#[cfg(test)]
mod scope_tests {
    use super::ActionScope::*;

    #[test]
    fn whom_an_action_is_for_by_its_row() {
        for (value, scope) in [
            ("Child", Some(Child)),
            ("Child's record", Some(Child)),
            ("Agreed Action (child)", Some(Child)),
            ("Recommendation", Some(Child)),
            ("Team", Some(Service)),
            ("Whole service - CFLT action plan", Some(Service)),
            ("Service / Strategic Action", Some(Service)),
            ("Practice learning (Group Manager)", Some(Service)),
            ("Service learning", Some(Service)),
            ("Area of strength", Some(Strength)),
            ("Good practice", Some(Strength)),
            // A person it is for: the owner of the child's action.
            ("Team Manager", None),
            ("Head of Service", None),
            ("Social Worker", None),
            ("Case recording", Some(Child)),
            ("Supervision", None),
            // A stranger's review: kinds of work, and teams that own a child's action.
            ("Team meeting", None),
            ("Permanence board", None),
            ("Fostering Team", None),
            ("Youth Justice Service", None),
            ("Education and learning", None),
            ("Learning needs (EHCP)", None),
            ("Strengthening Families conference", None),
            ("SDQ (Strengths and Difficulties Questionnaire)", None),
            ("Signs of Safety - what is working well", None),
            ("Strengths", Some(Strength)),
            ("Service action", Some(Service)),
        ] {
            assert_eq!(super::action_scope(value), scope, "{value}");
        }
    }

    #[test]
    fn a_list_s_own_numbering_is_no_ids() {
        use crate::ingest::Cell;
        let cells = |v: &[&str]| v.iter().map(|t| Cell::text(t)).collect::<Vec<_>>();
        for (ids, numbering) in [
            (&["L1", "L2", "L3"][..], true),
            (&["L2", "L1"][..], true),
            (&["A-01", "A-02"][..], true),
            (&["AUD-0014", "AUD-0021"][..], false),
            (&["L1", "L3"][..], false),
            (&["AUD-0014", "AUD-0015", "AUD-0016"][..], false),
            (&["BM5501", "CX5502"][..], false),
        ] {
            let c = cells(ids);
            assert_eq!(super::counts_down(&c.iter().collect::<Vec<_>>()), numbering, "{ids:?}");
        }
    }
}

#[cfg(test)]
mod no_action_tests {
    #[test]
    fn a_note_that_actions_are_kept_elsewhere_is_no_action() {
        for no in [
            "Actions are recorded on the Audit Team action tracker.",
            "See action plan",
            "NFA",
            "Actions held in the improvement plan log",
            "NFA - good practice noted, shared with team",
            "No further action - case closed 12/10",
            "Action 2: none required",
            "Actions: recorded in the child's plan",
            "Recommendations: held in the CIN plan",
            "Actions: none",
            "Action 1: N/A",
            "None – no further actions required",
            "None - the auditor's recommendations cover this",
            "None additional",
            "None.",
            "No remedial actions required – good practice to be shared with the team",
            "No further recommendations identified",
            "No actions required",
        ] {
            assert!(super::says_no_action(no), "{no}");
        }
        for action in [
            "Record the step-down decision on the system",
            "Update the safety plan",
            "See the child alone at the next visit",
            "Recorded on: 03/10",
            "Child's views to be recorded in the CIN plan",
            "See the child alone and update the plan",
            "Action – 7719942: Housing options to be recorded in pathway plan",
            "None of the CP visits are recorded – SW to record them",
            "Nonetheless update the chronology",
            "No contact with father recorded – SW to seek his views",
            "Now action the referral",
        ] {
            assert!(!super::says_no_action(action), "{action}");
        }
    }

    #[test]
    fn a_reason_for_not_speaking_to_someone() {
        use crate::normalise::model::Answer;
        let why = |t: &str| super::not_spoken_because(&crate::ingest::cell::Cell::text(t));
        for na in [
            "Not appropriate – child is 14 months old; observed with parents.",
            "Not appropriate - age",
            "Not relevant – he is 19 and has chosen not to have contact with his family.",
            "N/A - pre-verbal",
            "Not applicable",
            // (An age in months as the reason: blind set 178's wrenfield.)
            "Child is 7 months old - observed with foster carer, not spoken to.",
            "Aged 10 months; observed at home",
            // (Contact a court stopped: blind set 203's wrenfold.)
            "Not appropriate - contact with birth parents suspended by court order",
        ] {
            assert_eq!(why(na), Answer::NotApplicable, "{na}");
        }
        for no in [
            "Not appropriate - parents stopped contact themselves during the court proceedings",
            "Not appropriate - the court has not stopped contact by court order yet",
            // (The child's own contact with a parent says nothing of speaking to the child.)
            "Not appropriate - child's contact with father suspended by court; child upset",
        ] {
            assert_eq!(why(no), Answer::No, "{no}");
        }
        for no in ["Not seen for 3 months - not spoken to", "Child is 9 years old and declined"] {
            assert_eq!(why(no), Answer::No, "{no}");
        }
        // (A child too young to speak is not applicable, as blind sets 40, 160,
        // 164 to 166, 171, 173 and 174 read it; sets 125 and 131 had read
        // "Pre-verbal: not spoken to" as no.)
        assert_eq!(why("Pre-verbal: not spoken to"), Answer::NotApplicable);
        for no in ["Not appropriate - ongoing proceedings.", "Father did not respond to two calls.", "Child is non-verbal; observed at home."] {
            assert_eq!(why(no), Answer::No, "{no}");
        }
        assert_eq!(why(""), Answer::Blank);
    }

    #[test]
    fn a_test_records_reference_and_a_child_of_zeros() {
        for test in ["T2-TEST", "QA-TEST-2", "TEST01", "aud test 3"] {
            assert!(super::id_says_test(test), "{test}");
        }
        for real in ["T2-2026-004", "Test of concern 4", "TESTA-12", "CONTEST-1", "Testing the plan"] {
            assert!(!super::id_says_test(real), "{real}");
        }
        assert!(super::zeros_only("000000") && super::zeros_only(" 0000 ") && super::zeros_only("000 000"));
        assert!(!super::zeros_only("00") && !super::zeros_only("000100") && !super::zeros_only(""));
    }
}

/// A series of short breaks (respite; SSDA903 V3 / V4): the child is visited at
/// intervals agreed with the parent (seed 002, reg. 48), not every 6 weeks, so
/// the spell is outside the looked-after visits.
pub const SHORT_BREAKS: &str = "short breaks (visited at intervals agreed with the parent, not every 6 weeks)";

/// Whether a reason for not using a row is by design (set aside), not a problem.
pub fn is_set_aside(reason: &str) -> bool {
    SET_ASIDE_REASONS.contains(&reason)
}

/// How much of a table a column mapping makes sense of, best last: a known
/// kind with its required columns, then more distinct fields, then more graded
/// columns placed in a domain, then fewer ambiguous columns.
/// Whether a reading with group titles is of the table the header row reads
/// on its own: group titles ("Audit details" | "Grades") group its columns;
/// they never make a complete table of one kind another kind, nor take the
/// child id from a column its own header names ("Child ID" under "Audit
/// details" is still the child's id).
fn same_table(plain: &super::columns::TableMapping, titled: &super::columns::TableMapping) -> bool {
    let complete = plain.kind != TableKind::Unknown && plain.missing_required.is_empty();
    (!complete || titled.kind == plain.kind) && (plain.field("child_id").is_none() || titled.field("child_id").is_some())
}

fn mapping_quality(m: &super::columns::TableMapping) -> (bool, usize, usize, std::cmp::Reverse<usize>) {
    let fields: std::collections::HashSet<&str> =
        m.columns.iter().filter_map(|c| if let Target::Field(f) = &c.target { Some(f.as_str()) } else { None }).collect();
    let placed = m.columns.iter().filter(|c| matches!(c.target, Target::Domain(Some(_)))).count();
    (m.kind != TableKind::Unknown && m.missing_required.is_empty(), fields.len(), placed, std::cmp::Reverse(m.notes.len()))
}

/// Reads a table into the model. Forms (label cells beside answer cells) go to
/// [`super::forms`].
pub fn read_table(ctx: &Context, table: Table, model: &mut Model, findings: &mut Findings) -> TableReport {
    read_tables(ctx, table, model, findings).swap_remove(0)
}

/// Reads a table into the model, and any further tables below it on the same
/// sheet (a blank row, then a header of its own: the month's actions under its
/// audits), each with its own report.
pub fn read_tables(ctx: &Context, table: Table, model: &mut Model, findings: &mut Findings) -> Vec<TableReport> {
    let mut reports = Vec::new();
    let mut next = Some(table);
    while let Some(table) = next.take() {
        let (mut report, rest) = read_one_table(ctx, table, model, findings);
        let attached = std::mem::take(&mut report.attached);
        reports.push(report);
        reports.extend(attached);
        next = rest;
    }
    reports
}

/// A date column none of whose values could be read, most of them written
/// with figures ("Mon 3 Nov" in a report whose year is nowhere, "14.09.26" in
/// a way no reader knows): as good as no column. It is taken off the table's
/// columns, so what it would count is "not in the exports" rather than 0 (no
/// audit completed, none due). A column of words alone ("N/A", "TBC") says
/// no date was recorded, and stays.
fn unread_date_columns(tally: &BTreeMap<String, (u64, u64, u64)>, mapping: &TableMapping, report: &mut TableReport, findings: &mut Findings) {
    for (field, &(filled, read, figures)) in tally {
        if read > 0 || figures * 2 < filled {
            continue;
        }
        let Some(column) = mapping.field(field).and_then(|i| report.columns.iter_mut().find(|c| c.index == i)) else { continue };
        let why = format!(
            "column '{}' is named as {field}, but none of its {filled} values reads as a date: not used, so what it would count is not in the exports (never 0)",
            column.header
        );
        column.target = Target::Unmapped;
        findings.push(Severity::Warning, "column_unread", &report.file, report.sheet.as_deref(), None, Some(&column.header), "", why.clone());
        report.notes.push(why);
    }
}

/// A row of one text that is no identifier, under a header of three or more
/// names ("Child Protection Plans", "… (continued)"): a heading or title
/// between a report's records, not a value of its first column.
fn lone_heading(row: &SourceRow, names: usize) -> bool {
    names >= 3
        && row.lone_text().is_some_and(|t| {
            let c = Cell::text(t);
            !super::recognise::is_id_value(&c) && !super::recognise::is_date_value(&c) && t.chars().any(char::is_alphabetic)
        })
}

/// The first whole date, with its year, written in a text: "14/09/2026",
/// "2026-09-14", "07.10.26", "7 Oct 2026", "7th October 2026"; not "3/5" or
/// "29/9" (no year).
fn whole_date_in(text: &str, as_date: impl Fn(&Cell) -> Option<chrono::NaiveDate>) -> Option<chrono::NaiveDate> {
    let words: Vec<&str> = text.split([' ', ',', '(', ')', '\u{2013}']).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().find_map(|(i, w)| {
        // ("Completed-14/09/2026": the word's date after its hyphen.)
        let w = match w.split_once('-') {
            Some((head, tail)) if !head.is_empty() && head.chars().all(char::is_alphabetic) && tail.starts_with(|c: char| c.is_ascii_digit()) => tail,
            _ => w,
        };
        let numeric = w.chars().filter(|c| matches!(c, '/' | '.' | '-')).count() == 2 && w.chars().next().is_some_and(|c| c.is_ascii_digit());
        if numeric {
            return as_date(&Cell::text(w.trim_end_matches('.')));
        }
        // (Day, month in words, year.)
        let day = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let year = words.get(i + 2).filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
        (!day.is_empty() && day.len() <= 2 && day.chars().all(|c| c.is_ascii_digit()) && year.is_some())
            .then(|| as_date(&Cell::text(&format!("{day} {} {}", words[i + 1], year.unwrap_or(&"")))))
            .flatten()
    })
}

/// The empty column between two tables side by side: a column empty in
/// every row looked at, with a header row that names the child on both sides
/// of it, and three or more known column names on each, and rows below whose
/// two children differ (a tracker with a spacer column that repeats "Child
/// ID" after it for reading, each row one child, is one table).
fn side_by_side(ctx: &Context, sample: &[SourceRow]) -> Option<usize> {
    let width = sample.iter().map(|r| r.cells.len()).max()?;
    let empty_at = |c: usize| sample.iter().all(|r| r.cells.get(c).is_none_or(Cell::is_empty));
    let rec = &ctx.recogniser;
    let names_child = |t: &str| {
        let words = rec.header_words(t);
        [&rec.audit, &rec.action, &rec.case_note, &rec.episode].iter().any(|v| matches!(v.match_words(&words, &[], None), Ok(Some(m)) if m.field == "child_id"))
    };
    let texts = |cells: &[Cell]| -> Vec<String> { cells.iter().filter_map(|c| if let Cell::Text(t) = c { Some(t.clone()) } else { None }).collect() };
    let header_side = |cells: &[Cell]| {
        let t = texts(cells);
        t.iter().filter(|x| ctx.is_known_header(x)).count() >= 3 && t.iter().any(|x| names_child(x))
    };
    (2..width.saturating_sub(2)).filter(|&c| empty_at(c)).find(|&c| {
        let Some(h) = sample.iter().take(crate::ingest::header::SEARCH_ROWS).position(|r| {
            let (l, rt) = (&r.cells[..c.min(r.cells.len())], r.cells.get(c + 1..).unwrap_or_default());
            header_side(l) && header_side(rt)
        }) else {
            return false;
        };
        // (Each side's child column, and a row where both are filled and differ.)
        let child_at = |from: usize, to: usize| (from..to.min(sample[h].cells.len())).find(|&i| matches!(&sample[h].cells[i], Cell::Text(t) if names_child(t)));
        let (Some(a), Some(b)) = (child_at(0, c), child_at(c + 1, usize::MAX)) else { return false };
        sample[h + 1..].iter().any(|r| match (r.cells.get(a), r.cells.get(b)) {
            (Some(x), Some(y)) if !x.is_empty() && !y.is_empty() => fold(&x.as_string()) != fold(&y.as_string()),
            _ => false,
        })
    })
}

/// Whether a table's title says its actions are all still open: "Open
/// actions", "Outstanding actions", "Actions not yet completed", "Overdue
/// actions" (not "Open and closed actions", nor "Actions opened since …").
fn open_actions_title(title: &str) -> bool {
    let f = fold(title);
    // (Its month or date aside: "Open actions - September 2026".)
    let when = |w: &&str| w.chars().all(|c| c.is_ascii_digit()) || month_number(w).is_some();
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).filter(|w| !when(w)).collect();
    // (A short title of these words only: "Overdue actions are highlighted
    // in red" is a key, "Please record outstanding actions below" an
    // instruction, "… audit actions, open and closed" both.)
    let title_words = |w: &&str| {
        matches!(
            *w,
            "open"
                | "outstanding"
                | "overdue"
                | "incomplete"
                | "uncompleted"
                | "not"
                | "yet"
                | "completed"
                | "in"
                | "progress"
                | "still"
                | "and"
                | "audit"
                | "live"
                | "at"
                | "as"
                | "of"
        ) || w.starts_with("action")
            || w.starts_with("recommendation")
    };
    let open = words.iter().any(|w| matches!(*w, "open" | "outstanding" | "overdue" | "incomplete" | "uncompleted"))
        || super::fold::contains_phrase(&f, "not yet completed")
        || super::fold::contains_phrase(&f, "not completed")
        || super::fold::contains_phrase(&f, "in progress");
    // ("Completed" only after "not": "Actions completed" are done.)
    let done_said = words.iter().enumerate().any(|(i, w)| *w == "completed" && !words[..i].contains(&"not"));
    words.len() <= 6 && words.iter().all(title_words) && words.iter().any(|w| w.starts_with("action") || w.starts_with("recommendation")) && open && !done_said
}

#[cfg(test)]
#[test]
fn a_title_of_open_actions_says_none_is_done() {
    for t in [
        "Open actions",
        "OUTSTANDING ACTIONS",
        "Actions not yet completed",
        "Overdue recommendations",
        "Actions in progress",
        "Open and overdue actions",
        "Open actions - September 2026",
        "Outstanding actions at 31/10/2026",
    ] {
        assert!(open_actions_title(t), "{t}");
    }
    for t in [
        "Open and closed actions",
        "All actions",
        "Signed-off actions",
        "Completed actions",
        "Open cases",
        "Audit actions",
        "Overdue actions are highlighted in red",
        "Please record outstanding actions below",
        "Nottinghamshire County Council - audit actions, open and closed",
    ] {
        assert!(!open_actions_title(t), "{t}");
    }
}

/// A header row's names, folded: what [`table_end`] and [`starts_a_table`]
/// compare a row with to tell the table's own header again from another's.
fn header_names(header: &SourceRow) -> Vec<String> {
    header.cells.iter().map(|c| fold(&c.as_string())).collect()
}

/// Whether `row`, after a blank row, starts another table: three or more
/// cells, all texts, most of them known column names, and not the table's own
/// header again (exports that repeat the header on every page).
fn starts_a_table(ctx: &Context, row: &SourceRow, header: &[String]) -> bool {
    let filled = row.filled();
    // Column names are words: no identifiers or dates among them.
    if filled.iter().any(|c| !matches!(c, Cell::Text(_)) || super::recognise::is_id_value(c) || super::recognise::is_date_value(c)) {
        return false;
    }
    let texts: Vec<&str> = filled.iter().map(|c| if let Cell::Text(t) = c { t.as_str() } else { "" }).collect();
    if texts.len() < 3 {
        return false;
    }
    // Under a header with a question and an answer column (one row per
    // answer), a row with both is an answer ("Judgement | Rationale: | …").
    let named: Vec<Cell> = header.iter().map(|h| Cell::text(h)).collect();
    let filled_at = |i: usize| row.cells.get(i).is_some_and(|c| !c.is_empty());
    if super::long::question_answer(&named).is_some_and(|(q, a)| filled_at(q) && filled_at(a)) {
        return false;
    }
    // Grades and answers are values, however like column names they look
    // ("Requires improvement", "Agreed", "Voice of the child").
    // (A numbered question's heading is a column name too, cut short as a
    // converted PDF prints it: "1 Relationships and", "7 Analysis,
    // decision-making,"; blind set 53's report, its pages of questions
    // between pages of other columns.)
    let numbered = |t: &str| {
        let t = t.trim_start();
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        (1..=2).contains(&digits)
            && t[digits..].trim_start_matches(['.', ')']).starts_with(' ')
            && t[digits..].trim_start_matches(['.', ')', ' ']).starts_with(char::is_alphabetic)
    };
    let known = filled
        .iter()
        .zip(&texts)
        .filter(|(c, t)| (ctx.is_known_header(t) || numbered(t)) && !ctx.crosswalk.is_label(c) && super::scales::answer(c).is_none())
        .count();
    let repeated = texts.iter().filter(|t| header.contains(&fold(t))).count();
    known >= 3 && known * 5 >= texts.len() * 3 && repeated < texts.len()
}

/// What a row under a table's header is, as [`Breaks`] sees it.
enum Next {
    /// A row of the table, after the title-like lines held back before it
    /// (they were the table's own rows after all).
    Row(Vec<SourceRow>, SourceRow),
    /// A lone line after a blank row, held back until the next row says
    /// whether it is another table's title.
    Held,
    /// Another table's first rows: its titles, then its header.
    Starts(Vec<SourceRow>),
}

/// Finds where another table starts below a table's rows, one row at a time:
/// after a blank row (or a gap in a text file's row numbers: its reader skips
/// empty lines), a title line or two ("Actions arising") are held back until
/// the next row says whether it is a header of its own (see [`starts_a_table`]).
struct Breaks<'a> {
    ctx: &'a Context<'a>,
    own: Vec<String>,
    previous: u32,
    after_blank: bool,
    titles: Vec<SourceRow>,
}

impl<'a> Breaks<'a> {
    fn new(ctx: &'a Context<'a>, header: &SourceRow) -> Self {
        Breaks { ctx, own: header_names(header), previous: header.row, after_blank: false, titles: Vec::new() }
    }

    fn push(&mut self, row: SourceRow) -> Next {
        self.after_blank |= row.row > self.previous + 1 && self.titles.is_empty();
        self.previous = row.row;
        if self.after_blank && starts_a_table(self.ctx, &row, &self.own) {
            let mut head = std::mem::take(&mut self.titles);
            head.push(row);
            return Next::Starts(head);
        }
        if self.after_blank && self.titles.len() < 2 && row.cells.iter().filter(|c| !c.is_empty()).count() == 1 {
            self.titles.push(row);
            return Next::Held;
        }
        self.after_blank = row.is_blank();
        Next::Row(std::mem::take(&mut self.titles), row)
    }

    /// The lines still held back when the rows end: the table's own.
    fn finish(self) -> Vec<SourceRow> {
        self.titles
    }
}

/// The rest of a sheet from another table's first rows on (`head`), as a
/// table to read next (never re-read in bulk).
fn rest_of_sheet(
    file: &str,
    sheet: &Option<String>,
    (text_format, date1904): (Option<crate::ingest::TextFormat>, bool),
    head: Vec<SourceRow>,
    body: impl Iterator<Item = Result<SourceRow, crate::ingest::IngestError>> + Send + 'static,
) -> Table {
    let format = text_format.map(|f| crate::ingest::TextFormat { bulk: None, ..f });
    Table { file: file.to_string(), sheet: sheet.clone(), text_format: format, rows: Box::new(head.into_iter().map(Ok).chain(body)), date1904 }
}

/// Passes over the table whose header is `sample[h]`: its non-blank rows
/// (titles and header included) are counted, and the rest of the sheet from
/// the next table on, if one starts below it, is given back to be read.
fn pass_over_table(
    ctx: &Context,
    sample: Vec<SourceRow>,
    h: usize,
    rows: Box<dyn Iterator<Item = Result<SourceRow, crate::ingest::IngestError>> + Send>,
    file: &str,
    sheet: &Option<String>,
    format: (Option<crate::ingest::TextFormat>, bool),
) -> (u64, Option<Table>) {
    let mut count = sample[..=h].iter().filter(|r| !r.is_blank()).count() as u64;
    let mut breaks = Breaks::new(ctx, &sample[h]);
    let mut body = sample.into_iter().skip(h + 1).map(Ok).chain(rows);
    while let Some(r) = body.next() {
        match r.map(|row| breaks.push(row)) {
            Ok(Next::Starts(head)) => return (count, Some(rest_of_sheet(file, sheet, format, head, body))),
            Ok(Next::Held) => {}
            Ok(Next::Row(titles, row)) => count += titles.len() as u64 + u64::from(!row.is_blank()),
            Err(_) => count += 1,
        }
    }
    (count + breaks.finish().len() as u64, None)
}

/// Where another table starts in `rows` (the rows under a header): the index
/// of its first title line or header, after a blank row; else `rows.len()`.
fn table_end(ctx: &Context, rows: &[SourceRow], header: &[String]) -> usize {
    let mut after_blank = None;
    let mut previous: Option<u32> = None;
    for (i, r) in rows.iter().enumerate() {
        // A text file's empty lines are skipped by its reader: a gap in the
        // row numbers is a blank row.
        let gap = previous.is_some_and(|p| r.row > p + 1);
        previous = Some(r.row);
        if gap && !r.is_blank() && after_blank.is_none() {
            after_blank = Some(i);
        }
        if r.is_blank() {
            after_blank = Some(i + 1);
        } else if let Some(start) = after_blank {
            if starts_a_table(ctx, r, header) {
                return start;
            }
            let title = i - start < 2 && r.cells.iter().filter(|c| !c.is_empty()).count() == 1;
            if !title {
                after_blank = None;
            }
        }
    }
    rows.len()
}

/// One table, and the rest of the sheet when another table starts below it.
/// Reads a table again as a rewrite made it (every row from the first, each
/// as rewritten), with `why` first among its notes. The row reader reads it:
/// the columnar one reads the file's own columns.
fn read_rewritten(ctx: &Context, table: Table, why: String, model: &mut Model, findings: &mut Findings) -> (TableReport, Option<Table>) {
    let Table { file, sheet, text_format, rows, date1904 } = table;
    let text_format = text_format.map(|f| TextFormat { bulk: None, ..f });
    let (mut report, more) = read_one_table(ctx, Table { file, sheet, text_format, rows, date1904 }, model, findings);
    report.notes.insert(0, why);
    (report, more)
}

/// Reads one sheet split in two by a layout (an outline of audits and
/// their actions, a plan's bucket of actions): the first part here, with
/// `why` first among its notes, and the second as the table after it.
fn read_split(
    ctx: &Context,
    (file, sheet, text_format, date1904): (String, Option<String>, Option<TextFormat>, bool),
    (first, second): (Vec<SourceRow>, Vec<SourceRow>),
    why: String,
    model: &mut Model,
    findings: &mut Findings,
) -> (TableReport, Option<Table>) {
    let text_format = text_format.map(|f| TextFormat { bulk: None, ..f });
    let table = |rows: Vec<SourceRow>| Table {
        file: file.clone(),
        sheet: sheet.clone(),
        text_format: text_format.clone(),
        rows: Box::new(rows.into_iter().map(Ok)),
        date1904,
    };
    let mut reports = read_tables(ctx, table(first), model, findings);
    let mut report = reports.remove(0);
    report.notes.insert(0, why);
    report.attached.extend(reports);
    (report, Some(table(second)))
}

/// A case-note reading of a legal-status report ([`read_one_table`]): the
/// table mapped as episodes, its legal status the column whose values are
/// legal statuses, and why; none where the table has anything of a note's
/// own (its recording date, who wrote it, whether the child was seen) or no
/// end date beside the start.
fn statuses_read_as_notes(ctx: &Context, mapping: &TableMapping, header: &[Cell], body: &[SourceRow]) -> Option<(TableMapping, String)> {
    let note_own = ["recorded_date", "seen_alone", "child_seen", "author", "note_id", "team"];
    if note_own.iter().any(|f| mapping.field(f).is_some()) || mapping.field("event_date").is_none() {
        return None;
    }
    let cells: Vec<Vec<Cell>> = body.iter().take(200).map(|r| r.cells.clone()).collect();
    let spec = super::config::SourceSpec { kind: Some("episodes".into()), ..Default::default() };
    let mut m = map_table(ctx.config, &ctx.recogniser, ctx.crosswalk, Some(&spec), header, &cells);
    if m.kind != TableKind::Episodes || m.field("child_id").is_none() || m.field("start_date").is_none() || m.field("end_date").is_none() {
        return None;
    }
    // The column most of whose values are legal statuses (nine in ten).
    // (Not a note's kind that names a plan: "CP Visit", "CLA Visit".)
    let share = |i: usize| legal_status_share(ctx, body, i, |v| note_kind_in(ctx, false, v) == NoteKind::Other);
    let dates = ["start_date", "end_date", "child_id"];
    let best = m
        .columns
        .iter()
        .filter(|c| !matches!(&c.target, Target::Field(f) if dates.contains(&f.as_str())))
        .filter_map(|c| Some((share(c.index)?, c.index)))
        .max()?;
    for c in m.columns.iter_mut() {
        if c.index == best.1 {
            c.target = Target::Field("episode_type".into());
            c.reason = "holds legal statuses".into();
        } else if c.target == Target::Field("episode_type".into()) {
            c.unuse("another column holds the legal statuses");
        }
    }
    m.missing_required.clear();
    let status = header.get(best.1).map(Cell::as_string).unwrap_or_default();
    let why = format!(
        "read as legal-status episodes, not case notes: a start and an end date, nothing of a note's own (no recording date, author or seen answer), and '{status}' holds legal statuses (its legal status)"
    );
    Some((m, why))
}

/// How much of column `i` of `body` is legal statuses (per thousand of its
/// filled cells, of two or more), where nine in ten or more are; `also`
/// says what else a status must be.
fn legal_status_share(ctx: &Context, body: &[SourceRow], i: usize, also: impl Fn(&str) -> bool) -> Option<usize> {
    let values: Vec<String> = body.iter().filter_map(|r| r.cells.get(i)).map(|c| c.as_string().trim().to_string()).filter(|v| !v.is_empty()).collect();
    let known = values.iter().filter(|v| ctx.episode_rules.classify(v).is_some() && also(v)).count();
    // (`then`, not `then_some`: no division when there are no values.)
    (values.len() >= 2 && known * 10 >= values.len() * 9).then(|| known * 1000 / values.len())
}

/// A table's first [`SAMPLE_ROWS`] rows, read, up to a read error (with it).
fn read_sample(rows: &mut dyn Iterator<Item = Result<SourceRow, crate::ingest::IngestError>>) -> (Vec<SourceRow>, Option<crate::ingest::IngestError>) {
    let mut sample = Vec::new();
    for r in rows {
        match r {
            Ok(row) => {
                sample.push(row);
                if sample.len() >= SAMPLE_ROWS {
                    break;
                }
            }
            Err(e) => return (sample, Some(e)),
        }
    }
    (sample, None)
}

fn read_one_table(ctx: &Context, table: Table, model: &mut Model, findings: &mut Findings) -> (TableReport, Option<Table>) {
    let file = table.file.clone();
    let sheet = table.sheet.clone();
    let text_format = table.text_format.clone();
    let date1904 = table.date1904;
    let mut report = TableReport::new(&file, sheet.as_deref(), table.text_format.as_ref());
    let mut table_bulk = table.text_format.as_ref().and_then(|f| f.bulk.clone());
    // Answers an application's API writes as JSON in a cell ({"value": 3,
    // "label": "Good"}, {"spokenTo": true}) are read as the words they hold.
    let mut rows: Box<dyn Iterator<Item = Result<SourceRow, crate::ingest::IngestError>> + Send> = Box::new(table.rows.map(|r| {
        r.map(|mut r| {
            for c in r.cells.iter_mut() {
                if let Some(v) = json_cell(c) {
                    *c = v;
                }
            }
            r
        })
    }));
    let (mut sample, mut read_error) = read_sample(&mut rows);
    let pins = ctx.config.source_for(&file, sheet.as_deref());
    if pins.and_then(|p| p.kind.as_deref()) == Some("ignore") {
        report.notes.push("ignored by the config".into());
        return (report, None);
    }
    // Two tables side by side on one sheet, an empty column between them,
    // each with its own header naming the child ("CASE FILE AUDITS" in A:H,
    // "AUDIT ACTIONS" in J:P): the left read first, then the right (a sheet
    // saved as a CSV too; not a Word form's table).
    if let (None, None, false) = (pins, &read_error, text_format.as_ref().is_some_and(|f| f.encoding == crate::ingest::docx::FORMAT)) {
        if let Some(gap) = side_by_side(ctx, &sample) {
            let all: Vec<SourceRow> = std::mem::take(&mut sample).into_iter().chain(rows.filter_map(Result::ok)).collect();
            let part = |r: &SourceRow, from: usize, to: usize| SourceRow {
                row: r.row,
                cells: r.cells.get(from.min(r.cells.len())..to.min(r.cells.len())).map(<[Cell]>::to_vec).unwrap_or_default(),
            };
            let left: Vec<SourceRow> = all.iter().map(|r| part(r, 0, gap)).collect();
            let right: Vec<SourceRow> = all.iter().map(|r| part(r, gap + 1, usize::MAX)).collect();
            let why = format!(
                "two tables side by side, an empty column between them (column {}): each read on its own, the right one's columns counted from column {}",
                crate::ingest::workbook::column_letters(gap as u32),
                crate::ingest::workbook::column_letters(gap as u32 + 1)
            );
            findings.push(Severity::Warning, "side_by_side", &file, sheet.as_deref(), None, None, "", why.clone());
            let mut reports = read_tables(
                ctx,
                Table { file: file.clone(), sheet: sheet.clone(), text_format: None, rows: Box::new(left.into_iter().map(Ok)), date1904 },
                model,
                findings,
            );
            let mut first = reports.remove(0);
            first.notes.insert(0, why);
            first.attached.extend(reports);
            let rest = Table { file: file.clone(), sheet: sheet.clone(), text_format: None, rows: Box::new(right.into_iter().map(Ok)), date1904 };
            return (first, Some(rest));
        }
    }
    // Codes explained by key lines of the table's own, above or below its
    // rows ("Key – Status: F = Finalised; P = In progress" at a report's
    // foot): its columns of those codes are read as their labels.
    if read_error.is_none() {
        let place = match &sheet {
            Some(s) => format!("sheet '{s}'"),
            None => "the file".to_string(),
        };
        if let Some(mut labels) = super::gradekey::key_lines(&sample, &place) {
            labels.grades_named(ctx.crosswalk);
            let mut keyed = Table {
                file: file.clone(),
                sheet: sheet.clone(),
                text_format: text_format.clone(),
                rows: Box::new(std::mem::take(&mut sample).into_iter().map(Ok).chain(rows)),
                date1904,
            };
            let named = labels.apply(&mut keyed);
            rows = keyed.rows;
            (sample, read_error) = read_sample(&mut rows);
            if !named.is_empty() {
                // (Read by the row reader: the columnar one reads the file's own cells.)
                table_bulk = None;
                findings.push(Severity::Info, "key_lines", &file, sheet.as_deref(), None, None, "", labels.note(&named));
                report.notes.push(labels.note(&named));
            }
        }
    }
    // A survey tool's two header rows (a SurveyMonkey download: the
    // questions, then "Response" / "Open-Ended Response" / "Date" / each
    // checkbox choice): read as one header, and said.
    if pins.and_then(|p| p.header_row).is_none() {
        if let Some(k) = crate::ingest::header::answer_type_row(&sample) {
            let survey = crate::ingest::header::SurveyHeader::of(&sample[k - 1], &sample[k], &sample[k + 1..]);
            let joined = survey.columns.iter().filter(|(_, span)| span.len() > 1).count();
            let why = format!(
                "a survey tool's two header rows (rows {} and {}: the questions, then what kind of answer each column holds or its choice) read as one header{}",
                sample[k - 1].row,
                sample[k].row,
                if joined > 0 { format!("; the choices of {joined} question(s) answered one column per choice are read as one column, joined with '; '") } else { String::new() }
            ) + &if survey.grids > 0 {
                format!("; the rows of {} grid question(s) (a grade or answer per row, not the column's own words) are read as a column each, headed 'question: row'", survey.grids)
            } else {
                String::new()
            };
            let at = sample[k - 1].row;
            sample[k - 1].cells = survey.header();
            sample.remove(k);
            for r in sample.iter_mut().skip(k) {
                r.cells = survey.row(&r.cells);
            }
            rows = Box::new(rows.map(move |r| {
                r.map(|mut r| {
                    r.cells = survey.row(&r.cells);
                    r
                })
            }));
            table_bulk = None;
            report.notes.push(why.clone());
            findings.push(Severity::Info, "survey_header", &file, sheet.as_deref(), Some(at), None, "", why);
        }
    }
    // A cell left as the template wrote it ("Choose an item.", "--Please
    // Select--", "Yes/No?", "DD/MM/YYYY") is no answer: read as empty (see
    // [`super::forms::unfilled`]). (A form is read from its rows as they
    // are: its reader knows a control's placeholder as the place of an
    // answer not given. A control's placeholder stays in a table's cell too,
    // where its readers take it for none given: "Choose an item." under
    // "Team" is no team, not the team above.)
    let left = left_unfilled;
    let mut as_written: Option<Vec<SourceRow>> = None;
    if sample.iter().any(|r| r.cells.iter().any(left)) {
        let blank = move |mut r: SourceRow| {
            for c in r.cells.iter_mut().filter(|c| left(c)) {
                *c = Cell::Empty;
            }
            r
        };
        as_written = Some(sample.clone());
        sample = sample.into_iter().map(blank).collect();
        rows = Box::new(rows.map(move |r| r.map(blank)));
    }
    // A sheet turned on its side (field names down the first column, one
    // column per record) is read turned back; saved as a CSV, too (not a
    // Word form's table: its labels run down the page by design).
    // (A text file only with a row of children's ids across its records: a
    // summary with a column per team, "Audits completed | 5 | 3", is none.)
    let word = text_format.as_ref().is_some_and(|f| f.encoding == crate::ingest::docx::FORMAT);
    let turned = (pins.is_none() && read_error.is_none() && !word).then(|| is_transposed(ctx, &sample)).flatten();
    if let Some(Turned { at, ids_head, .. }) = turned.filter(|t| text_format.is_none() || t.ids_row) {
        let mut all: Vec<SourceRow> = sample.into_iter().chain(rows.map_while(Result::ok)).collect();
        // (Children's ids heading the columns: that row is their id row.)
        if let Some(r) = ids_head {
            let label = all[r].cells.get(at).map(Cell::as_string).unwrap_or_default();
            if all[r].cells.len() <= at {
                all[r].cells.resize(at + 1, Cell::Empty);
            }
            all[r].cells[at] = Cell::text("Child ID");
            findings.push(
                Severity::Warning,
                "transposed",
                &file,
                sheet.as_deref(),
                Some(all[r].row),
                None,
                label,
                "ids head the records' columns, with no row naming them: read as the children's ids",
            );
        }
        let width = all.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        // (Section numbers before the column of field names are left out.)
        let turned: Vec<SourceRow> =
            (at..width).map(|c| SourceRow { row: c as u32 + 1, cells: all.iter().map(|r| r.cells.get(c).cloned().unwrap_or(Cell::Empty)).collect() }).collect();
        let why = format!(
            "field names run down the first column and each of the next {} columns is a record: read turned round (its \"rows\" are the sheet's column numbers)",
            width.saturating_sub(1)
        );
        findings.push(Severity::Warning, "transposed", &file, sheet.as_deref(), None, None, "", why.clone());
        let (mut turned_report, _) = read_one_table(
            ctx,
            Table { file: file.clone(), sheet: sheet.clone(), text_format: None, rows: Box::new(turned.into_iter().map(Ok)), date1904 },
            model,
            findings,
        );
        turned_report.notes.insert(0, why);
        return (turned_report, None);
    }

    let mut header = match pins.and_then(|p| p.header_row) {
        Some(n) => sample.iter().position(|r| r.row == n),
        None => find_header_among_values(&sample, |t| ctx.is_known_header(t), |t| t.len() <= 40 && ctx.crosswalk.is_label(&Cell::text(t)))
            .filter(|h| h.recognised >= 2 || sample.len() > 1)
            .map(|h| h.index),
    };
    // Two tables one above the other, the lower with more names known ("CP
    // plans" over "Looked after children", each its own header): the upper
    // is read first, and the lower after it (a blank row, then its header).
    // (A table of its own: a header of names, rows with ids or dates under
    // it, and the next table's start found before the lower header.)
    if let (Some(h), None) = (header, pins) {
        let first = (0..h).find(|&e| {
            let own = header_names(&sample[e]);
            let end = e + 1 + table_end(ctx, &sample[e + 1..h + 1], &own);
            starts_a_table(ctx, &sample[e], &[])
                && end <= h
                && sample[e + 1..end].iter().any(|r| r.cells.iter().any(|c| super::recognise::is_id_value(c) || super::recognise::is_date_value(c)))
        });
        if let Some(e) = first {
            header = Some(e);
        }
    }
    // A title that says the table's actions are all still open ("Open
    // actions", "Outstanding actions" on the line above the header, or the
    // sheet's name): see [`open_actions_title`].
    let titled_open = header.is_some_and(|h| {
        let above = sample[..h].iter().rev().filter(|r| !r.is_blank()).take(2).filter_map(|r| r.lone_text().map(str::to_string));
        above.chain(sheet.clone()).any(|t| open_actions_title(&t))
    });
    // A log of corrections to other records ("Cell | Currently says |
    // Should say", "Form ID | Field amended | From | To"): no records of its
    // own (its corrections are made, or said not made, by
    // [`super::corrections::apply`]).
    if let (Some(h), None, None) = (header, pins, &read_error) {
        if super::corrections::is_log(&sample[h].cells) {
            let non_blank = non_blank_rows(&sample, rows);
            report.reject_all(non_blank, super::corrections::LOG);
            report.notes.push(format!("{}: its rows are set aside", super::corrections::LOG));
            return (report, None);
        }
    }
    // A record that looks like an audit but is named for another kind of
    // quality assurance (a practice observation, a thematic dip sample, a
    // foster carer's file audit): not read as records (see [`super::lookalike`]).
    if pins.is_none() && read_error.is_none() {
        if let Some(found) = super::lookalike::not_case_files(&file, sheet.as_deref(), &sample, header) {
            // Named by its own title or header: only this table is passed over,
            // and a table below it on the sheet is read as usual.
            let (non_blank, rest) = match (header.filter(|_| !found.whole_sheet), header.filter(|_| found.challenges)) {
                (Some(h), _) => pass_over_table(ctx, sample, h, rows, &file, &sheet, (text_format, date1904)),
                // A challenge log: its upheld challenges of the auditor's grade are kept, to revise the audit's grade.
                (None, Some(h)) => {
                    let body: Vec<SourceRow> = sample[h + 1..].iter().cloned().chain(rows.filter_map(Result::ok)).collect();
                    if let Some(columns) = super::lookalike::challenge_columns(&sample[h].cells) {
                        let moderation = super::lookalike::challenge_moderation(&sample[h].cells);
                        read_challenges(&body, (columns, moderation), &file, sheet.as_deref(), ctx, date1904, model);
                    }
                    (body.iter().filter(|r| !r.is_blank()).count() as u64, None)
                }
                (None, None) => (non_blank_rows(&sample, rows), None),
            };
            report.reject_all(non_blank, super::lookalike::NOT_CASE_FILE);
            let message = super::lookalike::explain(&found.why, non_blank, &file, sheet.as_deref());
            report.notes.push(message.clone());
            // A warning: a guess that moves every figure the table would feed.
            findings.push(Severity::Warning, "not_case_file", &file, sheet.as_deref(), None, None, "", message);
            return (report, rest);
        }
    }
    // Ids its title says are a test's or a trainer's ("(client 63999 =
    // training client)"): their records are set aside after reading
    // ([`super::drop_test_children`]).
    let declared = super::lookalike::declared_test_ids(&sample, header);
    if !declared.is_empty() {
        report.notes.push(format!("its title says child id(s) {} are a test's or a trainer's: their records are set aside", declared.join(", ")));
        model.declared_test_children.extend(declared);
    }
    // A text export whose header has more names than its rows have values: a
    // comma inside a header name ("Overall Judgement (Good, RI etc)") made two
    // names of one. Joined back where brackets say so; else said.
    if let (Some(h), Some(_)) = (header, &text_format) {
        let width = |r: &SourceRow| r.cells.len();
        let body: Vec<usize> = sample[h + 1..].iter().filter(|r| !r.is_blank()).map(width).collect();
        let names = width(&sample[h]);
        // (Rows all of one width, and a header of five or more names: not
        // lines of prose in a notes file, split at their commas.)
        let fewest = body.iter().copied().filter(|w| *w < names).max().unwrap_or(names);
        let shorter = body.iter().filter(|w| **w == fewest).count();
        if names >= 5 && fewest < names && body.len() >= 3 && shorter * 10 >= body.len() * 9 {
            let message = match join_split_names(&sample[h].cells, names - fewest) {
                Some((joined, shown)) => {
                    sample[h].cells = joined;
                    // (Read by the row reader: the columnar one reads the file's own header.)
                    table_bulk = None;
                    format!("the header has {names} names but its rows {fewest} values: the names split at a comma inside brackets were joined again ({shown})")
                }
                None => format!(
                    "the header has {names} names but nearly every row only {fewest} values: a comma inside a header name? The columns after it are read one place out; check them in validate"
                ),
            };
            findings.push(Severity::Warning, "header_wider_than_rows", &file, sheet.as_deref(), Some(sample[h].row), None, "", message.clone());
            report.notes.push(message);
        }
    }
    // Ditto marks ("〃", "as above", "do.") in a hand-kept table: each is the
    // value typed above it in its column (see [`super::ditto`]).
    if let (Some(h), None) = (header, &read_error) {
        if let Some(mut marks) = super::ditto::DittoMarks::find(&sample[h], &sample[h + 1..], |c| ctx.crosswalk.is_label(c)) {
            let why = marks.describe();
            findings.push(Severity::Warning, "ditto_marks", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let rows = sample.into_iter().map(Ok).chain(rows).map(move |r| r.map(|row| marks.apply(row, header_row)));
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // A board exported group by group (monday.com): each group's title and
    // header row, and the subitems under items, a header row of their own
    // ("Subitems | Name | Owner | Due date"). The items are read here, and
    // the subitems as a table after them (see [`super::board`]).
    if let (Some(h), None, None) = (header, pins, &read_error) {
        if let Some(board) = super::board::Board::find(&sample[h], &sample[h + 1..]) {
            let why = board.describe();
            findings.push(Severity::Info, "board_layout", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let all: Vec<SourceRow> = sample.into_iter().chain(rows.filter_map(Result::ok)).collect();
            let (items, subitems) = board.split(all, header_row);
            let format = text_format.map(|f| TextFormat { bulk: None, ..f });
            let table = |rows: Vec<SourceRow>| Table {
                file: file.clone(),
                sheet: sheet.clone(),
                text_format: format.clone(),
                rows: Box::new(rows.into_iter().map(Ok)),
                date1904,
            };
            let mut reports = read_tables(ctx, table(items), model, findings);
            let mut first = reports.remove(0);
            first.notes.insert(0, why);
            first.attached.extend(reports);
            return (first, subitems.map(table));
        }
    }
    // Audits and the actions agreed on them as rows of one table: a sheet
    // kept as an outline (Smartsheet's row hierarchy: months' rows, each
    // audit and its actions under it), a task list with subtasks (Asana,
    // Jira: each action naming its parent audit), a plan's bucket of actions
    // (Planner's "Remedial actions"). The audits are read here, and the
    // actions as a table after them (see [`super::board::Layout`]).
    if let (Some(h), None, None) = (header, pins, &read_error) {
        let rec = &ctx.recogniser;
        let audit_field = |t: &str| rec.field_in(&[&rec.audit], t);
        let action_owner = |t: &str| rec.field_in(&[&rec.action], t).is_some_and(|f| f == "owner");
        let names = super::board::HeaderNames {
            audit_side: &|t| !action_owner(t) && audit_field(t).is_some_and(|f| OUTLINE_AUDIT_FIELDS.contains(&f.as_str())),
            owner: &|t| action_owner(t) && audit_field(t).is_none_or(|f| !OUTLINE_AUDIT_FIELDS.contains(&f.as_str())),
            completed: &|t| audit_field(t).is_some_and(|f| f == "completed_date"),
            child: &|t| audit_field(t).is_some_and(|f| f == "child_id"),
        };
        if let Some(layout) = super::board::Layout::find(&sample[h], &sample[h + 1..], &names) {
            let why = layout.describe(&sample[h]);
            findings.push(Severity::Warning, layout.code(), &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let all: Vec<SourceRow> = sample.into_iter().chain(rows.filter_map(Result::ok)).collect();
            let (audits, actions) = layout.split(all, header_row);
            return read_split(ctx, (file, sheet, text_format, date1904), (audits, actions), why, model, findings);
        }
    }
    // Rows filled only in the tool's own columns ("Modified", "Modified By",
    // "Created": a Smartsheet row left empty) are blank rows (review 256's
    // c28).
    if let (Some(h), None, None) = (header, pins, &read_error) {
        let system = super::sections::system_columns(&sample[h]);
        if sample[h + 1..].iter().any(|r| super::sections::only_system(r, &system)) {
            let names: Vec<String> = system.iter().filter_map(|&i| sample[h].cells.get(i)).map(|c| format!("'{}'", c.as_string().trim())).collect();
            let why = format!("rows filled only in the tool's own columns ({}): read as blank rows", names.join(", "));
            findings.push(Severity::Info, "tool_columns_only", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let rows = sample.into_iter().map(Ok).chain(rows).map(move |r| {
                r.map(|mut row| {
                    if row.row > header_row && super::sections::only_system(&row, &system) {
                        row.cells.iter_mut().for_each(|c| *c = Cell::Empty);
                    }
                    row
                })
            });
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // An Excel pivot table in tabular form with its labels not repeated
    // ("Count of Case Note ID" over "Child ID | Event Date | Note Type | … |
    // Total", "2210401 Total" after each group): a blank row label is the
    // label above it, and "(blank)" is an empty cell (see
    // [`super::sections::PivotLabels`]).
    if let (Some(h), None, None) = (header, pins, &read_error) {
        if let Some(pivot) = super::sections::PivotLabels::find(&sample[h], &sample[..h], &sample[h + 1..]) {
            let why = pivot.describe(&sample[h]);
            findings.push(Severity::Info, "pivot_labels_filled", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let rows = pivot.apply(sample.into_iter().map(Ok).chain(rows));
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // A report grouped under section rows ("Team: Assessment East", "Client
    // No: 512004", a bare title): each section's value is read as a column of
    // the rows below it (see [`super::sections`]).
    if let (Some(h), None, None) = (header, pins, &read_error) {
        // (Nor bare titles where a team column, or a sheet or file named for a
        // team, gives the team already.)
        let stem = std::path::Path::new(&file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let named_team = sheet.as_deref().and_then(team_in_name).is_some() || team_in_name(&stem).filter(|t| says_team(t)).is_some();
        let team_columns: Vec<usize> = if named_team {
            Vec::new()
        } else {
            (0..sample[h].cells.len())
                .filter(|&i| fold(&sample[h].cells[i].as_string()).split(' ').any(|w| matches!(w, "team" | "district" | "locality" | "pod")))
                .collect()
        };
        let has_team = named_team || !team_columns.is_empty();
        // (Down to another table below, whose title heads no section of this
        // one: "Signed-off actions" over its own header.)
        let own = header_names(&sample[h]);
        let end = h + 1 + table_end(ctx, &sample[h + 1..], &own);
        if let Some(sections) = super::sections::SectionRows::find(&sample[h], &sample[h + 1..end], &sample[..h], has_team, &team_columns, &|t| {
            let c = Cell::text(t);
            ctx.crosswalk.is_label(&c) || super::scales::answer(&c) == Some(super::model::Answer::NotApplicable)
        }) {
            let why = sections.describe();
            findings.push(Severity::Warning, "section_rows", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].clone();
            let rows = sections.apply(sample.into_iter().map(Ok).chain(rows), header_row);
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // One column per grade with a mark in the one chosen: read as one column
    // holding the marked column's grade (see [`super::grid`]). Not a summary
    // of counts by grade ("Team | Outstanding | Good | … | % good or
    // better", each count 0 or 1): its 1s are counts, not marks.
    if let (Some(h), None, None) = (header, pins, &read_error) {
        if let Some(grids) = (!is_summary_of_counts(&sample[h].cells, &sample[h + 1..]))
            .then(|| super::grid::GradeGrids::find(&sample[h].cells, &sample[h + 1..], ctx.crosswalk))
            .flatten()
        {
            let why = grids.describe();
            findings.push(Severity::Warning, "grade_grid", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let rows = sample.into_iter().map(Ok).chain(rows).map(move |r| r.map(|row| grids.apply(row, header_row)));
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // A column whose header names several fields and whose cells hold them in
    // turn ("Allocated / Deadline": "01/09/2026 – 30/09/2026"): read as a
    // column per field (see [`super::combined`]).
    if let (Some(h), None, None) = (header, pins, &read_error) {
        let rec = &ctx.recogniser;
        // (A child's id not among them: "the child / young person" names
        // one person twice.)
        let names_field = |vocabularies: &[&super::recognise::FieldVocabulary], h: &str| rec.field_in(vocabularies, h).filter(|f| f != "child_id");
        // Audits' and actions' fields; else, bracketed, a case note's ("Visit
        // date (entered)": "27/08/2026 (entered 28/08/2026)"). (Not "Child
        // seen / seen alone": "Seen: Yes / Seen alone: No", "Seen: No - no
        // access", is one answer, read whole.)
        // (Told on the rows of the other parts of its table too, the sheets
        // or files under the same header: parts of one table split alike.)
        let pooled = with_shared_rows(ctx, &sample[h], &sample[h + 1..], &file, sheet.as_deref());
        let body: &[SourceRow] = &pooled;
        let found = super::combined::CombinedColumns::find(&sample[h], body, |p| names_field(&[&rec.audit, &rec.action], p))
            .or_else(|| super::combined::CombinedColumns::find(&sample[h], body, |p| names_field(&[&rec.case_note], p)).filter(|c| c.bracketed_only()));
        // (Or a legal status with its dates, "Legal status (from – to)":
        // "Child Protection Plan (Neglect) 10/05/2026 – current".)
        let found = found.or_else(|| super::combined::CombinedColumns::find(&sample[h], body, |p| names_field(&[&rec.episode], p)).filter(|c| c.led_only()));
        if let Some(combined) = found {
            let why = combined.describe(&sample[h]);
            findings.push(Severity::Warning, "cell_split", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let rows = sample.into_iter().map(Ok).chain(rows).map(move |r| r.map(|row| combined.apply(row, header_row)));
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // A column whose cells each hold several fields written "Name: value |
    // Name: value" (a form flattened into one cell): read as a column per name.
    if let (Some(h), None, None) = (header, pins, &read_error) {
        // (A Word form's answers in paragraphs, "Evidence: …" over "Impact:
        // …", are the form's to read: pairs on lines are a spreadsheet's or
        // a text export's.)
        let document = crate::ingest::DOCUMENT_EXTENSIONS.contains(&crate::ingest::extension(std::path::Path::new(&file)).as_str());
        if let Some(split) = KeyValueColumns::find(&sample[h], &sample[h + 1..], !document) {
            let why = split.describe(&sample[h]);
            findings.push(Severity::Warning, "cell_split", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let rows = sample.into_iter().map(Ok).chain(rows).map(move |r| r.map(|row| split.apply(row, header_row)));
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // A form's grid question, a column per row headed "Question [Row]":
    // each read by its row.
    if let (Some(h), None, None) = (header, pins, &read_error) {
        if let Some(grid) = super::formgrid::FormGrid::find(&sample[h]) {
            let why = grid.describe();
            findings.push(Severity::Info, "form_grid", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let rows = sample.into_iter().map(Ok).chain(rows).map(move |r| r.map(|row| grid.apply(row, header_row)));
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // Seed 002's two parts sent as two online forms' responses, the part
    // named only by the file's or sheet's name: the form's "Timestamp" is
    // when that part was done.
    if let (Some(h), None, None) = (header, pins, &read_error) {
        let rec = &ctx.recogniser;
        let completion = |name: &str| rec.field_in(&[&rec.audit], name).as_deref() == Some("completed_date");
        if let Some(part) = super::parts::PartFromName::find(&sample[h], &file, sheet.as_deref(), completion) {
            let why = part.describe(&sample[h], &file, sheet.as_deref());
            findings.push(Severity::Warning, "part_from_name", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let rows = sample.into_iter().map(Ok).chain(rows).map(move |r| r.map(|row| part.apply(row, header_row)));
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // Grades kept as a card's labels ("Q12 Meets good (green)"): read as a
    // column per name the labels grade.
    if let (Some(h), None, None) = (header, pins, &read_error) {
        let rec = &ctx.recogniser;
        // (A name that names a grade, or a question by its number, "Q12";
        // not one a column of the table already gives, "Overall" beside an
        // "Overall judgement" column, "Q12" beside "Q12 Overall": the column
        // is the grade, the labels perhaps left from before.)
        let headers: Vec<String> = sample[h].cells.iter().map(Cell::as_string).collect();
        let number_of = |t: &str| super::fold::split_numbering(&fold(t)).0;
        let fields: Vec<String> = headers.iter().filter_map(|h| rec.field_in(&[&rec.audit], h)).collect();
        let numbers: Vec<String> = headers.iter().filter_map(|h| number_of(h)).collect();
        let grades = |name: &str| {
            let folded = fold(name);
            let number = match super::fold::split_numbering(&folded) {
                (Some(n), rest) if rest.is_empty() && n != folded => Some(n),
                _ => None,
            };
            let field = rec.field_in(&[&rec.audit], name).filter(|f| f == "overall" || f == "moderated_overall" || f.starts_with("domain"));
            match (number, field) {
                (Some(n), _) => !numbers.contains(&n),
                (None, Some(f)) => !fields.contains(&f),
                (None, None) => false,
            }
        };
        if let Some(labels) = super::labels::LabelGrades::find(&sample[h], &sample[h + 1..], ctx.crosswalk, grades) {
            let why = labels.describe(&sample[h]);
            findings.push(Severity::Warning, "cell_split", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            let header_row = sample[h].row;
            let rows = sample.into_iter().map(Ok).chain(rows).map(move |r| r.map(|row| labels.apply(row, header_row)));
            return read_rewritten(ctx, Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 }, why, model, findings);
        }
    }
    // Dates written without their year ("14/09", "Mon 14 Sep"), the year
    // written once in a title, the sheet's name or the file's name: read in
    // that year (see [`super::yearless`]); where no year is written, said.
    if let (Some(h), None) = (header, &read_error) {
        let body = &sample[h + 1..];
        match super::yearless::YearlessDates::find(&sample[h], &sample[..h], body, sheet.as_deref(), &file, |name| ctx.recogniser.date_field(name)) {
            Some(super::yearless::Found::Dates(dates)) => {
                let why = dates.describe();
                findings.push(Severity::Warning, "yearless_dates", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
                let header_row = sample[h].row;
                let rows = sample.into_iter().map(Ok).chain(rows).map(move |r| r.map(|row| dates.apply(row, header_row)));
                return read_rewritten(
                    ctx,
                    Table { file: file.clone(), sheet: sheet.clone(), text_format, rows: Box::new(rows), date1904 },
                    why,
                    model,
                    findings,
                );
            }
            Some(super::yearless::Found::NoYear(why)) => {
                findings.push(Severity::Warning, "yearless_dates", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
                report.notes.push(why);
            }
            None => {}
        }
    }
    // Another table below this one within the sample: the sample stops where
    // it starts (what this table is, is decided on its own rows), and the rest
    // is read after this table's rows, where the read loop finds it again.
    let mut more_tables = false;
    if let Some(h) = header {
        let own = header_names(&sample[h]);
        let end = h + 1 + table_end(ctx, &sample[h + 1..], &own);
        if end < sample.len() {
            let rest = sample.split_off(end);
            rows = Box::new(rest.into_iter().map(Ok).chain(rows));
            more_tables = true;
        }
    }
    // A header wrapped over two rows (each column's name continued on the
    // row below it: a table converted back from a PDF, "Date of the" over
    // "Audit", "Child’s" over "ID."): read as one, when that makes more sense
    // of the table; its two lines met again (the header printed on every
    // page) are the header again.
    let mut wrapped_lines: Vec<Vec<Cell>> = Vec::new();
    if let Some(h) = header.filter(|_| pins.is_none()) {
        if let Some(joined) = sample.get(h + 1).and_then(|next| wrapped_header(&sample[h].cells, &next.cells)) {
            let body: Vec<Vec<Cell>> = sample[h + 2..].iter().take(200).map(|r| r.cells.clone()).collect();
            let map_rows = |cells: &[Cell]| map_table(ctx.config, &ctx.recogniser, ctx.crosswalk, pins, cells, &body);
            let (plain, both) = (map_rows(&sample[h].cells), map_rows(&joined));
            if both.kind != TableKind::Unknown && both.missing_required.is_empty() && mapping_quality(&both) > mapping_quality(&plain) {
                let lines = [sample[h].cells.clone(), sample[h + 1].cells.clone()];
                let why = format!("the header is wrapped over two rows (rows {} and {}): read as one", sample[h].row, sample[h + 1].row);
                findings.push(Severity::Info, "header_wrapped", &file, sheet.as_deref(), Some(sample[h + 1].row), None, first_text(&sample[h]), why);
                let same = |a: &[Cell], b: &[Cell]| {
                    let n = a.len().max(b.len());
                    (0..n).all(|i| fold(&a.get(i).map(Cell::as_string).unwrap_or_default()) == fold(&b.get(i).map(Cell::as_string).unwrap_or_default()))
                };
                for r in sample[h + 2..].iter_mut() {
                    if lines.iter().any(|l| same(l, &r.cells)) {
                        r.cells = joined.clone();
                    }
                }
                sample[h].cells.iter_mut().for_each(|c| *c = Cell::Empty);
                sample[h + 1].cells = joined;
                header = Some(h + 1);
                wrapped_lines = lines.to_vec();
            }
        }
    }
    // Excel's usual two-row header, its labels in the upper row ("Child ID"
    // merged down both rows, "Audit" merged across over "Sent", "Returned"):
    // the lower row is the header, under the upper one's titles (review
    // 245's c10-c14: the sub-headings had been read as a row of data).
    if let Some(h) = header.filter(|_| pins.is_none() && wrapped_lines.is_empty()) {
        if sample.len() > h + 2 && crate::ingest::header::sub_headings_below(&sample[h], &sample[h + 1]) {
            let why = format!("the row under the header (row {}) names the columns under its group titles: read as a two-row header", sample[h + 1].row);
            findings.push(Severity::Info, "header_two_rows", &file, sheet.as_deref(), Some(sample[h + 1].row), None, first_text(&sample[h + 1]), why);
            header = Some(h + 1);
        }
    }
    // Two shapes are turned round before the columns are mapped, when the
    // header names them and the first rows, turned round, make more sense than
    // as they are: a legal-status table with a start and an end column per
    // plan becomes a row per plan; a long-format export (one row per answer)
    // becomes one row per audit. A table that already reads as audits, actions
    // or case notes with plan dates or a "Domain" column is left as it is.
    // Then all of the table is read.
    let mut long = None;
    let mut wide_plans = None;
    let mut wide_groups = None;
    let pinned = pins.and_then(|p| p.kind.as_deref());
    if let Some(h) = header {
        let plans = if pinned.is_none_or(|k| k == "episodes") { super::plans::plans(&sample[h].cells, |t| ctx.episode_rules.classify(t)) } else { Vec::new() };
        let long_columns = pinned.is_none_or(|k| k == "audits").then(|| super::long::question_answer(&sample[h].cells)).flatten();
        let groups = if long_columns.is_none() && pinned.is_none() {
            super::groups::find(&sample[h].cells, h.checked_sub(1).map(|a| &sample[a].cells[..]))
        } else {
            None
        };
        if !plans.is_empty() || long_columns.is_some() || groups.is_some() {
            let map_rows = |header: &[Cell], rows: &[SourceRow]| {
                let body: Vec<Vec<Cell>> = rows.iter().take(200).map(|r| r.cells.clone()).collect();
                map_table(ctx.config, &ctx.recogniser, ctx.crosswalk, pins, header, &body)
            };
            let plain = map_rows(&sample[h].cells, &sample[h + 1..]);
            let plain_kind = if plain.missing_required.is_empty() { plain.kind } else { TableKind::Unknown };
            let better = |turned: &super::columns::TableMapping, kind: TableKind| {
                turned.kind == kind && turned.missing_required.is_empty() && mapping_quality(turned) > mapping_quality(&plain)
            };
            // (A table that cannot be read as it is: no kind, a required
            // column missing, or audits with neither a completion date nor an
            // overall judgement.)
            let unreadable = plain_kind == TableKind::Unknown
                || (plain.kind == TableKind::Audits && plain.field("completed_date").is_none() && plain.field("overall").is_none());
            let turn_groups = groups.as_ref().filter(|_| unreadable).filter(|g| {
                let first = super::groups::unfold(&sample[h].cells, &sample[h + 1..], g);
                let turned = map_rows(&first.header, &first.rows);
                turned.kind != TableKind::Unknown && turned.missing_required.is_empty() && mapping_quality(&turned) > mapping_quality(&plain)
            });
            if let Some(g) = turn_groups {
                let body = read_all(&mut sample, h, &mut rows, &mut read_error, &file, sheet.as_deref());
                let mut u = super::groups::unfold(&sample[h].cells, &body, g);
                sample[h].cells = std::mem::take(&mut u.header);
                // (The titles over the groups, "August 2026" over a month's
                // columns, title no column of the turned table.)
                if h > 0 {
                    sample[h - 1].cells.iter_mut().for_each(|c| *c = Cell::Empty);
                }
                sample.append(&mut u.rows);
                wide_groups = Some(u);
            } else if !plans.is_empty() && matches!(plain_kind, TableKind::Unknown | TableKind::Episodes) {
                let first = super::plans::unfold(&sample[h].cells, &sample[h + 1..], &plans);
                if better(&map_rows(&first.header, &first.rows), TableKind::Episodes) {
                    let body = read_all(&mut sample, h, &mut rows, &mut read_error, &file, sheet.as_deref());
                    let mut u = super::plans::unfold(&sample[h].cells, &body, &plans);
                    sample[h].cells = std::mem::take(&mut u.header);
                    sample.append(&mut u.rows);
                    wide_plans = Some(u);
                }
            } else if let Some((q, a)) = long_columns.filter(|_| matches!(plain_kind, TableKind::Unknown | TableKind::Audits)) {
                let is_grade = |c: &Cell| ctx.crosswalk.is_label(c);
                // Graded answers written as codes, read with the key in force.
                let keyed = |mut p: super::long::Pivoted| {
                    let key = ctx.grade_keys.borrow().iter().find(|k| matches!(k.key, super::gradekey::Key::Codes(_))).cloned();
                    let named = key.as_ref().map(|k| super::gradekey::apply_to_rows(&p.header, &mut p.rows, k)).unwrap_or_default();
                    (p, key.filter(|_| !named.is_empty()).map(|k| k.note(&named)))
                };
                let first = super::long::pivot(&sample[h].cells, &sample[h + 1..], q, a, &is_grade).map(keyed);
                if first.is_some_and(|(p, _)| better(&map_rows(&p.header, &p.rows), TableKind::Audits)) {
                    let mut body = read_all(&mut sample, h, &mut rows, &mut read_error, &file, sheet.as_deref());
                    match super::long::pivot(&sample[h].cells, &body, q, a, &is_grade).map(keyed) {
                        Some((mut p, note)) => {
                            if let Some((code, value, message)) = note {
                                findings.push(Severity::Info, code, &file, sheet.as_deref(), None, None, value, message);
                            }
                            sample[h].cells = std::mem::take(&mut p.header);
                            sample.append(&mut p.rows);
                            long = Some(p);
                        }
                        None => sample.append(&mut body),
                    }
                }
            }
        }
    }
    // With two header rows, the group titles either name every column under
    // them ("Moderation" over "Date", "Grade") or only tell repeated
    // sub-headings apart ("Case details" over "Date", "Team"; "Section 1" over
    // "Grade", "Comments"): both readings are mapped, and the one that makes
    // more sense of the table is kept (a tie keeps every column titled).
    let mut two_row = None;
    let mut shared_with: Vec<String> = Vec::new();
    let mapping = header.map(|h| {
        // The values under the header down to any other table below it.
        let own = header_names(&sample[h]);
        let below = &sample[h + 1..];
        // (Not its totals and subtotals rows: a count under "Child ID" is no
        // id. Nor the header again, at a page break of a report, nor the
        // page's furniture and headings between its records ("Page 1 of 3",
        // "Child Protection Plans"): their words are no values of the columns.)
        let names = own.iter().filter(|n| !n.is_empty()).count();
        let mut body: Vec<Vec<Cell>> = below[..table_end(ctx, below, &own)]
            .iter()
            .filter(|r| !is_totals_row(r) && !repeats_header(r, &own) && !super::sections::is_furniture(r) && !lone_heading(r, names))
            .take(200)
            .map(|r| r.cells.clone())
            .collect();
        // (And the rows of the workbook's other sheets under the same header:
        // one table kept a sheet per team or per month.)
        let (more, sheets) = ctx.shared_rows(&own, &file, sheet.as_deref(), SHARED_ROWS.saturating_sub(body.len()));
        body.extend(more);
        shared_with = sheets;
        // A group title that names an earlier audit ("Previous audit" over
        // "Date", "Q12") heads its columns in every reading: they are that
        // audit's, never this one's (untitled, "Date" ties with "Date
        // completed", "Q12" is read as this audit's question 12).
        // So does a title of the moderation ("Moderation" over "Date", "By",
        // "Grade", "Agree?"): its "Grade" is the moderator's, not the
        // audit's overall (blind set 152's saltcombe).
        let moderation = |t: &str| {
            let f = fold(t);
            let w: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
            w.len() <= 3 && w.iter().any(|w| w.starts_with("moderat"))
        };
        let names_its_own = |title: &str, t: &str| {
            let f = fold(t);
            super::columns::names_earlier_audit(&f) || (moderation(title) && (f.contains("moderat") || f.contains("auditor")))
        };
        let earlier: Vec<(usize, String)> = if h > 0 {
            crate::ingest::header::group_titles(&sample[h - 1], sample[h].cells.len())
                .into_iter()
                .enumerate()
                .filter_map(|(i, t)| t.filter(|t| super::columns::names_earlier_audit(&fold(t)) || moderation(t)).map(|t| (i, t)))
                .collect()
        } else {
            Vec::new()
        };
        let listed = ctx.question_list.borrow();
        let map = |cells: &[Cell]| {
            let mut cells = cells.to_vec();
            // A header that is only a listed question id ("KSS4") is read with
            // what the list says it asks.
            for c in cells.iter_mut().filter(|_| !listed.is_empty()) {
                let Cell::Text(t) = &*c else { continue };
                let id = fold(t);
                if let Some((_, text)) = listed.iter().find(|(listed_id, _)| *listed_id == id) {
                    *c = Cell::Text(format!("{t}: {text}"));
                }
            }
            for (i, title) in &earlier {
                let titled = match cells.get(*i) {
                    // (Not a sub-heading that names its own: "Moderator's
                    // grade", or "Auditor's grade" set beside the moderation to
                    // compare; stranger review 26's 02b.)
                    Some(Cell::Text(t)) if !names_its_own(title, t) => Some(crate::ingest::header::under_title(title, t)),
                    _ => None,
                };
                if let Some(t) = titled {
                    cells[*i] = Cell::Text(t);
                }
            }
            map_table(ctx.config, &ctx.recogniser, ctx.crosswalk, pins, &cells, &body)
        };
        // (A column that is another's copy repeats no sub-heading: the
        // header without copies says whether any is repeated. Not under group
        // titles, where one sub-heading under two groups is two questions.)
        let groups_above = h > 0 && sample[h - 1].cells.iter().filter(|c| !c.is_empty()).count() > 1;
        let copy_of = if groups_above { vec![None; sample[h].cells.len()] } else { super::columns::copies(&sample[h].cells, &body) };
        let without_copies = SourceRow {
            cells: sample[h].cells.iter().zip(&copy_of).map(|(c, of)| if of.is_some() { Cell::Empty } else { c.clone() }).collect(),
            ..sample[h].clone()
        };
        let combine = |repeated_only| (h > 0).then(|| crate::ingest::header::combine_two_row_header(&sample[h - 1], &without_copies, repeated_only)).flatten();
        // A third reading: the better of the two, with the group title given
        // only to the sub-headings it left unused ("Date" under "Moderation"
        // beside "Audit date"; "Obtained?" under "Parents / carers views").
        let helped = |best: &super::columns::TableMapping, best_cells: &[Cell], all: &[Cell]| {
            let mut cells = best_cells.to_vec();
            let mut changed = false;
            for c in &best.columns {
                // (Not an empty column: nothing under it to read, and a
                // title would only make it look like a field. Nor a column
                // of notes: "Grades" over "Lead auditor notes" is notes.)
                let notes = fold(&c.header).split(' ').any(|w| matches!(w, "note" | "notes" | "comment" | "comments" | "narrative" | "rationale"));
                if matches!(c.target, Target::Unmapped | Target::Domain(None))
                    && c.score < 1000
                    && !c.header.trim().is_empty()
                    && !notes
                    && body.iter().any(|r| r.get(c.index).is_some_and(|v| !v.is_empty()))
                    && all.get(c.index).is_some_and(|a| *a != cells[c.index])
                {
                    cells[c.index] = all[c.index].clone();
                    changed = true;
                }
            }
            changed.then(|| map(&cells)).filter(|m| same_table(best, m) && mapping_quality(m) > mapping_quality(best))
        };
        let Some(all) = combine(false) else {
            // No repeated sub-heading: titles above are kept only where they
            // make more sense of the table than the header row alone.
            // (A label merged down both header rows, "Auditors' Grade" over
            // nothing, heads its column in the plain reading too.)
            let merged = (h > 0).then(|| crate::ingest::header::with_labels_merged_down(&sample[h - 1], &sample[h])).flatten();
            let own_cells = merged.as_deref().unwrap_or(&sample[h].cells);
            let plain = map(own_cells);
            let above = (h > 0).then(|| crate::ingest::header::titled_without_repeats(&sample[h - 1], &sample[h])).flatten();
            let Some(above) = above else { return plain };
            let titled = map(&above);
            // (The plain reading with titles only where it needs them, when
            // titles on every column make questions look alike: "Auditor's
            // evaluation of the quality … 1. Safe" and the overall grade.)
            let plain_helped = helped(&plain, own_cells, &above);
            let (best, best_cells) =
                if same_table(&plain, &titled) && mapping_quality(&titled) > mapping_quality(&plain) { (titled, &above) } else { (plain, &own_cells.to_vec()) };
            let best_helped = helped(&best, best_cells, &above);
            let better = |m: &Option<super::columns::TableMapping>, than: &super::columns::TableMapping| {
                m.as_ref().is_some_and(|m| mapping_quality(m) > mapping_quality(than))
            };
            let chosen = match (best_helped, plain_helped) {
                (Some(b), p) if !better(&p, &b) => Some(b),
                (_, Some(p)) if mapping_quality(&p) > mapping_quality(&best) => Some(p),
                (b, _) => b,
            };
            if let Some(m) = chosen {
                two_row = Some("group title + the sub-headings that need it");
                return m;
            }
            if best_cells == &above {
                two_row = Some("group title + sub-heading");
            }
            return best;
        };
        let titled = map(&all);
        let only_repeated = combine(true);
        let repeated = only_repeated.as_ref().map(|cells| map(cells)).filter(|m| mapping_quality(m) > mapping_quality(&titled));
        let (best, best_cells) = match repeated {
            Some(m) => (m, only_repeated.as_deref().unwrap_or_default()),
            None => (titled, all.as_slice()),
        };
        // (The last group's width is a guess, as wide as most groups: a
        // sub-heading past it that is read as nothing on its own, "SW / PA"
        // third under "Spoken to as part of the audit" where the other groups
        // are two wide, may take its title too.)
        let last_title = sample[h - 1].cells.iter().rposition(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty()));
        let open_ended: Vec<Cell> = all
            .iter()
            .enumerate()
            .map(|(i, c)| match (last_title, c, sample[h].cells.get(i)) {
                (Some(l), Cell::Text(t), Some(own)) if i > l && c == own => {
                    Cell::Text(crate::ingest::header::under_title(sample[h - 1].cells[l].as_string().trim(), t))
                }
                _ => c.clone(),
            })
            .collect();
        if let Some(m) = helped(&best, best_cells, &open_ended) {
            two_row = Some("group title + repeated sub-headings and those that need it");
            return m;
        }
        two_row = Some(if best_cells != all.as_slice() { "group title + repeated sub-headings" } else { "group title + sub-heading" });
        best
    });

    let mapping = mapping.map(|mut m| {
        if let Some(h) = header {
            let below = &sample[h + 1..];
            let own = header_names(&sample[h]);
            let rows: Vec<&[Cell]> =
                below[..table_end(ctx, below, &own)].iter().filter(|r| !is_totals_row(r) && !repeats_header(r, &own)).map(|r| r.cells.as_slice()).collect();
            super::columns::own_reference(&mut m, &rows);
        }
        m
    });
    // A form's actions grid looks like an actions table, and a row of its labels
    // ("Date:", "Auditor:") like a header: a sheet with form labels (child id
    // beside its answer, judgements) is a form unless its "table" really has a
    // column of child ids under the header. A table of any kind with one is a
    // list of records, not a form (a short action list whose actions say
    // "grade" or "auditor" too).
    let kind = mapping.as_ref().map(|m| m.kind).unwrap_or(TableKind::Unknown);
    let pinned_kind = pins.and_then(|p| p.kind.is_some().then_some(()));
    // (Or one, under a header the workbook's other sheets share: a sheet per
    // team or month with a single audit on it is a part of that table.)
    let real_table = kind != TableKind::Unknown
        && mapping.as_ref().and_then(|m| m.field("child_id")).zip(header).is_some_and(|(col, h)| {
            let ids = sample[h + 1..].iter().filter_map(|r| r.cells.get(col)).filter(|c| super::recognise::is_id_value(c)).take(2).count();
            ids >= 2 || (ids == 1 && !shared_with.is_empty())
        });
    // (Nor is a table headed with a question and an answer column over rows
    // of answers that could not be turned into audits: one form made of all
    // its answers would be an audit no one did.)
    let answer_rows = long.is_none() && header.is_some_and(|h| sample.len() > h + 3 && super::long::question_answer(&sample[h].cells).is_some());
    if !real_table && !answer_rows && pinned_kind.is_none() && super::forms::looks_like_form(ctx, as_written.as_deref().unwrap_or(&sample)) {
        let mut sample = as_written.unwrap_or(sample);
        // A form's tables (its actions, its moderation block) are the form's:
        // all of the sheet is read as one form.
        if more_tables {
            let last = sample.last().map_or(0, |r| r.row);
            sample.extend(rows.map_while(Result::ok).filter(|r| r.row > last).take(FORM_ROWS));
        }
        super::forms::read_form(ctx, &file, sheet.as_deref(), &sample, model, findings, &mut report);
        return (report, None);
    }
    // A sheet that matched no kind (or lacks a required column) and plainly
    // holds no records is skipped with a note, not an error.
    let incomplete = mapping.as_ref().is_some_and(|m| {
        let plan_file = m.kind == TableKind::Episodes && m.missing_required == ["episode_type"];
        !m.missing_required.is_empty() && !plan_file
    });
    // A form's blank template kept beside the filled forms: its labels, with
    // no child's id and no date filled in, are no audit and no error.
    if !real_table
        && (kind == TableKind::Unknown || incomplete)
        && pinned_kind.is_none()
        && super::forms::blank_form(ctx, as_written.as_deref().unwrap_or(&sample))
    {
        let non_blank = sample.iter().filter(|r| !r.is_blank()).count() as u64;
        report.reject_all(non_blank, NOT_DATA);
        let why = "a form with nothing filled in (no child's id, no date): the blank template, not an audit".to_string();
        report.notes.push(format!("skipped: {why}"));
        findings.push(Severity::Info, "blank_form", &file, sheet.as_deref(), None, None, "", why);
        return (report, None);
    }
    if (kind == TableKind::Unknown || incomplete) && pinned_kind.is_none() {
        // A key ("Code" / "Meaning"): kept, to read codes in the other tables.
        // (Not a table of some kind missing a column: that is an error below.)
        // A reference table of one thing's codes and names ("team_cd", "team_name") may look like a
        // table missing its required column; a plain "Code" / "Meaning" key must match no kind.
        let key = header
            .and_then(|h| code_key_columns(&sample[h].cells, &ctx.config.fields.audit).map(|c| (h, c)))
            .filter(|(_, (_, _, of))| kind == TableKind::Unknown || of.is_some());
        if let Some((h, (code, meaning, of))) = key {
            let rest: Vec<SourceRow> = rows.filter_map(Result::ok).collect();
            let text = |r: &SourceRow, i: usize| r.cells.get(i).map(|c| c.as_string().trim().to_string()).unwrap_or_default();
            // A team list's other names for a team ("Also known as": "CiC Team
            // 2; CIC2 Team") are read as its codes are.
            let alias = (of.as_deref() == Some("team"))
                .then(|| {
                    sample[h].cells.iter().position(|c| {
                        matches!(
                            fold(&c.as_string()).as_str(),
                            "also known as"
                                | "aka"
                                | "alias"
                                | "aliases"
                                | "other names"
                                | "other name"
                                | "previously"
                                | "formerly"
                                | "old name"
                                | "previous name"
                        )
                    })
                })
                .flatten();
            let lines: Vec<CodeMeaning> = sample[h + 1..]
                .iter()
                .chain(&rest)
                .flat_map(|r| {
                    let names: Vec<String> =
                        alias.map(|i| text(r, i)).unwrap_or_default().split([';', '|']).map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect();
                    std::iter::once(text(r, code))
                        .chain(names)
                        .map(|c| CodeMeaning { code: c, meaning: text(r, meaning), of: of.clone(), file: file.clone(), sheet: sheet.clone() })
                        .collect::<Vec<_>>()
                })
                .filter(|k| !k.code.is_empty() && !k.meaning.is_empty() && k.code.chars().count() <= if k.of.as_deref() == Some("team") { 40 } else { 24 })
                .collect();
            report.reject_all(sample[h + 1..].iter().chain(&rest).filter(|r| !r.is_blank()).count() as u64, NOT_DATA);
            // (What a key is read for: note types written as codes, and teams by code.)
            let used_for = if of.as_deref() == Some("team") { "teams written as codes" } else { "note types written as codes" };
            let why = format!("a key of {} codes and their meanings: read to understand {used_for} in the other tables", lines.len());
            report.notes.push(format!("skipped: {why}"));
            findings.push(Severity::Info, "code_key", &file, sheet.as_deref(), Some(sample[h].row), None, "", why);
            model.code_key.extend(lines);
            return (report, None);
        }
        // A restructure's table of old and new team names ("Old team" / "New
        // team"; "Team (up to 30/09/2026)" / "Team (from 01/10/2026)"): kept,
        // to show each renamed or merged team under its new name.
        if let Some((h, (old, new))) = header.and_then(|h| rename_columns(&sample[h].cells).map(|c| (h, c))) {
            let rest: Vec<SourceRow> = rows.filter_map(Result::ok).collect();
            let text = |r: &SourceRow, i: usize| r.cells.get(i).map(|c| super::identity::tidy(&c.as_string()).trim().to_string()).unwrap_or_default();
            let lines: Vec<CodeMeaning> = sample[h + 1..]
                .iter()
                .chain(&rest)
                .map(|r| CodeMeaning {
                    code: text(r, old),
                    meaning: text(r, new),
                    of: Some(TEAM_RENAMED.to_string()),
                    file: file.clone(),
                    sheet: sheet.clone(),
                })
                .filter(|k| !k.code.is_empty() && !k.meaning.is_empty() && k.code.chars().count() <= 80 && k.meaning.chars().count() <= 80)
                .collect();
            report.reject_all(sample[h + 1..].iter().chain(&rest).filter(|r| !r.is_blank()).count() as u64, NOT_DATA);
            let why = format!("a table of {} old and new team names: read to show renamed and merged teams under their new names", lines.len());
            report.notes.push(format!("skipped: {why}"));
            findings.push(Severity::Info, "team_renames", &file, sheet.as_deref(), Some(sample[h].row), None, "", why);
            model.code_key.extend(lines);
            return (report, None);
        }
        // A staff list ("Name" / "Job title" / "Team"; "Worker" / "Pod" /
        // "From" / "To"): kept, to give an audit that names its social worker
        // but no team the worker's team.
        if let Some((h, c)) = header.and_then(|h| staff_columns(&sample[h].cells).map(|c| (h, c))) {
            let rest: Vec<SourceRow> = rows.filter_map(Result::ok).collect();
            let text = |r: &SourceRow, i: Option<usize>| {
                i.and_then(|i| r.cells.get(i)).map(|c| super::identity::tidy(&c.as_string()).trim().to_string()).filter(|t| !t.is_empty())
            };
            let date = |r: &SourceRow, i: Option<usize>| i.and_then(|i| r.cells.get(i)).and_then(Cell::as_date);
            let lines: Vec<StaffLine> = sample[h + 1..]
                .iter()
                .chain(&rest)
                .filter_map(|r| {
                    Some(StaffLine {
                        name: text(r, Some(c.name))?,
                        team: text(r, Some(c.team))?,
                        from: date(r, c.from),
                        to: date(r, c.to),
                        previous_team: text(r, c.previous),
                        file: file.clone(),
                        sheet: sheet.clone(),
                    })
                })
                .collect();
            report.reject_all(sample[h + 1..].iter().chain(&rest).filter(|r| !r.is_blank()).count() as u64, NOT_DATA);
            let why = format!("a staff list of {} lines: read to give an audit that names its social worker but no team the worker's team", lines.len());
            report.notes.push(format!("skipped: {why}"));
            findings.push(Severity::Info, "staff_list", &file, sheet.as_deref(), Some(sample[h].row), None, "", why);
            model.staff.extend(lines);
            return (report, None);
        }
        // A map of old child ids to new ones (a system change): kept, to read
        // every record's child id through it.
        let id =
            |r: &SourceRow, i: usize| r.cells.get(i).filter(|c| super::recognise::is_id_value(c)).map(|c| super::identity::tidy(&c.as_string()).into_owned());
        let map_columns = header.and_then(|h| id_map_columns(&sample[h].cells).map(|c| (h, c))).filter(|(h, (old, new, _))| {
            // Mostly pairs of ids, in the rows sampled.
            let shown: Vec<&SourceRow> = sample[h + 1..].iter().filter(|r| !r.is_blank()).collect();
            let pairs = shown.iter().filter(|r| id(r, *old).zip(id(r, *new)).is_some()).count();
            // (A row or two left without a new id, "N/A", does not undo the map.)
            pairs > 0 && pairs * 3 >= shown.len()
        });
        if let Some((h, (old, new, by_words))) = map_columns {
            let rest: Vec<SourceRow> = rows.filter_map(Result::ok).collect();
            let all: Vec<&SourceRow> = sample[h + 1..].iter().chain(&rest).filter(|r| !r.is_blank()).collect();
            // (Two systems' ids with no word saying which is old, "Eclipse
            // Person ID | CareFirst Person ID": a map gives each old id one new
            // id, and merged duplicates share one; so where only one way round
            // each id has one other, that way is old to new. A row copied
            // twice gives an id the same other twice: still one.)
            let each_has_one = |from: usize, to: usize| {
                let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
                all.iter().filter_map(|r| id(r, from).zip(id(r, to))).all(|(f, t)| seen.entry(f).or_insert_with(|| t.clone()) == &t)
            };
            let (old, new) = if !by_words && !each_has_one(old, new) && each_has_one(new, old) { (new, old) } else { (old, new) };
            let pairs: Vec<(String, String)> = all.iter().filter_map(|r| id(r, old).zip(id(r, new))).filter(|(o, n)| o != n).collect();
            {
                report.reject_all(all.len() as u64, NOT_DATA);
                let headers = (sample[h].cells[old].as_string(), sample[h].cells[new].as_string());
                let why = format!(
                    "a map of {} old child ids ('{}') to new ones ('{}'): every record's child id is read through it",
                    pairs.len(),
                    headers.0.trim(),
                    headers.1.trim()
                );
                report.notes.push(format!("skipped: {why}"));
                findings.push(Severity::Info, "id_map", &file, sheet.as_deref(), Some(sample[h].row), None, "", why);
                for (o, n) in pairs {
                    model.id_map.entry(o).or_insert((n, file.clone()));
                }
                return (report, None);
            }
        }
        // A list of family or sibling groups' children ("Family group ref" /
        // "Child's ID"): kept, so an audit recorded under a group's reference
        // is an audit of each of its children.
        // (Not a list with dates in it: "Family ID | Child ID | Visit date"
        // is a table of visits. Nor one whose references are children's own
        // ids, "WY20305 | WY20305": the group is named after a child.)
        let group_columns = header.and_then(|h| family_group_columns(&sample[h].cells).map(|c| (h, c))).filter(|(h, (group, child))| {
            let shown: Vec<&SourceRow> = sample[h + 1..].iter().filter(|r| !r.is_blank()).collect();
            let pairs = shown.iter().filter(|r| id(r, *group).zip(id(r, *child)).is_some()).count();
            let dated = shown.iter().any(|r| r.cells.iter().any(super::recognise::is_date_value));
            let children: std::collections::HashSet<String> = shown.iter().filter_map(|r| id(r, *child)).collect();
            let named_after_a_child = shown.iter().filter_map(|r| id(r, *group)).any(|g| children.contains(&g));
            pairs > 0 && pairs * 3 >= shown.len() * 2 && !dated && !named_after_a_child
        });
        if let Some((h, (group, child))) = group_columns {
            let rest: Vec<SourceRow> = rows.filter_map(Result::ok).collect();
            let all: Vec<&SourceRow> = sample[h + 1..].iter().chain(&rest).filter(|r| !r.is_blank()).collect();
            let pairs: Vec<(String, String)> = all.iter().filter_map(|r| id(r, group).zip(id(r, child))).filter(|(g, c)| g != c).collect();
            report.reject_all(all.len() as u64, NOT_DATA);
            let groups: std::collections::BTreeSet<&str> = pairs.iter().map(|(g, _)| g.as_str()).collect();
            let why = format!(
                "a list of {} children in {} family or sibling groups ('{}'): an audit recorded under a group's reference is of each of its children (a later audit of any of them is its re-audit)",
                pairs.len(),
                groups.len(),
                sample[h].cells[group].as_string().trim()
            );
            report.notes.push(format!("skipped: {why}"));
            findings.push(Severity::Info, "family_groups", &file, sheet.as_deref(), Some(sample[h].row), None, "", why);
            for (g, c) in pairs {
                let members = model.family_groups.entry(g).or_default();
                if !members.contains(&c) {
                    members.push(c);
                }
            }
            return (report, None);
        }
        let body: Vec<&[Cell]> = sample.iter().skip(header.map_or(0, |h| h + 1)).map(|r| r.cells.as_slice()).collect();
        let header_cells = header.map(|h| sample[h].cells.as_slice());
        // Two or more fields named by the header ("Team", "Overall grade") say
        // records, whatever few values there are; only the sheet's name or a
        // pivot layout can still say otherwise.
        let named_fields = mapping.as_ref().map_or(0, |m| m.columns.iter().filter(|c| matches!(c.target, Target::Field(_)) && c.score >= 2).count());
        let reason = super::recognise::not_data_reason(sheet.as_deref(), header_cells, &body, ctx.crosswalk)
            .filter(|why| named_fields < 2 || !why.starts_with("no dates"));
        if let Some(why) = reason {
            let non_blank = non_blank_rows(&sample, rows);
            report.reject_all(non_blank, NOT_DATA);
            report.notes.push(format!("skipped: {why}"));
            findings.push(
                Severity::Info,
                "sheet_skipped",
                &file,
                sheet.as_deref(),
                None,
                None,
                "",
                format!("skipped: {why}; {non_blank} rows not read as records"),
            );
            return (report, None);
        }
    }
    // A sheet named as the workbook's lists alone ("Lookups", "Lists",
    // "Dropdowns"), whose columns read as records but give no date: the
    // drop-downs' children, teams and moderators, no audits or actions (blind
    // set 147: phantom audits of no date, teamed "Lists").
    if matches!(kind, TableKind::Audits | TableKind::Actions) && pinned_kind.is_none() {
        let lists_only = sheet.as_deref().is_some_and(|n| {
            matches!(
                fold(n).as_str(),
                "list"
                    | "lists"
                    | "lookup"
                    | "lookups"
                    | "dropdown"
                    | "dropdowns"
                    | "drop down"
                    | "drop downs"
                    | "drop down lists"
                    | "validation"
                    | "data validation"
                    | "lookup lists"
                    | "reference data"
            )
        });
        // (Nor a sheet of graded records that happens to be called "List":
        // the month's sample with its grades; review 240's c05.)
        let dated = mapping.as_ref().is_some_and(|m| {
            m.columns.iter().any(|c| {
                matches!(&c.target, Target::Field(f) if f.ends_with("_date") || f == "audit_month" || f == "overall" || f == "moderated_overall")
                    || matches!(c.target, Target::Domain(_))
            })
        });
        if lists_only && !dated {
            let non_blank = non_blank_rows(&sample, rows);
            let why = format!("sheet '{}' is named as the workbook's lists and gives no dates: not records", sheet.as_deref().unwrap_or(""));
            report.reject_all(non_blank, NOT_DATA);
            report.notes.push(format!("skipped: {why}"));
            findings.push(
                Severity::Info,
                "sheet_skipped",
                &file,
                sheet.as_deref(),
                None,
                None,
                "",
                format!("skipped: {why}; {non_blank} rows not read as records"),
            );
            return (report, None);
        }
    }
    // A log of legal-status events ("CP Plan Started", "Status from | Status
    // to", a status with "Start" / "End"): its episodes, made from each
    // child's events in date order, are read as a legal-status table (see
    // [`super::events`]).
    if let (None, None, Some(h), false) = (pins, &read_error, header, ctx.in_joined.get()) {
        // (Not a table with a column of another kind's own: a case note's type
        // or seen alone, an audit's grade or auditor, an action's owner.)
        let foreign = |log: &super::events::Log| {
            mapping.as_ref().is_some_and(|m| {
                m.columns.iter().filter(|c| !log.columns().contains(&c.index)).any(|c| match &c.target {
                    Target::Domain(_) => true,
                    Target::Field(f) => FOREIGN_TO_LOGS.contains(&f.as_str()),
                    _ => false,
                })
            })
        };
        let log = super::events::find(ctx, &sample[h].cells, &sample[h + 1..])
            .filter(|log| !foreign(log))
            // (Episodes made of its first rows: a column of "Closed" beside case types is no log.)
            .filter(|log| super::events::episodes(ctx, log, &sample[h + 1..]).0.len() > 1);
        if let Some(log) = log {
            // (A part of a log read already with another part: said, not read again.)
            if let Some(with) = ctx.events_read.borrow().get(&(file.clone(), sheet.clone())) {
                let why = format!("a part of the log of legal-status events '{with}', under the same header: its rows were read with it, as one log");
                report.notes.push(why.clone());
                report.header_row = Some(sample[h].row);
                report.kind = TableKind::Episodes;
                findings.push(Severity::Info, "legal_status_events", &file, sheet.as_deref(), Some(sample[h].row), None, with.as_str(), why);
                return (report, None);
            }
            let all = rows_below(&mut sample, h, &mut rows, &mut read_error);
            // The log's other parts, files under the same header ("… part 1",
            // "… part 2"; a year's export each): one child's events may be in
            // two of them, so they are read as one log, and each episode is
            // read back in the part of the event that opened it.
            let parts = other_log_parts(ctx, &header_names(&sample[h]), &file);
            let (table, unmatched, mut by_part) = if parts.is_empty() {
                let (table, unmatched) = super::events::episodes(ctx, &log, &all);
                (table, unmatched, Vec::new())
            } else {
                let tagged = all.iter().cloned().chain(
                    parts
                        .iter()
                        .enumerate()
                        .flat_map(|(k, p)| p.rows.iter().map(move |r| SourceRow { row: r.row + (k as u32 + 1) * PART_TAG, cells: r.cells.clone() })),
                );
                let (combined, unmatched) = super::events::episodes(ctx, &log, &tagged.collect::<Vec<_>>());
                let mut own = vec![combined[0].clone()];
                let mut by_part: Vec<Vec<SourceRow>> = vec![vec![combined[0].clone()]; parts.len()];
                for r in combined.into_iter().skip(1) {
                    match (r.row / PART_TAG) as usize {
                        0 => own.push(r),
                        k => by_part[k - 1].push(SourceRow { row: r.row % PART_TAG, cells: r.cells }),
                    }
                }
                (own, unmatched, by_part)
            };
            let source_rows = all.iter().filter(|r| !r.is_blank()).count();
            let episodes = table.len() - 1;
            let why = format!(
                "a log of legal-status events ({source_rows} rows): each child's events in date order read as {episodes} episodes, a start opening one and an end closing it"
            );
            findings.push(Severity::Warning, "legal_status_events", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
            if unmatched > 0 {
                findings.push(
                    Severity::Warning,
                    "legal_status_events",
                    &file,
                    sheet.as_deref(),
                    None,
                    None,
                    unmatched.to_string(),
                    format!("{unmatched} ends with no start in the log: each taken to have run from the log's first date (the log begins mid-episode)"),
                );
            }
            ctx.in_joined.set(true);
            let mut reports = read_tables(
                ctx,
                Table { file: file.clone(), sheet: sheet.clone(), text_format: None, rows: Box::new(table.into_iter().map(Ok)), date1904 },
                model,
                findings,
            );
            ctx.in_joined.set(false);
            let mut first = if reports.is_empty() { TableReport::new(&file, sheet.as_deref(), None) } else { reports.remove(0) };
            first.notes.insert(0, why);
            first.header_row = Some(sample[h].row);
            for _ in episodes..source_rows {
                first.rows_read += 1;
                first.reject(super::events::EVENT_FOLDED);
            }
            first.attached.extend(reports);
            // Each other part's episodes, read as its own.
            for (part, episodes_of) in parts.iter().zip(by_part.iter_mut()) {
                let count = episodes_of.len() - 1;
                let why =
                    format!("a part of the log of legal-status events '{}', under the same header: read with it as one log, {count} episodes read here", file);
                ctx.events_read.borrow_mut().insert((part.file.clone(), part.sheet.clone()), file.clone());
                findings.push(
                    Severity::Info,
                    "legal_status_events",
                    &part.file,
                    part.sheet.as_deref(),
                    Some(part.header_row),
                    None,
                    file.as_str(),
                    why.clone(),
                );
                ctx.in_joined.set(true);
                let mut reports = read_tables(
                    ctx,
                    Table {
                        file: part.file.clone(),
                        sheet: part.sheet.clone(),
                        text_format: None,
                        rows: Box::new(std::mem::take(episodes_of).into_iter().map(Ok)),
                        date1904,
                    },
                    model,
                    findings,
                );
                ctx.in_joined.set(false);
                let mut own = if reports.is_empty() { TableReport::new(&part.file, part.sheet.as_deref(), None) } else { reports.remove(0) };
                own.notes.insert(0, why);
                own.header_row = Some(part.header_row);
                for _ in count..part.rows.iter().filter(|r| !r.is_blank()).count() {
                    own.rows_read += 1;
                    own.reject(super::events::EVENT_FOLDED);
                }
                own.attached.extend(reports);
                first.attached.push(own);
            }
            if let Some(e) = read_error {
                first.failed = true;
                findings.push(Severity::Error, "read_error", &file, sheet.as_deref(), None, None, "", format!("reading stopped: {}", e.message));
            }
            return (first, None);
        }
    }
    if kind == TableKind::Unknown {
        // Rows under the header found, as for a table that is read: its
        // header is not a record that was rejected (review 257's c05).
        let non_blank = non_blank_rows(&sample[header.map_or(0, |h| h + 1).min(sample.len())..], rows);
        // Grades with dates or identifiers beside them are audit records that
        // cannot be used: an error, not a note.
        let body: Vec<&[Cell]> = sample.iter().skip(header.map_or(0, |h| h + 1)).map(|r| r.cells.as_slice()).collect();
        let audit_like = super::recognise::looks_like_audits(&body, ctx.crosswalk);
        // A Word document that is neither a form nor a table of records (a
        // guidance note, minutes beside the exports): a document, not data.
        let word = text_format.as_ref().is_some_and(|f| f.encoding == crate::ingest::WORD_FORMAT);
        if word && header.is_none() && !audit_like {
            report.reject_all(non_blank, NOT_DATA);
            let why = "a Word document with no form or table of records in it (a guidance note or minutes?)";
            report.notes.push(format!("skipped: {why}"));
            findings.push(Severity::Info, "sheet_skipped", &file, None, None, None, "", format!("skipped: {why}; {non_blank} rows not read as records"));
            return (report, None);
        }
        report.reject_all(non_blank, "table not recognised");
        if let Some(m) = &mapping {
            report.columns = m.columns.clone();
            report.notes.extend(m.notes.clone());
        }
        let why = match &mapping {
            Some(m) if !m.missing_required.is_empty() || m.columns.iter().all(|c| c.target == Target::Unmapped) => {
                "no column was recognised as an audit, action, case-note or legal-status field".to_string()
            }
            Some(_) => "its columns do not make an audit, action, case-note or legal-status table (an audit table needs a child id column)".to_string(),
            None => "no header row found".to_string(),
        };
        report.failed = audit_like;
        findings.push(
            if audit_like { Severity::Error } else { Severity::Warning },
            "table_not_recognised",
            &file,
            sheet.as_deref(),
            None,
            None,
            "",
            format!("{why}; {non_blank} rows not used. Pin it with [[sources]] in the config, or ignore it"),
        );
        return (report, None);
    }
    let mapping = mapping.expect("checked above");
    let h = header.expect("mapping implies header");
    // A legal-status report taken for case notes ("Record type" read as a
    // note's type, "Start date" as its date, "End date" unused): nothing a
    // note has but a type and a date, an end beside the start, and a column
    // of legal statuses ("Description": "Child Protection Plan - Neglect"):
    // read as legal-status episodes, the statuses from that column.
    let mapping = match (pins, mapping.kind) {
        (None, TableKind::CaseNotes) => match statuses_read_as_notes(ctx, &mapping, &sample[h].cells, &sample[h + 1..]) {
            Some((m, why)) => {
                findings.push(Severity::Warning, "episodes_not_notes", &file, sheet.as_deref(), Some(sample[h].row), None, "", why.clone());
                report.notes.push(why);
                m
            }
            None => mapping,
        },
        _ => mapping,
    };
    // A report that joins each audit to its actions (the audit's columns on
    // each of its action rows): read as a table of its audits, each once, and
    // one of its actions (see [`super::joined`]).
    if let (None, None, None, None, None, false, false) = (pins, &read_error, &long, &wide_plans, &wide_groups, more_tables, ctx.in_joined.get()) {
        let map = |cells: &[Cell], columns: &[usize]| {
            let body: Vec<Vec<Cell>> =
                sample[h + 1..].iter().take(200).map(|r| columns.iter().map(|&i| r.cells.get(i).cloned().unwrap_or(Cell::Empty)).collect()).collect();
            map_table(ctx.config, &ctx.recogniser, ctx.crosswalk, None, cells, &body)
        };
        if let Some(j) = super::joined::find(&mapping, &sample[h].cells, &sample[h + 1..], map) {
            let all = rows_below(&mut sample, h, &mut rows, &mut read_error);
            let header_row = sample.pop().expect("the header row");
            let split = super::joined::split(&j, &sample, &header_row, all);
            findings.push(Severity::Warning, "joined_report", &file, sheet.as_deref(), Some(header_row.row), None, "", split.note.clone());
            if let Some((columns, at)) = &split.differing {
                let shown: Vec<String> = at.iter().take(10).map(u32::to_string).collect();
                let more = if at.len() > 10 { ", …" } else { "" };
                findings.push(
                    Severity::Warning,
                    "joined_rows_differ",
                    &file,
                    sheet.as_deref(),
                    None,
                    None,
                    at.len().to_string(),
                    format!(
                        "{} rows repeat a record of an earlier row (the same id or child and date) with other values in {columns} (rows {}{more}): the first row's values are used. Check which is right",
                        at.len(),
                        shown.join(", ")
                    ),
                );
            }
            let shape = j.shape;
            if shape == super::joined::Shape::AuditsWithActions {
                model.joined_tables.push((file.clone(), sheet.clone()));
            }
            let format = text_format.map(|f| TextFormat { bulk: None, ..f });
            let as_table = |rows: Vec<SourceRow>| Table {
                file: file.clone(),
                sheet: sheet.clone(),
                text_format: format.clone(),
                rows: Box::new(rows.into_iter().map(Ok)),
                date1904,
            };
            ctx.in_joined.set(true);
            // (An action list's audits are read after every file, and only
            // where no other table of audits is: see [`read_listed_audits`].)
            let mut reports = if shape == super::joined::Shape::ActionsWithAudits {
                ctx.listed_audits.borrow_mut().push(ListedAudits {
                    file: file.clone(),
                    sheet: sheet.clone(),
                    text_format: format.clone(),
                    date1904,
                    rows: split.audits,
                    repeated: split.repeated_audits,
                });
                Vec::new()
            } else {
                read_tables(ctx, as_table(split.audits), model, findings)
            };
            let actions = read_tables(ctx, as_table(split.actions), model, findings);
            ctx.in_joined.set(false);
            let mut rest = actions.into_iter();
            let mut a = rest.next().unwrap_or_else(|| TableReport::new(&file, sheet.as_deref(), None));
            for _ in 0..split.repeated_actions {
                a.rows_read += 1;
                a.reject(super::joined::ACTION_REPEATED);
            }
            let mut first = if reports.is_empty() {
                a
            } else {
                let mut first = reports.remove(0);
                for _ in 0..split.repeated_audits {
                    first.rows_read += 1;
                    first.reject(super::joined::AUDIT_REPEATED);
                }
                a.notes.insert(0, "the joined list of a report read as two tables (see the first)".into());
                first.attached.push(a);
                first
            };
            first.notes.insert(0, split.note);
            first.attached.extend(reports);
            first.attached.extend(rest);
            if let Some(e) = read_error {
                first.failed = true;
                findings.push(Severity::Error, "read_error", &file, sheet.as_deref(), None, None, "", format!("reading stopped: {}", e.message));
            }
            return (first, None);
        }
    }
    let mut mapping = mapping;
    let chosen = deadline_by_when(&mut mapping, &sample[h + 1..])
        .map(|n| ("deadline_column", n))
        .or_else(|| legal_status_by_values(ctx, &mut mapping, &sample[h + 1..]).map(|n| ("legal_status_column", n)));
    report.kind = mapping.kind;
    report.framework = mapping.framework.clone();
    report.header_row = Some(sample[h].row);
    report.columns = mapping.columns.clone();
    report.notes = mapping.notes.clone();
    if let Some((code, note)) = chosen {
        findings.push(Severity::Info, code, &file, sheet.as_deref(), Some(sample[h].row), None, "", note.clone());
        report.notes.push(note);
    }
    // An ambiguous column is a warning, not a silently dropped field.
    for note in &mapping.notes {
        // Two columns read as one (never both filled) are an assumption, not an ambiguity left unread.
        // (An earlier audit's column left unread is said, not a problem.)
        let (severity, code) = if note.contains("are never both filled") {
            (Severity::Warning, "columns_joined")
        } else if note.contains(super::columns::EARLIER_AUDIT) {
            (Severity::Info, "earlier_audit_column")
        } else if note.contains(super::columns::COPY_OF_AUDITORS) {
            (Severity::Info, "auditors_grade_repeated")
        } else if note.contains(super::columns::OUTCOME_OF_THE_CASE) {
            (Severity::Info, "outcome_not_moderation")
        } else if note.contains(super::columns::DOMAIN_WEAKEST) {
            (Severity::Info, "domain_questions_combined")
        } else if note.contains(super::columns::READ_AS_DOMAIN) {
            (Severity::Info, "overall_or_domain")
        } else if note.contains(super::columns::MODERATORS_DOMAIN) {
            (Severity::Info, "moderators_domain_grade")
        } else if note.contains(super::columns::YES_NO_CHECK) {
            (Severity::Info, "yes_no_check_not_domain")
        } else if note.contains(super::columns::BY_NUMBER) {
            (Severity::Warning, "questions_by_number")
        } else if note.contains(super::columns::TORBAY_Q12) {
            (Severity::Info, "overall_from_question_12")
        } else {
            (Severity::Warning, "column_ambiguous")
        };
        findings.push(severity, code, &file, sheet.as_deref(), Some(sample[h].row), None, "", note.clone());
    }
    // A team column whose cells are paths, "Safeguarding > Pod East" (a
    // reporting tool's hierarchy): the team is the last part, the service the
    // first, as under a "Service > Team" header. Or "Pod 1 / Safeguarding and
    // Support / Children's Services" (three parts or more, so that "CP / CIN
    // Team" stays a name): the team is the end whose parts differ most, the
    // most particular.
    if let Some(i) = mapping.field("team").filter(|_| mapping.field("service_team").is_none()) {
        let texts: Vec<String> = sample[h + 1..].iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).map(Cell::as_string).collect();
        let parts = |t: &str, sep: &str| t.split(sep).filter(|p| !p.trim().is_empty()).count();
        let paths = texts.iter().filter(|t| [" > ", " » "].iter().any(|sep| parts(t, sep) >= 2) || parts(t, " / ") >= 3).count();
        if texts.len() >= 2 && paths * 10 >= texts.len() * 8 {
            let slashes = texts.iter().all(|t| ![" > ", " » "].iter().any(|sep| t.contains(sep)));
            let team_first = slashes && path_team_first(&texts, " / ");
            if let Some(c) = mapping.columns.iter_mut().find(|c| c.index == i && c.target == Target::Field("team".into())) {
                c.target = Target::Field("service_team".into());
                c.reason = format!("{} (its cells are service > team paths)", c.reason);
                let (team, service) = if team_first { ("first", "last") } else { ("last", "first") };
                let why = format!("the team column '{}' holds paths ('{}'): the team is the {team} part, the service the {service}", c.header, texts[0]);
                report.notes.push(why.clone());
                findings.push(Severity::Info, "team_path", &file, sheet.as_deref(), Some(sample[h].row), Some(&c.header), texts[0].clone(), why);
            }
        }
    }
    // With no team column, the service / area column gives the team.
    let has_team = mapping.field("team").is_some() || mapping.field("service_team").is_some();
    // (But a tab per team, its header shared with the workbook's other
    // tabs, each named for a team: the tab's name is the team, more
    // particular than a service column's "Help and protection".)
    let tab_team = (mapping.kind == TableKind::Audits && !has_team && !shared_with.is_empty()).then(|| sheet.as_deref().and_then(team_in_name)).flatten();
    let service_as_team = mapping.kind == TableKind::Audits && !has_team && mapping.field("service").is_some() && tab_team.is_none();
    // With neither, a sheet named for a team ("CP", "Children in Care": one
    // sheet per team) gives the team.
    // Else a file named for a team ("CP North.xlsx": one workbook per team).
    let stem = std::path::Path::new(&file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let sheet_team = (mapping.kind == TableKind::Audits && !has_team && (mapping.field("service").is_none() || tab_team.is_some()))
        .then(|| {
            let by_sheet = sheet.as_deref().and_then(team_in_name).map(|t| (t, "sheet"));
            by_sheet
                .or_else(|| team_in_name(&stem).filter(|t| says_team(t)).map(|t| (t, "file")))
                .or_else(|| team_among_siblings(&stem, &ctx.file_stems.borrow()).map(|t| (t, "file")))
        })
        .flatten();
    let sheet_team = sheet_team.map(|(team, from)| {
        let why = format!("no team column: the {from} name '{team}' gives the team");
        report.notes.push(why.clone());
        findings.push(Severity::Info, "sheet_as_team", &file, sheet.as_deref(), None, None, "", why);
        team
    });
    // With a team column, a file or tab that is one of a set named one per
    // team ("Tier 2 returns - Children in Care 1.xlsx" beside "… - Leaving
    // Care.xlsx"; tabs of one header, each named for a team): a row whose
    // team cell is blank or unfilled ("Choose an item.") is that team's.
    // (Not when the rows that name a team name more than one: a file per
    // auditor, "Audit tracker - Jo Bloggs", or per kind of case, "Audits -
    // CP", holds several teams' audits, and a blank there is not recorded.)
    let team_column = mapping.field("team").or_else(|| mapping.field("service_team"));
    let one_team = || {
        let Some(i) = team_column else { return true };
        let mut named = sample[h + 1..].iter().filter_map(|r| r.cells.get(i)).filter_map(|c| match c {
            Cell::Empty => None,
            c => {
                let text = c.as_string();
                let f = fold(&text);
                (!f.is_empty() && !no_team(&text) && !super::forms::placeholder_text(&text)).then_some(f)
            }
        });
        let first = named.next();
        named.all(|t| Some(&t) == first.as_ref())
    };
    let named_team = (mapping.kind == TableKind::Audits && has_team && one_team())
        .then(|| {
            // (A tab's name with a word teams are named by: "Archwiliadau -
            // Audits" beside "Ail-archwilio - Re-audit" are the audits and
            // re-audits, in Welsh, not teams.)
            let tab = (!shared_with.is_empty()).then(|| sheet.as_deref().and_then(team_in_name)).flatten().filter(|t| says_team(t)).map(|t| (t, "tab"));
            tab.or_else(|| team_among_siblings(&stem, &ctx.file_stems.borrow()).map(|t| (t, "file")))
        })
        .flatten();
    if service_as_team {
        let header = mapping.columns.iter().find(|c| c.target == Target::Field("service".into())).map(|c| c.header.clone()).unwrap_or_default();
        let why = format!("no team column: the service column '{header}' gives the team");
        report.notes.push(why.clone());
        findings.push(Severity::Info, "service_as_team", &file, sheet.as_deref(), Some(sample[h].row), Some(&header), "", why);
    }
    if let Some(how) = two_row {
        report.notes.push(format!("two header rows (rows {} and {}) read as one: {how}", sample[h].row - 1, sample[h].row));
    }
    if !shared_with.is_empty() {
        let why = format!("the same header as {}: its columns are recognised on the rows of all of them, as parts of one table", shared_with.join(", "));
        report.notes.push(why.clone());
        findings.push(Severity::Info, "columns_shared", &file, sheet.as_deref(), Some(sample[h].row), None, "", why);
    }

    // A file of one kind of plan ("cp-plans.csv": child, start, end) names its
    // kind in the file name or headers rather than in a column.
    let mut fixed_episode_type = None;
    // A case-management report's one identifier headed "ID" (or "Ref", or
    // "Client", blind set 149), in
    // a table of case notes or legal status with no child's id: the child's
    // (blind set 148's "ID | Note type | Event date"). Not where its values
    // never repeat in a table of notes: each note's own id.
    if matches!(mapping.kind, TableKind::CaseNotes | TableKind::Episodes) && mapping.missing_required.iter().any(|f| f == "child_id") {
        let bare: Vec<usize> = (0..mapping.columns.len())
            .filter(|&k| {
                matches!(mapping.columns[k].target, Target::Unmapped)
                    && matches!(fold(&mapping.columns[k].header).as_str(), "id" | "ref" | "reference" | "client" | "person")
            })
            .collect();
        if let [k] = bare[..] {
            let i = mapping.columns[k].index;
            let values: Vec<String> = sample[h + 1..].iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).map(Cell::as_string).collect();
            let distinct: std::collections::HashSet<&String> = values.iter().collect();
            let repeats = distinct.len() < values.len();
            if !values.is_empty() && (mapping.kind == TableKind::Episodes || repeats) {
                let c = &mut mapping.columns[k];
                c.target = Target::Field("child_id".into());
                c.reason = "the table's one identifier, with no child's id beside it".into();
                mapping.missing_required.retain(|f| f != "child_id");
                let why = format!("column '{}' is the table's one identifier: read as the child's id", c.header);
                findings.push(Severity::Info, "child_id_by_header", &file, sheet.as_deref(), None, Some(&c.header), "", why.clone());
                report.notes.push(why);
                report.columns = mapping.columns.clone();
            }
        }
    }
    // A column under a header no rule knows ("Episode") whose values are legal
    // statuses ("Child Protection Plan", "Child Looked After") is the legal-status column.
    if mapping.kind == TableKind::Episodes && mapping.missing_required == ["episode_type"] {
        let holds_statuses = |i: usize| legal_status_share(ctx, &sample[h + 1..], i, |_| true).is_some();
        let found: Vec<usize> =
            (0..mapping.columns.len()).filter(|&k| matches!(mapping.columns[k].target, Target::Unmapped) && holds_statuses(mapping.columns[k].index)).collect();
        if let [k] = found[..] {
            let c = &mut mapping.columns[k];
            c.target = Target::Field("episode_type".into());
            c.reason = "holds legal statuses (no header rule names it)".into();
            mapping.missing_required.clear();
            let why = "its values are legal statuses, under a header no rule knows: read as the legal status";
            findings.push(Severity::Info, "legal_status_by_values", &file, sheet.as_deref(), None, Some(&c.header), "", why.to_string());
            report.notes.push(format!("column '{}': {why}", c.header));
            report.columns = mapping.columns.clone();
        }
    }
    if mapping.kind == TableKind::Episodes && mapping.missing_required == ["episode_type"] {
        let stem = std::path::Path::new(&file).file_stem().map(|s| s.to_string_lossy().replace(['-', '_'], " ")).unwrap_or_default();
        let headers: Vec<&str> = mapping.columns.iter().map(|c| c.header.as_str()).collect();
        // The narrowest place that names a kind: the sheet's name ("CP
        // 31.08.26" in "CP and CLA month-end lists.xlsx"), its title lines
        // ("Current child protection plans as at …"), the headers, the file's
        // name. (A place that says two kinds, "CP and CLA episodes", says
        // neither.)
        let places = [sheet.clone().unwrap_or_default(), title_text(&sample[..h]), headers.join(" "), stem];
        let at = places.iter().position(|p| !ctx.episode_rules.all_kinds(p).is_empty());
        let words = at.map(|i| places[i].clone()).unwrap_or_default();
        let mut named = ctx.episode_rules.all_kinds(&words);
        // (A wider place that names only other kinds says otherwise: a sheet
        // "CIN North", a team's, in "Child protection plans.xlsx". Both are
        // said, and neither is taken.)
        if let Some(i) = at {
            for wider in &places[i + 1..] {
                let kinds = ctx.episode_rules.all_kinds(wider);
                if !kinds.is_empty() && !kinds.iter().any(|k| named.contains(k)) {
                    named.extend(kinds);
                }
            }
        }
        if named.len() > 1 {
            let why =
                format!("no legal-status column, and the sheet's or file's name, title or headers name {}: the rows cannot be told apart", named.join(" and "));
            findings.push(Severity::Warning, "legal_status_not_found", &file, sheet.as_deref(), None, None, "", why.clone());
            report.notes.push(why);
        } else if let Some(kind) = ctx.episode_rules.classify(&words) {
            fixed_episode_type = Some(kind.to_string());
            mapping.missing_required.clear();
            let why = format!("no legal-status column: every row read as {kind} (from the sheet's or file's name, title or headers: '{}')", words.trim());
            findings.push(Severity::Info, "legal_status_from_name", &file, sheet.as_deref(), None, None, "", why.clone());
            report.notes.push(why);
        }
    }
    // Whether a file's or a sheet's name speaks of moderation, or of audits.
    let file_name = std::path::Path::new(&file).file_name().and_then(|f| f.to_str()).unwrap_or("");
    let of_moderation = |n: &str| fold(n).split(' ').any(|w| matches!(w, "moderation" | "moderations" | "moderated" | "moderator" | "moderators"));
    // ("Audit Moderation", a form of moderations of audits, names no audits
    // of its own; "Audit and moderation log" does.)
    let of_audits = |n: &str| {
        let f = fold(n);
        let words: Vec<&str> = f.split(' ').collect();
        words.iter().enumerate().any(|(i, w)| {
            // (Nor "Moderation audit(s)", seed 000's own name for the
            // moderator's audit of an audit: "Moderation_Audits_Log_2026-27";
            // blind set 206's lanthorne.)
            // (Nor "Audit challenges", seed 003's challenge of a judgement:
            // "Audit_Challenges_Moderation_Log_2026"; blind set 206's
            // cindermoss.)
            let moderation_audit = matches!(*w, "audit" | "audits")
                && (words.get(i + 1).is_some_and(|n| n.starts_with("moderat") || n.starts_with("challenge"))
                    || i.checked_sub(1).is_some_and(|j| words[j].starts_with("moderat")));
            matches!(*w, "audit" | "audits" | "tracker" | "programme") && !moderation_audit
        })
    };
    let named_for_moderation = || of_moderation(file_name) || sheet.as_deref().is_some_and(of_moderation);
    // A sheet or file named for moderation alone ("Moderation"), of audit
    // ids and one graded column, none of whose headers names a moderation
    // ("Checked by", "Checked on", "Checker's Q12"): its grade is the
    // moderator's, a column headed "by" who moderated, and its one column of
    // dates when. Each said.
    if mapping.kind == TableKind::Audits
        && mapping.field("audit_id").is_some()
        && sheet.as_deref().map_or(of_moderation(file_name) && !of_audits(file_name), |n| of_moderation(n) && !of_audits(n))
        && ["overall", "completed_date", "auditor", "team", "allocated_date", "due_date"].iter().all(|f| mapping.field(f).is_none())
        && !MODERATION_FIELDS.iter().any(|f| mapping.field(f).is_some())
    {
        let graded: Vec<usize> =
            (0..mapping.columns.len()).filter(|&c| matches!(mapping.columns[c].target, Target::Domain(_)) && mapping.columns[c].scale.is_some()).collect();
        let free = |c: &ColumnMap| matches!(c.target, Target::Unmapped | Target::Ignore) && c.score < 1000;
        let values = |i: usize| -> Vec<&Cell> { sample[h + 1..].iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).collect() };
        let dated: Vec<usize> = (0..mapping.columns.len())
            .filter(|&c| {
                free(&mapping.columns[c]) && {
                    let v = values(mapping.columns[c].index);
                    !v.is_empty() && v.iter().all(|c| c.as_date().is_some())
                }
            })
            .collect();
        let by: Vec<usize> = (0..mapping.columns.len())
            .filter(|&c| {
                free(&mapping.columns[c])
                    && fold(&mapping.columns[c].header).ends_with(" by")
                    && values(mapping.columns[c].index).iter().all(|c| matches!(c, Cell::Text(_)))
            })
            .collect();
        if let [g] = graded[..] {
            let mut read = vec![(g, "moderated_overall")];
            if let [d] = dated[..] {
                read.push((d, "moderation_date"));
            }
            if let [b] = by[..] {
                read.push((b, "moderated"));
            }
            for (c, field) in read {
                let column = &mut mapping.columns[c];
                column.target = Target::Field(field.into());
                column.reason = match column.reason.as_str() {
                    "" => "a sheet named for moderation, so the moderation's".to_string(),
                    r => format!("{r}; a sheet named for moderation, so the moderation's"),
                };
                let why = format!("column '{}' read as {field}: its sheet or file is named for moderation", column.header);
                findings.push(Severity::Warning, "column_ambiguous", &file, sheet.as_deref(), None, None, "", why.clone());
                report.notes.push(why);
            }
            report.columns = mapping.columns.clone();
        }
    }
    // A moderation log kept apart from the audits: audit ids and moderation
    // answers, but no grades, domains or completion dates of its own. One that
    // repeats the auditor's grade (looked up from the audits) is one too when
    // its audit ids are, nearly all, audits already read.
    // (A date of the "original" audit is the moderated audit's, not its own.)
    let original_date = mapping
        .field("completed_date")
        .is_some_and(|i| mapping.columns.iter().any(|c| c.index == i && fold(&c.header).split(' ').any(|w| matches!(w, "original" | "moderated" | "audited"))));
    let log_like = mapping.kind == TableKind::Audits
        && mapping.field("audit_id").is_some()
        && MODERATION_FIELDS.iter().any(|f| mapping.field(f).is_some())
        && (mapping.field("completed_date").is_none() || original_date)
        && !mapping.columns.iter().any(|c| matches!(c.target, Target::Domain(_)));
    // (Each audit id with its child, where the log names the child: two
    // teams' logs that each number their audits from QA-001 are not one
    // another's moderation.)
    let restates_audits = || {
        let Some(col) = mapping.field("audit_id") else { return false };
        let child_col = mapping.field("child_id");
        let known: std::collections::HashSet<(&str, Option<String>)> =
            model.audits.iter().map(|a| (a.id.as_str(), child_col.and_then(|_| super::identity::child_key(&a.child_id)))).collect();
        let ids: Vec<(String, Option<String>)> = sample[h + 1..]
            .iter()
            .filter_map(|r| {
                let id = r.cells.get(col)?.as_string().trim().to_string();
                let child = child_col.and_then(|c| super::identity::child_key(&r.cells.get(c)?.as_string()));
                (!id.is_empty()).then_some((id, child))
            })
            .collect();
        MODERATION_FIELDS.iter().filter(|f| mapping.field(f).is_some()).count() >= 2
            && ids.len() >= 3
            && ids.iter().filter(|(t, c)| known.contains(&(t.as_str(), c.clone()))).count() * 5 >= ids.len() * 4
    };
    // A log with no audit id names the child and the date of the audit it
    // moderates ("Date of the original audit"): read so when that date's header
    // says "original", or its children and dates are, nearly all, audits
    // already read. (A list of audits with moderation columns and no grades
    // names neither.)
    // Its one grade column, plainly headed ("Grade:"), is the moderator's grade
    // wherever it stands (a moderation form's columns in another order).
    let plain_grade =
        mapping.columns.iter().position(|c| c.target == Target::Field("overall".into()) && c.score < 1000 && c.header.split_whitespace().count() <= 2).filter(
            |_| mapping.field("moderated_overall").is_none() && mapping.columns.iter().filter(|c| c.target == Target::Field("overall".into())).count() == 1,
        );
    // A log that gives both grades, the auditor's and the moderator's, with
    // at least two more moderation answers (who, when, agreed) is one wherever
    // it is read: before its audits too.
    let both_grades = || mapping.field("moderated_overall").is_some() && MODERATION_FIELDS.iter().filter(|f| mapping.field(f).is_some()).count() >= 3;
    // (Or whose one grade of the audit is the auditor's, named so,
    // "Auditor's overall grade": a moderation form repeating it beside the
    // moderator's grade or agreement; review 256's c06, c10.)
    let repeats_auditors =
        mapping.field("overall").is_some_and(|i| mapping.columns.iter().any(|c| c.index == i && super::columns::names_auditors_grade(&c.header)));
    let keyed_by_child = mapping.kind == TableKind::Audits
        && mapping.field("audit_id").is_none()
        && (mapping.field("overall").is_none() || plain_grade.is_some() || both_grades() || repeats_auditors)
        && MODERATION_FIELDS.iter().filter(|f| mapping.field(f).is_some()).count() >= 2
        // (A moderator's own grades or agreements per question are no
        // domains of an audit: "Q7 Planning - agree with auditor?".)
        && !mapping.columns.iter().any(|c| {
            // (Nor a challenge's own answers, "Resolved with auditor?",
            // "Referred for moderation": blind set 206's cindermoss.)
            matches!(c.target, Target::Domain(_))
                && !fold(&c.header).split(' ').any(|w| w.starts_with("moderat") || w.starts_with("agree") || w.starts_with("resolved") || w.starts_with("challeng"))
        })
        && match (mapping.field("child_id"), mapping.field("completed_date")) {
            (Some(child), Some(date)) => {
                let says_original = mapping.columns.iter().any(|c| c.index == date && fold(&c.header).split(' ').any(|w| w == "original"));
                let key = |r: &SourceRow| Some((super::identity::child_key(&r.cells.get(child)?.as_string())?, r.cells.get(date)?.as_date()?));
                let known: std::collections::HashSet<(String, chrono::NaiveDate)> =
                    model.audits.iter().filter_map(|a| Some((super::identity::child_key(&a.child_id)?, a.completed?))).collect();
                let pairs: Vec<(String, chrono::NaiveDate)> = sample[h + 1..].iter().filter_map(key).collect();
                // (Read before its audits: a file or sheet named for moderation,
                // with no auditor or team of its own, says so.)
                // (Or one that names the auditor beside both grades, a
                // moderator's log of whose audit it moderated, when it has no
                // team, allocation or due date: a tracker named so has them.)
                let unplanned = ["team", "allocated_date", "due_date", "audit_month"].iter().all(|f| mapping.field(f).is_none());
                // (Named for moderation alone: "Audit and moderation log" is a tracker.)
                let names_audits = || of_audits(file_name) || sheet.as_deref().is_some_and(of_audits);
                // (Or a sheet of its own named for moderation alone, "Moderation
                // log" in the audit tracker's workbook, whose only grade is the
                // moderator's: its sheet may come before the audits'.)
                // (A text file saved from such a sheet is named "<workbook> -
                // Moderation log".)
                let stem = std::path::Path::new(file_name).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
                let own_sheet = sheet.as_deref().or_else(|| super::lookalike::sheet_part(&stem));
                let sheet_named_so = || {
                    own_sheet.is_some_and(|n| of_moderation(n) && !of_audits(n))
                        && mapping.field("overall").is_none()
                        && mapping.field("moderated_overall").is_some()
                };
                let named_so =
                    unplanned && named_for_moderation() && (mapping.field("auditor").is_none() || (both_grades() && !names_audits()) || sheet_named_so());
                // (A table that plans its audits or records whom the auditor
                // spoke to is a tracker, whose children and dates are the
                // audits read already, its own or another's copy of them.)
                // (A log named for moderation may say when each audit went to
                // its moderator, or its month: review 239's c02, c04.)
                let spoken = ["spoke_child", "spoke_family", "spoke_practitioner"].iter().any(|f| mapping.field(f).is_some());
                let plans = ["allocated_date", "due_date", "audit_month"].iter().any(|f| mapping.field(f).is_some());
                let tracker = spoken || (plans && !named_for_moderation());
                says_original
                    || named_so
                    || (!tracker && pairs.len() >= 3 && pairs.iter().filter(|p| known.contains(p)).count() * 5 >= pairs.len() * 4)
            }
            // No date of the audit at all: a log of when each child's audit was
            // moderated ("Date moderated"), with no allocation or due date of
            // its own, named for moderation alone or naming, nearly all,
            // children whose audits are already read. Each row is the child's
            // audit completed last on or before its moderation.
            (Some(child), None) => {
                let planned = ["allocated_date", "due_date", "audit_month"].iter().any(|f| mapping.field(f).is_some());
                let names_audits = of_audits(file_name) || sheet.as_deref().is_some_and(of_audits);
                let known: std::collections::HashSet<String> = model.audits.iter().filter_map(|a| super::identity::child_key(&a.child_id)).collect();
                let children: Vec<String> =
                    sample[h + 1..].iter().filter_map(|r| super::identity::child_key(&r.cells.get(child)?.as_string())).collect();
                let restated = children.len() >= 3 && children.iter().filter(|c| known.contains(*c)).count() * 5 >= children.len() * 4;
                mapping.field("moderation_date").is_some() && !planned && ((named_for_moderation() && !names_audits) || restated)
            }
            _ => false,
        };
    // One dated by the audits' own date ("Audit Date") is one when it gives
    // both grades and its ids are, nearly all, audits already read.
    let dated_log = || {
        mapping.kind == TableKind::Audits
            && mapping.field("audit_id").is_some()
            && mapping.field("completed_date").is_some()
            && !mapping.columns.iter().any(|c| matches!(c.target, Target::Domain(_)))
            && (both_grades() || (mapping.field("moderated_overall").is_some() && mapping.field("overall").is_none()))
            // (Not a tracker, which plans its audits or records whom the
            // auditor spoke to: another copy of the audits read, the later
            // one of which is used; blind set 197's marlowmere.)
            && (named_for_moderation()
                || !["spoke_child", "spoke_family", "spoke_practitioner", "allocated_date", "due_date", "audit_month"].iter().any(|f| mapping.field(f).is_some()))
            && (restates_audits() || {
                // (Read before its audits: a file or sheet named for moderation
                // says so, when it names no auditor or team of its own; an audit
                // tracker named so has them.)
                mapping.field("auditor").is_none() && mapping.field("team").is_none() && named_for_moderation()
            })
    };
    let moderation_log = (log_like && (mapping.field("overall").is_none() || both_grades() || restates_audits())) || keyed_by_child || dated_log();
    if let Some(c) = plain_grade.filter(|_| keyed_by_child) {
        let column = &mut mapping.columns[c];
        column.target = Target::Field("moderated_overall".into());
        column.reason = format!("{}; the grade of a moderation log, so the moderator's", column.reason);
        report.columns = mapping.columns.clone();
    }
    // Actions set by a moderator ("Moderation actions", under the title
    // "MODERATION AUDIT – actions"), beside the date of the moderation ("Date
    // of moderation audit:"): set that day, so a timescale ("10 working
    // days") runs from it, not from the audit's date (blind set 146).
    if mapping.kind == TableKind::Actions && mapping.field("set_date").is_none() {
        let named = named_for_moderation() || of_moderation(&title_text(&sample[..h]));
        let moderated_on = mapping.columns.iter().position(|c| {
            let f = fold(&c.header);
            let words: Vec<&str> = f.split(' ').collect();
            matches!(c.target, Target::Unmapped | Target::Ignore)
                && words.iter().any(|w| w.starts_with("moderat"))
                && words.iter().any(|w| matches!(*w, "date" | "on" | "when"))
                && !words.iter().any(|w| matches!(*w, "due" | "next" | "by") || w.starts_with("complet"))
        });
        if let Some(ci) = moderated_on.filter(|_| named) {
            let column = &mut mapping.columns[ci];
            column.target = Target::Field("set_date".into());
            column.reason = "the moderation's date, in a table of moderation actions: the day they were set".into();
            report.notes.push(format!("column '{}': moderation actions are set the day of the moderation", column.header));
            report.columns = mapping.columns.clone();
        }
    }
    // A table of audits, no moderation log, whose only overall grade is the
    // moderated one ("Overall grade (moderated)", "Overall grade (post
    // moderation)") filled on rows that say no one moderated them: the final
    // grade, after any moderation, so the overall. No auditor's grade is left
    // to compare it with; moderation is who moderated and when.
    if !moderation_log && mapping.kind == TableKind::Audits && mapping.field("overall").is_none() {
        let graded: Vec<usize> = (0..mapping.columns.len())
            .filter(|&ci| mapping.columns[ci].target == Target::Field("moderated_overall".into()) && mapping.columns[ci].score < 1000)
            .collect();
        let markers: Vec<usize> = ["moderated", "moderation_date"].iter().filter_map(|f| mapping.field(f)).collect();
        if let [ci] = graded.as_slice() {
            let col = mapping.columns[*ci].index;
            let names_overall = fold(&mapping.columns[*ci].header).split(' ').any(|w| matches!(w, "overall" | "final"));
            let blank = |r: &SourceRow, i: usize| r.cells.get(i).is_none_or(|c| c.is_empty());
            // (No one: blank, or saying so, "Not moderated", "N/A", "N".)
            let no_one = |r: &SourceRow, i: usize| {
                r.cells.get(i).is_none_or(|c| matches!(super::scales::answer(c), Some(Answer::Blank | Answer::No | Answer::NotApplicable)))
            };
            let unmoderated_graded = sample[h + 1..].iter().any(|r| !blank(r, col) && markers.iter().all(|&m| no_one(r, m)));
            if names_overall && !markers.is_empty() && unmoderated_graded {
                let column = &mut mapping.columns[*ci];
                column.target = Target::Field("overall".into());
                column.reason = format!("{}; the table's only overall grade, given where no one moderated too: the final grade, so the overall", column.reason);
                report.columns = mapping.columns.clone();
            }
        }
    }
    // An action list with no child or audit id whose column "Audit" names
    // each action's audit by its title, the child's id among words ("5520814
    // – Mar 2026": a linked record's name as Airtable, Lists or monday.com
    // export it; "5556603 – Apr 2026,5556603 – Apr 2026" when the link is
    // doubled): the child's id is read from it, so each action finds its
    // audit. (A title saying test, "TEST - please ignore", is a test's action.)
    // So does an audit list with no child id column whose items are named
    // for the child ("Name": "Client 3062290", "Client 3048812 - RE-AUDIT").
    let audit_named = audit_named_column(&mapping, &sample[h + 1..]);
    let text_named = audit_named.is_none() && text_names_child(&mapping, &sample[h + 1..]);
    if text_named {
        let header = mapping.field("text").and_then(|i| sample[h].cells.get(i)).map(Cell::as_string).unwrap_or_default();
        let note = format!(
            "the actions' own words in '{header}' each name one child's id ('Action – 7712043: …'), and no column gives the child or the audit: the child's id is read from them"
        );
        findings.push(Severity::Warning, "child_id_in_text", &file, sheet.as_deref(), Some(sample[h].row), None, "", note.clone());
        report.notes.push(note);
    }
    if let Some(ci) = audit_named {
        let column = &mut mapping.columns[ci];
        column.target = Target::Field("child_id".into());
        column.reason = match mapping.kind {
            TableKind::Audits => "names each audit by a title holding the child's id: the id read from it".into(),
            _ => "names each action's audit by a title holding the child's id: the id read from it".into(),
        };
        mapping.missing_required.retain(|m| m != "child_id");
        report.columns = mapping.columns.clone();
    }
    // Seed 002's Part B kept as a table of its own ("Quality Audit - Part B
    // (CSW)", "Date Part B completed"), naming its audit by the id its Part A
    // has ("Form ID") and no child: each row's child is its Part A's, found
    // when every export is read ([`children_of_originals`]; review 255's c14).
    let part_b_named = mapping.kind == TableKind::Audits && super::join::part_of_table(&mapping.columns, &file, sheet.as_deref()) == Some(true);
    if part_b_named && mapping.missing_required == ["child_id"] && mapping.field("audit_id").is_some() {
        mapping.missing_required.clear();
        report.notes.push("a Part B with no child id column: each row's child is its Part A's, the audit of the same id".to_string());
    }
    // "Original Audit ID" in a table of audits with their own dates (a
    // re-audit tracker) names the audit this row follows up, not the row's own
    // id: read as its id, each re-audit would take the place of its original.
    // (A table with moderation answers is a moderation log naming the audit it
    // moderates.)
    let moderation_answers = MODERATION_FIELDS.iter().filter(|f| mapping.field(f).is_some()).count();
    if !moderation_log && moderation_answers < 2 && mapping.field("completed_date").is_some() {
        if let Some(c) = mapping.columns.iter_mut().find(|c| c.target == Target::Field("audit_id".into()) && c.score < 1000) {
            if fold(&c.header).split(' ').any(|w| matches!(w, "original" | "previous" | "prior" | "parent")) {
                let note = format!("column '{}' names an earlier audit, not this row's: not read as the audit id", c.header);
                c.unuse("an earlier audit's id");
                report.columns = mapping.columns.clone();
                report.notes.push(note);
            }
        }
    }
    // An action list's number that starts again for each audit ("Action No."
    // 1, 2 for one audit, 1 for the next): the same number on two audits'
    // actions says it counts each audit's actions, so it is no id the action
    // keeps in another export (two lists' action 1 of an audit are two
    // actions). The action's words and person say which are one.
    if mapping.kind == TableKind::Actions {
        if let Some(ci) = mapping.columns.iter().position(|c| c.target == Target::Field("action_id".into()) && c.score < 1000) {
            let id_col = mapping.columns[ci].index;
            let audit_col = mapping.field("audit_id").or_else(|| mapping.field("child_id"));
            let mut audit_of: std::collections::HashMap<String, String> = std::collections::HashMap::new();
            // (Told on every part's rows: the other part of a list split in
            // two may hold the second audit's action 1.)
            let rows_of_all_parts = with_shared_rows(ctx, &sample[h], &sample[h + 1..], &file, sheet.as_deref());
            let restarts = audit_col.and_then(|a| {
                rows_of_all_parts.iter().find_map(|r| {
                    let id = super::identity::tidy(r.cells.get(id_col)?.as_string().trim()).to_lowercase();
                    let audit = super::identity::tidy(r.cells.get(a)?.as_string().trim()).to_lowercase();
                    if id.is_empty() || audit.is_empty() {
                        return None;
                    }
                    let first = audit_of.entry(id.clone()).or_insert_with(|| audit.clone());
                    (*first != audit).then_some(id)
                })
            });
            if let Some(number) = restarts {
                let header = mapping.columns[ci].header.clone();
                let why = format!(
                    "column '{header}' numbers each audit's actions ('{number}' is on actions of two audits): not read as an action's id across exports; an action in two exports is matched by its audit, words and person"
                );
                mapping.columns[ci].unuse("it numbers each audit's actions");
                report.columns = mapping.columns.clone();
                report.notes.push(why.clone());
                findings.push(Severity::Info, "action_number_per_audit", &file, sheet.as_deref(), Some(sample[h].row), Some(&header), number, why);
            }
        }
    }
    // A log of re-audits dated by the audit it follows up ("Original audit
    // date", "Re-audit date", "Re-audit judgement"): the original's judgement
    // beside it ("Original judgement") is the row's overall, and the row's
    // answers are the re-audit's (see `RowReader::reaudit_log`).
    let reaudit_log = reaudit_log(&mapping) && !moderation_log;
    if reaudit_log && mapping.field("overall").is_none() {
        let judged = |h: &str| fold(h).split(' ').any(|w| matches!(w, "judgement" | "judgment" | "grade" | "rating" | "outcome" | "overall"));
        if let Some(c) = mapping
            .columns
            .iter_mut()
            .find(|c| c.score < 1000 && c.scale.is_some() && matches!(c.target, Target::Domain(_)) && names_original(&c.header) && judged(&c.header))
        {
            c.target = Target::Field("overall".into());
            c.reason = format!("{}; the original audit's judgement, in a log of re-audits", c.reason);
            report.columns = mapping.columns.clone();
        }
    }
    if moderation_log {
        mapping.missing_required.clear();
        let how = if mapping.field("overall").is_some() { " (its copy of the auditor's grade is not read again)" } else { "" };
        let by = match (keyed_by_child, mapping.field("completed_date")) {
            (true, Some(_)) => "child id and the date of the audit",
            (true, None) => "child id: the child's audit completed last on or before its moderation",
            _ => "audit id",
        };
        report.notes.push(format!("{MODERATION_LOG}: each row linked to its audit by {by}{how}"));
    }

    // A list's version history pasted beside it (a sheet or file named so,
    // with a "Version" column: SharePoint's "1.0", "2.0", "3.0" of each
    // item): earlier versions of the list's items, not records of their own.
    let stem = std::path::Path::new(&file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    if is_version_history(sheet.as_deref().unwrap_or(&stem), &sample[h].cells, &sample[h + 1..]) {
        report.reject_all(non_blank_rows(&sample[h + 1..], rows), NOT_DATA);
        let why = "a list's version history (a sheet or file named for versions or history, whose items come again on other rows as other versions, '1.0', '2.0'): earlier versions of the list's items, not records of their own: not read";
        report.notes.push(format!("skipped: {why}"));
        findings.push(Severity::Warning, "sheet_skipped", &file, sheet.as_deref(), Some(sample[h].row), None, "", why);
        return (report, None);
    }
    // A summary of counts under the records ("Team, Audits completed, Good or
    // better, % good or better"; "Overall grade, Number of audits"): figures
    // someone worked out, not records. Skipped with a note, not an error.
    if !mapping.missing_required.is_empty() && is_summary_of_counts(&sample[h].cells, &sample[h + 1..]) {
        report.reject_all(non_blank_rows(&sample[h + 1..], rows), NOT_DATA);
        let why = "a summary of counts and percentages (figures worked out from the records, not records): not read";
        report.notes.push(format!("skipped: {why}"));
        findings.push(Severity::Info, "sheet_skipped", &file, sheet.as_deref(), Some(sample[h].row), None, "", why);
        return (report, None);
    }
    if !mapping.missing_required.is_empty() {
        let missing = mapping.missing_required.iter().map(|m| m.replace('_', " ")).collect::<Vec<_>>().join(", ");
        let count = sample[h + 1..].len() as u64 + rows.count() as u64;
        report.reject_all(count, "required column missing");
        report.failed = true;
        // (An Early Help or fostering tool's records are a family's or a carer
        // household's: said, so that the rows are not thought a child's.)
        let whose = mapping
            .missing_required
            .iter()
            .any(|m| m == "child_id")
            .then(|| sample[h].cells.iter().map(Cell::as_string).find(|t| names_a_family_id(t)))
            .flatten()
            .map(|t| format!(" (its '{t}' column names a family or a carer household, not a child)"))
            .unwrap_or_default();
        findings.push(
            Severity::Error,
            "missing_column",
            &file,
            sheet.as_deref(),
            Some(sample[h].row),
            None,
            "",
            format!(
                "the {} table has no {missing} column{whose}; none of its {count} rows can be used. Add the column, or map it with [[sources]] columns in the config",
                mapping.kind.as_str()
            ),
        );
        return (report, None);
    }

    // A column of JSON lists of actions, one list per audit (a cloud form's
    // repeating section): read as the audit's actions, not as its text.
    let slots = if mapping.kind == TableKind::Audits && !moderation_log {
        action_slots_or_why(&mapping, long.is_some()).unwrap_or_else(|why| {
            if let Some(why) = why {
                findings.push(Severity::Warning, "actions_not_read", &file, sheet.as_deref(), Some(sample[h].row), None, "", why);
            }
            Vec::new()
        })
    } else {
        Vec::new()
    };
    let json_actions =
        (mapping.kind == TableKind::Audits && !moderation_log && slots.is_empty()).then(|| json_action_column(&mapping, &sample[h + 1..])).flatten();
    if let Some(i) = json_actions {
        if let Some(c) = mapping.columns.iter_mut().find(|c| c.index == i) {
            c.target = Target::Unmapped;
            report.notes.push(format!("'{}': each cell a list of the audit's actions (JSON), read as its actions", c.header));
        }
    }
    // The direction of numbered grades a pin or the framework gives, else the config's.
    let numeric_given =
        pins.and_then(|p| p.numeric_direction).or_else(|| mapping.framework.as_deref().and_then(|f| ctx.config.framework(f)).and_then(|f| f.numeric_direction));
    let numeric = numeric_given.unwrap_or(ctx.config.settings.numeric_direction);
    let mut by_score: Vec<&super::columns::ColumnMap> = mapping.columns.iter().collect();
    // A field's best-matched column first (a case-note table's second note-type
    // column is kept to be read where the first says no kind); ties keep their order.
    by_score.sort_by_key(|c| match &c.target {
        Target::Field(f) if !["evidence", "good_practice"].contains(&f.as_str()) => std::cmp::Reverse(c.score),
        _ => std::cmp::Reverse(0),
    });
    let all_fields = by_score
        .into_iter()
        .filter_map(|c| match &c.target {
            Target::Field(f) => Some((f.clone(), (c.index, c.header.clone()))),
            _ => None,
        })
        .collect::<Vec<(String, (usize, String))>>();
    // The first column of each field; a single-valued field's second column is
    // an alternate (the first column wins for multi-valued fields). A revised
    // date comes before the date it revises.
    let revision = |i: usize| mapping.columns.iter().any(|c| c.index == i && c.reason.starts_with(super::columns::REVISES));
    let mut all_fields = all_fields;
    all_fields.sort_by_key(|(_, (i, _))| !revision(*i));
    let (mut fields, mut alternates) = (Vec::<(String, (usize, String))>::new(), Vec::new());
    for (f, c) in all_fields {
        if !fields.iter().any(|(g, _)| *g == f) {
            fields.push((f, c));
        } else if !["evidence", "good_practice"].contains(&f.as_str()) {
            alternates.push((f, c));
        }
    }
    // Whether the log keeps moderation dates, grades or agreement at all (in
    // the rows looked at): where it does not, a moderator's name is all it says.
    let moderation_kept = ["moderation_date", "moderated_overall", "moderator_agrees"]
        .iter()
        .filter_map(|f| mapping.field(f))
        .any(|i| sample.iter().skip(h + 1).any(|r| r.cells.get(i).is_some_and(|c| !c.is_empty())));
    // A report that prints the child's id once per group of rows ("hide
    // duplicates"): each blank is the id above it.
    let fill_down = mapping.field("child_id").filter(|&i| printed_once_per_group(&sample[h + 1..], i, &sample[h])).map(|i| (i, None));
    let watch = error_watch(&mapping, &fields, &alternates);
    let headers: Vec<String> = mapping.columns.iter().map(|c| c.header.clone()).collect();
    let blank_visit = (mapping.kind == TableKind::CaseNotes && mapping.field("note_type").is_none())
        .then(|| fields.iter().find(|(f, _)| f == "event_date").and_then(|(_, (_, h))| blank_type_visit(ctx, h, &headers, &file, sheet.as_deref())))
        .flatten();
    // (All of a 1904 workbook's table is read so, though only its first rows
    // are looked at for the warning.)
    if date1904 {
        dates_1904(&mapping, &sample[h + 1..], &file, sheet.as_deref(), findings, &mut report);
    }
    // (What the title says its audits are due by, where no column says.)
    let titled_due = title_due_rule(ctx.config, &mapping, &sample[..h]);
    // (Or seed 004's allocation itself: "Audit details sent", two weeks to
    // complete.)
    let sent_due = details_sent_rule(&mapping, &sample[h + 1..]);
    let mut reader = RowReader {
        service_plan: service_plan(
            &mapping,
            &sample[h + 1..],
            &file,
            sheet.as_deref(),
            text_format.as_ref().is_some_and(|f| f.encoding == crate::ingest::WORD_FORMAT),
        ),
        status_kinds: Default::default(),
        quote_check: text_format.as_ref().map(|f| (f.delimiter as u8, sample[h].cells.len())),
        moderation_kept,
        ctx,
        file: &file,
        sheet: sheet.as_deref(),
        mapping: &mapping,
        numeric,
        keys: RowKeys::new(&mapping.columns, mapping.kind),
        header_key: RowKeys::new(&mapping.columns, mapping.kind).row_key(&sample[h].cells, |_| None),
        wrapped_keys: wrapped_lines.iter().map(|l| RowKeys::new(&mapping.columns, mapping.kind).row_key(l, |_| None)).collect(),
        status_changes: Vec::new(),
        ended_not_current: Vec::new(),
        answers_read: BTreeMap::new(),
        answer_refs: Vec::new(),
        labelled_actions: Vec::new(),
        timescale_in_units: (mapping.kind == TableKind::Actions)
            .then(|| mapping.columns.iter().filter(|c| c.target == Target::Unmapped).find_map(|c| timescale_unit(&c.header).map(|u| (c.index, u))))
            .flatten(),
        status_alone: mapping.kind == TableKind::Actions && mapping.field("completed_date").is_none() && mapping.field("reviewed_date").is_none(),
        blank_rows: vec![],
        statuses: (0, 0),
        completed_by_status: 0,
        undated_done: std::cell::Cell::new(0),
        // (A case-note table on a sheet: a source of its own, the file's
        // name interned first, as before, for the tables written.)
        source: {
            let of_file = model.strings.intern(&file);
            match sheet.as_deref().filter(|_| mapping.kind == TableKind::CaseNotes) {
                Some(s) => model.strings.intern(&super::model::note_source_key(&file, Some(s))),
                None => of_file,
            }
        },
        fields,
        alternates,
        slots,
        json_actions,
        reaudit_slots: if mapping.kind == TableKind::Audits && !moderation_log { reaudit_slots(&mapping) } else { Vec::new() },
        action_plan: mapping.kind == TableKind::Audits && !moderation_log && is_action_plan(&mapping, &file, sheet.as_deref(), long.is_some()),
        reaudit_log,
        blank_visit,
        header_keys: header_keys(&mapping, &preamble_key(&sample[h.saturating_sub(6)..h]), ctx.config, &sample[h + 1..]),
        fixed_episode_type,
        note_kinds: Default::default(),
        seen_unread: Default::default(),
        child_audits: Default::default(),
        row_moved: Default::default(),
        part_b_named,
        read_as_yes: BTreeMap::new(),
        date_tally: Default::default(),
        views_as_yes: BTreeMap::new(),
        revision_cols: mapping.columns.iter().filter(|c| c.reason.starts_with(super::columns::REVISES)).map(|c| c.index).collect(),
        // (Or that says who could not be reached, "Selected - no response to
        // letter or calls": a record of whether they were spoken to.)
        views_answered: mapping.field("spoke_family").is_some_and(|i| {
            sample[h + 1..].iter().any(|r| {
                r.cells.get(i).is_some_and(|c| {
                    says_yes_or_no(c)
                        || matches!(super::scales::answer(c), Some(Answer::Yes | Answer::No))
                        || matches!(c, Cell::Text(t) if only_failed_contact(t))
                })
            })
        }),
        fill_down,
        fill_said: false,
        error_cells: vec![Default::default(); watch.len()],
        error_watch: watch,
        service_as_team,
        note_columns: note_columns(&mapping),
        agency_column: agency_column(&mapping),
        kind_column: kind_column(&mapping),
        remark_columns: remark_columns(&mapping),
        sheet_team,
        named_team,
        named_team_said: false,
        part_of: split_stem(&file),
        // (Told on the rows of every part of the table: a part whose dates
        // could all be read either way is read as the others are.)
        month_first: month_first(
            &mapping,
            &with_shared_rows(ctx, &sample[h], &sample[h + 1..], &file, sheet.as_deref()),
            &file,
            sheet.as_deref(),
            findings,
            &mut report,
        ),
        date1904,
        usual_year: usual_year(&mapping, &sample[h + 1..]),
        own_span: own_span(&mapping, &sample[h + 1..]),
        own_due_rule: own_due_rule(ctx.config, &mapping, &sample[h + 1..])
            .or_else(|| titled_due.as_ref().map(|(rule, _)| rule.clone()))
            .or_else(|| sent_due.as_ref().map(|(rule, _)| rule.clone())),
        unused_date_columns: unused_date_columns(&mapping, &sample[h + 1..]),
        audit_named,
        text_named,
        part_b: super::join::part_of_columns(&mapping.columns) == Some(true),
        entry_order: entry_order_column(&mapping),
        row_state: RowState::of(&sample[h].cells),
        team_path: mapping.field("service_team").map(|i| {
            let values: Vec<&Cell> = sample.iter().skip(h + 1).filter_map(|r| r.cells.get(i)).collect();
            let header = sample[h].cells.get(i).map(Cell::as_string).unwrap_or_default();
            let sep = super::columns::path_separator(&header, &values)
                .or_else(|| [" > ", " » ", " / "].into_iter().find(|sep| values.iter().any(|v| v.as_string().contains(sep))))
                .unwrap_or(" > ");
            // Which part is the team: as the header orders them ("Team / Service": the first);
            // under a header that does not, the end whose parts differ most.
            let f = fold(&header);
            let team_first = match f.find("team").zip(f.find("service")) {
                Some((t, s)) => t < s,
                None => {
                    let texts: Vec<String> = values.iter().filter(|c| !c.is_empty()).map(|c| c.as_string()).collect();
                    path_team_first(&texts, sep)
                }
            };
            (sep, team_first)
        }),
        moderation_log,
    };
    // A case-notes text export is read again in bulk by the columnar reader,
    // which gives the same rows, numbers and findings (tested against this loop).
    // (Not a table turned round: its columns are not the file's.)
    // (Nor a table whose team is written inside a service path, which it does not split.)
    let bulk = table_bulk.filter(|_| {
        mapping.kind == TableKind::CaseNotes
            && read_error.is_none()
            && long.is_none()
            && wide_plans.is_none()
            && wide_groups.is_none()
            && !more_tables
            && reader.team_path.is_none()
            && !reader.month_first
            && reader.alternates.is_empty()
            && reader.row_state.is_empty()
            && reader.fill_down.is_none()
            // (Nor notes with their own ids: a note another export holds again is
            // matched by its id, which the columnar reader does not read.)
            && !reader.fields.iter().any(|(f, _)| f == "note_id")
            // (Its formula errors are kept as 4-bit codes, 16 columns at most.)
            && reader.error_watch.len() <= 16
    });
    let fast = bulk.is_some();
    if let Some(bulk) = &bulk {
        let cols = super::casenotes_fast::NoteColumns {
            header_key: reader.header_key,
            quote_check: reader.quote_check,
            error_watch: reader.error_watch.iter().map(|(i, _)| *i).collect(),
            usual_year: reader.usual_year,
            blank_visit: reader.blank_visit,
            ..super::casenotes_fast::NoteColumns::from_fields(&reader.fields, reader.keys.clone())
        };
        let mut sink = super::casenotes_fast::Sink {
            ctx,
            cols: &cols,
            file: &file,
            source: reader.source,
            blank_rows: &mut reader.blank_rows,
            error_cells: &mut reader.error_cells,
            model,
            findings,
            report: &mut report,
            seen_unread: &mut reader.seen_unread,
        };
        if let Some(message) = super::casenotes_fast::read(bulk, h + 1, &mut sink) {
            read_error = Some(crate::ingest::IngestError { file: file.clone(), sheet: None, message });
        }
    }
    let (audits_before, actions_before) = (model.audits.len(), model.actions.len());
    let mut breaks = Breaks::new(ctx, &sample[h]);
    let mut body = sample.into_iter().skip(h + 1).map(Ok).chain(rows);
    let mut rest = None;
    while let Some(r) = body.next().filter(|_| !fast) {
        match r.map(|row| breaks.push(row)) {
            Ok(Next::Starts(head)) => {
                let (at, header_row) = (head[0].row, head[head.len() - 1].row);
                let why = format!("another table starts at row {at} (after a blank row, with a header of its own): read as a table of its own");
                report.notes.push(why.clone());
                findings.push(Severity::Info, "second_table", &file, sheet.as_deref(), Some(header_row), None, "", why);
                rest = Some(rest_of_sheet(&file, &sheet, (text_format, date1904), head, body));
                break;
            }
            Ok(Next::Held) => {}
            Ok(Next::Row(titles, row)) => {
                for t in titles {
                    reader.row(t, model, findings, &mut report);
                }
                reader.row(row, model, findings, &mut report)
            }
            Err(e) => {
                read_error = Some(e);
                break;
            }
        }
    }
    for t in breaks.finish() {
        reader.row(t, model, findings, &mut report);
    }
    unread_date_columns(&reader.date_tally.borrow(), &mapping, &mut report, findings);
    for (column, (count, example)) in &reader.read_as_yes {
        findings.push(
            Severity::Info,
            "read_as_yes",
            &file,
            sheet.as_deref(),
            None,
            Some(column),
            example.clone(),
            format!("{count} entries that name a person or a date (not yes or no) were read as yes"),
        );
    }
    if let Some(rule) = &reader.own_due_rule {
        let how = due_rule_words(rule);
        let titled = titled_due.as_ref().filter(|(titled, _)| titled == rule).map(|(_, line)| line);
        let sent = sent_due.as_ref().filter(|(sent, _)| sent == rule && titled.is_none()).map(|(_, header)| header);
        let why = match (titled, sent) {
            (Some(line), _) => format!("the title says \"{line}\": an audit here is taken to be due {how} (not by its framework's rule)"),
            (None, Some(header)) => format!(
                "'{header}' is when the audit's details were sent to the auditor, to be completed within 2 weeks (seed 004): with no due date column, an audit here is taken to be due {how}"
            ),
            (None, None) => {
                format!("every audit here with both dates is due {how}: an audit with no due date is taken to be due {how} too (not by its framework's rule)")
            }
        };
        report.notes.push(why.clone());
        let code = if titled.is_some() {
            "due_rule_from_title"
        } else if sent.is_some() {
            "due_rule_from_header"
        } else {
            "due_rule_from_data"
        };
        findings.push(Severity::Info, code, &file, sheet.as_deref(), None, Some("due_date"), rule.clone(), why);
    }
    for (column, (count, example)) in &reader.views_as_yes {
        findings.push(
            Severity::Info,
            "views_read_as_yes",
            &file,
            sheet.as_deref(),
            None,
            Some(column),
            example.clone(),
            format!("{count} views written in the column were read as yes (their views were obtained, so they were spoken to)"),
        );
    }
    for ((_, header), (count, first, at)) in reader.error_watch.iter().zip(&reader.error_cells).filter(|(_, (n, _, _))| *n > 0) {
        let shown: Vec<String> = at.iter().map(u32::to_string).collect();
        let more = if *count > at.len() as u64 { ", …" } else { "" };
        let cells = if *count == 1 { "1 cell holds".to_string() } else { format!("{count} cells hold") };
        findings.push(
            Severity::Warning,
            "formula_error",
            &file,
            sheet.as_deref(),
            None,
            Some(header),
            first.clone(),
            format!(
                "{cells} a formula's error instead of a value (rows {}{more}): read as blank, as if nothing were written (an error is never read as a team, an id or any other value). Correct the formula in the workbook, or type the value",
                shown.join(", ")
            ),
        );
    }
    if !reader.blank_rows.is_empty() {
        let shown: Vec<String> = reader.blank_rows.iter().take(10).map(u32::to_string).collect();
        let more = if reader.blank_rows.len() > 10 { ", …" } else { "" };
        findings.push(
            Severity::Info,
            "blank_row",
            &file,
            sheet.as_deref(),
            None,
            None,
            "",
            format!("{} blank rows skipped (rows {}{more})", reader.blank_rows.len(), shown.join(", ")),
        );
    }
    if let Some(p) = long {
        report_long(&p, &file, sheet.as_deref(), findings, &mut report);
    }
    if mapping.kind == TableKind::Audits {
        // Grades read as bare numbers in the direction no pin, framework or
        // key gave: said, since a scale the other way round reads them upside down.
        let by_default = numeric_given.is_none();
        let numbers = model.audits[audits_before..]
            .iter()
            .flat_map(|a| a.overall.iter().chain(&a.moderated_overall).chain(a.domains.iter().filter_map(|d| d.judgement.as_ref())))
            .filter(|j| j.scale == super::scales::NUMERIC)
            .count();
        if by_default && numbers > 0 {
            let order = match numeric {
                NumericDirection::Ofsted => "Ofsted order, 1 = Outstanding to 4 = Inadequate",
                NumericDirection::HigherIsBetter => "higher is better, 4 = Outstanding to 1 = Inadequate",
            };
            findings.push(
                Severity::Warning,
                "grades_as_numbers",
                &file,
                sheet.as_deref(),
                None,
                None,
                numbers.to_string(),
                format!(
                    "{numbers} grades are bare numbers with no key to say what they mean: read in {order} (the config's numeric_direction); if this export numbers them another way, give its key (a sheet or file of codes and labels) or set numeric_direction for it in the config"
                ),
            );
        }
        drop_unread_answers(&reader.answers_read, &file, sheet.as_deref(), model, findings, &mut report);
        answers_by_reference(&mut model.audits[audits_before..], &reader.answer_refs, &file, sheet.as_deref(), findings);
        if has_team {
            let audits = &mut model.audits[audits_before..];
            fill_teams_down(audits, &file, sheet.as_deref(), findings, &mut report);
            service_for_blank_team(audits, &file, sheet.as_deref(), findings, &mut report);
        }
        // (With or without teams written once: review 247's c12-c14 and
        // review 248's c23-c26 write the team on every row.)
        if mapping.kind == TableKind::Audits && mapping.field("allocated_date").is_some() {
            fill_allocations_down(&mut model.audits[audits_before..], &file, sheet.as_deref(), findings, &mut report);
        }
    }
    // (Not in a system's export with an id for every action: there an action
    // with no child is one of no child, a service-wide action.)
    if mapping.kind == TableKind::Actions && mapping.field("child_id").is_some() && mapping.field("action_id").is_none() {
        fill_actions_down(&mut model.actions[actions_before..], &reader.labelled_actions, &file, sheet.as_deref(), findings, &mut report);
    }
    // A list of audits still with their auditors ("Allocated" tab, every
    // status "Allocated" or "In progress", no completion column): none of
    // them is complete, which the exports record (a due one is late).
    // (Not a table with grades: graded audits were done, whatever a status says.)
    let graded = mapping.field("overall").is_some() || mapping.columns.iter().any(|c| matches!(c.target, Target::Domain(_)));
    // (And one whose statuses say when audits were done, "Finalised
    // 24/09/2026": it records completion, the others not done yet.)
    if mapping.kind == TableKind::Audits && mapping.field("completed_date").is_none() && reader.completed_by_status > 0 {
        report.completed_by_status = true;
        let why = format!(
            "no completion column: {} audits' completion dates are read from their status (\"Completed 29/09/2026\"); the others are not completed",
            reader.completed_by_status
        );
        report.notes.push(why.clone());
        findings.push(Severity::Warning, "completed_by_status", &file, sheet.as_deref(), None, Some("status"), reader.completed_by_status.to_string(), why);
    }
    // (An action table with no completion column whose statuses say when
    // actions were done, "Complete 07/10/2026": it records completion too.
    // So does one titled as open actions: none of them is done.)
    if reader.status_alone {
        let dated = model.actions[actions_before..].iter().filter(|a| a.completed.is_some()).count();
        let count = model.actions.len() - actions_before;
        // (Not where some statuses say done and not when: "Complete" beside
        // "Complete 07/10/2026" would count finished actions as overdue.)
        let undated = reader.undated_done.get();
        if dated > 0 && undated > 0 {
            let why = format!(
                "no completion column: {dated} actions' statuses say when they were done, but {undated} say done and not when: the table does not record completion, so its actions are left out of actions_on_time and actions_overdue"
            );
            report.notes.push(why.clone());
            findings.push(Severity::Warning, "completion_undated", &file, sheet.as_deref(), None, Some("status"), undated.to_string(), why);
        }
        // (Not over statuses: "Closed" under "Open actions" says otherwise.)
        if dated == 0 && titled_open && count > 0 && mapping.field("status").is_none() && mapping.field("status_also").is_none() {
            report.completed_by_status = true;
            let why = format!("no completion column, and the table's title says its actions are still open: none of its {count} actions is done");
            report.notes.push(why.clone());
            findings.push(Severity::Warning, "open_by_title", &file, sheet.as_deref(), None, None, count.to_string(), why);
        }
        if dated > 0 && undated == 0 {
            report.completed_by_status = true;
            let why = format!(
                "no completion column: {dated} actions' completion dates are read from their status (\"Complete 07/10/2026\"); the others are not done"
            );
            report.notes.push(why.clone());
            findings.push(Severity::Warning, "completed_by_status", &file, sheet.as_deref(), None, Some("status"), dated.to_string(), why);
        }
    }
    if mapping.kind == TableKind::Audits && mapping.field("completed_date").is_none() && !graded && reader.statuses.0 > 0 && reader.statuses.1 == 0 {
        report.open_by_status = true;
        let why = format!(
            "no completion column, and every audit's status says it is still with its auditor ({} audits): read as not completed, so those due in the period count as not on time",
            reader.statuses.0
        );
        report.notes.push(why.clone());
        findings.push(Severity::Warning, "open_by_status", &file, sheet.as_deref(), None, Some("status"), reader.statuses.0.to_string(), why);
    }
    if mapping.kind == TableKind::Episodes && mapping.field("end_date").is_none() && wide_plans.is_none() {
        end_by_next_status(&reader.status_changes, &file, sheet.as_deref(), model, findings, &mut report);
        // (Kept for the history's other parts, files under the same header:
        // [`end_histories_across_parts`].)
        let key: Vec<String> = mapping.columns.iter().map(|c| fold(&c.header)).collect();
        ctx.status_histories.borrow_mut().push(StatusHistory { key, file: file.clone(), sheet: sheet.clone(), changes: reader.status_changes.clone() });
    }
    drop_earlier_versions(&reader.ended_not_current, model, findings, &mut report);
    if reader.action_plan {
        let why = "an action plan with a row per audit (numbered actions beside the child and the audit date, nothing the audit found): its actions are read, each linked to its audit by the child and the audit date; the rows are not counted as audits".to_string();
        report.notes.push(why.clone());
        findings.push(Severity::Info, "action_plan_per_audit", &file, sheet.as_deref(), None, None, "", why);
    }
    // A table turned round (a row per group of columns, or per plan): said,
    // and its rows with nothing to turn set aside.
    let turned = [
        wide_groups.map(|u| ("column_groups", u.note, u.without_groups.len(), NO_GROUP_FILLED)),
        wide_plans.map(|u| ("wide_legal_status", u.note, u.without_plans.len(), NO_PLAN_DATES)),
    ];
    for (code, note, unused, reason) in turned.into_iter().flatten() {
        report.notes.push(note.clone());
        findings.push(Severity::Info, code, &file, sheet.as_deref(), None, None, "", note);
        report.rows_read += unused as u64;
        for _ in 0..unused {
            report.reject(reason);
        }
    }
    if let Some(e) = read_error {
        report.failed = true;
        findings.push(Severity::Error, "read_error", &file, sheet.as_deref(), None, None, "", format!("reading stopped: {}", e.message));
    }
    (report, rest)
}

/// The rows under a table's header, and the rows of the other parts of its
/// table (sheets of the workbook or small files of the folder under the same
/// header, [`SharedHeader`]): so that parts of one table are read alike.
fn with_shared_rows<'r>(ctx: &Context, header: &SourceRow, own: &'r [SourceRow], file: &str, sheet: Option<&str>) -> std::borrow::Cow<'r, [SourceRow]> {
    let (more, _) = ctx.shared_rows(&header_names(header), file, sheet, SHARED_ROWS);
    if more.is_empty() {
        return std::borrow::Cow::Borrowed(own);
    }
    std::borrow::Cow::Owned(own.iter().cloned().chain(more.into_iter().map(|cells| SourceRow { row: 0, cells })).collect())
}

/// Whether a table's text dates are written month first ("9/14/2026", as a
/// spreadsheet set to US English writes them): some of its date columns' sample
/// values have a second number over 12 and none a first number over 12. Said
/// in a warning, as every date of the table is then read that way.
fn month_first(mapping: &TableMapping, body: &[SourceRow], file: &str, sheet: Option<&str>, findings: &mut Findings, report: &mut TableReport) -> bool {
    let (mut month, mut day, mut either, mut example) = (0usize, 0usize, 0usize, String::new());
    for cell in date_cells(mapping, body) {
        if let Cell::Text(t) = cell {
            match crate::ingest::cell::date_order_shown(t) {
                Some(true) => {
                    month += 1;
                    if example.is_empty() {
                        example.clone_from(t);
                    }
                }
                Some(false) => day += 1,
                // (Numbers that could be either way round: "04/09/2026".)
                None if crate::ingest::cell::day_month_parts(t).is_some() => either += 1,
                None => {}
            }
        }
    }
    // Two or more, so that one mistyped date does not turn a table round; one
    // is enough where no other date could be read either way (the rest
    // written "2026-09-21" or "24-Sep-26": nothing to turn round).
    if month == 0 || (month < 2 && either > 0) || day > 0 {
        return false;
    }
    let why = format!("dates written month first ('{example}': there is no month 13 or later): every date of this table read as month / day / year");
    report.notes.push(why.clone());
    findings.push(Severity::Warning, "dates_month_first", file, sheet, None, None, example, why);
    true
}

/// A warning when a 1904 workbook's table has dates typed as plain numbers
/// in its date columns (the fields read as dates, whatever their headers
/// say): they are its day numbers, counted from 1 January 1904 (the 1900
/// system would put them four years earlier). Other columns' numbers (ids,
/// scores) are not dates and are left alone.
fn dates_1904(mapping: &TableMapping, body: &[SourceRow], file: &str, sheet: Option<&str>, findings: &mut Findings, report: &mut TableReport) {
    let columns: Vec<&str> = mapping
        .columns
        .iter()
        .filter(|c| matches!(&c.target, Target::Field(f) if f.ends_with("_date")))
        .filter(|c| body.iter().any(|r| r.cells.get(c.index).and_then(serial_1904).is_some()))
        .map(|c| c.header.as_str())
        .collect();
    if columns.is_empty() {
        return;
    }
    let names: Vec<String> = columns.iter().map(|h| format!("'{h}'")).collect();
    let why = format!(
        "the workbook is saved in the 1904 date system (Excel for Mac): dates typed as plain numbers in {} are read as 1904 dates, as Excel for Mac shows them (the 1900 system would put them four years earlier). Format the cells as dates to make sure",
        names.join(", ")
    );
    report.notes.push(why.clone());
    findings.push(Severity::Warning, "date_system_1904", file, sheet, None, None, "", why);
}

/// A cell of a 1904 workbook as one of its day numbers: a number, or a number
/// stored as text ("44804" in a cell formatted as text), unless in the 1904
/// system that text would be a day still to come (text pasted from a
/// system's export counts in the 1900 system: "46274" is 9 September 2026
/// there, 10 September 2030 in the 1904 system), when it is left to the
/// usual reading.
fn serial_1904(c: &Cell) -> Option<chrono::NaiveDate> {
    match c {
        Cell::Number(n) => crate::ingest::cell::excel_serial_1904(*n),
        Cell::Text(t) => {
            let t = t.trim();
            let number = !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            number.then(|| t.parse::<f64>().ok().and_then(crate::ingest::cell::excel_serial_1904)).flatten().filter(|d| *d <= crate::calendar::today())
        }
        _ => None,
    }
}

/// The cells of a table's date columns ("…_date" fields) in the given rows.
fn date_cells<'a>(mapping: &TableMapping, body: &'a [SourceRow]) -> impl Iterator<Item = &'a Cell> {
    let dates: Vec<usize> = mapping.columns.iter().filter(|c| matches!(&c.target, Target::Field(f) if f.ends_with("_date"))).map(|c| c.index).collect();
    body.iter().flat_map(move |r| dates.clone().into_iter().filter_map(move |i| r.cells.get(i)))
}

/// Whether the team is the first part of paths written `sep` apart ("Pod 1 /
/// Safeguarding and Support / Children's Services"): the first parts differ
/// more than the last (a team is more particular than its directorate).
fn path_team_first(texts: &[String], sep: &str) -> bool {
    let distinct = |last: bool| {
        texts
            .iter()
            .filter_map(|t| {
                let parts: Vec<&str> = t.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
                if last {
                    parts.last().copied()
                } else {
                    parts.first().copied()
                }
            })
            .map(fold)
            .collect::<std::collections::HashSet<String>>()
            .len()
    };
    distinct(false) > distinct(true)
}

/// An audit table's column, not read as any field, that says in what order
/// its rows were entered: a survey tool's "Serial", "Response ID",
/// "Respondent ID", or the submission's "Timestamp", "Date submitted",
/// "Completion time". The one such column, else none.
fn entry_order_column(mapping: &TableMapping) -> Option<usize> {
    if mapping.kind != TableKind::Audits {
        return None;
    }
    const NAMES: [&str; 16] = [
        "serial",
        "serial no",
        "serial number",
        "response id",
        "response no",
        "response number",
        "respondent id",
        "submission id",
        "submission number",
        "timestamp",
        "submitted",
        "date submitted",
        "submitted on",
        "submission date",
        "completion time",
        "submitted at",
    ];
    let mut found = mapping.columns.iter().filter(|c| c.target == Target::Unmapped && NAMES.contains(&fold(&c.header).as_str())).map(|c| c.index);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// An entry's place in its table's order ([`Audit::entered`]): a number
/// (a serial; a workbook's date and time), or a date as its day's number
/// (entries of one day are not told apart).
/// Dates are read as the table reads them (`as_date`: month first in a US
/// export).
fn entry_value(c: &Cell, as_date: impl Fn(&Cell) -> Option<chrono::NaiveDate>) -> Option<f64> {
    use chrono::Datelike;
    match c {
        Cell::Number(n) => Some(*n),
        Cell::Date(d) => Some(d.num_days_from_ce() as f64),
        Cell::Text(t) => t.trim().parse::<u64>().ok().map(|n| n as f64).or_else(|| Some(as_date(c)?.num_days_from_ce() as f64)),
        _ => None,
    }
}

/// A table of audits with no deadline column whose "Date to be completed
/// by" (seed 001's words for an action's by-when, which a tracker uses for
/// the audit's own) holds a date on nearly every row: read as the audit's
/// deadline, its note of an ambiguity taken back. (Not a form's actions
/// grid, nor a tracker's action by-whens written in words, "1) 20 working
/// days".) The note saying so.
fn deadline_by_when(mapping: &mut TableMapping, body: &[SourceRow]) -> Option<String> {
    if mapping.kind != TableKind::Audits || mapping.field("due_date").is_some() {
        return None;
    }
    // (Beside the actions agreed, "Date to be completed by" is theirs.)
    let actions_beside = mapping.columns.iter().any(|c| fold(&c.header).split(' ').any(|w| w.starts_with("action") || w.starts_with("recommendation")));
    if actions_beside {
        return None;
    }
    let ci = mapping.columns.iter().position(|c| {
        if !matches!(c.target, Target::Unmapped | Target::Ignore) || c.score >= 1000 {
            return false;
        }
        if !matches!(fold(&c.header).as_str(), "date to be completed by" | "to be completed by" | "date to complete by" | "complete by") {
            return false;
        }
        let filled: Vec<&Cell> = body.iter().filter_map(|r| r.cells.get(c.index)).filter(|v| !v.is_empty()).collect();
        let dates = filled.iter().filter(|v| v.as_date().is_some()).count();
        filled.len() >= 3 && dates * 10 >= filled.len() * 9
    })?;
    let column = &mut mapping.columns[ci];
    column.target = Target::Field("due_date".into());
    column.reason = "a date the audit is to be completed by, on nearly every row of a table of audits with no other deadline".into();
    let named = format!("column '{}'", column.header);
    let note = format!("{named} is read as the audits' deadline (a date on nearly every row, and no other deadline column)");
    mapping.notes.retain(|n| !n.starts_with(&named));
    Some(note)
}

/// A legal-status table whose legal-status column, chosen by its name
/// ("Category / legal status"), holds few legal statuses (a CP plan's
/// category, "N", "E", "P"), beside a column that holds one on nearly every
/// row ("Episode": "CLA", "CP Plan"): that column is the legal status. The
/// note saying so.
fn legal_status_by_values(ctx: &Context, mapping: &mut TableMapping, body: &[SourceRow]) -> Option<String> {
    if mapping.kind != TableKind::Episodes {
        return None;
    }
    let named = mapping.columns.iter().position(|c| c.target == Target::Field("episode_type".into()) && c.score < 1000)?;
    // (Or a CP plan's category of abuse, blank on every other row, beside a
    // column whose values are every row's legal status: "CP Category" |
    // "Episode", "Looked After (C2)"; blind set 171.)
    let rows_known = |i: usize| body.iter().filter_map(|r| r.cells.get(i)).filter(|c| ctx.episode_rules.classify(c.as_string().trim()).is_some()).count();
    let category = fold(&mapping.columns[named].header).split(' ').any(|w| matches!(w, "category" | "abuse"));
    let named_known = legal_status_share(ctx, body, mapping.columns[named].index, |_| true).map(|_| rows_known(mapping.columns[named].index));
    // (Or filled on a row or two only, each a legal status.)
    let named_all = all_statuses(ctx, body, mapping.columns[named].index);
    if (named_known.is_some() || named_all) && !category {
        // A legal status blank on the rows of plans that have none (a CP or
        // CIN plan's), beside a column whose values say what each row is
        // ("Registration Type": "Child Protection Registration", "Looked
        // After"): that column is read where the status is blank (blind set
        // 178: every CP plan had been rejected, "no legal status").
        // (Its values legal statuses wherever it is filled, too.)
        let at = mapping.columns[named].index;
        let blank: Vec<&SourceRow> = body.iter().filter(|r| !r.is_blank() && r.cells.get(at).is_none_or(|c| c.as_string().trim().is_empty())).collect();
        let found = mapping.columns.iter().position(|c| {
            c.target == Target::Unmapped
                && !earlier_status(&c.header)
                // (Not a CP plan's category of abuse, nor a code.)
                && !fold(&c.header).split(' ').any(|w| matches!(w, "category" | "abuse" | "code" | "codes" | "cd"))
                && !blank.is_empty()
                && all_statuses(ctx, body, c.index)
                && blank.iter().filter(|r| r.cells.get(c.index).is_some_and(|v| ctx.episode_rules.classify(v.as_string().trim()).is_some())).count() * 10
                    >= blank.len() * 9
        });
        // (A status column filled on few rows with no such column beside it:
        // the other rule's, below.)
        let also = match found {
            Some(also) => also,
            None if named_known.is_some() => return None,
            None => return legal_status_elsewhere(ctx, mapping, body, named, (category, named_all), named_known),
        };
        let (kept, other) = (mapping.columns[named].header.clone(), mapping.columns[also].header.clone());
        mapping.notes.retain(|n| !n.starts_with(&format!("column '{other}' ")));
        let column = &mut mapping.columns[also];
        column.target = Target::Field("episode_type_also".into());
        column.reason = format!("its values are legal statuses or plans where '{kept}' is blank (read there)");
        return Some(format!("column '{other}' is read as the legal status where '{kept}' is blank (its values are legal statuses or plans on those rows)"));
    }
    legal_status_elsewhere(ctx, mapping, body, named, (category, named_all), named_known)
}

/// Whether a column is filled on some of `body`'s rows and every filled
/// value is a legal status or plan.
fn all_statuses(ctx: &Context, body: &[SourceRow], col: usize) -> bool {
    let mut filled = body.iter().filter_map(|r| r.cells.get(col)).map(Cell::as_string).filter(|v| !v.trim().is_empty()).peekable();
    filled.peek().is_some() && filled.all(|v| ctx.episode_rules.classify(v.trim()).is_some())
}

/// Whether a header names a status the child had before ("Previous legal
/// status", "Original plan").
fn earlier_status(h: &str) -> bool {
    fold(h).split(' ').any(|w| matches!(w, "previous" | "former" | "prior" | "old" | "last" | "earlier" | "original"))
}

/// [`legal_status_by_values`]'s reading of a legal-status column that holds
/// few statuses (or a category of abuse) beside one holding one on nearly
/// every row: that one is the legal status. `(category, named_all)`: whether
/// the named column is a category of abuse, and whether every value it holds
/// is a legal status ([`all_statuses`]).
fn legal_status_elsewhere(
    ctx: &Context,
    mapping: &mut TableMapping,
    body: &[SourceRow],
    named: usize,
    (category, named_all): (bool, bool),
    named_known: Option<usize>,
) -> Option<String> {
    let rows_known = |i: usize| body.iter().filter_map(|r| r.cells.get(i)).filter(|c| ctx.episode_rules.classify(c.as_string().trim()).is_some()).count();
    let other = mapping.columns.iter().position(|c| {
        // (Or the one read where it is blank: see columns.rs, "Plan / Status Type".)
        (matches!(c.target, Target::Unmapped | Target::Ignore) || c.target == Target::Field("episode_type_also".into()))
            && !earlier_status(&c.header)
            && legal_status_share(ctx, body, c.index, |_| true).is_some()
            && named_known.is_none_or(|n| rows_known(c.index) > n)
    })?;
    let (from, to) = (mapping.columns[named].header.clone(), mapping.columns[other].header.clone());
    // (A status column filled on a few rows only, each a legal status, beside
    // one saying what every other row is: still read where that one is blank;
    // review 260's c08: a looked-after child's "Care Order (S31)" beside CP
    // registrations' blanks.)
    mapping.notes.retain(|n| !n.starts_with(&format!("column '{to}' ")));
    let column = &mut mapping.columns[other];
    column.target = Target::Field("episode_type".into());
    column.reason = format!("its values are legal statuses on nearly every row, where '{from}' holds few");
    if named_all && !category {
        let column = &mut mapping.columns[named];
        column.target = Target::Field("episode_type_also".into());
        column.reason = format!("{} (read where '{to}' is blank)", column.reason);
        return Some(format!(
            "column '{to}' is read as the legal status (its values are legal statuses on nearly every row); '{from}', filled on few rows, where it is blank"
        ));
    }
    mapping.columns[named].unuse("few of its values are legal statuses");
    Some(format!("column '{to}' is read as the legal status (its values are legal statuses on nearly every row); '{from}' holds few, and is not used"))
}

/// Headers of an action list's column naming the audit each action is of
/// (or the item it is of: a board's subitem's "Parent item"; an action list's
/// items named for the child, "Name": "Client 3062290").
const AUDIT_NAMED: [&str; 12] =
    ["audit", "audits", "linked audit", "related audit", "audit record", "audit name", "parent audit", "parent item", "name", "item", "item name", "title"];

/// Headers of a list's own column naming each item (a board's, a plan's, a
/// list's: "Name", "Title", "Task name"), which may name the child.
const ITEM_NAMED: [&str; 9] = ["name", "item", "item name", "title", "task", "task name", "record", "record name", "audit"];

/// The one id a linked audit's title names ("5520814 – Mar 2026"), written
/// once or more ("…,5556603 – Apr 2026" doubled); none for several ids or none.
fn audit_title_id(t: &str) -> Option<String> {
    // (A link after the title, as Notion writes a relation: "Tier 2 audit –
    // Case ID 7743018 (https://www.notion.so/…-7743018-aa42…?pvs=21)".)
    let mut plain = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(at) = rest.find("(http") {
        plain.push_str(&rest[..at]);
        rest = rest[at..].find(')').map_or("", |end| &rest[at + end + 1..]);
    }
    plain.push_str(rest);
    let t = plain.as_str();
    let mut ids = super::identity::id_tokens(t);
    ids.dedup();
    match ids.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// [`AUDIT_NAMED`]'s column in an action list with no child or audit id, or
/// [`ITEM_NAMED`]'s in an audit list with no child id ("Name": "Client
/// 3062290", a board's item), where four in five of its filled cells name
/// one id (among words in an action list: a bare id is an id column's) or
/// say test.
fn audit_named_column(mapping: &TableMapping, body: &[SourceRow]) -> Option<usize> {
    let names: &[&str] = match mapping.kind {
        TableKind::Actions if mapping.field("child_id").is_none() && mapping.field("audit_id").is_none() => &AUDIT_NAMED,
        TableKind::Audits if mapping.field("child_id").is_none() => &ITEM_NAMED,
        _ => return None,
    };
    mapping.columns.iter().position(|c| {
        if !matches!(c.target, Target::Unmapped | Target::Ignore) || c.score >= 1000 || !names.contains(&fold(&c.header).as_str()) {
            return false;
        }
        // (Not the header again, a group's own on a board.)
        let filled: Vec<String> = body
            .iter()
            .filter_map(|r| r.cells.get(c.index))
            .map(|v| v.as_string().trim().to_string())
            .filter(|v| !v.is_empty() && fold(v) != fold(&c.header))
            .collect();
        // (A bare id is an id column's in an action list; in a list of audits
        // with no child id column, its items' "Name" of bare ids is the
        // child's, and so is their item's name as a board's or an outline's
        // actions give it.)
        let parent = fold(&c.header) == "parent item";
        let bare_ok = mapping.kind == TableKind::Audits || parent;
        let titles = filled.iter().filter(|v| says_test(v) || (audit_title_id(v).is_some() && (bare_ok || v.split_whitespace().count() > 1))).count();
        // (A board's subitems name their item, as written by [`super::board`]:
        // one is enough; else two.)
        let fewest = if parent { 1 } else { 2 };
        filled.len() >= fewest && titles * 5 >= filled.len() * 4
    })
}

/// Whether an action list with no child, audit or audit-naming column names
/// each action's child in its own words: four in five of its actions' texts
/// (three at least) name one id, beside words ("Action – 7712043: PEP to be
/// updated", as a plan's tasks are named; not a column of bare ids).
fn text_names_child(mapping: &TableMapping, body: &[SourceRow]) -> bool {
    if mapping.kind != TableKind::Actions || ["child_id", "audit_id"].iter().any(|f| mapping.field(f).is_some()) {
        return false;
    }
    let Some(i) = mapping.field("text") else { return false };
    let texts: Vec<String> = body.iter().filter_map(|r| r.cells.get(i)).map(|c| c.as_string().trim().to_string()).filter(|t| !t.is_empty()).collect();
    let named = texts.iter().filter(|t| says_test(t) || (audit_title_id(t).is_some() && t.split_whitespace().count() > 2)).count();
    texts.len() >= 3 && named * 5 >= texts.len() * 4
}

/// An actions table's columns that were not recognised and hold dates (most
/// of their filled cells in its first rows), at most three, where the table
/// has no column for the audit's id or date: one of them may be the audit's
/// date under a name not known ("Date returned", the day the audit form came
/// back), which its dates show once every audit is read.
fn unused_date_columns(mapping: &TableMapping, body: &[SourceRow]) -> Vec<usize> {
    if mapping.kind != TableKind::Actions || mapping.field("audit_id").is_some() || mapping.field("audit_date").is_some() {
        return Vec::new();
    }
    mapping
        .columns
        .iter()
        .filter(|c| c.target == Target::Unmapped)
        .map(|c| c.index)
        .filter(|&i| {
            let filled: Vec<&Cell> = body.iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).collect();
            let dates = filled.iter().filter(|c| c.as_date().is_some()).count();
            dates > 0 && dates * 2 >= filled.len()
        })
        .take(3)
        .collect()
}

/// Seed 004's due rule where an audit table with no due-date column reads
/// its allocation from "Audit details sent" ("The audit details are sent to
/// the auditors and must be completed within 2 weeks"): 14 days after it,
/// whatever framework its questions are read as. With the column's header.
/// (A due-date column empty on every row, a task tool's own "Due Date" left
/// unset on the audits' cards, is none.)
fn details_sent_rule(mapping: &TableMapping, body: &[SourceRow]) -> Option<(String, String)> {
    let due_given = mapping.field("due_date").is_some_and(|d| body.iter().any(|r| r.cells.get(d).is_some_and(|c| !c.is_empty())));
    if mapping.kind != TableKind::Audits || due_given {
        return None;
    }
    let c = mapping.columns.iter().find(|c| c.target == Target::Field("allocated_date".into()))?;
    let f = fold(&c.header);
    (super::fold::contains_phrase(&f, "details sent")).then(|| ("days_after_allocation:14".to_string(), c.header.clone()))
}

/// The rule an audit table with no due-date column says in its title (the
/// lines of text above its header) that its audits are due by, when that is
/// not its framework's: "All audits due by the end of the cycle" (the end of
/// the bi-monthly cycle), "… to be completed by the end of the month" (of
/// allocation), "Audits to be returned within 2 weeks of allocation", "due
/// 10 working days after allocation". A line about actions says nothing of
/// the audits. Returns the rule and the line that says it.
fn title_due_rule(config: &Config, mapping: &TableMapping, above: &[SourceRow]) -> Option<(String, String)> {
    if mapping.kind != TableKind::Audits || mapping.field("due_date").is_some() || mapping.field("allocated_date").is_none() {
        return None;
    }
    let lines = above.iter().rev().filter(|r| !r.is_blank()).take(2).filter_map(SourceRow::lone_text);
    let rule = lines.flat_map(|line| line.split(['.', ';', '|', '\n']).map(move |s| (s, line))).find_map(|(sentence, line)| {
        let f = fold(sentence);
        let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
        // The audits are what is due: "audits" before the word saying when
        // ("All audits due by …", "Audits to be returned within …"), nothing
        // else named (moderation, feedback, actions), and no key, share or
        // count ("Red = overdue", "80%", "(2 days left)", "extended by").
        let due_at = words.iter().position(|w| matches!(*w, "due" | "deadline" | "deadlines" | "complete" | "completed" | "returned" | "return"))?;
        let audits_first = words[..due_at].iter().any(|w| matches!(*w, "audit" | "audits"));
        let other = words.iter().any(|w| {
            ["action", "recommendation", "moderat", "feedback", "report", "key", "highlight", "extend", "left", "red", "amber", "green", "next", "overdue"]
                .iter()
                .any(|p| w.starts_with(p))
        }) || sentence.contains(['%', '=', '(']);
        if !audits_first || other {
            return None;
        }
        let any = |ps: &[&str]| ps.iter().any(|p| super::fold::contains_phrase(&f, p));
        // (A cycle of one month named, "September 2026 audit cycle", is no
        // bi-monthly cycle.)
        let months = line.split(|c: char| !c.is_alphabetic()).filter_map(month_number).collect::<std::collections::HashSet<_>>().len();
        let rule = if any(&[
            "end of the cycle",
            "end of cycle",
            "end of the audit cycle",
            "end of the bi monthly cycle",
            "end of each cycle",
            "end of the audit period",
            "final date of the audit period",
        ]) {
            if months == 1 {
                return None;
            }
            "end_of_cycle".to_string()
        } else if any(&[
            "end of the month",
            "end of month",
            "end of the allocation month",
            "last day of the month",
            "final calendar day of the month",
            "final day of the month",
            "month end",
        ]) {
            "end_of_allocation_month".to_string()
        } else {
            // "within 2 weeks (of allocation)", "10 working days after allocation".
            let number = |w: &str| {
                w.parse::<u32>().ok().or_else(|| {
                    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].iter().position(|n| *n == w).map(|i| i as u32 + 1)
                })
            };
            // (The first count after the word saying when: "due within 2
            // weeks", "deadline: 10 working days after allocation".)
            let at = (due_at + 1..words.len()).find(|&i| number(words[i]).is_some())?;
            let n = number(words[at]).filter(|n| (1..=120).contains(n))?;
            let rest = &words[at + 1..];
            // (Counted from allocation, or said of nothing else.)
            let tail: Vec<&str> = rest.iter().copied().skip_while(|w| matches!(*w, "working" | "calendar" | "day" | "days" | "week" | "weeks")).collect();
            if !(tail.is_empty() || tail.iter().any(|w| w.starts_with("alloca") || matches!(*w, "sent" | "sample" | "sampled" | "issued"))) {
                return None;
            }
            match rest {
                ["week" | "weeks", ..] => format!("days_after_allocation:{}", n * 7),
                ["working", "day" | "days", ..] => format!("working_days_after_allocation:{n}"),
                ["day" | "days", ..] | ["calendar", "day" | "days", ..] => format!("days_after_allocation:{n}"),
                _ => return None,
            }
        };
        Some((rule, line.trim().to_string()))
    })?;
    let framework = mapping.framework.as_deref().and_then(|f| config.framework(f)).and_then(|f| f.due_rule.clone());
    (framework.as_deref().unwrap_or(&config.settings.default_due_rule) != rule.0).then_some(rule)
}

/// The rule an audit table's own due dates follow, when it is not its
/// framework's: every row of its first rows with both an allocation and a
/// due date (most of its allocated rows, allocated on three days at least;
/// one of five or more may be a slip) due the same number of days after
/// allocation ("Audit Due" always two weeks after "Date sent to auditor"), or each at
/// the end of its allocation month. An audit of the table with no due date
/// is then due by that rule, as the rest of its table are.
fn own_due_rule(config: &Config, mapping: &TableMapping, body: &[SourceRow]) -> Option<String> {
    let (Some(a), Some(d)) = (mapping.field("allocated_date"), mapping.field("due_date")) else {
        return None;
    };
    if mapping.kind != TableKind::Audits {
        return None;
    }
    let pairs: Vec<(chrono::NaiveDate, chrono::NaiveDate)> =
        body.iter().filter_map(|r| Some((r.cells.get(a)?.as_date()?, r.cells.get(d)?.as_date()?))).collect();
    // (Three allocation days at least, each its own evidence of the rule, not
    // one batch's deadline; and a due date on most allocated rows, not a
    // rule that starts part way through the table.)
    let allocated = body.iter().filter(|r| r.cells.get(a).and_then(Cell::as_date).is_some()).count();
    let days: std::collections::BTreeSet<chrono::NaiveDate> = pairs.iter().map(|p| p.0).collect();
    if days.len() < 3 || pairs.len() * 2 < allocated {
        return None;
    }
    // (One date of five or more typed wrong, "26/11" for "26/10", does not
    // hide the rule the rest follow.)
    let slips = usize::from(pairs.len() >= 5);
    let rule = if pairs.iter().filter(|&&(a, d)| d != crate::calendar::month_end(a)).count() <= slips {
        "end_of_allocation_month".to_string()
    } else {
        let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
        for &(a, d) in &pairs {
            *counts.entry((d - a).num_days()).or_default() += 1;
        }
        let (k, n) = counts.into_iter().max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))?;
        if !(1..=120).contains(&k) || n + slips < pairs.len() {
            return None;
        }
        format!("days_after_allocation:{k}")
    };
    let framework = mapping.framework.as_deref().and_then(|f| config.framework(f)).and_then(|f| f.due_rule.clone());
    (framework.as_deref().unwrap_or(&config.settings.default_due_rule) != rule).then_some(rule)
}

/// The year most of a table's sample dates (in its date columns) are in, if
/// one year has more than half of them.
fn usual_year(mapping: &TableMapping, body: &[SourceRow]) -> Option<i32> {
    use chrono::Datelike;
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    let mut n = 0;
    for d in date_cells(mapping, body).filter_map(Cell::as_date) {
        *years.entry(d.year()).or_default() += 1;
        n += 1;
    }
    years.into_iter().max_by_key(|&(_, c)| c).filter(|&(_, c)| c * 2 > n).map(|(y, _)| y)
}

/// The first and last of a table's sample dates (in its date columns), where
/// there are three or more and they lie within a year of each other: the
/// span a date written without its year is placed in when it falls in it in
/// one year only ("22/12" in a tracker of 27/11/26 to 12/02/27 is 2026's).
fn own_span(mapping: &TableMapping, body: &[SourceRow]) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::Datelike;
    let dates: Vec<chrono::NaiveDate> = date_cells(mapping, body).filter_map(Cell::as_date).filter(|d| d.year() >= 2000).collect();
    let (from, to) = (*dates.iter().min()?, *dates.iter().max()?);
    (dates.len() >= 3 && (to - from).num_days() <= 366).then_some((from, to))
}

/// One numbered action slot across an audit row: its text, owner, due and
/// completion columns, and the date it was reviewed with what the review said
/// ("Date reviewed 1" + "Completed/Comments 1").
#[derive(Debug, Clone, Copy)]
struct ActionSlot {
    /// One slot whose cells each hold numbered lines ("1) … 2) …"), one
    /// action per line number.
    lines: bool,
    text: usize,
    owner: Option<usize>,
    due: Option<usize>,
    completed: Option<usize>,
    reviewed: Option<usize>,
    status: Option<usize>,
}

/// An audit table's numbered action slots, from its unused columns (and those
/// read as free text only because nothing else named them): a header with a
/// slot number ("(1)" at its end, "Action 1 …", or a number at its end that
/// the same header repeats with another number: "Who? 1", "Who? 2") and words
/// saying which part it is. Read only when every slot with a text column can
/// be known done: a completion column, or a review date with what the review
/// said.
fn action_slots(mapping: &TableMapping, answered_only: bool) -> Vec<ActionSlot> {
    action_slots_or_why(mapping, answered_only).unwrap_or_default()
}

/// [`action_slots`], or why numbered action slots were found and not read
/// (`Err(None)`: no slots at all).
fn action_slots_or_why(mapping: &TableMapping, answered_only: bool) -> Result<Vec<ActionSlot>, Option<String>> {
    // (Not a graded question left unread: "Summary - outcome and plan",
    // graded Good, is no action's outcome; blind set 157's strandmouth.)
    let graded = |c: &super::columns::ColumnMap| c.scale.as_deref().is_some_and(|s| s != "ynp");
    let loose = |c: &&super::columns::ColumnMap| (c.target == Target::Unmapped && !graded(c)) || (c.target == Target::Field("evidence".into()) && c.score <= 1);
    let folded: Vec<(usize, &str, String)> = mapping.columns.iter().filter(loose).map(|c| (c.index, c.header.as_str(), fold(&c.header))).collect();
    // Headers ending in a number, by the words before it: a stem seen with two
    // or more numbers is a set of slots.
    let mut numbers: BTreeMap<String, std::collections::BTreeSet<u32>> = BTreeMap::new();
    for (_, _, f) in &folded {
        if let Some((stem, n)) = f.rsplit_once(' ').and_then(|(stem, n)| Some((stem, n.parse::<u32>().ok()?))) {
            numbers.entry(stem.to_string()).or_default().insert(n);
        }
    }
    let mut parts: BTreeMap<u32, [Option<usize>; 6]> = BTreeMap::new();
    for (index, header, f) in &folded {
        let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
        // "… (1)" (folded to a last word "1"), "action 1 …", or "who 1" beside "who 2".
        let trailing = f.rsplit_once(' ').and_then(|(stem, n)| Some((stem, n.parse::<u32>().ok()?)));
        let n = words
            .last()
            .filter(|_| header.trim_end().ends_with(')'))
            .and_then(|w| w.parse::<u32>().ok())
            .or_else(|| {
                words
                    .windows(2)
                    .find(|w| matches!(w[0], "action" | "actions" | "recommendation" | "recommendations" | "rec" | "recs") && w[1].parse::<u32>().is_ok())
                    .and_then(|w| w[1].parse().ok())
            })
            .or_else(|| trailing.filter(|(stem, _)| numbers.get(*stem).is_some_and(|ns| ns.len() >= 2)).map(|(_, n)| n));
        let Some(n) = n.filter(|n| (1..=20).contains(n)) else { continue };
        let Some(part) = slot_part(f) else { continue };
        parts.entry(n).or_default()[part].get_or_insert(*index);
    }
    let mut slots: Vec<ActionSlot> = parts
        .values()
        .filter_map(|p| Some(ActionSlot { lines: false, text: p[0]?, owner: p[1], due: p[2], completed: p[3], reviewed: p[4], status: p[5] }))
        .collect();
    // The parts of one unnumbered slot (seed 001's actions grid flattened
    // into one row per form: "Action", "Who?", "Date to be completed by?",
    // "Date reviewed", "Completed/Comments", each cell perhaps "1) … 2) …").
    let numbered: std::collections::HashSet<usize> = parts.values().flat_map(|p| p.iter().flatten().copied()).collect();
    let mut one: [Option<usize>; 6] = [None; 6];
    // (A part named for the action comes first: "Action completed"
    // over "Part A completed", the audit's own; no part of the audit's is
    // one, "Part B completed", "Audit completed".)
    let of_action = |f: &str| f.split(' ').any(|w| matches!(w, "action" | "actions" | "recommendation" | "recommendations" | "rec" | "recs"));
    let of_audit = |h: &str, f: &str| super::columns::names_part_letter(h) || f.split(' ').any(|w| matches!(w, "audit" | "audited" | "auditor"));
    let folded_of = |i: usize| folded.iter().find(|(j, _, _)| *j == i).map(|(_, _, f)| f.as_str()).unwrap_or("");
    for (index, header, f) in folded.iter().filter(|(i, _, _)| !numbered.contains(i)) {
        if let Some(part) = slot_part(f).filter(|_| of_action(f) || !of_audit(header, f)) {
            match one[part] {
                Some(i) if of_action(folded_of(i)) || !of_action(f) => {}
                _ => one[part] = Some(*index),
            }
        }
    }
    // (Beside the actions, a bare "Timescale" not graded is when they
    // are due: blind set 157's thornmere, "Recommended actions",
    // "Timescale", "Action completed".)
    if one[2].is_none() {
        one[2] = folded
            .iter()
            .filter(|(i, _, _)| !numbered.contains(i))
            .find(|(_, _, f)| matches!(f.as_str(), "timescale" | "timescales" | "timeframe" | "timescale for completion"))
            .map(|(i, _, _)| *i);
    }
    if slots.is_empty() {
        // (With someone, a due date, or a completion named for the action
        // beside it: "Recommended actions" and "Action completed", review
        // 250's c22.)
        let done_named = one[3].is_some_and(|i| of_action(folded_of(i)));
        if let (Some(text), true) = (one[0], one[1].is_some() || one[2].is_some() || done_named) {
            slots.push(ActionSlot { lines: true, text, owner: one[1], due: one[2], completed: one[3], reviewed: one[4], status: one[5] });
        }
    } else if let [slot] = &mut slots[..] {
        // One numbered slot ("Agreed Action 1") with its other parts
        // unnumbered ("Timescale", "Action completed"): theirs (review
        // 250's c20).
        slot.owner = slot.owner.or(one[1]);
        slot.due = slot.due.or(one[2]);
        slot.completed = slot.completed.or(one[3]);
        slot.reviewed = slot.reviewed.or(one[4]);
        slot.status = slot.status.or(one[5]);
    } else if let Some(i) = one[3].filter(|&i| folded_of(i).split(' ').any(|w| matches!(w, "actions" | "recommendations" | "recs" | "all"))) {
        // Several numbered slots and one completion of them all ("Actions
        // completed", "Date all actions completed"): each slot's (review
        // 251's c33).
        for slot in slots.iter_mut() {
            slot.completed = slot.completed.or(Some(i));
        }
    }
    if slots.is_empty() {
        return Err(None);
    }
    // (A long export lists only the questions answered: a slot with no
    // completion question, where another slot has one, is an action no one
    // has marked done.)
    let done_somewhere = answered_only && slots.iter().any(|s| s.completed.is_some());
    if slots.iter().any(|s| s.completed.is_none() && (s.reviewed.is_none() || s.status.is_none()) && !done_somewhere) {
        let header = |i: usize| folded.iter().find(|(j, _, _)| *j == i).map(|(_, h, _)| format!("'{h}'")).unwrap_or_default();
        let texts = slots.iter().map(|s| header(s.text)).collect::<Vec<_>>().join(", ");
        let what = match one[3] {
            Some(i) => {
                format!("{} numbered actions ({texts}) and one completion column {} that does not say which of them it completes", slots.len(), header(i))
            }
            None if slots.len() == 1 => {
                format!("{} ({texts}) with no completion column", if slots[0].lines { "actions on the audit's row" } else { "a numbered action" })
            }
            None => format!("numbered actions ({texts}) with no completion column for each"),
        };
        return Err(Some(format!("{what}: the actions are not read (whether each was done is not in the export)")));
    }
    Ok(slots)
}

/// A JSON list of actions in one cell, as a cloud form's repeating section
/// is exported (`[{"Action": "…", "Who?": "…", "Date to be completed by?":
/// "…", "Date reviewed": "…", "Completed/Comments": "Completed"}]`): each
/// object a row of its values, with the slot its keys make ([`slot_part`]).
/// An object without an action text is none.
fn json_actions(c: &Cell, row: u32) -> Vec<(SourceRow, ActionSlot)> {
    let Cell::Text(t) = c else { return Vec::new() };
    let t = t.trim();
    if !(t.starts_with('[') && t.ends_with(']')) {
        return Vec::new();
    }
    let Ok(serde_json::Value::Array(items)) = serde_json::from_str::<serde_json::Value>(t) else { return Vec::new() };
    items
        .iter()
        .filter_map(|item| {
            let o = item.as_object()?;
            let mut parts: [Option<usize>; 6] = [None; 6];
            let mut cells = Vec::with_capacity(o.len());
            for (k, v) in o {
                if let Some(part) = slot_part(&fold(k)) {
                    parts[part].get_or_insert(cells.len());
                }
                cells.push(match v {
                    serde_json::Value::String(s) if !s.trim().is_empty() => Cell::text(s),
                    serde_json::Value::Number(n) => n.as_f64().map_or(Cell::Empty, Cell::Number),
                    serde_json::Value::Bool(b) => Cell::text(if *b { "Yes" } else { "No" }),
                    serde_json::Value::Object(_) => json_cell(&Cell::Text(v.to_string())).unwrap_or(Cell::Empty),
                    _ => Cell::Empty,
                });
            }
            // (An exporter leaves out empty keys: an action with no completion
            // key is one not yet done.)
            let slot = ActionSlot { lines: false, text: parts[0]?, owner: parts[1], due: parts[2], completed: parts[3], reviewed: parts[4], status: parts[5] };
            Some((SourceRow { row, cells }, slot))
        })
        .collect()
}

/// The column of an audit table whose cells are JSON lists of actions
/// ([`json_actions`]): every filled cell among the first rows a JSON list
/// ("[]" for none), and some list's objects make actions.
fn json_action_column(mapping: &TableMapping, body: &[SourceRow]) -> Option<usize> {
    let free = |t: &Target| matches!(t, Target::Unmapped) || matches!(t, Target::Field(f) if f == "evidence" || f == "good_practice");
    mapping.columns.iter().filter(|c| free(&c.target)).map(|c| c.index).find(|&i| {
        let cells: Vec<&Cell> = body.iter().take(50).filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).collect();
        !cells.is_empty()
            && cells.iter().all(|c| matches!(c, Cell::Text(t) if t.trim().starts_with('[') && t.trim().ends_with(']')))
            && cells.iter().any(|c| !json_actions(c, 0).is_empty())
    })
}

/// Whether an audit table is an action plan with a row per audit (seed 004's
/// "Agreed Action (1)", "Person (1)", …, beside the child and the audit
/// date): numbered action slots, nothing the audit found (no judgement,
/// question, auditor, spoken-to or moderation column), and a sheet or file
/// named for actions. Its rows are the actions of audits read elsewhere.
fn is_action_plan(mapping: &TableMapping, file: &str, sheet: Option<&str>, answered_only: bool) -> bool {
    let named = fold(&table_name(file, sheet)).split(' ').any(|w| matches!(w, "action" | "actions" | "plan" | "plans"));
    let findings_of_audit = mapping.columns.iter().any(|c| match &c.target {
        Target::Domain(_) => true,
        Target::Field(f) => f == "overall" || f == "auditor" || f.starts_with("spoke_") || f.starts_with("moderat") || f.starts_with("reaudit"),
        _ => false,
    });
    !findings_of_audit && named && !action_slots(mapping, answered_only).is_empty()
}

/// Words saying a column is about the audit a row follows up: "Original
/// audit date", "Previous judgement", "Initial grade".
fn names_original(header: &str) -> bool {
    fold(header).split(' ').any(|w| matches!(w, "original" | "previous" | "initial" | "first"))
}

/// Whether a table is a log of re-audits dated by the audit each follows
/// up: a re-audit's date and judgement, and its audit date named for the
/// original ("Original audit date").
fn reaudit_log(mapping: &TableMapping) -> bool {
    mapping.kind == TableKind::Audits
        && mapping.field("reaudit_date").is_some()
        && mapping.field("reaudit_overall").is_some()
        && mapping.columns.iter().any(|c| c.target == Target::Field("completed_date".into()) && names_original(&c.header))
}

/// An audit table's numbered re-audits on the audit's row ("Re-audit 1 date",
/// "Re-audit 1 judgement", "Re-audit 2 date", …: a case judged inadequate
/// again is re-audited again), when no single re-audit column is read: each
/// number's date and judgement columns, in number order. (Two numbered
/// columns tie for the one re-audit field, so neither is read as it.)
fn reaudit_slots(mapping: &TableMapping) -> Vec<(u32, usize, usize)> {
    if mapping.field("reaudit_date").is_some() || mapping.field("reaudit_overall").is_some() {
        return Vec::new();
    }
    let mut parts: BTreeMap<u32, [Option<usize>; 2]> = BTreeMap::new();
    for c in mapping.columns.iter().filter(|c| c.target == Target::Unmapped) {
        let f = fold(&c.header);
        let words: Vec<&str> = f.split(' ').collect();
        let Some(at) = words.windows(2).position(|w| w == ["re", "audit"]).map(|i| i + 2).or_else(|| words.iter().position(|w| *w == "reaudit").map(|i| i + 1))
        else {
            continue;
        };
        // The number just after "re-audit" ("Re-audit 2 date") or at the end ("Date of re-audit 2").
        let number = words.get(at).and_then(|w| w.parse::<u32>().ok()).or_else(|| words.last().and_then(|w| w.parse::<u32>().ok()));
        let Some(n) = number.filter(|n| (1..=9).contains(n)) else { continue };
        let part = if words.contains(&"date") {
            0
        } else if words.iter().any(|w| matches!(*w, "judgement" | "judgment" | "grade" | "grading" | "rating" | "outcome" | "overall")) {
            1
        } else {
            continue;
        };
        parts.entry(n).or_default()[part].get_or_insert(c.index);
    }
    let slots: Vec<(u32, usize, usize)> = parts.into_iter().filter_map(|(n, [d, j])| Some((n, d?, j?))).collect();
    if slots.len() >= 2 {
        slots
    } else {
        Vec::new()
    }
}

/// "1) a 2) b 3) c" on one line as "1) a\n2) b\n3) c": only when it starts
/// with "1)" and each next number follows in order after a space.
fn break_inline_numbers(text: &str) -> String {
    let t = text.trim_start();
    if !(t.starts_with("1)") || t.starts_with("1.")) || text.contains('\n') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut next = 2u32;
    let mut rest = t;
    loop {
        let mark = [format!(" {next}) "), format!(" {next}. ")];
        match mark.iter().filter_map(|m| rest.find(m.as_str())).min() {
            Some(at) => {
                out.push_str(&rest[..at]);
                out.push('\n');
                rest = &rest[at + 1..];
                next += 1;
            }
            None => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// Which part of an action slot a folded header names: 0 the action, 1 who,
/// 2 due, 3 completed, 4 reviewed, 5 comments or status.
pub(crate) fn slot_part(f: &str) -> Option<usize> {
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    // (Seed 004's action plan: "Agreed Action", "Person", "Completion date"
    // (the timescale agreed), "Manager's sign off date" (when it was done).)
    Some(if f.contains("actual completion") {
        3
    } else if f.contains("by when")
        || f.contains("to be completed by")
        || f.contains("complete by")
        || f.contains("completion date")
        || has("due")
        || has("target")
        || has("deadline")
        // ("Timescale for recommendation 1": the date it is due by; not
        // "Timescales" alone, a question of practice.)
        || (["timescale", "timescales", "timeframe"].iter().any(|w| has(w)) && (has("action") || f.contains("recommendation") || has("rec")))
    {
        2
    } else if has("comment") || has("comments") || has("status") || has("outcome") || has("progress") || has("update") {
        5
    } else if has("completed") || has("complete") || has("confirmed") || has("done") || f.contains("signed off") || f.contains("sign off") {
        // ("TM confirmed complete": the date the manager signed it off.)
        3
    } else if f.contains("date reviewed") || f.contains("reviewed on") || f.contains("reviewed date") {
        4
    } else if has("who") || has("whom") || has("owner") || has("responsible") || has("person") {
        1
    } else if has("action") || has("actions") || f.contains("recommendation") || ((has("rec") || has("recs")) && !has("d")) {
        // (Not "Date rec'd", received.)
        0
    } else {
        return None;
    })
}

/// The actions of one cell written as numbered lines ("1. Convene …\n2.
/// Update …") or bullets ("• Record …\n• Complete …"), each with text; empty
/// for a cell of one action.
fn several_actions(text: &str) -> Vec<String> {
    let numbered: Vec<String> = numbered_lines(text).into_iter().map(|(_, t)| t).filter(|t| !t.is_empty()).collect();
    if numbered.len() >= 2 {
        return numbered;
    }
    const BULLETS: [char; 7] = ['•', '·', '*', '-', '–', '▪', '◦'];
    // (A line with no bullet goes on from the one before: a long item
    // wrapped onto a second line.)
    let mut items: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match items.last_mut() {
            _ if line.starts_with(BULLETS) => items.push(line.trim_start_matches(BULLETS).trim().to_string()),
            Some(last) => {
                last.push(' ');
                last.push_str(line);
            }
            // (A heading above the list: "Actions agreed with TM:".)
            None if line.ends_with(':') => {}
            None => return Vec::new(),
        }
    }
    items.retain(|t| !t.is_empty());
    if items.len() >= 2 {
        return items;
    }
    Vec::new()
}

/// A cell's numbered lines ("1) Update chronology\n2) Pathway plan"), by
/// number; empty when the cell is not written that way. A line with nothing
/// after its number is there, blank.
fn numbered_lines(text: &str) -> Vec<(u32, String)> {
    // Numbers on one line ("1) Update chronology 2) Review safety plan"): a
    // line break before each of 2), 3), … when they follow in order.
    let text = &break_inline_numbers(text);
    let mut out: Vec<(u32, String)> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        let rest = &t[digits.len()..];
        match (digits.parse::<u32>(), rest.chars().next()) {
            (Ok(n), Some(')' | '.' | ':')) | (Ok(n), None) => out.push((n, rest.get(1..).unwrap_or("").trim().to_string())),
            _ if !out.is_empty() && !t.is_empty() => {
                // A line that goes on from the one before.
                if let Some(last) = out.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(t);
                }
            }
            _ if t.is_empty() => {}
            _ => return Vec::new(),
        }
    }
    out
}

/// Numbers and the labels they stand for, written as "1 = Does not yet meet
/// good   2 = Meets good" (separated by spaces, commas, semicolons or bars).
fn key_pairs(text: &str) -> Vec<(i64, String)> {
    let b = text.as_bytes();
    // Where each "N =" starts, its number, and where its label starts.
    let mut marks: Vec<(usize, i64, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let mut j = i;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            if j < b.len() && b[j] == b'=' {
                if let Ok(n) = text[start..i].parse::<i64>() {
                    marks.push((start, n, j + 1));
                }
                i = j + 1;
            }
        } else {
            i += 1;
        }
    }
    marks
        .iter()
        .enumerate()
        .filter_map(|(k, &(_, n, from))| {
            let to = marks.get(k + 1).map(|m| m.0).unwrap_or(text.len());
            let label = text.get(from..to)?;
            // A label ends with its sentence ("1 = Inadequate. N/A where the
            // question is not relevant."): a full stop after a word of five
            // letters or more, not an abbreviation's ("Req. Improvement").
            let sentence_end = label.match_indices(". ").map(|(at, _)| at).find(|&at| label[..at].chars().rev().take_while(|c| c.is_alphabetic()).count() >= 5);
            let label = label[..sentence_end.unwrap_or(label.len())].trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|' | '.' | '…'));
            (!label.is_empty() && label.chars().any(char::is_alphabetic)).then(|| (n, label.to_string()))
        })
        .collect()
}

/// A key to numbered grades written above a table's header ("Key: 1 = Does not
/// yet meet good   2 = Meets good   3 = Exceeds good"): the first cell with two
/// or more numbers and labels.
fn preamble_key(above: &[SourceRow]) -> Vec<(i64, String)> {
    // A key to yes / no answers ("1 = Yes, 0 = No") is no key to grades.
    let answers = |k: &[(i64, String)]| k.iter().any(|(_, l)| answer(&Cell::text(l)).is_some());
    above
        .iter()
        .flat_map(|r| &r.cells)
        .filter_map(|c| if let Cell::Text(t) = c { Some(key_pairs(t)) } else { None })
        .find(|k| k.len() >= 2 && !answers(k))
        .unwrap_or_default()
}

/// The numbers a graded column's header explains ("Overall (1=Outstanding,
/// 2=Good, 3=RI, 4=Inadequate)"): pairs of a whole number and the label after
/// "=". A header saying "same scale" takes the overall column's.
fn header_keys(mapping: &TableMapping, preamble: &[(i64, String)], config: &Config, body: &[SourceRow]) -> Vec<(usize, Vec<(i64, String)>)> {
    let pairs = |h: &str| -> Vec<(i64, String)> {
        h.split([',', ';', '(', ')', '/'])
            .filter_map(|piece| {
                let (n, label) = piece.split_once('=')?;
                let n: i64 = n.trim().parse().ok()?;
                let label = label.trim().trim_end_matches(['.', '…']).trim();
                (!label.is_empty() && label.chars().any(char::is_alphabetic)).then(|| (n, label.to_string()))
            })
            .collect()
    };
    let graded = |c: &ColumnMap| matches!(c.target, Target::Domain(_)) || matches!(&c.target, Target::Field(f) if f == "overall" || f == "moderated_overall");
    let mut keys: Vec<(usize, Vec<(i64, String)>)> =
        mapping.columns.iter().filter(|c| graded(c)).map(|c| (c.index, pairs(&c.header))).filter(|(_, k)| !k.is_empty()).collect();
    // The overall's key; else the one key the table has (a Torbay overall is its Q12).
    let overall = mapping
        .field("overall")
        .and_then(|i| keys.iter().find(|(j, _)| *j == i))
        .or(if let [only] = keys.as_slice() { Some(only) } else { None })
        .map(|(_, k)| k.clone());
    if let Some(k) = overall {
        let same: Vec<usize> = mapping
            .columns
            .iter()
            .filter(|c| graded(c) && fold(&c.header).contains("same scale") && !keys.iter().any(|(j, _)| *j == c.index))
            .map(|c| c.index)
            .collect();
        keys.extend(same.into_iter().map(|i| (i, k.clone())));
    }
    // A key above the header: for the graded columns of numbers with none of their own.
    if !preamble.is_empty() {
        let numbered: Vec<usize> = mapping
            .columns
            .iter()
            .filter(|c| graded(c) && c.scale.as_deref() == Some(super::scales::NUMERIC) && !keys.iter().any(|(j, _)| *j == c.index))
            .map(|c| c.index)
            .collect();
        keys.extend(numbered.into_iter().map(|i| (i, preamble.to_vec())));
    }
    // A moderator's number with no key beside an overall graded in words on a
    // meets-good scale: seed 004's moderators write "'1' or does not yet meet
    // good", so the numbers are that scale's grades counted up from its lowest
    // (1 = Does not meet good, 2 = Meets good, 3 = Exceeds good), not a
    // four-point score whose 3 would be "Good" against the auditor's "Meets".
    // (The overall is a column of its own, or the framework's overall question: a Torbay Q12.)
    let overall_domain = mapping.framework.as_deref().and_then(|f| config.framework(f)).and_then(|f| f.overall_domain.as_deref());
    let overall_scale = mapping
        .columns
        .iter()
        .find(|c| match &c.target {
            Target::Field(f) => f == "overall",
            Target::Domain(d) => d.as_deref() == overall_domain && d.is_some() && mapping.field("overall").is_none(),
            _ => false,
        })
        .and_then(|c| c.scale.as_deref());
    if let Some(scale) = overall_scale.filter(|s| s.starts_with("meets_good")).and_then(|s| config.scales.iter().find(|x| x.id == s)) {
        let upward: Vec<(i64, String)> = scale.labels.iter().rev().zip(1..).map(|(l, n)| (n, l.label.clone())).collect();
        // Only numbers the scale has (1 to 3): a 4 says another scale.
        let within = |i: usize| {
            body.iter().filter_map(|r| r.cells.get(i)).filter(|c| !c.is_empty()).all(|c| match c {
                Cell::Number(n) => n.fract() == 0.0 && *n >= 1.0 && *n <= upward.len() as f64,
                Cell::Text(t) => t.trim().parse::<i64>().is_ok_and(|n| n >= 1 && n <= upward.len() as i64),
                _ => false,
            })
        };
        let moderator: Vec<usize> = mapping
            .columns
            .iter()
            .filter(|c| matches!(&c.target, Target::Field(f) if f == "moderated_overall"))
            .filter(|c| c.scale.as_deref() == Some(super::scales::NUMERIC) && !keys.iter().any(|(j, _)| *j == c.index) && within(c.index))
            .map(|c| c.index)
            .collect();
        keys.extend(moderator.into_iter().map(|i| (i, upward.clone())));
    }
    keys
}

/// Whether a sheet is turned on its side, and its column of field names: five
/// or more of the first column's texts (or the second's, beside section
/// numbers: "Section | Question | Case 1 | Case 2") are field names, half or
/// more of those rows with values have them in three or more columns to the
/// right, and no row across that is not a row of field names is a header as
/// good.
fn is_transposed(ctx: &Context, sample: &[SourceRow]) -> Option<Turned> {
    let known = |c: &Cell| matches!(c, Cell::Text(t) if ctx.is_known_header(t));
    let labels_in = |at: usize| sample.iter().filter(|r| r.cells.get(at).is_some_and(known)).count();
    // (The second column only beside numbers: a first column of ids, "BF302",
    // beside an action's words is a table of records.)
    // (Or lettered, "A", "1a": three characters at most.)
    // (Columns empty in every row before it are no part of it: a grid set
    // in from column A.)
    let width = sample.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let lead = (0..width).find(|&c| sample.iter().any(|r| r.cells.get(c).is_some_and(|x| !x.is_empty()))).unwrap_or(0);
    let numbered = |r: &SourceRow| {
        r.cells.get(lead).is_none_or(|c| {
            let t = c.as_string();
            !t.chars().any(char::is_alphabetic) || t.trim().chars().count() <= 3
        })
    };
    let beside_numbers = sample.iter().filter(|r| r.cells.get(lead + 1).is_some_and(known)).all(numbered);
    let at = if beside_numbers && labels_in(lead + 1) > labels_in(lead) * 2 && labels_in(lead + 1) >= 5 { lead + 1 } else { lead };
    let rec = &ctx.recogniser;
    let field_of = |c: &Cell| -> Option<String> {
        let Cell::Text(t) = c else { return None };
        rec.field_in(&[&rec.audit, &rec.action, &rec.case_note, &rec.episode], t)
    };
    let values = |r: &SourceRow| r.cells.iter().skip(at + 1).filter(|c| !c.is_empty()).count();
    // A row of children's ids across three records or more heads a grid of
    // audits: its rows naming a domain by their words ("Q1 Safety and risk",
    // no field's name) are its labels too. (A form's one child id, beside
    // grades by auditor and moderator, heads no grid.)
    // (Ids: a form's second pair of label and answer, "C2001 | Team: | CLA", is none.)
    let ids_across = sample.iter().any(|r| {
        let ids = || r.cells.iter().skip(at + 1).filter(|c| super::recognise::is_id_value(c)).count();
        values(r) >= 3 && r.cells.get(at).is_some_and(|c| known(c) && field_of(c).as_deref() == Some("child_id")) && ids() >= 3
    });
    let label = |c: &Cell| known(c) || (ids_across && matches!(c, Cell::Text(t) if super::columns::label_domain(ctx.config, t).is_some()));
    let labelled: Vec<&SourceRow> = sample.iter().filter(|r| r.cells.get(at).is_some_and(label)).collect();
    // Field names are each written once: a first column whose values repeat
    // ("Completed", "Completed", …; a question per answer row) is a column of records.
    let distinct: std::collections::HashSet<String> = labelled.iter().filter_map(|r| r.cells.get(at)).map(|c| fold(&c.as_string())).collect();
    let first_column = sample.iter().filter(|r| r.cells.get(at).is_some_and(|c| !c.is_empty())).count();
    if distinct.len() < 5 || distinct.len() < labelled.len() || distinct.len() * 2 < first_column {
        return None;
    }
    // (A field no record answered, the moderation of a cycle not yet
    // moderated, says nothing either way.)
    // (Three records or more: a form's one answer beside each label is a form.)
    let filled = labelled.iter().filter(|r| values(r) > 0).count();
    let wide = labelled.iter().filter(|r| values(r) >= 3).count();
    // (Told first: a form, one answer beside each label, is most sheets
    // with labels down a column, and the checks below look up each name.)
    if filled < 5 || wide * 2 < filled {
        return None;
    }
    // (Counted by the fields they name: a row of field names' values may look
    // like names, "Looked After Team" and "Safeguarding Team 1" in its team
    // row, all of them a team.)
    let best_across =
        sample.iter().map(|r| r.cells.iter().filter(|c| known(c)).filter_map(field_of).collect::<std::collections::HashSet<String>>().len()).max().unwrap_or(0);
    // (A second column of field names to the right, "Form ID", "Auditor",
    // "Date audit finalised" beside their values, is a form's.)
    let width = sample.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    // (Not a value naming its own row's field: "CIN North" in the team row.)
    // (Nearly all of that column's cells field names: a record's column has
    // values, some of which look like names, "Finalised", "Social worker".)
    let names_right = (at + 1..width).any(|c| {
        let fields: std::collections::HashSet<String> = labelled
            .iter()
            .filter_map(|r| {
                let x = r.cells.get(c).filter(|x| known(x))?;
                let f = field_of(x)?;
                (Some(&f) != r.cells.get(at).and_then(field_of).as_ref()).then_some(f)
            })
            .collect();
        let filled = labelled.iter().filter(|r| r.cells.get(c).is_some_and(|x| !x.is_empty())).count();
        let names = labelled.iter().filter(|r| r.cells.get(c).is_some_and(known)).count();
        fields.len() >= 3 && names * 5 >= filled * 4
    });
    // (Names of several fields: a summary's team names down its first
    // column are all one field's values.)
    // (A question no field names, "Q7 Plans", counts by its own words.)
    let fields_down: std::collections::HashSet<String> =
        labelled.iter().filter_map(|r| r.cells.get(at)).map(|c| field_of(c).unwrap_or_else(|| fold(&c.as_string()))).collect();
    // (Beside numbers, a child's id among the labels: a dashboard of measures
    // by month, "No. | Measure | Jul-26 | Aug-26", is no grid of records.)
    // Or children's ids heading the records' columns, with no id row ("Q |
    // Question | C7001 | C7002 | C7003"): the sheet's first filled row, three
    // ids or more, each once, under no label of a field.
    let has_child = fields_down.contains("child_id");
    let ids_head = (!has_child).then(|| ids_heading(sample, at, |c| known(c))).flatten();
    // A column right of the "labels" holding one kind of value all the way
    // down, children's ids or dates ("GM90110", "GM90101", …), is one
    // field's column: a record's column mixes an id, a team, dates and
    // grades. (Its first column is then free text that happens to read like
    // field names: "Update the plan", "Visits to be weekly".) (Not where ids
    // head the columns with no label: each record's labelled cells may then
    // all be dates.)
    // (Below a first row of field names across, its header.)
    let header = sample.iter().position(|r| !r.is_blank()).filter(|&h| {
        let names: Vec<&Cell> = sample[h].cells.iter().filter(|c| !c.is_empty()).collect();
        names.len() >= 3 && names.iter().all(|c| known(c))
    });
    let below: Vec<&SourceRow> = match header {
        Some(h) => labelled.iter().copied().filter(|r| r.row > sample[h].row).collect(),
        None => labelled.clone(),
    };
    let one_field_column = ids_head.is_none()
        && (at + 1..width).any(|c| {
            let cells: Vec<&Cell> = below.iter().filter_map(|r| r.cells.get(c)).filter(|x| !x.is_empty()).collect();
            cells.len() >= 4 && (cells.iter().all(|x| super::recognise::is_id_value(x)) || cells.iter().all(|x| super::recognise::is_date_value(x)))
        });
    let turned =
        best_across * 2 < labelled.len() && !names_right && !one_field_column && fields_down.len() >= 4 && (at == 0 || has_child || ids_head.is_some());
    turned.then_some(Turned { at, ids_head, ids_row: ids_across || ids_head.is_some() })
}

/// A sheet turned on its side: its column of field names, and the row
/// whose cells are the records' children's ids when no label names it.
#[derive(Debug, Clone, Copy)]
struct Turned {
    at: usize,
    ids_head: Option<usize>,
    /// Whether a row of children's ids runs across the records.
    ids_row: bool,
}

/// The sheet's first filled row, when its cells right of the labels are
/// three or more ids, each once, and its own label cell names no field.
fn ids_heading(sample: &[SourceRow], at: usize, known: impl Fn(&Cell) -> bool) -> Option<usize> {
    let r = sample.iter().position(|r| !r.is_blank())?;
    let row = &sample[r];
    if row.cells.get(at).is_some_and(&known) {
        return None;
    }
    let values: Vec<&Cell> = row.cells.iter().skip(at + 1).filter(|c| !c.is_empty()).collect();
    let mut distinct: Vec<String> = values.iter().map(|c| fold(&c.as_string())).collect();
    distinct.sort();
    distinct.dedup();
    (values.len() >= 3 && distinct.len() == values.len() && values.iter().all(|c| super::recognise::is_id_value(c))).then_some(r)
}

/// The code and meaning columns of a key's header ("Code" / "Meaning",
/// "Abbreviation" / "Description"), if it is one.
/// A key is a small table (five columns at most), so a table of records with
/// a "Code" column is not one. Also what its codes are codes of ("team" for
/// "team_cd"), when its header says.
/// The old and new id columns of a map of child ids a system change replaced:
/// at most four headed columns, two of them ids, one headed old ("old ID",
/// "Previous ID", "Legacy ref") and one new ("new ID", "Current ID"), or each
/// naming a case-management system ("LCS ID" / "Eclipse ID": the first is
/// read as the old).
/// The group and child columns of a list of family or sibling groups: at
/// most four headers, one naming a family, sibling or group reference
/// ("Family group ref", "Sibling group ID") and one a child's id.
fn family_group_columns(header: &[Cell]) -> Option<(usize, usize)> {
    const ID: [&str; 6] = ID_WORDS;
    let words: Vec<Vec<String>> = header.iter().map(|c| fold(&c.as_string()).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()).collect();
    if words.iter().filter(|w| !w.is_empty()).count() > 4 {
        return None;
    }
    let has = |i: usize, set: &[&str]| words[i].iter().any(|w| set.contains(&w.as_str()));
    let ids: Vec<usize> = (0..words.len()).filter(|&i| has(i, &ID) && words[i].len() <= 5).collect();
    let groups: Vec<usize> = ids.iter().copied().filter(|&i| has(i, &["family", "sibling", "siblings", "group"])).collect();
    let children: Vec<usize> =
        ids.iter().copied().filter(|&i| !groups.contains(&i) && has(i, &["child", "childs", "person", "client", "cyp", "young"])).collect();
    match (groups.as_slice(), children.as_slice()) {
        ([g], [c]) => Some((*g, *c)),
        _ => None,
    }
}

/// Words that make a header an identifier's ("Family group ref", "old ID").
const ID_WORDS: [&str; 6] = ["id", "ref", "reference", "number", "no", "identifier"];

/// A map of old child ids to new ones: its old and new columns, and
/// whether its header's words say which is which ("Old ID", "New ID"), not
/// only two systems' names.
fn id_map_columns(header: &[Cell]) -> Option<(usize, usize, bool)> {
    const ID: [&str; 6] = ID_WORDS;
    const OLD: [&str; 6] = ["old", "previous", "legacy", "former", "original", "from"];
    const NEW: [&str; 5] = ["new", "current", "replacement", "to", "latest"];
    const SYSTEMS: [&str; 11] = ["carefirst", "lcs", "liquidlogic", "mosaic", "eclipse", "caredirector", "paris", "azeus", "protocol", "frameworki", "icd"];
    let words: Vec<Vec<String>> = header
        .iter()
        .map(|c| {
            fold(&c.as_string())
                .replace("care first", "carefirst")
                .replace("care director", "caredirector")
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect();
    if words.iter().filter(|w| !w.is_empty()).count() > 4 {
        return None;
    }
    let ids: Vec<usize> = (0..words.len()).filter(|&i| words[i].iter().any(|w| ID.contains(&w.as_str())) && words[i].len() <= 4).collect();
    let has = |i: usize, set: &[&str]| words[i].iter().any(|w| set.contains(&w.as_str()));
    let old = ids.iter().copied().filter(|&i| has(i, &OLD)).collect::<Vec<_>>();
    let new = ids.iter().copied().filter(|&i| has(i, &NEW)).collect::<Vec<_>>();
    if let ([o], [n]) = (old.as_slice(), new.as_slice()) {
        return (o != n).then_some((*o, *n, true));
    }
    let system = |i: &usize| words[*i].iter().find(|w| SYSTEMS.contains(&w.as_str())).cloned();
    match ids.as_slice() {
        [a, b] if system(a).is_some() && system(b).is_some() && system(a) != system(b) => Some((*a, *b, false)),
        _ => None,
    }
}

/// A staff list's columns ([`staff_columns`]).
struct StaffColumns {
    name: usize,
    team: usize,
    from: Option<usize>,
    to: Option<usize>,
    previous: Option<usize>,
}

/// A staff list: one column of people ("Name", "Staff name", "Worker") and
/// one of their teams ("Team", "Pod"), with at most a few more (their job
/// title, line manager, service), and where it says, since when ("From",
/// "Start date", "In team since", "Team since") and until when ("To", "End
/// date") each line holds, and the team before ("Previous team").
fn staff_columns(header: &[Cell]) -> Option<StaffColumns> {
    let folded: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    let filled = folded.iter().filter(|h| !h.is_empty()).count();
    let one = |names: &[&str]| -> Option<Option<usize>> {
        let found: Vec<usize> = (0..folded.len()).filter(|&i| names.contains(&folded[i].as_str())).collect();
        match found.as_slice() {
            [] => Some(None),
            [i] => Some(Some(*i)),
            _ => None,
        }
    };
    let name = one(&["name", "staff name", "full name", "worker", "worker name", "employee", "employee name", "staff member", "practitioner", "person"])??;
    let team = one(&["team", "team name", "pod", "unit", "current team", "team now"])??;
    let from = one(&["from", "start", "start date", "date from", "in team since", "team since", "since", "in post from", "joined team"])?;
    let to = one(&["to", "end", "end date", "date to", "until", "left team", "in post to"])?;
    let previous = one(&["previous team", "former team", "old team", "team before"])?;
    // (Not a list of audits named for their children, "Name | Auditor |
    // Unit | Deadline | Overall quality": a bare "Name" beside an audit's
    // columns. A staff list grades no one; its lists of auditors and grades
    // beside "Worker" leave it one.)
    let of_audits = folded[name] == "name"
        && folded.iter().any(|h| h.split(' ').any(|w| matches!(w, "audit" | "auditor" | "grade" | "judgement" | "judgment" | "overall" | "deadline")));
    (filled <= 7 && !of_audits).then_some(StaffColumns { name, team, from, to, previous })
}

/// What a restructure table's lines are of ([`rename_columns`]), in [`CodeMeaning::of`].
pub(crate) const TEAM_RENAMED: &str = "team renamed";

/// A restructure's table of old and new team names: the one column naming a
/// team as it was ("Old team", "Previous team name", "Team (up to
/// 30/09/2026)") and the one naming it as it is ("New team", "Team (from
/// 01/10/2026)"). A staff list's "Team" beside "Previous team" is neither:
/// its "Team" does not say new.
fn rename_columns(header: &[Cell]) -> Option<(usize, usize)> {
    const TEAM: [&str; 8] = ["team", "teams", "pod", "district", "unit", "hub", "locality", "patch"];
    const OLD: [&str; 8] = ["old", "previous", "former", "formerly", "was", "before", "until", "prior"];
    const NEW: [&str; 6] = ["new", "now", "current", "becomes", "after", "from"];
    let words: Vec<Vec<String>> = header.iter().map(|c| fold(&c.as_string()).split(' ').map(str::to_string).collect()).collect();
    // (A team's manager, "Team Manager from 01/10/2026", is a person, not a team.)
    const PERSON: [&str; 4] = ["manager", "leader", "head", "contact"];
    let has = |w: &[String], set: &[&str]| w.iter().any(|x| set.contains(&x.as_str())) && !w.iter().any(|x| PERSON.contains(&x.as_str()));
    let up_to = |w: &[String]| w.windows(2).any(|p| p[0] == "up" && p[1] == "to");
    let old: Vec<usize> = (0..words.len()).filter(|&i| has(&words[i], &TEAM) && (has(&words[i], &OLD) || up_to(&words[i])) && !has(&words[i], &NEW)).collect();
    let new: Vec<usize> = (0..words.len()).filter(|&i| has(&words[i], &TEAM) && has(&words[i], &NEW) && !has(&words[i], &OLD) && !up_to(&words[i])).collect();
    // (A list of people and their teams, "Name | Old team | New team | Date
    // of move" or a staff list's "Name | Current team | Previous team", moves
    // people, not teams.)
    let people = words.iter().any(|w| names_people(&w.join(" ")));
    match (old.as_slice(), new.as_slice()) {
        ([o], [n]) if !people && words.iter().filter(|w| w.iter().any(|x| !x.is_empty())).count() <= 6 => Some((*o, *n)),
        _ => None,
    }
}

/// Whether a folded header names the people of a list of staff ("Name",
/// "Staff name", "Worker", "Social worker").
fn names_people(folded: &str) -> bool {
    matches!(
        folded,
        "name"
            | "full name"
            | "staff name"
            | "worker"
            | "worker name"
            | "staff"
            | "staff member"
            | "employee"
            | "employee name"
            | "person"
            | "surname"
            | "first name"
            | "forename"
            | "social worker"
            | "practitioner"
    )
}

/// Whether a folded header names a team: "Team", "Team name", or one of the
/// configured audit field synonyms of the team ("District the child belongs to").
pub(crate) fn names_team(folded: &str, audit_fields: &BTreeMap<String, Vec<String>>) -> bool {
    const TEAM: [&str; 5] = ["team", "team name", "full team name", "name of team", "team full name"];
    TEAM.contains(&folded) || audit_fields.get("team").is_some_and(|t| t.iter().any(|n| n == folded))
}

/// `audit_fields`: the configured audit field synonyms, whose team names
/// ("District the child belongs to:") head a key's team column as "Team" does.
fn code_key_columns(header: &[Cell], audit_fields: &BTreeMap<String, Vec<String>>) -> Option<(usize, usize, Option<String>)> {
    const CODE: [&str; 7] = ["code", "codes", "key", "abbreviation", "short code", "type code", "status code"];
    const MEANING: [&str; 9] = ["meaning", "means", "description", "definition", "full name", "stands for", "explanation", "what it means", "full description"];
    let folded: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    if folded.iter().filter(|h| !h.is_empty()).count() > 5 {
        return None;
    }
    // A team list: "Code" / "Abbreviation" beside "Team" / "Team name".
    let names_team = |h: &str| names_team(h, audit_fields);
    // (Not a staff list: "Code", "Name", "Team" gives people's initials.)
    let people = folded.iter().any(|h| names_people(h));
    if let (Some(code), Some(team), false) = (folded.iter().position(|h| CODE.contains(&h.as_str())), folded.iter().position(|h| names_team(h)), people) {
        return Some((code, team, Some("team".to_string())));
    }
    if let (Some(code), Some(meaning)) = (folded.iter().position(|h| CODE.contains(&h.as_str())), folded.iter().position(|h| MEANING.contains(&h.as_str()))) {
        return Some((code, meaning, None));
    }
    // A reference table of one thing's codes and names ("team_cd",
    // "team_name"; a warehouse's dimension, "TEAM_SK", "TEAM_NAME"; the
    // code under the thing's own name, "OBS_TYPE" beside "OBS_TYPE_DESC").
    let dimension = folded.iter().enumerate().find_map(|(code, h)| {
        let thing = h.strip_suffix(" cd").or_else(|| h.strip_suffix(" code")).or_else(|| h.strip_suffix(" sk")).unwrap_or(h);
        let meaning = folded.iter().position(|m| [" name", " description", " desc"].iter().any(|s| *m == format!("{thing}{s}")))?;
        (!thing.is_empty()).then(|| (code, meaning, Some(thing.to_string())))
    });
    // "Code" beside one other heading, the thing the codes stand for ("Code",
    // "Case note type"): that column says what each code means.
    let named: Vec<usize> = (0..folded.len()).filter(|&i| !folded[i].is_empty()).collect();
    dimension.or_else(|| match named.as_slice() {
        [a, b] if !people => {
            let (code, other) = if CODE.contains(&folded[*a].as_str()) { (*a, *b) } else { (*b, *a) };
            (CODE.contains(&folded[code].as_str()) && !CODE.contains(&folded[other].as_str())).then(|| (code, other, Some(folded[other].clone())))
        }
        _ => None,
    })
}

/// An audit key's framework that stands for any ([`TableReader::add_audit`]):
/// matched only between a copy whose framework was not told and one whose was.
const ANY_FRAMEWORK: &str = "*";

/// What [`referenced_id`] gives for the row above.
const ROW_ABOVE: &str = "^";

/// The id a spoken-to cell points at for its answer, folded: it starts "As",
/// "See", "Same as", "As per" or "Refer to" and names something with a digit
/// in it (a child's id: "As TH50322", "See TH50231 - mother seen").
/// "As above", "Same as above", "See above" and "Ditto" point at the row
/// above: [`ROW_ABOVE`].
fn referenced_id(text: &str) -> Option<String> {
    let f = fold(text);
    let first = f.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if ["as above", "same as above", "see above"].iter().any(|p| f.starts_with(p)) || first == "ditto" {
        return Some(ROW_ABOVE.to_string());
    }
    let rest = ["same as ", "as per ", "refer to ", "see ", "as "].iter().find_map(|p| f.strip_prefix(p))?;
    let id = rest.split(|c: char| !c.is_alphanumeric()).next()?;
    (id.len() >= 3 && id.bytes().any(|b| b.is_ascii_digit())).then(|| id.to_string())
}

/// Spoken-to cells that point at another row ("As TH50322") take that row's
/// answer, when the id they name is a child audited in the same table whose
/// answer was read; otherwise they stay blank, with a warning.
fn answers_by_reference(
    audits: &mut [super::model::Audit],
    refs: &[(u32, &'static str, String, String, Option<chrono::NaiveDate>)],
    file: &str,
    sheet: Option<&str>,
    findings: &mut Findings,
) {
    for (row, field, header, text, completed) in refs {
        let named = referenced_id(text).unwrap_or_default();
        let given = if named == ROW_ABOVE {
            audits.iter().filter(|a| a.origin.row < *row).max_by_key(|a| a.origin.row)
        } else {
            // (The child's audit nearest this one in time: a sibling's same-day
            // audit, not the child's audit of months before.)
            let key = super::identity::child_key(&named);
            let days = |a: &super::model::Audit| match (a.completed, completed) {
                (Some(x), Some(y)) => (x - *y).num_days().abs(),
                _ => i64::MAX,
            };
            audits
                .iter()
                .filter(|a| a.origin.row != *row && super::identity::child_key(&a.child_id) == key && a.spoken(field) != super::model::Answer::Blank)
                .min_by_key(|a| days(a))
        }
        .map(|a| (a.spoken(field), a.origin.row))
        .filter(|(answer, _)| *answer != super::model::Answer::Blank);
        let Some(at) = audits.iter().position(|a| a.origin.row == *row) else { continue };
        match given {
            Some((answer, other)) => {
                *audits[at].spoken_mut(field) = answer;
                findings.push(
                    Severity::Info,
                    "answer_by_reference",
                    file,
                    sheet,
                    Some(*row),
                    Some(header),
                    text.clone(),
                    format!("points at another row: read as that row's answer ({}, row {other})", answer.as_str()),
                );
            }
            None => findings.push(
                Severity::Warning,
                "unknown_answer",
                file,
                sheet,
                Some(*row),
                Some(header),
                text.clone(),
                "points at another row, but no audit of that child in this table has an answer here: left blank",
            ),
        }
    }
}

/// A team written once above its rows (merged cells, or blanks meaning "same
/// as above"): its blank rows take the team above them. Read so only when the
/// table looks written that way: its first audit has a team, at least a third
/// of its audits have none, and no two audits in a row both name the same team
/// (a table with a team on every row repeats its teams row after row). A
/// warning names the rows.
fn fill_teams_down(audits: &mut [super::model::Audit], file: &str, sheet: Option<&str>, findings: &mut Findings, report: &mut TableReport) {
    let mut order: Vec<usize> = (0..audits.len()).collect();
    order.sort_by_key(|&i| audits[i].origin.row);
    let team = |i: usize| audits[i].team.as_deref().filter(|t| !t.trim().is_empty());
    let blank = order.iter().filter(|&&i| team(i).is_none()).count();
    let repeats = order.windows(2).any(|w| team(w[0]).is_some() && team(w[0]) == team(w[1]));
    if blank == 0 || blank * 3 < audits.len() || repeats || order.first().is_none_or(|&i| team(i).is_none()) {
        return;
    }
    // (Never across a change of service: a blank team under another service is
    // that service's, see `service_for_blank_team`.)
    let mut above: Option<(String, Option<String>)> = None;
    let mut filled = Vec::new();
    for &i in &order {
        let a = &mut audits[i];
        if let Some(t) = a.team.as_deref().filter(|t| !t.trim().is_empty()) {
            above = Some((t.to_string(), a.service.clone()));
        } else if a.team.is_some() {
            // A cell that says no team was recorded is not "same as above".
        } else if let Some((team, _)) = above.as_ref().filter(|(_, s)| a.service.is_none() || *s == a.service) {
            a.team = Some(team.clone());
            filled.push(a.origin.row);
        }
    }
    let why = |n, rows| {
        format!(
        "the team is written once above its rows (merged cells, or blanks meaning \"same as above\"): {n} audits with a blank team take the team above them (rows {rows}). If a blank team means it was not recorded, fill in 'not recorded' on those rows"
    )
    };
    say_filled_down(&filled, ("team_filled_down", "team"), why, (file, sheet), findings, report);
}

/// In an audit table, an allocation date written once above its rows (typed
/// on the first audit of each round, the rows under it blank: blind set
/// 154's dunholme, with its teams written so too; reviews 247 and 248, with a
/// team on every row): its blank rows, with no month
/// or due date of their own, take the date above them. Read so only when the
/// first audit has a date, at least a third have none, a dated row comes
/// after a blank one, and no two audits in a row have the same date (a round
/// allocated on one day, written on every row, repeats it). A warning names
/// the rows.
fn fill_allocations_down(audits: &mut [super::model::Audit], file: &str, sheet: Option<&str>, findings: &mut Findings, report: &mut TableReport) {
    let mut order: Vec<usize> = (0..audits.len()).collect();
    order.sort_by_key(|&i| audits[i].origin.row);
    let none = |a: &super::model::Audit| a.allocated.is_none() && a.allocated_month.is_none() && a.due.is_none();
    let blank = order.iter().filter(|&&i| none(&audits[i])).count();
    let repeats = order.windows(2).any(|w| audits[w[0]].allocated.is_some() && audits[w[0]].allocated == audits[w[1]].allocated);
    if blank == 0 || blank * 3 < audits.len() || repeats || order.first().is_none_or(|&i| audits[i].allocated.is_none()) {
        return;
    }
    // (And a round's date over blank rows before the next round's: not a
    // tracker dated on every row down to those not allocated yet, listed
    // last with none; review 246's c12.)
    let first_blank = order.iter().position(|&i| none(&audits[i]));
    let rounds = first_blank.is_some_and(|b| order[b..].iter().any(|&i| audits[i].allocated.is_some()));
    if !rounds {
        return;
    }
    // (A blank row that was done or graded was allocated: its blank says
    // "same as above". Where every blank row is undone, the blanks are the
    // rows not allocated yet; review 246's c16.)
    let begun = |a: &super::model::Audit| a.completed.is_some() || a.overall.is_some();
    if !order.iter().any(|&i| none(&audits[i]) && begun(&audits[i])) {
        return;
    }
    // (The rows after the last date are its round's only where one of them
    // was done or graded, as a round's outstanding audits are (review 246's
    // c18): else they are the rows not allocated yet, listed last (review
    // 247's c64).)
    let last_dated = order.iter().rposition(|&i| audits[i].allocated.is_some());
    let tail_begun = last_dated.is_some_and(|l| order[l + 1..].iter().any(|&i| begun(&audits[i])));
    let mut above = None;
    let mut filled = Vec::new();
    for (at, &i) in order.iter().enumerate() {
        let a = &mut audits[i];
        if a.allocated.is_some() {
            above = a.allocated;
        } else if none(a) && above.is_some() && (tail_begun || last_dated.is_some_and(|l| at < l)) {
            a.allocated = above;
            filled.push(a.origin.row);
        }
    }
    let why = |n, rows| {
        format!(
            "the allocation date is written once above its rows (blanks meaning \"same as above\"): {n} audits with no allocation date take the date above them (rows {rows}). If a blank means it was not recorded, fill in the dates"
        )
    };
    say_filled_down(&filled, ("allocation_filled_down", "allocated date"), why, (file, sheet), findings, report);
}

/// Says, in the table's notes and a warning (`code`, on `field`), which rows
/// took a value written above them; nothing when none did.
fn say_filled_down(
    rows: &[u32],
    (code, field): (&'static str, &str),
    why: impl Fn(usize, String) -> String,
    (file, sheet): (&str, Option<&str>),
    findings: &mut Findings,
    report: &mut TableReport,
) {
    if rows.is_empty() {
        return;
    }
    let why = why(rows.len(), super::findings::some_rows(rows));
    report.notes.push(why.clone());
    findings.push(Severity::Warning, code, file, sheet, None, Some(field), rows.len().to_string(), why);
}

/// A text that says only that it was done, and when, with the year
/// ("Completed 29/09/2026", "Done - 19/10/2026", "Finalised 24/09/2026"):
/// that day. Nothing else may follow the date, nor come between (not
/// "Complete by 30/09/2026", "Completed 2/3 sections", "Completed
/// supervision 10/10/2026").
pub(crate) fn done_word_and_date(text: &str) -> Option<chrono::NaiveDate> {
    let f = text.trim().to_lowercase();
    let rest = ["completed", "complete", "finalised", "finalized", "done", "signed off"].iter().find_map(|w| f.strip_prefix(w))?;
    let rest = rest.trim_start_matches([' ', '-', '–', ':', ',']).trim_end_matches(['.', ' ']);
    if rest.is_empty() || !rest.starts_with(|c: char| c.is_ascii_digit()) || rest.contains(char::is_whitespace) {
        return None;
    }
    Cell::text(rest).as_date().filter(|_| rest.matches(['/', '-', '.']).count() == 2)
}

#[cfg(test)]
#[test]
fn only_a_word_of_done_and_its_date_dates_a_completion() {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 9, 29);
    assert_eq!(done_word_and_date("Completed 29/09/2026"), d);
    assert_eq!(done_word_and_date("Done - 29/09/2026."), d);
    for t in [
        "Complete by 30/09/2026",
        "Completed 2/3 sections",
        "Completed 3/9",
        "Completed supervision 10/10/2026, plan still to do",
        "Completed 29/09/2026 - returned",
    ] {
        assert_eq!(done_word_and_date(t), None, "{t}");
    }
}

/// A due rule (`days_after_allocation:14`) in words ("14 days after
/// allocation"), as the notes say it.
pub(crate) fn due_rule_words(rule: &str) -> String {
    if let Some(n) = rule.strip_prefix("days_after_allocation:") {
        format!("{n} days after allocation")
    } else if let Some(n) = rule.strip_prefix("working_days_after_allocation:") {
        format!("{n} working days after allocation")
    } else if rule == "end_of_cycle" {
        "at the end of the bi-monthly cycle of allocation".to_string()
    } else {
        "at the end of the allocation month".to_string()
    }
}

/// The unit a timescale column's header gives its numbers ("Timescale
/// (weeks)", "Target (working days)", "Weeks to complete"), if it is one.
fn timescale_unit(header: &str) -> Option<&'static str> {
    let f = fold(header);
    let has = |w: &str| f.split(' ').any(|x| x == w);
    let names_time = ["timescale", "timescales", "timeframe", "target", "due", "deadline", "within", "complete", "completion"].iter().any(|w| has(w))
        || contains_phrase(&f, "time scale");
    let unit = if contains_phrase(&f, "working days") {
        "working days"
    } else if has("weeks") || has("wks") || has("week") {
        "weeks"
    } else if has("days") {
        "days"
    } else if has("months") {
        "months"
    } else {
        return None;
    };
    names_time.then_some(unit)
}

#[cfg(test)]
#[test]
fn a_timescale_columns_unit_is_read_from_its_header() {
    assert_eq!(timescale_unit("Timescale (weeks)"), Some("weeks"));
    assert_eq!(timescale_unit("Target (working days)"), Some("working days"));
    assert_eq!(timescale_unit("Weeks to complete"), Some("weeks"));
    assert_eq!(timescale_unit("Timescale"), None);
    assert_eq!(timescale_unit("Days open"), None);
}

/// An audit's further actions on the rows under its first, with its child
/// and audit date written once, on the first ("AS41001 | 20/07/2026 | 1.
/// Update chronology", then " | | 2. Safety plan reviewed"): each row with
/// no child, no audit and no audit date, right under an action of one (no
/// blank row between) and with every cell left of its words blank, is that
/// audit's action, with a warning. (Not a row of words alone, with no owner
/// and no date: the action above's words going on, "… (cont.)".)
fn fill_actions_down(
    actions: &mut [super::model::Action],
    labelled: &[u32],
    file: &str,
    sheet: Option<&str>,
    findings: &mut Findings,
    report: &mut TableReport,
) {
    let mut order: Vec<usize> = (0..actions.len()).collect();
    order.sort_by_key(|&i| actions[i].origin.row);
    let unnamed = |a: &super::model::Action| a.child_id.as_deref().is_none_or(|c| c.trim().is_empty()) && a.audit_id.is_none() && a.audit_date.is_none();
    let words_alone = |a: &super::model::Action| {
        a.owner.as_deref().is_none_or(|o| o.trim().is_empty()) && a.set.is_none() && a.due.is_none() && a.due_in.is_none() && a.completed.is_none()
    };
    let mut filled = Vec::new();
    for w in 1..order.len() {
        let (above, i) = (order[w - 1], order[w]);
        if !unnamed(&actions[i])
            || words_alone(&actions[i])
            || labelled.contains(&actions[i].origin.row)
            || unnamed(&actions[above])
            || actions[above].origin.row + 1 != actions[i].origin.row
        {
            continue;
        }
        let (child, audit, date) = (actions[above].child_id.clone(), actions[above].audit_id.clone(), actions[above].audit_date);
        let a = &mut actions[i];
        (a.child_id, a.audit_id, a.audit_date) = (child, audit, date);
        filled.push(a.origin.row);
    }
    let why = |n, rows| {
        format!(
        "an audit's child and audit date are written once, on its first action: {n} actions with neither, right under an action that has them, are read as that audit's (rows {rows}). If they belong to no audit, give their child's id"
    )
    };
    say_filled_down(&filled, ("actions_filled_down", "child_id"), why, (file, sheet), findings, report);
}

/// Audits with no team but a service ("Care Leavers Service" on a row that
/// names no team under it): the service is shown as their team, with a note.
fn service_for_blank_team(audits: &mut [super::model::Audit], file: &str, sheet: Option<&str>, findings: &mut Findings, report: &mut TableReport) {
    let mut rows = Vec::new();
    for a in audits.iter_mut().filter(|a| a.team.as_deref().is_none_or(|t| t.trim().is_empty())) {
        if let Some(service) = a.service.as_deref().filter(|s| !s.trim().is_empty()) {
            a.team = Some(service.to_string());
            rows.push(a.origin.row);
        }
    }
    if rows.is_empty() {
        return;
    }
    let why = format!(
        "{} audits name a service but no team: the service is shown as their team (rows {}). If the team was not recorded, fill in 'not recorded'",
        rows.len(),
        super::findings::some_rows(&rows)
    );
    report.notes.push(why.clone());
    findings.push(Severity::Warning, "service_as_team", file, sheet, None, Some("team"), rows.len().to_string(), why);
}

/// A "spoken to" column most of whose filled cells are not yes, no or not
/// applicable ("Parents' views obtained by telephone") is not used: its KPI
/// would rest on the few answers that happen to read ("Parents declined": no)
/// and say 0%. Its audits leave that KPI, as from a table without the column.
fn drop_unread_answers(
    counts: &BTreeMap<String, (u64, u64, u64)>,
    file: &str,
    sheet: Option<&str>,
    model: &mut Model,
    findings: &mut Findings,
    report: &mut TableReport,
) {
    // Most cells not answers, or most of them sentences (read, if at all, by a word inside).
    let unused = |read: u64, unread: u64, prose: u64| (unread >= 3 && unread >= read) || (prose >= 3 && prose * 2 >= read + unread);
    for (field, &(read, unread, prose)) in counts.iter().filter(|(f, &(read, unread, prose))| f.starts_with("spoke_") && unused(read, unread, prose)) {
        let target = Target::Field(field.clone());
        let Some(column) = report.columns.iter_mut().find(|c| c.target == target) else { continue };
        let why = if unread >= 3 && unread >= read {
            format!(
                "column '{}': {unread} of its {} filled cells are not yes, no or not applicable, so the answers that do read would not stand for it: not used for {field}",
                column.header,
                read + unread
            )
        } else {
            format!(
                "column '{}': {prose} of its {} filled cells are sentences, not yes or no (read, if at all, by a word inside them): not used for {field}",
                column.header,
                read + unread
            )
        };
        column.reason = format!("{} (not used: most values are not yes or no)", column.reason);
        column.target = Target::Unmapped;
        column.score = 0;
        report.notes.push(why.clone());
        findings.push(Severity::Warning, "answers_not_read", file, sheet, None, Some(&column.header.clone()), "", why);
        for a in model.audits.iter_mut().filter(|a| a.origin.file == file && a.origin.sheet.as_deref() == sheet) {
            *a.spoken_mut(field) = Answer::Blank;
        }
    }
}

/// A legal-status table with no end dates is a status history: each status
/// lasts until the child's next row (of any status, "Case closed" too), which
/// ends it the day before. Otherwise a child whose plan changed would be on
/// both plans at once.
/// Episodes from rows marked not current (with an end date) that another
/// episode of the same child, kind and start replaces: the earlier version
/// of that row, dropped with a note (a database extract's superseded row).
fn drop_earlier_versions(marked: &[usize], model: &mut Model, findings: &mut Findings, report: &mut TableReport) {
    if marked.is_empty() {
        return;
    }
    let key = |e: &super::model::Episode| (super::identity::tidy(&e.child_id).into_owned(), e.kind, e.start);
    let current: std::collections::HashSet<_> = model.episodes.iter().enumerate().filter(|(i, _)| !marked.contains(i)).map(|(_, e)| key(e)).collect();
    let drop: std::collections::HashSet<usize> = marked.iter().copied().filter(|&i| model.episodes.get(i).is_some_and(|e| current.contains(&key(e)))).collect();
    for &i in &drop {
        report.rows_accepted -= 1;
        report.reject(RECORD_RETIRED);
        let e = &model.episodes[i];
        findings.push(
            Severity::Info,
            "row_set_aside",
            &e.origin.file,
            e.origin.sheet.as_deref(),
            Some(e.origin.row),
            None,
            e.source_status.clone(),
            format!("{RECORD_RETIRED}: another row of the child has the same legal status and start, and is current: set aside"),
        );
    }
    let mut i = 0;
    model.episodes.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

/// A status history read from one table ([`end_by_next_status`]).
pub(crate) struct StatusHistory {
    /// Its columns' headers, folded: parts of one history share them.
    key: Vec<String>,
    file: String,
    sheet: Option<String>,
    changes: Vec<(String, chrono::NaiveDate)>,
}

/// A status history split into files under one header ("Legal status part
/// 1", "part 2"; a year's export each): a status still open at the end of
/// its own file lasts until the child's next row in any part, and ends the
/// day before it, as in one file.
pub(crate) fn end_histories_across_parts(ctx: &Context, tables: &mut [TableReport], model: &mut Model, findings: &mut Findings) {
    let histories = ctx.status_histories.take();
    let mut keys: Vec<&Vec<String>> = histories.iter().map(|h| &h.key).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let parts: Vec<&StatusHistory> = histories.iter().filter(|h| &h.key == key).collect();
        let files: std::collections::BTreeSet<&str> = parts.iter().map(|p| p.file.as_str()).collect();
        if files.len() < 2 {
            continue;
        }
        let by_child = changes_by_child(parts.iter().flat_map(|p| &p.changes));
        let in_parts = |e: &super::model::Episode| parts.iter().any(|p| p.file == e.origin.file && p.sheet == e.origin.sheet);
        let mut ended: Vec<(String, Option<String>)> = Vec::new();
        for e in model.episodes.iter_mut().filter(|e| e.end.is_none()) {
            if !in_parts(e) {
                continue;
            }
            if let Some(next) = next_change(&by_child, e) {
                e.end = next.pred_opt();
                ended.push((e.origin.file.clone(), e.origin.sheet.clone()));
            }
        }
        if ended.is_empty() {
            continue;
        }
        let names: Vec<&str> = files.iter().copied().collect();
        for (file, sheet) in ended.iter().collect::<std::collections::BTreeSet<_>>() {
            let n = ended.iter().filter(|(f, s)| f == file && s == sheet).count();
            let why = format!(
                "a status history in {} files under the same header ({}): {n} statuses open at the end of this one ended the day before the child's next row in another",
                names.len(),
                names.join(", ")
            );
            if let Some(t) = tables.iter_mut().find(|t| &t.file == file && &t.sheet == sheet) {
                t.notes.push(why.clone());
            }
            findings.push(Severity::Info, "status_history", file, sheet.as_deref(), None, None, n.to_string(), why);
        }
    }
}

/// A status history's changes (child, day) by child.
fn changes_by_child<'c>(changes: impl IntoIterator<Item = &'c (String, chrono::NaiveDate)>) -> std::collections::HashMap<&'c str, Vec<chrono::NaiveDate>> {
    let mut by_child: std::collections::HashMap<&str, Vec<chrono::NaiveDate>> = std::collections::HashMap::new();
    for (child, start) in changes {
        by_child.entry(child.as_str()).or_default().push(*start);
    }
    by_child
}

/// The child's next change of status after an episode's start.
fn next_change(by_child: &std::collections::HashMap<&str, Vec<chrono::NaiveDate>>, e: &super::model::Episode) -> Option<chrono::NaiveDate> {
    by_child.get(super::identity::tidy(&e.child_id).as_ref()).and_then(|starts| starts.iter().filter(|&&d| d > e.start).min().copied())
}

fn end_by_next_status(
    changes: &[(String, chrono::NaiveDate)],
    file: &str,
    sheet: Option<&str>,
    model: &mut Model,
    findings: &mut Findings,
    report: &mut TableReport,
) {
    let by_child = changes_by_child(changes);
    let mut ended = 0;
    for e in model.episodes.iter_mut().filter(|e| e.end.is_none() && e.origin.file == file && e.origin.sheet.as_deref() == sheet) {
        if let Some(next) = next_change(&by_child, e) {
            e.end = next.pred_opt();
            ended += 1;
        }
    }
    if ended > 0 {
        let why =
            format!("no end-date column: each legal status lasts until the child's next row (a status history); {ended} plans ended the day before the next");
        report.notes.push(why.clone());
        findings.push(Severity::Info, "status_history", file, sheet, None, None, "", why);
    }
}

/// The rows under the header `h` and every row after them, for a table that
/// is turned round (held in memory, up to [`super::long::MAX_ROWS`] rows; past
/// that, reading stops with an error).
fn read_all(
    sample: &mut Vec<SourceRow>,
    h: usize,
    rows: &mut Box<dyn Iterator<Item = Result<SourceRow, crate::ingest::IngestError>> + Send>,
    read_error: &mut Option<crate::ingest::IngestError>,
    file: &str,
    sheet: Option<&str>,
) -> Vec<SourceRow> {
    let mut body = sample.split_off(h + 1);
    for r in rows.by_ref() {
        if body.len() >= super::long::MAX_ROWS {
            let message =
                format!("a table to be turned round (one row per answer or per child) of more than {} rows: the rest was not read", super::long::MAX_ROWS);
            *read_error = Some(crate::ingest::IngestError { file: file.to_string(), sheet: sheet.map(str::to_string), message });
            *rows = Box::new(std::iter::empty());
            break;
        }
        match r {
            Ok(row) => body.push(row),
            Err(e) => {
                *read_error = Some(e);
                break;
            }
        }
    }
    body
}

/// The rows a long-format table folded into its audits' rows, in the table's
/// reconciliation and findings.
fn report_long(p: &super::long::Pivoted, file: &str, sheet: Option<&str>, findings: &mut Findings, report: &mut TableReport) {
    report.long_format = true;
    report.notes.push(p.note.clone());
    findings.push(Severity::Info, "long_format", file, sheet, None, None, "", p.note.clone());
    let extra = p.folded + p.duplicates.len() as u64 + p.conflicts.len() as u64 + p.edits.len() as u64;
    report.rows_read += extra;
    for _ in 0..p.folded {
        report.reject(LONG_FORMAT_ANSWER);
    }
    for &(row, first) in &p.duplicates {
        report.reject(DUPLICATE_ROW);
        findings.push(Severity::Info, "duplicate_row", file, sheet, Some(row), None, "", format!("exact duplicate of row {first}: not counted twice"));
    }
    for (row, question, used) in &p.edits {
        report.reject(LONG_FORMAT_EDITED);
        let why = format!("an answer to '{question}' edited later (row {used}, with a later time it was last changed): that one is used, this row not");
        findings.push(Severity::Info, "answer_edited", file, sheet, Some(*row), Some(question), "", why);
    }
    for (row, question, first) in &p.conflicts {
        report.reject("a second answer to one question");
        findings.push(
            Severity::Warning,
            "row_rejected",
            file,
            sheet,
            Some(*row),
            Some(question),
            "",
            format!("a second, different answer to '{question}' for the audit of row {first}: the first answer is kept, this row not used"),
        );
    }
}

/// Why a row was not used: the reason, the value seen, the column.
type RowError = (&'static str, String, Option<String>);

struct RowReader<'a> {
    ctx: &'a Context<'a>,
    /// The table is a service's plan ([`service_plan`]): its rows are no audit's actions.
    service_plan: bool,
    /// Unused columns headed as notes or comments ("Lead auditor notes"):
    /// where an allocation was never done, its note may say it was taken out
    /// of the sample ([`RowReader::noted_as_cancelled`]).
    note_columns: Vec<(usize, String)>,
    /// An audits table's column naming the agency whose section of a
    /// multi-agency audit a row is ("Agency": "Children's Social Care",
    /// "Health", "Police") ([`partner_agency`]).
    agency_column: Option<usize>,
    /// An audits table's column naming each row's kind of audit ([`kind_column`]).
    kind_column: Option<(usize, String)>,
    /// Every column headed as notes or comments, read or not ("Officer
    /// notes" read as evidence), of an audits or actions table: a note there
    /// may say to ignore its row ([`says_ignore_row`]).
    remark_columns: Vec<usize>,
    /// Each legal status's kind, worked out once per distinct text (an
    /// export repeats a few statuses on thousands of rows).
    status_kinds: std::cell::RefCell<crate::fasthash::FxHashMap<String, Option<&'a str>>>,
    /// A delimited text's delimiter and its header's width: a cell holding
    /// lines that look like rows is said ([`rows_in_a_cell`]).
    quote_check: Option<(u8, usize)>,
    /// The log's moderation date, grade or agreement column holds values (see [`RowReader::moderated`]).
    moderation_kept: bool,
    /// No team column: the service column gives the team.
    service_as_team: bool,
    /// No team or service column, and a sheet named for a team.
    sheet_team: Option<String>,
    /// A team column, in a file or tab of a set named one per team: the
    /// name's team and where it is ("file", "tab"), for a row whose team cell
    /// is blank or unfilled. Said once a table.
    named_team: Option<(String, &'static str)>,
    named_team_said: bool,
    /// The file's name without its part mark, where it has one ("Tracker
    /// part 2" is "tracker"): see [`RowReader::same_log`].
    part_of: Option<String>,
    /// Service and team in one column ("Safeguarding > CP West"), split at this.
    team_path: Option<(&'static str, bool)>,
    /// The table's text dates are written month first ("9/14/2026").
    month_first: bool,
    /// The table is a 1904 workbook's, and its date columns hold plain numbers.
    date1904: bool,
    /// A database extract's columns that retire a row (an earlier version, a deleted record).
    row_state: Vec<RowState>,
    /// The year most of the table's dates are in, for a date written with none ("Sept 3rd").
    usual_year: Option<i32>,
    /// The first and last of the table's dates, where within a year ([`own_span`]).
    own_span: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// The rule this table's own due dates follow, where it is not its
    /// framework's ([`own_due_rule`]): an audit with no due date is due by it.
    own_due_rule: Option<String>,
    /// An actions table's columns not recognised that hold dates, where it
    /// has no audit id or audit date column: kept on each action, for
    /// `normalise::audit_dates_from_columns`.
    unused_date_columns: Vec<usize>,
    /// An action list's column naming each action's audit by a title with
    /// the child's id ([`audit_named_column`]), read as its child id.
    audit_named: Option<usize>,
    /// An action list with no child or audit id whose actions' own words
    /// name the child ("Action – 7712043: Placement stability meeting", a
    /// plan's task): the id read from them ([`text_names_child`]).
    text_named: bool,
    /// Whether the table is seed 002's Part B, kept as a list of its own
    /// ([`super::join::part_of_columns`]): its rows skip the resubmission rule.
    part_b: bool,
    /// The column that orders the table's entries ([`entry_order_column`]).
    entry_order: Option<usize>,
    /// The table is a moderation log (rows go to `Model::moderations`).
    moderation_log: bool,
    file: &'a str,
    sheet: Option<&'a str>,
    mapping: &'a TableMapping,
    numeric: NumericDirection,
    /// How a row is keyed for exact duplicates.
    keys: RowKeys,
    /// Per yes / no field: answers read, and filled cells not read.
    answers_read: BTreeMap<String, (u64, u64, u64)>,
    /// Spoken-to cells that point at another row's answer ("As TH50322",
    /// "See TH50231 - mother seen about both children"): (row, field,
    /// header, text), resolved when the table is read ([`answers_by_reference`]).
    answer_refs: Vec<(u32, &'static str, String, String, Option<chrono::NaiveDate>)>,
    /// Action rows with a cell filled left of their words (an action's own
    /// reference, "CL-2601"): labelled rows, never an audit's further actions
    /// ([`fill_actions_down`]).
    labelled_actions: Vec<u32>,
    /// An action's timescale as a bare number under a header that gives its
    /// unit ("Timescale (weeks)": 4): the column and the unit.
    timescale_in_units: Option<(usize, &'static str)>,
    /// An action table with no completion or review date column: its
    /// statuses are its only record of completion (see [`Self::done_on`]).
    status_alone: bool,
    /// Each legal-status row's child (tidied) and start date, for a table with
    /// no end dates (a status history).
    status_changes: Vec<(String, chrono::NaiveDate)>,
    /// Episodes (indexes in `Model::episodes`) read from rows marked not
    /// current that carry an end date: an ended spell, unless another row of
    /// the child has the same kind and start (then an earlier version of it).
    ended_not_current: Vec<usize>,
    /// The key of the header row read as a row: the header again further down
    /// (an export's page break) is not a record.
    header_key: u64,
    /// The two lines of a header wrapped over two rows, each met again at a
    /// page break (see `header_wrapped`).
    wrapped_keys: Vec<u64>,
    blank_rows: Vec<u32>,
    /// Audit rows whose own status says the audit is still open, and the others.
    statuses: (u64, u64),
    /// Audits whose completion date is read from their status.
    completed_by_status: u64,
    /// Actions whose status says done with no date to say when (an action
    /// table with no completion column records completion only with none).
    undated_done: std::cell::Cell<u64>,
    source: u32,
    /// Field → (column index, header), worked out once per table. A short list:
    /// scanning it beats hashing the field name on every row.
    fields: Vec<(String, (usize, String))>,
    /// Actions written in numbered slots across an audit's row.
    slots: Vec<ActionSlot>,
    /// A column whose cells are JSON lists of the audit's actions ([`json_action_column`]).
    json_actions: Option<usize>,
    /// Numbered re-audits on the audit's row ([`reaudit_slots`]).
    reaudit_slots: Vec<(u32, usize, usize)>,
    /// An action plan with a row per audit ([`is_action_plan`]).
    action_plan: bool,
    /// A log of re-audits dated by the audit each follows up
    /// ([`reaudit_log`]): the row's answers are its re-audit's, and its
    /// original, where another table has read that audit (the same child and
    /// day), is not read again.
    reaudit_log: bool,
    /// A case note's kind where its type is blank ([`blank_type_visit`]).
    blank_visit: Option<NoteKind>,
    /// Graded columns whose header states what their numbers mean: column → (number, label).
    header_keys: Vec<(usize, Vec<(i64, String)>)>,
    /// Second columns of single-valued fields, read where the first is blank
    /// (two columns never both filled: see `map_table`).
    alternates: Vec<(String, (usize, String))>,
    /// The plan type for every row of a table that has no legal-status column.
    fixed_episode_type: Option<String>,
    /// Note type → kind, classified once per distinct type.
    note_kinds: crate::fasthash::FxHashMap<String, NoteKind>,
    /// Seen-alone answers read as neither yes, no nor not applicable, each
    /// said once ([`seen_alone_unread`]).
    pub(crate) seen_unread: std::collections::HashSet<String>,
    /// This table's audits by child (their places in the model).
    child_audits: std::cell::RefCell<crate::fasthash::FxHashMap<String, Vec<usize>>>,
    /// Whether the row being added says its audit moved between tools
    /// ([`super::migrated::mark`]): its versions are paired after reading.
    row_moved: std::cell::Cell<bool>,
    /// A table of seed 002's Part B alone by its columns or its name
    /// ([`super::join::part_of_table`]): its rows join their Part A after
    /// reading, under the Part A's id too.
    part_b_named: bool,
    /// Yes/no columns holding names or dates ("Moderated by: Jo", "Worker seen:
    /// Sam 05/10") read as yes: column → (count, first example).
    read_as_yes: BTreeMap<String, (u64, String)>,
    /// Date fields' filled cells: field → (filled, read as dates, holding a digit).
    date_tally: std::cell::RefCell<BTreeMap<String, (u64, u64, u64)>>,
    /// Parents' or carers' views read as their being spoken to, by column.
    views_as_yes: BTreeMap<String, (u64, String)>,
    /// The columns of revised dates, read before the dates they revise.
    revision_cols: Vec<usize>,
    /// Whether the family's spoken-to column answers yes or no in so many
    /// words in some of the rows looked at ("No - parents did not engage"):
    /// only then is a view written in it an answer (a column of views alone,
    /// even one telling of contact, records views, not who was spoken to).
    views_answered: bool,
    /// The child id's column where the report prints it once per group (see
    /// [`printed_once_per_group`]), and the id last printed.
    fill_down: Option<(usize, Option<Cell>)>,
    fill_said: bool,
    /// The field columns whose formula errors are counted ([`error_watch`]).
    error_watch: Vec<(usize, String)>,
    /// Formula errors found in them, in the same order.
    error_cells: ErrorCells,
}

/// Formula errors ("#REF!", "#N/A") found in a table's field columns, one
/// entry per watched column: how many, the first error, the first rows.
pub type ErrorCells = Vec<(u64, String, Vec<u32>)>;

/// Counts a formula error in the watched column `ordinal`.
pub fn note_error(cells: &mut ErrorCells, ordinal: usize, text: &str, row: u32) {
    if let Some((count, first, rows)) = cells.get_mut(ordinal) {
        if *count == 0 {
            first.push_str(text);
        }
        *count += 1;
        if rows.len() < 10 {
            rows.push(row);
        }
    }
}

/// The field columns of a table whose formula errors ("#REF!" where a team
/// or an id should be) are said in a `formula_error` warning: every field's
/// column but an audit's child id (its error is said row by row, and still
/// counts the audit).
fn error_watch(mapping: &TableMapping, fields: &[(String, (usize, String))], alternates: &[(String, (usize, String))]) -> Vec<(usize, String)> {
    let mut watch: Vec<(usize, String)> = Vec::new();
    for (f, (i, h)) in fields.iter().chain(alternates) {
        let audit_child = mapping.kind == TableKind::Audits && f == "child_id";
        let seen = watch.iter().any(|(j, _)| j == i);
        if !audit_child && !seen {
            watch.push((*i, h.clone()));
        }
    }
    watch
}

impl<'a> RowReader<'a> {
    /// A blank child id under a report's group takes the id printed above it
    /// ([`RowReader::fill_down`]); whether it did. Said once a table.
    fn fill_down(&mut self, row: &mut SourceRow, findings: &mut Findings) -> bool {
        let Some((i, last)) = &mut self.fill_down else { return false };
        let i = *i;
        // (A record has two or more values beside the id; a title line
        // between pages, "Event date from … | Run: …", is none.)
        if row.cells.iter().enumerate().filter(|(j, c)| *j != i && !c.is_empty()).count() < 2 {
            return false;
        }
        match row.cells.get(i) {
            Some(c) if !c.is_empty() => {
                *last = Some(c.clone());
                return false;
            }
            _ => {}
        }
        let Some(id) = last.clone() else { return false };
        if row.cells.len() <= i {
            row.cells.resize(i + 1, Cell::Empty);
        }
        row.cells[i] = id.clone();
        if !std::mem::replace(&mut self.fill_said, true) {
            let why =
                "the child's id is printed once per group of rows (a report that hides repeated values, even across a page): each blank id is the id above it";
            findings.push(Severity::Info, "child_id_filled_down", self.file, self.sheet, Some(row.row), None, id.as_string(), why);
        }
        true
    }

    fn row(&mut self, row: SourceRow, model: &mut Model, findings: &mut Findings, report: &mut TableReport) {
        report.rows_read += 1;
        if let Some((delimiter, width)) = self.quote_check {
            let lines = row
                .cells
                .iter()
                .map(|c| match c {
                    Cell::Text(t) => crate::ingest::looks_like_rows(t, delimiter, width),
                    _ => 0,
                })
                .sum();
            rows_in_a_cell(findings, self.file, self.sheet, row.row, lines);
        }
        if row.is_blank() {
            self.blank_rows.push(row.row);
            report.reject("blank row");
            return;
        }
        if super::corrections::deleted(&row) {
            return self.not_counted(&row, super::corrections::DELETED, "row_set_aside", report, findings);
        }
        if crate::ingest::workbook::is_struck(&row) {
            return self.not_counted(&row, STRUCK_THROUGH, "row_set_aside", report, findings);
        }
        if example_row(&row) {
            return self.not_counted(&row, EXAMPLE_ROW, "row_set_aside", report, findings);
        }
        // (In the child's id column of audits or legal status, or the audit
        // id's, "No data for the selected period" under a moderation log's
        // "Audit ID": a sentence alone elsewhere may be a record's one value,
        // and an action's text alone is a service-wide action.)
        let in_id = |row: &SourceRow| {
            ["child_id", "audit_id"].iter().any(|f| matches!(self.mapping.field(f).and_then(|i| row.cells.get(i)), Some(Cell::Text(t)) if lone_sentence(t)))
        };
        // (Not a Word form's lines, where a line alone may be an action
        // under the form's grid.)
        let form = crate::ingest::DOCUMENT_EXTENSIONS.contains(&crate::ingest::extension(std::path::Path::new(self.file)).as_str());
        // (Or beside the team it speaks of: "Care Leavers" | "No audit this
        // month - Care Leavers team on leave (September)", blind set 158's
        // ferncombe.)
        let grouping: Vec<usize> = ["team", "service"].iter().filter_map(|f| self.mapping.field(f)).collect();
        // (A team's name, in words: not a figure, "42%" beside "% good or better".)
        let named_team = |c: &Cell| matches!(c, Cell::Text(t) if t.chars().any(char::is_alphabetic));
        let alone_but_team = || {
            row.cells.iter().enumerate().filter(|(i, c)| !c.is_empty() && !grouping.contains(i)).count() == 1
                && grouping.iter().filter_map(|&i| row.cells.get(i)).all(|c| c.is_empty() || named_team(c))
        };
        if matches!(self.mapping.kind, TableKind::Audits | TableKind::Episodes) && !form && (row.lone_text().is_some() || alone_but_team()) && in_id(&row) {
            return self.not_counted(&row, LONE_SENTENCE, "row_set_aside", report, findings);
        }
        if let Some((why, text)) = super::board::marked(&row) {
            report.reject(why);
            findings.push(Severity::Info, "board_row", self.file, self.sheet, Some(row.row), None, text, format!("{why}: not counted"));
            return;
        }
        if let Some(text) = super::sections::marked(&row) {
            report.reject(super::sections::SECTION_ROW);
            findings.push(
                Severity::Info,
                "section_row",
                self.file,
                self.sheet,
                Some(row.row),
                None,
                text,
                format!("{}: its value is read into the rows below it; not counted", super::sections::SECTION_ROW),
            );
            return;
        }
        // A row its own notes say to ignore.
        if let Some(note) = self
            .remark_columns
            .iter()
            .filter_map(|i| row.cells.get(*i))
            .filter(|c| has_any(c, ignore_words()))
            .map(Cell::as_string)
            .find(|t| says_ignore_row(t))
        {
            report.reject(MARKED_IGNORE);
            findings.push(Severity::Info, "row_set_aside", self.file, self.sheet, Some(row.row), None, note, format!("{MARKED_IGNORE}: not counted"));
            return;
        }
        // A note that says a value should be another, in words ("Auditor
        // confirmed … that the overall judgement should be Requires
        // Improvement"): not made, and said.
        for i in &self.remark_columns {
            let Some(Cell::Text(t)) = row.cells.get(*i).filter(|c| has_any(c, correction_words())) else { continue };
            let f = fold(t);
            if ["should be", "should read", "should have been", "amended to", "corrected to"].iter().any(|p| contains_phrase(&f, p))
                && super::corrections::in_cell(t).is_none()
            {
                let header = self.mapping.columns.iter().find(|m| m.index == *i).map(|m| m.header.clone());
                let why = "a note says a value should be another: not made (write the value in its own cell, or in a corrections log); the figure it would change is as the export has it";
                findings.push(Severity::Warning, "correction_in_a_note", self.file, self.sheet, Some(row.row), header.as_deref(), t.clone(), why);
            }
        }
        // A correction written in the cell beside the old value ("29/08/2026
        // – should read 29/09/2026"): the value it should be.
        let mut row = row;
        for (i, c) in row.cells.iter_mut().enumerate() {
            if !has_any(c, correction_words()) {
                continue;
            }
            let Cell::Text(t) = c else { continue };
            // (A grade changed at moderation, "Inadequate – changed to RI at
            // moderation", where the table records the moderator's grade
            // apart: the auditor's grade stays, the moderation is its own.)
            let by_moderation = self.mapping.field("moderated_overall").is_some() && fold(t).contains("moderat");
            if let Some(value) = super::corrections::in_cell(t).filter(|v| self.same_kind(t, v) && !by_moderation) {
                let header = self.mapping.columns.iter().find(|m| m.index == i).map(|m| m.header.clone());
                let why = format!("a correction written in the cell: read as '{value}'");
                findings.push(Severity::Info, "cell_corrected", self.file, self.sheet, Some(row.row), header.as_deref(), t.clone(), why);
                *c = Cell::text(&value);
            }
        }
        if super::gradekey::key_row(&row).is_some() {
            return self.not_counted(&row, KEY_LINE, "key_line", report, findings);
        }
        if super::sections::is_furniture(&row) {
            let text = first_text(&row);
            if super::sections::says_cut_short(&text) {
                return super::sections::set_aside_cut_short(report, findings, self.file, self.sheet, row.row, &text);
            }
            return self.not_counted(&row, super::sections::FURNITURE, "report_furniture", report, findings);
        }
        if is_totals_row(&row) {
            report.reject("totals row");
            findings.push(Severity::Info, "totals_row", self.file, self.sheet, Some(row.row), None, first_text(&row), "a totals or summary row: not counted");
            return;
        }
        // (Or a title of two or three words with no figure where the child's
        // id goes, "September sample", "SOUTH DISTRICT", on a row otherwise
        // blank or filled only in the tool's own columns (a Smartsheet parent
        // row's "Modified"); review 256's c27.)
        if matches!(self.mapping.kind, TableKind::Audits | TableKind::Episodes) && !form && self.titled(&row) {
            return self.not_counted(&row, LONE_SENTENCE, "row_set_aside", report, findings);
        }
        // (On a legal-status list, "Is Current: No" beside an end date says the
        // spell ended, not that the row is an earlier version of another.)
        let ended_spell = self.mapping.kind == TableKind::Episodes && self.cell(&row, "end_date").is_some_and(|(c, _)| !c.is_empty());
        let retired = self.row_state.iter().find_map(|s| s.retired(&row));
        let ended_not_current = ended_spell && retired.is_some();
        if let Some((column, value)) = retired.filter(|_| !ended_spell) {
            report.reject(RECORD_RETIRED);
            findings.push(Severity::Info, "row_set_aside", self.file, self.sheet, Some(row.row), Some(&column), value, format!("{RECORD_RETIRED}: set aside"));
            return;
        }
        let key = self.keys.row_key(&row.cells, |c| self.as_date(c));
        if key == self.header_key || self.wrapped_keys.contains(&key) || import_ids(&row) {
            report.reject(REPEATED_HEADER);
            findings.push(Severity::Info, "repeated_header", self.file, self.sheet, Some(row.row), None, first_text(&row), REPEATED_HEADER_WHY);
            return;
        }
        let key = match self.fill_down(&mut row, findings) {
            true => self.keys.row_key(&row.cells, |c| self.as_date(c)),
            false => key,
        };
        if let Some((file, first)) = model.row_keys.first_or_insert(key, (self.source, row.row)) {
            report.reject(DUPLICATE_ROW);
            let place = if file == self.source { String::new() } else { format!(" of {}", model.note_shown(file)) };
            findings.push(
                Severity::Info,
                "duplicate_row",
                self.file,
                self.sheet,
                Some(row.row),
                None,
                first_text(&row),
                format!("exact duplicate of row {first}{place}: not counted twice"),
            );
            if file != self.source && self.mapping.kind == TableKind::Audits {
                let repeat = Origin { file: self.file.to_string(), sheet: self.sheet.map(str::to_string), row: row.row };
                model.audits_repeated.push((repeat, (file, first)));
            }
            return;
        }
        for (ordinal, (i, _)) in self.error_watch.iter().enumerate() {
            if let Some(Cell::Error(e)) = row.cells.get(*i) {
                note_error(&mut self.error_cells, ordinal, e, row.row);
            }
        }
        if let Some((_, width)) = self.quote_check.filter(|_| self.mapping.kind != TableKind::CaseNotes) {
            // More values than the header has names: a value holding the
            // delimiter, not in quotes ("Assessment, North"), has moved every
            // value after it one column on. Where, the row cannot say: said.
            // (Not yet for case notes: their columnar reader does not count a
            // row's values, and both readers must say the same.)
            if let Some(last) = row.cells.iter().rposition(|c| !c.is_empty()).filter(|&i| i >= width) {
                let why = format!("{} values where the header names {width} columns: {SHIFTED}", last + 1);
                findings.push(Severity::Warning, "row_wider_than_header", self.file, self.sheet, Some(row.row), None, row.cells[last].as_string(), why);
            }
        }
        let result = match self.mapping.kind {
            TableKind::Audits if self.moderation_log => self.moderation(&row, findings).map(|m| model.moderations.push(m)),
            // An action plan with a row per audit: its actions, linked to the
            // audit by child and date; the row is no audit of its own.
            TableKind::Audits if self.action_plan => self.audit(&row, findings).map(|a| {
                let (child, team, completed) = (a.child_id, a.team, a.completed);
                self.slot_actions_of(&row, None, child, team, completed, model, findings);
            }),
            TableKind::Audits => self.audit(&row, findings).and_then(|mut a| {
                // A re-audit on the row of the audit it follows is an audit of
                // its own (kept when the row's audit is another export's).
                // (The row's numbered action slots are its audit's.)
                let mut again = self.reaudit(&row, &a, findings);
                if self.reaudit_log {
                    if let Some(r) = again.first_mut() {
                        r.spoke_child = std::mem::replace(&mut a.spoke_child, Answer::Blank);
                        r.spoke_family = std::mem::replace(&mut a.spoke_family, Answer::Blank);
                        r.spoke_practitioner = std::mem::replace(&mut a.spoke_practitioner, Answer::Blank);
                        r.evidence = std::mem::take(&mut a.evidence);
                    }
                    let child = super::identity::child_key(&a.child_id);
                    let read = model.audits.iter().find(|x| {
                        (x.origin.file != a.origin.file || x.origin.sheet != a.origin.sheet)
                            && x.completed.is_some()
                            && x.completed == a.completed
                            && child.is_some()
                            && super::identity::child_key(&x.child_id) == child
                    });
                    if let Some(x) = read {
                        let place = match &x.origin.sheet {
                            Some(s) => format!("{} [{s}] row {}", x.origin.file, x.origin.row),
                            None => format!("{} row {}", x.origin.file, x.origin.row),
                        };
                        let why = format!("the audit this re-audit follows up is read already ({place}): only the re-audit is read from this row");
                        findings.push(Severity::Info, "original_read_already", self.file, self.sheet, Some(row.row), None, a.child_id.clone(), why);
                        return self.add_reaudits(again, Ok(()), model, findings);
                    }
                }
                let previous = self.text(&row, "previous_id").filter(|p| fold(p) != fold(&a.id));
                // (The case's social worker, for a staff list to give the team
                // of an audit that has none: see `teams_from_staff`.)
                if let Some(worker) = self.text(&row, "social_worker").filter(|_| a.team.as_deref().is_none_or(str::is_empty)) {
                    model.audit_workers.insert((a.origin.file.clone(), a.origin.sheet.clone(), a.origin.row), worker);
                }
                for p in self.text(&row, "previous_la_id").map(|t| super::identity::id_tokens(&t)).unwrap_or_default() {
                    model.previous_la_ids.push((p, a.child_id.clone(), self.file.to_string()));
                }
                let carries = previous.map(|previous| super::model::CarriedAudit {
                    origin: a.origin.clone(),
                    child: a.child_id.clone(),
                    completed: a.completed,
                    previous,
                });
                // (Whether the row says its audit moved between two tools.)
                let moved = super::migrated::mark(&row.cells, &self.headers(), &[]).map(|m| (a.origin.clone(), m));
                self.row_moved.set(moved.is_some());
                let first = self.add_audit(a, model, findings).map(|()| self.slot_actions(&row, model, findings));
                self.row_moved.set(false);
                if let (Ok(()), Some(carries)) = (&first, carries) {
                    model.carried_audits.push(carries);
                }
                if let (Ok(()), Some(moved)) = (&first, moved) {
                    model.migrated_audits.push(moved);
                }
                self.add_reaudits(again, first, model, findings)
            }),
            TableKind::Actions => self.action(&row, findings).and_then(|a| {
                // (A row names a group where a child or an audit would be,
                // "ALL TEAMS", and no child or audit in the other; a blank is a
                // missing id.)
                let ids = [&a.child_id, &a.audit_id];
                let group_row = ids.iter().any(|id| id.as_deref().is_some_and(names_a_group)) && ids.iter().all(|id| id.as_deref().is_none_or(names_a_group));
                if self.service_plan || group_row {
                    let value = [&a.audit_id, &a.child_id].iter().filter_map(|v| v.as_deref()).collect::<Vec<_>>().join(" / ");
                    return Err((SERVICE_ACTION, value, None));
                }
                if self.column(&row, "text").is_some_and(|(t, _)| row.cells[..t.min(row.cells.len())].iter().any(|c| !c.is_empty())) {
                    self.labelled_actions.push(row.row);
                }
                let id = self.text(&row, "action_id");
                // Several actions in one cell ("1. Convene a strategy
                // discussion\n2. Update the safety plan", bullets): each an
                // action of its own, with the row's other fields. Not with an
                // action id (one action, its text in steps).
                let parts = if id.is_none() { several_actions(&a.text) } else { Vec::new() };
                if parts.len() < 2 {
                    // (An action carried into the new year's list under a new
                    // id, its row saying so: "b/f from A25-0391", "Carried
                    // forward to 2026-27 as A26-0001".)
                    let linked = id.as_ref().and_then(|_| carried_link(&row.cells));
                    let (origin, child) = (a.origin.clone(), a.child_id.clone());
                    let moved = self.action_moved(&row);
                    let added = self.add_action(a, id, model);
                    if let (Ok(()), Some(moved)) = (&added, moved) {
                        model.migrated_actions.push((origin.clone(), moved));
                    }
                    if let (Ok(()), Some((replaces, other))) = (&added, linked) {
                        model.carried_actions.push(super::model::CarriedAction { origin, child, replaces, other });
                    }
                    return added;
                }
                findings.push(
                    Severity::Info,
                    "actions_in_one_cell",
                    self.file,
                    self.sheet,
                    Some(row.row),
                    Some("action"),
                    parts.len().to_string(),
                    format!("{} numbered or bulleted actions in one cell: read as {} actions, each with this row's dates and owner", parts.len(), parts.len()),
                );
                let added: Vec<Result<(), RowError>> = parts.into_iter().map(|text| self.add_action(Action { text, ..a.clone() }, None, model)).collect();
                added.into_iter().collect::<Result<Vec<()>, RowError>>().map(|_| ())
            }),
            TableKind::CaseNotes => self.case_note(&row, model, findings).and_then(|n| self.add_note(n, &row, model)),
            TableKind::Episodes => {
                // Every row's child and start date, in scope or not: in a status
                // history, the next row ends the one before.
                let start = self.cell(&row, "start_date").and_then(|(c, _)| self.as_date(c));
                if let (Some(child), Some(start)) = (self.text(&row, "child_id"), start) {
                    self.status_changes.push((super::identity::tidy(&child).into_owned(), start));
                }
                if ended_not_current {
                    self.ended_not_current.push(model.episodes.len());
                }
                self.episode(&row, findings).and_then(|e| self.add_episode(e, model))
            }
            TableKind::Unknown => Err(("table not recognised", String::new(), None)),
        };
        match result {
            Ok(()) => report.rows_accepted += 1,
            Err((reason, value, column)) => {
                // (A test audit's child: its placeholder id's other records
                // are the test's too; see `drop_test_children`.)
                if reason == TEST_RECORD {
                    if let Some(id) = self.text(&row, "child_id") {
                        model.test_children.insert(id.trim().to_string());
                    }
                }
                report.reject(reason);
                let (severity, code, what) =
                    if is_set_aside(reason) { (Severity::Info, "row_set_aside", "set aside") } else { (Severity::Warning, "row_rejected", "row not used") };
                findings.push(severity, code, self.file, self.sheet, Some(row.row), column.as_deref(), value, format!("{reason}: {what}"));
            }
        }
    }

    /// Adds an audit under a unique id. A repeated id from the data is a duplicate
    /// (rejected, pointing at the first); a repeated derived id (no audit-id
    /// column: two audits of one child on one day) gets a suffix.
    ///
    /// The same audit in another file whose name says it is a later export of
    /// the same audits ("… run 02-11-2026", "… v2 CORRECTED"; [`super::versions`])
    /// is that export's version: the earlier one is set aside. An audit with
    /// no id of its own is the same audit when its child, date and framework
    /// are.
    /// Adds a row's re-audits after its audit (`first`, how that went): the
    /// row's result is the first error of them all.
    fn add_reaudits(&self, again: Vec<Audit>, first: Result<(), RowError>, model: &mut Model, findings: &mut Findings) -> Result<(), RowError> {
        let mut result = first;
        for r in again {
            if let Err(e) = self.add_audit(r, model, findings) {
                if result.is_ok() {
                    result = Err(e);
                }
            }
        }
        result
    }

    /// Whether a record read before is of this sheet, or of another part of
    /// its table: a file split by rows ("… part 1", "… part 2"), the same
    /// name but for the part, under the same header.
    fn same_log(&self, o: &Origin) -> bool {
        if o.file == self.file && o.sheet.as_deref() == self.sheet {
            return true;
        }
        // (Asked of many records: nothing more where this file is no part.)
        let Some(mine) = &self.part_of else { return false };
        o.file != self.file
            && split_stem(&o.file).as_ref() == Some(mine)
            && self.ctx.table_of(&o.file, o.sheet.as_deref()) == self.ctx.table_of(self.file, self.sheet)
    }

    fn add_audit(&self, mut a: Audit, model: &mut Model, findings: &mut Findings) -> Result<(), RowError> {
        let mine = self.version(a.completed.is_some(), "completed_date", model);
        let has_id = self.mapping.field("audit_id").is_some();
        // With no audit id, an audit is its child, framework and the day it was
        // allocated or completed (allocated first: an export run before the
        // audit was done has no completion date yet).
        let keys: Vec<String> = match (has_id, super::identity::child_key(&a.child_id)) {
            // (And the child's allocation that day under any framework, for a
            // copy whose columns name none: an "Allocated" tab of the child
            // and its dates only, beside the form's returns.)
            (false, Some(child)) => [
                a.allocated.map(|d| format!("allocated|{child}|{d}|{}", a.framework)),
                a.completed.map(|d| format!("{child}|{d}|{}", a.framework)),
                a.allocated.map(|d| format!("allocated|{child}|{d}|{ANY_FRAMEWORK}")),
            ]
            .into_iter()
            .flatten()
            .collect(),
            _ => Vec::new(),
        };
        // Without an id, the same child's audit on the same sheet completed
        // within a week, by the same auditor: the form sent in again (a
        // correction, or a response given up and started again), not a second
        // audit; but after an inadequate judgement, the re-audit it calls for.
        // (Not a Part B's rows, seed 002's acknowledgement kept as its own
        // list: two of one child a few days apart may complete an audit and
        // its re-audit; which is sent again is known when the parts are
        // joined.)
        let part_b = self.part_b;
        let resubmitted = |x: &Audit| {
            let first_band =
                |x: &Audit| if x.completed <= a.completed { x.overall.as_ref().and_then(|j| j.band) } else { a.overall.as_ref().and_then(|j| j.band) };
            // (The cheap tests first: every audit read so far is asked.)
            !has_id
                && !part_b
                && x.completed.zip(a.completed).is_some_and(|(p, q)| (q - p).num_days().abs() <= RESUBMITTED_WITHIN)
                && self.same_log(&x.origin)
                && x.framework == a.framework
                && same_child(x, &a)
                && (x.completed == a.completed || first_band(x) != Some(crate::normalise::config::Band::Inadequate))
                // (By the same auditor, from the same allocation, where the rows
                // say: two auditors' audits of one child are two audits; but not
                // one audit done in a pair and entered by each, the same day with
                // the same answers.)
                && (((x.auditor.is_none() || a.auditor.is_none() || x.auditor.as_deref().map(fold) == a.auditor.as_deref().map(fold))
                    && (x.allocated.is_none() || a.allocated.is_none() || x.allocated == a.allocated))
                    || (x.completed == a.completed && same_audit(x, &Audit { auditor: x.auditor.clone(), rest_of_row: x.rest_of_row, ..a.clone() })))
        };
        let earlier = if has_id {
            model.audit_ids.get(&a.id)
        } else {
            let generic = |f: &str| f == super::config::GENERIC_FRAMEWORK;
            let fits = |k: &String, i: usize| !k.ends_with(ANY_FRAMEWORK) || generic(&a.framework) != generic(&model.audits[i].framework);
            keys.iter().find_map(|k| model.audit_keys.get(k).filter(|&&i| fits(k, i))).map(|&i| &model.audits[i].origin).or_else(|| {
                // (Only this table's audits of the child can be: its index.)
                let child = super::identity::child_key(&a.child_id)?;
                let index = self.child_audits.borrow();
                index.get(&child)?.iter().rev().filter_map(|&i| model.audits.get(i)).find(|x| resubmitted(x)).map(|x| &x.origin)
            })
        };
        // An id another file gives to another child's audit: each file numbers
        // its own audits ("QA-001" every month), so this is another audit,
        // kept under an id of its own.
        if let Some(first) = earlier.filter(|f| has_id && (f.file != self.file || f.sheet.as_deref() != self.sheet)) {
            let same_audit = model
                .audits
                .iter()
                .rev()
                .find(|x| x.origin == *first)
                .is_none_or(|x| super::identity::child_key(&x.child_id) == super::identity::child_key(&a.child_id));
            if !same_audit {
                let first = first.clone();
                // (Or a Part B read first under its Part A's id, its child
                // not yet known.)
                let why = if model.part_b_rows.contains(&first) || self.part_b_named {
                    PART_B_SAME_ID
                } else {
                    "gives this audit id to another child's audit: each file or sheet numbers its own audits, so both are kept"
                };
                self.own_id(&mut a, &first, why, model, findings);
                model.audit_ids.insert(a.id.clone(), a.origin.clone());
                self.index_child(&a, model.audits.len());
                model.audits.push(a);
                return Ok(());
            }
        }
        // The same audit again in this file: on another sheet (a tracker
        // copied to a new sheet each month, "Sep 26" then "Oct 26"), or further
        // down the same log (a row added when it was done again). Only with
        // an audit id of the same child.
        // (Two completions more than four weeks apart are two audits under
        // one id, a re-audit: not versions.)
        // Without an id: the same child, framework and allocation day on
        // another sheet (a monthly tab carrying an audit over while it is in
        // progress, then the tab where it was done), when at most one of the
        // two is completed or both on the same day.
        let carried_over = |x: &Audit, f: &Origin| {
            !has_id
                && f.sheet.as_deref() != self.sheet
                && x.allocated.is_some()
                && x.allocated == a.allocated
                && (x.completed.is_none() || a.completed.is_none() || x.completed == a.completed)
        };
        // Or on the same sheet, neither completed, from the same allocation,
        // by the same auditor and due the same day: one open audit entered
        // twice (a task tool's "Duplicate task", a new task id the only
        // difference).
        let entered_twice = |x: &Audit, f: &Origin| {
            !has_id
                && self.same_log(f)
                && x.completed.is_none()
                && a.completed.is_none()
                && x.allocated.is_some()
                && x.allocated == a.allocated
                && x.due == a.due
                && x.framework == a.framework
                && x.auditor.as_deref().map(fold) == a.auditor.as_deref().map(fold)
        };
        let same_file = |f: &Origin| {
            f.file == self.file
                && model
                    .audits
                    .iter()
                    .rev()
                    .find(|x| x.origin == *f)
                    .is_some_and(|x| (has_id && same_child(x, &a) && !reaudit_of(x, &a)) || carried_over(x, f) || resubmitted(x) || entered_twice(x, f))
        };
        if let Some(first) = earlier.filter(|f| f.file != self.file || same_file(f)) {
            // Which version to use: see `later_version` (the table that records
            // completion, then the later file by name, then the completed one).
            // Within one file the sheets' names are compared, and on one sheet
            // the later row is the later version.
            // (The earlier version itself, looked up once.)
            let earlier_index = model.audits.iter().rposition(|x| x.origin == *first);
            let earlier_audit = earlier_index.map(|i| &model.audits[i]);
            let first_done = earlier_audit.is_some_and(|x| x.completed.is_some());
            let (first_name, my_name) = match (first.file == self.file, &first.sheet, self.sheet) {
                (true, Some(a), Some(b)) => (a.as_str(), b),
                _ => (first.file.as_str(), self.file),
            };
            let first_version =
                Version { file: first_name, done: first_done, records_done: !model.no_completion.contains(&(first.file.clone(), first.sheet.clone())) };
            let on_one_sheet = self.same_log(first);
            // Sent in again: the later completion is the later version (a
            // download lists the newest first as often as the oldest).
            let sent_again = earlier_audit.filter(|x| resubmitted(x)).and_then(|x| x.completed.zip(a.completed)).and_then(|(p, q)| match q.cmp(&p) {
                std::cmp::Ordering::Equal => None,
                o => Some((o, LATER_SUBMISSION)),
            });
            // An audit carried over to a later tab, neither copy deciding: the
            // tab read later (a tracker adds its tabs in time order).
            let later_tab = !has_id && first.file == self.file && !on_one_sheet;
            // Two entries of one sheet in the order its serial or submission
            // times say (a download lists the newest first as often as not).
            let by_entry = earlier_audit
                .filter(|_| on_one_sheet)
                .and_then(|x| x.entered.zip(a.entered))
                .and_then(|(p, q)| q.partial_cmp(&p).filter(|o| *o != std::cmp::Ordering::Equal))
                .map(|o| (o, LATER_ENTRY));
            // (Done in one export and not in another, where either row says
            // its audit moved between tools: the copy in the tool moved to is
            // kept, with the other's completion, when the two are paired
            // after reading (`migrated::pair`; review 254's c05).)
            let moved = first.file != self.file && (self.row_moved.get() || model.migrated_audits.iter().any(|(o, _)| o == first));
            // (A team's copy done where the tracker's row is not: still the
            // tracker's row, its completion and what else it left blank taken
            // from the copy, not the copy's regrade; review 259's c17.)
            let copied = first.file != self.file && team_copy_name(&first.file) != team_copy_name(self.file);
            let decided = later_version(first_version, Version { file: my_name, ..mine })
                .map(|d| if copied && d.1 == LATER_BY_PROGRESS { team_copy_order(&first.file, self.file).unwrap_or(d) } else { d })
                .filter(|(_, why)| !(moved && *why == LATER_BY_PROGRESS))
                .or(sent_again)
                .or(by_entry)
                .or(on_one_sheet.then_some((std::cmp::Ordering::Greater, LATER_ROW)))
                .or(later_tab.then_some((std::cmp::Ordering::Greater, LATER_SHEET)));
            match decided {
                Some((std::cmp::Ordering::Greater, why)) => {
                    let first = first.clone();
                    for k in keys {
                        model.audit_keys.insert(k, model.audits.len());
                    }
                    if !has_id {
                        // Its own derived id, as any audit without one.
                        a.id = self.unique_id(a.id, model);
                    }
                    model.audit_ids.insert(a.id.clone(), a.origin.clone());
                    if why == TEAM_COPY_USED {
                        if let Some(i) = earlier_index {
                            a = filled_from_copy(&a, &model.audits[i]);
                        }
                    }
                    model.superseded.push((first, a.origin.clone(), why));
                    self.index_child(&a, model.audits.len());
                    model.audits.push(a);
                    return Ok(());
                }
                Some((std::cmp::Ordering::Less, why)) => {
                    let said = match why {
                        LATER_BY_PROGRESS => "completed in another export",
                        LATER_SUBMISSION => "the same audit sent in again, completed later, is",
                        TEAM_COPY_USED => "the tracker's row is used, this team's copy fills what it left blank",
                        _ => "a later export has it",
                    };
                    let first = first.clone();
                    if why == TEAM_COPY_USED {
                        if let Some(i) = earlier_index {
                            model.audits[i] = filled_from_copy(&model.audits[i], &a);
                        }
                    }
                    let err = (SUPERSEDED, format!("{} ({said}: {} row {})", a.id, first.file, first.row), has_id.then(|| "audit id".to_string()));
                    model.set_aside_versions.push(super::model::SetAside::Audit(first, Box::new(a)));
                    return Err(err);
                }
                // Neither export says it is the later, and they record the
                // same: one audit, written differently in the two (a date as
                // text in one, a date cell in the other).
                // (Or neither is done yet, the same child allocated the same
                // day: one allocation in a tracker and a team's copy of it,
                // whatever else each row says; blind set 175.)
                // (With an id too, where a Part B column would else make the
                // repeat a Part B of its Part A: two officers' files holding
                // one completed form, the same in every field; blind set 204.)
                None if (!has_id || (self.part_b_named && a.completed.is_some()))
                    && first.file != self.file
                    && model.audits.iter().rev().find(|x| x.origin == *first).is_some_and(|x| {
                        same_audit(x, &a)
                            // (The same form id: the rest of each file's row
                            // is under its own headers.)
                            // (What one export has no column for is no difference:
                            // a second officer's file without "Due"; review 265's c05.)
                            || (has_id && same_audit(&with_gaps_filled(x, &a), &Audit { rest_of_row: x.rest_of_row, ..with_gaps_filled(&a, x) }))
                            || (!has_id
                                && x.completed.is_none()
                                && a.completed.is_none()
                                && x.overall.is_none()
                                && a.overall.is_none()
                                && x.allocated.is_some()
                                && x.allocated == a.allocated)
                    }) =>
                {
                    let err = (SAME_RECORD, format!("{} ({} row {})", a.child_id, first.file, first.row), None);
                    model.set_aside_versions.push(super::model::SetAside::Audit(first.clone(), Box::new(a)));
                    return Err(err);
                }
                _ => {}
            }
        }
        let next = model.audits.len();
        for k in keys {
            model.audit_keys.entry(k).or_insert(next);
        }
        // Another team's copy of an audit read from its tracker (see
        // `same_audit_copied`; each copy's columns may even make it another
        // framework's): the first read is used.
        let auditor = a.auditor.as_deref().map(fold).filter(|n| !n.is_empty());
        // (The child as its id cell names it: "C1001 (was Unborn of M1)" is C1001.)
        let child = super::identity::id_in_cell(&a.child_id).map_or_else(|| super::identity::child_key(&a.child_id), |(id, _)| super::identity::child_key(&id));
        if let (false, Some(child), Some(done), Some(auditor)) = (has_id, child, a.completed, auditor) {
            let key = format!("copy|{child}|{done}|{auditor}");
            // (A team's own copy of the tracker beside the tracker: "CLA
            // North - TM copy", "Leaving Care edits 28-10", "team version
            // (Jo)". The same child done the same day by the same auditor is
            // the same audit, whatever the copy changed: the tracker's values
            // are used, the copy's fill what it left blank; blind set 175.)
            let found = model
                .audit_keys
                .get(&key)
                .copied()
                .and_then(|i| Some((i, team_copy_order(&model.audits[i].origin.file, self.file)?.0)))
                .filter(|(i, _)| model.audits[*i].origin.file != self.file);
            if let Some((i, order)) = found {
                let first = model.audits[i].origin.clone();
                if order == std::cmp::Ordering::Less {
                    model.audits[i] = filled_from_copy(&model.audits[i], &a);
                    let err = (TEAM_COPY, format!("{} ({} row {})", a.child_id, first.file, first.row), None);
                    return Err(err);
                }
                a = filled_from_copy(&a, &model.audits[i]);
                model.superseded.push((first, a.origin.clone(), TEAM_COPY_USED));
                model.audit_keys.insert(key, next);
            } else {
                let copied = model
                    .audit_keys
                    .get(&key)
                    .and_then(|&i| model.audits.get(i))
                    .filter(|x| (x.origin.file != self.file || x.origin.sheet.as_deref() != self.sheet) && same_audit_copied(x, &a));
                match copied.map(|x| (x.origin.clone(), x.copied_in && !a.copied_in)) {
                    // The copy was read first, and this row is the audit it was
                    // copied from: this one is used (its team is where the child
                    // was audited).
                    Some((first, true)) => {
                        model.superseded.push((first, a.origin.clone(), COPIED_IN));
                        model.audit_keys.insert(key, next);
                    }
                    Some((first, false)) => {
                        let err = (SAME_RECORD, format!("{} ({} row {})", a.child_id, first.file, first.row), None);
                        model.set_aside_versions.push(super::model::SetAside::Audit(first, Box::new(a)));
                        return Err(err);
                    }
                    None => {
                        model.audit_keys.entry(key).or_insert(next);
                    }
                }
            }
        }
        if let Some(first) = model.audit_ids.get(&a.id) {
            // The same child's audit completed more than four weeks after (or
            // before) the one read under this id: a re-audit given the same
            // id, kept as another audit.
            let reaudit = model.audits.iter().rev().find(|x| x.origin == *first).is_some_and(|x| same_child(x, &a) && reaudit_of(x, &a));
            // One form for a sibling group, exported a row per child (the same
            // form id on this sheet, the same day and grade, another child): one
            // audit, of the group's children.
            let group = model.audits.iter().rposition(|x| x.origin == *first).filter(|&i| {
                let x = &model.audits[i];
                let grade = |a: &Audit| a.overall.as_ref().map(|j| fold(&j.label));
                // (By the same auditor and team, where both rows say: a form id
                // reused by another auditor is another audit.)
                let same = |p: &Option<String>, q: &Option<String>| p.is_none() || q.is_none() || p.as_deref().map(fold) == q.as_deref().map(fold);
                has_id
                    && x.origin.file == self.file
                    && x.origin.sheet.as_deref() == self.sheet
                    && same(&x.auditor, &a.auditor)
                    && same(&x.team, &a.team)
                    && !same_child(x, &a)
                    && x.completed.is_some()
                    && x.completed == a.completed
                    && grade(x) == grade(&a)
            });
            if let Some(i) = group {
                let x = &mut model.audits[i];
                x.child_id = format!("{} & {}", x.child_id, a.child_id);
                return Err((SIBLING_ROW, format!("{} ({})", a.id, a.child_id), Some("audit id".to_string())));
            }
            // (A Part B under its Part A's id, read in either order: both
            // kept, joined after reading; review 255's c16.)
            let part_b_of = |x: &Audit| {
                (self.part_b_named && (x.origin.file != self.file || x.origin.sheet.as_deref() != self.sheet))
                    || (model.part_b_rows.contains(&x.origin) && x.origin.file != self.file)
            };
            if has_id && !reaudit && model.audits.iter().rev().find(|x| x.origin == *first).is_some_and(part_b_of) {
                let first = first.clone();
                self.own_id(&mut a, &first, PART_B_SAME_ID, model, findings);
            } else if has_id && !reaudit {
                return Err(("duplicate audit id", format!("{} (first read at {} row {})", a.id, first.file, first.row), Some("audit id".to_string())));
            }
            if reaudit {
                let first = first.clone();
                self.own_id(
                    &mut a,
                    &first,
                    "has this audit id for the same child's audit completed more than four weeks apart: a re-audit under the same id, so both are kept",
                    model,
                    findings,
                );
            } else {
                a.id = self.unique_id(a.id, model);
            }
        }
        model.audit_ids.insert(a.id.clone(), a.origin.clone());
        self.index_child(&a, model.audits.len());
        if self.part_b_named {
            model.part_b_rows.insert(a.origin.clone());
        }
        model.audits.push(a);
        Ok(())
    }

    /// Notes that the audit about to be read at `at` in the model is this
    /// child's (the form sent in again is looked for among them).
    fn index_child(&self, a: &Audit, at: usize) {
        if let Some(child) = super::identity::child_key(&a.child_id) {
            self.child_audits.borrow_mut().entry(child).or_default().push(at);
        }
    }

    /// Gives an audit whose id another audit has (read at `first`) an id of
    /// its own, with an `audit_id_reused` note saying why both are kept.
    fn own_id(&self, a: &mut Audit, first: &Origin, why: &str, model: &Model, findings: &mut Findings) {
        let was = a.id.clone();
        a.id = self.unique_id(std::mem::take(&mut a.id), model);
        let message = format!("{} row {} {why} (this one as {})", first.file, first.row, a.id);
        findings.push(Severity::Info, "audit_id_reused", self.file, self.sheet, Some(a.origin.row), Some("audit id"), was, message);
    }

    /// A derived id not taken yet: the id, else with a suffix (`#2`, `#3`, …).
    fn unique_id(&self, id: String, model: &Model) -> String {
        if !model.audit_ids.contains_key(&id) {
            return id;
        }
        (2..).map(|n| format!("{id}#{n}")).find(|c| !model.audit_ids.contains_key(c)).unwrap_or(id)
    }

    fn cell<'r, 's>(&'s self, row: &'r SourceRow, field: &str) -> Option<(&'r Cell, &'s str)> {
        let (i, header) = self.column(row, field)?;
        Some((row.cells.get(i).unwrap_or(&Cell::Empty), header))
    }

    /// The actions in an audit row's numbered slots ("Recommendations for
    /// further action: (1)", "Who By: (1)", "By When: (1)", "Action 1
    /// completed"), each linked to the audit just read. A slot saying no action
    /// ("No further action", "None") is none; a due date that is not a date
    /// leaves the default (working days after the audit).
    fn slot_actions(&self, row: &SourceRow, model: &mut Model, findings: &mut Findings) {
        if self.slots.is_empty() && self.json_actions.is_none() {
            return;
        }
        let Some(audit) = model.audits.last() else { return };
        let (id, child, team, completed) = (Some(audit.id.clone()), audit.child_id.clone(), audit.team.clone(), audit.completed);
        self.slot_actions_of(row, id, child, team, completed, model, findings);
    }

    /// [`Self::slot_actions`] for the audit of `id` (none: linked by its child
    /// and date), `child`, `team`, completed on `completed`.
    #[allow(clippy::too_many_arguments)]
    fn slot_actions_of(
        &self,
        row: &SourceRow,
        id: Option<String>,
        child: String,
        team: Option<String>,
        completed: Option<chrono::NaiveDate>,
        model: &mut Model,
        findings: &mut Findings,
    ) {
        let accepted = self.date(row, "actions_accepted", &mut Findings::default());
        // A slot of numbered lines: one row per line number, each of the
        // slot's cells holding its line of that number.
        let mut expanded: Vec<(std::borrow::Cow<SourceRow>, &ActionSlot)> = Vec::new();
        // A JSON list of actions: each object a row of its own, its keys the slot's parts.
        let listed: Vec<(SourceRow, ActionSlot)> = self.json_actions.and_then(|i| row.cells.get(i)).map(|c| json_actions(c, row.row)).unwrap_or_default();
        expanded.extend(listed.iter().map(|(r, slot)| (std::borrow::Cow::Borrowed(r), slot)));
        for slot in &self.slots {
            let lines = if slot.lines { row.cells.get(slot.text).map(|c| numbered_lines(&c.as_string())).unwrap_or_default() } else { Vec::new() };
            if lines.is_empty() {
                expanded.push((std::borrow::Cow::Borrowed(row), slot));
                continue;
            }
            let parts = [Some(slot.text), slot.owner, slot.due, slot.completed, slot.reviewed, slot.status];
            let split: Vec<(usize, Vec<(u32, String)>)> =
                parts.iter().flatten().map(|&i| (i, row.cells.get(i).map(|c| numbered_lines(&c.as_string())).unwrap_or_default())).collect();
            for (n, _) in &lines {
                let mut r = row.clone();
                for (i, of) in &split {
                    if let Some(cell) = r.cells.get_mut(*i) {
                        // A cell not written in numbered lines holds the same for every line.
                        if !of.is_empty() {
                            *cell = of.iter().find(|(m, _)| m == n).map(|(_, t)| if t.is_empty() { Cell::Empty } else { Cell::text(t) }).unwrap_or(Cell::Empty);
                        }
                    }
                }
                expanded.push((std::borrow::Cow::Owned(r), slot));
            }
        }
        for (row, slot) in &expanded {
            let text = row.cells.get(slot.text).map(|c| c.as_string()).unwrap_or_default();
            let f = fold(&text);
            let no_action =
                ["none", "nfa", "n a ", "na ", "no ", "nil", "nothing", "not applicable", "not required", "no further", "no action", "no recommendation"];
            if f.is_empty() || matches!(f.as_str(), "no" | "n a" | "na" | "none" | "nil" | "nfa") || no_action.iter().any(|p| f.starts_with(p)) {
                continue;
            }
            if let Some(status) = slot.status.and_then(|i| row.cells.get(i)).map(Cell::as_string).filter(|s| action_withdrawn(s)) {
                findings.push(Severity::Info, "row_set_aside", self.file, self.sheet, Some(row.row), Some("action status"), status, ACTION_WITHDRAWN);
                continue;
            }
            let date = |i: Option<usize>, what: &str, findings: &mut Findings| -> Option<chrono::NaiveDate> {
                let cell = row.cells.get(i?)?;
                if cell.is_empty() {
                    return None;
                }
                let d = self.as_date(cell);
                if d.is_none() {
                    findings.push(
                        Severity::Info,
                        "slot_not_a_date",
                        self.file,
                        self.sheet,
                        Some(row.row),
                        Some(what),
                        cell.as_string(),
                        "not a date: left blank (a blank due date is the default working days after the audit)",
                    );
                }
                d
            };
            let (due, due_in) = match slot.due.and_then(|i| row.cells.get(i)) {
                Some(cell) => match self.timescale(row, "action due", cell, findings) {
                    Some(t) => t,
                    None => (date(slot.due, "action due", findings), None),
                },
                None => (None, None),
            };
            // A completion date; else, when what the review said is "done", the
            // date it was reviewed.
            let done = date(slot.completed, "action completed", findings).or_else(|| {
                let status = row.cells.get(slot.status?)?;
                self.done_on(row, "action completed", status, findings, |findings| date(slot.reviewed, "action reviewed", findings))
            });
            model.actions.push(Action {
                origin: Origin { file: self.file.to_string(), sheet: self.sheet.map(str::to_string), row: row.row },
                audit_id: id.clone(),
                child_id: Some(child.clone()),
                text,
                owner: slot.owner.and_then(|i| row.cells.get(i)).map(Cell::as_string).filter(|o| !o.is_empty()),
                team: team.clone(),
                // (Set when the audit's actions were accepted, where the row
                // says: seed 000's clock; review 250's c23.)
                set: accepted.or(completed),
                due,
                due_in,
                completed: done,
                audit_date: completed,
                unused_dates: Vec::new(),
            });
        }
    }

    /// A cell as a date, in this table's order (month first when its dates are).
    fn as_date(&self, c: &Cell) -> Option<chrono::NaiveDate> {
        if let Some(d) = self.date1904.then(|| serial_1904(c)).flatten() {
            return Some(d);
        }
        if self.month_first {
            c.as_date_month_first()
        } else {
            c.as_date()
        }
    }

    /// The column a field is read from on this row: its column, or where that
    /// is blank an alternate that is filled.
    fn column<'s>(&'s self, row: &SourceRow, field: &str) -> Option<(usize, &'s str)> {
        let (_, (i, header)) = self.fields.iter().find(|(f, _)| f == field)?;
        // (A revised date's column saying there is none, "N/A", "No
        // extension": the date it revises.)
        // (A grade agreed after the audit saying there is none other, "As
        // above", "Same": the auditor's.)
        let no_revision = || {
            self.revision_cols.contains(i)
                && matches!(row.cells.get(*i), Some(c @ Cell::Text(_)) if if field == "overall" { !self.ctx.crosswalk.is_label(c) } else { self.as_date(c).is_none() })
        };
        // (A formula's error, "#N/A", is no value: the alternate is read.)
        let no_value = |c: &Cell| c.is_empty() || matches!(c, Cell::Error(_));
        if row.cells.get(*i).is_none_or(no_value) || no_revision() {
            if let Some((_, (j, h))) = self.alternates.iter().find(|(f, (j, _))| f == field && row.cells.get(*j).is_some_and(|c| !no_value(c))) {
                return Some((*j, h.as_str()));
            }
        }
        Some((*i, header.as_str()))
    }

    /// The due date a bi-monthly cycle column gives ("Sep/Oct 26": 31 October)
    /// when no allocation date is given and the due rule counts in months
    /// (end of the allocation month or of the cycle): the audit is due by the
    /// end of the cycle it names, not of its first month or of the grid's.
    /// (With an allocation date too, where no framework, config or title
    /// gives the table its due rule and the allocation falls in the cycle:
    /// a tracker that names each audit's two-month sample, "Sample: Sep-Oct
    /// 26", runs a bi-monthly programme, due by the cycle's end, not by the
    /// end of the month it was sent out in; blind set 150's kestrelford.)
    fn cycle_due(
        &self,
        row: &SourceRow,
        allocated: Option<chrono::NaiveDate>,
        rule: &str,
        default_rule: bool,
        findings: &mut Findings,
    ) -> Option<chrono::NaiveDate> {
        if rule.starts_with("days_after_allocation") || rule.starts_with("working_days_after_allocation") {
            return None;
        }
        let (cell, header) = self.cell(row, "audit_month")?;
        let (first, end) = cycle_span(cell).or_else(|| yearless_cycle(cell, allocated?))?;
        // (Or where the framework's own rule is the end of the cycle: the
        // cycle the sample names is the council's, whatever the fixed grid's
        // months, "December 2025 - January 2026"; a sample sent ahead is due
        // at the end of the cycle it is for. Blind set 178's wrenfield.)
        // (Only where the grid's cycle would end elsewhere: on the grid, the
        // rule gives the same day, said once for the table.)
        let grid_end = crate::analyse::period::grid_period(first, self.ctx.config.settings.cycle_first_month).to;
        let own_cycle = rule == "end_of_cycle" && grid_end != end;
        if let Some(a) = allocated {
            let in_cycle = a >= first && a <= end;
            if !(default_rule && in_cycle || own_cycle && a <= end) {
                return None;
            }
        }
        findings.push(
            Severity::Info,
            "cycle_as_due",
            self.file,
            self.sheet,
            Some(row.row),
            Some(header),
            cell.as_string(),
            format!("a two-month cycle: the audit is due by its end ({end})"),
        );
        Some(end)
    }

    /// A cell as text, borrowed when it is text (the hot path), else displayed.
    fn str<'r>(&self, row: &'r SourceRow, field: &str) -> Option<std::borrow::Cow<'r, str>> {
        let (i, _) = self.column(row, field)?;
        match row.cells.get(i)? {
            // A form control's placeholder ("Choose an item.") is no answer.
            Cell::Text(t) if super::forms::placeholder_text(t) => None,
            Cell::Text(t) => Some(std::borrow::Cow::Borrowed(t.as_str())),
            // A formula's error (#N/A from a lookup that failed) is no value.
            Cell::Empty | Cell::Error(_) => None,
            other => Some(std::borrow::Cow::Owned(other.as_string())),
        }
    }

    fn text(&self, row: &SourceRow, field: &str) -> Option<String> {
        self.str(row, field).map(std::borrow::Cow::into_owned)
    }

    /// The parts of a service path ("Safeguarding > CP West"), service first.
    fn path_parts(&self, row: &SourceRow) -> Option<Vec<String>> {
        let (sep, team_first) = self.team_path?;
        let path = self.str(row, "service_team")?;
        let mut parts: Vec<String> = path.split(sep).map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect();
        if team_first {
            parts.reverse();
        }
        Some(parts)
    }

    /// The row's team: its team column, else the team part of a service path
    /// ("Safeguarding > CP West": "CP West"; a value without the separator is the team).
    /// The row's team. A team cell that says none was recorded ("N/A",
    /// "Unknown", a form's "Choose an item.") is `Some("")`: blank, but not
    /// "same as above" (see [`fill_teams_down`]); reading ends with it blank.
    /// What follows the pointer, when a spoken-to cell points at another row
    /// of this table for its answer ([`referenced_id`]): the row above, with
    /// an audit read above it, or a child already read in this table ("As
    /// S47" names no child: it is read as words).
    fn after_pointer(&self, text: &str) -> Option<String> {
        let id = referenced_id(text)?;
        let read = self.child_audits.borrow();
        let known = if id == ROW_ABOVE { !read.is_empty() } else { super::identity::child_key(&id).is_some_and(|k| read.contains_key(&k)) };
        if !known {
            return None;
        }
        let f = fold(text);
        let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
        let pointer = if id == ROW_ABOVE { words.iter().position(|w| *w == "above" || *w == "ditto")? + 1 } else { words.iter().position(|w| *w == id)? + 1 };
        Some(words[pointer..].join(" "))
    }

    /// A row set aside by design (`reason`), with a note of its first text.
    fn not_counted(&self, row: &SourceRow, reason: &str, code: &'static str, report: &mut TableReport, findings: &mut Findings) {
        report.reject(reason);
        findings.push(Severity::Info, code, self.file, self.sheet, Some(row.row), None, first_text(row), format!("{reason}: not counted"));
    }

    /// Whether a correction in a cell ([`super::corrections::in_cell`])
    /// gives a value of the kind the old one is: a date for a date, a grade
    /// for a grade, an id for an id ("Good – should be reviewed in 3 months"
    /// is a grade and a plan, no correction).
    fn same_kind(&self, cell: &str, value: &str) -> bool {
        let old = super::corrections::old_value(cell);
        let date = |t: &str| Cell::text(t).as_date().is_some();
        let grade = |t: &str| self.ctx.crosswalk.is_label(&Cell::text(t));
        let id = |t: &str| !t.contains(char::is_whitespace) && t.chars().any(|c| c.is_ascii_digit());
        (date(&old) && date(value)) || (grade(&old) && grade(value)) || (id(&old) && id(value) && !date(&old))
    }

    /// The name of a row's item, as a list's own column gives it ("Title",
    /// "Task Name"), when it says test; with that column's header.
    fn item_says_test(&self, row: &SourceRow) -> Option<(String, String)> {
        self.mapping.columns.iter().filter(|c| ITEM_NAMED.contains(&fold(&c.header).as_str())).find_map(|c| {
            let t = row.cells.get(c.index)?.as_string();
            says_test(&t).then(|| (t, c.header.clone()))
        })
    }

    fn noted_as_cancelled(&self, row: &SourceRow) -> Option<(String, String)> {
        // (Only an allocation never done: a done audit's note may tell of
        // another's removal, "replaced TH50211".)
        let filled = |f: &str| self.cell(row, f).is_some_and(|(c, _)| !c.is_empty());
        if filled("completed_date") || filled("overall") {
            return None;
        }
        // A status says what the allocation is; a note is read only where
        // no status is given ("In progress" beside "Removed from the Sept
        // sample but …" is in progress).
        if let Some(status) = self.text(row, "status") {
            return removal_note(&status).then(|| (status.trim().to_string(), "status".to_string()));
        }
        self.note_columns.iter().find_map(|(i, header)| {
            let text = row.cells.get(*i)?.as_string();
            // (In a column of exemptions, what it says as a status would:
            // "Exemption agreed by the Assistant Director 03/07/2026 –
            // reallocated", not "Exemption requested – not agreed".)
            let exemptions = fold(header).split(' ').any(|w| w.starts_with("exempt"));
            (removal_note(&text) || (exemptions && status_cancels(&text))).then(|| (text.trim().to_string(), header.clone()))
        })
    }

    /// An audit row's team: its team cell ([`RowReader::team`]), else the
    /// sheet's team; a blank or unfilled cell in a file or tab named for a
    /// team ([`RowReader::named_team`]) takes that team, said once.
    fn row_team(&mut self, row: &SourceRow, findings: &mut Findings) -> Option<String> {
        let team = self.team(row);
        let Some((named, from)) = &self.named_team else { return team.or_else(|| self.sheet_team.clone()) };
        let unfilled = self.cell(row, "team").is_some_and(|(c, _)| matches!(c, Cell::Text(t) if super::forms::placeholder_text(t)));
        if !(team.is_none() || team.as_deref() == Some("") && unfilled) {
            return team;
        }
        let named = named.clone();
        if !std::mem::replace(&mut self.named_team_said, true) {
            let why = format!(
                "a blank or unfilled team cell is read as the {from} name's team '{named}': the {from} is one of a set, one per team; the rows that name a team are kept as written"
            );
            findings.push(Severity::Info, "team_from_name", self.file, self.sheet, Some(row.row), Some("team"), named.clone(), why);
        }
        Some(named)
    }

    fn team(&self, row: &SourceRow) -> Option<String> {
        let said_none = self.cell(row, "team").is_some_and(|(c, _)| matches!(c, Cell::Text(t) if no_team(t) || super::forms::placeholder_text(t)));
        if said_none {
            return Some(String::new());
        }
        // (A path cell that says none was recorded is blank too.)
        let path_none = self.cell(row, "service_team").is_some_and(|(c, _)| matches!(c, Cell::Text(t) if no_team(t) || super::forms::placeholder_text(t)));
        if path_none && self.team_path.is_some() {
            return Some(String::new());
        }
        self.text(row, "team").or_else(|| self.path_parts(row)?.pop())
    }

    /// The row's service: its service column, else the service part of a
    /// service path that has a team in it too.
    fn service(&self, row: &SourceRow) -> Option<String> {
        self.text(row, "service").or_else(|| self.path_parts(row).filter(|p| p.len() >= 2).map(|p| p[0].clone()))
    }

    /// A date field's cell read as a date ([`Self::date_read`]), tallied for
    /// [`unread_date_columns`].
    fn date(&self, row: &SourceRow, field: &str, findings: &mut Findings) -> Option<chrono::NaiveDate> {
        let date = self.date_read(row, field, findings);
        if let Some((cell, _)) = self.cell(row, field).filter(|(c, _)| !c.is_empty()) {
            let mut tally = self.date_tally.borrow_mut();
            let seen = match tally.get_mut(field) {
                Some(t) => t,
                None => tally.entry(field.to_string()).or_default(),
            };
            seen.0 += 1;
            seen.1 += u64::from(date.is_some());
            seen.2 += u64::from(cell.as_string().contains(|c: char| c.is_ascii_digit()));
        }
        date
    }

    fn date_read(&self, row: &SourceRow, field: &str, findings: &mut Findings) -> Option<chrono::NaiveDate> {
        let read = |c: &Cell| self.as_date(c);
        // A day and month with no year ("Sept 3rd") is in the year most of the table's dates are in.
        // (A row's other whole dates: with no usual year, a table across a
        // year's end, the year of the first; and the dates a day and month
        // alone is placed nearest.)
        let on = |f: &str| self.cell(row, f).and_then(|(c, _)| read(c));
        let others = || ROW_DATES.iter().filter(|f| **f != field).filter_map(|f| on(f));
        let row_year = || others().next().map(|d| chrono::Datelike::year(&d));
        if let (Some(year), Some((cell, header))) = (self.usual_year.or_else(row_year), self.cell(row, field)) {
            // (Or in figures, "28/10", "1/9", among a table's full dates: day
            // first unless the table's dates are month first; blind set 152's kelderby.)
            let in_figures = |t: &str| {
                let t = t.trim();
                t.split_once('/').is_some_and(|(a, b)| [a, b].iter().all(|x| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit())))
            };
            let day_month = |t: &str| {
                crate::ingest::cell::day_month_without_year(t)
                    .or_else(|| in_figures(t).then(|| super::yearless::day_month(t, self.month_first).map(|dm| (dm.month, dm.day))).flatten())
            };
            if let Some((m, d)) = (read(cell).is_none()).then(|| day_month(&cell.as_string())).flatten() {
                // (Across a year's end, "04/01" on a row allocated 07/12/2026
                // is in 2027: the year that puts it nearest the row's other
                // dates, within half a year; blind set 197's pennock ridge.)
                let anchors: Vec<chrono::NaiveDate> = others().collect();
                // (Never a completion, due date or moderation before the
                // allocation, nor an allocation after the completion: "09/10"
                // done on a row allocated 01/04/2026 is not 2025's; review
                // 263's c24.)
                let (allocated, done) = (on("allocated_date"), on("completed_date"));
                let in_order = |x: &chrono::NaiveDate| match field {
                    "completed_date" | "due_date" | "moderation_date" => allocated.is_none_or(|a| *x >= a),
                    "allocated_date" => done.is_none_or(|c| *x <= c),
                    _ => true,
                };
                let nearest = [year - 1, year, year + 1]
                    .into_iter()
                    .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, m, d))
                    .filter(in_order)
                    .filter_map(|x| anchors.iter().map(|a| (x - *a).num_days().abs()).min().map(|gap| (gap, x)))
                    .min()
                    .filter(|(gap, _)| *gap <= 183)
                    .map(|(_, x)| x)
                    .filter(|x| chrono::Datelike::year(x) != year || self.usual_year.is_none());
                if let Some(date) = nearest {
                    let why = format!("a date with no year: read as {date}, the year that puts it nearest the row's other dates");
                    findings.push(Severity::Warning, "date_without_year", self.file, self.sheet, Some(row.row), Some(header), cell.as_string(), why);
                    return Some(date);
                }
                // (With none of the row's dates near it, the one year that
                // puts it within the table's own dates: "22/12" beside
                // "07/01" on a row of a tracker of 27/11/26 to 12/02/27 is
                // 2026's, not the usual year's; blind set 197's pennock ridge.)
                let within: Vec<chrono::NaiveDate> = self
                    .own_span
                    .map(|(from, to)| {
                        [year - 1, year, year + 1]
                            .into_iter()
                            .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, m, d))
                            .filter(|x| (from..=to).contains(x))
                            .filter(in_order)
                            .collect()
                    })
                    .unwrap_or_default();
                if let ([date], Some((from, to))) = (&within[..], self.own_span) {
                    if chrono::Datelike::year(date) != year {
                        let why = format!(
                            "a date with no year: read as {date}, the one year that puts it within this table's own dates ({} to {})",
                            from.format("%d/%m/%Y"),
                            to.format("%d/%m/%Y")
                        );
                        findings.push(Severity::Warning, "date_without_year", self.file, self.sheet, Some(row.row), Some(header), cell.as_string(), why);
                        return Some(*date);
                    }
                }
                if let Some(date) = chrono::NaiveDate::from_ymd_opt(year, m, d) {
                    findings.push(
                        Severity::Warning,
                        "date_without_year",
                        self.file,
                        self.sheet,
                        Some(row.row),
                        Some(header),
                        cell.as_string(),
                        format!("a date with no year: read as {date}, in {year}, the year most of this table's dates are in"),
                    );
                    return Some(date);
                }
            }
        }
        // A date after words saying it was done ("done 24/9", "Completed -
        // see case note 14/10"): that date, in the table's usual year when
        // it gives none.
        if let Some((cell, header)) = self.cell(row, field).filter(|(c, _)| matches!(c, Cell::Text(_)) && read(c).is_none()) {
            let near = (field != "due_date").then(|| self.due_date_of(row)).flatten();
            if let Some(date) = self.done_date_near(&cell.as_string(), near) {
                let why = format!("a date written after words saying it was done: read as {date}");
                findings.push(Severity::Info, "date_in_words", self.file, self.sheet, Some(row.row), Some(header), cell.as_string(), why);
                return Some(date);
            }
        }
        // The week an audit was handed out in ("w/c 01/06", "w/c
        // 01/06/2026"): its first day, as written; with no year, in the year
        // that puts it nearest the audit's completion (else the table's usual
        // year; blind set 193's brindlecombe: due at the end of that month).
        if field == "allocated_date" {
            if let Some((cell, header)) = self.cell(row, field).filter(|(c, _)| matches!(c, Cell::Text(_)) && read(c).is_none()) {
                let text = cell.as_string();
                let date = super::timescale::week_commencing(&text).and_then(|rest| {
                    read(&Cell::text(rest)).or_else(|| {
                        let (m, d) = crate::ingest::cell::day_month_without_year(rest)
                            .or_else(|| super::yearless::day_month(rest, self.month_first).map(|dm| (dm.month, dm.day)))?;
                        match (on("completed_date"), self.usual_year) {
                            (Some(n), _) => {
                                let y = chrono::Datelike::year(&n);
                                [y - 1, y].into_iter().filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, m, d)).filter(|x| *x <= n).max()
                            }
                            (None, Some(y)) => chrono::NaiveDate::from_ymd_opt(y, m, d),
                            (None, None) => None,
                        }
                    })
                });
                if let Some(date) = date {
                    let why = format!("a week the audit was handed out in: read as its first day, {date}");
                    findings.push(Severity::Info, "date_in_words", self.file, self.sheet, Some(row.row), Some(header), text, why);
                    return Some(date);
                }
            }
        }
        let what = if self.month_first {
            "not a date (this table's month-first dates, ISO dates and Excel dates are read): left blank"
        } else {
            "not a date (day-first dates, ISO dates and Excel dates are read): left blank"
        };
        let date = self.parsed(row, field, findings, read, what)?;
        // A database's or Excel's way of writing "no date" (SQL Server's
        // 1900-01-01 as an open plan's end, Excel's day 0, .NET's and SQL's
        // least dates) is no date. (Case notes keep theirs, as both case-note
        // readers do: an implausible date there is said, not read away.)
        if self.mapping.kind != TableKind::CaseNotes && NO_DATE.iter().any(|&(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d) == Some(date)) {
            let header = self.cell(row, field).map(|(_, h)| h.to_string());
            let why = format!("{date} is how databases and Excel write \"no date\": read as blank");
            findings.push(Severity::Warning, "no_date_placeholder", self.file, self.sheet, Some(row.row), header.as_deref(), date.to_string(), why);
            return None;
        }
        Some(date)
    }

    /// A spoken-to answer read as yes from who or what it names, counted for
    /// the column's `read_as_yes` note.
    fn named_yes(&mut self, field: &str, header: String, text: String) -> Answer {
        self.answers_read.entry(field.to_string()).or_default().0 += 1;
        self.read_as_yes.entry(header).or_insert((0, text)).0 += 1;
        Answer::Yes
    }

    /// A timescale where an audit's due date goes ("Timescale for
    /// completion: 10 working days", "within 4 weeks"), counted from the
    /// audit's allocation: the due date when it needs no calendar, else the
    /// row's own due rule (working days are counted with the bank holidays
    /// later); said in a `due_timescale` note. Nothing when the cell is a
    /// date or no timescale, or the audit has no allocation date (then the
    /// cell is reported as not a date, as before).
    fn timescale_due(&self, row: &SourceRow, allocated: Option<chrono::NaiveDate>, findings: &mut Findings) -> (Option<chrono::NaiveDate>, Option<String>) {
        let Some((Cell::Text(text), header)) = self.cell(row, "due_date") else {
            return (None, None);
        };
        let (Some(start), Some(t)) = (allocated, super::timescale::parse(text)) else {
            return (None, None);
        };
        let (due, rule, said) = match t {
            super::timescale::Timescale::WorkingDays(n) => {
                (None, Some(format!("working_days_after_allocation:{n}")), format!("{n} working days after allocation"))
            }
            super::timescale::Timescale::Days(n) => (None, Some(format!("days_after_allocation:{n}")), format!("{n} days after allocation")),
            other => match super::timescale::due(other, start, |d, _| d) {
                Some(d) => (Some(d), None, d.to_string()),
                None => return (None, None),
            },
        };
        let why = format!("a timescale where the due date goes: the audit is due {said}");
        findings.push(Severity::Info, "due_timescale", self.file, self.sheet, Some(row.row), Some(header), text.trim(), why);
        (due, rule)
    }

    /// The row's due date as written, read as a date (no findings).
    /// An audit not done whose status or note says it was put off to a later
    /// month ("Deferred to Nov - SW on leave", "Postponed until December",
    /// "Moved to Nov sample"): due at the end of that month, the first such
    /// month from its due date (or allocation), whatever due date the row
    /// still shows; said in a `due_deferred` note.
    fn deferred_due(
        &self,
        row: &SourceRow,
        completed: Option<chrono::NaiveDate>,
        allocated: Option<chrono::NaiveDate>,
        findings: &mut Findings,
    ) -> Option<chrono::NaiveDate> {
        if completed.is_some() {
            return None;
        }
        let texts = self.text(row, "status").into_iter().chain(self.note_columns.iter().filter_map(|(i, _)| row.cells.get(*i)).map(Cell::as_string));
        let (text, to) = texts.filter_map(|t| deferred_to_month(&t).map(|m| (t, m))).next()?;
        use chrono::Datelike as _;
        let from = self.due_date_of(row).or(allocated)?;
        let month = match to {
            Deferral::Month(m) => m,
            Deferral::Next => from.month() % 12 + 1,
        };
        let mut due = crate::calendar::month_end(chrono::NaiveDate::from_ymd_opt(from.year(), month, 1)?);
        if due < from {
            due = crate::calendar::month_end(chrono::NaiveDate::from_ymd_opt(from.year() + 1, month, 1)?);
        }
        let why = format!("the audit was put off to a later month ('{}'): due at the end of that month, {due}", text.trim());
        findings.push(Severity::Info, "due_deferred", self.file, self.sheet, Some(row.row), Some("due_date"), text.trim(), why);
        Some(due)
    }

    fn due_date_of(&self, row: &SourceRow) -> Option<chrono::NaiveDate> {
        self.fields.iter().find(|(f, _)| f == "due_date").and_then(|(_, (i, _))| row.cells.get(*i)).and_then(|c| self.as_date(c))
    }

    /// The date after words saying something was done ("done 24/9",
    /// "Completed - see case note 14/10"). A day and month with no year is
    /// in the year that puts it nearest `near` (the row's due date: "done
    /// 2/1" of an action due 20/12/2025 is in 2026) and not after today,
    /// else in the table's usual year; with neither, no date.
    fn done_date_near(&self, text: &str, near: Option<chrono::NaiveDate>) -> Option<chrono::NaiveDate> {
        use crate::ingest::cell::DoneDate;
        match crate::ingest::cell::done_date(text)? {
            DoneDate::Full(d) => Some(d),
            DoneDate::DayMonth(d, m) => match (near, self.usual_year) {
                // (Never a day still to come: "done 20/4" of an action due
                // 30/10/2026 is April 2026, though April 2027 is nearer.)
                (Some(n), _) => {
                    let y = chrono::Datelike::year(&n);
                    let today = crate::calendar::today();
                    let years: Vec<chrono::NaiveDate> = [y - 1, y, y + 1].into_iter().filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, m, d)).collect();
                    let any_past = years.iter().any(|x| *x <= today);
                    years.into_iter().filter(|x| !any_past || *x <= today).min_by_key(|x| (*x - n).num_days().abs())
                }
                (None, Some(y)) => chrono::NaiveDate::from_ymd_opt(y, m, d),
                (None, None) => None,
            },
        }
    }

    /// A cell read with `parse`; a filled cell it cannot read is a `bad_date`
    /// finding saying `what`, and left blank.
    fn parsed<T>(&self, row: &SourceRow, field: &str, findings: &mut Findings, parse: impl Fn(&Cell) -> Option<T>, what: &str) -> Option<T> {
        let (cell, header) = self.cell(row, field)?;
        if cell.is_empty() {
            return None;
        }
        let v = parse(cell);
        if v.is_none() {
            findings.push(Severity::Warning, "bad_date", self.file, self.sheet, Some(row.row), Some(header), cell.as_string(), what);
        }
        v
    }

    /// A re-audit recorded on the row of the audit it follows ("Re-audit date",
    /// "Re-audit judgement"): an audit of the same child, completed that day,
    /// with that overall judgement. It has no allocation of its own, nor a
    /// due date unless a column gives one ("Re-audit due"; else it leaves
    /// the on-time KPI), and no answers of its own.
    fn reaudit(&mut self, row: &SourceRow, a: &Audit, findings: &mut Findings) -> Vec<Audit> {
        if !self.reaudit_slots.is_empty() {
            // Numbered re-audits, each an audit of its own ("… (re-audit 2)").
            let slots = self.reaudit_slots.clone();
            return slots
                .into_iter()
                .filter_map(|(n, date, judged)| {
                    // (A re-audit date with no judgement is when one is planned.)
                    row.cells.get(judged).filter(|c| !c.is_empty())?;
                    let completed = self.as_date(row.cells.get(date)?)?;
                    let header = format!("re-audit {n} judgement");
                    let overall = self.judgement(row, judged, &header, findings);
                    Some(self.reaudit_of(a, format!("{} (re-audit {n})", a.id), completed, overall))
                })
                .collect();
        }
        // (A re-audit date with no judgement is when one is planned.)
        if self.cell(row, "reaudit_overall").is_none_or(|(c, _)| c.is_empty()) {
            // A re-audit's deadline with none done, of an inadequate audit
            // (or on a log's row, which grades nothing else): a re-audit
            // due and not done, on time or late as any audit (review 251's
            // c21, c25). Not a deadline worked out for every audit.
            // (Only where the table records re-audits on the row, a date or
            // a judgement column: "Inadequate: re-audit due by" alone, with
            // the re-audits as rows of their own, is the next audit's
            // deadline; blind set 146's ellerdyke.)
            let on_row = self.mapping.field("reaudit_date").is_some() || self.mapping.field("reaudit_overall").is_some();
            let none_done = on_row && self.cell(row, "reaudit_date").is_none_or(|(c, _)| c.is_empty());
            let needs_one = a.overall.as_ref().is_none_or(|j| j.band == Some(Band::Inadequate));
            if let (true, true, Some(due)) = (none_done, needs_one, self.reaudit_due(row, findings)) {
                let mut re = self.reaudit_of(a, format!("{} (re-audit)", a.id), due, None);
                re.completed = None;
                re.due = Some(due);
                return vec![re];
            }
            return Vec::new();
        }
        let Some(completed) = self.date(row, "reaudit_date", findings) else { return Vec::new() };
        let overall = self.mapping.field("reaudit_overall").and_then(|i| self.judgement(row, i, "re-audit judgement", findings));
        let mut re = self.reaudit_of(a, format!("{} (re-audit)", a.id), completed, overall);
        // (Its own deadline where the row gives one, "Re-audit due": then it
        // is on time or late as any audit; blind set 159.)
        re.due = self.reaudit_due(row, findings);
        vec![re]
    }

    /// A re-audit's own deadline on the row ("Re-audit due"). (A formula's
    /// error there, "#REF!", is said once, as such, not again as no date.)
    fn reaudit_due(&self, row: &SourceRow, findings: &mut Findings) -> Option<chrono::NaiveDate> {
        if self.cell(row, "reaudit_due_date").is_some_and(|(c, _)| matches!(c, Cell::Error(_))) {
            return None;
        }
        self.date(row, "reaudit_due_date", findings)
    }

    /// A re-audit read on the row of audit `a`: an audit of the same child,
    /// completed on `completed`, with its own judgement and nothing else.
    fn reaudit_of(&self, a: &Audit, id: String, completed: chrono::NaiveDate, overall: Option<Judgement>) -> Audit {
        Audit {
            id,
            allocated: None,
            allocated_month: None,
            due: None,
            completed: Some(completed),
            overall,
            overall_source: None,
            domains: Vec::new(),
            moderated: None,
            moderator_agrees: None,
            moderated_overall: None,
            moderation_date: None,
            spoke_child: Answer::Blank,
            spoke_family: Answer::Blank,
            spoke_practitioner: Answer::Blank,
            evidence: String::new(),
            good_practice: String::new(),
            escalated: None,
            actions_accepted: None,
            reaudit_on_row: true,
            ..a.clone()
        }
    }

    fn judgement(&self, row: &SourceRow, index: usize, header: &str, findings: &mut Findings) -> Option<Judgement> {
        let cell = row.cells.get(index).unwrap_or(&Cell::Empty);
        // A number whose meaning the header states ("(3 = Exceeds good, 2 = Meets good, …)").
        if let Some(key) = self.header_keys.iter().find(|(i, _)| *i == index).map(|(_, k)| k) {
            let number = match cell {
                Cell::Number(n) if n.fract() == 0.0 => Some(*n as i64),
                Cell::Text(t) => t.trim().parse::<i64>().ok(),
                _ => None,
            };
            // Every label of the key must be a grade the crosswalk knows; else the key is not used.
            let judged: Vec<(i64, Option<bool>)> =
                key.iter().filter_map(|(k, l)| Some((*k, self.ctx.crosswalk.judge(&Cell::text(l), None, self.numeric).ok()??.at_least_good))).collect();
            if let Some(n) = number.filter(|_| judged.len() == key.len()) {
                if let Some((_, label)) = key.iter().find(|(k, _)| *k == n) {
                    let mut j = self.ctx.crosswalk.judge(&Cell::text(label), None, self.numeric).ok().flatten()?;
                    j.source_label = cell.as_string();
                    return Some(j);
                }
                // Only the ends given ("4 = Outstanding, 1 = Inadequate"): which way the numbers run.
                // Which way they run: the good end above the poor one, or one end
                // alone at the top or the bottom of a 1-to-4 or 1-to-5 score.
                let good = judged.iter().filter(|(_, g)| *g == Some(true)).map(|(k, _)| *k).max();
                let poor = judged.iter().filter(|(_, g)| *g == Some(false)).map(|(k, _)| *k).max();
                let higher_better = match (good, poor) {
                    (Some(g), Some(p)) => Some(g > p),
                    (Some(g), None) => Some(g > 2),
                    (None, Some(p)) => Some(p <= 2),
                    (None, None) => None,
                };
                if let Some(higher_better) = higher_better {
                    let direction = if higher_better { super::config::NumericDirection::HigherIsBetter } else { super::config::NumericDirection::Ofsted };
                    if let Ok(j) = self.ctx.crosswalk.judge(cell, self.mapping.scale_of(index), direction) {
                        return j;
                    }
                }
            }
        }
        match self.ctx.crosswalk.judge(cell, self.mapping.scale_of(index), self.numeric) {
            Ok(j) => j,
            Err(u) => {
                findings.push(
                    Severity::Warning,
                    "unknown_label",
                    self.file,
                    self.sheet,
                    Some(row.row),
                    Some(header),
                    u.0,
                    "matches no grading scale: counted as not graded. Add it to the crosswalk in the config if it is a grade",
                );
                None
            }
        }
    }

    /// Whether the auditor spoke to someone: the answer; else, blank there, a
    /// reason given under "If child was not spoken to please state why" says
    /// no (or not applicable, when it says so).
    /// (A no that only says the role is missing from a list of who was spoken
    /// to is not applicable when the reason box says so.)
    fn spoken_to(&mut self, row: &SourceRow, field: &'static str, findings: &mut Findings) -> Answer {
        let pointed = self.cell(row, field).and_then(|(c, h)| match c {
            Cell::Text(t) => Some((t.trim().to_string(), h.to_string())),
            _ => None,
        });
        if let Some((t, header)) = pointed {
            if let Some(rest) = self.after_pointer(&t) {
                // What follows the pointer may answer for itself ("See TH50231 -
                // mother seen 14/09 about both children"): read first.
                if !rest.is_empty() {
                    let mut own = row.clone();
                    if let Some((i, _)) = self.column(row, field) {
                        own.cells[i] = Cell::text(&rest);
                    }
                    let (mut said, counts) = (Findings::default(), self.answers_read.clone());
                    let a = self.answer(&own, field, &mut said);
                    if a != Answer::Blank {
                        findings.list.extend(said.list);
                        return a;
                    }
                    self.answers_read = counts;
                }
                if rest.split_whitespace().count() <= 4 {
                    let completed = self.date(row, "completed_date", &mut Findings::default());
                    self.answer_refs.push((row.row, field, header, t, completed));
                    return Answer::Blank;
                }
            }
        }
        let mut a = self.answer(row, field, findings);
        // Another column of the field, one per person ("Parents / carers
        // views: 2"): yes where it says so.
        if a == Answer::No {
            let others: Vec<usize> =
                self.alternates.iter().filter(|(f, (j, _))| f == field && row.cells.get(*j).is_some_and(|c| !c.is_empty())).map(|(_, (j, _))| *j).collect();
            // (Asked quietly: the counts of answers read are the row's own.)
            let counts = self.answers_read.clone();
            for j in others {
                let mut own = row.clone();
                if let Some((i, _)) = self.column(row, field) {
                    own.cells[i] = row.cells[j].clone();
                }
                if self.answer(&own, field, &mut Findings::default()) == Answer::Yes {
                    a = Answer::Yes;
                    break;
                }
            }
            self.answers_read = counts;
        }
        let because = || self.cell(row, &format!("{field}_not")).map_or(Answer::Blank, |(c, _)| not_spoken_because(c));
        // (Or a plain "No" whose reason says it does not apply: "No" |
        // "Baby (6 months) - too young to be spoken to"; review 258's c01.)
        if a == Answer::No && because() == Answer::NotApplicable {
            return Answer::NotApplicable;
        }
        if a != Answer::Blank {
            return a;
        }
        because()
    }

    /// A yes / no answer, the right way round: under a question asked in
    /// the negative ("Child/YP NOT consulted by auditor? (Y/N)", "Unable to
    /// speak to parent/carer"), yes is no and no is yes.
    fn answer(&mut self, row: &SourceRow, field: &str, findings: &mut Findings) -> Answer {
        let a = self.answer_as_written(row, field, findings);
        // (A moderation's outcome in words, "Disagree", is read as it says.)
        let negated = self.cell(row, field).is_some_and(|(c, h)| {
            (field.starts_with("spoke_") && asked_in_the_negative(field, h))
                || (field == "moderator_agrees" && moderation_turned_round(h) && matches!(super::scales::answer(c), Some(Answer::Yes | Answer::No)))
        });
        match a {
            Answer::Yes if negated => Answer::No,
            Answer::No if negated => Answer::Yes,
            _ => a,
        }
    }

    fn answer_as_written(&mut self, row: &SourceRow, field: &str, findings: &mut Findings) -> Answer {
        let Some((cell, header)) = self.cell(row, field) else { return Answer::Blank };
        // A form's control never filled in ("Click here to enter text."), or
        // the form's own instruction left alone in the cell ("Please refer
        // to separate guidance document if this case is selected …"): no answer.
        if matches!(cell, Cell::Text(t) if super::forms::placeholder_text(t) || (field.starts_with("spoke_") && super::forms::instruction_only(t))) {
            return Answer::Blank;
        }
        // Moderation asked for, not done ("Sent to Pat Lund for moderation
        // 25/10", "Referred for moderation - awaiting"): not moderated.
        if field == "moderated" {
            let f = fold(&cell.as_string());
            if ["sent to", "sent for", "referred for", "referred to", "awaiting", "requested", "to be moderated", "not yet"]
                .iter()
                .any(|p| contains_phrase(&f, p))
            {
                return Answer::No;
            }
        }
        if super::scales::is_not_known(cell) {
            // "TBC", "Pending", "N/K": not an answer yet, never yes.
            findings.push(
                Severity::Warning,
                "answer_not_known",
                self.file,
                self.sheet,
                Some(row.row),
                Some(header),
                cell.as_string(),
                "an answer not known yet: read as not recorded",
            );
            return Answer::Blank;
        }
        // (A multi-select's yes and no both ticked, "Yes;No;": undecided.)
        if matches!(cell, Cell::Text(t) if super::scales::yes_and_no_ticked(t)) {
            let why = "yes and no both ticked: undecided, read as not recorded";
            findings.push(Severity::Warning, "unknown_answer", self.file, self.sheet, Some(row.row), Some(header), cell.as_string(), why);
            return Answer::Blank;
        }
        // A list of who was spoken to: this role is in it or not (what it
        // cannot tell, a person's name alone, is said and left blank below).
        let who_list = field.starts_with("spoke_") && super::columns::is_who_spoken_to_header(&fold(header));
        // A list of who was not spoken to: this role is in it (no), or others
        // or no one are (yes); what it cannot tell is said and left blank.
        if field.starts_with("spoke_") && super::columns::is_not_spoken_to_header(header) {
            let (header, text) = (header.to_string(), cell.as_string());
            if text.trim().is_empty() {
                return Answer::Blank;
            }
            let e = self.answers_read.entry(field.to_string()).or_default();
            if let Some(a) = role_in_not_spoken_list(field, &text) {
                e.0 += 1;
                return a;
            }
            e.1 += 1;
            let why = "names no one it can tell in a list of who was not spoken to: left blank";
            findings.push(Severity::Warning, "unknown_answer", self.file, self.sheet, Some(row.row), Some(&header), text, why);
            return Answer::Blank;
        }
        if who_list {
            if let Some(a) = role_in_who_list(field, &cell.as_string()) {
                self.answers_read.entry(field.to_string()).or_default().0 += 1;
                return a;
            }
        }
        // A case not chosen for this feedback ("Not sought – case not
        // selected for parent/carer feedback", "Not picked for parent/carer
        // views"): the question does not apply. (A bare "Not selected" is a
        // drop-down left unanswered.)
        if field.starts_with("spoke_") {
            if let Cell::Text(t) = cell {
                let f = fold(t);
                let not_chosen = ["not selected", "not picked", "not chosen"].iter().any(|p| contains_phrase(&f, p))
                    && (!f.starts_with("not selected") || f.starts_with("not selected for "));
                if not_chosen && t.split_whitespace().count() <= 15 {
                    self.answers_read.entry(field.to_string()).or_default().0 += 1;
                    return Answer::NotApplicable;
                }
                // Nor a short answer one of whose clauses says it does not
                // apply ("Baby - not applicable", "Pre-verbal (N/A)"), not
                // a record of what was said.
                if t.split_whitespace().count() <= 6 && clauses(t).iter().skip(1).any(|c| not_applicable_clause(c)) {
                    self.answers_read.entry(field.to_string()).or_default().0 += 1;
                    return Answer::NotApplicable;
                }
                // Views said not to have been had ("Views not recorded",
                // "Feedback not given", "Views not obtained - mother
                // declined", "Parents' views not sought"): no.
                // So is one each of whose clauses says so, or says whom was
                // not reached ("Parents not contacted - views not obtained").
                if says_no_views(t) {
                    self.answers_read.entry(field.to_string()).or_default().0 += 1;
                    return Answer::No;
                }
                // Views said to have been had, as a drop-down's word
                // ("Obtained", "Views gathered", "Parents' views received –
                // by phone"): yes (blind set 187's corrowby).
                if says_views_had(t) {
                    self.answers_read.entry(field.to_string()).or_default().0 += 1;
                    return Answer::Yes;
                }
                // Under a question asking what they said ("What did
                // parents/carers say?", "What did the child tell you?"), an
                // answer is what they said: yes ("Mum happy with support",
                // "Dad says he was not listened to"), unless it says they
                // were not reached or would not speak (no), or could not be
                // asked (not applicable).
                if let Some(a) = what_they_said(header, t, field) {
                    let header = header.to_string();
                    self.answers_read.entry(field.to_string()).or_default().0 += 1;
                    match a {
                        Answer::Yes => {
                            self.views_as_yes.entry(header).or_insert((0, t.clone())).0 += 1;
                        }
                        Answer::No => {
                            let why = "under a question asking what they said, says they were not reached or would not speak: read as no";
                            findings.push(Severity::Info, "read_as_no", self.file, self.sheet, Some(row.row), Some(&header), t.clone(), why);
                        }
                        _ => {}
                    }
                    return a;
                }
            }
        }
        let mut read = if field == "moderator_agrees" { moderation_outcome(cell).or_else(|| answer(cell)) } else { answer(cell) };
        // A refusal word of someone else's beside the person asked about, met
        // or seen ("Met with both parents; unable to make contact with
        // grandmother"): that person was spoken to. Not an answer that starts
        // with no.
        if read == Some(Answer::No) && field.starts_with("spoke_") {
            if let Cell::Text(t) = cell {
                let f = fold(t);
                let starts_no = matches!(f.split(' ').next(), Some("no" | "n" | "not" | "false" | "none" | "nobody"));
                if !starts_no && reached_in_person(field, t) {
                    read = Some(Answer::Yes);
                }
                // ("Mother – unable to reach, Father – yes": the father was.)
                if several_answers(field, t) == Some(Answer::Yes) {
                    read = Some(Answer::Yes);
                }
            }
        }
        if let Some(a) = read {
            if !cell.is_empty() {
                let e = self.answers_read.entry(field.to_string()).or_default();
                e.0 += 1;
                e.2 += u64::from(is_prose_answer(cell));
            }
            return a;
        }
        // A name or a date where yes / no was asked ("Moderated by", "Which worker
        // did you speak to?") says it happened.
        let text = cell.as_string();
        // So does the day they spoke, under any spoken-to question ("Spoken to
        // child?": 07/09/2026), the day written as the answer (blind set 107).
        // (Only a day the audit could have spoken: in the three months up to
        // its completion. A visit booked later, a date years before, Excel's
        // "no date" are no answer.)
        let spoke = match cell {
            Cell::Date(_) => self.as_date(cell),
            // (Read as the table reads its dates, where it is one.)
            // (A date alone, however written: "3 September 2026" too; not a
            // date before words, "07/09/2026 spoke to mum".)
            _ => crate::ingest::cell::date_alone(text.trim()).map(|d| self.as_date(cell).unwrap_or(d)),
        };
        if let Some(d) = spoke.filter(|_| field.starts_with("spoke_")) {
            let completed = self.date_read(row, "completed_date", &mut Findings::default());
            if completed.is_some_and(|c| d <= c && (c - d).num_days() <= 92) {
                return self.named_yes(field, header.to_string(), text);
            }
        }
        let second_hand = match view_attributed(field, &text) {
            Some(Answer::Blank) => true,
            Some(a) => {
                self.answers_read.entry(field.to_string()).or_default().0 += 1;
                return a;
            }
            None => false,
        };
        // So does what was said, under a header that asks for a record of the
        // discussion (seed 000: "Record of discussion with child:").
        // (The header folded once, for the spoken-to questions below.)
        let h = if field.starts_with("spoke_") { fold(header) } else { String::new() };
        // (Seed 000's care leaver template: "Additional information provided
        // by the young person, which is not reflected within the audit:"
        // above "If the young person was not spoken to please state why
        // not:"; blind set 166.)
        let records_discussion = field.starts_with("spoke_")
            && (contains_phrase(&h, "record of discussion")
                || contains_phrase(&h, "record of the discussion")
                || contains_phrase(&h, "summary of discussion")
                || contains_phrase(&h, "information provided by the young person")
                || contains_phrase(&h, "information provided by the child"));
        // A spoken-to column whose header asks who or when ("Parents / carers
        // views (who was spoken to)", "Date child seen by auditor"): a name or
        // a date there says so too.
        // (A short header: a long question that happens to hold "which" is not asking.)
        let asks_who_or_when = field.starts_with("spoke_")
            && !who_list
            && h.split(' ').count() <= 10
            && ["who", "which", "date", "name", "names"].iter().any(|w| h.split(' ').any(|x| x == *w));
        // A yes / no withheld from a shared copy ("Allocated worker consulted:
        // [RESTRICTED]") is not known; a record or a name withheld still
        // says there was one.
        // (So is a box of someone's views, "Parents / carers views", not a
        // question of whether they were had, "Parent views obtained?":
        // blind set 156's marlowe vale.)
        let views_box = h.split(' ').any(|w| matches!(w, "views" | "view"))
            && !header.contains('?')
            && !h.split(' ').any(|w| matches!(w, "obtained" | "sought" | "spoken" | "spoke" | "captured" | "gathered" | "asked" | "heard" | "consulted"));
        let a_record = records_discussion
            || views_box
            || h.split(' ').any(|w| matches!(w, "record" | "recorded" | "discussion" | "summary" | "comment" | "comments" | "notes" | "narrative"));
        // (A box of views withheld held views: they were had.)
        if field.starts_with("spoke_") && withheld(&text) && views_box && !who_list {
            return self.named_yes(field, header.to_string(), text);
        }
        if field.starts_with("spoke_") && withheld(&text) && !a_record && !asks_who_or_when && !who_list {
            let header = header.to_string();
            findings.push(
                Severity::Warning,
                "answer_withheld",
                self.file,
                self.sheet,
                Some(row.row),
                Some(&header),
                text,
                "withheld from this copy of the export: read as not recorded",
            );
            return Answer::Blank;
        }
        // A record that says only that no one was reached ("Left a message, no
        // reply"), under any spoken-to header.
        if field.starts_with("spoke_") && !who_list && cell.as_date().is_none() && only_failed_contact(&text) {
            let header = header.to_string();
            self.answers_read.entry(field.to_string()).or_default().0 += 1;
            findings.push(
                Severity::Info,
                "read_as_no",
                self.file,
                self.sheet,
                Some(row.row),
                Some(&header),
                text,
                "says only that no one was reached: read as no",
            );
            return Answer::No;
        }
        // A questionnaire or feedback form sent for their views and returned
        // (yes), or not returned (no, where not said above): seed 003's
        // "questionnaire / telephone" (blind set 162's thistlebrook,
        // "Questionnaire returned").
        // (The child's or the family's: a worker is not sent one; review
        // 253's c25.)
        if matches!(field, "spoke_child" | "spoke_family") && !who_list {
            if let Some(a) = questionnaire_answer(&text) {
                self.answers_read.entry(field.to_string()).or_default().0 += 1;
                return a;
            }
        }
        // A worker named with their answer ("SW – no", "SW: not available
        // (on leave)", "PA - yes"): that answer, not a name that says they
        // were spoken to (stranger review 23b).
        if field == "spoke_practitioner" {
            if let Some(a) = worker_answer(&text) {
                self.answers_read.entry(field.to_string()).or_default().0 += 1;
                return a;
            }
        }
        // Only who was spoken to, where whether the family was is asked
        // ("Mother", "Grandparents", "Mum and dad", "Foster carers (Mr and
        // Mrs Tate)": their names in brackets): yes.
        if field == "spoke_family" && !who_list && cell.as_date().is_none() {
            let f = fold(text.split('(').next().unwrap_or(""));
            let ws: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
            if !ws.is_empty()
                && ws.len() <= 4
                && ws.iter().any(|w| FAMILY_WORDS.contains(w) && *w != "family")
                && ws.iter().all(|w| FAMILY_WORDS.contains(w) || matches!(*w, "and" | "both" | "s" | "foster" | "birth"))
            {
                return self.named_yes(field, header.to_string(), text);
            }
        }
        let names_something = !second_hand
            && (matches!(field, "moderated" | "spoke_practitioner" | "escalated") || records_discussion || asks_who_or_when || tells_contact(field, &text))
            && !who_list
            && (cell.as_date().is_some() || text.chars().filter(|c| c.is_alphabetic()).count() >= 2);
        // Unless the words say that person was not spoken to ("Personal adviser
        // on leave - not spoken to", "IRO only - SW post vacant"): a short
        // answer only, never a record of what was said ("Mum said she did not
        // understand the plan").
        if names_something
            && field.starts_with("spoke_")
            && cell.as_date().is_none()
            && !records_discussion
            && text.split_whitespace().count() <= 15
            && says_not_spoken_to(&text, field)
        {
            let header = header.to_string();
            self.answers_read.entry(field.to_string()).or_default().0 += 1;
            findings.push(
                Severity::Info,
                "read_as_no",
                self.file,
                self.sheet,
                Some(row.row),
                Some(&header),
                text,
                "names someone, but says they were not spoken to (or only someone else was): read as no",
            );
            return Answer::No;
        }
        // A partner agency's worker named, and no social worker or personal
        // adviser ("School DSL (Mrs Hartfield) 22/09", "Health visitor"):
        // the practitioner asked about was not spoken to.
        if names_something && field == "spoke_practitioner" && cell.as_date().is_none() && names_partner_worker(&text) && !names_role(field, &fold(&text)) {
            let header = header.to_string();
            self.answers_read.entry(field.to_string()).or_default().0 += 1;
            let why = "names only a partner agency's worker, not the social worker or personal adviser: read as no";
            findings.push(Severity::Info, "read_as_no", self.file, self.sheet, Some(row.row), Some(&header), text, why);
            return Answer::No;
        }
        if names_something {
            return self.named_yes(field, header.to_string(), text);
        }
        // A parent's or carer's view written under a header asking for their
        // views ("Parents / carers views:", which seed 001 asks the auditor
        // to obtain for the cases selected), in a column that also answers
        // yes or no ("No - parents did not engage"), or says who could not
        // be reached ("Selected - no response to letter"): their views were
        // obtained. Not one heard through someone else, nor one saying they
        // were not spoken to; and not in a column of views alone, which
        // records views, not who was spoken to (blind sets 7, 10 and 17).
        let views_header = field == "spoke_family" && ["views", "view", "feedback", "wishes"].iter().any(|w| h.split(' ').any(|x| x == *w));
        // (A way they were reached, "Telephone discussion", answers alone: no
        // yes or no beside it needed; review 256's c49.)
        if views_header
            && (self.views_answered || by_contact(&text))
            && !second_hand
            && cell.as_date().is_none()
            // (One word only where it names who gave it: "Carer", "Grandparents".)
            && (text.split_whitespace().count() >= 2 || names_role(field, &fold(&text)) || by_contact(&text))
            // (Or how they were sought, seed 003's "either by a brief
            // questionnaire or by a telephone discussion": "Telephone
            // discussion", "Brief questionnaire"; blind set 168.)
            && (names_role(field, &fold(&text)) || gives_a_view(&text) || by_contact(&text))
            && !says_not_spoken_to(&text, field)
            && !has_a_negative(&text)
        {
            let header = header.to_string();
            self.answers_read.entry(field.to_string()).or_default().0 += 1;
            let e = self.views_as_yes.entry(header).or_insert((0, text));
            e.0 += 1;
            return Answer::Yes;
        }
        let header = header.to_string();
        let e = self.answers_read.entry(field.to_string()).or_default();
        e.1 += 1;
        e.2 += u64::from(is_prose_answer(cell));
        findings.push(
            Severity::Warning,
            "unknown_answer",
            self.file,
            self.sheet,
            Some(row.row),
            Some(&header),
            text,
            "not read as yes, no or not applicable: left blank",
        );
        Answer::Blank
    }

    /// [`Audit::rest_of_row`]: the row's cells under their headers, but the
    /// audit's own dates and grades (a date written as text in one export and
    /// as a date cell in another, a grade spelled "RI" or "Requires
    /// improvement", are compared as the audit reads them).
    fn rest_of_row(&self, row: &SourceRow) -> u64 {
        const OWN: [&str; 10] = [
            "reaudit_due_date",
            "allocated_date",
            "audit_month",
            "due_date",
            "completed_date",
            "moderation_date",
            "actions_accepted",
            "overall",
            "moderated_overall",
            "reaudit_date",
        ];
        let mut key = 0u64;
        for c in &self.mapping.columns {
            let own = match &c.target {
                Target::Field(f) => OWN.contains(&f.as_str()),
                Target::Domain(_) => true,
                _ => false,
            };
            match row.cells.get(c.index) {
                Some(cell) if !own && !cell.is_empty() => key = key.wrapping_add(cell_key(self.keys.column(c.index), cell.as_string().trim())),
                _ => {}
            }
        }
        key
    }

    /// Whether a row holds only a short title where the child's id goes (two
    /// or more words, no figure), with nothing else but the tool's own
    /// columns ([`super::sections::system_column`]).
    fn titled(&self, row: &SourceRow) -> bool {
        let Some((i, Cell::Text(t))) = self.mapping.field("child_id").and_then(|i| Some((i, row.cells.get(i)?))) else { return false };
        let short_title = t.split_whitespace().count() >= 2 && t.chars().any(char::is_alphabetic) && !t.chars().any(|c| c.is_ascii_digit());
        short_title
            && row
                .cells
                .iter()
                .enumerate()
                .all(|(j, c)| j == i || c.is_empty() || self.mapping.columns.iter().any(|m| m.index == j && super::sections::system_column(&m.header)))
    }

    fn audit(&mut self, row: &SourceRow, findings: &mut Findings) -> Result<Audit, RowError> {
        // A formula's error where the child id should be (a pseudonymising lookup
        // that failed): still an audit, of a child no other record can be matched to.
        let failed_lookup = self.cell(row, "child_id").and_then(|(c, h)| match c {
            Cell::Error(e) => Some((e.clone(), h.to_string())),
            _ => None,
        });
        // A word where the id should be ("Unknown", "TBC"): the same, so two
        // audits of "Unknown" children are never one child re-audited.
        let placeholder = self.cell(row, "child_id").and_then(|(c, h)| match c {
            Cell::Text(t) if super::identity::placeholder_id(t) => Some((t.clone(), h.to_string())),
            _ => None,
        });
        // (An item's name holding the child's id, "Client 3062290": the id;
        // one saying test is a test's.)
        let named = match self.audit_named.and_then(|_| self.text(row, "child_id")) {
            Some(t) if says_test(&t) => return Err((TEST_RECORD, t, Some("child id".to_string()))),
            Some(t) if row.lone_text().is_some() && audit_title_id(&t).is_none() => return Err((ITEM_TITLE, t, Some("child id".to_string()))),
            Some(t) => Some(audit_title_id(&t).unwrap_or(t)),
            None => self.text(row, "child_id"),
        };
        let child_id = match (named.filter(|_| placeholder.is_none()), failed_lookup.or(placeholder.clone())) {
            (Some(id), _) => id,
            (None, Some((e, header))) => {
                findings.push(
                    Severity::Warning,
                    if placeholder.is_some() { "child_id_unknown" } else { "child_id_error" },
                    self.file,
                    self.sheet,
                    Some(row.row),
                    Some(&header),
                    e.clone(),
                    if placeholder.is_some() {
                        "the child id says it is not known: the audit is counted, but matched to no other record (not another audit, action or visit of a child whose id says the same)"
                    } else {
                        "the child id is a formula's error: the audit is counted, but matched to no other record of the child"
                    },
                );
                // (Unique in the run: its file, sheet and row.)
                let sheet = self.sheet.map(|s| format!(" [{s}]")).unwrap_or_default();
                format!("{e} ({}{sheet}, row {})", self.file, row.row)
            }
            // A re-audit in a table of re-audits with no child id, naming its
            // original audit ("Original Audit ID"): the original's child, found
            // when every export is read ([`children_of_originals`]).
            (None, None) => match self.text(row, "previous_id").filter(|_| self.mapping.field("child_id").is_none()) {
                Some(original) => format!("{CHILD_OF_ORIGINAL}{}", original.trim()),
                None if self.part_b_named && self.mapping.field("child_id").is_none() && self.text(row, "audit_id").is_some() => {
                    format!("{CHILD_OF_PART_A}{}", self.text(row, "audit_id").unwrap_or_default().trim())
                }
                // (A test item with no child, in a list whose child's id is
                // in a column of its own: its name says test, "TEST -
                // please ignore" as a plan's task.)
                None => match self.item_says_test(row) {
                    Some((t, header)) => return Err((TEST_RECORD, t, Some(header))),
                    // (A month's title over its rows, alone on its row: "August
                    // 2026", "Sep-Oct 26"; blind set 179's sellacombe, review
                    // r22_05: a heading, not an audit missing its child.)
                    None if row.lone_text().is_some_and(|t| month_cell(&Cell::text(t)).is_some() || cycle_without_year(&Cell::text(t))) => {
                        return Err((super::sections::SECTION_ROW, row.lone_text().unwrap_or_default().trim().to_string(), None));
                    }
                    None => return Err(("no child id", String::new(), Some("child id".to_string()))),
                },
            },
        };
        // A reallocated row with a completion date of its own is that audit done.
        let reallocated_done = |s: &str| {
            matches!(fold(s).split(' ').next(), Some("reallocated" | "reassigned"))
                && self.cell(row, "completed_date").is_some_and(|(c, _)| self.as_date(c).is_some())
        };
        if let Some(status) = self.text(row, "status").filter(|s| status_cancels(s) && !reallocated_done(s)) {
            return Err((AUDIT_CANCELLED, status, Some("status".to_string())));
        }
        if let Some((note, header)) = self.noted_as_cancelled(row) {
            return Err((AUDIT_REMOVED, note, Some(header)));
        }
        // (Or written where its grade would be, on an allocation never done:
        // "WITHDRAWN - moved to another LA" in Q12; blind set 154's pellbridge.)
        // (Not done: no completion date, or words where it goes, "N/A";
        // review 247's c10.)
        let undone = self.cell(row, "completed_date").is_none_or(|(c, _)| {
            c.is_empty() || (c.as_date().is_none() && !matches!(c, Cell::Number(_)) && crate::ingest::cell::done_date(&c.as_string()).is_none())
        });
        let graded = self.mapping.columns.iter().filter(|c| c.target == Target::Field("overall".into()) || matches!(c.target, Target::Domain(_)));
        let written =
            graded.filter_map(|c| Some((row.cells.get(c.index)?.as_string(), c.header.clone()))).find(|(t, _)| status_cancels(t) && !reallocated_done(t));
        if let Some((text, header)) = written.filter(|_| undone) {
            return Err((AUDIT_CANCELLED, text.trim().to_string(), Some(header)));
        }
        if let Some(agency) = self.agency_column.and_then(|i| row.cells.get(i)).map(Cell::as_string).filter(|a| partner_agency(a)) {
            return Err((PARTNER_SECTION, agency, Some("agency".to_string())));
        }
        if let Some((i, header)) = &self.kind_column {
            if let Some(kind) = row.cells.get(*i).map(Cell::as_string).filter(|k| super::lookalike::row_kind(k).is_some()) {
                return Err((super::lookalike::NOT_CASE_FILE, kind.trim().to_string(), Some(header.clone())));
            }
            // (Or as a test's or a training course's form: "Quality Audit
            // (TRAINING)", "Case File Audit - TEST"; blind set 189.)
            if let Some(kind) = row.cells.get(*i).map(Cell::as_string).filter(|k| kind_says_test(k)) {
                return Err((TEST_RECORD, kind.trim().to_string(), Some(header.clone())));
            }
        }
        if let Some(status) = self.text(row, "status").filter(|s| status_test(s) || says_test(s)) {
            return Err((TEST_RECORD, status, Some("status".to_string())));
        }
        // (A pseudonym's prefix before it, "C-TEST01": blind set 156.)
        let unprefixed =
            child_id.split_once('-').filter(|(p, rest)| (1..=6).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()) && !rest.is_empty());
        if says_test(&child_id) || test_run_together(&child_id) || unprefixed.is_some_and(|(_, rest)| says_test(rest)) {
            return Err((TEST_RECORD, child_id, Some("child id".to_string())));
        }
        if let Some(auditor) = self.text(row, "auditor").filter(|a| says_test(a)) {
            return Err((TEST_RECORD, auditor, Some("auditor".to_string())));
        }
        // (Or its team, a system's own team for trying forms out: "LCS Test
        // Team", "Test team".)
        if let Some(team) = self.text(row, "team").filter(|t| team_says_test(t)) {
            return Err((TEST_RECORD, team, Some("team".to_string())));
        }
        // (Or its item's name, a list's "Item" or "Title": "TEST ROW – delete"
        // beside a made-up id, "123".)
        if let Some((t, header)) = self.item_says_test(row) {
            return Err((TEST_RECORD, t, Some(header)));
        }
        // (Or its note: "TEST ROW – do not count" in the comments.)
        if let Some((t, header)) =
            self.note_columns.iter().find_map(|(i, h)| row.cells.get(*i).map(Cell::as_string).filter(|t| says_test(t)).map(|t| (t, h.clone())))
        {
            return Err((TEST_RECORD, t, Some(header)));
        }
        // (Or the case's worker is a test account, "TEST USER"; or the
        // evidence is only a test's words, "TEST RECORD - please ignore":
        // blind set 156. Not "Demo" alone, a demonstration on the file.)
        if let Some(worker) = self.text(row, "social_worker").filter(|w| says_test(w)) {
            return Err((TEST_RECORD, worker, Some("social worker".to_string())));
        }
        let test_first = |t: &str| matches!(fold(t).split(' ').next(), Some("test" | "testing" | "dummy"));
        if let Some(t) = self.text(row, "evidence").filter(|t| test_first(t) && says_test(t)) {
            return Err((TEST_RECORD, t, Some("evidence".to_string())));
        }
        // (Or, where nothing else says so, its audit's own reference,
        // "T2-TEST", or a child of zeros, "000000": blind set 165.)
        if let Some(id) = self.text(row, "audit_id").filter(|id| id_says_test(id)) {
            return Err((TEST_RECORD, id, Some("audit id".to_string())));
        }
        if zeros_only(&child_id) {
            return Err((TEST_RECORD, child_id, Some("child id".to_string())));
        }
        let mut completed = self.date(row, "completed_date", findings);
        // A status that is, in itself, "not finished" ("Draft", "In progress"):
        // the form's date is when it was saved, not a completion. A status with
        // more to say ("Draft(s) - awaiting TM confirmation": LCS's finished
        // audit awaiting sign-off) changes nothing.
        let own_status = self.column(row, "status").is_some_and(|(_, h)| !status_of_something_else(h));
        match self.text(row, "status").filter(|_| own_status) {
            Some(s) if status_open(&s) => self.statuses.0 += 1,
            _ => self.statuses.1 += 1,
        }
        // (A survey tool's "Finished" flag: False is a response not finished.)
        let not_finished = self.cell(row, "finished").filter(|(c, _)| crate::normalise::scales::answer(c) == Some(Answer::No)).map(|(c, _)| c.as_string());
        if let Some(status) = self.text(row, "status").filter(|s| own_status && status_unfinished(s)).or(not_finished) {
            if completed.take().is_some() {
                findings.push(
                    Severity::Info,
                    "audit_not_finished",
                    self.file,
                    self.sheet,
                    Some(row.row),
                    Some("status"),
                    status,
                    "the status says the audit is not finished: its date is not a completion date (not counted as completed)",
                );
            }
        }
        // No completion date, and the audit's own status says when it was
        // done ("Completed 29/09/2026"): that day.
        if completed.is_none() && own_status {
            if let Some((status, header)) = self.cell(row, "status").filter(|(c, _)| matches!(c, Cell::Text(_))) {
                let text = status.as_string();
                if let Some(d) = done_word_and_date(&text) {
                    completed = Some(d);
                    let why = format!("no completion date, and the status says when it was done: read as {d}");
                    findings.push(Severity::Info, "date_in_words", self.file, self.sheet, Some(row.row), Some(header), text, why);
                    self.completed_by_status += 1;
                }
            }
        }
        // The status says the audit is done ("Completed", "Finalised") and no
        // date says when: it can be counted in no period; said (review
        // 264's c69, as an action's "Completed" with no date is).
        // (Not a moderation's row in the same table, "Quality Audit -
        // Moderation | Complete": its date is the moderation's.)
        let moderation_row =
            ["moderated", "moderator_agrees", "moderated_overall", "moderation_date"].iter().any(|f| self.cell(row, f).is_some_and(|(c, _)| !c.is_empty()));
        if completed.is_none() && own_status && !moderation_row && self.mapping.field("completed_date").is_some() {
            if let Some((status, header)) =
                self.cell(row, "status").filter(|(c, _)| super::forms::says_done(c) || matches!(fold(&c.as_string()).as_str(), "finalised" | "finalized"))
            {
                findings.push(
                    Severity::Warning,
                    "audit_done_undated",
                    self.file,
                    self.sheet,
                    Some(row.row),
                    Some(header),
                    status.as_string(),
                    "the status says the audit is done, but its completion date is blank: it is counted as completed in no period (and as not done by its due date)",
                );
            }
        }
        // An allocation "date" that is a month alone ("Sept 2026") is the allocation month.
        let month_alone = self
            .cell(row, "allocated_date")
            .filter(|(c, _)| matches!(c, Cell::Text(_)) && self.as_date(c).is_none())
            .and_then(|(c, h)| Some((month_cell(c)?, h, c.as_string())));
        let allocated = if month_alone.is_some() { None } else { self.date(row, "allocated_date", findings) };
        // A completion before the allocation ("02/08/2016", the template's
        // printed date, left in "Date:"), beside another column that was
        // weighed for the completion and not used ("Date returned to Audit
        // Team"), whose date on this row is on or after the allocation: that
        // date, said (blind set 165).
        if let (Some(done), Some(given)) = (completed, allocated) {
            if done < given {
                let other = self
                    .mapping
                    .columns
                    .iter()
                    .filter(|c| !matches!(c.target, Target::Field(_) | Target::Domain(_)) && c.reason.contains("completed_date"))
                    .find_map(|c| {
                        let d = self.as_date(row.cells.get(c.index)?)?;
                        (d >= given).then(|| (d, c.header.clone()))
                    });
                if let Some((d, header)) = other {
                    let why = format!("the completion date {done} is before the allocation ({given}); '{header}' gives {d}: read as the completion");
                    findings.push(Severity::Warning, "completion_from_other_column", self.file, self.sheet, Some(row.row), Some(&header), d.to_string(), why);
                    completed = Some(d);
                }
            }
        }
        // "Month of audit": the allocation month when no allocation date is given.
        // (A sample or round column's word that is no try at a month, "Re-audit
        // (was D)" among "Sep-Oct 26", is no month, quietly: the row is a
        // re-audit, which the row's other columns say.)
        let month_cell_given = self.cell(row, "audit_month").map(|(c, _)| c);
        let no_month_try = month_cell_given.is_some_and(|c| {
            matches!(c, Cell::Text(t) if !t.chars().any(|ch| ch.is_ascii_digit()) && !t.split(|ch: char| !ch.is_alphabetic()).any(|w| month_number(w).is_some()))
        });
        // (A cycle without its year, "Sept-Oct", is the one the allocation
        // date falls in: review 243's c24, c45.)
        let yearless = allocated.zip(month_cell_given).and_then(|(a, c)| yearless_cycle(c, a)).map(|(first, _)| first);
        // (Beside an allocation or a due date, one the allocation falls
        // outside, a sample's months before it was sent out, is passed over
        // quietly too: the row's own dates say when it was given and due.)
        let other_cycle = (allocated.is_some() || self.due_date_of(row).is_some()) && month_cell_given.is_some_and(cycle_without_year);
        let allocated_month = (!no_month_try && !other_cycle)
            .then(|| self.parsed(row, "audit_month", findings, month_cell, "not a month (September 2026, Sep-26, 2026-09): left blank"))
            .flatten()
            .or(yearless)
            .or_else(|| {
                let (month, header, text) = month_alone?;
                findings.push(
                    Severity::Info,
                    "month_as_allocation",
                    self.file,
                    self.sheet,
                    Some(row.row),
                    Some(header),
                    text,
                    "a month, not a date: read as the allocation month",
                );
                Some(month)
            });
        let framework_id = self.mapping.framework.clone().unwrap_or_else(|| super::config::GENERIC_FRAMEWORK.into());
        let framework = self.ctx.config.framework(&framework_id);
        let default_rule = self.own_due_rule.is_none() && framework.and_then(|f| f.due_rule.as_ref()).is_none();
        let due_rule = self
            .own_due_rule
            .clone()
            .or_else(|| framework.and_then(|f| f.due_rule.clone()))
            .unwrap_or_else(|| self.ctx.config.settings.default_due_rule.clone());
        let (timescale_due, row_rule) = self.timescale_due(row, allocated, findings);
        let timescale_given = timescale_due.is_some() || row_rule.is_some();
        let due_rule = row_rule.unwrap_or(due_rule);
        let mut domains = Vec::new();
        for c in self.mapping.columns.iter() {
            if let Target::Domain(d) = &c.target {
                domains.push(DomainJudgement { domain: d.clone(), question: c.header.clone(), judgement: self.judgement(row, c.index, &c.header, findings) });
            }
        }
        let mut overall_source = None;
        // (Its column, or where that is blank a second one never filled beside it.)
        let overall_column = self.column(row, "overall").map(|(i, _)| i);
        let overall = match overall_column {
            Some(i) => self.judgement(row, i, "overall", findings),
            None => framework.and_then(|f| f.overall_domain.clone()).and_then(|d| {
                overall_source = Some(format!("domain:{d}"));
                domains.iter().find(|j| j.domain.as_deref() == Some(d.as_str())).and_then(|j| j.judgement.clone())
            }),
        };
        if overall.is_none() && completed.is_some() && (self.mapping.field("overall").is_some() || overall_source.is_some()) {
            let raw = overall_column.and_then(|i| row.cells.get(i)).map(Cell::as_string).unwrap_or_default();
            if raw.is_empty() {
                findings.push(
                    Severity::Warning,
                    "blank_overall",
                    self.file,
                    self.sheet,
                    Some(row.row),
                    Some("overall"),
                    "",
                    "completed audit with no overall judgement: left out of the good-or-better denominator",
                );
            }
        }
        let moderated_overall = self.mapping.field("moderated_overall").and_then(|i| self.judgement(row, i, "moderated overall", findings));
        let moderation_date = self.date(row, "moderation_date", findings);
        let moderator_agrees = self.answer(row, "moderator_agrees", findings).as_bool().or_else(|| {
            // (Where the two grades differ, they say it: "agreed to regrade
            // to Good" is the moderator agreeing with someone else.)
            let differ = overall.as_ref().zip(moderated_overall.as_ref()).and_then(|(x, y)| super::model::grades_agree(x, y)) == Some(false);
            self.agreement_in_words(row, findings).filter(|_| !differ)
        });
        let moderated = self.moderated(row, findings, moderated_overall.is_some() || moderation_date.is_some() || moderator_agrees.is_some());
        let join = |field: &str| -> String {
            self.mapping.fields(field).iter().filter_map(|&i| row.cells.get(i)).map(Cell::as_string).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n")
        };
        let id = self.text(row, "audit_id").unwrap_or_else(|| derived_id(self.file, &child_id, completed.or(allocated), row.row));
        Ok(Audit {
            id,
            origin: Origin { file: self.file.to_string(), sheet: self.sheet.map(str::to_string), row: row.row },
            due_rule: due_rule.clone(),
            framework: framework_id,
            child_id,
            team: if self.service_as_team { self.text(row, "service") } else { self.row_team(row, findings) },
            service: self.service(row),
            auditor: self.text(row, "auditor"),
            case_type: self.text(row, "case_type"),
            legal_status: self.text(row, "legal_status"),
            allocated,
            allocated_month,
            due: self
                .deferred_due(row, completed, allocated, findings)
                .or(timescale_due)
                .or_else(|| if timescale_given { None } else { self.date(row, "due_date", findings) })
                .or_else(|| self.cycle_due(row, allocated, &due_rule, default_rule, findings)),
            completed,
            overall,
            overall_source,
            domains,
            moderated,
            moderator_agrees,
            moderated_overall,
            moderation_date,
            spoke_child: self.spoken_to(row, "spoke_child", findings),
            spoke_family: self.spoken_to(row, "spoke_family", findings),
            spoke_practitioner: self.spoken_to(row, "spoke_practitioner", findings),
            evidence: join("evidence"),
            good_practice: join("good_practice"),
            escalated: self.answer(row, "escalated", findings).as_bool(),
            actions_accepted: self.date(row, "actions_accepted", findings),
            reaudit_on_row: false,
            rest_of_row: self.rest_of_row(row),
            copied_in: says_copied_in(row),
            entry_note: entry_note(row),
            entered: self.entry_order.and_then(|i| entry_value(row.cells.get(i)?, |c| self.as_date(c))),
            reference: self.text(row, "reference"),
        })
    }

    /// With no agreement column, a moderation column's sentence that says
    /// whether the moderator agreed ("Moderated by Head of Service 27/10:
    /// does not agree – final judgement RI", "Moderator agrees with
    /// auditor"): the explicit flag of METRICS.md, before grades compared.
    fn agreement_in_words(&self, row: &SourceRow, findings: &mut Findings) -> Option<bool> {
        if self.mapping.field("moderator_agrees").is_some() {
            return None;
        }
        let (cell, header) = self.cell(row, "moderated")?;
        let text = cell.as_string();
        let agrees = agreement_said(&text)?;
        let header = header.to_string();
        let why = format!("the moderation's words say the moderator {}: read as the agreement", if agrees { "agreed" } else { "did not agree" });
        findings.push(Severity::Info, "agreement_in_words", self.file, self.sheet, Some(row.row), Some(&header), text, why);
        Some(agrees)
    }

    /// Whether the audit was moderated: the moderated column (a date there says
    /// yes), else yes when a moderation grade, date or agreement is recorded.
    fn moderated(&mut self, row: &SourceRow, findings: &mut Findings, recorded: bool) -> Option<bool> {
        // Where the log keeps a moderation date, grade or agreement, a
        // moderator's name alone is who is to moderate ("Moderator
        // (allocated)"), not that it was done.
        let dated_log = self.moderation_kept;
        match self.cell(row, "moderated") {
            Some((c, _)) if c.as_date().is_some() && !matches!(c, Cell::Number(n) if *n <= 1.0) => Some(true),
            Some((c, header))
                if dated_log && !recorded && super::scales::answer(c).is_none() && c.as_string().chars().filter(|c| c.is_alphabetic()).count() >= 2 =>
            {
                let (header, text) = (header.to_string(), c.as_string());
                findings.push(
                    Severity::Info,
                    "moderator_named_only",
                    self.file,
                    self.sheet,
                    Some(row.row),
                    Some(&header),
                    text,
                    "a moderator is named but no moderation date or grade is recorded: not counted as moderated yet",
                );
                Some(false)
            }
            Some((c, header)) => {
                let (header, text) = (header.to_string(), c.as_string());
                match self.answer(row, "moderated", findings).as_bool() {
                    // A moderator's grade, date or agreement on the row says it was
                    // moderated, whatever the column reads as ("N Galt", a name
                    // without its initial's full stop, reads as "N", no).
                    Some(false) if recorded => {
                        findings.push(
                            Severity::Warning,
                            "moderated_but_says_no",
                            self.file,
                            self.sheet,
                            Some(row.row),
                            Some(&header),
                            text,
                            "reads as no, but the row has a moderator's grade, date or agreement: counted as moderated",
                        );
                        Some(true)
                    }
                    answer => answer,
                }
            }
            None => None,
        }
        .or_else(|| recorded.then_some(true))
    }

    /// Each column's index and header.
    fn headers(&self) -> Vec<(usize, &str)> {
        self.mapping.columns.iter().map(|c| (c.index, c.header.as_str())).collect()
    }

    /// What an action row says of a move between two tools: its reference
    /// words (of its own reference, status and unread columns) and whether
    /// it says it moved (not in its own words: "Import the GP's records" is
    /// the action). `None` where it says neither.
    fn action_moved(&self, row: &SourceRow) -> Option<super::migrated::ActionMark> {
        let own = |c: &&ColumnMap| matches!(&c.target, Target::Field(f) if f == "text");
        let skip: Vec<usize> = self.mapping.columns.iter().filter(own).map(|c| c.index).collect();
        let refs: Vec<usize> = self
            .mapping
            .columns
            .iter()
            .filter(|c| c.target == Target::Unmapped || matches!(&c.target, Target::Field(f) if f == "action_id" || f == "status"))
            .map(|c| c.index)
            .collect();
        let moved = super::migrated::mark(&row.cells, &self.headers(), &skip).and_then(|m| m.moved);
        let tokens = super::migrated::reference_tokens(&row.cells, &refs);
        (moved.is_some() || !tokens.is_empty()).then_some(super::migrated::ActionMark { moved, tokens })
    }

    fn moderation(&mut self, row: &SourceRow, findings: &mut Findings) -> Result<ModerationRecord, RowError> {
        let audit_id = self.text(row, "audit_id");
        let child_id = self.text(row, "child_id");
        // With no audit id, the child and the moderated audit's date say which audit.
        let audit_date = if audit_id.is_none() { self.date(row, "completed_date", findings) } else { None };
        if audit_id.is_none() && (child_id.is_none() || self.mapping.field("audit_id").is_some()) {
            return Err(("no audit id", String::new(), Some("audit id".to_string())));
        }
        let grade = self.mapping.field("moderated_overall").and_then(|i| self.judgement(row, i, "moderated overall", findings));
        let date = self.date(row, "moderation_date", findings);
        let agrees = self.answer(row, "moderator_agrees", findings).as_bool();
        let moderated = self.moderated(row, findings, grade.is_some() || date.is_some() || agrees.is_some());
        Ok(ModerationRecord {
            origin: Origin { file: self.file.to_string(), sheet: self.sheet.map(str::to_string), row: row.row },
            audit_id: audit_id.unwrap_or_default(),
            child_id,
            audit_date,
            part_a_date: self
                .mapping
                .columns
                .iter()
                .any(|c| c.target == Target::Field("completed_date".into()) && super::columns::names_part_b(&c.header) == Some(false)),
            moderated,
            agrees,
            grade,
            date,
        })
    }

    /// Adds an action read from an actions table. One another export holds too
    /// (the same audit or child, and the same action id, or else the same
    /// words for the same person) is one action: the later export's version
    /// is used, when the file names say which is later or only one of the two
    /// records it as done; otherwise both are kept, unless the action's own
    /// id says they are one (the first read is used).
    fn add_action(&self, a: Action, action_id: Option<String>, model: &mut Model) -> Result<(), RowError> {
        let mine = self.version(a.completed.is_some(), "completed_date", model);
        let owner =
            a.audit_id.as_deref().map(|id| super::identity::tidy(id).into_owned()).or_else(|| a.child_id.as_deref().and_then(super::identity::child_key));
        // (An action's reference written two ways in two lists, "QA7" and
        // "QA-0007", "QA 5": its letters and its number; blind set 196's
        // gullhaven.)
        let by_id = action_id.as_deref().map(|id| match super::loose_reference(id) {
            Some((letters, n)) => format!("#{letters}{n}"),
            None => format!("#{}", super::identity::tidy(id)),
        });
        let person = a.owner.as_deref().map(fold);
        // Without an id: the audit, the words, then the person responsible.
        let no_one = owner.as_ref().filter(|_| by_id.is_none()).map(|o| format!("{o}|{}|", action_words(&a.text)));
        let key = match (&owner, &by_id, &no_one) {
            (Some(o), Some(id), _) => Some(format!("{o}|{id}")),
            (_, _, Some(words)) => Some(format!("{words}{}", person.as_deref().unwrap_or_default())),
            _ => None,
        };
        // The same words for the same audit, its person written in one export
        // and blank in the other, are one action too: the key with no person,
        // and one for "some person" (`usize::MAX` when two people have it).
        let anyone = no_one.as_ref().map(|words| format!("{words}*"));
        // (Not when both give the day it was set, or its audit's, more than two
        // weeks apart: the same words set again after a later audit (a re-audit
        // weeks on) are another action; a corrected date is the same one.)
        let when = |x: &Action| x.set.or(x.audit_date);
        let carried = |t: &str| action_words(t) != fold(t);
        // (Or a team's copy of the tracker's action, its person written
        // otherwise: "SW" for "SW / TM"; blind set 175.)
        let copied = |i: usize| team_copy_name(&model.actions[i].origin.file) != team_copy_name(self.file);
        let other_owner = match a.owner {
            Some(_) => no_one
                .as_ref()
                .and_then(|k| model.action_keys.get(k).copied())
                .filter(|&i| model.actions[i].owner.is_none())
                .or_else(|| anyone.as_ref().and_then(|k| model.action_keys.get(k).copied()).filter(|&i| i != usize::MAX && copied(i))),
            None => anyone.as_ref().and_then(|k| model.action_keys.get(k).copied()).filter(|&i| i != usize::MAX),
        };
        let earlier = key
            .as_ref()
            .and_then(|k| model.action_keys.get(k).copied())
            .or(other_owner)
            // (Not on this sheet, nor in another part of its file split by
            // rows: one list's two rows of the same words are two actions.)
            .filter(|&i| !self.same_log(&model.actions[i].origin))
            // (Unless one says it carries the other forward: set again the
            // day it was carried, "… (carried forward from 2025-26)"; review
            // 258's c20.)
            .filter(|&i| {
                carried(&a.text)
                    || carried(&model.actions[i].text)
                    || !matches!((when(&model.actions[i]), when(&a)), (Some(x), Some(y)) if x.signed_duration_since(y).num_days().abs() > 14)
            })
            // (On two sheets of one workbook, nor when they are due more than
            // two weeks apart: a month's tab and the next month's, the same
            // words set again.)
            .filter(|&i| {
                let x = &model.actions[i];
                x.origin.file != self.file || !matches!((x.due, a.due), (Some(p), Some(q)) if p.signed_duration_since(q).num_days().abs() > 14)
            });
        // One action by its own id in two exports that do not say which is
        // later (an interim run beside the final one): counted once.
        if let Some(i) = earlier.filter(|_| by_id.is_some()) {
            let first = &model.actions[i];
            let records_done = !model.no_completion.contains(&(first.origin.file.clone(), first.origin.sheet.clone()));
            if later_version(Version { file: &first.origin.file, done: first.completed.is_some(), records_done }, mine).is_none() {
                let at = first.origin.clone();
                let err =
                    (ACTION_ID_READ, format!("{} (the same action as {} row {})", by_id.unwrap_or_default(), at.file, at.row), Some("action id".to_string()));
                model.set_aside_versions.push(super::model::SetAside::Action(at, Box::new(a)));
                return Err(err);
            }
        }
        // One list gives the action's due date and the other its sign-off
        // (an action plan beside an actions tracker): whichever version is
        // kept takes the due date from the other where it has none.
        let mut a = a;
        if let Some(i) = earlier.filter(|&i| model.actions[i].origin.file != self.file) {
            let e = &mut model.actions[i];
            let undated = |x: &Action| x.due.is_none() && x.due_in.is_none();
            if undated(&a) && !undated(e) {
                (a.due, a.due_in) = (e.due, e.due_in);
            } else if undated(e) && !undated(&a) {
                (e.due, e.due_in) = (a.due, a.due_in);
            }
        }
        let kept = Kept {
            records: &mut model.actions,
            keys: &mut model.action_keys,
            superseded: &mut model.superseded,
            set_aside: &mut model.set_aside_versions,
            no_completion: &model.no_completion,
        };
        let kept_it = keep_version(
            kept,
            key,
            earlier,
            mine,
            a,
            |x| &x.origin,
            |x| x.completed.is_some(),
            |a, place| (ACTION_SUPERSEDED, format!("{} (a later export has it: {place})", a.text), Some("action".to_string())),
            |at, a| super::model::SetAside::Action(at, Box::new(a)),
            |x, y| Action { origin: y.origin.clone(), ..x.clone() } == *y,
        );
        if let (Ok(()), Some(k), Some(p)) = (&kept_it, anyone, person) {
            let at = model.actions.len() - 1;
            let first = *model.action_keys.entry(k.clone()).or_insert(at);
            if first != usize::MAX && model.actions[first].owner.as_deref().map(fold).as_deref() != Some(p.as_str()) {
                model.action_keys.insert(k, usize::MAX);
            }
        }
        kept_it
    }

    /// This table's version of a record: whether it is done, and whether the
    /// table has a column that says so (`field`; for actions, a status too),
    /// which is remembered for the records read after.
    fn version(&self, done: bool, field: &str, model: &mut Model) -> Version<'a> {
        let records_done = self.mapping.field(field).is_some()
            || (field == "completed_date" && self.mapping.kind == TableKind::Actions && self.mapping.field("status").is_some());
        if !records_done {
            model.no_completion.insert((self.file.to_string(), self.sheet.map(str::to_string)));
        }
        Version { file: self.file, done, records_done }
    }

    /// Adds a case note. One with the id of a note read from another export
    /// ("Obs ID" in two overlapping runs) is that note again: the later
    /// export's version is used when the file names say which is later, else
    /// the first read.
    fn add_note(&self, n: CaseNote, row: &SourceRow, model: &mut Model) -> Result<(), RowError> {
        // A note's id with its child: systems number their notes each their
        // own way (two systems' note 1001, a monthly file's row numbers).
        let child = model.children.get(n.child).to_string();
        let key = self.text(row, "note_id").zip(super::identity::child_key(&child)).map(|(id, c)| format!("{c}|{}", super::identity::tidy(&id)));
        let earlier = key.as_ref().and_then(|k| model.note_ids.get(k).copied());
        // (One export: this file, or another part of it split by rows.)
        let one_export = |i: usize| {
            let first = &model.case_notes[i];
            first.source == n.source
                || self.same_log(&Origin { file: model.note_file(first.source).to_string(), sheet: self.sheet.map(str::to_string), row: first.row })
        };
        // The same note twice in one export, on the same day (one row per
        // worker at a joint visit), is one note.
        if let Some(i) = earlier.filter(|&i| one_export(i) && model.case_notes[i].event == n.event) {
            // Unless the first was a draft and this row records it done: a
            // month's extract pasted under the last, the note finished since.
            let first = &model.case_notes[i];
            if first.recorded.is_none() && n.recorded.is_some() {
                model.superseded_notes.push(((first.source, first.row), (n.source, n.row), LATER_BY_PROGRESS));
                model.note_ids.insert(key.unwrap_or_default(), model.case_notes.len());
                model.case_notes.push(n);
                return Ok(());
            }
            let first_row = model.case_notes[i].row;
            first_recorded(&mut model.case_notes[i], &n);
            return Err((NOTE_ID_READ, format!("{} (the same note as row {first_row})", key.unwrap_or_default()), Some("note id".to_string())));
        }
        if let Some(i) = earlier.filter(|&i| !one_export(i)) {
            let first = model.case_notes[i].clone();
            let mut n = n;
            let first_file = model.note_file(first.source).to_string();
            let id = key.clone().unwrap_or_default();
            let versions = (Version { file: &first_file, done: false, records_done: true }, Version { file: self.file, done: false, records_done: true });
            return match later_version(versions.0, versions.1) {
                Some((std::cmp::Ordering::Greater, why)) => {
                    first_recorded(&mut n, &first);
                    model.superseded_notes.push(((first.source, first.row), (n.source, n.row), why));
                    model.note_ids.insert(id, model.case_notes.len());
                    model.case_notes.push(n);
                    Ok(())
                }
                Some((std::cmp::Ordering::Less, _)) => {
                    first_recorded(&mut model.case_notes[i], &n);
                    model.set_aside_versions.push(super::model::SetAside::Note((first.source, first.row), Box::new(n)));
                    Err((NOTE_SUPERSEDED, format!("{id} (a later export has it: {first_file} row {})", first.row), Some("note id".to_string())))
                }
                _ => {
                    first_recorded(&mut model.case_notes[i], &n);
                    Err((NOTE_ID_READ, format!("{id} (first read at {first_file} row {})", first.row), Some("note id".to_string())))
                }
            };
        }
        if let Some(k) = key {
            model.note_ids.entry(k).or_insert(model.case_notes.len());
        }
        model.case_notes.push(n);
        Ok(())
    }

    /// Adds a legal-status spell. The same spell (child, kind and start) in
    /// another export is one spell: the later export's version is used (a
    /// snapshot "as at 01-11-2026" holds the end one "as at 01-09-2026" had
    /// not), else the one that records its end. So it is further down one
    /// file (month-end extracts pasted one under another, or a tab of those
    /// ceased), with the same legal status written: the row that records its
    /// end is used.
    fn add_episode(&self, e: super::model::Episode, model: &mut Model) -> Result<(), RowError> {
        let mine = self.version(e.end.is_some(), "end_date", model);
        let key = super::identity::child_key(&e.child_id).map(|c| format!("{c}|{:?}|{}", e.kind, e.start));
        // (Within one file, only with the same legal status written: "L1"
        // ended the day a "V2" began is two spells of one kind.)
        let earlier = key.as_ref().and_then(|k| model.episode_keys.get(k).copied()).filter(|&i| {
            let x = &model.episodes[i];
            x.origin.file != self.file || fold(&x.source_status) == fold(&e.source_status)
        });
        let kept = Kept {
            records: &mut model.episodes,
            keys: &mut model.episode_keys,
            superseded: &mut model.superseded,
            set_aside: &mut model.set_aside_versions,
            no_completion: &model.no_completion,
        };
        keep_version(
            kept,
            key,
            earlier,
            mine,
            e,
            |x| &x.origin,
            |x| x.end.is_some(),
            |e, place| (EPISODE_SUPERSEDED, format!("{} from {} (a later export has it: {place})", e.child_id, e.start), None),
            |at, e| super::model::SetAside::Episode(at, Box::new(e)),
            |x, y| super::model::Episode { origin: y.origin.clone(), ..x.clone() } == *y,
        )
    }

    fn action(&self, row: &SourceRow, findings: &mut Findings) -> Result<Action, RowError> {
        let text = self.text(row, "text").ok_or(("no action text", String::new(), Some("action".to_string())))?;
        // "No further action" where an audit raised none (seed 002: "If no
        // actions are required, please write 'no further action'").
        if says_no_action(&text) {
            return Err((NO_ACTION, text, Some("action".to_string())));
        }
        // A task tool's note on how the list is kept ("READ ME – how we
        // track learning audit actions in this plan"), with no date to meet
        // or met (blind set 186's Planner export).
        // (With no date set or met, or no one to do it: "README: SW to add
        // …" with an owner and a due date is an action; review 262's c05.)
        let undated = || ["due_date", "completed_date"].iter().all(|f| self.cell(row, f).is_none_or(|(c, _)| c.is_empty()));
        let unowned = || self.cell(row, "owner").is_none_or(|(c, _)| c.is_empty());
        // (A READ ME that says how the list works, "READ ME – how we track
        // …", with no one to do it, whatever its dates.)
        if instruction_task(&text).is_some_and(|read_me| (read_me && unowned()) || undated()) {
            return Err((INSTRUCTION_TASK, text, Some("action".to_string())));
        }
        if let Some((scope, header)) = self.cell(row, "scope") {
            match action_scope(&scope.as_string()) {
                Some(ActionScope::Service) => return Err((TEAM_ACTION, scope.as_string(), Some(header.to_string()))),
                Some(ActionScope::Strength) => return Err((STRENGTH_ROW, scope.as_string(), Some(header.to_string()))),
                _ => {}
            }
        }
        if let Some((status, header)) = self.cell(row, "status").filter(|(c, _)| action_withdrawn(&c.as_string())) {
            return Err((ACTION_WITHDRAWN, status.as_string(), Some(header.to_string())));
        }
        // (The child's id from the title of the audit it names; a title that
        // says test is a test's action.)
        let child_id = match self.audit_named {
            Some(_) => match self.text(row, "child_id") {
                Some(t) if says_test(&t) => return Err((TEST_ACTION, t, Some("audit".to_string()))),
                t => t.and_then(|t| audit_title_id(&t)),
            },
            None if self.text_named => audit_title_id(&text),
            None => self.text(row, "child_id"),
        };
        // A test's action: its child's id, its words or its owner say so
        // ("TEST", "test action", "test row – ignore", "Test User").
        for (value, field) in [(child_id.clone(), "child id"), (Some(text.clone()), "action"), (self.text(row, "owner"), "owner")] {
            if let Some(v) = value.filter(|v| says_test(v)) {
                return Err((TEST_ACTION, v, Some(field.to_string())));
            }
        }
        // (Or its team or its status, as an audit's: "Demo", "Test team",
        // "DEMO"; review 245's c33, c60, c61.)
        if let Some(t) = self.text(row, "team").filter(|t| team_says_test(t)) {
            return Err((TEST_ACTION, t, Some("team".to_string())));
        }
        if let Some(t) = self.text(row, "status").filter(|t| status_test(t)) {
            return Err((TEST_ACTION, t, Some("status".to_string())));
        }
        // (Or a child of zeros, as a test audit's: review 255's c41.)
        if let Some(c) = child_id.clone().filter(|c| zeros_only(c)) {
            return Err((TEST_ACTION, c, Some("child id".to_string())));
        }
        // A challenge's outcome beside the action that withdrew it ("Challenge
        // outcome | Upheld - recommendation withdrawn").
        for c in self.mapping.columns.iter().filter(|c| c.target == Target::Unmapped && names_a_challenge(&c.header)) {
            if let Some(Cell::Text(t)) = row.cells.get(c.index).filter(|t| challenge_withdraws(&t.as_string())) {
                return Err((ACTION_WITHDRAWN, t.clone(), Some(c.header.clone())));
            }
        }
        let (due, mut due_in) = match self.cell(row, "due_date") {
            Some((cell, header)) => match self.timescale(row, header, cell, findings) {
                Some(t) => t,
                None => (self.date(row, "due_date", findings), None),
            },
            None => (None, None),
        };
        // No due date, and a number under a header that gives its unit
        // ("Timescale (weeks)": 4): that many weeks from when it was set.
        if let (None, None, Some((i, unit))) = (due, due_in, self.timescale_in_units) {
            // (A range, "2-6", is due at its end; a number with words after
            // it, "6 (extended)", is that number: both said.)
            let n = match row.cells.get(i) {
                Some(Cell::Number(n)) if n.fract() == 0.0 && (1.0..=366.0).contains(n) => Some(*n as u32),
                Some(Cell::Text(t)) => {
                    let numbers: Vec<u32> = t.split(|c: char| !c.is_ascii_digit()).filter_map(|p| p.parse().ok()).collect();
                    let range = t.trim().starts_with(|c: char| c.is_ascii_digit()) && numbers.len() == 2 && t.contains(['-', '–']);
                    let n = if range {
                        numbers.last().copied()
                    } else {
                        t.trim().starts_with(|c: char| c.is_ascii_digit()).then(|| numbers.first().copied()).flatten()
                    };
                    let n = n.filter(|n| (1..=366).contains(n));
                    let header = self.mapping.columns.iter().find(|c| c.index == i).map(|c| c.header.clone()).unwrap_or_default();
                    let why = match n {
                        Some(n) if t.trim().parse::<u32>().is_err() => format!("a timescale written with more than its number: read as {n} {unit}"),
                        Some(_) => String::new(),
                        None => "a timescale that is no number: the default applies".to_string(),
                    };
                    if !why.is_empty() {
                        findings.push(Severity::Warning, "timescale_read", self.file, self.sheet, Some(row.row), Some(&header), t.clone(), why);
                    }
                    n
                }
                _ => None,
            };
            due_in = n.and_then(|n| super::timescale::parse(&format!("{n} {unit}")));
        }
        Ok(Action {
            origin: Origin { file: self.file.to_string(), sheet: self.sheet.map(str::to_string), row: row.row },
            audit_id: self.text(row, "audit_id"),
            child_id,
            text,
            owner: self.text(row, "owner"),
            team: self.team(row),
            set: self.date(row, "set_date", findings),
            due,
            due_in,
            // With no completion date, a status that says done dates the action
            // by its own date, else by the date it was reviewed.
            completed: self.date(row, "completed_date", findings).or_else(|| {
                // (A second status column, "Status" beside "Completed/Comments", where the first is blank;
                // or where the first is a comment that does not say done and
                // the second closes the action, "Mother has moved abroad" |
                // "Closed - no longer needed", "Carried forward to re-audit" |
                // "Superseded by new plan"; blind set 206's orrinsfield.)
                let first = self.cell(row, "status").filter(|(c, _)| !c.is_empty());
                let also = self.cell(row, "status_also").filter(|(c, _)| super::forms::says_done(c));
                let (status, header) = match (first, also) {
                    (Some((c, _)), Some(a)) if !super::forms::says_done(c) && !says_not_done(c) => a,
                    (Some(f), _) => f,
                    (None, _) => self.cell(row, "status_also")?,
                };
                self.done_on(row, header, status, findings, |findings| self.date(row, "reviewed_date", findings))
            }),
            audit_date: self.date(row, "audit_date", findings),
            unused_dates: self
                .unused_date_columns
                .iter()
                .filter_map(|&i| Some((i as u32, self.as_date(row.cells.get(i).filter(|c| !c.is_empty())?)?)))
                .collect(),
        })
    }

    /// A due date written as a timescale ("20 working days", "within 4 weeks of
    /// audit": counted from when the action was set) or after a word ("by
    /// 04/08/2026"); `None` for anything else (a date, or not one).
    #[allow(clippy::type_complexity)]
    fn timescale(
        &self,
        row: &SourceRow,
        header: &str,
        cell: &Cell,
        findings: &mut Findings,
    ) -> Option<(Option<chrono::NaiveDate>, Option<super::timescale::Timescale>)> {
        if let Some(d) = super::timescale::by_date(cell, |c| self.as_date(c)) {
            return Some((Some(d), None));
        }
        let Cell::Text(t) = cell else { return None };
        let ts = super::timescale::parse_due(t)?;
        findings.push(
            Severity::Info,
            "due_as_timescale",
            self.file,
            self.sheet,
            Some(row.row),
            Some(header),
            t.clone(),
            match ts {
                super::timescale::Timescale::MonthEnd { .. } => {
                    "the end of a month, not a date: due on its last day, the first on or after the action was set (its audit's completion when no set date is given)"
                }
                super::timescale::Timescale::DayMonth { .. } => {
                    "a day and month with no year: due on the such day nearest to when the action was set (its audit's completion when no set date is given)"
                }
                _ => "a timescale, not a date: due that long after the action was set (its audit's completion when no set date is given; \"N days\" are working days)",
            },
        );
        Some((None, Some(ts)))
    }

    /// When an action whose status says done ("Completed", "Done - on file";
    /// a yes under a "Completed" header) was done: the status's own date, else
    /// the date it was reviewed. Done with no date is reported and not done.
    fn done_on(
        &self,
        row: &SourceRow,
        column: &str,
        status: &Cell,
        findings: &mut Findings,
        reviewed: impl FnOnce(&mut Findings) -> Option<chrono::NaiveDate>,
    ) -> Option<chrono::NaiveDate> {
        let done = |c: &Cell| super::forms::says_done(c) || super::scales::answer(c) == Some(Answer::Yes);
        // (Or its last sentence, after what was done before: "Chased 02/10 -
        // SW on leave. Completed 19/10/2026".)
        let last_said;
        // (A date itself where a word was asked, in a column that records
        // completion, "Completed/Comments": the day it was done.)
        // (Or that date written as text, as a CSV gives it: "09/10/2026", "9
        // October 2026"; a date and nothing else.)
        let as_text = match status {
            Cell::Text(t) => crate::ingest::cell::date_alone(t.trim()).map(|d| self.as_date(status).unwrap_or(d)),
            _ => None,
        };
        if let Some(d) = as_text.as_ref().or(match status {
            Cell::Date(d) => Some(d),
            _ => None,
        }) {
            if fold(column).split(' ').any(|w| w.starts_with("complet") || w == "done" || w == "signed") {
                let why = format!("a date where completion is written: read as done on {d}");
                findings.push(Severity::Info, "date_in_words", self.file, self.sheet, Some(row.row), Some(column), d.to_string(), why);
                return Some(*d);
            }
            // (A date alone under the action's "Status" is the day it was
            // closed, as an open one says "Open"; not a day before it was set.)
            let set = self.date_read(row, "set_date", &mut Findings::default());
            if fold(column).split(' ').any(|w| w == "status") && set.is_none_or(|s| s <= *d) {
                let why = format!("a date alone under the action's status: read as done on {d}");
                findings.push(Severity::Info, "done_date_in_status", self.file, self.sheet, Some(row.row), Some(column), d.to_string(), why);
                return Some(*d);
            }
            return None;
        }
        let status = if done(status) {
            status
        } else {
            let Cell::Text(t) = status else { return None };
            let sentences: Vec<&str> = t.split(['\n', ';']).flat_map(|p| p.split(". ")).map(str::trim).filter(|p| !p.is_empty()).collect();
            match sentences.last() {
                Some(last) if sentences.len() > 1 && done_word_and_date(last).is_some() => {
                    last_said = Cell::text(last);
                    &last_said
                }
                _ => return None,
            }
        };
        // (In an action table whose statuses are its only record of
        // completion, only a whole date, with its year: "Complete 3/5" is
        // three of five parts done, not 3 May.)
        let status_alone = self.status_alone;
        // A date written in the status itself ("Completed 10/09/2026", "Done - 3 Sept 2026") says when.
        let written = || match status {
            Cell::Text(t) if status_alone => whole_date_in(t, |c| self.as_date(c)),
            Cell::Text(t) => t.split([' ', '-', ',', '(', ')']).filter(|w| w.chars().any(|c| c.is_ascii_digit())).find_map(|w| self.as_date(&Cell::text(w))),
            _ => None,
        };
        // (A day and month with no year, "done 29/9": in the year nearest
        // the row's due date, else the table's usual year.)
        let day_month = || match status {
            Cell::Text(t) if !status_alone => self.done_date_near(t, self.due_date_of(row)),
            _ => None,
        };
        let date = status.as_date().or_else(written).or_else(day_month).or_else(|| reviewed(findings));
        if date.is_none() {
            self.undated_done.set(self.undated_done.get() + 1);
            findings.push(
                Severity::Warning,
                "action_done_undated",
                self.file,
                self.sheet,
                Some(row.row),
                Some(column),
                status.as_string(),
                "the status says done, but no date says when: counted as not done",
            );
        }
        date
    }

    /// The kind of note a note type says, asked once per distinct text.
    fn note_kind(&mut self, note_type: &str) -> NoteKind {
        if let Some(k) = self.note_kinds.get(note_type) {
            return *k;
        }
        let visit_column = self.fields.iter().find(|(f, _)| f == "note_type").is_some_and(|(_, (_, h))| says_visit(h));
        let k = note_kind_in(self.ctx, visit_column, note_type);
        self.note_kinds.insert(note_type.to_string(), k);
        k
    }

    fn case_note(&mut self, row: &SourceRow, model: &mut Model, findings: &mut Findings) -> Result<CaseNote, RowError> {
        let child_id = self.str(row, "child_id").ok_or(("no child id", String::new(), Some("child id".to_string())))?;
        if let Some(status) = self.text(row, "status") {
            if let Some(reason) = note_status_sets_aside(&status) {
                return Err((reason, status, Some("status".to_string())));
            }
            if note_status_draft(&status) {
                model.draft_notes.push((self.source, row.row));
            }
        }
        let mut note_type = self.str(row, "note_type").unwrap_or_default();
        let event = self.date(row, "event_date", findings).ok_or(("no readable event date", String::new(), Some("event date".to_string())))?;
        let mut kind = self.note_kind(&note_type);
        // (A visit report's row with no type: a visit.)
        if note_type.trim().is_empty() {
            if let Some(k) = self.blank_visit {
                kind = k;
            }
        }
        // A second note-type column ("Statutory Visit Type" beside "Activity
        // Type: Visit") is read where the first says no kind of note.
        // (And where the first says a visit but not whose plan, "Visit",
        // beside "Visit Type: CP": the second's plan.)
        // (Not where the first says the visit was not made in person or not
        // statutory: "Visit - No Access" beside "Visit Type: CP" is no visit.)
        let demoted = not_in_person(&note_type) || says_not_statutory(&note_type);
        if matches!(kind, NoteKind::Other | NoteKind::StatutoryVisit) && !demoted {
            let seconds: Vec<(usize, bool)> = self.alternates.iter().filter(|(f, _)| f == "note_type").map(|(_, (j, h))| (*j, says_visit(h))).collect();
            for (j, visit_column) in seconds {
                let Some(Cell::Text(t)) = row.cells.get(j) else { continue };
                let k = note_kind_in(self.ctx, visit_column, t);
                let plan = matches!(k, NoteKind::CpVisit | NoteKind::ClaVisit | NoteKind::CinVisit);
                if (kind == NoteKind::Other && k != NoteKind::Other) || (kind == NoteKind::StatutoryVisit && plan) {
                    (note_type, kind) = (std::borrow::Cow::Owned(t.clone()), k);
                    break;
                }
            }
        }
        // A visit the export says was not in person, or where the child was
        // not seen ("Visit Mode: Virtual (Teams)", "Child Seen: No"), is a note.
        // (Of a note whose type says no visit too: a code a key reads as a
        // visit later is still no visit where the child was not seen.)
        let mut not_a_visit = false;
        if kind.is_statutory_visit() || kind == NoteKind::Other {
            let virtual_visit = self.str(row, "visit_mode").is_some_and(|m| mode_not_in_person(&m));
            let not_seen = self.cell(row, "child_seen").is_some_and(|(c, _)| child_not_seen(c));
            let alone_not_seen = self.str(row, "seen_alone").is_some_and(|a| seen_alone_not_seen(&a));
            let not_made = self.str(row, "status").is_some_and(|s| status_says_not_made(&s));
            if virtual_visit || not_seen || alone_not_seen || not_made {
                kind = NoteKind::Other;
                not_a_visit = true;
            }
        }
        if not_a_visit {
            model.not_visits.push((self.source, row.row));
        }
        let note_type: &str = &note_type;
        // (A visit's answer read as not recorded is kept aside to be said.)
        let (seen_alone, unread) = match self.cell(row, "seen_alone") {
            Some((c, _)) => {
                let read = seen_alone(c);
                (read, (read == SeenAlone::NotRecorded && kind.is_statutory_visit()).then(|| c.clone()))
            }
            None => (SeenAlone::NotRecorded, None),
        };
        if let Some(c) = unread {
            seen_alone_unread(&mut self.seen_unread, findings, self.file, self.sheet, row.row, "seen alone", &c, seen_alone);
        }
        Ok(CaseNote {
            child: model.children.intern(&child_id),
            note_type: model.strings.intern(note_type),
            kind,
            event,
            recorded: self.date(row, "recorded_date", findings),
            seen_alone,
            author: model.strings.intern(&self.str(row, "author").unwrap_or_default()),
            team: model.strings.intern(&self.team(row).unwrap_or_default()),
            row: row.row,
            source: self.source,
        })
    }

    fn episode(&self, row: &SourceRow, findings: &mut Findings) -> Result<Episode, RowError> {
        let child_id = self.text(row, "child_id").ok_or(("no child id", String::new(), Some("child id".to_string())))?;
        // (A status's code where its description beside it is blank.)
        let status =
            self.text(row, "episode_type").or_else(|| self.text(row, "episode_type_also")).or_else(|| self.fixed_episode_type.clone()).unwrap_or_default();
        if status.trim().is_empty() {
            return Err(("no legal status", String::new(), Some("legal status".to_string())));
        }
        // A status that names something else (care leaver, early help) is outside
        // the packs by design, not a problem in the data. A supervision order
        // ("S31 Supervision Order") is never looked after: the child lives at home.
        // (A youth justice supervision order with a residence requirement,
        // SSDA903 J3, is looked after.)
        let folded = fold(&status);
        let supervision = contains_phrase(&folded, "supervision order") && !contains_phrase(&folded, "residence requirement");
        let rules = &self.ctx.episode_rules;
        let class = *self.status_kinds.borrow_mut().entry(status.clone()).or_insert_with(|| rules.classify(&status));
        if class == Some("short_breaks") {
            return Err((SHORT_BREAKS, status.clone(), Some("legal status".to_string())));
        }
        let kind = class.and_then(EpisodeKind::parse).filter(|k| !(supervision && *k == EpisodeKind::Cla)).ok_or((
            LEGAL_STATUS_OUT_OF_SCOPE,
            status.clone(),
            Some("legal status".to_string()),
        ))?;
        let start = self.date(row, "start_date", findings).ok_or(("no readable start date", String::new(), Some("start date".to_string())))?;
        Ok(Episode {
            origin: Origin { file: self.file.to_string(), sheet: self.sheet.map(str::to_string), row: row.row },
            child_id,
            kind,
            source_status: status,
            start,
            end: self.date(row, "end_date", findings),
            team: self.team(row),
        })
    }
}

/// The month an audit was put off to: "Deferred to Nov", "Postponed until
/// December", "Moved to the Nov sample", "Deferred - Nov cycle" (its first
/// word says it was put off, and a month is named after it).
fn deferred_to_month(text: &str) -> Option<Deferral> {
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    if !matches!(words.first().copied(), Some("deferred" | "postponed" | "moved" | "carried" | "rolled")) {
        return None;
    }
    let named = words.iter().skip(1).take(5).find_map(|w| month_number(w).filter(|_| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_alphabetic())));
    // ("Moved to next cycle", "Carried over to next month": blind set 173.)
    let next = words.windows(2).take(6).any(|w| w[0] == "next" && matches!(w[1], "cycle" | "month" | "sample" | "round" | "period"));
    named.map(Deferral::Month).or(next.then_some(Deferral::Next))
}

/// An action's words as they key it: folded, without a bracket at its end
/// saying it was carried forward ("Pathway plan to be updated (carried
/// forward from 2025-26)" is the action of last year's tracker, done or
/// not; blind set 173).
fn action_words(text: &str) -> String {
    let t = text.trim_end();
    if let Some(open) = t.strip_suffix(')').and_then(|t| t.rfind('(')) {
        let inside = fold(&t[open + 1..t.len() - 1]);
        let carried =
            ["carried forward", "brought forward", "b f", "carried over", "rolled over", "rolled forward"].iter().any(|p| contains_phrase(&inside, p));
        if carried && open > 0 {
            return fold(&t[..open]);
        }
    }
    fold(text)
}

/// Where an audit was put off to ([`deferred_to_month`]): a month by name,
/// or the next cycle (the month after the one it was due in).
#[derive(Debug, PartialEq, Eq)]
enum Deferral {
    Month(u32),
    Next,
}

/// A "month of audit" cell ("September 2026", "Sep-26", "2026-09", "09/2026", or
/// a date) as the first day of its month.
/// A month's number from its name or a short form of it ("Sep", "Sept", "September").
pub(crate) fn month_number(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    const NAMES: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    (l.len() >= 3).then(|| NAMES.iter().position(|n| n.starts_with(&l) || (l == "sept" && *n == "september")).map(|i| i as u32 + 1)).flatten()
}

/// A bi-monthly cycle ("Jul/Aug 26", "Sep-Oct 2026", "Dec/Jan 27"): two
/// months by name, one after the other, then the year (the second month's):
/// its first month.
fn bimonthly_cycle(tokens: &[&str]) -> Option<chrono::NaiveDate> {
    // (Each month with its year, "December 2025 - January 2026", "October
    // 2026 - November 2026": the first month's year is the cycle's start's;
    // blind set 178's wrenfield.)
    if let [a, y1, b, y2] = tokens {
        use chrono::Datelike;
        let first = bimonthly_cycle(&[a, b, y2])?;
        let given: i32 = y1.parse().ok()?;
        let given = if y1.len() == 2 { 2000 + given } else { given };
        return (matches!(y1.len(), 2 | 4) && given == first.year()).then_some(first);
    }
    let [a, b, y] = tokens else { return None };
    let named = |s: &str| s.len() >= 3 && s.bytes().all(|c| c.is_ascii_alphabetic());
    let (m1, m2) = (month_number(a).filter(|_| named(a))?, month_number(b).filter(|_| named(b))?);
    if m2 != m1 % 12 + 1 {
        return None;
    }
    let year: i32 = match (y.len(), y.parse::<i32>().ok()?) {
        (2, n) => 2000 + n,
        (4, n) => n,
        _ => return None,
    };
    chrono::NaiveDate::from_ymd_opt(if m1 == 12 { year - 1 } else { year }, m1, 1)
}

/// A month's text with its separators as spaces ("Sep-26", "09/2026", "Jul/Aug 26").
fn month_words(t: &str) -> String {
    t.chars().map(|c| if matches!(c, ',' | '-' | '/' | '.' | '–' | '—') { ' ' } else { c }).collect()
}

/// The first and last days of a bi-monthly cycle a cell names ("Sep/Oct
/// 26": 1 September and 31 October 2026).
fn cycle_span(cell: &Cell) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let Cell::Text(t) = cell else { return None };
    let first = bimonthly_cycle(&month_words(&super::recognise::outside_brackets(t)).split_whitespace().collect::<Vec<_>>())?;
    Some((first, crate::calendar::month_end(crate::calendar::add_months(first, 1))))
}

/// The two month names of a bi-monthly cycle written without its year
/// ("Sept-Oct", "Sep/Oct").
fn cycle_months(cell: &Cell) -> Option<(String, String)> {
    let Cell::Text(t) = cell else { return None };
    let words = month_words(&super::recognise::outside_brackets(t));
    let [a, b] = words.split_whitespace().collect::<Vec<_>>()[..] else { return None };
    bimonthly_cycle(&[a, b, "2000"]).map(|_| (a.to_string(), b.to_string()))
}

/// Whether a cell names a bi-monthly cycle without its year ("Sept-Oct").
pub fn cycle_without_year(cell: &Cell) -> bool {
    cycle_months(cell).is_some()
}

/// The first and last days of a bi-monthly cycle named without its year
/// ("Sept-Oct", "Sep/Oct"), taken to be the one `within` falls in.
fn yearless_cycle(cell: &Cell, within: chrono::NaiveDate) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::Datelike;
    let (a, b) = cycle_months(cell)?;
    // (The year written is the second month's: "Dec/Jan" of an allocation in December is next year's.)
    [within.year(), within.year() + 1].into_iter().find_map(|y| {
        let (first, end) = cycle_span(&Cell::text(&format!("{a} {b} {y}")))?;
        (first <= within && within <= end).then_some((first, end))
    })
}

/// The last day of a bi-monthly cycle a cell names ("Sep/Oct 26": 31 October 2026).
pub fn cycle_end(cell: &Cell) -> Option<chrono::NaiveDate> {
    cycle_span(cell).map(|(_, end)| end)
}

pub fn month_cell(cell: &Cell) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let first = |y: i32, m: u32| chrono::NaiveDate::from_ymd_opt(y, m, 1);
    if let Some(d) = cell.as_date() {
        return first(d.year(), d.month());
    }
    let Cell::Text(t) = cell else { return None };
    let cleaned = month_words(t);
    let tokens: Vec<&str> = cleaned.split_whitespace().collect();
    // (A cycle with a note in brackets too: "Sep/Oct 26 (re-audit)".)
    let [a, b] = tokens.as_slice() else { return cycle_span(cell).map(|(first, _)| first) };
    let year = |s: &str| -> Option<i32> {
        let y: i32 = s.parse().ok()?;
        match s.len() {
            2 => Some(2000 + y),
            4 => Some(y),
            _ => None,
        }
    };
    let month = |s: &str| -> Option<u32> {
        if let Ok(m) = s.parse::<u32>() {
            return (1..=12).contains(&m).then_some(m);
        }
        month_number(s)
    };
    if a.len() == 4 && a.bytes().all(|c| c.is_ascii_digit()) {
        // "2026-09"
        return first(year(a)?, month(b)?);
    }
    // "September 2026", "Sep-26", "09/2026"
    first(year(b)?, month(a)?)
}

/// How a row is keyed for exact duplicates: each non-empty cell adds
/// [`cell_key`] of its column's key (its folded header; past the header row,
/// its position) and its value, to the table kind's key. A sum, so a row's key
/// does not depend on the column order of its file: the same row in two
/// exports with the columns in another order is one row. A date column's
/// value is its date where the cell is one (written without a time of day:
/// "25/09/2026", "2026-09-25" and "25-Sep-26" are one value), so the same
/// row with a date written two ways is one row too.
#[derive(Debug, Clone)]
pub struct RowKeys {
    pub kind: u64,
    columns: Vec<u64>,
    /// The columns read as dates ("…_date" fields).
    dates: Vec<bool>,
}

impl RowKeys {
    pub fn new(columns: &[super::columns::ColumnMap], kind: TableKind) -> RowKeys {
        let n = columns.iter().map(|c| c.index + 1).max().unwrap_or(0);
        let key = |h: &str| {
            let mut hasher = crate::fasthash::FxHasher::default();
            kind.as_str().hash(&mut hasher);
            h.hash(&mut hasher);
            hasher.finish()
        };
        // Two columns under the same header are told apart by which comes first.
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut dates = vec![false; n];
        for c in columns.iter().filter(|c| matches!(&c.target, Target::Field(f) if f.ends_with("_date"))) {
            dates[c.index] = true;
        }
        let keys = (0..n)
            .map(|i| {
                // (The child's id counts as that, whatever its header's words:
                // "Client ID" in one export, "Person ID" in the next. Other
                // columns count by their header: a header read as one field
                // in one table and another in the next is still one column.)
                let h = columns
                    .iter()
                    .find(|c| c.index == i)
                    .map(|c| match &c.target {
                        Target::Field(f) if f == "child_id" => "field child_id".to_string(),
                        _ => fold(&c.header),
                    })
                    .filter(|h| !h.is_empty())
                    .unwrap_or_else(|| format!("#{i}"));
                let count = seen.entry(h.clone()).or_default();
                *count += 1;
                key(&if *count == 1 { h } else { format!("{h}#{count}") })
            })
            .collect();
        RowKeys { kind: key(""), columns: keys, dates }
    }

    /// Whether column `i` is read as dates, so that its values are keyed by
    /// their date ([`RowKeys::date_text`]).
    pub fn is_date(&self, i: usize) -> bool {
        self.dates.get(i).copied().unwrap_or(false)
    }

    /// Whether a date column's text is keyed by the date it reads as: only
    /// when it carries no time of day ("26/09/2026 15:58" keeps its text, so
    /// two notes a minute apart stay two).
    pub fn date_text(t: &str) -> bool {
        !t.contains(':')
    }

    /// Column `i`'s key.
    pub fn column(&self, i: usize) -> u64 {
        self.columns.get(i).copied().unwrap_or_else(|| (i as u64 ^ self.kind).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// A row's key (see [`RowKeys`]), with `date` reading a date column's
    /// cell as the table reads it.
    pub fn row_key(&self, cells: &[Cell], date: impl Fn(&Cell) -> Option<chrono::NaiveDate>) -> u64 {
        cells.iter().enumerate().fold(self.kind, |key, (i, c)| {
            let column = self.column(i);
            if self.is_date(i) && !matches!(c, Cell::Text(t) if !RowKeys::date_text(t)) {
                if let Some(d) = date(c) {
                    return key.wrapping_add(cell_key(column, d));
                }
            }
            key.wrapping_add(match c {
                Cell::Empty => return key,
                Cell::Text(t) | Cell::Error(t) => cell_key(column, t.as_str()),
                Cell::Number(n) => cell_key(column, n.to_bits()),
                Cell::Date(d) => cell_key(column, d),
                Cell::Bool(b) => cell_key(column, b),
            })
        })
    }
}

/// One non-empty cell's part of its row's key: its column's key and its value, mixed.
pub fn cell_key(column: u64, value: impl Hash) -> u64 {
    let mut hasher = crate::fasthash::FxHasher::default();
    column.hash(&mut hasher);
    value.hash(&mut hasher);
    hasher.finish()
}

/// Words naming a child's parents, carers or family ("family support worker"
/// and "children's guardian" are professionals: see [`names_role`]).
const FAMILY_WORDS: [&str; 21] = [
    "mother",
    "mum",
    "mom",
    "father",
    "dad",
    "parent",
    "parents",
    "carer",
    "carers",
    "stepfather",
    "stepmother",
    "stepdad",
    "stepmum",
    "grandmother",
    "grandfather",
    "grandparent",
    "grandparents",
    "gran",
    "aunt",
    "uncle",
    "family",
];

/// Words that say someone was not spoken to.
const NOT_SPOKEN: [&str; 30] = [
    // ("Two calls to mother unanswered".)
    "unanswered",
    "not answered",
    "voicemail",
    "not spoken",
    "not spoke",
    "not seen",
    "not met",
    "not available",
    "unavailable",
    "on leave",
    "sick leave",
    "vacant",
    "declined",
    "refused",
    "unable to",
    "did not",
    "no contact",
    "not contactable",
    "no response",
    "no reply",
    "not reached",
    "left message",
    "left a message",
    "disconnected",
    "missing",
    "custody",
    "in prison",
    "no answer",
    "unreachable",
    "said by",
];

/// Whether a short answer to "was the child (or family) spoken to", written
/// as what happened, says who was spoken to and how or when ("Mother 13/10",
/// "Foster carer by phone", "Father (telephone) - unhappy about delays"), or
/// that it was done ("Spoke with the child at school 02/09"), or that the
/// family was selected for views ("Selected – no response to 2 calls"), or
/// that the person named was not spoken to ("Mother did not respond"), or
/// what they said ("Mother said she feels listened to"). A view alone
/// ("Carers positive about support", "Foster carer feels supported") says
/// neither. What it says is read by the caller: no when the words say
/// the person was not spoken to ([`says_not_spoken_to`]), else yes.
fn tells_contact(field: &str, text: &str) -> bool {
    if !matches!(field, "spoke_child" | "spoke_family") {
        return false;
    }
    // (A longer record that begins by saying so, naming whom: "Spoke with the
    // young person by video call: 'my PA always rings back'; wants help with
    // driving lessons" (blind set 146).)
    if text.split_whitespace().count() > 15 {
        // (Whom: the words straight after the verb, not someone else asked
        // about them: "Spoke to the SW about whether the child could be
        // contacted", "Spoke with the young person's mother"; review 239's c33.)
        // (Whom, up to what was said about what: "Talked to the foster carer
        // and then to the child" and "Spoke to both the child and his mother"
        // name the child; "the young person's mother" does not; review 240.)
        return clauses(text).first().is_some_and(|c| {
            // (The verb and whom, up to what was said about what; a "not"
            // after it is about something else: "Spoke to mum by telephone
            // as she was unable to attend".)
            let head: Vec<&str> = c
                .split(' ')
                .take_while(|w| !matches!(*w, "about" | "regarding" | "re" | "as" | "because" | "who" | "but" | "since" | "after" | "before" | "while"))
                .collect();
            let whom: Vec<&str> = head
                .iter()
                .skip(1)
                .copied()
                .skip_while(|w| matches!(*w, "to" | "with" | "the" | "a" | "an" | "both" | "briefly" | "directly"))
                .take(8)
                .collect();
            let whom = whom.join(" ");
            // (Whose: "young person s mother", "child s carer".)
            let possessive = field == "spoke_child" && whom.split(" s ").skip(1).any(|rest| names_role("spoke_family", rest.split(' ').next().unwrap_or("")));
            let named = names_role(field, &whom) && !possessive;
            matches!(head.first(), Some(&("spoke" | "spoken" | "met" | "talked"))) && named && !negated(&head.join(" "))
        });
    }
    let mut cs = clauses(text);
    // (A failed attempt first, then whom it reached: "Voicemail left, mother
    // called back and views taken", "Two calls unanswered, then spoke to
    // father at home visit" are read from what came after.)
    let ts = turns(text);
    let failed = |c: &String| {
        contains_phrase(c, "voicemail") || c.split(' ').any(|w| matches!(w, "attempted" | "tried")) || NO_CONTACT.iter().any(|p| contains_phrase(c, p))
    };
    if let Some(at) = ts.iter().position(|c| !failed(c)).filter(|at| *at > 0) {
        cs = ts[at..].to_vec();
    }
    let Some(first) = cs.first() else { return false };
    let first_word = first.split(' ').next().unwrap_or("");
    let dated = text
        .split(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.'))
        .any(|t| t.contains(['/', '.']) && t.chars().filter(char::is_ascii_digit).count() >= 3);
    // ("say" only after who says it: "Foster carers say both boys are
    // settled", not "too young to say" or "SW to say when she is back".)
    let say = |c: &String| {
        let w: Vec<&str> = c.split(' ').collect();
        w.windows(2).any(|p| p[1] == "say" && FAMILY_WORDS.contains(&p[0]))
    };
    if returned_to_no_end(&fold(text)) {
        return false;
    }
    let how = cs.iter().any(|c| c.split(' ').any(|w| CONTACT_WORDS.contains(&w)) || say(c) || returned_call(c));
    // (With a date and no word of how, the clause names only who: "Mother
    // 13/10", "Both parents 11/09"; not "Child missing from home since 01/09".)
    // ("Views obtained and recorded", "Feedback given": a key's words for
    // the answer.)
    let heard = first.split(' ').take(2).collect::<Vec<_>>();
    // (Not by someone else: "Views gathered by IRO", "Feedback given by
    // social worker", "Views obtained from SW only" are second-hand.)
    let second_hand = cs.iter().any(|c| c.split(' ').any(|w| matches!(w, "by" | "from" | "via")));
    let views_heard = !second_hand
        && matches!(
            heard.as_slice(),
            ["views" | "view" | "feedback" | "wishes", "obtained" | "gathered" | "given" | "recorded" | "received" | "heard" | "captured"]
        );
    matches!(first_word, "spoke" | "spoken" | "met" | "seen" | "talked")
        || views_heard
        || ((names_role(field, first) || first_word == "selected") && ((dated && only_who(first)) || how || cs.iter().any(|c| negated(c))))
}

/// A spoken-to answer put down under the person it is from ("Mother:
/// unhappy about contact arrangements", "Foster carer: settled and attending
/// school"): what follows the colon says it. A yes / no / n/a there is that
/// answer ("Carer: no", "Dad: N/A"); too young, a baby or pre-verbal is not
/// applicable; a clause saying they were not spoken to is no ("Mother: not
/// contacted", "Step-dad: would not engage"); a view from someone else or a
/// document ("Child: SW view - settled", "Mother: SW says…", "Child: views
/// from LAC review minutes") is no answer (`Some(Blank)`: not read as yes
/// by any other rule either); any other view of two or more words
/// is theirs, heard: yes. (Up to 40 words: the view is the answer.)
fn view_attributed(field: &str, text: &str) -> Option<Answer> {
    several_answers(field, text).or_else(|| view_attributed_one(field, text))
}

/// Several people, each with their answer ("Mother - no, father - yes",
/// "Mum: not available; Dad: yes"): yes where any was spoken to, else no
/// where any says so (stranger review 23b). `None` unless two or more parts
/// are each someone's answer.
fn several_answers(field: &str, text: &str) -> Option<Answer> {
    let parts: Vec<&str> = text
        .split([',', ';'])
        .map(|p| {
            let p = p.trim();
            ["but ", "and ", "But ", "And "].iter().find_map(|w| p.strip_prefix(w)).unwrap_or(p)
        })
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 2 {
        let answers: Vec<Answer> = parts.iter().filter_map(|p| view_attributed_one(field, p)).collect();
        if answers.len() >= 2 {
            return Some(if answers.contains(&Answer::Yes) {
                Answer::Yes
            } else if answers.contains(&Answer::No) {
                Answer::No
            } else {
                answers[0]
            });
        }
    }
    None
}

/// A text cut where who is named and what they answered begins: at its
/// first colon ("Mother: unhappy with contact"), else its first spaced dash
/// ("Father – yes", "Mother - by phone").
fn split_who(text: &str) -> Option<(&str, &str)> {
    text.split_once(':').or_else(|| [" – ", " — ", " - "].iter().find_map(|d| text.split_once(d)))
}

/// Whether a cell answers yes or no in so many words ("Yes - mother",
/// "No - parents did not engage", "N", a tick box's true): not "None".
fn says_yes_or_no(c: &Cell) -> bool {
    match c {
        Cell::Bool(_) => true,
        Cell::Text(t) => matches!(fold(t).split(' ').next(), Some("yes" | "no" | "y" | "n")),
        _ => false,
    }
}

/// Whether a text has a word that may say no one was reached or asked
/// ("Parents' views not sought", "Foster carer was away", "Father not
/// contacted"): such a text is no view obtained.
fn has_a_negative(text: &str) -> bool {
    let f = fold(text);
    f.split(' ').any(|w| {
        matches!(
            w,
            "not"
                | "no"
                | "never"
                | "nobody"
                | "none"
                | "away"
                | "unable"
                | "refused"
                | "declined"
                | "unavailable"
                | "absent"
                | "didn"
                | "wasn"
                | "couldn"
                | "cannot"
        )
    }) || contains_phrase(&f, "did not")
}

/// Whether a text gives someone's view ("Carers positive about support",
/// "wants more contact", "happy with the plan").
fn gives_a_view(text: &str) -> bool {
    let f = fold(text);
    [
        "wants",
        "want",
        "wanted",
        "happy",
        "unhappy",
        "positive",
        "negative",
        "pleased",
        "satisfied",
        "dissatisfied",
        "feels",
        "felt",
        "said",
        "says",
        "reports",
        "reported",
        "worried",
        "concerned",
        "supportive",
        "grateful",
        "would like",
        "likes",
        "liked",
        "views recorded",
        "views obtained",
        "views gathered",
        "views given",
        "views included",
        "views taken",
        "gave views",
        "gave her views",
        "gave his views",
        "gave their views",
        "gave feedback",
        "shared views",
        "shared her views",
        "shared his views",
        "shared their views",
        "appreciates",
        "appreciated",
        "frustrated",
        "complained",
        "praised",
    ]
    .iter()
    .any(|w| contains_phrase(&f, w))
}

/// A worker named before a colon or a spaced dash with a short answer after
/// it: "SW – no", "Social worker: yes", "PA - not available (on leave)".
fn worker_answer(text: &str) -> Option<Answer> {
    let (who, said) = split_who(text)?;
    let who = fold(who);
    if !(1..=4).contains(&who.split(' ').count()) || !names_role("spoke_practitioner", &who) {
        return None;
    }
    let said = said.trim();
    let f = fold(said);
    if ["not available", "unavailable", "on leave", "not spoken", "not contacted", "post vacant", "vacant", "no response"]
        .iter()
        .any(|p| contains_phrase(&f, p))
    {
        return Some(Answer::No);
    }
    super::scales::answer(&Cell::text(said)).filter(|_| said.split_whitespace().count() <= 2)
}

/// [`view_attributed`] for one person's answer.
fn view_attributed_one(field: &str, text: &str) -> Option<Answer> {
    let (who, said) = split_who(text)?;
    // (Whose views they are, by a word for views after who: "Carer views:",
    // "Mum's comments:", "Parents' feedback:".)
    let who = fold(who);
    // (Folded, "Mum's" is "mums": a possessive s comes off when the rest names who.)
    let views_of = ["views", "view", "comments", "comment", "feedback", "wishes", "wishes and feelings", "voice"]
        .iter()
        .find_map(|w| who.strip_suffix(w).and_then(|r| r.strip_suffix(' ')).filter(|r| !r.trim().is_empty()))
        .map(|r| match r.strip_suffix('s') {
            Some(one) if !names_role(field, r) && names_role(field, one) => one.to_string(),
            _ => r.to_string(),
        });
    let views = views_of.is_some();
    let who = views_of.unwrap_or_else(|| who.clone());
    let ok = matches!(field, "spoke_child" | "spoke_family")
        && text.split_whitespace().count() <= 40
        && (1..=4).contains(&who.split(' ').count())
        && names_role(field, &who)
        && only_who(&who);
    if !ok || said.trim().is_empty() {
        return None;
    }
    // (Under a word for views, what follows is the view itself: "Carer
    // views: no concerns raised", "Mum's comments: not happy with contact"
    // were heard; only a short answer, or words that say no view was had,
    // answer otherwise.)
    let short = said.split_whitespace().count() <= 2;
    if let Some(a) = super::scales::answer(&Cell::text(said.trim())).filter(|_| !views || short) {
        return Some(a);
    }
    let f = fold(said);
    let cs = clauses(said);
    if cs.iter().any(|c| not_applicable_clause(c)) || says_too_young(&f) {
        return Some(Answer::NotApplicable);
    }
    // (Their own words in quotes are their view, heard, whatever they say:
    // "Father: 'nobody rings me back'"; blind set 178's pellbridge.)
    let quoted = said.trim().trim_end_matches(['.', '!', '?', ' ']);
    let quotes = |c: char| matches!(c, '\'' | '"' | '‘' | '’' | '“' | '”');
    if quoted.chars().count() > 2 && quoted.starts_with(quotes) && quoted.ends_with(quotes) {
        return Some(Answer::Yes);
    }
    let refused = ["would not", "wouldn t", "refused", "declined", "not engage"].iter().any(|p| contains_phrase(&f, p));
    let no_view = [
        "not spoken",
        "not seen",
        "not contacted",
        "not contactable",
        "unable to contact",
        "unable to speak",
        "could not be contacted",
        "not available",
        "unavailable",
        "no response",
        "no reply",
        "not sought",
        "not obtained",
        "not given",
        "no contact made",
        "did not respond",
        "did not engage",
        "not take part",
        "not want to take part",
        "not wish to take part",
        "not want to speak",
        "not wish to speak",
        "not want to talk",
    ]
    .iter()
    .any(|p| contains_phrase(&f, p));
    let said_no =
        if views { refused || no_view } else { refused || cs.iter().any(|c| negated(c)) || ["did not", "didn t"].iter().any(|p| contains_phrase(&f, p)) };
    if said_no {
        return Some(Answer::No);
    }
    // (A worker as the source: first, or "per" / "according to" / "via"
    // them; named later, they are what the view is about: "Father: wants
    // more contact and says the SW listens".)
    let worker_first = ["sw", "social worker", "worker", "iro", "pa"].iter().any(|p| {
        let starts = f.trim_start().starts_with(&format!("{p} ")) || f.trim() == *p;
        starts || ["per", "according to", "via"].iter().any(|by| contains_phrase(&f, &format!("{by} {p}")) || contains_phrase(&f, &format!("{by} the {p}")))
    });
    let someone_else = worker_first || ["review", "minutes", "report", "records", "record", "file", "case notes"].iter().any(|p| contains_phrase(&f, p));
    // (Someone else's word for it: no answer, said as one.)
    if someone_else {
        return Some(Answer::Blank);
    }
    (f.split(' ').filter(|w| !w.is_empty()).count() >= 2).then_some(Answer::Yes)
}

/// Whether a folded clause names only who (with a date at most): "mother",
/// "both parents 11/09", "foster carer".
fn only_who(clause: &str) -> bool {
    clause.split(' ').filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit())).all(|w| {
        FAMILY_WORDS.contains(&w)
            || matches!(
                w,
                "and"
                    | "both"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "foster"
                    | "kinship"
                    | "birth"
                    | "sgo"
                    | "step"
                    | "child"
                    | "young"
                    | "person"
                    | "yp"
                    | "cyp"
                    // (A possessive: "Young person's aunt".)
                    | "s"
                    | "persons"
                    | "by"
                    | "on"
                    | "at"
            )
    })
}

/// Words that say how someone was spoken to.
/// (And words that say what the person said: "Mother said she feels
/// listened to", "Grandmother says contact now works": their view, heard.)
// ("attended": "Mother attended the audit discussion with SW 28/10"; blind set 183.)
const CONTACT_WORDS: [&str; 23] = [
    "attended",
    "seen",
    "spoke",
    "spoken",
    "met",
    "phone",
    "telephone",
    "phoned",
    "call",
    "calls",
    "called",
    "video",
    "visit",
    "visited",
    "teams",
    "zoom",
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "shared",
    "stated",
];

/// Whether a folded clause names the role a spoken-to field asks about.
/// The answer to a question asking what someone said ("What did
/// parents/carers say?", "Child's views - what did they say?", "What did
/// the young person tell you?"), written as what they said: not applicable
/// where it says they could not be asked ("Too young to give views", "Baby",
/// "N/A"), no where it says they were not reached or would not speak ("Not
/// spoken to - did not engage", "Did not respond to calls or letters",
/// "Declined to speak to me"), else yes (50 words at most). `None` under
/// any other question.
fn what_they_said(header: &str, text: &str, field: &str) -> Option<Answer> {
    if !asks_what_said(header) || text.trim().is_empty() || text.split_whitespace().count() > 50 {
        return None;
    }
    let f = fold(text);
    let na = ["too young", "pre verbal", "preverbal", "non verbal", "baby", "not applicable", "n a"].iter().any(|p| contains_phrase(&f, p)) || f == "na";
    if na {
        return Some(Answer::NotApplicable);
    }
    let not_reached = [
        "declined",
        "refused",
        "did not respond",
        "didn t respond",
        "no response",
        "no reply",
        "not spoken",
        "not seen",
        "not contacted",
        "not reached",
        "could not be contacted",
        "unable to contact",
        "unable to reach",
        "did not engage",
        "would not speak",
        "did not want to speak",
        "not available",
    ];
    if not_reached.iter().any(|p| contains_phrase(&f, p)) || says_not_spoken_to(text, field) || matches!(f.as_str(), "no" | "none" | "nobody" | "no one") {
        return Some(Answer::No);
    }
    Some(Answer::Yes)
}

/// Whether a header asks what someone said ("What did parents/carers
/// say?", "What did the young person tell you?", "Parents/carers - what
/// they said"): "what" and a word of saying or telling, in twelve words at
/// most.
pub(crate) fn asks_what_said(header: &str) -> bool {
    let h = fold(header);
    let words: Vec<&str> = h.split(' ').collect();
    words.len() <= 12 && words.contains(&"what") && words.iter().any(|w| matches!(*w, "say" | "said" | "says" | "tell" | "told"))
}

/// Whether a short answer (six words at most) names a way the family's views
/// were had: "Telephone discussion", "Brief questionnaire", "Phone call",
/// "Face to face", "Home visit".
fn by_contact(text: &str) -> bool {
    let f = fold(text);
    f.split(' ').count() <= 6
        && ["telephone", "phone", "questionnaire", "face to face", "home visit", "video call", "teams call", "in person", "email", "e mail"]
            .iter()
            .any(|p| contains_phrase(&f, p))
}

/// Words that say no one was spoken to ("None", "Nobody", "Nil").
const NO_ONE: [&str; 5] = ["none", "nobody", "no one", "noone", "nil"];

/// Whether a list of who was spoken to names the child or the family in
/// any clause of an answer: a list that never does, in answers that name
/// someone, is of the workers spoken to (seed 004's "Which worker did you
/// speak to").
pub(crate) fn who_list_names_child_or_family(text: &str) -> bool {
    clauses(text).iter().any(|c| names_role("spoke_child", c) || names_role("spoke_family", c))
}

pub(crate) fn names_role(field: &str, f: &str) -> bool {
    let words: Vec<&str> = f.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    match field {
        "spoke_child" => has("child") || has("yp") || has("cyp") || contains_phrase(f, "young person") || contains_phrase(f, "young people"),
        "spoke_family" => {
            FAMILY_WORDS.iter().any(|w| has(w)) && !contains_phrase(f, "family support") && !contains_phrase(f, "family worker") && !has("guardian")
        }
        _ => {
            contains_phrase(f, "social worker")
                || has("sw")
                || has("pa")
                || contains_phrase(f, "personal adviser")
                || has("practitioner")
                || contains_phrase(f, "allocated worker")
        }
    }
}

/// Whether a short answer (15 words at most) says no views were had: it starts
/// so ("Views not obtained - mother declined", "Parents' views not sought"),
/// or each of its clauses says so or says whom was not reached ("Parents not
/// contacted - views not obtained.").
fn says_no_views(t: &str) -> bool {
    if t.split_whitespace().count() > 15 {
        return false;
    }
    let cs = clauses(t);
    // (Not where a later clause says someone was reached: "Views not obtained
    // from mother; father spoken to at length".)
    let reached = |c: &String| {
        ["spoken to", "spoke to", "met with", "seen", "visited", "by phone", "telephone"].iter().any(|p| contains_phrase(c, p)) && !contains_phrase(c, "not")
    };
    (views_not_had(&fold(t)) && !cs.iter().skip(1).any(reached))
        || (cs.iter().all(|c| views_not_had(c) || nobody_reached(c)) && cs.iter().any(|c| views_not_had(c)))
}

/// Whether a short answer says views were had: "Obtained", "Views
/// gathered", "Mother's views obtained – home visit": one of the words for
/// having them first, after whose views they were, and no word of one not
/// had ("Obtained from father; mother declined", "Sought – no response")
/// or of someone else having them ("Views gathered by IRO").
fn says_views_had(t: &str) -> bool {
    if t.split_whitespace().count() > 8 {
        return false;
    }
    let f = fold(t);
    // ("Sought and obtained", "Views sought and received": asked, then had;
    // review 262's c11, c12.)
    let w: Vec<&str> =
        f.split(' ').skip_while(|w| family_word(w) || matches!(*w, "views" | "view" | "feedback" | "wishes" | "and" | "carer" | "carers" | "sought")).collect();
    // (Not "sought": asked for, maybe never had, "Sought – mum unavailable";
    // review 261's c13, c14.)
    matches!(w.first(), Some(&("obtained" | "gathered" | "received" | "captured" | "heard")))
        && !w.iter().any(|w| matches!(*w, "not" | "no" | "declined" | "refused" | "unable" | "but" | "awaiting" | "attempted" | "partly" | "partially"))
        // (Nor had by someone else, "Views gathered by IRO", "Obtained from
        // SW only": second-hand, as the views read elsewhere; "from both
        // parents", "from mother" are the family's own: review 262's c12.)
        && !w.iter().enumerate().any(|(i, x)| {
            matches!(*x, "by" | "via") || (*x == "from" && !w[i + 1..].iter().take(2).any(|n| family_word(n) || matches!(*n, "carer" | "carers")))
        })
}

/// Whether a folded text or clause starts by saying no views were had, after
/// whose they were ("Views not obtained", "Parents' views not sought",
/// "Feedback not given").
fn views_not_had(f: &str) -> bool {
    let w: Vec<&str> = f.split(' ').skip_while(|w| family_word(w)).take(3).collect();
    matches!(
        w.as_slice(),
        ["views" | "view" | "feedback" | "wishes", "not", "recorded" | "given" | "obtained" | "gathered" | "received" | "sought" | "heard", ..]
    ) || matches!(w.as_slice(), ["no", "views" | "view" | "feedback", "recorded" | "given" | "obtained" | "gathered" | "received" | "sought" | "heard"])
}

/// A word naming the family, or its possessive as folded ("mother's" is
/// "mothers", or "mother" and "s").
fn family_word(w: &str) -> bool {
    w == "s" || FAMILY_WORDS.contains(&w) || w.strip_suffix('s').is_some_and(|x| FAMILY_WORDS.contains(&x))
}

/// Whether a folded clause is the family, or no one, said not to have been
/// reached, and nothing more ("Parents not contacted", "Mother not approached").
fn nobody_reached(c: &str) -> bool {
    let w: Vec<&str> = c.split(' ').skip_while(|w| family_word(w) || matches!(*w, "were" | "was" | "have" | "has" | "been")).collect();
    matches!(w.as_slice(), ["not", "contacted" | "approached" | "reached" | "spoken", ..]) && w.len() <= 3
}

/// A text cut into its clauses, each folded ("Spoke to SW, not seen child":
/// "spoke to sw", "not seen child").
fn clauses(text: &str) -> Vec<String> {
    text.split([';', ',', '(', ')', '-', '–', '—', '.', '\n']).map(fold).filter(|c| !c.is_empty()).collect()
}

/// [`clauses`], each cut again where it turns to what happened next or
/// before ("Telephone discussion with carer after no reply to voicemail",
/// "Mum seen but dad not spoken to"): as if written with a comma.
fn turns(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for c in clauses(text) {
        let mut part = String::new();
        for w in c.split(' ') {
            if ["after", "then", "but", "however", "following", "eventually"].contains(&w) {
                parts.push(std::mem::take(&mut part));
            } else {
                if !part.is_empty() {
                    part.push(' ');
                }
                part.push_str(w);
            }
        }
        parts.push(part);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// Whether a folded clause says no one, or someone, was not spoken to.
fn negated(c: &str) -> bool {
    // ("Not contacted" as a clause of its own, the verdict after who: "Family
    // live in Kelsey - not contacted"; inside a sentence about someone else,
    // "birth mother not contacted", it is no verdict on the whole.)
    ["none", "nobody", "no one", "noone", "nil", "no", "not contacted", "not approached"].iter().any(|w| super::fold::starts_with_words(c, w))
        || NOT_SPOKEN.iter().any(|p| contains_phrase(c, p))
}

/// Phrases that say an attempt to reach someone failed.
const NO_CONTACT: [&str; 29] = [
    // ("Voicemail only", "Two calls unanswered", "Voicemail left, then case
    // closed", "… mother did not call back".)
    "voicemail only",
    "voicemail left",
    "did not call back",
    "unanswered",
    "not answered",
    "not received",
    // ("Questionnaire sent to father – not returned".)
    "not returned",
    "not been returned",
    "did not respond",
    "did not reply",
    "did not answer",
    "did not return",
    "did not attend",
    "did not engage",
    "no response",
    "no reply",
    "no answer",
    "not contactable",
    "could not be contacted",
    "could not be reached",
    "could not contact",
    "could not reach",
    "unable to contact",
    "unable to reach",
    "unable to make contact",
    "not reached",
    "left message",
    "left a message",
    "left a voicemail",
];

/// Phrases that say no one was in when a visit was tried.
const NO_ONE_IN: [&str; 6] = ["no one home", "no one at home", "no one in", "nobody home", "nobody at home", "nobody in"];

/// Words that say someone was reached: seen, visited, spoken to.
const REACHED: [&str; 30] = [
    "spoke",
    "spoken",
    "speak",
    "seen",
    "saw",
    "met",
    "meet",
    "visit",
    "visited",
    "visits",
    "observed",
    "said",
    "says",
    "told",
    "reported",
    "shared",
    "stated",
    "feels",
    "felt",
    "wants",
    "wanted",
    "discussed",
    "discussion",
    "explained",
    "talked",
    "interviewed",
    "telephone",
    "phoned",
    "call",
    "called",
];

/// Whether a spoken-to record says only that someone could not be reached
/// ("Father did not respond to two calls from the auditor", "Left a
/// message, no reply"): a clause says so, and no other clause says anyone
/// was reached ("Home visit completed with mum, no reply from dad", "Saw
/// child at school; she did not respond to questions about home" are
/// someone reached).
pub(crate) fn only_failed_contact(text: &str) -> bool {
    if text.split_whitespace().count() > 30 {
        return false;
    }
    let cs = turns(text);
    // (A returned call the answer says came to nothing, in any clause of it:
    // "mother returned call but I missed it".)
    let no_end = returned_to_no_end(&fold(text));
    let failed = |c: &String| NO_CONTACT.iter().chain(&NO_ONE_IN).any(|p| contains_phrase(c, p)) || (no_end && returned_call(c));
    // (In the clause that says so, only words of what was said count: "Dad
    // said he did not attend"; a call or a visit there is the attempt.)
    const SAID: [&str; 10] = ["spoke", "spoken", "said", "says", "told", "stated", "reported", "explained", "discussed", "talked"];
    // (Elsewhere a call is an attempt, unless it was a call with someone:
    // "Phoned twice, no answer", "Called mum, no answer" reached no one.)
    const CALLED: [&str; 4] = ["telephone", "phoned", "call", "called"];
    // (A visit is an attempt too where the answer says no one was in, unless
    // it names whom it visited or was with someone: "Visited but no one home"
    // reached no one; "Visited at school; she did not respond to the
    // letter" and "Visited YP at placement" did.)
    const VISITED: [&str; 3] = ["visit", "visited", "visits"];
    let no_one_in = cs.iter().any(|c| NO_ONE_IN.iter().any(|p| contains_phrase(c, p)));
    // (A call returned is someone reached: "Voicemail left, mother called
    // back and views taken", "carer called me back", "mum returned my
    // call", "carer got back to me".)
    let called_back = |c: &String| returned_call(c);
    let reached = |c: &String| {
        let words: Vec<&str> = c.split(' ').collect();
        if called_back(c) && !negated(c) && !no_end {
            return true;
        }
        if failed(c) {
            return words.iter().any(|w| SAID.contains(w));
        }
        let someone = words.contains(&"with") || super::columns::SPOKEN_TO.iter().any(|r| names_role(r, c));
        // (Not a clause that says not: "not spoken to".)
        !negated(c)
            && words.iter().any(|w| REACHED.contains(w) && (!CALLED.contains(w) || words.contains(&"with")) && (!VISITED.contains(w) || someone || !no_one_in))
    };
    cs.iter().any(failed) && !cs.iter().any(reached)
}

/// Whether a folded clause says a call was returned but came to nothing:
/// "mother called back to decline", "returned my call but I missed it",
/// "dad rang back after the audit closed" (review 237's c23).
fn returned_to_no_end(c: &str) -> bool {
    returned_call(c)
        && ["declin", "refus", "missed", "not spoken", "too late", "after the audit", "after audit", "no views", "did not want", "didn t want"]
            .iter()
            .any(|p| c.contains(p))
}

/// Whether a folded clause says a call was returned: "called back", "rang
/// me back", "phoned us back", "returned my call", "got back to me".
fn returned_call(c: &str) -> bool {
    let w: Vec<&str> = c.split(' ').collect();
    let called = |x: &str| matches!(x, "called" | "rang" | "rung" | "phoned" | "rings" | "calls" | "got");
    let whom = |x: &str| matches!(x, "me" | "us" | "him" | "her" | "them");
    let back = (0..w.len()).any(|i| {
        let after: Vec<&str> = w[i + 1..].iter().copied().skip_while(|x| whom(x)).collect();
        called(w[i]) && after.first() == Some(&"back") && (w[i] != "got" || after.get(1) == Some(&"to"))
    });
    let returned = (0..w.len()).any(|i| {
        w[i] == "returned"
            && (w.get(i + 1).is_some_and(|x| matches!(*x, "call" | "calls"))
                || (w.get(i + 1).is_some_and(|x| matches!(*x, "my" | "the" | "our" | "a" | "auditor s" | "her" | "his"))
                    && w.get(i + 2).is_some_and(|x| matches!(*x, "call" | "calls"))))
    });
    back || returned
}

/// Whether a clause of a spoken-to answer says the person asked about was
/// met, seen, visited or spoken to ("Met with both parents", "Mum seen at
/// the contact centre"), without saying not.
fn reached_in_person(field: &str, text: &str) -> bool {
    const MET: [&str; 9] = ["met", "seen", "saw", "spoke", "spoken", "visited", "talked", "interviewed", "meeting"];
    clauses(text).iter().any(|c| !negated(c) && names_role(field, c) && c.split(' ').any(|w| MET.contains(&w)))
}

/// A cell withheld from a shared copy of an export ("[REDACTED]",
/// "[RESTRICTED]", "Withheld"): what was there is not known.
pub(crate) fn withheld(text: &str) -> bool {
    matches!(fold(text).as_str(), "redacted" | "restricted" | "withheld" | "restricted record" | "information withheld" | "not disclosed")
}

fn not_applicable_clause(c: &str) -> bool {
    c == "n a" || c == "na" || c.starts_with("n a ") || c.starts_with("not applicable")
}

/// One role's answer from a list of who was spoken to ("Child/young
/// person;Parent/carer;Social worker/PA;", "Child, Mum, SW", "None"), clause
/// by clause: yes when a clause names the role and does not say they were
/// not spoken to; not applicable when the clause naming it says so (or the
/// whole answer does and names no one spoken to); else no when the list
/// names anyone or no one ("Teacher, IRO", "None", "Other"); `None` when it
/// names nothing it can tell (a person's name alone: said, left blank).
fn role_in_who_list(field: &str, text: &str) -> Option<Answer> {
    let cs = clauses(text);
    if cs.is_empty() {
        return None;
    }
    let roles = super::columns::SPOKEN_TO;
    // (An answer whose first part says no one was spoken to is no for
    // everyone, whoever its reason names: "Nobody - SW left, TM on leave".)
    // (Not "None of the family - SW only", "No one from the family, spoke
    // to PA": whom it names after those words was spoken to.)
    if NO_ONE.contains(&cs[0].trim()) {
        return Some(Answer::No);
    }
    // (Nor a clause of trying: "Attempted to contact mother x3, no
    // response", "Other: tried father x2 - no response".)
    let tried = |c: &str| c.split(' ').any(|w| matches!(w, "attempted" | "attempt" | "attempts" | "tried" | "trying"));
    let positive = |role: &str| cs.iter().any(|c| names_role(role, c) && !negated(c) && !not_applicable_clause(c) && !tried(c));
    if positive(field) {
        return Some(Answer::Yes);
    }
    let na_for_me = cs.iter().any(|c| not_applicable_clause(c) && names_role(field, c));
    let na_all = not_applicable_clause(&cs[0]) && !roles.iter().any(|r| positive(r));
    if na_for_me || na_all {
        return Some(Answer::NotApplicable);
    }
    const OTHERS: [&str; 16] = [
        "teacher", "iro", "manager", "tm", "sibling", "siblings", "brother", "sister", "nurse", "health", "school", "guardian", "other", "worker", "gp",
        "police",
    ];
    let names_anyone = cs.iter().any(|c| roles.iter().any(|r| names_role(r, c)) || negated(c) || c.split(' ').any(|w| OTHERS.contains(&w)));
    names_anyone.then_some(Answer::No)
}

/// One role's answer from a list of who was not spoken to ("Family",
/// "Child (declined)", "Child; Family", "Child - N/A (age 2)", "None"), item
/// by item: no when an item names the role, not applicable when that item
/// says so; yes when the list names only others, or no one ("None",
/// "Nobody"); `None` when it names nothing it can tell.
fn role_in_not_spoken_list(field: &str, text: &str) -> Option<Answer> {
    let items: Vec<String> = text.split([';', ',', '&', '+', '\n']).flat_map(|i| fold(i).split(" and ").map(str::to_string).collect::<Vec<_>>()).collect();
    let items: Vec<&String> = items.iter().filter(|i| !i.is_empty()).collect();
    let roles = super::columns::SPOKEN_TO;
    if let Some(item) = items.iter().find(|i| names_role(field, i)) {
        let na = contains_phrase(item, "n a") || contains_phrase(item, "not applicable") || item.split(' ').any(|w| w == "na");
        return Some(if na { Answer::NotApplicable } else { Answer::No });
    }
    let no_one = |i: &&String| NO_ONE.iter().any(|w| super::fold::starts_with_words(i, w));
    let others = |i: &&String| roles.iter().any(|r| names_role(r, i));
    (!items.is_empty() && items.iter().all(|i| no_one(i) || others(i))).then_some(Answer::Yes)
}

#[cfg(test)]
#[test]
fn a_list_of_who_was_not_spoken_to_answers_each_role() {
    let read =
        |t: &str| [role_in_not_spoken_list("spoke_child", t), role_in_not_spoken_list("spoke_family", t), role_in_not_spoken_list("spoke_practitioner", t)];
    let (y, n, na) = (Some(Answer::Yes), Some(Answer::No), Some(Answer::NotApplicable));
    assert_eq!(read("None"), [y, y, y]);
    assert_eq!(read("Family"), [y, n, y]);
    assert_eq!(read("Child (declined)"), [n, y, y]);
    assert_eq!(read("Child; Family"), [n, n, y]);
    assert_eq!(read("Child - N/A (age 2)"), [na, y, y]);
    assert_eq!(read("Social worker (on leave)"), [y, y, n]);
    assert_eq!(read("Mother and SW"), [y, n, n]);
    assert_eq!(read("see notes"), [None, None, None]);
    assert_eq!(read(""), [None, None, None]);
}

/// Whether a short free-text answer that names someone says the person asked
/// about was not spoken to: no clause names that person without saying so,
/// and a clause says no one or someone was not spoken to ("Personal adviser
/// on leave - not spoken to", "Nobody - parents declined", "IRO only - SW
/// post vacant"); for the practitioner, also someone else "only" ("Team
/// Manager only"). "Spoke to SW, not seen child" names the social worker.
fn says_not_spoken_to(text: &str, field: &str) -> bool {
    // (What someone named said is theirs, however it goes on: "Mother said
    // she did not know who the social worker was" was heard; blind set 178's
    // pellbridge.)
    let cs: Vec<String> = turns(text).into_iter().map(|c| before_reported_speech(field, &c).to_string()).collect();
    // (A clause that only says where they are is no contact: "Family live in
    // another council's area - not contacted".)
    let whereabouts =
        |c: &str| ["live in", "lives in", "living in", "moved to", "moved out", "reside in", "resides in", "based in"].iter().any(|p| contains_phrase(c, p));
    if cs.iter().any(|c| names_role(field, c) && !negated(c) && !whereabouts(c)) {
        return false;
    }
    // (A clause that says they were spoken to, naming no one else: "Not seen
    // but spoken to on phone" is the person asked about, by phone.)
    const SPOKE: [&str; 5] = ["spoken", "spoke", "talked", "discussed", "discussion"];
    let spoken_to = |c: &String| !negated(c) && c.split(' ').any(|w| SPOKE.contains(&w)) && !super::columns::SPOKEN_TO.iter().any(|r| names_role(r, c));
    if cs.iter().any(spoken_to) {
        return false;
    }
    cs.iter().any(|c| negated(c)) || (field == "spoke_practitioner" && cs.iter().any(|c| c.split(' ').any(|w| w == "only")))
}

/// A folded clause up to a verb of saying after the person a spoken-to field
/// asks about ("mother said she did not know …": "mother"); the clause as it
/// is without one, or where the saying comes before anyone is named, or is
/// said by someone else ("said by the SW").
fn before_reported_speech<'a>(field: &str, clause: &'a str) -> &'a str {
    let mut at = 0;
    for w in clause.split(' ') {
        // (Saying as the person's own act: not "reported missing", "said by
        // carer to be settled", "said to be away", which say it of them.)
        if matches!(w, "said" | "says" | "stated" | "explained" | "commented") {
            let head = clause[..at].trim_end();
            let after = clause[at + w.len()..].trim_start();
            let of_them = after.starts_with("by ") || after.starts_with("to ");
            return if !head.is_empty() && !of_them && names_role(field, head) && !negated(head) { head } else { clause };
        }
        at += w.len() + 1;
    }
    clause
}

/// Whether a moderation's yes / no question asks whether the moderator
/// changed or disagreed ("Did the moderator change the Q12 judgement?",
/// "Moderator disagrees with overall judgement? (Y/N)"): yes is no agreement.
/// (Not a header that lists the outcomes, "Agree / Disagree / Partially agree".)
pub(crate) fn moderation_turned_round(header: &str) -> bool {
    let f = fold(header);
    let words: Vec<&str> = f.split(' ').collect();
    !words.iter().any(|w| matches!(*w, "agree" | "agrees" | "agreed" | "agreement"))
        && words.iter().any(|w| {
            matches!(
                *w,
                "change" | "changed" | "changes" | "differ" | "differs" | "disagree" | "disagrees" | "disagreed" | "overturn" | "overturned" | "overturns"
            )
        })
}

/// Whether a yes / no question is asked in the negative: "NOT consulted",
/// "views not sought", "Unable to speak to": a word of negation, then within
/// three words one of speaking to or seeing someone. (Not "if not, why not?"
/// beside the question, nor a key in brackets, "blank = not recorded", nor
/// "information … which is not reflected".)
///
/// Or done "without" the person asked about or their input ("Audit completed
/// WITHOUT the allocated SW? (Y/N)", "… WITHOUT input from allocated SW/PA?"),
/// not without someone else ("Child spoken to without parents present?").
/// A list of who was not spoken to is no question: it names who.
fn asked_in_the_negative(field: &str, header: &str) -> bool {
    if super::columns::is_not_spoken_to_header(header) {
        return false;
    }
    let f = fold(&super::recognise::outside_brackets(header));
    let f = ["if not", "why not", "if no", "not applicable"].iter().fold(f, |f, p| if contains_phrase(&f, p) { f.replace(p, " ") } else { f });
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    const SPOKEN: [&str; 14] =
        ["spoken", "spoke", "speak", "consulted", "seen", "sought", "obtained", "met", "interviewed", "asked", "contacted", "talked", "heard", "visited"];
    let without = |i: usize| {
        let next: Vec<&str> = words[i + 1..].iter().take(3).copied().collect();
        next.iter().any(|v| SPOKEN.contains(v) || matches!(*v, "input" | "involvement" | "contribution")) || names_role(field, &next.join(" "))
    };
    words.iter().enumerate().any(|(i, w)| {
        (matches!(*w, "not" | "unable" | "never") && words[i + 1..].iter().take(3).any(|v| SPOKEN.contains(v))) || (*w == "without" && without(i))
    })
}

#[cfg(test)]
#[test]
fn a_moderators_change_or_disagreement_is_told_from_an_outcome() {
    assert!(moderation_turned_round("Did the moderator change the Q12 judgement?"));
    assert!(moderation_turned_round("Moderator disagrees with overall judgement? (Y/N)"));
    assert!(!moderation_turned_round("Agree / Disagree / Partially agree"));
    assert!(!moderation_turned_round("Do you agree with the auditor?"));
}

#[cfg(test)]
#[test]
fn questions_asked_in_the_negative_are_told_from_others() {
    for h in ["Child/YP NOT consulted by auditor? (Y/N)", "Family views NOT sought? (Y/N)", "Unable to speak to parent/carer", "Parent never spoken to?"] {
        assert!(asked_in_the_negative("spoke_child", h), "{h}");
    }
    for h in ["Audit completed WITHOUT the allocated SW? (Y/N)", "Audit completed WITHOUT input from allocated SW/PA? (Y/N)"] {
        assert!(asked_in_the_negative("spoke_practitioner", h), "{h}");
    }
    for h in [
        "Spoke to child/young person (1 = Yes, 0 = No, blank = not recorded)",
        "Additional information provided by the young person, which is not reflected within the audit:",
        "Child spoken to? If not, why not?",
        "Was the family spoken to? (if no, please state why)",
        "Child spoken to without parents present?",
        "Audit completed WITHOUT the allocated SW? (Y/N)",
        "Not spoken to (child / family / social worker)",
    ] {
        assert!(!asked_in_the_negative("spoke_child", h), "{h}");
    }
}

/// What a reason under "If child was not spoken to please state why" says:
/// "N/A" there is not applicable; any reason ("Not appropriate - ongoing
/// proceedings", "Father did not respond") is no; blank (or "TBC") is blank.
/// (A child too young to talk, "Not appropriate - child is 8 months old",
/// is not applicable: blind sets 160, 164, 165 and 166 read it so, and 40
/// "N/A - pre-verbal"; a reason that says the child was not spoken to,
/// "Pre-verbal: not spoken to", is no, as blind sets 125 and 131 read it.)
/// Whether folded words say someone was too young to be asked ("too
/// young", "baby", "pre-verbal", "non-verbal", "unborn").
fn says_too_young(f: &str) -> bool {
    ["too young", "baby", "pre verbal", "preverbal", "non verbal", "unborn"].iter().any(|p| contains_phrase(f, p))
}

/// Whether a folded text gives a child's age in days, weeks or months (or a
/// year at most): "7 months old", "6 week old", "aged 10 months", "1 year
/// old": a baby. (Not a time since, "not seen for 3 months".)
fn in_months_old(f: &str) -> bool {
    let w: Vec<&str> = f.split(' ').collect();
    let unit = |u: &str, n: &str| match u {
        "day" | "days" | "week" | "weeks" | "wk" | "wks" | "month" | "months" | "mth" | "mths" => true,
        "year" | "yr" => n.parse::<u32>().is_ok_and(|n| n <= 1),
        _ => false,
    };
    let number = |n: &str| n.parse::<u32>().is_ok();
    w.windows(3).any(|t| (number(t[0]) && unit(t[1], t[0]) && t[2] == "old") || (t[0] == "aged" && number(t[1]) && unit(t[2], t[1])))
}

pub(crate) fn not_spoken_because(c: &Cell) -> Answer {
    if c.is_empty() || super::scales::is_not_known(c) {
        return Answer::Blank;
    }
    let f = fold(&c.as_string());
    // ("Not relevant – he is 19 and has no contact with his family"; "Not
    // appropriate – child is 14 months old", "Not appropriate - age": not
    // applicable, blind sets 160, 164 to 166; but "Not appropriate - ongoing
    // proceedings" is a choice not to, no: blind set 13.)
    let age = says_too_young(&f) || f.split(' ').any(|w| matches!(w, "month" | "months" | "year" | "years" | "old" | "aged" | "age" | "infant" | "newborn"));
    // (Where it comes, "Child is 8 months old – not appropriate"; and a
    // family out of the child's life, "Not appropriate – parents'
    // whereabouts unknown; no contact since 2019": blind set 171.)
    // (Or contact a court has stopped, "Not appropriate - contact with birth
    // parents suspended by court order"; blind set 203's wrenfold.)
    // (Only a court's own stopping, said without a "not" after the opening
    // "Not appropriate": parents who stopped contact themselves, or "the
    // court has not stopped contact", are no; review 265's c08.)
    let after_opening = f.strip_prefix("not appropriate").unwrap_or(&f);
    let stopped_by_court =
        ["suspended by court", "suspended by the court", "stopped by court", "stopped by the court", "no contact order"].iter().any(|p| contains_phrase(&f, p))
            && !after_opening.split(' ').any(|w| matches!(w, "not" | "never" | "child" | "children"));
    let absent = ["whereabouts unknown", "whereabouts not known", "no contact since", "deceased"].iter().any(|p| contains_phrase(&f, p)) || stopped_by_court;
    let not_appropriate = contains_phrase(&f, "not appropriate") && (age || absent);
    // (Or the child's age as the whole reason, "Baby (6 months) - too young
    // to be spoken to", "10 month old baby - not appropriate to speak to",
    // or "not applicable" after it, "Baby of 6 weeks - not applicable";
    // blind set 174. Not where someone stopped it: "Mother refused access
    // to the baby".)
    let stopped = ["refus", "declin", "cancel", "prevent", "unable", "did not", "didn t", "would not", "wouldn t", "no access", "not available"]
        .iter()
        .any(|p| f.contains(p));
    // (Not a child who does not speak: "Child is non-verbal; observed at
    // home" is a child not spoken to, no; blind sets 141 and 143.)
    let young =
        ["too young", "baby", "babies", "unborn", "infant", "newborn", "pre verbal", "preverbal"].iter().any(|p| contains_phrase(&f, p)) || in_months_old(&f);
    let too_young = (young || contains_phrase(&f, "not applicable")) && !stopped;
    if not_appropriate || too_young || ["n a", "na", "not applicable", "not relevant"].iter().any(|p| super::fold::starts_with_words(&f, p)) {
        Answer::NotApplicable
    } else {
        Answer::No
    }
}

/// One case note read twice by its id, `kept` the version used and `other`
/// the one not: a note of the same event recorded earlier in the other (an
/// amended note saved again weeks later, "… (amended)", with a later
/// "Date Recorded") was recorded when it was first entered: the earlier date
/// is kept (blind set 181).
fn first_recorded(kept: &mut CaseNote, other: &CaseNote) {
    if kept.event == other.event {
        if let (Some(k), Some(o)) = (kept.recorded, other.recorded) {
            kept.recorded = Some(k.min(o));
        }
    }
}

/// Whether an action's comment says it is not done ("Not completed -
/// chased", "Ongoing", "In progress", "Awaiting sign-off"): then a second
/// status column saying done does not override it.
fn says_not_done(c: &Cell) -> bool {
    let f = fold(&c.as_string());
    let first = f.split(' ').next().unwrap_or("");
    matches!(first, "not" | "open" | "ongoing" | "outstanding" | "overdue" | "incomplete")
        || ["in progress", "not completed", "not done", "not yet", "awaiting", "pending", "chased"].iter().any(|p| contains_phrase(&f, p))
}

/// A stable audit id when the data has none: file stem, child, date.
pub fn derived_id(file: &str, child: &str, date: Option<chrono::NaiveDate>, row: u32) -> String {
    let stem = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    // (The child as it will be once tidied: without characters that show as nothing.)
    let child: String = child.chars().filter(|&c| !crate::ingest::cell::is_invisible(c)).collect();
    match date {
        Some(d) => format!("{stem}:{child}:{}", d.format("%Y-%m-%d")),
        None => format!("{stem}:{child}:row{row}"),
    }
}

fn first_text(row: &SourceRow) -> String {
    row.cells.iter().find(|c| !c.is_empty()).map(Cell::as_string).unwrap_or_default()
}

/// A totals or summary row: a totals label in one of its first three cells,
/// or as its first filled cell (a report's "Total …" under its own column).
/// The header `first` wrapped onto `next` ("Date of the" over "Audit"), as
/// one row: when `next` holds three or more texts and nothing else (no date,
/// number or id), nearly all under a text of `first`, each column's two
/// parts joined with a space.
fn wrapped_header(first: &[Cell], next: &[Cell]) -> Option<Vec<Cell>> {
    let texts = |cells: &[Cell]| cells.iter().filter(|c| !c.is_empty()).count();
    let plain_text = |c: &Cell| match c {
        Cell::Text(t) => {
            let t = t.trim();
            !t.is_empty()
                && t.chars().any(char::is_alphabetic)
                && crate::ingest::parse_date(t).is_none()
                && t.chars().filter(char::is_ascii_digit).count() * 2 < t.len()
        }
        _ => false,
    };
    let filled: Vec<usize> = (0..next.len()).filter(|&i| !next[i].is_empty()).collect();
    if filled.len() < 3 || texts(first) < 3 || !filled.iter().all(|&i| plain_text(&next[i])) {
        return None;
    }
    let under = filled.iter().filter(|&&i| first.get(i).is_some_and(plain_text)).count();
    if under * 5 < filled.len() * 4 {
        return None;
    }
    let n = first.len().max(next.len());
    let part = |cells: &[Cell], i: usize| cells.get(i).map(|c| c.as_string().trim().to_string()).unwrap_or_default();
    Some(
        (0..n)
            .map(|i| match (part(first, i), part(next, i)) {
                (a, b) if a.is_empty() && b.is_empty() => Cell::Empty,
                (a, b) if b.is_empty() => Cell::Text(a),
                (a, b) if a.is_empty() => Cell::Text(b),
                (a, b) => Cell::Text(format!("{a} {b}")),
            })
            .collect(),
    )
}

/// Whether a report prints the child's id (column `col`) once per group of
/// rows, as reports that hide repeated values do: the first record has an
/// id, at least as many records have none as have one (groups of two or
/// more), each id is printed in one group only (reprinted at most at the top
/// of its own group's next page), and an id is (nearly) never printed on two
/// records in a row. An export that lost some ids has fewer blanks, or the
/// same id on record after record; a log sorted by date, whose rows about no
/// child have no id, meets a child's id again after others (stranger review
/// 23b).
fn printed_once_per_group(rows: &[SourceRow], col: usize, header: &SourceRow) -> bool {
    let header_id = header.cells.get(col).map(Cell::as_string);
    let (mut blanks, mut printed, mut repeats) = (0usize, Vec::<String>::new(), 0usize);
    let mut previous: Option<String> = None;
    // (The id last printed, blanks or not since: a group's id met again
    // after another group's is no group, as in a log sorted by date whose
    // rows about no child have no id.)
    let mut last_printed: Option<String> = None;
    let mut seen = std::collections::HashSet::new();
    for r in rows {
        if r.is_blank() || super::sections::is_furniture(r) || is_totals_row(r) {
            continue;
        }
        if r.cells.iter().enumerate().filter(|(j, c)| *j != col && !c.is_empty()).count() < 2 {
            continue;
        }
        match r.cells.get(col).filter(|c| !c.is_empty()).map(Cell::as_string) {
            // (The header printed again on a new page.)
            Some(id) if Some(&id) == header_id.as_ref() => continue,
            Some(id) => {
                repeats += usize::from(previous.as_ref() == Some(&id));
                if last_printed.as_ref() != Some(&id) && !seen.insert(id.clone()) {
                    return false;
                }
                last_printed = Some(id.clone());
                printed.push(id.clone());
                previous = Some(id);
            }
            None if printed.is_empty() => return false,
            None => {
                blanks += 1;
                previous = None;
            }
        }
    }
    let distinct = printed.iter().collect::<std::collections::HashSet<_>>().len();
    printed.len() >= 2 && blanks >= printed.len() && distinct * 5 >= printed.len() * 4 && repeats * 5 <= printed.len()
}

fn is_totals_row(row: &SourceRow) -> bool {
    let label = |c: &Cell| matches!(c, Cell::Text(t) if is_totals_label(t));
    row.cells.iter().take(3).any(label)
        || row.cells.iter().find(|c| !c.is_empty()).is_some_and(label)
        || is_subtotal_row(row)
        || is_group_total_row(row)
        || is_label_and_figures_row(row)
}

/// A summary line under a table: a label of words with no digit in it
/// ("Good or better", "% good or better") in the row's first filled cell,
/// and beside it only one to three figures ("5", "42%", 0.42): counts and
/// shares, each under 1,000. A record has its child's id, dates and answers,
/// and an id, a date written 20260901 or a date's day number is no count.
fn is_label_and_figures_row(row: &SourceRow) -> bool {
    let figure = |c: &Cell| match c {
        Cell::Number(n) => n.abs() < 1000.0,
        Cell::Text(t) => {
            let t = t.trim().trim_end_matches('%').trim();
            !t.is_empty() && t.parse::<f64>().is_ok_and(|n| n.abs() < 1000.0)
        }
        _ => false,
    };
    let filled: Vec<&Cell> = row.cells.iter().filter(|c| !c.is_empty()).collect();
    let Some((Cell::Text(label), rest)) = filled.split_first() else { return false };
    let words = label.split_whitespace().count();
    let wordy = label.chars().any(char::is_alphabetic) && !label.chars().any(|c| c.is_ascii_digit()) && (words >= 2 || label.contains('%'));
    wordy && label.len() <= 60 && (1..=3).contains(&rest.len()) && rest.iter().all(|c| figure(c))
}

/// A group's total typed by hand: the row's first filled cell names the
/// group and ends "total" or "count" ("North total", "September count",
/// "Due October – total"), and no cell of the row holds an id: its other
/// cells are counts and summaries ("1", "Good or better 0 (0%)"), wherever
/// they were typed. (Not a record whose first column is a team ending so,
/// "Fostering Count": it has its child's id.)
fn is_group_total_row(row: &SourceRow) -> bool {
    let Some(Cell::Text(t)) = row.cells.iter().find(|c| !c.is_empty()) else { return false };
    if t.len() > 60 {
        return false;
    }
    let f = fold(t);
    let words: Vec<&str> = f.split(' ').collect();
    let total = words.len() >= 2 && words.len() <= 5 && matches!(*words.last().unwrap_or(&""), "total" | "totals" | "subtotal" | "count");
    // (A number of four digits or more is an id too: counts are smaller.)
    let id = |c: &Cell| match c {
        Cell::Text(_) => super::recognise::is_id_value(c),
        Cell::Number(n) => n.fract() == 0.0 && *n >= 1000.0,
        _ => false,
    };
    total && !row.cells.iter().any(id)
}

/// A row Excel's Data > Subtotal adds: "<group> Count" (or Total, Average,
/// Sum, Max, Min) under the grouped column, or "Grand Count", with only
/// numbers beside it (the subtotals, in whichever column they count).
fn is_subtotal_row(row: &SourceRow) -> bool {
    let number = |c: &Cell| matches!(c, Cell::Number(_)) || matches!(c, Cell::Text(t) if t.trim().parse::<f64>().is_ok());
    let mut labels = row.cells.iter().filter(|c| !c.is_empty() && !number(c));
    let (Some(Cell::Text(t)), None) = (labels.next(), labels.next()) else { return false };
    if t.len() > 120 {
        return false;
    }
    let f = fold(t);
    let Some((group, function)) = f.rsplit_once(' ') else { return false };
    matches!(function, "count" | "total" | "average" | "sum" | "max" | "min") && !group.is_empty()
}

/// A totals or summary label ("Total", "Grand total", "Count", "Average").
pub(crate) fn is_totals_label(t: &str) -> bool {
    // Cheap first test without folding: a totals label is short and starts with
    // one of these words, in any case.
    if t.len() > 40
        || !matches!(t.as_bytes().get(..3).map(|p| [p[0] | 0x20, p[1] | 0x20, p[2] | 0x20]), Some(p) if [b"tot", b"gra", b"cou", b"ave", b"sum", b"mea"].contains(&&p))
        || !["total", "grand total", "count", "average", "sum", "mean"]
            .iter()
            .any(|w| t.len() >= w.len() && t.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
    {
        return false;
    }
    let f = fold(t);
    // ("Total Child Protection Plan", not "Total rewrite of the child's plan".)
    let short_total = f.starts_with("total ") && f.split(' ').count() <= 5;
    f == "total" || f == "totals" || short_total || f == "grand total" || f == "count" || f == "average" || f == "sum" || f == "mean"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::config::Config;

    #[test]
    fn excel_subtotal_rows_and_rows_that_are_not() {
        let row = |cells: &[Cell]| SourceRow { row: 5, cells: cells.to_vec() };
        for sub in [
            row(&[Cell::Number(2.0), Cell::text("Help and Protection Count"), Cell::Empty]),
            row(&[Cell::text("3"), Cell::text("Grand Count")]),
            row(&[Cell::Empty, Cell::text("CLA Team 1 Total"), Cell::Number(14.0)]),
            row(&[Cell::text("Sub-total"), Cell::Number(6.0)]),
            // A group's total typed by hand, with summaries beside its counts.
            row(&[Cell::text("North total"), Cell::Empty, Cell::Number(1.0), Cell::text("Good or better 0 (0%)"), Cell::text("Requires Improvement")]),
        ] {
            assert!(is_totals_row(&sub), "{sub:?}");
        }
        for data in [
            row(&[Cell::text("C101"), Cell::text("Help and Protection"), Cell::Number(46280.0)]),
            row(&[Cell::text("702301"), Cell::text("Total rewrite of the plan")]),
            row(&[Cell::text("C102"), Cell::text("Review count"), Cell::text("Good")]),
            row(&[Cell::text("Count")]),
        ] {
            assert!(!is_subtotal_row(&data), "{data:?}");
        }
        // A record whose team ends "Total" or "Count" has its child's id.
        for data in [
            row(&[Cell::text("CLA Team 1 Total"), Cell::text("C101"), Cell::text("Good")]),
            row(&[Cell::text("Fostering Count"), Cell::Number(702301.0), Cell::text("Good")]),
        ] {
            assert!(!is_group_total_row(&data), "{data:?}");
        }
        // A summary line under the records: a label of words and a figure or three.
        for summary in [
            row(&[Cell::text("Good or better"), Cell::Number(5.0)]),
            row(&[Cell::text("% good or better"), Cell::text("42%")]),
            row(&[Cell::Empty, Cell::text("Audits returned on time"), Cell::Number(9.0), Cell::Number(0.75)]),
        ] {
            assert!(is_totals_row(&summary), "{summary:?}");
        }
        for record in [
            row(&[Cell::text("C101"), Cell::Number(5.0)]),
            row(&[Cell::text("Children in Care"), Cell::text("Good")]),
            row(&[Cell::text("Child A"), Cell::Number(1.0), Cell::Number(2.0), Cell::Number(3.0), Cell::Number(4.0)]),
            row(&[Cell::text("Good or better")]),
            // (A team first, then the child's id and dates as numbers: an
            // export's record, not a summary.)
            row(&[Cell::text("Children in Care"), Cell::Number(100235.0), Cell::Number(20260901.0)]),
            row(&[Cell::text("Children in Care"), Cell::text("100235"), Cell::text("20260901")]),
            row(&[Cell::text("Safeguarding East"), Cell::Number(100236.0), Cell::Number(46280.0), Cell::text("3")]),
        ] {
            assert!(!is_label_and_figures_row(&record), "{record:?}");
        }
    }

    #[test]
    fn a_worker_named_with_their_answer_gives_that_answer() {
        for (text, want) in [
            ("SW – no", Some(Answer::No)),
            ("SW - yes", Some(Answer::Yes)),
            ("Social worker: not available (on leave)", Some(Answer::No)),
            ("PA – yes", Some(Answer::Yes)),
            // A name, or words that are no answer, are for the other rules.
            ("SW - Jo Smith", None),
            ("Mother - no", None),
        ] {
            assert_eq!(worker_answer(text), want, "{text}");
        }
    }

    #[test]
    fn the_team_is_the_end_of_a_path_whose_parts_differ_most() {
        let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let team_first = texts(&[
            "Pod 1 / Safeguarding and Support / Children's Services",
            "Pod 2 / Safeguarding and Support / Children's Services",
            "Looked After Children Team / Corporate Parenting / Children's Services",
        ]);
        assert!(path_team_first(&team_first, " / "));
        let team_last = texts(&[
            "Children's Services / Safeguarding / Pod 1",
            "Children's Services / Safeguarding / Pod 2",
            "Children's Services / Corporate Parenting / LAC",
        ]);
        assert!(!path_team_first(&team_last, " / "));
    }

    #[test]
    fn views_said_not_to_have_been_had_clause_by_clause() {
        for no in [
            "Views not obtained - mother declined",
            "Parents' views not sought",
            "Feedback not given",
            // Whom was not reached, then that no views were had (blind set 124).
            "Parents not contacted - views not obtained.",
            "Mother not approached; views not sought",
            "Mother’s views not obtained",
            "Father not contacted - mother's views not obtained",
            "Parents were not contacted - views not obtained",
            "Parents not contacted - no views obtained",
        ] {
            assert!(says_no_views(no), "{no}");
        }
        for not_no in [
            // Someone was reached, or no clause says no views were had.
            "Parents not contacted - carer's views obtained",
            "Mother's views obtained; father's views not obtained",
            "Parents not contacted",
            "Father not contacted - mother seen at home, views not obtained from father",
            "Mother (by phone): pleased her son is settled",
            "Views not obtained from mother; father spoken to at length",
        ] {
            assert!(!says_no_views(not_no), "{not_no}");
        }
        // Views said to have been had, as a drop-down's word (blind set 187).
        for had in [
            "Obtained",
            "Views gathered",
            "Mother's views obtained – home visit",
            "Parents/carers views received",
            "Sought and obtained",
            "Views sought and received from both parents",
        ] {
            assert!(says_views_had(had), "{had}");
        }
        for not_had in [
            "Not obtained – no response",
            "Obtained from father; mother declined",
            "Sought – no response",
            "Attempted",
            "",
            "Views gathered by IRO",
            "Sought – mum unavailable",
            "Views sought, letter sent – none returned",
        ] {
            assert!(!says_views_had(not_had), "{not_had}");
        }
    }

    #[test]
    fn a_title_that_says_when_its_audits_are_due() {
        use crate::normalise::columns::{ColumnMap, TableMapping};
        let config = Config::defaults();
        let column = |index: usize, field: &str| ColumnMap {
            index,
            header: field.into(),
            target: Target::Field(field.into()),
            reason: String::new(),
            scale: None,
            score: 100,
        };
        // (A seed 000 tracker, due by its framework at the end of the cycle:
        // every rule below but that one is the table's own.)
        let mapping = |fields: &[&str]| TableMapping {
            kind: TableKind::Audits,
            framework: Some("nine_area".into()),
            columns: fields.iter().enumerate().map(|(i, f)| column(i, f)).collect(),
            notes: Vec::new(),
            missing_required: Vec::new(),
        };
        let audits = mapping(&["child_id", "allocated_date", "completed_date"]);
        let titled = |m: &TableMapping, lines: &[&str]| {
            let rows: Vec<SourceRow> = lines.iter().map(|l| SourceRow::texts(1, &[l])).collect();
            title_due_rule(&config, m, &rows).map(|(rule, _)| rule)
        };
        for (title, want) in [
            ("Audits to be completed by the end of the month of allocation", "end_of_allocation_month"),
            ("Case file audits: to be returned within 2 weeks of allocation", "days_after_allocation:14"),
            ("All audits due within 2 weeks.", "days_after_allocation:14"),
            ("Audits due within 28 days", "days_after_allocation:28"),
            ("Audit deadline: 10 working days after allocation", "working_days_after_allocation:10"),
        ] {
            assert_eq!(titled(&audits, &[title]), Some(want.to_string()), "{title}");
        }
        // The framework's own rule said again is no rule of the table's.
        assert_eq!(titled(&audits, &["Sep-Oct 2026 cycle - all audits due by the end of the cycle"]), None);
        let generic = TableMapping { framework: None, ..audits.clone() };
        for title in [
            "Sep-Oct 2026 cycle - all audits due by the end of the cycle",
            "All audits due by the end of the cycle",
            "All audits due by the end of the cycle\n",
        ] {
            assert_eq!(titled(&generic, &[title]), Some("end_of_cycle".into()), "{title}");
        }
        assert_eq!(titled(&generic, &["All audits due by the end of the cycle", ""]), Some("end_of_cycle".into()), "a blank line under the title");
        for title in [
            // About the actions or something else, a key, a share, a count, a
            // cycle of one month, or no rule.
            "Actions due by the end of the cycle",
            "Key: Red = overdue; Amber = due within 5 working days; Green = complete",
            "Audits due in the next 2 weeks are highlighted in amber",
            "Audits to be completed within one calendar month of allocation",
            "Moderation to be completed within 10 working days of the audit",
            "Feedback to the social worker to be completed within 5 working days",
            "Audit deadline extended by 7 days for the Christmas period",
            "Children due an audit this cycle: 6 (2 days left)",
            "Audits completed within 10 working days of allocation: 80%",
            "September 2026 audit cycle - all audits due by the end of the cycle",
            "Learning Audit Tracker - Sep-Oct 2026 cycle",
            "Audits due: see the schedule",
        ] {
            assert_eq!(titled(&generic, &[title]), None, "{title}");
        }
        // A table with its own due dates, or no allocation date to count from.
        let with_due = mapping(&["child_id", "allocated_date", "due_date", "completed_date"]);
        let no_allocation = mapping(&["child_id", "completed_date"]);
        for m in [&with_due, &no_allocation] {
            assert_eq!(titled(m, &["Audits to be returned within 2 weeks of allocation"]), None);
        }
    }

    #[test]
    fn a_view_put_down_under_its_speaker_and_a_view_from_someone_else() {
        for (text, want) in [
            ("Father: wants more contact with his son and says the SW listens", Answer::Yes),
            ("Mother: says things have improved since the new social worker", Answer::Yes),
            ("Mother: SW says she is engaging", Answer::Blank),
            ("Mother: engaging well, per the SW", Answer::Blank),
            ("Carer: views from LAC review minutes", Answer::Blank),
            // Whose views, by a word for views after who.
            ("Carer views: positive about the support from the team", Answer::Yes),
            ("Mum's comments: unhappy with the contact arrangements", Answer::Yes),
            ("Parents' feedback: declined to comment", Answer::No),
            ("Carer views: from the LAC review minutes", Answer::Blank),
            // Under a word for views, the words after it are the view (stranger review 23).
            ("Foster carer's views: no concerns raised, feels well supported", Answer::Yes),
            ("Carer views: not happy with contact arrangements", Answer::Yes),
            ("Mum's comments: no worries, says things are better", Answer::Yes),
            ("Carer views: no", Answer::No),
            ("Father: 'nobody rings me back'.", Answer::Yes),
            ("Mother: \u{201c}I don't know who my social worker is\u{201d}", Answer::Yes),
            ("Mother's views: not sought this time", Answer::No),
            ("Father's views: unable to contact by phone", Answer::No),
            ("Dad's comments: did not want to take part", Answer::No),
            // After a spaced dash as after a colon (blind set 53).
            ("Father – yes", Answer::Yes),
            ("Mother - not contacted", Answer::No),
            // Several people, each with an answer (stranger review 23b).
            ("Mother - no, father - yes", Answer::Yes),
            ("Mum - not available, Dad - yes", Answer::Yes),
            ("Mother – unable to reach, Father – yes", Answer::Yes),
            ("Mother - no, but carer - yes", Answer::Yes),
            ("Mum: not available; Dad: declined", Answer::No),
            ("Mum's views: see case notes", Answer::Blank),
        ] {
            assert_eq!(view_attributed("spoke_family", text), Some(want), "{text}");
        }
        // Views of no one in the family are not theirs.
        for text in ["Team views: positive about the support", "Views: positive about the support"] {
            assert_eq!(view_attributed("spoke_family", text), None, "{text}");
        }
    }

    #[test]
    fn spoken_to_another_way_is_not_not_spoken_to() {
        for spoken in ["Not seen but spoken to on phone", "Not seen, but spoke to her by phone"] {
            assert!(!says_not_spoken_to(spoken, "spoke_child"), "{spoken}");
        }
        for not in ["Child not seen, mum spoken to", "Not seen - on holiday"] {
            assert!(says_not_spoken_to(not, "spoke_child"), "{not}");
        }
        assert!(says_not_spoken_to("Parents not contacted: two calls to mother unanswered.", "spoke_family"));
        // What the person said, however it goes on, was heard.
        for said in ["Mother said she did not know who the social worker was.", "Dad said he has not had a call back"] {
            assert!(!says_not_spoken_to(said, "spoke_family"), "{said}");
        }
        for not in ["Mother not spoken to, said by the SW to be away", "SW said mother did not respond"] {
            assert!(says_not_spoken_to(not, "spoke_family"), "{not}");
        }
    }

    #[test]
    fn a_record_that_no_one_was_reached_and_a_withheld_answer() {
        for failed in [
            "Father ([REDACTED]) did not respond to two calls from the auditor.",
            "Left a message, no reply",
            "Mother not contactable by phone",
            "Unable to make contact with carers",
            "YP did not respond to calls or letters",
            // (A call is an attempt, unless it was a call with someone.)
            "Phoned twice, no answer",
            "Called mum - no answer",
            "Left a voicemail then called again, no reply",
            "Visited but no one home",
            "Home visit made, however no one in",
            "Voicemail only",
            "Two calls to mother unanswered",
            // (Review 236's c30: what came after reached no one.)
            "Voicemail left, then case closed",
            "Voicemail left, mother did not call back",
            "Two calls unanswered, then letter sent",
        ] {
            assert!(only_failed_contact(failed), "{failed}");
        }
        for reached in [
            "Mother seen at home; father did not respond",
            "Spoke to mum by phone, after she did not answer the first call",
            "Mum did not want the child moved",
            "Dad said he did not attend the conference",
            "Carers happy with the plan",
            // (A stranger's review: someone reached, someone else not.)
            "Home visit completed with mum, no reply from dad",
            "Mum was visited at home; father left a message, no reply",
            "Saw child at school; she did not respond to questions about home",
            "Spoke to mum (first call unanswered)",
            "Father seen at home; mother's phone unanswered",
            "Visited YP at placement; he did not respond to the earlier text messages",
            "Observed at nursery with key worker - child did not respond verbally",
            "Mum did not respond to first letter, then spoke by phone on 10/09",
            // (A clause turning to what happened after, or a call with someone.)
            "Telephone discussion with carer after no reply to voicemail",
            "No reply at first but seen at home the next day",
            "Telephone call with mum following no answer to letters",
            "Dad did not reply to texts; phone call with him on 12/09",
            // (A call returned; review 237's c26, c27 and c30.)
            "Voicemail left, mother called back and views taken",
            "Left a voicemail; dad rang back the same day",
            "Voicemail left; carer called me back, views obtained",
            "Voicemail left, then mum returned my call",
            "Voicemail left, mum rang me back",
            "Voicemail left, then carer got back to me",
        ] {
            assert!(!only_failed_contact(reached), "{reached}");
        }
        // (A failed attempt first, then whom it reached: read from what
        // came after; stranger review 54's c10.)
        for reached in [
            "Voicemail left, mother called back and views taken",
            "Two calls unanswered, then spoke to father at home visit",
            "No reply to letters - mum seen at home 14/09",
        ] {
            assert!(!only_failed_contact(reached) && tells_contact("spoke_family", reached), "{reached}");
            assert!(!says_not_spoken_to(reached, "spoke_family"), "{reached}");
        }
        assert!(!tells_contact("spoke_family", "Voicemail left x3, no response"));
        // (A returned call that came to nothing: review 237's c23.)
        for nothing in [
            "Voicemail left; mother called back to decline",
            "Voicemail left, mother returned call but I missed it",
            "Voicemail left, dad rang back after audit closed - not spoken to",
        ] {
            assert!(!tells_contact("spoke_family", nothing) && only_failed_contact(nothing), "{nothing}");
        }
        // (A longer record that begins by saying so, naming whom: blind set 146.)
        let long = "Spoke with the young person by video call: 'my PA always rings back'; wants help with driving lessons";
        assert!(tells_contact("spoke_child", long));
        assert!(!tells_contact("spoke_child", "Spoke with the foster carer by video call: 'he is doing well at college'; wants help with driving lessons"));
        assert!(!tells_contact(
            "spoke_family",
            "Tried to ring the mother twice and then wrote a letter to the family home; no reply yet by the time of the audit"
        ));
        assert!(!tells_contact(
            "spoke_child",
            "Spoke to the SW about whether the child could be contacted; not possible as child in hospital for the whole of the audit period"
        ));
        assert!(!tells_contact("spoke_child", "Spoke with the young person's mother as the young person declined to take part in the audit this time round"));
        assert!(tells_contact("spoke_family", "Met father at the family home on 12/10: he says things are much better and the plan is working for them"));
        assert!(tells_contact(
            "spoke_child",
            "Talked to the foster carer and then to the child on her own about school and contact with her brother at the weekend"
        ));
        assert!(tells_contact(
            "spoke_child",
            "Spoke to both the child and his mother at home about the plan and what has changed since the last review meeting"
        ));
        assert!(!tells_contact("spoke_family", "Spoke to the social worker about contacting the parents but neither responded to the letters or calls made"));
        assert!(tells_contact(
            "spoke_family",
            "Spoke to mum by telephone as she was unable to attend the meeting, she shared her views on the support offered"
        ));
        assert!(!tells_contact(
            "spoke_child",
            "Did not speak to the child this time as he was in hospital for the whole of the audit period and could not be seen"
        ));
        let tried = "Attempted visit, no answer; then spoke to child at school";
        assert!(!only_failed_contact(tried) && tells_contact("spoke_child", tried) && !says_not_spoken_to(tried, "spoke_child"));
        for gone in ["[REDACTED]", "[RESTRICTED]", "***REDACTED***", "Withheld", "Restricted record"] {
            assert!(withheld(gone), "{gone}");
        }
        for kept in ["Yes - [REDACTED]", "Redacted log kept", "Restricted contact arranged", ""] {
            assert!(!withheld(kept), "{kept}");
        }
    }

    #[test]
    fn maps_of_old_child_ids_to_new_ones() {
        let cols = |h: &[&str]| id_map_columns(&h.iter().map(|t| Cell::text(t)).collect::<Vec<_>>());
        assert_eq!(cols(&["old ID", "new ID"]), Some((0, 1, true)));
        assert_eq!(cols(&["New reference", "Previous reference", "Notes"]), Some((1, 0, true)));
        assert_eq!(cols(&["LCS ID", "Eclipse ID"]), Some((0, 1, false)));
        assert_eq!(cols(&["Care First ID", "Mosaic number"]), Some((0, 1, false)));
        assert_eq!(cols(&["Child ID", "Audit ID"]), None, "two ids of different things");
        assert_eq!(cols(&["Child ID", "Team", "Old team", "New team", "Date"]), None);
        assert_eq!(cols(&["old ID", "new ID", "Team", "Date", "Worker"]), None, "a table of records, not a map");
    }

    #[test]
    fn a_warehouses_dimension_table_is_a_key_of_its_codes() {
        let cols = |h: &[&str]| code_key_columns(&h.iter().map(|t| Cell::text(t)).collect::<Vec<_>>(), &BTreeMap::new());
        assert_eq!(cols(&["team_cd", "team_name"]), Some((0, 1, Some("team".to_string()))));
        assert_eq!(cols(&["TEAM_SK", "TEAM_NAME"]), Some((0, 1, Some("team".to_string()))));
        assert_eq!(cols(&["GRADE_SK", "GRADE_DESC"]), Some((0, 1, Some("grade".to_string()))));
        assert_eq!(cols(&["AUDIT_SK", "PERSON_ID", "TEAM_SK"]), None);
        // The code under the thing's own name, and "Code" beside what it codes.
        assert_eq!(cols(&["OBS_TYPE", "OBS_TYPE_DESC"]), Some((0, 1, Some("obs type".to_string()))));
        assert_eq!(cols(&["Code", "Case note type"]), Some((0, 1, Some("case note type".to_string()))));
        assert_eq!(cols(&["Case note type", "Code"]), Some((1, 0, Some("case note type".to_string()))));
        assert_eq!(cols(&["Code", "Type code"]), None);
    }

    #[test]
    fn a_warehouses_deleted_and_current_row_flags_retire_rows() {
        let header: Vec<Cell> = ["AUDIT_SK", "PERSON_ID", "CURRENT_ROW_FLG", "DELETED_FLG"].iter().map(|t| Cell::text(t)).collect();
        let states = RowState::of(&header);
        assert_eq!(states.len(), 2);
        let row = |cur: &str, del: &str| SourceRow { row: 2, cells: ["1", "88403", cur, del].iter().map(|t| Cell::text(t)).collect() };
        let retired = |r: &SourceRow| states.iter().any(|s| s.retired(r).is_some());
        assert!(!retired(&row("Y", "0")));
        assert!(retired(&row("N", "0")), "an earlier version");
        assert!(retired(&row("Y", "1")), "a deleted record");
    }

    #[test]
    fn a_restructures_table_of_team_names_is_not_a_list_of_people() {
        let cols = |h: &[&str]| rename_columns(&h.iter().map(|t| Cell::text(t)).collect::<Vec<_>>());
        assert_eq!(cols(&["Old team", "New team"]), Some((0, 1)));
        assert_eq!(cols(&["Team (up to 30/09/2026)", "Team (from 01/10/2026)", "Change", "Team Manager from 01/10/2026"]), Some((0, 1)));
        // People moving between teams, and a staff list, are no restructure.
        assert_eq!(cols(&["Name", "Old team", "New team", "Date of move"]), None);
        assert_eq!(cols(&["Name", "Current team", "Previous team", "In team since"]), None);
        assert_eq!(cols(&["Social worker", "Previous team", "New team"]), None);
    }

    #[test]
    fn note_types_in_any_word_order() {
        let rules = KindRules::new(&Config::defaults().note_types);
        for (t, want) in [
            ("CP Visit", Some("cp_visit")),
            ("Visit - CP", Some("cp_visit")),
            ("Statutory Visit (CP)", Some("cp_visit")),
            ("Child Protection Statutory Visit", Some("cp_visit")),
            ("Statutory Visit - LAC", Some("cla_visit")),
            ("Looked After Child Visit", Some("cla_visit")),
            ("CIN Visit", Some("cin_visit")),
            ("Statutory Visit", Some("statutory_visit")),
            ("Case Supervision", Some("supervision")),
            // Initials with full stops; seed 002's "Record of visit to a child" form.
            ("C.P. visit", Some("cp_visit")),
            ("Visit (L.A.C)", Some("cla_visit")),
            ("Visit, e.g. to school", None),
            ("L.A.C. Visit", Some("cla_visit")),
            ("Record of visit to a child", Some("statutory_visit")),
            ("Visit to child in placement", Some("statutory_visit")),
            ("Visit to school", None),
            ("Phone call", None),
        ] {
            assert_eq!(rules.classify(t), want, "{t}");
        }
    }

    /// The known-header memo answers as the recogniser does, keeps no text
    /// longer than a header can be, and stops growing at its limit.
    #[test]
    fn known_header_memo_is_bounded() {
        let config = Config::defaults();
        let crosswalk = crate::normalise::scales::Crosswalk::new(&config);
        let ctx = Context::new(&config, &crosswalk);
        let long = format!("Child ID {}", "x".repeat(KNOWN_HEADER_LEN));
        for text in ["Child ID", "Overall grade", "Jo Bloggs", "", long.as_str(), "Child ID"] {
            assert_eq!(ctx.is_known_header(text), is_known_header(&ctx.recogniser, text), "{text:.40}");
        }
        assert_eq!(ctx.known_headers.borrow().len(), 4, "the long text is not kept");
        for i in 0..KNOWN_HEADERS_MAX + 10 {
            ctx.is_known_header(&format!("note {i}"));
        }
        assert_eq!(ctx.known_headers.borrow().len(), KNOWN_HEADERS_MAX);
    }

    #[test]
    fn a_visit_not_in_person_or_where_the_child_was_not_seen_is_a_note() {
        let config = super::super::config::Config::defaults();
        let rules = KindRules::new(&config.note_types);
        for (text, kind) in [
            ("CP Visit", NoteKind::CpVisit),
            ("Statutory Visit - Looked After Child", NoteKind::ClaVisit),
            ("CP visit - child not seen alone", NoteKind::CpVisit),
            ("Virtual Visit (Teams) - CP", NoteKind::Other),
            ("CLA visit - video call", NoteKind::Other),
            ("Statutory visit - no access", NoteKind::Other),
            ("Attempted CP visit", NoteKind::Other),
            ("CP visit - child not seen", NoteKind::Other),
            // Called off (blind set 187).
            ("Visit to Child - Cancelled", NoteKind::Other),
            ("CLA visit (postponed)", NoteKind::Other),
            ("Home visit - cancelled", NoteKind::Other),
            ("Visit to Child - cancelled 22/09", NoteKind::Other),
            ("CP Visit 2 of 4 - cancelled", NoteKind::Other),
            ("Statutory visit - did not take place", NoteKind::Other),
            // "Statutory" anywhere in a visit's type; a type that says it is not statutory is a note.
            ("Home Visit (statutory)", NoteKind::StatutoryVisit),
            ("Visit to family home - statutory", NoteKind::StatutoryVisit),
            ("Non-statutory visit", NoteKind::Other),
            ("Visit (not statutory)", NoteKind::Other),
            ("Statutory Visit - CP", NoteKind::CpVisit),
            // Not a visit at all: untouched.
            ("Telephone call", NoteKind::Other),
            ("Supervision", NoteKind::Supervision),
        ] {
            assert_eq!(note_kind(&rules, text), kind, "{text}");
        }
        // Ordinary types that only mention such words: still visits.
        for text in [
            "CP Visit (phone call to arrange)",
            "Statutory Visit - Teams Hub Locality",
            "CP Visit - face to face (not virtual)",
            "CP Visit - online safety discussed",
            "CP Visit - attempted previous day, child seen",
            "CP Visit - unannounced, no access to bedroom",
            "Statutory Visit - Child Seen, Parent Not Seen",
            "CP Visit - Child Seen (Siblings not seen)",
            "CP Visit (South Teams)",
            "CP Visit - cancelled by mother, child seen at school instead",
            "CP Visit – rearranged (mum cancelled 22/09)",
            "CP visit (postponed from 22/09)",
            "CLA visit – rescheduled, original date cancelled by carer",
        ] {
            assert!(note_kind(&rules, text).is_statutory_visit(), "{text}");
            assert!(!not_in_person(text), "{text}");
        }
        assert!(not_in_person("Virtual Visit (Teams)") && not_in_person("Visit - No Access") && not_in_person("CLA visit by telephone"));
        assert!(mode_not_in_person("Virtual (Teams)") && mode_not_in_person("Telephone") && mode_not_in_person("Online"));
        // A seen-alone answer can say the child was not seen at all.
        for (answer, not_seen) in [
            ("Not seen - child refused to engage", true),
            ("No access", true),
            ("Child not seen", true),
            ("Child not seen - at school", true),
            ("Father not seen", false),
            ("Cancelled", true),
            ("No", false),
            ("Not seen alone", false),
            ("Seen with carer", false),
            ("Yes", false),
            ("", false),
        ] {
            assert_eq!(seen_alone_not_seen(answer), not_seen, "{answer}");
        }
        for mode in ["Face to face - unannounced", "Face to face (interpreter on Teams)", "In person - telephone interpreter", "Home visit"] {
            assert!(!mode_not_in_person(mode), "{mode}");
        }
    }

    #[test]
    fn an_audits_title_gives_its_one_id_past_a_link() {
        assert_eq!(audit_title_id("5548117 – Mar 2026").as_deref(), Some("5548117"));
        let notion = "Tier 2 audit – Case ID 7743018 (https://www.notion.so/Tier-2-audit-Case-ID-7743018-aa42ba69f9d1792c021b36e9c4977d86?pvs=21)";
        assert_eq!(audit_title_id(notion).as_deref(), Some("7743018"));
        assert_eq!(audit_title_id("7743018 and 7743019"), None);
    }

    #[test]
    fn cells_of_name_value_pairs_become_columns() {
        let row = |n: u32, cells: &[&str]| SourceRow { row: n, cells: cells.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::text(c) }).collect() };
        let header = row(1, &["Person ID", "Visit Details", "Notes"]);
        let body: Vec<SourceRow> = [
            "Seen: Yes | Seen alone: Yes | Announced: Yes",
            "Seen: Yes | Seen alone: No (asleep) | Announced: No",
            "Seen: No | Announced: No",
            "Seen: Yes | Seen alone: Yes",
            "",
            "Seen: Yes | seen alone: No",
        ]
        .iter()
        .enumerate()
        .map(|(i, d)| row(i as u32 + 2, &["C1", d, "Visited at 10:30, all well"]))
        .collect();
        let split = KeyValueColumns::find(&header, &body, true).expect("one column of pairs");
        assert_eq!(split.columns.len(), 1, "free text with a colon is not pairs");
        let h = split.apply(header.clone(), 1);
        assert_eq!(h.cells.iter().map(Cell::as_string).collect::<Vec<_>>(), ["Person ID", "Visit Details", "Notes", "Seen", "Seen alone", "Announced"]);
        let r = split.apply(body[1].clone(), 1);
        assert_eq!(r.cells.iter().map(Cell::as_string).collect::<Vec<_>>(), ["C1", "", "Visited at 10:30, all well", "Yes", "No (asleep)", "No"]);
        let short = split.apply(row(9, &["C2", "Seen: No | Announced: Yes"]), 1);
        assert_eq!(short.cells.iter().map(Cell::as_string).collect::<Vec<_>>(), ["C2", "", "", "No", "", "Yes"], "a short row lines up with the header");
        assert_eq!(split.apply(body[5].clone(), 1).cells[4].as_string(), "No", "names match whatever their case");
        // Fewer than four in five cells of pairs: not a column of pairs.
        let prose: Vec<SourceRow> = ["Risk: high | Plan: yes", "Seen at home", "Mum present", "Seen: yes | Alone: no", "Called school", "Home visit"]
            .iter()
            .enumerate()
            .map(|(i, d)| row(i as u32 + 2, &["C1", d, ""]))
            .collect();
        assert!(KeyValueColumns::find(&header, &prose, true).is_none());
        // Pairs one to a line among other lines (a plan's task described):
        // the pairs are read, the other lines left; not in a Word form.
        let described: Vec<SourceRow> = (0..5)
            .map(|i| row(i + 2, &["C1", &format!("Case ID: 700000{i}\nDistrict: North\n\nOVERALL JUDGEMENT: Good\nFull audit saved in the folder"), ""]))
            .collect();
        assert!(KeyValueColumns::find(&header, &described, true).is_none(), "a column not named a description");
        let task = row(1, &["Person ID", "Description", "Notes"]);
        let split = KeyValueColumns::find(&task, &described, true).expect("lines of pairs");
        assert_eq!(split.columns[0].2, ["Case ID", "District", "OVERALL JUDGEMENT"]);
        assert_eq!(split.apply(described[3].clone(), 1).cells[3].as_string(), "7000003");
        assert!(KeyValueColumns::find(&task, &described, false).is_none());
        // (Not lines a writer labelled as they liked, nor times of day.)
        let written: Vec<SourceRow> = [
            "Purpose: visit\nArrived at 10:30, all well",
            "Strengths: plan\nArrived at 09:15",
            "Purpose: review\nSeen alone: yes",
            "Worries: none\nLeft at 11:00",
            "Purpose: visit\nGrade: Good",
        ]
        .iter()
        .enumerate()
        .map(|(i, d)| row(i as u32 + 2, &["C1", d, ""]))
        .collect();
        assert!(KeyValueColumns::find(&task, &written, true).is_none());
    }

    #[test]
    fn sheet_names_that_name_a_team() {
        for (name, team) in [
            ("CP", true),
            ("Children in Care", true),
            ("CIN East", true),
            ("Sheet1", false),
            ("Audits 2026-27", false),
            ("Data", false),
            ("Sep-Oct", false),
            ("Tier 2 audits", false),
            ("Moderation", false),
            ("Actions", false),
            ("QA sample", false),
            ("Programme", false),
            ("Audit schedule", false),
            ("Dashboard", false),
            ("Closed", false),
        ] {
            assert_eq!(names_a_team(name), team, "{name}");
        }
    }

    #[test]
    fn months_of_audit() {
        use crate::calendar::date;
        for (t, want) in [
            ("September 2026", Some(date(2026, 9, 1))),
            ("Sep-26", Some(date(2026, 9, 1))),
            ("Sept 2026", Some(date(2026, 9, 1))),
            ("2026-09", Some(date(2026, 9, 1))),
            ("09/2026", Some(date(2026, 9, 1))),
            ("12/09/2026", Some(date(2026, 9, 1))),
            ("September", None),
            ("Pending", None),
            // A bi-monthly cycle: its first month; only two months in a row.
            ("Jul/Aug 26", Some(date(2026, 7, 1))),
            ("Sep-Oct 2026", Some(date(2026, 9, 1))),
            ("Dec/Jan 27", Some(date(2026, 12, 1))),
            ("Sep/Nov 26", None),
            // (A date written month first, "Sep 10 2026": its month.)
            ("Sep 10 2026", Some(date(2026, 9, 1))),
            ("Sep 41 2026", None),
        ] {
            assert_eq!(month_cell(&Cell::text(t)), want, "{t}");
        }
    }

    #[test]
    fn a_plan_named_under_a_visit_type_header_is_that_plans_visit() {
        let config = Config::defaults();
        let crosswalk = super::super::scales::Crosswalk::new(&config);
        let ctx = Context::new(&config, &crosswalk);
        assert_eq!(note_kind_in(&ctx, true, "CP"), NoteKind::CpVisit);
        assert_eq!(note_kind_in(&ctx, true, "LAC"), NoteKind::ClaVisit);
        assert_eq!(note_kind_in(&ctx, true, "CIN"), NoteKind::CinVisit);
        // (Under a note type's own header, "CP" says no kind of note.)
        assert_eq!(note_kind_in(&ctx, false, "CP"), NoteKind::Other);
        assert_eq!(note_kind_in(&ctx, true, "Case Note"), NoteKind::Other);
        assert_eq!(note_kind_in(&ctx, true, "Home visit"), NoteKind::StatutoryVisit);
        assert_eq!(note_kind_in(&ctx, true, "Unannounced"), NoteKind::StatutoryVisit);
        assert_eq!(note_kind_in(&ctx, true, "Virtual"), NoteKind::Other);
        for not_made in ["Home visit – child not seen", "Home visit - no access", "Contact visit", "Visit cancelled", "Statutory - attempted", "Visit - DNA"]
        {
            assert_eq!(note_kind_in(&ctx, true, not_made), NoteKind::Other, "{not_made}");
        }
        assert!(says_visit("Visit Type") && !says_visit("Case Note Type"));
    }

    #[test]
    fn a_moderations_sentence_says_whether_the_moderator_agreed() {
        for (t, want) in [
            ("Challenged by SW. Moderated by Head of Service (Early Help) 11/09 - agreed with auditor, RI stands", Some(true)),
            ("TM challenged the grade. Group Manager moderated 07/10: agrees with auditor – RI is right", Some(true)),
            ("Moderator agrees with auditor", Some(true)),
            ("Moderated by Head of Service 27/10: does not agree – elements of good practice not evidenced; final judgement Requires Improvement", Some(false)),
            ("Moderator disagrees with the grade", Some(false)),
            ("Moderator did not fully agree", Some(false)),
            ("Moderated by HoS - no disagreement with auditor", Some(true)),
            ("Moderated 30/09: agreed to regrade to Good following SW challenge", Some(false)),
            // Neither, or too short to be a sentence ("Agreed" is a yes of the moderated column).
            ("Moderated by Head of Service 12/10", None),
            ("Agreed", None),
            ("Agreed in part, disagreed on planning", None),
        ] {
            assert_eq!(agreement_said(t), want, "{t}");
        }
    }

    #[test]
    fn a_questionnaire_returned_is_their_views_had() {
        for (t, want) in [
            ("Questionnaire returned", Some(Answer::Yes)),
            ("Feedback form completed by mum", Some(Answer::Yes)),
            ("Questionnaire sent, not returned", Some(Answer::No)),
            ("Questionnaire wasn't returned", Some(Answer::No)),
            ("Questionnaire sent", None),
            ("Yes", None),
            ("Completed by phone", None),
        ] {
            assert_eq!(questionnaire_answer(t), want, "{t}");
        }
    }

    #[test]
    fn moderation_outcomes_in_words() {
        for (t, want) in [
            ("Upheld", Some(Answer::Yes)),
            ("Not upheld", Some(Answer::No)),
            ("Grade not changed", Some(Answer::Yes)),
            ("No change", Some(Answer::Yes)),
            ("Changed to RI", Some(Answer::No)),
            ("No, changed to Meets good", Some(Answer::No)),
            ("Pending", Some(Answer::Blank)),
            ("Good analysis", None),
            ("Partially agree - grade stands", Some(Answer::Yes)),
            ("Partially agree", Some(Answer::No)),
            ("Partially agree - grade kept, analysis weak", Some(Answer::Yes)),
            ("Partially agree - upgraded to Good, grade stands for now", Some(Answer::No)),
            ("Partially agree - grade not kept", Some(Answer::No)),
            ("Disagree - grade stands", None),
        ] {
            assert_eq!(moderation_outcome(&Cell::text(t)), want, "{t}");
        }
    }

    #[test]
    fn a_bi_monthly_cycle_ends_with_its_second_month() {
        use crate::calendar::date;
        assert_eq!(cycle_end(&Cell::text("Sep/Oct 26")), Some(date(2026, 10, 31)));
        assert_eq!(cycle_end(&Cell::text("Aug-Sep 2026")), Some(date(2026, 9, 30)));
        assert_eq!(cycle_end(&Cell::text("Dec/Jan 27")), Some(date(2027, 1, 31)));
        assert_eq!(cycle_end(&Cell::text("December 2025 - January 2026")), Some(date(2026, 1, 31)));
        assert_eq!(cycle_end(&Cell::text("October 2025 - November 2025")), Some(date(2025, 11, 30)));
        assert_eq!(cycle_end(&Cell::text("December 2026 - January 2026")), None);
        assert_eq!(month_cell(&Cell::text("December 2025 - January 2026")), Some(date(2025, 12, 1)));
        assert_eq!(cycle_end(&Cell::text("September 2026")), None);
        // Without its year: the cycle the allocation falls in, or none.
        let yearless = |t: &str, y, m, d| yearless_cycle(&Cell::text(t), date(y, m, d));
        assert_eq!(yearless("Sept-Oct", 2026, 9, 3), Some((date(2026, 9, 1), date(2026, 10, 31))));
        assert_eq!(yearless("Dec/Jan", 2026, 12, 10), Some((date(2026, 12, 1), date(2027, 1, 31))));
        assert_eq!(yearless("Dec/Jan", 2027, 1, 10), Some((date(2026, 12, 1), date(2027, 1, 31))));
        assert_eq!(yearless("Sept-Oct", 2026, 11, 3), None);
        assert_eq!(yearless("Sep/Oct 26", 2026, 9, 3), None);
        assert!(status_of_something_else("Action Plan Status") && status_of_something_else("Moderation status"));
        assert!(!status_of_something_else("Audit status") && !status_of_something_else("Status"));
    }

    #[test]
    fn a_summary_of_counts_is_not_a_table_of_records() {
        let header = SourceRow::texts(14, &["Team", "Audits completed", "Good or better", "% good or better", "Moderated"]).cells;
        let n = Cell::Number;
        let body = vec![
            SourceRow { row: 15, cells: vec![Cell::text("CP North"), n(4.0), n(3.0), n(0.75), n(2.0)] },
            SourceRow { row: 16, cells: vec![Cell::text("Total"), n(8.0), n(5.0), n(0.625), n(3.0)] },
            SourceRow::texts(18, &["Overall grade", "Number of audits"]),
            SourceRow { row: 19, cells: vec![Cell::text("Good"), n(4.0)] },
            SourceRow { row: 20, cells: vec![Cell::text("Inadequate"), n(1.0)] },
        ];
        assert!(is_summary_of_counts(&header, &body));
        // Records: a child id column, or two columns of labels.
        let records = SourceRow::texts(1, &["Child ID", "Team", "Number of visits"]).cells;
        assert!(!is_summary_of_counts(&records, &[SourceRow { row: 2, cells: vec![Cell::text("C100234"), Cell::text("North"), n(3.0)] }]));
    }

    #[test]
    fn a_status_naming_the_case_that_replaced_it_cancels_the_audit() {
        assert!(status_cancels("not audited - case closed, replaced by 4410029"));
        assert!(status_cancels("Swapped for 551203 (conflict of interest)"));
        assert!(status_cancels("Not done - replaced by another child"));
        assert!(!status_cancels("Completed - replaced by the re-audit form"));
        assert!(!status_cancels("Completed - replaced by 2026 form"));
        assert!(!status_cancels("In progress - replaced by 2026 template"));
        assert!(status_cancels("Case replaced - see 4410031"));
        assert!(status_cancels("Replacement case: 4410030"));
        assert!(status_cancels("Not audited - replaced by 2026-551203"));
        assert!(!status_cancels("Replacement for 4410011"));
        assert!(!status_cancels("Not started - replaced by 2026 27 form"));
        assert!(!status_cancels("Not audited - case closed"));
    }

    #[test]
    fn a_status_of_only_draft_is_an_unfinished_audit() {
        for (s, unfinished) in [
            ("Draft", true),
            ("In progress", true),
            ("IN PROGRESS", true),
            ("Not started", true),
            ("Draft(s) - awaiting TM confirmation", false),
            ("Completed", false),
            ("Returned for amendment", false),
        ] {
            assert_eq!(status_unfinished(s), unfinished, "{s}");
        }
    }

    #[test]
    fn several_actions_in_one_cell_are_each_an_action() {
        assert_eq!(
            several_actions("1. Convene a strategy discussion.\n2. Update the safety plan."),
            ["Convene a strategy discussion.", "Update the safety plan."]
        );
        assert_eq!(several_actions("• Record the decision.\n• Complete the interview."), ["Record the decision.", "Complete the interview."]);
        // A long item wrapped onto a second line is still one item.
        assert_eq!(
            several_actions("• Record management oversight of the contact\ndecision.\n• Complete the interview."),
            ["Record management oversight of the contact decision.", "Complete the interview."]
        );
        assert_eq!(several_actions("Actions agreed with TM:\n• Update the plan\n• Book the review"), ["Update the plan", "Book the review"]);
        for one in [
            "Update chronology to include the June strategy discussion.",
            "1. Update the chronology",
            "Review plan\nwith the family",
            "Review plan\n• with the family",
            "• Review the plan\nwith the family",
        ] {
            assert!(several_actions(one).is_empty(), "{one}");
        }
    }

    #[test]
    fn a_survey_tools_partial_response_is_unfinished_and_a_preview_or_test_is_no_audit() {
        for s in ["Partial", "Partial response", "Partially completed", "Unfinished"] {
            assert!(status_unfinished(s), "{s}");
        }
        for s in ["Survey Preview", "Test", "spam"] {
            assert!(status_test(s), "{s}");
        }
        for s in ["IP Address", "Completed", "Tested positive"] {
            assert!(!status_test(s), "{s}");
        }
        for t in [
            "TEST",
            "test",
            "Test1",
            "TEST - please ignore",
            "Test record",
            "Dummy",
            "Ann Vale (please ignore)",
            "TEST ROW – delete",
            "Test task - ignore",
            "TEST card",
        ] {
            assert!(says_test(t), "{t}");
        }
        for t in [
            "Test, Eclipse Admin",
            "Testing, LCS",
            "Testuser, Mosaic",
            "Admin, Test",
            "Mosaic Test Account",
            "Test SW",
            "Test User",
            "QA test (delete)",
            "TEST ROW – do not count",
            // (Care Director's test account: blind set 153.)
            "CD Test User",
            // (A system trainer's account: blind set 189; a test and a
            // training account at once: blind set 188.)
            "CareFirst Trainer",
            "TEST - CareFirst training",
        ] {
            assert!(says_test(t), "{t}");
        }
        // A task tool's note on how the list is kept, not an action that
        // opens with the same words (blind set 186; review 261's c02, c03).
        assert_eq!(instruction_task("READ ME – how we track learning audit actions in this plan"), Some(true));
        assert_eq!(instruction_task("How to use this tracker"), Some(false));
        assert_eq!(instruction_task("How to use this safety plan – SW to go through it with mother"), None);
        for action in [
            "Instructions to Legal to be sent for PLO meeting",
            "How to use the new safety plan – SW to go through it with mother",
            "Show mother how to use the app",
        ] {
            assert_eq!(instruction_task(action), None, "{action}");
        }
        // A kind of audit named as a test's or a training course's (blind set 189).
        for k in ["Quality Audit (TRAINING)", "Case File Audit - TEST", "[Test] Learning audit", "Training"] {
            assert!(kind_says_test(k), "{k}");
        }
        for k in [
            "Quality Audit",
            "Testing of thresholds audit",
            "Practice observation (training needs)",
            "Case File Audit - Full",
            "Case file audit (new auditor – training)",
        ] {
            assert!(!kind_says_test(k), "{k}");
        }
        for t in
            ["T123", "C205029", "Tess Ward", "Testa Marlow", "Test Valley Team", "TST-0012", "Tester Hall", "Test, Alan", "Sam Test", "QA lead", "Do not count"]
        {
            assert!(!says_test(t), "{t}");
        }
        for t in ["ZZ Test Unit", "FEN-TST Systems Test Team", "BRK-ZZZ Test Team", "LCS Test Team", "TRAINING/TEST TEAM"] {
            assert!(team_says_test(t), "{t}");
        }
        for t in ["Test Valley Team", "CP Team", "ZZ Unit", "Test Valley CIN"] {
            assert!(!team_says_test(t), "{t}");
        }
        let header = |h: &[&str]| h.iter().map(|t| Cell::text(t)).collect::<Vec<_>>();
        let body = |rows: &[&[&str]]| rows.iter().enumerate().map(|(i, r)| SourceRow { row: i as u32 + 2, cells: header(r) }).collect::<Vec<_>>();
        let versions = body(&[&["3.0", "T2-05", "7702005"], &["2.0", "T2-05", "7702005"], &["1.0", "T2-05", "7702005"], &["2.0", "T2-08", "7702008"]]);
        assert!(is_version_history("Version history", &header(&["Version", "Title", "Case ID"]), &versions));
        assert!(!is_version_history("Audits", &header(&["Version", "Title", "Case ID"]), &versions), "not named so");
        // (A live list showing each item's version once; a tab of closed
        // records with the template's version.)
        let live = body(&[&["4.0", "AUD-1", "7702001"], &["2.0", "AUD-2", "7702002"], &["7.0", "AUD-3", "7702003"]]);
        assert!(!is_version_history("Audit History", &header(&["Version", "Title", "Case ID"]), &live));
        let closed = body(&[&["v2.0", "AUD-1", "7702001"], &["v2.1", "AUD-1", "7702001"]]);
        assert!(!is_version_history("History", &header(&["Version", "Title", "Case ID"]), &closed));
        for t in ["LCS Test Team", "Test team", "TESTING", "Dummy team - do not use"] {
            assert!(team_says_test(t), "{t}");
        }
        for t in ["Test Valley Team", "Test Valley", "Contest", "Testwood Locality", "Family Support (North)", "Tested Families"] {
            assert!(!team_says_test(t), "{t}");
        }
    }

    /// A row's key does not depend on its file's column order, but two columns
    /// under the same header are not interchangeable.
    #[test]
    fn row_keys_follow_headers_not_places() {
        let map = |headers: &[&str]| -> Vec<ColumnMap> {
            headers
                .iter()
                .enumerate()
                .map(|(index, h)| ColumnMap { index, header: h.to_string(), target: Target::Unmapped, reason: String::new(), scale: None, score: 0 })
                .collect()
        };
        let t = |v: &[&str]| v.iter().map(|x| Cell::text(x)).collect::<Vec<_>>();
        let ab = RowKeys::new(&map(&["Child ID", "Note"]), TableKind::CaseNotes);
        let ba = RowKeys::new(&map(&["note", "CHILD ID"]), TableKind::CaseNotes);
        assert_eq!(ab.row_key(&t(&["C1", "x"]), Cell::as_date), ba.row_key(&t(&["x", "C1"]), Cell::as_date));
        assert_ne!(ab.row_key(&t(&["C1", "x"]), Cell::as_date), ab.row_key(&t(&["x", "C1"]), Cell::as_date));
        let twice = RowKeys::new(&map(&["Notes", "Notes"]), TableKind::CaseNotes);
        assert_ne!(twice.row_key(&t(&["a", "b"]), Cell::as_date), twice.row_key(&t(&["b", "a"]), Cell::as_date));
        assert_ne!(twice.row_key(&t(&["", "a"]), Cell::as_date), twice.row_key(&t(&["a", ""]), Cell::as_date));
        // Cells past the header row count by their place.
        assert_ne!(ab.row_key(&t(&["C1", "x", "y", ""]), Cell::as_date), ab.row_key(&t(&["C1", "x", "", "y"]), Cell::as_date));
        // The child's id counts as that, whatever its header.
        let child = |h: &str| {
            let mut m = map(&[h, "Note"]);
            m[0].target = Target::Field("child_id".into());
            RowKeys::new(&m, TableKind::CaseNotes)
        };
        assert_eq!(child("Client ID").row_key(&t(&["C1", "x"]), Cell::as_date), child("Person ID").row_key(&t(&["C1", "x"]), Cell::as_date));
        // A date column's values count by their date, unless they carry a
        // time of day; other columns' by their text.
        let mut dated = map(&["Child ID", "Date of visit", "Note"]);
        dated[1].target = Target::Field("event_date".into());
        let dated = RowKeys::new(&dated, TableKind::CaseNotes);
        let key = |v: &[&str]| dated.row_key(&t(v), Cell::as_date);
        assert_eq!(key(&["C1", "25/09/2026", "x"]), key(&["C1", "2026-09-25", "x"]));
        assert_eq!(
            key(&["C1", "25/09/2026", "x"]),
            dated.row_key(&[Cell::text("C1"), Cell::Date(chrono::NaiveDate::from_ymd_opt(2026, 9, 25).unwrap()), Cell::text("x")], Cell::as_date)
        );
        assert_ne!(key(&["C1", "25/09/2026", "x"]), key(&["C1", "26/09/2026", "x"]));
        assert_ne!(key(&["C1", "25/09/2026 10:00", "x"]), key(&["C1", "2026-09-25 10:00", "x"]));
        assert_ne!(key(&["C1", "25/09/2026", "2026-09-25"]), key(&["C1", "25/09/2026", "25/09/2026"]));
    }

    #[test]
    fn cells_of_numbered_lines_are_split_by_number() {
        assert_eq!(
            numbered_lines("1) Update chronology\n2) Pathway plan to be\nreviewed with YP\n3) "),
            vec![(1, "Update chronology".into()), (2, "Pathway plan to be reviewed with YP".into()), (3, String::new())]
        );
        assert_eq!(numbered_lines("1. PA\n2. SW"), vec![(1, "PA".into()), (2, "SW".into())]);
        assert!(numbered_lines("Update the chronology").is_empty(), "not written in numbered lines");
        assert!(numbered_lines("2026 plan: update").is_empty());
        assert!(numbered_lines("").is_empty());
        assert_eq!(numbered_lines("1) Update chronology 2) Review safety plan").len(), 2);
        assert_eq!(numbered_lines("1) SW 2) TM"), vec![(1, "SW".into()), (2, "TM".into())]);
        assert_eq!(numbered_lines("1) 12/09/2026 2) 20/09/2026").len(), 2);
        assert!(numbered_lines("Ring 2) the school").is_empty(), "no 1) first: not numbered lines");
    }

    #[test]
    fn a_key_of_numbered_grades_is_read_from_its_text() {
        assert_eq!(
            key_pairs("Key: 1 = Does not yet meet good   2 = Meets good   3 = Exceeds good"),
            vec![(1, "Does not yet meet good".to_string()), (2, "Meets good".to_string()), (3, "Exceeds good".to_string())]
        );
        assert_eq!(key_pairs("4=Outstanding, 3=Good; 2=RI | 1=Inadequate").len(), 4);
        assert!(key_pairs("Moderators complete within the first 10 working days of the month").is_empty());
        assert!(key_pairs("Total = 12").is_empty(), "no number before the =");
        // A key in a sentence of guidance: each label ends with its sentence, not an abbreviation's full stop.
        assert_eq!(
            key_pairs("Scoring key (local tool): 4 = Outstanding, 3 = Good, 2 = Req. Improvement, 1 = Inadequate. N/A where the question is not relevant."),
            [(4, "Outstanding"), (3, "Good"), (2, "Req. Improvement"), (1, "Inadequate")].map(|(n, l)| (n, l.to_string())).to_vec()
        );
        let rows =
            |texts: &[&str]| -> Vec<SourceRow> { texts.iter().enumerate().map(|(i, t)| SourceRow { row: i as u32 + 1, cells: vec![Cell::text(t)] }).collect() };
        assert_eq!(preamble_key(&rows(&["Moderation log", "Key: 1 = Does not yet meet good 2 = Meets good"])).len(), 2);
        assert!(preamble_key(&rows(&["Moderation log", "1 = one"])).is_empty(), "one pair is no key");
    }

    #[test]
    fn seen_alone_words() {
        for (t, want) in [
            ("Yes", SeenAlone::Yes),
            ("Seen alone", SeenAlone::Yes),
            ("Not seen alone", SeenAlone::No),
            ("Seen with carer", SeenAlone::No),
            ("Seen - did not wish to be seen alone", SeenAlone::No),
            ("Declined to be seen alone", SeenAlone::No),
            ("Child didn't want to be seen alone", SeenAlone::No),
            ("Seen alone - no concerns", SeenAlone::Yes),
            ("Child seen alone in bedroom", SeenAlone::Yes),
            ("No concerns, seen alone", SeenAlone::Yes),
            ("Seen alone (child refused to talk)", SeenAlone::Yes),
            ("No - seen with mother", SeenAlone::No),
            ("Seen together with sibling", SeenAlone::No),
            ("N", SeenAlone::No),
            ("", SeenAlone::NotRecorded),
            ("Unknown", SeenAlone::NotRecorded),
            ("N/K", SeenAlone::NotRecorded),
            ("TBC", SeenAlone::NotRecorded),
            ("Not applicable", SeenAlone::NotApplicable),
            ("N/A", SeenAlone::NotApplicable),
            // The question before the answer: the answer is read.
            ("Child seen alone? No - sibling present", SeenAlone::No),
            ("Seen alone: No", SeenAlone::No),
            ("Seen alone: Yes", SeenAlone::Yes),
            ("Child seen alone? Yes", SeenAlone::Yes),
            ("Seen alone? N/A - baby", SeenAlone::NotApplicable),
        ] {
            assert_eq!(seen_alone(&Cell::text(t)), want, "{t}");
        }
    }
}
