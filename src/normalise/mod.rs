//! Normalise knows the domain: scales, labels, the crosswalk, the canonical
//! model and the data-quality findings. It knows nothing of output formats.

mod board;
pub mod casenotes_fast;
pub mod colkey;
pub mod columns;
mod combined;
pub mod config;
pub mod corrections;
pub mod coverage;
mod ditto;
mod events;
pub mod findings;
pub mod fold;
mod formgrid;
mod forms;
mod gradekey;
mod grid;
mod groups;
pub mod identity;
pub mod join;
pub mod joined;
mod labels;
pub mod long;
mod lookalike;
mod merge;
mod migrated;
pub mod model;
mod parts;
pub mod pins;
pub mod plans;
pub mod plausible;
pub mod recognise;
pub mod scales;
pub mod sections;
pub mod table;
pub mod timescale;
pub mod versions;
mod yearless;

pub use config::Config;
pub use findings::{Finding, Severity};
pub use model::*;
pub use table::TableReport;

use crate::ingest::{self, Skipped};
use scales::Crosswalk;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// The result of reading every input.
#[derive(Debug, Default)]
pub struct Normalised {
    pub model: Model,
    pub tables: Vec<TableReport>,
    pub findings: Vec<Finding>,
    pub skipped: Vec<Skipped>,
    /// Files that could not be opened at all.
    pub failed_files: Vec<String>,
    /// KPIs the exports cannot make, and why ([`coverage::unmakeable`]): kept
    /// for a team's own analysis too.
    pub unmakeable: Vec<(&'static str, &'static str)>,
    /// The latest plausible event date of any case note read: a period that
    /// starts after it is one the case-note exports do not cover (kept for a
    /// team's own analysis too).
    pub notes_end: Option<chrono::NaiveDate>,
    /// The earliest plausible event date of any case note read: a visit before
    /// it is not in the exports, so a child on a plan before then has no known
    /// last visit before it (kept for a team's own analysis too).
    pub notes_start: Option<chrono::NaiveDate>,
    /// The latest plausible date that something happened in the audit
    /// records (an audit allocated, completed or moderated; an action set or
    /// signed off): a period that starts after it is one the audit exports do
    /// not cover (kept for a team's own analysis too).
    pub audits_end: Option<chrono::NaiveDate>,
}

impl Normalised {
    /// Whether any file or table could not be used at all.
    pub fn has_errors(&self) -> bool {
        !self.failed_files.is_empty() || self.tables.iter().any(|t| t.failed)
    }

    /// Rows not used because of a problem in the data (never set-asides).
    pub fn rows_rejected(&self) -> u64 {
        self.tables.iter().map(|t| t.rows_rejected).sum()
    }

    /// Rows left out by design: blank, totals, duplicates, out-of-scope statuses.
    pub fn rows_set_aside(&self) -> u64 {
        self.tables.iter().map(|t| t.rows_set_aside).sum()
    }

    /// What `--strict` fails on: rejected rows, and warnings that change a KPI
    /// (an unknown grade, an unreadable date or answer, a table or column not
    /// used). Set-asides and notes never fail it.
    pub fn strict_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let rejected = self.rows_rejected();
        if rejected > 0 {
            out.push(format!("{rejected} rows rejected"));
        }
        for code in KPI_CHANGING_WARNINGS {
            let n = self.findings.iter().filter(|f| f.code == code && f.severity >= Severity::Warning).count();
            if n > 0 {
                out.push(format!("{n} {}", code.replace('_', " ")));
            }
        }
        out
    }
}

/// Warning codes whose values were blanked or not used, so a KPI moves.
pub const KPI_CHANGING_WARNINGS: [&str; 11] = [
    "unknown_label",
    "bad_date",
    "unknown_answer",
    "formula_error",
    "formula_not_calculated",
    "blank_overall",
    "table_not_recognised",
    "missing_column",
    "column_ambiguous",
    "moderation_unlinked",
    "quote_spans_rows",
];

/// Progress callback: (files done, files total, current file).
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize, &str);

/// Reads and normalises every input (files or folders). A file that cannot be
/// read is reported and the others are still read.
pub fn normalise_inputs(inputs: &[PathBuf], config: &Config, progress: Progress) -> Normalised {
    normalise_inputs_except(inputs, None, config, progress)
}

/// [`normalise_inputs`], never reading the run's `--out` folder (`out_dir`)
/// nor any other folder auditpack wrote (see [`ingest::discover`]).
pub fn normalise_inputs_except(inputs: &[PathBuf], out_dir: Option<&std::path::Path>, config: &Config, progress: Progress) -> Normalised {
    let crosswalk = Crosswalk::new(config);
    let ctx = table::Context::new(config, &crosswalk);
    let mut out = Normalised { model: Model { strings: Strings::new(), ..Default::default() }, ..Default::default() };
    let mut found = findings::Findings::default();
    let (files, mut skipped, errors) = ingest::discover(inputs, out_dir);
    let (files, twice) = read_once(files);
    skipped.extend(twice);
    // (Kept while the folder is read: which download copies are different reports.)
    let _downloads = versions::DownloadCopies::set(different_downloads(&files));
    for s in &skipped {
        let (severity, code) = skipped_severity(s);
        found.push(severity, code, &s.path, None, None, None, "", s.reason.clone());
        if severity == Severity::Error {
            out.failed_files.push(s.path.clone());
        }
    }
    out.skipped = skipped;
    for e in errors {
        found.push(Severity::Error, "file_error", &e.file, None, None, None, "", e.message.clone());
        out.failed_files.push(e.file);
    }
    let folder = folder_keys_and_lists(&files, config, &crosswalk, &mut found);
    *ctx.grade_keys.borrow_mut() = folder.grade_keys;
    *ctx.question_list.borrow_mut() = folder.question_list;
    *ctx.column_keys.borrow_mut() = folder.column_keys;
    *ctx.folder_labels.borrow_mut() = folder.labels;
    *ctx.keyed_corrections.borrow_mut() = folder_corrections(&files, &mut found);
    let total = files.len();
    *ctx.file_stems.borrow_mut() = files.iter().filter_map(|p| p.file_stem()).map(|s| s.to_string_lossy().to_string()).collect();
    *ctx.paths.borrow_mut() = files.iter().map(|p| (ingest::display_path(p), p.clone())).collect();
    // Small tabular files (a tracker kept a workbook or a CSV per team) are
    // opened first, for the header rows they share (their columns are
    // recognised on the rows of all of them); each is read from here, not
    // opened again.
    let mut early: HashMap<PathBuf, Result<ingest::Opened, String>> = HashMap::new();
    let small: Vec<&PathBuf> = files.iter().filter(|p| small_table_file(p)).collect();
    if small.len() >= 2 {
        // (Opened on two threads, half each, as the open-ahead thread would
        // have opened them beside the reading.)
        let half = small.len().div_ceil(2);
        let open_all = |paths: &[&PathBuf]| paths.iter().map(|p| ((*p).clone(), ingest::quietly(|| ingest::open_with_notes(p)))).collect::<Vec<_>>();
        let opened_all: Vec<(PathBuf, Result<ingest::Opened, String>)> = std::thread::scope(|s| {
            let second = std::thread::Builder::new().stack_size(8 << 20).spawn_scoped(s, || open_all(&small[half..]));
            let mut first = open_all(&small[..half]);
            match second.ok().and_then(|h| h.join().ok()) {
                Some(rest) => first.extend(rest),
                None => first.extend(open_all(&small[half..])),
            }
            first
        });
        let mut parts = Vec::new();
        for (path, mut opened) in opened_all {
            if let Ok(Ok((tables, _))) = &mut opened {
                parts.extend(table::header_parts(&ctx, tables));
            }
            early.insert(path, opened);
        }
        // (Grouped once here: each file read below uses the grouping as it is.)
        *ctx.shared_headers.borrow_mut() = table::shared_headers(&parts);
        *ctx.folder_headers.borrow_mut() = parts;
    }
    let opened_early: std::collections::HashSet<PathBuf> = early.keys().cloned().collect();
    // Workbooks are opened (unzipped and parsed into cells) one workbook ahead
    // on another thread, while this one reads the files before: a folder of
    // many workbooks takes both cores, and so does a large case-notes export
    // followed by workbooks. Text files stream, so they are opened here.
    // At most two opened workbooks are held at once, so a folder's peak memory
    // can be that of its two largest workbooks.
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Opened>(0);
        let ahead = &files;
        let opened_early = &opened_early;
        // The reader gets the main thread's stack size: a stack overflow inside a
        // reader library cannot be caught.
        let opener = std::thread::Builder::new().name("open-ahead".into()).stack_size(8 << 20);
        // Only workbooks are sent, in the files' order: while a large text file
        // is read here, the next workbook is already being opened there.
        let opens_ahead = |path: &PathBuf| ingest::is_workbook(path) && !opened_early.contains(path);
        // If no thread can be started, `tx` is dropped with it and every file is opened here.
        let _ = opener.spawn_scoped(s, move || {
            for path in ahead.iter().filter(|p| opens_ahead(p)) {
                if tx.send(ingest::quietly(|| ingest::open_with_notes(path))).is_err() {
                    return;
                }
            }
        });
        for (i, path) in files.iter().enumerate() {
            let shown = ingest::display_path(path);
            progress(i, total, &shown);
            let ahead = if opens_ahead(path) { rx.recv().ok() } else { None };
            let opened = early.remove(path).or(ahead).unwrap_or_else(|| ingest::quietly(|| ingest::open_with_notes(path)));
            // A panic inside a reader library while reading one file becomes that
            // file's error (rows read before it are kept); the other files are still read.
            if let Err(what) = opened.and_then(|opened| ingest::quietly(|| read_file(&ctx, opened, &shown, &mut out, &mut found))) {
                found.push(
                    Severity::Error,
                    "file_error",
                    &shown,
                    None,
                    None,
                    None,
                    "",
                    format!("the file could not be read: the reader failed on it ({what}). Open it and save it again, or export it as CSV"),
                );
                out.failed_files.push(shown.clone());
            }
        }
    });
    progress(total, total, "");
    // (An action list's audits, where no other table of audits was read.)
    out.tables.extend(table::read_listed_audits(&ctx, &mut out.model, &mut found));
    table::end_histories_across_parts(&ctx, &mut out.tables, &mut out.model, &mut found);
    corrections::not_made(&ctx.keyed_corrections.borrow(), &mut found);
    table::resolve_carried(&mut out.model);
    table::children_of_originals(&mut out.model, &mut found);
    out.model.row_keys = Default::default();
    out.model.audit_keys = Default::default();
    out.model.action_keys = Default::default();
    out.model.episode_keys = Default::default();
    out.model.note_ids = Default::default();
    out.model.no_completion = Default::default();
    let found_again = read_again(&out.model);
    keep_from_set_aside(&mut out, &mut found);
    drop_superseded_notes(&mut out, &mut found);
    drop_test_children(&mut out, &mut found);
    joint_entries(&ctx, &mut out.model);
    open_copies_returned(out.tables.as_slice(), &mut out.model);
    allocated_twice(&mut out.model);
    extracts_of_audits(&mut out.model, &out.tables);
    revised_away(&mut out.model, &out.tables, &found_again);
    drop_superseded(&mut out, &mut found);
    drop_reaudits_read_twice(&mut out.model, &mut found);
    read_codes_by_key(&mut out.model, &ctx, &mut found);
    split_group_notes(&mut out.model, &mut found);
    identity::canonicalise(&mut out.model, &mut found);
    joined_copies(&mut out.model, &mut found);
    apply_challenges(&mut out.model, &ctx, &mut found);
    drop_visits_read_twice(&mut out, &mut found);
    drop_drafts_held_in_full(&mut out, &mut found);
    join::parts_joined(&mut out.tables, &mut out.model, &mut found);
    join::forms_to_lists(&mut out.tables, &mut out.model, &mut found);
    // (Copies moved between two tools, once every child's id reads as one
    // and each two-part audit is joined.)
    if migrated::pair(&mut out.model, &mut found) > 0 {
        drop_superseded(&mut out, &mut found);
    }
    audit_dates_from_columns(&mut out.tables, &mut out.model, &mut found);
    link_actions(&mut out.model, &mut found);
    actions_without_due(&out.model, &mut found);
    let (moderated_tables, unlinked) = link_moderations(&mut out.model, &mut found);
    // (A log with rows that link to no audit read may be the record of a
    // table it could not reach: such a table is then left out, not "none moderated".)
    credit_moderation_log(&mut out.tables, &moderated_tables, unlinked == 0);
    out.unmakeable = coverage::unmakeable(&out.model);
    let today = crate::calendar::today();
    out.notes_end = out.model.case_notes.iter().map(|n| n.event).filter(|d| *d <= today).max();
    out.notes_start = notes_start(&out.model, today);
    out.audits_end = audits_end(&out.model, today);
    coverage::findings(&out.tables, &out.model, config, &mut found);
    plausible::flag(&out.model, today, &mut found);
    out.findings = found.list;
    out
}

/// How a file or folder not read is said: an archive that cannot be opened
/// or a folder that cannot be listed loses every file inside it (an error);
/// a file that may hold records (an old Word form, a PDF) is a warning; the
/// rest (a lock file, a hidden file) a note.
fn skipped_severity(s: &ingest::Skipped) -> (Severity, &'static str) {
    if s.reason.starts_with(ingest::ARCHIVE_FAILED) {
        (Severity::Error, "archive_unreadable")
    } else if s.reason.starts_with(ingest::FOLDER_FAILED) {
        (Severity::Error, "folder_unreadable")
    } else if s.may_hold_records() {
        (Severity::Warning, "file_not_read")
    } else {
        (Severity::Info, "file_skipped")
    }
}

/// Where the visits read begin: the earliest plausible event of the case-note
/// exports that hold statutory visits (a supervision log going back years does
/// not say the visits do), else of all case notes.
fn notes_start(model: &Model, today: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    // Per run of notes from one export (a file's notes come together, so
    // millions of notes make a few runs): whether it holds a statutory visit,
    // and its earliest plausible event.
    let mut runs: Vec<(u32, bool, Option<chrono::NaiveDate>)> = Vec::new();
    for n in &model.case_notes {
        match runs.last_mut() {
            Some(run) if run.0 == n.source => {}
            _ => runs.push((n.source, false, None)),
        }
        let Some(run) = runs.last_mut() else { continue };
        run.1 |= n.kind.is_statutory_visit();
        if crate::calendar::plausible_event(n.event, today) {
            run.2 = Some(run.2.map_or(n.event, |d| d.min(n.event)));
        }
    }
    let with_visits: std::collections::HashSet<u32, crate::fasthash::FxBuild> = runs.iter().filter(|r| r.1).map(|r| r.0).collect();
    runs.iter().filter(|r| with_visits.is_empty() || with_visits.contains(&r.0)).filter_map(|r| r.2).min()
}

/// The latest plausible date that something happened in the audit records
/// ([`Normalised::audits_end`]).
fn audits_end(model: &model::Model, today: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    let audits = model.audits.iter().flat_map(|a| [a.allocated, a.completed, a.moderation_date]);
    let actions = model.actions.iter().flat_map(|a| [a.set, a.completed]);
    audits.chain(actions).flatten().filter(|d| crate::calendar::plausible_event(*d, today)).max()
}

/// What a record set aside for a later export's version is called, by its table's kind.
fn label_of(kind: columns::TableKind) -> &'static str {
    match kind {
        columns::TableKind::Actions => table::ACTION_SUPERSEDED,
        columns::TableKind::Episodes => table::EPISODE_SUPERSEDED,
        _ => table::SUPERSEDED,
    }
}

/// Takes out the drafts of case notes that the exports also hold in full:
/// a note whose status says "Draft" beside one of the same child, type and
/// day that does not (blind sets 154 and 155: the draft saved before the
/// note was finished). Each becomes a row set aside in its table's count,
/// with a note. A draft with no such copy is kept (METRICS counts a note
/// recorded when it is entered), and said once per file.
fn drop_drafts_held_in_full(out: &mut Normalised, found: &mut findings::Findings) {
    let drafts: HashSet<(u32, u32)> = std::mem::take(&mut out.model.draft_notes).into_iter().collect();
    if drafts.is_empty() {
        return;
    }
    let m = &out.model;
    let is_draft = |n: &model::CaseNote| drafts.contains(&(n.source, n.row));
    let full: HashSet<(u32, u32, chrono::NaiveDate)> = m.case_notes.iter().filter(|n| !is_draft(n)).map(|n| (n.child, n.note_type, n.event)).collect();
    let mut gone: HashSet<(u32, u32)> = HashSet::new();
    let mut kept: BTreeMap<(String, Option<String>), Vec<u32>> = BTreeMap::new();
    let mut said = Vec::new();
    for n in m.case_notes.iter().filter(|n| is_draft(n)) {
        let (file, sheet) = m.note_place(n.source);
        if full.contains(&(n.child, n.note_type, n.event)) {
            gone.insert((n.source, n.row));
            said.push((file.to_string(), sheet.map(str::to_string), n.row, n.event.to_string()));
        } else {
            kept.entry((file.to_string(), sheet.map(str::to_string))).or_default().push(n.row);
        }
    }
    for (file, sheet, row, day) in said {
        set_aside_in(&mut out.tables, &file, &sheet, columns::TableKind::CaseNotes, table::NOTE_DRAFT_RECORDED);
        found.push(
            Severity::Info,
            "row_set_aside",
            &file,
            sheet.as_deref(),
            Some(row),
            Some("status"),
            day,
            format!("{}: set aside", table::NOTE_DRAFT_RECORDED),
        );
    }
    for ((file, sheet), rows) in kept {
        let why = format!(
            "{} case notes whose status says draft, with no full copy in the exports, are counted as recorded on their recorded date (rows {})",
            rows.len(),
            findings::some_rows(&rows)
        );
        found.push(Severity::Info, "draft_notes_kept", &file, sheet.as_deref(), None, Some("status"), rows.len().to_string(), why);
    }
    out.model.case_notes.retain(|n| !gone.contains(&(n.source, n.row)));
}

