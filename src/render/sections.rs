//! What each report shows, section by section, as values from [`Metrics`].

use super::doc::{Cells, Chart, ChartKind, Section, Table, Tile, Value};
use crate::analyse::{Count, Kpi, Metrics};
use crate::normalise::config::Better;

const BAND_HEADERS: [&str; 7] =
    ["Outstanding", "Good", "Requires improvement", "Inadequate", "Good or better, no finer grade", "Below good, no finer grade", "Not applicable"];

/// The grade column headers, each marked "(includes assumed)" where a grade the
/// crosswalk only assumes is counted in it.
fn band_headers(m: &Metrics) -> Vec<String> {
    let assumed = super::doc::assumed_bands(m);
    BAND_HEADERS.iter().enumerate().map(|(i, h)| if i < 6 && assumed[i] { format!("{h} (includes assumed)") } else { h.to_string() }).collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn bands_row(cells: &Cells, b: &crate::analyse::distributions::Bands) -> Vec<Value> {
    b.all().iter().map(|n| cells.count(*n)).collect()
}

fn section(id: &str, title: &str, intro: &str) -> Section {
    Section { id: id.into(), title: title.into(), intro: intro.into(), tiles: vec![], charts: vec![], tables: vec![] }
}

fn table(name: &str, caption: &str, headers: &[&str], rows: Vec<Vec<Value>>) -> Table {
    Table {
        name: super::doc::sheet_name(name),
        caption: caption.into(),
        headers: headers.iter().map(|s| s.to_string()).collect(),
        rows,
        html_rows: None,
        empty: None,
    }
}

/// A long list: the HTML shows the first rows, the XLSX all of them.
const HTML_LIST_ROWS: usize = 25;

fn long_list(name: &str, caption: &str, headers: &[&str], rows: Vec<Vec<Value>>) -> Table {
    Table { html_rows: Some(HTML_LIST_ROWS), ..table(name, caption, headers, rows) }
}

/// A two-column table of labels and counts (bands, directions).
fn counts_table<'a>(cells: &Cells, name: &str, caption: &str, headers: [&str; 2], rows: impl IntoIterator<Item = (&'a str, Count)>) -> Table {
    table(name, caption, &headers, rows.into_iter().map(|(l, n)| vec![Value::text(l), cells.count(n)]).collect())
}

fn kpi<'a>(m: &'a Metrics, id: &str) -> Option<&'a Kpi> {
    m.kpis.iter().find(|k| k.id == id)
}

fn target_text(k: &Kpi) -> String {
    match (k.target, k.better) {
        (Some(t), Some(b)) => {
            let v = if k.unit == "rate" { super::doc::percent(t) } else { format!("{t}") };
            match b {
                Better::Higher => format!("{v} or more"),
                Better::Lower => format!("{v} or fewer"),
            }
        }
        _ => "No target".into(),
    }
}

fn change_value(k: &Kpi) -> Value {
    Cells.change(k.change, k.unit == "rate")
}

/// Words for the change, with the direction of improvement: "+5 pts (better)".
fn change_text(k: &Kpi) -> String {
    let Some(c) = k.change.get() else { return change_value(k).display() };
    let Some(c) = *c else { return "No earlier figure".into() };
    let shown = change_value(k).display();
    // Less than half a percentage point (or no change in a count) reads as no change.
    if c.abs() < 1e-9 || (k.unit == "rate" && c.abs() < 0.005) {
        return "No change".into();
    }
    let better = match k.better {
        Some(Better::Higher) => Some(c > 0.0),
        Some(Better::Lower) => Some(c < 0.0),
        None => None,
    };
    match better {
        Some(true) => format!("{shown} (better)"),
        Some(false) => format!("{shown} (worse)"),
        None => shown,
    }
}

fn kpi_table(m: &Metrics, cells: &Cells) -> Table {
    let assumed = super::doc::assumed_bands(m).iter().any(|a| *a);
    let rows = m
        .kpis
        .iter()
        .map(|k| {
            vec![
                Value::text(if BAND_KPIS.contains(&k.id) && assumed { format!("{} (includes assumed grades)", k.label) } else { k.label.to_string() }),
                cells.kpi_value(k),
                // (A figure the exports cannot make has no numerator or denominator, not 0 of 0.)
                if k.not_in_source { Value::text(super::doc::NO_FIGURE) } else { cells.count(k.numerator) },
                match (k.not_in_source, k.denominator) {
                    (true, _) => Value::text(super::doc::NO_FIGURE),
                    (false, Some(d)) => cells.count(d),
                    // (A count has no denominator.)
                    (false, None) => Value::text(""),
                },
                match (k.not_in_source, &k.previous) {
                    (true, _) => Value::text(super::doc::NO_FIGURE),
                    (false, Some(p)) if k.unit == "count" => cells.count(p.numerator),
                    (false, Some(p)) => cells.rate(p.value),
                    (false, None) => Value::text(""),
                },
                change_value(k),
                Value::text(target_text(k)),
                Value::text(format!("{} {}", k.status_icon, k.status_label)),
            ]
        })
        .collect();
    table("KPIs", "Headline KPIs against target", &["KPI", "This period", "Numerator", "Denominator", "Previous period", "Change", "Target", "Status"], rows)
}

