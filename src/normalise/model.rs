//! The canonical model every framework is normalised into.

pub use super::config::Band;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a record came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, Hash)]
pub struct Origin {
    pub file: String,
    pub sheet: Option<String>,
    pub row: u32,
}

/// A grade as given, beside what it means on the canonical scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    /// The scale the label was read on (`ofsted4`, `met3`, …).
    pub scale: String,
    /// The label exactly as it appeared in the source.
    pub source_label: String,
    /// The crosswalk's label it was recognised as.
    pub label: String,
    /// Canonical band, or none when the scale cannot say.
    pub band: Option<Band>,
    /// Yes / no; none when not applicable.
    pub at_least_good: Option<bool>,
    pub not_applicable: bool,
    /// Whether the crosswalk marks this mapping exact (else it is an assumption).
    pub exact: bool,
}

impl Judgement {
    /// A grade that counts: not "not applicable".
    pub fn is_graded(&self) -> bool {
        !self.not_applicable
    }
}

/// Of a domain's several graded answers on one audit, the one that stands
/// for the domain: its weakest. Below good if any answer is (a domain is as
/// good as its weakest answer). On that side, the side's lowest band when an
/// answer has it (inadequate; good), exact whatever the others say; else an
/// answer that only says the side ("No", "Does not meet good", "Yes"), since
/// the weakest could be any band of it; else the worst band. Ties: column order.
fn weakest<'a>(graded: &[&'a Judgement]) -> Option<&'a Judgement> {
    use super::config::Band;
    let side = |s: Option<bool>| graded.iter().copied().filter(move |j| j.at_least_good == s);
    let (pool, floor) = if side(Some(false)).next().is_some() {
        (side(Some(false)).collect::<Vec<_>>(), Band::Inadequate)
    } else if side(Some(true)).next().is_some() {
        (side(Some(true)).collect(), Band::Good)
    } else {
        return graded.first().copied();
    };
    let rank = |b: Band| Band::ALL.iter().position(|x| *x == b).unwrap_or(0);
    pool.iter()
        .find(|j| j.band == Some(floor))
        .or_else(|| pool.iter().find(|j| j.band.is_none()))
        .or_else(|| pool.iter().min_by_key(|j| std::cmp::Reverse(j.band.map(rank))))
        .copied()
}

/// One domain's judgement on an audit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainJudgement {
    /// Canonical domain id, or none when the column could not be placed.
    pub domain: Option<String>,
    /// The source question (column header or form label).
    pub question: String,
    pub judgement: Option<Judgement>,
}