/// Takes out the case notes that a later export holds again (by note id):
/// each becomes a row set aside in its table's count, with a note.
fn drop_superseded_notes(out: &mut Normalised, found: &mut findings::Findings) {
    let superseded = std::mem::take(&mut out.model.superseded_notes);
    if superseded.is_empty() {
        return;
    }
    let kept = take_fields(out, superseded.iter().map(|(old, new, _)| Replaced::NoteAt(*old, *new)).collect());
    let gone: std::collections::HashSet<(u32, u32)> = superseded.iter().map(|(old, _, _)| *old).collect();
    out.model.case_notes.retain(|n| !gone.contains(&(n.source, n.row)));
    for (((source, row), (new_source, new_row), why), kept) in superseded.iter().zip(kept) {
        let (file, sheet) = out.model.note_place(*source);
        let (file, sheet, new_file) = (file.to_string(), sheet.map(str::to_string), out.model.note_shown(*new_source));
        set_aside_in(&mut out.tables, &file, &sheet, columns::TableKind::CaseNotes, table::NOTE_SUPERSEDED);
        let message = format!(
            "{}: a later export has this note again ({new_file} row {new_row}), and {why}; that version is used{}",
            table::NOTE_SUPERSEDED,
            with_kept(&kept)
        );
        found.push(Severity::Info, "row_set_aside", &file, sheet.as_deref(), Some(*row), None, "", message);
    }
}

/// Moves one row of the table of this kind read from `file` (and `sheet`,
/// where the record names one) from accepted to set aside, for `why`: a
/// record taken out after every file was read.
fn set_aside_in(tables: &mut [table::TableReport], file: &str, sheet: &Option<String>, kind: columns::TableKind, why: &str) {
    if let Some(t) = tables.iter_mut().find(|t| t.file == file && (sheet.is_none() || t.sheet == *sheet) && t.kind == kind) {
        t.rows_accepted = t.rows_accepted.saturating_sub(1);
        t.reject(why);
    }
}

/// Whether a child id is a test's: it says so ("TEST01", "TEST PERSON – do
/// not use"), or it looks made up ([`made_up_id`]: "9999999", "0000000",
/// "4699999") and an audit set aside as a test was of it (blind set 150's
/// wrenmouth: the trainer's audit of 4699999, and its "Demo action").
fn test_child(id: &str, test_audits: &std::collections::BTreeSet<String>) -> bool {
    let id = id.trim();
    table::says_test(id) || table::test_run_together(id) || (made_up_id(id) && test_audits.contains(id))
}

/// Whether a child id looks made up, as a trainer's person's is: it says
/// test, or it is digits nearly all one ("9999990", "0000001", "6600000",
/// "900001"); not a real child's ("100807").
fn made_up_id(id: &str) -> bool {
    let id = id.trim();
    let len = id.len();
    let most = (b'0'..=b'9').map(|d| id.bytes().filter(|b| *b == d).count()).max().unwrap_or(0);
    let digits = len >= 4 && id.bytes().all(|b| b.is_ascii_digit());
    table::says_test(id) || (digits && (most == len || (len >= 6 && most + 2 >= len)))
}

/// Takes out the case notes, actions and legal-status episodes of a test
/// child ([`test_child`]): the person a case management system's trainers
/// or a tool's testers made up, whose visits and actions are no child's.
/// Each becomes a row set aside in its table's count, with one note per
/// child and table.
fn drop_test_children(out: &mut Normalised, found: &mut findings::Findings) {
    let mut tests = std::mem::take(&mut out.model.test_children);
    let declared = std::mem::take(&mut out.model.declared_test_children);
    // (A placeholder a real audit was of too is that child's: its records stay.)
    let audited: std::collections::HashSet<String> = out.model.audits.iter().map(|a| a.child_id.trim().to_string()).collect();
    tests.retain(|id| !audited.contains(id.as_str()));
    let m = &mut out.model;
    // (Case notes by their interned child: a few children among millions of notes.)
    let mut test_ids: std::collections::HashSet<u32> =
        (0..m.children.len() as u32).filter(|&c| test_child(m.children.get(c), &tests) || declared.contains(m.children.get(c).trim())).collect();
    // (file, sheet, kind, child, row, why)
    type Dropped = (String, Option<String>, columns::TableKind, String, u32, &'static str);
    let mut dropped: Vec<Dropped> = Vec::new();
    // A case note written by a system's test account or team ("TEST", "Test
    // User", "Test SW", "LCS Test Team"): a trainer's note, not a visit. A
    // child all of whose notes are such, its id made up ([`made_up_id`]), is
    // a test child: its legal status and actions go too (unless a real
    // audit was of it). A real child's plan stays, unvisited.
    let mut said: HashMap<(u32, bool), bool> = HashMap::new();
    let strings = &m.strings;
    let mut says = |s: u32, team: bool| {
        *said.entry((s, team)).or_insert_with(|| if team { table::team_says_test(strings.get(s)) } else { table::says_test(strings.get(s)) })
    };
    let by_test: Vec<bool> = m.case_notes.iter().map(|n| says(n.author, false) || says(n.team, true)).collect();
    let mut by_notes: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    if by_test.contains(&true) {
        let real_notes: std::collections::HashSet<u32> = m.case_notes.iter().zip(&by_test).filter(|(_, t)| !**t).map(|(n, _)| n.child).collect();
        for (n, _) in m.case_notes.iter().zip(&by_test).filter(|(_, t)| **t) {
            let (file, sheet) = m.note_place(n.source);
            let id = m.children.get(n.child);
            dropped.push((file.to_string(), sheet.map(str::to_string), columns::TableKind::CaseNotes, id.to_string(), n.row, table::TEST_NOTE));
            if !real_notes.contains(&n.child) && !audited.contains(id.trim()) && made_up_id(id) {
                test_ids.insert(n.child);
                by_notes.insert(id.trim().to_string());
            }
        }
        let mut flags = by_test.iter();
        m.case_notes.retain(|_| !flags.next().copied().unwrap_or(false));
    }
    // A child whose id is one digit written over and over ("999999",
    // "9999999", "0000000"), no audit of, and no legal status: a system's
    // test or training person, whatever its notes say (blind sets 195's
    // quillhampton, "TRAINING CLIENT" in the worker's team, and 198's
    // ellerdene, "TEST RECORD - please ignore" in a subject not read).
    let with_status: std::collections::HashSet<&str> = m.episodes.iter().map(|e| e.child_id.trim()).collect();
    let repeated = |id: &str| id.len() >= 5 && id.bytes().all(|b| b.is_ascii_digit()) && id.bytes().all(|b| Some(b) == id.bytes().next());
    for c in 0..m.children.len() as u32 {
        let id = m.children.get(c).trim();
        if repeated(id) && !audited.contains(id) && !with_status.contains(id) && !test_ids.contains(&c) {
            test_ids.insert(c);
            by_notes.insert(id.to_string());
        }
    }
    if !test_ids.is_empty() {
        for n in m.case_notes.iter().filter(|n| test_ids.contains(&n.child)) {
            let (file, sheet) = m.note_place(n.source);
            dropped.push((
                file.to_string(),
                sheet.map(str::to_string),
                columns::TableKind::CaseNotes,
                m.children.get(n.child).to_string(),
                n.row,
                table::TEST_CHILD,
            ));
        }
        m.case_notes.retain(|n| !test_ids.contains(&n.child));
    }
    // (Not so an id a title declares a test's or a trainer's, "(client 63999
    // = training client)": its audits are a trainer's too, and go with the
    // rest; review 252's c40, c47.)
    for a in m.audits.iter().filter(|a| declared.contains(a.child_id.trim())) {
        dropped.push((a.origin.file.clone(), a.origin.sheet.clone(), columns::TableKind::Audits, a.child_id.clone(), a.origin.row, table::TEST_CHILD));
    }
    m.audits.retain(|a| !declared.contains(a.child_id.trim()));
    let of_test = |id: Option<&str>| id.is_some_and(|id| test_child(id, &tests) || by_notes.contains(id.trim()) || declared.contains(id.trim()));
    for a in m.actions.iter().filter(|a| of_test(a.child_id.as_deref())) {
        dropped.push((
            a.origin.file.clone(),
            a.origin.sheet.clone(),
            columns::TableKind::Actions,
            a.child_id.clone().unwrap_or_default(),
            a.origin.row,
            table::TEST_CHILD,
        ));
    }
    m.actions.retain(|a| !of_test(a.child_id.as_deref()));
    for e in m.episodes.iter().filter(|e| of_test(Some(&e.child_id))) {
        dropped.push((e.origin.file.clone(), e.origin.sheet.clone(), columns::TableKind::Episodes, e.child_id.clone(), e.origin.row, table::TEST_CHILD));
    }
    // (And a legal-status episode of a test team: "LCS Test Team".)
    let test_team = |e: &model::Episode| e.team.as_deref().is_some_and(table::team_says_test);
    for e in m.episodes.iter().filter(|e| test_team(e) && !of_test(Some(&e.child_id))) {
        dropped.push((e.origin.file.clone(), e.origin.sheet.clone(), columns::TableKind::Episodes, e.child_id.clone(), e.origin.row, table::TEST_CHILD));
    }
    m.episodes.retain(|e| !of_test(Some(&e.child_id)) && !test_team(e));
    let mut by_child: std::collections::BTreeMap<(String, Option<String>, String, &str), Vec<u32>> = std::collections::BTreeMap::new();
    for (file, sheet, kind, child, row, why) in dropped {
        set_aside_in(&mut out.tables, &file, &sheet, kind, why);
        by_child.entry((file, sheet, child, why)).or_default().push(row);
    }
    for ((file, sheet, child, why), mut rows) in by_child {
        rows.sort_unstable();
        let shown: Vec<String> = rows.iter().take(8).map(u32::to_string).collect();
        let more = if rows.len() > 8 { ", …" } else { "" };
        let message = format!("{why}: {} row(s) of child '{child}' (rows {}{more})", rows.len(), shown.join(", "));
        found.push(Severity::Info, "row_set_aside", &file, sheet.as_deref(), rows.first().copied(), None, child, message);
    }
}

/// Takes out a statutory visit that another export holds too: the same
/// child, the same day, in two files (a visits return typed onto the case
/// management system later, often by someone else than the visitor; two
/// exports of one system). It is counted once: the copy that says when it was
/// recorded is kept (the case management system's note), else the first
/// read, with whether the child was seen alone taken from the other where it
/// says nothing; the other becomes a row set aside in its table's count, with
/// a note. (Two visits on one day, each in another file, are counted once
/// too: the exports cannot tell them from one visit written twice.)
fn drop_visits_read_twice(out: &mut Normalised, found: &mut findings::Findings) {
    use model::SeenAlone;
    let m = &out.model;
    // (Case notes from one file only, as a large export is: nothing to match.)
    let first = m.case_notes.first().map(|n| n.source);
    if m.case_notes.iter().all(|n| Some(n.source) == first) {
        return;
    }
    let mut by_day: HashMap<(u32, chrono::NaiveDate), Vec<usize>> = HashMap::new();
    for (i, n) in m.case_notes.iter().enumerate().filter(|(_, n)| n.kind.is_statutory_visit()) {
        by_day.entry((n.child, n.event)).or_default().push(i);
    }
    let mut twice: Vec<(usize, usize)> = Vec::new(); // (dropped, kept)
    for list in by_day.values_mut().filter(|l| l.len() > 1) {
        // (Those with a recorded date first, else in the order read: the
        // first of a day's copies is the one kept.)
        list.sort_by_key(|&i| m.case_notes[i].recorded.is_none());
        let mut kept: Vec<usize> = Vec::new();
        for &i in list.iter() {
            match kept.iter().find(|&&k| m.case_notes[k].source != m.case_notes[i].source) {
                Some(&k) => twice.push((i, k)),
                None => kept.push(i),
            }
        }
    }
    if twice.is_empty() {
        return;
    }
    // (The kept copy's seen alone, where it says nothing, from the other.)
    let seen: Vec<(usize, SeenAlone)> = twice
        .iter()
        .filter(|&&(d, k)| m.case_notes[k].seen_alone == SeenAlone::NotRecorded && m.case_notes[d].seen_alone != SeenAlone::NotRecorded)
        .map(|&(d, k)| (k, m.case_notes[d].seen_alone))
        .collect();
    twice.sort_unstable();
    let gone: std::collections::HashSet<(u32, u32)> = twice.iter().map(|&(d, _)| (m.case_notes[d].source, m.case_notes[d].row)).collect();
    let said: Vec<(String, Option<String>, u32, String, String)> = twice
        .iter()
        .map(|&(d, k)| {
            let (n, other) = (&m.case_notes[d], &m.case_notes[k]);
            let (file, sheet) = m.note_place(n.source);
            (file.to_string(), sheet.map(str::to_string), n.row, n.event.to_string(), format!("{} row {}", m.note_shown(other.source), other.row))
        })
        .collect();
    for (file, sheet, row, day, other) in said {
        set_aside_in(&mut out.tables, &file, &sheet, columns::TableKind::CaseNotes, table::VISIT_READ_TWICE);
        let message = format!("{}: {other} holds this child's statutory visit on the same day; counted once", table::VISIT_READ_TWICE);
        found.push(Severity::Info, "row_set_aside", &file, sheet.as_deref(), Some(row), None, day, message);
    }
    for (k, s) in seen {
        out.model.case_notes[k].seen_alone = s;
    }
    out.model.case_notes.retain(|n| !gone.contains(&(n.source, n.row)));
}

/// Takes out the audits that a later export holds again (read first, from an
/// earlier export), with the actions read from their rows: each becomes a row
/// set aside in its table's count, with a note naming the version used.
/// A re-audit on its original audit's row that is also a row of its own (the
/// same child, completed the same day): counted once, as its own row.
/// Audits read from a report that joins audits to their actions
/// ([`joined`]) that another table of audits holds too (the same child,
/// completed the same day, or within 3 days, a date typed a day out: the
/// tracker beside its actions report): that table's audit, with what only
/// the report holds (its moderation, say) added, and the report's actions
/// linked to it.
fn joined_copies(model: &mut Model, found: &mut findings::Findings) {
    let tables = std::mem::take(&mut model.joined_tables);
    if tables.is_empty() {
        return;
    }
    let joined = |a: &Audit| tables.iter().any(|(f, s)| *f == a.origin.file && *s == a.origin.sheet);
    let own: Vec<usize> = (0..model.audits.len()).filter(|&i| !joined(&model.audits[i])).collect();
    // Per report: its audits matched, and the files of those they matched.
    let mut said: std::collections::BTreeMap<(String, Option<String>), (usize, std::collections::BTreeSet<String>)> = Default::default();
    let mut gone = vec![false; model.audits.len()];
    let mut relink: HashMap<String, String> = HashMap::new();
    let mut taken = std::collections::HashSet::new();
    for (j, gone_j) in gone.iter_mut().enumerate() {
        if !joined(&model.audits[j]) {
            continue;
        }
        let a = &model.audits[j];
        let Some(done) = a.completed else { continue };
        let twin = own
            .iter()
            .copied()
            .filter(|&p| !taken.contains(&(a.origin.file.clone(), a.origin.sheet.clone(), p)))
            .filter_map(|p| {
                let b = &model.audits[p];
                let days = (b.completed? - done).num_days().abs();
                (b.child_id == a.child_id && days <= 3).then_some((days, p))
            })
            .min()
            .map(|(_, p)| p);
        let Some(p) = twin else { continue };
        taken.insert((a.origin.file.clone(), a.origin.sheet.clone(), p));
        let entry = said.entry((a.origin.file.clone(), a.origin.sheet.clone())).or_default();
        entry.0 += 1;
        entry.1.insert(model.audits[p].origin.file.clone());
        let filled = table::with_gaps_filled(&model.audits[p], a);
        let (at, from) = (model.audits[p].origin.clone(), a.origin.clone());
        relink.insert(a.id.clone(), model.audits[p].id.clone());
        model.audits[p] = filled;
        model.merged_audits.push((at, from));
        *gone_j = true;
    }
    for act in &mut model.actions {
        if let Some(to) = act.audit_id.as_ref().and_then(|id| relink.get(id)) {
            act.audit_id = Some(to.clone());
        }
    }
    let mut i = 0;
    model.audits.retain(|_| {
        i += 1;
        !gone[i - 1]
    });
    for ((file, sheet), (matched, others)) in said {
        let others: Vec<String> = others.into_iter().collect();
        found.push(
            Severity::Info,
            "joined_audit_elsewhere",
            &file,
            sheet.as_deref(),
            None,
            None,
            matched.to_string(),
            format!(
                "{matched} audits of this report are also in {} (the same child, completed the same day or within 3 days): each read once, from there, with what only this report holds added (its moderation, say), and this report's actions linked to it",
                others.join(", ")
            ),
        );
    }
}

fn drop_reaudits_read_twice(model: &mut Model, found: &mut findings::Findings) {
    let own: std::collections::HashSet<(String, chrono::NaiveDate)> =
        model.audits.iter().filter(|a| !a.reaudit_on_row).filter_map(|a| Some((identity::tidy(&a.child_id).into_owned(), a.completed?))).collect();
    let twice = |a: &model::Audit| a.reaudit_on_row && a.completed.is_some_and(|d| own.contains(&(identity::tidy(&a.child_id).into_owned(), d)));
    for a in model.audits.iter().filter(|a| twice(a)) {
        found.push(
            Severity::Info,
            "reaudit_read_twice",
            &a.origin.file,
            a.origin.sheet.as_deref(),
            Some(a.origin.row),
            Some("re-audit date"),
            a.completed.map(|d| d.to_string()).unwrap_or_default(),
            "a re-audit on this audit's row is also a row of its own (the same child, completed the same day): counted once, as its own row".to_string(),
        );
    }
    model.audits.retain(|a| !twice(a));
}

/// A joint audit entered by each of its auditors: two rows of one table
/// for the same child and completion date by two auditors, one of them with
/// a note saying the other's entry is the record ([`joint_entry_of`]). That
/// row is set aside for the other (with what the other's table has no
/// column for, as any version); where both rows say so, both stay.
fn joint_entries(ctx: &table::Context, model: &mut Model) {
    let marked: Vec<usize> = (0..model.audits.len()).filter(|&i| model.audits[i].entry_note.is_some() && model.audits[i].completed.is_some()).collect();
    let mut gone: Vec<(model::Origin, model::Origin)> = Vec::new();
    // (In one table, or in parts of one under the same header: a tracker
    // split into files may part the two entries.)
    let table_of = |o: &model::Origin| ctx.table_of(&o.file, o.sheet.as_deref());
    for i in marked {
        let a = &model.audits[i];
        let child = identity::child_key(&a.child_id);
        let own_table = table_of(&a.origin);
        let record = model.audits.iter().find(|x| {
            ((x.origin.file == a.origin.file && x.origin.sheet == a.origin.sheet) || table_of(&x.origin) == own_table)
                && x.origin != a.origin
                && x.completed == a.completed
                && child.is_some()
                && identity::child_key(&x.child_id) == child
                && joint_entry_of(a, x)
                && !joint_entry_of(x, a)
        });
        if let Some(x) = record {
            gone.push((a.origin.clone(), x.origin.clone()));
        }
    }
    model.superseded.extend(gone.into_iter().map(|(old, new)| (old, new, table::JOINT_ENTRY)));
}

/// An allocation never done (no completion, no grade) whose table holds the
/// same child allocated the same day on a row that was done: the same
/// allocation entered twice (one copy struck through, or left behind when
/// the other was filled in). It is set aside for the done row
/// ([`table::ALLOCATED_TWICE`]), not counted as an audit due and missed.
fn allocated_twice(model: &mut Model) {
    let done: HashMap<(&str, Option<&str>, String, chrono::NaiveDate), &model::Audit> = model
        .audits
        .iter()
        .filter(|a| a.completed.is_some())
        .filter_map(|a| Some(((a.origin.file.as_str(), a.origin.sheet.as_deref(), identity::child_key(&a.child_id)?, a.allocated?), a)))
        .collect();
    let already: HashSet<&Origin> = model.superseded.iter().map(|(old, _, _)| old).collect();
    let twice: Vec<(Origin, Origin)> = model
        .audits
        .iter()
        .filter(|a| a.completed.is_none() && a.overall.is_none() && !already.contains(&a.origin))
        .filter_map(|a| {
            let other = done.get(&(a.origin.file.as_str(), a.origin.sheet.as_deref(), identity::child_key(&a.child_id)?, a.allocated?))?;
            // (Not another auditor's or another team's allocation of the child:
            // two audits, one of them not done.)
            let differ = |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(x), Some(y)) if identity::team_key(x) != identity::team_key(y));
            if differ(&a.team, &other.team) || differ(&a.auditor, &other.auditor) {
                return None;
            }
            Some((a.origin.clone(), other.origin.clone()))
        })
        .collect();
    model.superseded.extend(twice.into_iter().map(|(old, new)| (old, new, table::ALLOCATED_TWICE)));
}