fn tiles(m: &Metrics, cells: &Cells) -> Vec<Tile> {
    m.kpis
        .iter()
        .filter(|k| k.target.is_some() || k.id == "audits_completed")
        .map(|k| Tile {
            label: k.label.into(),
            note: if BAND_KPIS.contains(&k.id) && super::doc::assumed_bands(m).iter().any(|a| *a) {
                "Includes grades whose band is assumed (see notes)".into()
            } else {
                String::new()
            },
            value: cells.kpi_value(k).display(),
            target: target_text(k),
            change: change_text(k),
            status: k.status.into(),
            status_label: k.status_label.into(),
            status_icon: k.status_icon.into(),
            basis: basis(k),
        })
        .collect()
}

/// What a rate rests on, in words: "11 of 17" (empty for counts, for a
/// figure not in the exports, and where `--suppress` hid the numbers).
fn basis(k: &Kpi) -> String {
    match (k.unit, k.not_in_source, k.numerator.n(), k.denominator.and_then(|d| d.n())) {
        ("rate", false, Some(n), Some(d)) if d > 0 => format!("{n} of {d}"),
        _ => String::new(),
    }
}

/// The sentence an empty chart or table shows when its KPI is not in the
/// exports (rather than "no data in the period", which reads as none happened).
fn not_in_exports(k: &Kpi) -> Option<String> {
    k.not_in_source.then(|| format!("not in the exports (no input table records what '{}' needs; see Data quality in the compliance report)", k.label))
}

/// A band key of the moderation matrix in the packs' words ("Requires
/// improvement", "Good or better, no finer grade").
fn band_label(key: &str) -> String {
    match key {
        "outstanding" => BAND_HEADERS[0].into(),
        "good" => BAND_HEADERS[1].into(),
        "requires_improvement" => BAND_HEADERS[2].into(),
        "inadequate" => BAND_HEADERS[3].into(),
        "good_or_better_unbanded" => BAND_HEADERS[4].into(),
        "below_good_unbanded" => BAND_HEADERS[5].into(),
        "not_applicable" => BAND_HEADERS[6].into(),
        "unknown" => "Not graded".into(),
        other => other.replace('_', " "),
    }
}

/// KPIs that rest on the grade bands (and so on the crosswalk).
const BAND_KPIS: [&str; 3] = ["overall_good_or_better", "moderation_agreement", "inadequate_reaudited_in_time"];

fn teams(m: &Metrics) -> Vec<String> {
    let mut t: Vec<String> = m.kpis.iter().flat_map(|k| k.by_team.iter().map(|t| t.team.clone())).collect();
    t.sort();
    t.dedup();
    t
}

/// An audit as a reader knows it. An id auditpack made for an audit that
/// had none ("liquidlogic-kss-audits:C100183:2026-09-06": the file, the
/// child, the completion) reads "C100183, 06/09/2026 (liquidlogic-kss-audits)";
/// an export's own id is shown as it is.
fn audit_ref(id: &str) -> String {
    let parts: Vec<&str> = id.rsplitn(3, ':').collect();
    match parts[..] {
        [date, child, file] => match chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            Ok(d) => format!("{child}, {} ({file})", d.format("%d/%m/%Y")),
            Err(_) => id.to_string(),
        },
        _ => id.to_string(),
    }
}

/// A chart's title with the period it covers: a chart copied onto a slide
/// or printed on its own still says when.
fn dated(m: &Metrics, title: &str) -> String {
    format!("{title}, {}", m.period.label)
}

/// What a team with nothing to count this period shows in a chart of rates.
pub const NOTHING_DUE: &str = "none this period";

