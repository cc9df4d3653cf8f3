//! Councils' exports written blind from the seed documents (by people who had
//! not read the parser), each with KPIs worked out independently
//! (tests/fixtures/seeds/, councils/, councils3/ to councils6/: expected.py writes
//! expected.json from what each record was meant to say). Every KPI a folder
//! lists must come out exactly (and its count by team, where given), and "not
//! in the exports" where it says so.

use crate::{auditpack, root, scratch, stderr};
use serde_json::Value;

/// The `SOURCE_DATE_EPOCH` a set is run with: the tests' today, or noon of
/// the day after `as_of` where that is later.
fn run_day(as_of: &str) -> String {
    let today: i64 = crate::TODAY_EPOCH.parse().unwrap();
    let after = chrono::NaiveDate::parse_from_str(as_of, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.succ_opt())
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(today);
    today.max(after).to_string()
}

fn check(set: &str) {
    check_folders(set, None);
}

/// [`check`] on some of a set's folders only, where the others are open
/// (the set's README and the project README say which and why).
fn check_folders(set: &str, only: Option<&[&str]>) {
    let base = root().join("tests/fixtures").join(set);
    let expected: Value = serde_json::from_slice(&std::fs::read(base.join("expected.json")).unwrap()).unwrap();
    // KPIs a set's README says auditpack cannot make from that export (and why):
    // they must be "not in the exports", never a number.
    let known: Value = std::fs::read(base.join("known_limits.json")).map(|b| serde_json::from_slice(&b).unwrap()).unwrap_or(Value::Null);
    // The period and as_of, where a set uses others (period.txt: "2026-11 2027-01-08";
    // a custom period as "2026-07-01..2026-09-30 2026-09-30", run with --from and --to).
    let dates = std::fs::read_to_string(base.join("period.txt")).unwrap_or_else(|_| "2026-09 2026-10-31".into());
    let (period, as_of) = dates.trim().split_once(' ').expect("period.txt: a period and an as_of date");
    let distributions: Value = std::fs::read(base.join("expected_distributions.json")).map(|b| serde_json::from_slice(&b).unwrap()).unwrap_or(Value::Null);
    let mut wrong = Vec::new();
    for (folder, kpis) in expected.as_object().unwrap().iter().filter(|(f, _)| only.is_none_or(|o| o.contains(&f.as_str()))) {
        let out = scratch(&format!("blind-{set}-{folder}"));
        let input = base.join(folder);
        let output = out.join("out");
        let mut args = vec!["run", "-q", input.to_str().unwrap(), "--out", output.to_str().unwrap(), "--as-of", as_of, "--reports", "board-pack"];
        match period.split_once("..") {
            Some((from, to)) => args.extend(["--from", from, "--to", to]),
            None => args.extend(["--period", period]),
        }
        // A folder's own config, where its README says the council would need one.
        let config = base.join(format!("{folder}.toml"));
        if config.exists() {
            args.extend(["--config", config.to_str().unwrap()]);
        }
        // (Run as on the day after its as_of where that is later than the
        // tests' own today: a council runs its pack once the period is over,
        // and a date after "today" is read as implausible.)
        let o = crate::auditpack_on(&out, &args, &run_day(as_of));
        let Ok(bytes) = std::fs::read(out.join("out/metrics.json")) else {
            wrong.push(format!("{folder}: no metrics.json (exit {:?}): {}", o.status.code(), stderr(&o)));
            continue;
        };
        let m: Value = serde_json::from_slice(&bytes).unwrap();
        for (id, want) in kpis.as_object().unwrap() {
            let Some(got) = m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id.as_str()) else {
                wrong.push(format!("{folder}: {id} missing"));
                continue;
            };
            let nis = got["not_in_source"].as_bool().unwrap_or(false);
            // A reading the README lists as open ("differs"): not checked
            // against the set's value; where it gives auditpack's own reading
            // ("auditpack": what the tool does on purpose), checked against that.
            let open = &known[folder.as_str()][id.as_str()];
            if open["differs"].is_string() {
                let ours = &open["auditpack"];
                let same = match ours.get("value") {
                    // (Or "not in the exports", said so.)
                    _ if ours["not_in_source"] == true => nis,
                    Some(v) => !nis && got["value"].as_f64() == v.as_f64(),
                    None => ours.is_null() || (!nis && got["numerator"] == ours["numerator"] && got["denominator"] == ours["denominator"]),
                };
                if !same {
                    wrong.push(format!(
                        "{folder}: {id}: auditpack's own reading was {ours}, got {}/{} value {}",
                        got["numerator"], got["denominator"], got["value"]
                    ));
                }
                continue;
            }
            let ok = if known[folder.as_str()][id.as_str()].is_string() || want["not_in_source"] == true {
                nis && got["value"].is_null()
            } else if let Some(v) = want.get("value") {
                !nis && got["value"].as_f64() == v.as_f64()
            } else {
                !nis && got["numerator"] == want["numerator"] && got["denominator"] == want["denominator"]
            };
            if !ok {
                wrong.push(format!("{folder}: {id}: expected {want}, got {}/{} not_in_source={nis}", got["numerator"], got["denominator"]));
            }
            // A count by team, where the set gives one: every team and its count.
            // A count by team, or a rate by team (numerator/denominator; teams
            // with nothing to count left out).
            // A split by team the README lists as open ("by_team_differs"):
            // the whole is checked, the split not.
            // (A KPI the README says is not in the exports has no split to check.)
            let teams_open = known[folder.as_str()][id.as_str()]["by_team_differs"].is_string() || known[folder.as_str()][id.as_str()].is_string();
            if let Some(want_teams) = want.get("by_team").and_then(Value::as_object).filter(|_| !teams_open) {
                // (A rate as {numerator, denominator} or as [numerator, denominator].)
                let rates = want_teams.values().any(|v| v.is_object() || v.is_array());
                let shown = |n: &Value, d: &Value| format!("{n}/{d}");
                let got_teams: std::collections::BTreeMap<String, String> = got["by_team"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|t| !rates || t["denominator"].as_u64() != Some(0))
                    .map(|t| {
                        let v = if rates { shown(&t["numerator"], &t["denominator"]) } else { t["value"].as_f64().unwrap_or(f64::NAN).to_string() };
                        (t["team"].as_str().unwrap_or("").to_string(), v)
                    })
                    .collect();
                let want_teams: std::collections::BTreeMap<String, String> = want_teams
                    .iter()
                    .map(|(k, v)| {
                        let rate = match v {
                            Value::Object(_) => Some(shown(&v["numerator"], &v["denominator"])),
                            Value::Array(nd) if nd.len() == 2 => Some(shown(&nd[0], &nd[1])),
                            _ => None,
                        };
                        (k.clone(), rate.unwrap_or_else(|| v.as_f64().unwrap_or(f64::NAN).to_string()))
                    })
                    .collect();
                if got_teams != want_teams {
                    wrong.push(format!("{folder}: {id} by team: expected {want_teams:?}, got {got_teams:?}"));
                }
            }
        }
        // The grade distributions, where the set gives them
        // (expected_distributions.json): overall, overall by team, and each
        // domain (a band left out is 0; a domain the set does not expect must
        // have no counts). A domain the README lists as open is not checked.
        if let Some(want) = distributions.get(folder.as_str()) {
            let got = &m["distributions"];
            let counts = |v: &Value| -> std::collections::BTreeMap<String, u64> {
                v.as_object().into_iter().flatten().filter_map(|(k, n)| n.as_u64().filter(|n| *n > 0).map(|n| (k.clone(), n))).collect()
            };
            if counts(&want["overall"]["counts"]) != counts(&got["overall"]["counts"]) {
                wrong.push(format!("{folder}: overall distribution: expected {}, got {}", want["overall"]["counts"], got["overall"]["counts"]));
            }
            if let Some(teams) = want["overall"]["by_team"].as_object() {
                let got_teams: std::collections::BTreeMap<String, _> = got["overall"]["by_team"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|t| (t["name"].as_str().unwrap_or("").to_string(), counts(&t["counts"])))
                    .filter(|(_, c)| !c.is_empty())
                    .collect();
                let want_teams: std::collections::BTreeMap<String, _> =
                    teams.iter().map(|(t, c)| (t.clone(), counts(c))).filter(|(_, c)| !c.is_empty()).collect();
                if got_teams != want_teams {
                    wrong.push(format!("{folder}: overall distribution by team: expected {want_teams:?}, got {got_teams:?}"));
                }
            }
            // The trend, where the set gives it: each period's counts (a period
            // with none left out), but the periods the README lists as open.
            if let Some(periods) = want["overall"]["by_period"].as_array() {
                let open = |key: &str| known[folder.as_str()]["by_period"][key].is_string();
                let of = |list: &Value| -> std::collections::BTreeMap<String, _> {
                    list.as_array()
                        .into_iter()
                        .flatten()
                        .map(|p| (p["key"].as_str().or(p["period"]["key"].as_str()).unwrap_or("").to_string(), counts(&p["counts"])))
                        .filter(|(k, c)| !c.is_empty() && !open(k))
                        .collect()
                };
                let (w, g) = (of(&Value::Array(periods.clone())), of(&got["overall"]["by_period"]));
                if w != g {
                    wrong.push(format!("{folder}: overall distribution by period: expected {w:?}, got {g:?}"));
                }
            }
            // (A set that gives no domain counts checks none.)
            let mut ids: std::collections::BTreeSet<String> = want["domains"].as_object().into_iter().flatten().map(|(k, _)| k.clone()).collect();
            if want.get("domains").is_some() {
                ids.extend(got["domains"].as_object().into_iter().flatten().filter(|(_, d)| !counts(&d["counts"]).is_empty()).map(|(k, _)| k.clone()));
            }
            for id in ids {
                if known[folder.as_str()]["distributions"][id.as_str()].is_string() {
                    continue;
                }
                let (w, g) = (counts(&want["domains"][id.as_str()]), counts(&got["domains"][id.as_str()]["counts"]));
                if w != g {
                    wrong.push(format!("{folder}: domain {id}: expected {w:?}, got {g:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} KPIs differ from the independent figures:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn seed_shaped_exports_give_the_independent_kpis() {
    check("seeds");
}

#[test]
fn other_councils_exports_give_the_independent_kpis() {
    check("councils");
}

#[test]
fn a_ninth_blind_set_gives_the_independent_kpis() {
    // Data an analyst transformed: a transposed grid, pseudonymised ids,
    // formula errors, numbers whose meaning only the header states, R and
    // pandas CSVs, ISO datetimes with offsets (tests/fixtures/councils9/README.md;
    // known_limits.json).
    check("councils9");
}

#[test]
fn an_eighth_blind_set_gives_the_independent_kpis() {
    // Files passed around and edited by hand: one workbook per team, hidden
    // rows, totals and notes under tables, dates typed several ways (and with
    // no year), monthly CSVs re-saved in another column order, case notes
    // split per worker with the header repeated, one child's id written several
    // ways (tests/fixtures/councils8/README.md).
    check("councils8");
}

#[test]
fn a_seventh_blind_set_gives_the_independent_kpis() {
    // Office and cloud tools: a Google Forms export with US dates and a
    // moderation form keyed by child and date, a SharePoint list, a Power BI
    // export, a rendered case-management report, a data warehouse extract with
    // NULLs, codes, row versions and deletions (tests/fixtures/councils7/README.md;
    // known_limits.json).
    check("councils7");
}

#[test]
fn a_sixth_blind_set_gives_the_independent_kpis() {
    // Audits, actions and moderation in one workbook with lookups, headers
    // carrying their units, status histories without end dates, Welsh and
    // English answers, a 231-column export with hidden columns
    // (tests/fixtures/councils6/README.md; known_limits.json).
    check("councils6");
}

#[test]
fn a_fifth_blind_set_gives_the_independent_kpis() {
    // A cover page and two tables on one sheet, quarterly subfolders and a
    // macro workbook, free-text note types and "Z" times, RAG ratings (read
    // through the folder's config), merged team cells, per-cent scores
    // (tests/fixtures/councils5/README.md; known_limits.json).
    check("councils5");
}

#[test]
fn a_fourth_blind_set_gives_the_independent_kpis() {
    // Monthly sheets with a pivot and a chart sheet, formulas, numeric and
    // five-digit ids, ticks and crosses, "sep=," CSVs with capital headers,
    // codes explained on a Key sheet, legal status in wide form
    // (tests/fixtures/councils4/README.md).
    check("councils4");
}

#[test]
fn a_third_blind_set_gives_the_independent_kpis() {
    // Long format, UTF-16, ODS, old .xls, two-row headers, ids with spaces,
    // monthly case-note files that overlap (tests/fixtures/councils3/README.md).
    check("councils3");
}

#[test]
fn a_tenth_blind_set_gives_the_independent_kpis() {
    // Change over time: a report run twice with later edits, a return sent
    // again "v2 CORRECTED", a switch of audit tool part-way through the year,
    // two years of history, seed 002's Part A / Part B (tests/fixtures/councils10/README.md;
    // known_limits.json).
    check("councils10");
}

#[test]
fn an_eleventh_blind_set_gives_the_independent_kpis() {
    // Visits and legal status from five case management systems' reports:
    // CareDirector, Eclipse + SSDA903, CareFirst visit forms, LCS observations,
    // Mosaic workflow steps (tests/fixtures/councils11/README.md; known_limits.json).
    check("councils11");
}

#[test]
fn a_twelfth_blind_set_gives_the_independent_kpis() {
    // Values typed by hand: grades abbreviated and misspelt, dates in many
    // forms, a US-format form export (tests/fixtures/councils12/README.md;
    // known_limits.json).
    check("councils12");
}

#[test]
fn a_thirteenth_blind_set_gives_the_independent_kpis() {
    // Action plans and re-audits: actions linked by audit reference, child and
    // date, or log row; relative timescales; moderation and re-audit trackers
    // kept apart (tests/fixtures/councils13/README.md; known_limits.json).
    check("councils13");
}

#[test]
fn a_fourteenth_blind_set_gives_the_independent_kpis() {
    // One shared QA workbook per council: a sheet per service or month on
    // different seeds' scales, dashboards, lists, hidden and pasted-twice
    // sheets (tests/fixtures/councils14/README.md; known_limits.json).
    check("councils14");
}

#[test]
fn a_fifteenth_blind_set_gives_the_independent_kpis() {
    // Legal status and visit chains in five case management systems' own
    // report shapes (tests/fixtures/councils15/README.md; known_limits.json).
    check("councils15");
}

#[test]
fn a_sixteenth_blind_set_gives_the_independent_kpis() {
    // Workbooks people built themselves: formulas (cached, and none cached),
    // Excel tables, hidden rows and sheets, lists, typed-over formulas
    // (tests/fixtures/councils16/README.md).
    check("councils16");
}

#[test]
fn a_seventeenth_blind_set_gives_the_independent_kpis() {
    // The officer's export folder: the same export downloaded again, monthly
    // runs that overlap, versions in old/, lock files and notes
    // (tests/fixtures/councils17/README.md; known_limits.json).
    check("councils17");
}

#[test]
fn an_eighteenth_blind_set_gives_the_independent_kpis() {
    // Records on the edges that decide the numbers: period ends, summer time,
    // bank holidays, weekends, exact timescales, a 1904 workbook
    // (tests/fixtures/councils18/README.md; known_limits.json).
    check("councils18");
}

#[test]
fn a_nineteenth_blind_set_gives_the_independent_kpis() {
    // One council, many systems: the same children and teams written
    // differently by each system (tests/fixtures/councils19/README.md;
    // known_limits.json says what is not matched yet).
    check("councils19");
}

#[test]
fn a_twentieth_blind_set_gives_the_independent_kpis() {
    // Reports made for reading, exported from reporting tools (SSRS, Power BI,
    // Crystal, Web Intelligence, Tableau): title blocks, page headers, section
    // rows, totals (tests/fixtures/councils20/README.md; known_limits.json says
    // what is not matched yet).
    check("councils20");
}

#[test]
fn a_twenty_first_blind_set_gives_the_independent_kpis() {
    // People and teams move: restructures, transfers, teams in another list,
    // team names written with and without "Team" or a service
    // (tests/fixtures/councils21/README.md; known_limits.json says what is
    // not matched yet).
    check("councils21");
}

#[test]
fn a_twenty_second_blind_set_gives_the_independent_kpis() {
    // Three or four everyday habits at once in each folder: month tabs with
    // merged teams and a revised target date; a Windows-1252 CSV in quarterly
    // folders; two tables on one sheet with ticks; a paginated UTF-16 report
    // with "C.P. visit"; saved form versions with drafts
    // (tests/fixtures/councils22/README.md). Every KPI matches.
    check("councils22");
}

#[test]
fn a_twenty_third_blind_set_gives_the_independent_kpis() {
    // Habits combined, second round: a long-format report with identifiers on
    // each audit's first row only; grade codes on a Key sheet; a web page
    // saved as .xls; a grouped LCS report; monthly tabs with a per-cent
    // overall banded on a Bands sheet (tests/fixtures/councils23/README.md;
    // known_limits.json says what is not matched yet).
    check("councils23");
}

#[test]
fn a_twenty_fourth_blind_set_gives_the_independent_kpis() {
    // The calendar bites, and files are split: the Nov–Dec period with as_of
    // in January, Christmas and New Year bank holidays, UTC and "+01:00"
    // times around the clock change, a US-locale file beside UK ones, two-digit
    // and written dates, one workbook per team, monthly case-note files with an
    // overlapping re-run, quarterly action files with an interim run, two-row
    // grouped headers (tests/fixtures/councils24/README.md). Every KPI matches.
    check("councils24");
}

#[test]
fn a_twenty_fifth_blind_set_gives_the_independent_kpis() {
    // People type things, and a system changed mid-year: misspelt and
    // qualified grades and answers, dates with words ("w/c", "by 09/09",
    // "(revised)"), a map of old child ids to new ones beside case notes and
    // legal status from both systems, team codes beside full names, key and
    // target rows in the log, re-audits on the original audit's row
    // (tests/fixtures/councils25/README.md; known_limits.json says what is not
    // matched yet).
    check("councils25");
}

#[test]
fn a_twenty_sixth_blind_set_gives_the_independent_kpis() {
    // Marks, numbers and colours: grades as numbers with a key either way
    // round, per-cent scores banded by a Key sheet ("44% and below"), tick
    // boxes in one cell, TRUE / FALSE and 1 / 0 answers, Excel serials and
    // year-first dates, RAG ratings, one column per grade with a mark
    // (tests/fixtures/councils26/README.md; known_limits.json says what is
    // not matched yet).
    check("councils26");
}

#[test]
fn a_twenty_seventh_blind_set_gives_the_independent_kpis() {
    // Year-long trackers and audit statuses: a sheet per month, last year's
    // rows, statuses, months as text, repeated headers and subtotals, hidden
    // rows and sheets, audits carried over between monthly tabs
    // (tests/fixtures/councils27/README.md; known_limits.json: one judgement
    // call, "Case closed before audit").
    check("councils27");
}

#[test]
fn a_twenty_eighth_blind_set_gives_the_independent_kpis() {
    // The audits are Word forms (.docx): content controls, check boxes,
    // legacy form fields, tracked changes, beside a template, an old .doc and
    // the council's trackers (tests/fixtures/councils28/README.md;
    // known_limits.json says what is not matched yet).
    check("councils28");
}

#[test]
fn a_twenty_ninth_blind_set_gives_the_independent_kpis() {
    // One form per audit (Word and one-audit workbooks) beside the list that
    // planned them: allocation lists, samples on two sheets, trackers with a
    // part-filled "Date returned", moderation in the list or in the forms,
    // re-audits, drafts, a form whose child is on no list
    // (tests/fixtures/councils29/README.md).
    check("councils29");
}

#[test]
fn a_thirtieth_blind_set_gives_the_independent_kpis() {
    // Moderation and actions kept apart from the audits: moderation forms,
    // action plans and saved versions of one form beside the audit forms, a
    // tracker copying the grades, a moderation log
    // (tests/fixtures/councils30/README.md).
    check("councils30");
}

#[test]
fn a_thirty_first_blind_set_gives_the_independent_kpis() {
    // Records that look like audits but are not case file audits, beside the
    // audits: practice observation forms and logs, practice days, supervision
    // records, thematic audits and dip samples, foster carers' file audits,
    // next cycle's schedule, training attendance
    // (tests/fixtures/councils31/README.md).
    check("councils31");
}

#[test]
fn a_thirty_third_blind_set_gives_the_independent_kpis() {
    // Exports that travelled: Excel for Mac's 1904 date system (dates typed
    // as plain numbers too), pseudonymised child ids, European and US CSVs, a
    // LibreOffice .ods moderation log, report preambles and footers, machine
    // text dates, exports in a zip archive (tests/fixtures/councils33/README.md).
    check("councils33");
}

#[test]
fn a_thirty_fourth_blind_set_gives_the_independent_kpis_or_says_it_cannot() {
    // Forms exported from case management systems one row per answer: form
    // versions, steps completed on different dates, action plans repeating
    // their questions, codes with a lookup, cancelled and unfinished forms
    // (tests/fixtures/councils34/README.md). What is not read yet is listed in
    // known_limits.json: "not in the exports", never a number that looks measured.
    check("councils34");
}

#[test]
fn a_thirty_second_blind_set_gives_the_independent_kpis_the_default_period_and_the_previous_figures() {
    // The officer's year: a folder per cycle, cumulative exports repeating
    // every audit of the year, a corrected file re-sent, a cycle whose audits
    // came late, actions carried forward (tests/fixtures/councils32/README.md).
    check("councils32");
    let base = root().join("tests/fixtures/councils32");
    let read = |name: &str| -> Value { serde_json::from_slice(&std::fs::read(base.join(name)).unwrap()).unwrap() };
    let kpi = |m: &Value, id: &str| m["kpis"].as_array().unwrap().iter().find(|k| k["id"] == id).cloned().unwrap();
    let same = |got: &Value, want: &Value| match want.get("value") {
        Some(v) => got["value"].as_f64() == v.as_f64(),
        None => got["numerator"] == want["numerator"] && got["denominator"] == want["denominator"],
    };
    let mut wrong = Vec::new();
    // With no --period or --as-of, on 2026-11-28 (the tests' today): the period
    // METRICS.md's default rule picks, and its KPIs.
    for (folder, want) in read("expected_default.json").as_object().unwrap() {
        let out = scratch(&format!("blind-councils32-default-{folder}"));
        let output = out.join("out");
        let input = base.join(folder);
        auditpack(&out, &["run", "-q", input.to_str().unwrap(), "--out", output.to_str().unwrap(), "--reports", "board-pack"]);
        let m: Value = serde_json::from_slice(&std::fs::read(output.join("metrics.json")).unwrap()).unwrap();
        if m["period"]["from"] != want["period"]["from"] || m["period"]["to"] != want["period"]["to"] || m["as_of"] != want["as_of"] {
            wrong.push(format!("{folder}: period {} to {} as of {}, expected {}", m["period"]["from"], m["period"]["to"], m["as_of"], want));
        }
        for (id, w) in want["kpis"].as_object().unwrap() {
            let got = kpi(&m, id);
            let ok = if w["not_in_source"] == true { got["not_in_source"] == true } else { got["not_in_source"] != true && same(&got, w) };
            if !ok {
                wrong.push(format!("{folder} (default period): {id}: expected {w}, got {}/{}", got["numerator"], got["denominator"]));
            }
        }
    }
    // The previous period's figures beside 2026-09's (the board's "change").
    for (folder, want) in read("expected_previous.json").as_object().unwrap() {
        let out = scratch(&format!("blind-councils32-previous-{folder}"));
        let output = out.join("out");
        let input = base.join(folder);
        auditpack(
            &out,
            &[
                "run",
                "-q",
                input.to_str().unwrap(),
                "--out",
                output.to_str().unwrap(),
                "--period",
                "2026-09",
                "--as-of",
                "2026-10-31",
                "--reports",
                "board-pack",
            ],
        );
        let m: Value = serde_json::from_slice(&std::fs::read(output.join("metrics.json")).unwrap()).unwrap();
        for (id, w) in want.as_object().unwrap() {
            let k = kpi(&m, id);
            let previous = &k["previous"];
            let got = if w.get("value").is_some() { serde_json::json!({"value": previous["numerator"]}) } else { previous.clone() };
            let ok = if w["not_in_source"] == true { k["not_in_source"] == true } else { same(&got, w) };
            if !ok {
                wrong.push(format!("{folder} (previous period): {id}: expected {w}, got {previous}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_thirty_fifth_blind_set_gives_the_independent_kpis() {
    // Children whose status changes, and the visits that follow them: SSDA903
    // rows split at each change of legal status, CP plans beside looked-after
    // episodes, status codes with and without a lookup, visit types and
    // seen-alone columns as systems write them, notes recorded late or before
    // their event, case notes in two team files (tests/fixtures/councils35/README.md).
    check("councils35");
}

#[test]
fn a_thirty_sixth_blind_set_gives_the_independent_kpis_and_their_teams() {
    // Which team? A tab, a file, a folder or a title line per team, team
    // codes and other names on a team list, "Service > Team" paths, a
    // moderation log that names none of one team's audits, actions owned by
    // another team (tests/fixtures/councils36/README.md). Every headline
    // matches; the team splits still open are in known_limits.json.
    check("councils36");
}

#[test]
fn a_thirty_seventh_blind_set_gives_the_independent_kpis_and_grade_distributions() {
    // Grade distributions: each framework's questions in its own and in
    // shortened wording, domains under other words, two questions of one
    // domain, every grading scale and loose spellings, an overall on one
    // scale and domains on another (tests/fixtures/councils37/README.md). The
    // overall and domain counts are checked as well as the KPIs; the domains
    // still open are in known_limits.json.
    check("councils37");
}

#[test]
fn a_forty_fifth_blind_set_gives_the_independent_kpis_of_work_done_by_others() {
    // Work done by someone else: a review firm's return, a commissioned
    // provider's contract return (its own client number beside the council's
    // id), another council's courtesy visits, peer audits both ways, and a
    // moderation consultancy's log covering two client councils
    // (tests/fixtures/councils45/README.md; known_limits.json says what is
    // read differently and why).
    check("councils45");
}

#[test]
fn a_fifty_eighth_blind_set_keeps_the_kpis_it_makes_from_a_cloud_systems_api_and_lists_the_rest() {
    // The new cloud system: date-only fields as local midnight in UTC,
    // GUIDs for ids, answers as JSON in cells, "null" for empty
    // (tests/fixtures/councils58/README.md). 3 readings are open, each in
    // known_limits.json; the rest are checked.
    check("councils58");
}

#[test]
fn a_sixty_third_blind_set_of_unaccompanied_children_keeps_its_own_readings() {
    // Unaccompanied asylum-seeking children: Home Office and port references
    // beside the council's id (and in brackets after it), age disputes,
    // National Transfer Scheme moves, interpreters, a child missing from
    // care (tests/fixtures/councils63/README.md). 3 readings are open, each
    // in known_limits.json with auditpack's own value, which is checked.
    check("councils63");
}

#[test]
fn a_sixty_fourth_blind_set_of_sibling_groups_keeps_its_own_readings() {
    // One note, several children: group ids in one cell, notes copied to
    // each sibling, a sibling group's audit form as a row per child
    // (tests/fixtures/councils64/README.md). 1 reading is open (a group
    // visit's "C200111 only" seen-alone answer), in known_limits.json with
    // auditpack's own value, which is checked.
    check("councils64");
}

#[test]
fn a_sixty_first_blind_set_of_challenged_grades_keeps_its_own_readings() {
    // The grade was challenged: dissent and challenge logs beside the audits
    // (not audits themselves), actions withdrawn after an upheld challenge,
    // revised grades written into the judgement cell, parents' views as text
    // (tests/fixtures/councils61/README.md). Upheld challenges revise the
    // auditor's grade; a withdrawal in a "Challenge outcome" column and a
    // revised timescale are read on the action. 1 reading is open (a
    // feeling in a column of views and contact, no yes or no), in
    // known_limits.json with auditpack's own value, which is checked.
    check("councils61");
}

#[test]
fn a_sixty_second_blind_set_of_reviewing_officers_qa_matches() {
    // Other quality assurance in the folder: IRO escalations and dispute
    // resolution logs, CP chairs' midway reviews, practice alerts and good
    // practice notes beside the audits (tests/fixtures/councils62/README.md).
    // None is an audit; every KPI matches.
    check("councils62");
}

#[test]
fn a_fifty_ninth_blind_set_of_children_at_the_edges_matches() {
    // Unborn babies ("Unborn of AC40112", an expected due date column), the
    // born child's re-audit under its own id with the earlier one in
    // brackets, care leavers to 25, a child re-registered on placement for
    // adoption, twins (tests/fixtures/councils59/README.md). Every KPI matches.
    check("councils59");
}

#[test]
fn a_sixtieth_blind_set_of_other_services_audits_keeps_its_own_readings() {
    // Other services' audits in the same folder: a youth justice export
    // ("YJ ID", case manager spoken to), a disabled children's team's own
    // log holding one of the tracker's audits again, a fostering team's
    // carer-file audits and Early Help audits by family id
    // (tests/fixtures/councils60/README.md). 18 readings differ on purpose
    // (foster carers' and families' files are not children's case files),
    // each in known_limits.json with auditpack's own value, which is checked.
    check("councils60");
}

#[test]
fn a_fifty_seventh_blind_set_of_multi_agency_audits_matches() {
    // The partnership audit: health, police and education return their own
    // sections of the same audits, in the council's files: partner rows in
    // the audit log, a partner contributions sheet, partner contacts in the
    // case notes, a school's safeguarding lead named as the worker spoken to
    // (tests/fixtures/councils57/README.md). Every KPI matches.
    check("councils57");
}

#[test]
fn a_fifty_sixth_blind_set_keeps_the_kpis_it_makes_with_corrections_and_lists_the_rest() {
    // The corrections that came afterwards: a corrections sheet by row and
    // column or by cell, corrections typed into the cell, an amendments log
    // keyed by form id, a data correction request log
    // (tests/fixtures/councils56/README.md). 9 readings are open, each in
    // known_limits.json; the rest are checked.
    check("councils56");
}

#[test]
fn a_fifty_fifth_blind_set_of_children_transferred_across_the_border_matches() {
    // Children who moved to or from a neighbouring council during the cycle:
    // an audit under the sending council's id linked by "Former LA
    // reference", audits stopped by a transfer, visits imported with "Not
    // recorded (Kelsey record)" for seen alone, a family "live in Kelsey -
    // not contacted" (tests/fixtures/councils55/README.md). Every KPI matches.
    check("councils55");
}

#[test]
fn a_fifty_fourth_blind_set_of_coded_exports_matches() {
    // The export speaks in codes, and the key is kept somewhere else: a Key
    // sheet, a Lists sheet behind the drop-downs, a lookup export, a legend
    // printed at the report's foot (tests/fixtures/councils54/README.md).
    // Every KPI matches.
    check("councils54");
}

#[test]
fn a_fifty_third_blind_set_keeps_the_kpis_it_makes_from_pdf_conversions_and_lists_the_rest() {
    // The PDF that came back as a spreadsheet: page headers and footers
    // inside the data, headers wrapped over two rows, records split at page
    // breaks, a report's ids printed once per group, forms converted a line
    // a row, a wide report's overflow pages (tests/fixtures/councils53/README.md).
    // 11 readings are open, each in known_limits.json; the rest are checked.
    check("councils53");
}

#[test]
fn a_fifty_second_blind_set_gives_the_independent_kpis_of_teams_own_copies_of_a_tracker() {
    // The team returns: each team's own copy of one tracker or report, drifted
    // apart (columns renamed, added, deleted, reordered; dates typed each
    // team's way; the team only in the file name), a transferred child's
    // audit copied into the new team's copy, two teams' case-note reports
    // that overlap, a Part B headed "Date CSW acknowledged (Part B)", an
    // "Action completed" date (tests/fixtures/councils52/README.md).
    check("councils52");
}

#[test]
fn a_fifty_first_blind_set_keeps_the_kpis_it_makes_from_histories_and_lists_the_rest() {
    // The audit's journey, not its result: workflow steps, returns, form
    // parts, status changes, note amendments and saved versions, one row each
    // (tests/fixtures/councils51/README.md). 43 readings are open, each in
    // known_limits.json with what auditpack gives; the rest are checked.
    check("councils51");
}

#[test]
fn a_fiftieth_blind_set_gives_the_independent_kpis_of_several_records_on_one_row() {
    // Everything on the child's row: action blocks under band titles and
    // numbered ("Agreed Action (1)", "Improvement action 2 - by whom"), two
    // re-audits on the audit's row, a visit report with a column pair per
    // visit, legal status with a column triple per status, an auditor's
    // allocation grid with a block of columns per month, a view per parent
    // (tests/fixtures/councils50/README.md).
    check("councils50");
}

#[test]
fn a_forty_ninth_blind_set_gives_the_independent_kpis_of_returns_that_do_their_own_sums() {
    // Summary rows among the records: Excel's subtotal rows, group headings
    // and hand-typed group totals with counts in date columns, percentage,
    // target and year-to-date rows, a grade count table pasted beside the
    // records, brought-forward action sections
    // (tests/fixtures/councils49/README.md).
    check("councils49");
}

#[test]
fn a_forty_eighth_blind_set_gives_the_independent_kpis_of_themed_audit_cycles() {
    // The themed cycle: every audit still a full case file audit, with a
    // theme's questions beside the grades (a theme grade on the overall's
    // scale, practice questions worded like the spoken-to fields, areas
    // "Not audited - themed cycle"), and the thematic report's service-wide
    // actions ("ALL TEAMS", a board's learning action plan) beside the
    // audits' actions (tests/fixtures/councils48/README.md).
    check("councils48");
}

#[test]
fn a_forty_seventh_blind_set_gives_the_independent_kpis_of_pseudonymised_and_redacted_copies() {
    // The copy that leaves the service: pseudonyms in place of child ids
    // ("Pseudo ID"), narrative and names "[REDACTED]" with the answer word
    // kept, restricted records masked "[RESTRICTED]", redacted note types,
    // a form's "Father ([REDACTED]) did not respond to two calls"
    // (tests/fixtures/councils47/README.md).
    check("councils47");
}

#[test]
fn a_forty_sixth_blind_set_gives_the_independent_kpis_of_families_and_sibling_groups() {
    // Families, not just children: family-group references in the child id
    // column with a list of each group's children, siblings on one family
    // case number, a sibling group's forms and its one action, a sibling
    // taken out of the sample, and "As TH50322" pointing at a sibling's row
    // (tests/fixtures/councils46/README.md; known_limits.json says what is
    // read differently and why).
    check("councils46");
}

#[test]
fn a_forty_fourth_blind_set_gives_the_independent_kpis_of_a_new_audit_year() {
    // The first cycle of a new audit year: last year's sheet or file still in
    // the folder, audits and actions carried forward under new references
    // ("Previous ref", "b/f from …"), a new template part-way through a sheet
    // or a report, and a council's own words for the grades
    // (tests/fixtures/councils44/README.md).
    check("councils44");
}

#[test]
fn a_forty_third_blind_set_gives_the_independent_kpis_of_the_audit_process_exceptions() {
    // The exceptions an officer's trackers record: a paired audit entered once
    // per auditor, a sibling group's one audit under both ids, several actions
    // in one cell, revised and extended dates, reallocations, "NFA - …" rows,
    // no-access visits, moderation in the month after
    // (tests/fixtures/councils43/README.md; known_limits.json says what is
    // read differently and why).
    check("councils43");
}

#[test]
fn a_forty_second_blind_set_gives_the_independent_kpis_from_survey_tools() {
    // Audits collected through survey tools and downloaded as the tool gives
    // them: SurveyMonkey's two header rows, Qualtrics' three (with its
    // ImportId row, "Survey Preview" and Finished = False responses), Smart
    // Survey's title rows, Partial status and a two-part audit, JotForm's
    // "Submission Date" as the only completion, Snap's coded answers with a
    // Codes sheet; test responses, forms sent in twice, an officer's tracker
    // beside each (tests/fixtures/councils42/README.md).
    check("councils42");
}

#[test]
fn a_forty_first_blind_set_gives_the_independent_case_note_kpis() {
    // Case notes as case management systems export them: event, created and
    // last-modified dates in many forms (ISO with a zone, text, Excel day
    // numbers in a CSV, date and time apart), hostile note text (multi-line,
    // a stray quote, HTML, tabs, a 27 KB note), UTF-8 with a BOM,
    // Windows-1252, UTF-16 tab-separated, title and total lines, notes split
    // by month or team with overlaps, visit types and seen-alone answers in
    // each system's words, a two-part audit and an episodes file whose status
    // column is headed "Episode" (tests/fixtures/councils41/README.md;
    // known_limits.json says what is read differently).
    check("councils41");
}

#[test]
fn a_fortieth_blind_set_gives_the_independent_spoken_to_kpis() {
    // Who the auditor spoke to, recorded the many ways councils record it: a
    // form's multiple-choice "Who did you speak to?" list, columns naming the
    // people or giving the date seen, free text that names someone and says
    // they were not spoken to, reason boxes, care leavers and personal
    // advisers, a long-form file of conversations
    // (tests/fixtures/councils40/README.md; known_limits.json says what is
    // not matched yet).
    check("councils40");
}

#[test]
fn a_thirty_ninth_blind_set_gives_the_independent_kpis_and_trend() {
    // A year of exports and the trend a board reads: one file per cycle beside
    // a cumulative year-to-date file repeating its rows (dates as text in one,
    // as date cells or day numbers in the other), a sheet per month, dates
    // changing format with a system upgrade, US month-first dates, impossible
    // years, work allocated in one period and done in the next
    // (tests/fixtures/councils39/README.md). The overall grade counts of every
    // period are checked as well as the KPIs; the periods still open are in
    // known_limits.json.
    check("councils39");
}

#[test]
fn a_thirty_eighth_blind_set_gives_the_independent_kpis_and_grade_distributions() {
    // Grade distributions again: section title rows above the questions, a
    // scoring key in a line of guidance above the header, areas named by
    // number with the council's own list elsewhere, question ids with a
    // separate list of what each asks, emoji and colour grades, a tool that
    // exports each question twice (score and comment)
    // (tests/fixtures/councils38/README.md; the domains still open are in
    // known_limits.json).
    check("councils38");
}

#[test]
fn a_sixty_fifth_blind_set_of_date_times_reads_each_date_as_it_was_in_england() {
    // The night shift and the clock: date-times, not dates; UTC exports
    // around midnight, the clocks going back on 25/10/2026, times typed as
    // text, serials with fractions (tests/fixtures/councils65/README.md).
    // Every KPI matches.
    check("councils65");
}

#[test]
fn a_sixty_sixth_blind_set_of_joint_audits_counts_each_audit_once() {
    // Two pairs of eyes: joint audits, one entered by each auditor with a
    // note saying which is the record; co-auditor columns; collaborative
    // and peer audits; an actions report repeating its audit's date beside
    // the action's (tests/fixtures/councils66/README.md). Every KPI matches.
    check("councils66");
}

#[test]
fn a_sixty_seventh_blind_set_of_dashboard_trackers_counts_only_the_records() {
    // The tracker became a dashboard: an Excel table with a totals row,
    // summary and chart-data sheets, filtered and grouped rows, a "Do not
    // edit below this line" marker (tests/fixtures/councils67/README.md).
    // Every KPI matches.
    check("councils67");
}

#[test]
fn a_sixty_eighth_blind_set_saved_every_way_excel_offers_is_read() {
    // Save As every option: CSV UTF-8 with a BOM, Macintosh CR endings,
    // MS-DOS code page 850, Unicode Text (UTF-16), XML Spreadsheet 2003,
    // OpenDocument, semicolons and decimal commas
    // (tests/fixtures/councils68/README.md). Every KPI matches.
    check("councils68");
}

#[test]
fn a_sixty_ninth_blind_set_of_audit_lifecycles_keeps_its_own_readings() {
    // The audit's many dates: allocated, submitted, returned, resubmitted,
    // QA'd, signed off; due dates revised by agreed extensions
    // (tests/fixtures/councils69/README.md). Revised due dates and
    // resubmissions are read; 8 readings are open (an audit returned and
    // not yet resubmitted, an action's "added to the case note" date,
    // moderation after as_of), each in known_limits.json with auditpack's
    // own value, which is checked.
    check("councils69");
}

#[test]
fn a_seventieth_blind_set_of_other_case_management_systems_keeps_its_own_readings() {
    // Mosaic, Eclipse, Paris and Azeus case notes (tests/fixtures/councils70/README.md):
    // "(Virtual)" beside "(Child Seen Alone: Y)" in a step's name, "Seen: No
    // - no answer at the door", a visit type of modes beside the form's
    // name. Every KPI matches.
    check("councils70");
}

#[test]
fn a_seventy_first_blind_set_of_moving_actions_keeps_its_own_readings() {
    // Actions that do not sit still: revised and extended due dates,
    // timescales in words, completions typed as "done 24/9"
    // (tests/fixtures/councils71/README.md), in a completion or a status
    // column. 1 reading is open (an extension inside a timescale cell), in
    // known_limits.json with auditpack's own value, which is checked.
    check("councils71");
}

#[test]
fn a_seventy_second_blind_set_of_moderation_done_differently_keeps_its_own_readings() {
    // Moderation panels' minutes, a PSW's sample, group moderation of
    // re-audits, a QA outcome column, self-moderation
    // (tests/fixtures/councils72/README.md). 17 readings are open, each in
    // known_limits.json with auditpack's own value, which is checked.
    check("councils72");
}

#[test]
fn a_seventy_third_blind_set_of_one_row_per_answer_matches_its_expected_kpis() {
    // Long-format audit exports: an unpivoted Power BI table, a form back
    // end with edited answers ("Last modified": the latest stands), a
    // tracker of dates beside another system's judgements one row per
    // domain, one sheet per question (tests/fixtures/councils73/README.md).
    // The sheet per question is open (known_limits.json).
    check("councils73");
}

#[test]
fn a_seventy_fourth_blind_set_of_what_excel_did_to_the_data_matches_its_expected_kpis() {
    // Ids that lost their leading zeros or gained ".0", serial-number
    // dates, a month-first laptop, TRUE / FALSE answers, non-breaking
    // spaces, a carer's view beside "Selected - no response to letter"
    // (tests/fixtures/councils74/README.md).
    check("councils74");
}

#[test]
fn a_seventy_fifth_blind_set_of_typists_beside_auditors_matches_its_expected_kpis() {
    // Audits keyed in later by business support, "Date keyed" beside the
    // form's own date, SharePoint's Created / Modified, "Date finalised"
    // beside "Date completed", reviewers who are not moderators
    // (tests/fixtures/councils75/README.md).
    check("councils75");
}

#[test]
fn a_seventy_sixth_blind_set_with_nothing_to_count_matches_its_expected_kpis() {
    // Quiet cycles and empty exports: no audit completed in the period, a
    // single audit, no CP plan open, no action due, header-only exports and
    // an empty moderation log, each KPI a number, 0, null or "not in the
    // exports" (tests/fixtures/councils76/README.md).
    check("councils76");
}

#[test]
fn a_seventy_seventh_blind_set_of_two_ids_per_child_keeps_its_own_readings() {
    // A migration between case management systems: old and new ids, id
    // lookups, prefixes and case (tests/fixtures/councils77/README.md). Five
    // readings differ on purpose (auditpack joins one child's ids), each in
    // known_limits.json with auditpack's own value, which is checked.
    check("councils77");
}

#[test]
fn a_seventy_eighth_blind_set_of_re_audits_recorded_four_ways_matches_its_expected_kpis() {
    // Re-audits as new rows, as columns on the original row, in a file of
    // their own naming only the original audit's id, with a previous form
    // id (tests/fixtures/councils78/README.md).
    check("councils78");
}

#[test]
fn a_seventy_ninth_blind_set_of_the_statutory_visit_clock_matches_its_expected_kpis() {
    // CP plans starting and ending in the period, a child moving from CP to
    // care, a child newly looked after, missing children, bank holidays,
    // weekend and same-day visits (tests/fixtures/councils79/README.md).
    check("councils79");
}

#[test]
fn an_eightieth_blind_set_of_dates_that_cannot_be_right_keeps_its_own_readings() {
    // Years typed 2062 or 2206, completions before allocation, moderations
    // before the audit, notes recorded before the visit, a wrong weekday,
    // "no date" placeholders (tests/fixtures/councils80/README.md). Three
    // readings differ on purpose (a placeholder date is no date), each in
    // known_limits.json with auditpack's own value, which is checked.
    check("councils80");
}

#[test]
fn an_eighty_first_blind_set_of_legal_status_as_the_statutory_returns_write_it_matches_its_expected_kpis() {
    // SSDA903 episodes (legal status codes, linked episodes, V3 / V4 short
    // breaks) and CIN census CP plans, with and without a codes key
    // (tests/fixtures/councils81/README.md).
    check("councils81");
}

#[test]
fn an_eighty_second_blind_set_of_several_grades_per_audit_keeps_its_own_readings() {
    // The worker's self-grade, the team manager's, the auditor's, a QA
    // grade and a grade agreed after discussion, side by side
    // (tests/fixtures/councils82/README.md). Two readings of a challenge
    // moderator's grade differ on purpose (known_limits.json).
    check("councils82");
}

#[test]
fn an_eighty_third_blind_set_of_case_notes_with_many_dates_matches_its_expected_kpis() {
    // Event, created, recorded, amended and authorised dates side by side,
    // planned visits, weekend recording (tests/fixtures/councils83/README.md).
    check("councils83");
}

#[test]
fn an_eighty_fourth_blind_set_of_seen_alone_written_every_way_keeps_its_own_readings() {
    // Tick-box checklists, two columns, free text, codes with a key
    // (tests/fixtures/councils84/README.md). Three readings are open
    // (known_limits.json).
    check("councils84");
}

#[test]
fn an_eighty_fifth_blind_set_of_two_scales_in_one_folder_matches_its_expected_kpis() {
    // Services auditing on different scales at once: a sheet per service,
    // separate files, one column of mixed scales, a scale switched
    // mid-period (tests/fixtures/councils85/README.md).
    check("councils85");
}

#[test]
fn an_eighty_sixth_blind_set_of_trackers_that_compute_keeps_its_own_readings() {
    // Cached formula results: due dates from =WORKDAY and =EDATE, stale
    // =TODAY() flags, #N/A lookups, "On time?" columns that are wrong
    // (tests/fixtures/councils86/README.md). One reading open: a formula's
    // "Agree?" read as the moderator's flag (known_limits.json).
    check("councils86");
}

#[test]
fn an_eighty_seventh_blind_set_of_monthly_returns_matches_its_expected_kpis() {
    // A monthly return per month, each a copy of the last with rows added
    // and edited, "v2 FINAL", "(draft)", "Copy of"
    // (tests/fixtures/councils87/README.md).
    check("councils87");
}

#[test]
fn a_ninetieth_blind_set_of_shorthand_headers_with_their_keys_matches_its_expected_kpis() {
    // Every column renamed in shorthand, with a key sheet, a data dictionary,
    // a key file or footnotes saying what each holds
    // (tests/fixtures/councils90/README.md).
    check("councils90");
}

#[test]
fn a_ninety_second_blind_set_of_grades_written_every_way_matches_its_expected_kpis() {
    // Abbreviated, decorated and numbered grades, keys running either way
    // (tests/fixtures/councils92/README.md).
    check("councils92");
}

#[test]
fn an_eighty_eighth_blind_set_of_auditors_own_trackers_matches_its_expected_kpis() {
    // One tracker per auditor, drifted from the template; audits handed
    // over (tests/fixtures/councils88/README.md).
    check("councils88");
}

#[test]
fn a_ninety_first_blind_set_of_audit_schedules_matches_its_expected_kpis() {
    // The cycle's sample beside the audits: cancelled, deferred, swapped,
    // outstanding (tests/fixtures/councils91/README.md).
    check("councils91");
}

#[test]
fn a_ninety_sixth_blind_set_of_moderation_question_by_question_keeps_its_readings() {
    // A moderator's agreement and grade per question beside the overall
    // ones (tests/fixtures/councils96/README.md; one reading open).
    check("councils96");
}

#[test]
fn a_ninety_fourth_blind_set_of_due_dates_in_words_keeps_its_readings() {
    // Action due dates written as timescales, months and days without a
    // year (tests/fixtures/councils94/README.md: a weeks column and a completion in a comment's last sentence read).
    check("councils94");
}

#[test]
fn an_eighty_ninth_blind_set_of_print_layouts_keeps_its_readings() {
    // Exports laid out to be printed: headers on every page, page lines,
    // group headings, subtotals, signatures
    // (tests/fixtures/councils89/README.md), and case notes grouped under
    // "Child: C10234" headings with no id on their rows.
    check("councils89");
}

#[test]
fn a_ninety_third_blind_set_of_dates_without_their_year_reads_the_year_where_it_is_written() {
    // Every date written without its year, the year in a title line, a
    // sheet's or file's name (tests/fixtures/councils93/README.md), with last
    // year's tracker beside this year's and rolling years across January:
    // every KPI as the set's own calculation. (Where no year is written at
    // all, "not in the exports", never 0: gaps.rs.)
    check("councils93");
}

#[test]
fn a_ninety_seventh_blind_set_of_dates_without_their_year_across_the_new_year_reads_them() {
    // Year-less dates around the turn of the year (tests/fixtures/councils97/
    // README.md): a bi-monthly cycle's sheet "Nov-Dec 26", a folder named for
    // the financial year, quarter sheets, a "Report date:" line, audits of
    // last year's cycle in the same workbook, and a log whose year is
    // written nowhere (its KPIs not in the exports).
    check("councils97");
}

#[test]
fn a_ninety_eighth_blind_set_of_the_templates_own_words_reads_them_as_no_answer() {
    // Placeholders, option lists, guidance and example rows left in the
    // cells, and a form's instruction alone in a spoken-to cell
    // (tests/fixtures/councils98/README.md).
    check("councils98");
}

#[test]
fn a_ninety_ninth_blind_set_of_questions_asked_the_other_way_round_reads_them_right() {
    // "NOT consulted? (Y/N)", "Unable to speak to …", "Audit completed
    // WITHOUT the allocated SW?" (tests/fixtures/councils99/README.md), "Did
    // the moderator change the Q12 judgement?": read the right way round; a
    // list of who was not spoken to read for each of the three.
    check("councils99");
}

#[test]
fn a_hundred_and_first_blind_set_of_ditto_marks_reads_the_value_above() {
    // "As above" (tests/fixtures/councils101/README.md): ditto marks in dates,
    // grades, answers and moderation; an audit's child and date written once
    // above its further actions; blanks inside blocks that mean not done.
    check("councils101");
}

#[test]
fn a_hundred_and_third_blind_set_of_rows_moved_between_stage_tabs_counts_each_record_once() {
    // A tracker kept as stages (tests/fixtures/councils103/README.md): an
    // action's open and completed copies on two sheets are one action; an
    // "Allocated" tab's unreturned audit is due and not done.
    check("councils103");
}

#[test]
fn a_hundred_and_second_blind_set_of_month_end_lists_reads_each_plan_once() {
    // Legal status as month-end registers and ceased lists
    // (tests/fixtures/councils102/README.md): a CP tab whose kind only its
    // name and title give; a plan on an open list and a ceased one.
    check("councils102");
}

#[test]
fn a_hundred_and_fourth_blind_set_of_evidence_beside_the_answer_reads_the_answer() {
    // Free text of nearly the same name beside every answer
    // (tests/fixtures/councils104/README.md).
    check("councils104");
}

#[test]
fn a_hundred_and_fifth_blind_set_of_overlapping_runs_counts_each_record_once_as_last_run() {
    // Monthly runs of the visits and legal-status reports kept side by side or
    // pasted one under another (tests/fixtures/councils105/README.md).
    check("councils105");
}

#[test]
fn a_hundred_and_sixth_blind_set_of_characters_you_cannot_see_reads_what_shows() {
    // Hidden characters in ids, grades, dates and types
    // (tests/fixtures/councils106/README.md): a soft hyphen inside a grade.
    check("councils106");
}

#[test]
fn a_hundred_and_seventh_blind_set_of_answers_of_the_wrong_kind_reads_what_they_say() {
    // Dates where yes was asked, words where a date was, the date inside
    // words (tests/fixtures/councils107/README.md).
    check("councils107");
}

#[test]
fn a_hundred_and_eighth_blind_set_of_notes_with_their_text_reads_rows_not_lines() {
    // Case notes with their whole text: line breaks, quotes, lines pasted in
    // that look like rows, a 40,000-character note, continuation rows
    // (tests/fixtures/councils108/README.md): matched on its first run.
    check("councils108");
}

#[test]
fn a_hundred_and_ninth_blind_set_of_two_things_in_one_cell_splits_what_it_can() {
    // Two or three fields in one cell under a header naming them all
    // (tests/fixtures/councils109/README.md): split where each part names a
    // field ("A / B", "A (B)", a part repeating its field's name), and
    // completion read from statuses that say when, names with their answers
    // after commas; then a last part in brackets or not there ("28/10/2026 –
    // not agreed (Requires Improvement)"), a part repeating its name in
    // another form ("Moderated 20/10/2026: disagree") and a legal status
    // before its dates ("Legal status (from – to)"): every KPI matches.
    check("councils109");
}

#[test]
fn a_hundred_and_tenth_blind_set_of_headers_two_rows_tall_keeps_every_kpi() {
    // Group headings over short sub-headings, merged, filled across or in
    // the first cell only (tests/fixtures/councils110/README.md): a last
    // group wider than the others, "Input from" over "Child" and "Family",
    // and a legal status's code beside its description, all read.
    check("councils110");
}

#[test]
fn a_hundred_and_fourteenth_blind_set_of_several_tables_on_one_sheet_keeps_every_kpi() {
    // Cycle blocks, a moderation table or action log under or beside the
    // tracker, a report's sections with their own columns
    // (tests/fixtures/councils114/README.md): tables one above the other
    // are read top first, tables side by side each on its own, tables under
    // a report's section rows start tables of their own, and "Open actions"
    // counts as not done.
    check("councils114");
}

#[test]
fn a_hundred_and_fifteenth_blind_set_of_exports_sent_by_e_mail_keeps_every_kpi() {
    // Exports that arrived by e-mail and were saved as .eml: attachments,
    // forwards "as attachment", an encoded file name, a reminder with
    // nothing attached, the same report twice (tests/fixtures/councils115/
    // README.md): every table was lost before the e-mails were read.
    check("councils115");
}

#[test]
fn a_hundred_and_twelfth_blind_set_of_actions_set_after_the_audit_keeps_every_kpi() {
    // Actions set after the audit: by the line manager, the supervisor, the
    // Audit Team, a meeting or the moderator (tests/fixtures/councils112/
    // README.md). The moderator's actions on a Torbay moderation log, whose
    // "Completion date" is the action's by-when, are actions set on the day
    // of the moderation, and the log's moderation is still the audit's.
    check("councils112");
}

#[test]
fn a_hundred_and_seventeenth_blind_set_of_audits_across_the_page_keeps_every_kpi() {
    // Collation grids: the form's labels down a column, one audit (or one
    // child's actions, or one moderation) per column; title rows above,
    // section numbers beside the labels, no header row, a cycle not yet
    // moderated (tests/fixtures/councils117/README.md).
    check("councils117");
}

#[test]
fn a_hundred_and_eighteenth_blind_set_of_two_statuses_at_once_keeps_every_visit_kpi() {
    // Legal-status rows open together: a CIN episode across a CP plan, a CP
    // plan running on into care, two CP categories, S20 closed after the care
    // order began, an ISO beside a plan (tests/fixtures/councils118/README.md).
    // An LCS report of "Record type", "Description", "Start date", "End
    // date" was read as case notes: it is legal status.
    check("councils118");
}

#[test]
fn a_hundred_and_nineteenth_blind_set_with_the_last_audit_riding_along_keeps_every_kpi() {
    // The child's previous audit (its date, grade, moderation), the previous
    // visit, the previous legal status and actions carried forward, on the
    // same rows as this cycle's (tests/fixtures/councils119/README.md).
    // Matched as written.
    check("councils119");
}

#[test]
fn a_hundred_and_twentieth_blind_set_counts_only_the_child_s_actions() {
    // Team, whole-service and strategic actions, an audit team's learning
    // actions and areas of strength beside the child's actions
    // (tests/fixtures/councils120/README.md). Two action tables had been
    // lost to an "Action for" column, an LCS recommendations report read as
    // audits, and the others' actions counted.
    check("councils120");
}

#[test]
fn a_hundred_and_twenty_first_blind_set_of_legal_status_events_keeps_every_visit_kpi() {
    // Legal status as a log of events: status changes from / to, Start and
    // End rows, CP conference outcomes, "period of care" events, a Power BI
    // event table (tests/fixtures/councils121/README.md). Each had been read
    // as actions, case notes or nothing.
    check("councils121");
}

#[test]
fn a_hundred_and_twenty_second_blind_set_of_headers_with_their_instructions_keeps_every_kpi() {
    // Trackers whose headers carry the template's instructions: format
    // hints, option lists, markers and notes after a dash ("Date written up
    // (dd/mm/yyyy) - must be within 4 weeks of contact")
    // (tests/fixtures/councils122/README.md). Two columns had been left
    // unused: the note after the dash, and "Team Manager confirmed completed".
    check("councils122");
}

#[test]
fn a_hundred_and_twenty_third_blind_set_in_the_seeds_own_words_keeps_every_kpi() {
    // Each council's exports in its seed template's own labels and options
    // (tests/fixtures/councils123/README.md). Seed 000's "CIC" legal status
    // had been set aside, seed 003's "Team Manager confirmed completed" left
    // unused, and seed 004's moderator's "1" ("does not yet meet good") read
    // as the numeric scale's inadequate.
    check("councils123");
}

#[test]
fn a_hundred_and_twenty_fourth_blind_set_of_templates_changed_mid_year_keeps_every_kpi() {
    // Each council's folder holds two versions of its template: sheets, files
    // and reports before and after a change of questions, scale, columns and
    // systems (tests/fixtures/councils124/README.md). A revised tracker whose
    // title says its audits are due by the end of the cycle had been given
    // the end of the allocation month; an actions sheet's "Date returned"
    // (the audit's) was unused, so actions of children audited twice were not
    // linked; "Parents not contacted - views not obtained." was no answer; and
    // seed 002's "Part B - CSW acknowledgement date" lost to "Audit date".
    check("councils124");
}

#[test]
fn a_hundred_and_twenty_fifth_blind_set_on_the_line_of_every_clock_keeps_every_kpi() {
    // Every timescale at its edge: on the due date and a day after, weekend
    // and bank-holiday due dates, the period's first and last days, re-audit
    // deadlines, statutory visits at exactly 10 working days and 6 weeks,
    // notes recorded on day 28 and 29 (tests/fixtures/councils125/README.md).
    // It matched on its first run.
    check("councils125");
}

#[test]
fn a_hundred_and_twenty_sixth_blind_set_of_audits_that_did_not_happen_keeps_every_kpi() {
    // Allocations never done, and why, in each tool's words: case closed,
    // transferred, withdrawn, reallocated, swapped, a duplicate struck
    // through, carried over (tests/fixtures/councils126/README.md). Notes in
    // a comments column read as evidence, clauses after the first ("…
    // Re-audit withdrawn."), and an allocation entered twice had counted as
    // audits due and missed.
    check("councils126");
}

#[test]
fn a_hundred_and_twenty_seventh_blind_set_of_teams_written_every_way_keeps_every_kpi() {
    // The team on a staff list, in a file or tab name, as a code with a key,
    // as a "Team / Service / Directorate" path, across a restructure
    // (tests/fixtures/councils127/README.md). A team tab with one audit had
    // been read as a form, losing its audit.
    check("councils127");
}

#[test]
fn a_hundred_and_twenty_eighth_blind_set_of_several_habits_at_once_keeps_every_kpi() {
    // Three or four habits per folder (tests/fixtures/councils128/README.md):
    // labels merged down a two-row header had been lost (a whole tracker
    // rejected for want of its child id), a "QA Ref" shared by audits and
    // actions was not read as the audit's reference, "gd" was no grade, and
    // a summary line ("Good or better | 5") was read as an audit.
    check("councils128");
}

#[test]
fn a_hundred_and_twenty_ninth_blind_set_of_columns_that_almost_match_keeps_every_kpi() {
    // The real field beside columns that look like it: earlier dates and
    // grades, the team at referral and the auditor's team, the old system's
    // id, an inspection's grade (tests/fixtures/councils129/README.md). Every
    // KPI matched on the first run; "Current team" tied with "Team at
    // referral", so every audit was "(not recorded)" by team.
    check("councils129");
}

#[test]
fn a_hundred_and_thirtieth_blind_set_of_exports_that_leave_something_out_keeps_every_kpi() {
    // Each council's exports lack two or three things a KPI needs (no
    // moderation, no due-date or completion column, no seen-alone field, no
    // legal status, a visit export cut at a row limit)
    // (tests/fixtures/councils130/README.md): every KPI, numbers and "not in
    // the exports" alike, matched on the first run.
    check("councils130");
}

#[test]
fn a_hundred_and_thirty_first_blind_set_of_several_habits_at_once_keeps_every_kpi() {
    // Three or four habits per folder, fourth round
    // (tests/fixtures/councils131/README.md): seed 002's "CSW sign-off
    // (Part B)" beside an unread "Part A done" and an actions log's "Done"
    // were not read as completions (4 KPIs "not in the exports"), and a
    // moderation written "does not agree – final judgement RI" was counted
    // as agreement.
    check("councils131");
}

#[test]
fn a_hundred_and_thirty_second_blind_set_of_warehouse_extracts_keeps_its_readings() {
    // Fact and dimension tables from a council's data warehouse
    // (tests/fixtures/councils132/README.md): 25 KPIs in 4 folders differed
    // on the first run; deleted and earlier rows flagged "DELETED_FLG" /
    // "CURRENT_ROW_FLG" are now retired (4 KPIs). A star joined by surrogate
    // keys and codes explained only in a lookups workbook stay open in
    // known_limits.json, "not in the exports" where no child id or type
    // column can be read.
    check("councils132");
}

#[test]
fn a_hundred_and_thirty_fourth_blind_set_of_several_habits_at_once_keeps_every_kpi() {
    // Three or four habits per folder, fifth round
    // (tests/fixtures/councils134/README.md): a workbook per month with
    // only days in its date columns ("Completed: 18" in "Audits September
    // 2026.xlsx") had every audit KPI "not in the exports"; a "Re-audits"
    // sheet dated by "Original audit date" counted each original a second
    // time and left the original's judgement out (3 KPIs).
    check("councils134");
}

#[test]
fn a_hundred_and_thirty_third_blind_set_of_the_seeds_as_written_again_keeps_every_kpi() {
    // Five councils that follow their seed's template to the letter, with a
    // council's usual mess (tests/fixtures/councils133/README.md): 2 KPIs
    // differed on the first run. Seed 004's "Audit details sent" is the
    // allocation date; the instruction under a form's label ("Please refer
    // to separate guidance document …") is no answer. Kelderby's family
    // views stay a judgement call (known_limits.json).
    check("councils133");
}

#[test]
fn a_hundred_and_thirty_fifth_blind_set_of_audits_rebuilt_as_online_forms_keeps_every_kpi() {
    // Each seed's template rebuilt as a Microsoft Form, a Google Form or a
    // SurveyMonkey survey, sent as the tool downloads it
    // (tests/fixtures/councils135/README.md): 10 KPIs in 4 folders differed on
    // the first run. A form tool's "ID" (1, 2, 3 …) is no grade, so a
    // moderation form moderates the audits of the main form instead of
    // adding audits; "Final judgment (moderator)" is the moderator's (a
    // bracket naming the moderator is kept); an allocation list with one
    // "Audit challenged?" question is still a plan its forms join;
    // SurveyMonkey's two header rows are one header, a checkbox's columns one
    // column; seed 002's Part A and Part B, two surveys, are one audit,
    // complete on Part B's date. Quensby's parents' views stay a judgement
    // call (known_limits.json).
    check("councils135");
}

#[test]
fn a_hundred_and_thirty_sixth_blind_set_of_audits_kept_in_collaboration_tools_keeps_the_kpis_of_its_lists() {
    // Each council's audit programme kept in a collaboration tool and sent
    // as the tool downloads it (tests/fixtures/councils136/README.md). On
    // the first run the Microsoft List matched; the Airtable base matched
    // but for actions_on_time, as its action table names each action's
    // audit only by the audit's title ("5548117 – Mar 2026"): the child's id
    // is now read from it. The monday.com board exited 1 (no child id
    // column): its groups' titles and header rows, its subitems under their
    // items (read as the actions) and the child only in the item's name
    // ("Client 3062290") are now read, and it matches every KPI. The
    // Smartsheet export's row hierarchy (month, audit and action rows under
    // one header, audits read as actions) is now read as an outline, and
    // the Planner plan's tasks (audits and actions as tasks, the actions in
    // their own bucket, the child and grade in each audit task's
    // description) as a plan of buckets: every folder matches.
    check("councils136");
}

#[test]
fn a_hundred_and_forty_fifth_blind_set_of_a_folder_holding_more_than_the_period_keeps_every_kpi() {
    // Each seed's officer's folder as it builds up over a year: earlier
    // cycles' trackers, corrected re-exports ("_v2", "FINAL (2)", "v3
    // FINAL"), a stale "Copy of …", last cycle's summary workbook (a pivot,
    // a chart, a "Grades by team" tab, the pivot's "Data" tab) and a year of
    // case notes (tests/fixtures/councils145/README.md): on the first run
    // four of five folders exited 1 on the summary's "Grades by team" tab,
    // and 13 KPIs differed, most silently. The summary's counts and its
    // data tab, a copy taken of the tracker, a test account's case note and
    // a tasks report's "Task Completed" are now read. CIN visits counted as
    // statutory for seen alone are a judgement call (known_limits.json).
    check("councils145");
}

#[test]
fn a_hundred_and_forty_fourth_blind_set_of_files_saved_by_other_programs_keeps_every_kpi() {
    // Each seed's own template filled in and saved as councils' offices save
    // it: a legacy .xls, a LibreOffice .ods, a macro-enabled .xlsm, Excel's
    // UTF-16 "Unicode Text", Windows-1252 and UTF-8-with-BOM CSVs, formulas
    // with cached values (tests/fixtures/councils144/README.md): every
    // format was read, and 5 KPIs differed, all silently. A test account's
    // case notes and an audit row by "QA test (delete)" are now set aside.
    // CIN visits counted as statutory for seen alone are a judgement call
    // (known_limits.json).
    check("councils144");
}

#[test]
fn a_hundred_and_forty_third_blind_set_of_audits_kept_inside_the_case_management_system_keeps_every_kpi() {
    // Each seed's audit built as a form or workflow step inside a
    // case-management system and sent as that system's own report
    // (tests/fixtures/councils143/README.md): 33 KPIs differed on the first
    // run, most silently. Test persons of a system's test account or team
    // ("Test, Eclipse Admin", "ZZ Test Unit"), a report's "Parameters:" line
    // read into every question's name, a question's place on each form
    // ("Question no") made a column per question, two dates of the table's
    // own tying with its actions' numbered dates, and "Req Imp with elements
    // of good practice" are now read. Three audits due on Saturday 31/10
    // (as_of Friday 30/10) are left out as not yet late, and one action's
    // set date is a judgement call (known_limits.json).
    check("councils143");
}

#[test]
fn a_hundred_and_forty_second_blind_set_of_the_seeds_through_google_workspace_keeps_every_kpi() {
    // Each seed's audit programme kept in a Google Workspace tool (Forms'
    // linked sheets and CSV downloads, Sheets trackers, one in the US
    // locale, an AppSheet app) and sent as it downloads
    // (tests/fixtures/councils142/README.md): 20 KPIs differed on the first
    // run, 4 silently, and one actions workbook made the reader fail. A
    // Forms grid question ("Auditor's evaluation [1. …]"), a checkbox list
    // of whose feedback was had, AppSheet's Row ID references, a contact's
    // "Cancelled" outcome, a form of audit moderations and "Date audit
    // received" are now read. One audit due on Saturday 31/10 (as_of
    // Friday 30/10) and one only on an allocation tab are open
    // (known_limits.json).
    check("councils142");
}

#[test]
fn a_hundred_and_forty_first_blind_set_of_the_seeds_through_microsoft_365_keeps_every_kpi() {
    // Each seed's audit programme kept in a Microsoft 365 tool (a SharePoint
    // list, Microsoft Forms, Lists, an Excel Online table fed by Power
    // Automate, Planner) and sent as the tool exports it
    // (tests/fixtures/councils141/README.md): 9 KPIs differed in 5 folders on
    // the first run, 6 silently. A list's pasted "Version history" sheet, a
    // seed 003 "Exemption agreed?" read as the moderator's agreement, a
    // Planner "Test task - ignore", "two calls to mother unanswered" read as
    // spoken to, a SharePoint list's Title of audit references with its
    // actions' "Audit" lookup, and a form's "Which bi-monthly sample is this
    // audit from?" ("Sep-Oct 2026") as the audit's cycle are now read.
    check("councils141");
}

#[test]
fn a_hundred_and_fortieth_blind_set_of_the_seeds_as_written_beside_the_case_management_system_keeps_every_kpi() {
    // Each seed's own template filled in by a council, four of them beside
    // their case management system's case notes and legal status, with the
    // usual mess (tests/fixtures/councils140/README.md): 17 KPIs differed in
    // 4 folders on the first run, 3 silently. Seed 001's forms keep the
    // template's example after the overall's label ("OVERALL JUDGEMENT OF
    // THE CASE FILE: REQUIRES IMPROVEMENT") with the answer beside it: the
    // answer is read now. Seed 002's Part A and Part B as two online forms'
    // responses, told apart only by the files' names and dated by the
    // form's "Timestamp", are joined; a form export's "Step Completed" is
    // the completion where nothing else is; a form of "LCS Test Team" is a
    // test. Audits due after as_of (Saturday 31/10, as_of Friday 30/10) are
    // left out as not yet late, and now said (known_limits.json).
    check("councils140");
}

#[test]
fn a_hundred_and_thirty_ninth_blind_set_of_audits_kept_in_task_tools_keeps_every_kpi() {
    // Each council's audit programme kept in a task or project tool and
    // sent as the tool exports it (tests/fixtures/councils139/README.md):
    // 38 KPIs differed in 5 folders on the first run. Jira's sub-tasks and
    // "Custom field (…)" names and dates ("01/Jul/26 12:00 AM"), Notion's
    // dates ("July 14, 2026") and relation links, a Google Sheet kept as an
    // outline with the child in a column of its own, a test row's item name
    // and Asana's subtasks and duplicated open task are now read, and
    // Trello's lists of actions, seed 004's due rule and the Q12 grade kept
    // only as a card's label ("Q12 Meets good (green)").
    check("councils139");
}

#[test]
fn a_hundred_and_thirty_seventh_blind_set_of_the_seeds_as_written_with_a_councils_mess_keeps_every_kpi() {
    // Each seed's own template filled in by a council, with case notes and
    // legal status from its case management system and the usual mess
    // (tests/fixtures/councils137/README.md): 4 of 5 folders differed on
    // the first run, 35 KPIs, nearly all silently. Test records (a form
    // whose child is "TEST", an audit by "TEST AUDIT - DO NOT USE" of
    // 9999999, "Test Auditor" of 0000000, and those children's notes and
    // actions) are set aside; "Date to be completed by" holding the audit's
    // deadline and a form's "Audit to be completed by:" are read; an
    // action on a copied form sheet is the original's, not another.
    check("councils137");
}

#[test]
fn a_hundred_and_thirty_eighth_blind_set_of_several_habits_at_once_keeps_every_kpi() {
    // The officer's folder as it arrives, several habits at once, sixth
    // round (tests/fixtures/councils138/README.md): 4 of 5 folders differed
    // on the first run, 11 KPIs. "TEST CLIENT" and test actions are a
    // test's; "Date to be completed by" is the audit's deadline; "Details
    // sent" seed 004's allocation; "RIEGP" RI with elements of good practice.
    check("councils138");
}

#[test]
fn cases_a_strangers_review_of_the_forty_fifth_sessions_rules_found() {
    // tests/fixtures/review45: a moderator's grade filled only where the
    // moderator disagreed ("Moderator agrees?" = "No") is the moderator's,
    // not the audit's; a crosswalk row copied twice does not turn the map
    // round.
    // (Forty-sixth session: a date alone under an action's "Status" is the
    // day it was done; "Name - date" with a plain hyphen is split; a staff
    // "User ID" in a corrections log is not the record's id; a "(whole row)"
    // line left blank or "(deleted)" sets the record aside; a log of events
    // in files of two rows each is read.)
    check("review45");
}

#[test]
fn a_hundred_and_sixteenth_blind_set_of_reports_that_joined_two_tables_keeps_every_kpi() {
    // A system's report that joins each audit to its actions (the audit's
    // columns on each action row), an action list listing its audits, a
    // cross product with the people consulted, a Power BI export holding
    // the moderation beside the actions, case notes joined to every legal
    // status of the child (tests/fixtures/councils116/README.md): 34 KPIs
    // were wrong or missing before the reports were read as two tables.
    check("councils116");
}

#[test]
fn a_hundred_and_eleventh_blind_set_of_the_system_s_own_judgements_keeps_every_visit_kpi() {
    // Visit and legal-status reports carrying the case management system's
    // own compliance columns ("Days since previous visit", "Visit within
    // timescale", "RAG"), worked out by other rules
    // (tests/fixtures/councils111/README.md): matched on its first run.
    check("councils111");
}

#[test]
fn a_hundred_and_thirteenth_blind_set_of_headers_in_two_rows_keeps_every_kpi() {
    // Group headings over short sub-headings ("Auditor: Date, Grade";
    // "Moderator: Date, Grade"; a row of allowed answers under them)
    // (tests/fixtures/councils113/README.md): matched on its first run.
    check("councils113");
}

#[test]
fn a_hundredth_blind_set_of_plan_ends_that_are_not_ends_keeps_every_visit_kpi() {
    // Open ends written as words or 31/12/9999, planned and review dates
    // beside the real end, one plan split over rows
    // (tests/fixtures/councils100/README.md): matched on its first run.
    check("councils100");
}

#[test]
fn a_ninety_fifth_blind_set_of_rows_that_are_not_visits_keeps_its_readings() {
    // Continuations, second workers' notes, rescheduled visits, chronology
    // lines, other professionals' visits (tests/fixtures/councils95/README.md;
    // three readings open).
    check("councils95");
}

#[test]
fn a_hundred_and_forty_sixth_blind_set_of_the_seeds_less_used_parts_keeps_every_kpi() {
    // Each seed's own template filled in by a council, using the parts
    // earlier rounds left out: seed 000's care leaver and foster carer
    // templates and moderation actions, 001's two-row headers, 002's
    // key-information checks, 003's exemptions, form stages and inadequate
    // process, 004's moderator judging question by question
    // (tests/fixtures/councils146/README.md). On the first run 6 of 75 KPIs
    // differed, one silently ("Inadequate: re-audit due by" read as the
    // audit's due date). Now every folder matches but the foster carer file
    // audits, which auditpack reads as no child's case file audit (a
    // judgement call, in known_limits.json).
    check("councils146");
}

#[test]
fn a_hundred_and_forty_seventh_blind_set_of_values_a_spreadsheet_changed_keeps_every_kpi() {
    // Each seed's exports as they pass through Excel on the way: ids that
    // lost their leading zeros in one file, long ids in scientific
    // notation, references turned into dates, VLOOKUPs cached as #N/A or 0,
    // serial and text dates, two-digit years, a US-locale CSV, TRUE/FALSE
    // (tests/fixtures/councils147/README.md). On the first run 72 of 75
    // KPIs matched; ids in scientific notation were kept without a word, and
    // the workbooks' "Lookups" and "Lists" sheets read as undated audits.
    // Open: CIN visits counted for seen alone (a judgement call) and a
    // #N/A overall whose score a key sheet gives (known_limits.json).
    check("councils147");
}

#[test]
fn a_hundred_and_forty_eighth_blind_set_in_a_councils_own_plain_words_keeps_every_kpi() {
    // Each seed's tool relabelled in a council's house style: plain-English
    // questions for headers ("How good was the work overall?", "Done sitting
    // with the worker?", "What happened", "On"), local grade words explained
    // on a key sheet, a bare "Date" beside "Finished on", a "Moderation"
    // sheet headed "Checked by / Checked on / Checker's Q12"
    // (tests/fixtures/councils148/README.md). On the first run 51 of 75 KPIs
    // differed, in all five folders, and two runs exited 1. Open: the
    // CIN-visit judgement calls (known_limits.json).
    check("councils148");
}

#[test]
fn a_hundred_and_forty_ninth_blind_set_in_a_councils_own_words_again_keeps_every_kpi() {
    // The house style, second round: every seed label replaced by the
    // council's own words ("Must be back by", "Grade we gave", "2nd look
    // by", "Fix by", "Took place", "Keyed in", "Began", "Client"), own grade
    // words and letters with their keys, a score legend 5 = Outstanding
    // (tests/fixtures/councils149/README.md). On the first run 49 of 75
    // KPIs differed and four runs exited 1. Open: the CIN-visit judgement
    // call and three readings (known_limits.json).
    check("councils149");
}

#[test]
fn a_hundred_and_fiftieth_blind_set_in_a_councils_own_style_keeps_what_it_reads() {
    // The house style, third round: each seed's tool rebuilt in a council's
    // own style (colour keys and a RAG key line, terse abbreviations with a
    // key line of parts, long questions as headers, numbers for everything,
    // ticks and system field names; tests/fixtures/councils150/README.md).
    // On the first run 50 of 75 KPIs differed and four runs exited 1; 25
    // are still open (known_limits.json: hollinsby still refused whole),
    // and every other KPI must keep matching.
    check("councils150");
}

#[test]
fn a_hundred_and_fifty_second_blind_set_of_workbooks_nobody_designed_keeps_every_kpi() {
    // The workbook nobody designed: one tab per audit with an index, a
    // transposed summary (one column per audit), two header rows under merged
    // group titles with a title block, hand-typed dates and grades, hidden and
    // filtered rows, a hidden stale sheet and a pivot pasted beside the table
    // (tests/fixtures/councils152/README.md). On the first run 19 of 75 KPIs
    // differed, half of them silently. Open: the CIN-visit judgement call
    // (known_limits.json).
    check("councils152");
}

#[test]
fn a_hundred_and_fifty_third_set_the_winter_cycle_keeps_what_it_reads() {
    // The seeds as written over November and December (as of 31/12): bank
    // holidays of Christmas and New Year inside the working-day clocks, due
    // dates into 2027, a sample for January sent out in December, deferrals,
    // year-end dates typed every way (tests/fixtures/councils153/README.md).
    // On the first run 7 of 75 KPIs differed; open: the judgement calls on
    // deferrals, a sample sent out ahead of its cycle and CIN visits
    // (known_limits.json).
    check("councils153");
}

#[test]
fn a_hundred_and_fifty_fourth_set_of_several_habits_keeps_what_it_reads() {
    // Three or more everyday habits per council: ditto marks, key sheets and
    // files, two versions of a tracker, commentary in answer cells, questions
    // asked the other way round, earlier cycles' rows, dates as Excel changed
    // them, rows that are no audits, a system's coded case notes
    // (tests/fixtures/councils154/README.md). On the first run 13 of 75 KPIs
    // differed; open: drafts of case notes (a judgement call) and a status
    // code explained in a key file (known_limits.json).
    check("councils154");
}

#[test]
fn a_hundred_and_fifty_seventh_set_of_each_service_its_own_tool_keeps_what_it_reads() {
    // One council's services, each with its own tool, seed and scale in one
    // folder: the same child audited by two services, actions kept three
    // ways (a plan, the audit's row, a system's CSV of action steps), a
    // central moderation log over all services, the service named only in
    // the file's name or title, and a case-notes export whose title names
    // its trainer's client (tests/fixtures/councils157/README.md). On the
    // first run 15 of 75 KPIs differed; all match.
    check("councils157");
}

#[test]
fn a_hundred_and_sixtieth_set_of_the_seeds_as_written_seventh_round_keeps_what_it_reads() {
    // Each seed's own template word for word, with the parts earlier rounds
    // left out: seed 000's record-of-discussion boxes, actions grid and
    // moderation block, seed 001's "Date reviewed", seed 002's Part B in a
    // long list, seed 003's exemption and challenge routes, seed 004's
    // twelve questions (tests/fixtures/councils160/README.md). On the first
    // run 14 of 75 KPIs differed and one folder's run failed; open: seed
    // 000's Care Leaver form's due rule and a "not relevant" reason, and an
    // action not tied to one of a child's two audits (known_limits.json).
    check("councils160");
}

#[test]
fn a_hundred_and_fifty_ninth_set_of_the_audit_after_the_audit_keeps_what_it_reads() {
    // Moderation per moderator, a challenge sheet a senior manager
    // moderated (seed 003 para 22), re-audits as new rows, as columns on the
    // original row and in a log with their own deadline, an original in
    // last year's tracker (tests/fixtures/councils159/README.md). On the
    // first run 11 of 75 KPIs differed; open: moderation dated after as_of
    // (a judgement call, known_limits.json).
    check("councils159");
}

#[test]
fn a_hundred_and_fifty_eighth_set_of_several_habits_eighth_round_keeps_what_it_reads() {
    // Title blocks, two-row headers, ditto marks, mixed and US-ordered
    // dates, grades with words, superseded rows, monthly workbooks beside a
    // combined copy, coded case notes with a key, Windows-1252 and
    // semicolon CSVs, and rows that are no records: a test child, a
    // "No audit this month" remark, a row struck through
    // (tests/fixtures/councils158/README.md). On the first run 1 of 75 KPIs
    // differed (the struck-through row); all match.
    check("councils158");
}

#[test]
fn a_hundred_and_fifty_sixth_set_after_information_governance_keeps_what_it_reads() {
    // The files after a council's information-governance step: pseudonymised
    // ids, names as initials or roles, free text "[REDACTED]", columns
    // removed or emptied, dates coarsened to a month, cover sheets and
    // "OFFICIAL-SENSITIVE" rows (tests/fixtures/councils156/README.md). On
    // the first run 13 of 75 KPIs differed; open: CIN visits (a judgement
    // call, known_limits.json).
    check("councils156");
}

#[test]
fn a_hundred_and_fifty_fifth_set_of_returns_one_file_per_person_keeps_what_it_reads() {
    // What the performance officer has collected by the deadline: one form
    // per audit, one tracker per team, resubmissions ("v2", "FINAL (2)",
    // "Copy of"), templates, lock files and archives, a workbook per month
    // with rows carried over, moderation per moderator, coded case notes in
    // overlapping extracts (tests/fixtures/councils155/README.md). On the
    // first run 7 of 75 KPIs differed; open: CIN visits (a judgement call,
    // known_limits.json).
    check("councils155");
}

#[test]
fn a_hundred_and_fifty_first_set_of_workbooks_nobody_designed_keeps_what_it_reads() {
    // The same theme as set 152 from another writer, over March and April
    // (Easter inside the working-day counts): merged two-row headers, a sheet
    // per audit with an index, transposed forms, hand-typed dates and grades,
    // hidden rows and totals beside the table (tests/fixtures/councils151/
    // README.md; its writer followed the blind rules but saw the commit log's
    // subject lines). On the first run 22 of 75 KPIs differed; since the
    // fifty-ninth session every KPI must match.
    check("councils151");
}

#[test]
fn a_hundred_and_sixty_first_set_of_a_tool_changed_mid_year_keeps_what_it_reads() {
    // Each council moved its audits from one tool to another during the
    // period and sends both exports: the same audits and actions in both
    // (migrated, re-keyed ids), old and new grade wordings, an archived
    // sheet, months split across files with other encodings
    // (tests/fixtures/councils161/README.md). On the first run 34 of 75 KPIs
    // differed; since the sixty-third session the copies moved between the
    // two tools count once and seed 002's parts named by their files are
    // joined: every KPI must match.
    check("councils161");
}

#[test]
fn a_hundred_and_sixty_second_set_of_values_as_people_type_them_keeps_what_it_reads() {
    // Each seed's own shape with values typed by hand: dates, grades,
    // yes / no and ids in every form people write them, a grade key in a
    // sentence, a CP plan's type beside its legal status
    // (tests/fixtures/councils162/README.md). On the first run 7 of 75 KPIs
    // differed; open: an "x" among ticks read as not recorded
    // (known_limits.json).
    check("councils162");
}

#[test]
fn a_hundred_and_sixty_third_set_of_dates_and_times_at_the_edges_keeps_what_it_reads() {
    // Each seed's own shape with dates and times where a reader has to be
    // exact: UTC stamps across the change from summer time, Forms'
    // month-first date-times, Excel serials with a time, records on the
    // period's edges and after as_of, due dates on weekends and bank
    // holidays, gaps of exactly the timescale (tests/fixtures/councils163/
    // README.md). On the first run 5 of 75 KPIs differed; since the
    // sixty-third session a Forms audit's "Completion time" is its
    // completion where no column says; open: a due date given as a month
    // ("Oct-26") is not read (known_limits.json).
    check("councils163");
}

#[test]
fn a_hundred_and_sixty_fourth_set_of_visits_from_five_systems_keeps_what_it_reads() {
    // Each council's case-management extracts (Care Director, Eclipse,
    // CareFirst, LCS, Mosaic) beside its seed's audits: visit types each
    // system's way, seen alone in a type, a "Child Seen" column or a note's
    // title, split and overlapping extracts, sibling notes, episodes that
    // touch (tests/fixtures/councils164/README.md). On the first run 9 of
    // 75 KPIs differed; since the sixty-third session "Child seen - CP",
    // "Child Seen: Seen alone", a title's "Child seen: Alone" and CareFirst's
    // "Classification" are read; the rest are judgements METRICS leaves open
    // and earlier sets decide the other way (known_limits.json).
    check("councils164");
}

#[test]
fn a_hundred_and_sixty_fifth_set_of_every_field_of_each_template_keeps_what_it_reads() {
    // Each seed's templates filled field by field as auditors under time
    // pressure fill them: instruction text left in, extra words after an
    // answer, a sibling's section repeated, the tools' own extra sheets and
    // footers (tests/fixtures/councils165/README.md). On the first run 14 of
    // 75 KPIs differed; since the sixty-fourth session a why-not reason "Not
    // relevant …" or "Not appropriate – <age>" is not applicable, "None – no
    // further actions required" is no action, a "T2-TEST" row is a test, a
    // completion before the allocation gives way to the other completion
    // column, seed 003's "TM confirmation of completion" and "Consultation
    // with allocated worker" are read; the foster carer's file audit stays a
    // judgement call (known_limits.json).
    check("councils165");
}

#[test]
fn a_hundred_and_sixty_sixth_set_of_a_bigger_council_keeps_what_it_reads() {
    // Larger councils with several habits at once: previous and next cycles
    // in the same files, a team's second file with its own header names, a
    // renamed team, action logs linked by references typed differently,
    // overlapping note extracts, last cycle's typed summary sheet
    // (tests/fixtures/councils166/README.md). On the first run 8 of 75 KPIs
    // differed; since the sixty-fourth session a sample sent ahead of its
    // cycle is due at the end of the cycle it names, and seed 000's care
    // leaver "Additional information provided by the young person" box is
    // the discussion with the young person, a "Comments" column beside
    // "Reviewed on" is the actions' status, "No longer required" and
    // "Superseded" close an action, and "310" links to "AUD-0310": all 75
    // KPIs match.
    check("councils166");
}

#[test]
fn a_hundred_and_sixty_seventh_set_run_before_its_period_ends_keeps_what_it_reads() {
    // The seeds over May and June 2026, run early (as of Friday 19 June):
    // audits and actions due after as_of, a moderation after it, visits
    // booked ahead (tests/fixtures/councils167/README.md). On the first run
    // 6 of 75 KPIs differed, all of them notes dated after as_of; since the
    // sixty-fifth session those are left out of seen_alone_recorded and
    // notes_recorded_in_time, and said: all 75 KPIs match.
    check("councils167");
}

#[test]
fn a_hundred_and_sixty_eighth_set_from_survey_and_project_tools_keeps_what_it_reads() {
    // Each seed kept in a general-purpose tool and sent as it exports:
    // SurveyMonkey's two header rows, a Smartsheet with parent rows, Airtable
    // grid views with a multi-select grade, Jotform's two parts, Power BI's
    // "Table[Column]" names (tests/fixtures/councils168/README.md). On the
    // first run 16 of 75 KPIs differed (a whole council's read as a pivot
    // table); since the sixty-fifth session all 75 match.
    check("councils168");
}

#[test]
fn a_hundred_and_sixty_ninth_set_of_files_saved_by_other_software_keeps_what_it_reads() {
    // Each seed's files as software set up elsewhere saves them: `;` CSVs
    // with decimal commas and dd.mm.yyyy, Excel's UTF-16 "Unicode Text", a
    // US SaaS form's MM/DD/YYYY with AM/PM, trailing delimiters and headers
    // broken over lines, text dates beside real ones, an .xls
    // (tests/fixtures/councils169/README.md). On the first run 5 of 75 KPIs
    // differed, one council's, whose form's "Submitted On" and "Part B
    // Submitted On" tied as the completion; since the sixty-fifth session
    // Part B's own time wins: all 75 KPIs match.
    check("councils169");
}

#[test]
fn a_hundred_and_seventieth_set_after_a_restructure_keeps_what_it_reads() {
    // Teams renamed, merged and split mid-period, codes with an incomplete
    // lookup, reallocated audits, a second tracker for the new structure
    // with September's rows copied across (tests/fixtures/councils170/
    // README.md). On the first run 3 of 75 KPIs differed, all in one
    // folder (the two trackers' copies of one audit); since the sixty-fifth
    // session a tracker named "NEW" is the later of two named alike: all 75
    // match, with one team split a judgement call in `known_limits.json`.
    check("councils170");
}

#[test]
fn a_hundred_and_seventy_first_set_reported_by_the_quarter_keeps_what_it_reads() {
    // Each seed's council reporting July to September as one quarter (run
    // with --from and --to, as of 30/09): monthly files with drifting
    // headers, typed summary tabs, June's rows in July's file, answer lines
    // split by month (tests/fixtures/councils171/README.md). On the first
    // run 8 of 75 KPIs differed; since the sixty-sixth session (an
    // outstanding list's "Not returned – chased", a later extract's form
    // taking the earlier one's answers, a CP category beside each row's
    // status, an age as the reason) all 75 match.
    check("councils171");
}

#[test]
fn a_hundred_and_seventy_second_set_of_themed_dip_samples_keeps_what_it_reads() {
    // Each seed's cycle as a themed audit (neglect, exploitation, disabled
    // children, pre-birth, care leavers) with themed questions beside the
    // seed's own, joint audits, a family feedback sheet and typed theme
    // counts (tests/fixtures/councils172/README.md). Two councils' files are
    // named for a thematic audit or dip sample, which auditpack skips with a
    // warning (blind set 31's judgement); their configs pin them, as the
    // warning says. Two judgement calls in `known_limits.json`.
    check("councils172");
}

#[test]
fn a_hundred_and_seventy_third_set_found_after_a_handover_keeps_what_it_reads() {
    // A folder as the last officer left it: copies of copies, DO NOT USE,
    // FINAL and FINAL v2, lock files, Thumbs.db, __MACOSX, an Old folder of
    // last year's, a zip beside its CSV, handover notes, rows noted
    // "duplicate - ignore" and "moved to next cycle" (tests/fixtures/
    // councils173/README.md). On the first run 7 of 75 KPIs differed; since
    // the sixty-sixth session one is a judgement call in `known_limits.json`.
    check("councils173");
}

#[test]
fn a_hundred_and_seventy_fourth_set_of_small_councils_keeps_what_it_reads() {
    // Five small councils, 3 to 7 audits each, with empty denominators: no
    // actions, no moderation yet, every audit late, babies not spoken to
    // (tests/fixtures/councils174/README.md). On the first run 6 of 75 KPIs
    // differed (seed 002's Part B dated in the column after its words; the
    // babies); since the sixty-sixth session all 75 match.
    check("councils174");
}

#[test]
fn a_hundred_and_seventy_fifth_set_with_each_teams_own_copy_keeps_what_it_reads() {
    // Beside each council's tracker, team managers' copies of their rows:
    // later updates, an early download never updated, columns reordered and
    // renamed, "TM comments" and "RAG", a team's regrade after moderation,
    // actions kept per team (tests/fixtures/councils175/README.md). On the
    // first run 11 of 75 KPIs differed; since the sixty-sixth session (the
    // tracker's record used, the copy filling its blanks) all 75 match.
    check("councils175");
}

#[test]
fn a_hundred_and_seventy_sixth_set_rerunning_last_cycle_keeps_what_it_reads() {
    // The July–August pack re-issued from exports of 31 October, as of
    // Monday 31 August (tests/fixtures/councils176/README.md): records after
    // as_of of every kind, a team renamed later, episodes starting later. On
    // the first run 3 of 75 KPIs differed (a visit "not achieved" by its
    // type, a trainer's "TESTCLIENT"); since the sixty-sixth session all 75
    // match.
    check("councils176");
}

#[test]
fn a_hundred_and_seventy_seventh_to_eighty_second_sets_names_new_year_dashboards_scores_and_split_notes() {
    // Six sets written blind from the seeds in the sixty-seventh session
    // (tests/fixtures/councils177/ to councils182/README.md): files named by
    // nobody, December to January across the bank holidays, workbooks with
    // their own dashboards, grades as scores or codes, case notes split many
    // ways, several habits at once. 26 of 450 KPIs differed on the first
    // run; the open ones and the judgement calls are in each set's
    // known_limits.json.
    for set in ["councils177", "councils178", "councils179", "councils180", "councils181", "councils182"] {
        check(set);
    }
}

#[test]
fn a_hundred_and_eighty_third_to_sixth_sets_seeds_keys_moderation_logs_and_action_tools() {
    // Four more sets of the sixty-seventh session (tests/fixtures/councils183/
    // to councils186/README.md): the seeds as written, grade keys and codes,
    // moderation and re-audits kept apart, actions in their own tools. 36 of
    // 300 KPIs differed on the first run; 9 mended the same session; the
    // other 27 are in each set's known_limits.json (open, or judgement calls).
    for set in ["councils183", "councils184", "councils185", "councils186"] {
        check(set);
    }
}

#[test]
fn a_hundred_and_eighty_seventh_to_ninetieth_sets_habits_seeds_board_dates_and_report_servers() {
    // The sixty-eighth session's sets (tests/fixtures/councils187/ to
    // councils190/README.md): several habits at once, the seeds as written,
    // a board date rather than a calendar period, reports printed from a
    // report server. 27 of 300 KPIs differed on the first run; 23 mended the
    // same session; the other 4 are in each set's known_limits.json (open,
    // or a judgement call).
    for set in ["councils187", "councils188", "councils189", "councils190"] {
        check(set);
    }
}

#[test]
fn a_hundred_and_ninety_first_to_third_sets_seeds_printed_case_note_reports_and_habits() {
    // Three more sets of the sixty-eighth session (tests/fixtures/councils191/
    // to councils193/README.md): the seeds as written (May–June), case notes
    // and legal status as printed reports, several habits at once. 21 of 225
    // KPIs differed on the first run; 16 mended the same session; the other
    // 5 are open in each set's known_limits.json.
    for set in ["councils191", "councils192", "councils193"] {
        check(set);
    }
}

#[test]
fn a_hundred_and_ninety_fourth_to_seventh_sets_seeds_marked_options_dates_elsewhere_and_habits() {
    // Four sets of the sixty-ninth session (tests/fixtures/councils194/ to
    // councils197/README.md): the seeds as written (July–August), options
    // marked rather than typed, the dates kept somewhere else, several habits
    // at once across the new year. 48 of 300 KPIs differed on the first run;
    // 40 mended the same session; the other 8 (one a judgement call) are in
    // each set's known_limits.json.
    for set in ["councils194", "councils195", "councils196", "councils197"] {
        check(set);
    }
}

#[test]
fn a_hundred_and_ninety_eighth_to_two_hundred_and_second_sets_seeds_habits_manager_copies_own_words_and_gaps() {
    // Five sets of the seventieth session (tests/fixtures/councils198/ to
    // councils202/README.md): the seeds as written (September–October),
    // several habits at once across Easter and the year end, the service
    // manager's copy (filters, hidden and grouped rows, their own columns),
    // the grade in the council's own words, what the export leaves out. 22
    // of 375 KPIs differed on the first run; 18 mended the same session; the
    // other 4 (two a judgement call) are in set 201's known_limits.json.
    for set in ["councils198", "councils199", "councils200", "councils201", "councils202"] {
        check(set);
    }
}

#[test]
fn two_hundred_and_third_and_fourth_sets_the_christmas_cycle_and_one_council_many_hands() {
    // Two sets of the seventy-first session (tests/fixtures/councils203/ and
    // councils204/README.md): the seeds as written over the Christmas cycle
    // (November–December, bank holidays 25 and 28 December and 1 January in
    // the working-day deadlines, dates typed "31/12/26"), and one table
    // exported by several people (split by month and team, headers worded
    // otherwise, Windows-1252, semicolons, a cover sheet, rows repeated in
    // another file). 16 of 150 KPIs differed on the first run; all mended.
    for set in ["councils203", "councils204"] {
        check(set);
    }
}

#[test]
fn two_hundred_and_fifth_and_sixth_sets_case_notes_as_systems_export_them_and_actions_and_moderation_logs() {
    // Two more sets of the seventy-first session (tests/fixtures/councils205/
    // and councils206/README.md): case notes and legal status as five
    // systems export them (entry timestamps, ids with and without a leading
    // zero, co-workers' notes of one visit, open ends as 31/12/9999), and
    // actions and moderation kept in logs of their own (statuses, timescales,
    // moderation logs naming the audit by child and date, challenge logs).
    // 25 of 150 KPIs differed on the first run; 17 mended the same session
    // (all of set 206, and a visit that "did not take place" closing a CP
    // gap in set 205); set 205's other 8 are in its known_limits.json (6
    // open, 2 a judgement call).
    for set in ["councils205", "councils206"] {
        check(set);
    }
}