/// An audit in a list of those still with their auditors (a table read as
/// [`table::TableReport::open_by_status`]: "Allocated" rows, no completion
/// column) that another table holds, completed or not, with the same child
/// and allocation date (or, where either gives none, due date): the same
/// audit, returned. The list's copy is set aside for it, as a version.
fn open_copies_returned(tables: &[table::TableReport], model: &mut Model) {
    let open: HashSet<(&str, Option<&str>)> = tables.iter().filter(|t| t.open_by_status).map(|t| (t.file.as_str(), t.sheet.as_deref())).collect();
    if open.is_empty() {
        return;
    }
    let in_open = |a: &model::Audit| open.contains(&(a.origin.file.as_str(), a.origin.sheet.as_deref()));
    let already: HashSet<&Origin> = model.superseded.iter().map(|(old, _, _)| old).collect();
    let mut returned: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in model.audits.iter().enumerate().filter(|(_, a)| !in_open(a)) {
        if let Some(c) = identity::child_key(&a.child_id) {
            returned.entry(c).or_default().push(i);
        }
    }
    let mut gone: Vec<(Origin, Origin)> = Vec::new();
    for a in model.audits.iter().filter(|a| in_open(a) && !already.contains(&a.origin)) {
        let Some(list) = identity::child_key(&a.child_id).and_then(|c| returned.get(&c)) else { continue };
        let same = |x: &model::Audit| match (a.allocated, x.allocated) {
            (Some(p), Some(q)) => p == q,
            _ => a.due.is_some() && a.due == x.due,
        };
        if let Some(&i) = list.iter().find(|&&i| same(&model.audits[i])) {
            gone.push((a.origin.clone(), model.audits[i].origin.clone()));
        }
    }
    model.superseded.extend(gone.into_iter().map(|(old, new)| (old, new, table::RETURNED)));
}

/// Whether audit `a`'s note says `x`'s entry is the record: `a` and `x` by
/// two named auditors, and the note naming `x`'s auditor's entry ("see
/// Kit's entry", "Wyn's entry is the record") or the co-auditor's
/// ("duplicate entry by co-auditor"), never `a`'s own auditor's.
fn joint_entry_of(a: &model::Audit, x: &model::Audit) -> bool {
    let Some(note) = a.entry_note.as_deref() else { return false };
    let names = |au: &model::Audit| -> Vec<String> {
        au.auditor.as_deref().map(fold::fold).unwrap_or_default().split(' ').filter(|w| w.len() >= 3).map(str::to_string).collect()
    };
    let (own, other) = (names(a), names(x));
    if own.is_empty() || other.is_empty() || own == other {
        return false;
    }
    let entry_of = |w: &String| note.contains(&format!("{w} s entry")) || note.contains(&format!("{w}s entry"));
    if own.iter().any(entry_of) {
        return false;
    }
    other.iter().any(entry_of)
        || [
            "co auditor s entry",
            "other auditor s entry",
            "duplicate entry by co auditor",
            "duplicate entry by the co auditor",
            "duplicate entry by second auditor",
        ]
        .iter()
        .any(|p| note.contains(p))
}

fn drop_superseded(out: &mut Normalised, found: &mut findings::Findings) {
    let superseded = std::mem::take(&mut out.model.superseded);
    if superseded.is_empty() {
        return;
    }
    let mut kept = take_fields(out, superseded.iter().map(|(old, new, _)| Replaced::At(old.clone(), new.clone())).collect());
    let gone: std::collections::HashSet<&Origin> = superseded.iter().map(|(old, _, _)| old).collect();
    out.model.audits.retain(|a| a.reaudit_on_row || !gone.contains(&a.origin));
    // Actions read from a superseded audit's own row (its numbered slots),
    // and actions a later export holds again (from an actions table); but
    // not a row's actions where the later export's sheet holds no actions at
    // all (a tracker beside an action log "with audit details"): they are
    // kept, and follow the audit as the later export has it. (Those with a
    // date of their own: one whose dates could not be read, a year-less
    // "17/12" where no year is written, is not made up from rules.)
    let dated = |a: &model::Action| a.set.is_some() || a.due.is_some() || a.completed.is_some();
    let holds_actions: std::collections::HashSet<(String, Option<String>)> =
        out.model.actions.iter().map(|a| (a.origin.file.clone(), a.origin.sheet.clone())).collect();
    let actions_kept: std::collections::HashSet<&Origin> = superseded
        .iter()
        .filter(|(old, new, _)| {
            !holds_actions.contains(&(new.file.clone(), new.sheet.clone())) && out.model.actions.iter().any(|a| a.origin == *old && dated(a))
        })
        .map(|(old, _, _)| old)
        .collect();
    for ((old, _, _), kept) in superseded.iter().zip(kept.iter_mut()) {
        if actions_kept.contains(old) {
            kept.push("actions");
        }
    }
    out.model.actions.retain(|a| !gone.contains(&a.origin) || (actions_kept.contains(&a.origin) && dated(a)));
    out.model.episodes.retain(|e| !gone.contains(&e.origin));
    for ((old, new, why), kept) in superseded.iter().zip(kept) {
        if let Some(t) = out.tables.iter_mut().find(|t| {
            t.file == old.file
                && t.sheet == old.sheet
                && matches!(t.kind, columns::TableKind::Audits | columns::TableKind::Actions | columns::TableKind::Episodes)
        }) {
            t.rows_accepted = t.rows_accepted.saturating_sub(1);
            t.reject(if own_reason(why) { why } else { label_of(t.kind) });
        }
        let label = out.tables.iter().find(|t| t.file == old.file && t.sheet == old.sheet).map_or(table::SUPERSEDED, |t| label_of(t.kind));
        let place = match &new.sheet {
            Some(s) => format!("{} [{s}] row {}", new.file, new.row),
            None => format!("{} row {}", new.file, new.row),
        };
        if *why == table::REVISED_AWAY {
            let place = match &new.sheet {
                Some(s) => format!("{} [{s}]", new.file),
                None => new.file.clone(),
            };
            found.push(Severity::Warning, "row_set_aside", &old.file, old.sheet.as_deref(), Some(old.row), None, "", format!("{why} ({place}): not counted"));
            continue;
        }
        found.push(
            Severity::Info,
            "row_set_aside",
            &old.file,
            old.sheet.as_deref(),
            Some(old.row),
            None,
            "",
            if own_reason(why) {
                format!("{why} ({place}); that entry is used{}", with_kept(&kept))
            } else {
                format!("{label}: a later export has this record again ({place}), and {why}; that version is used{}", with_kept(&kept))
            },
        );
    }
}

/// Whether a row set aside for another row is counted and said under its own
/// reason (a joint audit's other entry, an allocation entered twice), not as
/// an earlier export's version.
fn own_reason(why: &str) -> bool {
    why == table::JOINT_ENTRY
        || why == table::ALLOCATED_TWICE
        || why == table::EXTRACT_OF_AUDIT
        || why == table::REVISED_AWAY
        || why == migrated::MIGRATED
        || why == migrated::MIGRATED_ACTION
}

/// The audits read again in another export while reading (each set aside
/// for the version already read: see [`keep_from_set_aside`]), by where each
/// was read.
/// Rows repeated exactly in another table count for both: the repeat (set
/// aside) and the first read (kept, as the repeat's version).
fn read_again(model: &Model) -> HashMap<Origin, Option<chrono::NaiveDate>> {
    // (The first read by its file and row: a row key knows no sheet.)
    let mut firsts: HashMap<(&str, u32), Option<chrono::NaiveDate>> =
        model.audits_repeated.iter().map(|(_, (file, row))| ((model.strings.get(*file), *row), None)).collect();
    let mut again: HashMap<Origin, Option<chrono::NaiveDate>> = HashMap::new();
    for a in &model.audits {
        if let Some(date) = firsts.get_mut(&(a.origin.file.as_str(), a.origin.row)) {
            *date = a.completed;
            again.insert(a.origin.clone(), a.completed);
        }
    }
    for (repeat, (file, row)) in &model.audits_repeated {
        again.insert(repeat.clone(), firsts.get(&(model.strings.get(*file), *row)).copied().flatten());
    }
    for v in &model.set_aside_versions {
        if let SetAside::Audit(_, old) = v {
            again.insert(old.origin.clone(), old.completed);
        }
    }
    again
}

/// An export's audits that its revision leaves out ([`table::REVISED_AWAY`]):
/// where a file is sent again corrected ("… v2 corrected", "… FINAL": see
/// [`versions::revision_of`]), the same report, and most of the first's
/// dated audits, two or more, are found again in later exports, the revision is
/// the whole return: a row of the first found in none (a child's id
/// mistyped, a date moved, a row deleted) is the error it corrected, not
/// another audit. Said as a warning on each row.
fn revised_away(model: &mut Model, tables: &[table::TableReport], found_again: &HashMap<Origin, Option<chrono::NaiveDate>>) {
    type Place = (String, Option<String>);
    let place = |o: &Origin| -> Place { (o.file.clone(), o.sheet.clone()) };
    let dates: HashMap<&Origin, Option<chrono::NaiveDate>> = model.audits.iter().map(|a| (&a.origin, a.completed)).collect();
    let mut again: HashMap<&Origin, Option<chrono::NaiveDate>> = found_again.iter().map(|(o, d)| (o, *d)).collect();
    for (old, _, _) in &model.superseded {
        again.insert(old, dates.get(old).copied().flatten());
    }
    // (Each place's audits found again, and the earliest of their dates.)
    let mut found: HashMap<Place, (usize, Option<chrono::NaiveDate>)> = HashMap::new();
    for (o, d) in &again {
        let e = found.entry(place(o)).or_default();
        e.0 += 1;
        e.1 = match (e.1, *d) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    let mut left: std::collections::BTreeMap<Place, Vec<(Origin, Option<chrono::NaiveDate>)>> = Default::default();
    // (Rows with a completion: an allocation not yet done is found again by
    // no date.)
    for a in model.audits.iter().filter(|a| !a.reaudit_on_row && a.completed.is_some() && !again.contains_key(&a.origin)) {
        left.entry(place(&a.origin)).or_default().push((a.origin.clone(), a.completed));
    }
    let headers = |(file, sheet): &Place| {
        tables
            .iter()
            .find(|t| t.file == *file && t.sheet == *sheet && t.kind == columns::TableKind::Audits)
            .map(|t| t.columns.iter().map(|c| fold::fold(&c.header)).filter(|h| !h.is_empty()).collect::<Vec<_>>())
    };
    let audit_tables: Vec<&table::TableReport> = tables.iter().filter(|t| t.kind == columns::TableKind::Audits).collect();
    let mut gone: Vec<(Origin, Origin)> = Vec::new();
    for (at, rows) in left {
        let (matched, earliest) = found.get(&at).copied().unwrap_or_default();
        // (Only rows from the earliest found again on: a revision sent for
        // the period alone leaves the earlier months' rows as they were;
        // review 239's c12.)
        let rows: Vec<Origin> = rows.into_iter().filter(|(_, d)| earliest.is_some_and(|e| d.is_some_and(|d| d >= e))).map(|(o, _)| o).collect();
        if matched < 2 || matched <= rows.len() || rows.is_empty() {
            continue;
        }
        let Some(mine) = headers(&at) else { continue };
        let revision = audit_tables.iter().find(|t| {
            versions::revision_of(&at.0, &t.file) && headers(&(t.file.clone(), t.sheet.clone())).is_some_and(|theirs| versions::same_report(&mine, &theirs))
        });
        if let Some(t) = revision {
            // (Row 0: no row of it; the version used takes nothing from this one.)
            let new = Origin { file: t.file.clone(), sheet: t.sheet.clone(), row: 0 };
            gone.extend(rows.into_iter().map(|old| (old, new.clone())));
        }
    }
    model.superseded.extend(gone.into_iter().map(|(old, new)| (old, new, table::REVISED_AWAY)));
}

/// An audit read again from an extract of the records (a summary
/// workbook's "Data" tab behind its pivot: the child, team, date and grade
/// only; blind set 145): another table holds the same child's audit
/// completed the same day, with every field the extract gives the same and
/// more fields besides, for every audit of the extract, whose every column
/// is read. The extract's rows are set aside for the fuller ones (see
/// [`drop_superseded`]); two audits that differ in anything both give
/// (another auditor, another grade) stay two.
fn extracts_of_audits(model: &mut Model, tables: &[table::TableReport]) {
    use model::Answer;
    let judged = |j: &Option<model::Judgement>| j.as_ref().map(|j| fold::fold(&j.label));
    let text = |t: &Option<String>| t.as_deref().map(fold::fold).filter(|t| !t.is_empty());
    fn within<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
        a.is_none() || a == b
    }
    let answer = |a: Answer, b: Answer| a == Answer::Blank || a == b;
    let filled = |a: &Audit| {
        [text(&a.team).is_some(), text(&a.auditor).is_some(), a.allocated.is_some(), a.due.is_some(), a.overall.is_some(), a.moderated.is_some()]
            .iter()
            .filter(|f| **f)
            .count()
            + a.domains.len()
            + [a.spoke_child, a.spoke_family, a.spoke_practitioner].iter().filter(|x| **x != Answer::Blank).count()
    };
    let part_of = |a: &Audit, b: &Audit| {
        within(text(&a.team), text(&b.team))
            && within(text(&a.auditor), text(&b.auditor))
            && within(a.allocated, b.allocated)
            && within(a.due, b.due)
            && within(judged(&a.overall), judged(&b.overall))
            && within(a.moderated, b.moderated)
            && within(a.moderator_agrees, b.moderator_agrees)
            && within(judged(&a.moderated_overall), judged(&b.moderated_overall))
            && answer(a.spoke_child, b.spoke_child)
            && answer(a.spoke_family, b.spoke_family)
            && answer(a.spoke_practitioner, b.spoke_practitioner)
            && (a.domains.is_empty() || a.domains == b.domains)
            && filled(a) < filled(b)
    };
    // (Not a version already set aside for another: a tracker's stage tabs.)
    let versions: std::collections::HashSet<&Origin> = model.superseded.iter().map(|(old, _, _)| old).collect();
    let mut by_day: HashMap<(String, chrono::NaiveDate), Vec<usize>> = HashMap::new();
    for (i, a) in model.audits.iter().enumerate().filter(|(_, a)| !a.reaudit_on_row && !versions.contains(&a.origin)) {
        if let (Some(child), Some(done)) = (identity::child_key(&a.child_id), a.completed) {
            by_day.entry((child, done)).or_default().push(i);
        }
    }
    type Place = (String, Option<String>);
    let table = |x: &Audit| -> Place { (x.origin.file.clone(), x.origin.sheet.clone()) };
    // Each table's audits found in one fuller row of another table.
    let mut found_in: std::collections::BTreeMap<Place, Vec<(Origin, Origin, Place)>> = Default::default();
    let mut days: Vec<&Vec<usize>> = by_day.values().filter(|l| l.len() > 1).collect();
    days.sort();
    for list in days {
        // (Two audits of the child that day in the fuller table, and the
        // extract's one or two: each of the extract's stands for one of them,
        // the first not yet taken; review 238's c09. Two others in two tables
        // leave which it copies unsaid.)
        let mut taken: HashSet<usize> = HashSet::new();
        for &i in list {
            let a = &model.audits[i];
            let fuller: Vec<usize> = list.iter().copied().filter(|&j| table(&model.audits[j]) != table(a) && part_of(a, &model.audits[j])).collect();
            let one_table = fuller.iter().all(|&j| table(&model.audits[j]) == table(&model.audits[fuller[0]]));
            if let Some(&j) = fuller.iter().find(|j| !taken.contains(*j)).filter(|_| one_table) {
                taken.insert(j);
                let b = &model.audits[j];
                found_in.entry(table(a)).or_default().push((a.origin.clone(), b.origin.clone(), table(b)));
            }
        }
    }
    // An extract is a whole table: every column read (nothing of its own, as
    // a re-audit log's "Audit type" is), and every audit of it with a
    // completion, two or more, found in the one other table (a service's own
    // log that shares one audit with the tracker is a log of its own).
    let mut dated: HashMap<Place, usize> = HashMap::new();
    for a in model.audits.iter().filter(|a| a.completed.is_some() && !a.reaudit_on_row && !versions.contains(&a.origin)) {
        *dated.entry(table(a)).or_default() += 1;
    }
    // (Nor a form: an audit's own form beside a moderation's fuller record
    // of it is the audit.)
    let all_read = |(file, sheet): &Place| {
        tables.iter().filter(|t| t.file == *file && t.sheet == *sheet && t.kind == columns::TableKind::Audits).all(|t| {
            !t.has_note(forms::READ_AS_FORM)
                && t.columns.iter().filter(|c| !c.header.trim().is_empty()).all(|c| !matches!(c.target, columns::Target::Unmapped | columns::Target::Ignore))
        })
    };
    let mut extracts: Vec<(Origin, Origin)> = Vec::new();
    for (place, pairs) in found_in {
        let one_other = pairs.iter().all(|(_, _, other)| *other == pairs[0].2);
        // (Two or more: one audit alike in two logs may be two audits.)
        // (A row repeated exactly in the extract counts: two audits of one
        // child that day, listed alike; review 238's c09.)
        let repeated = tables
            .iter()
            .filter(|t| t.file == place.0 && t.sheet == place.1 && t.kind == columns::TableKind::Audits)
            .map(|t| t.set_aside_by_reason.get(table::DUPLICATE_ROW).copied().unwrap_or(0) as usize)
            .sum::<usize>();
        if one_other && pairs.len() + repeated >= 2 && pairs.len() == dated.get(&place).copied().unwrap_or(0) && all_read(&place) {
            extracts.extend(pairs.into_iter().map(|(old, new, _)| (old, new)));
        }
    }
    model.superseded.extend(extracts.into_iter().map(|(old, new)| (old, new, table::EXTRACT_OF_AUDIT)));
}