/// One KPI by team as a bar chart (with its target).
fn kpi_team_chart(m: &Metrics, cells: &Cells, id: &str, chart_id: &str) -> Option<Chart> {
    let k = kpi(m, id)?;
    let mut rows: Vec<Vec<Value>> =
        k.by_team.iter().map(|t| vec![Value::text(&t.team), if k.unit == "rate" { cells.rate(t.value) } else { cells.count(t.numerator) }]).collect();
    // Every team is listed: one with nothing to count says so, rather than
    // being left out (a reader takes a missing team for one forgotten).
    if !k.not_in_source && k.unit == "rate" {
        for team in teams(m).into_iter().filter(|t| !k.by_team.iter().any(|b| &b.team == t)) {
            rows.push(vec![Value::text(team), Value::text(NOTHING_DUE)]);
        }
        rows.sort_by(|a, b| a[0].display().cmp(&b[0].display()));
    }
    let values = if k.unit == "rate" { "percentage" } else { "count" };
    Some(Chart {
        id: chart_id.into(),
        title: dated(m, &format!("{} by team", k.label)),
        alt: format!(
            "Bar chart of {} by team ({values}), {} teams{}.",
            k.label.to_lowercase(),
            rows.len(),
            k.target.map(|t| format!(", with the target of {} marked", super::doc::percent(t))).unwrap_or_default()
        ),
        kind: ChartKind::Bar,
        percent: k.unit == "rate",
        target: k.target.filter(|_| k.unit == "rate"),
        data: Table { empty: not_in_exports(k), ..table(&format!("Chart {}", k.label), &format!("{} by team: chart data", k.label), &["Team", k.label], rows) },
    })
}

fn trend_chart(m: &Metrics, cells: &Cells, id: &str, chart_id: &str) -> Option<Chart> {
    let t = m.trends.iter().find(|t| t.id == id)?;
    let k = kpi(m, id)?;
    let rows: Vec<Vec<Value>> = t
        .points
        .iter()
        .map(|p| vec![Value::text(super::doc::short_period(p.period.from, p.period.to)), cells.rate(p.value), cells.count(p.denominator.unwrap_or_default())])
        .collect();
    Some(Chart {
        id: chart_id.into(),
        title: format!("{} over time", k.label),
        alt: format!(
            "Line chart of {} in each two-month period from {} to {}{}.",
            k.label.to_lowercase(),
            t.points.first().map(|p| p.period.label.clone()).unwrap_or_default(),
            t.points.last().map(|p| p.period.label.clone()).unwrap_or_default(),
            k.target.map(|x| format!(", against the target of {}", super::doc::percent(x))).unwrap_or_default()
        ),
        kind: ChartKind::Line,
        percent: true,
        target: k.target,
        data: Table {
            empty: not_in_exports(k),
            ..table(&format!("Trend {}", k.label), &format!("{} by period: chart data", k.label), &["Period", k.label, "Out of"], rows)
        },
    })
}

fn bands_chart(m: &Metrics, cells: &Cells, chart_id: &str, title: &str, what: &str, groups: &[(String, &crate::analyse::distributions::Bands)]) -> Chart {
    let rows: Vec<Vec<Value>> =
        groups.iter().map(|(name, b)| std::iter::once(Value::text(name)).chain(bands_row(cells, b).into_iter().take(6)).collect()).collect();
    let bands = band_headers(m);
    let mut headers = vec![what];
    headers.extend(strs(&bands[..6]));
    Chart {
        id: chart_id.into(),
        title: dated(m, title),
        alt: format!("Stacked bar chart of audits by grade for each {}, {} bars: outstanding, good, requires improvement, inadequate, and good or better or below good where the scale has no finer grade.", what.to_lowercase(), rows.len()),
        kind: ChartKind::StackedBar,
        percent: false,
        target: None,
        data: table(&format!("Chart {title}"), &format!("{title}: chart data"), &headers, rows),
    }
}

/// The overall grades by team, stacked (empty with the reason when no table
/// records an overall judgement).
fn overall_by_team_chart(m: &Metrics, cells: &Cells) -> Chart {
    let groups: Vec<(String, &_)> = m.distributions.overall.by_team.iter().map(|g| (g.name.clone(), &g.counts)).collect();
    let mut chart = bands_chart(m, cells, "grades-by-team", "Overall grades by team", "Team", &groups);
    chart.data.empty = kpi(m, "overall_good_or_better").and_then(not_in_exports);
    chart
}

