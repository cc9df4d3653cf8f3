//! Deterministic synthetic exports in every supported shape, with the mess of real
//! ones (title rows, loose labels, an unknown label, duplicates, blank and totals
//! rows, text dates, Windows-1252). Names are invented; children are IDs only.

use crate::calendar::{add_months, date};
use crate::cli::GenerateArgs;
use crate::output::{write_atomic, Durability};
use chrono::{Datelike, Duration, NaiveDate};
use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// SplitMix64: tiny, fast, and the same sequence on every platform and version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

const TEAMS: &[&str] = &["Assessment", "CP North", "CP South", "Children in Care", "Leaving Care", "Disabled Children"];
/// Invented names.
const PEOPLE: &[&str] = &[
    "Morgan Reyes",
    "Priya Holt",
    "Dev Ashby",
    "Lena Quill",
    "Tom Barrow",
    "Ines Marlow",
    "Sam Okafor",
    "Ruth Penhale",
    "Kit Varley",
    "Noor Castell",
    "Owen Tarrant",
    "Bea Lindqvist",
];
const EVIDENCE: &[&str] = &[
    "Drift and delay in progressing the plan; the chronology is not up to date.",
    "The voice of the child is clear and the child was seen alone at every visit.",
    "Management oversight is evident with regular supervision recorded.",
    "Plans are not SMART and lack timescales; the father is not engaged in planning.",
    "Good multi-agency working with school and health; information sharing is timely.",
    "Identity needs are explored well, including faith and culture.",
    "Risks of exploitation (CCE) and missing episodes are well understood.",
    "Domestic abuse risks are assessed but neglect is not fully considered.",
    "Permanence planning is timely and life story work has started.",
    "Case summary missing; recording is several weeks behind.",
    "=HYPERLINK(\"http://example.invalid\",\"click\")",
];
const GOOD_PRACTICE: &[&str] = &[
    "Creative direct work with the child.",
    "Strong relationship between the social worker and the family.",
    "Timely reviews with the IRO's challenge recorded.",
    "",
];
const ACTIONS: &[&str] = &[
    "Update the chronology within 10 working days.",
    "Make the child's plan SMART with clear timescales.",
    "Record supervision and management oversight on file.",
    "Arrange a visit to see the child alone.",
    "Engage the father in the assessment.",
    "Complete life story work plan.",
    "Hold a multi-agency meeting to share information.",
];

/// A child with a latent practice quality (0 best … 3 worst) and a team.
struct Child {
    id: String,
    team: &'static str,
    quality: usize,
}

struct AuditRow {
    id: String,
    child: usize,
    auditor: &'static str,
    allocated: NaiveDate,
    completed: Option<NaiveDate>,
    /// 0 Outstanding … 3 Inadequate.
    overall: usize,
    domains: Vec<usize>,
    moderated: bool,
    moderator_overall: usize,
    spoke: [u8; 3],
    evidence: &'static str,
    good: &'static str,
}

const HISTORY_START: (i32, u32) = (2024, 11);
const HISTORY_MONTHS: i32 = 24;

fn make_children(rng: &mut Rng, n: usize) -> Vec<Child> {
    (0..n.max(1))
        .map(|i| {
            let quality = [0, 1, 1, 1, 2, 2, 3][rng.below(7)];
            Child { id: format!("C{:06}", 100_000 + i * 7 + rng.below(7)), team: rng.pick(TEAMS), quality }
        })
        .collect()
}

