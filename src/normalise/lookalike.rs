//! Quality-assurance records that look like case file audits but are not:
//! practice observations, practice days, supervision records, thematic audits
//! and dip samples, foster carers' file audits, training records, and the
//! reviewing officers' and conference chairs' own quality assurance
//! (escalations, practice alerts, good practice notes, midway reviews).
//!
//! They share an audit's look (a child's id, a date, a team, an Ofsted grade),
//! and sit beside the audits in the same folder or as more sheets of the same
//! workbook. DOMAIN.md keeps them apart ("Practice observations … and practice
//! days … are also tracked"); seed 004 separates "full audits of individual
//! children and themed dip samples … This information is about the process for
//! full audits"; seed 000 gives observations their own template ("Staff/Meeting
//! Audit Template", "Practice or Meeting Observation Record") and foster carers'
//! files their own audit. Counted as audits they would add observations'
//! grades to the overall judgement, and an observation of a child would pass
//! for that child's re-audit.
//!
//! What a record is, is read from what it is called: its title lines, its
//! sheet's name, its file's name, and a form's or header's label for the
//! worker being observed. A sheet or file named only for audits ("Case file
//! audits", "Audits and practice observations.xlsx" sheet "Audits") is read as
//! usual. A table the config pins to a kind is read as pinned.

use super::fold::fold;
use crate::ingest::{Cell, SourceRow};

/// What a record is, when it is not a case file audit: (words, what it is).
/// Each entry's words are matched in order, as whole words of the folded name;
/// a word ending in `*` matches any word it starts.
const KINDS: &[(&[&str], &str)] = &[
    (&["practice", "observation*"], "practice observations"),
    (&["meeting", "observation*"], "practice observations"),
    (&["staff", "observation*"], "practice observations"),
    (&["direct", "observation*"], "practice observations"),
    (&["observation*", "of", "practice"], "practice observations"),
    (&["staff", "and", "meeting", "audit*"], "practice observations"),
    (&["staff", "meeting", "audit*"], "practice observations"),
    (&["obs", "log*"], "practice observations"),
    (&["obs", "tracker*"], "practice observations"),
    (&["practice", "day*"], "practice days"),
    (&["supervision", "record*"], "supervision records"),
    (&["supervision", "audit*"], "supervision records"),
    (&["supervision", "log*"], "supervision records"),
    (&["supervision", "tracker*"], "supervision records"),
    (&["thematic"], "a thematic audit"),
    (&["themed"], "a thematic audit"),
    (&["dip", "sampl*"], "a dip sample"),
    (&["dip", "check*"], "a dip sample"),
    (&["foster", "carer*", "file*"], "foster carers' file audits"),
    (&["foster", "carer*", "audit*"], "foster carers' file audits"),
    (&["fostering", "household*"], "foster carers' file audits"),
    (&["household", "file", "audit*"], "foster carers' file audits"),
    (&["training*"], "training records"),
    // The reviewing officers' and conference chairs' own quality assurance.
    (&["iro"], "independent reviewing officers' quality assurance (escalations, practice alerts)"),
    (&["iros"], "independent reviewing officers' quality assurance (escalations, practice alerts)"),
    (&["independent", "reviewing", "officer*"], "independent reviewing officers' quality assurance (escalations, practice alerts)"),
    (&["dispute", "resolution"], "escalations (dispute resolution)"),
    (&["escalation*", "log*"], "escalations (dispute resolution)"),
    (&["practice", "alert*"], "practice alerts"),
    (&["quality", "alert*"], "practice alerts"),
    (&["good", "practice", "note*"], "good practice notes"),
    (&["midway", "review*"], "child protection chairs' midway reviews"),
    (&["cp", "chair*"], "child protection chairs' quality assurance"),
    (&["conference", "chair*"], "child protection chairs' quality assurance"),
    // Challenges of audit grades: events about audits read elsewhere.
    (&["audit", "challenge*"], CHALLENGES),
    (&["challenge*", "log*"], CHALLENGES),
    (&["challenges"], CHALLENGES),
    (&["audit", "dissent*"], CHALLENGES),
    (&["dissent*"], CHALLENGES),
];

