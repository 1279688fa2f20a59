//! CSV rows that open safely in a spreadsheet: a cell that starts like a formula is neutralised.

use alongside_core::{CoreError, CoreResult};

use crate::document::Table;

/// The table's header and rows as CSV (UTF-8 with a byte-order mark so spreadsheets read £).
pub fn render(table: &Table) -> CoreResult<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    let write_err =
        |e: csv::Error| CoreError::Internal(format!("The CSV could not be written: {e}."));
    writer
        .write_record(table.columns.iter().map(|c| safe_cell(&c.title)))
        .map_err(write_err)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(|c| safe_cell(c)))
            .map_err(write_err)?;
    }
    writer
        .into_inner()
        .map_err(|e| CoreError::Internal(format!("The CSV could not be written: {e}.")))
}

/// A cell a spreadsheet will show as text: one starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading apostrophe, so it can never run as a formula.
pub fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::safe_cell;

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\r=x"] {
            assert!(safe_cell(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(safe_cell("12.50"), "12.50");
        assert_eq!(safe_cell("a=b"), "a=b");
    }
}