/// The end of a set-aside note naming the fields kept from the row set aside.
fn with_kept(kept: &[&str]) -> String {
    if kept.is_empty() {
        String::new()
    } else {
        format!(", with this row's {} (the later export has no column for them)", kept.join(", "))
    }
}

/// Versions set aside as they were read (the version read before them is the
/// later one): that version takes the fields its table has no column for from
/// them (see [`merge`]), with a note on the row set aside naming each.
fn keep_from_set_aside(out: &mut Normalised, found: &mut findings::Findings) {
    let set_aside = std::mem::take(&mut out.model.set_aside_versions);
    if set_aside.is_empty() {
        return;
    }
    let model = &out.model;
    let note_origin = |(source, row): NotePlace| {
        let (file, sheet) = model.note_place(source);
        Origin { file: file.to_string(), sheet: sheet.map(str::to_string), row }
    };
    // (Where each was read, and where the version used was.)
    let places: Vec<(Origin, Origin)> = set_aside
        .iter()
        .map(|v| match v {
            SetAside::Audit(at, old) => (old.origin.clone(), at.clone()),
            SetAside::Action(at, old) => (old.origin.clone(), at.clone()),
            SetAside::Episode(at, old) => (old.origin.clone(), at.clone()),
            SetAside::Note(at, old) => (note_origin((old.source, old.row)), note_origin(*at)),
        })
        .collect();
    let kept = take_fields(out, set_aside.into_iter().map(Replaced::Owned).collect());
    for ((row, at), kept) in places.into_iter().zip(kept).filter(|(_, k)| !k.is_empty()) {
        let place = match &at.sheet {
            Some(s) => format!("{} [{s}] row {}", at.file, at.row),
            None => format!("{} row {}", at.file, at.row),
        };
        let message = format!("the version used ({place}) takes this row's {} (its export has no column for them)", kept.join(", "));
        found.push(Severity::Info, "row_set_aside", &row.file, row.sheet.as_deref(), Some(row.row), None, "", message);
    }
}

/// A version of a record that another version replaces.
enum Replaced {
    /// Set aside as it was read, with where the version used was read.
    Owned(SetAside),
    /// Still in the model: where it was read, and where the version used was.
    At(Origin, Origin),
    /// A case note still in the model, likewise.
    NoteAt(NotePlace, NotePlace),
}

/// The version used takes from each version it replaces the fields its own
/// table has no column for (see [`merge`]), in the order given (a version
/// used that is itself replaced later passes on what it took). Returns the
/// fields taken, a list per version given (empty where either is not found).
fn take_fields(out: &mut Normalised, versions: Vec<Replaced>) -> Vec<Vec<&'static str>> {
    use columns::TableKind;
    let tables = &out.tables;
    // A note's table by its file alone (a note's place has no sheet).
    // (A table of answer lines, none: a version with no line for a question
    // takes the answer the version it replaces gave, as a later export of
    // the lines changed since the last holds only those; blind set 171.)
    let fields = |at: &Origin, kind: TableKind| {
        tables.iter().find(|t| t.file == at.file && (kind == TableKind::CaseNotes || t.sheet == at.sheet) && t.kind == kind).map(|t| {
            if t.long_format {
                Default::default()
            } else {
                merge::fields_of(&t.columns)
            }
        })
    };
    let m = &mut out.model;
    // Only the kinds a version may be of are indexed (millions of notes).
    let any = |f: fn(&Replaced) -> bool| versions.iter().any(f);
    let audits =
        if any(|v| matches!(v, Replaced::Owned(SetAside::Audit(..)) | Replaced::At(..))) { places(&m.audits, |a| a.origin.clone()) } else { HashMap::new() };
    let actions =
        if any(|v| matches!(v, Replaced::Owned(SetAside::Action(..)) | Replaced::At(..))) { places(&m.actions, |a| a.origin.clone()) } else { HashMap::new() };
    let episodes = if any(|v| matches!(v, Replaced::Owned(SetAside::Episode(..)) | Replaced::At(..))) {
        places(&m.episodes, |e| e.origin.clone())
    } else {
        HashMap::new()
    };
    let notes = if any(|v| matches!(v, Replaced::Owned(SetAside::Note(..)) | Replaced::NoteAt(..))) {
        places(&m.case_notes, |n| (n.source, n.row))
    } else {
        HashMap::new()
    };
    versions
        .into_iter()
        .map(|v| {
            // (Copied when its turn comes: it may have taken fields itself.)
            let version = match v {
                Replaced::Owned(v) => Some(v),
                Replaced::At(old, new) => {
                    let both = |map: &HashMap<Origin, usize>| map.get(&old).copied().filter(|_| map.contains_key(&new));
                    both(&audits)
                        .map(|i| SetAside::Audit(new.clone(), Box::new(m.audits[i].clone())))
                        .or_else(|| both(&actions).map(|i| SetAside::Action(new.clone(), Box::new(m.actions[i].clone()))))
                        .or_else(|| both(&episodes).map(|i| SetAside::Episode(new.clone(), Box::new(m.episodes[i].clone()))))
                }
                Replaced::NoteAt(old, new) => notes.get(&old).map(|&i| SetAside::Note(new, Box::new(m.case_notes[i].clone()))),
            };
            match version {
                Some(SetAside::Audit(at, old)) => match (audits.get(&at), fields(&at, TableKind::Audits)) {
                    (Some(&i), Some(has)) => {
                        let kept = merge::audit(&mut m.audits[i], &old, &has);
                        if !kept.is_empty() {
                            m.merged_audits.push((at, old.origin.clone()));
                        }
                        kept
                    }
                    _ => Vec::new(),
                },
                Some(SetAside::Action(at, old)) => match (actions.get(&at), fields(&at, TableKind::Actions)) {
                    (Some(&i), Some(has)) => merge::action(&mut m.actions[i], &old, &has),
                    _ => Vec::new(),
                },
                Some(SetAside::Episode(at, old)) => match (episodes.get(&at), fields(&at, TableKind::Episodes)) {
                    (Some(&i), Some(has)) => merge::episode(&mut m.episodes[i], &old, &has),
                    _ => Vec::new(),
                },
                Some(SetAside::Note(at, old)) => {
                    let table = Origin { file: m.strings.get(at.0).to_string(), sheet: None, row: at.1 };
                    match (notes.get(&at), fields(&table, TableKind::CaseNotes)) {
                        (Some(&i), Some(has)) => merge::note(&mut m.case_notes[i], &old, &has),
                        _ => Vec::new(),
                    }
                }
                None => Vec::new(),
            }
        })
        .collect()
}

/// Upheld challenges of an auditor's grade (a challenge or dissent log's
/// "Outcome: Upheld" with a "Revised grade"): the audit of that child
/// completed that day takes the revised grade as its overall judgement, with
/// a `challenge_upheld` note; a challenge that finds no such audit, or whose
/// grade is no grade, is said and not made.
fn apply_challenges(model: &mut Model, ctx: &table::Context, found: &mut findings::Findings) {
    for (at, child, on, grade) in std::mem::take(&mut model.challenges) {
        let same = |id: &str| identity::same_child_id(id, &child);
        // (A log with no audit date: the child's one completed audit.)
        let audits: Vec<usize> = (0..model.audits.len())
            .filter(|&i| on.map_or(model.audits[i].completed.is_some(), |d| model.audits[i].completed == Some(d)) && same(&model.audits[i].child_id))
            .collect();
        let on = on.map_or_else(|| "(no date given)".to_string(), |d| d.to_string());
        let place = |sheet: &Option<String>| sheet.as_deref().map(str::to_string);
        let [i] = audits.as_slice() else {
            let why = format!(
                "an upheld challenge revises the grade of child {child}'s audit of {on} to {grade}, but {} audit of that child that day was read: not made",
                if audits.is_empty() { "no" } else { "more than one" }
            );
            found.push(findings::Severity::Warning, "challenge_not_applied", &at.file, place(&at.sheet).as_deref(), Some(at.row), None, grade, why);
            continue;
        };
        let audit = &mut model.audits[*i];
        let scale = audit.overall.as_ref().map(|j| j.scale.clone());
        // (The grade it became, at the end of a sentence: "Agreed following
        // discussion - now Good", "Requires improvement to Good".)
        let judge = |t: &str| ctx.crosswalk.judge(&ingest::Cell::text(t.trim()), scale.as_deref(), ctx.config.settings.numeric_direction).ok().flatten();
        let last = [" to ", " now ", " - ", " – ", ": "].iter().filter_map(|sep| grade.rfind(sep).map(|i| &grade[i + sep.len()..])).min_by_key(|t| t.len());
        let Some(mut revised) = last.and_then(judge).or_else(|| judge(&grade)) else {
            let why = format!("an upheld challenge gives '{grade}' as child {child}'s revised grade, which is no grade: not made");
            found.push(findings::Severity::Warning, "challenge_not_applied", &at.file, place(&at.sheet).as_deref(), Some(at.row), None, grade, why);
            continue;
        };
        revised.source_label = grade.clone();
        // (Whether the moderator agreed stays judged against the auditor's own grade.)
        if audit.moderator_agrees.is_none() && audit.moderated_overall.is_some() {
            audit.moderator_agrees = audit.moderator_agreed();
        }
        // (A challenge upheld in part and moderated, on this row: agreed
        // where the grade it gives is the auditor's.)
        let kept = audit.overall.as_ref().and_then(|before| model::grades_agree(before, &revised));
        for m in model.moderations.iter_mut().filter(|m| m.origin == at && m.agrees.is_none()) {
            m.agrees = kept;
        }
        let before = audit.overall.as_ref().map(|j| j.source_label.clone()).unwrap_or_else(|| "no grade".to_string());
        // (A grade it gives that is the audit's own, as a challenge upheld in
        // part may: the grade stands; review 253.)
        let why = if kept == Some(true) {
            format!("child {child}'s audit of {on} ({}): the challenge was upheld, but the grade it gives, {grade}, is the audit's own ({before}): the grade stands", audit.origin.file)
        } else {
            let why =
                format!("child {child}'s audit of {on} ({}) is read with the revised grade {grade}, not {before}: the challenge was upheld", audit.origin.file);
            audit.overall = Some(revised);
            why
        };
        found.push(findings::Severity::Info, "challenge_upheld", &at.file, place(&at.sheet).as_deref(), Some(at.row), None, grade, why);
    }
}

/// Case notes whose child id names a sibling group ("C200111, C200112,
/// C200113", "C200121 and C200122", [`sibling_ids`]): a visit to the group is
/// a visit to each child, so each is read as a note of each child named (as
/// a note copied to each sibling's record is), with one note saying how many.
fn split_group_notes(model: &mut Model, found: &mut findings::Findings) {
    let groups: Vec<(u32, Vec<String>)> = (0..model.children.len() as u32)
        .filter_map(|c| {
            let ids = sibling_ids(model.children.get(c));
            (ids.len() >= 2).then(|| (c, ids.into_iter().map(str::to_string).collect()))
        })
        .collect();
    if groups.is_empty() {
        return;
    }
    let mut split: HashMap<u32, Vec<u32>> = HashMap::new();
    for (c, ids) in &groups {
        let kids = ids.iter().map(|id| model.children.intern(id)).collect();
        split.insert(*c, kids);
    }
    // (A note also copied to a child's own record is that child's once:
    // the same type, day, recording, seen alone, author and team.)
    let key = |n: &CaseNote, child: u32| (child, n.note_type, n.event, n.recorded, n.seen_alone as u8, n.author, n.team);
    let own: std::collections::HashSet<_> = model.case_notes.iter().filter(|n| !split.contains_key(&n.child)).map(|n| key(n, n.child)).collect();
    let (mut notes, mut added, mut copies, mut file) = (0usize, 0i64, 0usize, None);
    let mut out = Vec::with_capacity(model.case_notes.len());
    for n in std::mem::take(&mut model.case_notes) {
        match split.get(&n.child) {
            Some(kids) => {
                notes += 1;
                file.get_or_insert(n.source);
                added -= 1;
                for &k in kids {
                    if own.contains(&key(&n, k)) {
                        copies += 1;
                    } else {
                        added += 1;
                        out.push(CaseNote { child: k, ..n.clone() });
                    }
                }
            }
            None => out.push(n),
        }
    }
    model.case_notes = out;
    if notes == 0 {
        return;
    }
    let shown: Vec<&str> = groups.iter().take(3).map(|(c, _)| model.children.get(*c)).collect();
    let file = file.map(|f| model.note_file(f).to_string()).unwrap_or_default();
    let why = format!(
        "{notes} case notes name several children ({}{}): each is read as a note of each child named, as a note copied to each sibling's record would be ({added} more notes in the visit and recording KPIs and in case_notes.csv{})",
        shown.join("; "),
        if groups.len() > 3 { "; …" } else { "" },
        if copies > 0 { format!("; {copies} already on the child's own record, counted once") } else { String::new() }
    );
    found.push(findings::Severity::Info, "note_of_several_children", &file, None, None, None, String::new(), why);
}

/// Records by where each was read.
fn places<T, K: std::hash::Hash + Eq>(records: &[T], key: impl Fn(&T) -> K) -> HashMap<K, usize> {
    records.iter().enumerate().map(|(i, r)| (key(r), i)).collect()
}

/// Case notes whose note type is a code that a key sheet explains
/// ("STAT-CP": "Statutory visit - child protection") take the kind of its
/// meaning, when the code itself says no kind. A note names each code read so.
fn read_codes_by_key(model: &mut Model, ctx: &table::Context, found: &mut findings::Findings) {
    // (A staff list gives names, which a restructure's table may rename.)
    teams_from_staff(model, found);
    let not_visits: HashSet<(u32, u32)> = std::mem::take(&mut model.not_visits).into_iter().collect();
    if model.code_key.is_empty() {
        return;
    }
    teams_by_key(model, found);
    teams_renamed(model, ctx.config.settings.restructured_teams_renamed, found);
    if model.case_notes.is_empty() {
        return;
    }
    // (Each code's meanings in the keys' order: the first is used, unless
    // two keys, or two lines of one, give the code meanings of two kinds.)
    let mut key: std::collections::HashMap<String, Vec<&CodeMeaning>> = std::collections::HashMap::new();
    for k in model.code_key.iter().filter(|k| k.of.as_deref() != Some(table::TEAM_RENAMED)) {
        key.entry(fold::fold(&k.code)).or_default().push(k);
    }
    let unread: std::collections::BTreeSet<u32> = model.case_notes.iter().filter(|n| n.kind == NoteKind::Other).map(|n| n.note_type).collect();
    let mut kinds: std::collections::HashMap<u32, NoteKind> = std::collections::HashMap::new();
    let mut said = Vec::new();
    for id in unread {
        let text = model.strings.get(id);
        let Some(all) = key.get(&fold::fold(text)) else { continue };
        let k = all[0];
        let kind = table::note_kind(&ctx.note_rules, &k.meaning);
        if let Some(other) = all.iter().find(|o| table::note_kind(&ctx.note_rules, &o.meaning) != kind) {
            let place = |m: &CodeMeaning| format!("{}{}", m.file, m.sheet.as_ref().map(|s| format!(" [{s}]")).unwrap_or_default());
            found.push(
                Severity::Warning,
                "code_key_ambiguous",
                &k.file,
                k.sheet.as_deref(),
                None,
                Some("note type"),
                text.to_string(),
                format!(
                    "note type '{text}' is given two meanings ('{}' in {}, '{}' in {}): read as neither, so its notes are not counted as visits",
                    k.meaning,
                    place(k),
                    other.meaning,
                    place(other)
                ),
            );
            continue;
        }
        if kind == NoteKind::Other {
            continue;
        }
        kinds.insert(id, kind);
        said.push((text.to_string(), k, kind));
    }
    if kinds.is_empty() {
        return;
    }
    for n in model.case_notes.iter_mut() {
        if let Some(&k) = kinds.get(&n.note_type).filter(|_| !not_visits.contains(&(n.source, n.row))) {
            n.kind = k;
        }
    }
    for (code, k, kind) in said {
        found.push(
            Severity::Info,
            "code_key_used",
            &k.file,
            k.sheet.as_deref(),
            None,
            Some("note type"),
            code.clone(),
            format!("note type '{code}' read as '{}', as this key says: {}", k.meaning, kind.as_str().replace('_', " ")),
        );
    }
}

/// Teams written as codes that a key names ("CSC-SW2": "Safeguarding West",
/// from a reference table of team codes and names): shown by name, with a
/// note per code.
fn teams_by_key(model: &mut Model, found: &mut findings::Findings) {
    // Only a key of team codes ("team_cd" / "team_name"); a code the keys
    // give two teams for names neither (a warning).
    let mut key: HashMap<String, &CodeMeaning> = HashMap::new();
    let mut torn: BTreeMap<String, (String, String, &CodeMeaning)> = BTreeMap::new();
    for k in model.code_key.iter().filter(|k| k.of.as_deref() == Some("team")) {
        let code = fold::fold(&k.code);
        match key.get(&code) {
            Some(first) if fold::fold(&first.meaning) != fold::fold(&k.meaning) => {
                torn.entry(code).or_insert((first.meaning.clone(), k.meaning.clone(), k));
            }
            Some(_) => {}
            None => {
                key.insert(code, k);
            }
        }
    }
    for (code, (a, b, k)) in &torn {
        key.remove(code);
        found.push(
            Severity::Warning,
            "code_key_ambiguous",
            &k.file,
            k.sheet.as_deref(),
            None,
            Some("team"),
            k.code.clone(),
            format!("team code '{}' is given for two teams ('{a}', '{b}'): left as written", k.code),
        );
    }
    let mut named: BTreeMap<String, (String, String, Option<String>)> = BTreeMap::new();
    let mut name = |team: &mut Option<String>| {
        let Some(t) = team.as_deref() else { return };
        if let Some(k) = key.get(&fold::fold(t)) {
            named.entry(t.to_string()).or_insert_with(|| (k.meaning.clone(), k.file.clone(), k.sheet.clone()));
            *team = Some(k.meaning.clone());
        }
    };
    model.audits.iter_mut().for_each(|a| name(&mut a.team));
    model.actions.iter_mut().for_each(|a| name(&mut a.team));
    model.episodes.iter_mut().for_each(|e| name(&mut e.team));
    for (code, (meaning, file, sheet)) in named {
        found.push(
            Severity::Info,
            "code_key_used",
            &file,
            sheet.as_deref(),
            None,
            Some("team"),
            code.clone(),
            format!("team '{code}' shown as '{meaning}', as this key says"),
        );
    }
}