/// Challenges of audit judgements (a dissent or challenge log), not a
/// moderation named for the challenge stage.
const CHALLENGES: &str = "challenges of audit judgements";

/// A label that names the worker being observed: a practice observation's own
/// field ("Worker being observed:", seed 000), as a form's label or a column.
const OBSERVED: &[&str] = &[
    "worker being observed",
    "worker observed",
    "practitioner observed",
    "practitioner being observed",
    "observer",
    "observer name",
    "name of observer",
    "observed by",
];

/// What a name says its records are.
#[derive(Debug, PartialEq)]
enum Named {
    /// Another kind of record, and not audits besides.
    Other(&'static str),
    /// Audits, outside any other kind's name.
    Audits,
}

/// What a folded name says its records are, if anything: "Neglect thematic
/// audit" and "Foster Carer File Audit" name one other kind ("audit" is part
/// of its name); "Actions from audits and practice observations", "Thematic
/// learning from audits" and "Audits - new auditors training cohort" name
/// audits.
fn named(folded: &str) -> Option<Named> {
    let words: Vec<&str> = folded.split(' ').collect();
    let fits = |w: &str, p: &str| match p.strip_suffix('*') {
        Some(stem) => w.starts_with(stem),
        None => w == p,
    };
    let mut found = None;
    let mut used = vec![false; words.len()];
    for (phrase, what) in KINDS {
        for start in 0..(words.len() + 1).saturating_sub(phrase.len()) {
            if words[start..start + phrase.len()].iter().zip(phrase.iter()).all(|(w, p)| fits(w, p)) {
                found = found.or(Some(*what));
                let mut end = start + phrase.len();
                // "… audit", "… audits" after the kind's name is its name.
                while end < words.len() && names_audits(words[end]) {
                    end += 1;
                }
                used[start..end].iter_mut().for_each(|u| *u = true);
            }
        }
    }
    if words.iter().zip(&used).any(|(w, u)| !u && names_audits(w)) {
        Some(Named::Audits)
    } else {
        found.map(Named::Other)
    }
}

/// What a row's own type says it is, when it names another kind of quality
/// assurance than a case file audit: "Practice Observation" in an "Audit
/// Type" column among "Full Case File Learning Audit" rows (blind set 178's
/// wrenfield). Not a challenge (a moderation's stage) nor training.
pub fn row_kind(value: &str) -> Option<&'static str> {
    match named(&fold(value))? {
        Named::Other(what) if what != CHALLENGES && what != "training records" => Some(what),
        _ => None,
    }
}

/// Whether a word speaks of audits ("audits", "CFAs"; not "auditors").
fn names_audits(word: &str) -> bool {
    matches!(word, "audit" | "audits" | "audited" | "auditing" | "cfa" | "cfas")
}

/// Why a table is not case file audits, actions or case notes, if what it is
/// called says so: its sheet's name (what the council called its records),
/// then the first rows of one cell each (its title), then its file's name,
/// then a column or form label for the worker being observed. The first name
/// that says what the records are decides, so a name that speaks of audits
/// stops the search and the table is read ("Case File Audit Tool" above
/// "Section 2: Direct observation of practice" is audits).
/// Why a table is not case file audits, and whether the reason is the whole
/// sheet's (its sheet's or file's name, or a form's label) or the table's own
/// (its title, or a column of its header).
pub struct NotCaseFile {
    pub why: String,
    pub whole_sheet: bool,
    /// Whether the records are challenges of audit judgements (whose upheld
    /// outcomes are read: [`challenge_columns`]).
    pub challenges: bool,
}

/// A text file saved from one sheet of a workbook, named "<workbook> -
/// <sheet>" ("Audit tracker 2026-27 - Challenges"): its sheet's part. (A
/// sheet's name has at most 31 characters: a longer part names the file's
/// audits, "Quality Audits Sep-Oct 2026 - thematic (seeing and hearing the
/// child)" is a cycle's case file audits.)
pub(crate) fn sheet_part(stem: &str) -> Option<&str> {
    stem.rsplit_once(" - ").map(|(_, part)| part.trim()).filter(|p| !p.is_empty() && p.chars().count() <= 31)
}