/// An answer to a yes / no question such as "was the child spoken to?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    NotApplicable,
    #[default]
    Blank,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotApplicable => "not_applicable",
            Answer::Blank => "",
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        match self {
            Answer::Yes => Some(true),
            Answer::No => Some(false),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Audit {
    pub id: String,
    pub origin: Origin,
    pub framework: String,
    pub child_id: String,
    pub team: Option<String>,
    pub service: Option<String>,
    pub auditor: Option<String>,
    pub case_type: Option<String>,
    pub legal_status: Option<String>,
    pub allocated: Option<NaiveDate>,
    /// The first day of the allocation month, from a "month of audit" column,
    /// when no allocation date is given: month-based due rules use it.
    pub allocated_month: Option<NaiveDate>,
    /// Due date from the data (the analysis applies the framework rule when absent).
    pub due: Option<NaiveDate>,
    /// The framework's due rule, for the analysis to apply when `due` is absent.
    pub due_rule: String,
    pub completed: Option<NaiveDate>,
    pub overall: Option<Judgement>,
    /// Where the overall came from when it was not its own column (e.g. "domain:outcomes").
    pub overall_source: Option<String>,
    pub domains: Vec<DomainJudgement>,
    pub moderated: Option<bool>,
    pub moderator_agrees: Option<bool>,
    pub moderated_overall: Option<Judgement>,
    pub moderation_date: Option<NaiveDate>,
    pub spoke_child: Answer,
    pub spoke_family: Answer,
    pub spoke_practitioner: Answer,
    pub evidence: String,
    pub good_practice: String,
    pub escalated: Option<bool>,
    /// When the audit's actions were accepted (seed 000: an action's 10
    /// working days count from it): the date set of its actions that give none.
    #[serde(skip)]
    pub actions_accepted: Option<NaiveDate>,
    /// A re-audit read from the row of the audit it follows: it stays when
    /// that audit's row is set aside for another export's version.
    #[serde(skip)]
    pub reaudit_on_row: bool,
    /// The rest of the row the audit was read from: a key of every cell
    /// whose column is not one of the audit's own dates or grades (those are
    /// compared as read), so that two exports' rows are taken for the same
    /// record only when nothing else on them differs (a column not read, an
    /// action's sign-off).
    #[serde(skip)]
    pub rest_of_row: u64,
    /// Its row says it was copied or transferred in from another team's
    /// tracker: where the same audit is read from the tracker it came from,
    /// that row is used.
    #[serde(skip)]
    pub copied_in: bool,
    /// Its row's note, folded, where it may say another entry of the same
    /// audit is the record (a joint audit entered by each of its auditors:
    /// "duplicate entry by co-auditor; Wyn's entry is the record", "see
    /// Kit's entry for the agreed grade"); whose entry it names is decided
    /// against the other row's auditor.
    #[serde(skip)]
    pub entry_note: Option<String>,
    /// When its row was entered, as the export orders its submissions: a
    /// survey tool's serial or response number, or the submission's date as
    /// its day's number (entries of one day are not told apart). Two entries
    /// of one audit on one sheet are ordered by it before by their rows.
    #[serde(skip)]
    pub entered: Option<f64>,
    /// The tracker's own reference of the audit where the table has no
    /// audit id ("QA14" under "Ref"): actions that name it ("QA-0014") are
    /// tied to the audit by it.
    #[serde(skip)]
    pub reference: Option<String>,
}

/// Whether the moderator's grade agrees with the auditor's on the canonical
/// scale: the same band, else the same label on one scale, else the same
/// side of good; `None` when that cannot be said.
pub fn grades_agree(x: &Judgement, y: &Judgement) -> Option<bool> {
    match (x.band, y.band) {
        (Some(p), Some(q)) => Some(p == q),
        (None, None) if x.scale == y.scale => Some(x.label == y.label),
        (None, None) => Some(x.at_least_good? == y.at_least_good?),
        _ => (x.at_least_good? != y.at_least_good?).then_some(false),
    }
}

impl Audit {
    /// The answer of a spoken-to field ("spoke_child", "spoke_family", else
    /// the practitioner).
    pub fn spoken(&self, field: &str) -> Answer {
        match field {
            "spoke_child" => self.spoke_child,
            "spoke_family" => self.spoke_family,
            _ => self.spoke_practitioner,
        }
    }

    /// [`Audit::spoken`], to change.
    pub fn spoken_mut(&mut self, field: &str) -> &mut Answer {
        match field {
            "spoke_child" => &mut self.spoke_child,
            "spoke_family" => &mut self.spoke_family,
            _ => &mut self.spoke_practitioner,
        }
    }

    /// Whether a moderated audit's moderator agreed: the explicit flag, else the
    /// moderated overall equals the auditor's on the canonical scale: the band
    /// where both have one; where neither has, the label when both are on one
    /// scale ("Partially met" is not "Not met"), else the side of good. A band
    /// beside a grade that only says which side of good it is on ("Requires
    /// improvement" against "Does not meet good", which is RI or inadequate)
    /// cannot be told equal: `None`, unless they are on different sides of
    /// good (then they differ). `None` when it cannot be told.
    pub fn moderator_agreed(&self) -> Option<bool> {
        if let Some(f) = self.moderator_agrees {
            return Some(f);
        }
        grades_agree(self.overall.as_ref()?, self.moderated_overall.as_ref()?)
    }

    /// The judgement for a canonical domain: when a framework asks several
    /// questions in one domain, the weakest graded answer ([`weakest`]).
    pub fn domain(&self, id: &str) -> Option<&Judgement> {
        let in_domain = self.domains.iter().filter(|d| d.domain.as_deref() == Some(id)).filter_map(|d| d.judgement.as_ref());
        let first = in_domain.clone().next();
        let graded: Vec<&Judgement> = in_domain.filter(|j| j.is_graded()).collect();
        weakest(&graded).or(first)
    }
}

/// One row of a moderation log kept apart from the audits (audit id,
/// moderator, date, grade, agreement), linked to its audit by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModerationRecord {
    pub origin: Origin,
    /// The audit moderated ("" when the log gives none: then the child and
    /// the audit's date say which).
    pub audit_id: String,
    pub child_id: Option<String>,
    pub audit_date: Option<NaiveDate>,
    /// Whether `audit_date` is when the audit's first part was done ("Date
    /// of audit (Part A)"), the audit being complete on its Part B's.
    pub part_a_date: bool,
    pub moderated: Option<bool>,
    pub agrees: Option<bool>,
    pub grade: Option<Judgement>,
    pub date: Option<NaiveDate>,
}

