//! The configuration: shipped defaults (`defaults.toml`, embedded) merged with an
//! optional user file given by `--config`. Unknown keys are an error, so a typo
//! is reported rather than silently ignored.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The shipped defaults, readable TOML (`auditpack config` prints it).
pub const DEFAULTS_TOML: &str = include_str!("defaults.toml");

/// A canonical band of the Ofsted scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

impl Band {
    pub const ALL: [Band; 4] = [Band::Outstanding, Band::Good, Band::RequiresImprovement, Band::Inadequate];

    pub fn key(self) -> &'static str {
        match self {
            Band::Outstanding => "outstanding",
            Band::Good => "good",
            Band::RequiresImprovement => "requires_improvement",
            Band::Inadequate => "inadequate",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::Outstanding => "Outstanding",
            Band::Good => "Good",
            Band::RequiresImprovement => "Requires Improvement",
            Band::Inadequate => "Inadequate",
        }
    }

    pub fn at_least_good(self) -> bool {
        matches!(self, Band::Outstanding | Band::Good)
    }
}

/// The framework of an audit whose framework could not be told.
pub const GENERIC_FRAMEWORK: &str = "generic";

/// One label of a grading scale and where it sits on the canonical scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSpec {
    pub label: String,
    /// Canonical band, or none when the scale cannot say which band.
    #[serde(default)]
    pub band: Option<Band>,
    /// Whether the label is at least good; none for "not applicable".
    #[serde(default)]
    pub at_least_good: Option<bool>,
    #[serde(default)]
    pub not_applicable: bool,
    /// True when the mapping is what the label says; false when it is an assumption.
    #[serde(default)]
    pub exact: bool,
    /// Other spellings seen in exports (compared after case and punctuation folding).
    #[serde(default)]
    pub spellings: Vec<String>,
    /// A bare number that stands for this label in a column of this scale's
    /// words (seed 004: a moderator's "1" is "does not yet meet good"). Read
    /// as an assumption, never exact; anywhere else a number is the numeric scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeral: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleSpec {
    pub id: String,
    pub name: String,
    pub labels: Vec<LabelSpec>,
}

/// A change to one label of the crosswalk, from a user config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkOverride {
    pub scale: String,
    pub label: String,
    #[serde(default)]
    pub band: Option<Band>,
    #[serde(default)]
    pub at_least_good: Option<bool>,
    #[serde(default)]
    pub not_applicable: bool,
    #[serde(default)]
    pub exact: bool,
    #[serde(default)]
    pub spellings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainSpec {
    pub id: String,
    pub name: String,
    /// Question texts from the frameworks that belong to this domain.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Whole words or phrases that point to this domain in a column header.
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkSpec {
    pub id: String,
    pub name: String,
    /// Phrases in column headers (or form labels) that identify the framework.
    #[serde(default)]
    pub signature: Vec<String>,
    /// Scales its graded questions use; a match adds to the recognition score.
    #[serde(default)]
    pub scales: Vec<String>,
    /// Question number → domain, for headers that are only "Q1", "Question 1".
    #[serde(default)]
    pub numbered_questions: BTreeMap<String, String>,
    /// When the export has no overall column, the domain whose grade is the overall.
    #[serde(default)]
    pub overall_domain: Option<String>,
    /// How the due date follows from the allocation date when the data has none:
    /// `end_of_allocation_month`, `days_after_allocation:N`, `working_days_after_allocation:N`
    /// or `end_of_cycle` (the end of the bi-monthly reporting period).
    #[serde(default)]
    pub due_rule: Option<String>,
    #[serde(default)]
    pub numeric_direction: Option<NumericDirection>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NumericDirection {
    /// Ofsted's numbering: 1 = Outstanding … 4 = Inadequate.
    #[default]
    Ofsted,
    /// Local scores where 4 = Outstanding … 1 = Inadequate.
    HigherIsBetter,
}

/// Field synonyms per kind of table: field name → header spellings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FieldSynonyms {
    #[serde(default)]
    pub audit: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub action: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub case_note: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub episode: BTreeMap<String, Vec<String>>,
}

/// How headers are normalised before matching (see `recognise`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// Whole-word abbreviations and their meaning ("sw" = "social worker").
    #[serde(default)]
    pub abbreviations: BTreeMap<String, String>,
    /// Words that end a header to say "identifier" ("ref", "no", "number").
    #[serde(default)]
    pub id_words: Vec<String>,
    /// Words that carry no meaning in a header ("the", "of", "please").
    #[serde(default)]
    pub filler: Vec<String>,
}