pub fn board_pack(m: &Metrics, cells: &Cells) -> Vec<Section> {
    let mut head = section("headlines", "Headline KPIs", "Each KPI this period against its target, with the change since the previous period. Status is shown in words and by symbol: ✔ on target, ◐ near, ✖ off target.");
    head.tiles = tiles(m, cells);
    head.tables.push(kpi_table(m, cells));
    let mut charts = section(
        "charts",
        "At a glance",
        "The few charts the meeting needs. Each chart's numbers open under it (Chart data) and are in the XLSX version of this pack.",
    );
    charts.charts.extend(trend_chart(m, cells, "overall_good_or_better", "good-or-better-trend"));
    charts.charts.push(overall_by_team_chart(m, cells));
    charts.charts.extend(kpi_team_chart(m, cells, "actions_on_time", "actions-on-time-by-team"));
    charts.charts.extend(kpi_team_chart(m, cells, "notes_recorded_in_time", "notes-in-time-by-team"));
    let themes = m
        .themes
        .text_themes
        .iter()
        .filter(|t| !t.audits.is_zero())
        .take(8)
        .map(|t| vec![Value::text(&t.name), cells.count(t.audits), cells.count(t.in_below_good), cells.count(t.in_good_or_better)])
        .collect();
    let mut learning = section(
        "learning",
        "What the audits say",
        "The themes most often found in this period's audit evidence, and the domains that were most often below good when the audit as a whole was below good.",
    );
    learning.tables.push(table(
        "Top themes",
        "Most frequent themes in audit evidence this period",
        &["Theme", "Audits", "Below good overall", "Good or better overall"],
        themes,
    ));
    let drivers = m
        .themes
        .domain_drivers
        .iter()
        .take(5)
        .map(|d| {
            vec![
                Value::text(&d.name),
                cells.count(d.graded),
                cells.rate(d.share_below_good),
                cells.rate(d.share_below_when_overall_below),
                cells.rate(d.share_below_when_overall_good),
            ]
        })
        .collect();
    learning.tables.push(table(
        "Domain drivers",
        "Domains most often below good when the whole audit was below good",
        &["Domain", "Audits graded", "Below good in this domain", "…in audits below good overall", "…in audits good or better overall"],
        drivers,
    ));
    vec![head, charts, learning]
}