/// The first rows with something in them above a table's header (four at most).
fn rows_above(sample: &[SourceRow], header: Option<usize>) -> impl Iterator<Item = &SourceRow> {
    sample.iter().take(header.unwrap_or(usize::MAX)).filter(|r| !r.is_blank()).take(4)
}

/// A table's title lines: the first rows of one cell each above its header
/// (12 words at most).
fn title_lines(sample: &[SourceRow], header: Option<usize>) -> impl Iterator<Item = &str> {
    rows_above(sample, header).filter_map(SourceRow::lone_text).filter(|t| t.split_whitespace().count() <= 12).map(str::trim)
}

/// The child ids a table's title says are a test's or a trainer's
/// ("CareFirst extract: child contacts … (client 63999 = training client)",
/// "Contacts; 70001 is a test client"): in a bracket or clause of 8 words at
/// most that says test, training, dummy or demo, each id-like word (three
/// digits or more, not a date or a year).
pub fn declared_test_ids(sample: &[SourceRow], header: Option<usize>) -> Vec<String> {
    let mut ids = Vec::new();
    // (A CSV's title with a comma in it comes as two or three cells: joined
    // again; review 250's c17.)
    let titles = rows_above(sample, header).filter_map(|r| {
        let filled = r.filled();
        (filled.len() <= 3 && filled.iter().all(|c| matches!(c, Cell::Text(_)))).then(|| filled.iter().map(|c| c.as_string()).collect::<Vec<_>>().join(","))
    });
    for title in titles.filter(|t| t.split_whitespace().count() <= 16) {
        let title = title.as_str();
        for clause in title.split(['(', ')', '[', ']', ';', ',']) {
            let words: Vec<&str> = clause.split(|c: char| c.is_whitespace() || matches!(c, '=' | ':')).filter(|w| !w.is_empty()).collect();
            let says = words.iter().any(|w| matches!(fold(w).as_str(), "test" | "testing" | "training" | "trainer" | "dummy" | "demo"));
            // (Of whom: "client 63999 = training client", "70001 is a test
            // child"; not "63002 for training team review".)
            let of_whom = clause.contains('=')
                || words.iter().any(|w| {
                    matches!(
                        fold(w).as_str(),
                        "client"
                            | "clients"
                            | "child"
                            | "children"
                            | "person"
                            | "people"
                            | "case"
                            | "cases"
                            | "record"
                            | "records"
                            | "id"
                            | "ids"
                            | "is"
                            | "are"
                    )
                });
            if !says || !of_whom || words.len() > 8 {
                continue;
            }
            for w in &words {
                let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
                let digits = w.bytes().filter(u8::is_ascii_digit).count();
                let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && digits == 4;
                if (3..=20).contains(&w.len()) && digits >= 3 && !year && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') && !looks_dated(w) {
                    ids.push(w.to_string());
                }
            }
        }
    }
    ids
}

