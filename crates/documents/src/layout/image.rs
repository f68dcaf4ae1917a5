//! Photos on a page: JPEG and PNG files embedded as PDF image objects.
//!
//! A JPEG goes into the file as it is (PDF readers decode JPEG themselves, `/DCTDecode`), so a
//! photo is neither decoded nor recompressed here: the file grows by the photo's size, no more.
//! Its EXIF orientation is honoured, since phone cameras store portrait photos sideways. A PNG is
//! decoded to 8-bit pixels and stored deflated, its transparency as a soft mask.

use std::collections::BTreeMap;
use std::io::Cursor;

use printpdf::{
    CurTransMat, DictItem, ExternalStream, ExternalXObject, Op, PdfDocument, RawImage, RawImageData, RawImageFormat,
    XObjectId, XObjectTransform,
};

use super::{Canvas, Pdf, mm_to_pt};

/// More pixels than any defect photo has (a 50 megapixel camera is 8,660 × 5,773): a file that
/// claims more is refused from its header, before a byte of it is inflated. A small PNG can
/// declare 100,000 × 100,000 pixels and inflate to tens of gigabytes.
pub const MAX_IMAGE_PIXELS: u64 = 50_000_000;

fn pixels_allowed(width: u32, height: u32) -> bool {
    u64::from(width) * u64::from(height) <= MAX_IMAGE_PIXELS
}

/// A photo registered with a [`Pdf`], ready to be drawn on any of its pages.
#[derive(Clone, Debug)]
pub(crate) struct Image {
    id: XObjectId,
    /// The stored pixels, before any rotation.
    width_px: u32,
    height_px: u32,
    /// Quarter turns clockwise that show the photo upright (from EXIF).
    quarter_turns: u8,
}

impl Image {
    /// Width over height as the photo is seen, upright.
    pub(crate) fn aspect(&self) -> f32 {
        let (width, height) = (self.width_px.max(1) as f32, self.height_px.max(1) as f32);
        if self.quarter_turns % 2 == 1 { height / width } else { width / height }
    }
}

/// The largest box of the photo's aspect ratio that fits `width` × `height`, as (width, height).
pub(crate) fn fit_size(aspect: f32, width: f32, height: f32) -> (f32, f32) {
    if width / height.max(f32::EPSILON) > aspect { (height * aspect, height) } else { (width, width / aspect) }
}

impl Pdf {
    /// Adds a JPEG or PNG file to the document; `None` when the bytes are neither, or broken.
    pub(crate) fn add_image(&mut self, bytes: &[u8]) -> Option<Image> {
        if bytes.starts_with(&[0xFF, 0xD8]) {
            add_jpeg(&mut self.doc, bytes)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            add_png(&mut self.doc, bytes)
        } else {
            None
        }
    }
}