fn make_audits(rng: &mut Rng, children: &[Child], n: usize, prefix: &str, domains: usize) -> Vec<AuditRow> {
    let start = date(HISTORY_START.0, HISTORY_START.1, 1);
    (0..n)
        .map(|i| {
            let child = rng.below(children.len());
            let month = (i as i32 * HISTORY_MONTHS) / n.max(1) as i32;
            let allocated = add_months(start, month) + Duration::days(rng.below(5) as i64);
            let last = i + 3 >= n;
            // Most audits are finished within the month they were allocated; a few run late.
            let days = if rng.chance(0.8) { 2 + rng.below(18) } else { 15 + rng.below(25) } as i64;
            let completed = if last && rng.chance(0.5) { None } else { Some((allocated + Duration::days(days)).min(date(2026, 10, 30))) };
            let q = children[child].quality;
            let wobble = |rng: &mut Rng, base: usize| -> usize { (base as i64 + [-1, 0, 0, 0, 1][rng.below(5)]).clamp(0, 3) as usize };
            let overall = wobble(rng, q);
            let moderated = rng.chance(0.3);
            AuditRow {
                id: format!("{prefix}-{:05}", i + 1),
                child,
                auditor: rng.pick(PEOPLE),
                allocated,
                completed,
                overall,
                domains: (0..domains).map(|_| wobble(rng, overall)).collect(),
                moderated,
                moderator_overall: if rng.chance(0.8) { overall } else { wobble(rng, overall) },
                spoke: [rng.below(4) as u8, rng.below(4) as u8, rng.below(5) as u8],
                evidence: rng.pick(EVIDENCE),
                good: rng.pick(GOOD_PRACTICE),
            }
        })
        .collect()
}

fn yes_no(v: u8) -> &'static str {
    match v {
        0 => "No",
        1 => "N/A",
        _ => "Yes",
    }
}

fn workbook() -> Workbook {
    let mut wb = Workbook::new();
    let props = DocProperties::new().set_creation_datetime(&date(2026, 1, 1));
    wb.set_properties(&props);
    wb
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

struct Sheet<'a> {
    ws: &'a mut Worksheet,
    date_fmt: Format,
    row: u32,
}

impl Sheet<'_> {
    fn cells(&mut self, values: &[Value]) -> Result<(), XlsxError> {
        for (c, v) in values.iter().enumerate() {
            let c = c as u16;
            match v {
                Value::S(s) if !s.is_empty() => {
                    self.ws.write_string(self.row, c, s)?;
                }
                Value::S(_) => {}
                Value::D(Some(d)) => {
                    self.ws.write_date_with_format(self.row, c, *d, &self.date_fmt)?;
                }
                Value::D(None) => {}
                Value::N(n) => {
                    self.ws.write_number(self.row, c, *n)?;
                }
            }
        }
        self.row += 1;
        Ok(())
    }
}

enum Value {
    S(String),
    D(Option<NaiveDate>),
    N(f64),
}

fn s(x: impl Into<String>) -> Value {
    Value::S(x.into())
}

fn xerr(e: XlsxError) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

const TWELVE_Q: &[&str] = &[
    "Q1. Risk is identified, responded to and reduced in a timely way",
    "Q2. Children, young people and families are appropriately involved",
    "Q3. Decision making is effective and timely",
    "Q4. Assessments are timely, comprehensive, and analytical and of high quality - and lead to appropriately focused help",
    "Q5. Coordination between agencies is effective",
    "Q6. Consideration of the child's identity (how they see themselves)",
    "Q7. Quality of plans",
    "Q8. Permanency is achieved without delay and reflects assessed needs",
    "Q9. Children and young people participate in and benefit from effective regular reviews",
    "Q10. Quality of living arrangements",
    "Q11. Are young people prepared for independence and are they living in high quality accommodation that meets their needs",
    "Q12. How has the help provided improved outcomes?",
];

