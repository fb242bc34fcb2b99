//! Product photos: what an upload must be, and the sizes pages get (JPEG, a few widths, so a
//! phone on mobile data downloads the small one).

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader, Limits};

/// The widths stored, in pixels; a photo narrower than one is stored up to its own width.
pub const WIDTHS: [u32; 3] = [320, 640, 1280];
/// The largest upload accepted (a phone photo is 2–6 MB).
pub const MAX_BYTES: usize = 12 * 1024 * 1024;
/// The largest image accepted, per side: refuses a small file that claims a huge picture.
const MAX_SIDE: u32 = 12_000;
const JPEG_QUALITY: u8 = 80;

/// Why an upload was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("not a JPEG, PNG or WebP image")]
    NotAnImage,
    #[error("the image is larger than {MAX_SIDE} pixels a side")]
    TooLarge,
    #[error("the image could not be read")]
    Unreadable,
}

/// One stored size.
#[derive(Debug, Clone)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub jpeg: Vec<u8>,
}

/// Checks an upload by its content (not its name or declared type), decodes it within limits
/// and makes every stored width. Takes 0.1–0.3 s for a phone photo: run it off the async
/// runtime.
pub fn prepare(bytes: &[u8]) -> Result<Vec<Variant>, PhotoError> {
    let format = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(PhotoError::NotAnImage);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError::TooLarge,
        _ => PhotoError::Unreadable,
    })?;
    let image = DynamicImage::ImageRgb8(image.to_rgb8());
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < image.width()).collect();
    if widths.len() < WIDTHS.len() {
        widths.push(image.width().min(WIDTHS[WIDTHS.len() - 1]));
    }
    widths
        .into_iter()
        .map(|width| {
            let height = ((u64::from(image.height()) * u64::from(width)) / u64::from(image.width().max(1))).max(1) as u32;
            let resized = image.resize_exact(width, height, image::imageops::FilterType::Triangle);
            let mut jpeg = Vec::new();
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY);
            resized.write_with_encoder(encoder).map_err(|_| PhotoError::Unreadable)?;
            Ok(Variant { width, height, jpeg })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::new_rgb8(width, height);
        let mut bytes = Vec::new();
        image.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).expect("encode");
        bytes
    }

    #[test]
    fn a_photo_is_stored_in_every_width_it_covers_as_jpeg() {
        let variants = prepare(&png(2000, 1500)).expect("prepared");
        let sizes: Vec<(u32, u32)> = variants.iter().map(|v| (v.width, v.height)).collect();
        assert_eq!(sizes, vec![(320, 240), (640, 480), (1280, 960)]);
        assert!(variants.iter().all(|v| v.jpeg.starts_with(&[0xFF, 0xD8])), "JPEG");
        let small = prepare(&png(500, 500)).expect("prepared");
        assert_eq!(small.iter().map(|v| v.width).collect::<Vec<_>>(), vec![320, 500]);
    }

    #[test]
    fn anything_but_an_image_is_refused_by_its_content() {
        assert_eq!(prepare(b"%PDF-1.7 not an image").err(), Some(PhotoError::NotAnImage));
        assert_eq!(prepare(b"GIF89a......").err(), Some(PhotoError::NotAnImage));
        let mut truncated = png(100, 100);
        truncated.truncate(60);
        assert_eq!(prepare(&truncated).err(), Some(PhotoError::Unreadable));
    }

    #[test]
    fn a_header_claiming_a_huge_picture_is_refused_before_decoding() {
        // A PNG header for 60000 × 60000 pixels.
        let mut header = png(1, 1);
        header[16..20].copy_from_slice(&60_000u32.to_be_bytes());
        header[20..24].copy_from_slice(&60_000u32.to_be_bytes());
        assert!(matches!(prepare(&header), Err(PhotoError::TooLarge | PhotoError::Unreadable)));
    }
}