/// The words that make a field, for headers no synonym lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ConceptSpec {
    /// What the values must look like: date, id, name, grade, yes_no, text or any.
    #[serde(default)]
    pub value: String,
    /// Every slot must appear; a slot is alternatives joined by `|`.
    #[serde(default)]
    pub all: Vec<String>,
    /// At least one of these phrases must appear (words in any order).
    #[serde(default)]
    pub any: Vec<String>,
    /// Any of these vetoes the field (its role belongs to another field).
    #[serde(default)]
    pub not: Vec<String>,
}

/// Concepts per kind of table: field name → concept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ConceptSets {
    #[serde(default)]
    pub audit: BTreeMap<String, ConceptSpec>,
    #[serde(default)]
    pub action: BTreeMap<String, ConceptSpec>,
    #[serde(default)]
    pub case_note: BTreeMap<String, ConceptSpec>,
    #[serde(default)]
    pub episode: BTreeMap<String, ConceptSpec>,
}

/// A rule classifying a free-text type (case note type, legal status) into a kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindRule {
    pub kind: String,
    /// Whole words or phrases; the longest match over all rules wins.
    pub patterns: Vec<String>,
}

/// Pins for one input file (and optionally one sheet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    /// Matches when the file path contains this text (case-insensitive).
    pub file: String,
    #[serde(default)]
    pub sheet: Option<String>,
    /// `audits`, `actions`, `case_notes`, `episodes` or `ignore`.
    #[serde(default)]
    pub kind: Option<String>,
    /// 1-based row number of the header row.
    #[serde(default)]
    pub header_row: Option<u32>,
    #[serde(default)]
    pub framework: Option<String>,
    #[serde(default)]
    pub numeric_direction: Option<NumericDirection>,
    /// Source header → field (`child_id`, `overall`, `domain:safety`, `ignore`, …).
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    /// Extra non-working days (bank holidays beyond the table, local closures).
    #[serde(default)]
    pub extra_holidays: Vec<chrono::NaiveDate>,
    /// A CSV file with a `date` column of extra non-working days.
    #[serde(default)]
    pub holidays_file: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default)]
    pub numeric_direction: NumericDirection,
    /// Due rule for frameworks that set none.
    #[serde(default = "default_due_rule")]
    pub default_due_rule: String,
    /// Working days to complete an audit action when the data gives no due date.
    #[serde(default = "default_action_days")]
    pub action_working_days: u32,
    /// The first month (1–12) of the fixed bi-monthly grid: the default period
    /// and "end of the bi-monthly cycle" due dates lie on it.
    #[serde(default = "default_cycle_first_month")]
    pub cycle_first_month: u32,
    /// A restructure's table of old and new team names renames and merges
    /// teams (true), or every record keeps the team written on it (false).
    #[serde(default = "default_true")]
    pub restructured_teams_renamed: bool,
}

fn default_true() -> bool {
    true
}

fn default_due_rule() -> String {
    "end_of_allocation_month".into()
}
fn default_action_days() -> u32 {
    10
}
fn default_cycle_first_month() -> u32 {
    1
}

