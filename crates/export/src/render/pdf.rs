//! PDF through Typst: fonts embedded in the program, no network, tagged for screen readers
//! (PDF/UA-1), with the document's title and language set.

use std::sync::OnceLock;

use alongside_core::{CoreError, CoreResult};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::document::Document;

/// A value as JSON for the layout to read.
fn json<T: serde::Serialize>(value: &T) -> CoreResult<Vec<u8>> {
    serde_json::to_vec(value)
        .map_err(|e| CoreError::Internal(format!("The report could not be prepared: {e}.")))
}

const LAYOUT: &str = include_str!("report.typ");

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// The faces reports use, inside the program: Libertinus Serif for text and headings, and DejaVu
/// Sans Mono as the fallback for symbols Libertinus lacks (licences in `fonts/NOTICE`). Only
/// these, not Typst's whole set, so the program stays small.
const FONT_FILES: [&[u8]; 3] = [
    include_bytes!("../../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../../fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../../fonts/DejaVuSansMono.ttf"),
];

/// The fonts shipped inside the program (read once).
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// A picture or PDF that follows the report on a page of its own (a claim pack's receipt); each
/// page of a PDF becomes a page, up to [`MOST_PDF_PAGES`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Its heading, which also names the picture for screen readers.
    pub name: String,
    /// `image/jpeg`, `image/png`, `image/gif`, `image/webp` or `application/pdf`.
    pub media_type: String,
    /// The file.
    pub bytes: Vec<u8>,
}

/// The most pages of one PDF file that follow a report (a long document attached as a receipt
/// is cut short, and says so).
pub const MOST_PDF_PAGES: usize = 20;

/// What the layout reads about each page: its heading, and the file and page to show or, when
/// the file cannot be shown, a sentence saying so.
#[derive(serde::Serialize)]
struct PageEntry {
    name: String,
    file: Option<String>,
    page: usize,
    note: Option<String>,
}

/// How many pages of a PDF file can be shown (`None`: it cannot be read, e.g. damaged or
/// protected by a password).
fn pdf_pages(bytes: &[u8]) -> Option<usize> {
    let pdf = hayro_syntax::Pdf::new(bytes.to_vec()).ok()?;
    let count = pdf.pages().len();
    (count > 0).then_some(count)
}

/// The layout's entries for one page (one per page shown of a PDF).
fn entries_for(page: &Page, file: String) -> Vec<PageEntry> {
    let shown = |name: String, page: usize| PageEntry {
        name,
        file: Some(file.clone()),
        page,
        note: None,
    };
    if page.media_type != "application/pdf" {
        return vec![shown(page.name.clone(), 1)];
    }
    let Some(count) = pdf_pages(&page.bytes) else {
        return vec![PageEntry {
            name: page.name.clone(),
            file: None,
            page: 1,
            note: Some(
                "This PDF could not be read (it may be damaged or protected by a password), so \
                 it is not shown here. Send it with the claim as a file of its own."
                    .into(),
            ),
        }];
    };
    let mut entries: Vec<PageEntry> = (1..=count.min(MOST_PDF_PAGES))
        .map(|n| {
            let name = if count == 1 {
                page.name.clone()
            } else {
                format!("{}, page {n} of {count}", page.name)
            };
            shown(name, n)
        })
        .collect();
    if count > MOST_PDF_PAGES {
        if let Some(last) = entries.last_mut() {
            last.note = Some(format!(
                "Only the first {MOST_PDF_PAGES} pages of this PDF are shown here; send the \
                 whole file with the claim."
            ));
        }
    }
    entries
}

/// The world a report is compiled in: the layout, the report's data, its pages' files and
/// nothing else.
struct ReportWorld {
    main: Source,
    files: Vec<(FileId, Bytes)>,
}

fn file_id(path: &str) -> CoreResult<FileId> {
    let vpath = VirtualPath::new(path)
        .map_err(|_| CoreError::Internal("The report layout path is not valid.".into()))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// The document as a tagged PDF.
pub fn render(doc: &Document) -> CoreResult<Vec<u8>> {
    render_with(doc, &[])
}

/// The document as a tagged PDF, followed by `pages` (each on a page of its own, scaled to fit).
pub fn render_with(doc: &Document, pages: &[Page]) -> CoreResult<Vec<u8>> {
    let mut files = vec![(file_id("/report.json")?, Bytes::new(json(doc)?))];
    let mut entries = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let extension = match page.media_type.as_str() {
            "application/pdf" => "pdf",
            "image/png" => "png",
            "image/gif" => "gif",
            "image/webp" => "webp",
            _ => "jpg",
        };
        let file = format!("/page-{i}.{extension}");
        files.push((file_id(&file)?, Bytes::new(page.bytes.clone())));
        entries.extend(entries_for(page, file));
    }
    files.push((file_id("/pages.json")?, Bytes::new(json(&entries)?)));
    let world = ReportWorld {
        main: Source::new(file_id("/report.typ")?, LAYOUT.to_owned()),
        files,
    };
    let document: PagedDocument = typst::compile(&world).output.map_err(|errors| {
        let first = errors
            .first()
            .map(|e| e.message.to_string())
            .unwrap_or_default();
        CoreError::Internal(format!("The PDF could not be laid out: {first}."))
    })?;
    // PDF/UA cannot embed another PDF's page (Typst refuses it), so a claim pack with a PDF
    // receipt is tagged for screen readers but does not claim PDF/UA conformance.
    let embeds_pdf = entries
        .iter()
        .any(|e| e.file.as_deref().is_some_and(|f| f.ends_with(".pdf")));
    let wanted: &[PdfStandard] = if embeds_pdf {
        &[]
    } else {
        &[PdfStandard::Ua_1]
    };
    let standards = PdfStandards::new(wanted)
        .map_err(|e| CoreError::Internal(format!("The PDF settings were refused: {e:?}.")))?;
    let options = PdfOptions {
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| {
        let first = errors
            .first()
            .map(|e| e.message.to_string())
            .unwrap_or_default();
        CoreError::Internal(format!("The PDF could not be written: {first}."))
    })
}
