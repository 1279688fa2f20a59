//! A self-contained HTML page: semantic headings, captioned tables with header cells, and CSS
//! for screen and print. Every piece of record text is escaped.

use html_escape::encode_text as esc;

use crate::document::{Block, Document, Table};

const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: 'Liberation Sans', Arial, sans-serif; line-height: 1.5; color: #1a1a1a;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 1px solid #888; }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; }
.subtitle { font-size: 1.1rem; margin-top: 0; }
.prepared, .notes { color: #444; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid #999; padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #eee; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: bold; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
";

/// The document as one HTML file (a bilingual report's second language in a part of its own,
/// marked with its language).
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        doc.lang.tag()
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(&doc.full_title())
    ));
    part(doc, &mut out);
    if let Some(second) = &doc.second {
        out.push_str(&format!("<hr>\n<div lang=\"{}\">\n", second.lang.tag()));
        part(second, &mut out);
        out.push_str("</div>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// One language's report.
fn part(doc: &Document, out: &mut String) {
    out.push_str(&format!("<h1>{}</h1>\n", esc(&doc.title)));
    out.push_str(&format!(
        "<p class=\"subtitle\">{}</p>\n",
        esc(&doc.subtitle)
    ));
    out.push_str(&format!(
        "<p class=\"prepared\">{}</p>\n",
        esc(&doc.prepared)
    ));
    if !doc.notes.is_empty() {
        out.push_str("<ul class=\"notes\">\n");
        for n in &doc.notes {
            out.push_str(&format!("<li>{}</li>\n", esc(n)));
        }
        out.push_str("</ul>\n");
    }
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let h = (*level).clamp(1, 4) + 1;
                out.push_str(&format!("<h{h}>{}</h{h}>\n", esc(text)));
            }
            Block::Paragraph { text } => {
                let lines: Vec<String> = text.lines().map(|l| esc(l).into_owned()).collect();
                out.push_str(&format!("<p>{}</p>\n", lines.join("<br>")));
            }
            Block::Facts { items } => {
                out.push_str("<dl>\n");
                for f in items {
                    out.push_str(&format!(
                        "<dt>{}</dt><dd>{}</dd>\n",
                        esc(&f.label),
                        esc(&f.value)
                    ));
                }
                out.push_str("</dl>\n");
            }
            Block::List { items } => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", esc(i)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(t) => table(t, out),
        }
    }
}

fn table(t: &Table, out: &mut String) {
    let class = |i: usize| {
        if t.columns.get(i).is_some_and(|c| c.numeric) {
            " class=\"num\""
        } else {
            ""
        }
    };
    out.push_str(&format!(
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        esc(&t.caption)
    ));
    for (i, c) in t.columns.iter().enumerate() {
        out.push_str(&format!(
            "<th scope=\"col\"{}>{}</th>",
            class(i),
            esc(&c.title)
        ));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", class(i), esc(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n");
    if let Some(total) = &t.total {
        out.push_str("<tfoot><tr>");
        for (i, cell) in total.iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", class(i), esc(cell)));
        }
        out.push_str("</tr></tfoot>\n");
    }
    out.push_str("</table>\n");
}