/// An audit that names its social worker but no team takes the worker's team
/// from a staff list ([`Model::staff`]): the line for that name (case and
/// spacing aside) that holds on the audit's date (completed, else allocated:
/// a line with "From" / "To" dates, or one "In team since" a date after the
/// audit gives its "Previous team"). A name the lists do not have, or give
/// two teams for that day, gives none (said once per table).
fn teams_from_staff(model: &mut Model, found: &mut findings::Findings) {
    let workers = std::mem::take(&mut model.audit_workers);
    if model.staff.is_empty() || workers.is_empty() {
        return;
    }
    let key = |n: &str| identity::team_key(n);
    let mut by_name: HashMap<String, Vec<&model::StaffLine>> = HashMap::new();
    for l in &model.staff {
        by_name.entry(key(&l.name)).or_default().push(l);
    }
    let team_on = |lines: &[&model::StaffLine], day: Option<chrono::NaiveDate>| -> Option<String> {
        let mut teams: Vec<String> = Vec::new();
        for l in lines {
            let team = match (day, l.from, l.to) {
                (Some(d), Some(f), _) if d < f => match &l.previous_team {
                    Some(p) if l.to.is_none() => p.clone(),
                    _ => continue,
                },
                (Some(d), _, Some(t)) if d > t => continue,
                _ => l.team.clone(),
            };
            if !teams.iter().any(|t| key(t) == key(&team)) {
                teams.push(team);
            }
        }
        match teams.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
    };
    // Per table (file, sheet): audits given a team, names not found or not
    // settled, the list's file.
    #[derive(Default)]
    struct Said {
        given: usize,
        missing: Vec<String>,
        list: String,
    }
    let mut said: BTreeMap<(String, Option<String>), Said> = BTreeMap::new();
    for a in model.audits.iter_mut().filter(|a| a.team.as_deref().is_none_or(str::is_empty)) {
        let Some(worker) = workers.get(&(a.origin.file.clone(), a.origin.sheet.clone(), a.origin.row)) else { continue };
        let entry = said.entry((a.origin.file.clone(), a.origin.sheet.clone())).or_default();
        match by_name.get(&key(worker)).and_then(|lines| team_on(lines, a.completed.or(a.allocated)).map(|t| (t, lines[0].file.clone()))) {
            Some((team, list)) => {
                a.team = Some(team);
                entry.given += 1;
                entry.list = list;
            }
            None => entry.missing.push(worker.clone()),
        }
    }
    for ((file, sheet), Said { given, missing, list }) in said {
        if given > 0 {
            let why = format!("{given} audits name their social worker but no team: each takes the worker's team from the staff list {list}");
            found.push(Severity::Info, "team_from_staff_list", &file, sheet.as_deref(), None, Some("team"), given.to_string(), why);
        }
        if !missing.is_empty() {
            let why = format!(
                "{} audits with no team name a social worker the staff list does not have (or gives two teams for on the audit's day): {}; their team is not recorded",
                missing.len(),
                missing.join(", ")
            );
            found.push(Severity::Info, "worker_not_on_staff_list", &file, sheet.as_deref(), None, Some("team"), missing.len().to_string(), why);
        }
    }
}

/// Teams a restructure's table renames or merges ("Family Safeguarding North"
/// → "FS Hub 1"; two old teams → one new): shown under the new name, with a
/// note per team. A team split in two (one old name, two new) stays as
/// written: the table cannot say which new team a record belongs to.
/// With `[settings] restructured_teams_renamed = false`, every record keeps
/// the team written on it (said once).
fn teams_renamed(model: &mut Model, rename: bool, found: &mut findings::Findings) {
    let lines: Vec<&CodeMeaning> = model.code_key.iter().filter(|k| k.of.as_deref() == Some(table::TEAM_RENAMED)).collect();
    if lines.is_empty() {
        return;
    }
    if !rename {
        let why = "a restructure's table of old and new team names is not used ([settings] restructured_teams_renamed = false): every record keeps the team written on it";
        found.push(Severity::Info, "team_renames_not_used", &lines[0].file, lines[0].sheet.as_deref(), None, Some("team"), "", why.to_string());
        return;
    }
    let mut to: BTreeMap<String, Vec<&CodeMeaning>> = BTreeMap::new();
    for k in lines.iter().filter(|k| identity::team_key(&k.code) != identity::team_key(&k.meaning)) {
        let list = to.entry(identity::team_key(&k.code)).or_default();
        if !list.iter().any(|m| identity::team_key(&m.meaning) == identity::team_key(&k.meaning)) {
            list.push(k);
        }
    }
    let mut renamed: BTreeMap<String, &CodeMeaning> = BTreeMap::new();
    for (old, news) in &to {
        match news.as_slice() {
            [one] => {
                renamed.insert(old.clone(), *one);
            }
            many => {
                let names: Vec<&str> = many.iter().map(|k| k.meaning.as_str()).collect();
                let why = format!("team '{}' is split into {}: its records stay under its old name", many[0].code, names.join(" and "));
                found.push(Severity::Info, "team_split", &many[0].file, many[0].sheet.as_deref(), None, Some("team"), many[0].code.clone(), why);
            }
        }
    }
    let mut used: BTreeMap<String, &CodeMeaning> = BTreeMap::new();
    let mut rename = |team: &mut Option<String>| {
        let Some(t) = team.as_deref() else { return };
        if let Some(k) = renamed.get(&identity::team_key(t)) {
            used.entry(t.to_string()).or_insert(k);
            *team = Some(k.meaning.clone());
        }
    };
    model.audits.iter_mut().for_each(|a| rename(&mut a.team));
    model.actions.iter_mut().for_each(|a| rename(&mut a.team));
    model.episodes.iter_mut().for_each(|e| rename(&mut e.team));
    for (old, k) in used {
        let why = format!("team '{old}' shown as '{}', as the restructure's table of old and new names says", k.meaning);
        found.push(Severity::Info, "team_renamed", &k.file, k.sheet.as_deref(), None, Some("team"), old, why);
    }
}

/// A file as opened, or the reader library's panic.
type Opened = Result<ingest::Opened, String>;

/// A file opened before the others for the header rows it may share with
/// them ([`table::header_parts`]): a spreadsheet or text export of at most
/// [`SMALL_FILE`] bytes (a tracker split a file per team holds a few rows).
fn small_table_file(path: &std::path::Path) -> bool {
    let ext = ingest::extension(path);
    (ingest::WORKBOOK_EXTENSIONS.contains(&ext.as_str()) || ingest::TEXT_EXTENSIONS.contains(&ext.as_str()))
        && ingest::input_len(path).is_some_and(|n| n <= SMALL_FILE)
}

/// The largest file [`small_table_file`] takes.
const SMALL_FILE: u64 = 32 * 1024;

/// Reads one opened file's tables into `out`.
fn read_file(ctx: &table::Context, opened: ingest::Opened, shown: &str, out: &mut Normalised, found: &mut findings::Findings) {
    match opened {
        Ok((tables, notes)) => {
            if tables.is_empty() {
                found.push(Severity::Error, "file_error", shown, None, None, None, "", "the workbook has no data in any sheet");
                out.failed_files.push(shown.to_string());
            }
            // (Formulas with no saved result are said once the sheet is read:
            // on a sheet no record is read from, a summary, they change nothing.)
            let (uncalculated, notes): (Vec<_>, Vec<_>) = notes.into_iter().partition(|n| n.level == ingest::workbook::NoteLevel::Uncalculated);
            for n in notes {
                let (severity, code) = match n.level {
                    ingest::workbook::NoteLevel::Info => (Severity::Info, "sheet_skipped"),
                    ingest::workbook::NoteLevel::Warning => (Severity::Warning, "cells_left_out"),
                    ingest::workbook::NoteLevel::Uncalculated => (Severity::Warning, "formula_not_calculated"),
                    ingest::workbook::NoteLevel::Error => (Severity::Error, "sheet_error"),
                    ingest::workbook::NoteLevel::Hidden => (Severity::Info, "sheet_hidden"),
                    ingest::workbook::NoteLevel::Format => (Severity::Info, "file_format"),
                };
                if severity == Severity::Error && !out.failed_files.iter().any(|f| f == shown) {
                    out.failed_files.push(shown.to_string());
                }
                found.push(severity, code, shown, n.sheet.as_deref(), None, None, "", n.message);
            }
            // (A text export read with a repair: stray bytes read as
            // Windows-1252, stray zero bytes left out.)
            for t in &tables {
                if let Some(said) = t.text_format.as_ref().and_then(|f| ingest::repair_said(f.encoding)) {
                    found.push(Severity::Info, "file_format", shown, None, None, None, "", said);
                }
            }
            let mut tables = tables;
            // Corrections kept in a log beside the records (a sheet of fixes
            // to the tracker's cells): made before the sheets are read.
            corrections::apply(&mut tables, shown, found);
            // (And a log naming each record by its ids, in a file of its own
            // or a sheet of this workbook: made wherever its records are.)
            if !ctx.keyed_corrections.borrow().iter().any(|k| k.file() == shown) {
                let own: Vec<corrections::Keyed> = tables.iter_mut().flat_map(|t| corrections::read_keyed(t, shown, found)).collect();
                ctx.keyed_corrections.borrow_mut().extend(own);
            }
            corrections::apply_keyed(&mut tables, &mut ctx.keyed_corrections.borrow_mut(), found);
            // Answers written as codes, each question's labels on a sheet of
            // the workbook (a survey tool's download).
            // (Else, a file of codes and labels beside the exports.)
            let own = if tables.len() > 1 { gradekey::find_labels(&mut tables) } else { None };
            if let Some(labels) = own.or_else(|| ctx.folder_labels.borrow().clone().filter(|l| l.file() != shown)) {
                for t in tables.iter_mut() {
                    let named = labels.apply(t);
                    if !named.is_empty() {
                        // (Read by the row reader: the columnar one reads the file's own cells.)
                        if let Some(f) = t.text_format.as_mut() {
                            f.bulk = None;
                        }
                        found.push(Severity::Info, "value_labels", shown, t.sheet.as_deref(), None, None, &labels.sheet, labels.note(&named));
                    }
                }
            }
            // Grades written as codes, or scores banded into grades, explained
            // on a sheet of the workbook; or, where the workbook has no key of
            // codes, in a file of its own beside the exports.
            let mut keys = if tables.len() > 1 { gradekey::find(&mut tables, ctx.crosswalk) } else { Vec::new() };
            let folder_keys = ctx.grade_keys.borrow().clone();
            if !keys.iter().any(|k| matches!(k.key, gradekey::Key::Codes(_))) {
                keys.extend(folder_keys.iter().filter(|k| k.sheet != shown).cloned());
            }
            *ctx.grade_keys.borrow_mut() = keys.clone();
            let mut keyed = false;
            for key in &keys {
                for t in tables.iter_mut() {
                    let named = gradekey::apply(t, key);
                    if !named.is_empty() {
                        keyed = true;
                        let (code, value, message) = key.note(&named);
                        found.push(Severity::Info, code, shown, t.sheet.as_deref(), None, None, value, message);
                    }
                }
            }
            // A key of column names, in a sheet of this workbook or a file of
            // its own, is no records: the headers it explains are read as
            // what it says they hold.
            colkey::read_with_keys(&mut tables, &ctx.column_keys.borrow(), shown, found);
            // A long-format table kept one sheet per question: one table.
            for (sheet, message) in long::join_question_sheets(&mut tables) {
                found.push(Severity::Info, "long_sheets_joined", shown, sheet.as_deref(), None, None, "", message);
            }
            // A header that two or more sheets, or small files of the folder,
            // share: one table kept a sheet or a file per team or per month,
            // its columns recognised on all their rows.
            // (A workbook of several sheets not opened with the small files
            // adds its own sheets' headers for its own reading; the folder's
            // grouping is put back after it. So does one opened with them
            // whose grades a key of its own explained: its sheets' rows are
            // shared as the key reads them, not as they were opened: blind
            // set 149's earlier round's letters, raw beside the later
            // round's grades, left its grade column unread.)
            let opened_with_small = ctx.folder_headers.borrow().iter().any(|p| p.file_is(shown));
            let own = if tables.len() > 1 && (!opened_with_small || keyed) { table::header_parts(ctx, &mut tables) } else { Vec::new() };
            let folder_shared = (!own.is_empty()).then(|| {
                let mut parts: Vec<table::HeaderPart> = ctx.folder_headers.borrow().iter().filter(|p| !p.file_is(shown)).cloned().collect();
                parts.extend(own);
                std::mem::replace(&mut *ctx.shared_headers.borrow_mut(), table::shared_headers(&parts))
            });
            let before = out.tables.len();
            for t in tables {
                out.tables.extend(table::read_tables(ctx, t, &mut out.model, found));
            }
            if let Some(folder_shared) = folder_shared {
                *ctx.shared_headers.borrow_mut() = folder_shared;
            }
            *ctx.grade_keys.borrow_mut() = folder_keys;
            for n in uncalculated {
                let records = out.tables[before..].iter().any(|r| r.sheet == n.sheet && r.rows_accepted > 0);
                let (severity, message) = if records {
                    (Severity::Warning, n.message)
                } else {
                    (Severity::Info, format!("{} (no record is read from this sheet, so no figure rests on them)", n.message))
                };
                found.push(severity, "formula_not_calculated", shown, n.sheet.as_deref(), None, None, "", message);
            }
        }
        Err(e) => {
            found.push(Severity::Error, "file_error", &e.file, e.sheet.as_deref(), None, None, "", e.message.clone());
            out.failed_files.push(e.file);
        }
    }
}