pub fn compliance(m: &Metrics, cells: &Cells) -> Vec<Section> {
    let mut out = Vec::new();
    let mut s = section("kpis", "Compliance KPIs", "Every KPI of the bi-monthly audit compliance report, with its numerator and denominator.");
    s.tables.push(kpi_table(m, cells));
    let ts = teams(m);
    let mut headers: Vec<&str> = vec!["KPI"];
    headers.extend(ts.iter().map(String::as_str));
    let rows = m
        .kpis
        .iter()
        .map(|k| {
            std::iter::once(Value::text(k.label))
                .chain(ts.iter().map(|t| match k.by_team.iter().find(|x| &x.team == t) {
                    Some(x) if k.unit == "rate" => cells.rate(x.value),
                    Some(x) => cells.count(x.numerator),
                    // (None of a count is 0; a rate with nothing to count is no figure.)
                    None if k.unit == "count" && !k.not_in_source => Value::Count(0),
                    None => Value::text(super::doc::NO_FIGURE),
                }))
                .collect()
        })
        .collect();
    s.tables.push(table("KPIs by team", "Each KPI by team (–: nothing to count for that team this period, or not in the exports)", &headers, rows));
    out.push(s);

    let mut a = section(
        "actions",
        "Audit actions",
        "Actions are due 10 working days after they are set unless the data gives a date. Overdue means due before the as-of date and not signed off by it.",
    );
    a.charts.extend(kpi_team_chart(m, cells, "actions_on_time", "actions-on-time-by-team"));
    a.tables.push(long_list(
        "Overdue actions",
        "Overdue actions, longest overdue first (children by ID only)",
        &["Audit", "Child ID", "Team", "Owner", "Action", "Due", "Working days overdue"],
        m.actions
            .overdue
            .iter()
            .map(|o| {
                vec![
                    Value::text(audit_ref(&o.audit_id)),
                    Value::text(&o.child_id),
                    Value::text(&o.team),
                    Value::text(&o.owner),
                    Value::text(&o.action),
                    Value::Date(Some(o.due)),
                    Value::Count(o.working_days_overdue.max(0) as u64),
                ]
            })
            .collect(),
    ));
    a.tables.push(counts_table(
        cells,
        "Overdue by age",
        "Overdue actions by how long overdue",
        ["Working days overdue", "Actions"],
        m.actions.age_bands.iter().map(|(l, n)| (l.as_str(), *n)),
    ));
    a.tables.push(table(
        "Actions by team",
        "Actions due this period by team",
        &["Team", "Due this period", "Done on time", "Done late", "Open", "Overdue now"],
        m.actions
            .by_team
            .iter()
            .map(|t| {
                vec![
                    Value::text(&t.team),
                    cells.count(t.due_in_period),
                    cells.count(t.on_time),
                    cells.count(t.late),
                    cells.count(t.open),
                    cells.count(t.overdue_now),
                ]
            })
            .collect(),
    ));
    a.tables.push(table(
        "Repeat owners",
        "Owners with two or more overdue actions",
        &["Owner", "Overdue actions"],
        m.actions.repeat_owners.iter().map(|o| vec![Value::text(&o.owner), cells.count(o.overdue)]).collect(),
    ));
    out.push(a);

    let mut md = section("moderation", "Moderation", "Audits re-graded by a moderator: whether they agreed, and which way they moved the grade.");
    let mut matrix_rows = Vec::new();
    for (auditor, row) in &m.moderation.matrix {
        for (moderator, n) in row {
            matrix_rows.push(vec![Value::text(band_label(auditor)), Value::text(band_label(moderator)), cells.count(*n)]);
        }
    }
    md.tables.push(table("Moderation matrix", "Auditor's band against moderator's band", &["Auditor's band", "Moderator's band", "Audits"], matrix_rows));
    let d = &m.moderation.direction;
    md.tables.push(counts_table(
        cells,
        "Moderation direction",
        "Direction of moderation",
        ["Moderator graded", "Audits"],
        [("The same", d.same), ("Lower than the auditor", d.moderator_lower), ("Higher than the auditor", d.moderator_higher), ("Cannot tell", d.unknown)],
    ));
    for (by, list) in [("team", &m.moderation.by_team), ("auditor", &m.moderation.by_auditor)] {
        let rows = list.iter().map(|a| vec![Value::text(&a.name), cells.count(a.moderated), cells.count(a.agreed), cells.rate(a.rate)]).collect();
        let first = if by == "team" { "Team" } else { "Auditor" };
        md.tables.push(table(&format!("Agreement by {by}"), &format!("Moderation agreement by {by}"), &[first, "Moderated", "Agreed", "Agreement"], rows));
    }
    out.push(md);

    let mut cn = section("case-notes", "Statutory visits and recording", "From the case-note export: visits to children on child protection plans (every 10 working days) and looked-after children (every 6 weeks), seen alone, and recording within 4 weeks.");
    cn.charts.extend(kpi_team_chart(m, cells, "notes_recorded_in_time", "notes-in-time-by-team"));
    cn.tables.push(table(
        "Case notes by team",
        "Case notes and statutory visits this period by team",
        &["Team", "Case notes", "Recorded within 4 weeks", "Statutory visits", "Seen alone: yes", "Seen alone: no"],
        m.case_notes
            .by_team
            .iter()
            .map(|t| {
                vec![
                    Value::text(&t.team),
                    cells.count(t.notes),
                    cells.count(t.recorded_in_time),
                    cells.count(t.visits),
                    cells.count(t.seen_yes),
                    cells.count(t.seen_no),
                ]
            })
            .collect(),
    ));
    cn.tables.push(long_list(
        "Children out of timescale",
        "Children whose statutory visits were not all in time (by ID only)",
        &["Team", "Child ID", "Plan", "Longest gap", "Unit", "Last visit"],
        m.case_notes
            .children_out_of_timescale
            .iter()
            .map(|c| {
                vec![
                    Value::text(&c.team),
                    Value::text(&c.child_id),
                    Value::text(c.plan.to_uppercase()),
                    Value::Count(c.longest_gap.max(0) as u64),
                    Value::text(c.unit),
                    Value::Date(c.last_visit),
                ]
            })
            .collect(),
    ));
    cn.tables.push(counts_table(
        cells,
        "Visit gaps",
        "Days between statutory visits to the same child this period",
        ["Gap", "Visits"],
        m.case_notes.visit_gap_bands.iter().map(|(l, n)| (l.as_str(), *n)),
    ));
    let lag_rows = m.case_notes.lag_band_labels.iter().zip(&m.case_notes.lag_band_totals).map(|(l, n)| (*l, *n));
    cn.tables.push(counts_table(cells, "Recording lag", "Days from event to recording, this period", ["Lag", "Case notes"], lag_rows));
    out.push(cn);

    let mut au = section(
        "auditors",
        "Auditors",
        "Audits per auditor in the 12 months to the as-of date (the framework allows 10 a year), and on-time completion this period.",
    );
    au.tables.push(table(
        "Auditor load",
        "Audits per auditor",
        &["Auditor", "Audits in last 12 months", "Over 10 a year", "Due this period", "On time this period"],
        m.auditors
            .iter()
            .map(|a| {
                vec![
                    Value::text(&a.auditor),
                    cells.count(a.audits_last_12_months),
                    Value::text(if a.over_annual_limit { "Yes" } else { "No" }),
                    cells.count(a.due_in_period),
                    cells.count(a.on_time_in_period),
                ]
            })
            .collect(),
    ));
    out.push(au);
    out.push(data_quality(m));
    out.push(appendix(m));
    out
}