fn twelve_question(path: &Path, rng: &mut Rng, children: &[Child], audits: &[AuditRow]) -> std::io::Result<()> {
    let mut wb = workbook();
    let labels = ["Exceeds good", "Meets good", "Does not meet good", "Does not meet good"];
    {
        let ws = wb.add_worksheet().set_name("Audits").map_err(xerr)?;
        let mut sh = Sheet { ws, date_fmt: Format::new().set_num_format("dd/mm/yyyy"), row: 0 };
        sh.cells(&[s("Full audit returns - Children's Services")]).map_err(xerr)?;
        sh.cells(&[s("Generated synthetic data: no real children or staff")]).map_err(xerr)?;
        sh.row += 1;
        let mut header = vec![s("Audit ID"), s("Child's ID number"), s("Team"), s("Auditor name"), s("Date allocated"), s("Audit date")];
        header.extend(TWELVE_Q.iter().map(|q| s(*q)));
        header.extend([
            s("Evidence"),
            s("Good practice"),
            s("Worker spoken to"),
            s("Child spoken to"),
            s("Parent/carer spoken to"),
            s("Moderated"),
            s("Moderator agrees with grade"),
            s("Moderator grade"),
        ]);
        sh.cells(&header).map_err(xerr)?;
        for (i, a) in audits.iter().enumerate() {
            let c = &children[a.child];
            let mut row = vec![s(&a.id), s(&c.id), s(c.team), s(a.auditor), Value::D(Some(a.allocated)), Value::D(a.completed)];
            for (q, g) in a.domains.iter().enumerate() {
                let mut label = labels[if q == 11 { a.overall } else { *g }].to_string();
                if (q == 5 || q == 10) && rng.chance(0.15) {
                    label = "Not applicable".into();
                }
                if i % 37 == 5 && q == 2 {
                    label = "meets good.".into();
                }
                if i % 53 == 7 && q == 4 {
                    label = "Good-ish".into();
                }
                row.push(s(label));
            }
            row.extend([s(a.evidence), s(a.good), s(yes_no(a.spoke[2])), s(yes_no(a.spoke[0])), s(yes_no(a.spoke[1]))]);
            row.push(s(if a.moderated { "Yes" } else { "No" }));
            row.push(s(if a.moderated {
                if a.moderator_overall == a.overall {
                    "Yes"
                } else {
                    "No"
                }
            } else {
                ""
            }));
            row.push(s(if a.moderated { labels[a.moderator_overall] } else { "" }));
            sh.cells(&row).map_err(xerr)?;
            if i == 10 {
                sh.row += 1; // a blank row
            }
            if i == 20 {
                sh.cells(&row).map_err(xerr)?; // an exact duplicate
            }
        }
    }
    {
        let ws = wb.add_worksheet().set_name("Actions").map_err(xerr)?;
        let mut sh = Sheet { ws, date_fmt: Format::new().set_num_format("dd/mm/yyyy"), row: 0 };
        sh.cells(&[s("Audit ID"), s("Child's ID number"), s("Agreed Action (child)"), s("Person"), s("Date set"), s("Completion date"), s("Sign off date")])
            .map_err(xerr)?;
        action_rows(&mut sh, rng, children, audits, |a, c| vec![s(&a.id), s(&c.id)])?;
    }
    let bytes = wb.save_to_buffer().map_err(xerr)?;
    write_atomic(path, &bytes, Durability::Renamed)
}

/// Actions for audits below good (and some at good): due 10 working days after
/// the audit, mostly signed off, some late, some open.
fn action_rows(sh: &mut Sheet, rng: &mut Rng, children: &[Child], audits: &[AuditRow], key: impl Fn(&AuditRow, &Child) -> Vec<Value>) -> std::io::Result<()> {
    let cal = crate::calendar::Calendar::default();
    for a in audits {
        let Some(done) = a.completed else { continue };
        let n = if a.overall >= 2 { 1 + rng.below(3) } else { rng.below(2) };
        for _ in 0..n {
            let due = cal.add_working_days(done, 10);
            let signed = match rng.below(10) {
                0..=5 => Some(done + Duration::days(rng.below(14) as i64)),
                6 | 7 => Some(due + Duration::days(1 + rng.below(20) as i64)),
                _ => None,
            };
            let mut row = key(a, &children[a.child]);
            let with_due = rng.chance(0.85);
            row.extend([s(rng.pick(ACTIONS)), s(rng.pick(PEOPLE)), Value::D(Some(done)), Value::D(with_due.then_some(due)), Value::D(signed)]);
            sh.cells(&row).map_err(xerr)?;
        }
    }
    Ok(())
}

const NINE_AREAS: &[&str] = &[
    "1. Are children safe? Has risk been identified and have services provided made a positive difference?",
    "2. Is work child-centred?",
    "3. Are management oversight and decision making effective?",
    "4. Are assessments timely, comprehensive and analytical, and do they lead to appropriately focused help and effective interventions?",
    "5. Is coordination between agencies effective?",
    "6. Are plans and planning timely and effective?",
    "7. Do children benefit from regular and timely reviews?",
    "8. Is permanence planning timely and well matched to need?",
    "9. Are children looked after and care leavers living in good-quality placements or accommodation that meets their needs?",
];