/// A grade key ("Answer lookup.csv": "Q1-Q12 | 1 | Does not meet good", …)
/// and a list of question ids ([`question_list_in`]), each given as a small
/// text file of its own beside the exports, found before any file is read, so
/// the order the files come in does not matter. Each small text file is
/// opened once, for both.
fn folder_keys_and_lists(files: &[PathBuf], config: &Config, crosswalk: &Crosswalk, found: &mut findings::Findings) -> FolderKeys {
    let mut keys: Vec<gradekey::SheetKey> = Vec::new();
    let mut lists: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut column_keys: Vec<colkey::ColumnKey> = Vec::new();
    let mut labels: Vec<gradekey::ValueLabels> = Vec::new();
    // (A small workbook too, when its name says it is a key: "Answer
    // lookup.xlsx", "Codes.xlsx"; forms are small workbooks as well, and are
    // not opened twice.)
    let named_key = |p: &PathBuf| {
        let f = fold::fold(&p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
        f.split(' ').any(|w| {
            matches!(w, "key" | "keys" | "lookup" | "lookups" | "codes" | "legend" | "codebook" | "dictionary" | "glossary" | "abbreviations" | "definitions")
        })
    };
    for path in files.iter().filter(|p| (!ingest::is_workbook(p) || named_key(p)) && ingest::input_len(p).is_some_and(|n| n <= 16 * 1024)) {
        let shown = ingest::display_path(path);
        let Some((tables, _)) = ingest::quietly(|| ingest::open_with_notes(path)).ok().and_then(Result::ok) else { continue };
        let Some(mut t) = tables.into_iter().next() else { continue };
        // (The key reader reads the table's first rows and leaves them in it.)
        keys.extend(gradekey::find_in_file(&mut t, crosswalk, &shown));
        labels.extend(gradekey::labels_in_file(&mut t, &shown));
        let head: Vec<crate::ingest::SourceRow> = t.rows.take(200).filter_map(Result::ok).collect();
        column_keys.extend(colkey::key_in(&head, &shown));
        let rows: Vec<Vec<crate::ingest::Cell>> = head.into_iter().map(|r| r.cells).collect();
        // (A key of team codes, "Code" / "District the child belongs to:", is
        // read as a key of teams, not as a list of questions.)
        let team_key = rows.first().is_some_and(|h| h.iter().any(|c| table::names_team(&fold::fold(&c.as_string()), &config.fields.audit)));
        if let Some(list) = question_list_in(&rows, crosswalk).filter(|_| !team_key) {
            lists.push((shown, list));
        }
    }
    let labels = match labels.len() {
        0 | 1 => labels.pop(),
        _ => {
            let names: Vec<&str> = labels.iter().map(|l| l.file()).collect();
            // (Parts of one key, no code given two meanings: read as one.)
            if let Some(one) = gradekey::ValueLabels::merged(&labels) {
                let why = format!("{} files each give codes their meanings, and no code is given two: read as one key", names.len());
                found.push(Severity::Info, "value_labels_merged", names[0], None, None, None, names.join(", "), why);
                Some(one)
            } else {
                let why = format!("{} files each give codes their meanings: none is used; codes in the other files are read as they are", names.len());
                found.push(Severity::Warning, "value_labels_ambiguous", names[0], None, None, None, names.join(", "), why);
                None
            }
        }
    };
    FolderKeys { grade_keys: one_grade_key(keys, found), question_list: one_question_list(lists, found), labels, column_keys }
}

/// The corrections of the logs among the files, found by their names
/// ("amendments log", "data correction requests"), read before any file so
/// that the records they correct are read corrected whatever the order.
fn folder_corrections(files: &[PathBuf], found: &mut findings::Findings) -> Vec<corrections::Keyed> {
    let mut keyed = Vec::new();
    for path in files.iter().filter(|p| may_be_corrections_log(p)) {
        let shown = ingest::display_path(path);
        let Some((tables, _)) = ingest::quietly(|| ingest::open_with_notes(path)).ok().and_then(Result::ok) else { continue };
        for mut t in tables {
            keyed.extend(corrections::read_keyed(&mut t, &shown, found));
        }
    }
    // (A log's name says what it corrects only where a file of the folder
    // is named so.)
    let names: Vec<Vec<String>> = files.iter().filter_map(|p| p.file_stem()).map(|s| corrections::name_words(&s.to_string_lossy())).collect();
    for k in keyed.iter_mut() {
        let own = corrections::name_words(&std::path::Path::new(k.file()).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default());
        if !names.iter().filter(|n| **n != own).any(|n| n.iter().any(|w| k.prefer.contains(w))) {
            k.prefer.clear();
        }
    }
    keyed
}

/// Whether a file is looked at for a log of corrections before the records
/// are read: named for one ("DCR log.xlsx"), or, named plainly ("Export
/// (3).xlsx"), a workbook with a sheet named for one, or a text file whose
/// first lines are a log's header. (A log found only while reading corrects
/// the records read after it.)
fn may_be_corrections_log(path: &std::path::Path) -> bool {
    if path.file_stem().is_some_and(|s| corrections::names_a_log(&s.to_string_lossy())) {
        return true;
    }
    if ingest::archive::split(path).is_some() {
        return false;
    }
    match ingest::extension(path).as_str() {
        "xlsx" | "xlsm" => ingest::workbook::sheet_names(path).iter().any(|s| corrections::names_a_log(s)),
        ext if ingest::TEXT_EXTENSIONS.contains(&ext) => {
            ingest::open(path).map(|tables| tables.into_iter().any(|t| t.rows.take(6).flatten().any(|r| corrections::is_log(&r.cells)))).unwrap_or(false)
        }
        _ => false,
    }
}

/// Download copies of one name ("Export (1).xlsx", "Export (2).xlsx") whose
/// tables' headers are not one report's: two reports each downloaded once,
/// neither a later version of the other. (Opened here only for such names.)
fn different_downloads(files: &[PathBuf]) -> std::collections::HashSet<(String, String)> {
    let shown: Vec<(&std::path::Path, String)> = files.iter().map(|p| (p.as_path(), ingest::display_path(p))).collect();
    let mut out = std::collections::HashSet::new();
    for group in versions::download_groups(&shown) {
        let headers: Vec<(String, Vec<Vec<String>>)> = group.iter().map(|p| (ingest::display_path(p), file_headers(p))).collect();
        for (i, (a, of_a)) in headers.iter().enumerate() {
            for (b, of_b) in &headers[i + 1..] {
                if !of_a.is_empty() && !of_b.is_empty() && !of_a.iter().any(|x| of_b.iter().any(|y| versions::same_report(x, y))) {
                    out.insert((a.clone(), b.clone()));
                    out.insert((b.clone(), a.clone()));
                }
            }
        }
    }
    out
}

/// Each table's header: its first row of at least two named cells within
/// its first ten rows, folded.
fn file_headers(path: &std::path::Path) -> Vec<Vec<String>> {
    let Ok(Ok((tables, _))) = ingest::quietly(|| ingest::open_with_notes(path)) else { return Vec::new() };
    tables
        .into_iter()
        .filter_map(|t| {
            t.rows
                .take(10)
                .flatten()
                .map(|r| r.cells.iter().map(|c| fold::fold(&c.as_string())).filter(|c| !c.is_empty()).collect::<Vec<_>>())
                .find(|h| h.len() >= 2)
        })
        .collect()
}

/// What small files beside the exports explain for the others.
struct FolderKeys {
    grade_keys: Vec<gradekey::SheetKey>,
    question_list: Vec<(String, String)>,
    /// Each field's codes and their labels ([`gradekey::labels_in_file`]).
    labels: Option<gradekey::ValueLabels>,
    /// Keys of column names in files of their own ([`colkey`]).
    column_keys: Vec<colkey::ColumnKey>,
}

/// The folder's grade key: the one file's; two that disagree are neither used
/// (a warning).
fn one_grade_key(mut keys: Vec<gradekey::SheetKey>, found: &mut findings::Findings) -> Vec<gradekey::SheetKey> {
    let codes = |k: &gradekey::SheetKey| match &k.key {
        gradekey::Key::Codes(c) => c.iter().map(|(n, l)| (*n, fold::fold(l))).collect::<Vec<_>>(),
        gradekey::Key::Bands(_) | gradekey::Key::Words(_) => Vec::new(),
    };
    if keys.windows(2).any(|w| codes(&w[0]) != codes(&w[1])) {
        let names: Vec<&str> = keys.iter().map(|k| k.sheet.as_str()).collect();
        found.push(
            Severity::Warning,
            "grade_key_ambiguous",
            names[0],
            None,
            None,
            None,
            names.join(", "),
            format!("{} files each give grade codes a meaning, and they differ: none is used; grades written as codes are read as plain numbers", keys.len()),
        );
        return Vec::new();
    }
    keys.truncate(1);
    keys
}

/// A list of question ids and what each asks ("KSS4 | Care plan | Is there a
/// clear plan …", "Area 4 | Asesu / Assessment"): three rows or more whose
/// first cell is an id of one series (the same letters and a number, "KSS1"
/// … "KSS9", "Area 4", "Q4"), distinct, most of the table's rows, each with
/// words beside it. The first
/// words beside an id (its short name where the list gives one, else its
/// question; not a list of grades, "Met / Partially met / Not met") are read
/// as its text wherever a header is only the id.
fn question_list_in(rows: &[Vec<crate::ingest::Cell>], crosswalk: &Crosswalk) -> Option<Vec<(String, String)>> {
    let id_like = |t: &str| {
        let t = t.trim();
        let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (1..=2).contains(&digits)
            && t.len() <= 12
            && t.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && t[..t.len() - digits].trim().chars().all(|c| c.is_ascii_alphabetic())
    };
    let grades = |w: &str| {
        w.split(" / ").filter(|p| crosswalk.judge(&crate::ingest::Cell::text(p), None, config::NumericDirection::Ofsted).is_ok_and(|j| j.is_some())).count()
            >= 2
    };
    let mut list: Vec<(String, String)> = Vec::new();
    for r in rows {
        let Some(id) = r.first().map(|c| c.as_string()).filter(|id| id_like(id)) else { continue };
        // (The first words beside the id: its name, where the list gives a
        // short one, "Participation", else the question itself.)
        if let Some(text) = r[1..].iter().map(|c| c.as_string()).find(|w| w.chars().any(char::is_alphabetic) && !grades(w)) {
            list.push((fold::fold(&id), text));
        }
    }
    let mut ids: Vec<&String> = list.iter().map(|(id, _)| id).collect();
    ids.sort();
    ids.dedup();
    // (One series: the same letters before every number, "KSS1" … "KSS9"; a
    // lookup of codes, "C1", "V2", "E1", is no list of questions.)
    let letters = |id: &str| id.trim_end_matches(|c: char| c.is_ascii_digit()).trim().to_string();
    let one_series = list.iter().all(|(id, _)| letters(id) == letters(&list[0].0));
    // (A list is narrow: an id and a few words. A table of records whose
    // first column happens to run "A1" … "A8", an audit log's own ids, is not.)
    let narrow = rows.iter().all(|r| r.iter().filter(|c| !c.is_empty()).count() <= 5);
    // (Nor does a list hold dates: rows of child ids "C1", "C2" with a start
    // date are legal statuses or case notes.)
    let dated = rows.iter().flatten().any(|c| matches!(c, crate::ingest::Cell::Date(_) | crate::ingest::Cell::Text(_)) && c.as_date().is_some());
    (list.len() >= 3 && one_series && narrow && !dated && ids.len() == list.len() && list.len() * 2 >= rows.len().saturating_sub(1) && rows.len() <= 60)
        .then_some(list)
}

/// A question list ([`question_list_in`]) as a small text file of its own
/// beside the exports ("KSS domain list.csv"). Two such files, or none: no list.
fn one_question_list(lists: Vec<(String, Vec<(String, String)>)>, found: &mut findings::Findings) -> Vec<(String, String)> {
    match lists.as_slice() {
        [(shown, list)] => {
            let ids: Vec<&str> = list.iter().map(|(id, _)| id.as_str()).collect();
            let why = "a list of question ids and what each asks: a header that is only one of these ids is read with its text".to_string();
            found.push(Severity::Info, "question_list", shown, None, None, None, ids.join(", "), why);
            list.clone()
        }
        [] => Vec::new(),
        _ => {
            let names: Vec<&str> = lists.iter().map(|(s, _)| s.as_str()).collect();
            found.push(
                Severity::Warning,
                "question_list_ambiguous",
                names[0],
                None,
                None,
                None,
                names.join(", "),
                "several files list question ids: none is used".to_string(),
            );
            Vec::new()
        }
    }
}

/// The same file reached twice (given twice, or through folders or links) is
/// read once; so is a second file whose bytes are identical to one already
/// listed (a download saved twice): its rows would otherwise count twice.
fn read_once(files: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut seen: HashMap<PathBuf, String> = HashMap::new();
    let mut kept: Vec<PathBuf> = Vec::new();
    let mut skipped = Vec::new();
    for p in files {
        let canon = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
        match seen.get(&canon) {
            Some(first) => skipped.push(Skipped { path: ingest::display_path(&p), reason: format!("the same file as {first}: read once") }),
            None => {
                seen.insert(canon, ingest::display_path(&p));
                kept.push(p);
            }
        }
    }
    // Identical content: compare only files of equal size.
    let mut by_size: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, p) in kept.iter().enumerate() {
        if let Some(len) = ingest::input_len(p) {
            by_size.entry(len).or_default().push(i);
        }
    }
    let mut drop: Vec<(usize, usize)> = Vec::new();
    for group in by_size.values().filter(|g| g.len() > 1) {
        // (Compared by a 128-bit hash of each, read as a stream: four 1 GB
        // files of one size are never held at once.)
        let keys = [std::hash::RandomState::new(), std::hash::RandomState::new()];
        let contents: Vec<Option<(u64, u64)>> = group.iter().map(|&i| ingest::input_digest(&kept[i], &keys)).collect();
        for (a, ca) in contents.iter().enumerate() {
            if ca.is_none() || drop.iter().any(|(d, _)| *d == group[a]) {
                continue;
            }
            for (b, cb) in contents.iter().enumerate().skip(a + 1) {
                if cb.is_some() && ca == cb && !drop.iter().any(|(d, _)| *d == group[b]) {
                    drop.push((group[b], group[a]));
                }
            }
        }
    }
    // (In the files' own order: the groups come out of a hash map, and the
    // report must be the same on every run.)
    drop.sort_unstable();
    for (d, first) in &drop {
        skipped.push(Skipped {
            path: ingest::display_path(&kept[*d]),
            reason: format!("identical in every byte to {}: read once (its rows would count twice)", ingest::display_path(&kept[*first])),
        });
    }
    let dropped: std::collections::HashSet<usize> = drop.iter().map(|(d, _)| *d).collect();
    let kept = kept.into_iter().enumerate().filter(|(i, _)| !dropped.contains(i)).map(|(_, p)| p).collect();
    (kept, skipped)
}

/// Actions whose due date cannot be worked out: none given, no date set and
/// no audit completed to count from (METRICS.md: "10 working days after the
/// date the action was set (the audit's completion date when no set date is
/// given)"). They are in neither action KPI: said once per file, with the rows.
fn actions_without_due(model: &Model, found: &mut findings::Findings) {
    let completed: HashMap<&str, bool> = model.audits.iter().map(|a| (a.id.as_str(), a.completed.is_some())).collect();
    let mut by_file: std::collections::BTreeMap<(&str, Option<&str>), Vec<u32>> = std::collections::BTreeMap::new();
    for a in &model.actions {
        let from_audit = a.audit_id.as_deref().is_some_and(|id| completed.get(id).copied().unwrap_or(false));
        // (An action with its audit's date on its own row counts from it, as
        // `analyse::compliance::action_due_in` does.)
        if a.due.is_none() && a.set.is_none() && !from_audit && a.audit_date.is_none() {
            by_file.entry((a.origin.file.as_str(), a.origin.sheet.as_deref())).or_default().push(a.origin.row);
        }
    }
    for ((file, sheet), rows) in by_file {
        found.push(
            Severity::Warning,
            "action_no_due_date",
            file,
            sheet,
            rows.first().copied(),
            Some("due date"),
            "",
            format!(
                "{} action{} with no due date, no date set, no audit date and no completed audit to count 10 working days from: in neither actions_on_time nor actions_overdue (rows {})",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" },
                findings::some_rows(&rows)
            ),
        );
    }
}

/// The children of a sibling group's audit written in one cell ("FN30577 &
/// FN30578 (sibs)", "C1 / C2 (sibling group - one audit)", "C1, C2"): each
/// part's first word, when two or more parts each start with an id (letters
/// and digits, a digit among them). None for one child's id.
pub(crate) fn sibling_ids(cell: &str) -> Vec<&str> {
    // One part (no separator anywhere): one child's id, the common case, asked
    // of every audit.
    if !cell.contains(['&', '/', ',', '+', ';']) && !cell.contains(" and ") {
        return Vec::new();
    }
    let head = cell.split('(').next().unwrap_or(cell);
    let parts: Vec<&str> = head.split(['&', '/', ',', '+', ';']).flat_map(|p| p.split(" and ")).map(str::trim).filter(|p| !p.is_empty()).collect();
    let ids: Vec<&str> = parts
        .iter()
        .filter_map(|p| p.split_whitespace().next())
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .collect();
    // Ids of one shape: the same letters before the same number of digits
    // ("FN30577 & FN30578", "C1 / C2"), not a case and a person number
    // ("F20455/1") or a year and a number ("2026/0457").
    let shape = |id: &str| (id.chars().take_while(|c| !c.is_ascii_digit()).collect::<String>().to_ascii_uppercase(), id.len());
    let one_shape = ids.iter().all(|id| shape(id) == shape(ids[0]));
    let year = |id: &&str| id.len() == 4 && id.parse::<u32>().is_ok_and(|y| (1990..=2100).contains(&y));
    if ids.len() >= 2 && ids.len() == parts.len() && one_shape && !ids.iter().any(year) {
        ids
    } else {
        Vec::new()
    }
}

/// An id as its records are matched by: a GUID ("{E8455933-565D-5C89-BB5B-
/// 915BFCE71BFE}") in lower case without its braces; any other id as it is.
fn guid_key(id: &str) -> std::borrow::Cow<'_, str> {
    if recognise::is_guid(id) {
        std::borrow::Cow::Owned(id.trim().trim_start_matches('{').trim_end_matches('}').to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(id)
    }
}

/// An actions table's column that was not recognised but whose dates are,
/// row by row, the completion date of an audit of the row's child ("Date
/// returned": the day the audit form came back) is read as the audit's date,
/// so that each action links to its audit (a child audited twice has two).
/// Taken when three in four of the column's dates at least are such a day,
/// of two children or more (or its one date, in a table of one), and it
/// matches more of them than each of the table's other such columns; only a
/// row whose date is such a day takes it (another keeps the rules for an
/// action with no audit date). Said in the table's notes and as a finding
/// (`audit_date_from_column`).
fn audit_dates_from_columns(tables: &mut [table::TableReport], model: &mut Model, found: &mut findings::Findings) {
    type Column = (String, Option<String>, u32);
    type Table = (String, Option<String>);
    // (A column, its dates, and those that are an audit's of the child.)
    type Tally = (u32, usize, usize);
    // The columns taken, and each action's date from its table's column.
    // (An action, by its place, and the date its table's column gives it.)
    type Dated = (usize, chrono::NaiveDate);
    let (chosen, dated): (Vec<(Table, Tally)>, Vec<Dated>) = {
        let mut done: HashSet<(&str, chrono::NaiveDate)> = HashSet::new();
        for a in &model.audits {
            if let Some(c) = a.completed {
                for child in model.children_of(&a.child_id) {
                    done.insert((child, c));
                }
            }
        }
        let open = |a: &&Action| a.audit_id.is_none() && a.audit_date.is_none();
        // (Dates, those that are an audit's of the child, and the children they are of, per column.)
        let mut tally: BTreeMap<Column, (usize, usize, usize)> = BTreeMap::new();
        let mut matched_children: HashSet<(Column, &str)> = HashSet::new();
        for act in model.actions.iter().filter(open) {
            let Some(child) = act.child_id.as_deref() else { continue };
            for &(column, d) in &act.unused_dates {
                let key = (act.origin.file.clone(), act.origin.sheet.clone(), column);
                let hit = done.contains(&(child, d));
                let new_child = hit && matched_children.insert((key.clone(), child));
                let t = tally.entry(key).or_default();
                t.0 += 1;
                t.1 += usize::from(hit);
                t.2 += usize::from(new_child);
            }
        }
        // (Three in four of a column's dates at least, of two children or
        // more, or a table's one date; one column clearly ahead of the others.)
        let mut best: BTreeMap<Table, Vec<Tally>> = BTreeMap::new();
        for ((file, sheet, column), (dates, matched, children)) in tally {
            if matched * 4 < dates * 3 || (children < 2 && dates > 1) || matched == 0 {
                continue;
            }
            best.entry((file, sheet)).or_default().push((column, dates, matched));
        }
        let chosen: Vec<(Table, Tally)> = best
            .into_iter()
            .filter_map(|(table, mut columns)| {
                columns.sort_by_key(|&(_, _, matched)| std::cmp::Reverse(matched));
                let tied = columns.get(1).is_some_and(|second| second.2 == columns[0].2);
                (!tied).then(|| (table, columns[0]))
            })
            .collect();
        // (Only where the date is an audit's of the child: another row keeps
        // the rules for an action with no audit date.)
        let column_of =
            |a: &Action| chosen.iter().find(|((file, sheet), _)| a.origin.file == *file && a.origin.sheet == *sheet).map(|(_, (column, _, _))| *column);
        let dated = model
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| open(a))
            .filter_map(|(i, a)| {
                let (column, child) = (column_of(a)?, a.child_id.as_deref()?);
                a.unused_dates.iter().find(|(c, d)| *c == column && done.contains(&(child, *d))).map(|(_, d)| (i, *d))
            })
            .collect();
        (chosen, dated)
    };
    for (i, d) in dated {
        model.actions[i].audit_date = Some(d);
    }
    for ((file, sheet), (column, dates, matched)) in chosen {
        let Some(t) = tables.iter_mut().find(|t| t.file == file && t.sheet == sheet && t.kind == columns::TableKind::Actions) else { continue };
        let Some(c) = t.columns.iter_mut().find(|c| c.index == column as usize) else { continue };
        let why = format!(
            "column '{}' was not recognised, but {matched} of its {dates} dates are the day an audit of the row's child was completed: read as the audit's date, to link each action to its audit",
            c.header
        );
        c.target = columns::Target::Field("audit_date".into());
        c.reason = format!("its dates are its children's audits' ({matched} of {dates})");
        let header = c.header.clone();
        t.notes.push(why.clone());
        found.push(Severity::Info, "audit_date_from_column", &file, sheet.as_deref(), None, Some(&header), "", why);
    }
}