/// A record that gives an earlier audit id as its previous reference
/// ("Previous ref (2025-26)": "LA25/26-075"): its place, child and completion.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CarriedAudit {
    pub origin: Origin,
    pub child: String,
    pub completed: Option<NaiveDate>,
    pub previous: String,
}

/// An action read with an id of its own, whose row names another action's id as the
/// one it carries forward (`replaces`) or was carried forward as.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CarriedAction {
    pub origin: Origin,
    pub child: Option<String>,
    pub replaces: bool,
    pub other: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Action {
    pub origin: Origin,
    /// The audit it follows (resolved by audit id, or child id + audit date).
    pub audit_id: Option<String>,
    pub child_id: Option<String>,
    pub text: String,
    pub owner: Option<String>,
    pub team: Option<String>,
    pub set: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// A timescale given where the due date goes ("20 working days"), counted
    /// from when the action was set.
    #[serde(skip)]
    pub due_in: Option<super::timescale::Timescale>,
    pub completed: Option<NaiveDate>,
    /// Audit date given on the action row: to link it, and the day it was set
    /// when no set date is given and its audit is not read.
    #[serde(skip)]
    pub audit_date: Option<NaiveDate>,
    /// Dates in its table's columns that were not recognised (by column
    /// index), where the table says nothing of the audit's date or id: one of
    /// them may be the audit's date (see `normalise::audit_dates_from_columns`).
    #[serde(skip)]
    pub unused_dates: Vec<(u32, NaiveDate)>,
}

/// What a case note records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    CpVisit,
    ClaVisit,
    CinVisit,
    /// A statutory visit whose plan type the note does not say.
    StatutoryVisit,
    Supervision,
    Other,
}

