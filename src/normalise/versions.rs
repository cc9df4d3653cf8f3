//! Which of two exports is the later one, from their file names: the same
//! report run again ("run 01-10-2026", "run 02-11-2026"), or a return sent
//! again ("Sep 2026", "Sep 2026 v2 CORRECTED"). An audit found in both is the
//! later export's version: it holds the edits made since.

use super::fold::fold;
use chrono::NaiveDate;
use std::cmp::Ordering;

/// Words in a file name that say it replaces an earlier copy.
const CORRECTION_WORDS: [&str; 9] = ["corrected", "correction", "revised", "amended", "updated", "resubmitted", "resubmission", "replacement", "replaces"];

/// Whether a file's name says it corrects an earlier copy ("updated",
/// "amended", "revised", …).
pub fn says_correction(path: &str) -> bool {
    fold(stem(path)).split(' ').any(|w| CORRECTION_WORDS.contains(&w))
}

thread_local! {
    /// Download copies of one name ("Export (1)", "Export (2)") whose tables'
    /// headers differ: two reports each downloaded once, not one report
    /// downloaded twice (set for the folder being read: see [`DownloadCopies`]).
    static DIFFERENT_REPORTS: std::cell::RefCell<std::collections::HashSet<(String, String)>> = Default::default();
}

/// The folder's download copies that hold different reports, known to
/// [`later_export`] on this thread while this lives.
pub struct DownloadCopies;

impl DownloadCopies {
    /// `pairs`: the two files' shown paths, each pair once in either order.
    pub fn set(pairs: std::collections::HashSet<(String, String)>) -> DownloadCopies {
        DIFFERENT_REPORTS.with(|d| *d.borrow_mut() = pairs);
        DownloadCopies
    }
}

impl Drop for DownloadCopies {
    fn drop(&mut self) {
        DIFFERENT_REPORTS.with(|d| d.borrow_mut().clear());
    }
}

/// The files named as download copies of another file of `files`' ("Export
/// (2).xlsx" beside "Export (1).csv" or "Export.xlsx"), grouped by their name
/// without the copy's number.
pub fn download_groups<'p>(files: &[(&'p std::path::Path, String)]) -> Vec<Vec<&'p std::path::Path>> {
    let mut groups: std::collections::BTreeMap<(String, String), Vec<&std::path::Path>> = Default::default();
    for (path, shown) in files {
        let dir = path.parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
        let (base, _) = download_copy(stem(shown));
        groups.entry((dir, fold(base))).or_default().push(path);
    }
    groups.into_values().filter(|g| g.len() >= 2 && g.iter().any(|p| download_copy(stem(&p.to_string_lossy())).1 > 0)).collect()
}

/// Whether two tables' header rows (folded names) are one report's: most of
/// their names are shared (a later download may add or drop a column).
pub fn same_report(a: &[String], b: &[String]) -> bool {
    let (a, b): (std::collections::BTreeSet<&String>, std::collections::BTreeSet<&String>) = (a.iter().collect(), b.iter().collect());
    let (shared, all) = (a.intersection(&b).count(), a.union(&b).count());
    all > 0 && shared * 5 >= all * 3
}