/// A reference as its letters (folded, joined) and its one number ("AUD-0310"
/// is ("aud", 310); "310" is ("", 310)); none for a reference with no
/// number, several numbers ("2026-0310"), letters after its number ("310a")
/// or more than 8 letters.
pub(crate) fn loose_reference(id: &str) -> Option<(String, u64)> {
    let t = id.trim();
    let digits: Vec<&str> = t.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    let [number] = digits[..] else { return None };
    let letters: String = t.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    let after = t.find(|c: char| c.is_ascii_digit()).is_some_and(|i| t[i..].chars().any(char::is_alphabetic));
    if after || letters.len() > 8 || number.len() > 9 {
        return None;
    }
    Some((letters, number.parse().ok()?))
}

/// The day an action was set by: its set date, else the first of its due and
/// done dates (it was set by then).
fn set_by(act: &Action) -> Option<chrono::NaiveDate> {
    act.set.or_else(|| [act.due, act.completed].into_iter().flatten().min())
}

/// Links each action to its audit: by audit id, else by child id + audit date,
/// else by child id when the child has exactly one audit.
fn link_actions(model: &mut Model, found: &mut findings::Findings) {
    let mut by_child: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in model.audits.iter().enumerate() {
        // A sibling group's one audit ("FN30577 & FN30578 (sibs)", "C1 / C2"),
        // or a family group's under its reference: each child's actions are its actions.
        for child in model.children_of(&a.child_id) {
            by_child.entry(child).or_default().push(i);
        }
    }
    // (A GUID, as an application's API writes one, in any case and with or
    // without braces: "{E8455933-565D-…}" is "e8455933-565d-…".)
    let ids: HashMap<std::borrow::Cow<str>, usize> = model.audits.iter().enumerate().map(|(i, a)| (guid_key(&a.id), i)).collect();
    let mut links: Vec<(usize, Option<usize>, Option<&'static str>)> = Vec::new();
    let mut nearby: Vec<(usize, usize)> = Vec::new();
    let mut by_set: Vec<(usize, usize)> = Vec::new();
    // (An audit's reference typed loosely on its action, "310", "aud 310",
    // "AUD 0310" for "AUD-0310": its letters, if any, and its number, where
    // one audit alone has them; blind set 166.)
    let mut loose: HashMap<(String, u64), Vec<usize>> = HashMap::new();
    for (i, a) in model.audits.iter().enumerate() {
        if let Some((letters, n)) = loose_reference(&a.id) {
            if !letters.is_empty() {
                loose.entry((String::new(), n)).or_default().push(i);
            }
            loose.entry((letters, n)).or_default().push(i);
        }
    }
    let by_loose = |id: &str| -> Option<usize> {
        let key = loose_reference(id)?;
        match loose.get(&key).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        }
    };
    // (A tracker's own reference of each audit where its table has no audit
    // id, "QA14" under "Ref": named by an action as written or loosely,
    // "QA-0014", where one audit alone has it; blind set 193's quillmouth.)
    let mut references: HashMap<String, Vec<usize>> = HashMap::new();
    let mut loose_references: HashMap<(String, u64), Vec<usize>> = HashMap::new();
    for (i, a) in model.audits.iter().enumerate() {
        if let Some(r) = a.reference.as_deref() {
            references.entry(fold::fold(r)).or_default().push(i);
            if let Some(key) = loose_reference(r) {
                loose_references.entry(key).or_default().push(i);
            }
        }
    }
    let by_reference = |id: &str| -> Option<usize> {
        let exact = references.get(&fold::fold(id)).map(Vec::as_slice);
        let loosely = || loose_reference(id).and_then(|key| loose_references.get(&key)).map(Vec::as_slice);
        match exact.or_else(loosely) {
            Some([one]) => Some(*one),
            _ => None,
        }
    };
    for (ai, act) in model.actions.iter().enumerate() {
        // (Loosely only where the action names no other child.)
        let same_child = |i: usize| {
            act.child_id.as_deref().is_none_or(|c| identity::child_key(c).is_none() || identity::child_key(c) == identity::child_key(&model.audits[i].child_id))
        };
        let by_id = act.audit_id.as_deref().and_then(|id| {
            ids.get(&guid_key(id)).copied().or_else(|| by_loose(id).filter(|&i| same_child(i))).or_else(|| by_reference(id).filter(|&i| same_child(i)))
        });
        let linked = by_id.or_else(|| {
            let child = act.child_id.as_deref()?;
            // One action for several children ("RV40211, RV40212": a sibling
            // group's action, written once): their audits are its candidates.
            let group: Vec<usize>;
            let cands = match by_child.get(child) {
                Some(c) => c,
                None => {
                    group = sibling_ids(child).iter().filter_map(|c| by_child.get(c)).flatten().copied().collect();
                    &group
                }
            };
            // (With no audit date, audits all completed the same day are one
            // group audit: the first is linked, as the due date is the same.)
            let one_day = |c: &[usize]| {
                let days: std::collections::BTreeSet<_> = c.iter().map(|&i| model.audits[i].completed).collect();
                c.len() > 1 && days.len() == 1 && days.first().is_some_and(Option::is_some) && sibling_ids(child).len() == c.len()
            };
            match act.audit_date {
                // The audit completed that day; else the one audit of the child
                // completed up to 3 weeks after it (an audit in two parts, dated
                // on the action by its first: seed 002's Part A and Part B).
                Some(d) => cands.iter().copied().find(|&i| model.audits[i].completed == Some(d)).or_else(|| {
                    let near: Vec<usize> =
                        cands.iter().copied().filter(|&i| model.audits[i].completed.is_some_and(|c| (0..=21).contains(&(c - d).num_days()))).collect();
                    let [only] = near[..] else { return None };
                    nearby.push((ai, only));
                    Some(only)
                }),
                None if cands.len() == 1 => Some(cands[0]),
                None if one_day(cands) => Some(cands[0]),
                // No audit date and several audits of the child: the one
                // completed last on or before the day the action was set (an
                // action is set at or after its audit); none on a tie. With
                // no set date, before the first of its due and done dates (it
                // was set by then; a Smartsheet action list under its audit's
                // row, blind set 168).
                None => {
                    let set = set_by(act)?;
                    let on_or_before = |i: &usize| model.audits[*i].completed.filter(|c| *c <= set);
                    let last = cands.iter().filter(|i| on_or_before(i).is_some()).max_by_key(|i| on_or_before(i))?;
                    let tied = cands.iter().filter(|i| on_or_before(i) == on_or_before(last)).count() > 1;
                    if tied {
                        return None;
                    }
                    by_set.push((ai, *last));
                    Some(*last)
                }
            }
        });
        let problem = match (linked, &act.audit_id) {
            (None, Some(_)) => Some("its audit id matches no audit read: kept, not linked"),
            (None, None) => Some("no audit matches its child id and audit date: kept, not linked"),
            _ => None,
        };
        links.push((ai, linked, problem));
    }
    // (Each link made on a guess is said: the date it was made by, and the audit.)
    let guessed = nearby.into_iter().map(|(ai, i)| (ai, i, true)).chain(by_set.into_iter().map(|(ai, i)| (ai, i, false)));
    for (ai, i, near) in guessed {
        let (act, audit) = (&model.actions[ai], &model.audits[i]);
        let (code, column, date, how) = if near {
            (
                "action_linked_nearby",
                "audit date",
                act.audit_date,
                "no audit of this child was completed that day: linked to its one audit completed up to 3 weeks after it",
            )
        } else if act.set.is_some() {
            (
                "action_linked_by_set_date",
                "set date",
                act.set,
                "no audit date, and the child has several audits: linked to the one completed last on or before the day the action was set",
            )
        } else {
            (
                "action_linked_by_set_date",
                "due or done date",
                set_by(act),
                "no audit date or set date, and the child has several audits: linked to the one completed last on or before the first of the action's due and done dates (it was set by then)",
            )
        };
        let completed = audit.completed.map(|d| d.to_string()).unwrap_or_default();
        let value = date.map(|d| d.to_string()).unwrap_or_default();
        found.push(
            Severity::Info,
            code,
            &act.origin.file,
            act.origin.sheet.as_deref(),
            Some(act.origin.row),
            Some(column),
            value,
            format!("{how} ({}, completed {completed})", audit.id),
        );
    }
    let mut from_acceptance = 0;
    for (ai, linked, problem) in links {
        let audit =
            linked.map(|i| (model.audits[i].id.clone(), model.audits[i].child_id.clone(), model.audits[i].team.clone(), model.audits[i].actions_accepted));
        let act = &mut model.actions[ai];
        if let Some((id, child, team, accepted)) = audit {
            act.audit_id = Some(id);
            act.child_id.get_or_insert(child);
            if act.team.is_none() {
                act.team = team;
            }
            // Set when its audit's actions were accepted (seed 000's clock).
            if act.set.is_none() && accepted.is_some() {
                act.set = accepted;
                from_acceptance += 1;
            }
        }
        if let Some(p) = problem {
            found.push(
                Severity::Warning,
                "action_unlinked",
                &act.origin.file,
                act.origin.sheet.as_deref(),
                Some(act.origin.row),
                None,
                act.audit_id.clone().unwrap_or_default(),
                p,
            );
        }
    }
    if from_acceptance > 0 {
        found.push(
            Severity::Info,
            "actions_set_on_acceptance",
            "",
            None,
            None,
            Some("actions accepted"),
            from_acceptance.to_string(),
            format!(
                "{from_acceptance} actions with no date set are set on the day their audit's actions were accepted: their timescale counts from it (seed 000)"
            ),
        );
    }
}

/// Applies a separate moderation log to its audits, by audit id: the log fills
/// what the audit row leaves blank (moderated, agreement, grade, date). A log row
/// whose audit was not read is kept out and reported.
///
/// Returns the tables (file, sheet) whose audits the log reached, with the
/// moderation fields it gave them.
type Reached = BTreeMap<(String, Option<String>), Vec<&'static str>>;

fn link_moderations(model: &mut Model, found: &mut findings::Findings) -> (Reached, usize) {
    let mut reached: Reached = BTreeMap::new();
    let mut unlinked = 0usize;
    if model.moderations.is_empty() {
        return (reached, unlinked);
    }
    let ids: HashMap<String, usize> = model.audits.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    // An id typed again in the log ("t2-2026-055 " for "T2-2026-055"): the same
    // id in any case, without spaces, when only one audit has it.
    let loose = |id: &str| id.split_whitespace().collect::<String>().to_uppercase();
    let mut loose_ids: HashMap<String, Option<usize>> = HashMap::new();
    for (i, a) in model.audits.iter().enumerate() {
        loose_ids.entry(loose(&a.id)).and_modify(|x| *x = None).or_insert(Some(i));
    }
    let mut by_child: HashMap<String, Vec<usize>> = HashMap::new();
    // (And by the id's number alone, for a log that writes the child as the
    // bare number, "02161812", where the audits say "LCS-2161812".)
    let number = |k: &str| k.trim_start_matches(|c: char| c.is_ascii_alphabetic()).to_string();
    let mut by_number: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in model.audits.iter().enumerate() {
        if let Some(k) = identity::child_key(&a.child_id) {
            by_number.entry(number(&k)).or_default().push(i);
            by_child.entry(k).or_default().push(i);
        }
    }
    // (A log may name the audit by the date of an earlier save of its form,
    // joined into the one used: blind set 155's elmstead, "final" and
    // "final v2".)
    let joined: HashSet<(String, chrono::NaiveDate)> = std::mem::take(&mut model.joined_dates).into_iter().collect();
    let mut linked = 0usize;
    for m in std::mem::take(&mut model.moderations) {
        // By audit id; else the child's audit of that date (or its only audit).
        let found_audit = if m.audit_id.is_empty() {
            let key = m.child_id.as_deref().and_then(identity::child_key);
            let bare = key.as_deref().filter(|k| k.starts_with(|c: char| c.is_ascii_digit()));
            key.as_ref().and_then(|k| by_child.get(k)).or_else(|| bare.and_then(|k| by_number.get(&number(k)))).and_then(|cands| match m.audit_date {
                Some(d) => cands
                    .iter()
                    .copied()
                    .find(|&i| model.audits[i].completed == Some(d))
                    .or_else(|| cands.iter().copied().find(|&i| joined.contains(&(model.audits[i].id.clone(), d))))
                    // (Else, where the log's date says it is the first part's,
                    // "Date of audit (Part A)", the audit being complete on
                    // Part B's: the child's audit completed within four weeks
                    // after it, and by the moderation; blind set 206's velmoor.)
                    .or_else(|| {
                        if !m.part_a_date {
                            return None;
                        }
                        let four_weeks = d + chrono::Days::new(28);
                        let until = m.date.map_or(four_weeks, |on| on.min(four_weeks));
                        cands
                            .iter()
                            .copied()
                            .filter(|&i| model.audits[i].completed.is_some_and(|c| c > d && c <= until))
                            .min_by_key(|&i| model.audits[i].completed)
                    }),
                None if cands.len() == 1 => Some(cands[0]),
                // (No audit date: the audit completed last on or before the
                // moderation, moderation following the audit.)
                None => m.date.and_then(|on| {
                    cands.iter().copied().filter(|&i| model.audits[i].completed.is_some_and(|c| c <= on)).max_by_key(|&i| model.audits[i].completed)
                }),
            })
        } else {
            ids.get(&m.audit_id).copied().or_else(|| loose_ids.get(&loose(&m.audit_id)).copied().flatten())
        };
        let Some(i) = found_audit else {
            let (column, value, why) = if m.audit_id.is_empty() {
                let date = m.audit_date.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
                ("child id", format!("{} {date}", m.child_id.clone().unwrap_or_default()), "no audit read is this child's on that date: moderation not counted")
            } else {
                ("audit id", m.audit_id.clone(), "no audit read has this audit id: moderation not counted")
            };
            found.push(Severity::Warning, "moderation_unlinked", &m.origin.file, m.origin.sheet.as_deref(), Some(m.origin.row), Some(column), value, why);
            unlinked += 1;
            continue;
        };
        let a = &mut model.audits[i];
        let fields = reached.entry((a.origin.file.clone(), a.origin.sheet.clone())).or_default();
        for (f, given) in
            [("moderated", true), ("moderator_agrees", m.agrees.is_some()), ("moderated_overall", m.grade.is_some()), ("moderation_date", m.date.is_some())]
        {
            if given && !fields.contains(&f) {
                fields.push(f);
            }
        }
        a.moderated = a.moderated.or(m.moderated);
        a.moderator_agrees = a.moderator_agrees.or(m.agrees);
        a.moderation_date = a.moderation_date.or(m.date);
        if a.moderated_overall.is_none() {
            a.moderated_overall = m.grade.clone();
        }
        linked += 1;
        model.moderations.push(m);
    }
    if linked > 0 {
        found.push(
            Severity::Info,
            "moderation_linked",
            "",
            None,
            None,
            None,
            "",
            format!("{linked} moderation log rows linked to their audits (by audit id, or by child id and the audit's or the moderation's date)"),
        );
    }
    (reached, unlinked)
}

/// An audits table reached by a moderation log records moderation for all its
/// audits (one not in the log was not moderated): its report carries the log's
/// moderation fields, so the moderation KPIs count its audits.
fn credit_moderation_log(tables: &mut [TableReport], reached: &Reached, all_linked: bool) {
    // One form per audit: a log that reaches some of the forms records
    // moderation for all of them (a form it does not name was not moderated).
    let mut for_forms: Vec<&'static str> = Vec::new();
    for t in tables.iter().filter(|t| t.kind == columns::TableKind::Audits && t.has_note(forms::READ_AS_FORM)) {
        for f in reached.get(&(t.file.clone(), t.sheet.clone())).into_iter().flatten() {
            if !for_forms.contains(f) {
                for_forms.push(f);
            }
        }
    }
    // A log that reaches the audits of some tables is the record of
    // moderation for the run: a table of completed audits with no moderation
    // column of its own, none of whose audits it names ("Audits - Children in
    // Care 2.xlsx" beside the other teams' files), had none moderated.
    let mut anywhere: Vec<&'static str> = Vec::new();
    for f in reached.values().flatten() {
        if !anywhere.contains(f) {
            anywhere.push(f);
        }
    }
    const MODERATION: [&str; 4] = ["moderated", "moderator_agrees", "moderated_overall", "moderation_date"];
    // A moderation log with no rows at all (its header alone, or "No data
    // for the selected period") reaches no audit, and says just as plainly
    // that none was moderated (blind set 76).
    let mut unnamed_why = "from a moderation log that names none of this table's audits: none was moderated";
    if anywhere.is_empty() {
        for t in tables
            .iter()
            .filter(|t| t.kind == columns::TableKind::Audits && t.rows_accepted == 0 && t.notes.iter().any(|n| n.starts_with(table::MODERATION_LOG)))
        {
            for f in MODERATION.iter().filter(|f| t.columns.iter().any(|c| c.target == columns::Target::Field(f.to_string()))) {
                if !anywhere.contains(f) {
                    anywhere.push(f);
                }
            }
        }
        unnamed_why = "from a moderation log with no rows: none was moderated";
    }
    for t in tables.iter_mut().filter(|t| t.kind == columns::TableKind::Audits) {
        let form_fields = (!for_forms.is_empty() && t.has_note(forms::READ_AS_FORM)).then_some(&for_forms);
        let has = |f: &str| t.columns.iter().any(|c| c.target == columns::Target::Field(f.into()));
        // (Only when every row of the log named an audit read.)
        let unnamed =
            (all_linked && !anywhere.is_empty() && t.rows_accepted > 0 && !MODERATION.iter().any(|f| has(f)) && has("completed_date")).then_some(&anywhere);
        let (fields, reason) = match reached.get(&(t.file.clone(), t.sheet.clone())).or(form_fields) {
            Some(fields) => (fields, "from a moderation log, linked by audit id or child id"),
            None => match unnamed {
                Some(fields) => (fields, unnamed_why),
                None => continue,
            },
        };
        for f in fields {
            let target = columns::Target::Field(f.to_string());
            if !t.columns.iter().any(|c| c.target == target) {
                t.columns.push(columns::ColumnMap {
                    index: usize::MAX,
                    header: "(moderation log)".into(),
                    target,
                    reason: reason.into(),
                    scale: None,
                    score: 100,
                });
            }
        }
    }
}