impl NoteKind {
    pub fn parse(s: &str) -> Option<NoteKind> {
        Some(match s {
            "cp_visit" => NoteKind::CpVisit,
            "cla_visit" => NoteKind::ClaVisit,
            "cin_visit" => NoteKind::CinVisit,
            "statutory_visit" => NoteKind::StatutoryVisit,
            "supervision" => NoteKind::Supervision,
            "other" => NoteKind::Other,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::CpVisit => "cp_visit",
            NoteKind::ClaVisit => "cla_visit",
            NoteKind::CinVisit => "cin_visit",
            NoteKind::StatutoryVisit => "statutory_visit",
            NoteKind::Supervision => "supervision",
            NoteKind::Other => "other",
        }
    }

    pub fn is_statutory_visit(self) -> bool {
        matches!(self, NoteKind::CpVisit | NoteKind::ClaVisit | NoteKind::CinVisit | NoteKind::StatutoryVisit)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SeenAlone {
    Yes,
    No,
    /// Recorded as not applicable (a baby, a visit where seeing the child alone
    /// does not apply): recorded, but neither yes nor no.
    NotApplicable,
    #[default]
    NotRecorded,
}

/// Where a case note was read: (interned file, row).
pub type NotePlace = (u32, u32);

/// A case note, kept compact: millions of them are held at once. Note types,
/// authors and teams are interned in [`Model::strings`].
#[derive(Debug, Clone, PartialEq)]
pub struct CaseNote {
    /// The child's id, interned in [`Model::children`] (millions of notes, a
    /// few thousand children: one copy of each id).
    pub child: u32,
    pub note_type: u32,
    pub kind: NoteKind,
    pub event: NaiveDate,
    pub recorded: Option<NaiveDate>,
    pub seen_alone: SeenAlone,
    pub author: u32,
    pub team: u32,
    pub row: u32,
    pub source: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EpisodeKind {
    Cp,
    Cla,
    Cin,
}

impl EpisodeKind {
    pub fn parse(s: &str) -> Option<EpisodeKind> {
        Some(match s {
            "cp" => EpisodeKind::Cp,
            "cla" => EpisodeKind::Cla,
            "cin" => EpisodeKind::Cin,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EpisodeKind::Cp => "cp",
            EpisodeKind::Cla => "cla",
            EpisodeKind::Cin => "cin",
        }
    }
}

/// A period a child was on a plan or looked after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Episode {
    pub origin: Origin,
    pub child_id: String,
    pub kind: EpisodeKind,
    pub source_status: String,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub team: Option<String>,
}

/// Interned strings (index 0 is the empty string).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Strings {
    list: Vec<String>,
    index: crate::fasthash::FxHashMap<String, u32>,
}

impl Strings {
    pub fn new() -> Self {
        let mut s = Strings::default();
        s.intern("");
        s
    }

    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }

    /// The id of an interned text, if it is one.
    pub fn id_of(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }

    pub fn get(&self, i: u32) -> &str {
        self.list.get(i as usize).map(String::as_str).unwrap_or("")
    }

    /// The interned texts in id order (the first is id 0).
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(String::as_str)
    }

    /// How many texts are interned.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Rewrites each string `f` changes, in place (indices stay; two that
    /// become the same text both keep it, and looking it up finds the first).
    pub fn rewrite(&mut self, f: impl Fn(&str) -> Option<String>) {
        let mut changed = false;
        for s in &mut self.list {
            if let Some(t) = f(s) {
                *s = t;
                changed = true;
            }
        }
        if changed {
            self.index.clear();
            for (i, s) in self.list.iter().enumerate() {
                self.index.entry(s.clone()).or_insert(i as u32);
            }
        }
    }
}

/// A version of a record set aside as it was read, for the version already
/// read (at the origin or place given).
#[derive(Debug, Clone)]
pub enum SetAside {
    Audit(Origin, Box<Audit>),
    Action(Origin, Box<Action>),
    Episode(Origin, Box<Episode>),
    Note(NotePlace, Box<CaseNote>),
}

/// Everything read, normalised.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub audits: Vec<Audit>,
    pub actions: Vec<Action>,
    /// Moderation recorded in a log of its own, linked to audits after reading.
    pub moderations: Vec<ModerationRecord>,
    pub case_notes: Vec<CaseNote>,
    pub episodes: Vec<Episode>,
    pub strings: Strings,
    /// The case notes' child ids.
    pub children: Strings,
    /// While reading: the child ids of audits set aside as tests (TEST,
    /// 9999999 with "Test Auditor"), whose placeholder ids' other records
    /// are the test's too.
    pub test_children: std::collections::BTreeSet<String>,
    /// While reading: the child ids a table's title says are a test's or a
    /// trainer's ("(client 63999 = training client)"): their records are set
    /// aside, whatever the id looks like.
    pub declared_test_children: std::collections::BTreeSet<String>,
    /// Audit id → where it was first read (for duplicate ids across files).
    pub audit_ids: std::collections::HashMap<String, Origin>,
    /// While reading: an audit without an id of its own, by child, date and
    /// framework → its index in `audits` (the same audit in a later export of
    /// the same return); and, keyed "copy|child|date|auditor", by child,
    /// completion date and auditor (another team's copy of it). Emptied when
    /// reading ends.
    pub audit_keys: std::collections::HashMap<String, usize>,
    /// Audits read from an export that a later export of the same audits
    /// replaces (its file name says it is later): where each was read, and
    /// where the later version was. Taken out when reading ends.
    pub superseded: Vec<(Origin, Origin, &'static str)>,
    /// While reading: audits that give a previous reference, and actions
    /// whose rows say they carry another forward or were carried forward as
    /// another; paired when reading ends ([`super::table::resolve_carried`]),
    /// whichever of each pair was read first.
    pub carried_audits: Vec<CarriedAudit>,
    pub carried_actions: Vec<CarriedAction>,
    /// While reading: an action's audit (or child) and words → its index in
    /// `actions`, so an action another export holds too is one action.
    pub action_keys: std::collections::HashMap<String, usize>,
    /// While reading: a case note's id (where the export gives one) → its index in `case_notes`.
    pub note_ids: std::collections::HashMap<String, usize>,
    /// While reading: audits' rows repeated exactly in another file, each
    /// (where the repeat was read, the first read's interned file and row).
    pub audits_repeated: Vec<(Origin, (u32, u32))>,
    /// Case notes (file, row) a later export holds again, with the version used and why.
    pub superseded_notes: Vec<(NotePlace, NotePlace, &'static str)>,
    /// Forms of one audit joined into the form used ([`super::join`]): the
    /// used audit's id and the completion date a joined form gave, so a
    /// moderation log that names the audit by that date still finds it.
    pub joined_dates: Vec<(String, NaiveDate)>,
    /// While reading: the case notes (source, row) whose status says they are
    /// drafts ([`super::table::note_status_draft`]).
    pub draft_notes: Vec<(u32, u32)>,
    /// While reading: the case notes (source, row) whose row says the visit
    /// was not made, not in person, or the child not seen: no statutory
    /// visit, whatever a code key later reads their type as.
    pub not_visits: Vec<(u32, u32)>,
    /// While reading: versions set aside as they were read (the version
    /// already read is the later one), each with where that one was read, so
    /// it can take the fields its own table has no column for. Taken out when
    /// reading ends.
    pub set_aside_versions: Vec<SetAside>,
    /// While reading: the tables (file, sheet) of records whose table has no
    /// column saying they were done (or ended): another export's version that
    /// has one is used over theirs.
    pub no_completion: std::collections::HashSet<(String, Option<String>)>,
    /// While reading: a spell's child, kind and start → its index in `episodes`.
    pub episode_keys: std::collections::HashMap<String, usize>,
    /// While reading: a key of every row read (its cells by header, any column
    /// order) → (interned file, row), so an exact duplicate counts once across
    /// tables and files. Emptied when reading ends.
    pub row_keys: crate::fasthash::SeenRows,
    /// Staff lists' lines (a person, their team, and when), to give an audit
    /// that names its social worker but no team the worker's team.
    pub staff: Vec<StaffLine>,
    /// While reading: each audit row's social worker as written, by where
    /// the row was read (see [`Model::staff`]).
    pub audit_workers: std::collections::HashMap<(String, Option<String>, u32), String>,
    /// Codes and what they mean, from a key sheet ("Code" / "Meaning"): note
    /// types written as codes are read by their meaning. With where it was read.
    pub code_key: Vec<CodeMeaning>,
    /// Child ids a system change replaced, from a map of old ids to new ones
    /// ("old ID" / "new ID", "LCS ID" / "Eclipse ID"): old id → (new id,
    /// the file it was read from). Every record's child id is read through it.
    pub id_map: std::collections::HashMap<String, (String, String)>,
    /// The children of a family or sibling group, from a list of group
    /// references and child ids ("Family group ref" / "Child's ID"): an audit
    /// recorded under the group's reference is an audit of each of them.
    pub family_groups: std::collections::BTreeMap<String, Vec<String>>,
    /// A child's id at the council that sent them, from an audit row's
    /// "Previous LA ID": (that id, the row's child id, the file).
    pub previous_la_ids: Vec<(String, String, String)>,
    /// While reading: audit rows that say their record moved between two
    /// tools ("Migrated", "Imported to LCS 16/09"), paired once every
    /// child's id reads as one ([`super::migrated::pair`]).
    pub migrated_audits: Vec<(Origin, super::migrated::Mark)>,
    /// While reading: the audits read from a table of seed 002's Part B
    /// alone (`join::part_of_table`), whose id their Part A may have too.
    pub part_b_rows: std::collections::HashSet<Origin>,
    /// While reading: action rows with a reference or words that may say
    /// they moved between two tools ([`super::migrated::ActionMark`]).
    pub migrated_actions: Vec<(Origin, super::migrated::ActionMark)>,
    /// Audits that took fields from another export's version of them (see
    /// `merge`): where the audit used was read, and where the version it
    /// took them from was. Its KPIs count it as that version's table would.
    pub merged_audits: Vec<(Origin, Origin)>,
    /// Upheld challenges of an auditor's grade, from a challenge log: where
    /// read, the child, the audit's date, the revised grade as written.
    pub challenges: Vec<(Origin, String, Option<NaiveDate>, String)>,
    /// While reading: the tables (file, sheet) whose audits were read from a
    /// report that joins audits to their actions ([`super::joined`]). Their
    /// audits that another table holds too are that table's
    /// ([`super::joined_copies`]).
    pub joined_tables: Vec<(String, Option<String>)>,
}

/// One line of a staff list: a person's team, from and until when where the
/// list says, and the team before it where it gives one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StaffLine {
    pub name: String,
    pub team: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub previous_team: Option<String>,
    pub file: String,
    pub sheet: Option<String>,
}

/// One line of a key sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeMeaning {
    pub code: String,
    pub meaning: String,
    /// What the codes are codes of, when the key's header says ("team" for "team_cd").
    pub of: Option<String>,
    /// Where the key was read.
    pub file: String,
    pub sheet: Option<String>,
}