fn data_quality(m: &Metrics) -> Section {
    let mut dq = section("data-quality", "Data quality", "Every input file and sheet, with rows read = accepted + set aside by design (blank, totals or duplicate rows, out-of-scope records, section headings and page furniture of reports; each with its reason) + rejected for a problem, and the data-quality findings: file, sheet, row, column, the value seen and what was done with it.");
    dq.tables.push(table(
        "Sources",
        "Rows read from each input",
        &["File", "Sheet", "Kind", "Rows read", "Accepted", "Set aside", "Rejected"],
        m.inputs
            .iter()
            .map(|i| {
                vec![
                    Value::text(super::doc::file_name(&i.file)),
                    Value::text(i.sheet.clone().unwrap_or_default()),
                    Value::text(&i.kind),
                    Value::Count(i.rows_read),
                    Value::Count(i.rows_accepted),
                    Value::Count(i.rows_set_aside),
                    Value::Count(i.rows_rejected),
                ]
            })
            .collect(),
    ));
    // A report lists the most serious findings; normalised/data_quality.csv has them all.
    const SHOWN: usize = 500;
    let mut findings: Vec<&crate::normalise::Finding> = m.data_quality.iter().collect();
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let total = findings.len();
    findings.truncate(SHOWN);
    let caption = if total > SHOWN {
        format!("Data-quality findings: the {SHOWN} most serious of {total} (all are in normalised/data_quality.csv)")
    } else {
        "Data-quality findings, most serious first".to_string()
    };
    dq.tables.push(long_list(
        "Findings",
        &caption,
        &["Severity", "File", "Sheet", "Row", "Column", "Value", "What was done"],
        findings
            .iter()
            .map(|f| {
                vec![
                    Value::text(match f.severity {
                        crate::normalise::Severity::Error => "problem: file not read",
                        crate::normalise::Severity::Warning => "problem",
                        crate::normalise::Severity::Info => "note",
                    }),
                    Value::text(super::doc::file_name(&f.file)),
                    Value::text(f.sheet.clone().unwrap_or_default()),
                    f.row.map(|r| Value::Count(r as u64)).unwrap_or(Value::text("")),
                    Value::text(f.column.clone().unwrap_or_default()),
                    Value::text(plain(m, &f.value)),
                    Value::text(plain(m, &f.action)),
                ]
            })
            .collect(),
    ));
    dq
}

/// A field's name in a finding, in the words of a reader who does not know
/// the normalised tables (`normalised/data_quality.csv` keeps the names).
const FIELD_WORDS: &[(&str, &str)] = &[
    ("spoke_child_not", "child not spoken to (reason)"),
    ("spoke_family_not", "parents or carers not spoken to (reason)"),
    ("spoke_practitioner_not", "social worker not spoken to (reason)"),
    ("spoke_child", "child spoken to"),
    ("spoke_family", "parents or carers spoken to"),
    ("spoke_practitioner", "social worker or PA spoken to"),
    ("completed_date", "date completed"),
    ("due_date", "due date"),
    ("allocated_date", "date allocated"),
    ("audit_month", "audit month"),
    ("moderator_agrees", "moderator agrees"),
    ("moderated_overall", "moderator's grade"),
    ("moderation_date", "date moderated"),
    ("reaudit_date", "re-audit date"),
    ("reaudit_due_date", "re-audit due date"),
    ("reaudit_overall", "re-audit grade"),
    ("child_id", "child ID"),
    ("audit_id", "audit ID"),
    ("action_id", "action ID"),
    ("note_id", "case note ID"),
    ("audit_date", "audit date"),
    ("set_date", "date set"),
    ("reviewed_date", "date reviewed"),
    ("event_date", "date of the visit or contact"),
    ("recorded_date", "date recorded"),
    ("note_type", "note type"),
    ("seen_alone", "seen alone"),
    ("child_seen", "child seen"),
    ("visit_mode", "visit mode"),
    ("episode_type", "legal status"),
    ("start_date", "start date"),
    ("end_date", "end date"),
    ("case_type", "case type"),
    ("legal_status", "legal status"),
    ("good_practice", "good practice"),
    ("actions_accepted", "actions accepted"),
];