/// The file name without its folder or extension.
fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// The last date written in a file name (an export's run date, or the end of
/// the range it covers): day first (`02-11-2026`, `30.09.26`), ISO
/// (`2026-11-06`) or run together (`20261106`).
fn last_date(name: &str) -> Option<NaiveDate> {
    let groups: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in name.char_indices() {
            match (c.is_ascii_digit(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    v.push((s, &name[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            v.push((s, &name[s..]));
        }
        v
    };
    let year = |y: &str| -> Option<i32> {
        let n: i32 = y.parse().ok()?;
        match y.len() {
            4 => Some(n),
            2 => Some(2000 + n),
            _ => None,
        }
    };
    let ymd = |y: &str, m: &str, d: &str| NaiveDate::from_ymd_opt(year(y)?, m.parse().ok()?, d.parse().ok()?);
    let mut found = None;
    // Three groups joined by one separator each ("-", ".", "_", " ").
    for w in groups.windows(3) {
        let (a, b, c) = (w[0], w[1], w[2]);
        let joined =
            |x: (usize, &str), y: (usize, &str)| y.0 == x.0 + x.1.len() + 1 && name[x.0 + x.1.len()..y.0].chars().all(|s| matches!(s, '-' | '.' | '_' | ' '));
        if !joined(a, b) || !joined(b, c) {
            continue;
        }
        let d = if a.1.len() == 4 && b.1.len() <= 2 && c.1.len() <= 2 {
            ymd(a.1, b.1, c.1)
        } else if a.1.len() <= 2 && b.1.len() <= 2 {
            ymd(c.1, b.1, a.1)
        } else {
            None
        };
        if d.is_some() {
            found = d;
        }
    }
    // Run together: year first ("20261106"), else day first ("30102026").
    for &(_, g) in &groups {
        if g.len() == 8 {
            let year_first = g.starts_with("20").then(|| ymd(&g[..4], &g[4..6], &g[6..])).flatten();
            let day_first = || g[4..].starts_with("20").then(|| ymd(&g[4..], &g[2..4], &g[..2])).flatten();
            if let Some(d) = year_first.or_else(day_first) {
                found = Some(d);
            }
        }
    }
    found
}

/// The last date written with a month's name in a file name ("28 Sept 2026",
/// "Oct 2026", "September 2026"; "Sep 26"): its day, else the month's first.
fn named_date(name: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // (Else words run together, split where letters meet digits and where a
    // lower-case letter meets a capital: "Returns_September2026",
    // "Returns_JulAug2026", "Contacts_from28Sep2026"; blind set 204. Only a
    // year of four digits there: "Oct15" is the 15th, not 2015; review 265.)
    dated_words(&words, false).or_else(|| dated_words(&words.iter().copied().flat_map(run_together).collect::<Vec<_>>(), true))
}

/// The last month-and-year date in `words` (with its day where the word
/// before gives one); with `four_digit_years`, only a year written in full.
fn dated_words(words: &[&str], four_digit_years: bool) -> Option<NaiveDate> {
    use crate::ingest::cell::{month_from_name, year_of};
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        let year = |y: &&str| if four_digit_years && y.len() != 4 { None } else { year_of(y) };
        let Some((m, year)) = month_from_name(w).zip(words.get(i + 1).and_then(year)) else { continue };
        let day =
            i.checked_sub(1).and_then(|j| words[j].trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
        found = NaiveDate::from_ymd_opt(year, m, day.unwrap_or(1)).or(found);
    }
    found
}

/// A word's parts where letters meet digits, or a lower-case letter a capital.
fn run_together(word: &str) -> impl Iterator<Item = &str> {
    let b = word.as_bytes();
    let cuts: Vec<usize> =
        (1..b.len()).filter(|&i| b[i - 1].is_ascii_digit() != b[i].is_ascii_digit() || (b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase())).collect();
    std::iter::once(0).chain(cuts.clone()).zip(cuts.into_iter().chain(std::iter::once(b.len()))).map(move |(from, to)| &word[from..to])
}

/// A name without a download's copy number ("QA audits export (1)": the
/// second download of "QA audits export"), and that number (0 for none).
///
/// Microsoft Forms names its downloads by the responses they hold: "Tier 2
/// audit(1-37)", then "Tier 2 audit(1-44)": the one reaching the later
/// response is the later download.
fn download_copy(stem: &str) -> (&str, u32) {
    let number = |n: &str| n.parse::<u32>().ok();
    let copy = stem.strip_suffix(')').and_then(|s| s.rsplit_once('(')).and_then(|(base, inside)| match inside.split_once('-') {
        Some((from, to)) => Some((base.trim_end(), number(from).and(number(to))?)),
        None if base.ends_with(' ') => Some((base.trim_end(), number(inside)?)),
        None => None,
    });
    copy.unwrap_or((stem, 0))
}

/// Whether export `b` is the file a copy `a` was taken of (`Greater`: "Copy
/// of X" then "X"), or the copy of `a` (`Less`): the file itself is the one
/// kept up to date. Weighed after whether either records the audit as done
/// (someone may have worked on in the copy).
pub fn copy_taken(a: &str, b: &str) -> Option<Ordering> {
    let (a, b) = (stem(a), stem(b));
    match (copy_of(a), copy_of(b)) {
        (Some(x), None) if fold(x) == fold(b) => Some(Ordering::Greater),
        (None, Some(y)) if fold(y) == fold(a) => Some(Ordering::Less),
        _ => None,
    }
}

thread_local! {
    /// When each workbook read says it was last saved ([`saved_at`]), looked up once a file.
    static SAVED: std::cell::RefCell<std::collections::HashMap<String, Option<String>>> = Default::default();
}

/// When a workbook says it was last saved: its `docProps/core.xml`'s
/// `dcterms:modified` ("2027-01-31T09:30:00Z"), to the second, as text that
/// sorts by time. None for any other file, or a time not written so.
fn saved_at(path: &str) -> Option<String> {
    SAVED.with(|m| {
        m.borrow_mut()
            .entry(path.to_string())
            .or_insert_with(|| {
                let lower = path.to_ascii_lowercase();
                if !(lower.ends_with(".xlsx") || lower.ends_with(".xlsm")) {
                    return None;
                }
                let xml = crate::ingest::workbook::zip_part(std::path::Path::new(path), "docProps/core.xml", 64 * 1024)?;
                let at = xml.find("<dcterms:modified")?;
                let rest = &xml[at..];
                let value = &rest[rest.find('>')? + 1..];
                let value = value[..value.find('<')?].trim();
                let stamp = value.get(..19)?;
                let shape = stamp.bytes().enumerate().all(|(i, b)| match i {
                    4 | 7 => b == b'-',
                    10 => b == b'T',
                    13 | 16 => b == b':',
                    _ => b.is_ascii_digit(),
                });
                shape.then(|| stamp.to_string())
            })
            .clone()
    })
}

/// Whether workbook `b` was saved later (`Greater`) or earlier (`Less`)
/// than workbook `a`, where both say when and the times differ ("copy of
/// LA tracker" saved 18/12, "copy of copy of LA tracker" saved 31/01: the
/// copy is the one kept up; blind set 197's marlowmere).
pub fn saved_later(a: &str, b: &str) -> Option<Ordering> {
    let (x, y) = (saved_at(a)?, saved_at(b)?);
    (x != y).then(|| y.cmp(&x))
}

/// The name a copy was taken of: "Copy of X", "X - Copy", "X (copy)",
/// "X copy" (as Excel, Windows and Google Drive name a copy).
fn copy_of(stem: &str) -> Option<&str> {
    let t = stem.trim();
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("copy of ") {
        return Some(t[8..].trim());
    }
    [" - copy", " (copy)", " copy", "_copy", "-copy"].iter().find(|s| lower.ends_with(*s)).map(|s| t[..t.len() - s.len()].trim_end())
}

/// A version number written in a file name ("v2", "version 3", "rev 2").
fn version(folded: &str) -> Option<u32> {
    let words: Vec<&str> = folded.split(' ').collect();
    words.iter().enumerate().find_map(|(i, w)| {
        w.strip_prefix('v')
            .and_then(|n| n.parse().ok())
            .or_else(|| matches!(*w, "version" | "rev" | "revision" | "issue").then(|| words.get(i + 1)?.parse().ok()).flatten())
    })
}

/// Whether export `b` is later (`Greater`) or earlier (`Less`) than export
/// `a`, when their names say: a later date written in the name, else a higher
/// version number, else a word saying it corrects an earlier copy. `None`
/// when the names do not say.
pub fn later_export(a: &str, b: &str) -> Option<Ordering> {
    let (path_a, path_b) = (a, b);
    let (a, b) = (stem(a), stem(b));
    // The same file downloaded again: the browser names the copies "name (1)", "name (2)".
    let ((base_a, na), (base_b, nb)) = (download_copy(a), download_copy(b));
    let different = || DIFFERENT_REPORTS.with(|d| d.borrow().contains(&(path_a.to_string(), path_b.to_string())));
    if na != nb && fold(base_a) == fold(base_b) && !different() {
        return Some(nb.cmp(&na));
    }
    let dated = |n: &str| last_date(n).or_else(|| named_date(n));
    if let (Some(da), Some(db)) = (dated(a), dated(b)) {
        if da != db {
            return Some(db.cmp(&da));
        }
    }
    let (fa, fb) = (fold(a), fold(b));
    let (va, vb) = (version(&fa), version(&fb));
    if va.is_some() || vb.is_some() {
        let (va, vb) = (va.unwrap_or(1), vb.unwrap_or(1));
        if va != vb {
            return Some(vb.cmp(&va));
        }
    }
    let corrects = |f: &str| f.split(' ').any(|w| CORRECTION_WORDS.contains(&w));
    if let Some(o) = old_and_new(&fa, &fb) {
        return Some(o);
    }
    match (corrects(&fa), corrects(&fb)) {
        (false, true) => Some(Ordering::Greater),
        (true, false) => Some(Ordering::Less),
        // Last, a copy put away in a folder for old versions ("old/", "Archive/").
        _ => match (archived(path_a), archived(path_b)) {
            (true, false) => Some(Ordering::Greater),
            (false, true) => Some(Ordering::Less),
            _ => None,
        },
    }
}

/// One tracker's name saying "old" and the other's "new", the two names the
/// same in their first two other words ("Learning Audit Tracker 2026-27 OLD
/// STRUCTURE" and "Learning Audit Tracker NEW STRUCTURE from 01-10-2026":
/// a tracker started again after a restructure, its rows copied across;
/// blind set 170): the new is the later. Not two tools' exports named
/// otherwise ("Old audit tracker", "New audit tool export": a move between
/// tools, paired by the rows' own words).
fn old_and_new(fa: &str, fb: &str) -> Option<Ordering> {
    let says = |f: &str, w: &str| f.split(' ').any(|x| x == w);
    let head = |f: &str| f.split(' ').filter(|w| !matches!(*w, "old" | "new") && !w.is_empty()).take(2).collect::<Vec<_>>().join(" ");
    if head(fa).split(' ').count() < 2 || head(fa) != head(fb) {
        return None;
    }
    match ((says(fa, "old"), says(fa, "new")), (says(fb, "old"), says(fb, "new"))) {
        ((true, false), (false, true)) => Some(Ordering::Greater),
        ((false, true), (true, false)) => Some(Ordering::Less),
        _ => None,
    }
}

/// Whether export `b` is a revision of export `a`: the same name but for a
/// version number or a word saying it corrects or finalises ("Returns to
/// 31-08-2026" and "Returns to 31-08-2026 v2 corrected"; "QA return Sept 26
/// v1" and "QA return Sept 26 FINAL"), and the later by them. A revision is
/// the whole report sent again, not the rows added since.
pub fn revision_of(a: &str, b: &str) -> bool {
    let base = |path: &str| -> String {
        let f = fold(download_copy(stem(path)).0);
        let words: Vec<&str> = f.split(' ').collect();
        let mut kept = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            if matches!(w, "version" | "rev" | "revision") && words.get(i + 1).is_some_and(|n| n.parse::<u32>().is_ok()) {
                i += 2;
                continue;
            }
            let numbered = w.strip_prefix('v').is_some_and(|n| !n.is_empty() && n.parse::<u32>().is_ok());
            if !(numbered || CORRECTION_WORDS.contains(&w) || matches!(w, "final" | "draft")) {
                kept.push(w);
            }
            i += 1;
        }
        kept.join(" ")
    };
    let (ba, bb) = (base(a), base(b));
    !ba.is_empty() && ba == bb && fold(stem(a)) != fold(stem(b)) && later_export(a, b) == Some(Ordering::Greater)
}

/// Whether a file sits in a folder named for old versions ("old", "Archive",
/// "superseded", "previous versions").
fn archived(path: &str) -> bool {
    let folders: Vec<&str> = path.split(['/', '\\']).collect();
    folders[..folders.len().saturating_sub(1)]
        .iter()
        .any(|f| matches!(fold(f).as_str(), "old" | "archive" | "archived" | "superseded" | "previous versions" | "old versions" | "older versions"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revision_is_the_same_name_with_a_version_or_a_correction() {
        assert!(revision_of("a/Learning audit returns 2026 to 31-08-2026.xlsx", "a/Learning audit returns 2026 to 31-08-2026 v2 corrected.xlsx"));
        assert!(revision_of("a/QA return Sept 26 v1.xlsx", "b/QA return Sept 26 v2.xlsx"));
        assert!(revision_of("QA return Sept 26.xlsx", "QA return Sept 26 (amended).xlsx"));
        assert!(!revision_of("QA return Sept 26 v2.xlsx", "QA return Sept 26 v1.xlsx"), "the earlier is no revision of the later");
        assert!(!revision_of("Returns to 31-08-2026.xlsx", "Returns to 31-10-2026.xlsx"), "a later run is not a revision");
        assert!(!revision_of("Tracker Sep.xlsx", "Tracker Oct v2.xlsx"));
        assert!(!revision_of("v1.xlsx", "v2.xlsx"), "nothing of the name left");
    }

    #[test]
    fn download_copies_are_one_report_only_where_their_headers_are() {
        let h = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let tracker = h(&["case id", "district", "date", "overall judgement of the case file"]);
        let actions = h(&["case id", "date", "overall judgement of the case file", "action", "who", "date reviewed", "completed comments"]);
        assert!(!same_report(&tracker, &actions), "a tracker and an action log");
        assert!(same_report(&tracker, &h(&["case id", "district", "date", "overall judgement of the case file", "moderated"])), "a column added");
        assert_eq!(later_export("x/Export (1).xlsx", "x/Export (2).xlsx"), Some(Ordering::Greater));
        {
            let _known = DownloadCopies::set([("x/Export (1).xlsx".to_string(), "x/Export (2).xlsx".to_string())].into_iter().collect());
            assert_eq!(later_export("x/Export (1).xlsx", "x/Export (2).xlsx"), None, "two reports");
        }
        assert_eq!(later_export("x/Export (1).xlsx", "x/Export (2).xlsx"), Some(Ordering::Greater), "known only while the folder is read");
        let files = [std::path::Path::new("x/Export (1).xlsx"), std::path::Path::new("x/Export (2).csv"), std::path::Path::new("x/Audits.xlsx")];
        let shown: Vec<(&std::path::Path, String)> = files.iter().map(|p| (*p, p.to_string_lossy().to_string())).collect();
        assert_eq!(download_groups(&shown), vec![vec![files[0], files[1]]]);
    }

    #[test]
    fn a_month_run_into_its_year_or_another_month_dates_a_name() {
        use Ordering::*;
        assert_eq!(named_date("Tier2_Returns_September2026"), Some(crate::calendar::date(2026, 9, 1)));
        assert_eq!(named_date("Tier2_Returns_JulAug2026"), Some(crate::calendar::date(2026, 8, 1)), "a range: its last month");
        assert_eq!(named_date("ICS_Contacts_from28Sep2026"), Some(crate::calendar::date(2026, 9, 28)));
        assert_eq!(later_export("b/Tier2 returns - Oct 2026.xlsx", "b/Tier2_Returns_September2026.xlsx"), Some(Less));
        assert_eq!(later_export("b/Tier2_Returns_JulAug2026.csv", "b/Tier2_Returns_September2026.xlsx"), Some(Greater));
        assert_eq!(named_date("Tier2 audits"), None, "a digit in a word is no date");
        // (Review 265's c03: a day written "14th" keeps its day; "Oct15" is
        // no year.)
        assert_eq!(named_date("Audit tracker 14th Sept 2026"), Some(crate::calendar::date(2026, 9, 14)));
        assert_eq!(named_date("Audit tracker 28th Sept 2026"), Some(crate::calendar::date(2026, 9, 28)));
        assert_eq!(named_date("QA_Returns_Oct15"), None);
        assert_eq!(named_date("QA_Returns_Sep30"), None);
    }

    #[test]
    fn a_copy_taken_of_a_file_is_the_earlier() {
        use Ordering::*;
        assert_eq!(copy_taken("Copy of KSS Case Audit Tracker 2026.xlsx", "KSS Case Audit Tracker 2026.xlsx"), Some(Greater));
        assert_eq!(copy_taken("x/Tracker.xlsx", "x/Tracker - Copy.xlsx"), Some(Less));
        assert_eq!(copy_taken("Tracker (copy).xlsx", "Tracker.xlsx"), Some(Greater));
        assert_eq!(copy_taken("Copy of tracker Sep.xlsx", "Tracker Oct.xlsx"), None);
        assert_eq!(later_export("Copy of Tracker.xlsx", "Tracker.xlsx"), None, "weighed after completion");
    }

    #[test]
    fn a_later_run_date_a_higher_version_or_a_correction_is_later() {
        use Ordering::*;
        let cases = [
            ("KSS audit report - run 01-10-2026.csv", "KSS audit report - run 02-11-2026.csv", Some(Greater)),
            ("exports/KSS audit report - run 02-11-2026.csv", "KSS audit report - run 01-10-2026.csv", Some(Less)),
            ("audits 2026-10-01.xlsx", "audits 2026-11-06.xlsx", Some(Greater)),
            ("audits_20261106.csv", "audits_20261001.csv", Some(Less)),
            // Run together day first (a UK system's ddmmyyyy).
            ("QA audits export 01102026.csv", "QA audits export 30102026.csv", Some(Greater)),
            ("QA audits export 20102026.csv", "QA audits export 20261001.csv", Some(Less)),
            ("tracker closed 30.09.26.xlsx", "tracker export 2026-11-06.csv", Some(Greater)),
            ("Tier2 audit returns Sep 2026.xlsx", "Tier2 audit returns Sep 2026 v2 CORRECTED.xlsx", Some(Greater)),
            ("returns v3.xlsx", "returns v2.xlsx", Some(Less)),
            ("returns version 2.xlsx", "returns.xlsx", Some(Less)),
            ("Sept audits.xlsx", "Sept audits (revised).xlsx", Some(Greater)),
            ("Sept audits amended.xlsx", "Sept audits.xlsx", Some(Less)),
            // Nothing in the names says which is later.
            ("north team audits.xlsx", "south team audits.xlsx", None),
            ("Sep 2026.xlsx", "Sep 2026.csv", None),
            ("audits v1.xlsx", "audits.xlsx", None),
            // A date range: its end is the date compared.
            ("notes 01-07-2026 to 11-09-2026.csv", "notes 01-07-2026 to 06-11-2026.csv", Some(Greater)),
            // Downloaded again: "(1)" is the second download, "(2)" the third.
            ("QA audits export.xlsx", "QA audits export (1).xlsx", Some(Greater)),
            ("old/QA audits export (2).xlsx", "QA audits export (1).xlsx", Some(Less)),
            ("KSS audit report Sep 26 (1).csv", "KSS audit report Sep 26.csv", Some(Less)),
            ("QA audits export (1).xlsx", "Actions export (2).xlsx", None),
            ("Team (North).xlsx", "Team.xlsx", None),
            // Microsoft Forms downloads: the responses they reach.
            ("Tier 2 Case File Audit (CLA and Leaving Care)(1-37).xlsx", "Tier 2 Case File Audit (CLA and Leaving Care)(1-44).xlsx", Some(Greater)),
            ("old/Tier 2 audit(1-24).xlsx", "Tier 2 audit(1-37).xlsx", Some(Greater)),
            ("Tier 2 audit 2025-26(1-48).xlsx", "Tier 2 audit(1-44).xlsx", None),
            // Dates with a month's name.
            ("Audit returns 28 Sept 2026.csv", "Audit returns 5 Oct 2026.csv", Some(Greater)),
            ("CP register Oct 2026.xlsx", "CP register Sep 2026 v2.xlsx", Some(Less)),
            ("returns September 2026.xlsx", "returns August 2026.xlsx", Some(Less)),
            ("Learning audit log Sep-Oct 26 v2.xlsx", "Learning audit log Sep-Oct 26 v3 FINAL.xlsx", Some(Greater)),
            // A copy in a folder for old versions is the earlier.
            ("exports/old/Tier 2 actions tracker - Sept.xlsx", "exports/Tier 2 actions tracker.xlsx", Some(Greater)),
            ("Archive\\tracker.xlsx", "tracker.xlsx", Some(Greater)),
            ("old stuff/tracker.xlsx", "tracker.xlsx", None),
        ];
        for (a, b, want) in cases {
            assert_eq!(later_export(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn numbers_that_are_not_dates_are_not_read_as_dates() {
        assert_eq!(last_date("Q12 audit 2026"), None);
        assert_eq!(last_date("team 3-4-5"), None);
        assert_eq!(last_date("export 31-02-2026"), None);
        assert_eq!(last_date("run 2-11-2026"), NaiveDate::from_ymd_opt(2026, 11, 2));
    }
}