/// Whether a word is a date written with dashes ("2026-10-31", "31-10-2026").
fn looks_dated(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() >= 2 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

pub fn not_case_files(file: &str, sheet: Option<&str>, sample: &[SourceRow], header: Option<usize>) -> Option<NotCaseFile> {
    // (What a title says in brackets qualifies it: "child contacts … (client
    // 63999 = training client)" is case notes; blind set 157's thornmere.)
    let titles = title_lines(sample, header).map(|t| ("its title", "names", t));
    let stem = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    // (A sheet saved as a file of its own is named "<workbook> - <sheet>":
    // its sheet's part says what it holds before the workbook's name,
    // "Audit tracker 2026-27 - Challenges.csv".)
    let sheet_part = sheet.is_none().then(|| sheet_part(&stem)).flatten().map(|p| ("its file", "is named for", p));
    let names = sheet.map(|s| ("its sheet", "is named for", s)).into_iter().chain(titles).chain(sheet_part).chain(std::iter::once((
        "its file",
        "is named for",
        stem.as_str(),
    )));
    // A sheet, title or file the council marked as not to be read, whatever
    // else it names ("ARCHIVED – do not use", "Audits OLD - do not use",
    // "Superseded copies"; blind set 161's wrenfold and cullerby, review
    // 253's c29, c30): not "Please do not use the old codes".
    let names: Vec<(&str, &str, &str)> = names.collect();
    if let Some((whose, _, name)) = names.iter().find(|(_, _, n)| marked_not_to_use(n)) {
        return Some(NotCaseFile {
            why: format!("{whose} '{name}' says it is not to be used (copies kept aside)"),
            whole_sheet: *whose != "its title",
            challenges: false,
        });
    }
    for (whose, says, name) in names {
        let is_part = whose == "its file" && name != stem.as_str();
        let bare = if whose == "its title" { crate::normalise::recognise::outside_brackets(name) } else { String::new() };
        let folded = fold(if bare.trim().is_empty() { name } else { &bare });
        match named(&folded) {
            // (A sheet's part of a CSV's name that names a kind of audit,
            // "Case File Audits Sep-Oct 2026 - Thematic.csv", qualifies the
            // audits the whole name speaks of; another kind of record,
            // "… - Challenges.csv", does not.)
            Some(Named::Other(what)) if is_part && matches!(what, "a thematic audit" | "a dip sample") => {}
            // (Seed 003's challenge is a moderation: "Audit challenge -
            // moderation log", "Challenge moderation" forms are moderations.)
            // (Or a sheet "Challenges" in a file named for moderation,
            // "Audit_Challenges_Moderation_Log_2026": blind set 206's
            // cindermoss.)
            Some(Named::Other(CHALLENGES)) if folded.contains("moderat") || fold(&stem).contains("moderat") => {}
            Some(Named::Other(what)) => {
                return Some(NotCaseFile { why: format!("{whose} '{name}' {says} {what}"), whole_sheet: whose != "its title", challenges: what == CHALLENGES })
            }
            Some(Named::Audits) => return None,
            None => {}
        }
    }
    // A column (or a form's label) for the worker observed: the header row
    // of a table, the first rows of a form.
    let rows = match header {
        Some(h) => &sample[h..=h],
        None => &sample[..sample.len().min(15)],
    };
    let label = rows.iter().flat_map(|r| r.cells.iter()).find_map(|c| match c {
        Cell::Text(t) if t.len() <= 40 && OBSERVED.contains(&fold(t).as_str()) => Some(t.trim()),
        _ => None,
    });
    label.map(|l| NotCaseFile { why: format!("it records '{l}', as practice observations do"), whole_sheet: header.is_none(), challenges: false })
}

/// Whether a name or title marks its records as not to be used: "do not
/// use", "not to be used" or "superseded" with nothing after it but
/// punctuation or a word for copies ("– do not use.", "Superseded copies"),
/// not an instruction ("Please do not use the old codes", "not to be used
/// after 31/08/2026").
fn marked_not_to_use(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["do not use", "not to be used", "superseded"].iter().any(|p| {
        lower.match_indices(p).any(|(at, _)| {
            let rest = lower[at + p.len()..].trim_start();
            let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
            rest.is_empty()
                || word.is_empty()
                || matches!(word.as_str(), "copies" | "copy" | "versions" | "version" | "drafts" | "records" | "rows" | "entries")
        })
    })
}

/// A challenge log's columns ([`challenge_columns`]).
pub type ChallengeColumns = (usize, Option<usize>, usize, Option<usize>, Option<usize>);

/// A challenge log's columns: (the child's id, the audit's date, the
/// outcome, the revised grade, which grade was challenged), by their headers
/// ("Child's ID.", "Date of the Audit", "Outcome", "Revised grade", "Grade
/// challenged"). `None` without a child, an outcome, and a revised grade or
/// the challenge's moderation ([`challenge_moderation`]).
pub fn challenge_columns(header: &[Cell]) -> Option<ChallengeColumns> {
    let folded: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    let find = |test: &dyn Fn(&str) -> bool| folded.iter().position(|f| test(f));
    let words = |f: &str, ws: &[&str]| f.split(' ').any(|w| ws.contains(&w));
    let child = find(&|f| words(f, &["child", "childs", "case", "person", "client", "yp"]) && words(f, &["id", "ref", "reference", "number", "no"]))?;
    let date = find(&|f| words(f, &["audit", "audited"]) && words(f, &["date", "completed"]));
    let outcome = find(&|f| words(f, &["outcome", "decision", "result"]) && !words(f, &["date"]))?;
    // (Or the grade of the senior manager who moderated the challenge,
    // seed 003's "final judgment": "Moderator's judgement"; blind set 159's
    // hallowdene.)
    let graded = |f: &str| words(f, &["grade", "judgement", "judgment", "rating"]);
    let revised = find(&|f| words(f, &["revised", "new", "amended", "final", "changed"]) && graded(f))
        .or_else(|| find(&|f| words(f, &["moderator", "moderators", "moderated", "moderation"]) && graded(f)));
    // (With no grade column, its moderation alone: who moderated or when;
    // review 251's c16.)
    if revised.is_none() && challenge_moderation(header).is_none() {
        return None;
    }
    // ("Grade challenged", "Judgement challenged"; not "Challenged by", who raised it.)
    let challenged = find(&|f| words(f, &["challenged", "disputed"]) && !words(f, &["by", "date", "on"]));
    Some((child, date, outcome, revised, challenged))
}

/// Who moderated a challenge and when: columns of a challenge log.
pub type ChallengeModeration = (Option<usize>, Option<usize>);

/// A challenge log's columns of its moderation (seed 003 para 22: a senior
/// manager moderates the audit and makes the final judgment): who moderated
/// ("Moderated by (senior manager)") and when ("Date of moderation"); `None`
/// where neither is there.
pub fn challenge_moderation(header: &[Cell]) -> Option<ChallengeModeration> {
    let folded: Vec<String> = header.iter().map(|c| fold(&c.as_string())).collect();
    let words = |f: &str, ws: &[&str]| f.split(' ').any(|w| ws.contains(&w));
    let moderat = |f: &str| f.split(' ').any(|w| w.starts_with("moderat"));
    let by = folded.iter().position(|f| moderat(f) && !words(f, &["date", "grade", "judgement", "judgment", "rating", "outcome"]));
    let on = folded.iter().position(|f| moderat(f) && words(f, &["date", "on"]));
    (by.is_some() || on.is_some()).then_some((by, on))
}

/// Whether a challenge's outcome says it was not upheld ("Not upheld",
/// "Rejected", "Dismissed": the auditor's grade stands).
pub fn not_upheld(outcome: &str) -> bool {
    let f = fold(outcome);
    f.starts_with("not upheld") || f.starts_with("rejected") || f.starts_with("dismissed")
}

/// Whether a challenge's outcome says it was upheld, wholly or in part
/// ("Upheld", "Partly upheld"; not "Not upheld").
pub fn upheld(outcome: &str) -> bool {
    let f = fold(outcome);
    (f.starts_with("upheld") || f.starts_with("partly upheld") || f.starts_with("partially upheld") || f.starts_with("upheld in part"))
        && !f.contains("not upheld")
}

/// Whether a challenge was upheld only in part ("Partly upheld", "Upheld in
/// part"): no word on the grade itself, which its revised grade then says.
pub fn upheld_in_part(outcome: &str) -> bool {
    let f = fold(outcome);
    upheld(outcome) && (f.starts_with("partly") || f.starts_with("partially") || f.starts_with("upheld in part"))
}

/// The reason given for each row of such a table (set aside by design).
pub const NOT_CASE_FILE: &str = "not a case file audit (skipped)";

/// The finding's text: what the table is, what that means, and how to read
/// it anyway if the guess is wrong.
pub fn explain(why: &str, rows: u64, file: &str, sheet: Option<&str>) -> String {
    let rows = if rows == 1 { "its 1 row is".to_string() } else { format!("its {rows} rows are") };
    let sheet = sheet.map(|s| format!(", sheet = \"{s}\"")).unwrap_or_default();
    let name = std::path::Path::new(file).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    format!(
        "skipped: {why}, which are not children's case file audits, so {rows} not read as audits, actions or case notes. If it does hold case file audits, pin it in the config: [[sources]] file = \"{name}\"{sheet}, kind = \"audits\""
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32, cells: &[&str]) -> SourceRow {
        SourceRow { row: n, cells: cells.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::text(c) }).collect() }
    }

    fn why(file: &str, sheet: Option<&str>, rows: &[SourceRow], header: Option<usize>) -> Option<String> {
        not_case_files(file, sheet, rows, header).map(|f| f.why)
    }

    #[test]
    fn a_name_marked_not_to_be_used() {
        for (t, want) in [
            ("ARCHIVED – do not use", true),
            ("ARCHIVED – do not use. Superseded copies kept for the audit trail (PPRI Officer, 15/09/2026).", true),
            ("Audits OLD - do not use", true),
            ("Superseded copies", true),
            ("Not to be used", true),
            ("Please do not use the old codes (see key)", false),
            ("Audit tracker – not to be used after 31/08/2026", false),
            ("Superseded by re-audit", false),
            ("Archive", false),
        ] {
            assert_eq!(marked_not_to_use(t), want, "{t}");
        }
    }

    #[test]
    fn a_title_that_names_one_test_client_is_no_name_of_the_whole_table() {
        // Blind set 157's thornmere: the contacts export is read, and only
        // the client it names is a trainer's.
        let table = |title: &str| {
            vec![row(1, &[title]), row(2, &["Client ID", "Contact type", "Contact date"]), row(3, &["63001", "Visit to Child (CP)", "27/08/2026"])]
        };
        let t = table("CareFirst extract: child contacts 01/07/2026 - 31/10/2026 (client 63999 = training client)");
        assert_eq!(why("contacts.csv", None, &t, Some(1)), None);
        assert_eq!(declared_test_ids(&t, Some(1)), ["63999"]);
        assert_eq!(declared_test_ids(&table("Contacts extract; 70001 and C-7002 are test clients"), Some(1)), ["70001", "C-7002"]);
        // (A CSV's title with a comma comes as two cells; review 250's c17.)
        let split = [row(1, &["Contacts (training client 63999 set up 2026", " removed 01/10/2026)"]), row(2, &["Client ID", "Contact date"])];
        assert_eq!(declared_test_ids(&split, Some(1)), ["63999"]);
        assert!(why("contacts.csv", None, &table("Training records 2026-27"), Some(1)).is_some());
        assert!(why("contacts.csv", None, &table("(Training records)"), Some(1)).is_some());
        for none in [
            "CareFirst extract: child contacts 01/07/2026 - 31/10/2026",
            "Test extract 2026-10-31",
            "Training 2026 (run 31-10-2026)",
            "Contacts (client 63999 = a foster carer)",
            "Contacts: the training team asked for clients 63001, 63002, 63003 to be checked again by the end of the week",
            "Clients 63001, 63002 for training team review",
        ] {
            assert!(declared_test_ids(&table(none), Some(1)).is_empty(), "{none}");
        }
    }

    #[test]
    fn names_and_titles_that_say_another_kind_of_record() {
        let table = [row(1, &["Child ID", "Date", "Grade"]), row(2, &["C1", "01/09/2026", "Good"])];
        for sheet in [
            "Practice observations",
            "Neglect thematic Oct 26",
            "Dip sample - neglect",
            "Supervision record",
            "Supervision audits",
            "Training attendance",
            "Practice days",
        ] {
            assert!(why("QA.xlsx", Some(sheet), &table, Some(0)).is_some(), "{sheet}");
        }
        for file in ["Foster Carer File Audit - FC2231 - Sep 2026.docx", "Practice observations log 2026-27.xlsx", "Practice day write-up - 17 Sep.docx"] {
            assert!(why(file, None, &table, Some(0)).is_some(), "{file}");
        }
        let form = [row(1, &["Staff/Meeting Audit Template"]), row(2, &["Practice or Meeting Observation Record:"]), row(3, &["Observer Name:", "A Person"])];
        assert!(why("Observation - LM.docx", None, &form, None).unwrap().contains("practice observations"));
        // A log with no telling name: its columns name the worker observed.
        let log = [row(1, &["Observer", "Date", "Client ID", "Worker observed", "Grade"])];
        assert!(why("QA log.xlsx", Some("Sheet1"), &log, Some(0)).is_some());
        let log = [row(1, &["Observed by", "Date of observation", "Child ID", "Grade"])];
        assert!(why("QA.xlsx", Some("Obs log"), &log, Some(0)).is_some());
        assert!(why("QA.xlsx", Some("Data"), &log, Some(0)).is_some());
        // A kind's own name may say "audit".
        for sheet in ["Neglect thematic audit", "Supervision audits", "Dip sample audits"] {
            assert!(why("QA.xlsx", Some(sheet), &table, Some(0)).is_some(), "{sheet}");
        }
        // The reviewing officers' and conference chairs' own QA (blind set 62).
        for sheet in ["CP Chair midway reviews", "IRO escalations", "Good practice notes"] {
            assert!(why("QA.xlsx", Some(sheet), &table, Some(0)).is_some(), "{sheet}");
        }
        for sheet in ["Dissent log", "Challenges", "Challenge log"] {
            assert!(why("QA.xlsx", Some(sheet), &table, Some(0)).is_some(), "{sheet}");
        }
        for file in [
            "IRO practice alerts and good practice 2026.xlsx",
            "CP chairs midway review QA 2026.csv",
            "IRO dispute resolution log.csv",
            "Audit challenge log 2026-27.xlsx",
        ] {
            assert!(why(file, None, &table, Some(0)).is_some(), "{file}");
        }
    }

    #[test]
    fn audits_and_case_notes_are_read_as_usual() {
        let table = [row(1, &["Child ID", "Date", "Grade"])];
        // CareFirst calls its case notes observations.
        for (file, sheet) in [
            ("Observations export.csv", None),
            ("Learning Audit - KW51010.docx", None),
            ("Audits and practice observations.xlsx", Some("Audits")),
            ("Case file audits.xlsx", Some("Sep-Oct")),
            ("Audit tracker.xlsx", Some("Tracker")),
            ("Supervisor sign-off.xlsx", Some("Actions")),
            // Review 30: names that also name audits.
            ("Audits - new auditors training cohort.xlsx", Some("Sheet1")),
            ("Actions from audits and practice observations.xlsx", Some("Sheet1")),
            ("Young carers file audits.xlsx", Some("Sheet1")),
            ("Thematic learning from auditing.xlsx", Some("Sheet1")),
            ("Audits - IRO team.xlsx", Some("Sheet1")),
            ("Case file audits.xlsx", Some("Good practice")),
            ("Audit challenge - moderation log.csv", None),
            ("Challenge moderation - C1.docx", None),
        ] {
            assert_eq!(why(file, sheet, &table, Some(0)), None, "{file} {sheet:?}");
        }
        // A learning audit's title, and a line of prose, are no sign.
        let form = [row(1, &["Learning Audit Template"]), row(2, &["Overview:"]), row(3, &["Date of the Audit", "16/07/2026"])];
        assert_eq!(why("KW51010.docx", None, &form, None), None);
        // Audits named first, another kind further down the form; a shadowing
        // observer in a file named for audits; "Observer" as a value, not a column.
        let form = [row(1, &["Case File Audit Tool"]), row(2, &["Section 2: Direct observation of practice"]), row(3, &["Child ID:", "C1"])];
        assert_eq!(why("C1.docx", None, &form, None), None);
        let shadow = [row(1, &["Child ID", "Date", "Grade", "Observer"])];
        assert_eq!(why("Case file audits.csv", None, &shadow, Some(0)), None);
        let value = [row(1, &["Child ID", "Role"]), row(2, &["C1", "Observer"])];
        assert_eq!(why("QA.xlsx", Some("Sheet1"), &value, Some(0)), None);
        let heading = [row(1, &["Thematic learning from audits - September/October 2026"]), row(2, &["Child ID", "Date", "Grade"])];
        assert_eq!(why("Learning.xlsx", Some("Sep-Oct"), &heading, Some(1)), None);
        let prose = [row(1, &["Reflect on the practice observations made during the visit and say what was learned from them in supervision"])];
        assert_eq!(why("form.docx", None, &prose, None), None);
    }
}
