//! The report model every format is written from: a title and a list of plain blocks. Text here
//! is always plain text; each renderer escapes it for its format.

use alongside_core::words::{self, Language};
use serde::{Deserialize, Serialize};
use specta::Type;

/// A finished report, ready to be written in any format.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Document {
    /// The report's title.
    pub title: String,
    /// What it covers ("1 April 2025 to 31 March 2026 · 2 projects").
    pub subtitle: String,
    /// When and how it was made.
    pub prepared: String,
    /// What was left out or changed (private reflections, names, money).
    pub notes: Vec<String>,
    /// The content, in order.
    pub blocks: Vec<Block>,
    /// The language it is written in (the page's, the PDF's and the Word file's language).
    #[serde(default)]
    pub lang: Language,
    /// The page footer's words, with `{page}` and `{pages}` to fill ("Page {page} of {pages}").
    #[serde(default)]
    pub page_of: String,
    /// The same report in a second language, following this one (a bilingual report).
    #[serde(default)]
    pub second: Option<Box<Document>>,
}

/// One piece of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A heading; level 1 is a section, 2 a part of it, 3 a small heading.
    Heading {
        /// 1 to 3.
        level: u8,
        /// The words.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// The words.
        text: String,
    },
    /// Labelled facts ("Total time: 12 h").
    Facts {
        /// The facts, in order.
        items: Vec<Fact>,
    },
    /// A bulleted list.
    List {
        /// The items.
        items: Vec<String>,
    },
    /// A table with a header row and, when there is one, a totals row.
    Table(Table),
}

/// A label and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Fact {
    /// What it is.
    pub label: String,
    /// Its value.
    pub value: String,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Table {
    /// What the table shows (read out by screen readers and shown above it).
    pub caption: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<String>>,
    /// The totals row, if any.
    pub total: Option<Vec<String>>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Column {
    /// Its heading.
    pub title: String,
    /// Figures (aligned right).
    pub numeric: bool,
}

impl Document {
    /// The title, with the second language's after it in a bilingual report
    /// ("Crynodeb cyfranogiad / Involvement summary").
    pub fn full_title(&self) -> String {
        match &self.second {
            Some(second) => format!("{} / {}", self.title, second.title),
            None => self.title.clone(),
        }
    }

    /// Every piece of text in the document, in order (for checks and for counting).
    pub fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.title.as_str(), &self.subtitle, &self.prepared];
        out.extend(self.notes.iter().map(String::as_str));
        for block in &self.blocks {
            match block {
                Block::Heading { text, .. } | Block::Paragraph { text } => out.push(text),
                Block::Facts { items } => {
                    for f in items {
                        out.push(&f.label);
                        out.push(&f.value);
                    }
                }
                Block::List { items } => out.extend(items.iter().map(String::as_str)),
                Block::Table(t) => {
                    out.push(&t.caption);
                    out.extend(t.columns.iter().map(|c| c.title.as_str()));
                    for row in t.rows.iter().chain(t.total.iter()) {
                        out.extend(row.iter().map(String::as_str));
                    }
                }
            }
        }
        if let Some(second) = &self.second {
            out.extend(second.texts());
        }
        out
    }
}

impl Document {
    /// Changes every piece of text in place (used to replace names with roles).
    pub fn for_each_text(&mut self, mut f: impl FnMut(&mut String)) {
        self.each_text(&mut f);
    }

    fn each_text(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.title);
        f(&mut self.subtitle);
        f(&mut self.prepared);
        self.notes.iter_mut().for_each(&mut *f);
        for block in &mut self.blocks {
            match block {
                Block::Heading { text, .. } | Block::Paragraph { text } => f(text),
                Block::Facts { items } => {
                    for fact in items {
                        f(&mut fact.label);
                        f(&mut fact.value);
                    }
                }
                Block::List { items } => items.iter_mut().for_each(&mut *f),
                Block::Table(t) => {
                    f(&mut t.caption);
                    t.columns.iter_mut().for_each(|c| f(&mut c.title));
                    for row in t.rows.iter_mut().chain(t.total.iter_mut()) {
                        row.iter_mut().for_each(&mut *f);
                    }
                }
            }
        }
        if let Some(second) = &mut self.second {
            second.each_text(f);
        }
    }
}

/// Builds a document block by block.
#[derive(Debug, Default)]
pub struct Builder {
    blocks: Vec<Block>,
    lang: Language,
}

impl Builder {
    /// A builder whose own sentences ("nothing in this period") are in `lang`.
    pub fn in_language(lang: Language) -> Self {
        Builder {
            blocks: Vec::new(),
            lang,
        }
    }

    /// Adds a heading.
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    /// Adds a paragraph (nothing when the text is blank).
    pub fn paragraph(&mut self, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.blocks.push(Block::Paragraph { text });
        }
    }

    /// Adds labelled facts, leaving out those with blank values.
    pub fn facts<L: Into<String>, V: Into<String>>(
        &mut self,
        items: impl IntoIterator<Item = (L, V)>,
    ) {
        let items: Vec<Fact> = items
            .into_iter()
            .map(|(l, v)| Fact {
                label: l.into(),
                value: v.into(),
            })
            .filter(|f| !f.value.trim().is_empty())
            .collect();
        if !items.is_empty() {
            self.blocks.push(Block::Facts { items });
        }
    }

    /// Adds a list (nothing when empty).
    pub fn list(&mut self, items: impl IntoIterator<Item = String>) {
        let items: Vec<String> = items.into_iter().filter(|i| !i.trim().is_empty()).collect();
        if !items.is_empty() {
            self.blocks.push(Block::List { items });
        }
    }

    /// Adds a table; an empty one becomes a sentence saying there is nothing to show.
    pub fn table(&mut self, table: Table) {
        if table.rows.is_empty() {
            let text = words::say(
                self.lang,
                "report-table-empty",
                &[("caption", table.caption.as_str().into())],
            );
            self.paragraph(text);
        } else {
            self.blocks.push(Block::Table(table));
        }
    }

    /// The blocks so far.
    pub fn finish(self) -> Vec<Block> {
        self.blocks
    }
}

impl Table {
    /// A table with these columns (`true` marks figures) and no rows yet.
    pub fn new(caption: impl Into<String>, columns: &[(&str, bool)]) -> Self {
        Table {
            caption: caption.into(),
            columns: columns
                .iter()
                .map(|(title, numeric)| Column {
                    title: (*title).to_owned(),
                    numeric: *numeric,
                })
                .collect(),
            rows: Vec::new(),
            total: None,
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}