/// A finding's text for the packs: KPI and field names in words ("Child
/// spoken to", "a 'date completed' column"), without the JSON aside meant for
/// scripts.
fn plain(m: &Metrics, text: &str) -> String {
    let text = text.replace(" (null, \"not_in_source\": true; the packs say \"not in the exports\")", "");
    if !text.contains('_') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.contains('_') {
            if let Some(k) = m.kpis.iter().find(|k| k.id == word.as_str()) {
                out.push_str(&format!("'{}'", k.label));
            } else if let Some((_, w)) = FIELD_WORDS.iter().find(|(f, _)| *f == word.as_str()) {
                // (With the name a config pins it by.)
                out.push_str(&format!("'{w}' ({word})"));
            } else {
                out.push_str(word);
            }
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    // A word in quotes is a header of the export, left as written ('audit_date').
    let mut quoted = false;
    for c in text.chars() {
        if c.is_ascii_lowercase() || c == '_' {
            word.push(c);
        } else {
            if quoted || c == '\'' {
                out.push_str(&word);
                word.clear();
            } else {
                flush(&mut word, &mut out);
            }
            quoted = c == '\'' && !quoted;
            out.push(c);
        }
    }
    if quoted {
        out.push_str(&word);
    } else {
        flush(&mut word, &mut out);
    }
    out
}

/// The compliance report's appendix: every grade label read and the band it
/// was counted in, exact or assumed.
fn appendix(m: &Metrics) -> Section {
    let mut ap = section(
        "appendix",
        "Appendix: how grades were read",
        "Each grade label found in the exports, the scale it belongs to, and the band it was counted in. An assumed mapping is one the crosswalk does not state exactly (for example 'Exceeds good' counted as Outstanding): change it in the config if it is wrong.",
    );
    ap.tables.push(table(
        "Grade labels",
        "Grade labels and the band each was counted in",
        &["Label", "Scale", "Counted as", "Mapping", "Judgements"],
        m.crosswalk
            .iter()
            .map(|l| {
                let band = match (l.band, l.at_least_good) {
                    _ if l.not_applicable => "Not applicable".to_string(),
                    (Some(b), _) => b.label().to_string(),
                    (None, Some(true)) => "Good or better, no finer grade".into(),
                    _ => "Below good, no finer grade".into(),
                };
                vec![
                    Value::text(&l.source_label),
                    Value::text(&l.scale),
                    Value::text(band),
                    Value::text(if l.exact { "exact" } else { "assumed" }),
                    Value::Count(l.count),
                ]
            })
            .collect(),
    ));
    ap
}

pub fn grades(m: &Metrics, cells: &Cells) -> Vec<Section> {
    let dist = &m.distributions;
    let bands = band_headers(m);
    let mut headers = vec!["Group"];
    headers.extend(strs(&bands));
    let mut overall = section("overall", "Overall judgements", "Audits completed this period by overall grade, all teams and by team.");
    let mut rows = vec![std::iter::once(Value::text("All teams")).chain(bands_row(cells, &dist.overall.counts)).collect::<Vec<_>>()];
    rows.extend(dist.overall.by_team.iter().map(|g| std::iter::once(Value::text(&g.name)).chain(bands_row(cells, &g.counts)).collect()));
    overall.charts.push(overall_by_team_chart(m, cells));
    overall.tables.push(table("Overall by team", "Overall grades by team", &headers, rows));
    let mut domains = section("domains", "Grades by domain", "Each domain's judgements this period, across every framework, on the canonical bands.");
    let dgroups: Vec<(String, &_)> = dist.domains.iter().map(|(id, d)| (dist.domain_names.get(id).cloned().unwrap_or(id.clone()), &d.counts)).collect();
    domains.charts.push(bands_chart(m, cells, "grades-by-domain", "Grades by domain", "Domain", &dgroups));
    domains.tables.push(table(
        "Domains",
        "Grades by domain",
        &headers,
        dgroups.iter().map(|(n, b)| std::iter::once(Value::text(n)).chain(bands_row(cells, b)).collect()).collect(),
    ));
    let mut team_rows = Vec::new();
    for (id, d) in &dist.domains {
        for g in &d.by_team {
            team_rows.push(
                [Value::text(dist.domain_names.get(id).cloned().unwrap_or(id.clone())), Value::text(&g.name)]
                    .into_iter()
                    .chain(bands_row(cells, &g.counts))
                    .collect(),
            );
        }
    }
    let mut dt_headers = vec!["Domain", "Team"];
    dt_headers.extend(strs(&bands));
    domains.tables.push(table("Domains by team", "Grades by domain and team", &dt_headers, team_rows));
    let mut trend = section("trend", "Over time", "Overall grades in each two-month period of the history.");
    trend.charts.extend(trend_chart(m, cells, "overall_good_or_better", "good-or-better-trend"));
    let mut p_headers = vec!["Period"];
    p_headers.extend(strs(&bands));
    trend.tables.push(table(
        "Overall by period",
        "Overall grades by period",
        &p_headers,
        dist.overall
            .by_period
            .iter()
            .map(|p| std::iter::once(Value::text(super::doc::short_period(p.period.from, p.period.to))).chain(bands_row(cells, &p.counts)).collect())
            .collect(),
    ));
    let mut other = section(
        "groups",
        "By framework, legal status and case type",
        "Overall grades this period by the framework the audit used, and by the child's legal status and case type where the export gives them.",
    );
    for (name, caption, groups, names) in [
        ("By framework", "Overall grades by audit framework", &dist.overall_by_framework, Some(&m.framework_names)),
        ("By legal status", "Overall grades by legal status", &dist.overall_by_legal_status, None),
        ("By case type", "Overall grades by case type", &dist.overall_by_case_type, None),
    ] {
        // A framework by its name, not its id.
        let shown = |g: &str| names.and_then(|n| n.get(g)).cloned().unwrap_or_else(|| g.to_string());
        other.tables.push(table(
            name,
            caption,
            &headers,
            groups.iter().map(|g| std::iter::once(Value::text(shown(&g.name))).chain(bands_row(cells, &g.counts)).collect()).collect(),
        ));
    }
    vec![overall, domains, trend, other]
}

pub fn themes(m: &Metrics, cells: &Cells) -> Vec<Section> {
    let th = &m.themes;
    let mut drivers = section("drivers", "What drives below-good judgements", "For each domain: how often it was below good, and how much more often it was below good in audits judged below good overall than in audits judged good or better (the association, in percentage points). Ranked by association.");
    let rows: Vec<Vec<Value>> = th
        .domain_drivers
        .iter()
        .map(|d| {
            vec![
                Value::Count(d.rank as u64),
                Value::text(&d.name),
                cells.count(d.graded),
                cells.count(d.below_good),
                cells.rate(d.share_below_good),
                cells.rate(d.share_below_when_overall_below),
                cells.rate(d.share_below_when_overall_good),
                cells.change(d.association, true),
            ]
        })
        .collect();
    drivers.charts.push(Chart {
        id: "domain-drivers".into(),
        title: dated(m, "Below good in each domain"),
        alt: format!("Bar chart of the share of audits below good in each of {} domains this period.", rows.len()),
        kind: ChartKind::Bar,
        percent: true,
        target: None,
        data: table(
            "Chart domain drivers",
            "Share below good by domain: chart data",
            &["Domain", "Below good"],
            th.domain_drivers.iter().map(|d| vec![Value::text(&d.name), cells.rate(d.share_below_good)]).collect(),
        ),
    });
    drivers.tables.push(table(
        "Domain drivers",
        "Domains ranked by association with a below-good overall judgement",
        &[
            "Rank",
            "Domain",
            "Audits graded",
            "Below good",
            "Share below good",
            "Below good when overall below good",
            "Below good when overall good or better",
            "Association",
        ],
        rows,
    ));
    let mut text = section("text-themes", "Recurring themes in the evidence", "Themes found in audit evidence and good-practice text (whole words, any case, singular or plural), split by the audit's overall judgement; examples cite audit IDs only.");
    let listed: Vec<&crate::analyse::themes::TextTheme> = th.text_themes.iter().collect();
    text.charts.push(Chart {
        id: "themes".into(),
        title: dated(m, "Themes in audit evidence"),
        alt: format!(
            "Stacked bar chart of how many audits this period mention each of {} themes, split into audits below good and good or better overall.",
            listed.len()
        ),
        kind: ChartKind::StackedBar,
        percent: false,
        target: None,
        data: table(
            "Chart themes",
            "Themes by overall judgement: chart data",
            &["Theme", "Below good overall", "Good or better overall"],
            listed.iter().map(|t| vec![Value::text(&t.name), cells.count(t.in_below_good), cells.count(t.in_good_or_better)]).collect(),
        ),
    });
    text.tables.push(table(
        "Themes",
        "Themes in audit evidence this period",
        &["Theme", "Audits", "Below good overall", "Good or better overall", "In actions", "Example audits"],
        listed
            .iter()
            .map(|t| {
                vec![
                    Value::text(&t.name),
                    cells.count(t.audits),
                    cells.count(t.in_below_good),
                    cells.count(t.in_good_or_better),
                    cells.count(t.actions),
                    Value::text(t.example_audits.iter().map(|a| audit_ref(a)).collect::<Vec<_>>().join("; ")),
                ]
            })
            .collect(),
    ));
    let periods: Vec<String> = listed.first().map(|t| t.trend.iter().map(|(k, _)| super::doc::short_key(k)).collect()).unwrap_or_default();
    let mut headers: Vec<&str> = vec!["Theme"];
    headers.extend(periods.iter().map(String::as_str));
    text.tables.push(table(
        "Theme trend",
        "Audits mentioning each theme, by period",
        &headers,
        listed.iter().map(|t| std::iter::once(Value::text(&t.name)).chain(t.trend.iter().map(|(_, n)| cells.count(*n))).collect()).collect(),
    ));
    let mut actions: Vec<&&crate::analyse::themes::TextTheme> = listed.iter().filter(|t| !t.actions.is_zero()).collect();
    actions.sort_by(|a, b| b.actions.cmp(&a.actions).then(a.id.cmp(&b.id)));
    let mut act = section("action-themes", "What the actions ask for", "Themes in the actions set after this period's audits, most common first.");
    act.tables.push(table(
        "Action themes",
        "Most common themes in audit actions",
        &["Theme", "Actions"],
        actions.iter().map(|t| vec![Value::text(&t.name), cells.count(t.actions)]).collect(),
    ));
    vec![drivers, text, act]
}