/// What parts a case-note source's file and sheet ([`Model::note_place`]).
const SHEET_MARK: char = '\u{1f}';

/// A case note's source for a table on a sheet of a workbook: the file and
/// the sheet, so that two sheets of one workbook (case notes and a visits
/// report) are two sources. A text file's source is its name alone.
pub fn note_source_key<'a>(file: &'a str, sheet: Option<&str>) -> std::borrow::Cow<'a, str> {
    match sheet {
        Some(sheet) => std::borrow::Cow::Owned(format!("{file}{SHEET_MARK}{sheet}")),
        None => std::borrow::Cow::Borrowed(file),
    }
}

impl Model {
    /// A case note's source (its `source`): the file, and the sheet where
    /// the notes are on one.
    pub fn note_place(&self, source: u32) -> (&str, Option<&str>) {
        match self.strings.get(source).split_once(SHEET_MARK) {
            Some((file, sheet)) => (file, Some(sheet)),
            None => (self.strings.get(source), None),
        }
    }

    /// The file a case note was read from.
    pub fn note_file(&self, source: u32) -> &str {
        self.note_place(source).0
    }

    /// A case note's source as a message names it: "file", or "file [sheet]".
    pub fn note_shown(&self, source: u32) -> String {
        match self.note_place(source) {
            (file, Some(sheet)) => format!("{file} [{sheet}]"),
            (file, None) => file.to_string(),
        }
    }

