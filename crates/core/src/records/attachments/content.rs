//! What an attached file really is, its metadata taken out, and its preview.
//!
//! The type comes from the bytes (images and PDFs) and from the name (everything else); a file
//! whose bytes and name disagree is kept as a plain attachment with no preview. Photos lose their
//! EXIF, XMP and IPTC metadata (location, camera, times) except the orientation, which is kept
//! so other programs still show them the right way up. Images are decoded under size limits, so
//! a decompression bomb or a damaged file gives no preview instead of exhausting memory.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use img_parts::jpeg::{markers, Jpeg};
use img_parts::png::Png;
use img_parts::{Bytes, ImageEXIF};

/// The longest side of a preview, in pixels.
pub const PREVIEW_SIDE: u32 = 480;
/// The widest or tallest image that is decoded for a preview.
const MOST_PIXELS_A_SIDE: u32 = 12_000;
/// The most memory one decode may take.
const MOST_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// What was learnt about a file and the bytes to keep.
#[derive(Debug)]
pub struct Examined {
    /// The bytes to store (the original, less its metadata when it is a photo).
    pub bytes: Vec<u8>,
    /// The media type (`image/jpeg`, `application/pdf`, `text/plain`…).
    pub media_type: String,
    /// A small JPEG or PNG of the image, turned the right way up; `None` when there is none.
    pub preview: Option<Vec<u8>>,
    /// The image's size the right way up, when it was read.
    pub size: Option<(u32, u32)>,
    /// Whether metadata (EXIF, XMP, IPTC or text chunks) was taken out.
    pub metadata_removed: bool,
    /// Whether that metadata held a location.
    pub location_removed: bool,
}

/// Finds what `bytes` are, takes photo metadata out and makes the preview.
pub fn examine(name: &str, bytes: Vec<u8>) -> Examined {
    let by_name = mime_guess::from_path(name).first_raw();
    let sniffed = sniff(&bytes);
    let agrees = match (sniffed, by_name) {
        (Some(found), Some(named)) => named == found.media_type(),
        // A name with no known extension: the bytes say what it is.
        (Some(_), None) => true,
        (None, _) => false,
    };
    let Some(kind) = sniffed.filter(|_| agrees) else {
        // Not an image or PDF, or not what its name says: kept as it is, no preview.
        let named_image_or_pdf =
            by_name.is_some_and(|n| n.starts_with("image/") || n == "application/pdf");
        let media_type = match by_name {
            Some(named) if !named_image_or_pdf => named.to_owned(),
            _ => "application/octet-stream".to_owned(),
        };
        return Examined {
            bytes,
            media_type,
            preview: None,
            size: None,
            metadata_removed: false,
            location_removed: false,
        };
    };
    let media_type = kind.media_type().to_owned();
    let (bytes, metadata_removed, location_removed) = match kind {
        Sniffed::Image(ImageFormat::Jpeg) => clean_jpeg(bytes),
        Sniffed::Image(ImageFormat::Png) => clean_png(bytes),
        _ => (bytes, false, false),
    };
    let (preview, size) = match kind {
        Sniffed::Image(format) => match preview(&bytes, format) {
            Some((p, w, h)) => (Some(p), Some((w, h))),
            None => (None, None),
        },
        Sniffed::Pdf => (None, None),
    };
    Examined {
        bytes,
        media_type,
        preview,
        size,
        metadata_removed,
        location_removed,
    }
}

#[derive(Debug, Clone, Copy)]
enum Sniffed {
    Image(ImageFormat),
    Pdf,
}

impl Sniffed {
    fn media_type(self) -> &'static str {
        match self {
            Sniffed::Image(format) => format.to_mime_type(),
            Sniffed::Pdf => "application/pdf",
        }
    }
}

/// The images previewed, and PDFs.
fn sniff(bytes: &[u8]) -> Option<Sniffed> {
    if bytes.starts_with(b"%PDF-") {
        return Some(Sniffed::Pdf);
    }
    match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::Gif | ImageFormat::WebP)) => {
            Some(Sniffed::Image(f))
        }
        _ => None,
    }
}

/// Decodes under limits, turns the image the right way up and scales it to a preview.
/// Returns the preview's bytes and the full image's size the right way up.
pub fn preview(bytes: &[u8], format: ImageFormat) -> Option<(Vec<u8>, u32, u32)> {
    let image = decode(bytes, format)?;
    let (width, height) = (image.width(), image.height());
    // Scaled down to fit, never up.
    let small = if width.max(height) > PREVIEW_SIDE {
        image.thumbnail(PREVIEW_SIDE, PREVIEW_SIDE)
    } else {
        image
    };
    let mut out = Cursor::new(Vec::new());
    if small.color().has_alpha() {
        small.write_to(&mut out, ImageFormat::Png).ok()?;
    } else {
        DynamicImage::ImageRgb8(small.to_rgb8())
            .write_to(&mut out, ImageFormat::Jpeg)
            .ok()?;
    }
    Some((out.into_inner(), width, height))
}

