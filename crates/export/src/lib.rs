//! Alongside's reports (involvement summaries, statements, GRIPP2 and more).
//!
//! Heavy rendering dependencies (Typst, DOCX) live in this crate only, so the app's core and the
//! command line stay light. The report model arrives with the export work.

/// The export formats the product promises, in the order the UI offers them.
pub const FORMATS: [&str; 6] = ["pdf", "docx", "md", "html", "csv", "json"];

#[cfg(test)]
mod tests {
    #[test]
    fn formats_are_unique() {
        let mut f = super::FORMATS.to_vec();
        f.sort_unstable();
        f.dedup();
        assert_eq!(f.len(), super::FORMATS.len());
    }
}