    /// The part of the model that belongs to one team: its audits, the actions of
    /// its audits (or owned by it), its case notes and its children's episodes.
    pub fn for_team(&self, team: &str) -> Model {
        let is = |t: &Option<String>| t.as_deref() == Some(team);
        let audits: Vec<Audit> = self.audits.iter().filter(|a| is(&a.team)).cloned().collect();
        let ids: std::collections::HashSet<&str> = audits.iter().map(|a| a.id.as_str()).collect();
        let actions =
            self.actions.iter().filter(|a| is(&a.team) || (a.team.is_none() && a.audit_id.as_deref().is_some_and(|id| ids.contains(id)))).cloned().collect();
        let team_id = self.strings.index.get(team).copied();
        let case_notes = self.case_notes.iter().filter(|n| Some(n.team) == team_id).cloned().collect();
        let episodes = self.episodes.iter().filter(|e| is(&e.team)).cloned().collect();
        Model {
            audit_ids: audits.iter().map(|a| (a.id.clone(), a.origin.clone())).collect(),
            audits,
            actions,
            moderations: Vec::new(),
            case_notes,
            episodes,
            strings: self.strings.clone(),
            children: self.children.clone(),
            row_keys: Default::default(),
            code_key: self.code_key.clone(),
            family_groups: self.family_groups.clone(),
            merged_audits: self.merged_audits.clone(),
            ..Default::default()
        }
    }

    /// The children an audit is of: its child id, each child of a sibling
    /// group's id ("C1 & C2"), or each child of a family group recorded by its
    /// reference ([`Model::family_groups`]).
    pub fn children_of<'a>(&'a self, child_id: &'a str) -> Vec<&'a str> {
        let mut v = vec![child_id];
        v.extend(super::sibling_ids(child_id));
        if let Some(members) = self.family_groups.get(child_id) {
            v.extend(members.iter().map(String::as_str));
        }
        v
    }

    /// The team of that name, compared as [`super::identity::team_key`] does
    /// (case and spacing aside), in the model's own spelling.
    pub fn team_named(&self, name: &str) -> Option<String> {
        let key = super::identity::team_key(name);
        self.teams().into_iter().find(|t| super::identity::team_key(t) == key)
    }

    /// Every team named in the audits, actions, case notes and episodes, sorted.
    pub fn teams(&self) -> Vec<String> {
        let mut t: std::collections::BTreeSet<String> = self.audits.iter().filter_map(|a| a.team.clone()).collect();
        t.extend(self.actions.iter().filter_map(|a| a.team.clone()));
        t.extend(self.episodes.iter().filter_map(|e| e.team.clone()));
        let note_teams: std::collections::HashSet<u32> = self.case_notes.iter().map(|n| n.team).collect();
        t.extend(note_teams.into_iter().map(|i| self.strings.get(i).to_string()).filter(|s| !s.is_empty()));
        t.into_iter().collect()
    }
}