/// The whole image, decoded under the size limits and turned the right way up.
pub fn decode(bytes: &[u8], format: ImageFormat) -> Option<DynamicImage> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MOST_PIXELS_A_SIDE);
    limits.max_image_height = Some(MOST_PIXELS_A_SIDE);
    limits.max_alloc = Some(MOST_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder.orientation().ok()?;
    let mut image = DynamicImage::from_decoder(decoder).ok()?;
    image.apply_orientation(orientation);
    Some(image)
}

/// What a block of EXIF holds that matters here.
struct ExifFacts {
    orientation: Option<u16>,
    location: bool,
}

fn exif_facts(raw: &[u8]) -> ExifFacts {
    let Ok(exif) = exif::Reader::new().read_raw(raw.to_vec()) else {
        // Unreadable EXIF is removed all the same; it may hold anything.
        return ExifFacts {
            orientation: None,
            location: false,
        };
    };
    let orientation = exif
        .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|o| u16::try_from(o).ok())
        .filter(|o| (2..=8).contains(o));
    let location = exif.fields().any(|f| f.tag.context() == exif::Context::Gps);
    ExifFacts {
        orientation,
        location,
    }
}

/// EXIF that holds only an orientation.
fn orientation_only(orientation: u16) -> Option<Bytes> {
    let field = exif::Field {
        tag: exif::Tag::Orientation,
        ifd_num: exif::In::PRIMARY,
        value: exif::Value::Short(vec![orientation]),
    };
    let mut writer = exif::experimental::Writer::new();
    writer.push_field(&field);
    let mut out = Cursor::new(Vec::new());
    writer.write(&mut out, false).ok()?;
    Some(Bytes::from(out.into_inner()))
}

/// XMP written by cameras and phones names a location with these properties.
fn xmp_has_location(contents: &[u8]) -> bool {
    contents
        .windows(6)
        .any(|w| w == b"GPSLat" || w == b"GPSLon")
}

/// A JPEG without EXIF (but its orientation), XMP, IPTC or comments.
fn clean_jpeg(bytes: Vec<u8>) -> (Vec<u8>, bool, bool) {
    let Ok(mut jpeg) = Jpeg::from_bytes(Bytes::from(bytes.clone())) else {
        return (bytes, false, false);
    };
    let facts = jpeg.exif().map(|raw| exif_facts(&raw));
    let mut location = facts.as_ref().is_some_and(|f| f.location);
    let before = jpeg.segments().len();
    jpeg.segments_mut().retain(|s| {
        let metadata = matches!(s.marker(), markers::APP1 | markers::APP13 | markers::COM);
        if metadata && s.marker() == markers::APP1 && xmp_has_location(s.contents()) {
            location = true;
        }
        !metadata
    });
    let removed = jpeg.segments().len() != before;
    if !removed {
        return (bytes, false, false);
    }
    if let Some(orientation) = facts.and_then(|f| f.orientation) {
        jpeg.set_exif(orientation_only(orientation));
    }
    (jpeg.encoder().bytes().to_vec(), true, location)
}

/// A PNG without its EXIF and text chunks (which may hold XMP).
fn clean_png(bytes: Vec<u8>) -> (Vec<u8>, bool, bool) {
    let Ok(mut png) = Png::from_bytes(Bytes::from(bytes.clone())) else {
        return (bytes, false, false);
    };
    let facts = png.exif().map(|raw| exif_facts(&raw));
    let kinds: [[u8; 4]; 4] = [*b"eXIf", *b"tEXt", *b"zTXt", *b"iTXt"];
    let mut location = facts.as_ref().is_some_and(|f| f.location);
    location |= png
        .chunks()
        .iter()
        .any(|c| kinds.contains(&c.kind()) && xmp_has_location(c.contents()));
    let before = png.chunks().len();
    png.chunks_mut().retain(|c| !kinds.contains(&c.kind()));
    if png.chunks().len() == before {
        return (bytes, false, false);
    }
    if let Some(orientation) = facts.and_then(|f| f.orientation) {
        png.set_exif(orientation_only(orientation));
    }
    (png.encoder().bytes().to_vec(), true, location)
}