fn nine_area(path: &Path, rng: &mut Rng, children: &[Child], audits: &[AuditRow]) -> std::io::Result<()> {
    let mut wb = workbook();
    let ofsted = [["Outstanding", "outstanding"], ["Good", "good"], ["Requires Improvement", "RI"], ["Inadequate", "Inadequate."]];
    let ynp = ["Yes", "Yes", "Partially", "No"];
    {
        let ws = wb.add_worksheet().set_name("Learning audits").map_err(xerr)?;
        let mut sh = Sheet { ws, date_fmt: Format::new().set_num_format("d mmm yyyy"), row: 0 };
        sh.cells(&[s("Bi-monthly full case file learning audits")]).map_err(xerr)?;
        sh.row += 1;
        let mut header = vec![s("Audit Ref"), s("Child ID"), s("Team"), s("Auditor"), s("Date of allocation"), s("Date of audit")];
        header.extend(NINE_AREAS.iter().map(|q| s(*q)));
        header.extend([
            s("Auditors' Grade"),
            s("Rationale"),
            s("What particularly stands out?"),
            s("Has this case been escalated?"),
            s("Spoke to child"),
            s("Spoke to parent"),
            s("Spoke to social worker"),
            s("Date of moderation audit"),
            s("Moderator agrees"),
            s("Moderator grade"),
        ]);
        sh.cells(&header).map_err(xerr)?;
        for (i, a) in audits.iter().enumerate() {
            let c = &children[a.child];
            // Some dates typed as text, as in real trackers.
            let done = if i % 11 == 3 { a.completed.map(|d| s(d.format("%-d %b %Y").to_string())).unwrap_or(s("")) } else { Value::D(a.completed) };
            let mut row = vec![s(&a.id), s(&c.id), s(c.team), s(a.auditor), Value::D(Some(a.allocated)), done];
            row.extend(a.domains.iter().map(|g| s(ynp[*g])));
            row.push(s(ofsted[a.overall][i % 2]));
            row.extend([s(a.evidence), s(a.good), s(if a.overall == 3 { "Yes" } else { "Not applicable" })]);
            row.extend([s(yes_no(a.spoke[0])), s(yes_no(a.spoke[1])), s(yes_no(a.spoke[2]))]);
            if a.moderated {
                let md = a.completed.map(|d| d + Duration::days(7));
                row.extend([Value::D(md), s(if a.moderator_overall == a.overall { "Agree" } else { "Disagree" }), s(ofsted[a.moderator_overall][0])]);
            }
            sh.cells(&row).map_err(xerr)?;
        }
        sh.cells(&[s("Total"), Value::N(audits.len() as f64)]).map_err(xerr)?;
    }
    {
        let ws = wb.add_worksheet().set_name("Actions").map_err(xerr)?;
        let mut sh = Sheet { ws, date_fmt: Format::new().set_num_format("dd/mm/yyyy"), row: 0 };
        sh.cells(&[s("Audit Ref"), s("Child ID"), s("Recommendations for further action"), s("Who By"), s("Date agreed"), s("By When"), s("Date completed")])
            .map_err(xerr)?;
        action_rows(&mut sh, rng, children, audits, |a, c| vec![s(&a.id), s(&c.id)])?;
    }
    let bytes = wb.save_to_buffer().map_err(xerr)?;
    write_atomic(path, &bytes, Durability::Renamed)
}

const KSS_DOMAINS: &[&str] = &[
    "Safeguarding and risk",
    "Voice of the child",
    "Management oversight",
    "Assessment and analysis",
    "Multi-agency working",
    "Identity and diversity",
    "Planning",
    "Reviews",
    "Recording",
];

