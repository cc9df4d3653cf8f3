//! One-audit-per-workbook forms in the seed 001 (Tier 2) layout, with blocks
//! the template does not have: a filled-in moderation section and a local
//! reference block. Every answer the model has a field for is read; the
//! template's placeholders are not answers.

use crate::{auditpack, scratch, stderr};
use std::collections::HashMap;
use std::path::Path;

/// Writes a form: `cells` are (row, col, text) from the top-left, 0-based.
fn form(path: &Path, cells: &[(u32, u16, &str)]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Audit").unwrap();
    for (r, c, t) in cells {
        ws.write_string(*r, *c, *t).unwrap();
    }
    wb.save(path).unwrap();
}

fn rows(path: &Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records().map(|rec| headers.iter().zip(rec.unwrap().iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()).collect()
}

const TEMPLATE: &[(u32, u16, &str)] = &[
    (0, 0, "Tier 2 (Full) Case File Audit Toolkit (CLA and Leaving Care)"),
    (2, 0, "Date:"),
    (2, 1, "14/09/2026"),
    (2, 2, "Auditor (name):"),
    (2, 3, "Wren Ashdown"),
    (3, 0, "Case ID:"),
    (3, 1, "C150777"),
    (3, 2, "District the child belongs to:"),
    (3, 3, "Children in Care"),
    (4, 0, "Case type:"),
    (4, 1, "Choose an item."),
    (4, 2, "Legal status:"),
    (4, 3, "Care Order (S31)"),
    (6, 0, "Detail"),
    (6, 1, "Select an Item"),
    (6, 2, "Comments / Evidence"),
    (7, 0, "Section 2: Assessment"),
    (8, 0, "Summary – what is your overall judgement in respect of the assessment?"),
    (8, 1, "Good"),
    (8, 2, "Click here to enter text."),
    (9, 0, "Section 5: Monitoring and management oversight"),
    (10, 0, "Summary – what is your overall judgement in respect of management oversight and decision making?"),
    (10, 1, "Requires Improvement"),
    (12, 0, "OVERALL JUDGEMENT OF THE CASE FILE:"),
    (12, 1, "Good"),
];

#[test]
fn a_form_with_moderation_and_reference_blocks_is_read_whole() {
    let dir = scratch("form-extra-blocks");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut cells = TEMPLATE.to_vec();
    cells.extend_from_slice(&[
        // A local reference block the template does not have.
        (14, 0, "Local reference"),
        (15, 0, "Audit reference:"),
        (15, 1, "T2-2026-031"),
        (16, 0, "Audit due date:"),
        (16, 1, "30/09/2026"),
        // A filled-in moderation block.
        (18, 0, "MODERATION AUDIT:"),
        (19, 0, "Date of moderation audit:"),
        (19, 1, "02/10/2026"),
        (20, 0, "Name of moderator:"),
        (20, 1, "Ilse Brannock"),
        (21, 0, "Do you Agree with the Auditor?"),
        (21, 1, "No"),
        (22, 0, "Grade:"),
        (22, 1, "Requires Improvement"),
        // The actions grid.
        (24, 0, "Action"),
        (24, 1, "Who?"),
        (24, 2, "Date to be completed by?"),
        (24, 3, "Date reviewed"),
        (24, 4, "Completed/Comments"),
        (25, 0, "Update the chronology within 10 working days."),
        (25, 1, "Tam Oduya"),
        (25, 2, "28/09/2026"),
        (25, 3, "25/09/2026"),
        (25, 4, "Completed"),
        (26, 0, "Hold a review of the placement plan."),
        (26, 1, "Tam Oduya"),
        (26, 2, "Click here to enter a date."),
        (26, 4, "Ongoing - booked for November"),
    ]);
    form(&input.join("Tier2 audit C150777.xlsx"), &cells);
    let out = dir.join("out");
    let o = auditpack(&dir, &["run", "-q", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--period", "2026-09", "--as-of", "2026-10-31"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let audits = rows(&out.join("normalised/audits.csv"));
    assert_eq!(audits.len(), 1, "the form is one audit");
    let a = &audits[0];
    assert_eq!(a["child_id"], "C150777");
    assert_eq!(a["audit_id"], "T2-2026-031");
    assert_eq!(a["completed_date"], "2026-09-14");
    assert_eq!(a["due_date"], "2026-09-30", "the due date written on the form, not a rule");
    assert_eq!(a["overall_source_label"], "Good", "the auditor's overall, not the moderator's grade");
    assert_eq!(a["case_type"], "", "a placeholder is not an answer");
    assert_eq!((a["moderated"].as_str(), a["moderator_agrees"].as_str()), ("yes", "no"));
    assert_eq!(a["moderated_source_label"], "Requires Improvement");
    assert_eq!(a["moderation_date"], "2026-10-02");
    let actions = rows(&out.join("normalised/actions.csv"));
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0]["completed_date"], "2026-09-25", "'Completed' dates the action by its review");
    assert_eq!(actions[1]["completed_date"], "", "'Ongoing' is not done");
    assert_eq!(actions[1]["due_date"], "", "a placeholder date is no due date");
}

#[test]
fn the_template_form_alone_is_still_a_form() {
    let dir = scratch("form-plain");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    form(&input.join("audit.xlsx"), TEMPLATE);
    let o = auditpack(&dir, &["validate", input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(crate::stdout(&o).contains("read as a form"), "{}", crate::stdout(&o));
}
