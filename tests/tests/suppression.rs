//! `--suppress N` tried as an attacker would: every figure hidden in
//! `metrics.json` is sought from what is shown (a total minus its other parts,
//! the same figure shown elsewhere, previous period + change, rate × base),
//! using the unsuppressed run to know which sums hold. Nothing may come back.

use crate::{auditpack, root, scratch, stderr};
use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn run(cwd: &Path, name: &str, extra: &[&str]) -> Value {
    let out = scratch(name);
    let mut args = vec!["run", "-q", "--out", out.to_str().unwrap()];
    args.extend(extra);
    let o = auditpack(cwd, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap()
}

/// Every number in `v`, by its path ("kpis/3/by_team/1/numerator").
fn leaves(v: &Value, path: &str, out: &mut BTreeMap<String, f64>) {
    match v {
        Value::Number(n) => {
            out.insert(path.to_string(), n.as_f64().unwrap());
        }
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| leaves(x, &format!("{path}/{i}"), out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| leaves(x, &format!("{path}/{k}"), out)),
        _ => {}
    }
}

/// Numbers that are not figures about children: file rows, finding rows, the crosswalk.
fn not_a_figure(path: &str) -> bool {
    ["/inputs/", "/data_quality/", "/crosswalk/", "/suppression/"].iter().any(|p| path.starts_with(p)) || path.ends_with("/rank") || path.ends_with("/target")
}

struct Attack {
    plain: BTreeMap<String, f64>,
    hidden: BTreeSet<String>,
    /// (total, parts), kept where the sum holds in the unsuppressed numbers.
    relations: Vec<(String, Vec<String>)>,
}

impl Attack {
    fn relate(&mut self, total: String, parts: Vec<String>) {
        let (Some(t), Some(sum)) = (self.plain.get(&total), parts.iter().map(|p| self.plain.get(p)).sum::<Option<f64>>()) else { return };
        if !parts.is_empty() && (t - sum).abs() < 1e-9 {
            self.relations.push((total, parts));
        }
    }

    /// Subtraction, repeated: a relation with one unknown member gives it away.
    fn recovered(&self) -> Vec<String> {
        let mut unknown = self.hidden.clone();
        let mut found = vec![];
        loop {
            let mut changed = false;
            for (t, parts) in &self.relations {
                let members: Vec<&String> = std::iter::once(t).chain(parts).collect();
                let missing: Vec<&&String> = members.iter().filter(|m| unknown.contains(**m)).collect();
                if missing.len() == 1 {
                    let m = (*missing[0]).clone();
                    found.push(format!("{m} = from {t} and {parts:?}"));
                    unknown.remove(&m);
                    changed = true;
                }
            }
            if !changed {
                return found;
            }
        }
    }
}

/// The problems found in `shown` (suppressed at `n`) against `plain`.
fn attack(plain: &Value, shown: &Value, n: u64) -> (Vec<String>, usize) {
    let (mut p, mut s) = (BTreeMap::new(), BTreeMap::new());
    leaves(plain, "", &mut p);
    leaves(shown, "", &mut s);
    let withheld = ["/actions/overdue/", "/case_notes/children_out_of_timescale/"];
    let mut problems = vec![];
    let mut hidden = BTreeSet::new();
    for (path, v) in &p {
        match s.get(path) {
            Some(x) if (x - v).abs() > 1e-12 => problems.push(format!("{path}: {v} shown as {x}")),
            Some(_) => {}
            None if withheld.iter().any(|w| path.starts_with(w)) => {}
            None if shown.pointer(path) == Some(&Value::Null) => {
                hidden.insert(path.clone());
            }
            None => problems.push(format!("{path}: missing")),
        }
    }
    // No small count is shown.
    for (path, v) in &s {
        let int = shown.pointer(path).is_some_and(|x| x.is_u64());
        if int && *v >= 1.0 && *v < n as f64 && !not_a_figure(path) {
            problems.push(format!("{path}: small count {v} shown"));
        }
    }
    let mut a = Attack { plain: p, hidden, relations: vec![] };
    let arr = |path: &str| plain.pointer(path).and_then(Value::as_array).map(|a| a.len()).unwrap_or(0);
    let cur = plain["period"]["key"].as_str().unwrap().to_string();
    let prev = plain["previous_period"]["key"].as_str().unwrap().to_string();
    let kpi_index = |id: &str| plain["kpis"].as_array().unwrap().iter().position(|k| k["id"] == id);
    let team_index = |k: usize, team: &str| plain["kpis"][k]["by_team"].as_array().unwrap().iter().position(|t| t["team"] == team);
    const BANDS: [&str; 7] = ["outstanding", "good", "requires_improvement", "inadequate", "good_or_better_unbanded", "below_good_unbanded", "not_applicable"];

    // A KPI and its teams; the previous period and the change; trends.
    for (k, kpi) in plain["kpis"].as_array().unwrap().iter().enumerate() {
        for f in ["numerator", "denominator"] {
            a.relate(format!("/kpis/{k}/{f}"), (0..arr(&format!("/kpis/{k}/by_team"))).map(|t| format!("/kpis/{k}/by_team/{t}/{f}")).collect());
        }
        let trend = plain["trends"].as_array().unwrap().iter().position(|t| t["id"] == kpi["id"]).unwrap();
        for (i, pt) in plain["trends"][trend]["points"].as_array().unwrap().iter().enumerate() {
            let base = if pt["period"]["key"] == cur.as_str() {
                format!("/kpis/{k}")
            } else if pt["period"]["key"] == prev.as_str() {
                format!("/kpis/{k}/previous")
            } else {
                continue;
            };
            for f in ["numerator", "denominator", "value"] {
                a.relate(format!("{base}/{f}"), vec![format!("/trends/{trend}/points/{i}/{f}")]);
            }
        }
    }
    // Current = previous + change; a rate from its numerator and base, and back.
    let hid = |a: &Attack, p: &str| a.hidden.contains(p) || shown.pointer(p).is_none_or(Value::is_null);
    for k in 0..arr("/kpis") {
        let three = [format!("/kpis/{k}/value"), format!("/kpis/{k}/previous/value"), format!("/kpis/{k}/change")];
        if plain.pointer(&three[2]).is_some_and(|c| !c.is_null()) && three.iter().filter(|p| hid(&a, p)).count() == 1 {
            problems.push(format!("{three:?}: one of current, previous and change is hidden, the others give it"));
        }
    }
    for (path, _) in a.plain.iter().filter(|(p, _)| p.ends_with("/denominator") || p.ends_with("/moderated") || p.ends_with("/graded")) {
        let base = &path[..path.rfind('/').unwrap()];
        let (num, val) = match &path[path.rfind('/').unwrap()..] {
            "/denominator" => ("numerator", "value"),
            "/moderated" => ("agreed", "rate"),
            _ => ("below_good", "share_below_good"),
        };
        let (num, val) = (format!("{base}/{num}"), format!("{base}/{val}"));
        let (h_den, h_num, h_val) = (hid(&a, path), hid(&a, &num), hid(&a, &val));
        let den = a.plain[path];
        if !h_den && !h_val && h_num && den > 0.0 {
            problems.push(format!("{num}: rate {val} × base {path} gives it"));
        }
        if !h_den && !h_num && h_val && den > 0.0 {
            problems.push(format!("{val}: its numerator and base are shown"));
        }
    }
    // Distributions: bands by team, group and period; the KPIs behind them.
    let dists: Vec<String> = std::iter::once("/distributions/overall".to_string())
        .chain(plain["distributions"]["domains"].as_object().unwrap().keys().map(|d| format!("/distributions/domains/{d}")))
        .collect();
    for d in &dists {
        for b in BANDS {
            a.relate(format!("{d}/counts/{b}"), (0..arr(&format!("{d}/by_team"))).map(|t| format!("{d}/by_team/{t}/counts/{b}")).collect());
            for (i, pt) in plain.pointer(&format!("{d}/by_period")).unwrap().as_array().unwrap().iter().enumerate() {
                if pt["period"]["key"] == cur.as_str() {
                    a.relate(format!("{d}/counts/{b}"), vec![format!("{d}/by_period/{i}/counts/{b}")]);
                }
            }
        }
    }
    for g in ["overall_by_framework", "overall_by_legal_status", "overall_by_case_type"] {
        for b in BANDS {
            a.relate(
                format!("/distributions/overall/counts/{b}"),
                (0..arr(&format!("/distributions/{g}"))).map(|i| format!("/distributions/{g}/{i}/counts/{b}")).collect(),
            );
        }
    }
    let bands_of = |at: &str, which: &[usize]| which.iter().map(|&b| format!("{at}/counts/{}", BANDS[b])).collect::<Vec<_>>();
    let (good, done) = (kpi_index("overall_good_or_better").unwrap(), kpi_index("audits_completed").unwrap());
    let mut behind = vec![(format!("/kpis/{good}"), format!("/kpis/{done}"), "/distributions/overall".to_string())];
    for (t, g) in plain["distributions"]["overall"]["by_team"].as_array().unwrap().iter().enumerate() {
        let name = g["name"].as_str().unwrap();
        if let (Some(x), Some(y)) = (team_index(good, name), team_index(done, name)) {
            behind.push((format!("/kpis/{good}/by_team/{x}"), format!("/kpis/{done}/by_team/{y}"), format!("/distributions/overall/by_team/{t}")));
        }
    }
    for (gk, dk, at) in behind {
        a.relate(format!("{gk}/numerator"), bands_of(&at, &[0, 1, 4]));
        a.relate(format!("{gk}/denominator"), bands_of(&at, &[0, 1, 2, 3, 4, 5]));
        a.relate(format!("{dk}/numerator"), bands_of(&at, &[0, 1, 2, 3, 4, 5, 6]));
    }
    // Moderation: directions add up to the audits moderated; agreement by team and auditor to the KPI.
    let (cov, agr) = (kpi_index("moderation_coverage").unwrap(), kpi_index("moderation_agreement").unwrap());
    let dirs = ["same", "moderator_lower", "moderator_higher", "unknown"].map(|d| format!("/moderation/direction/{d}")).to_vec();
    a.relate(format!("/kpis/{cov}/numerator"), dirs);
    a.relate(format!("/kpis/{cov}/denominator"), vec![format!("/kpis/{done}/numerator")]);
    for list in ["by_team", "by_auditor"] {
        let rows = arr(&format!("/moderation/{list}"));
        a.relate(format!("/kpis/{agr}/numerator"), (0..rows).map(|i| format!("/moderation/{list}/{i}/agreed")).collect());
        a.relate(format!("/kpis/{agr}/denominator"), (0..rows).map(|i| format!("/moderation/{list}/{i}/moderated")).collect());
    }
    let matrix = plain["moderation"]["matrix"].as_object().unwrap();
    let cells: Vec<String> = matrix.iter().flat_map(|(x, row)| row.as_object().unwrap().keys().map(move |y| format!("/moderation/matrix/{x}/{y}"))).collect();
    let rank = |k: &str| {
        ["outstanding", "good", "requires_improvement", "inadequate"].iter().position(|b| *b == k).map(|r| r as f64).or(match k {
            "good_or_better_unbanded" => Some(1.0),
            "below_good_unbanded" => Some(2.5),
            _ => None,
        })
    };
    let split = |c: &String| {
        let parts: Vec<&str> = c.rsplitn(3, '/').collect();
        (rank(parts[1]), rank(parts[0]))
    };
    for (d, f) in [("same", 0), ("moderator_lower", 1), ("moderator_higher", 2)] {
        let pick = cells
            .iter()
            .filter(|c| match split(c) {
                (Some(p), Some(q)) => [p == q, q > p, q < p][f],
                _ => false,
            })
            .cloned()
            .collect();
        a.relate(format!("/moderation/direction/{d}"), pick);
    }
    a.relate("/moderation/direction/unknown".into(), cells.iter().filter(|c| matches!(split(c), (None, _) | (_, None))).cloned().collect());
    // Actions: each team's outcomes; teams and age bands add up to the KPIs.
    let (aot, ovd) = (kpi_index("actions_on_time").unwrap(), kpi_index("actions_overdue").unwrap());
    let teams = arr("/actions/by_team");
    for t in 0..teams {
        let at = |f: &str| format!("/actions/by_team/{t}/{f}");
        a.relate(at("due_in_period"), vec![at("on_time"), at("late"), at("open")]);
        let name = plain["actions"]["by_team"][t]["team"].as_str().unwrap();
        if let Some(i) = team_index(aot, name) {
            a.relate(format!("/kpis/{aot}/by_team/{i}/numerator"), vec![at("on_time")]);
            a.relate(format!("/kpis/{aot}/by_team/{i}/denominator"), vec![at("due_in_period")]);
        }
        if let Some(i) = team_index(ovd, name) {
            a.relate(format!("/kpis/{ovd}/by_team/{i}/numerator"), vec![at("overdue_now")]);
        }
    }
    a.relate(format!("/kpis/{aot}/numerator"), (0..teams).map(|t| format!("/actions/by_team/{t}/on_time")).collect());
    a.relate(format!("/kpis/{aot}/denominator"), (0..teams).map(|t| format!("/actions/by_team/{t}/due_in_period")).collect());
    a.relate(format!("/kpis/{ovd}/numerator"), (0..teams).map(|t| format!("/actions/by_team/{t}/overdue_now")).collect());
    a.relate(format!("/kpis/{ovd}/numerator"), (0..arr("/actions/age_bands")).map(|i| format!("/actions/age_bands/{i}/1")).collect());
    // Case notes: lag bands add up to the notes; yes + no seen alone; teams to the KPIs.
    let (rit, seen) = (kpi_index("notes_recorded_in_time").unwrap(), kpi_index("seen_alone_recorded").unwrap());
    for t in 0..arr("/case_notes/by_team") {
        let at = |f: &str| format!("/case_notes/by_team/{t}/{f}");
        a.relate(at("notes"), (0..6).map(|b| at(&format!("lag_bands/{b}"))).collect());
        a.relate(at("recorded_in_time"), (0..4).map(|b| at(&format!("lag_bands/{b}"))).collect());
        let name = plain["case_notes"]["by_team"][t]["team"].as_str().unwrap();
        if let Some(i) = team_index(rit, name) {
            a.relate(format!("/kpis/{rit}/by_team/{i}/numerator"), vec![at("recorded_in_time")]);
            a.relate(format!("/kpis/{rit}/by_team/{i}/denominator"), vec![at("notes")]);
        }
        if let Some(i) = team_index(seen, name) {
            a.relate(format!("/kpis/{seen}/by_team/{i}/numerator"), vec![at("seen_yes"), at("seen_no")]);
            a.relate(format!("/kpis/{seen}/by_team/{i}/denominator"), vec![at("visits")]);
        }
    }
    // Auditors: audits due and on time add up to the KPI.
    let on = kpi_index("audits_on_time").unwrap();
    a.relate(format!("/kpis/{on}/numerator"), (0..arr("/auditors")).map(|i| format!("/auditors/{i}/on_time_in_period")).collect());
    a.relate(format!("/kpis/{on}/denominator"), (0..arr("/auditors")).map(|i| format!("/auditors/{i}/due_in_period")).collect());
    // Themes: audits split by overall judgement; the trend ends with this period; domains and their bands.
    for (i, t) in plain["themes"]["text_themes"].as_array().unwrap().iter().enumerate() {
        let at = |f: &str| format!("/themes/text_themes/{i}/{f}");
        a.relate(at("audits"), vec![at("in_below_good"), at("in_good_or_better")]);
        for (j, pt) in t["trend"].as_array().unwrap().iter().enumerate() {
            if pt[0] == cur.as_str() {
                a.relate(at("audits"), vec![at(&format!("trend/{j}/1"))]);
            }
        }
    }
    for (i, d) in plain["themes"]["domain_drivers"].as_array().unwrap().iter().enumerate() {
        let at = format!("/distributions/domains/{}", d["domain"].as_str().unwrap());
        a.relate(format!("/themes/domain_drivers/{i}/graded"), bands_of(&at, &[0, 1, 2, 3, 4, 5]));
        a.relate(format!("/themes/domain_drivers/{i}/below_good"), bands_of(&at, &[2, 3, 5]));
    }
    problems.extend(a.recovered().into_iter().map(|r| format!("recovered by subtraction: {r}")));
    (problems, a.hidden.len())
}

#[test]
fn no_suppressed_figure_can_be_recovered_from_sample_data() {
    let plain = run(&root(), "supp-plain", &["--reports", "board-pack"]);
    for n in [5, 10] {
        let shown = run(&root(), &format!("supp-{n}"), &["--reports", "board-pack", "--suppress", &n.to_string()]);
        let (problems, hidden) = attack(&plain, &shown, n);
        assert!(problems.is_empty(), "--suppress {n}: {} problems:\n{}", problems.len(), problems.join("\n"));
        assert!(hidden > 0, "--suppress {n} hid nothing");
        assert_eq!(shown["suppression"]["threshold"], n);
        assert!(shown["suppression"]["hidden_to_protect"].as_u64().unwrap() > 0, "--suppress {n}: no secondary suppression was needed?");
        assert!(shown["actions"]["overdue"].as_array().unwrap().is_empty(), "lists of records are withheld");
    }
}

/// Two large teams and one of two audits: the small team's figures go, and
/// enough of the others' that they cannot be had by subtraction.
#[test]
fn a_small_team_cannot_be_recovered() {
    let dir = scratch("supp-small-team-in");
    let grades = ["Outstanding", "Good", "Requires improvement", "Inadequate"];
    let mut audits = String::from("Audit ID,Child ID,Team,Auditor,Date allocated,Date completed,Overall grade,Moderated,Moderator grade,Child spoken to\n");
    let mut actions = String::from("Audit ID,Action,Owner,Due date,Date completed\n");
    let mut i = 0;
    for (team, n) in [("North", 14), ("South", 11), ("Tiny", 2)] {
        for _ in 0..n {
            i += 1;
            let g = if team == "Tiny" { "Good" } else { grades[(i * 7) % 4] };
            let (moderated, mg) = if i % 3 == 0 { ("Yes", grades[(i * 5) % 4]) } else { ("No", "") };
            let spoke = if i % 4 == 0 { "No" } else { "Yes" };
            audits.push_str(&format!("A{i},C{i},{team},Auditor {},0{}/09/2026,{}/10/2026,{g},{moderated},{mg},{spoke}\n", i % 4, 1 + i % 9, 10 + i % 18));
            let done = if i % 4 == 0 { String::new() } else { format!("{}/10/2026", 5 + i % 20) };
            actions.push_str(&format!("A{i},Update the plan {i},Owner {},{}/10/2026,{done}\n", i % 3, 10 + i % 18));
        }
    }
    std::fs::write(dir.join("audits.csv"), audits).unwrap();
    std::fs::write(dir.join("actions.csv"), actions).unwrap();
    let input = dir.to_str().unwrap();
    let plain = run(&dir, "supp-small-plain", &[input, "--period", "2026-09"]);
    let shown = run(&dir, "supp-small-5", &[input, "--period", "2026-09", "--suppress", "5"]);
    let (problems, hidden) = attack(&plain, &shown, 5);
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    let done = shown["kpis"].as_array().unwrap().iter().find(|k| k["id"] == "audits_completed").unwrap();
    let teams: BTreeMap<&str, &Value> = done["by_team"].as_array().unwrap().iter().map(|t| (t["team"].as_str().unwrap(), &t["numerator"])).collect();
    assert_eq!(teams["Tiny"], &Value::Null, "2 audits: hidden");
    assert!(teams["North"].is_null() || teams["South"].is_null(), "one more team hidden, else Tiny = total − North − South: {teams:?}");
    assert_eq!(done["numerator"], 27, "the total stays");
    assert!(hidden >= 2);
}

/// The packs show what the suppressed metrics say: "c" exactly where
/// metrics.json is null.
#[test]
fn the_packs_hide_the_same_cells_as_metrics_json() {
    let out = scratch("supp-packs");
    let o = auditpack(&root(), &["run", "-q", "--out", out.to_str().unwrap(), "--suppress", "5", "--reports", "compliance-report"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: Value = serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    let mut wb: Xlsx<_> = open_workbook(out.join("compliance-report.xlsx")).unwrap();
    let range = wb.worksheet_range("Actions by team").unwrap();
    let fields = ["due_in_period", "on_time", "late", "open", "overdue_now"];
    let mut seen_c = 0;
    for (row, t) in range.rows().skip(1).zip(m["actions"]["by_team"].as_array().unwrap()) {
        assert_eq!(row[0], Data::String(t["team"].as_str().unwrap().to_string()));
        for (c, f) in fields.iter().enumerate() {
            match (&row[c + 1], &t[*f]) {
                (Data::String(s), Value::Null) if s == "c" => seen_c += 1,
                (Data::Float(x), Value::Number(n)) => assert_eq!(*x, n.as_f64().unwrap(), "{f}"),
                (Data::Int(x), Value::Number(n)) => assert_eq!(*x as f64, n.as_f64().unwrap(), "{f}"),
                (cell, v) => panic!("{} {f}: sheet {cell:?}, metrics.json {v}", t["team"]),
            }
        }
    }
    assert!(seen_c > 0, "nothing hidden in Actions by team");
    let kpis = wb.worksheet_range("KPIs").unwrap();
    for (row, k) in kpis.rows().skip(1).zip(m["kpis"].as_array().unwrap()) {
        let hidden_change = k["change"].is_null() && k["previous"]["value"].is_number() && k["value"].is_number();
        assert!(!hidden_change, "{}: a change hidden with both sides shown", k["id"]);
        if k["change"].is_null() && k["suppressed"] == true {
            assert_eq!(row[5], Data::String("c".into()), "{}: change", k["id"]);
        }
    }
}