fn windows_1252(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

fn kss_csv(dir: &Path, rng: &mut Rng, children: &[Child], audits: &[AuditRow]) -> std::io::Result<()> {
    let five = ["Outstanding", "Good", "Requires Improvement with elements of good practice", "Requires Improvement", "Inadequate"];
    let met = ["Met", "Met", "Partially met", "Not met"];
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let mut header = vec!["Person ID", "Team", "Auditor", "Allocated Date", "Completed Date"];
    header.extend(KSS_DOMAINS);
    header.extend(["Overall Judgement", "Evidence", "Child spoken to", "Parent/carer spoken to", "Practitioner spoken to", "Moderated", "Moderated Grade"]);
    w.write_record(&header)?;
    for (i, a) in audits.iter().enumerate() {
        let c = &children[a.child];
        let overall = match a.overall {
            0 => five[0],
            1 => five[1],
            2 if rng.chance(0.4) => five[2],
            2 => five[3],
            _ => five[4],
        };
        let done = a.completed.map(|d| if i % 7 == 0 { d.format("%-d %b %Y").to_string() } else { dmy(d) }).unwrap_or_default();
        let mut row = vec![c.id.clone(), c.team.to_string(), a.auditor.to_string(), dmy(a.allocated), done];
        row.extend(a.domains.iter().map(|g| met[*g].to_string()));
        let overall = if i % 29 == 13 { "" } else { overall };
        row.extend([overall.to_string(), format!("{} Child\u{2019}s views: caf\u{e9} visit noted.", a.evidence)]);
        row.extend([yes_no(a.spoke[0]), yes_no(a.spoke[1]), yes_no(a.spoke[2])].map(str::to_string));
        row.push(if a.moderated { "Y".into() } else { "N".into() });
        row.push(if a.moderated { five[a.moderator_overall.min(3) + usize::from(a.moderator_overall >= 2)].into() } else { String::new() });
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    write_atomic(&dir.join("liquidlogic-kss-audits.csv"), &windows_1252(&String::from_utf8_lossy(&bytes)), Durability::Renamed)?;

    let cal = crate::calendar::Calendar::default();
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    w.write_record(["Person ID", "Audit Date", "Action", "Owner", "Due Date", "Date Completed"])?;
    for a in audits {
        let Some(done) = a.completed else { continue };
        for _ in 0..(a.overall / 2 + rng.below(2)) {
            let due = cal.add_working_days(done, 10);
            let fin = if rng.chance(0.75) { dmy(done + Duration::days(rng.below(20) as i64)) } else { String::new() };
            w.write_record([children[a.child].id.as_str(), &dmy(done), rng.pick(ACTIONS), rng.pick(PEOPLE), &dmy(due), &fin])?;
        }
    }
    let bytes = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    write_atomic(&dir.join("liquidlogic-kss-actions.csv"), &windows_1252(&String::from_utf8_lossy(&bytes)), Durability::Renamed)
}

fn tier2_form(path: &Path, rng: &mut Rng, child: &Child, completed: NaiveDate, overall: usize) -> std::io::Result<()> {
    let mut wb = workbook();
    let ofsted = ["Outstanding", "Good", "Requires Improvement", "Inadequate"];
    let ws = wb.add_worksheet().set_name("Audit").map_err(xerr)?;
    let mut sh = Sheet { ws, date_fmt: Format::new().set_num_format("dd/mm/yyyy"), row: 0 };
    let g = |rng: &mut Rng| ofsted[(overall as i64 + [-1, 0, 0, 1][rng.below(4)]).clamp(0, 3) as usize];
    sh.cells(&[s("Tier 2 (Full) Case File Audit Toolkit (CLA and Leaving Care)")]).map_err(xerr)?;
    sh.row += 1;
    sh.cells(&[s("Date:"), Value::D(Some(completed)), s("Auditor (name):"), s(rng.pick(PEOPLE))]).map_err(xerr)?;
    sh.cells(&[s("Case ID:"), s(&child.id), s("District the child belongs to:"), s(child.team)]).map_err(xerr)?;
    sh.cells(&[s("Case type:"), s("CLA"), s("Legal status:"), s("Care Order (S31)")]).map_err(xerr)?;
    sh.row += 1;
    sh.cells(&[s("Detail"), s("Select an Item"), s("Comments / Evidence")]).map_err(xerr)?;
    sh.cells(&[s("Section 1: Chronology and Case Summary")]).map_err(xerr)?;
    sh.cells(&[s("Chronology is up to date, concise and clearly records significant events"), s("Yes"), s("Click here to enter text.")]).map_err(xerr)?;
    sh.cells(&[s("Section 2: Assessment")]).map_err(xerr)?;
    sh.cells(&[s("Summary – what is your overall judgement in respect of the assessment?"), s(g(rng)), s("Assessment current.")]).map_err(xerr)?;
    sh.cells(&[s("Section 3: Analysis")]).map_err(xerr)?;
    sh.cells(&[s("Summary – what is your overall judgement in respect of analysis?"), s(g(rng)), s("Click here to enter text.")]).map_err(xerr)?;
    sh.cells(&[s("Section 4: Plan & Outcome")]).map_err(xerr)?;
    sh.cells(&[s("Summary – what is your overall judgement in respect of outcome and plan?"), s(g(rng)), s("Plan needs SMART targets.")]).map_err(xerr)?;
    sh.cells(&[s("Section 5: Monitoring and management oversight")]).map_err(xerr)?;
    sh.cells(&[s("Summary – what is your overall judgement in respect of management oversight and decision making?"), s(g(rng)), s("Choose an item.")])
        .map_err(xerr)?;
    sh.row += 1;
    sh.cells(&[s("OVERALL JUDGEMENT OF THE CASE FILE:"), s(ofsted[overall])]).map_err(xerr)?;
    sh.row += 1;
    sh.cells(&[s("Action"), s("Who?"), s("Date to be completed by?"), s("Date reviewed"), s("Completed/Comments")]).map_err(xerr)?;
    let cal = crate::calendar::Calendar::default();
    for _ in 0..(1 + rng.below(2)) {
        sh.cells(&[s(rng.pick(ACTIONS)), s(rng.pick(PEOPLE)), Value::D(Some(cal.add_working_days(completed, 10))), s(""), s("")]).map_err(xerr)?;
    }
    let bytes = wb.save_to_buffer().map_err(xerr)?;
    write_atomic(path, &bytes, Durability::Renamed)
}

const NOTE_TYPES: &[&str] =
    &["CP Visit", "CLA Visit", "CIN Visit", "Statutory Visit", "Supervision", "Phone call", "Email", "Strategy discussion", "Visit to school"];

/// Legal-status episodes, one or two per child, and the visits that follow them.
fn episodes_and_notes(dir: &Path, rng: &mut Rng, children: &[Child], notes: usize) -> std::io::Result<()> {
    let start = date(HISTORY_START.0, HISTORY_START.1, 1);
    let end = add_months(start, HISTORY_MONTHS) - Duration::days(1);
    let total_days = (end - start).num_days();
    let mut ep = csv::Writer::from_writer(Vec::new());
    ep.write_record(["Child ID", "Legal Status", "Start Date", "End Date", "Team"])?;
    // kind 0 CP, 1 CLA, 2 CIN
    let mut plans: Vec<(usize, usize, NaiveDate, NaiveDate)> = Vec::new();
    for (ci, c) in children.iter().enumerate() {
        let kind = match c.team {
            "CP North" | "CP South" => 0,
            "Children in Care" | "Leaving Care" => 1,
            _ => [0, 1, 2][rng.below(3)],
        };
        let s0 = start + Duration::days(rng.below(total_days as usize) as i64);
        let e0 = s0 + Duration::days(60 + rng.below(400) as i64);
        let label = [["Child Protection Plan", "CP"], ["Looked After (S20)", "Care Order (S31)"], ["Child in Need", "CIN Plan"]][kind][rng.below(2)];
        let open = e0 > end;
        ep.write_record([c.id.as_str(), label, &dmy(s0), &if open { String::new() } else { dmy(e0) }, c.team])?;
        plans.push((ci, kind, s0, e0.min(end)));
    }
    ep.write_record(["C999999", "Unknown status", "01/01/2025", "", "Assessment"])?;
    let bytes = ep.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    write_atomic(&dir.join("children-legal-status.csv"), &bytes, Durability::Renamed)?;

    // Case notes stream to disk: millions of rows are never held in memory.
    let path = dir.join("case-notes.csv");
    let tmp = dir.join(".case-notes.csv.tmp");
    let file = std::fs::File::create(&tmp)?;
    let mut w = csv::Writer::from_writer(std::io::BufWriter::with_capacity(1 << 20, file));
    w.write_record(["Person ID", "Case Note Type", "Event Date", "Date Recorded", "Seen Alone", "Author", "Team"])?;
    let mut written = 0usize;
    for &(ci, kind, s0, e0) in &plans {
        if written >= notes {
            break;
        }
        let c = &children[ci];
        let gap_days = [10i64, 35, 20][kind];
        let mut d = s0 + Duration::days(rng.below(5) as i64);
        while d <= e0 && written < notes {
            let visit = rng.chance(0.95);
            let t = if visit { ["CP Visit", "CLA Visit", "CIN Visit"][kind] } else { rng.pick(NOTE_TYPES) };
            let t = if visit && rng.chance(0.1) { "Statutory Visit" } else { t };
            let lag = if rng.chance(0.85) { rng.below(10) } else { 20 + rng.below(40) } as i64;
            let seen = if !visit { "" } else { ["Yes", "Yes", "No", ""][rng.below(4)] };
            let event = if written.is_multiple_of(5) { d.format("%Y-%m-%d").to_string() } else { dmy(d) };
            w.write_record([c.id.as_str(), t, &event, &dmy(d + Duration::days(lag)), seen, rng.pick(PEOPLE), c.team])?;
            written += 1;
            d += Duration::days((gap_days * 6 / 10) + rng.below((gap_days as usize) * 7 / 10 + 1) as i64);
            if rng.chance(0.04) {
                d += Duration::days(gap_days); // a missed visit
            }
            if d.weekday().number_from_monday() > 5 {
                d += Duration::days(2);
            }
        }
    }
    // The rest: other case notes (calls, emails, meetings) spread over the history.
    while written < notes {
        let c = &children[rng.below(children.len())];
        let d = start + Duration::days(rng.below(total_days as usize) as i64);
        let t = rng.pick(&NOTE_TYPES[4..]);
        let lag = if rng.chance(0.85) { rng.below(10) } else { 20 + rng.below(40) } as i64;
        w.write_record([c.id.as_str(), t, &dmy(d), &dmy(d + Duration::days(lag)), "", rng.pick(PEOPLE), c.team])?;
        written += 1;
    }
    let inner = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    inner.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?.sync_all()?;
    std::fs::rename(&tmp, &path)
}

/// Writes the whole synthetic set; returns the files written.
///
/// # Errors
/// The folder or a file cannot be written.
pub fn write(args: &GenerateArgs) -> std::io::Result<Vec<String>> {
    let dir = &args.out;
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(args.seed);
    let children = make_children(&mut rng, args.children);
    let n = args.audits.max(3);
    let (a, b) = (n * 4 / 10, n * 3 / 10);
    let twelve = make_audits(&mut rng, &children, a, "TQ", 12);
    let nine = make_audits(&mut rng, &children, b, "NA", 9);
    let kss = make_audits(&mut rng, &children, n - a - b, "KS", 9);
    twelve_question(&dir.join("twelve-question-audits.xlsx"), &mut rng, &children, &twelve)?;
    nine_area(&dir.join("nine-area-learning-audits.xlsx"), &mut rng, &children, &nine)?;
    kss_csv(dir, &mut rng, &children, &kss)?;
    let forms = dir.join("tier2-forms");
    for i in 0..4usize {
        let c = &children[rng.below(children.len())];
        let done = date(2026, 3 + (i as u32) * 2, 3 + i as u32);
        tier2_form(&forms.join(format!("tier2-audit-{}.xlsx", c.id)), &mut rng, c, done, c.quality)?;
    }
    episodes_and_notes(dir, &mut rng, &children, args.case_notes)?;
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    Ok(files)
}

fn collect(dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else {
            out.push(p.display().to_string());
        }
    }
    Ok(())
}
