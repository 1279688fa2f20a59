//! Excel workbooks (`.xlsx`), read by calamine as the CSV import reads a spreadsheet: the first
//! worksheet's rows, its first row the headers. Excel keeps days as numbers; they are written
//! as `YYYY-MM-DD` so the import reads them as days, whatever the cell's display format.

use calamine::{Data, Reader, Xlsx};

use super::csv_import::MAX_ROWS;
use super::MAX_IMPORT_BYTES;
use crate::error::{CoreError, CoreResult};

fn unreadable() -> CoreError {
    CoreError::invalid(
        "file",
        "This file could not be read as an Excel workbook (.xlsx). Open it in Excel or \
         LibreOffice and save it again, or save it as CSV.",
    )
}

/// One cell as the CSV import would see it typed.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Whole numbers without ".0"; others as Excel holds them (37.5, 12.4).
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(true) => "yes".into(),
        Data::Bool(false) => "no".into(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The workbook's first sheet as CSV bytes (UTF-8, comma-separated, quoted where needed).
pub fn to_csv(bytes: &[u8]) -> CoreResult<Vec<u8>> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(CoreError::invalid(
            "file",
            "The file is too large to import (over 256 MB).",
        ));
    }
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| unreadable())?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| CoreError::invalid("file", "This workbook has no worksheets."))?
        .map_err(|_| unreadable())?;
    if range.height() > MAX_ROWS + 1 {
        return Err(CoreError::invalid(
            "file",
            format!(
                "The first sheet has more than {MAX_ROWS} rows; split it and import each part."
            ),
        ));
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        out.write_record(row.iter().map(text))
            .map_err(|e| CoreError::Internal(format!("a sheet row could not be copied: {e}")))?;
    }
    out.into_inner()
        .map_err(|e| CoreError::Internal(format!("a sheet could not be copied: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_typed() {
        assert_eq!(text(&Data::Float(90.0)), "90");
        assert_eq!(text(&Data::Float(37.5)), "37.5");
        assert_eq!(text(&Data::Bool(true)), "yes");
        assert_eq!(text(&Data::Empty), "");
    }

    #[test]
    fn not_a_workbook_is_refused_in_a_sentence() {
        let err = to_csv(b"date,project\n2026-01-01,x\n").unwrap_err();
        assert!(err
            .to_string()
            .contains("could not be read as an Excel workbook"));
    }
}
