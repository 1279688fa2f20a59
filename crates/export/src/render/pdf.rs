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

/// The world a report is compiled in: the layout, the report's data and nothing else.
struct ReportWorld {
    main: Source,
    data: Bytes,
    data_id: FileId,
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
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
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
    let data = serde_json::to_vec(doc)
        .map_err(|e| CoreError::Internal(format!("The report could not be prepared: {e}.")))?;
    let world = ReportWorld {
        main: Source::new(file_id("/report.typ")?, LAYOUT.to_owned()),
        data: Bytes::new(data),
        data_id: file_id("/report.json")?,
    };
    let document: PagedDocument = typst::compile(&world).output.map_err(|errors| {
        let first = errors
            .first()
            .map(|e| e.message.to_string())
            .unwrap_or_default();
        CoreError::Internal(format!("The PDF could not be laid out: {first}."))
    })?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1])
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