impl Canvas {
    /// Draws `image` upright, stretched to the box `width` × `height` mm whose top-left corner is
    /// at (`x`, `top`); callers keep the aspect ratio with [`fit_size`].
    pub(crate) fn image(&mut self, image: &Image, x: f32, top: f32, width: f32, height: f32) {
        let origin = self.point(x, top + height);
        let (x0, y0) = (origin.x.0, origin.y.0);
        let (w, h) = (mm_to_pt(width), mm_to_pt(height));
        // An image fills the unit square; this maps that square onto the box, turned upright.
        let matrix = match image.quarter_turns % 4 {
            1 => [0.0, -h, w, 0.0, x0, y0 + h],
            2 => [-w, 0.0, 0.0, -h, x0 + w, y0 + h],
            3 => [0.0, h, -w, 0.0, x0 + w, y0],
            _ => [w, 0.0, 0.0, h, x0, y0],
        };
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetTransformationMatrix { matrix: CurTransMat::Raw(matrix) });
        self.ops.push(Op::UseXobject {
            id: image.id.clone(),
            transform: XObjectTransform { no_auto_scale: true, ..XObjectTransform::default() },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }
}

fn add_jpeg(doc: &mut PdfDocument, bytes: &[u8]) -> Option<Image> {
    let info = jpeg_info(bytes).filter(|info| pixels_allowed(info.width, info.height))?;
    let color_space = match info.components {
        1 => "DeviceGray",
        3 => "DeviceRGB",
        4 => "DeviceCMYK",
        _ => return None,
    };
    let mut dict = BTreeMap::from([
        ("Type".to_string(), DictItem::Name("XObject".into())),
        ("Subtype".to_string(), DictItem::Name("Image".into())),
        ("Width".to_string(), DictItem::Int(i64::from(info.width))),
        ("Height".to_string(), DictItem::Int(i64::from(info.height))),
        ("ColorSpace".to_string(), DictItem::Name(color_space.into())),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Filter".to_string(), DictItem::Name("DCTDecode".into())),
    ]);
    if info.components == 4 && info.adobe {
        // Adobe writes CMYK JPEGs inverted.
        dict.insert("Decode".to_string(), DictItem::Array([1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec()));
    }
    let stream = ExternalStream { dict, content: bytes.to_vec(), compress: false };
    let id = doc.add_xobject(&ExternalXObject { stream, width: None, height: None, dpi: None });
    Some(Image { id, width_px: info.width, height_px: info.height, quarter_turns: info.quarter_turns })
}

#[derive(Debug, Default, PartialEq, Eq)]
struct JpegInfo {
    width: u32,
    height: u32,
    components: u8,
    /// An Adobe APP14 segment is present (CMYK is then stored inverted).
    adobe: bool,
    quarter_turns: u8,
}

/// Reads the frame header (size and colour components) and the EXIF orientation of a JPEG.
fn jpeg_info(bytes: &[u8]) -> Option<JpegInfo> {
    let mut info = JpegInfo::default();
    let mut at = 2;
    loop {
        // Markers may be padded with extra 0xFF bytes.
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        let length = usize::from(u16::from_be_bytes([*bytes.get(at + 2)?, *bytes.get(at + 3)?]));
        let segment = bytes.get(at + 4..at + 2 + length)?;
        match marker {
            // Start of frame, any kind but the arithmetic-coding tables (0xC4 DHT, 0xC8, 0xCC).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                info.height = u32::from(u16::from_be_bytes([*segment.get(1)?, *segment.get(2)?]));
                info.width = u32::from(u16::from_be_bytes([*segment.get(3)?, *segment.get(4)?]));
                info.components = *segment.get(5)?;
                return (info.width > 0 && info.height > 0).then_some(info);
            }
            0xE1 if segment.starts_with(b"Exif\0\0") => {
                info.quarter_turns = exif_quarter_turns(&segment[6..]).unwrap_or(0);
            }
            0xEE if segment.starts_with(b"Adobe") => info.adobe = true,
            // Start of scan or end of image before any frame header: not a usable file.
            0xDA | 0xD9 => return None,
            _ => {}
        }
        at += 2 + length;
    }
}

/// The clockwise quarter turns that EXIF's orientation tag asks for (mirrored variants are shown
/// turned but unmirrored: rare, and still recognisable).
fn exif_quarter_turns(tiff: &[u8]) -> Option<u8> {
    let little = match tiff.get(0..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let pair = [*tiff.get(at)?, *tiff.get(at + 1)?];
        Some(if little { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let quad = [*tiff.get(at)?, *tiff.get(at + 1)?, *tiff.get(at + 2)?, *tiff.get(at + 3)?];
        Some(if little { u32::from_le_bytes(quad) } else { u32::from_be_bytes(quad) })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = usize::from(u16_at(ifd)?);
    (0..entries).map(|index| ifd + 2 + index * 12).find(|&entry| u16_at(entry) == Some(0x0112)).and_then(|entry| {
        match u16_at(entry + 8)? {
            3 | 4 => Some(2),
            5 | 6 => Some(1),
            7 | 8 => Some(3),
            _ => Some(0),
        }
    })
}

fn add_png(doc: &mut PdfDocument, bytes: &[u8]) -> Option<Image> {
    // The decoder's own allocation cap backs up the header check: 8-bit RGBA of the largest
    // photo allowed, and no more.
    let limits = png::Limits { bytes: usize::try_from(MAX_IMAGE_PIXELS * 4).ok()? };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    if !pixels_allowed(reader.info().width, reader.info().height) {
        return None;
    }
    let mut pixels = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut pixels).ok()?;
    pixels.truncate(frame.buffer_size());
    let data_format = match frame.color_type {
        png::ColorType::Grayscale => RawImageFormat::R8,
        png::ColorType::GrayscaleAlpha => RawImageFormat::RG8,
        png::ColorType::Rgb => RawImageFormat::RGB8,
        png::ColorType::Rgba => RawImageFormat::RGBA8,
        // Expanded by the transformation above.
        png::ColorType::Indexed => return None,
    };
    let image = RawImage {
        pixels: RawImageData::U8(pixels),
        width: usize::try_from(frame.width).ok()?,
        height: usize::try_from(frame.height).ok()?,
        data_format,
        tag: Vec::new(),
    };
    let id = doc.add_image(&image);
    Some(Image { id, width_px: frame.width, height_px: frame.height, quarter_turns: 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JPEG's first segments: SOI, an EXIF APP1 with one orientation entry, then SOF0.
    fn jpeg_head(orientation: u16, little_endian: bool) -> Vec<u8> {
        let u16b = |v: u16| if little_endian { v.to_le_bytes() } else { v.to_be_bytes() };
        let u32b = |v: u32| if little_endian { v.to_le_bytes() } else { v.to_be_bytes() };
        let mut tiff = Vec::new();
        tiff.extend_from_slice(if little_endian { b"II" } else { b"MM" });
        tiff.extend_from_slice(&u16b(42));
        tiff.extend_from_slice(&u32b(8));
        tiff.extend_from_slice(&u16b(1));
        tiff.extend_from_slice(&u16b(0x0112));
        tiff.extend_from_slice(&u16b(3));
        tiff.extend_from_slice(&u32b(1));
        tiff.extend_from_slice(&u16b(orientation));
        tiff.extend_from_slice(&[0, 0]);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE1];
        bytes.extend_from_slice(&u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
        bytes.extend_from_slice(&app1);
        // SOF0: length 11, precision 8, height 30, width 40, 1 component (+3 bytes of it).
        bytes.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8, 0, 30, 0, 40, 1, 1, 0x11, 0]);
        bytes
    }

    #[test]
    fn a_jpeg_header_gives_size_components_and_orientation() {
        for (orientation, turns) in [(1, 0), (3, 2), (6, 1), (8, 3)] {
            for little in [true, false] {
                let info = jpeg_info(&jpeg_head(orientation, little)).unwrap();
                assert_eq!((info.width, info.height, info.components), (40, 30, 1));
                assert_eq!(info.quarter_turns, turns, "orientation {orientation}");
            }
        }
        assert_eq!(jpeg_info(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]), None);
        assert_eq!(jpeg_info(&[0xFF, 0xD8, 0xFF]), None);
    }

    /// `jpeg` with an EXIF segment asking for `orientation`, as a phone writes a portrait photo.
    fn with_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
        let head = jpeg_head(orientation, false);
        // SOI and the APP1 segment, without the test frame header that follows them.
        let app1_end = 4 + usize::from(u16::from_be_bytes([head[4], head[5]]));
        let mut bytes = head[..app1_end].to_vec();
        bytes.extend_from_slice(&jpeg[2..]);
        bytes
    }

    #[test]
    fn a_real_jpeg_is_embedded_with_its_orientation() {
        let jpeg = include_bytes!("../../tests/fixtures/defect-photo.jpg");
        let mut pdf = Pdf::new("t", super::super::A4).unwrap();
        let upright = pdf.add_image(jpeg).unwrap();
        assert_eq!((upright.width_px, upright.height_px, upright.quarter_turns), (320, 240, 0));
        let turned = pdf.add_image(&with_orientation(jpeg, 6)).unwrap();
        assert_eq!((turned.width_px, turned.height_px, turned.quarter_turns), (320, 240, 1));
        assert!((turned.aspect() - 0.75).abs() < 1e-4);
    }

    #[test]
    fn a_photo_turned_sideways_is_seen_upright() {
        let image = |quarter_turns| Image { id: XObjectId::new(), width_px: 400, height_px: 300, quarter_turns };
        assert!((image(0).aspect() - 4.0 / 3.0).abs() < 1e-4);
        assert!((image(1).aspect() - 0.75).abs() < 1e-4);
        assert!((image(2).aspect() - 4.0 / 3.0).abs() < 1e-4);
    }

    #[test]
    fn fitting_keeps_the_aspect_ratio() {
        assert_eq!(fit_size(2.0, 40.0, 40.0), (40.0, 20.0));
        assert_eq!(fit_size(0.5, 40.0, 40.0), (20.0, 40.0));
        assert_eq!(fit_size(1.0, 30.0, 60.0), (30.0, 30.0));
    }

    #[test]
    fn anything_but_jpeg_or_png_is_refused() {
        let mut pdf = Pdf::new("t", super::super::A4).unwrap();
        assert!(pdf.add_image(b"GIF89a").is_none());
        assert!(pdf.add_image(b"\x89PNG\r\n\x1a\nbroken").is_none());
        assert!(pdf.add_image(&[0xFF, 0xD8, 0xFF, 0xD9]).is_none());
    }

    #[test]
    fn a_png_that_declares_ten_billion_pixels_is_refused_from_its_header() {
        let bomb = include_bytes!("../../tests/fixtures/bomb-100000x100000.png");
        let mut pdf = Pdf::new("t", super::super::A4).unwrap();
        assert!(pdf.add_image(bomb).is_none());
        // A complete, valid 64 megapixel PNG of 8 KiB: it would decode, but it is past the limit.
        let big = include_bytes!("../../tests/fixtures/black-8000x8000.png");
        assert!(pdf.add_image(big).is_none());
        // A JPEG's frame header that claims 65,535 × 65,535 pixels is not embedded either.
        let mut huge_jpeg = jpeg_head(1, false);
        let frame = huge_jpeg.len() - 13;
        huge_jpeg[frame + 5..frame + 9].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
        assert!(pdf.add_image(&huge_jpeg).is_none());
        assert!(pdf.add_image(&jpeg_head(1, false)).is_some(), "the same header at 40 × 30 is");
    }
}