/// The whole configuration after merging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub calendar: CalendarSpec,
    #[serde(default)]
    pub scales: Vec<ScaleSpec>,
    #[serde(default)]
    pub crosswalk: Vec<CrosswalkOverride>,
    #[serde(default)]
    pub domains: Vec<DomainSpec>,
    #[serde(default)]
    pub frameworks: Vec<FrameworkSpec>,
    #[serde(default)]
    pub vocabulary: Vocabulary,
    #[serde(default)]
    pub fields: FieldSynonyms,
    #[serde(default)]
    pub concepts: ConceptSets,
    #[serde(default)]
    pub note_types: Vec<KindRule>,
    #[serde(default)]
    pub episode_types: Vec<KindRule>,
    #[serde(default)]
    pub sources: Vec<SourceSpec>,
    /// KPI id → target, read by the analysis.
    #[serde(default)]
    pub targets: BTreeMap<String, TargetSpec>,
    /// The text-theme taxonomy, read by the analysis.
    #[serde(default)]
    pub themes: Vec<ThemeSpec>,
}

/// Which way a KPI improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
}

/// A KPI's target: `overall_good_or_better = { target = 0.8, better = "higher" }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSpec {
    pub target: f64,
    pub better: Better,
    /// How far from the target still counts as "near" (default: 0.05 for rates,
    /// 10% of the target or 1 for counts).
    #[serde(default)]
    pub near: Option<f64>,
}

/// A text theme: phrases matched as whole words, ignoring case and plurals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeSpec {
    pub id: String,
    pub name: String,
    pub phrases: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("config file {path} is not valid: {message}")]
    Parse { path: String, message: String },
}

impl Config {
    /// The shipped defaults.
    pub fn defaults() -> Config {
        toml::from_str(DEFAULTS_TOML).expect("embedded defaults.toml is valid")
    }

    /// Defaults merged with the user file, if any.
    ///
    /// # Errors
    /// The file cannot be read, is not TOML, or has a key this version does not know.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let mut config = Config::defaults();
        if let Some(path) = path {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: shown.clone(), source })?;
            let user = Config::parse(&text).map_err(|message| ConfigError::Parse { path: shown, message })?;
            config.merge(user, path.parent());
        }
        Ok(config)
    }

    /// Parses config text.
    ///
    /// # Errors
    /// Not TOML, or a key this version does not know.
    pub fn parse(text: &str) -> Result<Config, String> {
        // Tell apart "settings omitted" from "settings given": parse into a raw table first.
        let raw: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut config: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        if !raw.contains_key("settings") {
            config.settings = Settings {
                numeric_direction: NumericDirection::Ofsted,
                default_due_rule: String::new(),
                action_working_days: 0,
                cycle_first_month: 0,
                restructured_teams_renamed: true,
            };
        }
        Ok(config)
    }

    /// Merges a user config over this one: lists keyed by id are replaced entry by
    /// entry, new entries are added; crosswalk overrides change single labels.
    pub fn merge(&mut self, user: Config, base_dir: Option<&Path>) {
        if !user.settings.default_due_rule.is_empty() {
            self.settings = user.settings;
        }
        self.calendar.extra_holidays.extend(user.calendar.extra_holidays);
        if let Some(f) = user.calendar.holidays_file {
            let p = base_dir.map(|d| d.join(&f)).filter(|p| p.exists()).unwrap_or_else(|| f.clone().into());
            self.calendar.holidays_file = Some(p.to_string_lossy().to_string());
        }
        merge_by(&mut self.scales, user.scales, |s| s.id.clone());
        merge_by(&mut self.domains, user.domains, |d| d.id.clone());
        merge_by(&mut self.frameworks, user.frameworks, |f| f.id.clone());
        for (field, syns) in [
            (&mut self.fields.audit, user.fields.audit),
            (&mut self.fields.action, user.fields.action),
            (&mut self.fields.case_note, user.fields.case_note),
            (&mut self.fields.episode, user.fields.episode),
        ] {
            for (k, v) in syns {
                field.entry(k).or_default().extend(v);
            }
        }
        self.vocabulary.abbreviations.extend(user.vocabulary.abbreviations);
        self.vocabulary.id_words.extend(user.vocabulary.id_words);
        self.vocabulary.filler.extend(user.vocabulary.filler);
        for (mine, theirs) in [
            (&mut self.concepts.audit, user.concepts.audit),
            (&mut self.concepts.action, user.concepts.action),
            (&mut self.concepts.case_note, user.concepts.case_note),
            (&mut self.concepts.episode, user.concepts.episode),
        ] {
            mine.extend(theirs);
        }
        // User rules first so they win ties.
        let mut nt = user.note_types;
        nt.append(&mut self.note_types);
        self.note_types = nt;
        let mut et = user.episode_types;
        et.append(&mut self.episode_types);
        self.episode_types = et;
        self.sources.extend(user.sources);
        self.crosswalk.extend(user.crosswalk);
        self.targets.extend(user.targets);
        if !user.themes.is_empty() {
            self.themes = user.themes;
        }
    }

    /// The pins for a file and sheet, most specific first.
    pub fn source_for(&self, file: &str, sheet: Option<&str>) -> Option<&SourceSpec> {
        let file_l = file.to_lowercase();
        let matching = self.sources.iter().filter(|s| file_l.contains(&s.file.to_lowercase()));
        let mut best: Option<&SourceSpec> = None;
        for s in matching {
            match (&s.sheet, sheet) {
                (Some(want), Some(have)) if want.eq_ignore_ascii_case(have) => return Some(s),
                (Some(_), _) => {}
                (None, _) => best = best.or(Some(s)),
            }
        }
        best
    }

    pub fn framework(&self, id: &str) -> Option<&FrameworkSpec> {
        self.frameworks.iter().find(|f| f.id == id)
    }
}

