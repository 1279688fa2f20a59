//! Markdown: headings, lists, facts and pipe tables, with every piece of record text escaped.

use crate::document::{Block, Document, Table};

/// The document as Markdown (a bilingual report's second language after a rule).
pub fn render(doc: &Document) -> String {
    let mut out = part(doc);
    if let Some(second) = &doc.second {
        out.push_str("---\n\n");
        out.push_str(&part(second));
    }
    out
}

/// One language's report.
fn part(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", escape(&doc.title)));
    out.push_str(&format!("**{}**\n\n", escape(&doc.subtitle)));
    out.push_str(&format!("_{}_\n\n", escape(&doc.prepared)));
    for note in &doc.notes {
        out.push_str(&format!("> {}\n", escape(note)));
    }
    if !doc.notes.is_empty() {
        out.push('\n');
    }
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 4)) + 1);
                out.push_str(&format!("{hashes} {}\n\n", escape(text)));
            }
            Block::Paragraph { text } => {
                let lines: Vec<String> = text.lines().map(escape).collect();
                out.push_str(&lines.join("  \n"));
                out.push_str("\n\n");
            }
            Block::Facts { items } => {
                for f in items {
                    out.push_str(&format!(
                        "- **{}:** {}\n",
                        escape(&f.label),
                        one_line(&f.value)
                    ));
                }
                out.push('\n');
            }
            Block::List { items } => {
                for item in items {
                    out.push_str(&format!("- {}\n", one_line(item)));
                }
                out.push('\n');
            }
            Block::Table(t) => table(t, &mut out),
        }
    }
    out
}

fn table(t: &Table, out: &mut String) {
    out.push_str(&format!("**{}**\n\n", escape(&t.caption)));
    let header: Vec<String> = t.columns.iter().map(|c| one_line(&c.title)).collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    let rule: Vec<&str> = t
        .columns
        .iter()
        .map(|c| if c.numeric { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| one_line(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if let Some(total) = &t.total {
        let cells: Vec<String> = total
            .iter()
            .map(|c| {
                if c.is_empty() {
                    String::new()
                } else {
                    format!("**{}**", one_line(c))
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

/// Escapes text on one line (newlines become spaces), for list items and table cells.
fn one_line(text: &str) -> String {
    escape(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Backslash-escapes the characters Markdown would read as formatting, links or HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, ch) in text.chars().enumerate() {
        let at_start = i == 0;
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' | '&' => {
                out.push('\\');
                out.push(ch);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    if let Some(dot) = out.find(". ") {
        if dot > 0
            && out
                .get(..dot)
                .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()))
        {
            out.insert(dot, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn formatting_characters_are_escaped() {
        assert_eq!(
            escape("*bold* <b>x</b> [a](b)"),
            "\\*bold\\* \\<b\\>x\\</b\\> \\[a\\](b)"
        );
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("12. point"), "12\\. point");
        assert_eq!(escape("£12.50 for 3 hours"), "£12.50 for 3 hours");
    }
}
