//! Word documents that stay editable: real heading styles, bulleted lists and tables.

use alongside_core::{CoreError, CoreResult};
use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, SpecialIndentType, Start, Style, StyleType,
    Table as DocxTable, TableCell, TableRow, WidthType,
};

use crate::document::{Block, Document, Table};

const BULLETS: usize = 1;

/// The document as a .docx file.
pub fn render(doc: &Document) -> CoreResult<Vec<u8>> {
    let mut docx = styles(Docx::new())
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    docx = part(docx, doc);
    if let Some(second) = &doc.second {
        docx = docx.add_paragraph(
            Paragraph::new().add_run(Run::new().add_break(docx_rs::BreakType::Page)),
        );
        docx = part(docx, second);
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(|e| {
        CoreError::Internal(format!("The Word document could not be written: {e}."))
    })?;
    Ok(bytes.into_inner())
}

/// One language's report.
fn part(mut docx: Docx, doc: &Document) -> Docx {
    docx = docx
        .add_paragraph(styled("Title", &doc.title))
        .add_paragraph(styled("Subtitle", &doc.subtitle))
        .add_paragraph(plain(&doc.prepared));
    for note in &doc.notes {
        docx = docx.add_paragraph(bullet(note));
    }
    for block in &doc.blocks {
        docx = match block {
            Block::Heading { level, text } => {
                docx.add_paragraph(styled(&format!("Heading{}", (*level).clamp(1, 3)), text))
            }
            Block::Paragraph { text } => docx.add_paragraph(plain(text)),
            Block::Facts { items } => items.iter().fold(docx, |d, f| {
                d.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(format!("{}: ", f.label)).bold())
                        .add_run(Run::new().add_text(&f.value)),
                )
            }),
            Block::List { items } => items.iter().fold(docx, |d, i| d.add_paragraph(bullet(i))),
            Block::Table(t) => docx
                .add_paragraph(styled("Caption", &t.caption))
                .add_table(table(t)),
        };
    }
    docx
}

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(size)
            .bold()
            .outline_lvl(level)
    };
    docx.add_style(heading("Title", "Title", 40, 0))
        .add_style(heading("Subtitle", "Subtitle", 26, 9).outline_lvl(9))
        .add_style(heading("Heading1", "heading 1", 32, 0))
        .add_style(heading("Heading2", "heading 2", 26, 1))
        .add_style(heading("Heading3", "heading 3", 24, 2))
        .add_style(heading("Caption", "caption", 22, 9))
}

fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text))
        .style(style)
}

fn plain(text: &str) -> Paragraph {
    let mut run = Run::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    Paragraph::new().add_run(run)
}

fn bullet(text: &str) -> Paragraph {
    plain(text).numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
}

fn table(t: &Table) -> DocxTable {
    let cell = |text: &str, numeric: bool, bold: bool| {
        let mut run = Run::new().add_text(text);
        if bold {
            run = run.bold();
        }
        let mut p = Paragraph::new().add_run(run);
        if numeric {
            p = p.align(AlignmentType::Right);
        }
        TableCell::new().add_paragraph(p)
    };
    let numeric = |i: usize| t.columns.get(i).is_some_and(|c| c.numeric);
    let mut rows = vec![TableRow::new(
        t.columns
            .iter()
            .map(|c| cell(&c.title, c.numeric, true))
            .collect(),
    )];
    for row in &t.rows {
        rows.push(TableRow::new(
            row.iter()
                .enumerate()
                .map(|(i, c)| cell(c, numeric(i), false))
                .collect(),
        ));
    }
    if let Some(total) = &t.total {
        rows.push(TableRow::new(
            total
                .iter()
                .enumerate()
                .map(|(i, c)| cell(c, numeric(i), true))
                .collect(),
        ));
    }
    DocxTable::new(rows)
        .set_grid(grid(t))
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// The width of the text on an A4 page with docx-rs's default margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11_906 - 2 * 1_701;

/// Column widths for the table's grid (`w:tblGrid`), shared out by the longest text in each
/// column. Word copes with an empty grid; other readers (pandoc, LibreOffice's importers, screen
/// readers' converters) drop or squash a table without one.
fn grid(t: &Table) -> Vec<usize> {
    let longest = |i: usize| {
        let title = t.columns.get(i).map_or(0, |c| c.title.chars().count());
        let cells = t
            .rows
            .iter()
            .chain(t.total.iter())
            .filter_map(|r| r.get(i))
            .map(|c| c.chars().count());
        cells.chain([title]).max().unwrap_or(0).clamp(4, 40)
    };
    let weights: Vec<usize> = (0..t.columns.len()).map(longest).collect();
    let sum: usize = weights.iter().sum::<usize>().max(1);
    weights.iter().map(|w| TEXT_WIDTH * w / sum).collect()
}