fn merge_by<T>(base: &mut Vec<T>, user: Vec<T>, key: impl Fn(&T) -> String) {
    for item in user {
        let k = key(&item);
        match base.iter_mut().find(|b| key(b) == k) {
            Some(slot) => *slot = item,
            None => base.push(item),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_cover_every_domain_and_scale() {
        let c = Config::defaults();
        let ids: Vec<&str> = c.domains.iter().map(|d| d.id.as_str()).collect();
        for want in [
            "safety",
            "voice",
            "oversight",
            "assessment",
            "multi_agency",
            "identity",
            "planning",
            "reviews",
            "permanence",
            "placements",
            "outcomes",
            "recording",
        ] {
            assert!(ids.contains(&want), "{want}");
        }
        let scales: Vec<&str> = c.scales.iter().map(|s| s.id.as_str()).collect();
        for want in ["ofsted4", "ofsted5", "meets_good3", "meets_good2", "met3", "ynp", "numeric"] {
            assert!(scales.contains(&want), "{want}");
        }
        assert_eq!(c.settings.action_working_days, 10);
    }

    #[test]
    fn unknown_keys_are_errors() {
        let e = Config::parse("[settings]\nnumeric_direction = \"ofsted\"\ntypo = 1\n").unwrap_err();
        assert!(e.contains("typo"), "{e}");
        assert!(Config::parse("[[sources]]\nfile = \"x\"\nheadr_row = 2\n").unwrap_err().contains("headr_row"));
    }

    #[test]
    fn user_config_merges_over_defaults() {
        let mut c = Config::defaults();
        let user = Config::parse(
            r#"
[[crosswalk]]
scale = "met3"
label = "Met"
band = "good"
at_least_good = true

[[domains]]
id = "safety"
name = "Keeping safe"

[[sources]]
file = "liquid"
header_row = 3
columns = { "Ref" = "child_id" }
"#,
        )
        .unwrap();
        c.merge(user, None);
        assert_eq!(c.settings.action_working_days, 10, "settings not given: defaults kept");
        assert_eq!(c.domains.iter().find(|d| d.id == "safety").unwrap().name, "Keeping safe");
        assert_eq!(c.domains.len(), Config::defaults().domains.len());
        assert_eq!(c.crosswalk.len(), 1);
        assert_eq!(c.source_for("data/Liquidlogic.csv", None).unwrap().header_row, Some(3));
        assert!(c.source_for("other.csv", None).is_none());
    }
}