/// The label table for `validate`: each distinct source label and what it became.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LabelUse {
    pub source_label: String,
    pub scale: String,
    pub label: String,
    pub band: Option<Band>,
    pub at_least_good: Option<bool>,
    pub not_applicable: bool,
    pub exact: bool,
    pub count: u64,
}

pub fn label_table(model: &Model) -> Vec<LabelUse> {
    let mut uses: BTreeMap<(String, String), LabelUse> = BTreeMap::new();
    let all = model.audits.iter().flat_map(|a| a.overall.iter().chain(a.moderated_overall.iter()).chain(a.domains.iter().filter_map(|d| d.judgement.as_ref())));
    for j in all {
        uses.entry((j.scale.clone(), j.source_label.clone()))
            .or_insert_with(|| LabelUse {
                source_label: j.source_label.clone(),
                scale: j.scale.clone(),
                label: j.label.clone(),
                band: j.band,
                at_least_good: j.at_least_good,
                not_applicable: j.not_applicable,
                exact: j.exact,
                count: 0,
            })
            .count += 1;
    }
    uses.into_values().collect()
}

#[cfg(test)]
mod skipped_tests {
    use super::*;

    #[test]
    fn a_folder_or_archive_whose_files_are_all_lost_is_an_error() {
        let said = |path: &str, reason: String| skipped_severity(&ingest::Skipped { path: path.into(), reason });
        assert_eq!(said("in/team a", format!("{} the folder could not be opened", ingest::FOLDER_FAILED)), (Severity::Error, "folder_unreadable"));
        assert_eq!(said("in/exports.zip", format!("{} a zip archive: it is cut short", ingest::ARCHIVE_FAILED)), (Severity::Error, "archive_unreadable"));
        assert_eq!(said("in/old form.doc", "a Word 97–2003 document".into()), (Severity::Warning, "file_not_read"));
        assert_eq!(said("in/~$audits.xlsx", "Excel lock file".into()), (Severity::Info, "file_skipped"));
    }

    #[test]
    fn copies_are_reported_in_the_files_order_on_every_run() {
        // Six files each saved twice, each pair of its own size: the copies
        // are said in the order the files were listed (blind set 155's
        // elmstead, whose report changed from run to run).
        let dir = std::env::temp_dir().join(format!("auditpack-read-once-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut files = Vec::new();
        for i in 0..6 {
            for copy in ["a", "b"] {
                let p = dir.join(format!("{i}{copy}.csv"));
                std::fs::write(&p, "x".repeat(10 + i)).unwrap();
                files.push(p);
            }
        }
        let (kept, skipped) = read_once(files);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(kept.len(), 6);
        let order: Vec<String> = skipped.iter().map(|s| std::path::Path::new(&s.path).file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(order, ["0b.csv", "1b.csv", "2b.csv", "3b.csv", "4b.csv", "5b.csv"]);
    }
}

#[cfg(test)]
mod question_list_tests {
    use super::*;
    use crate::ingest::Cell;

    fn rows(rows: &[&[&str]]) -> Vec<Vec<Cell>> {
        rows.iter().map(|r| r.iter().map(|c| Cell::text(c)).collect()).collect()
    }

    #[test]
    fn a_list_of_question_ids_is_read_and_a_lookup_of_codes_is_not() {
        let config = Config::defaults();
        let cw = Crosswalk::new(&config);
        let list = rows(&[
            &["Domain ID", "Domain", "What the auditor is asked", "Judgement"],
            &["KSS1", "Child's lived experience", "How well do we understand a day in this child's life?", "Met / Partially met / Not met / N/A"],
            &["KSS2", "Risk and protection", "Has the risk been spotted?", "Met / Partially met / Not met / N/A"],
            &["KSS9", "Participation", "Do the child and family take part?", "Met / Partially met / Not met / N/A"],
            &["Overall judgement", "Overall judgement", "Best fit", "Outstanding / Good / Requires Improvement / Inadequate"],
        ]);
        let got = question_list_in(&list, &cw).unwrap();
        assert_eq!(got[0], ("kss1".to_string(), "Child's lived experience".to_string()));
        assert_eq!(got[2], ("kss9".to_string(), "Participation".to_string()));
        // A lookup of legal-status codes (several series) is no list of questions;
        // nor is a list of grades beside the ids, nor an export whose rows are records.
        let codes =
            rows(&[&["Code", "Meaning"], &["C1", "Interim care order"], &["C2", "Full care order"], &["V2", "Accommodated (s20)"], &["E1", "Placement order"]]);
        assert!(question_list_in(&codes, &cw).is_none());
        let grades_only = rows(&[&["Q1", "Good / Inadequate"], &["Q2", "Met / Not met"], &["Q3", "Yes / No"]]);
        assert!(question_list_in(&grades_only, &cw).is_none());
        let records: Vec<Vec<Cell>> = (0..40).map(|i| vec![Cell::text(&format!("C{}", i % 3)), Cell::text("CP Visit")]).collect();
        assert!(question_list_in(&records, &cw).is_none(), "ids repeat: records, not a list");
        // An audit log whose own ids run A1 … A4: a table of records, not a list.
        let log = rows(&[
            &["Audit ID", "Child ID", "Team", "Auditor", "Date completed", "Overall judgement"],
            &["A1", "C1", "Team A", "Ann Bee", "01/09/2026", "Good"],
            &["A2", "C2", "Team A", "Ann Bee", "02/09/2026", "Good"],
            &["A3", "C3", "Team A", "Ann Bee", "03/09/2026", "Good"],
            &["A4", "C4", "Team A", "Ann Bee", "04/09/2026", "Good"],
        ]);
        assert!(question_list_in(&log, &cw).is_none(), "a table of records");
        // Nor is a narrow table of records with dates (child ids "C1", "C2").
        let episodes = rows(&[
            &["Person ID", "Episode", "Start", "End"],
            &["C1", "Child Protection Plan", "01/06/2026", ""],
            &["C2", "Child Looked After", "01/03/2026", ""],
            &["C3", "Child Looked After", "01/02/2026", ""],
        ]);
        assert!(question_list_in(&episodes, &cw).is_none(), "a table of records with dates");
    }
}

#[cfg(test)]
mod action_due_tests {
    use super::model::{Action, Audit, Model, Origin};
    use super::*;

    #[test]
    fn actions_with_nothing_to_count_a_due_date_from_are_said_per_file() {
        let d = |day: u32| chrono::NaiveDate::from_ymd_opt(2026, 9, day);
        let action = |file: &str, row: u32| Action { origin: Origin { file: file.into(), sheet: None, row }, ..Default::default() };
        let mut model = Model {
            audits: vec![Audit { id: "A1".into(), completed: d(1), ..Default::default() }, Audit { id: "A2".into(), ..Default::default() }],
            ..Default::default()
        };
        model.actions = vec![
            Action { due: d(20), ..action("a.csv", 2) },
            Action { set: d(3), ..action("a.csv", 3) },
            Action { audit_id: Some("A1".into()), ..action("a.csv", 4) },
            // Nothing to count from: no due, no set, an audit with no completion, or none.
            Action { audit_id: Some("A2".into()), ..action("a.csv", 5) },
            action("a.csv", 6),
            action("b.csv", 2),
        ];
        let mut found = findings::Findings::default();
        actions_without_due(&model, &mut found);
        let got: Vec<(&str, Option<u32>)> = found.list.iter().map(|f| (f.file.as_str(), f.row)).collect();
        assert_eq!(got, [("a.csv", Some(5)), ("b.csv", Some(2))]);
        assert!(found.list[0].action.starts_with("2 actions with no due date") && found.list[0].action.ends_with("(rows 5, 6)"), "{}", found.list[0].action);
    }
}

#[cfg(test)]
mod audit_date_column_tests {
    use super::columns::{ColumnMap, TableKind, Target};
    use super::model::{Action, Audit, Model, Origin};
    use super::*;

    #[test]
    fn an_unknown_column_of_the_audits_completion_days_is_read_as_the_audit_date() {
        let d = |m: u32, day: u32| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let audit =
            |id: &str, child: &str, done: chrono::NaiveDate| Audit { id: id.into(), child_id: child.into(), completed: Some(done), ..Default::default() };
        let mut model = Model {
            audits: vec![audit("A1", "C1", d(9, 1)), audit("A2", "C1", d(10, 8)), audit("A3", "C2", d(9, 10)), audit("A4", "C3", d(9, 20))],
            ..Default::default()
        };
        // (Each action: its sheet, child, and its unknown columns' dates.)
        let action = |sheet: &str, child: &str, dates: &[(u32, chrono::NaiveDate)]| Action {
            origin: Origin { file: "actions.xlsx".into(), sheet: Some(sheet.into()), row: 2 },
            child_id: Some(child.into()),
            unused_dates: dates.to_vec(),
            ..Default::default()
        };
        model.actions = vec![
            // Column 1 holds the audits' days on every row: taken.
            action("Returned", "C1", &[(1, d(10, 8))]),
            action("Returned", "C1", &[(1, d(9, 1))]),
            action("Returned", "C2", &[(1, d(9, 10))]),
            // (A date that is no audit's: this row keeps the no-date rules.)
            action("Returned", "C3", &[(1, d(10, 30))]),
            // Column 1 matches one row of three: no; column 4 all three: taken.
            action("Two", "C1", &[(1, d(9, 1)), (4, d(10, 8))]),
            action("Two", "C2", &[(1, d(9, 30)), (4, d(9, 10))]),
            action("Two", "C3", &[(1, d(10, 2)), (4, d(9, 20))]),
            // One match in two dates is half, but a single match is no evidence.
            action("Once", "C1", &[(2, d(9, 1))]),
            action("Once", "C2", &[(2, d(10, 30))]),
        ];
        let report = |sheet: &str, columns: &[usize]| {
            let mut t = table::TableReport::new("actions.xlsx", Some(sheet), None);
            t.kind = TableKind::Actions;
            t.columns = columns
                .iter()
                .map(|&index| ColumnMap { index, header: format!("Column {index}"), target: Target::Unmapped, reason: String::new(), scale: None, score: 0 })
                .collect();
            t
        };
        let mut tables = vec![report("Returned", &[1]), report("Two", &[1, 4]), report("Once", &[2])];
        let mut found = findings::Findings::default();
        audit_dates_from_columns(&mut tables, &mut model, &mut found);
        let dates: Vec<Option<chrono::NaiveDate>> = model.actions.iter().map(|a| a.audit_date).collect();
        assert_eq!(dates, [Some(d(10, 8)), Some(d(9, 1)), Some(d(9, 10)), None, Some(d(10, 8)), Some(d(9, 10)), Some(d(9, 20)), None, None]);
        // Said: the column read, in the table's report and as a finding.
        assert_eq!(tables[0].columns[0].target, Target::Field("audit_date".into()));
        assert_eq!(tables[1].columns[0].target, Target::Unmapped);
        assert_eq!(tables[1].columns[1].target, Target::Field("audit_date".into()));
        assert_eq!(tables[2].columns[0].target, Target::Unmapped);
        let said: Vec<(&str, Option<&str>)> = found.list.iter().map(|f| (f.code, f.column.as_deref())).collect();
        assert_eq!(said, [("audit_date_from_column", Some("Column 1")), ("audit_date_from_column", Some("Column 4"))]);
        // Linked by those dates: the child audited twice has each action on its audit.
        link_actions(&mut model, &mut found);
        let linked: Vec<Option<&str>> = model.actions.iter().take(4).map(|a| a.audit_id.as_deref()).collect();
        assert_eq!(linked, [Some("A2"), Some("A1"), Some("A3"), Some("A4")], "C3's one audit, by the rule for no audit date");
    }
}

#[cfg(test)]
mod allocated_twice_tests {
    use super::model::{Audit, Model, Origin};

    #[test]
    fn an_allocation_entered_twice_is_set_aside_for_its_done_row() {
        let d = |m: u32, day: u32| chrono::NaiveDate::from_ymd_opt(2026, m, day);
        let audit = |row: u32, child: &str, allocated, completed, team: &str| Audit {
            id: format!("A{row}"),
            child_id: child.into(),
            allocated,
            completed,
            team: Some(team.into()),
            auditor: Some("Idris Kane".into()),
            origin: Origin { file: "tracker.xlsx".into(), sheet: Some("Sept".into()), row },
            ..Default::default()
        };
        let mut model = Model {
            audits: vec![
                audit(8, "C1", d(9, 16), d(9, 29), "North"),
                // The same child, day, team and auditor, never done: set aside.
                audit(9, "C1", d(9, 16), None, "North"),
                // Another team's allocation of a child: two audits, one not done.
                audit(10, "C2", d(10, 1), d(10, 12), "North"),
                audit(11, "C2", d(10, 1), None, "Children in Care"),
                // Another day: not the same allocation.
                audit(12, "C1", d(9, 17), None, "North"),
            ],
            ..Default::default()
        };
        super::allocated_twice(&mut model);
        let gone: Vec<(u32, u32)> = model.superseded.iter().map(|(old, new, _)| (old.row, new.row)).collect();
        assert_eq!(gone, [(9, 8)]);
    }
}

#[cfg(test)]
mod sibling_tests {
    #[test]
    fn a_sibling_groups_cell_names_each_child() {
        assert_eq!(super::sibling_ids("FN30577 & FN30578 (sibs)"), ["FN30577", "FN30578"]);
        assert_eq!(super::sibling_ids("FN30412 / FN30413 (sibling group - one audit)"), ["FN30412", "FN30413"]);
        assert_eq!(super::sibling_ids("C1, C2 and C3"), ["C1", "C2", "C3"]);
        for one in ["FN30577", "C-2041", "943 476 5919", "FN30577 (sibs)", "FN30577 & mother"] {
            assert!(super::sibling_ids(one).is_empty(), "{one}");
        }
    }
}

#[cfg(test)]
mod notes_start_tests {
    use super::model::{CaseNote, Model, NoteKind, SeenAlone};

    /// The rule as first written, note by note: the earliest plausible event
    /// among the exports holding statutory visits, else among all.
    fn reference(model: &Model, today: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        let with_visits: std::collections::HashSet<u32> = model.case_notes.iter().filter(|n| n.kind.is_statutory_visit()).map(|n| n.source).collect();
        let plausible = |n: &&CaseNote| crate::calendar::plausible_event(n.event, today);
        let of =
            |visits_only: bool| model.case_notes.iter().filter(plausible).filter(|n| !visits_only || with_visits.contains(&n.source)).map(|n| n.event).min();
        if with_visits.is_empty() {
            of(false)
        } else {
            of(true)
        }
    }

    #[test]
    fn the_notes_start_per_run_of_an_export_is_the_note_by_note_rule() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let note = |source: u32, kind: NoteKind, event: chrono::NaiveDate| CaseNote {
            child: 0,
            note_type: 0,
            kind,
            event,
            recorded: None,
            seen_alone: SeenAlone::default(),
            author: 0,
            team: 0,
            row: 2,
            source,
        };
        let day = |y: i32, m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // A supervision log going back years (source 1), a visits export (2)
        // read in two runs with the log between them, and a visit in 1990 (not
        // plausible) before the visits' real start.
        let mut model = Model {
            case_notes: vec![
                note(1, NoteKind::Supervision, day(2019, 1, 5)),
                note(2, NoteKind::Other, day(2025, 3, 1)),
                note(2, NoteKind::CpVisit, day(1990, 1, 1)),
                note(1, NoteKind::Supervision, day(2018, 6, 1)),
                note(2, NoteKind::Other, day(2024, 12, 30)),
                note(3, NoteKind::Other, day(2020, 1, 1)),
            ],
            ..Default::default()
        };
        assert_eq!(super::notes_start(&model, today), Some(day(2024, 12, 30)));
        assert_eq!(super::notes_start(&model, today), reference(&model, today));
        // No visits anywhere: all the notes' earliest plausible event.
        model.case_notes.retain(|n| !n.kind.is_statutory_visit());
        assert_eq!(super::notes_start(&model, today), Some(day(2018, 6, 1)));
        // Pseudo-random sets against the note-by-note rule.
        let mut next = crate::render::parquet::tests::xorshift(5);
        let kinds = [NoteKind::CpVisit, NoteKind::ClaVisit, NoteKind::Supervision, NoteKind::Other, NoteKind::Other, NoteKind::Other];
        for _ in 0..200 {
            let len = (next() % 40) as usize;
            model.case_notes = (0..len)
                .map(|_| {
                    let event = day(1995, 1, 1) + chrono::Days::new(next() % 12_000);
                    note((next() % 4) as u32, kinds[(next() % kinds.len() as u64) as usize], event)
                })
                .collect();
            assert_eq!(super::notes_start(&model, today), reference(&model, today), "{:?}", model.case_notes);
        }
    }
}

#[cfg(test)]
mod test_child_tests {
    #[test]
    fn a_test_child_says_so_or_is_a_test_audits_placeholder() {
        let audits: std::collections::BTreeSet<String> = ["9999999".to_string(), "5512093".to_string()].into_iter().collect();
        for test in ["TEST01", "TEST9999", "TEST CLIENT", "TEST PERSON – do not use", "test record", "9999999"] {
            assert!(super::test_child(test, &audits), "{test}");
        }
        // (A real-looking id is a child's, even where a test audit named it;
        // a placeholder no test audit named is left as it is.)
        for child in ["5512093", "0000000", "1048832", "Testament 12", "C-2041"] {
            assert!(!super::test_child(child, &audits), "{child}");
        }
        for says in ["Test Auditor", "Test User", "TEST AUDIT - DO NOT USE", "test action", "test row – ignore", "TEST - please ignore"] {
            assert!(super::table::says_test(says), "{says}");
        }
        for not in ["Test the chronology", "Testing Team North", "Tess Tanner", "Jo Test-Smith"] {
            assert!(!super::table::says_test(not), "{not}");
        }
    }
}

#[cfg(test)]
#[test]
fn a_made_up_id_is_nearly_one_digit() {
    for id in ["9999990", "0000001", "6600000", "900001", "TEST01", "1111"] {
        assert!(made_up_id(id), "{id}");
    }
    for id in ["100807", "4410036", "1002", "C205029", "12345678"] {
        assert!(!made_up_id(id), "{id}");
    }
}

#[cfg(test)]
mod loose_reference_tests {
    #[test]
    fn a_reference_is_its_letters_and_its_one_number() {
        assert_eq!(super::loose_reference("AUD-0310"), Some(("aud".into(), 310)));
        assert_eq!(super::loose_reference(" aud 310 "), Some(("aud".into(), 310)));
        assert_eq!(super::loose_reference("0310"), Some((String::new(), 310)));
        for none in ["2026-0310", "310a", "ABCDEFGHIJ-1", "no number", ""] {
            assert_eq!(super::loose_reference(none), None, "{none}");
        }
    }
}
