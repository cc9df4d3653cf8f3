//! Workbooks (.xlsx .xlsm .xls .ods) through calamine.

use super::{display_path, Cell, IngestError, SourceRow, Table};
use calamine::{open_workbook, Data, Ods, Reader, Sheets, Xls, Xlsx};
use std::io::Read;
use std::path::Path;

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn open(path: &Path, ext: &str) -> Result<Vec<Table>, IngestError> {
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)).map_err(|e| IngestError::new(path, format!("cannot be read: {e}")))?;
    if n == 0 {
        return Err(IngestError::new(path, "the file is empty"));
    }
    if ext != "xls" && n == 8 && head == CFB_MAGIC {
        return Err(IngestError::new(path, "the workbook is password-protected (encrypted). Save a copy without a password and run again"));
    }
    let not_a_workbook =
        |e: String| IngestError::new(path, format!("is not a readable {ext} workbook ({e}). Is it password-protected, or another kind of file renamed?"));
    let mut book: Sheets<_> = match ext {
        "xls" => Sheets::Xls(open_workbook::<Xls<_>, _>(path).map_err(|e| not_a_workbook(e.to_string()))?),
        "ods" => Sheets::Ods(open_workbook::<Ods<_>, _>(path).map_err(|e| not_a_workbook(e.to_string()))?),
        _ => Sheets::Xlsx(open_workbook::<Xlsx<_>, _>(path).map_err(|e| not_a_workbook(e.to_string()))?),
    };
    let file = display_path(path);
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| IngestError {
            file: file.clone(),
            sheet: Some(name.clone()),
            message: format!("the sheet cannot be read: {e}"),
        })?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let rows: Vec<SourceRow> = range
            .rows()
            .enumerate()
            .map(|(i, r)| {
                // Pad on the left so column positions match the sheet (A = 0).
                let mut cells = vec![Cell::Empty; col0 as usize];
                cells.extend(r.iter().map(convert));
                SourceRow { row: row0 + i as u32 + 1, cells }
            })
            .collect();
        if rows.iter().all(SourceRow::is_blank) {
            continue;
        }
        tables.push(Table { file: file.clone(), sheet: Some(name), text_format: None, rows: Box::new(rows.into_iter().map(Ok)) });
    }
    Ok(tables)
}

/// Every calamine cell kind, matched explicitly.
fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(ndt) if dt.is_datetime() => Cell::Date(ndt.date()),
            _ => Cell::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => super::parse_date(s).map(Cell::Date).unwrap_or_else(|| Cell::text(s)),
        Data::DurationIso(s) => Cell::text(s),
        Data::Error(e) => Cell::Error(format!("#{e:?}")),
    }
}
